//! `ospo audit`: an organisation's repositories found under a root — worktrees and bare
//! mirrors, a broken one among them, a plain directory beside them — checked in one run;
//! its rows, summary, shards and merge, and its exit codes.

mod audit_fixture;
mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;
use tempfile::TempDir;

/// An organisation: 60 worktrees and 5 bare mirrors cloned from three projects (complete,
/// missing three files, a README alone), one worktree whose objects are gone, and a plain
/// directory that is no repository.
struct Organisation {
    _tmp: TempDir,
    root: PathBuf,
}

impl Organisation {
    fn new() -> Organisation {
        let complete = complete_project();
        let missing = project_missing_three_files();
        let readme = Repo::with_files(&[("README.md", README)]);
        let sources = [complete.path(), missing.path(), readme.path()];
        let tmp = TempDir::new().unwrap();
        let root = tmp.path().join("org");
        std::fs::create_dir_all(root.join("mirrors")).unwrap();
        for index in 0..60 {
            clone(
                sources[index % 3],
                &root.join(format!("wt-{index:02}")),
                false,
            );
        }
        for index in 0..5 {
            clone(
                sources[index % 3],
                &root.join(format!("mirrors/m{index}.git")),
                true,
            );
        }
        let broken = root.join("broken");
        clone(sources[0], &broken, false);
        let objects = broken.join(".git/objects");
        std::fs::remove_dir_all(&objects).unwrap();
        std::fs::create_dir(&objects).unwrap();
        write_file(&root, "plain/notes.txt", "Not a repository.\n");
        Organisation { _tmp: tmp, root }
    }

    fn root(&self) -> &str {
        self.root.to_str().unwrap()
    }

    fn audit(&self, args: &[&str]) -> Output {
        let mut all = vec!["audit", self.root()];
        all.extend_from_slice(args);
        ospo(&self.root, &all)
    }

    /// An audit on a checklist of four items, files and history, the quicker to run
    /// several times over the 66 repositories.
    fn quick_audit(&self, args: &[&str]) -> Output {
        let checklist = self.root.parent().unwrap().join("quick.yaml");
        if !checklist.exists() {
            let yaml = checklist_yaml(&[
                item_yaml(
                    "needs.readme",
                    "required",
                    3,
                    "{kind: file, names: [\"README*\"]}",
                ),
                item_yaml(
                    "legal.licence-file",
                    "required",
                    5,
                    "{kind: file, names: [\"LICENSE*\"]}",
                ),
                item_yaml(
                    "community.governance",
                    "recommended",
                    2,
                    "{kind: file, names: [\"GOVERNANCE*\"]}",
                ),
                item_yaml(
                    "community.contributors",
                    "optional",
                    1,
                    "{kind: activity, metric: contributors, days: 365, min: 2}",
                ),
            ]);
            std::fs::write(&checklist, yaml).unwrap();
        }
        let mut all = vec!["--checklist", checklist.to_str().unwrap()];
        all.extend_from_slice(args);
        self.audit(&all)
    }
}

fn clone(source: &Path, target: &Path, bare: bool) {
    let mut args = vec!["clone", "-q"];
    if bare {
        args.push("--bare");
    }
    args.push(source.to_str().unwrap());
    args.push(target.to_str().unwrap());
    git(target.parent().unwrap(), &args);
}

/// The rows of a `jsonl` output, and its summary.
fn jsonl(output: &Output) -> (Vec<Value>, Value) {
    let mut lines: Vec<Value> = output
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    let summary = lines.pop().expect("a summary line");
    (lines, summary["summary"].clone())
}

fn row_path(row: &Value) -> &str {
    row["report"]["repository"]["path"]
        .as_str()
        .or_else(|| row["error"]["path"].as_str())
        .expect("a row has a path")
}

#[test]
fn an_organisation_is_one_row_per_repository_with_the_broken_one_as_an_error() {
    let org = Organisation::new();
    let output = org.audit(&["--format", "json"]);
    output.assert_code(1);
    let audit = output.json();
    assert_eq!(audit["schema_version"], 2);
    let rows = audit["repositories"].as_array().unwrap();
    assert_eq!(rows.len(), 66, "60 worktrees, 5 mirrors and the broken one");
    let paths: Vec<&str> = rows.iter().map(row_path).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "rows are sorted by path");
    assert!(
        !paths.iter().any(|path| path.contains("plain")),
        "{paths:?}"
    );
    assert!(
        !paths.iter().any(|path| path.ends_with("/.git")),
        "{paths:?}"
    );
    assert_eq!(
        paths.iter().filter(|path| path.ends_with(".git")).count(),
        5,
        "the mirrors, by their own path"
    );

    let errors: Vec<&Value> = rows
        .iter()
        .filter(|row| row.get("error").is_some())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]["error"]["path"]
            .as_str()
            .unwrap()
            .ends_with("/broken")
    );
    let message = errors[0]["error"]["message"].as_str().unwrap();
    assert!(message.contains("HEAD"), "{message}");

    let summary = &audit["summary"];
    assert_eq!(summary["repositories"], 66);
    assert_eq!(summary["errors"], 1);
    // The complete project passes (20 worktrees and 2 mirrors), the others fail.
    assert_eq!(summary["passed"], 22);
    assert_eq!(summary["failed"], 43);
    for spread in ["verified", "overall"] {
        assert_eq!(summary[spread]["scored"], 65, "{spread}");
        let histogram: u64 = summary[spread]["histogram"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(histogram, 65, "{spread}");
    }
    // The complete project and the one missing three files answer every question; the
    // README alone answers none.
    assert_eq!(summary["declared"]["scored"], 44);
    assert_eq!(summary["waivers"], 0);
    let stages: Vec<&str> = summary["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|stage| stage["stage"].as_str().unwrap())
        .collect();
    assert_eq!(
        stages,
        ["needs", "communication", "legal", "community", "funding"]
    );
    let licence = summary["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == "legal.licence-file")
        .expect("the licence item is summed up");
    // Missing in the 20 + 2 clones of the project without it; the README-only project
    // has no licence either (21 + 1).
    assert_eq!(licence["failing"], 43, "{licence}");
    assert_eq!(licence["counts"]["pass"], 22, "{licence}");
    assert_eq!(licence["basis"], "verified");
    assert_eq!(licence["open"], 0);
    // A question the clones of the README alone leave open: not a miss.
    let question = summary["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["basis"] == "declared")
        .expect("the default checklist has questions");
    assert_eq!(question["open"], 21, "{question}");
    assert_eq!(question["failing"], 0, "{question}");
    assert_eq!(question["counts"]["unknown"], 21, "{question}");
}

#[test]
fn jsonl_is_a_row_a_line_then_the_summary_and_the_terminal_report_sums_up() {
    let org = Organisation::new();
    let output = org.audit(&["--format", "jsonl"]);
    output.assert_code(1);
    let (rows, summary) = jsonl(&output);
    assert_eq!(rows.len(), 66);
    assert_eq!(
        rows.iter()
            .filter(|row| row.get("report").is_some())
            .count(),
        65
    );
    assert_eq!(summary["repositories"], 66);
    // The same run as one document gives the same rows and summary.
    let json = org.audit(&["--format", "json"]).json();
    assert_eq!(Value::Array(rows), json["repositories"]);
    assert_eq!(summary, json["summary"]);

    let terminal = org.audit(&[]);
    terminal.assert_code(1);
    let first = terminal.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "ospo audit — 66 repositories in {}/: 22 pass, 43 fail, 1 could not be checked",
            std::fs::canonicalize(&org.root).unwrap().display()
        )
    );
    assert!(terminal.stdout.contains("│ wt-00 "), "{}", terminal.stdout);
    assert!(
        terminal.stdout.contains("│ mirrors/m0.git "),
        "{}",
        terminal.stdout
    );
    assert!(terminal.stdout.contains("│ broken "), "{}", terminal.stdout);
    assert!(
        terminal.stdout.contains("legal.licence-file — "),
        "the items most missed are listed:\n{}",
        terminal.stdout
    );
}

#[test]
fn the_same_repositories_give_the_same_bytes_whatever_the_jobs() {
    let org = Organisation::new();
    let once = org.quick_audit(&["--format", "jsonl"]);
    let again = org.quick_audit(&["--format", "jsonl", "--jobs", "1"]);
    assert_eq!(once.stdout, again.stdout);
    let three = org.quick_audit(&["--format", "jsonl", "--jobs", "3"]);
    assert_eq!(once.stdout, three.stdout);
}

#[test]
fn shards_partition_the_repositories_and_merge_back_to_the_whole() {
    let org = Organisation::new();
    let whole = org.quick_audit(&["--format", "jsonl"]);
    let (all_rows, _) = jsonl(&whole);
    let all: Vec<&str> = all_rows.iter().map(row_path).collect();
    for count in [2, 3] {
        let mut files = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for index in 1..=count {
            let shard = format!("{index}/{count}");
            let output = org.quick_audit(&["--format", "jsonl", "--shard", &shard]);
            let (rows, summary) = jsonl(&output);
            assert!(!rows.is_empty(), "shard {shard} is empty");
            assert_eq!(summary["repositories"], rows.len());
            seen.extend(rows.iter().map(|row| row_path(row).to_owned()));
            let file = org
                .root
                .parent()
                .unwrap()
                .join(format!("shard-{index}-of-{count}.jsonl"));
            std::fs::write(&file, &output.stdout).unwrap();
            files.push(file);
        }
        seen.sort();
        assert_eq!(seen, all, "the {count} shards take each repository once");

        let mut args = vec!["audit", "merge"];
        args.extend(files.iter().map(|file| file.to_str().unwrap()));
        args.extend(["--format", "jsonl"]);
        let merged = ospo(&org.root, &args);
        merged.assert_code(1);
        assert_eq!(merged.stdout, whole.stdout, "merging {count} shards");
    }
}

#[test]
fn merge_refuses_what_is_not_the_shards_of_one_audit() {
    let org = Organisation::new();
    let shard = org.quick_audit(&["--format", "jsonl", "--shard", "1/2"]);
    let file = org.root.parent().unwrap().join("one.jsonl");
    std::fs::write(&file, &shard.stdout).unwrap();
    let file = file.to_str().unwrap();

    let twice = ospo(&org.root, &["audit", "merge", file, file]);
    twice.assert_error();
    assert!(
        twice.stderr.contains("is in more than one of the files"),
        "{}",
        twice.all()
    );

    let not_jsonl = org.root.parent().unwrap().join("not.jsonl");
    std::fs::write(&not_jsonl, "{\"report\": 1}\n").unwrap();
    let wrong = ospo(&org.root, &["audit", "merge", not_jsonl.to_str().unwrap()]);
    wrong.assert_error();
    assert!(wrong.stderr.contains("not.jsonl:1: "), "{}", wrong.all());
}

#[test]
fn every_repository_passing_exits_0() {
    let complete = complete_project();
    let tmp = TempDir::new().unwrap();
    for name in ["alpha", "beta"] {
        clone(complete.path(), &tmp.path().join(name), false);
    }
    let output = ospo(tmp.path(), &["audit", "--format", "json"]);
    output.assert_code(0);
    assert_eq!(output.json()["summary"]["passed"], 2);
    // A gate of the check applies to each repository.
    ospo(tmp.path(), &["audit", "--fail-under", "101"]).assert_code(1);
}

#[test]
fn paths_can_come_from_a_file_and_symlinks_are_not_followed() {
    let org = Organisation::new();
    let list = org.root.parent().unwrap().join("repositories.txt");
    std::fs::write(
        &list,
        format!(
            "# two of them\n{}\n\n{}\n",
            org.root.join("wt-00").display(),
            org.root.join("mirrors/m1.git").display()
        ),
    )
    .unwrap();
    let output = ospo(
        &org.root,
        &[
            "audit",
            "--from",
            list.to_str().unwrap(),
            "--format",
            "jsonl",
        ],
    );
    let (rows, _) = jsonl(&output);
    let names: Vec<&str> = rows
        .iter()
        .map(|row| row_path(row).rsplit('/').next().unwrap())
        .collect();
    assert_eq!(names, ["m1.git", "wt-00"]);

    // A link to a repository outside the root is not followed.
    let outside = complete_project();
    let linked = TempDir::new().unwrap();
    clone(outside.path(), &linked.path().join("inside"), false);
    std::os::unix::fs::symlink(outside.path(), linked.path().join("link")).unwrap();
    let output = ospo(linked.path(), &["audit", "--format", "jsonl"]);
    let (rows, _) = jsonl(&output);
    assert_eq!(rows.len(), 1, "{}", output.stdout);
    assert!(row_path(&rows[0]).ends_with("/inside"));
}

#[test]
fn usage_errors_exit_2_before_any_work() {
    let tmp = TempDir::new().unwrap();
    write_file(tmp.path(), "plain/notes.txt", "Not a repository.\n");
    let root = tmp.path().to_str().unwrap();
    for (args, message) in [
        (vec!["audit", root], "no git repository under"),
        (vec!["audit", "no/such/dir"], "no/such/dir"),
        (vec!["audit", root, "--shard", "3/2"], "is not a shard"),
        (vec!["audit", root, "--jobs", "0"], "--jobs"),
        (
            vec!["audit", root, "--checklist", "no-such-list"],
            "no-such-list",
        ),
    ] {
        let output = ospo(tmp.path(), &args);
        output.assert_code(2);
        assert!(
            output.stderr.contains(message),
            "{args:?}:\n{}",
            output.all()
        );
        assert_no_panic(&output);
    }
}

/// `jsonl` lines are written from the JSON of each item's checklist text, kept by the
/// thread between rows. Whatever rows it wrote before (another checklist, the other
/// language, the same row again, an error row), each line is the row serialised as is.
#[test]
fn jsonl_lines_are_the_rows_serialised_whatever_was_written_before() {
    use ospo::audit::{AuditOptions, Row};
    use ospo::check::Options;
    use ospo::i18n::Lang;
    use ospo::report::audit::json::row_line;

    let complete = complete_project();
    let missing = project_missing_three_files();
    let own = repo_with_its_own_checklist();
    let fr_admin = Repo::with_files(&[
        ("README.md", README),
        (".ospo.yml", "checklist: fr-admin\n"),
    ]);
    let broken = TempDir::new().unwrap();
    clone(complete.path(), &broken.path().join("broken"), false);
    let objects = broken.path().join("broken/.git/objects");
    std::fs::remove_dir_all(&objects).unwrap();
    std::fs::create_dir(&objects).unwrap();
    let paths: Vec<PathBuf> = vec![
        complete.path().to_path_buf(),
        missing.path().to_path_buf(),
        own.path().to_path_buf(),
        fr_admin.path().to_path_buf(),
        broken.path().join("broken"),
    ];
    let mut rows: Vec<Row> = Vec::new();
    for lang in [Lang::En, Lang::Fr] {
        let options = AuditOptions {
            checklist: None,
            trust_repo_checklists: true,
            check: Options {
                lang,
                gate: Default::default(),
                probes_prepared: false,
                no_waivers: false,
            },
            jobs: 1,
            loaded: None,
        };
        rows.extend(ospo::audit::run(&paths, &options, &|| ()).repositories);
    }
    let checklists: std::collections::BTreeSet<String> = rows
        .iter()
        .filter_map(|row| match row {
            Row::Report(report) => Some(format!("{} {:?}", report.checklist.id, report.language)),
            Row::Error(_) => None,
        })
        .collect();
    assert_eq!(checklists.len(), 6, "{checklists:?}");
    assert_eq!(rows.len(), 10);

    let forward: Vec<&Row> = rows.iter().collect();
    let backward: Vec<&Row> = rows.iter().rev().collect();
    let alternating: Vec<&Row> = (0..5)
        .flat_map(|i| [&rows[i], &rows[i + 5], &rows[i]])
        .collect();
    for order in [forward, backward, alternating] {
        for row in order {
            assert_eq!(
                row_line(row),
                serde_json::to_string(row).unwrap(),
                "{}",
                row.path()
            );
        }
    }
}

#[test]
fn jsonl_rows_keep_the_order_of_json_rows_when_a_worktree_is_moved() {
    let readme = Repo::with_files(&[("README.md", README)]);
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("org");
    std::fs::create_dir_all(&root).unwrap();
    for name in ["a", "b", "c"] {
        clone(readme.path(), &root.join(name), false);
    }
    // `b`'s configuration puts its worktree after `c`: its report names that directory.
    let moved = root.join("z-worktree");
    std::fs::create_dir_all(&moved).unwrap();
    git(
        &root.join("b"),
        &["config", "core.worktree", moved.to_str().unwrap()],
    );
    let root_text = root.to_str().unwrap();
    let jsonl_out = ospo(&root, &["audit", root_text, "--format", "jsonl"]);
    assert_no_panic(&jsonl_out);
    let (rows, _) = jsonl(&jsonl_out);
    let json_out = ospo(&root, &["audit", root_text, "--format", "json"]);
    let audit: Value = serde_json::from_str(&json_out.stdout).expect("JSON");
    let json_rows = audit["repositories"].as_array().expect("rows");
    let paths: Vec<&str> = rows.iter().map(row_path).collect();
    let json_paths: Vec<&str> = json_rows.iter().map(row_path).collect();
    assert_eq!(paths, json_paths);
    assert_eq!(paths.len(), 3);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    // Each line is its row as the JSON report has it.
    for (line, row) in rows.iter().zip(json_rows) {
        assert_eq!(line, row);
    }
}

// ── Verified items and open questions ──

/// The rows of the table that follows the line starting with `title`: the first cell of
/// each, up to ` — `.
fn table_after<'a>(text: &'a str, title: &str) -> Vec<&'a str> {
    let start = text
        .find(title)
        .unwrap_or_else(|| panic!("no {title:?} in:\n{text}"));
    text[start..]
        .lines()
        .skip(1)
        .skip_while(|line| !line.starts_with('╞'))
        .skip(1)
        .take_while(|line| line.starts_with('│'))
        .map(|line| {
            let cell = line.trim_start_matches('│').trim_start();
            cell.split(" — ").next().unwrap_or(cell)
        })
        .collect()
}

/// The audit's text with the fixture's folder written `[ROOT]`.
fn redacted(text: &str, org: &audit_fixture::QuestionsOrg) -> String {
    text.replace(&org.root.display().to_string(), "[ROOT]")
}

#[test]
fn the_most_missed_are_verified_items_and_open_questions_are_listed_apart() {
    let org = audit_fixture::QuestionsOrg::new();
    let english = org.audit(&[]);
    english.assert_code(1);
    let text = &english.stdout;
    // `funding.budget` is open in every repository, yet not among the items missed.
    assert_eq!(
        table_after(
            text,
            "Verified items not met, by level, then by how many repositories miss them:"
        ),
        audit_fixture::MOST_MISSED,
        "{text}"
    );
    assert_eq!(
        table_after(text, "Questions most often open"),
        audit_fixture::MOST_OPEN,
        "{text}"
    );
    let missed_at = text.find("Verified items not met").unwrap();
    let open_at = text.find("Questions most often open").unwrap();
    assert!(
        missed_at < open_at,
        "the questions come after the items missed"
    );
    assert!(!text[missed_at..open_at].contains("funding.budget"));
    assert!(text.contains("1 waiver applied"), "{text}");
    insta::assert_snapshot!("questions_terminal_en", redacted(text, &org));

    let french = org.audit(&["--lang", "fr"]);
    let texte = &french.stdout;
    assert_eq!(
        table_after(
            texte,
            "Éléments vérifiés non satisfaits, par niveau puis selon le nombre de dépôts concernés :"
        ),
        audit_fixture::MOST_MISSED,
        "{texte}"
    );
    assert_eq!(
        table_after(texte, "Questions le plus souvent en attente"),
        audit_fixture::MOST_OPEN,
        "{texte}"
    );
    insta::assert_snapshot!("questions_terminal_fr", redacted(texte, &org));
}

#[test]
fn the_summary_spreads_the_verified_scores_and_counts_questions_and_waivers_apart() {
    let org = audit_fixture::QuestionsOrg::new();
    let audit = org.audit(&["--format", "json"]).json();
    assert_eq!(audit["schema_version"], 2);
    let summary = &audit["summary"];
    let rows = audit["repositories"].as_array().unwrap();
    let scores = |field: &str| -> Vec<Value> {
        rows.iter()
            .map(|row| row["report"][field].clone())
            .collect()
    };
    assert_eq!(
        scores("verified_score"),
        serde_json::json!([100.0, 81.8, 25.0, 41.7])
            .as_array()
            .unwrap()
            .clone()
    );
    assert_eq!(
        scores("declared_score"),
        serde_json::json!([100.0, 0.0, null, null])
            .as_array()
            .unwrap()
            .clone()
    );
    assert_eq!(
        summary["verified"],
        serde_json::json!({
            "scored": 4, "mean": 62.1, "min": 25.0, "max": 100.0,
            "histogram": [0, 0, 1, 0, 1, 0, 0, 0, 1, 1]
        })
    );
    assert_eq!(
        summary["declared"],
        serde_json::json!({
            "scored": 2, "mean": 50.0, "min": 0.0, "max": 100.0,
            "histogram": [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
        })
    );
    // The overall spread is still there, verified items and answers together.
    assert_eq!(summary["overall"]["scored"], 4);
    assert_eq!(summary["overall"]["max"], 100.0);
    assert_eq!(summary["waivers"], 1);
    let stage = |id: &str| {
        summary["stages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|stage| stage["stage"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(stage("community")["verified"]["mean"], 41.7);
    assert_eq!(stage("community")["declared"]["mean"], 50.0);
    assert_eq!(stage("legal")["verified"]["histogram"][0], 2);
    assert_eq!(stage("funding")["verified"]["scored"], 0, "questions only");
    assert_eq!(stage("funding")["declared"]["scored"], 0, "open everywhere");

    let items: Vec<(&str, &str, u64, u64, u64)> = summary["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["id"].as_str().unwrap(),
                item["basis"].as_str().unwrap(),
                item["failing"].as_u64().unwrap(),
                item["open"].as_u64().unwrap(),
                item["waived"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("needs.readme", "verified", 0, 0, 0),
            ("needs.roadmap", "verified", 2, 0, 0),
            ("legal.licence-file", "verified", 2, 0, 0),
            ("community.contributing", "verified", 2, 0, 0),
            ("community.governance", "verified", 2, 0, 1),
            // Answered no in bravo; open in charlie (no answer) and delta (no evidence).
            ("community.security-contact", "declared", 1, 2, 0),
            ("funding.budget", "declared", 0, 4, 0),
        ]
    );

    // An auditor's run: the waiver is ignored, and governance is missed once more.
    let strict = org.audit(&["--format", "json", "--no-waivers"]).json();
    assert_eq!(strict["summary"]["waivers"], 0);
    let governance = strict["summary"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == "community.governance")
        .unwrap()
        .clone();
    assert_eq!(
        (governance["failing"].clone(), governance["waived"].clone()),
        (3.into(), 0.into())
    );
}

#[test]
fn shards_of_an_audit_with_questions_merge_to_the_bytes_of_one_run() {
    let org = audit_fixture::QuestionsOrg::new();
    let outside = org.root.parent().unwrap();
    let mut files = Vec::new();
    for index in 1..=2 {
        let shard = format!("{index}/2");
        let part = org.audit(&["--format", "jsonl", "--shard", &shard]);
        let file = outside.join(format!("part-{index}.jsonl"));
        std::fs::write(&file, &part.stdout).unwrap();
        files.push(file);
    }
    for format in ["jsonl", "json", "csv", "html", "terminal"] {
        let whole = org.audit(&["--format", format]);
        let mut args = vec!["audit", "merge"];
        args.extend(files.iter().map(|file| file.to_str().unwrap()));
        args.extend(["--format", format]);
        let merged = ospo(&org.root, &args);
        merged.assert_code(1);
        assert!(
            merged.stdout == whole.stdout,
            "merging the shards in {format}:\n{}\n---\n{}",
            merged.stdout,
            whole.stdout
        );
    }
}

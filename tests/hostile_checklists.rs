//! Checklists as untrusted input: a checklist a repository names for itself is written by
//! whoever can commit to it. Every checklist, from the repository or the command line, is
//! held to bounds on its globs, patterns and items, refused at load with the place of the
//! problem; a pattern whose automaton explodes within them gives up with an error rather
//! than run for minutes; and `ospo audit` uses a repository's own checklist file only
//! when told to trust it (`--trust-repo-checklists`).

mod common;

use common::{README, Repo, checklist_yaml, item_yaml, ospo};
use serde_json::Value;

/// A repository whose `.ospo.yml` names `checklist.yml`, committed beside it.
fn repo_naming(checklist: &str, files: &[(&str, &str)]) -> Repo {
    let mut all = vec![
        ("README.md", README),
        (".ospo.yml", "checklist: checklist.yml\n"),
        ("checklist.yml", checklist),
    ];
    all.extend_from_slice(files);
    Repo::with_files(&all)
}

/// A checklist of one required item with `probe`, a YAML flow mapping.
fn one_item(probe: &str) -> String {
    checklist_yaml(&[item_yaml("needs.evil", "required", 1, probe)])
}

/// The line of `probe:` in [`one_item`]'s checklist, and the column its mapping's values
/// start at: `item_yaml` writes `    probe: {…}` on the item's eighth line.
const PROBE_LINE: usize = 12;

/// Asserts that `ospo check` of the repository refuses its checklist, exit 2, with one
/// problem naming `place` (`file:line:column`) and saying `reason`; and that the same
/// checklist given on the command line is refused alike.
#[track_caller]
fn assert_refused(repo: &Repo, place: &str, reason: &str) {
    let output = repo.ospo(&["check"]);
    output.assert_error();
    assert!(
        output.stderr.contains("invalid checklist: 1 problem\n"),
        "{}",
        output.all()
    );
    let line = output
        .stderr
        .lines()
        .find(|line| line.contains(reason))
        .unwrap_or_else(|| panic!("no `{reason}`:\n{}", output.all()));
    assert!(line.trim_start().starts_with(place), "{line}");
    // Cut short, however long the glob or pattern.
    assert!(output.stderr.len() < 600, "{}", output.all());
    let text = std::fs::read_to_string(repo.path().join("checklist.yml")).unwrap();
    let outside = repo.write_checklist("outside.yml", &text);
    let output = repo.ospo(&["check", "--checklist", &outside]);
    output.assert_error();
    assert!(output.stderr.contains(reason), "{}", output.all());
}

// ── globs ──

/// 1,000 brace groups in a glob: each was a level of recursion holding a copy of the
/// glob (10,000 took 1.26 GB, 30,000 overflowed the stack).
#[test]
fn a_glob_of_many_brace_groups_is_refused_at_load() {
    let repo = repo_naming(
        &one_item(&format!(
            "{{kind: file, names: [\"{}\"]}}",
            "{a}".repeat(1000)
        )),
        &[],
    );
    assert_refused(
        &repo,
        &format!("checklist.yml:{PROBE_LINE}:"),
        "longer than 256 characters",
    );
    // Within the length, the groups, their depth and what they expand to are bounded.
    for (glob, reason) in [
        ("{a}".repeat(33), "more than 32 brace groups"),
        (
            format!("{}x{}", "{".repeat(9), "}".repeat(9)),
            "nested more than 8 deep",
        ),
        ("{a,b}".repeat(7), "more than 64 alternatives"),
    ] {
        let repo = repo_naming(
            &one_item(&format!("{{kind: file, names: [\"{glob}\"]}}")),
            &[],
        );
        assert_refused(&repo, "checklist.yml:", reason);
    }
}

/// `**/*a*a…`: each star cost a pass over the rest of the name per place it could start,
/// seconds per thousand files. Past 32 stars a glob is refused; at 31, over long names it
/// misses, the check answers at once, and right.
#[test]
fn a_glob_of_many_stars_is_refused_and_one_within_the_bound_matches_right() {
    let repo = repo_naming(
        &one_item(&format!(
            "{{kind: file, names: [\"**/{}\"], places: [\".\"]}}",
            "*a".repeat(40)
        )),
        &[],
    );
    assert_refused(&repo, "checklist.yml:", "more than 32 `*` and `**`");

    let names = [
        ("d/".to_owned() + &"a".repeat(30), false),
        ("d/".to_owned() + &"a".repeat(31), true),
        ("d/e/".to_owned() + &"ba".repeat(40), true),
    ];
    for (path, found) in names {
        let checklist = one_item(&format!(
            "{{kind: file, names: [\"**/{}\"], places: [\".\"]}}",
            "*a".repeat(31)
        ));
        let mut files: Vec<(String, String)> = (0..200)
            .map(|index| (format!("many/{index}/{}", "a".repeat(29)), "x".to_owned()))
            .collect();
        files.push((path.clone(), "x".to_owned()));
        let repo = repo_naming(&checklist, &[]);
        repo.write_all(&files);
        repo.commit("Files");
        let output = repo.ospo(&["check", "--format", "json"]);
        let report = output.json();
        assert_eq!(
            common::status(&report, "needs.evil"),
            if found { "pass" } else { "fail" },
            "{path}"
        );
    }
}

// ── patterns ──

/// `[ab]*a[ab]{8000}c`: its lazy DFA built a state per byte, 15 s per MiB searched.
/// Counted repetitions past 1,000 are refused, and so are patterns past 1,000 characters.
#[test]
fn a_pattern_of_large_counted_repetitions_is_refused_at_load() {
    let repo = repo_naming(
        &one_item("{kind: content, names: [\"README*\"], pattern: '[ab]*a[ab]{8000}c'}"),
        &[],
    );
    assert_refused(
        &repo,
        &format!("checklist.yml:{PROBE_LINE}:"),
        "a counted repetition of 8000 is more than the 1000 allowed",
    );
    let repo = repo_naming(
        &one_item(
            "{kind: content, names: [\"README*\"], patterns: ['install', 'x{2,5}', '(ab){1001,}']}",
        ),
        &[],
    );
    // At the element at fault, the third.
    assert_refused(
        &repo,
        "checklist.yml:12:80:",
        "a counted repetition of 1001 is more than the 1000 allowed",
    );
    let repo = repo_naming(
        &one_item(&format!(
            "{{kind: content, names: [\"README*\"], pattern: '{}'}}",
            "a".repeat(1001)
        )),
        &[],
    );
    assert_refused(&repo, "checklist.yml:", "longer than 1000 characters");
}

/// Within the bounds, a pattern whose automaton explodes still builds a state per byte:
/// the search gives up after its states have filled their cache three times, and the
/// item is an error that says so, in both languages.
#[test]
fn a_pattern_whose_automaton_explodes_gives_up_with_an_error() {
    // Random `a`s and `b`s, the same every run.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut text = String::new();
    for _ in 0..64 {
        for _ in 0..1000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push(if seed & 1 == 0 { 'a' } else { 'b' });
        }
        text.push('\n');
    }
    let repo = repo_naming(
        &one_item(
            "{kind: content, names: [\"docs/*.md\"], places: [\".\"], pattern: '[ab]*a[ab]{200}c'}",
        ),
        &[("docs/random.md", &text)],
    );
    let started = std::time::Instant::now();
    let output = repo.ospo(&["check", "--format", "json"]);
    output.assert_code(1);
    let report = output.json();
    let item = common::item(&report, "needs.evil");
    assert_eq!(item["status"], "error", "{item:#}");
    assert_eq!(
        item["message"],
        "gave up searching docs/random.md: the pattern is too costly to match (simplify its repetitions)"
    );
    let french = repo
        .ospo(&["check", "--format", "json", "--lang", "fr"])
        .json();
    assert_eq!(
        common::item(&french, "needs.evil")["message"],
        "recherche abandonnée dans docs/random.md : le motif est trop coûteux à appliquer (simplifiez ses répétitions)"
    );
    // The same pattern on a line that holds a match finds it before giving up.
    repo.write("docs/a.md", &format!("a{}c\n", "b".repeat(200)));
    repo.commit("A match");
    let report = repo.ospo(&["check", "--format", "json"]).json();
    assert_eq!(common::status(&report, "needs.evil"), "pass");
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

// ── what a whole checklist holds ──

#[test]
fn a_checklist_of_too_many_items_or_globs_is_refused() {
    let items: Vec<String> = (0..501)
        .map(|index| {
            item_yaml(
                &format!("needs.item-{index}"),
                "optional",
                1,
                "{kind: file, names: [README*]}",
            )
        })
        .collect();
    let repo = repo_naming(&checklist_yaml(&items), &[]);
    assert_refused(
        &repo,
        "checklist.yml:4:",
        "a checklist holds at most 500 items",
    );

    // 64 alternatives of 15 tokens a glob, 64 globs an item: 61,440 tokens an item.
    let glob = format!("\"{}{}\"", "{a,b}".repeat(6), "x".repeat(9));
    let names = vec![glob; 64].join(", ");
    let items: Vec<String> = (0..2)
        .map(|index| {
            item_yaml(
                &format!("needs.item-{index}"),
                "optional",
                1,
                &format!("{{kind: file, names: [{names}]}}"),
            )
        })
        .collect();
    let repo = repo_naming(&checklist_yaml(&items), &[]);
    assert_refused(
        &repo,
        "checklist.yml:20:",
        "item `needs.item-1`: the checklist's globs hold more than 65536",
    );
}

/// A checklist with hundreds of problems lists the first hundred and counts the rest.
#[test]
fn an_error_lists_the_first_hundred_problems() {
    let items: Vec<String> = (0..150)
        .map(|index| {
            item_yaml(
                &format!("needs.item-{index}"),
                "optional",
                0,
                "{kind: file, names: [README*]}",
            )
        })
        .collect();
    let repo = repo_naming(&checklist_yaml(&items), &[]);
    let output = repo.ospo(&["check"]);
    output.assert_error();
    assert!(
        output
            .stderr
            .starts_with("error: invalid checklist: 150 problems\n")
    );
    assert_eq!(
        output
            .stderr
            .matches("weight must be a positive integer")
            .count(),
        100
    );
    assert!(
        output.stderr.ends_with("\n  and 50 more\n"),
        "{}",
        output.all()
    );
}

// ── the audit's trust ──

/// The rows of a JSON audit, by the last component of their path.
fn rows(audit: &Value) -> std::collections::BTreeMap<String, Value> {
    audit["repositories"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| {
            let path = row["report"]["repository"]["path"]
                .as_str()
                .or(row["error"]["path"].as_str())
                .or(row["path"].as_str())
                .unwrap_or_default();
            let name = path.rsplit('/').next().unwrap_or_default().to_owned();
            (name, row.clone())
        })
        .collect()
}

/// An organisation: `own` names a checklist file of its own, `hostile` one that cannot
/// load, `plain` none.
fn organisation() -> (tempfile::TempDir, String) {
    let tmp = tempfile::TempDir::new().unwrap();
    let own = repo_naming(&one_item("{kind: file, names: [README*]}"), &[]);
    let hostile = repo_naming(
        &one_item(&format!(
            "{{kind: file, names: [\"{}\"]}}",
            "{a}".repeat(40)
        )),
        &[],
    );
    let plain = Repo::with_files(&[("README.md", README)]);
    for (name, repo) in [("own", &own), ("hostile", &hostile), ("plain", &plain)] {
        common::git(
            tmp.path(),
            &["clone", "-q", repo.path().to_str().unwrap(), name],
        );
    }
    let root = tmp.path().display().to_string();
    (tmp, root)
}

fn report_of(row: &Value) -> &Value {
    if row.get("report").is_some() {
        &row["report"]
    } else {
        row
    }
}

#[test]
fn an_audit_uses_a_repositorys_own_checklist_only_when_trusted() {
    let (_tmp, root) = organisation();
    let audit = ospo(
        std::path::Path::new(&root),
        &["audit", "--format", "json", "."],
    );
    assert_no_error_rows(&audit.json());
    let by_name = rows(&audit.json());
    for name in ["own", "hostile"] {
        let report = report_of(&by_name[name]);
        assert_eq!(report["checklist"]["id"], "default", "{name}");
        assert_eq!(
            report["warnings"][0],
            ".ospo.yml asks for the checklist `checklist.yml`; this audit used `default` instead, \
             since it uses a repository's own checklist only with --trust-repo-checklists",
            "{name}"
        );
    }
    let plain = report_of(&by_name["plain"]);
    assert_eq!(plain["checklist"]["id"], "default");
    assert!(
        !plain["warnings"]
            .to_string()
            .contains("--trust-repo-checklists"),
        "{plain:#}"
    );
    let french = ospo(
        std::path::Path::new(&root),
        &["audit", "--format", "json", "--lang", "fr", "."],
    )
    .json();
    assert_eq!(
        report_of(&rows(&french)["own"])["warnings"][0],
        ".ospo.yml demande la liste de contrôle `checklist.yml` ; cet audit a utilisé `default` à la place, \
         car il n'utilise la liste de contrôle propre à un dépôt qu'avec --trust-repo-checklists"
    );

    // Trusted, each uses its own: the one that cannot load is an error row, located,
    // and the audit goes on.
    let trusted = ospo(
        std::path::Path::new(&root),
        &["audit", "--format", "json", "--trust-repo-checklists", "."],
    );
    common::assert_no_panic(&trusted);
    let by_name = rows(&trusted.json());
    assert_eq!(report_of(&by_name["own"])["checklist"]["id"], "test");
    assert!(by_name["own"].to_string().contains("needs.evil"));
    let error = by_name["hostile"].to_string();
    assert!(
        error.contains("checklist.yml:12:") && error.contains("more than 32 brace groups"),
        "{error}"
    );
    assert_eq!(report_of(&by_name["plain"])["checklist"]["id"], "default");

    // The flag says nothing more when the audit names its checklist.
    ospo(
        std::path::Path::new(&root),
        &[
            "audit",
            "--trust-repo-checklists",
            "--checklist",
            "default",
            ".",
        ],
    )
    .assert_error();
}

#[track_caller]
fn assert_no_error_rows(audit: &Value) {
    assert_eq!(audit["summary"]["errors"], 0, "{audit:#}");
}

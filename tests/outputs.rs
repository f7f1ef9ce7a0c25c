//! Where reports go and what fails a run: several `--format`/`--output` pairs in one run,
//! `--fail-on` and `--fail-under`, the GitHub workflow commands and step summary, and the
//! Markdown summary.

mod common;

use common::*;
use serde_json::json;

const MISSING: [&str; 3] = [
    "legal.licence-file",
    "community.code-of-conduct",
    "community.governance",
];

// ── formats and destinations ──

#[test]
fn one_run_writes_a_terminal_report_and_files_in_other_formats() {
    let repo = project_missing_three_files();
    // Outside the worktree, so that the reports do not change what the next run sees.
    let out = repo.outside();
    std::fs::create_dir_all(&out).unwrap();
    let output = repo.ospo(&[
        "check",
        "--color",
        "never",
        "--format",
        "json",
        "--output",
        out.join("report.json").to_str().unwrap(),
        "--format",
        "terminal",
        "--format",
        "markdown",
        "--output",
        out.join("summary.md").to_str().unwrap(),
    ]);
    output.assert_code(1);
    assert!(
        output.stdout.contains("What to do next:"),
        "the terminal report goes to stdout:\n{}",
        output.all()
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(json["verdict"], "fail");
    let markdown = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(markdown.starts_with("## ospo: "), "{markdown}");

    // The same run as a single report gives the same JSON bytes.
    let alone = repo.ospo(&["check", "--format", "json"]);
    assert_eq!(
        alone.stdout,
        std::fs::read_to_string(out.join("report.json")).unwrap()
    );
}

#[test]
fn an_output_takes_the_format_its_name_implies_when_none_comes_before_it() {
    let repo = project_missing_three_files();
    let output = repo.ospo(&["check", "--output", "report.json", "--output", "summary.md"]);
    output.assert_code(1);
    assert!(output.stdout.is_empty(), "{}", output.all());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo.path().join("report.json")).unwrap())
            .unwrap();
    assert_eq!(json["schema_version"], 2);
    let markdown = std::fs::read_to_string(repo.path().join("summary.md")).unwrap();
    assert!(
        markdown.contains("| Stage | Verified | Declared |"),
        "{markdown}"
    );

    // One format and one output pair in either order.
    repo.ospo(&["check", "--output", "r.xml", "--format", "json"])
        .assert_code(1);
    let paired = std::fs::read_to_string(repo.path().join("r.xml")).unwrap();
    assert!(paired.starts_with('{'), "JSON, as --format says: {paired}");
}

#[test]
fn dash_is_standard_output() {
    let repo = project_missing_three_files();
    let output = repo.ospo(&["check", "--format", "json", "--output", "-"]);
    output.assert_code(1);
    assert_eq!(output.json()["verdict"], "fail");
}

#[test]
fn ambiguous_destinations_are_usage_errors_before_any_work() {
    let repo = project_missing_three_files();
    for (args, message) in [
        (
            vec!["--format", "json", "--format", "markdown"],
            "2 reports would go to standard output",
        ),
        (vec!["--output", "report.bin"], "its name implies none"),
        (
            vec![
                "--format", "json", "--output", "a.json", "--format", "sarif", "--output", "a.json",
            ],
            "--output a.json is given twice",
        ),
    ] {
        let mut full = vec!["check"];
        full.extend(args);
        let output = repo.ospo(&full);
        output.assert_error();
        assert!(output.stderr.contains(message), "{}", output.all());
    }
    assert!(
        !repo.path().join("a.json").exists(),
        "nothing is written on a usage error"
    );
}

#[test]
fn a_report_that_cannot_be_written_is_an_error_and_names_the_file() {
    let repo = project_missing_three_files();
    let output = repo.ospo(&[
        "check",
        "--format",
        "json",
        "--output",
        "no/such/dir/r.json",
    ]);
    output.assert_error();
    assert!(
        output
            .stderr
            .contains("cannot write the report to no/such/dir/r.json"),
        "{}",
        output.all()
    );
}

// ── gates ──

#[test]
fn fail_on_decides_which_levels_fail_the_run() {
    let repo = complete_project();
    // An optional item that does not hold: the logo.
    let (_, report) = repo.check_json("default", &[]);
    let optional_failures: Vec<String> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["level"] == "optional" && item["status"] != "pass")
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(optional_failures.is_empty(), "{optional_failures:?}");
    repo.remove_signed_off(&["docs/logo.svg"]);
    let (output, report) = repo.check_json("default", &[]);
    output.assert_code(0);
    assert_eq!(status(&report, "communication.logo"), "fail");
    assert_eq!(item(&report, "communication.logo")["level"], "optional");
    assert_eq!(report["fail_on"], "required");
    assert_eq!(report["failed"], json!([]));

    for fail_on in ["required", "recommended"] {
        let (output, _) = repo.check_json("default", &["--fail-on", fail_on]);
        output.assert_code(0);
    }
    let (output, report) = repo.check_json("default", &["--fail-on", "any"]);
    output.assert_code(1);
    assert_eq!(report["verdict"], "fail");
    assert_eq!(report["fail_on"], "any");
    assert_eq!(report["failed"], json!(["communication.logo"]));
    assert_eq!(report["failed_required"], json!([]));

    let terminal = repo.ospo(&["check", "--fail-on", "any"]);
    terminal.assert_code(1);
    assert_eq!(
        terminal.stdout.lines().nth(3),
        Some("  items not met (--fail-on any): communication.logo"),
        "{}",
        terminal.all()
    );
}

#[test]
fn fail_on_recommended_fails_on_a_recommended_item() {
    let repo = complete_project();
    repo.remove_signed_off(&["GOVERNANCE.md"]);
    let (output, _) = repo.check_json("default", &[]);
    output.assert_code(0);
    let (output, report) = repo.check_json("default", &["--fail-on", "recommended"]);
    output.assert_code(1);
    assert_eq!(report["failed"], json!(["community.governance"]));
}

#[test]
fn fail_under_101_fails_a_complete_repository() {
    let repo = complete_project();
    let (output, report) = repo.check_json("default", &["--fail-under", "101"]);
    output.assert_code(1);
    assert_eq!(report["score"], 100.0);
    assert_eq!(report["fail_under"], 101.0);
    repo.ospo(&["check", "--fail-under", "100"]).assert_code(0);
}

// ── GitHub workflow commands ──

#[test]
fn github_format_prints_one_workflow_command_per_item_that_does_not_hold() {
    let repo = project_missing_three_files();
    let output = repo.ospo(&["check", "--format", "github"]);
    output.assert_code(1);
    let lines: Vec<&str> = output.stdout.lines().collect();
    // One error says why the run fails.
    assert_eq!(
        lines[0],
        "::error title=ospo%3A FAIL::Required items not met: legal.licence-file.%0AVerified score 80.7%25.",
        "{}",
        output.stdout
    );
    let licence = lines
        .iter()
        .find(|line| line.contains("title=legal.licence-file%3A"))
        .unwrap_or_else(|| panic!("no command for the licence:\n{}", output.all()));
    // The licence is missing: the annotation is on the run, not on a file that is not
    // there; it leads the warnings, as it fails the run.
    assert!(
        licence.starts_with("::warning title=legal.licence-file%3A "),
        "{licence}"
    );
    assert_eq!(lines[1], *licence);
    for id in ["community.code-of-conduct", "community.governance"] {
        let prefix = format!("::warning title={id}%3A ");
        assert!(
            lines.iter().any(|line| line.starts_with(&prefix)),
            "no `{prefix}…`:\n{}",
            output.stdout
        );
    }
    // Each command is one line with its message after `::`, and the last line is the
    // verdict.
    for line in &lines[1..lines.len() - 1] {
        assert!(
            line.starts_with("::warning ") || line.starts_with("::notice "),
            "{line}"
        );
        assert_eq!(line.matches("::").count(), 2, "{line}");
        assert!(line.contains("%0AFix: "), "the fix follows: {line}");
    }
    assert_eq!(
        lines.last().copied(),
        Some("ospo: FAIL, verified score 80.7%; declared 100.0% (25 answers, 0 open questions)")
    );

    // Under --fail-on recommended, the error names the two recommended items too.
    let wider = repo.ospo(&["check", "--format", "github", "--fail-on", "recommended"]);
    let errors: Vec<&str> = wider
        .stdout
        .lines()
        .filter(|line| line.starts_with("::error "))
        .collect();
    assert_eq!(errors.len(), 1, "{}", wider.stdout);
    for id in MISSING {
        assert!(errors[0].contains(id), "{id}: {}", errors[0]);
    }
}

#[test]
fn github_format_escapes_what_comes_from_the_repository() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let checklist = repo.write_checklist(
        "c.yaml",
        &checklist_yaml(&[item_yaml("needs.odd", "required", 1, "{kind: attest}")]),
    );
    repo.write(
        ".ospo.yml",
        "answers:\n  needs.odd:\n    answer: no\n    evidence: \"50% done\\n::error::injected, really: yes\"\n",
    );
    repo.commit("Answer");
    let output = repo.ospo(&["check", "--checklist", &checklist, "--format", "github"]);
    output.assert_code(1);
    let commands: Vec<&str> = output
        .stdout
        .lines()
        .filter(|l| l.starts_with("::"))
        .collect();
    assert_eq!(
        commands.len(),
        2,
        "the run's error and the item's warning, however the answer reads:\n{}",
        output.stdout
    );
    assert!(commands[0].starts_with("::error title=ospo%3A FAIL::"));
    assert!(commands[1].starts_with("::warning file=.ospo.yml,title=needs.odd%3A "));
    assert!(
        !output.stdout.contains("\n::error::injected"),
        "{}",
        output.stdout
    );
}

#[test]
fn github_format_appends_the_markdown_summary_to_the_step_summary() {
    let repo = project_missing_three_files();
    let summary = repo.outside().join("step-summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let summary_path = summary.to_str().unwrap();
    let output = ospo_env(
        repo.path(),
        &["check", "--format", "github"],
        &[("GITHUB_STEP_SUMMARY", summary_path)],
    );
    output.assert_code(1);
    let written = std::fs::read_to_string(&summary).unwrap();
    let markdown = repo.ospo(&["check", "--format", "markdown"]).stdout;
    assert_eq!(written, format!("earlier step\n{markdown}"));

    // Unset or empty: nothing is written, and the run is the same.
    let quiet = ospo_env(
        repo.path(),
        &["check", "--format", "github"],
        &[("GITHUB_STEP_SUMMARY", "")],
    );
    assert_eq!(quiet.stdout, output.stdout);
}

// ── Markdown ──

#[test]
fn markdown_has_the_stage_table_and_the_fixes_of_the_failed_items() {
    let repo = project_missing_three_files();
    let output = repo.ospo(&["check", "--format", "markdown"]);
    output.assert_code(1);
    let markdown = &output.stdout;
    assert!(markdown.starts_with("## ospo: "), "{markdown}");
    assert!(markdown.contains("❌ FAIL"), "{markdown}");
    let table: Vec<&str> = markdown
        .lines()
        .skip_while(|line| !line.starts_with("| Stage |"))
        .take_while(|line| line.starts_with('|'))
        .collect();
    assert_eq!(
        table.len(),
        2 + 5 + 1,
        "header, rule, five stages, overall:\n{markdown}"
    );
    assert_eq!(
        table[0],
        "| Stage | Verified | Declared | ✓ | ⚠ | ✗ | ? | – | ! |"
    );
    for (row, stage) in table[2..7].iter().zip(["1. ", "2. ", "3. ", "4. ", "5. "]) {
        assert!(row.starts_with(&format!("| {stage}")), "{row}");
    }
    assert!(
        table[7].starts_with("| **Overall** | **80.7%** | **100.0%** |"),
        "{}",
        table[7]
    );
    assert!(
        markdown.contains("**Required items not met**: `legal.licence-file`"),
        "{markdown}"
    );
    let report = repo.check_json("default", &[]).1;
    for id in MISSING {
        let fix = item(&report, id)["fix"].as_str().unwrap().trim().to_owned();
        let entry = markdown
            .lines()
            .position(|line| line.starts_with("- ✗ ") && line.contains(&format!("`{id}`")))
            .unwrap_or_else(|| panic!("{id} not in what to do:\n{markdown}"));
        let next = markdown.lines().nth(entry + 1).unwrap();
        assert!(next.starts_with("  *Fix*: "), "{next}");
        // Markdown escapes aside, the fix is there.
        assert!(
            next.replace('\\', "").contains(&fix[..fix.len().min(40)]),
            "{next}\n{fix}"
        );
    }
    assert!(
        !markdown.contains("<details>"),
        "nothing to fold: {markdown}"
    );
}

#[test]
fn markdown_reads_in_french() {
    let repo = project_missing_three_files();
    let output = repo.ospo(&["check", "--format", "markdown", "--lang", "fr"]);
    output.assert_code(1);
    assert!(output.stdout.contains("❌ ÉCHEC"), "{}", output.stdout);
    assert!(
        output.stdout.contains("| Étape | Vérifié | Déclaré | ✓ |"),
        "{}",
        output.stdout
    );
    assert!(
        output.stdout.contains("### Que faire ensuite"),
        "{}",
        output.stdout
    );
    assert!(
        output
            .stdout
            .contains("| **Global** | **80,7\u{202f}%** | **100,0\u{202f}%** |"),
        "{}",
        output.stdout
    );
}

#[test]
fn markdown_of_a_complete_project_has_nothing_to_do() {
    let repo = complete_project();
    let output = repo.ospo(&["check", "--format", "markdown"]);
    output.assert_code(0);
    assert!(
        output.stdout.contains("✅ PASS, verified 100.0%"),
        "{}",
        output.stdout
    );
    assert!(
        !output.stdout.contains("### What to do next"),
        "{}",
        output.stdout
    );
}

#[test]
fn dco_annotates_each_commit_that_is_not_signed_off() {
    let repo = complete_project();
    let base = repo.commit_unsigned();
    let range = format!("{base}..HEAD");
    let json = repo.ospo(&["dco", &range, "--format", "json"]).json();
    let unsigned = json["offending"][0]["commit"].as_str().unwrap().to_owned();
    assert!(repo.head().starts_with(&unsigned), "{json}");
    let output = repo.ospo(&["dco", &range, "--format", "github"]);
    output.assert_code(1);
    let commands: Vec<&str> = output
        .stdout
        .lines()
        .filter(|line| line.starts_with("::"))
        .collect();
    assert_eq!(
        commands,
        [format!(
            "::error title=Commit {unsigned} is not signed off::Dana <dana@four.example> — An unsigned change%0Amissing: no Signed-off-by line"
        )],
        "{}",
        output.all()
    );
    // The terminal report follows, with the fix.
    assert!(
        output.stdout.contains("git rebase --signoff"),
        "{}",
        output.all()
    );
}

#[test]
fn publiccode_annotates_each_finding_on_its_line() {
    let repo = Repo::with_files(&[(
        "publiccode.yml",
        include_str!("fixtures/publiccode/broken.yml"),
    )]);
    let output = repo.ospo(&["publiccode", "--format", "github"]);
    output.assert_code(1);
    let terminal = repo.ospo(&["publiccode"]);
    let commands: Vec<&str> = output
        .stdout
        .lines()
        .filter(|line| line.starts_with("::"))
        .collect();
    let findings = terminal.stdout.lines().count() - 1;
    assert_eq!(commands.len(), findings, "{}", output.all());
    // `publiccode.yml:9:20: error: developmentStatus: …` becomes an annotation there.
    let first = terminal.stdout.lines().next().unwrap();
    let mut parts = first.splitn(4, ':');
    let (file, line, column) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    assert!(
        commands[0].starts_with(&format!(
            "::error file={file},line={line},col={column},title="
        )),
        "{}\n{first}",
        commands[0]
    );
    assert!(
        output.stdout.ends_with(&terminal.stdout),
        "{}",
        output.all()
    );
}

//! The command line: exit codes, usage errors, and the `list`, `explain` and `schema`
//! commands.

mod common;

use common::*;
use serde_json::{Value, json};

// ── exit code 0 ──

#[test]
fn complete_project_passes_every_item_and_exits_0() {
    let repo = complete_project();
    let output = repo.ospo(&["check", "--format", "json"]);
    output.assert_code(0);
    assert!(output.stderr.is_empty(), "{}", output.all());
    let report = output.json();
    let not_passed: Vec<String> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["status"] != "pass")
        .map(|i| format!("{} {} {}", i["id"], i["status"], i["message"]))
        .collect();
    assert!(not_passed.is_empty(), "{not_passed:#?}");
    assert_eq!(report["verdict"], "pass");
    assert_eq!(report["score"], 100.0);
}

#[test]
fn complete_project_terminal_report_ends_with_pass() {
    let repo = complete_project();
    let output = repo.ospo(&["check"]);
    output.assert_code(0);
    assert_eq!(
        output.stdout.lines().nth(2),
        Some("PASS: verified score 100.0%; declared 100.0% (25 answers, 0 open questions)"),
        "{}",
        output.all()
    );
    assert!(
        !output.stdout.contains("What to do next"),
        "{}",
        output.all()
    );
    assert!(
        !output.stdout.contains("open questions:"),
        "{}",
        output.all()
    );
    // Every item of the default checklist is in the full report, which ends with the
    // verdict too.
    let full = repo.ospo(&["check", "--all"]);
    for id in default_item_ids() {
        assert!(full.stdout.contains(&id), "{id} missing");
    }
    assert!(
        full.stdout.ends_with(
            "\nPASS: verified score 100.0%; declared 100.0% (25 answers, 0 open questions)\n"
        ),
        "{}",
        full.all()
    );
}

#[test]
fn path_argument_defaults_to_the_working_directory() {
    let repo = complete_project();
    let here = repo.ospo(&["check", "--format", "json"]).stdout;
    let explicit = ospo(&repo.outside(), &["check", "--format", "json", "repo"]).stdout;
    assert_eq!(here, explicit);
}

// ── exit code 1 ──

#[test]
fn missing_licence_exits_1_and_names_the_required_item() {
    let repo = complete_project();
    repo.remove("LICENSE");
    repo.remove("LICENSES/MIT.txt"); // a licence in REUSE's folder is one too
    let output = repo.ospo(&["check", "--format", "json"]);
    output.assert_code(1);
    let report = output.json();
    assert_eq!(report["verdict"], "fail");
    assert_eq!(strings(&report["failed_required"]), ["legal.licence-file"]);
    assert_eq!(status(&report, "legal.licence-file"), "fail");

    let output = repo.ospo(&["check"]);
    output.assert_code(1);
    let lines: Vec<&str> = output.stdout.lines().collect();
    assert!(
        lines[2].starts_with("FAIL: verified score "),
        "{}",
        output.all()
    );
    assert_eq!(lines[3], "  required items not met: legal.licence-file");
    assert!(
        output
            .stdout
            .contains("What to do next:\n  ✗ legal.licence-file * — "),
        "{}",
        output.all()
    );
}

#[test]
fn every_required_item_of_the_default_checklist_fails_an_empty_project() {
    let repo = Repo::with_files(&[("src/main.rs", "fn main() {}\n")]);
    let output = repo.ospo(&["check", "--format", "json"]);
    output.assert_code(1);
    let report = output.json();
    let failed = strings(&report["failed_required"]);
    for id in ["needs.readme", "needs.contributing", "legal.licence-file"] {
        assert!(failed.contains(&id.to_owned()), "{id} not in {failed:?}");
    }
    // Every attested item is a question.
    assert_eq!(strings(&report["questions"]), default_attest_ids());
}

#[test]
fn short_readme_fails_the_required_readme_item() {
    let repo = complete_project();
    repo.write("README.md", "# Example\n\nA tool.\n");
    let output = repo.ospo(&["check", "--format", "json"]);
    output.assert_code(1);
    let report = output.json();
    assert_eq!(strings(&report["failed_required"]), ["needs.readme"]);
    let message = item(&report, "needs.readme")["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.contains("only 19 bytes") && message.contains("200"),
        "{message}"
    );
}

#[test]
fn fail_under_fails_a_project_scoring_below_it() {
    let repo = complete_project();
    repo.remove("ROADMAP.md");
    let output = repo.ospo(&["check", "--format", "json", "--fail-under", "99"]);
    output.assert_code(1);
    let report = output.json();
    let score = report["verified_score"].as_f64().unwrap();
    assert!(score < 99.0, "{score}");
    assert_eq!(report["verdict"], "fail");
    assert_eq!(report["fail_under"], 99.0);
    assert_eq!(report["failed_required"], json!([]));

    let output = repo.ospo(&["check", "--fail-under", "99"]);
    output.assert_code(1);
    assert_eq!(
        output.stdout.lines().nth(3),
        Some(format!("  verified score {score:.1}% is below 99%").as_str()),
        "{}",
        output.all()
    );

    // The same project without a threshold, or under a lower one, passes.
    repo.ospo(&["check"]).assert_code(0);
    repo.ospo(&["check", "--fail-under", "50"]).assert_code(0);
}

#[test]
fn fail_under_100_passes_a_perfect_project() {
    let repo = complete_project();
    repo.ospo(&["check", "--fail-under", "100"]).assert_code(0);
    repo.ospo(&["check", "--fail-under", "0"]).assert_code(0);
}

#[test]
fn fail_under_above_100_fails_even_a_perfect_project() {
    let repo = complete_project();
    let output = repo.ospo(&["check", "--format", "json", "--fail-under", "101"]);
    output.assert_code(1);
    let report = output.json();
    assert_eq!(report["score"], 100.0);
    assert_eq!(report["verdict"], "fail");
    assert_eq!(report["failed"], json!([]));
}

// ── exit code 2 ──

#[test]
fn fail_under_that_is_not_a_percentage_is_a_usage_error() {
    let repo = complete_project();
    for value in ["-1", "abc", "nan", "inf"] {
        let output = repo.ospo(&["check", "--fail-under", value]);
        output.assert_error();
        assert!(output.stderr.contains(value), "{}", output.all());
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let repo = complete_project();
    let output = repo.ospo(&["check", "--bogus"]);
    output.assert_error();
    assert!(output.stderr.contains("--bogus"), "{}", output.all());
}

#[test]
fn bad_option_values_and_commands_are_usage_errors() {
    let repo = complete_project();
    for args in [
        &["check", "--format", "xml"][..],
        &["check", "--lang", "de"][..],
        &["check", "--color", "sometimes"][..],
        &["frobnicate"][..],
        &["explain"][..],
        &["check", "a", "b"][..],
    ] {
        repo.ospo(args).assert_error();
    }
}

#[test]
fn no_command_prints_usage_and_exits_2() {
    let output = ospo(&std::env::temp_dir(), &[]);
    output.assert_code(2);
    assert!(output.stdout.is_empty(), "{}", output.all());
    assert!(
        output.stderr.contains("Usage: ospo <COMMAND>"),
        "{}",
        output.all()
    );
    assert_no_panic(&output);
}

#[test]
fn a_directory_outside_any_repository_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let inside_git = std::process::Command::new("git")
        .args(["rev-parse", "--git-dir"])
        .current_dir(dir.path())
        .output()
        .is_ok_and(|o| o.status.success());
    if inside_git {
        eprintln!("skipped: the temporary directory is itself inside a git repository");
        return;
    }
    let output = ospo(dir.path(), &["check"]);
    output.assert_error();
    assert!(
        output.stderr.contains("is not in a git repository"),
        "{}",
        output.all()
    );
    assert_eq!(output.stderr.lines().count(), 1, "{}", output.all());
}

#[test]
fn a_nonexistent_path_is_an_error() {
    let repo = complete_project();
    let output = repo.ospo(&["check", "no/such/dir"]);
    output.assert_error();
    assert_eq!(
        output.stderr,
        "error: cannot read no/such/dir: no such file or directory\n"
    );
}

#[test]
fn a_bad_rev_is_an_error() {
    let repo = complete_project();
    let output = repo.ospo(&["check", "--rev", "no-such-branch"]);
    output.assert_error();
    assert!(
        output
            .stderr
            .starts_with("error: revision `no-such-branch` cannot be resolved to a commit"),
        "{}",
        output.all()
    );
    assert_eq!(output.stderr.lines().count(), 1, "{}", output.all());
    // A tree or a blob is not a commit either.
    let tree = repo.git(&["rev-parse", "HEAD^{tree}"]);
    repo.ospo(&["check", "--rev", tree.trim()]).assert_error();
}

#[test]
fn an_invalid_ospo_yml_is_an_error_with_located_diagnostics() {
    let repo = complete_project();
    repo.write(
        ".ospo.yml",
        "answers:\n  needs.user-needs: {answer: maybe}\n  needs.newcomer-tasks: {answer: yes, date: 15/01/2026}\nwaiver: {}\n",
    );
    let output = repo.ospo(&["check"]);
    output.assert_error();
    let lines: Vec<&str> = output.stderr.lines().collect();
    assert!(
        lines[0].starts_with("error: invalid .ospo.yml"),
        "{}",
        output.all()
    );
    assert_eq!(lines.len(), 4, "{}", output.all());
    assert!(
        lines[1].starts_with("  .ospo.yml:2:22: answer `needs.user-needs`: unknown answer `maybe`"),
        "{}",
        output.all()
    );
    assert!(lines[2].starts_with("  .ospo.yml:3:"), "{}", output.all());
    assert!(lines[2].contains("YYYY-MM-DD"), "{}", output.all());
    assert!(
        lines[3].starts_with("  .ospo.yml:4:1: unknown field `waiver`"),
        "{}",
        output.all()
    );
}

#[test]
fn an_ospo_yml_with_a_yaml_syntax_error_is_an_error() {
    let repo = complete_project();
    repo.write(".ospo.yml", "answers: [\n");
    let output = repo.ospo(&["check"]);
    output.assert_error();
    assert!(
        output.stderr.contains("YAML syntax error"),
        "{}",
        output.all()
    );
}

#[test]
fn an_empty_waiver_reason_is_an_error() {
    let repo = complete_project();
    repo.write(".ospo.yml", "waivers:\n  legal.licence-file: \"  \"\n");
    let output = repo.ospo(&["check"]);
    output.assert_error();
    assert!(
        output
            .stderr
            .contains(".ospo.yml:2:3: waiver `legal.licence-file` needs a reason"),
        "{}",
        output.all()
    );
}

// ── the checklist .ospo.yml names ──

#[test]
fn ospo_yml_selects_a_checklist_relative_to_the_root() {
    let repo = repo_with_its_own_checklist();
    // From a subdirectory too: the path is relative to the root, not the cwd.
    let output = ospo(&repo.path().join("lists"), &["check", "--format", "json"]);
    output.assert_code(0);
    let report = output.json();
    assert_eq!(report["checklist"]["id"], "test");
    assert_eq!(report["items"].as_array().unwrap().len(), 1);
    // `list` and `explain` follow it as well.
    let list = repo.ospo(&["list"]);
    list.assert_code(0);
    assert!(
        list.stdout.starts_with("Test checklist 1.0 ("),
        "{}",
        list.all()
    );
    repo.ospo(&["explain", "needs.readme"]).assert_code(0);
    repo.ospo(&["explain", "legal.licence-file"]).assert_error();
    // --checklist wins over .ospo.yml.
    let output = repo.ospo(&["check", "--format", "json", "--checklist", "default"]);
    assert_eq!(output.json()["checklist"]["id"], "default");
}

// ── list ──

fn listed_ids(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|line| line.strip_prefix('│'))
        .filter_map(|line| line.split('┆').next())
        .map(|cell| cell.trim().to_owned())
        .filter(|cell| cell.contains('.'))
        .collect()
}

#[test]
fn list_prints_every_item_of_the_default_checklist() {
    let expected = default_item_ids();
    assert!(expected.len() >= 35, "{}", expected.len());
    let dir = tempfile::tempdir().unwrap();
    let output = ospo(dir.path(), &["list"]);
    output.assert_code(0);
    assert!(
        output
            .stdout
            .starts_with(&format!("{}\n", default_list_header())),
        "{}",
        output.all()
    );
    assert!(output.stdout.contains("│ Item "), "{}", output.all());
    assert_eq!(listed_ids(&output.stdout), expected);
    assert!(output.stdout.contains("legal.licence-file"));
}

#[test]
fn list_in_french() {
    let expected = default_item_ids();
    let dir = tempfile::tempdir().unwrap();
    let english = ospo(dir.path(), &["list"]);
    for french in [
        ospo(dir.path(), &["list", "--lang", "fr"]),
        ospo_env(dir.path(), &["list"], &[("LANG", "fr_FR.UTF-8")]),
    ] {
        french.assert_code(0);
        assert_eq!(listed_ids(&french.stdout), expected);
        for word in [
            "Élément",
            "Niveau",
            "Poids",
            "Sonde",
            "Titre",
            "Maturité d'un projet libre",
        ] {
            assert!(
                french.stdout.contains(word),
                "`{word}` missing:\n{}",
                french.all()
            );
        }
        assert_ne!(french.stdout, english.stdout);
    }
}

// ── explain ──

/// The `why` and `fix` texts of an item of the default checklist, from its source.
fn default_item(id: &str) -> Value {
    default_checklist()["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .cloned()
        .unwrap()
}

#[test]
fn explain_prints_why_fix_and_probe() {
    let source = default_item("legal.licence-file");
    let dir = tempfile::tempdir().unwrap();
    let output = ospo(dir.path(), &["explain", "legal.licence-file"]);
    output.assert_code(0);
    let stdout = &output.stdout;
    assert!(
        stdout.starts_with(&format!(
            "legal.licence-file — {}\n",
            source["title"]["en"].as_str().unwrap()
        )),
        "{stdout}"
    );
    assert!(stdout.contains("Why:"), "{stdout}");
    assert!(stdout.contains("Fix:"), "{stdout}");
    assert!(stdout.contains("How ospo checks:"), "{stdout}");
    assert!(
        stdout.contains(source["why"]["en"].as_str().unwrap().trim()),
        "{stdout}"
    );
    assert!(
        stdout.contains(source["fix"]["en"].as_str().unwrap().trim()),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n  ospo looks for a file of at least 100 bytes named LICENSE*"),
        "{stdout}"
    );
    assert!(!stdout.contains("kind: file"), "{stdout}");
    assert!(stdout.contains("Level: required"), "{stdout}");
    // The probe as written, on demand.
    let written = ospo(dir.path(), &["explain", "legal.licence-file", "--patterns"]);
    written.assert_code(0);
    assert!(
        written
            .stdout
            .contains("\nDefinition in the checklist:\n  kind: file\n  names:\n  - LICENSE*\n"),
        "{}",
        written.all()
    );
    assert!(
        written.stdout.ends_with("\n  min-size: 100\n"),
        "{}",
        written.all()
    );
}

#[test]
fn explain_in_french() {
    let source = default_item("legal.licence-file");
    let dir = tempfile::tempdir().unwrap();
    let output = ospo(
        dir.path(),
        &["explain", "legal.licence-file", "--lang", "fr"],
    );
    output.assert_code(0);
    assert!(output.stdout.contains("Pourquoi"), "{}", output.all());
    assert!(
        output
            .stdout
            .contains(source["why"]["fr"].as_str().unwrap().trim()),
        "{}",
        output.all()
    );
    assert!(
        output
            .stdout
            .contains(source["fix"]["fr"].as_str().unwrap().trim()),
        "{}",
        output.all()
    );
}

#[test]
fn explain_an_unknown_item_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = ospo(dir.path(), &["explain", "nope"]);
    output.assert_error();
    assert!(output.stderr.contains("no item `nope`"), "{}", output.all());
}

// ── schema ──

#[test]
fn schema_is_json_describing_the_checklist_format() {
    let dir = tempfile::tempdir().unwrap();
    let output = ospo(dir.path(), &["schema"]);
    output.assert_code(0);
    let schema = output.json();
    assert!(schema["properties"]["items"].is_object(), "{schema:#}");
    for key in ["id", "title", "version", "extends"] {
        assert!(
            schema["properties"][key].is_object(),
            "`{key}` missing: {schema:#}"
        );
    }
    let required: Vec<String> = strings(&schema["required"]);
    for key in ["id", "title", "version"] {
        assert!(required.contains(&key.to_owned()), "{required:?}");
    }
    // The same text as the published schema.
    let published = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/checklist.schema.json"
    ));
    if let Ok(published) = published {
        assert_eq!(output.stdout, published);
    }
}

#[test]
fn version_flag_prints_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let output = ospo(dir.path(), &["--version"]);
    output.assert_code(0);
    assert_eq!(
        output.stdout,
        format!("ospo {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn list_header_is_translated() {
    let dir = tempfile::tempdir().unwrap();
    let output = ospo(dir.path(), &["list", "--lang", "fr"]);
    output.assert_code(0);
    let header = output.stdout.lines().next().unwrap();
    assert!(header.ends_with(" éléments"), "{header}");
}

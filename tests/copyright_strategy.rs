//! The `copyright-strategy` probe on fixture repositories: which strategy is documented,
//! where, and whether the history follows a documented DCO.

mod common;

use common::*;
use serde_json::Value;

const ANN: &str = "Ann Martin <ann@one.example>";
const BRUNO: &str = "Bruno Petit <bruno@two.example>";
const ID: &str = "legal.copyright-strategy";

/// A repository holding `files`, committed by Ann with her sign-off, then one empty
/// commit per `(author, signed)`, a day apart, oldest first.
fn project(files: &[(&str, &str)], commits: &[(&str, bool)]) -> Repo {
    let repo = Repo::init();
    repo.write_all(files);
    repo.git(&["add", "-A"]);
    repo.commit_by(
        ANN,
        "2026-01-10T12:00:00Z",
        &format!("Initial files\n\nSigned-off-by: {ANN}"),
    );
    for (day, (author, signed)) in commits.iter().enumerate() {
        let date = format!("2026-01-{:02}T12:00:00Z", 11 + day);
        let message = if *signed {
            format!("Change {day}\n\nSigned-off-by: {author}")
        } else {
            format!("Change {day}\n\nNo trailer here.")
        };
        repo.commit_by(author, &date, &message);
    }
    repo
}

/// Runs one `copyright-strategy` item; returns it from the JSON report.
fn strategy_item(repo: &Repo, probe: &str) -> Value {
    let checklist = checklist_yaml(&[item_yaml(ID, "recommended", 1, probe)]);
    let path = repo.write_checklist("strategy.yaml", &checklist);
    let (output, report) = repo.check_json(&path, &[]);
    assert_no_panic(&output);
    item(&report, ID).clone()
}

/// The evidence's strategies as `(strategy, source, line)`.
fn found(item: &Value) -> Vec<(String, String, Option<u64>)> {
    item["evidence"]["strategies"]
        .as_array()
        .unwrap_or_else(|| panic!("no strategies in {item}"))
        .iter()
        .map(|f| {
            (
                f["strategy"].as_str().unwrap().to_owned(),
                f["source"].as_str().unwrap().to_owned(),
                f["line"].as_u64(),
            )
        })
        .collect()
}

fn at(strategy: &str, source: &str, line: Option<u64>) -> (String, String, Option<u64>) {
    (strategy.to_owned(), source.to_owned(), line)
}

fn message(item: &Value) -> &str {
    item["message"].as_str().expect("message")
}

const SIGN_OFF_GUIDE: &str = "\
# Contributing

Thank you for your help.

## Sign-off

Sign each commit with `git commit -s`.
";

#[test]
fn a_dco_file_and_signed_commits_pass() {
    let repo = project(
        &[
            ("README.md", README),
            ("DCO", "Developer Certificate of Origin\nVersion 1.1\n"),
        ],
        &[(ANN, true), (BRUNO, true), (ANN, true)],
    );
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(found(&item), [at("dco", "DCO", None)]);
    let history = &item["evidence"]["dco_history"];
    assert_eq!(
        (history["checked"].as_u64(), history["signed"].as_u64()),
        (Some(4), Some(4)),
        "{item}"
    );
    assert_eq!(history["share"], 100.0);
    assert_eq!(history["shallow"], false);
    assert_eq!(
        message(&item),
        "documented: DCO (DCO); 4 of 4 recent commits signed off (100%)"
    );
}

#[test]
fn a_guide_asking_for_sign_offs_that_commits_lack_fails_with_counts() {
    let repo = project(
        &[("CONTRIBUTING.md", SIGN_OFF_GUIDE)],
        &[(ANN, true), (BRUNO, false), (BRUNO, false), (ANN, true)],
    );
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(found(&item), [at("dco", "CONTRIBUTING.md", Some(7))]);
    let history = &item["evidence"]["dco_history"];
    assert_eq!(
        (history["checked"].as_u64(), history["signed"].as_u64()),
        (Some(5), Some(3))
    );
    assert_eq!(history["share"], 60.0);
    assert_eq!(history["min_share"], 90.0);
    let unsigned = history["unsigned"].as_array().unwrap();
    assert_eq!(unsigned.len(), 2);
    assert_eq!(unsigned[0]["subject"], "Change 2");
    assert_eq!(unsigned[0]["reason"], "missing");
    let text = message(&item);
    assert!(
        text.starts_with(
            "documented: DCO (CONTRIBUTING.md:7), but 2 of 5 recent commits lack a sign-off (60% signed, 90% needed): "
        ),
        "{text}"
    );
    assert!(text.contains("(Bruno Petit)"), "{text}");
    // The same history passes a lower bar, and no bar when the history is not checked.
    let lenient = strategy_item(&repo, "{kind: copyright-strategy, min-share: 60}");
    assert_eq!(lenient["status"], "pass", "{lenient}");
    let documented_only = strategy_item(&repo, "{kind: copyright-strategy, history: false}");
    assert_eq!(documented_only["status"], "pass", "{documented_only}");
    assert!(documented_only["evidence"].get("dco_history").is_none());
    // A window of the last commit holds only a signed one.
    let recent = strategy_item(&repo, "{kind: copyright-strategy, last: 1}");
    assert_eq!(recent["status"], "pass", "{recent}");
    assert_eq!(
        recent["evidence"]["dco_history"]["checked"].as_u64(),
        Some(1)
    );
}

#[test]
fn a_window_in_days_counts_back_from_now() {
    // Two unsigned commits long ago, signed ones in the fortnight before NOW.
    let repo = project(&[("CONTRIBUTING.md", SIGN_OFF_GUIDE)], &[]);
    repo.commit_by(BRUNO, "2025-06-01T12:00:00Z", "Old change");
    repo.commit_by(BRUNO, "2025-06-02T12:00:00Z", "Old change again");
    repo.commit_by(
        ANN,
        "2026-01-25T12:00:00Z",
        &format!("New change\n\nSigned-off-by: {ANN}"),
    );
    let all = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(all["status"], "fail", "{all}");
    let recent = strategy_item(&repo, "{kind: copyright-strategy, days: 30}");
    assert_eq!(recent["status"], "pass", "{recent}");
    assert_eq!(
        recent["evidence"]["dco_history"]["checked"].as_u64(),
        Some(2),
        "{recent}"
    );
}

#[test]
fn a_cla_document_passes_as_cla_without_reading_sign_offs() {
    let repo = project(
        &[("CLA.md", "# Individual Contributor License Agreement\n")],
        &[(BRUNO, false)],
    );
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(found(&item), [at("cla", "CLA.md", None)]);
    assert!(item["evidence"].get("dco_history").is_none(), "{item}");
    assert_eq!(message(&item), "documented: CLA (CLA.md)");
}

#[test]
fn a_cla_assistant_workflow_is_a_cla() {
    let workflow = "\
name: CLA
on:
  pull_request_target:
jobs:
  cla:
    runs-on: ubuntu-latest
    steps:
      - uses: contributor-assistant/github-action@v2.6.1
        with:
          path-to-document: https://example.org/cla
";
    let repo = project(
        &[
            (".github/workflows/cla.yml", workflow),
            (".github/workflows/ci.yml", "name: CI\non: [push]\n"),
        ],
        &[],
    );
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        found(&item),
        [at("cla", ".github/workflows/cla.yml", Some(8))]
    );
}

#[test]
fn a_readme_naming_a_cla_service_is_a_cla() {
    let readme = format!(
        "{README}\n[![CLA assistant](https://cla-assistant.io/readme/badge/example/example)](https://cla-assistant.io/example/example)\n"
    );
    let repo = project(&[("README.md", &readme)], &[]);
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(found(&item)[0].0, "cla");
    assert_eq!(found(&item)[0].1, "README.md");
}

#[test]
fn french_assignment_wording_is_assignment() {
    let guide = "\
# Contribuer

Merci de votre aide !

## Droits d'auteur

Toute contribution suppose la cession de droits patrimoniaux à l'association,
qui publie le logiciel sous licence libre.
";
    let repo = project(&[("CONTRIBUTING.fr.md", guide)], &[]);
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        found(&item),
        [at("assignment", "CONTRIBUTING.fr.md", Some(7))]
    );
    assert_eq!(
        message(&item),
        "documented: copyright assignment (CONTRIBUTING.fr.md:7)"
    );
    let output = repo.ospo(&[
        "check",
        "--format",
        "json",
        "--lang",
        "fr",
        "--checklist",
        &repo.outside().join("strategy.yaml").display().to_string(),
    ]);
    let report = output.json();
    assert_eq!(
        item_message(&report),
        "stratégie documentée : cession de droits (CONTRIBUTING.fr.md:7)"
    );
}

/// The message of the strategy item in a report.
fn item_message(report: &Value) -> &str {
    item(report, ID)["message"].as_str().expect("message")
}

#[test]
fn nothing_documented_fails_naming_the_three_options() {
    let repo = project(&[("README.md", README)], &[(ANN, true)]);
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(found(&item), []);
    let text = message(&item);
    for option in ["DCO", "CLA", "assign their copyright"] {
        assert!(text.contains(option), "{text}");
    }
}

#[test]
fn a_cla_fails_an_item_that_accepts_only_the_dco() {
    let repo = project(&[("CLA.md", "# Contributor License Agreement\n")], &[]);
    let item = strategy_item(&repo, "{kind: copyright-strategy, accept: [dco]}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(found(&item), [at("cla", "CLA.md", None)]);
    assert_eq!(
        message(&item),
        "documented: CLA (CLA.md), but this item accepts only: DCO"
    );
}

#[test]
fn cla_inside_other_words_is_no_cla() {
    let guide = "\
# Contributing

Build with clang, then read the declaration of each public function.
The Claims module and CLAUDE.md notes are unrelated to licensing.
";
    let repo = project(&[("CONTRIBUTING.md", guide)], &[]);
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(found(&item), []);
}

#[test]
fn a_cla_the_guide_turns_down_is_not_one() {
    let guide = "\
# Contributing

You do not need to sign a CLA: we use the Developer Certificate of Origin instead.
There is no copyright assignment; you keep your rights.
";
    let repo = project(&[("CONTRIBUTING.md", guide)], &[]);
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(found(&item), [at("dco", "CONTRIBUTING.md", Some(3))]);
    assert_eq!(item["status"], "pass", "{item}");
}

#[test]
fn several_strategies_are_all_named_in_order() {
    let guide = "\
# Contributing

Corporate contributors sign the CCLA first.

Every commit carries a Signed-off-by line.
";
    let repo = project(
        &[
            ("CONTRIBUTING.md", guide),
            ("docs/CCLA.pdf", "%PDF-1.4\n"),
            (
                ".github/dco.yml",
                "allowRemediationCommits:\n  individual: true\n",
            ),
        ],
        &[(ANN, true)],
    );
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        found(&item),
        [
            at("dco", ".github/dco.yml", None),
            at("dco", "CONTRIBUTING.md", Some(5)),
            at("cla", "CONTRIBUTING.md", Some(3)),
            at("cla", "docs/CCLA.pdf", None),
        ]
    );
    assert_eq!(
        message(&item),
        "documented: DCO (.github/dco.yml, CONTRIBUTING.md:5), CLA (CONTRIBUTING.md:3, docs/CCLA.pdf); 2 of 2 recent commits signed off (100%)"
    );
}

#[test]
fn a_shallow_clone_is_noted() {
    let repo = project(
        &[("DCO", "Developer Certificate of Origin\n")],
        &[(ANN, true), (BRUNO, true), (ANN, true)],
    );
    let url = format!("file://{}", repo.path_str());
    git(
        &repo.outside(),
        &["clone", "-q", "--depth", "2", &url, "shallow"],
    );
    let checklist = repo.write_checklist(
        "strategy.yaml",
        &checklist_yaml(&[item_yaml(
            ID,
            "recommended",
            1,
            "{kind: copyright-strategy}",
        )]),
    );
    let output = ospo(
        &repo.outside().join("shallow"),
        &["check", "--format", "json", "--checklist", &checklist],
    );
    let report = output.json();
    let item = item(&report, ID);
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(item["evidence"]["dco_history"]["shallow"], true, "{item}");
    assert_eq!(item["evidence"]["dco_history"]["checked"].as_u64(), Some(2));
    assert!(message(item).contains("shallow clone"), "{item}");
}

#[test]
fn options_that_cannot_apply_are_refused() {
    let repo = project(&[("README.md", README)], &[]);
    let checklist = checklist_yaml(&[item_yaml(
        ID,
        "recommended",
        1,
        "{kind: copyright-strategy, accept: [cla], last: 10, min-share: 0.9}",
    )]);
    let path = repo.write_checklist("bad.yaml", &checklist);
    let output = repo.ospo(&["list", "--checklist", &path]);
    output.assert_error();
    assert!(
        output
            .stderr
            .contains("`last` applies to the DCO history check"),
        "{}",
        output.all()
    );
    assert!(
        output.stderr.contains("looks like a fraction; write 90"),
        "{}",
        output.all()
    );
}

#[test]
fn the_complete_project_passes_with_its_one_unsigned_commit() {
    // Its first commit has no sign-off: twelve of thirteen is above the default 90%.
    let repo = complete_project();
    let item = strategy_item(&repo, "{kind: copyright-strategy}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        found(&item),
        [
            at("dco", "CONTRIBUTING.md", Some(15)),
            at("dco", "DCO", None),
        ]
    );
    let history = &item["evidence"]["dco_history"];
    assert_eq!(
        (history["checked"].as_u64(), history["signed"].as_u64()),
        (Some(13), Some(12)),
        "{item}"
    );
}

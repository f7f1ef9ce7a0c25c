//! What the project declares in `.ospo.yml`, kept apart from what ospo verifies: answers
//! that count only with checkable evidence and while they are current, the two scores,
//! and waivers that cannot hide a required item.

mod common;

use common::*;
use serde_json::json;

// ── answers ──

/// Answers of every kind, checked on 2026-02-01 (`SOURCE_DATE_EPOCH`).
const ANSWERS: &str = "\
answers:
  community.said-yes:
    answer: yes
    evidence: https://example.org/yes
    date: 2026-01-10
  community.said-no:
    answer: no
  community.not-applicable:
    answer: n/a
  community.yes-no-evidence:
    answer: yes
    date: 2026-01-10
  community.yes-words-only:
    answer: yes
    evidence: Minutes of the meeting of 2026-01-05
    date: 2026-01-10
  community.yes-with-a-path:
    answer: yes
    evidence: \"Minutes in (docs/minutes.md), section Moderation.\"
    date: 2026-01-10
  community.yes-missing-path:
    answer: yes
    evidence: docs/gone.md
    date: 2026-01-10
  community.yes-stale:
    answer: yes
    evidence: https://example.org/old
    date: 2025-01-31
  community.yes-just-current:
    answer: yes
    evidence: https://example.org/recent
    date: 2025-02-02
  community.yes-future:
    answer: yes
    evidence: https://example.org/later
    date: 2026-03-01
  community.yes-undated:
    answer: yes
    evidence: https://example.org/undated
  community.no-stale:
    answer: no
    date: 2020-01-01
  community.yes-optional:
    answer: true
    date: 2026-01-10
  community.boolean-no:
    answer: false
    date: 2026-01-10
";

const QUESTIONS: &[&str] = &[
    "community.said-yes",
    "community.said-no",
    "community.not-applicable",
    "community.unanswered",
    "community.yes-no-evidence",
    "community.yes-words-only",
    "community.yes-with-a-path",
    "community.yes-missing-path",
    "community.yes-stale",
    "community.yes-just-current",
    "community.yes-future",
    "community.yes-undated",
    "community.no-stale",
    "community.yes-optional",
    "community.boolean-no",
];

fn answers_report() -> (Output, serde_json::Value) {
    let repo = Repo::with_files(&[
        (".ospo.yml", ANSWERS),
        ("docs/minutes.md", "# Minutes\n"),
        ("README.md", README),
    ]);
    let mut items: Vec<String> = QUESTIONS
        .iter()
        .map(|id| {
            let probe = if *id == "community.yes-optional" {
                "{kind: attest, evidence: optional}"
            } else {
                "{kind: attest}"
            };
            item_yaml(id, "recommended", 1, probe)
        })
        .collect();
    items.push(item_yaml(
        "needs.readme",
        "recommended",
        4,
        "{kind: file, names: [\"README*\"]}",
    ));
    items.push(item_yaml(
        "needs.changelog",
        "recommended",
        1,
        "{kind: file, names: [\"CHANGELOG*\"]}",
    ));
    let checklist = repo.write_checklist("checklist.yaml", &checklist_yaml(&items));
    repo.check_json(&checklist, &[])
}

fn message<'a>(report: &'a serde_json::Value, id: &str) -> &'a str {
    item(report, id)["message"].as_str().unwrap_or_default()
}

#[test]
fn every_answer_gets_the_status_its_evidence_and_age_allow() {
    let (output, report) = answers_report();
    let statuses: Vec<(&str, &str)> = QUESTIONS
        .iter()
        .map(|id| (*id, status(&report, id)))
        .collect();
    assert_eq!(
        statuses,
        [
            ("community.said-yes", "pass"),
            ("community.said-no", "fail"),
            ("community.not-applicable", "skip"),
            ("community.unanswered", "unknown"),
            ("community.yes-no-evidence", "unknown"),
            ("community.yes-words-only", "unknown"),
            ("community.yes-with-a-path", "pass"),
            ("community.yes-missing-path", "unknown"),
            ("community.yes-stale", "unknown"),
            ("community.yes-just-current", "pass"),
            ("community.yes-future", "unknown"),
            ("community.yes-undated", "warn"),
            ("community.no-stale", "fail"),
            ("community.yes-optional", "pass"),
            ("community.boolean-no", "fail"),
        ],
        "{}",
        output.all()
    );
    for id in QUESTIONS {
        assert_eq!(item(&report, id)["basis"], "declared", "{id}");
    }
    assert_eq!(item(&report, "needs.readme")["basis"], "verified");
    // Recommended items only: nothing fails the check.
    output.assert_code(0);
}

#[test]
fn an_answer_that_does_not_count_says_why() {
    let (_, report) = answers_report();
    let said = |id| message(&report, id);
    assert!(
        said("community.unanswered").contains("answer `community.unanswered` in .ospo.yml"),
        "{}",
        said("community.unanswered")
    );
    for id in ["community.yes-no-evidence", "community.yes-words-only"] {
        assert!(
            said(id).contains("without evidence ospo can check") && said(id).contains("https://"),
            "{id}: {}",
            said(id)
        );
    }
    assert!(
        said("community.yes-missing-path").contains("`docs/gone.md`")
            && said("community.yes-missing-path").contains("not in the repository"),
        "{}",
        said("community.yes-missing-path")
    );
    assert!(
        said("community.yes-stale").starts_with("answer to renew: given on 2025-01-31")
            && said("community.yes-stale").contains("until 2026-01-31 (12 months)"),
        "{}",
        said("community.yes-stale")
    );
    assert!(
        said("community.yes-future").contains("2026-03-01, a day still to come"),
        "{}",
        said("community.yes-future")
    );
    assert!(
        said("community.yes-undated").contains("undated: add `date`"),
        "{}",
        said("community.yes-undated")
    );
    assert_eq!(
        said("community.said-yes"),
        "yes (2026-01-10): https://example.org/yes"
    );
    assert_eq!(
        item(&report, "community.said-yes")["evidence"],
        json!({"type": "answer", "answer": "yes", "evidence": "https://example.org/yes", "date": "2026-01-10"})
    );
}

#[test]
fn open_questions_are_listed_apart_and_count_in_no_score() {
    let (_, report) = answers_report();
    assert_eq!(
        strings(&report["questions"]),
        [
            "community.unanswered",
            "community.yes-no-evidence",
            "community.yes-words-only",
            "community.yes-missing-path",
            "community.yes-stale",
            "community.yes-future",
        ]
    );
    // Verified: README (4) passes, CHANGELOG (1) fails.
    assert_eq!(report["verified_score"], 80.0);
    // Declared: eight settled answers of weight 1 (n/a is skipped), five count as passed
    // (the undated yes warns, which counts).
    assert_eq!(report["declared_score"], 62.5);
    // Overall: 9 of 13.
    assert_eq!(report["passed_weight"], 9);
    assert_eq!(report["applicable_weight"], 13);
    assert_eq!(report["score"], 69.2);
    let community = &report["stages"][3];
    assert_eq!(community["stage"], "community");
    assert_eq!(community["verified_score"], json!(null));
    assert_eq!(community["declared_score"], 62.5);
    assert_eq!(community["counts"]["unknown"], 6);
}

#[test]
fn a_checklist_sets_how_long_answers_count() {
    let repo = Repo::with_files(&[(
        ".ospo.yml",
        "answers:\n  community.recent:\n    answer: yes\n    evidence: https://example.org/a\n    date: 2025-12-15\n  community.older:\n    answer: n/a\n    date: 2025-10-01\n",
    )]);
    let mut checklist = checklist_yaml(&[
        item_yaml("community.recent", "recommended", 1, "{kind: attest}"),
        item_yaml("community.older", "recommended", 1, "{kind: attest}"),
    ]);
    checklist = checklist.replace(
        "version: \"1.0\"\n",
        "version: \"1.0\"\nanswers-valid-months: 3\n",
    );
    let path = repo.write_checklist("checklist.yaml", &checklist);
    let (_, report) = repo.check_json(&path, &[]);
    assert_eq!(status(&report, "community.recent"), "pass");
    assert_eq!(status(&report, "community.older"), "unknown");
    assert!(
        message(&report, "community.older").contains("(3 months)"),
        "{}",
        message(&report, "community.older")
    );
    // A child checklist inherits the setting.
    let child = repo.write_checklist(
        "child.yaml",
        "id: child\ntitle: {en: Child, fr: Enfant}\nversion: \"1\"\nextends: checklist.yaml\n",
    );
    let (_, report) = repo.check_json(&child, &[]);
    assert_eq!(status(&report, "community.older"), "unknown");
    // Zero months is refused, at its line.
    let zero = repo.write_checklist(
        "zero.yaml",
        &checklist_yaml(&[]).replace(
            "version: \"1.0\"\n",
            "version: \"1.0\"\nanswers-valid-months: 0\n",
        ),
    );
    let output = repo.ospo(&["check", "--checklist", &zero]);
    output.assert_code(2);
    assert!(
        output.stderr.contains("zero.yaml:4:") && output.stderr.contains("answers-valid-months"),
        "{}",
        output.all()
    );
}

#[test]
fn an_unanswered_required_question_fails_the_check() {
    let repo = Repo::with_files(&[("README.md", "# Example\n")]);
    let checklist = repo.write_checklist(
        "checklist.yaml",
        &checklist_yaml(&[item_yaml("funding.budget", "required", 1, "{kind: attest}")]),
    );
    let (output, report) = repo.check_json(&checklist, &[]);
    output.assert_code(1);
    assert_eq!(strings(&report["failed_required"]), ["funding.budget"]);
    assert_eq!(strings(&report["questions"]), ["funding.budget"]);
}

/// The default checklist's questions, answered `yes` with evidence that holds.
fn answered_default(evidence: &str, date: &str) -> String {
    let ids = default_questions();
    let mut text = String::from("answers:\n");
    for id in ids {
        text.push_str(&format!(
            "  {id}:\n    answer: yes\n    evidence: \"{evidence}\"\n    date: {date}\n"
        ));
    }
    text
}

/// The ids of the default checklist's questions, from its report.
fn default_questions() -> Vec<String> {
    let repo = Repo::with_files(&[("README.md", README)]);
    let report = repo.ospo(&["check", "--format", "json"]).json();
    report["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|item| item["basis"] == "declared")
        .map(|item| item["id"].as_str().expect("an id").to_owned())
        .collect()
}

#[test]
fn answering_every_question_never_moves_the_verified_score() {
    let base = [("README.md", README), ("LICENSE", LICENSE)];
    let unanswered = Repo::with_files(&base);
    let before = unanswered.ospo(&["check", "--format", "json"]).json();
    let questions = default_questions();
    assert!(questions.len() >= 20, "{questions:?}");
    assert_eq!(strings(&before["questions"]), questions);
    assert_eq!(before["declared_score"], json!(null));

    let yes = answered_default("README.md and https://example.org/evidence", "2026-01-20");
    let answered = Repo::with_files(&[base[0], base[1], (".ospo.yml", yes.as_str())]);
    let after = answered.ospo(&["check", "--format", "json"]).json();
    assert_eq!(
        serde_json::to_string(&before["verified_score"]).unwrap(),
        serde_json::to_string(&after["verified_score"]).unwrap()
    );
    for stage in 0..5 {
        assert_eq!(
            before["stages"][stage]["verified_score"], after["stages"][stage]["verified_score"],
            "stage {stage}"
        );
    }
    assert_eq!(after["declared_score"], 100.0);
    assert_eq!(after["questions"], json!([]));
    assert_ne!(before["score"], after["score"], "the overall score moves");

    // Without evidence, every answer stays an open question.
    let bare = answered_default("we do", "2026-01-20");
    let repo = Repo::with_files(&[base[0], base[1], (".ospo.yml", bare.as_str())]);
    let report = repo.ospo(&["check", "--format", "json"]).json();
    assert_eq!(strings(&report["questions"]), questions);
    assert_eq!(report["verified_score"], before["verified_score"]);
    // Answers older than a year are to be renewed.
    let old = answered_default("README.md", "2024-06-30");
    let repo = Repo::with_files(&[base[0], base[1], (".ospo.yml", old.as_str())]);
    let report = repo.ospo(&["check", "--format", "json"]).json();
    assert_eq!(strings(&report["questions"]), questions);
    assert!(
        message(&report, &questions[0]).starts_with("answer to renew"),
        "{}",
        message(&report, &questions[0])
    );
}

#[test]
fn fail_under_is_measured_against_the_verified_score() {
    let base = [
        ("README.md", README),
        ("LICENSE", LICENSE),
        ("CONTRIBUTING.md", CONTRIBUTING),
    ];
    let yes = answered_default("README.md", "2026-01-20");
    let repo = Repo::with_files(&[base[0], base[1], base[2], (".ospo.yml", yes.as_str())]);
    let (output, report) = (
        repo.ospo(&["check", "--format", "json", "--fail-under", "60"]),
        repo.ospo(&["check", "--format", "json"]).json(),
    );
    let verified = report["verified_score"].as_f64().expect("a verified score");
    let overall = report["score"].as_f64().expect("a score");
    assert!(verified < 60.0 && overall >= 60.0, "{verified} {overall}");
    output.assert_code(1);
    assert_eq!(output.json()["verdict"], "fail");
}

// ── the project file ──

#[test]
fn a_misspelt_id_gets_a_did_you_mean() {
    let repo = Repo::with_files(&[
        ("README.md", README),
        (
            ".ospo.yml",
            "answers:\n  comunity.governance-model: {answer: no}\nwaivers:\n  funding.fundingfile: no donations\n",
        ),
    ]);
    let report = repo.ospo(&["check", "--format", "json"]).json();
    let warnings = strings(&report["warnings"]);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`comunity.governance-model`")
                && w.contains("did you mean `community.governance-model`?")),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("`funding.fundingfile`")
            && w.contains("did you mean `funding.funding-file`?")),
        "{warnings:#?}"
    );
    let french = repo
        .ospo(&["check", "--format", "json", "--lang", "fr"])
        .json();
    assert!(
        strings(&french["warnings"])
            .iter()
            .any(|w| w.contains("vouliez-vous dire `community.governance-model` ?")),
        "{french:#}"
    );
}

#[test]
fn the_project_file_schema_is_published_and_current() {
    let output = ospo(std::path::Path::new("."), &["schema", "--project-file"]);
    output.assert_code(0);
    let schema: serde_json::Value = serde_json::from_str(&output.stdout).expect("JSON");
    assert_eq!(schema["title"], "ospo project file (.ospo.yml)");
    let published = include_str!("../schema/ospo-project.schema.json");
    assert_eq!(output.stdout, published);
    let answer = &schema["$defs"]["Answer"];
    assert!(answer["properties"]["evidence"].is_object(), "{schema:#}");
    assert!(schema["properties"]["waivers"].is_object(), "{schema:#}");
}

// ── waivers ──

fn without_contributing(ospo_yml: &str) -> Repo {
    Repo::with_files(&[
        ("README.md", README),
        ("LICENSE", LICENSE),
        (".ospo.yml", ospo_yml),
    ])
}

const WAIVES_CONTRIBUTING: &str =
    "waivers:\n  needs.contributing: later\n  funding.funding-file: no donations\n";

#[test]
fn a_required_item_cannot_be_waived_unless_the_checklist_allows_it() {
    let repo = without_contributing(WAIVES_CONTRIBUTING);
    let output = repo.ospo(&["check", "--format", "json"]);
    output.assert_code(1);
    let report = output.json();
    assert_eq!(status(&report, "needs.contributing"), "fail");
    assert_eq!(strings(&report["failed_required"]), ["needs.contributing"]);
    assert_eq!(
        report["waivers"],
        json!([
            {"id": "funding.funding-file", "reason": "no donations", "outcome": "applied"},
            {"id": "needs.contributing", "reason": "later", "outcome": "not-waivable"},
        ])
    );
    assert_eq!(status(&report, "funding.funding-file"), "skip");
    assert!(
        strings(&report["warnings"])
            .iter()
            .any(|w| w.contains("`needs.contributing`")
                && w.contains("required item")
                && w.contains("ignored")),
        "{report:#}"
    );
    // The terminal report lists every waiver with what became of it.
    let terminal = repo.ospo(&["check"]);
    terminal.assert_code(1);
    assert!(
        terminal
            .stdout
            .contains("  – needs.contributing (not applied: a required item): later"),
        "{}",
        terminal.all()
    );
    assert!(
        terminal
            .stdout
            .contains("  – funding.funding-file: no donations"),
        "{}",
        terminal.all()
    );

    // A checklist that marks it waivable lets the project waive it…
    let checklist = repo.write_checklist(
        "waivable.yaml",
        "id: lenient\ntitle: {en: Lenient, fr: Souple}\nversion: \"1\"\nextends: default\nitems:\n  - id: needs.contributing\n    waivable: true\n",
    );
    let output = repo.ospo(&["check", "--checklist", &checklist, "--format", "json"]);
    output.assert_code(0);
    let report = output.json();
    assert_eq!(status(&report, "needs.contributing"), "skip");
    assert_eq!(report["waivers"][1]["outcome"], "applied");
    assert!(
        terminal_line(&repo.ospo(&["check", "--checklist", &checklist]).stdout, 3)
            .ends_with("2 waivers"),
        "{}",
        repo.ospo(&["check", "--checklist", &checklist]).all()
    );
    // …and an auditor's --no-waivers checks it anyway.
    let audited = repo.ospo(&[
        "check",
        "--checklist",
        &checklist,
        "--format",
        "json",
        "--no-waivers",
    ]);
    audited.assert_code(1);
    let report = audited.json();
    assert_eq!(status(&report, "needs.contributing"), "fail");
    assert_eq!(status(&report, "funding.funding-file"), "fail");
    assert_eq!(report["waivers"][0]["outcome"], "ignored");
    assert_eq!(report["waivers"][1]["outcome"], "ignored");
}

fn terminal_line(text: &str, number: usize) -> String {
    text.lines().nth(number - 1).unwrap_or_default().to_owned()
}

#[test]
fn waivers_are_listed_in_every_format() {
    let repo = without_contributing(WAIVES_CONTRIBUTING);
    for format in ["markdown", "terminal"] {
        let output = repo.ospo(&["check", "--format", format]);
        assert!(
            output.stdout.contains("funding.funding-file")
                && output.stdout.contains("no donations"),
            "{format}: {}",
            output.all()
        );
    }
    let markdown = repo.ospo(&["check", "--format", "markdown"]).stdout;
    assert!(markdown.contains("### Waivers (2)"), "{markdown}");
    let junit = repo.ospo(&["check", "--format", "junit"]).stdout;
    assert!(junit.contains("waived: no donations"), "{junit}");
    let json = repo.ospo(&["check", "--format", "json"]).json();
    assert_eq!(json["waivers"].as_array().map(Vec::len), Some(2));
}

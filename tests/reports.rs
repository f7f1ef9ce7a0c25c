//! The reports: JSON structure, scores, determinism, languages, and snapshots of the
//! formats on a small fixed fixture.

mod common;

use common::*;
use serde_json::{Value, json};

const STAGES: [&str; 5] = ["needs", "communication", "legal", "community", "funding"];

// ── JSON structure ──

#[test]
fn json_report_of_the_complete_project_has_the_documented_shape() {
    let repo = complete_project();
    let output = repo.ospo(&["check", "--format", "json"]);
    output.assert_code(0);
    assert!(output.stdout.ends_with("}\n"), "JSON ends with a newline");
    let report = output.json();

    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["tool"]["name"], "ospo");
    assert_eq!(report["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["language"], "en");
    assert_eq!(report["checklist"]["id"], "default");
    assert_eq!(report["checklist"]["source"], "builtin:default");
    assert_eq!(report["project_file"], ".ospo.yml");
    assert_eq!(report["verdict"], "pass");
    assert_eq!(report["score"], 100.0);
    assert_eq!(report["failed_required"], json!([]));
    assert_eq!(report["questions"], json!([]));
    assert_eq!(report["warnings"], json!([]));
    assert!(report.get("fail_under").is_none(), "no threshold given");

    let stages = report["stages"].as_array().expect("stages is a list");
    let ids: Vec<&str> = stages
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(ids, STAGES);
    for (index, stage) in stages.iter().enumerate() {
        assert_eq!(stage["number"], index + 1);
        assert_eq!(stage["score"], 100.0, "{stage:#}");
        for key in ["title", "passed_weight", "applicable_weight", "counts"] {
            assert!(stage.get(key).is_some(), "stage lacks `{key}`: {stage:#}");
        }
    }

    let items = report["items"].as_array().expect("items is a list");
    let expected_ids = default_item_ids();
    assert_eq!(items.len(), expected_ids.len());
    for item in items {
        for key in [
            "id", "stage", "level", "weight", "status", "message", "title", "why", "fix",
        ] {
            assert!(item.get(key).is_some(), "item lacks `{key}`: {item:#}");
        }
        for key in ["id", "message", "title", "why", "fix"] {
            assert!(
                !item[key].as_str().unwrap().is_empty(),
                "empty `{key}`: {item:#}"
            );
        }
        assert!(
            STAGES.contains(&item["stage"].as_str().unwrap()),
            "{item:#}"
        );
        assert!(
            ["required", "recommended", "optional"].contains(&item["level"].as_str().unwrap()),
            "{item:#}"
        );
        assert!(item["weight"].as_u64().unwrap() >= 1, "{item:#}");
        assert!(
            item["id"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{}.", item["stage"].as_str().unwrap()))
        );
    }
    // Items are grouped by stage, in stage order.
    let positions: Vec<usize> = items
        .iter()
        .map(|i| STAGES.iter().position(|s| *s == i["stage"]).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
    // Counts add up.
    let counts = &report["counts"];
    let total: u64 = ["pass", "fail", "unknown", "skip", "error"]
        .iter()
        .map(|k| counts[k].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, items.len());
    assert_eq!(counts["pass"].as_u64().unwrap() as usize, items.len());
}

/// A checklist with known weights, to check the arithmetic of scores.
fn scoring_report(extra: &[&str]) -> (Output, Value) {
    let repo = Repo::with_files(&[
        ("README.md", README),
        (
            ".ospo.yml",
            "answers:\n  legal.reviewed: {answer: n/a}\n  community.moderated: {answer: no}\n",
        ),
    ]);
    let checklist = repo.write_checklist(
        "scores.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.readme",
                "required",
                3,
                "{kind: file, names: [\"README*\"]}",
            ),
            item_yaml(
                "needs.changelog",
                "recommended",
                1,
                "{kind: file, names: [\"CHANGELOG*\"]}",
            ),
            item_yaml("legal.reviewed", "recommended", 4, "{kind: attest}"),
            item_yaml("community.moderated", "optional", 2, "{kind: attest}"),
            item_yaml(
                "community.install",
                "recommended",
                2,
                r"{kind: content, names: [README*], pattern: '^#+\s*install'}",
            ),
        ]),
    );
    repo.check_json(&checklist, extra)
}

#[test]
fn scores_are_weighted_per_stage_and_leave_skipped_items_out() {
    let (output, report) = scoring_report(&[]);
    output.assert_code(0);
    let stage = |id: &str| {
        report["stages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["stage"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(stage("needs")["score"], 75.0);
    assert_eq!(
        (
            stage("needs")["passed_weight"].clone(),
            stage("needs")["applicable_weight"].clone()
        ),
        (json!(3), json!(4))
    );
    assert_eq!(stage("communication")["score"], Value::Null, "no items");
    assert_eq!(stage("legal")["score"], Value::Null, "only a skipped item");
    assert_eq!(stage("legal")["counts"]["skip"], 1);
    assert_eq!(stage("community")["score"], 50.0);
    assert_eq!(stage("funding")["applicable_weight"], 0);
    // Overall: (3 + 2) / (4 + 4) = 62.5
    assert_eq!(report["passed_weight"], 5);
    assert_eq!(report["applicable_weight"], 8);
    assert_eq!(report["score"], 62.5);
}

#[test]
fn fail_under_is_reported_in_json_and_terminal() {
    let (output, report) = scoring_report(&["--fail-under", "70"]);
    output.assert_code(1);
    assert_eq!(report["verdict"], "fail");
    assert_eq!(report["fail_under"], 70.0);
    assert_eq!(report["failed_required"], json!([]));
    let (output, report) = scoring_report(&["--fail-under", "62.5"]);
    output.assert_code(0);
    assert_eq!(report["verdict"], "pass");
}

// ── determinism ──

#[test]
fn same_input_gives_identical_bytes() {
    let repo = complete_project();
    repo.remove("LICENSE");
    repo.remove("LICENSES/MIT.txt");
    repo.write(
        ".ospo.yml",
        "answers:\n  communication.calendar: {answer: no}\n",
    );
    for args in [
        &["check"][..],
        &["check", "--format", "json"][..],
        &["check", "--lang", "fr"][..],
    ] {
        let first = repo.ospo(args);
        let second = repo.ospo(args);
        assert_eq!(first.code, 1, "{}", first.all());
        assert_eq!(first.stdout, second.stdout, "{args:?}");
        assert_eq!(first.stderr, second.stderr, "{args:?}");
    }
}

#[test]
fn two_identical_repositories_give_identical_reports_but_for_their_path() {
    let a = complete_project();
    let b = complete_project();
    let report_a = a
        .ospo(&["check", "--format", "json"])
        .stdout
        .replace(&a.path_str(), "[REPO]");
    let report_b = b
        .ospo(&["check", "--format", "json"])
        .stdout
        .replace(&b.path_str(), "[REPO]");
    assert_eq!(report_a, report_b);
}

// ── languages ──

fn failing_project() -> (Repo, String) {
    let repo = Repo::with_files(&[("README.md", README)]);
    let checklist = repo.write_checklist(
        "lang.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.readme",
                "required",
                1,
                "{kind: file, names: [\"README*\"]}",
            ),
            item_yaml(
                "legal.licence",
                "required",
                1,
                "{kind: file, names: [\"LICENSE*\"]}",
            ),
        ]),
    );
    (repo, checklist)
}

fn assert_french(output: &Output) {
    for word in [
        "Étape",
        "réussi",
        "échec",
        "Global",
        "ÉCHEC",
        "Titre de needs.readme",
        "absent de ce dépôt",
        "Besoins",
    ] {
        assert!(
            output.stdout.contains(word),
            "`{word}` missing:\n{}",
            output.all()
        );
    }
    for word in ["Stage", "✓ pass", "Overall", "FAIL:", "Title of"] {
        assert!(
            !output.stdout.contains(word),
            "`{word}` is English:\n{}",
            output.all()
        );
    }
}

fn assert_english(output: &Output) {
    for word in [
        "Stage",
        "✓ pass",
        "✗ fail",
        "Overall",
        "FAIL:",
        "Title of needs.readme",
        "not found in this repository",
    ] {
        assert!(
            output.stdout.contains(word),
            "`{word}` missing:\n{}",
            output.all()
        );
    }
    for word in ["Étape", "réussi", "échec"] {
        assert!(
            !output.stdout.contains(word),
            "`{word}` is French:\n{}",
            output.all()
        );
    }
}

#[test]
fn lang_fr_gives_a_french_report() {
    let (repo, checklist) = failing_project();
    let output = repo.ospo(&["check", "--checklist", &checklist, "--lang", "fr"]);
    output.assert_code(1);
    assert_french(&output);
}

#[test]
fn lang_env_fr_gives_a_french_report() {
    let (repo, checklist) = failing_project();
    let output = ospo_env(
        repo.path(),
        &["check", "--checklist", &checklist],
        &[("LANG", "fr_FR.UTF-8")],
    );
    assert_french(&output);
    let output = ospo_env(
        repo.path(),
        &["check", "--checklist", &checklist],
        &[("LC_MESSAGES", "fr_CA.UTF-8"), ("LANG", "en_GB.UTF-8")],
    );
    assert_french(&output);
}

#[test]
fn lc_all_c_overrides_a_french_lang() {
    let (repo, checklist) = failing_project();
    let output = ospo_env(
        repo.path(),
        &["check", "--checklist", &checklist],
        &[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")],
    );
    assert_english(&output);
}

#[test]
fn no_locale_and_lang_en_give_english() {
    let (repo, checklist) = failing_project();
    assert_english(&repo.ospo(&["check", "--checklist", &checklist]));
    let output = ospo_env(
        repo.path(),
        &["check", "--checklist", &checklist, "--lang", "en"],
        &[("LANG", "fr_FR.UTF-8")],
    );
    assert_english(&output);
}

/// Extra arguments, environment, and the language expected.
type LanguageCase<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);

#[test]
fn json_language_follows_the_chosen_language() {
    let (repo, checklist) = failing_project();
    let json = ["check", "--checklist", &checklist, "--format", "json"];
    let cases: [LanguageCase; 5] = [
        (&[], &[], "en"),
        (&["--lang", "fr"], &[], "fr"),
        (&[], &[("LANG", "fr_FR.UTF-8")], "fr"),
        (&[], &[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")], "en"),
        (&["--lang", "en"], &[("LANG", "fr_FR.UTF-8")], "en"),
    ];
    for (extra, env, expected) in cases {
        let mut args = json.to_vec();
        args.extend_from_slice(extra);
        let report = ospo_env(repo.path(), &args, env).json();
        assert_eq!(report["language"], expected, "{extra:?} {env:?}");
        let readme = item(&report, "needs.readme");
        let title = if expected == "fr" {
            "Titre de needs.readme"
        } else {
            "Title of needs.readme"
        };
        assert_eq!(readme["title"], title, "{extra:?} {env:?}");
        // Statuses and ids are not translated in JSON.
        assert_eq!(readme["status"], "pass");
        assert_eq!(report["stages"][0]["stage"], "needs");
    }
}

#[test]
fn french_stage_titles_in_json() {
    let (repo, checklist) = failing_project();
    let (_, report) = repo.check_json(&checklist, &["--lang", "fr"]);
    let titles: Vec<&str> = report["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Besoins des utilisateurs et contributeurs",
            "Communication",
            "Juridique",
            "Communauté",
            "Financement"
        ]
    );
}

// ── colour ──

#[test]
fn colour_only_when_asked_for() {
    let (repo, checklist) = failing_project();
    let plain = repo.ospo(&["check", "--checklist", &checklist]);
    assert!(
        !plain.stdout.contains('\x1b'),
        "not a terminal: no colour\n{}",
        plain.all()
    );
    let never = repo.ospo(&["check", "--checklist", &checklist, "--color", "never"]);
    assert!(!never.stdout.contains('\x1b'));
    let always = repo.ospo(&["check", "--checklist", &checklist, "--color", "always"]);
    assert!(always.stdout.contains("\x1b["), "{}", always.all());
}

// ── snapshots ──

const SNAPSHOT_OSPO_YML: &str = "\
answers:
  community.meetings:
    answer: yes
    evidence: https://example.org/meetings
    date: 2026-01-10
  funding.budget:
    answer: n/a
  funding.sponsors:
    answer: no
waivers:
  legal.licence: \"Licence kept in the parent repository\"
";

/// A small fixed project and checklist where every kind of probe and every status shows.
/// `LOST.md` is listed in the commit but its blob is gone, hence `--rev HEAD` and an error.
fn snapshot_fixture() -> (Repo, String) {
    let repo = Repo::with_files(&[
        (
            "README.md",
            "# Example\n\nExample tidies text files. It is a small fixture for snapshot tests.\n",
        ),
        (
            "README.fr.md",
            "# Exemple\n\nExemple range les fichiers texte.\n",
        ),
        (
            "docs/GUIDE.md",
            "# Guide\n\n## Installation\n\n    cargo install example\n",
        ),
        ("SECURITY.md", "See https://example.org/security\n"),
        (
            "COPYING",
            "Licensed under the MIT License: see https://opensource.org/licenses/MIT\n",
        ),
        (
            "LOST.md",
            "This blob is removed from the object database.\n",
        ),
        (".ospo.yml", SNAPSHOT_OSPO_YML),
    ]);
    let blob = repo.git(&["rev-parse", "HEAD:LOST.md"]);
    let blob = blob.trim();
    std::fs::remove_file(
        repo.path()
            .join(".git/objects")
            .join(&blob[..2])
            .join(&blob[2..]),
    )
    .unwrap();
    let checklist = repo.write_checklist(
        "snapshot.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.readme",
                "required",
                5,
                "{kind: file, names: [\"README*\"], min-size: 50}",
            ),
            item_yaml(
                "needs.install",
                "recommended",
                3,
                r"{kind: content, names: [GUIDE*, README*], pattern: '^#+\s*install'}",
            ),
            item_yaml(
                "needs.changelog",
                "required",
                2,
                "{kind: file, names: [\"CHANGELOG*\"]}",
            ),
            item_yaml(
                "needs.lost",
                "optional",
                1,
                "{kind: file, names: [\"LOST*\"]}",
            ),
            item_yaml(
                "communication.security",
                "recommended",
                2,
                "{kind: file, names: [\"SECURITY*\"], min-size: 100}",
            ),
            item_yaml(
                "legal.licence",
                "required",
                5,
                "{kind: file, names: [\"LICENSE*\"], places: [\".\"]}",
            ),
            item_yaml("legal.identified", "optional", 1, "{kind: licence}"),
            item_yaml(
                "legal.notice",
                "optional",
                1,
                "{kind: content, names: [\"NOTICE*\"], pattern: 'third.party'}",
            ),
            item_yaml("community.meetings", "recommended", 2, "{kind: attest}"),
            item_yaml(
                "community.moderation",
                "recommended",
                2,
                "{kind: attest, evidence: required}",
            ),
            item_yaml(
                "funding.budget",
                "recommended",
                3,
                "{kind: attest, evidence: required}",
            ),
            item_yaml("funding.sponsors", "optional", 1, "{kind: attest}"),
        ]),
    );
    (repo, checklist)
}

/// Replaces what depends on the machine: the temporary directory and the tool version.
fn redact(text: &str, repo: &Repo) -> String {
    text.replace(&repo.path_str(), "[REPO]")
        .replace(&repo.outside().display().to_string(), "[TMP]")
        .replace(
            &format!("ospo {}", env!("CARGO_PKG_VERSION")),
            "ospo [VERSION]",
        )
        .replace(
            &format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")),
            "\"version\": \"[VERSION]\"",
        )
        .replace(
            &format!("\"semanticVersion\": \"{}\"", env!("CARGO_PKG_VERSION")),
            "\"semanticVersion\": \"[VERSION]\"",
        )
}

#[test]
fn snapshot_fixture_shows_every_status() {
    let (repo, checklist) = snapshot_fixture();
    let (output, report) = repo.check_json(&checklist, &["--rev", "HEAD"]);
    output.assert_code(1);
    assert_eq!(
        report["counts"],
        json!({"pass": 4, "warn": 1, "fail": 3, "unknown": 1, "skip": 2, "error": 1})
    );
}

#[test]
fn snapshot_terminal_report() {
    let (repo, checklist) = snapshot_fixture();
    let output = repo.ospo(&["check", "--checklist", &checklist, "--rev", "HEAD"]);
    output.assert_code(1);
    insta::assert_snapshot!("terminal_en", redact(&output.stdout, &repo));
}

#[test]
fn snapshot_terminal_report_in_french() {
    let (repo, checklist) = snapshot_fixture();
    let output = repo.ospo(&[
        "check",
        "--checklist",
        &checklist,
        "--rev",
        "HEAD",
        "--lang",
        "fr",
    ]);
    output.assert_code(1);
    insta::assert_snapshot!("terminal_fr", redact(&output.stdout, &repo));
}

#[test]
fn snapshot_json_report() {
    let (repo, checklist) = snapshot_fixture();
    let output = repo.ospo(&[
        "check",
        "--checklist",
        &checklist,
        "--rev",
        "HEAD",
        "--format",
        "json",
    ]);
    output.assert_code(1);
    insta::assert_snapshot!("json_en", redact(&output.stdout, &repo));
}

#[test]
fn snapshot_sarif_report() {
    let (repo, checklist) = snapshot_fixture();
    let output = repo.ospo(&[
        "check",
        "--checklist",
        &checklist,
        "--rev",
        "HEAD",
        "--format",
        "sarif",
    ]);
    output.assert_code(1);
    insta::assert_snapshot!("sarif_en", redact(&output.stdout, &repo));
}

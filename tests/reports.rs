//! The reports: JSON structure, scores, determinism, languages, and snapshots of every
//! format on a small fixed fixture.

mod common;

use std::collections::BTreeSet;

use common::*;
use ospo::probe::Evidence;
use ospo::report::Report;
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

    assert_eq!(report["schema_version"], 2);
    assert_eq!(report["tool"]["name"], "ospo");
    assert_eq!(report["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["language"], "en");
    assert_eq!(report["checklist"]["id"], "default");
    assert_eq!(report["checklist"]["source"], "builtin:default");
    assert_eq!(report["project_file"], ".ospo.yml");
    assert_eq!(report["verdict"], "pass");
    assert_eq!(report["score"], 100.0);
    assert_eq!(report["verified_score"], 100.0);
    assert_eq!(report["declared_score"], 100.0);
    assert_eq!(report["waivers"], json!([]));
    assert_eq!(report["anchor"], "README.md");
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
        assert_eq!(stage["verified_score"], 100.0, "{stage:#}");
        for key in [
            "title",
            "passed_weight",
            "applicable_weight",
            "counts",
            "declared_score",
        ] {
            assert!(stage.get(key).is_some(), "stage lacks `{key}`: {stage:#}");
        }
    }

    let items = report["items"].as_array().expect("items is a list");
    let expected_ids = default_item_ids();
    assert_eq!(items.len(), expected_ids.len());
    for item in items {
        for key in [
            "id", "stage", "level", "weight", "basis", "status", "message", "title", "why", "fix",
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
        // Every built-in item says where it is documented.
        assert!(
            item["help_url"]
                .as_str()
                .is_some_and(|url| url.starts_with("https://")),
            "{item:#}"
        );
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
    // The threshold is measured against the verified score: (3 + 2) / (4 + 2), the
    // answered questions left out.
    let (output, report) = scoring_report(&["--fail-under", "90"]);
    output.assert_code(1);
    assert_eq!(report["verdict"], "fail");
    assert_eq!(report["fail_under"], 90.0);
    assert_eq!(report["verified_score"], 83.3);
    assert_eq!(report["declared_score"], 0.0);
    assert_eq!(report["score"], 62.5);
    assert_eq!(report["failed_required"], json!([]));
    let (output, report) = scoring_report(&["--fail-under", "83.3"]);
    output.assert_code(0);
    assert_eq!(report["verdict"], "pass");
    let (output, _) = scoring_report(&["--fail-under", "70"]);
    output.assert_code(0);
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
    let output = repo.ospo(&["check", "--all", "--checklist", &checklist, "--lang", "fr"]);
    output.assert_code(1);
    assert_french(&output);
}

#[test]
fn lang_env_fr_gives_a_french_report() {
    let (repo, checklist) = failing_project();
    let output = ospo_env(
        repo.path(),
        &["check", "--all", "--checklist", &checklist],
        &[("LANG", "fr_FR.UTF-8")],
    );
    assert_french(&output);
    let output = ospo_env(
        repo.path(),
        &["check", "--all", "--checklist", &checklist],
        &[("LC_MESSAGES", "fr_CA.UTF-8"), ("LANG", "en_GB.UTF-8")],
    );
    assert_french(&output);
}

#[test]
fn lc_all_c_overrides_a_french_lang() {
    let (repo, checklist) = failing_project();
    let output = ospo_env(
        repo.path(),
        &["check", "--all", "--checklist", &checklist],
        &[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")],
    );
    assert_english(&output);
}

#[test]
fn no_locale_and_lang_en_give_english() {
    let (repo, checklist) = failing_project();
    assert_english(&repo.ospo(&["check", "--all", "--checklist", &checklist]));
    let output = ospo_env(
        repo.path(),
        &["check", "--all", "--checklist", &checklist, "--lang", "en"],
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
  needs.changelog: later
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
    // Links: a template for the checklist, and one item with its own.
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
            ) + "    waivable: true\n",
            item_yaml("legal.identified", "optional", 1, "{kind: licence}"),
            item_yaml(
                "legal.notice",
                "optional",
                1,
                "{kind: content, names: [\"NOTICE*\"], pattern: 'third.party'}",
            ) + "    help-url: https://example.org/third-party-notices\n",
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
        ])
        .replace(
            "\nitems:\n",
            "\nhelp-url: https://example.org/checks/{id}\nitems:\n",
        ),
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
fn snapshot_full_terminal_report() {
    let (repo, checklist) = snapshot_fixture();
    let output = repo.ospo(&["check", "--all", "--checklist", &checklist, "--rev", "HEAD"]);
    output.assert_code(1);
    insta::assert_snapshot!("terminal_all_en", redact(&output.stdout, &repo));
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

/// The fixture's report in `format`, after `extra` arguments, redacted.
fn snapshot_of(format: &str, extra: &[&str]) -> String {
    let (repo, checklist) = snapshot_fixture();
    let mut args = vec![
        "check",
        "--checklist",
        &checklist,
        "--rev",
        "HEAD",
        "--format",
        format,
    ];
    args.extend_from_slice(extra);
    let output = repo.ospo(&args);
    output.assert_code(1);
    redact(&output.stdout, &repo)
}

#[test]
fn snapshot_markdown_report() {
    insta::assert_snapshot!("markdown_en", snapshot_of("markdown", &[]));
}

#[test]
fn snapshot_markdown_report_in_french() {
    insta::assert_snapshot!("markdown_fr", snapshot_of("markdown", &["--lang", "fr"]));
}

#[test]
fn snapshot_github_report() {
    insta::assert_snapshot!("github_en", snapshot_of("github", &[]));
}

// ── the JSON report read back into the model ──

/// The `type` of a piece of evidence. No wildcard arm: a new variant does not compile
/// until it is named here, and `every_kind_of_evidence_reads_back` then asks a fixture to
/// show it.
fn evidence_type(evidence: &Evidence) -> &'static str {
    match evidence {
        Evidence::File { .. } => "file",
        Evidence::Line { .. } => "line",
        Evidence::Searched { .. } => "searched",
        Evidence::Answer { .. } => "answer",
        Evidence::Dco { .. } => "dco",
        Evidence::Metric { .. } => "metric",
        Evidence::Licence { .. } => "licence",
        Evidence::Strategy { .. } => "strategy",
        Evidence::Dependencies(_) => "dependencies",
        Evidence::Headers { .. } => "headers",
        Evidence::Metadata { .. } => "metadata",
        Evidence::Changelog { .. } => "changelog",
        Evidence::Waiver { .. } => "waiver",
    }
}

/// Reads the JSON report of a run into the model, renders it again, and asserts the very
/// bytes `ospo` printed.
#[track_caller]
fn read_back(output: &Output) -> Report {
    let report: Report = serde_json::from_str(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "the JSON report does not deserialise: {error}\n{}",
            output.all()
        )
    });
    let again = ospo::report::json::render(&report);
    if again != output.stdout {
        let (line, (printed, reread)) = (output.stdout.lines().zip(again.lines()))
            .enumerate()
            .find(|(_, (printed, reread))| printed != reread)
            .unwrap_or((0, ("", "(the same lines, but not as many)")));
        panic!(
            "re-serialised, the report differs at line {}:\n  printed:       {printed}\n  \
             re-serialised: {reread}",
            line + 1
        );
    }
    report
}

/// The deserialised item `id`.
#[track_caller]
fn model_item<'a>(report: &'a Report, id: &str) -> &'a ospo::report::ItemReport {
    report
        .items
        .iter()
        .find(|item| item.id == id)
        .unwrap_or_else(|| panic!("no item {id} in the report"))
}

/// The evidence types of a report, each once, sorted.
fn evidence_types(report: &Report) -> BTreeSet<&'static str> {
    report
        .items
        .iter()
        .filter_map(|item| item.evidence.as_ref())
        .map(evidence_type)
        .collect()
}

/// The complete project with much gone wrong, so that evidence of every kind shows with
/// its optional fields filled: no licence file at all, a README with neither installation
/// section nor website link beside other READMEs, a security policy that only points
/// elsewhere, commits without sign-off, a `publiccode.yml` and a `FUNDING.yml` with
/// errors, dependencies whose licences are a problem, source files without an SPDX
/// header, a changelog behind the newest tag, a waiver, unanswered questions and an
/// answer to an item the checklist does not have.
fn troubled_project() -> Repo {
    let repo = complete_project();
    for path in ["LICENSE", "LICENSES/MIT.txt", "REUSE.toml"] {
        repo.remove(path);
    }
    repo.write_all(&[
        (
            "README.md",
            "# Example\n\nExample is a small command-line tool that tidies up text files. It is written for\n\
             people who maintain documentation and want consistent formatting across many files.\n\
             It reads each file, splits it into blocks and writes back only what changed.\n\n\
             Example is licensed under the MIT licence.\n",
        ),
        ("README.fr.md", "# Exemple\n\nExemple range les fichiers texte.\n"),
        ("docs/README.md", "# Documentation\n\nThe guide is being written.\n"),
        ("SECURITY.md", "See https://example.org/security\n"),
        ("publiccode.yml", include_str!("fixtures/publiccode/broken.yml")),
        (
            ".github/FUNDING.yml",
            "open_collective: example\nunknown_platform: example\ngithub: [a, b, c, d, e]\n",
        ),
        (
            "package-lock.json",
            r#"{"name": "example", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
  "packages": {
    "": {"name": "example", "version": "1.0.0", "license": "MIT"},
    "node_modules/kleur": {"version": "4.1.5", "license": "MIT"},
    "node_modules/copyleft": {"version": "2.0.0", "license": "GPL-3.0-only"},
    "node_modules/closed": {"version": "0.1.0", "license": "UNLICENSED"},
    "node_modules/silent": {"version": "1.0.0"},
    "node_modules/tester": {"version": "3.0.0", "license": "MIT", "dev": true}
  }}
"#,
        ),
        ("composer.lock", "{ not JSON\n"),
        ("src/main.rs", "fn main() {\n    println!(\"Example\");\n}\n"),
        (
            "src/lib.rs",
            "// SPDX-License-Identifier: NOT A LICENCE\n\npub fn tidy() {}\n",
        ),
        (
            "src/rules.rs",
            "// SPDX-License-Identifier: MIT\n\npub const RULES: usize = 3;\n",
        ),
        (
            "CHANGELOG.md",
            "# Changelog\n\n## [Unreleased]\n\n- Plugins.\n\n## [1.0.0] - 2026-01-15\n\n- First release.\n",
        ),
        (
            ".ospo.yml",
            "checklist: default\n\
             answers:\n  \
               needs.user-needs: {answer: no, evidence: https://example.org/survey, date: 2026-01-10}\n  \
               funding.platform-costs: {answer: n/a}\n  \
               communication.calendar: {answer: yes}\n  \
               needs.no-such-item: {answer: yes}\n\
             waivers:\n  \
               legal.reuse: \"REUSE comes with the 2.0 tidy-up\"\n",
        ),
    ]);
    repo.commit("Rework the project without its licence");
    for day in 0..3 {
        repo.commit_by(
            "Chloé <chloe@three.example>",
            &format!("2026-01-{:02}T12:00:00Z", 28 + day),
            &format!("Unsigned change {day}"),
        );
    }
    repo.git(&["tag", "v2.0.0"]);
    repo
}

// Which fixture shows which evidence; every kind shows at least once, and
// `every_kind_of_evidence_reads_back` fails when one is left out:
//
// | evidence     | complete project (worktree)        | troubled project (`--rev HEAD`)          |
// |--------------|------------------------------------|------------------------------------------|
// | file         | found files, pointers, other files | a pointer (SECURITY.md), other READMEs   |
// | line         | README sections, manifests         | README, CONTRIBUTING.md                  |
// | searched     | —                                  | README without installation section      |
// | answer       | every question, with evidence      | `no` with evidence and date, `n/a`, `yes`|
// | dco          | one unsigned commit                | five unsigned commits                    |
// | metric       | every metric, top contributors     | every metric, top contributors           |
// | licence      | licence files identified           | no licence file, declarations only       |
// | strategy     | DCO documented, its history        | DCO documented, unsigned commits         |
// | dependencies | the project's licence, all MIT     | conflicts, a dev one, unreadable lockfile|
// | headers      | every file licensed                | no header, invalid header, missing text  |
// | metadata     | valid publiccode.yml, FUNDING.yml  | findings in both                         |
// | changelog    | covers the newest release          | behind the newest tag                    |
// | waiver       | —                                  | `legal.reuse`                            |

/// The complete project's report, with a threshold written to sixteen digits, read back.
fn complete_report() -> Report {
    let repo = complete_project();
    let output = repo.ospo(&[
        "check",
        "--format",
        "json",
        "--fail-under",
        "90.27474764568267",
    ]);
    output.assert_code(0);
    read_back(&output)
}

/// The troubled project's report, read back.
fn troubled_report() -> Report {
    let repo = troubled_project();
    let output = repo.ospo(&["check", "--format", "json", "--rev", "HEAD"]);
    output.assert_code(1);
    read_back(&output)
}

#[test]
fn complete_project_report_reads_back_into_the_model() {
    use ospo::probe::Status;

    let report = complete_report();
    assert_eq!(report.items.len(), default_item_ids().len());
    assert_eq!(report.tool.name, "ospo");
    assert_eq!(report.verdict, ospo::score::Verdict::Pass);
    assert_eq!(report.repository.view, ospo::repo::ViewKind::Worktree);
    // Sixteen digits, read back as the very same f64.
    assert_eq!(report.fail_under, Some(90.27474764568267));
    assert_eq!(report.score, Some(100.0));
    assert_eq!(report.counts.pass, report.items.len());
    assert!(report.items.iter().all(|item| item.status == Status::Pass));

    let dco = model_item(&report, "legal.dco-signoffs");
    assert_eq!(dco.probe, "dco");
    match &dco.evidence {
        Some(Evidence::Dco {
            rule,
            checked,
            signed,
            share,
            offending,
            more_offending,
            ..
        }) => {
            assert_eq!(rule, "author-or-committer");
            assert_eq!((*checked, *signed, *share), (13, 12, 92.3));
            assert_eq!(offending.len(), 1);
            assert_eq!(offending[0].subject, "Initial commit");
            assert_eq!(*more_offending, 0, "absent, so zero");
        }
        other => panic!("expected DCO evidence, got {other:?}"),
    }
    match &model_item(&report, "legal.recognised-licence").evidence {
        Some(Evidence::Licence {
            expression, files, ..
        }) => {
            assert_eq!(expression.as_deref(), Some("MIT"));
            assert_eq!(files[0].path, "LICENSE");
            assert_eq!(files[0].licences[0].id, "MIT");
            assert_eq!(files[0].licences[0].score, Some(1.0));
        }
        other => panic!("expected licence evidence, got {other:?}"),
    }
    match &model_item(&report, "community.contributors").evidence {
        Some(Evidence::Metric { metric, top, .. }) => {
            assert_eq!(metric, "contributors");
            assert_eq!(top[0], ("alice@one.example".to_owned(), 6));
        }
        other => panic!("expected a metric, got {other:?}"),
    }
}

#[test]
fn troubled_project_report_reads_back_into_the_model() {
    use ospo::probe::Status;

    let report = troubled_report();
    assert_eq!(report.items.len(), default_item_ids().len());
    assert_eq!(report.verdict, ospo::score::Verdict::Fail);
    assert_eq!(report.repository.view, ospo::repo::ViewKind::Commit);
    assert_eq!(report.failed_required, ["legal.licence-file"]);
    assert!(!report.questions.is_empty());
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert_eq!(report.fail_under, None);

    let licence_file = model_item(&report, "legal.licence-file");
    assert_eq!(licence_file.status, Status::Fail);
    assert!(licence_file.evidence.is_none());
    match &model_item(&report, "needs.readme-install").evidence {
        Some(Evidence::Searched { paths }) => {
            assert_eq!(paths, &["README.md", "README.fr.md", "docs/README.md"]);
        }
        other => panic!("expected searched files, got {other:?}"),
    }
    match &model_item(&report, "legal.dco-signoffs").evidence {
        Some(Evidence::Dco { offending, .. }) => {
            assert_eq!(offending.len(), 5, "{offending:?}");
        }
        other => panic!("expected DCO evidence, got {other:?}"),
    }
    match &model_item(&report, "legal.recognised-licence").evidence {
        Some(Evidence::Licence {
            expression,
            files,
            declared,
        }) => {
            assert_eq!(*expression, None);
            assert!(files.is_empty());
            assert_eq!(declared[0].file, "Cargo.toml");
        }
        other => panic!("expected licence evidence, got {other:?}"),
    }
    let publiccode = model_item(&report, "communication.publiccode-valid");
    assert_eq!(publiccode.status, Status::Fail);
    match &publiccode.evidence {
        Some(Evidence::Metadata {
            errors, findings, ..
        }) => {
            assert_eq!(*errors, 3);
            assert_eq!(findings[0].path, "developmentStatus");
        }
        other => panic!("expected metadata findings, got {other:?}"),
    }
    match &model_item(&report, "legal.dependency-licences").evidence {
        Some(Evidence::Dependencies(summary)) => {
            assert_eq!(summary.conflicts.len(), 3, "{summary:?}");
            assert_eq!(summary.dev_left_out, 1);
            assert_eq!(summary.unreadable[0].path, "composer.lock");
        }
        other => panic!("expected dependencies, got {other:?}"),
    }
    let reuse = model_item(&report, "legal.reuse");
    assert_eq!(reuse.status, Status::Skip);
    assert!(
        matches!(&reuse.evidence, Some(Evidence::Waiver { reason }) if reason.starts_with("REUSE")),
        "{:?}",
        reuse.evidence
    );
}

/// Every evidence type the model knows, as serde lists them when it refuses another.
fn known_evidence_types() -> BTreeSet<String> {
    let error = serde_json::from_str::<Evidence>(r#"{"type": "?"}"#)
        .expect_err("`?` is no evidence type")
        .to_string();
    let (_, expected) = error
        .split_once("expected one of ")
        .unwrap_or_else(|| panic!("serde lists the known types: {error}"));
    // `file`, `line`, … `waiver` at line 1 column 13: the names are between backquotes.
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_kind_of_evidence_reads_back() {
    let mut seen = evidence_types(&complete_report());
    seen.extend(evidence_types(&troubled_report()));
    let seen: BTreeSet<String> = seen.into_iter().map(str::to_owned).collect();
    assert_eq!(
        seen,
        known_evidence_types(),
        "see the table above `complete_report`"
    );
}

#[test]
fn a_report_with_an_unknown_evidence_type_does_not_deserialise() {
    let (repo, checklist) = failing_project();
    let (output, mut json) = repo.check_json(&checklist, &[]);
    // The report as printed reads back; with an evidence type ospo does not know, it must
    // not.
    read_back(&output);
    assert_eq!(json["items"][0]["evidence"]["type"], "file");
    json["items"][0]["evidence"]["type"] = "hunch".into();
    let text = serde_json::to_string_pretty(&json).expect("JSON");
    let error = serde_json::from_str::<Report>(&text)
        .expect_err("an unknown evidence type is refused")
        .to_string();
    assert!(
        error.contains("unknown variant `hunch`") && error.contains("`searched`"),
        "the error names the type and those expected: {error}"
    );
}

#[test]
fn snapshot_junit_report() {
    insta::assert_snapshot!("junit_en", snapshot_of("junit", &[]));
}

#[test]
fn snapshot_gitlab_report() {
    insta::assert_snapshot!("gitlab_en", snapshot_of("gitlab", &[]));
}

#[test]
fn snapshot_sarif_report() {
    insta::assert_snapshot!("sarif_en", snapshot_of("sarif", &[]));
}

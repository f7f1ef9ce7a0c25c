//! `ospo check --format sarif`: the SARIF 2.1.0 log GitHub code scanning reads, checked
//! on its own terms and, when it is installed, by the official SARIF validator.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

/// `ospo check --format sarif [EXTRA]`: the output and the log.
fn sarif(repo: &Repo, extra: &[&str]) -> (Output, Value) {
    let mut args = vec!["check", "--format", "sarif"];
    args.extend_from_slice(extra);
    let output = repo.ospo(&args);
    let log = output.json();
    (output, log)
}

fn run(log: &Value) -> &Value {
    let runs = log["runs"].as_array().expect("runs is a list");
    assert_eq!(runs.len(), 1, "one run");
    &runs[0]
}

fn rules(log: &Value) -> &Vec<Value> {
    run(log)["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules is a list")
}

fn results(log: &Value) -> &Vec<Value> {
    run(log)["results"].as_array().expect("results is a list")
}

/// The result of item `id`.
#[track_caller]
fn result<'a>(log: &'a Value, id: &str) -> &'a Value {
    results(log)
        .iter()
        .find(|result| result["ruleId"] == id)
        .unwrap_or_else(|| panic!("no result for {id}:\n{log:#}"))
}

fn artifact(result: &Value) -> &Value {
    let locations = result["locations"].as_array().expect("locations is a list");
    assert_eq!(locations.len(), 1, "one location: {result:#}");
    &locations[0]["physicalLocation"]["artifactLocation"]
}

fn fingerprints(log: &Value) -> Vec<(String, String)> {
    results(log)
        .iter()
        .map(|result| {
            (
                result["ruleId"].as_str().unwrap().to_owned(),
                result["partialFingerprints"]["ospoItem/v1"]
                    .as_str()
                    .expect("a fingerprint")
                    .to_owned(),
            )
        })
        .collect()
}

// ── the acceptance test ──

#[test]
fn missing_files_are_results_that_name_the_files_to_create() {
    let repo = project_missing_three_files();
    let (json_output, report) = repo.check_json("default", &[]);
    json_output.assert_code(1);
    let items = report["items"].as_array().unwrap();

    let target = repo.outside().join("ospo.sarif");
    let target = target.to_str().unwrap();
    let to_file = repo.ospo(&["check", "--format", "sarif", "--output", target]);
    to_file.assert_code(1);
    assert!(to_file.stdout.is_empty(), "{}", to_file.all());
    let text = std::fs::read_to_string(target).expect("the log is written");
    assert!(text.ends_with("}\n"), "pretty JSON ending with a newline");
    let (to_stdout, log) = sarif(&repo, &[]);
    to_stdout.assert_code(1);
    assert_eq!(to_stdout.stdout, text, "same log on stdout and in the file");

    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    assert_eq!(log["version"], "2.1.0");
    let run = run(&log);
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "ospo");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(run["automationDetails"]["id"], "ospo/default/");
    assert!(run["originalUriBaseIds"].get("%SRCROOT%").is_some());
    assert_eq!(run["properties"]["checklist"]["id"], "default");
    assert_eq!(run["properties"]["verdict"], "fail");

    // One rule per item, in report order, with the item's texts.
    let rules = rules(&log);
    assert_eq!(rules.len(), items.len());
    for (rule, item) in rules.iter().zip(items) {
        assert_eq!(rule["id"], item["id"]);
        assert_eq!(rule["shortDescription"]["text"], item["title"]);
        assert_eq!(rule["fullDescription"]["text"], item["why"]);
        assert_eq!(rule["help"]["text"], item["fix"]);
        let level = match item["level"].as_str().unwrap() {
            "required" => "error",
            "recommended" => "warning",
            _ => "note",
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level, "{rule:#}");
        assert_eq!(
            rule["properties"]["tags"],
            serde_json::json!([item["stage"], item["level"], item["probe"]])
        );
    }
    assert_eq!(rules[0]["id"], "needs.readme");
    assert_eq!(rules[0]["name"], "NeedsReadme");

    // A result for each item that does not hold, none for the others; an open question
    // is not a finding.
    let expected: BTreeSet<&str> = items
        .iter()
        .filter(|item| {
            ["fail", "unknown", "error", "warn"].contains(&item["status"].as_str().unwrap())
                && !(item["basis"] == "declared" && item["status"] == "unknown")
        })
        .map(|item| item["id"].as_str().unwrap())
        .collect();
    let got: BTreeSet<&str> = results(&log)
        .iter()
        .map(|result| result["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(got, expected);
    for result in results(&log) {
        let id = result["ruleId"].as_str().unwrap();
        let rule = &rules[result["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], id, "ruleIndex points at the rule");
        let level = if item(&report, id)["status"] == "warn" {
            &Value::from("note")
        } else {
            &rule["defaultConfiguration"]["level"]
        };
        assert_eq!(&result["level"], level, "{result:#}");
    }

    for (id, path, level) in [
        ("legal.licence-file", "LICENSE", "error"),
        ("community.code-of-conduct", "CODE_OF_CONDUCT", "warning"),
        ("community.governance", "GOVERNANCE", "warning"),
    ] {
        assert_eq!(
            item(&report, id)["location"],
            serde_json::json!({"path": path, "missing": true}),
            "the JSON report names the file to create"
        );
        let result = result(&log, id);
        assert_eq!(result["level"], level, "{result:#}");
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id, "ruleIndex points at the rule");
        // The result is on a file the commit has, the README, and names the missing one.
        let artifact = artifact(result);
        assert_eq!(artifact["uri"], "README.md");
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
        assert_eq!(
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
            1
        );
        assert!(
            result["message"]["text"]
                .as_str()
                .unwrap()
                .contains(&format!(
                    "{path} does not exist yet; this result is shown on README.md."
                )),
            "{result:#}"
        );
        assert_eq!(
            result["partialFingerprints"]["ospoItem/v1"],
            format!("{id}:{path}")
        );
        let message = result["message"]["text"].as_str().unwrap();
        assert!(
            message.starts_with(item(&report, id)["message"].as_str().unwrap()),
            "{message}"
        );
        assert!(message.contains("Fix: "), "{message}");
    }
}

// ── the official validator ──

/// The SARIF validator to run: `OSPO_SARIF_VALIDATOR`, the `Sarif.Multitool` binary of
/// `@microsoft/sarif-multitool` (`.ci/run` installs it). Without it the test is skipped,
/// unless `OSPO_REQUIRE_SARIF_VALIDATOR=1`, as in CI.
fn validator() -> Option<PathBuf> {
    let found = std::env::var_os("OSPO_SARIF_VALIDATOR")
        .filter(|path| !path.is_empty())
        .map(PathBuf::from);
    if found.is_none() {
        assert_ne!(
            std::env::var("OSPO_REQUIRE_SARIF_VALIDATOR").as_deref(),
            Ok("1"),
            "SARIF validator required but not found: set OSPO_SARIF_VALIDATOR to the \
             Sarif.Multitool binary (bash .ci/run installs it)"
        );
        eprintln!(
            "note: OSPO_SARIF_VALIDATOR is not set, the SARIF log is not checked by the \
             official validator (bash .ci/run installs it)"
        );
    }
    found
}

/// What the validator may say without failing the test, by rule and message: each is
/// deliberate.
const TOLERATED: &[(&str, &str)] = &[
    // The tool has no published homepage yet: `informationUri` follows the `homepage` or
    // `repository` of Cargo.toml once one is set.
    ("SARIF2005", "Warning_ProvideToolnformationUri"),
];

/// Runs the validator on `log` with the SARIF rules and GitHub's ingestion rules; panics
/// on an error, or on a warning or note not in [`TOLERATED`].
fn validate(validator: &Path, log: &str, dir: &Path, name: &str) {
    let input = dir.join(format!("{name}.sarif"));
    let verdict = dir.join(format!("{name}.validation.sarif"));
    std::fs::write(&input, log).unwrap();
    let output = Command::new(validator)
        .arg("validate")
        .arg(&input)
        .args([
            "--rule-kind",
            "Gh;Sarif",
            "--log",
            "ForceOverwrite",
            "--output",
        ])
        .arg(&verdict)
        // No culture data needed: the validator then runs where ICU is not installed.
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run the validator {}: {e}", validator.display()));
    let console = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    // It exits 0 on a log with errors, and 1 on a usage error: its own log says more.
    assert!(output.status.success(), "the validator failed:\n{console}");
    let text = std::fs::read_to_string(&verdict)
        .unwrap_or_else(|e| panic!("no validation log ({e}):\n{console}"));
    let validation: Value = serde_json::from_str(&text).expect("the validation log is JSON");
    let run = &validation["runs"][0];
    for notification in run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .into_iter()
        .flatten()
    {
        assert_ne!(
            notification["level"], "error",
            "{notification:#}\n{console}"
        );
    }
    assert_eq!(
        run["invocations"][0]["executionSuccessful"], true,
        "{console}"
    );
    let mut errors = Vec::new();
    let mut unexpected = Vec::new();
    for result in run["results"].as_array().expect("validation results") {
        let rule = result["ruleId"].as_str().unwrap_or_default();
        let message = result["message"]["id"].as_str().unwrap_or_default();
        // The validator writes `error` levels; warnings it leaves to the default.
        match result["level"].as_str().unwrap_or("warning") {
            "error" => errors.push(format!("{rule} {message} {}", result["message"])),
            _ if TOLERATED.contains(&(rule, message)) => {}
            _ => unexpected.push(format!("{rule} {message} {}", result["message"])),
        }
    }
    assert!(
        errors.is_empty() && !console.contains(": error "),
        "the validator reports errors in {name}:\n{}\n{console}",
        errors.join("\n")
    );
    assert!(
        unexpected.is_empty(),
        "the validator reports warnings or notes not known to be deliberate in {name}:\n{}\n{console}",
        unexpected.join("\n")
    );
}

#[test]
fn the_official_validator_reports_no_error() {
    let Some(validator) = validator() else {
        return;
    };
    let repo = project_missing_three_files();
    let dir = repo.outside();
    let (_, log) = sarif(&repo, &[]);
    assert!(!results(&log).is_empty());
    validate(&validator, &log.to_string(), &dir, "missing-files");
    let (output, _) = sarif(&repo, &["--lang", "fr"]);
    validate(&validator, &output.stdout, &dir, "missing-files-fr");
    // Lines, and a path the URI must encode.
    let (repo, checklist) = lines_and_odd_paths();
    let (output, log) = sarif(&repo, &["--checklist", &checklist]);
    output.assert_code(1);
    assert!(
        results(&log).iter().any(|result| {
            result["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64()
        }),
        "a result with a line:\n{log:#}"
    );
    validate(&validator, &output.stdout, &dir, "lines-and-odd-paths");
}

/// The validator exits 0 on a log with errors: make sure that [`validate`] still sees
/// them, on a log GitHub would reject (a result with no location, no `rules`).
#[test]
fn the_validator_check_catches_a_broken_log() {
    let Some(validator) = validator() else {
        return;
    };
    let repo = project_missing_three_files();
    let (_, mut log) = sarif(&repo, &[]);
    let run = &mut log["runs"][0];
    run["results"][0]["locations"] = Value::Array(Vec::new());
    run["tool"]["driver"]
        .as_object_mut()
        .unwrap()
        .remove("rules");
    let dir = repo.outside();
    let caught = std::panic::catch_unwind(|| {
        validate(&validator, &log.to_string(), &dir, "broken");
    });
    let message = caught.expect_err("the broken log is refused");
    let message = message
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(message.contains("reports errors"), "{message}");
}

/// A repository whose results have a line (an invalid `publiccode.yml`) or a path with a
/// space and an accent in it, with a checklist of its own.
fn lines_and_odd_paths() -> (Repo, String) {
    let repo = Repo::with_files(&[
        (
            "docs/mon guide é.md",
            "# Guide\n\nNothing about setting it up.\n",
        ),
        (
            "publiccode.yml",
            &PUBLICCODE.replace("developmentStatus: stable", "developmentStatus: betta"),
        ),
        (
            ".ospo.yml",
            "answers:\n  community.moderation: {answer: no, date: 2026-01-10}\n",
        ),
    ]);
    let checklist = repo.write_checklist(
        "odd.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.install",
                "recommended",
                1,
                r"{kind: content, names: ['mon guide*'], pattern: '^#+\s*install'}",
            ),
            item_yaml(
                "communication.publiccode",
                "required",
                1,
                "{kind: publiccode}",
            ),
            item_yaml("community.moderation", "optional", 1, "{kind: attest}"),
        ]),
    );
    (repo, checklist)
}

#[test]
fn lines_become_regions_and_odd_paths_are_encoded() {
    let (repo, checklist) = lines_and_odd_paths();
    let (output, log) = sarif(&repo, &["--checklist", &checklist]);
    output.assert_code(1);
    let install = result(&log, "needs.install");
    assert_eq!(artifact(install)["uri"], "docs/mon%20guide%20%C3%A9.md");
    assert_eq!(
        install["partialFingerprints"]["ospoItem/v1"],
        "needs.install:docs/mon guide é.md"
    );
    let publiccode = result(&log, "communication.publiccode");
    assert_eq!(artifact(publiccode)["uri"], "publiccode.yml");
    let (_, report) = repo.check_json(&checklist, &[]);
    let line = &item(&report, "communication.publiccode")["location"]["line"];
    assert!(line.as_u64().is_some_and(|line| line > 1), "{report:#}");
    assert_eq!(
        &publiccode["locations"][0]["physicalLocation"]["region"]["startLine"],
        line
    );
    let moderation = result(&log, "community.moderation");
    assert_eq!(moderation["level"], "note", "optional");
    assert_eq!(artifact(moderation)["uri"], ".ospo.yml");
}

// ── stability ──

#[test]
fn same_input_gives_the_same_bytes_and_no_absolute_path() {
    let repo = project_missing_three_files();
    let first = repo.ospo(&["check", "--format", "sarif"]);
    let second = repo.ospo(&["check", "--format", "sarif"]);
    assert_eq!(first.stdout, second.stdout);
    assert!(!first.stdout.contains(&repo.path_str()), "{}", first.stdout);
    assert!(!first.stdout.contains(&repo.outside().display().to_string()));
    for result in results(&first.json()) {
        let uri = artifact(result)["uri"].as_str().unwrap();
        assert!(
            !uri.starts_with('/') && !uri.contains(':') && !uri.contains('\\'),
            "a relative URI reference: {uri}"
        );
    }
}

#[test]
fn fingerprints_do_not_follow_the_wording() {
    let repo = project_missing_three_files();
    let (_, english) = sarif(&repo, &["--lang", "en"]);
    let (_, french) = sarif(&repo, &["--lang", "fr"]);
    assert_ne!(
        result(&english, "legal.licence-file")["message"],
        result(&french, "legal.licence-file")["message"],
        "the messages differ"
    );
    assert_eq!(fingerprints(&english), fingerprints(&french));
    assert!(
        result(&french, "legal.licence-file")["message"]["text"]
            .as_str()
            .unwrap()
            .contains("Correction : "),
    );
}

#[test]
fn a_complete_project_has_every_rule_and_no_result() {
    let repo = complete_project();
    let (output, log) = sarif(&repo, &[]);
    output.assert_code(0);
    assert_eq!(results(&log), &Vec::<Value>::new());
    assert_eq!(rules(&log).len(), default_item_ids().len());
    let ids: Vec<&str> = rules(&log)
        .iter()
        .map(|rule| rule["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, default_item_ids());
}

#[test]
fn the_category_follows_the_checklist() {
    let repo = complete_project();
    let (_, log) = sarif(&repo, &["--checklist", "fr-admin"]);
    assert_eq!(run(&log)["automationDetails"]["id"], "ospo/fr-admin/");
}

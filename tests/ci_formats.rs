//! The CI formats: `--format junit` read as GitLab and Jenkins read it (a strict XML
//! parser, counts that agree with the test cases and with the JSON report), and
//! `--format gitlab`, a Code Quality report GitLab accepts.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use serde_json::{Value, json};

// ── fixtures ──

/// Text a repository may put in a message: markup, quotes, an ampersand and control
/// characters XML 1.0 cannot hold (SOH, an ANSI escape, a form feed)...
const AWKWARD: &str = "<b>Tom & \"Jerry\"</b> it's \u{1} \u{1b}[31mred\u{1b}[0m \u{c} end";
/// ... as a double-quoted YAML string writes it.
const AWKWARD_YAML: &str = r#""<b>Tom & \"Jerry\"</b> it's \x01 \e[31mred\e[0m \f end""#;

/// [`AWKWARD`] as XML can hold it.
fn awkward_in_xml() -> String {
    AWKWARD.replace(['\u{1}', '\u{1b}', '\u{c}'], "\u{fffd}")
}

/// A text as the JUnit report can hold it: the characters XML 1.0 forbids replaced.
fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// A custom checklist on which every status shows, with awkward text in an answer's
/// evidence, a waiver's reason and the texts of an item. `LOST.md` is in the commit but
/// its blob is gone, hence `--rev HEAD` and an error.
fn every_status_project() -> (Repo, String) {
    let ospo_yml = format!(
        "answers:\n  community.moderated:\n    answer: no\n    evidence: {AWKWARD_YAML}\n    date: 2026-01-10\n  \
         funding.budget: {{answer: n/a}}\n\
         waivers:\n  legal.notice: {AWKWARD_YAML}\n"
    );
    let repo = Repo::with_files(&[
        ("README.md", README),
        (
            "COPYING",
            "Licensed under the MIT License: see https://opensource.org/licenses/MIT\n",
        ),
        (
            "LOST.md",
            "This blob is removed from the object database.\n",
        ),
        (".ospo.yml", ospo_yml.as_str()),
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
    let awkward_item = "  - id: needs.awkward\n    stage: needs\n    level: optional\n    weight: 1\n    \
         title: {en: \"Title <with> & \\\"quotes\\\"\", fr: \"Titre <avec> & \\\"guillemets\\\"\"}\n    \
         why: {en: \"Why \\x01 it's <needed>\", fr: \"Pourquoi \\x01 c'est <utile>\"}\n    \
         fix: {en: \"Fix & \\\"go\\\"\", fr: \"Corriger & \\\"aller\\\"\"}\n    \
         probe: {kind: file, names: [\"AWKWARD*\"]}\n"
        .to_owned();
    let checklist = repo.write_checklist(
        "every-status.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.readme",
                "required",
                3,
                "{kind: file, names: [\"README*\"]}",
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
            awkward_item,
            item_yaml("legal.identified", "recommended", 1, "{kind: licence}"),
            item_yaml(
                "legal.notice",
                "optional",
                1,
                "{kind: file, names: [\"NOTICE*\"]}",
            ),
            item_yaml("community.moderated", "recommended", 2, "{kind: attest}"),
            item_yaml("community.meetings", "recommended", 2, "{kind: attest}"),
            item_yaml("funding.budget", "optional", 1, "{kind: attest}"),
        ]),
    );
    (repo, checklist)
}

/// `ospo check ARGS --format FORMAT` in the repository, any verdict; its standard output.
fn report(repo: &Repo, format: &str, args: &[&str]) -> String {
    let mut all = vec!["check", "--format", format];
    all.extend_from_slice(args);
    let output = repo.ospo(&all);
    assert!(output.code == 0 || output.code == 1, "{}", output.all());
    assert_no_panic(&output);
    output.stdout
}

// ── JUnit, read back ──

#[derive(Debug)]
struct Suite {
    name: String,
    counts: BTreeMap<String, usize>,
    cases: Vec<Case>,
}

#[derive(Debug)]
struct Case {
    classname: String,
    id: String,
    file: Option<String>,
    /// The element telling the outcome (`failure`, `error`, `skipped`, `system-out`),
    /// its `type` and `message` attributes and its text.
    outcome: Option<(String, Option<String>, Option<String>, String)>,
}

/// The test suites of a JUnit report, parsed as strictly as roxmltree does, and the
/// counts of its root.
fn parse_junit(xml: &str) -> (BTreeMap<String, usize>, Vec<Suite>) {
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
        "{xml}"
    );
    let document =
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not XML ({e}):\n{xml}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let counts = |node: roxmltree::Node| -> BTreeMap<String, usize> {
        ["tests", "failures", "errors", "skipped"]
            .iter()
            .map(|key| {
                let value = node
                    .attribute(*key)
                    .unwrap_or_else(|| panic!("no `{key}` on {node:?}"));
                (key.to_string(), value.parse().expect("a count"))
            })
            .collect()
    };
    let suites = root
        .children()
        .filter(roxmltree::Node::is_element)
        .map(|suite| {
            assert_eq!(suite.tag_name().name(), "testsuite");
            let cases = suite
                .children()
                .filter(|node| node.has_tag_name("testcase"))
                .map(|case| {
                    let name = case.attribute("name").expect("a name");
                    let (id, title) = name.split_once(" — ").expect("`id — title`");
                    assert!(!title.is_empty(), "{name}");
                    let outcomes: Vec<_> = case
                        .children()
                        .filter(|node| node.is_element() && !node.has_tag_name("properties"))
                        .map(|node| {
                            (
                                node.tag_name().name().to_owned(),
                                node.attribute("type").map(str::to_owned),
                                node.attribute("message").map(str::to_owned),
                                node.text().unwrap_or_default().to_owned(),
                            )
                        })
                        .collect();
                    assert!(outcomes.len() <= 1, "{name}: {outcomes:?}");
                    Case {
                        classname: case.attribute("classname").expect("a class").to_owned(),
                        id: id.to_owned(),
                        file: case.attribute("file").map(str::to_owned),
                        outcome: outcomes.into_iter().next(),
                    }
                })
                .collect();
            Suite {
                name: suite.attribute("name").expect("a suite name").to_owned(),
                counts: counts(suite),
                cases,
            }
        })
        .collect();
    (counts(root), suites)
}

/// The element a test case holds: a `<failure>` exactly when the item fails the run
/// (it is in the JSON report's `failed` list), `<skipped>` when it does not hold
/// otherwise or does not apply, `<system-out>` for a warning.
fn element_of(json: &Value, item: &Value) -> Option<&'static str> {
    let failed = json["failed"].as_array().expect("failed is a list");
    match item["status"].as_str().expect("a status") {
        "pass" => None,
        "warn" => Some("system-out"),
        "skip" => Some("skipped"),
        "fail" | "unknown" | "error" if failed.contains(&item["id"]) => Some("failure"),
        "fail" | "unknown" | "error" => Some("skipped"),
        other => panic!("unknown status {other}"),
    }
}

/// JUnit counts of some items of the JSON report.
fn junit_counts<'a>(
    json: &Value,
    items: impl Iterator<Item = &'a Value>,
) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::from([
        ("tests".to_owned(), 0),
        ("failures".to_owned(), 0),
        ("errors".to_owned(), 0),
        ("skipped".to_owned(), 0),
    ]);
    for item in items {
        *counts.get_mut("tests").expect("tests") += 1;
        match element_of(json, item) {
            Some("failure") => *counts.get_mut("failures").expect("failures") += 1,
            Some("skipped") => *counts.get_mut("skipped").expect("skipped") += 1,
            _ => {}
        }
    }
    counts
}

/// The JSON report's items of one stage.
fn stage_items<'a>(json: &'a Value, stage: &'a Value) -> impl Iterator<Item = &'a Value> {
    json["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(move |item| item["stage"] == stage["stage"])
}

/// Counts of a suite's test cases by the element they hold, as JUnit counts.
fn counted(cases: &[&Case]) -> BTreeMap<String, usize> {
    let with = |element: &str| {
        cases
            .iter()
            .filter(|case| case.outcome.as_ref().is_some_and(|o| o.0 == element))
            .count()
    };
    BTreeMap::from([
        ("tests".to_owned(), cases.len()),
        ("failures".to_owned(), with("failure")),
        ("errors".to_owned(), with("error")),
        ("skipped".to_owned(), with("skipped")),
    ])
}

/// Everything the JUnit report and the JSON report of one run must agree on.
#[track_caller]
fn assert_junit_agrees_with_json(xml: &str, json: &Value) {
    let (root, suites) = parse_junit(xml);
    let stages = json["stages"].as_array().unwrap();
    assert_eq!(suites.len(), 5, "one suite per stage");
    for (suite, stage) in suites.iter().zip(stages) {
        assert_eq!(
            suite.name,
            format!("{}. {}", stage["number"], stage["title"].as_str().unwrap())
        );
        let cases: Vec<&Case> = suite.cases.iter().collect();
        assert_eq!(suite.counts, counted(&cases), "{}", suite.name);
        assert_eq!(
            suite.counts,
            junit_counts(json, stage_items(json, stage)),
            "{}",
            suite.name
        );
        for case in &suite.cases {
            assert_eq!(
                case.classname,
                format!("ospo.{}", stage["stage"].as_str().unwrap())
            );
        }
    }
    let all: Vec<&Case> = suites.iter().flat_map(|suite| &suite.cases).collect();
    assert_eq!(root, counted(&all));
    assert_eq!(
        root,
        junit_counts(json, json["items"].as_array().unwrap().iter())
    );
    assert_eq!(
        root["failures"],
        json["failed"].as_array().unwrap().len(),
        "a test fails exactly when its item fails the run"
    );

    let items = json["items"].as_array().unwrap();
    assert_eq!(all.len(), items.len(), "one test case per item");
    for (case, item) in all.iter().zip(items) {
        assert_eq!(case.id, item["id"].as_str().unwrap(), "the items' order");
        // The file, when the tree has it: a missing one is named in the text only.
        let file = Some(&item["location"])
            .filter(|location| location["missing"] != true)
            .and_then(|location| location["path"].as_str());
        assert_eq!(case.file.as_deref(), file, "{}", case.id);
        let status = item["status"].as_str().unwrap();
        let message = xml_safe(item["message"].as_str().unwrap());
        let message = message.as_str();
        match (&case.outcome, element_of(json, item)) {
            (None, None) => {}
            (Some((element, kind, attribute, text)), Some(expected)) => {
                assert_eq!(element, expected, "{}", case.id);
                // GitLab shows the text only: it starts with the message.
                assert!(text.starts_with(message), "{}: {text}", case.id);
                if element == "failure" {
                    assert_eq!(kind.as_deref(), Some(status), "{}", case.id);
                }
                if element == "failure" || element == "error" {
                    assert_eq!(attribute.as_deref(), Some(message), "{}", case.id);
                    let level = item["level"].as_str().unwrap();
                    assert!(text.contains(&format!("level: {level}")), "{text}");
                    for key in ["why", "fix"] {
                        let expected = xml_safe(item[key].as_str().unwrap().trim());
                        assert!(text.contains(&expected), "{}: {text}", case.id);
                    }
                }
            }
            (outcome, _) => panic!("{} ({status}): {outcome:?}", case.id),
        }
    }
}

// ── JUnit ──

#[test]
fn junit_report_of_a_project_missing_files_agrees_with_the_json_report() {
    let repo = project_missing_three_files();
    let xml = report(&repo, "junit", &[]);
    let json: Value = serde_json::from_str(&report(&repo, "json", &[])).unwrap();
    assert_junit_agrees_with_json(&xml, &json);

    let (_, suites) = parse_junit(&xml);
    let failed: BTreeSet<&str> = suites
        .iter()
        .flat_map(|suite| &suite.cases)
        .filter(|case| case.outcome.as_ref().is_some_and(|o| o.0 == "failure"))
        .map(|case| case.id.as_str())
        .collect();
    assert_eq!(
        failed,
        BTreeSet::from(["legal.licence-file"]),
        "one <failure> per item that fails the run"
    );
    let skipped: BTreeSet<&str> = suites
        .iter()
        .flat_map(|suite| &suite.cases)
        .filter(|case| case.outcome.as_ref().is_some_and(|o| o.0 == "skipped"))
        .map(|case| case.id.as_str())
        .collect();
    for id in ["community.code-of-conduct", "community.governance"] {
        assert!(skipped.contains(id), "{id} is skipped: {skipped:?}");
    }
    // The missing licence points at the file to create, and says it fails the check.
    let licence = suites
        .iter()
        .flat_map(|suite| &suite.cases)
        .find(|case| case.id == "legal.licence-file")
        .unwrap();
    assert_eq!(licence.file, None, "no link to a file the tree lacks");
    let text = &licence.outcome.as_ref().unwrap().3;
    assert!(text.contains("level: required (fails the check)"), "{text}");
    assert!(
        text.contains("\nfile: LICENSE (does not exist yet)\n"),
        "{text}"
    );
}

#[test]
fn junit_report_shows_every_status_and_survives_awkward_text() {
    let (repo, checklist) = every_status_project();
    let args = ["--checklist", checklist.as_str(), "--rev", "HEAD"];
    let xml = report(&repo, "junit", &args);
    let json: Value = serde_json::from_str(&report(&repo, "json", &args)).unwrap();
    for status in ["pass", "warn", "fail", "unknown", "skip", "error"] {
        assert!(
            json["counts"][status].as_u64().unwrap() > 0,
            "no {status}: {}",
            json["counts"]
        );
    }
    assert_junit_agrees_with_json(&xml, &json);

    // The markup is escaped, the control characters replaced, the rest kept as is.
    assert!(!xml.contains('\u{1}') && !xml.contains('\u{1b}') && !xml.contains('\u{c}'));
    let document = roxmltree::Document::parse(&xml).unwrap();
    let case = |id: &str| {
        document
            .descendants()
            .find(|node| {
                node.has_tag_name("testcase")
                    && node
                        .attribute("name")
                        .is_some_and(|name| name.starts_with(&format!("{id} — ")))
            })
            .unwrap_or_else(|| panic!("no test case {id}"))
    };
    let kept = awkward_in_xml();
    // Optional items: they do not fail the run, so their tests are skipped, with the
    // message and what to do.
    let failure = case("community.moderated")
        .children()
        .find(|node| node.has_tag_name("skipped"))
        .unwrap();
    let message = failure.attribute("message").unwrap();
    assert_eq!(message, format!("no (2026-01-10): {kept}"));
    assert!(failure.text().unwrap().starts_with(message));
    let skipped = case("legal.notice")
        .children()
        .find(|node| node.has_tag_name("skipped"))
        .unwrap();
    assert_eq!(
        skipped.attribute("message"),
        Some(format!("waived: {kept}").as_str())
    );
    assert_eq!(skipped.text(), Some(format!("waived: {kept}").as_str()));
    let awkward = case("needs.awkward");
    assert_eq!(
        awkward.attribute("name"),
        Some(r#"needs.awkward — Title <with> & "quotes""#)
    );
    let text = awkward
        .children()
        .find(|node| node.has_tag_name("skipped"))
        .unwrap()
        .text()
        .unwrap();
    assert!(text.contains("why: Why \u{fffd} it's <needed>\n"), "{text}");
    assert!(text.contains("fix: Fix & \"go\"\n"), "{text}");
    assert!(
        text.contains("level: optional (does not fail the check under --fail-on required)"),
        "{text}"
    );
    // French too.
    let fr = report(&repo, "junit", &[&args[..], &["--lang", "fr"]].concat());
    let json_fr: Value = serde_json::from_str(&report(
        &repo,
        "json",
        &[&args[..], &["--lang", "fr"]].concat(),
    ))
    .unwrap();
    parse_junit(&fr);
    assert!(
        fr.contains("niveau : facultatif (ne fait pas échouer la vérification"),
        "{fr}"
    );
    assert!(fr.contains("name=\"1. Besoins des utilisateurs et contributeurs\""));
    assert_eq!(
        parse_junit(&fr).0,
        junit_counts(&json_fr, json_fr["items"].as_array().unwrap().iter())
    );
}

#[test]
fn junit_report_of_the_complete_project_has_no_failure() {
    let repo = complete_project();
    let output = repo.ospo(&["check", "--format", "junit"]);
    output.assert_code(0);
    let (root, suites) = parse_junit(&output.stdout);
    assert_eq!(root["tests"], default_item_ids().len());
    assert_eq!(
        (root["failures"], root["errors"], root["skipped"]),
        (0, 0, 0)
    );
    assert!(
        suites
            .iter()
            .flat_map(|suite| &suite.cases)
            .all(|case| case.outcome.is_none())
    );
}

// ── GitLab Code Quality ──

const SEVERITIES: [&str; 5] = ["info", "minor", "major", "critical", "blocker"];

/// The severity an item's issue has, as documented in `src/report/gitlab.rs`.
fn expected_severity(item: &Value) -> Option<&'static str> {
    let status = item["status"].as_str().unwrap();
    let level = item["level"].as_str().unwrap();
    Some(match (status, level) {
        ("pass" | "skip", _) => return None,
        ("warn", _) => "info",
        (_, "required") => "blocker",
        ("error", _) | (_, "recommended") => "major",
        (_, "optional") => "minor",
        other => panic!("{other:?}"),
    })
}

/// Parses a Code Quality report and checks the fields GitLab requires.
#[track_caller]
fn parse_code_quality(text: &str) -> Vec<Value> {
    assert!(text.ends_with("]\n"), "{text}");
    let issues: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"));
    let issues = issues.as_array().expect("an array").clone();
    for issue in &issues {
        let keys: BTreeSet<&str> = issue
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            BTreeSet::from([
                "description",
                "check_name",
                "fingerprint",
                "severity",
                "location"
            ]),
            "{issue:#}"
        );
        assert!(!issue["description"].as_str().unwrap().is_empty());
        assert!(!issue["check_name"].as_str().unwrap().is_empty());
        let fingerprint = issue["fingerprint"].as_str().unwrap();
        assert!(
            fingerprint.len() == 32 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit()),
            "{fingerprint}"
        );
        assert!(SEVERITIES.contains(&issue["severity"].as_str().unwrap()));
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(
            !path.is_empty()
                && !path.starts_with('/')
                && !path.contains('\\')
                && !path
                    .split('/')
                    .any(|part| part == ".." || part == "." || part.is_empty()),
            "not a relative path: {path}"
        );
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    let fingerprints: BTreeSet<&str> = issues
        .iter()
        .map(|issue| issue["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
    issues
}

#[test]
fn code_quality_report_lists_what_does_not_hold_with_documented_severities() {
    let repo = project_missing_three_files();
    let issues = parse_code_quality(&report(&repo, "gitlab", &[]));
    let json: Value = serde_json::from_str(&report(&repo, "json", &[])).unwrap();
    let expected: Vec<(&str, &str)> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|item| Some((item["id"].as_str().unwrap(), expected_severity(item)?)))
        .collect();
    let found: Vec<(&str, &str)> = issues
        .iter()
        .map(|issue| {
            (
                issue["check_name"].as_str().unwrap(),
                issue["severity"].as_str().unwrap(),
            )
        })
        .collect();
    // The same issues, in the reports' order of priority: the item that fails the run
    // first, then by level.
    let mut sorted = found.clone();
    sorted.sort_unstable();
    let mut expected = expected;
    expected.sort_unstable();
    assert_eq!(sorted, expected);
    assert_eq!(found[0], ("legal.licence-file", "blocker"));
    assert_eq!(found.last(), Some(&("legal.spdx-headers", "minor")));
    let licence = issues
        .iter()
        .find(|issue| issue["check_name"] == "legal.licence-file")
        .unwrap();
    assert_eq!(licence["severity"], "blocker");
    // The licence is missing: the issue is on the README, a file the commit has, and
    // names the file to create.
    assert_eq!(licence["location"]["path"], "README.md");
    assert_eq!(licence["location"]["lines"]["begin"], 1);
    let item = item(&json, "legal.licence-file");
    assert_eq!(
        item["location"],
        json!({"path": "LICENSE", "missing": true})
    );
    assert_eq!(
        licence["description"],
        format!(
            "{}: {} — LICENSE does not exist yet; this result is shown on README.md.",
            item["title"].as_str().unwrap(),
            item["message"].as_str().unwrap()
        )
    );
}

#[test]
fn code_quality_fingerprints_do_not_change_with_the_language() {
    let (repo, checklist) = every_status_project();
    let args = ["--checklist", checklist.as_str(), "--rev", "HEAD"];
    let en = parse_code_quality(&report(
        &repo,
        "gitlab",
        &[&args[..], &["--lang", "en"]].concat(),
    ));
    let fr = parse_code_quality(&report(
        &repo,
        "gitlab",
        &[&args[..], &["--lang", "fr"]].concat(),
    ));
    let keys = |issues: &[Value]| -> Vec<(String, String, String, String)> {
        issues
            .iter()
            .map(|issue| {
                (
                    issue["check_name"].as_str().unwrap().to_owned(),
                    issue["fingerprint"].as_str().unwrap().to_owned(),
                    issue["severity"].as_str().unwrap().to_owned(),
                    issue["location"].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(keys(&en), keys(&fr));
    assert_ne!(
        en[0]["description"], fr[0]["description"],
        "the text is translated"
    );
    // Every severity but critical shows here; the awkward text is plain JSON.
    let severities: BTreeSet<&str> = en.iter().map(|i| i["severity"].as_str().unwrap()).collect();
    assert_eq!(
        severities,
        BTreeSet::from(["blocker", "major", "minor", "info"])
    );
    let moderated = en
        .iter()
        .find(|issue| issue["check_name"] == "community.moderated")
        .unwrap();
    assert!(
        moderated["description"]
            .as_str()
            .unwrap()
            .ends_with(&format!("no (2026-01-10): {AWKWARD}")),
        "{moderated:#}"
    );
    let lost = en
        .iter()
        .find(|issue| issue["check_name"] == "needs.lost")
        .unwrap();
    assert_eq!(lost["severity"], "major", "an error is at least major");
}

#[test]
fn code_quality_report_of_the_complete_project_is_empty() {
    let repo = complete_project();
    let output = repo.ospo(&["check", "--format", "gitlab"]);
    output.assert_code(0);
    assert_eq!(output.stdout, "[]\n");
}

// ── both, as a pipeline writes them ──

#[test]
fn one_run_writes_both_files_named_as_gitlab_expects() {
    let repo = project_missing_three_files();
    let dir = repo.outside();
    let junit = dir.join("ospo-junit.xml");
    let quality = dir.join("gl-code-quality-report.json");
    let output = repo.ospo(&[
        "check",
        "--output",
        junit.to_str().unwrap(),
        "--output",
        quality.to_str().unwrap(),
    ]);
    output.assert_code(1);
    assert_eq!(output.stdout, "", "{}", output.all());
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert_eq!(xml, report(&repo, "junit", &[]));
    parse_junit(&xml);
    let quality = std::fs::read_to_string(&quality).unwrap();
    assert_eq!(quality, report(&repo, "gitlab", &[]));
    parse_code_quality(&quality);
}

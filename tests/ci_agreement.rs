//! The outputs CI users read agree with the verdict: one error that says why, no more
//! annotations than GitHub keeps, no failed test in a passing job, no result on a file
//! the commit lacks, and a terminal report that fits on a screen.

mod common;

use std::collections::BTreeSet;

use common::*;

/// A young project on the default checklist: a README and some code, nothing else, so
/// that dozens of items do not hold and the required ones fail the check.
fn young_project() -> Repo {
    Repo::with_files(&[
        ("README.md", README),
        ("src/main.rs", "fn main() {}\n"),
        ("docs/notes.txt", "Notes.\n"),
    ])
}

fn lines_starting(text: &str, prefix: &str) -> usize {
    text.lines().filter(|line| line.starts_with(prefix)).count()
}

#[test]
fn the_fixture_has_thirty_things_to_do_and_fails_the_check() {
    let repo = young_project();
    let output = repo.ospo(&["check", "--format", "json"]);
    output.assert_code(1);
    let report = output.json();
    let not_holding = report["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|item| matches!(item["status"].as_str(), Some("fail" | "unknown" | "error")))
        .count();
    assert!(not_holding >= 30, "{not_holding}");
    assert_eq!(
        strings(&report["failed"]),
        ["needs.contributing", "legal.licence-file"]
    );
}

#[test]
fn github_annotations_agree_with_the_verdict_and_fit_what_github_keeps() {
    let repo = young_project();
    let output = repo.ospo(&["check", "--format", "github"]);
    output.assert_code(1);
    let text = &output.stdout;
    assert_eq!(lines_starting(text, "::error "), 1, "{text}");
    assert!(lines_starting(text, "::warning ") <= 10, "{text}");
    assert!(lines_starting(text, "::notice ") <= 10, "{text}");
    let error = text
        .lines()
        .find(|line| line.starts_with("::error "))
        .expect("an error");
    assert!(
        error.contains("needs.contributing, legal.licence-file"),
        "the error says why: {error}"
    );
    // The most important first: the items that fail the check lead the warnings.
    let warnings: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("::warning "))
        .collect();
    assert!(
        warnings[0].contains("needs.contributing") && warnings[1].contains("legal.licence-file"),
        "{warnings:#?}"
    );
    // What is left out is counted, and the summary has it.
    let last_notice = text
        .lines()
        .rfind(|line| line.starts_with("::notice "))
        .expect("a notice");
    assert!(
        last_notice.contains("more things to do") && last_notice.contains("job summary"),
        "{last_notice}"
    );

    // A --fail-under failure has its error too, even when every item holds it.
    let output = repo.ospo(&[
        "check",
        "--format",
        "github",
        "--fail-on",
        "required",
        "--fail-under",
        "99",
    ]);
    let error = output
        .stdout
        .lines()
        .find(|line| line.starts_with("::error "))
        .expect("an error")
        .to_owned();
    assert!(error.contains("below 99%"), "{error}");
    assert_eq!(lines_starting(&output.stdout, "::error "), 1);

    // A passing run has no error at all.
    let complete = complete_project();
    let output = complete.ospo(&["check", "--format", "github"]);
    output.assert_code(0);
    assert_eq!(
        lines_starting(&output.stdout, "::error"),
        0,
        "{}",
        output.all()
    );
}

#[test]
fn junit_fails_exactly_the_items_that_fail_the_run() {
    let repo = young_project();
    let failed = strings(&repo.ospo(&["check", "--format", "json"]).json()["failed"]);
    let xml = repo.ospo(&["check", "--format", "junit"]).stdout;
    let doc = roxmltree::Document::parse(&xml).expect("valid XML");
    let root = doc.root_element();
    assert_eq!(
        root.attribute("failures"),
        Some(failed.len().to_string().as_str())
    );
    assert_eq!(root.attribute("errors"), Some("0"));
    let failing: Vec<String> = doc
        .descendants()
        .filter(|node| node.has_tag_name("failure"))
        .map(|node| {
            let name = node
                .parent()
                .and_then(|case| case.attribute("name"))
                .unwrap_or_default();
            name.split(" — ").next().unwrap_or_default().to_owned()
        })
        .collect();
    assert_eq!(failing, failed);
    // What does not hold without failing the run is skipped, with its message.
    let skipped_with_text = doc
        .descendants()
        .filter(|node| node.has_tag_name("skipped"))
        .filter(|node| {
            node.text()
                .is_some_and(|text| text.contains("does not fail the check"))
        })
        .count();
    assert!(skipped_with_text >= 20, "{skipped_with_text}");

    // A passing job shows no failed test, whatever does not hold.
    let xml = complete_project()
        .ospo(&["check", "--format", "junit"])
        .stdout;
    let doc = roxmltree::Document::parse(&xml).expect("valid XML");
    assert_eq!(doc.root_element().attribute("failures"), Some("0"));

    // --fail-under adds a test of its own, failing when the score is below.
    let xml = repo
        .ospo(&["check", "--format", "junit", "--fail-under", "99"])
        .stdout;
    let doc = roxmltree::Document::parse(&xml).expect("valid XML");
    assert_eq!(
        doc.root_element().attribute("failures"),
        Some((failed.len() + 1).to_string().as_str())
    );
    assert!(
        doc.descendants()
            .any(|node| node.attribute("classname") == Some("ospo.score")),
        "{xml}"
    );
}

/// Every file of the commit checked, as git lists it.
fn tree(repo: &Repo) -> BTreeSet<String> {
    repo.git(&["ls-tree", "-r", "--name-only", "HEAD"])
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn sarif_and_gitlab_results_are_on_files_the_commit_has() {
    for repo in [young_project(), complete_project()] {
        let files = tree(&repo);
        let sarif = repo.ospo(&["check", "--format", "sarif"]).json();
        let results = sarif["runs"][0]["results"].as_array().expect("results");
        for result in results {
            let location = &result["locations"][0]["physicalLocation"];
            let uri = location["artifactLocation"]["uri"].as_str().expect("a uri");
            assert!(files.contains(uri), "{uri} is not in {files:?}: {result:#}");
            assert!(
                location["region"]["startLine"].as_u64().is_some(),
                "{result:#}"
            );
        }
        let gitlab = repo.ospo(&["check", "--format", "gitlab"]).json();
        for issue in gitlab.as_array().expect("issues") {
            let path = issue["location"]["path"].as_str().expect("a path");
            assert!(
                files.contains(path),
                "{path} is not in {files:?}: {issue:#}"
            );
        }
    }
    // A missing file's result is shown on the README and names the file.
    let sarif = young_project().ospo(&["check", "--format", "sarif"]).json();
    let contributing = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|result| result["ruleId"] == "needs.contributing")
        .expect("a result for the contribution guide");
    assert_eq!(
        contributing["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "README.md"
    );
    let text = contributing["message"]["text"].as_str().expect("a message");
    assert!(
        text.contains("CONTRIBUTING does not exist yet; this result is shown on README.md."),
        "{text}"
    );
}

#[test]
fn sarif_results_come_in_the_order_of_priority() {
    let sarif = young_project().ospo(&["check", "--format", "sarif"]).json();
    let ids: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|result| result["ruleId"].as_str().expect("an id"))
        .collect();
    assert_eq!(&ids[..2], ["needs.contributing", "legal.licence-file"]);
    // Open questions are not findings.
    assert!(!ids.contains(&"community.governance-model"), "{ids:?}");
}

#[test]
fn the_terminal_report_fits_on_a_screen_and_starts_with_the_verdict() {
    let repo = young_project();
    let output = repo.ospo(&["check"]);
    output.assert_code(1);
    let lines: Vec<&str> = output.stdout.lines().collect();
    assert!(
        lines.len() < 60,
        "{} lines:\n{}",
        lines.len(),
        output.stdout
    );
    assert!(
        lines[..5]
            .iter()
            .any(|line| line.starts_with("FAIL: verified score")),
        "{}",
        output.stdout
    );
    assert!(
        lines[..5]
            .iter()
            .any(|line| line
                .contains("required items not met: needs.contributing, legal.licence-file")),
        "{}",
        output.stdout
    );
    let to_do = lines
        .iter()
        .position(|line| line.starts_with("What to do next (10 of "))
        .expect("ten things to do");
    assert!(
        lines[to_do + 1].starts_with("  ✗ needs.contributing * — "),
        "{}",
        lines[to_do + 1]
    );
    assert!(
        output.stdout.contains(
            "28 more things to do and 25 open questions: `--all` shows them all, with their fixes."
        ),
        "{}",
        output.stdout
    );
    for line in &lines {
        assert!(line.chars().count() <= 100, "{line}");
    }
    // --all is the full report: every item, why and how to fix each.
    let full = repo.ospo(&["check", "--all"]).stdout;
    assert!(full.lines().count() > 200, "{full}");
    assert!(full.contains("    why: "), "{full}");
    assert!(
        full.trim_end()
            .lines()
            .last()
            .unwrap_or_default()
            .starts_with("  required items"),
        "{full}"
    );
    assert_eq!(repo.ospo(&["check", "-v"]).stdout, full);
    // French: the verdict first too.
    let french = repo.ospo(&["check", "--lang", "fr"]).stdout;
    assert!(
        french
            .lines()
            .take(5)
            .any(|line| line.starts_with("ÉCHEC : score vérifié")),
        "{french}"
    );
}

#[test]
fn markdown_is_short_and_its_icon_follows_the_score() {
    let repo = young_project();
    let markdown = repo.ospo(&["check", "--format", "markdown"]).stdout;
    assert!(markdown.len() < 10 * 1024, "{} bytes", markdown.len());
    assert!(
        markdown.starts_with("## ospo: Open-source project readiness — ❌ FAIL"),
        "{markdown}"
    );
    assert!(
        markdown.contains("### What to do next (10 of "),
        "{markdown}"
    );
    assert!(markdown.contains("<details><summary>"), "{markdown}");
    // A pass on a low verified score shows no green tick.
    let lenient = repo.write_checklist(
        "lenient.yaml",
        "id: lenient\ntitle: {en: Lenient, fr: Souple}\nversion: \"1\"\nextends: default\nitems:\n  - id: needs.contributing\n    level: optional\n  - id: legal.licence-file\n    level: optional\n",
    );
    let output = repo.ospo(&["check", "--checklist", &lenient, "--format", "markdown"]);
    output.assert_code(0);
    let title = output.stdout.lines().next().unwrap_or_default().to_owned();
    assert!(title.contains("PASS") && !title.contains('✅'), "{title}");
    let complete = complete_project()
        .ospo(&["check", "--format", "markdown"])
        .stdout;
    assert!(
        complete
            .lines()
            .next()
            .unwrap_or_default()
            .contains("✅ PASS"),
        "{complete}"
    );
}

//! `ospo init` and `ospo fix`: the drafts they write make their items hold (or warn
//! while a place is left to fill), go where the forge looks, never replace a file, come
//! out the same twice, and show as a diff without being written.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{Output, Repo, item, status};
use serde_json::Value;

/// A README of exactly 300 bytes, which the probes find but that tells nothing else.
fn readme_300() -> String {
    let mut text = String::from(
        "# Tidy\n\nTidy tidies up text files for people who maintain documentation and want the \
         same layout in every file. It reads Markdown and plain text and rewrites only what \
         needs it, so that reviews stay short.\n\n",
    );
    while text.len() < 299 {
        text.push('.');
    }
    text.push('\n');
    assert_eq!(text.len(), 300);
    text
}

/// A repository of one commit holding only the 300-byte README.
fn readme_only() -> Repo {
    Repo::with_files(&[("README.md", readme_300())])
}

/// The files the worktree holds, outside `.git`, with their bytes.
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable directory") {
            let entry = entry.expect("entry");
            let path = entry.path();
            if entry.file_name() == ".git" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .expect("inside")
                    .to_string_lossy()
                    .replace('\\', "/");
                found.insert(relative, std::fs::read(&path).expect("readable file"));
            }
        }
    }
    found
}

/// Two trees are the same: the same paths, each with the same bytes (told apart as
/// text when they are not, rather than as two maps of bytes).
#[track_caller]
fn assert_same(left: &BTreeMap<String, Vec<u8>>, right: &BTreeMap<String, Vec<u8>>) {
    let paths = |files: &BTreeMap<String, Vec<u8>>| files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(paths(left), paths(right));
    for (path, bytes) in left {
        assert_eq!(
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&right[path]),
            "{path} differs"
        );
    }
}

/// What `ospo init` says it created: each path (`  + PATH: items`), with its items.
fn created(output: &Output) -> Vec<(String, Vec<String>)> {
    output
        .stdout
        .lines()
        .chain(output.stderr.lines())
        .filter_map(|line| {
            let rest = line
                .strip_prefix("  + ")
                .or_else(|| line.strip_prefix("  ~ "))?;
            // `PATH: items` in English, `PATH : items` in French.
            let (path, items) = rest.split_once(": ")?;
            let path = path.trim_end();
            let items = if path == ".ospo.yml" {
                Vec::new()
            } else {
                items.split(", ").map(str::to_owned).collect()
            };
            Some((path.to_owned(), items))
        })
        .collect()
}

fn paths(created: &[(String, Vec<String>)]) -> Vec<&str> {
    created.iter().map(|(path, _)| path.as_str()).collect()
}

/// Commits what init wrote, then checks with the default checklist.
fn commit_and_check(repo: &Repo) -> Value {
    repo.commit("Add the drafts of ospo init");
    let (output, report) = repo.check_json("default", &[]);
    assert!(matches!(output.code, 0 | 1), "{}", output.all());
    report
}

/// Every item init said a file answers passes, or warns while the file holds a mark.
#[track_caller]
fn assert_items_hold(report: &Value, created: &[(String, Vec<String>)]) {
    let mut checked = 0;
    for (path, items) in created {
        for id in items {
            let found = item(report, id);
            let state = found["status"].as_str().unwrap_or_default();
            assert!(
                state == "pass" || state == "warn",
                "{path} answers {id}, which is {state}: {}",
                found["message"]
            );
            if state == "warn" {
                let message = found["message"].as_str().unwrap_or_default();
                let named = message.contains("TODO(ospo)") || message.contains("names no platform");
                assert!(named, "{id} warns for another reason: {message}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} items were checked");
}

/// The licence the report identified.
fn licence_expression(report: &Value) -> String {
    item(report, "legal.recognised-licence")["evidence"]["expression"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn init_makes_every_item_it_answers_hold_and_leaves_the_readme_as_it_was() {
    let repo = readme_only();
    let before = std::fs::read(repo.path().join("README.md")).expect("README");
    let output = repo.ospo(&["init", "--licence", "MIT"]);
    output.assert_code(0);
    let created = created(&output);
    let written = paths(&created);
    for expected in [
        "CONTRIBUTING.md",
        "CODE_OF_CONDUCT.md",
        "SECURITY.md",
        "SUPPORT.md",
        "GOVERNANCE.md",
        "MAINTAINERS.md",
        "CHANGELOG.md",
        "ROADMAP.md",
        "LICENSE",
        "DCO",
        ".github/FUNDING.yml",
        "ISSUE_TEMPLATE/bug_report.md",
        "PULL_REQUEST_TEMPLATE.md",
    ] {
        assert!(
            written.contains(&expected),
            "{expected} not created:\n{}",
            output.all()
        );
        assert!(
            repo.path().join(expected).is_file(),
            "{expected} not on disk"
        );
    }
    assert!(
        output.stdout.contains("Verified score: "),
        "{}",
        output.all()
    );
    // No remote: no CI job unless asked, and the output says how to ask.
    assert!(!written.contains(&".github/workflows/ospo.yml"));
    assert!(
        output
            .stdout
            .contains("ospo fix needs.continuous-integration")
    );

    let after = std::fs::read(repo.path().join("README.md")).expect("README");
    assert_eq!(before, after, "the README changed");

    let report = commit_and_check(&repo);
    assert_items_hold(&report, &created);
    assert_eq!(licence_expression(&report), "MIT");
    assert_eq!(status(&report, "legal.recognised-licence"), "pass");
    assert_eq!(status(&report, "legal.licence-file"), "pass");
    let licence = std::fs::read_to_string(repo.path().join("LICENSE")).expect("LICENSE");
    // The year of SOURCE_DATE_EPOCH, the holder the history names.
    assert!(licence.contains("2026 Example Author"), "{licence}");
    // A draft with places to fill warns, saying so.
    assert_eq!(status(&report, "community.governance"), "warn");
}

#[test]
fn french_drafts_under_the_eupl() {
    let repo = readme_only();
    let output = repo.ospo(&["init", "--lang", "fr", "--licence", "EUPL-1.2"]);
    output.assert_code(0);
    assert!(
        output.stdout.contains("Score vérifié : "),
        "{}",
        output.all()
    );
    let created = created(&output);
    let read = |path: &str| std::fs::read_to_string(repo.path().join(path)).expect(path);
    let contributing = read("CONTRIBUTING.md");
    assert!(
        contributing.starts_with("# Contribuer à "),
        "{contributing}"
    );
    assert!(contributing.contains("## Environnement de développement"));
    assert!(contributing.contains("good first issue"));
    assert!(read("SECURITY.md").contains("## Signaler une vulnérabilité"));
    assert!(read("GOVERNANCE.md").contains("consensus tacite"));
    assert!(read("CHANGELOG.md").starts_with("# Journal des modifications"));
    assert!(read(".github/FUNDING.yml").contains("décommentez"));

    let report = commit_and_check(&repo);
    assert_items_hold(&report, &created);
    assert_eq!(licence_expression(&report), "EUPL-1.2");
    assert_eq!(status(&report, "legal.recognised-licence"), "pass");
}

#[test]
fn a_second_run_changes_nothing() {
    let repo = readme_only();
    repo.ospo(&["init", "--licence", "MIT"]).assert_code(0);
    let first = files(repo.path());
    let again = repo.ospo(&["init", "--licence", "MIT"]);
    again.assert_code(0);
    assert_same(&files(repo.path()), &first);
    assert!(created(&again).is_empty(), "{}", again.all());
    assert!(again.stdout.contains("Nothing to write"), "{}", again.all());
    // Committed, the same.
    repo.commit("Drafts");
    let third = repo.ospo(&["init", "--licence", "MIT"]);
    third.assert_code(0);
    assert!(created(&third).is_empty(), "{}", third.all());
    assert_same(&files(repo.path()), &first);
}

#[test]
fn a_dry_run_writes_nothing_and_its_diff_is_what_init_writes() {
    let repo = readme_only();
    let before = files(repo.path());
    let output = repo.ospo(&["init", "--licence", "MIT", "--dry-run"]);
    output.assert_code(0);
    assert_same(&files(repo.path()), &before);
    assert!(repo.git(&["status", "--porcelain"]).is_empty());
    assert!(
        output.stdout.starts_with("--- /dev/null\n+++ b/"),
        "{}",
        output.all()
    );
    assert!(output.stdout.contains("+++ b/CONTRIBUTING.md\n@@ -0,0 +"));
    assert!(
        output.stderr.contains("nothing was written"),
        "{}",
        output.all()
    );

    // The diff applied is what a real run writes, byte for byte.
    let patch = repo.outside().join("init.diff");
    std::fs::write(&patch, &output.stdout).expect("write the diff");
    repo.git(&["apply", patch.to_str().expect("UTF-8")]);
    let applied = files(repo.path());
    let twin = readme_only();
    twin.ospo(&["init", "--licence", "MIT"]).assert_code(0);
    assert_same(&files(twin.path()), &applied);
}

#[test]
fn init_never_replaces_a_file() {
    let repo = Repo::with_files(&[
        ("README.md", readme_300().as_str()),
        // Too short for the item, which fails on it.
        ("CONTRIBUTING.md", "# Contributing\n\nAsk first.\n"),
        (".gitignore", "ROADMAP.md\n"),
    ]);
    // Ignored, so not in the view: the roadmap item fails, but the file is there.
    repo.write("ROADMAP.md", "My own roadmap.\n");
    // Under another case: the same file on a case-insensitive system.
    repo.write("governance.md", "Ours.\n");
    let output = repo.ospo(&["init", "--licence", "MIT"]);
    output.assert_code(0);
    let read = |path: &str| std::fs::read_to_string(repo.path().join(path)).expect(path);
    assert_eq!(read("CONTRIBUTING.md"), "# Contributing\n\nAsk first.\n");
    assert_eq!(read("ROADMAP.md"), "My own roadmap.\n");
    assert_eq!(read("governance.md"), "Ours.\n");
    assert!(!repo.path().join("GOVERNANCE.md").exists());
    let written = created(&output);
    let written = paths(&written);
    assert!(!written.contains(&"CONTRIBUTING.md") && !written.contains(&"ROADMAP.md"));
    assert!(
        output
            .stdout
            .contains("CONTRIBUTING.md: exists but does not satisfy needs.contributing"),
        "{}",
        output.all()
    );
    assert!(
        output
            .stdout
            .contains("ROADMAP.md: exists; ospo never overwrites a file"),
        "{}",
        output.all()
    );
    // The other files are written.
    assert!(written.contains(&"SECURITY.md"));
}

#[test]
fn only_drafts_the_items_named() {
    let repo = readme_only();
    let output = repo.ospo(&[
        "init",
        "--only",
        "community.code-of-conduct,community.governance",
    ]);
    output.assert_code(0);
    let created = created(&output);
    assert_eq!(paths(&created), ["CODE_OF_CONDUCT.md", "GOVERNANCE.md"]);
    let on_disk: Vec<String> = files(repo.path()).into_keys().collect();
    assert_eq!(
        on_disk,
        ["CODE_OF_CONDUCT.md", "GOVERNANCE.md", "README.md"]
    );
    // An id the checklist does not have is refused before anything is written.
    let wrong = repo.ospo(&["init", "--only", "community.governanse"]);
    wrong.assert_error();
    assert!(
        wrong
            .stderr
            .contains("did you mean `community.governance`?")
    );
}

#[test]
fn fix_drafts_the_items_named_and_says_what_it_cannot() {
    let repo = readme_only();
    let typo = repo.ospo(&["fix", "community.code-of-conduc"]);
    typo.assert_error();
    assert!(
        typo.stderr
            .contains("did you mean `community.code-of-conduct`?"),
        "{}",
        typo.all()
    );
    assert_eq!(files(repo.path()).len(), 1);

    let fixed = repo.ospo(&["fix", "community.code-of-conduct"]);
    fixed.assert_code(0);
    assert_eq!(paths(&created(&fixed)), ["CODE_OF_CONDUCT.md"]);
    assert_eq!(files(repo.path()).len(), 2);

    let again = repo.ospo(&["fix", "community.code-of-conduct"]);
    again.assert_code(0);
    assert!(
        again
            .stdout
            .contains("community.code-of-conduct: holds already"),
        "{}",
        again.all()
    );

    let none = repo.ospo(&["fix", "needs.readme-install"]);
    none.assert_code(0);
    assert!(
        none.stdout
            .contains("needs.readme-install: ospo has no template for this item"),
        "{}",
        none.all()
    );
    assert_eq!(files(repo.path()).len(), 2);

    // Without a forge, the CI job is drafted when asked for, as a GitHub workflow.
    let ci = repo.ospo(&["fix", "needs.continuous-integration"]);
    ci.assert_code(0);
    assert_eq!(paths(&created(&ci)), [".github/workflows/ospo.yml"]);
}

/// The paths a first init writes in a repository cloned from `remote`, and the report
/// once they are committed.
fn init_with_remote(remote: &str) -> (Repo, Vec<(String, Vec<String>)>, Value) {
    let repo = readme_only();
    repo.git(&["remote", "add", "origin", remote]);
    let output = repo.ospo(&["init", "--licence", "MIT"]);
    output.assert_code(0);
    let created = created(&output);
    let report = commit_and_check(&repo);
    assert_items_hold(&report, &created);
    (repo, created, report)
}

#[test]
fn github_places() {
    let (repo, created, report) = init_with_remote("git@github.com:example/tidy.git");
    let written = paths(&created);
    for path in [
        ".github/ISSUE_TEMPLATE/bug_report.yml",
        ".github/ISSUE_TEMPLATE/feature_request.yml",
        ".github/pull_request_template.md",
        ".github/workflows/ospo.yml",
        ".github/FUNDING.yml",
    ] {
        assert!(written.contains(&path), "{path}: {written:?}");
    }
    for id in [
        "needs.issue-templates",
        "needs.pull-request-template",
        "needs.continuous-integration",
    ] {
        assert_ne!(status(&report, id), "fail", "{id}");
    }
    let read = |path: &str| std::fs::read_to_string(repo.path().join(path)).expect(path);
    assert!(read("CONTRIBUTING.md").contains("https://github.com/example/tidy/issues"));
    assert!(
        read("SECURITY.md").contains("https://github.com/example/tidy/security/advisories/new")
    );
    let workflow = read(".github/workflows/ospo.yml");
    assert!(workflow.contains("dco: true") && workflow.contains("fetch-depth: 0"));
    // With the address and the licence known, publiccode.yml is drafted, and valid.
    assert!(written.contains(&"publiccode.yml"), "{written:?}");
    assert_eq!(status(&report, "communication.publiccode-valid"), "pass");
}

#[test]
fn gitlab_places() {
    let (repo, created, report) = init_with_remote("https://gitlab.com/example/tidy.git");
    let written = paths(&created);
    for path in [
        ".gitlab/issue_templates/Bug.md",
        ".gitlab/issue_templates/Feature.md",
        ".gitlab/merge_request_templates/Default.md",
        ".gitlab-ci.yml",
    ] {
        assert!(written.contains(&path), "{path}: {written:?}");
    }
    assert!(!written.iter().any(|path| path.starts_with(".github/ISSUE")));
    for id in ["needs.issue-templates", "needs.pull-request-template"] {
        assert_eq!(status(&report, id), "pass", "{id}");
    }
    let read = |path: &str| std::fs::read_to_string(repo.path().join(path)).expect(path);
    assert!(read("CONTRIBUTING.md").contains("merge request"));
    assert!(read("SECURITY.md").contains("confidential issue"));
    assert!(read(".gitlab-ci.yml").contains("extends: .ospo-dco"));
}

#[test]
fn the_same_repository_gives_the_same_bytes() {
    let make = || {
        let repo = readme_only();
        repo.git(&["remote", "add", "origin", "https://github.com/example/tidy"]);
        repo.ospo(&["init", "--licence", "MIT"]).assert_code(0);
        files(repo.path())
    };
    let (first, second) = (make(), make());
    assert!(first.len() > 15);
    assert_same(&first, &second);
}

#[test]
fn drafts_are_filled_with_what_the_repository_tells() {
    let repo = Repo::with_files(&[
        ("README.md", readme_300().as_str()),
        (
            "Cargo.toml",
            "[package]\nname = \"tidy\"\nversion = \"1.0.0\"\nauthors = [\"Jeanne Dupont <jeanne@tidy.example>\"]\nlicense = \"Apache-2.0\"\n",
        ),
        ("src/main.rs", "fn main() {}\n"),
        (
            "README.fr.md",
            "Signalez les failles à security@tidy.fr, les comportements inacceptables à conduct@tidy.fr.\n",
        ),
    ]);
    repo.git(&["tag", "v1.0.0"]);
    repo.commit_by(
        "Bruno <bruno@two.example>",
        "2026-01-20T12:00:00Z",
        "A change\n\nSigned-off-by: Bruno <bruno@two.example>",
    );
    repo.git(&["remote", "add", "origin", "git@github.com:example/tidy.git"]);
    let output = repo.ospo(&["init"]);
    output.assert_code(0);
    let read = |path: &str| std::fs::read_to_string(repo.path().join(path)).expect(path);
    let contributing = read("CONTRIBUTING.md");
    assert!(
        contributing.starts_with("# Contributing to tidy\n"),
        "{contributing}"
    );
    assert!(contributing.contains("cargo test"));
    assert!(contributing.contains("git clone https://github.com/example/tidy.git"));
    assert!(contributing.contains("(Apache-2.0)"));
    let changelog = read("CHANGELOG.md");
    assert!(changelog.contains("## [1.0.0] - 2026-01-15"), "{changelog}");
    assert!(changelog.contains("[1.0.0]: https://github.com/example/tidy/releases/tag/v1.0.0"));
    let maintainers = read("MAINTAINERS.md");
    assert!(
        maintainers.contains("| Bruno | bruno@two.example | 1 |"),
        "{maintainers}"
    );
    assert!(maintainers.contains("| Example Author | author@example.org | 1 |"));
    assert!(read("SECURITY.md").contains("Write to security@tidy.fr"));
    assert!(read("CODE_OF_CONDUCT.md").contains("conduct@tidy.fr"));
    // The licence the manifest declares, as published (Apache-2.0 has no copyright line
    // of its own to fill).
    let licence = read("LICENSE");
    assert!(
        licence.starts_with("Apache License\nVersion 2.0, January 2004\n"),
        "{licence}"
    );
    let created = created(&output);
    assert!(created.contains(&(
        "CODE_OF_CONDUCT.md".to_owned(),
        vec![
            "community.code-of-conduct".to_owned(),
            "community.conduct-contact".to_owned()
        ]
    )));
    let report = commit_and_check(&repo);
    assert_eq!(status(&report, "communication.changelog-current"), "pass");
    assert_ne!(status(&report, "community.conduct-contact"), "fail");
    assert_eq!(licence_expression(&report), "Apache-2.0");
}

#[test]
fn copyright_strategies_and_no_licence() {
    let repo = readme_only();
    let output = repo.ospo(&["init", "--copyright-strategy", "cla"]);
    output.assert_code(0);
    let written = created(&output);
    let written = paths(&written);
    assert!(written.contains(&"CLA.md") && !written.contains(&"DCO"));
    // No licence given or declared: no LICENSE, and how to choose one.
    assert!(!written.contains(&"LICENSE"));
    assert!(
        output.stdout.contains("https://choosealicense.com/"),
        "{}",
        output.all()
    );
    assert!(output.stdout.contains("--licence SPDX-ID"));
    let report = commit_and_check(&repo);
    assert_eq!(status(&report, "legal.copyright-strategy-stated"), "pass");

    let repo = readme_only();
    let output = repo.ospo(&["init", "--copyright-strategy", "inbound-outbound"]);
    output.assert_code(0);
    let written = created(&output);
    let written = paths(&written);
    assert!(!written.contains(&"CLA.md") && !written.contains(&"DCO"));
    let contributing = std::fs::read_to_string(repo.path().join("CONTRIBUTING.md")).unwrap();
    assert!(contributing.contains("inbound = outbound"));
}

#[test]
fn marks_left_to_fill_make_items_warn() {
    let repo = Repo::with_files(&[
        (
            "README.md",
            format!("{}\nPlaces to fill are marked `TODO(ospo):` in the drafts.\n", readme_300()),
        ),
        (
            "CONTRIBUTING.md",
            "# Contributing\n\nTODO(ospo): say how to propose a change.\n\n## Development setup\n\nRun `cargo test` before you push, and keep commits small and focused.\n".to_owned(),
        ),
    ]);
    let (_, report) = repo.check_json("default", &[]);
    // A mark quoted in code is documentation, not a place to fill.
    assert_eq!(status(&report, "needs.readme"), "pass");
    assert_eq!(status(&report, "needs.contributing"), "warn");
    assert!(
        item(&report, "needs.contributing")["message"]
            .as_str()
            .unwrap_or_default()
            .contains("places to fill, marked TODO(ospo)")
    );
    assert_eq!(status(&report, "needs.contributing-dev-setup"), "warn");
}

#[test]
fn a_bare_repository_is_refused() {
    let repo = readme_only();
    let bare = repo.bare_clone();
    let output = common::ospo(&bare, &["init"]);
    output.assert_error();
    assert!(
        output.stderr.contains("bare repository"),
        "{}",
        output.all()
    );
}

#[test]
fn the_readme_shows_what_init_prints() {
    const README_MD: &str = include_str!("../README.md");
    let start = README_MD
        .find("$ ospo init --licence MIT\n")
        .expect("the README shows ospo init");
    let block = &README_MD[start..];
    let block = &block[..block.find("```").expect("a closed block")];
    let shown: Vec<&str> = block.lines().skip(2).collect();
    let repo = readme_only();
    let output = repo.ospo(&["init", "--licence", "MIT"]);
    output.assert_code(0);
    let printed: Vec<&str> = output.stdout.lines().skip(1).collect();
    assert_eq!(printed, shown, "{}", output.all());
}

//! Metadata files: `ospo publiccode`, and the `publiccode`, `funding-file` and `changelog`
//! probes on fixture repositories.

mod common;

use common::{Repo, checklist_yaml, item_yaml, status};
use serde_json::Value;

const VALID: &str = common::PUBLICCODE;
const BROKEN: &str = include_str!("fixtures/publiccode/broken.yml");

/// The 1-based line of the first line of `text` that starts with `prefix` (after spaces).
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|line| line.trim_start().starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix}"))
        + 1
}

/// A checklist of one item with `probe`, written outside the repository.
fn one_item(repo: &Repo, id: &str, probe: &str) -> String {
    repo.write_checklist(
        "one.yaml",
        &checklist_yaml(&[item_yaml(id, "required", 1, probe)]),
    )
}

/// The one item of a report.
fn only_item(report: &Value) -> &Value {
    &report["items"][0]
}

// ── ospo publiccode ──

#[test]
fn the_valid_fixture_passes_the_command() {
    let repo = Repo::with_files(&[("publiccode.yml", VALID)]);
    let output = repo.ospo(&["publiccode"]);
    output.assert_code(0);
    assert_eq!(output.stdout, "publiccode.yml: valid\n", "{}", output.all());
    // A file given by path, outside any repository.
    let outside = repo.outside().join("copy.yml");
    std::fs::write(&outside, VALID).unwrap();
    let output = repo.ospo(&["publiccode", outside.to_str().unwrap(), "--format", "json"]);
    output.assert_code(0);
    let report = output.json();
    assert_eq!(report["valid"], true);
    assert_eq!(report["errors"], 0);
    assert!(report["summary"]["license"].is_string(), "{report}");
}

#[test]
fn the_broken_fixture_lists_its_three_errors_with_their_lines() {
    let repo = Repo::with_files(&[("publiccode.yml", BROKEN)]);
    let output = repo.ospo(&["publiccode"]);
    output.assert_code(1);
    for (key, prefix) in [
        ("developmentStatus", "developmentStatus:"),
        ("maintenance.type", "type:"),
        ("legal.license", "license:"),
    ] {
        let line = line_of(BROKEN, prefix);
        let expected = format!("publiccode.yml:{line}:");
        assert!(
            output
                .stdout
                .lines()
                .any(|l| l.starts_with(&expected) && l.contains(": error: ") && l.contains(key)),
            "no error for {key} at line {line}:\n{}",
            output.all()
        );
    }
    assert!(
        output
            .stdout
            .ends_with("publiccode.yml: invalid (3 errors)\n"),
        "{}",
        output.all()
    );
    let report = repo.ospo(&["publiccode", "--format", "json"]).json();
    assert_eq!(report["valid"], false);
    let mut paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        ["developmentStatus", "legal.license", "maintenance.type"],
        "{report}"
    );
    // In French, too.
    let output = repo.ospo(&["publiccode", "--lang", "fr"]);
    output.assert_code(1);
    assert!(output.stdout.contains(": erreur: "), "{}", output.all());
    assert!(
        output
            .stdout
            .ends_with("publiccode.yml : non valide (3 erreurs)\n"),
        "{}",
        output.all()
    );
}

#[test]
fn a_file_that_cannot_be_read_exits_2() {
    let repo = Repo::with_files(&[("README.md", "# Example\n")]);
    // No publiccode.yml in the repository.
    let output = repo.ospo(&["publiccode"]);
    output.assert_code(2);
    assert!(
        output.stderr.contains("no publiccode.yml"),
        "{}",
        output.all()
    );
    // A missing file.
    let output = repo.ospo(&["publiccode", "nope.yml"]);
    output.assert_code(2);
    assert!(output.stderr.contains("nope.yml"), "{}", output.all());
    // A file far too large for what it is.
    let large = repo.outside().join("large.yml");
    std::fs::write(&large, "name: x\n".repeat(200_000)).unwrap();
    let output = repo.ospo(&["publiccode", large.to_str().unwrap()]);
    output.assert_code(2);
    assert!(output.stderr.contains("larger than"), "{}", output.all());
    // Not YAML at all is invalid, not unreadable.
    repo.write("publiccode.yml", "name: [unclosed\n");
    repo.ospo(&["publiccode"]).assert_code(1);
}

// ── The publiccode probe ──

#[test]
fn check_fails_its_publiccode_item_on_the_broken_file() {
    let repo = Repo::with_files(&[("publiccode.yml", BROKEN)]);
    repo.commit("Describe the software");
    let (output, report) = repo.check_json("default", &[]);
    let item = common::item(&report, "communication.publiccode-valid");
    assert_eq!(item["status"], "fail", "{}", output.all());
    let message = item["message"].as_str().unwrap();
    assert!(
        message.starts_with("publiccode.yml is invalid (3 errors): line "),
        "{message}"
    );
    let line = line_of(BROKEN, "developmentStatus:");
    assert!(
        message.contains(&format!("line {line}, developmentStatus")),
        "{message}"
    );
    assert_eq!(item["evidence"]["errors"], 3, "{item}");
    // The file exists: the presence item passes.
    assert_eq!(status(&report, "communication.publiccode"), "pass");
    // The same in a bare clone.
    let bare = repo.bare_clone();
    let output = common::ospo(&bare, &["check", "--format", "json"]);
    assert_eq!(
        status(&output.json(), "communication.publiccode-valid"),
        "fail"
    );
}

#[test]
fn a_valid_file_passes_and_a_missing_one_is_skipped_by_default() {
    let repo = Repo::with_files(&[("publiccode.yml", VALID)]);
    let (output, report) = repo.check_json("default", &[]);
    let item = common::item(&report, "communication.publiccode-valid");
    assert_eq!(item["status"], "pass", "{}", output.all());
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .starts_with("publiccode.yml is valid"),
        "{item}"
    );
    repo.remove("publiccode.yml");
    repo.write("README.md", "# Example\n");
    let (_, report) = repo.check_json("default", &[]);
    assert_eq!(status(&report, "communication.publiccode-valid"), "skip");
    assert_eq!(status(&report, "communication.publiccode"), "fail");
    // `absent: fail` asks for the file.
    let checklist = one_item(&repo, "communication.pc", "{kind: publiccode}");
    let (_, report) = repo.check_json(&checklist, &[]);
    assert_eq!(only_item(&report)["status"], "fail");
}

/// The fixture's `legal.license` value.
fn fixture_licence() -> String {
    let line = VALID
        .lines()
        .find(|line| line.trim_start().starts_with("license:"))
        .expect("a licence");
    line.split_once(':')
        .unwrap()
        .1
        .trim()
        .trim_matches('"')
        .to_owned()
}

/// The fixture's `url` value.
fn fixture_url() -> String {
    let line = VALID
        .lines()
        .find(|line| line.starts_with("url:"))
        .expect("a url");
    line.split_once(':')
        .unwrap()
        .1
        .trim()
        .trim_matches('"')
        .to_owned()
}

#[test]
fn legal_license_must_name_the_licence_files() {
    assert_ne!(fixture_licence(), "MIT", "the test needs another licence");
    let repo = Repo::with_files(&[("publiccode.yml", VALID), ("LICENSE", common::LICENSE)]);
    let checklist = one_item(&repo, "legal.pc", "{kind: publiccode}");
    let (output, report) = repo.check_json(&checklist, &[]);
    let item = only_item(&report);
    assert_eq!(item["status"], "fail", "{}", output.all());
    let declared = fixture_licence();
    assert_eq!(
        item["message"],
        format!("publiccode.yml declares legal.license {declared}, but the licence files hold MIT")
    );
    // Consistency can be turned off.
    let checklist = one_item(&repo, "legal.pc", "{kind: publiccode, consistent: false}");
    let (_, report) = repo.check_json(&checklist, &[]);
    assert_eq!(only_item(&report)["status"], "pass");
    // A file naming the licence the files hold agrees.
    repo.write("publiccode.yml", &common::publiccode_under("MIT"));
    let checklist = one_item(&repo, "legal.pc", "{kind: publiccode}");
    let (_, report) = repo.check_json(&checklist, &[]);
    assert_eq!(only_item(&report)["status"], "pass", "{report}");
}

#[test]
fn url_must_be_the_remote_the_repository_is_cloned_from() {
    let repo = Repo::with_files(&[("publiccode.yml", VALID)]);
    let checklist = one_item(&repo, "communication.pc", "{kind: publiccode}");
    // No remote: nothing to compare.
    let (_, report) = repo.check_json(&checklist, &[]);
    assert_eq!(only_item(&report)["status"], "pass", "{report}");
    repo.git(&[
        "remote",
        "add",
        "origin",
        "https://forge.example.net/other/project.git",
    ]);
    let (_, report) = repo.check_json(&checklist, &[]);
    let item = only_item(&report);
    assert_eq!(item["status"], "fail", "{report}");
    let url = fixture_url();
    assert_eq!(
        item["message"],
        format!(
            "publiccode.yml gives url {url}, but the repository is cloned from https://forge.example.net/other/project.git"
        )
    );
    // The same repository through SSH agrees.
    let key = url.split_once("://").unwrap().1;
    let (host, path) = key.split_once('/').unwrap();
    let ssh = format!("git@{host}:{}.git", path.trim_end_matches(".git"));
    repo.git(&["remote", "set-url", "origin", &ssh]);
    let (_, report) = repo.check_json(&checklist, &[]);
    assert_eq!(only_item(&report)["status"], "pass", "{report}");
}

#[test]
fn fr_admin_requires_a_valid_file_only_when_there_is_one() {
    let repo = Repo::with_files(&common::complete_project_files());
    repo.write("publiccode.yml", BROKEN);
    let (output, report) = repo.check_json("fr-admin", &[]);
    output.assert_code(1);
    assert!(
        common::strings(&report["failed_required"])
            .contains(&"communication.publiccode-valid".to_owned()),
        "{}",
        output.all()
    );
    repo.remove("publiccode.yml");
    let (_, report) = repo.check_json("fr-admin", &[]);
    assert_eq!(status(&report, "communication.publiccode-valid"), "skip");
    assert!(
        !common::strings(&report["failed_required"])
            .contains(&"communication.publiccode-valid".to_owned())
    );
}

// ── The funding-file probe ──

fn funding_item(repo: &Repo) -> Value {
    let checklist = one_item(repo, "funding.file", "{kind: funding-file}");
    let (_, report) = repo.check_json(&checklist, &[]);
    only_item(&report).clone()
}

#[test]
fn an_unknown_funding_key_fails_and_a_valid_file_passes() {
    let repo = Repo::with_files(&[(
        ".github/FUNDING.yml",
        "github: [alice, bob]\nopen_collective: example\ncustom: [\"https://example.org/donate\"]\n",
    )]);
    let item = funding_item(&repo);
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        item["message"],
        ".github/FUNDING.yml names github, open_collective, custom"
    );
    repo.write(
        ".github/FUNDING.yml",
        "open_collective: example\npaypal_me: example\n",
    );
    let item = funding_item(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    let message = item["message"].as_str().unwrap();
    assert!(
        message.starts_with(".github/FUNDING.yml is invalid (1 error): line 2, paypal_me: "),
        "{message}"
    );
    assert_eq!(item["evidence"]["findings"][0]["line"], 2, "{item}");
    // The default checklist's item says the same.
    let (_, report) = repo.check_json("default", &[]);
    assert_eq!(status(&report, "funding.funding-file"), "fail");
    // FUNDING.yml elsewhere than .github/ is not read by GitHub.
    repo.remove(".github/FUNDING.yml");
    repo.write("FUNDING.yml", "open_collective: example\n");
    let item = funding_item(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .starts_with("not found in this repository"),
        "{item}"
    );
}

#[test]
fn funding_shapes_are_checked() {
    let repo = Repo::with_files(&[(
        ".github/FUNDING.yml",
        "github: [a, b, c, d, e]\ntidelift: left-pad\n",
    )]);
    let item = funding_item(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(item["evidence"]["errors"], 2, "{item}");
    let paths: Vec<&str> = item["evidence"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(paths.iter().any(|p| p.starts_with("github")), "{paths:?}");
    assert!(paths.iter().any(|p| p.starts_with("tidelift")), "{paths:?}");
}

// ── The changelog probe ──

fn changelog_item(repo: &Repo) -> Value {
    let checklist = one_item(repo, "communication.cl", "{kind: changelog}");
    let (output, report) = repo.check_json(&checklist, &[]);
    assert_eq!(
        report["items"].as_array().map(Vec::len),
        Some(1),
        "{}",
        output.all()
    );
    only_item(&report).clone()
}

const KEEP_A_CHANGELOG: &str = "\
# Changelog

## [Unreleased]

### Added
- Plugins.

## [1.1.0] - 2026-03-01

### Fixed
- A crash on empty files.

## [1.0.0] - 2026-01-15

- First release.

[1.1.0]: https://example.org/compare/v1.0.0...v1.1.0
";

#[test]
fn the_changelog_must_cover_the_newest_release_tag() {
    let repo = Repo::with_files(&[("CHANGELOG.md", KEEP_A_CHANGELOG)]);
    repo.git(&["add", "-A"]);
    repo.commit_by(
        "Alice <alice@example.org>",
        "2026-01-15T10:00:00Z",
        "Release 1.0.0",
    );
    repo.git(&["tag", "v1.0.0"]);
    // No more recent tag: 1.0.0 is there.
    let item = changelog_item(&repo);
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        item["message"],
        format!(
            "CHANGELOG.md:{} describes the latest release, v1.0.0",
            line_of(KEEP_A_CHANGELOG, "## [1.0.0]")
        )
    );
    assert_eq!(item["evidence"]["entries"], 2, "{item}");
    assert_eq!(item["evidence"]["release"]["date"], "2026-01-15", "{item}");
    // A newer release with no entry fails, naming the tag and the newest entry.
    repo.commit_by(
        "Alice <alice@example.org>",
        "2026-05-04T10:00:00Z",
        "Release 1.2",
    );
    repo.git(&["tag", "v1.2"]);
    let item = changelog_item(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        item["message"],
        format!(
            "the latest release, v1.2 (2026-05-04), is not in CHANGELOG.md; its newest entry is line {}: [1.1.0] - 2026-03-01",
            line_of(KEEP_A_CHANGELOG, "## [1.1.0]")
        )
    );
    // `1.2.0` names the same version as the tag `v1.2`.
    let updated = KEEP_A_CHANGELOG.replace(
        "## [Unreleased]\n",
        "## [Unreleased]\n\n## [1.2.0] - 2026-05-04\n\n- Faster.\n",
    );
    repo.write("CHANGELOG.md", &updated);
    let item = changelog_item(&repo);
    assert_eq!(item["status"], "pass", "{item}");
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .starts_with("CHANGELOG.md:5 describes the latest release, v1.2"),
        "{item}"
    );
}

#[test]
fn a_dated_entry_no_older_than_the_tag_is_kept_up() {
    // A NEWS file whose versions are not the tags' names, but whose entries are dated.
    let news = "Project news\n============\n\nVersion 7 (2026-06-01)\n----------------------\n\n* Faster.\n";
    let repo = Repo::with_files(&[("NEWS", news)]);
    repo.git(&["add", "-A"]);
    repo.commit_by(
        "Alice <alice@example.org>",
        "2026-05-30T10:00:00Z",
        "Spring",
    );
    repo.git(&["tag", "v2026.5"]);
    let item = changelog_item(&repo);
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        item["message"],
        "NEWS has an entry dated 2026-06-01, no older than the latest release tag v2026.5 (2026-05-30)"
    );
    // Dated before the tag, it is behind.
    repo.write("NEWS", &news.replace("2026-06-01", "2026-04-01"));
    let item = changelog_item(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .starts_with("the latest release, v2026.5 (2026-05-30), is not in NEWS; its newest entry is line 4: Version 7 (2026-04-01)"),
        "{item}"
    );
}

#[test]
fn no_release_tag_or_no_changelog() {
    let repo = Repo::with_files(&[(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n- Work.\n",
    )]);
    repo.commit("Start");
    let item = changelog_item(&repo);
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        item["message"],
        "no release tag yet to compare with; CHANGELOG.md has 0 release entries"
    );
    repo.remove("CHANGELOG.md");
    repo.write("README.md", "# Example\n");
    let item = changelog_item(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .starts_with("no changelog in this repository"),
        "{item}"
    );
}

#[test]
fn the_readme_example_is_what_the_broken_fixture_gives() {
    let readme = include_str!("../README.md");
    let repo = Repo::with_files(&[("publiccode.yml", BROKEN)]);
    let output = repo.ospo(&["publiccode"]);
    let shown = format!("$ ospo publiccode\n{}$ echo $?\n1\n", output.stdout);
    assert!(readme.contains(&shown), "README.md should show:\n{shown}");
}

#[test]
fn a_deprecated_key_warns_and_names_its_line() {
    let with_deprecated = VALID.replacen("\nurl:", "\nmonochromeLogo: docs/logo-mono.svg\nurl:", 1);
    let repo = Repo::with_files(&[("publiccode.yml", with_deprecated.as_str())]);
    let checklist = one_item(&repo, "communication.pc", "{kind: publiccode}");
    let (output, report) = repo.check_json(&checklist, &[]);
    output.assert_code(0);
    let item = only_item(&report);
    assert_eq!(item["status"], "warn", "{item}");
    let line = line_of(&with_deprecated, "monochromeLogo:");
    let message = item["message"].as_str().unwrap();
    assert!(
        message.starts_with("publiccode.yml is valid (")
            && message.contains(&format!(", with 1 warning: line {line}, monochromeLogo: ")),
        "{message}"
    );
    assert_eq!(item["evidence"]["warnings"], 1, "{item}");
    // The command says the same, and exits 0.
    let output = repo.ospo(&["publiccode"]);
    output.assert_code(0);
    assert!(
        output
            .stdout
            .ends_with("publiccode.yml: valid (1 warning)\n"),
        "{}",
        output.all()
    );
}

#[test]
fn the_command_reads_a_bare_repository_and_standard_input() {
    let repo = Repo::with_files(&[("publiccode.yaml", BROKEN)]);
    repo.commit("Describe the software");
    let bare = repo.bare_clone();
    let output = repo.ospo(&["publiccode", "--path", bare.to_str().unwrap()]);
    output.assert_code(1);
    assert!(
        output
            .stdout
            .ends_with("publiccode.yaml: invalid (3 errors)\n"),
        "{}",
        output.all()
    );
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ospo"))
        .args(["publiccode", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(VALID.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "<stdin>: valid\n");
}

#[test]
fn a_metadata_file_linked_out_of_the_repository_is_not_read() {
    let repo = Repo::with_files(&[("README.md", "# Example\n")]);
    let secret = repo.outside().join("secret.yml");
    std::fs::write(&secret, VALID).unwrap();
    std::os::unix::fs::symlink(&secret, repo.path().join("publiccode.yml")).unwrap();
    let checklist = one_item(&repo, "communication.pc", "{kind: publiccode}");
    let (_, report) = repo.check_json(&checklist, &[]);
    let item = only_item(&report);
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        item["message"],
        "publiccode.yml is a symlink out of the repository or to nothing; it is not followed"
    );
    // The command refuses it too.
    repo.ospo(&["publiccode"]).assert_code(2);
}

//! Probes, one kind at a time, on small custom checklists (`--checklist PATH`), and every
//! status an item can end in.

mod common;

use common::*;
use serde_json::json;

/// A repository with `files`, checked with a one-item checklist whose probe is `probe`;
/// returns the JSON report and the item.
fn probe_once(files: &[(&str, &str)], id: &str, probe: &str) -> (Output, serde_json::Value) {
    let repo = Repo::with_files(files);
    let checklist = repo.write_checklist("checklist.yaml", &one_file_item(id, probe));
    let (output, report) = repo.check_json(&checklist, &[]);
    let item = item(&report, id).clone();
    (output, item)
}

const LONG: &str = "This file is long enough to count: it says what it is for, in a few sentences, \
                    and it holds no link at all, so it cannot be mistaken for a pointer.\n";

// ── file ──

#[test]
fn file_probe_finds_a_file_at_the_root() {
    let (output, item) = probe_once(
        &[("NOTES.md", LONG)],
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"]}",
    );
    output.assert_code(0);
    assert_eq!(item["status"], "pass");
    assert_eq!(item["probe"], "file");
    assert_eq!(item["message"], "found NOTES.md");
    assert_eq!(
        item["evidence"],
        json!({"type": "file", "path": "NOTES.md", "size": LONG.len()})
    );
}

#[test]
fn file_probe_finds_a_file_in_dot_github() {
    let (output, item) = probe_once(
        &[(".github/NOTES.md", LONG)],
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"]}",
    );
    output.assert_code(0);
    assert_eq!(item["status"], "pass");
    assert_eq!(item["evidence"]["path"], ".github/NOTES.md");
}

#[test]
fn file_probe_finds_a_file_in_docs() {
    let (output, item) = probe_once(
        &[("docs/NOTES.md", LONG)],
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"]}",
    );
    output.assert_code(0);
    assert_eq!(item["status"], "pass");
    assert_eq!(item["evidence"]["path"], "docs/NOTES.md");
}

#[test]
fn file_probe_prefers_dot_github_then_root_then_docs() {
    let (_, item) = probe_once(
        &[
            ("docs/NOTES.md", LONG),
            ("NOTES.md", LONG),
            (".github/NOTES.md", LONG),
        ],
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"]}",
    );
    assert_eq!(item["evidence"]["path"], ".github/NOTES.md");
    assert_eq!(
        item["evidence"]["others"],
        json!(["NOTES.md", "docs/NOTES.md"])
    );
}

#[test]
fn file_probe_fails_when_no_file_matches() {
    let (output, item) = probe_once(
        &[("OTHER.md", LONG)],
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"]}",
    );
    output.assert_code(1);
    assert_eq!(item["status"], "fail");
    let message = item["message"].as_str().unwrap();
    assert!(
        message.starts_with("not found in this repository"),
        "{message}"
    );
    assert!(message.contains("NOTES*"), "{message}");
    assert!(item.get("evidence").is_none(), "{item:#}");
    assert_eq!(output.json()["failed_required"], json!(["needs.notes"]));
}

#[test]
fn file_probe_matches_names_case_insensitively() {
    let (output, item) = probe_once(
        &[("license.md", LICENSE)],
        "legal.licence",
        "{kind: file, names: [\"LICENSE*\"], places: [\".\"]}",
    );
    output.assert_code(0);
    assert_eq!(item["status"], "pass");
    assert_eq!(item["evidence"]["path"], "license.md");
}

#[test]
fn file_probe_fails_a_file_under_min_size() {
    let (output, item) = probe_once(
        &[("NOTES.md", "Too short.\n")],
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"], min-size: 100}",
    );
    output.assert_code(1);
    assert_eq!(item["status"], "fail");
    assert_eq!(
        item["message"],
        "NOTES.md is only 11 bytes; at least 100 are expected"
    );
    assert_eq!(item["evidence"]["size"], 11);
}

#[test]
fn file_probe_passes_a_file_of_exactly_min_size() {
    let text = "x".repeat(100);
    let (output, item) = probe_once(
        &[("NOTES.md", text.as_str())],
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"], min-size: 100}",
    );
    output.assert_code(0);
    assert_eq!(item["status"], "pass");
}

#[test]
fn file_probe_fails_an_empty_file() {
    let (output, item) = probe_once(
        &[("NOTES.md", "")],
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"]}",
    );
    output.assert_code(1);
    assert_eq!(item["status"], "fail");
    assert_eq!(item["message"], "NOTES.md is empty");
    assert_eq!(item["evidence"]["size"], 0);
}

#[test]
fn file_probe_passes_a_short_pointer_file_and_names_the_link() {
    let (output, item) = probe_once(
        &[("SECURITY.md", "See https://example.org/security\n")],
        "community.security",
        "{kind: file, names: [\"SECURITY*\"], min-size: 100}",
    );
    output.assert_code(0);
    assert_eq!(item["status"], "pass");
    assert_eq!(item["evidence"]["pointer"], "https://example.org/security");
    let message = item["message"].as_str().unwrap();
    assert!(
        message.contains("pointer to https://example.org/security"),
        "{message}"
    );
}

#[test]
fn file_probe_does_not_call_a_plain_file_a_pointer() {
    let (_, item) = probe_once(
        &[("SECURITY.md", LONG)],
        "community.security",
        "{kind: file, names: [\"SECURITY*\"]}",
    );
    assert_eq!(item["status"], "pass");
    assert!(item["evidence"].get("pointer").is_none(), "{item:#}");
}

#[test]
fn file_probe_never_counts_vendored_directories() {
    let vendored = [
        ("vendor/NOTES.md", LONG),
        ("node_modules/NOTES.md", LONG),
        ("third_party/NOTES.md", LONG),
        ("lib/vendor/NOTES.md", LONG),
    ];
    // Named as places…
    let (output, item) = probe_once(
        &vendored,
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"], places: [vendor, node_modules, third_party, lib/vendor]}",
    );
    output.assert_code(1);
    assert_eq!(item["status"], "fail", "{item:#}");
    // …or reached with `**` from the root.
    let (output, item) = probe_once(
        &vendored,
        "needs.notes",
        "{kind: file, names: [\"**/NOTES.md\"], places: [\".\"]}",
    );
    output.assert_code(1);
    assert_eq!(item["status"], "fail", "{item:#}");
}

#[test]
fn file_probe_leaves_vendored_copies_out_of_others() {
    let (_, item) = probe_once(
        &[("docs/NOTES.md", LONG), ("vendor/NOTES.md", LONG)],
        "needs.notes",
        "{kind: file, names: [\"**/NOTES.md\"], places: [\".\"]}",
    );
    assert_eq!(item["status"], "pass");
    assert_eq!(item["evidence"]["path"], "docs/NOTES.md");
    assert!(item["evidence"].get("others").is_none(), "{item:#}");
}

#[test]
fn file_probe_prefers_the_readme_without_a_language_tag() {
    let (_, item) = probe_once(
        &[("README.fr.md", LONG), ("README.md", LONG)],
        "needs.readme",
        "{kind: file, names: [\"README*\"]}",
    );
    assert_eq!(item["status"], "pass");
    assert_eq!(item["evidence"]["path"], "README.md");
    assert_eq!(item["evidence"]["others"], json!(["README.fr.md"]));
}

#[test]
fn file_probe_language_tag_outranks_a_shorter_path() {
    // README.de.md is shorter than README.markdown, but it is a translation.
    let (_, item) = probe_once(
        &[("README.de.md", LONG), ("README.markdown", LONG)],
        "needs.readme",
        "{kind: file, names: [\"README*\"]}",
    );
    assert_eq!(item["evidence"]["path"], "README.markdown");
    assert_eq!(item["evidence"]["others"], json!(["README.de.md"]));
}

#[test]
fn file_probe_prefers_the_earlier_name_pattern() {
    let (_, item) = probe_once(
        &[("COPYING", LICENSE), ("LICENSE", LICENSE)],
        "legal.licence",
        "{kind: file, names: [\"LICENSE*\", \"COPYING*\"], places: [\".\"]}",
    );
    assert_eq!(item["evidence"]["path"], "LICENSE");
    assert_eq!(item["evidence"]["others"], json!(["COPYING"]));
}

#[test]
fn file_probe_looks_only_in_the_given_places() {
    let files = [("docs/NOTES.md", LONG)];
    let (_, item) = probe_once(
        &files,
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"], places: [\".github\", \".\"]}",
    );
    assert_eq!(item["status"], "fail", "{item:#}");
    let (_, item) = probe_once(
        &files,
        "needs.notes",
        "{kind: file, names: [\"NOTES*\"], places: [docs]}",
    );
    assert_eq!(item["status"], "pass", "{item:#}");
    assert_eq!(item["evidence"]["path"], "docs/NOTES.md");
}

#[test]
fn file_probe_star_stays_within_one_path_component() {
    let files = [("sub/NOTES.md", LONG)];
    let (_, item) = probe_once(
        &files,
        "needs.notes",
        "{kind: file, names: [\"*NOTES.md\"], places: [\".\"]}",
    );
    assert_eq!(item["status"], "fail", "{item:#}");
    let (_, item) = probe_once(
        &files,
        "needs.notes",
        "{kind: file, names: [\"*/NOTES.md\"], places: [\".\"]}",
    );
    assert_eq!(item["status"], "pass", "{item:#}");
}

// ── content ──

const GUIDE: &str = "# Guide\n\nSome introduction.\n## Install\n\nRun the Hello installer.\n";

#[test]
fn content_probe_gives_the_matching_line_and_path() {
    let (output, item) = probe_once(
        &[("docs/GUIDE.md", GUIDE)],
        "needs.install",
        r"{kind: content, names: [GUIDE*], pattern: '^#+\s*install'}",
    );
    output.assert_code(0);
    assert_eq!(item["status"], "pass");
    assert_eq!(item["probe"], "content");
    assert_eq!(item["message"], "docs/GUIDE.md:4: ## Install");
    assert_eq!(
        item["evidence"],
        json!({"type": "line", "path": "docs/GUIDE.md", "line": 4, "text": "## Install"})
    );
}

#[test]
fn content_probe_fails_when_no_line_matches() {
    let (output, item) = probe_once(
        &[("docs/GUIDE.md", GUIDE)],
        "needs.install",
        r"{kind: content, names: [GUIDE*], pattern: 'uninstall'}",
    );
    output.assert_code(1);
    assert_eq!(item["status"], "fail");
    assert_eq!(
        item["message"],
        "no line of docs/GUIDE.md matches what this item looks for"
    );
    assert_eq!(
        item["evidence"],
        json!({"type": "searched", "paths": ["docs/GUIDE.md"]})
    );
}

#[test]
fn content_probe_searches_every_matching_file_main_first() {
    let (_, item) = probe_once(
        &[
            ("README.md", "# Example\n"),
            ("README.fr.md", "# Exemple\n\n## Installation\n"),
        ],
        "needs.install",
        r"{kind: content, names: [README*], pattern: '^#+\s*install'}",
    );
    assert_eq!(item["status"], "pass");
    assert_eq!(item["evidence"]["path"], "README.fr.md");
    assert_eq!(item["evidence"]["line"], 3);
}

#[test]
fn content_probe_ignores_case_by_default() {
    let (_, item) = probe_once(
        &[("GUIDE.md", GUIDE)],
        "needs.hello",
        r"{kind: content, names: [GUIDE*], pattern: 'HELLO'}",
    );
    assert_eq!(item["status"], "pass", "{item:#}");
    assert_eq!(item["evidence"]["line"], 6);
}

#[test]
fn content_probe_respects_case_sensitive() {
    let (_, item) = probe_once(
        &[("GUIDE.md", GUIDE)],
        "needs.hello",
        r"{kind: content, names: [GUIDE*], pattern: 'HELLO', case-sensitive: true}",
    );
    assert_eq!(item["status"], "fail", "{item:#}");
    let (_, item) = probe_once(
        &[("GUIDE.md", GUIDE)],
        "needs.hello",
        r"{kind: content, names: [GUIDE*], pattern: 'Hello', case-sensitive: true}",
    );
    assert_eq!(item["status"], "pass", "{item:#}");
}

/// `patterns` means the alternation of its elements, each a group of its own: an inline
/// flag in one element (`(?-i)`) stays in it, and an anchor binds to its element only.
#[test]
fn content_probe_patterns_match_what_their_alternation_matches() {
    let files = [
        (
            "a.md",
            "nothing here\nabc in lower case\nDEF in upper case\n",
        ),
        ("b.md", "text\n## Install\n"),
        ("c.md", "first\nsee the usage\n"),
        ("d.md", "usage is here\nabc\n"),
        ("e.md", "xx ABC\n"),
    ];
    let list = r"['(?-i)ABC', 'def', '^#+\s*install\b', 'usage$']";
    let single = r"'(?:(?-i)ABC)|(?:def)|(?:^#+\s*install\b)|(?:usage$)'";
    let mut items = Vec::new();
    for (index, (name, _)) in files.iter().enumerate() {
        let probe = |key: &str, value: &str| {
            format!("{{kind: content, names: [{name}], places: [\".\"], {key}: {value}}}")
        };
        items.push(item_yaml(
            &format!("needs.list-{index}"),
            "optional",
            1,
            &probe("patterns", list),
        ));
        items.push(item_yaml(
            &format!("needs.single-{index}"),
            "optional",
            1,
            &probe("pattern", single),
        ));
    }
    let repo = Repo::with_files(&files);
    let path = repo.write_checklist("checklist.yaml", &checklist_yaml(&items));
    let (output, report) = repo.check_json(&path, &[]);
    output.assert_code(0);
    let expected = [Some(3), Some(2), Some(2), None, Some(1)];
    for (index, line) in expected.into_iter().enumerate() {
        let listed = item(&report, &format!("needs.list-{index}"));
        let single = item(&report, &format!("needs.single-{index}"));
        assert_eq!(listed["status"], single["status"], "{listed:#}\n{single:#}");
        assert_eq!(
            listed["evidence"], single["evidence"],
            "{listed:#}\n{single:#}"
        );
        match line {
            Some(line) => {
                assert_eq!(listed["status"], "pass", "{listed:#}");
                assert_eq!(listed["evidence"]["line"], line, "{listed:#}");
            }
            None => assert_eq!(listed["status"], "fail", "{listed:#}"),
        }
    }
}

#[test]
fn content_probe_fails_when_there_is_no_file() {
    let (output, item) = probe_once(
        &[("OTHER.md", GUIDE)],
        "needs.install",
        r"{kind: content, names: [GUIDE*], pattern: 'install'}",
    );
    output.assert_code(1);
    assert_eq!(item["status"], "fail");
    let message = item["message"].as_str().unwrap();
    assert!(message.starts_with("no file to search"), "{message}");
    assert!(message.contains("GUIDE*"), "{message}");
}

#[test]
fn content_probe_skips_binary_files() {
    let (_, item) = probe_once(
        &[("GUIDE.bin", "install\0\0\0binary\n")],
        "needs.install",
        r"{kind: content, names: [GUIDE*], pattern: 'install'}",
    );
    assert_eq!(item["status"], "fail", "{item:#}");
    let message = item["message"].as_str().unwrap();
    assert!(message.starts_with("no readable text file"), "{message}");
}

// ── every status, including error ──

/// A repository whose `LOST.md` blob is missing from the object database: reading the
/// commit's tree (`--rev HEAD`) lists the file but cannot read it.
fn repo_with_a_missing_blob() -> Repo {
    repo_with_a_missing_blob_and(&[])
}

fn repo_with_a_missing_blob_and(extra: &[(&str, &str)]) -> Repo {
    let mut files = vec![
        ("LOST.md", "This blob will be deleted from .git/objects.\n"),
        ("README.md", LONG),
    ];
    files.extend_from_slice(extra);
    let repo = Repo::with_files(&files);
    let blob = repo.git(&["rev-parse", "HEAD:LOST.md"]);
    let blob = blob.trim();
    let object = repo
        .path()
        .join(".git/objects")
        .join(&blob[..2])
        .join(&blob[2..]);
    std::fs::remove_file(&object).unwrap_or_else(|e| panic!("remove {}: {e}", object.display()));
    repo
}

#[test]
fn error_status_when_a_file_probe_cannot_read_its_file() {
    let repo = repo_with_a_missing_blob();
    let checklist = repo.write_checklist(
        "checklist.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.lost",
                "required",
                1,
                "{kind: file, names: [\"LOST*\"]}",
            ),
            item_yaml(
                "needs.readme",
                "recommended",
                1,
                "{kind: file, names: [\"README*\"]}",
            ),
        ]),
    );
    let (output, report) = repo.check_json(&checklist, &["--rev", "HEAD"]);
    let lost = item(&report, "needs.lost");
    assert_eq!(lost["status"], "error", "{lost:#}");
    let message = lost["message"].as_str().unwrap();
    assert!(message.starts_with("cannot read LOST.md"), "{message}");
    // An error on a required item is not a pass: the check fails, and the other items still run.
    output.assert_code(1);
    assert_eq!(strings(&report["failed_required"]), ["needs.lost"]);
    assert_eq!(report["counts"]["error"], 1);
    assert_eq!(status(&report, "needs.readme"), "pass");
}

#[test]
fn error_status_when_a_content_probe_cannot_read_its_file() {
    let repo = repo_with_a_missing_blob();
    let checklist = repo.write_checklist(
        "checklist.yaml",
        &checklist_yaml(&[item_yaml(
            "needs.lost",
            "optional",
            1,
            "{kind: content, names: [\"LOST*\"], pattern: blob}",
        )]),
    );
    let (output, report) = repo.check_json(&checklist, &["--rev", "HEAD"]);
    assert_eq!(status(&report, "needs.lost"), "error");
    // An optional item in error counts as not passed.
    assert_eq!(report["score"], 0.0);
    output.assert_code(0);
    let terminal = repo.ospo(&["check", "--checklist", &checklist, "--rev", "HEAD"]);
    assert!(terminal.stdout.contains("! error"), "{}", terminal.all());
}

#[test]
fn error_status_in_the_worktree_for_an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let repo = Repo::with_files(&[("GUIDE.md", GUIDE)]);
    let path = repo.path().join("GUIDE.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reads, so there is no error to see.
        eprintln!("skipped: the file stays readable (running as root)");
        return;
    }
    let checklist = repo.write_checklist(
        "checklist.yaml",
        &checklist_yaml(&[item_yaml(
            "needs.guide",
            "optional",
            1,
            "{kind: content, names: [GUIDE*], pattern: install}",
        )]),
    );
    let (_, report) = repo.check_json(&checklist, &[]);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(status(&report, "needs.guide"), "error", "{report:#}");
}

#[test]
fn every_status_is_counted_in_one_report() {
    let repo = repo_with_a_missing_blob_and(&[
        (".ospo.yml", "answers:\n  community.na: {answer: n/a}\n"),
        (
            "LICENSE",
            "This project is licensed under the MIT License.\nSee https://opensource.org/licenses/MIT\n",
        ),
    ]);
    let checklist = repo.write_checklist(
        "checklist.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.readme",
                "optional",
                1,
                "{kind: file, names: [\"README*\"]}",
            ),
            item_yaml(
                "needs.missing",
                "optional",
                1,
                "{kind: file, names: [\"MISSING*\"]}",
            ),
            item_yaml(
                "needs.lost",
                "optional",
                1,
                "{kind: file, names: [\"LOST*\"]}",
            ),
            item_yaml("legal.notice", "optional", 1, "{kind: licence}"),
            item_yaml("community.na", "optional", 1, "{kind: attest}"),
            item_yaml("community.open", "optional", 1, "{kind: attest}"),
        ]),
    );
    let (output, report) = repo.check_json(&checklist, &["--rev", "HEAD"]);
    output.assert_code(0);
    let statuses: Vec<&str> = [
        "needs.readme",
        "needs.missing",
        "needs.lost",
        "legal.notice",
        "community.na",
        "community.open",
    ]
    .iter()
    .map(|id| status(&report, id))
    .collect();
    assert_eq!(
        statuses,
        ["pass", "fail", "error", "warn", "skip", "unknown"]
    );
    assert_eq!(
        report["counts"],
        json!({"pass": 1, "warn": 1, "fail": 1, "unknown": 1, "skip": 1, "error": 1})
    );
    // A warning counts as passed, and the open question counts in no score: two of four
    // applicable items, all of them verified but the answered `n/a`, which is skipped.
    assert_eq!(report["score"], 50.0);
    assert_eq!(report["verified_score"], 50.0);
    assert_eq!(report["declared_score"], json!(null));
    assert_eq!(strings(&report["questions"]), ["community.open"]);
}

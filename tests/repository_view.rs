//! How ospo sees a repository: a commit (`--rev`, bare repositories) or the worktree, and
//! what it refuses to read (symlinks out of the repository, huge files).

mod common;

use std::fs;
use std::io::Write;
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

/// The licence item alone: a required file probe at the root.
fn licence_checklist() -> String {
    checklist_yaml(&[item_yaml(
        "legal.licence-file",
        "required",
        5,
        "{kind: file, names: [\"LICENSE*\", \"COPYING*\"], places: [\".\"], min-size: 100}",
    )])
}

// ── --rev ──

#[test]
fn rev_checks_the_tree_of_an_older_commit() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let first = repo.head();
    repo.write("LICENSE", LICENSE);
    let second = repo.commit("Add a licence");
    assert_ne!(first, second);
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());

    let (output, report) = repo.check_json(&checklist, &["--rev", "HEAD~1"]);
    output.assert_code(1);
    assert_eq!(status(&report, "legal.licence-file"), "fail");
    assert_eq!(strings(&report["failed_required"]), ["legal.licence-file"]);
    assert_eq!(
        report["repository"],
        json!({"path": repo.path_str(), "view": "commit", "bare": false, "commit": first})
    );

    let (output, report) = repo.check_json(&checklist, &["--rev", "HEAD"]);
    output.assert_code(0);
    assert_eq!(status(&report, "legal.licence-file"), "pass");
    assert_eq!(report["repository"]["commit"], second);
    assert_eq!(report["repository"]["view"], "commit");
}

#[test]
fn rev_accepts_branches_tags_and_ids() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let first = repo.head();
    repo.git(&["tag", "v0.1"]);
    repo.write("LICENSE", LICENSE);
    let second = repo.commit("Add a licence");
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    for (rev, commit, expected) in [
        ("v0.1", &first, "fail"),
        ("main", &second, "pass"),
        (first.as_str(), &first, "fail"),
    ] {
        let (_, report) = repo.check_json(&checklist, &["--rev", rev]);
        assert_eq!(report["repository"]["commit"], *commit, "--rev {rev}");
        assert_eq!(
            status(&report, "legal.licence-file"),
            expected,
            "--rev {rev}"
        );
    }
}

#[test]
fn rev_ignores_uncommitted_files_the_worktree_sees() {
    let repo = Repo::with_files(&[("README.md", README)]);
    repo.write("LICENSE", LICENSE); // untracked
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    let (_, worktree) = repo.check_json(&checklist, &[]);
    assert_eq!(status(&worktree, "legal.licence-file"), "pass");
    assert_eq!(worktree["repository"]["view"], "worktree");
    assert_eq!(worktree["repository"]["commit"], repo.head());
    let (_, commit) = repo.check_json(&checklist, &["--rev", "HEAD"]);
    assert_eq!(status(&commit, "legal.licence-file"), "fail");
}

#[test]
fn rev_reads_the_ospo_yml_of_that_commit() {
    let repo = Repo::with_files(&[(".ospo.yml", "answers:\n  funding.budget: {answer: no}\n")]);
    let first = repo.head();
    repo.write(
        ".ospo.yml",
        "answers:\n  funding.budget: {answer: yes, evidence: https://example.org/budget, date: 2026-01-20}\n",
    );
    repo.commit("We have a budget now");
    let checklist = repo.write_checklist(
        "attest.yaml",
        &checklist_yaml(&[item_yaml(
            "funding.budget",
            "recommended",
            1,
            "{kind: attest}",
        )]),
    );
    let (_, old) = repo.check_json(&checklist, &["--rev", &first]);
    assert_eq!(status(&old, "funding.budget"), "fail");
    let (_, new) = repo.check_json(&checklist, &["--rev", "HEAD"]);
    assert_eq!(status(&new, "funding.budget"), "pass");
}

#[test]
fn commit_ids_of_fixtures_are_stable() {
    // Pinned names, dates and config: the same files give the same commit.
    let a = Repo::with_files(&[("README.md", README)]);
    let b = Repo::with_files(&[("README.md", README)]);
    assert_eq!(a.head(), b.head());
}

// ── bare repositories ──

/// The fields of a report that must not depend on how the repository is seen.
fn view_independent(report: &Value) -> Value {
    let mut copy = report.clone();
    let object = copy.as_object_mut().unwrap();
    let repository = object
        .remove("repository")
        .expect("report has a repository");
    object.insert("commit".into(), repository["commit"].clone());
    copy
}

fn assert_bare_equals_worktree(repo: &Repo) {
    let bare = repo.bare_clone();
    let worktree = repo.ospo(&["check", "--format", "json"]);
    let from_bare = ospo(
        &repo.outside(),
        &["check", "--format", "json", bare.to_str().unwrap()],
    );
    assert_eq!(
        from_bare.code,
        worktree.code,
        "{}\n{}",
        worktree.all(),
        from_bare.all()
    );
    let (worktree, from_bare) = (worktree.json(), from_bare.json());
    for field in [
        "items",
        "stages",
        "score",
        "verdict",
        "counts",
        "failed_required",
        "questions",
        "warnings",
    ] {
        assert_eq!(from_bare[field], worktree[field], "field `{field}` differs");
    }
    assert_eq!(view_independent(&from_bare), view_independent(&worktree));
    assert_eq!(
        worktree["repository"],
        json!({"path": repo.path_str(), "view": "worktree", "bare": false, "commit": repo.head()})
    );
    assert_eq!(
        from_bare["repository"],
        json!({"path": bare.display().to_string(), "view": "commit", "bare": true, "commit": repo.head()})
    );
}

#[test]
fn bare_clone_of_the_complete_project_gives_the_same_report() {
    let repo = complete_project();
    assert_bare_equals_worktree(&repo);
}

#[test]
fn bare_clone_of_an_incomplete_project_gives_the_same_report() {
    // Failures, small files, pointers, translations, vendored copies and unanswered
    // questions: their messages and evidence must not depend on the view either.
    let repo = Repo::with_files(&[
        ("README.md", "# Example\n\nA tool.\n"),
        (
            "README.fr.md",
            "# Exemple\n\n## Installation\n\n    cargo install example\n",
        ),
        ("SECURITY.md", "See https://example.org/security\n"),
        ("CONTRIBUTING.md", ""),
        ("vendor/LICENSE", LICENSE),
        (".github/ISSUE_TEMPLATE/bug.yml", "name: Bug\n"),
        (
            ".ospo.yml",
            "answers:\n  communication.calendar: {answer: no}\nwaivers:\n  funding.funding-file: \"Not needed\"\n",
        ),
    ]);
    let report = repo.ospo(&["check", "--format", "json"]).json();
    assert_eq!(report["verdict"], "fail");
    assert_eq!(status(&report, "needs.readme"), "fail");
    assert_eq!(status(&report, "needs.readme-install"), "pass");
    assert_eq!(status(&report, "community.security-policy"), "pass");
    assert_bare_equals_worktree(&repo);
}

#[test]
fn bare_repository_without_rev_reads_head() {
    let repo = Repo::with_files(&[("README.md", README)]);
    repo.write("LICENSE", LICENSE);
    repo.commit("Add a licence");
    let bare = repo.bare_clone();
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    let output = ospo(
        &bare,
        &["check", "--checklist", &checklist, "--format", "json", "."],
    );
    output.assert_code(0);
    let report = output.json();
    assert_eq!(status(&report, "legal.licence-file"), "pass");
    // And --rev works in a bare repository too.
    let output = ospo(
        &bare,
        &[
            "check",
            "--checklist",
            &checklist,
            "--format",
            "json",
            "--rev",
            "HEAD~1",
        ],
    );
    output.assert_code(1);
    assert_eq!(status(&output.json(), "legal.licence-file"), "fail");
}

#[test]
fn bare_repository_reached_through_dot_dot_does_not_panic() {
    let repo = Repo::with_files(&[("README.md", README), ("LICENSE", LICENSE)]);
    let bare = repo.bare_clone();
    assert!(bare.ends_with("bare.git"));
    // From inside the worktree, the bare clone is `../bare.git`.
    let output = repo.ospo(&["check", "--format", "json", "../bare.git"]);
    assert_no_panic(&output);
    assert_eq!(output.json()["repository"]["bare"], true);
}

#[test]
fn empty_repository_has_no_commit_to_read() {
    let repo = Repo::init();
    repo.write("LICENSE", LICENSE);
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    // The worktree view works without a commit…
    let (output, report) = repo.check_json(&checklist, &[]);
    output.assert_code(0);
    assert_eq!(report["repository"]["commit"], Value::Null);
    // …a commit view does not.
    let output = repo.ospo(&["check", "--checklist", &checklist, "--rev", "HEAD"]);
    output.assert_error();
}

// ── worktree semantics ──

#[test]
fn worktree_counts_an_untracked_file() {
    let repo = Repo::with_files(&[("README.md", README)]);
    repo.write("LICENSE", LICENSE);
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    let (output, report) = repo.check_json(&checklist, &[]);
    output.assert_code(0);
    assert_eq!(status(&report, "legal.licence-file"), "pass");
    assert_eq!(
        item(&report, "legal.licence-file")["evidence"]["path"],
        "LICENSE"
    );
}

#[test]
fn worktree_does_not_count_an_ignored_untracked_file() {
    let repo = Repo::with_files(&[("README.md", README), (".gitignore", "LICENSE\n")]);
    repo.write("LICENSE", LICENSE);
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    let (output, report) = repo.check_json(&checklist, &[]);
    output.assert_code(1);
    assert_eq!(status(&report, "legal.licence-file"), "fail");
}

#[test]
fn worktree_does_not_count_a_file_excluded_by_info_exclude_or_a_nested_gitignore() {
    let repo = Repo::with_files(&[("README.md", README), ("docs/.gitignore", "NOTES.md\n")]);
    repo.write("docs/NOTES.md", LICENSE);
    repo.write("LICENSE", LICENSE);
    fs::write(repo.path().join(".git/info/exclude"), "/LICENSE\n").unwrap();
    let checklist = repo.write_checklist(
        "checklist.yaml",
        &checklist_yaml(&[
            item_yaml(
                "legal.licence-file",
                "optional",
                1,
                "{kind: file, names: [\"LICENSE*\"], places: [\".\"]}",
            ),
            item_yaml(
                "needs.notes",
                "optional",
                1,
                "{kind: file, names: [\"NOTES*\"], places: [docs]}",
            ),
        ]),
    );
    let (_, report) = repo.check_json(&checklist, &[]);
    assert_eq!(status(&report, "legal.licence-file"), "fail");
    assert_eq!(status(&report, "needs.notes"), "fail");
}

#[test]
fn worktree_does_not_count_files_in_an_ignored_untracked_directory() {
    let repo = Repo::with_files(&[("README.md", README), (".gitignore", "build/\n")]);
    repo.write("build/NOTES.md", LICENSE);
    let checklist = repo.write_checklist(
        "checklist.yaml",
        &one_file_item(
            "needs.notes",
            "{kind: file, names: [\"**/NOTES.md\"], places: [\".\"]}",
        ),
    );
    let (_, report) = repo.check_json(&checklist, &[]);
    assert_eq!(status(&report, "needs.notes"), "fail");
}

#[test]
fn worktree_counts_a_tracked_file_even_if_gitignore_matches_it() {
    let repo = Repo::with_files(&[("README.md", README), ("LICENSE", LICENSE)]);
    repo.write(".gitignore", "LICENSE\n");
    repo.commit("Ignore the licence, which stays tracked");
    assert_eq!(repo.git(&["ls-files", "LICENSE"]).trim(), "LICENSE");
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    let (output, report) = repo.check_json(&checklist, &[]);
    output.assert_code(0);
    assert_eq!(status(&report, "legal.licence-file"), "pass");
}

#[test]
fn worktree_counts_a_tracked_ignored_file_recorded_in_a_split_index() {
    // With a split index, the entries live in a shared index file beside `.git/index`.
    let repo = Repo::with_files(&[("README.md", README), ("LICENSE", LICENSE)]);
    repo.write(".gitignore", "LICENSE\n");
    repo.git(&["update-index", "--split-index"]);
    repo.commit("Ignore the licence, which stays tracked");
    assert!(
        fs::read_dir(repo.path().join(".git"))
            .unwrap()
            .any(|entry| entry
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("sharedindex.")),
        "git wrote no shared index"
    );
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    let (output, report) = repo.check_json(&checklist, &[]);
    output.assert_code(0);
    assert_eq!(status(&report, "legal.licence-file"), "pass");
}

/// A tracked `docs/NOTES.md` in a directory `.gitignore` ignores as a whole.
fn tracked_file_in_ignored_directory() -> Repo {
    let repo = Repo::with_files(&[("README.md", README), ("docs/NOTES.md", LICENSE)]);
    repo.write(".gitignore", "docs/\n");
    repo.commit("Ignore docs/, whose files stay tracked");
    assert_eq!(repo.git(&["ls-files", "docs"]).trim(), "docs/NOTES.md");
    repo
}

#[test]
fn worktree_counts_a_tracked_file_inside_an_ignored_directory_named_by_path() {
    let repo = tracked_file_in_ignored_directory();
    for probe in [
        "{kind: file, names: [\"docs/NOTES*\"], places: [\".\"]}",
        "{kind: file, names: [\"NOTES*\"], places: [docs]}",
    ] {
        let checklist =
            repo.write_checklist("checklist.yaml", &one_file_item("needs.notes", probe));
        let (_, worktree) = repo.check_json(&checklist, &[]);
        assert_eq!(status(&worktree, "needs.notes"), "pass", "{probe}");
    }
}

#[test]
fn worktree_counts_a_tracked_file_inside_an_ignored_directory_found_by_double_star() {
    let repo = tracked_file_in_ignored_directory();
    let checklist = repo.write_checklist(
        "checklist.yaml",
        &one_file_item(
            "needs.notes",
            "{kind: file, names: [\"**/NOTES.md\"], places: [\".\"]}",
        ),
    );
    // The commit view finds it…
    let (_, commit) = repo.check_json(&checklist, &["--rev", "HEAD"]);
    assert_eq!(status(&commit, "needs.notes"), "pass");
    // …the worktree view must too.
    let (_, worktree) = repo.check_json(&checklist, &[]);
    assert_eq!(status(&worktree, "needs.notes"), "pass", "{worktree:#}");
}

#[test]
fn a_path_inside_the_repository_finds_its_root() {
    let repo = Repo::with_files(&[
        ("README.md", README),
        ("LICENSE", LICENSE),
        ("src/deep/lib.rs", "// code\n"),
    ]);
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    // A subdirectory given as the path…
    let output = repo.ospo(&[
        "check",
        "--checklist",
        &checklist,
        "--format",
        "json",
        "src/deep",
    ]);
    output.assert_code(0);
    let report = output.json();
    assert_eq!(report["repository"]["path"], repo.path_str());
    assert_eq!(status(&report, "legal.licence-file"), "pass");
    // …or as the working directory.
    let output = ospo(
        &repo.path().join("src/deep"),
        &["check", "--checklist", &checklist, "--format", "json"],
    );
    output.assert_code(0);
    assert_eq!(output.json()["repository"]["path"], repo.path_str());
}

#[test]
fn the_project_file_is_read_from_the_root_when_checking_a_subdirectory() {
    let repo = Repo::with_files(&[
        ("src/lib.rs", "// code\n"),
        (
            ".ospo.yml",
            "answers:\n  funding.budget: {answer: yes, evidence: src/lib.rs, date: 2026-01-20}\n",
        ),
    ]);
    let checklist = repo.write_checklist(
        "attest.yaml",
        &checklist_yaml(&[item_yaml("funding.budget", "required", 1, "{kind: attest}")]),
    );
    let output = ospo(
        &repo.path().join("src"),
        &["check", "--checklist", &checklist, "--format", "json"],
    );
    output.assert_code(0);
    let report = output.json();
    assert_eq!(report["project_file"], ".ospo.yml");
    assert_eq!(status(&report, "funding.budget"), "pass");
}

// ── safety ──

fn symlink(target: &str, link: &std::path::Path) {
    std::os::unix::fs::symlink(target, link)
        .unwrap_or_else(|e| panic!("symlink {}: {e}", link.display()));
}

/// A licence item and a content probe that would match text of /etc/passwd.
fn passwd_checklist() -> String {
    checklist_yaml(&[
        item_yaml(
            "legal.licence-file",
            "required",
            5,
            "{kind: file, names: [\"LICENSE*\"], places: [\".\"]}",
        ),
        item_yaml(
            "legal.licence-text",
            "optional",
            1,
            "{kind: content, names: [\"LICENSE*\"], places: [\".\"], pattern: 'root|:x:|nologin|TOPSECRET'}",
        ),
    ])
}

fn assert_nothing_leaked(output: &Output, secrets: &[&str]) {
    for secret in secrets {
        assert!(
            !output.stdout.contains(secret),
            "`{secret}` leaked into stdout:\n{}",
            output.all()
        );
        assert!(
            !output.stderr.contains(secret),
            "`{secret}` leaked into stderr:\n{}",
            output.all()
        );
    }
}

fn assert_outside_link_not_followed(report: &Value) {
    let licence = item(report, "legal.licence-file");
    assert_eq!(licence["status"], "fail", "{licence:#}");
    let message = licence["message"].as_str().unwrap();
    assert!(
        message.contains("LICENSE is a symlink out of the repository"),
        "{message}"
    );
    assert!(message.contains("not followed"), "{message}");
    assert_eq!(status(report, "legal.licence-text"), "fail");
}

#[test]
fn symlink_to_etc_passwd_is_not_read() {
    assert!(
        std::path::Path::new("/etc/passwd").exists(),
        "this test needs /etc/passwd"
    );
    let repo = Repo::with_files(&[("README.md", README)]);
    symlink("/etc/passwd", &repo.path().join("LICENSE"));
    repo.commit("Link the licence to /etc/passwd");
    let checklist = repo.write_checklist("passwd.yaml", &passwd_checklist());
    let bare = repo.bare_clone();
    let bare = bare.to_str().unwrap();
    let secrets = ["root:", ":x:", "nologin", "/bin/"];
    for extra in [&[][..], &["--rev", "HEAD"][..], &[bare][..]] {
        for format in ["json", "terminal"] {
            for lang in ["en", "fr"] {
                let mut args = vec![
                    "check",
                    "--checklist",
                    &checklist,
                    "--format",
                    format,
                    "--lang",
                    lang,
                ];
                args.extend_from_slice(extra);
                let output = repo.ospo(&args);
                output.assert_code(1);
                assert_nothing_leaked(&output, &secrets);
                if format == "json" && lang == "en" {
                    assert_outside_link_not_followed(&output.json());
                }
            }
        }
    }
}

#[test]
fn relative_symlink_out_of_the_repository_is_not_read() {
    let repo = Repo::with_files(&[("README.md", README)]);
    fs::write(
        repo.outside().join("secret.txt"),
        format!("TOPSECRET\n{LICENSE}"),
    )
    .unwrap();
    symlink("../secret.txt", &repo.path().join("LICENSE"));
    repo.commit("Link the licence out of the repository");
    let checklist = repo.write_checklist("passwd.yaml", &passwd_checklist());
    let bare = repo.bare_clone();
    for extra in [
        &[][..],
        &["--rev", "HEAD"][..],
        &[bare.to_str().unwrap()][..],
    ] {
        let mut args = vec!["check", "--checklist", &checklist, "--format", "json"];
        args.extend_from_slice(extra);
        let output = repo.ospo(&args);
        assert_nothing_leaked(&output, &["TOPSECRET", "Permission is hereby granted"]);
        assert_outside_link_not_followed(&output.json());
    }
}

#[test]
fn symlink_inside_the_repository_is_followed_in_worktree_and_bare() {
    let readme = format!("{README}\n## Marker\n\nunique-marker-line\n");
    let repo = Repo::with_files(&[("docs/README.md", readme.as_str())]);
    symlink("docs/README.md", &repo.path().join("README.md"));
    repo.commit("Link the README");
    let checklist = repo.write_checklist(
        "readme.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.readme",
                "required",
                5,
                "{kind: file, names: [\"README*\"], places: [\".\"], min-size: 200}",
            ),
            item_yaml(
                "needs.marker",
                "required",
                1,
                "{kind: content, names: [\"README*\"], places: [\".\"], pattern: unique-marker}",
            ),
        ]),
    );
    let bare = repo.bare_clone();
    for extra in [
        &[][..],
        &["--rev", "HEAD"][..],
        &[bare.to_str().unwrap()][..],
    ] {
        let (output, report) = repo.check_json(&checklist, extra);
        output.assert_code(0);
        let readme_item = item(&report, "needs.readme");
        assert_eq!(readme_item["status"], "pass", "{extra:?}: {readme_item:#}");
        // The size is the target's, not the link's.
        assert_eq!(
            readme_item["evidence"],
            json!({"type": "file", "path": "README.md", "size": readme.len()}),
            "{extra:?}"
        );
        let marker = item(&report, "needs.marker");
        assert_eq!(marker["evidence"]["path"], "README.md", "{extra:?}");
        assert_eq!(
            marker["evidence"]["text"], "unique-marker-line",
            "{extra:?}"
        );
    }
}

#[test]
fn symlink_loops_and_dangling_symlinks_are_not_followed() {
    let repo = Repo::with_files(&[("README.md", README)]);
    symlink("COPYING", &repo.path().join("LICENSE"));
    symlink("LICENSE", &repo.path().join("COPYING"));
    symlink("does-not-exist", &repo.path().join("LICENCE"));
    repo.commit("Broken links");
    let checklist = repo.write_checklist(
        "licence.yaml",
        &one_file_item(
            "legal.licence-file",
            "{kind: file, names: [\"LICENSE*\", \"LICENCE*\", \"COPYING*\"], places: [\".\"]}",
        ),
    );
    for extra in [&[][..], &["--rev", "HEAD"][..]] {
        let (output, report) = repo.check_json(&checklist, extra);
        output.assert_code(1);
        assert_eq!(status(&report, "legal.licence-file"), "fail", "{extra:?}");
    }
}

#[test]
fn symlink_to_a_directory_is_not_a_file() {
    let repo = Repo::with_files(&[("README.md", README), ("licences/MIT.txt", LICENSE)]);
    symlink("licences", &repo.path().join("LICENSE"));
    repo.commit("A directory link");
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    for extra in [&[][..], &["--rev", "HEAD"][..]] {
        let (_, report) = repo.check_json(&checklist, extra);
        assert_eq!(status(&report, "legal.licence-file"), "fail", "{extra:?}");
    }
}

const HUNDRED_MB: u64 = 100 * 1024 * 1024;

#[test]
fn content_probe_skips_a_100_mb_file_without_reading_it() {
    let repo = Repo::with_files(&[("README.md", README)]);
    // Sparse and untracked: costs nothing on disk, but would be 100 MB to read.
    let path = repo.path().join("HUGE.txt");
    let mut file = fs::File::create(&path).unwrap();
    file.write_all(b"needle on the first line\n").unwrap();
    file.set_len(HUNDRED_MB).unwrap();
    drop(file);
    let checklist = repo.write_checklist(
        "huge.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.huge",
                "optional",
                1,
                "{kind: content, names: [\"HUGE*\"], places: [\".\"], pattern: needle}",
            ),
            item_yaml(
                "needs.huge-file",
                "optional",
                1,
                "{kind: file, names: [\"HUGE*\"], places: [\".\"]}",
            ),
        ]),
    );
    let started = Instant::now();
    let (output, report) = repo.check_json(&checklist, &[]);
    let elapsed = started.elapsed();
    output.assert_code(0);
    let huge = item(&report, "needs.huge");
    assert_eq!(huge["status"], "fail", "{huge:#}");
    let message = huge["message"].as_str().unwrap();
    assert!(message.contains("skipped"), "{message}");
    assert!(
        message.contains(&format!("HUGE.txt is {HUNDRED_MB} bytes")),
        "{message}"
    );
    assert!(message.contains("16777216"), "{message}");
    assert_eq!(huge["evidence"], json!({"type": "searched", "paths": []}));
    // The file probe only needs its size.
    let file_item = item(&report, "needs.huge-file");
    assert_eq!(file_item["status"], "pass");
    assert_eq!(file_item["evidence"]["size"], HUNDRED_MB);
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
}

#[test]
fn content_probe_reads_only_the_first_mebibyte() {
    let mut text = String::from("early needle on the first line\n");
    let filler = "filler text that matches nothing at all, line after line\n";
    while text.len() < 1_500_000 {
        text.push_str(filler);
    }
    text.push_str("late needle after 1.5 MB\n");
    while text.len() < 2 * 1024 * 1024 {
        text.push_str(filler);
    }
    let repo = Repo::with_files(&[("BIG.txt", text.as_str())]);
    let checklist = repo.write_checklist(
        "big.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.early",
                "optional",
                1,
                "{kind: content, names: [\"BIG*\"], places: [\".\"], pattern: early needle}",
            ),
            item_yaml(
                "needs.late",
                "optional",
                1,
                "{kind: content, names: [\"BIG*\"], places: [\".\"], pattern: late needle}",
            ),
        ]),
    );
    for extra in [&[][..], &["--rev", "HEAD"][..]] {
        let (_, report) = repo.check_json(&checklist, extra);
        let early = item(&report, "needs.early");
        assert_eq!(early["status"], "pass", "{extra:?}");
        assert_eq!(early["evidence"]["line"], 1, "{extra:?}");
        let late = item(&report, "needs.late");
        assert_eq!(late["status"], "fail", "{extra:?}: {late:#}");
        // Not skipped as too large: searched, in part.
        assert_eq!(
            late["evidence"],
            json!({"type": "searched", "paths": ["BIG.txt"]}),
            "{extra:?}"
        );
    }
}

#[test]
fn a_file_path_inside_the_repository_finds_its_root() {
    let repo = Repo::with_files(&[("README.md", README), ("LICENSE", LICENSE)]);
    let checklist = repo.write_checklist("licence.yaml", &licence_checklist());
    let output = repo.ospo(&[
        "check",
        "--checklist",
        &checklist,
        "--format",
        "json",
        "README.md",
    ]);
    output.assert_code(0);
    assert_eq!(output.json()["repository"]["path"], repo.path_str());
}

// ── the checklist named by .ospo.yml, in commit views ──

#[test]
fn ospo_yml_checklist_in_the_worktree_is_used() {
    let repo = repo_with_its_own_checklist();
    let output = repo.ospo(&["check", "--format", "json"]);
    output.assert_code(0);
    assert_eq!(output.json()["checklist"]["id"], "test");
}

#[test]
fn ospo_yml_checklist_is_read_from_the_commit_of_a_bare_repository() {
    let repo = repo_with_its_own_checklist();
    let bare = repo.bare_clone();
    let output = ospo(
        &repo.outside(),
        &["check", "--format", "json", bare.to_str().unwrap()],
    );
    output.assert_code(0);
    assert_eq!(output.json()["checklist"]["id"], "test");
}

#[test]
fn ospo_yml_checklist_is_read_from_the_commit_checked_with_rev() {
    let repo = repo_with_its_own_checklist();
    // An uncommitted, broken edit of the checklist must not affect a check of HEAD.
    repo.write("lists/custom.yaml", "id: broken\n");
    let output = repo.ospo(&["check", "--format", "json", "--rev", "HEAD"]);
    output.assert_code(0);
    assert_eq!(output.json()["checklist"]["id"], "test");
}

#[test]
fn ospo_yml_cannot_name_a_checklist_outside_the_repository() {
    let repo = Repo::with_files(&[
        ("README.md", README),
        (".ospo.yml", "checklist: ../secret.yaml\n"),
    ]);
    fs::write(
        repo.outside().join("secret.yaml"),
        "id: \"TOPSECRET value\"\ntitle: {en: T, fr: T}\nversion: \"1\"\n",
    )
    .unwrap();
    let output = repo.ospo(&["check"]);
    assert_nothing_leaked(&output, &["TOPSECRET"]);
    // Refused as outside the repository, not read.
    output.assert_error();
    assert!(
        !output.stderr.contains("secret.yaml:1:1"),
        "{}",
        output.all()
    );
}

#[test]
fn ospo_yml_symlinked_out_of_the_repository_is_not_read() {
    let repo = Repo::with_files(&[("README.md", README)]);
    symlink("/etc/passwd", &repo.path().join(".ospo.yml"));
    let output = repo.ospo(&["check"]);
    output.assert_error();
    assert!(
        output.stderr.contains("outside the repository"),
        "{}",
        output.all()
    );
    assert_nothing_leaked(&output, &["root:", ":x:", "nologin"]);
}

#[test]
fn ospo_yaml_is_accepted_as_the_project_file_name() {
    let repo = Repo::with_files(&[
        ("README.md", README),
        (
            ".ospo.yaml",
            "answers:\n  funding.budget: {answer: yes, evidence: README.md, date: 2026-01-20}\n",
        ),
    ]);
    let checklist = repo.write_checklist(
        "attest.yaml",
        &checklist_yaml(&[item_yaml("funding.budget", "required", 1, "{kind: attest}")]),
    );
    let (output, report) = repo.check_json(&checklist, &[]);
    output.assert_code(0);
    assert_eq!(report["project_file"], ".ospo.yaml");
    assert_eq!(status(&report, "funding.budget"), "pass");
}

// ── Listings cut from one walk, files read once ──

/// A worktree with every kind of directory a listing meets: nested ones, ignored ones
/// (with and without tracked files), dependency folders, symlinks to a directory and to
/// a file, and an untracked file.
fn varied_worktree() -> Repo {
    let repo = Repo::with_files(&[
        ("README.md", README),
        (".gitignore", "build/\nkept/\n*.log\n"),
        ("docs/a.md", "a"),
        ("docs/deep/b.md", "b"),
        ("docs/deep/deeper/c.md", "c"),
        (".github/ISSUE_TEMPLATE/bug.md", "bug"),
        ("vendor/lib/x.rs", "x"),
        ("node_modules/p/index.js", "p"),
        ("src/main.rs", "fn main() {}"),
    ]);
    repo.write("kept/tracked.txt", "tracked although ignored");
    repo.git(&["add", "-f", "kept/tracked.txt"]);
    repo.commit("Track a file in an ignored directory");
    repo.write("build/out.txt", "ignored");
    repo.write("docs/notes.log", "ignored");
    repo.write("docs/untracked.md", "untracked");
    symlink("docs", &repo.path().join("docs-link"));
    symlink("README.md", &repo.path().join("README-link.md"));
    repo
}

#[test]
fn listings_cut_from_the_whole_walk_are_those_of_walks_of_their_own() {
    let repo = varied_worktree();
    let dirs = [
        "",
        ".",
        "./docs/",
        "docs",
        "docs/deep",
        "docs/deep/deeper",
        "docs/missing",
        "missing",
        "missing/deeper",
        ".github",
        ".github/ISSUE_TEMPLATE",
        "vendor",
        "vendor/lib",
        "node_modules",
        "build",
        "kept",
        "docs-link",
        "README.md",
        "src",
    ];
    let whole = ospo::repo::RepoView::open(repo.path(), None).unwrap();
    let everything = whole.list("", usize::MAX).unwrap();
    assert!(everything.iter().any(|e| e.path == "docs/deep/deeper/c.md"));
    assert!(everything.iter().any(|e| e.path == "kept/tracked.txt"));
    assert!(!everything.iter().any(|e| e.path.starts_with("build/")));
    for dir in dirs {
        for depth in [1, 2, 3, usize::MAX] {
            let alone = ospo::repo::RepoView::open(repo.path(), None).unwrap();
            let walked = alone.list(dir, depth).unwrap();
            let cut = whole.list(dir, depth).unwrap();
            assert_eq!(cut[..], walked[..], "list({dir:?}, {depth})");
        }
    }
    let vendored = whole.list("vendor", 2).unwrap();
    assert_eq!(
        vendored.len(),
        1,
        "a dependency folder is listed when asked for"
    );
}

#[test]
fn a_file_read_again_gives_the_same_bytes_whatever_the_limits() {
    let repo = varied_worktree();
    let view = ospo::repo::RepoView::open(repo.path(), None).unwrap();
    let listing = view.list("", 1).unwrap();
    let readme = listing.iter().find(|e| e.path == "README.md").unwrap();
    let link = listing.iter().find(|e| e.path == "README-link.md").unwrap();
    let short = view.read(readme, 10).unwrap();
    assert_eq!(short.bytes, README.as_bytes()[..10]);
    assert!(short.truncated());
    // A longer read after a shorter one goes to the file; a shorter one after a longer
    // one is cut from what was read; a symlink reads its target.
    let whole = view.read(readme, 1 << 20).unwrap();
    assert_eq!(whole.bytes, README.as_bytes());
    assert!(!whole.truncated());
    assert_eq!(view.read(readme, 10).unwrap().bytes, short.bytes);
    assert_eq!(view.read(link, 1 << 20).unwrap().bytes, README.as_bytes());
    let many = view.read_many(&[readme, link], 12);
    assert_eq!(many[0].as_ref().unwrap().bytes, README.as_bytes()[..12]);
    assert_eq!(many[1].as_ref().unwrap().bytes, README.as_bytes()[..12]);
}

/// A walk keeps its way down on the heap, each directory read whole and closed before it
/// goes further: a tree 300 levels deep is walked to the bottom, in order.
#[test]
fn a_deep_tree_is_walked_to_the_bottom() {
    let repo = Repo::with_files(&[("README.md", "# Deep\n")]);
    let levels = 300;
    let deepest: String = (0..levels).map(|i| format!("d{}/", i % 10)).collect();
    write_file(
        repo.path(),
        &format!("{deepest}bottom.txt"),
        "at the bottom\n",
    );
    write_file(repo.path(), "d0/top.txt", "near the top\n");
    let view = ospo::repo::RepoView::open(repo.path(), None).unwrap();
    let everything = view.list("", usize::MAX).unwrap();
    let paths: Vec<&str> = everything.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        ["README.md", &format!("{deepest}bottom.txt"), "d0/top.txt"],
    );
    // Listed from the middle, down to a depth, as a walk of its own would.
    let middle: String = deepest[..deepest.len() - 3 * 10].to_owned();
    let alone = ospo::repo::RepoView::open(repo.path(), None).unwrap();
    // bottom.txt is ten directories and a file below it.
    let below = alone.list(middle.trim_end_matches('/'), 11).unwrap();
    assert_eq!(below.len(), 1, "{below:?}");
    assert!(
        alone
            .list(middle.trim_end_matches('/'), 10)
            .unwrap()
            .is_empty()
    );
}

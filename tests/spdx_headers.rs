//! The `spdx-headers` probe on fixture repositories: which files count, where their
//! licence comes from (header, sidecar, REUSE.toml, dep5), `LICENSES/`, the threshold.

mod common;

use common::*;
use serde_json::Value;

const MIT_HEADER: &str = "// SPDX-License-Identifier: MIT\n\nfn main() {}\n";
const NO_HEADER: &str = "fn helper() {}\n";

/// Runs one `spdx-headers` item with `probe` and returns it.
fn headers_item(repo: &Repo, probe: &str) -> Value {
    let checklist = repo.write_checklist(
        "headers.yaml",
        &checklist_yaml(&[item_yaml("legal.headers", "optional", 2, probe)]),
    );
    let (output, report) = repo.check_json(&checklist, &[]);
    assert_no_panic(&output);
    item(&report, "legal.headers").clone()
}

fn evidence_strings(item: &Value, key: &str) -> Vec<String> {
    match item["evidence"].get(key) {
        None => Vec::new(),
        Some(value) => strings(value),
    }
}

fn count(item: &Value, key: &str) -> u64 {
    item["evidence"][key]
        .as_u64()
        .unwrap_or_else(|| panic!("no count `{key}` in {item}"))
}

#[test]
fn every_file_with_a_header_and_its_text_passes() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("src/lib.rs", "//! SPDX-License-Identifier: MIT\n"),
        (
            "README.md",
            "<!-- SPDX-License-Identifier: MIT -->\n# Example\n",
        ),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        item["message"],
        "3 of 3 files state their licence (100%, threshold 100%)"
    );
    assert_eq!(item["evidence"]["type"], "headers");
    assert_eq!(count(&item, "files"), 3);
    assert_eq!(count(&item, "licensed"), 3);
    assert_eq!(item["evidence"]["share"], 100.0);
    assert_eq!(item["evidence"]["sampled"], false);
    assert!(item["evidence"].get("without").is_none(), "{item}");
}

#[test]
fn a_file_without_a_header_fails_and_is_named() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("src/lib.rs", MIT_HEADER),
        ("src/util.rs", NO_HEADER),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        item["message"],
        "2 of 3 files state their licence (66.6%, threshold 100%); without: src/util.rs"
    );
    assert_eq!(evidence_strings(&item, "without"), ["src/util.rs"]);
    assert_eq!(item["evidence"]["share"], 66.6);
}

#[test]
fn the_share_shown_never_rounds_up_to_all() {
    let mut files: Vec<(String, String)> = (0..2000)
        .map(|n| (format!("src/m{n:04}.rs"), MIT_HEADER.to_owned()))
        .collect();
    files.push(("src/zz.rs".into(), NO_HEADER.into()));
    files.push(("LICENSES/MIT.txt".into(), LICENSE.into()));
    let repo = Repo::with_files(&files);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(item["evidence"]["share"], 99.9);
    let item = headers_item(&repo, "{kind: spdx-headers, threshold: 99.9}");
    assert_eq!(item["status"], "pass", "{item}");
}

#[test]
fn many_files_without_are_listed_up_to_twenty_and_counted() {
    let mut files: Vec<(String, String)> = (0..25)
        .map(|n| (format!("src/m{n:02}.rs"), NO_HEADER.to_owned()))
        .collect();
    files.push(("src/main.rs".into(), MIT_HEADER.into()));
    let repo = Repo::with_files(&files);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "fail");
    let without = evidence_strings(&item, "without");
    assert_eq!(without.len(), 20);
    assert_eq!(without[0], "src/m00.rs");
    assert_eq!(count(&item, "more_without"), 5);
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .ends_with("without: src/m00.rs, src/m01.rs, src/m02.rs and 22 more"),
        "{item}"
    );
}

#[test]
fn a_binary_file_counts_when_a_sidecar_licenses_it() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("logo.png", "\u{89}PNG\r\n\u{1a}\n\0\0\0\rIHDR"),
        (
            "logo.png.license",
            "SPDX-FileCopyrightText: 2026 Example\nSPDX-License-Identifier: CC0-1.0\n",
        ),
        ("icon.ico", "\0\0\u{1}\0"),
        ("LICENSES/MIT.txt", LICENSE),
        ("LICENSES/CC0-1.0.txt", "Creative Commons Legal Code\n"),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "pass", "{item}");
    // src/main.rs and logo.png; icon.ico, binary and licensed by nothing, is left out.
    assert_eq!(count(&item, "files"), 2);
    assert_eq!(count(&item, "licensed"), 2);
}

#[test]
fn a_sidecar_replaces_the_header() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        (
            "src/main.rs.license",
            "SPDX-License-Identifier: Apache-2.0\n",
        ),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(evidence_strings(&item, "missing_texts"), ["Apache-2.0"]);
    assert_eq!(
        evidence_strings(&item, "unused_texts"),
        ["LICENSES/MIT.txt"]
    );
}

#[test]
fn a_reuse_toml_annotation_licenses_a_directory() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("docs/guide.md", "# Guide\n\nRead me.\n"),
        ("docs/img/diagram.svg", "<svg/>\n"),
        ("notes.txt", "Not annotated.\n"),
        (
            "REUSE.toml",
            "version = 1\n\n[[annotations]]\npath = \"docs/**\"\nSPDX-License-Identifier = \"CC-BY-4.0\"\nSPDX-FileCopyrightText = \"2026 Example\"\n",
        ),
        ("LICENSES/MIT.txt", LICENSE),
        ("LICENSES/CC-BY-4.0.txt", "Attribution 4.0 International\n"),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(count(&item, "files"), 4);
    assert_eq!(count(&item, "licensed"), 3);
    assert_eq!(evidence_strings(&item, "without"), ["notes.txt"]);
    let item = headers_item(&repo, "{kind: spdx-headers, threshold: 75}");
    assert_eq!(item["status"], "pass", "{item}");
}

/// src/main.rs says MIT; REUSE.toml says Apache-2.0 for src/**; only MIT's text is in
/// LICENSES/.
fn precedence_repo(precedence: &str) -> Repo {
    Repo::with_files(&[
        ("src/main.rs", MIT_HEADER.to_owned()),
        ("src/data.json", "{}\n".to_owned()),
        (
            "REUSE.toml",
            format!(
                "version = 1\n\n[[annotations]]\npath = \"src/**\"\nprecedence = \"{precedence}\"\nSPDX-License-Identifier = \"Apache-2.0\"\n"
            ),
        ),
        ("LICENSES/MIT.txt", LICENSE.to_owned()),
        ("LICENSES/Apache-2.0.txt", "Apache License\n".to_owned()),
    ])
}

#[test]
fn precedence_closest_keeps_the_header_and_override_replaces_it() {
    let closest = headers_item(&precedence_repo("closest"), "{kind: spdx-headers}");
    assert_eq!(closest["status"], "pass", "{closest}");
    assert_eq!(count(&closest, "licensed"), 2);
    // Both licences are used: MIT by the header, Apache-2.0 by src/data.json.
    assert!(evidence_strings(&closest, "unused_texts").is_empty());

    let overridden = headers_item(&precedence_repo("override"), "{kind: spdx-headers}");
    assert_eq!(overridden["status"], "pass", "{overridden}");
    // The header is not read: nothing uses MIT any more.
    assert_eq!(
        evidence_strings(&overridden, "unused_texts"),
        ["LICENSES/MIT.txt"]
    );
    assert!(
        overridden["message"]
            .as_str()
            .unwrap()
            .ends_with("; no file uses LICENSES/MIT.txt"),
        "{overridden}"
    );

    let aggregate = headers_item(&precedence_repo("aggregate"), "{kind: spdx-headers}");
    assert_eq!(aggregate["status"], "pass", "{aggregate}");
    assert!(evidence_strings(&aggregate, "unused_texts").is_empty());
}

#[test]
fn an_outer_override_wins_over_a_nested_reuse_toml() {
    let repo = Repo::with_files(&[
        ("lib/a.rs", NO_HEADER),
        (
            "REUSE.toml",
            "version = 1\n\n[[annotations]]\npath = \"lib/**\"\nprecedence = \"override\"\nSPDX-License-Identifier = \"MIT\"\n",
        ),
        (
            "lib/REUSE.toml",
            "version = 1\n\n[[annotations]]\npath = \"*.rs\"\nSPDX-License-Identifier = \"Apache-2.0\"\n",
        ),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "pass", "{item}");
    // Without the override, the nested REUSE.toml decides.
    repo.write(
        "REUSE.toml",
        "version = 1\n\n[[annotations]]\npath = \"lib/**\"\nSPDX-License-Identifier = \"MIT\"\n",
    );
    repo.commit("closest");
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(evidence_strings(&item, "missing_texts"), ["Apache-2.0"]);
}

#[test]
fn dep5_annotations_count_too() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("assets/sound.ogg", "OggS\0\0"),
        (
            ".reuse/dep5",
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: assets/*\nCopyright: 2026 Example\nLicense: CC0-1.0\n",
        ),
        ("LICENSES/MIT.txt", LICENSE),
        ("LICENSES/CC0-1.0.txt", "CC0\n"),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(count(&item, "files"), 2);
}

#[test]
fn a_broken_reuse_toml_or_two_global_files_fail() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("REUSE.toml", "version = 2\n"),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        item["message"],
        "REUSE.toml cannot be read: 1:11: unsupported version 2 (this reader knows version 1)"
    );
    repo.write("REUSE.toml", "version = 1\n");
    repo.write(
        ".reuse/dep5",
        "Files: *\nCopyright: 2026 Example\nLicense: MIT\n",
    );
    repo.commit("both");
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "fail", "{item}");
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .starts_with("both REUSE.toml and .reuse/dep5 are present"),
        "{item}"
    );
}

#[test]
fn a_licence_without_its_text_fails_naming_it() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        (
            "src/lib.rs",
            "// SPDX-License-Identifier: GPL-3.0-or-later WITH GCC-exception-3.1\n",
        ),
        ("LICENSES/MIT.txt", LICENSE),
        (
            "LICENSES/GPL-3.0-or-later.txt",
            "GNU GENERAL PUBLIC LICENSE\n",
        ),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        item["message"],
        "2 of 2 files state their licence (100%, threshold 100%); LICENSES/ lacks the text of GCC-exception-3.1"
    );
    assert_eq!(
        evidence_strings(&item, "missing_texts"),
        ["GCC-exception-3.1"]
    );
}

#[test]
fn an_unused_licence_text_is_reported_without_failing() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("LICENSES/MIT.txt", LICENSE),
        ("LICENSES/GPL-3.0-only.txt", "GNU GENERAL PUBLIC LICENSE\n"),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        evidence_strings(&item, "unused_texts"),
        ["LICENSES/GPL-3.0-only.txt"]
    );
    assert_eq!(
        item["message"],
        "1 of 1 files state their licence (100%, threshold 100%); no file uses LICENSES/GPL-3.0-only.txt"
    );
}

#[test]
fn a_threshold_of_half_passes_a_half_covered_project() {
    let repo = Repo::with_files(&[
        ("src/a.rs", MIT_HEADER),
        ("src/b.rs", MIT_HEADER),
        ("src/c.rs", NO_HEADER),
        ("src/d.rs", NO_HEADER),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers, threshold: 50}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        item["message"],
        "2 of 4 files state their licence (50%, threshold 50%); without: src/c.rs, src/d.rs"
    );
    assert_eq!(item["evidence"]["threshold"], 50.0);
    let item = headers_item(&repo, "{kind: spdx-headers, threshold: 51}");
    assert_eq!(item["status"], "fail", "{item}");
}

#[test]
fn lockfiles_licence_files_and_dependencies_are_not_counted() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("Cargo.lock", "version = 4\n"),
        ("web/package-lock.json", "{}\n"),
        ("go.sum", "example.org/x v1.0.0 h1:abc=\n"),
        ("LICENSE", LICENSE),
        ("COPYING.LESSER", "GNU LESSER GENERAL PUBLIC LICENSE\n"),
        ("LICENSES/MIT.txt", LICENSE),
        ("vendor/dep/lib.rs", NO_HEADER),
        ("node_modules/x/index.js", "module.exports = 1;\n"),
        ("empty.txt", ""),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(count(&item, "files"), 1);
}

#[test]
fn symlinks_are_not_followed_nor_counted() {
    let repo = Repo::with_files(&[("src/main.rs", MIT_HEADER), ("LICENSES/MIT.txt", LICENSE)]);
    // A file outside the repository, with no header, and links to it and to a file inside.
    std::fs::write(repo.outside().join("secret.rs"), NO_HEADER).unwrap();
    std::os::unix::fs::symlink("../secret.rs", repo.path().join("outside.rs")).unwrap();
    std::os::unix::fs::symlink("src/main.rs", repo.path().join("inside.rs")).unwrap();
    std::os::unix::fs::symlink("nowhere.rs", repo.path().join("broken.rs")).unwrap();
    repo.commit("links");
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(count(&item, "files"), 1);
}

#[test]
fn ignore_globs_leave_files_out() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("src/generated/parser.rs", NO_HEADER),
        ("tests/fixtures/input.txt", "data\n"),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let item = headers_item(
        &repo,
        "{kind: spdx-headers, ignore: ['src/generated/**', 'tests/fixtures/**']}",
    );
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(count(&item, "files"), 1);
}

#[test]
fn copyright_can_be_required_too() {
    let repo = Repo::with_files(&[
        (
            "src/main.rs",
            "// SPDX-FileCopyrightText: 2026 Example\n// SPDX-License-Identifier: MIT\n",
        ),
        ("src/lib.rs", MIT_HEADER),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "pass", "{item}");
    let item = headers_item(&repo, "{kind: spdx-headers, copyright: true}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        item["message"],
        "1 of 2 files state their licence and copyright (50%, threshold 100%); without: src/lib.rs"
    );
    assert_eq!(item["evidence"]["copyright"], true);
}

#[test]
fn an_expression_that_does_not_parse_does_not_count() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("src/lib.rs", "// SPDX-License-Identifier: MIT OR\n"),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(evidence_strings(&item, "invalid"), ["src/lib.rs"]);
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .ends_with("; not an SPDX expression in src/lib.rs"),
        "{item}"
    );
}

#[test]
fn a_project_with_no_file_of_its_own_is_skipped() {
    let repo = Repo::with_files(&[("LICENSE", LICENSE), ("Cargo.lock", "version = 4\n")]);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "skip", "{item}");
}

#[test]
fn messages_are_in_french_too() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("src/util.rs", NO_HEADER),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let checklist = repo.write_checklist(
        "headers.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.headers",
            "optional",
            2,
            "{kind: spdx-headers}",
        )]),
    );
    let output = ospo_env(
        repo.path(),
        &["check", "--checklist", &checklist, "--format", "json"],
        &[("LANG", "fr_FR.UTF-8")],
    );
    let report = output.json();
    assert_eq!(
        item(&report, "legal.headers")["message"],
        "1 fichiers sur 2 indiquent leur licence (50 %, seuil 100 %) ; sans : src/util.rs"
    );
}

#[test]
fn bare_clone_and_worktree_agree() {
    let repo = Repo::with_files(&[
        ("src/main.rs", MIT_HEADER),
        ("src/util.rs", NO_HEADER),
        ("logo.png", "PNG\0"),
        ("logo.png.license", "SPDX-License-Identifier: MIT\n"),
        ("LICENSES/MIT.txt", LICENSE),
    ]);
    let worktree = headers_item(&repo, "{kind: spdx-headers}");
    let checklist = repo.write_checklist(
        "headers.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.headers",
            "optional",
            2,
            "{kind: spdx-headers}",
        )]),
    );
    let bare = repo.bare_clone();
    let (_, report) = repo.check_json(&checklist, &[bare.to_str().unwrap()]);
    assert_eq!(item(&report, "legal.headers"), &worktree);
    assert_eq!(count(&worktree, "files"), 3);
}

#[test]
fn a_sample_spreads_evenly_over_the_files() {
    // Thirty files in three directories; only those of `b/` lack a header.
    let mut files: Vec<(String, String)> = Vec::new();
    for dir in ["a", "b", "c"] {
        for n in 0..10 {
            let text = if dir == "b" { NO_HEADER } else { MIT_HEADER };
            files.push((format!("{dir}/f{n}.rs"), text.to_owned()));
        }
    }
    files.push(("LICENSES/MIT.txt".to_owned(), LICENSE.to_owned()));
    let repo = Repo::with_files(&files);
    let item = headers_item(&repo, "{kind: spdx-headers, sample: 6, threshold: 60}");
    // Every fifth file: a/f0, a/f5, b/f0, b/f5, c/f0, c/f5. No directory is left out.
    assert_eq!(count(&item, "files"), 6, "{item}");
    assert_eq!(count(&item, "licensed"), 4);
    assert_eq!(count(&item, "found"), 30);
    assert_eq!(item["evidence"]["sampled"], true);
    assert_eq!(evidence_strings(&item, "without"), ["b/f0.rs", "b/f5.rs"]);
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        item["message"],
        "4 of 6 files state their licence (66.6%, threshold 60%); without: b/f0.rs, b/f5.rs (in a sample of 6 of the 30 files, spread evenly)"
    );
    // Without a sample, every file is read.
    let item = headers_item(&repo, "{kind: spdx-headers, threshold: 60}");
    assert_eq!((count(&item, "files"), count(&item, "licensed")), (30, 20));
    assert_eq!(item["evidence"]["sampled"], false);
}

#[test]
fn bad_parameters_are_located() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let checklist = repo.write_checklist(
        "headers.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.headers",
            "optional",
            2,
            "{kind: spdx-headers, threshold: 1.5e2, ignore: ['ok/**', '[', '/abs']}",
        )]),
    );
    let output = repo.ospo(&["list", "--checklist", &checklist]);
    output.assert_error();
    // The threshold's problem points at its key, the globs' at each element.
    let lines: Vec<String> = output
        .stderr
        .lines()
        .skip(1)
        .map(|line| line.replace(&checklist, "FILE"))
        .collect();
    assert_eq!(
        lines,
        [
            "  FILE:12:33: item `legal.headers`: threshold 150 is not a percentage between 0 and 100",
            "  FILE:12:69: item `legal.headers`: invalid glob `[`: unclosed character class `[`",
            "  FILE:12:74: item `legal.headers`: `/abs` must be a path relative to the repository root",
        ],
        "{}",
        output.all()
    );
}

#[test]
fn a_submodule_checkout_is_not_the_project_s_own() {
    let repo = Repo::with_files(&[("src/main.rs", MIT_HEADER), ("LICENSES/MIT.txt", LICENSE)]);
    // A submodule's worktree: a `.git` file pointing into the superproject's git directory.
    repo.write("libs/dep/.git", "gitdir: ../../.git/modules/dep\n");
    repo.write("libs/dep/lib.rs", NO_HEADER);
    let item = headers_item(&repo, "{kind: spdx-headers}");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(count(&item, "files"), 1);
}

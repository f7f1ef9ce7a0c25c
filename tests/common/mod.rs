//! Test helpers shared by the integration tests: fixture repositories built with the `git`
//! CLI in a pinned environment (stable commit ids), small custom checklists, and a runner
//! for the `ospo` binary with a controlled locale.
//!
//! Every test file compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

/// Author and committer date of every fixture commit.
pub const DATE: &str = "2026-01-15T12:00:00Z";

/// Environment variables git reads that could point it at another repository.
const GIT_LOCATION_VARS: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_CEILING_DIRECTORIES",
    "GIT_NAMESPACE",
];

/// Applies the pinned git environment to a command.
fn pin_git_env(command: &mut Command) {
    for var in GIT_LOCATION_VARS {
        command.env_remove(var);
    }
    command
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Example Author")
        .env("GIT_AUTHOR_EMAIL", "author@example.org")
        .env("GIT_COMMITTER_NAME", "Example Committer")
        .env("GIT_COMMITTER_EMAIL", "committer@example.org")
        .env("GIT_AUTHOR_DATE", DATE)
        .env("GIT_COMMITTER_DATE", DATE)
        .env("GIT_TERMINAL_PROMPT", "0");
}

/// Runs `git ARGS` in `dir`, panicking with its output when it fails; returns stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let mut command = Command::new("git");
    command.args(args).current_dir(dir);
    pin_git_env(&mut command);
    let output = command.output().expect("git can be run");
    assert!(
        output.status.success(),
        "git {args:?} failed in {}:\n{}{}",
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("git prints UTF-8")
}

/// Writes `content` at `root/relative`, creating directories.
pub fn write_file(root: &Path, relative: &str, content: &str) {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create parent directories");
    }
    fs::write(&path, content).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// A fixture repository, `repo/` inside its own temporary directory. The temporary
/// directory also holds what must stay outside the repository: checklists, bare clones.
pub struct Repo {
    tmp: TempDir,
    root: PathBuf,
}

impl Repo {
    /// An empty repository (`git init -q -b main`), no commit.
    pub fn init() -> Repo {
        let tmp = tempfile::Builder::new()
            .prefix("ospo-test-")
            .tempdir()
            .expect("temporary directory");
        // Canonical, so that it compares equal to what ospo prints.
        let base = fs::canonicalize(tmp.path()).expect("canonical temporary directory");
        let root = base.join("repo");
        fs::create_dir(&root).expect("create repo directory");
        git(&root, &["init", "-q", "-b", "main"]);
        Repo { tmp, root }
    }

    /// A repository holding `files` (path, content) in one commit.
    pub fn with_files<P: AsRef<str>, C: AsRef<str>>(files: &[(P, C)]) -> Repo {
        let repo = Repo::init();
        repo.write_all(files);
        repo.commit("Initial commit");
        repo
    }

    /// The repository root (the worktree), canonical.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The root as text, as ospo prints it.
    pub fn path_str(&self) -> String {
        self.root.display().to_string()
    }

    /// The temporary directory around the repository (not part of it).
    pub fn outside(&self) -> PathBuf {
        self.root.parent().expect("repo has a parent").to_path_buf()
    }

    pub fn write(&self, relative: &str, content: &str) {
        write_file(&self.root, relative, content);
    }

    pub fn write_all<P: AsRef<str>, C: AsRef<str>>(&self, files: &[(P, C)]) {
        for (path, content) in files {
            self.write(path.as_ref(), content.as_ref());
        }
    }

    pub fn remove(&self, relative: &str) {
        fs::remove_file(self.root.join(relative)).expect("remove file");
    }

    /// `git add -A` and commit; returns the new commit id.
    pub fn commit(&self, message: &str) -> String {
        git(&self.root, &["add", "-A"]);
        git(
            &self.root,
            &["commit", "-q", "--allow-empty", "-m", message],
        );
        self.head()
    }

    pub fn head(&self) -> String {
        git(&self.root, &["rev-parse", "HEAD"]).trim().to_owned()
    }

    pub fn git(&self, args: &[&str]) -> String {
        git(&self.root, args)
    }

    /// `git clone -q --bare` of this repository, next to it; returns the bare path.
    pub fn bare_clone(&self) -> PathBuf {
        let target = self.outside().join("bare.git");
        git(
            &self.outside(),
            &[
                "clone",
                "-q",
                "--bare",
                self.root.to_str().expect("UTF-8 path"),
                "bare.git",
            ],
        );
        target
    }

    /// Writes a checklist outside the repository; returns its absolute path.
    pub fn write_checklist(&self, name: &str, yaml: &str) -> String {
        let path = self.outside().join(name);
        fs::write(&path, yaml).expect("write checklist");
        path.display().to_string()
    }

    /// Runs `ospo ARGS` in the repository root, locale cleared.
    pub fn ospo(&self, args: &[&str]) -> Output {
        ospo(&self.root, args)
    }

    /// `ospo check --checklist CHECKLIST --format json [EXTRA]` in the root; the report.
    pub fn check_json(&self, checklist: &str, extra: &[&str]) -> (Output, Value) {
        let mut args = vec!["check", "--checklist", checklist, "--format", "json"];
        args.extend_from_slice(extra);
        let output = self.ospo(&args);
        let report = output.json();
        (output, report)
    }
}

/// What a run of `ospo` gave.
#[derive(Debug, Clone)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Stdout parsed as JSON; panics with the whole output if it is not.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Both streams, for assertion messages.
    pub fn all(&self) -> String {
        format!(
            "exit code {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }

    /// Asserts the exit code, showing the output when it differs.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Output {
        assert_eq!(self.code, code, "unexpected exit code:\n{}", self.all());
        self
    }

    /// Asserts a usage-type failure: exit 2, nothing on stdout, one `error: …` line first
    /// on stderr and no panic text.
    #[track_caller]
    pub fn assert_error(&self) -> &Output {
        self.assert_code(2);
        assert!(
            self.stdout.is_empty(),
            "stdout should be empty:\n{}",
            self.all()
        );
        assert!(
            self.stderr.starts_with("error: "),
            "stderr should start with `error: `:\n{}",
            self.all()
        );
        assert_eq!(
            self.stderr
                .lines()
                .filter(|l| l.starts_with("error"))
                .count(),
            1,
            "exactly one error line expected:\n{}",
            self.all()
        );
        assert_no_panic(self);
        self
    }
}

#[track_caller]
pub fn assert_no_panic(output: &Output) {
    for text in [&output.stdout, &output.stderr] {
        assert!(
            !text.contains("panicked"),
            "panic text in output:\n{}",
            output.all()
        );
        assert!(
            !text.contains("RUST_BACKTRACE"),
            "backtrace hint in output:\n{}",
            output.all()
        );
        assert!(
            !text.contains("stack backtrace"),
            "backtrace in output:\n{}",
            output.all()
        );
    }
    assert_ne!(output.code, 101, "the process panicked:\n{}", output.all());
}

/// Runs `ospo ARGS` in `dir` with `LANG`, `LC_ALL`, `LC_MESSAGES` and `NO_COLOR` cleared.
pub fn ospo(dir: &Path, args: &[&str]) -> Output {
    ospo_env(dir, args, &[])
}

/// Runs `ospo ARGS` in `dir`, locale cleared, then `env` set.
pub fn ospo_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ospo"));
    command.args(args).current_dir(dir);
    for var in [
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANGUAGE",
        "NO_COLOR",
        "RUST_BACKTRACE",
        "RUST_LIB_BACKTRACE",
    ] {
        command.env_remove(var);
    }
    pin_git_env(&mut command);
    command.env("SOURCE_DATE_EPOCH", NOW_EPOCH);
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("ospo can be run");
    Output {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("ospo prints UTF-8 on stdout"),
        stderr: String::from_utf8(output.stderr).expect("ospo prints UTF-8 on stderr"),
    }
}

/// The item `id` of a JSON report.
#[track_caller]
pub fn item<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["items"]
        .as_array()
        .expect("report has items")
        .iter()
        .find(|item| item["id"] == id)
        .unwrap_or_else(|| panic!("no item {id} in report:\n{report:#}"))
}

/// The status of item `id` of a JSON report.
#[track_caller]
pub fn status<'a>(report: &'a Value, id: &str) -> &'a str {
    item(report, id)["status"]
        .as_str()
        .expect("status is a string")
}

/// The item ids a JSON list holds (`failed_required`, `questions`).
pub fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().expect("a string").to_owned())
        .collect()
}

// ── Custom checklists ──

/// One checklist item with generic texts; the stage is the id's prefix. `probe` is a YAML
/// flow mapping such as `{kind: file, names: [README*]}`.
pub fn item_yaml(id: &str, level: &str, weight: u32, probe: &str) -> String {
    let stage = id.split('.').next().expect("id has a stage");
    format!(
        "  - id: {id}\n    stage: {stage}\n    level: {level}\n    weight: {weight}\n    \
         title: {{en: \"Title of {id}\", fr: \"Titre de {id}\"}}\n    \
         why: {{en: \"Why {id} matters\", fr: \"Pourquoi {id} compte\"}}\n    \
         fix: {{en: \"How to fix {id}\", fr: \"Comment corriger {id}\"}}\n    \
         probe: {probe}\n"
    )
}

/// A whole checklist from items made by [`item_yaml`].
pub fn checklist_yaml(items: &[String]) -> String {
    let mut text = String::from(
        "id: test\ntitle: {en: \"Test checklist\", fr: \"Liste de test\"}\nversion: \"1.0\"\nitems:\n",
    );
    for item in items {
        text.push_str(item);
    }
    text
}

/// A checklist of one item with a `file` probe.
pub fn one_file_item(id: &str, probe: &str) -> String {
    checklist_yaml(&[item_yaml(id, "required", 1, probe)])
}

// ── The complete project ──

pub const README: &str = "\
# Example

Example is a small command-line tool that tidies up text files. It is written for people
who maintain documentation and want consistent formatting across many files.

## Installation

    cargo install example

## Usage

    example tidy docs/

## Documentation

The user guide is on the website: https://example.org/docs

## Community

Ask questions in GitHub Discussions: https://github.com/example/example/discussions
Report a bug in the issue tracker: https://github.com/example/example/issues

## Funding

Example is funded by donations through Open Collective: https://opencollective.com/example

## Licence

Example is licensed under the MIT licence; see LICENSE.
";

pub const LICENSE: &str = "\
MIT License

Copyright (c) 2026 Example contributors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the \"Software\"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
";

pub const CONTRIBUTING: &str = "\
# Contributing to Example

Thank you for helping! If this is your first contribution, look for issues labelled
\"good first issue\": they are small and come with pointers.

## Development setup

Install a recent Rust toolchain, then build and run the tests:

    cargo build
    cargo test

## Sign-off

Every commit must carry the Developer Certificate of Origin sign-off: use `git commit -s`.
";

/// Files that satisfy every item of the default checklist that ospo can probe.
pub fn complete_project_files() -> Vec<(String, String)> {
    let files: Vec<(&str, &str)> = vec![
        ("README.md", README),
        ("LICENSE", LICENSE),
        (
            "package-lock.json",
            r#"{"name": "example", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
  "packages": {
    "": {"name": "example", "version": "1.0.0", "license": "MIT"},
    "node_modules/kleur": {"version": "4.1.5", "license": "MIT"},
    "node_modules/sade": {"version": "1.8.1", "license": "MIT"}
  }}
"#,
        ),
        ("CONTRIBUTING.md", CONTRIBUTING),
        (
            "CODE_OF_CONDUCT.md",
            "# Code of conduct\n\nWe pledge to make participation in Example a harassment-free experience for everyone.\n\n\
             Report unacceptable behaviour to conduct@example.org; reports are handled confidentially.\n",
        ),
        (
            "GOVERNANCE.md",
            "# Governance\n\nExample is run by its maintainers, listed in MAINTAINERS.md. Decisions are taken by\n\
             lazy consensus on the issue tracker; a vote of the maintainers settles disagreements.\n",
        ),
        (
            "SECURITY.md",
            "# Security policy\n\nPlease report vulnerabilities privately to security@example.org.\n\
             We answer within five working days and publish an advisory once a fix is released.\n",
        ),
        (
            "SUPPORT.md",
            "# Support\n\nAsk questions in GitHub Discussions; commercial support is not offered.\n",
        ),
        (
            "MAINTAINERS.md",
            "# Maintainers\n\n- Example Maintainer <maintainer@example.org>\n",
        ),
        (
            "CHANGELOG.md",
            "# Changelog\n\n## 1.0.0 - 2026-01-15\n\n- First release.\n",
        ),
        (
            "ROADMAP.md",
            "# Roadmap\n\n- 1.1: configuration file.\n- 2.0: plugins.\n",
        ),
        (
            "SPONSORS.md",
            "# Sponsors\n\nThank you to everyone who supports Example.\n",
        ),
        ("NOTICE", "Example bundles no third-party components.\n"),
        (
            "DCO",
            "Developer Certificate of Origin, version 1.1: see https://developercertificate.org/ for the full text.\nBy signing off you certify the contribution is yours to give.\n",
        ),
        (
            "REUSE.toml",
            "version = 1\n\n[[annotations]]\npath = \"**\"\nSPDX-FileCopyrightText = \"2026 Example contributors\"\nSPDX-License-Identifier = \"MIT\"\n",
        ),
        ("LICENSES/MIT.txt", LICENSE),
        (
            "CITATION.cff",
            "cff-version: 1.2.0\ntitle: Example\nmessage: Please cite Example if you use it.\n",
        ),
        ("publiccode.yml", PUBLICCODE),
        (
            "Cargo.toml",
            "[package]\nname = \"example\"\nversion = \"1.0.0\"\nedition = \"2024\"\nlicense = \"MIT\"\n",
        ),
        (
            "src/main.rs",
            "// SPDX-License-Identifier: MIT\n\nfn main() {\n    println!(\"Example\");\n}\n",
        ),
        (
            "docs/architecture.md",
            "# Architecture\n\nExample reads each file, splits it into blocks, tidies every block with the rules in\n\
             src/rules, then writes the file back only when something changed. The command-line\n\
             layer lives in src/main.rs and holds no logic of its own.\n",
        ),
        (
            "docs/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n",
        ),
        (
            ".github/workflows/ci.yml",
            "name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: cargo test\n",
        ),
        (
            ".github/ISSUE_TEMPLATE/bug_report.md",
            "---\nname: Bug report\nabout: Something does not work\n---\n\nWhat did you do, what did you expect, what happened?\n",
        ),
        (
            ".github/PULL_REQUEST_TEMPLATE.md",
            "## What this changes\n\n- [ ] Tests added\n- [ ] Changelog updated\n",
        ),
        (".github/FUNDING.yml", "open_collective: example\n"),
        (".github/CODEOWNERS", "* @example/maintainers\n"),
    ];
    files
        .into_iter()
        .map(|(p, c)| match p {
            // The valid fixture, under the licence the project's files hold.
            "publiccode.yml" => (p.to_owned(), publiccode_under("MIT")),
            _ => (p.to_owned(), c.to_owned()),
        })
        .collect()
}

/// A valid `publiccode.yml` (standard 0.7).
pub const PUBLICCODE: &str = include_str!("../fixtures/publiccode/valid.yml");

/// The valid `publiccode.yml` with `legal.license` set to `licence`.
pub fn publiccode_under(licence: &str) -> String {
    PUBLICCODE
        .lines()
        .map(|line| match line.split_once("license:") {
            Some((indent, _)) if indent.trim().is_empty() => format!("{indent}license: {licence}"),
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The built-in default checklist, parsed from its source.
pub fn default_checklist() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/checklists/default.yaml");
    let text = fs::read_to_string(path).expect("default checklist is readable");
    serde_saphyr::from_str(&text).expect("default checklist parses")
}

/// The first line of `ospo list` for the default checklist, in English.
pub fn default_list_header() -> String {
    let doc = default_checklist();
    format!(
        "{} {} (builtin:default) — {} items",
        doc["title"]["en"].as_str().expect("title"),
        doc["version"].as_str().expect("version"),
        default_item_ids().len()
    )
}

/// The ids of the attested items of the built-in default checklist, read from its source.
pub fn default_attest_ids() -> Vec<String> {
    default_checklist()["items"]
        .as_array()
        .expect("default checklist has items")
        .iter()
        .filter(|item| item["probe"]["kind"] == "attest")
        .map(|item| item["id"].as_str().expect("item id").to_owned())
        .collect()
}

/// All the item ids of the built-in default checklist, read from its source.
pub fn default_item_ids() -> Vec<String> {
    default_checklist()["items"]
        .as_array()
        .expect("default checklist has items")
        .iter()
        .map(|item| item["id"].as_str().expect("item id").to_owned())
        .collect()
}

/// An `.ospo.yml` answering every attested item of the default checklist `yes`, with
/// evidence and a date.
pub fn complete_ospo_yml() -> String {
    let mut text = String::from("checklist: default\nanswers:\n");
    for id in default_attest_ids() {
        text.push_str(&format!(
            "  {id}:\n    answer: yes\n    evidence: https://example.org/evidence/{id}\n    date: 2026-01-15\n"
        ));
    }
    text
}

/// A committed repository with every file and answer the default checklist asks for.
pub fn complete_project() -> Repo {
    let mut files = complete_project_files();
    files.push((".ospo.yml".to_owned(), complete_ospo_yml()));
    let repo = Repo::with_files(&files);
    // A living history for the history items: twelve signed-off commits by two people
    // from two organisations, in the fortnight before NOW, the last one released.
    for day in 0..12 {
        let author = if day % 2 == 0 {
            "Alice <alice@one.example>"
        } else {
            "Bruno <bruno@two.example>"
        };
        let date = format!("2026-01-{:02}T12:00:00Z", 16 + day);
        repo.commit_by(
            author,
            &date,
            &format!("Change {day}\n\nSigned-off-by: {author}"),
        );
    }
    repo.git(&["tag", "v1.0.0"]);
    repo
}

/// The complete project without its licence (the file at the root and the copy REUSE
/// keeps under `LICENSES/`, which the licence item also accepts), its code of conduct and
/// its governance, removed in a signed-off commit: `legal.licence-file` (required),
/// `community.code-of-conduct` and `community.governance` (recommended) fail.
pub fn project_missing_three_files() -> Repo {
    let repo = complete_project();
    repo.remove_signed_off(&[
        "LICENSE",
        "LICENSES/MIT.txt",
        "CODE_OF_CONDUCT.md",
        "GOVERNANCE.md",
    ]);
    repo
}

/// The subject of [`Repo::commit_unsigned`]'s commit, for assertions.
pub const UNSIGNED: &str = "An unsigned change";

impl Repo {
    /// Removes files in a commit signed off by a newcomer, so that the history items of the
    /// complete project still hold and only the files' items change.
    pub fn remove_signed_off(&self, files: &[&str]) {
        for file in files {
            self.remove(file);
        }
        self.git(&["add", "-A"]);
        let author = "Carla <carla@three.example>";
        self.commit_by(
            author,
            "2026-01-30T12:00:00Z",
            &format!("Remove {}\n\nSigned-off-by: {author}", files.join(", ")),
        );
    }

    /// An empty commit without a sign-off, subject [`UNSIGNED`], after the complete
    /// project's history; returns the commit before it, the base of a change under review.
    pub fn commit_unsigned(&self) -> String {
        let base = self.head();
        self.commit_by("Dana <dana@four.example>", "2026-01-31T12:00:00Z", UNSIGNED);
        base
    }
}

/// The time ospo counts history windows back from in tests (`SOURCE_DATE_EPOCH`):
/// 2026-02-01T00:00:00Z, a fortnight after the fixtures' commits.
pub const NOW_EPOCH: &str = "1769904000";

/// A repository whose committed `.ospo.yml` names a checklist committed beside it.
pub fn repo_with_its_own_checklist() -> Repo {
    Repo::with_files(&[
        ("README.md", README),
        (".ospo.yml", "checklist: lists/custom.yaml\n"),
        (
            "lists/custom.yaml",
            &checklist_yaml(&[item_yaml(
                "needs.readme",
                "required",
                1,
                "{kind: file, names: [\"README*\"]}",
            )]),
        ),
    ])
}

impl Repo {
    /// Feeds `stream` to `git fast-import`: long histories in a fraction of a second.
    pub fn fast_import(&self, stream: &str) {
        use std::io::Write;
        let mut command = Command::new("git");
        command
            .args(["fast-import", "--quiet"])
            .current_dir(&self.root)
            .stdin(std::process::Stdio::piped());
        pin_git_env(&mut command);
        let mut child = command.spawn().expect("git can be run");
        child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(stream.as_bytes())
            .expect("fast-import reads its stream");
        let output = child.wait_with_output().expect("fast-import ends");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// An empty commit by `author` (`Name <email>`), authored and committed at `date`
    /// (ISO 8601), with `message`.
    pub fn commit_by(&self, author: &str, date: &str, message: &str) {
        let (name, email) = author.split_once(" <").expect("Name <email>");
        let email = email.trim_end_matches('>');
        let mut command = Command::new("git");
        command
            .args(["commit", "-q", "--allow-empty", "-m", message])
            .current_dir(&self.root);
        pin_git_env(&mut command);
        command
            .env("GIT_AUTHOR_NAME", name)
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_COMMITTER_NAME", name)
            .env("GIT_COMMITTER_EMAIL", email)
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
        let output = command.output().expect("git can be run");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The SPDX list's text of licence `id` (from the spdx crate).
pub fn spdx_text(id: &str) -> &'static str {
    spdx::text::LICENSE_TEXTS
        .iter()
        .find(|(name, _)| *name == id)
        .unwrap_or_else(|| panic!("no text for {id}"))
        .1
}

/// A licence text with the fields of its opening copyright line filled in, as a project
/// ships it (those of a "how to apply" appendix stay).
pub fn filled(text: &str) -> String {
    let placeholder = regex::Regex::new(r"<[^<>\n]{1,40}>|\[[^\[\]\n]{1,40}\]").unwrap();
    text.lines()
        .enumerate()
        .map(|(index, line)| {
            if index < 10 && line.trim_start().to_lowercase().starts_with("copyright") {
                placeholder
                    .replace_all(line, "2024 Jeanne Dupont")
                    .into_owned()
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Prose in French, long enough to be a licence's body rather than a notice.
pub const FRENCH_BODY: &str = "\
Avertissement

Ce contrat est une licence de logiciel libre dont l'objectif est de conférer aux
utilisateurs la liberté de modifier et de redistribuer le logiciel régi par cette licence
dans le cadre d'un modèle de diffusion en logiciel libre. L'exercice de ces libertés est
assorti de certains devoirs à la charge des utilisateurs afin de préserver ce statut au
cours des redistributions ultérieures. La mise à disposition du code source et les droits
de copie, de modification et de redistribution qui en découlent ont pour contrepartie de
n'offrir aux utilisateurs qu'une garantie limitée et de ne faire peser sur l'auteur du
logiciel, le titulaire des droits patrimoniaux et les concédants successifs qu'une
responsabilité restreinte. Le licencié est invité à porter son attention sur les risques
associés au chargement, à l'utilisation, à la modification et au développement du
logiciel par l'utilisateur, compte tenu de son statut de logiciel libre, qui peut le
rendre complexe à manipuler et qui le réserve donc à des développeurs et des
professionnels avertis possédant des connaissances informatiques approfondies. Les
utilisateurs sont donc invités à charger et tester l'adéquation du logiciel à leurs
besoins dans des conditions permettant d'assurer la sécurité de leurs systèmes et de
leurs données, et plus généralement à l'utiliser et à l'exploiter dans les mêmes
conditions de sécurité. Ce contrat peut être reproduit et diffusé librement, sous réserve
de le conserver en l'état, sans ajout ni suppression de clauses.
";

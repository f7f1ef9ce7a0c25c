//! Repositories made to hurt a reader: trees nested thousands of levels deep or naming one
//! subtree twice at every level, FIFOs and sparse files of gigabytes in place of the files
//! git and ospo read, damaged HEAD commits and trees, UTF-16 text. Each is checked by the
//! binary under a time limit and a 1 GiB heap (`ulimit -d`): a hang, a crash or an
//! unbounded read fails the test rather than the machine.
#![cfg(unix)]

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Longer than any of these runs takes in a debug build, by far.
const TIMEOUT: Duration = Duration::from_secs(30);
/// The heap a run may take, in KiB: the 1 GB the project allows.
const HEAP_KIB: u32 = 1024 * 1024;

/// `ospo ARGS` in `dir` as `common::ospo` runs it (locale cleared, git configuration and
/// dates pinned), with standard input from `stdin` (else nothing), its heap limited to
/// [`HEAP_KIB`], killed after [`TIMEOUT`].
fn ospo_bounded(dir: &Path, args: &[&str], stdin: Option<&Path>) -> Output {
    let streams = tempfile::tempdir().expect("a temporary directory");
    let (out, err) = (streams.path().join("out"), streams.path().join("err"));
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("ulimit -d {HEAP_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_ospo"))
        .args(args)
        .current_dir(dir)
        .stdin(match stdin {
            Some(path) => Stdio::from(fs::File::open(path).expect("stdin file")),
            None => Stdio::null(),
        })
        .stdout(fs::File::create(&out).expect("stdout file"))
        .stderr(fs::File::create(&err).expect("stderr file"));
    for var in [
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANGUAGE",
        "NO_COLOR",
        "RUST_BACKTRACE",
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR",
    ] {
        command.env_remove(var);
    }
    command
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("SOURCE_DATE_EPOCH", NOW_EPOCH);
    let mut child = command.spawn().expect("ospo can be run");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waited for") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "ospo {args:?} in {} hung: killed after {TIMEOUT:?}",
                dir.display()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let read = |path: &Path| String::from_utf8(fs::read(path).expect("read")).expect("UTF-8");
    let output = Output {
        code: status.code().unwrap_or(-1),
        stdout: read(&out),
        stderr: read(&err),
    };
    assert_no_panic(&output);
    output
}

/// Asserts a run that checked the repository: exit 0 or 1 (a report), nothing else.
#[track_caller]
fn assert_checked(output: &Output) {
    assert!(
        matches!(output.code, 0 | 1),
        "expected a report (exit 0 or 1):\n{}",
        output.all()
    );
}

/// Feeds `stream` to `git fast-import` in the repository `dir`.
fn fast_import(dir: &Path, stream: &[u8]) {
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(Stdio::piped())
        .spawn()
        .expect("git can be run");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(stream)
        .expect("fast-import reads its stream");
    assert!(child.wait().expect("fast-import ends").success());
}

/// A bare repository `name` next to the fixture's, whose one commit on `main` holds
/// `files` (path, content), made by `git fast-import` with no checkout.
fn bare_with(repo: &Repo, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let bare = repo.outside().join(name);
    fs::create_dir_all(&bare).expect("created");
    git(&bare, &["init", "-q", "--bare", "-b", "main"]);
    let mut stream =
        b"commit refs/heads/main\ncommitter A <a@example.org> 1768478400 +0000\ndata 2\nx\n"
            .to_vec();
    for (path, content) in files {
        stream.extend(format!("M 100644 inline {path}\ndata {}\n", content.len()).bytes());
        stream.extend_from_slice(content);
        stream.push(b'\n');
    }
    fast_import(&bare, &stream);
    bare
}

/// Makes a FIFO at `path`, in place of whatever was there.
fn mkfifo(path: &Path) {
    if path.is_dir() {
        fs::remove_dir_all(path).expect("removed");
    } else if fs::symlink_metadata(path).is_ok() {
        fs::remove_file(path).expect("removed");
    }
    fs::create_dir_all(path.parent().expect("a parent")).expect("created");
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// Makes `path` a sparse file of 2 GiB: no disk, but gigabytes to whoever reads it.
fn sparse(path: &Path) {
    let _ = fs::remove_file(path);
    fs::File::create(path)
        .and_then(|file| file.set_len(2 << 30))
        .expect("a sparse file");
}

/// The message of item `id` of a JSON report.
fn message<'a>(report: &'a serde_json::Value, id: &str) -> &'a str {
    item(report, id)["message"].as_str().expect("a message")
}

/// A checklist that counts contributors over the last year.
fn contributors_checklist(repo: &Repo) -> String {
    repo.write_checklist(
        "contributors.yaml",
        &checklist_yaml(&[item_yaml(
            "community.contributors",
            "recommended",
            1,
            "{kind: activity, metric: contributors, days: 365, min: 1}",
        )]),
    )
}

// ── Trees ──

#[test]
fn a_tree_nested_thousands_of_levels_deep_is_refused_past_the_limit_without_a_crash() {
    let repo = Repo::init();
    // 4,500 levels overflowed an audit worker's stack; 30,000 the main thread's.
    let deep = format!("{}/deep.rs", vec!["a"; 4_500].join("/"));
    let org = repo.outside().join("org");
    fs::create_dir(&org).expect("created");
    let bare = bare_with(
        &repo,
        "org/deep.git",
        &[
            ("README.md", b"# Deep\n"),
            (&deep, b"// SPDX-License-Identifier: MIT\n"),
        ],
    );

    let audit = ospo_bounded(&repo.outside(), &["audit", "org", "--format", "json"], None);
    assert_checked(&audit);

    let output = ospo_bounded(&bare, &["check", ".", "--format", "json"], None);
    assert_checked(&output);
    let report = output.json();
    assert_eq!(status(&report, "legal.spdx-headers"), "error");
    assert_eq!(
        message(&report, "legal.spdx-headers"),
        "cannot list the repository: a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/… nests \
         directories more than 1024 levels deep; ospo goes no deeper"
    );
    // What does not need the whole tree is still checked.
    assert_eq!(status(&report, "needs.readme"), "fail");
}

#[test]
fn a_tree_that_names_one_subtree_twice_at_every_level_is_listed_no_further_than_the_limit() {
    let repo = Repo::init();
    let bare = repo.outside().join("fan.git");
    fs::create_dir(&bare).expect("created");
    git(&bare, &["init", "-q", "--bare", "-b", "main"]);
    let mktree = |entries: &str| -> String {
        let mut child = Command::new("git")
            .arg("mktree")
            .current_dir(&bare)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("git can be run");
        child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(entries.as_bytes())
            .expect("written");
        let output = child.wait_with_output().expect("mktree ends");
        assert!(output.status.success());
        String::from_utf8(output.stdout)
            .expect("UTF-8")
            .trim()
            .to_owned()
    };
    let blob = {
        let mut child = Command::new("git")
            .args(["hash-object", "-w", "--stdin"])
            .current_dir(&bare)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("git can be run");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"hi\n")
            .expect("written");
        let output = child.wait_with_output().expect("ends");
        String::from_utf8(output.stdout)
            .expect("UTF-8")
            .trim()
            .to_owned()
    };
    // Two to the fortieth files: a walk that lists them all never ends.
    let mut tree = mktree(&format!("100644 blob {blob}\tfile\n"));
    for _ in 0..40 {
        tree = mktree(&format!("040000 tree {tree}\ta\n040000 tree {tree}\tb\n"));
    }
    let commit = git(&bare, &["commit-tree", &tree, "-m", "fan"]);
    git(&bare, &["update-ref", "refs/heads/main", commit.trim()]);

    let output = ospo_bounded(&bare, &["check", ".", "--format", "json"], None);
    assert_checked(&output);
    assert_eq!(
        message(&output.json(), "legal.spdx-headers"),
        "cannot list the repository: the repository holds more than 1000000 files and \
         directories; ospo lists no more"
    );
}

// ── FIFOs ──

#[test]
fn fifos_in_the_worktree_are_left_out_without_waiting() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let checklist = repo.write_checklist(
        "notes.yaml",
        &checklist_yaml(&[
            item_yaml(
                "community.contributors",
                "recommended",
                1,
                "{kind: activity, metric: contributors, days: 365, min: 1}",
            ),
            item_yaml(
                "needs.notes",
                "required",
                1,
                "{kind: file, names: [NOTES.md], places: [\".\"]}",
            ),
        ]),
    );
    // Untracked, so that ignore files are read.
    repo.write("NOTES.md", "notes\n");
    mkfifo(&repo.path().join(".mailmap"));
    mkfifo(&repo.path().join(".gitignore"));
    mkfifo(&repo.path().join(".git/info/exclude"));

    let output = ospo_bounded(
        repo.path(),
        &["check", "--checklist", &checklist, "--format", "json"],
        None,
    );
    output.assert_code(0);
    let report = output.json();
    assert_eq!(
        message(&report, "community.contributors"),
        "contributors 1 over the last 365 days (expected ≥ 1) (.mailmap left out: it is not a \
         regular file)"
    );
    assert_eq!(status(&report, "needs.notes"), "pass");
    let output = ospo_bounded(
        repo.path(),
        &[
            "check",
            "--checklist",
            &checklist,
            "--format",
            "json",
            "--lang",
            "fr",
        ],
        None,
    );
    assert_eq!(
        message(&output.json(), "community.contributors"),
        "contributors 1 sur les 365 derniers jours (attendu ≥ 1) (.mailmap ignoré : ce n'est \
         pas un fichier ordinaire)"
    );

    // One such repository among others does not hold up an audit.
    let org = repo.outside().join("org");
    for name in ["a", "b", "c"] {
        let dir = org.join(name);
        fs::create_dir_all(&dir).expect("created");
        git(&dir, &["init", "-q", "-b", "main"]);
        write_file(&dir, "README.md", README);
        git(&dir, &["add", "-A"]);
        git(&dir, &["commit", "-q", "-m", "Initial commit"]);
    }
    mkfifo(&org.join("b/.mailmap"));
    assert_checked(&ospo_bounded(&repo.outside(), &["audit", "org"], None));
}

#[test]
fn fifos_in_place_of_gits_own_files_are_errors_that_name_them() {
    for file in [
        "HEAD",
        "config",
        "index",
        "packed-refs",
        "shallow",
        "commondir",
        "refs/heads/main",
        "objects/info/alternates",
        "objects/info/commit-graph",
    ] {
        let repo = Repo::with_files(&[("README.md", README)]);
        repo.git(&["tag", "v1.0"]);
        repo.git(&["pack-refs", "--all"]);
        repo.git(&["commit", "-q", "--allow-empty", "-m", "Second"]);
        let path = repo.path().join(".git").join(file);
        mkfifo(&path);
        for extra in [&[][..], &["--rev", "HEAD"]] {
            let mut args = vec!["check"];
            args.extend_from_slice(extra);
            let output = ospo_bounded(repo.path(), &args, None);
            output.assert_error();
            assert_eq!(
                output.stderr,
                format!(
                    "error: {} is not a regular file; ospo does not open it\n",
                    path.display()
                ),
                "{file}"
            );
        }
    }
}

/// An audit does not wait on a FIFO in place of git's own files of one repository, even
/// for a jsonl audit, which reads each repository's configuration to plan its rows: that
/// repository is an error row naming the file, the others are checked.
#[test]
fn fifos_in_place_of_gits_own_files_are_error_rows_of_an_audit() {
    for file in ["HEAD", "config"] {
        let repo = Repo::with_files(&[("README.md", README)]);
        let org = repo.outside().join("org");
        for name in ["a", "b", "c"] {
            let dir = org.join(name);
            fs::create_dir_all(&dir).expect("created");
            git(&dir, &["init", "-q", "-b", "main"]);
            write_file(&dir, "README.md", README);
            git(&dir, &["add", "-A"]);
            git(&dir, &["commit", "-q", "-m", "Initial commit"]);
        }
        let fifo = org.join("b/.git").join(file);
        fs::remove_file(&fifo).expect("removed");
        mkfifo(&fifo);
        for format in ["terminal", "jsonl"] {
            let output = ospo_bounded(&repo.outside(), &["audit", "org", "--format", format], None);
            assert_eq!(output.code, 1, "{file}, {format}: {}", output.all());
            assert!(
                output.stdout.contains("is not a regular file"),
                "{file}, {format}: {}",
                output.all()
            );
        }
    }
}

/// A bare repository whose `HEAD` is a FIFO is found by an audit, and is an error row.
#[test]
fn a_bare_repository_with_a_fifo_head_is_an_error_row_not_left_out() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let org = repo.outside().join("org");
    fs::create_dir_all(&org).expect("created");
    for name in ["a.git", "b.git"] {
        git(
            &repo.outside(),
            &[
                "clone",
                "-q",
                "--bare",
                &repo.path_str(),
                &format!("org/{name}"),
            ],
        );
    }
    let head = org.join("b.git/HEAD");
    fs::remove_file(&head).expect("removed");
    mkfifo(&head);
    let output = ospo_bounded(&repo.outside(), &["audit", "org"], None);
    assert_eq!(output.code, 1, "{}", output.all());
    assert!(
        output.stdout.contains("2 repositories")
            && output.stdout.contains("1 could not be checked"),
        "{}",
        output.all()
    );
}

/// A revision resolves through loose refs gix reads whole: a FIFO among them is an error
/// naming it, for `--rev` and for `ospo dco`'s range, never a wait.
#[test]
fn fifos_among_the_refs_a_revision_may_name_are_errors() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let refs = repo.path().join(".git/refs");
    fs::create_dir_all(refs.join("remotes/origin")).expect("created");
    let upstream = refs.join("remotes/origin/HEAD");
    mkfifo(&upstream);
    for args in [
        &["dco"][..],
        &["dco", "HEAD~0..HEAD"],
        &["check", "--rev", "HEAD~0"],
    ] {
        let output = ospo_bounded(repo.path(), args, None);
        output.assert_error();
        assert_eq!(
            output.stderr,
            format!(
                "error: {} is not a regular file; ospo does not open it\n",
                upstream.display()
            ),
            "{args:?}"
        );
    }
}

// ── Files of gigabytes ──

#[test]
fn oversized_files_are_refused_or_left_out_before_they_are_read() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let checklist = contributors_checklist(&repo);
    let run = || {
        ospo_bounded(
            repo.path(),
            &["check", "--checklist", &checklist, "--format", "json"],
            None,
        )
    };

    // Left out: what the worktree holds.
    sparse(&repo.path().join(".mailmap"));
    sparse(&repo.path().join(".gitignore"));
    sparse(&repo.path().join(".git/info/exclude"));
    repo.write("untracked.md", "x\n");
    let output = run();
    output.assert_code(0);
    assert_eq!(
        message(&output.json(), "community.contributors"),
        "contributors 1 over the last 365 days (expected ≥ 1) (.mailmap left out: it is \
         2147483648 bytes, more than the 16777216 bytes ospo reads)"
    );
    for file in [".mailmap", ".gitignore", ".git/info/exclude"] {
        fs::remove_file(repo.path().join(file)).expect("removed");
    }

    // Refused: git's own files, which a check cannot do without.
    for (file, limit) in [
        ("index", 128 << 20),
        ("packed-refs", 64 << 20),
        ("config", 1 << 20),
        ("HEAD", 64 << 10),
    ] {
        let path = repo.path().join(".git").join(file);
        let kept = fs::read(&path).ok();
        sparse(&path);
        let output = run();
        output.assert_error();
        assert_eq!(
            output.stderr,
            format!(
                "error: {} is 2147483648 bytes, more than the {limit} bytes ospo reads\n",
                path.display()
            )
        );
        match kept {
            Some(bytes) => fs::write(&path, bytes).expect("restored"),
            None => fs::remove_file(&path).expect("removed"),
        }
    }
    run().assert_code(0);
}

#[test]
fn a_mailmap_blob_over_the_cap_is_left_out_in_a_bare_repository() {
    let repo = Repo::init();
    let checklist = contributors_checklist(&repo);
    let mailmap = vec![b'#'; (16 << 20) + 1];
    let bare = bare_with(&repo, "big.git", &[(".mailmap", &mailmap)]);
    let output = ospo_bounded(
        &bare,
        &["check", "--checklist", &checklist, "--format", "json"],
        None,
    );
    output.assert_code(0);
    assert_eq!(
        message(&output.json(), "community.contributors"),
        "contributors 1 over the last 365 days (expected ≥ 1) (.mailmap left out: it is \
         16777217 bytes, more than the 16777216 bytes ospo reads)"
    );
}

#[test]
fn audit_from_reads_a_regular_file_or_a_pipe_and_no_more_than_16_mib() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let output = ospo_bounded(repo.path(), &["audit", "--from", "/dev/zero"], None);
    output.assert_error();
    assert_eq!(
        output.stderr,
        "error: cannot read /dev/zero: not a regular file or a pipe\n"
    );

    let long = repo.outside().join("paths.txt");
    fs::write(&long, "\n".repeat((16 << 20) + 1)).expect("written");
    for from in [long.to_str().expect("UTF-8"), "-"] {
        let output = ospo_bounded(repo.path(), &["audit", "--from", from], Some(&long));
        output.assert_error();
        let shown = if from == "-" { "standard input" } else { from };
        assert_eq!(
            output.stderr,
            format!(
                "error: cannot read {shown}: it holds more than 16 MiB, where a path a line is \
                 expected\n"
            )
        );
    }

    let paths = repo.outside().join("one.txt");
    fs::write(&paths, format!("# the repository\n{}\n", repo.path_str())).expect("written");
    assert_checked(&ospo_bounded(
        &repo.outside(),
        &["audit", "--from", "-"],
        Some(&paths),
    ));
}

// ── Damaged objects ──

/// The loose file of object `id` in `git_dir`, made writable.
fn loose_object(git_dir: &Path, id: &str) -> PathBuf {
    let path = git_dir.join("objects").join(&id[..2]).join(&id[2..]);
    let mut permissions = fs::metadata(&path).expect("a loose object").permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    fs::set_permissions(&path, permissions).expect("made writable");
    path
}

#[test]
fn a_missing_head_commit_is_an_error_not_an_empty_history() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let head = repo.head();
    // A bare copy, loose objects and all (a clone would pack them).
    let bare = repo.outside().join("bare.git");
    let status = Command::new("cp")
        .args(["-r", ".git"])
        .arg(&bare)
        .current_dir(repo.path())
        .status()
        .expect("cp runs");
    assert!(status.success());
    git(&bare, &["config", "core.bare", "true"]);
    for git_dir in [repo.path().join(".git"), bare.clone()] {
        fs::remove_file(loose_object(&git_dir, &head)).expect("removed");
    }

    let expected = |root: &Path| {
        format!(
            "error: cannot read HEAD of the repository at {}: object {head} is missing\n",
            root.display()
        )
    };
    for args in [
        &["check"][..],
        &["check", "--rev", "HEAD"],
        &["dco", "HEAD"],
    ] {
        let output = ospo_bounded(repo.path(), args, None);
        output.assert_error();
        assert_eq!(output.stderr, expected(repo.path()), "{args:?}");
    }
    let output = ospo_bounded(&bare, &["check"], None);
    output.assert_error();
    assert_eq!(output.stderr, expected(&bare));
}

#[test]
fn a_damaged_tree_is_named_as_what_cannot_be_read() {
    let repo = Repo::with_files(&[("README.md", README), ("docs/guide.md", "# Guide\n")]);
    let head = repo.head();
    let root = repo.git(&["rev-parse", "HEAD^{tree}"]).trim().to_owned();
    let docs = repo.git(&["rev-parse", "HEAD:docs"]).trim().to_owned();
    let checklist = repo.write_checklist(
        "guide.yaml",
        &one_file_item(
            "needs.guide",
            "{kind: file, names: [guide.md], places: [docs]}",
        ),
    );
    let git_dir = repo.path().join(".git");

    fs::write(loose_object(&git_dir, &docs), b"not zlib at all").expect("written");
    let output = ospo_bounded(
        repo.path(),
        &[
            "check",
            "--rev",
            "HEAD",
            "--checklist",
            &checklist,
            "--format",
            "json",
        ],
        None,
    );
    assert_checked(&output);
    assert_eq!(
        message(&output.json(), "needs.guide"),
        format!(
            "cannot list files: cannot read the tree of docs/: loose object {docs}: Could \
             not decode zip stream"
        )
        .as_str()
    );

    fs::write(loose_object(&git_dir, &root), b"not zlib at all").expect("written");
    let output = ospo_bounded(repo.path(), &["check", "--rev", "HEAD"], None);
    output.assert_error();
    assert!(
        output.stderr.starts_with(&format!(
            "error: cannot read HEAD of the repository at {}: loose object {root}:",
            repo.path().display()
        )),
        "{}",
        output.all()
    );
    assert!(!output.stderr.contains(".ospo.yml"), "{}", output.all());
    assert_ne!(head, root);
}

// ── Text ──

/// `text` in UTF-16 with its byte order mark.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_and_byte_order_marked_text_is_read_as_text() {
    let repo = Repo::init();
    fs::write(repo.path().join("LICENSE"), utf16(LICENSE, true)).expect("written");
    fs::write(repo.path().join("README.md"), utf16(README, false)).expect("written");
    let contributing = [&[0xEF, 0xBB, 0xBF][..], CONTRIBUTING.as_bytes()].concat();
    fs::write(repo.path().join("CONTRIBUTING.md"), contributing).expect("written");
    fs::create_dir(repo.path().join("src")).expect("created");
    let source = "// SPDX-License-Identifier: MIT\nfn main() {}\n";
    fs::write(repo.path().join("src/main.rs"), utf16(source, true)).expect("written");
    repo.commit("Text from Windows editors");

    for view in [&[][..], &["--rev", "HEAD"]] {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(view);
        let output = ospo_bounded(repo.path(), &args, None);
        assert_checked(&output);
        let report = output.json();
        assert_eq!(
            message(&report, "legal.recognised-licence"),
            "MIT, recognised"
        );
        assert_eq!(status(&report, "needs.readme-install"), "pass");
        assert_eq!(status(&report, "needs.readme-usage"), "pass");
        assert_eq!(
            message(&report, "legal.spdx-headers"),
            "1 of 3 files state their licence (33.3%, threshold 90%); LICENSES/ lacks the \
             text of MIT; without: CONTRIBUTING.md, README.md"
        );
    }
}

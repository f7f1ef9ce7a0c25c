//! Hostile repositories and inputs against the outputs (issue 19): text from a repository
//! reaches no terminal raw in any subcommand or format; an audit counts the directories
//! it cannot read; `--output` refuses one file named twice; `audit merge` takes only the
//! complete shards of one audit; `--jobs` starts no more workers than repositories; an
//! answer's date is a day of the calendar.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;
use tempfile::TempDir;

// ── Control characters ──

/// The characters a terminal acts on, or that reorder the text around them: the control
/// characters, the bidirectional formatting ones and the Unicode line separators. Written
/// here apart from ospo's own list, for the tests to check it.
fn acts_on_a_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
        )
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Asserts that `text` holds no such character raw but those of `allowed`.
#[track_caller]
fn assert_nothing_raw(what: &str, text: &str, allowed: &[char]) {
    let raw: Vec<char> = text
        .chars()
        .filter(|c| acts_on_a_terminal(*c) && !allowed.contains(c))
        .collect();
    assert!(
        raw.is_empty(),
        "{what}: raw {raw:?} in\n{}",
        text.escape_debug()
    );
}

/// A text with ospo's own colours (SGR sequences, `ESC [ … m`) taken out.
fn without_colours(text: &str) -> String {
    regex::Regex::new("\u{1b}\\[[0-9;]*m")
        .unwrap()
        .replace_all(text, "")
        .into_owned()
}

/// What a hostile repository puts before a terminal: a README whose lines clear the
/// screen, retitle the window and fake a verdict, with a C1 CSI and a right-to-left
/// override; a licence file whose name turns the text red; a waiver reason, an answer's
/// item id, a FUNDING.yml key and a declared licence holding escape sequences.
fn hostile_files() -> Vec<(String, String)> {
    vec![
        (
            "README.md".to_owned(),
            "# Demo \u{1b}]0;PWNED-TITLE\u{7}\n\n## Install \u{1b}[2J\u{1b}[H\u{1b}[32mALL CHECKS PASSED\u{1b}[0m \u{9b}31m \u{202e}desrever\n\nRun it.\n".to_owned(),
        ),
        ("LICENSE\u{1b}[31m".to_owned(), spdx_text("MIT").to_owned()),
        (
            ".ospo.yml".to_owned(),
            "waivers:\n  needs.contributing: \"\\e[2J\\e]0;PWN\\a waived \\u009b\"\nanswers:\n  \"evil\\e]8;;https://example.org\\a.id\": {answer: yes}\n".to_owned(),
        ),
        (
            "FUNDING.yml".to_owned(),
            "\"github\\e]0;PWN\\a\": someone\nliberapay: \"x\\e[2J\"\n".to_owned(),
        ),
        (
            "Cargo.toml".to_owned(),
            "[package]\nname = \"demo\"\nversion = \"1.0.0\"\nlicense = \"MIT\\u001b[2J\"\n"
                .to_owned(),
        ),
    ]
}

fn hostile_repo() -> Repo {
    Repo::with_files(&hostile_files())
}

#[test]
fn the_terminal_report_writes_the_repositorys_control_characters_as_escapes() {
    let repo = hostile_repo();
    for args in [
        vec!["check"],
        vec!["check", "--all"],
        vec!["check", "--all", "--lang", "fr"],
        vec!["check", "--all", "--color", "always"],
    ] {
        let output = repo.ospo(&args);
        output.assert_code(1);
        let shown = without_colours(&output.stdout);
        assert_nothing_raw(&format!("{args:?}"), &shown, &['\n']);
        assert_nothing_raw(&format!("{args:?} stderr"), &output.stderr, &['\n']);
        // Shown, escaped: the reader sees what the repository holds.
        assert!(shown.contains("\\e[2J\\e]0;PWN\\u{7} waived"), "{shown}");
        assert!(
            shown.contains("evil\\e]8;;https://example.org\\u{7}.id"),
            "{shown}"
        );
    }
    let all = repo.ospo(&["check", "--all"]).stdout;
    assert!(all.contains("LICENSE\\e[31m"), "{all}");
    assert!(all.contains("\\e[2J\\e[H\\e[32mALL CHECKS PASSED"), "{all}");
}

#[test]
fn every_format_keeps_the_repositorys_control_characters_out_of_its_bytes() {
    let repo = hostile_repo();
    for format in [
        "json", "sarif", "junit", "github", "gitlab", "markdown", "terminal",
    ] {
        let output = repo.ospo(&["check", "--format", format, "--all"]);
        output.assert_code(1);
        assert_nothing_raw(format, &output.stdout, &['\n']);
    }
    // The JSON formats escape, and read back as the very text.
    let report = repo.ospo(&["check", "--format", "json"]).json();
    let waiver = &report["waivers"][0]["reason"];
    assert_eq!(waiver, "\u{1b}[2J\u{1b}]0;PWN\u{7} waived \u{9b}");
    let install = item(&report, "needs.readme-install")["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(install.contains("\u{9b}31m \u{202e}desrever"), "{install}");
}

/// An organisation of one hostile repository, its directory's name hostile too.
fn hostile_org() -> (Repo, PathBuf) {
    let repo = hostile_repo();
    let org = repo.outside().join("org");
    std::fs::create_dir(&org).unwrap();
    let target = org.join("evil\u{1b}]0;PWN\u{7}\u{202e}");
    git(
        &org,
        &[
            "clone",
            "-q",
            repo.path().to_str().unwrap(),
            target.to_str().unwrap(),
        ],
    );
    (repo, org)
}

#[test]
fn every_audit_format_keeps_the_repositorys_control_characters_out_of_its_bytes() {
    let (_repo, org) = hostile_org();
    let root = org.to_str().unwrap();
    for format in ["terminal", "json", "jsonl", "csv", "html"] {
        let output = ospo(&org, &["audit", root, "--format", format]);
        output.assert_code(1);
        // CSV ends its records with CRLF.
        assert_nothing_raw(format, &output.stdout, &['\n', '\r']);
    }
    let terminal = ospo(&org, &["audit", root]).stdout;
    assert!(terminal.contains("evil\\e]0;PWN"), "{terminal}");
}

#[test]
fn publiccode_list_explain_and_errors_escape_what_they_quote() {
    let repo = Repo::with_files(&[(
        "publiccode.yml",
        "publiccodeYmlVersion: \"0.4\"\n\"evil\\e]0;PWN\\a\": 1\nname: \"x\\e[2J\"\n",
    )]);
    for format in ["terminal", "github", "json"] {
        let output = repo.ospo(&["publiccode", "--format", format]);
        output.assert_code(1);
        assert_nothing_raw(format, &output.stdout, &['\n']);
    }
    let shown = repo.ospo(&["publiccode"]).stdout;
    assert!(shown.contains("evil\\e]0;PWN\\u{7}"), "{shown}");

    // A checklist's texts, a project's own one for instance.
    let checklist = repo.write_checklist(
        "evil.yaml",
        "id: evil\ntitle: {en: \"Evil \\e]0;PWN\\a\", fr: \"x\"}\nversion: \"1\\e[2J\"\nitems:\n  - id: needs.readme\n    stage: needs\n    level: required\n    weight: 1\n    title: {en: \"Readme \\e[31m red\", fr: \"x\"}\n    why: {en: \"first \\e[2J\\nsecond\", fr: \"x\"}\n    fix: {en: \"f\", fr: \"f\"}\n    probe: {kind: file, names: [\"README*\"]}\n",
    );
    for args in [
        vec!["list", "--checklist", &checklist],
        vec!["explain", "needs.readme", "--checklist", &checklist],
    ] {
        let output = repo.ospo(&args);
        output.assert_code(0);
        assert_nothing_raw(&format!("{args:?}"), &output.stdout, &['\n']);
        assert!(output.stdout.contains("\\e[31m red"), "{}", output.stdout);
    }

    // An error quoting the repository's text.
    let broken = Repo::with_files(&[(
        ".ospo.yml",
        "answers:\n  \"evil\\e]0;PWN\\a\": {answer: maybe}\n",
    )]);
    let output = broken.ospo(&["check"]);
    output.assert_error();
    assert_nothing_raw("error", &output.stderr, &['\n']);
    assert!(
        output.stderr.contains("evil\\e]0;PWN\\u{7}"),
        "{}",
        output.all()
    );
}

// ── Unreadable directories ──

/// `ospo ARGS` in `dir` as a user a mode of 000 keeps out: this one, unless it is root,
/// for whom no directory is unreadable; then the unprivileged `nobody` through `setpriv`.
/// `None` when root has no `setpriv`.
fn ospo_unprivileged(dir: &Path, args: &[&str], privileged: bool) -> Option<Output> {
    let binary = env!("CARGO_BIN_EXE_ospo");
    let mut command = if privileged {
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"]
            .into_iter()
            .find(|path| Path::new(path).exists())?;
        let mut command = Command::new(setpriv);
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", binary]);
        command
    } else {
        Command::new(binary)
    };
    command.args(args).current_dir(dir);
    for var in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "NO_COLOR"] {
        command.env_remove(var);
    }
    command
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("SOURCE_DATE_EPOCH", "1768478400");
    let output = command.output().expect("ospo can be run");
    Some(Output {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    })
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `git init` and one commit of a README in `dir`.
fn small_repo(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    git(dir, &["init", "-q", "-b", "main"]);
    write_file(dir, "README.md", "# Small\n\nA small project.\n");
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "Initial commit"]);
}

#[test]
fn an_unreadable_directory_is_an_error_row_and_an_unreadable_root_an_error() {
    let tmp = TempDir::new().unwrap();
    let base = std::fs::canonicalize(tmp.path()).unwrap();
    set_mode(&base, 0o755);
    let org = base.join("org");
    small_repo(&org.join("visible"));
    small_repo(&org.join("locked/hidden"));
    let locked = org.join("locked");
    set_mode(&locked, 0o000);
    let privileged = std::fs::read_dir(&locked).is_ok();
    let run = |args: &[&str]| ospo_unprivileged(&base, args, privileged);
    let org_text = org.to_str().unwrap();
    let Some(jsonl) = run(&["audit", org_text, "--format", "jsonl"]) else {
        set_mode(&locked, 0o755);
        eprintln!("skipped: running as root, without setpriv to drop the privilege");
        return;
    };
    let terminal = run(&["audit", org_text]).unwrap();
    let csv = run(&["audit", org_text, "--format", "csv"]).unwrap();
    let root = run(&["audit", locked.to_str().unwrap()]).unwrap();
    set_mode(&locked, 0o755);

    jsonl.assert_code(1);
    let lines: Vec<Value> = jsonl
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{}", jsonl.all());
    assert_eq!(lines[0]["error"]["path"], locked.to_str().unwrap());
    let message = lines[0]["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("cannot read this directory: ")
            && message.ends_with("; the repositories it may hold are not audited"),
        "{message}"
    );
    assert_eq!(lines[2]["summary"]["repositories"], 2);
    assert_eq!(lines[2]["summary"]["errors"], 1);

    terminal.assert_code(1);
    let head = terminal.stdout.lines().next().unwrap_or_default();
    assert!(
        head.contains("2 repositories") && head.ends_with("1 could not be checked"),
        "{}",
        terminal.all()
    );
    assert!(
        csv.stdout
            .contains(&format!("{},error,cannot read", locked.display())),
        "{}",
        csv.all()
    );

    root.assert_error();
    assert!(
        root.stderr
            .starts_with(&format!("error: cannot read {}: ", locked.display())),
        "{}",
        root.all()
    );
}

// ── One file named twice ──

#[test]
fn one_file_named_twice_by_another_spelling_is_a_usage_error() {
    let repo = Repo::with_files(&[("README.md", "# Small\n")]);
    let dir = repo.path();
    let absolute = dir.join("a.json");
    std::os::unix::fs::symlink("b.json", dir.join("link")).unwrap();
    std::fs::write(dir.join("d.json"), "").unwrap();
    std::fs::hard_link(dir.join("d.json"), dir.join("e.json")).unwrap();
    for (first, second) in [
        ("a.json", absolute.to_str().unwrap()),
        ("b.json", "link"),
        ("c.json", "./c.json"),
        ("d.json", "e.json"),
    ] {
        let output = repo.ospo(&[
            "check", "--format", "json", "--output", first, "--format", "sarif", "--output", second,
        ]);
        output.assert_error();
        assert!(
            output.stderr.contains(&format!(
                "--output {first} and --output {second} are the same file"
            )),
            "{}",
            output.all()
        );
        assert!(!dir.join(first).exists() || first == "d.json");
    }
    // Two files are two files.
    std::fs::create_dir(dir.join("sub")).unwrap();
    let output = repo.ospo(&[
        "check",
        "--format",
        "json",
        "--output",
        "x.json",
        "--format",
        "sarif",
        "--output",
        "sub/../y.sarif",
    ]);
    output.assert_code(1);
    assert!(dir.join("x.json").exists() && dir.join("y.sarif").exists());
}

// ── Merging shards ──

/// An organisation of four small repositories.
fn small_org() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let org = std::fs::canonicalize(tmp.path()).unwrap().join("org");
    for name in ["r1", "r2", "r3", "r4"] {
        small_repo(&org.join(name));
    }
    (tmp, org)
}

#[test]
fn merge_takes_only_the_complete_shards_of_one_audit() {
    let (_tmp, org) = small_org();
    let base = org.parent().unwrap().to_path_buf();
    let audit = |extra: &[&str]| {
        let mut args = vec!["audit", "org", "--format", "jsonl"];
        args.extend_from_slice(extra);
        ospo(&base, &args).stdout
    };
    let write = |name: &str, text: &str| {
        std::fs::write(base.join(name), text).unwrap();
        name.to_owned()
    };
    let whole = write("whole.jsonl", &audit(&[]));
    let one = write("one.jsonl", &audit(&["--shard", "1/2"]));
    let two = write("two.jsonl", &audit(&["--shard", "2/2"]));
    let merge = |files: &[&str]| {
        let mut args = vec!["audit", "merge"];
        args.extend_from_slice(files);
        args.extend(["--format", "jsonl"]);
        ospo(&base, &args)
    };

    // The shards of one audit merge to the bytes of one run; so does the run alone.
    let merged = merge(&[&one, &two]);
    merged.assert_code(1);
    let whole_text = std::fs::read_to_string(base.join(&whole)).unwrap();
    assert_eq!(merged.stdout, whole_text);
    assert_eq!(merge(&[&whole]).stdout, whole_text);
    let end: Value = serde_json::from_str(whole_text.lines().last().unwrap()).unwrap();
    assert_eq!(end["run"]["shard"], Value::Null);
    assert_eq!(end["run"]["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(end["run"]["checklist"]["id"], "default");

    // The first row of the whole run, changed by `change`, in a file of its own.
    let tampered = |name: &str, change: &dyn Fn(&mut Value)| {
        let mut lines: Vec<String> = whole_text.lines().map(str::to_owned).collect();
        let mut row: Value = serde_json::from_str(&lines[0]).unwrap();
        change(&mut row);
        lines[0] = row.to_string();
        write(name, &(lines.join("\n") + "\n"))
    };
    let huge = tampered("huge.jsonl", &|row| row["report"]["score"] = 1e308.into());
    let counts = tampered("counts.jsonl", &|row| {
        row["report"]["counts"]["pass"] = 40.into();
    });
    let verdict = tampered("verdict.jsonl", &|row| {
        row["report"]["verdict"] = "pass".into()
    });
    let empty = write("empty.jsonl", "");
    let cut = write(
        "cut.jsonl",
        &whole_text
            .lines()
            .take(2)
            .map(|line| format!("{line}\n"))
            .collect::<String>(),
    );
    let strict = write(
        "strict.jsonl",
        &audit(&["--shard", "2/2", "--fail-on", "any"]),
    );
    let third = write("third.jsonl", &audit(&["--shard", "2/3"]));
    for (files, message) in [
        (vec![&one], "shard 2/2 of the audit is missing"),
        (vec![&two], "shard 1/2 of the audit is missing"),
        (
            vec![&empty],
            "empty.jsonl does not end with the summary of its audit",
        ),
        (
            vec![&cut],
            "cut.jsonl does not end with the summary of its audit",
        ),
        (vec![&huge], "its `score` 1e+308 is not a percentage"),
        (vec![&counts], "its `counts` is {\"pass\":40"),
        (
            vec![&verdict],
            "its `verdict` is \"pass\", its items give \"fail\"",
        ),
        (
            vec![&one, &strict],
            "strict.jsonl is not a part of the audit one.jsonl is: its `fail_on` is \"any\"",
        ),
        (vec![&one, &third], "shard 2/3 and one.jsonl shard 1/2"),
        (vec![&one, &one], "is in more than one of the files"),
        (vec![&whole, &empty], "empty.jsonl does not end"),
    ] {
        let files: Vec<&str> = files.iter().map(|file| file.as_str()).collect();
        let output = merge(&files);
        output.assert_error();
        assert!(
            output.stderr.contains(message),
            "{files:?}: {message}\n{}",
            output.all()
        );
    }
}

// ── Jobs ──

#[test]
fn jobs_beyond_the_repositories_start_no_more_workers() {
    let tmp = TempDir::new().unwrap();
    let org = tmp.path().join("org");
    for name in ["r1", "r2", "r3"] {
        small_repo(&org.join(name));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_ospo"))
        .args(["audit", "org", "--jobs", "65535", "--format", "json"])
        .args(["--output", "audit.json"])
        .current_dir(tmp.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Three workers check three small repositories in a fraction of a second; 65,535
    // threads took minutes.
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`--jobs 65535` for three repositories still runs after 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(1));
    let audit: Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("audit.json")).unwrap()).unwrap();
    assert_eq!(audit["summary"]["repositories"], 3);
}

// ── Dates ──

#[test]
fn answer_dates_are_days_of_the_calendar() {
    let id = default_attest_ids().remove(0);
    for (date, message) in [
        (
            "2026-02-30",
            "is not a day of the calendar: month 02 of 2026 has 28 days",
        ),
        ("2025-04-31", "month 04 of 2025 has 30 days"),
        ("0000-01-01", "is not a year from 1970 to 9999"),
        ("1969-12-31", "is not a year from 1970 to 9999"),
    ] {
        let repo = Repo::with_files(&[(
            ".ospo.yml",
            format!(
                "answers:\n  {id}:\n    answer: yes\n    evidence: https://example.org/x\n    date: {date}\n"
            ),
        )]);
        let output = repo.ospo(&["check"]);
        output.assert_error();
        assert!(
            output.stderr.contains(".ospo.yml:5:5: ") && output.stderr.contains(message),
            "{date}: {}",
            output.all()
        );
    }
    let leap = Repo::with_files(&[(
        ".ospo.yml",
        format!(
            "answers:\n  {id}:\n    answer: yes\n    evidence: https://example.org/x\n    date: 2024-02-29\n"
        ),
    )]);
    leap.ospo(&["check"]).assert_code(1);
}

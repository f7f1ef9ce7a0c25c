//! `ospo dco` on hostile changes: long ones, remediation lines by the thousand, ranges
//! written every way git reads them, tags on either side, patterns that would let every
//! commit through. Fixtures are built with `git fast-import` (pinned dates and names);
//! ranges are checked against `git rev-list` itself.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

/// The first commit of every fixture history; each next one an hour later.
const EPOCH: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z

/// One commit of a fast-import stream: `parents` are marks, the first the one it follows.
fn commit(
    stream: &mut String,
    branch: &str,
    mark: usize,
    hour: i64,
    parents: &[usize],
    body: &str,
) {
    let time = EPOCH + 3_600 * hour;
    let message = format!("Change {mark}\n\n{body}");
    stream.push_str(&format!(
        "commit refs/heads/{branch}\nmark :{mark}\nauthor Dev <dev@example.org> {time} +0000\n\
         committer Dev <dev@example.org> {time} +0000\ndata {}\n{message}\n",
        message.len()
    ));
    for (index, parent) in parents.iter().enumerate() {
        let verb = if index == 0 { "from" } else { "merge" };
        stream.push_str(&format!("{verb} :{parent}\n"));
    }
    stream.push('\n');
}

/// An annotated tag `name` on mark `target`.
fn annotated_tag(stream: &mut String, name: &str, target: usize, hour: i64) {
    let time = EPOCH + 3_600 * hour;
    let message = format!("Release {name}\n");
    stream.push_str(&format!(
        "tag {name}\nfrom :{target}\ntagger Dev <dev@example.org> {time} +0000\ndata {}\n{message}\n",
        message.len()
    ));
}

/// A lightweight tag `name` on mark `target`.
fn light_tag(stream: &mut String, name: &str, target: usize) {
    stream.push_str(&format!("reset refs/tags/{name}\nfrom :{target}\n\n"));
}

/// A history with merges, annotated and lightweight tags and a clock set wrong, every
/// commit unsigned (so that every commit ospo checks is listed), oldest first:
///
/// ```text
/// main     1 ─ 2 ─ 3 (v1) ─ 4 ─ 5 ─ 10 (m1) ─ 11 (v2) ─ 12 ─ 16 (m2) ─ 17
///               └─ 6 ─ 7 ───────────┘ (side, dated before 3)   │
///                       3 ─ 13 ─ 14 ─ 15 ───────────────────────┘ (feature; 14 dated before 1)
/// ```
///
/// `v1`, `v2` are annotated, `nested` is an annotated tag of `v2`, `tree-tag` tags a tree,
/// `m1` and `m2` are lightweight tags on the merges.
fn branchy_history() -> Repo {
    let repo = Repo::init();
    let mut stream = String::new();
    let s = &mut stream;
    commit(s, "main", 1, 1, &[], "");
    commit(s, "main", 2, 2, &[1], "");
    // The side branch is made before 3 but merged after it.
    commit(s, "side", 6, 3, &[2], "");
    commit(s, "side", 7, 4, &[6], "");
    commit(s, "main", 3, 5, &[2], "");
    annotated_tag(s, "v1", 3, 5);
    commit(s, "main", 4, 6, &[3], "");
    commit(s, "main", 5, 7, &[4], "");
    commit(s, "main", 10, 8, &[5, 7], "");
    light_tag(s, "m1", 10);
    commit(s, "main", 11, 9, &[10], "");
    annotated_tag(s, "v2", 11, 9);
    commit(s, "feature", 13, 10, &[3], "");
    // A clock set wrong: older than every commit of main.
    commit(s, "feature", 14, -5, &[13], "");
    commit(s, "feature", 15, 11, &[14], "");
    commit(s, "main", 12, 12, &[11], "");
    commit(s, "main", 16, 13, &[12, 15], "");
    light_tag(s, "m2", 16);
    commit(s, "main", 17, 14, &[16], "");
    repo.fast_import(&stream);
    repo.git(&["reset", "-q", "--hard", "main"]);
    repo.git(&["tag", "-a", "-m", "A tag of a tag", "nested", "v2"]);
    repo.git(&[
        "tag",
        "-a",
        "-m",
        "A tag of a tree",
        "tree-tag",
        "v1^{tree}",
    ]);
    repo
}

/// What `git rev-list` lists for `range`: every commit, and those that are not merges,
/// each as the 10-digit id ospo shows, in git's order.
fn rev_list(repo: &Repo, range: &str) -> (usize, Vec<String>) {
    let all = repo.git(&["rev-list", range]).lines().count();
    let no_merges = repo
        .git(&["rev-list", "--no-merges", range])
        .lines()
        .map(|id| id[..10].to_owned())
        .collect();
    (all, no_merges)
}

/// `ospo dco RANGE --format json`, exit 0 or 1; the report.
fn gate_json(repo: &Repo, range: &str) -> Value {
    let output = repo.ospo(&["dco", range, "--format", "json"]);
    assert!(
        output.code == 0 || output.code == 1,
        "{range}: {}",
        output.all()
    );
    output.json()
}

fn offending_ids(report: &Value) -> Vec<String> {
    report["offending"]
        .as_array()
        .expect("offending commits")
        .iter()
        .map(|offence| offence["commit"].as_str().expect("an id").to_owned())
        .collect()
}

#[test]
fn the_gate_checks_exactly_the_commits_git_rev_list_lists() {
    let repo = branchy_history();
    for range in [
        "v1..v2",
        "v1..HEAD",
        "v2..HEAD",
        "v1..v1",
        "v2..v1",
        "v1..",
        "..v1",
        "nested..HEAD",
        "m1..m2",
        "side..main",
        "main..side",
        "feature..v2",
        "v2..feature",
        // Excluded through the commit dated wrong, found once its ancestors were kept.
        "feature~1..v2",
        "feature~1..HEAD",
        "HEAD~3..v2",
        "v2^!",
        "m1^!",
        "m2^!",
        "m1^@",
        "m2^-",
        "m2^-2",
        "HEAD^-1",
        "v2",
        "^v1",
        "v1",
    ] {
        let (all, no_merges) = rev_list(&repo, range);
        let report = gate_json(&repo, range);
        assert_eq!(
            report["commits"].as_u64(),
            Some(all as u64),
            "{range}: {report:#}"
        );
        assert_eq!(
            report["checked"].as_u64(),
            Some(no_merges.len() as u64),
            "{range}: {report:#}"
        );
        assert_eq!(
            report["merges"].as_u64(),
            Some((all - no_merges.len()) as u64),
            "{range}"
        );
        // Every commit is unsigned: each is listed, in git's order.
        assert_eq!(offending_ids(&report), no_merges, "{range}");
    }
}

#[test]
fn annotated_tags_are_peeled_on_both_sides() {
    let repo = branchy_history();
    // As the base: it hides what it reaches.
    let report = gate_json(&repo, "v1..HEAD");
    assert_eq!(
        report["commits"].as_u64(),
        Some(
            repo.git(&["rev-list", "--count", "v1..HEAD"])
                .trim()
                .parse()
                .unwrap()
        )
    );
    assert_eq!(report["range"], "v1..HEAD");
    // As the tip, through a tag of a tag too.
    let output = repo.ospo(&["dco", "v1..nested"]);
    output.assert_code(1);
    assert!(
        output.stdout.starts_with("ospo dco v1..nested: 6 commits"),
        "{}",
        output.all()
    );
    // A tag of a tree names no commit: exit 2, one clear line.
    let output = repo.ospo(&["dco", "tree-tag..HEAD"]);
    output.assert_error();
    assert!(
        output.stderr.contains("is a tree, not a commit"),
        "{}",
        output.all()
    );
    // Checklist probes read ranges alike: tags on both sides, git's count.
    let checklist = repo.write_checklist(
        "dco.yaml",
        &checklist_yaml(&[
            item_yaml(
                "legal.dco-release",
                "required",
                1,
                "{kind: dco, range: 'v1..v2'}",
            ),
            item_yaml(
                "legal.dco-since",
                "required",
                1,
                "{kind: dco, range: 'nested..HEAD'}",
            ),
        ]),
    );
    let (_, report) = repo.check_json(&checklist, &[]);
    for (id, range) in [
        ("legal.dco-release", "v1..v2"),
        ("legal.dco-since", "nested..HEAD"),
    ] {
        let found = item(&report, id);
        assert_eq!(found["status"], "fail", "{found:#}");
        assert_eq!(
            found["evidence"]["checked"].as_u64(),
            Some(rev_list(&repo, range).1.len() as u64),
            "{found:#}"
        );
    }
}

#[test]
fn ranges_mean_what_they_mean_to_git() {
    let repo = branchy_history();
    // `..` alone is no range for git (it is the parent directory).
    let output = repo.ospo(&["dco", ".."]);
    output.assert_error();
    assert!(
        output.stderr.contains("`..` is not a range"),
        "{}",
        output.all()
    );
    // A symmetric difference is refused, clearly.
    let output = repo.ospo(&["dco", "v1...v2"]);
    output.assert_error();
    assert!(
        output.stderr.contains("symmetric difference"),
        "{}",
        output.all()
    );
    // Garbage after a range is refused, not cut off.
    repo.ospo(&["dco", "v1..v2..HEAD"]).assert_error();
    // `..X` is `HEAD..X`: nothing when X is behind HEAD, and it says so.
    let output = repo.ospo(&["dco", "..v2"]);
    output.assert_code(0);
    assert!(
        output.stdout.starts_with("ospo dco HEAD..v2: 0 commits"),
        "{}",
        output.all()
    );
    // `X^!` is X alone; the fix rebases onto its parent.
    let output = repo.ospo(&["dco", "v2^!"]);
    output.assert_code(1);
    assert!(
        output.stdout.starts_with("ospo dco v2^!: 1 commit;"),
        "{}",
        output.all()
    );
    assert!(
        output.stdout.contains("git rebase --signoff v2^\n"),
        "{}",
        output.all()
    );
    // `A..` is `A..HEAD`.
    let output = repo.ospo(&["dco", "v2.."]);
    assert!(
        output.stdout.starts_with("ospo dco v2..HEAD: "),
        "{}",
        output.all()
    );
    assert!(
        output.stdout.contains("git rebase --signoff v2\n"),
        "{}",
        output.all()
    );
    // A single revision is its whole history: the fix rewrites it from the root.
    let output = repo.ospo(&["dco", "v1"]);
    assert!(
        output.stdout.starts_with("ospo dco v1: 3 commits"),
        "{}",
        output.all()
    );
    assert!(
        output.stdout.contains("git rebase --signoff --root\n"),
        "{}",
        output.all()
    );
}

#[test]
fn a_bots_pattern_that_matches_everyone_is_refused() {
    let repo = branchy_history();
    for pattern in ["", "bot|", "(?:)", ".*"] {
        let output = repo.ospo(&["dco", "v1..v2", "--bots", pattern]);
        output.assert_error();
        assert!(
            output.stderr.contains("matches an empty name"),
            "{pattern}: {}",
            output.all()
        );
    }
    // A pattern that does not parse is refused in one line too.
    let output = repo.ospo(&["dco", "v1..v2", "--bots", "("]);
    output.assert_error();
    assert_eq!(output.stderr.lines().count(), 1, "{}", output.all());
    assert!(output.stderr.contains("unclosed group"), "{}", output.all());
    // A real pattern leaves the change to be judged.
    repo.ospo(&["dco", "v1..v2", "--bots", r"\[bot\]"])
        .assert_code(1);
    // In a checklist, the same pattern is a located problem.
    let checklist = repo.write_checklist(
        "bots.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.dco",
            "required",
            1,
            "{kind: dco, bots: 'bot|'}",
        )]),
    );
    let output = repo.ospo(&["list", "--checklist", &checklist]);
    output.assert_error();
    assert!(
        output.stderr.contains("matches an empty name"),
        "{}",
        output.all()
    );
}

/// Runs `ospo ARGS` in `dir`, killed if it is still running after `limit`.
fn ospo_within(dir: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ospo"))
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ospo can be run");
    // Read the pipes on threads: a long report must not fill them and stall the child.
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).map(|_| text)
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).map(|_| text)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("ospo {args:?} still ran after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        code: status.code().unwrap_or(-1),
        stdout: out.join().expect("stdout read").expect("UTF-8 stdout"),
        stderr: err.join().expect("stderr read").expect("UTF-8 stderr"),
    }
}

/// A change of `count` unsigned commits on top of a first one, tagged `base`.
fn long_unsigned_change(count: usize) -> Repo {
    let repo = Repo::init();
    let mut stream = String::new();
    for mark in 1..=count + 1 {
        let parents: &[usize] = if mark == 1 { &[] } else { &[mark - 1] };
        commit(&mut stream, "main", mark, mark as i64, parents, "");
    }
    light_tag(&mut stream, "base", 1);
    repo.fast_import(&stream);
    repo.git(&["reset", "-q", "--hard", "main"]);
    repo
}

#[test]
fn a_long_unsigned_change_is_judged_in_linear_time() {
    // Each failing commit once looked through every commit of the change for a
    // remediation: in a debug build, 30,000 commits took 16 s and 40,000 about 28 s;
    // 40,000 now take 3 s.
    const COMMITS: usize = 40_000;
    let repo = long_unsigned_change(COMMITS);
    let output = ospo_within(
        repo.path(),
        &["dco", "base..HEAD", "--format", "json"],
        Duration::from_secs(15),
    );
    output.assert_code(1);
    let report = output.json();
    assert_eq!(report["checked"].as_u64(), Some(COMMITS as u64));
    assert_eq!(report["offending"].as_array().map(Vec::len), Some(COMMITS));
}

#[test]
fn remediation_lines_are_read_once() {
    // 150 commits of 100 remediation lines each, naming commits that do not exist; the
    // last one remediates the first for real. Each failing commit once matched every
    // line of every commit: more than 20 s in a debug build, 1 s now.
    const COMMITS: usize = 150;
    const LINES: usize = 50;
    let repo = Repo::init();
    let mut stream = String::new();
    let config = "allowRemediationCommits:\n  individual: true\n  thirdParty: true\n";
    stream.push_str(&format!(
        "blob\nmark :100000\ndata {}\n{config}\n",
        config.len()
    ));
    for mark in 1..=COMMITS {
        let body: String = (0..LINES)
            .map(|line| {
                format!(
                    "I, Dev <dev@example.org>, hereby add my Signed-off-by to this commit: {mark:07x}{line:033x}\n\
                     On behalf of A <a@b>, I, Dev <dev@example.org>, hereby add my Signed-off-by to this commit: {line:040x}\n"
                )
            })
            .collect();
        let parents: &[usize] = if mark == 1 { &[] } else { &[mark - 1] };
        let time = EPOCH + 3_600 * mark as i64;
        let message = format!("Change {mark}\n\n{body}");
        stream.push_str(&format!(
            "commit refs/heads/main\nmark :{mark}\nauthor Dev <dev@example.org> {time} +0000\n\
             committer Dev <dev@example.org> {time} +0000\ndata {}\n{message}\n",
            message.len()
        ));
        if let Some(parent) = parents.first() {
            stream.push_str(&format!("from :{parent}\n"));
        }
        if mark == 1 {
            stream.push_str("M 100644 :100000 .github/dco.yml\n");
        }
        stream.push('\n');
    }
    repo.fast_import(&stream);
    repo.git(&["reset", "-q", "--hard", "main"]);
    let first = repo
        .git(&["rev-list", "--max-parents=0", "HEAD"])
        .trim()
        .to_owned();
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "--author",
        "Dev <dev@example.org>",
        "-m",
        &format!(
            "Remediation\n\nI, Dev <dev@example.org>, hereby add my Signed-off-by to this commit: {first}\n\nSigned-off-by: Dev <dev@example.org>"
        ),
    ]);
    let output = ospo_within(
        repo.path(),
        &["dco", "HEAD", "--format", "json"],
        Duration::from_secs(20),
    );
    output.assert_code(1);
    let report = output.json();
    assert_eq!(report["checked"].as_u64(), Some(COMMITS as u64 + 1));
    // The first commit is signed off later; the others are not, the remediation commit
    // is signed.
    assert_eq!(report["remediated"], serde_json::json!([&first[..10]]));
    let offending: BTreeSet<String> = offending_ids(&report).into_iter().collect();
    assert_eq!(offending.len(), COMMITS - 1);
    assert!(!offending.contains(&first[..10]));
}

/// Commit authors and subjects are the repository's: the gate's terminal, GitHub and JSON
/// reports write their control characters as escapes, never raw.
#[test]
fn authors_and_subjects_reach_no_terminal_raw() {
    let repo = Repo::with_files(&[("README.md", "# Example\n")]);
    let base = repo.head();
    repo.commit_by(
        "Evil \u{1b}]0;PWN\u{7} <evil@example.org>",
        "2026-01-20T12:00:00Z",
        "subject \u{1b}[2J\u{1b}[H cleared",
    );
    let range = format!("{base}..HEAD");
    for format in ["terminal", "github", "json"] {
        let output = repo.ospo(&["dco", &range, "--format", format]);
        output.assert_code(1);
        assert!(
            !output.stdout.contains('\u{1b}') && !output.stdout.contains('\u{7}'),
            "{format}: {:?}",
            output.stdout
        );
    }
    let terminal = repo.ospo(&["dco", &range]).stdout;
    assert!(
        terminal.contains("Evil \\e]0;PWN") && terminal.contains("subject \\e[2J\\e[H cleared"),
        "{terminal}"
    );
    let json: Value = serde_json::from_str(&repo.ospo(&["dco", &range, "--format", "json"]).stdout)
        .expect("JSON");
    assert_eq!(
        json["offending"][0]["subject"], "subject \u{1b}[2J\u{1b}[H cleared",
        "the JSON reads back to the original text"
    );
}

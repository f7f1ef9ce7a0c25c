//! History probes on fixture histories with known answers.

mod common;

use common::*;
use serde_json::Value;

const AUTHOR: &str = "Example Author <author@example.org>";
const COMMITTER: &str = "Example Committer <committer@example.org>";

/// A history with one commit of each kind the DCO rules tell apart, oldest first:
///
/// | subject | trailers scope | message scope | author rule |
/// | --- | --- | --- | --- |
/// | signed | ok | ok | ok |
/// | lowercase key | ok | ok | ok |
/// | outside trailer block | missing | ok | missing |
/// | committer only | ok | ok | email-mismatch |
/// | wrong email | email-mismatch | email-mismatch | email-mismatch |
/// | malformed | malformed | malformed | malformed |
/// | unsigned | missing | missing | missing |
/// | bot (left out), merge (left out), and the merged branch's commit (signed) |
fn dco_history() -> Repo {
    let repo = Repo::with_files(&[("README.md", README)]);
    repo.git(&[
        "commit",
        "-q",
        "--amend",
        "-m",
        &format!("Initial\n\nSigned-off-by: {AUTHOR}"),
    ]);
    let commit = |subject: &str, body: &str| {
        repo.git(&[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            &format!("{subject}\n\n{body}"),
        ]);
    };
    commit("lowercase key", &format!("signed-off-by: {AUTHOR}"));
    commit(
        "outside trailer block",
        &format!("Signed-off-by: {AUTHOR}\n\nA closing paragraph, not trailers."),
    );
    commit("committer only", &format!("Signed-off-by: {COMMITTER}"));
    commit(
        "wrong email",
        "Signed-off-by: Example Author <someone@elsewhere.org>",
    );
    commit("malformed", "Signed-off-by: Example Author");
    commit("unsigned", "No sign-off here.");
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "--author",
        "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
        "-m",
        "Bump a dependency",
    ]);
    repo.git(&["checkout", "-q", "-b", "side", "HEAD~1"]);
    commit("on a branch", &format!("Signed-off-by: {AUTHOR}"));
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["merge", "-q", "--no-ff", "-m", "Merge branch side", "side"]);
    repo
}

fn dco_item(probe: &str) -> String {
    checklist_yaml(&[item_yaml("legal.dco", "required", 1, probe)])
}

fn dco_evidence(repo: &Repo, probe: &str) -> (Value, Value) {
    let checklist = repo.write_checklist("dco.yaml", &dco_item(probe));
    let (_, report) = repo.check_json(&checklist, &[]);
    let item = item(&report, "legal.dco").clone();
    (item["evidence"].clone(), item)
}

fn reasons(evidence: &Value) -> Vec<(String, String)> {
    evidence["offending"]
        .as_array()
        .map(|offences| {
            offences
                .iter()
                .map(|o| {
                    (
                        o["subject"].as_str().unwrap().to_owned(),
                        o["reason"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn author_or_committer_in_trailers_is_the_default() {
    let repo = dco_history();
    let (evidence, item) = dco_evidence(&repo, "{kind: dco}");
    assert_eq!(evidence["rule"], "author-or-committer");
    assert_eq!(evidence["scope"], "trailers");
    // 9 commits but the merge and the bot: 8 checked, 4 signed.
    assert_eq!(
        (evidence["checked"].as_u64(), evidence["signed"].as_u64()),
        (Some(8), Some(4)),
        "{item}"
    );
    assert_eq!(
        (evidence["merges"].as_u64(), evidence["bots"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(evidence["share"], 50.0);
    assert_eq!(evidence["shallow"], false);
    assert_eq!(item["status"], "fail");
    assert_eq!(
        reasons(&evidence),
        pairs(&[
            ("unsigned", "missing"),
            ("malformed", "malformed"),
            ("wrong email", "email-mismatch"),
            ("outside trailer block", "missing"),
        ])
    );
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .starts_with("4 of 8 commits signed off (50%, rule author-or-committer"),
        "{item}"
    );
}

#[test]
fn the_dco_app_reads_sign_offs_anywhere_in_the_message() {
    let repo = dco_history();
    let (evidence, _) = dco_evidence(&repo, "{kind: dco, scope: message}");
    assert_eq!(evidence["signed"].as_u64(), Some(5));
    assert_eq!(
        reasons(&evidence),
        pairs(&[
            ("unsigned", "missing"),
            ("malformed", "malformed"),
            ("wrong email", "email-mismatch")
        ])
    );
}

#[test]
fn dco_check_wants_the_author_exactly() {
    let repo = dco_history();
    let (evidence, _) = dco_evidence(&repo, "{kind: dco, rule: author}");
    assert_eq!(evidence["signed"].as_u64(), Some(3));
    assert!(
        reasons(&evidence).contains(&("committer only".to_string(), "email-mismatch".to_string()))
    );
}

#[test]
fn presence_accepts_any_well_formed_sign_off() {
    let repo = dco_history();
    let (evidence, _) = dco_evidence(&repo, "{kind: dco, rule: presence}");
    assert_eq!(evidence["signed"].as_u64(), Some(5));
}

#[test]
fn threshold_and_window() {
    let repo = dco_history();
    let (_, item) = dco_evidence(&repo, "{kind: dco, threshold: 50}");
    assert_eq!(item["status"], "pass");
    // The last 3 commits: the merge, the branch's signed commit and the bot: 1 checked.
    let (evidence, item) = dco_evidence(&repo, "{kind: dco, last: 3}");
    assert_eq!(evidence["checked"].as_u64(), Some(1), "{item}");
    assert_eq!(item["status"], "pass");
    // Custom bot pattern: nobody is a bot any more.
    let (evidence, _) = dco_evidence(&repo, "{kind: dco, bots: '^nobody$'}");
    assert_eq!(evidence["bots"].as_u64(), Some(0));
    assert_eq!(evidence["checked"].as_u64(), Some(9));
}

#[test]
fn a_shallow_clone_is_reported_as_such() {
    let repo = dco_history();
    let url = format!("file://{}", repo.path_str());
    git(
        &repo.outside(),
        &["clone", "-q", "--depth", "2", &url, "shallow"],
    );
    let shallow = repo.outside().join("shallow");
    let checklist = repo.write_checklist("dco.yaml", &dco_item("{kind: dco}"));
    let output = ospo(
        &shallow,
        &["check", "--format", "json", "--checklist", &checklist],
    );
    let report = output.json();
    let item = item(&report, "legal.dco");
    assert_eq!(item["evidence"]["shallow"], true, "{item}");
    assert!(
        item["message"].as_str().unwrap().contains("shallow clone"),
        "{item}"
    );
    // Depth 2 from the merge: the merge, the bot and the branch commit, no more.
    assert_eq!(item["evidence"]["checked"].as_u64(), Some(1), "{item}");
}

#[test]
fn bare_and_worktree_agree_and_rev_moves_the_window() {
    let repo = dco_history();
    let checklist = repo.write_checklist("dco.yaml", &dco_item("{kind: dco}"));
    let (_, worktree) = repo.check_json(&checklist, &[]);
    let bare = repo.bare_clone();
    let output = ospo(
        &repo.outside(),
        &[
            "check",
            "--format",
            "json",
            "--checklist",
            &checklist,
            bare.to_str().unwrap(),
        ],
    );
    assert_eq!(
        item(&output.json(), "legal.dco")["evidence"],
        item(&worktree, "legal.dco")["evidence"]
    );
    // Five first parents back: committer only, outside the block, lowercase key, signed.
    let (_, old) = repo.check_json(&checklist, &["--rev", "main~5"]);
    assert_eq!(
        item(&old, "legal.dco")["evidence"]["checked"].as_u64(),
        Some(4)
    );
    assert_eq!(
        item(&old, "legal.dco")["evidence"]["signed"].as_u64(),
        Some(3)
    );
}

#[test]
fn bad_dco_parameters_are_located() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let checklist = repo.write_checklist(
        "dco.yaml",
        &dco_item("{kind: dco, threshold: 120, bots: '(', rule: everyone}"),
    );
    let output = repo.ospo(&["list", "--checklist", &checklist]);
    output.assert_error();
    assert!(
        output.stderr.contains("unknown variant `everyone`"),
        "{}",
        output.all()
    );
}

// ── ospo dco: the gate ──

#[test]
fn the_gate_names_every_failing_commit_and_exits_1() {
    let repo = dco_history();
    let output = repo.ospo(&["dco", "main~7..main"]);
    output.assert_code(1);
    for subject in [
        "unsigned",
        "malformed",
        "wrong email",
        "outside trailer block",
    ] {
        assert!(
            output.stdout.contains(&format!("— {subject}\n")),
            "{subject}: {}",
            output.all()
        );
    }
    for passing in [
        "lowercase key",
        "committer only",
        "on a branch",
        "Bump a dependency",
    ] {
        assert!(
            !output.stdout.contains(&format!("— {passing}\n")),
            "{passing}: {}",
            output.all()
        );
    }
    assert!(
        output.stdout.contains("git rebase --signoff main~7"),
        "{}",
        output.all()
    );
    let output = repo.ospo(&["dco", "main~7..main", "--format", "json"]);
    output.assert_code(1);
    let report = output.json();
    assert_eq!(report["checked"], 6, "{report}");
    assert_eq!(
        (report["merges"].as_u64(), report["bots"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(report["offending"].as_array().map(Vec::len), Some(4));
}

#[test]
fn the_gate_passes_a_signed_change_and_refuses_a_bad_range() {
    let repo = dco_history();
    let output = repo.ospo(&["dco", "side~1..side"]);
    output.assert_code(0);
    assert!(
        output.stdout.contains("✓ 1 commit checked, signed off"),
        "{}",
        output.all()
    );
    repo.ospo(&["dco", "nowhere..main"]).assert_code(2);
    repo.ospo(&["dco", "main...side"]).assert_code(2);
}

#[test]
fn the_gate_checks_what_is_not_upstream_by_default() {
    let repo = dco_history();
    let url = format!("file://{}", repo.path_str());
    git(&repo.outside(), &["clone", "-q", &url, "clone"]);
    let clone = repo.outside().join("clone");
    git(
        &clone,
        &[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            &format!("New work\n\nSigned-off-by: {AUTHOR}"),
        ],
    );
    let output = ospo(&clone, &["dco"]);
    output.assert_code(0);
    assert!(
        output
            .stdout
            .starts_with("ospo dco origin/HEAD..HEAD: 1 commit;"),
        "{}",
        output.all()
    );
    // A repository with no upstream needs a range.
    let output = repo.ospo(&["dco"]);
    output.assert_code(2);
    assert!(output.stderr.contains("give a range"), "{}", output.all());
}

#[test]
fn remediation_commits_count_only_when_dco_yml_allows_them() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let base = repo.head();
    repo.git(&["commit", "-q", "--allow-empty", "-m", "Forgot to sign"]);
    let forgot = repo.head();
    let line = format!("I, {AUTHOR}, hereby add my Signed-off-by to this commit: {forgot}");
    repo.git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        &format!("Remediation\n\n{line}\n\nSigned-off-by: {AUTHOR}"),
    ]);
    let range = format!("{base}..HEAD");
    repo.ospo(&["dco", &range]).assert_code(1);
    repo.write(
        ".github/dco.yml",
        "allowRemediationCommits:\n  individual: true\n",
    );
    let output = repo.ospo(&["dco", &range, "--format", "json"]);
    output.assert_code(0);
    assert_eq!(
        output.json()["remediated"].as_array().map(Vec::len),
        Some(1)
    );

    // On someone else's behalf: only with thirdParty.
    repo.git(&["commit", "-q", "--allow-empty", "-m", "Forgot again"]);
    let again = repo.head();
    let line = format!(
        "On behalf of {AUTHOR}, I, Other Person <other@example.org>, hereby add my Signed-off-by to this commit: {again}"
    );
    repo.git(&[
        "commit", "-q", "--allow-empty", "--author", "Other Person <other@example.org>",
        "-m", &format!("Remediation for a colleague\n\n{line}\n\nSigned-off-by: Other Person <other@example.org>"),
    ]);
    repo.ospo(&["dco", &range]).assert_code(1);
    repo.write(
        ".github/dco.yml",
        "allowRemediationCommits:\n  individual: true\n  thirdParty: true\n",
    );
    repo.ospo(&["dco", &range]).assert_code(0);
}

// ── Activity and contributors ──

/// `SOURCE_DATE_EPOCH` for the activity tests: 2026-07-01T00:00:00Z.
const NOW: &str = "1782864000";

/// A year of history with known answers, newest last (the fixture's own first commit,
/// by Example Author on 2026-01-15, comes first):
/// - Ann (two addresses, merged by `.mailmap`): 5 commits, 2 of them from ann@gmail.com;
/// - Bob (bob@acme.example): 3 commits; Carol (carol@acme.example): 1; Dan (dan@uni.example): 1,
///   the newest, 10 days before NOW; Old Timer: 1 commit in 2024, outside a 365-day window.
fn community_history() -> Repo {
    let repo = Repo::with_files(&[
        ("README.md", README),
        (
            ".mailmap",
            "Ann Example <ann@corp.example> <ann@gmail.com>\n",
        ),
    ]);
    let ann_work = "Ann Example <ann@corp.example>";
    let ann_home = "Ann E. <ann@gmail.com>";
    let commits = [
        ("Old Timer <old@old.example>", "2024-03-01T00:00:00Z"),
        (ann_work, "2026-02-01T00:00:00Z"),
        (ann_home, "2026-02-02T00:00:00Z"),
        (ann_work, "2026-03-01T00:00:00Z"),
        ("Bob <bob@acme.example>", "2026-03-02T00:00:00Z"),
        (ann_home, "2026-04-01T00:00:00Z"),
        ("Bob <bob@acme.example>", "2026-04-02T00:00:00Z"),
        (ann_work, "2026-05-01T00:00:00Z"),
        ("Carol <carol@acme.example>", "2026-05-02T00:00:00Z"),
        ("Bob <bob@acme.example>", "2026-06-01T00:00:00Z"),
        (
            "dependabot[bot] <bot@users.noreply.github.com>",
            "2026-06-10T00:00:00Z",
        ),
        ("Dan <dan@uni.example>", "2026-06-21T00:00:00Z"),
    ];
    for (index, (author, date)) in commits.iter().enumerate() {
        repo.commit_by(author, date, &format!("Change {index}"));
    }
    repo
}

fn metric(repo: &Repo, probe: &str) -> Value {
    let checklist = repo.write_checklist(
        "activity.yaml",
        &checklist_yaml(&[item_yaml("community.metric", "recommended", 1, probe)]),
    );
    let output = ospo_env(
        repo.path(),
        &["check", "--format", "json", "--checklist", &checklist],
        &[("SOURCE_DATE_EPOCH", NOW)],
    );
    item(&output.json(), "community.metric").clone()
}

#[test]
fn activity_metrics_have_their_known_values() {
    let repo = community_history();
    let value = |probe: &str| {
        let item = metric(&repo, probe);
        item["evidence"]["value"]
            .as_f64()
            .unwrap_or_else(|| panic!("{item}"))
    };
    // The bot is left out; the fixture's first commit (2026-01-15, Example Author) counts.
    assert_eq!(
        value("{kind: activity, metric: days-since-last-commit, max: 30}"),
        10.0
    );
    assert_eq!(value("{kind: activity, metric: commits, min: 1}"), 11.0);
    assert_eq!(
        value("{kind: activity, metric: commits, days: 30, min: 1}"),
        2.0
    );
    // Ann, Bob, Carol, Dan and Example Author: Ann's two addresses are one person.
    assert_eq!(value("{kind: activity, metric: contributors, min: 1}"), 5.0);
    // Everyone but Old Timer made their first commit in the last year.
    assert_eq!(
        value("{kind: activity, metric: new-contributors, min: 1}"),
        5.0
    );
    assert_eq!(
        value("{kind: activity, metric: new-contributors, days: 30, min: 1}"),
        1.0
    );
    // Ann 5 of 11: not half; Ann and Bob 8 of 11.
    assert_eq!(value("{kind: activity, metric: bus-factor, min: 2}"), 2.0);
    // Organisations: acme.example 4, corp.example 5 (gmail.com is no organisation),
    // uni.example 1, example.org 1 (the fixture author)... corp.example alone is 5 of 11.
    assert_eq!(
        value("{kind: activity, metric: elephant-factor, min: 1}"),
        2.0
    );
    assert_eq!(
        value("{kind: activity, metric: top-contributor-share, max: 50}"),
        45.5
    );
}

#[test]
fn activity_bounds_decide_the_status() {
    let repo = community_history();
    assert_eq!(
        metric(&repo, "{kind: activity, metric: bus-factor, min: 3}")["status"],
        "fail"
    );
    assert_eq!(
        metric(&repo, "{kind: activity, metric: bus-factor, min: 2}")["status"],
        "pass"
    );
    let item = metric(
        &repo,
        "{kind: activity, metric: top-contributor-share, max: 40}",
    );
    assert_eq!(item["status"], "fail");
    assert_eq!(
        item["evidence"]["top"][0],
        serde_json::json!(["ann@corp.example", 5]),
        "{item}"
    );
    let item = metric(
        &repo,
        "{kind: activity, metric: days-since-last-commit, max: 5}",
    );
    assert_eq!(item["status"], "fail");
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .starts_with("days-since-last-commit 10 (expected ≤ 5)"),
        "{item}"
    );
}

#[test]
fn release_tags_are_versions_on_commits() {
    let repo = community_history();
    // No release at all fails the item, and says why.
    let item = metric(
        &repo,
        "{kind: activity, metric: days-since-last-release, max: 365}",
    );
    assert_eq!(item["status"], "fail", "{item}");
    assert!(
        item["message"].as_str().unwrap().starts_with("no release"),
        "{item}"
    );
    // HEAD~11 is Old Timer's (2024), HEAD~7 Bob's of 2026-03-02, HEAD~1 the bot's of 2026-06-10.
    repo.git(&["tag", "v0.9.0", "HEAD~11"]);
    repo.git(&["tag", "v1.0.0", "HEAD~7"]);
    repo.git(&["tag", "-a", "-m", "Release 1.1", "release-1.1", "HEAD~1"]);
    repo.git(&["tag", "nightly", "HEAD"]);
    let tree = repo.git(&["rev-parse", "HEAD^{tree}"]);
    repo.git(&["tag", "v9.9.9", tree.trim()]);
    let item = metric(&repo, "{kind: activity, metric: releases, min: 1}");
    assert_eq!(item["evidence"]["value"], 2.0, "{item}");
    assert_eq!(
        item["evidence"]["top"],
        serde_json::json!([["release-1.1", 1], ["v1.0.0", 1]])
    );
    let item = metric(
        &repo,
        "{kind: activity, metric: days-since-last-release, max: 30}",
    );
    assert_eq!(item["evidence"]["value"], 21.0, "{item}");
    assert_eq!(item["status"], "pass");
    let item = metric(
        &repo,
        "{kind: activity, metric: days-since-last-release, max: 7}",
    );
    assert_eq!(item["status"], "fail");
}

#[test]
fn a_dco_window_can_be_a_revision_range() {
    let repo = dco_history();
    // main~3..main: the merge, the branch's signed commit, the bot and the unsigned one.
    let (evidence, item) = dco_evidence(&repo, "{kind: dco, range: 'main~3..main'}");
    assert_eq!(evidence["checked"].as_u64(), Some(2), "{item}");
    assert_eq!(evidence["signed"].as_u64(), Some(1), "{item}");
    assert_eq!(
        (evidence["merges"].as_u64(), evidence["bots"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(reasons(&evidence), pairs(&[("unsigned", "missing")]));
    // A range that does not resolve is the probe's error, not the run's.
    let (_, item) = dco_evidence(&repo, "{kind: dco, range: 'nowhere..main'}");
    assert_eq!(item["status"], "error", "{item}");
    // A range replaces the other windows.
    let checklist =
        repo.write_checklist("bad.yaml", &dco_item("{kind: dco, range: 'a..b', last: 5}"));
    let output = repo.ospo(&["list", "--checklist", &checklist]);
    output.assert_error();
    assert!(
        output.stderr.contains("`range` replaces `last` and `days`"),
        "{}",
        output.all()
    );
}

// ── The walk: a commit-graph and both cores ──

/// What a walk over [`long_history`] must find.
struct Expected {
    non_merges: u64,
    signed: u64,
    /// Non-merge commits made in the last ten days before `NOW`.
    last_ten_days: u64,
}

/// A history of `count` commits on `main`, written with fast-import: seven authors in
/// turn, a sign-off on every third commit, one commit every ten minutes up to an hour
/// before `NOW`, and every 1,000th commit a merge of a side commit.
fn long_history(count: u64) -> (Repo, Expected) {
    let repo = Repo::init();
    let now: i64 = NOW.parse().unwrap();
    let first = now - 3_600 - 600 * count as i64;
    let mut stream = String::new();
    let mut expected = Expected {
        non_merges: 0,
        signed: 0,
        last_ten_days: 0,
    };
    let mut commit = |stream: &mut String, mark: u64, time: i64, parents: &[u64]| {
        let person = mark % 7;
        let (name, email) = (
            format!("Person {person}"),
            format!("p{person}@org{}.example", person % 3),
        );
        let signed = mark.is_multiple_of(3);
        let mut message = format!("Change {mark}\n\nWhat changed, and why.\n");
        if signed {
            message.push_str(&format!("\nSigned-off-by: {name} <{email}>\n"));
        }
        if parents.len() < 2 {
            expected.non_merges += 1;
            expected.signed += u64::from(signed);
            expected.last_ten_days += u64::from(time >= now - 10 * 86_400);
        }
        let branch = if parents.len() == 1 && mark % 1_000 == 999 {
            "side"
        } else {
            "main"
        };
        stream.push_str(&format!(
            "commit refs/heads/{branch}\nmark :{mark}\nauthor {name} <{email}> {time} +0000\n\
             committer {name} <{email}> {time} +0000\ndata {}\n{message}",
            message.len()
        ));
        for (index, parent) in parents.iter().enumerate() {
            let verb = if index == 0 { "from" } else { "merge" };
            stream.push_str(&format!("{verb} :{parent}\n"));
        }
        stream.push('\n');
    };
    for mark in 1..=count {
        let time = first + 600 * mark as i64;
        match mark {
            1 => commit(&mut stream, mark, time, &[]),
            // A side commit off the commit before last, merged by the next one.
            _ if mark % 1_000 == 999 => commit(&mut stream, mark, time, &[mark - 2]),
            _ if mark % 1_000 == 0 => commit(&mut stream, mark, time, &[mark - 2, mark - 1]),
            _ => commit(&mut stream, mark, time, &[mark - 1]),
        }
    }
    repo.fast_import(&stream);
    repo.git(&["reset", "-q", "--hard", "main"]);
    (repo, expected)
}

/// Every history probe this suite knows, over the whole of [`long_history`].
fn walk_checklist(repo: &Repo) -> String {
    let items = [
        ("legal.dco-all", "{kind: dco, last: 1000000}"),
        ("legal.dco-recent", "{kind: dco, last: 100}"),
        ("legal.dco-days", "{kind: dco, days: 10}"),
        (
            "community.commits",
            "{kind: activity, metric: commits, days: 10, min: 1}",
        ),
        (
            "community.contributors",
            "{kind: activity, metric: contributors, min: 1}",
        ),
        (
            "community.new",
            "{kind: activity, metric: new-contributors, min: 1}",
        ),
        (
            "community.bus",
            "{kind: activity, metric: bus-factor, min: 1}",
        ),
        (
            "community.elephant",
            "{kind: activity, metric: elephant-factor, min: 1}",
        ),
    ];
    let items: Vec<String> = items
        .iter()
        .map(|(id, probe)| item_yaml(id, "recommended", 1, probe))
        .collect();
    repo.write_checklist("walk.yaml", &checklist_yaml(&items))
}

/// The items of a check of `repo` with `checklist`, at `NOW`.
fn walk_items(repo: &Repo, checklist: &str) -> Value {
    let output = ospo_env(
        repo.path(),
        &["check", "--format", "json", "--checklist", checklist],
        &[("SOURCE_DATE_EPOCH", NOW)],
    );
    assert_no_panic(&output);
    output.json()["items"].clone()
}

fn evidence_of<'a>(items: &'a Value, id: &str) -> &'a Value {
    &items
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == id)
        .unwrap_or_else(|| panic!("no item {id} in {items}"))["evidence"]
}

#[test]
fn a_long_history_has_its_known_counts_with_or_without_a_commit_graph() {
    // 4,500 commits: over the threshold where reads are shared between threads.
    let (repo, expected) = long_history(4_500);
    let checklist = walk_checklist(&repo);
    let objects = walk_items(&repo, &checklist);
    let dco = evidence_of(&objects, "legal.dco-all");
    assert_eq!(dco["checked"].as_u64(), Some(expected.non_merges), "{dco}");
    assert_eq!(dco["signed"].as_u64(), Some(expected.signed), "{dco}");
    assert_eq!(dco["merges"].as_u64(), Some(4), "{dco}");
    let commits = evidence_of(&objects, "community.commits");
    assert_eq!(
        commits["value"].as_f64(),
        Some(expected.last_ten_days as f64)
    );
    assert_eq!(
        evidence_of(&objects, "community.contributors")["value"],
        7.0
    );
    // Three organisations, p0/p3/p6 at org0, p1/p4 at org1, p2/p5 at org2: org0 has 3/7.
    assert_eq!(evidence_of(&objects, "community.elephant")["value"], 2.0);

    repo.git(&["commit-graph", "write", "--reachable"]);
    assert!(repo.path().join(".git/objects/info/commit-graph").is_file());
    assert_eq!(walk_items(&repo, &checklist), objects);
}

#[test]
fn commits_newer_than_the_commit_graph_and_a_corrupt_graph_are_read_from_objects() {
    let (repo, _) = long_history(2_100);
    repo.git(&["commit-graph", "write", "--reachable"]);
    for (index, date) in ["2026-06-30T01:00:00Z", "2026-06-30T02:00:00Z"]
        .iter()
        .enumerate()
    {
        repo.commit_by(
            "Newcomer <new@fresh.example>",
            date,
            &format!("After the graph {index}\n\nSigned-off-by: Newcomer <new@fresh.example>"),
        );
    }
    let checklist = walk_checklist(&repo);
    let mixed = walk_items(&repo, &checklist);
    let dco = evidence_of(&mixed, "legal.dco-recent");
    assert_eq!(dco["checked"].as_u64(), Some(100), "{dco}");
    assert_eq!(evidence_of(&mixed, "community.contributors")["value"], 8.0);
    assert_eq!(evidence_of(&mixed, "community.new")["value"], 8.0);

    let graph = repo.path().join(".git/objects/info/commit-graph");
    std::fs::remove_file(&graph).unwrap();
    assert_eq!(walk_items(&repo, &checklist), mixed);
    std::fs::write(&graph, b"CGPH garbage, not a commit-graph").unwrap();
    assert_eq!(walk_items(&repo, &checklist), mixed);
}

#[test]
fn activity_windows_can_be_revision_ranges() {
    let repo = community_history();
    repo.git(&["tag", "v1.0.0", "HEAD~7"]);
    repo.git(&["tag", "release-1.1", "HEAD~1"]);
    // HEAD~5..HEAD: Ann (work address), Carol, Bob, the bot (left out) and Dan.
    let value = |probe: &str| {
        let item = metric(&repo, probe);
        assert_eq!(item["evidence"]["range"], "HEAD~5..HEAD", "{item}");
        assert!(item["evidence"].get("days").is_none(), "{item}");
        item["evidence"].clone()
    };
    let range = "range: HEAD~5..HEAD";
    let commits = value(&format!(
        "{{kind: activity, metric: commits, {range}, min: 1}}"
    ));
    assert_eq!(commits["value"], 4.0);
    let people = value(&format!(
        "{{kind: activity, metric: contributors, {range}, min: 1}}"
    ));
    assert_eq!(people["value"], 4.0);
    // Ann and Bob committed before the range; Carol and Dan did not.
    let newcomers = value(&format!(
        "{{kind: activity, metric: new-contributors, {range}, min: 1}}"
    ));
    assert_eq!(newcomers["value"], 2.0);
    assert_eq!(
        newcomers["top"],
        serde_json::json!([["carol@acme.example", 1], ["dan@uni.example", 1]])
    );
    let bus = value(&format!(
        "{{kind: activity, metric: bus-factor, {range}, min: 1}}"
    ));
    assert_eq!(bus["value"], 2.0);
    // release-1.1 tags the bot's commit, in the range; v1.0.0 is older.
    let releases = value(&format!(
        "{{kind: activity, metric: releases, {range}, min: 1}}"
    ));
    assert_eq!(releases["value"], 1.0);
    assert_eq!(releases["top"], serde_json::json!([["release-1.1", 1]]));

    let item = metric(
        &repo,
        &format!("{{kind: activity, metric: commits, {range}, max: 3}}"),
    );
    assert_eq!(item["status"], "fail");
    assert_eq!(
        item["message"], "commits 4 in HEAD~5..HEAD (expected ≤ 3)",
        "{item}"
    );
    // A range that does not resolve is the item's error.
    let item = metric(
        &repo,
        "{kind: activity, metric: commits, range: 'v7.0.0..HEAD', min: 1}",
    );
    assert_eq!(item["status"], "error", "{item}");
    assert!(
        item["message"].as_str().unwrap().contains("v7.0.0"),
        "{item}"
    );
}

#[test]
fn an_activity_range_is_refused_where_it_means_nothing() {
    let repo = community_history();
    for (probe, message) in [
        (
            "{kind: activity, metric: commits, range: 'a..b', days: 30, min: 1}",
            "`range` replaces `days`",
        ),
        (
            "{kind: activity, metric: days-since-last-commit, range: 'a..b', max: 30}",
            "`days-since-last-commit` counts days back from now and takes no `range`",
        ),
        (
            "{kind: activity, metric: commits, range: ' ', min: 1}",
            "`range` is empty",
        ),
    ] {
        let checklist = repo.write_checklist(
            "bad.yaml",
            &checklist_yaml(&[item_yaml("community.metric", "recommended", 1, probe)]),
        );
        let output = repo.ospo(&["list", "--checklist", &checklist]);
        output.assert_error();
        assert!(output.stderr.contains(message), "{}", output.all());
        assert!(output.stderr.contains("bad.yaml:"), "{}", output.all());
    }
}

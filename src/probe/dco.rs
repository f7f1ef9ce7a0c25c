//! `dco`: the share of recent commits signed off under the Developer Certificate of Origin.
//!
//! Merges and bots are left out. A commit passes when one of its sign-offs satisfies the
//! rule in force, which the report states: the DCO app's (`author-or-committer`),
//! dco-check's (`author`) or any well-formed sign-off (`presence`). Sign-offs are read
//! from the trailer block, as git does, or from anywhere in the message, as the DCO app
//! does.

use std::collections::{BTreeSet, HashMap, HashSet};

use regex::{Regex, RegexBuilder};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Context, Evidence, Outcome, Problem, Status};
use crate::repo::history::{Commit, History, Identity, Window};
use crate::repo::range::Change;
use crate::text;
use crate::yaml::Path;

/// Commits checked when the checklist gives no window.
const DEFAULT_LAST: usize = 500;
/// Offending commits named in the evidence, at most; the rest are counted.
const MAX_LISTED: usize = 20;

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DcoSpec {
    /// Which sign-offs count; default `author-or-committer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<DcoRule>,
    /// Where sign-offs are read; default `trailers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<SignoffScope>,
    /// A regular expression on author names and emails marking bots, left out; default
    /// `\[bot\]` (GitHub's bot accounts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bots: Option<String>,
    /// The smallest share of signed commits, in percent, that passes; default 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// Check at most the last N commits (default 500 when `days` is not given either).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<usize>,
    /// Check the commits of the last N days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// Check the commits of a revision range instead, `BASE..TIP` (e.g. `v1.0.0..HEAD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DcoRule {
    /// The sign-off's name is the author's or the committer's, and so is its email, both
    /// compared case-insensitively (the DCO GitHub app).
    #[default]
    AuthorOrCommitter,
    /// The sign-off's name and email are exactly the author's (dco-check).
    Author,
    /// Any well-formed sign-off, `Name <email>`.
    Presence,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SignoffScope {
    /// The trailer block at the end of the message, as git reads it.
    #[default]
    Trailers,
    /// Any line of the message (`Signed-off-by: Name <email>`, one space after the
    /// colon), as the DCO app reads it.
    Message,
}

/// What is wrong with a commit's sign-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    Missing,
    NameMismatch,
    EmailMismatch,
    Malformed,
}

/// A commit that fails the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offence {
    pub commit: String,
    pub author: String,
    pub subject: String,
    pub reason: Reason,
}

#[derive(Debug, Clone)]
pub struct DcoProbe {
    rule: DcoRule,
    scope: SignoffScope,
    bots: Regex,
    threshold: f64,
    last: Option<usize>,
    days: Option<u32>,
    range: Option<String>,
}

impl DcoSpec {
    pub fn compile(&self) -> Result<DcoProbe, Vec<Problem>> {
        let mut problems = Vec::new();
        let bots = bots(self.bots.as_deref())
            .map_err(|message| {
                problems.push(Problem {
                    path: Path::default().key("bots"),
                    message,
                })
            })
            .ok();
        let threshold = self.threshold.unwrap_or(100.0);
        if !(0.0..=100.0).contains(&threshold) {
            problems.push(Problem {
                path: Path::default().key("threshold"),
                message: format!("threshold {threshold} is not a percentage between 0 and 100"),
            });
        }
        if self.range.is_some() && (self.last.is_some() || self.days.is_some()) {
            problems.push(Problem {
                path: Path::default().key("range"),
                message: "`range` replaces `last` and `days`: give one or the other".into(),
            });
        }
        if self.last == Some(0) {
            problems.push(Problem {
                path: Path::default().key("last"),
                message: "`last` must be at least 1".into(),
            });
        }
        match bots {
            Some(bots) if problems.is_empty() => Ok(DcoProbe {
                rule: self.rule.unwrap_or_default(),
                scope: self.scope.unwrap_or_default(),
                bots,
                threshold,
                last: self.last.or(if self.days.is_none() {
                    Some(DEFAULT_LAST)
                } else {
                    None
                }),
                days: self.days,
                range: self.range.clone(),
            }),
            _ => Err(problems),
        }
    }
}

impl DcoProbe {
    /// The part of the shared history pass this probe reads, in commits and days before
    /// `now`; `None` for a revision range, read apart.
    pub fn window(&self, now: i64) -> Option<Window> {
        self.range.is_none().then(|| Window {
            last: self.last,
            since: self.days.map(|days| now - i64::from(days) * 86_400),
            tags: false,
        })
    }

    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let range_commits;
        let (commits, shallow): (Vec<&Commit>, bool) = match (&self.range, self.window(context.now))
        {
            (Some(range), _) => match context.range(range) {
                Ok(commits) => {
                    range_commits = commits;
                    (range_commits.iter().collect(), context.repo.is_shallow())
                }
                Err(outcome) => return *outcome,
            },
            (None, window) => {
                let history = match context.history() {
                    Ok(history) => history,
                    Err(outcome) => return *outcome,
                };
                (
                    in_window(history, window.unwrap_or_default()),
                    history.shallow,
                )
            }
        };
        let Tally {
            checked,
            signed,
            merges,
            bots,
            offending,
            more_offending,
        } = tally(commits, &self.bots, self.rule, self.scope, MAX_LISTED);
        let rule = rule_name(self.rule);
        let scope = scope_name(self.scope);
        let shallow_note = super::shallow_note(shallow);
        let (shallow_en, shallow_fr) = (&shallow_note.en, &shallow_note.fr);
        if checked == 0 {
            return Outcome::new(
                Status::Skip,
                text!(
                    "no commit to check in the window{shallow_en}",
                    "aucun commit à vérifier dans la fenêtre{shallow_fr}"
                ),
            );
        }
        let share = share(signed, checked);
        let threshold = self.threshold;
        let status = if share >= threshold {
            Status::Pass
        } else {
            Status::Fail
        };
        Outcome::new(
            status,
            text!(
                "{signed} of {checked} commits signed off ({share}%, rule {rule}, in {scope}; threshold {threshold}%){shallow_en}",
                "{signed} commits sur {checked} signés ({share} %, règle {rule}, dans {scope} ; seuil {threshold} %){shallow_fr}"
            ),
        )
        .with(Evidence::Dco {
            rule: rule.to_owned(),
            scope: scope.to_owned(),
            checked,
            signed,
            share,
            merges,
            bots,
            shallow,
            offending,
            more_offending,
        })
    }
}

/// The commits of the shared history pass that fall in a window, newest first.
pub(crate) fn in_window(history: &History, window: Window) -> Vec<&Commit> {
    history
        .commits
        .iter()
        .enumerate()
        .filter(|(index, commit)| window.contains(*index, commit.time))
        .map(|(_, commit)| commit)
        .collect()
}

/// Sign-offs over some commits, merges and bots left out.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tally {
    pub checked: usize,
    pub signed: usize,
    pub merges: usize,
    pub bots: usize,
    /// The first commits that fail the rule, newest first, at most as many as asked.
    pub offending: Vec<Offence>,
    /// How many more fail beyond those listed.
    pub more_offending: usize,
}

/// Judges each commit that is neither a merge nor a bot's, listing at most `listed` of
/// those that fail.
pub(crate) fn tally<'a>(
    commits: impl IntoIterator<Item = &'a Commit>,
    bots: &Regex,
    rule: DcoRule,
    scope: SignoffScope,
    listed: usize,
) -> Tally {
    let mut tally = Tally::default();
    for commit in commits {
        if commit.parents > 1 {
            tally.merges += 1;
            continue;
        }
        if is_bot(bots, commit) {
            tally.bots += 1;
            continue;
        }
        tally.checked += 1;
        match judge(commit, rule, scope) {
            None => tally.signed += 1,
            // Only those listed are written out; on a long history they are few.
            Some(_) if tally.offending.len() == listed => tally.more_offending += 1,
            Some(reason) => tally.offending.push(Offence {
                commit: commit.short_id(),
                author: format!("{} <{}>", commit.author.name, commit.author.email),
                subject: commit.subject.chars().take(100).collect(),
                reason,
            }),
        }
    }
    tally
}

/// The share of signed commits in percent, to one decimal.
pub(crate) fn share(signed: usize, checked: usize) -> f64 {
    (1000.0 * signed as f64 / checked as f64).round() / 10.0
}

/// What the DCO app's `.github/dco.yml` allows; other keys are the app's business.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppConfig {
    #[serde(default)]
    pub allow_remediation_commits: Remediation,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Remediation {
    /// An author may sign off an earlier commit of theirs in a later one.
    #[serde(default)]
    pub individual: bool,
    /// Someone may sign off on behalf of the author.
    #[serde(default)]
    pub third_party: bool,
}

/// The project's `.github/dco.yml`, if it has one; a file that cannot be read as YAML is
/// an error, as it is for the app.
pub fn app_config(repo: &crate::repo::RepoView) -> Result<AppConfig, crate::repo::RepoError> {
    let path = ".github/dco.yml";
    let listing = repo.list(".github", 1)?;
    let Some(entry) = listing.iter().find(|entry| entry.path == path) else {
        return Ok(AppConfig::default());
    };
    let content = repo.read(entry, crate::repo::SCAN_BYTES)?;
    parse_app_config(&content.text()).map_err(|message| crate::repo::RepoError::Read {
        path: path.into(),
        message,
    })
}

/// The DCO app's configuration, from the text of a `.github/dco.yml`; empty text is the
/// default. Nesting is bounded as for every YAML file ospo reads.
pub fn parse_app_config(text: &str) -> Result<AppConfig, String> {
    if text.trim().is_empty() {
        return Ok(AppConfig::default());
    }
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = crate::yaml::MAX_DEPTH;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options(text, options)
        .map_err(|error| error.without_snippet().to_string())
}

/// How `ospo dco` judges a change.
#[derive(Debug, Clone)]
pub struct GateOptions {
    pub rule: DcoRule,
    pub scope: SignoffScope,
    pub bots: Regex,
    pub remediation: Remediation,
}

/// The verdict on every commit of a change.
#[derive(Debug, Clone, Serialize)]
pub struct GateReport {
    pub range: String,
    /// The commit to rebase onto to sign the change off (`git rebase --signoff BASE`);
    /// `None` when the change goes back to the root commit.
    #[serde(skip)]
    pub base: Option<String>,
    pub rule: &'static str,
    pub scope: &'static str,
    pub remediation: Remediation,
    pub commits: usize,
    pub checked: usize,
    pub merges: usize,
    pub bots: usize,
    /// Commits whose sign-off a later commit of the change added.
    pub remediated: Vec<String>,
    /// Every commit that fails, newest first.
    pub offending: Vec<Offence>,
}

impl GateReport {
    pub fn passed(&self) -> bool {
        self.offending.is_empty()
    }
}

static INDIVIDUAL: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    RegexBuilder::new(
        r"^I, (.+) <(.+)>, hereby add my Signed-off-by to this commit: ([0-9a-f]{7,64})\s*$",
    )
    .case_insensitive(true)
    .build()
    .expect("valid regex")
});
static THIRD_PARTY: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    RegexBuilder::new(
        r"^On behalf of (.+) <(.+)>, I, (.+) <(.+)>, hereby add my Signed-off-by to this commit: ([0-9a-f]{7,64})\s*$",
    )
    .case_insensitive(true)
    .build()
    .expect("valid regex")
});

/// Checks every commit of a change, newest first, as a CI gate.
///
/// Linear in the change: the remediation lines are read once, into an index that each
/// failing commit is looked up in.
pub fn gate(change: Change, options: &GateOptions) -> GateReport {
    let commits = &change.commits;
    let remediations = Remediations::index(commits, options.remediation);
    let mut report = GateReport {
        range: change.range,
        base: change.base,
        rule: rule_name(options.rule),
        scope: scope_name(options.scope),
        remediation: options.remediation,
        commits: commits.len(),
        checked: 0,
        merges: 0,
        bots: 0,
        remediated: Vec::new(),
        offending: Vec::new(),
    };
    for commit in commits {
        if commit.parents > 1 {
            report.merges += 1;
            continue;
        }
        if is_bot(&options.bots, commit) {
            report.bots += 1;
            continue;
        }
        report.checked += 1;
        let Some(reason) = judge(commit, options.rule, options.scope) else {
            continue;
        };
        if remediations.covers(commit) {
            report.remediated.push(commit.short_id());
            continue;
        }
        report.offending.push(Offence {
            commit: commit.short_id(),
            author: format!("{} <{}>", commit.author.name, commit.author.email),
            subject: commit.subject.chars().take(100).collect(),
            reason,
        });
    }
    report
}

/// The sign-offs that the remediation commits of a change add to other commits: for each
/// author (name and email, trimmed and lowercased, as the DCO app compares them), the
/// commit-id prefixes signed off on their behalf.
#[derive(Debug, Default)]
struct Remediations {
    by_author: HashMap<(String, String), Prefixes>,
}

#[derive(Debug, Default)]
struct Prefixes {
    prefixes: HashSet<String>,
    /// The lengths of those prefixes: a commit id is looked up once per length.
    lengths: BTreeSet<usize>,
}

impl Remediations {
    /// Reads each remediation line of the change once. A line counts when `allowed`
    /// permits its kind and the one who signs is the commit's author: an author signs off
    /// their own commits (`individual`), or someone else's on their behalf (`thirdParty`).
    fn index(commits: &[Commit], allowed: Remediation) -> Remediations {
        let mut index = Remediations::default();
        if !allowed.individual && !allowed.third_party {
            return index;
        }
        for fixer in commits {
            for line in &fixer.remediations {
                let signed = if allowed.individual
                    && let Some(c) = INDIVIDUAL.captures(line)
                {
                    same_person(&c[1], &c[2], &fixer.author)
                        .then(|| (c[1].to_owned(), c[2].to_owned(), c[3].to_owned()))
                } else if allowed.third_party
                    && let Some(c) = THIRD_PARTY.captures(line)
                {
                    same_person(&c[3], &c[4], &fixer.author)
                        .then(|| (c[1].to_owned(), c[2].to_owned(), c[5].to_owned()))
                } else {
                    None
                };
                if let Some((name, email, prefix)) = signed {
                    let prefix = prefix.to_ascii_lowercase();
                    let entry = index
                        .by_author
                        .entry(person_key(&name, &email))
                        .or_default();
                    entry.lengths.insert(prefix.len());
                    entry.prefixes.insert(prefix);
                }
            }
        }
        index
    }

    /// Whether a remediation line of the change signs `failing` off for its author.
    fn covers(&self, failing: &Commit) -> bool {
        let Some(signed) = self
            .by_author
            .get(&person_key(&failing.author.name, &failing.author.email))
        else {
            return false;
        };
        let id = failing.id.to_string();
        signed
            .lengths
            .iter()
            .filter_map(|&length| id.get(..length))
            .any(|prefix| signed.prefixes.contains(prefix))
    }
}

/// A name and email as the DCO app compares them: trimmed, regardless of case.
fn person_key(name: &str, email: &str) -> (String, String) {
    (name.trim().to_lowercase(), email.trim().to_lowercase())
}

fn same_person(name: &str, email: &str, person: &Identity) -> bool {
    person_key(name, email) == person_key(&person.name, &person.email)
}

/// The bot pattern, matched on author names and emails regardless of case; by default,
/// GitHub's bot accounts. A pattern that matches an empty name (an empty pattern, or one
/// with an empty alternative such as `bot|`) matches every author: it is refused, since it
/// would leave every commit out and pass any change.
pub fn bots(pattern: Option<&str>) -> Result<Regex, String> {
    let regex = RegexBuilder::new(pattern.unwrap_or(r"\[bot\]"))
        .case_insensitive(true)
        .build()
        .map_err(|error| format!("invalid regular expression: {}", regex_reason(&error)))?;
    if regex.is_match("") {
        return Err(
            "the pattern matches an empty name, so every commit would count as a bot's; give one that only bots' names or emails match, such as `\\[bot\\]`".into(),
        );
    }
    Ok(regex)
}

/// What is wrong with a pattern, in one line: the regex crate's syntax errors draw the
/// pattern and a caret above it.
fn regex_reason(error: &regex::Error) -> String {
    match error {
        regex::Error::Syntax(text) => text
            .lines()
            .rev()
            .find_map(|line| line.strip_prefix("error: "))
            .unwrap_or(text)
            .trim()
            .to_owned(),
        other => other.to_string(),
    }
}

/// Whether a bot made the commit: the pattern matches its author's name or email.
pub fn is_bot(bots: &Regex, commit: &Commit) -> bool {
    bots.is_match(&commit.author.name) || bots.is_match(&commit.author.email)
}

pub fn rule_name(rule: DcoRule) -> &'static str {
    match rule {
        DcoRule::AuthorOrCommitter => "author-or-committer",
        DcoRule::Author => "author",
        DcoRule::Presence => "presence",
    }
}

pub fn scope_name(scope: SignoffScope) -> &'static str {
    match scope {
        SignoffScope::Trailers => "trailers",
        SignoffScope::Message => "message",
    }
}

/// A sign-off's name and email, when the line is well formed.
fn parse(value: &str, scope: SignoffScope) -> Option<(&str, &str)> {
    let value = match scope {
        // Trailer values come trimmed.
        SignoffScope::Trailers => value,
        // The DCO app: `Signed-off-by: (.*) <(.*)>\s*$`, exactly one space after the colon.
        SignoffScope::Message => value.strip_prefix(' ')?,
    };
    let value = value.trim_end();
    let inner = value.strip_suffix('>')?;
    let (name, email) = inner.rsplit_once(" <")?;
    let name = name.trim();
    (!name.is_empty() && !email.is_empty() && !email.contains(['<', '>'])).then_some((name, email))
}

/// Why a commit fails the rule, or `None` when one of its sign-offs satisfies it.
pub fn judge(commit: &Commit, rule: DcoRule, scope: SignoffScope) -> Option<Reason> {
    let values = match scope {
        SignoffScope::Trailers => &commit.trailer_signoffs,
        SignoffScope::Message => &commit.message_signoffs,
    };
    if values.is_empty() {
        return Some(Reason::Missing);
    }
    let parsed = || values.iter().filter_map(|v| parse(v, scope));
    if parsed().next().is_none() {
        return Some(Reason::Malformed);
    }
    let (a, c) = (&commit.author, &commit.committer);
    let same = |x: &str, y: &str| x.eq_ignore_ascii_case(y) || x.to_lowercase() == y.to_lowercase();
    let matches = |(name, email): (&str, &str)| match rule {
        DcoRule::Presence => true,
        DcoRule::Author => name == a.name && email == a.email,
        DcoRule::AuthorOrCommitter => {
            (same(name, &a.name) || same(name, &c.name))
                && (same(email, &a.email) || same(email, &c.email))
        }
    };
    if parsed().any(matches) {
        return None;
    }
    let email_known = |email: &str, who: &[&Identity]| match rule {
        DcoRule::Author => email == a.email,
        _ => who.iter().any(|person| same(email, &person.email)),
    };
    if parsed().any(|(_, email)| email_known(email, &[a, c])) {
        Some(Reason::NameMismatch)
    } else {
        Some(Reason::EmailMismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, email: &str) -> Identity {
        Identity {
            name: name.into(),
            email: email.into(),
        }
    }

    fn commit(
        author: Identity,
        committer: Identity,
        trailers: &[&str],
        message: &[&str],
    ) -> Commit {
        Commit {
            id: gix::ObjectId::null(gix::hash::Kind::Sha1),
            parents: 1,
            contributor: author.clone().into(),
            author: author.into(),
            committer: committer.into(),
            time: 0,
            subject: "s".into(),
            trailer_signoffs: trailers.iter().map(|s| s.to_string()).collect(),
            message_signoffs: message.iter().map(|s| s.to_string()).collect(),
            remediations: Vec::new(),
        }
    }

    #[test]
    fn each_rule_and_reason() {
        let ann = person("Ann", "ann@example.org");
        let bob = person("Bob", "bob@example.org");
        let by_ann = commit(ann.clone(), ann.clone(), &["ann <ANN@example.org>"], &[]);
        assert_eq!(
            judge(&by_ann, DcoRule::AuthorOrCommitter, SignoffScope::Trailers),
            None
        );
        // dco-check compares exactly.
        assert_eq!(
            judge(&by_ann, DcoRule::Author, SignoffScope::Trailers),
            Some(Reason::EmailMismatch)
        );
        // Signed by the committer only.
        let committer_only = commit(ann.clone(), bob.clone(), &["Bob <bob@example.org>"], &[]);
        assert_eq!(
            judge(
                &committer_only,
                DcoRule::AuthorOrCommitter,
                SignoffScope::Trailers
            ),
            None
        );
        assert_eq!(
            judge(&committer_only, DcoRule::Author, SignoffScope::Trailers),
            Some(Reason::EmailMismatch)
        );
        let wrong_email = commit(ann.clone(), ann.clone(), &["Ann <ann@elsewhere.org>"], &[]);
        assert_eq!(
            judge(
                &wrong_email,
                DcoRule::AuthorOrCommitter,
                SignoffScope::Trailers
            ),
            Some(Reason::EmailMismatch)
        );
        assert_eq!(
            judge(&wrong_email, DcoRule::Presence, SignoffScope::Trailers),
            None
        );
        let malformed = commit(ann.clone(), ann.clone(), &["Ann"], &[]);
        assert_eq!(
            judge(&malformed, DcoRule::Presence, SignoffScope::Trailers),
            Some(Reason::Malformed)
        );
        let none = commit(ann.clone(), ann.clone(), &[], &[]);
        assert_eq!(
            judge(&none, DcoRule::Presence, SignoffScope::Trailers),
            Some(Reason::Missing)
        );
        // The DCO app wants a space after the colon.
        let unspaced = commit(ann.clone(), ann.clone(), &[], &["Ann <ann@example.org>"]);
        assert_eq!(
            judge(&unspaced, DcoRule::Presence, SignoffScope::Message),
            Some(Reason::Malformed)
        );
        let anywhere = commit(ann.clone(), ann, &[], &[" Ann <ann@example.org>"]);
        assert_eq!(
            judge(&anywhere, DcoRule::AuthorOrCommitter, SignoffScope::Message),
            None
        );
        assert_eq!(
            judge(
                &anywhere,
                DcoRule::AuthorOrCommitter,
                SignoffScope::Trailers
            ),
            Some(Reason::Missing)
        );
    }
}

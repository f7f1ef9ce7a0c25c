//! `copyright-strategy`: which of the three ways of handling contributors' copyright the
//! project documents — the Developer Certificate of Origin (DCO), a contributor licence
//! agreement (CLA) or copyright assignment — and, for the DCO, whether the history
//! follows it.
//!
//! A strategy is documented by a file of its own (`DCO`, `CLA.md`, `ICLA.pdf`, `.clabot`),
//! by its tooling (`.github/dco.yml`, a CLA workflow) or by the contribution guide's
//! wording; the README counts only for the CLA services it names. A mention that a
//! negation closely precedes ("no CLA", "nous ne demandons pas de cession de droits") is
//! not one. The history check reuses the `dco` probe's rules: the DCO app's
//! `author-or-committer` rule in the trailer block, merges and bots left out.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dco::{self, DcoRule, Offence, SignoffScope, Tally};
use super::locate::Finder;
use super::{Context, Evidence, Outcome, Problem, Status};
use crate::i18n::Text;
use crate::repo::history::Window;
use crate::repo::{Entry, EntryKind, RepoError, RepoView, SCAN_BYTES};
use crate::text;
use crate::yaml::Path;

/// Commits checked when the checklist gives no window: enough to show a habit, few
/// enough that a project which adopted the DCO last year is judged on its present.
const DEFAULT_LAST: usize = 100;
/// The share of signed-off commits, in percent, a documented DCO needs by default.
const DEFAULT_MIN_SHARE: f64 = 90.0;
/// Where strategy documents and contribution guides are looked for.
const PLACES: &[&str] = &[".", ".github", "docs"];
/// Contribution guides read, at most (translations included).
const MAX_GUIDES: usize = 8;
/// READMEs read, at most.
const MAX_READMES: usize = 4;
/// Workflow files read, at most.
const MAX_WORKFLOWS: usize = 64;
/// Unsigned commits named in the message and the evidence.
const NAMED_UNSIGNED: usize = 5;
/// Sources named per strategy in the message; the evidence has them all.
const NAMED_SOURCES: usize = 3;
/// How far back before a mention a negation is looked for, in characters.
const NEGATION_REACH: usize = 120;

/// One of the three ways of handling contributors' copyright.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    /// The Developer Certificate of Origin: a `Signed-off-by` line on every commit.
    Dco,
    /// A contributor licence agreement, individual or corporate.
    Cla,
    /// Contributors assign or transfer their copyright to the project.
    Assignment,
}

impl Strategy {
    const ALL: [Strategy; 3] = [Strategy::Dco, Strategy::Cla, Strategy::Assignment];

    fn name(self) -> Text {
        match self {
            Strategy::Dco => Text::new("DCO", "DCO"),
            Strategy::Cla => Text::new("CLA", "CLA"),
            Strategy::Assignment => Text::new("copyright assignment", "cession de droits"),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct StrategySpec {
    /// The strategies that satisfy the item; default all three.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept: Option<Vec<Strategy>>,
    /// Whether a documented DCO must show in the history; default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<bool>,
    /// Check at most the last N commits (default 100 when `days` is not given either).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<usize>,
    /// Check the commits of the last N days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// The smallest share of signed-off commits, in percent, that shows a documented DCO
    /// is followed; default 90.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_share: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct StrategyProbe {
    accept: Vec<Strategy>,
    history: bool,
    last: Option<usize>,
    days: Option<u32>,
    min_share: f64,
    bots: Regex,
}

/// Where a strategy is documented.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Found {
    pub strategy: Strategy,
    pub source: String,
    /// The line of the wording, for a text that names the strategy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// How far the window's commits follow a documented DCO.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DcoHistory {
    pub checked: usize,
    pub signed: usize,
    /// In percent, to one decimal.
    pub share: f64,
    pub min_share: f64,
    pub shallow: bool,
    /// The first commits without a valid sign-off, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsigned: Vec<Offence>,
    #[serde(default, skip_serializing_if = "super::is_zero")]
    pub more_unsigned: usize,
}

impl StrategySpec {
    pub fn compile(&self) -> Result<StrategyProbe, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut accept = self.accept.clone().unwrap_or(Strategy::ALL.to_vec());
        accept.sort();
        accept.dedup();
        if accept.is_empty() {
            problems.push(Problem {
                path: Path::default().key("accept"),
                message: "`accept` needs at least one of dco, cla, assignment".into(),
            });
        }
        let history = self.history.unwrap_or(true);
        let min_share = self.min_share.unwrap_or(DEFAULT_MIN_SHARE);
        if !(0.0..=100.0).contains(&min_share) {
            problems.push(Problem {
                path: Path::default().key("min-share"),
                message: format!("min-share {min_share} is not a percentage between 0 and 100"),
            });
        } else if min_share > 0.0 && min_share <= 1.0 {
            // A fraction written where a percentage is expected would pass almost anything.
            problems.push(Problem {
                path: Path::default().key("min-share"),
                message: format!(
                    "min-share is a percentage: {min_share} looks like a fraction; write {}",
                    (min_share * 1000.0).round() / 10.0
                ),
            });
        }
        if self.last == Some(0) {
            problems.push(Problem {
                path: Path::default().key("last"),
                message: "`last` must be at least 1".into(),
            });
        }
        if self.days == Some(0) {
            problems.push(Problem {
                path: Path::default().key("days"),
                message: "`days` must be at least 1".into(),
            });
        }
        let window_given = [
            ("last", self.last.is_some()),
            ("days", self.days.is_some()),
            ("min-share", self.min_share.is_some()),
        ];
        let checks_history = history && accept.contains(&Strategy::Dco);
        for (key, given) in window_given {
            if given && !checks_history {
                problems.push(Problem {
                    path: Path::default().key(key),
                    message: format!(
                        "`{key}` applies to the DCO history check, which needs `dco` accepted and `history` not false"
                    ),
                });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(StrategyProbe {
            accept,
            history,
            last: self.last.or(self.days.is_none().then_some(DEFAULT_LAST)),
            days: self.days,
            min_share,
            bots: dco::bots(None).expect("the default bot pattern is valid"),
        })
    }
}

impl StrategyProbe {
    /// The part of the shared history pass this probe reads: declared whenever a DCO
    /// could be judged, since the walk happens before the files say whether one is
    /// documented.
    pub fn window(&self, now: i64) -> Option<Window> {
        (self.history && self.accept.contains(&Strategy::Dco)).then(|| Window {
            last: self.last,
            since: self.days.map(|days| now - i64::from(days) * 86_400),
            tags: false,
        })
    }

    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let documented = match find(context.repo) {
            Ok(found) => found,
            Err(outcome) => return *outcome,
        };
        let listed = describe(&documented);
        let (listed_en, listed_fr) = (&listed.en, &listed.fr);
        // French agrees the word with how many strategies are named.
        let several = Strategy::ALL
            .iter()
            .filter(|s| documented.iter().any(|f| f.strategy == **s))
            .count()
            > 1;
        let documented_fr = if several {
            "stratégies documentées"
        } else {
            "stratégie documentée"
        };
        let evidence = |dco_history| Evidence::Strategy {
            strategies: documented.clone(),
            dco_history,
        };
        if documented.is_empty() {
            return Outcome::new(
                Status::Fail,
                text!(
                    "no copyright strategy documented: say whether contributors sign off their commits (DCO, git commit -s), sign a contributor licence agreement (CLA) or assign their copyright",
                    "aucune stratégie de droits d'auteur documentée : dites si les contributeurs signent leurs commits (DCO, git commit -s), signent un accord de licence de contribution (CLA) ou cèdent leurs droits"
                ),
            )
            .with(evidence(None));
        }
        let accepted: Vec<Strategy> = self
            .accept
            .iter()
            .copied()
            .filter(|strategy| documented.iter().any(|f| f.strategy == *strategy))
            .collect();
        if accepted.is_empty() {
            let wanted = join_names(&self.accept);
            let (wanted_en, wanted_fr) = (&wanted.en, &wanted.fr);
            return Outcome::new(
                Status::Fail,
                text!(
                    "documented: {listed_en}, but this item accepts only: {wanted_en}",
                    "{documented_fr} : {listed_fr}, mais seules ces stratégies satisfont cet élément : {wanted_fr}"
                ),
            )
            .with(evidence(None));
        }
        if !(self.history && accepted.contains(&Strategy::Dco)) {
            return Outcome::new(
                Status::Pass,
                text!("documented: {listed_en}", "{documented_fr} : {listed_fr}"),
            )
            .with(evidence(None));
        }
        let history = match self.dco_history(context) {
            Ok(history) => history,
            Err(outcome) => return *outcome,
        };
        let shallow_note = super::shallow_note(history.shallow);
        let (shallow_en, shallow_fr) = (&shallow_note.en, &shallow_note.fr);
        let DcoHistory {
            checked,
            signed,
            share,
            min_share,
            ..
        } = history;
        let outcome = if checked == 0 {
            Outcome::new(
                Status::Pass,
                text!(
                    "documented: {listed_en}; no commit in the window to check the sign-offs on{shallow_en}",
                    "{documented_fr} : {listed_fr} ; aucun commit dans la fenêtre pour vérifier les signatures{shallow_fr}"
                ),
            )
        } else if share >= min_share {
            Outcome::new(
                Status::Pass,
                text!(
                    "documented: {listed_en}; {signed} of {checked} recent commits signed off ({share}%){shallow_en}",
                    "{documented_fr} : {listed_fr} ; {signed} commits récents sur {checked} signés ({share} %){shallow_fr}"
                ),
            )
        } else {
            let unsigned = checked - signed;
            let named = name_commits(&history.unsigned, history.more_unsigned);
            Outcome::new(
                Status::Fail,
                text!(
                    "documented: {listed_en}, but {unsigned} of {checked} recent commits lack a sign-off ({share}% signed, {min_share}% needed): {named}{shallow_en}",
                    "{documented_fr} : {listed_fr}, mais {unsigned} commits récents sur {checked} n'ont pas de Signed-off-by ({share} % signés, {min_share} % requis) : {named}{shallow_fr}"
                ),
            )
        };
        outcome.with(evidence(Some(history)))
    }

    /// The sign-offs of the window's commits.
    fn dco_history(&self, context: &Context<'_>) -> Result<DcoHistory, Box<Outcome>> {
        let history = context.history()?;
        let window = self.window(context.now).unwrap_or_default();
        let Tally {
            checked,
            signed,
            offending,
            more_offending,
            ..
        } = dco::tally(
            dco::in_window(history, window),
            &self.bots,
            DcoRule::default(),
            SignoffScope::default(),
            NAMED_UNSIGNED,
        );
        Ok(DcoHistory {
            checked,
            signed,
            share: if checked == 0 {
                0.0
            } else {
                dco::share(signed, checked)
            },
            min_share: self.min_share,
            shallow: history.shallow,
            unsigned: offending,
            more_unsigned: more_offending,
        })
    }
}

/// "abc1234 (Ann), def5678 (Bob) and 3 more".
fn name_commits(commits: &[Offence], more: usize) -> String {
    let mut named = commits
        .iter()
        .map(|offence| {
            let who = offence.author.split(" <").next().unwrap_or(&offence.author);
            format!("{} ({who})", offence.commit)
        })
        .collect::<Vec<_>>()
        .join(", ");
    if more > 0 {
        named.push_str(&format!(", +{more}"));
    }
    named
}

/// "DCO, CLA".
fn join_names(strategies: &[Strategy]) -> Text {
    let names: Vec<Text> = strategies.iter().map(|s| s.name()).collect();
    Text::new(
        names
            .iter()
            .map(|n| n.en.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        names
            .iter()
            .map(|n| n.fr.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// "DCO (CONTRIBUTING.md:14, DCO), CLA (CLA.md)": each strategy and where it is stated.
fn describe(found: &[Found]) -> Text {
    let mut en = Vec::new();
    let mut fr = Vec::new();
    for strategy in Strategy::ALL {
        let sources: Vec<String> = found
            .iter()
            .filter(|f| f.strategy == strategy)
            .map(|f| match f.line {
                Some(line) => format!("{}:{line}", f.source),
                None => f.source.clone(),
            })
            .collect();
        if sources.is_empty() {
            continue;
        }
        let mut shown = sources
            .iter()
            .take(NAMED_SOURCES)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if sources.len() > NAMED_SOURCES {
            shown.push_str(&format!(", +{}", sources.len() - NAMED_SOURCES));
        }
        let name = strategy.name();
        en.push(format!("{} ({shown})", name.en));
        fr.push(format!("{} ({shown})", name.fr));
    }
    Text::new(en.join(", "), fr.join(", "))
}

/// Builds a finder for fixed names in [`PLACES`].
fn finder(names: &[&str]) -> Finder {
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let places: Vec<String> = PLACES.iter().map(|p| p.to_string()).collect();
    Finder::compile(&names, Some(&places)).expect("fixed names and places are valid")
}

static DCO_DOCUMENTS: LazyLock<Finder> =
    LazyLock::new(|| finder(&["DCO", "DCO.md", "DCO.txt", "DCO.rst"]));
static CLA_DOCUMENTS: LazyLock<Finder> =
    LazyLock::new(|| finder(&["CLA", "CLA.*", "ICLA*", "CCLA*", ".clabot"]));
static GUIDES: LazyLock<Finder> = LazyLock::new(|| finder(&["CONTRIBUTING", "CONTRIBUTING.*"]));
static READMES: LazyLock<Finder> = LazyLock::new(|| finder(&["README", "README.*"]));

/// A pattern read without Unicode classes: case folding over Unicode `\w` and `\s` made
/// compiling these patterns cost more than the rest of a check. Accented letters are
/// spelt as alternations, matched as their UTF-8 bytes.
fn wording(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .ignore_whitespace(true)
        .unicode(false)
        .build()
        .expect("valid regex")
}

/// Builds this probe's wording patterns, for a caller with a core to spare to have them
/// ready before the first repository needs them.
pub fn build_ahead() {
    for wording in [
        &DCO_WORDING,
        &CLA_WORDING,
        &ASSIGNMENT_WORDING,
        &CLA_SERVICES,
        &CLA_ACTIONS,
    ] {
        LazyLock::force(wording);
    }
}

/// What a contribution guide says when it asks for the DCO. `git commit -s` is told
/// from `-S` (a GPG signature) by its case; "sign off" counts only near "commits" on the
/// same line, since a reviewer's sign-off is something else.
static DCO_WORDING: LazyLock<Regex> = LazyLock::new(|| {
    wording(
        r"developer [\s-]+ certificate [\s-]+ of [\s-]+ origin
        | certificat \s+ d(?:'|’) origine \s+ du \s+ d(?:é|e)veloppeur
        | signed-off-by
        | --sign-?off\b
        | (?-i: \bgit \s+ commit (?: \s+ --?[A-Za-z][\w-]* )*? \s+ -[A-Za-z]*s[A-Za-z]*\b )
        | (?-i: \bDCO\b )
        | \bsign(?:ed)? [\s-]? off [\t\x20]+ (?: \w+ [\t\x20]+ ){0,3}? commits?\b
        | \bcommits? [\t\x20]+ (?: \w+ [\t\x20]+ ){0,3}? signed [\s-] off\b",
    )
});

/// What a contribution guide says when it asks for a CLA. The acronym counts only as a
/// word in capitals: "declaration" and "clang" hold no CLA.
static CLA_WORDING: LazyLock<Regex> = LazyLock::new(|| {
    wording(
        r"contributor (?: (?:'|’)?s )? [\s-]+ licen[cs]e [\s-]+ agreements?
        | \bcontributor [\s-]+ agreements?\b
        | (?-i: \b[IC]?CLAs?\b )
        | \bcla-assistant\b
        | \beasy-?cla\b
        | contributor-assistant/github-action
        | \baccord \s+ de \s+ (?: licence \s+ de \s+ )? contribution\b
        | \b(?: accord | contrat ) \s+ de \s+ licence \s+ (?: des? \s+ contribut | du \s+ contribut )",
    )
});

/// The CLA services a README may name (its badge, its sign-up link).
static CLA_SERVICES: LazyLock<Regex> = LazyLock::new(|| {
    wording(r"\bcla-assistant\b | \beasy-?cla\b | contributor-assistant/github-action")
});

/// The actions that collect CLA signatures on pull requests.
static CLA_ACTIONS: LazyLock<Regex> =
    LazyLock::new(|| wording(r"(?: contributor-assistant | cla-assistant ) / github-action"));

/// What a contribution guide says when it asks contributors to give up their copyright.
static ASSIGNMENT_WORDING: LazyLock<Regex> = LazyLock::new(|| {
    wording(
        r"\bcopyright [\s-]+ (?: assignments? | transfers? )\b
        | \bassignment \s+ of \s+ (?: (?: the | your | their | all | its ) \s+ )* copyrights?\b
        | \bassign (?: s | ing )? \s+ (?: (?: the | your | their | all | its | any | of ) \s+ )* copyrights?\b
        | \btransfer (?: s | ring )? \s+ (?: of \s+ )? (?: (?: the | your | their | all | its ) \s+ )* copyrights?\b
        | \b(?: cession | transfert ) \s+ (?: de | des | de \s+ vos | de \s+ leurs ) \s+ droits\b
        | \bc(?:è|é)d (?: er | ez | ent ) \s+ (?: (?: vos | les | ses | leurs | tous | toutes ) \s+ )* droits\b",
    )
});

/// A negation just before a mention: "no", "not", "don't need to sign a", "instead of
/// a", "pas de", "aucune", "plutôt qu'un", with only such small words in between.
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    wording(
        r"(?: \b(?: no | not | never | neither | nor | unlike | instead \s+ of | rather \s+ than
                  | pas | aucune? | ni | contrairement | plut(?:ô|o)t \s+ qu | au \s+ lieu \s+ d )
            | n(?:'|’)t )
          (?: (?:\s|'|’)+ (?: need | needs | needed | require | requires | required | requiring
                        | ask | asks | asking | to | sign | signing | use | using
                        | a | an | the | any | for | you | your | their | contributors? | of
                        | formal | separate | additional | copyright
                        | de | d | du | des | un | une | la | le | les | l | à | au | aux
                        | vous | signer | besoin | demandons | demande | demandée? | exigeons
                        | exige | exigée? | nécessaire | obligatoire | requise? | utiliser
                        | utilisons ) ){0,6}
          (?:\s|'|’)* $",
    )
});

/// Whether the sentence before a mention negates it.
fn negated(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .take(NEGATION_REACH)
        .last()
        .map_or(0, |(index, _)| index);
    let near = &before[start..];
    let sentence = near
        .rsplit(['.', '!', '?', ';', ':'])
        .next()
        .unwrap_or(near);
    let sentence = sentence.rsplit("\n\n").next().unwrap_or(sentence);
    NEGATION.is_match(sentence)
}

/// The line of the first mention that is not negated.
fn first_mention(text: &str, pattern: &Regex) -> Option<usize> {
    pattern
        .find_iter(text)
        .find(|found| !negated(&text[..found.start()]))
        .map(|found| text[..found.start()].matches('\n').count() + 1)
}

/// A file's text, or `None` for a link out of the repository, a file too large or a
/// binary one.
fn read_text(repo: &RepoView, entry: &Entry) -> Result<Option<String>, RepoError> {
    if !matches!(entry.kind, EntryKind::File | EntryKind::Link { .. }) {
        return Ok(None);
    }
    match repo.read(entry, SCAN_BYTES) {
        Ok(content) if content.is_binary() => Ok(None),
        Ok(content) => Ok(Some(content.text())),
        Err(RepoError::TooLarge { .. }) => Ok(None),
        Err(error) => Err(error),
    }
}

/// The outcome of a repository that cannot be read.
fn unreadable(error: RepoError) -> Box<Outcome> {
    Box::new(Outcome::new(
        Status::Error,
        text!(
            "cannot read the repository: {error}",
            "impossible de lire le dépôt : {error}"
        ),
    ))
}

/// The files a finder finds, the main one first.
fn files(finder: &Finder, repo: &RepoView) -> Result<Vec<Entry>, Box<Outcome>> {
    let found = finder.candidates(repo)?;
    Ok(found.into_iter().map(|c| c.entry).collect())
}

/// Every place the repository documents a strategy, sorted.
fn find(repo: &RepoView) -> Result<Vec<Found>, Box<Outcome>> {
    let mut found = Vec::new();
    let present = |entry: &Entry| matches!(entry.kind, EntryKind::File | EntryKind::Link { .. });
    for (strategy, documents) in [
        (Strategy::Dco, &*DCO_DOCUMENTS),
        (Strategy::Cla, &*CLA_DOCUMENTS),
    ] {
        for entry in files(documents, repo)?.iter().filter(|e| present(e)) {
            found.push(Found {
                strategy,
                source: entry.path.clone(),
                line: None,
            });
        }
    }
    // The DCO app's settings.
    if let Some(entry) = repo
        .list(".github", 1)
        .map_err(unreadable)?
        .iter()
        .find(|e| e.path == ".github/dco.yml" && present(e))
    {
        found.push(Found {
            strategy: Strategy::Dco,
            source: entry.path.clone(),
            line: None,
        });
    }
    let mut mentions = |entry: &Entry, patterns: &[(Strategy, &Regex)]| {
        let Some(text) = read_text(repo, entry).map_err(unreadable)? else {
            return Ok::<(), Box<Outcome>>(());
        };
        for (strategy, pattern) in patterns {
            if let Some(line) = first_mention(&text, pattern) {
                found.push(Found {
                    strategy: *strategy,
                    source: entry.path.clone(),
                    line: Some(line),
                });
            }
        }
        Ok(())
    };
    let guide_wordings = [
        (Strategy::Dco, &*DCO_WORDING),
        (Strategy::Cla, &*CLA_WORDING),
        (Strategy::Assignment, &*ASSIGNMENT_WORDING),
    ];
    for entry in files(&GUIDES, repo)?.iter().take(MAX_GUIDES) {
        mentions(entry, &guide_wordings)?;
    }
    for entry in files(&READMES, repo)?.iter().take(MAX_READMES) {
        mentions(entry, &[(Strategy::Cla, &*CLA_SERVICES)])?;
    }
    let workflows = repo.list(".github/workflows", 1).map_err(unreadable)?;
    let workflows = workflows
        .iter()
        .filter(|e| e.path.ends_with(".yml") || e.path.ends_with(".yaml"))
        .take(MAX_WORKFLOWS);
    for entry in workflows {
        mentions(entry, &[(Strategy::Cla, &*CLA_ACTIONS)])?;
    }
    found.sort();
    found.dedup();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(pattern: &Regex, text: &str) -> bool {
        first_mention(text, pattern).is_some()
    }

    #[test]
    fn dco_wording() {
        for yes in [
            "Sign your work with `git commit -s`.",
            "Use git commit --amend -s to add it.",
            "git commit -sm \"message\"",
            "Add a Signed-off-by trailer.",
            "Pass --signoff to git.",
            "We follow the Developer Certificate\nof Origin.",
            "Please sign off your commits.",
            "All commits must be signed off.",
            "Nous utilisons le DCO.",
        ] {
            assert!(mentions(&DCO_WORDING, yes), "{yes}");
        }
        for no in [
            "Sign your commits with git commit -S (GPG).",
            "git commit -am \"message\"",
            "Changes need a sign-off from two maintainers.",
            "the dco app",
        ] {
            assert!(!mentions(&DCO_WORDING, no), "{no}");
        }
    }

    #[test]
    fn cla_wording_is_a_word() {
        for yes in [
            "Sign the CLA before we merge.",
            "Individual and corporate ICLAs and CCLAs.",
            "our Contributor License\nAgreement",
            "the contributor licence agreement",
            "[![CLA assistant](https://cla-assistant.io/readme/badge/x/y)]",
            "Signez l'accord de licence de contribution.",
        ] {
            assert!(mentions(&CLA_WORDING, yes), "{yes}");
        }
        for no in [
            "This declaration is built with clang.",
            "class Claim: CLAUDE.md",
            "Cla and cla are not the acronym.",
        ] {
            assert!(!mentions(&CLA_WORDING, no), "{no}");
        }
    }

    #[test]
    fn assignment_wording() {
        for yes in [
            "Contributors assign their copyright to the Foundation.",
            "A copyright assignment is required.",
            "you transfer copyright to us",
            "La contribution implique une cession de droits.",
            "Le transfert des droits patrimoniaux est demandé.",
            "Vous cédez vos droits à l'association.",
        ] {
            assert!(mentions(&ASSIGNMENT_WORDING, yes), "{yes}");
        }
    }

    #[test]
    fn negated_mentions_do_not_count() {
        for no in [
            "We use the DCO instead of a CLA.",
            "There is no CLA to sign.",
            "You don't need to sign a CLA.",
            "We do not require you to sign a CLA.",
            "Unlike a CLA, the DCO is light.",
        ] {
            assert!(!mentions(&CLA_WORDING, no), "{no}");
        }
        for no in [
            "No copyright assignment is needed: you keep your rights.",
            "You do not need to assign your copyright.",
            "Nous ne demandons pas de cession de droits.",
            "Aucune cession de droits n'est demandée.",
        ] {
            assert!(!mentions(&ASSIGNMENT_WORDING, no), "{no}");
        }
        for yes in [
            "Pull requests can't be merged until you sign the CLA.",
            "You cannot contribute without signing the CLA.",
            "If you haven't signed the CLA yet, the bot asks you to.",
            "No CLA is needed. Sign the CLA of the foundation instead.",
        ] {
            assert!(mentions(&CLA_WORDING, yes), "{yes}");
        }
        assert!(mentions(
            &DCO_WORDING,
            "You don't need a CLA, just a Signed-off-by line."
        ));
    }

    #[test]
    fn a_fraction_for_a_percentage_is_refused() {
        let spec = StrategySpec {
            min_share: Some(0.9),
            ..StrategySpec::default()
        };
        let problems = spec.compile().unwrap_err();
        assert!(problems[0].message.contains("write 90"), "{problems:?}");
        let spec = StrategySpec {
            accept: Some(vec![Strategy::Cla]),
            last: Some(10),
            ..StrategySpec::default()
        };
        let problems = spec.compile().unwrap_err();
        assert_eq!(problems[0].path.to_string(), "last");
    }
}

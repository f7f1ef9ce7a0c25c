//! The report: one serialisable model, rendered by one file per format.
//!
//! The JSON format is this model serialised as is; its field names are stable within a
//! `schema_version`, and every list is in a deterministic order, so the same repository
//! and checklist give the same bytes. It deserialises back: `serde_json::from_str::<Report>`
//! reads a JSON report into the model, and [`json::render`] of that model gives the bytes
//! read, numbers included.

pub mod audit;
pub mod dco;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod junit;
pub mod location;
pub mod markdown;
pub mod publiccode;
pub mod sarif;
pub mod terminal;

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::checklist::{Basis, Level, Stage};
use crate::i18n::Lang;
use crate::probe::{Evidence, Status};
use crate::repo::ViewKind;
use crate::score::{Counts, FailOn, Judgement, Scored};

/// Bumped when a field is renamed or removed, or its meaning changes. Version 2: the
/// verified and declared scores, each item's basis, open questions left out of every
/// score, waivers listed, `--fail-under` measured against the verified score, locations
/// that say whether their file exists.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub language: Lang,
    pub repository: Repository,
    pub checklist: ChecklistInfo,
    /// The project's `.ospo.yml`, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_file: Option<String>,
    pub verdict: crate::score::Verdict,
    /// Overall score, percentage with one decimal, over the verified items and the
    /// answered questions; `null` when no item applies.
    pub score: Option<f64>,
    /// The score of the items ospo decides from the repository: the report's headline,
    /// and what `--fail-under` is measured against; `null` when none applies.
    pub verified_score: Option<f64>,
    /// The score of the questions the project answered in `.ospo.yml` (open questions
    /// left out); `null` when none is answered.
    pub declared_score: Option<f64>,
    pub passed_weight: u64,
    pub applicable_weight: u64,
    pub counts: Counts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_under: Option<f64>,
    /// Which levels fail the check when an item does not hold (`--fail-on`).
    pub fail_on: FailOn,
    /// Required items not shown to hold.
    pub failed_required: Vec<String>,
    /// Items `fail_on` covers that are not shown to hold: each fails the check.
    pub failed: Vec<String>,
    pub stages: Vec<StageReport>,
    pub items: Vec<ItemReport>,
    /// Open questions, by id: declared items with no answer that counts (none yet, one
    /// without evidence, one to renew), in checklist order. No score counts them.
    pub questions: Vec<String>,
    /// Every waiver of the project file, applied or not, in the file's order.
    pub waivers: Vec<WaiverReport>,
    /// The file that results concerning no existing file are shown on, by the tools that
    /// need a file for every result (the root's README, else its licence, else its first
    /// file); `null` in an empty tree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Things worth knowing that do not change the score (e.g. answers to unknown items).
    pub warnings: Vec<String>,
}

impl Report {
    pub fn judgement(&self) -> Judgement {
        Judgement {
            verdict: self.verdict,
            failed_required: self.failed_required.clone(),
            failed: self.failed.clone(),
            below_threshold: self
                .fail_under
                .filter(|t| self.verified_score.unwrap_or(0.0) < *t),
        }
    }

    /// The waivers that took effect.
    pub fn applied_waivers(&self) -> impl Iterator<Item = &WaiverReport> {
        self.waivers
            .iter()
            .filter(|waiver| waiver.outcome == WaiverOutcome::Applied)
    }

    /// The open questions' items, in checklist order.
    pub fn open_questions(&self) -> impl Iterator<Item = &ItemReport> {
        self.items.iter().filter(|item| item.is_open_question())
    }

    /// How many questions the project answered with an answer that counts.
    pub fn answered_questions(&self) -> usize {
        self.items
            .iter()
            .filter(|item| item.basis == Basis::Declared && item.status != Status::Unknown)
            .count()
    }
}

/// A waiver of `.ospo.yml` and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaiverReport {
    pub id: String,
    pub reason: String,
    pub outcome: WaiverOutcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WaiverOutcome {
    /// The item is skipped, with the reason.
    Applied,
    /// The item is required and the checklist does not mark it `waivable`: it is checked.
    NotWaivable,
    /// `--no-waivers`: the item is checked.
    Ignored,
    /// The checklist has no such item.
    UnknownItem,
}

impl WaiverOutcome {
    /// What the reports say beside a waiver that was not applied.
    pub fn note(self, lang: Lang) -> Option<&'static str> {
        Some(match (lang, self) {
            (_, WaiverOutcome::Applied) => return None,
            (Lang::En, WaiverOutcome::NotWaivable) => "not applied: a required item",
            (Lang::Fr, WaiverOutcome::NotWaivable) => "non appliquée : élément obligatoire",
            (Lang::En, WaiverOutcome::Ignored) => "ignored: --no-waivers",
            (Lang::Fr, WaiverOutcome::Ignored) => "ignorée : --no-waivers",
            (Lang::En, WaiverOutcome::UnknownItem) => "no such item",
            (Lang::Fr, WaiverOutcome::UnknownItem) => "élément inconnu",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

impl Tool {
    /// This tool, at this version.
    pub fn ospo() -> Tool {
        Tool {
            name: "ospo".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Repository {
    pub path: String,
    pub view: ViewKind,
    pub bare: bool,
    /// The commit read (for a worktree: `HEAD`, when there is one).
    pub commit: Option<String>,
}

impl Repository {
    /// The commit's id shortened to 12 characters, as reports show it.
    pub fn short_commit(&self) -> Option<&str> {
        self.commit.as_deref().map(|id| &id[..id.len().min(12)])
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChecklistInfo {
    pub id: String,
    pub title: String,
    pub version: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StageReport {
    pub stage: Stage,
    pub number: usize,
    pub title: String,
    pub score: Option<f64>,
    pub verified_score: Option<f64>,
    pub declared_score: Option<f64>,
    pub passed_weight: u64,
    pub applicable_weight: u64,
    pub counts: Counts,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ItemReport {
    pub id: String,
    pub stage: Stage,
    pub level: Level,
    pub weight: u32,
    pub probe: String,
    /// `verified` (decided from the repository) or `declared` (answered in `.ospo.yml`).
    pub basis: Basis,
    pub title: String,
    pub status: Status,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// The file the item is about: the one the evidence names, else the one that should
    /// exist; `None` for the repository as a whole (its history, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    pub why: String,
    pub fix: String,
    /// Where the item is documented, when the checklist says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_url: Option<String>,
}

impl ItemReport {
    /// Whether the item fails the check under `fail_on`.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        fail_on.covers(self.level)
            && matches!(self.status, Status::Fail | Status::Unknown | Status::Error)
    }
}

/// A place in the repository, relative to its root with `/` separators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub path: String,
    /// 1-based, when one line is meant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The file does not exist in the view checked: it is the one the item asks for.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub missing: bool,
}

impl Scored for ItemReport {
    fn stage(&self) -> Stage {
        self.stage
    }
    fn level(&self) -> Level {
        self.level
    }
    fn weight(&self) -> u32 {
        self.weight
    }
    fn status(&self) -> Status {
        self.status
    }
    fn basis(&self) -> Basis {
        self.basis
    }
}

/// What the project should do, the most important first: every item that does not hold
/// or holds with a warning; open questions are left out (reports list them apart) unless
/// they fail the check. One order
/// for every output: the items that fail the check first, then those that do not hold
/// before warnings, then by level, verified before declared, by weight, and in checklist
/// order.
pub fn priority(report: &Report) -> Vec<&ItemReport> {
    let mut to_do: Vec<&ItemReport> = report
        .items
        .iter()
        .filter(|item| {
            matches!(
                item.status,
                Status::Warn | Status::Fail | Status::Error | Status::Unknown
            ) && (!item.is_open_question() || item.fails(report.fail_on))
        })
        .collect();
    to_do.sort_by_key(|item| {
        (
            !item.fails(report.fail_on),
            item.status == Status::Warn,
            item.level,
            item.basis,
            std::cmp::Reverse(item.weight),
        )
    });
    to_do
}

/// The few words of the reports that are not checklist text.
pub(crate) struct Words {
    pub overall: &'static str,
    pub stage: &'static str,
    pub item: &'static str,
    pub status: &'static str,
    pub details: &'static str,
    pub to_do: &'static str,
    pub questions: &'static str,
    pub questions_hint: &'static str,
    pub warnings: &'static str,
    pub verdict_pass: &'static str,
    pub verdict_fail: &'static str,
    pub failed_required: &'static str,
    pub failed_items: &'static str,
    pub why: &'static str,
    pub fix: &'static str,
    pub documentation: &'static str,
    pub verified: &'static str,
    pub declared: &'static str,
    pub waivers: &'static str,
}

pub(crate) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &Words {
            overall: "Overall",
            stage: "Stage",
            item: "Item",
            status: "Status",
            details: "Details",
            to_do: "What to do next",
            questions: "Questions to answer in .ospo.yml",
            questions_hint: "answer each with `answer: yes | no | n/a`, `evidence` (a link, or a path of the repository) and `date`",
            warnings: "Warnings",
            verdict_pass: "PASS",
            verdict_fail: "FAIL",
            failed_required: "required items not met",
            failed_items: "items not met",
            why: "why",
            fix: "fix",
            documentation: "documentation",
            verified: "verified",
            declared: "declared",
            waivers: "Waivers",
        },
        Lang::Fr => &Words {
            overall: "Global",
            stage: "Étape",
            item: "Élément",
            status: "Statut",
            details: "Détails",
            to_do: "Que faire ensuite",
            questions: "Questions auxquelles répondre dans .ospo.yml",
            questions_hint: "répondez à chacune avec `answer: yes | no | n/a`, `evidence` (un lien, ou un chemin du dépôt) et `date`",
            warnings: "Avertissements",
            verdict_pass: "RÉUSSI",
            verdict_fail: "ÉCHEC",
            failed_required: "éléments obligatoires non satisfaits",
            failed_items: "éléments non satisfaits",
            why: "pourquoi",
            fix: "action",
            documentation: "documentation",
            verified: "vérifié",
            declared: "déclaré",
            waivers: "Dispenses",
        },
    }
}

/// `text` cut to `width` characters, at a space when there is one near the end, ending
/// with `…` when cut.
pub(crate) fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    let at_word = kept
        .rfind(' ')
        .filter(|space| kept[..*space].chars().count() + 12 >= width)
        .map_or(kept.as_str(), |space| &kept[..space]);
    let mut kept = at_word
        .trim_end_matches([' ', ',', ';', ':', '('])
        .to_owned();
    kept.push('…');
    kept
}

/// What follows a label: French sets a space before a colon.
pub(crate) fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ":",
        Lang::Fr => " :",
    }
}

/// The text with its first letter in capitals.
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The verdict as the reports print it: `PASS` or `FAIL`, `RÉUSSI` or `ÉCHEC`.
pub(crate) fn verdict_label(verdict: crate::score::Verdict, lang: Lang) -> &'static str {
    let w = words(lang);
    match verdict {
        crate::score::Verdict::Pass => w.verdict_pass,
        crate::score::Verdict::Fail => w.verdict_fail,
    }
}

/// The label of a status in a language.
pub(crate) fn status_label(status: Status, lang: Lang) -> &'static str {
    match (lang, status) {
        (Lang::En, Status::Pass) => "pass",
        (Lang::En, Status::Warn) => "warn",
        (Lang::En, Status::Fail) => "fail",
        (Lang::En, Status::Unknown) => "unknown",
        (Lang::En, Status::Skip) => "skip",
        (Lang::En, Status::Error) => "error",
        (Lang::Fr, Status::Pass) => "réussi",
        (Lang::Fr, Status::Warn) => "à revoir",
        (Lang::Fr, Status::Fail) => "échec",
        (Lang::Fr, Status::Unknown) => "inconnu",
        (Lang::Fr, Status::Skip) => "ignoré",
        (Lang::Fr, Status::Error) => "erreur",
    }
}

/// Whether a character can act on a terminal rather than show on it, or change the order
/// in which the text around it shows: the control characters (C0, DEL, C1), the
/// bidirectional formatting characters (the "Trojan Source" ones) and the Unicode line and
/// paragraph separators. Text from a repository holds none of them raw in any output.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Text from a repository (a file name, a line of a file, an author, a reason of
/// `.ospo.yml`…) as a terminal may show it: each character of [`is_unsafe_char`] written as
/// a visible escape — `\e` for ESC, `\n`, `\r` and `\t`, `\u{…}` for the others — so that
/// nothing a repository holds clears the screen, retitles the window, plants a link,
/// moves the cursor or fakes a line. Every renderer for people calls it on such text.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_controls_keeping(text, &[])
}

/// [`escape_controls`], keeping the characters of `kept` (the line feed of a text laid out
/// on several lines, the tab and line feed a format quotes).
pub fn escape_controls_keeping<'a>(text: &'a str, kept: &[char]) -> Cow<'a, str> {
    let unsafe_char = |c: char| is_unsafe_char(c) && !kept.contains(&c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            '\u{1b}' => out.push_str("\\e"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

/// A score as text: `87.5%` in English, `87,5 %` in French, `—` when nothing applies.
pub(crate) fn percent(score: Option<f64>, lang: Lang) -> String {
    match (score, lang) {
        (None, _) => "—".to_owned(),
        (Some(score), Lang::En) => format!("{score:.1}%"),
        (Some(score), Lang::Fr) => format!("{score:.1}\u{202f}%").replace('.', ","),
    }
}

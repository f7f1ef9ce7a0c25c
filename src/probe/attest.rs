//! `attest`: the project answers a question no file can show, in `.ospo.yml`.
//!
//! An answer counts only when it can be checked and is current: a `yes` names its
//! evidence, a link or a path that exists in the repository at the revision checked, and
//! a `yes` or `n/a` is younger than the checklist's `answers-valid-months` (12 by
//! default) counted from its `date`. Anything else leaves the question open (`unknown`),
//! with the reason. A `no` needs neither: it is a finding whatever its age.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Context, Evidence, Outcome, Status};
use crate::i18n::Text;
use crate::metadata::changelog::{day_text, days_from_civil};
use crate::project::{Answer, AnswerValue};
use crate::repo::RepoView;
use crate::text;

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AttestSpec {
    /// Whether a `yes` needs `evidence` ospo can check (a link, or a path in the
    /// repository) to count: `required` by default; `optional` accepts a bare `yes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceRule {
    Required,
    Optional,
}

#[derive(Debug, Clone)]
pub struct AttestProbe {
    evidence_required: bool,
}

impl AttestSpec {
    pub fn compile(&self) -> AttestProbe {
        AttestProbe {
            evidence_required: self.evidence != Some(EvidenceRule::Optional),
        }
    }
}

/// How many of the paths an answer's evidence names are looked up in the repository.
const PATHS_LOOKED_UP: usize = 16;

/// What an answer's evidence points at, as far as ospo can check it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Support {
    /// A web address.
    Link(String),
    /// A file or directory of the repository.
    Path(String),
    /// Something written as a path that the repository does not have.
    MissingPath(String),
    /// Nothing checkable: words only.
    Nothing,
}

impl AttestProbe {
    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let id = context.item_id;
        let Some(answer) = context.project.answers.get(id) else {
            return Outcome::new(
                Status::Unknown,
                text!(
                    "not answered yet: answer `{id}` in .ospo.yml",
                    "sans réponse : répondez à `{id}` dans .ospo.yml"
                ),
            );
        };
        let evidence = Evidence::Answer {
            answer: answer.answer,
            evidence: answer.evidence.clone(),
            date: answer.date.clone(),
        };
        let today = context.now.div_euclid(86_400);
        let stale = match answer.answer {
            AnswerValue::No => None,
            AnswerValue::Yes | AnswerValue::NotApplicable => {
                staleness(answer, today, context.answers_valid_months, id)
            }
        };
        let outcome = match (answer.answer, stale) {
            (_, Some(stale)) => Outcome::new(Status::Unknown, stale),
            (AnswerValue::Yes, None) => self.yes(answer, context.repo, id),
            (AnswerValue::No, None) => Outcome::new(Status::Fail, said(answer, "no", "non")),
            (AnswerValue::NotApplicable, None) => {
                Outcome::new(Status::Skip, said(answer, "not applicable", "sans objet"))
            }
        };
        outcome.with(evidence)
    }

    fn yes(&self, answer: &Answer, repo: &RepoView, id: &str) -> Outcome {
        let support = answer
            .evidence
            .as_deref()
            .map_or(Support::Nothing, |evidence| support(evidence, repo));
        match support {
            Support::Link(_) | Support::Path(_) => {}
            _ if !self.evidence_required => {}
            Support::MissingPath(path) => {
                return Outcome::new(
                    Status::Unknown,
                    text!(
                        "answered yes, but the evidence names `{path}`, which is not in the repository at the revision checked: give a link, or the path of a file that is",
                        "réponse oui, mais la preuve cite `{path}`, absent du dépôt à la révision vérifiée : donnez un lien, ou le chemin d'un fichier présent"
                    ),
                );
            }
            Support::Nothing => {
                return Outcome::new(
                    Status::Unknown,
                    text!(
                        "answered yes without evidence ospo can check: give in `evidence` of `{id}` a link (https://…) or the path of a file of the repository",
                        "réponse oui sans preuve vérifiable : indiquez dans `evidence` de `{id}` un lien (https://…) ou le chemin d'un fichier du dépôt"
                    ),
                );
            }
        }
        let mut message = said(answer, "yes", "oui");
        if answer.date.is_none() {
            message.push(&text!(
                " — undated: add `date` so that the answer can be renewed",
                " — sans date : ajoutez `date` pour que la réponse puisse être renouvelée"
            ));
            return Outcome::new(Status::Warn, message);
        }
        Outcome::new(Status::Pass, message)
    }
}

/// The answer as the report shows it: `yes (2026-01-31): evidence`.
fn said(answer: &Answer, en: &str, fr: &str) -> Text {
    let dated = answer
        .date
        .as_deref()
        .map(|date| format!(" ({date})"))
        .unwrap_or_default();
    // French sets a space before a colon.
    let (shown_en, shown_fr) = match answer.evidence.as_deref() {
        Some(evidence) => (format!(": {evidence}"), format!(" : {evidence}")),
        None => Default::default(),
    };
    text!("{en}{dated}{shown_en}", "{fr}{dated}{shown_fr}")
}

/// Why a dated answer no longer counts: written in the future, or older than the months
/// the checklist allows. `None` when it counts, or has no date.
fn staleness(answer: &Answer, today: i64, months: u32, id: &str) -> Option<Text> {
    let date = answer.date.as_deref()?;
    let day = parse_day(date)?;
    // A day's slack: the date is the author's, the clock may be a time zone ahead.
    if day > today + 1 {
        return Some(text!(
            "the answer is dated {date}, a day still to come: give the day it was written",
            "la réponse est datée du {date}, jour encore à venir : indiquez le jour où elle a été écrite"
        ));
    }
    let renew_by = add_months(day, months)?;
    (today >= renew_by).then(|| {
        let renew_by = day_text(renew_by);
        text!(
            "answer to renew: given on {date}, it counted until {renew_by} ({months} months); check that it still holds and update `date` of `{id}`",
            "réponse à renouveler : donnée le {date}, elle valait jusqu'au {renew_by} ({months} mois) ; vérifiez qu'elle tient toujours et mettez à jour `date` de `{id}`"
        )
    })
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn parse_day(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    days_from_civil(year, month, day)
}

/// The day `months` calendar months after `day`, on the same day of the month, or the
/// month's last day when it is shorter (2026-01-31 + 1 month is 2026-02-28).
fn add_months(day: i64, months: u32) -> Option<i64> {
    let text = day_text(day);
    let mut parts = text.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let date: u32 = parts.next()?.parse().ok()?;
    let index = year * 12 + (month - 1) + i64::from(months);
    let (year, month) = (
        index.div_euclid(12),
        u32::try_from(index.rem_euclid(12) + 1).ok()?,
    );
    (1..=date)
        .rev()
        .find_map(|date| days_from_civil(year, month, date))
}

/// What the evidence points at: the first link in it, else the first path of the
/// repository it names, else the first thing written as a path, which the repository
/// does not have.
pub(crate) fn support(evidence: &str, repo: &RepoView) -> Support {
    let tokens: Vec<&str> = evidence.split_whitespace().map(trimmed).collect();
    if let Some(link) = tokens.iter().find(|token| is_link(token)) {
        return Support::Link((*link).to_owned());
    }
    // A few are enough to find the evidence, and bound the lookups a hostile file could
    // ask for.
    let paths: Vec<&str> = tokens
        .iter()
        .filter(|token| looks_like_path(token))
        .map(|token| path_part(token))
        .take(PATHS_LOOKED_UP)
        .collect();
    if let Some(path) = paths.iter().find(|path| repo.exists(path)) {
        return Support::Path((*path).to_owned());
    }
    paths.first().map_or(Support::Nothing, |path| {
        Support::MissingPath((*path).to_owned())
    })
}

/// A word of the evidence without the punctuation around it: quotes, brackets, and the
/// `,` `;` `:` `.` that end a phrase.
fn trimmed(word: &str) -> &str {
    word.trim_start_matches(['"', '\'', '`', '(', '[', '<', '«'])
        .trim_end_matches([
            '"', '\'', '`', ')', ']', '>', '»', ',', ';', ':', '.', '!', '?',
        ])
}

/// An `https://` or `http://` address with a host name holding a dot (or `localhost`
/// excluded: evidence must be reachable by others).
fn is_link(word: &str) -> bool {
    let Some(rest) = word
        .strip_prefix("https://")
        .or_else(|| word.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.split(':').next().unwrap_or_default();
    !host.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'))
}

/// A word written as a path: with a `/` (`docs/`, `.ci/run`), or a name with an
/// extension of two characters or more (`README.md`, `SUPPORT.txt`), not a link.
fn looks_like_path(word: &str) -> bool {
    if word.contains("://") || word.is_empty() {
        return false;
    }
    let word = path_part(word);
    if word.contains('/') {
        return word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_' | '+' | '@'));
    }
    match word.rsplit_once('.') {
        Some((stem, extension)) => {
            !stem.is_empty()
                && extension.len() >= 2
                && extension.chars().all(|c| c.is_ascii_alphanumeric())
                && extension.chars().any(|c| c.is_ascii_alphabetic())
                && stem
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+'))
        }
        None => false,
    }
}

/// The path of a reference such as `README.md#licence` or `src/lib.rs:12`.
fn path_part(word: &str) -> &str {
    let word = word.split('#').next().unwrap_or(word);
    match word.rsplit_once(':') {
        Some((path, line)) if !line.is_empty() && line.chars().all(|c| c.is_ascii_digit()) => path,
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_evidence_are_links_paths_or_neither() {
        assert!(is_link("https://example.org/budget"));
        assert!(is_link("http://docs.example.org:8080/a?b#c"));
        assert!(!is_link("https://localhost/x") && !is_link("https://") && !is_link("ftp://a.b"));
        assert!(!is_link("https://exa mple.org"));
        for path in [
            "README.md",
            ".ci/run",
            "docs/",
            "GOVERNANCE.md#decisions",
            "src/lib.rs:12",
        ] {
            assert!(looks_like_path(path), "{path}");
        }
        for word in [
            "e.g",
            "v1.2",
            "1.0.0",
            "budget",
            "https://example.org",
            "yes.",
        ] {
            assert!(!looks_like_path(word), "{word}");
        }
        assert_eq!(trimmed("(README.md,"), "README.md");
        assert_eq!(trimmed("`.ci/run`"), ".ci/run");
        assert_eq!(path_part("src/lib.rs:12"), "src/lib.rs");
        assert_eq!(path_part("GOVERNANCE.md#decisions"), "GOVERNANCE.md");
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        let day = |text: &str| parse_day(text).unwrap();
        assert_eq!(add_months(day("2025-11-23"), 12), Some(day("2026-11-23")));
        assert_eq!(add_months(day("2026-01-31"), 1), Some(day("2026-02-28")));
        assert_eq!(add_months(day("2024-02-29"), 12), Some(day("2025-02-28")));
        assert_eq!(add_months(day("2026-12-15"), 3), Some(day("2027-03-15")));
        assert_eq!(parse_day("2026-02-30"), None);
    }
}

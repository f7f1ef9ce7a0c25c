//! Project metadata files as data, with no repository access: `publiccode.yml` (the
//! public-sector description of a software), `.github/FUNDING.yml` (the platforms that
//! fund it) and changelogs (its releases as the project tells them).
//!
//! Each reader reports every problem at once, each with the key path, line and column it
//! concerns, in both languages.

pub mod changelog;
pub mod funding;
pub mod publiccode;

use serde::{Deserialize, Serialize};

use crate::i18n::Text;
use crate::yaml::Position;

/// Whether a finding makes the file invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The file is invalid: the platform or catalogue reading it would refuse it.
    Error,
    /// Accepted, but worth fixing (a deprecated key, a version to update).
    Warning,
}

/// One problem in a metadata file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub severity: Severity,
    /// The key it concerns, such as `maintenance.contacts[0].name`; empty for the whole
    /// document (a syntax error, a file that is not a mapping).
    pub path: String,
    /// 1-based; the nearest existing ancestor's position for a missing key.
    pub line: u64,
    pub column: u64,
    /// One clear sentence, without the path or the position (renderers add them).
    pub message: Text,
}

impl Finding {
    pub fn new(
        severity: Severity,
        path: impl Into<String>,
        at: Position,
        message: Text,
    ) -> Finding {
        Finding {
            severity,
            path: path.into(),
            line: at.line,
            column: at.column,
            message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts findings by position, then path and message, so that output is deterministic.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.line, a.column, &a.path, &a.message.en).cmp(&(b.line, b.column, &b.path, &b.message.en))
    });
}

/// How many findings are errors, and how many warnings.
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings.iter().filter(|f| f.is_error()).count();
    (errors, findings.len() - errors)
}

/// "2 errors, 1 warning", in both languages.
pub fn counted(errors: usize, warnings: usize) -> Text {
    let part = |n: usize, en: &str, fr: &str| {
        let plural = if n == 1 { "" } else { "s" };
        Text::new(format!("{n} {en}{plural}"), format!("{n} {fr}{plural}"))
    };
    let mut parts = Vec::new();
    if errors > 0 || warnings == 0 {
        parts.push(part(errors, "error", "erreur"));
    }
    if warnings > 0 {
        parts.push(part(warnings, "warning", "avertissement"));
    }
    Text::join(&parts, ", ", ", ")
}

/// The allowed value closest to `value`, when it is close enough to be a typo: a
/// did-you-mean for keys, values and item ids.
pub fn closest<'a>(value: &str, allowed: &[&'a str]) -> Option<&'a str> {
    // Long values are not typos of short keywords; this also bounds the work.
    if value.chars().count() > 64 {
        return None;
    }
    let lower = value.to_lowercase();
    allowed
        .iter()
        .map(|candidate| (edit_distance(&lower, &candidate.to_lowercase()), *candidate))
        .filter(|(_, candidate)| *candidate != value)
        .filter(|(distance, candidate)| *distance <= (candidate.chars().count() / 4).clamp(1, 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Edit distance with transpositions (optimal string alignment), over characters: the
/// typos a "did you mean" catches. Quadratic: callers bound the lengths.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_a_transposition_once() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("comunity", "community"), 1);
        assert_eq!(edit_distance("ko_fi", "kof_i"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn counts_are_worded() {
        assert_eq!(counted(0, 0).en, "0 errors");
        assert_eq!(counted(1, 2).en, "1 error, 2 warnings");
        assert_eq!(counted(0, 1).fr, "1 avertissement");
    }
}

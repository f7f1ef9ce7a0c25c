//! Project metadata files as data, with no repository access: `publiccode.yml` (the
//! public-sector description of a software), `.github/FUNDING.yml` (the platforms that
//! fund it) and changelogs (its releases as the project tells them).
//!
//! Each reader reports every problem at once, each with the key path, line and column it
//! concerns, in both languages.

pub mod changelog;
pub mod funding;
pub mod publiccode;

use serde::Serialize;

use crate::i18n::Text;
use crate::yaml::Position;

/// Whether a finding makes the file invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The file is invalid: the platform or catalogue reading it would refuse it.
    Error,
    /// Accepted, but worth fixing (a deprecated key, a version to update).
    Warning,
}

/// One problem in a metadata file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// A day counted from 1970-01-01 as `YYYY-MM-DD` (proleptic Gregorian calendar).
pub fn day_text(days: i64) -> String {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_dates() {
        assert_eq!(day_text(0), "1970-01-01");
        assert_eq!(day_text(-1), "1969-12-31");
        assert_eq!(day_text(19_782), "2024-02-29");
        assert_eq!(day_text(20_468), "2026-01-15");
    }

    #[test]
    fn counts_are_worded() {
        assert_eq!(counted(0, 0).en, "0 errors");
        assert_eq!(counted(1, 2).en, "1 error, 2 warnings");
        assert_eq!(counted(0, 1).fr, "1 avertissement");
    }
}

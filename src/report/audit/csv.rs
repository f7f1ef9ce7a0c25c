//! `ospo audit --format csv`: one row a repository, for spreadsheets and scripts.
//!
//! RFC 4180: a header row, then one record a repository in the audit's order, every record
//! ending with CRLF; a field containing a comma, a double quote, CR or LF is quoted, its
//! quotes doubled. The columns:
//!
//! - `path`;
//! - `verdict`: `pass`, `fail`, or `error` for a repository that could not be checked;
//! - `message`: why it could not be checked; empty otherwise;
//! - `score`: the overall score, verified items and answered questions together;
//! - `verified_score`: the score of the items ospo decides from the repository, the
//!   headline of the other formats;
//! - `declared_score`: the score of the questions answered in `.ospo.yml`;
//! - one column a stage (`needs`, `communication`, `legal`, `community`, `funding`): its
//!   verified score, as the other formats show it;
//! - the counts of items by status (`pass`, `warn`, `fail`, `unknown`, `skip`, `error`);
//! - `open_questions`: how many questions have no answer that counts (they are among the
//!   `unknown` items and in no score);
//! - `waivers`: how many waivers of `.ospo.yml` were applied (their items are among the
//!   `skip` ones);
//! - `failed`: the ids of the items that fail it, separated by spaces;
//! - then one column an item of the summary, in its order, headed by the item's id and
//!   holding its status id, empty for a repository whose checklist lacks it.
//!
//! Scores have one decimal (`87.5`) and are empty when nothing is scored (a repository
//! that answered no question has no declared score). Headers and values are ids, the same
//! in every language. A text that comes from a repository (its path, an error message, an
//! item id of its own checklist) has its control characters but the tab and the line feed
//! written as escapes (`\e`, `\r`, `\u{7}`…), and when it starts with `=`, `+`, `-`, `@` or
//! a tab it is written after a `'`, so that no spreadsheet takes it for a formula.

use std::collections::HashMap;

use crate::audit::{Audit, Row};
use crate::checklist::Stage;
use crate::probe::Status;
use crate::report::escape_controls_keeping;

/// The end of every record.
const END: &str = "\r\n";

pub fn render(audit: &Audit) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = [
        "path",
        "verdict",
        "message",
        "score",
        "verified_score",
        "declared_score",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    header.extend(Stage::ALL.iter().map(|stage| stage.id().to_owned()));
    header.extend(Status::ALL.iter().map(|status| status.id().to_owned()));
    header.extend(["open_questions", "waivers", "failed"].map(str::to_owned));
    header.extend(audit.summary.items.iter().map(|item| text(&item.id)));
    record(&mut out, &header);

    for row in &audit.repositories {
        let mut fields = vec![text(row.path())];
        match row {
            Row::Report(report) => {
                fields.push(report.verdict.id().to_owned());
                fields.push(String::new());
                fields.push(score(report.score));
                fields.push(score(report.verified_score));
                fields.push(score(report.declared_score));
                for stage in Stage::ALL {
                    let found = report.stages.iter().find(|s| s.stage == stage);
                    fields.push(score(found.and_then(|s| s.verified_score)));
                }
                let counts = &report.counts;
                for count in [
                    counts.pass,
                    counts.warn,
                    counts.fail,
                    counts.unknown,
                    counts.skip,
                    counts.error,
                ] {
                    fields.push(count.to_string());
                }
                fields.push(report.questions.len().to_string());
                fields.push(report.applied_waivers().count().to_string());
                fields.push(text(&report.failed.join(" ")));
                let statuses: HashMap<&str, Status> = report
                    .items
                    .iter()
                    .map(|item| (item.id.as_str(), item.status))
                    .collect();
                fields.extend(audit.summary.items.iter().map(|item| {
                    statuses
                        .get(item.id.as_str())
                        .map_or_else(String::new, |status| status.id().to_owned())
                }));
            }
            Row::Error(error) => {
                fields.push("error".to_owned());
                fields.push(text(&error.message));
                // No score, no count, no item: nothing was checked.
                let empty =
                    3 + Stage::ALL.len() + Status::ALL.len() + 3 + audit.summary.items.len();
                fields.extend(std::iter::repeat_n(String::new(), empty));
            }
        }
        record(&mut out, &fields);
    }
    out
}

/// A score with one decimal, or nothing.
fn score(score: Option<f64>) -> String {
    score.map_or_else(String::new, |score| format!("{score:.1}"))
}

/// A text from the repository, defused: its control characters but the tab and the line
/// feed (which a field holds, quoted) written as escapes ([`escape_controls_keeping`]),
/// and a leading `'` when a spreadsheet would read it as a formula.
fn text(value: &str) -> String {
    let value = escape_controls_keeping(value, &['\t', '\n']);
    if value.starts_with(['=', '+', '-', '@', '\t']) {
        format!("'{value}")
    } else {
        value.into_owned()
    }
}

/// One record: the fields, quoted where they must be, and the end of the line.
fn record(out: &mut String, fields: &[String]) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str(END);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_they_must_be() {
        let mut out = String::new();
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", ""].map(str::to_owned);
        record(&mut out, &fields);
        assert_eq!(
            out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",\r\n"
        );
    }

    #[test]
    fn formulas_are_defused() {
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"] {
            assert_eq!(text(formula), format!("'{formula}"));
        }
        // A carriage return, which a terminal showing the file would act on, is written
        // as its escape: nothing is left for a spreadsheet to read as a formula.
        assert_eq!(text("\rx"), "\\rx");
        assert_eq!(text("a\u{1b}[2Jb\nc"), "a\\e[2Jb\nc");
        assert_eq!(text("/srv/org/a"), "/srv/org/a");
        assert_eq!(text("a=b"), "a=b");
        assert_eq!(score(Some(87.5)), "87.5");
        assert_eq!(score(Some(100.0)), "100.0");
        assert_eq!(score(None), "");
    }
}

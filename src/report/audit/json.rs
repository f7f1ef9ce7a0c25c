//! `ospo audit --format json` (the rows and the summary in one document) and `jsonl` (one
//! row a line, then the summary: a stream to process line by line, and the input of
//! `ospo audit merge`).

use crate::audit::{Audit, Row};

/// Pretty-printed JSON ending with a newline.
pub fn render(audit: &Audit) -> String {
    let mut text = serde_json::to_string_pretty(audit).expect("the audit model always serialises");
    text.push('\n');
    text
}

/// One compact JSON object a line: `{"report": …}` or `{"error": …}` for each row, then
/// `{"summary": …}`.
pub fn lines(audit: &Audit) -> String {
    let mut text = String::new();
    for row in &audit.repositories {
        text.push_str(&row_line(row));
        text.push('\n');
    }
    text.push_str(&summary_line(audit));
    text
}

/// The last line of `jsonl`, `{"summary": …}`, with its newline.
pub fn summary_line(audit: &Audit) -> String {
    #[derive(serde::Serialize)]
    struct SummaryLine<'a> {
        summary: &'a crate::audit::Summary,
    }
    let summary = SummaryLine {
        summary: &audit.summary,
    };
    let mut line = serde_json::to_string(&summary).expect("the summary always serialises");
    line.push('\n');
    line
}

/// One row as a line of `jsonl`, without its newline.
pub fn row_line(row: &Row) -> String {
    // A report is some tens of kilobytes: one buffer of that size, rather than doublings.
    let mut line = Vec::with_capacity(64 * 1024);
    serde_json::to_writer(&mut line, row).expect("a row always serialises");
    String::from_utf8(line).expect("serde_json writes UTF-8")
}

//! `ospo audit --format json` (the rows and the summary in one document) and `jsonl` (one
//! row a line, then the summary: a stream to process line by line, and the input of
//! `ospo audit merge`).

use crate::audit::Audit;

/// Pretty-printed JSON ending with a newline.
pub fn render(audit: &Audit) -> String {
    let mut text = serde_json::to_string_pretty(audit).expect("the audit model always serialises");
    text.push('\n');
    text
}

/// One compact JSON object a line: `{"report": …}` or `{"error": …}` for each row, then
/// `{"summary": …}`.
pub fn lines(audit: &Audit) -> String {
    use rayon::prelude::*;
    // Rows are rendered on every core of the pool the caller runs in (the audit's).
    let rows: Vec<String> = audit
        .repositories
        .par_iter()
        .map(|row| serde_json::to_string(row).expect("a row always serialises"))
        .collect();
    let mut text = String::with_capacity(rows.iter().map(|row| row.len() + 1).sum::<usize>());
    for row in rows {
        text.push_str(&row);
        text.push('\n');
    }
    #[derive(serde::Serialize)]
    struct SummaryLine<'a> {
        summary: &'a crate::audit::Summary,
    }
    let summary = SummaryLine {
        summary: &audit.summary,
    };
    text.push_str(&serde_json::to_string(&summary).expect("the summary always serialises"));
    text.push('\n');
    text
}

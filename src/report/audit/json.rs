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
    let mut text = String::new();
    for row in &audit.repositories {
        text.push_str(&serde_json::to_string(row).expect("a row always serialises"));
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

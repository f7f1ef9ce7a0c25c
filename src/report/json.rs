//! `--format json`: the report model, serialised.

use super::Report;

/// Pretty-printed JSON ending with a newline.
pub fn render(report: &Report) -> String {
    let mut text =
        serde_json::to_string_pretty(report).expect("the report model always serialises");
    text.push('\n');
    text
}

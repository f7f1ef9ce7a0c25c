//! `--format json`: the report model, serialised.

use std::fmt::Write as _;

use super::Report;

/// Pretty-printed JSON ending with a newline.
pub fn render(report: &Report) -> String {
    let mut text =
        serde_json::to_string_pretty(report).expect("the report model always serialises");
    text.push('\n');
    escape_unsafe(text)
}

/// JSON whose strings hold no character of [`super::is_unsafe_char`] raw: serde_json
/// escapes the C0 controls but writes DEL, the C1 controls and the bidirectional
/// formatting characters as they are, which a terminal showing the JSON would act on.
/// Outside strings JSON is ASCII punctuation, so every such character is in a string,
/// where a `\uXXXX` escape reads back as the very character.
pub fn escape_unsafe(json: String) -> String {
    // serde_json escapes the C0 controls in strings; outside them, the line feeds and
    // spaces of pretty printing stay.
    let raw = |c: char| c >= '\u{7f}' && super::is_unsafe_char(c);
    if !json.chars().any(raw) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(c) {
            // Every such character is in the Basic Multilingual Plane: four digits.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_read_back() {
        let text = "a\u{7f}b\u{9b}c\u{202e}d\u{2028}e\u{1b}f—g";
        let json = escape_unsafe(serde_json::to_string(text).unwrap());
        assert_eq!(json, r#""a\u007fb\u009bc\u202ed\u2028e\u001bf—g""#);
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
        let pretty = serde_json::to_string_pretty(&[text]).unwrap();
        let back: Vec<String> = serde_json::from_str(&escape_unsafe(pretty)).unwrap();
        assert_eq!(back, [text]);
    }
}

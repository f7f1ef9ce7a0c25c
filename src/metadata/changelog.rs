//! Changelogs (`CHANGELOG`, `CHANGES`, `NEWS`, `HISTORY`, `RELEASE_NOTES`…): the release
//! entries a project writes, read from their headings.

use serde::Serialize;

/// One release entry of a changelog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The version, without a leading `v` (`1.2.0`); `None` for an unreleased section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The release date, as days since 1970-01-01, when the heading gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<i64>,
    /// An `Unreleased` (or « Non publié ») section.
    pub unreleased: bool,
    /// 1-based line of the heading.
    pub line: usize,
    /// The heading as written, trimmed (at most 160 characters).
    pub heading: String,
}

/// The release entries of a changelog, in document order. Never panics.
pub fn entries(_text: &str) -> Vec<Entry> {
    Vec::new()
}

/// The version a tag name or heading names (`v1.2.3` → `1.2.3`).
pub fn normalise_version(_tag_or_version: &str) -> Option<String> {
    None
}

/// The entry of `version`, if the changelog has one.
pub fn covers<'a>(_entries: &'a [Entry], _version: &str) -> Option<&'a Entry> {
    None
}

/// The newest date an entry gives.
pub fn newest_date(_entries: &[Entry]) -> Option<i64> {
    None
}

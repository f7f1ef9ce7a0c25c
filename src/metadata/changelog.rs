//! Changelogs (`CHANGELOG`, `CHANGES`, `NEWS`, `HISTORY`, `RELEASE_NOTES`…): the release
//! entries a project writes, read from their headings.
//!
//! A release heading is found in the styles projects use: Markdown (`## [1.2.0] -
//! 2024-01-02`, `# Version 1.2.0`), setext and reStructuredText titles (a line underlined
//! with `=====` or `-----`), GNU `NEWS` outlines (`* Noteworthy changes in release 1.2
//! (2024-01-02) [stable]`) and plain lines (`Release 1.2.0`), in English or French. A
//! heading that names no version (`## Added`, `# Changelog`) and is no `Unreleased`
//! section is not an entry. Dates are read only in unambiguous forms.
//!
//! Work is linear in the text: each line is read once, and at most 400 characters of it.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// One release entry of a changelog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The version, without a leading `v` (`1.2.0`); `None` for an unreleased section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The release date, as days since 1970-01-01, when the heading gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<i64>,
    /// An `Unreleased` (or « Non publié ») section; also a version marked so
    /// (`## 1.3.0 (unreleased)`, `## [1.3.0] - TBD`), which keeps its version.
    pub unreleased: bool,
    /// 1-based line of the heading.
    pub line: usize,
    /// The heading as written, trimmed (at most 160 characters).
    pub heading: String,
}

/// The characters of a line read as a heading: a release heading is short, and the bound
/// keeps the work linear whatever the file.
const LINE_MAX: usize = 400;

const HEADING_MAX: usize = 160;

/// The release entries of a changelog, in document order. Never panics.
pub fn entries(text: &str) -> Vec<Entry> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(|line| cap(line, LINE_MAX)).collect();
    let mut candidates = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for (index, line) in lines.iter().enumerate() {
        // Fenced code blocks hold examples, not releases.
        if let Some((marker, length)) = fence_marker(line) {
            match fence {
                None => fence = Some((marker, length)),
                Some((open, open_length)) if open == marker && length >= open_length => {
                    fence = None
                }
                Some(_) => {}
            }
            continue;
        }
        if fence.is_some() || line.trim().is_empty() {
            continue;
        }
        let found = if let Some((level, heading)) = atx(line) {
            read_heading(heading, level, Style::Marked)
        } else if let Some(level) = lines.get(index + 1).and_then(|next| underline(next))
            && is_title_line(line)
        {
            read_heading(line.trim(), level, Style::Marked)
        } else if !may_name_a_release(line) {
            // Most lines of a changelog are its changes: only a heading's form, checked
            // above, or a version or an unreleased word makes a line worth reading.
            None
        } else if let Some((level, heading)) = outline(line) {
            read_heading(heading, level, Style::Plain)
        } else if let Some(item) = line.strip_prefix("- ") {
            // A changelog written as one list, `- 1.19.0 - 2026-10-06`, its changes nested.
            read_heading(item.trim(), 1, Style::Plain)
        } else if !line.starts_with(char::is_whitespace) {
            read_heading(line.trim(), 1, Style::Plain)
        } else {
            None
        };
        if let Some((heading, found)) = found {
            candidates.push((index + 1, heading, found));
        }
    }
    // A version after a name (`ospo 1.2.0`, but also `### Python 3.12 support` below a
    // release) counts only at the shallowest level that has any release heading.
    let top = candidates.iter().map(|(_, _, found)| found.level).min();
    candidates
        .into_iter()
        .filter(|(_, _, found)| !found.after_name || Some(found.level) == top)
        .map(|(line, heading, found)| Entry {
            version: found.version,
            date: found.date,
            unreleased: found.unreleased,
            line,
            heading: cap(heading.trim(), HEADING_MAX).to_owned(),
        })
        .collect()
}

/// Builds the reader's regular expressions now, so that a caller can have it done on
/// another thread (they take a few milliseconds, more than reading a changelog).
pub fn prepare() {
    let _ = entries("## Unreleased\n## [1.1.0] - TBD\n## Version 1.0.0 - January 2, 2024\n");
    let _ = normalise_version("v1.0.0");
}

/// The version a tag name or heading names: `v1.2.3` → `1.2.3`, `release-2.0` → `2.0`,
/// `ospo-1.0.0` and `ospo/v1.0.0` → `1.0.0`; `None` for a name without a version
/// (`nightly`) or a date (`2024-01-02`).
pub fn normalise_version(tag_or_version: &str) -> Option<String> {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        let pattern = format!(
            r"(?i)^(?:.*?[-_/@\s])??(?:v|version[-_\s]?|release[-_\s]?|rel[-_]?)?\.?({VERSION})$"
        );
        Regex::new(&pattern).expect("valid regex")
    });
    let value = cap(tag_or_version.trim(), LINE_MAX);
    let value = value
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or(value)
        .trim();
    if dates(value)
        .first()
        .is_some_and(|d| d.start == 0 && d.end == value.len())
    {
        return None;
    }
    TAG.captures(value)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_owned())
}

/// The entry of `version`, comparing normalised versions: `v1.2` and `1.2.0` are the
/// same, `1.2.0-rc.1` is not `1.2.0`.
pub fn covers<'a>(entries: &'a [Entry], version: &str) -> Option<&'a Entry> {
    let wanted = normalise_version(version)?;
    entries.iter().find(|entry| {
        entry
            .version
            .as_deref()
            .and_then(normalise_version)
            .is_some_and(|found| same_version(&found, &wanted))
    })
}

/// The newest release date of the entries, in days since 1970-01-01.
pub fn newest_date(entries: &[Entry]) -> Option<i64> {
    entries.iter().filter_map(|entry| entry.date).max()
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar; `None` for a
/// day that does not exist (2024-02-30).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    // Howard Hinnant's algorithm: years start in March, so the leap day ends them.
    let (month, day) = (i64::from(month), i64::from(day));
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// A day counted from 1970-01-01 as `YYYY-MM-DD`: the inverse of [`days_from_civil`].
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

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A version: numbers with dots, then a pre-release or build suffix (`-rc.1`, `rc1`,
/// `+build.5`, `.dev1`).
const VERSION: &str = r"[0-9]+(?:\.[0-9]+)*(?:[-+]?[a-z][0-9a-z]*(?:[.+-][0-9a-z]+)*|[-+][0-9a-z]+(?:[.+-][0-9a-z]+)*|\.(?:dev|post)[0-9]*)?";

/// How much a heading's form vouches for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// A Markdown or reStructuredText heading.
    Marked,
    /// A plain or outline line: read only when all of it is heading-like.
    Plain,
}

/// What a heading says.
struct Found {
    version: Option<String>,
    date: Option<i64>,
    unreleased: bool,
    level: usize,
    /// The version follows a bare name, without `Version` or `Release`.
    after_name: bool,
}

/// Reads one heading; `None` when it names no release.
fn read_heading(heading: &str, level: usize, style: Style) -> Option<(&str, Found)> {
    // Keep a Changelog's link definitions (`[1.2.0]: https://…`) are no headings.
    static REFERENCE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*\[[^\]]*\]:").expect("valid regex"));
    // `[1.2.0](https://…)` and `[1.2.0][ref]` keep their text; HTML anchors and
    // emphasis go.
    static LINK_TARGET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\]\([^)]*\)|\]\[[^\]]*\]|<[^>]*>|[*`~]").expect("valid regex")
    });
    static HEAD: LazyLock<Regex> = LazyLock::new(|| {
        let pattern = format!(
            r"(?ix)^[\s\[(]*
            (?:(?P<kw>{KEYWORDS})(?:\s*[:\-–—]\s*|\s+|[-_]))?
            (?:(?P<name>[a-z@][0-9a-z_.@/+-]*?)(?:\s+|[-_@/]))?
            \[?(?P<v>v\.?\s?)?
            (?P<ver>{VERSION})
            (?:$|[\s\])\[(,;:/|!?'.–—-])"
        );
        Regex::new(&pattern).expect("valid regex")
    });
    // GNU's template for the coming release: `Noteworthy changes in release ?.? (????-??-??) [?]`.
    static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?ix)^[\s\[(]*(?:{KEYWORDS})\s+\?+(?:\.\?+)+")).expect("valid regex")
    });
    static UNRELEASED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?ix)^[\s\[(]*(?:{UNRELEASED_WORDS})(?:$|[^0-9a-z_])"
        ))
        .expect("valid regex")
    });
    // Right after the version (and its date), not anywhere in a codename.
    static MARKED_UNRELEASED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?ix)^[\s\-–—:,/|(\[]*(?:{UNRELEASED_WORDS}|tbd|tba|wip)(?:$|[^0-9a-z_])"
        ))
        .expect("valid regex")
    });

    if REFERENCE.is_match(heading) {
        return None;
    }
    let cleaned = LINK_TARGET.replace_all(
        heading,
        |c: &regex::Captures| {
            if c[0].starts_with(']') { "]" } else { "" }
        },
    );
    let spans = dates(&cleaned);
    let date = spans.iter().find_map(|span| span.days);
    let masked = mask(&cleaned, &spans);

    if let Some(c) = HEAD.captures(&masked) {
        let version = c.name("ver").map_or("", |m| m.as_str());
        let keyword = c.name("kw").is_some();
        let after_name = c.name("name").is_some() && !keyword;
        let prefixed = keyword || c.name("v").is_some();
        // A bare number is a version only when the heading says so (`Version 3`, `v3`).
        let numbered = version.contains('.') || prefixed;
        let end = c.get(0).map_or(masked.len(), |m| m.end());
        let rest = masked.get(end..).unwrap_or("");
        let heading_like = match style {
            Style::Marked => true,
            // A plain line is a heading only when nothing but a date or labels follows,
            // and a version at its start comes with a date.
            Style::Plain => {
                !after_name && trivial_rest(rest, PLAIN_WORDS) && (prefixed || date.is_some())
            }
        };
        if numbered && heading_like {
            return Some((
                heading,
                Found {
                    version: Some(version.to_owned()),
                    date,
                    unreleased: MARKED_UNRELEASED.is_match(rest),
                    level,
                    after_name,
                },
            ));
        }
        if numbered {
            return None;
        }
    }
    let unreleased = match PLACEHOLDER.find(&masked) {
        Some(_) => true,
        None => UNRELEASED.find(&masked).is_some_and(|m| {
            let rest = masked.get(m.end()..).unwrap_or("");
            trivial_rest(rest, UNRELEASED_REST_WORDS)
        }),
    };
    unreleased.then_some((
        heading,
        Found {
            version: None,
            date,
            unreleased: true,
            level,
            after_name: false,
        },
    ))
}

/// Words that introduce a version in a heading, longest first.
const KEYWORDS: &str = r"noteworthy\s+changes\s+in\s+(?:release|version)
    |overview\s+of\s+changes\s+in
    |(?:changes|changelog|release\s+notes|news)\s+(?:for|in|of)(?:\s+(?:version|release))?
    |what'?s\s+new\s+in(?:\s+version)?
    |release\s+notes
    |(?:nouveautés|changements|modifications|notes)\s+(?:de\s+la|dans\s+la|pour\s+la)\s+version
    |release|version|ver\.?|rel\.?";

/// Headings of a section not yet released.
const UNRELEASED_WORDS: &str = r"unreleased|not\s+(?:yet\s+)?released|upcoming(?:\s+(?:release|version))?
    |next\s+(?:release|version)|in\s+development|work\s+in\s+progress
    |non[\s-]+publi[ée]e?s?|pas\s+encore\s+publi[ée]e?s?|à\s+venir|à\s+paraître
    |prochaine\s+version|en\s+(?:cours|développement)";

/// Words that may follow a version on a plain line (`[stable]`, `released`).
const PLAIN_WORDS: &[&str] = &[
    "stable",
    "beta",
    "alpha",
    "lts",
    "final",
    "yanked",
    "unreleased",
    "released",
    "release",
    "security",
    "hotfix",
    "bugfix",
    "maintenance",
    "tbd",
    "tba",
    "on",
    "le",
    "du",
    "publiée",
    "publié",
    "sortie",
    "version",
    "not",
    "yet",
];

/// Words that may follow `Unreleased` (`Unreleased changes`, `[Unreleased] - ReleaseDate`).
const UNRELEASED_REST_WORDS: &[&str] = &[
    "changes",
    "change",
    "release",
    "version",
    "releasedate",
    "date",
    "yyyy",
    "mm",
    "dd",
    "tbd",
    "tba",
    "changements",
    "modifications",
    "changes",
    "notes",
];

/// Whether what follows a version or `Unreleased` is only punctuation, bracketed labels
/// and the given words.
fn trivial_rest(rest: &str, words: &[&str]) -> bool {
    static BRACKETED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\([^)]*\)|\[[^\]]*\]").expect("valid regex"));
    let rest = BRACKETED.replace_all(rest, " ");
    rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .all(|word| words.contains(&word.to_lowercase().as_str()))
}

/// A date-like span of a heading, and its day when it is a real date.
struct DateSpan {
    start: usize,
    end: usize,
    days: Option<i64>,
}

/// The month names and abbreviations, in English and French.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("jan", 1),
    ("janv", 1),
    ("feb", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("fev", 2),
    ("mar", 3),
    ("apr", 4),
    ("avr", 4),
    ("jun", 6),
    ("jul", 7),
    ("juil", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("déc", 12),
];

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

/// The date-like spans of a text, in order, whether or not they are real dates:
/// `2024-01-02`, `2024/01/02`, `02.01.2024` (day first, as dotted dates are written),
/// `13/01/2024` or `01/13/2024` only when the day cannot be taken for the month, and
/// month names (`January 2, 2024`, `2 Jan 2024`, `2 janvier 2024`, `1er mai 2024`).
/// `2024-01` is no date.
fn dates(text: &str) -> Vec<DateSpan> {
    static YMD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})|([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})")
            .expect("valid regex")
    });
    static DMY_DOTS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([0-9]{2})\.([0-9]{2})\.([0-9]{4})").expect("valid regex"));
    static DMY_SLASHES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})").expect("valid regex"));
    static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?-u:\b)({})\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+([0-9]{{4}})(?-u:\b)",
            month_alternation()
        ))
        .expect("valid regex")
    });
    static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?-u:\b)([0-9]{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?({})\.?,?\s+(?:de\s+)?([0-9]{{4}})(?-u:\b)",
            month_alternation()
        ))
        .expect("valid regex")
    });
    // Every form has a four-digit year: most lines have none, and skip five searches.
    if !text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let mut push = |m: regex::Match, date: Option<(i64, i64, i64)>| {
        let days = date.and_then(|(y, m, d)| {
            days_from_civil(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
        });
        spans.push(DateSpan {
            start: m.start(),
            end: m.end(),
            days,
        });
    };
    // A number run on either side makes a match part of something else (a version).
    let isolated = |m: &regex::Match| {
        let before = text[..m.start()].chars().next_back();
        let mut after = text[m.end()..].chars();
        let next = after.next();
        let next_digit = after.next().is_some_and(|c| c.is_ascii_digit());
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == '/')
            && !next
                .is_some_and(|c| c.is_ascii_digit() || (matches!(c, '.' | '/' | '-') && next_digit))
    };
    for c in YMD.captures_iter(text) {
        let Some(m) = c.get(0).filter(&isolated) else {
            continue;
        };
        let base = if c.get(1).is_some() { 1 } else { 4 };
        push(m, numbers(&c, [base, base + 1, base + 2]));
    }
    for c in DMY_DOTS.captures_iter(text) {
        if let Some(m) = c.get(0).filter(&isolated) {
            push(m, numbers(&c, [3, 2, 1]));
        }
    }
    for c in DMY_SLASHES.captures_iter(text) {
        let Some(m) = c.get(0).filter(&isolated) else {
            continue;
        };
        // Day and month are told apart only when one of them cannot be a month.
        let date = numbers(&c, [3, 1, 2]).and_then(|(year, a, b)| match (a > 12, b > 12) {
            (true, false) => Some((year, b, a)),
            (false, true) => Some((year, a, b)),
            _ if a == b => Some((year, a, b)),
            _ => None,
        });
        push(m, date);
    }
    // The month forms match lowercase names: case-insensitive matching costs twice as
    // much to build. ASCII lowercasing keeps every offset; names with accents are also
    // listed with their accented letters in capitals.
    let lowered = text.to_ascii_lowercase();
    for c in MONTH_FIRST.captures_iter(&lowered) {
        let Some(m) = c.get(0) else { continue };
        let month = c.get(1).and_then(|m| month_number(m.as_str()));
        let date =
            numbers(&c, [3, 2, 2]).and_then(|(year, day, _)| Some((year, i64::from(month?), day)));
        push(m, date);
    }
    for c in DAY_FIRST.captures_iter(&lowered) {
        let Some(m) = c.get(0) else { continue };
        let month = c.get(2).and_then(|m| month_number(m.as_str()));
        let date =
            numbers(&c, [3, 1, 1]).and_then(|(year, day, _)| Some((year, i64::from(month?), day)));
        push(m, date);
    }
    spans.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end)));
    // Overlapping forms (`2024/01/02` is also `01/02` with a year): the first, longest wins.
    let mut kept: Vec<DateSpan> = Vec::new();
    for span in spans {
        if kept.last().is_none_or(|last| span.start >= last.end) {
            kept.push(span);
        }
    }
    kept
}

/// Three numbered groups of a match, as numbers.
fn numbers(c: &regex::Captures, groups: [usize; 3]) -> Option<(i64, i64, i64)> {
    let number = |i: usize| -> Option<i64> { c.get(i)?.as_str().parse().ok() };
    Some((number(groups[0])?, number(groups[1])?, number(groups[2])?))
}

/// The month names as a regex alternation, longest first so `mars` is not read as `mar`.
fn month_alternation() -> String {
    let mut names: Vec<String> = MONTHS.iter().map(|(name, _)| (*name).to_owned()).collect();
    // `FÉVRIER` lowercased as ASCII is `fÉvrier`.
    let capitals: Vec<String> = names
        .iter()
        .filter(|name| !name.is_ascii())
        .map(|name| {
            name.chars()
                .map(|c| {
                    if c.is_ascii() {
                        c
                    } else {
                        c.to_uppercase().next().unwrap_or(c)
                    }
                })
                .collect()
        })
        .collect();
    names.extend(capitals);
    names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
    names.join("|")
}

/// The text with the date spans blanked out, so that `02.01.2024` is not read as a
/// version.
fn mask(text: &str, spans: &[DateSpan]) -> String {
    let mut masked = String::with_capacity(text.len());
    for (offset, c) in text.char_indices() {
        let inside = spans.iter().any(|s| offset >= s.start && offset < s.end);
        masked.push(if inside { ' ' } else { c });
    }
    masked
}

/// Whether two normalised versions are the same release: numbers compared as numbers
/// with trailing zeros dropped (`1.2` is `1.2.0`), suffixes without case or build
/// metadata.
fn same_version(a: &str, b: &str) -> bool {
    fn split(version: &str) -> (Vec<&str>, String) {
        let core_end = version
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(version.len());
        let (core, suffix) = version.split_at(core_end);
        let mut numbers: Vec<&str> = core
            .split('.')
            .filter(|n| !n.is_empty())
            .map(|n| {
                let trimmed = n.trim_start_matches('0');
                if trimmed.is_empty() { "0" } else { trimmed }
            })
            .collect();
        while numbers.len() > 1 && numbers.last() == Some(&"0") {
            numbers.pop();
        }
        let suffix = suffix.split('+').next().unwrap_or("");
        let suffix = suffix.trim_start_matches(['-', '.']).to_lowercase();
        (numbers, suffix)
    }
    split(a) == split(b)
}

/// At most `max` characters of `text`, cut on a character boundary.
fn cap(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// A fence line (```` ``` ```` or `~~~`, indented by at most three spaces): its
/// character and length.
fn fence_marker(line: &str) -> Option<(char, usize)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let marker = trimmed.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let length = trimmed.chars().take_while(|c| *c == marker).count();
    (length >= 3).then_some((marker, length))
}

/// A Markdown ATX heading (`## text ##`): its level and text.
fn atx(line: &str) -> Option<(usize, &str)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let level = trimmed.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let text = &trimmed[level..];
    // `##1.2.0` is no heading for CommonMark, but some changelogs write it.
    let spaced = text.is_empty() || text.starts_with([' ', '\t']);
    let tight = text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '[' | 'v' | 'V'));
    if !spaced && !tight {
        return None;
    }
    let text = text.trim();
    // A closing sequence of `#` after a space is not part of the text.
    let without_closing = text.trim_end_matches('#');
    let text = if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        text
    };
    Some((level, text))
}

/// A setext or reStructuredText underline (`====`, `----`, `~~~~`…): the level it gives.
fn underline(line: &str) -> Option<usize> {
    let trimmed = line.trim();
    let marker = trimmed.chars().next()?;
    if !matches!(marker, '=' | '-' | '~' | '^' | '*' | '+' | '#')
        || trimmed.chars().count() < 3
        || !trimmed.chars().all(|c| c == marker)
    {
        return None;
    }
    Some(match marker {
        '=' => 1,
        '-' => 2,
        _ => 3,
    })
}

/// A line that an underline can make a title: not indented as code, not itself a rule.
/// Whether a plain line could be an entry at all: one names a version (a digit), GNU's
/// placeholder (`?.?`) or a section not released yet.
fn may_name_a_release(line: &str) -> bool {
    /// Stems of [`UNRELEASED_WORDS`], in lower case.
    const STEMS: &[&str] = &[
        "releas",
        "upcoming",
        "next",
        "develop",
        "velopp",
        "progress",
        "publi",
        "venir",
        "paraître",
        "prochaine",
        "cours",
    ];
    if line.bytes().any(|b| b.is_ascii_digit() || b == b'?') {
        return true;
    }
    let lower = line.to_lowercase();
    STEMS.iter().any(|stem| lower.contains(stem))
}

fn is_title_line(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    line.len() - trimmed.len() <= 3 && !trimmed.is_empty() && underline(line).is_none()
}

/// A GNU outline heading (`* Noteworthy changes…`, `** …`): its level and text.
fn outline(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '*').count();
    let text = line.get(level..)?;
    (level >= 1 && text.starts_with([' ', '\t'])).then(|| (level, text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const JAN_2_2024: i64 = 19_724;

    /// The only entry of `text`, checked to be at `line`.
    fn only(text: &str, line: usize) -> Entry {
        let mut found = entries(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        let entry = found.remove(0);
        assert_eq!(entry.line, line, "{text:?}");
        entry
    }

    fn version(entry: &Entry) -> Option<&str> {
        entry.version.as_deref()
    }

    #[test]
    fn reads_a_keep_a_changelog_file() {
        let text = "\
# Changelog

All notable changes to this project will be documented in this file.

## [Unreleased]

### Added
- A new probe.

## [1.2.0] - 2024-01-02

### Fixed
- A crash on empty files.

## [1.1.0] - 2023-12-01

[Unreleased]: https://github.com/o/r/compare/v1.2.0...HEAD
[1.2.0]: https://github.com/o/r/compare/v1.1.0...v1.2.0
[1.1.0]: https://github.com/o/r/releases/tag/v1.1.0
";
        let found = entries(text);
        assert_eq!(
            found,
            vec![
                Entry {
                    version: None,
                    date: None,
                    unreleased: true,
                    line: 5,
                    heading: "[Unreleased]".into(),
                },
                Entry {
                    version: Some("1.2.0".into()),
                    date: Some(JAN_2_2024),
                    unreleased: false,
                    line: 10,
                    heading: "[1.2.0] - 2024-01-02".into(),
                },
                Entry {
                    version: Some("1.1.0".into()),
                    date: Some(19_692),
                    unreleased: false,
                    line: 15,
                    heading: "[1.1.0] - 2023-12-01".into(),
                },
            ]
        );
    }

    #[test]
    fn reads_each_heading_style() {
        // (text, line of the heading, version, date)
        let cases: &[(&str, usize, Option<&str>, Option<i64>)] = &[
            ("## 1.2.0 (2024-01-02)", 1, Some("1.2.0"), Some(JAN_2_2024)),
            ("## v1.2.0 — 2024-01-02", 1, Some("1.2.0"), Some(JAN_2_2024)),
            ("## V1.2.0 – 2024-01-02", 1, Some("1.2.0"), Some(JAN_2_2024)),
            ("# Version 1.2.0", 1, Some("1.2.0"), None),
            ("### 1.2.0 / 2024-01-02", 1, Some("1.2.0"), Some(JAN_2_2024)),
            (
                "## [1.2.0] - 2024-01-02 ##",
                1,
                Some("1.2.0"),
                Some(JAN_2_2024),
            ),
            ("##1.2.0", 1, Some("1.2.0"), None),
            (
                "intro\n\n1.2.0 (2024-01-02)\n==================\n\n- x",
                3,
                Some("1.2.0"),
                Some(JAN_2_2024),
            ),
            ("v1.2.0\n------\n", 1, Some("1.2.0"), None),
            ("=====\n1.2.0\n=====\n", 2, Some("1.2.0"), None),
            (
                "1.2.0 - 2024-01-02\n~~~~~~~~~~~~~~~~~~\n",
                1,
                Some("1.2.0"),
                Some(JAN_2_2024),
            ),
            (
                "GNU hello NEWS\n\n* Noteworthy changes in release 1.2 (2024-01-02) [stable]\n\n** Bug fixes",
                3,
                Some("1.2"),
                Some(JAN_2_2024),
            ),
            ("Noteworthy changes in release 1.2", 1, Some("1.2"), None),
            ("Changes in 1.2.0", 1, Some("1.2.0"), None),
            ("Changes in version 1.2.0:", 1, Some("1.2.0"), None),
            ("Release 1.2.0", 1, Some("1.2.0"), None),
            (
                "Release 1.2.0 (2024-01-02)",
                1,
                Some("1.2.0"),
                Some(JAN_2_2024),
            ),
            ("release-2.0\n===========", 1, Some("2.0"), None),
            ("1.2.0 / 2024-01-02", 1, Some("1.2.0"), Some(JAN_2_2024)),
            (
                "## Version 1.2.0 - 2 janvier 2024",
                1,
                Some("1.2.0"),
                Some(JAN_2_2024),
            ),
            ("## Version 3", 1, Some("3"), None),
            ("## v3 (2024-01-02)", 1, Some("3"), Some(JAN_2_2024)),
            (
                "## [1.2.0](https://github.com/o/r/compare/v1.1.0...v1.2.0) (2024-01-02)",
                1,
                Some("1.2.0"),
                Some(JAN_2_2024),
            ),
            (
                "# [1.2.0-rc.1](https://x.example/1) (2024-01-02)",
                1,
                Some("1.2.0-rc.1"),
                Some(JAN_2_2024),
            ),
            (
                "## <a name=\"1.2.0\"></a>1.2.0 (2024-01-02)",
                1,
                Some("1.2.0"),
                Some(JAN_2_2024),
            ),
            (
                "## **1.2.0** - `2024-01-02`",
                1,
                Some("1.2.0"),
                Some(JAN_2_2024),
            ),
            ("## 1.2.0rc1", 1, Some("1.2.0rc1"), None),
            ("## 1.2.0+build.5", 1, Some("1.2.0+build.5"), None),
            ("## 2024.01.02", 1, Some("2024.01.02"), None),
            (
                "## ospo 1.2.0 (2024-01-02)",
                1,
                Some("1.2.0"),
                Some(JAN_2_2024),
            ),
            ("## ospo-v1.2.0", 1, Some("1.2.0"), None),
            (
                "Overview of changes in GLib 2.70.0\n==================================",
                1,
                Some("2.70.0"),
                None,
            ),
            ("* Changes in Emacs 29.1", 1, Some("29.1"), None),
            ("# What's new in 1.2", 1, Some("1.2"), None),
            ("## Nouveautés de la version 1.2.0", 1, Some("1.2.0"), None),
        ];
        for (text, line, expected_version, expected_date) in cases {
            let entry = only(text, *line);
            assert_eq!(version(&entry), *expected_version, "{text:?}");
            assert_eq!(entry.date, *expected_date, "{text:?}");
            assert!(!entry.unreleased, "{text:?}");
        }
    }

    #[test]
    fn reads_a_changelog_written_as_one_list() {
        let text = "- 1.19.0 - 2026-10-06\n  - Add `is_left_or`.\n\n- 1.18.0 - 2026-08-20\n  - 2.0 support\n- 3.1 is faster\n";
        let read = entries(text);
        let found: Vec<(usize, Option<&str>)> = read
            .iter()
            .map(|entry| (entry.line, entry.version.as_deref()))
            .collect();
        assert_eq!(found, [(1, Some("1.19.0")), (4, Some("1.18.0"))]);
        assert_eq!(read[0].date, days_from_civil(2026, 10, 6));
    }

    #[test]
    fn plain_lines_of_every_unreleased_word_are_read() {
        for words in [
            "Unreleased",
            "Not yet released",
            "Upcoming release",
            "Next version",
            "In development",
            "Work in progress",
            "Non publiée",
            "Pas encore publié",
            "À venir",
            "À paraître",
            "Prochaine version",
            "En cours",
            "En développement",
        ] {
            let read = entries(&format!("{words}\n\n- A change.\n"));
            assert!(
                read.len() == 1 && read[0].unreleased && read[0].line == 1,
                "{words}: {read:?}"
            );
        }
    }

    #[test]
    fn reads_unreleased_sections() {
        for text in [
            "## [Unreleased]",
            "## Unreleased",
            "## [Unreleased] - ReleaseDate",
            "## Unreleased changes",
            "## [Non publié]",
            "## Non publiée",
            "## À venir",
            "Unreleased\n----------",
            "* Noteworthy changes in release ?.? (????-??-??) [?]",
        ] {
            let entry = only(text, 1);
            assert_eq!(entry.version, None, "{text:?}");
            assert!(entry.unreleased, "{text:?}");
        }
        for text in [
            "## 1.3.0 (unreleased)",
            "## [1.3.0] - TBD",
            "## 1.3.0 - non publiée",
        ] {
            let entry = only(text, 1);
            assert_eq!(version(&entry), Some("1.3.0"), "{text:?}");
            assert!(entry.unreleased, "{text:?}");
        }
        assert!(!only("## 1.2.0 - 2024-01-02", 1).unreleased);
        assert!(only("## 1.3.0 - 2024-01-02 (unreleased)", 1).unreleased);
        // A marker word further on is part of a title, not a status.
        assert!(!only("## 1.2.0 - 2024-01-02 — ahead of the upcoming freeze", 1).unreleased);
    }

    #[test]
    fn reads_each_date_form() {
        let cases: &[(&str, Option<i64>)] = &[
            ("2024-01-02", Some(JAN_2_2024)),
            ("2024-1-2", Some(JAN_2_2024)),
            ("2024/01/02", Some(JAN_2_2024)),
            ("02.01.2024", Some(JAN_2_2024)),
            ("January 2, 2024", Some(JAN_2_2024)),
            ("january 2nd, 2024", Some(JAN_2_2024)),
            ("Jan 2, 2024", Some(JAN_2_2024)),
            ("Jan. 2 2024", Some(JAN_2_2024)),
            ("2 January 2024", Some(JAN_2_2024)),
            ("2nd Jan 2024", Some(JAN_2_2024)),
            ("Tuesday, January 2, 2024", Some(JAN_2_2024)),
            ("2 janvier 2024", Some(JAN_2_2024)),
            ("1er février 2024", Some(19_754)),
            ("1er Février 2024", Some(19_754)),
            ("1ER FÉVRIER 2024", Some(19_754)),
            ("JANUARY 2, 2024", Some(JAN_2_2024)),
            ("2 DÉC 2024", Some(20_059)),
            ("1 fevrier 2024", Some(19_754)),
            ("29 févr. 2024", Some(19_782)),
            ("13/01/2024", Some(19_735)),
            ("01/13/2024", Some(19_735)),
            ("2024-01-02T10:00:00Z", Some(JAN_2_2024)),
            // Not full dates, ambiguous or not days at all.
            ("2024-01", None),
            ("January 2024", None),
            ("01/02/2024", None),
            ("2024-02-30", None),
            ("2023-02-29", None),
            ("30.02.2024", None),
            ("2024-13-01", None),
            ("31 avril 2024", None),
        ];
        for (date, expected) in cases {
            let text = format!("## 1.2.0 - {date}");
            let entry = only(&text, 1);
            assert_eq!(entry.date, *expected, "{date}");
            assert_eq!(version(&entry), Some("1.2.0"), "{date}");
        }
        // A dotted date is no version; a heading with only a date names no release.
        assert!(entries("## 02.01.2024").is_empty());
        assert!(entries("## 2024-01-02").is_empty());
    }

    #[test]
    fn ignores_headings_that_name_no_release() {
        for text in [
            "# Changelog",
            "## Added",
            "### Fixed",
            "## [1.2.0]: https://github.com/o/r/releases/tag/v1.2.0",
            "[1.2.0]: https://github.com/o/r/releases/tag/v1.2.0",
            "Version 2.0 is out with many fixes",
            "Release 1.2.0 fixes a crash",
            "- 1.2.0 fixed a crash",
            "* Fixed a crash in 1.2.0",
            "1.2.0",
            "    ## 1.2.0",
            "```\n## 1.2.0\n```",
            "~~~~\n## 1.2.0\n~~~~",
            "## Upcoming features",
            "## Breaking changes since 1.0",
            "## Migrating from 1.x to 2.0",
            "## Node 18 support",
            "## 2024",
            "#123 is fixed",
            "",
            "\n\n\n",
            "---\n---\n",
        ] {
            assert_eq!(entries(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn a_version_after_a_name_counts_only_at_the_release_level() {
        let text = "\
# Changelog

## 1.2.0 - 2024-01-02

### Python 3.12 support

## ospo 1.1.0

## 1.0.0
";
        let versions: Vec<_> = entries(text)
            .into_iter()
            .map(|e| (e.version, e.line))
            .collect();
        assert_eq!(
            versions,
            vec![
                (Some("1.2.0".to_owned()), 3),
                (Some("1.1.0".to_owned()), 7),
                (Some("1.0.0".to_owned()), 9),
            ]
        );
    }

    #[test]
    fn code_fences_hide_examples() {
        let text = "## 1.1.0\n\n```markdown\n## [9.9.9] - 2099-01-01\n```\n\n## 1.0.0\n";
        let lines: Vec<_> = entries(text).iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 7]);
    }

    #[test]
    fn headings_are_trimmed_and_cut_on_a_character_boundary() {
        let text = format!("##   1.2.0 {}   ", "é".repeat(300));
        let entry = only(&text, 1);
        assert!(entry.heading.starts_with("1.2.0 é"));
        assert_eq!(entry.heading.chars().count(), 160);
        let entry = only("\u{feff}## 1.0.0\r\n- x\r\n", 1);
        assert_eq!(entry.heading, "1.0.0");
        assert_eq!(version(&entry), Some("1.0.0"));
    }

    #[test]
    fn normalises_tag_names() {
        let cases: &[(&str, Option<&str>)] = &[
            ("v1.2.3", Some("1.2.3")),
            ("V1.2.3", Some("1.2.3")),
            ("1.2.3", Some("1.2.3")),
            ("1.2", Some("1.2")),
            ("v2", Some("2")),
            ("release-2.0", Some("2.0")),
            ("release_2.0", Some("2.0")),
            ("release/2.0", Some("2.0")),
            ("Version 1.2.0", Some("1.2.0")),
            ("version-1.2.0", Some("1.2.0")),
            ("ospo-1.0.0", Some("1.0.0")),
            ("ospo-v1.0.0", Some("1.0.0")),
            ("ospo-cli-1.0.0", Some("1.0.0")),
            ("ospo_1.0.0", Some("1.0.0")),
            ("ospo@1.0.0", Some("1.0.0")),
            ("@scope/pkg@1.0.0", Some("1.0.0")),
            ("api/v1.2.3", Some("1.2.3")),
            ("refs/tags/v1.2.3", Some("1.2.3")),
            ("v1.2.0-rc.1", Some("1.2.0-rc.1")),
            ("1.2.0-rc.1", Some("1.2.0-rc.1")),
            ("ospo-1.2.0-beta.2", Some("1.2.0-beta.2")),
            ("1.0.0-2", Some("1.0.0-2")),
            ("1.2.0rc1", Some("1.2.0rc1")),
            ("[1.2.0]", Some("1.2.0")),
            ("  v1.2.3  ", Some("1.2.3")),
            ("nightly", None),
            ("latest", None),
            ("", None),
            ("v", None),
            ("2024-01-02", None),
            ("release-candidate", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(normalise_version(tag).as_deref(), *expected, "{tag:?}");
        }
    }

    #[test]
    fn covers_compares_normalised_versions() {
        let text =
            "## [Unreleased]\n## [1.2] - 2024-01-02\n## v1.1.0-rc.1\n## 1.0.0 (2023-12-01)\n";
        let found = entries(text);
        assert_eq!(found.len(), 4);
        assert_eq!(covers(&found, "v1.2.0").map(|e| e.line), Some(2));
        assert_eq!(covers(&found, "1.2").map(|e| e.line), Some(2));
        assert_eq!(covers(&found, "ospo-1.2.0.0").map(|e| e.line), Some(2));
        assert_eq!(covers(&found, "1.1.0-RC.1").map(|e| e.line), Some(3));
        assert_eq!(covers(&found, "v1.0").map(|e| e.line), Some(4));
        assert_eq!(covers(&found, "1.0.0+build.7").map(|e| e.line), Some(4));
        assert_eq!(covers(&found, "1.1.0"), None);
        assert_eq!(covers(&found, "1.3.0"), None);
        assert_eq!(covers(&found, "12"), None);
        assert_eq!(covers(&found, "nightly"), None);
        assert_eq!(covers(&[], "1.0.0"), None);
    }

    #[test]
    fn newest_date_is_the_latest_of_any_entry() {
        let found = entries("## 1.0.0 - 2023-12-01\n## 1.2.0 - 2024-01-02\n## 1.1.0\n");
        assert_eq!(newest_date(&found), Some(JAN_2_2024));
        assert_eq!(newest_date(&entries("## 1.0.0\n")), None);
        assert_eq!(newest_date(&[]), None);
    }

    #[test]
    fn counts_days_from_1970() {
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(days_from_civil(1969, 12, 31), Some(-1));
        assert_eq!(days_from_civil(2000, 3, 1), Some(11_017));
        assert_eq!(days_from_civil(2024, 1, 2), Some(JAN_2_2024));
        assert_eq!(days_from_civil(2024, 2, 29), Some(19_782));
        assert_eq!(days_from_civil(2000, 2, 29), Some(11_016));
        assert_eq!(days_from_civil(1900, 2, 29), None);
        assert_eq!(days_from_civil(2023, 2, 29), None);
        assert_eq!(days_from_civil(2024, 4, 31), None);
        assert_eq!(days_from_civil(2024, 0, 1), None);
        assert_eq!(days_from_civil(2024, 13, 1), None);
        assert_eq!(days_from_civil(2024, 1, 0), None);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let pieces = [
            "#",
            "## ",
            "[",
            "]",
            "(",
            ")",
            "1",
            ".",
            "2",
            "-",
            "v",
            "\n",
            "====",
            "* ",
            "é",
            "janvier",
            " ",
            "2024",
            "/",
            "?",
            "```",
            "Unreleased",
            "release",
            ":",
            "\u{feff}",
            "—",
        ];
        for _ in 0..3000 {
            let count = (next() % 40) as usize;
            let text: String = (0..count)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            for entry in entries(&text) {
                assert!(entry.line >= 1);
                assert!(entry.heading.chars().count() <= 160);
            }
            let _ = normalise_version(&text);
        }
        let long = format!("## 1.2.0 {}\n", "9.".repeat(200_000));
        assert_eq!(entries(&long).len(), 1);
        let _ = normalise_version(&long);
        let many = "## 1.0.0\n".repeat(10_000);
        assert_eq!(entries(&many).len(), 10_000);
    }

    #[test]
    fn days_are_dates_again() {
        for (days, text) in [
            (0, "1970-01-01"),
            (-1, "1969-12-31"),
            (19_782, "2024-02-29"),
            (20_468, "2026-01-15"),
        ] {
            assert_eq!(day_text(days), text);
        }
        for days in [-800_000, -1, 0, 59, 60, 11_016, 20_468, 2_932_896] {
            let text = day_text(days);
            let (y, rest) = text
                .rsplit_once('-')
                .map(|(ym, d)| (ym.to_owned(), d.parse::<u32>().unwrap()))
                .unwrap();
            let (year, month) = y
                .rsplit_once('-')
                .map(|(y, m)| (y.parse::<i64>().unwrap(), m.parse::<u32>().unwrap()))
                .unwrap();
            assert_eq!(days_from_civil(year, month, rest), Some(days), "{text}");
        }
    }
}

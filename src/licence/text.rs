//! What licence a text is: the catalogue's reference texts compared with a file's, word
//! set against word set (the Sørensen–Dice coefficient, as licensee and askalono do), after
//! both were normalised alike.
//!
//! The bands: 0.98 and above is the licence; 0.80 to 0.98 a modified copy of it, which is
//! a home-made licence; below, an unrecognised one. A short text that names a licence is a
//! notice pointing to it, not the licence; a text that leaves `[year] [fullname]` in is an
//! unfilled template; two licences one after the other are told apart.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use serde::{Deserialize, Serialize};

use super::normalise;

/// A reference text of the catalogue, as `build.rs` stores it.
pub struct Reference {
    /// The SPDX id of the text (for the GNU licences, the family: `GPL-3.0`).
    pub id: &'static str,
    /// The same text serves `-only` and `-or-later`.
    pub family: bool,
    /// Normalised names, for notices.
    pub names: &'static [&'static str],
    /// Indices into [`WORDS`], sorted.
    pub words: &'static [u16],
}

include!(concat!(env!("OUT_DIR"), "/licences.rs"));

/// At or above: the licence itself.
pub const EXACT: f64 = 0.98;
/// At or above (and below [`EXACT`]): a modified copy.
pub const MODIFIED: f64 = 0.80;
/// Below this many words, a text that matches nothing but names a licence is a notice.
const NOTICE_WORDS: usize = 120;
/// Each part of a text made of two licences must match its own this well.
const PART: f64 = 0.90;

/// What a licence file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// A licence of the catalogue, word for word but for layout and notices.
    Exact,
    /// Close to a licence, but changed: a home-made licence in practice.
    Modified,
    /// Nothing the catalogue knows: home-made, or unknown.
    Unrecognised,
    /// A short pointer ("licensed under X, see …") rather than the licence text.
    NoticeOnly,
    /// A licence whose template fields (`[year] [fullname]`) were left as they are.
    TemplateUnfilled,
    /// One licence text followed by another.
    Appended,
    /// Nothing but a copyright notice, or nothing at all.
    Empty,
    /// A long text, not in English, whose title names a licence: a translation (the French
    /// CeCILL, the EUPL in any of its official languages) the catalogue, English only,
    /// cannot compare word for word.
    Translated,
}

impl Class {
    pub fn id(self) -> &'static str {
        match self {
            Class::Exact => "exact",
            Class::Modified => "modified",
            Class::Unrecognised => "unrecognised",
            Class::NoticeOnly => "notice-only",
            Class::TemplateUnfilled => "template-unfilled",
            Class::Appended => "appended",
            Class::Empty => "empty",
            Class::Translated => "translated",
        }
    }
}

/// A licence a text was found to be, or to name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Found {
    /// The SPDX id; for a GNU licence, the family (`GPL-3.0`) unless told otherwise.
    pub id: String,
    /// The Dice coefficient with the reference text, rounded to three decimals; `None`
    /// for a licence named by a notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The text does not say `-only` or `-or-later`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub family: bool,
}

/// What a text is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Identification {
    pub class: Class,
    /// The licences found, in the order of the text; for an unrecognised text, the
    /// closest one.
    pub licences: Vec<Found>,
}

/// The sorted word indices of a text, and how many of its distinct words the catalogue
/// does not know.
struct WordSet {
    known: Vec<u16>,
    unknown: usize,
}

impl WordSet {
    fn len(&self) -> usize {
        self.known.len() + self.unknown
    }

    /// The Sørensen–Dice coefficient with a reference text.
    fn dice(&self, reference: &Reference) -> f64 {
        let total = self.len() + reference.words.len();
        if total == 0 {
            return 0.0;
        }
        let (mut a, mut b, mut common) = (0, 0, 0);
        let (left, right) = (&self.known, reference.words);
        while a < left.len() && b < right.len() {
            match left[a].cmp(&right[b]) {
                std::cmp::Ordering::Less => a += 1,
                std::cmp::Ordering::Greater => b += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    a += 1;
                    b += 1;
                }
            }
        }
        2.0 * common as f64 / total as f64
    }

    /// The closest reference text scoring at least `floor`, the first listed on a tie.
    fn best(&self, floor: f64) -> Option<(&'static Reference, f64)> {
        let mut best: Option<(&'static Reference, f64)> = None;
        for reference in REFERENCES {
            // Sets of very different sizes cannot score well: skip the count.
            let (mine, theirs) = (self.len(), reference.words.len());
            let bound = 2.0 * mine.min(theirs) as f64 / (mine + theirs).max(1) as f64;
            let bar = best.map_or(floor, |(_, top)| top.max(floor));
            if bound < bar || (best.is_some() && bound <= bar) {
                continue;
            }
            let score = self.dice(reference);
            if score >= floor && best.is_none_or(|(_, top)| score > top) {
                best = Some((reference, score));
            }
        }
        best
    }
}

/// A text read once into words, line by line, so that any run of its lines can be compared
/// without reading it again.
struct Tokens {
    lines: Vec<Line>,
}

struct Line {
    /// Word ids.
    words: Vec<u32>,
    /// Nothing but markers and spaces.
    blank: bool,
    /// A copyright notice, an SPDX tag, "all rights reserved".
    notice: bool,
    /// The line says "end of terms and conditions".
    end_of_terms: bool,
    /// Could open a licence: a copyright line, or a short title that says licence.
    opens: bool,
}

impl Tokens {
    fn new(text: &str) -> Tokens {
        // Words the catalogue does not know get ids from `WORDS.len()` on.
        let mut unknown = std::collections::HashMap::new();
        let lower = text.to_lowercase();
        let lines = lower
            .lines()
            .map(|raw| {
                let line = normalise::strip_markers(raw);
                let mut words = Vec::new();
                normalise::line_words(line, |word| {
                    let id = match WORDS.binary_search(&word) {
                        Ok(index) => index as u32,
                        Err(_) => {
                            let next = (WORDS.len() + unknown.len()) as u32;
                            *unknown.entry(word.to_owned()).or_insert(next)
                        }
                    };
                    words.push(id);
                });
                Line {
                    blank: line.is_empty(),
                    notice: normalise::is_notice_line(line),
                    end_of_terms: line.contains(normalise::END_OF_TERMS),
                    opens: could_open_a_licence(line),
                    words,
                }
            })
            .collect();
        Tokens { lines }
    }

    /// The words of lines `from..to` read as a licence text on its own: its opening
    /// notices and what follows the end of its terms left out.
    fn set(&self, from: usize, to: usize) -> (WordSet, usize) {
        let mut ids: Vec<u32> = Vec::new();
        let mut leading = true;
        for line in &self.lines[from..to] {
            if line.end_of_terms {
                break;
            }
            if leading && (line.blank || line.notice) {
                continue;
            }
            leading = false;
            if !line.notice {
                ids.extend(&line.words);
            }
        }
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        let known_count = ids.partition_point(|id| (*id as usize) < WORDS.len());
        let set = WordSet {
            known: ids[..known_count].iter().map(|id| *id as u16).collect(),
            unknown: ids.len() - known_count,
        };
        (set, count)
    }
}

fn found(reference: &Reference, score: f64) -> Found {
    Found {
        id: reference.id.to_owned(),
        score: Some((score * 1000.0).round() / 1000.0),
        family: reference.family,
    }
}

static TEMPLATE_FIELD: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)[\[<{]\s*(yyyy|year|years|fullname|full name|name of (the )?(author|copyright (owner|holder)s?)|copyright holders?|owner|author|authors|organi[sz]ation|name)\s*[\]>}]",
    )
    .expect("valid regex")
});

/// Texts identified already, and what they are: an audit meets the same few licence
/// texts in many repositories. Bounded, so that a run over many distinct texts keeps the
/// first ones only.
static IDENTIFIED: LazyLock<Mutex<HashMap<String, Identification>>> = LazyLock::new(Mutex::default);
const IDENTIFIED_TEXTS: usize = 64;

/// Identifies a licence text (the same text, the same answer: the second time, from
/// memory).
pub fn identify(text: &str) -> Identification {
    if let Some(known) = IDENTIFIED
        .lock()
        .ok()
        .and_then(|known| known.get(text).cloned())
    {
        return known;
    }
    let identification = identify_text(text);
    if let Ok(mut known) = IDENTIFIED.lock()
        && known.len() < IDENTIFIED_TEXTS
    {
        known.insert(text.to_owned(), identification.clone());
    }
    identification
}

fn identify_text(text: &str) -> Identification {
    let tokens = Tokens::new(text);
    let (set, count) = tokens.set(0, tokens.lines.len());
    if set.len() == 0 {
        return Identification {
            class: Class::Empty,
            licences: Vec::new(),
        };
    }
    let Some((reference, score)) = set.best(0.0) else {
        return Identification {
            class: Class::Unrecognised,
            licences: Vec::new(),
        };
    };
    if let Some(parts) = appended(&tokens) {
        return Identification {
            class: Class::Appended,
            licences: parts,
        };
    }
    if score >= MODIFIED {
        let terms = terms(text);
        let class = if TEMPLATE_FIELD.is_match(terms) {
            Class::TemplateUnfilled
        } else if score >= EXACT {
            Class::Exact
        } else {
            Class::Modified
        };
        return Identification {
            class,
            licences: vec![found(reference, score)],
        };
    }
    if count < NOTICE_WORDS {
        let named = named(&normalise::words(text));
        if !named.is_empty() {
            return Identification {
                class: Class::NoticeOnly,
                licences: named,
            };
        }
    }
    if !is_english(text) {
        let named = named(&normalise::words(&title(text)));
        if !named.is_empty() {
            return Identification {
                class: Class::Translated,
                licences: named,
            };
        }
    }
    Identification {
        class: Class::Unrecognised,
        licences: vec![found(reference, score)],
    }
}

/// The opening of a text, where a licence gives its name: the first ten lines with words.
fn title(text: &str) -> String {
    text.lines()
        .filter(|line| line.chars().any(char::is_alphanumeric))
        .take(10)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether a text is in English: English prose uses "the", "of", "and", "or", "to" for
/// one word in seven or so; a licence in another language, almost never.
fn is_english(text: &str) -> bool {
    let (mut words, mut english) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        words += 1;
        let word = word.to_ascii_lowercase();
        if matches!(
            word.as_str(),
            "the" | "of" | "and" | "or" | "to" | "any" | "this"
        ) {
            english += 1;
        }
    }
    english * 25 >= words
}

/// The text up to the end of a licence's terms: template fields after it, in "how to
/// apply" appendices, are meant to stay.
fn terms(text: &str) -> &str {
    let lower = text.to_ascii_lowercase();
    match lower.find("end of terms and conditions") {
        Some(end) if text.is_char_boundary(end) => &text[..end],
        _ => text,
    }
}

/// The licences a short text names, in the order it names them.
pub fn named(words: &[String]) -> Vec<Found> {
    let text = format!(" {} ", words.join(" "));
    // A name can only be there when its first word is: most names are passed over with
    // a look-up rather than a search.
    let present: std::collections::HashSet<&str> = words.iter().map(String::as_str).collect();
    let mut hits: Vec<(usize, &Reference)> = Vec::new();
    for reference in REFERENCES {
        let first = reference
            .names
            .iter()
            .filter(|name| {
                name.split(' ')
                    .next()
                    .is_some_and(|word| present.contains(word))
            })
            .filter_map(|name| text.find(&format!(" {name} ")))
            .min();
        if let Some(position) = first {
            hits.push((position, reference));
        }
    }
    hits.sort_by_key(|(position, _)| *position);
    // A name inside a longer one ("gpl v3" in "lgpl v3") is not a second licence.
    let mut licences: Vec<Found> = Vec::new();
    for (_, reference) in hits {
        if !licences.iter().any(|f| f.id == reference.id) {
            licences.push(Found {
                id: reference.id.to_owned(),
                score: None,
                family: reference.family,
            });
        }
    }
    licences
}

/// Two licences, one after the other: split where a line could open a licence (a title or
/// a copyright line after a blank line), each side matching a different licence well.
fn appended(tokens: &Tokens) -> Option<Vec<Found>> {
    let lines = &tokens.lines;
    let starts = (1..lines.len())
        .filter(|&index| lines[index].opens && lines[index - 1].blank)
        .take(32);
    for start in starts {
        let (tail, tail_count) = tokens.set(start, lines.len());
        if tail_count < 30 {
            continue;
        }
        let Some((second, second_score)) = tail.best(PART) else {
            continue;
        };
        let (head, head_count) = tokens.set(0, start);
        if head_count < 30 {
            continue;
        }
        if let Some((first, first_score)) = head.best(PART)
            && first.id != second.id
        {
            return Some(vec![found(first, first_score), found(second, second_score)]);
        }
    }
    None
}

/// A line a licence text could start with: a copyright notice, or a short title that
/// says licence.
fn could_open_a_licence(line: &str) -> bool {
    if line.starts_with("copyright") || line.starts_with("(c)") || line.starts_with('©') {
        return true;
    }
    let words = line.split_whitespace().count();
    (1..=10).contains(&words)
        && (line.contains("license") || line.contains("licence"))
        && !line.starts_with("appendix")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_built() {
        assert!(REFERENCES.len() > 50);
        assert!(
            WORDS.windows(2).all(|w| w[0] < w[1]),
            "sorted for binary search"
        );
        let mit = REFERENCES.iter().find(|r| r.id == "MIT").expect("MIT");
        assert!(mit.names.contains(&"mit license"));
        assert!(
            REFERENCES
                .iter()
                .find(|r| r.id == "GPL-3.0")
                .expect("GPL")
                .family
        );
    }
}

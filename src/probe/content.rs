//! `content`: a line of a file matches a regular expression.

use regex::{Regex, RegexBuilder};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::locate::Finder;
use super::{Context, Evidence, Outcome, Problem, Status};
use crate::repo::{EntryKind, RepoError, SCAN_BYTES};
use crate::text;
use crate::yaml::Path;

/// Compiled regexes are bounded so that a pathological pattern cannot eat memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// Matched lines are cut to this many characters in reports.
const LINE_CHARS: usize = 160;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ContentSpec {
    /// File names or globs, case-insensitive, relative to each place.
    pub names: Vec<String>,
    /// Directories to look in, relative to the root (`"."`); default: the places forges look.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<String>>,
    /// Regular expression (Rust `regex` syntax) tried on each line.
    pub pattern: String,
    /// Match letter case exactly; by default case is ignored.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub case_sensitive: bool,
}

#[derive(Debug, Clone)]
pub struct ContentProbe {
    finder: Finder,
    regex: Regex,
}

impl ContentSpec {
    pub fn compile(&self) -> Result<ContentProbe, Vec<Problem>> {
        let finder = Finder::compile(&self.names, self.places.as_deref());
        let regex = RegexBuilder::new(&self.pattern)
            .case_insensitive(!self.case_sensitive)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|error| Problem {
                path: Path::default().key("pattern"),
                message: format!("invalid regular expression: {}", regex_reason(&error)),
            });
        match (finder, regex) {
            (Ok(finder), Ok(regex)) => Ok(ContentProbe { finder, regex }),
            (finder, regex) => {
                let mut problems = finder.err().unwrap_or_default();
                problems.extend(regex.err());
                Err(problems)
            }
        }
    }
}

/// The reason of a regex error, without its multi-line drawing of the pattern.
fn regex_reason(error: &regex::Error) -> String {
    let text = error.to_string();
    match text.rsplit_once("error: ") {
        Some((_, reason)) => reason.trim().to_owned(),
        None => text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

impl ContentProbe {
    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let wanted = self.finder.describe();
        let (wanted_en, wanted_fr) = (&wanted.en, &wanted.fr);
        let candidates = match self.finder.find(context.repo) {
            Ok(candidates) => candidates,
            Err(error) => {
                return Outcome::new(
                    Status::Error,
                    text!(
                        "cannot list files: {error}",
                        "impossible de lister les fichiers : {error}"
                    ),
                );
            }
        };
        if candidates.is_empty() {
            return Outcome::new(
                Status::Fail,
                text!(
                    "no file to search (looked for {wanted_en})",
                    "aucun fichier où chercher (recherché : {wanted_fr})"
                ),
            );
        }
        let mut searched = Vec::new();
        let mut skipped = Vec::new();
        for candidate in &candidates {
            let entry = &candidate.entry;
            if !matches!(entry.kind, EntryKind::File | EntryKind::Link { .. }) {
                continue;
            }
            let content = match context.repo.read(entry, SCAN_BYTES) {
                Ok(content) => content,
                Err(error @ RepoError::TooLarge { .. }) => {
                    skipped.push(error.to_string());
                    continue;
                }
                Err(error) => return Outcome::new(Status::Error, text!("{error}", "{error}")),
            };
            if content.bytes.iter().take(8000).any(|b| *b == 0) {
                continue; // binary
            }
            searched.push(entry.path.clone());
            let text = content.text();
            if let Some((number, line)) = text
                .lines()
                .enumerate()
                .find(|(_, line)| self.regex.is_match(line))
            {
                let line = line.trim();
                let line: String = line.chars().take(LINE_CHARS).collect();
                let path = entry.path.clone();
                let number = number + 1;
                return Outcome::new(
                    Status::Pass,
                    text!("{path}:{number}: {line}", "{path}:{number} : {line}"),
                )
                .with(Evidence::Line {
                    path,
                    line: number,
                    text: line,
                });
            }
        }
        let files = searched.join(", ");
        let mut outcome = if searched.is_empty() {
            Outcome::new(
                Status::Fail,
                text!(
                    "no readable text file among {wanted_en}",
                    "aucun fichier texte lisible parmi {wanted_fr}"
                ),
            )
        } else {
            Outcome::new(
                Status::Fail,
                text!(
                    "no line of {files} matches what this item looks for",
                    "aucune ligne de {files} ne correspond à ce que cet élément recherche"
                ),
            )
        };
        if !skipped.is_empty() {
            let note = skipped.join("; ");
            outcome.message.en.push_str(&format!(" (skipped: {note})"));
            outcome.message.fr.push_str(&format!(" (ignoré : {note})"));
        }
        outcome.with(Evidence::Searched { paths: searched })
    }
}

//! `content`: a line of a file matches a regular expression.

use regex_automata::Input;
use regex_automata::hybrid::dfa::DFA;
use regex_automata::nfa::thompson;
use regex_automata::util::syntax;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

use super::locate::Finder;
use super::{Context, Evidence, Outcome, Problem, Status};
use crate::repo::{EntryKind, RepoError, SCAN_BYTES};
use crate::text;

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
    pattern: String,
    case_sensitive: bool,
    /// Built on first need, or ahead of time by [`ContentProbe::prepare`] on another
    /// thread while other probes read the repository.
    matcher: Arc<OnceLock<Result<LineMatcher, String>>>,
}

/// Tells whether a line matches. Only a yes or no is needed, never where, so a forward
/// lazy DFA does: it compiles in half the time of a full regex (no captures, no reverse
/// automaton, no literal prefilter), which checklists of many patterns pay on every run.
/// Classes and case folding are ASCII, a third of the cost of Unicode ones; non-ASCII
/// letters still match as written.
#[derive(Debug, Clone)]
struct LineMatcher {
    /// Boxed: a DFA's configuration is large, and probes are kept in an enum.
    dfa: Box<DFA>,
}

impl LineMatcher {
    fn new(pattern: &str, case_sensitive: bool) -> Result<LineMatcher, String> {
        let dfa = DFA::builder()
            .syntax(
                syntax::Config::new()
                    .case_insensitive(!case_sensitive)
                    .unicode(false)
                    .utf8(false),
            )
            .thompson(
                thompson::Config::new()
                    .which_captures(thompson::WhichCaptures::None)
                    .nfa_size_limit(Some(REGEX_SIZE_LIMIT)),
            )
            .build(pattern)
            .map_err(|error| {
                // The parser's own message is the readable one.
                match regex_syntax::ParserBuilder::new()
                    .unicode(false)
                    .utf8(false)
                    .build()
                    .parse(pattern)
                {
                    Err(syntax_error) => syntax_reason(&syntax_error.to_string()),
                    Ok(_) => error.to_string(),
                }
            })?;
        Ok(LineMatcher { dfa: Box::new(dfa) })
    }

    fn searcher(&self) -> impl FnMut(&str) -> bool + '_ {
        let mut cache = self.dfa.create_cache();
        move |line| {
            self.dfa
                .try_search_fwd(&mut cache, &Input::new(line.as_bytes()).earliest(true))
                .is_ok_and(|found| found.is_some())
        }
    }
}

impl ContentSpec {
    /// Compiles the file names. The pattern is built later, when first needed or ahead of
    /// time by [`ContentProbe::prepare`]: building costs more than the rest of loading, and
    /// the loader prepares the patterns of checklist files at once, so that their errors
    /// still point into the file.
    pub fn compile(&self) -> Result<ContentProbe, Vec<Problem>> {
        Ok(ContentProbe {
            finder: Finder::compile(&self.names, self.places.as_deref())?,
            pattern: self.pattern.clone(),
            case_sensitive: self.case_sensitive,
            matcher: Arc::default(),
        })
    }
}

/// The reason of a regex syntax error, without its multi-line drawing of the pattern.
fn syntax_reason(text: &str) -> String {
    match text.rsplit_once("error: ") {
        Some((_, reason)) => reason.trim().to_owned(),
        None => text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

impl ContentProbe {
    /// Builds the matcher now, if no one has yet; says why it cannot be built.
    pub fn prepare(&self) -> Result<(), String> {
        self.matcher().as_ref().map(|_| ()).map_err(Clone::clone)
    }

    fn matcher(&self) -> &Result<LineMatcher, String> {
        self.matcher
            .get_or_init(|| LineMatcher::new(&self.pattern, self.case_sensitive))
    }

    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let wanted = self.finder.describe();
        let (wanted_en, wanted_fr) = (&wanted.en, &wanted.fr);
        let candidates = match self.finder.candidates(context.repo) {
            Ok(candidates) => candidates,
            Err(outcome) => return *outcome,
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
        let matcher = match self.matcher() {
            Ok(matcher) => matcher,
            Err(reason) => {
                return Outcome::new(
                    Status::Error,
                    text!(
                        "the pattern cannot be compiled: {reason}",
                        "le motif ne peut pas être compilé : {reason}"
                    ),
                );
            }
        };
        let mut is_match = matcher.searcher();
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
            if let Some((number, line)) = text.lines().enumerate().find(|(_, line)| is_match(line))
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
            outcome
                .message
                .push(&crate::text!(" (skipped: {note})", " (ignoré : {note})"));
        }
        outcome.with(Evidence::Searched { paths: searched })
    }
}

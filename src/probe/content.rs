//! `content`: a line of a file matches a regular expression.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::{Input, MatchErrorKind};
use regex_syntax::hir::Hir;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex, OnceLock};

use super::line_syntax;
use super::locate::Finder;
use super::{Context, Evidence, Outcome, Problem, Status};
use crate::i18n::Text;
use crate::repo::{EntryKind, RepoError, SCAN_BYTES};
use crate::text;
use crate::yaml;

/// Compiled regexes are bounded so that a pathological pattern cannot eat memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// A pattern longer than this many characters is refused.
pub const MAX_PATTERN_CHARS: usize = 1000;
/// Patterns a probe may give in `patterns`.
pub const MAX_PATTERNS: usize = 256;
/// The states a search keeps, at most: a lazy DFA builds a state per new set of places
/// the patterns may be at, and starts over when they fill this.
const CACHE_BYTES: usize = 2 << 20;
/// How many times a search may start over with its states full before it gives up. Most
/// patterns never fill the cache; a pattern whose automaton explodes
/// (`[ab]*a[ab]{1000}c`) builds a state per byte, and would cost seconds per MiB.
const MAX_CACHE_CLEARS: usize = 2;
/// Matched lines are cut to this many characters in reports.
const LINE_CHARS: usize = 160;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
// Exactly one of the two, as `compile` requires, so that editors flag both or neither.
#[schemars(extend("oneOf" = [{"required": ["pattern"]}, {"required": ["patterns"]}]))]
pub struct ContentSpec {
    /// File names or globs, case-insensitive, relative to each place.
    pub names: Vec<String>,
    /// Directories to look in, relative to the root (`"."`); default: the places forges look.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<String>>,
    /// What the patterns look for, in words, in English and French: one short noun phrase
    /// per group of patterns, with its article and a few examples ("a heading such as
    /// Install or Getting started"). Failure messages and `ospo explain` give these
    /// instead of the patterns; they change nothing in what matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub looks_for: Option<Vec<Text>>,
    /// Regular expression (Rust `regex` syntax) tried on each line. Give this or `patterns`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Alternatives, instead of `pattern`: a line matches when any of them matches, as if
    /// they were one pattern `(?:first)|(?:second)|…`. Each is a regular expression on its
    /// own, so that a long pattern can be written one idea per line, with comments.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "non_empty"
    )]
    #[schemars(length(min = 1))]
    pub patterns: Vec<String>,
    /// Match letter case exactly; by default case is ignored.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub case_sensitive: bool,
}

/// Refuses `patterns: []`: absent, the list is empty by default, but written empty it would
/// match nothing and hide the mistake.
fn non_empty<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let patterns = Vec::<String>::deserialize(deserializer)?;
    if patterns.is_empty() {
        return Err(serde::de::Error::custom(
            "`patterns` is empty: give at least one regular expression",
        ));
    }
    Ok(patterns)
}

#[derive(Debug, Clone)]
pub struct ContentProbe {
    finder: Finder,
    /// The names and places as written, for the message that no file is there.
    names: Vec<String>,
    places: Option<Vec<String>>,
    /// That message, made once: in an audit, every repository without the file says it.
    no_file: OnceLock<Text>,
    /// `looks-for`, checked: empty when the checklist does not say.
    looks_for: Vec<Text>,
    /// The `pattern`, or the alternatives of `patterns`.
    patterns: Vec<String>,
    /// Whether they came as `patterns`, for errors to name the element.
    listed: bool,
    case_sensitive: bool,
    /// Built on first need, or ahead of time by [`ContentProbe::prepare`] on another
    /// thread while other probes read the repository.
    matcher: Arc<OnceLock<Result<LineMatcher, Invalid>>>,
}

/// A search that gave up: the patterns' automaton kept outgrowing its cache.
#[derive(Debug, Clone, Copy)]
struct GaveUp;

/// Why a probe's patterns cannot be built, and which of them.
#[derive(Debug, Clone)]
pub struct Invalid {
    /// Relative to the probe: `pattern`, `patterns[3]`, or `patterns` for the whole.
    pub path: yaml::Path,
    pub reason: String,
}

/// Tells whether a line matches. Only a yes or no is needed, never where, so a forward
/// lazy DFA does: it compiles in half the time of a full regex (no captures, no reverse
/// automaton, no literal prefilter), which checklists of many patterns pay on every run.
/// Classes and case folding are ASCII, a third of the cost of Unicode ones; non-ASCII
/// letters still match as written.
///
/// Case-insensitive patterns are built to match ASCII-lowercased lines: a letter is then
/// one byte to match rather than a class of two, and the patterns compile in two thirds
/// of the time. Which lines match is the same.
#[derive(Debug)]
struct LineMatcher {
    /// Boxed: a DFA's configuration is large, and probes are kept in an enum.
    dfa: Box<DFA>,
    /// The DFA matches lines lowercased (ASCII).
    lowered: bool,
    /// The states found by earlier searches, one cache per search running at once: a
    /// lazy DFA determinises as it meets bytes, so the files of the next repository of an
    /// audit are searched with the states the previous ones built. Which lines match does
    /// not depend on it. Kept only for the built-in checklists' patterns, whose states
    /// are few: a search of other patterns starts from an empty cache, so that whether it
    /// gives up depends on the repository alone, not on those checked before.
    caches: Mutex<Vec<Cache>>,
    /// Whether the patterns are a built-in checklist's, whose caches are kept.
    warm: bool,
}

impl LineMatcher {
    /// Builds the alternation of `patterns` ([`line_syntax::tree`]); the trees of the
    /// built-in checklists' patterns come parsed already.
    fn new(
        patterns: &[String],
        listed: bool,
        case_sensitive: bool,
    ) -> Result<LineMatcher, Invalid> {
        Self::build(patterns, listed, case_sensitive, true)
    }

    /// [`LineMatcher::new`], matching lowercased lines only when `lower` allows it.
    fn build(
        patterns: &[String],
        listed: bool,
        case_sensitive: bool,
        lower: bool,
    ) -> Result<LineMatcher, Invalid> {
        let at = |index: Option<usize>| match (listed, index) {
            (false, _) => yaml::Path::default().key("pattern"),
            (true, Some(index)) => yaml::Path::default().key("patterns").index(index),
            (true, None) => yaml::Path::default().key("patterns"),
        };
        let built = lower
            .then(|| built_tree(patterns, case_sensitive))
            .flatten();
        let warm = built.is_some();
        let (tree, lowered) = match built {
            Some(built) => built,
            None => line_syntax::tree(patterns, case_sensitive, lower).map_err(|error| {
                // The parser's own message is the readable one.
                Invalid {
                    path: at(Some(error.index)),
                    reason: syntax_reason(&error.message),
                }
            })?,
        };
        let whole = |error: &dyn std::fmt::Display| Invalid {
            path: at(None),
            reason: error.to_string(),
        };
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .which_captures(thompson::WhichCaptures::None)
                    .nfa_size_limit(Some(REGEX_SIZE_LIMIT)),
            )
            .build_from_hir(&tree)
            .map_err(|error| whole(&error))?;
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .cache_capacity(CACHE_BYTES)
                    .minimum_cache_clear_count(Some(MAX_CACHE_CLEARS)),
            )
            .build_from_nfa(nfa)
            .map_err(|error| whole(&error))?;
        Ok(LineMatcher {
            dfa: Box::new(dfa),
            lowered,
            caches: Mutex::default(),
            warm,
        })
    }

    /// A search with a cache of its own: for the built-in patterns, one of those earlier
    /// searches left.
    fn searcher(&self) -> Searcher<'_> {
        let kept = match self.warm {
            true => self.caches.lock().ok().and_then(|mut caches| caches.pop()),
            false => None,
        };
        Searcher {
            matcher: self,
            cache: Some(kept.unwrap_or_else(|| self.dfa.create_cache())),
            lowered: Vec::new(),
        }
    }

    /// The memory the compiled patterns take, for a checklist to bound its patterns'.
    fn memory_usage(&self) -> usize {
        self.dfa.get_nfa().memory_usage()
    }
}

/// A pattern list of the built-in checklists, parsed at build time (build.rs).
struct BuiltTree {
    patterns: &'static [&'static str],
    case_sensitive: bool,
    /// Whether the tree matches lowercased lines.
    lowered: bool,
    tree: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/content_trees.rs"));

/// The tree and lowering build.rs found for `patterns`, when they are a built-in
/// checklist's: [`line_syntax::tree`] would give the same.
fn built_tree(patterns: &[String], case_sensitive: bool) -> Option<(Hir, bool)> {
    let built = BUILT_TREES.iter().find(|built| {
        built.case_sensitive == case_sensitive
            && built.patterns.len() == patterns.len()
            && built.patterns.iter().zip(patterns).all(|(a, b)| a == b)
    })?;
    Some((line_syntax::decode(built.tree)?, built.lowered))
}

/// Tells whether lines match; gives its cache back to the matcher when dropped.
struct Searcher<'a> {
    matcher: &'a LineMatcher,
    cache: Option<Cache>,
    /// The line lowercased, for a matcher of lowercased lines.
    lowered: Vec<u8>,
}

impl Searcher<'_> {
    /// The first line of `text` that matches, with its index.
    ///
    /// A kept cache may give up for what earlier repositories filled it with: the text is
    /// then searched again from an empty one, which decides.
    fn first_match<'t>(&mut self, text: &'t str) -> Result<Option<(usize, &'t str)>, GaveUp> {
        let find = |searcher: &mut Self| -> Result<Option<(usize, &'t str)>, GaveUp> {
            for (index, line) in text.lines().enumerate() {
                if searcher.is_match(line)? {
                    return Ok(Some((index, line)));
                }
            }
            Ok(None)
        };
        match find(self) {
            Err(GaveUp) if self.matcher.warm => {
                if let Some(cache) = self.cache.as_mut() {
                    self.matcher.dfa.reset_cache(cache);
                }
                find(self)
            }
            found => found,
        }
    }

    fn is_match(&mut self, line: &str) -> Result<bool, GaveUp> {
        let Some(cache) = self.cache.as_mut() else {
            return Ok(false);
        };
        let bytes = if self.matcher.lowered {
            self.lowered.clear();
            self.lowered
                .extend(line.bytes().map(|byte| byte.to_ascii_lowercase()));
            &self.lowered
        } else {
            line.as_bytes()
        };
        match self
            .matcher
            .dfa
            .try_search_fwd(cache, &Input::new(bytes).earliest(true))
        {
            Ok(found) => Ok(found.is_some()),
            Err(error) if matches!(error.kind(), MatchErrorKind::GaveUp { .. }) => Err(GaveUp),
            // Quitting bytes and unsupported anchors are not configured: no other error
            // can happen, and a line it would stop at does not match.
            Err(_) => Ok(false),
        }
    }
}

impl Drop for Searcher<'_> {
    fn drop(&mut self) {
        if !self.matcher.warm {
            return;
        }
        if let (Some(cache), Ok(mut caches)) = (self.cache.take(), self.matcher.caches.lock()) {
            caches.push(cache);
        }
    }
}

impl ContentSpec {
    /// Compiles the file names and checks that exactly one of `pattern` and `patterns` is
    /// given; either error points at `patterns`, which falls back to the probe when absent.
    /// The patterns are built later, when first needed or ahead of time by
    /// [`ContentProbe::prepare`]: building costs more than the rest of loading, and the
    /// loader prepares the patterns of checklist files at once, so that their errors still
    /// point into the file.
    pub fn compile(&self) -> Result<ContentProbe, Vec<Problem>> {
        let at = yaml::Path::default().key("patterns");
        let patterns = match (&self.pattern, self.patterns.is_empty()) {
            (Some(pattern), true) => Ok(vec![pattern.clone()]),
            (None, false) => Ok(self.patterns.clone()),
            (Some(_), false) => Err(Problem {
                path: at,
                message: "give `pattern` or `patterns`, not both".into(),
            }),
            (None, true) => Err(Problem {
                path: at,
                message: "a content probe needs `pattern` or `patterns`".into(),
            }),
        };
        let mut problems = Vec::new();
        if let Ok(patterns) = &patterns {
            problems.extend(self.pattern_problems(patterns));
        }
        let finder = Finder::compile(&self.names, self.places.as_deref())
            .map_err(|found| problems.extend(found))
            .ok();
        let patterns = patterns.map_err(|problem| problems.push(problem)).ok();
        problems.extend(self.looks_for_problems());
        match (finder, patterns) {
            (Some(finder), Some(patterns)) if problems.is_empty() => Ok(ContentProbe {
                finder,
                names: self.names.clone(),
                places: self.places.clone(),
                no_file: OnceLock::new(),
                looks_for: self.looks_for.clone().unwrap_or_default(),
                patterns,
                listed: self.pattern.is_none(),
                case_sensitive: self.case_sensitive,
                matcher: Arc::default(),
            }),
            _ => Err(problems),
        }
    }

    /// Refuses more patterns, or longer ones, than a probe may give (a pattern's counted
    /// repetitions are bounded when it is parsed, by [`line_syntax::tree`]).
    fn pattern_problems(&self, patterns: &[String]) -> Vec<Problem> {
        let mut problems = Vec::new();
        if patterns.len() > MAX_PATTERNS {
            problems.push(Problem {
                path: yaml::Path::default().key("patterns"),
                message: format!("`patterns` holds more than {MAX_PATTERNS} regular expressions"),
            });
        }
        for (index, pattern) in patterns.iter().enumerate().take(MAX_PATTERNS) {
            if pattern.chars().count() > MAX_PATTERN_CHARS {
                let path = match self.pattern.is_some() {
                    true => yaml::Path::default().key("pattern"),
                    false => yaml::Path::default().key("patterns").index(index),
                };
                problems.push(Problem {
                    path,
                    message: format!("the pattern is longer than {MAX_PATTERN_CHARS} characters"),
                });
            }
        }
        problems
    }

    /// Refuses a `looks-for` written empty, or with an empty text: a report would then say
    /// that it looked for nothing.
    fn looks_for_problems(&self) -> Vec<Problem> {
        let at = yaml::Path::default().key("looks-for");
        let Some(looks_for) = &self.looks_for else {
            return Vec::new();
        };
        if looks_for.is_empty() {
            return vec![Problem {
                path: at,
                message: "`looks-for` is empty: describe in words what the patterns look for, \
                          or leave `looks-for` out"
                    .into(),
            }];
        }
        let mut problems = Vec::new();
        for (index, text) in looks_for.iter().enumerate() {
            for (lang, said) in [("en", &text.en), ("fr", &text.fr)] {
                if said.trim().is_empty() {
                    problems.push(Problem {
                        path: at.index(index).key(lang),
                        message: format!(
                            "`looks-for[{index}].{lang}` is empty: say what is looked for"
                        ),
                    });
                }
            }
        }
        problems
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
    pub fn prepare(&self) -> Result<(), Invalid> {
        self.matcher().as_ref().map(|_| ()).map_err(Clone::clone)
    }

    /// The memory its compiled patterns take; nothing before they are built.
    pub fn compiled_bytes(&self) -> usize {
        self.matcher
            .get()
            .and_then(|matcher| matcher.as_ref().ok())
            .map_or(0, LineMatcher::memory_usage)
    }

    fn matcher(&self) -> &Result<LineMatcher, Invalid> {
        self.matcher
            .get_or_init(|| LineMatcher::new(&self.patterns, self.listed, self.case_sensitive))
    }

    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let candidates = match self.finder.candidates(context.repo) {
            Ok(candidates) => candidates,
            Err(outcome) => return *outcome,
        };
        if candidates.is_empty() {
            let missing = self.no_file.get_or_init(|| {
                super::describe::no_file_named(&self.names, self.places.as_deref())
            });
            let (missing_en, missing_fr) = (&missing.en, &missing.fr);
            return Outcome::new(
                Status::Fail,
                text!(
                    "no file to search: {missing_en}",
                    "aucun fichier où chercher : {missing_fr}"
                ),
            );
        }
        let mut searched = Vec::new();
        let mut skipped = Vec::new();
        let matcher = match self.matcher() {
            Ok(matcher) => matcher,
            Err(Invalid { path, reason }) => {
                return Outcome::new(
                    Status::Error,
                    text!(
                        "`{path}` cannot be compiled: {reason}",
                        "`{path}` ne peut pas être compilé : {reason}"
                    ),
                );
            }
        };
        let mut searcher = matcher.searcher();
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
            if content.is_binary() {
                continue; // binary
            }
            searched.push(entry.path.clone());
            let text = content.text();
            let found = match searcher.first_match(&text) {
                Ok(found) => found,
                Err(GaveUp) => {
                    let path = &entry.path;
                    return Outcome::new(
                        Status::Error,
                        text!(
                            "gave up searching {path}: the pattern is too costly to match (simplify its repetitions)",
                            "recherche abandonnée dans {path} : le motif est trop coûteux à appliquer (simplifiez ses répétitions)"
                        ),
                    );
                }
            };
            if let Some((number, line)) = found {
                let line = line.trim();
                let line: String = line.chars().take(LINE_CHARS).collect();
                let path = entry.path.clone();
                let number = number + 1;
                let outcome = if super::holds_mark(text.as_bytes()) {
                    Outcome::new(
                        Status::Warn,
                        text!(
                            "{path}:{number}: {line} ({path} still has places to fill, marked TODO(ospo))",
                            "{path}:{number} : {line} ({path} contient encore des passages à compléter, marqués TODO(ospo))"
                        ),
                    )
                } else {
                    Outcome::new(
                        Status::Pass,
                        text!("{path}:{number}: {line}", "{path}:{number} : {line}"),
                    )
                };
                return outcome.with(Evidence::Line {
                    path,
                    line: number,
                    text: line,
                });
            }
        }
        let files = searched.join(", ");
        let mut outcome = if searched.is_empty() {
            let wanted = self.finder.describe();
            let (wanted_en, wanted_fr) = (&wanted.en, &wanted.fr);
            Outcome::new(
                Status::Fail,
                text!(
                    "no readable text file among {wanted_en}",
                    "aucun fichier texte lisible parmi {wanted_fr}"
                ),
            )
        } else if self.looks_for.is_empty() {
            Outcome::new(
                Status::Fail,
                text!(
                    "no line of {files} matches what this item looks for",
                    "aucune ligne de {files} ne correspond à ce que cet élément recherche"
                ),
            )
        } else {
            let trimmed: Vec<Text> = self
                .looks_for
                .iter()
                .map(|wanted| Text::new(wanted.en.trim(), wanted.fr.trim()))
                .collect();
            let wanted = Text::join(&trimmed, ", or ", ", ou ");
            let (wanted_en, wanted_fr) = (&wanted.en, &wanted.fr);
            Outcome::new(
                Status::Fail,
                text!(
                    "not found in {files}: {wanted_en}",
                    "introuvable dans {files} : {wanted_fr}"
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

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::util::syntax;

    /// Patterns whose classes hold letters in one case, negated or not, with accented
    /// letters, and lines that tell them apart.
    const PATTERNS: &[&str] = &[
        "[a-c]x",
        "[^a-c]y",
        "[^A-C]z",
        "[A-Z]{3}-[^e]",
        "m(é|e)c(è|e)nes?",
        "licen[cs]e[^\\s)]*\\.svg",
        "^[^\\w`]*(site|docs)\\s*:",
        "\\bcafé\\b",
        "(?-i:DCO) sign",
        "[\\W_]q",
        "(é|E)x",
    ];
    const LINES: &[&str] = &[
        "ax",
        "AX",
        "dx",
        "Dx",
        "ay",
        "Ay",
        "dy",
        "DY",
        "az",
        "AZ",
        "dz",
        "Dz",
        "abc-e",
        "ABC-E",
        "ABC-f",
        "abc-F",
        "mécènes",
        "MÉCÈNES",
        "MéCèNe",
        "mecenes",
        "LICENSE-x.SVG",
        "licence.svg",
        "licence (x).svg",
        "Site: x",
        "`docs` :",
        "CAFÉ",
        "café",
        "Café au",
        "DCO sign",
        "dco sign",
        "DCO SIGN",
        "_Q",
        "-q",
        "aq",
        "ex",
        "Ex",
        "éx",
        "Éx",
        "",
    ];

    #[test]
    fn lowered_lines_match_as_case_folding_does() {
        for pattern in PATTERNS {
            let patterns = [pattern.to_string()];
            let folded = LineMatcher::build(&patterns, false, false, false).expect("builds");
            let lowered = LineMatcher::new(&patterns, false, false).expect("builds");
            assert!(!folded.lowered);
            assert_eq!(lowered.lowered, !pattern.contains("(?"), "{pattern}");
            let (mut folded, mut lowered) = (folded.searcher(), lowered.searcher());
            for line in LINES {
                assert_eq!(
                    lowered.is_match(line).expect("no give-up"),
                    folded.is_match(line).expect("no give-up"),
                    "{pattern} on {line:?}"
                );
            }
        }
        // Together, as a checklist gives them.
        let patterns: Vec<String> = PATTERNS.iter().map(|p| p.to_string()).collect();
        let folded = LineMatcher::build(&patterns, true, false, false).expect("builds");
        let without_flags: Vec<String> = patterns
            .iter()
            .filter(|p| !p.contains("(?"))
            .cloned()
            .collect();
        let lowered = LineMatcher::new(&without_flags, true, false).expect("builds");
        assert!(lowered.lowered);
        let reference = LineMatcher::build(&without_flags, true, false, false).expect("builds");
        let (mut lowered, mut reference) = (lowered.searcher(), reference.searcher());
        let mut folded = folded.searcher();
        let mut matched = 0;
        for line in LINES {
            assert_eq!(
                lowered.is_match(line).expect("no give-up"),
                reference.is_match(line).expect("no give-up"),
                "{line:?}"
            );
            matched += usize::from(folded.is_match(line).expect("no give-up"));
        }
        assert!(matched > 10, "{matched}");
    }

    #[test]
    fn built_in_patterns_decode_to_the_trees_they_parse_to() {
        let mut decoded = 0;
        for selector in ["default", "fr-admin"] {
            let checklist =
                crate::checklist::load(selector, std::path::Path::new(".")).expect("loads");
            for item in &checklist.items {
                let crate::probe::Probe::Content(probe) = &item.probe else {
                    continue;
                };
                let parsed = line_syntax::tree(&probe.patterns, probe.case_sensitive, true)
                    .expect("built-in patterns parse");
                let built = built_tree(&probe.patterns, probe.case_sensitive)
                    .unwrap_or_else(|| panic!("{}: no tree from build.rs", item.id));
                assert_eq!(built.0, parsed.0, "{}", item.id);
                assert_eq!(built.1, parsed.1, "{}", item.id);
                decoded += 1;
            }
        }
        assert!(decoded >= 12, "{decoded}");
        // Another list, or the same one with case counting, is parsed.
        let (patterns, case_sensitive) = (&BUILT_TREES[0].patterns, BUILT_TREES[0].case_sensitive);
        let patterns: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        assert!(built_tree(&patterns, !case_sensitive).is_none());
        assert!(built_tree(&patterns[1..], case_sensitive).is_none());
    }

    /// Every content item of the built-in checklists says what it looks for, in both
    /// languages, each thing a noun phrase with its article.
    #[test]
    fn built_in_content_probes_say_what_they_look_for() {
        let mut worded = 0;
        for selector in crate::checklist::builtin::NAMES {
            let checklist =
                crate::checklist::load(selector, std::path::Path::new(".")).expect("loads");
            for item in &checklist.items {
                let crate::probe::ProbeSpec::Content(spec) = &item.spec else {
                    continue;
                };
                let looks_for = spec.looks_for.as_deref().unwrap_or_default();
                assert!(!looks_for.is_empty(), "{}: no looks-for", item.id);
                for wanted in looks_for {
                    let starts = |text: &str, articles: &[&str]| {
                        articles.iter().any(|article| text.starts_with(article))
                    };
                    assert!(
                        starts(&wanted.en, &["a ", "an ", "the "]),
                        "{}: {}",
                        item.id,
                        wanted.en
                    );
                    assert!(
                        starts(&wanted.fr, &["un ", "une ", "le ", "la ", "l'"]),
                        "{}: {}",
                        item.id,
                        wanted.fr
                    );
                    assert_ne!(wanted.en, wanted.fr, "{}", item.id);
                }
                let crate::probe::Probe::Content(probe) = &item.probe else {
                    panic!("{}: a content spec compiles to a content probe", item.id);
                };
                assert_eq!(probe.looks_for, looks_for, "{}", item.id);
                worded += 1;
            }
        }
        assert!(worded >= 24, "{worded}");
    }

    /// Lines the `looks-for` of the built-in content items give as examples, which their
    /// patterns must match: a reader who copies one gets the item passed.
    const LOOKS_FOR_EXAMPLES: &[(&str, &[&str])] = &[
        (
            "needs.readme-install",
            &[
                "## Getting started",
                "## Déploiement",
                "Run `pip install frob`",
                "docker run frob",
                "curl -fsSL https://example.org/install.sh | sh",
                "curl -fsSL … | sh",
            ],
        ),
        (
            "needs.readme-usage",
            &[
                "## Usage",
                "## Prise en main",
                "Usage: tool [options]",
                "Utilisation : outil [options]",
            ],
        ),
        (
            "needs.discussion-channel",
            &[
                "https://forum.example.org/",
                "https://github.com/org/project/discussions",
                "Join the salon Tchap",
                "https://discord.gg/abc",
                "project-users@example.org",
                "@project@fosstodon.org",
                "join us on Matrix",
                "posez vos questions sur le forum",
                "Forum : https://example.org",
            ],
        ),
        (
            "needs.contributing-dev-setup",
            &[
                "## Development setup",
                "## Lancer les tests",
                "make check",
                "nix develop",
            ],
        ),
        (
            "needs.onboarding-newcomers",
            &[
                "good first issue",
                "up-for-grabs",
                "your first contribution",
                "première contribution",
            ],
        ),
        (
            "communication.website-link",
            &[
                "Website: https://example.org",
                "Site web : https://exemple.fr",
                "[Documentation](https://example.org)",
                "https://project.readthedocs.io",
                "https://project.netlify.app",
            ],
        ),
        (
            "communication.feedback-channel",
            &[
                "https://github.com/org/project/issues",
                "feedback is welcome",
                "ouvrez un ticket",
                "contact@example.org",
                "Contact : https://example.org",
                "## Signaler un problème",
            ],
        ),
        (
            "legal.readme-licence",
            &[
                "## Droits d'auteur",
                "Licence : MIT",
                "| License | MIT |",
                "SPDX-License-Identifier: MIT",
                "see the LICENSE file",
                "sous licence EUPL",
            ],
        ),
        (
            "legal.declared-licence",
            &["license = \"MIT\"", "  \"license\": \"MIT\",", "<license>"],
        ),
        (
            "community.conduct-contact",
            &[
                "conduct@example.org",
                "https://example.org/report",
                "forms.gle/abc",
                "contact the moderators",
                "contactez les modérateurs",
                "signalez-le confidentiellement",
            ],
        ),
        (
            "community.security-contact",
            &[
                "security@example.org",
                "https://example.org/security/advisories",
                "report it privately",
                "de manière confidentielle",
                "YesWeHack",
                "hackerone.com",
            ],
        ),
        (
            "funding.funding-mention",
            &[
                "Liberapay",
                "NGI Zero",
                "France 2030",
                "funded by the EU",
                "soutien financier",
                "## Mécènes",
                "Dons : https://example.org",
                "[Sponsor](https://example.org)",
                "become a sponsor",
                "dons en ligne",
            ],
        ),
    ];

    #[test]
    fn built_in_looks_for_examples_match_their_patterns() {
        let checklist =
            crate::checklist::load("default", std::path::Path::new(".")).expect("loads");
        for (id, lines) in LOOKS_FOR_EXAMPLES {
            let item = checklist.item(id).unwrap_or_else(|| panic!("no item {id}"));
            let crate::probe::Probe::Content(probe) = &item.probe else {
                panic!("{id} is a content item");
            };
            let matcher = probe.matcher().as_ref().expect("built-in patterns build");
            let mut searcher = matcher.searcher();
            for line in *lines {
                assert!(
                    searcher.is_match(line).expect("no give-up"),
                    "{id}: {line:?} does not match"
                );
            }
        }
        let content_items = checklist
            .items
            .iter()
            .filter(|item| matches!(item.probe, crate::probe::Probe::Content(_)))
            .count();
        assert_eq!(content_items, LOOKS_FOR_EXAMPLES.len());
    }

    #[test]
    fn syntax_trees_decode_as_encoded() {
        let config = syntax::Config::new().unicode(true).utf8(false);
        for pattern in [
            r"(?i)\bcaf\u{e9}\b|[^\w\s]{2,}?|x{3}|(?P<name>a+)b*?|\Bq$|^(?m:z)$|(?s:.)|",
            r"(?-u:[\x00-\xff])|\p{Greek}+|(?:)",
        ] {
            let tree = syntax::parse_with(pattern, &config).expect("parses");
            let mut bytes = Vec::new();
            line_syntax::encode(&tree, &mut bytes);
            assert_eq!(line_syntax::decode(&bytes), Some(tree), "{pattern}");
            // Cut short, or with a byte too many, it is no tree.
            assert_eq!(line_syntax::decode(&bytes[..bytes.len() - 1]), None);
            bytes.push(0);
            assert_eq!(line_syntax::decode(&bytes), None);
        }
    }

    #[test]
    fn single_case_classes_of_a_negated_pattern_fold_as_parsed() {
        use line_syntax::for_lowered_lines;
        let config = syntax::Config::new().unicode(false).utf8(false);
        let hir = |pattern: &str| syntax::parse_with(pattern, &config).expect("parses");
        // `[^A-C]` is parsed as every byte but A to C: folding it would take in A to C.
        assert!(for_lowered_lines(&hir("[^A-C]z"), true).is_none());
        assert!(for_lowered_lines(&hir("[a-c]x"), false).is_some());
        // Classes that hold both cases, or no letter, need no folding.
        assert!(for_lowered_lines(&hir("[^\\w\\s]x[^>]"), true).is_some());
        // Read with case folding, a word is one literal again once capitals are gone.
        let folded = syntax::parse_with("Down[Ll]oad[^A-C]", &config.case_insensitive(true))
            .expect("parses");
        let lowered = for_lowered_lines(&folded, false).expect("folded classes pass");
        assert_eq!(
            lowered,
            Hir::concat(vec![
                Hir::literal(*b"download"),
                Hir::class(regex_syntax::hir::Class::Bytes(
                    regex_syntax::hir::ClassBytes::new([
                        regex_syntax::hir::ClassBytesRange::new(0, b'@'),
                        regex_syntax::hir::ClassBytesRange::new(b'[', b'`'),
                        regex_syntax::hir::ClassBytesRange::new(b'd', 0xff),
                    ])
                )),
            ])
        );
    }
}

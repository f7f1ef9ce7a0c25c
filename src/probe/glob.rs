//! Case-insensitive globs for file names.
//!
//! Checklists hold a few hundred short globs; compiling them with a regex-based engine
//! cost more than everything else a check does (35 ms for the default checklist's 218
//! names with one matcher each, 6 ms as sets). These globs are parsed in microseconds
//! and matched without backtracking further than the last star.
//!
//! Syntax: `*` (any run of characters but `/`), `?` (one character but `/`), `**` (any
//! run of path components: `docs/**/*.md` matches `docs/a.md` and `docs/a/b.md`),
//! `[abc]`, `[a-z]`, `[!abc]` or `[^abc]`, `{a,b}` (alternatives, nestable), `\x` (a
//! literal `x`). Letters match regardless of case.
//!
//! A checklist may come from the repository it checks, so a glob is bounded before
//! anything is built from it: its length, its brace groups, how deep they nest and how
//! many alternatives they expand to, its wildcards and the tokens of all its
//! alternatives. Brace groups are parsed with a stack and expanded to a depth the parse
//! has checked, never by unbounded recursion.

/// A glob longer than this many characters is refused.
pub const MAX_GLOB_CHARS: usize = 256;
/// Brace groups a glob may hold, nested ones included.
pub const MAX_BRACE_GROUPS: usize = 32;
/// How deep brace groups may nest.
pub const MAX_BRACE_DEPTH: usize = 8;
/// Brace alternatives a glob may expand to, at most.
pub const MAX_ALTERNATIVES: usize = 64;
/// `*` and `**` a glob may hold, in all its alternatives.
pub const MAX_WILDCARDS: usize = 32;
/// Tokens (characters, classes and wildcards) of all a glob's alternatives together.
pub const MAX_TOKENS: usize = 1024;

/// A compiled glob: one alternative per brace expansion.
#[derive(Debug, Clone)]
pub struct Glob {
    text: String,
    alternatives: Vec<Alternative>,
}

/// One brace alternative, split at its `/` into what each path component must match.
#[derive(Debug, Clone)]
struct Alternative {
    components: Vec<Component>,
    /// The literal characters the alternative starts and ends with, `/` included: most
    /// names are rejected by these alone, before any matching.
    prefix: Vec<char>,
    suffix: Vec<char>,
}

#[derive(Debug, Clone, PartialEq)]
enum Component {
    /// One path component, matched by these tokens.
    Name(Vec<Token>),
    /// `**`: any number of whole path components, none included.
    AnyDirs,
}

/// What matches characters within one path component.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Char(char),
    /// `?`
    One,
    /// `*`
    Star,
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
}

impl Token {
    /// Whether this token, not a star, matches the character `c` (of a path component,
    /// so never `/`).
    fn matches(&self, c: char) -> bool {
        match self {
            Token::Char(expected) => *expected == c,
            Token::One => true,
            Token::Class { negated, ranges } => {
                ranges.iter().any(|(low, high)| (*low..=*high).contains(&c)) != *negated
            }
            Token::Star => false,
        }
    }
}

/// A token of an alternative as the tokenizer reads it, before the alternative is split
/// into components.
#[derive(Debug, Clone, PartialEq)]
enum Raw {
    Token(Token),
    /// `/`, written or escaped.
    Slash,
    /// `**/`: nothing, or any run of components each followed by `/`.
    AnyDirs,
    /// `/**` at the end, or a lone `**`: anything, across components.
    AnyPath,
}

impl Glob {
    pub fn new(text: &str) -> Result<Glob, String> {
        if text.chars().count() > MAX_GLOB_CHARS {
            return Err(format!("longer than {MAX_GLOB_CHARS} characters"));
        }
        let expanded = expand_braces(text)?;
        let mut alternatives = Vec::with_capacity(expanded.len());
        let (mut stars, mut tokens) = (0, 0);
        for alternative in &expanded {
            let raw = tokenize(alternative)?;
            stars += raw
                .iter()
                .filter(|raw| matches!(raw, Raw::Token(Token::Star) | Raw::AnyDirs | Raw::AnyPath))
                .count();
            tokens += raw.len();
            if stars > MAX_WILDCARDS {
                return Err(format!(
                    "more than {MAX_WILDCARDS} `*` and `**` in all its alternatives"
                ));
            }
            if tokens > MAX_TOKENS {
                return Err(format!(
                    "its alternatives hold more than {MAX_TOKENS} characters, classes and wildcards in all"
                ));
            }
            alternatives.push(Alternative::new(&raw));
        }
        Ok(Glob {
            text: text.to_owned(),
            alternatives,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// How many tokens the glob's alternatives hold in all: what it costs to keep, for a
    /// checklist to bound what all its globs cost together.
    pub fn size(&self) -> usize {
        self.alternatives
            .iter()
            .map(|alternative| {
                alternative
                    .components
                    .iter()
                    .map(|component| match component {
                        Component::Name(tokens) => tokens.len() + 1,
                        Component::AnyDirs => 1,
                    })
                    .sum::<usize>()
            })
            .sum()
    }

    #[cfg(test)]
    pub fn is_match(&self, path: &str) -> bool {
        self.is_match_lowercase(&lowercase(path))
    }

    /// Matches a path already turned into lowercase characters by [`lowercase`], so that
    /// many globs can be tried on one path for the price of one conversion.
    pub fn is_match_lowercase(&self, path: &[char]) -> bool {
        self.alternatives
            .iter()
            .any(|alternative| alternative.is_match(path))
    }
}

pub use crate::repo::lowercase;

impl Alternative {
    fn new(raw: &[Raw]) -> Alternative {
        let literal = |raw: &Raw| match raw {
            Raw::Token(Token::Char(c)) => Some(*c),
            Raw::Slash => Some('/'),
            _ => None,
        };
        let prefix = raw.iter().map_while(literal).collect();
        let mut suffix: Vec<char> = raw.iter().rev().map_while(literal).collect();
        suffix.reverse();
        let mut components = Vec::new();
        let mut name = Vec::new();
        let mut open = true;
        for raw in raw {
            match raw {
                Raw::Token(token) => name.push(token.clone()),
                Raw::Slash => components.push(Component::Name(std::mem::take(&mut name))),
                // `**` is a whole component: nothing of its own component came before.
                Raw::AnyDirs => components.push(Component::AnyDirs),
                // One component or more: any name, then any number of them.
                Raw::AnyPath => {
                    components.push(Component::Name(vec![Token::Star]));
                    components.push(Component::AnyDirs);
                    open = false;
                }
            }
        }
        if open {
            components.push(Component::Name(name));
        }
        Alternative {
            components,
            prefix,
            suffix,
        }
    }

    fn is_match(&self, path: &[char]) -> bool {
        // The literal ends alone reject most names, compared character by character (the
        // suffix from its end) rather than by a call to compare memory.
        let suffix_start = path.len().checked_sub(self.suffix.len());
        path.get(..self.prefix.len())
            .is_some_and(|start| same_chars(self.prefix.iter(), start.iter()))
            && suffix_start
                .is_some_and(|at| same_chars(self.suffix.iter().rev(), path[at..].iter().rev()))
            && matches(&self.components, path)
    }
}

/// Whether two runs of characters of the same length are equal.
fn same_chars<'a>(
    mut literal: impl Iterator<Item = &'a char>,
    text: impl Iterator<Item = &'a char>,
) -> bool {
    text.zip(&mut literal).all(|(a, b)| a == b) && literal.next().is_none()
}

/// Where the path component after the one starting at `start` starts, if there is one.
fn next_component(path: &[char], start: usize) -> Option<usize> {
    path[start..]
        .iter()
        .position(|c| *c == '/')
        .map(|slash| start + slash + 1)
}

/// Whether `components` match all of `path` (already lowercased).
///
/// The classic wildcard algorithm, twice: over the path's components with `**` as the
/// star, and within each component with `*` as the star. Each non-star element matches
/// exactly one component (one character), so matching every run between two stars at
/// its leftmost place is never wrong, and a mismatch only lets the last star take one
/// more component (character): the cost is at most the product of the two lengths, and
/// about their sum in practice, however many stars the glob holds.
fn matches(components: &[Component], path: &[char]) -> bool {
    let mut glob = 0;
    // The start of the next path component to match; `None` once all are matched.
    let mut at = Some(0);
    // After the last `**` met: the glob component that follows it, and the path
    // component it would take next.
    let mut retry: Option<(usize, usize)> = None;
    while let Some(start) = at {
        let next = next_component(path, start);
        let end = next.map_or(path.len(), |next| next - 1);
        match components.get(glob) {
            Some(Component::AnyDirs) => {
                retry = Some((glob + 1, start));
                glob += 1;
                continue;
            }
            Some(Component::Name(tokens)) if name_matches(tokens, &path[start..end]) => {
                glob += 1;
                at = next;
                continue;
            }
            _ => {}
        }
        let Some((after, taken)) = retry else {
            return false;
        };
        let following = next_component(path, taken);
        retry = following.map(|following| (after, following));
        glob = after;
        at = following;
    }
    components[glob..]
        .iter()
        .all(|component| *component == Component::AnyDirs)
}

/// Whether `tokens` match all of `name`, one path component: the classic wildcard
/// algorithm (see [`matches`]).
fn name_matches(tokens: &[Token], name: &[char]) -> bool {
    let mut token = 0;
    let mut at = 0;
    // After the last `*` met: the token that follows it, and where its run would end
    // next.
    let mut retry: Option<(usize, usize)> = None;
    while at < name.len() {
        match tokens.get(token) {
            Some(Token::Star) => {
                retry = Some((token + 1, at));
                token += 1;
                continue;
            }
            Some(expected) if expected.matches(name[at]) => {
                token += 1;
                at += 1;
                continue;
            }
            _ => {}
        }
        let Some((after, taken)) = retry else {
            return false;
        };
        retry = Some((after, taken + 1));
        token = after;
        at = taken + 1;
    }
    tokens[token..].iter().all(|token| *token == Token::Star)
}

/// A glob's text as brace groups: runs of text, and groups of alternatives, nested.
#[derive(Debug)]
enum Part {
    Text(String),
    Group(Vec<Vec<Part>>),
}

/// Appends a character to a sequence of parts.
fn push_char(parts: &mut Vec<Part>, c: char) {
    match parts.last_mut() {
        Some(Part::Text(text)) => text.push(c),
        _ => parts.push(Part::Text(c.to_string())),
    }
}

/// `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`, refused past the bounds on groups, depth and
/// alternatives.
fn expand_braces(text: &str) -> Result<Vec<String>, String> {
    let parts = parse_braces(text)?;
    if alternatives(&parts, 0) > MAX_ALTERNATIVES {
        return Err(format!(
            "its braces expand to more than {MAX_ALTERNATIVES} alternatives"
        ));
    }
    Ok(expand(&parts, 0))
}

/// Reads the brace groups of `text` with a stack of the groups open: the current
/// sequence, and for each open group, its alternatives so far. A `\` keeps the character
/// after it in the text (the tokenizer reads the escape); a `}` that closes nothing and a
/// `,` outside braces are text.
fn parse_braces(text: &str) -> Result<Vec<Part>, String> {
    // For each open group: the sequence around it, and its alternatives before the
    // current one.
    let mut open: Vec<(Vec<Part>, Vec<Vec<Part>>)> = Vec::new();
    let mut current: Vec<Part> = Vec::new();
    let mut groups = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                push_char(&mut current, c);
                if let Some(escaped) = chars.next() {
                    push_char(&mut current, escaped);
                }
            }
            '{' => {
                groups += 1;
                if groups > MAX_BRACE_GROUPS {
                    return Err(format!("more than {MAX_BRACE_GROUPS} brace groups"));
                }
                if open.len() == MAX_BRACE_DEPTH {
                    return Err(format!(
                        "brace groups nested more than {MAX_BRACE_DEPTH} deep"
                    ));
                }
                open.push((std::mem::take(&mut current), Vec::new()));
            }
            ',' if !open.is_empty() => {
                if let Some((_, alternatives)) = open.last_mut() {
                    alternatives.push(std::mem::take(&mut current));
                }
            }
            '}' if !open.is_empty() => {
                if let Some((around, mut alternatives)) = open.pop() {
                    alternatives.push(std::mem::replace(&mut current, around));
                    current.push(Part::Group(alternatives));
                }
            }
            c => push_char(&mut current, c),
        }
    }
    if !open.is_empty() {
        return Err("unclosed `{`".into());
    }
    Ok(current)
}

/// How many alternatives `parts` expand to, saturating; `depth` is the nesting of
/// `parts`, which [`parse_braces`] bounded.
fn alternatives(parts: &[Part], depth: usize) -> usize {
    if depth > MAX_BRACE_DEPTH {
        return usize::MAX;
    }
    parts.iter().fold(1usize, |count, part| match part {
        Part::Text(_) => count,
        Part::Group(choices) => count.saturating_mul(choices.iter().fold(0usize, |sum, choice| {
            sum.saturating_add(alternatives(choice, depth + 1))
        })),
    })
}

/// The texts `parts` expand to, in order: earlier groups vary slowest. Called once
/// [`alternatives`] has bounded their number (every step holds at most as many as the
/// end, since a group has at least one alternative).
fn expand(parts: &[Part], depth: usize) -> Vec<String> {
    let mut expanded = vec![String::new()];
    if depth > MAX_BRACE_DEPTH {
        return expanded;
    }
    for part in parts {
        match part {
            Part::Text(text) => expanded.iter_mut().for_each(|done| done.push_str(text)),
            Part::Group(choices) => {
                let tails: Vec<String> = choices
                    .iter()
                    .flat_map(|choice| expand(choice, depth + 1))
                    .collect();
                expanded = expanded
                    .iter()
                    .flat_map(|head| tails.iter().map(move |tail| format!("{head}{tail}")))
                    .collect();
            }
        }
    }
    expanded
}

fn tokenize(text: &str) -> Result<Vec<Raw>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut raws = Vec::new();
    let literal = |raws: &mut Vec<Raw>, c: char| {
        if c == '/' {
            raws.push(Raw::Slash);
        } else {
            raws.extend(c.to_lowercase().map(|c| Raw::Token(Token::Char(c))));
        }
    };
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                let c = *chars.get(i + 1).ok_or("a trailing `\\` escapes nothing")?;
                literal(&mut raws, c);
                i += 2;
            }
            '*' if chars.get(i + 1) == Some(&'*') => {
                let starts_component = i == 0 || chars[i - 1] == '/';
                let after = chars.get(i + 2);
                if !starts_component || !matches!(after, None | Some('/')) {
                    return Err("`**` must be a whole path component".into());
                }
                if after == Some(&'/') {
                    raws.push(Raw::AnyDirs);
                    i += 3;
                } else {
                    raws.push(Raw::AnyPath);
                    i += 2;
                }
            }
            '*' => {
                raws.push(Raw::Token(Token::Star));
                i += 1;
            }
            '?' => {
                raws.push(Raw::Token(Token::One));
                i += 1;
            }
            '[' => {
                let (class, next) = class(&chars, i)?;
                raws.push(Raw::Token(class));
                i = next;
            }
            c => {
                literal(&mut raws, c);
                i += 1;
            }
        }
    }
    Ok(raws)
}

/// Parses `[…]` starting at `start`; returns the class and the index after it.
fn class(chars: &[char], start: usize) -> Result<(Token, usize), String> {
    let mut i = start + 1;
    let negated = matches!(chars.get(i), Some('!' | '^'));
    if negated {
        i += 1;
    }
    let mut ranges = Vec::new();
    let mut first = true;
    loop {
        let c = *chars.get(i).ok_or("unclosed character class `[`")?;
        if c == ']' && !first {
            return Ok((Token::Class { negated, ranges }, i + 1));
        }
        first = false;
        let low = c.to_lowercase().next().unwrap_or(c);
        if chars.get(i + 1) == Some(&'-') && chars.get(i + 2).is_some_and(|c| *c != ']') {
            let high = chars[i + 2].to_lowercase().next().unwrap_or(chars[i + 2]);
            if high < low {
                return Err(format!("invalid range `{c}-{}`", chars[i + 2]));
            }
            ranges.push((low, high));
            i += 3;
        } else {
            ranges.push((low, low));
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glob(text: &str) -> Glob {
        Glob::new(text).unwrap()
    }

    #[test]
    fn stars_stay_within_a_component() {
        assert!(glob("README*").is_match("readme.md"));
        assert!(glob("README*").is_match("README"));
        assert!(!glob("README*").is_match("docs/README.md"));
        assert!(glob("*.yml").is_match("ci.YML"));
        assert!(!glob("*.yml").is_match("a/ci.yml"));
        assert!(glob(".github/workflows/*.yml").is_match(".github/workflows/ci.yml"));
        assert!(glob("LICEN?E").is_match("licence"));
        assert!(!glob("LICEN?E").is_match("LICEN/E"));
        assert!(glob("*a*b").is_match("xaxxab"));
        assert!(!glob("*a*b").is_match("xaxxa"));
        assert!(glob("a*").is_match("a"));
        assert!(glob("*").is_match(""));
        assert!(!glob("?").is_match(""));
    }

    #[test]
    fn double_stars_cross_components() {
        let docs = glob("docs/**/*.md");
        assert!(docs.is_match("docs/a.md"));
        assert!(docs.is_match("docs/a/b/c.md"));
        assert!(!docs.is_match("doc/a.md"));
        assert!(!docs.is_match("docs/a.md/b"));
        assert!(glob("**/NOTES.md").is_match("NOTES.md"));
        assert!(glob("**/NOTES.md").is_match("a/b/notes.md"));
        assert!(glob("src/**").is_match("src/a/b"));
        assert!(!glob("src/**").is_match("src"));
        assert!(!glob("src/**").is_match("srcx/a"));
        assert!(glob("**").is_match("a/b/c"));
        assert!(glob("a/**/b/**/c").is_match("a/b/c"));
        assert!(glob("a/**/b/**/c").is_match("a/x/b/y/z/c"));
        assert!(!glob("a/**/b/**/c").is_match("a/x/y/c"));
        assert!(glob("**/x/*").is_match("a/x/x/y"));
        assert!(glob("a\\/b").is_match("a/b"));
    }

    #[test]
    fn classes_and_braces() {
        assert!(glob("[CL]ICENSE").is_match("license"));
        assert!(glob("*.{md,txt,rst}").is_match("README.TXT"));
        assert!(!glob("*.{md,txt}").is_match("README.rst"));
        assert!(glob("a{b,c{d,e}}f").is_match("acef"));
        assert!(glob("{a,b}{c,d}").is_match("bc"));
        assert!(glob("{}x").is_match("x"));
        assert!(glob("a}b,c").is_match("a}b,c"));
        assert!(glob("\\{a,b}").is_match("{a,b}"));
        assert!(glob("[!a]x").is_match("bx"));
        assert!(!glob("[!a]x").is_match("ax"));
        assert!(glob("[a-c]").is_match("B"));
        assert!(glob("\\*").is_match("*"));
        assert!(!glob("\\*").is_match("x"));
    }

    #[test]
    fn braces_expand_in_order() {
        assert_eq!(
            expand_braces("a{b,c{d,e}}f").unwrap(),
            ["abf", "acdf", "acef"]
        );
        assert_eq!(
            expand_braces("{a,b}{c,d}").unwrap(),
            ["ac", "ad", "bc", "bd"]
        );
        assert_eq!(expand_braces("x{}y").unwrap(), ["xy"]);
    }

    #[test]
    fn rejects_malformed_globs() {
        for bad in ["[", "[abc", "{a,b", "a**", "**b", "x\\", "[z-a]", "{a,{b}"] {
            assert!(Glob::new(bad).is_err(), "{bad}");
        }
    }

    /// Every bound refuses the glob just past it and takes the one at it.
    #[test]
    fn refuses_globs_past_their_bounds() {
        let refused = |text: &str, reason: &str| {
            let error = Glob::new(text).expect_err(text);
            assert!(error.contains(reason), "{text}: {error}");
        };
        Glob::new(&"a".repeat(MAX_GLOB_CHARS)).unwrap();
        refused(
            &"a".repeat(MAX_GLOB_CHARS + 1),
            "longer than 256 characters",
        );
        Glob::new(&"{a}".repeat(MAX_BRACE_GROUPS)).unwrap();
        refused(
            &"{a}".repeat(MAX_BRACE_GROUPS + 1),
            "more than 32 brace groups",
        );
        let nested = |depth: usize| format!("{}x{}", "{".repeat(depth), "}".repeat(depth));
        Glob::new(&nested(MAX_BRACE_DEPTH)).unwrap();
        refused(&nested(MAX_BRACE_DEPTH + 1), "nested more than 8 deep");
        // 2^6 = 64 alternatives, then 128.
        assert_eq!(glob(&"{a,b}".repeat(6)).alternatives.len(), 64);
        refused(&"{a,b}".repeat(7), "more than 64 alternatives");
        Glob::new(&"*a".repeat(MAX_WILDCARDS)).unwrap();
        refused(&"*a".repeat(MAX_WILDCARDS + 1), "more than 32 `*` and `**`");
        // Stars in alternatives count once each.
        refused(
            "{*,**/*}{a,b,c,d,e,f,g,h,i,j,k,l}",
            "more than 32 `*` and `**`",
        );
        // 64 alternatives of 17 tokens each.
        refused(
            &format!("{}{}", "{a,b}".repeat(6), "x".repeat(11)),
            "more than 1024",
        );
    }

    /// A glob of many stars on a long name that it does not match costs about the sum of
    /// their lengths, not their product (it took seconds per thousand names).
    #[test]
    fn stars_cost_little_on_names_they_miss() {
        let stars = glob(&format!("**/{}", "*a".repeat(MAX_WILDCARDS - 1)));
        let name = lowercase(&format!("d/{}", "a".repeat(20)));
        let started = std::time::Instant::now();
        for _ in 0..10_000 {
            assert!(!stars.is_match_lowercase(&name));
        }
        let long = lowercase(&format!("{}b", "a".repeat(4000)));
        let tail = glob(&format!("{}b", "*a".repeat(30)));
        for _ in 0..100 {
            assert!(tail.is_match_lowercase(&long));
        }
        assert!(started.elapsed().as_secs() < 2, "{:?}", started.elapsed());
    }

    /// The component matcher agrees with a dynamic program over the characters (the
    /// matcher this one replaced) on every glob and path of a small alphabet.
    #[test]
    fn agrees_with_a_dynamic_program_over_characters() {
        fn reference(raws: &[Raw], path: &[char]) -> bool {
            let mut reachable = vec![false; path.len() + 1];
            reachable[0] = true;
            for raw in raws {
                let mut next = vec![false; path.len() + 1];
                let mut running = false;
                for j in 0..=path.len() {
                    let c = path.get(j).copied();
                    match raw {
                        Raw::Slash => next[j] |= j > 0 && reachable[j - 1] && path[j - 1] == '/',
                        Raw::Token(Token::Star) => {
                            running |= reachable[j];
                            next[j] = running;
                            running &= c != Some('/');
                        }
                        Raw::Token(token) => {
                            next[j] |= j > 0
                                && reachable[j - 1]
                                && path[j - 1] != '/'
                                && token.matches(path[j - 1]);
                        }
                        Raw::AnyDirs => {
                            running |= reachable[j];
                            next[j] |= reachable[j] || (j > 0 && running && path[j - 1] == '/');
                        }
                        Raw::AnyPath => {
                            running |= reachable[j];
                            next[j] = running;
                        }
                    }
                }
                reachable = next;
            }
            reachable[path.len()]
        }
        let pieces = ["a", "b", "/", "*", "?", "**/", "/**", "[ab]", "[!a]"];
        let texts = ["a", "b", "/"];
        // A small deterministic generator: every glob and path up to a few pieces.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut compared = 0;
        for _ in 0..20_000 {
            let glob_text: String = (0..1 + next(6))
                .map(|_| pieces[next(pieces.len())])
                .collect();
            let Ok(raws) = tokenize(&glob_text) else {
                continue;
            };
            let alternative = Alternative::new(&raws);
            let path: Vec<char> = (0..next(8))
                .map(|_| texts[next(texts.len())])
                .collect::<String>()
                .chars()
                .collect();
            assert_eq!(
                alternative.is_match(&path),
                reference(&raws, &path),
                "{glob_text} on {}",
                path.iter().collect::<String>()
            );
            compared += 1;
        }
        assert!(compared > 5_000, "{compared}");
    }
}

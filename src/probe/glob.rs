//! Case-insensitive globs for file names.
//!
//! Checklists hold a few hundred short globs; compiling them with a regex-based engine
//! cost more than everything else a check does (35 ms for the default checklist's 218
//! names with one matcher each, 6 ms as sets). These globs are parsed in microseconds
//! and matched by a small dynamic program over the name.
//!
//! Syntax: `*` (any run of characters but `/`), `?` (one character but `/`), `**` (any
//! run of path components: `docs/**/*.md` matches `docs/a.md` and `docs/a/b.md`),
//! `[abc]`, `[a-z]`, `[!abc]` or `[^abc]`, `{a,b}` (alternatives, nestable), `\x` (a
//! literal `x`). Letters match regardless of case.

/// A compiled glob: one token sequence per brace alternative.
#[derive(Debug, Clone)]
pub struct Glob {
    text: String,
    alternatives: Vec<Alternative>,
}

#[derive(Debug, Clone)]
struct Alternative {
    tokens: Vec<Token>,
    /// The literal characters the glob starts and ends with: most names are rejected by
    /// these alone, before any matching.
    prefix: Vec<char>,
    suffix: Vec<char>,
}

impl Alternative {
    fn new(tokens: Vec<Token>) -> Alternative {
        let literal = |token: &Token| match token {
            Token::Char(c) => Some(*c),
            _ => None,
        };
        let prefix = tokens.iter().map_while(literal).collect();
        let mut suffix: Vec<char> = tokens.iter().rev().map_while(literal).collect();
        suffix.reverse();
        Alternative {
            tokens,
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
            && matches(&self.tokens, path)
    }
}

/// Whether two runs of characters of the same length are equal.
fn same_chars<'a>(
    mut literal: impl Iterator<Item = &'a char>,
    text: impl Iterator<Item = &'a char>,
) -> bool {
    text.zip(&mut literal).all(|(a, b)| a == b) && literal.next().is_none()
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Char(char),
    /// `?`
    One,
    /// `*`
    Star,
    /// `**/`: nothing, or any run of components each followed by `/`.
    AnyDirs,
    /// `/**` at the end, or a lone `**`: anything, across components.
    AnyPath,
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
}

/// Brace alternatives a glob may expand to, at most.
const MAX_ALTERNATIVES: usize = 256;

impl Glob {
    pub fn new(text: &str) -> Result<Glob, String> {
        let expanded = expand_braces(text)?;
        let alternatives = expanded
            .iter()
            .map(|alternative| tokenize(alternative).map(Alternative::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Glob {
            text: text.to_owned(),
            alternatives,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
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

impl Glob {}

/// `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`.
fn expand_braces(text: &str) -> Result<Vec<String>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut open = None;
    let mut depth = 0;
    let mut escaped = false;
    for (index, c) in chars.iter().enumerate() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => {
                if depth == 0 {
                    open = Some(index);
                }
                depth += 1;
            }
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let start = open.expect("set when depth went up from 0");
                    let prefix: String = chars[..start].iter().collect();
                    let suffix: String = chars[index + 1..].iter().collect();
                    let mut expanded = Vec::new();
                    for choice in split_top_level(&chars[start + 1..index]) {
                        for tail in expand_braces(&format!("{prefix}{choice}{suffix}"))? {
                            expanded.push(tail);
                            if expanded.len() > MAX_ALTERNATIVES {
                                return Err(format!("more than {MAX_ALTERNATIVES} alternatives"));
                            }
                        }
                    }
                    return Ok(expanded);
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        return Err("unclosed `{`".into());
    }
    Ok(vec![text.to_owned()])
}

/// Splits the inside of braces at its top-level commas.
fn split_top_level(chars: &[char]) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0;
    let mut escaped = false;
    for c in chars {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().expect("never empty").push(*c);
    }
    parts
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                let c = *chars.get(i + 1).ok_or("a trailing `\\` escapes nothing")?;
                tokens.extend(c.to_lowercase().map(Token::Char));
                i += 2;
            }
            '*' if chars.get(i + 1) == Some(&'*') => {
                let starts_component = i == 0 || chars[i - 1] == '/';
                let after = chars.get(i + 2);
                if !starts_component || !matches!(after, None | Some('/')) {
                    return Err("`**` must be a whole path component".into());
                }
                if after == Some(&'/') {
                    tokens.push(Token::AnyDirs);
                    i += 3;
                } else {
                    tokens.push(Token::AnyPath);
                    i += 2;
                }
            }
            '*' => {
                tokens.push(Token::Star);
                i += 1;
            }
            '?' => {
                tokens.push(Token::One);
                i += 1;
            }
            '[' => {
                let (class, next) = class(&chars, i)?;
                tokens.push(class);
                i = next;
            }
            c => {
                tokens.extend(c.to_lowercase().map(Token::Char));
                i += 1;
            }
        }
    }
    Ok(tokens)
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

/// Whether `tokens` match all of `path` (already lowercased).
fn matches(tokens: &[Token], path: &[char]) -> bool {
    // reachable[j]: the tokens seen so far can match exactly path[..j].
    let mut reachable = vec![false; path.len() + 1];
    reachable[0] = true;
    let mut next = vec![false; path.len() + 1];
    for token in tokens {
        next.fill(false);
        for j in 0..=path.len() {
            if !reachable[j] {
                continue;
            }
            match token {
                Token::Char(c) => {
                    if path.get(j) == Some(c) {
                        next[j + 1] = true;
                    }
                }
                Token::One => {
                    if path.get(j).is_some_and(|c| *c != '/') {
                        next[j + 1] = true;
                    }
                }
                Token::Class { negated, ranges } => {
                    if let Some(c) = path.get(j)
                        && *c != '/'
                        && ranges.iter().any(|(low, high)| (low..=high).contains(&c)) != *negated
                    {
                        next[j + 1] = true;
                    }
                }
                Token::Star => {
                    next[j] = true;
                    let mut k = j;
                    while k < path.len() && path[k] != '/' {
                        k += 1;
                        next[k] = true;
                    }
                }
                Token::AnyDirs => {
                    next[j] = true;
                    for k in j..path.len() {
                        if path[k] == '/' {
                            next[k + 1] = true;
                        }
                    }
                }
                Token::AnyPath => {
                    for slot in next.iter_mut().skip(j) {
                        *slot = true;
                    }
                }
            }
        }
        std::mem::swap(&mut reachable, &mut next);
        if !reachable.contains(&true) {
            return false;
        }
    }
    reachable[path.len()]
}

#[cfg(test)]
mod tests {
    use super::Glob;

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
    }

    #[test]
    fn double_stars_cross_components() {
        let docs = glob("docs/**/*.md");
        assert!(docs.is_match("docs/a.md"));
        assert!(docs.is_match("docs/a/b/c.md"));
        assert!(!docs.is_match("doc/a.md"));
        assert!(glob("**/NOTES.md").is_match("NOTES.md"));
        assert!(glob("**/NOTES.md").is_match("a/b/notes.md"));
        assert!(glob("src/**").is_match("src/a/b"));
        assert!(!glob("src/**").is_match("srcx/a"));
        assert!(glob("**").is_match("a/b/c"));
    }

    #[test]
    fn classes_and_braces() {
        assert!(glob("[CL]ICENSE").is_match("license"));
        assert!(glob("*.{md,txt,rst}").is_match("README.TXT"));
        assert!(!glob("*.{md,txt}").is_match("README.rst"));
        assert!(glob("a{b,c{d,e}}f").is_match("acef"));
        assert!(glob("[!a]x").is_match("bx"));
        assert!(!glob("[!a]x").is_match("ax"));
        assert!(glob("[a-c]").is_match("B"));
        assert!(glob("\\*").is_match("*"));
        assert!(!glob("\\*").is_match("x"));
    }

    #[test]
    fn rejects_malformed_globs() {
        for bad in ["[", "[abc", "{a,b", "a**", "**b", "x\\", "[z-a]"] {
            assert!(Glob::new(bad).is_err(), "{bad}");
        }
    }
}

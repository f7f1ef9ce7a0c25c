//! REUSE: per-file licence information from headers, `.license` sidecars, `REUSE.toml`
//! and `.reuse/dep5`.
//!
//! Pure functions over text (REUSE specification 3.3, read the way the REUSE tool reads
//! it where the specification leaves room); the caller reads the files and walks the tree.

use std::collections::BTreeSet;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use spdx::ParseMode;
use spdx::lexer::{Lexer, Token};

/// What one file says of itself in its first lines (its header).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Values of `SPDX-License-Identifier:` lines, trimmed, in order (comment markers and
    /// closing comment tokens such as `*/`, `-->`, `#}` removed from the end of the value).
    pub licences: Vec<String>,
    /// Whether a copyright notice is present: `SPDX-FileCopyrightText:`, a line starting
    /// (after comment markers) with `Copyright` followed by a year or name, `©`, or `(c)`.
    pub copyright: bool,
}

/// The header is the start of a file: tags further down are code or data, not a header.
const HEADER_MAX_BYTES: usize = 4096;
/// See [`HEADER_MAX_BYTES`].
const HEADER_MAX_LINES: usize = 60;

/// Line-comment and block-comment openers of common languages, longest first where one
/// is the prefix of another (`//!` before `//`), so that the whole marker goes.
const COMMENT_MARKERS: &[&str] = &[
    "<!--", "//!", "///", "//", "/*", "{#", "--", "..", "#", "*", ";", "%", "'",
];

/// Comment closers that may end a tag's line: they are not part of the value.
const COMMENT_CLOSERS: &[&str] = &["*/", "-->", "#}"];

const LICENCE_TAG: &str = "SPDX-License-Identifier:";
const COPYRIGHT_TAG: &str = "SPDX-FileCopyrightText:";
const IGNORE_START: &str = "REUSE-IgnoreStart";
const IGNORE_END: &str = "REUSE-IgnoreEnd";

/// Reads the header of a file: at most the first 4 KiB / first 60 lines of `text`. Honours
/// `REUSE-IgnoreStart` / `REUSE-IgnoreEnd` (tags between them are not read). A tag must be
/// at the start of the line once comment markers (`//`, `#`, `/*`, `*`, `--`, `;`, `%`,
/// `<!--`, `{#`, `..`, `'`, `REM`) and whitespace are removed — so that a string such as
/// `"SPDX-License-Identifier: "` inside code far down is not read.
///
/// The ignore markers count wherever they stand on a line, as the REUSE tool has them;
/// `//!` and `///` (Rust inner and outer doc comments) are read as comment markers too.
pub fn read_header(text: &str) -> Header {
    let mut header = Header::default();
    let mut ignoring = false;
    let window = header_window(text);
    // Most headers have no ignore block: their lines are read as they are.
    let marked = window.contains("REUSE-Ignore");
    for line in window.lines().take(HEADER_MAX_LINES) {
        let visible = if marked {
            std::borrow::Cow::Owned(visible_part(line, &mut ignoring))
        } else {
            std::borrow::Cow::Borrowed(line)
        };
        let content = strip_comment_markers(&visible);
        if let Some(value) = content.strip_prefix(LICENCE_TAG) {
            let value = strip_comment_closers(value);
            if !value.is_empty() {
                header.licences.push(value.to_owned());
            }
        } else if is_copyright_notice(content) {
            header.copyright = true;
        }
    }
    header
}

/// The first [`HEADER_MAX_BYTES`] of `text`, cut back to a whole line when the cut falls
/// inside one, so that a tag cut in half is not read as a shorter value.
fn header_window(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() <= HEADER_MAX_BYTES {
        return text;
    }
    let mut end = HEADER_MAX_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = text.get(..end).unwrap_or_default();
    if text.get(end..).is_some_and(|rest| rest.starts_with('\n')) {
        return window;
    }
    match window.rfind('\n') {
        Some(last_newline) => window.get(..=last_newline).unwrap_or_default(),
        None => "",
    }
}

/// The parts of `line` outside `REUSE-IgnoreStart` … `REUSE-IgnoreEnd`; `ignoring` carries
/// an open block from one line to the next.
fn visible_part(line: &str, ignoring: &mut bool) -> String {
    let mut visible = String::new();
    let mut rest = line;
    loop {
        if *ignoring {
            match rest.split_once(IGNORE_END) {
                Some((_, after)) => {
                    *ignoring = false;
                    rest = after;
                }
                None => return visible,
            }
        } else {
            match rest.split_once(IGNORE_START) {
                Some((before, after)) => {
                    visible.push_str(before);
                    *ignoring = true;
                    rest = after;
                }
                None => {
                    visible.push_str(rest);
                    return visible;
                }
            }
        }
    }
}

/// `line` without leading whitespace and comment markers, however many are stacked
/// (`/** *`, `;;`, `# #`).
fn strip_comment_markers(line: &str) -> &str {
    let mut rest = line.trim_start();
    loop {
        let before = rest.len();
        if let Some(marker) = COMMENT_MARKERS
            .iter()
            .find(|marker| rest.starts_with(**marker))
        {
            rest = rest.get(marker.len()..).unwrap_or_default().trim_start();
        } else if let Some(after_rem) = strip_rem(rest) {
            rest = after_rem.trim_start();
        }
        if rest.len() == before {
            return rest;
        }
    }
}

/// Batch files' `REM` (any case), as a word: `REMARK` is not a comment.
fn strip_rem(text: &str) -> Option<&str> {
    let keyword = text.get(..3)?;
    let after = text.get(3..)?;
    let is_word = after.is_empty() || after.starts_with(char::is_whitespace);
    (keyword.eq_ignore_ascii_case("rem") && is_word).then_some(after)
}

/// `value` trimmed, without the comment closers that end its line.
fn strip_comment_closers(value: &str) -> &str {
    let mut rest = value.trim();
    while let Some(closer) = COMMENT_CLOSERS
        .iter()
        .find(|closer| rest.ends_with(**closer))
    {
        rest = rest
            .get(..rest.len() - closer.len())
            .unwrap_or_default()
            .trim_end();
    }
    rest
}

/// Whether a line (comment markers removed) is a copyright notice. `Copyright` and `©`
/// must be followed by a year or a name, so that `Copyright` alone, `Copyrighted` or a
/// template's `Copyright (C) <year>` do not count; a bare `(c)` needs a year, since
/// licence texts number their clauses `(a)`, `(b)`, `(c)`.
fn is_copyright_notice(content: &str) -> bool {
    if let Some(value) = content.strip_prefix(COPYRIGHT_TAG) {
        return !strip_comment_closers(value).is_empty();
    }
    if let Some(after) = content.strip_prefix("Copyright") {
        let separated =
            after.starts_with(|c: char| c.is_whitespace() || matches!(c, ':' | '(' | '©'));
        if !separated {
            return false;
        }
        let after = after.trim_start();
        let after = after.strip_prefix(':').unwrap_or(after).trim_start();
        let after = strip_copyright_symbol(after).unwrap_or(after).trim_start();
        return starts_with_year_or_name(after);
    }
    if let Some(after) = content.strip_prefix('©') {
        return starts_with_year_or_name(after.trim_start());
    }
    if let Some(after) = strip_copyright_symbol(content) {
        return after.starts_with(char::is_whitespace)
            && after.trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    false
}

/// `text` after a leading `(c)`, `(C)` or `©`.
fn strip_copyright_symbol(text: &str) -> Option<&str> {
    text.strip_prefix("(c)")
        .or_else(|| text.strip_prefix("(C)"))
        .or_else(|| text.strip_prefix('©'))
}

fn starts_with_year_or_name(text: &str) -> bool {
    text.starts_with(char::is_alphanumeric)
}

/// A `REUSE.toml` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReuseToml {
    pub annotations: Vec<Annotation>,
}

/// One `[[annotations]]` table of `REUSE.toml` (or one `Files:` paragraph of dep5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// `path`: one glob or a list of globs, relative to the directory holding REUSE.toml.
    pub paths: Vec<String>,
    /// How this annotation combines with what the file says of itself.
    pub precedence: Precedence,
    /// `SPDX-License-Identifier` (a string or a list of strings).
    pub licences: Vec<String>,
    /// Whether `SPDX-FileCopyrightText` is given (a string or a list).
    pub copyright: bool,
}

/// `precedence` of an annotation (REUSE specification 3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Precedence {
    /// The file's own information wins; the annotation fills in what the file lacks.
    #[default]
    Closest,
    /// The annotation's information and the file's own both apply.
    Aggregate,
    /// The annotation's information alone applies; the file is not read.
    Override,
}

/// A `REUSE.toml`, dep5 or SPDX expression that cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{message}")]
pub struct ReuseError {
    pub message: String,
}

impl ReuseError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    /// A message prefixed with the `line:column` of `offset` in `text`.
    fn at(text: &str, offset: usize, message: impl std::fmt::Display) -> Self {
        let (line, column) = line_and_column(text, offset);
        Self::new(format!("{line}:{column}: {message}"))
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(..end).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    (line, column)
}

/// The only `REUSE.toml` version the specification defines.
const REUSE_TOML_VERSION: i64 = 1;

/// `REUSE.toml` as written, before its values are checked.
#[derive(Deserialize)]
struct RawReuseToml {
    version: Option<toml::Spanned<i64>>,
    #[serde(default)]
    annotations: Vec<RawAnnotation>,
}

#[derive(Deserialize)]
struct RawAnnotation {
    path: toml::Spanned<OneOrMany>,
    precedence: Option<toml::Spanned<String>>,
    #[serde(rename = "SPDX-License-Identifier")]
    licences: Option<toml::Spanned<OneOrMany>>,
    #[serde(rename = "SPDX-FileCopyrightText")]
    copyright: Option<OneOrMany>,
}

/// A key that takes a string or a list of strings.
struct OneOrMany(Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor;

        impl<'de> Visitor<'de> for OneOrManyVisitor {
            type Value = OneOrMany;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a string or a list of strings")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![value.to_owned()]))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut values = Vec::new();
                while let Some(value) = seq.next_element::<String>()? {
                    values.push(value);
                }
                Ok(OneOrMany(values))
            }
        }

        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

/// Parses REUSE.toml: `version = 1` is required (another version or none is an error);
/// unknown keys are ignored; a bad `precedence` value is an error naming it.
///
/// As the REUSE tool does, an empty `path` list and an `SPDX-License-Identifier` that is
/// not an SPDX expression are errors too.
pub fn parse_reuse_toml(text: &str) -> Result<ReuseToml, ReuseError> {
    let raw: RawReuseToml = toml::from_str(text).map_err(|error| {
        let message = error.message().trim_end();
        match error.span() {
            Some(span) => ReuseError::at(text, span.start, message),
            None => ReuseError::new(message),
        }
    })?;
    match raw.version {
        None => {
            return Err(ReuseError::new(format!(
                "`version` is missing (this reader knows version {REUSE_TOML_VERSION})"
            )));
        }
        Some(version) if *version.get_ref() != REUSE_TOML_VERSION => {
            return Err(ReuseError::at(
                text,
                version.span().start,
                format_args!(
                    "unsupported version {} (this reader knows version {REUSE_TOML_VERSION})",
                    version.get_ref()
                ),
            ));
        }
        Some(_) => {}
    }
    let annotations = raw
        .annotations
        .into_iter()
        .map(|raw| annotation_from_raw(text, raw))
        .collect::<Result<_, _>>()?;
    bounded(ReuseToml { annotations })
}

/// The most glob text a REUSE.toml or dep5 file may hold, all its paths together, and the
/// longest glob. Each file of the project is matched against the globs, at a cost of the
/// glob's length times the path's: a repository cannot make that cost grow without bound.
/// Real files hold a few dozen short globs.
pub const MAX_GLOB_CHARS: usize = 8 * 1024;
pub const MAX_GLOB_LENGTH: usize = 1024;

/// The annotations, when their globs stay within [`MAX_GLOB_CHARS`] and
/// [`MAX_GLOB_LENGTH`].
fn bounded(toml: ReuseToml) -> Result<ReuseToml, ReuseError> {
    let globs = || toml.annotations.iter().flat_map(|a| a.paths.iter());
    if let Some(long) = globs().find(|glob| glob.chars().count() > MAX_GLOB_LENGTH) {
        let start: String = long.chars().take(40).collect();
        return Err(ReuseError::new(format!(
            "the glob `{start}…` is longer than the {MAX_GLOB_LENGTH} characters ospo matches"
        )));
    }
    let total: usize = globs().map(|glob| glob.chars().count()).sum();
    if total > MAX_GLOB_CHARS {
        return Err(ReuseError::new(format!(
            "its globs hold {total} characters, more than the {MAX_GLOB_CHARS} ospo matches"
        )));
    }
    Ok(toml)
}

fn annotation_from_raw(text: &str, raw: RawAnnotation) -> Result<Annotation, ReuseError> {
    let paths_span = raw.path.span();
    let paths = raw.path.into_inner().0;
    if paths.is_empty() {
        return Err(ReuseError::at(
            text,
            paths_span.start,
            "`path` must not be empty",
        ));
    }
    let precedence = match raw.precedence {
        None => Precedence::default(),
        Some(value) => match value.get_ref().as_str() {
            "closest" => Precedence::Closest,
            "aggregate" => Precedence::Aggregate,
            "override" => Precedence::Override,
            other => {
                return Err(ReuseError::at(
                    text,
                    value.span().start,
                    format_args!(
                        "unknown precedence `{other}` (expected `closest`, `aggregate` or `override`)"
                    ),
                ));
            }
        },
    };
    let licences = match raw.licences {
        None => Vec::new(),
        Some(licences) => {
            let span = licences.span();
            let licences = licences.into_inner().0;
            for expression in &licences {
                expression_ids(expression)
                    .map_err(|error| ReuseError::at(text, span.start, error))?;
            }
            licences
        }
    };
    let copyright = raw
        .copyright
        .is_some_and(|notices| notices.0.iter().any(|notice| !notice.trim().is_empty()));
    Ok(Annotation {
        paths,
        precedence,
        licences,
        copyright,
    })
}

impl ReuseToml {
    /// The annotation that applies to `path` (relative to REUSE.toml's directory,
    /// `/`-separated): the LAST matching annotation wins, as the spec says.
    pub fn annotation_for(&self, path: &str) -> Option<&Annotation> {
        self.annotations
            .iter()
            .rev()
            .find(|annotation| annotation.paths.iter().any(|glob| glob_matches(glob, path)))
    }
}

/// Stands in a glob for "any one character": no path holds a NUL, so no REUSE.toml glob
/// that means to match a real path contains one. It carries dep5's `?`, which REUSE.toml
/// globs cannot otherwise say (see [`parse_dep5`]).
const ANY_ONE_CHAR: char = '\0';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GlobToken {
    Literal(char),
    AnyOneChar,
    /// `*`: any run of characters but `/`.
    Star,
    /// `**`: any run of characters, `/` included.
    AnyRun,
    /// `**/`: nothing, or any run ending in `/` — any number of directories.
    AnyDirectories,
}

fn glob_tokens(glob: &str) -> Vec<GlobToken> {
    let mut tokens = Vec::new();
    let mut chars = glob.chars().peekable();
    while let Some(c) = chars.next() {
        let token = match c {
            '\\' => GlobToken::Literal(chars.next().unwrap_or('\\')),
            ANY_ONE_CHAR => GlobToken::AnyOneChar,
            '*' => {
                let mut stars = 1;
                while chars.next_if_eq(&'*').is_some() {
                    stars += 1;
                }
                if stars == 1 {
                    GlobToken::Star
                } else if chars.next_if_eq(&'/').is_some() {
                    GlobToken::AnyDirectories
                } else {
                    GlobToken::AnyRun
                }
            }
            other => GlobToken::Literal(other),
        };
        tokens.push(token);
    }
    tokens
}

/// REUSE.toml globs: `*` matches any run of characters but `/`; `**` any run including `/`;
/// `\*` a literal star; `\\` a backslash; everything else literal; case-sensitive; the
/// whole path must match.
///
/// As in the REUSE tool: `**/` also matches no directory at all (`**/*.py` matches
/// `setup.py`), three or more stars are `**`, and a backslash makes any character
/// literal (`\a` is `a`).
pub fn glob_matches(glob: &str, path: &str) -> bool {
    let path: Vec<char> = path.chars().collect();
    // reachable[i]: the tokens so far can match exactly the first i characters. Walking
    // the positions per token keeps the cost at tokens × characters, with no backtracking.
    let mut reachable = vec![false; path.len() + 1];
    if let Some(start) = reachable.first_mut() {
        *start = true;
    }
    for token in glob_tokens(glob) {
        let mut next = vec![false; path.len() + 1];
        match token {
            GlobToken::Literal(_) | GlobToken::AnyOneChar => {
                let steps = path.iter().zip(&reachable).zip(next.iter_mut().skip(1));
                for ((c, &here), after) in steps {
                    *after =
                        here && (token == GlobToken::AnyOneChar || token == GlobToken::Literal(*c));
                }
            }
            GlobToken::Star | GlobToken::AnyRun => {
                let mut running = false;
                for (index, slot) in next.iter_mut().enumerate() {
                    running |= reachable.get(index) == Some(&true);
                    *slot = running;
                    if token == GlobToken::Star && path.get(index) == Some(&'/') {
                        running = false;
                    }
                }
            }
            GlobToken::AnyDirectories => {
                let mut any_before = false;
                for (index, slot) in next.iter_mut().enumerate() {
                    let after_slash = index > 0 && path.get(index - 1) == Some(&'/');
                    let here = reachable.get(index) == Some(&true);
                    *slot = here || (any_before && after_slash);
                    any_before |= here;
                }
            }
        }
        if !next.contains(&true) {
            return false;
        }
        reachable = next;
    }
    reachable.last() == Some(&true)
}

/// One field of a dep5 paragraph: its name in lower case (field names are
/// case-insensitive), its lines (the first after the colon, then the continuation
/// lines), and the line it starts on.
struct Dep5Field {
    name: String,
    lines: Vec<String>,
    line_number: usize,
}

/// The deprecated `.reuse/dep5` (Debian copyright format 1.0): its `Files:` paragraphs
/// (space-separated globs where `*` matches `/` too, `?` one char) with `License:` and
/// `Copyright:` fields, continuation lines starting with a space.
///
/// Annotations get [`Precedence::Aggregate`], as dep5 information always adds to the
/// file's. Each dep5 glob becomes an equivalent REUSE.toml glob: `*` becomes `**` (with
/// a following `/` escaped, so that `*/x` still needs a directory), `?` becomes the
/// any-one-character stand-in. A `Files` paragraph without `License` or `Copyright`, a
/// line that is not a field, and a `License` synopsis that is not an SPDX expression
/// are errors, as they are for the REUSE tool.
pub fn parse_dep5(text: &str) -> Result<ReuseToml, ReuseError> {
    let mut annotations = Vec::new();
    for paragraph in dep5_paragraphs(text)? {
        let field = |name: &str| paragraph.iter().find(|field| field.name == name);
        let Some(files) = field("files") else {
            continue;
        };
        let paths: Vec<String> = files
            .lines
            .iter()
            .flat_map(|line| line.split_whitespace())
            .map(dep5_glob_to_reuse_glob)
            .collect();
        if paths.is_empty() {
            return Err(ReuseError::new(format!(
                "line {}: `Files` lists no file",
                files.line_number
            )));
        }
        let Some(licence) = field("license") else {
            return Err(ReuseError::new(format!(
                "line {}: this `Files` paragraph has no `License` field",
                files.line_number
            )));
        };
        let Some(copyright) = field("copyright") else {
            return Err(ReuseError::new(format!(
                "line {}: this `Files` paragraph has no `Copyright` field",
                files.line_number
            )));
        };
        // The first line of `License` is its synopsis, the expression; the lines after it
        // may hold the licence text.
        let synopsis = licence
            .lines
            .first()
            .map(|line| line.trim())
            .unwrap_or_default();
        let licences = if synopsis.is_empty() {
            Vec::new()
        } else {
            expression_ids(synopsis).map_err(|error| {
                ReuseError::new(format!("line {}: {error}", licence.line_number))
            })?;
            vec![synopsis.to_owned()]
        };
        annotations.push(Annotation {
            paths,
            precedence: Precedence::Aggregate,
            licences,
            copyright: copyright.lines.iter().any(|line| !line.trim().is_empty()),
        });
    }
    bounded(ReuseToml { annotations })
}

/// Splits deb822 text into paragraphs of fields: blank lines separate paragraphs, lines
/// starting with a space or tab continue the field above, `#` lines are comments.
fn dep5_paragraphs(text: &str) -> Result<Vec<Vec<Dep5Field>>, ReuseError> {
    let mut paragraphs = Vec::new();
    let mut paragraph: Vec<Dep5Field> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        if line.trim().is_empty() {
            if !paragraph.is_empty() {
                paragraphs.push(std::mem::take(&mut paragraph));
            }
        } else if line.starts_with('#') {
            continue;
        } else if line.starts_with([' ', '\t']) {
            let Some(field) = paragraph.last_mut() else {
                return Err(ReuseError::new(format!(
                    "line {line_number}: a continuation line with no field above it"
                )));
            };
            // ` .` stands for an empty line inside a field.
            let value = line.trim();
            field.lines.push(if value == "." {
                String::new()
            } else {
                value.to_owned()
            });
        } else {
            let Some((name, value)) = line.split_once(':') else {
                return Err(ReuseError::new(format!(
                    "line {line_number}: expected `Field: value`, found `{}`",
                    line.trim()
                )));
            };
            paragraph.push(Dep5Field {
                name: name.trim().to_ascii_lowercase(),
                lines: vec![value.trim().to_owned()],
                line_number,
            });
        }
    }
    if !paragraph.is_empty() {
        paragraphs.push(paragraph);
    }
    Ok(paragraphs)
}

/// A dep5 glob as a REUSE.toml glob matching the same paths.
fn dep5_glob_to_reuse_glob(dep5_glob: &str) -> String {
    let mut glob = String::new();
    let mut after_star = false;
    let mut chars = dep5_glob.chars();
    while let Some(c) = chars.next() {
        match c {
            '*' => {
                glob.push_str("**");
                after_star = true;
                continue;
            }
            '?' => glob.push(ANY_ONE_CHAR),
            // `\*`, `\?` and `\\` are dep5's escapes; a lone trailing backslash is literal.
            '\\' => push_literal(&mut glob, chars.next().unwrap_or('\\')),
            // A REUSE.toml `**/` also matches no directory; dep5's `*/` needs one.
            '/' if after_star => glob.push_str("\\/"),
            other => push_literal(&mut glob, other),
        }
        after_star = false;
    }
    glob
}

/// Pushes `c` so that a REUSE.toml glob reads it as itself.
fn push_literal(glob: &mut String, c: char) {
    if matches!(c, '*' | '\\' | ANY_ONE_CHAR) {
        glob.push('\\');
    }
    glob.push(c);
}

/// Directories whose files are never covered, at any depth: version control data, the
/// licence texts, and REUSE's own configuration (`.reuse/dep5`, `.reuse/templates`).
const UNCOVERED_DIRECTORIES: &[&str] = &[".git", ".hg", ".sl", "LICENSES", ".reuse"];

/// Whether a file is covered by REUSE at all (spec 3.3): not `LICENSES/**`, not
/// `LICENSE*`/`LICENCE*`/`COPYING*` files (any directory), not under `.git/`, not
/// `REUSE.toml` or `.reuse/dep5` themselves, not `*.license` sidecar files themselves.
/// (Ignored files, symlinks, submodules and empty files are the caller's business.)
///
/// The names are those the REUSE tool skips: `LICENSE`, `LICENCE` and `COPYING` alone
/// or followed by `.` or `-` (`LICENSE.md`, `LICENSE-MIT`, `COPYING.LESSER`); the
/// directories `.git`, `.hg`, `.sl`, `LICENSES` and `.reuse` at any depth; also a `.git`
/// file (a submodule's link), `.hgtags` and SPDX documents (`*.spdx`, `*.spdx.json`, …).
pub fn is_covered(path: &str) -> bool {
    let mut components = path
        .split('/')
        .filter(|component| !component.is_empty() && *component != ".");
    let Some(name) = components.next_back() else {
        return false;
    };
    if components.any(|directory| UNCOVERED_DIRECTORIES.contains(&directory)) {
        return false;
    }
    !is_uncovered_file_name(name)
}

fn is_uncovered_file_name(name: &str) -> bool {
    let is_licence_file = ["LICENSE", "LICENCE", "COPYING"].iter().any(|stem| {
        name.strip_prefix(stem)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '-']))
    });
    let is_spdx_document = name.ends_with(".spdx")
        || [
            ".spdx.rdf",
            ".spdx.json",
            ".spdx.xml",
            ".spdx.yaml",
            ".spdx.yml",
        ]
        .iter()
        .any(|suffix| name.ends_with(suffix));
    is_licence_file
        || is_spdx_document
        || name.ends_with(".license")
        || matches!(name, "REUSE.toml" | ".git" | ".hgtags")
}

/// How REUSE reads expressions: any identifier parses (an unknown or deprecated one is a
/// finding for the caller, not a syntax error), and `GPL-2.0+` is accepted as written.
const REUSE_PARSE_MODE: ParseMode = ParseMode {
    allow_slash_as_or_operator: false,
    allow_imprecise_license_names: false,
    allow_postfix_plus_on_gpl: true,
    allow_deprecated: true,
    allow_unknown: true,
};

/// The SPDX license ids of an expression as REUSE reads it (`LicenseRef-…` kept as-is),
/// sorted and deduplicated; an expression that does not parse gives an error naming it.
///
/// Ids are given as written, so that the caller can look for `LICENSES/<id>.txt` and flag
/// unknown or deprecated ones: exceptions after `WITH` are included (REUSE wants their
/// text in `LICENSES/` too), and a trailing `+` is left off (`Apache-2.0+` needs
/// `LICENSES/Apache-2.0.txt`).
pub fn expression_ids(expression: &str) -> Result<Vec<String>, ReuseError> {
    spdx::Expression::parse_mode(expression, REUSE_PARSE_MODE).map_err(|error| {
        ReuseError::new(format!(
            "`{expression}` is not an SPDX expression: {} (at character {})",
            error.reason,
            expression
                .get(..error.span.start)
                .map_or(error.span.start, |before| before.chars().count())
                + 1
        ))
    })?;
    // The parsed expression turns an unknown id into a `LicenseRef-` of the same name; the
    // tokens, with their spans, still hold the text as written (a `+` is a token of its own).
    let mut ids = BTreeSet::new();
    for token in Lexer::new_mode(expression, REUSE_PARSE_MODE) {
        let Ok(token) = token else {
            continue;
        };
        let is_id = matches!(
            token.token,
            Token::Spdx(_)
                | Token::Exception(_)
                | Token::LicenseRef { .. }
                | Token::AdditionRef { .. }
                | Token::Unknown(_)
        );
        if let Some(id) = expression.get(token.span).filter(|_| is_id) {
            ids.insert(id.to_owned());
        }
    }
    Ok(ids.into_iter().collect())
}

/// The licences that apply to a file, and where they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLicensing {
    /// SPDX expressions, in order: the file's own first, then the annotation's.
    pub licences: Vec<String>,
    pub copyright: bool,
    /// Where the first licence comes from; with no licence, where the copyright notice
    /// comes from; with neither, [`From::None`].
    pub from: From,
}

/// A source of licence information for one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    /// The file's own header.
    Header,
    /// The `<file>.license` sidecar.
    Sidecar,
    ReuseToml,
    Dep5,
    None,
}

/// The information one source gives a file.
#[derive(Clone, Copy)]
struct Source<'a> {
    licences: &'a [String],
    copyright: bool,
    from: From,
}

/// `header`: the file's own header (or None for binary files); `sidecar`: the header read
/// from `<file>.license` when it exists (a sidecar replaces the file's own header);
/// `annotation`: the REUSE.toml annotation for the file, if any (or the dep5 one).
/// Precedence: `override` → the annotation only; `aggregate` → annotation plus the file's
/// (or sidecar's) information; `closest` → the file's (or sidecar's) information when it has
/// licences, else the annotation's.
///
/// `closest` goes field by field, as the REUSE tool does: a file giving licences but no
/// copyright notice takes the annotation's copyright, and the other way round.
pub fn resolve(
    header: Option<&Header>,
    sidecar: Option<&Header>,
    annotation: Option<(&Annotation, From)>,
) -> FileLicensing {
    let own = match (sidecar, header) {
        (Some(sidecar), _) => Some(Source {
            licences: &sidecar.licences,
            copyright: sidecar.copyright,
            from: From::Sidecar,
        }),
        (None, Some(header)) => Some(Source {
            licences: &header.licences,
            copyright: header.copyright,
            from: From::Header,
        }),
        (None, None) => None,
    };
    let Some((annotation, annotation_from)) = annotation else {
        return combine(own.as_slice(), own.as_slice());
    };
    let global = Source {
        licences: &annotation.licences,
        copyright: annotation.copyright,
        from: annotation_from,
    };
    match (annotation.precedence, own) {
        (Precedence::Override, _) | (_, None) => combine(&[global], &[global]),
        (Precedence::Aggregate, Some(own)) => combine(&[own, global], &[own, global]),
        (Precedence::Closest, Some(own)) => {
            let licensing = if own.licences.is_empty() { global } else { own };
            let copyright = if own.copyright { own } else { global };
            combine(&[licensing], &[copyright])
        }
    }
}

/// The licences of `licensing` (in order, without repeats) and the copyright of `copyright`.
fn combine(licensing: &[Source], copyright: &[Source]) -> FileLicensing {
    let mut licences: Vec<String> = Vec::new();
    let mut from = From::None;
    for source in licensing {
        for licence in source.licences {
            if from == From::None {
                from = source.from;
            }
            if !licences.contains(licence) {
                licences.push(licence.clone());
            }
        }
    }
    let copyright_source = copyright.iter().find(|source| source.copyright);
    if from == From::None {
        from = copyright_source.map_or(From::None, |source| source.from);
    }
    FileLicensing {
        licences,
        copyright: copyright_source.is_some(),
        from,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(licences: &[&str], copyright: bool) -> Header {
        Header {
            licences: licences.iter().map(|licence| licence.to_string()).collect(),
            copyright,
        }
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|value| value.to_string()).collect()
    }

    // ---- read_header ----

    #[test]
    fn rust_line_comments_give_licence_and_copyright() {
        let text = "\
// SPDX-FileCopyrightText: 2024 Jane Doe <jane@example.org>
//
// SPDX-License-Identifier: MIT OR Apache-2.0

//! The crate root.

fn main() {}
";
        assert_eq!(read_header(text), header(&["MIT OR Apache-2.0"], true));
    }

    #[test]
    fn rust_doc_comment_tag_is_read() {
        let text = "//! SPDX-License-Identifier: MPL-2.0\n//! A library.\n";
        assert_eq!(read_header(text), header(&["MPL-2.0"], false));
    }

    #[test]
    fn c_block_comment_with_star_lines_and_closer() {
        let text = "\
/*
 * SPDX-FileCopyrightText: 2019-2023 ACME Corp.
 *
 * SPDX-License-Identifier: GPL-2.0-only WITH Linux-syscall-note */
#include <stdio.h>
/* SPDX-License-Identifier: BSD-3-Clause */
";
        assert_eq!(
            read_header(text),
            header(
                &["GPL-2.0-only WITH Linux-syscall-note", "BSD-3-Clause"],
                true
            )
        );
    }

    #[test]
    fn python_header_after_shebang_with_traditional_copyright() {
        let text = "\
#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# Copyright (c) 2021 Example Ltd
# SPDX-License-Identifier: Apache-2.0
import sys
";
        assert_eq!(read_header(text), header(&["Apache-2.0"], true));
    }

    #[test]
    fn shell_header_without_copyright() {
        let text = "#!/bin/sh\n# SPDX-License-Identifier: 0BSD\nset -eu\n";
        assert_eq!(read_header(text), header(&["0BSD"], false));
    }

    #[test]
    fn html_comment_block_and_single_line() {
        let text = "\
<!DOCTYPE html>
<!--
SPDX-FileCopyrightText: © 2022 Jo Bloggs
SPDX-License-Identifier: CC-BY-4.0
-->
<!-- SPDX-License-Identifier: MIT -->
<html></html>
";
        assert_eq!(read_header(text), header(&["CC-BY-4.0", "MIT"], true));
    }

    #[test]
    fn other_comment_styles_are_stripped() {
        let cases = [
            ("{# SPDX-License-Identifier: MIT #}", "MIT"),
            ("-- SPDX-License-Identifier: PostgreSQL", "PostgreSQL"),
            (
                ";; SPDX-License-Identifier: GPL-3.0-or-later",
                "GPL-3.0-or-later",
            ),
            ("% SPDX-License-Identifier: LPPL-1.3c", "LPPL-1.3c"),
            (".. SPDX-License-Identifier: CC-BY-SA-4.0", "CC-BY-SA-4.0"),
            ("' SPDX-License-Identifier: MS-PL", "MS-PL"),
            ("REM SPDX-License-Identifier: Unlicense", "Unlicense"),
            ("rem SPDX-License-Identifier: Zlib", "Zlib"),
            ("/** SPDX-License-Identifier: ISC */", "ISC"),
            ("  # # SPDX-License-Identifier: BSL-1.0", "BSL-1.0"),
        ];
        for (line, licence) in cases {
            assert_eq!(read_header(line), header(&[licence], false), "{line}");
        }
    }

    #[test]
    fn tag_below_line_sixty_is_not_read() {
        let mut text = String::new();
        for index in 0..70 {
            text.push_str(&format!("let x{index} = {index};\n"));
        }
        text.push_str("// SPDX-License-Identifier: MIT\n");
        assert_eq!(read_header(&text), Header::default());
    }

    #[test]
    fn line_sixty_is_read_and_line_sixty_one_is_not() {
        let filler = "x = 1\n".repeat(59);
        let on_sixty = format!("{filler}# SPDX-License-Identifier: MIT\n");
        assert_eq!(read_header(&on_sixty), header(&["MIT"], false));
        let on_sixty_one = format!("{filler}x = 1\n# SPDX-License-Identifier: MIT\n");
        assert_eq!(read_header(&on_sixty_one), Header::default());
    }

    #[test]
    fn tag_beyond_four_kibibytes_is_not_read() {
        // 40 lines of 120 bytes: line 41 starts past 4 KiB.
        let long_line = format!("# {}\n", "-".repeat(117));
        let filler = long_line.repeat(40);
        assert!(filler.len() > HEADER_MAX_BYTES);
        let text = format!("{filler}# SPDX-License-Identifier: MIT\n");
        assert_eq!(read_header(&text), Header::default());
        let within = format!("{}# SPDX-License-Identifier: MIT\n", long_line.repeat(30));
        assert_eq!(read_header(&within), header(&["MIT"], false));
    }

    #[test]
    fn tag_cut_by_the_four_kibibyte_limit_is_not_read_truncated() {
        let text = format!(
            "{}# SPDX-License-Identifier: Apache-2.0\n",
            "x".repeat(HEADER_MAX_BYTES - 30) + "\n"
        );
        assert_eq!(read_header(&text), Header::default());
    }

    #[test]
    fn multibyte_character_across_the_limit_does_not_panic() {
        let text = format!("# SPDX-License-Identifier: MIT\n{}", "é".repeat(4000));
        assert_eq!(read_header(&text), header(&["MIT"], false));
        let text = format!(
            "{}é# SPDX-License-Identifier: MIT",
            "x".repeat(HEADER_MAX_BYTES - 1)
        );
        assert_eq!(read_header(&text), Header::default());
    }

    #[test]
    fn tag_inside_code_is_not_read() {
        let text = "\
fn licence_line() -> &'static str {
    let tag = \"SPDX-License-Identifier: MIT\";
    println!(\"SPDX-License-Identifier: {}\", tag);
    let copyright = \"Copyright 2020 Someone\";
    \"SPDX-FileCopyrightText: 2020 Someone\"
}
";
        assert_eq!(read_header(text), Header::default());
    }

    #[test]
    fn reuse_ignore_block_hides_tags() {
        let text = "\
# SPDX-License-Identifier: MIT
# REUSE-IgnoreStart
# SPDX-License-Identifier: GPL-3.0-only
# SPDX-FileCopyrightText: 2024 Not The Author
# REUSE-IgnoreEnd
# SPDX-License-Identifier: Apache-2.0
";
        assert_eq!(read_header(text), header(&["MIT", "Apache-2.0"], false));
    }

    #[test]
    fn unclosed_reuse_ignore_block_hides_the_rest() {
        let text = "\
// REUSE-IgnoreStart
// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2024 Jane Doe
";
        assert_eq!(read_header(text), Header::default());
    }

    #[test]
    fn reuse_ignore_block_within_one_line() {
        let text = "# REUSE-IgnoreStart SPDX-License-Identifier: GPL-2.0-only REUSE-IgnoreEnd\n\
                    # SPDX-License-Identifier: MIT\n";
        assert_eq!(read_header(text), header(&["MIT"], false));
    }

    #[test]
    fn copyright_notice_forms() {
        let counted = [
            "# Copyright 2020 Foo Inc.",
            "# Copyright (C) 2009-2011 Free Software Foundation",
            "# Copyright: The Rust Project Developers",
            "# Copyright © 2024 Ana",
            "# © 2024 Ana",
            "# (c) 2024 Ana",
            "# SPDX-FileCopyrightText: Jane Doe",
        ];
        for line in counted {
            assert!(read_header(line).copyright, "{line}");
        }
        let not_counted = [
            "# Copyright",
            "# Copyright (C) <year> <name of author>",
            "# Copyrighted material follows",
            "# (c) the Licensee may distribute the Work",
            "# SPDX-FileCopyrightText:",
            "# copyright 2020 lower case is not a notice",
        ];
        for line in not_counted {
            assert!(!read_header(line).copyright, "{line}");
        }
    }

    #[test]
    fn empty_licence_value_is_not_kept() {
        assert_eq!(
            read_header("/* SPDX-License-Identifier: */\n"),
            Header::default()
        );
    }

    #[test]
    fn windows_line_endings_and_byte_order_mark() {
        let text =
            "\u{feff}// SPDX-License-Identifier: MIT\r\n// SPDX-FileCopyrightText: 2024 X\r\n";
        assert_eq!(read_header(text), header(&["MIT"], true));
    }

    // ---- parse_reuse_toml ----

    const REUSE_TOML: &str = r#"
version = 1
SPDX-PackageName = "example"

[[annotations]]
path = "**"
SPDX-FileCopyrightText = "2024 Example Project contributors"
SPDX-License-Identifier = "MIT"

[[annotations]]
path = ["docs/**", "*.md"]
precedence = "aggregate"
SPDX-License-Identifier = ["CC-BY-4.0", "LicenseRef-Docs"]
SPDX-FileContributor = "ignored"

[[annotations]]
path = "vendor/**"
precedence = "override"
SPDX-FileCopyrightText = ["2010 Upstream A", "2012 Upstream B"]
SPDX-License-Identifier = "BSD-3-Clause"

[[annotations]]
path = 'assets/\*literal.png'
precedence = "closest"
"#;

    #[test]
    fn reuse_toml_with_several_annotations() {
        let parsed = parse_reuse_toml(REUSE_TOML);
        let expected = ReuseToml {
            annotations: vec![
                Annotation {
                    paths: strings(&["**"]),
                    precedence: Precedence::Closest,
                    licences: strings(&["MIT"]),
                    copyright: true,
                },
                Annotation {
                    paths: strings(&["docs/**", "*.md"]),
                    precedence: Precedence::Aggregate,
                    licences: strings(&["CC-BY-4.0", "LicenseRef-Docs"]),
                    copyright: false,
                },
                Annotation {
                    paths: strings(&["vendor/**"]),
                    precedence: Precedence::Override,
                    licences: strings(&["BSD-3-Clause"]),
                    copyright: true,
                },
                Annotation {
                    paths: strings(&[r"assets/\*literal.png"]),
                    precedence: Precedence::Closest,
                    licences: Vec::new(),
                    copyright: false,
                },
            ],
        };
        assert_eq!(parsed, Ok(expected));
    }

    #[test]
    fn last_matching_annotation_wins() {
        let toml = parse_reuse_toml(REUSE_TOML).expect("the fixture parses");
        let licences_for = |path: &str| toml.annotation_for(path).map(|a| a.licences.clone());
        assert_eq!(licences_for("src/main.rs"), Some(strings(&["MIT"])));
        assert_eq!(
            licences_for("docs/guide/intro.md"),
            Some(strings(&["CC-BY-4.0", "LicenseRef-Docs"]))
        );
        assert_eq!(
            licences_for("README.md"),
            Some(strings(&["CC-BY-4.0", "LicenseRef-Docs"]))
        );
        // `*.md` does not cross `/`; `**` (first annotation) does.
        assert_eq!(licences_for("src/notes.md"), Some(strings(&["MIT"])));
        assert_eq!(
            licences_for("vendor/lib/x.c"),
            Some(strings(&["BSD-3-Clause"]))
        );
        assert_eq!(
            toml.annotation_for("assets/*literal.png")
                .map(|a| a.precedence),
            Some(Precedence::Closest)
        );
        assert_eq!(licences_for("assets/xliteral.png"), Some(strings(&["MIT"])));
    }

    #[test]
    fn no_annotation_when_nothing_matches() {
        let toml = parse_reuse_toml("version = 1\n[[annotations]]\npath = \"src/*.rs\"\n")
            .expect("parses");
        assert_eq!(
            toml.annotation_for("src/lib.rs").map(|a| a.paths.clone()),
            Some(strings(&["src/*.rs"]))
        );
        assert_eq!(toml.annotation_for("src/a/lib.rs"), None);
        assert_eq!(toml.annotation_for("lib.rs"), None);
    }

    #[test]
    fn reuse_toml_without_annotations() {
        assert_eq!(
            parse_reuse_toml("version = 1\n"),
            Ok(ReuseToml {
                annotations: Vec::new()
            })
        );
    }

    #[test]
    fn wrong_version_is_an_error() {
        assert_eq!(
            parse_reuse_toml("version = 2\n"),
            Err(ReuseError::new(
                "1:11: unsupported version 2 (this reader knows version 1)"
            ))
        );
    }

    #[test]
    fn missing_version_is_an_error() {
        assert_eq!(
            parse_reuse_toml("[[annotations]]\npath = \"*\"\n"),
            Err(ReuseError::new(
                "`version` is missing (this reader knows version 1)"
            ))
        );
    }

    #[test]
    fn version_of_the_wrong_type_is_an_error() {
        assert_eq!(
            parse_reuse_toml("version = \"1\"\n"),
            Err(ReuseError::new(
                "1:11: invalid type: string \"1\", expected i64"
            ))
        );
    }

    #[test]
    fn bad_precedence_is_an_error_naming_it() {
        let text = "version = 1\n\n[[annotations]]\npath = \"*\"\nprecedence = \"sometimes\"\n";
        assert_eq!(
            parse_reuse_toml(text),
            Err(ReuseError::new(
                "5:14: unknown precedence `sometimes` (expected `closest`, `aggregate` or `override`)"
            ))
        );
    }

    #[test]
    fn toml_syntax_error_has_a_position() {
        assert_eq!(
            parse_reuse_toml("version = 1\n[[annotations]\n"),
            Err(ReuseError::new("2:15: unclosed array table, expected `]`"))
        );
    }

    #[test]
    fn missing_path_is_an_error() {
        assert_eq!(
            parse_reuse_toml("version = 1\n[[annotations]]\nSPDX-License-Identifier = \"MIT\"\n"),
            Err(ReuseError::new("2:1: missing field `path`"))
        );
    }

    #[test]
    fn empty_path_list_is_an_error() {
        assert_eq!(
            parse_reuse_toml("version = 1\n[[annotations]]\npath = []\n"),
            Err(ReuseError::new("3:8: `path` must not be empty"))
        );
    }

    #[test]
    fn path_of_the_wrong_type_is_an_error() {
        assert_eq!(
            parse_reuse_toml("version = 1\n[[annotations]]\npath = 3\n"),
            Err(ReuseError::new(
                "3:8: invalid type: integer `3`, expected a string or a list of strings"
            ))
        );
        assert_eq!(
            parse_reuse_toml("version = 1\n[[annotations]]\npath = [\"a\", 3]\n"),
            Err(ReuseError::new(
                "3:14: invalid type: integer `3`, expected a string"
            ))
        );
    }

    #[test]
    fn malformed_expression_in_reuse_toml_is_an_error() {
        let text =
            "version = 1\n[[annotations]]\npath = \"*\"\nSPDX-License-Identifier = \"MIT OR\"\n";
        assert_eq!(
            parse_reuse_toml(text),
            Err(ReuseError::new(
                "4:27: `MIT OR` is not an SPDX expression: expected one of `<license>`, `(` here \
                 (at character 7)"
            ))
        );
    }

    #[test]
    fn globs_past_their_bounds_are_refused() {
        let long = format!(
            "version = 1\n[[annotations]]\npath = \"{}\"\n",
            "*a".repeat(600)
        );
        let error = parse_reuse_toml(&long).unwrap_err();
        assert!(
            error.message.contains("longer than the 1024"),
            "{}",
            error.message
        );
        let many: String = (0..20)
            .map(|n| format!("[[annotations]]\npath = \"{}{n}\"\n", "a/".repeat(250)))
            .collect();
        let error = parse_reuse_toml(&format!("version = 1\n{many}")).unwrap_err();
        assert!(
            error.message.contains("more than the 8192"),
            "{}",
            error.message
        );
        let dep5 = format!(
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: {}\nCopyright: A\nLicense: MIT\n",
            "x".repeat(1025)
        );
        assert!(parse_dep5(&dep5).is_err());
        // Within the bounds, as before.
        assert!(parse_reuse_toml("version = 1\n[[annotations]]\npath = \"src/**\"\n").is_ok());
    }

    // ---- glob_matches ----

    #[test]
    fn single_star_stays_within_a_directory() {
        assert!(glob_matches("*.py", "setup.py"));
        assert!(glob_matches("*.py", ".hidden.py"));
        assert!(!glob_matches("*.py", "src/setup.py"));
        assert!(glob_matches("src/*.py", "src/a.py"));
        assert!(!glob_matches("src/*.py", "src/a/b.py"));
        assert!(glob_matches("*", "README"));
        assert!(!glob_matches("*", "docs/README"));
    }

    #[test]
    fn double_star_crosses_directories() {
        assert!(glob_matches("**", "a/b/c.txt"));
        assert!(glob_matches("src/**", "src/a/b/c.rs"));
        assert!(!glob_matches("src/**", "tests/a.rs"));
        assert!(glob_matches("src/**.rs", "src/a/b.rs"));
        assert!(glob_matches("**/*.py", "setup.py"));
        assert!(glob_matches("**/*.py", "pkg/sub/mod.py"));
        assert!(!glob_matches("**/*.py", "pkg/sub/mod.pyc"));
        assert!(glob_matches("**/test.txt", "a/test.txt"));
        assert!(!glob_matches("**/test.txt", "a/mytest.txt"));
        assert!(glob_matches("***.py", "foo/bar/quz.py"));
    }

    #[test]
    fn escapes_are_literal() {
        assert!(glob_matches(r"\*.py", "*.py"));
        assert!(!glob_matches(r"\*.py", "foo.py"));
        assert!(glob_matches(r"\**.py", "*foo.py"));
        assert!(!glob_matches(r"\**.py", "foo.py"));
        assert!(glob_matches(r"\*\*/*.py", "**/foo.py"));
        assert!(!glob_matches(r"\*\*/*.py", "bar/foo.py"));
        assert!(glob_matches(r"\\*.py", r"\foo.py"));
        assert!(glob_matches(r"\a", "a"));
        assert!(!glob_matches(r"\a", r"\a"));
    }

    #[test]
    fn globs_are_case_sensitive_and_anchored() {
        assert!(!glob_matches("README.md", "readme.md"));
        assert!(!glob_matches("src", "src/main.rs"));
        assert!(!glob_matches("main.rs", "src/main.rs"));
        assert!(glob_matches("src/main.rs", "src/main.rs"));
        assert!(!glob_matches("a?c", "abc"));
        assert!(glob_matches("a?c", "a?c"));
        assert!(glob_matches("", ""));
        assert!(!glob_matches("", "a"));
    }

    #[test]
    fn many_stars_on_a_long_path_finish() {
        let glob = "*a*a*a*a*a*a*a*a*a*a*b";
        let path = "a".repeat(5000);
        assert!(!glob_matches(glob, &path));
        assert!(glob_matches(glob, &format!("{path}b")));
    }

    // ---- parse_dep5 ----

    const DEP5: &str = "\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: example
Source: https://example.org/example

Files: assets/*
  data/?.csv
Copyright: 2020 Jane Doe
  2021 John Doe
License: CC0-1.0

# Vendored code.
Files: vendor/*/LICENSE-notes.txt third_party/\\*weird
Copyright: 2015 Upstream Ltd
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy
 .
 of this software.
";

    #[test]
    fn dep5_with_two_files_paragraphs() {
        let expected = ReuseToml {
            annotations: vec![
                Annotation {
                    paths: vec!["assets/**".to_owned(), "data/\0.csv".to_owned()],
                    precedence: Precedence::Aggregate,
                    licences: strings(&["CC0-1.0"]),
                    copyright: true,
                },
                Annotation {
                    paths: strings(&[r"vendor/**\/LICENSE-notes.txt", r"third_party/\*weird"]),
                    precedence: Precedence::Aggregate,
                    licences: strings(&["MIT"]),
                    copyright: true,
                },
            ],
        };
        assert_eq!(parse_dep5(DEP5), Ok(expected));
    }

    #[test]
    fn dep5_globs_keep_their_meaning() {
        let dep5 = parse_dep5(DEP5).expect("the fixture parses");
        let licences_for = |path: &str| dep5.annotation_for(path).map(|a| a.licences.clone());
        // dep5 `*` crosses `/`.
        assert_eq!(
            licences_for("assets/icons/app.png"),
            Some(strings(&["CC0-1.0"]))
        );
        // `?` is one character, any character.
        assert_eq!(licences_for("data/a.csv"), Some(strings(&["CC0-1.0"])));
        assert_eq!(licences_for("data/ab.csv"), None);
        assert_eq!(licences_for("data/?.csv"), Some(strings(&["CC0-1.0"])));
        // `*/` needs at least one directory.
        assert_eq!(
            licences_for("vendor/x/y/LICENSE-notes.txt"),
            Some(strings(&["MIT"]))
        );
        assert_eq!(licences_for("vendor/LICENSE-notes.txt"), None);
        assert_eq!(licences_for("third_party/*weird"), Some(strings(&["MIT"])));
        assert_eq!(licences_for("third_party/xweird"), None);
        assert_eq!(licences_for("src/main.rs"), None);
    }

    #[test]
    fn dep5_later_paragraph_wins() {
        let dep5 = parse_dep5(
            "Files: *\nCopyright: 2020 A\nLicense: MIT\n\nFiles: docs/*\nCopyright: 2020 A\nLicense: CC-BY-4.0\n",
        )
        .expect("parses");
        assert_eq!(
            dep5.annotation_for("docs/a/b.md")
                .map(|a| a.licences.clone()),
            Some(strings(&["CC-BY-4.0"]))
        );
        assert_eq!(
            dep5.annotation_for("src/lib.rs")
                .map(|a| a.licences.clone()),
            Some(strings(&["MIT"]))
        );
    }

    #[test]
    fn dep5_paragraph_without_licence_is_an_error() {
        assert_eq!(
            parse_dep5("Format: x\n\nFiles: *\nCopyright: 2020 A\n"),
            Err(ReuseError::new(
                "line 3: this `Files` paragraph has no `License` field"
            ))
        );
    }

    #[test]
    fn dep5_line_without_a_field_is_an_error() {
        assert_eq!(
            parse_dep5("Files: *\nnot a field\n"),
            Err(ReuseError::new(
                "line 2: expected `Field: value`, found `not a field`"
            ))
        );
    }

    #[test]
    fn dep5_bad_synopsis_is_an_error() {
        assert_eq!(
            parse_dep5("Files: *\nCopyright: 2020 A\nLicense: MIT and and\n"),
            Err(ReuseError::new(
                "line 3: `MIT and and` is not an SPDX expression: expected one of `<license>`, `(` \
                 here (at character 9)"
            ))
        );
    }

    // ---- is_covered ----

    #[test]
    fn covered_files() {
        for path in [
            "src/main.rs",
            "README.md",
            "docs/LICENSES.md",
            "LICENSEE.txt",
            "src/licence/mod.rs",
            "reuse.toml.bak",
        ] {
            assert!(is_covered(path), "{path}");
        }
    }

    #[test]
    fn files_outside_reuse() {
        for path in [
            "LICENSES/MIT.txt",
            "LICENSES/LicenseRef-Proprietary.txt",
            "LICENSE",
            "LICENSE.md",
            "LICENSE-APACHE",
            "LICENCE",
            "crates/core/COPYING",
            "COPYING.LESSER",
            ".git/config",
            "vendor/dep/.git",
            "REUSE.toml",
            "docs/REUSE.toml",
            ".reuse/dep5",
            "logo.png.license",
            "sbom.spdx.json",
            "",
        ] {
            assert!(!is_covered(path), "{path}");
        }
    }

    // ---- expression_ids ----

    #[test]
    fn ids_of_a_disjunction_are_sorted() {
        assert_eq!(
            expression_ids("MIT OR Apache-2.0"),
            Ok(strings(&["Apache-2.0", "MIT"]))
        );
    }

    #[test]
    fn ids_include_the_exception() {
        assert_eq!(
            expression_ids("GPL-3.0-or-later WITH GCC-exception-3.1"),
            Ok(strings(&["GCC-exception-3.1", "GPL-3.0-or-later"]))
        );
    }

    #[test]
    fn licence_ref_is_kept_as_is() {
        assert_eq!(
            expression_ids("LicenseRef-Proprietary"),
            Ok(strings(&["LicenseRef-Proprietary"]))
        );
    }

    #[test]
    fn ids_are_deduplicated_and_written_as_given() {
        assert_eq!(
            expression_ids("(MIT AND BSD-2-Clause) OR (MIT AND Apache-2.0+)"),
            Ok(strings(&["Apache-2.0", "BSD-2-Clause", "MIT"]))
        );
        assert_eq!(expression_ids("GPL-2.0+"), Ok(strings(&["GPL-2.0"])));
        assert_eq!(
            expression_ids("MIT OR Foo-Licence"),
            Ok(strings(&["Foo-Licence", "MIT"]))
        );
        assert_eq!(
            expression_ids("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"),
            Ok(strings(&[
                "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"
            ]))
        );
    }

    #[test]
    fn malformed_expression_is_an_error_naming_it() {
        assert_eq!(
            expression_ids("MIT OR (Apache-2.0"),
            Err(ReuseError::new(
                "`MIT OR (Apache-2.0` is not an SPDX expression: unclosed parens (at character 8)"
            ))
        );
        assert_eq!(
            expression_ids("MIT Apache-2.0"),
            Err(ReuseError::new(
                "`MIT Apache-2.0` is not an SPDX expression: expected one of `AND`, `OR`, `WITH`, \
                 `)`, `+` here (at character 5)"
            ))
        );
        assert_eq!(
            expression_ids(""),
            Err(ReuseError::new(
                "`` is not an SPDX expression: empty expression (at character 1)"
            ))
        );
    }

    // ---- resolve ----

    fn annotation(precedence: Precedence, licences: &[&str], copyright: bool) -> Annotation {
        Annotation {
            paths: strings(&["**"]),
            precedence,
            licences: strings(licences),
            copyright,
        }
    }

    fn licensing(licences: &[&str], copyright: bool, from: From) -> FileLicensing {
        FileLicensing {
            licences: strings(licences),
            copyright,
            from,
        }
    }

    #[test]
    fn header_alone() {
        let own = header(&["MIT"], true);
        assert_eq!(
            resolve(Some(&own), None, None),
            licensing(&["MIT"], true, From::Header)
        );
        assert_eq!(resolve(None, None, None), licensing(&[], false, From::None));
    }

    #[test]
    fn override_takes_the_annotation_only() {
        let own = header(&["MIT"], true);
        let global = annotation(Precedence::Override, &["Apache-2.0"], false);
        assert_eq!(
            resolve(Some(&own), None, Some((&global, From::ReuseToml))),
            licensing(&["Apache-2.0"], false, From::ReuseToml)
        );
    }

    #[test]
    fn aggregate_adds_the_annotation_to_the_file() {
        let own = header(&["MIT", "Apache-2.0"], false);
        let global = annotation(Precedence::Aggregate, &["Apache-2.0", "CC0-1.0"], true);
        assert_eq!(
            resolve(Some(&own), None, Some((&global, From::Dep5))),
            licensing(&["MIT", "Apache-2.0", "CC0-1.0"], true, From::Header)
        );
        let silent = Header::default();
        assert_eq!(
            resolve(Some(&silent), None, Some((&global, From::Dep5))),
            licensing(&["Apache-2.0", "CC0-1.0"], true, From::Dep5)
        );
    }

    #[test]
    fn closest_prefers_the_file_and_fills_in_what_it_lacks() {
        let global = annotation(Precedence::Closest, &["CC0-1.0"], true);
        let full = header(&["MIT"], false);
        assert_eq!(
            resolve(Some(&full), None, Some((&global, From::ReuseToml))),
            licensing(&["MIT"], true, From::Header)
        );
        let silent = Header::default();
        assert_eq!(
            resolve(Some(&silent), None, Some((&global, From::ReuseToml))),
            licensing(&["CC0-1.0"], true, From::ReuseToml)
        );
        let copyright_only = header(&[], true);
        let no_copyright = annotation(Precedence::Closest, &["CC0-1.0"], false);
        assert_eq!(
            resolve(
                Some(&copyright_only),
                None,
                Some((&no_copyright, From::ReuseToml))
            ),
            licensing(&["CC0-1.0"], true, From::ReuseToml)
        );
    }

    #[test]
    fn binary_file_takes_the_annotation() {
        let global = annotation(Precedence::Closest, &["CC-BY-4.0"], true);
        assert_eq!(
            resolve(None, None, Some((&global, From::ReuseToml))),
            licensing(&["CC-BY-4.0"], true, From::ReuseToml)
        );
    }

    #[test]
    fn sidecar_replaces_the_header() {
        let own = header(&["MIT"], true);
        let sidecar = header(&["CC-BY-SA-4.0"], false);
        assert_eq!(
            resolve(Some(&own), Some(&sidecar), None),
            licensing(&["CC-BY-SA-4.0"], false, From::Sidecar)
        );
        let global = annotation(Precedence::Closest, &["CC0-1.0"], true);
        assert_eq!(
            resolve(Some(&own), Some(&sidecar), Some((&global, From::ReuseToml))),
            licensing(&["CC-BY-SA-4.0"], true, From::Sidecar)
        );
        let empty_sidecar = Header::default();
        assert_eq!(
            resolve(
                Some(&own),
                Some(&empty_sidecar),
                Some((&global, From::ReuseToml))
            ),
            licensing(&["CC0-1.0"], true, From::ReuseToml)
        );
        let aggregate = annotation(Precedence::Aggregate, &["CC0-1.0"], false);
        assert_eq!(
            resolve(None, Some(&sidecar), Some((&aggregate, From::ReuseToml))),
            licensing(&["CC-BY-SA-4.0", "CC0-1.0"], false, From::Sidecar)
        );
    }
}

//! The syntax tree a content probe's patterns compile to, and a compact encoding of it.
//!
//! Shared with build.rs: the patterns of the built-in checklists are parsed there, once,
//! and their trees stored encoded in the binary. At run time a probe whose patterns are
//! those decodes the tree rather than parsing the patterns again, which took most of the
//! time spent building matchers. Both paths go through [`tree`], so they cannot differ.

use regex_automata::util::syntax;
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind,
    Literal, Look, Repetition,
};

/// The largest count a counted repetition (`x{n}`, `x{n,m}`) may give: an automaton
/// holds a copy of what is repeated per count, and one that explodes grows with it.
pub const MAX_REPETITION: u32 = 1000;

/// A pattern that does not parse: which one, and the parser's message.
#[derive(Debug)]
pub struct SyntaxError {
    pub index: usize,
    pub message: String,
}

/// The alternation of `patterns`, and whether it is built to match ASCII-lowercased
/// lines (only when `lower` allows it). Each pattern is parsed alone, so that an error
/// names the one at fault and no element can close another's group; their trees are then
/// joined, which matches what one pattern `(?:a)|(?:b)|…` matches. Classes and case
/// folding are ASCII; non-ASCII letters match as written.
pub fn tree(
    patterns: &[String],
    case_sensitive: bool,
    lower: bool,
) -> Result<(Hir, bool), SyntaxError> {
    let config = syntax::Config::new()
        .case_insensitive(!case_sensitive)
        .unicode(false)
        .utf8(false);
    // An inline flag (`(?-i:…)`) may ask for case to count in part of a pattern: such
    // patterns match the lines as they are.
    let lowered = lower && !case_sensitive && !patterns.iter().any(|p| p.contains("(?"));
    let mut alternatives = Vec::with_capacity(patterns.len());
    for (index, pattern) in patterns.iter().enumerate() {
        let invalid = |error: regex_syntax::Error| SyntaxError {
            index,
            message: error.to_string(),
        };
        let hir = if lowered {
            let exact =
                syntax::parse_with(pattern, &config.case_insensitive(false)).map_err(invalid)?;
            // A class that holds a letter in one case only (`[a-z]`, `[^A-Z]`) cannot
            // tell, once parsed, whether it was negated: with a negated class in it, such
            // a pattern is read with case folding, whose classes hold both cases.
            match for_lowered_lines(&exact, pattern.contains("[^")) {
                Some(hir) => hir,
                None => {
                    let folded = syntax::parse_with(pattern, &config).map_err(invalid)?;
                    // Its classes hold both cases already: none is refused.
                    for_lowered_lines(&folded, false).unwrap_or(folded)
                }
            }
        } else {
            syntax::parse_with(pattern, &config).map_err(invalid)?
        };
        if let Some(count) = largest_repetition(&hir).filter(|count| *count > MAX_REPETITION) {
            return Err(SyntaxError {
                index,
                message: format!(
                    "a counted repetition of {count} is more than the {MAX_REPETITION} allowed"
                ),
            });
        }
        alternatives.push(hir);
    }
    Ok((Hir::alternation(alternatives), lowered))
}

/// The largest count of the counted repetitions in `hir` (its bounds, or its minimum when
/// it has none), walked with a stack of its own.
fn largest_repetition(hir: &Hir) -> Option<u32> {
    let mut largest = None;
    let mut stack = vec![hir];
    while let Some(hir) = stack.pop() {
        match hir.kind() {
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
            HirKind::Repetition(repetition) => {
                let count = repetition.max.unwrap_or(repetition.min);
                largest = largest.max(Some(count));
                stack.push(&repetition.sub);
            }
            HirKind::Capture(capture) => stack.push(&capture.sub),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => stack.extend(subs),
        }
    }
    largest
}

/// `hir`, parsed with case counting, made to match ASCII-lowercased text as `hir` read
/// without case would match the text: its literals lowercased, each ASCII letter of its
/// classes in both cases, then the capitals taken out of every class, since lowercased
/// text holds none (`[Dd]` is the letter `d` again, and a word one literal). `None` when
/// a class holds a letter in one case only and `negated` says the pattern has a negated
/// class, which would be folded wrongly. A tree parsed with case folding goes through
/// with `negated` false: its classes hold both cases already.
pub fn for_lowered_lines(hir: &Hir, negated: bool) -> Option<Hir> {
    let lowered = |sub: &Hir| for_lowered_lines(sub, negated).map(Box::new);
    Some(match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => hir.clone(),
        HirKind::Literal(Literal(bytes)) => Hir::literal(bytes.to_ascii_lowercase()),
        HirKind::Class(class) => {
            let folded = ascii_folded(class);
            if negated && folded != *class {
                return None;
            }
            Hir::class(without_capitals(folded))
        }
        HirKind::Repetition(repetition) => Hir::repetition(Repetition {
            sub: lowered(&repetition.sub)?,
            ..repetition.clone()
        }),
        HirKind::Capture(capture) => Hir::capture(Capture {
            sub: lowered(&capture.sub)?,
            ..capture.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(
            subs.iter()
                .map(|sub| for_lowered_lines(sub, negated))
                .collect::<Option<_>>()?,
        ),
        HirKind::Alternation(subs) => Hir::alternation(
            subs.iter()
                .map(|sub| for_lowered_lines(sub, negated))
                .collect::<Option<_>>()?,
        ),
    })
}

/// `class` with each ASCII letter it holds in both cases, as ASCII case folding makes
/// it; other characters (`é`) are left as they are.
fn ascii_folded(class: &Class) -> Class {
    match class {
        Class::Bytes(bytes) => {
            let mut folded = bytes.clone();
            folded.case_fold_simple();
            Class::Bytes(folded)
        }
        Class::Unicode(unicode) => {
            let mut other_case = Vec::new();
            for range in unicode.iter() {
                for (first, last) in [('a', 'z'), ('A', 'Z')] {
                    let (start, end) = (range.start().max(first), range.end().min(last));
                    if start <= end {
                        let swap = |c: char| (c as u8 ^ 0x20) as char;
                        other_case.push(ClassUnicodeRange::new(swap(start), swap(end)));
                    }
                }
            }
            let mut folded = unicode.clone();
            folded.union(&ClassUnicode::new(other_case));
            Class::Unicode(folded)
        }
    }
}

/// `class` without the ASCII capitals.
fn without_capitals(class: Class) -> Class {
    match class {
        Class::Bytes(mut bytes) => {
            bytes.difference(&ClassBytes::new([ClassBytesRange::new(b'A', b'Z')]));
            Class::Bytes(bytes)
        }
        Class::Unicode(mut unicode) => {
            unicode.difference(&ClassUnicode::new([ClassUnicodeRange::new('A', 'Z')]));
            Class::Unicode(unicode)
        }
    }
}

// One tag byte a node, then its fields; numbers as LEB128.
const EMPTY: u8 = 0;
const LITERAL: u8 = 1;
const BYTE_CLASS: u8 = 2;
const UNICODE_CLASS: u8 = 3;
const LOOK: u8 = 4;
const REPETITION: u8 = 5;
const CAPTURE: u8 = 6;
const CONCAT: u8 = 7;
const ALTERNATION: u8 = 8;

/// Appends `hir`, encoded, to `out`.
#[cfg_attr(
    not(test),
    allow(dead_code, reason = "build.rs encodes; runs only decode")
)]
pub fn encode(hir: &Hir, out: &mut Vec<u8>) {
    fn number(out: &mut Vec<u8>, mut n: u32) {
        while n >= 0x80 {
            out.push((n as u8) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }
    fn bytes(out: &mut Vec<u8>, bytes: &[u8]) {
        number(out, bytes.len() as u32);
        out.extend_from_slice(bytes);
    }
    match hir.kind() {
        HirKind::Empty => out.push(EMPTY),
        HirKind::Literal(Literal(literal)) => {
            out.push(LITERAL);
            bytes(out, literal);
        }
        HirKind::Class(Class::Bytes(class)) => {
            out.push(BYTE_CLASS);
            number(out, class.ranges().len() as u32);
            for range in class.iter() {
                out.extend([range.start(), range.end()]);
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            out.push(UNICODE_CLASS);
            number(out, class.ranges().len() as u32);
            for range in class.iter() {
                number(out, range.start().into());
                number(out, range.end().into());
            }
        }
        HirKind::Look(look) => {
            out.push(LOOK);
            number(out, look.as_repr());
        }
        HirKind::Repetition(repetition) => {
            out.push(REPETITION);
            number(out, repetition.min);
            match repetition.max {
                None => out.push(0),
                Some(max) => {
                    out.push(1);
                    number(out, max);
                }
            }
            out.push(u8::from(repetition.greedy));
            encode(&repetition.sub, out);
        }
        HirKind::Capture(capture) => {
            out.push(CAPTURE);
            number(out, capture.index);
            match &capture.name {
                None => out.push(0),
                Some(name) => {
                    out.push(1);
                    bytes(out, name.as_bytes());
                }
            }
            encode(&capture.sub, out);
        }
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            let tag = match hir.kind() {
                HirKind::Concat(_) => CONCAT,
                _ => ALTERNATION,
            };
            out.push(tag);
            number(out, subs.len() as u32);
            for sub in subs {
                encode(sub, out);
            }
        }
    }
}

/// The tree [`encode`] wrote; `None` for bytes it did not write.
pub fn decode(bytes: &[u8]) -> Option<Hir> {
    let mut reader = Reader { bytes, at: 0 };
    let hir = reader.hir(0)?;
    (reader.at == bytes.len()).then_some(hir)
}

/// Deeper than any tree the parser's nesting limit lets through.
const MAX_DEPTH: usize = 1000;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn number(&mut self) -> Option<u32> {
        let mut n = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            n |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn bytes(&mut self) -> Option<&[u8]> {
        let len = usize::try_from(self.number()?).ok()?;
        let bytes = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(bytes)
    }

    fn subs(&mut self, depth: usize) -> Option<Vec<Hir>> {
        let len = self.number()?;
        (0..len).map(|_| self.hir(depth + 1)).collect()
    }

    fn hir(&mut self, depth: usize) -> Option<Hir> {
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match self.byte()? {
            EMPTY => Hir::empty(),
            LITERAL => Hir::literal(self.bytes()?.to_vec()),
            BYTE_CLASS => {
                let ranges = (0..self.number()?)
                    .map(|_| Some(ClassBytesRange::new(self.byte()?, self.byte()?)))
                    .collect::<Option<Vec<_>>>()?;
                Hir::class(Class::Bytes(ClassBytes::new(ranges)))
            }
            UNICODE_CLASS => {
                let ranges = (0..self.number()?)
                    .map(|_| {
                        let start = char::from_u32(self.number()?)?;
                        Some(ClassUnicodeRange::new(
                            start,
                            char::from_u32(self.number()?)?,
                        ))
                    })
                    .collect::<Option<Vec<_>>>()?;
                Hir::class(Class::Unicode(ClassUnicode::new(ranges)))
            }
            LOOK => Hir::look(Look::from_repr(self.number()?)?),
            REPETITION => {
                let min = self.number()?;
                let max = match self.byte()? {
                    0 => None,
                    _ => Some(self.number()?),
                };
                let greedy = self.byte()? != 0;
                let sub = Box::new(self.hir(depth + 1)?);
                Hir::repetition(Repetition {
                    min,
                    max,
                    greedy,
                    sub,
                })
            }
            CAPTURE => {
                let index = self.number()?;
                let name = match self.byte()? {
                    0 => None,
                    _ => Some(std::str::from_utf8(self.bytes()?).ok()?.into()),
                };
                let sub = Box::new(self.hir(depth + 1)?);
                Hir::capture(Capture { index, name, sub })
            }
            CONCAT => Hir::concat(self.subs(depth)?),
            ALTERNATION => Hir::alternation(self.subs(depth)?),
            _ => return None,
        })
    }
}

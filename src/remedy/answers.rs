//! `.ospo.yml`'s questions: each open question written as a commented entry for the
//! project to fill, and answered — by `ospo answer`, one by one on a terminal or one given
//! on the command line.
//!
//! The file is edited line by line and never written again from a parsed tree, so that
//! its comments, order and formatting stay as they are: the project's YAML reader gives
//! the line of each key, which says where an entry starts and ends. After an edit the
//! file is read again; an edit that would not give the answer written, or would change
//! anything else the file says, is refused.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::LazyLock;

use regex::Regex;

use super::TODO;
use crate::checklist::{Basis, Checklist};
use crate::i18n::Lang;
use crate::metadata::changelog::{day_text, days_from_civil};
use crate::probe::attest::{self, EvidenceRule, Support};
use crate::probe::{ProbeSpec, Status};
use crate::project::{self, AnswerValue, FILE_NAMES};
use crate::repo::{RepoView, SCAN_BYTES, ViewKind};
use crate::report::{Report, escape_controls};
use crate::yaml::{self, Value};

/// `.ospo.yml` with every open question of `report` (items with basis `declared` whose
/// status is `unknown`) as a commented entry — the question's title and what counts as
/// evidence, in `lang` — added to `existing` (the file's text, or `None` when there is
/// none), keeping every line of it as it is; `None` when nothing is to add.
///
/// A question the file answers already (an answer that does not count is still an
/// answer), or holds as a commented entry, is not added again: run twice, it adds nothing
/// the second time. A file that does not parse, or whose `answers` is a non-empty flow
/// mapping (`answers: {…}`), gets nothing.
pub fn with_questions(
    existing: Option<&str>,
    report: &Report,
    checklist: &Checklist,
    lang: Lang,
) -> Option<String> {
    let (bom, text) = without_bom(existing.unwrap_or(""));
    let doc = Doc::new(text);
    let layout = match existing {
        Some(_) => layout(text, &doc).ok()?,
        None => Layout::default(),
    };
    let answered: Vec<&str> = layout
        .answers
        .as_ref()
        .map(|answers| answers.entries.iter().map(|e| e.id.as_str()).collect())
        .unwrap_or_default();
    let open: Vec<_> = report
        .items
        .iter()
        .filter(|item| item.basis == Basis::Declared && item.status == Status::Unknown)
        .filter(|item| !answered.contains(&item.id.as_str()) && !doc.mentions(&item.id))
        .collect();
    if open.is_empty() {
        return None;
    }
    if layout
        .answers
        .as_ref()
        .is_some_and(|answers| answers.inline == Inline::Flow)
    {
        return None;
    }
    let indent = layout
        .answers
        .as_ref()
        .and_then(|answers| answers.entry_indent(&doc))
        .unwrap_or(2);
    let date = today();
    let groups: Vec<Vec<String>> = open
        .iter()
        .map(|item| {
            let title = checklist
                .item(&item.id)
                .map_or(item.title.as_str(), |found| found.title.get(lang));
            let required = evidence_required(checklist, &item.id);
            commented_entry(&item.id, title, required, indent, &date, lang, doc.eol)
        })
        .collect();
    let mut lines = doc.owned_lines();
    match &layout.answers {
        None => {
            if existing.is_none() {
                lines.extend(header(checklist.answers_valid_months, lang, doc.eol));
            } else {
                end_with_newline(&mut lines, doc.eol);
                if lines.last().is_some_and(|line| !line.trim().is_empty()) {
                    lines.push(doc.eol.to_owned());
                }
            }
            lines.push(format!("answers:{}", doc.eol));
            for (index, group) in groups.into_iter().enumerate() {
                if index > 0 {
                    lines.push(doc.eol.to_owned());
                }
                lines.extend(group);
            }
        }
        Some(answers) => {
            let at = answers.insertion_point(&doc);
            let mut inserted = Vec::new();
            for (index, group) in groups.into_iter().enumerate() {
                if index > 0 || at > answers.key + 1 {
                    inserted.push(doc.eol.to_owned());
                }
                inserted.extend(group);
            }
            if at == lines.len() {
                end_with_newline(&mut lines, doc.eol);
            }
            lines.splice(at..at, inserted);
            if let Inline::Empty { start, len } = answers.inline {
                lines[answers.key] = without_value(&doc, answers.key, start, len);
            }
        }
    }
    let result = format!("{bom}{}", lines.concat());
    // What the file said before, it still says: comments only were added.
    let same = match (
        project::parse(FILE_NAMES[0], text),
        project::parse(FILE_NAMES[0], &result[bom.len()..]),
    ) {
        (Ok(before), Ok(after)) => same_project(&before, &after, None),
        _ => false,
    };
    same.then_some(result)
}

/// `existing` (`.ospo.yml`'s text, or `None`) with `id` answered: `answer`, `evidence`,
/// `date` — replacing that item's answer (or its commented entry) and keeping every other
/// line, comments included, byte for byte.
///
/// An entry written in block style keeps its own comments: its `answer`, `evidence` and
/// `date` lines are replaced, added or (an evidence not given) removed. An entry written
/// in flow style (`id: {answer: n/a}`) is written again in block style. A commented entry
/// (`# id:` and its commented fields, as [`with_questions`] writes them) becomes the
/// answer in place; otherwise the answer is added at the end of `answers`, which is
/// created when the file has none. The result is read again and refused (`Err`) unless it
/// is a valid `.ospo.yml` giving this answer and saying everything else as before.
pub fn answered(
    existing: Option<&str>,
    id: &str,
    answer: AnswerValue,
    evidence: Option<&str>,
    date: &str,
) -> Result<String, String> {
    check_id(id)?;
    check_date(date)?;
    let evidence = evidence.map(str::trim).filter(|text| !text.is_empty());
    let (bom, text) = without_bom(existing.unwrap_or(""));
    let doc = Doc::new(text);
    let layout = layout(text, &doc)?;
    let before = project::parse(FILE_NAMES[0], text).ok();
    let mut lines = doc.owned_lines();
    let fields = |indent: usize| -> Vec<String> {
        let pad = " ".repeat(indent);
        let mut fields = vec![format!("{pad}answer: {}{}", answer.id(), doc.eol)];
        if let Some(evidence) = evidence {
            fields.push(format!("{pad}evidence: {}{}", scalar(evidence), doc.eol));
        }
        fields.push(format!("{pad}date: {date}{}", doc.eol));
        fields
    };
    let entry = |indent: usize, comment: &str| -> Vec<String> {
        let mut entry = vec![format!(
            "{}{}:{comment}{}",
            " ".repeat(indent),
            key(id),
            doc.eol
        )];
        entry.extend(fields(indent + 2));
        entry
    };
    match &layout.answers {
        None => {
            end_with_newline(&mut lines, doc.eol);
            lines.push(format!("answers:{}", doc.eol));
            lines.extend(entry(2, ""));
        }
        Some(answers) => {
            if answers.inline == Inline::Flow {
                return Err(
                    "`answers` is written in flow style (`answers: {…}`), which ospo does not edit: write each answer on lines of its own, then answer again"
                        .to_owned(),
                );
            }
            let indent = answers.entry_indent(&doc);
            if let Some(index) = answers.entries.iter().position(|e| e.id == id) {
                let ops = edit_entry(&doc, answers, index, &fields, &entry);
                apply(&mut lines, ops);
            } else if let Some((start, end, commented_indent)) = answers.commented(&doc, id) {
                let indent = indent.unwrap_or(commented_indent);
                lines.splice(start..end, entry(indent, ""));
            } else {
                let at = answers.insertion_point(&doc);
                if at == lines.len() {
                    end_with_newline(&mut lines, doc.eol);
                }
                lines.splice(at..at, entry(indent.unwrap_or(2), ""));
            }
            // The key line comes before every other edit: its index still holds.
            if let Inline::Empty { start, len } = answers.inline {
                lines[answers.key] = without_value(&doc, answers.key, start, len);
            }
        }
    }
    let result = format!("{bom}{}", lines.concat());
    verify(
        &result[bom.len()..],
        before.as_ref(),
        id,
        answer,
        evidence,
        date,
    )?;
    Ok(result)
}

/// Today as `YYYY-MM-DD`: the day of `SOURCE_DATE_EPOCH` when it is set (reproducible
/// runs, tests), else of the clock.
pub fn today() -> String {
    day_text(crate::check::now().div_euclid(86_400))
}

/// Whether `evidence` counts as the `attest` probe counts it: a link (`https://…`), or the
/// path of a file or directory the repository has. `Err` says why not, in `lang`.
pub fn check_evidence(evidence: &str, repo: &RepoView, lang: Lang) -> Result<(), String> {
    match attest::support(evidence, repo) {
        Support::Link(_) | Support::Path(_) => Ok(()),
        Support::MissingPath(path) => {
            let path = escape_controls(&path);
            Err(match lang {
                Lang::En => format!(
                    "`{path}` is not in the repository: give a link (https://…), or the path of a file that is"
                ),
                Lang::Fr => format!(
                    "`{path}` n'est pas dans le dépôt : donnez un lien (https://…), ou le chemin d'un fichier qui s'y trouve"
                ),
            })
        }
        Support::Nothing => Err(match lang {
            Lang::En => "words alone do not count: give a link (https://…) or the path of a file of the repository".to_owned(),
            Lang::Fr => "des mots seuls ne comptent pas : donnez un lien (https://…) ou le chemin d'un fichier du dépôt".to_owned(),
        }),
    }
}

/// Whether a `yes` to item `id` counts only with evidence (the `attest` default), or the
/// checklist makes it `evidence: optional`. An item that is not a question needs none.
pub fn evidence_required(checklist: &Checklist, id: &str) -> bool {
    checklist.item(id).is_some_and(|item| match &item.spec {
        ProbeSpec::Attest(spec) => spec.evidence != Some(EvidenceRule::Optional),
        _ => false,
    })
}

// ── Reading and writing the file ──

/// `.ospo.yml` as the repository has it: its name (`.ospo.yml`, or `.ospo.yaml` when that
/// is the file there) and its text, `None` when there is none. Read through the view,
/// within its bounds; a file ospo would not write back as it was (not UTF-8, too large)
/// is refused. A UTF-8 byte order mark is kept in the text.
pub fn read_file(repo: &RepoView) -> Result<(String, Option<String>), String> {
    let listing = repo.list("", 1).map_err(|error| error.to_string())?;
    let Some(entry) = FILE_NAMES
        .iter()
        .find_map(|name| listing.iter().find(|entry| entry.path == *name))
    else {
        return Ok((FILE_NAMES[0].to_owned(), None));
    };
    let content = repo
        .read(entry, SCAN_BYTES)
        .map_err(|error| error.to_string())?;
    if content.truncated() {
        return Err(format!(
            "{} is larger than {} KiB: ospo does not edit it",
            entry.path,
            SCAN_BYTES / 1024
        ));
    }
    let text = String::from_utf8(content.bytes).map_err(|_| {
        format!(
            "{} is not UTF-8 text: ospo edits it only in UTF-8",
            entry.path
        )
    })?;
    Ok((entry.path.clone(), Some(text)))
}

/// Writes `text` to `file` (`.ospo.yml` or `.ospo.yaml`) at the root of the worktree of
/// `repo`, and nowhere else: not in a bare repository or a commit's tree, not through a
/// symlink, not over anything but a regular file.
pub fn save(repo: &RepoView, file: &str, text: &str) -> Result<(), String> {
    if !FILE_NAMES.contains(&file) {
        return Err(format!("ospo writes only {}", FILE_NAMES.join(" or ")));
    }
    if repo.kind() != ViewKind::Worktree || repo.is_bare() {
        return Err(format!(
            "{} has no worktree to write {file} in",
            repo.root().display()
        ));
    }
    let path = repo.root().join(file);
    let shown = path.display();
    let result = match std::fs::symlink_metadata(&path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(format!(
                "{shown} is a symlink: ospo writes only a regular file"
            ));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(format!("{shown} is not a regular file"));
        }
        Ok(_) => std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&path),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path),
        Err(error) => return Err(format!("cannot write {shown}: {error}")),
    };
    result
        .and_then(|mut opened| {
            opened.write_all(text.as_bytes())?;
            opened.flush()
        })
        .map_err(|error| format!("cannot write {shown}: {error}"))
}

// ── The file's lines and layout ──

/// The text in lines, each with its line ending.
struct Doc<'t> {
    lines: Vec<&'t str>,
    /// The line ending of lines ospo adds: the file's own.
    eol: &'static str,
}

impl<'t> Doc<'t> {
    fn new(text: &'t str) -> Doc<'t> {
        let eol = match text.find('\n') {
            Some(at) if text[..at].ends_with('\r') => "\r\n",
            _ => "\n",
        };
        Doc {
            lines: text.split_inclusive('\n').collect(),
            eol,
        }
    }

    fn owned_lines(&self) -> Vec<String> {
        self.lines.iter().map(|line| (*line).to_owned()).collect()
    }

    /// Line `index` without its line ending.
    fn body(&self, index: usize) -> &'t str {
        self.lines
            .get(index)
            .map_or("", |line| line.trim_end_matches(['\n', '\r']))
    }

    fn blank(&self, index: usize) -> bool {
        self.body(index).trim().is_empty()
    }

    fn comment(&self, index: usize) -> bool {
        self.body(index).trim_start().starts_with('#')
    }

    fn indent(&self, index: usize) -> usize {
        let body = self.body(index);
        body.len() - body.trim_start_matches(' ').len()
    }

    /// Whether a comment line names `id` as an entry (`# id:`) or a question (`# id —`).
    fn mentions(&self, id: &str) -> bool {
        let pattern = format!(r#"^\s*#\s*["']?{}["']?\s*(:|—)"#, regex::escape(id));
        let Ok(mention) = Regex::new(&pattern) else {
            return false;
        };
        (0..self.lines.len()).any(|index| mention.is_match(self.body(index)))
    }
}

#[derive(Debug, Default)]
struct Layout {
    answers: Option<Answers>,
}

/// The top-level `answers` key: its line, where its block ends, what follows the key on
/// its line, and its entries.
#[derive(Debug)]
struct Answers {
    key: usize,
    /// The line of the next top-level key, or the end of the file.
    end: usize,
    inline: Inline,
    entries: Vec<Entry>,
}

/// What follows `answers:` on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inline {
    /// Nothing (a comment at most): a block mapping, or nothing at all.
    None,
    /// An empty value written out (`{}`, `~`, `null`): at `start`, `len` bytes.
    Empty { start: usize, len: usize },
    /// A flow mapping with entries.
    Flow,
}

/// One answer: its id, the line of its key, and whether its value is a block mapping
/// (or nothing), with the line of each field.
#[derive(Debug)]
struct Entry {
    id: String,
    line: usize,
    block: bool,
    fields: Vec<(String, usize)>,
}

/// Where the file keeps its answers, from the positions the YAML reader gives.
fn layout(text: &str, doc: &Doc) -> Result<Layout, String> {
    let root = yaml::parse(text).map_err(|error| {
        format!(
            "{}:{}: YAML syntax error: {}",
            FILE_NAMES[0], error.position, error.message
        )
    })?;
    let entries = match &root.value {
        Value::Mapping(entries) => entries.as_slice(),
        Value::Null => &[],
        _ => return Err(format!("{} is not a mapping of keys", FILE_NAMES[0])),
    };
    if entries.iter().any(|(_, at, _)| at.column != 1) {
        return Err(format!(
            "{} is not written in block style (its keys at the start of their lines): ospo does not edit it",
            FILE_NAMES[0]
        ));
    }
    let Some(index) = entries.iter().position(|(key, _, _)| key == "answers") else {
        return Ok(Layout::default());
    };
    let (_, at, node) = &entries[index];
    let key = line_index(at.line)?;
    let end = entries
        .get(index + 1)
        .map_or(Ok(doc.lines.len()), |(_, at, _)| line_index(at.line))?;
    let inline = match value_on_line(doc.body(key), 0) {
        None => Inline::None,
        Some((start, value)) => match value {
            "{}" | "~" | "null" | "Null" | "NULL" => Inline::Empty {
                start,
                len: value.len(),
            },
            _ if value.starts_with('{') => Inline::Flow,
            _ => return Err("`answers` must map item ids to answers".to_owned()),
        },
    };
    let mut answers = Answers {
        key,
        end,
        inline,
        entries: Vec::new(),
    };
    if let Value::Mapping(items) = &node.value {
        for (id, at, value) in items {
            let line = line_index(at.line)?;
            let block = value_on_line(doc.body(line), doc.indent(line)).is_none();
            let fields = match (&value.value, block) {
                (Value::Mapping(fields), true) => fields
                    .iter()
                    .map(|(name, at, _)| Ok((name.clone(), line_index(at.line)?)))
                    .collect::<Result<_, String>>()?,
                _ => Vec::new(),
            };
            answers.entries.push(Entry {
                id: id.clone(),
                line,
                block,
                fields,
            });
        }
    }
    Ok(Layout {
        answers: Some(answers),
    })
}

fn line_index(line: u64) -> Result<usize, String> {
    usize::try_from(line)
        .ok()
        .and_then(|line| line.checked_sub(1))
        .ok_or_else(|| format!("{} could not be read with its positions", FILE_NAMES[0]))
}

impl Answers {
    /// The indentation of the entries, from the first one.
    fn entry_indent(&self, doc: &Doc) -> Option<usize> {
        self.entries.first().map(|entry| doc.indent(entry.line))
    }

    /// Where new entries go: after the last indented line of the block (its last entry,
    /// or the commented ones), before the blank lines and comments at the margin that
    /// introduce what follows.
    fn insertion_point(&self, doc: &Doc) -> usize {
        (self.key + 1..self.end)
            .rev()
            .find(|&index| !doc.blank(index) && doc.indent(index) > 0)
            .map_or(self.key + 1, |index| index + 1)
    }

    /// The first line after an entry, its own comments included: what follows its key
    /// line more indented than the key.
    fn entry_end(&self, doc: &Doc, index: usize) -> usize {
        let entry = &self.entries[index];
        let bound = self
            .entries
            .get(index + 1)
            .map_or(self.end, |next| next.line);
        let indent = doc.indent(entry.line);
        (entry.line + 1..bound)
            .rev()
            .find(|&line| !doc.blank(line) && doc.indent(line) > indent)
            .map_or(entry.line + 1, |line| line + 1)
    }

    /// The commented entry of `id` in the block (`# id:`, then its commented `answer`,
    /// `evidence` and `date`): its lines and the indentation of its `#`.
    fn commented(&self, doc: &Doc, id: &str) -> Option<(usize, usize, usize)> {
        static FIELD: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*#\s+(answer|evidence|date)\s*:").expect("valid regex")
        });
        let entry = Regex::new(&format!(
            r#"^\s*#\s*["']?{}["']?\s*:\s*$"#,
            regex::escape(id)
        ))
        .ok()?;
        let start = (self.key + 1..self.end).find(|&index| entry.is_match(doc.body(index)))?;
        let end = (start + 1..self.end)
            .find(|&index| !FIELD.is_match(doc.body(index)))
            .unwrap_or(self.end);
        Some((start, end, doc.indent(start)))
    }
}

/// Where the value of the key that starts line `body` at `indent` begins, and the value
/// without its comment; `None` when nothing but a comment follows the key.
fn value_on_line(body: &str, indent: usize) -> Option<(usize, &str)> {
    let rest = body.get(indent..)?;
    let colon = indent + key_length(rest)?;
    let after = &body[colon + 1..];
    let value = strip_comment(after);
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = colon + 1 + (value.len() - value.trim_start().len());
    Some((start, trimmed))
}

/// The length of the key that starts `text`, up to its `:`.
fn key_length(text: &str) -> Option<usize> {
    let quote = text.chars().next().filter(|c| matches!(c, '"' | '\''));
    let after_key = match quote {
        Some(quote) => 1 + text[1..].find(quote)? + 1,
        None => 0,
    };
    text[after_key..].find(':').map(|at| after_key + at)
}

/// `text` without its comment: from a `#` outside quotes that starts the text or follows
/// a space.
fn strip_comment(text: &str) -> &str {
    let mut quote = None;
    let mut previous = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match quote {
            // An escaped character in double quotes, a doubled quote in single ones.
            Some('"') if c == '\\' => {
                chars.next();
            }
            Some('\'') if c == '\'' && chars.peek().is_some_and(|(_, next)| *next == '\'') => {
                chars.next();
            }
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '#' && matches!(previous, ' ' | '\t') => return &text[..at],
            None if matches!(c, '"' | '\'') && matches!(previous, ' ' | '\t' | '{' | '[' | ',') => {
                quote = Some(c);
            }
            None => {}
        }
        previous = c;
    }
    text
}

/// The comment that ends line `body` (with the spaces before it), when it has one.
fn trailing_comment(body: &str) -> &str {
    &body[strip_comment(body).trim_end().len()..]
}

/// The answers key's line without the empty value written on it, its comment kept.
fn without_value(doc: &Doc, line: usize, start: usize, len: usize) -> String {
    let body = doc.body(line);
    let eol = &doc.lines[line][body.len()..];
    format!("{}{}{eol}", body[..start].trim_end(), &body[start + len..])
}

/// The edits that answer entry `index`: in place for a block entry, the whole entry
/// written again for any other.
fn edit_entry(
    doc: &Doc,
    answers: &Answers,
    index: usize,
    fields: &dyn Fn(usize) -> Vec<String>,
    entry: &dyn Fn(usize, &str) -> Vec<String>,
) -> Vec<(usize, usize, Vec<String>)> {
    let found = &answers.entries[index];
    let end = answers.entry_end(doc, index);
    let indent = doc.indent(found.line);
    if !found.block {
        let comment = if end == found.line + 1 {
            trailing_comment(doc.body(found.line))
        } else {
            ""
        };
        return vec![(found.line, end, entry(indent, comment))];
    }
    let mut sorted = found.fields.clone();
    sorted.sort_by_key(|(_, line)| *line);
    let span = |position: usize| -> (usize, usize) {
        let (_, start) = &sorted[position];
        let bound = sorted.get(position + 1).map_or(end, |(_, line)| *line);
        let field_indent = doc.indent(*start);
        let last = (start + 1..bound).rev().find(|&line| {
            !doc.blank(line) && !doc.comment(line) && doc.indent(line) > field_indent
        });
        (*start, last.map_or(start + 1, |line| line + 1))
    };
    let position = |name: &str| sorted.iter().position(|(field, _)| field == name);
    let field_indent = sorted
        .get(position("answer").unwrap_or(0))
        .map_or(indent + 2, |(_, line)| doc.indent(*line));
    let new = fields(field_indent);
    let line_of = |name: &str| new.iter().find(|line| line.trim_start().starts_with(name));
    let mut ops = Vec::new();
    let mut missing = Vec::new();
    for name in ["answer", "evidence", "date"] {
        let wanted = line_of(&format!("{name}:")).cloned();
        match (position(name), wanted) {
            (Some(at), Some(line)) => {
                let (start, stop) = span(at);
                // A comment on the line is kept when the value was on that line alone.
                let comment = if stop == start + 1 {
                    trailing_comment(doc.body(start))
                } else {
                    ""
                };
                let body = line.trim_end_matches(['\n', '\r']);
                ops.push((start, stop, vec![format!("{body}{comment}{}", doc.eol)]));
            }
            (Some(at), None) => {
                let (start, stop) = span(at);
                ops.push((start, stop, Vec::new()));
            }
            (None, Some(line)) => missing.push(line),
            (None, None) => {}
        }
    }
    if !missing.is_empty() {
        // After the answer, or after the key when the entry has none.
        let anchor = ops
            .iter_mut()
            .find(|(start, _, _)| position("answer").is_some_and(|at| sorted[at].1 == *start));
        match anchor {
            Some((_, _, lines)) => lines.extend(missing),
            None => ops.push((found.line + 1, found.line + 1, missing)),
        }
    }
    ops
}

/// Applies line edits that do not overlap, from the last one up.
fn apply(lines: &mut Vec<String>, mut ops: Vec<(usize, usize, Vec<String>)>) {
    ops.sort_by_key(|(start, stop, _)| (*start, *stop));
    for (start, stop, replacement) in ops.into_iter().rev() {
        lines.splice(start..stop, replacement);
    }
}

/// Reads the edited file again: valid, giving the answer written, and saying everything
/// else as the file said before the edit.
fn verify(
    text: &str,
    before: Option<&project::ProjectFile>,
    id: &str,
    answer: AnswerValue,
    evidence: Option<&str>,
    date: &str,
) -> Result<(), String> {
    let after = project::parse(FILE_NAMES[0], text).map_err(|error| {
        format!("the answer would leave the file invalid, so it is not written: {error}")
    })?;
    let written = after.answers.get(id);
    let expected = project::Answer {
        answer,
        evidence: evidence.map(str::to_owned),
        date: Some(date.to_owned()),
    };
    if written != Some(&expected) {
        return Err(format!(
            "the file would not read back with the answer to `{id}` as written, so it is not written"
        ));
    }
    if let Some(before) = before
        && !same_project(before, &after, Some(id))
    {
        return Err(format!(
            "answering `{id}` would change what the file says of other items, so it is not written"
        ));
    }
    Ok(())
}

/// Whether two readings of the file say the same, but for the answer to `except`.
fn same_project(
    before: &project::ProjectFile,
    after: &project::ProjectFile,
    except: Option<&str>,
) -> bool {
    let others = |answers: &BTreeMap<String, project::Answer>| {
        answers
            .iter()
            .filter(|(id, _)| Some(id.as_str()) != except)
            .map(|(id, answer)| (id.clone(), answer.clone()))
            .collect::<Vec<_>>()
    };
    before.checklist == after.checklist
        && before.waivers == after.waivers
        && others(&before.answers) == others(&after.answers)
}

fn end_with_newline(lines: &mut [String], eol: &str) {
    if let Some(last) = lines.last_mut()
        && !last.ends_with('\n')
    {
        last.push_str(eol);
    }
}

fn without_bom(text: &str) -> (&'static str, &str) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    }
}

// ── What is written ──

/// The comment that opens a new `.ospo.yml`.
fn header(months: u32, lang: Lang, eol: &str) -> Vec<String> {
    let text = match lang {
        Lang::En => {
            let months = if months == 1 {
                "1 month".to_owned()
            } else {
                format!("{months} months")
            };
            format!(
                "# What this project says of itself, for ospo: its answers to the questions no file\n\
                 # of the repository shows. Answer with `ospo answer`, or uncomment an entry and fill\n\
                 # it in: a `yes` counts with its evidence (a link, or the path of a file of the\n\
                 # repository) for {months} from its date.\n\n"
            )
        }
        Lang::Fr => format!(
            "# Ce que le projet déclare de lui-même, pour ospo : ses réponses aux questions\n\
             # qu'aucun fichier du dépôt ne montre. Répondez avec `ospo answer`, ou décommentez\n\
             # une entrée et complétez-la : un « yes » compte avec sa preuve (un lien, ou le\n\
             # chemin d'un fichier du dépôt) pendant {months} mois à compter de sa date.\n\n"
        ),
    };
    text.split_inclusive('\n')
        .map(|line| format!("{}{eol}", line.trim_end_matches('\n')))
        .collect()
}

/// What counts as evidence for a question, in a sentence.
pub(super) fn evidence_hint(required: bool, lang: Lang) -> &'static str {
    match (lang, required) {
        (Lang::En, true) => {
            "Evidence: a link (https://…) or the path of a file of the repository, and the date."
        }
        (Lang::En, false) => {
            "Evidence: optional for this question, though a link (https://…) or the path of a file of the repository supports the answer; and the date."
        }
        (Lang::Fr, true) => {
            "Preuve : un lien (https://…) ou le chemin d'un fichier du dépôt, et la date."
        }
        (Lang::Fr, false) => {
            "Preuve : facultative pour cette question, mais un lien (https://…) ou le chemin d'un fichier du dépôt appuie la réponse ; et la date."
        }
    }
}

/// A question as a commented entry: its title and what counts as evidence, then the
/// entry to uncomment.
fn commented_entry(
    id: &str,
    title: &str,
    evidence_required: bool,
    indent: usize,
    date: &str,
    lang: Lang,
    eol: &str,
) -> Vec<String> {
    let pad = " ".repeat(indent);
    // A checklist's title on one line, whatever it holds.
    let title: String = title
        .split(|c: char| c.is_control() || crate::report::is_unsafe_char(c))
        .filter(|part| !part.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let (values, mark) = match lang {
        Lang::En => ("# yes | no | n/a", "a link or a path"),
        Lang::Fr => (
            "# yes | no | n/a (oui, non, sans objet)",
            "un lien ou un chemin",
        ),
    };
    [
        format!("# {id} — {title}"),
        format!("# {}", evidence_hint(evidence_required, lang)),
        format!("# {}:", key(id)),
        format!("#   answer: yes        {values}"),
        format!("#   evidence: \"{TODO}: {mark}\""),
        format!("#   date: {date}"),
    ]
    .into_iter()
    .map(|line| format!("{pad}{line}{eol}"))
    .collect()
}

/// An item id as a key: plain when it can be, quoted otherwise.
fn key(id: &str) -> String {
    static PLAIN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$").expect("valid regex"));
    if PLAIN.is_match(id) && !is_special(id) {
        id.to_owned()
    } else {
        quoted(id)
    }
}

/// A text as a YAML scalar: plain when it reads back as the same text, double-quoted
/// otherwise.
pub(crate) fn scalar(text: &str) -> String {
    let plain = !text.is_empty()
        && text == text.trim()
        && !text.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`', '.', '+',
        ])
        && !text.starts_with(|c: char| c.is_ascii_digit())
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !text
            .chars()
            .any(|c| c.is_control() || !c.is_ascii() && c.is_whitespace())
        && !is_special(text);
    if plain { text.to_owned() } else { quoted(text) }
}

/// A double-quoted YAML scalar: JSON's escapes are YAML's.
pub(crate) fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// Words YAML reads as something other than text.
fn is_special(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "yes" | "no" | "y" | "n" | "true" | "false" | "on" | "off" | "null" | "~"
    )
}

fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty()
        || id
            .chars()
            .any(|c| c.is_control() || crate::report::is_unsafe_char(c))
    {
        return Err(format!("`{}` is not an item id", escape_controls(id)));
    }
    Ok(())
}

/// A day written `YYYY-MM-DD`, from 1970 to 9999, as `.ospo.yml` takes it.
fn check_date(date: &str) -> Result<(), String> {
    let shape = date.len() == 10
        && date.bytes().enumerate().all(|(at, b)| match at {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let day = shape
        .then(|| {
            let year: i64 = date[..4].parse().ok()?;
            let month: u32 = date[5..7].parse().ok()?;
            let day: u32 = date[8..].parse().ok()?;
            (year >= 1970).then(|| days_from_civil(year, month, day))?
        })
        .flatten();
    match day {
        Some(_) => Ok(()),
        None => Err(format!(
            "date `{}` is not a day written YYYY-MM-DD (from 1970)",
            escape_controls(date)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer_of(text: &str, id: &str) -> project::Answer {
        project::parse(".ospo.yml", text).unwrap().answers[id].clone()
    }

    #[test]
    fn a_commented_entry_becomes_the_answer_in_place() {
        let text = "checklist: default\nanswers:\n  # a.b — Title\n  # Evidence: …\n  # a.b:\n  #   answer: yes        # yes | no | n/a\n  #   evidence: \"TODO(ospo): a link or a path\"\n  #   date: 2026-01-01\n\n  # c.d — Other\nwaivers:\n  x.y: reason\n";
        let out = answered(
            Some(text),
            "a.b",
            AnswerValue::Yes,
            Some("README.md"),
            "2026-02-01",
        )
        .unwrap();
        assert_eq!(
            out,
            "checklist: default\nanswers:\n  # a.b — Title\n  # Evidence: …\n  a.b:\n    answer: yes\n    evidence: README.md\n    date: 2026-02-01\n\n  # c.d — Other\nwaivers:\n  x.y: reason\n"
        );
    }

    #[test]
    fn a_block_entry_keeps_its_comments_and_other_lines() {
        let text = "answers:\n  a.b:   # first\n    answer: no   # was no\n    # kept\n    evidence: >\n      long\n      words\n  c.d: {answer: n/a}  # flow\n# margin\nwaivers: {}\n";
        let out = answered(
            Some(text),
            "a.b",
            AnswerValue::Yes,
            Some("https://e.org/x"),
            "2026-02-01",
        )
        .unwrap();
        assert_eq!(
            out,
            "answers:\n  a.b:   # first\n    answer: yes   # was no\n    date: 2026-02-01\n    # kept\n    evidence: https://e.org/x\n  c.d: {answer: n/a}  # flow\n# margin\nwaivers: {}\n"
        );
        let out = answered(Some(text), "c.d", AnswerValue::No, None, "2026-02-01").unwrap();
        assert_eq!(
            out,
            "answers:\n  a.b:   # first\n    answer: no   # was no\n    # kept\n    evidence: >\n      long\n      words\n  c.d:  # flow\n    answer: no\n    date: 2026-02-01\n# margin\nwaivers: {}\n"
        );
    }

    #[test]
    fn answers_are_added_where_they_belong() {
        // No file.
        let out = answered(None, "a.b", AnswerValue::NotApplicable, None, "2026-02-01").unwrap();
        assert_eq!(
            out,
            "answers:\n  a.b:\n    answer: n/a\n    date: 2026-02-01\n"
        );
        // No answers key, no final newline, CRLF.
        let out = answered(
            Some("checklist: default\r\n# end"),
            "a.b",
            AnswerValue::Yes,
            Some("x y: z"),
            "2026-02-01",
        )
        .unwrap();
        assert_eq!(
            out,
            "checklist: default\r\n# end\r\nanswers:\r\n  a.b:\r\n    answer: yes\r\n    evidence: \"x y: z\"\r\n    date: 2026-02-01\r\n"
        );
        // An empty answers written out, entries indented by four.
        let out = answered(
            Some("answers: {}  # none\nwaivers:\n    x.y: z\n"),
            "a.b",
            AnswerValue::No,
            None,
            "2026-02-01",
        )
        .unwrap();
        assert_eq!(
            out,
            "answers:  # none\n  a.b:\n    answer: no\n    date: 2026-02-01\nwaivers:\n    x.y: z\n"
        );
        let text = "answers:\n    q.r:\n        answer: no\n\n# about waivers\nwaivers:\n";
        let out = answered(Some(text), "a.b", AnswerValue::No, None, "2026-02-01").unwrap();
        assert_eq!(
            out,
            "answers:\n    q.r:\n        answer: no\n    a.b:\n      answer: no\n      date: 2026-02-01\n\n# about waivers\nwaivers:\n"
        );
        assert_eq!(answer_of(&out, "q.r").answer, AnswerValue::No);
    }

    #[test]
    fn what_cannot_be_edited_safely_is_refused() {
        let flow = "answers: {a.b: {answer: no}}\n";
        assert!(
            answered(
                Some(flow),
                "a.b",
                AnswerValue::Yes,
                Some("README.md"),
                "2026-02-01"
            )
            .unwrap_err()
            .contains("flow style")
        );
        assert!(answered(Some("a: [1\n"), "a.b", AnswerValue::No, None, "2026-02-01").is_err());
        assert!(
            answered(None, "a.b", AnswerValue::No, None, "2026-2-1")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        assert!(answered(None, "a.b", AnswerValue::No, None, "2026-02-30").is_err());
        assert!(answered(None, "a\nb", AnswerValue::No, None, "2026-02-01").is_err());
    }

    #[test]
    fn a_long_run_of_commented_questions_reads_and_is_answered_in_place() {
        let groups: String = (0..40)
            .map(|at| {
                commented_entry(
                    &format!("q.n{at}"),
                    "Title",
                    true,
                    2,
                    "2026-01-01",
                    Lang::En,
                    "\n",
                )
                .concat()
            })
            .collect::<Vec<_>>()
            .join("\n");
        let text = format!("answers:\n{groups}waivers:\n");
        assert!(project::parse(".ospo.yml", &text).is_ok());
        let out = answered(Some(&text), "q.n39", AnswerValue::No, None, "2026-02-01").unwrap();
        assert!(out.contains("  # Evidence: a link (https://…) or the path of a file of the repository, and the date.\n  q.n39:\n    answer: no\n    date: 2026-02-01\nwaivers:\n"), "{out}");
    }

    #[test]
    fn scalars_read_back_as_written() {
        for text in [
            "README.md",
            "https://example.org/a#b",
            "yes",
            "No",
            "12",
            "- item",
            "a: b",
            "a #b",
            "\"quoted\"",
            "tab\there",
            "line\nbreak",
            "docs/governance.md#decisions",
            "Minutes, 2026-01-05",
            "#hash",
            "ends:",
            "@at",
            "{brace}",
            "~",
        ] {
            let doc = format!(
                "answers:\n  a.b:\n    answer: yes\n    evidence: {}\n",
                scalar(text)
            );
            assert_eq!(
                answer_of(&doc, "a.b").evidence.as_deref(),
                Some(text),
                "{doc}"
            );
        }
    }

    #[test]
    fn comments_end_where_yaml_says() {
        assert_eq!(strip_comment(" yes # no"), " yes ");
        assert_eq!(strip_comment(" \"a # b\" # c"), " \"a # b\" ");
        assert_eq!(strip_comment(" 'it''s # x' # c"), " 'it''s # x' ");
        assert_eq!(strip_comment(" a#b"), " a#b");
        assert_eq!(trailing_comment("  answer: no   # was"), "   # was");
        assert_eq!(value_on_line("answers:  # c", 0), None);
        assert_eq!(value_on_line("answers: {}  # c", 0), Some((9, "{}")));
        assert_eq!(
            value_on_line("  \"a.b\": {answer: no}", 2),
            Some((9, "{answer: no}"))
        );
    }
}

//! Reading checklists: files and built-ins, `extends`, merging by id, validation.
//!
//! Every problem found is collected as a [`Diagnostic`] naming the file, line and column;
//! loading goes on after a bad item so that one run reports them all.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use super::format::{Header, ItemSpec};
use super::{Checklist, Item, Stage, builtin, url};
use crate::probe::glob::Glob;
use crate::probe::{Probe, ProbeSpec};
use crate::repo::RepoView;
use crate::yaml::{self, Node, Position};

/// A checklist file larger than this is refused rather than read.
const MAX_CHECKLIST_BYTES: u64 = 4 * 1024 * 1024;
/// How many checklists an `extends` chain may hold.
const MAX_EXTENDS_DEPTH: usize = 8;

// A checklist may come from the repository it checks: besides the bounds on each glob
// and pattern, what all its items hold together is bounded, so that a checklist file
// cannot make ospo keep or search more than a few times what the built-in ones do.
/// Items a checklist may hold, those it inherits included.
pub const MAX_ITEMS: usize = 500;
/// Tokens of all the globs of a checklist's items (see `Glob::size`).
pub const MAX_GLOB_TOKENS: usize = 65_536;
/// Memory the compiled patterns of a checklist's items may take in all.
pub const MAX_PATTERN_BYTES: usize = 32 << 20;
/// How many problems an invalid checklist's error lists; it counts the others.
const SHOWN_DIAGNOSTICS: usize = 100;

/// One problem in a checklist, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub position: Option<Position>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(p) => write!(f, "{}:{}:{}: {}", self.file, p.line, p.column, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read checklist {path}: {reason}")]
    Read { path: String, reason: String },
    #[error(
        "no built-in checklist is named `{name}` and no such file exists; built-in checklists: {known}"
    )]
    UnknownBuiltin { name: String, known: String },
    #[error(
        "checklist path `{path}` leaves the repository; a repository may only name checklists inside it"
    )]
    OutsideRepository { path: String },
    #[error("{}", render(diagnostics))]
    Invalid { diagnostics: Vec<Diagnostic> },
}

fn render(diagnostics: &[Diagnostic]) -> String {
    let count = diagnostics.len();
    let mut text = format!(
        "invalid checklist: {count} problem{}",
        if count == 1 { "" } else { "s" }
    );
    for diagnostic in diagnostics.iter().take(SHOWN_DIAGNOSTICS) {
        text.push_str("\n  ");
        text.push_str(&diagnostic.to_string());
    }
    if count > SHOWN_DIAGNOSTICS {
        text.push_str(&format!("\n  and {} more", count - SHOWN_DIAGNOSTICS));
    }
    text
}

/// Where a checklist comes from.
#[derive(Debug, Clone)]
enum Source {
    Builtin(&'static str),
    /// A file on disk, named on the command line (or extended by one).
    File(PathBuf),
    /// A file in the repository view, named by the project's `.ospo.yml` (or extended by
    /// one): read from the commit checked, never from outside the repository.
    Repo(String),
    /// Text given as is, under a label; it may extend built-in checklists only.
    Text {
        label: String,
        text: String,
    },
}

/// What a relative path is relative to.
#[derive(Debug, Clone)]
enum Base {
    Disk(PathBuf),
    Repo(String),
}

impl Source {
    /// A name of a built-in checklist, or a path (relative to `base`). Something that looks
    /// like a path (a separator or a YAML extension) is always a path.
    fn resolve(selector: &str, base: &Base) -> Result<Source, LoadError> {
        let looks_like_path = selector.contains(['/', '\\'])
            || selector.ends_with(".yml")
            || selector.ends_with(".yaml");
        if !looks_like_path && let Some(name) = builtin::name(selector) {
            return Ok(Source::Builtin(name));
        }
        let unknown = || LoadError::UnknownBuiltin {
            name: selector.to_owned(),
            known: builtin::NAMES.join(", "),
        };
        match base {
            Base::Disk(base) => {
                // Relative to the working directory, a path is shown as the user wrote it.
                let path = if base == Path::new(".") {
                    PathBuf::from(selector)
                } else {
                    base.join(selector)
                };
                if looks_like_path || path.is_file() {
                    Ok(Source::File(path))
                } else {
                    Err(unknown())
                }
            }
            Base::Repo(dir) => match crate::repo::join_within(dir, &selector.replace('\\', "/")) {
                Some(path) if looks_like_path => Ok(Source::Repo(path)),
                Some(_) => Err(unknown()),
                None => Err(LoadError::OutsideRepository {
                    path: selector.to_owned(),
                }),
            },
        }
    }

    fn label(&self) -> String {
        match self {
            Source::Builtin(name) => format!("builtin:{name}"),
            Source::File(path) => path.display().to_string(),
            Source::Repo(path) => path.clone(),
            Source::Text { label, .. } => label.clone(),
        }
    }

    /// What identifies the source for cycle detection.
    fn key(&self) -> String {
        match self {
            Source::Builtin(name) => format!("builtin:{name}"),
            Source::File(path) => std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
            Source::Repo(path) => format!("repo:{path}"),
            Source::Text { label, .. } => format!("text:{label}"),
        }
    }

    fn read(&self, repo: Option<&RepoView>) -> Result<String, LoadError> {
        let read_error = |reason: String| LoadError::Read {
            path: self.label(),
            reason,
        };
        let too_large = || read_error(format!("larger than {MAX_CHECKLIST_BYTES} bytes"));
        match self {
            Source::Builtin(name) => Ok(builtin::json(name).to_owned()),
            Source::Text { text, .. } if text.len() as u64 > MAX_CHECKLIST_BYTES => {
                Err(too_large())
            }
            Source::Text { text, .. } => Ok(text.clone()),
            Source::File(path) => {
                let file = std::fs::File::open(path).map_err(|e| read_error(e.to_string()))?;
                let mut text = String::new();
                file.take(MAX_CHECKLIST_BYTES + 1)
                    .read_to_string(&mut text)
                    .map_err(|e| read_error(e.to_string()))?;
                if text.len() as u64 > MAX_CHECKLIST_BYTES {
                    return Err(too_large());
                }
                Ok(text)
            }
            Source::Repo(path) => {
                let repo =
                    repo.ok_or_else(|| read_error("no repository to read it from".into()))?;
                let entries = repo
                    .list(crate::repo::parent(path), 1)
                    .map_err(|e| read_error(e.to_string()))?;
                let entry = entries
                    .iter()
                    .find(|entry| entry.path == *path)
                    .ok_or_else(|| read_error("no such file in the repository".into()))?;
                let content = repo
                    .read(entry, MAX_CHECKLIST_BYTES as usize)
                    .map_err(|e| read_error(e.to_string()))?;
                if content.truncated() {
                    return Err(too_large());
                }
                String::from_utf8(content.bytes).map_err(|_| read_error("not UTF-8 text".into()))
            }
        }
    }

    fn base(&self) -> Base {
        match self {
            Source::Builtin(_) => Base::Disk(PathBuf::from(".")),
            Source::File(path) => {
                Base::Disk(path.parent().map(Path::to_path_buf).unwrap_or_default())
            }
            Source::Repo(path) => Base::Repo(crate::repo::parent(path).to_owned()),
            // Resolved in a repository there is none of: only built-in names load.
            Source::Text { .. } => Base::Repo(String::new()),
        }
    }
}

/// An item as one file gives it, validated as far as that file alone allows.
struct Layered {
    spec: ItemSpec,
    probe: Option<Probe>,
    /// The `help-url` template of the last checklist that defined or overrode the item and
    /// has one: the item's link when it gives none of its own.
    template: Option<String>,
    /// The file and position of the item's `id`, to point at when the merged item lacks a field.
    file: String,
    position: Position,
}

/// Loads the checklist `selector` names: a built-in name or a path relative to `base`.
pub fn load(selector: &str, base: &Path) -> Result<Checklist, LoadError> {
    let source = Source::resolve(selector, &Base::Disk(base.to_path_buf()))?;
    load_from(&source, None)
}

/// Loads the checklist a repository names for itself: a built-in name or a path from the
/// repository root, read from the repository view (so from the commit checked), and never
/// from outside the repository.
pub fn load_from_repo(selector: &str, repo: &RepoView) -> Result<Checklist, LoadError> {
    let source = Source::resolve(selector, &Base::Repo(String::new()))?;
    load_from(&source, Some(repo))
}

/// Loads a checklist from its text, as if read from a file named `label` that may extend
/// built-in checklists only: nothing else is read.
pub fn load_text(label: &str, text: &str) -> Result<Checklist, LoadError> {
    let source = Source::Text {
        label: label.to_owned(),
        text: text.to_owned(),
    };
    load_from(&source, None)
}

/// What the items of the checklists of one load hold so far, against the bounds on
/// them.
#[derive(Debug, Default)]
struct Budget {
    glob_tokens: usize,
    pattern_bytes: usize,
    /// A bound was passed: the items after are not compiled.
    spent: bool,
}

impl Budget {
    /// Counts what a compiled probe holds; the problem, if it passes a bound.
    fn charge(&mut self, spec: &ProbeSpec, probe: &Probe) -> Option<String> {
        self.glob_tokens += globs(spec)
            .iter()
            .filter_map(|glob| Glob::new(glob).ok())
            .map(|glob| glob.size())
            .sum::<usize>();
        if let Probe::Content(content) = probe {
            self.pattern_bytes += content.compiled_bytes();
        }
        let problem = if self.glob_tokens > MAX_GLOB_TOKENS {
            format!(
                "the checklist's globs hold more than {MAX_GLOB_TOKENS} characters, classes and wildcards in all"
            )
        } else if self.pattern_bytes > MAX_PATTERN_BYTES {
            format!(
                "the checklist's regular expressions take more than {} MiB in all once compiled",
                MAX_PATTERN_BYTES >> 20
            )
        } else {
            return None;
        };
        self.spent = true;
        Some(problem)
    }
}

/// The globs a probe's spec gives: each kind that finds files by name.
fn globs(spec: &ProbeSpec) -> &[String] {
    match spec {
        ProbeSpec::File(spec) => &spec.names,
        ProbeSpec::Content(spec) => &spec.names,
        ProbeSpec::Changelog(spec) => spec.names.as_deref().unwrap_or_default(),
        ProbeSpec::SpdxHeaders(spec) => &spec.ignore,
        _ => &[],
    }
}

fn load_from(source: &Source, repo: Option<&RepoView>) -> Result<Checklist, LoadError> {
    let mut diagnostics = Vec::new();
    let mut chain = Vec::new();
    let mut budget = Budget::default();
    let loaded = load_source(source, repo, &mut chain, &mut budget, &mut diagnostics)?;
    let checklist =
        loaded.and_then(|(header, items)| finish(source, header, items, &mut diagnostics));
    match checklist {
        Some(checklist) if diagnostics.is_empty() => Ok(checklist),
        _ => {
            // In reading order, whatever order the checks ran in.
            diagnostics.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
            Err(LoadError::Invalid { diagnostics })
        }
    }
}

type Loaded = (Header, Vec<Layered>);

/// Reads one source and, first, its parents; returns its header and the merged items, or
/// `None` when a problem makes going on pointless (problems are in `diagnostics`).
fn load_source(
    source: &Source,
    repo: Option<&RepoView>,
    chain: &mut Vec<String>,
    budget: &mut Budget,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<Loaded>, LoadError> {
    let file = source.label();
    let text = source.read(repo)?;
    // A built-in checklist's header and items are read from its JSON, which the document
    // tree was made from: the same values, without making JSON of the tree again.
    let mut json: Option<serde_json::Value> = None;
    let parsed = match source {
        // Converted from YAML at build time, and known to be valid.
        Source::Builtin(_) => serde_json::from_str(&text)
            .map(|value| {
                let doc = yaml::from_json(&value);
                json = Some(value);
                doc
            })
            .map_err(|error| yaml::SyntaxError {
                position: Position::default(),
                message: error.to_string(),
            }),
        _ => yaml::parse(&text),
    };
    let mut doc = match parsed {
        Ok(doc) => doc,
        Err(error) => {
            diagnostics.push(Diagnostic {
                file,
                position: Some(error.position),
                message: format!("YAML syntax error: {}", error.message),
            });
            return Ok(None);
        }
    };
    if !matches!(doc.value, yaml::Value::Mapping(_)) {
        diagnostics.push(Diagnostic {
            file,
            position: Some(doc.position),
            message: "a checklist is a mapping with `id`, `title`, `version` and `items`".into(),
        });
        return Ok(None);
    }
    if let Some(version) = doc.get_mut("version")
        && matches!(version.value, yaml::Value::Float(_))
        && let Some(raw) = version.scalar_text(&text)
    {
        version.value = yaml::Value::String(raw);
    }
    chain.push(source.key());
    let root = yaml::Path::default();
    let header = match &json {
        Some(json) => yaml::deserialize_json::<Header>(json, &doc, &root),
        None => doc.deserialize::<Header>(&doc, &root),
    };
    let header = match header {
        Ok(header) => {
            if !CHECKLIST_ID.is_match(&header.id) {
                push_at(
                    diagnostics,
                    &file,
                    &doc,
                    &root.key("id"),
                    format!(
                        "checklist id `{}` must be lowercase letters, digits and dashes",
                        header.id
                    ),
                );
            }
            if header.answers_valid_months == Some(0) {
                push_at(
                    diagnostics,
                    &file,
                    &doc,
                    &root.key("answers-valid-months"),
                    "answers-valid-months must be a positive number of months".into(),
                );
            }
            Some(header)
        }
        Err(error) => {
            diagnostics.push(Diagnostic {
                file: file.clone(),
                position: Some(error.position),
                message: error.message,
            });
            None
        }
    };
    let template = header.as_ref().and_then(|header| {
        let template = header.help_url.as_ref()?;
        match url::template_problem(template) {
            None => Some(template.clone()),
            Some(problem) => {
                push_at(
                    diagnostics,
                    &file,
                    &doc,
                    &root.key("help-url"),
                    format!("checklist help-url `{template}` {problem}"),
                );
                None
            }
        }
    });

    // Parents first: their items come first, the child's override them.
    let mut merged: Vec<Layered> = Vec::new();
    let mut inherited_validity = None;
    if let Some(parent) = header.as_ref().and_then(|h| h.extends.clone()) {
        let at = root.key("extends");
        match Source::resolve(&parent, &source.base()) {
            Ok(parent_source) if chain.contains(&parent_source.key()) => push_at(
                diagnostics,
                &file,
                &doc,
                &at,
                format!("`extends: {parent}` makes a cycle"),
            ),
            Ok(_) if chain.len() >= MAX_EXTENDS_DEPTH => push_at(
                diagnostics,
                &file,
                &doc,
                &at,
                format!("`extends` chains may hold at most {MAX_EXTENDS_DEPTH} checklists"),
            ),
            Ok(parent_source) => {
                match load_source(&parent_source, repo, chain, budget, diagnostics) {
                    Ok(Some((parent, items))) => {
                        merged = items;
                        inherited_validity = parent.answers_valid_months;
                    }
                    Ok(None) => {}
                    Err(error) => push_at(diagnostics, &file, &doc, &at, error.to_string()),
                }
            }
            Err(error) => push_at(diagnostics, &file, &doc, &at, error.to_string()),
        }
    }

    let items_path = root.key("items");
    let item_nodes = match doc.get("items") {
        None => &[][..],
        Some(node) if matches!(node.value, yaml::Value::Sequence(_)) => {
            let nodes = node.elements();
            if nodes.len() > MAX_ITEMS {
                push_at(
                    diagnostics,
                    &file,
                    &doc,
                    &items_path,
                    format!("a checklist holds at most {MAX_ITEMS} items"),
                );
            }
            &nodes[..nodes.len().min(MAX_ITEMS)]
        }
        Some(_) => {
            push_at(
                diagnostics,
                &file,
                &doc,
                &items_path,
                "`items` must be a list".into(),
            );
            &[][..]
        }
    };
    let json_items = json
        .as_ref()
        .and_then(|json| json.get("items"))
        .and_then(serde_json::Value::as_array);
    let mut seen: HashMap<String, Position> = HashMap::new();
    for (index, node) in item_nodes.iter().enumerate() {
        let path = items_path.index(index);
        let spec = match json_items.and_then(|items| items.get(index)) {
            Some(json) => yaml::deserialize_json::<ItemSpec>(json, &doc, &path),
            None => node.deserialize::<ItemSpec>(&doc, &path),
        };
        let spec = match spec {
            Ok(spec) => spec,
            Err(error) => {
                diagnostics.push(Diagnostic {
                    file: file.clone(),
                    position: Some(error.position),
                    message: item_message(node, error.message),
                });
                continue;
            }
        };
        let id_position = doc.locate(&path.key("id"));
        if let Some(first) = seen.get(&spec.id) {
            diagnostics.push(Diagnostic {
                file: file.clone(),
                position: Some(id_position),
                message: format!(
                    "duplicate item id `{}`: already defined at line {}",
                    spec.id, first.line
                ),
            });
            continue;
        }
        seen.insert(spec.id.clone(), id_position);
        check_fields(&spec, &file, &doc, &path, diagnostics);
        // Built-in checklists are known to compile (a test builds every probe); a file's
        // patterns are built now, so that their errors point into the file, and what its
        // items hold is counted against the checklist's bounds. Once a bound is passed,
        // nothing more is built: the checklist is refused anyway.
        let trusted = matches!(source, Source::Builtin(_));
        let compiled = spec
            .probe
            .as_ref()
            .filter(|_| !budget.spent)
            .map(|probe_spec| {
                let probe = probe_spec.compile()?;
                if trusted {
                    return Ok(probe);
                }
                probe.prepare().map_err(|problem| vec![problem])?;
                match budget.charge(probe_spec, &probe) {
                    None => Ok(probe),
                    Some(message) => Err(vec![crate::probe::Problem {
                        path: yaml::Path::default(),
                        message,
                    }]),
                }
            });
        let probe = match compiled {
            None => None,
            Some(Ok(probe)) => Some(probe),
            Some(Err(problems)) => {
                for problem in problems {
                    let mut at = path.key("probe");
                    at.0.extend(problem.path.0);
                    push_at(
                        diagnostics,
                        &file,
                        &doc,
                        &at,
                        format!("item `{}`: {}", spec.id, problem.message),
                    );
                }
                None
            }
        };
        merge(
            &mut merged,
            Layered {
                spec,
                probe,
                template: template.clone(),
                file: file.clone(),
                position: id_position,
            },
            &doc,
            &path,
            diagnostics,
        );
    }
    if merged.len() > MAX_ITEMS {
        push_at(
            diagnostics,
            &file,
            &doc,
            &items_path,
            format!("a checklist holds at most {MAX_ITEMS} items, those it extends included"),
        );
        merged.truncate(MAX_ITEMS);
    }
    chain.pop();
    Ok(header.map(|mut header| {
        header.answers_valid_months = header.answers_valid_months.or(inherited_validity);
        (header, merged)
    }))
}

/// Prefixes a serde message with the item's id when it has one, so the reader knows which
/// item is wrong without counting.
fn item_message(node: &Node, message: String) -> String {
    match node.get("id").map(|n| &n.value) {
        Some(yaml::Value::String(id)) => format!("item `{id}`: {message}"),
        _ => message,
    }
}

static CHECKLIST_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z0-9]+(-[a-z0-9]+)*$").expect("valid regex"));
static ITEM_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([a-z]+)\.[a-z0-9]+(-[a-z0-9]+)*$").expect("valid regex"));

/// Checks what one file says of an item on its own: id shape, stage, weight, help URL.
fn check_fields(
    spec: &ItemSpec,
    file: &str,
    doc: &Node,
    path: &yaml::Path,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let stages = Stage::ALL.map(Stage::id).join(", ");
    match ITEM_ID.captures(&spec.id) {
        None => push_at(
            diagnostics,
            file,
            doc,
            &path.key("id"),
            format!(
                "item id `{}` must be STAGE.slug, the slug in lowercase kebab-case (e.g. `legal.licence-file`)",
                spec.id
            ),
        ),
        Some(captures) => {
            let prefix = &captures[1];
            match Stage::ALL.iter().find(|stage| stage.id() == prefix) {
                None => push_at(
                    diagnostics,
                    file,
                    doc,
                    &path.key("id"),
                    format!(
                        "item id `{}` starts with `{prefix}`, which is not a stage; stages: {stages}",
                        spec.id
                    ),
                ),
                Some(stage) => {
                    if let Some(given) = spec.stage
                        && given != *stage
                    {
                        push_at(
                            diagnostics,
                            file,
                            doc,
                            &path.key("stage"),
                            format!(
                                "item `{}` has stage `{given}` but its id starts with `{stage}`",
                                spec.id
                            ),
                        );
                    }
                }
            }
        }
    }
    if spec.weight == Some(0) {
        push_at(
            diagnostics,
            file,
            doc,
            &path.key("weight"),
            format!("item `{}`: weight must be a positive integer", spec.id),
        );
    }
    if let Some(help_url) = &spec.help_url
        && let Some(problem) = url::problem(help_url)
    {
        let hint = match help_url.contains(url::ID_PLACEHOLDER) {
            true => " (`{id}` is filled in only in the checklist's help-url template)",
            false => "",
        };
        push_at(
            diagnostics,
            file,
            doc,
            &path.key("help-url"),
            format!("item `{}`: help-url `{help_url}` {problem}{hint}", spec.id),
        );
    }
}

/// Adds an item to the merged list: an override patches the inherited item field by field,
/// `disabled` removes it.
fn merge(
    merged: &mut Vec<Layered>,
    item: Layered,
    doc: &Node,
    path: &yaml::Path,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(index) = merged.iter().position(|m| m.spec.id == item.spec.id) else {
        if item.spec.disabled {
            push_at(
                diagnostics,
                &item.file,
                doc,
                &path.key("disabled"),
                format!(
                    "item `{}` is disabled but no checklist it extends defines it",
                    item.spec.id
                ),
            );
        } else {
            merged.push(item);
        }
        return;
    };
    if item.spec.disabled {
        merged.remove(index);
        return;
    }
    let inherited = &mut merged[index];
    let spec = item.spec;
    inherited.spec.stage = spec.stage.or(inherited.spec.stage);
    inherited.spec.level = spec.level.or(inherited.spec.level);
    inherited.spec.waivable = spec.waivable.or(inherited.spec.waivable);
    inherited.spec.weight = spec.weight.or(inherited.spec.weight);
    inherited.spec.title = spec.title.or(inherited.spec.title.take());
    inherited.spec.why = spec.why.or(inherited.spec.why.take());
    inherited.spec.fix = spec.fix.or(inherited.spec.fix.take());
    inherited.spec.help_url = spec.help_url.or(inherited.spec.help_url.take());
    if item.template.is_some() {
        inherited.template = item.template;
    }
    if spec.probe.is_some() {
        inherited.spec.probe = spec.probe;
        inherited.probe = item.probe;
    }
}

/// Turns merged items into the validated checklist, or reports what they lack.
fn finish(
    source: &Source,
    header: Header,
    items: Vec<Layered>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Checklist> {
    let mut valid = Vec::with_capacity(items.len());
    for layered in items {
        let spec = layered.spec;
        let missing: Vec<&str> = [
            ("stage", spec.stage.is_none()),
            ("level", spec.level.is_none()),
            ("weight", spec.weight.is_none()),
            ("title", spec.title.is_none()),
            ("why", spec.why.is_none()),
            ("fix", spec.fix.is_none()),
            ("probe", spec.probe.is_none()),
        ]
        .into_iter()
        .filter_map(|(name, absent)| absent.then_some(name))
        .collect();
        if !missing.is_empty() {
            diagnostics.push(Diagnostic {
                file: layered.file,
                position: Some(layered.position),
                message: format!(
                    "item `{}` is not defined by any checklist it extends, so it needs: {}",
                    spec.id,
                    missing.join(", ")
                ),
            });
            continue;
        }
        // A probe that failed to compile was already reported.
        let (
            Some(stage),
            Some(level),
            Some(weight),
            Some(title),
            Some(why),
            Some(fix),
            Some(probe_spec),
            Some(probe),
        ) = (
            spec.stage,
            spec.level,
            spec.weight,
            spec.title,
            spec.why,
            spec.fix,
            spec.probe,
            layered.probe,
        )
        else {
            continue;
        };
        let help_url = spec.help_url.or_else(|| {
            let template = layered.template.as_deref()?;
            Some(url::fill(template, &spec.id))
        });
        valid.push(Item {
            help_url,
            id: spec.id,
            stage,
            level,
            waivable: spec.waivable.unwrap_or(false),
            weight,
            title,
            why,
            fix,
            spec: probe_spec,
            probe,
        });
    }
    // Stable order for reports: by stage, then as written.
    let mut by_stage: BTreeMap<Stage, Vec<Item>> = BTreeMap::new();
    for item in valid {
        by_stage.entry(item.stage).or_default().push(item);
    }
    Some(Checklist {
        id: header.id,
        title: header.title,
        version: header.version,
        source: source.label(),
        answers_valid_months: header
            .answers_valid_months
            .unwrap_or(super::ANSWERS_VALID_MONTHS),
        items: by_stage.into_values().flatten().collect(),
    })
}

fn push_at(
    diagnostics: &mut Vec<Diagnostic>,
    file: &str,
    doc: &Node,
    path: &yaml::Path,
    message: String,
) {
    diagnostics.push(Diagnostic {
        file: file.to_owned(),
        position: Some(doc.locate(path)),
        message,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A built-in checklist's header and items, read from its JSON, are what the document
    /// tree made of that JSON gives.
    #[test]
    fn built_in_checklists_read_from_json_as_from_their_tree() {
        for name in builtin::NAMES {
            let json: serde_json::Value =
                serde_json::from_str(builtin::json(name)).expect("built-in JSON");
            let doc = yaml::from_json(&json);
            let root = yaml::Path::default();
            let from_tree: Header = doc.deserialize(&doc, &root).expect("header");
            let from_json: Header = yaml::deserialize_json(&json, &doc, &root).expect("header");
            assert_eq!(format!("{from_tree:?}"), format!("{from_json:?}"), "{name}");
            let items = json["items"].as_array().expect("items");
            assert_eq!(
                items.len(),
                doc.get("items").expect("items").elements().len()
            );
            for (index, (node, value)) in doc
                .get("items")
                .expect("items")
                .elements()
                .iter()
                .zip(items)
                .enumerate()
            {
                let path = root.key("items").index(index);
                let from_tree: ItemSpec = node.deserialize(&doc, &path).expect("item");
                let from_json: ItemSpec = yaml::deserialize_json(value, &doc, &path).expect("item");
                assert_eq!(
                    format!("{from_tree:?}"),
                    format!("{from_json:?}"),
                    "{name} {index}"
                );
            }
        }
        // A shape error names the same path and says the same either way.
        let json = serde_json::json!({"id": "x", "title": 3});
        let doc = yaml::from_json(&json);
        let root = yaml::Path::default();
        let tree = doc
            .deserialize::<ItemSpec>(&doc, &root)
            .expect_err("a number is no title");
        let direct = yaml::deserialize_json::<ItemSpec>(&json, &doc, &root)
            .expect_err("a number is no title");
        assert_eq!((tree.path, tree.message), (direct.path, direct.message));
    }
}

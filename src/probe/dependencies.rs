//! `dependency-licences`: the licences of the project's dependencies, read offline, judged
//! against the project's own licence.
//!
//! The files read are those that state dependency licences without a package manager:
//! `npm-shrinkwrap.json` or `package-lock.json` (lockfileVersion 2 or 3) and
//! `composer.lock` at the root, vendored crates (`vendor/*/Cargo.toml`) and installed
//! Python packages (`*.dist-info/METADATA` under `.venv`, `venv` or `site-packages`). A
//! licence is what the metadata states ([`crate::licence::dependencies`]): a statement
//! that is not an SPDX expression stays unknown, never guessed.
//!
//! A dependency is a problem when no branch of its licence expression is acceptable. A
//! branch is acceptable when the checklist allows its licence, or when the licence is
//! free (OSI-approved or FSF-libre) and, if it is a strong copyleft, one the project's
//! licence can be combined with. The project's licence is the one the `licence` probe
//! finds, read once per check.

use std::collections::BTreeMap;

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use spdx::{LicenseItem, LicenseReq};

use super::{Context, Evidence, Outcome, Problem, Status};
use crate::i18n::Text;
use crate::licence::dependencies::{self as readers, Dependency, licence_ids};
use crate::repo::{Entry, MAX_FILE_BYTES, RepoError, RepoView, SCAN_BYTES};
use crate::text;
use crate::yaml::Path;

/// Package manifests (vendored crates, installed Python packages) read at most: one per
/// dependency, so this bounds the work on a huge vendor tree or virtual environment.
const MAX_MANIFESTS: usize = 5_000;
/// Problems listed in the evidence, at most; the rest are counted.
const MAX_LISTED: usize = 20;
/// Problems named in the message, at most.
const MAX_NAMED: usize = 3;
/// A licence statement longer than this is cut in messages and evidence.
const MAX_STATED_CHARS: usize = 80;

/// Virtual environments and package folders searched for `*.dist-info/METADATA`, and how
/// deep: `.venv/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA` is five levels
/// down (four on Windows, `.venv/Lib/site-packages/…`).
const PYTHON_FOLDERS: &[(&str, usize)] = &[(".venv", 5), ("venv", 5), ("site-packages", 2)];

/// Licences neither OSI-approved nor FSF-libre in the SPDX list, yet permissive and common
/// in package registries (Python's own licence, Pillow's, SQLite's blessing…).
const PERMISSIVE_UNFLAGGED: &[&str] = &[
    "BSD-2-Clause-Views",
    "CC-BY-3.0",
    "MIT-CMU",
    "PSF-2.0",
    "blessing",
    "bzip2-1.0.6",
    "libpng-2.0",
];

/// Copyleft licences whose terms stop at the file or the library (most of them flagged
/// copyleft in the SPDX list): a project may use such a dependency under any licence.
const WEAK_COPYLEFT: &[&str] = &[
    "CDDL-", "CECILL-B", "CECILL-C", "CPL-", "EPL-", "LGPL-", "MPL-", "MS-PL", "MS-RL", "NPL-",
    "SISSL", "YPL-",
];

/// Strong copyleft licences the SPDX list does not flag as copyleft.
const STRONG_UNFLAGGED: &[&str] = &["RPL-", "Sleepycat"];

/// Exceptions that let code under a GNU licence be linked into a work under any licence.
const LINKING_EXCEPTIONS: &[&str] = &[
    "Classpath-exception-2.0",
    "GCC-exception-2.0",
    "GCC-exception-3.1",
    "Linux-syscall-note",
    "LLVM-exception",
    "Universal-FOSS-exception-1.0",
    "WxWindows-exception-3.1",
    "eCos-exception-2.0",
];

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DependencySpec {
    /// What a dependency counts as when its metadata states no licence, or none ospo can
    /// read as SPDX (`fail` by default).
    #[serde(default)]
    pub unknown: Unknown,
    /// Licences accepted in any dependency, whatever they are: SPDX ids or
    /// `LicenseRef-…`; `*` stands for any run of characters (`LicenseRef-Acme-*`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
    /// Packages left out of the judgement, by name, once someone has reviewed them; `*`
    /// stands for any run of characters (`@acme/*`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// Whether the packages a lockfile marks as needed only for development count; they
    /// are not shipped, so they do not by default.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub include_dev: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Unknown {
    /// An unknown licence is a problem: nobody can say the package may be shipped.
    #[default]
    Fail,
    /// Unknown licences are counted, not judged.
    Pass,
}

#[derive(Debug, Clone)]
pub struct DependencyProbe {
    unknown: Unknown,
    allow: Vec<Regex>,
    ignore: Vec<Regex>,
    include_dev: bool,
}

/// Why a dependency is a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// A strong copyleft licence the project's licence cannot be combined with.
    StrongCopyleft,
    /// A licence neither OSI-approved nor FSF-libre, a `LicenseRef-…`, or a proprietary
    /// statement (`UNLICENSED`, `SEE LICENSE IN …`, `proprietary`).
    NotFree,
    /// No licence stated, or none that reads as an SPDX expression.
    Unknown,
}

/// A dependency that is a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub name: String,
    pub version: String,
    /// The licence as an SPDX expression, or as the metadata states it (shortened); none
    /// when it states nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    pub reason: Reason,
    /// The file the dependency was read from.
    pub source: String,
}

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreadable {
    pub path: String,
    pub error: String,
}

/// What the probe read and found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The project's licence the dependencies were judged against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// The files read: lockfiles by path, package manifests by pattern.
    pub sources: Vec<String>,
    /// Dependencies counted (development ones only with `include-dev`).
    pub total: usize,
    /// How many dependencies carry each licence; `unknown` for those without one.
    pub by_licence: BTreeMap<String, usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    #[serde(default, skip_serializing_if = "super::is_zero")]
    pub more_conflicts: usize,
    /// Development dependencies left out.
    #[serde(default, skip_serializing_if = "super::is_zero")]
    pub dev_left_out: usize,
    /// Dependencies the checklist ignores.
    #[serde(default, skip_serializing_if = "super::is_zero")]
    pub ignored: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<Unreadable>,
    /// Package manifests past the cap, not read.
    #[serde(default, skip_serializing_if = "super::is_zero")]
    pub unread: usize,
}

impl DependencySpec {
    pub fn compile(&self) -> Result<DependencyProbe, Vec<Problem>> {
        let mut problems = Vec::new();
        for (index, id) in self.allow.iter().enumerate() {
            let message = if id.trim_matches('*').is_empty() {
                format!("`{id}` would accept every licence: leave the item out instead")
            } else if spdx::license_id(id).is_some()
                || id.starts_with("LicenseRef-")
                || id.contains('*')
            {
                continue;
            } else {
                format!("`{id}` is not an SPDX licence id, a `LicenseRef-…` or a pattern with `*`")
            };
            problems.push(Problem {
                path: Path::default().key("allow").index(index),
                message,
            });
        }
        for (index, name) in self.ignore.iter().enumerate() {
            if name.trim().is_empty() {
                problems.push(Problem {
                    path: Path::default().key("ignore").index(index),
                    message: "an empty package name ignores nothing".into(),
                });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(DependencyProbe {
            unknown: self.unknown,
            allow: self.allow.iter().map(|id| wildcard(id)).collect(),
            ignore: self.ignore.iter().map(|name| wildcard(name)).collect(),
            include_dev: self.include_dev,
        })
    }
}

/// A case-insensitive, anchored pattern where `*` stands for any run of characters.
fn wildcard(pattern: &str) -> Regex {
    let pattern = format!("(?i)^{}$", regex::escape(pattern).replace(r"\*", ".*"));
    Regex::new(&pattern).expect("an escaped text is a valid pattern")
}

/// The kinds of files that state dependency licences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    PackageLock,
    ComposerLock,
    CrateManifest,
    PythonMetadata,
}

/// A file to read, and what it is.
struct Candidate {
    entry: Entry,
    kind: Kind,
}

/// A dependency, and the file it was read from.
struct Read {
    dependency: Dependency,
    source: String,
}

impl DependencyProbe {
    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let repo = context.repo;
        let candidates = match find(repo) {
            Ok(candidates) => candidates,
            Err(error) => return Outcome::unlisted(&error),
        };
        if candidates.is_empty() {
            return Outcome::new(
                Status::Skip,
                text!(
                    "nothing to read offline: no package-lock.json, npm-shrinkwrap.json or composer.lock at the root, no vendor/*/Cargo.toml, no *.dist-info/METADATA in .venv, venv or site-packages",
                    "rien à lire hors ligne : ni package-lock.json, npm-shrinkwrap.json ou composer.lock à la racine, ni vendor/*/Cargo.toml, ni *.dist-info/METADATA dans .venv, venv ou site-packages"
                ),
            );
        }
        let project = match super::licence::findings(context) {
            Ok(findings) => findings.expression().map(str::to_owned),
            Err(outcome) => return outcome.clone(),
        };
        let (read, mut summary) = read_all(repo, candidates);
        summary.project = project;
        self.judge_all(read, summary)
    }

    /// Judges every dependency read and words the outcome.
    fn judge_all(&self, read: Vec<Read>, mut summary: Summary) -> Outcome {
        let project_ids = summary
            .project
            .as_deref()
            .map(licence_ids)
            .unwrap_or_default();
        let mut conflicts = Vec::new();
        let mut unknown_accepted = 0usize;
        for Read { dependency, source } in read {
            if dependency.dev && !self.include_dev {
                summary.dev_left_out += 1;
                continue;
            }
            summary.total += 1;
            let key = dependency.licence.as_deref().unwrap_or("unknown");
            *summary.by_licence.entry(key.to_owned()).or_default() += 1;
            if self
                .ignore
                .iter()
                .any(|name| name.is_match(&dependency.name))
            {
                summary.ignored += 1;
                continue;
            }
            match self.judge(&dependency, &project_ids) {
                Verdict::Accepted => {}
                Verdict::UnknownAccepted => unknown_accepted += 1,
                Verdict::Problem(reason) => conflicts.push(Conflict {
                    licence: dependency
                        .licence
                        .clone()
                        .or_else(|| dependency.stated.as_deref().map(shortened)),
                    name: dependency.name,
                    version: dependency.version,
                    reason,
                    source,
                }),
            }
        }
        conflicts.sort_by(|a, b| {
            (&a.name, &a.version, &a.source).cmp(&(&b.name, &b.version, &b.source))
        });
        let count = conflicts.len();
        let named = conflicts
            .iter()
            .take(MAX_NAMED)
            .map(describe)
            .collect::<Vec<_>>();
        summary.more_conflicts = count.saturating_sub(MAX_LISTED);
        conflicts.truncate(MAX_LISTED);
        summary.conflicts = conflicts;

        let notes = notes(&summary, unknown_accepted);
        let unreadable = unreadable_note(&summary.unreadable);
        let total = summary.total;
        let (status, message) = if count > 0 {
            let project = project_phrase(summary.project.as_deref());
            let list = join(&named, count);
            let (project_en, project_fr) = (&project.en, &project.fr);
            let (list_en, list_fr) = (&list.en, &list.fr);
            let head = if total == 1 {
                text!(
                    "the only dependency is a problem for {project_en}: {list_en}",
                    "l'unique dépendance pose problème pour {project_fr} : {list_fr}"
                )
            } else if count == 1 {
                text!(
                    "1 of {total} dependencies is a problem for {project_en}: {list_en}",
                    "1 dépendance sur {total} pose problème pour {project_fr} : {list_fr}"
                )
            } else {
                text!(
                    "{count} of {total} dependencies are a problem for {project_en}: {list_en}",
                    "{count} dépendances sur {total} posent problème pour {project_fr} : {list_fr}"
                )
            };
            (Status::Fail, Text::join(&[head, unreadable, notes], "", ""))
        } else if !summary.unreadable.is_empty() {
            let head = unreadable_head(&summary.unreadable);
            (Status::Fail, Text::join(&[head, notes], "", ""))
        } else {
            let sources = summary.sources.join(", ");
            let verdict = match (total, summary.project.as_deref()) {
                (1, Some(project)) => text!(
                    "not a problem for the project's licence ({project})",
                    "sans problème pour la licence du projet ({project})"
                ),
                (1, None) => Text::new(
                    "not a problem, though the project's licence is not identified",
                    "sans problème, mais la licence du projet n'est pas identifiée",
                ),
                (_, Some(project)) => text!(
                    "none is a problem for the project's licence ({project})",
                    "aucune ne pose problème pour la licence du projet ({project})"
                ),
                (_, None) => Text::new(
                    "none is a problem, though the project's licence is not identified",
                    "aucune ne pose problème, mais la licence du projet n'est pas identifiée",
                ),
            };
            let (verdict_en, verdict_fr) = (&verdict.en, &verdict.fr);
            let head = match total {
                0 => text!(
                    "no dependency to judge in {sources}",
                    "aucune dépendance à évaluer dans {sources}"
                ),
                1 => text!(
                    "1 dependency read from {sources}: {verdict_en}",
                    "1 dépendance lue dans {sources} : {verdict_fr}"
                ),
                _ => text!(
                    "{total} dependencies read from {sources}: {verdict_en}",
                    "{total} dépendances lues dans {sources} : {verdict_fr}"
                ),
            };
            (Status::Pass, Text::join(&[head, notes], "", ""))
        };
        Outcome::new(status, message).with(Evidence::Dependencies(summary))
    }

    /// Whether one dependency may be shipped with the project.
    fn judge(&self, dependency: &Dependency, project_ids: &[String]) -> Verdict {
        let parsed = dependency
            .licence
            .as_deref()
            .and_then(|licence| spdx::Expression::parse_mode(licence, spdx::ParseMode::LAX).ok());
        let Some(expression) = parsed else {
            if dependency.stated.as_deref().is_some_and(states_proprietary) {
                return Verdict::Problem(Reason::NotFree);
            }
            return match self.unknown {
                Unknown::Fail => Verdict::Problem(Reason::Unknown),
                Unknown::Pass => Verdict::UnknownAccepted,
            };
        };
        let mut first_problem = None;
        let accepted =
            expression.evaluate(
                |requirement| match self.requirement(requirement, project_ids) {
                    None => true,
                    Some(reason) => {
                        first_problem.get_or_insert(reason);
                        false
                    }
                },
            );
        match (accepted, first_problem) {
            (false, Some(reason)) => Verdict::Problem(reason),
            _ => Verdict::Accepted,
        }
    }

    /// What is wrong with one licence of an expression, if anything.
    fn requirement(&self, requirement: &LicenseReq, project_ids: &[String]) -> Option<Reason> {
        let (id, or_later) = match &requirement.license {
            LicenseItem::Spdx { id, or_later } => (*id, *or_later),
            LicenseItem::Other(reference) => {
                let reference = reference.to_string();
                return (!self.allows(&reference)).then_some(Reason::NotFree);
            }
        };
        if self.allows(id.name) {
            return None;
        }
        if !(id.is_osi_approved()
            || id.is_fsf_free_libre()
            || PERMISSIVE_UNFLAGGED.contains(&id.name))
        {
            return Some(Reason::NotFree);
        }
        let linking_exception = requirement
            .addition
            .as_ref()
            .is_some_and(|addition| LINKING_EXCEPTIONS.contains(&addition.to_string().as_str()));
        if !is_strong_copyleft(id) || linking_exception {
            return None;
        }
        let written = if or_later && !id.name.ends_with("-or-later") {
            format!("{}-or-later", id.name.trim_end_matches("-only"))
        } else {
            id.name.to_owned()
        };
        let combines = project_ids
            .iter()
            .any(|project| combines(&written, project));
        (!combines).then_some(Reason::StrongCopyleft)
    }

    fn allows(&self, id: &str) -> bool {
        self.allow.iter().any(|pattern| pattern.is_match(id))
    }
}

enum Verdict {
    Accepted,
    UnknownAccepted,
    Problem(Reason),
}

/// Whether a licence is a strong copyleft: flagged copyleft in the SPDX list and not a
/// weak one, or one of the few the list does not flag.
fn is_strong_copyleft(id: spdx::LicenseId) -> bool {
    let named = |prefixes: &[&str]| prefixes.iter().any(|prefix| id.name.starts_with(prefix));
    if named(WEAK_COPYLEFT)
        || id.name.contains("-with-classpath-exception")
        || id.name.contains("-with-GCC-exception")
    {
        return false;
    }
    id.is_copyleft() || named(STRONG_UNFLAGGED)
}

/// Whether code under the strong copyleft licence `dependency` may go into a work under
/// `project` (both SPDX ids): the same licence, or for the GNU licences a version both
/// allow, GPL-3.0 and AGPL-3.0 combining (section 13 of each says so).
fn combines(dependency: &str, project: &str) -> bool {
    let (dependency_family, dependency_version, dependency_later) = parts(dependency);
    let (project_family, project_version, project_later) = parts(project);
    let gnu = |family: &str| family == "GPL" || family == "AGPL";
    if !gnu(dependency_family) || !gnu(project_family) {
        return dependency_family == project_family && dependency_version == project_version;
    }
    let allows = |version: &str, later: bool, candidate: &str| {
        version == candidate || (later && candidate > version)
    };
    ["1.0", "2.0", "3.0"].iter().any(|candidate| {
        allows(dependency_version, dependency_later, candidate)
            && allows(project_version, project_later, candidate)
            && (dependency_family == project_family || *candidate == "3.0")
    })
}

/// An id's family, version and whether later versions apply: `GPL-2.0-or-later` →
/// (`GPL`, `2.0`, true), `CC-BY-SA-4.0` → (`CC-BY-SA`, `4.0`, false), `Sleepycat` →
/// (`Sleepycat`, ``, false).
fn parts(id: &str) -> (&str, &str, bool) {
    let later = id.ends_with("-or-later") || id.ends_with('+');
    let base = id
        .trim_end_matches('+')
        .trim_end_matches("-or-later")
        .trim_end_matches("-only");
    match base.rsplit_once('-') {
        Some((family, version)) if version.starts_with(|c: char| c.is_ascii_digit()) => {
            (family, version, later)
        }
        _ => (base, "", later),
    }
}

/// Whether a licence statement that is not an SPDX expression says the package is not
/// free: npm's `UNLICENSED` and `SEE LICENSE IN …`, Composer's `proprietary`.
fn states_proprietary(stated: &str) -> bool {
    let stated = stated.trim().to_ascii_lowercase();
    stated == "unlicensed"
        || stated.starts_with("see license in")
        || stated.starts_with("see licence in")
        || stated.contains("proprietary")
        || stated == "commercial"
}

/// A statement on one line, cut to a readable length.
fn shortened(stated: &str) -> String {
    let line = stated.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= MAX_STATED_CHARS {
        return line;
    }
    let cut: String = line.chars().take(MAX_STATED_CHARS).collect();
    format!("{cut}…")
}

/// `name version (licence, reason)`, for the message.
fn describe(conflict: &Conflict) -> Text {
    let package = if conflict.version.is_empty() {
        conflict.name.clone()
    } else {
        format!("{} {}", conflict.name, conflict.version)
    };
    let reason = match conflict.reason {
        Reason::StrongCopyleft => Text::new("strong copyleft", "copyleft fort"),
        Reason::NotFree => Text::new("not a free licence", "licence non libre"),
        Reason::Unknown => Text::new("licence unknown", "licence inconnue"),
    };
    let (reason_en, reason_fr) = (&reason.en, &reason.fr);
    match &conflict.licence {
        Some(licence) => text!(
            "{package} ({licence}: {reason_en})",
            "{package} ({licence} : {reason_fr})"
        ),
        None => text!(
            "{package} (no licence stated)",
            "{package} (aucune licence indiquée)"
        ),
    }
}

/// The packages named, and how many more there are.
fn join(named: &[Text], count: usize) -> Text {
    let joined = Text::join(named, ", ", ", ");
    let more = count - named.len();
    if more == 0 {
        joined
    } else {
        let (en, fr) = (&joined.en, &joined.fr);
        text!("{en}, and {more} more", "{fr}, et {more} de plus")
    }
}

fn project_phrase(project: Option<&str>) -> Text {
    match project {
        Some(project) => text!(
            "the project's licence ({project})",
            "la licence du projet ({project})"
        ),
        None => Text::new(
            "the project, whose licence is not identified",
            "le projet, dont la licence n'est pas identifiée",
        ),
    }
}

/// What the outcome adds about what was left out or not read.
fn notes(summary: &Summary, unknown_accepted: usize) -> Text {
    let mut notes = Vec::new();
    match summary.dev_left_out {
        0 => {}
        1 => notes.push(Text::new(
            "1 development dependency left out",
            "1 dépendance de développement écartée",
        )),
        dev => notes.push(text!(
            "{dev} development dependencies left out",
            "{dev} dépendances de développement écartées"
        )),
    }
    match summary.ignored {
        0 => {}
        1 => notes.push(Text::new("1 ignored", "1 ignorée")),
        ignored => notes.push(text!("{ignored} ignored", "{ignored} ignorées")),
    }
    match unknown_accepted {
        0 => {}
        1 => notes.push(Text::new(
            "1 of unknown licence accepted",
            "1 de licence inconnue acceptée",
        )),
        unknown => notes.push(text!(
            "{unknown} of unknown licence accepted",
            "{unknown} de licence inconnue acceptées"
        )),
    }
    let unread = summary.unread;
    if unread > 0 {
        notes.push(text!(
            "{unread} package manifests past the first {MAX_MANIFESTS} not read",
            "{unread} manifestes de paquets au-delà des {MAX_MANIFESTS} premiers non lus"
        ));
    }
    if notes.is_empty() {
        return Text::default();
    }
    let joined = Text::join(&notes, "; ", " ; ");
    let (en, fr) = (&joined.en, &joined.fr);
    text!("; {en}", " ; {fr}")
}

/// The first file that could not be read, and how many others.
fn unreadable_head(unreadable: &[Unreadable]) -> Text {
    let Some(first) = unreadable.first() else {
        return Text::default();
    };
    let (path, error) = (&first.path, &first.error);
    let others = unreadable.len() - 1;
    let more = match others {
        0 => Text::default(),
        1 => Text::new(", and 1 other file", ", et 1 autre fichier"),
        _ => text!(
            ", and {others} other files",
            ", et {others} autres fichiers"
        ),
    };
    let (more_en, more_fr) = (&more.en, &more.fr);
    text!(
        "cannot read {path}: {error}{more_en}",
        "impossible de lire {path} : {error}{more_fr}"
    )
}

fn unreadable_note(unreadable: &[Unreadable]) -> Text {
    if unreadable.is_empty() {
        return Text::default();
    }
    let head = unreadable_head(unreadable);
    let (head_en, head_fr) = (&head.en, &head.fr);
    text!("; {head_en}", " ; {head_fr}")
}

/// The files that state dependency licences, lockfiles first, then at most
/// [`MAX_MANIFESTS`] package manifests in path order.
fn find(repo: &RepoView) -> Result<Vec<Candidate>, RepoError> {
    let mut found = Vec::new();
    let root = repo.list(".", 1)?;
    let at_root = |name: &str| root.iter().find(|entry| entry.path == name).cloned();
    // npm installs from the shrinkwrap when both exist.
    if let Some(entry) = at_root("npm-shrinkwrap.json").or_else(|| at_root("package-lock.json")) {
        found.push(Candidate {
            entry,
            kind: Kind::PackageLock,
        });
    }
    if let Some(entry) = at_root("composer.lock") {
        found.push(Candidate {
            entry,
            kind: Kind::ComposerLock,
        });
    }
    // `list` does not walk into vendor/ from above; listed by name, two levels show each
    // crate's own files and nothing of its sources.
    for entry in repo.list("vendor", 2)?.iter() {
        let parts: Vec<&str> = entry.path.split('/').collect();
        if let ["vendor", _, "Cargo.toml"] = parts.as_slice() {
            found.push(Candidate {
                entry: entry.clone(),
                kind: Kind::CrateManifest,
            });
        }
    }
    for (folder, depth) in PYTHON_FOLDERS {
        for entry in repo.list(folder, *depth)?.iter() {
            if is_installed_metadata(&entry.path) {
                found.push(Candidate {
                    entry: entry.clone(),
                    kind: Kind::PythonMetadata,
                });
            }
        }
    }
    Ok(found)
}

/// `…/site-packages/<package>.dist-info/METADATA`.
fn is_installed_metadata(path: &str) -> bool {
    let mut parts = path.rsplit('/');
    parts.next() == Some("METADATA")
        && parts.next().is_some_and(|dir| dir.ends_with(".dist-info"))
        && parts.next() == Some("site-packages")
}

/// Reads every file found, keeping what cannot be read and why.
fn read_all(repo: &RepoView, candidates: Vec<Candidate>) -> (Vec<Read>, Summary) {
    let mut summary = Summary {
        project: None,
        sources: Vec::new(),
        total: 0,
        by_licence: BTreeMap::new(),
        conflicts: Vec::new(),
        more_conflicts: 0,
        dev_left_out: 0,
        ignored: 0,
        unreadable: Vec::new(),
        unread: 0,
    };
    let mut read = Vec::new();
    let mut manifests = 0usize;
    for Candidate { entry, kind } in candidates {
        let is_manifest = matches!(kind, Kind::CrateManifest | Kind::PythonMetadata);
        if is_manifest {
            if manifests == MAX_MANIFESTS {
                summary.unread += 1;
                continue;
            }
            manifests += 1;
        }
        // A lockfile is read whole (a truncated one is not JSON); a manifest's licence is
        // in its first lines.
        let limit = if is_manifest {
            SCAN_BYTES
        } else {
            MAX_FILE_BYTES as usize
        };
        let dependencies = repo
            .read(&entry, limit)
            .map_err(|error| error.to_string())
            .and_then(|content| {
                let bytes = &content.bytes;
                let parsed = match kind {
                    Kind::PackageLock => readers::read_package_lock(bytes),
                    Kind::ComposerLock => readers::read_composer_lock(bytes),
                    Kind::CrateManifest => readers::read_crate_manifest(bytes).map(Vec::from_iter),
                    Kind::PythonMetadata => {
                        readers::read_python_metadata(bytes).map(Vec::from_iter)
                    }
                };
                parsed.map_err(|error| error.message)
            });
        match dependencies {
            Ok(dependencies) => {
                let source = source_name(&entry.path, kind);
                if !summary.sources.contains(&source) {
                    summary.sources.push(source);
                }
                read.extend(dependencies.into_iter().map(|dependency| Read {
                    dependency,
                    source: entry.path.clone(),
                }));
            }
            Err(error) => summary.unreadable.push(Unreadable {
                path: entry.path,
                error,
            }),
        }
    }
    summary.sources.sort();
    (read, summary)
}

/// How the sources are named in the summary: a lockfile by its path, package manifests by
/// the pattern of their paths, so that a thousand crates make one line.
fn source_name(path: &str, kind: Kind) -> String {
    match kind {
        Kind::PackageLock | Kind::ComposerLock => path.to_owned(),
        Kind::CrateManifest => "vendor/*/Cargo.toml".to_owned(),
        Kind::PythonMetadata => {
            let site_packages = crate::repo::parent(crate::repo::parent(path));
            format!("{site_packages}/*.dist-info/METADATA")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gnu_licences_combine_on_a_version_both_allow() {
        let cases = [
            ("GPL-3.0-only", "GPL-3.0-only", true),
            ("GPL-3.0-only", "GPL-3.0-or-later", true),
            ("GPL-3.0-or-later", "GPL-2.0-or-later", true),
            ("GPL-2.0-or-later", "GPL-3.0-only", true),
            ("GPL-2.0-only", "GPL-3.0-only", false),
            ("GPL-3.0-only", "GPL-2.0-only", false),
            ("AGPL-3.0-only", "GPL-3.0-only", true),
            ("GPL-3.0-only", "AGPL-3.0-or-later", true),
            ("GPL-2.0-only", "AGPL-3.0-only", false),
            ("GPL-3.0-only", "MIT", false),
            ("EUPL-1.2", "EUPL-1.2", true),
            ("EUPL-1.2", "EUPL-1.1", false),
            ("OSL-3.0", "GPL-3.0-only", false),
        ];
        for (dependency, project, expected) in cases {
            assert_eq!(
                combines(dependency, project),
                expected,
                "{dependency} in {project}"
            );
        }
    }

    #[test]
    fn ids_split_into_family_version_and_later() {
        assert_eq!(parts("GPL-2.0-or-later"), ("GPL", "2.0", true));
        assert_eq!(parts("GPL-2.0+"), ("GPL", "2.0", true));
        assert_eq!(parts("AGPL-3.0-only"), ("AGPL", "3.0", false));
        assert_eq!(parts("CC-BY-SA-4.0"), ("CC-BY-SA", "4.0", false));
        assert_eq!(parts("Sleepycat"), ("Sleepycat", "", false));
    }

    #[test]
    fn strong_and_weak_copyleft() {
        let strong = |id: &str| is_strong_copyleft(spdx::license_id(id).unwrap());
        for id in [
            "GPL-2.0-only",
            "AGPL-3.0-or-later",
            "EUPL-1.2",
            "OSL-3.0",
            "CC-BY-SA-4.0",
            "Sleepycat",
            "RPL-1.5",
        ] {
            assert!(strong(id), "{id}");
        }
        for id in [
            "LGPL-2.1-or-later",
            "MPL-2.0",
            "EPL-2.0",
            "CDDL-1.0",
            "CECILL-C",
            "MIT",
            "GPL-2.0-with-classpath-exception",
        ] {
            assert!(!strong(id), "{id}");
        }
    }

    #[test]
    fn linking_exceptions_lift_the_copyleft() {
        let probe = DependencySpec::default().compile().unwrap();
        let judged = |licence: &str| {
            let dependency = Dependency {
                name: "x".into(),
                version: "1".into(),
                licence: Some(licence.into()),
                stated: Some(licence.into()),
                source: readers::Source::PackageLock,
                dev: false,
            };
            match probe.judge(&dependency, &["MIT".to_owned()]) {
                Verdict::Accepted => None,
                Verdict::UnknownAccepted => Some(Reason::Unknown),
                Verdict::Problem(reason) => Some(reason),
            }
        };
        assert_eq!(judged("GPL-2.0-only WITH Classpath-exception-2.0"), None);
        assert_eq!(
            judged("GPL-3.0-or-later WITH Autoconf-exception-3.0"),
            Some(Reason::StrongCopyleft)
        );
        assert_eq!(judged("PSF-2.0"), None);
        assert_eq!(judged("BUSL-1.1"), Some(Reason::NotFree));
    }
}

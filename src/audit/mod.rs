//! Auditing many repositories in one run: find them ([`discover`]), check each on every
//! core, one repository view per task, and sum the results up ([`summary`]).
//!
//! A repository that cannot be read becomes one error row and the run goes on. Rows are
//! sorted by path, so the same repositories give the same bytes; the summary is computed
//! from the rows alone, so shards merged ([`merge`]) give what one run gives.

pub mod discover;
pub mod merge;
pub mod summary;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::check::{self, Options};
use crate::checklist::Checklist;
use crate::i18n::{Lang, Text};
use crate::project;
use crate::repo::RepoView;
use crate::report::{Report, Tool};
use crate::text;

pub use discover::{Shard, discover};
pub use summary::Summary;

/// Bumped when a field of the audit formats is renamed or removed, or its meaning changes.
pub const SCHEMA_VERSION: u32 = 1;

/// One run over many repositories.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Audit {
    pub schema_version: u32,
    pub tool: Tool,
    pub language: Lang,
    /// One row a repository, sorted by path.
    pub repositories: Vec<Row>,
    pub summary: Summary,
}

/// A repository's result: its report, or why it could not be checked.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Row {
    Report(Box<Report>),
    Error(RowError),
}

/// A repository that could not be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub path: String,
    pub message: String,
}

impl Row {
    /// The repository's path as the row shows it.
    pub fn path(&self) -> &str {
        match self {
            Row::Report(report) => &report.repository.path,
            Row::Error(error) => &error.path,
        }
    }

    pub fn report(&self) -> Option<&Report> {
        match self {
            Row::Report(report) => Some(report),
            Row::Error(_) => None,
        }
    }
}

/// What an audit is asked to do.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    /// A checklist for every repository; `None`: each repository's `.ospo.yml` choice,
    /// else `default`.
    pub checklist: Option<String>,
    pub check: Options,
    /// Worker threads; 0: one per core.
    pub jobs: usize,
    /// The checklist `checklist` names (else `default`), loaded already: the caller
    /// loads it while it finds the repositories.
    pub loaded: Option<Arc<Checklist>>,
}

impl Audit {
    /// The audit of rows already made (a run's, or merged shards'), sorted by path.
    pub fn of(mut rows: Vec<Row>, language: Lang) -> Audit {
        rows.sort_by(|a, b| a.path().cmp(b.path()));
        let summary = Summary::of(&rows, language);
        Audit {
            schema_version: SCHEMA_VERSION,
            tool: Tool::ospo(),
            language,
            repositories: rows,
            summary,
        }
    }

    /// Whether every repository was checked and passes.
    pub fn passed(&self) -> bool {
        self.summary.passed()
    }
}

/// Checks every repository, `jobs` at a time, calling `progress` after each; rows come
/// back sorted by path.
pub fn run(
    repositories: &[PathBuf],
    options: &AuditOptions,
    progress: &(dyn Fn() + Sync),
) -> Audit {
    let rows = run_each(repositories, options, progress, |row| row);
    Audit::of(
        rows.into_iter().map(|(_, row)| row).collect(),
        options.check.lang,
    )
}

/// [`run`], with `render` called on each row by the worker that made it, while the
/// others check more repositories: its results come back in the audit's row order, with
/// the audit's summary. The rows themselves are not kept, only what the summary needs of
/// each: the memory a report took is the next one's.
pub fn run_rendering<R: Send>(
    repositories: &[PathBuf],
    options: &AuditOptions,
    progress: &(dyn Fn() + Sync),
    render: impl Fn(&Row) -> R + Sync,
) -> (Summary, Vec<R>) {
    let rows = run_each(repositories, options, progress, |row| {
        (render(&row), summary::Digest::of(&row))
    });
    let (rendered, digests): (Vec<R>, Vec<summary::Digest>) =
        rows.into_iter().map(|(_, made)| made).unzip();
    (Summary::of_digests(&digests, options.check.lang), rendered)
}

/// Checks every repository, `jobs` at a time, and makes something of each row on the
/// worker that checked it; those come back sorted by the rows' paths, as an audit's rows.
fn run_each<T: Send>(
    repositories: &[PathBuf],
    options: &AuditOptions,
    progress: &(dyn Fn() + Sync),
    make: impl Fn(Row) -> T + Sync,
) -> Vec<(String, T)> {
    use rayon::prelude::*;
    let checklists = Checklists::default();
    let first = options.checklist.as_deref().unwrap_or("default");
    if let Some(loaded) = &options.loaded
        && let Ok(mut cache) = checklists.loaded.lock()
    {
        cache.insert(first.to_owned(), loaded.clone());
    }
    let audit_one = |path: &PathBuf| {
        let row = audit_one(path, options, &checklists);
        let shown = row.path().to_owned();
        let made = make(row);
        progress();
        (shown, made)
    };
    let mut rows: Vec<(String, T)> = match rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .thread_name(|index| format!("ospo-audit-{index}"))
        .build()
    {
        // The checklist most rows use (the command line's, else `default`) is loaded
        // before the first repository. Its patterns are built by whichever worker is
        // free while the others start on repositories: a probe that needs a pattern
        // another worker is building waits for it, and builds it when nobody has. They
        // are built from the last: checks meet them from the first, and the two meet in
        // the middle rather than one waiting behind the other.
        Ok(pool) => pool.install(|| {
            let loaded = checklists.get(first);
            let prepare = || {
                if let Ok(checklist) = &loaded {
                    checklist.items.par_iter().rev().for_each(|item| {
                        let _ = item.probe.prepare();
                    });
                }
            };
            rayon::join(prepare, || repositories.par_iter().map(audit_one).collect()).1
        }),
        // No thread to be had: one at a time is still an audit.
        Err(_) => repositories.iter().map(audit_one).collect(),
    };
    // Stable, as `Audit::of` sorts its rows.
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

/// The built-in and command-line checklists, loaded once for every repository that uses
/// them (each pattern is built once, by the first probe or worker that needs it).
#[derive(Default)]
struct Checklists {
    loaded: Mutex<HashMap<String, Arc<Checklist>>>,
}

impl Checklists {
    fn get(&self, selector: &str) -> Result<Arc<Checklist>, String> {
        if let Some(found) = self.loaded.lock().map_err(|e| e.to_string())?.get(selector) {
            return Ok(found.clone());
        }
        // A pattern that cannot be built says so in each report, when its probe runs.
        let checklist = Arc::new(
            crate::checklist::load(selector, Path::new(".")).map_err(|error| error.to_string())?,
        );
        let mut loaded = self.loaded.lock().map_err(|e| e.to_string())?;
        Ok(loaded
            .entry(selector.to_owned())
            .or_insert(checklist)
            .clone())
    }
}

/// Enough for the commits and trees the items of one small repository read again.
const OBJECT_CACHE_BYTES: usize = 256 * 1024;

fn audit_one(path: &Path, options: &AuditOptions, checklists: &Checklists) -> Row {
    let lang = options.check.lang;
    // As a report shows its repository: the resolved path, so that rows sort alike.
    let shown = std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    let error = |message: String| {
        Row::Error(RowError {
            path: shown.clone(),
            message,
        })
    };
    // The view's own repository handle says whether HEAD can be read; when the view
    // cannot be opened, the same check on a handle of its own says why first, if it can.
    let repo = match RepoView::open(path, None) {
        Ok(repo) => repo.with_caches(OBJECT_CACHE_BYTES),
        Err(e) => {
            return error(match gix::open(path) {
                Ok(git) => readable_head(&git)
                    .err()
                    .map_or_else(|| e.to_string(), |why| why.get(lang).to_owned()),
                Err(open) => text!(
                    "cannot open the repository: {open}",
                    "impossible d'ouvrir le dépôt : {open}"
                )
                .get(lang)
                .to_owned(),
            });
        }
    };
    if !repo.head_was_read()
        && let Err(why) = readable_head(repo.git())
    {
        return error(why.get(lang).to_owned());
    }
    let project = match project::read(&repo) {
        Ok(project) => project,
        Err(e) => return error(e.to_string()),
    };
    // The command line's checklist, else a built-in one the project names, shared; a
    // checklist file of the project's own is read from its repository.
    let shared = match (&options.checklist, &project.checklist) {
        (Some(selector), _) => Some(checklists.get(selector)),
        (None, Some(selector)) if crate::checklist::builtin::name(selector).is_some() => {
            Some(checklists.get(selector))
        }
        (None, Some(_)) => None,
        (None, None) => Some(checklists.get("default")),
    };
    let own;
    let checklist: &Checklist = match shared {
        Some(Ok(checklist)) => {
            own = checklist;
            &own
        }
        Some(Err(message)) => return error(message),
        None => match check::select_checklist(None, &project, Some(&repo)) {
            Ok(checklist) => {
                own = Arc::new(checklist);
                &own
            }
            Err(e) => return error(e.to_string()),
        },
    };
    let mut check_options = options.check;
    check_options.probes_prepared = true;
    Row::Report(Box::new(check::run(
        checklist,
        &repo,
        &project,
        check_options,
    )))
}

/// Whether the repository has a commit whose object and tree can be read: a repository
/// with its objects gone, or no commit yet, is one error row rather than a report of
/// failures nobody can fix from it.
fn readable_head(repo: &gix::Repository) -> Result<(), Text> {
    let mut head = repo
        .head()
        .map_err(|e| text!("cannot read HEAD: {e}", "impossible de lire HEAD : {e}"))?;
    if head.is_unborn() {
        return Err(text!(
            "HEAD is unborn: the repository has no commit yet",
            "HEAD ne désigne aucun commit : le dépôt n'en a pas encore"
        ));
    }
    let unreadable = |e: &dyn std::fmt::Display| {
        text!(
            "cannot read the HEAD commit: {e}",
            "impossible de lire le commit HEAD : {e}"
        )
    };
    let commit = head.peel_to_commit().map_err(|e| unreadable(&e))?;
    let tree = commit.tree_id().map_err(|e| unreadable(&e))?;
    repo.find_object(tree).map_err(|e| {
        text!(
            "cannot read the HEAD tree: {e}",
            "impossible de lire l'arbre de HEAD : {e}"
        )
    })?;
    Ok(())
}

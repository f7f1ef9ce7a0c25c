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

pub use discover::{Discovered, Shard, Unreadable, discover};
pub use summary::Summary;

/// Bumped when a field of the audit formats is renamed or removed, or its meaning changes.
/// Version 2: the rows are reports of schema version 2; the summary has the verified and
/// declared spreads beside the overall one, and each item's `failing` leaves open
/// questions out (its `open` counts them).
pub const SCHEMA_VERSION: u32 = 2;

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
    /// A checklist for every repository; `None`: `default`, or the built-in checklist a
    /// repository's `.ospo.yml` names (its own checklist file only when
    /// `trust_repo_checklists`).
    pub checklist: Option<String>,
    /// Whether a checklist file a repository names for itself is used for it
    /// (`--trust-repo-checklists`). Such a file is written by whoever can commit to the
    /// repository: by default the audit's own checklist is used, and the row says so.
    pub trust_repo_checklists: bool,
    pub check: Options,
    /// Worker threads; 0: one per core. Never more than [`workers`] allows.
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

/// [`run`] over what a search found: its repositories, and an error row for each
/// directory it could not read.
pub fn run_discovered(
    found: &Discovered,
    options: &AuditOptions,
    progress: &(dyn Fn() + Sync),
) -> Audit {
    let lang = options.check.lang;
    let mut rows: Vec<Row> = run_each(&found.repositories, options, progress, |row| row)
        .into_iter()
        .map(|(_, row)| row)
        .collect();
    rows.extend(
        found
            .unreadable
            .iter()
            .map(|dir| unreadable_row(Located::of(&dir.path).shown, &dir.error, lang)),
    );
    Audit::of(rows, lang)
}

/// The row of a directory the search could not read: it may hold repositories, which
/// the audit cannot check, and says so rather than leave them out of the totals.
fn unreadable_row(path: String, error: &str, lang: Lang) -> Row {
    Row::Error(RowError {
        path,
        message: text!(
            "cannot read this directory: {error}; the repositories it may hold are not audited",
            "impossible de lire ce répertoire : {error} ; les dépôts qu'il contiendrait ne sont pas audités"
        )
        .get(lang)
        .to_owned(),
    })
}

/// The repositories of an audit in the order of its rows, each with the path its row
/// will name, as [`run_streaming`] takes them: made apart, so that a caller can make it
/// while it waits for something else (the checklist to load).
pub struct Plan {
    repositories: Vec<(Target, Located)>,
    /// Whether every report will name the path it is sorted by.
    in_place: bool,
}

/// What makes a row of the plan.
enum Target {
    /// A repository to check.
    Repository(PathBuf),
    /// A directory the search could not read, and why: an error row.
    Unreadable(String),
}

impl Plan {
    /// Rows are sorted by the resolved path of their repository: a report names the same
    /// path unless its repository's configuration puts the worktree elsewhere, which a
    /// first look at each repository rules out. The directories the search could not read
    /// take their place among them.
    pub fn of(found: &Discovered) -> Plan {
        let repositories = found
            .repositories
            .iter()
            .map(|path| (Located::of(path), Target::Repository(path.clone())));
        let unreadable = found.unreadable.iter().map(|dir| {
            (
                Located::of(&dir.path),
                Target::Unreadable(dir.error.clone()),
            )
        });
        let mut planned: Vec<(Located, Target)> = repositories.chain(unreadable).collect();
        // Stable, as `Audit::of` sorts its rows.
        planned.sort_by(|a, b| a.0.shown.cmp(&b.0.shown));
        Plan {
            in_place: found
                .repositories
                .iter()
                .all(|path| worktree_in_place(path)),
            repositories: planned
                .into_iter()
                .map(|(at, target)| (target, at))
                .collect(),
        }
    }
}

/// [`run`] for rows written as they are made: `render` makes each row's output on the
/// worker that checked it, and `emit` takes those outputs in the audit's row order, each
/// as soon as the rows before it are done. The rows are not kept, only what the summary
/// needs of each: memory holds a few rows at a time, however many repositories there are.
/// When a row could name another path than the one it was sorted by ([`Plan::of`]), the
/// outputs wait for the end of the run, to be sorted by the rows' paths.
pub fn run_streaming<R: Send>(
    plan: &Plan,
    options: &AuditOptions,
    progress: &(dyn Fn() + Sync),
    render: impl Fn(&Row) -> R + Sync,
    emit: impl FnMut(R) + Send,
) -> Summary {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let checklists = Checklists::new(options);
    let work = || {
        let emitter = Mutex::new(Emitter {
            streaming: plan.in_place,
            next: 0,
            waiting: std::collections::BTreeMap::new(),
            emit,
            digests: Vec::with_capacity(plan.repositories.len()),
        });
        // Each worker takes the next repository in row order, so that rows are done
        // nearly in the order they are written.
        let taken = AtomicUsize::new(0);
        let workers = rayon::current_num_threads().max(1);
        (0..workers).into_par_iter().for_each(|_| {
            loop {
                let index = taken.fetch_add(1, Ordering::Relaxed);
                let Some((target, located)) = plan.repositories.get(index) else {
                    break;
                };
                let row = match target {
                    Target::Repository(path) => {
                        audit_one(path, located.clone(), options, &checklists)
                    }
                    Target::Unreadable(error) => {
                        unreadable_row(located.shown.clone(), error, options.check.lang)
                    }
                };
                let done = Done {
                    rendered: render(&row),
                    digest: summary::Digest::of(&row),
                    path: row.path().to_owned(),
                };
                drop(row);
                // The progress is the repositories'.
                if let Target::Repository(_) = target {
                    progress();
                }
                if let Ok(mut emitter) = emitter.lock() {
                    emitter.push(index, done, &located.shown);
                }
            }
        });
        emitter.into_inner().ok().map(Emitter::finish)
    };
    let digests = checklists
        .in_pool(options, plan.repositories.len(), work)
        .unwrap_or_default();
    Summary::of_digests(&digests, options.check.lang)
}

/// A row's output, what the summary needs of it, and its path.
struct Done<R> {
    rendered: R,
    digest: summary::Digest,
    path: String,
}

/// Puts rows back in order: each waits until the rows before it are emitted.
struct Emitter<R, E> {
    /// Whether rows are emitted as they come; otherwise at the end.
    streaming: bool,
    /// The row order of the next row to emit.
    next: usize,
    waiting: std::collections::BTreeMap<usize, Done<R>>,
    emit: E,
    /// Of the rows emitted, in order.
    digests: Vec<summary::Digest>,
}

impl<R, E: FnMut(R)> Emitter<R, E> {
    fn push(&mut self, index: usize, done: Done<R>, shown: &str) {
        // A report naming another path than the one it was sorted by: the rest waits.
        self.streaming &= done.path == shown;
        self.waiting.insert(index, done);
        while self.streaming {
            let Some(done) = self.waiting.remove(&self.next) else {
                break;
            };
            self.next += 1;
            self.send(done);
        }
    }

    fn send(&mut self, done: Done<R>) {
        self.digests.push(done.digest);
        (self.emit)(done.rendered);
    }

    /// Emits the rows still waiting, sorted by path, and gives every digest in order.
    fn finish(mut self) -> Vec<summary::Digest> {
        let mut rest: Vec<Done<R>> = std::mem::take(&mut self.waiting).into_values().collect();
        rest.sort_by(|a, b| a.path.cmp(&b.path));
        for done in rest {
            self.send(done);
        }
        self.digests
    }
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
    let checklists = Checklists::new(options);
    let audit_one = |path: &PathBuf| {
        let row = audit_one(path, Located::of(path), options, &checklists);
        let named = row.path().to_owned();
        let made = make(row);
        progress();
        (named, made)
    };
    let mut rows: Vec<(String, T)> = checklists.in_pool(options, repositories.len(), || {
        repositories.par_iter().map(audit_one).collect()
    });
    // Stable, as `Audit::of` sorts its rows.
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

/// Where a repository is: its resolved path, when it resolves, and the path its row
/// shows (the resolved one, so that rows sort alike, else the path as found).
#[derive(Clone)]
struct Located {
    resolved: Option<PathBuf>,
    shown: String,
}

impl Located {
    fn of(path: &Path) -> Located {
        let resolved = std::fs::canonicalize(path).ok();
        let shown = resolved.as_deref().unwrap_or(path).display().to_string();
        Located { resolved, shown }
    }
}

/// Whether a report of the repository at `path` will name `path` itself: a bare
/// repository, or a worktree whose `.git` is a directory. Any mention of a worktree in
/// its configuration (`core.worktree` may move it) answers no, as does a `.git` file.
fn worktree_in_place(path: &Path) -> bool {
    let config = match std::fs::symlink_metadata(path.join(".git")) {
        Ok(meta) if meta.is_dir() => path.join(".git").join("config"),
        Ok(_) => return false,
        Err(_) => path.join("config"),
    };
    // A configuration is a few hundred bytes: one larger than this is not read through,
    // and may say anything; nor is one that is not a regular file (a FIFO would block).
    const READ: u64 = 64 * 1024;
    use crate::repo::bounded::{self, Links};
    match bounded::read(&config, Links::Follow, READ) {
        Ok(Some(text)) => !text
            .to_ascii_lowercase()
            .windows(8)
            .any(|word| word == b"worktree"),
        // No configuration: nothing moves the worktree.
        Ok(None) => true,
        Err(_) => false,
    }
}

/// The built-in and command-line checklists, loaded once for every repository that uses
/// them (each pattern is built once, by the first probe or worker that needs it).
#[derive(Default)]
struct Checklists {
    loaded: Mutex<HashMap<String, Arc<Checklist>>>,
}

impl Checklists {
    /// The checklists, with the one `options` loaded already.
    fn new(options: &AuditOptions) -> Checklists {
        let checklists = Checklists::default();
        if let Some(loaded) = &options.loaded
            && let Ok(mut cache) = checklists.loaded.lock()
        {
            cache.insert(first_checklist(options).to_owned(), loaded.clone());
        }
        checklists
    }

    /// Runs `work`, which checks `tasks` repositories, on a pool of `options.jobs` workers
    /// (one per core for 0), as [`workers`] bounds them.
    ///
    /// The checklist most rows use (the command line's, else `default`) is loaded before
    /// the first repository. Its patterns are built by whichever worker is free while
    /// the others start on repositories: a probe that needs a pattern another worker is
    /// building waits for it, and builds it when nobody has. They are built from the
    /// last: checks meet them from the first, and the two meet in the middle rather than
    /// one waiting behind the other.
    fn in_pool<T: Send>(
        &self,
        options: &AuditOptions,
        tasks: usize,
        work: impl FnOnce() -> T + Send,
    ) -> T {
        use rayon::prelude::*;
        match rayon::ThreadPoolBuilder::new()
            .num_threads(workers(options.jobs, tasks))
            .thread_name(|index| format!("ospo-audit-{index}"))
            .build()
        {
            Ok(pool) => pool.install(|| {
                let loaded = self.get(first_checklist(options));
                let prepare = || {
                    if let Ok(checklist) = &loaded {
                        checklist.items.par_iter().rev().for_each(|item| {
                            let _ = item.probe.prepare();
                        });
                    }
                };
                rayon::join(prepare, work).1
            }),
            // No thread to be had: one at a time is still an audit.
            Err(_) => work(),
        }
    }

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

/// The most workers an audit starts for each core. A check computes more than it waits:
/// four workers a core keep every core busy while three wait for a cold disk or a network
/// filesystem; more would only hold memory (each keeps up to [`KEPT_STORES`] object stores
/// and their mapped packs) and contend for the cores.
pub const JOBS_PER_CORE: usize = 4;

/// The most workers an audit starts, whatever the cores: a thread's stack and its kept
/// stores, many times over, are not worth what a machine of hundreds of cores gains.
pub const MOST_JOBS: usize = 256;

/// The workers that check `tasks` repositories when `jobs` are asked for (0: one per
/// core): never more than the repositories, than [`JOBS_PER_CORE`] a core or than
/// [`MOST_JOBS`], and at least one. `--jobs 65535` for three repositories starts three.
pub fn workers(jobs: usize, tasks: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let asked = if jobs == 0 { cores } else { jobs };
    asked
        .min(JOBS_PER_CORE * cores)
        .min(MOST_JOBS)
        .min(tasks)
        .max(1)
}

/// Enough for the commits and trees the items of one small repository read again.
const OBJECT_CACHE_BYTES: usize = 256 * 1024;

/// The checklist named on the command line, else `default`.
fn first_checklist(options: &AuditOptions) -> &str {
    options.checklist.as_deref().unwrap_or("default")
}

/// The row of the repository at `path`, located by [`Located::of`].
fn audit_one(
    path: &Path,
    located: Located,
    options: &AuditOptions,
    checklists: &Checklists,
) -> Row {
    let Located { resolved, shown } = located;
    let lang = options.check.lang;
    let error = |message: String| {
        Row::Error(RowError {
            path: shown.clone(),
            message,
        })
    };
    // The view's own repository handle says whether HEAD can be read. When the view
    // cannot be opened, its error says why: the repository is not opened again (a second
    // handle would read git's files without the view's checks, and wait on a FIFO).
    let opened = match &resolved {
        Some(resolved) => RepoView::open_resolved(path, resolved, None),
        None => RepoView::open(path, None),
    };
    let repo = match opened {
        Ok(repo) => repo.with_caches(OBJECT_CACHE_BYTES),
        Err(crate::repo::RepoError::NoCommit { .. }) => {
            return error(
                text!(
                    "HEAD is unborn: the repository has no commit yet",
                    "HEAD ne désigne aucun commit : le dépôt n'en a pas encore"
                )
                .get(lang)
                .to_owned(),
            );
        }
        Err(e) => return error(e.to_string()),
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
    // checklist file of the project's own is read from its repository when the audit
    // trusts them, and otherwise left for the audit's own.
    let mut declined = None;
    let shared = match (&options.checklist, &project.checklist) {
        (Some(selector), _) => Some(checklists.get(selector)),
        (None, Some(selector)) if crate::checklist::builtin::name(selector).is_some() => {
            Some(checklists.get(selector))
        }
        (None, Some(_)) if options.trust_repo_checklists => None,
        (None, Some(selector)) => {
            declined = Some(selector.as_str());
            Some(checklists.get(first_checklist(options)))
        }
        (None, None) => Some(checklists.get(first_checklist(options))),
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
    let mut report = check::run(checklist, &repo, &project, check_options);
    if let Some(asked) = declined {
        let note = declined_checklist(&project, asked, &checklist.id);
        report.warnings.insert(0, note.get(lang).to_owned());
    }
    keep_store(&repo);
    Row::Report(Box::new(report))
}

/// How much of the checklist a repository asks for a warning quotes.
const QUOTED_CHARS: usize = 100;

/// The warning of a row whose repository asked for a checklist file of its own, which
/// the audit did not trust: what it asked for (cut short, control characters escaped,
/// since the repository wrote it) and what was used instead.
fn declined_checklist(project: &project::ProjectFile, asked: &str, used: &str) -> Text {
    let file = project.path.as_deref().unwrap_or(".ospo.yml");
    let mut shown: String = asked
        .chars()
        .take(QUOTED_CHARS)
        .flat_map(|c| match c.is_control() {
            true => c.escape_default().collect::<Vec<_>>(),
            false => vec![c],
        })
        .collect();
    if asked.chars().nth(QUOTED_CHARS).is_some() {
        shown.push('…');
    }
    text!(
        "{file} asks for the checklist `{shown}`; this audit used `{used}` instead, since it uses a repository's own checklist only with --trust-repo-checklists",
        "{file} demande la liste de contrôle `{shown}` ; cet audit a utilisé `{used}` à la place, car il n'utilise la liste de contrôle propre à un dépôt qu'avec --trust-repo-checklists"
    )
}

/// How many object stores each worker keeps until the end of an audit ([`keep_store`]).
const KEPT_STORES: usize = 64;

thread_local! {
    /// The object stores of the repositories this worker checked first.
    static KEPT: std::cell::RefCell<Vec<std::rc::Rc<gix::odb::Store>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps the object store of a repository just checked, and the packs it has mapped in
/// memory, until the worker ends with the audit. Unmapping a file while other workers
/// run interrupts each of them, to flush its view of the memory: an audit unmapping two
/// packs a repository lost 6% of its time to that. A worker keeps at most
/// [`KEPT_STORES`], and lets the others go at once; outside an audit's pool, nothing is
/// kept.
fn keep_store(repo: &RepoView) {
    if rayon::current_thread_index().is_none() {
        return;
    }
    KEPT.with_borrow_mut(|kept| {
        if kept.len() < KEPT_STORES {
            kept.push(repo.git().objects.store());
        }
    });
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

#[cfg(test)]
mod tests {
    use super::*;

    fn done(path: &str) -> Done<String> {
        let row = Row::Error(RowError {
            path: path.to_owned(),
            message: "x".into(),
        });
        Done {
            rendered: path.to_owned(),
            digest: summary::Digest::of(&row),
            path: path.to_owned(),
        }
    }

    /// An emitter that streams, emitting into `emitted`.
    fn emitter_into(emitted: &mut Vec<String>) -> Emitter<String, impl FnMut(String) + '_> {
        Emitter {
            streaming: true,
            next: 0,
            waiting: Default::default(),
            emit: |line: String| emitted.push(line),
            digests: Vec::new(),
        }
    }

    #[test]
    fn rows_are_emitted_in_order_as_soon_as_those_before_are_done() {
        let mut emitted = Vec::new();
        let mut emitter = emitter_into(&mut emitted);
        emitter.push(1, done("/b"), "/b");
        assert!(emitter.waiting.contains_key(&1), "waits for row 0");
        emitter.push(0, done("/a"), "/a");
        assert!(emitter.waiting.is_empty());
        emitter.push(3, done("/d"), "/d");
        emitter.push(2, done("/c"), "/c");
        assert_eq!(emitter.finish().len(), 4);
        assert_eq!(emitted, ["/a", "/b", "/c", "/d"]);
    }

    #[test]
    fn a_row_naming_another_path_sends_the_rest_to_the_end_sorted_by_path() {
        let mut emitted = Vec::new();
        let mut emitter = emitter_into(&mut emitted);
        emitter.push(0, done("/a"), "/a");
        // Sorted as `/b`, it names `/z`: from now on rows wait.
        emitter.push(1, done("/z"), "/b");
        emitter.push(2, done("/c"), "/c");
        assert!(!emitter.streaming);
        assert_eq!(emitter.waiting.len(), 2);
        assert_eq!(emitter.finish().len(), 3);
        assert_eq!(emitted, ["/a", "/c", "/z"]);
    }

    #[test]
    fn workers_are_never_more_than_the_repositories_nor_past_the_cap() {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        assert_eq!(workers(65535, 3), 3);
        assert_eq!(workers(0, 1), 1);
        assert_eq!(workers(7, 0), 1, "at least one worker");
        assert_eq!(workers(0, 1_000_000), cores.min(MOST_JOBS));
        assert_eq!(
            workers(65535, 1_000_000),
            (JOBS_PER_CORE * cores).min(MOST_JOBS)
        );
        assert_eq!(workers(2, 1_000_000), 2.min(JOBS_PER_CORE * cores));
    }

    #[test]
    fn a_worker_keeps_a_bounded_number_of_object_stores() {
        let root = tempfile::tempdir().expect("temporary directory");
        crate::repo::test_git(root.path(), &["init", "-q"], "2024-01-02T03:04:05Z");
        let open = || RepoView::open(root.path(), None).expect("a repository");
        // Outside a pool, nothing is kept.
        keep_store(&open());
        assert_eq!(KEPT.with_borrow(Vec::len), 0);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a pool");
        let kept = pool.install(|| {
            for _ in 0..KEPT_STORES + 3 {
                keep_store(&open());
            }
            KEPT.with_borrow(Vec::len)
        });
        assert_eq!(kept, KEPT_STORES);
    }

    #[test]
    fn a_worktree_is_in_place_unless_something_may_move_it() {
        let root = tempfile::tempdir().expect("temporary directory");
        let git = |dir: &Path, args: &[&str]| {
            crate::repo::test_git(dir, args, "2024-01-02T03:04:05Z");
        };
        let plain = root.path().join("plain");
        std::fs::create_dir(&plain).expect("mkdir");
        git(&plain, &["init", "-q"]);
        assert!(worktree_in_place(&plain));
        let bare = root.path().join("bare.git");
        git(root.path(), &["init", "-q", "--bare", "bare.git"]);
        assert!(worktree_in_place(&bare));
        let moved = root.path().join("moved");
        std::fs::create_dir(&moved).expect("mkdir");
        git(&moved, &["init", "-q"]);
        git(&moved, &["config", "core.worktree", "/elsewhere"]);
        assert!(!worktree_in_place(&moved));
        // A `.git` file points at a git directory whose configuration is elsewhere.
        let linked = root.path().join("linked");
        std::fs::create_dir(&linked).expect("mkdir");
        std::fs::write(linked.join(".git"), "gitdir: ../plain/.git\n").expect("write");
        assert!(!worktree_in_place(&linked));
        // No configuration at all moves nothing.
        assert!(worktree_in_place(&root.path().join("absent")));
        // A configuration too long to read through may say anything.
        let long = root.path().join("long");
        std::fs::create_dir(&long).expect("mkdir");
        git(&long, &["init", "-q"]);
        let padding = "# a comment line of no consequence\n".repeat(2000);
        std::fs::write(long.join(".git/config"), padding).expect("write");
        assert!(!worktree_in_place(&long));
    }
}

//! One read-only view of a repository's files: the worktree as it is on disk, or the tree
//! of a commit read through gix with no checkout (bare repositories, `--rev`).
//!
//! Both backends answer the same two questions — which files are in this directory, and
//! what are the first bytes of this file — with the same rules: nothing outside the
//! repository is ever read (a symlink pointing out is reported, not followed), nothing the
//! repository contains is ever run, and reads are bounded.

pub(crate) mod bounded;
mod excludes;
mod gitdir;
pub mod history;
mod objects;
pub mod range;
mod tree;
mod worktree;

use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::repo::tree::TreeView;
use crate::repo::worktree::Worktree;

/// Files larger than this are never read, not even in part: both backends refuse them
/// alike, so a worktree and a bare clone of it give the same report.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// How much of a file probes read.
pub const SCAN_BYTES: usize = 1024 * 1024;
/// Directories a recursive listing never enters: git's own, and those that hold
/// dependencies rather than the project's files (probes ignore them anyway).
pub const SKIPPED_DIRS: &[&str] = &[".git", "vendor", "node_modules", "third_party"];
/// Symlinks to symlinks are followed this many times, then reported as broken.
const MAX_LINK_HOPS: usize = 8;
/// How deep a listing goes: a directory nested deeper is an error for what lists it.
/// Git sets no limit of its own; real projects stay within a few dozen levels, and a
/// thousand levels of one-letter names still make a path a system can open (4 KiB).
pub const MAX_DEPTH: usize = 1024;
/// The longest path listed, in bytes: Linux's `PATH_MAX`, beyond which no checkout can
/// hold the file.
pub const MAX_PATH_BYTES: usize = 4096;
/// How many files and directories one listing meets at most. A tree that names one
/// subtree twice at every level holds two to the power of its depth; the largest real
/// repositories hold a few hundred thousand files.
pub const MAX_LISTED: usize = 1_000_000;

#[derive(Debug, Clone, thiserror::Error)]
pub enum RepoError {
    #[error("{path} is not in a git repository")]
    NotARepository { path: String },
    #[error("cannot open the git repository at {path}: {message}")]
    Open { path: String, message: String },
    #[error("revision `{rev}` cannot be resolved to a commit: {message}")]
    BadRevision { rev: String, message: String },
    #[error("the repository at {path} has no commit to read (unborn HEAD)")]
    NoCommit { path: String },
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("{path} is {size} bytes, more than the {limit} bytes ospo reads")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path} is not a regular file; ospo does not open it")]
    NotRegular { path: String },
    #[error("cannot read {what} of the repository at {path}: {message}")]
    Damaged {
        path: String,
        what: String,
        message: String,
    },
    #[error("{path} nests directories more than {MAX_DEPTH} levels deep; ospo goes no deeper")]
    TooDeep { path: String },
    #[error("{path} is longer than {MAX_PATH_BYTES} bytes")]
    PathTooLong { path: String },
    #[error("{dir} holds more than {MAX_LISTED} files and directories; ospo lists no more")]
    TooMany { dir: String },
    #[error("{path} is a symlink to {target}, outside the repository; it is not followed")]
    OutsideLink { path: String, target: String },
    #[error("{path} is a symlink to {target}, which does not exist in the repository")]
    BrokenLink { path: String, target: String },
}

/// How the repository is seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ViewKind {
    /// Files as they are on disk, tracked or untracked but not ignored.
    Worktree,
    /// The tree of a commit (a bare repository, or `--rev`).
    Commit,
}

/// A file in the view. Paths are relative to the repository root, `/`-separated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub kind: EntryKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    File,
    /// A symlink whose target, followed within the repository, is the file `resolved`.
    Link {
        resolved: String,
    },
    /// A symlink out of the repository: never followed.
    OutsideLink {
        target: String,
    },
    /// A symlink to nothing.
    BrokenLink {
        target: String,
    },
}

/// The first bytes of a file.
#[derive(Debug, Clone)]
pub struct Content {
    pub bytes: Vec<u8>,
    /// The file's full size.
    pub size: u64,
}

impl Content {
    pub fn truncated(&self) -> bool {
        (self.bytes.len() as u64) < self.size
    }

    /// The bytes as text: UTF-8, or UTF-16 when a byte order mark says so (as Windows
    /// editors save files); a UTF-8 byte order mark is left out. What does not decode
    /// becomes U+FFFD.
    pub fn text(&self) -> String {
        match Encoding::of(&self.bytes) {
            Encoding::Utf8 { bom } => String::from_utf8_lossy(&self.bytes[bom..]).into_owned(),
            Encoding::Utf16 { little_endian } => {
                let units = self.bytes[2..].chunks_exact(2).map(|pair| {
                    let pair = [pair[0], pair[1]];
                    if little_endian {
                        u16::from_le_bytes(pair)
                    } else {
                        u16::from_be_bytes(pair)
                    }
                });
                char::decode_utf16(units)
                    .map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect()
            }
        }
    }

    /// The bytes as UTF-8 would have them: as they are (a UTF-8 byte order mark left
    /// out), or decoded from UTF-16. For readers that search bytes and decode seldom.
    pub fn utf8_bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        match Encoding::of(&self.bytes) {
            Encoding::Utf8 { bom } => std::borrow::Cow::Borrowed(&self.bytes[bom..]),
            Encoding::Utf16 { .. } => std::borrow::Cow::Owned(self.text().into_bytes()),
        }
    }

    /// Whether the file is binary rather than text, as git guesses: a NUL byte in its
    /// first 8,000 bytes. UTF-16 text, all NULs in ASCII, is text when a byte order mark
    /// says what it is.
    pub fn is_binary(&self) -> bool {
        matches!(Encoding::of(&self.bytes), Encoding::Utf8 { .. })
            && self.bytes.iter().take(8000).any(|b| *b == 0)
    }
}

/// How a file's text is encoded, by its byte order mark.
enum Encoding {
    /// UTF-8, after a byte order mark `bom` bytes long (0 or 3).
    Utf8 { bom: usize },
    /// UTF-16, after its two-byte mark.
    Utf16 { little_endian: bool },
}

impl Encoding {
    fn of(bytes: &[u8]) -> Encoding {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => Encoding::Utf8 { bom: 3 },
            [0xFF, 0xFE, ..] => Encoding::Utf16 {
                little_endian: true,
            },
            [0xFE, 0xFF, ..] => Encoding::Utf16 {
                little_endian: false,
            },
            _ => Encoding::Utf8 { bom: 0 },
        }
    }
}

/// The bounds of one listing ([`MAX_DEPTH`], [`MAX_PATH_BYTES`], [`MAX_LISTED`]), counted
/// as a walk of either backend meets paths.
pub(crate) struct Limits {
    /// The directory listed, as errors name it.
    dir: String,
    met: usize,
}

impl Limits {
    pub(crate) fn new(dir: &str) -> Limits {
        Limits {
            dir: if dir.is_empty() {
                "the repository".to_owned()
            } else {
                format!("{dir}/")
            },
            met: 0,
        }
    }

    /// Counts a path the walk meets.
    pub(crate) fn count(&mut self, path: &str) -> Result<(), RepoError> {
        self.met += 1;
        if self.met > MAX_LISTED {
            return Err(RepoError::TooMany {
                dir: self.dir.clone(),
            });
        }
        if path.len() > MAX_PATH_BYTES {
            return Err(RepoError::PathTooLong {
                path: shortened(path),
            });
        }
        Ok(())
    }

    /// Whether the walk may go into the directory `path`.
    pub(crate) fn enter(&self, path: &str) -> Result<(), RepoError> {
        if path.split('/').count() > MAX_DEPTH {
            return Err(RepoError::TooDeep {
                path: shortened(path),
            });
        }
        Ok(())
    }
}

/// The start of a path too long to be shown whole.
fn shortened(path: &str) -> String {
    const SHOWN: usize = 40;
    if path.len() <= SHOWN {
        return path.to_owned();
    }
    let mut end = SHOWN;
    while !path.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &path[..end])
}

/// The files of one directory listing, sorted by path, shared by every probe that asks
/// for it: most items look in the same few places.
#[derive(Debug, Default)]
pub struct Listing {
    entries: Vec<Entry>,
    /// Each path as case-insensitive name matching compares it, made on first need.
    lowered: std::cell::OnceCell<Vec<Vec<char>>>,
}

impl Listing {
    /// The paths in lowercase characters ([`lowercase`]), in the order of the entries.
    pub fn lowered(&self) -> &[Vec<char>] {
        self.lowered
            .get_or_init(|| self.entries.iter().map(|e| lowercase(&e.path)).collect())
    }
}

impl std::ops::Deref for Listing {
    type Target = [Entry];

    fn deref(&self) -> &[Entry] {
        &self.entries
    }
}

impl<'a> IntoIterator for &'a Listing {
    type Item = &'a Entry;
    type IntoIter = std::slice::Iter<'a, Entry>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

/// A path as case-insensitive name matching compares it: its characters in lowercase.
pub fn lowercase(path: &str) -> Vec<char> {
    path.chars().flat_map(char::to_lowercase).collect()
}

/// Files read stay in memory for the other items of the check up to this size each…
const CACHED_FILE_BYTES: usize = 256 * 1024;
/// …and this size in all.
const CACHED_BYTES: usize = 8 * 1024 * 1024;

/// How many directories down a file read in bulk may be to be kept: the places items
/// look in (the root, `docs/`, `.github/`), one level down.
const KEPT_DEPTH: usize = 1;

/// Files already read, by the path read: several items read the README, the contribution
/// guide or the changelog, and each read from the disk costs several system calls.
#[derive(Default)]
struct ReadCache {
    /// Each file's first bytes, with the limit they were read with.
    files: std::collections::HashMap<String, (usize, Content)>,
    bytes: usize,
}

impl ReadCache {
    /// The first `limit` bytes of `path`, when a read as long, or of the whole file, is
    /// kept.
    fn get(&self, path: &str, limit: usize) -> Option<Content> {
        let (read_with, content) = self.files.get(path)?;
        if *read_with < limit && content.truncated() {
            return None;
        }
        Some(Content {
            bytes: content.bytes[..content.bytes.len().min(limit)].to_vec(),
            size: content.size,
        })
    }

    fn put(&mut self, path: &str, limit: usize, content: &Content) {
        let length = content.bytes.len();
        if length > CACHED_FILE_BYTES || self.bytes + length > CACHED_BYTES {
            return;
        }
        let kept = (limit, content.clone());
        if let Some((_, old)) = self.files.insert(path.to_owned(), kept) {
            self.bytes -= old.bytes.len();
        }
        self.bytes += length;
    }
}

/// A listing made, or why it could not be.
type Listed = Result<Rc<Listing>, RepoError>;

pub struct RepoView {
    /// By directory and depth. A check makes a few dozen: a search beats hashing. A
    /// listing that failed is kept failed: it is not walked again for the next item.
    listings: std::cell::RefCell<Vec<(String, usize, Listed)>>,
    read: std::cell::RefCell<ReadCache>,
    root: PathBuf,
    kind: ViewKind,
    bare: bool,
    commit: Option<String>,
    /// HEAD's commit and tree were read when the view was opened.
    head_read: bool,
    backend: Backend,
}

enum Backend {
    Worktree(Box<Worktree>),
    Tree(Box<TreeView>),
}

impl RepoView {
    /// Opens the repository holding `path`. With `rev`, or in a bare repository (where
    /// `rev` defaults to `HEAD`), the view is that commit's tree; otherwise the worktree.
    pub fn open(path: &Path, rev: Option<&str>) -> Result<RepoView, RepoError> {
        let shown = path.display().to_string();
        // An absolute, resolved start: discovery through `..` and from a file both work.
        let mut start = std::fs::canonicalize(path).map_err(|error| RepoError::Read {
            path: shown.clone(),
            message: if error.kind() == std::io::ErrorKind::NotFound {
                "no such file or directory".into()
            } else {
                error.to_string()
            },
        })?;
        if !start.is_dir() {
            start.pop();
        }
        RepoView::open_from(start, shown, rev)
    }

    /// [`RepoView::open`] of a directory whose resolved path the caller has already
    /// (`resolved`, from [`std::fs::canonicalize`]): it is not resolved again. `path`
    /// names the repository in errors, as with [`RepoView::open`].
    pub fn open_resolved(
        path: &Path,
        resolved: &Path,
        rev: Option<&str>,
    ) -> Result<RepoView, RepoError> {
        if !resolved.is_dir() {
            return RepoView::open(path, rev); // gone since: say so as `open` does
        }
        RepoView::open_from(resolved.to_path_buf(), path.display().to_string(), rev)
    }

    /// The view of the repository holding `start`, a resolved directory. git's own files
    /// are checked before gix reads them (`gitdir.rs`), and the commit the view starts
    /// from is read at once: a missing or damaged one is an error, not an empty history.
    fn open_from(start: PathBuf, shown: String, rev: Option<&str>) -> Result<RepoView, RepoError> {
        let checked = gitdir::check_before_discovery(&start)?;
        let repo = discover(&start).map_err(|error| {
            if error.is_not_found() {
                RepoError::NotARepository {
                    path: shown.clone(),
                }
            } else {
                RepoError::Open {
                    path: shown.clone(),
                    message: error.to_string(),
                }
            }
        })?;
        gitdir::check_opened(&repo, checked.as_deref())?;
        let bare = repo.workdir().is_none();
        if rev.is_some() || bare {
            let rev = rev.unwrap_or("HEAD");
            let root = resolved_as(repo.git_dir(), &start);
            if rev == "HEAD" && head_id(&repo, &shown)?.is_none() {
                return Err(RepoError::NoCommit {
                    path: root.display().to_string(),
                });
            }
            let view = TreeView::open(repo, rev)?;
            let root = if bare {
                root
            } else {
                view.workdir().unwrap_or(root)
            };
            return Ok(RepoView {
                listings: Default::default(),
                read: Default::default(),
                root,
                kind: ViewKind::Commit,
                bare,
                commit: Some(view.commit().to_string()),
                head_read: rev == "HEAD",
                backend: Backend::Tree(Box::new(view)),
            });
        }
        // The tree view reads its commit itself; a worktree's HEAD is read here.
        let head = head_id(&repo, &shown)?;
        let worktree = Worktree::open(repo, &start)?;
        if let Some(id) = head {
            objects::commit_and_tree(worktree.repository(), id).map_err(|message| {
                RepoError::Damaged {
                    path: worktree.root().display().to_string(),
                    what: "HEAD".to_owned(),
                    message,
                }
            })?;
        }
        Ok(RepoView {
            listings: Default::default(),
            read: Default::default(),
            root: worktree.root().to_path_buf(),
            kind: ViewKind::Worktree,
            bare,
            commit: head.map(|id| id.to_string()),
            head_read: head.is_some(),
            backend: Backend::Worktree(Box::new(worktree)),
        })
    }

    /// Keeps up to `bytes` of decoded objects in memory, and the last delta bases read
    /// from packs: a run that reads the same commit and trees several times (an audit's
    /// checks) reads them from disk once, and the blobs of a bare clone, stored as
    /// deltas of each other, are not all inflated again from their bases. Loose objects
    /// are mapped into memory to be read, and unmapping them costs every core a TLB
    /// flush.
    pub fn with_caches(mut self, bytes: usize) -> RepoView {
        let repo = match &mut self.backend {
            Backend::Worktree(w) => w.repository_mut(),
            Backend::Tree(t) => t.repository_mut(),
        };
        repo.object_cache_size_if_unset(bytes);
        repo.objects
            .set_pack_cache(|| Box::<gix::odb::pack::cache::lru::StaticLinkedList<64>>::default());
        self
    }

    /// The repository's root directory (its git directory when bare).
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn kind(&self) -> ViewKind {
        self.kind
    }

    pub fn is_bare(&self) -> bool {
        self.bare
    }

    /// The commit the view shows (for a worktree, `HEAD`, when there is one).
    pub fn commit(&self) -> Option<&str> {
        self.commit.as_deref()
    }

    /// The files under `dir` (`""` or `"."` for the root), down to `depth` levels (1: the
    /// directory's own files), sorted by path. A missing directory, or one reached through
    /// a symlink, has no files.
    pub fn list(&self, dir: &str, depth: usize) -> Result<Rc<Listing>, RepoError> {
        let dir = normalise_dir(dir);
        let known = self
            .listings
            .borrow()
            .iter()
            .find(|(known, known_depth, _)| *known_depth == depth && *known == *dir)
            .map(|(_, _, listing)| listing.clone());
        if let Some(listing) = known {
            return listing;
        }
        let listed = match &self.backend {
            Backend::Worktree(w) => w.list(&dir, depth),
            Backend::Tree(t) => t.list(&dir, depth),
        };
        let listing = listed.map(|mut entries| {
            entries.sort_by(|a, b| a.path.cmp(&b.path));
            Rc::new(Listing {
                entries,
                lowered: Default::default(),
            })
        });
        self.listings
            .borrow_mut()
            .push((dir.into_owned(), depth, listing.clone()));
        listing
    }

    /// Whether `path` (relative to the root, `/`-separated, `./` and a trailing `/`
    /// allowed) is a file of the view, or a directory holding one within a few levels.
    /// A path that leaves the repository or enters `.git` is not.
    pub fn exists(&self, path: &str) -> bool {
        let path = path.trim_start_matches("./").trim_end_matches('/');
        if path.is_empty()
            || path.starts_with('/')
            || path
                .split('/')
                .any(|part| matches!(part, "" | "." | "..") || part.eq_ignore_ascii_case(".git"))
        {
            return false;
        }
        let is_file = self
            .list(parent(path), 1)
            .is_ok_and(|listing| listing.iter().any(|entry| entry.path == path));
        is_file || self.list(path, 3).is_ok_and(|listing| !listing.is_empty())
    }

    /// The file a report shows what concerns no existing file on: the README at the root,
    /// else the root's licence, else the root's first file; `None` in an empty tree.
    pub fn anchor_file(&self) -> Option<String> {
        let root = self.list("", 1).ok()?;
        let files: Vec<&Entry> = root
            .iter()
            .filter(|entry| matches!(entry.kind, EntryKind::File | EntryKind::Link { .. }))
            .collect();
        let starting = |prefixes: &[&str]| {
            files.iter().find(|entry| {
                let name = entry.path.to_ascii_lowercase();
                prefixes.iter().any(|prefix| name.starts_with(prefix))
            })
        };
        starting(&["readme"])
            .or_else(|| starting(&["license", "licence", "copying"]))
            .or(files.first())
            .map(|entry| entry.path.clone())
    }

    /// The size of a file, following a symlink within the repository.
    pub fn size(&self, entry: &Entry) -> Result<u64, RepoError> {
        let path = self.target(entry)?;
        match &self.backend {
            Backend::Worktree(w) => w.size(path),
            Backend::Tree(t) => t.size(path),
        }
    }

    /// At most `limit` bytes from the start of a file, following a symlink within the
    /// repository. Files over [`MAX_FILE_BYTES`] are refused.
    pub fn read(&self, entry: &Entry, limit: usize) -> Result<Content, RepoError> {
        let path = self.target(entry)?;
        if let Some(content) = self.read.borrow().get(path, limit) {
            return Ok(content);
        }
        // Each backend refuses a file over MAX_FILE_BYTES from the size it learns anyway.
        let content = match &self.backend {
            Backend::Worktree(w) => w.read(path, limit),
            Backend::Tree(t) => t.read(path, limit),
        }?;
        self.read.borrow_mut().put(path, limit, &content);
        Ok(content)
    }

    /// [`RepoView::read`] of many files, in the order given, read on every core when
    /// there are enough of them to be worth it.
    pub fn read_many(&self, entries: &[&Entry], limit: usize) -> Vec<Result<Content, RepoError>> {
        let targets: Vec<Result<&str, RepoError>> =
            entries.iter().map(|entry| self.target(entry)).collect();
        let kept: Vec<Option<Content>> = {
            let cache = self.read.borrow();
            targets
                .iter()
                .map(|target| cache.get(target.as_ref().ok()?, limit))
                .collect()
        };
        let paths: Vec<&str> = targets
            .iter()
            .zip(&kept)
            .filter(|(_, kept)| kept.is_none())
            .filter_map(|(target, _)| target.as_ref().ok().copied())
            .collect();
        let fresh = match &self.backend {
            Backend::Worktree(w) => w.read_many(&paths, limit),
            Backend::Tree(t) => t.read_many(&paths, limit),
        };
        // What is read in bulk (every file's header) is kept only when it is the whole
        // file and near the root: the small ones (a code of conduct, a manifest) that
        // other items read too, not the sources below, which nothing reads again.
        {
            let mut cache = self.read.borrow_mut();
            for (path, content) in paths.iter().zip(&fresh) {
                if let Ok(content) = content
                    && !content.truncated()
                    && path.matches('/').count() <= KEPT_DEPTH
                {
                    cache.put(path, limit, content);
                }
            }
        }
        let mut read = fresh.into_iter();
        targets
            .into_iter()
            .zip(kept)
            .map(|(target, kept)| match (target, kept) {
                (Ok(_), Some(content)) => Ok(content),
                (Ok(path), None) => read.next().unwrap_or_else(|| {
                    Err(RepoError::Read {
                        path: path.to_owned(),
                        message: "not read".into(),
                    })
                }),
                (Err(error), _) => Err(error),
            })
            .collect()
    }

    /// The commits before the one the view shows, newest first, as far back as `reach`
    /// goes, read in one pass. A worktree with no commit has no history.
    pub fn history(&self, reach: history::Reach) -> Result<history::History, RepoError> {
        let Some(commit) = self.commit.as_deref() else {
            return Ok(history::History::default());
        };
        let start =
            gix::ObjectId::from_hex(commit.as_bytes()).map_err(|error| RepoError::Read {
                path: format!("commit {commit}"),
                message: error.to_string(),
            })?;
        history::walk(self.git(), start, reach)
    }

    /// The commits of a change under review, newest first: those `git rev-list RANGE`
    /// lists (see [`range`] for the forms a range takes), or with no range the commits of
    /// `HEAD` not on the upstream of the default branch (`refs/remotes/origin/HEAD`, else
    /// `origin/main` or `origin/master`).
    pub fn change(&self, range: Option<&str>) -> Result<range::Change, RepoError> {
        let repo = self.git();
        let tips = range::tips(repo, range)?;
        Ok(range::Change {
            commits: history::range(repo, &tips.include, &tips.exclude)?,
            range: tips.range,
            base: tips.base,
        })
    }

    /// The URL the repository was cloned from: `origin`'s, else that of the only remote;
    /// `None` with no remote, or several and no `origin`. Read from the configuration only:
    /// nothing is fetched.
    pub fn remote_url(&self) -> Option<String> {
        let repo = self.git();
        let names = repo.remote_names();
        let name = if names.iter().any(|name| name.as_slice() == b"origin") {
            "origin".to_owned()
        } else if names.len() == 1 {
            names.first()?.to_string()
        } else {
            return None;
        };
        let url = repo
            .config_snapshot()
            .string(format!("remote.{name}.url").as_str())?;
        let url = url.to_string();
        (!url.trim().is_empty()).then(|| url.trim().to_owned())
    }

    /// Whether the repository is a shallow clone: older history is missing, not absent.
    pub fn is_shallow(&self) -> bool {
        self.git().is_shallow().unwrap_or(false)
    }

    /// Whether HEAD's commit and its tree were read when the view was opened, so that
    /// they are known to be there.
    pub(crate) fn head_was_read(&self) -> bool {
        self.head_read
    }

    /// The repository handle the view reads through.
    pub(crate) fn git(&self) -> &gix::Repository {
        match &self.backend {
            Backend::Worktree(w) => w.repository(),
            Backend::Tree(t) => t.repository(),
        }
    }

    fn target<'a>(&self, entry: &'a Entry) -> Result<&'a str, RepoError> {
        match &entry.kind {
            EntryKind::File => Ok(&entry.path),
            EntryKind::Link { resolved } => Ok(resolved),
            EntryKind::OutsideLink { target } => Err(RepoError::OutsideLink {
                path: entry.path.clone(),
                target: target.clone(),
            }),
            EntryKind::BrokenLink { target } => Err(RepoError::BrokenLink {
                path: entry.path.clone(),
                target: target.clone(),
            }),
        }
    }
}

/// Below this many items, one thread does the work: starting others costs more.
const PARALLEL_ITEMS: usize = 256;

/// Whether threads of a view's own would find a core to run on: the machine has more
/// than one, and the view is not read by a worker of a pool that keeps them all busy
/// already (an audit checks a repository a worker), where they would only take turns.
pub(crate) fn spare_cores() -> bool {
    rayon::current_thread_index().is_none()
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}

/// How many threads [`in_parallel`] runs for `count` items.
fn threads_for(count: usize) -> usize {
    if !spare_cores() {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(count.div_ceil(PARALLEL_ITEMS))
        .max(1)
}

/// `work(worker, index)` for every index below `count`, in contiguous runs, one run per
/// core, each thread with its own worker (a repository handle); results in index order.
fn in_parallel<W, T: Send>(
    count: usize,
    make_worker: impl Fn() -> W + Sync,
    work: impl Fn(&mut W, usize) -> T + Sync,
) -> Vec<T> {
    let threads = threads_for(count);
    if threads == 1 {
        let mut worker = make_worker();
        return (0..count).map(|index| work(&mut worker, index)).collect();
    }
    let run = count.div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                let (make_worker, work) = (&make_worker, &work);
                scope.spawn(move || {
                    let mut worker = make_worker();
                    let end = ((thread + 1) * run).min(count);
                    (thread * run..end)
                        .map(|index| work(&mut worker, index))
                        .collect::<Vec<T>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// The git CLI in `dir`, in a pinned environment (no configuration, one identity, `date`
/// as both dates), for the unit tests' repositories: its standard output, trimmed.
#[cfg(test)]
pub(crate) fn test_git(dir: &Path, args: &[&str], date: &str) -> String {
    let output = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "A")
        .env("GIT_AUTHOR_EMAIL", "a@example.org")
        .env("GIT_COMMITTER_NAME", "A")
        .env("GIT_COMMITTER_EMAIL", "a@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git can be run");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .trim()
        .to_owned()
}

/// The repository holding `start`, as `gix::discover` finds it, but with no `include` of
/// configuration files followed: those may be anywhere, and any size.
fn discover(start: &Path) -> gix::Result<gix::Repository> {
    let mut options = gix::sec::trust::Mapping::<gix::open::Options>::default();
    options.full.permissions.config.includes = false;
    options.reduced.permissions.config.includes = false;
    gix::ThreadSafeRepository::discover_opts(start, Default::default(), options).map(Into::into)
}

/// The object HEAD names; `None` when it is unborn (no commit yet).
fn head_id(repo: &gix::Repository, shown: &str) -> Result<Option<gix::ObjectId>, RepoError> {
    let head = repo.head().map_err(|error| RepoError::Open {
        path: shown.to_owned(),
        message: format!("cannot read HEAD: {error}"),
    })?;
    Ok(head.id().map(|id| id.detach()))
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `path` resolved, knowing that `start` is: the repository's directory is most often
/// the very directory its discovery started from.
fn resolved_as(path: &Path, start: &Path) -> PathBuf {
    if path == start {
        start.to_path_buf()
    } else {
        canonical(path)
    }
}

/// `"."`, `"./docs/"` and `"docs"` name directories the same way: `""` or `"docs"`.
fn normalise_dir(dir: &str) -> std::borrow::Cow<'_, str> {
    if dir.is_empty() || dir.split('/').all(|part| !part.is_empty() && part != ".") {
        return std::borrow::Cow::Borrowed(dir);
    }
    std::borrow::Cow::Owned(
        dir.split('/')
            .filter(|part| !part.is_empty() && *part != ".")
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// Joins `path` to `base` (both repository-relative), resolving `.` and `..`; `None` when
/// the result would leave the repository.
pub(crate) fn join_within(base: &str, path: &str) -> Option<String> {
    if path.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// The directory part of a repository-relative path.
pub(crate) fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_repository() {
        assert_eq!(
            join_within("docs", "../README.md").as_deref(),
            Some("README.md")
        );
        assert_eq!(join_within("", "./a/./b").as_deref(), Some("a/b"));
        assert_eq!(join_within("docs", "../../etc/passwd"), None);
        assert_eq!(join_within("", "/etc/passwd"), None);
        assert_eq!(normalise_dir("./docs/"), "docs");
        assert_eq!(normalise_dir("."), "");
        assert_eq!(parent("a/b/c"), "a/b");
        assert_eq!(parent("c"), "");
    }

    fn content(bytes: Vec<u8>) -> Content {
        let size = bytes.len() as u64;
        Content { bytes, size }
    }

    #[test]
    fn text_is_decoded_by_its_byte_order_mark() {
        let text = "Licence — « libre »\n";
        let utf16 = |little: bool, bom: [u8; 2]| {
            let mut bytes = bom.to_vec();
            for unit in text.encode_utf16() {
                bytes.extend(if little {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
            bytes
        };
        let little = content(utf16(true, [0xFF, 0xFE]));
        let big = content(utf16(false, [0xFE, 0xFF]));
        let bom = content([&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat());
        for decoded in [&little, &big, &bom] {
            assert_eq!(decoded.text(), text);
            assert_eq!(&*decoded.utf8_bytes(), text.as_bytes());
            assert!(!decoded.is_binary());
        }
        // A unit cut in half at the end of what was read is left out.
        let mut cut = utf16(true, [0xFF, 0xFE]);
        cut.pop();
        assert_eq!(content(cut).text(), text.trim_end());
        // A lone surrogate is replaced, as invalid UTF-8 is.
        assert_eq!(content(vec![0xFF, 0xFE, 0x00, 0xD8]).text(), "\u{FFFD}");
        assert_eq!(content(b"a\xFFb".to_vec()).text(), "a\u{FFFD}b");
        // Without a mark, NULs make a file binary.
        let no_mark = content(text.encode_utf16().flat_map(u16::to_le_bytes).collect());
        assert!(no_mark.is_binary());
        assert!(content(b"\x7fELF\x02\x01\x01\x00".to_vec()).is_binary());
        assert!(!content(b"plain text".to_vec()).is_binary());
    }
}

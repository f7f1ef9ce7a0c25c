//! The worktree backend: files on disk, tracked or untracked but not ignored.
//!
//! Only the directories probes ask about are listed, so a check costs a handful of
//! `readdir` calls however large the repository is. Ignore rules (`.gitignore`,
//! `.git/info/exclude`, `core.excludesFile`, see `excludes.rs`) are consulted only for
//! untracked files. Only regular files are opened, never waiting on a FIFO.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use gix::bstr::ByteSlice;

use super::bounded::{self, Links};
use super::excludes::Excludes;
use super::gitdir::{self, INDEX_BYTES};
use super::{
    Content, Entry, EntryKind, Limits, MAX_FILE_BYTES, MAX_LINK_HOPS, MAX_LISTED, RepoError,
    SKIPPED_DIRS, join_within, parent, resolved_as,
};

pub(super) struct Worktree {
    repo: gix::Repository,
    root: Root,
    /// The index and the exclude stack, loaded on first need.
    ignore: RefCell<Option<Ignore>>,
    /// The walk of the whole worktree, once made: every later listing is cut from it
    /// rather than read from the disk again.
    whole: RefCell<Option<Rc<Walk>>>,
}

/// What a walk met: the files it lists, the directories it went into, and every other
/// path it saw (directories it left out, symlinks to directories, sockets).
#[derive(Default)]
struct Walk {
    entries: Vec<Entry>,
    entered: HashSet<String>,
    seen: HashSet<String>,
}

impl Walk {
    /// The listing of `dir` down to `depth`, as a walk of it would give, when the whole
    /// walk tells: `dir` was walked into, or it is not there at all. `None` for a path
    /// the walk did not go into (a dependency or ignored directory, a symlink), which a
    /// walk of its own lists.
    fn cut(&self, dir: &str, depth: usize) -> Option<Vec<Entry>> {
        if dir.is_empty() {
            return Some(self.below("", depth));
        }
        if self.entered.contains(dir) {
            return Some(self.below(dir, depth));
        }
        if dir.split('/').any(|part| SKIPPED_DIRS.contains(&part)) {
            return None;
        }
        // The first directory on the way down that the walk did not go into: when the
        // walk met nothing there, neither it nor anything below it exists.
        let mut missing = dir;
        while !parent(missing).is_empty() && !self.entered.contains(parent(missing)) {
            missing = parent(missing);
        }
        let absent = !self.seen.contains(missing)
            && self
                .entries
                .binary_search_by(|entry| entry.path.as_str().cmp(missing))
                .is_err();
        absent.then(Vec::new)
    }

    /// The entries under `dir` (`""`: all) at most `depth` levels down.
    fn below(&self, dir: &str, depth: usize) -> Vec<Entry> {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        self.entries
            .iter()
            .filter(|entry| {
                let relative = if prefix.is_empty() {
                    Some(entry.path.as_str())
                } else {
                    entry.path.strip_prefix(&prefix)
                };
                relative.is_some_and(|relative| {
                    depth == usize::MAX || relative.split('/').count() <= depth
                })
            })
            .cloned()
            .collect()
    }
}

struct Ignore {
    /// Tells tracked paths, which always count, from untracked ones.
    index: gix::index::File,
    /// Loaded when the first untracked path turns up.
    excludes: Option<Excludes>,
}

impl Worktree {
    /// The worktree of `repo`, discovered from the resolved path `start`.
    pub(super) fn open(repo: gix::Repository, start: &Path) -> Result<Worktree, RepoError> {
        let root = resolved_as(
            repo.workdir().expect("caller checked there is a worktree"),
            start,
        );
        Ok(Worktree {
            repo,
            root: Root::new(root),
            ignore: RefCell::new(None),
            whole: RefCell::new(None),
        })
    }

    pub(super) fn repository(&self) -> &gix::Repository {
        &self.repo
    }

    pub(super) fn repository_mut(&mut self) -> &mut gix::Repository {
        &mut self.repo
    }

    pub(super) fn root(&self) -> &Path {
        &self.root.path
    }

    fn absolute(&self, path: &str) -> PathBuf {
        if path.is_empty() {
            self.root.path.clone()
        } else {
            self.root.path.join(path)
        }
    }

    /// True when every component of `dir` is a real directory, not a symlink.
    fn is_real_dir(&self, dir: &str) -> bool {
        let mut current = self.root.path.clone();
        for part in dir.split('/').filter(|p| !p.is_empty()) {
            current.push(part);
            match fs::symlink_metadata(&current) {
                Ok(meta) if meta.is_dir() => {}
                _ => return false,
            }
        }
        true
    }

    pub(super) fn list(&self, dir: &str, depth: usize) -> Result<Vec<Entry>, RepoError> {
        if depth == 0 || dir.split('/').any(|p| p == ".git") {
            return Ok(Vec::new());
        }
        let whole = self.whole.borrow().clone();
        if let Some(whole) = whole
            && let Some(entries) = whole.cut(dir, depth)
        {
            return Ok(entries);
        }
        if !self.is_real_dir(dir) {
            return Ok(Vec::new());
        }
        let mut walk = self.walk(dir, depth)?;
        if dir.is_empty() && depth == usize::MAX {
            walk.entries.sort_by(|a, b| a.path.cmp(&b.path));
            let entries = walk.entries.clone();
            *self.whole.borrow_mut() = Some(Rc::new(walk));
            return Ok(entries);
        }
        Ok(walk.entries)
    }

    /// Walks `dir` down to `depth` levels, leaving out ignored and dependency directories.
    /// Depth first, each directory's entries in the order the file system gives them. A
    /// directory is opened only to be walked into (at the last level it is named and left
    /// closed), and read whole before the walk goes down: one descriptor is open at a
    /// time, and a deep tree costs heap, not stack. The walk stays within the bounds of
    /// [`Limits`], as a walk of a commit's tree does.
    fn walk(&self, dir: &str, depth: usize) -> Result<Walk, RepoError> {
        let mut found = Walk::default();
        let mut limits = Limits::new(dir);
        // Each directory being walked: its entries not seen yet, its path, its level.
        let mut stack = Vec::new();
        if let Some(entries) = read_whole_dir(&self.absolute(dir)) {
            stack.push((entries.into_iter(), dir.to_owned(), 1));
        }
        while let Some((entries, relative, level)) = stack.last_mut() {
            let Some(entry) = entries.next() else {
                stack.pop();
                continue;
            };
            let level = *level;
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue; // not UTF-8: no checklist name can match it
            };
            if file_type.is_dir() && SKIPPED_DIRS.contains(&name) {
                continue;
            }
            let path = if relative.is_empty() {
                name.to_owned()
            } else {
                format!("{relative}/{name}")
            };
            limits.count(&path)?;
            if file_type.is_dir() {
                // Only a directory the walk will enter needs its ignore rules checked.
                if level < depth && self.is_ignored(&path, true) {
                    found.seen.insert(path);
                    continue;
                }
                found.entered.insert(path.clone());
                if level < depth {
                    limits.enter(&path)?;
                    // A directory that cannot be read lists nothing, as in git.
                    if let Some(entries) = read_whole_dir(&entry.path()) {
                        stack.push((entries.into_iter(), path, level + 1));
                    }
                }
                continue;
            }
            if self.is_ignored(&path, false) {
                found.seen.insert(path);
                continue;
            }
            let kind = if file_type.is_symlink() {
                self.resolve_link(&path)
            } else if file_type.is_file() {
                EntryKind::File
            } else {
                found.seen.insert(path);
                continue; // sockets, fifos, devices
            };
            // A symlink to a directory is not a file.
            if let EntryKind::Link { resolved } = &kind
                && !self.absolute(resolved).is_file()
            {
                found.seen.insert(path);
                continue;
            }
            found.entries.push(Entry { path, kind });
        }
        Ok(found)
    }

    /// Whether git ignores an untracked path; tracked files always count.
    ///
    /// The index answers first: in most worktrees every path is tracked, and then no
    /// ignore file (one `.gitignore` per directory) is looked for at all.
    fn is_ignored(&self, relative: &str, is_dir: bool) -> bool {
        let mut slot = self.ignore.borrow_mut();
        let ignore = slot.get_or_insert_with(|| Ignore {
            index: self.load_index(),
            excludes: None,
        });
        let tracked = if is_dir {
            tracks_files_under(&ignore.index, relative)
        } else {
            ignore
                .index
                .entry_by_path(relative.as_bytes().as_bstr())
                .is_some()
        };
        if tracked {
            return false;
        }
        ignore
            .excludes
            .get_or_insert_with(|| Excludes::new(&self.repo, &self.root.path))
            .is_ignored(relative, is_dir)
    }

    /// The index tells tracked files from untracked ones. Its checksum is not verified:
    /// that hashes the whole file, and a damaged index costs at most a misjudged ignored
    /// file. No index, or an unreadable one, tracks nothing. (Opening the view refused an
    /// index that is not a regular file or is larger than [`INDEX_BYTES`].)
    fn load_index(&self) -> gix::index::File {
        let path = self.repo.index_path();
        let hash = self.repo.object_hash();
        let empty = || gix::index::File::from_state(gix::index::State::new(hash), path.clone());
        match read_index(&path, hash) {
            Some(Ok(index)) => index,
            // A split index: gix reads its shared part, once checked as the index was.
            Some(Err(shared)) => {
                let shared = path.with_file_name(format!("sharedindex.{shared}"));
                if gitdir::check_file(&shared, INDEX_BYTES).is_err() {
                    return empty();
                }
                gix::index::File::at(&path, hash, true, Default::default())
                    .unwrap_or_else(|_| empty())
            }
            None => empty(),
        }
    }

    /// Follows a symlink (and the symlinks it points to) while it stays inside the
    /// repository and out of `.git`.
    fn resolve_link(&self, relative: &str) -> EntryKind {
        let mut current = relative.to_owned();
        for _ in 0..MAX_LINK_HOPS {
            let target = match fs::read_link(self.absolute(&current)) {
                Ok(target) => target.to_string_lossy().replace('\\', "/"),
                Err(_) => return EntryKind::BrokenLink { target: current },
            };
            let Some(next) = join_within(parent(&current), &target) else {
                return EntryKind::OutsideLink { target };
            };
            if next.split('/').any(|p| p == ".git") || !self.is_real_dir(parent(&next)) {
                return EntryKind::OutsideLink { target };
            }
            match fs::symlink_metadata(self.absolute(&next)) {
                Ok(meta) if meta.file_type().is_symlink() => current = next,
                Ok(_) => return EntryKind::Link { resolved: next },
                Err(_) => return EntryKind::BrokenLink { target },
            }
        }
        EntryKind::BrokenLink {
            target: relative.to_owned(),
        }
    }

    pub(super) fn size(&self, path: &str) -> Result<u64, RepoError> {
        fs::symlink_metadata(self.absolute(path))
            .map(|meta| meta.len())
            .map_err(|error| RepoError::Read {
                path: path.to_owned(),
                message: error.to_string(),
            })
    }

    pub(super) fn read(&self, path: &str, limit: usize) -> Result<Content, RepoError> {
        read_file(self.root.open_file(path), path, limit)
    }

    /// [`Worktree::read`] of many files, on every core.
    pub(super) fn read_many(
        &self,
        paths: &[&str],
        limit: usize,
    ) -> Vec<Result<Content, RepoError>> {
        let root = &self.root;
        super::in_parallel(
            paths.len(),
            || (),
            |(), index| read_file(root.open_file(paths[index]), paths[index], limit),
        )
    }
}

/// The entries of directory `absolute`, read to the end and the directory closed; `None`
/// when it cannot be opened. An entry that cannot be read is left out; past
/// [`MAX_LISTED`], the rest are too (the walk's [`Limits`] then stop it).
fn read_whole_dir(absolute: &Path) -> Option<Vec<fs::DirEntry>> {
    Some(
        fs::read_dir(absolute)
            .ok()?
            .filter_map(Result::ok)
            .take(MAX_LISTED + 1)
            .collect(),
    )
}

/// The index at `path`, read into memory rather than mapped as gix maps it: unmapping a
/// file in a process whose other threads run on other cores interrupts each of them (to
/// flush its view of the memory), which cost an audit more than the copy. `None` when it
/// cannot be read; for a split index, the id of its shared part, which gix reads itself.
fn read_index(
    path: &Path,
    hash: gix::hash::Kind,
) -> Option<Result<gix::index::File, gix::ObjectId>> {
    let (file, size) = bounded::open(path, Links::Follow, INDEX_BYTES).ok()??;
    let meta = file.metadata().ok()?;
    let bytes = bounded::read_open(file, size, INDEX_BYTES).ok()?;
    let modified = filetime::FileTime::from_last_modification_time(&meta);
    let (state, _checksum) =
        gix::index::State::from_bytes(&bytes, modified, hash, Default::default()).ok()?;
    if let Some(link) = state.link() {
        return Some(Err(link.shared_index_checksum));
    }
    Some(Ok(gix::index::File::from_state(state, path)))
}

/// Whether the index tracks a file below `dir`: such a directory is walked even when
/// ignore rules match it, as git shows its tracked files.
fn tracks_files_under(index: &gix::index::State, dir: &str) -> bool {
    let prefix = format!("{dir}/");
    let prefix = prefix.as_bytes();
    let entries = index.entries();
    let first = entries.partition_point(|entry| entry.path(index).as_bytes() < prefix);
    entries
        .get(first)
        .is_some_and(|entry| entry.path(index).as_bytes().starts_with(prefix))
}

/// A worktree's root directory, where its files are opened.
struct Root {
    path: PathBuf,
    /// The root, opened once: files are opened relative to it, so the kernel resolves
    /// their paths from the root rather than from `/` for each file.
    #[cfg(unix)]
    dir: Option<rustix::fd::OwnedFd>,
}

impl Root {
    fn new(path: PathBuf) -> Root {
        #[cfg(unix)]
        let dir = {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            rustix::fs::open(&path, flags, Mode::empty()).ok()
        };
        Root {
            path,
            #[cfg(unix)]
            dir,
        }
    }

    /// Opens the file at `relative` to the root for reading; the open does not wait
    /// should it be a FIFO (what is opened is checked to be a regular file after).
    fn open_file(&self, relative: &str) -> std::io::Result<fs::File> {
        #[cfg(unix)]
        if let Some(dir) = &self.dir {
            use rustix::fs::{Mode, OFlags};
            return rustix::fs::openat(
                dir,
                relative,
                OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NONBLOCK | OFlags::NOCTTY,
                Mode::empty(),
            )
            .map(fs::File::from)
            .map_err(std::io::Error::from);
        }
        fs::File::open(self.path.join(relative))
    }
}

/// At most `limit` bytes from the start of the file at `absolute` (`path` in messages).
fn read_file(
    file: std::io::Result<fs::File>,
    path: &str,
    limit: usize,
) -> Result<Content, RepoError> {
    let read_error = |error: std::io::Error| RepoError::Read {
        path: path.to_owned(),
        message: error.to_string(),
    };
    let file = file.map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() {
        return Err(RepoError::NotRegular {
            path: path.to_owned(),
        });
    }
    let size = meta.len();
    if size > MAX_FILE_BYTES {
        return Err(RepoError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    // Read what the size says is there, and no further: a last read to meet the end of
    // the file would cost one more system call per file.
    let wanted = limit.min(size as usize);
    let mut bytes = vec![0; wanted];
    let mut filled = 0;
    let mut file = file;
    while filled < wanted {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(read_error(error)),
        }
    }
    bytes.truncate(filled);
    Ok(Content { bytes, size })
}

//! The worktree backend: files on disk, tracked or untracked but not ignored.
//!
//! Only the directories probes ask about are listed, so a check costs a handful of
//! `readdir` calls however large the repository is. Ignore rules (`.gitignore`,
//! `.git/info/exclude`, `core.excludesFile`) come from gix and are consulted only for
//! untracked files.

use std::cell::RefCell;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use gix::bstr::ByteSlice;

use super::{
    Content, Entry, EntryKind, MAX_LINK_HOPS, RepoError, SKIPPED_DIRS, canonical, join_within,
    parent,
};

pub(super) struct Worktree {
    repo: gix::Repository,
    root: PathBuf,
    /// The index and the exclude stack, loaded on first need.
    ignore: RefCell<Option<Ignore>>,
}

struct Ignore {
    index: gix::index::File,
    /// Detached from the repository so that this struct does not borrow it; built when
    /// the first untracked path needs it.
    stack: Option<gix::worktree::Stack>,
}

impl Worktree {
    pub(super) fn open(repo: gix::Repository) -> Result<Worktree, RepoError> {
        let root = canonical(repo.workdir().expect("caller checked there is a worktree"));
        Ok(Worktree {
            repo,
            root,
            ignore: RefCell::new(None),
        })
    }

    pub(super) fn root(&self) -> &Path {
        &self.root
    }

    fn absolute(&self, path: &str) -> PathBuf {
        if path.is_empty() {
            self.root.clone()
        } else {
            self.root.join(path)
        }
    }

    /// True when every component of `dir` is a real directory, not a symlink.
    fn is_real_dir(&self, dir: &str) -> bool {
        let mut current = self.root.clone();
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
        if depth == 0 || dir.split('/').any(|p| p == ".git") || !self.is_real_dir(dir) {
            return Ok(Vec::new());
        }
        let mut entries = Vec::new();
        let walk = walkdir::WalkDir::new(self.absolute(dir))
            .min_depth(1)
            .max_depth(depth)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| {
                !(e.file_type().is_dir()
                    && e.file_name()
                        .to_str()
                        .is_some_and(|name| SKIPPED_DIRS.contains(&name)))
            });
        let mut walk = walk;
        while let Some(item) = walk.next() {
            let Ok(item) = item else { continue };
            let Ok(relative) = item.path().strip_prefix(&self.root) else {
                continue;
            };
            let Some(relative) = relative.to_str().map(|s| s.replace('\\', "/")) else {
                continue; // not UTF-8: no checklist name can match it
            };
            let file_type = item.file_type();
            if file_type.is_dir() {
                // Only a directory the walk will enter needs its ignore rules checked.
                if item.depth() < depth && self.is_ignored(&relative, true) {
                    walk.skip_current_dir();
                }
                continue;
            }
            if self.is_ignored(&relative, false) {
                continue;
            }
            let kind = if file_type.is_symlink() {
                self.resolve_link(&relative)
            } else if file_type.is_file() {
                EntryKind::File
            } else {
                continue; // sockets, fifos, devices
            };
            // A symlink to a directory is not a file.
            if let EntryKind::Link { resolved } = &kind
                && !self.absolute(resolved).is_file()
            {
                continue;
            }
            entries.push(Entry {
                path: relative,
                kind,
            });
        }
        Ok(entries)
    }

    /// Whether git ignores an untracked path; tracked files always count.
    fn is_ignored(&self, relative: &str, is_dir: bool) -> bool {
        let mut slot = self.ignore.borrow_mut();
        if slot.is_none() {
            *slot = self.load_index().map(|index| Ignore { index, stack: None });
        }
        let Some(ignore) = slot.as_mut() else {
            return false;
        };
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
        // Ignore rules are only needed once an untracked path turns up.
        if ignore.stack.is_none() {
            ignore.stack = self.load_excludes(&ignore.index);
        }
        let Some(stack) = ignore.stack.as_mut() else {
            return false;
        };
        let mode = is_dir.then_some(gix::index::entry::Mode::DIR);
        stack
            .at_entry(relative.as_bytes().as_bstr(), mode, &self.repo.objects)
            .map(|platform| platform.is_excluded())
            .unwrap_or(false)
    }

    /// The index tells tracked files from untracked ones. Its checksum is not verified:
    /// that hashes the whole file (a third of a check's time on a large repository), and
    /// a damaged index costs at most a misjudged untracked file.
    fn load_index(&self) -> Option<gix::index::File> {
        let path = self.repo.index_path();
        if path.is_file() {
            gix::index::File::at(&path, self.repo.object_hash(), true, Default::default()).ok()
        } else {
            let empty = gix::index::State::new(self.repo.object_hash());
            Some(gix::index::File::from_state(empty, path))
        }
    }

    /// `.gitignore` files, `.git/info/exclude` and `core.excludesFile`.
    fn load_excludes(&self, index: &gix::index::State) -> Option<gix::worktree::Stack> {
        let source = gix::worktree::stack::state::ignore::Source::WorktreeThenIdMappingIfNotSkipped;
        Some(self.repo.excludes(index, None, source).ok()?.detach())
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
        let read_error = |error: std::io::Error| RepoError::Read {
            path: path.to_owned(),
            message: error.to_string(),
        };
        let file = fs::File::open(self.absolute(path)).map_err(read_error)?;
        let size = file.metadata().map_err(read_error)?.len();
        let mut bytes = Vec::with_capacity(limit.min(size as usize));
        file.take(limit as u64)
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
        Ok(Content { bytes, size })
    }
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

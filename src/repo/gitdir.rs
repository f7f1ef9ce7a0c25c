//! git's own files, checked before gix reads them. gix opens them with a blocking `open`
//! and reads most of them whole: a FIFO in place of `.git/HEAD` hangs a check (and a
//! whole audit), and a sparse file of gigabytes fills the memory. So each file discovery
//! and the view read is checked first to be a regular file (symlinks followed, as git
//! follows them) within a cap; one that is not is an error that names it.

use std::fs;
use std::path::{Path, PathBuf};

use super::RepoError;
use super::bounded::{self, Links, Unread};

/// `HEAD`, a loose ref, `commondir`, `gitdir`, a `.git` file, an alternates file: a line
/// or a few.
const SMALL_BYTES: u64 = 64 * 1024;
/// The configuration. It grows with remotes and branches, a section of a hundred bytes
/// each: 1 MiB holds ten thousand of them. gix's parse takes some hundred times the
/// size of a file of small sections in memory.
const CONFIG_BYTES: u64 = 1 << 20;
/// The index, read into memory. An entry takes some hundred bytes, so this holds a
/// million files, twice Chromium's checkout; parsed, it takes about twice its size.
pub(super) const INDEX_BYTES: u64 = 128 << 20;
/// `packed-refs`, a line of some sixty bytes per ref: a million refs, where a mirror
/// with every pull request's refs has a few hundred thousand.
const PACKED_REFS_BYTES: u64 = 64 << 20;
/// `shallow`, a commit id a line: some 400,000 of them.
const SHALLOW_BYTES: u64 = 16 << 20;
/// Files gix maps into memory rather than reads (packs, their indexes, commit-graphs):
/// only their type matters.
const MAPPED: u64 = u64::MAX;
/// Alternates naming alternates, as deep as git follows them.
const MAX_ALTERNATES_DEPTH: usize = 5;
/// Symbolic refs naming symbolic refs, as deep as git follows them.
const MAX_SYMREF_HOPS: usize = 5;

/// Checks what gix reads of the repository holding `start`, discovery first (it reads
/// each candidate git directory on the way up, until one looks like a repository, where
/// it stops) and then what the view reads: returns the git directory checked.
pub(super) fn check_before_discovery(start: &Path) -> Result<Option<PathBuf>, RepoError> {
    for dir in start.ancestors() {
        let dot_git = dir.join(".git");
        if let Ok(meta) = fs::symlink_metadata(&dot_git) {
            let git_dir = if meta.is_dir() || dot_git.is_dir() {
                Some(dot_git)
            } else {
                // A `.git` file (a linked worktree, a submodule) names the git directory.
                read_small(&dot_git)?.and_then(|text| {
                    let target = text.trim_end().strip_prefix("gitdir:")?.trim();
                    Some(dir.join(target))
                })
            };
            if let Some(git_dir) = git_dir
                && check_candidate(&git_dir)?
            {
                return Ok(Some(git_dir));
            }
        }
        // A bare repository, or a git directory itself: not any directory that holds a
        // file named HEAD.
        if fs::symlink_metadata(dir.join("HEAD")).is_ok_and(|meta| !meta.is_dir())
            && dir.join("objects").is_dir()
            && check_candidate(dir)?
        {
            return Ok(Some(dir.to_path_buf()));
        }
    }
    Ok(None)
}

/// Checks the git directory gix opened, unless it is the one checked before discovery.
pub(super) fn check_opened(
    repo: &gix::Repository,
    checked: Option<&Path>,
) -> Result<(), RepoError> {
    if checked == Some(repo.git_dir()) {
        return Ok(());
    }
    check_candidate(repo.git_dir()).map(|_| ())
}

/// Checks the files discovery reads in a candidate git directory and, when it looks like
/// one, those gix reads once it is open, as they are needed: the index, the refs HEAD
/// goes through, `packed-refs`, `shallow`, and in each object directory (alternates
/// included) what gix opens. Returns whether it looks like a git directory.
fn check_candidate(git_dir: &Path) -> Result<bool, RepoError> {
    check(&git_dir.join("HEAD"), SMALL_BYTES)?;
    check(&git_dir.join("gitdir"), SMALL_BYTES)?;
    let common = common_dir(git_dir)?;
    check(&common.join("config"), CONFIG_BYTES)?;
    check(&git_dir.join("config.worktree"), CONFIG_BYTES)?;
    if !(git_dir.join("HEAD").is_file() && common.join("objects").is_dir()) {
        return Ok(false);
    }
    check(&git_dir.join("index"), INDEX_BYTES)?;
    check(&common.join("packed-refs"), PACKED_REFS_BYTES)?;
    check(&common.join("shallow"), SHALLOW_BYTES)?;
    check_head_refs(git_dir, &common)?;
    check_objects(&common.join("objects"), 0)?;
    Ok(true)
}

/// The common directory of `git_dir`: itself, unless a `commondir` file names another.
fn common_dir(git_dir: &Path) -> Result<PathBuf, RepoError> {
    Ok(read_small(&git_dir.join("commondir"))?
        .map(|text| git_dir.join(text.trim_end()))
        .unwrap_or_else(|| git_dir.to_path_buf()))
}

/// Checks the loose refs HEAD names, symbolic ref after symbolic ref.
fn check_head_refs(git_dir: &Path, common: &Path) -> Result<(), RepoError> {
    let mut text = read_small(&git_dir.join("HEAD"))?;
    for _ in 0..MAX_SYMREF_HOPS {
        let Some(name) = text
            .as_deref()
            .and_then(|text| text.trim_end().strip_prefix("ref:"))
            .map(str::trim)
        else {
            return Ok(());
        };
        // gix refuses such a name itself; nothing outside the repository is looked at.
        if name.split('/').any(|part| matches!(part, "" | "." | "..")) {
            return Ok(());
        }
        let (here, shared) = (git_dir.join(name), common.join(name));
        text = read_small(&here)?;
        if text.is_none() && shared != here {
            text = read_small(&shared)?;
        }
    }
    Ok(())
}

/// Checks what gix opens in the object directory `objects`, then in its alternates.
fn check_objects(objects: &Path, depth: usize) -> Result<(), RepoError> {
    let info = objects.join("info");
    check(&info.join("commit-graph"), MAPPED)?;
    check_mapped_entries(&info.join("commit-graphs"))?;
    check(
        &info.join("commit-graphs").join("commit-graph-chain"),
        SMALL_BYTES,
    )?;
    check_mapped_entries(&objects.join("pack"))?;
    let Some(alternates) = read_small(&info.join("alternates"))? else {
        return Ok(());
    };
    if depth >= MAX_ALTERNATES_DEPTH {
        return Ok(());
    }
    for line in alternates.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let alternate = objects.join(line);
        if alternate.is_dir() {
            check_objects(&alternate, depth + 1)?;
        }
    }
    Ok(())
}

/// Checks that every entry of `dir`, which gix maps into memory, is a regular file: by
/// the type the directory listing gives, with no `stat` but for symlinks.
fn check_mapped_entries(dir: &Path) -> Result<(), RepoError> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.filter_map(Result::ok) {
        match entry.file_type() {
            // gix lists directories, never opens them.
            Ok(kind) if kind.is_file() || kind.is_dir() => {}
            _ => check(&entry.path(), MAPPED)?,
        }
    }
    Ok(())
}

/// Checks that `path`, when there is something there, is a regular file within `cap`.
fn check(path: &Path, cap: u64) -> Result<(), RepoError> {
    match fs::metadata(path) {
        // Whatever else gets in the way (a permission), gix says it when it reads.
        Err(_) => Ok(()),
        Ok(meta) => bounded::regular(&meta, cap)
            .map(|_| ())
            .map_err(|why| refused(path, why)),
    }
}

/// A small file of git's, read; `None` when absent.
fn read_small(path: &Path) -> Result<Option<String>, RepoError> {
    match bounded::read(path, Links::Follow, SMALL_BYTES) {
        Ok(bytes) => Ok(bytes.map(|bytes| String::from_utf8_lossy(&bytes).into_owned())),
        // A directory, or a file that cannot be read: gix says why, if it matters.
        Err(Unread::Io(_)) => Ok(None),
        Err(Unread::NotRegular) if path.is_dir() => Ok(None),
        Err(why) => Err(refused(path, why)),
    }
}

/// The error for a file of git's that is not read.
pub(super) fn refused(path: &Path, why: Unread) -> RepoError {
    let path = path.display().to_string();
    match why {
        Unread::TooLarge { size, cap } => RepoError::TooLarge {
            path,
            size,
            limit: cap,
        },
        Unread::NotRegular | Unread::Symlink => RepoError::NotRegular { path },
        Unread::Io(error) => RepoError::Read {
            path,
            message: error.to_string(),
        },
    }
}

/// Checks the loose refs under `dir` (such as `refs/tags`), which gix reads whole as it
/// lists them: each a regular file within its cap. The walk keeps a stack of its own,
/// within [`super::MAX_DEPTH`] levels.
pub(super) fn check_loose_refs(dir: &Path) -> Result<(), RepoError> {
    let mut pending = vec![(dir.to_path_buf(), 0)];
    while let Some((dir, depth)) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => {
                    if depth < super::MAX_DEPTH {
                        pending.push((path, depth + 1));
                    }
                }
                _ => check(&path, SMALL_BYTES)?,
            }
        }
    }
    Ok(())
}

/// Checks every loose ref of the repository, before gix resolves a revision that may
/// name any of them.
pub(super) fn check_refs(repo: &gix::Repository) -> Result<(), RepoError> {
    check_loose_refs(&repo.common_dir().join("refs"))?;
    if repo.git_dir() != repo.common_dir() {
        check_loose_refs(&repo.git_dir().join("refs"))?;
    }
    Ok(())
}

/// Checks a file gix is about to read, such as a split index's shared part.
pub(super) fn check_file(path: &Path, cap: u64) -> Result<(), RepoError> {
    check(path, cap)
}

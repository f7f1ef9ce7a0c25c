//! The commit backend: the tree of one commit, read through gix with no checkout.
//!
//! Trees are decoded only along the paths probes ask about. Symlinks are blobs holding
//! their target; they are resolved inside the tree, never on disk. Every object is read
//! within a cap, and a listing is walked with a stack of its own, within
//! [`super::MAX_DEPTH`] levels and [`super::MAX_LISTED`] entries: a tree is a graph that
//! may nest a directory thirty thousand times, or name one subtree twice at every level.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::objs::tree::EntryKind as GitKind;

use super::objects::{self, MAX_OBJECT_BYTES};
use super::{
    Content, Entry, EntryKind, Limits, MAX_FILE_BYTES, MAX_LINK_HOPS, RepoError, SKIPPED_DIRS,
    join_within, parent,
};

/// A symlink's target longer than this (Linux's `PATH_MAX`) is no path: the link is
/// broken.
const MAX_LINK_TARGET_BYTES: u64 = 4096;

pub(super) struct TreeView {
    repo: gix::Repository,
    commit: ObjectId,
    tree: ObjectId,
    /// Trees already decoded: every lookup walks down from the root.
    decoded: RefCell<HashMap<ObjectId, Rc<[TreeEntry]>>>,
}

/// One entry of a tree: name, kind, id.
type TreeEntry = (String, GitKind, ObjectId);

/// What a path names in the tree.
enum Found {
    Blob(ObjectId),
    Link(ObjectId),
    Tree(ObjectId),
}

impl TreeView {
    /// The tree of the commit `rev` names. The commit and its tree are read now: a
    /// missing or damaged one is an error that names it.
    pub(super) fn open(repo: gix::Repository, rev: &str) -> Result<TreeView, RepoError> {
        // gix reads whichever loose refs a revision names, whole: they are checked first
        // (HEAD's were when the repository was opened).
        if rev != "HEAD" {
            super::gitdir::check_refs(&repo)?;
        }
        let id = match repo.rev_parse_single(rev) {
            Ok(id) => id.detach(),
            // A ref to an object that cannot be read is no bad revision: what cannot be
            // read is said below.
            Err(error) => named_by_ref(&repo, rev).ok_or_else(|| RepoError::BadRevision {
                rev: rev.to_owned(),
                message: error.to_string(),
            })?,
        };
        let (commit, tree) =
            objects::commit_and_tree(&repo, id).map_err(|message| RepoError::Damaged {
                path: super::canonical(repo.workdir().unwrap_or(repo.git_dir()))
                    .display()
                    .to_string(),
                what: if rev == "HEAD" {
                    "HEAD".to_owned()
                } else {
                    format!("revision `{rev}`")
                },
                message,
            })?;
        Ok(TreeView {
            repo,
            commit,
            tree,
            decoded: RefCell::default(),
        })
    }

    pub(super) fn repository(&self) -> &gix::Repository {
        &self.repo
    }

    pub(super) fn repository_mut(&mut self) -> &mut gix::Repository {
        &mut self.repo
    }

    pub(super) fn commit(&self) -> ObjectId {
        self.commit
    }

    pub(super) fn workdir(&self) -> Option<PathBuf> {
        self.repo.workdir().map(super::canonical)
    }

    fn git_error(&self, path: &str, error: impl std::fmt::Display) -> RepoError {
        RepoError::Read {
            path: path.to_owned(),
            message: error.to_string(),
        }
    }

    /// The entries of one tree object, as (name, kind, id); `dir` is the directory it is,
    /// for errors. Names git would not check out (`..`, `a/b`) are left out.
    fn entries(&self, id: ObjectId, dir: &str) -> Result<Rc<[TreeEntry]>, RepoError> {
        if let Some(entries) = self.decoded.borrow().get(&id) {
            return Ok(Rc::clone(entries));
        }
        let unreadable = |error: &dyn std::fmt::Display| RepoError::Read {
            path: if dir.is_empty() {
                format!("the root tree of commit {}", self.commit)
            } else {
                format!("the tree of {dir}/")
            },
            message: error.to_string(),
        };
        let mut buffer = Vec::new();
        objects::find_kind(
            &self.repo,
            &id,
            gix::objs::Kind::Tree,
            MAX_OBJECT_BYTES,
            &mut buffer,
        )
        .map_err(|e| unreadable(&e))?;
        let decoded = gix::objs::TreeRef::from_bytes(&buffer, self.repo.object_hash())
            .map_err(|e| unreadable(&e))?;
        let entries: Rc<[TreeEntry]> = decoded
            .entries
            .iter()
            .filter_map(|entry| {
                let name = entry.filename.to_str().ok()?;
                if matches!(name, "" | "." | "..") || name.contains('/') {
                    return None;
                }
                Some((name.to_owned(), entry.mode.kind(), entry.oid.to_owned()))
            })
            .collect();
        self.decoded.borrow_mut().insert(id, Rc::clone(&entries));
        Ok(entries)
    }

    /// What `path` names, walking down from the root tree.
    fn find(&self, path: &str) -> Result<Option<Found>, RepoError> {
        let mut current = Found::Tree(self.tree);
        let mut dir = "";
        for part in path.split('/').filter(|p| !p.is_empty()) {
            let Found::Tree(tree) = current else {
                return Ok(None);
            };
            let entries = self.entries(tree, dir)?;
            dir = &path[..dir.len() + usize::from(!dir.is_empty()) + part.len()];
            let Some(&(_, kind, id)) = entries.iter().find(|(name, _, _)| name == part) else {
                return Ok(None);
            };
            current = match kind {
                GitKind::Tree => Found::Tree(id),
                GitKind::Link => Found::Link(id),
                GitKind::Blob | GitKind::BlobExecutable => Found::Blob(id),
                GitKind::Commit => return Ok(None), // a submodule: not this repository's files
            };
        }
        Ok(Some(current))
    }

    pub(super) fn list(&self, dir: &str, depth: usize) -> Result<Vec<Entry>, RepoError> {
        if depth == 0 || dir.split('/').any(|p| p == ".git") {
            return Ok(Vec::new());
        }
        let Some(Found::Tree(tree)) = self.find(dir)? else {
            return Ok(Vec::new());
        };
        self.collect(tree, dir, depth)
    }

    /// The files of `tree`, the directory `dir`, down to `depth` levels: depth first, with
    /// a stack of the directories still to read rather than recursion.
    fn collect(&self, tree: ObjectId, dir: &str, depth: usize) -> Result<Vec<Entry>, RepoError> {
        let mut out = Vec::new();
        let mut limits = Limits::new(dir);
        // Each directory still to read: its tree, its path, the levels left below it.
        let mut pending = vec![(tree, dir.to_owned(), depth)];
        while let Some((tree, dir, depth)) = pending.pop() {
            for (name, kind, id) in self.entries(tree, &dir)?.iter() {
                let path = if dir.is_empty() {
                    name.clone()
                } else {
                    format!("{dir}/{name}")
                };
                limits.count(&path)?;
                match kind {
                    GitKind::Tree if depth > 1 && !SKIPPED_DIRS.contains(&name.as_str()) => {
                        limits.enter(&path)?;
                        pending.push((*id, path, depth - 1));
                    }
                    GitKind::Blob | GitKind::BlobExecutable => out.push(Entry {
                        path,
                        kind: EntryKind::File,
                    }),
                    GitKind::Link => {
                        let kind = self.resolve_link(&path, *id)?;
                        if let EntryKind::Link { resolved } = &kind
                            && !matches!(self.find(resolved)?, Some(Found::Blob(_)))
                        {
                            continue; // a link to a directory is not a file
                        }
                        out.push(Entry { path, kind });
                    }
                    _ => {}
                }
            }
        }
        Ok(out)
    }

    /// What a symlink holds: its target, when it is no longer than a path may be.
    fn link_target(&self, path: &str, id: ObjectId) -> Result<Option<String>, RepoError> {
        let mut buffer = Vec::new();
        match objects::find_kind(
            &self.repo,
            &id,
            gix::objs::Kind::Blob,
            MAX_LINK_TARGET_BYTES,
            &mut buffer,
        ) {
            Ok(()) => Ok(Some(String::from_utf8_lossy(&buffer).into_owned())),
            Err(_)
                if self
                    .size_of(id)
                    .is_ok_and(|size| size > MAX_LINK_TARGET_BYTES) =>
            {
                Ok(None)
            }
            Err(error) => Err(self.git_error(path, error)),
        }
    }

    fn size_of(&self, id: ObjectId) -> Result<u64, RepoError> {
        Ok(self
            .repo
            .find_header(id)
            .map_err(|e| self.git_error(&id.to_string(), e))?
            .size())
    }

    fn resolve_link(&self, path: &str, id: ObjectId) -> Result<EntryKind, RepoError> {
        let mut current = path.to_owned();
        let Some(mut target) = self.link_target(path, id)? else {
            return Ok(EntryKind::BrokenLink {
                target: String::new(),
            });
        };
        for _ in 0..MAX_LINK_HOPS {
            let Some(next) = join_within(parent(&current), &target) else {
                return Ok(EntryKind::OutsideLink { target });
            };
            match self.find(&next)? {
                Some(Found::Link(id)) => {
                    let Some(next_target) = self.link_target(&next, id)? else {
                        return Ok(EntryKind::BrokenLink { target });
                    };
                    target = next_target;
                    current = next;
                }
                Some(_) => return Ok(EntryKind::Link { resolved: next }),
                None => return Ok(EntryKind::BrokenLink { target }),
            }
        }
        Ok(EntryKind::BrokenLink { target })
    }

    fn blob(&self, path: &str) -> Result<ObjectId, RepoError> {
        match self.find(path)? {
            Some(Found::Blob(id)) => Ok(id),
            _ => Err(RepoError::Read {
                path: path.to_owned(),
                message: "not a file in this commit".into(),
            }),
        }
    }

    pub(super) fn size(&self, path: &str) -> Result<u64, RepoError> {
        let id = self.blob(path)?;
        let header = self
            .repo
            .find_header(id)
            .map_err(|e| self.git_error(path, e))?;
        Ok(header.size())
    }

    pub(super) fn read(&self, path: &str, limit: usize) -> Result<Content, RepoError> {
        let id = self.blob(path)?;
        read_blob(&self.repo, id, path, limit)
    }

    /// [`TreeView::read`] of many files, on every core, one repository handle per thread.
    pub(super) fn read_many(
        &self,
        paths: &[&str],
        limit: usize,
    ) -> Vec<Result<Content, RepoError>> {
        let ids: Vec<Result<ObjectId, RepoError>> =
            paths.iter().map(|path| self.blob(path)).collect();
        if super::threads_for(ids.len()) == 1 {
            return ids
                .iter()
                .zip(paths)
                .map(|(id, path)| read_blob(&self.repo, id.clone()?, path, limit))
                .collect();
        }
        let git_dir = self.repo.git_dir().to_owned();
        let options = self.repo.open_options().clone().open_path_as_is(true);
        super::in_parallel(
            ids.len(),
            || gix::open_opts(git_dir.clone(), options.clone()),
            |repo, index| {
                let repo = repo.as_ref().map_err(|error| RepoError::Open {
                    path: git_dir.display().to_string(),
                    message: error.to_string(),
                })?;
                read_blob(repo, ids[index].clone()?, paths[index], limit)
            },
        )
    }
}

/// The object the ref `rev` (`HEAD`, a branch, a tag) names, read or not.
fn named_by_ref(repo: &gix::Repository, rev: &str) -> Option<ObjectId> {
    if rev == "HEAD" {
        return repo.head().ok()?.id().map(|id| id.detach());
    }
    let mut reference = repo.try_find_reference(rev).ok()??;
    reference.follow_to_object().ok().map(|id| id.detach())
}

/// At most `limit` bytes of a blob (`path` in messages); one over [`MAX_FILE_BYTES`] is
/// refused before it is inflated.
fn read_blob(
    repo: &gix::Repository,
    id: ObjectId,
    path: &str,
    limit: usize,
) -> Result<Content, RepoError> {
    let git_error = |error: &dyn std::fmt::Display| RepoError::Read {
        path: path.to_owned(),
        message: error.to_string(),
    };
    let size = repo.find_header(id).map_err(|e| git_error(&e))?.size();
    if size > MAX_FILE_BYTES {
        return Err(RepoError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::new();
    objects::find_kind(repo, &id, gix::objs::Kind::Blob, MAX_FILE_BYTES, &mut bytes)
        .map_err(|e| git_error(&e))?;
    bytes.truncate(limit);
    Ok(Content { bytes, size })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repo::MAX_DEPTH;

    /// A repository whose one commit holds `a/…/a/file` and `b/…/b/file`, nested `within`
    /// and `beyond` directories deep, made by `git fast-import`.
    fn nested(within: usize, beyond: usize) -> tempfile::TempDir {
        use std::io::Write;
        let dir = tempfile::tempdir().expect("a temporary directory");
        super::super::test_git(
            dir.path(),
            &["init", "-q", "--bare"],
            "2026-01-01T00:00:00Z",
        );
        let path = |name: &str, depth: usize| format!("{}/file", vec![name; depth].join("/"));
        let stream = format!(
            "commit refs/heads/main\ncommitter A <a@example.org> 1767225600 +0000\ndata 4\ndeep\n\
             M 100644 inline {}\ndata 2\na\n\nM 100644 inline {}\ndata 2\nb\n\n",
            path("a", within),
            path("b", beyond)
        );
        let mut import = std::process::Command::new("git")
            .args(["fast-import", "--quiet"])
            .current_dir(dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .stdin(std::process::Stdio::piped())
            .spawn()
            .expect("git fast-import runs");
        import
            .stdin
            .take()
            .expect("a pipe")
            .write_all(stream.as_bytes())
            .expect("written");
        assert!(import.wait().expect("it ends").success());
        super::super::test_git(
            dir.path(),
            &["symbolic-ref", "HEAD", "refs/heads/main"],
            "2026-01-01T00:00:00Z",
        );
        dir
    }

    #[test]
    fn a_deep_tree_is_walked_on_a_small_stack_and_a_deeper_one_is_refused() {
        let dir = nested(MAX_DEPTH, MAX_DEPTH + 1);
        let path = dir.path().to_owned();
        // A recursive walk needs some hundreds of bytes of stack a level: a thousand
        // levels overflowed this stack.
        let walked = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                let repo = gix::open(&path).expect("a repository");
                let view = TreeView::open(repo, "HEAD").expect("a commit");
                let within = view.list("a", usize::MAX).map(|entries| entries.len());
                let beyond = view.list("b", usize::MAX).map(|entries| entries.len());
                let whole = view.list("", usize::MAX).map(|entries| entries.len());
                (within, beyond, whole)
            })
            .expect("a thread")
            .join()
            .expect("no stack overflow");
        assert_eq!(walked.0.expect("listed"), 1);
        for refused in [walked.1, walked.2] {
            let error = refused.expect_err("too deep").to_string();
            assert!(
                error.starts_with("b/b/b/")
                    && error.ends_with(&format!(
                        "… nests directories more than {MAX_DEPTH} levels deep; ospo goes no deeper"
                    )),
                "{error}"
            );
        }
    }
}

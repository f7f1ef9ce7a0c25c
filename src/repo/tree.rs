//! The commit backend: the tree of one commit, read through gix with no checkout.
//!
//! Trees are decoded only along the paths probes ask about. Symlinks are blobs holding
//! their target; they are resolved inside the tree, never on disk.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::objs::tree::EntryKind as GitKind;

use super::{
    Content, Entry, EntryKind, MAX_FILE_BYTES, MAX_LINK_HOPS, RepoError, SKIPPED_DIRS, join_within,
    parent,
};

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
    pub(super) fn open(repo: gix::Repository, rev: &str) -> Result<TreeView, RepoError> {
        let bad = |message: String| RepoError::BadRevision {
            rev: rev.to_owned(),
            message,
        };
        let (commit, tree) = {
            let id = repo
                .rev_parse_single(rev)
                .map_err(|error| bad(error.to_string()))?;
            let commit = id
                .object()
                .map_err(|error| bad(error.to_string()))?
                .peel_to_commit()
                .map_err(|error| bad(error.to_string()))?;
            let tree = commit
                .tree_id()
                .map_err(|error| bad(error.to_string()))?
                .detach();
            (commit.id, tree)
        };
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

    /// The entries of one tree object, as (name, kind, id).
    fn entries(&self, id: ObjectId, path: &str) -> Result<Rc<[TreeEntry]>, RepoError> {
        if let Some(entries) = self.decoded.borrow().get(&id) {
            return Ok(Rc::clone(entries));
        }
        let tree = self
            .repo
            .find_tree(id)
            .map_err(|e| self.git_error(path, e))?;
        let decoded = tree.decode().map_err(|e| self.git_error(path, e))?;
        let entries: Rc<[TreeEntry]> = decoded
            .entries
            .iter()
            .filter_map(|entry| {
                let name = entry.filename.to_str().ok()?.to_owned();
                Some((name, entry.mode.kind(), entry.oid.to_owned()))
            })
            .collect();
        self.decoded.borrow_mut().insert(id, Rc::clone(&entries));
        Ok(entries)
    }

    /// What `path` names, walking down from the root tree.
    fn find(&self, path: &str) -> Result<Option<Found>, RepoError> {
        let mut current = Found::Tree(self.tree);
        for part in path.split('/').filter(|p| !p.is_empty()) {
            let Found::Tree(tree) = current else {
                return Ok(None);
            };
            let entries = self.entries(tree, path)?;
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
        let mut entries = Vec::new();
        self.collect(tree, dir, depth, &mut entries)?;
        Ok(entries)
    }

    fn collect(
        &self,
        tree: ObjectId,
        dir: &str,
        depth: usize,
        out: &mut Vec<Entry>,
    ) -> Result<(), RepoError> {
        for (name, kind, id) in self.entries(tree, dir)?.iter().cloned() {
            let path = if dir.is_empty() {
                name
            } else {
                format!("{dir}/{name}")
            };
            match kind {
                GitKind::Tree
                    if depth > 1
                        && !SKIPPED_DIRS
                            .iter()
                            .any(|d| path.rsplit('/').next() == Some(d)) =>
                {
                    self.collect(id, &path, depth - 1, out)?
                }
                GitKind::Blob | GitKind::BlobExecutable => out.push(Entry {
                    path,
                    kind: EntryKind::File,
                }),
                GitKind::Link => {
                    let kind = self.resolve_link(&path, id)?;
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
        Ok(())
    }

    fn link_target(&self, path: &str, id: ObjectId) -> Result<String, RepoError> {
        let blob = self
            .repo
            .find_blob(id)
            .map_err(|e| self.git_error(path, e))?;
        Ok(String::from_utf8_lossy(&blob.data).into_owned())
    }

    fn resolve_link(&self, path: &str, id: ObjectId) -> Result<EntryKind, RepoError> {
        let mut current = path.to_owned();
        let mut target = self.link_target(path, id)?;
        for _ in 0..MAX_LINK_HOPS {
            let Some(next) = join_within(parent(&current), &target) else {
                return Ok(EntryKind::OutsideLink { target });
            };
            match self.find(&next)? {
                Some(Found::Link(id)) => {
                    target = self.link_target(&next, id)?;
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
        });
    }
    let blob = repo.find_blob(id).map_err(|e| git_error(&e))?;
    let mut bytes = blob.detach().data;
    bytes.truncate(limit);
    Ok(Content { bytes, size })
}

//! Objects read from a repository's database.
//!
//! gix maps each loose object into memory to read it, and unmapping costs every core
//! running the process a TLB flush: with a worker per core (an audit), a repository's
//! few dozen loose objects cost more to unmap than to inflate. So in a repository that
//! has loose objects only, they are read here with `read(2)`; packs, replacement refs
//! and alternates stay with gix.

use gix::ObjectId;
use gix::objs::Kind;

/// Largest loose file read here, compressed; larger objects are left to gix.
const MAX_LOOSE_FILE_BYTES: u64 = 1 << 20;

/// Largest object inflated here; gix reads larger ones under its own limits.
const MAX_LOOSE_OBJECT_BYTES: u64 = 16 << 20;

/// Largest tree, commit or tag object read: one larger is damaged or hostile (a tree of
/// 16 MiB lists some 300,000 files, a commit of 16 MiB is all message). Blobs have their
/// own cap, [`super::MAX_FILE_BYTES`].
pub(super) const MAX_OBJECT_BYTES: u64 = 16 << 20;

/// Object `id` of `repo`, of at most `cap` bytes, inflated into `buffer`: its kind, or
/// `None` when the repository has no such object. A larger object is an error, told
/// before it is inflated.
pub(super) fn find(
    repo: &gix::Repository,
    id: &ObjectId,
    cap: u64,
    buffer: &mut Vec<u8>,
) -> Result<Option<Kind>, String> {
    use gix::objs::Find;
    if *id == ObjectId::empty_tree(repo.object_hash()) {
        buffer.clear();
        return Ok(Some(Kind::Tree));
    }
    if loose_only(repo) {
        match read_loose(repo.objects.store_ref().path(), id, cap, buffer)? {
            Loose::Read(kind) => return Ok(Some(kind)),
            Loose::Absent | Loose::LeftToGix => {}
        }
    }
    // gix inflates an object whole: its size is asked first.
    let Some(header) = repo
        .try_find_header(*id)
        .map_err(|error| error.to_string())?
    else {
        return Ok(None);
    };
    if header.size() > cap {
        return Err(too_large(id, header.size(), cap));
    }
    Ok(repo
        .objects
        .try_find(id, buffer)
        .map_err(|error| error.to_string())?
        .map(|data| data.kind))
}

fn too_large(id: &ObjectId, size: u64, cap: u64) -> String {
    format!("object {id} is {size} bytes, more than the {cap} bytes ospo reads")
}

/// Object `id`, which must be of kind `kind`, of at most `cap` bytes, into `buffer`.
pub(super) fn find_kind(
    repo: &gix::Repository,
    id: &ObjectId,
    kind: Kind,
    cap: u64,
    buffer: &mut Vec<u8>,
) -> Result<(), String> {
    match find(repo, id, cap, buffer)? {
        Some(found) if found == kind => Ok(()),
        Some(found) => Err(format!("object {id} is a {found}, not a {kind}")),
        None => Err(format!("object {id} is missing")),
    }
}

/// How many annotated tags a revision may go through to reach its commit; git itself
/// gives up on a chain of tags this long.
const MAX_TAG_HOPS: usize = 32;

/// The commit `id` names, through annotated tags, and that commit's tree: both read
/// (within [`MAX_OBJECT_BYTES`]), so that a damaged or missing one is told now rather
/// than taken for an empty history or an empty tree later.
pub(super) fn commit_and_tree(
    repo: &gix::Repository,
    id: ObjectId,
) -> Result<(ObjectId, ObjectId), String> {
    let mut buffer = Vec::new();
    let commit = peel_to_commit(repo, id, &mut buffer)?;
    let tree = gix::objs::CommitRefIter::from_bytes(&buffer, repo.object_hash())
        .tree_id()
        .map_err(|error| format!("commit {commit}: {error}"))?;
    match find(repo, &tree, MAX_OBJECT_BYTES, &mut buffer)? {
        Some(Kind::Tree) => {}
        Some(kind) => return Err(format!("the tree of commit {commit}, {tree}, is a {kind}")),
        None => return Err(format!("the tree of commit {commit}, {tree}, is missing")),
    }
    // A tree that does not decode is as damaged as a missing one.
    gix::objs::TreeRef::from_bytes(&buffer, repo.object_hash())
        .map_err(|error| format!("tree {tree}: {error}"))?;
    Ok((commit, tree))
}

/// The commit `id` names, through annotated tags, each object read within
/// [`MAX_OBJECT_BYTES`]; the commit's bytes are left in `buffer`.
pub(super) fn peel_to_commit(
    repo: &gix::Repository,
    id: ObjectId,
    buffer: &mut Vec<u8>,
) -> Result<ObjectId, String> {
    let mut current = id;
    for _ in 0..MAX_TAG_HOPS {
        match find(repo, &current, MAX_OBJECT_BYTES, buffer)? {
            None => return Err(format!("object {current} is missing")),
            Some(Kind::Tag) => {
                current = gix::objs::TagRefIter::from_bytes(buffer, repo.object_hash())
                    .target_id()
                    .map_err(|error| format!("tag {current}: {error}"))?;
            }
            Some(Kind::Commit) => return Ok(current),
            Some(kind) => return Err(format!("object {current} is a {kind}, not a commit")),
        }
    }
    Err(format!(
        "{id} goes through more than {MAX_TAG_HOPS} tags before a commit"
    ))
}

/// Whether the repository's objects are loose files only, with no replacement: then
/// they are read here. gix counts the packs once per handle.
fn loose_only(repo: &gix::Repository) -> bool {
    repo.objects.store_ref().replacements().next().is_none()
        && repo
            .objects
            .packed_object_count()
            .is_ok_and(|count| count == 0)
}

/// What [`read_loose`] made of an object.
enum Loose {
    Read(Kind),
    /// No such file: the object may be packed, or in an alternate.
    Absent,
    /// A file too large to be read here whole: gix maps it.
    LeftToGix,
}

/// Object `id`, of at most `cap` bytes, from its loose file under `objects`. The file is
/// opened only when it is a regular one, and never waits on a FIFO.
fn read_loose(
    objects: &std::path::Path,
    id: &ObjectId,
    cap: u64,
    buffer: &mut Vec<u8>,
) -> Result<Loose, String> {
    use super::bounded::{self, Links, Unread};
    let hex = id.to_hex().to_string();
    let path = objects.join(&hex[..2]).join(&hex[2..]);
    let unreadable = |error: &dyn std::fmt::Display| format!("loose object {hex}: {error}");
    let (file, size) = match bounded::open(&path, Links::Follow, MAX_LOOSE_FILE_BYTES) {
        Ok(Some(opened)) => opened,
        Ok(None) => return Ok(Loose::Absent),
        Err(Unread::TooLarge { .. }) => return Ok(Loose::LeftToGix),
        Err(Unread::NotRegular | Unread::Symlink) => {
            return Err(unreadable(&"not a regular file"));
        }
        Err(Unread::Io(error)) => return Err(unreadable(&error)),
    };
    if size == 0 {
        return Ok(Loose::LeftToGix);
    }
    let compressed = bounded::read_open(file, size, MAX_LOOSE_FILE_BYTES).map_err(|error| {
        unreadable(&match error {
            Unread::Io(error) => error.to_string(),
            _ => "changed while read".to_owned(),
        })
    })?;
    let mut inflate = gix::zlib::Inflate::default();
    // The header, `<kind> <size>\0`, and the start of the body.
    let mut header = [0u8; 64];
    let (status, consumed_in, consumed_out) = inflate
        .prefix(&compressed, &mut header)
        .map_err(|e| unreadable(&e))?;
    let (kind, body, header_size) =
        gix::objs::decode::loose_header(&header[..consumed_out]).map_err(|e| unreadable(&e))?;
    if body > cap {
        return Err(too_large(id, body, cap));
    }
    if body > MAX_LOOSE_OBJECT_BYTES {
        return Ok(Loose::LeftToGix);
    }
    let body = body as usize;
    if status == gix::zlib::Status::StreamEnd {
        buffer.clear();
        buffer.extend_from_slice(&header[header_size..consumed_out]);
    } else {
        inflate
            .rest(
                &compressed[consumed_in..],
                &header[..consumed_out],
                header_size,
                buffer,
                body,
            )
            .map_err(|e| unreadable(&e))?;
    }
    if buffer.len() != body {
        return Err(unreadable(&format_args!(
            "{} bytes inflated, the header says {body}",
            buffer.len()
        )));
    }
    Ok(Loose::Read(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs git in `dir` in a pinned environment.
    fn git(dir: &std::path::Path, args: &[&str]) -> String {
        super::super::test_git(dir, args, "2026-01-01T00:00:00Z")
    }

    /// A repository of five loose objects: two commits of one tree, a large blob that
    /// does not inflate in one step, and a small one that does.
    fn loose_repository() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary directory");
        git(dir.path(), &["init", "-q", "-b", "main"]);
        let large: String = (0..20_000).map(|i| format!("line {i}\n")).collect();
        std::fs::write(dir.path().join("large.txt"), large).expect("written");
        std::fs::write(dir.path().join("small.txt"), "small\n").expect("written");
        git(dir.path(), &["add", "."]);
        git(dir.path(), &["commit", "-q", "-m", "first"]);
        git(
            dir.path(),
            &["commit", "-q", "--allow-empty", "-m", "second"],
        );
        dir
    }

    /// Every object of the repository, as `(id, kind)`, by `git cat-file`.
    fn every_object(dir: &std::path::Path) -> Vec<(ObjectId, Kind)> {
        git(
            dir,
            &[
                "cat-file",
                "--batch-all-objects",
                "--batch-check=%(objectname) %(objecttype)",
            ],
        )
        .lines()
        .map(|line| {
            let (id, kind) = line.split_once(' ').expect("id and type");
            (
                ObjectId::from_hex(id.as_bytes()).expect("an id"),
                Kind::from_bytes(kind.as_bytes()).expect("a kind"),
            )
        })
        .collect()
    }

    /// What gix reads of object `id`.
    fn by_gix(repo: &gix::Repository, id: ObjectId) -> (Kind, Vec<u8>) {
        let object = repo.find_object(id).expect("gix reads it");
        (object.kind, object.data.clone())
    }

    #[test]
    fn loose_objects_read_here_are_those_gix_reads() {
        let dir = loose_repository();
        let repo = gix::open(dir.path()).expect("a repository");
        assert!(loose_only(&repo));
        let objects = every_object(dir.path());
        assert_eq!(objects.len(), 5, "{objects:?}");
        let mut buffer = Vec::new();
        for (id, kind) in objects {
            let Loose::Read(read) =
                read_loose(repo.objects.store_ref().path(), &id, 1 << 20, &mut buffer)
                    .expect("readable")
            else {
                panic!("{id} is not read here");
            };
            assert_eq!((read, buffer.clone()), by_gix(&repo, id), "{id}");
            assert_eq!(read, kind);
            assert_eq!(find(&repo, &id, 1 << 20, &mut buffer), Ok(Some(kind)));
        }
        let head = repo.head_id().expect("a HEAD").detach();
        let tree = repo.head_tree_id().expect("a tree").detach();
        assert_eq!(commit_and_tree(&repo, head), Ok((head, tree)));
    }

    #[test]
    fn packed_objects_and_missing_ones_are_left_to_gix() {
        let dir = loose_repository();
        git(dir.path(), &["gc", "-q"]);
        let repo = gix::open(dir.path()).expect("a repository");
        assert!(!loose_only(&repo));
        let head = repo.head_id().expect("a HEAD").detach();
        let tree = repo.head_tree_id().expect("a tree").detach();
        assert_eq!(commit_and_tree(&repo, head), Ok((head, tree)));
        let mut buffer = Vec::new();
        for (id, kind) in every_object(dir.path()) {
            assert_eq!(find(&repo, &id, 1 << 20, &mut buffer), Ok(Some(kind)));
            assert_eq!(buffer, by_gix(&repo, id).1);
        }
        let absent = ObjectId::from_hex(b"0123456789012345678901234567890123456789").unwrap();
        assert_eq!(find(&repo, &absent, 1 << 20, &mut buffer), Ok(None));
    }

    #[test]
    fn objects_over_the_cap_are_refused_before_they_are_inflated() {
        let dir = loose_repository();
        git(dir.path(), &["gc", "-q"]);
        let loose = loose_repository();
        for dir in [dir.path(), loose.path()] {
            let repo = gix::open(dir).expect("a repository");
            let large = every_object(dir)
                .into_iter()
                .filter(|(_, kind)| *kind == Kind::Blob)
                .map(|(id, _)| (repo.find_header(id).expect("a header").size(), id))
                .max()
                .expect("blobs")
                .1;
            let mut buffer = Vec::new();
            let error = find(&repo, &large, 1000, &mut buffer).expect_err("too large");
            assert!(
                error.ends_with("more than the 1000 bytes ospo reads"),
                "{error}"
            );
            assert!(buffer.is_empty());
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_loose_object_that_is_a_fifo_is_refused_without_waiting() {
        let dir = loose_repository();
        let repo = gix::open(dir.path()).expect("a repository");
        let head = repo.head_id().expect("a HEAD").detach();
        let hex = head.to_hex().to_string();
        let path = repo
            .objects
            .store_ref()
            .path()
            .join(&hex[..2])
            .join(&hex[2..]);
        std::fs::remove_file(&path).expect("removed");
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("mkfifo runs");
        assert!(status.success());
        let error = commit_and_tree(&repo, head).expect_err("a FIFO");
        assert!(error.ends_with("not a regular file"), "{error}");
    }

    #[test]
    fn a_damaged_loose_object_is_an_error_and_its_tree_missing_is_told_by_gix() {
        let dir = loose_repository();
        let repo = gix::open(dir.path()).expect("a repository");
        let objects = repo.objects.store_ref().path().to_owned();
        let path_of = |id: &ObjectId| {
            let hex = id.to_hex().to_string();
            objects.join(&hex[..2]).join(&hex[2..])
        };
        let head = repo.head_id().expect("a HEAD").detach();
        let tree = repo.head_tree_id().expect("a tree").detach();
        std::fs::remove_file(path_of(&tree)).expect("removed");
        let error = commit_and_tree(&repo, head).expect_err("no tree");
        assert_eq!(
            error,
            format!("the tree of commit {head}, {tree}, is missing")
        );

        let blob = every_object(dir.path())
            .into_iter()
            .find(|(_, kind)| *kind == Kind::Blob)
            .expect("a blob")
            .0;
        let path = path_of(&blob);
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        std::fs::set_permissions(&path, permissions).unwrap();
        std::fs::write(&path, b"not zlib at all").expect("written");
        let mut buffer = Vec::new();
        let error = find(&repo, &blob, 1 << 20, &mut buffer).expect_err("damaged");
        assert!(error.contains(&blob.to_string()), "{error}");
        assert_ne!(head, blob);
    }
}

//! Objects read from a repository's database.
//!
//! gix maps each loose object into memory to read it, and unmapping costs every core
//! running the process a TLB flush: with a worker per core (an audit), a repository's
//! few dozen loose objects cost more to unmap than to inflate. So in a repository that
//! has loose objects only, they are read here with `read(2)`; packs, replacement refs
//! and alternates stay with gix.

use std::io::Read;

use gix::ObjectId;
use gix::objs::Kind;

/// Largest loose file read here, compressed; larger objects are left to gix.
const MAX_LOOSE_FILE_BYTES: u64 = 1 << 20;

/// Largest object inflated here; gix reads larger ones under its own limits.
const MAX_LOOSE_OBJECT_BYTES: u64 = 16 << 20;

/// Object `id` of `repo`, inflated into `buffer`: its kind, or `None` when the
/// repository has no such object.
pub(super) fn find(
    repo: &gix::Repository,
    id: &ObjectId,
    buffer: &mut Vec<u8>,
) -> Result<Option<Kind>, String> {
    use gix::objs::Find;
    if loose_only(repo)
        && let Some(kind) = read_loose(repo.objects.store_ref().path(), id, buffer)?
    {
        return Ok(Some(kind));
    }
    Ok(repo
        .objects
        .try_find(id, buffer)
        .map_err(|error| error.to_string())?
        .map(|data| data.kind))
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

/// Object `id` from its loose file under `objects`: its kind, or `None` when there is no
/// such file (the object may be in an alternate) or it is too large to be read here.
fn read_loose(
    objects: &std::path::Path,
    id: &ObjectId,
    buffer: &mut Vec<u8>,
) -> Result<Option<Kind>, String> {
    let hex = id.to_hex().to_string();
    let path = objects.join(&hex[..2]).join(&hex[2..]);
    let unreadable = |error: &dyn std::fmt::Display| format!("loose object {hex}: {error}");
    let mut file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(unreadable(&error)),
    };
    let size = file.metadata().map_err(|e| unreadable(&e))?.len();
    if size == 0 || size > MAX_LOOSE_FILE_BYTES {
        return Ok(None);
    }
    let mut compressed = vec![0; size as usize];
    file.read_exact(&mut compressed)
        .map_err(|e| unreadable(&e))?;
    let mut inflate = gix::zlib::Inflate::default();
    // The header, `<kind> <size>\0`, and the start of the body.
    let mut header = [0u8; 64];
    let (status, consumed_in, consumed_out) = inflate
        .prefix(&compressed, &mut header)
        .map_err(|e| unreadable(&e))?;
    let (kind, body, header_size) =
        gix::objs::decode::loose_header(&header[..consumed_out]).map_err(|e| unreadable(&e))?;
    if body > MAX_LOOSE_OBJECT_BYTES {
        return Ok(None);
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
    Ok(Some(kind))
}

/// The commit HEAD names, when it names one directly (a branch or a detached HEAD, not a
/// tag) and that commit and its tree can both be read; `None` when gix must tell (an
/// unborn HEAD, a tag, a missing or damaged object), as it does for packed objects too.
pub(super) fn readable_head_commit(repo: &gix::Repository) -> Option<ObjectId> {
    if !loose_only(repo) {
        return None;
    }
    let id = repo.head().ok()?.id()?.detach();
    let objects = repo.objects.store_ref().path();
    let mut buffer = Vec::new();
    if read_loose(objects, &id, &mut buffer).ok()?? != Kind::Commit {
        return None;
    }
    let tree = gix::objs::CommitRefIter::from_bytes(&buffer, repo.object_hash())
        .tree_id()
        .ok()?;
    (read_loose(objects, &tree, &mut buffer).ok()?? == Kind::Tree).then_some(id)
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
            let read = read_loose(repo.objects.store_ref().path(), &id, &mut buffer)
                .expect("readable")
                .expect("loose");
            assert_eq!((read, buffer.clone()), by_gix(&repo, id), "{id}");
            assert_eq!(read, kind);
            assert_eq!(find(&repo, &id, &mut buffer), Ok(Some(kind)));
        }
        let head = repo.head_id().expect("a HEAD").detach();
        assert_eq!(readable_head_commit(&repo), Some(head));
    }

    #[test]
    fn packed_objects_and_missing_ones_are_left_to_gix() {
        let dir = loose_repository();
        git(dir.path(), &["gc", "-q"]);
        let repo = gix::open(dir.path()).expect("a repository");
        assert!(!loose_only(&repo));
        assert_eq!(readable_head_commit(&repo), None);
        let mut buffer = Vec::new();
        for (id, kind) in every_object(dir.path()) {
            assert_eq!(find(&repo, &id, &mut buffer), Ok(Some(kind)));
            assert_eq!(buffer, by_gix(&repo, id).1);
        }
        let absent = ObjectId::from_hex(b"0123456789012345678901234567890123456789").unwrap();
        assert_eq!(find(&repo, &absent, &mut buffer), Ok(None));
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
        assert_eq!(readable_head_commit(&repo), None);

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
        let error = find(&repo, &blob, &mut buffer).expect_err("damaged");
        assert!(error.contains(&blob.to_string()), "{error}");
        assert_ne!(head, blob);
    }
}

//! Finding the repositories to audit: worktrees and bare repositories under the paths
//! given, without descending into a repository once found and without following symlinks;
//! and the deterministic share of them a shard takes.

use std::path::{Path, PathBuf};

/// What kind of directory this is, by its entries alone (nothing is opened or run).
fn is_repository(dir: &Path) -> bool {
    // A worktree: `.git` is a directory, or a file pointing at one (linked worktrees,
    // submodules).
    let dot_git = dir.join(".git");
    if std::fs::symlink_metadata(&dot_git).is_ok_and(|meta| meta.is_dir() || meta.is_file()) {
        return true;
    }
    is_git_dir(dir)
}

/// A bare repository, or a git directory: `HEAD`, `objects/` and `refs/`. A `HEAD` that
/// is no regular file (a FIFO, a symlink) still makes one: the audit then says why it
/// cannot be read, rather than leave it out unseen.
fn is_git_dir(dir: &Path) -> bool {
    let is = |name: &str, dir_wanted: bool| {
        std::fs::symlink_metadata(dir.join(name)).is_ok_and(|meta| meta.is_dir() == dir_wanted)
    };
    is("HEAD", false) && is("objects", true) && is("refs", true)
}

/// What a search for repositories found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// The repositories, sorted and without duplicates.
    pub repositories: Vec<PathBuf>,
    /// The directories below the roots that could not be read, sorted: whatever
    /// repositories they hold cannot be checked, and each is an error row of the audit
    /// rather than a directory taken for empty.
    pub unreadable: Vec<Unreadable>,
}

/// A directory the search could not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub path: PathBuf,
    pub error: String,
}

impl Discovered {
    /// Keeps the repositories and the unreadable directories whose path `keep` takes.
    pub fn retain(&mut self, keep: impl Fn(&Path) -> bool) {
        self.repositories.retain(|path| keep(path));
        self.unreadable.retain(|dir| keep(&dir.path));
    }

    /// Whether nothing was found: no repository, and no directory that may hide one.
    pub fn is_empty(&self) -> bool {
        self.repositories.is_empty() && self.unreadable.is_empty()
    }
}

/// The repositories under `roots`. A root that is a repository is one; otherwise it is
/// searched. Symlinks are never followed, so nothing outside the roots is reached. A root
/// that cannot be read is an error; a directory below it that cannot be read is listed
/// apart ([`Discovered::unreadable`]), its neighbours still searched.
pub fn discover(roots: &[PathBuf]) -> std::io::Result<Discovered> {
    let mut found = Discovered::default();
    for root in roots {
        let meta = std::fs::metadata(root).map_err(|error| {
            std::io::Error::new(error.kind(), format!("{}: {error}", root.display()))
        })?;
        if !meta.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                format!("{} is not a directory", root.display()),
            ));
        }
        let mut walk = walkdir::WalkDir::new(root)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = walk.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error.path().unwrap_or(root).to_path_buf();
                    let why = error
                        .io_error()
                        .map_or_else(|| error.to_string(), std::io::Error::to_string);
                    if path == *root {
                        return Err(std::io::Error::new(
                            error
                                .io_error()
                                .map_or(std::io::ErrorKind::Other, std::io::Error::kind),
                            format!("cannot read {}: {why}", root.display()),
                        ));
                    }
                    found.unreadable.push(Unreadable { path, error: why });
                    continue;
                }
            };
            if !entry.file_type().is_dir() {
                continue;
            }
            if entry.file_name() == ".git" {
                walk.skip_current_dir();
                continue;
            }
            if is_repository(entry.path()) {
                found.repositories.push(entry.path().to_path_buf());
                walk.skip_current_dir();
            }
        }
    }
    found.repositories.sort();
    found.repositories.dedup();
    found.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    found.unreadable.dedup_by(|a, b| a.path == b.path);
    Ok(found)
}

/// One of `count` deterministic parts of an audit: `--shard 2/5`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: u32,
    pub count: u32,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let wrong = || format!("`{text}` is not a shard: write K/N, with 1 ≤ K ≤ N (e.g. 2/5)");
        let (index, count) = text.split_once('/').ok_or_else(wrong)?;
        let index: u32 = index.trim().parse().map_err(|_| wrong())?;
        let count: u32 = count.trim().parse().map_err(|_| wrong())?;
        if index == 0 || count == 0 || index > count {
            return Err(wrong());
        }
        Ok(Shard { index, count })
    }
}

/// `K/N`, as `--shard` takes it.
impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// Written `K/N` in the `jsonl` of an audit, as on the command line.
impl serde::Serialize for Shard {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Shard {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Shard, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Shard {
    /// Whether the repository at `path` belongs to this shard. The choice depends on the
    /// path's text alone, as given: every machine of a sharded audit, given the same
    /// paths, agrees, and a repository added to the organisation moves no other.
    pub fn takes(&self, path: &Path) -> bool {
        let hash = fnv1a(path.to_string_lossy().as_bytes());
        hash % u64::from(self.count) == u64::from(self.index - 1)
    }
}

/// FNV-1a, 64 bits: stable across platforms and releases, unlike std's hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_written_k_of_n() {
        assert_eq!("2/5".parse(), Ok(Shard { index: 2, count: 5 }));
        assert_eq!(Shard { index: 2, count: 5 }.to_string(), "2/5");
        for wrong in ["0/3", "4/3", "1/0", "3", "a/b", "-1/2"] {
            assert!(wrong.parse::<Shard>().is_err(), "{wrong}");
        }
    }

    #[test]
    fn each_path_falls_in_exactly_one_shard() {
        for n in 1..6 {
            for i in 0..50 {
                let path = PathBuf::from(format!("org/repo-{i}.git"));
                let takers = (1..=n)
                    .filter(|k| {
                        Shard {
                            index: *k,
                            count: n,
                        }
                        .takes(&path)
                    })
                    .count();
                assert_eq!(takers, 1, "{path:?} in {n} shards");
            }
        }
    }

    #[test]
    fn the_hash_is_fnv1a() {
        // Published test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}

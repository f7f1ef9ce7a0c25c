//! Which untracked paths of a worktree git ignores: the patterns of its `.gitignore`
//! files, of `.git/info/exclude` and of `core.excludesFile`, matched by gix's pattern
//! matching in git's order of precedence.
//!
//! The files are read here rather than by gix, through the bounded reader: a FIFO in
//! place of a `.gitignore` would block gix's read, and a sparse one of gigabytes would be
//! read whole. A `.gitignore` that is a symlink is left out (as git leaves it out), as is
//! one that is not a regular file or is larger than [`MAX_IGNORE_FILE_BYTES`]; and the
//! ignore files of one worktree are read within [`MAX_IGNORE_BYTES`] together, each
//! pattern costing some hundred bytes once parsed. Leaving one out only lists more files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use gix::bstr::ByteSlice;
use gix::glob::pattern::Case;

use super::bounded::{self, Links};
use super::parent;

type Patterns = gix::glob::search::pattern::List<gix::ignore::search::Ignore>;

/// An ignore file larger than this is left out: large real ones hold a few KiB.
const MAX_IGNORE_FILE_BYTES: u64 = 1 << 20;
/// All the ignore files of one worktree together.
const MAX_IGNORE_BYTES: u64 = 4 << 20;

pub(super) struct Excludes {
    root: PathBuf,
    case: Case,
    /// `.git/info/exclude`, then `core.excludesFile`: the first that matches decides.
    globals: Vec<Patterns>,
    /// Each directory's `.gitignore` (`""`: the root's), read on first need; `None` when
    /// it has none, or one left out.
    directories: HashMap<String, Option<Patterns>>,
    /// Whether each directory asked about so far is ignored.
    ignored_dirs: HashMap<String, bool>,
    /// What may still be read of ignore files, in bytes.
    budget: u64,
}

impl Excludes {
    /// The exclude files of `repo`, whose worktree is at `root`.
    pub(super) fn new(repo: &gix::Repository, root: &Path) -> Excludes {
        let config = repo.config_snapshot();
        let case = if config.boolean("core.ignoreCase").unwrap_or(false) {
            Case::Fold
        } else {
            Case::Sensitive
        };
        let mut budget = MAX_IGNORE_BYTES;
        let mut globals = Vec::new();
        let exclude = repo.common_dir().join("info").join("exclude");
        let user = config
            .trusted_path("core.excludesFile")
            .ok()
            .flatten()
            .or_else(default_excludes_file);
        for path in std::iter::once(exclude).chain(user) {
            if let Some(bytes) = read(&path, Links::Follow, &mut budget)
                && let Ok(list) = Patterns::from_bytes(&bytes, path, None, Default::default())
            {
                globals.push(list);
            }
        }
        Excludes {
            root: root.to_path_buf(),
            case,
            globals,
            directories: HashMap::new(),
            ignored_dirs: HashMap::new(),
            budget,
        }
    }

    /// Whether git ignores `path` (relative to the root, `/`-separated), a directory
    /// when `is_dir`.
    pub(super) fn is_ignored(&mut self, path: &str, is_dir: bool) -> bool {
        // In an ignored directory, everything is ignored, whatever a deeper file says.
        let mut end = 0;
        while let Some(slash) = path[end..].find('/') {
            end += slash;
            if self.is_ignored_dir(&path[..end]) {
                return true;
            }
            end += 1;
        }
        self.matches(path, is_dir)
    }

    fn is_ignored_dir(&mut self, dir: &str) -> bool {
        if let Some(known) = self.ignored_dirs.get(dir) {
            return *known;
        }
        let ignored = self.matches(dir, true);
        self.ignored_dirs.insert(dir.to_owned(), ignored);
        ignored
    }

    /// What the patterns say of `path`: those of the nearest `.gitignore` first, up to
    /// the root's, then the global files; in each, the last pattern that matches decides.
    fn matches(&mut self, path: &str, is_dir: bool) -> bool {
        let relative = path.as_bytes().as_bstr();
        let basename = path.rfind('/').map(|slash| slash + 1);
        let case = self.case;
        let decide = |list: &Patterns| {
            gix::ignore::search::pattern_matching_relative_path(
                list,
                relative,
                basename,
                Some(is_dir),
                case,
            )
            .map(|found| !found.pattern.is_negative())
        };
        let mut dir = Some(parent(path));
        while let Some(current) = dir {
            self.load(current);
            if let Some(Some(list)) = self.directories.get(current)
                && let Some(ignored) = decide(list)
            {
                return ignored;
            }
            dir = (!current.is_empty()).then(|| parent(current));
        }
        self.globals.iter().find_map(decide).unwrap_or(false)
    }

    /// Reads the `.gitignore` of `dir`, once.
    fn load(&mut self, dir: &str) {
        if self.directories.contains_key(dir) {
            return;
        }
        let relative = if dir.is_empty() {
            ".gitignore".to_owned()
        } else {
            format!("{dir}/.gitignore")
        };
        let list =
            read(&self.root.join(&relative), Links::Refuse, &mut self.budget).and_then(|bytes| {
                // Relative to the root, so that its patterns match below its directory.
                let source = PathBuf::from(relative);
                Patterns::from_bytes(&bytes, source, Some(Path::new("")), Default::default()).ok()
            });
        self.directories.insert(dir.to_owned(), list);
    }
}

/// An ignore file's bytes, when it is a regular file within its cap and the budget left.
fn read(path: &Path, links: Links, budget: &mut u64) -> Option<Vec<u8>> {
    let bytes = bounded::read(path, links, MAX_IGNORE_FILE_BYTES.min(*budget)).ok()??;
    *budget -= bytes.len() as u64;
    Some(bytes)
}

/// git's default `core.excludesFile`: `$XDG_CONFIG_HOME/git/ignore`, else
/// `$HOME/.config/git/ignore`.
fn default_excludes_file() -> Option<PathBuf> {
    let non_empty = |name| std::env::var_os(name).filter(|value| !value.is_empty());
    non_empty("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty("HOME").map(|home| PathBuf::from(home).join(".config")))
        .map(|config| config.join("git").join("ignore"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excludes(files: &[(&str, &str)]) -> (tempfile::TempDir, Excludes) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        super::super::test_git(dir.path(), &["init", "-q"], "2026-01-01T00:00:00Z");
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("created");
            std::fs::write(path, text).expect("written");
        }
        let repo = gix::open(dir.path()).expect("a repository");
        let excludes = Excludes::new(&repo, dir.path());
        (dir, excludes)
    }

    #[test]
    fn patterns_apply_in_gits_order() {
        let (_dir, mut excludes) = excludes(&[
            (".gitignore", "*.log\n/build/\ntmp\n!keep.tmp\n"),
            ("docs/.gitignore", "!important.log\n*.tmp\n"),
            (".git/info/exclude", "secret.txt\n"),
        ]);
        let ignored = |excludes: &mut Excludes, path, is_dir| excludes.is_ignored(path, is_dir);
        assert!(ignored(&mut excludes, "a.log", false));
        assert!(ignored(&mut excludes, "src/b.log", false));
        assert!(!ignored(&mut excludes, "docs/important.log", false));
        assert!(ignored(&mut excludes, "docs/x.tmp", false));
        assert!(!ignored(&mut excludes, "keep.tmp", false));
        assert!(ignored(&mut excludes, "build", true));
        assert!(!ignored(&mut excludes, "src/build", true));
        assert!(ignored(&mut excludes, "build/out.txt", false));
        assert!(ignored(&mut excludes, "tmp/a.txt", false));
        assert!(ignored(&mut excludes, "deep/secret.txt", false));
        assert!(!ignored(&mut excludes, "README.md", false));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_or_oversized_gitignore_is_left_out() {
        let (dir, mut excludes) = excludes(&[
            ("real", "*.md\n"),
            ("big/.gitignore", &"x\n".repeat(600_000)),
        ]);
        std::os::unix::fs::symlink("real", dir.path().join(".gitignore")).expect("a symlink");
        assert!(!excludes.is_ignored("README.md", false));
        assert!(!excludes.is_ignored("big/x", false));
    }
}

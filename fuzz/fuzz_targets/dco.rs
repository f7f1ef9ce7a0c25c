#![no_main]

//! `.github/dco.yml`, through the probe's public reader: written in a repository's
//! worktree, read back through a repository view. Whatever the bytes, a configuration or
//! an error that says why.

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ospo::repo::{RepoError, RepoView};

mod repo;

fn root() -> &'static std::path::Path {
    static ROOT: OnceLock<std::path::PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| repo::make("dco", &[("README.md", "# Demo\n")]))
}

fuzz_target!(|data: &[u8]| {
    let path = root().join(".github/dco.yml");
    std::fs::create_dir_all(path.parent().expect("a parent")).expect(".github");
    std::fs::write(&path, data).expect("dco.yml");
    // A view of its own each time: a view keeps what it read.
    let Ok(repo) = RepoView::open(root(), None) else {
        panic!("the fuzzing repository opens");
    };
    match ospo::probe::dco::app_config(&repo) {
        Ok(_) => {}
        Err(RepoError::Read { path, message }) => {
            assert_eq!(path, ".github/dco.yml");
            assert!(!message.trim().is_empty(), "an error that says nothing");
        }
        Err(error) => assert!(!error.to_string().trim().is_empty()),
    }
});

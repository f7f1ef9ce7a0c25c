#![no_main]

//! Checklists from bytes: loaded with their globs and patterns built, then, when valid,
//! run on a small repository. Loading never reads a file (a checklist given as text may
//! extend built-in ones only), what loads holds within the loader's bounds, and a check
//! gives every item an outcome.

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ospo::check::{self, Options};
use ospo::checklist::{self, LoadError, load::MAX_ITEMS};
use ospo::project::ProjectFile;
use ospo::repo::RepoView;

mod repo;

/// The repository every valid checklist is run on: a few files for globs to find and
/// lines for patterns to match.
fn root() -> &'static std::path::Path {
    static ROOT: OnceLock<std::path::PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        repo::make(
            "checklist",
            &[
                (
                    "README.md",
                    "# Demo\n\n## Install\n\n    cargo install demo\n\nabababbabac\n",
                ),
                ("docs/guide.md", "Usage: demo [options]\n"),
                (
                    "docs/deep/a/b/notes.txt",
                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
                ),
                ("LICENSE", "MIT License\n\nCopyright (c) 2026 Demo\n"),
                ("CONTRIBUTING.md", "Sign off your commits.\n"),
                (".github/workflows/ci.yml", "on: push\n"),
                (
                    "src/main.rs",
                    "// SPDX-License-Identifier: MIT\nfn main() {}\n",
                ),
            ],
        )
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match checklist::load_text("fuzz.yml", text) {
        Ok(checklist) => {
            assert!(checklist.items.len() <= MAX_ITEMS);
            let Ok(repo) = RepoView::open(root(), None) else {
                panic!("the fuzzing repository opens");
            };
            let options = Options {
                probes_prepared: true,
                ..Options::default()
            };
            let report = check::run(&checklist, &repo, &ProjectFile::default(), options);
            assert_eq!(report.items.len(), checklist.items.len());
        }
        Err(LoadError::Invalid { diagnostics }) => {
            assert!(!diagnostics.is_empty(), "invalid without a problem");
            for diagnostic in &diagnostics {
                assert!(!diagnostic.message.trim().is_empty(), "{diagnostic:?}");
            }
            for pair in diagnostics.windows(2) {
                assert!(
                    (&pair[0].file, pair[0].position) <= (&pair[1].file, pair[1].position),
                    "problems out of order: {pair:?}"
                );
            }
        }
        // A path it extends cannot be read: nothing but built-in checklists is.
        Err(LoadError::Read { .. } | LoadError::UnknownBuiltin { .. }) => {}
        Err(LoadError::OutsideRepository { .. }) => {}
    }
});

//! An organisation of four repositories on a checklist of five verified items and two
//! questions, for the tests of what an audit sums up: one question nobody answers (open
//! in every repository), one answered yes, no, or left open, and a waiver.
//!
//! | repository | files | `.ospo.yml` | verified | declared |
//! | --- | --- | --- | --- | --- |
//! | `alpha` | all five | security contact: yes, with a link | 100.0 | 100.0 |
//! | `bravo` | no CONTRIBUTING | security contact: no; governance waived | 81.8 | 0.0 |
//! | `charlie` | README only | none | 25.0 | — |
//! | `delta` | README, CONTRIBUTING | security contact: yes, no evidence (open) | 41.7 | — |
//!
//! `funding.budget` is open everywhere; `needs.roadmap`, `legal.licence-file`,
//! `community.contributing` and `community.governance` are each missed by two
//! repositories, at three different levels and in an order the levels reverse.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use crate::common::{Output, checklist_yaml, git, item_yaml, ospo, write_file};

pub const NAMES: [&str; 4] = ["alpha", "bravo", "charlie", "delta"];

/// The verified items, most missed first as the audit ranks them: four missed by two
/// repositories each, required before recommended before optional, then in the
/// checklist's order.
pub const MOST_MISSED: [&str; 4] = [
    "legal.licence-file",
    "community.contributing",
    "needs.roadmap",
    "community.governance",
];

/// The questions, most often open first.
pub const MOST_OPEN: [&str; 2] = ["funding.budget", "community.security-contact"];

pub struct QuestionsOrg {
    _tmp: tempfile::TempDir,
    /// The folder of the four repositories, canonical.
    pub root: PathBuf,
    pub checklist: PathBuf,
}

fn repository(at: &Path, files: &[(&str, &str)]) {
    std::fs::create_dir_all(at).expect("create the repository folder");
    git(at, &["init", "-q", "-b", "main"]);
    for (path, content) in files {
        write_file(at, path, content);
    }
    git(at, &["add", "-A"]);
    git(at, &["commit", "-q", "-m", "Initial commit"]);
}

impl QuestionsOrg {
    pub fn new() -> QuestionsOrg {
        let tmp = tempfile::Builder::new()
            .prefix("ospo-audit-questions-")
            .tempdir()
            .expect("temporary directory");
        let base = std::fs::canonicalize(tmp.path()).expect("canonical temporary directory");
        let checklist = base.join("questions.yaml");
        let yaml = checklist_yaml(&[
            item_yaml(
                "needs.readme",
                "required",
                3,
                "{kind: file, names: [\"README*\"]}",
            ),
            item_yaml(
                "needs.roadmap",
                "optional",
                1,
                "{kind: file, names: [\"ROADMAP*\"]}",
            ),
            item_yaml(
                "legal.licence-file",
                "required",
                5,
                "{kind: file, names: [\"LICENSE*\"]}",
            ),
            item_yaml(
                "community.contributing",
                "recommended",
                2,
                "{kind: file, names: [\"CONTRIBUTING*\"]}",
            ),
            item_yaml(
                "community.governance",
                "optional",
                1,
                "{kind: file, names: [\"GOVERNANCE*\"]}",
            ),
            item_yaml(
                "community.security-contact",
                "recommended",
                2,
                "{kind: attest}",
            ),
            item_yaml("funding.budget", "recommended", 2, "{kind: attest}"),
        ]);
        std::fs::write(&checklist, yaml).expect("write the checklist");
        let root = base.join("org");
        let readme = ("README.md", "# A project\n");
        let licence = ("LICENSE", crate::common::LICENSE);
        let contributing = (
            "CONTRIBUTING.md",
            "# Contributing\n\nSend a merge request.\n",
        );
        let governance = ("GOVERNANCE.md", "# Governance\n\nThe maintainers decide.\n");
        let roadmap = ("ROADMAP.md", "# Roadmap\n\n- 2.0\n");
        repository(
            &root.join("alpha"),
            &[
                readme,
                licence,
                contributing,
                governance,
                roadmap,
                (
                    ".ospo.yml",
                    "answers:\n  community.security-contact:\n    answer: yes\n    \
                     evidence: https://example.org/security\n    date: 2026-01-15\n",
                ),
            ],
        );
        repository(
            &root.join("bravo"),
            &[
                readme,
                licence,
                roadmap,
                (
                    ".ospo.yml",
                    "answers:\n  community.security-contact:\n    answer: no\n    \
                     date: 2026-01-15\nwaivers:\n  community.governance: \"One team runs it.\"\n",
                ),
            ],
        );
        repository(&root.join("charlie"), &[readme]);
        repository(
            &root.join("delta"),
            &[
                readme,
                contributing,
                (
                    ".ospo.yml",
                    "answers:\n  community.security-contact:\n    answer: yes\n    \
                     date: 2026-01-15\n",
                ),
            ],
        );
        QuestionsOrg {
            _tmp: tmp,
            root,
            checklist,
        }
    }

    /// `ospo audit ROOT --checklist CHECKLIST [EXTRA]`, run in the root.
    pub fn audit(&self, extra: &[&str]) -> Output {
        let root = self.root.to_str().expect("UTF-8 path");
        let checklist = self.checklist.to_str().expect("UTF-8 path");
        let mut args = vec!["audit", root, "--checklist", checklist];
        args.extend_from_slice(extra);
        let output = ospo(&self.root, &args);
        crate::common::assert_no_panic(&output);
        output
    }

    /// The path of a repository, as rows name it.
    pub fn path(&self, name: &str) -> String {
        self.root.join(name).display().to_string()
    }
}

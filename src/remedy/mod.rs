//! From report to remedy: the first draft of what the report finds missing.
//!
//! `ospo init` and `ospo fix ITEM…` write, for each failing item a template exists for, a
//! file filled with what the repository already tells ([`Context`]), and never overwrite
//! one; `ospo answer` records the project's answers in `.ospo.yml`, keeping its comments.
//! What only a person can fill is marked [`TODO`] the same way in every file, and an item
//! whose file still holds the mark warns rather than passes.
//!
//! - `context.rs`: what the repository tells (name, remote and forge, licence, people,
//!   releases, build systems), read once;
//! - `plan.rs`: which files the failing items ask for, where the forge wants them, and
//!   writing them (or a unified diff for `--dry-run`);
//! - `community.rs`: CONTRIBUTING, SECURITY, SUPPORT, GOVERNANCE, MAINTAINERS, CHANGELOG,
//!   ROADMAP, the issue and pull-request templates, FUNDING.yml, the CI job;
//! - `verbatim.rs`: the texts that must stay as published — licences, the Developer
//!   Certificate of Origin, the Contributor Covenant;
//! - `publiccode.rs` and `citation.rs`: `publiccode.yml` and `CITATION.cff`;
//! - `answers.rs`: `.ospo.yml`'s questions, written as commented entries, and answered;
//!   `interview.rs`: `ospo answer` asking them on a terminal.

pub mod answers;
pub mod citation;
pub mod community;
pub mod context;
pub mod interview;
pub mod plan;
pub mod publiccode;
pub mod verbatim;

pub use context::Context;

/// What marks a place a person must fill, in every file ospo drafts: a probe finding it
/// in a file its item passes on says so (`warn`).
pub const TODO: &str = "TODO(ospo)";

/// A file to write: its path from the repository root (`/`-separated), its content, and
/// the items it answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub path: String,
    pub content: String,
    pub items: Vec<String>,
}

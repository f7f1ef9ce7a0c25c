//! ospo: an open-source readiness checker.
//!
//! A [`checklist`] (YAML, five stages) is run on a [`repo`] view (a worktree, or a commit's
//! tree) by [`probe`]s; [`check`] gathers their outcomes into a [`report`] scored by
//! [`score`]. [`project`] reads what the project says of itself in `.ospo.yml`; [`licence`]
//! and [`metadata`] read licence and metadata files as data. [`audit`] checks many
//! repositories in one run.

pub mod audit;
pub mod check;
pub mod checklist;
pub mod i18n;
pub mod licence;
pub mod metadata;
pub mod probe;
pub mod project;
pub mod remedy;
pub mod repo;
pub mod report;
pub mod score;
pub mod yaml;

//! The checklist model: what a project should have, stage by stage.
//!
//! [`format`] is the YAML format as written (every field optional, so a checklist can
//! override an inherited item field by field); [`load`] reads files, follows `extends`,
//! merges items by id and validates everything, reporting every problem with its file,
//! line and column; the types here are the validated result the probes run from.

pub mod builtin;
pub mod format;
pub mod load;
pub mod url;

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::Text;
use crate::probe::{Probe, ProbeSpec};

pub use load::{Diagnostic, LoadError, load, load_from_repo, load_text};

/// The five stages a published project goes through.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Users and contributors find a useful, documented, easy-to-install project.
    Needs,
    /// The project makes itself known and listens.
    Communication,
    /// Licence, dependency licences and copyright strategy.
    Legal,
    /// Governance, conduct, support and a healthy contributor base.
    Community,
    /// People's time and money to keep the project alive.
    Funding,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Needs,
        Stage::Communication,
        Stage::Legal,
        Stage::Community,
        Stage::Funding,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Stage::Needs => "needs",
            Stage::Communication => "communication",
            Stage::Legal => "legal",
            Stage::Community => "community",
            Stage::Funding => "funding",
        }
    }

    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn title(self) -> Text {
        match self {
            Stage::Needs => Text::new(
                "Users' and contributors' needs",
                "Besoins des utilisateurs et contributeurs",
            ),
            Stage::Communication => Text::new("Communication", "Communication"),
            Stage::Legal => Text::new("Legal", "Juridique"),
            Stage::Community => Text::new("Community", "Communauté"),
            Stage::Funding => Text::new("Funding", "Financement"),
        }
    }
}

/// What an item's status rests on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Decided by ospo from the repository: its files, their lines, its licence, its
    /// history, its metadata.
    Verified,
    /// Answered by the project in `.ospo.yml`.
    Declared,
}

impl Basis {
    pub fn id(self) -> &'static str {
        match self {
            Basis::Verified => "verified",
            Basis::Declared => "declared",
        }
    }

    /// How the basis reads in a report.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang;
        match (lang, self) {
            (Lang::En, basis) => basis.id(),
            (Lang::Fr, Basis::Verified) => "vérifié",
            (Lang::Fr, Basis::Declared) => "déclaré",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// How much an item matters to the verdict.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Not shown to hold (failed, unanswered or not checkable): the check fails.
    Required,
    /// Counts in the score.
    Recommended,
    /// Counts in the score; a nice-to-have.
    Optional,
}

impl Level {
    /// How the level reads in a report.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang;
        match (lang, self) {
            (Lang::En, level) => level.id(),
            (Lang::Fr, Level::Required) => "obligatoire",
            (Lang::Fr, Level::Recommended) => "recommandé",
            (Lang::Fr, Level::Optional) => "facultatif",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Level::Required => "required",
            Level::Recommended => "recommended",
            Level::Optional => "optional",
        }
    }
}

/// A validated checklist, `extends` resolved.
#[derive(Debug, Clone)]
pub struct Checklist {
    pub id: String,
    pub title: Text,
    pub version: String,
    /// Where it came from: `builtin:NAME` or a file path, as given.
    pub source: String,
    /// How many months an answer counts from its date.
    pub answers_valid_months: u32,
    pub items: Vec<Item>,
}

/// How long an answer counts when no checklist says.
pub const ANSWERS_VALID_MONTHS: u32 = 12;

impl Checklist {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }
}

/// One thing a project should have or do.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub stage: Stage,
    pub level: Level,
    /// Whether a project may waive it although it is required.
    pub waivable: bool,
    pub weight: u32,
    pub title: Text,
    pub why: Text,
    pub fix: Text,
    pub spec: ProbeSpec,
    pub probe: Probe,
    /// Where the item is documented: its own `help-url`, else the template of the
    /// checklist that last defined or overrode it with one, filled in; an absolute
    /// `https://` or `http://` URL.
    pub help_url: Option<String>,
}

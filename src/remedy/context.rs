//! What the repository tells, read once, for every draft.

use crate::i18n::Lang;

/// Where the repository is hosted, by its `origin` remote: where the drafts go
/// (`.github/` or `.gitlab/`) and which CI job is drafted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Forge {
    GitHub,
    GitLab,
    /// Another forge, or no remote: the files go to the root, and no CI job is drafted
    /// unless asked.
    #[default]
    Other,
}

/// A build system found at the root, for the contribution guide's build and test steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    Cargo,
    Npm,
    Pnpm,
    Yarn,
    Pip,
    Poetry,
    Uv,
    Go,
    Maven,
    Gradle,
    Make,
    CMake,
}

/// How contributors' copyright is handled (`--copyright-strategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strategy {
    /// Developer Certificate of Origin: contributors keep their copyright and sign off.
    #[default]
    Dco,
    /// A contributor licence agreement.
    Cla,
    /// Inbound = outbound: contributions come under the project's licence, nothing signed.
    InboundOutbound,
}

/// How decisions are made (`--governance`), among the models the source documents name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Governance {
    /// One person decides, after listening.
    BenevolentDictator,
    /// A council of maintainers decides by lazy consensus, voting when it must.
    #[default]
    MaintainerCouncil,
    /// Those who do the work decide.
    DoOcracy,
}

/// Someone who made commits over the last year, `.mailmap` applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub email: String,
    pub commits: usize,
}

/// A release tag (a name that is a version), with the day of its commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub tag: String,
    /// The version, without a leading `v`.
    pub version: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// What the drafts are filled with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The language of the drafts (`--lang`).
    pub lang: Lang,
    /// The project's name: a manifest's, else the remote's last component, else the
    /// directory's.
    pub name: String,
    /// What the project is, in a sentence, when the manifests or the README say.
    pub description: Option<String>,
    /// The `origin` remote as an `https://` URL, when there is one.
    pub remote: Option<String>,
    pub forge: Forge,
    /// The project's licence, an SPDX expression: `--licence`, else the one its
    /// manifests or README declare.
    pub licence: Option<String>,
    /// Who holds the copyright: the manifests' authors, else the most active person,
    /// else a [`super::TODO`] mark.
    pub holder: String,
    /// The year and the day (`YYYY-MM-DD`) of `SOURCE_DATE_EPOCH`, else of the clock.
    pub year: i32,
    pub today: String,
    /// The last year's contributors, the most active first.
    pub people: Vec<Person>,
    /// The release tags, newest first.
    pub releases: Vec<Release>,
    pub builds: Vec<Build>,
    /// The programming languages of the files, the most used first, by name (`Rust`).
    pub languages: Vec<String>,
    pub strategy: Strategy,
    pub governance: Governance,
}

impl Context {
    /// A context with the given name and nothing else known, for tests and for what
    /// cannot be read.
    pub fn bare(name: &str, lang: Lang) -> Context {
        Context {
            lang,
            name: name.to_owned(),
            description: None,
            remote: None,
            forge: Forge::Other,
            licence: None,
            holder: format!("{} {}", super::TODO, "copyright holder"),
            year: 1970,
            today: "1970-01-01".to_owned(),
            people: Vec::new(),
            releases: Vec::new(),
            builds: Vec::new(),
            languages: Vec::new(),
            strategy: Strategy::default(),
            governance: Governance::default(),
        }
    }
}

//! Probes: how ospo decides whether an item holds.
//!
//! A probe is data in the checklist ([`ProbeSpec`], one variant per `kind`) compiled once
//! into a [`Probe`] (globs and regexes built, options checked). Running a probe never
//! panics and never aborts the check: whatever happens becomes an [`Outcome`] with a
//! status, a message in both languages and the evidence behind it.
//!
//! Adding a kind: a new file here with its spec, its compiled form and its `run`, and one
//! new variant in each of the two enums below.

pub mod activity;
pub mod attest;
pub mod changelog;
pub mod content;
pub mod dco;
pub mod dependencies;
pub mod describe;
pub mod file;
pub mod funding;
pub(crate) mod glob;
pub mod headers;
pub mod licence;
mod line_syntax;
mod locate;
pub mod metafile;
pub mod publiccode;
pub mod strategy;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::Text;
use crate::project::ProjectFile;
use crate::repo::history::{History, Window};
use crate::repo::{RepoError, RepoView};
use crate::yaml;

/// A probe as the checklist writes it; `kind` picks the variant.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ProbeSpec {
    /// One of several files exists.
    File(file::FileSpec),
    /// A line of a file matches a regular expression.
    Content(content::ContentSpec),
    /// The project answers the question in `.ospo.yml`.
    Attest(attest::AttestSpec),
    /// Recent commits carry a Developer Certificate of Origin sign-off.
    Dco(dco::DcoSpec),
    /// A measure of activity or of the contributor base, from the history.
    Activity(activity::ActivitySpec),
    /// The project's licence: identified from its text, declared alike, accepted by a
    /// policy.
    Licence(licence::LicenceSpec),
    /// Which copyright strategy the project documents (DCO, CLA or assignment), and
    /// whether the history follows a documented DCO.
    CopyrightStrategy(strategy::StrategySpec),
    /// The dependencies' licences, read offline from lockfiles and installed metadata,
    /// judged against the project's licence.
    DependencyLicences(dependencies::DependencySpec),
    /// The share of the project's files that state their licence the REUSE way, and the
    /// licence texts under `LICENSES/`.
    SpdxHeaders(headers::HeadersSpec),
    /// The repository's `publiccode.yml` is valid, and agrees with the licence files and
    /// the remote.
    Publiccode(publiccode::PubliccodeSpec),
    /// `.github/FUNDING.yml` names known platforms with values of the right shape.
    FundingFile(funding::FundingSpec),
    /// The changelog has an entry for the newest release tag.
    Changelog(changelog::ChangelogSpec),
}

/// A compiled probe, ready to run on any number of repositories.
#[derive(Debug, Clone)]
pub enum Probe {
    File(file::FileProbe),
    Content(content::ContentProbe),
    Attest(attest::AttestProbe),
    Dco(dco::DcoProbe),
    Activity(activity::ActivityProbe),
    Licence(licence::LicenceProbe),
    CopyrightStrategy(strategy::StrategyProbe),
    DependencyLicences(dependencies::DependencyProbe),
    SpdxHeaders(headers::HeadersProbe),
    Publiccode(publiccode::PubliccodeProbe),
    FundingFile(funding::FundingProbe),
    Changelog(changelog::ChangelogProbe),
}

/// A problem in a probe's specification, at a path relative to the probe.
#[derive(Debug, Clone)]
pub struct Problem {
    pub path: yaml::Path,
    pub message: String,
}

impl ProbeSpec {
    /// Compiles the probe, reporting every problem at once.
    pub fn compile(&self) -> Result<Probe, Vec<Problem>> {
        match self {
            ProbeSpec::File(spec) => spec.compile().map(Probe::File),
            ProbeSpec::Content(spec) => spec.compile().map(Probe::Content),
            ProbeSpec::Attest(spec) => Ok(Probe::Attest(spec.compile())),
            ProbeSpec::Dco(spec) => spec.compile().map(Probe::Dco),
            ProbeSpec::Activity(spec) => spec.compile().map(Probe::Activity),
            ProbeSpec::Licence(spec) => spec.compile().map(Probe::Licence),
            ProbeSpec::CopyrightStrategy(spec) => spec.compile().map(Probe::CopyrightStrategy),
            ProbeSpec::DependencyLicences(spec) => spec.compile().map(Probe::DependencyLicences),
            ProbeSpec::SpdxHeaders(spec) => spec.compile().map(Probe::SpdxHeaders),
            ProbeSpec::Publiccode(spec) => spec.compile().map(Probe::Publiccode),
            ProbeSpec::FundingFile(spec) => spec.compile().map(Probe::FundingFile),
            ProbeSpec::Changelog(spec) => spec.compile().map(Probe::Changelog),
        }
    }

    /// What the item's status rests on: the project's answer for `attest`, the
    /// repository for every other kind.
    pub fn basis(&self) -> crate::checklist::Basis {
        match self {
            ProbeSpec::Attest(_) => crate::checklist::Basis::Declared,
            _ => crate::checklist::Basis::Verified,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            ProbeSpec::File(_) => "file",
            ProbeSpec::Content(_) => "content",
            ProbeSpec::Attest(_) => "attest",
            ProbeSpec::Dco(_) => "dco",
            ProbeSpec::Activity(_) => "activity",
            ProbeSpec::Licence(_) => "licence",
            ProbeSpec::CopyrightStrategy(_) => "copyright-strategy",
            ProbeSpec::DependencyLicences(_) => "dependency-licences",
            ProbeSpec::SpdxHeaders(_) => "spdx-headers",
            ProbeSpec::Publiccode(_) => "publiccode",
            ProbeSpec::FundingFile(_) => "funding-file",
            ProbeSpec::Changelog(_) => "changelog",
        }
    }
}

/// What a probe sees.
pub struct Context<'a> {
    pub repo: &'a RepoView,
    pub project: &'a ProjectFile,
    pub item_id: &'a str,
    /// The history, read once for every history probe of the checklist (`None` when no
    /// probe needs it).
    pub history: Option<&'a Result<History, RepoError>>,
    /// The time windows count back from, seconds since the epoch: `SOURCE_DATE_EPOCH`
    /// when set, else the clock.
    pub now: i64,
    /// What several items of one check read alike, read once.
    pub shared: &'a Shared,
    /// How many months an answer in `.ospo.yml` counts from its date.
    pub answers_valid_months: u32,
}

/// Findings several probes of one check use, made by the first that needs them.
#[derive(Default)]
pub struct Shared {
    pub(crate) licence: std::cell::OnceCell<Result<licence::Findings, Box<Outcome>>>,
    /// What each file's header and sidecar say, for the `spdx-headers` items.
    pub(crate) headers: headers::Scan,
}

impl Context<'_> {
    /// The history, or the error outcome a history probe ends with when it is missing.
    pub fn history(&self) -> Result<&History, Box<Outcome>> {
        match self.history {
            Some(Ok(history)) => Ok(history),
            Some(Err(error)) => Err(Box::new(Outcome::new(
                Status::Error,
                crate::text!(
                    "cannot read the history: {error}",
                    "impossible de lire l'historique : {error}"
                ),
            ))),
            None => Err(Box::new(Outcome::new(
                Status::Error,
                crate::text!("the history was not read", "l'historique n'a pas été lu"),
            ))),
        }
    }
}

impl Context<'_> {
    /// The commits of a revision range, newest first, or the error outcome a probe whose
    /// window it is ends with when the range does not resolve.
    pub fn range(&self, range: &str) -> Result<Vec<crate::repo::history::Commit>, Box<Outcome>> {
        self.repo
            .change(Some(range))
            .map(|change| change.commits)
            .map_err(|error| {
                Box::new(Outcome::new(
                    Status::Error,
                    crate::text!(
                        "cannot read the range {range}: {error}",
                        "impossible de lire l'intervalle {range} : {error}"
                    ),
                ))
            })
    }
}

/// What a history probe adds to its message when the clone is shallow.
pub(crate) fn shallow_note(shallow: bool) -> Text {
    if shallow {
        Text::new(
            " (shallow clone: older commits are not here)",
            " (clone superficiel : les commits plus anciens sont absents)",
        )
    } else {
        Text::default()
    }
}

impl Probe {
    /// Does ahead of time, possibly on another thread, the costly part of getting ready
    /// (compiling a content probe's pattern); running does it anyway when needed. The
    /// error says what in the probe's specification cannot be used, and where.
    pub fn prepare(&self) -> Result<(), Problem> {
        match self {
            Probe::Content(probe) => probe.prepare().map_err(|invalid| Problem {
                path: invalid.path,
                message: format!("invalid regular expression: {}", invalid.reason),
            }),
            Probe::Changelog(_) => {
                crate::metadata::changelog::prepare();
                Ok(())
            }
            Probe::CopyrightStrategy(_) => {
                strategy::build_ahead();
                Ok(())
            }
            Probe::Licence(_) => {
                crate::licence::declared::build_ahead();
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The part of the history this probe reads, if it reads any.
    pub fn history_window(&self, now: i64) -> Option<Window> {
        match self {
            Probe::Dco(probe) => probe.window(now),
            Probe::Activity(probe) => probe.window(now),
            Probe::CopyrightStrategy(probe) => probe.window(now),
            Probe::Changelog(probe) => Some(probe.window()),
            _ => None,
        }
    }

    /// Whether the probe lists every file of the repository: then the check walks the
    /// whole tree first, and every other listing is cut from that walk.
    pub fn lists_every_file(&self) -> bool {
        matches!(self, Probe::SpdxHeaders(_))
    }

    /// Whether [`Probe::prepare`] has anything to do.
    pub fn needs_preparing(&self) -> bool {
        matches!(
            self,
            Probe::Content(_)
                | Probe::Changelog(_)
                | Probe::CopyrightStrategy(_)
                | Probe::Licence(_)
        )
    }

    pub fn run(&self, context: &Context<'_>) -> Outcome {
        match self {
            Probe::File(probe) => probe.run(context),
            Probe::Content(probe) => probe.run(context),
            Probe::Attest(probe) => probe.run(context),
            Probe::Dco(probe) => probe.run(context),
            Probe::Activity(probe) => probe.run(context),
            Probe::Licence(probe) => probe.run(context),
            Probe::CopyrightStrategy(probe) => probe.run(context),
            Probe::DependencyLicences(probe) => probe.run(context),
            Probe::SpdxHeaders(probe) => probe.run(context),
            Probe::Publiccode(probe) => probe.run(context),
            Probe::FundingFile(probe) => probe.run(context),
            Probe::Changelog(probe) => probe.run(context),
        }
    }
}

/// How an item ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The item holds.
    Pass,
    /// The item holds, with something worth fixing: counted as passed, and listed with
    /// what to do.
    Warn,
    /// The item does not hold.
    Fail,
    /// A question the project has not answered yet: not passed.
    Unknown,
    /// Not applicable, or waived: left out of the score.
    Skip,
    /// The probe could not run; the message says why. Not passed.
    Error,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Pass,
        Status::Warn,
        Status::Fail,
        Status::Unknown,
        Status::Skip,
        Status::Error,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
            Status::Unknown => "unknown",
            Status::Skip => "skip",
            Status::Error => "error",
        }
    }
}

/// What a probe found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub status: Status,
    pub message: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

impl Outcome {
    pub fn new(status: Status, message: Text) -> Outcome {
        Outcome {
            status,
            message,
            evidence: None,
        }
    }

    /// The error a probe ends with when the repository cannot be listed.
    pub fn unlisted(error: &RepoError) -> Outcome {
        Outcome::new(
            Status::Error,
            crate::text!(
                "cannot list the repository: {error}",
                "impossible de lister le dépôt : {error}"
            ),
        )
    }

    pub fn with(mut self, evidence: Evidence) -> Outcome {
        self.evidence = Some(evidence);
        self
    }
}

/// The facts behind an outcome, for people and for tools reading the JSON report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Evidence {
    /// The file found, and how many other files matched.
    File {
        path: String,
        size: u64,
        /// The link a short pointer file sends readers to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pointer: Option<String>,
        /// Other matching files, the best-ranked first (at most ten).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        others: Vec<String>,
        /// How many more matched beyond those named.
        #[serde(default, skip_serializing_if = "is_zero")]
        more_others: usize,
    },
    /// The line that matched.
    Line {
        path: String,
        line: usize,
        text: String,
    },
    /// The files searched in vain.
    Searched { paths: Vec<String> },
    /// The project's answer.
    Answer {
        answer: crate::project::AnswerValue,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        evidence: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<String>,
    },
    /// Sign-offs in the window: counts, the rule in force and the commits that fail it.
    Dco {
        rule: String,
        scope: String,
        checked: usize,
        signed: usize,
        share: f64,
        merges: usize,
        bots: usize,
        shallow: bool,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        offending: Vec<dco::Offence>,
        #[serde(default, skip_serializing_if = "is_zero")]
        more_offending: usize,
    },
    /// A measure from the history, its window and bounds, and who is behind it.
    Metric {
        metric: String,
        value: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days: Option<u32>,
        /// The revision range the window is, when it is one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        range: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        shallow: bool,
        /// The most active contributors or organisations, with their commits.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        top: Vec<(String, usize)>,
    },
    /// The licence files, what each holds, what the manifests declare, and the licence
    /// they make together.
    Licence {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expression: Option<String>,
        files: Vec<licence::LicenceFile>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        declared: Vec<crate::licence::declared::Declared>,
    },
    /// Where each copyright strategy is documented, sorted, and how far the history
    /// follows a documented DCO.
    Strategy {
        strategies: Vec<strategy::Found>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dco_history: Option<strategy::DcoHistory>,
    },
    /// The dependencies read, their licences, and those that are a problem.
    Dependencies(dependencies::Summary),
    /// How many of the project's files state their licence, and the licence texts
    /// missing from or unused in `LICENSES/`.
    Headers {
        files: usize,
        licensed: usize,
        /// Percent, rounded down to one decimal.
        share: f64,
        threshold: f64,
        /// Whether a copyright notice was required too.
        copyright: bool,
        /// The project's files, before any sample.
        found: usize,
        /// Whether only a sample of them was read (`sample`): the counts are the sample's.
        sampled: bool,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        missing_texts: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        unused_texts: Vec<String>,
        /// Files that do not state their licence (at most twenty, by path).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        without: Vec<String>,
        #[serde(default, skip_serializing_if = "is_zero")]
        more_without: usize,
        /// Files whose licence is not an SPDX expression (at most twenty, by path).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        invalid: Vec<String>,
        #[serde(default, skip_serializing_if = "is_zero")]
        more_invalid: usize,
    },
    /// A metadata file (`publiccode.yml`, `FUNDING.yml`) and what its validation found,
    /// sorted by position.
    Metadata {
        path: String,
        errors: usize,
        warnings: usize,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        findings: Vec<crate::metadata::Finding>,
        #[serde(default, skip_serializing_if = "is_zero")]
        more_findings: usize,
    },
    /// The changelog, its release entries, the one that covers the newest release (or the
    /// first written), and that release.
    Changelog {
        path: String,
        entries: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        newest: Option<crate::metadata::changelog::Entry>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        release: Option<changelog::Tagged>,
    },
    /// Why the project waived the item.
    Waiver { reason: String },
}

/// How much of a file the `file` probe reads for a [`crate::remedy::TODO`] mark: the
/// first lines, where every draft of `ospo init` that holds a mark says so.
pub(crate) const MARK_BYTES: usize = 1024;

/// Whether a text still holds a place to fill, marked [`crate::remedy::TODO`] as `ospo
/// init` marks them. A mark quoted in code (right after a backtick) is documentation
/// about the mark, not a place to fill.
pub(crate) fn holds_mark(bytes: &[u8]) -> bool {
    let mark = crate::remedy::TODO.as_bytes();
    bytes
        .windows(mark.len())
        .enumerate()
        .any(|(at, window)| window == mark && (at == 0 || bytes[at - 1] != b'`'))
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

//! `funding-file`: `.github/FUNDING.yml` exists and GitHub would accept it: known platform
//! keys only, and values of the shape each platform takes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::locate::Finder;
use super::metafile::{self, Absent};
use super::{Context, Outcome, Problem, Status};
use crate::metadata::funding;
use crate::text;

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FundingSpec {
    /// What a repository without `.github/FUNDING.yml` gets: `fail` (default) or `skip`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absent: Option<Absent>,
}

#[derive(Debug, Clone)]
pub struct FundingProbe {
    finder: Finder,
    absent: Absent,
}

impl FundingSpec {
    pub fn compile(&self) -> Result<FundingProbe, Vec<Problem>> {
        // GitHub reads the file from `.github/` only.
        Ok(FundingProbe {
            finder: Finder::compile(&["FUNDING.yml".to_owned()], Some(&[".github".to_owned()]))?,
            absent: self.absent.unwrap_or_default(),
        })
    }
}

impl FundingProbe {
    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let (path, bytes) = match metafile::read(context, &self.finder, self.absent) {
            Ok(found) => found,
            Err(outcome) => return *outcome,
        };
        let validation = funding::validate(&bytes);
        let evidence = metafile::evidence(&path, &validation.findings);
        if !validation.findings.is_empty() {
            let status = if validation.is_valid() {
                Status::Warn
            } else {
                Status::Fail
            };
            // The evidence holds every finding.
            let message = metafile::message(
                &path,
                &validation.findings,
                &text!("the JSON report", "le rapport JSON"),
                None,
            );
            return Outcome::new(status, message).with(evidence);
        }
        let platforms = validation
            .platforms
            .iter()
            .map(|platform| platform.key.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let outcome = if platforms.is_empty() {
            Outcome::new(
                Status::Warn,
                text!(
                    "{path} names no funding platform",
                    "{path} ne nomme aucune plateforme de financement"
                ),
            )
        } else {
            Outcome::new(
                Status::Pass,
                text!("{path} names {platforms}", "{path} nomme {platforms}"),
            )
        };
        outcome.with(evidence)
    }
}

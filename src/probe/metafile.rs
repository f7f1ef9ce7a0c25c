//! What the metadata probes (`publiccode`, `funding-file`) share: finding and reading their
//! one file, and reporting what its validation found.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::file::{missing, pick_readable};
use super::locate::Finder;
use super::{Context, Evidence, Outcome, Status};
use crate::i18n::Text;
use crate::metadata::Finding;
use crate::repo::{RepoError, SCAN_BYTES};
use crate::text;

/// Findings named in the item's message, at most; the evidence and `ospo publiccode` hold
/// them all.
const IN_MESSAGE: usize = 5;
/// Findings kept in the evidence, at most; the rest are counted.
const IN_EVIDENCE: usize = 50;

/// What an item gets when its file is not in the repository.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Absent {
    /// The item fails: the file is expected.
    #[default]
    Fail,
    /// The item is left out of the score: only a file that exists must be valid.
    Skip,
}

/// The path and the bytes of the file the finder picks, or the outcome the item ends with
/// when there is none, or when it cannot be read whole.
pub(super) fn read(
    context: &Context<'_>,
    finder: &Finder,
    absent: Absent,
) -> Result<(String, Vec<u8>), Box<Outcome>> {
    let candidates = finder.candidates(context.repo)?;
    let Some(entry) = pick_readable(&candidates) else {
        let mut outcome = missing(finder, &candidates);
        if absent == Absent::Skip && candidates.is_empty() {
            outcome.status = Status::Skip;
        }
        return Err(Box::new(outcome));
    };
    let path = entry.path.clone();
    let unreadable =
        |error: RepoError| Box::new(Outcome::new(Status::Error, text!("{error}", "{error}")));
    let content = context.repo.read(entry, SCAN_BYTES).map_err(unreadable)?;
    if content.truncated() {
        let limit = SCAN_BYTES / 1024;
        return Err(Box::new(Outcome::new(
            Status::Fail,
            text!(
                "{path} is larger than {limit} KiB, far more than such a file needs; it is not read",
                "{path} dépasse {limit} Kio, bien plus qu'un tel fichier n'en demande ; il n'est pas lu"
            ),
        )));
    }
    Ok((path, content.bytes))
}

/// The evidence of a validated file.
pub(super) fn evidence(path: &str, findings: &[Finding]) -> Evidence {
    let (errors, warnings) = crate::metadata::counts(findings);
    Evidence::Metadata {
        path: path.to_owned(),
        errors,
        warnings,
        findings: findings.iter().take(IN_EVIDENCE).cloned().collect(),
        more_findings: findings.len().saturating_sub(IN_EVIDENCE),
    }
}

/// What is wrong with a file, the errors first: how many, then the first few, each with
/// its line and key; `all_in` says where to read them all. `valid` is what a file with warnings only
/// is said to be (`publiccode.yml is valid (Name)`); without it, the file is named.
pub(super) fn message(
    path: &str,
    findings: &[Finding],
    all_in: &Text,
    valid: Option<&Text>,
) -> Text {
    let (errors, warnings) = crate::metadata::counts(findings);
    let mut ordered: Vec<&Finding> = findings.iter().filter(|f| f.is_error()).collect();
    ordered.extend(findings.iter().filter(|f| !f.is_error()));
    let listed: Vec<Text> = ordered.iter().take(IN_MESSAGE).map(|f| one(f)).collect();
    let mut listed = Text::join(&listed, "; ", " ; ");
    let more = findings.len().saturating_sub(IN_MESSAGE);
    if more > 0 {
        let (all_en, all_fr) = (&all_in.en, &all_in.fr);
        listed.push(&text!(
            " (+{more} more: {all_en} lists them all)",
            " (+{more} autres : {all_fr} les liste tous)"
        ));
    }
    let counted = crate::metadata::counted(errors, warnings);
    let (counted_en, counted_fr) = (&counted.en, &counted.fr);
    let (listed_en, listed_fr) = (&listed.en, &listed.fr);
    match valid {
        _ if errors > 0 => text!(
            "{path} is invalid ({counted_en}): {listed_en}",
            "{path} n'est pas valide ({counted_fr}) : {listed_fr}"
        ),
        Some(valid) => {
            let (valid_en, valid_fr) = (&valid.en, &valid.fr);
            text!(
                "{valid_en}, with {counted_en}: {listed_en}",
                "{valid_fr}, avec {counted_fr} : {listed_fr}"
            )
        }
        None => text!(
            "{path} is valid, with {counted_en}: {listed_en}",
            "{path} est valide, avec {counted_fr} : {listed_fr}"
        ),
    }
}

/// One finding as a message names it: `line 7, developmentStatus: …`.
fn one(finding: &Finding) -> Text {
    let line = finding.line;
    let key = if finding.path.is_empty() {
        String::new()
    } else {
        format!(", {}", finding.path)
    };
    let (en, fr) = (&finding.message.en, &finding.message.fr);
    text!("line {line}{key}: {en}", "ligne {line}{key} : {fr}")
}

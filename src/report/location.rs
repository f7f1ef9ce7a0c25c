//! Where an item points: the file its evidence names, else the file that should exist.
//!
//! Code-scanning tools (SARIF, GitLab Code Quality, GitHub annotations) attach every
//! result to a file; a missing LICENSE is best shown on `LICENSE`, an unanswered question
//! on `.ospo.yml`, and what concerns the whole history on no file at all.

use super::{ItemReport, Location, Report};
use crate::probe::{Evidence, ProbeSpec};

/// Where a tool that needs a file for every result shows an item: its location, else the
/// project file (`.ospo.yml`), where the project answers or waives what concerns the
/// repository as a whole. GitHub code scanning refuses a SARIF result without a file.
pub fn anchor(report: &Report, item: &ItemReport) -> Location {
    item.location.clone().unwrap_or_else(|| Location {
        path: report
            .project_file
            .clone()
            .unwrap_or_else(|| ".ospo.yml".to_owned()),
        line: None,
    })
}

/// The location of an item's result.
pub fn of(spec: &ProbeSpec, evidence: Option<&Evidence>, project_file: &str) -> Option<Location> {
    evidence
        .and_then(|evidence| from_evidence(evidence, project_file))
        .or_else(|| expected(spec, project_file))
}

fn at(path: &str, line: Option<usize>) -> Option<Location> {
    (!path.is_empty()).then(|| Location {
        path: path.to_owned(),
        line: line.filter(|line| *line > 0),
    })
}

fn from_evidence(evidence: &Evidence, project_file: &str) -> Option<Location> {
    match evidence {
        Evidence::File { path, .. } => at(path, None),
        Evidence::Line { path, line, .. } => at(path, Some(*line)),
        Evidence::Searched { paths } => paths.first().and_then(|path| at(path, None)),
        Evidence::Answer { .. } | Evidence::Waiver { .. } => at(project_file, None),
        Evidence::Licence { files, .. } => files.first().and_then(|file| at(&file.path, None)),
        Evidence::Metadata { path, findings, .. } => at(
            path,
            findings
                .first()
                .and_then(|finding| usize::try_from(finding.line).ok()),
        ),
        Evidence::Changelog { path, newest, .. } => {
            at(path, newest.as_ref().map(|entry| entry.line))
        }
        Evidence::Dco { .. }
        | Evidence::Metric { .. }
        | Evidence::Strategy { .. }
        | Evidence::Dependencies(_)
        | Evidence::Headers { .. } => None,
    }
}

/// The file an item wants when its evidence names none: the first of the names it looks
/// for, as a file a project would create.
fn expected(spec: &ProbeSpec, project_file: &str) -> Option<Location> {
    let first = |names: &[String]| names.first().and_then(|name| creatable(name));
    let path = match spec {
        ProbeSpec::File(spec) => first(&spec.names),
        ProbeSpec::Content(spec) => first(&spec.names),
        ProbeSpec::Changelog(spec) => spec
            .names
            .as_deref()
            .and_then(first)
            .or_else(|| Some("CHANGELOG.md".to_owned())),
        ProbeSpec::Attest(_) => Some(project_file.to_owned()),
        ProbeSpec::Licence(_) => Some("LICENSE".to_owned()),
        ProbeSpec::Publiccode(_) => Some(crate::probe::publiccode::NAMES[0].to_owned()),
        ProbeSpec::FundingFile(_) => Some(".github/FUNDING.yml".to_owned()),
        ProbeSpec::Dco(_)
        | ProbeSpec::Activity(_)
        | ProbeSpec::CopyrightStrategy(_)
        | ProbeSpec::DependencyLicences(_)
        | ProbeSpec::SpdxHeaders(_) => None,
    }?;
    at(&path, None)
}

/// A file name from a name or glob: the first of each `{…}` alternatives, then the part
/// before the first wildcard, without the separator left dangling (`LICENSE*` →
/// `LICENSE`, `CONTRIBUTING.*` → `CONTRIBUTING`, `logo.{svg,png}` → `logo.svg`); `None`
/// when nothing nameable is left (`*.md`, `ISSUE_TEMPLATE/*.md`).
fn creatable(name: &str) -> Option<String> {
    let mut first = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|at| open + at) else {
            break;
        };
        first.push_str(&rest[..open]);
        let alternatives = &rest[open + 1..close];
        first.push_str(alternatives.split(',').next().unwrap_or_default());
        rest = &rest[close + 1..];
    }
    first.push_str(rest);
    let name = first.as_str();
    let literal = name
        .find(['*', '?', '[', '{'])
        .map_or(name, |wildcard| &name[..wildcard]);
    let literal = literal.trim_end_matches(['.', '-', '_']);
    (!literal.is_empty() && !literal.ends_with('/')).then(|| literal.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glob_becomes_the_file_to_create() {
        assert_eq!(creatable("LICENSE*").as_deref(), Some("LICENSE"));
        assert_eq!(creatable("CONTRIBUTING.*").as_deref(), Some("CONTRIBUTING"));
        assert_eq!(creatable("GOVERNANCE").as_deref(), Some("GOVERNANCE"));
        assert_eq!(creatable("logo[-_.]*.svg").as_deref(), Some("logo"));
        assert_eq!(creatable("logo.{svg,png}").as_deref(), Some("logo.svg"));
        assert_eq!(
            creatable("{docs,doc}/index.md").as_deref(),
            Some("docs/index.md")
        );
        assert_eq!(creatable("*.md"), None);
        assert_eq!(creatable("ISSUE_TEMPLATE/*.md"), None);
        assert_eq!(creatable(""), None);
    }
}

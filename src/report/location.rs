//! Where an item points: the file its evidence names, else the file that should exist.
//!
//! A missing LICENSE is about `LICENSE`, an unanswered question about `.ospo.yml`, and
//! what concerns the whole history about no file at all. Code-scanning tools (SARIF,
//! GitLab Code Quality) need a file that exists for every result: [`anchor`] gives it.

use super::{ItemReport, Location, Report};
use crate::probe::{Evidence, ProbeSpec};

/// Where a tool that needs an existing file for every result shows an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// A file of the view checked, when the tree has one.
    pub location: Location,
    /// The file the item is about, when it does not exist and the result is shown on
    /// another: messages name it.
    pub missing: Option<String>,
}

/// Where a tool that needs a file for every result (GitHub code scanning refuses a SARIF
/// result without one, or on a file the commit lacks) shows an item: its location when
/// that file exists; else the report's anchor file (the README, the licence, the root's
/// first file), with the missing file named apart. In an empty tree, where no file
/// exists, the item's own location, else the project file.
pub fn anchor(report: &Report, item: &ItemReport) -> Anchor {
    let wanted = item.location.as_ref();
    if let Some(location) = wanted.filter(|location| !location.missing) {
        return Anchor {
            location: location.clone(),
            missing: None,
        };
    }
    match &report.anchor {
        Some(path) => Anchor {
            location: Location {
                path: path.clone(),
                line: None,
                missing: false,
            },
            missing: wanted.map(|location| location.path.clone()),
        },
        None => Anchor {
            location: wanted.cloned().unwrap_or_else(|| Location {
                path: report
                    .project_file
                    .clone()
                    .unwrap_or_else(|| ".ospo.yml".to_owned()),
                line: None,
                missing: true,
            }),
            missing: None,
        },
    }
}

impl Anchor {
    /// What a message adds when the result is shown on another file than the one it is
    /// about: that file does not exist yet.
    pub fn missing_note(&self, lang: crate::i18n::Lang) -> Option<String> {
        let missing = self.missing.as_deref()?;
        let shown = &self.location.path;
        Some(match lang {
            crate::i18n::Lang::En => {
                format!("{missing} does not exist yet; this result is shown on {shown}.")
            }
            crate::i18n::Lang::Fr => {
                format!("{missing} n'existe pas encore ; ce résultat est affiché sur {shown}.")
            }
        })
    }

    /// The file the item is about: the missing one, else the one it is shown on. What
    /// tells one finding from another between runs.
    pub fn subject(&self) -> &str {
        self.missing.as_deref().unwrap_or(&self.location.path)
    }
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
        missing: false,
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

//! `publiccode`: the repository's `publiccode.yml` is valid, and says what the repository
//! shows: the licence its files hold, the URL it is cloned from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::locate::Finder;
use super::metafile::{self, Absent};
use super::{Context, Outcome, Problem, Status};
use crate::i18n::Text;
use crate::metadata::publiccode::{self, Validation};
use crate::text;

/// Where the standard puts the file, in the order its parser looks.
pub const NAMES: [&str; 2] = ["publiccode.yml", "publiccode.yaml"];

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PubliccodeSpec {
    /// What a repository without `publiccode.yml` gets: `fail` (default) or `skip`, for a
    /// file that must be valid when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absent: Option<Absent>,
    /// Also compare `legal.license` with the licence files and `url` with the remote the
    /// repository was cloned from; default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consistent: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct PubliccodeProbe {
    finder: Finder,
    absent: Absent,
    consistent: bool,
}

impl PubliccodeSpec {
    pub fn compile(&self) -> Result<PubliccodeProbe, Vec<Problem>> {
        let names = NAMES.map(str::to_owned);
        Ok(PubliccodeProbe {
            finder: Finder::compile(&names, Some(&[".".to_owned()]))?,
            absent: self.absent.unwrap_or_default(),
            consistent: self.consistent.unwrap_or(true),
        })
    }
}

impl PubliccodeProbe {
    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let (path, bytes) = match metafile::read(context, &self.finder, self.absent) {
            Ok(found) => found,
            Err(outcome) => return *outcome,
        };
        let validation = publiccode::validate(&bytes);
        let mut disagreements = Vec::new();
        if self.consistent && validation.is_valid() {
            disagreements = consistency(context, &path, &validation);
        }
        let evidence = metafile::evidence(&path, &validation.findings);
        let status = if !validation.is_valid() || !disagreements.is_empty() {
            Status::Fail
        } else if validation.findings.is_empty() {
            Status::Pass
        } else {
            Status::Warn
        };
        let message = if !disagreements.is_empty() {
            Text::join(&disagreements, "; ", " ; ")
        } else {
            let summary = describe(&validation);
            let valid = text!("{path} is valid{summary}", "{path} est valide{summary}");
            if validation.findings.is_empty() {
                valid
            } else {
                metafile::message(
                    &path,
                    &validation.findings,
                    &text!("`ospo publiccode`", "`ospo publiccode`"),
                    Some(&valid),
                )
            }
        };
        Outcome::new(status, message).with(evidence)
    }
}

/// The name and version a valid file gives, for the message.
fn describe(validation: &Validation) -> String {
    let summary = &validation.summary;
    match (&summary.name, &summary.version) {
        (Some(name), Some(version)) => format!(" ({name}, publiccodeYmlVersion {version})"),
        (Some(name), None) => format!(" ({name})"),
        _ => String::new(),
    }
}

/// Where a valid file says something the repository contradicts.
fn consistency(context: &Context<'_>, path: &str, validation: &Validation) -> Vec<Text> {
    let mut disagreements = Vec::new();
    if let Some(declared) = &validation.summary.license
        && let Ok(findings) = super::licence::findings(context)
        && let Some(files) = super::licence::files_disagree(findings, declared)
    {
        disagreements.push(text!(
            "{path} declares legal.license {declared}, but the licence files hold {files}",
            "{path} déclare legal.license {declared}, mais les fichiers de licence contiennent {files}"
        ));
    }
    // A remote that is a local path (a clone of a clone, a mirror on disk) says nothing of
    // where the repository is published.
    if let Some(url) = &validation.summary.url
        && let Some(remote) = context.repo.remote_url()
        && repository_key(&remote).is_some()
        && !same_repository(url, &remote)
    {
        disagreements.push(text!(
            "{path} gives url {url}, but the repository is cloned from {remote}",
            "{path} indique url {url}, mais le dépôt est cloné depuis {remote}"
        ));
    }
    disagreements
}

/// Whether two repository URLs name the same repository, whatever the protocol:
/// `https://host/group/project(.git)`, `ssh://git@host/group/project`, `git@host:group/project`.
pub(crate) fn same_repository(a: &str, b: &str) -> bool {
    match (repository_key(a), repository_key(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// `host/path`, lowercase, without scheme, user, port, `.git` or trailing slash.
fn repository_key(url: &str) -> Option<String> {
    let url = url.trim();
    let (host, path) = match url.split_once("://") {
        Some((_, rest)) => rest.split_once('/').unwrap_or((rest, "")),
        // scp-like syntax: `user@host:path`.
        None => url.split_once(':')?,
    };
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let path = path.trim_matches('/');
    let path = path
        .strip_suffix(".git")
        .unwrap_or(path)
        .trim_end_matches('/');
    if host.is_empty() || path.is_empty() {
        return None;
    }
    Some(format!("{host}/{path}").to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::same_repository;

    #[test]
    fn tells_the_same_repository_through_any_protocol() {
        let https = "https://github.com/Example/Project";
        for other in [
            "https://github.com/example/project.git",
            "git@github.com:example/project.git",
            "ssh://git@github.com:22/example/project",
            "https://user@github.com/example/project/",
            "http://github.com/example/project#readme",
        ] {
            assert!(same_repository(https, other), "{other}");
        }
        for other in [
            "https://gitlab.com/example/project",
            "https://github.com/example/other",
            "https://github.com/example",
            "/srv/git/project.git",
            "",
        ] {
            assert!(!same_repository(https, other), "{other}");
        }
    }
}

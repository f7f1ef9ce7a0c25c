//! `changelog`: the changelog is kept up with releases — it has an entry for the newest
//! release tag, or an entry dated no earlier than that tag.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::file::pick_readable;
use super::locate::Finder;
use super::{Context, Evidence, Outcome, Problem, Status};
use crate::metadata::changelog::{self, Entry, day_text};
use crate::repo::SCAN_BYTES;
use crate::repo::history::Window;
use crate::text;

/// The names changelogs go by, in the order they are preferred.
const NAMES: &[&str] = &[
    "CHANGELOG",
    "CHANGELOG.*",
    "CHANGES",
    "CHANGES.*",
    "NEWS",
    "NEWS.*",
    "HISTORY",
    "HISTORY.*",
    "RELEASE_NOTES",
    "RELEASE_NOTES.*",
    "RELEASE-NOTES",
    "RELEASE-NOTES.*",
    "RELEASES",
    "RELEASES.*",
];

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ChangelogSpec {
    /// File names or globs, case-insensitive; default: CHANGELOG, CHANGES, NEWS, HISTORY,
    /// RELEASE_NOTES and RELEASES, with any extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<String>>,
    /// Directories to look in, relative to the root; default: the root, `docs` and
    /// `.github`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct ChangelogProbe {
    finder: Finder,
}

impl ChangelogSpec {
    pub fn compile(&self) -> Result<ChangelogProbe, Vec<Problem>> {
        let names = self
            .names
            .clone()
            .unwrap_or_else(|| NAMES.iter().map(|name| (*name).to_owned()).collect());
        let places = self
            .places
            .clone()
            .unwrap_or_else(|| vec![".".to_owned(), "docs".to_owned(), ".github".to_owned()]);
        Ok(ChangelogProbe {
            finder: Finder::compile(&names, Some(&places))?,
        })
    }
}

/// The newest release tag, as the evidence names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tagged {
    pub tag: String,
    /// The day of the commit it tags, `YYYY-MM-DD`.
    pub date: String,
}

impl ChangelogProbe {
    /// Only the release tags: no commit is needed.
    pub fn window(&self) -> Window {
        Window {
            last: Some(0),
            since: None,
            tags: true,
        }
    }

    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let candidates = match self.finder.candidates(context.repo) {
            Ok(candidates) => candidates,
            Err(outcome) => return *outcome,
        };
        let Some(file) = pick_readable(&candidates) else {
            let wanted = self.finder.describe();
            let (wanted_en, wanted_fr) = (&wanted.en, &wanted.fr);
            return Outcome::new(
                Status::Fail,
                text!(
                    "no changelog in this repository (looked for {wanted_en})",
                    "pas de journal des modifications dans ce dépôt (recherché : {wanted_fr})"
                ),
            );
        };
        let path = file.path.clone();
        let text = match context.repo.read(file, SCAN_BYTES) {
            Ok(content) => content.text(),
            Err(error) => return Outcome::new(Status::Error, text!("{error}", "{error}")),
        };
        let history = match context.history() {
            Ok(history) => history,
            Err(outcome) => return *outcome,
        };
        let entries = changelog::entries(&text);
        let released: Vec<&Entry> = entries.iter().filter(|e| !e.unreleased).collect();
        let release = history.releases.first();
        let evidence = |covering: Option<&Entry>| Evidence::Changelog {
            path: path.clone(),
            entries: released.len(),
            newest: covering.or(released.first().copied()).cloned(),
            release: release.map(|r| Tagged {
                tag: r.name.clone(),
                date: day_text(r.time.div_euclid(86_400)),
            }),
        };
        let Some(release) = release else {
            let count = released.len();
            return Outcome::new(
                Status::Pass,
                text!(
                    "no release tag yet to compare with; {path} has {count} release entries",
                    "aucune étiquette de version à comparer pour l'instant ; {path} compte {count} entrées de version"
                ),
            )
            .with(evidence(None));
        };
        let tag = &release.name;
        let tag_day = release.time.div_euclid(86_400);
        let tag_date = day_text(tag_day);
        if let Some(version) = changelog::normalise_version(tag)
            && let Some(entry) = changelog::covers(&entries, &version)
        {
            let line = entry.line;
            return Outcome::new(
                Status::Pass,
                text!(
                    "{path}:{line} describes the latest release, {tag}",
                    "{path}:{line} décrit la dernière version, {tag}"
                ),
            )
            .with(evidence(Some(entry)));
        }
        if let Some(newest) = changelog::newest_date(&entries)
            && newest >= tag_day
        {
            let date = day_text(newest);
            return Outcome::new(
                Status::Pass,
                text!(
                    "{path} has an entry dated {date}, no older than the latest release tag {tag} ({tag_date})",
                    "{path} a une entrée datée du {date}, pas plus ancienne que la dernière étiquette de version {tag} ({tag_date})"
                ),
            )
            .with(evidence(None));
        }
        let newest = match released.first() {
            Some(entry) => {
                let heading = &entry.heading;
                let line = entry.line;
                text!(
                    "its newest entry is line {line}: {heading}",
                    "son entrée la plus récente est ligne {line} : {heading}"
                )
            }
            None => text!(
                "it has no release entry ospo can read, such as `## [1.2.0] - 2026-01-15`",
                "il n'a aucune entrée de version lisible par ospo, comme `## [1.2.0] - 2026-01-15`"
            ),
        };
        let (newest_en, newest_fr) = (&newest.en, &newest.fr);
        Outcome::new(
            Status::Fail,
            text!(
                "the latest release, {tag} ({tag_date}), is not in {path}; {newest_en}",
                "la dernière version, {tag} ({tag_date}), manque dans {path} ; {newest_fr}"
            ),
        )
        .with(evidence(None))
    }
}

//! `ospo audit`'s default report: a row per repository (its verified score, the headline,
//! its declared score, each stage's verified score, the items that fail it), then the
//! organisation's totals: each stage's verified scores, the waivers applied, the verified
//! items most missed, and apart from them the questions most often left open.

use std::fmt::Write;

use comfy_table::{ContentArrangement, Table, presets};

use super::common_prefix;
use crate::audit::summary::ItemSummary;
use crate::audit::{Audit, Row};
use crate::i18n::Lang;
use crate::probe::Status;
use crate::report::{colon, escape_controls, percent, verdict_label};

/// How many of the items most missed, and of the questions most often open, the totals
/// list; the other formats list them all.
const MOST_FAILING: usize = 20;

pub fn render(audit: &Audit, width: u16) -> String {
    let lang = audit.language;
    let colon = colon(lang);
    let summary = &audit.summary;
    let mut out = String::new();
    let prefix = common_prefix(audit.repositories.iter().map(Row::path));
    let head = match lang {
        Lang::En => format!(
            "ospo audit — {} repositories in {}: {} pass, {} fail, {} could not be checked",
            summary.repositories,
            plain(shown_prefix(&prefix)),
            summary.passed,
            summary.failed,
            summary.errors
        ),
        Lang::Fr => format!(
            "ospo audit — {} dépôts dans {} : réussite {}, échec {}, non vérifiables {}",
            summary.repositories,
            plain(shown_prefix(&prefix)),
            summary.passed,
            summary.failed,
            summary.errors
        ),
    };
    let _ = writeln!(out, "{head}\n");

    let mut rows = table(width);
    let (repository, verified, declared, verdict, failing) = match lang {
        Lang::En => (
            "Repository",
            "Verified",
            "Declared",
            "Verdict",
            "Items that fail it, or why it could not be checked",
        ),
        Lang::Fr => (
            "Dépôt",
            "Vérifié",
            "Déclaré",
            "Verdict",
            "Éléments qui le font échouer, ou pourquoi il n'a pas pu être vérifié",
        ),
    };
    let mut header = vec![
        repository.to_owned(),
        verdict.to_owned(),
        verified.to_owned(),
        declared.to_owned(),
    ];
    header.extend(summary.stages.iter().map(|stage| stage.number.to_string()));
    header.push(failing.to_owned());
    rows.set_header(header);
    for row in &audit.repositories {
        let name = row.path().strip_prefix(&prefix).unwrap_or(row.path());
        let name = if name.is_empty() { row.path() } else { name };
        match row {
            Row::Report(report) => {
                let mut cells = vec![
                    plain(name),
                    verdict_label(report.verdict, lang).to_owned(),
                    percent(report.verified_score, lang),
                    percent(report.declared_score, lang),
                ];
                // Each stage's verified score, as the summary's stages give them.
                cells.extend(summary.stages.iter().map(|stage| {
                    let found = report.stages.iter().find(|s| s.stage == stage.stage);
                    percent(found.and_then(|s| s.verified_score), lang)
                }));
                cells.push(plain(&report.failed.join(", ")));
                rows.add_row(cells);
            }
            Row::Error(error) => {
                let mut cells = vec![
                    plain(name),
                    match lang {
                        Lang::En => "ERROR",
                        Lang::Fr => "ERREUR",
                    }
                    .to_owned(),
                ];
                cells.extend(std::iter::repeat_n(
                    "—".to_owned(),
                    2 + summary.stages.len(),
                ));
                cells.push(plain(&error.message));
                rows.add_row(cells);
            }
        }
    }
    let _ = writeln!(out, "{rows}");

    let title = match lang {
        Lang::En => "Verified scores by stage, and the mean of the declared ones",
        Lang::Fr => "Scores vérifiés par étape, et moyenne des scores déclarés",
    };
    let _ = writeln!(out, "\n{title}{colon}");
    let mut stages = table(width);
    let (stage, mean, lowest, highest, declared_mean, all) = match lang {
        Lang::En => (
            "Stage",
            "Mean",
            "Lowest",
            "Highest",
            "Declared (mean)",
            "All stages",
        ),
        Lang::Fr => (
            "Étape",
            "Moyenne",
            "Minimum",
            "Maximum",
            "Déclaré (moyenne)",
            "Toutes les étapes",
        ),
    };
    stages.set_header(vec![stage, mean, lowest, highest, declared_mean]);
    for stage in &summary.stages {
        stages.add_row(vec![
            plain(&format!("{}. {}", stage.number, stage.title)),
            percent(stage.verified.mean, lang),
            percent(stage.verified.min, lang),
            percent(stage.verified.max, lang),
            percent(stage.declared.mean, lang),
        ]);
    }
    stages.add_row(vec![
        all.to_owned(),
        percent(summary.verified.mean, lang),
        percent(summary.verified.min, lang),
        percent(summary.verified.max, lang),
        percent(summary.declared.mean, lang),
    ]);
    let _ = writeln!(out, "{stages}");
    if summary.waivers > 0 {
        let waivers = summary.waivers;
        let line = match (lang, waivers) {
            (Lang::En, 1) => "1 waiver applied; `--no-waivers` checks the item it skips".to_owned(),
            (Lang::En, n) => {
                format!("{n} waivers applied; `--no-waivers` checks the items they skip")
            }
            (Lang::Fr, 1) => {
                "1 dispense appliquée ; `--no-waivers` vérifie l'élément qu'elle écarte".to_owned()
            }
            (Lang::Fr, n) => format!(
                "{n} dispenses appliquées ; `--no-waivers` vérifie les éléments qu'elles écartent"
            ),
        };
        let _ = writeln!(out, "{line}");
    }

    let missed = summary.most_missed();
    if !missed.is_empty() {
        let more = missed.len().saturating_sub(MOST_FAILING);
        let title = match (lang, more) {
            (Lang::En, 0) => {
                "Verified items not met, by level, then by how many repositories miss them".to_owned()
            }
            (Lang::Fr, 0) => {
                "Éléments vérifiés non satisfaits, par niveau puis selon le nombre de dépôts concernés"
                    .to_owned()
            }
            (Lang::En, _) => format!(
                "The {MOST_FAILING} verified items most missed, by level, of {} not met (all are in the other formats)",
                missed.len()
            ),
            (Lang::Fr, _) => format!(
                "Les {MOST_FAILING} éléments vérifiés les plus souvent manquants, par niveau, sur {} non satisfaits (tous figurent dans les autres formats)",
                missed.len()
            ),
        };
        let _ = writeln!(out, "\n{title}{colon}");
        let mut items = table(width);
        let (item, level, repositories) = match lang {
            Lang::En => ("Item", "Level", "Repositories"),
            Lang::Fr => ("Élément", "Niveau", "Dépôts"),
        };
        items.set_header(vec![item, level, repositories]);
        for summary_item in missed.into_iter().take(MOST_FAILING) {
            items.add_row(vec![
                plain(&format!("{} — {}", summary_item.id, summary_item.title)),
                summary_item.level.label(lang).to_owned(),
                format!("{} / {}", summary_item.failing, checked(summary_item)),
            ]);
        }
        let _ = writeln!(out, "{items}");
    }

    let open = summary.most_open();
    if !open.is_empty() {
        let more = open.len().saturating_sub(MOST_FAILING);
        let title = match (lang, more) {
            (Lang::En, 0) => {
                "Questions most often open, by level (answers go in each repository's .ospo.yml)".to_owned()
            }
            (Lang::Fr, 0) => {
                "Questions le plus souvent en attente, par niveau (réponses attendues dans le .ospo.yml de chaque dépôt)"
                    .to_owned()
            }
            (Lang::En, _) => format!(
                "The {MOST_FAILING} questions most often open, by level, of {} (all are in the other formats)",
                open.len()
            ),
            (Lang::Fr, _) => format!(
                "Les {MOST_FAILING} questions le plus souvent en attente, par niveau, sur {} (toutes figurent dans les autres formats)",
                open.len()
            ),
        };
        let _ = writeln!(out, "\n{title}{colon}");
        let mut questions = table(width);
        let header = match lang {
            Lang::En => ["Question", "Level", "Open", "Answered no"],
            Lang::Fr => ["Question", "Niveau", "En attente", "Réponse « non »"],
        };
        questions.set_header(header.to_vec());
        for summary_item in open.into_iter().take(MOST_FAILING) {
            questions.add_row(vec![
                plain(&format!("{} — {}", summary_item.id, summary_item.title)),
                summary_item.level.label(lang).to_owned(),
                format!("{} / {}", summary_item.open, checked(summary_item)),
                summary_item.counts.fail.to_string(),
            ]);
        }
        let _ = writeln!(out, "{questions}");
    }
    out
}

/// How many repositories were checked on an item.
fn checked(item: &ItemSummary) -> usize {
    Status::ALL
        .iter()
        .map(|status| item.counts.get(*status))
        .sum()
}

/// Text from a repository (its path, an error message, the ids and titles of its own
/// checklist) as the terminal shows it: escaped by [`escape_controls`], so that nothing a
/// repository holds moves the cursor, changes colours or breaks a row.
fn plain(text: &str) -> String {
    escape_controls(text).into_owned()
}

fn shown_prefix(prefix: &str) -> &str {
    if prefix.is_empty() { "." } else { prefix }
}

fn table(width: u16) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .force_no_tty();
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::RowError;

    #[test]
    fn control_characters_from_repositories_are_written_as_escapes() {
        assert_eq!(plain("a\u{1b}[31mb\nc\u{7}"), "a\\e[31mb\\nc\\u{7}");
        let audit = Audit::of(
            vec![
                Row::Error(RowError {
                    path: "/srv/org/\u{1b}[2Jwiped".to_owned(),
                    message: "cannot open \u{1b}]8;;https://example.org\u{7}here".to_owned(),
                }),
                Row::Error(RowError {
                    path: "/srv/org/plain".to_owned(),
                    message: "HEAD is unborn".to_owned(),
                }),
            ],
            Lang::En,
        );
        let text = render(&audit, 120);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(text.contains("\\e[2Jwiped"), "{text}");
    }
}

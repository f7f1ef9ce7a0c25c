//! `ospo audit`'s default report: a row per repository (overall score, each stage's, the
//! required items it fails), then the organisation's totals (stage averages, the items
//! that fail most).

use std::fmt::Write;

use comfy_table::{ContentArrangement, Table, presets};

use super::common_prefix;
use crate::audit::{Audit, Row};
use crate::i18n::Lang;
use crate::report::{colon, percent, verdict_label};

/// How many of the items most missed the totals list; the other formats list them all.
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
            shown_prefix(&prefix),
            summary.passed,
            summary.failed,
            summary.errors
        ),
        Lang::Fr => format!(
            "ospo audit — {} dépôts dans {} : réussite {}, échec {}, non vérifiables {}",
            summary.repositories,
            shown_prefix(&prefix),
            summary.passed,
            summary.failed,
            summary.errors
        ),
    };
    let _ = writeln!(out, "{head}\n");

    let mut rows = table(width);
    let (repository, overall, verdict, failing) = match lang {
        Lang::En => (
            "Repository",
            "Overall",
            "Verdict",
            "Items that fail it, or why it could not be checked",
        ),
        Lang::Fr => (
            "Dépôt",
            "Global",
            "Verdict",
            "Éléments qui le font échouer, ou pourquoi il n'a pas pu être vérifié",
        ),
    };
    let mut header = vec![
        repository.to_owned(),
        verdict.to_owned(),
        overall.to_owned(),
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
                    name.to_owned(),
                    verdict_label(report.verdict, lang).to_owned(),
                    percent(report.score, lang),
                ];
                cells.extend(report.stages.iter().map(|stage| percent(stage.score, lang)));
                cells.push(report.failed.join(", "));
                rows.add_row(cells);
            }
            Row::Error(error) => {
                let mut cells = vec![
                    name.to_owned(),
                    match lang {
                        Lang::En => "ERROR",
                        Lang::Fr => "ERREUR",
                    }
                    .to_owned(),
                ];
                cells.extend(std::iter::repeat_n(
                    "—".to_owned(),
                    1 + summary.stages.len(),
                ));
                cells.push(error.message.clone());
                rows.add_row(cells);
            }
        }
    }
    let _ = writeln!(out, "{rows}");

    let mut stages = table(width);
    let (stage, mean, lowest, highest) = match lang {
        Lang::En => ("Stage", "Mean", "Lowest", "Highest"),
        Lang::Fr => ("Étape", "Moyenne", "Minimum", "Maximum"),
    };
    stages.set_header(vec![stage, mean, lowest, highest]);
    for stage in &summary.stages {
        stages.add_row(vec![
            format!("{}. {}", stage.number, stage.title),
            percent(stage.spread.mean, lang),
            percent(stage.spread.min, lang),
            percent(stage.spread.max, lang),
        ]);
    }
    stages.add_row(vec![
        overall.to_owned(),
        percent(summary.overall.mean, lang),
        percent(summary.overall.min, lang),
        percent(summary.overall.max, lang),
    ]);
    let _ = writeln!(out, "\n{stages}");

    let mut failing: Vec<_> = summary
        .items
        .iter()
        .filter(|item| item.failing > 0)
        .collect();
    // The most widespread gaps first; the checklist's order among equals.
    failing.sort_by_key(|item| std::cmp::Reverse(item.failing));
    if !failing.is_empty() {
        let more = failing.len().saturating_sub(MOST_FAILING);
        let title = match (lang, more) {
            (Lang::En, 0) => "Items not met, by how many repositories miss them".to_owned(),
            (Lang::Fr, 0) => {
                "Éléments non satisfaits, selon le nombre de dépôts concernés".to_owned()
            }
            (Lang::En, _) => format!(
                "The {MOST_FAILING} items most missed, of {} not met (all are in the other formats)",
                failing.len()
            ),
            (Lang::Fr, _) => format!(
                "Les {MOST_FAILING} éléments les plus souvent manquants, sur {} non satisfaits (tous figurent dans les autres formats)",
                failing.len()
            ),
        };
        failing.truncate(MOST_FAILING);
        let _ = writeln!(out, "\n{title}{colon}");
        let mut items = table(width);
        let (item, level, repositories) = match lang {
            Lang::En => ("Item", "Level", "Repositories"),
            Lang::Fr => ("Élément", "Niveau", "Dépôts"),
        };
        items.set_header(vec![item, level, repositories]);
        let checked = summary.passed + summary.failed;
        for summary_item in failing {
            items.add_row(vec![
                format!("{} — {}", summary_item.id, summary_item.title),
                summary_item.level.label(lang).to_owned(),
                format!("{} / {checked}", summary_item.failing),
            ]);
        }
        let _ = writeln!(out, "{items}");
    }
    out
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

//! The default report, for people at a terminal: one table per stage, the scores, then
//! what to do next and why.

use std::fmt::Write;

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};

use super::{Report, colon, percent, status_label, words};
use crate::checklist::Level;
use crate::probe::Status;
use crate::score::{FailOn, Verdict};

/// How the report is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours (only on a terminal, and never when `NO_COLOR` is set).
    pub color: bool,
    /// Table width in columns.
    pub width: u16,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            color: false,
            width: 100,
        }
    }
}

pub fn render(report: &Report, style: Style) -> String {
    let lang = report.language;
    let w = words(lang);
    let colon = colon(lang);
    let mut out = String::new();
    let commit = report
        .repository
        .short_commit()
        .map(|id| format!(" @ {id}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "ospo {} — {}{commit}",
        report.tool.version, report.repository.path
    );
    let _ = writeln!(
        out,
        "{} {} ({})",
        report.checklist.title, report.checklist.version, report.checklist.source
    );

    for stage in &report.stages {
        let items: Vec<_> = report
            .items
            .iter()
            .filter(|i| i.stage == stage.stage)
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}. {} — {} {} ({}/{})",
            stage.number,
            stage.title,
            w.score,
            percent(stage.score, lang),
            stage.passed_weight,
            stage.applicable_weight
        );
        let mut table = table(style);
        table.set_header(vec![w.status, w.item, w.details]);
        for item in items {
            let level = match item.level {
                Level::Required => " *",
                _ => "",
            };
            table.add_row(vec![
                status_cell(item.status, lang, style),
                Cell::new(format!("{}{level}\n{}", item.id, item.title)),
                Cell::new(&item.message),
            ]);
        }
        let _ = writeln!(out, "{table}");
    }

    let mut summary = table(style);
    summary.set_header(vec![w.stage, w.score, "✓", "⚠", "✗", "?", "–", "!"]);
    for stage in &report.stages {
        let c = stage.counts;
        summary.add_row(vec![
            Cell::new(format!("{}. {}", stage.number, stage.title)),
            Cell::new(percent(stage.score, lang)),
            Cell::new(c.pass),
            Cell::new(c.warn),
            Cell::new(c.fail),
            Cell::new(c.unknown),
            Cell::new(c.skip),
            Cell::new(c.error),
        ]);
    }
    let c = report.counts;
    summary.add_row(vec![
        Cell::new(w.overall).add_attribute(Attribute::Bold),
        Cell::new(percent(report.score, lang)).add_attribute(Attribute::Bold),
        Cell::new(c.pass),
        Cell::new(c.warn),
        Cell::new(c.fail),
        Cell::new(c.unknown),
        Cell::new(c.skip),
        Cell::new(c.error),
    ]);
    let _ = writeln!(out, "\n{summary}");
    let legend = match lang {
        crate::i18n::Lang::En => "✓ pass  ⚠ warn  ✗ fail  ? unknown  – skip  ! error  * required",
        crate::i18n::Lang::Fr => {
            "✓ réussi  ⚠ à revoir  ✗ échec  ? inconnu  – ignoré  ! erreur  * obligatoire"
        }
    };
    let _ = writeln!(out, "{legend}");

    let to_do = super::to_do(report);
    if !to_do.is_empty() {
        let _ = writeln!(out, "\n{}{colon}", w.to_do);
        for item in to_do {
            let _ = writeln!(
                out,
                "\n  {} {} — {}",
                mark(item.status, style),
                item.id,
                item.title
            );
            let _ = writeln!(out, "    {}{colon} {}", w.why, item.why.trim());
            let _ = writeln!(out, "    {}{colon} {}", w.fix, item.fix.trim());
            if let Some(url) = &item.help_url {
                let _ = writeln!(out, "    {}{colon} {url}", w.documentation);
            }
        }
    }

    if !report.questions.is_empty() {
        let _ = writeln!(out, "\n{} ({}){colon}", w.questions, w.questions_hint);
        for id in &report.questions {
            if let Some(item) = report.items.iter().find(|i| &i.id == id) {
                let _ = writeln!(out, "  ? {} — {}", item.id, item.title);
            }
        }
    }

    if !report.warnings.is_empty() {
        let _ = writeln!(out, "\n{}{colon}", w.warnings);
        for warning in &report.warnings {
            let _ = writeln!(out, "  ! {warning}");
        }
    }

    let judgement = report.judgement();
    let verdict = match judgement.verdict {
        Verdict::Pass => paint(w.verdict_pass, Color::Green, style),
        Verdict::Fail => paint(w.verdict_fail, Color::Red, style),
    };
    let _ = write!(
        out,
        "\n{verdict}{colon} {} {}",
        w.overall.to_lowercase(),
        percent(report.score, lang)
    );
    if !judgement.failed.is_empty() {
        let what = match report.fail_on {
            FailOn::Required => w.failed_required.to_owned(),
            wider => format!("{} (--fail-on {})", w.failed_items, wider.id()),
        };
        let _ = write!(out, "; {what}{colon} {}", judgement.failed.join(", "));
    }
    if let Some(threshold) = judgement.below_threshold {
        // As the user wrote it: 99, not 99.0.
        let threshold = match lang {
            crate::i18n::Lang::En => format!("{threshold}%"),
            crate::i18n::Lang::Fr => format!("{threshold}\u{202f}%").replace('.', ","),
        };
        let _ = write!(out, "; {} {threshold}", w.below_threshold);
    }
    out.push('\n');
    out
}

fn table(style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

fn color(status: Status) -> Color {
    match status {
        Status::Pass => Color::Green,
        Status::Warn => Color::Yellow,
        Status::Fail => Color::Red,
        Status::Unknown => Color::Yellow,
        Status::Skip => Color::DarkGrey,
        Status::Error => Color::Magenta,
    }
}

fn status_cell(status: Status, lang: crate::i18n::Lang, style: Style) -> Cell {
    let cell = Cell::new(format!("{} {}", symbol(status), status_label(status, lang)));
    if style.color {
        cell.fg(color(status))
    } else {
        cell
    }
}

fn symbol(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓",
        Status::Warn => "⚠",
        Status::Fail => "✗",
        Status::Unknown => "?",
        Status::Skip => "–",
        Status::Error => "!",
    }
}

fn mark(status: Status, style: Style) -> String {
    paint(symbol(status), color(status), style)
}

fn paint(text: &str, color: Color, style: Style) -> String {
    if !style.color {
        return text.to_owned();
    }
    let code = match color {
        Color::Green => 32,
        Color::Red => 31,
        Color::Yellow => 33,
        Color::Magenta => 35,
        _ => 90,
    };
    format!("\x1b[1;{code}m{text}\x1b[0m")
}

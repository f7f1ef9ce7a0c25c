//! The default report, for people at a terminal. It fits on a screen: the verdict and why,
//! the stage table, the ten most important things to do (one line each), and how to see
//! the rest. `--all` adds every item of every stage, and why and how to fix each thing to
//! do.

use std::fmt::Write;

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};

use super::{
    ChecklistInfo, ItemReport, Location, Report, Repository, StageReport, Tool, WaiverReport,
    colon, cut, escape_controls, escape_controls_keeping, percent, status_label, words,
};
use crate::checklist::{Basis, Level};
use crate::i18n::Lang;
use crate::probe::Status;
use crate::score::{FailOn, Verdict};

/// How many things to do the short report lists.
pub const TOP: usize = 10;

/// How the report is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours (only on a terminal, and never when `NO_COLOR` is set).
    pub color: bool,
    /// Table width in columns.
    pub width: u16,
    /// Every item of every stage, and why and how to fix each thing to do.
    pub all: bool,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            color: false,
            width: 100,
            all: false,
        }
    }
}

pub fn render(report: &Report, style: Style) -> String {
    let report = &for_terminal(report);
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
    verdict(&mut out, report, style);

    if style.all {
        stage_tables(&mut out, report, style);
    }
    let _ = writeln!(out, "\n{}", summary_table(report, style));
    let legend = match lang {
        Lang::En => "✓ pass  ⚠ warn  ✗ fail  ? unknown  – skip  ! error  * required",
        Lang::Fr => "✓ réussi  ⚠ à revoir  ✗ échec  ? inconnu  – ignoré  ! erreur  * obligatoire",
    };
    let _ = writeln!(out, "{legend}");

    let to_do = super::priority(report);
    let shown = if style.all {
        to_do.len()
    } else {
        to_do.len().min(TOP)
    };
    if !to_do.is_empty() {
        let count = match (lang, shown < to_do.len()) {
            (Lang::En, true) => format!(" ({shown} of {})", to_do.len()),
            (Lang::Fr, true) => format!(" ({shown} sur {})", to_do.len()),
            (_, false) => String::new(),
        };
        let _ = writeln!(out, "\n{}{count}{colon}", w.to_do);
        for item in &to_do[..shown] {
            if style.all {
                detailed(&mut out, item, lang, style);
            } else {
                one_line(&mut out, item, lang, style);
            }
        }
    }

    let questions: Vec<&ItemReport> = report
        .open_questions()
        .filter(|item| !item.fails(report.fail_on))
        .collect();
    if style.all && !questions.is_empty() {
        let _ = writeln!(out, "\n{} ({}){colon}", w.questions, w.questions_hint);
        for item in &questions {
            let _ = writeln!(out, "  ? {} — {}", item.id, item.title);
            let _ = writeln!(out, "    {}", item.message.trim());
        }
    }
    let hidden = to_do.len() - shown;
    if !style.all && (hidden > 0 || !questions.is_empty()) {
        let _ = writeln!(out, "\n{}", more(hidden, questions.len(), lang));
    }

    waivers(&mut out, report);
    if !report.warnings.is_empty() {
        let _ = writeln!(out, "\n{}{colon}", w.warnings);
        for warning in &report.warnings {
            let _ = writeln!(out, "  ! {warning}");
        }
    }
    if style.all {
        let _ = writeln!(out);
        verdict(&mut out, report, style);
    }
    out
}

/// The report with every text escaped for a terminal ([`escape_controls`]): the
/// repository's path, its file names, lines and reasons, and the checklist's texts (a
/// project's own checklist is the repository's text too). Why and how to fix keep their
/// line breaks, laid out on lines of their own; the evidence, which this report does not
/// show, is left out. Every field is named, so that none added to the model is missed.
fn for_terminal(report: &Report) -> Report {
    let one = |text: &String| escape_controls(text).into_owned();
    let lines = |text: &String| escape_controls_keeping(text, &['\n']).into_owned();
    let Report {
        schema_version,
        tool,
        language,
        repository,
        checklist,
        project_file,
        verdict,
        score,
        verified_score,
        declared_score,
        passed_weight,
        applicable_weight,
        counts,
        fail_under,
        fail_on,
        failed_required,
        failed,
        stages,
        items,
        questions,
        waivers,
        anchor,
        warnings,
    } = report;
    let items = items
        .iter()
        .map(|item| {
            let ItemReport {
                id,
                stage,
                level,
                weight,
                probe,
                basis,
                title,
                status,
                message,
                evidence: _,
                location,
                why,
                fix,
                help_url,
            } = item;
            ItemReport {
                id: one(id),
                stage: *stage,
                level: *level,
                weight: *weight,
                probe: one(probe),
                basis: *basis,
                title: one(title),
                status: *status,
                message: one(message),
                evidence: None,
                location: location.as_ref().map(|location| Location {
                    path: one(&location.path),
                    ..location.clone()
                }),
                why: lines(why),
                fix: lines(fix),
                help_url: help_url.as_ref().map(one),
            }
        })
        .collect();
    Report {
        schema_version: *schema_version,
        tool: Tool {
            name: one(&tool.name),
            version: one(&tool.version),
        },
        language: *language,
        repository: Repository {
            path: one(&repository.path),
            commit: repository.commit.as_ref().map(one),
            ..repository.clone()
        },
        checklist: ChecklistInfo {
            id: one(&checklist.id),
            title: one(&checklist.title),
            version: one(&checklist.version),
            source: one(&checklist.source),
        },
        project_file: project_file.as_ref().map(one),
        verdict: *verdict,
        score: *score,
        verified_score: *verified_score,
        declared_score: *declared_score,
        passed_weight: *passed_weight,
        applicable_weight: *applicable_weight,
        counts: *counts,
        fail_under: *fail_under,
        fail_on: *fail_on,
        failed_required: failed_required.iter().map(one).collect(),
        failed: failed.iter().map(one).collect(),
        stages: stages
            .iter()
            .map(|stage| StageReport {
                title: one(&stage.title),
                ..stage.clone()
            })
            .collect(),
        items,
        questions: questions.iter().map(one).collect(),
        waivers: waivers
            .iter()
            .map(|waiver| WaiverReport {
                id: one(&waiver.id),
                reason: one(&waiver.reason),
                outcome: waiver.outcome,
            })
            .collect(),
        anchor: anchor.as_ref().map(one),
        warnings: warnings.iter().map(one).collect(),
    }
}

/// The verdict and why, at the top of the report: the scores, then what fails the check.
fn verdict(out: &mut String, report: &Report, style: Style) {
    let lang = report.language;
    let w = words(lang);
    let colon = colon(lang);
    let judgement = report.judgement();
    let label = match judgement.verdict {
        Verdict::Pass => paint(w.verdict_pass, Color::Green, style),
        Verdict::Fail => paint(w.verdict_fail, Color::Red, style),
    };
    let _ = writeln!(out, "{label}{colon} {}", scores_line(report));
    if !judgement.failed.is_empty() {
        let what = match report.fail_on {
            FailOn::Required => w.failed_required.to_owned(),
            wider => format!("{} (--fail-on {})", w.failed_items, wider.id()),
        };
        let _ = writeln!(out, "  {what}{colon} {}", ids(&judgement.failed, lang));
    }
    if let Some(threshold) = judgement.below_threshold {
        let _ = writeln!(out, "  {}", below(report.verified_score, threshold, lang));
    }
}

/// `verified score 62.5%; declared 80.0% (20 answers, 5 open questions); 2 waivers`.
pub(crate) fn scores_line(report: &Report) -> String {
    let lang = report.language;
    let answered = report.answered_questions();
    let open = report.questions.len();
    let waived = report.applied_waivers().count();
    let verified = percent(report.verified_score, lang);
    let declared = percent(report.declared_score, lang);
    let mut line = match lang {
        Lang::En => format!(
            "verified score {verified}; declared {declared} ({answered} answer{}, {open} open question{})",
            plural(answered),
            plural(open)
        ),
        Lang::Fr => format!(
            "score vérifié {verified} ; déclaré {declared} ({answered} réponse{}, {open} question{} en attente)",
            pluriel(answered),
            pluriel(open)
        ),
    };
    if waived > 0 {
        let _ = match lang {
            Lang::En => write!(line, "; {waived} waiver{}", plural(waived)),
            Lang::Fr => write!(line, " ; {waived} dispense{}", pluriel(waived)),
        };
    }
    line
}

/// English puts the plural on every count but one…
fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// …French on counts of two or more.
fn pluriel(count: usize) -> &'static str {
    if count > 1 { "s" } else { "" }
}

/// A list of item ids, the first five of them and how many more.
fn ids(ids: &[String], lang: Lang) -> String {
    const SHOWN: usize = 5;
    let mut text = ids
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        let more = ids.len() - SHOWN;
        let _ = match lang {
            Lang::En => write!(text, " and {more} more"),
            Lang::Fr => write!(text, " et {more} autres"),
        };
    }
    text
}

/// `verified score 62.5% is below 80%`.
pub(crate) fn below(verified: Option<f64>, threshold: f64, lang: Lang) -> String {
    // As the user wrote it: 99, not 99.0.
    let score = percent(verified, lang);
    match lang {
        Lang::En => format!("verified score {score} is below {threshold}%"),
        Lang::Fr => {
            let threshold = format!("{threshold}\u{202f}%").replace('.', ",");
            format!("score vérifié {score} inférieur au seuil de {threshold}")
        }
    }
}

/// `14 more things to do and 5 open questions: --all shows them…`.
fn more(hidden: usize, questions: usize, lang: Lang) -> String {
    let things = match (lang, hidden) {
        (_, 0) => String::new(),
        (Lang::En, 1) => "1 more thing to do".to_owned(),
        (Lang::En, n) => format!("{n} more things to do"),
        (Lang::Fr, 1) => "1 autre point à traiter".to_owned(),
        (Lang::Fr, n) => format!("{n} autres points à traiter"),
    };
    let open = match (lang, questions) {
        (_, 0) => String::new(),
        (Lang::En, 1) => "1 open question".to_owned(),
        (Lang::En, n) => format!("{n} open questions"),
        (Lang::Fr, 1) => "1 question en attente".to_owned(),
        (Lang::Fr, n) => format!("{n} questions en attente"),
    };
    let both = match (things.is_empty(), open.is_empty(), lang) {
        (false, false, Lang::En) => format!("{things} and {open}"),
        (false, false, Lang::Fr) => format!("{things} et {open}"),
        (false, true, _) => things,
        (true, _, _) => open,
    };
    match (lang, hidden) {
        (Lang::En, 0) => format!("… {both} in .ospo.yml: `--all` lists the questions."),
        (Lang::Fr, 0) => format!("… {both} dans .ospo.yml : `--all` liste les questions."),
        (Lang::En, _) => format!("… {both}: `--all` shows them all, with their fixes."),
        (Lang::Fr, _) => format!("… {both} : `--all` les détaille tous."),
    }
}

/// One table per stage, every item in checklist order.
fn stage_tables(out: &mut String, report: &Report, style: Style) {
    let lang = report.language;
    let w = words(lang);
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
            "\n{}. {} — {} {}, {} {}",
            stage.number,
            stage.title,
            w.verified,
            percent(stage.verified_score, lang),
            w.declared,
            percent(stage.declared_score, lang),
        );
        let mut table = table(style);
        table.set_header(vec![w.status, w.item, w.details]);
        for item in items {
            let level = match item.level {
                Level::Required => " *",
                _ => "",
            };
            let basis = match item.basis {
                Basis::Declared => format!(" ({})", item.basis.label(lang)),
                Basis::Verified => String::new(),
            };
            table.add_row(vec![
                status_cell(item.status, lang, style),
                Cell::new(format!("{}{level}{basis}\n{}", item.id, item.title)),
                Cell::new(&item.message),
            ]);
        }
        let _ = writeln!(out, "{table}");
    }
}

/// Each stage's verified and declared scores and its items by status, then the whole.
fn summary_table(report: &Report, style: Style) -> Table {
    let lang = report.language;
    let w = words(lang);
    let mut summary = table(style);
    summary.set_header(vec![
        w.stage, w.verified, w.declared, "✓", "⚠", "✗", "?", "–", "!",
    ]);
    for stage in &report.stages {
        let c = stage.counts;
        summary.add_row(vec![
            Cell::new(format!("{}. {}", stage.number, stage.title)),
            Cell::new(percent(stage.verified_score, lang)),
            Cell::new(percent(stage.declared_score, lang)),
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
        Cell::new(percent(report.verified_score, lang)).add_attribute(Attribute::Bold),
        Cell::new(percent(report.declared_score, lang)).add_attribute(Attribute::Bold),
        Cell::new(c.pass),
        Cell::new(c.warn),
        Cell::new(c.fail),
        Cell::new(c.unknown),
        Cell::new(c.skip),
        Cell::new(c.error),
    ]);
    summary
}

/// `  ✗ needs.contributing * — Title: message`, cut to the width at a word; a reason cut
/// too short to say anything is left out.
fn one_line(out: &mut String, item: &ItemReport, lang: Lang, style: Style) {
    /// The fewest characters of the reason worth showing.
    const SHORTEST_REASON: usize = 24;
    let level = match item.level {
        Level::Required => " *",
        _ => "",
    };
    let message = short_reason(&item.message);
    let head = format!("{}{level} — {}", item.id, item.title.trim());
    let colon = colon(lang);
    // Two spaces, the mark and a space before the text.
    let room = usize::from(style.width).saturating_sub(4);
    let left = room.saturating_sub(head.chars().count() + colon.chars().count() + 1);
    let text = if message.is_empty() || left < SHORTEST_REASON.min(message.chars().count()) {
        cut(&head, room)
    } else {
        format!("{head}{colon} {}", cut(&message, left))
    };
    let _ = writeln!(out, "  {} {text}", mark(item.status, style));
}

/// The gist of a message: its words up to the first detail, which a colon or a bracket
/// opens ("not found in README.md: a heading such as …" → "not found in README.md").
fn short_reason(message: &str) -> String {
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = [": ", " : ", " ("]
        .iter()
        .filter_map(|mark| message.find(mark))
        .min()
        .unwrap_or(message.len());
    let gist = message[..end].trim();
    if gist.is_empty() {
        message
    } else {
        gist.to_owned()
    }
}

/// A thing to do with why it matters, how to fix it and where it is documented.
fn detailed(out: &mut String, item: &ItemReport, lang: Lang, style: Style) {
    let w = words(lang);
    let colon = colon(lang);
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

/// Every waiver of `.ospo.yml`, with its reason and what became of it.
fn waivers(out: &mut String, report: &Report) {
    if report.waivers.is_empty() {
        return;
    }
    let lang = report.language;
    let w = words(lang);
    let colon = colon(lang);
    let _ = writeln!(out, "\n{} ({}){colon}", w.waivers, report.waivers.len());
    for waiver in &report.waivers {
        let note = waiver
            .outcome
            .note(lang)
            .map(|note| format!(" ({note})"))
            .unwrap_or_default();
        let reason = waiver
            .reason
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(out, "  – {}{note}{colon} {reason}", waiver.id);
    }
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

//! `ospo audit --format html`: one self-contained page to open, sort and share.
//!
//! The page is drawn here, so that it reads without scripts and the same audit gives the
//! same bytes: a header of totals, the table of repositories (the verified score, the
//! headline, in a cell coloured by its tenth, the declared score beside it, and each
//! stage's verified score), a bar per verified item showing how many repositories miss
//! it, the most missed first, then apart a bar per question showing how many leave it
//! open, and the distributions of the verified and declared scores as inline SVG. The
//! script and the style sheet beside this file (`html/audit.js`, `html/audit.css`) are
//! inlined; the script sorts and filters the table and shows a repository's items to
//! fix, open questions and waivers from a JSON block of the page's data. Nothing is
//! loaded from anywhere: the page's security policy forbids it.

use std::fmt::Write;

use serde::Serialize;

use super::common_prefix;
use crate::audit::summary::{BINS, ItemSummary, Spread, StageSummary};
use crate::audit::{Audit, Row, Summary};
use crate::checklist::{Basis, Level};
use crate::i18n::Lang;
use crate::probe::Status;
use crate::report::{Report, Tool, escape_controls, percent, priority, status_label};
use crate::score::{Counts, Scored, Verdict};

const STYLE: &str = include_str!("html/audit.css");
const SCRIPT: &str = include_str!("html/audit.js");

/// The page's words in one language; the script's share the JSON block.
#[derive(Serialize)]
struct Ui {
    title: &'static str,
    repositories: &'static str,
    passing: &'static str,
    failing: &'static str,
    errors: &'static str,
    mean: &'static str,
    verified: &'static str,
    declared: &'static str,
    verified_hint: &'static str,
    declared_hint: &'static str,
    verified_mean: &'static str,
    declared_mean: &'static str,
    open_questions: &'static str,
    waivers_applied: &'static str,
    in_folder: &'static str,
    checklist: &'static str,
    repository: &'static str,
    verdict: &'static str,
    failed_required: &'static str,
    filter_name: &'static str,
    filter_name_hint: &'static str,
    filter_verdict: &'static str,
    all: &'static str,
    pass: &'static str,
    fail: &'static str,
    error: &'static str,
    filter_item: &'static str,
    any_item: &'static str,
    filter_failing: &'static str,
    filter_open: &'static str,
    shown: &'static str,
    none_shown: &'static str,
    items_title: &'static str,
    items_intro: &'static str,
    items_order: &'static str,
    order_checklist: &'static str,
    order_failing: &'static str,
    order_open: &'static str,
    questions_title: &'static str,
    questions_intro: &'static str,
    answered_yes: &'static str,
    answered_no: &'static str,
    not_applicable: &'static str,
    open: &'static str,
    distribution_title: &'static str,
    distribution_intro: &'static str,
    lowest: &'static str,
    highest: &'static str,
    no_score: &'static str,
    to_do: &'static str,
    nothing_to_do: &'static str,
    questions: &'static str,
    waivers: &'static str,
    fix: &'static str,
    documentation: &'static str,
    could_not_check: &'static str,
    show_details: &'static str,
    commit: &'static str,
    generated_by: &'static str,
    scale: &'static str,
}

fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::En => &Ui {
            title: "Open-source readiness audit",
            repositories: "repositories",
            passing: "pass",
            failing: "fail",
            errors: "could not be checked",
            mean: "mean",
            verified: "Verified",
            declared: "Declared",
            verified_hint: "The score of the items ospo verifies in the repository",
            declared_hint: "The score of the questions answered in .ospo.yml (open questions count in no score)",
            verified_mean: "verified score (mean)",
            declared_mean: "declared score (mean)",
            open_questions: "open questions",
            waivers_applied: "waivers applied",
            in_folder: "in",
            checklist: "Checklist",
            repository: "Repository",
            verdict: "Verdict",
            failed_required: "Required items not met",
            filter_name: "Repository",
            filter_name_hint: "Filter by name",
            filter_verdict: "Verdict",
            all: "All",
            pass: "Pass",
            fail: "Fail",
            error: "Error",
            filter_item: "Item",
            any_item: "Any item",
            filter_failing: "Items not met",
            filter_open: "Questions left open",
            shown: "{shown} of {total} repositories shown",
            none_shown: "No repository matches these filters.",
            items_title: "Items most missed",
            items_intro: "For each item ospo verifies in the repositories, the share of checked repositories where it does not hold (failed, not checkable or in error). Click an item to list those repositories.",
            items_order: "Order",
            order_checklist: "Checklist",
            order_failing: "By level, most missed first",
            order_open: "By level, most often open first",
            questions_title: "Questions most often open",
            questions_intro: "For each question a project answers in its .ospo.yml, the share of checked repositories that leave it open: no answer, an answer without evidence, or one to renew. Open questions count in no score. Click a question to list those repositories.",
            answered_yes: "answered yes",
            answered_no: "answered no",
            not_applicable: "not applicable or waived",
            open: "open",
            distribution_title: "Score distribution",
            distribution_intro: "How many repositories score in each tenth: the verified score, per stage too, and the declared score.",
            lowest: "lowest",
            highest: "highest",
            no_score: "No repository has a score here.",
            to_do: "What to do next",
            nothing_to_do: "Every item holds.",
            questions: "Questions to answer in .ospo.yml",
            waivers: "Waivers applied",
            fix: "Fix",
            documentation: "Documentation",
            could_not_check: "Could not be checked",
            show_details: "Show the items to fix",
            commit: "commit",
            generated_by: "Generated by",
            scale: "Score colours",
        },
        Lang::Fr => &Ui {
            title: "Audit de préparation à l'ouverture",
            repositories: "dépôts",
            passing: "réussis",
            failing: "en échec",
            errors: "non vérifiables",
            mean: "moyenne",
            verified: "Vérifié",
            declared: "Déclaré",
            verified_hint: "Le score des éléments qu'ospo vérifie dans le dépôt",
            declared_hint: "Le score des questions auxquelles le projet a répondu dans .ospo.yml (les questions en attente ne comptent dans aucun score)",
            verified_mean: "score vérifié (moyenne)",
            declared_mean: "score déclaré (moyenne)",
            open_questions: "questions en attente",
            waivers_applied: "dispenses appliquées",
            in_folder: "dans",
            checklist: "Liste de contrôle",
            repository: "Dépôt",
            verdict: "Verdict",
            failed_required: "Éléments obligatoires non satisfaits",
            filter_name: "Dépôt",
            filter_name_hint: "Filtrer par nom",
            filter_verdict: "Verdict",
            all: "Tous",
            pass: "Réussi",
            fail: "Échec",
            error: "Erreur",
            filter_item: "Élément",
            any_item: "Tout élément",
            filter_failing: "Éléments non satisfaits",
            filter_open: "Questions en attente",
            shown: "{shown} dépôts affichés sur {total}",
            none_shown: "Aucun dépôt ne correspond à ces filtres.",
            items_title: "Éléments les plus souvent manquants",
            items_intro: "Pour chaque élément qu'ospo vérifie dans les dépôts, la part des dépôts vérifiés où il n'est pas satisfait (échec, non vérifiable ou erreur). Cliquez sur un élément pour lister ces dépôts.",
            items_order: "Ordre",
            order_checklist: "Liste de contrôle",
            order_failing: "Par niveau, les plus manquants d'abord",
            order_open: "Par niveau, les plus souvent en attente d'abord",
            questions_title: "Questions le plus souvent en attente",
            questions_intro: "Pour chaque question à laquelle un projet répond dans son .ospo.yml, la part des dépôts vérifiés qui la laissent en attente : sans réponse, avec une réponse sans justificatif ou une réponse à renouveler. Les questions en attente ne comptent dans aucun score. Cliquez sur une question pour lister ces dépôts.",
            answered_yes: "réponse « oui »",
            answered_no: "réponse « non »",
            not_applicable: "sans objet ou dispensé",
            open: "en attente",
            distribution_title: "Répartition des scores",
            distribution_intro: "Combien de dépôts obtiennent un score dans chaque dizaine : le score vérifié, également par étape, et le score déclaré.",
            lowest: "minimum",
            highest: "maximum",
            no_score: "Aucun dépôt n'a de score ici.",
            to_do: "Que faire ensuite",
            nothing_to_do: "Tous les éléments sont satisfaits.",
            questions: "Questions auxquelles répondre dans .ospo.yml",
            waivers: "Dispenses appliquées",
            fix: "Action",
            documentation: "Documentation",
            could_not_check: "N'a pas pu être vérifié",
            show_details: "Afficher les éléments à corriger",
            commit: "commit",
            generated_by: "Produit par",
            scale: "Couleurs des scores",
        },
    }
}

/// The page's data: what the script needs, in a JSON block.
#[derive(Serialize)]
struct Data<'a> {
    schema_version: u32,
    tool: &'a Tool,
    language: Lang,
    /// What every path starts with, left out of the names.
    prefix: &'a str,
    text: &'static Ui,
    /// Every item, as [`Summary::items`] orders them: rows refer to them by index.
    items: Vec<ItemData<'a>>,
    repositories: Vec<RowData<'a>>,
    summary: &'a Summary,
}

#[derive(Serialize)]
struct ItemData<'a> {
    id: &'a str,
    stage: crate::checklist::Stage,
    level: Level,
    level_label: &'static str,
    title: &'a str,
    fix: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_url: Option<&'a str>,
}

#[derive(Serialize)]
struct RowData<'a> {
    path: &'a str,
    name: &'a str,
    /// `pass`, `fail` or `error`.
    verdict: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    checklist: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<&'a str>,
    /// The verified score: the headline, which the table colours and sorts by.
    verified_score: Option<f64>,
    declared_score: Option<f64>,
    /// The overall score, verified items and answered questions together.
    score: Option<f64>,
    /// Each stage's verified score, in the summary's order of stages.
    stages: Vec<Option<f64>>,
    failed_required: &'a [String],
    /// The items that do not hold (fail, unknown or error), open questions left out, by
    /// index.
    failing: Vec<usize>,
    /// What to do next, the most useful first.
    to_do: Vec<NoteData<'a>>,
    /// Open questions, by index.
    questions: Vec<usize>,
    /// The waivers applied.
    waivers: Vec<WaiverData<'a>>,
}

#[derive(Serialize)]
struct WaiverData<'a> {
    id: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct NoteData<'a> {
    item: usize,
    status: Status,
    status_label: &'static str,
    message: &'a str,
    /// The report's own fix, when it is not the item's (another checklist's text).
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'a str>,
}

pub fn render(audit: &Audit) -> String {
    let lang = audit.language;
    let ui = ui(lang);
    let summary = &audit.summary;
    let prefix = common_prefix(audit.repositories.iter().map(Row::path));
    let items = item_data(audit, lang);
    let index = |id: &str| summary.items.iter().position(|item| item.id == id);
    let rows: Vec<RowData> = audit
        .repositories
        .iter()
        .map(|row| row_data(row, &summary.stages, &prefix, &index, &items, lang))
        .collect();
    let data = Data {
        schema_version: audit.schema_version,
        tool: &audit.tool,
        language: lang,
        prefix: &prefix,
        text: ui,
        items,
        repositories: rows,
        summary,
    };

    let mut out = String::with_capacity(64 * 1024 + audit.repositories.len() * 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"{tool} {version}\">\n\
         <title>{title} — {count} {repositories}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        lang = lang.code(),
        tool = escape(&audit.tool.name),
        version = escape(&audit.tool.version),
        title = ui.title,
        count = summary.repositories,
        repositories = ui.repositories,
    );
    header(&mut out, audit, &prefix, ui);
    out.push_str("<main>\n");
    table(&mut out, audit, &data, ui);
    item_bars(&mut out, summary, ui, lang);
    distributions(&mut out, summary, ui, lang);
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer>{} {} {}</footer>",
        ui.generated_by,
        escape(&audit.tool.name),
        escape(&audit.tool.version)
    );
    let json = serde_json::to_string(&data).expect("the page data always serialises");
    let _ = write!(
        out,
        "<script type=\"application/json\" id=\"ospo-data\">{}</script>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        script_safe(&json)
    );
    out
}

fn item_data(audit: &Audit, lang: Lang) -> Vec<ItemData<'_>> {
    let reports: Vec<&Report> = audit.repositories.iter().filter_map(Row::report).collect();
    audit
        .summary
        .items
        .iter()
        .map(|summary| {
            let first = reports
                .iter()
                .find_map(|report| report.items.iter().find(|item| item.id == summary.id));
            ItemData {
                id: &summary.id,
                stage: summary.stage,
                level: summary.level,
                level_label: summary.level.label(lang),
                title: &summary.title,
                fix: first.map_or("", |item| item.fix.as_str()),
                help_url: first.and_then(|item| item.help_url.as_deref()),
            }
        })
        .collect()
}

fn row_data<'a>(
    row: &'a Row,
    stages: &[StageSummary],
    prefix: &str,
    index: &dyn Fn(&str) -> Option<usize>,
    items: &[ItemData],
    lang: Lang,
) -> RowData<'a> {
    let path = row.path();
    let name = shown_name(path, prefix);
    match row {
        Row::Error(error) => RowData {
            path,
            name,
            verdict: "error",
            error: Some(&error.message),
            checklist: None,
            commit: None,
            verified_score: None,
            declared_score: None,
            score: None,
            stages: Vec::new(),
            failed_required: &[],
            failing: Vec::new(),
            to_do: Vec::new(),
            questions: Vec::new(),
            waivers: Vec::new(),
        },
        Row::Report(report) => RowData {
            path,
            name,
            verdict: report.verdict.id(),
            error: None,
            checklist: Some(&report.checklist.id),
            commit: report.repository.short_commit(),
            verified_score: report.verified_score,
            declared_score: report.declared_score,
            score: report.score,
            stages: stages
                .iter()
                .map(|stage| stage_score(report, stage.stage))
                .collect(),
            failed_required: &report.failed_required,
            failing: report
                .items
                .iter()
                .filter(|item| {
                    matches!(item.status, Status::Fail | Status::Unknown | Status::Error)
                        && !item.is_open_question()
                })
                .filter_map(|item| index(&item.id))
                .collect(),
            to_do: priority(report)
                .into_iter()
                .filter_map(|item| {
                    let at = index(&item.id)?;
                    Some(NoteData {
                        item: at,
                        status: item.status,
                        status_label: status_label(item.status, lang),
                        message: &item.message,
                        fix: (items[at].fix != item.fix).then_some(item.fix.as_str()),
                    })
                })
                .collect(),
            questions: report.questions.iter().filter_map(|id| index(id)).collect(),
            waivers: report
                .applied_waivers()
                .map(|waiver| WaiverData {
                    id: &waiver.id,
                    reason: &waiver.reason,
                })
                .collect(),
        },
    }
}

/// A report's verified score for a stage.
fn stage_score(report: &Report, stage: crate::checklist::Stage) -> Option<f64> {
    report
        .stages
        .iter()
        .find(|s| s.stage == stage)
        .and_then(|s| s.verified_score)
}

fn header(out: &mut String, audit: &Audit, prefix: &str, ui: &Ui) {
    let summary = &audit.summary;
    let lang = audit.language;
    let _ = writeln!(
        out,
        "<header class=\"top\">\n<p class=\"eyebrow\">ospo audit</p>\n<h1>{}</h1>",
        ui.title
    );
    let mut facts = Vec::new();
    if !prefix.is_empty() {
        facts.push(format!(
            "{} <code>{}</code>",
            capitalised(ui.in_folder),
            escape(prefix)
        ));
    }
    let checklists = checklists(audit);
    if !checklists.is_empty() {
        let names: Vec<String> = checklists
            .iter()
            .map(|(report, count)| {
                let counted = if checklists.len() > 1 {
                    format!(" — {count} {}", ui.repositories)
                } else {
                    String::new()
                };
                format!(
                    "{} <span class=\"muted\">({} {})</span>{counted}",
                    escape(&report.checklist.title),
                    escape(&report.checklist.id),
                    escape(&report.checklist.version)
                )
            })
            .collect();
        facts.push(format!(
            "{}{} {}",
            ui.checklist,
            crate::report::colon(lang),
            names.join(" · ")
        ));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "<p class=\"facts\">{}</p>", facts.join("<br>"));
    }
    out.push_str("<div class=\"cards\">\n");
    let card = |out: &mut String, class: &str, value: String, label: &str| {
        let _ = writeln!(
            out,
            "<div class=\"card {class}\"><span class=\"value\">{value}</span><span class=\"label\">{label}</span></div>"
        );
    };
    card(
        out,
        "total",
        summary.repositories.to_string(),
        ui.repositories,
    );
    card(out, "pass", summary.passed.to_string(), ui.passing);
    card(out, "fail", summary.failed.to_string(), ui.failing);
    card(out, "error", summary.errors.to_string(), ui.errors);
    card(
        out,
        &format!("mean {}", score_class(summary.verified.mean)),
        percent(summary.verified.mean, lang),
        ui.verified_mean,
    );
    card(
        out,
        "declared",
        percent(summary.declared.mean, lang),
        ui.declared_mean,
    );
    card(
        out,
        "open",
        summary.open_questions().to_string(),
        ui.open_questions,
    );
    card(
        out,
        "waived",
        summary.waivers.to_string(),
        ui.waivers_applied,
    );
    out.push_str("</div>\n</header>\n");
}

/// The checklists the reports used, in the order they first appear, with how many used each.
fn checklists(audit: &Audit) -> Vec<(&Report, usize)> {
    let mut found: Vec<(&Report, usize)> = Vec::new();
    for report in audit.repositories.iter().filter_map(Row::report) {
        let same = |known: &&mut (&Report, usize)| {
            known.0.checklist.id == report.checklist.id
                && known.0.checklist.version == report.checklist.version
        };
        match found.iter_mut().find(|known| same(known)) {
            Some(known) => known.1 += 1,
            None => found.push((report, 1)),
        }
    }
    found
}

fn table(out: &mut String, audit: &Audit, data: &Data, ui: &Ui) {
    let lang = audit.language;
    let summary = &audit.summary;
    let total = summary.repositories;
    let _ = write!(
        out,
        "<section id=\"repositories\" aria-labelledby=\"repositories-title\">\n\
         <h2 id=\"repositories-title\">{repository_title}</h2>\n\
         <form class=\"filters\" role=\"search\" onsubmit=\"return false\">\n\
         <label>{name}<input type=\"search\" id=\"filter-name\" placeholder=\"{hint}\" autocomplete=\"off\"></label>\n\
         <label>{verdict}<select id=\"filter-verdict\">\
         <option value=\"\">{all}</option><option value=\"pass\">{pass}</option>\
         <option value=\"fail\">{fail}</option><option value=\"error\">{error}</option></select></label>\n\
         <label>{item}<select id=\"filter-item\"><option value=\"\">{any}</option>",
        repository_title = capitalised(ui.repositories),
        name = ui.filter_name,
        hint = ui.filter_name_hint,
        verdict = ui.filter_verdict,
        all = ui.all,
        pass = ui.pass,
        fail = ui.fail,
        error = ui.error,
        item = ui.filter_item,
        any = ui.any_item,
    );
    // Items not met (by the repositories where they do not hold) and questions left open
    // (by those that leave them open, values `q` and the index), in the checklist's order.
    for (label, prefix, count) in [
        (
            ui.filter_failing,
            "",
            (|item| item.failing) as fn(&ItemSummary) -> usize,
        ),
        (ui.filter_open, "q", |item| item.open),
    ] {
        if !summary.items.iter().any(|item| count(item) > 0) {
            continue;
        }
        let _ = write!(out, "<optgroup label=\"{label}\">");
        for (at, item) in summary.items.iter().enumerate() {
            if count(item) > 0 {
                let _ = write!(
                    out,
                    "<option value=\"{prefix}{at}\">{} — {} ({})</option>",
                    escape(&item.id),
                    escape(&item.title),
                    count(item)
                );
            }
        }
        out.push_str("</optgroup>");
    }
    let _ = writeln!(
        out,
        "</select></label>\n<output id=\"shown\" aria-live=\"polite\">{}</output>\n</form>",
        ui.shown
            .replace("{shown}", &total.to_string())
            .replace("{total}", &total.to_string())
    );
    let _ = write!(
        out,
        "<div class=\"table-wrap\">\n<table id=\"repos\">\n<thead><tr>\
         <th data-key=\"name\" data-type=\"text\" aria-sort=\"ascending\" class=\"name\"><button type=\"button\">{}</button></th>\
         <th data-key=\"verdict\" data-type=\"num\"><button type=\"button\">{}</button></th>\
         <th data-key=\"verified\" data-type=\"num\" class=\"num\" title=\"{}\"><button type=\"button\">{}</button></th>\
         <th data-key=\"declared\" data-type=\"num\" class=\"num\" title=\"{}\"><button type=\"button\">{}</button></th>",
        ui.repository, ui.verdict, ui.verified_hint, ui.verified, ui.declared_hint, ui.declared
    );
    for stage in &summary.stages {
        let _ = write!(
            out,
            "<th data-key=\"stage-{}\" data-type=\"num\" class=\"num\" title=\"{} ({})\"><button type=\"button\"><span class=\"stage-number\">{}</span> {}</button></th>",
            stage.number,
            escape(&stage.title),
            ui.verified.to_lowercase(),
            stage.number,
            escape(&stage.title)
        );
    }
    let _ = writeln!(
        out,
        "<th data-key=\"required\" data-type=\"num\" class=\"failed\"><button type=\"button\">{}</button></th></tr></thead>\n<tbody>",
        ui.failed_required
    );
    let columns = 5 + summary.stages.len();
    for (at, (row, row_data)) in audit
        .repositories
        .iter()
        .zip(&data.repositories)
        .enumerate()
    {
        let _ = write!(
            out,
            "<tr class=\"repo\" data-index=\"{at}\" data-verdict=\"{}\"><td data-k=\"name\" data-v=\"{}\" class=\"name\"><button type=\"button\" class=\"open\" aria-expanded=\"false\" title=\"{}\">{}</button></td>",
            row_data.verdict,
            escape(row_data.name),
            escape(row.path()),
            escape(row_data.name),
        );
        match row {
            Row::Error(error) => {
                let _ = writeln!(
                    out,
                    "<td><span class=\"verdict error\">{}</span></td><td class=\"error-message\" colspan=\"{}\">{}</td></tr>",
                    ui.error.to_uppercase(),
                    columns - 2,
                    escape(&error.message)
                );
            }
            Row::Report(report) => {
                let (rank, label) = match report.verdict {
                    Verdict::Pass => (2, ui.pass),
                    Verdict::Fail => (1, ui.fail),
                };
                let _ = write!(
                    out,
                    "<td data-k=\"verdict\" data-v=\"{rank}\"><span class=\"verdict {}\">{}</span></td>",
                    report.verdict.id(),
                    label.to_uppercase()
                );
                score_cell(out, "verified", "", report.verified_score, lang);
                score_cell(out, "declared", " declared", report.declared_score, lang);
                for stage in &summary.stages {
                    let score = stage_score(report, stage.stage);
                    score_cell(out, &format!("stage-{}", stage.number), "", score, lang);
                }
                let failed: Vec<String> = report
                    .failed_required
                    .iter()
                    .map(|id| format!("<code>{}</code>", escape(id)))
                    .collect();
                let _ = writeln!(
                    out,
                    "<td data-k=\"required\" data-v=\"{}\" class=\"failed\">{}</td></tr>",
                    report.failed_required.len(),
                    if failed.is_empty() {
                        "<span class=\"muted\">—</span>".to_owned()
                    } else {
                        format!(
                            "<span class=\"count\">{}</span> {}",
                            failed.len(),
                            failed.join(" ")
                        )
                    }
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "</tbody>\n</table>\n<p id=\"none-shown\" class=\"muted\" hidden>{}</p>\n</div>",
        ui.none_shown
    );
    scale_legend(out, ui);
    out.push_str("</section>\n");
}

/// A score's cell, sorted by `key`; `class` adds to its classes (` declared`: a score
/// shown beside the headline, not filled with its colour).
fn score_cell(out: &mut String, key: &str, class: &str, score: Option<f64>, lang: Lang) {
    match score {
        Some(value) => {
            let _ = write!(
                out,
                "<td data-k=\"{key}\" data-v=\"{value}\" class=\"score {}{class}\"><span>{}</span><i style=\"width:{value}%\"></i></td>",
                score_class(score),
                percent(score, lang)
            );
        }
        None => {
            let _ = write!(
                out,
                "<td data-k=\"{key}\" data-v=\"\" class=\"score none{class}\"><span>—</span></td>"
            );
        }
    }
}

fn scale_legend(out: &mut String, ui: &Ui) {
    let _ = write!(out, "<p class=\"scale\"><span>{}</span>", ui.scale);
    for bin in 0..BINS {
        let _ = write!(
            out,
            "<span class=\"swatch s{bin}\">{}–{}</span>",
            bin * 10,
            bin * 10 + 10
        );
    }
    out.push_str("</p>\n");
}

fn item_bars(out: &mut String, summary: &Summary, ui: &Ui, lang: Lang) {
    bars(out, summary, Basis::Verified, ui, lang);
    bars(out, summary, Basis::Declared, ui, lang);
}

/// A section of bars, one an item of `basis` in [`Summary::ranked`] order: the verified
/// items by how many repositories miss them, the questions by how many leave them open.
fn bars(out: &mut String, summary: &Summary, basis: Basis, ui: &Ui, lang: Lang) {
    let ranked = summary.ranked(basis);
    if ranked.is_empty() {
        return;
    }
    let (section, title, intro, ranked_order, legend) = match basis {
        Basis::Verified => (
            "items",
            ui.items_title,
            ui.items_intro,
            ui.order_failing,
            &LEGEND,
        ),
        Basis::Declared => (
            "questions",
            ui.questions_title,
            ui.questions_intro,
            ui.order_open,
            &QUESTION_LEGEND,
        ),
    };
    let label = |status: Status| match basis {
        Basis::Verified => status_label(status, lang),
        Basis::Declared => question_label(status, ui, lang),
    };
    let _ = write!(
        out,
        "<section id=\"{section}\" aria-labelledby=\"{section}-title\">\n<div class=\"section-head\">\
         <h2 id=\"{section}-title\">{title}</h2>\
         <label>{}<select class=\"order\" id=\"{section}-order\" data-list=\"{section}-list\">\
         <option value=\"rank\">{ranked_order}</option>\
         <option value=\"checklist\">{}</option></select></label></div>\n<p class=\"intro\">{intro}</p>\n",
        ui.items_order, ui.order_checklist
    );
    let _ = write!(out, "<p class=\"legend\">");
    for status in legend {
        let _ = write!(
            out,
            "<span><i class=\"st-{}\"></i>{}</span>",
            status.id(),
            label(*status)
        );
    }
    out.push_str("</p>\n");
    let _ = writeln!(out, "<ol class=\"bars\" id=\"{section}-list\">");
    for (rank, at) in ranked.into_iter().enumerate() {
        let item = &summary.items[at];
        let checked = total(&item.counts);
        let (count, filter) = match basis {
            Basis::Verified => (item.failing, at.to_string()),
            Basis::Declared => (item.open, format!("q{at}")),
        };
        let share = if checked == 0 {
            0.0
        } else {
            count as f64 * 100.0 / checked as f64
        };
        let stage = summary
            .stages
            .iter()
            .find(|stage| stage.stage == item.stage);
        let counts_text = legend
            .iter()
            .filter(|status| item.counts.get(**status) > 0)
            .map(|status| format!("{}: {}", label(*status), item.counts.get(*status)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = write!(
            out,
            "<li data-item=\"{at}\" data-rank=\"{rank}\" data-filter=\"{filter}\"><button type=\"button\" class=\"item\" title=\"{}\">\
             <span class=\"what\"><span class=\"stage-number\" title=\"{}\">{}</span><span class=\"title\">{}</span><code>{}</code></span>\
             <span class=\"level {}\">{}</span><span class=\"stack\" role=\"img\" aria-label=\"{}\">",
            escape(&item.title),
            escape(stage.map_or("", |stage| stage.title.as_str())),
            item.stage.number(),
            escape(&item.title),
            escape(&item.id),
            item.level.id(),
            item.level.label(lang),
            escape(&counts_text),
        );
        for status in legend {
            let count = item.counts.get(*status);
            if count > 0 {
                let _ = write!(
                    out,
                    "<i class=\"st-{}\" style=\"width:{:.3}%\" title=\"{}: {count}\"></i>",
                    status.id(),
                    count as f64 * 100.0 / checked as f64,
                    label(*status)
                );
            }
        }
        let _ = writeln!(
            out,
            "</span><span class=\"share\"><b>{}</b> <span class=\"muted\">{count} / {checked}</span></span></button></li>",
            whole_percent(share, lang),
        );
    }
    out.push_str("</ol>\n</section>\n");
}

/// The statuses in the order the bars of verified items show them: what does not hold
/// first.
const LEGEND: [Status; 6] = [
    Status::Fail,
    Status::Error,
    Status::Unknown,
    Status::Warn,
    Status::Pass,
    Status::Skip,
];

/// The statuses in the order the bars of questions show them: open first.
const QUESTION_LEGEND: [Status; 6] = [
    Status::Unknown,
    Status::Fail,
    Status::Error,
    Status::Warn,
    Status::Pass,
    Status::Skip,
];

/// What a status says of a question.
fn question_label(status: Status, ui: &Ui, lang: Lang) -> &'static str {
    match status {
        Status::Unknown => ui.open,
        Status::Fail => ui.answered_no,
        Status::Pass => ui.answered_yes,
        Status::Skip => ui.not_applicable,
        Status::Warn | Status::Error => status_label(status, lang),
    }
}

fn distributions(out: &mut String, summary: &Summary, ui: &Ui, lang: Lang) {
    let _ = writeln!(
        out,
        "<section id=\"distribution\" aria-labelledby=\"distribution-title\">\n\
         <h2 id=\"distribution-title\">{}</h2>\n<p class=\"intro\">{}</p>\n<div class=\"charts\">",
        ui.distribution_title, ui.distribution_intro
    );
    // One scale for all, so that the charts compare.
    let highest = [&summary.verified, &summary.declared]
        .into_iter()
        .chain(summary.stages.iter().map(|stage| &stage.verified))
        .flat_map(|spread| spread.histogram)
        .max()
        .unwrap_or(0)
        .max(1);
    chart(out, ui.verified, None, &summary.verified, highest, ui, lang);
    chart(out, ui.declared, None, &summary.declared, highest, ui, lang);
    for stage in &summary.stages {
        chart(
            out,
            &stage.title,
            Some(stage.number),
            &stage.verified,
            highest,
            ui,
            lang,
        );
    }
    out.push_str("</div>\n</section>\n");
}

fn chart(
    out: &mut String,
    title: &str,
    number: Option<usize>,
    spread: &Spread,
    highest: usize,
    ui: &Ui,
    lang: Lang,
) {
    let number = number.map_or(String::new(), |n| {
        format!("<span class=\"stage-number\">{n}</span> ")
    });
    let _ = write!(
        out,
        "<figure class=\"chart\"><figcaption><span class=\"chart-title\">{number}{}</span>",
        escape(title)
    );
    if spread.scored == 0 {
        let _ = writeln!(
            out,
            "</figcaption><p class=\"muted\">{}</p></figure>",
            ui.no_score
        );
        return;
    }
    let _ = write!(
        out,
        "<span class=\"chart-facts\"><b class=\"{}\">{}</b> {} · {} {} · {} {}</span></figcaption>",
        score_class(spread.mean),
        percent(spread.mean, lang),
        ui.mean,
        ui.lowest,
        percent(spread.min, lang),
        ui.highest,
        percent(spread.max, lang)
    );
    // 10 bars of 24 on a 280 × 130 view: 20 of margin left for counts, 20 below for labels.
    let (left, top, bar, gap, height) = (8.0, 14.0, 24.0, 2.6, 92.0);
    let width = left * 2.0 + BINS as f64 * (bar + gap) - gap;
    let _ = write!(
        out,
        "<svg viewBox=\"0 0 {width:.0} 130\" role=\"img\" aria-label=\"{}\">",
        escape(&histogram_text(spread, ui, lang))
    );
    let base = top + height;
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"{left}\" x2=\"{:.1}\" y1=\"{base}\" y2=\"{base}\"/>",
        width - left
    );
    for (bin, count) in spread.histogram.iter().enumerate() {
        let x = left + bin as f64 * (bar + gap);
        let h = if *count == 0 {
            0.0
        } else {
            (*count as f64 / highest as f64 * height).max(2.0)
        };
        let _ = write!(
            out,
            "<g><title>{}–{} %: {count}</title><rect class=\"s{bin}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar}\" height=\"{h:.1}\" rx=\"2\"/>",
            bin * 10,
            bin * 10 + 10,
            base - h
        );
        if *count > 0 {
            let _ = write!(
                out,
                "<text class=\"count\" x=\"{:.1}\" y=\"{:.1}\">{count}</text>",
                x + bar / 2.0,
                base - h - 3.0
            );
        }
        out.push_str("</g>");
    }
    let span = width - 2.0 * left;
    for (tick, class) in [(0, "tick start"), (50, "tick"), (100, "tick end")] {
        let x = left + (tick as f64 / 100.0) * span;
        let _ = write!(
            out,
            "<text class=\"{class}\" x=\"{x:.1}\" y=\"{:.1}\">{tick}</text>",
            base + 14.0
        );
    }
    if let Some(mean) = spread.mean {
        let x = left + mean.clamp(0.0, 100.0) / 100.0 * span;
        let _ = write!(
            out,
            "<line class=\"mean\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/>",
            top - 4.0,
            base + 3.0
        );
    }
    out.push_str("</svg></figure>\n");
}

fn histogram_text(spread: &Spread, ui: &Ui, lang: Lang) -> String {
    let bins: Vec<String> = spread
        .histogram
        .iter()
        .enumerate()
        .filter(|(_, count)| **count > 0)
        .map(|(bin, count)| format!("{}–{}: {count}", bin * 10, bin * 10 + 10))
        .collect();
    format!(
        "{} {}; {}",
        ui.mean,
        percent(spread.mean, lang),
        bins.join(", ")
    )
}

fn total(counts: &Counts) -> usize {
    counts.pass + counts.warn + counts.fail + counts.unknown + counts.skip + counts.error
}

/// The colour class of a score: its tenth, `s0` to `s9`.
fn score_class(score: Option<f64>) -> String {
    match score {
        Some(score) => format!(
            "s{}",
            ((score / 10.0).floor().max(0.0) as usize).min(BINS - 1)
        ),
        None => "none".to_owned(),
    }
}

fn whole_percent(share: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{share:.0}%"),
        Lang::Fr => format!("{share:.0}\u{202f}%"),
    }
}

fn shown_name<'a>(path: &'a str, prefix: &str) -> &'a str {
    match path.strip_prefix(prefix) {
        Some(name) if !name.is_empty() => name,
        _ => path,
    }
}

fn capitalised(text: &str) -> String {
    crate::report::capitalised(text)
}

/// Text for HTML content and attribute values; a control character from a repository
/// is shown as its escape ([`escape_controls`]), as the terminal shows it.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in escape_controls(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON that can sit in a `<script>` element: `<`, `>` and `&` (which only strings hold)
/// and the characters of [`crate::report::is_unsafe_char`] become `\u` escapes, so no
/// `</script>` or `<!--` can end or change the element, and the text is still the same
/// JSON.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            // The line separators, which ended a script in older browsers, DEL, the C1
            // controls and the bidirectional formatting characters (serde_json escapes the
            // other controls).
            c if c >= '\u{7f}' && crate::report::is_unsafe_char(c) => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let json = serde_json::to_string("</script><!-- \u{2028}\u{2029} & >").unwrap();
        let safe = script_safe(&json);
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!safe.contains(bad), "{safe}");
        }
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><!-- \u{2028}\u{2029} & >");
    }

    #[test]
    fn scores_take_the_colour_of_their_tenth() {
        assert_eq!(score_class(Some(0.0)), "s0");
        assert_eq!(score_class(Some(9.9)), "s0");
        assert_eq!(score_class(Some(55.0)), "s5");
        assert_eq!(score_class(Some(100.0)), "s9");
        assert_eq!(score_class(None), "none");
    }

    #[test]
    fn html_text_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}

//! `ospo list` and `ospo explain`: a checklist's items, and one of them in words.

use ospo::checklist::{self, Checklist};
use ospo::i18n::Lang;
use ospo::report;

pub(super) fn list(checklist: &Checklist, lang: Lang) -> String {
    use comfy_table::{ContentArrangement, Table, presets};
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(120)
        .force_no_tty();
    let header = match lang {
        Lang::En => ["Item", "Level", "Weight", "Probe", "Title"],
        Lang::Fr => ["Élément", "Niveau", "Poids", "Sonde", "Titre"],
    };
    table.set_header(header);
    // A project's own checklist is the repository's text: escaped for the terminal.
    let shown = |text: &str| report::escape_controls(text).into_owned();
    for item in &checklist.items {
        table.add_row(vec![
            shown(&item.id),
            item.level.id().to_owned(),
            item.weight.to_string(),
            item.spec.kind().to_owned(),
            shown(item.title.get(lang)),
        ]);
    }
    let items = match lang {
        Lang::En => "items",
        Lang::Fr => "éléments",
    };
    format!(
        "{} {} ({}) — {} {items}\n{table}\n",
        shown(checklist.title.get(lang)),
        shown(&checklist.version),
        shown(&checklist.source),
        checklist.items.len()
    )
}

pub(super) fn explain(
    item: &checklist::Item,
    answers_valid_months: u32,
    lang: Lang,
    patterns: bool,
) -> String {
    let (why, fix, how, written, stage, level, weight) = match lang {
        Lang::En => (
            "Why",
            "Fix",
            "How ospo checks",
            "Definition in the checklist",
            "Stage",
            "Level",
            "Weight",
        ),
        Lang::Fr => (
            "Pourquoi",
            "Action",
            "Comment ospo vérifie",
            "Définition dans la liste de contrôle",
            "Étape",
            "Niveau",
            "Poids",
        ),
    };
    let indent = |text: &str| {
        text.lines()
            .map(|line| format!("  {line}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let described =
        indent(ospo::probe::describe::describe_in(&item.spec, answers_valid_months).get(lang));
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    // The probe as it would be written in a checklist, patterns and all: asked for only,
    // since the description says the same in words.
    let definition = if patterns {
        let spec = serde_saphyr::to_string(&item.spec).unwrap_or_default();
        format!("\n{written}{colon}\n{}\n", indent(&spec))
    } else {
        String::new()
    };
    let documentation = item
        .help_url
        .as_deref()
        .map(|url| format!("\n\nDocumentation{colon} {url}"))
        .unwrap_or_default();
    // What the status rests on, and whether a waiver can skip a required item.
    let basis = match (lang, item.spec.basis()) {
        (Lang::En, checklist::Basis::Verified) => "Basis: verified, from the repository",
        (Lang::En, checklist::Basis::Declared) => "Basis: declared, answered in .ospo.yml",
        (Lang::Fr, checklist::Basis::Verified) => "Fondement : vérifié, d'après le dépôt",
        (Lang::Fr, checklist::Basis::Declared) => {
            "Fondement : déclaré, réponse donnée dans .ospo.yml"
        }
    };
    let waiver = match (lang, item.level, item.waivable) {
        (_, checklist::Level::Required, true)
        | (_, checklist::Level::Recommended, _)
        | (_, checklist::Level::Optional, _) => "",
        (Lang::En, checklist::Level::Required, false) => {
            "\nWaiver: none; a waiver of this required item in .ospo.yml is ignored"
        }
        (Lang::Fr, checklist::Level::Required, false) => {
            "\nDispense : impossible ; une dispense de cet élément obligatoire dans .ospo.yml est ignorée"
        }
    };
    format!(
        "{id} — {title}\n\n{stage}{colon} {n}. {stage_title}\n{level}{colon} {lvl}\n{weight}{colon} {w}\n{basis}{waiver}\n\n{why}{colon}\n  {why_text}\n\n{fix}{colon}\n  {fix_text}{documentation}\n\n{how}{colon}\n{described}\n{definition}",
        id = item.id,
        title = item.title.get(lang),
        n = item.stage.number(),
        stage_title = item.stage.title().get(lang),
        lvl = item.level.label(lang),
        w = item.weight,
        why_text = item.why.get(lang).trim(),
        fix_text = item.fix.get(lang).trim(),
    )
}

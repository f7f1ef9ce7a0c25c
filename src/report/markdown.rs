//! `--format markdown`: a summary for a pull-request comment or a CI job summary (GitHub's
//! `$GITHUB_STEP_SUMMARY`, a GitLab merge-request note).
//!
//! The verdict, why, the scores and the stage table come first; then the ten most
//! important things to do, each with its message and fix, and the rest folded by level;
//! then the open questions (folded), the waivers and the warnings. It stays short (a
//! typical repository's is under 10 KB): the items that hold are in the other formats.
//! The verdict's icon follows the verdict and the band of the verified score, so that a
//! pass on a low score never shows a green tick. Text from the repository is escaped so
//! that it cannot break a table, inject HTML or mention people.

use std::fmt::Write;

use super::{ItemReport, Report, capitalised, colon, cut, percent, priority, words};
use crate::checklist::Level;
use crate::i18n::Lang;
use crate::probe::Status;
use crate::score::{Counts, FailOn, Verdict};

/// How many things to do are shown unfolded.
const TOP: usize = 10;
/// How much of a message is shown: what a content item looks for can be long, and
/// `ospo explain` says it all.
const MESSAGE_CHARS: usize = 240;

/// The verdict's icon: a cross for a failure; for a pass, a green tick only from a
/// verified score of 80%, a yellow circle from 50%, an orange one below.
pub fn icon(verdict: Verdict, verified: Option<f64>) -> &'static str {
    match (verdict, verified.unwrap_or(0.0)) {
        (Verdict::Fail, _) => "❌",
        (Verdict::Pass, score) if score >= 80.0 => "✅",
        (Verdict::Pass, score) if score >= 50.0 => "🟡",
        (Verdict::Pass, _) => "🟠",
    }
}

pub fn render(report: &Report) -> String {
    let lang = report.language;
    let w = words(lang);
    let colon = colon(lang);
    let mut out = String::new();

    let verdict = match report.verdict {
        Verdict::Pass => w.verdict_pass,
        Verdict::Fail => w.verdict_fail,
    };
    let _ = writeln!(
        out,
        "## ospo{colon} {} — {} {verdict}, {} {}\n",
        inline(&report.checklist.title),
        icon(report.verdict, report.verified_score),
        w.verified,
        percent(report.verified_score, lang)
    );
    let commit = report
        .repository
        .short_commit()
        .map(|id| format!(" @ `{id}`"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} `{}` {} ({}){commit} · ospo {}\n",
        match lang {
            Lang::En => "Checklist",
            Lang::Fr => "Liste de contrôle",
        },
        code(&report.checklist.id),
        inline(&report.checklist.version),
        inline(&report.checklist.source),
        report.tool.version,
    );

    // Why the check fails.
    if !report.failed.is_empty() {
        let what = match report.fail_on {
            FailOn::Required => w.failed_required.to_owned(),
            wider => format!("{} (`--fail-on {}`)", w.failed_items, wider.id()),
        };
        let ids: Vec<String> = report
            .failed
            .iter()
            .map(|id| format!("`{}`", code(id)))
            .collect();
        let _ = writeln!(
            out,
            "**{}**{colon} {}\n",
            capitalised(&what),
            ids.join(", ")
        );
    }
    if let Some(threshold) = report.judgement().below_threshold {
        let _ = writeln!(
            out,
            "**{}**\n",
            capitalised(&super::terminal::below(
                report.verified_score,
                threshold,
                lang
            ))
        );
    }
    let _ = writeln!(
        out,
        "{}\n",
        inline(&capitalised(&super::terminal::scores_line(report)))
    );

    // The stage table.
    let _ = writeln!(
        out,
        "| {} | {} | {} | ✓ | ⚠ | ✗ | ? | – | ! |",
        w.stage,
        capitalised(w.verified),
        capitalised(w.declared)
    );
    let _ = writeln!(out, "|:--|--:|--:|--:|--:|--:|--:|--:|--:|");
    for stage in &report.stages {
        let _ = writeln!(
            out,
            "| {}. {} | {} | {} | {} |",
            stage.number,
            inline(&stage.title),
            percent(stage.verified_score, lang),
            percent(stage.declared_score, lang),
            counts(stage.counts)
        );
    }
    let _ = writeln!(
        out,
        "| **{}** | **{}** | **{}** | {} |\n",
        w.overall,
        percent(report.verified_score, lang),
        percent(report.declared_score, lang),
        counts(report.counts)
    );
    let _ = writeln!(out, "{}\n", legend(lang));

    let to_do = priority(report);
    if !to_do.is_empty() {
        let shown = to_do.len().min(TOP);
        let count = match (lang, shown < to_do.len()) {
            (Lang::En, true) => format!(" ({shown} of {})", to_do.len()),
            (Lang::Fr, true) => format!(" ({shown} sur {})", to_do.len()),
            (_, false) => String::new(),
        };
        let _ = writeln!(out, "### {}{count}\n", w.to_do);
        for item in &to_do[..shown] {
            let _ = writeln!(
                out,
                "- {} **{}** `{}`{} — {}  ",
                mark(item.status),
                title(item),
                code(&item.id),
                required(item.level, lang),
                inline(&cut(&item.message, MESSAGE_CHARS))
            );
            let _ = writeln!(
                out,
                "  *{}*{colon} {}\n",
                capitalised(w.fix),
                inline(item.fix.trim())
            );
        }
        // The rest, folded by level: a pull-request comment stays short.
        for level in [Level::Required, Level::Recommended, Level::Optional] {
            let rest: Vec<&&ItemReport> = to_do[shown..]
                .iter()
                .filter(|item| item.level == level)
                .collect();
            if rest.is_empty() {
                continue;
            }
            let label = match lang {
                Lang::En => format!("{} more, {}", rest.len(), level.label(lang)),
                Lang::Fr => format!("{} de plus, niveau {}", rest.len(), level.label(lang)),
            };
            let _ = writeln!(out, "<details><summary>{label}</summary>\n");
            for item in rest {
                let _ = writeln!(
                    out,
                    "- {} `{}` — {}",
                    mark(item.status),
                    code(&item.id),
                    inline(&item.title)
                );
            }
            let _ = writeln!(out, "\n</details>\n");
        }
    }

    let questions: Vec<&ItemReport> = report
        .open_questions()
        .filter(|item| !item.fails(report.fail_on))
        .collect();
    if !questions.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{} ({})</summary>\n",
            w.questions,
            questions.len()
        );
        let _ = writeln!(out, "{}.\n", capitalised(w.questions_hint));
        // An answer that does not count says why; the unanswered ones are named in a
        // line, `--all` and `ospo explain` tell what each asks.
        let (answered, unanswered): (Vec<&ItemReport>, Vec<&ItemReport>) =
            questions.iter().partition(|item| item.evidence.is_some());
        for item in answered {
            let _ = writeln!(
                out,
                "- `{}` — {}{colon} {}",
                code(&item.id),
                inline(&item.title),
                inline(&item.message)
            );
        }
        if !unanswered.is_empty() {
            let ids: Vec<String> = unanswered
                .iter()
                .map(|item| format!("`{}`", code(&item.id)))
                .collect();
            let label = match lang {
                Lang::En => "Not answered yet",
                Lang::Fr => "Sans réponse",
            };
            let _ = writeln!(out, "- {label}{colon} {}", ids.join(", "));
        }
        let _ = writeln!(out, "\n</details>\n");
    }

    if !report.waivers.is_empty() {
        let _ = writeln!(out, "### {} ({})\n", w.waivers, report.waivers.len());
        for waiver in &report.waivers {
            let note = waiver
                .outcome
                .note(lang)
                .map(|note| format!(" *({})*", inline(note)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- `{}`{note} — {}",
                code(&waiver.id),
                inline(&waiver.reason)
            );
        }
        out.push('\n');
    }

    if !report.warnings.is_empty() {
        let _ = writeln!(out, "### {}\n", w.warnings);
        for warning in &report.warnings {
            let _ = writeln!(out, "- {}", inline(warning));
        }
        out.push('\n');
    }
    out
}

/// The status counts as table cells, in the order of the legend.
fn counts(c: Counts) -> String {
    [c.pass, c.warn, c.fail, c.unknown, c.skip, c.error]
        .map(|n| n.to_string())
        .join(" | ")
}

fn legend(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "✓ pass · ⚠ warn · ✗ fail · ? unknown · – skip · ! error",
        Lang::Fr => "✓ réussi · ⚠ à revoir · ✗ échec · ? inconnu · – ignoré · ! erreur",
    }
}

fn mark(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓",
        Status::Warn => "⚠",
        Status::Fail => "✗",
        Status::Unknown => "?",
        Status::Skip => "–",
        Status::Error => "!",
    }
}

fn required(level: Level, lang: Lang) -> String {
    match level {
        Level::Required => format!(" *({})*", level.label(lang)),
        Level::Recommended | Level::Optional => String::new(),
    }
}

/// The item's title, linked to its documentation when it has some.
fn title(item: &ItemReport) -> String {
    match &item.help_url {
        Some(url) => format!("[{}](<{}>)", inline(&item.title), url_text(url)),
        None => inline(&item.title),
    }
}

/// Text from a report as Markdown that renders as written, in a paragraph or a table cell:
/// one line, Markdown and HTML characters escaped (`|` too), `@` kept from mentioning
/// anyone.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' => out.push_str("&#64;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if super::is_unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Text inside backticks: a backtick cannot be escaped there, so it is replaced.
fn code(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '`' => '\'',
            '|' => '¦',
            c if super::is_unsafe_char(c) => ' ',
            c => c,
        })
        .collect()
}

/// A URL inside `<…>`, where only `<`, `>` and spaces would end it.
fn url_text(url: &str) -> String {
    url.replace('<', "%3C")
        .replace('>', "%3E")
        .replace(' ', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repository_text_cannot_break_the_table_or_mention_anyone() {
        assert_eq!(
            inline("a | b\nc <script> @team *x* `y` [z](w)"),
            "a \\| b c &lt;script&gt; &#64;team \\*x\\* \\`y\\` \\[z\\](w)"
        );
        assert_eq!(code("a`b|c\n"), "a'b¦c ");
        assert_eq!(capitalised("éléments"), "Éléments");
        assert_eq!(
            url_text("https://x.org/a b<c>"),
            "https://x.org/a%20b%3Cc%3E"
        );
    }
}

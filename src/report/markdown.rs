//! `--format markdown`: a summary for a pull-request comment or a CI job summary (GitHub's
//! `$GITHUB_STEP_SUMMARY`, a GitLab merge-request note).
//!
//! The verdict and the stage table come first, then what to do, each item with its message
//! and fix; the full item list is folded away. Text from the repository is escaped so that
//! it cannot break a table, inject HTML or mention people.

use std::fmt::Write;

use super::{ItemReport, Report, capitalised, colon, percent, priority, status_label, words};
use crate::checklist::Level;
use crate::i18n::Lang;
use crate::probe::Status;
use crate::score::{Counts, FailOn, Verdict};

pub fn render(report: &Report) -> String {
    let lang = report.language;
    let w = words(lang);
    let colon = colon(lang);
    let mut out = String::new();

    let verdict = match report.verdict {
        Verdict::Pass => format!("✅ {}", w.verdict_pass),
        Verdict::Fail => format!("❌ {}", w.verdict_fail),
    };
    let _ = writeln!(
        out,
        "## ospo{colon} {} — {verdict}, {}\n",
        inline(&report.checklist.title),
        percent(report.score, lang)
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

    // The stage table.
    let _ = writeln!(
        out,
        "| {} | {} | ✓ | ⚠ | ✗ | ? | – | ! |",
        w.stage,
        capitalised(w.score)
    );
    let _ = writeln!(out, "|:--|--:|--:|--:|--:|--:|--:|--:|");
    for stage in &report.stages {
        let _ = writeln!(
            out,
            "| {}. {} | {} | {} |",
            stage.number,
            inline(&stage.title),
            percent(stage.score, lang),
            counts(stage.counts)
        );
    }
    let _ = writeln!(
        out,
        "| **{}** | **{}** | {} |\n",
        w.overall,
        percent(report.score, lang),
        counts(report.counts)
    );
    let _ = writeln!(out, "{}\n", legend(lang));

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
        let threshold = match lang {
            Lang::En => format!("{threshold}%"),
            Lang::Fr => format!("{threshold}\u{202f}%").replace('.', ","),
        };
        let _ = writeln!(out, "**{} {threshold}**\n", capitalised(w.below_threshold));
    }

    let to_do = priority(report);
    if !to_do.is_empty() {
        let _ = writeln!(out, "### {}\n", w.to_do);
        for item in to_do {
            let _ = writeln!(
                out,
                "- {} **{}** `{}`{} — {}  ",
                mark(item.status),
                title(item),
                code(&item.id),
                required(item.level, lang),
                inline(&item.message)
            );
            let _ = writeln!(
                out,
                "  *{}*{colon} {}\n",
                capitalised(w.fix),
                inline(item.fix.trim())
            );
        }
    }

    if !report.questions.is_empty() {
        let _ = writeln!(out, "### {}\n", w.questions);
        let _ = writeln!(out, "{}.\n", capitalised(w.questions_hint));
        for id in &report.questions {
            if let Some(item) = report.items.iter().find(|i| &i.id == id) {
                let _ = writeln!(
                    out,
                    "- `{}`{} — {}",
                    code(&item.id),
                    required(item.level, lang),
                    title(item)
                );
            }
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

    // Every item, folded: a pull-request comment stays short.
    let all = match lang {
        Lang::En => "All items",
        Lang::Fr => "Tous les éléments",
    };
    let _ = writeln!(
        out,
        "<details><summary>{all} ({})</summary>\n",
        report.items.len()
    );
    let _ = writeln!(out, "| {} | {} | {} |", w.status, w.item, w.details);
    let _ = writeln!(out, "|:--|:--|:--|");
    for item in &report.items {
        let _ = writeln!(
            out,
            "| {} {} | `{}`{}<br>{} | {} |",
            mark(item.status),
            status_label(item.status, lang),
            code(&item.id),
            required(item.level, lang),
            inline(&item.title),
            inline(&item.message)
        );
    }
    let _ = writeln!(out, "\n</details>");
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
            c if c.is_control() => {}
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
            c if c.is_control() => ' ',
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

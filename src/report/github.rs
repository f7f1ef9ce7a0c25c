//! `--format github`: GitHub Actions workflow commands, which GitHub turns into
//! annotations on the run and on the pull request's files.
//!
//! GitHub keeps at most ten annotations of each kind per step (and fifty per job), so
//! the commands agree with the verdict and come in the reports' one order of priority
//! ([`super::priority`]):
//!
//! - when the check fails, exactly one `error`, saying why: the items that fail it, or
//!   the verified score under `--fail-under`;
//! - then a `warning` for each item that does not hold at the `required` or
//!   `recommended` level (those that fail the check first), and a `notice` for each
//!   optional one and each warning status, at most ten of each kind;
//! - when some are left out, a last `notice` says how many, and that the job summary
//!   (`--format markdown`, which the command line writes to `$GITHUB_STEP_SUMMARY`) has
//!   them all.
//!
//! Open questions are not findings and get no annotation, unless they fail the check. A
//! command's file is the item's location when that file exists. The last line is the
//! verdict, as plain log text.

use std::fmt::Write;

use super::{ItemReport, Report, capitalised, percent, words};
use crate::checklist::Level;
use crate::i18n::Lang;
use crate::probe::Status;
use crate::score::Verdict;

/// How many annotations of one kind GitHub shows for a step.
pub const PER_KIND: usize = 10;

pub fn render(report: &Report) -> String {
    let lang = report.language;
    let w = words(lang);
    let mut out = String::new();
    if report.verdict == Verdict::Fail {
        let _ = writeln!(
            out,
            "::error title={}::{}",
            property(&format!("ospo: {}", w.verdict_fail)),
            data(&why(report))
        );
    }
    let (mut warnings, mut notices) = (Vec::new(), Vec::new());
    for item in super::priority(report) {
        match kind(item) {
            Kind::Warning => warnings.push(item),
            Kind::Notice => notices.push(item),
        }
    }
    let shown_warnings = warnings.len().min(PER_KIND);
    let overflow = warnings.len() > PER_KIND || notices.len() > PER_KIND;
    // The last notice, when some are left out, says how many.
    let shown_notices = notices.len().min(PER_KIND - usize::from(overflow));
    for item in &warnings[..shown_warnings] {
        annotation(&mut out, report, "warning", item);
    }
    for item in &notices[..shown_notices] {
        annotation(&mut out, report, "notice", item);
    }
    if overflow {
        let hidden = warnings.len() - shown_warnings + notices.len() - shown_notices;
        let message = match (lang, hidden) {
            (Lang::En, 1) => "1 more thing to do is not annotated here (GitHub shows ten annotations of each kind): the job summary lists everything, most important first.".to_owned(),
            (Lang::En, _) => format!(
                "{hidden} more things to do are not annotated here (GitHub shows ten annotations of each kind): the job summary lists them all, most important first."
            ),
            (Lang::Fr, 1) => "1 autre point à traiter n'est pas annoté ici (GitHub affiche dix annotations de chaque type) : le résumé de la tâche donne tout, le plus important d'abord.".to_owned(),
            (Lang::Fr, _) => format!(
                "{hidden} autres points à traiter ne sont pas annotés ici (GitHub affiche dix annotations de chaque type) : le résumé de la tâche les donne tous, les plus importants d'abord."
            ),
        };
        let title = match lang {
            Lang::En => "ospo: more in the job summary",
            Lang::Fr => "ospo : la suite dans le résumé",
        };
        let _ = writeln!(
            out,
            "::notice title={}::{}",
            property(title),
            data(&message)
        );
    }
    let verdict = super::verdict_label(report.verdict, lang);
    let _ = writeln!(
        out,
        "ospo{} {verdict}, {}",
        super::colon(lang),
        super::terminal::scores_line(report)
    );
    out
}

/// Why the check fails, in one message: the items that fail it, then the score.
fn why(report: &Report) -> String {
    let lang = report.language;
    let w = words(lang);
    let colon = super::colon(lang);
    let mut parts = Vec::new();
    if !report.failed.is_empty() {
        let what = match report.fail_on {
            crate::score::FailOn::Required => w.failed_required.to_owned(),
            wider => format!("{} (--fail-on {})", w.failed_items, wider.id()),
        };
        parts.push(format!(
            "{}{colon} {}",
            capitalised(&what),
            report.failed.join(", ")
        ));
    }
    if let Some(threshold) = report.judgement().below_threshold {
        parts.push(capitalised(&super::terminal::below(
            report.verified_score,
            threshold,
            lang,
        )));
    }
    let mut text = parts.join(".\n");
    text.push('.');
    let _ = match lang {
        Lang::En => write!(
            text,
            "\nVerified score {}.",
            percent(report.verified_score, lang)
        ),
        Lang::Fr => write!(
            text,
            "\nScore vérifié {}.",
            percent(report.verified_score, lang)
        ),
    };
    text
}

enum Kind {
    Warning,
    Notice,
}

/// The kind of an item's annotation: a warning for what does not hold at a level that
/// matters, a notice for the rest.
fn kind(item: &ItemReport) -> Kind {
    match (item.status, item.level) {
        (Status::Warn, _) | (_, Level::Optional) => Kind::Notice,
        _ => Kind::Warning,
    }
}

fn annotation(out: &mut String, report: &Report, command: &str, item: &ItemReport) {
    let w = words(report.language);
    let colon = super::colon(report.language);
    let mut properties = Vec::new();
    if let Some(location) = item.location.as_ref().filter(|location| !location.missing) {
        properties.push(format!("file={}", property(&location.path)));
        if let Some(line) = location.line {
            properties.push(format!("line={line}"));
        }
    }
    properties.push(format!(
        "title={}",
        property(&format!("{}: {}", item.id, item.title))
    ));
    let mut message = item.message.clone();
    if !item.fix.trim().is_empty() {
        let _ = write!(
            message,
            "\n{}{colon} {}",
            capitalised(w.fix),
            item.fix.trim()
        );
    }
    let _ = writeln!(
        out,
        "::{command} {}::{}",
        properties.join(","),
        data(&message)
    );
}

/// A command's message, escaped as the runner reads it; the other control characters
/// (the log shows colours and acts on escape sequences) are written as visible escapes.
pub(crate) fn data(text: &str) -> String {
    super::escape_controls_keeping(text, &['\r', '\n'])
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value: its message escaping, and `:` and `,` too.
pub(crate) fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report with `warnings` recommended items and `notices` optional ones that fail,
    /// and a required one that fails the run.
    fn report(warnings: usize, notices: usize) -> Report {
        let item = |id: String, level: &str| {
            serde_json::json!({
                "id": id, "stage": "needs", "level": level, "weight": 1, "probe": "file",
                "basis": "verified", "title": format!("Title of {id}"), "status": "fail",
                "message": "not found", "why": "Why", "fix": "Fix"
            })
        };
        let mut items = vec![item("needs.required".to_owned(), "required")];
        items.extend((0..warnings).map(|n| item(format!("needs.w{n:02}"), "recommended")));
        items.extend((0..notices).map(|n| item(format!("needs.n{n:02}"), "optional")));
        serde_json::from_value(serde_json::json!({
            "schema_version": 2,
            "tool": {"name": "ospo", "version": "0"},
            "language": "en",
            "repository": {"path": "/r", "view": "worktree", "bare": false, "commit": null},
            "checklist": {"id": "t", "title": "T", "version": "1", "source": "t.yaml"},
            "verdict": "fail", "score": 0.0, "verified_score": 0.0, "declared_score": null,
            "passed_weight": 0, "applicable_weight": 1,
            "counts": {"pass": 0, "warn": 0, "fail": 1, "unknown": 0, "skip": 0, "error": 0},
            "fail_on": "required", "failed_required": ["needs.required"],
            "failed": ["needs.required"], "stages": [], "items": items, "questions": [],
            "waivers": [], "warnings": []
        }))
        .expect("a report")
    }

    fn kinds(text: &str) -> [usize; 3] {
        ["::error ", "::warning ", "::notice "]
            .map(|prefix| text.lines().filter(|line| line.starts_with(prefix)).count())
    }

    #[test]
    fn at_most_ten_annotations_of_each_kind_and_one_notice_counts_the_rest() {
        // The required item and nine recommended ones: ten warnings, nothing left out.
        assert_eq!(kinds(&render(&report(9, 10))), [1, 10, 10]);
        // One warning too many: ten warnings, and the notice that counts the one left out.
        let text = render(&report(10, 0));
        assert_eq!(kinds(&text), [1, 10, 1]);
        assert!(
            text.contains("::1 more thing to do is not annotated here"),
            "{text}"
        );
        // Eleven notices: nine shown, the tenth counts the two left out.
        let text = render(&report(0, 11));
        assert_eq!(kinds(&text), [1, 1, 10]);
        assert!(
            text.contains("::2 more things to do are not annotated here"),
            "{text}"
        );
        // The error says why, first.
        assert!(
            text.starts_with("::error title=ospo%3A FAIL::Required items not met: needs.required.")
        );
    }

    #[test]
    fn commands_escape_what_the_runner_reads() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a: b, c%"), "a%3A b%2C c%25");
        assert_eq!(
            data("::error::x\n::warning::y"),
            "::error::x%0A::warning::y"
        );
    }
}

//! `--format github`: GitHub Actions workflow commands, which GitHub turns into
//! annotations on the run and on the pull request's files.
//!
//! An item that fails the check is an `error`; one that does not hold but is below the
//! `--fail-on` level a `warning` (recommended) or a `notice` (optional); a warning status
//! a `notice`. The command's file is the item's location, when it has one. The last line
//! is the verdict, as plain log text. The Markdown summary for `$GITHUB_STEP_SUMMARY` is
//! `--format markdown`; the command line writes it there.

use std::fmt::Write;

use super::{ItemReport, Report, capitalised, percent, words};
use crate::checklist::Level;
use crate::probe::Status;

pub fn render(report: &Report) -> String {
    let lang = report.language;
    let w = words(lang);
    let mut out = String::new();
    for item in &report.items {
        let Some(command) = command(report, item) else {
            continue;
        };
        let mut properties = Vec::new();
        if let Some(location) = &item.location {
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
            let _ = write!(message, "\n{}: {}", capitalised(w.fix), item.fix.trim());
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            data(&message)
        );
    }
    let verdict = super::verdict_label(report.verdict, lang);
    let mut summary = format!(
        "ospo: {verdict}, {} {}",
        w.overall.to_lowercase(),
        percent(report.score, lang)
    );
    if !report.failed.is_empty() {
        let _ = write!(summary, "; {}", report.failed.join(", "));
    }
    let _ = writeln!(out, "{summary}");
    out
}

/// The workflow command for an item, if it gets one.
fn command(report: &Report, item: &ItemReport) -> Option<&'static str> {
    match item.status {
        Status::Pass | Status::Skip => None,
        Status::Warn => Some("notice"),
        Status::Fail | Status::Unknown | Status::Error if item.fails(report.fail_on) => {
            Some("error")
        }
        Status::Fail | Status::Unknown | Status::Error => Some(match item.level {
            Level::Required | Level::Recommended => "warning",
            Level::Optional => "notice",
        }),
    }
}

/// A command's message, escaped as the runner reads it.
pub(crate) fn data(text: &str) -> String {
    text.replace('%', "%25")
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

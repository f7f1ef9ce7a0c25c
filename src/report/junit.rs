//! `--format junit`: JUnit XML, as GitLab (`artifacts:reports:junit`) and Jenkins' JUnit
//! plugin read it.
//!
//! One `<testsuite>` per stage, all five in their order, and one `<testcase>` per item,
//! its `classname` `ospo.<stage id>` (GitLab shows the class name as the suite, Jenkins as
//! package `ospo` and class `<stage id>`) and its `name` `<item id> — <title>`. A test
//! fails exactly when its item fails the check, so that a passing job never shows a
//! failed test and the `failures` count is the number of items in the JSON report's
//! `failed` list:
//!
//! | item | element |
//! | --- | --- |
//! | `pass` | none: the test passes |
//! | `warn` | passes, what to fix in `<system-out>` |
//! | fails the check (`fail`, `unknown` or `error` at a level `--fail-on` covers) | `<failure type="fail">`, `"unknown"` or `"error"` |
//! | does not hold, but does not fail the check | `<skipped>`, with what was found and what to do |
//! | `skip` (not applicable, waived) | `<skipped>` |
//!
//! With `--fail-under`, a sixth suite holds one test case, the verified score against the
//! threshold, which fails when the score is below it.
//!
//! GitLab shows the text of `<failure>`, `<error>` and `<skipped>` and ignores their
//! `message` attribute, which Jenkins shows above the text: the text therefore carries
//! everything — the message, the level and whether the item fails the check, the file,
//! why it matters and what to do. The level and weight are also `<properties>` of the
//! test case, for Jenkins.
//!
//! The XML is written here: attribute and text values are escaped, and the characters
//! XML 1.0 forbids (control characters but tab, line feed and carriage return; U+FFFE,
//! U+FFFF), which a repository's file may put in a message, become U+FFFD; DEL, the C1
//! controls and the bidirectional formatting characters, character references. Nothing is
//! timed, so every `time` is 0 and the same report gives the same bytes.

use std::fmt::Write;

use super::{ItemReport, Report, words};
use crate::i18n::Lang;
use crate::probe::Status;

pub fn render(report: &Report) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut total = Tally::of(report, report.items.iter());
    if report.fail_under.is_some() {
        total.tests += 1;
        total.failures += usize::from(report.judgement().below_threshold.is_some());
    }
    out.push_str("<testsuites");
    attribute(
        &mut out,
        "name",
        &format!("ospo: {}", report.checklist.title),
    );
    total.write(&mut out);
    out.push_str(">\n");
    for stage in &report.stages {
        let items: Vec<&ItemReport> = report
            .items
            .iter()
            .filter(|item| item.stage == stage.stage)
            .collect();
        out.push_str("  <testsuite");
        attribute(
            &mut out,
            "name",
            &format!("{}. {}", stage.number, stage.title),
        );
        Tally::of(report, items.iter().copied()).write(&mut out);
        out.push_str(">\n");
        let mut properties = vec![("stage", stage.stage.id().to_owned())];
        if let Some(score) = stage.verified_score {
            properties.push(("verified-score", format!("{score:.1}")));
        }
        if let Some(score) = stage.declared_score {
            properties.push(("declared-score", format!("{score:.1}")));
        }
        write_properties(&mut out, "    ", &properties);
        for item in items {
            testcase(&mut out, report, item);
        }
        out.push_str("  </testsuite>\n");
    }
    if let Some(threshold) = report.fail_under {
        score_suite(&mut out, report, threshold);
    }
    out.push_str("</testsuites>\n");
    out
}

/// The suite of `--fail-under`: one test, the verified score against the threshold.
fn score_suite(out: &mut String, report: &Report, threshold: f64) {
    let lang = report.language;
    let below = report.judgement().below_threshold.is_some();
    let (suite, name) = match lang {
        Lang::En => ("Score", format!("verified score ≥ {threshold}%")),
        Lang::Fr => (
            "Score",
            format!(
                "score vérifié ≥ {}",
                format!("{threshold}\u{202f}%").replace('.', ",")
            ),
        ),
    };
    out.push_str("  <testsuite");
    attribute(out, "name", suite);
    Tally {
        tests: 1,
        failures: usize::from(below),
        errors: 0,
        skipped: 0,
    }
    .write(out);
    out.push_str(">\n    <testcase");
    attribute(out, "classname", "ospo.score");
    attribute(out, "name", &name);
    out.push_str(" time=\"0\">\n");
    if below {
        let message = super::terminal::below(report.verified_score, threshold, lang);
        element(
            out,
            "failure",
            &[("message", &message), ("type", "score")],
            &message,
        );
    }
    out.push_str("    </testcase>\n  </testsuite>\n");
}

/// The counts a `<testsuites>` or `<testsuite>` carries, from the test cases it holds.
struct Tally {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl Tally {
    fn of<'a>(report: &Report, items: impl Iterator<Item = &'a ItemReport>) -> Tally {
        let mut tally = Tally {
            tests: 0,
            failures: 0,
            errors: 0,
            skipped: 0,
        };
        for item in items {
            tally.tests += 1;
            match outcome(report, item) {
                Case::Failed => tally.failures += 1,
                Case::Skipped => tally.skipped += 1,
                Case::Passed => {}
            }
        }
        tally
    }

    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            " tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\"",
            self.tests, self.failures, self.errors, self.skipped
        );
    }
}

/// What a test case shows of its item.
enum Case {
    Passed,
    /// The item fails the check.
    Failed,
    /// Not applicable, waived, or not holding at a level that does not fail the check.
    Skipped,
}

fn outcome(report: &Report, item: &ItemReport) -> Case {
    match item.status {
        Status::Pass | Status::Warn => Case::Passed,
        _ if item.fails(report.fail_on) => Case::Failed,
        _ => Case::Skipped,
    }
}

fn testcase(out: &mut String, report: &Report, item: &ItemReport) {
    out.push_str("    <testcase");
    attribute(out, "classname", &format!("ospo.{}", item.stage.id()));
    attribute(out, "name", &format!("{} — {}", item.id, item.title));
    // Only a file the tree has: GitLab links to it.
    if let Some(location) = item.location.as_ref().filter(|location| !location.missing) {
        attribute(out, "file", &location.path);
        if let Some(line) = location.line {
            attribute(out, "line", &line.to_string());
        }
    }
    out.push_str(" time=\"0\">\n");
    let mut properties = vec![
        ("level", item.level.id().to_owned()),
        ("weight", item.weight.to_string()),
    ];
    if let Some(url) = &item.help_url {
        properties.push(("help", url.clone()));
    }
    write_properties(out, "      ", &properties);
    let message = item.message.trim();
    match (outcome(report, item), item.status) {
        (Case::Passed, Status::Warn) => {
            element(out, "system-out", &[], &details(report, item));
        }
        (Case::Passed, _) => {}
        (Case::Failed, status) => element(
            out,
            "failure",
            &[("message", message), ("type", status.id())],
            &details(report, item),
        ),
        (Case::Skipped, Status::Skip) => element(out, "skipped", &[("message", message)], message),
        (Case::Skipped, _) => element(
            out,
            "skipped",
            &[("message", message)],
            &details(report, item),
        ),
    }
    out.push_str("    </testcase>\n");
}

/// What a CI user reads of an item that does not simply pass: what was found, whether it
/// fails the check, where, why it matters and what to do.
fn details(report: &Report, item: &ItemReport) -> String {
    let lang = report.language;
    let w = words(lang);
    let (level, file, help, colon) = match lang {
        Lang::En => ("level", "file", "help", ":"),
        Lang::Fr => ("niveau", "fichier", "aide", " :"),
    };
    let mut text = format!("{}\n\n", item.message.trim());
    let _ = write!(text, "{level}{colon} {}", item.level.label(lang));
    if matches!(item.status, Status::Fail | Status::Unknown | Status::Error) {
        let gate = report.fail_on.id();
        let verdict = match (lang, item.fails(report.fail_on)) {
            (Lang::En, true) => "fails the check".to_owned(),
            (Lang::En, false) => format!("does not fail the check under --fail-on {gate}"),
            (Lang::Fr, true) => "fait échouer la vérification".to_owned(),
            (Lang::Fr, false) => {
                format!("ne fait pas échouer la vérification avec --fail-on {gate}")
            }
        };
        let _ = write!(text, " ({verdict})");
    }
    text.push('\n');
    if let Some(location) = &item.location {
        let _ = write!(text, "{file}{colon} {}", location.path);
        if location.missing {
            text.push_str(match lang {
                Lang::En => " (does not exist yet)",
                Lang::Fr => " (n'existe pas encore)",
            });
        }
        if let Some(line) = location.line {
            let _ = write!(text, ":{line}");
        }
        text.push('\n');
    }
    let _ = writeln!(text, "{}{colon} {}", w.why, item.why.trim());
    let _ = writeln!(text, "{}{colon} {}", w.fix, item.fix.trim());
    if let Some(url) = &item.help_url {
        let _ = writeln!(text, "{help}{colon} {url}");
    }
    text
}

fn write_properties(out: &mut String, indent: &str, properties: &[(&str, String)]) {
    let _ = writeln!(out, "{indent}<properties>");
    for (name, value) in properties {
        let _ = write!(out, "{indent}  <property");
        attribute(out, "name", name);
        attribute(out, "value", value);
        out.push_str("/>\n");
    }
    let _ = writeln!(out, "{indent}</properties>");
}

/// `<name attributes…>text</name>` on its own lines, the text unindented (it is content).
fn element(out: &mut String, name: &str, attributes: &[(&str, &str)], text: &str) {
    let _ = write!(out, "      <{name}");
    for (key, value) in attributes {
        attribute(out, key, value);
    }
    out.push('>');
    escape(text, false, out);
    let _ = writeln!(out, "</{name}>");
}

/// ` name="value"`, the value escaped.
fn attribute(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}=\"");
    escape(value, true, out);
    out.push('"');
}

/// Appends `text` as XML 1.0 character data: markup characters as entities (quotes only
/// in attributes, where they could end the value; text stays readable), characters XML
/// 1.0 cannot hold as U+FFFD. In an attribute, tabs and line breaks are written as
/// character references, which a parser keeps where it would turn the characters
/// themselves into spaces; a carriage return is one everywhere, for the same reason.
fn escape(text: &str, in_attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\'' if in_attribute => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            // DEL, the C1 controls and the bidirectional formatting characters are XML,
            // but a terminal or a viewer would act on them raw.
            c if c >= '\u{7f}' && super::is_unsafe_char(c) => {
                let _ = write!(out, "&#x{:x};", u32::from(c));
            }
            '\t' | '\n' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'.. => {
                out.push(c);
            }
            _ => out.push('\u{FFFD}'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str, in_attribute: bool) -> String {
        let mut out = String::new();
        escape(text, in_attribute, &mut out);
        out
    }

    #[test]
    fn markup_characters_become_entities() {
        assert_eq!(
            escaped(r#"<a href="x">Tom & Jerry's</a>"#, true),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
        assert_eq!(
            escaped(r#"<a href="x">Tom & Jerry's</a>"#, false),
            r#"&lt;a href="x"&gt;Tom &amp; Jerry's&lt;/a&gt;"#
        );
        assert_eq!(escaped("]]>", false), "]]&gt;");
    }

    #[test]
    fn characters_xml_forbids_are_replaced() {
        assert_eq!(
            escaped(
                "a\u{0}b\u{1}c\u{1b}[31md\u{7}\u{b}\u{c}\u{fffe}\u{ffff}",
                false
            ),
            "a\u{fffd}b\u{fffd}c\u{fffd}[31md\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}"
        );
        // Allowed, however unusual; the C1 controls and the bidirectional formatting
        // characters as references, which a parser reads back.
        assert_eq!(
            escaped("é\u{85}\u{d7ff}\u{e000}😀\u{202e}", false),
            "é&#x85;\u{d7ff}\u{e000}😀&#x202e;"
        );
    }

    #[test]
    fn line_breaks_survive_in_attributes_and_text() {
        assert_eq!(escaped("a\tb\nc\r\nd", true), "a&#9;b&#10;c&#13;&#10;d");
        assert_eq!(escaped("a\tb\nc\r\nd", false), "a\tb\nc&#13;\nd");
    }
}

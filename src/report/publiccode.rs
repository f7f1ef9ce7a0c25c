//! The report of `ospo publiccode`: every problem of a `publiccode.yml`, one a line, in
//! the `file:line:column: severity: key: message` form editors and CI logs link from.

use std::fmt::Write;

use serde::Serialize;

use super::escape_controls;
use crate::i18n::Lang;
use crate::metadata::publiccode::{Summary, Validation};
use crate::metadata::{self, Severity};
use crate::text;

/// The JSON form: the findings in the report's language.
#[derive(Debug, Serialize)]
pub struct PubliccodeReport<'a> {
    pub file: &'a str,
    pub valid: bool,
    pub errors: usize,
    pub warnings: usize,
    pub findings: Vec<FindingReport<'a>>,
    pub summary: &'a Summary,
}

#[derive(Debug, Serialize)]
pub struct FindingReport<'a> {
    pub severity: Severity,
    pub path: &'a str,
    pub line: u64,
    pub column: u64,
    pub message: &'a str,
}

pub fn model<'a>(file: &'a str, validation: &'a Validation, lang: Lang) -> PubliccodeReport<'a> {
    let (errors, warnings) = metadata::counts(&validation.findings);
    PubliccodeReport {
        file,
        valid: validation.is_valid(),
        errors,
        warnings,
        findings: validation
            .findings
            .iter()
            .map(|finding| FindingReport {
                severity: finding.severity,
                path: &finding.path,
                line: finding.line,
                column: finding.column,
                message: finding.message.get(lang),
            })
            .collect(),
        summary: &validation.summary,
    }
}

pub fn json(file: &str, validation: &Validation, lang: Lang) -> String {
    let mut text = serde_json::to_string_pretty(&model(file, validation, lang))
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"));
    text.push('\n');
    super::json::escape_unsafe(text)
}

/// `--format github`: an annotation per finding, on its line and column, then the
/// terminal report.
pub fn github(file: &str, validation: &Validation, lang: Lang) -> String {
    use super::github::{data, property};
    let mut out = String::new();
    for finding in &validation.findings {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let title = if finding.path.is_empty() {
            file.to_owned()
        } else {
            format!("{file}: {}", finding.path)
        };
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            property(file),
            finding.line,
            finding.column,
            property(&title),
            data(finding.message.get(lang))
        );
    }
    out.push_str(&terminal(file, validation, lang));
    out
}

/// The findings one a line, then the verdict. The file's name, its keys and the values
/// messages quote are the file's own text: escaped for the terminal.
pub fn terminal(file: &str, validation: &Validation, lang: Lang) -> String {
    let file = &*escape_controls(file);
    let mut out = String::new();
    for finding in &validation.findings {
        let severity = match (finding.severity, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Error, Lang::Fr) => "erreur",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Warning, Lang::Fr) => "avertissement",
        };
        let key = if finding.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", escape_controls(&finding.path))
        };
        let _ = writeln!(
            out,
            "{file}:{}:{}: {severity}: {key}{}",
            finding.line,
            finding.column,
            escape_controls(finding.message.get(lang))
        );
    }
    let (errors, warnings) = metadata::counts(&validation.findings);
    let counted = metadata::counted(errors, warnings);
    let (counted_en, counted_fr) = (&counted.en, &counted.fr);
    let verdict = match (validation.is_valid(), warnings) {
        (true, 0) => text!("{file}: valid", "{file} : valide"),
        (true, _) => text!(
            "{file}: valid ({counted_en})",
            "{file} : valide ({counted_fr})"
        ),
        (false, _) => text!(
            "{file}: invalid ({counted_en})",
            "{file} : non valide ({counted_fr})"
        ),
    };
    let _ = writeln!(out, "{}", verdict.get(lang));
    out
}

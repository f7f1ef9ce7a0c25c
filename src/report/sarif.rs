//! `--format sarif`: a SARIF 2.1.0 log, for GitHub code scanning and other viewers of
//! static-analysis results.
//!
//! One run. Every checklist item is a rule (in report order, so `ruleIndex` is the item's
//! index); every item that does not hold is a result on the file it is about
//! ([`location::anchor`]: code scanning rejects a whole upload when one result has no
//! file). Nothing depends on the machine or the clock: paths are relative to the
//! repository root (`%SRCROOT%`), and there are no timestamps or generated ids.

use serde::Serialize;

use super::{ItemReport, Report, location};
use crate::checklist::Level;
use crate::i18n::Lang;
use crate::probe::Status;

/// The schema the log names, at the address GitHub's examples give.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Where result paths are resolved from: the root of the repository checked.
const SRCROOT: &str = "%SRCROOT%";

/// Pretty-printed JSON ending with a newline.
pub fn render(report: &Report) -> String {
    let mut text =
        serde_json::to_string_pretty(&log(report)).expect("the SARIF model always serialises");
    text.push('\n');
    super::json::escape_unsafe(text)
}

fn log(report: &Report) -> Log<'_> {
    let lang = report.language;
    let rules = report.items.iter().map(|item| rule(item, lang)).collect();
    // In the reports' one order of priority; `ruleIndex` is still the item's index.
    let results = super::priority(report)
        .into_iter()
        .filter_map(|item| {
            let index = report
                .items
                .iter()
                .position(|other| std::ptr::eq(other, item))?;
            result(report, index, item)
        })
        .collect();
    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: &report.tool.name,
                    full_name: format!("{} {}", report.tool.name, report.tool.version),
                    version: &report.tool.version,
                    semantic_version: &report.tool.version,
                    information_uri: information_uri(),
                    rules,
                },
            },
            // GitHub tells analyses apart by this category: one per checklist, so that
            // checking with two checklists keeps two sets of alerts.
            automation_details: AutomationDetails {
                id: format!("{}/{}/", report.tool.name, report.checklist.id),
            },
            original_uri_base_ids: OriginalUriBaseIds {
                srcroot: BaseLocation {
                    description: Text {
                        text: match lang {
                            Lang::En => "The root of the repository checked.",
                            Lang::Fr => "La racine du dépôt vérifié.",
                        },
                    },
                },
            },
            invocations: [Invocation {
                execution_successful: true,
            }],
            results,
            properties: RunProperties {
                checklist: ChecklistProperties {
                    id: &report.checklist.id,
                    title: &report.checklist.title,
                    version: &report.checklist.version,
                },
                language: lang,
                verdict: report.verdict,
                score: report.score,
                fail_on: report.fail_on.id(),
            },
        }],
    }
}

fn rule(item: &ItemReport, lang: Lang) -> Rule<'_> {
    let why_label = match lang {
        Lang::En => "Why:",
        Lang::Fr => "Pourquoi :",
    };
    Rule {
        id: &item.id,
        name: pascal_case(&item.id),
        short_description: Text { text: &item.title },
        full_description: Text { text: &item.why },
        help: Help {
            text: &item.fix,
            markdown: format!("{}\n\n**{why_label}** {}", item.fix, item.why),
        },
        help_uri: item.help_url.as_deref().filter(|url| is_absolute_url(url)),
        default_configuration: Configuration {
            level: level(item.level),
        },
        properties: RuleProperties {
            tags: [item.stage.id(), item.level.id(), &item.probe],
            // Probes read files and answers, they do not guess; a pattern may still
            // miss what a person would recognise, hence `high` rather than `very-high`.
            precision: "high",
            problem_severity: match item.level {
                Level::Required => "error",
                Level::Recommended => "warning",
                Level::Optional => "recommendation",
            },
        },
    }
}

/// A result for an item that does not hold, or that holds with something to fix.
fn result<'a>(report: &'a Report, index: usize, item: &'a ItemReport) -> Option<SarifResult<'a>> {
    let level = match item.status {
        Status::Fail | Status::Unknown | Status::Error => level(item.level),
        // A warning holds and counts as passed, but the report lists it with what to do
        // (the terminal's "What to do next" does too): a note, whatever the item's level,
        // so that it never reads as a failure.
        Status::Warn => "note",
        Status::Pass | Status::Skip => return None,
    };
    let anchor = location::anchor(report, item);
    let fix_label = match report.language {
        Lang::En => "Fix:",
        Lang::Fr => "Correction :",
    };
    let mut text = sentence(&item.message);
    if let Some(note) = anchor.missing_note(report.language) {
        text.push(' ');
        text.push_str(&note);
    }
    let text = format!("{text} {fix_label} {}", sentence(&item.fix));
    // The item and the file it is about: what stays when the wording, the language or
    // the line changes.
    let fingerprint = format!("{}:{}", item.id, anchor.subject());
    Some(SarifResult {
        rule_id: &item.id,
        rule_index: index,
        level,
        message: Message { text },
        locations: [ResultLocation {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri(&anchor.location.path),
                    uri_base_id: SRCROOT,
                },
                // A line, or the file's first: viewers place an alert by its region.
                region: Region {
                    start_line: anchor.location.line.unwrap_or(1),
                },
            },
        }],
        partial_fingerprints: Fingerprints {
            ospo_item: fingerprint,
        },
    })
}

/// The tool's home page: Cargo.toml's `homepage`, else its `repository`, when set.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|url| is_absolute_url(url))
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Required => "error",
        Level::Recommended => "warning",
        Level::Optional => "note",
    }
}

/// `legal.licence-file` → `LegalLicenceFile`.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// Text ending as a sentence does: a full stop added when it ends with none.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?', '…']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// Whether a help URL is absolute (`scheme:` then something), as `helpUri` must be.
fn is_absolute_url(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !url.chars().any(char::is_whitespace)
}

/// A repository path as a relative URI reference: each byte outside the unreserved and
/// sub-delimiter characters, `@` and the `/` separators percent-encoded (UTF-8 for
/// non-ASCII). `:` is encoded too, so that a first segment never reads as a scheme.
fn uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@'
            | b'/' => uri.push(char::from(byte)),
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

// ── The SARIF objects, with only the properties ospo fills, in the order written ──

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    automation_details: AutomationDetails,
    original_uri_base_ids: OriginalUriBaseIds,
    invocations: [Invocation; 1],
    results: Vec<SarifResult<'a>>,
    properties: RunProperties<'a>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'a str,
    full_name: String,
    version: &'a str,
    semantic_version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: String,
    short_description: Text<'a>,
    full_description: Text<'a>,
    help: Help<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<&'a str>,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    /// Stage, level and probe kind: GitHub lists and filters alerts by tag.
    tags: [&'a str; 3],
    precision: &'static str,
    #[serde(rename = "problem.severity")]
    problem_severity: &'static str,
}

#[derive(Serialize)]
struct AutomationDetails {
    id: String,
}

#[derive(Serialize)]
struct OriginalUriBaseIds {
    #[serde(rename = "%SRCROOT%")]
    srcroot: BaseLocation,
}

/// A base with no `uri`: where the repository sits on the machine is not part of the log.
#[derive(Serialize)]
struct BaseLocation {
    description: Text<'static>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: [ResultLocation; 1],
    partial_fingerprints: Fingerprints,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultLocation {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
}

#[derive(Serialize)]
struct Fingerprints {
    /// Bump the version if what the value holds ever changes, so that code scanning does
    /// not match old alerts with new ones by mistake.
    #[serde(rename = "ospoItem/v1")]
    ospo_item: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunProperties<'a> {
    checklist: ChecklistProperties<'a>,
    language: Lang,
    verdict: crate::score::Verdict,
    /// The overall score in percent; `null` when no item applies.
    score: Option<f64>,
    fail_on: &'static str,
}

/// The checklist's identity; its source is left out, being a path on the machine when
/// the checklist is a file.
#[derive(Serialize)]
struct ChecklistProperties<'a> {
    id: &'a str,
    title: &'a str,
    version: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Stage;
    use crate::repo::ViewKind;
    use crate::report::{ChecklistInfo, Location, Repository, Tool as ReportTool};
    use crate::score::{Counts, FailOn, Verdict};

    fn item(id: &str, status: Status, location: Option<Location>) -> ItemReport {
        ItemReport {
            id: id.to_owned(),
            stage: Stage::Needs,
            level: Level::Recommended,
            weight: 1,
            probe: "file".to_owned(),
            basis: crate::checklist::Basis::Verified,
            title: format!("Title of {id}"),
            status,
            message: "not found".to_owned(),
            evidence: None,
            location,
            why: format!("Why {id} matters"),
            fix: format!("How to fix {id}"),
            help_url: None,
        }
    }

    fn report(items: Vec<ItemReport>) -> Report {
        Report {
            schema_version: crate::report::SCHEMA_VERSION,
            tool: ReportTool {
                name: "ospo".to_owned(),
                version: "1.2.3".to_owned(),
            },
            language: Lang::En,
            repository: Repository {
                path: "/somewhere/on/this/machine".to_owned(),
                view: ViewKind::Worktree,
                bare: false,
                commit: None,
            },
            checklist: ChecklistInfo {
                id: "test".to_owned(),
                title: "Test".to_owned(),
                version: "1.0".to_owned(),
                source: "/somewhere/else/test.yaml".to_owned(),
            },
            project_file: None,
            verdict: Verdict::Fail,
            score: Some(50.0),
            verified_score: Some(50.0),
            declared_score: None,
            passed_weight: 1,
            applicable_weight: 2,
            counts: Counts::default(),
            fail_under: None,
            fail_on: FailOn::Required,
            failed_required: Vec::new(),
            failed: Vec::new(),
            stages: Vec::new(),
            items,
            questions: Vec::new(),
            waivers: Vec::new(),
            anchor: None,
            warnings: Vec::new(),
        }
    }

    fn at(path: &str, line: Option<usize>) -> Option<Location> {
        Some(Location {
            path: path.to_owned(),
            line,
            missing: false,
        })
    }

    #[test]
    fn paths_become_relative_uri_references() {
        assert_eq!(uri("LICENSE"), "LICENSE");
        assert_eq!(uri(".github/FUNDING.yml"), ".github/FUNDING.yml");
        assert_eq!(uri("docs/my guide.md"), "docs/my%20guide.md");
        assert_eq!(uri("docs/café.md"), "docs/caf%C3%A9.md");
        assert_eq!(
            uri("文档/说明.md"),
            "%E6%96%87%E6%A1%A3/%E8%AF%B4%E6%98%8E.md"
        );
        assert_eq!(uri("100%#?.md"), "100%25%23%3F.md");
        assert_eq!(uri("a:b/[x]"), "a%3Ab/%5Bx%5D");
        assert_eq!(uri("back\\slash"), "back%5Cslash");
    }

    #[test]
    fn a_path_with_a_space_or_an_accent_is_encoded_in_the_log() {
        let report = report(vec![
            item("needs.guide", Status::Fail, at("docs/my guide.md", Some(7))),
            item(
                "needs.intro",
                Status::Fail,
                at("docs/présentation.md", None),
            ),
        ]);
        let log: serde_json::Value = serde_json::from_str(&render(&report)).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        let location = &results[0]["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "docs/my%20guide.md");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(location["region"]["startLine"], 7);
        let location = &results[1]["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "docs/pr%C3%A9sentation.md"
        );
        assert_eq!(location["region"]["startLine"], 1, "no line: the first");
        // The fingerprint keeps the path as the report gives it.
        assert_eq!(
            results[1]["partialFingerprints"]["ospoItem/v1"],
            "needs.intro:docs/présentation.md"
        );
    }

    #[test]
    fn the_log_names_nothing_of_the_machine() {
        let text = render(&report(vec![item("needs.readme", Status::Fail, None)]));
        assert!(!text.contains("/somewhere"), "{text}");
        let log: serde_json::Value = serde_json::from_str(&text).unwrap();
        let result = &log["runs"][0]["results"][0];
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], ".ospo.yml",
            "no location: the project file"
        );
    }

    #[test]
    fn warnings_are_notes_and_passes_and_skips_have_no_result() {
        let report = report(vec![
            item("needs.a", Status::Pass, at("A", None)),
            item("needs.b", Status::Warn, at("B", None)),
            item("needs.c", Status::Skip, at("C", None)),
            item("needs.d", Status::Unknown, at("D", None)),
            item("needs.e", Status::Error, at("E", None)),
        ]);
        let log: serde_json::Value = serde_json::from_str(&render(&report)).unwrap();
        let run = &log["runs"][0];
        assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 5);
        let results: Vec<(&str, u64, &str)> = run["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap(),
                    r["ruleIndex"].as_u64().unwrap(),
                    r["level"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            results,
            [
                ("needs.d", 3, "warning"),
                ("needs.e", 4, "warning"),
                ("needs.b", 1, "note")
            ],
            "in the reports' order of priority: what does not hold before warnings"
        );
    }

    #[test]
    fn help_uri_only_when_absolute() {
        let mut with_url = item("needs.a", Status::Fail, None);
        with_url.help_url = Some("https://example.org/items/needs.a".to_owned());
        let mut relative = item("needs.b", Status::Fail, None);
        relative.help_url = Some("docs/needs.b.md".to_owned());
        let log: serde_json::Value =
            serde_json::from_str(&render(&report(vec![with_url, relative]))).unwrap();
        let rules = &log["runs"][0]["tool"]["driver"]["rules"];
        assert_eq!(rules[0]["helpUri"], "https://example.org/items/needs.a");
        assert!(rules[1].get("helpUri").is_none());
        assert!(is_absolute_url("urn:ietf:rfc:3986"));
        assert!(!is_absolute_url("https://example.org/a b"));
        assert!(!is_absolute_url("1http://example.org"));
        assert!(!is_absolute_url("mailto:"));
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("legal.licence-file"), "LegalLicenceFile");
        assert_eq!(pascal_case("needs.readme"), "NeedsReadme");
        assert_eq!(
            pascal_case("funding.open_collective2"),
            "FundingOpenCollective2"
        );
    }

    #[test]
    fn messages_end_as_sentences() {
        assert_eq!(sentence("not found"), "not found.");
        assert_eq!(sentence("Add a LICENSE file.  "), "Add a LICENSE file.");
        assert_eq!(sentence("Why?"), "Why?");
    }
}

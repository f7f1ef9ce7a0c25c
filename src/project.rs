//! What the project says about itself, in `.ospo.yml` at its root: the checklist it
//! follows, its answers to the questions no file shows, and the items it waives.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::checklist::Diagnostic;
use crate::repo::{RepoView, SCAN_BYTES};
use crate::yaml::{self, Node};

/// The names the file may have, the first one preferred.
pub const FILE_NAMES: &[&str] = &[".ospo.yml", ".ospo.yaml"];

#[derive(Debug, Clone, Default)]
pub struct ProjectFile {
    /// Where it was read from, relative to the root; `None` when the project has none.
    pub path: Option<String>,
    pub checklist: Option<String>,
    pub answers: BTreeMap<String, Answer>,
    pub waivers: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub answer: AnswerValue,
    #[serde(default)]
    pub evidence: Option<String>,
    #[serde(default, deserialize_with = "date")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerValue {
    Yes,
    No,
    NotApplicable,
}

impl AnswerValue {
    pub fn id(self) -> &'static str {
        match self {
            AnswerValue::Yes => "yes",
            AnswerValue::No => "no",
            AnswerValue::NotApplicable => "n/a",
        }
    }
}

impl Serialize for AnswerValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for AnswerValue {
    /// YAML reads a bare `yes` or `no` as a boolean; both spellings are accepted.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Bool(true) => Ok(AnswerValue::Yes),
            Raw::Bool(false) => Ok(AnswerValue::No),
            Raw::Text(text) => match text.to_ascii_lowercase().as_str() {
                "yes" | "true" => Ok(AnswerValue::Yes),
                "no" | "false" => Ok(AnswerValue::No),
                "n/a" | "na" | "not applicable" => Ok(AnswerValue::NotApplicable),
                _ => Err(serde::de::Error::custom(format!(
                    "unknown answer `{text}`, expected one of `yes`, `no`, `n/a`"
                ))),
            },
        }
    }
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII digits: `\d` would take other scripts' digits too.
    Regex::new(r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$").expect("valid regex")
});

fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let text = Option::<String>::deserialize(deserializer)?;
    if let Some(text) = &text {
        check_date(text).map_err(serde::de::Error::custom)?;
    }
    Ok(text)
}

/// The years an answer's date may fall in: nothing was answered before git's days, nor
/// before 1970, where the days the answers' age is counted in begin; four digits end in
/// 9999.
const YEARS: std::ops::RangeInclusive<u32> = 1970..=9999;

/// Whether `text` is a day of the calendar, written `YYYY-MM-DD`, in [`YEARS`].
fn check_date(text: &str) -> Result<(), String> {
    if !DATE.is_match(text) {
        return Err(format!("date `{text}` must be written YYYY-MM-DD"));
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    if !YEARS.contains(&year) {
        return Err(format!(
            "date `{text}` is not a year from {} to {}: give the day the answer was written",
            YEARS.start(),
            YEARS.end()
        ));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day > days {
        return Err(format!(
            "date `{text}` is not a day of the calendar: month {month:02} of {year} has {days} days"
        ));
    }
    Ok(())
}

/// `.ospo.yml` as written, for its JSON Schema (`ospo schema --project-file`); [`parse`]
/// reads the file with positions, field by field, to the same rules.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "ospo project file (.ospo.yml)",
    description = "What the project says of itself: the checklist it follows, its answers to the questions no file shows, and the items it waives."
)]
#[allow(dead_code)]
struct Format {
    /// The checklist the project follows: a built-in one by name (`default`,
    /// `fr-admin`), or a path from the repository root.
    #[serde(default)]
    checklist: Option<String>,
    /// Answers to the checklist's questions (its `attest` items), by item id.
    #[serde(default)]
    answers: BTreeMap<String, AnswerFormat>,
    /// Items the project does not follow, by item id, each with its reason. A `required`
    /// item is waived only where the checklist marks it `waivable`; every waiver is shown
    /// in the reports, and `--no-waivers` ignores them all.
    #[serde(default)]
    waivers: BTreeMap<String, String>,
}

/// One answer.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Answer")]
#[allow(dead_code)]
struct AnswerFormat {
    /// `yes`, `no` or `n/a` (`true` and `false` are read as yes and no).
    #[schemars(schema_with = "answer_schema")]
    answer: String,
    /// What shows it: a link (`https://…`), or the path of a file of the repository. A
    /// `yes` counts only with evidence ospo can check.
    #[serde(default)]
    evidence: Option<String>,
    /// The day of the answer, `YYYY-MM-DD`. A `yes` or `n/a` counts for the months the
    /// checklist says (12 by default) from this day, then is to be renewed.
    #[serde(default)]
    #[schemars(regex(pattern = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"), extend("format" = "date"))]
    date: Option<String>,
}

fn answer_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "oneOf": [
            {"enum": ["yes", "no", "n/a", "na", "not applicable", "true", "false"]},
            {"type": "boolean"}
        ]
    })
}

/// The JSON Schema of `.ospo.yml`, pretty-printed, ending with a newline.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Format);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("invalid {path}:{}", diagnostics.iter().map(|d| format!("\n  {d}")).collect::<String>())]
    Invalid {
        path: String,
        diagnostics: Vec<Diagnostic>,
    },
}

/// Reads the project's `.ospo.yml` from the repository view; no file is an empty one.
pub fn read(repo: &RepoView) -> Result<ProjectFile, ProjectError> {
    let listing = repo.list("", 1).map_err(|error| ProjectError::Read {
        path: FILE_NAMES[0].into(),
        message: error.to_string(),
    })?;
    let Some(entry) = FILE_NAMES
        .iter()
        .find_map(|name| listing.iter().find(|entry| entry.path == *name))
    else {
        return Ok(ProjectFile::default());
    };
    let path = entry.path.clone();
    let content = repo
        .read(entry, SCAN_BYTES)
        .map_err(|error| ProjectError::Read {
            path: path.clone(),
            message: error.to_string(),
        })?;
    if content.truncated() {
        return Err(ProjectError::Read {
            path,
            message: format!("larger than {SCAN_BYTES} bytes"),
        });
    }
    parse(&path, &content.text())
}

/// Parses the text of a `.ospo.yml`, reporting every problem with its line and column.
pub fn parse(path: &str, text: &str) -> Result<ProjectFile, ProjectError> {
    let mut diagnostics = Vec::new();
    let at = |position, message: String| Diagnostic {
        file: path.to_owned(),
        position: Some(position),
        message,
    };
    let doc = yaml::parse(text).map_err(|error| ProjectError::Invalid {
        path: path.to_owned(),
        diagnostics: vec![at(
            error.position,
            format!("YAML syntax error: {}", error.message),
        )],
    })?;
    let mut project = ProjectFile {
        path: Some(path.to_owned()),
        ..ProjectFile::default()
    };
    let root = yaml::Path::default();
    let yaml::Value::Mapping(entries) = &doc.value else {
        return Err(ProjectError::Invalid {
            path: path.to_owned(),
            diagnostics: vec![at(
                doc.position,
                "expected a mapping with `checklist`, `answers` and `waivers`".into(),
            )],
        });
    };
    for (key, key_position, node) in entries {
        let here = root.key(key);
        match key.as_str() {
            "checklist" => match node.deserialize::<String>(&doc, &here) {
                Ok(name) => project.checklist = Some(name),
                Err(error) => diagnostics.push(at(error.position, error.message)),
            },
            "answers" => {
                for (id, value) in mapping(node, &doc, &here, &mut diagnostics, path) {
                    match value.deserialize::<Answer>(&doc, &here.key(&id)) {
                        Ok(answer) => {
                            project.answers.insert(id, answer);
                        }
                        Err(error) => diagnostics.push(at(
                            error.position,
                            format!("answer `{id}`: {}", error.message),
                        )),
                    }
                }
            }
            "waivers" => {
                for (id, value) in mapping(node, &doc, &here, &mut diagnostics, path) {
                    match value.deserialize::<String>(&doc, &here.key(&id)) {
                        Ok(reason) if !reason.trim().is_empty() => {
                            project.waivers.insert(id, reason);
                        }
                        Ok(_) => diagnostics.push(at(
                            doc.locate(&here.key(&id)),
                            format!("waiver `{id}` needs a reason"),
                        )),
                        Err(error) => diagnostics.push(at(
                            error.position,
                            format!("waiver `{id}`: {}", error.message),
                        )),
                    }
                }
            }
            other => diagnostics.push(at(
                *key_position,
                format!(
                    "unknown field `{other}`, expected one of `checklist`, `answers`, `waivers`"
                ),
            )),
        }
    }
    if diagnostics.is_empty() {
        Ok(project)
    } else {
        Err(ProjectError::Invalid {
            path: path.to_owned(),
            diagnostics,
        })
    }
}

/// The entries of a mapping keyed by item id; anything else is reported.
fn mapping(
    node: &Node,
    doc: &Node,
    here: &yaml::Path,
    diagnostics: &mut Vec<Diagnostic>,
    path: &str,
) -> Vec<(String, Node)> {
    match &node.value {
        yaml::Value::Mapping(entries) => entries
            .iter()
            .map(|(k, _, v)| (k.clone(), v.clone()))
            .collect(),
        yaml::Value::Null => Vec::new(),
        _ => {
            diagnostics.push(Diagnostic {
                file: path.to_owned(),
                position: Some(doc.locate(here)),
                message: format!("`{here}` must map item ids to values"),
            });
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published schema is the one the code generates; `OSPO_BLESS=1 cargo test`
    /// rewrites it after a change to the format.
    #[test]
    fn published_schema_is_current() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schema/ospo-project.schema.json"
        );
        let generated = schema_json();
        if std::env::var_os("OSPO_BLESS").is_some() {
            std::fs::write(path, &generated).expect("schema file is writable");
        }
        let published = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            published == generated,
            "schema/ospo-project.schema.json is out of date: run `OSPO_BLESS=1 cargo test` and commit it"
        );
    }

    #[test]
    fn yaml_booleans_are_yes_and_no() {
        let project = parse(
            ".ospo.yml",
            "answers:\n  a.b: {answer: true}\n  c.d: {answer: false}\n  e.f: {answer: \"Yes\"}\n  g.h: {answer: no}\n",
        )
        .unwrap();
        let answers: Vec<AnswerValue> = project.answers.values().map(|a| a.answer).collect();
        assert_eq!(
            answers,
            [
                AnswerValue::Yes,
                AnswerValue::No,
                AnswerValue::Yes,
                AnswerValue::No
            ]
        );
    }

    #[test]
    fn reads_answers_and_waivers() {
        let project = parse(
            ".ospo.yml",
            "checklist: default\nanswers:\n  communication.calendar:\n    answer: yes\n    evidence: https://example.org\n    date: 2026-01-31\n  funding.budget: {answer: n/a}\nwaivers:\n  funding.funding-file: no donations\n",
        )
        .unwrap();
        assert_eq!(project.checklist.as_deref(), Some("default"));
        assert_eq!(
            project.answers["communication.calendar"].answer,
            AnswerValue::Yes
        );
        assert_eq!(
            project.answers["funding.budget"].answer,
            AnswerValue::NotApplicable
        );
        assert_eq!(project.waivers["funding.funding-file"], "no donations");
    }

    #[test]
    fn dates_are_days_of_the_calendar_from_1970() {
        for good in [
            "1970-01-01",
            "2024-02-29",
            "2000-02-29",
            "2026-12-31",
            "9999-12-31",
        ] {
            assert_eq!(check_date(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("2026-02-30", "month 02 of 2026 has 28 days"),
            ("2026-02-29", "has 28 days"),
            ("1900-02-29", "is not a year from 1970"),
            ("2100-02-29", "month 02 of 2100 has 28 days"),
            ("2026-04-31", "month 04 of 2026 has 30 days"),
            ("0000-01-01", "is not a year from 1970 to 9999"),
            ("1969-12-31", "is not a year from 1970"),
            ("2026-13-01", "YYYY-MM-DD"),
            ("2026-1-01", "YYYY-MM-DD"),
            ("２０２６-01-01", "YYYY-MM-DD"),
            ("٢٠٢٦-01-01", "YYYY-MM-DD"),
        ] {
            let error = check_date(bad).unwrap_err();
            assert!(error.contains(why), "{bad}: {error}");
        }
    }

    #[test]
    fn reports_every_problem_with_its_line() {
        let error = parse(
            ".ospo.yml",
            "answers:\n  a.b: {answer: maybe}\n  c.d: {answer: yes, date: 31/01/2026}\nwaiver: {}\n",
        )
        .unwrap_err();
        let ProjectError::Invalid { diagnostics, .. } = error else {
            panic!("{error}")
        };
        let lines: Vec<u64> = diagnostics
            .iter()
            .map(|d| d.position.unwrap().line)
            .collect();
        assert_eq!(lines, vec![2, 3, 4], "{diagnostics:?}");
        assert!(diagnostics[0].message.contains("maybe"));
        assert!(diagnostics[1].message.contains("YYYY-MM-DD"));
        assert!(diagnostics[2].message.contains("unknown field `waiver`"));
    }
}

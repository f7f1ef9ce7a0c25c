//! The checklist file format, as written. The loader reads it and `ospo schema` publishes
//! its JSON Schema from these very types, so the two cannot drift apart.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::{Level, Stage};
use crate::i18n::Text;
use crate::probe::ProbeSpec;

/// A checklist file.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "ospo checklist")]
pub struct ChecklistFile {
    /// Identifier: lowercase letters, digits and dashes.
    pub id: String,
    /// Title, in English and French.
    pub title: Text,
    /// Version of the checklist, quoted in reports.
    #[serde(deserialize_with = "string_or_number")]
    #[schemars(with = "String")]
    pub version: String,
    /// A built-in checklist by name, or a path relative to this file, whose items come first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Where the items this checklist defines or overrides are documented, for those that
    /// give no `help-url` of their own: an absolute `https://` or `http://` URL in which
    /// `{id}` stands for the item's id, e.g. `https://example.org/checks/{id}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^https?://.*\{id\}"), extend("format" = "uri-template"))]
    pub help_url: Option<String>,
    /// How many months an answer in `.ospo.yml` counts from its `date`; an older `yes` or
    /// `n/a` is to be renewed and counts as unknown. Inherited from the checklist this one
    /// extends; 12 when no checklist says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub answers_valid_months: Option<u32>,
    /// The items; an item whose id is inherited overrides the inherited item field by field.
    #[serde(default)]
    pub items: Vec<ItemSpec>,
}

/// The header of a checklist file: everything but its items, which are read one by one so
/// that a problem in one does not hide problems in the next.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Header {
    pub id: String,
    pub title: Text,
    #[serde(deserialize_with = "string_or_number")]
    pub version: String,
    #[serde(default)]
    pub extends: Option<String>,
    #[serde(default)]
    pub help_url: Option<String>,
    #[serde(default)]
    pub answers_valid_months: Option<u32>,
    #[serde(default)]
    #[allow(dead_code)]
    items: serde::de::IgnoredAny,
}

/// An item as written. Only `id` is always needed: a new item needs every other field but
/// `disabled`; an override of an inherited item gives only what changes.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ItemSpec {
    /// Stable identifier `STAGE.slug`, e.g. `legal.licence-file`.
    pub id: String,
    /// The stage the item belongs to; the id starts with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// `required` items must hold for the check to pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Whether a project may waive the item in `.ospo.yml` when it is `required`: by
    /// default it may not, and a waiver of it is ignored with a warning. Items of the
    /// other levels may always be waived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waivable: Option<bool>,
    /// Positive integer: the item's share of its stage score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub weight: Option<u32>,
    /// What should be true, as a short statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Why it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Text>,
    /// What to do about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Text>,
    /// How ospo decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe: Option<ProbeSpec>,
    /// Where the item is documented: an absolute `https://` or `http://` URL. Without it,
    /// the checklist's `help-url` template applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(url, pattern(r"^https?://"))]
    pub help_url: Option<String>,
    /// Removes an inherited item.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disabled: bool,
}

/// YAML reads `version: 1.0` as a number; a version is text.
fn string_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Version {
        Text(String),
        Int(i64),
        Float(f64),
    }
    Ok(match Version::deserialize(deserializer)? {
        Version::Text(text) => text,
        Version::Int(i) => i.to_string(),
        Version::Float(f) => f.to_string(),
    })
}

/// The JSON Schema of the checklist format, pretty-printed, ending with a newline.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(ChecklistFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    /// The published schema is the one the code generates; `OSPO_BLESS=1 cargo test`
    /// rewrites it after a change to the format.
    #[test]
    fn published_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/checklist.schema.json");
        let generated = super::schema_json();
        if std::env::var_os("OSPO_BLESS").is_some() {
            std::fs::write(path, &generated).expect("schema file is writable");
        }
        let published = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            published == generated,
            "schema/checklist.schema.json is out of date: run `OSPO_BLESS=1 cargo test` and commit it"
        );
    }

    /// Built-in checklists load both as embedded (from the JSON made at build time) and as
    /// written (the YAML, read with positions), with the same items.
    #[test]
    fn builtin_checklists_are_valid() {
        use crate::checklist::{builtin, load};
        let dir = tempfile::tempdir().expect("a temporary directory");
        for name in builtin::NAMES {
            let embedded = load(name, std::path::Path::new("."))
                .unwrap_or_else(|error| panic!("built-in checklist {name}: {error}"));
            let path = dir.path().join(format!("{name}.yaml"));
            std::fs::write(&path, builtin::yaml(name)).expect("writable");
            let written = load(
                path.to_str().expect("UTF-8 path"),
                std::path::Path::new("."),
            )
            .unwrap_or_else(|error| panic!("checklists/{name}.yaml: {error}"));
            assert!(!embedded.items.is_empty());
            for item in &embedded.items {
                if let Err(problem) = item.probe.prepare() {
                    panic!(
                        "built-in checklist {name}, item {}: {}",
                        item.id, problem.message
                    );
                }
            }
            let ids = |c: &crate::checklist::Checklist| {
                c.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>()
            };
            assert_eq!(ids(&embedded), ids(&written));
            assert_eq!(embedded.version, written.version);
        }
    }

    /// Every item of a built-in checklist links to a public page that documents it, over
    /// HTTPS, and the embedded checklist carries the same links as the YAML.
    #[test]
    fn builtin_items_link_to_their_documentation() {
        use crate::checklist::{builtin, load, url};
        let dir = tempfile::tempdir().expect("a temporary directory");
        for name in builtin::NAMES {
            let embedded = load(name, std::path::Path::new(".")).expect("valid");
            for item in &embedded.items {
                let link = item.help_url.as_deref().unwrap_or_else(|| {
                    panic!("built-in checklist {name}, item {}: no help-url", item.id)
                });
                assert!(link.starts_with("https://"), "{name}, {}: {link}", item.id);
                assert_eq!(url::problem(link), None, "{name}, {}: {link}", item.id);
            }
            let path = dir.path().join(format!("{name}.yaml"));
            std::fs::write(&path, builtin::yaml(name)).expect("writable");
            let written = load(
                path.to_str().expect("UTF-8 path"),
                std::path::Path::new("."),
            )
            .expect("valid");
            let links = |c: &crate::checklist::Checklist| {
                c.items
                    .iter()
                    .map(|i| (i.id.clone(), i.help_url.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(links(&embedded), links(&written));
        }
    }
}

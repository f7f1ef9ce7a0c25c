//! What a project declares its licence to be, in the files package managers and
//! catalogues read: `Cargo.toml`, `package.json`, `pyproject.toml`, `composer.json`,
//! `*.gemspec`, `pom.xml`, `publiccode.yml`, and the README's own words.
//!
//! Pure functions over file contents: the probe finds the files.

use serde::Serialize;

use super::dependencies::canonical_expression;

/// A licence a file declares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Declared {
    /// The file, relative to the repository root.
    pub file: String,
    /// The declaration as an SPDX expression, when it reads as one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
    /// The declaration as written.
    pub stated: String,
}

/// The manifests that may declare a licence, by file name at the root.
pub const MANIFESTS: &[&str] = &[
    "Cargo.toml",
    "package.json",
    "pyproject.toml",
    "composer.json",
    "publiccode.yml",
    "publiccode.yaml",
    "pom.xml",
];

/// The licence a manifest declares, if any. `name` is the file's name, `text` its
/// content; a file that cannot be read as its format declares nothing.
pub fn read_manifest(name: &str, text: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "cargo.toml" => {
            let value: toml::Table = toml::from_str(text).ok()?;
            let package = value.get("package")?;
            match package.get("license")? {
                toml::Value::String(licence) => Some(licence.clone()),
                // `license.workspace = true`: the workspace's own.
                toml::Value::Table(_) => value
                    .get("workspace")?
                    .get("package")?
                    .get("license")?
                    .as_str()
                    .map(str::to_owned),
                _ => None,
            }
        }
        "pyproject.toml" => {
            let value: toml::Table = toml::from_str(text).ok()?;
            match value.get("project")?.get("license")? {
                // PEP 639: an SPDX expression.
                toml::Value::String(licence) => Some(licence.clone()),
                // Before PEP 639: `{text = "…"}` (or `{file = "…"}`, which names no licence).
                toml::Value::Table(table) => table.get("text")?.as_str().map(str::to_owned),
                _ => None,
            }
        }
        "package.json" | "composer.json" => {
            let value: serde_json::Value = serde_json::from_str(text).ok()?;
            match value.get("license")? {
                serde_json::Value::String(licence) => Some(licence.clone()),
                // composer: several licences, any of which may be chosen.
                serde_json::Value::Array(list) => {
                    let ids: Vec<&str> = list.iter().filter_map(|v| v.as_str()).collect();
                    (!ids.is_empty()).then(|| ids.join(" OR "))
                }
                _ => None,
            }
        }
        "publiccode.yml" | "publiccode.yaml" => {
            let value: serde_json::Value = serde_saphyr::from_str(text).ok()?;
            value
                .get("legal")?
                .get("license")?
                .as_str()
                .map(str::to_owned)
        }
        "pom.xml" => {
            static NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
                regex::Regex::new(r"(?s)<licenses>.*?<license>\s*<name>\s*([^<]+?)\s*</name>")
                    .expect("valid regex")
            });
            NAME.captures(text).map(|c| c[1].to_owned())
        }
        _ if lower.ends_with(".gemspec") => {
            static LICENCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
                regex::Regex::new(r#"\.licenses?\s*=\s*\[?\s*["']([^"']+)["']"#)
                    .expect("valid regex")
            });
            LICENCE.captures(text).map(|c| c[1].to_owned())
        }
        _ => None,
    }
}

/// A declaration, its expression read.
pub fn declared(file: &str, stated: String) -> Declared {
    Declared {
        file: file.to_owned(),
        expression: canonical_expression(&stated),
        stated,
    }
}

/// Whether a GNU licence's `-only` or `-or-later` is stated in prose ("either version 3
/// of the License, or (at your option) any later version"): `Some(true)` for or-later,
/// `Some(false)` for only.
pub fn gnu_variant_in_prose(text: &str) -> Option<bool> {
    let lower = text.to_lowercase();
    if lower.contains("any later version") || lower.contains("or-later") {
        Some(true)
    } else if lower.contains("version 3 only")
        || lower.contains("version 2 only")
        || lower.contains("-only")
    {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_declare_their_licence() {
        let read = |name: &str, text: &str| read_manifest(name, text);
        assert_eq!(
            read(
                "Cargo.toml",
                "[package]\nname = \"x\"\nlicense = \"MIT OR Apache-2.0\"\n"
            ),
            Some("MIT OR Apache-2.0".into())
        );
        assert_eq!(
            read(
                "Cargo.toml",
                "[workspace.package]\nlicense = \"EUPL-1.2\"\n[package]\nname = \"x\"\nlicense.workspace = true\n"
            ),
            Some("EUPL-1.2".into())
        );
        assert_eq!(
            read(
                "pyproject.toml",
                "[project]\nname = \"x\"\nlicense = \"GPL-3.0-or-later\"\n"
            ),
            Some("GPL-3.0-or-later".into())
        );
        assert_eq!(
            read(
                "pyproject.toml",
                "[project]\nlicense = {text = \"BSD-3-Clause\"}\n"
            ),
            Some("BSD-3-Clause".into())
        );
        assert_eq!(
            read(
                "pyproject.toml",
                "[project]\nlicense = {file = \"LICENSE\"}\n"
            ),
            None
        );
        assert_eq!(
            read("package.json", r#"{"license": "ISC"}"#),
            Some("ISC".into())
        );
        assert_eq!(
            read(
                "composer.json",
                r#"{"license": ["MIT", "GPL-2.0-or-later"]}"#
            ),
            Some("MIT OR GPL-2.0-or-later".into())
        );
        assert_eq!(
            read(
                "publiccode.yml",
                "publiccodeYmlVersion: '0.4'\nlegal:\n  license: EUPL-1.2\n"
            ),
            Some("EUPL-1.2".into())
        );
        assert_eq!(
            read(
                "pom.xml",
                "<project><licenses><license><name>Apache License, Version 2.0</name></license></licenses></project>"
            ),
            Some("Apache License, Version 2.0".into())
        );
        assert_eq!(
            read(
                "x.gemspec",
                "Gem::Specification.new do |s|\n  s.license = 'MIT'\nend\n"
            ),
            Some("MIT".into())
        );
        assert_eq!(read("package.json", "{not json"), None);
    }

    #[test]
    fn declarations_read_as_expressions_when_they_are() {
        assert_eq!(
            declared("Cargo.toml", "MIT/Apache-2.0".into())
                .expression
                .as_deref(),
            Some("MIT OR Apache-2.0")
        );
        assert_eq!(declared("pom.xml", "Proprietary".into()).expression, None);
    }

    #[test]
    fn gnu_variants_in_prose() {
        assert_eq!(
            gnu_variant_in_prose(
                "either version 3 of the License, or (at your option) any later version."
            ),
            Some(true)
        );
        assert_eq!(
            gnu_variant_in_prose("Licensed under the GPL-3.0-only."),
            Some(false)
        );
        assert_eq!(gnu_variant_in_prose("Licensed under the GPL."), None);
    }
}

//! What a project declares its licence to be, in the files package managers and
//! catalogues read: `Cargo.toml`, `package.json`, `pyproject.toml`, `composer.json`,
//! `*.gemspec`, `pom.xml`, `publiccode.yml`, and the README's own words.
//!
//! Pure functions over file contents: the probe finds the files.

use serde::{Deserialize, Serialize};

use super::dependencies::canonical_expression;

/// A licence a file declares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declared {
    /// The file, relative to the repository root.
    pub file: String,
    /// The declaration as an SPDX expression, when it reads as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// Builds the patterns [`readme_statement`] reads with, on the caller's thread.
pub fn build_ahead() {
    let _ = readme_statement("x");
}

/// The licence a README states in words — a sentence such as "licensed under the Apache
/// License, Version 2.0" or « publié sous licence EUPL 1.2 », or the first line of a
/// "License" section — as the words and the SPDX expression they name. Several licences
/// join with `OR` when the words offer a choice ("either", "at your option"), else with
/// `AND`; a GNU licence takes the variant the words state, else stays a family.
pub fn readme_statement(text: &str) -> Option<(String, String)> {
    static STATEMENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(licen[cs]ed|released|distributed|available|published|made available) (freely )?under\b|\bsous (la )?licence\b|\b(publié|distribué|diffusé)e?s? sous\b",
        )
        .expect("valid regex")
    });
    static HEADING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^\s*(#{1,6}|={1,6})?\s*(licen[cs]es?|licensing|licence et droits|droits d'auteur)\s*:?\s*=*\s*$")
            .expect("valid regex")
    });
    let mut in_section = false;
    for line in text.lines() {
        let statement = if HEADING.is_match(line) {
            in_section = true;
            continue;
        } else if in_section && !line.trim().is_empty() {
            in_section = false;
            line
        } else if STATEMENT.is_match(line) {
            line
        } else {
            continue;
        };
        let statement = statement.trim();
        let statement = match statement.char_indices().nth(300) {
            Some((end, _)) => &statement[..end],
            None => statement,
        };
        let lower = statement.to_lowercase();
        let mut words = Vec::new();
        super::normalise::line_words(super::normalise::strip_markers(&lower), |word| {
            words.push(word.to_owned())
        });
        let named = super::text::named(&words);
        if named.is_empty() {
            continue;
        }
        let variant = gnu_variant_in_prose(statement);
        let ids: Vec<String> = named
            .iter()
            .map(|found| match (found.family, variant) {
                (true, Some(true)) => format!("{}-or-later", found.id),
                (true, Some(false)) => format!("{}-only", found.id),
                _ => found.id.clone(),
            })
            .collect();
        let choice = [
            "either",
            "at your option",
            "dual",
            "au choix",
            " or ",
            " ou ",
        ]
        .iter()
        .any(|word| lower.contains(word));
        let expression = ids.join(if choice { " OR " } else { " AND " });
        return Some((statement.to_owned(), expression));
    }
    None
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
    fn readmes_state_their_licence_in_words() {
        let read = |text: &str| readme_statement(text).map(|(_, expression)| expression);
        assert_eq!(
            read("# x\n\nx is licensed under the Apache License, Version 2.0; see LICENSE.\n"),
            Some("Apache-2.0".into())
        );
        assert_eq!(
            read("# x\n\n## Licence\n\nEUPL 1.2, voir le fichier LICENSE.\n"),
            Some("EUPL-1.2".into())
        );
        assert_eq!(
            read("Ce logiciel est publié sous licence CeCILL-B.\n"),
            Some("CECILL-B".into())
        );
        assert_eq!(
            read(
                "## License\n\nLicensed under either of the Apache License, Version 2.0 or the MIT license, at your option.\n"
            ),
            Some("Apache-2.0 OR MIT".into())
        );
        assert_eq!(
            read(
                "Released under the GNU General Public License v3, or (at your option) any later version.\n"
            ),
            Some("GPL-3.0-or-later".into())
        );
        // A section that names no licence, and prose that merely mentions licences.
        assert_eq!(read("## License\n\nSee the LICENSE file.\n"), None);
        assert_eq!(read("# x\n\nWe check licences of dependencies.\n"), None);
    }

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

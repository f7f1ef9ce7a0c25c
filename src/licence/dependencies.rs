//! Dependency licences, read offline from lockfiles and installed metadata.
//!
//! Every reader here is a pure function of a file's bytes: nothing is fetched, no package
//! manager runs, and a licence is only ever what the metadata states. A statement that is
//! not an SPDX expression stays unknown (`licence: None`) with its text kept in `stated`,
//! so a report can show what the package says without pretending to know what it means.

use serde_json::Value;
use spdx::expression::{ExprNode, Operator};
use spdx::lexer::{Lexer, Token};
use spdx::{Expression, LicenseId, LicenseItem, LicenseReq, ParseMode};

/// Where a dependency list was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    PackageLock,
    ComposerLock,
    VendoredCrate,
    PythonMetadata,
}

/// One dependency and the licence its metadata states.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Dependency {
    pub name: String,
    /// `""` when the file gives none.
    pub version: String,
    /// The licence as a canonical SPDX expression when the statement reads as one (lax
    /// parsing: `/` for `OR`, well-known imprecise names); `None` when the metadata gives
    /// no licence or one that is not an SPDX expression (e.g. "SEE LICENSE IN
    /// LICENSE.txt", "Proprietary", "UNLICENSED").
    pub licence: Option<String>,
    /// The licence text as written, when there is one (kept even when `licence` is None).
    pub stated: Option<String>,
    pub source: Source,
    /// Whether the lockfile marks the package as needed only for development (npm's
    /// `dev: true`, Composer's `packages-dev`): not shipped with the project.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dev: bool,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{message}")]
pub struct ReadError {
    pub message: String,
}

impl ReadError {
    fn new(message: impl Into<String>) -> ReadError {
        ReadError {
            message: message.into(),
        }
    }
}

/// Lockfiles of large monorepos run to tens of megabytes; anything past this is not a
/// lockfile worth holding in memory twice (bytes and parsed tree).
const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// No package states a licence expression this long; past it the text is a licence body,
/// not an expression, and printing a deeply nested expression would cost quadratic time.
const MAX_EXPRESSION_BYTES: usize = 4096;

/// A Python `License` field longer than this, or spanning lines, is a licence text (or a
/// paragraph about one), not an identifier.
const MAX_SHORT_LICENSE_FIELD_CHARS: usize = 100;

/// Names spdx's lax mode accepts but maps to one variant among several the text does not
/// choose between ("BSD" → BSD-2-Clause, "GPL" → GPL-2.0-only, "Apache" → Apache-2.0), or
/// maps wrongly ("gnu gpl v2" → GPL-3.0-only). Reading them would be guessing.
const AMBIGUOUS_IMPRECISE_NAMES: &[&str] =
    &["agpl", "apache", "bsd", "gpl", "lgpl", "mpl", "gnu gpl v2"];

/// Trove licence classifiers that name exactly one SPDX licence. Classifiers that leave
/// the variant open ("BSD License", "GNU General Public License v3 (GPLv3)", which does
/// not say -only or -or-later) are deliberately absent: they stay unknown.
const CLASSIFIER_LICENCES: &[(&str, &str)] = &[
    ("Apache Software License", "Apache-2.0"),
    ("Boost Software License 1.0 (BSL-1.0)", "BSL-1.0"),
    (
        "CC0 1.0 Universal (CC0 1.0) Public Domain Dedication",
        "CC0-1.0",
    ),
    ("Eclipse Public License 1.0 (EPL-1.0)", "EPL-1.0"),
    ("Eclipse Public License 2.0 (EPL-2.0)", "EPL-2.0"),
    ("European Union Public Licence 1.2 (EUPL 1.2)", "EUPL-1.2"),
    (
        "GNU Affero General Public License v3 or later (AGPLv3+)",
        "AGPL-3.0-or-later",
    ),
    (
        "GNU General Public License v2 or later (GPLv2+)",
        "GPL-2.0-or-later",
    ),
    (
        "GNU General Public License v3 or later (GPLv3+)",
        "GPL-3.0-or-later",
    ),
    (
        "GNU Lesser General Public License v3 or later (LGPLv3+)",
        "LGPL-3.0-or-later",
    ),
    ("ISC License (ISCL)", "ISC"),
    ("MIT License", "MIT"),
    ("MIT No Attribution License (MIT-0)", "MIT-0"),
    ("Mozilla Public License 1.0 (MPL)", "MPL-1.0"),
    ("Mozilla Public License 1.1 (MPL 1.1)", "MPL-1.1"),
    ("Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"),
    ("PostgreSQL License", "PostgreSQL"),
    ("Python Software Foundation License", "PSF-2.0"),
    ("The Unlicense (Unlicense)", "Unlicense"),
    ("Universal Permissive License (UPL)", "UPL-1.0"),
];

/// Licence classifiers that say nothing about which licence applies.
const GENERIC_CLASSIFIERS: &[&str] = &["OSI Approved", "DFSG approved"];

/// Dependencies and their licences from an npm `package-lock.json` (lockfileVersion 2
/// or 3, whose `packages` entries carry each package's `license`).
///
/// Skipped: the root entry `""` and any other entry outside `node_modules/` (workspace
/// members and local folders: the project's own code, not dependencies), and `link: true`
/// entries (a pointer to such a folder). Dev dependencies are kept, marked `dev` (only
/// `dev: true`: a `devOptional` package may be installed in production).
pub fn read_package_lock(bytes: &[u8]) -> Result<Vec<Dependency>, ReadError> {
    let lock = parse_json(bytes, "package-lock.json")?;
    let lockfile_version = lock.get("lockfileVersion").and_then(Value::as_u64);
    let packages = match lock.get("packages") {
        Some(Value::Object(packages)) if lockfile_version != Some(1) => packages,
        Some(_) if lockfile_version != Some(1) => {
            return Err(ReadError::new(
                "package-lock.json: `packages` is not an object",
            ));
        }
        _ if lockfile_version == Some(1) || lock.get("dependencies").is_some() => {
            return Err(ReadError::new(
                "package-lock.json has lockfileVersion 1, which carries no licences \
                 (npm 7 or later writes lockfileVersion 2 or 3)",
            ));
        }
        _ => {
            return Err(ReadError::new("package-lock.json has no `packages` object"));
        }
    };

    let mut dependencies = Vec::new();
    for (key, entry) in packages {
        let Some(entry) = entry.as_object() else {
            continue;
        };
        if entry.get("link").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let Some(installed_as) = name_from_node_modules_path(key) else {
            continue;
        };
        let name = entry
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or(installed_as);
        let stated = ["license", "licenses"]
            .iter()
            .filter_map(|field| entry.get(*field))
            .map(licence_terms)
            .find(|terms| !terms.is_empty())
            .map(|terms| terms.join(" OR "));
        dependencies.push(Dependency {
            dev: entry.get("dev").and_then(Value::as_bool) == Some(true),
            ..dependency(
                name,
                string_field(entry.get("version")),
                stated.as_deref(),
                Source::PackageLock,
            )
        });
    }
    Ok(sorted_and_deduplicated(dependencies))
}

/// Dependencies and their licences from a `composer.lock`: its `packages` and
/// `packages-dev` (marked `dev`). A package listing several licences is offered under any
/// of them.
pub fn read_composer_lock(bytes: &[u8]) -> Result<Vec<Dependency>, ReadError> {
    let lock = parse_json(bytes, "composer.lock")?;
    let lists: Vec<(&Vec<Value>, bool)> = [("packages", false), ("packages-dev", true)]
        .iter()
        .filter_map(|(field, dev)| Some((lock.get(*field)?.as_array()?, *dev)))
        .collect();
    if lists.is_empty() {
        return Err(ReadError::new(
            "composer.lock has neither a `packages` nor a `packages-dev` array",
        ));
    }

    let mut dependencies = Vec::new();
    let packages = lists
        .into_iter()
        .flat_map(|(packages, dev)| packages.iter().map(move |package| (package, dev)));
    for (package, dev) in packages {
        let Some(name) = package.get("name").and_then(Value::as_str) else {
            continue;
        };
        let stated = package
            .get("license")
            .map(licence_terms)
            .filter(|terms| !terms.is_empty())
            .map(|terms| terms.join(" OR "));
        dependencies.push(Dependency {
            dev,
            ..dependency(
                name,
                string_field(package.get("version")),
                stated.as_deref(),
                Source::ComposerLock,
            )
        });
    }
    Ok(sorted_and_deduplicated(dependencies))
}

/// A vendored crate's Cargo.toml (`vendor/<crate>/Cargo.toml`): `package.name`,
/// `package.version`, `package.license` (or `license-file` → licence None, stated
/// "license-file: <path>"). `None` for a manifest without a named `[package]` (a virtual
/// workspace manifest).
pub fn read_crate_manifest(bytes: &[u8]) -> Result<Option<Dependency>, ReadError> {
    let text = utf8_text(bytes, "Cargo.toml")?;
    let manifest: toml::Table = toml::from_str(text)
        .map_err(|error| ReadError::new(format!("Cargo.toml is not valid TOML: {error}")))?;
    let Some(package) = manifest.get("package").and_then(toml::Value::as_table) else {
        return Ok(None);
    };
    let Some(name) = package.get("name").and_then(toml::Value::as_str) else {
        return Ok(None);
    };
    let version = package
        .get("version")
        .and_then(toml::Value::as_str)
        .unwrap_or_default();
    let licence_field = package
        .get("license")
        .and_then(toml::Value::as_str)
        .filter(|licence| !licence.trim().is_empty());
    let licence_file = package.get("license-file").and_then(toml::Value::as_str);

    let crate_dependency = match (licence_field, licence_file) {
        (None, Some(path)) => Dependency {
            name: name.to_owned(),
            version: version.to_owned(),
            licence: None,
            stated: Some(format!("license-file: {path}")),
            source: Source::VendoredCrate,
            dev: false,
        },
        (stated, _) => dependency(name, version, stated, Source::VendoredCrate),
    };
    Ok(Some(crate_dependency))
}

/// An installed Python package's `*.dist-info/METADATA` (RFC 822-style headers): `Name`,
/// `Version`, and the licence from, in order of trust: `License-Expression` (PEP 639);
/// a short `License` field that reads as an SPDX expression; a single licence classifier
/// that names one licence; then whatever text was stated, unread. `None` without `Name`.
pub fn read_python_metadata(bytes: &[u8]) -> Result<Option<Dependency>, ReadError> {
    check_size(bytes, "METADATA")?;
    // Headers are ASCII in practice; a stray Latin-1 byte in an author's name must not
    // lose the licence.
    let text = String::from_utf8_lossy(strip_byte_order_mark(bytes));
    let headers = metadata_headers(&text);
    let header = |wanted: &str| {
        headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.is_empty())
    };
    let Some(name) = header("Name") else {
        return Ok(None);
    };
    let version = header("Version").unwrap_or_default();
    let classifiers: Vec<&str> = headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("Classifier"))
        .map(|(_, value)| value.as_str())
        .collect();
    let licence = python_licence(
        header("License-Expression"),
        header("License").filter(|licence| *licence != "UNKNOWN"),
        &classifiers,
    );
    Ok(Some(Dependency {
        name: name.to_owned(),
        version: version.to_owned(),
        licence: licence.licence,
        stated: licence.stated,
        source: Source::PythonMetadata,
        dev: false,
    }))
}

/// The SPDX ids a dependency's licence expression names (e.g. ["Apache-2.0", "MIT"] for
/// "MIT OR Apache-2.0"), sorted, deduplicated; empty when the text is not an SPDX
/// expression. `LicenseRef-` references count as ids; exceptions (`WITH …`) do not, and
/// a non-GNU `+` is dropped since `MPL-1.1+` is not an id.
pub fn licence_ids(licence: &str) -> Vec<String> {
    let Some(expression) = parse_expression(licence) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = expression
        .requirements()
        .map(|requirement| match &requirement.req.license {
            LicenseItem::Spdx { id, .. } => current_gnu_id(*id).name.to_owned(),
            LicenseItem::Other(reference) => reference.to_string(),
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// A licence as read and as written.
#[derive(Debug, Default)]
struct StatedLicence {
    licence: Option<String>,
    stated: Option<String>,
}

fn read_stated_licence(text: &str) -> StatedLicence {
    let text = text.trim();
    if text.is_empty() {
        return StatedLicence::default();
    }
    StatedLicence {
        licence: canonical_expression(text),
        stated: Some(text.to_owned()),
    }
}

fn dependency(name: &str, version: &str, stated: Option<&str>, source: Source) -> Dependency {
    let licence = stated.map(read_stated_licence).unwrap_or_default();
    Dependency {
        name: name.to_owned(),
        version: version.to_owned(),
        licence: licence.licence,
        stated: licence.stated,
        source,
        dev: false,
    }
}

/// The text as a canonical SPDX expression (GNU ids spelt `-only`/`-or-later`, `OR`
/// for `/`, no redundant parentheses), or `None` when it is not one.
pub fn canonical_expression(text: &str) -> Option<String> {
    parse_expression(text).and_then(|expression| print_expression(&expression))
}

fn parse_expression(text: &str) -> Option<Expression> {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_EXPRESSION_BYTES || names_ambiguously(text) {
        return None;
    }
    Expression::parse_mode(text, ParseMode::LAX).ok()
}

/// Whether the text uses one of the imprecise names lax parsing would resolve by guessing.
fn names_ambiguously(text: &str) -> bool {
    Lexer::new_mode(text, ParseMode::LAX)
        .map_while(Result::ok)
        .any(|token| {
            let Token::Spdx(_) = token.token else {
                return false;
            };
            let Some(written) = text.get(token.span) else {
                return false;
            };
            spdx::license_id(written).is_none()
                && AMBIGUOUS_IMPRECISE_NAMES.contains(&written.to_ascii_lowercase().as_str())
        })
}

/// Prints the parsed expression from its postfix form, parenthesising only an `OR`
/// inside an `AND`, where precedence needs it.
fn print_expression(expression: &Expression) -> Option<String> {
    let mut stack: Vec<(String, Option<Operator>)> = Vec::new();
    for node in expression.iter() {
        match node {
            ExprNode::Req(requirement) => stack.push((print_requirement(&requirement.req), None)),
            ExprNode::Op(operator) => {
                let right = stack.pop()?;
                let left = stack.pop()?;
                let operand = |(text, inner): (String, Option<Operator>)| {
                    if *operator == Operator::And && inner == Some(Operator::Or) {
                        format!("({text})")
                    } else {
                        text
                    }
                };
                let word = match operator {
                    Operator::And => "AND",
                    Operator::Or => "OR",
                };
                let joined = format!("{} {word} {}", operand(left), operand(right));
                stack.push((joined, Some(*operator)));
            }
        }
    }
    let (printed, _) = stack.pop()?;
    stack.is_empty().then_some(printed)
}

fn print_requirement(requirement: &LicenseReq) -> String {
    let licence = match &requirement.license {
        LicenseItem::Spdx {
            id,
            or_later: false,
        } => current_gnu_id(*id).name.to_owned(),
        other => other.to_string(),
    };
    match &requirement.addition {
        Some(addition) => format!("{licence} WITH {addition}"),
        None => licence,
    }
}

/// The deprecated bare GNU ids (`GPL-2.0`, `LGPL-2.1`, `AGPL-3.0`) mean their `-only`
/// variant; spelling them so keeps one name per licence.
fn current_gnu_id(id: LicenseId) -> LicenseId {
    if id.is_gnu() && id.is_deprecated() {
        spdx::gnu_license_id(id.name, false).unwrap_or(id)
    } else {
        id
    }
}

fn python_licence(
    licence_expression: Option<&str>,
    licence_field: Option<&str>,
    classifiers: &[&str],
) -> StatedLicence {
    if let Some(expression) = licence_expression {
        return read_stated_licence(expression);
    }
    let short_field = licence_field.filter(|field| {
        !field.contains('\n') && field.chars().count() <= MAX_SHORT_LICENSE_FIELD_CHARS
    });
    if let Some(field) = short_field {
        let read = read_stated_licence(field);
        if read.licence.is_some() {
            return read;
        }
    }
    let classified = classifier_licence(classifiers);
    if classified.licence.is_some() {
        return classified;
    }
    if let Some(field) = short_field {
        return read_stated_licence(field);
    }
    if classified.stated.is_some() {
        return classified;
    }
    StatedLicence {
        licence: None,
        stated: licence_field.map(str::to_owned),
    }
}

/// The licence the `License :: …` classifiers name. Several classifiers do not say
/// whether they combine with AND or OR, so they are stated but not read.
fn classifier_licence(classifiers: &[&str]) -> StatedLicence {
    let mut names: Vec<&str> = Vec::new();
    for classifier in classifiers {
        let Some(path) = classifier.strip_prefix("License ::") else {
            continue;
        };
        let name = path.rsplit("::").next().unwrap_or_default().trim();
        if !name.is_empty() && !GENERIC_CLASSIFIERS.contains(&name) && !names.contains(&name) {
            names.push(name);
        }
    }
    match names.as_slice() {
        [] => StatedLicence::default(),
        [name] => StatedLicence {
            licence: CLASSIFIER_LICENCES
                .iter()
                .find(|(classifier, _)| classifier == name)
                .and_then(|(_, id)| canonical_expression(id)),
            stated: Some((*name).to_owned()),
        },
        several => StatedLicence {
            licence: None,
            stated: Some(several.join("; ")),
        },
    }
}

/// The header fields of an RFC 822-style metadata file, up to the first empty line (the
/// description follows it). Continuation lines (leading whitespace) join the field they
/// continue with a line break.
fn metadata_headers(text: &str) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push('\n');
                value.push_str(line.trim());
            }
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            break;
        };
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    // A field whose value starts on a continuation line would otherwise begin with a
    // line break.
    for (_, value) in &mut headers {
        *value = value.trim().to_owned();
    }
    headers
}

/// The licence names an npm or Composer `license`/`licenses` field gives: a string, an
/// old-style `{ "type": "MIT" }` object, or an array of either.
fn licence_terms(value: &Value) -> Vec<String> {
    let term = |value: &Value| match value {
        Value::String(text) => Some(text.trim().to_owned()),
        Value::Object(object) => object
            .get("type")
            .and_then(Value::as_str)
            .map(|text| text.trim().to_owned()),
        _ => None,
    };
    let terms: Vec<Option<String>> = match value {
        Value::Array(items) => items.iter().map(term).collect(),
        single => vec![term(single)],
    };
    terms
        .into_iter()
        .flatten()
        .filter(|term| !term.is_empty())
        .collect()
}

/// The package name an npm lockfile key installs: the part after its last
/// `node_modules/`, scope included (`node_modules/a/node_modules/@s/b` → `@s/b`).
fn name_from_node_modules_path(key: &str) -> Option<&str> {
    const NODE_MODULES: &str = "node_modules/";
    let start = key.rfind(NODE_MODULES)? + NODE_MODULES.len();
    let name = &key[start..];
    (!name.is_empty()).then_some(name)
}

fn string_field(value: Option<&Value>) -> &str {
    value.and_then(Value::as_str).unwrap_or_default()
}

fn sorted_and_deduplicated(mut dependencies: Vec<Dependency>) -> Vec<Dependency> {
    dependencies.sort_by(|a, b| {
        (&a.name, &a.version, &a.licence, &a.stated, a.dev)
            .cmp(&(&b.name, &b.version, &b.licence, &b.stated, b.dev))
    });
    dependencies.dedup();
    dependencies
}

fn parse_json(bytes: &[u8], file: &str) -> Result<Value, ReadError> {
    check_size(bytes, file)?;
    let value: Value = serde_json::from_slice(strip_byte_order_mark(bytes))
        .map_err(|error| ReadError::new(format!("{file} is not valid JSON: {error}")))?;
    if value.is_object() {
        Ok(value)
    } else {
        Err(ReadError::new(format!("{file} is not a JSON object")))
    }
}

fn utf8_text<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, ReadError> {
    check_size(bytes, file)?;
    std::str::from_utf8(strip_byte_order_mark(bytes))
        .map_err(|error| ReadError::new(format!("{file} is not UTF-8: {error}")))
}

fn check_size(bytes: &[u8], file: &str) -> Result<(), ReadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ReadError::new(format!(
            "{file} is larger than {} MiB; not read",
            MAX_INPUT_BYTES / (1024 * 1024)
        )));
    }
    Ok(())
}

/// Editors on Windows may prefix a byte order mark, which JSON and TOML parsers reject.
fn strip_byte_order_mark(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dependency_of(
        name: &str,
        version: &str,
        licence: Option<&str>,
        stated: Option<&str>,
        source: Source,
    ) -> Dependency {
        Dependency {
            name: name.to_owned(),
            version: version.to_owned(),
            licence: licence.map(str::to_owned),
            stated: stated.map(str::to_owned),
            source,
            dev: false,
        }
    }

    fn dev(dependency: Dependency) -> Dependency {
        Dependency {
            dev: true,
            ..dependency
        }
    }

    const PACKAGE_LOCK_V3: &str = r#"{
  "name": "webapp",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "webapp",
      "version": "1.0.0",
      "license": "Apache-2.0",
      "workspaces": ["packages/*"],
      "dependencies": { "debug": "^2.6.9", "ms": "^2.1.3" },
      "devDependencies": { "@babel/code-frame": "^7.24.7" }
    },
    "node_modules/@babel/code-frame": {
      "version": "7.24.7",
      "resolved": "https://registry.npmjs.org/@babel/code-frame/-/code-frame-7.24.7.tgz",
      "integrity": "sha512-BcYH1CVJBO9tvyIZ2jVeXgSIMvGZ2FDRvDdOIVQyuklNKSsx+eppDEBq/g47Ayw+RqNFE+URvOShmf+f/qwAlA==",
      "dev": true,
      "license": "MIT",
      "engines": { "node": ">=6.9.0" }
    },
    "node_modules/@types/node": {
      "version": "20.14.2",
      "license": "MIT",
      "dependencies": { "undici-types": "~5.26.4" }
    },
    "node_modules/debug": {
      "version": "2.6.9",
      "license": "MIT",
      "dependencies": { "ms": "2.0.0" }
    },
    "node_modules/debug/node_modules/ms": {
      "version": "2.0.0",
      "license": "MIT"
    },
    "node_modules/send/node_modules/ms": {
      "version": "2.0.0",
      "license": "MIT"
    },
    "node_modules/ms": {
      "version": "2.1.3",
      "license": "MIT"
    },
    "node_modules/ghostscript4js": {
      "version": "3.2.3",
      "hasInstallScript": true,
      "license": "GPL-3.0-only"
    },
    "node_modules/highcharts": {
      "version": "11.4.3",
      "license": "SEE LICENSE IN LICENSE.txt"
    },
    "node_modules/indexof": {
      "version": "0.0.1",
      "license": { "type": "MIT", "url": "https://github.com/component/indexof/blob/master/LICENSE" }
    },
    "node_modules/json-schema": {
      "version": "0.2.3",
      "licenses": [
        { "type": "AFL-2.1", "url": "http://opensource.org/licenses/AFL-2.1" },
        { "type": "BSD", "url": "http://opensource.org/licenses/bsd-license.php" }
      ]
    },
    "node_modules/rc": {
      "version": "1.2.8",
      "license": "(BSD-2-Clause OR MIT OR Apache-2.0)"
    },
    "node_modules/string-width-cjs": {
      "name": "string-width",
      "version": "4.2.3",
      "license": "MIT"
    },
    "node_modules/webapp-ui": {
      "resolved": "packages/ui",
      "link": true
    },
    "packages/ui": {
      "name": "webapp-ui",
      "version": "0.1.0",
      "license": "UNLICENSED"
    }
  }
}"#;

    #[test]
    fn package_lock_v3_lists_installed_packages_with_their_licences() {
        let read = read_package_lock(PACKAGE_LOCK_V3.as_bytes()).unwrap();
        let npm = |name, version, licence: Option<&str>, stated: Option<&str>| {
            dependency_of(name, version, licence, stated, Source::PackageLock)
        };
        assert_eq!(
            read,
            vec![
                dev(npm("@babel/code-frame", "7.24.7", Some("MIT"), Some("MIT"))),
                npm("@types/node", "20.14.2", Some("MIT"), Some("MIT")),
                npm("debug", "2.6.9", Some("MIT"), Some("MIT")),
                npm(
                    "ghostscript4js",
                    "3.2.3",
                    Some("GPL-3.0-only"),
                    Some("GPL-3.0-only")
                ),
                npm(
                    "highcharts",
                    "11.4.3",
                    None,
                    Some("SEE LICENSE IN LICENSE.txt")
                ),
                npm("indexof", "0.0.1", Some("MIT"), Some("MIT")),
                // "BSD" does not say which BSD licence: unknown, not BSD-2-Clause.
                npm("json-schema", "0.2.3", None, Some("AFL-2.1 OR BSD")),
                npm("ms", "2.0.0", Some("MIT"), Some("MIT")),
                npm("ms", "2.1.3", Some("MIT"), Some("MIT")),
                npm(
                    "rc",
                    "1.2.8",
                    Some("BSD-2-Clause OR MIT OR Apache-2.0"),
                    Some("(BSD-2-Clause OR MIT OR Apache-2.0)")
                ),
                npm("string-width", "4.2.3", Some("MIT"), Some("MIT")),
            ]
        );
    }

    #[test]
    fn package_lock_licences_in_old_shapes_and_missing_ones() {
        let lock = r#"{
          "lockfileVersion": 2,
          "packages": {
            "": { "name": "app" },
            "node_modules/a": { "version": "1.0.0", "license": ["MIT", "Apache-2.0"] },
            "node_modules/b": { "version": "1.0.0", "licenses": ["ISC"] },
            "node_modules/c": { "version": "1.0.0", "license": "" },
            "node_modules/d": {},
            "node_modules/e": { "version": "1.0.0", "license": "MIT/Apache-2.0" },
            "node_modules/f": { "version": "1.0.0", "license": "UNLICENSED" },
            "node_modules/g": { "version": "1.0.0", "license": { "url": "https://example.com" } },
            "node_modules/": { "version": "1.0.0", "license": "MIT" },
            "node_modules/h": "not an object",
            "node_modules/i": { "version": "1.0.0", "license": "MIT", "devOptional": true },
            "node_modules/j": { "version": "1.0.0", "license": "MIT", "dev": true }
          },
          "dependencies": {}
        }"#;
        let npm = |name, version, licence: Option<&str>, stated: Option<&str>| {
            dependency_of(name, version, licence, stated, Source::PackageLock)
        };
        assert_eq!(
            read_package_lock(lock.as_bytes()).unwrap(),
            vec![
                npm(
                    "a",
                    "1.0.0",
                    Some("MIT OR Apache-2.0"),
                    Some("MIT OR Apache-2.0")
                ),
                npm("b", "1.0.0", Some("ISC"), Some("ISC")),
                npm("c", "1.0.0", None, None),
                npm("d", "", None, None),
                npm(
                    "e",
                    "1.0.0",
                    Some("MIT OR Apache-2.0"),
                    Some("MIT/Apache-2.0")
                ),
                npm("f", "1.0.0", None, Some("UNLICENSED")),
                npm("g", "1.0.0", None, None),
                // Optional for a production package too: it may ship.
                npm("i", "1.0.0", Some("MIT"), Some("MIT")),
                dev(npm("j", "1.0.0", Some("MIT"), Some("MIT"))),
            ]
        );
    }

    #[test]
    fn package_lock_v1_carries_no_licences() {
        let lock = r#"{
          "name": "app",
          "version": "1.0.0",
          "lockfileVersion": 1,
          "requires": true,
          "dependencies": {
            "ms": { "version": "2.1.3", "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz" }
          }
        }"#;
        let error = read_package_lock(lock.as_bytes()).unwrap_err();
        assert_eq!(
            error.message,
            "package-lock.json has lockfileVersion 1, which carries no licences \
             (npm 7 or later writes lockfileVersion 2 or 3)"
        );
    }

    #[test]
    fn package_lock_errors_say_where_and_what() {
        let error =
            read_package_lock(b"{\n  \"lockfileVersion\": 3,\n  \"packages\": {,}\n}").unwrap_err();
        assert_eq!(
            error.to_string(),
            "package-lock.json is not valid JSON: key must be a string at line 3 column 16"
        );
        assert_eq!(
            read_package_lock(b"[]").unwrap_err().message,
            "package-lock.json is not a JSON object"
        );
        assert_eq!(
            read_package_lock(br#"{"lockfileVersion": 3}"#)
                .unwrap_err()
                .message,
            "package-lock.json has no `packages` object"
        );
        assert_eq!(
            read_package_lock(br#"{"lockfileVersion": 3, "packages": []}"#)
                .unwrap_err()
                .message,
            "package-lock.json: `packages` is not an object"
        );
    }

    const COMPOSER_LOCK: &str = r#"{
    "_readme": [
        "This file locks the dependencies of your project to a known state",
        "Read more about it at https://getcomposer.org/doc/01-basic-usage.md#installing-dependencies",
        "This file is @generated automatically"
    ],
    "content-hash": "0f1a7b3c5d2e4f6a8b9c0d1e2f3a4b5c",
    "packages": [
        {
            "name": "symfony/console",
            "version": "v6.4.8",
            "source": {
                "type": "git",
                "url": "https://github.com/symfony/console.git",
                "reference": "be5854cee0e8c7b110f00d695d11debdfa1a2a91"
            },
            "require": { "php": ">=8.1" },
            "type": "library",
            "license": ["MIT"],
            "description": "Eases the creation of beautiful and testable command line interfaces"
        },
        {
            "name": "nette/utils",
            "version": "v4.0.4",
            "type": "library",
            "license": ["BSD-3-Clause", "GPL-2.0-only", "GPL-3.0-only"]
        },
        {
            "name": "acme/billing-sdk",
            "version": "2.3.0",
            "type": "library",
            "license": ["proprietary"]
        },
        {
            "name": "symfony/console",
            "version": "v6.4.8",
            "license": ["MIT"]
        }
    ],
    "packages-dev": [
        {
            "name": "phpunit/phpunit",
            "version": "10.5.20",
            "type": "library",
            "license": ["BSD-3-Clause"]
        },
        {
            "name": "roave/security-advisories",
            "version": "dev-latest",
            "type": "metapackage"
        }
    ],
    "aliases": [],
    "minimum-stability": "stable",
    "plugin-api-version": "2.6.0"
}"#;

    #[test]
    fn composer_lock_lists_packages_and_dev_packages() {
        let composer = |name, version, licence: Option<&str>, stated: Option<&str>| {
            dependency_of(name, version, licence, stated, Source::ComposerLock)
        };
        assert_eq!(
            read_composer_lock(COMPOSER_LOCK.as_bytes()).unwrap(),
            vec![
                composer("acme/billing-sdk", "2.3.0", None, Some("proprietary")),
                composer(
                    "nette/utils",
                    "v4.0.4",
                    Some("BSD-3-Clause OR GPL-2.0-only OR GPL-3.0-only"),
                    Some("BSD-3-Clause OR GPL-2.0-only OR GPL-3.0-only")
                ),
                dev(composer(
                    "phpunit/phpunit",
                    "10.5.20",
                    Some("BSD-3-Clause"),
                    Some("BSD-3-Clause")
                )),
                dev(composer(
                    "roave/security-advisories",
                    "dev-latest",
                    None,
                    None
                )),
                composer("symfony/console", "v6.4.8", Some("MIT"), Some("MIT")),
            ]
        );
    }

    #[test]
    fn composer_lock_without_package_lists_is_an_error() {
        assert_eq!(
            read_composer_lock(br#"{"content-hash": "abc"}"#)
                .unwrap_err()
                .message,
            "composer.lock has neither a `packages` nor a `packages-dev` array"
        );
        let error = read_composer_lock(b"{\"packages\": [}").unwrap_err();
        assert!(
            error
                .message
                .starts_with("composer.lock is not valid JSON: ")
                && error.message.ends_with("at line 1 column 15"),
            "{}",
            error.message
        );
    }

    #[test]
    fn crate_manifest_with_a_licence_expression() {
        let manifest = r#"# THIS FILE IS AUTOMATICALLY GENERATED BY CARGO
#
# When uploading crates to the registry Cargo will automatically
# "normalize" Cargo.toml files for maximal compatibility.

[package]
edition = "2018"
rust-version = "1.31"
name = "serde"
version = "1.0.203"
authors = [
    "Erick Tryzelaar <erick.tryzelaar@gmail.com>",
    "David Tolnay <dtolnay@gmail.com>",
]
build = "build.rs"
description = "A generic serialization/deserialization framework"
license = "MIT OR Apache-2.0"
repository = "https://github.com/serde-rs/serde"

[dependencies.serde_derive]
version = "=1.0.203"
optional = true
"#;
        assert_eq!(
            read_crate_manifest(manifest.as_bytes()).unwrap(),
            Some(dependency_of(
                "serde",
                "1.0.203",
                Some("MIT OR Apache-2.0"),
                Some("MIT OR Apache-2.0"),
                Source::VendoredCrate
            ))
        );
    }

    #[test]
    fn crate_manifest_with_a_licence_file_or_an_old_style_licence() {
        let licence_file = r#"[package]
edition = "2018"
name = "ring"
version = "0.16.20"
license-file = "LICENSE"
"#;
        assert_eq!(
            read_crate_manifest(licence_file.as_bytes()).unwrap(),
            Some(dependency_of(
                "ring",
                "0.16.20",
                None,
                Some("license-file: LICENSE"),
                Source::VendoredCrate
            ))
        );
        let slash =
            "[package]\nname = \"bitflags\"\nversion = \"1.3.2\"\nlicense = \"MIT/Apache-2.0\"\n";
        assert_eq!(
            read_crate_manifest(slash.as_bytes()).unwrap(),
            Some(dependency_of(
                "bitflags",
                "1.3.2",
                Some("MIT OR Apache-2.0"),
                Some("MIT/Apache-2.0"),
                Source::VendoredCrate
            ))
        );
    }

    #[test]
    fn crate_manifest_without_a_package_or_not_toml() {
        assert_eq!(
            read_crate_manifest(b"[workspace]\nmembers = [\"a\", \"b\"]\n").unwrap(),
            None
        );
        let error = read_crate_manifest(b"[package]\nname = serde\n").unwrap_err();
        assert!(
            error.message.starts_with("Cargo.toml is not valid TOML: ")
                && error.message.contains("line 2"),
            "{}",
            error.message
        );
        assert_eq!(
            read_crate_manifest(b"[package]\nname = \"\xff\"\n")
                .unwrap_err()
                .message,
            "Cargo.toml is not UTF-8: invalid utf-8 sequence of 1 bytes from index 18"
        );
    }

    #[test]
    fn python_metadata_with_a_licence_expression() {
        let metadata = "Metadata-Version: 2.4\n\
Name: packaging\n\
Version: 24.2\n\
Summary: Core utilities for Python packages\n\
Author-email: Donald Stufft <donald@stufft.io>\n\
Requires-Python: >=3.8\n\
License-Expression: Apache-2.0 OR BSD-2-Clause\n\
License-File: LICENSE\n\
License-File: LICENSE.APACHE\n\
License-File: LICENSE.BSD\n\
Classifier: Development Status :: 5 - Production/Stable\n\
Classifier: License :: OSI Approved :: MIT License\n\
Project-URL: Source, https://github.com/pypa/packaging\n\
Description-Content-Type: text/x-rst\n\
\n\
packaging\n\
=========\n\
\n\
License: GPL-3.0-only\n";
        assert_eq!(
            read_python_metadata(metadata.as_bytes()).unwrap(),
            Some(dependency_of(
                "packaging",
                "24.2",
                Some("Apache-2.0 OR BSD-2-Clause"),
                Some("Apache-2.0 OR BSD-2-Clause"),
                Source::PythonMetadata
            ))
        );
    }

    #[test]
    fn python_metadata_with_only_classifiers() {
        let with_classifiers = |classifiers: &str| {
            format!(
                "Metadata-Version: 2.1\r\nName: idna\r\nVersion: 3.7\r\n\
                 Summary: Internationalized Domain Names in Applications (IDNA)\r\n\
                 Classifier: Development Status :: 5 - Production/Stable\r\n\
                 Classifier: Intended Audience :: Developers\r\n\
                 {classifiers}Requires-Python: >=3.5\r\n\r\nbody\r\n"
            )
        };
        let read = |classifiers: &str| {
            let dependency = read_python_metadata(with_classifiers(classifiers).as_bytes())
                .unwrap()
                .unwrap();
            assert_eq!(
                (dependency.name.as_str(), dependency.version.as_str()),
                ("idna", "3.7")
            );
            (dependency.licence, dependency.stated)
        };
        let owned = |licence: Option<&str>, stated: Option<&str>| {
            (licence.map(str::to_owned), stated.map(str::to_owned))
        };
        assert_eq!(
            read("Classifier: License :: OSI Approved :: BSD License\r\n"),
            owned(None, Some("BSD License"))
        );
        assert_eq!(
            read(
                "Classifier: License :: OSI Approved\r\n\
                 Classifier: License :: OSI Approved :: Apache Software License\r\n"
            ),
            owned(Some("Apache-2.0"), Some("Apache Software License"))
        );
        assert_eq!(
            read(
                "Classifier: License :: OSI Approved :: GNU General Public License v3 (GPLv3)\r\n"
            ),
            owned(None, Some("GNU General Public License v3 (GPLv3)"))
        );
        assert_eq!(
            read(
                "Classifier: License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)\r\n"
            ),
            owned(
                Some("GPL-3.0-or-later"),
                Some("GNU General Public License v3 or later (GPLv3+)")
            )
        );
        assert_eq!(
            read("Classifier: License :: OSI Approved :: Python Software Foundation License\r\n"),
            owned(Some("PSF-2.0"), Some("Python Software Foundation License"))
        );
        assert_eq!(
            read(
                "Classifier: License :: OSI Approved :: Apache Software License\r\n\
                 Classifier: License :: OSI Approved :: BSD License\r\n"
            ),
            owned(None, Some("Apache Software License; BSD License"))
        );
        assert_eq!(read(""), owned(None, None));
    }

    #[test]
    fn python_metadata_short_licence_field() {
        let metadata = |licence_and_classifiers: &str| {
            format!(
                "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n{licence_and_classifiers}\n"
            )
        };
        let read = |text: &str| {
            let dependency = read_python_metadata(metadata(text).as_bytes())
                .unwrap()
                .unwrap();
            (dependency.licence, dependency.stated)
        };
        let owned = |licence: Option<&str>, stated: Option<&str>| {
            (licence.map(str::to_owned), stated.map(str::to_owned))
        };
        assert_eq!(read("License: MIT\n"), owned(Some("MIT"), Some("MIT")));
        // An unread field gives way to a classifier that names the licence …
        assert_eq!(
            read(
                "License: Apache License, Version 2.0\n\
                 Classifier: License :: OSI Approved :: Apache Software License\n"
            ),
            owned(Some("Apache-2.0"), Some("Apache Software License"))
        );
        // … but is what is stated when the classifiers do not name one either.
        assert_eq!(
            read(
                "License: Dual License\n\
                 Classifier: License :: OSI Approved :: BSD License\n\
                 Classifier: License :: OSI Approved :: Apache Software License\n"
            ),
            owned(None, Some("Dual License"))
        );
        assert_eq!(read("License: UNKNOWN\n"), owned(None, None));
    }

    #[test]
    fn python_metadata_long_licence_text_is_not_an_identifier() {
        let licence_text = "License: Copyright (c) 2005-2024, NumPy Developers.\n        \
All rights reserved.\n        \n        \
Redistribution and use in source and binary forms, with or without\n        \
modification, are permitted provided that the following conditions are met.\n";
        let with_bsd_classifier = format!(
            "Metadata-Version: 2.1\nName: numpy\nVersion: 2.0.0\n{licence_text}\
             Classifier: License :: OSI Approved :: BSD License\n\nbody\n"
        );
        assert_eq!(
            read_python_metadata(with_bsd_classifier.as_bytes()).unwrap(),
            Some(dependency_of(
                "numpy",
                "2.0.0",
                None,
                Some("BSD License"),
                Source::PythonMetadata
            ))
        );
        let with_mit_classifier = format!(
            "Metadata-Version: 2.1\nName: numpy\nVersion: 2.0.0\n{licence_text}\
             Classifier: License :: OSI Approved :: MIT License\n"
        );
        assert_eq!(
            read_python_metadata(with_mit_classifier.as_bytes())
                .unwrap()
                .and_then(|dependency| dependency.licence),
            Some("MIT".to_owned())
        );
        // Without classifiers the text is kept as stated, and read as nothing.
        let without_classifiers =
            format!("Metadata-Version: 2.1\nName: numpy\nVersion: 2.0.0\n{licence_text}");
        assert_eq!(
            read_python_metadata(without_classifiers.as_bytes()).unwrap(),
            Some(dependency_of(
                "numpy",
                "2.0.0",
                None,
                Some(
                    "Copyright (c) 2005-2024, NumPy Developers.\n\
                     All rights reserved.\n\
                     \n\
                     Redistribution and use in source and binary forms, with or without\n\
                     modification, are permitted provided that the following conditions are met."
                ),
                Source::PythonMetadata
            ))
        );
        // A single line can be long too: "MIT" followed by prose is not an id.
        let long_line = format!(
            "Name: x\nLicense: MIT {}\n",
            "and some words about it ".repeat(5)
        );
        assert_eq!(
            read_python_metadata(long_line.as_bytes())
                .unwrap()
                .and_then(|dependency| dependency.licence),
            None
        );
    }

    #[test]
    fn python_metadata_without_a_name_is_no_package() {
        assert_eq!(
            read_python_metadata(b"Metadata-Version: 2.1\nVersion: 1.0\n").unwrap(),
            None
        );
        // The name in the description body does not count.
        assert_eq!(read_python_metadata(b"\nName: late\n").unwrap(), None);
        assert_eq!(
            read_python_metadata(b"Name: caf\xe9\nLicense: MIT\n")
                .unwrap()
                .map(|dependency| (dependency.name, dependency.licence)),
            Some(("caf\u{fffd}".to_owned(), Some("MIT".to_owned())))
        );
    }

    #[test]
    fn stated_licences_read_as_canonical_expressions_or_not_at_all() {
        let cases: &[(&str, Option<&str>)] = &[
            ("MIT", Some("MIT")),
            ("(MIT OR Apache-2.0)", Some("MIT OR Apache-2.0")),
            ("MIT/Apache-2.0", Some("MIT OR Apache-2.0")),
            ("mit or Apache-2.0", Some("MIT OR Apache-2.0")),
            ("Apache 2.0", Some("Apache-2.0")),
            ("GPL-3.0", Some("GPL-3.0-only")),
            ("GPL-2.0+", Some("GPL-2.0-or-later")),
            ("LGPL-2.1-or-later", Some("LGPL-2.1-or-later")),
            ("MPL-1.1+", Some("MPL-1.1+")),
            (
                "Apache-2.0 WITH LLVM-exception",
                Some("Apache-2.0 WITH LLVM-exception"),
            ),
            (
                "(MIT OR Apache-2.0) AND Unicode-3.0",
                Some("(MIT OR Apache-2.0) AND Unicode-3.0"),
            ),
            (
                "MIT AND (Apache-2.0 AND BSD-3-Clause)",
                Some("MIT AND Apache-2.0 AND BSD-3-Clause"),
            ),
            (
                "MIT OR Apache-2.0 AND Zlib",
                Some("MIT OR Apache-2.0 AND Zlib"),
            ),
            ("LicenseRef-Acme", Some("LicenseRef-Acme")),
            ("BSD", None),
            ("GPL", None),
            ("Apache", None),
            ("gnu gpl v2", None),
            ("UNLICENSED", None),
            ("SEE LICENSE IN LICENSE.txt", None),
            ("Proprietary", None),
            ("MIT License", None),
            ("MIT OR", None),
            ("(MIT", None),
            ("", None),
        ];
        for (stated, expected) in cases {
            assert_eq!(
                canonical_expression(stated).as_deref(),
                *expected,
                "{stated:?}"
            );
        }
        let too_long = vec!["MIT"; 2000].join(" OR ");
        assert_eq!(canonical_expression(&too_long), None);
    }

    #[test]
    fn licence_ids_name_each_licence_once() {
        assert_eq!(licence_ids("MIT OR Apache-2.0"), ["Apache-2.0", "MIT"]);
        assert_eq!(
            licence_ids("(Apache-2.0 WITH LLVM-exception OR MIT) AND MIT"),
            ["Apache-2.0", "MIT"]
        );
        assert_eq!(
            licence_ids("GPL-2.0 OR GPL-2.0-only OR MPL-1.1+"),
            ["GPL-2.0-only", "MPL-1.1"]
        );
        assert_eq!(
            licence_ids("LicenseRef-Acme AND 0BSD"),
            ["0BSD", "LicenseRef-Acme"]
        );
        assert!(licence_ids("Proprietary").is_empty());
        assert!(licence_ids("").is_empty());
    }

    #[test]
    fn oversized_inputs_are_not_read() {
        let oversized = vec![b' '; MAX_INPUT_BYTES + 1];
        assert_eq!(
            read_package_lock(&oversized).unwrap_err().message,
            "package-lock.json is larger than 64 MiB; not read"
        );
        assert_eq!(
            read_composer_lock(&oversized).unwrap_err().message,
            "composer.lock is larger than 64 MiB; not read"
        );
        assert_eq!(
            read_crate_manifest(&oversized).unwrap_err().message,
            "Cargo.toml is larger than 64 MiB; not read"
        );
        assert_eq!(
            read_python_metadata(&oversized).unwrap_err().message,
            "METADATA is larger than 64 MiB; not read"
        );
    }

    #[test]
    fn byte_order_marks_are_skipped() {
        let lock = "\u{feff}{\"lockfileVersion\": 3, \"packages\": {\"node_modules/ms\": {\"version\": \"2.1.3\", \"license\": \"MIT\"}}}";
        assert_eq!(
            read_package_lock(lock.as_bytes()).unwrap(),
            vec![dependency_of(
                "ms",
                "2.1.3",
                Some("MIT"),
                Some("MIT"),
                Source::PackageLock
            )]
        );
    }

    #[test]
    fn sources_serialise_in_kebab_case() {
        let dependency = dependency_of(
            "ring",
            "0.16.20",
            None,
            Some("license-file: LICENSE"),
            Source::VendoredCrate,
        );
        assert_eq!(
            serde_json::to_string(&dependency).unwrap(),
            r#"{"name":"ring","version":"0.16.20","licence":null,"stated":"license-file: LICENSE","source":"vendored-crate"}"#
        );
        assert_eq!(
            serde_json::to_string(&[
                Source::PackageLock,
                Source::ComposerLock,
                Source::PythonMetadata
            ])
            .unwrap(),
            r#"["package-lock","composer-lock","python-metadata"]"#
        );
    }
}

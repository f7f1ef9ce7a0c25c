//! Build-time data.
//!
//! - The built-in checklists become JSON: reading YAML costs a few milliseconds at every
//!   run, JSON a tenth of one. The loader reads the YAML itself for files given on the
//!   command line, with line and column in every error; the built-in checklists are
//!   checked by the test suite through that same path.
//! - The licence catalogue (`data/licences.yaml`) becomes word sets: each reference text,
//!   taken from the spdx crate, is normalised as a project's files will be at run time
//!   (`src/licence/normalise.rs`, shared) and stored as indices into one sorted word list.
//!   The texts themselves stay out of the binary, and nothing is loaded at run time.
//! - The content patterns of the built-in checklists become syntax trees
//!   (`src/probe/line_syntax.rs`, shared), which a run decodes rather than parses.
//! - The licences `ospo init` drafts a LICENSE with (`src/remedy/verbatim.rs`) keep their
//!   full texts, taken from the spdx crate as identification's are: only these reach the
//!   binary, as files of OUT_DIR that `include_str!` embeds.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/licence/normalise.rs"]
mod normalise;

// Only `tree` and `encode` are needed here.
#[allow(dead_code)]
#[path = "src/probe/line_syntax.rs"]
mod line_syntax;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    checklists(Path::new(&out));
    let catalogue = catalogue();
    licences(Path::new(&out), &catalogue);
    licence_templates(Path::new(&out), &catalogue);
}

fn checklists(out: &Path) {
    println!("cargo::rerun-if-changed=checklists");
    println!("cargo::rerun-if-changed=src/probe/line_syntax.rs");
    let mut trees = String::new();
    for entry in std::fs::read_dir("checklists").expect("checklists/ exists") {
        let path = entry.expect("readable checklists/").path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("readable checklist");
        let value: serde_json::Value = serde_saphyr::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let name = path.file_stem().expect("a file name").to_string_lossy();
        let target = out.join(format!("{name}.json"));
        std::fs::write(target, value.to_string()).expect("writable OUT_DIR");
        content_trees(&value, &mut trees);
    }
    let code = format!(
        "/// The syntax trees of the built-in checklists' content patterns.\n\
         static BUILT_TREES: &[BuiltTree] = &[\n{trees}];\n"
    );
    std::fs::write(out.join("content_trees.rs"), code).expect("writable OUT_DIR");
}

/// Appends a `BuiltTree` for every content probe in `value` whose patterns parse (the
/// others say why at run time, as any file's would).
fn content_trees(value: &serde_json::Value, code: &mut String) {
    use serde_json::Value;
    match value {
        Value::Array(values) => values.iter().for_each(|v| content_trees(v, code)),
        Value::Object(map) => {
            if map.get("kind").and_then(Value::as_str) == Some("content") {
                let patterns: Vec<String> = match (map.get("pattern"), map.get("patterns")) {
                    (Some(Value::String(one)), None) => vec![one.clone()],
                    (None, Some(Value::Array(many))) => many
                        .iter()
                        .filter_map(|p| p.as_str().map(str::to_owned))
                        .collect(),
                    _ => Vec::new(),
                };
                let case_sensitive = map.get("case-sensitive").and_then(Value::as_bool);
                if let (false, Ok((tree, lowered))) = (
                    patterns.is_empty(),
                    line_syntax::tree(&patterns, case_sensitive.unwrap_or(false), true),
                ) {
                    let mut bytes = Vec::new();
                    line_syntax::encode(&tree, &mut bytes);
                    writeln!(
                        code,
                        "    BuiltTree {{ patterns: &{patterns:?}, case_sensitive: {}, \
                         lowered: {lowered}, tree: &{bytes:?} }},",
                        case_sensitive.unwrap_or(false)
                    )
                    .unwrap();
                }
            }
            map.values().for_each(|v| content_trees(v, code));
        }
        _ => {}
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueEntry {
    id: String,
    #[serde(default)]
    family: bool,
    #[serde(default)]
    names: Vec<String>,
}

/// The licence catalogue, `data/licences.yaml`.
fn catalogue() -> Vec<CatalogueEntry> {
    println!("cargo::rerun-if-changed=data/licences.yaml");
    let text = std::fs::read_to_string("data/licences.yaml").expect("data/licences.yaml");
    serde_saphyr::from_str(&text).unwrap_or_else(|error| panic!("licences.yaml: {error}"))
}

fn licences(out: &Path, entries: &[CatalogueEntry]) {
    println!("cargo::rerun-if-changed=src/licence/normalise.rs");
    let mut seen = BTreeSet::new();
    let mut sets = Vec::new();
    for entry in entries {
        assert!(
            seen.insert(entry.id.clone()),
            "{} is listed twice",
            entry.id
        );
        let words: BTreeSet<String> = normalise::words(spdx_text(&entry.id)).into_iter().collect();
        sets.push(words);
    }
    let dictionary: BTreeMap<&str, usize> = sets
        .iter()
        .flatten()
        .map(String::as_str)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .enumerate()
        .map(|(index, word)| (word, index))
        .collect();
    assert!(
        dictionary.len() < usize::from(u16::MAX),
        "too many words for u16 indices"
    );
    let mut code = String::new();
    code.push_str("/// Every word of the catalogue's reference texts, sorted.\n");
    code.push_str("pub static WORDS: &[&str] = &[");
    for word in dictionary.keys() {
        write!(code, "{word:?},").unwrap();
    }
    code.push_str("];\n\n/// The catalogue, in the order of `data/licences.yaml`.\n");
    code.push_str("pub static REFERENCES: &[Reference] = &[\n");
    for (entry, words) in entries.iter().zip(&sets) {
        let mut names: BTreeSet<String> = entry
            .names
            .iter()
            .map(|name| normalise::words(name).join(" "))
            .filter(|name| !name.is_empty())
            .collect();
        if let Some(id) = spdx::license_id(&entry.id) {
            names.insert(normalise::words(id.full_name).join(" "));
        }
        let indices: Vec<String> = words
            .iter()
            .map(|w| dictionary[w.as_str()].to_string())
            .collect();
        writeln!(
            code,
            "    Reference {{ id: {:?}, family: {}, names: &{:?}, words: &[{}] }},",
            entry.id,
            entry.family,
            names.into_iter().collect::<Vec<_>>(),
            indices.join(",")
        )
        .unwrap();
    }
    code.push_str("];\n");
    std::fs::write(out.join("licences.rs"), code).expect("writable OUT_DIR");
}

/// The text the SPDX list publishes for licence `id`, from the spdx crate.
fn spdx_text(id: &str) -> &'static str {
    spdx::text::LICENSE_TEXTS
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, text)| *text)
        .unwrap_or_else(|| panic!("the spdx crate has no text for {id}"))
}

/// The licences `ospo init` drafts a LICENSE with (`src/remedy/verbatim.rs`), by the id of
/// their text in the catalogue: a GNU family's one text serves its `-only` and `-or-later`.
const LICENCE_TEMPLATES: &[&str] = &[
    "Apache-2.0",
    "MIT",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "MPL-2.0",
    "GPL-2.0",
    "GPL-3.0",
    "LGPL-2.1",
    "LGPL-3.0",
    "AGPL-3.0",
    "EUPL-1.2",
    "CECILL-2.1",
    "CECILL-B",
    "CECILL-C",
    "EPL-2.0",
    "ISC",
    "Unlicense",
    "0BSD",
    "CC0-1.0",
    "CC-BY-4.0",
    "etalab-2.0",
];

/// Writes each template's text to OUT_DIR, and `licence_templates.rs`: `LICENCES`, the
/// SPDX ids a LICENSE can be drafted for, and `TEXTS`, which embeds the texts. Every
/// template is in the catalogue, so that identification names what `ospo init` writes.
fn licence_templates(out: &Path, catalogue: &[CatalogueEntry]) {
    let mut ids = Vec::new();
    let mut texts = String::new();
    for id in LICENCE_TEMPLATES {
        let entry = catalogue
            .iter()
            .find(|entry| entry.id == *id)
            .unwrap_or_else(|| panic!("{id} is a template but not in data/licences.yaml"));
        if entry.family {
            ids.extend([format!("{id}-only"), format!("{id}-or-later")]);
        } else {
            ids.push(id.to_string());
        }
        let file = format!("licence-{id}.txt");
        std::fs::write(out.join(&file), spdx_text(id)).expect("writable OUT_DIR");
        writeln!(
            texts,
            "    ({id:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{file}\"))),"
        )
        .unwrap();
    }
    let code = format!(
        "/// The licences a LICENSE can be drafted for, by SPDX id.\n\
         pub const LICENCES: &[&str] = &{ids:?};\n\n\
         /// The full text of each licence, by the id of its text (`GPL-3.0` for both\n\
         /// `GPL-3.0-only` and `GPL-3.0-or-later`).\n\
         static TEXTS: &[(&str, &str)] = &[\n{texts}];\n"
    );
    std::fs::write(out.join("licence_templates.rs"), code).expect("writable OUT_DIR");
}

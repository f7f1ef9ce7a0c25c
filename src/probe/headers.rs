//! `spdx-headers`: how many of the project's own files say under which licence they are,
//! the REUSE way, and whether `LICENSES/` holds the text of every licence they name.
//!
//! A file says its licence in its header (`SPDX-License-Identifier:` in its first lines),
//! in a `<file>.license` sidecar, or through an annotation of a `REUSE.toml` (or of the
//! older `.reuse/dep5`) whose `precedence` decides how it combines with the file's own
//! information ([`crate::licence::reuse`] reads all of them).
//!
//! The share counts the project's own files: those REUSE covers (not `LICENSES/`,
//! `LICENSE*`, `COPYING*`, sidecars, `REUSE.toml`, symlinks, empty files, submodules),
//! outside dependency directories, minus lockfiles, which tools write, and minus binary
//! files that nothing licenses, since they cannot hold a header: a binary file counts
//! when a sidecar or an annotation gives its licence.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::glob::{Glob, lowercase};
use super::{Context, Evidence, Outcome, Problem, Status};
use crate::licence::reuse::{self, Annotation, FileLicensing, Header, Precedence, ReuseToml};
use crate::repo::{Entry, EntryKind, RepoView, SCAN_BYTES};
use crate::text;
use crate::yaml::Path;

/// Files examined at most, and by default; beyond, a sample spread evenly over the files.
const MAX_FILES: usize = 20_000;
/// Bytes read from the start of each file: `read_header` looks at 4 KiB, and one byte
/// more tells it whether its last line is whole. A NUL byte among them tells a binary
/// file (git looks twice as far; reading half as much halves the probe's time, and a
/// binary format shows a NUL well before).
const HEADER_BYTES: usize = 4 * 1024 + 1;
const HEAD_BYTES: usize = HEADER_BYTES;
/// Paths named in the evidence, at most, per list; the rest are counted.
const MAX_LISTED: usize = 20;
/// Paths named in the message, at most.
const MAX_IN_MESSAGE: usize = 3;

/// Lockfiles that package managers write: nobody adds a header to them.
const LOCKFILES: &[&str] = &[
    "Cargo.lock",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lockb",
    "deno.lock",
    "composer.lock",
    "poetry.lock",
    "Pipfile.lock",
    "pdm.lock",
    "uv.lock",
    "go.sum",
    "go.work.sum",
    "Gemfile.lock",
    "mix.lock",
    "flake.lock",
    "Podfile.lock",
    "pubspec.lock",
    "packages.lock.json",
    "gradle.lockfile",
    "Package.resolved",
    "conan.lock",
];

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HeadersSpec {
    /// The smallest share of files, in percent, that must state their licence; default
    /// 100, as REUSE asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// Whether each file must also carry a copyright notice (`SPDX-FileCopyrightText:`,
    /// `Copyright`, `©`), as REUSE asks; default false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub copyright: bool,
    /// Globs (case-insensitive, from the root) of files left out: generated code, test
    /// data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// How many files are read at most, spread evenly over the files by path (20,000 by
    /// default, and at most): on a larger project the share is that of the sample.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 20000))]
    pub sample: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct HeadersProbe {
    threshold: f64,
    copyright: bool,
    ignore: Vec<Glob>,
    sample: usize,
}

impl HeadersSpec {
    pub fn compile(&self) -> Result<HeadersProbe, Vec<Problem>> {
        let mut problems = Vec::new();
        let threshold = self.threshold.unwrap_or(100.0);
        if !(0.0..=100.0).contains(&threshold) {
            problems.push(Problem {
                path: Path::default().key("threshold"),
                message: format!("threshold {threshold} is not a percentage between 0 and 100"),
            });
        }
        let sample = self.sample.unwrap_or(MAX_FILES);
        if !(1..=MAX_FILES).contains(&sample) {
            problems.push(Problem {
                path: Path::default().key("sample"),
                message: format!("sample {sample} is not between 1 and {MAX_FILES} files"),
            });
        }
        let mut ignore = Vec::new();
        for (index, glob) in self.ignore.iter().enumerate() {
            let at = Path::default().key("ignore").index(index);
            if glob.starts_with('/') || glob.split('/').any(|part| part == "..") {
                problems.push(Problem {
                    path: at,
                    message: format!("`{glob}` must be a path relative to the repository root"),
                });
                continue;
            }
            match Glob::new(glob) {
                Ok(compiled) => ignore.push(compiled),
                Err(reason) => problems.push(Problem {
                    path: at,
                    message: format!("invalid glob `{glob}`: {reason}"),
                }),
            }
        }
        if problems.is_empty() {
            Ok(HeadersProbe {
                threshold,
                copyright: self.copyright,
                ignore,
                sample,
            })
        } else {
            Err(problems)
        }
    }
}

/// Where annotations come from: the `REUSE.toml` files (each with the directory its globs
/// are relative to, outermost first), or `.reuse/dep5`.
enum Global {
    None,
    ReuseToml(Vec<(String, ReuseToml)>),
    Dep5(ReuseToml),
}

impl Global {
    /// The annotations that apply to `path`, outermost `REUSE.toml` first. An `override`
    /// ends the list: what is deeper no longer counts, as for the REUSE tool.
    fn annotations_for(&self, path: &str) -> Vec<&Annotation> {
        match self {
            Global::None => Vec::new(),
            Global::Dep5(dep5) => dep5.annotation_for(path).into_iter().collect(),
            Global::ReuseToml(tomls) => {
                let mut found = Vec::new();
                for (dir, toml) in tomls {
                    let relative = if dir.is_empty() {
                        Some(path)
                    } else {
                        path.strip_prefix(dir.as_str())
                            .and_then(|rest| rest.strip_prefix('/'))
                    };
                    let Some(annotation) = relative.and_then(|rel| toml.annotation_for(rel)) else {
                        continue;
                    };
                    found.push(annotation);
                    if annotation.precedence == Precedence::Override {
                        break;
                    }
                }
                found
            }
        }
    }

    fn source(&self) -> reuse::From {
        match self {
            Global::Dep5(_) => reuse::From::Dep5,
            _ => reuse::From::ReuseToml,
        }
    }
}

/// The licensing of one file given its own information and the annotations that apply,
/// outermost first: an `override` alone; else the deepest `closest` annotation that
/// gives licences (and the deepest that gives a copyright) fills in what the file lacks,
/// and every `aggregate` one adds to it.
fn licensing(
    header: Option<&Header>,
    sidecar: Option<&Header>,
    annotations: &[&Annotation],
    source: reuse::From,
) -> FileLicensing {
    if let Some(last) = annotations.last()
        && last.precedence == Precedence::Override
    {
        return reuse::resolve(header, sidecar, Some((last, source)));
    }
    let closest: Vec<&&Annotation> = annotations
        .iter()
        .filter(|annotation| annotation.precedence == Precedence::Closest)
        .collect();
    let merged_closest = (!closest.is_empty()).then(|| Annotation {
        paths: Vec::new(),
        precedence: Precedence::Closest,
        licences: closest
            .iter()
            .rev()
            .find(|annotation| !annotation.licences.is_empty())
            .map(|annotation| annotation.licences.clone())
            .unwrap_or_default(),
        copyright: closest.iter().any(|annotation| annotation.copyright),
    });
    let mut parts: Vec<&Annotation> = merged_closest.iter().collect();
    parts.extend(
        annotations
            .iter()
            .filter(|annotation| annotation.precedence == Precedence::Aggregate),
    );
    if parts.is_empty() {
        return reuse::resolve(header, sidecar, None);
    }
    let mut combined = FileLicensing {
        licences: Vec::new(),
        copyright: false,
        from: reuse::From::None,
    };
    for annotation in parts {
        let one = reuse::resolve(header, sidecar, Some((annotation, source)));
        for licence in one.licences {
            if !combined.licences.contains(&licence) {
                combined.licences.push(licence);
            }
        }
        combined.copyright |= one.copyright;
        if combined.from == reuse::From::None {
            combined.from = one.from;
        }
    }
    combined
}

/// A path list for the evidence: the first [`MAX_LISTED`], and how many more.
#[derive(Default)]
struct Listed {
    paths: Vec<String>,
    more: usize,
}

impl Listed {
    fn push(&mut self, path: &str) {
        if self.paths.len() < MAX_LISTED {
            self.paths.push(path.to_owned());
        } else {
            self.more += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The first few paths, and how many others, for a message.
    fn summary(&self) -> (String, usize) {
        let shown = self.paths.iter().take(MAX_IN_MESSAGE);
        let others = self.paths.len().saturating_sub(MAX_IN_MESSAGE) + self.more;
        (shown.cloned().collect::<Vec<_>>().join(", "), others)
    }
}

/// What the files say, counted.
#[derive(Default)]
struct Tally {
    files: usize,
    licensed: usize,
    without: Listed,
    invalid: Listed,
    used_ids: BTreeSet<String>,
    /// The licence ids of each expression met, `None` for one that does not parse.
    parsed: std::collections::HashMap<String, Option<Vec<String>>>,
}

/// What one file says of itself: read once per check, for every `spdx-headers` item.
#[derive(Debug, Default)]
struct Facts {
    empty: bool,
    /// No NUL byte in its first [`HEAD_BYTES`], and readable.
    text: bool,
    header: Option<Header>,
    sidecar: Option<Header>,
}

/// The files' facts, by path, as the items of one check read them: two items (with and
/// without copyright, say) read each file once.
#[derive(Default)]
pub struct Scan {
    facts: std::cell::RefCell<std::collections::HashMap<String, std::rc::Rc<Facts>>>,
}

impl Scan {
    /// Reads, on every core, the facts of the files not read yet.
    fn read(&self, repo: &RepoView, entries: &[&Entry], by_path: &BTreeMap<&str, &Entry>) {
        let unread: Vec<&Entry> = {
            let known = self.facts.borrow();
            entries
                .iter()
                .copied()
                .filter(|entry| !known.contains_key(&entry.path))
                .collect()
        };
        let sidecars: Vec<(usize, &Entry)> = unread
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                by_path
                    .get(format!("{}.license", entry.path).as_str())
                    .map(|sidecar| (index, *sidecar))
            })
            .collect();
        let mut facts: Vec<Facts> = repo
            .read_many(&unread, HEAD_BYTES)
            .into_iter()
            .map(|content| match content {
                Ok(content) if content.size == 0 => Facts {
                    empty: true,
                    ..Facts::default()
                },
                Ok(content) if !content.is_binary() => Facts {
                    text: true,
                    header: Some(header_of(&content.utf8_bytes())),
                    ..Facts::default()
                },
                // A file too large or unreadable is taken for a binary one.
                _ => Facts::default(),
            })
            .collect();
        let sidecar_entries: Vec<&Entry> = sidecars.iter().map(|(_, entry)| *entry).collect();
        for ((index, _), content) in sidecars
            .iter()
            .zip(repo.read_many(&sidecar_entries, HEADER_BYTES))
        {
            if let (Ok(content), Some(facts)) = (content, facts.get_mut(*index))
                && !facts.empty
            {
                facts.sidecar = Some(reuse::read_header(&content.text()));
            }
        }
        let mut known = self.facts.borrow_mut();
        known.reserve(unread.len());
        for (entry, facts) in unread.iter().zip(facts) {
            known.insert(entry.path.clone(), std::rc::Rc::new(facts));
        }
    }

    /// The facts of a file [`Scan::read`] has read.
    fn facts(&self, entry: &Entry) -> std::rc::Rc<Facts> {
        self.facts
            .borrow()
            .get(&entry.path)
            .cloned()
            .unwrap_or_default()
    }
}

/// The header at the start of `bytes`. A text with neither an SPDX tag nor anything a
/// copyright notice starts with has none: most files are passed over with a few searches.
fn header_of(bytes: &[u8]) -> Header {
    let head = bytes.get(..HEADER_BYTES).unwrap_or(bytes);
    // Checking UTF-8 is several times faster than the lossy decoding, needed seldom.
    let text = match std::str::from_utf8(head) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(head),
    };
    // One search for all the markers, not one per marker.
    static MARKERS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"SPDX-|Copyright|©|\([cC]\)").expect("valid regex")
    });
    if MARKERS.is_match(&text) {
        reuse::read_header(&text)
    } else {
        Header::default()
    }
}

impl HeadersProbe {
    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let repo = context.repo;
        let listing = match repo.list(".", usize::MAX) {
            Ok(listing) => listing,
            Err(error) => return Outcome::unlisted(&error),
        };
        let submodules: Vec<&str> = listing
            .iter()
            .filter_map(|entry| entry.path.strip_suffix("/.git"))
            .collect();
        let in_submodule = |path: &str| {
            submodules.iter().any(|dir| {
                path.strip_prefix(dir)
                    .is_some_and(|rest| rest.starts_with('/'))
            })
        };
        let global = match read_global(repo, &listing, &in_submodule) {
            Ok(global) => global,
            Err(outcome) => return *outcome,
        };
        let by_path: BTreeMap<&str, &Entry> = listing
            .iter()
            .map(|entry| (entry.path.as_str(), entry))
            .collect();
        let candidates: Vec<&Entry> = listing
            .iter()
            .filter(|entry| entry.kind == EntryKind::File)
            .filter(|entry| reuse::is_covered(&entry.path) && !in_submodule(&entry.path))
            .filter(|entry| !self.is_ignored(&entry.path))
            .collect();
        let found = candidates.len();
        let sampled = found > self.sample;
        let mut tally = Tally::default();
        // A sample spread evenly by path, so that no directory is left out whole.
        let examined: Vec<&Entry> = if sampled {
            (0..self.sample)
                .map(|index| candidates[index * found / self.sample])
                .collect()
        } else {
            candidates
        };
        let examined = examined.as_slice();
        context.shared.headers.read(repo, examined, &by_path);
        for entry in examined.iter().copied() {
            self.examine(entry, &global, &context.shared.headers, &mut tally);
        }
        let texts = licence_texts(&listing);
        let missing_texts: Vec<String> = tally
            .used_ids
            .iter()
            .filter(|id| !texts.iter().any(|(_, stem)| stem == *id))
            .cloned()
            .collect();
        // With files left unread, a text may be used by one of them: none is called unused.
        let unused_texts: Vec<String> = if sampled {
            Vec::new()
        } else {
            texts
                .iter()
                .filter(|(_, stem)| !tally.used_ids.contains(stem))
                .map(|(path, _)| path.clone())
                .collect()
        };
        self.outcome(tally, found, sampled, missing_texts, unused_texts)
    }

    fn is_ignored(&self, path: &str) -> bool {
        if self.ignore.is_empty() {
            return false;
        }
        let lowered = lowercase(path);
        self.ignore
            .iter()
            .any(|glob| glob.is_match_lowercase(&lowered))
    }

    /// Resolves one file's licensing from its facts and the annotations, and counts it.
    fn examine(&self, entry: &Entry, global: &Global, scan: &Scan, tally: &mut Tally) {
        let path = entry.path.as_str();
        let facts = scan.facts(entry);
        if facts.empty {
            return; // REUSE leaves empty files out
        }
        let (header, sidecar, is_text) = (&facts.header, &facts.sidecar, facts.text);
        let annotations = global.annotations_for(path);
        let resolved = licensing(
            header.as_ref(),
            sidecar.as_ref(),
            &annotations,
            global.source(),
        );
        let mut valid = true;
        for expression in &resolved.licences {
            // Most files say the same few expressions: each is parsed once.
            let ids = tally
                .parsed
                .entry(expression.clone())
                .or_insert_with(|| reuse::expression_ids(expression).ok());
            match ids {
                Some(ids) => tally.used_ids.extend(ids.iter().cloned()),
                None => valid = false,
            }
        }
        let licensed =
            !resolved.licences.is_empty() && valid && (!self.copyright || resolved.copyright);
        let name = path.rsplit('/').next().unwrap_or(path);
        let counted = if LOCKFILES.contains(&name) {
            false
        } else {
            is_text || licensed
        };
        if !counted {
            return;
        }
        tally.files += 1;
        if licensed {
            tally.licensed += 1;
        } else if !valid {
            tally.invalid.push(path);
        } else {
            tally.without.push(path);
        }
    }

    fn outcome(
        &self,
        tally: Tally,
        found: usize,
        sampled: bool,
        missing_texts: Vec<String>,
        unused_texts: Vec<String>,
    ) -> Outcome {
        let Tally {
            files,
            licensed,
            without,
            invalid,
            ..
        } = tally;
        if files == 0 {
            return Outcome::new(
                Status::Skip,
                text!(
                    "no file of the project's own to check: no source file or document outside licence texts, lockfiles and dependencies",
                    "aucun fichier propre au projet à vérifier : ni source ni document hors textes de licence, fichiers de verrouillage et dépendances"
                ),
            );
        }
        let threshold = self.threshold;
        // The share shown is rounded down, so that 100% means every file; the verdict uses
        // the exact ratio.
        let share = (1000.0 * licensed as f64 / files as f64).floor() / 10.0;
        let enough = licensed as f64 * 100.0 >= threshold * files as f64;
        let status = if enough && missing_texts.is_empty() {
            Status::Pass
        } else {
            Status::Fail
        };
        let mut message = if self.copyright {
            text!(
                "{licensed} of {files} files state their licence and copyright ({share}%, threshold {threshold}%)",
                "{licensed} fichiers sur {files} indiquent leur licence et leurs titulaires de droits ({share} %, seuil {threshold} %)"
            )
        } else {
            text!(
                "{licensed} of {files} files state their licence ({share}%, threshold {threshold}%)",
                "{licensed} fichiers sur {files} indiquent leur licence ({share} %, seuil {threshold} %)"
            )
        };
        if !missing_texts.is_empty() {
            let ids = missing_texts.join(", ");
            message.push(&text!(
                "; LICENSES/ lacks the text of {ids}",
                " ; il manque dans LICENSES/ le texte de {ids}"
            ));
        }
        if !without.is_empty() {
            let (paths, others) = without.summary();
            message.push(&if others == 0 {
                text!("; without: {paths}", " ; sans : {paths}")
            } else {
                text!(
                    "; without: {paths} and {others} more",
                    " ; sans : {paths} et {others} autres"
                )
            });
        }
        if !invalid.is_empty() {
            let (paths, others) = invalid.summary();
            message.push(&if others == 0 {
                text!(
                    "; not an SPDX expression in {paths}",
                    " ; expression SPDX invalide dans {paths}"
                )
            } else {
                text!(
                    "; not an SPDX expression in {paths} and {others} more",
                    " ; expression SPDX invalide dans {paths} et {others} autres"
                )
            });
        }
        if !unused_texts.is_empty() {
            let paths = unused_texts.join(", ");
            message.push(&text!(
                "; no file uses {paths}",
                " ; aucun fichier n'utilise {paths}"
            ));
        }
        if sampled {
            let sample = self.sample;
            message.push(&text!(
                " (in a sample of {sample} of the {found} files, spread evenly)",
                " (sur un échantillon de {sample} des {found} fichiers, réparti uniformément)"
            ));
        }
        Outcome::new(status, message).with(Evidence::Headers {
            files,
            licensed,
            share,
            threshold,
            copyright: self.copyright,
            found,
            sampled,
            missing_texts,
            unused_texts,
            without: without.paths,
            more_without: without.more,
            invalid: invalid.paths,
            more_invalid: invalid.more,
        })
    }
}

/// The `REUSE.toml` files (outside submodules) or `.reuse/dep5`, read; a project with
/// both, or one that cannot be read, fails the item, as it fails `reuse lint`.
fn read_global(
    repo: &RepoView,
    listing: &[Entry],
    in_submodule: &dyn Fn(&str) -> bool,
) -> Result<Global, Box<Outcome>> {
    let unreadable = |path: &str, error: &dyn std::fmt::Display| {
        Box::new(Outcome::new(
            Status::Fail,
            text!(
                "{path} cannot be read: {error}",
                "{path} est illisible : {error}"
            ),
        ))
    };
    let is_readable_file = |entry: &&Entry| {
        matches!(entry.kind, EntryKind::File | EntryKind::Link { .. }) && !in_submodule(&entry.path)
    };
    let toml_entries: Vec<&Entry> = listing
        .iter()
        .filter(is_readable_file)
        .filter(|entry| entry.path.rsplit('/').next() == Some("REUSE.toml"))
        .collect();
    let dep5_entry = listing
        .iter()
        .filter(is_readable_file)
        .find(|entry| entry.path == ".reuse/dep5");
    match (toml_entries.is_empty(), dep5_entry) {
        (true, None) => Ok(Global::None),
        (true, Some(entry)) => {
            let content = repo
                .read(entry, SCAN_BYTES)
                .map_err(|error| unreadable(&entry.path, &error))?;
            reuse::parse_dep5(&content.text())
                .map(Global::Dep5)
                .map_err(|error| unreadable(&entry.path, &error))
        }
        (false, Some(_)) => Err(Box::new(Outcome::new(
            Status::Fail,
            text!(
                "both REUSE.toml and .reuse/dep5 are present, and REUSE accepts only one: move dep5 into REUSE.toml (reuse convert-dep5)",
                "REUSE.toml et .reuse/dep5 sont tous deux présents, or REUSE n'en accepte qu'un : transférez dep5 dans REUSE.toml (reuse convert-dep5)"
            ),
        ))),
        (false, None) => {
            let mut tomls = Vec::new();
            for entry in toml_entries {
                let content = repo
                    .read(entry, SCAN_BYTES)
                    .map_err(|error| unreadable(&entry.path, &error))?;
                let toml = reuse::parse_reuse_toml(&content.text())
                    .map_err(|error| unreadable(&entry.path, &error))?;
                tomls.push((crate::repo::parent(&entry.path).to_owned(), toml));
            }
            // Outermost first; at one depth, by path, for a stable order.
            tomls.sort_by(|(a, _), (b, _)| {
                let depth = |dir: &str| dir.split('/').filter(|p| !p.is_empty()).count();
                depth(a).cmp(&depth(b)).then_with(|| a.cmp(b))
            });
            Ok(Global::ReuseToml(tomls))
        }
    }
}

/// The licence texts of `LICENSES/`, by path, each with the id it stands for: its name
/// without its extension (`Apache-2.0.txt` is `Apache-2.0`), or the whole name when it
/// has none the REUSE way (`MIT`).
fn licence_texts(listing: &[Entry]) -> Vec<(String, String)> {
    listing
        .iter()
        .filter_map(|entry| {
            let name = entry.path.strip_prefix("LICENSES/")?;
            if name.contains('/') || name.is_empty() {
                return None;
            }
            Some((entry.path.clone(), text_id(name).to_owned()))
        })
        .collect()
}

/// The id a text in `LICENSES/` stands for. An id holds dots (`Apache-2.0`), so only an
/// extension that is not all digits is taken off: `GPL-3.0` stays `GPL-3.0`.
fn text_id(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((stem, extension))
            if !stem.is_empty()
                && !extension.is_empty()
                && !extension.chars().all(|c| c.is_ascii_digit()) =>
        {
            stem
        }
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotation(precedence: Precedence, licences: &[&str], copyright: bool) -> Annotation {
        Annotation {
            paths: vec!["**".to_owned()],
            precedence,
            licences: licences.iter().map(|l| l.to_string()).collect(),
            copyright,
        }
    }

    fn header(licences: &[&str], copyright: bool) -> Header {
        Header {
            licences: licences.iter().map(|l| l.to_string()).collect(),
            copyright,
        }
    }

    #[test]
    fn a_text_without_markers_has_no_header_and_one_with_them_is_read_whole() {
        let long_line = format!("// {}\n", "x".repeat(5000));
        let samples = [
            "// SPDX-License-Identifier: MIT\nfn main() {}\n".to_owned(),
            "// Copyright 2026 Jeanne Dupont\n".to_owned(),
            "// (c) 2026 Jeanne Dupont\n".to_owned(),
            "// © Jeanne Dupont\n".to_owned(),
            "// REUSE-IgnoreStart\n// SPDX-License-Identifier: MIT\n// REUSE-IgnoreEnd\n"
                .to_owned(),
            format!("{long_line}// SPDX-License-Identifier: MIT\n"),
            "no header at all\n".to_owned(),
            "copyright is a word here, not a notice\n".to_owned(),
        ];
        for sample in samples {
            let bytes = sample.as_bytes();
            let whole = reuse::read_header(&String::from_utf8_lossy(
                bytes.get(..HEADER_BYTES).unwrap_or(bytes),
            ));
            assert_eq!(header_of(bytes), whole, "{sample:?}");
        }
    }

    #[test]
    fn text_ids_keep_the_dots_of_versions() {
        assert_eq!(text_id("Apache-2.0.txt"), "Apache-2.0");
        assert_eq!(text_id("MIT.txt"), "MIT");
        assert_eq!(text_id("MIT"), "MIT");
        assert_eq!(text_id("GPL-3.0"), "GPL-3.0");
        assert_eq!(
            text_id("LicenseRef-Proprietary.md"),
            "LicenseRef-Proprietary"
        );
        assert_eq!(text_id(".txt"), ".txt");
    }

    #[test]
    fn deepest_closest_annotation_fills_in() {
        let outer = annotation(Precedence::Closest, &["MIT"], true);
        let inner = annotation(Precedence::Closest, &["CC0-1.0"], false);
        let silent = Header::default();
        let resolved = licensing(
            Some(&silent),
            None,
            &[&outer, &inner],
            reuse::From::ReuseToml,
        );
        assert_eq!(resolved.licences, ["CC0-1.0"]);
        assert!(resolved.copyright);
    }

    #[test]
    fn aggregate_annotations_all_add() {
        let outer = annotation(Precedence::Aggregate, &["MIT"], false);
        let inner = annotation(Precedence::Closest, &["CC0-1.0"], false);
        let own = header(&["Apache-2.0"], false);
        let resolved = licensing(Some(&own), None, &[&outer, &inner], reuse::From::ReuseToml);
        assert_eq!(resolved.licences, ["Apache-2.0", "MIT"]);
    }

    #[test]
    fn an_override_stands_alone() {
        let outer = annotation(Precedence::Override, &["MIT"], false);
        let own = header(&["Apache-2.0"], true);
        let resolved = licensing(Some(&own), None, &[&outer], reuse::From::ReuseToml);
        assert_eq!(resolved.licences, ["MIT"]);
        assert!(!resolved.copyright);
    }

    #[test]
    fn no_annotation_leaves_the_file_alone() {
        let own = header(&["MIT"], false);
        let resolved = licensing(Some(&own), None, &[], reuse::From::ReuseToml);
        assert_eq!(resolved.licences, ["MIT"]);
        assert_eq!(resolved.from, reuse::From::Header);
    }
}

//! `licence`: which licence the project is under, read from its licence files and from
//! what its manifests declare, and whether that licence is one a policy accepts.
//!
//! Every licence file at the root (`LICENSE`, `LICENCE`, `COPYING`, `UNLICENSE`, with
//! any extension or suffix: `LICENSE-MIT`, `COPYING.LESSER`) and in REUSE's `LICENSES/`
//! is identified ([`crate::licence::text`]); the files combine into one SPDX expression,
//! the one a manifest declares when it names the same licences.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Context, Evidence, Outcome, Problem, Status};
use crate::licence::declared::{self, Declared};
use crate::licence::text::{self, Class, Found};
use crate::repo::{Entry, SCAN_BYTES};
use crate::text;
use crate::yaml::Path;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LicenceSpec {
    /// What the item asks of the licence (`identified` by default).
    #[serde(default)]
    pub check: LicenceCheck,
    /// For `policy`: the licence must be approved by the Open Source Initiative.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub osi_approved: bool,
    /// For `policy`: the licence must be free (libre) for the Free Software Foundation.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fsf_libre: bool,
    /// For `policy`: the SPDX ids allowed; `*` stands for any run of characters
    /// (`GPL-3.0-*`, `CECILL-*`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
    /// For `policy`: whether copyleft licences are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyleft: Option<Copyleft>,
    /// For `identified`: what a modified licence text makes of the item (`fail` by
    /// default: a changed licence is a home-made one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<Modified>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Modified {
    #[default]
    Fail,
    Warn,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LicenceCheck {
    /// Every licence file is a licence the catalogue knows, unmodified, its template
    /// filled in.
    #[default]
    Identified,
    /// What the manifests declare is the licence the files hold (not applicable when no
    /// manifest declares one).
    Declared,
    /// The licence is one the policy (`osi-approved`, `fsf-libre`, `allow`, `copyleft`)
    /// accepts.
    Policy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Copyleft {
    Allowed,
    Denied,
}

#[derive(Debug, Clone)]
pub struct LicenceProbe {
    check: LicenceCheck,
    osi_approved: bool,
    fsf_libre: bool,
    allow: Vec<regex::Regex>,
    copyleft: Option<Copyleft>,
    modified: Modified,
}

/// One licence file, and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LicenceFile {
    pub path: String,
    pub class: Class,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licences: Vec<Found>,
}

impl LicenceSpec {
    pub fn compile(&self) -> Result<LicenceProbe, Vec<Problem>> {
        let policy = self.osi_approved || self.fsf_libre || !self.allow.is_empty();
        if self.check == LicenceCheck::Policy && !policy && self.copyleft.is_none() {
            return Err(vec![Problem {
                path: Path::default().key("check"),
                message:
                    "a `policy` check needs `osi-approved`, `fsf-libre`, `allow` or `copyleft`"
                        .into(),
            }]);
        }
        if self.check != LicenceCheck::Policy && (policy || self.copyleft.is_some()) {
            return Err(vec![Problem {
                path: Path::default().key("check"),
                message: "`osi-approved`, `fsf-libre`, `allow` and `copyleft` need `check: policy`"
                    .into(),
            }]);
        }
        if self.check != LicenceCheck::Identified && self.modified.is_some() {
            return Err(vec![Problem {
                path: Path::default().key("modified"),
                message: "`modified` applies to `check: identified` only".into(),
            }]);
        }
        let allow = self
            .allow
            .iter()
            .map(|id| {
                let pattern = format!("^{}$", regex::escape(id).replace(r"\*", ".*"));
                regex::Regex::new(&pattern).expect("an escaped id is a valid pattern")
            })
            .collect();
        Ok(LicenceProbe {
            check: self.check,
            osi_approved: self.osi_approved,
            fsf_libre: self.fsf_libre,
            allow,
            copyleft: self.copyleft,
            modified: self.modified.unwrap_or_default(),
        })
    }
}

/// Whether a file name is a licence file's.
fn is_licence_name(name: &str) -> bool {
    static NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(un)?(licen[cs]e|copying|copyright)([-._].*)?$")
            .expect("valid regex")
    });
    NAME.is_match(name)
}

/// What the project's licence files and manifests say.
#[derive(Debug, Clone)]
pub struct Findings {
    files: Vec<LicenceFile>,
    declared: Vec<Declared>,
    /// The licence the project is under, as one expression.
    expression: Option<String>,
}

impl Findings {
    /// The licence the project is under, as one SPDX expression, when its files name one.
    pub(crate) fn expression(&self) -> Option<&str> {
        self.expression.as_deref()
    }
}

/// The project's licence findings, read once for every item of the check that needs them;
/// the error is the outcome such an item ends with.
pub(crate) fn findings<'a>(context: &Context<'a>) -> Result<&'a Findings, &'a Outcome> {
    match context.shared.licence.get_or_init(|| find(context)) {
        Ok(findings) => Ok(findings),
        Err(outcome) => Err(outcome),
    }
}

impl LicenceProbe {
    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let findings = match findings(context) {
            Ok(findings) => findings.clone(),
            Err(outcome) => return outcome.clone(),
        };
        let (status, message) = match self.check {
            LicenceCheck::Identified => identified(&findings, self.modified),
            LicenceCheck::Declared => agreement(&findings),
            LicenceCheck::Policy => self.policy(&findings),
        };
        Outcome::new(status, message).with(Evidence::Licence {
            expression: findings.expression,
            files: findings.files,
            declared: findings.declared,
        })
    }

    /// Why the policy refuses one licence id, if it does.
    fn refusal(&self, id: &str) -> Option<crate::i18n::Text> {
        let Some(licence) = spdx::license_id(id) else {
            // LicenseRef-… or unknown: no policy can vouch for it.
            return Some(text!(
                "{id} is not on the SPDX licence list",
                "{id} ne figure pas dans la liste SPDX des licences"
            ));
        };
        if self.osi_approved && !licence.is_osi_approved() {
            return Some(text!(
                "{id} is not approved by the OSI",
                "{id} n'est pas approuvée par l'OSI"
            ));
        }
        if self.fsf_libre && !licence.is_fsf_free_libre() {
            return Some(text!(
                "{id} is not free (libre) for the FSF",
                "{id} n'est pas libre selon la FSF"
            ));
        }
        if self.copyleft == Some(Copyleft::Denied) && licence.is_copyleft() {
            return Some(text!(
                "{id} is a copyleft licence, which the policy denies",
                "{id} est une licence à copyleft, que la politique refuse"
            ));
        }
        if !self.allow.is_empty() && !self.allow.iter().any(|allow| allow.is_match(id)) {
            return Some(text!(
                "{id} is not on the allowed list",
                "{id} ne figure pas dans la liste des licences autorisées"
            ));
        }
        None
    }

    fn policy(&self, findings: &Findings) -> (Status, crate::i18n::Text) {
        let Some(expression) = &findings.expression else {
            return (
                Status::Fail,
                text!(
                    "no licence to judge: no licence file names one",
                    "aucune licence à évaluer : aucun fichier de licence n'en désigne une"
                ),
            );
        };
        let Ok(parsed) = spdx::Expression::parse_mode(expression, spdx::ParseMode::LAX) else {
            return (
                Status::Fail,
                text!(
                    "{expression} is not an SPDX expression",
                    "{expression} n'est pas une expression SPDX"
                ),
            );
        };
        // A GNU family whose variant is not stated passes only if both variants do. The
        // first refusal met is the reason given.
        let mut reasons = Vec::new();
        let accepted = parsed.evaluate(|requirement| match &requirement.license {
            spdx::LicenseItem::Spdx { id, or_later } => {
                let refusals: Vec<_> = variants(id.name, *or_later)
                    .iter()
                    .filter_map(|variant| self.refusal(variant))
                    .collect();
                let accepted = refusals.is_empty();
                reasons.extend(refusals);
                accepted
            }
            spdx::LicenseItem::Other(other) => {
                let id = other.to_string();
                reasons.push(text!(
                    "{id} is not on the SPDX licence list",
                    "{id} ne figure pas dans la liste SPDX des licences"
                ));
                false
            }
        });
        if accepted {
            (
                Status::Pass,
                text!(
                    "{expression} is accepted by the policy",
                    "{expression} est acceptée par la politique"
                ),
            )
        } else {
            let reason = reasons.into_iter().next().unwrap_or_default();
            let (en, fr) = (&reason.en, &reason.fr);
            (
                Status::Fail,
                text!(
                    "{expression} is not accepted by the policy: {en}",
                    "{expression} n'est pas acceptée par la politique : {fr}"
                ),
            )
        }
    }
}

/// The ids a written licence may stand for: a bare GNU id is its family, either variant.
fn variants(id: &str, or_later: bool) -> Vec<String> {
    let base = id.trim_end_matches("-only").trim_end_matches("-or-later");
    let gnu = ["GPL-", "LGPL-", "AGPL-", "GFDL-"]
        .iter()
        .any(|prefix| base.starts_with(prefix));
    match (gnu, or_later, id == base) {
        (true, true, _) => vec![format!("{base}-or-later")],
        (true, false, true) => vec![format!("{base}-only"), format!("{base}-or-later")],
        _ => vec![id.to_owned()],
    }
}

/// The family of an id, for comparing what files hold with what manifests declare.
fn family(id: &str) -> String {
    id.trim_end_matches('+')
        .trim_end_matches("-only")
        .trim_end_matches("-or-later")
        .to_owned()
}

fn identified(findings: &Findings, modified: Modified) -> (Status, crate::i18n::Text) {
    if findings.files.is_empty() {
        return (
            Status::Fail,
            text!(
                "no licence file (LICENSE, COPYING, LICENSES/…): without one, nobody may use the code",
                "aucun fichier de licence (LICENSE, COPYING, LICENSES/…) : sans licence, personne ne peut utiliser le code"
            ),
        );
    }
    // The first file that fails decides; else the first reservation, if any.
    let mut reservation = None;
    for file in &findings.files {
        let path = &file.path;
        let closest = file
            .licences
            .first()
            .map_or(String::new(), |f| f.id.clone());
        let problem = match file.class {
            Class::Exact | Class::Appended => continue,
            Class::NoticeOnly => {
                let named = file
                    .licences
                    .iter()
                    .map(|f| f.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                reservation.get_or_insert(text!(
                    "{path} only names {named} and points elsewhere: ship the licence's full text in the repository",
                    "{path} ne fait que nommer {named} et renvoyer ailleurs : joignez le texte complet de la licence au dépôt"
                ));
                continue;
            }
            Class::Translated => {
                reservation.get_or_insert(text!(
                    "{path} is titled {closest} but is not in English, and ospo compares English texts only: make sure it is the official translation, unmodified",
                    "{path} porte le titre {closest} mais n'est pas en anglais, et ospo ne compare que les textes anglais : vérifiez qu'il s'agit de la traduction officielle, sans retouche"
                ));
                continue;
            }
            Class::Modified => {
                let message = text!(
                    "{path} is a modified {closest}: a changed licence is a home-made one; use the {closest} text as published",
                    "{path} est une licence {closest} modifiée : une licence retouchée est une licence maison ; reprenez le texte {closest} tel quel"
                );
                if modified == Modified::Warn {
                    reservation.get_or_insert(message);
                    continue;
                }
                message
            }
            Class::Unrecognised => text!(
                "{path} is not a licence ospo recognises: home-made or unknown; choose a recognised free licence",
                "{path} n'est pas une licence reconnue : maison ou inconnue ; choisissez une licence libre reconnue"
            ),
            Class::TemplateUnfilled => text!(
                "{path} is {closest} with its template fields ([year], [fullname]) left in: fill them in",
                "{path} est la licence {closest} avec ses champs à remplir ([year], [fullname]) laissés tels quels : complétez-les"
            ),
            Class::Empty => text!(
                "{path} holds no licence text, only a copyright notice or nothing",
                "{path} ne contient aucun texte de licence, seulement une mention de droits d'auteur ou rien"
            ),
        };
        return (Status::Fail, problem);
    }
    if let Some(reservation) = reservation {
        return (Status::Warn, reservation);
    }
    let expression = findings.expression.clone().unwrap_or_default();
    (
        Status::Pass,
        text!("{expression}, recognised", "{expression}, reconnue"),
    )
}

fn agreement(findings: &Findings) -> (Status, crate::i18n::Text) {
    if findings.declared.is_empty() {
        return (
            Status::Skip,
            text!(
                "no manifest declares a licence (Cargo.toml, package.json, pyproject.toml, publiccode.yml…): nothing to compare",
                "aucun manifeste ne déclare de licence (Cargo.toml, package.json, pyproject.toml, publiccode.yml…) : rien à comparer"
            ),
        );
    }
    for declaration in &findings.declared {
        let file = &declaration.file;
        let stated = &declaration.stated;
        let Some(expression) = &declaration.expression else {
            return (
                Status::Fail,
                text!(
                    "{file} declares `{stated}`, which is not an SPDX expression",
                    "{file} déclare « {stated} », qui n'est pas une expression SPDX"
                ),
            );
        };
        if let Some(files) = files_disagree(findings, expression) {
            return (
                Status::Fail,
                text!(
                    "{file} declares {expression}, but the licence files hold {files}",
                    "{file} déclare {expression}, mais les fichiers de licence contiennent {files}"
                ),
            );
        }
    }
    let expression = findings.expression.clone().unwrap_or_default();
    (
        Status::Pass,
        text!(
            "the manifests and the licence files agree: {expression}",
            "les manifestes et les fichiers de licence concordent : {expression}"
        ),
    )
}

/// The licence families the files hold, when `expression` names others; `None` when they
/// agree, or when the files name no licence to compare with.
pub(crate) fn files_disagree(findings: &Findings, expression: &str) -> Option<String> {
    let in_files = file_families(&findings.files);
    (!in_files.is_empty() && expression_families(expression) != in_files)
        .then(|| in_files.into_iter().collect::<Vec<_>>().join(", "))
}

/// Whether a file of this class names the licence it grants (a modified or unrecognised
/// text names only its closest match).
fn names_its_licence(class: Class) -> bool {
    matches!(
        class,
        Class::Exact
            | Class::Appended
            | Class::NoticeOnly
            | Class::TemplateUnfilled
            | Class::Translated
    )
}

/// The licence families the files hold.
fn file_families(files: &[LicenceFile]) -> BTreeSet<String> {
    files
        .iter()
        .filter(|f| names_its_licence(f.class))
        .flat_map(|f| f.licences.iter().map(|l| family(&l.id)))
        .collect()
}

/// Whether an expression names a GNU licence without `-only` or `-or-later`.
fn names_an_open_family(expression: &str) -> bool {
    // On the words as written: parsing reads a bare `GPL-3.0` as `GPL-3.0-only`.
    expression
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .any(|id| !id.ends_with('+') && variants(id, false).len() > 1)
}

/// The licence families an expression names.
fn expression_families(expression: &str) -> BTreeSet<String> {
    crate::licence::dependencies::licence_ids(expression)
        .iter()
        .map(|id| family(id))
        .collect()
}

/// Reads the licence files and the manifests.
fn find(context: &Context<'_>) -> Result<Findings, Box<Outcome>> {
    let repo = context.repo;
    let root = repo
        .list(".", 1)
        .map_err(|e| Box::new(Outcome::unlisted(&e)))?;
    let reuse = repo
        .list("LICENSES", 1)
        .map_err(|e| Box::new(Outcome::unlisted(&e)))?;
    let name = |entry: &Entry| entry.path.rsplit('/').next().unwrap_or("").to_owned();
    let mut files = Vec::new();
    let candidates = root
        .iter()
        .filter(|e| is_licence_name(&name(e)))
        .chain(reuse.iter());
    for entry in candidates {
        let Ok(content) = repo.read(entry, SCAN_BYTES) else {
            continue; // a link out of the repository, or too large: not read
        };
        let identification = text::identify(&content.text());
        files.push(LicenceFile {
            path: entry.path.clone(),
            class: identification.class,
            licences: identification.licences,
        });
    }
    let mut declarations = Vec::new();
    for entry in root.iter() {
        let file = name(entry);
        if !declared::MANIFESTS.contains(&file.as_str()) && !file.ends_with(".gemspec") {
            continue;
        }
        let Ok(content) = repo.read(entry, SCAN_BYTES) else {
            continue;
        };
        if let Some(stated) = declared::read_manifest(&file, &content.text()) {
            declarations.push(declared::declared(&entry.path, stated));
        }
    }
    // The main README (README.md rather than README.fr.md) may state the licence in words.
    let readme = root
        .iter()
        .filter(|e| name(e).to_ascii_lowercase().starts_with("readme"))
        .min_by_key(|e| (name(e).len(), e.path.clone()));
    let readme_text = readme
        .and_then(|e| repo.read(e, SCAN_BYTES).ok())
        .map(|c| c.text());
    if let (Some(entry), Some(text)) = (readme, &readme_text)
        && let Some((stated, expression)) = declared::readme_statement(text)
    {
        declarations.push(Declared {
            file: entry.path.clone(),
            expression: Some(expression),
            stated,
        });
    }
    let expression = combine(
        &mut files,
        &declarations,
        || readme_text.clone(),
        || gnu_variant_in_headers(repo),
    );
    Ok(Findings {
        files,
        declared: declarations,
        expression,
    })
}

/// How many files' headers are read, at most, to learn a GNU licence's variant.
const HEADER_FILES: usize = 200;

/// Whether the `SPDX-License-Identifier` headers of the project's first files (by path)
/// say `-or-later` (`true`) or `-only` (`false`) for a GNU licence; `None` when they say
/// nothing, or both.
fn gnu_variant_in_headers(repo: &crate::repo::RepoView) -> Option<bool> {
    let entries = repo.list(".", usize::MAX).ok()?;
    let (mut later, mut only) = (false, false);
    let candidates = entries.iter().filter(|entry| {
        let name = entry.path.rsplit('/').next().unwrap_or("");
        !entry.path.starts_with("LICENSES/") && !is_licence_name(name)
    });
    for entry in candidates.take(HEADER_FILES) {
        let Ok(content) = repo.read(entry, 4096) else {
            continue;
        };
        let header = crate::licence::reuse::read_header(&content.text());
        for id in header.licences.iter().flat_map(|l| l.split_whitespace()) {
            let id = id.trim_matches(|c| c == '(' || c == ')');
            if !["GPL-", "LGPL-", "AGPL-"].iter().any(|p| id.starts_with(p)) {
                continue;
            }
            later |= id.ends_with("-or-later") || id.ends_with('+');
            only |= id.ends_with("-only");
        }
    }
    match (later, only) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// One expression for the project: a declaration naming the same licences as the files,
/// else the files' licences, all of which apply. A GNU family takes the variant the
/// declarations, the README or else the files' SPDX headers state.
fn combine(
    files: &mut [LicenceFile],
    declared: &[Declared],
    readme: impl FnOnce() -> Option<String>,
    headers: impl FnOnce() -> Option<bool>,
) -> Option<String> {
    let families = file_families(files);
    if families.is_empty() {
        return None;
    }
    // A declaration that leaves a GNU variant open (the README's "GPL v3") does not settle
    // the expression: the prose and the headers may yet.
    if let Some(expression) = declared
        .iter()
        .filter_map(|d| d.expression.as_ref())
        .filter(|e| !names_an_open_family(e))
        .find(|e| expression_families(e) == families)
    {
        // The declaration says which GNU variant: the files' families are resolved.
        for file in files.iter_mut() {
            for found in &mut file.licences {
                found.family = false;
            }
        }
        return Some(expression.clone());
    }
    let open_family = files
        .iter()
        .any(|f| names_its_licence(f.class) && f.licences.iter().any(|l| l.family));
    let or_later = if open_family {
        readme()
            .and_then(|text| declared::gnu_variant_in_prose(&text))
            .or_else(headers)
    } else {
        None
    };
    let mut ids: Vec<String> = Vec::new();
    for file in files.iter_mut() {
        if !names_its_licence(file.class) {
            continue;
        }
        for found in &mut file.licences {
            let id = match (found.family, or_later) {
                (true, Some(true)) => format!("{}-or-later", found.id),
                (true, Some(false)) => format!("{}-only", found.id),
                _ => found.id.clone(),
            };
            if or_later.is_some() {
                found.family = false;
            }
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    Some(ids.join(" AND "))
}

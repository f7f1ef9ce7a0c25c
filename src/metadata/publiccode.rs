//! `publiccode.yml`: the description public administrations publish of their software
//! (standard 0.7; the versions the reference parser accepts), validated offline.
//!
//! The rules follow the reference validator of the standard: the same required keys,
//! value lists, lengths and conditions, unknown keys as errors and deprecated keys as
//! warnings. What needs the network or the repository (a URL answering, a logo being an
//! image, an iPA code being registered) is left out: URLs, e-mail addresses, dates and
//! language tags are checked for their shape only. Every problem is reported, each at the
//! line and column of the value, of its key, or of the nearest section for a missing key.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::{Finding, Severity};
use crate::i18n::Text;
use crate::text;
use crate::yaml::{self, Node, Path, Position, Step, Value};

/// What validating a `publiccode.yml` found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Validation {
    /// Every problem, sorted by position.
    pub findings: Vec<Finding>,
    /// What the document says of itself, as far as it could be read.
    pub summary: Summary,
}

/// The fields other checks compare with the repository.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `legal.license`, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
}

impl Validation {
    /// No error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.findings.iter().any(Finding::is_error)
    }

    /// How many findings are errors.
    pub fn errors(&self) -> usize {
        super::counts(&self.findings).0
    }

    /// How many findings are warnings.
    pub fn warnings(&self) -> usize {
        super::counts(&self.findings).1
    }
}

/// Validates a whole `publiccode.yml`. Never panics, whatever the bytes.
pub fn validate(bytes: &[u8]) -> Validation {
    let start = Position { line: 1, column: 1 };
    let source = match std::str::from_utf8(bytes) {
        Ok(source) => source,
        Err(error) => {
            let offset = error.valid_up_to();
            let message = text!(
                "the file is not UTF-8 text (first invalid byte at offset {offset})",
                "le fichier n'est pas du texte UTF-8 (premier octet invalide à la position {offset})"
            );
            return Validation {
                findings: vec![Finding::new(Severity::Error, "", start, message)],
                summary: Summary::default(),
            };
        }
    };
    let root = match yaml::parse(source) {
        Ok(root) => root,
        Err(error) => {
            let reason = error.message;
            let message = text!(
                "the YAML syntax is invalid: {reason}",
                "la syntaxe YAML est invalide : {reason}"
            );
            // A parser error without a location still needs a place in the file.
            let at = if error.position.line == 0 {
                start
            } else {
                error.position
            };
            return Validation {
                findings: vec![Finding::new(Severity::Error, "", at, message)],
                summary: Summary::default(),
            };
        }
    };
    let mut checker = Checker {
        source,
        findings: Vec::new(),
    };
    let summary = checker.document(&root);
    let mut findings = checker.findings;
    super::sort(&mut findings);
    Validation { findings, summary }
}

/// The versions of the standard the reference parser reads, besides `0.7.x`.
const ACCEPTED_VERSIONS: &[&str] = &[
    "0", "0.2", "0.2.0", "0.2.1", "0.2.2", "0.3", "0.3.0", "0.4", "0.4.0", "0.5", "0.5.0", "0.7",
];

const TOP_KEYS: &[&str] = &[
    "publiccodeYmlVersion",
    "name",
    "applicationSuite",
    "url",
    "landingURL",
    "isBasedOn",
    "softwareVersion",
    "releaseDate",
    "logo",
    "monochromeLogo",
    "organisation",
    "inputTypes",
    "outputTypes",
    "platforms",
    "categories",
    "usedBy",
    "fundedBy",
    "roadmap",
    "developmentStatus",
    "softwareType",
    "intendedAudience",
    "description",
    "legal",
    "maintenance",
    "localisation",
    "dependsOn",
    "supports",
    "IT",
    "it",
];
const ORGANISATION_KEYS: &[&str] = &["uri", "name"];
const AUDIENCE_KEYS: &[&str] = &["scope", "countries", "unsupportedCountries"];
const DESCRIPTION_KEYS: &[&str] = &[
    "localisedName",
    "genericName",
    "shortDescription",
    "longDescription",
    "documentation",
    "apiDocumentation",
    "features",
    "screenshots",
    "videos",
    "awards",
];
const LEGAL_KEYS: &[&str] = &["license", "mainCopyrightOwner", "repoOwner", "authorsFile"];
const MAINTENANCE_KEYS: &[&str] = &["type", "contractors", "contacts"];
const CONTRACTOR_KEYS: &[&str] = &["name", "email", "website", "until"];
const CONTACT_KEYS: &[&str] = &["name", "email", "phone", "affiliation"];
const LOCALISATION_KEYS: &[&str] = &["localisationReady", "availableLanguages"];
const DEPENDS_ON_KEYS: &[&str] = &["open", "proprietary", "hardware"];
const DEPENDENCY_KEYS: &[&str] = &["name", "versionMin", "versionMax", "version", "optional"];
const ITALY_KEYS: &[&str] = &[
    "countryExtensionVersion",
    "conforme",
    "riuso",
    "piattaforme",
];
const ITALY_CONFORMITY_KEYS: &[&str] = &[
    "lineeGuidaDesign",
    "modelloInteroperabilita",
    "misureMinimeSicurezza",
    "gdpr",
];
const ITALY_REUSE_KEYS: &[&str] = &["codiceIPA"];
const ITALY_PLATFORM_KEYS: &[&str] = &["spid", "pagopa", "cie", "anpr", "io"];

const DEVELOPMENT_STATUSES: &[&str] = &["concept", "development", "beta", "stable", "obsolete"];
const SOFTWARE_TYPES: &[&str] = &[
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
];
const MAINTENANCE_TYPES: &[&str] = &["internal", "contract", "community", "none"];
const ITALY_EXTENSION_VERSIONS: &[&str] = &["0.2", "1.0"];

/// The standard's controlled list of categories (`categories-list`).
const CATEGORIES: &[&str] = &[
    "accounting",
    "agile-project-management",
    "applicant-tracking",
    "application-development",
    "appointment-scheduling",
    "backup",
    "billing-and-invoicing",
    "blog",
    "budgeting",
    "business-intelligence",
    "business-process-management",
    "cad",
    "call-center-management",
    "cloud-management",
    "collaboration",
    "communications",
    "compliance-management",
    "contact-management",
    "content-management",
    "crm",
    "customer-service-and-support",
    "data-analytics",
    "data-collection",
    "data-visualization",
    "design",
    "design-system",
    "digital-asset-management",
    "digital-citizenship",
    "document-management",
    "donor-management",
    "e-commerce",
    "e-signature",
    "educational-content",
    "email-management",
    "email-marketing",
    "employee-management",
    "enterprise-project-management",
    "enterprise-social-networking",
    "erp",
    "event-management",
    "facility-management",
    "feedback-and-reviews-management",
    "financial-reporting",
    "fleet-management",
    "fundraising",
    "gamification",
    "geographic-information-systems",
    "grant-management",
    "graphic-design",
    "help-desk",
    "hr",
    "ide",
    "identity-management",
    "instant-messaging",
    "integrated-library-system",
    "inventory-management",
    "it-asset-management",
    "it-development",
    "it-management",
    "it-security",
    "it-service-management",
    "knowledge-management",
    "learning-management-system",
    "marketing",
    "mind-mapping",
    "mobile-marketing",
    "mobile-payment",
    "network-management",
    "office",
    "online-booking",
    "online-community",
    "payment-gateway",
    "payroll",
    "predictive-analysis",
    "procurement",
    "productivity-suite",
    "project-collaboration",
    "project-management",
    "property-management",
    "real-estate-management",
    "regulations-and-directives",
    "remote-support",
    "resource-management",
    "sales-management",
    "seo",
    "service-desk",
    "social-media-management",
    "survey",
    "talent-management",
    "task-management",
    "taxes-management",
    "test-management",
    "time-management",
    "time-tracking",
    "translation",
    "video-conferencing",
    "video-editing",
    "visitor-management",
    "voip",
    "warehouse-management",
    "web-collaboration",
    "web-conferencing",
    "whistleblowing",
    "website-builder",
    "workflow-management",
    "other",
];

/// The standard's controlled list of fields of application (`scope-list`).
const SCOPES: &[&str] = &[
    "agriculture",
    "culture",
    "defence",
    "education",
    "emergency-services",
    "employment",
    "energy",
    "environment",
    "finance-and-economic-development",
    "foreign-affairs",
    "government",
    "healthcare",
    "infrastructures",
    "justice",
    "local-authorities",
    "manufacturing",
    "research",
    "science-and-technology",
    "security",
    "society",
    "sport",
    "tourism",
    "transportation",
    "welfare",
];

/// BCP 47 tags that predate its syntax and are well-formed by decree (RFC 5646, 2.2.8).
const GRANDFATHERED_TAGS: &[&str] = &[
    "en-gb-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-be-fr",
    "sgn-be-nl",
    "sgn-ch-de",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
];

const SHORT_DESCRIPTION_MAX: usize = 150;
const LONG_DESCRIPTION_MIN: usize = 150;
const LONG_DESCRIPTION_MAX: usize = 10_000;
const GENERIC_NAME_MAX: usize = 35;

/// How SPDX expressions are read: strictly, as the reference does, but deprecated
/// identifiers (`GPL-3.0`, `GPL-2.0+`) still parse, since the reference accepts them; they
/// get a warning of their own.
const LICENCE_PARSE_MODE: spdx::ParseMode = spdx::ParseMode {
    allow_slash_as_or_operator: false,
    allow_imprecise_license_names: false,
    allow_postfix_plus_on_gpl: true,
    allow_deprecated: true,
    allow_unknown: false,
};

/// An address with a local part, an `@` and a domain of at least two labels.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$",
    )
    .expect("the e-mail pattern is valid")
});

/// The type a key expects.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    List,
    Mapping,
    Boolean,
}

impl Kind {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Kind::Text => ("text", "du texte"),
            Kind::List => ("a list", "une liste"),
            Kind::Mapping => ("a mapping of keys", "un dictionnaire de clés"),
            Kind::Boolean => ("true or false", "true ou false"),
        }
    }
}

/// What a node holds, to say what was found instead of the expected type.
fn found(node: &Node) -> (&'static str, &'static str) {
    match node.value {
        Value::Null => ("nothing", "rien"),
        Value::Bool(_) => ("a boolean", "un booléen"),
        Value::Int(_) | Value::Float(_) => ("a number", "un nombre"),
        Value::String(_) => ("text", "du texte"),
        Value::Sequence(_) => ("a list", "une liste"),
        Value::Mapping(_) => ("a mapping", "un dictionnaire"),
    }
}

/// Which shape a link must have.
#[derive(Clone, Copy)]
enum Link {
    /// Any URL with a scheme (`url`, `isBasedOn`): a repository may be `git://` or `svn://`.
    Any,
    /// An `http://` or `https://` URL.
    Web,
    /// A path relative to the repository root, or a web URL (logos, screenshots).
    PathOrWeb,
    /// A URL or a URN naming an organisation.
    Organisation,
}

/// A value found under a key or at an index of a list, with where it sits.
struct Field<'n> {
    path: Path,
    /// Where the key is written; the element itself for a list item.
    key_at: Position,
    node: &'n Node,
}

impl Field<'_> {
    fn is_null(&self) -> bool {
        matches!(self.node.value, Value::Null)
    }

    /// Where a problem with the value is reported: the value, or its key when it is empty
    /// (an empty value has no position of its own worth showing).
    fn at(&self) -> Position {
        if self.is_null() {
            self.key_at
        } else {
            self.node.position
        }
    }

    fn label(&self) -> String {
        label(&self.path)
    }
}

/// A mapping whose keys have been checked, with the place where missing keys are reported.
struct Section<'n> {
    path: Path,
    anchor: Position,
    entries: &'n [(String, Position, Node)],
}

impl<'n> Section<'n> {
    fn get(&self, key: &str) -> Option<Field<'n>> {
        self.entries
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(k, at, node)| Field {
                path: self.path.key(k),
                key_at: *at,
                node,
            })
    }

    /// A section that must exist; when it does not, it reads as empty so that the keys it
    /// requires are reported (`legal.license`, as the reference does).
    fn get_or_empty(&self, key: &str) -> Field<'n> {
        static EMPTY: Node = Node {
            value: Value::Null,
            position: Position { line: 0, column: 0 },
        };
        self.get(key).unwrap_or_else(|| Field {
            path: self.path.key(key),
            key_at: self.anchor,
            node: &EMPTY,
        })
    }

    /// The key with a value; an empty value counts as absent for an optional key.
    fn value(&self, key: &str) -> Option<Field<'n>> {
        self.get(key).filter(|field| !field.is_null())
    }
}

/// The last key of a path, with the index when the path ends in a list item
/// (`categories[2]`): what a message calls the value.
fn label(path: &Path) -> String {
    let mut index = None;
    for step in path.0.iter().rev() {
        match (step, index) {
            (Step::Index(i), None) => index = Some(*i),
            (Step::Index(_), Some(_)) => {}
            (Step::Key(key), None) => return key.clone(),
            (Step::Key(key), Some(i)) => return format!("{key}[{i}]"),
        }
    }
    String::new()
}

/// A value as messages quote it: one line, at most 60 characters.
fn shown(value: &str) -> String {
    let one_line: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let one_line = one_line.trim();
    if one_line.chars().count() > 60 {
        let head: String = one_line.chars().take(59).collect();
        format!("{head}…")
    } else {
        one_line.to_owned()
    }
}

struct Checker<'s> {
    source: &'s str,
    findings: Vec<Finding>,
}

impl Checker<'_> {
    fn error(&mut self, path: &Path, at: Position, message: Text) {
        self.findings
            .push(Finding::new(Severity::Error, path.to_string(), at, message));
    }

    fn warning(&mut self, path: &Path, at: Position, message: Text) {
        self.findings.push(Finding::new(
            Severity::Warning,
            path.to_string(),
            at,
            message,
        ));
    }

    fn document(&mut self, root: &Node) -> Summary {
        if !matches!(root.value, Value::Mapping(_) | Value::Null) {
            let (found_en, found_fr) = found(root);
            self.error(
                &Path::default(),
                root.position,
                text!(
                    "a publiccode.yml must be a mapping of keys such as `name: …`, not {found_en}",
                    "un publiccode.yml doit être un dictionnaire de clés comme `name: …`, pas {found_fr}"
                ),
            );
            return Summary::default();
        }
        let root_field = Field {
            path: Path::default(),
            key_at: root.position,
            node: root,
        };
        let Some(top) = self.section(&root_field, TOP_KEYS) else {
            return Summary::default();
        };
        let version = self.version(&top);
        let name = self.required_text(&top, "name").map(|(_, name)| name);
        if let Some(field) = top.value("applicationSuite") {
            self.text(&field);
        }
        let url = self.required_text(&top, "url").map(|(field, url)| {
            self.link(&field, &url, Link::Any);
            url
        });
        self.optional_link(&top, "landingURL", Link::Web);
        self.based_on(&top);
        if let Some(field) = top.value("softwareVersion") {
            self.text(&field);
        }
        if let Some(field) = top.value("releaseDate") {
            self.date(&field);
        }
        self.optional_link(&top, "logo", Link::PathOrWeb);
        if let Some(field) = top.get("monochromeLogo") {
            self.deprecated(&field, "use `logo` instead", "utilisez `logo` à la place");
        }
        self.optional_link(&top, "monochromeLogo", Link::PathOrWeb);
        self.organisation(&top);
        for key in ["inputTypes", "outputTypes"] {
            if let Some(field) = top.get(key) {
                self.deprecated(&field, "it can be removed", "elle peut être supprimée");
            }
            if let Some(field) = top.value(key) {
                for (item, value) in self.texts(&field) {
                    self.media_type(&item, &value);
                }
            }
        }
        self.platforms(&top);
        if let Some(field) = top.value("categories") {
            for (item, value) in self.texts(&field) {
                self.listed(&item, &value, CATEGORIES, "categories", "catégories");
            }
        }
        if let Some(field) = top.value("usedBy") {
            self.texts(&field);
        }
        self.funded_by(&top);
        self.optional_link(&top, "roadmap", Link::Web);
        if let Some((field, status)) = self.required_text(&top, "developmentStatus") {
            self.one_of(&field, &status, DEVELOPMENT_STATUSES);
        }
        if let Some((field, kind)) = self.required_text(&top, "softwareType") {
            self.one_of(&field, &kind, SOFTWARE_TYPES);
        }
        self.intended_audience(&top);
        self.description(&top);
        let license = self.legal(&top);
        self.maintenance(&top);
        self.localisation(&top);
        self.depends_on(&top);
        self.italy(&top);
        Summary {
            version,
            name,
            url,
            license,
        }
    }

    /// `publiccodeYmlVersion`, read as written: `0.10` is not `0.1`.
    fn version(&mut self, top: &Section) -> Option<String> {
        let field = self.required(top, "publiccodeYmlVersion")?;
        let version = match &field.node.value {
            Value::String(version) => version.clone(),
            Value::Int(_) | Value::Float(_) => {
                let version = self.as_written(field.node);
                let quoted = format!("\"{version}\"");
                self.warning(
                    &field.path,
                    field.at(),
                    text!(
                        "`publiccodeYmlVersion` should be quoted text, {quoted}: the reference validator refuses a number here",
                        "`publiccodeYmlVersion` devrait être du texte entre guillemets, {quoted} : le validateur de référence refuse un nombre ici"
                    ),
                );
                version
            }
            _ => {
                self.wrong_type(&field, Kind::Text);
                return None;
            }
        };
        let current = version == "0"
            || version == "0.7"
            || version.strip_prefix("0.7.").is_some_and(|patch| {
                !patch.is_empty() && patch.bytes().all(|b| b.is_ascii_digit())
            });
        let shown_version = shown(&version);
        if current {
            // The latest version: nothing to say.
        } else if ACCEPTED_VERSIONS.contains(&version.as_str()) {
            self.warning(
                &field.path,
                field.at(),
                text!(
                    "version `{shown_version}` of the standard is outdated: write \"0\" (the latest 0.x) or \"0.7\"",
                    "la version `{shown_version}` du standard est dépassée : écrivez \"0\" (la dernière 0.x) ou \"0.7\""
                ),
            );
        } else {
            let accepted = ACCEPTED_VERSIONS.join(", ");
            self.error(
                &field.path,
                field.at(),
                text!(
                    "`{shown_version}` is not a version of the standard: use one of {accepted} or 0.7.x",
                    "`{shown_version}` n'est pas une version du standard : utilisez {accepted} ou 0.7.x"
                ),
            );
        }
        Some(version)
    }

    fn based_on(&mut self, top: &Section) {
        let Some(field) = top.value("isBasedOn") else {
            return;
        };
        // One URL, or a list of them.
        if let Value::String(url) = &field.node.value {
            self.link(&field, url, Link::Any);
            return;
        }
        for (item, url) in self.texts(&field) {
            self.link(&item, &url, Link::Any);
        }
    }

    fn organisation(&mut self, top: &Section) {
        let Some(field) = top.get("organisation") else {
            return;
        };
        let Some(organisation) = self.section(&field, ORGANISATION_KEYS) else {
            return;
        };
        if let Some((uri, value)) = self.required_text(&organisation, "uri") {
            self.link(&uri, &value, Link::Organisation);
        }
        if let Some(name) = organisation.value("name") {
            self.text(&name);
        }
    }

    fn funded_by(&mut self, top: &Section) {
        let Some(field) = top.value("fundedBy") else {
            return;
        };
        for item in self.list(&field) {
            let Some(funder) = self.section(&item, ORGANISATION_KEYS) else {
                continue;
            };
            if let Some((uri, value)) = self.required_text(&funder, "uri") {
                self.link(&uri, &value, Link::Organisation);
            }
            if let Some(name) = funder.value("name") {
                self.text(&name);
            }
        }
    }

    fn platforms(&mut self, top: &Section) {
        let Some(field) = self.required(top, "platforms") else {
            return;
        };
        let Value::Sequence(items) = &field.node.value else {
            self.wrong_type(&field, Kind::List);
            return;
        };
        if items.is_empty() {
            self.empty_list(&field);
        }
        // Values outside web, windows, mac, linux, ios and android are allowed.
        for (item, value) in self.texts(&field) {
            self.not_blank(&item, &value);
        }
    }

    fn intended_audience(&mut self, top: &Section) {
        let Some(field) = top.get("intendedAudience") else {
            return;
        };
        let Some(audience) = self.section(&field, AUDIENCE_KEYS) else {
            return;
        };
        if let Some(scope) = audience.value("scope") {
            for (item, value) in self.texts(&scope) {
                self.listed(&item, &value, SCOPES, "scopes", "domaines");
            }
        }
        for key in ["countries", "unsupportedCountries"] {
            if let Some(countries) = audience.value(key) {
                for (item, code) in self.texts(&countries) {
                    self.country(&item, &code);
                }
            }
        }
    }

    fn description(&mut self, top: &Section) {
        let Some(field) = self.required(top, "description") else {
            return;
        };
        let Value::Mapping(languages) = &field.node.value else {
            self.wrong_type(&field, Kind::Mapping);
            return;
        };
        if languages.is_empty() {
            self.error(
                &field.path,
                field.at(),
                text!(
                    "`description` needs at least one language, such as `en:`",
                    "`description` doit avoir au moins une langue, comme `en:`"
                ),
            );
            return;
        }
        // The standard asks for these in at least one language; the reference validator
        // wants them in each. Lacking them everywhere is an error, somewhere a warning.
        let mut missing_long = Vec::new();
        let mut missing_features = Vec::new();
        let mut languages_read = 0;
        for (language, key_at, node) in languages {
            let path = field.path.key(language);
            if !is_language_tag(language) {
                let shown_language = shown(language);
                self.error(
                    &path,
                    *key_at,
                    text!(
                        "`{shown_language}` is not a BCP 47 language tag such as `en`, `fr` or `pt-BR`",
                        "`{shown_language}` n'est pas une étiquette de langue BCP 47 comme `en`, `fr` ou `pt-BR`"
                    ),
                );
            }
            let language_field = Field {
                path,
                key_at: *key_at,
                node,
            };
            let Some(description) = self.section(&language_field, DESCRIPTION_KEYS) else {
                continue;
            };
            languages_read += 1;
            if description.value("longDescription").is_none() {
                missing_long.push((description.path.key("longDescription"), *key_at));
            }
            if description.value("features").is_none() {
                missing_features.push((description.path.key("features"), *key_at));
            }
            self.language_description(&description);
        }
        self.in_one_language(&missing_long, languages_read, "longDescription");
        self.in_one_language(&missing_features, languages_read, "features");
    }

    /// One language of `description`.
    fn language_description(&mut self, description: &Section) {
        if let Some(name) = description.value("localisedName") {
            self.text(&name);
        }
        if let Some(generic) = description.get("genericName") {
            self.deprecated(&generic, "it can be removed", "elle peut être supprimée");
        }
        if let Some(generic) = description.value("genericName")
            && let Some(value) = self.text(&generic)
        {
            self.at_most(&generic, &value, GENERIC_NAME_MAX);
        }
        if let Some((short, value)) = self.required_text(description, "shortDescription") {
            self.at_most(&short, &value, SHORT_DESCRIPTION_MAX);
        }
        if let Some(long) = description.value("longDescription")
            && let Some(value) = self.text(&long)
        {
            self.long_description(&long, &value);
        }
        if let Some(features) = description.value("features") {
            if matches!(&features.node.value, Value::Sequence(items) if items.is_empty()) {
                self.empty_list(&features);
            }
            for (item, value) in self.texts(&features) {
                self.not_blank(&item, &value);
            }
        }
        self.optional_link(description, "documentation", Link::Web);
        self.optional_link(description, "apiDocumentation", Link::Web);
        if let Some(screenshots) = description.value("screenshots") {
            for (item, value) in self.texts(&screenshots) {
                self.link(&item, &value, Link::PathOrWeb);
            }
        }
        if let Some(videos) = description.value("videos") {
            for (item, value) in self.texts(&videos) {
                self.link(&item, &value, Link::Web);
            }
        }
        if let Some(awards) = description.value("awards") {
            self.texts(&awards);
        }
    }

    /// Reports a key of `description.<lang>` missing from some languages, at the language:
    /// an error when no language has it, a warning for each one that lacks it otherwise.
    fn in_one_language(&mut self, missing: &[(Path, Position)], languages: usize, key: &str) {
        let everywhere = missing.len() >= languages;
        for (path, at) in missing {
            if everywhere {
                self.error(
                    path,
                    *at,
                    text!(
                        "`{key}` is required in at least one language",
                        "`{key}` est obligatoire dans au moins une langue"
                    ),
                );
            } else {
                self.warning(
                    path,
                    *at,
                    text!(
                        "`{key}` is missing in this language: the standard is content with one language, the reference validator wants it in each",
                        "`{key}` manque dans cette langue : le standard se contente d'une langue, le validateur de référence le veut dans chacune"
                    ),
                );
            }
        }
    }

    fn long_description(&mut self, field: &Field, value: &str) {
        let length = value.chars().count();
        if length < LONG_DESCRIPTION_MIN {
            let label = field.label();
            self.error(
                &field.path,
                field.at(),
                text!(
                    "`{label}` must be at least {LONG_DESCRIPTION_MIN} characters long, not {length}",
                    "`{label}` doit compter au moins {LONG_DESCRIPTION_MIN} caractères, pas {length}"
                ),
            );
        } else {
            self.at_most(field, value, LONG_DESCRIPTION_MAX);
        }
    }

    /// `legal`; gives `license` as written.
    fn legal(&mut self, top: &Section) -> Option<String> {
        let field = top.get_or_empty("legal");
        let legal = self.section(&field, LEGAL_KEYS)?;
        let license = self
            .required_text(&legal, "license")
            .map(|(field, license)| {
                self.licence(&field, &license);
                license
            });
        if let Some(owner) = legal.value("mainCopyrightOwner") {
            self.text(&owner);
        }
        if let Some(owner) = legal.get("repoOwner") {
            self.deprecated(
                &owner,
                "use `organisation.name` instead",
                "utilisez `organisation.name` à la place",
            );
        }
        if let Some(owner) = legal.value("repoOwner") {
            self.text(&owner);
        }
        if let Some(authors) = legal.get("authorsFile") {
            self.deprecated(&authors, "it can be removed", "elle peut être supprimée");
        }
        self.optional_link(&legal, "authorsFile", Link::PathOrWeb);
        license
    }

    fn licence(&mut self, field: &Field, expression: &str) {
        match spdx::Expression::parse_mode(expression, LICENCE_PARSE_MODE) {
            Ok(parsed) => {
                for requirement in parsed.requirements() {
                    if let spdx::LicenseItem::Spdx { id, .. } = &requirement.req.license
                        && id.is_deprecated()
                    {
                        let name = id.name;
                        self.warning(
                            &field.path,
                            field.at(),
                            text!(
                                "`{name}` is a deprecated SPDX identifier: use its current form, such as `GPL-3.0-only` or `GPL-3.0-or-later` for `GPL-3.0`",
                                "`{name}` est un identifiant SPDX obsolète : utilisez sa forme actuelle, comme `GPL-3.0-only` ou `GPL-3.0-or-later` pour `GPL-3.0`"
                            ),
                        );
                    }
                }
            }
            Err(error) => {
                let (reason_en, reason_fr) = licence_reason(&error.reason);
                let term = shown(expression.get(error.span.clone()).unwrap_or_default());
                let whole = shown(expression);
                let message = if term.is_empty() {
                    text!(
                        "`{whole}` is not a valid SPDX licence expression: {reason_en}",
                        "`{whole}` n'est pas une expression de licence SPDX valide : {reason_fr}"
                    )
                } else {
                    text!(
                        "`{whole}` is not a valid SPDX licence expression: {reason_en} (`{term}`)",
                        "`{whole}` n'est pas une expression de licence SPDX valide : {reason_fr} (`{term}`)"
                    )
                };
                self.error(&field.path, field.at(), message);
            }
        }
    }

    fn maintenance(&mut self, top: &Section) {
        let field = top.get_or_empty("maintenance");
        let Some(maintenance) = self.section(&field, MAINTENANCE_KEYS) else {
            return;
        };
        let kind = self
            .required_text(&maintenance, "type")
            .and_then(|(field, kind)| {
                self.one_of(&field, &kind, MAINTENANCE_TYPES)
                    .then_some(kind)
            });
        let contractors = maintenance.value("contractors");
        let contacts = maintenance.value("contacts");
        // With an unknown type, which of the two lists is due cannot be told.
        match kind.as_deref() {
            Some("contract") if contractors.is_none() => self.error(
                &maintenance.path.key("contractors"),
                maintenance
                    .get("type")
                    .map_or(maintenance.anchor, |f| f.key_at),
                text!(
                    "`contractors` is required when `type` is `contract`",
                    "`contractors` est obligatoire quand `type` vaut `contract`"
                ),
            ),
            Some(other @ ("internal" | "community" | "none")) => {
                if let Some(contractors) = &contractors {
                    self.error(
                        &contractors.path,
                        contractors.key_at,
                        text!(
                            "`contractors` is only for a `contract` maintenance, not `{other}`",
                            "`contractors` n'a sa place qu'avec une maintenance `contract`, pas `{other}`"
                        ),
                    );
                }
                if other != "none" && contacts.is_none() {
                    self.error(
                        &maintenance.path.key("contacts"),
                        maintenance
                            .get("type")
                            .map_or(maintenance.anchor, |f| f.key_at),
                        text!(
                            "`contacts` is required when `type` is `{other}`",
                            "`contacts` est obligatoire quand `type` vaut `{other}`"
                        ),
                    );
                }
            }
            _ => {}
        }
        if let Some(field) = contractors {
            let items = self.list(&field);
            if items.is_empty() && matches!(field.node.value, Value::Sequence(_)) {
                self.empty_list(&field);
            }
            for item in items {
                let Some(contractor) = self.section(&item, CONTRACTOR_KEYS) else {
                    continue;
                };
                self.required_text(&contractor, "name");
                if let Some(until) = self.required(&contractor, "until") {
                    self.date(&until);
                }
                if let Some(email) = contractor.value("email") {
                    self.email(&email);
                }
                self.optional_link(&contractor, "website", Link::Web);
            }
        }
        if let Some(field) = contacts {
            let items = self.list(&field);
            if items.is_empty() && matches!(field.node.value, Value::Sequence(_)) {
                self.empty_list(&field);
            }
            for item in items {
                let Some(contact) = self.section(&item, CONTACT_KEYS) else {
                    continue;
                };
                self.required_text(&contact, "name");
                if let Some(email) = contact.value("email") {
                    self.email(&email);
                }
                for key in ["phone", "affiliation"] {
                    if let Some(value) = contact.value(key) {
                        self.text(&value);
                    }
                }
            }
        }
    }

    fn localisation(&mut self, top: &Section) {
        let field = top.get_or_empty("localisation");
        let Some(localisation) = self.section(&field, LOCALISATION_KEYS) else {
            return;
        };
        if let Some(ready) = self.required(&localisation, "localisationReady") {
            self.boolean(&ready);
        }
        if let Some(languages) = self.required(&localisation, "availableLanguages") {
            let Value::Sequence(items) = &languages.node.value else {
                self.wrong_type(&languages, Kind::List);
                return;
            };
            if items.is_empty() {
                self.empty_list(&languages);
            }
            for (item, tag) in self.texts(&languages) {
                if !is_language_tag(&tag) {
                    let label = item.label();
                    let shown_tag = shown(&tag);
                    self.error(
                        &item.path,
                        item.at(),
                        text!(
                            "`{label}` must be a BCP 47 language tag such as `en`, `fr` or `pt-BR`, not `{shown_tag}`",
                            "`{label}` doit être une étiquette de langue BCP 47 comme `en`, `fr` ou `pt-BR`, pas `{shown_tag}`"
                        ),
                    );
                }
            }
        }
    }

    fn depends_on(&mut self, top: &Section) {
        let Some(field) = top.get("dependsOn") else {
            return;
        };
        let Some(depends_on) = self.section(&field, DEPENDS_ON_KEYS) else {
            return;
        };
        for key in DEPENDS_ON_KEYS {
            let Some(list) = depends_on.value(key) else {
                continue;
            };
            for item in self.list(&list) {
                let Some(dependency) = self.section(&item, DEPENDENCY_KEYS) else {
                    continue;
                };
                self.required_text(&dependency, "name");
                for version in ["versionMin", "versionMax", "version"] {
                    if let Some(value) = dependency.value(version) {
                        self.text(&value);
                    }
                }
                if let Some(optional) = dependency.value("optional") {
                    self.boolean(&optional);
                }
            }
        }
    }

    /// The Italian section, `IT` (or `it`, its older spelling).
    fn italy(&mut self, top: &Section) {
        let upper = top.get("IT");
        let lower = top.get("it");
        if let Some(field) = &upper {
            self.warning(
                &field.path,
                field.key_at,
                text!(
                    "country sections such as `IT` are deprecated in the standard",
                    "les sections par pays comme `IT` sont obsolètes dans le standard"
                ),
            );
        }
        if let Some(field) = &lower {
            if upper.is_some() {
                self.error(
                    &field.path,
                    field.key_at,
                    text!(
                        "`it` repeats the `IT` section: keep only `IT`",
                        "`it` double la section `IT` : ne gardez que `IT`"
                    ),
                );
            } else {
                self.warning(
                    &field.path,
                    field.key_at,
                    text!(
                        "the country section `it` is deprecated, and so is its lowercase spelling: write `IT` while the section stays",
                        "la section par pays `it` est obsolète, comme son écriture en minuscules : écrivez `IT` tant que la section reste"
                    ),
                );
            }
        }
        for field in [upper, lower].into_iter().flatten() {
            self.italy_section(&field);
        }
    }

    fn italy_section(&mut self, field: &Field) {
        let Some(italy) = self.section(field, ITALY_KEYS) else {
            return;
        };
        if let Some(version) = italy.value("countryExtensionVersion")
            && let Some(value) = self.text(&version)
        {
            self.one_of(&version, &value, ITALY_EXTENSION_VERSIONS);
        }
        if let Some(conformity) = italy.get("conforme") {
            self.deprecated(&conformity, "it can be removed", "elle peut être supprimée");
            if let Some(section) = self.section(&conformity, ITALY_CONFORMITY_KEYS) {
                self.booleans(&section, ITALY_CONFORMITY_KEYS);
            }
        }
        if let Some(reuse) = italy.get("riuso")
            && let Some(section) = self.section(&reuse, ITALY_REUSE_KEYS)
            && let Some(code) = section.value("codiceIPA")
            && let Some(value) = self.text(&code)
        {
            let uri = format!("urn:x-italian-pa:{}", shown(&value));
            self.warning(
                &code.path,
                code.key_at,
                text!(
                    "`codiceIPA` is deprecated: set `organisation.uri` to `{uri}` instead",
                    "`codiceIPA` est obsolète : donnez plutôt `{uri}` à `organisation.uri`"
                ),
            );
        }
        if let Some(platforms) = italy.get("piattaforme")
            && let Some(section) = self.section(&platforms, ITALY_PLATFORM_KEYS)
        {
            self.booleans(&section, ITALY_PLATFORM_KEYS);
        }
    }

    fn booleans(&mut self, section: &Section, keys: &[&str]) {
        for key in keys {
            if let Some(value) = section.value(key) {
                self.boolean(&value);
            }
        }
    }

    // Building blocks.

    /// The field as a section: unknown keys are errors, an empty value is an empty
    /// section (its required keys are then reported missing). `None` when not a mapping.
    fn section<'n>(&mut self, field: &Field<'n>, known: &[&str]) -> Option<Section<'n>> {
        let entries: &'n [(String, Position, Node)] = match &field.node.value {
            Value::Mapping(entries) => entries,
            Value::Null => &[],
            _ => {
                self.wrong_type(field, Kind::Mapping);
                return None;
            }
        };
        for (key, at, _) in entries {
            if !known.contains(&key.as_str()) {
                self.unknown_key(&field.path.key(key), *at, key, known);
            }
        }
        Some(Section {
            path: field.path.clone(),
            anchor: field.key_at,
            entries,
        })
    }

    fn unknown_key(&mut self, path: &Path, at: Position, key: &str, known: &[&str]) {
        let key = shown(key);
        let mut message = text!(
            "`{key}` is not a key of the standard here",
            "`{key}` n'est pas une clé du standard à cet endroit"
        );
        if let Some(close) = super::closest(&key, known) {
            message.push(&text!(
                ", did you mean `{close}`?",
                ", vouliez-vous dire `{close}` ?"
            ));
        }
        self.error(path, at, message);
    }

    fn deprecated(&mut self, field: &Field, advice_en: &str, advice_fr: &str) {
        let label = field.label();
        self.warning(
            &field.path,
            field.key_at,
            text!(
                "`{label}` is deprecated: {advice_en}",
                "`{label}` est obsolète : {advice_fr}"
            ),
        );
    }

    fn wrong_type(&mut self, field: &Field, expected: Kind) {
        let label = field.label();
        let (expected_en, expected_fr) = expected.names();
        let (found_en, found_fr) = found(field.node);
        self.error(
            &field.path,
            field.at(),
            text!(
                "`{label}` must be {expected_en}, not {found_en}",
                "`{label}` doit être {expected_fr}, pas {found_fr}"
            ),
        );
    }

    /// A key that must be present with a value.
    fn required<'n>(&mut self, section: &Section<'n>, key: &str) -> Option<Field<'n>> {
        match section.get(key) {
            None => {
                self.error(
                    &section.path.key(key),
                    section.anchor,
                    text!("`{key}` is required", "`{key}` est obligatoire"),
                );
                None
            }
            Some(field) if field.is_null() => {
                self.error(
                    &field.path,
                    field.key_at,
                    text!(
                        "`{key}` is required but has no value",
                        "`{key}` est obligatoire mais n'a pas de valeur"
                    ),
                );
                None
            }
            Some(field) => Some(field),
        }
    }

    /// A key that must be present with text that is not blank.
    fn required_text<'n>(
        &mut self,
        section: &Section<'n>,
        key: &str,
    ) -> Option<(Field<'n>, String)> {
        let field = self.required(section, key)?;
        let text = self.text(&field)?.into_owned();
        self.not_blank(&field, &text).then_some((field, text))
    }

    fn not_blank(&mut self, field: &Field, text: &str) -> bool {
        if !text.trim().is_empty() {
            return true;
        }
        let label = field.label();
        self.error(
            &field.path,
            field.at(),
            text!(
                "`{label}` must not be blank",
                "`{label}` ne doit pas être vide"
            ),
        );
        false
    }

    /// The value as text; a number counts, as written (`softwareVersion: 1.10`).
    fn text<'n>(&mut self, field: &Field<'n>) -> Option<Cow<'n, str>> {
        match &field.node.value {
            Value::String(text) => Some(Cow::Borrowed(text)),
            Value::Int(_) | Value::Float(_) => Some(Cow::Owned(self.as_written(field.node))),
            _ => {
                self.wrong_type(field, Kind::Text);
                None
            }
        }
    }

    fn as_written(&self, node: &Node) -> String {
        node.scalar_text(self.source)
            .unwrap_or_else(|| match node.value {
                Value::Int(i) => i.to_string(),
                Value::Float(f) => f.to_string(),
                _ => String::new(),
            })
    }

    /// The items of a list (nothing, after an error, when it is not one).
    fn list<'n>(&mut self, field: &Field<'n>) -> Vec<Field<'n>> {
        let Value::Sequence(items) = &field.node.value else {
            self.wrong_type(field, Kind::List);
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .map(|(index, node)| Field {
                path: field.path.index(index),
                key_at: node.position,
                node,
            })
            .collect()
    }

    /// The items of a list of text, leaving out those that are not text (after an error).
    fn texts<'n>(&mut self, field: &Field<'n>) -> Vec<(Field<'n>, String)> {
        let mut texts = Vec::new();
        for item in self.list(field) {
            if let Some(text) = self.text(&item) {
                let text = text.into_owned();
                texts.push((item, text));
            }
        }
        texts
    }

    fn empty_list(&mut self, field: &Field) {
        let label = field.label();
        self.error(
            &field.path,
            field.at(),
            text!(
                "`{label}` must list at least one value",
                "`{label}` doit contenir au moins une valeur"
            ),
        );
    }

    fn boolean(&mut self, field: &Field) -> Option<bool> {
        match field.node.value {
            Value::Bool(value) => Some(value),
            _ => {
                self.wrong_type(field, Kind::Boolean);
                None
            }
        }
    }

    /// Whether the value is one of `allowed`, reporting it otherwise.
    fn one_of(&mut self, field: &Field, value: &str, allowed: &[&str]) -> bool {
        if allowed.contains(&value) {
            return true;
        }
        let label = field.label();
        let list = allowed.join(", ");
        let value = shown(value);
        let mut message = text!(
            "`{label}` must be one of {list}, not `{value}`",
            "`{label}` doit valoir {list}, pas `{value}`"
        );
        if let Some(close) = super::closest(&value, allowed) {
            message.push(&text!(
                " (did you mean `{close}`?)",
                " (vouliez-vous dire `{close}` ?)"
            ));
        }
        self.error(&field.path, field.at(), message);
        false
    }

    /// A value from one of the standard's long controlled lists, too long to quote whole.
    fn listed(
        &mut self,
        field: &Field,
        value: &str,
        allowed: &[&str],
        list_en: &str,
        list_fr: &str,
    ) {
        if allowed.contains(&value) {
            return;
        }
        let label = field.label();
        let value = shown(value);
        let mut message = text!(
            "`{label}` must come from the standard's list of {list_en}, and `{value}` is not in it",
            "`{label}` doit venir de la liste des {list_fr} du standard, où `{value}` ne figure pas"
        );
        if let Some(close) = super::closest(&value, allowed) {
            message.push(&text!(
                " (did you mean `{close}`?)",
                " (vouliez-vous dire `{close}` ?)"
            ));
        }
        self.error(&field.path, field.at(), message);
    }

    fn at_most(&mut self, field: &Field, value: &str, max: usize) {
        let length = value.chars().count();
        if length > max {
            let label = field.label();
            self.error(
                &field.path,
                field.at(),
                text!(
                    "`{label}` must be at most {max} characters long, not {length}",
                    "`{label}` doit compter au plus {max} caractères, pas {length}"
                ),
            );
        }
    }

    fn optional_link(&mut self, section: &Section, key: &str, kind: Link) {
        if let Some(field) = section.value(key)
            && let Some(value) = self.text(&field)
        {
            self.link(&field, &value, kind);
        }
    }

    fn link(&mut self, field: &Field, value: &str, kind: Link) {
        if !self.not_blank(field, value) {
            return;
        }
        let label = field.label();
        let value_shown = shown(value);
        let message = match kind {
            Link::Any if !is_url(value) => text!(
                "`{label}` must be a URL with a scheme, such as `https://example.org/project.git`, not `{value_shown}`",
                "`{label}` doit être une URL avec un schéma, comme `https://example.org/projet.git`, pas `{value_shown}`"
            ),
            Link::Web if !is_web_url(value) => text!(
                "`{label}` must be an `http://` or `https://` URL, not `{value_shown}`",
                "`{label}` doit être une URL `http://` ou `https://`, pas `{value_shown}`"
            ),
            Link::PathOrWeb if value.starts_with(['/', '\\']) => text!(
                "`{label}` must be a path relative to the repository root or an http(s) URL, not the absolute path `{value_shown}`",
                "`{label}` doit être un chemin relatif à la racine du dépôt ou une URL http(s), pas le chemin absolu `{value_shown}`"
            ),
            Link::PathOrWeb if !is_path_or_web_url(value) => text!(
                "`{label}` must be a path relative to the repository root or an http(s) URL, not `{value_shown}`",
                "`{label}` doit être un chemin relatif à la racine du dépôt ou une URL http(s), pas `{value_shown}`"
            ),
            Link::Organisation if !is_organisation_uri(value) => text!(
                "`{label}` must be a URI naming the organisation, such as `https://example.org` or `urn:x-italian-pa:abc`, not `{value_shown}`",
                "`{label}` doit être un URI qui désigne l'organisation, comme `https://example.org` ou `urn:x-italian-pa:abc`, pas `{value_shown}`"
            ),
            _ => return,
        };
        self.error(&field.path, field.at(), message);
    }

    fn date(&mut self, field: &Field) {
        let Some(value) = self.text(field) else {
            return;
        };
        if !is_date(&value) {
            let label = field.label();
            let value = shown(&value);
            self.error(
                &field.path,
                field.at(),
                text!(
                    "`{label}` must be a real date written YYYY-MM-DD, not `{value}`",
                    "`{label}` doit être une date réelle écrite AAAA-MM-JJ, pas `{value}`"
                ),
            );
        }
    }

    fn email(&mut self, field: &Field) {
        let Some(value) = self.text(field) else {
            return;
        };
        if !EMAIL.is_match(&value) {
            let label = field.label();
            let value = shown(&value);
            self.error(
                &field.path,
                field.at(),
                text!(
                    "`{label}` must be an e-mail address, not `{value}`",
                    "`{label}` doit être une adresse électronique, pas `{value}`"
                ),
            );
        }
    }

    fn media_type(&mut self, field: &Field, value: &str) {
        if !is_media_type(value) {
            let label = field.label();
            let value = shown(value);
            self.error(
                &field.path,
                field.at(),
                text!(
                    "`{label}` must be a media type such as `text/csv`, not `{value}`",
                    "`{label}` doit être un type de média comme `text/csv`, pas `{value}`"
                ),
            );
        }
    }

    fn country(&mut self, field: &Field, code: &str) {
        let letters = code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic());
        let upper = code.bytes().all(|b| b.is_ascii_uppercase());
        let lower = code.bytes().all(|b| b.is_ascii_lowercase());
        let label = field.label();
        if !letters || !(upper || lower) {
            let code = shown(code);
            self.error(
                &field.path,
                field.at(),
                text!(
                    "`{label}` must be an ISO 3166-1 alpha-2 country code such as `IT` or `FR`, not `{code}`",
                    "`{label}` doit être un code pays ISO 3166-1 alpha-2 comme `IT` ou `FR`, pas `{code}`"
                ),
            );
        } else if lower {
            let code = code.to_ascii_uppercase();
            self.warning(
                &field.path,
                field.at(),
                text!(
                    "lowercase country codes are deprecated: write `{code}`",
                    "les codes pays en minuscules sont obsolètes : écrivez `{code}`"
                ),
            );
        }
    }
}

/// The reason an SPDX expression does not parse, in both languages.
fn licence_reason(reason: &spdx::error::Reason) -> (&'static str, &'static str) {
    use spdx::error::Reason;
    match reason {
        Reason::UnknownLicense => (
            "unknown licence identifier",
            "identifiant de licence inconnu",
        ),
        Reason::UnknownException => (
            "unknown exception identifier",
            "identifiant d'exception inconnu",
        ),
        Reason::InvalidCharacters => ("invalid characters", "caractères invalides"),
        Reason::UnclosedParens => (
            "a parenthesis is not closed",
            "une parenthèse n'est pas fermée",
        ),
        Reason::UnopenedParens => (
            "a parenthesis is not opened",
            "une parenthèse n'est pas ouverte",
        ),
        Reason::Empty => ("the expression is empty", "l'expression est vide"),
        Reason::Unexpected(_) => (
            "a term is missing or out of place",
            "un terme manque ou est mal placé",
        ),
        Reason::SeparatedPlus => (
            "`+` must follow the identifier directly",
            "`+` doit suivre directement l'identifiant",
        ),
        Reason::UnknownTerm => ("unknown term", "terme inconnu"),
        Reason::GnuNoPlus | Reason::GnuPlusWithSuffix => (
            "a GNU licence takes `-or-later`, not `+`",
            "une licence GNU prend `-or-later`, pas `+`",
        ),
        Reason::DeprecatedLicenseId => (
            "deprecated licence identifier",
            "identifiant de licence obsolète",
        ),
    }
}

/// The scheme of a URL and what follows the colon.
fn split_scheme(value: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = value.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some((scheme, rest))
}

/// The host of a `//host/…` authority, without user information or port; `None` when
/// there is no authority.
fn authority_host(rest: &str) -> Option<&str> {
    let authority = rest.strip_prefix("//")?;
    let end = authority.find(['/', '?', '#']).unwrap_or(authority.len());
    let authority = authority.get(..end)?;
    let host_and_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    // An IPv6 address is bracketed, and holds colons of its own.
    if let Some(bracketed) = host_and_port.strip_prefix('[') {
        return Some(bracketed.split_once(']').map_or("", |(host, _)| host));
    }
    Some(
        host_and_port
            .split_once(':')
            .map_or(host_and_port, |(host, _)| host),
    )
}

fn has_no_blank(value: &str) -> bool {
    !value.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A URL with a scheme; with an authority (`scheme://`), the host is not empty.
fn is_url(value: &str) -> bool {
    let Some((_, rest)) = split_scheme(value) else {
        return false;
    };
    has_no_blank(value)
        && !rest.is_empty()
        && authority_host(rest).is_none_or(|host| !host.is_empty())
}

fn is_web_url(value: &str) -> bool {
    let Some((scheme, rest)) = split_scheme(value) else {
        return false;
    };
    has_no_blank(value)
        && (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
        && authority_host(rest).is_some_and(|host| !host.is_empty())
}

/// A relative path (not absolute, not `file:`), or a web URL.
fn is_path_or_web_url(value: &str) -> bool {
    if value.starts_with(['/', '\\'])
        || value
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("file:"))
    {
        return false;
    }
    match split_scheme(value) {
        Some((_, rest)) if rest.starts_with("//") => is_web_url(value),
        _ => true,
    }
}

/// A URL with a host, or a URN (`urn:<namespace>:<name>`, RFC 8141).
fn is_organisation_uri(value: &str) -> bool {
    if !has_no_blank(value) {
        return false;
    }
    let Some((scheme, rest)) = split_scheme(value) else {
        return false;
    };
    if scheme.eq_ignore_ascii_case("urn") {
        let Some((namespace, name)) = rest.split_once(':') else {
            return false;
        };
        let namespace_ok = (1..=32).contains(&namespace.len())
            && !namespace.starts_with('-')
            && namespace
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        return namespace_ok && !name.is_empty();
    }
    authority_host(rest).is_some_and(|host| !host.is_empty())
}

/// `YYYY-MM-DD`, and a day that exists.
fn is_date(value: &str) -> bool {
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = value.as_bytes() else {
        return false;
    };
    let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
    if !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let number = |bytes: &[u8]| bytes.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    let year = number(&[y1, y2, y3, y4]);
    let month = number(&[m1, m2]);
    let day = number(&[d1, d2]);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// `type/subtype`, each a restricted name of RFC 6838 (4.2).
fn is_media_type(value: &str) -> bool {
    let restricted_name = |name: &str| {
        let mut bytes = name.bytes();
        name.len() <= 127
            && bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
            && bytes.all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
    };
    value
        .trim()
        .split_once('/')
        .is_some_and(|(kind, subtype)| restricted_name(kind) && restricted_name(subtype))
}

/// A well-formed BCP 47 language tag (RFC 5646, 2.1), case aside. No registry is read, so
/// `xx` passes; primary languages of 4 to 8 letters, reserved or unused, do not.
fn is_language_tag(tag: &str) -> bool {
    let tag = tag.to_ascii_lowercase();
    if GRANDFATHERED_TAGS.contains(&tag.as_str()) {
        return true;
    }
    let subtags: Vec<&str> = tag.split('-').collect();
    let alphanumeric =
        |s: &str| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric());
    if !subtags.iter().all(|s| alphanumeric(s)) {
        return false;
    }
    let alpha = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let mut rest = subtags.as_slice();
    // A tag made of private use subtags only.
    if let [first, private @ ..] = rest
        && *first == "x"
    {
        return !private.is_empty();
    }
    let [language, after @ ..] = rest else {
        return false;
    };
    if !alpha(language, 2..=3) {
        return false;
    }
    rest = after;
    // Up to three extended language subtags.
    for _ in 0..3 {
        match rest {
            [extlang, after @ ..] if alpha(extlang, 3..=3) => rest = after,
            _ => break,
        }
    }
    if let [script, after @ ..] = rest
        && alpha(script, 4..=4)
    {
        rest = after;
    }
    if let [region, after @ ..] = rest
        && (alpha(region, 2..=2)
            || (region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit())))
    {
        rest = after;
    }
    while let [variant, after @ ..] = rest {
        let starts_with_digit = variant.bytes().next().is_some_and(|b| b.is_ascii_digit());
        if (5..=8).contains(&variant.len()) || (variant.len() == 4 && starts_with_digit) {
            rest = after;
        } else {
            break;
        }
    }
    // Extensions: a singleton other than `x`, then subtags of 2 to 8 characters.
    while let [singleton, after @ ..] = rest {
        if singleton.len() != 1 || *singleton == "x" {
            break;
        }
        let count = after.iter().take_while(|s| s.len() >= 2).count();
        if count == 0 {
            return false;
        }
        rest = after.get(count..).unwrap_or_default();
    }
    match rest {
        [] => true,
        ["x", private @ ..] => !private.is_empty(),
        _ => false,
    }
}

/// A complete, valid `publiccode.yml` (standard 0.7, English and French descriptions).
#[cfg(test)]
pub const VALID_EXAMPLE: &str = include_str!("../../tests/fixtures/publiccode/valid.yml");

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    use Severity::{Error, Warning};

    /// Three errors: `developmentStatus: betta` (line 9), `license: GPL-3.0-or-later AND`
    /// (line 25) and `type: comunity` (line 28).
    const BROKEN: &str = include_str!("../../tests/fixtures/publiccode/broken.yml");

    fn check(document: &str) -> Validation {
        validate(document.as_bytes())
    }

    /// The valid example with `from`, which must occur exactly once, replaced by `to`.
    #[track_caller]
    fn changed(from: &str, to: &str) -> String {
        assert_eq!(
            VALID_EXAMPLE.matches(from).count(),
            1,
            "{from:?} must occur exactly once in the example"
        );
        VALID_EXAMPLE.replacen(from, to, 1)
    }

    /// The 1-based number of the first line holding `needle`.
    #[track_caller]
    fn line_of(document: &str, needle: &str) -> u64 {
        let index = document
            .lines()
            .position(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} is not in the document"));
        u64::try_from(index).unwrap() + 1
    }

    fn outline(validation: &Validation) -> Vec<(Severity, String, u64)> {
        validation
            .findings
            .iter()
            .map(|f| (f.severity, f.path.clone(), f.line))
            .collect()
    }

    /// The document has exactly one finding, of this severity and path, on the first line
    /// holding `needle`; returns it.
    #[track_caller]
    fn only(document: &str, severity: Severity, path: &str, needle: &str) -> Finding {
        let validation = check(document);
        let expected = vec![(severity, path.to_owned(), line_of(document, needle))];
        assert_eq!(outline(&validation), expected, "{:#?}", validation.findings);
        let finding = validation.findings.into_iter().next().unwrap();
        assert!(!finding.message.en.is_empty() && !finding.message.fr.is_empty());
        assert_ne!(finding.message.en, finding.message.fr);
        finding
    }

    #[test]
    fn the_valid_example_has_no_finding_at_all() {
        let validation = check(VALID_EXAMPLE);
        assert_eq!(validation.findings, [], "{:#?}", validation.findings);
        assert!(validation.is_valid());
        assert_eq!((validation.errors(), validation.warnings()), (0, 0));
        assert_eq!(
            validation.summary,
            Summary {
                version: Some("0.7".into()),
                name: Some("Sillon".into()),
                url: Some("https://code.example.org/commune-exemple/sillon.git".into()),
                license: Some("AGPL-3.0-or-later".into()),
            }
        );
    }

    #[test]
    fn the_broken_example_gives_its_three_errors_each_on_its_line() {
        let validation = check(BROKEN);
        assert_eq!(
            outline(&validation),
            [
                (Error, "developmentStatus".to_owned(), 9),
                (Error, "legal.license".to_owned(), 25),
                (Error, "maintenance.type".to_owned(), 28),
            ],
            "{:#?}",
            validation.findings
        );
        let messages: Vec<&str> = validation
            .findings
            .iter()
            .map(|f| f.message.en.as_str())
            .collect();
        assert_eq!(
            messages[0],
            "`developmentStatus` must be one of concept, development, beta, stable, obsolete, not `betta` (did you mean `beta`?)"
        );
        assert!(
            messages[1].contains("`GPL-3.0-or-later AND` is not a valid SPDX licence expression"),
            "{}",
            messages[1]
        );
        assert!(
            messages[2].contains("not `comunity` (did you mean `community`?)"),
            "{}",
            messages[2]
        );
        assert_eq!(validation.findings[0].column, 20);
        assert_eq!(
            validation.findings[0].message.fr,
            "`developmentStatus` doit valoir concept, development, beta, stable, obsolete, pas `betta` (vouliez-vous dire `beta` ?)"
        );
        // What could be read is still summed up.
        assert_eq!(
            validation.summary,
            Summary {
                version: Some("0".into()),
                name: Some("Carnet".into()),
                url: Some("https://code.example.org/ville-exemple/carnet.git".into()),
                license: Some("GPL-3.0-or-later AND".into()),
            }
        );
    }

    #[test]
    fn the_version_is_required_and_read_as_written() {
        let document = changed("publiccodeYmlVersion: \"0.7\"\n", "");
        only(&document, Error, "publiccodeYmlVersion", "name: Sillon");
        for current in ["\"0\"", "\"0.7.0\"", "'0.7.3'", "0.7.12"] {
            let document = changed("\"0.7\"", current);
            assert_eq!(check(&document).findings, [], "{current}");
        }
        // A number is accepted, with a warning: the reference wants text.
        let document = changed("\"0.7\"", "0.7");
        let finding = only(
            &document,
            Warning,
            "publiccodeYmlVersion",
            "publiccodeYmlVersion",
        );
        assert!(
            finding.message.en.contains("\"0.7\""),
            "{}",
            finding.message.en
        );
        assert_eq!(check(&document).summary.version.as_deref(), Some("0.7"));
        // `0.10` is not mangled into 0.1.
        let document = changed("\"0.7\"", "0.10");
        let validation = check(&document);
        assert_eq!(validation.errors(), 1, "{:#?}", validation.findings);
        assert!(
            validation
                .findings
                .iter()
                .any(|f| f.is_error() && f.message.en.starts_with("`0.10` is not a version"))
        );
        assert_eq!(validation.summary.version.as_deref(), Some("0.10"));
    }

    #[test]
    fn old_versions_warn_and_unknown_ones_are_errors() {
        for old in ["\"0.2\"", "\"0.2.2\"", "\"0.3\"", "\"0.4.0\"", "\"0.5\""] {
            let document = changed("\"0.7\"", old);
            let finding = only(
                &document,
                Warning,
                "publiccodeYmlVersion",
                "publiccodeYmlVersion",
            );
            assert!(
                finding.message.en.contains("outdated"),
                "{}",
                finding.message.en
            );
        }
        for unknown in ["\"1.0\"", "\"0.6\"", "\"0.7.x\"", "\"v0.7\"", "\"\""] {
            let document = changed("\"0.7\"", unknown);
            only(
                &document,
                Error,
                "publiccodeYmlVersion",
                "publiccodeYmlVersion",
            );
        }
        let document = changed("\"0.7\"", "[0.7]");
        only(
            &document,
            Error,
            "publiccodeYmlVersion",
            "publiccodeYmlVersion",
        );
    }

    #[test]
    fn each_required_top_level_key_is_reported_when_missing() {
        for (line, path) in [
            ("name: Sillon\n", "name"),
            (
                "url: \"https://code.example.org/commune-exemple/sillon.git\"\n",
                "url",
            ),
            ("developmentStatus: stable\n", "developmentStatus"),
            ("softwareType: standalone/web\n", "softwareType"),
        ] {
            let document = changed(line, "");
            only(&document, Error, path, "publiccodeYmlVersion");
        }
        let document = changed("platforms:\n  - web\n  - linux\n", "");
        only(&document, Error, "platforms", "publiccodeYmlVersion");
        // A missing section: its required keys are reported, at the document's start.
        let legal =
            "legal:\n  license: AGPL-3.0-or-later\n  mainCopyrightOwner: Commune d'Exemple\n";
        only(
            &changed(legal, ""),
            Error,
            "legal.license",
            "publiccodeYmlVersion",
        );
        let localisation = "localisation:\n  localisationReady: true\n  availableLanguages:\n    - fr\n    - en\n    - de-CH\n";
        let validation = check(&changed(localisation, ""));
        assert_eq!(
            outline(&validation),
            [
                (Error, "localisation.availableLanguages".to_owned(), 1),
                (Error, "localisation.localisationReady".to_owned(), 1),
            ]
        );
    }

    #[test]
    fn empty_values_and_wrong_types_name_what_is_expected() {
        only(&changed("name: Sillon", "name:"), Error, "name", "name:");
        only(
            &changed("name: Sillon", "name: \"  \""),
            Error,
            "name",
            "name:",
        );
        let finding = only(
            &changed("name: Sillon", "name: [Sillon]"),
            Error,
            "name",
            "name:",
        );
        assert_eq!(finding.message.en, "`name` must be text, not a list");
        assert_eq!(
            finding.message.fr,
            "`name` doit être du texte, pas une liste"
        );
        let finding = only(
            &changed("platforms:\n  - web\n  - linux", "platforms: web"),
            Error,
            "platforms",
            "platforms:",
        );
        assert_eq!(finding.message.en, "`platforms` must be a list, not text");
        let finding = only(
            &changed("  localisationReady: true", "  localisationReady: \"sure\""),
            Error,
            "localisation.localisationReady",
            "localisationReady",
        );
        assert_eq!(
            finding.message.en,
            "`localisationReady` must be true or false, not text"
        );
        only(
            &changed(
                "  mainCopyrightOwner: Commune d'Exemple",
                "  mainCopyrightOwner:\n    - a",
            ),
            Error,
            "legal.mainCopyrightOwner",
            "    - a",
        );
        only(
            &changed(
                "organisation:\n  uri: \"https://www.example.org\"\n  name: Commune d'Exemple",
                "organisation: Commune d'Exemple",
            ),
            Error,
            "organisation",
            "organisation:",
        );
        // Numbers are text as written.
        assert_eq!(
            check(&changed(
                "softwareVersion: \"2.4.1\"",
                "softwareVersion: 2.10"
            ))
            .findings,
            []
        );
    }

    #[test]
    fn platforms_accept_values_outside_the_usual_ones_but_not_an_empty_list() {
        assert_eq!(
            check(&changed("  - linux\n", "  - Amiga OS\n")).findings,
            []
        );
        only(
            &changed("platforms:\n  - web\n  - linux", "platforms: []"),
            Error,
            "platforms",
            "platforms:",
        );
        only(
            &changed("  - linux\n", "  - \"\"\n"),
            Error,
            "platforms[1]",
            "  - \"\"",
        );
    }

    #[test]
    fn urls_have_the_shape_each_key_asks_for() {
        only(
            &changed(
                "url: \"https://code.example.org/commune-exemple/sillon.git\"",
                "url: foobar",
            ),
            Error,
            "url",
            "url: foobar",
        );
        only(
            &changed(
                "url: \"https://code.example.org/commune-exemple/sillon.git\"",
                "url: \"git@example.org:a/b.git\"",
            ),
            Error,
            "url",
            "url:",
        );
        assert_eq!(
            check(&changed(
                "url: \"https://code.example.org/commune-exemple/sillon.git\"",
                "url: \"svn://svn.example.org/sillon\""
            ))
            .findings,
            []
        );
        only(
            &changed(
                "landingURL: \"https://sillon.example.org\"",
                "landingURL: \"ftp://sillon.example.org\"",
            ),
            Error,
            "landingURL",
            "landingURL",
        );
        only(
            &changed(
                "landingURL: \"https://sillon.example.org\"",
                "landingURL: \"https://\"",
            ),
            Error,
            "landingURL",
            "landingURL",
        );
        only(
            &changed(
                "roadmap: \"https://code.example.org/commune-exemple/sillon/-/milestones\"",
                "roadmap: milestones",
            ),
            Error,
            "roadmap",
            "roadmap",
        );
        only(
            &changed(
                "isBasedOn: \"https://code.example.org/agglo-exemple/reservations.git\"",
                "isBasedOn:\n  - \"https://a.example.org/x.git\"\n  - nope",
            ),
            Error,
            "isBasedOn[1]",
            "  - nope",
        );
        only(
            &changed(
                "    documentation: \"https://sillon.example.org/docs/en/\"",
                "    documentation: docs/en",
            ),
            Error,
            "description.en.documentation",
            "documentation: docs/en",
        );
        only(
            &changed(
                "    apiDocumentation: \"https://sillon.example.org/api/\"",
                "    apiDocumentation: \"mailto:api@example.org\"",
            ),
            Error,
            "description.en.apiDocumentation",
            "apiDocumentation",
        );
        only(
            &changed(
                "      - \"https://www.youtube.com/watch?v=aBcDeFgHiJk\"",
                "      - youtube",
            ),
            Error,
            "description.en.videos[0]",
            "      - youtube",
        );
        only(
            &changed(
                "      website: \"https://atelier.example.com\"",
                "      website: atelier.example.com",
            ),
            Error,
            "maintenance.contractors[0].website",
            "website:",
        );
    }

    #[test]
    fn logos_and_screenshots_are_relative_paths_or_web_urls() {
        for fine in [
            "logo: \"https://sillon.example.org/logo.svg\"",
            "logo: ./img/logo.png",
        ] {
            assert_eq!(
                check(&changed("logo: docs/img/logo.svg", fine)).findings,
                [],
                "{fine}"
            );
        }
        for wrong in [
            "logo: /srv/logo.svg",
            "logo: \"file:///srv/logo.svg\"",
            "logo: \"ftp://example.org/logo.svg\"",
        ] {
            only(
                &changed("logo: docs/img/logo.svg", wrong),
                Error,
                "logo",
                "logo:",
            );
        }
        only(
            &changed(
                "      - docs/img/calendar.png",
                "      - /docs/img/calendar.png",
            ),
            Error,
            "description.en.screenshots[0]",
            "/docs/img/calendar.png",
        );
    }

    #[test]
    fn organisations_are_named_by_a_url_or_a_urn() {
        let uri = "  uri: \"https://www.example.org\"";
        assert_eq!(
            check(&changed(uri, "  uri: \"urn:x-italian-pa:c_h501\"")).findings,
            []
        );
        only(
            &changed(uri, "  uri: example.org"),
            Error,
            "organisation.uri",
            "uri: example.org",
        );
        only(
            &changed(uri, "  uri: \"urn:x-italian-pa\""),
            Error,
            "organisation.uri",
            "uri:",
        );
        only(
            &changed(uri, ""),
            Error,
            "organisation.uri",
            "organisation:",
        );
        only(
            &changed("    uri: \"https://region.example.org\"\n", ""),
            Error,
            "fundedBy[0].uri",
            "  - name: Région Exemple",
        );
        // The name of an organisation is optional.
        assert_eq!(
            check(&changed("  name: Commune d'Exemple\n", "")).findings,
            []
        );
    }

    #[test]
    fn dates_are_real_and_written_yyyy_mm_dd() {
        for fine in ["\"2024-02-29\"", "2026-03-02", "\"2000-02-29\""] {
            assert_eq!(
                check(&changed("\"2026-03-02\"", fine)).findings,
                [],
                "{fine}"
            );
        }
        for wrong in [
            "\"2026-02-29\"",
            "\"1900-02-29\"",
            "\"2026-3-2\"",
            "\"2026-13-01\"",
            "\"2026-04-31\"",
            "\"02/03/2026\"",
            "\"2026-03-02T10:00:00Z\"",
            "\"２０２６-03-02\"",
        ] {
            only(
                &changed("\"2026-03-02\"", wrong),
                Error,
                "releaseDate",
                "releaseDate",
            );
        }
        only(
            &changed("\"2027-12-31\"", "\"2027-12-32\""),
            Error,
            "maintenance.contractors[0].until",
            "until:",
        );
    }

    #[test]
    fn controlled_lists_are_enforced() {
        let finding = only(
            &changed("  - online-booking", "  - online-bookings"),
            Error,
            "categories[1]",
            "online-bookings",
        );
        assert!(
            finding
                .message
                .en
                .ends_with("(did you mean `online-booking`?)"),
            "{}",
            finding.message.en
        );
        only(
            &changed("softwareType: standalone/web", "softwareType: standalone"),
            Error,
            "softwareType",
            "softwareType",
        );
        only(
            &changed("    - government", "    - governance"),
            Error,
            "intendedAudience.scope[1]",
            "governance",
        );
    }

    #[test]
    fn country_codes_are_two_letters_and_lowercase_is_deprecated() {
        let finding = only(
            &changed("    - BE", "    - be"),
            Warning,
            "intendedAudience.countries[1]",
            "- be",
        );
        assert!(
            finding.message.en.contains("`BE`"),
            "{}",
            finding.message.en
        );
        for wrong in ["    - Be", "    - BEL", "    - B3"] {
            only(
                &changed("    - BE", wrong),
                Error,
                "intendedAudience.countries[1]",
                wrong,
            );
        }
        let document = changed("  scope:", "  unsupportedCountries: [ZZZ]\n  scope:");
        only(
            &document,
            Error,
            "intendedAudience.unsupportedCountries[0]",
            "ZZZ",
        );
    }

    #[test]
    fn description_languages_are_bcp_47_tags() {
        for fine in [
            "  en-GB:",
            "  zh-Hant-TW:",
            "  sl-IT-nedis:",
            "  de-CH-1996:",
            "  en-x-simple:",
            "  i-klingon:",
            "  es-419:",
        ] {
            assert_eq!(
                check(&changed("  en:\n", &format!("{fine}\n"))).findings,
                [],
                "{fine}"
            );
        }
        for wrong in [
            "  en_GB:",
            "  english:",
            "  e:",
            "  en-:",
            "  en-a:",
            "  123:",
            "  en-GB-x:",
        ] {
            let key = wrong.trim().trim_end_matches(':');
            only(
                &changed("  en:\n", &format!("{wrong}\n")),
                Error,
                &format!("description.{key}"),
                wrong,
            );
        }
        only(
            &changed("    - de-CH", "    - de_CH"),
            Error,
            "localisation.availableLanguages[2]",
            "de_CH",
        );
        only(
            &changed(
                "  availableLanguages:\n    - fr\n    - en\n    - de-CH",
                "  availableLanguages: []",
            ),
            Error,
            "localisation.availableLanguages",
            "availableLanguages",
        );
        let document = changed("description:\n  en:", "description: {}\nx:\n  en:");
        assert_eq!(
            outline(&check(&document)),
            [
                (
                    Error,
                    "description".to_owned(),
                    line_of(&document, "description:")
                ),
                (Error, "x".to_owned(), line_of(&document, "x:")),
            ]
        );
    }

    #[test]
    fn description_lengths_count_characters() {
        let short = "    shortDescription: Booking of municipal rooms, sports halls and equipment for residents and associations.";
        let at_limit = format!("    shortDescription: {}", "é".repeat(150));
        assert_eq!(check(&changed(short, &at_limit)).findings, []);
        let over = format!("    shortDescription: {}", "é".repeat(151));
        let finding = only(
            &changed(short, &over),
            Error,
            "description.en.shortDescription",
            "shortDescription: éé",
        );
        assert_eq!(
            finding.message.en,
            "`shortDescription` must be at most 150 characters long, not 151"
        );
        assert_eq!(finding.column, 23);
        only(
            &changed(short, ""),
            Error,
            "description.en.shortDescription",
            "  en:",
        );
        let long = "    longDescription: >\n      Sillon lets residents";
        let too_short = format!(
            "    longDescription: {}\n    x-long: >\n      Sillon lets residents",
            "a".repeat(149)
        );
        let document = changed(long, &too_short);
        let validation = check(&document);
        assert_eq!(
            outline(&validation),
            [
                (
                    Error,
                    "description.en.longDescription".to_owned(),
                    line_of(&document, "aaaa")
                ),
                (
                    Error,
                    "description.en.x-long".to_owned(),
                    line_of(&document, "x-long")
                ),
            ]
        );
        let too_long = format!(
            "    longDescription: {}\n    x-long: >\n      Sillon lets residents",
            "a".repeat(10_001)
        );
        let validation = check(&changed(long, &too_long));
        assert!(
            validation
                .findings
                .iter()
                .any(|f| f.path == "description.en.longDescription"
                    && f.message.en
                        == "`longDescription` must be at most 10000 characters long, not 10001")
        );
        let generic = "    localisedName: Sillon\n    shortDescription: Booking";
        let document = changed(
            generic,
            &format!(
                "    genericName: {}\n    shortDescription: Booking",
                "g".repeat(36)
            ),
        );
        let validation = check(&document);
        assert_eq!(
            outline(&validation),
            [
                (
                    Warning,
                    "description.en.genericName".to_owned(),
                    line_of(&document, "genericName")
                ),
                (
                    Error,
                    "description.en.genericName".to_owned(),
                    line_of(&document, "genericName")
                ),
            ]
        );
    }

    #[test]
    fn long_description_and_features_are_needed_in_one_language() {
        let french_long = VALID_EXAMPLE
            .split("  fr:\n")
            .nth(1)
            .and_then(|fr| fr.split("    documentation:").next())
            .and_then(|fr| fr.split("    longDescription: >\n").nth(1))
            .unwrap()
            .to_owned();
        let document = changed(&format!("    longDescription: >\n{french_long}"), "");
        let finding = only(
            &document,
            Warning,
            "description.fr.longDescription",
            "  fr:",
        );
        assert!(
            finding.message.en.contains("reference validator"),
            "{}",
            finding.message.en
        );
        // Missing in every language: an error for each.
        let english_long = VALID_EXAMPLE
            .split("    longDescription: >\n")
            .nth(1)
            .and_then(|en| en.split("    documentation:").next())
            .unwrap()
            .to_owned();
        let document = document.replacen(&format!("    longDescription: >\n{english_long}"), "", 1);
        assert_eq!(
            outline(&check(&document)),
            [
                (
                    Error,
                    "description.en.longDescription".to_owned(),
                    line_of(&document, "  en:")
                ),
                (
                    Error,
                    "description.fr.longDescription".to_owned(),
                    line_of(&document, "  fr:")
                ),
            ]
        );
        let features = VALID_EXAMPLE
            .split("    features:\n")
            .nth(1)
            .and_then(|en| en.split("    screenshots:").next())
            .unwrap()
            .to_owned();
        let features = format!("    features:\n{features}");
        only(
            &changed(&features, "    features: Booking\n"),
            Error,
            "description.en.features",
            "features: Booking",
        );
        only(
            &changed(&features, "    features: []\n"),
            Error,
            "description.en.features",
            "features: []",
        );
    }

    #[test]
    fn licences_are_spdx_expressions() {
        let licence = "  license: AGPL-3.0-or-later";
        for fine in [
            "MIT OR Apache-2.0",
            "EUPL-1.2",
            "GPL-2.0-or-later WITH Classpath-exception-2.0",
            "LicenseRef-Commune",
            "(MIT AND BSD-3-Clause) OR CC0-1.0",
        ] {
            assert_eq!(
                check(&changed(licence, &format!("  license: {fine}"))).findings,
                [],
                "{fine}"
            );
        }
        for wrong in [
            "GPL-3.0-or-later AND",
            "Apache 2.0",
            "GPLv3",
            "mit",
            "MIT OR (Apache-2.0",
            "\"\"",
        ] {
            only(
                &changed(licence, &format!("  license: {wrong}")),
                Error,
                "legal.license",
                "license:",
            );
        }
        let finding = only(
            &changed(licence, "  license: GPL-3.0"),
            Warning,
            "legal.license",
            "license:",
        );
        assert!(
            finding
                .message
                .en
                .starts_with("`GPL-3.0` is a deprecated SPDX identifier"),
            "{}",
            finding.message.en
        );
        only(
            &changed(licence, "  license: [MIT]"),
            Error,
            "legal.license",
            "license:",
        );
    }

    #[test]
    fn maintenance_lists_depend_on_its_type() {
        let contract = "  type: contract";
        let finding = only(
            &changed(contract, "  type: comunity"),
            Error,
            "maintenance.type",
            "type: comunity",
        );
        assert!(
            finding.message.en.contains("(did you mean `community`?)"),
            "{}",
            finding.message.en
        );
        let contractors = "  contractors:\n    - name: Atelier Numérique Exemple\n      until: \"2027-12-31\"\n      email: maintenance@atelier.example.com\n      website: \"https://atelier.example.com\"\n";
        // A contract needs contractors.
        only(
            &changed(contractors, ""),
            Error,
            "maintenance.contractors",
            "  type: contract",
        );
        // Contractors are only for a contract.
        for other in ["internal", "community", "none"] {
            let document = changed(contract, &format!("  type: {other}"));
            only(
                &document,
                Error,
                "maintenance.contractors",
                "  contractors:",
            );
        }
        // Internal and community maintenance need contacts; none does not.
        let contacts = "  contacts:\n    - name: Camille Martin\n      email: camille.martin@example.org\n      affiliation: Commune d'Exemple\n      phone: \"+33 4 00 00 00 00\"\n";
        let without_lists = changed(contractors, "").replacen(contacts, "", 1);
        for needs_contacts in ["internal", "community"] {
            let document =
                without_lists.replacen(contract, &format!("  type: {needs_contacts}"), 1);
            only(&document, Error, "maintenance.contacts", "  type:");
        }
        assert_eq!(
            check(&without_lists.replacen(contract, "  type: none", 1)).findings,
            []
        );
        only(
            &changed("  type: contract\n", ""),
            Error,
            "maintenance.type",
            "maintenance:",
        );
    }

    #[test]
    fn contractors_and_contacts_have_their_own_rules() {
        only(
            &changed(
                "    - name: Atelier Numérique Exemple\n      until:",
                "    - until:",
            ),
            Error,
            "maintenance.contractors[0].name",
            "    - until:",
        );
        only(
            &changed("      until: \"2027-12-31\"\n", ""),
            Error,
            "maintenance.contractors[0].until",
            "Atelier Numérique",
        );
        only(
            &changed(
                "      email: maintenance@atelier.example.com",
                "      email: maintenance(at)atelier",
            ),
            Error,
            "maintenance.contractors[0].email",
            "(at)",
        );
        only(
            &changed(
                "      email: camille.martin@example.org",
                "      email: camille.martin@example",
            ),
            Error,
            "maintenance.contacts[0].email",
            "camille.martin@example",
        );
        only(
            &changed("    - name: Camille Martin\n      email", "    - email"),
            Error,
            "maintenance.contacts[0].name",
            "    - email: camille",
        );
        only(
            &changed(
                "  contacts:\n    - name: Camille Martin",
                "  contacts:\n    - Camille Martin\n    - name: Camille Martin",
            ),
            Error,
            "maintenance.contacts[0]",
            "    - Camille Martin",
        );
    }

    #[test]
    fn dependencies_each_have_a_name() {
        only(
            &changed(
                "    - name: PostgreSQL\n      versionMin",
                "    - versionMin",
            ),
            Error,
            "dependsOn.open[0].name",
            "versionMin",
        );
        only(
            &changed(
                "      version: \"7\"\n      optional: true",
                "      optional: sometimes",
            ),
            Error,
            "dependsOn.open[1].optional",
            "sometimes",
        );
        only(
            &changed(
                "    - name: Receipt printer",
                "    - name: Receipt printer\n      versionMax: [1]",
            ),
            Error,
            "dependsOn.hardware[0].versionMax",
            "versionMax",
        );
        only(
            &changed("  hardware:", "  software:"),
            Error,
            "dependsOn.software",
            "  software:",
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_a_suggestion() {
        only(
            &changed("name: Sillon", "name: Sillon\nfoo: bar"),
            Error,
            "foo",
            "foo:",
        );
        let finding = only(
            &changed(
                "developmentStatus: stable",
                "developmentStatus: stable\ndevelopmentstatus: stable",
            ),
            Error,
            "developmentstatus",
            "developmentstatus:",
        );
        assert!(
            finding
                .message
                .en
                .ends_with(", did you mean `developmentStatus`?"),
            "{}",
            finding.message.en
        );
        let finding = only(
            &changed(
                "  mainCopyrightOwner",
                "  licence: MIT\n  mainCopyrightOwner",
            ),
            Error,
            "legal.licence",
            "licence:",
        );
        assert_eq!(
            finding.message.fr,
            "`licence` n'est pas une clé du standard à cet endroit, vouliez-vous dire `license` ?"
        );
        only(
            &changed(
                "      affiliation:",
                "      role: maintainer\n      affiliation:",
            ),
            Error,
            "maintenance.contacts[0].role",
            "role:",
        );
        only(
            &changed("name: Sillon", "name: Sillon\nIt:\n  riuso: {}"),
            Error,
            "It",
            "It:",
        );
    }

    #[test]
    fn deprecated_keys_are_warnings() {
        for (added, path) in [
            ("monochromeLogo: docs/img/logo-mono.svg", "monochromeLogo"),
            ("inputTypes:\n  - text/csv", "inputTypes"),
            (
                "outputTypes: [application/vnd.oasis.opendocument.spreadsheet]",
                "outputTypes",
            ),
        ] {
            let document = changed("name: Sillon", &format!("name: Sillon\n{added}"));
            only(&document, Warning, path, added.lines().next().unwrap());
        }
        let owner = "  mainCopyrightOwner: Commune d'Exemple";
        only(
            &changed(owner, &format!("{owner}\n  repoOwner: Commune d'Exemple")),
            Warning,
            "legal.repoOwner",
            "repoOwner",
        );
        only(
            &changed(owner, &format!("{owner}\n  authorsFile: AUTHORS.md")),
            Warning,
            "legal.authorsFile",
            "authorsFile",
        );
        only(
            &changed(
                "    localisedName: Sillon\n    shortDescription: Réservation",
                "    genericName: Réservation\n    shortDescription: Réservation",
            ),
            Warning,
            "description.fr.genericName",
            "genericName",
        );
        // A deprecated key is still checked.
        let document = changed(
            "name: Sillon",
            "name: Sillon\ninputTypes:\n  - text/csv\n  - csv",
        );
        assert_eq!(
            outline(&check(&document)),
            [
                (
                    Warning,
                    "inputTypes".to_owned(),
                    line_of(&document, "inputTypes")
                ),
                (
                    Error,
                    "inputTypes[1]".to_owned(),
                    line_of(&document, "- csv")
                ),
            ]
        );
    }

    #[test]
    fn country_sections_are_deprecated() {
        let section = "IT:\n  countryExtensionVersion: \"1.0\"\n  piattaforme:\n    spid: true\n    pagopa: false";
        let document = format!("{VALID_EXAMPLE}{section}\n");
        only(&document, Warning, "IT", "IT:");
        let lower = format!("{VALID_EXAMPLE}{}\n", section.replacen("IT:", "it:", 1));
        only(&lower, Warning, "it", "it:");
        let both = format!("{document}it:\n  piattaforme:\n    spid: true\n");
        assert_eq!(
            outline(&check(&both)),
            [
                (Warning, "IT".to_owned(), line_of(&both, "IT:")),
                (Error, "it".to_owned(), line_of(&both, "it:")),
            ]
        );
        let older = format!(
            "{VALID_EXAMPLE}IT:\n  conforme:\n    gdpr: true\n  riuso:\n    codiceIPA: c_h501\n  countryExtensionVersion: \"2.0\"\n"
        );
        assert_eq!(
            outline(&check(&older)),
            [
                (Warning, "IT".to_owned(), line_of(&older, "IT:")),
                (
                    Warning,
                    "IT.conforme".to_owned(),
                    line_of(&older, "conforme:")
                ),
                (
                    Warning,
                    "IT.riuso.codiceIPA".to_owned(),
                    line_of(&older, "codiceIPA")
                ),
                (
                    Error,
                    "IT.countryExtensionVersion".to_owned(),
                    line_of(&older, "countryExtensionVersion")
                ),
            ]
        );
        let wrong = format!("{VALID_EXAMPLE}IT:\n  piattaforme:\n    spid: oui\n    spidd: true\n");
        assert_eq!(
            outline(&check(&wrong)),
            [
                (Warning, "IT".to_owned(), line_of(&wrong, "IT:")),
                (
                    Error,
                    "IT.piattaforme.spid".to_owned(),
                    line_of(&wrong, "spid: oui")
                ),
                (
                    Error,
                    "IT.piattaforme.spidd".to_owned(),
                    line_of(&wrong, "spidd")
                ),
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_not_only_the_first() {
        let document = VALID_EXAMPLE
            .replacen("name: Sillon", "name: [Sillon]", 1)
            .replacen("developmentStatus: stable", "developmentStatus: done", 1)
            .replacen("    - FR", "    - France", 1)
            .replacen("\"2027-12-31\"", "tomorrow", 1)
            .replacen("  localisationReady: true", "  localisationReady: 1", 1);
        let paths: Vec<String> = check(&document)
            .findings
            .into_iter()
            .map(|f| f.path)
            .collect();
        assert_eq!(
            paths,
            [
                "name",
                "developmentStatus",
                "intendedAudience.countries[0]",
                "maintenance.contractors[0].until",
                "localisation.localisationReady",
            ]
        );
    }

    #[test]
    fn a_syntax_error_is_one_finding_for_the_whole_document() {
        let validation = check("publiccodeYmlVersion: \"0\"\nname: [Sillon\nurl: x\n");
        assert_eq!(validation.findings.len(), 1, "{:#?}", validation.findings);
        let finding = &validation.findings[0];
        assert_eq!((finding.severity, finding.path.as_str()), (Error, ""));
        assert!(finding.line >= 2, "{finding:?}");
        assert!(
            finding
                .message
                .en
                .starts_with("the YAML syntax is invalid: ")
        );
        assert!(
            finding
                .message
                .fr
                .starts_with("la syntaxe YAML est invalide : ")
        );
        let duplicated = check("name: a\nname: b\n");
        assert_eq!(outline(&duplicated), [(Error, String::new(), 2)]);
        let two_documents = check("name: a\n---\nname: b\n");
        assert_eq!(two_documents.errors(), 1);
    }

    #[test]
    fn bytes_that_are_not_utf_8_are_one_finding_at_the_start() {
        let validation = validate(b"publiccodeYmlVersion: \"0\"\nname: Sill\xffon\n");
        assert_eq!(validation.findings.len(), 1);
        let finding = &validation.findings[0];
        assert_eq!(
            (
                finding.severity,
                finding.path.as_str(),
                finding.line,
                finding.column
            ),
            (Error, "", 1, 1)
        );
        assert!(
            finding.message.en.contains("offset 36"),
            "{}",
            finding.message.en
        );
        assert_eq!(validation.summary, Summary::default());
    }

    #[test]
    fn a_document_that_is_not_a_mapping_is_one_finding() {
        for document in ["- name: Sillon\n", "just some text\n", "42\n", "[a, b]\n"] {
            let validation = check(document);
            assert_eq!(
                outline(&validation),
                [(Error, String::new(), 1)],
                "{document}"
            );
            assert!(
                validation.findings[0]
                    .message
                    .en
                    .starts_with("a publiccode.yml must be a mapping of keys")
            );
        }
        // An empty document lacks every required key.
        for empty in ["", "# nothing yet\n", "---\n", "~\n"] {
            let validation = check(empty);
            let paths: Vec<&str> = validation
                .findings
                .iter()
                .map(|f| f.path.as_str())
                .collect();
            assert!(
                paths.contains(&"publiccodeYmlVersion") && paths.contains(&"legal.license"),
                "{empty:?}: {paths:?}"
            );
            assert!(
                validation
                    .findings
                    .iter()
                    .all(|f| f.is_error() && f.line >= 1)
            );
        }
    }

    #[test]
    fn alias_bombs_and_deep_nesting_end_quickly() {
        let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for level in 1..12 {
            let previous = format!("*a{}", level - 1);
            let items = [previous.as_str(); 10].join(", ");
            bomb.push_str(&format!("a{level}: &a{level} [{items}]\n"));
        }
        let nested = format!("name: {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
        let mapped = format!(
            "{}x: 1\n",
            (0..5_000)
                .map(|i| format!("{}k{i}:\n", " ".repeat(i % 200)))
                .collect::<String>()
        );
        for document in [bomb, nested, mapped] {
            let started = Instant::now();
            let validation = check(&document);
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{:?}",
                started.elapsed()
            );
            assert!(!validation.is_valid());
        }
    }

    /// A small deterministic generator, so that failures can be replayed.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, bound: usize) -> usize {
            usize::try_from(self.next() % u64::try_from(bound.max(1)).unwrap()).unwrap()
        }
    }

    #[track_caller]
    fn never_panics(bytes: &[u8]) {
        let validation = validate(bytes);
        assert!(
            validation
                .findings
                .iter()
                .all(|f| f.line >= 1 && f.column >= 1),
            "{:?}: {:#?}",
            String::from_utf8_lossy(bytes),
            validation.findings
        );
    }

    #[test]
    fn random_and_damaged_documents_do_not_panic() {
        let mut random = XorShift(0x9e37_79b9_7f4a_7c15);
        let alphabet = b"abc: -[]{}&*!|>'\"#%@`,?\n\t 0.7\xc3\xa9\xff\x00\\";
        for _ in 0..400 {
            let length = random.below(200);
            let bytes: Vec<u8> = (0..length)
                .map(|_| alphabet[random.below(alphabet.len())])
                .collect();
            never_panics(&bytes);
            let noise: Vec<u8> = (0..length)
                .map(|_| random.next().to_le_bytes()[0])
                .collect();
            never_panics(&noise);
        }
        let valid = VALID_EXAMPLE.as_bytes();
        for _ in 0..300 {
            let mut damaged = valid.to_vec();
            for _ in 0..1 + random.below(4) {
                let at = random.below(damaged.len());
                match random.below(3) {
                    0 => damaged[at] = alphabet[random.below(alphabet.len())],
                    1 => {
                        damaged.remove(at);
                    }
                    _ => damaged.insert(at, alphabet[random.below(alphabet.len())]),
                }
            }
            never_panics(&damaged);
        }
        for end in (0..valid.len()).step_by(13) {
            never_panics(&valid[..end]);
        }
        never_panics(BROKEN.as_bytes());
    }

    #[test]
    fn shape_helpers_hold_on_edge_cases() {
        assert!(
            is_language_tag("EN-gb")
                && is_language_tag("x-private")
                && is_language_tag("zh-yue-HK")
        );
        assert!(
            !is_language_tag("")
                && !is_language_tag("-")
                && !is_language_tag("x")
                && !is_language_tag("é")
        );
        assert!(
            is_web_url("https://user@[::1]:8080/a")
                && !is_web_url("https://:80/")
                && !is_web_url("https://a b")
        );
        assert!(is_url("urn:isbn:123") && !is_url("urn:") && !is_url("1http://a"));
        assert!(
            is_media_type("application/vnd.oasis.opendocument.text")
                && !is_media_type("text")
                && !is_media_type("/csv")
        );
        assert_eq!(label(&Path::default().key("a").index(3)), "a[3]");
        assert_eq!(shown(&"é".repeat(100)).chars().count(), 60);
        assert_eq!(super::super::closest("x", &["abcdefgh"]), None);
        assert_eq!(super::super::edit_distance("kitten", "sitting"), 3);
    }
}

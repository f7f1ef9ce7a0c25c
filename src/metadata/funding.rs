//! `.github/FUNDING.yml`: the funding platforms GitHub shows behind the Sponsor button,
//! checked as GitHub reads them (an unknown key is an error there).
//!
//! The rules follow GitHub's documentation of the file: one account per external
//! platform, up to four GitHub Sponsors accounts, up to four custom links, a
//! `platform/package` pair for Tidelift and a `u/gh/<user>` path for thanks.dev. Keys
//! left empty (GitHub's template has them all null) are allowed and simply not listed.

use serde::Serialize;

use super::{Finding, Severity};
use crate::i18n::Text;
use crate::text;
use crate::yaml::{self, Node, Position, Value};

/// What reading a `FUNDING.yml` found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Validation {
    /// Every problem, sorted by position.
    pub findings: Vec<Finding>,
    /// The platforms named with at least one value, in document order.
    pub platforms: Vec<Platform>,
}

/// One funding platform and the accounts it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Platform {
    pub key: String,
    /// The accounts, package or links as written (trimmed), even one with an error:
    /// the findings say which are wrong.
    pub values: Vec<String>,
}

impl Validation {
    /// No error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.findings.iter().any(Finding::is_error)
    }
}

/// The keys GitHub accepts, in the order of its template.
pub const KEYS: &[&str] = &[
    "github",
    "patreon",
    "open_collective",
    "ko_fi",
    "tidelift",
    "community_bridge",
    "liberapay",
    "issuehunt",
    "lfx_crowdfunding",
    "polar",
    "buy_me_a_coffee",
    "thanks_dev",
    "custom",
    "otechie",
];

/// The platforms Tidelift lists packages of.
pub const TIDELIFT_PLATFORMS: &[&str] = &["npm", "pypi", "rubygems", "maven", "packagist", "nuget"];

/// GitHub Sponsors accounts and custom links GitHub takes at most.
const MAX_LIST: usize = 4;

/// List elements checked one by one: a longer list is already an error, and the bound
/// keeps the work small on a hostile file.
const CHECKED_ELEMENTS: usize = 16;

/// How a key's value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `github`: one account or a list of up to four.
    Sponsors,
    /// One account name on an external platform.
    Account,
    /// `platform/package`.
    Tidelift,
    /// `u/gh/<user>`.
    ThanksDev,
    /// One link or a list of up to four.
    Custom,
}

fn kind(key: &str) -> Option<Kind> {
    Some(match key {
        "github" => Kind::Sponsors,
        "tidelift" => Kind::Tidelift,
        "thanks_dev" => Kind::ThanksDev,
        "custom" => Kind::Custom,
        _ if KEYS.contains(&key) => Kind::Account,
        _ => return None,
    })
}

/// Validates a whole `FUNDING.yml`. Never panics, whatever the bytes.
pub fn validate(bytes: &[u8]) -> Validation {
    let mut validation = Validation::default();
    let Ok(text) = std::str::from_utf8(bytes) else {
        validation.findings.push(Finding::new(
            Severity::Error,
            "",
            Position { line: 1, column: 1 },
            text!(
                "the file is not UTF-8 text",
                "le fichier n'est pas du texte UTF-8"
            ),
        ));
        return validation;
    };
    // A byte-order mark is not part of the document; it sits before the first column.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = match yaml::parse(text) {
        Ok(root) => root,
        Err(error) => {
            let message = without_position(&error.message);
            validation.findings.push(Finding::new(
                Severity::Error,
                "",
                at_least_one(error.position),
                text!(
                    "the file is not valid YAML: {message}",
                    "le fichier n'est pas du YAML valide : {message}"
                ),
            ));
            return validation;
        }
    };
    let mut checker = Checker {
        source: text,
        findings: Vec::new(),
    };
    match &root.value {
        Value::Mapping(entries) => {
            for (key, key_position, node) in entries {
                if let Some(platform) = checker.entry(key, at_least_one(*key_position), node) {
                    validation.platforms.push(platform);
                }
            }
        }
        // A file of comments only, such as GitHub's template with every line commented.
        Value::Null => {}
        _ => checker.error(
            "",
            root.position,
            text!(
                "the file must be a mapping of funding platforms to accounts, such as `github: octocat`",
                "le fichier doit associer des plateformes de financement à des comptes, comme `github: octocat`"
            ),
        ),
    }
    let mut findings = checker.findings;
    if validation.platforms.is_empty() && !findings.iter().any(Finding::is_error) {
        findings.push(Finding::new(
            Severity::Warning,
            "",
            Position { line: 1, column: 1 },
            text!(
                "the file names no platform, so GitHub shows no Sponsor button",
                "le fichier ne nomme aucune plateforme : GitHub n'affiche pas de bouton Sponsor"
            ),
        ));
    }
    super::sort(&mut findings);
    validation.findings = findings;
    validation
}

/// A parser message without the position it may end with: findings carry it apart.
fn without_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(start)
            if message[start + " at line ".len()..].chars().all(|c| {
                c.is_ascii_digit() || matches!(c, ',' | ' ') || c.is_ascii_lowercase()
            }) =>
        {
            &message[..start]
        }
        _ => message,
    }
}

/// serde-saphyr may give no position (0:0); findings are 1-based.
fn at_least_one(position: Position) -> Position {
    Position {
        line: position.line.max(1),
        column: position.column.max(1),
    }
}

/// A value as the checks see it.
enum Scalar {
    /// Null, an empty string or an empty list: allowed and not listed.
    Empty,
    Text(String),
    Bool,
    /// A sequence or mapping where a scalar is expected.
    Nested,
}

struct Checker<'a> {
    source: &'a str,
    findings: Vec<Finding>,
}

impl Checker<'_> {
    fn error(&mut self, path: &str, at: Position, message: Text) {
        self.findings.push(Finding::new(
            Severity::Error,
            path,
            at_least_one(at),
            message,
        ));
    }

    fn warning(&mut self, path: &str, at: Position, message: Text) {
        self.findings.push(Finding::new(
            Severity::Warning,
            path,
            at_least_one(at),
            message,
        ));
    }

    /// Reads a scalar; numbers as written, since YAML reads `0123` as 123.
    fn scalar(&self, node: &Node) -> Scalar {
        match &node.value {
            Value::Null => Scalar::Empty,
            Value::String(s) if s.trim().is_empty() => Scalar::Empty,
            Value::String(s) => Scalar::Text(s.trim().to_owned()),
            Value::Int(i) => Scalar::Text(node.scalar_text(self.source).unwrap_or(i.to_string())),
            Value::Float(f) => Scalar::Text(node.scalar_text(self.source).unwrap_or(f.to_string())),
            Value::Bool(_) => Scalar::Bool,
            Value::Sequence(elements) if elements.is_empty() => Scalar::Empty,
            Value::Sequence(_) | Value::Mapping(_) => Scalar::Nested,
        }
    }

    /// Checks one top-level key and its value; the platform it names, if any.
    fn entry(&mut self, key: &str, key_position: Position, node: &Node) -> Option<Platform> {
        let Some(kind) = kind(key) else {
            let hint = match suggestion(key) {
                Some(Suggestion::Key(known)) => text!(
                    "; did you mean `{known}`?",
                    " ; vouliez-vous dire `{known}` ?"
                ),
                Some(Suggestion::Custom) => text!(
                    "; give its link under `custom` instead",
                    " ; donnez plutôt son lien sous `custom`"
                ),
                None => Text::default(),
            };
            let shown = shorten(key);
            let mut message = text!(
                "GitHub knows no funding platform `{shown}` and refuses the file",
                "GitHub ne connaît pas de plateforme de financement `{shown}` et refuse le fichier"
            );
            message.push(&hint);
            self.error(key, key_position, message);
            return None;
        };
        let values = match kind {
            Kind::Sponsors | Kind::Custom => self.list(key, key_position, kind, node),
            Kind::Account | Kind::Tidelift | Kind::ThanksDev => self.single(key, kind, node),
        };
        if values.is_empty() {
            return None;
        }
        if key == "otechie" {
            // Otechie has left GitHub's documentation and template; GitHub still reads it.
            self.warning(
                key,
                key_position,
                text!(
                    "GitHub no longer documents Otechie; consider another platform",
                    "GitHub ne documente plus Otechie ; envisagez une autre plateforme"
                ),
            );
        }
        Some(Platform {
            key: key.to_owned(),
            values,
        })
    }

    /// A key that takes one value.
    fn single(&mut self, key: &str, kind: Kind, node: &Node) -> Vec<String> {
        let value = match self.scalar(node) {
            Scalar::Empty => return Vec::new(),
            Scalar::Text(value) => value,
            Scalar::Bool => {
                self.error(key, node.position, not_a_name(key));
                return Vec::new();
            }
            Scalar::Nested => {
                let elements = node.elements();
                let texts: Vec<(String, &Node)> = elements
                    .iter()
                    .take(CHECKED_ELEMENTS)
                    .filter_map(|element| match self.scalar(element) {
                        Scalar::Text(value) => Some((value, element)),
                        _ => None,
                    })
                    .collect();
                match (elements.len(), texts.as_slice()) {
                    (1, [(value, element)]) => {
                        // One account written as a list: the value GitHub wants, in a shape
                        // its documentation does not give.
                        self.warning(
                            key,
                            node.position,
                            text!(
                                "`{key}` takes a single value, not a list of one",
                                "`{key}` prend une seule valeur, pas une liste d'un élément"
                            ),
                        );
                        let value = value.clone();
                        self.check_value(key, element.position, kind, &value);
                        return vec![value];
                    }
                    _ if matches!(node.value, Value::Sequence(_)) => {
                        self.error(
                            key,
                            node.position,
                            text!(
                                "`{key}` takes a single account, not a list",
                                "`{key}` prend un seul compte, pas une liste"
                            ),
                        );
                        return texts.into_iter().map(|(value, _)| value).collect();
                    }
                    _ => {
                        self.error(key, node.position, not_a_name(key));
                        return Vec::new();
                    }
                }
            }
        };
        self.check_value(key, node.position, kind, &value);
        vec![value]
    }

    /// `github` and `custom`: one value or a list of up to four.
    fn list(&mut self, key: &str, key_position: Position, kind: Kind, node: &Node) -> Vec<String> {
        // Each value with its path: the index as written, empty elements included.
        let elements: Vec<(String, String, &Node)> = match &node.value {
            Value::Sequence(elements) => elements
                .iter()
                .enumerate()
                .filter_map(|(index, element)| match self.scalar(element) {
                    Scalar::Empty => None,
                    Scalar::Text(value) => Some((value, format!("{key}[{index}]"), element)),
                    Scalar::Bool | Scalar::Nested => {
                        let path = format!("{key}[{index}]");
                        self.error(&path, element.position, list_element_shape(kind));
                        None
                    }
                })
                .collect(),
            _ => match self.scalar(node) {
                Scalar::Empty => return Vec::new(),
                Scalar::Text(value) => vec![(value, key.to_owned(), node)],
                Scalar::Bool | Scalar::Nested => {
                    self.error(key, node.position, list_shape(kind));
                    return Vec::new();
                }
            },
        };
        if elements.len() > MAX_LIST {
            let count = elements.len();
            let message = match kind {
                Kind::Sponsors => text!(
                    "GitHub Sponsors takes at most 4 accounts; this list names {count}",
                    "GitHub Sponsors prend au plus 4 comptes ; cette liste en nomme {count}"
                ),
                _ => text!(
                    "`custom` takes at most 4 links; this list has {count}",
                    "`custom` prend au plus 4 liens ; cette liste en compte {count}"
                ),
            };
            self.error(key, key_position, message);
        }
        let in_brackets = self.is_flow_sequence(node);
        for (value, path, element) in elements.iter().take(CHECKED_ELEMENTS) {
            if kind == Kind::Custom && in_brackets && value.contains(':') && !self.quoted(element) {
                // GitHub reads FUNDING.yml with a YAML 1.1 parser, where `:` inside
                // `[...]` ends a key: its documentation asks for quotes.
                self.error(
                    path,
                    element.position,
                    text!(
                        "a link with `:` in a bracketed list must be in quotes, or GitHub misreads it",
                        "un lien contenant `:` dans une liste entre crochets doit être entre guillemets, sinon GitHub le lit mal"
                    ),
                );
                continue;
            }
            self.check_value(path, element.position, kind, value);
        }
        elements.into_iter().map(|(value, _, _)| value).collect()
    }

    /// Whether a sequence is written `[a, b]` rather than as `- a` lines.
    fn is_flow_sequence(&self, node: &Node) -> bool {
        matches!(node.value, Value::Sequence(_)) && self.char_at(node.position) == Some('[')
            || node
                .elements()
                .first()
                .is_some_and(|first| self.char_before(first.position) == Some('['))
    }

    /// Whether a scalar is written in quotes.
    fn quoted(&self, node: &Node) -> bool {
        matches!(self.char_at(node.position), Some('"' | '\''))
    }

    fn char_at(&self, at: Position) -> Option<char> {
        let (line, column) = self.line_and_column(at)?;
        line.chars().nth(column)
    }

    /// The first character before `at` that is not a space, on the same line.
    fn char_before(&self, at: Position) -> Option<char> {
        let (line, column) = self.line_and_column(at)?;
        let before: Vec<char> = line.chars().take(column).collect();
        before.into_iter().rev().find(|c| !c.is_whitespace())
    }

    /// The line of `at` and its 0-based column.
    fn line_and_column(&self, at: Position) -> Option<(&str, usize)> {
        let line = self
            .source
            .lines()
            .nth(usize::try_from(at.line).ok()?.checked_sub(1)?)?;
        Some((line, usize::try_from(at.column).ok()?.checked_sub(1)?))
    }

    /// Checks one value of the kind the key takes.
    fn check_value(&mut self, path: &str, at: Position, kind: Kind, value: &str) {
        let key = path.split('[').next().unwrap_or(path);
        let problem = match kind {
            Kind::Sponsors => account_problem(key, value).or_else(|| github_problem(value)),
            Kind::Account => account_problem(key, value),
            Kind::Tidelift => tidelift_problem(value),
            Kind::ThanksDev => {
                if let Some(problem) = account_problem(key, value) {
                    Some(problem)
                } else if !is_thanks_dev_path(value) {
                    // GitHub links thanks.dev/<value>, which only works as u/gh/<user>.
                    let shown = shorten(value);
                    let name = value.rsplit('/').next().unwrap_or(value);
                    let name = shorten(name);
                    self.warning(
                        path,
                        at,
                        text!(
                            "thanks.dev expects the form `u/gh/<user>`, such as `u/gh/{name}`, not `{shown}`",
                            "thanks.dev attend la forme `u/gh/<utilisateur>`, comme `u/gh/{name}`, et non `{shown}`"
                        ),
                    );
                    None
                } else {
                    None
                }
            }
            Kind::Custom => custom_problem(value),
        };
        if let Some(message) = problem {
            self.error(path, at, message);
        }
    }
}

fn not_a_name(key: &str) -> Text {
    text!(
        "`{key}` takes one account name",
        "`{key}` prend un nom de compte"
    )
}

fn list_shape(kind: Kind) -> Text {
    match kind {
        Kind::Custom => text!(
            "`custom` takes a link or a list of up to 4 links",
            "`custom` prend un lien ou une liste d'au plus 4 liens"
        ),
        _ => text!(
            "`github` takes a user name or a list of up to 4 names",
            "`github` prend un nom d'utilisateur ou une liste d'au plus 4 noms"
        ),
    }
}

fn list_element_shape(kind: Kind) -> Text {
    match kind {
        Kind::Custom => text!(
            "each element of `custom` must be a link",
            "chaque élément de `custom` doit être un lien"
        ),
        _ => text!(
            "each element of `github` must be a user name",
            "chaque élément de `github` doit être un nom d'utilisateur"
        ),
    }
}

/// At most 80 characters of a value quoted in a message, cut on a character boundary.
fn shorten(value: &str) -> String {
    const MAX: usize = 80;
    match value.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_owned(),
    }
}

/// Why a value is not an account name: a URL, an `@`, spaces.
fn account_problem(key: &str, value: &str) -> Option<Text> {
    if looks_like_url(value) {
        return Some(match name_in_url(key, value) {
            Some(name) => {
                let name = shorten(&name);
                text!(
                    "`{key}` takes an account name, not a URL: give the name only, such as `{name}`",
                    "`{key}` attend un nom de compte, pas une URL : donnez le nom seul, comme `{name}`"
                )
            }
            None => text!(
                "`{key}` takes an account name, not a URL: give the name only",
                "`{key}` attend un nom de compte, pas une URL : donnez le nom seul"
            ),
        });
    }
    if let Some(name) = value.strip_prefix('@')
        && !name.is_empty()
        && key != "thanks_dev"
    {
        let name = shorten(name);
        return Some(text!(
            "give the account name without `@`, such as `{name}`",
            "donnez le nom de compte sans `@`, comme `{name}`"
        ));
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        let shown = shorten(value);
        return Some(text!(
            "`{shown}` is not an account name: a name has no spaces",
            "`{shown}` n'est pas un nom de compte : un nom ne contient pas d'espace"
        ));
    }
    None
}

/// GitHub logins: letters, digits and hyphens, not starting with a hyphen, at most 39
/// characters. (Some old accounts break the rule on double and trailing hyphens, so
/// those are not checked.)
fn github_problem(value: &str) -> Option<Text> {
    let valid = !value.is_empty()
        && value.chars().count() <= 39
        && !value.starts_with('-')
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if valid {
        return None;
    }
    let shown = shorten(value);
    Some(text!(
        "`{shown}` is not a GitHub account name (letters, digits and hyphens, at most 39 characters)",
        "`{shown}` n'est pas un nom de compte GitHub (lettres, chiffres et tirets, 39 caractères au plus)"
    ))
}

fn tidelift_problem(value: &str) -> Option<Text> {
    let shown = shorten(value);
    if looks_like_url(value) {
        return Some(text!(
            "`tidelift` takes `platform/package`, such as `npm/left-pad`, not a URL",
            "`tidelift` attend `plateforme/paquet`, comme `npm/left-pad`, et non une URL"
        ));
    }
    let Some((platform, package)) = value.split_once('/') else {
        return Some(text!(
            "`{shown}` lacks its platform: `tidelift` takes `platform/package`, such as `npm/{shown}`",
            "il manque la plateforme à `{shown}` : `tidelift` attend `plateforme/paquet`, comme `npm/{shown}`"
        ));
    };
    if !TIDELIFT_PLATFORMS.contains(&platform) {
        let platform = shorten(platform);
        let known = TIDELIFT_PLATFORMS.join(", ");
        return Some(text!(
            "Tidelift has no platform `{platform}`; it knows {known}",
            "Tidelift n'a pas de plateforme `{platform}` ; il connaît {known}"
        ));
    }
    if package.is_empty() || package.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(text!(
            "`{shown}` does not name a package after its platform, such as `npm/left-pad`",
            "`{shown}` ne nomme pas de paquet après sa plateforme, comme `npm/left-pad`"
        ));
    }
    None
}

/// `u/gh/<user>` (thanks.dev also has `d/` pages and GitLab accounts, `gl`).
fn is_thanks_dev_path(value: &str) -> bool {
    let mut parts = value.split('/');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("u" | "d"), Some("gh" | "gl"), Some(name), None) if !name.is_empty()
    )
}

/// Whether a value is written as a link: a scheme, `www.` or a host before a path.
fn looks_like_url(value: &str) -> bool {
    if value.contains("://")
        || value
            .get(..4)
            .is_some_and(|s| s.eq_ignore_ascii_case("www."))
    {
        return true;
    }
    match value.split_once('/') {
        Some((host, _)) => host.contains('.') && !host.starts_with('.'),
        None => false,
    }
}

/// The account name a platform URL names: its first path segment, past the prefixes
/// platforms put before names (`github.com/sponsors/octocat`, `patreon.com/c/octocat`).
fn name_in_url(key: &str, value: &str) -> Option<String> {
    let rest = value.split_once("://").map_or(value, |(_, rest)| rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let mut segments = rest.split('/').skip(1).filter(|s| !s.is_empty());
    if key == "thanks_dev" {
        let path: Vec<&str> = segments.collect();
        let joined = path.join("/");
        return is_thanks_dev_path(&joined).then_some(joined);
    }
    let mut name = segments.next()?;
    if matches!(name, "sponsors" | "c" | "u" | "user" | "users" | "donate") {
        name = segments.next()?;
    }
    let name = name.strip_prefix('@').unwrap_or(name);
    let usable = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    usable.then(|| name.to_owned())
}

/// Why a value is not a link GitHub accepts: with or without `https://`, a host with a
/// dot, no spaces.
fn custom_problem(value: &str) -> Option<Text> {
    let shown = shorten(value);
    let not_a_link = || {
        text!(
            "`{shown}` is not a link, such as `https://example.org/donate` or `example.org/donate`",
            "`{shown}` n'est pas un lien, comme `https://example.org/donate` ou `example.org/donate`"
        )
    };
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(not_a_link());
    }
    let rest = match value.split_once("://") {
        Some((scheme, rest)) => {
            if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
                let scheme = shorten(scheme);
                return Some(text!(
                    "`custom` takes web links; `{scheme}:` is not one",
                    "`custom` attend des liens web ; `{scheme}:` n'en est pas un"
                ));
            }
            rest
        }
        None => {
            // `mailto:` and the like: a scheme without `//`.
            if let Some((scheme, _)) = value.split_once(':')
                && !scheme.is_empty()
                && scheme.chars().all(|c| c.is_ascii_alphabetic())
                && !scheme.eq_ignore_ascii_case("localhost")
            {
                let scheme = shorten(scheme);
                return Some(text!(
                    "`custom` takes web links; `{scheme}:` is not one",
                    "`custom` attend des liens web ; `{scheme}:` n'en est pas un"
                ));
            }
            value
        }
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host_and_port = authority.rsplit('@').next().unwrap_or(authority);
    let host = match host_and_port.rsplit_once(':') {
        Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => host,
        _ => host_and_port,
    };
    let valid_host = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains("..")
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    (!valid_host).then(not_a_link)
}

enum Suggestion {
    Key(&'static str),
    /// A payment service GitHub has no key for: its link belongs under `custom`.
    Custom,
}

/// The known key an unknown one most likely meant.
fn suggestion(key: &str) -> Option<Suggestion> {
    // Edit distances are quadratic: a key this long is no typo of a known one.
    if key.len() > 64 {
        return None;
    }
    let squashed = squash(key);
    if let Some(known) = KEYS.iter().find(|known| squash(known) == squashed) {
        return Some(Suggestion::Key(known));
    }
    match squashed.as_str() {
        "sponsors" | "githubsponsors" | "sponsor" | "gh" => {
            return Some(Suggestion::Key("github"));
        }
        "lfx" | "lfxmentorship" | "communitybridge" => {
            return Some(Suggestion::Key("community_bridge"));
        }
        "url" | "urls" | "link" | "links" | "website" | "donate" | "donation" | "donations" => {
            return Some(Suggestion::Key("custom"));
        }
        _ => {}
    }
    if squashed.starts_with("paypal") {
        return Some(Suggestion::Custom);
    }
    let lower = key.to_lowercase().replace(['-', ' '], "_");
    let limit = if lower.chars().count() <= 5 { 1 } else { 2 };
    KEYS.iter()
        .map(|known| (super::edit_distance(&lower, known), *known))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, known)| Suggestion::Key(known))
}

/// Lower case without separators: `Open-Collective` and `opencollective` are `open_collective`.
fn squash(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' ' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_of(validation: &Validation) -> Vec<&Finding> {
        validation
            .findings
            .iter()
            .filter(|f| f.is_error())
            .collect()
    }

    fn platform(key: &str, values: &[&str]) -> Platform {
        Platform {
            key: key.to_owned(),
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    #[test]
    fn a_valid_file_lists_its_platforms_in_order() {
        let file = "\
# These are supported funding model platforms

github: [octocat, surftocat]
patreon: octocat
open_collective: my-project
ko_fi: # Replace with a single Ko-fi username
tidelift: npm/octo-package
liberapay: octocat
thanks_dev: u/gh/octocat
custom: [\"https://www.paypal.me/octocat\", octocat.com]
";
        let validation = validate(file.as_bytes());
        assert_eq!(validation.findings, vec![]);
        assert!(validation.is_valid());
        assert_eq!(
            validation.platforms,
            vec![
                platform("github", &["octocat", "surftocat"]),
                platform("patreon", &["octocat"]),
                platform("open_collective", &["my-project"]),
                platform("tidelift", &["npm/octo-package"]),
                platform("liberapay", &["octocat"]),
                platform("thanks_dev", &["u/gh/octocat"]),
                platform("custom", &["https://www.paypal.me/octocat", "octocat.com"]),
            ]
        );
    }

    #[test]
    fn block_lists_and_single_values() {
        let file = "github:\n  - octocat\n  - monalisa\ncustom: https://example.org/donate\nbuy_me_a_coffee: octocat\npolar: octocat\n";
        let validation = validate(file.as_bytes());
        assert_eq!(validation.findings, vec![]);
        assert_eq!(
            validation.platforms,
            vec![
                platform("github", &["octocat", "monalisa"]),
                platform("custom", &["https://example.org/donate"]),
                platform("buy_me_a_coffee", &["octocat"]),
                platform("polar", &["octocat"]),
            ]
        );
    }

    #[test]
    fn an_unknown_key_is_one_error_at_its_line() {
        let validation = validate(b"github: octocat\npaypal_me: x\n");
        assert!(!validation.is_valid());
        assert_eq!(validation.findings.len(), 1, "{:?}", validation.findings);
        let finding = &validation.findings[0];
        assert_eq!(finding.severity, Severity::Error);
        assert_eq!(finding.path, "paypal_me");
        assert_eq!((finding.line, finding.column), (2, 1));
        assert!(
            finding.message.en.contains("`paypal_me`"),
            "{}",
            finding.message.en
        );
        assert!(
            finding.message.en.contains("`custom`"),
            "{}",
            finding.message.en
        );
        assert!(finding.message.fr.contains("`paypal_me`"));
        assert_eq!(validation.platforms, vec![platform("github", &["octocat"])]);
    }

    #[test]
    fn close_keys_get_a_did_you_mean() {
        for (typo, meant) in [
            ("opencollective", "open_collective"),
            ("kofi", "ko_fi"),
            ("ko-fi", "ko_fi"),
            ("GitHub", "github"),
            ("liberpay", "liberapay"),
            ("buymeacoffee", "buy_me_a_coffee"),
            ("thanksdev", "thanks_dev"),
            ("patron", "patreon"),
            ("custon", "custom"),
            ("github_sponsors", "github"),
        ] {
            let validation = validate(format!("{typo}: x\n").as_bytes());
            assert_eq!(validation.findings.len(), 1, "{typo}");
            let message = &validation.findings[0].message;
            assert!(
                message.en.contains(&format!("did you mean `{meant}`?")),
                "{typo}: {}",
                message.en
            );
            assert!(
                message
                    .fr
                    .contains(&format!("vouliez-vous dire `{meant}` ?"))
            );
        }
        let validation = validate(b"bitcoin: x\n");
        assert!(!validation.findings[0].message.en.contains("did you mean"));
    }

    #[test]
    fn five_github_accounts_are_too_many() {
        let validation = validate(b"github: [a, b, c, d, e]\n");
        let errors = errors_of(&validation);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "github");
        assert_eq!(errors[0].line, 1);
        assert!(
            errors[0].message.en.contains("names 5"),
            "{}",
            errors[0].message.en
        );
        assert!(validate(b"github: [a, b, c, d]\n").is_valid());
    }

    #[test]
    fn github_names_have_github_s_shape() {
        let validation = validate(b"github: [octocat, 'not valid', under_score]\n");
        let paths: Vec<&str> = errors_of(&validation)
            .iter()
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(paths, ["github[1]", "github[2]"]);
        let validation = validate(b"github: \"@octocat\"\n");
        assert_eq!(errors_of(&validation).len(), 1);
        assert!(validation.findings[0].message.en.contains("without `@`"));
    }

    #[test]
    fn tidelift_needs_a_known_platform_and_a_package() {
        let validation = validate(b"tidelift: left-pad\n");
        let errors = errors_of(&validation);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].path.as_str(), errors[0].line, errors[0].column),
            ("tidelift", 1, 11)
        );
        assert!(errors[0].message.en.contains("platform/package"));

        let validation = validate(b"tidelift: cargo/serde\n");
        let errors = errors_of(&validation);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.en.contains("`cargo`"),
            "{}",
            errors[0].message.en
        );
        assert!(errors[0].message.en.contains("npm, pypi"));

        assert!(!validate(b"tidelift: npm/\n").is_valid());
        for good in [
            "npm/@babel/core",
            "pypi/requests",
            "maven/org.apache:commons",
            "nuget/Newtonsoft.Json",
        ] {
            assert!(
                validate(format!("tidelift: \"{good}\"\n").as_bytes()).is_valid(),
                "{good}"
            );
        }
    }

    #[test]
    fn a_url_where_a_name_is_expected_says_to_give_the_name() {
        let validation = validate(b"patreon: https://www.patreon.com/octocat\n");
        let errors = errors_of(&validation);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "patreon");
        assert_eq!((errors[0].line, errors[0].column), (1, 10));
        assert!(
            errors[0].message.en.contains("name only"),
            "{}",
            errors[0].message.en
        );
        assert!(
            errors[0].message.en.contains("`octocat`"),
            "{}",
            errors[0].message.en
        );
        assert!(errors[0].message.fr.contains("nom seul"));

        for (file, name) in [
            ("github: github.com/sponsors/octocat\n", Some("octocat")),
            ("ko_fi: ko-fi.com/octocat\n", Some("octocat")),
            ("open_collective: www.opencollective.com\n", None),
            (
                "thanks_dev: https://thanks.dev/u/gh/octocat\n",
                Some("u/gh/octocat"),
            ),
        ] {
            let validation = validate(file.as_bytes());
            let errors = errors_of(&validation);
            assert_eq!(errors.len(), 1, "{file}");
            match name {
                Some(name) => assert!(
                    errors[0].message.en.ends_with(&format!("`{name}`")),
                    "{file}: {}",
                    errors[0].message.en
                ),
                None => assert!(errors[0].message.en.ends_with("name only"), "{file}"),
            }
        }
    }

    #[test]
    fn single_account_keys_take_one_value() {
        let validation = validate(b"patreon: [a, b]\n");
        assert_eq!(errors_of(&validation).len(), 1);
        assert!(validation.findings[0].message.en.contains("not a list"));
        // One name in brackets: accepted, with a warning.
        let validation = validate(b"patreon: [octocat]\n");
        assert!(validation.is_valid());
        assert_eq!(validation.findings.len(), 1);
        assert_eq!(
            validation.platforms,
            vec![platform("patreon", &["octocat"])]
        );
        assert!(!validate(b"patreon: {a: b}\n").is_valid());
        assert!(!validate(b"patreon: true\n").is_valid());
        assert!(!validate(b"liberapay: two words\n").is_valid());
        // Numbers are names as written.
        let validation = validate(b"liberapay: 0123\n");
        assert!(validation.is_valid());
        assert_eq!(validation.platforms, vec![platform("liberapay", &["0123"])]);
    }

    #[test]
    fn custom_takes_up_to_four_links_with_or_without_scheme() {
        let validation = validate(
            b"custom:\n  - https://a.example\n  - b.example/donate\n  - http://c.example\n  - d.example\n  - e.example\n",
        );
        let errors = errors_of(&validation);
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].path.as_str(), errors[0].line), ("custom", 1));
        assert!(errors[0].message.en.contains("has 5"));
        assert_eq!(validation.platforms[0].values.len(), 5);

        assert!(validate(b"custom: example.org\n").is_valid());
        assert!(validate(b"custom: \"https://example.org:8443/give?x=1\"\n").is_valid());
        for bad in [
            "custom: not a link\n",
            "custom: octocat\n",
            "custom: \"mailto:me@example.org\"\n",
            "custom: \"ftp://example.org\"\n",
            "custom: [\"https://example.org\", \"..\"]\n",
        ] {
            let validation = validate(bad.as_bytes());
            assert_eq!(
                errors_of(&validation).len(),
                1,
                "{bad}: {:?}",
                validation.findings
            );
        }
    }

    #[test]
    fn unquoted_links_with_a_colon_in_brackets_are_errors() {
        let validation = validate(b"custom: [\"https://ok.example\", https://bad.example]\n");
        let errors = errors_of(&validation);
        assert_eq!(errors.len(), 1, "{:?}", validation.findings);
        assert_eq!(errors[0].path, "custom[1]");
        assert!(errors[0].message.en.contains("quotes"));
        // The same link on a `-` line is fine.
        assert!(validate(b"custom:\n  - https://ok.example\n").is_valid());
    }

    #[test]
    fn thanks_dev_wants_its_path_form() {
        assert!(validate(b"thanks_dev: u/gh/octocat\n").findings.is_empty());
        let validation = validate(b"thanks_dev: octocat\n");
        assert!(validation.is_valid());
        assert_eq!(validation.findings.len(), 1);
        assert_eq!(validation.findings[0].severity, Severity::Warning);
        assert!(validation.findings[0].message.en.contains("`u/gh/octocat`"));
    }

    #[test]
    fn null_values_are_fine_and_not_listed() {
        let template = "\
github: # Replace with up to 4 GitHub Sponsors-enabled usernames e.g., [user1, user2]
patreon: # Replace with a single Patreon username
open_collective: # Replace with a single Open Collective username
ko_fi: # Replace with a single Ko-fi username
tidelift: # Replace with a single Tidelift platform-name/package-name e.g., npm/babel
community_bridge: # Replace with a single Community Bridge project-name e.g., cloud-foundry
liberapay: # Replace with a single Liberapay username
issuehunt: # Replace with a single IssueHunt username
lfx_crowdfunding: # Replace with a single LFX Crowdfunding project-name e.g., cloud-foundry
polar: # Replace with a single Polar username
buy_me_a_coffee: octocat
thanks_dev: # Replace with a single thanks.dev username
custom: # Replace with up to 4 custom sponsorship URLs e.g., ['link1', 'link2']
";
        let validation = validate(template.as_bytes());
        assert_eq!(validation.findings, vec![]);
        assert_eq!(
            validation.platforms,
            vec![platform("buy_me_a_coffee", &["octocat"])]
        );
        let validation = validate(b"github: []\ncustom: ''\notechie: ~\nbuy_me_a_coffee: x\n");
        assert_eq!(validation.findings, vec![]);
        assert_eq!(validation.platforms.len(), 1);
    }

    #[test]
    fn a_file_without_values_warns() {
        for file in ["", "   \n", "# only a comment\n", "github:\npatreon:\n"] {
            let validation = validate(file.as_bytes());
            assert!(validation.is_valid(), "{file:?}");
            assert_eq!(validation.findings.len(), 1, "{file:?}");
            let finding = &validation.findings[0];
            assert_eq!(finding.severity, Severity::Warning);
            assert!(finding.message.en.contains("names no platform"));
            assert_eq!(
                (finding.path.as_str(), finding.line, finding.column),
                ("", 1, 1)
            );
        }
    }

    #[test]
    fn a_syntax_error_is_one_error_for_the_whole_file() {
        let validation = validate(b"github: [octocat\npatreon: x\n");
        assert_eq!(validation.findings.len(), 1);
        let finding = &validation.findings[0];
        assert!(finding.is_error());
        assert_eq!(finding.path, "");
        assert!(finding.line >= 1 && finding.column >= 1);
        assert!(
            finding
                .message
                .en
                .starts_with("the file is not valid YAML: ")
        );
        assert!(
            finding
                .message
                .fr
                .starts_with("le fichier n'est pas du YAML valide : ")
        );
        assert!(
            !finding.message.en.contains("line 1"),
            "{}",
            finding.message.en
        );
        assert!(validation.platforms.is_empty());
        // Duplicate keys are a syntax error too.
        assert!(!validate(b"github: a\ngithub: b\n").is_valid());
    }

    #[test]
    fn not_utf8_is_an_error_at_the_start() {
        let validation = validate(b"github: oct\xffcat\n");
        assert_eq!(validation.findings.len(), 1);
        let finding = &validation.findings[0];
        assert!(finding.is_error());
        assert_eq!(
            (finding.path.as_str(), finding.line, finding.column),
            ("", 1, 1)
        );
        assert!(finding.message.en.contains("UTF-8"));
    }

    #[test]
    fn a_document_that_is_not_a_mapping_is_an_error() {
        for file in ["- github\n- patreon\n", "octocat\n", "42\n"] {
            let validation = validate(file.as_bytes());
            assert_eq!(errors_of(&validation).len(), 1, "{file}");
            assert_eq!(validation.findings.len(), 1, "{file}");
            assert_eq!(validation.findings[0].path, "");
        }
    }

    #[test]
    fn otechie_is_read_with_a_warning() {
        let validation = validate(b"otechie: octocat\n");
        assert!(validation.is_valid());
        assert_eq!(validation.findings.len(), 1);
        assert_eq!(
            validation.platforms,
            vec![platform("otechie", &["octocat"])]
        );
    }

    #[test]
    fn a_bom_is_ignored() {
        let validation = validate("\u{feff}github: octocat\n".as_bytes());
        assert_eq!(validation.findings, vec![]);
        assert_eq!(validation.platforms.len(), 1);
    }

    #[test]
    fn findings_are_sorted() {
        let validation = validate(b"zzz: 1\ngithub: [a, 'b c']\naaa: 2\n");
        let lines: Vec<u64> = validation.findings.iter().map(|f| f.line).collect();
        assert_eq!(lines, [1, 2, 3]);
    }

    #[test]
    fn random_bytes_do_not_panic() {
        // A small xorshift generator: deterministic, no dependency.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet = b"github:custom[]{}'\",-#&*!|>\n\t :/.@u\xff\xc3\xa9~?0123456789";
        for _ in 0..2000 {
            let len = (next() % 80) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    let r = next();
                    if r % 4 == 0 {
                        (r >> 8) as u8
                    } else {
                        alphabet[(r >> 8) as usize % alphabet.len()]
                    }
                })
                .collect();
            let validation = validate(&bytes);
            for finding in &validation.findings {
                assert!(finding.line >= 1 && finding.column >= 1);
            }
        }
        let long_key = "k".repeat(10_000);
        let validation = validate(format!("{long_key}: x\n").as_bytes());
        assert_eq!(validation.findings.len(), 1);
        assert!(validation.findings[0].message.en.len() < 300);
        let many = format!("github: [{}]\n", vec!["a"; 5000].join(", "));
        assert!(!validate(many.as_bytes()).is_valid());
    }
}

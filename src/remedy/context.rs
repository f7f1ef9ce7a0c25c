//! What the repository tells, read once, for every draft.
//!
//! Everything is read through the repository view, within its bounds: the root's
//! manifests (`Cargo.toml`, `package.json`, `pyproject.toml`, `go.mod`, `pom.xml`,
//! `composer.json`), the README, the community files that may name a contact, the
//! `origin` remote from the configuration, the last year's history with `.mailmap`
//! applied, the release tags, and the names of the tree's files. What cannot be read is
//! left unknown: reading never fails and never panics.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::i18n::Lang;
use crate::licence::declared;
use crate::licence::dependencies::canonical_expression;
use crate::metadata::changelog::{day_text, normalise_version};
use crate::repo::history::Reach;
use crate::repo::{Entry, EntryKind, RepoView, SCAN_BYTES};

/// Where the repository is hosted, by its `origin` remote: where the drafts go
/// (`.github/` or `.gitlab/`) and which CI job is drafted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Forge {
    GitHub,
    GitLab,
    /// Another forge, or no remote: the files go to the root, and no CI job is drafted
    /// unless asked.
    #[default]
    Other,
}

/// A build system found at the root, for the contribution guide's build and test steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    Cargo,
    Npm,
    Pnpm,
    Yarn,
    Pip,
    Poetry,
    Uv,
    Go,
    Maven,
    Gradle,
    Make,
    CMake,
}

/// How contributors' copyright is handled (`--copyright-strategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strategy {
    /// Developer Certificate of Origin: contributors keep their copyright and sign off.
    #[default]
    Dco,
    /// A contributor licence agreement.
    Cla,
    /// Inbound = outbound: contributions come under the project's licence, nothing signed.
    InboundOutbound,
}

/// How decisions are made (`--governance`), among the models the source documents name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Governance {
    /// One person decides, after listening.
    BenevolentDictator,
    /// A council of maintainers decides by lazy consensus, voting when it must.
    #[default]
    MaintainerCouncil,
    /// Those who do the work decide.
    DoOcracy,
}

/// Someone who made commits over the last year, `.mailmap` applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub email: String,
    pub commits: usize,
}

/// A release tag (a name that is a version), with the day of its commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub tag: String,
    /// The version, without a leading `v`.
    pub version: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// What the drafts are filled with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The language of the drafts (`--lang`).
    pub lang: Lang,
    /// The project's name: a manifest's, else the remote's last component, else the
    /// directory's.
    pub name: String,
    /// What the project is, in a sentence, when the manifests or the README say.
    pub description: Option<String>,
    /// The `origin` remote as an `https://` URL, when there is one.
    pub remote: Option<String>,
    pub forge: Forge,
    /// The project's licence, an SPDX expression: `--licence`, else the one its
    /// manifests or README declare.
    pub licence: Option<String>,
    /// Who holds the copyright: the manifests' authors, else the most active person,
    /// else a [`super::TODO`] mark.
    pub holder: String,
    /// The year and the day (`YYYY-MM-DD`) of `SOURCE_DATE_EPOCH`, else of the clock.
    pub year: i32,
    pub today: String,
    /// The last year's contributors, the most active first.
    pub people: Vec<Person>,
    /// The release tags, newest first.
    pub releases: Vec<Release>,
    pub builds: Vec<Build>,
    /// The programming languages of the files, the most used first, by name (`Rust`).
    pub languages: Vec<String>,
    pub strategy: Strategy,
    pub governance: Governance,
    /// The address conduct reports go to, when the repository names one
    /// (`conduct@…`, `abuse@…`, `moderation@…`).
    pub conduct_contact: Option<String>,
    /// The address vulnerabilities are reported to, when the repository names one
    /// (`security@…`).
    pub security_contact: Option<String>,
}

/// What `ospo init` was asked, beside the repository.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Lang,
    /// `--licence`: an SPDX expression, used as given when it does not parse.
    pub licence: Option<String>,
    pub strategy: Strategy,
    pub governance: Governance,
    /// The time the drafts are dated from, seconds since the epoch; `None`:
    /// `SOURCE_DATE_EPOCH`, else the clock ([`now`]).
    pub now: Option<i64>,
}

/// How far back the people who made the project are counted.
const YEAR_SECONDS: i64 = 365 * 86_400;
/// The longest description kept, in characters.
const DESCRIPTION_CHARS: usize = 400;
/// How deep the tree is walked for the languages of its files.
const LANGUAGE_DEPTH: usize = 32;
/// Languages kept, the most used first.
const MAX_LANGUAGES: usize = 8;

/// The manifests a name, a description and authors are read from, in order of trust.
const MANIFESTS: &[&str] = &[
    "Cargo.toml",
    "package.json",
    "pyproject.toml",
    "go.mod",
    "pom.xml",
    "composer.json",
];

/// The time drafts are dated from: the one every check counts from.
pub use crate::check::now;

/// The mark of an unknown copyright holder, in the drafts' language.
fn holder_mark(lang: Lang) -> String {
    match lang {
        Lang::En => format!("{}: the copyright holder", super::TODO),
        Lang::Fr => format!("{}: le titulaire des droits", super::TODO),
    }
}

impl Context {
    /// A context with the given name and nothing else known, for tests and for what
    /// cannot be read.
    pub fn bare(name: &str, lang: Lang) -> Context {
        Context {
            lang,
            name: name.to_owned(),
            description: None,
            remote: None,
            forge: Forge::Other,
            licence: None,
            holder: holder_mark(lang),
            year: 1970,
            today: "1970-01-01".to_owned(),
            people: Vec::new(),
            releases: Vec::new(),
            builds: Vec::new(),
            languages: Vec::new(),
            strategy: Strategy::default(),
            governance: Governance::default(),
            conduct_contact: None,
            security_contact: None,
        }
    }

    /// What the repository tells, with what `ospo init` was asked.
    pub fn read(repo: &RepoView, options: &Options) -> Context {
        let now = options.now.unwrap_or_else(now);
        let today = day_text(now.div_euclid(86_400));
        let year = today
            .get(..4)
            .and_then(|year| year.parse().ok())
            .unwrap_or(1970);
        let root: Vec<Entry> = repo
            .list("", 1)
            .map(|listing| listing.to_vec())
            .unwrap_or_default();
        let file = |name: &str| -> Option<String> {
            let entry = root.iter().find(|entry| entry.path == name)?;
            read_text(repo, entry)
        };
        let manifests: Vec<(&str, String)> = MANIFESTS
            .iter()
            .filter_map(|name| Some((*name, file(name)?)))
            .collect();
        let facts: Vec<Manifest> = manifests
            .iter()
            .map(|(name, text)| manifest(name, text))
            .collect();
        let readme = root
            .iter()
            .filter(|entry| entry.path.to_ascii_lowercase().starts_with("readme"))
            .min_by_key(|entry| (readme_rank(&entry.path), entry.path.clone()))
            .and_then(|entry| read_text(repo, entry));

        let remote = repo.remote_url().as_deref().and_then(normalise_remote);
        let name = facts
            .iter()
            .find_map(|facts| facts.name.clone())
            .or_else(|| remote.as_deref().and_then(last_component))
            .or_else(|| {
                repo.root()
                    .file_name()
                    .map(|name| name.to_string_lossy().trim_end_matches(".git").to_owned())
            })
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| "project".to_owned());
        let description = facts
            .iter()
            .find_map(|facts| facts.description.clone())
            .or_else(|| readme.as_deref().and_then(first_paragraph))
            .map(|text| cut(&text, DESCRIPTION_CHARS));

        let has = |name: &str| root.iter().any(|entry| entry.path == name);
        // By the remote's host, else by the CI the repository runs: GitLab's pipeline
        // file, or GitHub's workflows (not by `.github/` alone, which GitLab projects
        // may hold too, and which `ospo init` writes FUNDING.yml to whatever the forge).
        let github_workflows = || {
            repo.list(".github/workflows", 1)
                .is_ok_and(|listing| !listing.is_empty())
        };
        let forge = match remote.as_deref().map(forge_of) {
            Some(forge @ (Forge::GitHub | Forge::GitLab)) => forge,
            _ if has(".gitlab-ci.yml") => Forge::GitLab,
            _ if github_workflows() => Forge::GitHub,
            _ => Forge::Other,
        };

        let licence = options
            .licence
            .as_deref()
            .map(|given| canonical_expression(given).unwrap_or_else(|| given.trim().to_owned()))
            .or_else(|| {
                manifests.iter().find_map(|(name, text)| {
                    declared::read_manifest(name, text)
                        .and_then(|stated| canonical_expression(&stated))
                })
            })
            .or_else(|| {
                readme
                    .as_deref()
                    .and_then(declared::readme_statement)
                    .map(|(_, expression)| expression)
            });

        let (people, releases) = history(repo, now);
        let holder = facts
            .iter()
            .map(|facts| &facts.authors)
            .find(|authors| !authors.is_empty())
            .map(|authors| authors.join(", "))
            .or_else(|| people.first().map(|person| person.name.clone()))
            .unwrap_or_else(|| holder_mark(options.lang));

        let (conduct_contact, security_contact) = contacts(repo);
        Context {
            lang: options.lang,
            name,
            description,
            remote,
            forge,
            licence,
            holder,
            year,
            today,
            people,
            releases,
            builds: builds(&root, &file),
            languages: languages(repo),
            strategy: options.strategy,
            governance: options.governance,
            conduct_contact,
            security_contact,
        }
    }

    /// The remote's address of a page of the forge (`issues`, `security/advisories/new`),
    /// with GitLab's `/-/` where it wants one; `None` without a remote.
    pub fn forge_page(&self, page: &str) -> Option<String> {
        let remote = self.remote.as_deref()?;
        Some(match self.forge {
            Forge::GitLab => format!("{remote}/-/{page}"),
            _ => format!("{remote}/{page}"),
        })
    }
}

/// A file's text, when it is a regular file (or a link within the repository) that is
/// text and within what probes read.
fn read_text(repo: &RepoView, entry: &Entry) -> Option<String> {
    if !matches!(entry.kind, EntryKind::File | EntryKind::Link { .. }) {
        return None;
    }
    let content = repo.read(entry, SCAN_BYTES).ok()?;
    (!content.is_binary()).then(|| content.text())
}

/// READMEs in the order a forge shows them: Markdown first.
fn readme_rank(path: &str) -> usize {
    let lower = path.to_ascii_lowercase();
    [
        "readme.md",
        "readme",
        "readme.rst",
        "readme.txt",
        "readme.adoc",
    ]
    .iter()
    .position(|name| *name == lower)
    .unwrap_or(usize::MAX)
}

/// What one manifest says of the project.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Manifest {
    pub name: Option<String>,
    pub description: Option<String>,
    /// Names only: the e-mail addresses and URLs that follow them are left out.
    pub authors: Vec<String>,
}

/// The name, description and authors of a manifest; nothing from one that does not
/// parse.
pub(crate) fn manifest(file: &str, text: &str) -> Manifest {
    let found = match file {
        "Cargo.toml" => cargo(text),
        "pyproject.toml" => pyproject(text),
        "package.json" | "composer.json" => json_manifest(text),
        "go.mod" => go_mod(text),
        "pom.xml" => pom(text),
        _ => None,
    };
    let mut found = found.unwrap_or_default();
    let clean = |value: Option<String>| {
        value
            .map(|value| value.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|value| !value.is_empty())
    };
    found.name = clean(found.name);
    found.description = clean(found.description);
    found.authors = found
        .authors
        .into_iter()
        .map(|author| person_name(&author))
        .filter(|author| !author.is_empty())
        .collect();
    found
}

/// `Jeanne Dupont <jeanne@example.org> (https://…)` → `Jeanne Dupont`.
fn person_name(author: &str) -> String {
    let end = author.find(['<', '(']).unwrap_or(author.len());
    author[..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn strings(value: Option<&toml::Value>) -> Vec<String> {
    value
        .and_then(toml::Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|author| match author {
                    toml::Value::String(text) => Some(text.clone()),
                    toml::Value::Table(table) => table
                        .get("name")
                        .and_then(|n| n.as_str())
                        .map(str::to_owned),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

fn cargo(text: &str) -> Option<Manifest> {
    let value: toml::Table = toml::from_str(text).ok()?;
    let package = value.get("package")?;
    let text_of = |key: &str| package.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    Some(Manifest {
        name: text_of("name"),
        description: text_of("description"),
        authors: strings(package.get("authors")),
    })
}

fn pyproject(text: &str) -> Option<Manifest> {
    let value: toml::Table = toml::from_str(text).ok()?;
    let poetry = value.get("tool").and_then(|tool| tool.get("poetry"));
    let project = value.get("project");
    let text_of = |key: &str| {
        [project, poetry]
            .into_iter()
            .flatten()
            .find_map(|table| table.get(key).and_then(|v| v.as_str()).map(str::to_owned))
    };
    let authors = [project, poetry]
        .into_iter()
        .flatten()
        .map(|table| strings(table.get("authors")))
        .find(|authors| !authors.is_empty())
        .unwrap_or_default();
    Some(Manifest {
        name: text_of("name"),
        description: text_of("description"),
        authors,
    })
}

fn json_manifest(text: &str) -> Option<Manifest> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let text_of = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let person = |author: &serde_json::Value| match author {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Object(map) => map.get("name")?.as_str().map(str::to_owned),
        _ => None,
    };
    // npm's `author`, composer's `authors`.
    let mut authors: Vec<String> = value.get("author").and_then(person).into_iter().collect();
    if let Some(list) = value.get("authors").and_then(|v| v.as_array()) {
        authors.extend(list.iter().filter_map(person));
    }
    Some(Manifest {
        name: text_of("name"),
        description: text_of("description"),
        authors,
    })
}

/// `module example.org/group/tool/v2` → `tool`.
fn go_mod(text: &str) -> Option<Manifest> {
    let module = text.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("module")?;
        rest.starts_with(char::is_whitespace)
            .then(|| rest.trim().trim_matches('"').to_owned())
    })?;
    let name = module
        .split('/')
        .rev()
        .find(|part| {
            !(part.len() >= 2
                && part.starts_with('v')
                && part[1..].chars().all(|c| c.is_ascii_digit()))
        })
        .map(str::to_owned);
    Some(Manifest {
        name,
        ..Manifest::default()
    })
}

/// The project's own `artifactId` (its `<parent>`'s left out), `<description>` and
/// developers' names.
fn pom(text: &str) -> Option<Manifest> {
    static PARENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<parent>.*?</parent>").expect("valid regex"));
    static NESTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)<(dependencies|dependencyManagement|build|profiles|modules|licenses)>.*?</(dependencies|dependencyManagement|build|profiles|modules|licenses)>")
            .expect("valid regex")
    });
    static ARTIFACT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"<artifactId>\s*([^<]+?)\s*</artifactId>").expect("valid regex")
    });
    static DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)<description>\s*([^<]+?)\s*</description>").expect("valid regex")
    });
    static DEVELOPER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)<developer>.*?<name>\s*([^<]+?)\s*</name>").expect("valid regex")
    });
    let own = PARENT.replace_all(text, "");
    let own = NESTED.replace_all(&own, "");
    Some(Manifest {
        name: ARTIFACT.captures(&own).map(|c| c[1].to_owned()),
        description: DESCRIPTION.captures(&own).map(|c| c[1].to_owned()),
        authors: DEVELOPER
            .captures_iter(&own)
            .map(|c| c[1].to_owned())
            .collect(),
    })
}

/// The README's first paragraph of prose: headings, badges, images, HTML, tables, code
/// blocks and link-only lines skipped; its lines joined.
pub fn first_paragraph(text: &str) -> Option<String> {
    let mut paragraph: Vec<&str> = Vec::new();
    let mut fence = false;
    let lines: Vec<&str> = text.lines().collect();
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = !fence;
            if !paragraph.is_empty() {
                break;
            }
            continue;
        }
        let underlined = lines.get(index + 1).is_some_and(|next| {
            let next = next.trim();
            next.len() >= 3
                && next
                    .chars()
                    .all(|c| matches!(c, '=' | '-' | '~' | '^' | '*'))
        });
        let skipped = fence
            || trimmed.is_empty()
            || underlined
            || trimmed
                .chars()
                .all(|c| matches!(c, '=' | '-' | '~' | '^' | '*' | '#'))
            || trimmed.starts_with(['#', '<', '!', '|', '[', '>', '.', ':', '+'])
            || trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed.starts_with("http://")
            || trimmed.starts_with("https://");
        if skipped {
            if !paragraph.is_empty() {
                break;
            }
            continue;
        }
        paragraph.push(trimmed);
    }
    let joined = paragraph.join(" ");
    let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    (joined.chars().filter(|c| c.is_alphabetic()).count() >= 10).then_some(joined)
}

/// `text` cut at a word within `chars` characters, with an ellipsis when cut.
fn cut(text: &str, chars: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(chars) else {
        return text.to_owned();
    };
    let kept = &text[..end];
    // A word cut in the middle is left out.
    let kept = if text[end..].starts_with(' ') {
        kept
    } else {
        kept.rsplit_once(' ').map_or(kept, |(head, _)| head)
    };
    format!("{}…", kept.trim_end_matches([',', ';', ':', ' ']))
}

/// A remote's URL as the `https://` address of its web page: `git@github.com:o/r.git`
/// → `https://github.com/o/r`; credentials, ports and `.git` dropped. `None` for a path
/// or a `file://` URL, which no browser opens.
pub fn normalise_remote(url: &str) -> Option<String> {
    let url = url.trim();
    let (host, path) = if let Some((scheme, rest)) = url.split_once("://") {
        if !matches!(
            scheme.to_ascii_lowercase().as_str(),
            "https" | "http" | "ssh" | "git" | "git+ssh" | "ssh+git"
        ) {
            return None;
        }
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host);
        // A port, not an IPv6 address's colons.
        let host = match host.rsplit_once(':') {
            Some((name, port))
                if !name.contains(':') && port.chars().all(|c| c.is_ascii_digit()) =>
            {
                name
            }
            _ => host,
        };
        (host, path)
    } else {
        // scp-like: [user@]host:path, where the host holds no slash.
        let (authority, path) = url.split_once(':')?;
        if authority.contains('/') || authority.is_empty() || path.starts_with("//") {
            return None;
        }
        let host = authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host);
        // `C:\…` is a Windows path.
        if host.len() == 1 {
            return None;
        }
        (host, path)
    };
    let host = host.to_ascii_lowercase();
    if host.is_empty()
        || !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'))
    {
        return None;
    }
    let path = path.trim_matches('/');
    let path = path
        .strip_suffix(".git")
        .unwrap_or(path)
        .trim_end_matches('/');
    if path.is_empty()
        || path
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
    {
        return None;
    }
    Some(format!("https://{host}/{path}"))
}

/// The forge an `https://` address is on, by its host.
pub fn forge_of(url: &str) -> Forge {
    let host = url
        .strip_prefix("https://")
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or("");
    let known_gitlabs = [
        "framagit.org",
        "salsa.debian.org",
        "invent.kde.org",
        "code.europa.eu",
        "gitlab.adullact.net",
    ];
    if host == "github.com" || host == "www.github.com" {
        Forge::GitHub
    } else if host.split('.').any(|label| label == "gitlab") || known_gitlabs.contains(&host) {
        Forge::GitLab
    } else {
        Forge::Other
    }
}

/// The last component of an address's path.
fn last_component(url: &str) -> Option<String> {
    let url = url.strip_prefix("https://").unwrap_or(url);
    let (_, path) = url.split_once('/')?;
    path.rsplit('/')
        .next()
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
}

/// The last year's contributors, the most active first, and the release tags, newest
/// first; nothing from a history that cannot be read.
fn history(repo: &RepoView, now: i64) -> (Vec<Person>, Vec<Release>) {
    let since = now - YEAR_SECONDS;
    let reach = Reach {
        since: Some(since),
        tags: true,
        ..Reach::default()
    };
    let Ok(history) = repo.history(reach) else {
        return (Vec::new(), Vec::new());
    };
    // By e-mail address, as the activity items count people; the name of the newest
    // commit kept.
    let mut by_email: BTreeMap<String, Person> = BTreeMap::new();
    for commit in history
        .commits
        .iter()
        .filter(|c| c.time >= since && c.time <= now)
    {
        let who = &commit.contributor;
        if who.name.contains("[bot]") || who.email.contains("[bot]") {
            continue;
        }
        by_email
            .entry(who.email.to_lowercase())
            .or_insert_with(|| Person {
                name: who.name.clone(),
                email: who.email.clone(),
                commits: 0,
            })
            .commits += 1;
    }
    let mut people: Vec<Person> = by_email.into_values().collect();
    people.sort_by(|a, b| {
        b.commits
            .cmp(&a.commits)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.email.cmp(&b.email))
    });
    let releases = history
        .releases
        .iter()
        .map(|release| Release {
            tag: release.name.clone(),
            version: normalise_version(&release.name)
                .unwrap_or_else(|| release.name.trim_start_matches(['v', 'V']).to_owned()),
            date: day_text(release.time.div_euclid(86_400)),
        })
        .collect();
    (people, releases)
}

/// The build systems of the root, in a fixed order.
fn builds(root: &[Entry], file: &dyn Fn(&str) -> Option<String>) -> Vec<Build> {
    let has = |name: &str| root.iter().any(|entry| entry.path == name);
    let mut found = Vec::new();
    if has("Cargo.toml") {
        found.push(Build::Cargo);
    }
    if has("package.json") {
        found.push(if has("pnpm-lock.yaml") {
            Build::Pnpm
        } else if has("yarn.lock") {
            Build::Yarn
        } else {
            Build::Npm
        });
    }
    if has("pyproject.toml") || has("setup.py") || has("setup.cfg") || has("requirements.txt") {
        let poetry = has("poetry.lock")
            || file("pyproject.toml").is_some_and(|text| {
                text.lines()
                    .any(|line| line.trim().starts_with("[tool.poetry"))
            });
        found.push(if has("uv.lock") {
            Build::Uv
        } else if poetry {
            Build::Poetry
        } else {
            Build::Pip
        });
    }
    if has("go.mod") {
        found.push(Build::Go);
    }
    if has("pom.xml") {
        found.push(Build::Maven);
    }
    if has("build.gradle") || has("build.gradle.kts") {
        found.push(Build::Gradle);
    }
    if has("CMakeLists.txt") {
        found.push(Build::CMake);
    }
    if has("Makefile") || has("GNUmakefile") || has("makefile") {
        found.push(Build::Make);
    }
    found
}

/// The programming language a file's extension names.
fn language_of(path: &str) -> Option<&'static str> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let (_, extension) = name.rsplit_once('.')?;
    Some(match extension.to_ascii_lowercase().as_str() {
        "rs" => "Rust",
        "py" | "pyi" => "Python",
        "js" | "mjs" | "cjs" | "jsx" => "JavaScript",
        "ts" | "tsx" | "mts" | "cts" => "TypeScript",
        "go" => "Go",
        "java" => "Java",
        "kt" | "kts" => "Kotlin",
        "c" | "h" => "C",
        "cc" | "cpp" | "cxx" | "hpp" | "hh" | "hxx" => "C++",
        "cs" => "C#",
        "rb" => "Ruby",
        "php" => "PHP",
        "swift" => "Swift",
        "scala" => "Scala",
        "sh" | "bash" => "Shell",
        "ps1" => "PowerShell",
        "r" => "R",
        "jl" => "Julia",
        "lua" => "Lua",
        "pl" | "pm" => "Perl",
        "hs" => "Haskell",
        "ml" | "mli" => "OCaml",
        "ex" | "exs" => "Elixir",
        "erl" => "Erlang",
        "dart" => "Dart",
        "vue" => "Vue",
        "svelte" => "Svelte",
        "clj" | "cljs" => "Clojure",
        "f90" | "f95" | "f03" => "Fortran",
        "zig" => "Zig",
        "groovy" => "Groovy",
        "sql" => "SQL",
        _ => return None,
    })
}

/// The languages of the tree's files, the most files first.
fn languages(repo: &RepoView) -> Vec<String> {
    let Ok(listing) = repo.list("", LANGUAGE_DEPTH) else {
        return Vec::new();
    };
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for entry in listing.iter() {
        if let Some(language) = language_of(&entry.path) {
            *counts.entry(language).or_default() += 1;
        }
    }
    let mut counted: Vec<(&str, usize)> = counts.into_iter().collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    counted
        .into_iter()
        .take(MAX_LANGUAGES)
        .map(|(language, _)| language.to_owned())
        .collect()
}

/// An address whose local part says it receives conduct reports, and one for security
/// reports, from the files that would name them.
fn contacts(repo: &RepoView) -> (Option<String>, Option<String>) {
    static CONDUCT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b((?:conduct|coc|abuse|moderation|moderators?|conduite)[\w.+-]*@[\w-]+(?:\.[\w-]+)+)")
            .expect("valid regex")
    });
    static SECURITY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b((?:security|secu|securite|vulnerabilit(?:y|ies)|psirt|cert|cve)[\w.+-]*@[\w-]+(?:\.[\w-]+)+)")
            .expect("valid regex")
    });
    const NAMES: &[&str] = &[
        "readme",
        "security",
        "code_of_conduct",
        "code-of-conduct",
        "conduct",
        "contributing",
        "support",
        "governance",
        "maintainers",
    ];
    let mut conduct = None;
    let mut security = None;
    for place in ["", ".github", "docs"] {
        let Ok(listing) = repo.list(place, 1) else {
            continue;
        };
        for entry in listing.iter() {
            let name = entry.path.rsplit('/').next().unwrap_or(&entry.path);
            let lower = name.to_ascii_lowercase();
            let stem = lower.split('.').next().unwrap_or(&lower);
            if !NAMES.contains(&stem) {
                continue;
            }
            let Some(text) = read_text(repo, entry) else {
                continue;
            };
            let found = |pattern: &Regex| {
                pattern
                    .captures_iter(&text)
                    .map(|c| c[1].trim_end_matches('.').to_owned())
                    .find(|address| !is_example(address))
            };
            if conduct.is_none() {
                conduct = found(&CONDUCT);
            }
            if security.is_none() {
                security = found(&SECURITY);
            }
        }
    }
    (conduct, security)
}

/// An address of the domains kept for examples.
fn is_example(address: &str) -> bool {
    let domain = address
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    ["example.org", "example.com", "example.net"]
        .iter()
        .any(|example| domain == *example || domain.ends_with(&format!(".{example}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remotes_become_web_addresses() {
        let cases = [
            ("git@github.com:o/r.git", Some("https://github.com/o/r")),
            ("https://github.com/o/r.git", Some("https://github.com/o/r")),
            ("https://github.com/o/r/", Some("https://github.com/o/r")),
            (
                "http://GitLab.Example.org/g/sub/r",
                Some("https://gitlab.example.org/g/sub/r"),
            ),
            (
                "https://user:token@gitlab.com/g/r.git",
                Some("https://gitlab.com/g/r"),
            ),
            (
                "ssh://git@gitlab.example.org:2222/g/r.git",
                Some("https://gitlab.example.org/g/r"),
            ),
            ("git://git.example.org/r", Some("https://git.example.org/r")),
            ("framagit.org:g/r.git", Some("https://framagit.org/g/r")),
            ("/srv/git/r.git", None),
            ("../r", None),
            ("file:///srv/git/r.git", None),
            ("C:\\repos\\r", None),
            ("https://github.com", None),
            ("", None),
        ];
        for (url, expected) in cases {
            assert_eq!(normalise_remote(url).as_deref(), expected, "{url}");
        }
    }

    #[test]
    fn forges_are_told_by_their_host() {
        assert_eq!(forge_of("https://github.com/o/r"), Forge::GitHub);
        assert_eq!(forge_of("https://gitlab.com/g/r"), Forge::GitLab);
        assert_eq!(
            forge_of("https://gitlab.example.gouv.fr/g/r"),
            Forge::GitLab
        );
        assert_eq!(forge_of("https://framagit.org/g/r"), Forge::GitLab);
        assert_eq!(forge_of("https://codeberg.org/o/r"), Forge::Other);
        assert_eq!(forge_of("https://notgitlab.org/o/r"), Forge::Other);
        assert_eq!(
            last_component("https://github.com/o/r").as_deref(),
            Some("r")
        );
    }

    #[test]
    fn manifests_give_names_descriptions_and_authors() {
        let cargo = manifest(
            "Cargo.toml",
            "[package]\nname = \"tidy\"\ndescription = \"Tidies  text\"\nauthors = [\"Jeanne Dupont <j@example.org>\"]\n",
        );
        assert_eq!(
            cargo,
            Manifest {
                name: Some("tidy".into()),
                description: Some("Tidies text".into()),
                authors: vec!["Jeanne Dupont".into()],
            }
        );
        let npm = manifest(
            "package.json",
            r#"{"name": "@org/tidy", "description": "d", "author": {"name": "Ana", "email": "a@x"}}"#,
        );
        assert_eq!(npm.name.as_deref(), Some("@org/tidy"));
        assert_eq!(npm.authors, vec!["Ana".to_owned()]);
        let npm = manifest(
            "package.json",
            r#"{"author": "Ana Lima <a@x> (https://x)"}"#,
        );
        assert_eq!(npm.authors, vec!["Ana Lima".to_owned()]);
        let python = manifest(
            "pyproject.toml",
            "[project]\nname = \"tidy-py\"\nauthors = [{name = \"Léa\", email = \"l@x\"}]\n",
        );
        assert_eq!(python.name.as_deref(), Some("tidy-py"));
        assert_eq!(python.authors, vec!["Léa".to_owned()]);
        let poetry = manifest(
            "pyproject.toml",
            "[tool.poetry]\nname = \"p\"\nauthors = [\"Paul <p@x>\"]\n",
        );
        assert_eq!(poetry.name.as_deref(), Some("p"));
        assert_eq!(poetry.authors, vec!["Paul".to_owned()]);
        assert_eq!(
            manifest("go.mod", "module example.org/group/tool/v2\n\ngo 1.22\n")
                .name
                .as_deref(),
            Some("tool")
        );
        let pom = manifest(
            "pom.xml",
            "<project><parent><artifactId>parent</artifactId></parent>\
             <dependencies><dependency><artifactId>dep</artifactId></dependency></dependencies>\
             <artifactId>app</artifactId><description>An app</description>\
             <developers><developer><name>Zoé</name></developer></developers></project>",
        );
        assert_eq!(pom.name.as_deref(), Some("app"));
        assert_eq!(pom.description.as_deref(), Some("An app"));
        assert_eq!(pom.authors, vec!["Zoé".to_owned()]);
        assert_eq!(manifest("Cargo.toml", "not [toml"), Manifest::default());
        assert_eq!(manifest("package.json", "{"), Manifest::default());
    }

    #[test]
    fn the_readme_first_paragraph_of_prose() {
        let readme = "# Tidy\n\n[![CI](https://x/badge.svg)](https://x)\n\n\
                      Tidy tidies text files\nfor people who write documentation.\n\n## Install\n";
        assert_eq!(
            first_paragraph(readme).as_deref(),
            Some("Tidy tidies text files for people who write documentation.")
        );
        let rst = "Tidy\n====\n\n.. image:: badge.svg\n\nTidy keeps text tidy and tidy.\n";
        assert_eq!(
            first_paragraph(rst).as_deref(),
            Some("Tidy keeps text tidy and tidy.")
        );
        assert_eq!(
            first_paragraph("# Title\n\n```\ncode here is code\n```\n"),
            None
        );
        assert_eq!(cut("one two three", 7), "one two…");
        assert_eq!(cut("one", 7), "one");
    }

    #[test]
    fn languages_are_named_by_extension() {
        assert_eq!(language_of("src/main.rs"), Some("Rust"));
        assert_eq!(language_of("a/b.TSX"), Some("TypeScript"));
        assert_eq!(language_of("README.md"), None);
        assert_eq!(language_of("Makefile"), None);
        assert!(is_example("security@example.org"));
        assert!(!is_example("security@tidy.fr"));
    }
}

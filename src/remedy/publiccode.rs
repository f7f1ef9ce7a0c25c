//! `publiccode.yml`: the description public-sector catalogues read (standard 0.7, the
//! version `ospo publiccode` validates against), drafted from what the repository tells.
//!
//! What the repository tells is filled in: the name, the address it is cloned from, the
//! licence, the last release, the people to contact. What only a person knows is marked
//! [`TODO`]: the descriptions and features as values (text, valid as they are), the
//! guessed platforms, categories, maturity, kind of software, maintenance and languages
//! by a comment line above them. With a remote and a licence known the draft is valid as
//! it is; without, its `url` or `legal.license` holds a mark, which `ospo publiccode`
//! points at until it is filled.

use super::answers::quoted;
use super::context::{Build, Context};
use super::{Draft, TODO};
use crate::i18n::Lang;

/// Where the standard puts the file.
pub const PATH: &str = "publiccode.yml";

/// The version of the standard the draft follows: the one the validator prefers.
const VERSION: &str = "0.7";

/// How many of the most active people are named as contacts.
const CONTACTS: usize = 3;

/// `publiccode.yml`, in the language of `context` for its comments and its description
/// (with an English description beside a French one, as catalogues read English).
pub fn draft(context: &Context) -> Draft {
    let lang = context.lang;
    let w = Words::of(lang);
    let mut out = String::new();
    let mut push = |line: &str| {
        out.push_str(line);
        out.push('\n');
    };
    for line in w.header {
        push(line);
    }
    push("");
    push(&format!("publiccodeYmlVersion: \"{VERSION}\""));
    push("");
    push(&format!("name: {}", quoted(&one_line(&context.name))));
    push(&format!(
        "url: {}",
        quoted(&context.remote.clone().unwrap_or_else(|| mark(w.url)))
    ));
    match context.releases.first() {
        Some(release) => {
            push(&format!("softwareVersion: {}", quoted(&release.version)));
            push(&format!("releaseDate: {}", quoted(&release.date)));
        }
        None => push(&format!("# {}", mark(w.release))),
    }
    push("");
    push(&format!("# {}", mark(w.platforms)));
    push("platforms:");
    for platform in platforms(context) {
        push(&format!("  - {platform}"));
    }
    push("");
    push(&format!("# {}", mark(w.categories)));
    push("categories:");
    push("  - other");
    push("");
    for line in w.status {
        push(line);
    }
    push(&format!("developmentStatus: {}", status(context)));
    push(&format!("softwareType: {}", software_type(context)));
    push("");
    push("description:");
    let mut languages = vec![lang];
    if lang != Lang::En {
        languages.push(Lang::En);
    }
    for language in languages {
        let words = Words::of(language);
        push(&format!("  {}:", language.code()));
        let short = context
            .description
            .as_deref()
            .map(one_line)
            .filter(|text| language == lang && !text.is_empty() && text.chars().count() <= 150)
            .unwrap_or_else(|| mark(words.short));
        push(&format!("    shortDescription: {}", quoted(&short)));
        push(&format!(
            "    longDescription: {}",
            quoted(&mark(words.long))
        ));
        push("    features:");
        push(&format!("      - {}", quoted(&mark(words.feature))));
    }
    push("");
    push("legal:");
    let licence = context
        .licence
        .as_deref()
        .map(one_line)
        .filter(|licence| !licence.is_empty())
        .unwrap_or_else(|| mark(w.licence));
    push(&format!("  license: {}", quoted(&licence)));
    let holder = one_line(&context.holder);
    let holder = if holder.is_empty() || holder.contains(TODO) {
        mark(w.holder)
    } else {
        holder
    };
    push(&format!("  mainCopyrightOwner: {}", quoted(&holder)));
    push("");
    for line in w.maintenance {
        push(line);
    }
    push("maintenance:");
    push("  type: community");
    push("  contacts:");
    let people: Vec<_> = context
        .people
        .iter()
        .filter(|person| !is_bot(&person.name, &person.email))
        .filter(|person| !one_line(&person.name).is_empty())
        .take(CONTACTS)
        .collect();
    if people.is_empty() {
        push(&format!("    - name: {}", quoted(&mark(w.contact))));
    }
    for person in people {
        push(&format!("    - name: {}", quoted(&one_line(&person.name))));
        if is_email(&person.email) {
            push(&format!("      email: {}", quoted(&person.email)));
        }
    }
    push("");
    push(&format!("# {}", mark(w.localisation)));
    push("localisation:");
    push("  localisationReady: false");
    push("  availableLanguages:");
    push(&format!("    - {}", lang.code()));
    Draft {
        path: PATH.to_owned(),
        content: out,
        items: vec!["communication.publiccode".to_owned()],
    }
}

/// `TODO(ospo): what to write`.
fn mark(what: &str) -> String {
    format!("{TODO}: {what}")
}

/// Text on one line: control characters and runs of spaces as one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || crate::report::is_unsafe_char(c))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An address a catalogue can write to: a local part, a domain of two labels or more, and
/// not one that answers nothing (`noreply`).
pub(crate) fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !email.to_ascii_lowercase().contains("noreply")
}

/// A robot's commits, not a person to name.
pub(crate) fn is_bot(name: &str, email: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("[bot]") || name.ends_with("-bot") || email.contains("[bot]")
}

/// The platforms the software likely runs on, from its build systems and languages.
fn platforms(context: &Context) -> Vec<&'static str> {
    const WEB_LANGUAGES: &[&str] = &[
        "JavaScript",
        "TypeScript",
        "PHP",
        "HTML",
        "CSS",
        "Vue",
        "Svelte",
    ];
    const NATIVE_LANGUAGES: &[&str] = &[
        "Rust", "Go", "C", "C++", "Java", "Kotlin", "Python", "C#", "Swift",
    ];
    let web = context
        .builds
        .iter()
        .any(|build| matches!(build, Build::Npm | Build::Pnpm | Build::Yarn))
        || context
            .languages
            .iter()
            .any(|language| WEB_LANGUAGES.contains(&language.as_str()));
    let native = context
        .builds
        .iter()
        .any(|build| !matches!(build, Build::Npm | Build::Pnpm | Build::Yarn))
        || context
            .languages
            .iter()
            .any(|language| NATIVE_LANGUAGES.contains(&language.as_str()));
    let mut platforms = Vec::new();
    if web {
        platforms.push("web");
    }
    if native || !web {
        platforms.extend(["linux", "mac", "windows"]);
    }
    platforms
}

/// The maturity the releases suggest: none yet, before 1.0, from 1.0.
fn status(context: &Context) -> &'static str {
    match context.releases.first() {
        None => "development",
        Some(release) => {
            let major: u64 = release
                .version
                .split(['.', '-', '+'])
                .next()
                .and_then(|major| major.parse().ok())
                .unwrap_or(0);
            if major >= 1 { "stable" } else { "beta" }
        }
    }
}

/// The kind of software the build systems suggest.
fn software_type(context: &Context) -> &'static str {
    if platforms(context) == ["web"] {
        "standalone/web"
    } else {
        "standalone/other"
    }
}

struct Words {
    header: &'static [&'static str],
    url: &'static str,
    release: &'static str,
    platforms: &'static str,
    categories: &'static str,
    status: &'static [&'static str],
    short: &'static str,
    long: &'static str,
    feature: &'static str,
    licence: &'static str,
    holder: &'static str,
    maintenance: &'static [&'static str],
    contact: &'static str,
    localisation: &'static str,
}

impl Words {
    fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::En => &Words {
                header: &[
                    "# publiccode.yml: how public-sector catalogues describe this software (standard",
                    "# 0.7, https://yml.publiccode.tools/). Drafted by `ospo init` from the repository:",
                    "# replace each TODO(ospo) mark, then check the file with `ospo publiccode`.",
                ],
                url: "the address the repository is cloned from (https://…)",
                release: "at the first release, add `softwareVersion: \"1.0.0\"` and `releaseDate: \"YYYY-MM-DD\"`.",
                platforms: "keep the platforms the software runs on (web, windows, mac, linux, ios, android).",
                categories: "list the categories that fit (https://yml.publiccode.tools/categories-list.html).",
                status: &[
                    "# TODO(ospo): check how mature the software is (concept, development, beta, stable, obsolete)",
                    "# and what kind it is (standalone/web, standalone/desktop, standalone/backend,",
                    "# standalone/mobile, standalone/iot, standalone/other, addon, library, configurationFiles).",
                ],
                short: "what the software does, in one sentence of 150 characters at most",
                long: "describe the software in a paragraph of 150 to 10,000 characters: what it does, for whom, what it replaces or improves, and what sets it apart from similar software.",
                feature: "a main feature, in a few words",
                licence: "the SPDX expression of the licence, such as EUPL-1.2",
                holder: "who holds the copyright",
                maintenance: &[
                    "# TODO(ospo): check who maintains the software: `community`, `internal` (the organisation",
                    "# itself), `contract` (then list the `contractors`, each with `name` and `until`) or `none`;",
                    "# and whom to contact.",
                ],
                contact: "the name of a person to contact",
                localisation: "list the languages the software is available in, and say whether it can be translated.",
            },
            Lang::Fr => &Words {
                header: &[
                    "# publiccode.yml : la description du logiciel que lisent les catalogues du secteur",
                    "# public (standard 0.7, https://yml.publiccode.tools/). Ébauche écrite par `ospo init`",
                    "# d'après le dépôt : remplacez chaque marque TODO(ospo), puis vérifiez le fichier avec",
                    "# `ospo publiccode`.",
                ],
                url: "l'adresse depuis laquelle le dépôt est cloné (https://…)",
                release: "à la première publication, ajoutez `softwareVersion: \"1.0.0\"` et `releaseDate: \"AAAA-MM-JJ\"`.",
                platforms: "gardez les plateformes sur lesquelles le logiciel fonctionne (web, windows, mac, linux, ios, android).",
                categories: "indiquez les catégories qui conviennent (https://yml.publiccode.tools/categories-list.html).",
                status: &[
                    "# TODO(ospo): vérifiez la maturité du logiciel (concept, development, beta, stable, obsolete)",
                    "# et son type (standalone/web, standalone/desktop, standalone/backend, standalone/mobile,",
                    "# standalone/iot, standalone/other, addon, library, configurationFiles).",
                ],
                short: "ce que fait le logiciel, en une phrase de 150 caractères au plus",
                long: "décrivez le logiciel en un paragraphe de 150 à 10 000 caractères : ce qu'il fait, pour qui, ce qu'il remplace ou améliore, et ce qui le distingue des logiciels comparables.",
                feature: "une fonctionnalité principale, en quelques mots",
                licence: "l'expression SPDX de la licence, par exemple EUPL-1.2",
                holder: "le titulaire des droits d'auteur",
                maintenance: &[
                    "# TODO(ospo): vérifiez qui maintient le logiciel : `community`, `internal` (l'organisation",
                    "# elle-même), `contract` (indiquez alors les prestataires, `contractors`, chacun avec `name`",
                    "# et `until`) ou `none` ; et qui contacter.",
                ],
                contact: "le nom d'une personne à contacter",
                localisation: "indiquez les langues dans lesquelles le logiciel est disponible, et s'il peut être traduit.",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::publiccode::validate;
    use crate::remedy::context::{Person, Release};

    fn known(lang: Lang) -> Context {
        let mut context = Context::bare("sillon", lang);
        context.remote = Some("https://code.example.org/commune/sillon".to_owned());
        context.licence = Some("EUPL-1.2".to_owned());
        context.holder = "Commune d'Exemple".to_owned();
        context.description = Some("Booking of municipal rooms.".to_owned());
        context.people = vec![
            Person {
                name: "Camille Martin".to_owned(),
                email: "camille@example.org".to_owned(),
                commits: 10,
            },
            Person {
                name: "dependabot[bot]".to_owned(),
                email: "49699333+dependabot[bot]@users.noreply.github.com".to_owned(),
                commits: 5,
            },
            Person {
                name: "Noé".to_owned(),
                email: "noe@users.noreply.github.com".to_owned(),
                commits: 2,
            },
        ];
        context.releases = vec![Release {
            tag: "v1.2.0".to_owned(),
            version: "1.2.0".to_owned(),
            date: "2026-01-10".to_owned(),
        }];
        context.builds = vec![Build::Npm];
        context
    }

    #[test]
    fn with_a_remote_and_a_licence_the_draft_is_valid_as_it_is() {
        for lang in [Lang::En, Lang::Fr] {
            let draft = draft(&known(lang));
            let validation = validate(draft.content.as_bytes());
            assert!(
                validation.findings.is_empty(),
                "{:#?}\n{}",
                validation.findings,
                draft.content
            );
            assert!(
                draft
                    .content
                    .contains("url: \"https://code.example.org/commune/sillon\"")
            );
            assert!(draft.content.contains("softwareVersion: \"1.2.0\""));
            assert!(draft.content.contains("developmentStatus: stable"));
            assert!(draft.content.contains("  - web\n"));
            assert!(!draft.content.contains("dependabot"));
            assert!(draft.content.contains("- name: \"Noé\"\n"));
            assert!(!draft.content.contains("noreply"));
        }
    }

    #[test]
    fn what_is_unknown_is_marked() {
        let draft = draft(&Context::bare("x", Lang::En));
        let validation = validate(draft.content.as_bytes());
        let paths: Vec<&str> = validation
            .findings
            .iter()
            .map(|finding| finding.path.as_str())
            .collect();
        assert_eq!(paths, ["url", "legal.license"], "{}", draft.content);
        assert!(draft.content.contains("developmentStatus: development"));
        assert!(draft.content.contains("# TODO(ospo): at the first release"));
        assert!(
            draft
                .content
                .contains("mainCopyrightOwner: \"TODO(ospo): who holds")
        );
    }
}

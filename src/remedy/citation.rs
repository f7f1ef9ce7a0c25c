//! `CITATION.cff`: how to cite the software (Citation File Format 1.2.0), drafted from
//! what the repository tells — its name, the last year's contributors as authors, the last
//! release, the remote, the licence. The authors are a draft to confirm, marked [`TODO`];
//! what the repository does not tell is a commented mark, so that the file stays valid.

use super::answers::quoted;
use super::context::Context;
use super::publiccode::{is_bot, one_line};
use super::{Draft, TODO};
use crate::i18n::Lang;

/// Where forges and the format's tools look for it.
pub const PATH: &str = "CITATION.cff";

/// How many of the most active people are named as authors.
const AUTHORS: usize = 10;

/// `CITATION.cff`, its comments and message in the language of `context`.
pub fn draft(context: &Context) -> Draft {
    let w = Words::of(context.lang);
    let mut out = String::new();
    let mut push = |line: &str| {
        out.push_str(line);
        out.push('\n');
    };
    for line in w.header {
        push(line);
    }
    push("");
    push("cff-version: 1.2.0");
    push(&format!("message: {}", quoted(w.message)));
    push("type: software");
    push(&format!("title: {}", quoted(&one_line(&context.name))));
    if let Some(description) = context
        .description
        .as_deref()
        .map(one_line)
        .filter(|text| !text.is_empty())
    {
        push(&format!("abstract: {}", quoted(&description)));
    }
    for line in w.authors {
        push(line);
    }
    push("authors:");
    let people: Vec<Author> = context
        .people
        .iter()
        .filter(|person| !is_bot(&person.name, &person.email))
        .map(|person| author(&person.name))
        .filter(|author| *author != Author::Name(String::new()))
        .take(AUTHORS)
        .collect();
    if people.is_empty() {
        push(&format!(
            "  - name: {}",
            quoted(&format!("{TODO}: {}", w.author))
        ));
    }
    for person in people {
        match person {
            Author::Person {
                given,
                particle,
                family,
            } => {
                push(&format!("  - given-names: {}", quoted(&given)));
                if let Some(particle) = particle {
                    push(&format!("    name-particle: {}", quoted(&particle)));
                }
                push(&format!("    family-names: {}", quoted(&family)));
            }
            Author::Name(name) => push(&format!("  - name: {}", quoted(&name))),
        }
    }
    match context.releases.first() {
        Some(release) => {
            push(&format!("version: {}", quoted(&release.version)));
            push(&format!("date-released: {}", quoted(&release.date)));
        }
        None => push(&format!("# {TODO}: {}", w.release)),
    }
    match &context.remote {
        Some(remote) => push(&format!("repository-code: {}", quoted(remote))),
        None => push(&format!("# {TODO}: {}", w.remote)),
    }
    match context.licence.as_deref().and_then(licence_ids) {
        Some(ids) if ids.len() == 1 => push(&format!("license: {}", ids[0])),
        Some(ids) => {
            push("license:");
            for id in ids {
                push(&format!("  - {id}"));
            }
        }
        None => push(&format!("# {TODO}: {}", w.licence)),
    }
    Draft {
        path: PATH.to_owned(),
        content: out,
        items: vec!["community.citation".to_owned()],
    }
}

/// An author as the format names one: a person's given and family names (with the
/// particle between them, as in Ludwig van Beethoven), or one name when the split is not
/// clear (one word, a login, an organisation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Author {
    Person {
        given: String,
        particle: Option<String>,
        family: String,
    },
    Name(String),
}

/// The lower-case words between given and family names in several languages.
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "des", "le",
    "la", "ten", "ter", "zu", "af",
];

/// How a name reads as an author: `Family, Given`, or given names then the family name,
/// when every word is a capitalised word of letters; else the name as one.
pub fn author(name: &str) -> Author {
    let name = one_line(name);
    let is_word = |word: &str| {
        word.chars().next().is_some_and(char::is_alphabetic)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    if let Some((family, given)) = name.split_once(", ") {
        let words: Vec<&str> = family.split(' ').chain(given.split(' ')).collect();
        if !given.contains(',') && words.iter().all(|word| is_word(word)) {
            return Author::Person {
                given: given.to_owned(),
                particle: None,
                family: family.to_owned(),
            };
        }
        return Author::Name(name);
    }
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 2
        || !words.iter().all(|word| is_word(word))
        || !capitalised(words[0])
        || !capitalised(words[words.len() - 1])
    {
        return Author::Name(name);
    }
    let first_particle = (1..words.len() - 1).find(|&at| PARTICLES.contains(&words[at]));
    let (given_end, family_start) = match first_particle {
        Some(at) => {
            let end = (at..words.len() - 1)
                .take_while(|&at| PARTICLES.contains(&words[at]))
                .last()
                .map_or(at, |last| last + 1);
            (at, end)
        }
        None => (words.len() - 1, words.len() - 1),
    };
    if words[..given_end]
        .iter()
        .chain(&words[family_start..])
        .any(|word| !capitalised(word))
    {
        return Author::Name(name);
    }
    Author::Person {
        given: words[..given_end].join(" "),
        particle: (family_start > given_end).then(|| words[given_end..family_start].join(" ")),
        family: words[family_start..].join(" "),
    }
}

/// The SPDX identifiers the format takes for an expression: one licence, or licences any
/// of which may be chosen (`OR`); `None` for anything else (`AND`, `WITH`, a
/// `LicenseRef-`), which `license` cannot say.
fn licence_ids(expression: &str) -> Option<Vec<String>> {
    let parsed = spdx::Expression::parse(expression).ok()?;
    let mut ids = Vec::new();
    for node in parsed.iter() {
        match node {
            spdx::expression::ExprNode::Op(spdx::expression::Operator::Or) => {}
            spdx::expression::ExprNode::Op(spdx::expression::Operator::And) => return None,
            spdx::expression::ExprNode::Req(req) => match &req.req.license {
                spdx::LicenseItem::Spdx {
                    id,
                    or_later: false,
                } if req.req.addition.is_none() => {
                    ids.push(id.name.to_owned());
                }
                _ => return None,
            },
        }
    }
    (!ids.is_empty()).then_some(ids)
}

struct Words {
    header: &'static [&'static str],
    message: &'static str,
    authors: &'static [&'static str],
    author: &'static str,
    release: &'static str,
    remote: &'static str,
    licence: &'static str,
}

impl Words {
    fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::En => &Words {
                header: &[
                    "# CITATION.cff: how to cite this software (Citation File Format 1.2.0,",
                    "# https://citation-file-format.github.io/). Drafted by `ospo init` from the",
                    "# repository: replace each TODO(ospo) mark. GitHub shows \"Cite this repository\" from it.",
                ],
                message: "If you use this software, please cite it as below.",
                authors: &[
                    "# TODO(ospo): check the authors: the people to credit, as they wish to be named",
                    "# (given-names and family-names for a person, name for an organisation).",
                ],
                author: "the name of an author",
                release: "at each release, set `version: \"1.0.0\"` and `date-released: \"YYYY-MM-DD\"`.",
                remote: "add `repository-code:` with the address of the repository (https://…).",
                licence: "add `license:` with the SPDX identifier of the licence, such as MIT.",
            },
            Lang::Fr => &Words {
                header: &[
                    "# CITATION.cff : comment citer ce logiciel (Citation File Format 1.2.0,",
                    "# https://citation-file-format.github.io/). Ébauche écrite par `ospo init` d'après le",
                    "# dépôt : remplacez chaque marque TODO(ospo). GitHub en tire son lien « Cite this repository ».",
                ],
                message: "Si vous utilisez ce logiciel, merci de le citer comme indiqué ci-dessous.",
                authors: &[
                    "# TODO(ospo): vérifiez les auteurs : les personnes à citer, nommées comme elles le",
                    "# souhaitent (given-names et family-names pour une personne, name pour un organisme).",
                ],
                author: "le nom d'un auteur",
                release: "à chaque publication, indiquez `version: \"1.0.0\"` et `date-released: \"AAAA-MM-JJ\"`.",
                remote: "ajoutez `repository-code:` avec l'adresse du dépôt (https://…).",
                licence: "ajoutez `license:` avec l'identifiant SPDX de la licence, par exemple MIT.",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_split_when_the_split_is_clear() {
        let person = |given: &str, particle: Option<&str>, family: &str| Author::Person {
            given: given.to_owned(),
            particle: particle.map(str::to_owned),
            family: family.to_owned(),
        };
        assert_eq!(author("Jeanne Dupont"), person("Jeanne", None, "Dupont"));
        assert_eq!(author("Mary Ann Smith"), person("Mary Ann", None, "Smith"));
        assert_eq!(
            author("Jean-Pierre  Dupont"),
            person("Jean-Pierre", None, "Dupont")
        );
        assert_eq!(
            author("Ludwig van Beethoven"),
            person("Ludwig", Some("van"), "Beethoven")
        );
        assert_eq!(
            author("Charles de la Fontaine"),
            person("Charles", Some("de la"), "Fontaine")
        );
        assert_eq!(author("Dupont, Jeanne"), person("Jeanne", None, "Dupont"));
        assert_eq!(author("Élodie O'Brien"), person("Élodie", None, "O'Brien"));
        for name in [
            "octocat",
            "jeanne dupont",
            "Team 42",
            "李小龙",
            "x_y Z",
            "Jeanne van",
        ] {
            assert_eq!(author(name), Author::Name(name.to_owned()), "{name}");
        }
    }

    #[test]
    fn licences_are_the_identifiers_the_format_takes() {
        assert_eq!(licence_ids("MIT"), Some(vec!["MIT".to_owned()]));
        assert_eq!(
            licence_ids("MIT OR Apache-2.0"),
            Some(vec!["MIT".to_owned(), "Apache-2.0".to_owned()])
        );
        assert_eq!(licence_ids("MIT AND Apache-2.0"), None);
        assert_eq!(
            licence_ids("GPL-2.0-only WITH Classpath-exception-2.0"),
            None
        );
        assert_eq!(licence_ids("LicenseRef-mine"), None);
        assert_eq!(licence_ids("not a licence"), None);
    }
}

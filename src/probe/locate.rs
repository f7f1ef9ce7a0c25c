//! Finding files the way forges do: several names, several places, case-insensitively,
//! never in a dependency's directory, and one main file chosen deliberately.

use super::Problem;
use super::glob::{Glob, lowercase};
use crate::repo::{Entry, RepoError, RepoView};
use crate::yaml::Path;

/// Where forges look for community files, in the order GitHub prefers them.
pub const DEFAULT_PLACES: &[&str] = &[".github", ".", "docs", ".gitlab", ".forgejo", ".gitea"];

/// Directories that belong to dependencies: files there never count.
const VENDORED: &[&str] = &["vendor", "node_modules", "third_party"];

/// How deep `**` looks.
const MAX_DEPTH: usize = 32;

/// Names a probe may give: each file of the places is tried against each.
pub const MAX_NAMES: usize = 64;
/// Places a probe may give: each is listed on its own.
pub const MAX_PLACES: usize = 64;
/// How long a place may be, in characters.
const MAX_PLACE_CHARS: usize = 256;
/// How much of a name or place an error quotes.
const QUOTED_CHARS: usize = 60;

/// `text` as an error quotes it: cut after [`QUOTED_CHARS`] characters.
fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Compiled names and places.
#[derive(Debug, Clone)]
pub struct Finder {
    places: Vec<String>,
    names: Vec<Glob>,
    /// Where to look, place by place, worked out once for every repository.
    searches: Vec<Search>,
    /// [`Finder::describe`], made once: every repository whose file is missing says it.
    described: std::sync::OnceLock<crate::i18n::Text>,
}

/// One place: the prefix its files' paths start with, and the directories to list below
/// it, with how deep (`docs/**/*.md` needs `docs` listed recursively, `README*` only the
/// place itself).
#[derive(Debug, Clone)]
struct Search {
    prefix: String,
    /// The prefix's length in lowercase characters: the lowercased paths start with it.
    lowered_prefix: usize,
    listings: Vec<(String, usize)>,
}

impl Search {
    fn new(place: &str, listings: &[(String, usize)]) -> Search {
        let prefix = match place.trim_matches('/') {
            "." | "" => String::new(),
            dir => format!("{}/", dir.trim_start_matches("./")),
        };
        let listings = listings
            .iter()
            .map(|(dir, depth)| {
                let dir = if dir.is_empty() {
                    place.to_owned()
                } else {
                    format!("{prefix}{dir}")
                };
                (dir, *depth)
            })
            .collect();
        Search {
            lowered_prefix: lowercase(&prefix).len(),
            prefix,
            listings,
        }
    }
}

/// The directory a name's literal leading components name, and how many levels below it
/// the rest of the name reaches.
fn listing(name: &str) -> (String, usize) {
    let parts: Vec<&str> = name.split('/').collect();
    let literal = parts
        .iter()
        .take(parts.len() - 1)
        .take_while(|part| !part.contains(['*', '?', '[', '{']))
        .count();
    let rest = &parts[literal..];
    let depth = if rest.contains(&"**") || rest.iter().any(|p| p.contains("**")) {
        MAX_DEPTH
    } else {
        rest.len()
    };
    (parts[..literal].join("/"), depth)
}

/// A file that matched, with its rank: lower is better.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub entry: Entry,
    rank: (usize, usize, bool, usize),
}

impl Finder {
    /// `names` and `places` sit at `names_path` and `places_path` in the probe, for errors.
    pub fn compile(names: &[String], places: Option<&[String]>) -> Result<Finder, Vec<Problem>> {
        let mut problems = Vec::new();
        if names.is_empty() {
            problems.push(Problem {
                path: Path::default().key("names"),
                message: "`names` needs at least one file name or glob".into(),
            });
        }
        if names.len() > MAX_NAMES {
            problems.push(Problem {
                path: Path::default().key("names"),
                message: format!("`names` holds more than {MAX_NAMES} file names or globs"),
            });
        }
        let mut matchers = Vec::new();
        let mut listings: Vec<(String, usize)> = Vec::new();
        for (index, name) in names.iter().enumerate().take(MAX_NAMES) {
            let at = Path::default().key("names").index(index);
            if name.starts_with('/') || name.split('/').any(|part| part == ".." || part == ".git") {
                problems.push(Problem {
                    path: at,
                    message: format!(
                        "name `{}` must be a relative path inside the repository, outside `.git`",
                        quoted(name)
                    ),
                });
                continue;
            }
            match Glob::new(name) {
                Ok(glob) => matchers.push(glob),
                Err(reason) => {
                    problems.push(Problem {
                        path: at,
                        message: format!("invalid glob `{}`: {reason}", quoted(name)),
                    });
                    continue;
                }
            }
            let (dir, depth) = listing(name);
            match listings.iter_mut().find(|(known, _)| *known == dir) {
                Some((_, known_depth)) => *known_depth = (*known_depth).max(depth),
                None => listings.push((dir, depth)),
            }
        }
        let places: Vec<String> = match places {
            None => DEFAULT_PLACES.iter().map(|p| p.to_string()).collect(),
            Some(places) => {
                if places.is_empty() {
                    problems.push(Problem {
                        path: Path::default().key("places"),
                        message: "`places` needs at least one directory (\".\" is the root)".into(),
                    });
                }
                if places.len() > MAX_PLACES {
                    problems.push(Problem {
                        path: Path::default().key("places"),
                        message: format!("`places` holds more than {MAX_PLACES} directories"),
                    });
                }
                for (index, place) in places.iter().enumerate().take(MAX_PLACES) {
                    let at = Path::default().key("places").index(index);
                    if place.chars().count() > MAX_PLACE_CHARS {
                        problems.push(Problem {
                            path: at,
                            message: format!(
                                "place `{}` is longer than {MAX_PLACE_CHARS} characters",
                                quoted(place)
                            ),
                        });
                    } else if place.starts_with('/')
                        || place.split('/').any(|part| part == ".." || part == ".git")
                    {
                        problems.push(Problem {
                            path: at,
                            message: format!(
                                "place `{place}` must be a directory relative to the repository root, outside `.git`"
                            ),
                        });
                    }
                }
                places.to_vec()
            }
        };
        if problems.is_empty() {
            Ok(Finder {
                searches: places
                    .iter()
                    .map(|place| Search::new(place, &listings))
                    .collect(),
                places,
                names: matchers,
                described: std::sync::OnceLock::new(),
            })
        } else {
            Err(problems)
        }
    }

    /// Every matching file, the main one first; a listing that fails is the probe's
    /// outcome, an error.
    pub fn candidates(&self, repo: &RepoView) -> Result<Vec<Candidate>, Box<super::Outcome>> {
        self.find(repo).map_err(|error| {
            Box::new(super::Outcome::new(
                super::Status::Error,
                crate::text!(
                    "cannot list files: {error}",
                    "impossible de lister les fichiers : {error}"
                ),
            ))
        })
    }

    /// Every matching file, the main one first.
    fn find(&self, repo: &RepoView) -> Result<Vec<Candidate>, RepoError> {
        let mut found: Vec<Candidate> = Vec::new();
        for (place_rank, search) in self.searches.iter().enumerate() {
            for (dir, depth) in &search.listings {
                let listing = repo.list(dir, *depth)?;
                for (entry, lowered) in listing.iter().zip(listing.lowered()) {
                    if !search.prefix.is_empty() && !entry.path.starts_with(&search.prefix) {
                        continue;
                    }
                    let relative = &lowered[search.lowered_prefix..];
                    let Some(name_rank) = self
                        .names
                        .iter()
                        .position(|glob| glob.is_match_lowercase(relative))
                    else {
                        continue;
                    };
                    // Asked of the few paths whose name matches, not of every path.
                    if entry.path.split('/').any(|part| VENDORED.contains(&part)) {
                        continue;
                    }
                    let file_name = entry.path.rsplit('/').next().unwrap_or(&entry.path);
                    let rank = (
                        place_rank,
                        name_rank,
                        has_language_tag(file_name),
                        entry.path.len(),
                    );
                    match found.iter_mut().find(|c| c.entry.path == entry.path) {
                        Some(existing) if existing.rank <= rank => {}
                        Some(existing) => existing.rank = rank,
                        None => found.push(Candidate {
                            entry: entry.clone(),
                            rank,
                        }),
                    }
                }
            }
        }
        found.sort_by(|a, b| {
            a.rank
                .cmp(&b.rank)
                .then_with(|| a.entry.path.cmp(&b.entry.path))
        });
        Ok(found)
    }

    /// A short description of what is looked for: the first few names, and the places.
    pub fn describe(&self) -> crate::i18n::Text {
        self.described.get_or_init(|| self.description()).clone()
    }

    fn description(&self) -> crate::i18n::Text {
        const SHOWN: usize = 4;
        let mut names: Vec<&str> = self.names.iter().take(SHOWN).map(Glob::as_str).collect();
        let more = self.names.len().saturating_sub(SHOWN);
        let more = if more > 0 {
            format!(" (+{more})")
        } else {
            String::new()
        };
        if names.is_empty() {
            names.push("?");
        }
        let places: Vec<&str> = self
            .places
            .iter()
            .map(|p| if p == "." { "/" } else { p.as_str() })
            .collect();
        let (names, places) = (names.join(", "), places.join(", "));
        crate::text!("{names}{more} in {places}", "{names}{more} dans {places}")
    }
}

/// `README.fr.md`, `CONTRIBUTING.pt-BR.md`: a translation, not the main file.
fn has_language_tag(file_name: &str) -> bool {
    let parts: Vec<&str> = file_name.split('.').collect();
    parts.len() >= 3
        && parts[1..parts.len() - 1].iter().any(|part| {
            let mut pieces = part.split(['-', '_']);
            let language = pieces.next().unwrap_or("");
            let region = pieces.next();
            pieces.next().is_none()
                && language.len() == 2
                && language.chars().all(|c| c.is_ascii_alphabetic())
                && region.is_none_or(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_translations() {
        assert!(has_language_tag("README.fr.md"));
        assert!(has_language_tag("README.pt-BR.md"));
        assert!(!has_language_tag("README.md"));
        assert!(!has_language_tag("LICENSE"));
        assert!(!has_language_tag("CHANGELOG.old.md"));
        assert!(!has_language_tag("setup.cfg.in"));
    }

    #[test]
    fn lists_only_the_directories_names_need() {
        assert_eq!(listing("README*"), (String::new(), 1));
        assert_eq!(
            listing(".github/workflows/*.yml"),
            (".github/workflows".into(), 1)
        );
        assert_eq!(listing("docs/**/*.md"), ("docs".into(), MAX_DEPTH));
        assert_eq!(listing("ISSUE_TEMPLATE/*"), ("ISSUE_TEMPLATE".into(), 1));
        assert_eq!(listing("*/x/*.md"), (String::new(), 3));
    }

    #[test]
    fn reports_every_bad_name_and_place() {
        let names = vec!["[".to_string(), "../x".to_string(), "ok*".to_string()];
        let places = vec!["/etc".to_string()];
        let problems = Finder::compile(&names, Some(&places)).unwrap_err();
        assert_eq!(problems.len(), 3);
        assert_eq!(problems[0].path.to_string(), "names[0]");
        assert!(problems[0].message.contains("invalid glob"));
        assert_eq!(problems[1].path.to_string(), "names[1]");
        assert_eq!(problems[2].path.to_string(), "places[0]");
    }
}

//! `file`: one of several files exists, in the places forges look.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::locate::{Candidate, Finder};
use super::{Context, Evidence, Outcome, Problem, Status};
use crate::repo::{Entry, EntryKind, RepoView};
use crate::text;

/// Other matching files named in the evidence, at most; the rest are counted.
const MAX_OTHERS: usize = 10;

/// A file no larger than this whose text is mostly a link is a pointer to a policy kept
/// elsewhere.
const POINTER_MAX_BYTES: u64 = 600;

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileSpec {
    /// File names or globs, case-insensitive, relative to each place.
    pub names: Vec<String>,
    /// Directories to look in, relative to the root (`"."`); default: the places forges look.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<String>>,
    /// Smallest size in bytes that counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_size: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct FileProbe {
    finder: Finder,
    min_size: Option<u64>,
}

impl FileSpec {
    pub fn compile(&self) -> Result<FileProbe, Vec<Problem>> {
        Ok(FileProbe {
            finder: Finder::compile(&self.names, self.places.as_deref())?,
            min_size: self.min_size,
        })
    }
}

impl FileProbe {
    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let candidates = match self.finder.candidates(context.repo) {
            Ok(candidates) => candidates,
            Err(outcome) => return *outcome,
        };
        let Some(main) = pick_readable(&candidates) else {
            return missing(&self.finder, &candidates);
        };
        let others: Vec<String> = candidates
            .iter()
            .filter(|c| c.entry.path != main.path)
            .map(|c| c.entry.path.clone())
            .take(MAX_OTHERS)
            .collect();
        let more_others = (candidates.len() - 1).saturating_sub(others.len());
        examine(context.repo, main, self.min_size, others, more_others)
    }
}

/// The failure of an item whose file has no readable candidate: none matched, or the best
/// is a symlink that is not followed.
pub(super) fn missing(finder: &Finder, candidates: &[Candidate]) -> Outcome {
    match candidates.first() {
        None => {
            let wanted = finder.describe();
            let (wanted_en, wanted_fr) = (&wanted.en, &wanted.fr);
            Outcome::new(
                Status::Fail,
                text!(
                    "not found in this repository (looked for {wanted_en})",
                    "absent de ce dépôt (recherché : {wanted_fr})"
                ),
            )
        }
        Some(unreadable) => {
            let path = &unreadable.entry.path;
            Outcome::new(
                Status::Fail,
                text!(
                    "{path} is a symlink out of the repository or to nothing; it is not followed",
                    "{path} est un lien symbolique vers l'extérieur du dépôt ou vers rien ; il n'est pas suivi"
                ),
            )
        }
    }
}

/// The best-ranked candidate that can be read: symlinks out of the repository never count.
pub(super) fn pick_readable(candidates: &[Candidate]) -> Option<&Entry> {
    candidates
        .iter()
        .map(|c| &c.entry)
        .find(|entry| matches!(entry.kind, EntryKind::File | EntryKind::Link { .. }))
}

fn examine(
    repo: &RepoView,
    main: &Entry,
    min_size: Option<u64>,
    others: Vec<String>,
    more_others: usize,
) -> Outcome {
    let path = main.path.clone();
    let size = match repo.size(main) {
        Ok(size) => size,
        Err(error) => return Outcome::new(Status::Error, text!("{error}", "{error}")),
    };
    let mut evidence = Evidence::File {
        path: path.clone(),
        size,
        pointer: None,
        others,
        more_others,
    };
    if size == 0 {
        return Outcome::new(Status::Fail, text!("{path} is empty", "{path} est vide"))
            .with(evidence);
    }
    if size <= POINTER_MAX_BYTES
        && let Ok(content) = repo.read(main, POINTER_MAX_BYTES as usize)
        && let Some(link) = pointer_link(&content.text())
    {
        if let Evidence::File { pointer, .. } = &mut evidence {
            *pointer = Some(link.clone());
        }
        let outcome = Outcome::new(
            Status::Pass,
            text!(
                "{path} is a pointer to {link}",
                "{path} renvoie vers {link}"
            ),
        );
        return marked(repo, main, outcome).with(evidence);
    }
    if let Some(min) = min_size
        && size < min
    {
        return Outcome::new(
            Status::Fail,
            text!(
                "{path} is only {size} bytes; at least {min} are expected",
                "{path} ne fait que {size} octets ; au moins {min} sont attendus"
            ),
        )
        .with(evidence);
    }
    let outcome = match others_note(&evidence) {
        None => Outcome::new(Status::Pass, text!("found {path}", "trouvé : {path}")),
        Some(others) => Outcome::new(
            Status::Pass,
            text!(
                "found {path} (also: {others})",
                "trouvé : {path} (aussi : {others})"
            ),
        ),
    };
    marked(repo, main, outcome).with(evidence)
}

/// A passing outcome made a warning when the file's first lines still hold a place to
/// fill ([`crate::remedy::TODO`]), as the drafts of `ospo init` say they do.
fn marked(repo: &RepoView, main: &Entry, outcome: Outcome) -> Outcome {
    let holds = repo
        .read(main, super::MARK_BYTES)
        .is_ok_and(|content| super::holds_mark(&content.bytes));
    if !holds {
        return outcome;
    }
    let mut message = outcome.message;
    message.push(&text!(
        ", which still has places to fill, marked TODO(ospo)",
        ", qui contient encore des passages à compléter, marqués TODO(ospo)"
    ));
    Outcome::new(Status::Warn, message)
}

/// The other matching files, named when there are a few, counted when there are many.
fn others_note(evidence: &Evidence) -> Option<String> {
    const SHOWN: usize = 3;
    let Evidence::File {
        others,
        more_others,
        ..
    } = evidence
    else {
        return None;
    };
    if others.is_empty() {
        return None;
    }
    let mut note = others
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let unnamed = others.len().saturating_sub(SHOWN) + more_others;
    if unnamed > 0 {
        note.push_str(&format!(" +{unnamed}"));
    }
    Some(note)
}

/// The link of a short text that mostly sends readers elsewhere, if it is one.
fn pointer_link(text: &str) -> Option<String> {
    let link = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '[' | ']' | '"'))
        .find(|word| word.starts_with("https://") || word.starts_with("http://"))?
        .trim_end_matches(['.', ',', ';']);
    let lines = text.lines().filter(|line| !line.trim().is_empty()).count();
    let words = text.split_whitespace().count();
    (lines <= 6 && words <= 60).then(|| link.to_owned())
}

#[cfg(test)]
mod tests {
    use super::pointer_link;
    use crate::probe::holds_mark;

    #[test]
    fn marks_count_unless_quoted_in_code() {
        assert!(holds_mark(b"TODO(ospo): the address"));
        assert!(holds_mark(b"Report to TODO(ospo): x"));
        assert!(!holds_mark(
            b"Places are marked `TODO(ospo):` in every draft."
        ));
        assert!(!holds_mark(b"TODO(other): x and todo(ospo)"));
        assert!(!holds_mark(b""));
    }

    #[test]
    fn tells_pointers_from_policies() {
        assert_eq!(
            pointer_link("# Security\n\nSee https://example.org/security.\n").as_deref(),
            Some("https://example.org/security")
        );
        assert_eq!(
            pointer_link("# Security\n\nReport privately to the maintainers.\n"),
            None
        );
        let long = format!("See https://example.org.\n{}", "word ".repeat(100));
        assert_eq!(pointer_link(&long), None);
    }
}

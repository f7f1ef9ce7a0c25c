//! From a report to the files that answer it: which drafts the failing items ask for,
//! where they go, writing them without ever overwriting a file, or showing them as a
//! unified diff.
//!
//! A template answers a few items; the first of them the checklist has is the one that
//! asks for its files (`needs.contributing` for `CONTRIBUTING.md`), the others hold on
//! the same file (`needs.contributing-dev-setup`). A template is drafted when that item
//! fails (and, with `--only` or `ospo fix`, when one of its items is named). A file that
//! exists, under any case, is never written: it is listed as skipped, with why. The
//! project's `.ospo.yml` is the one file completed rather than created: its open
//! questions are added as comments by [`super::answers::with_questions`], which keeps
//! what the file holds.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::context::{self, Context, Forge};
use super::{Draft, TODO, citation, community, publiccode};
use crate::check::{self, Options};
use crate::checklist::Checklist;
use crate::i18n::{Lang, Text};
use crate::probe::{Evidence, Status};
use crate::project::{self, FILE_NAMES};
use crate::repo::{RepoView, SCAN_BYTES, ViewKind};
use crate::report::Report;
use crate::text;

/// What `ospo init` or `ospo fix` is asked.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// A path in the repository: its worktree is written to.
    pub path: PathBuf,
    /// `--checklist`: a built-in name or a file; else what `.ospo.yml` names, else
    /// `default`.
    pub checklist: Option<String>,
    /// The items named (`--only`, or `ospo fix`'s); empty: every failing item.
    pub items: Vec<String>,
    /// `ospo fix`: each item named is answered for, even one that holds or has no
    /// template.
    pub explicit: bool,
    /// Nothing is written; the drafts are shown as a unified diff.
    pub dry_run: bool,
    pub options: context::Options,
}

/// A file to write: a draft, and what the file held when it is completed rather than
/// created (`.ospo.yml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub draft: Draft,
    pub previous: Option<String>,
}

/// A file or an item left as it is, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// A path, or an item id.
    pub what: String,
    pub reason: Text,
}

/// The files the failing items ask for, and what is left as it is.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub skipped: Vec<Skipped>,
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct Done {
    /// The repository's root.
    pub root: PathBuf,
    pub lang: Lang,
    pub dry_run: bool,
    /// The unified diff of the changes (what `--dry-run` prints).
    pub diff: String,
    /// The files written (with `--dry-run`: that would be written).
    pub written: Vec<Change>,
    pub skipped: Vec<Skipped>,
    /// The files that could not be written, and why.
    pub failed: Vec<Skipped>,
    /// The verified score before, and after the files were written (in the worktree,
    /// where files not committed yet count).
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// What a template makes of a context: its files, or why there are none.
enum Made {
    Drafts(Vec<Draft>),
    Skip(Text),
}

/// A template: the items it answers, the one asking for its files first.
struct Template {
    items: &'static [&'static str],
    make: fn(&Context, bool) -> Made,
}

fn one(draft: Draft) -> Made {
    Made::Drafts(vec![draft])
}

/// Every template, in no particular order: they are drafted in the checklist's order of
/// the items asking for them.
const TEMPLATES: &[Template] = &[
    Template {
        items: &[
            "needs.contributing",
            "needs.contributing-dev-setup",
            "needs.onboarding-newcomers",
        ],
        make: |context, _| one(community::contributing(context)),
    },
    Template {
        items: &["needs.issue-templates"],
        make: |context, _| Made::Drafts(community::issue_templates(context)),
    },
    Template {
        items: &["needs.pull-request-template"],
        make: |context, _| one(community::pull_request_template(context)),
    },
    Template {
        items: &["needs.continuous-integration"],
        make: |context, named| {
            if context.forge == Forge::Other && !named {
                return Made::Skip(text!(
                    "the forge is not known from the origin remote: `ospo fix needs.continuous-integration` drafts a GitHub workflow",
                    "la forge n'est pas connue d'après le dépôt distant origin : `ospo fix needs.continuous-integration` rédige un workflow GitHub"
                ));
            }
            one(community::ci(context))
        },
    },
    Template {
        items: &["communication.changelog", "communication.changelog-current"],
        make: |context, _| one(community::changelog(context)),
    },
    Template {
        items: &["communication.roadmap"],
        make: |context, _| one(community::roadmap(context)),
    },
    Template {
        items: &["communication.publiccode"],
        // Without the repository's address or its licence, the draft would not be valid
        // until a person fills them, and its validity item would fail where it was
        // skipped: it is drafted only when asked for.
        make: |context, named| {
            if named {
                return one(publiccode::draft(context));
            }
            match (context.remote.is_some(), context.licence.is_some()) {
                (true, true) => one(publiccode::draft(context)),
                (false, true) => Made::Skip(text!(
                    "publiccode.yml needs the repository's address, which no origin remote gives: `ospo fix communication.publiccode` drafts it with a mark to fill",
                    "publiccode.yml demande l'adresse du dépôt, qu'aucun dépôt distant origin ne donne : `ospo fix communication.publiccode` le rédige avec une marque à compléter"
                )),
                (true, false) => Made::Skip(text!(
                    "publiccode.yml needs the licence: give it with --licence",
                    "publiccode.yml demande la licence : indiquez-la avec --licence"
                )),
                (false, false) => Made::Skip(text!(
                    "publiccode.yml needs the repository's address (an origin remote) and its licence (--licence): with both, `ospo fix communication.publiccode` drafts it",
                    "publiccode.yml demande l'adresse du dépôt (un dépôt distant origin) et sa licence (--licence) : avec les deux, `ospo fix communication.publiccode` le rédige"
                )),
            }
        },
    },
    Template {
        items: &["legal.licence-file", "legal.recognised-licence"],
        make: |context, _| match community::licence(context) {
            Some(draft) => one(draft),
            None => Made::Skip(no_licence(context)),
        },
    },
    Template {
        items: &[
            "legal.cla-or-dco-document",
            "legal.copyright-strategy-stated",
        ],
        make: |context, _| match community::strategy_document(context) {
            Some(draft) => one(draft),
            None => Made::Skip(text!(
                "inbound = outbound needs no document of its own: CONTRIBUTING.md states it",
                "inbound = outbound ne demande pas de document particulier : CONTRIBUTING.md l'énonce"
            )),
        },
    },
    Template {
        items: &["community.code-of-conduct", "community.conduct-contact"],
        make: |context, _| one(community::code_of_conduct(context)),
    },
    Template {
        items: &["community.governance"],
        make: |context, _| one(community::governance(context)),
    },
    Template {
        items: &["community.security-policy", "community.security-contact"],
        make: |context, _| one(community::security(context)),
    },
    Template {
        items: &["community.support"],
        make: |context, _| one(community::support(context)),
    },
    Template {
        items: &["community.maintainers"],
        make: |context, _| one(community::maintainers(context)),
    },
    Template {
        items: &["community.citation"],
        make: |context, _| one(citation::draft(context)),
    },
    Template {
        items: &["funding.funding-file"],
        make: |context, _| one(community::funding(context)),
    },
];

/// Why no licence is written: none known, or no text of it kept.
fn no_licence(context: &Context) -> Text {
    match &context.licence {
        None => text!(
            "no licence given or declared, so no LICENSE is written. Choose one (https://choosealicense.com/ compares them; French administrations choose from the list set by decree, https://www.data.gouv.fr/fr/pages/legal/licences/), then run `ospo init --licence SPDX-ID`",
            "aucune licence indiquée ni déclarée, donc aucun fichier LICENSE n'est écrit. Choisissez-en une (https://choosealicense.com/ les compare ; les administrations françaises choisissent dans la liste fixée par décret, https://www.data.gouv.fr/fr/pages/legal/licences/), puis lancez `ospo init --licence IDENTIFIANT-SPDX`"
        ),
        Some(licence) => {
            let known = super::verbatim::LICENCES.join(", ");
            text!(
                "ospo keeps no text of {licence}: put its official text in LICENSE yourself (ospo has the texts of {known})",
                "ospo ne dispose pas du texte de {licence} : placez vous-même son texte officiel dans LICENSE (ospo dispose des textes de {known})"
            )
        }
    }
}

/// Why `ospo init` or `ospo fix` could not run: nothing is written then.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Repo(#[from] crate::repo::RepoError),
    #[error(transparent)]
    Project(#[from] crate::project::ProjectError),
    #[error(transparent)]
    Checklist(#[from] crate::checklist::LoadError),
    #[error("{path} is a bare repository: ospo init and ospo fix write into a worktree")]
    Bare { path: String },
    #[error("checklist `{checklist}` has no item `{item}`{meant}; `ospo list` shows its items")]
    UnknownItem {
        checklist: String,
        item: String,
        /// ` (did you mean `…`?)`, or nothing.
        meant: String,
    },
}

/// Refuses item ids the checklist does not have, with the one meant when one is close.
pub fn check_items(items: &[String], checklist: &Checklist) -> Result<(), Error> {
    let ids: Vec<&str> = checklist.items.iter().map(|i| i.id.as_str()).collect();
    for item in items {
        if checklist.item(item).is_none() {
            let meant = crate::metadata::closest(item, &ids)
                .map(|close| format!(" (did you mean `{close}`?)"))
                .unwrap_or_default();
            return Err(Error::UnknownItem {
                checklist: checklist.id.clone(),
                item: item.clone(),
                meant,
            });
        }
    }
    Ok(())
}

/// The licence the report identified in the licence files, for a context that knows of
/// none from the manifests.
pub fn licence_found(report: &Report) -> Option<String> {
    report.items.iter().find_map(|item| match &item.evidence {
        Some(Evidence::Licence {
            expression: Some(expression),
            ..
        }) => Some(expression.clone()),
        _ => None,
    })
}

/// Whether a file exists at `path`, under any case: in the view (tracked or untracked
/// files), or on disk (an ignored file is a file too). Nothing is read.
fn exists(repo: &RepoView, path: &str) -> bool {
    let lower = path.to_lowercase();
    let parent = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let listed = repo.list(parent, 1).is_ok_and(|listing| {
        listing
            .iter()
            .any(|entry| entry.path.to_lowercase() == lower)
    });
    listed || repo.root().join(path).symlink_metadata().is_ok()
}

/// The drafts the report's failing items ask for.
pub fn plan(
    report: &Report,
    checklist: &Checklist,
    context: &Context,
    repo: &RepoView,
    request: &Request,
) -> Plan {
    let lang = context.lang;
    let named = |id: &str| request.items.iter().any(|item| item == id);
    let in_checklist = |id: &str| checklist.item(id).is_some();
    let item_report = |id: &str| report.items.iter().find(|item| item.id == id);
    let position = |id: &str| checklist.items.iter().position(|item| item.id == id);
    let mut plan = Plan::default();
    let mut covered: Vec<&str> = Vec::new();

    // Templates in the checklist's order of the items asking for them.
    let mut templates: Vec<(usize, &Template, Vec<&'static str>)> = TEMPLATES
        .iter()
        .filter_map(|template| {
            let present: Vec<&'static str> = template
                .items
                .iter()
                .copied()
                .filter(|id| in_checklist(id))
                .collect();
            Some((position(present.first()?)?, template, present))
        })
        .collect();
    templates.sort_by_key(|(position, _, _)| *position);

    for (_, template, present) in templates {
        let asker = present[0];
        let asked = request.items.is_empty() || present.iter().any(|id| named(id));
        if !asked {
            continue;
        }
        covered.extend(present.iter().copied());
        let explicitly = request.explicit && present.iter().any(|id| named(id));
        let Some(item) = item_report(asker) else {
            continue;
        };
        let shown_message = &item.message;
        match item.status {
            Status::Fail => {}
            Status::Pass | Status::Warn => {
                if explicitly {
                    for id in present.iter().filter(|id| named(id)) {
                        let reason = if *id == asker {
                            text!(
                                "holds already ({shown_message})",
                                "satisfait déjà ({shown_message})"
                            )
                        } else {
                            text!(
                                "ospo drafts it with {asker}, whose file exists ({shown_message}); ospo never overwrites a file: `ospo explain {id}` says what to add",
                                "ospo le rédige avec {asker}, dont le fichier existe ({shown_message}) ; ospo n'écrase jamais un fichier : `ospo explain {id}` dit quoi ajouter"
                            )
                        };
                        plan.skipped.push(Skipped {
                            what: (*id).to_owned(),
                            reason,
                        });
                    }
                }
                continue;
            }
            Status::Skip => {
                if explicitly {
                    plan.skipped.push(Skipped {
                        what: asker.to_owned(),
                        reason: text!(
                            "waived or answered n/a in .ospo.yml; `ospo check --no-waivers` shows its status",
                            "dispensé ou répondu n/a dans .ospo.yml ; `ospo check --no-waivers` en donne l'état"
                        ),
                    });
                }
                continue;
            }
            Status::Unknown | Status::Error => {
                plan.skipped.push(Skipped {
                    what: asker.to_owned(),
                    reason: text!(
                        "could not be checked ({shown_message}); nothing is drafted",
                        "n'a pas pu être vérifié ({shown_message}) ; rien n'est rédigé"
                    ),
                });
                continue;
            }
        }
        // A file that is there but falls short (too small, empty) is the user's to
        // complete.
        if let Some(Evidence::File { path, .. }) = &item.evidence {
            plan.skipped.push(Skipped {
                what: path.clone(),
                reason: text!(
                    "exists but does not satisfy {asker} ({shown_message}); ospo never overwrites a file: complete it",
                    "existe mais ne satisfait pas {asker} ({shown_message}) ; ospo n'écrase jamais un fichier : complétez-le"
                ),
            });
            continue;
        }
        // Named with `--only` or `ospo fix`: what is drafted only when asked is asked for.
        let asked_for = present.iter().any(|id| named(id));
        let drafts = match (template.make)(context, asked_for) {
            Made::Drafts(drafts) => drafts,
            Made::Skip(reason) => {
                plan.skipped.push(Skipped {
                    what: asker.to_owned(),
                    reason,
                });
                continue;
            }
        };
        for mut draft in drafts {
            if exists(repo, &draft.path) || plan.changes.iter().any(|c| c.draft.path == draft.path)
            {
                plan.skipped.push(Skipped {
                    what: draft.path.clone(),
                    reason: text!(
                        "exists; ospo never overwrites a file",
                        "existe déjà ; ospo n'écrase jamais un fichier"
                    ),
                });
                continue;
            }
            draft.items.retain(|id| in_checklist(id));
            plan.changes.push(Change {
                draft,
                previous: None,
            });
        }
    }

    // The items named that no template answers.
    if request.explicit {
        for id in &request.items {
            if covered.contains(&id.as_str()) {
                continue;
            }
            let is_question = checklist
                .item(id)
                .is_some_and(|item| item.spec.basis() == crate::checklist::Basis::Declared);
            if is_question {
                continue;
            }
            let fix = checklist
                .item(id)
                .map(|item| item.fix.get(lang).trim().to_owned())
                .unwrap_or_default();
            plan.skipped.push(Skipped {
                what: id.clone(),
                reason: text!(
                    "ospo has no template for this item. What to do: {fix}",
                    "ospo n'a pas de modèle pour cet élément. Que faire : {fix}"
                ),
            });
        }
    }

    // The questions, as commented entries of `.ospo.yml`.
    let questions_asked = request.items.is_empty()
        || request.items.iter().any(|id| {
            checklist
                .item(id)
                .is_some_and(|item| item.spec.basis() == crate::checklist::Basis::Declared)
        });
    if questions_asked && let Some(change) = questions(report, checklist, repo, request, lang) {
        plan.changes.push(change);
    }
    plan
}

/// `.ospo.yml` with the open questions (those named, with `--only` or `ospo fix`) as
/// commented entries, when that changes it.
fn questions(
    report: &Report,
    checklist: &Checklist,
    repo: &RepoView,
    request: &Request,
    lang: Lang,
) -> Option<Change> {
    let listing = repo.list("", 1).ok()?;
    let existing = FILE_NAMES
        .iter()
        .find_map(|name| listing.iter().find(|entry| entry.path == *name));
    let (path, previous) = match existing {
        Some(entry) => {
            let content = repo.read(entry, SCAN_BYTES).ok()?;
            if content.truncated() {
                return None;
            }
            (entry.path.clone(), Some(content.text()))
        }
        None if repo.root().join(FILE_NAMES[0]).symlink_metadata().is_ok() => return None,
        None => (FILE_NAMES[0].to_owned(), None),
    };
    let mut asked = report.clone();
    if !request.items.is_empty() {
        asked
            .questions
            .retain(|id| request.items.iter().any(|item| item == id));
    }
    let asked_ids = asked.questions.clone();
    let content = super::answers::with_questions(previous.as_deref(), &asked, checklist, lang)?;
    if previous.as_deref() == Some(content.as_str()) {
        return None;
    }
    Some(Change {
        draft: Draft {
            path,
            content,
            items: asked_ids,
        },
        previous,
    })
}

/// Runs `ospo init` or `ospo fix`: checks the repository, drafts what its failing items
/// ask for, writes it (or, with `--dry-run`, only makes the diff), and checks again.
pub fn run(request: &Request) -> Result<Done, Error> {
    let lang = request.options.lang;
    let repo = RepoView::open(&request.path, None)?;
    if repo.kind() != ViewKind::Worktree {
        return Err(Error::Bare {
            path: repo.root().display().to_string(),
        });
    }
    let project = project::read(&repo)?;
    let checklist = check::select_checklist(request.checklist.as_deref(), &project, Some(&repo))?;
    check_items(&request.items, &checklist)?;
    let options = Options {
        lang,
        ..Options::default()
    };
    let report = check::run(&checklist, &repo, &project, options);
    let mut context = Context::read(&repo, &request.options);
    if context.licence.is_none() {
        context.licence = licence_found(&report);
    }
    let plan = plan(&report, &checklist, &context, &repo, request);
    let root = repo.root().to_path_buf();
    let diff = diff(&plan.changes);
    let mut done = Done {
        root: root.clone(),
        lang,
        dry_run: request.dry_run,
        diff,
        written: Vec::new(),
        skipped: plan.skipped,
        failed: Vec::new(),
        before: report.verified_score,
        after: report.verified_score,
    };
    if request.dry_run {
        done.written = plan.changes;
        return Ok(done);
    }
    for change in plan.changes {
        match write(&root, &change) {
            Ok(()) => done.written.push(change),
            Err(reason) => done.failed.push(Skipped {
                what: change.draft.path.clone(),
                reason,
            }),
        }
    }
    if !done.written.is_empty() {
        // A fresh view: the files just written are in the worktree, untracked.
        let repo = RepoView::open(&root, None)?;
        match project::read(&repo) {
            Ok(project) => {
                let report = check::run(&checklist, &repo, &project, options);
                done.after = report.verified_score;
            }
            // The files are written: what is wrong is said, not raised.
            Err(error) => {
                done.after = None;
                done.failed.push(Skipped {
                    what: FILE_NAMES[0].to_owned(),
                    reason: text!(
                        "the check after writing could not read it: {error}",
                        "la vérification après écriture n'a pas pu le lire : {error}"
                    ),
                });
            }
        }
    }
    Ok(done)
}

/// Writes one change under `root`: a new file is created (never replacing one, nor
/// written through a symlink); a completed file replaces the one read only if it has not
/// changed since.
pub fn write(root: &Path, change: &Change) -> Result<(), Text> {
    let relative = &change.draft.path;
    let error = |error: &dyn std::fmt::Display| {
        text!(
            "cannot write {relative}: {error}",
            "impossible d'écrire {relative} : {error}"
        )
    };
    let parts: Vec<&str> = relative.split('/').collect();
    let mut dir = root.to_path_buf();
    for part in &parts[..parts.len() - 1] {
        dir.push(part);
        match dir.symlink_metadata() {
            Ok(meta) if meta.file_type().is_symlink() => {
                let shown = dir.strip_prefix(root).unwrap_or(&dir).display().to_string();
                return Err(text!(
                    "{shown} is a symlink; ospo does not write through it",
                    "{shown} est un lien symbolique ; ospo n'écrit pas au travers"
                ));
            }
            Ok(meta) if !meta.is_dir() => {
                let shown = dir.strip_prefix(root).unwrap_or(&dir).display().to_string();
                return Err(text!(
                    "{shown} is not a directory",
                    "{shown} n'est pas un répertoire"
                ));
            }
            Ok(_) => {}
            Err(_) => std::fs::create_dir(&dir).map_err(|e| error(&e))?,
        }
    }
    let path = root.join(relative);
    match &change.previous {
        None => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|e| {
                    if e.kind() == std::io::ErrorKind::AlreadyExists {
                        text!(
                            "{relative} exists; ospo never overwrites a file",
                            "{relative} existe déjà ; ospo n'écrase jamais un fichier"
                        )
                    } else {
                        error(&e)
                    }
                })?;
            file.write_all(change.draft.content.as_bytes())
                .and_then(|()| file.flush())
                .map_err(|e| error(&e))
        }
        Some(previous) => {
            let meta = path.symlink_metadata().map_err(|e| error(&e))?;
            if !meta.is_file() {
                return Err(error(&"not a regular file"));
            }
            let now = crate::repo::bounded::read(
                &path,
                crate::repo::bounded::Links::Refuse,
                SCAN_BYTES as u64,
            )
            .map_err(|_| error(&"cannot be read again"))?;
            if now.as_deref().map(String::from_utf8_lossy).as_deref() != Some(previous.as_str()) {
                return Err(text!(
                    "{relative} changed while ospo was running; run it again",
                    "{relative} a changé pendant qu'ospo travaillait ; relancez-le"
                ));
            }
            let file_name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let temporary = path.with_file_name(format!("{file_name}.ospo-new"));
            let written = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temporary)
                .and_then(|mut file| {
                    file.write_all(change.draft.content.as_bytes())?;
                    file.flush()?;
                    file.set_permissions(meta.permissions())
                })
                .and_then(|()| std::fs::rename(&temporary, &path));
            if let Err(e) = written {
                let _ = std::fs::remove_file(&temporary);
                return Err(error(&e));
            }
            Ok(())
        }
    }
}

/// The changes as one unified diff: a new file from `/dev/null`, a completed one against
/// what it held; `git apply` reads it.
pub fn diff(changes: &[Change]) -> String {
    let mut text = String::new();
    for change in changes {
        let path = &change.draft.path;
        let new: Vec<&str> = change.draft.content.split_inclusive('\n').collect();
        match &change.previous {
            None => {
                text.push_str(&format!(
                    "--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{} @@\n",
                    new.len()
                ));
                push_lines(&mut text, '+', &new);
            }
            Some(previous) => {
                let old: Vec<&str> = previous.split_inclusive('\n').collect();
                text.push_str(&format!("--- a/{path}\n+++ b/{path}\n"));
                text.push_str(&hunk(&old, &new));
            }
        }
    }
    text
}

/// Lines of a hunk with their sign; a last line without a newline says so.
fn push_lines(text: &mut String, sign: char, lines: &[&str]) {
    for line in lines {
        text.push(sign);
        text.push_str(line);
        if !line.ends_with('\n') {
            text.push_str("\n\\ No newline at end of file\n");
        }
    }
}

/// The lines of context a hunk keeps around what changed.
const CONTEXT: usize = 3;

/// One hunk from the first line that differs to the last, with context: not the
/// shortest diff, but an exact one, in time linear in the files.
fn hunk(old: &[&str], new: &[&str]) -> String {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let start = prefix.saturating_sub(CONTEXT);
    let old_end = (old.len() - suffix + CONTEXT).min(old.len());
    let new_end = (new.len() - suffix + CONTEXT).min(new.len());
    let header = |start: usize, end: usize| {
        let count = end - start;
        let first = if count == 0 { start } else { start + 1 };
        format!("{first},{count}")
    };
    let mut text = format!(
        "@@ -{} +{} @@\n",
        header(start, old_end),
        header(start, new_end)
    );
    push_lines(&mut text, ' ', &old[start..prefix]);
    push_lines(&mut text, '-', &old[prefix..old.len() - suffix]);
    push_lines(&mut text, '+', &new[prefix..new.len() - suffix]);
    push_lines(&mut text, ' ', &old[old.len() - suffix..old_end]);
    text
}

/// What a run did, for people: the files created and the items each answers, what was
/// left as it was and why, the verified score before and after, and what to do next.
pub fn render(done: &Done) -> String {
    let lang = done.lang;
    let colon = match lang {
        Lang::En => ":",
        Lang::Fr => " :",
    };
    let mut text = String::new();
    let root = done.root.display().to_string();
    text.push_str(&format!("ospo — {root}\n"));
    if done.written.is_empty() {
        text.push_str(match (lang, done.dry_run) {
            (Lang::En, true) => "Dry run: nothing to write.\n",
            (Lang::Fr, true) => "Simulation : rien à écrire.\n",
            (Lang::En, false) => {
                "Nothing to write: every file ospo drafts for the failing items is there.\n"
            }
            (Lang::Fr, false) => {
                "Rien à écrire : chaque fichier qu'ospo rédige pour les éléments non satisfaits est déjà là.\n"
            }
        });
    } else {
        let count = done.written.len();
        text.push_str(&match (lang, done.dry_run) {
            (Lang::En, true) => format!(
                "Dry run: {count} file{} would be written; nothing was written.\n",
                plural(count)
            ),
            (Lang::Fr, true) => format!(
                "Simulation : {count} fichier{} serai{} écrit{} ; rien n'a été écrit.\n",
                plural(count),
                if count > 1 { "ent" } else { "t" },
                plural(count)
            ),
            (Lang::En, false) => format!("Created {count} file{}{colon}\n", plural(count)),
            (Lang::Fr, false) => format!(
                "{count} fichier{} écrit{}{colon}\n",
                plural(count),
                plural(count)
            ),
        });
        for change in &done.written {
            let sign = if change.previous.is_some() { '~' } else { '+' };
            let path = &change.draft.path;
            let answers = if FILE_NAMES.contains(&path.as_str()) {
                let questions = change.draft.items.len();
                match lang {
                    Lang::En => format!(
                        "{questions} open question{} as comments, to answer with `ospo answer`",
                        plural(questions)
                    ),
                    Lang::Fr => format!(
                        "{questions} question{} ouverte{} en commentaire, à traiter avec `ospo answer`",
                        plural(questions),
                        plural(questions)
                    ),
                }
            } else {
                change.draft.items.join(", ")
            };
            text.push_str(&format!("  {sign} {path}{colon} {answers}\n"));
        }
    }
    if !done.skipped.is_empty() {
        text.push_str(match lang {
            Lang::En => "Left as they are:\n",
            Lang::Fr => "Laissés en l'état :\n",
        });
        for skipped in &done.skipped {
            text.push_str(&format!(
                "  - {}{colon} {}\n",
                skipped.what,
                skipped.reason.get(lang)
            ));
        }
    }
    if !done.failed.is_empty() {
        text.push_str(match lang {
            Lang::En => "Could not be written:\n",
            Lang::Fr => "N'ont pas pu être écrits :\n",
        });
        for failed in &done.failed {
            text.push_str(&format!(
                "  ! {}{colon} {}\n",
                failed.what,
                failed.reason.get(lang)
            ));
        }
    }
    if done.dry_run || done.written.is_empty() {
        return text;
    }
    let score = |score: Option<f64>| match (score, lang) {
        (Some(score), Lang::En) => format!("{score:.1}%"),
        (Some(score), Lang::Fr) => format!("{score:.1} %").replace('.', ","),
        (None, _) => "—".to_owned(),
    };
    let (before, after) = (score(done.before), score(done.after));
    text.push_str(&match lang {
        Lang::En => format!(
            "Verified score: {before} → {after} (checked in the worktree, where the files count before they are committed).\n\
             Next: fill in the places marked `{TODO}:`, review every file, then commit them (git add, then git commit -s).\n"
        ),
        Lang::Fr => format!(
            "Score vérifié : {before} → {after} (vérifié dans la copie de travail, où les fichiers comptent avant d'être commités).\n\
             Ensuite : complétez les passages marqués `{TODO}:`, relisez chaque fichier, puis commitez-les (git add, puis git commit -s).\n"
        ),
    });
    text
}

fn plural(count: usize) -> &'static str {
    if count > 1 { "s" } else { "" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(path: &str, content: &str, previous: Option<&str>) -> Change {
        Change {
            draft: Draft {
                path: path.to_owned(),
                content: content.to_owned(),
                items: Vec::new(),
            },
            previous: previous.map(str::to_owned),
        }
    }

    #[test]
    fn new_files_diff_from_dev_null() {
        let diff = diff(&[change("a/B.md", "one\ntwo\n", None)]);
        assert_eq!(
            diff,
            "--- /dev/null\n+++ b/a/B.md\n@@ -0,0 +1,2 @@\n+one\n+two\n"
        );
        let diff = super::diff(&[change("C", "no newline", None)]);
        assert!(diff.ends_with("+no newline\n\\ No newline at end of file\n"));
    }

    #[test]
    fn completed_files_diff_in_one_hunk_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\n";
        let new = "a\nb\nc\nd\nX\nY\ne\nf\ng\n";
        let diff = diff(&[change(".ospo.yml", new, Some(old))]);
        assert_eq!(
            diff,
            "--- a/.ospo.yml\n+++ b/.ospo.yml\n@@ -2,6 +2,8 @@\n b\n c\n d\n+X\n+Y\n e\n f\n g\n"
        );
        let appended = super::diff(&[change("f", "a\nb\n", Some("a\n"))]);
        assert_eq!(appended, "--- a/f\n+++ b/f\n@@ -1,1 +1,2 @@\n a\n+b\n");
        let from_empty = super::diff(&[change("f", "a\n", Some(""))]);
        assert_eq!(from_empty, "--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n");
        let replaced = super::diff(&[change("f", "x\n", Some("y"))]);
        assert_eq!(
            replaced,
            "--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-y\n\\ No newline at end of file\n+x\n"
        );
    }

    #[test]
    fn writing_creates_directories_and_never_replaces_a_file() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let root = dir.path();
        write(
            root,
            &change(".github/ISSUE_TEMPLATE/bug.md", "new\n", None),
        )
        .expect("written");
        assert_eq!(
            std::fs::read_to_string(root.join(".github/ISSUE_TEMPLATE/bug.md")).unwrap(),
            "new\n"
        );
        std::fs::write(root.join("SECURITY.md"), "mine\n").unwrap();
        let refused = write(root, &change("SECURITY.md", "draft\n", None)).unwrap_err();
        assert!(refused.en.contains("never overwrites"), "{}", refused.en);
        assert_eq!(
            std::fs::read_to_string(root.join("SECURITY.md")).unwrap(),
            "mine\n"
        );
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().expect("temporary directory");
            std::os::unix::fs::symlink(outside.path(), root.join("docs")).unwrap();
            let refused = write(root, &change("docs/ROADMAP.md", "draft\n", None)).unwrap_err();
            assert!(refused.en.contains("symlink"), "{}", refused.en);
            assert!(!outside.path().join("ROADMAP.md").exists());
        }
    }

    #[test]
    fn a_completed_file_is_replaced_only_as_it_was_read() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let root = dir.path();
        std::fs::write(root.join(".ospo.yml"), "# mine\nanswers: {}\n").unwrap();
        let completed = change(
            ".ospo.yml",
            "# mine\nanswers: {}\n# more\n",
            Some("# mine\nanswers: {}\n"),
        );
        write(root, &completed).expect("written");
        assert_eq!(
            std::fs::read_to_string(root.join(".ospo.yml")).unwrap(),
            "# mine\nanswers: {}\n# more\n"
        );
        // Changed since it was read: left alone.
        let stale = change(".ospo.yml", "other\n", Some("# mine\nanswers: {}\n"));
        let refused = write(root, &stale).unwrap_err();
        assert!(
            refused.en.contains("changed while ospo was running"),
            "{}",
            refused.en
        );
        assert!(!root.join(".ospo.yml.ospo-new").exists());
    }

    #[test]
    fn every_template_answers_items_of_the_default_checklist() {
        let checklist =
            crate::checklist::load("default", std::path::Path::new(".")).expect("loads");
        for template in TEMPLATES {
            for id in template.items {
                assert!(checklist.item(id).is_some(), "{id}");
            }
        }
    }
}

//! Revision ranges, read as `git rev-list` reads a single argument: `A..B`, `..B` (from
//! `HEAD`), `A..` (to `HEAD`), `X^!` (X alone), `X^@` (X's parents and their history),
//! `X^-N` (`X^N..X`), `^X` (nothing) and a single revision (its whole history). Tags are
//! peeled to the commits they name, on either side.
//!
//! The syntax is gix's (the same parser as git's rules, and the same revisions:
//! `HEAD~3`, `@{upstream}`, `v1.0^{}`…); what a range means is decided here, the walk over
//! it is `history::range`.

use gix::ObjectId;
use gix::revision::plumbing::Spec;

use super::RepoError;
use super::history::Commit;

/// The commits of a change under review, and how to name it.
#[derive(Debug, Clone)]
pub struct Change {
    /// The range as git reads it: `BASE..TIP` with an empty side written `HEAD`, else as
    /// given (`X^!`, a single revision).
    pub range: String,
    /// What `git rebase --signoff` rebases onto to rewrite the change; `None` when the
    /// change reaches the root commit (`git rebase --root`).
    pub base: Option<String>,
    /// The commits, newest first: exactly those `git rev-list RANGE` lists.
    pub commits: Vec<Commit>,
}

/// What a range selects: the commits reachable from `include` and from none of `exclude`,
/// all commits (tags peeled).
pub(super) struct Tips {
    pub range: String,
    pub base: Option<String>,
    pub include: Vec<ObjectId>,
    pub exclude: Vec<ObjectId>,
}

/// The upstream of the default branch, against which a change with no range is read.
const UPSTREAMS: [&str; 3] = [
    "refs/remotes/origin/HEAD",
    "refs/remotes/origin/main",
    "refs/remotes/origin/master",
];

/// The tips of `range`, or with no range those of the commits of `HEAD` that are not on
/// the upstream of the default branch.
pub(super) fn tips(repo: &gix::Repository, range: Option<&str>) -> Result<Tips, RepoError> {
    // gix reads whichever loose refs a revision names, whole: they are checked first.
    super::gitdir::check_refs(repo)?;
    let Some(range) = range else {
        return upstream(repo);
    };
    let bad = |message: String| RepoError::BadRevision {
        rev: range.to_owned(),
        message,
    };
    // git reads a lone `..` as the parent directory, never as a range.
    if range == ".." {
        return Err(bad(
            "`..` is not a range (git reads it as a path); give BASE..TIP, such as origin/main..HEAD".into(),
        ));
    }
    let spec = repo
        .rev_parse(range)
        .map_err(|error| bad(cause(&error)))?
        .detach();
    let peel = |id: ObjectId| peel_to_commit(repo, id).map_err(bad);
    Ok(match spec {
        Spec::Include(tip) => Tips {
            range: range.to_owned(),
            base: None,
            include: vec![peel(tip)?],
            exclude: Vec::new(),
        },
        Spec::Exclude(hidden) => Tips {
            range: range.to_owned(),
            base: None,
            include: Vec::new(),
            exclude: vec![peel(hidden)?],
        },
        Spec::Range { from, to } => {
            let (include, exclude) = (vec![peel(to)?], vec![peel(from)?]);
            let (range, base) = match range.split_once("..") {
                // As git splits it, at the first `..`; an empty side is HEAD.
                Some((base, tip)) => {
                    let base = if base.is_empty() { "HEAD" } else { base };
                    let tip = if tip.is_empty() { "HEAD" } else { tip };
                    (format!("{base}..{tip}"), base.to_owned())
                }
                // `X^-N` is `X^N..X`.
                None => {
                    let base = match range.rsplit_once("^-") {
                        Some((tip, "")) => format!("{tip}^"),
                        Some((tip, n)) => format!("{tip}^{n}"),
                        None => from.to_string(),
                    };
                    (range.to_owned(), base)
                }
            };
            Tips {
                range,
                base: Some(base),
                include,
                exclude,
            }
        }
        Spec::Merge { .. } => {
            return Err(bad(
                "a symmetric difference (`...`) is not a change; use BASE..TIP".into(),
            ));
        }
        Spec::IncludeOnlyParents(child) => Tips {
            range: range.to_owned(),
            base: None,
            include: parents(repo, peel(child)?).map_err(bad)?,
            exclude: Vec::new(),
        },
        Spec::ExcludeParents(tip) => {
            let tip = peel(tip)?;
            let exclude = parents(repo, tip).map_err(bad)?;
            let base = (!exclude.is_empty())
                .then(|| format!("{}^", range.strip_suffix("^!").unwrap_or(range)));
            Tips {
                range: range.to_owned(),
                base,
                include: vec![tip],
                exclude,
            }
        }
    })
}

/// `HEAD` against the first upstream the repository has.
fn upstream(repo: &gix::Repository) -> Result<Tips, RepoError> {
    let no_upstream = |message: String| RepoError::BadRevision {
        rev: "HEAD".into(),
        message,
    };
    let upstream = UPSTREAMS
        .into_iter()
        .find(|name| repo.try_find_reference(*name).ok().flatten().is_some())
        .ok_or_else(|| no_upstream("no upstream found (origin/HEAD, origin/main or origin/master); give a range such as origin/main..HEAD".into()))?;
    let resolve = |rev: &str| -> Result<ObjectId, RepoError> {
        let id = repo
            .rev_parse_single(rev)
            .map_err(|error| RepoError::BadRevision {
                rev: rev.to_owned(),
                message: cause(&error),
            })?
            .detach();
        peel_to_commit(repo, id).map_err(|message| RepoError::BadRevision {
            rev: rev.to_owned(),
            message,
        })
    };
    let shown = upstream.trim_start_matches("refs/remotes/");
    Ok(Tips {
        range: format!("{shown}..HEAD"),
        base: Some(shown.to_owned()),
        include: vec![resolve("HEAD")?],
        exclude: vec![resolve(upstream)?],
    })
}

/// The commit object `id` names: itself, or the commit at the end of its chain of tags,
/// each object read within its cap.
fn peel_to_commit(repo: &gix::Repository, id: ObjectId) -> Result<ObjectId, String> {
    super::objects::peel_to_commit(repo, id, &mut Vec::new())
}

/// The parents of commit `id`; none at the edge of a shallow clone, as for git.
fn parents(repo: &gix::Repository, id: ObjectId) -> Result<Vec<ObjectId>, String> {
    let shallow = repo.shallow_commits().ok().flatten();
    if shallow.is_some_and(|shallow| shallow.contains(&id)) {
        return Ok(Vec::new());
    }
    let mut buffer = Vec::new();
    super::objects::find(repo, &id, super::objects::MAX_OBJECT_BYTES, &mut buffer)?;
    Ok(
        gix::objs::CommitRefIter::from_bytes(&buffer, repo.object_hash())
            .parent_ids()
            .collect(),
    )
}

/// What went wrong in gix's parse, rather than where it was, on one line.
fn cause(error: &gix::Error) -> String {
    error
        .probable_cause()
        .to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

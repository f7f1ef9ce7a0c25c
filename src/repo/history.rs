//! The facts history probes need, gathered in one pass over the commits.
//!
//! The walk starts at the commit the view shows and goes back in committer-time order,
//! reading each commit object once and keeping only what probes use: identities, time,
//! subject and sign-off lines. It stops as soon as every probe's window is covered.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};

use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::objs::FindExt;

use super::RepoError;

/// How many commits out of a time window the walk reads before it stops, for clocks set
/// wrong (git's revision walk uses the same margin).
const CLOCK_SKEW_SLOP: usize = 5;

/// Which commits a probe looks at, counted back from the commit checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Window {
    /// At most this many commits, newest first.
    pub last: Option<usize>,
    /// Only commits made at or after this time (seconds since the epoch).
    pub since: Option<i64>,
    /// The probe also needs the release tags.
    pub tags: bool,
}

impl Window {
    /// Whether a commit, the `index`-th newest, made at `time`, is in the window.
    pub fn contains(&self, index: usize, time: i64) -> bool {
        self.last.is_none_or(|last| index < last) && self.since.is_none_or(|since| time >= since)
    }

    /// What the walk must read to cover this window.
    pub fn reach(self) -> Reach {
        let tags = self.tags;
        match (self.last, self.since) {
            (None, None) => Reach {
                all: true,
                tags,
                ..Reach::default()
            },
            // Both bounds hold at once: the count alone bounds what is needed.
            (Some(last), _) => Reach {
                last,
                tags,
                ..Reach::default()
            },
            (None, Some(since)) => Reach {
                since: Some(since),
                tags,
                ..Reach::default()
            },
        }
    }
}

/// What one walk reads for several windows: a commit is kept when any of them needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reach {
    /// The whole history.
    pub all: bool,
    /// The newest commits, this many.
    pub last: usize,
    /// The commits made at or after this time.
    pub since: Option<i64>,
    /// The release tags.
    pub tags: bool,
}

impl Reach {
    pub fn union(self, other: Reach) -> Reach {
        Reach {
            all: self.all || other.all,
            tags: self.tags || other.tags,
            last: self.last.max(other.last),
            since: match (self.since, other.since) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }

    fn contains(&self, index: usize, time: i64) -> bool {
        self.all || index < self.last || self.since.is_some_and(|since| time >= since)
    }
}

/// A person as a commit names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub email: String,
}

/// What history probes know of one commit.
#[derive(Debug, Clone)]
pub struct Commit {
    pub id: ObjectId,
    pub parents: usize,
    pub author: Identity,
    pub committer: Identity,
    /// The author as `.mailmap` names them: one person, however many identities.
    pub contributor: Identity,
    /// Committer time, seconds since the epoch.
    pub time: i64,
    pub subject: String,
    /// Values of `Signed-off-by` trailers, as git finds them: in the last paragraph, when
    /// it is a trailer block. The key is matched case-insensitively.
    pub trailer_signoffs: Vec<String>,
    /// Values of every line of the message that starts with `Signed-off-by:` (any case),
    /// wherever it stands, as the DCO app reads them.
    pub message_signoffs: Vec<String>,
    /// Lines that add a sign-off to another commit, as the DCO app's remediation commits
    /// do (`… hereby add my Signed-off-by to this commit: <sha>`).
    pub remediations: Vec<String>,
}

impl Commit {
    pub fn short_id(&self) -> String {
        self.id.to_hex_with_len(10).to_string()
    }
}

/// A release: a tag whose name is a version (`v1.2.3`, `1.2`, `release-2.0.1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub name: String,
    /// The time of the commit it tags.
    pub time: i64,
}

/// The commits of one walk, newest first.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub commits: Vec<Commit>,
    /// Release tags, newest first (read only when a probe needs them).
    pub releases: Vec<Release>,
    /// The repository is a shallow clone: older history is missing, not absent.
    pub shallow: bool,
}

/// A commit read and waiting in the walk, ordered by committer time, newest first.
struct Pending {
    commit: Commit,
    parents: Vec<ObjectId>,
}

impl PartialEq for Pending {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Pending {}
impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Pending {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.commit.time, self.commit.id).cmp(&(other.commit.time, other.commit.id))
    }
}

/// Walks back from `start`, covering `window`. Each commit object is read once, when it
/// is first reached; it is kept until the walk gets to it.
pub(super) fn walk(
    repo: &gix::Repository,
    start: ObjectId,
    reach: Reach,
) -> Result<History, RepoError> {
    let shallow: HashSet<ObjectId> = repo
        .shallow_commits()
        .ok()
        .flatten()
        .map(|commits| commits.iter().copied().collect())
        .unwrap_or_default();
    let mut history = History {
        commits: Vec::new(),
        releases: if reach.tags {
            releases(repo)?
        } else {
            Vec::new()
        },
        shallow: !shallow.is_empty(),
    };
    let mailmap = repo.open_mailmap();
    let mut buffer = Vec::new();
    let mut seen: HashSet<ObjectId> = HashSet::from([start]);
    let mut queue = BinaryHeap::from([read(repo, &mailmap, start, &mut buffer)?]);
    let mut misses = 0;
    while let Some(Pending { commit, parents }) = queue.pop() {
        let inside = reach.contains(history.commits.len(), commit.time);
        if !inside {
            if reach.since.is_none() {
                break; // only a count was asked for, and it is reached
            }
            // Committer times go down along this walk, but a clock set wrong can put an
            // old date on a commit whose parents are newer: as git does, look a few
            // commits further before deciding the window is passed.
            misses += 1;
            if misses > CLOCK_SKEW_SLOP {
                break;
            }
        } else {
            misses = 0;
        }
        let is_shallow_boundary = shallow.contains(&commit.id);
        if inside {
            history.commits.push(commit);
        }
        if is_shallow_boundary {
            continue; // its parents are not in this clone
        }
        for parent in parents {
            if seen.insert(parent) {
                queue.push(read(repo, &mailmap, parent, &mut buffer)?);
            }
        }
    }
    Ok(history)
}

/// The commits reachable from `tip` but not from `base`, newest first: a change under
/// review, `base..tip`.
pub(super) fn range(
    repo: &gix::Repository,
    base: Option<ObjectId>,
    tip: ObjectId,
) -> Result<Vec<Commit>, RepoError> {
    let walk_error = |error: &dyn std::fmt::Display| RepoError::Read {
        path: "the history".into(),
        message: error.to_string(),
    };
    let walk = repo
        .rev_walk([tip])
        .with_hidden(base)
        .all()
        .map_err(|e| walk_error(&e))?;
    let mailmap = repo.open_mailmap();
    let mut buffer = Vec::new();
    let mut commits = Vec::new();
    for info in walk {
        let info = info.map_err(|e| walk_error(&e))?;
        commits.push(read(repo, &mailmap, info.id, &mut buffer)?.commit);
    }
    Ok(commits)
}

static VERSION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:[A-Za-z][\w.-]*?[-_/])?[vV]?\d+\.\d+(?:\.\d+)?(?:[-+.][0-9A-Za-z.-]+)?$",
    )
    .expect("valid regex")
});

/// The tags whose names are versions, newest first (by the time of the commit tagged).
fn releases(repo: &gix::Repository) -> Result<Vec<Release>, RepoError> {
    let error = |error: &dyn std::fmt::Display| RepoError::Read {
        path: "refs/tags".into(),
        message: error.to_string(),
    };
    let platform = repo.references().map_err(|e| error(&e))?;
    let mut releases = Vec::new();
    for reference in platform.tags().map_err(|e| error(&e))? {
        let Ok(mut reference) = reference else {
            continue;
        };
        let name = reference.name().shorten().to_str_lossy().into_owned();
        if !VERSION.is_match(&name) {
            continue;
        }
        // A tag on something other than a commit is no release.
        let Ok(commit) = reference.peel_to_commit() else {
            continue;
        };
        let Ok(time) = commit.time() else { continue };
        releases.push(Release {
            name,
            time: time.seconds,
        });
    }
    releases.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| b.name.cmp(&a.name)));
    Ok(releases)
}

/// Reads one commit object and keeps what probes need.
fn read(
    repo: &gix::Repository,
    mailmap: &gix::mailmap::Snapshot,
    id: ObjectId,
    buffer: &mut Vec<u8>,
) -> Result<Pending, RepoError> {
    let error = |error: &dyn std::fmt::Display| RepoError::Read {
        path: format!("commit {id}"),
        message: error.to_string(),
    };
    let object = repo
        .objects
        .find_commit(&id, buffer)
        .map_err(|e| error(&e))?;
    let time = object.time().map_err(|e| error(&e))?.seconds;
    let author = object.author().map_err(|e| error(&e))?;
    let committer = object.committer().map_err(|e| error(&e))?;
    let message = gix::objs::commit::MessageRef::from_bytes(object.message);
    let trailer_signoffs = object
        .signed_off_by_trailers()
        .map(|trailer| trailer.value.to_str_lossy().into_owned())
        .collect();
    // The value keeps what follows the colon as written: the DCO app wants one space.
    let message_signoffs = object
        .message
        .lines()
        .filter_map(|line| {
            let line = line.to_str_lossy();
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case("signed-off-by")
                .then(|| value.to_owned())
        })
        .collect();
    // Remediation lines are rare: one search of the message spares most commits the scan.
    let remediations = if contains_ignore_ascii_case(object.message, b"hereby add my") {
        object
            .message
            .lines()
            .filter(|line| {
                contains_ignore_ascii_case(line, b"hereby add my signed-off-by to this commit:")
            })
            .map(|line| line.to_str_lossy().trim().to_owned())
            .collect()
    } else {
        Vec::new()
    };
    Ok(Pending {
        parents: object.parents().collect(),
        commit: Commit {
            id,
            parents: object.parents.len(),
            contributor: mailmap.try_resolve(author).map_or_else(
                || identity(&author),
                |person| identity(&person.to_ref(&mut Default::default())),
            ),
            author: identity(&author),
            committer: identity(&committer),
            time,
            subject: message.summary().to_str_lossy().into_owned(),
            trailer_signoffs,
            message_signoffs,
            remediations,
        },
    })
}

fn identity(signature: &gix::actor::SignatureRef<'_>) -> Identity {
    Identity {
        name: signature.name.trim().to_str_lossy().into_owned(),
        email: signature.email.trim().to_str_lossy().into_owned(),
    }
}

/// Whether `haystack` holds `needle`, letters compared without regard to ASCII case.
fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle))
}

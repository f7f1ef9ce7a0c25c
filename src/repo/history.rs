//! The facts history probes need, gathered in one pass over the commits.
//!
//! The walk starts at the commit the view shows and goes back in committer-time order,
//! reading each commit object once and keeping only what probes use: identities, time,
//! subject and sign-off lines. It stops as soon as every probe's window is covered.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::sync::Arc;

use gix::ObjectId;
use gix::bstr::ByteSlice;

use super::RepoError;
use super::bounded::{self, Links, Unread};
use super::objects::{self, MAX_OBJECT_BYTES};

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
    pub author: Arc<Identity>,
    pub committer: Arc<Identity>,
    /// The author as `.mailmap` names them: one person, however many identities.
    pub contributor: Arc<Identity>,
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
    /// The commit it tags.
    pub commit: ObjectId,
    /// The time of that commit.
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
    /// Why `.mailmap` was not applied, when there is one that was not.
    pub mailmap_skipped: Option<MailmapSkipped>,
}

/// Why a `.mailmap` was left out: each identity then counts as its own person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailmapSkipped {
    /// Larger than [`MAX_MAILMAP_BYTES`].
    TooLarge { size: u64 },
    /// A FIFO, a device, a directory: nothing to read.
    NotRegular,
    /// A symlink, which git does not follow for `.mailmap` either.
    Symlink,
}

/// The largest `.mailmap` read, as any file ospo reads. Its entries cost some hundred
/// bytes each in memory once parsed.
pub const MAX_MAILMAP_BYTES: u64 = super::MAX_FILE_BYTES;

/// The people `.mailmap` names, as git finds it: the worktree's file (not through a
/// symlink), or in a bare repository the file of HEAD's tree; read within
/// [`MAX_MAILMAP_BYTES`]. `mailmap.file` and `mailmap.blob` are not followed: they may
/// name any file, anywhere.
fn mailmap(repo: &gix::Repository) -> (gix::mailmap::Snapshot, Option<MailmapSkipped>) {
    let read = match repo.workdir() {
        Some(root) => {
            match bounded::read(&root.join(".mailmap"), Links::Refuse, MAX_MAILMAP_BYTES) {
                Ok(bytes) => Ok(bytes),
                Err(Unread::TooLarge { size, .. }) => Err(Some(MailmapSkipped::TooLarge { size })),
                Err(Unread::NotRegular) => Err(Some(MailmapSkipped::NotRegular)),
                Err(Unread::Symlink) => Err(Some(MailmapSkipped::Symlink)),
                // One that cannot be read is left out, as git leaves it out.
                Err(Unread::Io(_)) => Err(None),
            }
        }
        None => mailmap_of_head(repo),
    };
    match read {
        Ok(Some(bytes)) => (gix::mailmap::Snapshot::from_bytes(&bytes), None),
        Ok(None) => Default::default(),
        Err(skipped) => (Default::default(), skipped),
    }
}

/// The `.mailmap` of HEAD's tree, when it is a file there.
fn mailmap_of_head(repo: &gix::Repository) -> Result<Option<Vec<u8>>, Option<MailmapSkipped>> {
    let Some(head) = repo.head_id().ok().map(|id| id.detach()) else {
        return Ok(None);
    };
    let (_, tree) = objects::commit_and_tree(repo, head).map_err(|_| None)?;
    let mut buffer = Vec::new();
    objects::find_kind(
        repo,
        &tree,
        gix::objs::Kind::Tree,
        MAX_OBJECT_BYTES,
        &mut buffer,
    )
    .map_err(|_| None)?;
    let tree = gix::objs::TreeRef::from_bytes(&buffer, repo.object_hash()).map_err(|_| None)?;
    let Some(entry) = tree
        .entries
        .iter()
        .find(|entry| entry.filename == ".mailmap")
    else {
        return Ok(None);
    };
    match entry.mode.kind() {
        gix::objs::tree::EntryKind::Blob | gix::objs::tree::EntryKind::BlobExecutable => {}
        gix::objs::tree::EntryKind::Link => return Err(Some(MailmapSkipped::Symlink)),
        _ => return Err(Some(MailmapSkipped::NotRegular)),
    }
    let id = entry.oid.to_owned();
    let size = repo.find_header(id).map_err(|_| None)?.size();
    if size > MAX_MAILMAP_BYTES {
        return Err(Some(MailmapSkipped::TooLarge { size }));
    }
    let mut bytes = Vec::new();
    objects::find_kind(
        repo,
        &id,
        gix::objs::Kind::Blob,
        MAX_MAILMAP_BYTES,
        &mut bytes,
    )
    .map_err(|_| None)?;
    Ok(Some(bytes))
}

/// A commit waiting in the walk, ordered by committer time, newest first.
struct Queued {
    time: i64,
    id: ObjectId,
    node: Node,
}

enum Node {
    /// Known from the commit-graph: time and parents, no object read yet.
    Graph(gix::commitgraph::Position),
    /// Read from its object (no commit-graph, or a commit newer than it): the parents the
    /// walk follows, and where the parser keeps the commit.
    Read {
        parents: Vec<ObjectId>,
        parsed: usize,
    },
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Queued {}
impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.time, self.id).cmp(&(other.time, other.id))
    }
}

/// A commit of the window, in walk order.
enum Source {
    /// Known from the commit-graph only: its object is still to be read.
    Unread(ObjectId),
    /// Read during the walk: the parser's commit number so-and-so.
    Parsed(usize),
}

/// Where the walk stands against its reach, commit after commit.
struct Cutoff {
    reach: Reach,
    misses: usize,
}

enum Step {
    /// In the window.
    Keep,
    /// Out of the window, but the walk goes on a little in case a clock was wrong.
    Pass,
    /// Past the window.
    Stop,
}

impl Cutoff {
    fn step(&mut self, kept: usize, time: i64) -> Step {
        if self.reach.contains(kept, time) {
            self.misses = 0;
            return Step::Keep;
        }
        if self.reach.since.is_none() {
            return Step::Stop; // only a count was asked for, and it is reached
        }
        // Committer times go down along this walk, but a clock set wrong can put an old
        // date on a commit whose parents are newer: as git does, look a few commits
        // further before deciding the window is passed.
        self.misses += 1;
        if self.misses > CLOCK_SKEW_SLOP {
            Step::Stop
        } else {
            Step::Pass
        }
    }
}

/// Walks back from `start`, covering `reach`. Each commit object is read once.
///
/// With a commit-graph (`git commit-graph write`, or `git gc`), the order and the window
/// come from it without reading any object; the objects of the window are then read on
/// every core. Without one, each object is read when the walk first reaches it, and a
/// second core parses what the first inflates. Both give the same commits in the same
/// order.
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
    let releases = if reach.tags {
        releases(repo)?
    } else {
        Vec::new()
    };
    let (mailmap, mailmap_skipped) = mailmap(repo);
    // A shallow clone's graph may name parents the clone lacks: git ignores it there, and
    // so does this walk. A graph that turns out corrupt is dropped for the objects.
    let graph = shallow
        .is_empty()
        .then(|| repo.commit_graph_if_enabled().ok().flatten())
        .flatten();
    let (sources, parsed) = std::thread::scope(|scope| {
        if let Some(graph) = &graph {
            // Only the commits made since the graph was written are read during the walk.
            let parser = Parser::here(&mailmap, repo.object_hash());
            if let Some(walked) = order(repo, Some(graph), parser, &shallow, start, reach)? {
                return Ok(walked);
            }
        }
        // A worker pays for itself only when there are many commits to parse.
        let parser = if reach.all || reach.since.is_some() || reach.last >= PARALLEL_READS {
            Parser::new(scope, &mailmap, repo.object_hash())
        } else {
            Parser::here(&mailmap, repo.object_hash())
        };
        Ok::<_, RepoError>(
            order(repo, None, parser, &shallow, start, reach)?
                .expect("a walk without a commit-graph meets no graph error"),
        )
    })?;
    Ok(History {
        commits: read_all(repo, &mailmap, sources, parsed)?,
        releases,
        shallow: !shallow.is_empty(),
        mailmap_skipped,
    })
}

/// The commits of the window in walk order, and those the walk parsed.
type Walked = (Vec<Source>, Vec<Commit>);

/// The commits of the window in walk order, and those the walk parsed. `None` when the
/// commit-graph is corrupt.
fn order<'s, 'a>(
    repo: &gix::Repository,
    graph: Option<&gix::commitgraph::Graph>,
    mut parser: Parser<'s, 'a>,
    shallow: &HashSet<ObjectId>,
    start: ObjectId,
    reach: Reach,
) -> Result<Option<Walked>, RepoError> {
    let mut buffer = Vec::new();
    let mut queue = BinaryHeap::new();
    // Commits already queued: by position when the graph has them, else by id.
    let mut seen_in_graph = vec![false; graph.map_or(0, |g| g.num_commits() as usize)];
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut enqueue = |id: ObjectId,
                       queue: &mut BinaryHeap<Queued>,
                       parser: &mut Parser<'s, 'a>|
     -> Result<(), RepoError> {
        if let Some((graph, position)) = graph.and_then(|g| Some((g, g.lookup(id)?))) {
            let seen = &mut seen_in_graph[position.0 as usize];
            if !*seen {
                *seen = true;
                let time = graph.commit_at(position).committer_timestamp() as i64;
                queue.push(Queued {
                    time,
                    id,
                    node: Node::Graph(position),
                });
            }
        } else if seen.insert(id) {
            let (time, parents, parsed) = parser.take(repo, id, &mut buffer)?;
            queue.push(Queued {
                time,
                id,
                node: Node::Read { parents, parsed },
            });
        }
        Ok(())
    };
    enqueue(start, &mut queue, &mut parser)?;
    let mut cutoff = Cutoff { reach, misses: 0 };
    let mut sources = Vec::new();
    let mut parents = Vec::new();
    while let Some(Queued { time, id, node }) = queue.pop() {
        let keep = match cutoff.step(sources.len(), time) {
            Step::Stop => break,
            Step::Keep => true,
            Step::Pass => false,
        };
        parents.clear();
        match node {
            Node::Graph(position) => {
                let graph = graph.expect("graph nodes come from a graph");
                for parent in graph.commit_at(position).iter_parents() {
                    let Ok(parent) = parent else {
                        return Ok(None);
                    };
                    parents.push(graph.id_at(parent).to_owned());
                }
                if keep {
                    sources.push(Source::Unread(id));
                }
            }
            Node::Read {
                parents: read,
                parsed,
            } => {
                parents.extend(read);
                if keep {
                    sources.push(Source::Parsed(parsed));
                }
            }
        }
        if shallow.contains(&id) {
            continue; // its parents are not in this clone
        }
        for parent in parents.drain(..) {
            enqueue(parent, &mut queue, &mut parser)?;
        }
    }
    Ok(Some((sources, parser.finish()?)))
}

/// Commit objects sent to the parsing thread at once.
const BATCH: usize = 64;

/// Objects, one after the other, on their way to the parsing thread.
#[derive(Default)]
struct Batch {
    ids: Vec<ObjectId>,
    ends: Vec<usize>,
    bytes: Vec<u8>,
}

/// Turns the commit objects the walk reads into [`Commit`]s, numbered in the order read:
/// on the walking thread, or on a second one while the walk inflates the next objects.
enum Parser<'scope, 'a> {
    Here {
        reader: Reader<'a>,
        parsed: Vec<Commit>,
    },
    There {
        object_hash: gix::hash::Kind,
        batch: Batch,
        count: usize,
        sender: std::sync::mpsc::SyncSender<Batch>,
        worker: std::thread::ScopedJoinHandle<'scope, Result<Vec<Commit>, RepoError>>,
    },
}

impl<'scope, 'a> Parser<'scope, 'a> {
    fn here(mailmap: &'a gix::mailmap::Snapshot, object_hash: gix::hash::Kind) -> Self {
        Parser::Here {
            reader: Reader::new(mailmap, object_hash),
            parsed: Vec::new(),
        }
    }

    /// A parser on a second thread, when the machine has a second core to spare.
    fn new<'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        mailmap: &'a gix::mailmap::Snapshot,
        object_hash: gix::hash::Kind,
    ) -> Self
    where
        'a: 'scope,
    {
        if !super::spare_cores() {
            return Parser::here(mailmap, object_hash);
        }
        // A bound on what waits: the parser is the faster of the two, but memory stays
        // bounded if it is not.
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Batch>(16);
        let worker = scope.spawn(move || {
            let mut reader = Reader::new(mailmap, object_hash);
            let mut parsed = Vec::new();
            for batch in receiver {
                let mut start = 0;
                for (id, end) in batch.ids.iter().zip(&batch.ends) {
                    parsed.push(reader.parse(*id, &batch.bytes[start..*end])?);
                    start = *end;
                }
            }
            Ok(parsed)
        });
        Parser::There {
            object_hash,
            batch: Batch::default(),
            count: 0,
            sender,
            worker,
        }
    }

    /// Reads commit `id`: its committer time and parents now, for the walk, and the rest
    /// as commit number so-and-so, now or on the other thread.
    fn take(
        &mut self,
        repo: &gix::Repository,
        id: ObjectId,
        buffer: &mut Vec<u8>,
    ) -> Result<(i64, Vec<ObjectId>, usize), RepoError> {
        match self {
            Parser::Here { reader, parsed } => {
                let data = find(repo, id, buffer)?;
                let commit = reader.parse(id, data)?;
                let parents = gix::objs::CommitRefIter::from_bytes(data, reader.object_hash)
                    .parent_ids()
                    .collect();
                let time = commit.time;
                parsed.push(commit);
                Ok((time, parents, parsed.len() - 1))
            }
            Parser::There {
                object_hash,
                batch,
                count,
                sender,
                ..
            } => {
                let data = find(repo, id, buffer)?;
                let (time, parents) = walk_fields(id, data, *object_hash)?;
                batch.ids.push(id);
                batch.bytes.extend_from_slice(data);
                batch.ends.push(batch.bytes.len());
                if batch.ids.len() == BATCH && sender.send(std::mem::take(batch)).is_err() {
                    // The parser stopped on an error: `finish` reports it.
                }
                *count += 1;
                Ok((time, parents, *count - 1))
            }
        }
    }

    /// Every commit read, in the order read.
    fn finish(self) -> Result<Vec<Commit>, RepoError> {
        match self {
            Parser::Here { parsed, .. } => Ok(parsed),
            Parser::There {
                batch,
                sender,
                worker,
                ..
            } => {
                let _ = sender.send(batch);
                drop(sender);
                match worker.join() {
                    Ok(parsed) => parsed,
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        }
    }
}

/// The bytes of commit object `id`.
fn find<'b>(
    repo: &gix::Repository,
    id: ObjectId,
    buffer: &'b mut Vec<u8>,
) -> Result<&'b [u8], RepoError> {
    let kind = objects::find(repo, &id, MAX_OBJECT_BYTES, buffer)
        .map_err(|error| read_error(id, &error))?
        .ok_or_else(|| read_error(id, &"object not found"))?;
    if kind != gix::objs::Kind::Commit {
        return Err(read_error(id, &format!("a {kind}, not a commit")));
    }
    Ok(buffer)
}

/// What the walk needs of a commit at once: its committer time and parents.
fn walk_fields(
    id: ObjectId,
    data: &[u8],
    object_hash: gix::hash::Kind,
) -> Result<(i64, Vec<ObjectId>), RepoError> {
    use gix::objs::commit::ref_iter::Token;
    let mut parents = Vec::new();
    for token in gix::objs::CommitRefIter::from_bytes(data, object_hash) {
        match token.map_err(|error| read_error(id, &error))? {
            Token::Parent { id } => parents.push(id),
            Token::Committer { signature } => {
                let time = signature.time().map_err(|error| read_error(id, &error))?;
                return Ok((time.seconds, parents));
            }
            _ => {}
        }
    }
    Err(read_error(id, &"no committer"))
}

fn read_error(id: ObjectId, error: &dyn std::fmt::Display) -> RepoError {
    RepoError::Read {
        path: format!("commit {id}"),
        message: error.to_string(),
    }
}

/// Below this many objects to read, one thread reads them all: another thread's start
/// (a repository handle of its own) costs more than it saves.
const PARALLEL_READS: usize = 2_000;
/// How many runs each thread takes, on average, of the objects to read.
const RUNS_PER_THREAD: usize = 8;

/// The commits of the window, in order: those parsed during the walk, and those the
/// commit-graph gave, read now. Many are split in contiguous runs (neighbours in the walk
/// are neighbours in a pack) over the machine's cores, each thread with a repository
/// handle of its own, each filling its run in place.
fn read_all(
    repo: &gix::Repository,
    mailmap: &gix::mailmap::Snapshot,
    sources: Vec<Source>,
    parsed: Vec<Commit>,
) -> Result<Vec<Commit>, RepoError> {
    let mut parsed: Vec<Option<Commit>> = parsed.into_iter().map(Some).collect();
    let mut unread = Vec::new();
    let mut commits: Vec<Option<Commit>> = sources
        .into_iter()
        .map(|source| match source {
            Source::Parsed(index) => parsed[index].take(),
            Source::Unread(id) => {
                unread.push(id);
                None
            }
        })
        .collect();
    drop(parsed);
    let threads = if unread.len() < PARALLEL_READS || !super::spare_cores() {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get().min(unread.len() / PARALLEL_READS))
    };
    if threads <= 1 {
        fill(
            repo,
            &mut Reader::new(mailmap, repo.object_hash()),
            &mut commits,
            &unread,
        )?;
    } else {
        // Contiguous runs, several per thread, taken in turn: a thread slowed by a
        // neighbour on the machine takes fewer. Each run takes the ids of its own unread
        // commits.
        let run = commits.len().div_ceil(threads * RUNS_PER_THREAD);
        let mut runs = Vec::new();
        let mut ids = unread.as_slice();
        for run in commits.chunks_mut(run) {
            let (mine, rest) = ids.split_at(run.iter().filter(|c| c.is_none()).count());
            runs.push((run, mine));
            ids = rest;
        }
        let runs = std::sync::Mutex::new(runs.into_iter());
        let next = || runs.lock().map_or(None, |mut runs| runs.next());
        let work = |repo: &gix::Repository| -> Result<(), RepoError> {
            let mut reader = Reader::new(mailmap, repo.object_hash());
            while let Some((run, ids)) = next() {
                fill(repo, &mut reader, run, ids)?;
            }
            Ok(())
        };
        let git_dir = repo.git_dir().to_owned();
        let options = repo.open_options().clone().open_path_as_is(true);
        std::thread::scope(|scope| -> Result<(), RepoError> {
            let others: Vec<_> = (1..threads)
                .map(|_| {
                    let (git_dir, options) = (git_dir.clone(), options.clone());
                    // A thread that cannot open its own handle leaves the runs to others.
                    scope
                        .spawn(|| gix::open_opts(git_dir, options).map_or(Ok(()), |own| work(&own)))
                })
                .collect();
            let mine = work(repo);
            for other in others {
                match other.join() {
                    Ok(result) => result?,
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            mine
        })?;
    }
    Ok(commits
        .into_iter()
        .map(|commit| commit.expect("every commit walked is read"))
        .collect())
}

/// Reads, on this thread, the commits of `run` not read yet, whose ids are `ids` in order.
fn fill(
    repo: &gix::Repository,
    reader: &mut Reader<'_>,
    run: &mut [Option<Commit>],
    ids: &[ObjectId],
) -> Result<(), RepoError> {
    let mut buffer = Vec::new();
    let mut ids = ids.iter();
    for slot in run.iter_mut().filter(|slot| slot.is_none()) {
        let id = *ids.next().expect("an id for each commit to read");
        let data = find(repo, id, &mut buffer)?;
        *slot = Some(reader.parse(id, data)?);
    }
    Ok(())
}

/// Commits the range walk reads past the last one it keeps, once every commit it has
/// still to read is reachable from an excluded tip, for clocks set wrong (git's `SLOP`).
const RANGE_SLOP: usize = 5;

/// A commit met by the range walk.
struct Met {
    /// Reachable from an excluded tip.
    excluded: bool,
    /// Taken out of the queue: its parents have been met.
    done: bool,
    parents: Vec<ObjectId>,
    /// Where the parser keeps it.
    parsed: usize,
}

/// The commits reachable from one of `include` and from none of `exclude`, newest first
/// (by committer time): those `git rev-list` lists for the same tips, found as it finds
/// them. The walk goes back from all tips at once, newest first, marking what an excluded
/// tip reaches (and, iteratively, the ancestors already met of a commit found excluded
/// late); it stops once every commit left to read is excluded and older than the last one
/// kept, a few commits on. Each commit object is read once; the walk is linear in the
/// commits it meets.
pub(super) fn range(
    repo: &gix::Repository,
    include: &[ObjectId],
    exclude: &[ObjectId],
) -> Result<Vec<Commit>, RepoError> {
    if include.is_empty() {
        return Ok(Vec::new());
    }
    let shallow: HashSet<ObjectId> = repo
        .shallow_commits()
        .ok()
        .flatten()
        .map(|commits| commits.iter().copied().collect())
        .unwrap_or_default();
    // Bounded, as every read of the repository: never gix's own reading of it.
    let mailmap = mailmap(repo).0;
    let (kept, parsed) = std::thread::scope(|scope| {
        let mut parser = Parser::new(scope, &mailmap, repo.object_hash());
        let mut buffer = Vec::new();
        let mut met: HashMap<ObjectId, Met> = HashMap::new();
        let mut queue: BinaryHeap<(i64, ObjectId)> = BinaryHeap::new();
        // Commits in the queue not (yet) known to be excluded.
        let mut wanted_in_queue = 0usize;
        let mut meet = |id: ObjectId,
                        excluded: bool,
                        met: &mut HashMap<ObjectId, Met>,
                        queue: &mut BinaryHeap<(i64, ObjectId)>,
                        wanted_in_queue: &mut usize,
                        parser: &mut Parser<'_, '_>|
         -> Result<(), RepoError> {
            if let Some(known) = met.get(&id) {
                if excluded && !known.excluded {
                    exclude_with_ancestors(id, met, wanted_in_queue);
                }
                return Ok(());
            }
            let (time, parents, parsed) = parser.take(repo, id, &mut buffer)?;
            met.insert(
                id,
                Met {
                    excluded,
                    done: false,
                    parents,
                    parsed,
                },
            );
            queue.push((time, id));
            *wanted_in_queue += usize::from(!excluded);
            Ok(())
        };
        for &id in exclude {
            meet(
                id,
                true,
                &mut met,
                &mut queue,
                &mut wanted_in_queue,
                &mut parser,
            )?;
        }
        for &id in include {
            meet(
                id,
                false,
                &mut met,
                &mut queue,
                &mut wanted_in_queue,
                &mut parser,
            )?;
        }
        let mut kept: Vec<ObjectId> = Vec::new();
        let mut last_kept_time = i64::MAX;
        let mut slop = RANGE_SLOP;
        let mut parents = Vec::new();
        while let Some((time, id)) = queue.pop() {
            let commit = met.get_mut(&id).expect("queued commits are met");
            commit.done = true;
            let excluded = commit.excluded;
            wanted_in_queue -= usize::from(!excluded);
            parents.clear();
            if !shallow.contains(&id) {
                parents.extend_from_slice(&commit.parents);
            }
            for &parent in &parents {
                meet(
                    parent,
                    excluded,
                    &mut met,
                    &mut queue,
                    &mut wanted_in_queue,
                    &mut parser,
                )?;
            }
            if !excluded {
                kept.push(id);
                last_kept_time = time;
                continue;
            }
            // As git's `still_interesting`: done once nothing wanted is left to read and
            // what is left is older than the last commit kept, a few commits on.
            let newer_left = queue
                .peek()
                .is_some_and(|&(next, _)| next >= last_kept_time);
            if wanted_in_queue > 0 || newer_left {
                slop = RANGE_SLOP;
            } else {
                slop -= 1;
                if slop == 0 {
                    break;
                }
            }
        }
        // A commit kept before an excluded tip was found to reach it is left out.
        let kept: Vec<Source> = kept
            .into_iter()
            .filter_map(|id| {
                let commit = &met[&id];
                (!commit.excluded).then_some(Source::Parsed(commit.parsed))
            })
            .collect();
        Ok::<_, RepoError>((kept, parser.finish()?))
    })?;
    read_all(repo, &mailmap, kept, parsed)
}

/// Marks commit `id` excluded, and the ancestors of it the walk has already gone past,
/// without recursion: each commit is marked once.
fn exclude_with_ancestors(
    id: ObjectId,
    met: &mut HashMap<ObjectId, Met>,
    wanted_in_queue: &mut usize,
) {
    let mut stack = vec![id];
    while let Some(id) = stack.pop() {
        let Some(commit) = met.get_mut(&id) else {
            continue; // not met yet: it will be, from an excluded child
        };
        if commit.excluded {
            continue;
        }
        commit.excluded = true;
        if commit.done {
            stack.extend_from_slice(&commit.parents);
        } else {
            *wanted_in_queue -= 1;
        }
    }
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
    // gix reads each loose tag whole: they are checked first.
    super::gitdir::check_loose_refs(&repo.common_dir().join("refs").join("tags"))?;
    let platform = repo.references().map_err(|e| error(&e))?;
    let mut releases = Vec::new();
    let mut buffer = Vec::new();
    for reference in platform.tags().map_err(|e| error(&e))? {
        let Ok(reference) = reference else {
            continue;
        };
        let name = reference.name().shorten().to_str_lossy().into_owned();
        if !VERSION.is_match(&name) {
            continue;
        }
        // A tag on something other than a commit is no release; its objects are read
        // within their cap.
        let Some(target) = reference.target().try_id().map(ToOwned::to_owned) else {
            continue;
        };
        let Ok(commit) = objects::peel_to_commit(repo, target, &mut buffer) else {
            continue;
        };
        let Ok((time, _)) = walk_fields(commit, &buffer, repo.object_hash()) else {
            continue;
        };
        releases.push(Release { name, commit, time });
    }
    releases.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| b.name.cmp(&a.name)));
    Ok(releases)
}

/// Reads commit objects, keeping what probes need. The few people of a history are made
/// once each, with the name `.mailmap` gives them, however many commits they made.
struct Reader<'a> {
    mailmap: &'a gix::mailmap::Snapshot,
    object_hash: gix::hash::Kind,
    /// Raw `name <email>` → the identity, and the contributor it maps to.
    people: HashMap<Vec<u8>, (Arc<Identity>, Arc<Identity>)>,
    key: Vec<u8>,
}

impl<'a> Reader<'a> {
    fn new(mailmap: &'a gix::mailmap::Snapshot, object_hash: gix::hash::Kind) -> Reader<'a> {
        Reader {
            mailmap,
            object_hash,
            people: HashMap::new(),
            key: Vec::new(),
        }
    }

    /// One person, and who `.mailmap` says they are.
    fn person(
        &mut self,
        signature: &gix::actor::SignatureRef<'_>,
    ) -> (Arc<Identity>, Arc<Identity>) {
        self.key.clear();
        self.key.extend_from_slice(signature.name);
        self.key.push(0);
        self.key.extend_from_slice(signature.email);
        if let Some(known) = self.people.get(self.key.as_slice()) {
            return known.clone();
        }
        let identity = Arc::new(identity(signature));
        let contributor = self.mailmap.try_resolve(*signature).map_or_else(
            || identity.clone(),
            |person| Arc::new(self::identity(&person.to_ref(&mut Default::default()))),
        );
        self.people
            .insert(self.key.clone(), (identity.clone(), contributor.clone()));
        (identity, contributor)
    }

    /// Keeps what probes need of commit object `id`, whose bytes are `data`.
    fn parse(&mut self, id: ObjectId, data: &[u8]) -> Result<Commit, RepoError> {
        let error = |error: &dyn std::fmt::Display| read_error(id, error);
        let object =
            gix::objs::CommitRef::from_bytes(data, self.object_hash).map_err(|e| error(&e))?;
        let time = object.time().map_err(|e| error(&e))?.seconds;
        let (author, contributor) = self.person(&object.author().map_err(|e| error(&e))?);
        let (committer, _) = self.person(&object.committer().map_err(|e| error(&e))?);
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
        // Remediation lines are rare: one search of the message spares most commits the
        // scan.
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
        Ok(Commit {
            id,
            parents: object.parents.len(),
            contributor,
            author,
            committer,
            time,
            subject: message.summary().to_str_lossy().into_owned(),
            trailer_signoffs,
            message_signoffs,
            remediations,
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository of three commits, an hour apart, made by the git CLI in a pinned
    /// environment.
    fn three_commits() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let git = |args: &[&str], date: &str| super::super::test_git(dir.path(), args, date);
        git(&["init", "-q", "-b", "main"], "2026-01-01T00:00:00Z");
        for hour in 1..=3 {
            let date = format!("2026-01-01T0{hour}:00:00Z");
            git(&["commit", "-q", "--allow-empty", "-m", "c"], &date);
        }
        dir
    }

    fn walk_order(repo: &gix::Repository, graph: Option<&gix::commitgraph::Graph>) -> Vec<bool> {
        // Bounded, as every read of the repository: never gix's own reading of it.
        let mailmap = mailmap(repo).0;
        let start = repo.head_id().expect("a HEAD").detach();
        let reach = Reach {
            all: true,
            ..Reach::default()
        };
        let parser = Parser::here(&mailmap, repo.object_hash());
        let (sources, parsed) = order(repo, graph, parser, &HashSet::new(), start, reach)
            .expect("the walk reads")
            .expect("the graph is sound");
        assert_eq!(
            parsed.len(),
            sources
                .iter()
                .filter(|s| matches!(s, Source::Parsed(_)))
                .count()
        );
        sources
            .iter()
            .map(|s| matches!(s, Source::Unread(_)))
            .collect()
    }

    #[test]
    fn with_a_commit_graph_the_walk_reads_no_object() {
        let dir = three_commits();
        let repo = gix::open(dir.path()).expect("a repository");
        assert_eq!(walk_order(&repo, None), [false, false, false]);
        super::super::test_git(
            dir.path(),
            &["commit-graph", "write", "--reachable"],
            "2026-01-01T00:00:00Z",
        );
        let graph = repo
            .commit_graph_if_enabled()
            .expect("a readable graph")
            .expect("a graph");
        assert_eq!(walk_order(&repo, Some(&graph)), [true, true, true]);
        // And the whole walk gives the same commits either way.
        let start = repo.head_id().expect("a HEAD").detach();
        let all = Reach {
            all: true,
            ..Reach::default()
        };
        let times: Vec<i64> = walk(&repo, start, all)
            .expect("the walk")
            .commits
            .iter()
            .map(|c| c.time)
            .collect();
        assert_eq!(
            times,
            [1_767_229_200 + 7_200, 1_767_229_200 + 3_600, 1_767_229_200]
        );
    }
}

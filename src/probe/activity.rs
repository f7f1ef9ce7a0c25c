//! `activity`: how alive and how shared a project is, from its history.
//!
//! One metric per item, with a window (days before now, or a revision range) and bounds:
//! days since the last commit,
//! commits, distinct contributors, new contributors, the contributor absence factor (bus
//! factor), the elephant factor (by email domain) and the top contributor's share, as
//! CHAOSS defines them. Contributors are people as `.mailmap` names them; merges and bots
//! are left out.

use std::collections::{BTreeMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Context, Evidence, Outcome, Problem, Status};
use crate::i18n::Text;
use crate::repo::history::{Commit, History, MAX_MAILMAP_BYTES, MailmapSkipped, Release, Window};
use crate::text;
use crate::yaml::Path;

/// The window when the checklist gives none.
const DEFAULT_DAYS: u32 = 365;

/// Mail providers anyone can use: an address there says nothing of an organisation.
const PUBLIC_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "hotmail.fr",
    "live.com",
    "live.fr",
    "msn.com",
    "yahoo.com",
    "yahoo.fr",
    "icloud.com",
    "me.com",
    "mac.com",
    "protonmail.com",
    "proton.me",
    "pm.me",
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "gmx.fr",
    "web.de",
    "mail.ru",
    "yandex.ru",
    "qq.com",
    "163.com",
    "126.com",
    "aol.com",
    "free.fr",
    "orange.fr",
    "laposte.net",
    "wanadoo.fr",
    "sfr.fr",
    "posteo.de",
    "posteo.net",
    "tutanota.com",
    "fastmail.com",
    "zoho.com",
    "mailbox.org",
    "disroot.org",
    "riseup.net",
    "users.noreply.github.com",
    "noreply.github.com",
    "users.noreply.gitlab.com",
    "noreply.codeberg.org",
    "localhost",
    "localdomain",
    "example.com",
];

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ActivitySpec {
    /// What to measure.
    pub metric: Metric,
    /// The window, in days before now (365 by default; not used by
    /// `days-since-last-commit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// The window is a revision range instead, `BASE..TIP` (e.g. `v1.0.0..HEAD`): the
    /// commits of TIP not in BASE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<String>,
    /// The smallest value that passes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// The largest value that passes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// More email domains that are not organisations, for the elephant factor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub public_domains: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Metric {
    /// Days since the newest commit.
    DaysSinceLastCommit,
    /// Commits in the window.
    Commits,
    /// Distinct contributors in the window.
    Contributors,
    /// Contributors whose first commit falls in the window.
    NewContributors,
    /// The fewest contributors who made half the window's commits.
    BusFactor,
    /// The fewest organisations (email domains) behind half the window's commits.
    ElephantFactor,
    /// The share of the window's commits made by its most active contributor, in percent.
    TopContributorShare,
    /// Release tags (names that are versions) on commits of the window.
    Releases,
    /// Days since the newest release tag.
    DaysSinceLastRelease,
}

impl Metric {
    /// Whether the metric counts people, whom `.mailmap` names.
    fn counts_people(self) -> bool {
        matches!(
            self,
            Metric::Contributors
                | Metric::NewContributors
                | Metric::BusFactor
                | Metric::ElephantFactor
                | Metric::TopContributorShare
        )
    }

    fn id(self) -> &'static str {
        match self {
            Metric::DaysSinceLastCommit => "days-since-last-commit",
            Metric::Commits => "commits",
            Metric::Contributors => "contributors",
            Metric::NewContributors => "new-contributors",
            Metric::BusFactor => "bus-factor",
            Metric::ElephantFactor => "elephant-factor",
            Metric::TopContributorShare => "top-contributor-share",
            Metric::Releases => "releases",
            Metric::DaysSinceLastRelease => "days-since-last-release",
        }
    }
}

#[derive(Debug, Clone)]
pub struct ActivityProbe {
    metric: Metric,
    days: u32,
    range: Option<String>,
    min: Option<f64>,
    max: Option<f64>,
    public_domains: Vec<String>,
    /// The same bots the `dco` probe leaves out by default.
    bots: regex::Regex,
}

impl ActivitySpec {
    pub fn compile(&self) -> Result<ActivityProbe, Vec<Problem>> {
        let mut problems = Vec::new();
        if self.min.is_none() && self.max.is_none() {
            problems.push(Problem {
                path: Path::default().key("metric"),
                message: "an activity probe needs `min`, `max` or both".into(),
            });
        }
        if let (Some(min), Some(max)) = (self.min, self.max)
            && min > max
        {
            problems.push(Problem {
                path: Path::default().key("min"),
                message: format!("`min` ({min}) is above `max` ({max})"),
            });
        }
        if self.days == Some(0) {
            problems.push(Problem {
                path: Path::default().key("days"),
                message: "`days` must be at least 1".into(),
            });
        }
        if let Some(range) = &self.range {
            let path = Path::default().key("range");
            if self.days.is_some() {
                problems.push(Problem {
                    path,
                    message: "`range` replaces `days`: give one or the other".into(),
                });
            } else if matches!(
                self.metric,
                Metric::DaysSinceLastCommit | Metric::DaysSinceLastRelease
            ) {
                problems.push(Problem {
                    path,
                    message: format!(
                        "`{}` counts days back from now and takes no `range`",
                        self.metric.id()
                    ),
                });
            } else if range.trim().is_empty() {
                problems.push(Problem {
                    path,
                    message: "`range` is empty; give one such as v1.0.0..HEAD".into(),
                });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(ActivityProbe {
            metric: self.metric,
            days: self.days.unwrap_or(DEFAULT_DAYS),
            range: self.range.clone(),
            min: self.min,
            max: self.max,
            public_domains: self
                .public_domains
                .iter()
                .map(|d| d.to_lowercase())
                .collect(),
            bots: super::dco::bots(None).expect("the default bot pattern is valid"),
        })
    }
}

impl ActivityProbe {
    /// The part of the shared history pass this probe reads, if any: a revision range is
    /// read apart, and needs the pass only to tell newcomers or find release tags.
    pub fn window(&self, now: i64) -> Option<Window> {
        if self.range.is_some() {
            return match self.metric {
                Metric::NewContributors => Some(Window::default()),
                Metric::Releases => Some(Window {
                    last: Some(0),
                    since: None,
                    tags: true,
                }),
                _ => None,
            };
        }
        Some(match self.metric {
            Metric::DaysSinceLastCommit => Window {
                last: Some(1),
                ..Window::default()
            },
            // Whether a contributor is new depends on all that came before.
            Metric::NewContributors => Window::default(),
            // Tags are read apart from the walk, which needs no commit for them.
            Metric::Releases | Metric::DaysSinceLastRelease => Window {
                last: Some(0),
                since: None,
                tags: true,
            },
            _ => Window {
                last: None,
                since: Some(now - i64::from(self.days) * 86_400),
                tags: false,
            },
        })
    }

    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let history = match self.window(context.now) {
            Some(_) => match context.history() {
                Ok(history) => Some(history),
                Err(outcome) => return *outcome,
            },
            None => None,
        };
        let range_commits;
        let (span, shallow) = match (&self.range, history) {
            (Some(range), _) => match context.range(range) {
                Ok(commits) => {
                    range_commits = commits;
                    (
                        Span::range(&range_commits, history),
                        context.repo.is_shallow(),
                    )
                }
                Err(outcome) => return *outcome,
            },
            (None, Some(history)) => (
                Span::days(history, context.now - i64::from(self.days) * 86_400),
                history.shallow,
            ),
            (None, None) => unreachable!("a window in days reads the history"),
        };
        if self.metric == Metric::DaysSinceLastRelease
            && history.is_none_or(|history| history.releases.is_empty())
        {
            return Outcome::new(
                Status::Fail,
                text!(
                    "no release: no tag named as a version (such as v1.2.0)",
                    "aucune version publiée : aucune étiquette nommée comme une version (par exemple v1.2.0)"
                ),
            );
        }
        let Some((value, top)) = self.measure(history, &span, context.now) else {
            return Outcome::new(
                Status::Skip,
                text!(
                    "nothing to measure: no commit in the window",
                    "rien à mesurer : aucun commit dans la fenêtre"
                ),
            );
        };
        let metric = self.metric.id();
        let days = self.days;
        let bounds = match (self.min, self.max) {
            (Some(min), Some(max)) => format!("{min}–{max}"),
            (Some(min), None) => format!("≥ {min}"),
            (None, Some(max)) => format!("≤ {max}"),
            (None, None) => String::new(),
        };
        let passed =
            self.min.is_none_or(|min| value >= min) && self.max.is_none_or(|max| value <= max);
        let status = if passed { Status::Pass } else { Status::Fail };
        let counts_back = matches!(
            self.metric,
            Metric::DaysSinceLastCommit | Metric::DaysSinceLastRelease
        );
        let (window_en, window_fr) = match &self.range {
            _ if counts_back => (String::new(), String::new()),
            Some(range) => (format!(" in {range}"), format!(" dans {range}")),
            None => (
                format!(" over the last {days} days"),
                format!(" sur les {days} derniers jours"),
            ),
        };
        let mut note = super::shallow_note(shallow);
        if self.metric.counts_people()
            && let Some(skipped) = history.and_then(|history| history.mailmap_skipped)
        {
            note.push(&mailmap_note(skipped));
        }
        let (note_en, note_fr) = (&note.en, &note.fr);
        Outcome::new(
            status,
            text!(
                "{metric} {value}{window_en} (expected {bounds}){note_en}",
                "{metric} {value}{window_fr} (attendu {bounds}){note_fr}"
            ),
        )
        .with(Evidence::Metric {
            metric: metric.to_owned(),
            value,
            days: (!counts_back && self.range.is_none()).then_some(days),
            range: self.range.clone(),
            min: self.min,
            max: self.max,
            shallow,
            top,
        })
    }

    /// The metric's value, and the most active contributors or organisations behind it.
    fn measure(
        &self,
        history: Option<&History>,
        span: &Span<'_>,
        now: i64,
    ) -> Option<(f64, Vec<(String, usize)>)> {
        let counted =
            |commit: &&&Commit| commit.parents <= 1 && !super::dco::is_bot(&self.bots, commit);
        let in_window: Vec<&Commit> = span.commits.iter().filter(counted).copied().collect();
        let by_person = || tally(in_window.iter().map(|c| c.contributor.email.to_lowercase()));
        match self.metric {
            Metric::DaysSinceLastCommit => {
                let newest = history?.commits.first()?;
                Some((((now - newest.time).max(0) / 86_400) as f64, Vec::new()))
            }
            Metric::Commits => Some((in_window.len() as f64, Vec::new())),
            Metric::Contributors => {
                let people = by_person();
                Some((people.len() as f64, top(&people)))
            }
            Metric::NewContributors => {
                // A newcomer has commits in the window and none before it.
                let known: HashSet<String> = span
                    .earlier
                    .iter()
                    .filter(counted)
                    .map(|c| c.contributor.email.to_lowercase())
                    .collect();
                let newcomers: Vec<(String, usize)> = by_person()
                    .into_keys()
                    .filter(|who| !known.contains(who))
                    .map(|who| (who, 1))
                    .collect();
                Some((newcomers.len() as f64, newcomers))
            }
            Metric::BusFactor => {
                let people = by_person();
                (!people.is_empty()).then(|| (absence_factor(&people) as f64, top(&people)))
            }
            Metric::ElephantFactor => {
                let organisations = tally(
                    in_window
                        .iter()
                        .filter_map(|c| {
                            c.contributor
                                .email
                                .rsplit_once('@')
                                .map(|(_, d)| d.to_lowercase())
                        })
                        .filter(|domain| !self.is_public(domain)),
                );
                (!organisations.is_empty())
                    .then(|| (absence_factor(&organisations) as f64, top(&organisations)))
            }
            Metric::Releases => Some((
                span.releases.len() as f64,
                span.releases
                    .iter()
                    .take(5)
                    .map(|release| (release.name.clone(), 1))
                    .collect(),
            )),
            Metric::DaysSinceLastRelease => {
                let newest = history?.releases.first()?;
                Some((
                    ((now - newest.time).max(0) / 86_400) as f64,
                    vec![(newest.name.clone(), 1)],
                ))
            }
            Metric::TopContributorShare => {
                let people = by_person();
                let most = people.values().copied().max()?;
                let share = (1000.0 * most as f64 / in_window.len() as f64).round() / 10.0;
                Some((share, top(&people)))
            }
        }
    }

    fn is_public(&self, domain: &str) -> bool {
        PUBLIC_DOMAINS.contains(&domain)
            || domain.ends_with(".noreply.github.com")
            || self.public_domains.iter().any(|d| d == domain)
    }
}

/// Says that people were counted by their identities, `.mailmap` being left out.
fn mailmap_note(skipped: MailmapSkipped) -> Text {
    let why = match skipped {
        MailmapSkipped::TooLarge { size } => text!(
            "it is {size} bytes, more than the {MAX_MAILMAP_BYTES} bytes ospo reads",
            "il fait {size} octets, plus que les {MAX_MAILMAP_BYTES} octets que lit ospo"
        ),
        MailmapSkipped::NotRegular => text!(
            "it is not a regular file",
            "ce n'est pas un fichier ordinaire"
        ),
        MailmapSkipped::Symlink => text!(
            "it is a symbolic link, which git does not follow either",
            "c'est un lien symbolique, que git ne suit pas non plus"
        ),
    };
    let (why_en, why_fr) = (&why.en, &why.fr);
    text!(
        " (.mailmap left out: {why_en})",
        " (.mailmap ignoré : {why_fr})"
    )
}

/// The commits a metric looks at, and what it needs beside them.
struct Span<'h> {
    /// The window's commits, newest first.
    commits: Vec<&'h Commit>,
    /// The history's commits before the window: whoever made one is no newcomer.
    earlier: Vec<&'h Commit>,
    /// Release tags on the window's commits, newest first.
    releases: Vec<&'h Release>,
}

impl<'h> Span<'h> {
    /// The commits made at or after `since`.
    fn days(history: &'h History, since: i64) -> Span<'h> {
        let (commits, earlier) = history.commits.iter().partition(|c| c.time >= since);
        Span {
            commits,
            earlier,
            releases: history
                .releases
                .iter()
                .filter(|r| r.time >= since)
                .collect(),
        }
    }

    /// The commits of a revision range; the history, when read, tells what came before
    /// and which tags fall in the range.
    fn range(commits: &'h [Commit], history: Option<&'h History>) -> Span<'h> {
        let ids: HashSet<_> = commits.iter().map(|c| c.id).collect();
        Span {
            commits: commits.iter().collect(),
            earlier: history
                .map(|h| h.commits.iter().filter(|c| !ids.contains(&c.id)).collect())
                .unwrap_or_default(),
            releases: history
                .map(|h| {
                    h.releases
                        .iter()
                        .filter(|r| ids.contains(&r.commit))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// How many times each key appears, in key order (so ties break the same way every run).
fn tally(keys: impl Iterator<Item = String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

/// The most frequent first, at most five.
fn top(counts: &BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut ranked: Vec<(String, usize)> = counts.iter().map(|(k, v)| (k.clone(), *v)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.truncate(5);
    ranked
}

/// CHAOSS's absence factor: the smallest number of keys, most frequent first, whose
/// counts reach half the total.
fn absence_factor(counts: &BTreeMap<String, usize>) -> usize {
    let total: usize = counts.values().sum();
    let mut sorted: Vec<usize> = counts.values().copied().collect();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    let mut cumulative = 0;
    for (index, count) in sorted.iter().enumerate() {
        cumulative += count;
        if cumulative * 2 >= total {
            return index + 1;
        }
    }
    sorted.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absence_factor_reaches_half() {
        let counts = |pairs: &[(&str, usize)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect::<BTreeMap<_, _>>()
        };
        assert_eq!(absence_factor(&counts(&[("a", 10)])), 1);
        assert_eq!(absence_factor(&counts(&[("a", 5), ("b", 5)])), 1);
        assert_eq!(absence_factor(&counts(&[("a", 4), ("b", 3), ("c", 3)])), 2);
        assert_eq!(
            absence_factor(&counts(&[("a", 1), ("b", 1), ("c", 1), ("d", 1), ("e", 1)])),
            3
        );
    }
}

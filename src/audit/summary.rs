//! What an audit says of the organisation as a whole: how many repositories pass, how
//! their scores spread, each stage's, how many waivers took effect, and for each item how
//! many repositories miss it or leave it open.
//!
//! The verified score (what ospo decides from the repository) is the headline: open
//! questions count in no score, and a question nobody answered is not a miss, so that
//! the items the repositories really miss are not drowned by questions. The summary, as
//! the `json` and `jsonl` formats give it:
//!
//! - `repositories`, `passed`, `failed`, `errors`: how many rows, checked and passing,
//!   checked and failing, not checked;
//! - `verified`, `declared`, `overall`: how the checked repositories' verified, declared
//!   and overall (both together) scores spread, each a [`Spread`] (`scored`, `mean`, `min`,
//!   `max`, `histogram`);
//! - `waivers`: how many waivers were applied, all repositories together;
//! - `stages`: the five stages in order, each with `stage`, `number`, `title`, the spread
//!   of its overall scores beside them (`scored`, `mean`, `min`, `max`, `histogram`), and
//!   the spreads of its `verified` and `declared` scores;
//! - `items`: every item any repository was checked on, by stage then first appearance
//!   (the checklist's order), each with `id`, `stage`, `level`, `basis`, `title`, `counts`
//!   (repositories by status), `failing` (where it does not hold, open questions left
//!   out), `open` (where it is an open question) and `waived` (where a waiver was applied).
//!
//! Computed from the rows alone, in their order, so that merged shards sum up exactly as
//! one run does.

use serde::{Deserialize, Serialize};

use super::Row;
use crate::checklist::{Basis, Level, Stage};
use crate::i18n::Lang;
use crate::probe::Status;
use crate::score::{Counts, Verdict};

/// Scores fall into ten bins of ten points (the last holds 100).
pub const BINS: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub repositories: usize,
    /// Checked and passing.
    pub passed: usize,
    /// Checked and failing.
    pub failed: usize,
    /// Not checked: the rows with an error.
    pub errors: usize,
    /// The verified scores of the checked repositories: the audit's headline.
    pub verified: Spread,
    /// Their declared scores (the questions answered in `.ospo.yml`).
    pub declared: Spread,
    /// Their overall scores, verified items and answered questions together.
    pub overall: Spread,
    /// Waivers applied, all repositories together.
    pub waivers: usize,
    /// Each stage, in order.
    pub stages: Vec<StageSummary>,
    /// Every item any repository was checked on, by stage then first appearance.
    pub items: Vec<ItemSummary>,
}

/// How scores spread: mean, extremes and a histogram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// Repositories with a score (a stage with no applicable item has none).
    pub scored: usize,
    /// Mean, one decimal.
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// How many scores fall in [0, 10), [10, 20), … [90, 100].
    pub histogram: [usize; BINS],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageSummary {
    pub stage: Stage,
    pub number: usize,
    pub title: String,
    /// The stage's overall scores.
    #[serde(flatten)]
    pub spread: Spread,
    /// The stage's verified scores: what the reports show of the stage.
    pub verified: Spread,
    /// The stage's declared scores.
    pub declared: Spread,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemSummary {
    pub id: String,
    pub stage: Stage,
    pub level: Level,
    /// `verified` (decided from the repository) or `declared` (a question of `.ospo.yml`).
    pub basis: Basis,
    pub title: String,
    /// Repositories checked on this item, by status.
    pub counts: Counts,
    /// Repositories where it does not hold (fail, unknown or error), open questions left
    /// out.
    pub failing: usize,
    /// Repositories where it is an open question: a declared item with no answer that
    /// counts.
    pub open: usize,
    /// Repositories where a waiver of `.ospo.yml` was applied to it.
    pub waived: usize,
}

/// What the summary needs of one row: a run that writes its rows as they are made keeps
/// this rather than the whole report.
#[derive(Debug, Clone)]
pub struct Digest {
    /// `None` for an error row.
    checked: Option<Checked>,
}

#[derive(Debug, Clone)]
struct Checked {
    passed: bool,
    scores: Scores,
    /// By [`Stage::ALL`].
    stage_scores: Vec<Scores>,
    /// Waivers applied.
    waivers: usize,
    items: Vec<ItemDigest>,
}

/// A report's or a stage's three scores.
#[derive(Debug, Clone, Copy, Default)]
struct Scores {
    overall: Option<f64>,
    verified: Option<f64>,
    declared: Option<f64>,
}

#[derive(Debug, Clone)]
struct ItemDigest {
    id: String,
    stage: Stage,
    level: Level,
    basis: Basis,
    title: String,
    status: Status,
    waived: bool,
}

impl ItemDigest {
    /// A declared item with no answer that counts.
    fn is_open_question(&self) -> bool {
        self.basis == Basis::Declared && self.status == Status::Unknown
    }
}

impl Digest {
    pub fn of(row: &Row) -> Digest {
        let checked = row.report().map(|report| {
            let waived: std::collections::BTreeSet<&str> = report
                .applied_waivers()
                .map(|waiver| waiver.id.as_str())
                .collect();
            Checked {
                passed: report.verdict == Verdict::Pass,
                scores: Scores {
                    overall: report.score,
                    verified: report.verified_score,
                    declared: report.declared_score,
                },
                stage_scores: Stage::ALL
                    .iter()
                    .map(|stage| {
                        report
                            .stages
                            .iter()
                            .find(|s| s.stage == *stage)
                            .map_or_else(Scores::default, |s| Scores {
                                overall: s.score,
                                verified: s.verified_score,
                                declared: s.declared_score,
                            })
                    })
                    .collect(),
                waivers: waived.len(),
                items: report
                    .items
                    .iter()
                    .map(|item| ItemDigest {
                        id: item.id.clone(),
                        stage: item.stage,
                        level: item.level,
                        basis: item.basis,
                        title: item.title.clone(),
                        status: item.status,
                        waived: waived.contains(item.id.as_str()),
                    })
                    .collect(),
            }
        });
        Digest { checked }
    }
}

impl Summary {
    /// Whether every repository was checked and passes.
    pub fn passed(&self) -> bool {
        self.failed == 0 && self.errors == 0
    }

    pub fn of(rows: &[Row], language: Lang) -> Summary {
        let digests: Vec<Digest> = rows.iter().map(Digest::of).collect();
        Summary::of_digests(&digests, language)
    }

    /// The summary of the rows these digests are of, in their order.
    pub fn of_digests(rows: &[Digest], language: Lang) -> Summary {
        let reports: Vec<&Checked> = rows.iter().filter_map(|row| row.checked.as_ref()).collect();
        let passed = reports.iter().filter(|report| report.passed).count();
        let spread = |score: fn(&Scores) -> Option<f64>| {
            Spread::of(reports.iter().filter_map(|report| score(&report.scores)))
        };
        let stages = Stage::ALL
            .iter()
            .enumerate()
            .map(|(index, stage)| {
                let spread = |score: fn(&Scores) -> Option<f64>| {
                    Spread::of(
                        reports
                            .iter()
                            .filter_map(|report| report.stage_scores.get(index).and_then(score)),
                    )
                };
                StageSummary {
                    stage: *stage,
                    number: stage.number(),
                    title: stage.title().get(language).to_owned(),
                    spread: spread(|scores| scores.overall),
                    verified: spread(|scores| scores.verified),
                    declared: spread(|scores| scores.declared),
                }
            })
            .collect();
        let mut items: Vec<ItemSummary> = Vec::new();
        let mut positions: std::collections::HashMap<&str, usize> = Default::default();
        for report in &reports {
            for item in &report.items {
                let at = *positions.entry(item.id.as_str()).or_insert_with(|| {
                    items.push(ItemSummary {
                        id: item.id.clone(),
                        stage: item.stage,
                        level: item.level,
                        basis: item.basis,
                        title: item.title.clone(),
                        counts: Counts::default(),
                        failing: 0,
                        open: 0,
                        waived: 0,
                    });
                    items.len() - 1
                });
                let summary = &mut items[at];
                summary.counts.add(item.status);
                if item.is_open_question() {
                    summary.open += 1;
                } else if matches!(item.status, Status::Fail | Status::Unknown | Status::Error) {
                    summary.failing += 1;
                }
                if item.waived {
                    summary.waived += 1;
                }
            }
        }
        // By stage, keeping the order items first appeared in within a stage.
        items.sort_by_key(|item| item.stage);
        Summary {
            repositories: rows.len(),
            passed,
            failed: reports.len() - passed,
            errors: rows.len() - reports.len(),
            verified: spread(|scores| scores.verified),
            declared: spread(|scores| scores.declared),
            overall: spread(|scores| scores.overall),
            waivers: reports.iter().map(|report| report.waivers).sum(),
            stages,
            items,
        }
    }

    /// The indices in [`Summary::items`] of the items of one basis, ranked as the reports
    /// order what to do ([`crate::report::priority`]): required before recommended before
    /// optional, since the levels a run fails on come first; within a level, verified
    /// items by how many repositories miss them, questions by how many leave them open,
    /// the most first; then in the checklist's order. Those no repository misses (or
    /// leaves open) come last.
    pub fn ranked(&self, basis: Basis) -> Vec<usize> {
        let mut ranked: Vec<usize> = (0..self.items.len())
            .filter(|at| self.items[*at].basis == basis)
            .collect();
        // Stable: the checklist's order among equals.
        ranked.sort_by_key(|at| {
            let item = &self.items[*at];
            let count = match basis {
                Basis::Verified => item.failing,
                Basis::Declared => item.open,
            };
            (count == 0, item.level, std::cmp::Reverse(count))
        });
        ranked
    }

    /// The verified items some repository misses, in [`Summary::ranked`] order. Questions
    /// are left out: [`Summary::most_open`] lists them.
    pub fn most_missed(&self) -> Vec<&ItemSummary> {
        self.ranked(Basis::Verified)
            .into_iter()
            .map(|at| &self.items[at])
            .filter(|item| item.failing > 0)
            .collect()
    }

    /// The questions some repository leaves open, in [`Summary::ranked`] order.
    pub fn most_open(&self) -> Vec<&ItemSummary> {
        self.ranked(Basis::Declared)
            .into_iter()
            .map(|at| &self.items[at])
            .filter(|item| item.open > 0)
            .collect()
    }

    /// Open questions, all repositories together.
    pub fn open_questions(&self) -> usize {
        self.items.iter().map(|item| item.open).sum()
    }
}

impl Spread {
    fn of(scores: impl Iterator<Item = f64>) -> Spread {
        let scores: Vec<f64> = scores.collect();
        let mut histogram = [0; BINS];
        for score in &scores {
            let bin = ((score / 10.0).floor().max(0.0) as usize).min(BINS - 1);
            histogram[bin] += 1;
        }
        let mean = (!scores.is_empty()).then(|| {
            let mean = scores.iter().sum::<f64>() / scores.len() as f64;
            (mean * 10.0).round() / 10.0
        });
        Spread {
            scored: scores.len(),
            mean,
            min: scores.iter().copied().reduce(f64::min),
            max: scores.iter().copied().reduce(f64::max),
            histogram,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_spread_into_bins_of_ten() {
        let spread = Spread::of([0.0, 9.9, 10.0, 55.5, 99.9, 100.0].into_iter());
        assert_eq!(spread.histogram, [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
        assert_eq!(spread.scored, 6);
        assert_eq!(spread.mean, Some(45.9));
        assert_eq!((spread.min, spread.max), (Some(0.0), Some(100.0)));
        let none = Spread::of(std::iter::empty());
        assert_eq!((none.scored, none.mean, none.min), (0, None, None));
    }

    fn item(id: &str, level: Level, basis: Basis, status: Status) -> ItemDigest {
        let stage = match id.split('.').next() {
            Some("needs") => Stage::Needs,
            Some("legal") => Stage::Legal,
            Some("community") => Stage::Community,
            _ => Stage::Funding,
        };
        ItemDigest {
            id: id.to_owned(),
            stage,
            level,
            basis,
            title: id.to_owned(),
            status,
            waived: false,
        }
    }

    /// A checked row: its verified and declared scores and its items' statuses, in the
    /// order of [`items`]; `waived` items are skipped by a waiver.
    fn row(
        verified: f64,
        declared: Option<f64>,
        statuses: [Status; 6],
        waived: &[usize],
    ) -> Digest {
        use Basis::{Declared, Verified};
        use Level::{Optional, Recommended, Required};
        let kinds = [
            ("needs.roadmap", Optional, Verified),
            ("legal.licence", Required, Verified),
            ("community.contributing", Recommended, Verified),
            ("community.governance", Optional, Verified),
            ("community.security", Recommended, Declared),
            ("funding.budget", Recommended, Declared),
        ];
        let mut items: Vec<ItemDigest> = kinds
            .iter()
            .zip(statuses)
            .map(|((id, level, basis), status)| item(id, *level, *basis, status))
            .collect();
        for at in waived {
            items[*at].waived = true;
        }
        Digest {
            checked: Some(Checked {
                passed: false,
                scores: Scores {
                    overall: Some(verified),
                    verified: Some(verified),
                    declared,
                },
                stage_scores: vec![Scores::default(); Stage::ALL.len()],
                waivers: waived.len(),
                items,
            }),
        }
    }

    /// Open questions are no misses; the most missed are verified items, ranked by level,
    /// then count, then the checklist's order; the questions apart, by how often open.
    #[test]
    fn open_questions_are_not_misses_and_have_a_ranking_of_their_own() {
        use Status::{Fail, Pass, Skip, Unknown};
        let rows = [
            row(
                100.0,
                Some(100.0),
                [Fail, Pass, Pass, Pass, Pass, Unknown],
                &[],
            ),
            row(
                80.0,
                Some(0.0),
                [Pass, Pass, Fail, Skip, Fail, Unknown],
                &[3],
            ),
            row(25.0, None, [Fail, Fail, Fail, Fail, Unknown, Unknown], &[]),
            row(40.0, None, [Fail, Fail, Pass, Fail, Unknown, Unknown], &[]),
            Digest { checked: None },
        ];
        let summary = Summary::of_digests(&rows, Lang::En);
        assert_eq!((summary.repositories, summary.errors), (5, 1));
        let ids = |items: Vec<&ItemSummary>| -> Vec<String> {
            items.into_iter().map(|item| item.id.clone()).collect()
        };
        // By level first, as the reports order what to do: the required item and the
        // recommended one, missed twice, before the optional one missed three times;
        // then the optional ones by count.
        assert_eq!(
            ids(summary.most_missed()),
            [
                "legal.licence",
                "community.contributing",
                "needs.roadmap",
                "community.governance"
            ]
        );
        assert_eq!(
            ids(summary.most_open()),
            ["funding.budget", "community.security"]
        );
        let budget = summary
            .items
            .iter()
            .find(|i| i.id == "funding.budget")
            .unwrap();
        assert_eq!(
            (budget.failing, budget.open, budget.counts.unknown),
            (0, 4, 4)
        );
        let security = summary
            .items
            .iter()
            .find(|i| i.id == "community.security")
            .unwrap();
        assert_eq!(
            (security.failing, security.open),
            (1, 2),
            "answered no once"
        );
        let governance = summary
            .items
            .iter()
            .find(|i| i.id == "community.governance")
            .unwrap();
        assert_eq!((governance.failing, governance.waived), (2, 1));
        assert_eq!(summary.waivers, 1);
        assert_eq!(summary.open_questions(), 6);
        assert_eq!(summary.verified.mean, Some(61.3));
        assert_eq!(summary.verified.histogram, [0, 0, 1, 0, 1, 0, 0, 0, 1, 1]);
        assert_eq!(
            (summary.declared.scored, summary.declared.mean),
            (2, Some(50.0))
        );
        assert_eq!(summary.stages[0].verified.scored, 0, "no stage score given");
    }
}

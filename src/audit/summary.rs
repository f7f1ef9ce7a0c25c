//! What an audit says of the organisation as a whole: how many repositories pass, each
//! stage's average and spread, and how many repositories fail each item.
//!
//! Computed from the rows alone, in their order, so that merged shards sum up exactly as
//! one run does.

use serde::{Deserialize, Serialize};

use super::Row;
use crate::checklist::{Level, Stage};
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
    /// The overall scores of the checked repositories.
    pub overall: Spread,
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
    #[serde(flatten)]
    pub spread: Spread,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemSummary {
    pub id: String,
    pub stage: Stage,
    pub level: Level,
    pub title: String,
    /// Repositories checked on this item, by status.
    pub counts: Counts,
    /// Repositories where it does not hold (fail, unknown or error).
    pub failing: usize,
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
    score: Option<f64>,
    /// By [`Stage::ALL`].
    stage_scores: Vec<Option<f64>>,
    items: Vec<ItemDigest>,
}

#[derive(Debug, Clone)]
struct ItemDigest {
    id: String,
    stage: Stage,
    level: Level,
    title: String,
    status: Status,
}

impl Digest {
    pub fn of(row: &Row) -> Digest {
        let checked = row.report().map(|report| Checked {
            passed: report.verdict == Verdict::Pass,
            score: report.score,
            stage_scores: Stage::ALL
                .iter()
                .map(|stage| {
                    report
                        .stages
                        .iter()
                        .find(|s| s.stage == *stage)
                        .and_then(|s| s.score)
                })
                .collect(),
            items: report
                .items
                .iter()
                .map(|item| ItemDigest {
                    id: item.id.clone(),
                    stage: item.stage,
                    level: item.level,
                    title: item.title.clone(),
                    status: item.status,
                })
                .collect(),
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
        let stages = Stage::ALL
            .iter()
            .enumerate()
            .map(|(index, stage)| StageSummary {
                stage: *stage,
                number: stage.number(),
                title: stage.title().get(language).to_owned(),
                spread: Spread::of(
                    reports
                        .iter()
                        .filter_map(|report| report.stage_scores.get(index).copied().flatten()),
                ),
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
                        title: item.title.clone(),
                        counts: Counts::default(),
                        failing: 0,
                    });
                    items.len() - 1
                });
                let summary = &mut items[at];
                summary.counts.add(item.status);
                if matches!(item.status, Status::Fail | Status::Unknown | Status::Error) {
                    summary.failing += 1;
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
            overall: Spread::of(reports.iter().filter_map(|report| report.score)),
            stages,
            items,
        }
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
}

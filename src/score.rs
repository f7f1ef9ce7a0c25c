//! Scoring: stage scores, the overall score and the verdict.
//!
//! A score is the weight of the passed items (`pass` or `warn`) over the weight of the
//! applicable items, as a percentage. Skipped items do not apply, and neither do open
//! questions: the declared items (answered in `.ospo.yml`) with no answer that counts,
//! which reports list apart rather than as findings. Each score comes in three: the
//! verified score (items ospo decides from the repository), the declared score (answered
//! questions) and the overall score (both). Answering questions never moves the verified
//! score.
//!
//! The check fails when an item at a level `--fail-on` covers is not shown to hold
//! (`fail`, `unknown` or `error`; by default only `required` items count), or when the
//! verified score is below `--fail-under`.

use serde::{Deserialize, Serialize};

use crate::checklist::{Basis, Level, Stage};
use crate::probe::Status;

/// What scoring needs to know of one item's result.
pub trait Scored {
    fn stage(&self) -> Stage;
    fn level(&self) -> Level;
    fn weight(&self) -> u32;
    fn status(&self) -> Status;
    fn basis(&self) -> Basis;

    /// A declared item with no answer that counts (none, or one without evidence, or one
    /// to renew): a question to answer, not a finding.
    fn is_open_question(&self) -> bool {
        self.basis() == Basis::Declared && self.status() == Status::Unknown
    }

    /// Whether the item counts in its scores: neither skipped nor an open question.
    fn applies(&self) -> bool {
        self.status() != Status::Skip && !self.is_open_question()
    }
}

/// How many items ended in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub pass: usize,
    pub warn: usize,
    pub fail: usize,
    pub unknown: usize,
    pub skip: usize,
    pub error: usize,
}

impl Counts {
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Pass => self.pass += 1,
            Status::Warn => self.warn += 1,
            Status::Fail => self.fail += 1,
            Status::Unknown => self.unknown += 1,
            Status::Skip => self.skip += 1,
            Status::Error => self.error += 1,
        }
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Pass => self.pass,
            Status::Warn => self.warn,
            Status::Fail => self.fail,
            Status::Unknown => self.unknown,
            Status::Skip => self.skip,
            Status::Error => self.error,
        }
    }
}

/// Passed weight over applicable weight.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    /// Percentage with one decimal; `None` when nothing applies.
    pub score: Option<f64>,
    pub passed_weight: u64,
    pub applicable_weight: u64,
    pub counts: Counts,
}

impl Score {
    pub fn of<'a, T: Scored + 'a>(results: impl IntoIterator<Item = &'a T>) -> Score {
        let mut score = Score::default();
        for result in results {
            score.counts.add(result.status());
            if result.applies() {
                score.applicable_weight += u64::from(result.weight());
                if matches!(result.status(), Status::Pass | Status::Warn) {
                    score.passed_weight += u64::from(result.weight());
                }
            }
        }
        score.score = (score.applicable_weight > 0).then(|| {
            let exact = 100.0 * score.passed_weight as f64 / score.applicable_weight as f64;
            (exact * 10.0).round() / 10.0
        });
        score
    }
}

/// The overall, verified and declared scores of some results.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub overall: Score,
    pub verified: Score,
    pub declared: Score,
}

impl Scores {
    pub fn of<'a, T: Scored + 'a>(results: impl IntoIterator<Item = &'a T> + Clone) -> Scores {
        let basis = |basis| {
            Score::of(
                results
                    .clone()
                    .into_iter()
                    .filter(move |result| result.basis() == basis),
            )
        };
        Scores {
            overall: Score::of(results.clone()),
            verified: basis(Basis::Verified),
            declared: basis(Basis::Declared),
        }
    }
}

/// The scores of each of the five stages, in order.
pub fn by_stage<T: Scored>(results: &[T]) -> Vec<(Stage, Scores)> {
    Stage::ALL
        .iter()
        .map(|stage| {
            (
                *stage,
                Scores::of(results.iter().filter(|r| r.stage() == *stage)),
            )
        })
        .collect()
}

/// Which items fail the check when they are not shown to hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    /// Only `required` items.
    #[default]
    Required,
    /// `required` and `recommended` items.
    Recommended,
    /// Every item, `optional` ones too.
    Any,
}

impl FailOn {
    /// Whether an item of this level fails the check when it does not hold.
    pub fn covers(self, level: Level) -> bool {
        match self {
            FailOn::Required => level == Level::Required,
            FailOn::Recommended => level != Level::Optional,
            FailOn::Any => true,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            FailOn::Required => "required",
            FailOn::Recommended => "recommended",
            FailOn::Any => "any",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Pass,
    Fail,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
        }
    }
}

/// Why the check fails, if it does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgement {
    pub verdict: Verdict,
    /// Required items not shown to hold, by id.
    pub failed_required: Vec<String>,
    /// Items `--fail-on` covers that are not shown to hold, by id: each fails the check.
    pub failed: Vec<String>,
    /// Set when the verified score is below the `--fail-under` threshold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub below_threshold: Option<f64>,
}

/// Judges results: `ids` gives each result's item id, in the same order; `verified` is
/// their verified score, which `--fail-under` is measured against.
pub fn judge<T: Scored>(
    results: &[T],
    ids: impl Fn(&T) -> String,
    verified: Option<f64>,
    gate: Gate,
) -> Judgement {
    let not_holding = |r: &&T| matches!(r.status(), Status::Fail | Status::Unknown | Status::Error);
    let failed_required: Vec<String> = results
        .iter()
        .filter(not_holding)
        .filter(|r| r.level() == Level::Required)
        .map(&ids)
        .collect();
    let failed: Vec<String> = results
        .iter()
        .filter(not_holding)
        .filter(|r| gate.fail_on.covers(r.level()))
        .map(&ids)
        .collect();
    let below_threshold = gate
        .fail_under
        .filter(|threshold| verified.unwrap_or(0.0) < *threshold);
    let verdict = if failed.is_empty() && below_threshold.is_none() {
        Verdict::Pass
    } else {
        Verdict::Fail
    };
    Judgement {
        verdict,
        failed_required,
        failed,
        below_threshold,
    }
}

/// What fails the check besides the items' own results.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Gate {
    /// Which levels fail the check when an item does not hold.
    pub fail_on: FailOn,
    /// The check fails when the verified score is below this percentage.
    pub fail_under: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A result: stage, level, weight, status and basis.
    struct R(Stage, Level, u32, Status, Basis);
    impl Scored for R {
        fn stage(&self) -> Stage {
            self.0
        }
        fn level(&self) -> Level {
            self.1
        }
        fn weight(&self) -> u32 {
            self.2
        }
        fn status(&self) -> Status {
            self.3
        }
        fn basis(&self) -> Basis {
            self.4
        }
    }

    #[test]
    fn scores_weights_and_leaves_skips_out() {
        let results = [
            R(
                Stage::Needs,
                Level::Required,
                5,
                Status::Pass,
                Basis::Verified,
            ),
            R(
                Stage::Needs,
                Level::Recommended,
                3,
                Status::Fail,
                Basis::Verified,
            ),
            R(
                Stage::Needs,
                Level::Optional,
                2,
                Status::Skip,
                Basis::Verified,
            ),
            R(
                Stage::Legal,
                Level::Optional,
                1,
                Status::Unknown,
                Basis::Verified,
            ),
            R(
                Stage::Legal,
                Level::Optional,
                1,
                Status::Error,
                Basis::Verified,
            ),
        ];
        let overall = Score::of(&results);
        assert_eq!((overall.passed_weight, overall.applicable_weight), (5, 10));
        assert_eq!(overall.score, Some(50.0));
        let stages = by_stage(&results);
        assert_eq!(stages[0].1.overall.score, Some(62.5));
        assert_eq!(
            stages[1].1.overall.score, None,
            "communication has no items"
        );
        assert_eq!(stages[2].1.overall.score, Some(0.0));
        assert_eq!(stages[0].1.overall.counts.skip, 1);
        let judgement = judge(&results, |_| String::new(), overall.score, Gate::default());
        assert_eq!(judgement.verdict, Verdict::Pass);
        assert_eq!(
            judge(
                &results,
                |_| String::new(),
                overall.score,
                Gate {
                    fail_under: Some(60.0),
                    ..Gate::default()
                }
            )
            .verdict,
            Verdict::Fail
        );
    }

    #[test]
    fn a_warning_counts_as_passed_and_does_not_fail_a_required_item() {
        let results = [
            R(
                Stage::Legal,
                Level::Required,
                3,
                Status::Warn,
                Basis::Verified,
            ),
            R(
                Stage::Legal,
                Level::Optional,
                1,
                Status::Fail,
                Basis::Verified,
            ),
        ];
        let overall = Score::of(&results);
        assert_eq!((overall.passed_weight, overall.applicable_weight), (3, 4));
        assert_eq!(overall.counts.warn, 1);
        let judgement = judge(
            &results,
            |_| "legal.x".into(),
            overall.score,
            Gate::default(),
        );
        assert_eq!(judgement.verdict, Verdict::Pass);
        assert!(judgement.failed_required.is_empty());
    }

    #[test]
    fn a_required_item_not_shown_to_hold_fails_the_check() {
        for status in [Status::Fail, Status::Unknown, Status::Error] {
            let results = [
                R(Stage::Legal, Level::Required, 1, status, Basis::Verified),
                R(
                    Stage::Needs,
                    Level::Optional,
                    99,
                    Status::Pass,
                    Basis::Verified,
                ),
            ];
            let overall = Score::of(&results);
            let judgement = judge(
                &results,
                |_| "legal.x".into(),
                overall.score,
                Gate::default(),
            );
            assert_eq!(judgement.verdict, Verdict::Fail, "{status:?}");
            assert_eq!(judgement.failed_required, vec!["legal.x".to_string()]);
        }
    }

    #[test]
    fn fail_on_widens_the_levels_that_fail_the_check() {
        struct Named(&'static str, R);
        impl Scored for Named {
            fn stage(&self) -> Stage {
                self.1.stage()
            }
            fn level(&self) -> Level {
                self.1.level()
            }
            fn weight(&self) -> u32 {
                self.1.weight()
            }
            fn status(&self) -> Status {
                self.1.status()
            }
            fn basis(&self) -> Basis {
                self.1.basis()
            }
        }
        let results = [
            Named(
                "a",
                R(
                    Stage::Legal,
                    Level::Required,
                    1,
                    Status::Pass,
                    Basis::Verified,
                ),
            ),
            Named(
                "b",
                R(
                    Stage::Legal,
                    Level::Recommended,
                    1,
                    Status::Unknown,
                    Basis::Verified,
                ),
            ),
            Named(
                "c",
                R(
                    Stage::Needs,
                    Level::Optional,
                    1,
                    Status::Fail,
                    Basis::Verified,
                ),
            ),
            Named(
                "d",
                R(
                    Stage::Needs,
                    Level::Optional,
                    1,
                    Status::Warn,
                    Basis::Verified,
                ),
            ),
        ];
        let overall = Score::of(&results);
        let failed = |fail_on| {
            let gate = Gate {
                fail_on,
                fail_under: None,
            };
            let judgement = judge(&results, |r| r.0.to_owned(), overall.score, gate);
            (judgement.verdict, judgement.failed)
        };
        assert_eq!(failed(FailOn::Required), (Verdict::Pass, vec![]));
        assert_eq!(
            failed(FailOn::Recommended),
            (Verdict::Fail, vec!["b".to_owned()])
        );
        assert_eq!(
            failed(FailOn::Any),
            (Verdict::Fail, vec!["b".to_owned(), "c".to_owned()]),
            "a warning is not a failure"
        );
    }

    /// Answers never move the verified score; open questions count in no score; the
    /// threshold is measured against the verified score.
    #[test]
    fn answers_have_a_score_of_their_own_and_open_questions_none() {
        let results = [
            R(
                Stage::Needs,
                Level::Required,
                3,
                Status::Pass,
                Basis::Verified,
            ),
            R(
                Stage::Needs,
                Level::Recommended,
                1,
                Status::Fail,
                Basis::Verified,
            ),
            R(
                Stage::Needs,
                Level::Recommended,
                2,
                Status::Unknown,
                Basis::Verified,
            ),
            R(
                Stage::Funding,
                Level::Recommended,
                4,
                Status::Pass,
                Basis::Declared,
            ),
            R(
                Stage::Funding,
                Level::Recommended,
                4,
                Status::Fail,
                Basis::Declared,
            ),
            R(
                Stage::Funding,
                Level::Recommended,
                9,
                Status::Unknown,
                Basis::Declared,
            ),
        ];
        let scores = Scores::of(&results);
        assert_eq!(scores.verified.score, Some(50.0), "an unknown probe counts");
        assert_eq!(
            scores.declared.score,
            Some(50.0),
            "the open question does not"
        );
        assert_eq!(
            (
                scores.overall.passed_weight,
                scores.overall.applicable_weight
            ),
            (7, 14)
        );
        assert_eq!(scores.overall.counts.unknown, 2);
        assert!(results[5].is_open_question() && !results[2].is_open_question());
        let gate = Gate {
            fail_under: Some(60.0),
            ..Gate::default()
        };
        let judgement = judge(&results, |_| String::new(), scores.verified.score, gate);
        assert_eq!(judgement.below_threshold, Some(60.0));
        let stages = by_stage(&results);
        assert_eq!(
            stages[4].1.verified.score, None,
            "funding has no verified item"
        );
        assert_eq!(stages[4].1.declared.score, Some(50.0));
    }
}

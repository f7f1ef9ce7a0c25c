//! Reading back the `jsonl` output of audits, to merge the shards of one audit.
//!
//! The last line of a `jsonl` says what its audit was ([`RunInfo`]: the tool, the
//! checklist, the options, the shard), beside the summary. A merge takes only what adds
//! up to one audit: every file ends with that line, its summary counts its rows, each row
//! is a report as ospo writes it (its scores, counts and verdict those its items give),
//! every file was written by this version of ospo for the same checklist and options, and
//! the shards are `1/N` to `N/N`, each once, or one whole audit alone.

use serde::{Deserialize, Serialize};

use super::{Row, RowError, SCHEMA_VERSION, Shard};
use crate::i18n::Lang;
use crate::report::{Report, Tool};
use crate::score::{self, FailOn, Gate, Scores, Verdict};

/// What an audit was: what `ospo audit merge` checks that shards share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunInfo {
    /// The audit formats' [`SCHEMA_VERSION`].
    pub schema_version: u32,
    pub tool: Tool,
    pub language: Lang,
    pub checklist: ChecklistChoice,
    /// The part of the repositories the run took (`K/N`); `null` for all of them.
    pub shard: Option<Shard>,
    pub fail_on: FailOn,
    pub fail_under: Option<f64>,
    pub no_waivers: bool,
    /// `--trust-repo-checklists`: a repository's own checklist file was used.
    pub trust_repo_checklists: bool,
}

/// The checklist of an audit: the one the command line names, else `default`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistChoice {
    /// `--checklist` as given; `null`: each repository's own choice, else `default`.
    pub selector: Option<String>,
    /// The id and version of the checklist `selector` names, else of `default`.
    pub id: String,
    pub version: String,
}

/// One `jsonl` file read back: its rows and what its audit was.
#[derive(Debug)]
pub struct Part {
    pub run: RunInfo,
    pub rows: Vec<Row>,
}

/// A line of the `jsonl` format: a repository's row (`report` or `error`), or the last
/// one, the `summary` and the `run`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    report: Option<Box<Report>>,
    error: Option<RowError>,
    summary: Option<Counted>,
    run: Option<RunInfo>,
}

/// What a merge reads of a summary: how many rows of each kind it counts. The rest it
/// computes anew from the rows.
#[derive(Debug, Deserialize)]
struct Counted {
    repositories: usize,
    passed: usize,
    failed: usize,
    errors: usize,
}

/// Reads one `jsonl` file; `file` names it in errors, with the line.
pub fn read(text: &str, file: &str) -> Result<Part, String> {
    let mut rows = Vec::new();
    // The line of each row, for errors.
    let mut lines = Vec::new();
    let mut end: Option<(usize, Counted, RunInfo)> = None;
    for (index, line) in text.lines().enumerate() {
        let at = format!("{file}:{}", index + 1);
        if line.trim().is_empty() {
            continue;
        }
        if end.is_some() {
            return Err(format!(
                "{at}: a line after the summary, which ends an `ospo audit --format jsonl` output"
            ));
        }
        let parsed: Line = serde_json::from_str(line)
            .map_err(|error| format!("{at}: not a line of `ospo audit --format jsonl`: {error}"))?;
        match parsed {
            Line {
                report: Some(report),
                error: None,
                summary: None,
                run: None,
            } => {
                rows.push(Row::Report(report));
                lines.push(index + 1);
            }
            Line {
                report: None,
                error: Some(error),
                summary: None,
                run: None,
            } => {
                rows.push(Row::Error(error));
                lines.push(index + 1);
            }
            Line {
                report: None,
                error: None,
                summary: Some(summary),
                run: Some(run),
            } => end = Some((index + 1, summary, run)),
            Line {
                report: None,
                error: None,
                summary: Some(_),
                run: None,
            } => {
                return Err(format!(
                    "{at}: the summary does not say what audit it ends (no `run`): was the file written by an older ospo?"
                ));
            }
            _ => {
                return Err(format!(
                    "{at}: not a line of `ospo audit --format jsonl`: a line holds one of `report`, `error`, or `summary` with `run`"
                ));
            }
        }
    }
    let Some((line, summary, run)) = end else {
        return Err(format!(
            "{file} does not end with the summary of its audit: the audit did not finish, or the file was cut"
        ));
    };
    let at = format!("{file}:{line}");
    check_run(&run).map_err(|why| format!("{at}: {why}"))?;
    for (row, line) in rows.iter().zip(&lines) {
        if let Row::Report(report) = row {
            check_report(report, &run)
                .map_err(|why| format!("{file}:{line}: the row of {}: {why}", row.path()))?;
        }
    }
    let counted = |verdict: Verdict| {
        rows.iter()
            .filter(|row| row.report().is_some_and(|report| report.verdict == verdict))
            .count()
    };
    let (passed, failed) = (counted(Verdict::Pass), counted(Verdict::Fail));
    let errors = rows.len() - passed - failed;
    if (
        summary.repositories,
        summary.passed,
        summary.failed,
        summary.errors,
    ) != (rows.len(), passed, failed, errors)
    {
        return Err(format!(
            "{at}: the summary counts {} repositories ({} pass, {} fail, {} errors) where the file holds {} ({passed} pass, {failed} fail, {errors} errors)",
            summary.repositories,
            summary.passed,
            summary.failed,
            summary.errors,
            rows.len()
        ));
    }
    Ok(Part { run, rows })
}

/// Whether this ospo can merge what `run` describes: its formats, from this version.
fn check_run(run: &RunInfo) -> Result<(), String> {
    let this = Tool::ospo();
    if run.tool != this {
        return Err(format!(
            "written by {} {}, not by this {} {}: merge the shards with the version that wrote them",
            run.tool.name, run.tool.version, this.name, this.version
        ));
    }
    if run.schema_version != SCHEMA_VERSION {
        return Err(format!(
            "audit schema version {}, where this ospo writes {SCHEMA_VERSION}",
            run.schema_version
        ));
    }
    if let Some(threshold) = run.fail_under
        && !(threshold.is_finite() && threshold >= 0.0)
    {
        return Err(format!("`fail_under` {threshold} is not a percentage"));
    }
    Ok(())
}

/// Whether a report is one ospo writes under `run`: its scores percentages, and its
/// counts, weights, scores, verdict and failing items those its items give.
fn check_report(report: &Report, run: &RunInfo) -> Result<(), String> {
    if report.schema_version != crate::report::SCHEMA_VERSION {
        return Err(format!(
            "report schema version {}, where this ospo writes {}",
            report.schema_version,
            crate::report::SCHEMA_VERSION
        ));
    }
    let percent = |name: &str, value: Option<f64>| match value {
        Some(value) if !(0.0..=100.0).contains(&value) => {
            Err(format!("its `{name}` {} is not a percentage", json(&value)))
        }
        _ => Ok(()),
    };
    percent("score", report.score)?;
    percent("verified_score", report.verified_score)?;
    percent("declared_score", report.declared_score)?;
    for stage in &report.stages {
        let name = stage.stage.id();
        percent(&format!("{name}.score"), stage.score)?;
        percent(&format!("{name}.verified_score"), stage.verified_score)?;
        percent(&format!("{name}.declared_score"), stage.declared_score)?;
    }
    same("language", &report.language, &run.language, AUDIT)?;
    same("fail_on", &report.fail_on, &run.fail_on, AUDIT)?;
    same("fail_under", &report.fail_under, &run.fail_under, AUDIT)?;
    let scores = Scores::of(&report.items);
    let overall = scores.overall;
    same("score", &report.score, &overall.score, ITEMS)?;
    same(
        "verified_score",
        &report.verified_score,
        &scores.verified.score,
        ITEMS,
    )?;
    same(
        "declared_score",
        &report.declared_score,
        &scores.declared.score,
        ITEMS,
    )?;
    same(
        "passed_weight",
        &report.passed_weight,
        &overall.passed_weight,
        ITEMS,
    )?;
    same(
        "applicable_weight",
        &report.applicable_weight,
        &overall.applicable_weight,
        ITEMS,
    )?;
    same("counts", &report.counts, &overall.counts, ITEMS)?;
    let stages = score::by_stage(&report.items);
    same(
        "stages",
        &report.stages.iter().map(|s| s.stage).collect::<Vec<_>>(),
        &stages.iter().map(|(stage, _)| *stage).collect::<Vec<_>>(),
        ITEMS,
    )?;
    for (written, (_, made)) in report.stages.iter().zip(&stages) {
        let name = |field: &str| format!("{}.{field}", written.stage.id());
        same(&name("score"), &written.score, &made.overall.score, ITEMS)?;
        same(
            &name("verified_score"),
            &written.verified_score,
            &made.verified.score,
            ITEMS,
        )?;
        same(
            &name("declared_score"),
            &written.declared_score,
            &made.declared.score,
            ITEMS,
        )?;
        same(
            &name("passed_weight"),
            &written.passed_weight,
            &made.overall.passed_weight,
            ITEMS,
        )?;
        same(
            &name("applicable_weight"),
            &written.applicable_weight,
            &made.overall.applicable_weight,
            ITEMS,
        )?;
        same(
            &name("counts"),
            &written.counts,
            &made.overall.counts,
            ITEMS,
        )?;
    }
    let judgement = score::judge(
        &report.items,
        |item| item.id.clone(),
        scores.verified.score,
        Gate {
            fail_on: report.fail_on,
            fail_under: report.fail_under,
        },
    );
    same("verdict", &report.verdict, &judgement.verdict, ITEMS)?;
    same("failed", &report.failed, &judgement.failed, ITEMS)?;
    same(
        "failed_required",
        &report.failed_required,
        &judgement.failed_required,
        ITEMS,
    )
}

/// Where the right value of a field comes from, as [`same`] says it.
const ITEMS: &str = "its items give";
const AUDIT: &str = "the audit's is";

/// Whether a field of a row is what it should be, as JSON; if not, why: both values, and
/// where the right one comes from.
fn same<T: Serialize>(name: &str, written: &T, right: &T, from: &str) -> Result<(), String> {
    let (written, right) = (
        serde_json::to_string(written).unwrap_or_default(),
        serde_json::to_string(right).unwrap_or_default(),
    );
    if written == right {
        return Ok(());
    }
    Err(format!(
        "its `{name}` is {}, {from} {}",
        cut(written),
        cut(right)
    ))
}

/// A value as JSON, as the row writes it.
fn json(value: &impl Serialize) -> String {
    cut(serde_json::to_string(value).unwrap_or_default())
}

/// A value's JSON cut short for a message.
fn cut(text: String) -> String {
    match text.char_indices().nth(120) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// The rows of the parts, if they are one audit; and what that audit was, as one run
/// over every repository would say. `parts` pairs each with the file it was read from.
pub fn join(parts: Vec<(String, Part)>) -> Result<(RunInfo, Vec<Row>), String> {
    let Some((first_file, first)) = parts.first() else {
        return Err("no file to merge".to_owned());
    };
    let whole = RunInfo {
        shard: None,
        ..first.run.clone()
    };
    for (file, part) in &parts[1..] {
        let run = RunInfo {
            shard: None,
            ..part.run.clone()
        };
        if run != whole {
            return Err(format!(
                "{file} is not a part of the audit {first_file} is: {}",
                difference(&run, &whole, first_file)
            ));
        }
    }
    let shards: Vec<(&str, Option<Shard>)> = parts
        .iter()
        .map(|(file, part)| (file.as_str(), part.run.shard))
        .collect();
    if let Some((file, _)) = shards.iter().find(|(_, shard)| shard.is_none())
        && shards.len() > 1
    {
        return Err(format!(
            "{file} is a whole audit, not a shard: merge the shards of one audit, or use it alone"
        ));
    }
    if let (first, Some(Shard { count, .. })) = shards[0] {
        for (file, shard) in &shards {
            if let Some(shard) = shard
                && shard.count != count
            {
                return Err(format!(
                    "{file} is shard {shard} and {first} shard {}/{count}: the shards of one audit share their N",
                    shards[0].1.map_or(0, |s| s.index)
                ));
            }
        }
    }
    // A repository in two files: the files overlap, whatever they say they are.
    let mut paths: Vec<(&str, &str)> = parts
        .iter()
        .flat_map(|(file, part)| part.rows.iter().map(move |row| (row.path(), file.as_str())))
        .collect();
    paths.sort_unstable();
    if let Some(twice) = paths.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        return Err(format!(
            "{} is in more than one of the files ({} and {}): are they shards of one audit?",
            twice[0].0, twice[0].1, twice[1].1
        ));
    }
    if let Some(Shard { count, .. }) = shards[0].1 {
        // By index: N may be any number a file says, the files are few.
        let mut given: std::collections::BTreeMap<u32, &str> = Default::default();
        for (file, shard) in &shards {
            let Some(shard) = shard else { continue };
            if let Some(before) = given.insert(shard.index, file) {
                return Err(format!(
                    "shard {shard} is given twice, by {before} and {file}"
                ));
            }
        }
        /// The missing shards an error names.
        const NAMED: usize = 5;
        let missing = count as usize - given.len();
        let named: Vec<String> = (1..=count)
            .filter(|index| !given.contains_key(index))
            .take(NAMED)
            .map(|index| format!("{index}/{count}"))
            .collect();
        match (missing, named.as_slice()) {
            (0, _) => {}
            (1, [one]) => {
                return Err(format!(
                    "shard {one} of the audit is missing: merge every part of it"
                ));
            }
            (_, named) => {
                let more = match missing - named.len() {
                    0 => String::new(),
                    more => format!(" and {more} more"),
                };
                return Err(format!(
                    "shards {}{more} of the audit are missing: merge every part of it",
                    named.join(", ")
                ));
            }
        }
    }
    let rows = parts.into_iter().flat_map(|(_, part)| part.rows).collect();
    Ok((whole, rows))
}

/// The first field in which a part's run differs from that of the first file, with both
/// values.
fn difference(a: &RunInfo, b: &RunInfo, first_file: &str) -> String {
    let (serde_json::Value::Object(a), serde_json::Value::Object(b)) = (
        serde_json::to_value(a).unwrap_or_default(),
        serde_json::to_value(b).unwrap_or_default(),
    ) else {
        return "they differ".to_owned();
    };
    a.iter()
        .find(|(key, value)| b.get(*key) != Some(value))
        .map_or_else(
            || "they differ".to_owned(),
            |(key, value)| {
                let first = b.get(key).cloned().unwrap_or_default();
                format!("its `{key}` is {value}, where that of {first_file} is {first}")
            },
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(shard: Option<&str>) -> Part {
        Part {
            run: RunInfo {
                schema_version: SCHEMA_VERSION,
                tool: Tool::ospo(),
                language: Lang::En,
                checklist: ChecklistChoice {
                    selector: None,
                    id: "default".into(),
                    version: "1.0.0".into(),
                },
                shard: shard.map(|shard| shard.parse().unwrap()),
                fail_on: FailOn::Required,
                fail_under: None,
                no_waivers: false,
                trust_repo_checklists: false,
            },
            rows: Vec::new(),
        }
    }

    fn joined(shards: &[Option<&str>]) -> Result<usize, String> {
        let parts = shards
            .iter()
            .enumerate()
            .map(|(index, shard)| (format!("p{index}.jsonl"), part(*shard)))
            .collect();
        join(parts).map(|(run, rows)| {
            assert_eq!(run.shard, None, "the merge is the whole audit");
            rows.len()
        })
    }

    #[test]
    fn shards_are_each_once_and_all_there() {
        assert_eq!(joined(&[Some("2/2"), Some("1/2")]), Ok(0));
        assert_eq!(joined(&[None]), Ok(0));
        assert_eq!(
            joined(&[Some("1/3")]),
            Err("shards 2/3, 3/3 of the audit are missing: merge every part of it".into())
        );
        assert_eq!(
            joined(&[Some("1/2"), Some("1/2")]),
            Err("shard 1/2 is given twice, by p0.jsonl and p1.jsonl".into())
        );
        assert!(
            joined(&[Some("1/2"), None])
                .unwrap_err()
                .contains("a whole audit")
        );
        assert!(
            joined(&[Some("1/2"), Some("2/3")])
                .unwrap_err()
                .contains("share their N")
        );
        // Any N a file says, without a slot for each.
        assert_eq!(
            joined(&[Some("1/4294967295")]),
            Err(concat!(
                "shards 2/4294967295, 3/4294967295, 4/4294967295, 5/4294967295, 6/4294967295",
                " and 4294967289 more of the audit are missing: merge every part of it"
            )
            .into())
        );
    }

    #[test]
    fn a_file_must_end_with_its_run_and_count_its_rows() {
        assert!(
            read("", "e.jsonl")
                .unwrap_err()
                .contains("does not end with")
        );
        let run = serde_json::to_string(&part(None).run).unwrap();
        let end = format!(
            "{{\"summary\":{{\"repositories\":0,\"passed\":0,\"failed\":0,\"errors\":0}},\"run\":{run}}}"
        );
        assert_eq!(read(&end, "f.jsonl").unwrap().rows.len(), 0);
        let error = "{\"error\":{\"path\":\"/a\",\"message\":\"m\"}}";
        assert!(
            read(&format!("{error}\n{end}"), "g.jsonl")
                .unwrap_err()
                .starts_with("g.jsonl:2: the summary counts 0 repositories")
        );
        assert!(
            read(&format!("{end}\n{error}"), "h.jsonl")
                .unwrap_err()
                .starts_with("h.jsonl:2: a line after the summary")
        );
        let older = "{\"summary\":{\"repositories\":0,\"passed\":0,\"failed\":0,\"errors\":0}}";
        assert!(read(older, "i.jsonl").unwrap_err().contains("older ospo"));
    }
}

//! `ospo audit --format json` (the rows and the summary in one document) and `jsonl` (one
//! row a line, then the summary and what the audit was: a stream to process line by line,
//! and the input of `ospo audit merge`).

use std::cell::RefCell;

use serde::Serialize;

use crate::audit::merge::RunInfo;
use crate::audit::{Audit, Row};
use crate::checklist::{Level, Stage};
use crate::probe::{Evidence, Status};
use crate::report::json::escape_unsafe;
use crate::report::{ItemReport, Location, Report};

/// Pretty-printed JSON ending with a newline.
pub fn render(audit: &Audit) -> String {
    let mut text = serde_json::to_string_pretty(audit).expect("the audit model always serialises");
    text.push('\n');
    escape_unsafe(text)
}

/// One compact JSON object a line: `{"report": …}` or `{"error": …}` for each row, then
/// `{"summary": …, "run": …}`.
pub fn lines(audit: &Audit, run: &RunInfo) -> String {
    let mut text = String::new();
    for row in &audit.repositories {
        text.push_str(&row_line(row));
        text.push('\n');
    }
    text.push_str(&summary_line(&audit.summary, run));
    text
}

/// The last line of `jsonl`, with its newline: `{"summary": …, "run": …}`, the summary
/// and what the audit was (the tool, the checklist, the options, the shard), which
/// `ospo audit merge` checks the shards of one audit by; a file without it is incomplete.
pub fn summary_line(summary: &crate::audit::Summary, run: &RunInfo) -> String {
    #[derive(serde::Serialize)]
    struct SummaryLine<'a> {
        summary: &'a crate::audit::Summary,
        run: &'a RunInfo,
    }
    let summary = SummaryLine { summary, run };
    let mut line = serde_json::to_string(&summary).expect("the summary always serialises");
    line.push('\n');
    escape_unsafe(line)
}

/// One row as a line of `jsonl`, without its newline: the bytes `serde_json::to_string`
/// gives for the row.
///
/// Most of a report is the checklist's own text (each item's title, why and fix), the same
/// in every row of an audit; escaping it for JSON was a tenth of an audit's work. So each
/// worker keeps the JSON of every item's fixed fields from the rows it rendered before,
/// and uses it again when the fields are equal, which is cheap to compare.
pub fn row_line(row: &Row) -> String {
    // A report is some tens of kilobytes: one buffer of that size, rather than doublings.
    let mut line = Vec::with_capacity(64 * 1024);
    match row {
        Row::Report(report) => {
            line.extend_from_slice(b"{\"report\":{");
            write_report(&mut line, report);
            line.push(b'}');
        }
        Row::Error(_) => serde_json::to_writer(&mut line, row).expect("a row always serialises"),
    }
    escape_unsafe(String::from_utf8(line).expect("serde_json writes UTF-8"))
}

/// `report` as `serde_json` writes it, its items' fixed fields taken from [`FIXED`].
fn write_report(out: &mut Vec<u8>, report: &Report) {
    // Every field named, so that a field added to the report cannot be left out here.
    let Report {
        schema_version,
        tool,
        language,
        repository,
        checklist,
        project_file,
        verdict,
        score,
        verified_score,
        declared_score,
        passed_weight,
        applicable_weight,
        counts,
        fail_under,
        fail_on,
        failed_required,
        failed,
        stages,
        items,
        questions,
        waivers,
        anchor,
        warnings,
    } = report;
    #[derive(Serialize)]
    struct Before<'a> {
        schema_version: &'a u32,
        tool: &'a crate::report::Tool,
        language: &'a crate::i18n::Lang,
        repository: &'a crate::report::Repository,
        checklist: &'a crate::report::ChecklistInfo,
        #[serde(skip_serializing_if = "Option::is_none")]
        project_file: &'a Option<String>,
        verdict: &'a crate::score::Verdict,
        score: &'a Option<f64>,
        verified_score: &'a Option<f64>,
        declared_score: &'a Option<f64>,
        passed_weight: &'a u64,
        applicable_weight: &'a u64,
        counts: &'a crate::score::Counts,
        #[serde(skip_serializing_if = "Option::is_none")]
        fail_under: &'a Option<f64>,
        fail_on: &'a crate::score::FailOn,
        failed_required: &'a [String],
        failed: &'a [String],
        stages: &'a [crate::report::StageReport],
    }
    #[derive(Serialize)]
    struct After<'a> {
        questions: &'a [String],
        waivers: &'a [crate::report::WaiverReport],
        #[serde(skip_serializing_if = "Option::is_none")]
        anchor: &'a Option<String>,
        warnings: &'a [String],
    }
    let before = Before {
        schema_version,
        tool,
        language,
        repository,
        checklist,
        project_file,
        verdict,
        score,
        verified_score,
        declared_score,
        passed_weight,
        applicable_weight,
        counts,
        fail_under,
        fail_on,
        failed_required,
        failed,
        stages,
    };
    write_inside(out, &before);
    out.extend_from_slice(b",\"items\":[");
    FIXED.with_borrow_mut(|fixed| {
        for (index, item) in items.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            if fixed.len() <= index {
                fixed.push(FixedFields::of(item));
            } else if !fixed[index].describes(item) {
                fixed[index] = FixedFields::of(item);
            }
            write_item(out, item, &fixed[index]);
        }
    });
    out.extend_from_slice(b"],");
    write_inside(
        out,
        &After {
            questions,
            waivers,
            anchor,
            warnings,
        },
    );
    out.push(b'}');
}

thread_local! {
    /// The fixed fields of the items of the last report this thread rendered, by position.
    static FIXED: RefCell<Vec<FixedFields>> = const { RefCell::new(Vec::new()) };
}

/// An item's fields that come from the checklist, and their JSON.
struct FixedFields {
    head: ItemHead<String>,
    tail: ItemTail<String>,
    /// `"id":…,"stage":…,"level":…,"weight":…,"probe":…,"basis":…,"title":…`, without
    /// braces.
    head_json: Vec<u8>,
    /// `"why":…,"fix":…` and `"help_url":…` when there is one, without braces.
    tail_json: Vec<u8>,
}

/// The fields an item's JSON opens with, in the order `ItemReport` has them.
#[derive(Serialize, PartialEq)]
struct ItemHead<S> {
    id: S,
    stage: Stage,
    level: Level,
    weight: u32,
    probe: S,
    basis: crate::checklist::Basis,
    title: S,
}

/// The fields an item's JSON closes with.
#[derive(Serialize, PartialEq)]
struct ItemTail<S> {
    why: S,
    fix: S,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_url: Option<S>,
}

/// The fields that vary with the repository, between the head and the tail.
#[derive(Serialize)]
struct ItemMiddle<'a> {
    status: Status,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a Evidence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a Location>,
}

/// An item split into its three parts; every field named, so that none can be left out.
fn parts(item: &ItemReport) -> (ItemHead<&str>, ItemMiddle<'_>, ItemTail<&str>) {
    let ItemReport {
        id,
        stage,
        level,
        weight,
        probe,
        basis,
        title,
        status,
        message,
        evidence,
        location,
        why,
        fix,
        help_url,
    } = item;
    (
        ItemHead {
            id,
            stage: *stage,
            level: *level,
            weight: *weight,
            probe,
            basis: *basis,
            title,
        },
        ItemMiddle {
            status: *status,
            message,
            evidence: evidence.as_ref(),
            location: location.as_ref(),
        },
        ItemTail {
            why,
            fix,
            help_url: help_url.as_deref(),
        },
    )
}

impl<S> ItemHead<S> {
    fn map<'s, T>(&'s self, text: impl Fn(&'s S) -> T) -> ItemHead<T> {
        ItemHead {
            id: text(&self.id),
            stage: self.stage,
            level: self.level,
            weight: self.weight,
            probe: text(&self.probe),
            basis: self.basis,
            title: text(&self.title),
        }
    }
}

impl<S> ItemTail<S> {
    fn map<'s, T>(&'s self, text: impl Fn(&'s S) -> T) -> ItemTail<T> {
        ItemTail {
            why: text(&self.why),
            fix: text(&self.fix),
            help_url: self.help_url.as_ref().map(text),
        }
    }
}

impl FixedFields {
    fn of(item: &ItemReport) -> FixedFields {
        let (head, _, tail) = parts(item);
        let mut head_json = Vec::new();
        write_inside(&mut head_json, &head);
        let mut tail_json = Vec::new();
        write_inside(&mut tail_json, &tail);
        FixedFields {
            head: head.map(|text| text.to_string()),
            tail: tail.map(|text| text.to_string()),
            head_json,
            tail_json,
        }
    }

    /// Whether `item`'s fixed fields are these.
    fn describes(&self, item: &ItemReport) -> bool {
        let (head, _, tail) = parts(item);
        self.head.map(String::as_str) == head && self.tail.map(String::as_str) == tail
    }
}

fn write_item(out: &mut Vec<u8>, item: &ItemReport, fixed: &FixedFields) {
    let (_, middle, _) = parts(item);
    out.push(b'{');
    out.extend_from_slice(&fixed.head_json);
    out.push(b',');
    write_inside(out, &middle);
    out.push(b',');
    out.extend_from_slice(&fixed.tail_json);
    out.push(b'}');
}

/// The JSON of `value`, an object with at least one field, without its braces.
fn write_inside(out: &mut Vec<u8>, value: &impl Serialize) {
    let start = out.len();
    serde_json::to_writer(&mut *out, value).expect("the report model always serialises");
    debug_assert!(out[start] == b'{' && out.last() == Some(&b'}'));
    out.pop();
    out.remove(start);
}

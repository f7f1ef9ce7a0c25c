//! Reading back the `jsonl` output of audits, to merge the shards of one audit.

use super::{Row, RowError};
use crate::report::Report;
use serde::Deserialize;

/// A line of the `jsonl` format: a repository's row, or the summary that ends the file.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Line {
    Report(Box<Report>),
    Error(RowError),
    // Recognised, not read: a merge computes its own from the rows, whatever fields the
    // summary of the version that wrote the shard had.
    Summary(serde::de::IgnoredAny),
}

/// The rows of one `jsonl` file; `file` names it in errors, with the line.
pub fn rows(text: &str, file: &str) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Line>(line) {
            Ok(Line::Report(report)) => rows.push(Row::Report(report)),
            Ok(Line::Error(error)) => rows.push(Row::Error(error)),
            Ok(Line::Summary(_)) => {}
            Err(error) => {
                return Err(format!(
                    "{file}:{}: not a line of `ospo audit --format jsonl`: {error}",
                    index + 1
                ));
            }
        }
    }
    Ok(rows)
}

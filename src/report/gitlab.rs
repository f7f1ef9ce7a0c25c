//! `--format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`), the
//! subset of the CodeClimate issue format GitLab reads, for the merge-request widget.
//!
//! One issue per item that does not hold (`fail`, `unknown`, `error`) and per item that
//! warns: a warning is something to fix that does not cost the score, what the terminal
//! report lists under "What to do next", and GitLab has a severity for such findings,
//! `info`. Severities follow the item's level, not `--fail-on`, so that an item keeps its
//! severity from one pipeline to the next:
//!
//! | item | severity |
//! | --- | --- |
//! | `required` | `blocker`: it fails the check, whatever `--fail-on` says |
//! | `recommended` | `major` |
//! | `optional` | `minor`, or `major` when the probe could not run (`error`) |
//! | `warn`, any level | `info` |
//!
//! Issues come in the reports' one order of priority ([`super::priority`]); open questions
//! are not findings and have none, unless they fail the check. Each issue is placed on
//! [`location::anchor`], a file that exists in the tree checked, relative to the
//! repository root, at the item's line or else line 1; when the item's own file is
//! missing, the description names it.

use serde::Serialize;

use super::{ItemReport, Report, location};
use crate::checklist::Level;
use crate::probe::Status;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// A pretty-printed JSON array ending with a newline; `[]` when every item holds.
pub fn render(report: &Report) -> String {
    let colon = super::colon(report.language);
    let issues: Vec<Issue> = super::priority(report)
        .into_iter()
        .filter_map(|item| {
            let severity = severity(item)?;
            let anchor = location::anchor(report, item);
            let mut description = format!("{}{colon} {}", item.title.trim(), item.message.trim());
            if let Some(note) = anchor.missing_note(report.language) {
                description.push_str(" — ");
                description.push_str(&note);
            }
            Some(Issue {
                description,
                check_name: &item.id,
                fingerprint: fingerprint(&item.id, anchor.subject()),
                severity,
                location: Location {
                    lines: Lines {
                        begin: anchor.location.line.unwrap_or(1),
                    },
                    path: anchor.location.path,
                },
            })
        })
        .collect();
    let mut text =
        serde_json::to_string_pretty(&issues).expect("code quality issues always serialise");
    text.push('\n');
    super::json::escape_unsafe(text)
}

/// The severity of an item's issue; `None` for an item that needs none (passed, skipped).
fn severity(item: &ItemReport) -> Option<&'static str> {
    let severity = match (item.status, item.level) {
        (Status::Pass | Status::Skip, _) => return None,
        (Status::Warn, _) => "info",
        (_, Level::Required) => "blocker",
        (Status::Error, _) | (_, Level::Recommended) => "major",
        (_, Level::Optional) => "minor",
    };
    Some(severity)
}

/// What GitLab compares between pipelines to tell a new finding from a fixed one: a hex
/// digest of the item id and the anchor's path, never of the message, which changes with
/// the language and with what the probe saw. The item id alone is unique within a report;
/// the path moves the finding when the item points at another file. The digest is
/// FNV-1a on 128 bits, written here so that it can never change under us (the standard
/// library's hashers may change between Rust releases); it is not meant to resist
/// anyone, only to give 32 hex digits, the shape of the MD5 GitLab's documentation shows.
fn fingerprint(id: &str, path: &str) -> String {
    // The separator keeps `a` + `bc` apart from `ab` + `c`; neither part holds a NUL.
    format!(
        "{:032x}",
        fnv1a_128(&[id.as_bytes(), b"\0", path.as_bytes()].concat())
    )
}

/// FNV-1a, 128 bits (draft-eastlake-fnv).
fn fnv1a_128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    bytes.iter().fold(OFFSET, |hash, byte| {
        (hash ^ u128::from(*byte)).wrapping_mul(PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_128_gives_the_reference_values() {
        let hex = |bytes: &[u8]| format!("{:032x}", fnv1a_128(bytes));
        assert_eq!(hex(b""), "6c62272e07bb014262b821756295c58d");
        assert_eq!(hex(b"a"), "d228cb696f1a8caf78912b704e4a8964");
        assert_eq!(hex(b"foobar"), "343e1662793c64bf6f0d3597ba446f18");
    }

    #[test]
    fn fingerprints_are_stable_and_tell_items_and_paths_apart() {
        let licence = fingerprint("legal.licence-file", "LICENSE");
        assert_eq!(licence.len(), 32);
        assert!(licence.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(licence, "ffa8ba67fc185e7c8395b7b74b2c4fe3");
        assert_ne!(licence, fingerprint("legal.licence-file", "COPYING"));
        assert_ne!(licence, fingerprint("legal.licence-fil", "eLICENSE"));
    }
}

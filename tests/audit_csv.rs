//! `ospo audit --format csv`: read back with an RFC 4180 parser of its own, one record a
//! repository, the same facts as `--format json`, hostile text quoted and defused.

mod audit_fixture;
mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// RFC 4180 records: fields separated by commas, records by CRLF (a lone LF is accepted
/// too), quoted fields holding commas, line breaks and doubled quotes. Panics on a quote
/// inside an unquoted field or an unterminated quoted one.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut at_start = true; // of a field
    while let Some(c) = chars.next() {
        match c {
            '"' if at_start => {
                loop {
                    match chars.next().expect("unterminated quoted field") {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        '"' => break,
                        other => field.push(other),
                    }
                }
                at_start = false;
                assert!(
                    matches!(chars.peek(), None | Some(',' | '\r' | '\n')),
                    "text after a closing quote in {text:?}"
                );
            }
            '"' => panic!("a quote inside an unquoted field: {field:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_start = true;
            }
            other => {
                field.push(other);
                at_start = false;
            }
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record has no line end"
    );
    records
}

#[test]
fn the_parser_reads_quotes_commas_and_line_breaks() {
    let records = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,x\r\n");
    assert_eq!(
        records,
        vec![
            vec!["a", "b,c", "say \"hi\""],
            vec!["two\r\nlines", "", "x"]
        ]
    );
}

/// The CSV as a header and rows of (column → value).
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn of(text: &str) -> Table {
        assert!(text.ends_with("\r\n"), "records end with CRLF");
        let mut records = parse_csv(text);
        let header = records.remove(0);
        for (index, row) in records.iter().enumerate() {
            assert_eq!(
                row.len(),
                header.len(),
                "row {index} has as many fields as the header"
            );
        }
        Table {
            header,
            rows: records,
        }
    }

    fn get<'a>(&self, row: &'a [String], column: &str) -> &'a str {
        let at = self
            .header
            .iter()
            .position(|name| name == column)
            .unwrap_or_else(|| panic!("no column {column} in {:?}", self.header));
        &row[at]
    }
}

fn score(value: &Value) -> String {
    value
        .as_f64()
        .map_or_else(String::new, |score| format!("{score:.1}"))
}

/// A repository whose objects are gone: its HEAD names a commit no one can read.
fn broken_repository() -> Repo {
    let repo = Repo::with_files(&[("README.md", "# Broken\n")]);
    let objects = repo.path().join(".git/objects");
    for entry in std::fs::read_dir(&objects).expect("objects") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path).expect("remove objects");
        } else {
            std::fs::remove_file(&path).expect("remove object file");
        }
    }
    repo
}

/// `ospo audit` of `paths` in `format`, standard output.
fn audit(dir: &Path, paths: &[PathBuf], format: &str) -> String {
    let mut args = vec!["audit".to_owned()];
    args.extend(paths.iter().map(|path| path.display().to_string()));
    args.extend(["--format".to_owned(), format.to_owned()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = ospo(dir, &args);
    assert_no_panic(&output);
    assert_eq!(
        output.code,
        1,
        "a failing and a broken repository:\n{}",
        output.all()
    );
    output.stdout
}

#[test]
fn a_row_per_repository_with_what_the_json_says() {
    let complete = complete_project();
    let missing = project_missing_three_files();
    let small = Repo::with_files(&[
        ("README.md", "# Small\n"),
        ("src/main.rs", "fn main() {}\n"),
    ]);
    let bare = small.bare_clone();
    let broken = broken_repository();
    let paths = vec![
        complete.path_str().into(),
        missing.path_str().into(),
        small.path_str().into(),
        bare.clone(),
        broken.path_str().into(),
    ];
    let json: Value = serde_json::from_str(&audit(complete.path(), &paths, "json")).expect("JSON");
    let csv = audit(complete.path(), &paths, "csv");
    let table = Table::of(&csv);

    let repositories = json["repositories"].as_array().expect("rows");
    assert_eq!(table.rows.len(), 5);
    assert_eq!(table.rows.len(), repositories.len());
    let items: Vec<&str> = json["summary"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["id"].as_str().expect("id"))
        .collect();
    let mut expected_header: Vec<&str> = vec![
        "path",
        "verdict",
        "message",
        "score",
        "verified_score",
        "declared_score",
    ];
    expected_header.extend(["needs", "communication", "legal", "community", "funding"]);
    expected_header.extend(["pass", "warn", "fail", "unknown", "skip", "error"]);
    expected_header.extend(["open_questions", "waivers", "failed"]);
    expected_header.extend(&items);
    assert_eq!(table.header, expected_header);

    for (row, expected) in table.rows.iter().zip(repositories) {
        if let Some(report) = expected.get("report") {
            assert_eq!(table.get(row, "path"), report["repository"]["path"]);
            assert_eq!(table.get(row, "verdict"), report["verdict"]);
            assert_eq!(table.get(row, "message"), "");
            assert_eq!(table.get(row, "score"), score(&report["score"]));
            assert_eq!(
                table.get(row, "verified_score"),
                score(&report["verified_score"])
            );
            assert_eq!(
                table.get(row, "declared_score"),
                score(&report["declared_score"])
            );
            assert_eq!(
                table.get(row, "open_questions"),
                report["questions"]
                    .as_array()
                    .expect("questions")
                    .len()
                    .to_string()
            );
            let applied = report["waivers"]
                .as_array()
                .expect("waivers")
                .iter()
                .filter(|waiver| waiver["outcome"] == "applied")
                .count();
            assert_eq!(table.get(row, "waivers"), applied.to_string());
            for stage in report["stages"].as_array().expect("stages") {
                let id = stage["stage"].as_str().expect("stage id");
                assert_eq!(table.get(row, id), score(&stage["verified_score"]), "{id}");
            }
            for status in ["pass", "warn", "fail", "unknown", "skip", "error"] {
                assert_eq!(
                    table.get(row, status),
                    report["counts"][status].to_string(),
                    "{status}"
                );
            }
            assert_eq!(
                table.get(row, "failed"),
                strings(&report["failed"]).join(" ")
            );
            for id in &items {
                let status = report["items"]
                    .as_array()
                    .expect("items")
                    .iter()
                    .find(|item| item["id"] == *id)
                    .map_or("", |item| item["status"].as_str().expect("status"));
                assert_eq!(table.get(row, id), status, "{id}");
            }
        } else {
            let error = &expected["error"];
            assert_eq!(table.get(row, "path"), error["path"]);
            assert_eq!(table.get(row, "verdict"), "error");
            assert_eq!(table.get(row, "message"), error["message"]);
            assert!(!table.get(row, "message").is_empty());
            let at = table
                .header
                .iter()
                .position(|h| h == "score")
                .expect("score");
            assert!(
                row[at..].iter().all(String::is_empty),
                "an error row has no score, count or status: {row:?}"
            );
        }
    }

    // The rows the fixtures make: what they are, as well as what the JSON says.
    let path_of = |path: &str| {
        table
            .rows
            .iter()
            .find(|row| table.get(row, "path") == path)
            .unwrap_or_else(|| panic!("no row for {path}"))
    };
    let broken_row = path_of(&broken.path_str());
    assert_eq!(table.get(broken_row, "verdict"), "error");
    let missing_row = path_of(&missing.path_str());
    assert_eq!(table.get(missing_row, "verdict"), "fail");
    assert!(
        table
            .get(missing_row, "failed")
            .contains("legal.licence-file")
    );
    assert_eq!(table.get(missing_row, "legal.licence-file"), "fail");
    assert_eq!(table.get(path_of(&complete.path_str()), "verdict"), "pass");
    let bare_row = path_of(
        &std::fs::canonicalize(&bare)
            .expect("bare")
            .display()
            .to_string(),
    );
    assert!(!table.get(bare_row, "score").is_empty());
    assert!(table.get(bare_row, "score").contains('.'));
}

#[test]
fn hostile_paths_are_quoted() {
    let outer = tempfile::tempdir().expect("temporary directory");
    let base = std::fs::canonicalize(outer.path()).expect("canonical");
    let source = Repo::with_files(&[("README.md", "# Source\n")]);
    let hostile = base.join("a,\"b\"\nc");
    git(
        &base,
        &[
            "clone",
            "-q",
            &source.path_str(),
            hostile.to_str().expect("UTF-8"),
        ],
    );
    let csv = audit(&base, std::slice::from_ref(&hostile), "csv");
    // Written quoted, its quotes doubled, its line break kept inside the quotes.
    let shown = hostile.display().to_string();
    assert!(
        csv.contains(&format!("\"{}\"", shown.replace('"', "\"\""))),
        "{csv}"
    );
    let table = Table::of(&csv);
    assert_eq!(table.rows.len(), 1);
    assert_eq!(table.get(&table.rows[0], "path"), shown);
}

#[test]
fn text_that_would_be_a_formula_is_defused() {
    // `audit merge` reads rows as they were written: a path and a message of any shape.
    let dir = tempfile::tempdir().expect("temporary directory");
    let lines = [
        r#"{"error":{"path":"=HYPERLINK(\"http://example.org\")","message":"@SUM(1+1)"}}"#,
        r#"{"error":{"path":"+cmd","message":"-2+3, \"quoted\""}}"#,
        r#"{"error":{"path":"\tx","message":"plain"}}"#,
    ];
    // The last line says what the audit was, and counts its rows.
    let end = serde_json::json!({
        "summary": {"repositories": 3, "passed": 0, "failed": 0, "errors": 3},
        "run": {
            "schema_version": 2,
            "tool": {"name": "ospo", "version": env!("CARGO_PKG_VERSION")},
            "language": "en",
            "checklist": {"selector": null, "id": "default", "version": "1.0.0"},
            "shard": null,
            "fail_on": "required",
            "fail_under": null,
            "no_waivers": false,
            "trust_repo_checklists": false
        }
    });
    let file = dir.path().join("shard.jsonl");
    std::fs::write(&file, lines.join("\n") + "\n" + &end.to_string() + "\n").expect("write shard");
    let output = ospo(
        dir.path(),
        &[
            "audit",
            "merge",
            file.to_str().expect("UTF-8"),
            "--format",
            "csv",
        ],
    );
    assert_no_panic(&output);
    let table = Table::of(&output.stdout);
    let cells: Vec<(&str, &str)> = table
        .rows
        .iter()
        .map(|row| (table.get(row, "path"), table.get(row, "message")))
        .collect();
    assert_eq!(
        cells,
        vec![
            ("'\tx", "plain"),
            ("'+cmd", "'-2+3, \"quoted\""),
            ("'=HYPERLINK(\"http://example.org\")", "'@SUM(1+1)"),
        ]
    );
    for row in &table.rows {
        assert_eq!(table.get(row, "verdict"), "error");
    }
}

/// The audit of the fixture with questions: the scores, the open questions and the waivers
/// of each repository, as the fixture makes them.
#[test]
fn verified_and_declared_scores_open_questions_and_waivers_have_columns() {
    let org = audit_fixture::QuestionsOrg::new();
    let output = org.audit(&["--format", "csv"]);
    assert_eq!(output.code, 1, "{}", output.all());
    let table = Table::of(&output.stdout);
    let at = |name: &str| table.header.iter().position(|h| h == name).unwrap();
    assert_eq!(at("verified_score"), at("score") + 1);
    assert_eq!(at("declared_score"), at("score") + 2);
    assert_eq!(at("open_questions"), at("error") + 1);
    assert_eq!(at("waivers"), at("error") + 2);
    assert_eq!(at("failed"), at("error") + 3);
    let columns = [
        "path",
        "verdict",
        "score",
        "verified_score",
        "declared_score",
        "unknown",
        "skip",
        "open_questions",
        "waivers",
        "funding.budget",
    ];
    let rows: Vec<Vec<&str>> = table
        .rows
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|column| table.get(row, column))
                .collect()
        })
        .collect();
    let paths: Vec<String> = audit_fixture::NAMES
        .iter()
        .map(|name| org.path(name))
        .collect();
    assert_eq!(
        rows,
        vec![
            vec![
                paths[0].as_str(),
                "pass",
                "100.0",
                "100.0",
                "100.0",
                "1",
                "0",
                "1",
                "0",
                "unknown"
            ],
            vec![
                paths[1].as_str(),
                "pass",
                "69.2",
                "81.8",
                "0.0",
                "1",
                "1",
                "1",
                "1",
                "unknown"
            ],
            vec![
                paths[2].as_str(),
                "fail",
                "25.0",
                "25.0",
                "",
                "2",
                "0",
                "2",
                "0",
                "unknown"
            ],
            vec![
                paths[3].as_str(),
                "fail",
                "41.7",
                "41.7",
                "",
                "2",
                "0",
                "2",
                "0",
                "unknown"
            ],
        ]
    );
}

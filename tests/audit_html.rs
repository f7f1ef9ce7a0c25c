//! `ospo audit --format html`: one page that loads nothing from elsewhere, whose data block
//! reads back as the audit and cannot be broken out of by what repositories hold, the same
//! bytes for the same audit, in both languages; and, in headless Chromium, a page that
//! opens without errors, sorts, filters and shows a repository's items to fix.
//!
//! The browser part runs `tests/browser/audit_html.mjs` with Node, Playwright's
//! `playwright-core` from `OSPO_BROWSER_NODE_MODULES` and the Chromium of `OSPO_CHROMIUM`
//! (`.ci/run` installs both); without them it is skipped, unless `OSPO_REQUIRE_BROWSER=1`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Repo, complete_project, git, ospo, project_missing_three_files};
use serde_json::Value;

/// A repository whose directory name would end a `<script>` element if it were not
/// escaped: its path holds `</script><script>alert(1)</script>`.
const HOSTILE: &str = "h</script><script>alert(1)</script>";

/// A folder of repositories with different scores: complete (a worktree and a bare
/// clone), missing three files, a README and licence only, a README only (under a hostile
/// name), and one whose objects are gone (an error row).
struct Fixture {
    root: tempfile::TempDir,
    _sources: Vec<Repo>,
}

impl Fixture {
    fn root(&self) -> PathBuf {
        std::fs::canonicalize(self.root.path()).expect("canonical fixture root")
    }
}

fn fixture() -> Fixture {
    let root = tempfile::Builder::new()
        .prefix("ospo-audit-html-")
        .tempdir()
        .expect("temporary directory");
    let at = root.path();
    let clone = |source: &Repo, name: &str, bare: bool| {
        let mut args = vec!["clone", "-q"];
        if bare {
            args.push("--bare");
        }
        let source = source.path_str();
        args.extend([source.as_str(), name]);
        git(at, &args);
    };
    let complete = complete_project();
    clone(&complete, "alpha", false);
    clone(&complete, "beta.git", true);
    let missing = project_missing_three_files();
    clone(&missing, "gamma", false);
    let licensed = Repo::with_files(&[("README.md", common::README), ("LICENSE", common::LICENSE)]);
    clone(&licensed, "delta", false);
    let readme = Repo::with_files(&[("README.md", "# Tiny\n")]);
    clone(&readme, "epsilon", false);
    std::fs::create_dir_all(at.join(HOSTILE).parent().expect("a parent"))
        .expect("create the hostile folder");
    clone(&readme, HOSTILE, false);
    // A worktree whose objects are gone: HEAD names a commit nobody can read.
    clone(&readme, "broken", false);
    let objects = at.join("broken/.git/objects");
    for entry in std::fs::read_dir(&objects).expect("objects folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path).expect("remove objects");
        } else {
            std::fs::remove_file(&path).expect("remove an object file");
        }
    }
    Fixture {
        root,
        _sources: vec![complete, missing, licensed, readme],
    }
}

/// `ospo audit ROOT --format html --output FILE [EXTRA]`; the page.
fn page(root: &Path, file: &Path, extra: &[&str]) -> String {
    let root_text = root.display().to_string();
    let file_text = file.display().to_string();
    let mut args = vec![
        "audit",
        root_text.as_str(),
        "--format",
        "html",
        "--output",
        file_text.as_str(),
    ];
    args.extend_from_slice(extra);
    let output = ospo(root, &args);
    common::assert_no_panic(&output);
    assert!(
        output.code == 0 || output.code == 1,
        "the audit ran:\n{}",
        output.all()
    );
    std::fs::read_to_string(file).expect("the page was written")
}

/// The text of the page's data block.
fn data_text(page: &str) -> &str {
    let open = "<script type=\"application/json\" id=\"ospo-data\">";
    let start = page.find(open).expect("a data block") + open.len();
    let end = start + page[start..].find("</script>").expect("the block ends");
    &page[start..end]
}

/// The JSON of the page's data block.
fn data(page: &str) -> Value {
    serde_json::from_str(data_text(page)).expect("the data block is JSON")
}

/// The page without its data block: what the browser reads as markup, style and script.
fn markup(page: &str) -> String {
    let open = "<script type=\"application/json\" id=\"ospo-data\">";
    let start = page.find(open).expect("a data block");
    let end = start + page[start..].find("</script>").expect("the block ends");
    format!("{}{}", &page[..start], &page[end..])
}

#[test]
fn the_page_stands_alone_reads_back_and_is_the_same_twice() {
    let fixture = fixture();
    let root = fixture.root();
    let out = tempfile::tempdir().expect("temporary directory");
    let html = page(&root, &out.path().join("a.html"), &[]);
    let again = page(&root, &out.path().join("b.html"), &[]);
    assert!(html == again, "the same audit gives the same bytes");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("Content-Security-Policy"));

    // Nothing to fetch: no stylesheet, script, image or frame from anywhere, and no address
    // outside the data (the items' documentation links are data, made links by the script).
    let markup = markup(&html);
    for fetching in [
        "<link", "src=", "<img", "<iframe", "<object", "<embed", "@import", "url(", "http://",
        "https://",
    ] {
        assert!(
            !markup.contains(fetching),
            "the page's markup holds {fetching:?}"
        );
    }
    assert_eq!(
        html.matches("<script").count(),
        2,
        "the data and the script"
    );
    assert_eq!(html.matches("</script>").count(), 2);

    // The data block is the audit's rows, in order, and its summary.
    let json = ospo(
        &root,
        &["audit", root.to_str().expect("UTF-8"), "--format", "json"],
    )
    .json();
    let data = data(&html);
    let expected: Vec<&str> = json["repositories"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| {
            row.get("report")
                .map(|report| report["repository"]["path"].as_str().expect("a path"))
                .or_else(|| row["error"]["path"].as_str())
                .expect("a row has a path")
        })
        .collect();
    let rows = data["repositories"].as_array().expect("rows");
    let paths: Vec<&str> = rows
        .iter()
        .map(|row| row["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, expected);
    assert_eq!(rows.len(), 7);
    assert_eq!(data["summary"], json["summary"]);
    let prefix = format!("{}/", root.display());
    assert_eq!(data["prefix"], prefix.as_str());
    let names: Vec<&str> = rows
        .iter()
        .map(|row| row["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "alpha", "beta.git", "broken", "delta", "epsilon", "gamma", HOSTILE
        ]
    );
    let broken = &rows[2];
    assert_eq!(broken["verdict"], "error");
    assert!(
        broken["error"]
            .as_str()
            .unwrap()
            .contains("cannot read the HEAD")
    );
    assert_eq!(rows[0]["verdict"], "pass");
    assert_eq!(rows[5]["verdict"], "fail");
    // The table shows each row, the hostile name as text.
    assert!(html.contains("h&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains(">ERROR</span>"));

    // French, as asked.
    let french = page(&root, &out.path().join("fr.html"), &["--lang", "fr"]);
    assert!(french.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    for words in [
        "Audit de préparation à l'ouverture",
        "Répartition des scores",
        "Éléments dans toute l'organisation",
        "Éléments obligatoires non satisfaits",
        "non vérifiables",
        "ÉCHEC",
        "RÉUSSI",
    ] {
        assert!(french.contains(words), "the French page says {words:?}");
    }
    assert!(!french.contains("Score distribution</h2>"));
    assert_eq!(self::data(&french)["language"], "fr");
}

#[test]
fn hostile_repository_text_stays_in_the_data() {
    use ospo::audit::{Audit, Row, RowError};
    use ospo::i18n::Lang;
    let hostile = "</script><script>alert(1)</script> <!-- \u{2028}\u{2029} & \"'";
    let audit = Audit::of(
        vec![
            Row::Error(RowError {
                path: format!("/srv/org/{hostile}"),
                message: format!("cannot open {hostile}"),
            }),
            Row::Error(RowError {
                path: "/srv/org/plain".to_owned(),
                message: "HEAD is unborn".to_owned(),
            }),
        ],
        Lang::En,
    );
    let html = ospo::report::audit::html::render(&audit);
    assert_eq!(html.matches("<script").count(), 2, "{html}");
    assert_eq!(html.matches("</script>").count(), 2);
    assert!(!html.contains("<!--"));
    // The line separators end a line of script: the block holds them as escapes.
    let block = data_text(&html);
    assert!(!block.contains('\u{2028}') && !block.contains('\u{2029}'));
    assert!(block.contains("\\u2028") && block.contains("\\u003c/script\\u003e"));
    let data = data(&html);
    assert_eq!(
        data["repositories"][0]["path"],
        format!("/srv/org/{hostile}").as_str()
    );
    assert_eq!(
        data["repositories"][0]["error"],
        format!("cannot open {hostile}").as_str()
    );
    assert_eq!(data["repositories"][0]["name"], hostile);
}

// ── In a browser ──

/// Node, playwright-core and Chromium, when the environment names them.
fn browser() -> Option<(PathBuf, PathBuf)> {
    let required = std::env::var("OSPO_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let modules = std::env::var_os("OSPO_BROWSER_NODE_MODULES").map(PathBuf::from);
    let chromium = std::env::var_os("OSPO_CHROMIUM").map(PathBuf::from);
    match (modules, chromium) {
        (Some(modules), Some(chromium))
            if modules.join("playwright-core").is_dir() && chromium.is_file() =>
        {
            Some((modules, chromium))
        }
        (modules, chromium) => {
            let why = format!(
                "OSPO_BROWSER_NODE_MODULES={modules:?} (with playwright-core in it) and \
                 OSPO_CHROMIUM={chromium:?} are needed to open the HTML report in a browser"
            );
            assert!(!required, "OSPO_REQUIRE_BROWSER=1: {why}");
            eprintln!("note: skipping the browser test: {why} (see CONTRIBUTING.md)");
            None
        }
    }
}

#[test]
fn the_page_opens_in_chromium_sorts_and_filters() {
    let Some((modules, chromium)) = browser() else {
        return;
    };
    let fixture = fixture();
    let root = fixture.root();
    let out = tempfile::Builder::new()
        .prefix("ospo-audit-html-page-")
        .tempdir()
        .expect("temporary directory");
    let file = out.path().join("report.html");
    let html = page(&root, &file, &[]);
    let data = data(&html);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/audit_html.mjs");
    let query = "ta";
    let run = Command::new("node")
        .arg(&script)
        .arg(&file)
        .arg(out.path())
        .arg(query)
        .env("OSPO_BROWSER_NODE_MODULES", &modules)
        .env("OSPO_CHROMIUM", &chromium)
        .output()
        .expect("node can be run");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "the browser script ran:\n{stdout}\n{stderr}"
    );
    let seen: Value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("the script prints JSON ({e}):\n{stdout}\n{stderr}"));
    assert!(seen.get("script_error").is_none(), "{seen:#}");
    let none: Vec<Value> = Vec::new();
    assert_eq!(
        seen["console_errors"].as_array().unwrap(),
        &none,
        "{seen:#}"
    );
    assert_eq!(seen["page_errors"].as_array().unwrap(), &none, "{seen:#}");
    assert_eq!(
        seen["requests"].as_array().unwrap(),
        &none,
        "nothing fetched"
    );
    assert_eq!(
        seen["dialogs"].as_array().unwrap(),
        &none,
        "no injected script ran"
    );
    assert_eq!(seen["lang"], "en");

    // The rows as the data has them, in path order.
    let rows = data["repositories"].as_array().unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    let shown = |rows: &Value| -> Vec<String> {
        rows.as_array()
            .unwrap()
            .iter()
            .map(|row| row["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(shown(&seen["initial"]), names);
    assert_eq!(
        seen["initial_sort"],
        serde_json::json!([["name", "ascending"]])
    );

    // By overall score: ascending, ties in path order, the error row last; then descending,
    // the error row still last.
    let mut scored: Vec<(f64, usize)> = rows
        .iter()
        .enumerate()
        .filter_map(|(at, row)| row["score"].as_f64().map(|score| (score, at)))
        .collect();
    let unscored: Vec<&str> = rows
        .iter()
        .filter(|row| row["score"].is_null())
        .map(|row| row["name"].as_str().unwrap())
        .collect();
    assert_eq!(unscored, ["broken"]);
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut ascending: Vec<&str> = scored.iter().map(|(_, at)| names[*at]).collect();
    ascending.extend(&unscored);
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut descending: Vec<&str> = scored.iter().map(|(_, at)| names[*at]).collect();
    descending.extend(&unscored);
    assert_eq!(shown(&seen["first_click"]["rows"]), ascending);
    assert_eq!(
        seen["first_click"]["aria_sort"],
        serde_json::json!([["overall", "ascending"]])
    );
    assert_eq!(shown(&seen["second_click"]["rows"]), descending);
    assert_eq!(
        seen["second_click"]["aria_sort"],
        serde_json::json!([["overall", "descending"]])
    );
    let scores: Vec<f64> = seen["first_click"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|row| row["overall"].as_f64())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
    assert!(
        scores.first() < scores.last(),
        "the fixture's scores differ: {scores:?}"
    );
    assert_eq!(shown(&seen["by_name"]["rows"]), names);

    // Filters: by name, by verdict, by an item not met.
    let by_name: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| name.contains(query))
        .collect();
    assert!(!by_name.is_empty() && by_name.len() < names.len());
    assert_eq!(shown(&seen["name_filter"]["rows"]), by_name);
    assert_eq!(
        seen["name_filter"]["shown"],
        format!("{} of {} repositories shown", by_name.len(), names.len()).as_str()
    );
    for verdict in ["pass", "fail", "error"] {
        let expected: Vec<&str> = rows
            .iter()
            .filter(|row| row["verdict"] == verdict)
            .map(|row| row["name"].as_str().unwrap())
            .collect();
        assert!(!expected.is_empty(), "the fixture has a {verdict} row");
        assert_eq!(
            seen["verdict_filter"][verdict],
            serde_json::json!(expected),
            "verdict {verdict}"
        );
    }
    let item = seen["item_filter"]["item"].as_u64().unwrap();
    assert_eq!(seen["item_filter"]["selected"], item.to_string().as_str());
    let missing: Vec<&str> = rows
        .iter()
        .filter(|row| {
            row["failing"]
                .as_array()
                .is_some_and(|failing| failing.iter().any(|at| at.as_u64() == Some(item)))
        })
        .map(|row| row["name"].as_str().unwrap())
        .collect();
    assert!(!missing.is_empty() && missing.len() < names.len());
    assert_eq!(seen["item_filter"]["rows"], serde_json::json!(missing));
    assert_eq!(seen["after_reset"], names.len());

    // A failing repository's items to fix are its to-do list; the error row says why.
    let name = seen["detail"]["name"].as_str().unwrap();
    let row = rows.iter().find(|row| row["name"] == name).unwrap();
    let to_do: Vec<&str> = row["to_do"]
        .as_array()
        .unwrap()
        .iter()
        .map(|note| {
            data["items"][note["item"].as_u64().unwrap() as usize]["id"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(!to_do.is_empty());
    assert_eq!(seen["detail"]["items"], serde_json::json!(to_do));
    for link in seen["detail"]["links"].as_array().unwrap() {
        assert!(link.as_str().unwrap().starts_with("https://"), "{link}");
    }
    let messages = seen["error_detail"].as_array().unwrap();
    assert!(
        messages
            .iter()
            .any(|m| m.as_str().unwrap().contains("cannot read the HEAD")),
        "{messages:?}"
    );
    let png = std::fs::metadata(out.path().join("audit.png")).expect("a screenshot");
    assert!(png.len() > 10_000, "the screenshot holds a page");
    if let Some(keep) = std::env::var_os("OSPO_KEEP_SCREENSHOT") {
        std::fs::copy(out.path().join("audit.png"), PathBuf::from(keep))
            .expect("copy the screenshot");
    }
}

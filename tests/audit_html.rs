//! `ospo audit --format html`: one page that loads nothing from elsewhere, whose data block
//! reads back as the audit and cannot be broken out of by what repositories hold, the same
//! bytes for the same audit, in both languages; and, in headless Chromium, a page that
//! opens without errors, sorts, filters and shows a repository's items to fix.
//!
//! The browser part runs `tests/browser/audit_html.mjs` with Node, Playwright's
//! `playwright-core` from `OSPO_BROWSER_NODE_MODULES` and the Chromium of `OSPO_CHROMIUM`
//! (`.ci/run` installs both); without them it is skipped, unless `OSPO_REQUIRE_BROWSER=1`.

mod audit_fixture;
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
            .contains("cannot read HEAD")
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
        "Éléments les plus souvent manquants",
        "Questions le plus souvent en attente",
        "score vérifié (moyenne)",
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

/// The markup of the section `id`.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let open = format!("<section id=\"{id}\"");
    let start = page
        .find(&open)
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = start + page[start..].find("</section>").expect("the section ends");
    &page[start..end]
}

/// The item ids of a section's bars, in order.
fn bar_ids(section: &str) -> Vec<&str> {
    section
        .split("<li ")
        .skip(1)
        .map(|bar| {
            let start = bar.find("<code>").expect("an id") + "<code>".len();
            &bar[start..start + bar[start..].find("</code>").expect("the id ends")]
        })
        .collect()
}

#[test]
fn the_most_missed_are_verified_items_and_questions_have_a_section_of_their_own() {
    let org = audit_fixture::QuestionsOrg::new();
    let out = tempfile::tempdir().expect("temporary directory");
    let html_at = |lang: &str| {
        let file = out.path().join(format!("{lang}.html"));
        let output = org.audit(&[
            "--format",
            "html",
            "--lang",
            lang,
            "--output",
            file.to_str().expect("UTF-8"),
        ]);
        assert_eq!(output.code, 1, "{}", output.all());
        std::fs::read_to_string(file).expect("the page was written")
    };
    let html = html_at("en");

    // Every verified item, the most missed first; `funding.budget`, open everywhere, is
    // not among them but heads the questions.
    let items = section(&html, "items");
    let mut expected = audit_fixture::MOST_MISSED.to_vec();
    expected.push("needs.readme");
    assert_eq!(bar_ids(items), expected);
    assert!(items.contains("<h2 id=\"items-title\">Items most missed</h2>"));
    let questions = section(&html, "questions");
    assert_eq!(bar_ids(questions), audit_fixture::MOST_OPEN);
    assert!(questions.contains("<h2 id=\"questions-title\">Questions most often open</h2>"));
    assert!(
        questions.contains("<b>100%</b> <span class=\"muted\">4 / 4</span>"),
        "{questions}"
    );
    assert!(questions.contains("<b>50%</b> <span class=\"muted\">2 / 4</span>"));
    assert!(html.find("id=\"items\"") < html.find("id=\"questions\""));

    // The table: the verified score coloured by its tenth and sorted on, the declared one
    // beside it.
    for (name, verified, declared) in [
        (
            "alpha",
            "data-v=\"100\" class=\"score s9\"",
            "data-v=\"100\" class=\"score s9 declared\"",
        ),
        (
            "bravo",
            "data-v=\"81.8\" class=\"score s8\"",
            "data-v=\"0\" class=\"score s0 declared\"",
        ),
        (
            "charlie",
            "data-v=\"25\" class=\"score s2\"",
            "data-v=\"\" class=\"score none declared\"",
        ),
    ] {
        let start = html
            .find(&format!("data-v=\"{name}\""))
            .unwrap_or_else(|| panic!("no row {name}"));
        let row = &html[start..start + html[start..].find("</tr>").unwrap()];
        assert!(
            row.contains(&format!("data-k=\"verified\" {verified}")),
            "{row}"
        );
        assert!(
            row.contains(&format!("data-k=\"declared\" {declared}")),
            "{row}"
        );
    }
    assert!(html.contains(
        "<span class=\"value\">62.1%</span><span class=\"label\">verified score (mean)</span>"
    ));
    assert!(
        html.contains("<span class=\"value\">6</span><span class=\"label\">open questions</span>")
    );
    assert!(
        html.contains("<span class=\"value\">1</span><span class=\"label\">waivers applied</span>")
    );
    // The filter offers the questions apart, by the repositories leaving them open.
    assert!(html.contains(
        "<optgroup label=\"Questions left open\"><option value=\"q5\">community.security-contact"
    ));
    let data = data(&html);
    assert_eq!(data["summary"]["verified"]["mean"], 62.1);
    let bravo = &data["repositories"][1];
    assert_eq!(bravo["name"], "bravo");
    assert_eq!(bravo["verified_score"], 81.8);
    assert_eq!(bravo["waivers"][0]["id"], "community.governance");
    // No CONTRIBUTING, and the security contact answered no; governance is waived, and
    // the budget is an open question, not a miss.
    assert_eq!(bravo["failing"], serde_json::json!([3, 5]));
    assert_eq!(bravo["questions"], serde_json::json!([6]));

    let french = html_at("fr");
    assert_eq!(bar_ids(section(&french, "items")), expected);
    assert_eq!(
        bar_ids(section(&french, "questions")),
        audit_fixture::MOST_OPEN
    );
    for words in [
        "<h2 id=\"items-title\">Éléments les plus souvent manquants</h2>",
        "<h2 id=\"questions-title\">Questions le plus souvent en attente</h2>",
        "<span class=\"value\">62,1\u{202f}%</span><span class=\"label\">score vérifié (moyenne)</span>",
        "<optgroup label=\"Questions en attente\">",
    ] {
        assert!(french.contains(words), "the French page says {words:?}");
    }
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

    // By verified score: ascending, ties in path order, the error row last; then
    // descending, the error row still last.
    let mut scored: Vec<(f64, usize)> = rows
        .iter()
        .enumerate()
        .filter_map(|(at, row)| row["verified_score"].as_f64().map(|score| (score, at)))
        .collect();
    let unscored: Vec<&str> = rows
        .iter()
        .filter(|row| row["verified_score"].is_null())
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
        serde_json::json!([["verified", "ascending"]])
    );
    assert_eq!(shown(&seen["second_click"]["rows"]), descending);
    assert_eq!(
        seen["second_click"]["aria_sort"],
        serde_json::json!([["verified", "descending"]])
    );
    let scores: Vec<f64> = seen["first_click"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|row| row["verified"].as_f64())
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
    // The bars: the verified items, by level and the most missed first; the questions
    // apart, by level and the most often open first; those no repository misses last.
    let summary_items = data["summary"]["items"].as_array().unwrap();
    let level = |item: &Value| match item["level"].as_str() {
        Some("required") => 0,
        Some("recommended") => 1,
        _ => 2,
    };
    let ranked = |bars: &Value, basis: &str, count: &str| {
        let bars = bars.as_array().unwrap();
        assert!(!bars.is_empty(), "{basis} bars");
        let keys: Vec<(bool, u8, std::cmp::Reverse<u64>)> = bars
            .iter()
            .enumerate()
            .map(|(rank, bar)| {
                assert_eq!(bar["rank"], rank);
                let item = &summary_items[bar["item"].as_u64().unwrap() as usize];
                assert_eq!(item["basis"], basis, "{item}");
                let count = item[count].as_u64().unwrap();
                (count == 0, level(item), std::cmp::Reverse(count))
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
        assert!(!keys[0].0);
    };
    ranked(&seen["items_bars"], "verified", "failing");
    ranked(&seen["questions_bars"], "declared", "open");
    let verified_items = summary_items
        .iter()
        .filter(|item| item["basis"] == "verified")
        .count();
    assert_eq!(seen["items_bars"].as_array().unwrap().len(), verified_items);
    let in_checklist_order: Vec<u64> = seen["items_checklist_order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|at| at.as_u64().unwrap())
        .collect();
    assert!(in_checklist_order.windows(2).all(|w| w[0] < w[1]));
    let ranks: Vec<u64> = (0..verified_items as u64).collect();
    assert_eq!(seen["items_ranked_again"], serde_json::json!(ranks));

    let item = seen["item_filter"]["item"].as_u64().unwrap();
    assert_eq!(seen["item_filter"]["selected"], item.to_string().as_str());
    assert_eq!(
        seen["item_filter"]["pressed"],
        serde_json::json!([item.to_string()])
    );
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
    // The question most often open lists the repositories leaving it open.
    let question = seen["question_filter"]["item"].as_u64().unwrap();
    assert_eq!(
        seen["question_filter"]["selected"],
        format!("q{question}").as_str()
    );
    let leaving_open: Vec<&str> = rows
        .iter()
        .filter(|row| {
            row["questions"]
                .as_array()
                .is_some_and(|open| open.iter().any(|at| at.as_u64() == Some(question)))
        })
        .map(|row| row["name"].as_str().unwrap())
        .collect();
    assert!(!leaving_open.is_empty() && leaving_open.len() < names.len());
    assert_eq!(
        seen["question_filter"]["rows"],
        serde_json::json!(leaving_open)
    );
    assert_eq!(seen["after_second_click"], names.len());

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
            .any(|m| m.as_str().unwrap().contains("cannot read HEAD")),
        "{messages:?}"
    );
    let png = std::fs::metadata(out.path().join("audit.png")).expect("a screenshot");
    assert!(png.len() > 10_000, "the screenshot holds a page");
    if let Some(keep) = std::env::var_os("OSPO_KEEP_SCREENSHOT") {
        std::fs::copy(out.path().join("audit.png"), PathBuf::from(keep))
            .expect("copy the screenshot");
    }
}

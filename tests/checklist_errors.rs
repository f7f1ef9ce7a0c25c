//! Malformed checklists are refused with exit code 2 and every problem located as
//! `FILE:LINE:COLUMN:`; `extends` merges, overrides and disables inherited items.

mod common;

use common::*;

/// A valid item, eight lines long, for positions to be easy to count.
const ITEM_A: &str = "  - id: needs.a
    stage: needs
    level: required
    weight: 1
    title: {en: A, fr: A}
    why: {en: Why, fr: Pourquoi}
    fix: {en: Fix, fr: Action}
    probe: {kind: file, names: [README]}
";

/// Four header lines: items start on line 5.
const HEADER: &str = "id: test
title: {en: Test, fr: Test}
version: \"1\"
items:
";

/// Writes `yaml` as a checklist in a scratch repository; runs `ospo ARGS --checklist PATH`.
fn run_with(yaml: &str, args: &[&str]) -> (Output, String) {
    let repo = Repo::with_files(&[("README.md", README)]);
    let path = repo.write_checklist("bad.yaml", yaml);
    let mut all = args.to_vec();
    all.extend_from_slice(&["--checklist", &path]);
    (repo.ospo(&all), path)
}

/// `ospo list --checklist PATH` on `yaml`: asserts exit 2 with the invalid-checklist
/// header and returns the indented diagnostic lines, with the file path replaced by `FILE`.
#[track_caller]
fn diagnostics(yaml: &str) -> Vec<String> {
    let (output, path) = run_with(yaml, &["list"]);
    output.assert_error();
    let first = output.stderr.lines().next().unwrap();
    let lines: Vec<String> = output
        .stderr
        .lines()
        .skip(1)
        .map(|line| line.replace(&path, "FILE"))
        .collect();
    let count = lines.len();
    let expected = format!(
        "error: invalid checklist: {count} problem{}",
        if count == 1 { "" } else { "s" }
    );
    assert_eq!(first, expected, "{}", output.all());
    for line in &lines {
        assert!(
            line.starts_with("  FILE:"),
            "diagnostic not indented or not located: {line:?}\n{}",
            output.all()
        );
    }
    lines
}

#[test]
fn valid_checklist_is_accepted() {
    let (output, _) = run_with(&format!("{HEADER}{ITEM_A}"), &["list"]);
    output.assert_code(0);
    assert!(output.stdout.contains("needs.a"), "{}", output.all());
}

#[test]
fn yaml_syntax_error_is_located() {
    let yaml = format!("{HEADER}  - id: needs.a\n    stage: [needs\n");
    let lines = diagnostics(&yaml);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("  FILE:6:12: YAML syntax error: "),
        "{lines:#?}"
    );
    assert!(lines[0].contains("unclosed bracket"), "{lines:#?}");
}

#[test]
fn wrong_type_is_located_at_its_key() {
    let lines = diagnostics(&format!(
        "{HEADER}{}",
        ITEM_A.replace("weight: 1", "weight: heavy")
    ));
    assert_eq!(
        lines,
        [r#"  FILE:8:5: item `needs.a`: invalid type: string "heavy", expected u32"#]
    );
}

#[test]
fn unknown_key_lists_the_accepted_fields() {
    let lines = diagnostics(&format!(
        "{HEADER}{}",
        ITEM_A.replace("weight: 1", "weigth: 3")
    ));
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("  FILE:8:5: item `needs.a`: unknown field `weigth`"),
        "{lines:#?}"
    );
    for field in [
        "id", "stage", "level", "weight", "title", "why", "fix", "probe", "disabled", "help-url",
    ] {
        assert!(
            lines[0].contains(&format!("`{field}`")),
            "`{field}` not listed: {lines:#?}"
        );
    }
}

#[test]
fn unknown_top_level_key_is_located() {
    let yaml = format!("{}{ITEM_A}", HEADER.replace("title:", "titel:"));
    let lines = diagnostics(&yaml);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("  FILE:2:1: unknown field `titel`"),
        "{lines:#?}"
    );
}

#[test]
fn unknown_stage_lists_the_five_stages() {
    let lines = diagnostics(&format!(
        "{HEADER}{}",
        ITEM_A.replace("stage: needs", "stage: marketing")
    ));
    assert_eq!(
        lines,
        [
            "  FILE:6:5: item `needs.a`: unknown variant `marketing`, expected one of `needs`, `communication`, `legal`, `community`, `funding`"
        ]
    );
}

#[test]
fn id_with_an_unknown_stage_prefix_lists_the_five_stages() {
    let lines = diagnostics(&format!(
        "{HEADER}{}",
        ITEM_A.replace("id: needs.a", "id: marketing.a")
    ));
    assert!(
        lines.contains(&"  FILE:5:5: item id `marketing.a` starts with `marketing`, which is not a stage; stages: needs, communication, legal, community, funding".to_owned()),
        "{lines:#?}"
    );
}

#[test]
fn stage_that_contradicts_the_id_is_located() {
    let lines = diagnostics(&format!(
        "{HEADER}{}",
        ITEM_A.replace("stage: needs", "stage: legal")
    ));
    assert_eq!(
        lines,
        ["  FILE:6:5: item `needs.a` has stage `legal` but its id starts with `needs`"]
    );
}

#[test]
fn bad_regex_is_located_at_the_pattern() {
    let item = ITEM_A.replace(
        "    probe: {kind: file, names: [README]}\n",
        "    probe:\n      kind: content\n      names: [README]\n      pattern: '(unclosed'\n",
    );
    let lines = diagnostics(&format!("{HEADER}{item}"));
    assert_eq!(
        lines,
        ["  FILE:15:7: item `needs.a`: invalid regular expression: unclosed group"]
    );
}

/// A pattern whose syntax parses but that cannot be built (Unicode classes: patterns
/// match ASCII classes only) is still an error in the checklist, not at run time.
#[test]
fn unbuildable_regex_is_located_at_the_pattern() {
    let item = ITEM_A.replace(
        "    probe: {kind: file, names: [README]}\n",
        "    probe:\n      kind: content\n      names: [README]\n      pattern: '\\p{Greek}'\n",
    );
    let lines = diagnostics(&format!("{HEADER}{item}"));
    assert_eq!(
        lines,
        ["  FILE:15:7: item `needs.a`: invalid regular expression: Unicode not allowed here"]
    );
}

/// `ITEM_A` with a content probe in block style: `probe:` on line 12, `kind` on 13,
/// `names` on 14, and `rest` from line 15.
fn content_item(rest: &str) -> String {
    ITEM_A.replace(
        "    probe: {kind: file, names: [README]}\n",
        &format!("    probe:\n      kind: content\n      names: [README]\n{rest}"),
    )
}

#[test]
fn pattern_and_patterns_together_are_refused() {
    let item = content_item("      pattern: install\n      patterns: [install]\n");
    let lines = diagnostics(&format!("{HEADER}{item}"));
    assert_eq!(
        lines,
        ["  FILE:16:7: item `needs.a`: give `pattern` or `patterns`, not both"]
    );
}

#[test]
fn content_probe_without_a_pattern_is_refused() {
    let lines = diagnostics(&format!("{HEADER}{}", content_item("")));
    assert_eq!(
        lines,
        ["  FILE:12:5: item `needs.a`: a content probe needs `pattern` or `patterns`"]
    );
}

/// An empty list would match nothing; it is refused even beside a `pattern`.
#[test]
fn empty_patterns_are_refused() {
    for rest in [
        "      patterns: []\n",
        "      pattern: install\n      patterns: []\n",
    ] {
        let lines = diagnostics(&format!("{HEADER}{}", content_item(rest)));
        assert_eq!(lines.len(), 1, "{lines:#?}");
        assert!(
            lines[0].starts_with("  FILE:12:5: item `needs.a`: ")
                && lines[0].contains("`patterns` is empty"),
            "{lines:#?}"
        );
    }
}

/// `looks-for` says in words what the patterns look for: written empty, or with an empty
/// text, it would say nothing, and is refused where it is.
#[test]
fn empty_looks_for_is_refused_at_the_field() {
    let lines = diagnostics(&format!(
        "{HEADER}{}",
        content_item("      pattern: install\n      looks-for: []\n")
    ));
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("  FILE:16:7: item `needs.a`: `looks-for` is empty"),
        "{lines:#?}"
    );
    let lines = diagnostics(&format!(
        "{HEADER}{}",
        content_item(
            "      pattern: install\n      looks-for:\n        - en: an install step\n          fr: an install step\n        - en: ''\n          fr: '  '\n"
        )
    ));
    assert_eq!(
        lines,
        [
            "  FILE:19:11: item `needs.a`: `looks-for[1].en` is empty: say what is looked for",
            "  FILE:20:11: item `needs.a`: `looks-for[1].fr` is empty: say what is looked for",
        ]
    );
    // Given, it loads.
    let (output, _) = run_with(
        &format!(
            "{HEADER}{}",
            content_item(
                "      pattern: install\n      looks-for: [{en: an install step, fr: une étape d'installation}]\n"
            )
        ),
        &["list"],
    );
    output.assert_code(0);
}

#[test]
fn bad_regex_in_patterns_is_located_at_its_element() {
    let item = content_item(
        "      patterns:\n        - install\n        - '(unclosed'\n        - usage\n",
    );
    let yaml = format!("{HEADER}{item}");
    let lines = diagnostics(&yaml);
    assert_eq!(
        lines,
        ["  FILE:17:11: item `needs.a`: invalid regular expression: unclosed group"]
    );
    // `check` says the same, with the file's own path.
    let (output, path) = run_with(&yaml, &["check"]);
    output.assert_error();
    assert_eq!(
        output.stderr,
        format!(
            "error: invalid checklist: 1 problem\n  {path}:17:11: item `needs.a`: invalid regular expression: unclosed group\n"
        )
    );
    // In a flow sequence too: `'\p{Greek}'` starts at column 27.
    let item = content_item("      patterns: [install, '\\p{Greek}']\n");
    let lines = diagnostics(&format!("{HEADER}{item}"));
    assert_eq!(
        lines,
        ["  FILE:15:27: item `needs.a`: invalid regular expression: Unicode not allowed here"]
    );
}

#[test]
fn bad_glob_is_located_at_the_name() {
    let item = ITEM_A.replace(
        "    probe: {kind: file, names: [README]}\n",
        "    probe:\n      kind: file\n      names: [README, '[']\n",
    );
    let lines = diagnostics(&format!("{HEADER}{item}"));
    assert_eq!(lines.len(), 1, "{lines:#?}");
    // `names:` is at column 7; the second element, `'['`, at column 23.
    assert!(
        lines[0].starts_with("  FILE:14:23: item `needs.a`: invalid glob `[`"),
        "{lines:#?}"
    );
}

#[test]
fn name_escaping_the_repository_is_refused() {
    let item = ITEM_A.replace("names: [README]", "names: [../secret, .git/config]");
    let lines = diagnostics(&format!("{HEADER}{item}"));
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0]
            .starts_with("  FILE:12:33: item `needs.a`: name `../secret` must be a relative path"),
        "{lines:#?}"
    );
    assert!(
        lines[1].starts_with("  FILE:12:44: item `needs.a`: name `.git/config`"),
        "{lines:#?}"
    );
}

#[test]
fn duplicate_id_names_the_line_of_the_first() {
    let lines = diagnostics(&format!("{HEADER}{ITEM_A}{ITEM_A}"));
    assert_eq!(
        lines,
        ["  FILE:13:5: duplicate item id `needs.a`: already defined at line 5"]
    );
}

#[test]
fn item_missing_fields_lists_them() {
    let yaml = format!("{HEADER}  - id: needs.a\n    stage: needs\n    weight: 2\n");
    let lines = diagnostics(&yaml);
    assert_eq!(
        lines,
        [
            "  FILE:5:5: item `needs.a` is not defined by any checklist it extends, so it needs: level, title, why, fix, probe"
        ]
    );
}

#[test]
fn zero_weight_is_refused() {
    let lines = diagnostics(&format!(
        "{HEADER}{}",
        ITEM_A.replace("weight: 1", "weight: 0")
    ));
    assert_eq!(
        lines,
        ["  FILE:8:5: item `needs.a`: weight must be a positive integer"]
    );
}

#[test]
fn several_problems_in_different_items_are_all_reported() {
    let yaml = format!(
        "{HEADER}{}{}{}{}{}",
        // lines 5-12: wrong type at 8:5
        ITEM_A.replace("weight: 1", "weight: heavy"),
        // lines 13-20: unknown key at 16:5
        ITEM_A
            .replace("id: needs.a", "id: needs.b")
            .replace("weight: 1", "weigth: 3"),
        // lines 21-28: bad regex at 28:45, where `pattern` is written in the flow mapping
        ITEM_A
            .replace("id: needs.a", "id: legal.c")
            .replace("stage: needs", "stage: legal")
            .replace(
                "probe: {kind: file, names: [README]}",
                "probe: {kind: content, names: [README], pattern: '(unclosed'}"
            ),
        // lines 29-36: unknown stage at 30:5
        ITEM_A
            .replace("id: needs.a", "id: funding.d")
            .replace("stage: needs", "stage: marketing"),
        // lines 37-44: duplicate of legal.c at 37:5
        ITEM_A
            .replace("id: needs.a", "id: legal.c")
            .replace("stage: needs", "stage: legal"),
    );
    let lines = diagnostics(&yaml);
    let located: Vec<&str> = lines
        .iter()
        .map(|line| line.trim_start().split(": ").next().unwrap())
        .collect();
    assert_eq!(
        located,
        [
            "FILE:8:5",
            "FILE:16:5",
            "FILE:28:45",
            "FILE:30:5",
            "FILE:37:5"
        ],
        "{lines:#?}"
    );
    assert!(lines[0].contains("heavy"), "{lines:#?}");
    assert!(lines[1].contains("weigth"), "{lines:#?}");
    assert!(lines[2].contains("regular expression"), "{lines:#?}");
    assert!(lines[3].contains("marketing"), "{lines:#?}");
    assert!(
        lines[4].contains("already defined at line 21"),
        "{lines:#?}"
    );
}

#[test]
fn check_reports_an_invalid_checklist_the_same_way() {
    let yaml = format!("{HEADER}{}", ITEM_A.replace("weight: 1", "weight: heavy"));
    let (output, path) = run_with(&yaml, &["check"]);
    output.assert_error();
    assert_eq!(
        output.stderr,
        format!(
            "error: invalid checklist: 1 problem\n  {path}:8:5: item `needs.a`: invalid type: string \"heavy\", expected u32\n"
        )
    );
}

#[test]
fn checklist_that_is_not_a_mapping_is_refused() {
    let lines = diagnostics("- just\n- a list\n");
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("  FILE:1:1: a checklist is a mapping"),
        "{lines:#?}"
    );
}

#[test]
fn missing_checklist_file_is_an_error() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let missing = repo.outside().join("missing.yaml");
    let output = repo.ospo(&["check", "--checklist", missing.to_str().unwrap()]);
    output.assert_error();
    assert!(
        output.stderr.contains("cannot read checklist"),
        "{}",
        output.all()
    );
    let output = repo.ospo(&["check", "--checklist", "no-such-builtin"]);
    output.assert_error();
    assert!(
        output
            .stderr
            .contains("no built-in checklist is named `no-such-builtin`"),
        "{}",
        output.all()
    );
}

#[test]
fn numeric_version_keeps_its_text() {
    let yaml = format!(
        "{}{ITEM_A}",
        HEADER.replace("version: \"1\"", "version: 1.10")
    );
    let (output, _) = run_with(&yaml, &["list"]);
    output.assert_code(0);
    assert!(output.stdout.starts_with("Test 1.10 ("), "{}", output.all());
}

// ── help-url ──

#[test]
fn item_help_url_must_be_an_absolute_http_url() {
    // Each item is ITEM_A (8 lines) plus a `help-url` line: the field is on lines 13, 22,
    // 31, 40, 49 and 58.
    let cases = [
        (
            "docs/a.md",
            "is not absolute: give the whole URL, starting with https://",
        ),
        (
            "mailto:team@example.org",
            "uses the `mailto:` scheme; only https:// and http:// URLs are accepted",
        ),
        (
            "'https://example.org/a page'",
            "contains a space; write it %20",
        ),
        ("https:///a", "has no host"),
        ("''", "is empty"),
        (
            "https://example.org/{id}",
            "contains `{`, which must be percent-encoded (`{id}` is filled in only in the checklist's help-url template)",
        ),
    ];
    let mut yaml = HEADER.to_owned();
    for (index, (url, _)) in cases.iter().enumerate() {
        yaml.push_str(&ITEM_A.replace("needs.a", &format!("needs.a{index}")));
        yaml.push_str(&format!("    help-url: {url}\n"));
    }
    let lines = diagnostics(&yaml);
    let expected: Vec<String> = cases
        .iter()
        .enumerate()
        .map(|(index, (url, reason))| {
            let url = url.trim_matches('\'');
            format!(
                "  FILE:{}:5: item `needs.a{index}`: help-url `{url}` {reason}",
                13 + 9 * index
            )
        })
        .collect();
    assert_eq!(lines, expected);
}

#[test]
fn checklist_help_url_template_needs_the_item_id() {
    for (template, reason) in [
        (
            "https://example.org/checks/",
            "has no `{id}`, which each item's id replaces",
        ),
        ("checks/{id}", "is not absolute"),
        ("ftp://example.org/{id}", "uses the `ftp:` scheme"),
    ] {
        let yaml = format!(
            "{}{ITEM_A}",
            HEADER.replace("items:", &format!("help-url: {template}\nitems:"))
        );
        let lines = diagnostics(&yaml);
        assert_eq!(lines.len(), 1, "{lines:#?}");
        assert!(
            lines[0].starts_with(&format!(
                "  FILE:4:1: checklist help-url `{template}` {reason}"
            )),
            "{lines:#?}"
        );
    }
}

/// An item's own `help-url` wins wherever it was given; without one, the template of the
/// last checklist that defined or overrode the item with a template applies.
#[test]
fn help_url_comes_from_the_item_else_the_template_of_its_checklist() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let file = "{kind: file, names: [\"README*\"]}";
    let parent = repo.write_checklist(
        "parent.yaml",
        &format!(
            "id: parent\ntitle: {{en: Parent, fr: Parent}}\nversion: \"1\"\nhelp-url: https://parent.example/{{id}}\nitems:\n{}    help-url: https://own.example/needs-own\n{}{}{}",
            item_yaml("needs.own", "recommended", 1, file),
            item_yaml("needs.overridden", "recommended", 1, file),
            item_yaml("needs.relinked", "recommended", 1, file),
            item_yaml("needs.untouched", "recommended", 1, file),
        ),
    );
    let child = repo.write_checklist(
        "child.yaml",
        &format!(
            "id: child\ntitle: {{en: Child, fr: Enfant}}\nversion: \"1\"\nextends: parent.yaml\nhelp-url: https://child.example/checks#{{id}}\nitems:\n  - id: needs.own\n    level: optional\n  - id: needs.overridden\n    level: optional\n  - id: needs.relinked\n    help-url: http://relinked.example/\n{}",
            item_yaml("needs.new", "optional", 1, file),
        ),
    );
    // A child with no template keeps the parent's for what it overrides.
    let plain = repo.write_checklist(
        "plain.yaml",
        "id: plain\ntitle: {en: Plain, fr: Simple}\nversion: \"1\"\nextends: parent.yaml\nitems:\n  - id: needs.overridden\n    level: optional\n",
    );
    let url = |report: &serde_json::Value, id: &str| item(report, id)["help_url"].clone();
    let (output, report) = repo.check_json(&parent, &[]);
    output.assert_code(0);
    assert_eq!(url(&report, "needs.own"), "https://own.example/needs-own");
    assert_eq!(
        url(&report, "needs.overridden"),
        "https://parent.example/needs.overridden"
    );

    let (output, report) = repo.check_json(&child, &[]);
    output.assert_code(0);
    assert_eq!(url(&report, "needs.own"), "https://own.example/needs-own");
    assert_eq!(item(&report, "needs.own")["level"], "optional");
    assert_eq!(
        url(&report, "needs.overridden"),
        "https://child.example/checks#needs.overridden"
    );
    assert_eq!(url(&report, "needs.relinked"), "http://relinked.example/");
    assert_eq!(item(&report, "needs.relinked")["level"], "recommended");
    assert_eq!(
        url(&report, "needs.untouched"),
        "https://parent.example/needs.untouched"
    );
    assert_eq!(
        url(&report, "needs.new"),
        "https://child.example/checks#needs.new"
    );

    let (output, report) = repo.check_json(&plain, &[]);
    output.assert_code(0);
    assert_eq!(
        url(&report, "needs.overridden"),
        "https://parent.example/needs.overridden"
    );

    // `explain` gives the link, in both languages.
    let en = repo.ospo(&["explain", "needs.relinked", "--checklist", &child]);
    en.assert_code(0);
    assert!(
        en.stdout
            .contains("\n\nDocumentation: http://relinked.example/\n\nHow ospo checks:\n"),
        "{}",
        en.all()
    );
    let fr = repo.ospo(&[
        "explain",
        "needs.new",
        "--checklist",
        &child,
        "--lang",
        "fr",
    ]);
    fr.assert_code(0);
    assert!(
        fr.stdout
            .contains("\nDocumentation : https://child.example/checks#needs.new\n"),
        "{}",
        fr.all()
    );
}

#[test]
fn item_without_a_help_url_has_none_in_the_report() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let path = repo.write_checklist("plain.yaml", &format!("{HEADER}{ITEM_A}"));
    // `README` names no file of the repository: the item fails, the check exits 1.
    let (output, report) = repo.check_json(&path, &[]);
    output.assert_code(1);
    assert!(
        item(&report, "needs.a").get("help_url").is_none(),
        "{report:#}"
    );
    let explain = repo.ospo(&["explain", "needs.a", "--checklist", &path]);
    explain.assert_code(0);
    assert!(
        !explain.stdout.contains("Documentation"),
        "{}",
        explain.all()
    );
}

// ── extends ──

const STRICT: &str = "id: strict
title: {en: Stricter, fr: Plus strict}
version: \"2\"
extends: default
items:
  - id: community.code-of-conduct
    level: required
  - id: funding.funding-file
    disabled: true
";

/// The row of `ospo list` for an item id.
fn list_row<'a>(stdout: &'a str, id: &str) -> Option<&'a str> {
    stdout.lines().find(|line| {
        line.split('┆')
            .next()
            .is_some_and(|cell| cell.trim_start_matches('│').trim() == id)
    })
}

fn cells(row: &str) -> Vec<String> {
    row.trim_matches('│')
        .split('┆')
        .map(|cell| cell.trim().to_owned())
        .collect()
}

#[test]
fn extends_overrides_a_level_and_disables_an_item() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let path = repo.write_checklist("strict.yaml", STRICT);
    let default = repo.ospo(&["list"]);
    default.assert_code(0);
    let strict = repo.ospo(&["list", "--checklist", &path]);
    strict.assert_code(0);

    let total = default_item_ids().len();
    assert!(
        default
            .stdout
            .starts_with(&format!("{}\n", default_list_header())),
        "{}",
        default.all()
    );
    assert!(
        strict
            .stdout
            .starts_with(&format!("Stricter 2 ({path}) — {} items\n", total - 1)),
        "{}",
        strict.all()
    );

    let before =
        cells(list_row(&default.stdout, "community.code-of-conduct").expect("listed by default"));
    let after = cells(list_row(&strict.stdout, "community.code-of-conduct").expect("still listed"));
    assert_eq!(before[1], "recommended");
    assert_eq!(after[1], "required");
    // Only the level changed.
    assert_eq!(
        (&before[0], &before[2], &before[3], &before[4]),
        (&after[0], &after[2], &after[3], &after[4])
    );

    assert!(list_row(&default.stdout, "funding.funding-file").is_some());
    assert!(
        list_row(&strict.stdout, "funding.funding-file").is_none(),
        "{}",
        strict.stdout
    );
    assert!(!strict.stdout.contains("funding.funding-file"));
}

#[test]
fn extends_override_changes_the_verdict_of_a_check() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let path = repo.write_checklist("strict.yaml", STRICT);
    let (_, report) = repo.check_json(&path, &[]);
    assert_eq!(report["checklist"]["id"], "strict");
    assert_eq!(
        item(&report, "community.code-of-conduct")["level"],
        "required"
    );
    assert!(strings(&report["failed_required"]).contains(&"community.code-of-conduct".to_owned()));
    assert!(
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["id"] != "funding.funding-file")
    );
    // The explanation follows the override too, and keeps the inherited texts.
    let explain = repo.ospo(&["explain", "community.code-of-conduct", "--checklist", &path]);
    explain.assert_code(0);
    assert!(
        explain.stdout.contains("\nLevel: required\n"),
        "{}",
        explain.all()
    );
    assert!(
        explain.stdout.contains("\n  ospo looks for a file "),
        "{}",
        explain.all()
    );
    let gone = repo.ospo(&["explain", "funding.funding-file", "--checklist", &path]);
    gone.assert_error();
}

#[test]
fn extends_a_path_relative_to_the_checklist_file() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let lists = repo.outside().join("lists");
    write_file(
        &lists,
        "base/parent.yaml",
        &format!(
            "id: parent\ntitle: {{en: Parent, fr: Parent}}\nversion: \"1\"\nitems:\n{}{}",
            item_yaml(
                "needs.readme",
                "recommended",
                2,
                "{kind: file, names: [\"README*\"]}"
            ),
            item_yaml(
                "legal.licence",
                "required",
                5,
                "{kind: file, names: [\"LICENSE*\"]}"
            ),
        ),
    );
    write_file(
        &lists,
        "child/child.yaml",
        &format!(
            "id: child\ntitle: {{en: Child, fr: Enfant}}\nversion: \"1\"\nextends: ../base/parent.yaml\nitems:\n  - id: legal.licence\n    level: optional\n{}",
            item_yaml("needs.extra", "optional", 1, "{kind: attest}"),
        ),
    );
    // Run from the repository: the parent is found next to the child, not in the cwd.
    let child = lists.join("child/child.yaml");
    let (output, report) = repo.check_json(child.to_str().unwrap(), &[]);
    output.assert_code(0);
    let ids: Vec<&str> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    // By stage, then parent's items first.
    assert_eq!(ids, ["needs.readme", "needs.extra", "legal.licence"]);
    assert_eq!(item(&report, "legal.licence")["level"], "optional");
    assert_eq!(item(&report, "legal.licence")["weight"], 5);
    assert_eq!(
        item(&report, "legal.licence")["title"],
        "Title of legal.licence"
    );
}

/// An override's probe replaces the inherited one whole: an item can move from `pattern`
/// to `patterns` or back, and keeps nothing of the probe it had.
#[test]
fn extends_override_switches_between_pattern_and_patterns() {
    let repo = Repo::with_files(&[("README.md", "# Example\n\n## Usage\n\nRun it.\n")]);
    let content = |key: &str, value: &str| {
        format!("{{kind: content, names: [\"README*\"], places: [\".\"], {key}: {value}}}")
    };
    repo.write_checklist(
        "parent.yaml",
        &checklist_yaml(&[
            item_yaml(
                "needs.first",
                "optional",
                1,
                &content("pattern", "'^## usage'"),
            ),
            item_yaml(
                "needs.second",
                "optional",
                1,
                &content("patterns", "['^## usage', 'nowhere']"),
            ),
        ]),
    );
    let child = repo.write_checklist(
        "child.yaml",
        &format!(
            "id: child\ntitle: {{en: Child, fr: Enfant}}\nversion: \"1\"\nextends: parent.yaml\nitems:\n  - id: needs.first\n    probe: {}\n  - id: needs.second\n    probe: {}\n",
            content("patterns", "['^# example', 'nowhere']"),
            content("pattern", "'^run it'"),
        ),
    );
    let (output, report) = repo.check_json(&child, &[]);
    output.assert_code(0);
    assert_eq!(
        item(&report, "needs.first")["evidence"]["line"],
        1,
        "{report:#}"
    );
    assert_eq!(
        item(&report, "needs.second")["evidence"]["line"],
        5,
        "{report:#}"
    );
    for (id, kept, gone) in [
        ("needs.first", "patterns:", "pattern:"),
        ("needs.second", "pattern:", "patterns:"),
    ] {
        let explain = repo.ospo(&["explain", id, "--checklist", &child, "--patterns"]);
        explain.assert_code(0);
        assert!(explain.stdout.contains(kept), "{}", explain.all());
        assert!(!explain.stdout.contains(gone), "{}", explain.all());
    }
}

#[test]
fn extends_cycle_is_an_error() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let a = repo.write_checklist(
        "a.yaml",
        "id: a\ntitle: {en: A, fr: A}\nversion: \"1\"\nextends: b.yaml\nitems: []\n",
    );
    let b = repo.write_checklist(
        "b.yaml",
        "id: b\ntitle: {en: B, fr: B}\nversion: \"1\"\nextends: a.yaml\nitems: []\n",
    );
    let output = repo.ospo(&["list", "--checklist", &a]);
    output.assert_error();
    let b_label = std::path::Path::new(&b).parent().unwrap().join("./b.yaml");
    let b_label = b_label.display().to_string();
    let located = output.stderr.lines().nth(1).unwrap_or_default().to_owned();
    assert!(
        located.ends_with(":4:1: `extends: a.yaml` makes a cycle"),
        "{}",
        output.all()
    );
    assert!(
        located.contains("b.yaml:4:1"),
        "{} (b is {b_label})",
        output.all()
    );
}

#[test]
fn extends_itself_is_an_error() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let path = repo.write_checklist(
        "self.yaml",
        "id: me\ntitle: {en: Me, fr: Moi}\nversion: \"1\"\nextends: self.yaml\nitems: []\n",
    );
    let output = repo.ospo(&["list", "--checklist", &path]);
    output.assert_error();
    assert!(
        output
            .stderr
            .contains(&format!("{path}:4:1: `extends: self.yaml` makes a cycle")),
        "{}",
        output.all()
    );
}

#[test]
fn extends_an_unknown_parent_is_located() {
    let yaml = "id: test\ntitle: {en: T, fr: T}\nversion: \"1\"\nextends: nope\nitems: []\n";
    let lines = diagnostics(yaml);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("  FILE:4:1: no built-in checklist is named `nope`"),
        "{lines:#?}"
    );
}

#[test]
fn disabling_an_item_no_parent_defines_is_an_error() {
    let yaml = "id: test\ntitle: {en: T, fr: T}\nversion: \"1\"\nextends: default\nitems:\n  - id: needs.nothing\n    disabled: true\n";
    let lines = diagnostics(yaml);
    assert_eq!(
        lines,
        ["  FILE:7:5: item `needs.nothing` is disabled but no checklist it extends defines it"]
    );
}

#[test]
fn missing_checklist_file_error_says_it_once() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let missing = repo.outside().join("missing.yaml");
    let output = repo.ospo(&["list", "--checklist", missing.to_str().unwrap()]);
    output.assert_error();
    assert_eq!(
        output.stderr.matches("No such file or directory").count(),
        1,
        "{}",
        output.all()
    );
}

//! The `dependency-licences` probe on fixture repositories: lockfiles, vendored crates and
//! installed Python packages, judged against the project's licence.

mod common;

use common::*;
use serde_json::{Value, json};

/// A licence text as a project ships it.
fn reference(id: &str) -> String {
    filled(spdx_text(id))
}

/// A package-lock.json (lockfileVersion 3) of `(name, version, licence, dev)` packages.
fn package_lock(packages: &[(&str, &str, Option<&str>, bool)]) -> String {
    let mut entries = serde_json::Map::new();
    entries.insert(
        String::new(),
        json!({"name": "app", "version": "1.0.0", "license": "MIT"}),
    );
    for (name, version, licence, dev) in packages {
        let mut entry = json!({"version": version});
        if let Some(licence) = licence {
            entry["license"] = json!(licence);
        }
        if *dev {
            entry["dev"] = json!(true);
        }
        entries.insert(format!("node_modules/{name}"), entry);
    }
    serde_json::to_string_pretty(&json!({
        "name": "app",
        "version": "1.0.0",
        "lockfileVersion": 3,
        "requires": true,
        "packages": entries,
    }))
    .unwrap()
}

/// Runs one `dependency-licences` item with `options` (a YAML flow mapping's inside) and
/// returns it.
fn check_with(repo: &Repo, options: &str) -> Value {
    let probe = if options.is_empty() {
        "{kind: dependency-licences}".to_owned()
    } else {
        format!("{{kind: dependency-licences, {options}}}")
    };
    let checklist = checklist_yaml(&[item_yaml("legal.dependencies", "recommended", 1, &probe)]);
    let path = repo.write_checklist("dependencies.yaml", &checklist);
    let (output, report) = repo.check_json(&path, &[]);
    assert_no_panic(&output);
    item(&report, "legal.dependencies").clone()
}

fn check(repo: &Repo) -> Value {
    check_with(repo, "")
}

/// The conflicts of an item's evidence, as (name, reason, source).
fn conflicts(item: &Value) -> Vec<(String, String, String)> {
    item["evidence"]["conflicts"]
        .as_array()
        .map(|conflicts| {
            conflicts
                .iter()
                .map(|conflict| {
                    (
                        conflict["name"].as_str().unwrap().to_owned(),
                        conflict["reason"].as_str().unwrap().to_owned(),
                        conflict["source"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn owned(name: &str, reason: &str, source: &str) -> (String, String, String) {
    (name.to_owned(), reason.to_owned(), source.to_owned())
}

#[test]
fn a_gpl_package_in_an_mit_project_fails_naming_it() {
    let lock = package_lock(&[
        ("left-pad", "1.3.0", Some("MIT"), false),
        ("readline-gpl", "2.1.0", Some("GPL-3.0-only"), false),
        ("ms", "2.1.3", Some("MIT"), false),
    ]);
    let repo = Repo::with_files(&[("LICENSE", reference("MIT")), ("package-lock.json", lock)]);
    let item = check(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        item["message"],
        "1 of 3 dependencies is a problem for the project's licence (MIT): \
         readline-gpl 2.1.0 (GPL-3.0-only: strong copyleft)"
    );
    let evidence = &item["evidence"];
    assert_eq!(evidence["type"], "dependencies");
    assert_eq!(evidence["project"], "MIT");
    assert_eq!(evidence["sources"], json!(["package-lock.json"]));
    assert_eq!(evidence["total"], 3);
    assert_eq!(evidence["by_licence"], json!({"GPL-3.0-only": 1, "MIT": 2}));
    assert_eq!(
        evidence["conflicts"],
        json!([{
            "name": "readline-gpl",
            "version": "2.1.0",
            "licence": "GPL-3.0-only",
            "reason": "strong-copyleft",
            "source": "package-lock.json"
        }])
    );
}

#[test]
fn messages_are_french_too() {
    let lock = package_lock(&[("readline-gpl", "2.1.0", Some("GPL-3.0-only"), false)]);
    let repo = Repo::with_files(&[("LICENSE", reference("MIT")), ("package-lock.json", lock)]);
    let checklist = checklist_yaml(&[item_yaml(
        "legal.dependencies",
        "recommended",
        1,
        "{kind: dependency-licences}",
    )]);
    let path = repo.write_checklist("dependencies.yaml", &checklist);
    let (_, report) = repo.check_json(&path, &["--lang", "fr"]);
    assert_eq!(
        item(&report, "legal.dependencies")["message"],
        "l'unique dépendance pose problème pour la licence du projet (MIT) : \
         readline-gpl 2.1.0 (GPL-3.0-only : copyleft fort)"
    );
}

#[test]
fn an_agpl_composer_package_in_an_apache_project_fails() {
    let lock = json!({
        "packages": [
            {"name": "symfony/console", "version": "v6.4.8", "license": ["MIT"]},
            {"name": "acme/network-kit", "version": "1.0.0", "license": ["AGPL-3.0-or-later"]}
        ],
        "packages-dev": []
    });
    let repo = Repo::with_files(&[
        ("LICENSE", reference("Apache-2.0")),
        ("composer.lock", lock.to_string()),
    ]);
    let item = check(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        conflicts(&item),
        [owned(
            "acme/network-kit",
            "strong-copyleft",
            "composer.lock"
        )]
    );
    assert_eq!(item["evidence"]["project"], "Apache-2.0");
}

#[test]
fn permissive_dependencies_pass_with_counts() {
    let lock = package_lock(&[
        ("a", "1.0.0", Some("MIT"), false),
        ("b", "1.0.0", Some("ISC"), false),
        ("c", "2.0.0", Some("(MIT OR Apache-2.0)"), false),
        ("d", "1.0.0", Some("MIT"), false),
        // Weak copyleft: using it does not put the project under it.
        ("e", "1.0.0", Some("MPL-2.0"), false),
    ]);
    let repo = Repo::with_files(&[("LICENSE", reference("MIT")), ("package-lock.json", lock)]);
    let item = check(&repo);
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        item["message"],
        "5 dependencies read from package-lock.json: none is a problem for the project's \
         licence (MIT)"
    );
    assert_eq!(item["evidence"]["total"], 5);
    assert_eq!(
        item["evidence"]["by_licence"],
        json!({"ISC": 1, "MIT": 2, "MIT OR Apache-2.0": 1, "MPL-2.0": 1})
    );
    assert!(item["evidence"].get("conflicts").is_none(), "{item}");
}

#[test]
fn an_unknown_licence_fails_unless_the_checklist_accepts_it() {
    let lock = package_lock(&[
        ("a", "1.0.0", Some("MIT"), false),
        ("mystery", "0.1.0", None, false),
        // "BSD" does not say which BSD licence: unknown too.
        ("vague", "0.2.0", Some("BSD"), false),
    ]);
    let repo = Repo::with_files(&[("LICENSE", reference("MIT")), ("package-lock.json", lock)]);
    let item = check(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        conflicts(&item),
        [
            owned("mystery", "unknown", "package-lock.json"),
            owned("vague", "unknown", "package-lock.json")
        ]
    );
    assert_eq!(
        item["message"],
        "2 of 3 dependencies are a problem for the project's licence (MIT): \
         mystery 0.1.0 (no licence stated), vague 0.2.0 (BSD: licence unknown)"
    );

    let item = check_with(&repo, "unknown: pass");
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        item["message"],
        "3 dependencies read from package-lock.json: none is a problem for the project's \
         licence (MIT); 2 of unknown licence accepted"
    );
    assert_eq!(item["evidence"]["by_licence"]["unknown"], 2);
}

#[test]
fn one_acceptable_branch_of_an_or_is_enough() {
    let lock = package_lock(&[
        ("dual", "1.0.0", Some("GPL-3.0-only OR MIT"), false),
        ("both", "1.0.0", Some("MIT AND GPL-2.0-or-later"), false),
    ]);
    let repo = Repo::with_files(&[("LICENSE", reference("MIT")), ("package-lock.json", lock)]);
    let item = check(&repo);
    // An AND needs every part: `both` is a problem, `dual` is not.
    assert_eq!(
        conflicts(&item),
        [owned("both", "strong-copyleft", "package-lock.json")]
    );
}

#[test]
fn development_dependencies_are_left_out_unless_asked_for() {
    let lock = package_lock(&[
        ("a", "1.0.0", Some("MIT"), false),
        ("gpl-test-runner", "5.0.0", Some("GPL-3.0-or-later"), true),
    ]);
    let repo = Repo::with_files(&[("LICENSE", reference("MIT")), ("package-lock.json", lock)]);
    let item = check(&repo);
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(item["evidence"]["total"], 1);
    assert_eq!(item["evidence"]["dev_left_out"], 1);
    assert_eq!(
        item["message"],
        "1 dependency read from package-lock.json: not a problem for the project's licence \
         (MIT); 1 development dependency left out"
    );

    let item = check_with(&repo, "include-dev: true");
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        conflicts(&item),
        [owned(
            "gpl-test-runner",
            "strong-copyleft",
            "package-lock.json"
        )]
    );

    // A library with no runtime dependency ships none.
    let lock = package_lock(&[("gpl-test-runner", "5.0.0", Some("GPL-3.0-or-later"), true)]);
    let repo = Repo::with_files(&[("LICENSE", reference("MIT")), ("package-lock.json", lock)]);
    let item = check(&repo);
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(
        item["message"],
        "no dependency to judge in package-lock.json; 1 development dependency left out"
    );
}

#[test]
fn a_gpl_project_takes_gpl_packages_of_a_version_it_allows() {
    let lock = package_lock(&[
        ("readline-gpl", "2.1.0", Some("GPL-3.0-only"), false),
        ("later", "1.0.0", Some("GPL-2.0-or-later"), false),
        ("network", "1.0.0", Some("AGPL-3.0-only"), false),
    ]);
    let repo = Repo::with_files(&[
        ("COPYING", reference("GPL-3.0")),
        ("package-lock.json", lock.clone()),
    ]);
    let item = check(&repo);
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(item["evidence"]["project"], "GPL-3.0");

    // GPL-2.0-only cannot become GPL-3.0, nor can a GPL-2.0-only project take GPL-3.0.
    let lock = package_lock(&[("old", "1.0.0", Some("GPL-2.0-only"), false)]);
    let repo = Repo::with_files(&[
        ("COPYING", reference("GPL-3.0")),
        ("package-lock.json", lock),
    ]);
    assert_eq!(
        conflicts(&check(&repo)),
        [owned("old", "strong-copyleft", "package-lock.json")]
    );
}

#[test]
fn proprietary_statements_and_licence_references_are_not_free() {
    let lock = package_lock(&[
        (
            "highcharts",
            "11.4.3",
            Some("SEE LICENSE IN LICENSE.txt"),
            false,
        ),
        ("internal", "1.0.0", Some("UNLICENSED"), false),
        ("acme-sdk", "2.0.0", Some("LicenseRef-Acme"), false),
        ("noncommercial", "1.0.0", Some("CC-BY-NC-4.0"), false),
        // Free for the FSF though not OSI-approved.
        ("zero", "1.0.0", Some("CC0-1.0"), false),
    ]);
    let repo = Repo::with_files(&[("LICENSE", reference("MIT")), ("package-lock.json", lock)]);
    let item = check(&repo);
    assert_eq!(
        conflicts(&item),
        [
            owned("acme-sdk", "not-free", "package-lock.json"),
            owned("highcharts", "not-free", "package-lock.json"),
            owned("internal", "not-free", "package-lock.json"),
            owned("noncommercial", "not-free", "package-lock.json"),
        ]
    );
    assert_eq!(
        item["evidence"]["conflicts"][1]["licence"],
        "SEE LICENSE IN LICENSE.txt"
    );
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .ends_with("(UNLICENSED: not a free licence), and 1 more"),
        "{item}"
    );

    // Allowed licences and ignored packages settle the rest.
    let item = check_with(
        &repo,
        "allow: [LicenseRef-Acme, CC-BY-NC-*], ignore: [highcharts, intern*]",
    );
    assert_eq!(item["status"], "pass", "{item}");
    assert_eq!(item["evidence"]["ignored"], 2);
}

#[test]
fn vendored_crates_and_installed_python_packages_are_read() {
    let repo = Repo::with_files(&[
        ("LICENSE", reference("MIT")),
        (
            "vendor/serde/Cargo.toml",
            "[package]\nname = \"serde\"\nversion = \"1.0.203\"\nlicense = \"MIT OR Apache-2.0\"\n"
                .to_owned(),
        ),
        (
            "vendor/serde/src/lib.rs",
            "// the crate's code\n".to_owned(),
        ),
        (
            "vendor/readline/Cargo.toml",
            "[package]\nname = \"readline\"\nversion = \"0.1.0\"\nlicense = \"GPL-3.0-or-later\"\n"
                .to_owned(),
        ),
        (
            ".venv/lib/python3.12/site-packages/six-1.16.0.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\nLicense: MIT\n".to_owned(),
        ),
        (
            ".venv/lib/python3.12/site-packages/idna-3.7.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: idna\nVersion: 3.7\n\
             Classifier: License :: OSI Approved :: BSD License\n"
                .to_owned(),
        ),
        (
            ".venv/lib/python3.12/site-packages/six.py",
            "# not metadata\n".to_owned(),
        ),
    ]);
    let item = check(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        item["evidence"]["sources"],
        json!([
            ".venv/lib/python3.12/site-packages/*.dist-info/METADATA",
            "vendor/*/Cargo.toml"
        ])
    );
    assert_eq!(item["evidence"]["total"], 4);
    assert_eq!(
        conflicts(&item),
        [
            owned(
                "idna",
                "unknown",
                ".venv/lib/python3.12/site-packages/idna-3.7.dist-info/METADATA"
            ),
            owned("readline", "strong-copyleft", "vendor/readline/Cargo.toml"),
        ]
    );
    assert_eq!(item["evidence"]["conflicts"][0]["licence"], "BSD License");

    // A commit's tree gives the same answer as the worktree.
    let bare = repo.bare_clone();
    let checklist = repo.write_checklist(
        "bare.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.dependencies",
            "recommended",
            1,
            "{kind: dependency-licences}",
        )]),
    );
    let (_, report) = repo.check_json(&checklist, &[bare.to_str().unwrap()]);
    assert_eq!(
        common::item(&report, "legal.dependencies")["evidence"],
        item["evidence"]
    );
}

#[test]
fn an_ignored_virtual_environment_is_not_read() {
    let repo = Repo::with_files(&[
        ("LICENSE", reference("MIT")),
        (".gitignore", ".venv/\n".to_owned()),
    ]);
    repo.write(
        ".venv/lib/python3.12/site-packages/gpl_thing-1.0.dist-info/METADATA",
        "Name: gpl-thing\nVersion: 1.0\nLicense-Expression: GPL-3.0-only\n",
    );
    assert_eq!(check(&repo)["status"], "skip");
}

#[test]
fn without_a_lockfile_there_is_nothing_to_read() {
    let repo = Repo::with_files(&[
        ("LICENSE", reference("MIT")),
        (
            "package.json",
            r#"{"name": "app", "license": "MIT"}"#.to_owned(),
        ),
    ]);
    let item = check(&repo);
    assert_eq!(item["status"], "skip", "{item}");
    assert_eq!(
        item["message"],
        "nothing to read offline: no package-lock.json, npm-shrinkwrap.json or composer.lock \
         at the root, no vendor/*/Cargo.toml, no *.dist-info/METADATA in .venv, venv or \
         site-packages"
    );
}

#[test]
fn a_malformed_lockfile_fails_naming_the_file() {
    let repo = Repo::with_files(&[
        ("LICENSE", reference("MIT")),
        (
            "package-lock.json",
            "{\n  \"lockfileVersion\": 3,\n  \"packages\": {,}\n}".to_owned(),
        ),
        (
            "composer.lock",
            json!({"packages": [{"name": "a/b", "version": "1.0.0", "license": ["MIT"]}]})
                .to_string(),
        ),
    ]);
    let item = check(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        item["message"],
        "cannot read package-lock.json: package-lock.json is not valid JSON: key must be a \
         string at line 3 column 16"
    );
    assert_eq!(
        item["evidence"]["unreadable"],
        json!([{
            "path": "package-lock.json",
            "error": "package-lock.json is not valid JSON: key must be a string at line 3 column 16"
        }])
    );
    // What could be read is still counted.
    assert_eq!(item["evidence"]["sources"], json!(["composer.lock"]));
    assert_eq!(item["evidence"]["total"], 1);

    // A lockfile of npm 6 states no licences: not a pass either.
    let repo = Repo::with_files(&[(
        "package-lock.json",
        r#"{"lockfileVersion": 1, "dependencies": {}}"#.to_owned(),
    )]);
    let item = check(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot read package-lock.json: package-lock.json has lockfileVersion 1"),
        "{item}"
    );
}

#[test]
fn a_project_without_a_licence_takes_no_strong_copyleft() {
    let lock = package_lock(&[
        ("a", "1.0.0", Some("MIT"), false),
        ("readline-gpl", "2.1.0", Some("GPL-3.0-only"), false),
    ]);
    let repo = Repo::with_files(&[("package-lock.json", lock)]);
    let item = check(&repo);
    assert_eq!(item["status"], "fail", "{item}");
    assert_eq!(
        item["message"],
        "1 of 2 dependencies is a problem for the project, whose licence is not identified: \
         readline-gpl 2.1.0 (GPL-3.0-only: strong copyleft)"
    );
    assert!(item["evidence"].get("project").is_none());
}

#[test]
fn options_are_checked_when_the_checklist_loads() {
    let repo = Repo::with_files(&[("README.md", "# x\n".to_owned())]);
    let checklist = repo.write_checklist(
        "bad.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.dependencies",
            "recommended",
            1,
            "{kind: dependency-licences, allow: [MIT, MTI], unknown: maybe}",
        )]),
    );
    let output = repo.ospo(&["list", "--checklist", &checklist]);
    output.assert_error();
    assert!(output.stderr.contains("bad.yaml:"), "{}", output.all());
    assert!(output.stderr.contains("maybe"), "{}", output.all());

    let checklist = repo.write_checklist(
        "bad-id.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.dependencies",
            "recommended",
            1,
            "{kind: dependency-licences, allow: [MIT, MTI]}",
        )]),
    );
    let output = repo.ospo(&["list", "--checklist", &checklist]);
    output.assert_error();
    assert!(
        output
            .stderr
            .contains("`MTI` is not an SPDX licence id, a `LicenseRef-…` or a pattern with `*`"),
        "{}",
        output.all()
    );

    let checklist = repo.write_checklist(
        "everything.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.dependencies",
            "recommended",
            1,
            "{kind: dependency-licences, allow: ['*']}",
        )]),
    );
    let output = repo.ospo(&["list", "--checklist", &checklist]);
    output.assert_error();
    assert!(
        output.stderr.contains("would accept every licence"),
        "{}",
        output.all()
    );
}

//! The `licence` probe on fixture repositories: which licence, how files and manifests
//! combine, and policies.

mod common;

use common::*;
use serde_json::Value;

/// A licence text as a project ships it.
fn reference(id: &str) -> String {
    filled(spdx_text(id))
}

/// Runs three licence items (identified, declared, and `policy` as given) and returns
/// them by check.
fn licence_items(repo: &Repo, policy: &str) -> (Value, Value, Value) {
    let items = [
        item_yaml("legal.identified", "required", 1, "{kind: licence}"),
        item_yaml(
            "legal.declared",
            "recommended",
            1,
            "{kind: licence, check: declared}",
        ),
        item_yaml("legal.policy", "recommended", 1, policy),
    ];
    let checklist = repo.write_checklist("licence.yaml", &checklist_yaml(&items));
    let (_, report) = repo.check_json(&checklist, &[]);
    (
        item(&report, "legal.identified").clone(),
        item(&report, "legal.declared").clone(),
        item(&report, "legal.policy").clone(),
    )
}

const OSI: &str = "{kind: licence, check: policy, osi-approved: true}";

fn classes(item: &Value) -> Vec<(String, String)> {
    item["evidence"]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["class"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn dual_licence_files_take_the_expression_the_manifest_declares() {
    let repo = Repo::with_files(&[
        ("LICENSE-MIT", reference("MIT")),
        ("LICENSE-APACHE", reference("Apache-2.0")),
        (
            "Cargo.toml",
            "[package]\nname = \"x\"\nversion = \"0.1.0\"\nlicense = \"MIT OR Apache-2.0\"\n"
                .into(),
        ),
    ]);
    let (identified, declared, policy) = licence_items(&repo, OSI);
    assert_eq!(identified["status"], "pass", "{identified}");
    assert_eq!(identified["evidence"]["expression"], "MIT OR Apache-2.0");
    assert_eq!(
        classes(&identified),
        [
            ("LICENSE-APACHE".to_owned(), "exact".to_owned()),
            ("LICENSE-MIT".to_owned(), "exact".to_owned())
        ]
    );
    assert_eq!(declared["status"], "pass", "{declared}");
    assert_eq!(declared["evidence"]["declared"][0]["file"], "Cargo.toml");
    assert_eq!(policy["status"], "pass", "{policy}");
}

#[test]
fn a_manifest_that_disagrees_with_the_licence_file_fails() {
    let repo = Repo::with_files(&[
        ("LICENSE", reference("Apache-2.0")),
        ("package.json", r#"{"name": "x", "license": "MIT"}"#.into()),
    ]);
    let (identified, declared, _) = licence_items(&repo, OSI);
    assert_eq!(identified["status"], "pass");
    assert_eq!(identified["evidence"]["expression"], "Apache-2.0");
    assert_eq!(declared["status"], "fail");
    assert_eq!(
        declared["message"],
        "package.json declares MIT, but the licence files hold Apache-2.0"
    );
}

#[test]
fn modified_home_made_unfilled_and_notice_only_licences() {
    let modified = reference("MIT").replace(
        "The above copyright notice",
        "The Software shall not be used for evil, nor by any military organisation. The above copyright notice",
    );
    let cases = [
        (modified, "modified", "fail"),
        (
            "Copyright 2024 Jeanne Dupont\n\nYou may read this code. Do not copy it, sell it or \
             change it without asking me first, in writing, and I may say no.\n"
                .to_owned(),
            "unrecognised",
            "fail",
        ),
        (
            reference("MIT").replace("2024 Jeanne Dupont", "[year] [fullname]"),
            "template-unfilled",
            "fail",
        ),
        (
            "Licensed under the Apache License, Version 2.0: see https://www.apache.org/licenses/LICENSE-2.0\n".to_owned(),
            "notice-only",
            "warn",
        ),
    ];
    for (text, class, status) in cases {
        let repo = Repo::with_files(&[("LICENSE", text)]);
        let (identified, _, _) = licence_items(&repo, OSI);
        assert_eq!(
            classes(&identified),
            [("LICENSE".to_owned(), class.to_owned())]
        );
        assert_eq!(identified["status"], status, "{identified}");
    }
}

#[test]
fn a_checklist_may_make_a_modified_licence_a_warning() {
    let modified = reference("MIT").replace(
        "The above copyright notice",
        "The Software shall not be used for evil, nor by any military organisation. The above copyright notice",
    );
    let repo = Repo::with_files(&[("LICENSE", modified)]);
    let checklist = repo.write_checklist(
        "lenient.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.identified",
            "required",
            1,
            "{kind: licence, modified: warn}",
        )]),
    );
    let (output, report) = repo.check_json(&checklist, &[]);
    // A warning does not fail a required item, and counts as passed.
    output.assert_code(0);
    assert_eq!(status(&report, "legal.identified"), "warn");
    assert_eq!(report["counts"]["warn"], 1);
    assert_eq!(report["score"], 100.0);
    assert_eq!(
        item(&report, "legal.identified")["message"],
        "LICENSE is a modified MIT: a changed licence is a home-made one; use the MIT text as published"
    );
    // The terminal report lists it with what to do.
    let terminal = repo.ospo(&["check", "--checklist", &checklist, "--color", "never"]);
    let text = &terminal.stdout;
    assert!(text.contains("⚠ warn"), "{text}");
    assert!(text.contains("What to do next"), "{text}");

    // `modified` belongs to the `identified` check.
    let wrong = repo.write_checklist(
        "wrong.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.policy",
            "required",
            1,
            "{kind: licence, check: policy, osi-approved: true, modified: warn}",
        )]),
    );
    let output = repo.ospo(&["check", "--checklist", &wrong]);
    let stderr = &output.stderr;
    output.assert_code(2);
    assert!(
        stderr.contains("`modified` applies to `check: identified` only"),
        "{stderr}"
    );
}

#[test]
fn appended_licences_and_a_licences_folder() {
    let appended = format!(
        "{}\n\n{}",
        reference("Apache-2.0"),
        reference("BSD-3-Clause")
    );
    let repo = Repo::with_files(&[("LICENSE", appended)]);
    let (identified, _, _) = licence_items(&repo, OSI);
    assert_eq!(
        classes(&identified),
        [("LICENSE".to_owned(), "appended".to_owned())]
    );
    assert_eq!(
        identified["evidence"]["expression"],
        "Apache-2.0 AND BSD-3-Clause"
    );
    assert_eq!(identified["status"], "pass");

    // REUSE: the texts in LICENSES/, no licence file at the root.
    let repo = Repo::with_files(&[("LICENSES/EUPL-1.2.txt", reference("EUPL-1.2"))]);
    let (identified, _, _) = licence_items(&repo, OSI);
    assert_eq!(identified["status"], "pass", "{identified}");
    assert_eq!(identified["evidence"]["expression"], "EUPL-1.2");
}

#[test]
fn a_gnu_text_names_its_family_until_the_project_says_which() {
    let repo = Repo::with_files(&[("COPYING", reference("GPL-3.0"))]);
    let (identified, _, _) = licence_items(&repo, OSI);
    assert_eq!(identified["evidence"]["expression"], "GPL-3.0");
    assert_eq!(
        identified["evidence"]["files"][0]["licences"][0]["family"],
        true
    );

    let repo = Repo::with_files(&[
        ("COPYING", reference("GPL-3.0")),
        (
            "README.md",
            "# x\n\nThis program is free software: you can redistribute it under the terms of \
             the GNU General Public License, either version 3 of the License, or (at your \
             option) any later version.\n"
                .into(),
        ),
    ]);
    let (identified, _, _) = licence_items(&repo, OSI);
    assert_eq!(identified["evidence"]["expression"], "GPL-3.0-or-later");

    // Else the SPDX headers of the source files say which.
    let repo = Repo::with_files(&[
        ("COPYING", reference("GPL-3.0")),
        ("README.md", "# x
".to_owned()),
        (
            "src/main.c",
            "/* SPDX-License-Identifier: GPL-3.0-only */\nint main(void) { return 0; }\n"
                .to_owned(),
        ),
        (
            "src/util.c",
            "// SPDX-FileCopyrightText: 2026 Jeanne Dupont\n// SPDX-License-Identifier: GPL-3.0-only\n"
                .to_owned(),
        ),
    ]);
    let (identified, _, _) = licence_items(&repo, OSI);
    assert_eq!(identified["evidence"]["expression"], "GPL-3.0-only");
    // A README naming the licence without its variant leaves it to the headers.
    repo.write(
        "README.md",
        "# x\n\nx is released under the GNU General Public License v3.\n",
    );
    repo.commit("Name the licence in the README");
    let (identified, declared, _) = licence_items(&repo, OSI);
    assert_eq!(identified["evidence"]["expression"], "GPL-3.0-only");
    assert_eq!(declared["status"], "pass", "{declared}");
    // Headers that disagree leave the family open.
    repo.write(
        "src/util.c",
        "// SPDX-License-Identifier: GPL-3.0-or-later\nint util;\n",
    );
    repo.commit("Relicense util.c");
    let (identified, _, _) = licence_items(&repo, OSI);
    assert_eq!(identified["evidence"]["expression"], "GPL-3.0");
}

#[test]
fn policies_accept_or_refuse_the_licence() {
    let wtfpl = Repo::with_files(&[("LICENSE", reference("WTFPL"))]);
    let (identified, _, policy) = licence_items(&wtfpl, OSI);
    assert_eq!(identified["evidence"]["expression"], "WTFPL");
    assert_eq!(policy["status"], "fail", "{policy}");
    assert_eq!(
        policy["message"],
        "WTFPL is not accepted by the policy: WTFPL is not approved by the OSI"
    );

    let gpl = Repo::with_files(&[("COPYING", reference("GPL-3.0"))]);
    let (_, _, policy) = licence_items(&gpl, "{kind: licence, check: policy, copyleft: denied}");
    assert_eq!(policy["status"], "fail");
    assert_eq!(
        policy["message"],
        "GPL-3.0 is not accepted by the policy: GPL-3.0-only is a copyleft licence, which the policy denies"
    );
    // The family passes an allow list only when both variants are on it.
    let (_, _, policy) = licence_items(
        &gpl,
        "{kind: licence, check: policy, allow: [GPL-3.0-only]}",
    );
    assert_eq!(policy["status"], "fail");
    assert_eq!(
        policy["message"],
        "GPL-3.0 is not accepted by the policy: GPL-3.0-or-later is not on the allowed list"
    );
    // For OR, one side is enough; the reason names the side refused.
    let dual = Repo::with_files(&[
        ("LICENSE-MIT", reference("MIT")),
        ("LICENSE-WTFPL", reference("WTFPL")),
        (
            "package.json",
            r#"{"name": "x", "license": "MIT OR WTFPL"}"#.to_owned(),
        ),
    ]);
    let (_, _, policy) = licence_items(&dual, OSI);
    assert_eq!(policy["status"], "pass", "{policy}");
    assert_eq!(policy["message"], "MIT OR WTFPL is accepted by the policy");
    let (_, _, policy) =
        licence_items(&gpl, "{kind: licence, check: policy, allow: ['GPL-3.0-*']}");
    assert_eq!(policy["status"], "pass", "{policy}");
}

#[test]
fn no_licence_file_fails_identification_and_policy() {
    let repo = Repo::with_files(&[("README.md", "# x\n".to_owned())]);
    let (identified, declared, policy) = licence_items(&repo, OSI);
    assert_eq!(identified["status"], "fail");
    // Nothing declared, nothing to compare.
    assert_eq!(declared["status"], "skip");
    assert_eq!(policy["status"], "fail");
}

#[test]
fn policy_parameters_without_a_policy_check_are_located_errors() {
    let repo = Repo::with_files(&[("README.md", "# x\n".to_owned())]);
    let checklist = repo.write_checklist(
        "bad.yaml",
        &checklist_yaml(&[item_yaml(
            "legal.x",
            "required",
            1,
            "{kind: licence, osi-approved: true}",
        )]),
    );
    let output = repo.ospo(&["list", "--checklist", &checklist]);
    output.assert_error();
    assert!(
        output.stderr.contains("need `check: policy`"),
        "{}",
        output.all()
    );
    assert!(output.stderr.contains("bad.yaml:"), "{}", output.all());
}

#[test]
fn the_readme_states_the_licence_in_words_and_must_agree() {
    let repo = Repo::with_files(&[
        ("LICENSE", reference("Apache-2.0")),
        (
            "README.md",
            "# x\n\n## License\n\nThe MIT License; see LICENSE.\n".to_owned(),
        ),
        (
            "README.fr.md",
            "# x\n\nCe logiciel est publié sous licence Apache 2.0.\n".to_owned(),
        ),
    ]);
    let (_, declared, _) = licence_items(&repo, OSI);
    assert_eq!(declared["status"], "fail", "{declared}");
    assert_eq!(
        declared["message"],
        "README.md declares MIT, but the licence files hold Apache-2.0"
    );
    assert_eq!(
        declared["evidence"]["declared"],
        serde_json::json!([{
            "file": "README.md",
            "expression": "MIT",
            "stated": "The MIT License; see LICENSE."
        }])
    );

    repo.write(
        "README.md",
        "# x\n\nx est distribué sous la licence Apache 2.0.\n",
    );
    repo.commit("Fix the README");
    let (_, declared, _) = licence_items(&repo, OSI);
    assert_eq!(declared["status"], "pass", "{declared}");
}

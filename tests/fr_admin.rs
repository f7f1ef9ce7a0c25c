//! The built-in `fr-admin` checklist: the default one, plus the licences a French
//! administration may use (CRPA article D323-2-1) and the files code.gouv.fr expects.

mod common;

use common::*;

/// A complete project whose licence file (and REUSE information) holds `licence`
/// instead of MIT.
fn complete_project_under(licence: &str) -> Repo {
    relicense(complete_project(), licence, &filled(spdx_text(licence)))
}

fn relicense(repo: Repo, id: &str, text: &str) -> Repo {
    repo.write("LICENSE", text);
    repo.remove("LICENSES/MIT.txt");
    repo.write(&format!("LICENSES/{id}.txt"), text);
    repo.write("publiccode.yml", &publiccode_under(id));
    repo.write(
        "REUSE.toml",
        &format!(
            "version = 1\n\n[[annotations]]\npath = \"**\"\nSPDX-FileCopyrightText = \"2026 Example contributors\"\nSPDX-License-Identifier = \"{id}\"\n"
        ),
    );
    repo.commit("Change the licence");
    repo
}

fn failed_required(report: &serde_json::Value) -> Vec<String> {
    strings(&report["failed_required"])
}

#[test]
fn fr_admin_is_selected_by_name_and_passes_a_complete_mit_project() {
    let repo = complete_project();
    let (output, report) = repo.check_json("fr-admin", &[]);
    assert_eq!(report["checklist"]["id"], "fr-admin", "{report:#}");
    assert_eq!(report["checklist"]["source"], "builtin:fr-admin");
    assert_eq!(failed_required(&report), Vec::<String>::new());
    output.assert_code(0);
    assert_eq!(status(&report, "legal.administration-licence"), "pass");
    // It extends the default checklist: every default item is there too.
    let ids: Vec<String> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    for id in default_item_ids() {
        assert!(ids.contains(&id), "{id} missing from fr-admin");
    }
    // Each item links to its documentation: the inherited ones keep the default links,
    // the licence list points at the CRPA section that sets it.
    for item in report["items"].as_array().unwrap() {
        assert!(
            item["help_url"]
                .as_str()
                .is_some_and(|url| url.starts_with("https://")),
            "{item:#}"
        );
    }
    assert!(
        item(&report, "legal.administration-licence")["help_url"]
            .as_str()
            .unwrap()
            .starts_with("https://www.legifrance.gouv.fr/")
    );
    assert_eq!(
        item(&report, "community.governance")["help_url"],
        "https://opensource.guide/leadership-and-governance/"
    );
    // And raises what the State's guidance expects.
    assert_eq!(item(&report, "community.governance")["level"], "required");
    assert_eq!(
        item(&report, "legal.recognised-licence")["level"],
        "required"
    );
}

#[test]
fn fr_admin_fails_a_wtfpl_project() {
    let repo = complete_project_under("WTFPL");
    let (output, report) = repo.check_json("fr-admin", &[]);
    output.assert_code(1);
    // The licence is recognised: it is the decree's list that refuses it.
    assert_eq!(status(&report, "legal.recognised-licence"), "pass");
    assert_eq!(
        item(&report, "legal.administration-licence")["message"],
        "WTFPL is not accepted by the policy: WTFPL is not on the allowed list"
    );
    assert_eq!(failed_required(&report), ["legal.administration-licence"]);
    // The default checklist does not require it: the same project passes there.
    let (output, _) = repo.check_json("default", &[]);
    output.assert_code(0);
}

#[test]
fn fr_admin_accepts_the_eupl_cecill_and_a_gnu_family() {
    for licence in ["EUPL-1.2", "CECILL-2.1", "GPL-3.0", "MPL-2.0"] {
        let repo = complete_project_under(licence);
        let (_, report) = repo.check_json("fr-admin", &[]);
        let item = item(&report, "legal.administration-licence");
        assert_eq!(item["status"], "pass", "{licence}: {item:#}");
        assert_eq!(
            status(&report, "legal.recognised-licence"),
            "pass",
            "{licence}"
        );
    }
}

#[test]
fn fr_admin_accepts_the_french_cecill_text_with_a_warning() {
    let repo = relicense(
        complete_project(),
        "CECILL-2.1",
        &format!(
            "CONTRAT DE LICENCE DE LOGICIEL LIBRE CeCILL\n\nVersion 2.1 du 2013-06-21\n\n{FRENCH_BODY}"
        ),
    );
    repo.write(
        "README.md",
        &complete_project_files()
            .into_iter()
            .find(|(path, _)| path == "README.md")
            .unwrap()
            .1
            .replace("MIT licence", "CeCILL 2.1 licence"),
    );
    repo.commit("Licence CeCILL");
    let (output, report) = repo.check_json("fr-admin", &[]);
    output.assert_code(0);
    let recognised = item(&report, "legal.recognised-licence");
    assert_eq!(recognised["status"], "warn", "{recognised:#}");
    assert_eq!(recognised["evidence"]["files"][0]["class"], "translated");
    assert_eq!(recognised["evidence"]["expression"], "CECILL-2.1");
    assert_eq!(status(&report, "legal.administration-licence"), "pass");
}

#[test]
fn fr_admin_refuses_a_licence_off_the_list_even_when_osi_approved() {
    let repo = complete_project_under("Zlib");
    let (output, report) = repo.check_json("fr-admin", &[]);
    output.assert_code(1);
    assert_eq!(status(&report, "legal.free-licence"), "pass");
    assert_eq!(status(&report, "legal.administration-licence"), "fail");
}

#[test]
fn fr_admin_reports_in_french() {
    let repo = complete_project_under("WTFPL");
    let (output, report) = repo.check_json("fr-admin", &["--lang", "fr"]);
    output.assert_code(1);
    let item = item(&report, "legal.administration-licence");
    assert_eq!(
        item["title"],
        "La licence figure dans la liste fixée par décret pour les administrations"
    );
    assert_eq!(
        item["message"],
        "WTFPL n'est pas acceptée par la politique : WTFPL ne figure pas dans la liste des licences autorisées"
    );
}

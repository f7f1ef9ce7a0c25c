//! The texts `ospo init` copies as published (`src/remedy/verbatim.rs`): every licence
//! template named exactly by the check that reads it back, the Developer Certificate of
//! Origin and the Contributor Covenant word for word, and the release binary stripped.

mod common;

use common::{Repo, item, status};
use ospo::i18n::Lang;
use ospo::remedy::verbatim::{LICENCES, code_of_conduct, dco, licence};
use serde_json::Value;

/// A README of about 300 bytes that names no licence, as a new project's.
const README: &str = "\
# Tidy

Tidy is a small command-line tool that tidies up text files: it trims trailing spaces,
normalises line endings and wraps long paragraphs, so that every file of a documentation
tree reads the same. Run `tidy docs/` to tidy a directory in place.
";

const HOLDER: &str = "Jeanne Dupont";

/// The item `legal.recognised-licence` of a check of `repo` with the default checklist.
fn recognised_licence(repo: &Repo) -> Value {
    let output = repo.ospo(&["check", "--format", "json"]);
    assert!(output.code == 0 || output.code == 1, "{}", output.all());
    item(&output.json(), "legal.recognised-licence").clone()
}

#[test]
fn every_licence_template_is_named_exactly_by_the_check() {
    assert!(LICENCES.len() >= 26, "{LICENCES:?}");
    for id in LICENCES {
        let text = licence(id, 2026, HOLDER).unwrap_or_else(|| panic!("no text for {id}"));
        let mut files = vec![("README.md", README.to_owned()), ("LICENSE", text)];
        // A GNU text is the same for -only and -or-later: the project declares which, here
        // in its manifest (src/probe/licence.rs reads manifests, the README's words and
        // SPDX headers for it).
        let gnu = id.ends_with("-only") || id.ends_with("-or-later");
        if gnu {
            files.push((
                "Cargo.toml",
                format!("[package]\nname = \"tidy\"\nversion = \"0.1.0\"\nlicense = \"{id}\"\n"),
            ));
        }
        let repo = Repo::with_files(&files);
        let item = recognised_licence(&repo);
        assert_eq!(item["status"], "pass", "{id}: {item:#}");
        let evidence = &item["evidence"];
        assert_eq!(evidence["expression"], *id, "{id}: {item:#}");
        let licence_files = evidence["files"].as_array().expect("files");
        assert_eq!(licence_files.len(), 1, "{id}: {item:#}");
        assert_eq!(licence_files[0]["path"], "LICENSE");
        assert_eq!(licence_files[0]["class"], "exact", "{id}: {item:#}");
        let found = &licence_files[0]["licences"][0];
        let family = id.trim_end_matches("-only").trim_end_matches("-or-later");
        assert_eq!(found["id"], family, "{id}: {item:#}");
        assert!(found["score"].as_f64().unwrap() >= 0.98, "{id}: {item:#}");
    }
}

#[test]
fn a_gnu_licence_alone_is_named_as_its_family() {
    // What the LICENSE cannot say, something else must: without a declaration the check
    // names the family, and says nothing of -only or -or-later.
    let text = licence("GPL-3.0-or-later", 2026, HOLDER).unwrap();
    assert_eq!(licence("GPL-3.0-only", 2026, HOLDER).unwrap(), text);
    let repo = Repo::with_files(&[("README.md", README), ("LICENSE", &text)]);
    let item = recognised_licence(&repo);
    assert_eq!(item["status"], "pass", "{item:#}");
    assert_eq!(item["evidence"]["expression"], "GPL-3.0", "{item:#}");
    assert_eq!(item["evidence"]["files"][0]["licences"][0]["family"], true);
}

#[test]
fn the_year_and_the_holder_fill_the_copyright_line() {
    let line = |id: &str| {
        licence(id, 2026, HOLDER)
            .unwrap()
            .lines()
            .find(|line| line.starts_with("Copyright"))
            .map(str::to_owned)
    };
    assert_eq!(line("MIT").unwrap(), "Copyright (c) 2026 Jeanne Dupont");
    assert_eq!(
        line("BSD-2-Clause").unwrap(),
        "Copyright (c) 2026 Jeanne Dupont"
    );
    assert_eq!(
        line("BSD-3-Clause").unwrap(),
        "Copyright (c) 2026 Jeanne Dupont."
    );
    assert_eq!(line("ISC").unwrap(), "Copyright 2026 Jeanne Dupont");
    assert_eq!(line("0BSD").unwrap(), "Copyright (C) 2026 by Jeanne Dupont");
    // The FSF's own notice is the GNU licences' first copyright line, and stays.
    assert_eq!(
        line("GPL-2.0-only").unwrap(),
        "Copyright (C) 1989, 1991 Free Software Foundation, Inc."
    );
    // Apache-2.0's appendix shows how to apply the licence to a file: as published.
    let apache = licence("Apache-2.0", 2026, HOLDER).unwrap();
    assert!(apache.starts_with("Apache License\nVersion 2.0, January 2004\n"));
    assert!(apache.contains("Copyright [yyyy] [name of copyright owner]"));
    assert!(!apache.contains(HOLDER));

    // Only the placeholders change: the MIT text is the SPDX list's, byte for byte.
    let published = common::spdx_text("MIT");
    let mit = licence("MIT", 2026, HOLDER).unwrap();
    assert_eq!(
        mit,
        published.replace("<year> <copyright holders>", "2026 Jeanne Dupont")
    );
    // A holder on several lines stays on the copyright line; an empty one is marked.
    let mit = licence("MIT", 2026, "Jeanne Dupont\n\nTHE SOFTWARE IS YOURS").unwrap();
    assert!(mit.contains("Copyright (c) 2026 Jeanne Dupont THE SOFTWARE IS YOURS\n"));
    assert_eq!(mit.lines().count(), published.lines().count());
    let unknown = licence("ISC", 2026, "  ").unwrap();
    assert!(
        unknown.contains("Copyright 2026 TODO(ospo): the copyright holder's name\n"),
        "{unknown}"
    );
}

#[test]
fn licence_ids_are_read_regardless_of_case_and_others_have_no_text() {
    for id in LICENCES {
        let text = licence(id, 2026, HOLDER).unwrap();
        assert_eq!(licence(&id.to_lowercase(), 2026, HOLDER).unwrap(), text);
        assert_eq!(licence(&id.to_uppercase(), 2026, HOLDER).unwrap(), text);
        assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{id}");
        // The same input, the same bytes.
        assert_eq!(licence(id, 2026, HOLDER).unwrap(), text);
    }
    for other in [
        "",
        "GPL-3.0",
        "GPL-3.0+",
        "MIT OR Apache-2.0",
        "LicenseRef-home-made",
        "WTFPL",
    ] {
        assert_eq!(licence(other, 2026, HOLDER), None, "{other}");
    }
}

#[test]
fn the_dco_is_the_published_text() {
    let text = dco();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Developer Certificate of Origin");
    assert_eq!(lines[1], "Version 1.1");
    assert_eq!(
        lines[3],
        "Copyright (C) 2004, 2006 The Linux Foundation and its contributors."
    );
    assert_eq!(lines[9], "Developer's Certificate of Origin 1.1");
    assert_eq!(
        *lines.last().unwrap(),
        "    this project or the open source license(s) involved."
    );
    assert_eq!(lines.len(), 34);
    assert_eq!(text.len(), 1366);
    assert!(text.ends_with("involved.\n"));
    assert!(!text.contains(ospo::remedy::TODO));
}

/// The code of conduct's published text, as `data/templates/` holds it.
fn published_code_of_conduct(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (
            include_str!("../data/templates/code_of_conduct.en.md"),
            "[INSERT CONTACT METHOD]",
        ),
        Lang::Fr => (
            include_str!("../data/templates/code_of_conduct.fr.md"),
            "[INSÉRER UNE ADRESSE EMAIL]",
        ),
    }
}

#[test]
fn the_code_of_conduct_is_the_contributor_covenant_with_its_contact_filled() {
    let contact = "conduct@tidy.example";
    for (lang, title, length, attribution) in [
        (
            Lang::En,
            "# Contributor Covenant Code of Conduct",
            5487,
            "This Code of Conduct is adapted from the [Contributor Covenant][homepage],",
        ),
        (
            Lang::Fr,
            "# Code de conduite _Contributor Covenant_",
            6737,
            "[Contributor Covenant][homepage], version 2.1,",
        ),
    ] {
        let (published, placeholder) = published_code_of_conduct(lang);
        assert_eq!(published.len(), length, "{lang:?}");
        assert_eq!(published.matches(placeholder).count(), 1, "{lang:?}");

        let filled = code_of_conduct(lang, Some(contact));
        assert!(filled.starts_with(&format!("{title}\n\n")), "{lang:?}");
        assert_eq!(filled, published.replace(placeholder, contact), "{lang:?}");
        assert!(filled.contains(&format!("\n{contact}.\n")), "{lang:?}");
        assert!(!filled.contains("TODO(ospo)"), "{lang:?}");
        assert!(filled.contains(attribution), "{lang:?}");
        assert!(filled.contains(
            "[v2.1]: https://www.contributor-covenant.org/version/2/1/code_of_conduct.html\n"
        ));
        assert!(
            filled.ends_with("[translations]: https://www.contributor-covenant.org/translations\n")
        );

        // No contact: the place is marked, saying what to write, on the same line.
        let marked = code_of_conduct(lang, None);
        assert!(!marked.contains(placeholder), "{lang:?}");
        let line = marked
            .lines()
            .find(|line| line.contains("TODO(ospo)"))
            .expect("a mark");
        assert!(line.starts_with("TODO(ospo): "), "{line}");
        assert!(line.ends_with('.') && line.len() > 40, "{line}");
        assert_eq!(marked.matches("TODO(ospo)").count(), 1);
        assert_eq!(marked.lines().count(), published.lines().count());
        // An empty contact is none, and a contact cannot add lines.
        assert_eq!(code_of_conduct(lang, Some(" \n")), marked);
        let sneaky = code_of_conduct(lang, Some("conduct@tidy.example\n\n## Our Pledge\n"));
        assert_eq!(sneaky.lines().count(), published.lines().count());
    }
    let french = code_of_conduct(Lang::Fr, None);
    assert!(french.contains("## Notre engagement\n"));
    assert!(french.contains("TODO(ospo): l'adresse électronique"));
}

#[test]
fn the_drafted_texts_satisfy_the_items_they_are_for() {
    let mut files = vec![
        ("README.md", README.to_owned()),
        ("LICENSE", licence("EUPL-1.2", 2026, HOLDER).unwrap()),
        ("DCO", dco().to_owned()),
    ];
    for (lang, contact) in [
        (Lang::Fr, Some("moderation@tidy.example")),
        (Lang::En, None),
    ] {
        files.push(("CODE_OF_CONDUCT.md", code_of_conduct(lang, contact)));
        let repo = Repo::with_files(&files);
        let output = repo.ospo(&["check", "--format", "json"]);
        let report = output.json();
        assert_eq!(status(&report, "legal.licence-file"), "pass");
        assert_eq!(status(&report, "legal.recognised-licence"), "pass");
        assert_eq!(status(&report, "legal.cla-or-dco-document"), "pass");
        // The contact, when there is one, is what the item looks for; the mark is not,
        // and a file that still holds one may warn that it does.
        let (conduct, contact_status) = (
            status(&report, "community.code-of-conduct"),
            status(&report, "community.conduct-contact"),
        );
        if contact.is_some() {
            assert_eq!((conduct, contact_status), ("pass", "pass"), "{lang:?}");
        } else {
            assert!(matches!(conduct, "pass" | "warn"), "{lang:?}: {conduct}");
            assert!(
                matches!(contact_status, "fail" | "warn"),
                "{lang:?}: {contact_status}"
            );
        }
        files.pop();
    }
}

#[test]
fn the_release_binary_is_stripped() {
    // The binary must stay under 15 MB; without its symbol table it has room to spare.
    let manifest: toml::Table = toml::from_str(include_str!("../Cargo.toml")).unwrap();
    assert_eq!(
        manifest["profile"]["release"]["strip"].as_str(),
        Some("symbols")
    );
}

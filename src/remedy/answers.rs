//! See [`super`].
//!
//! Stand-in until the merge: the real module writes the questions as commented entries,
//! keeping the file's comments, and answers them.

use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::report::Report;

/// `.ospo.yml` with every open question as a commented entry; `None` when nothing changes
/// (stand-in: a short skeleton for a repository without the file).
pub fn with_questions(
    existing: Option<&str>,
    report: &Report,
    _checklist: &Checklist,
    _lang: Lang,
) -> Option<String> {
    if existing.is_some() || report.questions.is_empty() {
        return None;
    }
    let mut text = String::from(
        "# Questions ospo cannot check: answer them with `ospo answer`.\nanswers: {}\n",
    );
    for id in &report.questions {
        text.push_str(&format!("# {id}\n"));
    }
    Some(text)
}

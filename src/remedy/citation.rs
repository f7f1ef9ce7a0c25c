//! See [`super`].
//!
//! Stand-in until the merge: the real module drafts `CITATION.cff` from the history.

use super::{Context, Draft};

/// A `CITATION.cff` (stand-in: a short one).
pub fn draft(context: &Context) -> Draft {
    Draft {
        path: "CITATION.cff".to_owned(),
        content: format!(
            "cff-version: 1.2.0\ntitle: {}\nmessage: \"{}: how to cite\"\n",
            context.name,
            super::TODO
        ),
        items: vec!["community.citation".to_owned()],
    }
}

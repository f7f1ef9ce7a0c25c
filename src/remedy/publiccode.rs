//! See [`super`].
//!
//! Stand-in until the merge: the real module drafts a valid `publiccode.yml`.

use super::{Context, Draft};

/// A `publiccode.yml` (stand-in: a short one).
pub fn draft(context: &Context) -> Draft {
    Draft {
        path: "publiccode.yml".to_owned(),
        content: format!(
            "publiccodeYmlVersion: \"0.4\"\nname: {}\n# {}: the rest of the description\n",
            context.name,
            super::TODO
        ),
        items: vec!["communication.publiccode".to_owned()],
    }
}

//! Checklists shipped inside the binary.

/// Names of the built-in checklists, in the order `ospo list --builtins` shows them.
pub const NAMES: &[&str] = &["default"];

const DEFAULT: &str = include_str!("../../checklists/default.yaml");

/// The canonical name when `name` is a built-in checklist.
pub fn name(name: &str) -> Option<&'static str> {
    NAMES.iter().copied().find(|known| *known == name)
}

/// The YAML text of a built-in checklist named by [`name`].
pub fn text(name: &str) -> &'static str {
    match name {
        "default" => DEFAULT,
        _ => "",
    }
}

//! Checklists shipped inside the binary.
//!
//! Each is embedded twice: as written (`checklists/NAME.yaml`, for `ospo` to show and
//! for tests to load with positions) and as JSON made by `build.rs`, which the loader
//! reads at run time because it parses in a tenth of the time.

/// Names of the built-in checklists.
pub const NAMES: &[&str] = &["default", "fr-admin"];

const DEFAULT_YAML: &str = include_str!("../../checklists/default.yaml");
const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default.json"));
const FR_ADMIN_YAML: &str = include_str!("../../checklists/fr-admin.yaml");
const FR_ADMIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/fr-admin.json"));

/// The canonical name when `name` is a built-in checklist.
pub fn name(name: &str) -> Option<&'static str> {
    NAMES.iter().copied().find(|known| *known == name)
}

/// The YAML text of a built-in checklist named by [`name`].
pub fn yaml(name: &str) -> &'static str {
    match name {
        "default" => DEFAULT_YAML,
        "fr-admin" => FR_ADMIN_YAML,
        _ => "",
    }
}

/// The same checklist as JSON.
pub fn json(name: &str) -> &'static str {
    match name {
        "default" => DEFAULT_JSON,
        "fr-admin" => FR_ADMIN_JSON,
        _ => "",
    }
}

//! `ospo audit --format html`.

use crate::audit::Audit;

pub fn render(audit: &Audit) -> String {
    let _ = audit;
    String::new()
}

//! `ospo audit --format csv`.

use crate::audit::Audit;

pub fn render(audit: &Audit) -> String {
    let _ = audit;
    String::new()
}

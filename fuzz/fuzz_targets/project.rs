#![no_main]

//! `.ospo.yml`: whatever the text, a project file or located problems, each said.

use libfuzzer_sys::fuzz_target;
use ospo::project::{self, ProjectError};

fuzz_target!(|data: &[u8]| {
    // Read from a repository as text, as `project::read` does.
    let text = String::from_utf8_lossy(data);
    match project::parse(".ospo.yml", &text) {
        Ok(file) => {
            assert_eq!(file.path.as_deref(), Some(".ospo.yml"));
            for (id, reason) in &file.waivers {
                assert!(!reason.trim().is_empty(), "waiver {id} without a reason");
            }
            for (id, answer) in &file.answers {
                if let Some(date) = &answer.date {
                    assert_eq!(date.len(), 10, "answer {id} dated {date}");
                }
            }
        }
        Err(ProjectError::Invalid { path, diagnostics }) => {
            assert_eq!(path, ".ospo.yml");
            assert!(!diagnostics.is_empty(), "invalid without a problem");
            for diagnostic in &diagnostics {
                assert!(
                    !diagnostic.message.trim().is_empty(),
                    "a problem without a message: {diagnostic:?}"
                );
                // Placed, 1-based, or at 0:0 when the YAML reader could not place it.
                if let Some(position) = diagnostic.position {
                    let placed = position.line >= 1 && position.column >= 1;
                    let unplaced = position.line == 0 && position.column == 0;
                    assert!(placed || unplaced, "{diagnostic:?}");
                }
            }
        }
        Err(ProjectError::Read { .. }) => panic!("parsing reads nothing"),
    }
});

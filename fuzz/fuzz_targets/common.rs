//! Invariants every metadata reader keeps, whatever the bytes it is given.

use ospo::metadata::Finding;

/// Checks the findings of one validation, `is_valid` being what the validation says.
pub fn check_findings(findings: &[Finding], is_valid: bool) {
    assert_eq!(
        is_valid,
        !findings.iter().any(Finding::is_error),
        "is_valid disagrees with the findings: {findings:#?}"
    );
    for finding in findings {
        // Positions are 1-based. A syntax error the YAML reader could not place comes back
        // at 0:0 (`Position::default()`); that is only acceptable for a finding about the
        // whole document, which has an empty path.
        let placed = finding.line >= 1 && finding.column >= 1;
        let unplaced_document = finding.path.is_empty() && finding.line == 0 && finding.column == 0;
        assert!(
            placed || unplaced_document,
            "finding without a 1-based position: {finding:#?}"
        );
        assert!(
            !finding.message.en.trim().is_empty() && !finding.message.fr.trim().is_empty(),
            "finding without a message in both languages: {finding:#?}"
        );
    }
    for pair in findings.windows(2) {
        assert!(
            (pair[0].line, pair[0].column) <= (pair[1].line, pair[1].column),
            "findings out of order: {pair:#?}"
        );
    }
}

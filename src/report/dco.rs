//! The report of `ospo dco`, the sign-off gate for a change under review.

use std::fmt::Write;

use crate::i18n::{Lang, Text};
use crate::probe::dco::{GateReport, Reason};
use crate::text;

/// `--format github`: an error annotation per commit that fails, then the terminal report.
pub fn github(report: &GateReport, lang: Lang) -> String {
    use super::github::{data, property};
    let mut out = String::new();
    for offence in &report.offending {
        let short = &offence.commit;
        let title = text!(
            "Commit {short} is not signed off",
            "Le commit {short} n'est pas signé"
        );
        let _ = writeln!(
            out,
            "::error title={}::{}",
            property(title.get(lang)),
            data(&format!(
                "{} — {}\n{}",
                offence.author,
                offence.subject,
                reason(offence.reason).get(lang)
            ))
        );
    }
    out.push_str(&render(report, lang));
    out
}

/// Why a commit fails the rule, in one line.
fn reason(reason: Reason) -> Text {
    match reason {
        Reason::Missing => text!(
            "missing: no Signed-off-by line",
            "absente : aucune ligne Signed-off-by"
        ),
        Reason::NameMismatch => text!(
            "name-mismatch: the sign-off's name is not the author's (nor, under this rule, the committer's)",
            "name-mismatch : le nom de la signature n'est pas celui de l'auteur (ni, selon cette règle, du committer)"
        ),
        Reason::EmailMismatch => text!(
            "email-mismatch: the sign-off's email is not the author's (nor, under this rule, the committer's)",
            "email-mismatch : l'adresse de la signature n'est pas celle de l'auteur (ni, selon cette règle, du committer)"
        ),
        Reason::Malformed => text!(
            "malformed: the line is not `Signed-off-by: Name <email>`",
            "malformed : la ligne n'est pas de la forme `Signed-off-by: Nom <adresse>`"
        ),
    }
}

pub fn render(report: &GateReport, lang: Lang) -> String {
    let mut out = String::new();
    // The range is the user's, authors and subjects the repository's: none reaches the
    // terminal raw.
    let range = super::escape_controls(&report.range);
    let (rule, commits) = (report.rule, report.commits);
    let noun = if commits == 1 { "commit" } else { "commits" };
    let scope_en = match report.scope {
        "message" => "anywhere in the message",
        _ => "in the trailer block",
    };
    let scope_fr = match report.scope {
        "message" => "n'importe où dans le message",
        _ => "dans le bloc de trailers",
    };
    let header = text!(
        "ospo dco {range}: {commits} {noun}; rule {rule}, sign-offs read {scope_en}",
        "ospo dco {range} : {commits} {noun} ; règle {rule}, signatures lues {scope_fr}"
    );
    let _ = writeln!(out, "{}", header.get(lang));
    for offence in &report.offending {
        let commit = &offence.commit;
        let author = super::escape_controls(&offence.author);
        let subject = super::escape_controls(&offence.subject);
        let _ = writeln!(out, "  ✗ {commit} {author} — {subject}");
        let why = reason(offence.reason);
        let _ = writeln!(out, "      {}", why.get(lang));
    }
    if !report.remediated.is_empty() {
        let ids = report.remediated.join(", ");
        let note = text!(
            "signed off later by a remediation commit: {ids}",
            "signés après coup par un commit de remédiation : {ids}"
        );
        let _ = writeln!(out, "  {}", note.get(lang));
    }
    let (checked, failing) = (report.checked, report.offending.len());
    let (merges, bots) = (report.merges, report.bots);
    if report.passed() {
        let done = if checked == 1 {
            text!(
                "✓ 1 commit checked, signed off ({merges} merges and {bots} bot commits left out)",
                "✓ 1 commit vérifié, signé ({merges} fusions et {bots} commits de robots exclus)"
            )
        } else {
            text!(
                "✓ {checked} commits checked, all signed off ({merges} merges and {bots} bot commits left out)",
                "✓ {checked} commits vérifiés, tous signés ({merges} fusions et {bots} commits de robots exclus)"
            )
        };
        let _ = writeln!(out, "{}", done.get(lang));
        return out;
    }
    // Rewriting a change that goes back to the root takes `--root`.
    let base = super::escape_controls(report.base.as_deref().unwrap_or("--root"));
    let fix = text!(
        "✗ {failing} of {checked} commits are not signed off as the rule requires.\nTo fix: certify the Developer Certificate of Origin (https://developercertificate.org/) by signing off every commit, then push again:\n  git rebase --signoff {base}\nFor the last commit alone: git commit --amend --signoff --no-edit\nFuture commits: git commit -s",
        "✗ {failing} commits sur {checked} ne sont pas signés comme la règle l'exige.\nPour corriger : attestez le Developer Certificate of Origin (https://developercertificate.org/) en signant chaque commit, puis poussez à nouveau :\n  git rebase --signoff {base}\nPour le dernier commit seul : git commit --amend --signoff --no-edit\nCommits suivants : git commit -s"
    );
    let _ = writeln!(out, "{}", fix.get(lang));
    out
}

//! `ospo answer` on a terminal: the open questions asked one by one, each answer checked
//! as the report checks it and saved in `.ospo.yml` as it is given, and what the command
//! says.

use std::io::{BufRead, Write};

use crate::checklist::{Basis, Checklist};
use crate::i18n::Lang;
use crate::probe::Status;
use crate::repo::SCAN_BYTES;

use super::answers::{evidence_hint, evidence_required};
use crate::project::AnswerValue;
use crate::report::{Report, escape_controls};

// ── Asking on a terminal ──

/// A question as `ospo answer` asks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub title: String,
    pub why: String,
    /// Why it is open, as the report says: not answered yet, no evidence, to renew.
    pub state: String,
    /// Whether a `yes` counts only with evidence.
    pub evidence_required: bool,
}

/// The open questions of `report` (declared items whose status is unknown), in its order,
/// with the texts of its language.
pub fn questions(report: &Report, checklist: &Checklist) -> Vec<Question> {
    let mut questions = questions_all(report, checklist);
    questions.retain(|question| {
        report
            .items
            .iter()
            .any(|item| item.id == question.id && item.status == Status::Unknown)
    });
    questions
}

/// Every question of `report` (its declared items), open or answered, in its order.
pub fn questions_all(report: &Report, checklist: &Checklist) -> Vec<Question> {
    report
        .items
        .iter()
        .filter(|item| item.basis == Basis::Declared)
        .map(|item| Question {
            id: item.id.clone(),
            title: item.title.clone(),
            why: item.why.trim().to_owned(),
            state: item.message.clone(),
            evidence_required: evidence_required(checklist, &item.id),
        })
        .collect()
}

/// What a person replied to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Answer {
        answer: AnswerValue,
        evidence: Option<String>,
    },
    Skip,
    Quit,
}

/// How an interview went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub answered: usize,
    pub skipped: usize,
    /// The person quit, or the input ended.
    pub quit: bool,
}

/// What saves an answer as soon as it is given: the question, the answer and its
/// evidence; what to tell the person, or why it could not be saved.
pub type Save<'s> = dyn FnMut(&Question, AnswerValue, Option<&str>) -> Result<String, String> + 's;

/// Asks `questions` one by one on `output`, reading the replies from `input`, and hands
/// each answer to `save` as soon as it is given. A `yes` to a question that needs
/// evidence is asked for it again until `check` accepts it (see [`check_evidence`]), or
/// the person skips or quits. The end of the input is a quit. An error of `save` ends the
/// interview.
pub fn interview(
    questions: &[Question],
    lang: Lang,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    check: &dyn Fn(&str) -> Result<(), String>,
    save: &mut Save<'_>,
) -> Result<Tally, String> {
    let io = |error: std::io::Error| format!("cannot talk on the terminal: {error}");
    let mut tally = Tally::default();
    for (index, question) in questions.iter().enumerate() {
        let reply = ask(
            question,
            (index + 1, questions.len()),
            lang,
            input,
            output,
            check,
        )
        .map_err(io)?;
        match reply {
            Reply::Answer { answer, evidence } => {
                let saved = save(question, answer, evidence.as_deref())?;
                writeln!(output, "  {saved}\n").map_err(io)?;
                tally.answered += 1;
            }
            Reply::Skip => {
                writeln!(output).map_err(io)?;
                tally.skipped += 1;
            }
            Reply::Quit => {
                tally.quit = true;
                break;
            }
        }
    }
    Ok(tally)
}

/// Asks one question: its title, why it matters, what counts as evidence and where it
/// stands; reads yes / no / n/a / skip / quit, then the evidence.
pub fn ask(
    question: &Question,
    (number, total): (usize, usize),
    lang: Lang,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    check: &dyn Fn(&str) -> Result<(), String>,
) -> std::io::Result<Reply> {
    let words = Words::of(lang);
    let shown = |text: &str| escape_controls(text).into_owned();
    writeln!(
        output,
        "[{number}/{total}] {} — {}",
        shown(&question.id),
        shown(&question.title)
    )?;
    if !question.why.is_empty() {
        writeln!(
            output,
            "  {}{} {}",
            words.why,
            words.colon,
            shown(&question.why)
        )?;
    }
    let hint = evidence_hint(question.evidence_required, lang);
    writeln!(output, "  {hint}")?;
    writeln!(
        output,
        "  {}{} {}",
        words.now,
        words.colon,
        shown(&question.state)
    )?;
    let answer = loop {
        let Some(line) = prompt(input, output, words.answer_prompt)? else {
            return Ok(Reply::Quit);
        };
        match read_reply(&line) {
            Some(Choice::Answer(answer)) => break answer,
            Some(Choice::Skip) => return Ok(Reply::Skip),
            Some(Choice::Quit) => return Ok(Reply::Quit),
            None => writeln!(output, "  {}", words.answer_again)?,
        }
    };
    let checked = answer == AnswerValue::Yes && question.evidence_required;
    let evidence = loop {
        let label = if checked {
            words.evidence_prompt
        } else {
            words.optional_evidence_prompt
        };
        let Some(line) = prompt(input, output, label)? else {
            return Ok(Reply::Quit);
        };
        let line = line.trim();
        match read_reply(line) {
            Some(Choice::Skip) => return Ok(Reply::Skip),
            Some(Choice::Quit) => return Ok(Reply::Quit),
            _ => {}
        }
        if !checked {
            break (!line.is_empty()).then(|| line.to_owned());
        }
        if line.is_empty() {
            writeln!(output, "  {}", words.evidence_needed)?;
            continue;
        }
        match check(line) {
            Ok(()) => break Some(line.to_owned()),
            Err(reason) => writeln!(output, "  {reason}")?,
        }
    };
    Ok(Reply::Answer { answer, evidence })
}

/// One line of `input` after showing `label`; `None` at the end of the input.
fn prompt(
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    label: &str,
) -> std::io::Result<Option<String>> {
    write!(output, "{label}")?;
    output.flush()?;
    let mut line = String::new();
    // A line longer than any answer or evidence is cut: input is bounded as files are.
    let read = std::io::Read::take(&mut *input, SCAN_BYTES as u64).read_line(&mut line)?;
    if read == 0 {
        writeln!(output)?;
        return Ok(None);
    }
    Ok(Some(line.trim().to_owned()))
}

enum Choice {
    Answer(AnswerValue),
    Skip,
    Quit,
}

/// A reply to the answer prompt, in either language.
fn read_reply(line: &str) -> Option<Choice> {
    Some(match line.trim().to_lowercase().as_str() {
        "yes" | "y" | "oui" | "o" => Choice::Answer(AnswerValue::Yes),
        "no" | "n" | "non" => Choice::Answer(AnswerValue::No),
        "n/a" | "na" | "not applicable" | "sans objet" | "so" => {
            Choice::Answer(AnswerValue::NotApplicable)
        }
        "skip" | "s" | "passer" | "p" => Choice::Skip,
        "quit" | "q" | "quitter" => Choice::Quit,
        _ => return None,
    })
}

struct Words {
    colon: &'static str,
    why: &'static str,
    now: &'static str,
    answer_prompt: &'static str,
    answer_again: &'static str,
    evidence_prompt: &'static str,
    optional_evidence_prompt: &'static str,
    evidence_needed: &'static str,
}

impl Words {
    fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::En => &Words {
                colon: ":",
                why: "Why",
                now: "Now",
                answer_prompt: "Answer (yes / no / n/a / skip / quit): ",
                answer_again: "Type yes, no, n/a, skip (to leave it for later) or quit.",
                evidence_prompt: "Evidence (a link https://… or the path of a file of the repository): ",
                optional_evidence_prompt: "Evidence (optional; Enter to leave it out): ",
                evidence_needed: "A yes counts only with evidence: give a link or a path, or type skip.",
            },
            Lang::Fr => &Words {
                colon: " :",
                why: "Pourquoi",
                now: "Actuellement",
                answer_prompt: "Réponse (yes / no / n/a, skip pour passer, quit pour arrêter) : ",
                answer_again: "Tapez yes, no, n/a, skip (pour y revenir plus tard) ou quit.",
                evidence_prompt: "Preuve (un lien https://… ou le chemin d'un fichier du dépôt) : ",
                optional_evidence_prompt: "Preuve (facultative ; Entrée pour l'omettre) : ",
                evidence_needed: "Un « yes » ne compte qu'avec une preuve : donnez un lien ou un chemin, ou tapez skip.",
            },
        }
    }
}

// ── What `ospo answer` says ──

/// Why a `yes` given without evidence is not written.
pub fn evidence_missing(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "give --evidence with a link (https://…) or the path of a file of the repository"
        }
        Lang::Fr => "donnez --evidence avec un lien (https://…) ou le chemin d'un fichier du dépôt",
    }
}

/// The answer saved, in a line.
pub fn saved_line(
    file: &str,
    id: &str,
    answer: AnswerValue,
    evidence: Option<&str>,
    date: &str,
    lang: Lang,
) -> String {
    let (id, answer) = (escape_controls(id), answer.id());
    let evidence = evidence.map(|evidence| escape_controls(evidence).into_owned());
    match (lang, evidence) {
        (Lang::En, Some(evidence)) => {
            format!("Saved in {file}: {id}: {answer} ({date}), evidence {evidence}.")
        }
        (Lang::En, None) => format!("Saved in {file}: {id}: {answer} ({date})."),
        (Lang::Fr, Some(evidence)) => {
            format!("Enregistré dans {file} : {id} : {answer} ({date}), preuve {evidence}.")
        }
        (Lang::Fr, None) => format!("Enregistré dans {file} : {id} : {answer} ({date})."),
    }
}

/// An item's status and message as the report gives them, in a line.
pub fn status_line(item: &crate::report::ItemReport, lang: Lang) -> String {
    format!(
        "{}{} {} — {}",
        escape_controls(&item.id),
        crate::report::colon(lang),
        crate::report::status_label(item.status, lang),
        escape_controls(&item.message)
    )
}

/// What `ospo answer` says when no question is open.
pub fn nothing_to_ask(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "No open question: every question of the checklist has an answer that counts.\n"
        }
        Lang::Fr => {
            "Aucune question ouverte : chaque question de la liste de contrôle a une réponse qui compte.\n"
        }
    }
}

/// What `ospo answer` says before the first question.
pub fn introduction(count: usize, file: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{count} question{} to answer. Each answer is saved in {file} as soon as it is given; type skip to leave one for later, quit to stop.\n\n",
            if count == 1 { "" } else { "s" }
        ),
        Lang::Fr => format!(
            "{count} {} répondre. Chaque réponse est enregistrée dans {file} dès qu'elle est donnée ; tapez skip pour en laisser une de côté, quit pour arrêter.\n\n",
            if count == 1 {
                "question à laquelle"
            } else {
                "questions auxquelles"
            }
        ),
    }
}

/// How an interview went, in a line.
pub fn summary(tally: Tally, lang: Lang) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let (answered, skipped) = (tally.answered, tally.skipped);
    let mut text = match lang {
        Lang::En => format!("{answered} answered, {skipped} skipped."),
        Lang::Fr => format!(
            "{answered} réponse{} enregistrée{}, {skipped} question{} passée{}.",
            plural(answered),
            plural(answered),
            plural(skipped),
            plural(skipped)
        ),
    };
    if tally.quit || skipped > 0 {
        text.push_str(match lang {
            Lang::En => " Run `ospo answer` again to go on.",
            Lang::Fr => " Relancez `ospo answer` pour continuer.",
        });
    }
    text.push('\n');
    text
}

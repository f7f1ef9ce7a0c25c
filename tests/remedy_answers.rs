//! `.ospo.yml` for the questions and `ospo answer`: open questions written as commented
//! entries, answers written in place, every other line of the file kept byte for byte,
//! and an answer that counts on the next check.

mod common;

use std::io::Cursor;
use std::path::Path;

use common::*;
use ospo::i18n::Lang;
use ospo::project::AnswerValue;
use ospo::remedy::answers;
use ospo::remedy::interview::{self, Question, Tally};

/// A project file as a person writes one: comments at the top, between entries, inside
/// them and at the end of lines, an answer in flow style, a waiver.
const HAND_WRITTEN: &str = "\
# Our answers to ospo's questions. Reviewed every January by the maintainers.
checklist: default   # the built-in one

answers:
  # Decided at the 2025 general assembly.
  community.governance-model:
    answer: yes          # see the minutes
    evidence: https://example.org/minutes/2025   # public
    # Renew after the next assembly.
    date: 2026-01-10
  funding.infrastructure-budget: {answer: n/a}   # hosted by the parent foundation

# Nothing we fund ourselves yet.
waivers:
  funding.funding-file: \"Funded by the parent foundation.\"  # no donations
";

fn repo_with(ospo_yml: &str) -> Repo {
    Repo::with_files(&[("README.md", README), (".ospo.yml", ospo_yml)])
}

fn read(repo: &Repo, file: &str) -> String {
    std::fs::read_to_string(repo.path().join(file)).expect("the file is there")
}

/// Whether `lines` appear in `text` in the same order, each whole.
fn in_order(text: &str, lines: &[&str]) -> bool {
    let mut rest = text.lines();
    lines.iter().all(|wanted| rest.any(|line| line == *wanted))
}

#[test]
fn an_answer_keeps_every_comment_line_and_counts_on_the_next_check() {
    let repo = repo_with(HAND_WRITTEN);
    let (_, before) = repo.check_json("default", &[]);
    assert_eq!(status(&before, "needs.user-needs"), "unknown");

    let output = repo.ospo(&[
        "answer",
        "needs.user-needs",
        "yes",
        "--evidence",
        "README.md",
    ]);
    output.assert_code(0);
    assert!(
        output.stdout.contains(
            "Saved in .ospo.yml: needs.user-needs: yes (2026-02-01), evidence README.md."
        ),
        "{}",
        output.all()
    );
    assert!(
        output.stdout.contains("needs.user-needs: pass"),
        "{}",
        output.all()
    );

    // Every line of the file is still there, in its order, byte for byte; the answer
    // is added at the end of `answers`, before the comment that opens `waivers`.
    let after = read(&repo, ".ospo.yml");
    let original: Vec<&str> = HAND_WRITTEN.lines().collect();
    assert!(in_order(&after, &original), "{after}");
    assert_eq!(after.lines().count(), original.len() + 4, "{after}");
    assert!(
        after.contains(
            "  funding.infrastructure-budget: {answer: n/a}   # hosted by the parent foundation\n  needs.user-needs:\n    answer: yes\n    evidence: README.md\n    date: 2026-02-01\n\n# Nothing we fund ourselves yet.\n"
        ),
        "{after}"
    );

    let (output, report) = repo.check_json("default", &[]);
    assert_no_panic(&output);
    assert_eq!(
        status(&report, "needs.user-needs"),
        "pass",
        "{}",
        output.all()
    );
    // What the file said of the others, it still says.
    assert_eq!(status(&report, "community.governance-model"), "pass");
    assert_eq!(status(&report, "funding.infrastructure-budget"), "skip");
    assert_eq!(report["waivers"][0]["outcome"], "applied");
    assert!(!strings(&report["questions"]).contains(&"needs.user-needs".to_owned()));
}

#[test]
fn an_answer_given_again_replaces_the_old_one_in_place() {
    let repo = repo_with(HAND_WRITTEN);
    // A block entry: its lines are edited, its comments kept.
    repo.ospo(&[
        "answer",
        "community.governance-model",
        "no",
        "--date",
        "2026-01-20",
    ])
    .assert_code(0);
    let after = read(&repo, ".ospo.yml");
    assert_eq!(
        after,
        HAND_WRITTEN.replace(
            "    answer: yes          # see the minutes\n    evidence: https://example.org/minutes/2025   # public\n    # Renew after the next assembly.\n    date: 2026-01-10\n",
            "    answer: no          # see the minutes\n    # Renew after the next assembly.\n    date: 2026-01-20\n"
        ),
        "{after}"
    );
    // A flow entry is written again in block style, its comment kept.
    repo.ospo(&[
        "answer",
        "funding.infrastructure-budget",
        "yes",
        "--evidence",
        "https://example.org/budget",
    ])
    .assert_code(0);
    let after = read(&repo, ".ospo.yml");
    assert!(
        after.contains(
            "  funding.infrastructure-budget:   # hosted by the parent foundation\n    answer: yes\n    evidence: https://example.org/budget\n    date: 2026-02-01\n\n# Nothing we fund ourselves yet.\n"
        ),
        "{after}"
    );
    let (_, report) = repo.check_json("default", &[]);
    assert_eq!(status(&report, "community.governance-model"), "fail");
    assert_eq!(status(&report, "funding.infrastructure-budget"), "pass");
}

/// The report and the checklist `ospo init` hands to [`answers::with_questions`].
fn report_of(repo: &Repo, lang: &str) -> ospo::report::Report {
    let output = repo.ospo(&["check", "--format", "json", "--lang", lang]);
    serde_json::from_str(&output.stdout).unwrap_or_else(|e| panic!("{e}\n{}", output.all()))
}

fn default_checklist() -> ospo::checklist::Checklist {
    ospo::checklist::load("default", Path::new(".")).expect("the default checklist loads")
}

#[test]
fn open_questions_are_commented_entries_that_answers_fill_in_place() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let report = report_of(&repo, "en");
    let checklist = default_checklist();
    let open = report.questions.clone();
    assert!(open.len() > 10, "{open:?}");

    let text = answers::with_questions(None, &report, &checklist, Lang::En)
        .expect("a file with the questions");
    assert!(
        text.starts_with("# What this project says of itself, for ospo"),
        "{text}"
    );
    for id in &open {
        let title = &checklist.item(id).unwrap().title.en;
        assert!(
            text.contains(&format!("  # {id} — {title}\n")),
            "{id}:\n{text}"
        );
        assert!(text.contains(&format!("  # {id}:\n")), "{id}:\n{text}");
    }
    assert!(text.contains(
        "  # community.governance-model — A governance model has been chosen and written down\n  # Evidence: a link (https://…) or the path of a file of the repository, and the date.\n  # community.governance-model:\n  #   answer: yes        # yes | no | n/a\n  #   evidence: \"TODO(ospo): a link or a path\"\n"
    ));
    // Comments only: the file says nothing yet, and the check is the same.
    let project = ospo::project::parse(".ospo.yml", &text).expect("a valid .ospo.yml");
    assert!(project.answers.is_empty() && project.waivers.is_empty());
    repo.write(".ospo.yml", &text);
    let (_, checked) = repo.check_json("default", &[]);
    assert_eq!(strings(&checked["questions"]), open);

    // An answer fills its commented entry in place, under the question's two lines.
    repo.ospo(&[
        "answer",
        "community.governance-model",
        "yes",
        "--evidence",
        "README.md",
    ])
    .assert_code(0);
    let answered = read(&repo, ".ospo.yml");
    assert!(answered.contains(
        "  # community.governance-model — A governance model has been chosen and written down\n  # Evidence: a link (https://…) or the path of a file of the repository, and the date.\n  community.governance-model:\n    answer: yes\n    evidence: README.md\n    date: 2026-02-01\n"
    ), "{answered}");
    assert_eq!(answered.lines().count(), text.lines().count());
    let (_, checked) = repo.check_json("default", &[]);
    assert_eq!(status(&checked, "community.governance-model"), "pass");

    // Run again on the file as it is: nothing to add.
    let report = report_of(&repo, "en");
    assert_eq!(
        answers::with_questions(Some(&answered), &report, &checklist, Lang::En),
        None
    );
}

#[test]
fn questions_are_added_to_a_hand_written_file_in_french_keeping_its_lines() {
    let repo = repo_with(HAND_WRITTEN);
    let report = report_of(&repo, "fr");
    let checklist = default_checklist();
    let text = answers::with_questions(Some(HAND_WRITTEN), &report, &checklist, Lang::Fr)
        .expect("questions to add");
    let original: Vec<&str> = HAND_WRITTEN.lines().collect();
    assert!(in_order(&text, &original), "{text}");
    // Answered questions are not asked again; the others go at the end of `answers`.
    assert!(!text.contains("# community.governance-model —"));
    assert!(!text.contains("# funding.infrastructure-budget:"));
    assert!(text.contains(
        "  # needs.user-needs — Les besoins auxquels répond le projet sont connus et formulés\n  # Preuve : un lien (https://…) ou le chemin d'un fichier du dépôt, et la date.\n  # needs.user-needs:\n  #   answer: yes        # yes | no | n/a (oui, non, sans objet)\n  #   evidence: \"TODO(ospo): un lien ou un chemin\"\n"
    ), "{text}");
    let waivers_comment = text.find("# Nothing we fund ourselves yet.").unwrap();
    assert!(text.find("  # needs.user-needs:").unwrap() < waivers_comment);
    let before = ospo::project::parse(".ospo.yml", HAND_WRITTEN).unwrap();
    let after = ospo::project::parse(".ospo.yml", &text).unwrap();
    assert_eq!(before.answers, after.answers);
    assert_eq!(before.waivers, after.waivers);
}

#[test]
fn an_answer_that_would_not_count_is_not_written() {
    let repo = repo_with(HAND_WRITTEN);
    for (args, why) in [
        (
            vec!["answer", "needs.user-needs", "yes"],
            "counts only with evidence ospo can check, so it is not written: give --evidence",
        ),
        (
            vec![
                "answer",
                "needs.user-needs",
                "yes",
                "--evidence",
                "docs/gone.md",
            ],
            "`docs/gone.md` is not in the repository",
        ),
        (
            vec![
                "answer",
                "needs.user-needs",
                "yes",
                "--evidence",
                "we asked them",
            ],
            "words alone do not count",
        ),
        (
            vec!["answer", "needs.user-needs", "no", "--date", "2026-02-30"],
            "date `2026-02-30` is not a day written YYYY-MM-DD",
        ),
        (
            vec!["answer", "needs.user-need", "no"],
            "has no item `needs.user-need` (did you mean `needs.user-needs`?)",
        ),
        (
            vec!["answer", "needs.readme", "yes", "--evidence", "README.md"],
            "`needs.readme` is not a question",
        ),
    ] {
        let output = repo.ospo(&args);
        output.assert_error();
        assert!(output.stderr.contains(why), "{args:?}: {}", output.all());
        assert_eq!(read(&repo, ".ospo.yml"), HAND_WRITTEN, "{args:?}");
    }
    let output = repo.ospo(&["answer", "needs.user-needs", "maybe"]);
    output.assert_code(2);
    assert!(
        output.stderr.contains("give yes, no or n/a"),
        "{}",
        output.all()
    );
}

#[test]
fn without_a_terminal_and_without_a_question_it_exits_2() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let output = repo.ospo(&["answer"]);
    output.assert_error();
    assert!(
        output
            .stderr
            .contains("no terminal to ask the questions on")
            && output.stderr.contains("ospo answer ITEM yes|no|n/a"),
        "{}",
        output.all()
    );
    assert!(!repo.path().join(".ospo.yml").exists());
    // A question without its answer needs a terminal too.
    repo.ospo(&["answer", "needs.user-needs"]).assert_error();
}

#[test]
fn ospo_answer_writes_only_the_project_file_of_a_worktree() {
    // `.ospo.yaml` when that is the file there.
    let repo = Repo::with_files(&[
        ("README.md", README),
        (".ospo.yaml", "checklist: default\n"),
    ]);
    let output = repo.ospo(&["answer", "needs.user-needs", "n/a", "--lang", "fr"]);
    output.assert_code(0);
    assert!(
        output
            .stdout
            .starts_with("Enregistré dans .ospo.yaml : needs.user-needs : n/a (2026-02-01).\nneeds.user-needs : ignoré — "),
        "{}",
        output.all()
    );
    assert_eq!(
        read(&repo, ".ospo.yaml"),
        "checklist: default\nanswers:\n  needs.user-needs:\n    answer: n/a\n    date: 2026-02-01\n"
    );
    assert!(!repo.path().join(".ospo.yml").exists());
    assert_eq!(repo.git(&["status", "--porcelain"]), " M .ospo.yaml\n");

    // A bare repository has no worktree to write in.
    let bare = repo.bare_clone();
    let output = ospo(
        &repo.outside(),
        &[
            "answer",
            "needs.user-needs",
            "no",
            "--path",
            bare.to_str().unwrap(),
        ],
    );
    output.assert_error();
    assert!(
        output.stderr.contains("bare repository"),
        "{}",
        output.all()
    );

    // A symlink is not written through.
    let repo = Repo::with_files(&[("README.md", README)]);
    let outside = repo.outside().join("elsewhere.yml");
    std::fs::write(&outside, "answers:\n").unwrap();
    std::os::unix::fs::symlink(&outside, repo.path().join(".ospo.yml")).unwrap();
    let output = repo.ospo(&["answer", "needs.user-needs", "no"]);
    output.assert_code(2);
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "answers:\n");
}

#[test]
fn an_answers_mapping_in_flow_style_is_refused_rather_than_rewritten() {
    let text = "answers: {community.governance-model: {answer: no}}\n";
    let repo = repo_with(text);
    let output = repo.ospo(&["answer", "needs.user-needs", "no"]);
    output.assert_error();
    assert!(output.stderr.contains("flow style"), "{}", output.all());
    assert_eq!(read(&repo, ".ospo.yml"), text);
}

/// The questions of the default checklist asked on a fixture repository.
fn two_questions() -> Vec<Question> {
    [
        "needs.user-needs",
        "community.governance-model",
        "communication.calendar",
    ]
    .iter()
    .map(|id| Question {
        id: (*id).to_owned(),
        title: format!("Title of {id}"),
        why: "Why it matters.".to_owned(),
        state: "not answered yet".to_owned(),
        evidence_required: true,
    })
    .collect()
}

#[test]
fn the_interview_asks_each_question_checks_the_evidence_and_saves_as_it_goes() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let view = ospo::repo::RepoView::open(repo.path(), None).unwrap();
    let mut text: Option<String> = None;
    let mut saved = Vec::new();
    let mut input = Cursor::new("maybe\nyes\ndocs/gone.md\n\nREADME.md\nskip\nn/a\n\n");
    let mut output = Vec::new();
    let tally = interview::interview(
        &two_questions(),
        Lang::En,
        &mut input,
        &mut output,
        &|evidence| answers::check_evidence(evidence, &view, Lang::En),
        &mut |question, answer, evidence| {
            let new = answers::answered(
                text.as_deref(),
                &question.id,
                answer,
                evidence,
                "2026-02-01",
            )?;
            saved.push(new.clone());
            text = Some(new);
            Ok(format!("saved {}", question.id))
        },
    )
    .unwrap();
    let output = String::from_utf8(output).unwrap();
    assert_eq!(
        tally,
        Tally {
            answered: 2,
            skipped: 1,
            quit: false
        }
    );
    assert!(output.starts_with("[1/3] needs.user-needs — Title of needs.user-needs\n  Why: Why it matters.\n  Evidence: a link (https://…) or the path of a file of the repository, and the date.\n  Now: not answered yet\nAnswer (yes / no / n/a / skip / quit): "), "{output}");
    for said in [
        "  Type yes, no, n/a, skip (to leave it for later) or quit.\n",
        "  `docs/gone.md` is not in the repository",
        "  A yes counts only with evidence: give a link or a path, or type skip.\n",
        "  saved needs.user-needs\n",
        "[2/3] community.governance-model",
        "[3/3] communication.calendar",
        "Evidence (optional; Enter to leave it out): ",
        "  saved communication.calendar\n",
    ] {
        assert!(output.contains(said), "{said}:\n{output}");
    }
    // Each answer was saved as it was given: the first file holds the first answer only.
    assert_eq!(saved.len(), 2);
    assert_eq!(
        saved[0],
        "answers:\n  needs.user-needs:\n    answer: yes\n    evidence: README.md\n    date: 2026-02-01\n"
    );
    let last = ospo::project::parse(".ospo.yml", &saved[1]).unwrap();
    assert_eq!(
        last.answers["communication.calendar"].answer,
        AnswerValue::NotApplicable
    );
    assert!(!last.answers.contains_key("community.governance-model"));

    // Quitting, or the end of the input, stops at once.
    for input in ["quit\n", "", "yes\n"] {
        let mut output = Vec::new();
        let tally = interview::interview(
            &two_questions(),
            Lang::Fr,
            &mut Cursor::new(input),
            &mut output,
            &|_| Ok(()),
            &mut |_, _, _| panic!("nothing to save"),
        )
        .unwrap();
        assert_eq!(
            tally,
            Tally {
                answered: 0,
                skipped: 0,
                quit: true
            },
            "{input:?}"
        );
        let output = String::from_utf8(output).unwrap();
        assert!(
            output.contains("Réponse (yes / no / n/a, skip pour passer, quit pour arrêter) : "),
            "{output}"
        );
    }
}

//! From report to remedy: `ospo init`, `ospo fix` and `ospo answer`.

use super::{LangArg, exit_code, language, print};
use anyhow::Result;
use clap::ValueEnum;
use ospo::check::{self, Options};
use ospo::checklist;
use ospo::project;
use ospo::repo::RepoView;
use ospo::report;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct AnswerArgs {
    /// The question, an item id such as `community.governance-model` [default: every open
    /// question, asked in turn on a terminal].
    item: Option<String>,
    /// The answer: yes, no or n/a [default: asked on a terminal].
    #[arg(value_parser = parse_answer)]
    answer: Option<project::AnswerValue>,
    /// What shows it: a link (https://…) or the path of a file of the repository. A yes
    /// counts only with evidence ospo can check.
    #[arg(long, value_name = "URL|PATH", requires = "answer")]
    evidence: Option<String>,
    /// The day of the answer [default: today, or the day of SOURCE_DATE_EPOCH].
    #[arg(long, value_name = "YYYY-MM-DD", requires = "answer")]
    date: Option<String>,
    /// A path in the repository: the .ospo.yml (or .ospo.yaml) at the root of its worktree
    /// is written.
    #[arg(long, default_value = ".")]
    path: PathBuf,
    /// A built-in checklist name or a checklist file [default: what .ospo.yml names, else `default`].
    #[arg(long, value_name = "NAME|PATH")]
    checklist: Option<String>,
    /// Language [default: French when LC_ALL, LC_MESSAGES or LANG starts with `fr`].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

/// An answer as `ospo answer` takes it.
pub(super) fn parse_answer(text: &str) -> Result<project::AnswerValue, String> {
    use project::AnswerValue;
    match text.to_ascii_lowercase().as_str() {
        "yes" | "true" => Ok(AnswerValue::Yes),
        "no" | "false" => Ok(AnswerValue::No),
        "n/a" | "na" => Ok(AnswerValue::NotApplicable),
        _ => Err(format!("`{text}` is not an answer: give yes, no or n/a")),
    }
}

#[derive(Debug, clap::Args)]
pub(super) struct InitArgs {
    /// A path in the repository, whose worktree the files are written to.
    #[arg(default_value = ".")]
    path: PathBuf,
    /// Drafts only for these items (ids, as `ospo list` gives them).
    #[arg(long, value_name = "ITEM", num_args = 1.., value_delimiter = ',')]
    only: Vec<String>,
    #[command(flatten)]
    remedy: RemedyArgs,
}

#[derive(Debug, clap::Args)]
pub(super) struct FixArgs {
    /// The items to draft files for (ids, as `ospo list` gives them), e.g.
    /// community.code-of-conduct.
    #[arg(required = true, value_name = "ITEM")]
    items: Vec<String>,
    /// A path in the repository, whose worktree the files are written to.
    #[arg(long, default_value = ".")]
    path: PathBuf,
    #[command(flatten)]
    remedy: RemedyArgs,
}

/// What `ospo init` and `ospo fix` share.
#[derive(Debug, clap::Args)]
pub(super) struct RemedyArgs {
    /// The language of the files written, and of what is printed [default: French when
    /// LC_ALL, LC_MESSAGES or LANG starts with `fr`].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// The project's licence, an SPDX identifier (e.g. MIT, EUPL-1.2) [default: the
    /// licence the manifests or the README declare; with none, no LICENSE is written].
    #[arg(long, value_name = "SPDX-ID")]
    licence: Option<String>,
    /// How contributors' copyright is handled.
    #[arg(long, value_enum, default_value_t = StrategyArg::Dco)]
    copyright_strategy: StrategyArg,
    /// How decisions are made, in GOVERNANCE.md.
    #[arg(long, value_enum, default_value_t = GovernanceArg::MaintainerCouncil)]
    governance: GovernanceArg,
    /// Writes nothing: prints the files as a unified diff (what is left as it is goes to
    /// standard error).
    #[arg(long)]
    dry_run: bool,
    /// A built-in checklist name or a checklist file [default: what .ospo.yml names, else `default`].
    #[arg(long, value_name = "NAME|PATH")]
    checklist: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum StrategyArg {
    /// Developer Certificate of Origin: contributors sign off their commits (`git commit -s`).
    Dco,
    /// A contributor licence agreement, signed once.
    Cla,
    /// Contributions come under the project's licence; nothing to sign.
    InboundOutbound,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum GovernanceArg {
    /// One person, the project lead, takes the final decisions.
    BenevolentDictator,
    /// The maintainers decide together by lazy consensus, voting when they must.
    MaintainerCouncil,
    /// Those who do the work decide.
    DoOcracy,
}

/// `ospo init` and `ospo fix`: the drafts written (or, with `--dry-run`, their diff on
/// standard output), then what was done. Exits 1 when a file could not be written.
pub(super) fn remedy(
    path: PathBuf,
    items: Vec<String>,
    explicit: bool,
    args: RemedyArgs,
) -> Result<ExitCode> {
    use ospo::remedy::context::{Governance, Options as DraftOptions, Strategy};
    use ospo::remedy::plan;
    let lang = language(args.lang);
    if let Some(licence) = &args.licence {
        anyhow::ensure!(
            ospo::licence::dependencies::canonical_expression(licence).is_some(),
            "--licence `{licence}` is not an SPDX licence identifier (such as MIT, Apache-2.0, EUPL-1.2)"
        );
    }
    let request = plan::Request {
        path,
        checklist: args.checklist,
        items,
        explicit,
        dry_run: args.dry_run,
        options: DraftOptions {
            lang,
            licence: args.licence,
            strategy: match args.copyright_strategy {
                StrategyArg::Dco => Strategy::Dco,
                StrategyArg::Cla => Strategy::Cla,
                StrategyArg::InboundOutbound => Strategy::InboundOutbound,
            },
            governance: match args.governance {
                GovernanceArg::BenevolentDictator => Governance::BenevolentDictator,
                GovernanceArg::MaintainerCouncil => Governance::MaintainerCouncil,
                GovernanceArg::DoOcracy => Governance::DoOcracy,
            },
            now: None,
        },
    };
    let done = plan::run(&request)?;
    // What the repository names (paths, items) is escaped as every report escapes it.
    let summary = report::escape_controls_keeping(&plan::render(&done), &['\n']).into_owned();
    if done.dry_run {
        print(&done.diff)?;
        eprint!("{summary}");
    } else {
        print(&summary)?;
    }
    Ok(exit_code(done.failed.is_empty()))
}

/// `ospo answer`: one answer given, or the open questions asked in turn on a terminal,
/// each saved in .ospo.yml as soon as it is given.
pub(super) fn answer(args: AnswerArgs) -> Result<ExitCode> {
    use ospo::remedy::{answers, interview};
    let lang = language(args.lang);
    // Usage first: with nothing given, the questions are asked, which needs a terminal.
    anyhow::ensure!(
        args.answer.is_some() || std::io::stdin().is_terminal(),
        "no terminal to ask the questions on: give the question and its answer (`ospo answer ITEM yes|no|n/a --evidence URL|PATH`), or run `ospo answer` in a terminal"
    );
    let repo = RepoView::open(&args.path, None)?;
    anyhow::ensure!(
        repo.kind() == ospo::repo::ViewKind::Worktree && !repo.is_bare(),
        "{} is a bare repository: `ospo answer` writes .ospo.yml in a worktree",
        repo.root().display()
    );
    let project = project::read(&repo)?;
    let checklist = check::select_checklist(args.checklist.as_deref(), &project, Some(&repo))?;
    let (file, mut text) = answers::read_file(&repo).map_err(anyhow::Error::msg)?;
    if let Some(id) = &args.item {
        let Some(item) = checklist.item(id) else {
            let ids: Vec<&str> = checklist.items.iter().map(|i| i.id.as_str()).collect();
            let meant = ospo::metadata::closest(id, &ids)
                .map(|close| format!(" (did you mean `{close}`?)"))
                .unwrap_or_default();
            anyhow::bail!(
                "checklist `{}` has no item `{id}`{meant}; `ospo list` shows its items",
                checklist.id
            );
        };
        anyhow::ensure!(
            item.spec.basis() == checklist::Basis::Declared,
            "`{id}` is not a question: ospo checks it from the repository itself (`ospo explain {id}` says how), and an answer in {file} would not be used"
        );
    }
    let date = args.date.clone().unwrap_or_else(answers::today);
    let options = Options {
        lang,
        ..Options::default()
    };
    // The item's status once the file is written, read from a new view of it.
    let status = |id: &str| -> Result<String> {
        let repo = RepoView::open(&args.path, None)?;
        let project = project::read(&repo)?;
        let report = check::run(&checklist, &repo, &project, options);
        Ok(report
            .items
            .iter()
            .find(|item| item.id == id)
            .map(|item| interview::status_line(item, lang))
            .unwrap_or_default())
    };
    if let (Some(id), Some(value)) = (&args.item, args.answer) {
        let evidence = args.evidence.as_deref();
        if value == project::AnswerValue::Yes && answers::evidence_required(&checklist, id) {
            let refused = match evidence {
                None => Some(interview::evidence_missing(lang).to_owned()),
                Some(evidence) => answers::check_evidence(evidence, &repo, lang).err(),
            };
            if let Some(reason) = refused {
                anyhow::bail!(
                    "a yes to `{id}` counts only with evidence ospo can check, so it is not written: {reason}"
                );
            }
        }
        let new = answers::answered(text.as_deref(), id, value, evidence, &date)
            .map_err(|error| anyhow::anyhow!("cannot answer `{id}` in {file}: {error}"))?;
        answers::save(&repo, &file, &new).map_err(anyhow::Error::msg)?;
        print(&format!(
            "{}\n{}\n",
            interview::saved_line(&file, id, value, evidence, &date, lang),
            status(id)?
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    let report = check::run(&checklist, &repo, &project, options);
    let mut questions = interview::questions(&report, &checklist);
    if let Some(id) = &args.item {
        // The question named, open or not: an answer that counts can be given again.
        questions = interview::questions_all(&report, &checklist);
        questions.retain(|question| &question.id == id);
    }
    if questions.is_empty() {
        print(interview::nothing_to_ask(lang))?;
        return Ok(ExitCode::SUCCESS);
    }
    print(&interview::introduction(questions.len(), &file, lang))?;
    let check_evidence = |evidence: &str| answers::check_evidence(evidence, &repo, lang);
    let mut save = |question: &interview::Question,
                    value: project::AnswerValue,
                    evidence: Option<&str>|
     -> Result<String, String> {
        let new = answers::answered(text.as_deref(), &question.id, value, evidence, &date)?;
        answers::save(&repo, &file, &new)?;
        text = Some(new);
        Ok(interview::saved_line(
            &file,
            &question.id,
            value,
            evidence,
            &date,
            lang,
        ))
    };
    let tally = interview::interview(
        &questions,
        lang,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout(),
        &check_evidence,
        &mut save,
    )
    .map_err(anyhow::Error::msg)?;
    print(&interview::summary(tally, lang))?;
    Ok(ExitCode::SUCCESS)
}

/// `ospo init`: drafts for every failing item a template exists for (`--only` narrows).
pub(super) fn init(args: InitArgs) -> Result<ExitCode> {
    remedy(args.path, args.only, false, args.remedy)
}

/// `ospo fix ITEM…`: drafts for the items named.
pub(super) fn fix(args: FixArgs) -> Result<ExitCode> {
    remedy(args.path, args.items, true, args.remedy)
}

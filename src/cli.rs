//! Command-line interface: arguments, dispatch, output and exit codes.
//!
//! Exit codes: 0 the check passes, 1 it fails, 2 a usage error, an invalid checklist or
//! `.ospo.yml`, a path that is not a git repository, or a report that cannot be written.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use ospo::check::{self, Options};
use ospo::checklist::{self, Checklist};
use ospo::i18n::Lang;
use ospo::project::{self, ProjectFile};
use ospo::repo::RepoView;
use ospo::report::{self, terminal};
use ospo::score::{FailOn, Gate, Verdict};

#[derive(Debug, Parser)]
#[command(
    name = "ospo",
    version,
    about = "Checks a git repository against an open-source readiness checklist: needs, communication, legal, community, funding."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Runs the checklist on a repository and prints a scored report.
    Check(CheckArgs),
    /// Writes the first draft of every file the checklist's failing items ask for, filled
    /// with what the repository tells; never overwrites a file. Then checks again.
    Init(InitArgs),
    /// Writes the first draft of the files the items named ask for, as `ospo init` does.
    Fix(FixArgs),
    /// Prints the items of a checklist.
    List(ChecklistArgs),
    /// Explains one item: why it matters, how to fix it, how ospo checks it.
    Explain {
        /// The item id, e.g. `legal.licence-file`.
        item: String,
        /// Also print the probe as the checklist writes it, regular expressions included.
        #[arg(long)]
        patterns: bool,
        #[command(flatten)]
        args: ChecklistArgs,
    },
    /// Checks that every commit of a change is signed off (Developer Certificate of
    /// Origin): the CI gate. Exits 1 when a commit fails, 2 on a bad range.
    Dco(DcoArgs),
    /// Checks many repositories in one parallel run: every repository under the paths
    /// given, worktrees and bare mirrors alike, then the organisation's totals. Exits 0
    /// when every repository passes, 1 when one fails or cannot be read.
    Audit(AuditArgs),
    /// Validates a publiccode.yml offline and lists every problem with its line. Exits 0
    /// when valid, 1 when invalid, 2 when the file cannot be read.
    Publiccode(PubliccodeArgs),
    /// Answers the checklist's questions in .ospo.yml, keeping its comments: each open
    /// question in turn on a terminal, or the one given (`ospo answer ITEM yes|no|n/a
    /// --evidence URL|PATH`). Exits 2 with no terminal and no question given.
    Answer(AnswerArgs),
    /// Prints the JSON Schema of the checklist format, or of .ospo.yml.
    Schema {
        /// The schema of the project file, .ospo.yml, instead of the checklist format's.
        #[arg(long)]
        project_file: bool,
    },
}

#[derive(Debug, clap::Args)]
struct DcoArgs {
    /// The change, a range as git reads it: BASE..TIP (e.g. origin/main..HEAD; an empty
    /// side is HEAD, tags stand for their commits), X^! (X alone) or a revision (its whole
    /// history) [default: what is being pushed, in a pre-commit pre-push hook; else the
    /// commits of HEAD not on origin/HEAD, origin/main or origin/master].
    range: Option<String>,
    /// A path in the repository.
    #[arg(long, default_value = ".")]
    path: PathBuf,
    /// Which sign-offs count.
    #[arg(long, value_enum, default_value_t = RuleArg::AuthorOrCommitter)]
    rule: RuleArg,
    /// Where sign-offs are read.
    #[arg(long, value_enum, default_value_t = ScopeArg::Trailers)]
    scope: ScopeArg,
    /// A regular expression on author names and emails marking bots, left out [default: `\[bot\]`].
    #[arg(long, value_name = "REGEX")]
    bots: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    /// Language [default: French when LC_ALL, LC_MESSAGES or LANG starts with `fr`].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
struct AuditArgs {
    #[command(subcommand)]
    command: Option<AuditCommand>,
    /// Repositories, or directories searched for repositories (symlinks are not
    /// followed) [default: the current directory, unless --from is given].
    paths: Vec<PathBuf>,
    /// Reads more paths from FILE, one a line (`-`: standard input); blank lines and lines
    /// starting with `#` are skipped.
    #[arg(long, value_name = "FILE")]
    from: Option<PathBuf>,
    /// A built-in checklist name or a checklist file for every repository [default: the
    /// built-in checklist a repository's .ospo.yml names, else `default`].
    #[arg(long, value_name = "NAME|PATH")]
    checklist: Option<String>,
    /// Uses the checklist file a repository's .ospo.yml names for that repository. Without
    /// it, such a file (which whoever commits to the repository writes) is not used: the
    /// row is checked against `default`, and says so.
    #[arg(long, conflicts_with = "checklist")]
    trust_repo_checklists: bool,
    #[command(flatten)]
    output: AuditOutput,
    /// Which items fail a repository when they do not hold.
    #[arg(long, value_enum, default_value_t = FailOnArg::Required)]
    fail_on: FailOnArg,
    /// Also fails a repository whose verified score is below this percentage.
    #[arg(long, value_name = "N", value_parser = parse_percent)]
    fail_under: Option<f64>,
    /// Ignores every repository's waivers: each waived item is checked.
    #[arg(long)]
    no_waivers: bool,
    /// Repositories checked at once [default: one per core; never more than the
    /// repositories, four per core or 256].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Audits only the K-th of N deterministic parts of the repositories found (e.g. 2/5),
    /// for one machine of a sharded audit; `ospo audit merge` joins the parts.
    #[arg(long, value_name = "K/N")]
    shard: Option<ospo::audit::Shard>,
}

#[derive(Debug, clap::Args)]
struct AuditOutput {
    #[arg(long, value_enum, default_value_t = AuditFormat::Terminal)]
    format: AuditFormat,
    /// Writes the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language [default: French when LC_ALL, LC_MESSAGES or LANG starts with `fr`].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Joins the `--format jsonl` outputs of the shards of one audit into the report one
    /// run would have given.
    Merge {
        /// The `jsonl` files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        output: AuditOutput,
    },
}

/// The formats of `ospo audit`, one file each under `src/report/audit/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AuditFormat {
    /// A table of repositories, then the organisation's totals.
    Terminal,
    /// The rows and the summary, in one document.
    Json,
    /// One row a line, then the summary: what `ospo audit merge` reads.
    Jsonl,
    /// A row per repository, a column per stage and per item.
    Csv,
    /// One self-contained page: sortable table, heat map of items, score distributions.
    Html,
}

#[derive(Debug, clap::Args)]
struct PubliccodeArgs {
    /// The file to validate, or `-` for standard input [default: the repository's
    /// publiccode.yml or publiccode.yaml].
    file: Option<PathBuf>,
    /// A path in the repository whose publiccode.yml is validated when no FILE is given.
    #[arg(long, default_value = ".")]
    path: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    /// Language [default: French when LC_ALL, LC_MESSAGES or LANG starts with `fr`].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Debug, clap::Args)]
struct AnswerArgs {
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
fn parse_answer(text: &str) -> Result<project::AnswerValue, String> {
    use project::AnswerValue;
    match text.to_ascii_lowercase().as_str() {
        "yes" | "true" => Ok(AnswerValue::Yes),
        "no" | "false" => Ok(AnswerValue::No),
        "n/a" | "na" => Ok(AnswerValue::NotApplicable),
        _ => Err(format!("`{text}` is not an answer: give yes, no or n/a")),
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RuleArg {
    /// As the DCO GitHub app: the author's or the committer's name and email.
    AuthorOrCommitter,
    /// As dco-check: exactly the author's name and email.
    Author,
    /// Any well-formed sign-off.
    Presence,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ScopeArg {
    /// The trailer block, as git reads it.
    Trailers,
    /// Anywhere in the message, as the DCO app reads it.
    Message,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// A path in the repository (a worktree, or a bare repository).
    #[arg(default_value = ".")]
    path: PathBuf,
    /// Checks the tree of this commit (branch, tag or id) instead of the worktree.
    #[arg(long, value_name = "REV")]
    rev: Option<String>,
    /// A built-in checklist name or a checklist file [default: what .ospo.yml names, else `default`].
    #[arg(long, value_name = "NAME|PATH")]
    checklist: Option<String>,
    /// The report's format. Give it several times for several reports in one run, each
    /// followed by the `--output` it is written to [default: terminal].
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Vec<ReportFormat>,
    /// Writes the report of the `--format` just before to FILE instead of standard output
    /// (`-`: standard output). Without a `--format` before it, the format follows FILE's
    /// extension: .sarif, .xml (junit), .md (markdown), .json, or a name with
    /// `code-quality` in it (gitlab).
    #[arg(long, value_name = "FILE")]
    output: Vec<PathBuf>,
    /// Language of the report [default: French when LC_ALL, LC_MESSAGES or LANG starts with `fr`].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Which items fail the check when they do not hold (fail, unknown or error).
    #[arg(long, value_enum, default_value_t = FailOnArg::Required)]
    fail_on: FailOnArg,
    /// Also fails when the verified score is below this percentage (above 100: always).
    #[arg(long, value_name = "N", value_parser = parse_percent)]
    fail_under: Option<f64>,
    /// Ignores every waiver of .ospo.yml: each waived item is checked (what an auditor runs).
    #[arg(long)]
    no_waivers: bool,
    /// The full terminal report: every item of every stage, and why and how to fix each
    /// thing to do [default: the verdict, the stages and the ten most important things
    /// to do].
    #[arg(long, short = 'v', visible_alias = "verbose")]
    all: bool,
    /// When to colour the terminal report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, clap::Args)]
struct InitArgs {
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
struct FixArgs {
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
struct RemedyArgs {
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
enum StrategyArg {
    /// Developer Certificate of Origin: contributors sign off their commits (`git commit -s`).
    Dco,
    /// A contributor licence agreement, signed once.
    Cla,
    /// Contributions come under the project's licence; nothing to sign.
    InboundOutbound,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum GovernanceArg {
    /// One person, the project lead, takes the final decisions.
    BenevolentDictator,
    /// The maintainers decide together by lazy consensus, voting when they must.
    MaintainerCouncil,
    /// Those who do the work decide.
    DoOcracy,
}

#[derive(Debug, clap::Args)]
struct ChecklistArgs {
    /// A built-in checklist name or a checklist file [default: what .ospo.yml names, else `default`].
    #[arg(long, value_name = "NAME|PATH")]
    checklist: Option<String>,
    /// Language [default: French when LC_ALL, LC_MESSAGES or LANG starts with `fr`].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

/// The formats of `ospo dco` and `ospo publiccode`.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// Text for people.
    Terminal,
    /// The report as data.
    Json,
    /// GitHub Actions annotations, then the terminal text.
    Github,
}

/// The formats of `ospo check`, one file each under `src/report/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// Tables for people, with colours on a terminal.
    Terminal,
    /// The report model, for tools.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.
    Sarif,
    /// JUnit XML: a test suite per stage, a test case per item (GitLab, Jenkins).
    Junit,
    /// GitHub Actions workflow commands (annotations); also writes the Markdown summary to
    /// $GITHUB_STEP_SUMMARY when it is set.
    Github,
    /// GitLab Code Quality JSON, for merge-request widgets.
    Gitlab,
    /// A Markdown summary, for a pull-request comment or a job summary.
    Markdown,
}

impl ReportFormat {
    /// The format a file name implies, when it implies one.
    fn from_file_name(path: &std::path::Path) -> Option<ReportFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let format = if name.ends_with(".sarif") || name.ends_with(".sarif.json") {
            ReportFormat::Sarif
        } else if name.contains("code-quality") || name.contains("codequality") {
            ReportFormat::Gitlab
        } else if name.ends_with(".xml") {
            ReportFormat::Junit
        } else if name.ends_with(".md") || name.ends_with(".markdown") {
            ReportFormat::Markdown
        } else if name.ends_with(".json") {
            ReportFormat::Json
        } else if name.ends_with(".txt") {
            ReportFormat::Terminal
        } else {
            return None;
        };
        Some(format)
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOnArg {
    /// Only required items.
    Required,
    /// Required and recommended items.
    Recommended,
    /// Every item, optional ones too.
    Any,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Fr,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A score threshold: 0 or more. Above 100 no score reaches it, which a pipeline may want
/// to prove that the gate bites.
fn parse_percent(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(format!("`{text}` is not a percentage (0 or more)"))
    }
}

fn language(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Fr) => Lang::Fr,
        None => Lang::from_env(|name| std::env::var(name).ok()),
    }
}

pub fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    match run(cli, &matches) {
        Ok(code) => code,
        Err(error) => {
            // An error may quote a repository's text (a path, a key of its .ospo.yml):
            // escaped as the reports escape it; the lines of a list of errors are kept.
            let message = format!("{error:#}");
            eprintln!(
                "error: {}",
                report::escape_controls_keeping(&message, &['\n'])
            );
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli, matches: &ArgMatches) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => {
            let positions = matches
                .subcommand_matches("check")
                .map(Positions::of)
                .unwrap_or_default();
            check(args, &positions)
        }
        Command::Init(args) => remedy(args.path, args.only, false, args.remedy),
        Command::Fix(args) => remedy(args.path, args.items, true, args.remedy),
        Command::List(args) => {
            let lang = language(args.lang);
            let checklist = checklist_for_cwd(args.checklist.as_deref())?;
            print(&list(&checklist, lang))
        }
        Command::Explain {
            item,
            patterns,
            args,
        } => {
            let lang = language(args.lang);
            let checklist = checklist_for_cwd(args.checklist.as_deref())?;
            let Some(found) = checklist.item(&item) else {
                let ids: Vec<&str> = checklist.items.iter().map(|i| i.id.as_str()).collect();
                let meant = ospo::metadata::closest(&item, &ids)
                    .map(|close| format!(" (did you mean `{close}`?)"))
                    .unwrap_or_default();
                anyhow::bail!(
                    "checklist `{}` has no item `{item}`{meant}; `ospo list` shows its items",
                    checklist.id
                );
            };
            // A project's own checklist is the repository's text: escaped for the
            // terminal, line by line.
            let text = explain(found, checklist.answers_valid_months, lang, patterns);
            print(&report::escape_controls_keeping(&text, &['\n']))
        }
        Command::Dco(args) => dco(args),
        Command::Publiccode(args) => publiccode(args),
        Command::Answer(args) => answer(args),
        Command::Audit(args) => audit(args),
        Command::Schema { project_file } => print(&if project_file {
            project::schema_json()
        } else {
            checklist::format::schema_json()
        }),
    }
}

fn check(args: CheckArgs, positions: &Positions) -> Result<ExitCode> {
    let lang = language(args.lang);
    // Usage errors before any work.
    let reports = destinations(&args.format, &args.output, positions)?;
    let repo = RepoView::open(&args.path, args.rev.as_deref())?;
    let project = project::read(&repo)?;
    let checklist = check::select_checklist(args.checklist.as_deref(), &project, Some(&repo))?;
    let report = check::run(
        &checklist,
        &repo,
        &project,
        Options {
            lang,
            gate: Gate {
                fail_on: fail_on(args.fail_on),
                fail_under: args.fail_under,
            },
            probes_prepared: false,
            no_waivers: args.no_waivers,
        },
    );
    // Files first: a closed standard output must not cost the SARIF upload its file.
    for (format, destination) in &reports {
        if let Destination::File(path) = destination {
            let text = render(&report, *format, args.color, false, args.all);
            std::fs::write(path, text)
                .with_context(|| format!("cannot write the report to {}", path.display()))?;
        }
    }
    if reports
        .iter()
        .any(|(format, _)| *format == ReportFormat::Github)
    {
        write_step_summary(&report)?;
    }
    for (format, destination) in &reports {
        if *destination == Destination::Stdout {
            print(&render(&report, *format, args.color, true, args.all))?;
        }
    }
    Ok(exit_code(report.verdict == Verdict::Pass))
}

/// `ospo init` and `ospo fix`: the drafts written (or, with `--dry-run`, their diff on
/// standard output), then what was done. Exits 1 when a file could not be written.
fn remedy(path: PathBuf, items: Vec<String>, explicit: bool, args: RemedyArgs) -> Result<ExitCode> {
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

/// Where each `--format` and `--output` sits on the command line, to pair them.
#[derive(Debug, Default)]
struct Positions {
    formats: Vec<usize>,
    outputs: Vec<usize>,
}

impl Positions {
    fn of(matches: &ArgMatches) -> Positions {
        let indices = |id: &str| {
            matches
                .indices_of(id)
                .map(Iterator::collect)
                .unwrap_or_default()
        };
        Positions {
            formats: indices("format"),
            outputs: indices("output"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Destination {
    Stdout,
    File(PathBuf),
}

fn audit(args: AuditArgs) -> Result<ExitCode> {
    use ospo::audit::{self, AuditOptions};
    if let Some(AuditCommand::Merge { files, output }) = args.command {
        return audit_merge(&files, &output);
    }
    let lang = language(args.output.lang);
    let mut roots = args.paths.clone();
    if let Some(from) = &args.from {
        let text = read_paths_file(from)?;
        roots.extend(
            text.lines()
                .map(str::trim)
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
                .map(PathBuf::from),
        );
    } else if roots.is_empty() {
        roots.push(PathBuf::from("."));
    }
    // The checklist named on the command line (else `default`) loads while the
    // repositories are found; when it cannot load, that is the error said first.
    let selector = args.checklist.as_deref().unwrap_or("default");
    let jsonl = args.output.format == AuditFormat::Jsonl;
    let (loaded, discovered) = std::thread::scope(|scope| {
        let loading = scope.spawn(|| checklist::load(selector, std::path::Path::new(".")));
        // Meanwhile: the repositories, the shard's part of them, and for a jsonl audit
        // the order its rows will be written in.
        let discovered = audit::discover(&roots).map(|mut found| {
            if let Some(shard) = args.shard {
                found.retain(|path| shard.takes(path));
            }
            let plan = jsonl.then(|| audit::Plan::of(&found));
            (found, plan)
        });
        let loaded = loading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (loaded, discovered)
    });
    let loaded = std::sync::Arc::new(loaded?);
    let (found, plan) = discovered?;
    anyhow::ensure!(
        args.shard.is_some() || !found.is_empty(),
        "no git repository under {}",
        roots
            .iter()
            .map(|root| root.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    // What the audit is, said at the end of a jsonl for `ospo audit merge` to check.
    let run = audit::merge::RunInfo {
        schema_version: audit::SCHEMA_VERSION,
        tool: report::Tool::ospo(),
        language: lang,
        checklist: audit::merge::ChecklistChoice {
            selector: args.checklist.clone(),
            id: loaded.id.clone(),
            version: loaded.version.clone(),
        },
        shard: args.shard,
        fail_on: fail_on(args.fail_on),
        fail_under: args.fail_under,
        no_waivers: args.no_waivers,
        trust_repo_checklists: args.trust_repo_checklists,
    };
    let options = AuditOptions {
        checklist: args.checklist,
        trust_repo_checklists: args.trust_repo_checklists,
        check: Options {
            lang,
            gate: Gate {
                fail_on: fail_on(args.fail_on),
                fail_under: args.fail_under,
            },
            probes_prepared: true,
            no_waivers: args.no_waivers,
        },
        jobs: args.jobs.map_or(0, usize::from),
        loaded: Some(loaded),
    };
    let bar = progress_bar(found.repositories.len(), &args.output);
    let progress = || bar.inc(1);
    // jsonl rows are rendered by the workers as they are made, and written in order as
    // soon as the rows before them are: memory holds a few rows, however many there are.
    if let Some(plan) = plan {
        use ospo::report::audit::json;
        let mut sink = Sink::open(&args.output)?;
        let summary = audit::run_streaming(
            &plan,
            &options,
            &progress,
            |row| {
                let mut line = json::row_line(row);
                line.push('\n');
                line
            },
            |line: String| sink.write(line.as_bytes()),
        );
        sink.write(json::summary_line(&summary, &run).as_bytes());
        bar.finish_and_clear();
        sink.finish()?;
        return Ok(exit_code(summary.passed()));
    }
    let result = audit::run_discovered(&found, &options, &progress);
    let pieces = vec![render_audit(&result, &args.output, &run)];
    bar.finish_and_clear();
    write_audit_pieces(&pieces, &args.output)?;
    Ok(exit_code(result.passed()))
}

/// Where a report written as it is made goes: a file, created before the run, or
/// standard output. The first error stops the writing and is told at the end.
struct Sink {
    path: Option<PathBuf>,
    out: Box<dyn Write + Send>,
    error: Option<std::io::Error>,
}

impl Sink {
    fn open(output: &AuditOutput) -> Result<Sink> {
        match &output.output {
            Some(path) if path.as_os_str() != "-" => {
                Ok(Sink {
                    out: Box::new(std::fs::File::create(path).with_context(|| {
                        format!("cannot write the report to {}", path.display())
                    })?),
                    path: Some(path.clone()),
                    error: None,
                })
            }
            _ => Ok(Sink {
                path: None,
                out: Box::new(std::io::stdout()),
                error: None,
            }),
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.error.is_none()
            && let Err(error) = self.out.write_all(bytes)
        {
            self.error = Some(error);
        }
    }

    fn finish(mut self) -> Result<()> {
        let result = match self.error.take() {
            Some(error) => Err(error),
            None => self.out.flush(),
        };
        match (result, &self.path) {
            (Ok(()), _) => Ok(()),
            (Err(error), Some(path)) => {
                Err(error).with_context(|| format!("cannot write the report to {}", path.display()))
            }
            (Err(error), None) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            (Err(error), None) => Err(error).context("writing to standard output"),
        }
    }
}

/// Joins the jsonl of the shards of one audit, once each is read and checked: complete,
/// written by this ospo for the same checklist and options, its rows as ospo writes them,
/// and together every shard once.
fn audit_merge(files: &[PathBuf], output: &AuditOutput) -> Result<ExitCode> {
    use ospo::audit::merge;
    let mut parts = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let shown = file.display().to_string();
        let part = merge::read(&text, &shown).map_err(anyhow::Error::msg)?;
        parts.push((shown, part));
    }
    let (run, rows) = merge::join(parts).map_err(anyhow::Error::msg)?;
    // The rows' own language, unless asked otherwise: the summary's titles follow it.
    let lang = match output.lang {
        Some(_) => language(output.lang),
        None => run.language,
    };
    let merged = ospo::audit::Audit::of(rows, lang);
    write_audit(&merged, output, &run)?;
    Ok(exit_code(merged.passed()))
}

/// A bar on stderr for people waiting at a terminal; hidden when stderr is not one, or
/// when a machine-readable report goes to standard output.
fn progress_bar(len: usize, output: &AuditOutput) -> indicatif::ProgressBar {
    let for_people = output.output.is_some()
        || matches!(output.format, AuditFormat::Terminal | AuditFormat::Html);
    if !for_people || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} repositories, {elapsed} ({eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
}

fn write_audit(
    audit: &ospo::audit::Audit,
    output: &AuditOutput,
    run: &ospo::audit::merge::RunInfo,
) -> Result<()> {
    write_audit_pieces(&[render_audit(audit, output, run)], output)
}

/// The audit in its format; `run`, what it was, ends a jsonl.
fn render_audit(
    audit: &ospo::audit::Audit,
    output: &AuditOutput,
    run: &ospo::audit::merge::RunInfo,
) -> String {
    use ospo::report::audit as render;
    match output.format {
        AuditFormat::Terminal => {
            let width = if output.output.is_none() && std::io::stdout().is_terminal() {
                comfy_table::Table::new().width().unwrap_or(120).max(60)
            } else {
                120
            };
            render::terminal::render(audit, width)
        }
        AuditFormat::Json => render::json::render(audit),
        AuditFormat::Jsonl => render::json::lines(audit, run),
        AuditFormat::Csv => render::csv::render(audit),
        AuditFormat::Html => render::html::render(audit),
    }
}

/// Writes a report made of pieces, one after the other: a large one is not copied
/// into one string first.
fn write_audit_pieces(pieces: &[String], output: &AuditOutput) -> Result<()> {
    let mut sink = Sink::open(output)?;
    for piece in pieces {
        sink.write(piece.as_bytes());
    }
    sink.finish()
}

fn fail_on(arg: FailOnArg) -> FailOn {
    match arg {
        FailOnArg::Required => FailOn::Required,
        FailOnArg::Recommended => FailOn::Recommended,
        FailOnArg::Any => FailOn::Any,
    }
}

/// Pairs formats with outputs: an `--output` writes the `--format` just before it; an
/// `--output` with no format of its own takes its file's; a format with no output goes to
/// standard output, which only one report may take. One format and one output pair in
/// either order.
fn destinations(
    formats: &[ReportFormat],
    outputs: &[PathBuf],
    positions: &Positions,
) -> Result<Vec<(ReportFormat, Destination)>> {
    let destination = |path: &PathBuf| {
        if path.as_os_str() == "-" {
            Destination::Stdout
        } else {
            Destination::File(path.clone())
        }
    };
    let inferred = |path: &PathBuf| {
        ReportFormat::from_file_name(path).with_context(|| {
            format!(
                "--output {} has no --format before it, and its name implies none; give --format before it",
                path.display()
            )
        })
    };
    let mut pairs: Vec<(ReportFormat, Option<Destination>)> = Vec::new();
    if formats.len() == 1 && outputs.len() == 1 {
        pairs.push((formats[0], Some(destination(&outputs[0]))));
    } else {
        // Both lists in command-line order, merged by position.
        let mut events: Vec<(usize, Result<ReportFormat, &PathBuf>)> = formats
            .iter()
            .zip(
                positions
                    .formats
                    .iter()
                    .copied()
                    .chain(std::iter::repeat(0)),
            )
            .map(|(format, at)| (at, Ok(*format)))
            .chain(
                outputs
                    .iter()
                    .zip(
                        positions
                            .outputs
                            .iter()
                            .copied()
                            .chain(std::iter::repeat(0)),
                    )
                    .map(|(path, at)| (at, Err(path))),
            )
            .collect();
        events.sort_by_key(|(at, _)| *at);
        for (_, event) in events {
            match event {
                Ok(format) => pairs.push((format, None)),
                Err(path) => match pairs.last_mut() {
                    Some((_, slot @ None)) => *slot = Some(destination(path)),
                    _ => pairs.push((inferred(path)?, Some(destination(path)))),
                },
            }
        }
    }
    if pairs.is_empty() {
        pairs.push((ReportFormat::Terminal, None));
    }
    let pairs: Vec<(ReportFormat, Destination)> = pairs
        .into_iter()
        .map(|(format, to)| (format, to.unwrap_or(Destination::Stdout)))
        .collect();
    let to_stdout = pairs
        .iter()
        .filter(|(_, to)| *to == Destination::Stdout)
        .count();
    anyhow::ensure!(
        to_stdout <= 1,
        "{to_stdout} reports would go to standard output; give an --output after each --format but one"
    );
    // One file named twice, however it is spelled, would hold the second report only.
    let mut seen: std::collections::HashMap<FileIdentity, &PathBuf> = Default::default();
    for (_, to) in &pairs {
        let Destination::File(path) = to else {
            continue;
        };
        let Some(identity) = FileIdentity::of(path) else {
            continue;
        };
        if let Some(first) = seen.insert(identity, path) {
            if first == path {
                anyhow::bail!("--output {} is given twice", path.display());
            }
            anyhow::bail!(
                "--output {} and --output {} are the same file; give each report a file of its own",
                first.display(),
                path.display()
            );
        }
    }
    Ok(pairs)
}

/// What names one file however it is spelled (a symlink, `./`, an absolute path, a hard
/// link): an existing file's device and inode; for a file still to be created, the
/// canonical directory it will be created in and its name, a symlink followed to where
/// it points. Devices and pipes have none: writing twice to them replaces nothing.
#[derive(Debug, PartialEq, Eq, Hash)]
enum FileIdentity {
    Inode(u64, u64),
    New(PathBuf),
}

impl FileIdentity {
    fn of(path: &std::path::Path) -> Option<FileIdentity> {
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() => None,
            #[cfg(unix)]
            Ok(meta) => {
                use std::os::unix::fs::MetadataExt;
                Some(FileIdentity::Inode(meta.dev(), meta.ino()))
            }
            _ => Some(FileIdentity::New(to_create(path))),
        }
    }
}

/// Where writing to `path` creates its file: a symlink (dangling, since the file does not
/// exist) followed, hop by hop as the system would, then the directory made canonical.
fn to_create(path: &std::path::Path) -> PathBuf {
    /// The hops Linux follows before it gives up (ELOOP).
    const MOST_LINKS: usize = 40;
    let mut path = path.to_path_buf();
    for _ in 0..MOST_LINKS {
        let Ok(target) = std::fs::read_link(&path) else {
            break;
        };
        // A relative target is relative to the link's directory; `join` keeps an absolute one.
        path = path
            .parent()
            .map_or_else(|| target.clone(), |dir| dir.join(&target));
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return path;
    };
    let dir = if dir.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        dir
    };
    // A directory that does not resolve: the write will fail and say so.
    std::fs::canonicalize(dir).map_or(path.clone(), |dir| dir.join(name))
}

/// One report as text; colours only on a terminal that wants them.
fn render(
    report: &ospo::report::Report,
    format: ReportFormat,
    color: ColorChoice,
    to_stdout: bool,
    all: bool,
) -> String {
    match format {
        ReportFormat::Json => report::json::render(report),
        ReportFormat::Sarif => report::sarif::render(report),
        ReportFormat::Junit => report::junit::render(report),
        ReportFormat::Github => report::github::render(report),
        ReportFormat::Gitlab => report::gitlab::render(report),
        ReportFormat::Markdown => report::markdown::render(report),
        ReportFormat::Terminal => {
            let is_terminal = to_stdout && std::io::stdout().is_terminal();
            let color = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            let width = if is_terminal {
                comfy_table::Table::new().width().unwrap_or(100).max(60)
            } else {
                100
            };
            terminal::render(report, terminal::Style { color, width, all })
        }
    }
}

/// Appends the Markdown summary to the file GitHub Actions shows on the run's page.
fn write_step_summary(report: &ospo::report::Report) -> Result<()> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|path| !path.is_empty()) else {
        return Ok(());
    };
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut file| {
            file.write_all(report::markdown::render(report).as_bytes())?;
            Ok(file)
        })
        .with_context(|| {
            format!(
                "cannot write the summary to GITHUB_STEP_SUMMARY ({})",
                PathBuf::from(&path).display()
            )
        })?;
    file.flush().context("writing the step summary")
}

fn dco(args: DcoArgs) -> Result<ExitCode> {
    use ospo::probe::dco::{self as gate, DcoRule, GateOptions, SignoffScope};
    let lang = language(args.lang);
    // The arguments are checked before the repository is read.
    let bots = gate::bots(args.bots.as_deref()).map_err(|reason| {
        anyhow::anyhow!(
            "--bots `{}`: {reason}",
            args.bots.as_deref().unwrap_or_default()
        )
    })?;
    let repo = RepoView::open(&args.path, None)?;
    let options = GateOptions {
        rule: match args.rule {
            RuleArg::AuthorOrCommitter => DcoRule::AuthorOrCommitter,
            RuleArg::Author => DcoRule::Author,
            RuleArg::Presence => DcoRule::Presence,
        },
        scope: match args.scope {
            ScopeArg::Trailers => SignoffScope::Trailers,
            ScopeArg::Message => SignoffScope::Message,
        },
        bots,
        remediation: gate::app_config(&repo)?.allow_remediation_commits,
    };
    let range = args.range.or_else(|| {
        pushed_range(
            std::env::var("PRE_COMMIT_FROM_REF").ok(),
            std::env::var("PRE_COMMIT_TO_REF").ok(),
        )
    });
    let report = gate::gate(repo.change(range.as_deref())?, &options);
    let text = match args.format {
        Format::Json => {
            let mut text =
                ospo::report::json::escape_unsafe(serde_json::to_string_pretty(&report)?);
            text.push('\n');
            text
        }
        Format::Terminal => ospo::report::dco::render(&report, lang),
        Format::Github => ospo::report::dco::github(&report, lang),
    };
    print(&text)?;
    Ok(exit_code(report.passed()))
}

/// The commits a `git push` sends, as pre-commit's pre-push stage gives them; `None` for a
/// new branch (no old commit), so the default range applies.
fn pushed_range(from: Option<String>, to: Option<String>) -> Option<String> {
    let (from, to) = (from?, to?);
    let known = |id: &str| !id.is_empty() && !id.bytes().all(|b| b == b'0');
    (known(&from) && known(&to)).then(|| format!("{from}..{to}"))
}

fn publiccode(args: PubliccodeArgs) -> Result<ExitCode> {
    use ospo::metadata::publiccode::validate;
    use ospo::report::publiccode as render;
    let lang = language(args.lang);
    let (shown, bytes) = match &args.file {
        Some(file) if file.as_os_str() == "-" => ("<stdin>".to_owned(), read_bounded(file)?),
        Some(file) => (file.display().to_string(), read_bounded(file)?),
        None => repository_publiccode(&args.path)?,
    };
    let validation = validate(&bytes);
    let text = match args.format {
        Format::Json => render::json(&shown, &validation, lang),
        Format::Terminal => render::terminal(&shown, &validation, lang),
        Format::Github => render::github(&shown, &validation, lang),
    };
    print(&text)?;
    Ok(exit_code(validation.is_valid()))
}

/// `ospo answer`: one answer given, or the open questions asked in turn on a terminal,
/// each saved in .ospo.yml as soon as it is given.
fn answer(args: AnswerArgs) -> Result<ExitCode> {
    use ospo::remedy::answers;
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
            .map(|item| answers::status_line(item, lang))
            .unwrap_or_default())
    };
    if let (Some(id), Some(value)) = (&args.item, args.answer) {
        let evidence = args.evidence.as_deref();
        if value == project::AnswerValue::Yes && answers::evidence_required(&checklist, id) {
            let refused = match evidence {
                None => Some(answers::evidence_missing(lang).to_owned()),
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
            answers::saved_line(&file, id, value, evidence, &date, lang),
            status(id)?
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    let report = check::run(&checklist, &repo, &project, options);
    let mut questions = answers::questions(&report, &checklist);
    if let Some(id) = &args.item {
        // The question named, open or not: an answer that counts can be given again.
        questions = answers::questions_all(&report, &checklist);
        questions.retain(|question| &question.id == id);
    }
    if questions.is_empty() {
        print(answers::nothing_to_ask(lang))?;
        return Ok(ExitCode::SUCCESS);
    }
    print(&answers::introduction(questions.len(), &file, lang))?;
    let check_evidence = |evidence: &str| answers::check_evidence(evidence, &repo, lang);
    let mut save = |question: &answers::Question,
                    value: project::AnswerValue,
                    evidence: Option<&str>|
     -> Result<String, String> {
        let new = answers::answered(text.as_deref(), &question.id, value, evidence, &date)?;
        answers::save(&repo, &file, &new)?;
        text = Some(new);
        Ok(answers::saved_line(
            &file,
            &question.id,
            value,
            evidence,
            &date,
            lang,
        ))
    };
    let tally = answers::interview(
        &questions,
        lang,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout(),
        &check_evidence,
        &mut save,
    )
    .map_err(anyhow::Error::msg)?;
    print(&answers::summary(tally, lang))?;
    Ok(ExitCode::SUCCESS)
}

/// The most `--from` reads: at some sixty bytes a path, a quarter of a million
/// repositories.
const MAX_PATHS_FILE_BYTES: u64 = 16 << 20;

/// The text of `audit --from FILE`: a regular file or a pipe (`-`: standard input), read
/// within [`MAX_PATHS_FILE_BYTES`]. A device such as `/dev/zero` is refused before it is
/// read from.
fn read_paths_file(from: &std::path::Path) -> Result<String> {
    use std::io::Read;
    let shown = if from.as_os_str() == "-" {
        "standard input".to_owned()
    } else {
        from.display().to_string()
    };
    let mut bytes = Vec::new();
    let read = if from.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_PATHS_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        let meta = std::fs::metadata(from).with_context(|| format!("cannot read {shown}"))?;
        #[cfg(unix)]
        let pipe = std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type());
        #[cfg(not(unix))]
        let pipe = false;
        anyhow::ensure!(
            meta.is_file() || pipe,
            "cannot read {shown}: not a regular file or a pipe"
        );
        std::fs::File::open(from)
            .and_then(|file| file.take(MAX_PATHS_FILE_BYTES + 1).read_to_end(&mut bytes))
    };
    read.with_context(|| format!("cannot read {shown}"))?;
    anyhow::ensure!(
        bytes.len() as u64 <= MAX_PATHS_FILE_BYTES,
        "cannot read {shown}: it holds more than {} MiB, where a path a line is expected",
        MAX_PATHS_FILE_BYTES >> 20
    );
    String::from_utf8(bytes).with_context(|| format!("cannot read {shown}: not UTF-8 text"))
}

/// A file's bytes, or standard input's for `-`, refusing more than a metadata file needs.
fn read_bounded(file: &std::path::Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let limit = ospo::repo::SCAN_BYTES as u64;
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        std::fs::File::open(file)
            .and_then(|opened| opened.take(limit + 1).read_to_end(&mut bytes))
            .with_context(|| format!("cannot read {}", file.display()))?;
    }
    anyhow::ensure!(bytes.len() as u64 <= limit, too_large(&file.display()));
    Ok(bytes)
}

/// The repository's `publiccode.yml` (or `.yaml`), read from its view: a worktree's file,
/// or a bare repository's `HEAD`.
fn repository_publiccode(path: &std::path::Path) -> Result<(String, Vec<u8>)> {
    let repo = RepoView::open(path, None)?;
    let root = repo.list(".", 1)?;
    let entry = ospo::probe::publiccode::NAMES
        .iter()
        .find_map(|name| root.iter().find(|entry| entry.path == *name))
        .with_context(|| {
            format!(
                "no publiccode.yml at the root of {}; give the file to validate",
                repo.root().display()
            )
        })?;
    let content = repo.read(entry, ospo::repo::SCAN_BYTES)?;
    anyhow::ensure!(!content.truncated(), too_large(&entry.path));
    Ok((entry.path.clone(), content.bytes))
}

/// Why a metadata file is refused: far larger than such a file needs.
fn too_large(file: &dyn std::fmt::Display) -> String {
    format!(
        "{file} is larger than {} KiB; it is not read",
        ospo::repo::SCAN_BYTES / 1024
    )
}

/// The checklist for `list` and `explain`: the one asked for, else the one the
/// repository around the working directory names in `.ospo.yml`, else `default`.
fn checklist_for_cwd(asked: Option<&str>) -> Result<Checklist> {
    if asked.is_none()
        && let Ok(repo) = RepoView::open(std::path::Path::new("."), None)
    {
        let project = project::read(&repo)?;
        return Ok(check::select_checklist(None, &project, Some(&repo))?);
    }
    Ok(check::select_checklist(
        asked,
        &ProjectFile::default(),
        None,
    )?)
}

fn list(checklist: &Checklist, lang: Lang) -> String {
    use comfy_table::{ContentArrangement, Table, presets};
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(120)
        .force_no_tty();
    let header = match lang {
        Lang::En => ["Item", "Level", "Weight", "Probe", "Title"],
        Lang::Fr => ["Élément", "Niveau", "Poids", "Sonde", "Titre"],
    };
    table.set_header(header);
    // A project's own checklist is the repository's text: escaped for the terminal.
    let shown = |text: &str| report::escape_controls(text).into_owned();
    for item in &checklist.items {
        table.add_row(vec![
            shown(&item.id),
            item.level.id().to_owned(),
            item.weight.to_string(),
            item.spec.kind().to_owned(),
            shown(item.title.get(lang)),
        ]);
    }
    let items = match lang {
        Lang::En => "items",
        Lang::Fr => "éléments",
    };
    format!(
        "{} {} ({}) — {} {items}\n{table}\n",
        shown(checklist.title.get(lang)),
        shown(&checklist.version),
        shown(&checklist.source),
        checklist.items.len()
    )
}

fn explain(
    item: &checklist::Item,
    answers_valid_months: u32,
    lang: Lang,
    patterns: bool,
) -> String {
    let (why, fix, how, written, stage, level, weight) = match lang {
        Lang::En => (
            "Why",
            "Fix",
            "How ospo checks",
            "Definition in the checklist",
            "Stage",
            "Level",
            "Weight",
        ),
        Lang::Fr => (
            "Pourquoi",
            "Action",
            "Comment ospo vérifie",
            "Définition dans la liste de contrôle",
            "Étape",
            "Niveau",
            "Poids",
        ),
    };
    let indent = |text: &str| {
        text.lines()
            .map(|line| format!("  {line}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let described =
        indent(ospo::probe::describe::describe_in(&item.spec, answers_valid_months).get(lang));
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    // The probe as it would be written in a checklist, patterns and all: asked for only,
    // since the description says the same in words.
    let definition = if patterns {
        let spec = serde_saphyr::to_string(&item.spec).unwrap_or_default();
        format!("\n{written}{colon}\n{}\n", indent(&spec))
    } else {
        String::new()
    };
    let documentation = item
        .help_url
        .as_deref()
        .map(|url| format!("\n\nDocumentation{colon} {url}"))
        .unwrap_or_default();
    // What the status rests on, and whether a waiver can skip a required item.
    let basis = match (lang, item.spec.basis()) {
        (Lang::En, checklist::Basis::Verified) => "Basis: verified, from the repository",
        (Lang::En, checklist::Basis::Declared) => "Basis: declared, answered in .ospo.yml",
        (Lang::Fr, checklist::Basis::Verified) => "Fondement : vérifié, d'après le dépôt",
        (Lang::Fr, checklist::Basis::Declared) => {
            "Fondement : déclaré, réponse donnée dans .ospo.yml"
        }
    };
    let waiver = match (lang, item.level, item.waivable) {
        (_, checklist::Level::Required, true)
        | (_, checklist::Level::Recommended, _)
        | (_, checklist::Level::Optional, _) => "",
        (Lang::En, checklist::Level::Required, false) => {
            "\nWaiver: none; a waiver of this required item in .ospo.yml is ignored"
        }
        (Lang::Fr, checklist::Level::Required, false) => {
            "\nDispense : impossible ; une dispense de cet élément obligatoire dans .ospo.yml est ignorée"
        }
    };
    format!(
        "{id} — {title}\n\n{stage}{colon} {n}. {stage_title}\n{level}{colon} {lvl}\n{weight}{colon} {w}\n{basis}{waiver}\n\n{why}{colon}\n  {why_text}\n\n{fix}{colon}\n  {fix_text}{documentation}\n\n{how}{colon}\n{described}\n{definition}",
        id = item.id,
        title = item.title.get(lang),
        n = item.stage.number(),
        stage_title = item.stage.title().get(lang),
        lvl = item.level.label(lang),
        w = item.weight,
        why_text = item.why.get(lang).trim(),
        fix_text = item.fix.get(lang).trim(),
    )
}

/// 0 when what was checked passes, 1 when it does not.
fn exit_code(passed: bool) -> ExitCode {
    if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Prints to stdout; a closed pipe (`ospo list | head`) is not an error.
fn print(text: &str) -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        other => {
            other.context("writing to standard output")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

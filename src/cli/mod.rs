//! Command-line interface: arguments, dispatch, output and exit codes.
//!
//! Exit codes: 0 the check passes, 1 it fails, 2 a usage error, an invalid checklist or
//! `.ospo.yml`, a path that is not a git repository, or a report that cannot be written.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use ospo::check;
use ospo::checklist::{self, Checklist};
use ospo::i18n::Lang;
use ospo::project::{self, ProjectFile};
use ospo::repo::RepoView;
use ospo::report;
use ospo::score::FailOn;

mod audit;
mod checking;
mod gates;
mod items;
mod remedy;

use audit::{AuditArgs, audit};
use checking::{CheckArgs, Positions, check};
use gates::{DcoArgs, PubliccodeArgs, dco, publiccode};
use items::{explain, list};
use remedy::{AnswerArgs, FixArgs, InitArgs, answer, fix, init};

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
        Command::Init(args) => init(args),
        Command::Fix(args) => fix(args),
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

fn fail_on(arg: FailOnArg) -> FailOn {
    match arg {
        FailOnArg::Required => FailOn::Required,
        FailOnArg::Recommended => FailOn::Recommended,
        FailOnArg::Any => FailOn::Any,
    }
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

//! Command-line interface: arguments, dispatch, output and exit codes.
//!
//! Exit codes: 0 the check passes, 1 it fails, 2 a usage error, an invalid checklist or
//! `.ospo.yml`, or a path that is not a git repository.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};

use ospo::check::{self, Options};
use ospo::checklist::{self, Checklist};
use ospo::i18n::Lang;
use ospo::project::{self, ProjectFile};
use ospo::repo::RepoView;
use ospo::report::{json, terminal};
use ospo::score::Verdict;

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
    /// Prints the items of a checklist.
    List(ChecklistArgs),
    /// Explains one item: why it matters, how to fix it, how ospo checks it.
    Explain {
        /// The item id, e.g. `legal.licence-file`.
        item: String,
        #[command(flatten)]
        args: ChecklistArgs,
    },
    /// Checks that every commit of a change is signed off (Developer Certificate of
    /// Origin): the CI gate. Exits 1 when a commit fails, 2 on a bad range.
    Dco(DcoArgs),
    /// Validates a publiccode.yml offline and lists every problem with its line. Exits 0
    /// when valid, 1 when invalid, 2 when the file cannot be read.
    Publiccode(PubliccodeArgs),
    /// Prints the JSON Schema of the checklist format.
    Schema,
}

#[derive(Debug, clap::Args)]
struct DcoArgs {
    /// The change, BASE..TIP (e.g. origin/main..HEAD) [default: the commits of HEAD not on
    /// origin/HEAD, origin/main or origin/master].
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
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    /// Language of the report [default: French when LC_ALL, LC_MESSAGES or LANG starts with `fr`].
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Also fails when the overall score is below this percentage.
    #[arg(long, value_name = "N", value_parser = parse_percent)]
    fail_under: Option<f64>,
    /// When to colour the terminal report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
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

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Terminal,
    Json,
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

fn parse_percent(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is not between 0 and 100"))
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
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::List(args) => {
            let lang = language(args.lang);
            let checklist = checklist_for_cwd(args.checklist.as_deref())?;
            print(&list(&checklist, lang))
        }
        Command::Explain { item, args } => {
            let lang = language(args.lang);
            let checklist = checklist_for_cwd(args.checklist.as_deref())?;
            let Some(found) = checklist.item(&item) else {
                anyhow::bail!(
                    "checklist `{}` has no item `{item}`; `ospo list` shows its items",
                    checklist.id
                );
            };
            print(&explain(found, lang))
        }
        Command::Dco(args) => dco(args),
        Command::Publiccode(args) => publiccode(args),
        Command::Schema => print(&checklist::format::schema_json()),
    }
}

fn check(args: CheckArgs) -> Result<ExitCode> {
    let lang = language(args.lang);
    let repo = RepoView::open(&args.path, args.rev.as_deref())?;
    let project = project::read(&repo)?;
    let checklist = check::select_checklist(args.checklist.as_deref(), &project, Some(&repo))?;
    let report = check::run(
        &checklist,
        &repo,
        &project,
        Options {
            lang,
            fail_under: args.fail_under,
        },
    );
    let text = match args.format {
        Format::Json => json::render(&report),
        Format::Terminal => {
            let stdout = std::io::stdout();
            let is_terminal = stdout.is_terminal();
            let color = match args.color {
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
            terminal::render(&report, terminal::Style { color, width })
        }
    };
    print(&text)?;
    Ok(match report.verdict {
        Verdict::Pass => ExitCode::SUCCESS,
        Verdict::Fail => ExitCode::from(1),
    })
}

fn dco(args: DcoArgs) -> Result<ExitCode> {
    use ospo::probe::dco::{self as gate, DcoRule, GateOptions, SignoffScope};
    let lang = language(args.lang);
    let repo = RepoView::open(&args.path, None)?;
    let bots = gate::bots(args.bots.as_deref()).with_context(|| {
        format!(
            "invalid --bots pattern `{}`",
            args.bots.as_deref().unwrap_or("")
        )
    })?;
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
    let (range, commits) = repo.change(args.range.as_deref())?;
    let report = gate::gate(range, &commits, &options);
    let text = match args.format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&report)?;
            text.push('\n');
            text
        }
        Format::Terminal => ospo::report::dco::render(&report, lang),
    };
    print(&text)?;
    Ok(if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
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
    };
    print(&text)?;
    Ok(if validation.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
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
    for item in &checklist.items {
        table.add_row(vec![
            item.id.clone(),
            item.level.id().to_owned(),
            item.weight.to_string(),
            item.spec.kind().to_owned(),
            item.title.get(lang).to_owned(),
        ]);
    }
    let items = match lang {
        Lang::En => "items",
        Lang::Fr => "éléments",
    };
    format!(
        "{} {} ({}) — {} {items}\n{table}\n",
        checklist.title.get(lang),
        checklist.version,
        checklist.source,
        checklist.items.len()
    )
}

fn explain(item: &checklist::Item, lang: Lang) -> String {
    let (why, fix, probe, stage, level, weight) = match lang {
        Lang::En => ("Why", "Fix", "Probe", "Stage", "Level", "Weight"),
        Lang::Fr => ("Pourquoi", "Action", "Sonde", "Étape", "Niveau", "Poids"),
    };
    // The probe as it would be written in a checklist.
    let spec = serde_saphyr::to_string(&item.spec)
        .unwrap_or_default()
        .lines()
        .map(|line| format!("  {line}"))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "{id} — {title}\n\n{stage}{colon} {n}. {stage_title}\n{level}{colon} {lvl}\n{weight}{colon} {w}\n\n{why}{colon}\n  {why_text}\n\n{fix}{colon}\n  {fix_text}\n\n{probe}{colon}\n{spec}\n",
        colon = if lang == Lang::Fr { " :" } else { ":" },
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

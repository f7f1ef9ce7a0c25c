//! `ospo audit` and `ospo audit merge`: their arguments, the run, and the reports
//! written as they are made.

use super::{FailOnArg, LangArg, exit_code, fail_on, language, parse_percent};
use anyhow::{Context as _, Result};
use clap::{Subcommand, ValueEnum};
use ospo::check::Options;
use ospo::checklist;
use ospo::report;
use ospo::score::Gate;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub(super) struct AuditArgs {
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
pub(super) struct AuditOutput {
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
pub(super) enum AuditCommand {
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
pub(super) enum AuditFormat {
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

pub(super) fn audit(args: AuditArgs) -> Result<ExitCode> {
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
pub(super) struct Sink {
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
pub(super) fn audit_merge(files: &[PathBuf], output: &AuditOutput) -> Result<ExitCode> {
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
pub(super) fn progress_bar(len: usize, output: &AuditOutput) -> indicatif::ProgressBar {
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

pub(super) fn write_audit(
    audit: &ospo::audit::Audit,
    output: &AuditOutput,
    run: &ospo::audit::merge::RunInfo,
) -> Result<()> {
    write_audit_pieces(&[render_audit(audit, output, run)], output)
}

/// The audit in its format; `run`, what it was, ends a jsonl.
pub(super) fn render_audit(
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
pub(super) fn write_audit_pieces(pieces: &[String], output: &AuditOutput) -> Result<()> {
    let mut sink = Sink::open(output)?;
    for piece in pieces {
        sink.write(piece.as_bytes());
    }
    sink.finish()
}

/// The most `--from` reads: at some sixty bytes a path, a quarter of a million
/// repositories.
pub(super) const MAX_PATHS_FILE_BYTES: u64 = 16 << 20;

/// The text of `audit --from FILE`: a regular file or a pipe (`-`: standard input), read
/// within [`MAX_PATHS_FILE_BYTES`]. A device such as `/dev/zero` is refused before it is
/// read from.
pub(super) fn read_paths_file(from: &std::path::Path) -> Result<String> {
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

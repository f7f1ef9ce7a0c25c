//! `ospo check`: its arguments, the pairing of formats with outputs, and the reports
//! written.

use super::{ColorChoice, FailOnArg, LangArg, exit_code, fail_on, language, parse_percent, print};
use anyhow::{Context as _, Result};
use clap::{ArgMatches, ValueEnum};
use ospo::check::{self, Options};
use ospo::project;
use ospo::repo::RepoView;
use ospo::report::{self, terminal};
use ospo::score::{Gate, Verdict};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct CheckArgs {
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

/// The formats of `ospo check`, one file each under `src/report/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ReportFormat {
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

pub(super) fn check(args: CheckArgs, positions: &Positions) -> Result<ExitCode> {
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

/// Where each `--format` and `--output` sits on the command line, to pair them.
#[derive(Debug, Default)]
pub(super) struct Positions {
    formats: Vec<usize>,
    outputs: Vec<usize>,
}

impl Positions {
    pub(super) fn of(matches: &ArgMatches) -> Positions {
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
pub(super) enum Destination {
    Stdout,
    File(PathBuf),
}

/// Pairs formats with outputs: an `--output` writes the `--format` just before it; an
/// `--output` with no format of its own takes its file's; a format with no output goes to
/// standard output, which only one report may take. One format and one output pair in
/// either order.
pub(super) fn destinations(
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
pub(super) enum FileIdentity {
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
pub(super) fn to_create(path: &std::path::Path) -> PathBuf {
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
pub(super) fn render(
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
pub(super) fn write_step_summary(report: &ospo::report::Report) -> Result<()> {
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

//! The gates of a CI job besides the check: `ospo dco` and `ospo publiccode`.

use super::{Format, LangArg, exit_code, language, print};
use anyhow::{Context as _, Result};
use clap::ValueEnum;
use ospo::repo::RepoView;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(super) struct DcoArgs {
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
pub(super) struct PubliccodeArgs {
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
pub(super) enum RuleArg {
    /// As the DCO GitHub app: the author's or the committer's name and email.
    AuthorOrCommitter,
    /// As dco-check: exactly the author's name and email.
    Author,
    /// Any well-formed sign-off.
    Presence,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum ScopeArg {
    /// The trailer block, as git reads it.
    Trailers,
    /// Anywhere in the message, as the DCO app reads it.
    Message,
}

pub(super) fn dco(args: DcoArgs) -> Result<ExitCode> {
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
pub(super) fn pushed_range(from: Option<String>, to: Option<String>) -> Option<String> {
    let (from, to) = (from?, to?);
    let known = |id: &str| !id.is_empty() && !id.bytes().all(|b| b == b'0');
    (known(&from) && known(&to)).then(|| format!("{from}..{to}"))
}

pub(super) fn publiccode(args: PubliccodeArgs) -> Result<ExitCode> {
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

/// A file's bytes, or standard input's for `-`, refusing more than a metadata file needs.
pub(super) fn read_bounded(file: &std::path::Path) -> Result<Vec<u8>> {
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
pub(super) fn repository_publiccode(path: &std::path::Path) -> Result<(String, Vec<u8>)> {
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
pub(super) fn too_large(file: &dyn std::fmt::Display) -> String {
    format!(
        "{file} is larger than {} KiB; it is not read",
        ospo::repo::SCAN_BYTES / 1024
    )
}

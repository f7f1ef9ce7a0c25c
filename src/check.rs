//! Running a checklist on a repository: every item's probe, then scores and verdict.

use crate::checklist::{self, Checklist, LoadError};
use crate::i18n::Lang;
use crate::probe::{Context, Evidence, Outcome, ProbeSpec, Status};
use crate::project::ProjectFile;
use crate::repo::RepoView;
use crate::report::{
    ChecklistInfo, ItemReport, Report, Repository, SCHEMA_VERSION, StageReport, Tool,
    WaiverOutcome, WaiverReport, location,
};
use crate::score::{self, Gate, Scored, Scores};
use crate::text;

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub lang: Lang,
    /// What fails the check: the levels of the items that count, a lowest score.
    pub gate: Gate,
    /// The checklist's probes are prepared already (an audit prepares them once for every
    /// repository): no second thread is started to prepare them.
    pub probes_prepared: bool,
    /// Every waiver of `.ospo.yml` is ignored (`--no-waivers`): what an auditor runs.
    pub no_waivers: bool,
}

/// The checklist to use: the one asked for on the command line (a name, or a path relative
/// to the working directory), else the one the project's `.ospo.yml` names (a name, or a
/// path from the repository root, read from the repository view), else `default`.
///
/// A checklist file of the repository's own is used here: `ospo check` is run on one's
/// own repository, and the loader bounds what any checklist holds. `ospo audit` uses one
/// only when told to trust them (see `audit::AuditOptions::trust_repo_checklists`).
pub fn select_checklist(
    asked: Option<&str>,
    project: &ProjectFile,
    repo: Option<&RepoView>,
) -> Result<Checklist, LoadError> {
    let here = std::path::Path::new(".");
    match (asked, &project.checklist, repo) {
        (Some(selector), _, _) => checklist::load(selector, here),
        (None, Some(selector), Some(repo)) => checklist::load_from_repo(selector, repo),
        _ => checklist::load("default", here),
    }
}

/// Runs every item and builds the report.
pub fn run(
    checklist: &Checklist,
    repo: &RepoView,
    project: &ProjectFile,
    options: Options,
) -> Report {
    let lang = options.lang;
    let waivers = waivers(checklist, project, options.no_waivers);
    let applied: std::collections::BTreeMap<&str, &str> = waivers
        .iter()
        .filter(|waiver| waiver.outcome == WaiverOutcome::Applied)
        .map(|waiver| (waiver.id.as_str(), waiver.reason.as_str()))
        .collect();
    let outcomes = run_items(checklist, repo, project, &applied, options.probes_prepared);
    let project_file = project.path.as_deref().unwrap_or(".ospo.yml");
    let items: Vec<ItemReport> = checklist
        .items
        .iter()
        .zip(outcomes)
        .map(|(item, outcome)| ItemReport {
            id: item.id.clone(),
            stage: item.stage,
            level: item.level,
            weight: item.weight,
            probe: item.spec.kind().to_owned(),
            basis: item.spec.basis(),
            title: item.title.get(lang).to_owned(),
            status: outcome.status,
            message: outcome.message.get(lang).to_owned(),
            location: location::of(&item.spec, outcome.evidence.as_ref(), project_file).map(
                |mut location| {
                    location.missing = !repo.exists(&location.path);
                    location
                },
            ),
            evidence: outcome.evidence,
            why: item.why.get(lang).to_owned(),
            fix: item.fix.get(lang).to_owned(),
            help_url: item.help_url.clone(),
        })
        .collect();

    let scores = Scores::of(&items);
    let overall = scores.overall;
    let judgement = score::judge(
        &items,
        |item| item.id.clone(),
        scores.verified.score,
        options.gate,
    );
    let stages = score::by_stage(&items)
        .into_iter()
        .map(|(stage, scores)| StageReport {
            stage,
            number: stage.number(),
            title: stage.title().get(lang).to_owned(),
            score: scores.overall.score,
            verified_score: scores.verified.score,
            declared_score: scores.declared.score,
            passed_weight: scores.overall.passed_weight,
            applicable_weight: scores.overall.applicable_weight,
            counts: scores.overall.counts,
        })
        .collect();
    let questions = items
        .iter()
        .filter(|item| item.is_open_question())
        .map(|item| item.id.clone())
        .collect();

    Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool::ospo(),
        language: lang,
        repository: Repository {
            path: repo.root().display().to_string(),
            view: repo.kind(),
            bare: repo.is_bare(),
            commit: repo.commit().map(str::to_owned),
        },
        checklist: ChecklistInfo {
            id: checklist.id.clone(),
            title: checklist.title.get(lang).to_owned(),
            version: checklist.version.clone(),
            source: checklist.source.clone(),
        },
        project_file: project.path.clone(),
        verdict: judgement.verdict,
        score: overall.score,
        verified_score: scores.verified.score,
        declared_score: scores.declared.score,
        passed_weight: overall.passed_weight,
        applicable_weight: overall.applicable_weight,
        counts: overall.counts,
        fail_under: options.gate.fail_under,
        fail_on: options.gate.fail_on,
        failed_required: judgement.failed_required,
        failed: judgement.failed,
        stages,
        items,
        questions,
        warnings: warnings(checklist, project, &waivers, lang),
        waivers,
        anchor: repo.anchor_file(),
    }
}

/// What becomes of each waiver of the project file: a required item is waived only where
/// the checklist marks it `waivable`, so that a waiver can never hide what the check
/// requires; `--no-waivers` ignores them all.
fn waivers(checklist: &Checklist, project: &ProjectFile, ignored: bool) -> Vec<WaiverReport> {
    project
        .waivers
        .iter()
        .map(|(id, reason)| {
            let outcome = match checklist.item(id) {
                None => WaiverOutcome::UnknownItem,
                Some(item) if item.level == crate::checklist::Level::Required && !item.waivable => {
                    WaiverOutcome::NotWaivable
                }
                Some(_) if ignored => WaiverOutcome::Ignored,
                Some(_) => WaiverOutcome::Applied,
            };
            WaiverReport {
                id: id.clone(),
                reason: reason.clone(),
                outcome,
            }
        })
        .collect()
}

/// Every item's outcome, in checklist order. Patterns compile on a second thread while
/// the probes that need none read the repository; the others run last, building any
/// pattern the second thread has not reached yet.
fn run_items(
    checklist: &Checklist,
    repo: &RepoView,
    project: &ProjectFile,
    waived: &std::collections::BTreeMap<&str, &str>,
    prepared: bool,
) -> Vec<Outcome> {
    let now = now();
    // One pass over the history covers the windows of every history probe.
    let reach = checklist
        .items
        .iter()
        .filter(|item| !waived.contains_key(item.id.as_str()))
        .filter_map(|item| item.probe.history_window(now))
        .map(crate::repo::history::Window::reach)
        .reduce(crate::repo::history::Reach::union);
    let (later, first): (Vec<_>, Vec<_>) =
        checklist.items.iter().enumerate().partition(|(_, item)| {
            item.probe.needs_preparing() && !waived.contains_key(item.id.as_str())
        });
    let parallel = !prepared && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    let mut outcomes: Vec<Option<Outcome>> = vec![None; checklist.items.len()];
    let shared = crate::probe::Shared::default();
    std::thread::scope(|scope| {
        if parallel && !later.is_empty() {
            let to_prepare: Vec<_> = later.iter().map(|(_, item)| &item.probe).collect();
            scope.spawn(move || {
                // From the last: the main thread builds what it needs from the first, so
                // the two meet in the middle. A probe that cannot be prepared says so
                // when it runs.
                to_prepare.iter().rev().for_each(|probe| {
                    let _ = probe.prepare();
                })
            });
        }
        // Read while the other thread compiles. One walk of the whole tree, when an item
        // needs it anyway, answers every listing after it.
        if checklist
            .items
            .iter()
            .any(|item| item.probe.lists_every_file() && !waived.contains_key(item.id.as_str()))
        {
            let _ = repo.list("", usize::MAX);
        }
        let history = reach.map(|reach| repo.history(reach));
        for (index, item) in first.iter().chain(later.iter()) {
            let outcome = match waived.get(item.id.as_str()) {
                Some(reason) => Outcome::new(
                    Status::Skip,
                    text!("waived: {reason}", "dispensé : {reason}"),
                )
                .with(Evidence::Waiver {
                    reason: (*reason).to_owned(),
                }),
                None => item.probe.run(&Context {
                    repo,
                    project,
                    item_id: &item.id,
                    history: history.as_ref(),
                    now,
                    shared: &shared,
                    answers_valid_months: checklist.answers_valid_months,
                }),
            };
            outcomes[*index] = Some(outcome);
        }
    });
    outcomes
        .into_iter()
        .map(|outcome| outcome.expect("every item ran"))
        .collect()
}

/// The time history windows count back from, answers are aged from and drafts are dated
/// from: `SOURCE_DATE_EPOCH` when set (reproducible builds use it; so do the tests), else
/// the clock. Seconds since the epoch.
pub fn now() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |elapsed| elapsed.as_secs() as i64)
        })
}

/// Answers and waivers that name no item of the checklist (with the id meant, when one is
/// close), answers to items that are not questions, and waivers that were not applied.
fn warnings(
    checklist: &Checklist,
    project: &ProjectFile,
    waivers: &[WaiverReport],
    lang: Lang,
) -> Vec<String> {
    let file = project.path.as_deref().unwrap_or(".ospo.yml");
    let ids: Vec<&str> = checklist
        .items
        .iter()
        .map(|item| item.id.as_str())
        .collect();
    let meant = |id: &str| match crate::metadata::closest(id, &ids) {
        Some(close) => text!(
            " (did you mean `{close}`?)",
            " (vouliez-vous dire `{close}` ?)"
        ),
        None => text!("", ""),
    };
    let mut warnings = Vec::new();
    for id in project.answers.keys() {
        let mut message = match checklist.item(id) {
            None => text!(
                "{file} answers `{id}`, which this checklist does not have",
                "{file} répond à `{id}`, que cette liste de contrôle ne contient pas"
            ),
            Some(item) if !matches!(item.spec, ProbeSpec::Attest(_)) => text!(
                "{file} answers `{id}`, but ospo checks that item itself; the answer is not used",
                "{file} répond à `{id}`, mais ospo vérifie cet élément lui-même ; la réponse n'est pas utilisée"
            ),
            Some(_) => continue,
        };
        if checklist.item(id).is_none() {
            message.push(&meant(id));
        }
        warnings.push(message.get(lang).to_owned());
    }
    for waiver in waivers {
        let id = &waiver.id;
        let message = match waiver.outcome {
            WaiverOutcome::Applied | WaiverOutcome::Ignored => continue,
            WaiverOutcome::UnknownItem => {
                let mut message = text!(
                    "{file} waives `{id}`, which this checklist does not have",
                    "{file} dispense de `{id}`, que cette liste de contrôle ne contient pas"
                );
                message.push(&meant(id));
                message
            }
            WaiverOutcome::NotWaivable => text!(
                "{file} waives `{id}`, a required item this checklist does not let be waived: the waiver is ignored and the item is checked",
                "{file} dispense de `{id}`, un élément obligatoire dont cette liste de contrôle n'autorise pas la dispense : la dispense est ignorée et l'élément est vérifié"
            ),
        };
        warnings.push(message.get(lang).to_owned());
    }
    warnings
}

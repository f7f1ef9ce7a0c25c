//! Running a checklist on a repository: every item's probe, then scores and verdict.

use crate::checklist::{self, Checklist, LoadError};
use crate::i18n::Lang;
use crate::probe::{Context, Evidence, Outcome, ProbeSpec, Status};
use crate::project::ProjectFile;
use crate::repo::RepoView;
use crate::report::{
    ChecklistInfo, ItemReport, Report, Repository, SCHEMA_VERSION, StageReport, Tool, location,
};
use crate::score::{self, Gate, Score};
use crate::text;

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub lang: Lang,
    /// What fails the check: the levels of the items that count, a lowest score.
    pub gate: Gate,
    /// The checklist's probes are prepared already (an audit prepares them once for every
    /// repository): no second thread is started to prepare them.
    pub probes_prepared: bool,
}

/// The checklist to use: the one asked for on the command line (a name, or a path relative
/// to the working directory), else the one the project's `.ospo.yml` names (a name, or a
/// path from the repository root, read from the repository view), else `default`.
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
    let outcomes = run_items(checklist, repo, project, options.probes_prepared);
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
            title: item.title.get(lang).to_owned(),
            status: outcome.status,
            message: outcome.message.get(lang).to_owned(),
            location: location::of(&item.spec, outcome.evidence.as_ref(), project_file),
            evidence: outcome.evidence,
            why: item.why.get(lang).to_owned(),
            fix: item.fix.get(lang).to_owned(),
            help_url: item.help_url.clone(),
        })
        .collect();

    let overall = Score::of(&items);
    let judgement = score::judge(&items, |item| item.id.clone(), &overall, options.gate);
    let stages = score::by_stage(&items)
        .into_iter()
        .map(|(stage, score)| StageReport {
            stage,
            number: stage.number(),
            title: stage.title().get(lang).to_owned(),
            score: score.score,
            passed_weight: score.passed_weight,
            applicable_weight: score.applicable_weight,
            counts: score.counts,
        })
        .collect();
    let questions = items
        .iter()
        .filter(|item| item.status == Status::Unknown && item.probe == "attest")
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
        warnings: warnings(checklist, project, lang),
    }
}

/// Every item's outcome, in checklist order. Patterns compile on a second thread while
/// the probes that need none read the repository; the others run last, building any
/// pattern the second thread has not reached yet.
fn run_items(
    checklist: &Checklist,
    repo: &RepoView,
    project: &ProjectFile,
    prepared: bool,
) -> Vec<Outcome> {
    let now = now();
    // One pass over the history covers the windows of every history probe.
    let reach = checklist
        .items
        .iter()
        .filter(|item| !project.waivers.contains_key(&item.id))
        .filter_map(|item| item.probe.history_window(now))
        .map(crate::repo::history::Window::reach)
        .reduce(crate::repo::history::Reach::union);
    let (later, first): (Vec<_>, Vec<_>) =
        checklist.items.iter().enumerate().partition(|(_, item)| {
            item.probe.needs_preparing() && !project.waivers.contains_key(&item.id)
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
            .any(|item| item.probe.lists_every_file() && !project.waivers.contains_key(&item.id))
        {
            let _ = repo.list("", usize::MAX);
        }
        let history = reach.map(|reach| repo.history(reach));
        for (index, item) in first.iter().chain(later.iter()) {
            let outcome = match project.waivers.get(&item.id) {
                Some(reason) => Outcome::new(
                    Status::Skip,
                    text!("waived: {reason}", "dispensé : {reason}"),
                )
                .with(Evidence::Waiver {
                    reason: reason.clone(),
                }),
                None => item.probe.run(&Context {
                    repo,
                    project,
                    item_id: &item.id,
                    history: history.as_ref(),
                    now,
                    shared: &shared,
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

/// The time history windows count back from: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds use it; so do the tests), else the clock.
fn now() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |elapsed| elapsed.as_secs() as i64)
        })
}

/// Answers and waivers that name no item of the checklist, or answer an item that is not
/// a question: likely typos, or left over from another checklist.
fn warnings(checklist: &Checklist, project: &ProjectFile, lang: Lang) -> Vec<String> {
    let file = project.path.as_deref().unwrap_or(".ospo.yml");
    let mut warnings = Vec::new();
    for id in project.answers.keys() {
        let message = match checklist.item(id) {
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
        warnings.push(message.get(lang).to_owned());
    }
    for id in project.waivers.keys() {
        if checklist.item(id).is_none() {
            let message = text!(
                "{file} waives `{id}`, which this checklist does not have",
                "{file} dispense de `{id}`, que cette liste de contrôle ne contient pas"
            );
            warnings.push(message.get(lang).to_owned());
        }
    }
    warnings
}

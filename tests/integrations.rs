//! The ready-made integrations run as their CI would run them: the GitHub Action's script
//! with the variables the runner sets, the GitLab template's script lines in a shell, and
//! the pre-commit hooks' entries; and their files declare what they use.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

fn source(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn yaml(relative: &str) -> Value {
    let text = std::fs::read_to_string(source(relative)).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The complete project without its licence: the required licence item fails.
fn unlicensed_project() -> Repo {
    let repo = complete_project();
    repo.remove_signed_off(&["LICENSE", "LICENSES/MIT.txt"]);
    repo
}

/// A folder outside the repository with an `ospo` command on it, as CI images have.
fn bin_dir(repo: &Repo) -> PathBuf {
    let dir = repo.outside().join("bin");
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("ospo");
    if !link.exists() {
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_ospo"), &link).unwrap();
    }
    dir
}

fn run(mut command: Command) -> Output {
    for var in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "NO_COLOR"] {
        command.env_remove(var);
    }
    command.env("SOURCE_DATE_EPOCH", NOW_EPOCH);
    let output = command.output().expect("the command runs");
    Output {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

// ── GitHub Action ──

/// Runs `ci/github-action.sh STEP` in the repository as the action's step would.
fn action_step(repo: &Repo, step: &str, env: &[(&str, &str)]) -> (Output, PathBuf) {
    // A new runner each time: the files it appends to start empty.
    let temp = repo.outside().join(format!("runner-{step}"));
    let _ = std::fs::remove_dir_all(&temp);
    std::fs::create_dir_all(&temp).unwrap();
    let mut command = Command::new("bash");
    command
        .arg(source("ci/github-action.sh"))
        .arg(step)
        .current_dir(repo.path())
        .env("OSPO_BIN", env!("CARGO_BIN_EXE_ospo"))
        .env("RUNNER_TEMP", &temp)
        .env("GITHUB_OUTPUT", temp.join("output"))
        .env("GITHUB_STEP_SUMMARY", temp.join("summary.md"));
    for (name, value) in env {
        command.env(name, value);
    }
    (run(command), temp)
}

fn step_outputs(temp: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(temp.join("output"))
        .unwrap_or_default()
        .lines()
        .map(|line| {
            let (name, value) = line.split_once('=').expect("name=value");
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

fn step_output(temp: &Path, name: &str) -> Option<String> {
    step_outputs(temp)
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

#[test]
fn the_action_check_step_annotates_summarises_writes_sarif_and_sets_its_outputs() {
    let repo = unlicensed_project();
    let sarif = repo.outside().join("ospo.sarif");
    let (output, temp) = action_step(
        &repo,
        "check",
        &[
            ("OSPO_SARIF_FILE", sarif.to_str().unwrap()),
            ("OSPO_FAIL_ON", "required"),
        ],
    );
    // The step itself passes: the verdict is the action's last step, after the upload.
    output.assert_code(0);
    assert!(
        output
            .stdout
            .starts_with("::error title=ospo%3A FAIL::Required items not met: legal.licence-file."),
        "{}",
        output.all()
    );
    assert!(
        output
            .stdout
            .lines()
            .any(|line| line.starts_with("::warning title=legal.licence-file%3A")),
        "{}",
        output.all()
    );
    assert_eq!(step_output(&temp, "exit-code").as_deref(), Some("1"));
    assert_eq!(step_output(&temp, "verdict").as_deref(), Some("fail"));
    let score: f64 = step_output(&temp, "score").unwrap().parse().unwrap();
    assert!(score > 50.0 && score < 100.0, "{score}");
    let verified: f64 = step_output(&temp, "verified-score")
        .unwrap()
        .parse()
        .unwrap();
    assert!(verified > 50.0 && verified < score, "{verified}");
    assert_eq!(
        step_output(&temp, "declared-score").as_deref(),
        Some("100.0")
    );
    assert_eq!(
        step_output(&temp, "sarif-file").as_deref(),
        sarif.to_str(),
        "{:?}",
        step_outputs(&temp)
    );
    assert!(sarif.is_file());
    let summary = std::fs::read_to_string(temp.join("summary.md")).unwrap();
    assert!(summary.starts_with("## ospo: "), "{summary}");
    assert!(summary.contains("| **Overall** |"), "{summary}");
    assert!(
        summary.contains("| Stage | Verified | Declared |"),
        "{summary}"
    );
}

#[test]
fn the_action_passes_a_complete_project_and_fails_under_a_threshold() {
    let repo = complete_project();
    let (output, temp) = action_step(&repo, "check", &[]);
    output.assert_code(0);
    assert_eq!(step_output(&temp, "exit-code").as_deref(), Some("0"));
    assert_eq!(step_output(&temp, "verdict").as_deref(), Some("pass"));
    assert_eq!(step_output(&temp, "score").as_deref(), Some("100.0"));
    assert_eq!(step_output(&temp, "sarif-file"), None, "no SARIF asked for");

    let (_, temp) = action_step(&repo, "check", &[("OSPO_FAIL_UNDER", "101")]);
    assert_eq!(step_output(&temp, "exit-code").as_deref(), Some("1"));

    // A usage error is exit code 2, and the verdict step fails with it.
    let (_, temp) = action_step(&repo, "check", &[("OSPO_FAIL_ON", "sometimes")]);
    assert_eq!(step_output(&temp, "exit-code").as_deref(), Some("2"));
    assert_eq!(step_output(&temp, "verdict"), None);
}

#[test]
fn the_action_dco_step_checks_the_pull_request_range() {
    let repo = complete_project();
    let base = repo.commit_unsigned();
    let range = format!("{base}..HEAD");
    let (output, _) = action_step(&repo, "dco", &[("OSPO_DCO_RANGE", &range)]);
    output.assert_code(1);
    assert!(output.stdout.contains(UNSIGNED), "{}", output.all());

    let (output, _) = action_step(&repo, "dco", &[]);
    output.assert_code(0);
    assert!(
        output.stdout.contains("no pull request"),
        "{}",
        output.all()
    );
}

#[test]
fn the_action_declares_every_input_and_output_it_uses() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let inputs = action["inputs"].as_object().expect("inputs");
    let text = std::fs::read_to_string(source("action.yml")).unwrap();
    let used = |prefix: &str| -> Vec<String> {
        let mut names: Vec<String> = text
            .match_indices(prefix)
            .map(|(at, _)| {
                text[at + prefix.len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect()
            })
            .collect();
        names.sort();
        names.dedup();
        names
    };
    for name in used("inputs.") {
        assert!(inputs.contains_key(&name), "inputs.{name} is not declared");
    }
    for name in inputs.keys() {
        assert!(
            used("inputs.").contains(name),
            "input `{name}` is declared but not used"
        );
        assert!(
            inputs[name].get("description").is_some(),
            "input `{name}` has no description"
        );
    }
    // Code scanning needs GitHub Advanced Security on a private repository: by default
    // the log is uploaded for public ones only, as the event payload tells.
    assert_eq!(inputs["sarif"]["default"], "auto");
    assert!(
        text.contains("inputs.sarif == 'auto' && github.event.repository.private != true"),
        "{text}"
    );
    // The README lists every input.
    let readme = std::fs::read_to_string(source("README.md")).unwrap();
    for name in inputs.keys() {
        assert!(
            readme.contains(&format!("`{name}`")),
            "README.md does not list the input `{name}`"
        );
    }
    // What the steps read of the check step is what the script writes.
    let script = std::fs::read_to_string(source("ci/github-action.sh")).unwrap();
    for name in used("steps.check.outputs.") {
        assert!(
            script.contains(&format!("output {name} ")),
            "the script never sets `{name}`"
        );
    }
    // Every variable the script reads is given by the action or the runner.
    let mut read: Vec<&str> = script
        .match_indices("${OSPO_")
        .map(|(at, _)| {
            let rest = &script[at + 2..];
            &rest[..rest.find([':', '}']).unwrap()]
        })
        .collect();
    read.sort();
    read.dedup();
    for variable in read {
        assert!(
            text.contains(&format!("{variable}:")),
            "the script reads {variable}, which action.yml never sets"
        );
    }
}

// ── GitLab CI template ──

/// Runs the script lines of a job of the template in one shell, as a GitLab runner does,
/// with the template's variables and `extra` set.
fn gitlab_job(repo: &Repo, job: &str, extra: &[(&str, &str)]) -> Output {
    let template = yaml("ci/ospo.gitlab-ci.yml");
    let lines: Vec<String> = template[job]["script"]
        .as_array()
        .unwrap_or_else(|| panic!("{job} has no script"))
        .iter()
        .map(|line| line.as_str().unwrap().to_owned())
        .collect();
    let mut command = Command::new("sh");
    command
        .arg("-euc")
        .arg(lines.join("\n"))
        .current_dir(repo.path())
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin_dir(repo).display(),
                std::env::var("PATH").unwrap()
            ),
        );
    for base in ["variables"] {
        for (name, value) in template[".ospo-base"][base].as_object().unwrap() {
            command.env(name, value.as_str().unwrap());
        }
    }
    for (name, value) in extra {
        command.env(name, value);
    }
    run(command)
}

#[test]
fn the_gitlab_job_writes_every_report_its_artifacts_name() {
    let repo = unlicensed_project();
    let output = gitlab_job(&repo, ".ospo", &[]);
    output.assert_code(1);
    assert!(
        output.stdout.contains("What to do next:"),
        "{}",
        output.all()
    );
    let template = yaml("ci/ospo.gitlab-ci.yml");
    let artifacts = &template[".ospo"]["artifacts"];
    let mut files: Vec<&str> = artifacts["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|path| path.as_str().unwrap())
        .collect();
    files.push(artifacts["reports"]["junit"].as_str().unwrap());
    files.push(artifacts["reports"]["codequality"].as_str().unwrap());
    for file in files {
        let written = std::fs::read_to_string(repo.path().join(file))
            .unwrap_or_else(|_| panic!("{file} was not written:\n{}", output.all()));
        assert!(!written.is_empty(), "{file} is empty");
    }
    let summary = std::fs::read_to_string(repo.path().join("ospo-summary.md")).unwrap();
    assert!(summary.contains("`legal.licence-file`"), "{summary}");

    // A second run sees the same tree: the reports the first wrote are not committed.
    let again = gitlab_job(&repo, ".ospo", &[]);
    assert_eq!(again.stdout, output.stdout);
}

#[test]
fn the_gitlab_job_passes_its_variables_to_the_check() {
    let repo = complete_project();
    gitlab_job(&repo, ".ospo", &[]).assert_code(0);
    gitlab_job(&repo, ".ospo", &[("OSPO_FAIL_UNDER", "101")]).assert_code(1);
    let french = gitlab_job(&repo, ".ospo", &[("OSPO_LANG", "fr")]);
    french.assert_code(0);
    assert!(french.stdout.contains("RÉUSSI"), "{}", french.all());
    let missing = gitlab_job(&repo, ".ospo", &[("OSPO_CHECKLIST", "no-such-list")]);
    missing.assert_code(2);
}

#[test]
fn the_gitlab_dco_job_checks_the_merge_request() {
    let repo = complete_project();
    let base = repo.commit_unsigned();
    let head = repo.head();
    let job = gitlab_job(
        &repo,
        ".ospo-dco",
        &[
            ("CI_MERGE_REQUEST_DIFF_BASE_SHA", &base),
            ("CI_COMMIT_SHA", &head),
        ],
    );
    job.assert_code(1);
    assert!(job.stdout.contains(UNSIGNED), "{}", job.all());
}

// ── pre-commit hooks ──

#[test]
fn the_pre_commit_hooks_run_as_pre_commit_runs_them() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().expect("a list of hooks");
    let ids: Vec<&str> = hooks
        .iter()
        .map(|hook| hook["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ospo-check", "ospo-dco", "ospo-publiccode"]);

    let repo = complete_project();
    repo.write("publiccode.yml", PUBLICCODE);
    let origin = repo.bare_clone();
    repo.git(&["remote", "add", "origin", origin.to_str().unwrap()]);
    repo.git(&["fetch", "-q", "origin"]);
    for hook in hooks {
        assert_eq!(hook["language"], "rust", "{hook}");
        let entry: Vec<&str> = hook["entry"].as_str().unwrap().split(' ').collect();
        assert_eq!(entry[0], "ospo", "{hook}");
        let mut command = Command::new(env!("CARGO_BIN_EXE_ospo"));
        command.args(&entry[1..]).current_dir(repo.path());
        if hook["pass_filenames"] == true {
            command.arg("publiccode.yml");
        }
        let output = run(command);
        assert_eq!(output.code, 0, "{hook}:\n{}", output.all());
    }

    // At a push, the dco hook checks what is pushed, as pre-commit names it.
    let pushed_from = repo.commit_unsigned();
    let mut command = Command::new(env!("CARGO_BIN_EXE_ospo"));
    command
        .arg("dco")
        .current_dir(repo.path())
        .env("PRE_COMMIT_FROM_REF", &pushed_from)
        .env("PRE_COMMIT_TO_REF", repo.head());
    let output = run(command);
    assert_eq!(output.code, 1, "{}", output.all());
    assert!(output.stdout.contains(UNSIGNED), "{}", output.all());
}

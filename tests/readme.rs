//! The examples of README.md work as written.

mod common;

use common::{README, Repo};

const README_MD: &str = include_str!("../README.md");

/// The YAML block of README.md that contains `marker`.
fn yaml_block(marker: &str) -> &'static str {
    let at = README_MD.find(marker).expect("the README has the example");
    let start = README_MD[..at]
        .rfind("```yaml\n")
        .expect("inside a yaml block")
        + "```yaml\n".len();
    let end = start + README_MD[start..].find("```").expect("a closed block");
    &README_MD[start..end]
}

#[test]
fn the_checklist_example_extends_the_default_as_described() {
    let repo = Repo::with_files(&[("README.md", README)]);
    let path = repo.write_checklist("my-org.yaml", yaml_block("extends: default"));
    let output = repo.ospo(&["list", "--checklist", &path]);
    output.assert_code(0);
    let row = |id: &str| {
        output
            .stdout
            .lines()
            .find(|line| line.contains(&format!(" {id} ")))
            .map(str::to_owned)
    };
    assert!(
        row("community.code-of-conduct").is_some_and(|r| r.contains("required")),
        "{}",
        output.all()
    );
    assert!(row("funding.funding-file").is_none(), "{}", output.all());
    assert!(
        row("community.security-contact-email").is_some(),
        "{}",
        output.all()
    );
}

#[test]
fn the_ospo_yml_example_answers_and_waives() {
    let repo = Repo::with_files(&[("README.md", README), (".ospo.yml", yaml_block("answers:"))]);
    let output = repo.ospo(&["check", "--format", "json"]);
    let report = output.json();
    assert_eq!(common::status(&report, "communication.calendar"), "pass");
    assert_eq!(
        common::status(&report, "funding.infrastructure-budget"),
        "skip"
    );
    assert_eq!(common::status(&report, "funding.funding-file"), "skip");
    assert_eq!(
        report["warnings"].as_array().map(Vec::len),
        Some(0),
        "{}",
        output.all()
    );
}

#[test]
fn the_gitlab_ci_example_writes_the_reports_it_declares() {
    let block: serde_json::Value =
        serde_saphyr::from_str(yaml_block("codequality: gl-code-quality-report.json"))
            .expect("the example is YAML");
    let job = &block["ospo"];
    let script = job["script"][0].as_str().expect("a script line");
    let args: Vec<&str> = script.split_whitespace().collect();
    assert_eq!(args[0], "ospo", "{script}");
    let repo = Repo::with_files(&[("README.md", README)]);
    let output = repo.ospo(&args[1..]);
    output.assert_code(1);
    assert_eq!(output.stdout, "", "{}", output.all());
    let report = |kind: &str| {
        let name = job["artifacts"]["reports"][kind]
            .as_str()
            .unwrap_or_else(|| panic!("no {kind} report in {job}"));
        std::fs::read_to_string(repo.path().join(name))
            .unwrap_or_else(|e| panic!("{name} was not written ({e}): {}", output.all()))
    };
    roxmltree::Document::parse(&report("junit")).expect("the JUnit report is XML");
    let quality: serde_json::Value =
        serde_json::from_str(&report("codequality")).expect("the Code Quality report is JSON");
    assert!(
        quality.as_array().is_some_and(|issues| !issues.is_empty()),
        "{quality}"
    );
}

/// A YAML file of this repository, parsed.
fn repository_yaml(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .expect("the file exists");
    serde_saphyr::from_str(&text).expect("the file is YAML")
}

#[test]
fn the_github_workflow_example_gives_the_action_only_inputs_it_has() {
    let workflow: serde_json::Value =
        serde_saphyr::from_str(yaml_block("# .github/workflows/ospo.yml")).expect("YAML");
    let action = repository_yaml("action.yml");
    let steps = workflow["jobs"]["ospo"]["steps"].as_array().expect("steps");
    let ospo = steps
        .iter()
        .find(|step| {
            step["uses"]
                .as_str()
                .is_some_and(|uses| uses.contains("/ospo@"))
        })
        .expect("a step uses the action");
    let given = ospo["with"].as_object().expect("inputs");
    assert!(!given.is_empty());
    for name in given.keys() {
        assert!(
            action["inputs"].get(name).is_some(),
            "the example gives `{name}`, which action.yml does not declare"
        );
    }
    assert_eq!(
        workflow["permissions"]["security-events"], "write",
        "the SARIF upload needs it"
    );
    assert_eq!(
        steps[0]["with"]["fetch-depth"], 0,
        "the history items need it"
    );
}

#[test]
fn the_gitlab_example_extends_the_template_with_its_own_variables() {
    let example: serde_json::Value =
        serde_saphyr::from_str(yaml_block("extends: .ospo-dco")).expect("YAML");
    let template = repository_yaml("ci/ospo.gitlab-ci.yml");
    let declared = template[".ospo-base"]["variables"]
        .as_object()
        .expect("the template declares its variables");
    for (job, hidden) in [("ospo", ".ospo"), ("ospo-dco", ".ospo-dco")] {
        assert_eq!(example[job]["extends"], hidden, "{example}");
        assert!(template.get(hidden).is_some(), "the template has {hidden}");
        for name in example[job]["variables"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k)
        {
            assert!(
                declared.contains_key(name),
                "the example sets {name}, which the template does not read"
            );
        }
    }
}

#[test]
fn the_pre_commit_example_names_hooks_the_repository_defines() {
    let example: serde_json::Value =
        serde_saphyr::from_str(yaml_block("# .pre-commit-config.yaml")).expect("YAML");
    let hooks = repository_yaml(".pre-commit-hooks.yaml");
    let defined: Vec<&str> = hooks
        .as_array()
        .expect("a list")
        .iter()
        .map(|hook| hook["id"].as_str().unwrap())
        .collect();
    let named: Vec<&str> = example["repos"][0]["hooks"]
        .as_array()
        .expect("hooks")
        .iter()
        .map(|hook| hook["id"].as_str().unwrap())
        .collect();
    assert_eq!(named, defined);
}

//! The `publiccode.yml` and `CITATION.cff` drafts: valid once a person has filled what
//! the marks ask (and as they are, when the repository tells enough), agreeing with the
//! repository they are written for, in English and in French.

mod common;

use common::*;
use ospo::i18n::Lang;
use ospo::remedy::context::{Build, Context, Person, Release};
use ospo::remedy::{citation, publiccode};
use serde_json::Value;

const MARK: &str = "TODO(ospo)";

/// A context that knows what a repository published on a forge tells.
fn known(lang: Lang) -> Context {
    let mut context = Context::bare("sillon", lang);
    context.remote = Some("https://github.com/example/sillon".to_owned());
    context.licence = Some("MIT".to_owned());
    context.holder = "Example contributors".to_owned();
    context.description =
        Some("Booking of municipal rooms, sports halls and equipment.".to_owned());
    context.year = 2026;
    context.today = "2026-02-01".to_owned();
    context.people = vec![
        person("Example Author", "author@example.org", 12),
        person("renovate[bot]", "bot@renovateapp.com", 9),
        person("Ludwig van Beethoven", "ludwig@example.org", 3),
        person("octocat", "octocat@users.noreply.github.com", 1),
    ];
    context.releases = vec![
        Release {
            tag: "v1.2.0".to_owned(),
            version: "1.2.0".to_owned(),
            date: "2026-01-15".to_owned(),
        },
        Release {
            tag: "v1.1.0".to_owned(),
            version: "1.1.0".to_owned(),
            date: "2025-11-02".to_owned(),
        },
    ];
    context.builds = vec![Build::Cargo];
    context.languages = vec!["Rust".to_owned()];
    context
}

fn person(name: &str, email: &str, commits: usize) -> Person {
    Person {
        name: name.to_owned(),
        email: email.to_owned(),
        commits,
    }
}

/// What a person writes where the draft marks a place to fill: the value of each marked
/// key, and the comments that only say what to check taken out.
fn fill(draft: &str) -> String {
    let mut filled = String::new();
    for line in draft.lines() {
        if !line.contains(MARK) {
            filled.push_str(line);
            filled.push('\n');
            continue;
        }
        if line.trim_start().starts_with('#') {
            continue;
        }
        let (head, _) = line
            .split_once(&format!("\"{MARK}"))
            .expect("a marked value");
        let key = head
            .trim()
            .trim_start_matches('-')
            .trim()
            .trim_end_matches(':');
        let value = match key {
            "url" => "https://code.example.org/commune/sillon.git",
            "shortDescription" => "Booking of municipal rooms, sports halls and equipment.",
            "longDescription" => {
                "Sillon lets residents, associations and council services book the rooms, \
                 sports halls and equipment a municipality lends, checks each request against \
                 opening hours, and confirms it by email."
            }
            "" => "Online booking of rooms",
            "license" => "EUPL-1.2",
            "mainCopyrightOwner" => "Commune d'Exemple",
            "name" => "Camille Martin",
            other => panic!("no value to fill `{other}` with: {line}"),
        };
        filled.push_str(&format!("{head}\"{value}\"\n"));
    }
    assert!(!filled.contains(MARK), "{filled}");
    filled
}

/// `ospo publiccode FILE` on `content`.
fn validate(content: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("publiccode.yml");
    std::fs::write(&file, content).unwrap();
    ospo(dir.path(), &["publiccode", file.to_str().unwrap()])
}

#[test]
fn the_draft_passes_ospo_publiccode_once_its_marks_are_filled() {
    for lang in [Lang::En, Lang::Fr] {
        // Nothing known: the address and the licence are to fill, and the validator says
        // so at their lines.
        let draft = publiccode::draft(&Context::bare("sillon", lang));
        assert_eq!(draft.path, "publiccode.yml");
        assert_eq!(draft.items, ["communication.publiccode"]);
        let output = validate(&draft.content);
        output.assert_code(1);
        let url_line = 1 + draft
            .content
            .lines()
            .position(|line| line.starts_with("url: "))
            .unwrap();
        assert!(
            output
                .stdout
                .contains(&format!("publiccode.yml:{url_line}:6: error: url:"))
                && output.stdout.contains("error: legal.license:")
                && output.stdout.contains("(2 errors)"),
            "{}\n{}",
            output.all(),
            draft.content
        );
        validate(&fill(&draft.content)).assert_code(0);

        // What the repository tells is filled in; valid as it is, marks and all.
        let draft = publiccode::draft(&known(lang));
        assert!(draft.content.contains(MARK));
        let output = validate(&draft.content);
        output.assert_code(0);
        assert!(output.stdout.contains("valid"), "{}", output.all());
        validate(&fill(&draft.content)).assert_code(0);
        // The same context, the same bytes.
        assert_eq!(publiccode::draft(&known(lang)), draft);
    }
}

#[test]
fn the_draft_says_what_the_repository_tells_in_the_language_asked() {
    let draft = publiccode::draft(&known(Lang::Fr)).content;
    let yaml: Value = serde_saphyr::from_str(&draft).expect("valid YAML");
    assert_eq!(yaml["publiccodeYmlVersion"], "0.7");
    assert_eq!(yaml["name"], "sillon");
    assert_eq!(yaml["url"], "https://github.com/example/sillon");
    assert_eq!(yaml["softwareVersion"], "1.2.0");
    assert_eq!(yaml["releaseDate"], "2026-01-15");
    assert_eq!(yaml["developmentStatus"], "stable");
    assert_eq!(
        yaml["platforms"],
        serde_json::json!(["linux", "mac", "windows"])
    );
    assert_eq!(yaml["legal"]["license"], "MIT");
    assert_eq!(yaml["legal"]["mainCopyrightOwner"], "Example contributors");
    assert_eq!(yaml["maintenance"]["type"], "community");
    // People, not robots; an address that answers, not a noreply one.
    assert_eq!(
        yaml["maintenance"]["contacts"],
        serde_json::json!([
            {"name": "Example Author", "email": "author@example.org"},
            {"name": "Ludwig van Beethoven", "email": "ludwig@example.org"},
            {"name": "octocat"},
        ])
    );
    assert_eq!(
        yaml["localisation"]["availableLanguages"],
        serde_json::json!(["fr"])
    );
    // The description in French first, then in English.
    assert_eq!(yaml["description"].as_object().unwrap().len(), 2);
    assert!(draft.find("  fr:\n").unwrap() < draft.find("  en:\n").unwrap());
    assert_eq!(
        yaml["description"]["fr"]["shortDescription"],
        "Booking of municipal rooms, sports halls and equipment."
    );
    assert!(
        yaml["description"]["en"]["shortDescription"]
            .as_str()
            .unwrap()
            .starts_with("TODO(ospo): what the software does")
    );
    assert!(
        yaml["description"]["fr"]["longDescription"]
            .as_str()
            .unwrap()
            .starts_with("TODO(ospo): décrivez le logiciel en un paragraphe")
    );
    assert!(draft.starts_with("# publiccode.yml : la description du logiciel que lisent"));
    assert!(draft.contains("# TODO(ospo): vérifiez qui maintient le logiciel : `community`"));
    // Every mark is written the same way: the mark, a colon, what to write (the header
    // names the mark).
    for line in draft
        .lines()
        .filter(|line| line.contains(MARK) && !line.contains("marque TODO(ospo),"))
    {
        assert!(line.contains("TODO(ospo): "), "{line}");
    }
}

#[test]
fn the_drafts_agree_with_the_repository_they_are_written_for() {
    let repo = Repo::with_files(&[("README.md", README), ("LICENSE", LICENSE)]);
    repo.git(&[
        "remote",
        "add",
        "origin",
        "https://github.com/example/sillon.git",
    ]);
    repo.git(&["tag", "v1.2.0"]);
    let context = known(Lang::En);
    for draft in [publiccode::draft(&context), citation::draft(&context)] {
        repo.write(&draft.path, &draft.content);
    }
    repo.commit("Describe the software for catalogues and citations");

    repo.ospo(&["publiccode"]).assert_code(0);
    for checklist in ["default", "fr-admin"] {
        let (output, report) = repo.check_json(checklist, &[]);
        assert_no_panic(&output);
        for id in [
            "communication.publiccode",
            "communication.publiccode-valid",
            "community.citation",
        ] {
            if checklist == "fr-admin" && id == "community.citation" {
                continue;
            }
            assert!(
                ["pass", "warn"].contains(&status(&report, id)),
                "{checklist} {id}: {:#}",
                item(&report, id)
            );
        }
    }
}

#[test]
fn citation_cff_is_valid_yaml_with_the_authors_release_and_licence() {
    for lang in [Lang::En, Lang::Fr] {
        let draft = citation::draft(&known(lang));
        assert_eq!(draft.path, "CITATION.cff");
        assert_eq!(draft.items, ["community.citation"]);
        let cff: Value = serde_saphyr::from_str(&draft.content).expect("valid YAML");
        assert_eq!(cff["cff-version"], "1.2.0");
        assert_eq!(cff["type"], "software");
        assert_eq!(cff["title"], "sillon");
        assert_eq!(
            cff["abstract"],
            "Booking of municipal rooms, sports halls and equipment."
        );
        assert_eq!(cff["version"], "1.2.0");
        assert_eq!(cff["date-released"], "2026-01-15");
        assert_eq!(cff["repository-code"], "https://github.com/example/sillon");
        assert_eq!(cff["license"], "MIT");
        assert_eq!(
            cff["authors"],
            serde_json::json!([
                {"given-names": "Example", "family-names": "Author"},
                {"given-names": "Ludwig", "name-particle": "van", "family-names": "Beethoven"},
                {"name": "octocat"},
            ])
        );
        let message = cff["message"].as_str().unwrap();
        match lang {
            Lang::En => assert_eq!(
                message,
                "If you use this software, please cite it as below."
            ),
            Lang::Fr => assert_eq!(
                message,
                "Si vous utilisez ce logiciel, merci de le citer comme indiqué ci-dessous."
            ),
        }
        // The authors are a draft to confirm.
        assert!(
            draft.content.contains("# TODO(ospo): "),
            "{}",
            draft.content
        );

        // Nothing known: still valid, every missing field marked.
        let draft = citation::draft(&Context::bare("x", lang));
        let cff: Value = serde_saphyr::from_str(&draft.content).expect("valid YAML");
        assert!(
            cff["authors"][0]["name"]
                .as_str()
                .unwrap()
                .starts_with("TODO(ospo): ")
        );
        for key in ["version", "date-released", "repository-code", "license"] {
            assert!(cff.get(key).is_none(), "{key}");
            assert!(
                draft
                    .content
                    .lines()
                    .any(|line| line.starts_with("# TODO(ospo): ") && line.contains(key)),
                "{key}:\n{}",
                draft.content
            );
        }
    }
    // A licence the format cannot name in one field is left to a person.
    let mut context = known(Lang::En);
    context.licence = Some("MIT OR Apache-2.0".to_owned());
    let cff: Value = serde_saphyr::from_str(&citation::draft(&context).content).unwrap();
    assert_eq!(cff["license"], serde_json::json!(["MIT", "Apache-2.0"]));
    context.licence = Some("GPL-2.0-only WITH Classpath-exception-2.0".to_owned());
    let cff: Value = serde_saphyr::from_str(&citation::draft(&context).content).unwrap();
    assert!(cff.get("license").is_none());
}

#[test]
fn names_and_texts_from_the_repository_cannot_break_the_files() {
    let mut context = known(Lang::En);
    context.name = "sil\"lon: #1\n- x".to_owned();
    context.description = Some("A \"quoted\" text: with # and\ttabs\u{1b}[31m".to_owned());
    context.people = vec![person("Ann \"Nan\" O'Neil: x", "ann@example.org", 1)];
    for content in [
        publiccode::draft(&context).content,
        citation::draft(&context).content,
    ] {
        let yaml: Value = serde_saphyr::from_str(&content).expect("valid YAML");
        let text = yaml.to_string();
        assert!(text.contains("sil\\\"lon: #1 - x"), "{text}");
        assert!(!content.contains('\u{1b}'));
    }
    validate(&publiccode::draft(&context).content).assert_code(0);
}

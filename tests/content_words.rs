//! Content items in words: what a failed content item says it looked for, in both
//! languages, and `ospo explain`, which describes a probe in sentences and shows its
//! patterns only when asked.

mod common;

use common::*;
use serde_json::Value;

/// The `looks-for` of a content item of the default checklist, as its source gives it.
fn looks_for(id: &str) -> Vec<(String, String)> {
    let checklist = default_checklist();
    let item = checklist["items"]
        .as_array()
        .expect("the default checklist has items")
        .iter()
        .find(|item| item["id"] == id)
        .unwrap_or_else(|| panic!("no item {id}"))
        .clone();
    item["probe"]["looks-for"]
        .as_array()
        .unwrap_or_else(|| panic!("{id} has no looks-for"))
        .iter()
        .map(|text| {
            let said = |lang: &str| text[lang].as_str().expect("a text").trim().to_owned();
            (said("en"), said("fr"))
        })
        .collect()
}

/// A repository whose README and install guide say nothing of installing.
fn repo_without_install_steps() -> Repo {
    Repo::with_files(&[
        (
            "README.md",
            "# Frob\n\nFrob tidies Markdown tables, aligned and in place.\n",
        ),
        (
            "docs/INSTALL.md",
            "# Frob\n\nAsk the team that runs your machines.\n",
        ),
    ])
}

/// The message of item `id` in a check of `repo` with the default checklist, in `lang`.
fn message(repo: &Repo, id: &str, lang: &str) -> String {
    let (output, report) = repo.check_json("default", &["--lang", lang]);
    output.assert_code(1);
    let item = item(&report, id);
    assert_eq!(item["status"], "fail", "{item:#}");
    item["message"].as_str().expect("a message").to_owned()
}

#[test]
fn a_failed_content_item_names_what_it_looked_for_in_english_and_french() {
    let repo = repo_without_install_steps();
    let wanted = looks_for("needs.readme-install");
    assert!(wanted.len() >= 2, "{wanted:?}");
    let (en, fr): (Vec<String>, Vec<String>) = wanted.into_iter().unzip();

    let english = message(&repo, "needs.readme-install", "en");
    assert_eq!(
        english,
        format!(
            "not found in README.md, docs/INSTALL.md: {}",
            en.join(", or ")
        )
    );
    assert!(
        english.starts_with(
            "not found in README.md, docs/INSTALL.md: a heading such as Install, Getting \
             started or Deployment, or an install command such as `cargo install`, `pip \
             install` or `docker run`"
        ),
        "{english}"
    );

    let french = message(&repo, "needs.readme-install", "fr");
    assert_eq!(
        french,
        format!(
            "introuvable dans README.md, docs/INSTALL.md : {}",
            fr.join(", ou ")
        )
    );
    assert!(
        french.starts_with(
            "introuvable dans README.md, docs/INSTALL.md : un titre tel que Installation, \
             Démarrage rapide ou Déploiement, ou une commande d'installation telle que \
             `cargo install`, `pip install` ou `docker run`"
        ),
        "{french}"
    );
    // No pattern leaks into the messages.
    for text in [&english, &french] {
        for metacharacters in [r"\b", r"\s", "(?:", "[^", "{1,6}"] {
            assert!(!text.contains(metacharacters), "{metacharacters} in {text}");
        }
    }
}

/// A checklist of one's own says what its content probes look for with `looks-for`;
/// without it, the message stays the general one. Neither changes what matches.
#[test]
fn a_checklist_of_ones_own_gives_its_words_or_keeps_the_general_message() {
    let repo = Repo::with_files(&[("docs/GUIDE.md", "# Guide\n\n## Install\n\nRun it.\n")]);
    let probe = |pattern: &str, looks_for: &str| {
        format!("{{kind: content, names: [GUIDE*], pattern: '{pattern}'{looks_for}}}")
    };
    let worded = ", looks-for: [{en: 'an uninstall step, such as `frob --remove`', \
                  fr: 'une étape de désinstallation, comme `frob --remove`'}]";
    let checklist = checklist_yaml(&[
        item_yaml("needs.worded", "optional", 1, &probe("uninstall", worded)),
        item_yaml("needs.plain", "optional", 1, &probe("uninstall", "")),
        item_yaml("needs.found", "optional", 1, &probe("^#+ install", worded)),
    ]);
    let path = repo.write_checklist("checklist.yaml", &checklist);
    let messages = |lang: &str| -> Value {
        let (output, report) = repo.check_json(&path, &["--lang", lang]);
        output.assert_code(0);
        report
    };
    let english = messages("en");
    assert_eq!(
        item(&english, "needs.worded")["message"],
        "not found in docs/GUIDE.md: an uninstall step, such as `frob --remove`"
    );
    assert_eq!(
        item(&english, "needs.plain")["message"],
        "no line of docs/GUIDE.md matches what this item looks for"
    );
    assert_eq!(item(&english, "needs.found")["status"], "pass");
    assert_eq!(
        item(&english, "needs.found")["message"],
        "docs/GUIDE.md:3: ## Install"
    );
    let french = messages("fr");
    assert_eq!(
        item(&french, "needs.worded")["message"],
        "introuvable dans docs/GUIDE.md : une étape de désinstallation, comme `frob --remove`"
    );
    assert_eq!(
        item(&french, "needs.plain")["message"],
        "aucune ligne de docs/GUIDE.md ne correspond à ce que cet élément recherche"
    );
}

/// With no file to search, the message names the files and the places in a sentence.
#[test]
fn no_file_to_search_reads_as_a_sentence() {
    let repo = Repo::with_files(&[("OTHER.md", "nothing\n")]);
    let checklist = checklist_yaml(&[
        item_yaml(
            "needs.guide",
            "optional",
            1,
            "{kind: content, names: [GUIDE, GUIDE.*], places: ['.', docs], pattern: x}",
        ),
        item_yaml(
            "needs.notice",
            "optional",
            1,
            "{kind: content, names: [NOTICE, A, B, C, D, E], pattern: x}",
        ),
    ]);
    let path = repo.write_checklist("checklist.yaml", &checklist);
    let (_, english) = repo.check_json(&path, &[]);
    assert_eq!(
        item(&english, "needs.guide")["message"],
        "no file to search: no file named GUIDE or GUIDE.* at the root or in docs/"
    );
    assert_eq!(
        item(&english, "needs.notice")["message"],
        "no file to search: no file named NOTICE, A, B, C or 2 other names where forges look \
         (.github/, the root, docs/, .gitlab/, .forgejo/ and .gitea/)"
    );
    let (_, french) = repo.check_json(&path, &["--lang", "fr"]);
    assert_eq!(
        item(&french, "needs.guide")["message"],
        "aucun fichier où chercher : aucun fichier nommé GUIDE ou GUIDE.* à la racine ou dans \
         docs/"
    );
    assert_eq!(
        item(&french, "needs.notice")["message"],
        "aucun fichier où chercher : aucun fichier nommé NOTICE, A, B, C ou 2 autres noms là \
         où regardent les forges (.github/, la racine, docs/, .gitlab/, .forgejo/ et .gitea/)"
    );
}

// ── explain ──

/// Runs of characters that only a regular expression holds.
const REGEX_RUNS: &[&str] = &[r"\b(", "(?:", r"\s*", r"\w", "[^", "{1,6}", r"\.", "|("];

#[test]
fn explain_says_in_words_how_a_content_item_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, heading, line) in [
        (
            "en",
            "\nHow ospo checks:\n",
            "  ospo reads the files named README, README.*, INSTALL",
        ),
        (
            "fr",
            "\nComment ospo vérifie :\n",
            "  ospo lit les fichiers nommés README, README.*, INSTALL",
        ),
    ] {
        let output = ospo(
            dir.path(),
            &["explain", "needs.readme-install", "--lang", lang],
        );
        output.assert_code(0);
        let stdout = &output.stdout;
        for run in REGEX_RUNS {
            assert!(!stdout.contains(run), "{run} in\n{stdout}");
        }
        assert!(stdout.contains(heading), "{stdout}");
        assert!(stdout.contains(line), "{stdout}");
        for (en, fr) in looks_for("needs.readme-install") {
            let said = if lang == "en" { en } else { fr };
            assert!(
                stdout.contains(&format!("\n  - {said}\n")),
                "{said}\n{stdout}"
            );
        }
        // The item's own texts are still there; the definition is not.
        assert!(stdout.starts_with("needs.readme-install — "), "{stdout}");
        assert!(!stdout.contains("kind: content"), "{stdout}");
        assert!(!stdout.contains("patterns:"), "{stdout}");
    }
    let english = ospo(dir.path(), &["explain", "needs.readme-install"]).stdout;
    assert!(english.contains("\nWhy:\n"), "{english}");
    assert!(english.contains("\nFix:\n"), "{english}");
    assert!(
        english.contains("\nDocumentation: https://opensource.guide/"),
        "{english}"
    );
}

#[test]
fn explain_shows_the_patterns_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let output = ospo(
        dir.path(),
        &["explain", "needs.readme-install", "--patterns"],
    );
    output.assert_code(0);
    let stdout = &output.stdout;
    // The description first, then the probe as the checklist writes it.
    let described = stdout.find("\nHow ospo checks:\n").expect("described");
    let written = stdout
        .find("\nDefinition in the checklist:\n  kind: content\n")
        .expect("the definition");
    assert!(described < written, "{stdout}");
    assert!(stdout.contains("  patterns:\n"), "{stdout}");
    assert!(
        stdout.contains(r"\b(cargo (install|binstall|add))\b"),
        "{stdout}"
    );
    assert!(stdout.contains("  looks-for:\n"), "{stdout}");
    let french = ospo(
        dir.path(),
        &[
            "explain",
            "needs.readme-install",
            "--patterns",
            "--lang",
            "fr",
        ],
    );
    french.assert_code(0);
    assert!(
        french
            .stdout
            .contains("\nDéfinition dans la liste de contrôle :\n  kind: content\n"),
        "{}",
        french.all()
    );
}

/// Every kind of the built-in checklists is described without a pattern in either
/// language.
#[test]
fn explain_describes_every_built_in_item_in_words() {
    let dir = tempfile::tempdir().unwrap();
    for id in default_item_ids() {
        for (lang, heading) in [("en", "How ospo checks:"), ("fr", "Comment ospo vérifie :")] {
            let output = ospo(dir.path(), &["explain", &id, "--lang", lang]);
            output.assert_code(0);
            let stdout = &output.stdout;
            let (_, described) = stdout
                .split_once(heading)
                .unwrap_or_else(|| panic!("{id}: no {heading}\n{stdout}"));
            assert!(described.trim().starts_with("ospo "), "{id}\n{stdout}");
            for run in REGEX_RUNS {
                assert!(!described.contains(run), "{id}: {run} in\n{stdout}");
            }
        }
    }
}

//! The README "signal" items of the default checklist — installation, usage, discussion
//! channel, website, feedback channel, funding, licence — on realistic READMEs (Markdown,
//! reStructuredText, French) and on traps: prose that only uses one of their words.
//!
//! Each item is tested with its own probe taken as it is from `checklists/default.yaml`;
//! only the file it reads changes. Every fixture of an item is a file of one repository,
//! read by an item of its own in a one-run checklist, so a table of fixtures costs one run.
//! The last tests run the whole default checklist on complete READMEs.

mod common;

use common::*;
use serde_json::{Value, json};

/// What an item should say about a fixture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expected {
    /// It passes, and the first line that matches is this one (1-based).
    Pass(usize),
    /// No line matches.
    Fail,
}

use Expected::{Fail, Pass};

/// A fixture: its file name (the extension says its format; `-fr` marks French), what the
/// item should say, and its text.
struct Case {
    file: &'static str,
    expected: Expected,
    text: &'static str,
}

const fn case(file: &'static str, expected: Expected, text: &'static str) -> Case {
    Case {
        file,
        expected,
        text,
    }
}

/// The probe of item `id` in the default checklist, as written there.
fn default_probe(id: &str) -> Value {
    let checklist = default_checklist();
    let item = checklist["items"]
        .as_array()
        .expect("default checklist has items")
        .iter()
        .find(|item| item["id"] == id)
        .unwrap_or_else(|| panic!("no item {id} in the default checklist"))
        .clone();
    assert_eq!(item["probe"]["kind"], "content", "{id} is a content item");
    item["probe"].clone()
}

/// Runs the probe of item `id` on every fixture and checks each outcome: the status, and
/// for a pass the file, line number and text of the evidence.
fn check_cases(id: &str, cases: &[Case]) {
    // Every table holds a Markdown, a reStructuredText and a French README that pass, and
    // traps that fail.
    let passes = |kind: fn(&str) -> bool| {
        cases
            .iter()
            .any(|c| kind(c.file) && matches!(c.expected, Pass(_)))
    };
    assert!(passes(|f| f.ends_with(".md")), "{id}: no Markdown pass");
    assert!(passes(|f| f.ends_with(".rst")), "{id}: no rst pass");
    assert!(passes(|f| f.contains("-fr")), "{id}: no French pass");
    assert!(
        cases.iter().any(|c| c.expected == Fail),
        "{id}: no negative fixture"
    );

    let stage = id.split('.').next().expect("id has a stage");
    let probe = default_probe(id);
    let mut files = Vec::new();
    let mut items = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        assert!(
            cases.iter().filter(|c| c.file == case.file).count() == 1,
            "{id}: two fixtures named {}",
            case.file
        );
        files.push((format!("fixtures/{}", case.file), case.text));
        let mut probe = probe.clone();
        probe["names"] = json!([case.file]);
        probe["places"] = json!(["fixtures"]);
        items.push(json!({
            "id": format!("{stage}.case-{index}"),
            "stage": stage,
            "level": "recommended",
            "weight": 1,
            "title": {"en": format!("{id} on {}", case.file), "fr": format!("{id} sur {}", case.file)},
            "why": {"en": "Why it matters", "fr": "Pourquoi cela compte"},
            "fix": {"en": "How to fix it", "fr": "Comment corriger"},
            "probe": probe,
        }));
    }
    let repo = Repo::with_files(&files);
    let checklist = json!({
        "id": "signals",
        "title": {"en": "README signals", "fr": "Signaux du README"},
        "version": "1.0",
        "items": items,
    });
    let path = repo.write_checklist(
        "signals.yaml",
        &serde_json::to_string_pretty(&checklist).expect("JSON"),
    );
    let (output, report) = repo.check_json(&path, &[]);
    output.assert_code(0);

    let mut wrong = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        let item = item(&report, &format!("{stage}.case-{index}"));
        let evidence = &item["evidence"];
        let actual = match item["status"].as_str() {
            Some("pass") => Pass(evidence["line"].as_u64().expect("a line number") as usize),
            Some("fail") => Fail,
            _ => panic!("{id} on {}: unexpected outcome {item:#}", case.file),
        };
        if actual != case.expected {
            wrong.push(format!(
                "{}: expected {:?}, got {actual:?} ({})",
                case.file, case.expected, item["message"]
            ));
            continue;
        }
        if let Pass(line) = actual {
            let text = case
                .text
                .lines()
                .nth(line - 1)
                .expect("the line exists")
                .trim();
            assert_eq!(
                *evidence,
                json!({
                    "type": "line",
                    "path": format!("fixtures/{}", case.file),
                    "line": line,
                    "text": text.chars().take(160).collect::<String>(),
                }),
                "{id} on {}",
                case.file
            );
        }
    }
    assert!(wrong.is_empty(), "{id}:\n{}", wrong.join("\n"));
}

// ── needs.readme-install ──

const INSTALL: &[Case] = &[
    case(
        "install.md",
        Pass(6),
        r#"# Frob

Frob tidies Markdown tables: it reads every file you give it and rewrites the
tables in place, aligned.

## Installation

```sh
cargo install frob
```
"#,
    ),
    case(
        "install-getting-started.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

## 🚀 1. Getting started

Download the archive for your system from the releases page and unpack it.
"#,
    ),
    case(
        "install-command.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

Get it with `pip install frob`, then run `frob --help`.
"#,
    ),
    case(
        "install-script.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables. On Linux and macOS:

    curl -fsSL https://frob.example.org/install.sh | sh
"#,
    ),
    case(
        "install-bold.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

**Installation**

Copy `frob` somewhere on your `PATH`.
"#,
    ),
    case(
        "install-html.md",
        Pass(3),
        r#"<h1 align="center">Frob</h1>

<h2 align="center">Install</h2>

Copy `frob` somewhere on your `PATH`.
"#,
    ),
    case(
        "install.rst",
        Pass(6),
        r#"Frob
====

Frob tidies reStructuredText tables.

Installation
------------

.. code-block:: console

   $ pipx install frob
"#,
    ),
    case(
        "install.adoc",
        Pass(5),
        r#"= Frob

Frob tidies AsciiDoc tables.

== Building from source

Run `make` in a clone of the repository.
"#,
    ),
    case(
        "install-fr.md",
        Pass(9),
        r#"# Frob

Frob met en forme les tableaux des fichiers Markdown.

## Prérequis

Python 3.11 ou plus récent.

## Installation

Téléchargez l’archive depuis la page des versions.
"#,
    ),
    case(
        "install-fr-mise-en-route.md",
        Pass(5),
        r#"# Frob

Frob met en forme les tableaux des fichiers Markdown.

## Mise en route

Copiez le programme dans un dossier de votre `PATH`.
"#,
    ),
    case(
        "install-fr-deploiement.md",
        Pass(5),
        r#"# Portail des démarches

Le portail rassemble les démarches en ligne de la collectivité.

## Déploiement

L’application se déploie avec l’image fournie par la forge.
"#,
    ),
    case(
        "install-fr.rst",
        Pass(6),
        r#"Frob
====

Frob met en forme les tableaux.

Démarrage rapide
----------------

Copiez le programme dans un dossier de votre ``PATH``.
"#,
    ),
    // Traps: the words without the instructions.
    case(
        "install-trap-uninstall.md",
        Fail,
        r#"# Frob

Frob tidies Markdown tables. It installs no global hook and leaves your editor
settings alone; the installer module only copies files it owns.

## Uninstall

Remove the `frob` binary from your path.

## How the installer works

Installation of plug-ins is left to the host application, which also decides
where they live. Quick start guides for the API are planned. Setup of the test
machines is described in CONTRIBUTING.md, and pip installs the wheels first.
"#,
    ),
    case(
        "install-trap-fr.md",
        Fail,
        r#"# Frob

L’installation d’extensions est laissée à l’application hôte.
Ce module ne s’installe pas tout seul : la mise en route des extensions relève de
l’application.
"#,
    ),
];

#[test]
fn readme_install_recognises_installation_sections_and_commands() {
    check_cases("needs.readme-install", INSTALL);
}

// ── needs.readme-usage ──

const USAGE: &[Case] = &[
    case(
        "usage.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

## Usage

```sh
frob tidy docs/
```
"#,
    ),
    case(
        "usage-examples.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

### 📖 Examples

    frob tidy --width 80 README.md
"#,
    ),
    case(
        "usage-how-to.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

## How to use Frob

Give it the files to tidy.
"#,
    ),
    case(
        "usage-with.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

## Usage with Docker

    docker run --rm -v "$PWD:/data" frob tidy /data
"#,
    ),
    case(
        "usage-synopsis.md",
        Pass(6),
        r#"# Frob

Frob tidies Markdown tables.

```text
Usage: frob [OPTIONS] <FILE>...
```
"#,
    ),
    case(
        "usage.rst",
        Pass(6),
        r#"Frob
====

Frob tidies reStructuredText tables.

Usage
-----

Give it the files to tidy::

   frob tidy docs/
"#,
    ),
    case(
        "usage-fr.md",
        Pass(5),
        r#"# Frob

Frob met en forme les tableaux des fichiers Markdown.

## Utilisation

    frob tidy docs/
"#,
    ),
    case(
        "usage-fr-mode-d-emploi.md",
        Pass(5),
        r#"# Frob

Frob met en forme les tableaux des fichiers Markdown.

## Mode d’emploi

Donnez-lui les fichiers à mettre en forme.
"#,
    ),
    case(
        "usage-fr.rst",
        Pass(6),
        r#"Frob
====

Frob met en forme les tableaux.

Exemples d'utilisation
======================

Donnez-lui les fichiers à mettre en forme.
"#,
    ),
    // Traps: usage as a quantity, words at the start of prose.
    case(
        "usage-trap-memory.md",
        Fail,
        r#"# Frob

## Memory usage

Frob keeps memory usage below 10 MiB on inputs of any size.

## Usage statistics

Frob collects no usage statistics.
Using a streaming parser, it reads each file once.
Examples of bad input are kept under tests/.

## Used by

Several documentation teams.
"#,
    ),
    case(
        "usage-trap-fr.md",
        Fail,
        r#"# Frob

L’utilisation mémoire reste faible, quelle que soit la taille des fichiers.
Utilisation de la mémoire : moins de 10 Mio.
"#,
    ),
];

#[test]
fn readme_usage_recognises_usage_and_example_sections() {
    check_cases("needs.readme-usage", USAGE);
}

// ── needs.discussion-channel ──

const DISCUSSION: &[Case] = &[
    case(
        "discussion-github.md",
        Pass(8),
        r#"# Frob

Frob tidies Markdown tables.

## Community

Questions and ideas are welcome in
[GitHub Discussions](https://github.com/acme/frob/discussions).
"#,
    ),
    case(
        "discussion-tab.md",
        Pass(3),
        r#"# Frob

Open-ended questions go to the repository's Discussions tab.
"#,
    ),
    case(
        "discussion-matrix-room.md",
        Pass(3),
        r#"# Frob

Chat with other users in `#frob:matrix.org`.
"#,
    ),
    case(
        "discussion-matrix-to.md",
        Pass(3),
        r#"# Frob

[![Chat](https://img.shields.io/badge/chat-online-green)](https://matrix.to/#/#frob:matrix.org)
"#,
    ),
    case(
        "discussion-slack-invite.md",
        Pass(3),
        r#"# Frob

[Slack invite](https://join.slack.com/t/frob/shared_invite/zt-1abc-XYZ)
"#,
    ),
    case(
        "discussion-slack-workspace.md",
        Pass(4),
        r#"# Frob

The maintainers answer questions in the Slack workspace of the
project, https://frob-community.slack.com
"#,
    ),
    case(
        "discussion-slack-archives.md",
        Pass(3),
        r#"# Frob

Past threads: https://frob.slack.com/archives/C0123456.
"#,
    ),
    case(
        "discussion-slack-bare.md",
        Pass(3),
        r#"# Frob

Talk to the maintainers in the #help channel of frob.slack.com.
"#,
    ),
    case(
        "discussion-slack-join.md",
        Pass(3),
        r#"# Frob

Join us on Slack to talk about releases.
"#,
    ),
    case(
        "discussion-discord.md",
        Pass(3),
        r#"# Frob

Come say hi on [the server](https://discord.gg/frob42).
"#,
    ),
    case(
        "discussion-discord-join.md",
        Pass(3),
        r#"# Frob

Join our Discord server for help with your tables.
"#,
    ),
    case(
        "discussion-irc.md",
        Pass(3),
        r#"# Frob

Developers meet in `#frob` on irc.libera.chat.
"#,
    ),
    case(
        "discussion-irc-web.md",
        Pass(3),
        r#"# Frob

Chat in your browser: [web.libera.chat/#frob](https://web.libera.chat/#frob).
"#,
    ),
    case(
        "discussion-irc-oftc.md",
        Pass(3),
        r#"# Frob

Developers meet in #frob on OFTC.
"#,
    ),
    case(
        "discussion-gitter.md",
        Pass(3),
        r#"# Frob

[![Gitter](https://badges.gitter.im/frob/community.svg)](https://gitter.im/frob/community)
"#,
    ),
    case(
        "discussion-mailing-list.md",
        Pass(3),
        r#"# Frob

Write to the list, dev@lists.frob.example.org, with any question.
"#,
    ),
    case(
        "discussion-google-groups.md",
        Pass(3),
        r#"# Frob

Questions: https://groups.google.com/g/frob-users
"#,
    ),
    case(
        "discussion-mastodon-handle.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

Mastodon: @frob@fosstodon.org
"#,
    ),
    case(
        "discussion-mastodon-link.md",
        Pass(3),
        r#"# Frob

News and questions: [fosstodon.org/@frob](https://fosstodon.org/@frob)
"#,
    ),
    case(
        "discussion-forum.md",
        Pass(4),
        r#"# Frob

Frob tidies Markdown tables. If something is unclear,
ask on the forum and someone will help.
"#,
    ),
    case(
        "discussion-forum-join.md",
        Pass(3),
        r#"# Frob

Join our community forum to share your configurations.
"#,
    ),
    case(
        "discussion-discourse.md",
        Pass(3),
        r#"# Frob

Questions are answered at https://discourse.frob.example.org.
"#,
    ),
    case(
        "discussion-zulip.md",
        Pass(3),
        r#"# Frob

Chat: https://frob.zulipchat.com
"#,
    ),
    case(
        "discussion-mailman.rst",
        Pass(7),
        r#"Frob
====

Community
---------

Questions go to the `frob list <https://mail.example.org/mailman/listinfo/frob>`_.
"#,
    ),
    case(
        "discussion-fr.md",
        Pass(7),
        r#"# Frob

Frob met en forme les tableaux des fichiers Markdown.

## Nous contacter

Posez vos questions sur le salon Matrix du projet.
"#,
    ),
    case(
        "discussion-fr-liste.md",
        Pass(3),
        r#"# Frob

Inscrivez-vous à la liste de diffusion frob@framalistes.org pour échanger.
"#,
    ),
    case(
        "discussion-fr-tchap.md",
        Pass(3),
        r#"# Frob

Rejoignez-nous sur Tchap, dans le salon « Frob ».
"#,
    ),
    case(
        "discussion-fr-forum.rst",
        Pass(7),
        r#"Frob
====

Communauté
----------

Les échanges ont lieu sur notre forum : https://forum.frob.example.gouv.fr
"#,
    ),
    // Traps: the platforms' names as ordinary words, and software about them.
    case(
        "discussion-trap-slack.md",
        Fail,
        r#"# Scheduler

The scheduler leaves some slack between jobs, and we cut the parser some slack
on trailing commas. Slack time is computed per task.
"#,
    ),
    case(
        "discussion-trap-forum.md",
        Fail,
        r#"# Threads

This is a forum-style layout engine: it renders threads as nested cards, as a
forum would. A community forum can embed it.
"#,
    ),
    case(
        "discussion-trap-irc.md",
        Fail,
        r#"# tinychat

An IRC-like protocol implementation for embedded devices. It implements the
IRC framing of RFC 1459, not its channels; our IRC-like server runs in 4 KiB.
"#,
    ),
    case(
        "discussion-trap-mastodon.md",
        Fail,
        r#"# mastodon-rs

The Mastodon API client library for Rust: post statuses to your Mastodon
instance, read timelines and follow accounts. Register an application at
https://mastodon.social/settings/applications first. A Zulip API client is
planned.
"#,
    ),
    case(
        "discussion-trap-bots.md",
        Fail,
        r#"# build-notifier

Create an app at https://api.slack.com/apps, then set `SLACK_WEBHOOK` to the URL
it gives, such as https://hooks.slack.com/services/T000/B000/XXXX.
For Discord, register a bot at https://discord.com/developers/applications.
The bot posts a message to your Slack channel or your Discord server for every
failed build.
"#,
    ),
    case(
        "discussion-trap-words.md",
        Fail,
        r#"# linalg

Multiply the matrix by its transpose; each matrix space has a basis, and
operations on matrix elements are vectorised. We discuss the results in a
discourse analysis appendix.
Tip: announce releases on a blog or a mailing list.
Install it with `npm install @acme/linalg@1.2.3`; contact maintainer@example.org.
"#,
    ),
    case(
        "discussion-trap-fr.md",
        Fail,
        r#"# Frob

Ce moteur affiche les fils comme un forum. Une liste de diffusion ou un salon
peuvent servir aux annonces.
"#,
    ),
];

#[test]
fn discussion_channel_recognises_links_rooms_and_invitations() {
    check_cases("needs.discussion-channel", DISCUSSION);
}

// ── communication.website-link ──

const WEBSITE: &[Case] = &[
    case(
        "website.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

Website: https://frob.example.org
"#,
    ),
    case(
        "website-link-text.md",
        Pass(3),
        r#"# Frob

Read the [documentation](https://frob.example.org/docs/) to get started.
"#,
    ),
    case(
        "website-prose.md",
        Pass(3),
        r#"# Frob

The full documentation is available at https://frob.example.org/docs.
"#,
    ),
    case(
        "website-docs-rs.md",
        Pass(3),
        r#"# frob

[![API](https://img.shields.io/docsrs/frob)](https://docs.rs/frob)
"#,
    ),
    case(
        "website-pages.md",
        Pass(3),
        r#"# Frob

<https://acme.github.io/frob/>
"#,
    ),
    case(
        "website-url-first.md",
        Pass(3),
        r#"# Frob

https://frob.example.org — the project website
"#,
    ),
    case(
        "website.rst",
        Pass(6),
        r#"Frob
====

Frob tidies reStructuredText tables.

:Homepage: https://frob.example.org
"#,
    ),
    case(
        "website-link.rst",
        Pass(4),
        r#"Frob
====

Read the `documentation <https://frob.example.org/docs>`_ first.
"#,
    ),
    case(
        "website-fr.md",
        Pass(5),
        r#"# Frob

Frob met en forme les tableaux des fichiers Markdown.

Site web : https://frob.example.gouv.fr
"#,
    ),
    case(
        "website-fr-prose.md",
        Pass(3),
        r#"# Frob

La documentation est disponible à l’adresse https://frob.example.gouv.fr/documentation.
"#,
    ),
    // Traps: a docs/ folder, fields, links to other sites.
    case(
        "website-trap-docs-folder.md",
        Fail,
        r#"# Frob

See the docs/ folder for the file format.
The docs/ folder is built by CI (https://github.com/acme/frob/actions).
Read [the docs](docs/README.md) before contributing.
Documentation lives in docs/; report problems at https://github.com/acme/frob/issues.
"#,
    ),
    case(
        "website-trap-fields.md",
        Fail,
        r#"# pkgjson-gen

Set the `homepage` field of package.json; it is copied into the manifest.
- `homepage`: the URL of the project, such as https://example.org
Requires Python 3.11 (https://www.python.org). Built with [Rust](https://www.rust-lang.org).
"#,
    ),
];

#[test]
fn website_link_recognises_labelled_links_and_documentation_hosts() {
    check_cases("communication.website-link", WEBSITE);
}

// ── communication.feedback-channel ──

const FEEDBACK: &[Case] = &[
    case(
        "feedback-tracker.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

Bugs go to https://github.com/acme/frob/issues.
"#,
    ),
    case(
        "feedback-heading.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

## Feedback

We would love to hear how you use Frob.
"#,
    ),
    case(
        "feedback-gitlab.md",
        Pass(3),
        r#"# Frob

Something wrong? https://gitlab.com/acme/frob/-/issues/new
"#,
    ),
    case(
        "feedback-phrase.md",
        Pass(3),
        r#"# Frob

Found a bug? Please open an issue.
"#,
    ),
    case(
        "feedback-send.md",
        Pass(3),
        r#"# Frob

Send your feedback to the maintainers, frob@example.org.
"#,
    ),
    case(
        "feedback-mailto.md",
        Pass(3),
        r#"# Frob

[Write to the maintainers](mailto:frob@example.org)
"#,
    ),
    case(
        "feedback.rst",
        Pass(6),
        r#"Frob
====

Frob tidies reStructuredText tables.

Bug reports
-----------

Use the tracker of the forge.
"#,
    ),
    case(
        "feedback-fr.md",
        Pass(5),
        r#"# Frob

Frob met en forme les tableaux des fichiers Markdown.

## Nous contacter

Une question ? L’équipe répond sous une semaine.
"#,
    ),
    case(
        "feedback-fr-ticket.md",
        Pass(3),
        r#"# Frob

Pour signaler un bogue, ouvrez un ticket sur la forge.
"#,
    ),
    case(
        "feedback-fr-retours.md",
        Pass(3),
        r#"# Frob

Vos retours sont les bienvenus : écrivez à l’équipe.
"#,
    ),
    // Traps: known issues, a link to another project's issue, feedback as a mechanism.
    case(
        "feedback-trap-known-issues.md",
        Fail,
        r#"# Frob

## Known issues

- Unicode file names are not supported yet.
- Tables wider than 500 columns are slow.

Version 2.1 fixes several issues with Windows line endings and works around
https://github.com/rust-lang/rust/issues/12345 in the standard library, and
https://bugs.python.org/issue20567 in the test runner.
"#,
    ),
    case(
        "feedback-trap-loop.md",
        Fail,
        r#"# Controller

The controller uses a feedback loop. The editor gives instant feedback on each
keystroke and shows feedback to the user in the status bar.
"#,
    ),
    case(
        "feedback-trap-fr.md",
        Fail,
        r#"# Frob

La fonction renvoie une valeur de retour nulle en cas d’erreur. Pour faire un
retour arrière, relancez la migration précédente.
"#,
    ),
];

#[test]
fn feedback_channel_recognises_trackers_contacts_and_invitations() {
    check_cases("communication.feedback-channel", FEEDBACK);
}

// ── funding.funding-mention ──

const FUNDING: &[Case] = &[
    case(
        "funding.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

## Funding

Frob is maintained by volunteers in their own time.
"#,
    ),
    case(
        "funding-open-collective.md",
        Pass(3),
        r#"# Frob

Support the project on [our page](https://opencollective.com/frob).
"#,
    ),
    case(
        "funding-sponsors-badge.md",
        Pass(3),
        r#"# Frob

[![Sponsor](https://img.shields.io/badge/sponsor-30363D?logo=GitHub-Sponsors)](https://github.com/sponsors/acme)
"#,
    ),
    case(
        "funding-nlnet.md",
        Pass(4),
        r#"# Frob

Frob tidies Markdown tables. Version 2.0 was made possible by
NLnet and its NGI Zero Core fund.
"#,
    ),
    case(
        "funding-become.md",
        Pass(3),
        r#"# Frob

Companies can become a sponsor; write to the maintainers.
"#,
    ),
    case(
        "funding-eu.md",
        Pass(3),
        r#"# Frob

This project has received funding from the European Union's Horizon Europe research
and innovation programme under grant agreement No 101000000.
"#,
    ),
    case(
        "funding-donate.md",
        Pass(3),
        r#"# Frob

You can donate via Ko-fi or Patreon.
"#,
    ),
    case(
        "funding-tidelift.md",
        Pass(3),
        r#"# Frob

Available as part of the Tidelift Subscription.
"#,
    ),
    case(
        "funding.rst",
        Pass(6),
        r#"Frob
====

Frob tidies reStructuredText tables.

Sponsors
========

Thank you to everyone who keeps Frob going.
"#,
    ),
    case(
        "funding-fr.md",
        Pass(5),
        r#"# Frob

Frob met en forme les tableaux des fichiers Markdown.

## Financement

Ce projet est financé par la direction du numérique.
"#,
    ),
    case(
        "funding-fr-soutenir.md",
        Pass(3),
        r#"# Frob

## Soutenir le projet

Parlez-en autour de vous.
"#,
    ),
    case(
        "funding-fr-don.md",
        Pass(3),
        r#"# Frob

Vous pouvez faire un don à l’association qui héberge le projet.
"#,
    ),
    // Traps: a sponsor field, donate in code, grants as a verb, funding as a subject.
    case(
        "funding-trap-sponsor-field.md",
        Fail,
        r#"# jobs

Set the sponsor field of the config to the team that owns the job; it appears
in every report. The checkout page calls `donate()`; the `donate_url`, `onDonate`
and `donate-button` props set the button. The server grants access by default.
Jobs computes funding rates for perpetual futures.
"#,
    ),
    case(
        "funding-trap-fr.md",
        Fail,
        r#"# Dotations

Le financement des collectivités est calculé chaque année par la préfecture.
Don’t panic: les montants sont publiés en données ouvertes.
"#,
    ),
];

#[test]
fn funding_mention_recognises_platforms_grants_and_funding_sections() {
    check_cases("funding.funding-mention", FUNDING);
}

// ── legal.readme-licence ──

const LICENCE: &[Case] = &[
    case(
        "licence.md",
        Pass(5),
        r#"# Frob

Frob tidies Markdown tables.

## License

MIT, see [LICENSE](LICENSE).
"#,
    ),
    case(
        "licence-badge.md",
        Pass(3),
        r#"# Frob

[![MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](https://opensource.org/licenses/MIT)
"#,
    ),
    case(
        "licence-statement.md",
        Pass(3),
        r#"# Frob

Frob is released under the Apache License 2.0.
"#,
    ),
    case(
        "licence-label.md",
        Pass(3),
        r#"# Frob

**Licence :** EUPL-1.2
"#,
    ),
    case(
        "licence-see.md",
        Pass(3),
        r#"# Frob

See the LICENSE file for the terms.
"#,
    ),
    case(
        "licence.rst",
        Pass(6),
        r#"Frob
====

Frob tidies reStructuredText tables.

License
-------

BSD-3-Clause.
"#,
    ),
    case(
        "licence-field.rst",
        Pass(4),
        r#"Frob
====

:License: BSD-3-Clause
"#,
    ),
    case(
        "licence-fr.md",
        Pass(5),
        r#"# Frob

Frob met en forme les tableaux des fichiers Markdown.

## Licence et droits d’auteur

Voir le fichier LICENSE.
"#,
    ),
    case(
        "licence-fr-prose.md",
        Pass(3),
        r#"# Frob

Ce projet est distribué sous les termes de la licence CeCILL 2.1.
"#,
    ),
    // Traps: a licence field, dependencies' licences, the tag named in prose, "publié sous".
    case(
        "licence-trap-fields.md",
        Fail,
        r#"# pkgjson-gen

Set the license field of package.json to an SPDX identifier.

- `license`: the SPDX identifier written in the generated manifest (default: none).

## Licences of dependencies

The generator lists the licence of each dependency; run `git grep SPDX-License-Identifier`
to see which files carry a header.
"#,
    ),
    case(
        "licence-trap-fr.md",
        Fail,
        r#"# Frob

Le paquet est publié sous forme d’archive et distribué sous forme d’image Docker.
"#,
    ),
];

#[test]
fn readme_licence_recognises_sections_badges_and_statements() {
    check_cases("legal.readme-licence", LICENCE);
}

// ── The whole default checklist ──

/// The seven items these tests are about.
const SIGNALS: [&str; 7] = [
    "needs.readme-install",
    "needs.readme-usage",
    "needs.discussion-channel",
    "communication.website-link",
    "communication.feedback-channel",
    "funding.funding-mention",
    "legal.readme-licence",
];

/// Runs the default checklist on a repository holding only `readme` at `path`; the status
/// and matched line of each signal item.
fn default_signals(path: &str, readme: &str) -> Vec<(String, String, Option<u64>)> {
    let repo = Repo::with_files(&[(path, readme)]);
    let output = repo.ospo(&["check", "--format", "json"]);
    let report = output.json();
    SIGNALS
        .iter()
        .map(|id| {
            let item = item(&report, id);
            if let Some(found) = item["evidence"]["path"]
                .as_str()
                .filter(|_| item["status"] == "pass")
            {
                assert_eq!(found, path, "{id}");
            }
            (
                id.to_string(),
                status(&report, id).to_owned(),
                item["evidence"]["line"].as_u64(),
            )
        })
        .collect()
}

/// What [`default_signals`] should give: the line each item passes on, `None` for a fail.
fn expected(lines: [Option<u64>; 7]) -> Vec<(String, String, Option<u64>)> {
    SIGNALS
        .iter()
        .zip(lines)
        .map(|(id, line)| {
            let status = if line.is_some() { "pass" } else { "fail" };
            (id.to_string(), status.to_owned(), line)
        })
        .collect()
}

const FRENCH_README: &str = r#"# Frob

Frob met en forme les tableaux des fichiers Markdown. Il est développé par une
administration et publié pour que d’autres puissent le réutiliser.

Documentation : https://frob.example.gouv.fr/documentation

## Installation

    pipx install frob

## Utilisation

    frob tidy docs/

## Nous contacter

Posez vos questions sur le salon Tchap du projet. Pour signaler un bogue,
ouvrez un ticket sur la forge.

## Financement

Le développement est financé par la direction du numérique.

## Licence

Frob est publié sous licence EUPL-1.2.
"#;

#[test]
fn the_default_checklist_finds_every_signal_of_a_french_readme() {
    assert_eq!(
        default_signals("README.md", FRENCH_README),
        expected([
            Some(8),
            Some(12),
            Some(18),
            Some(6),
            Some(16),
            Some(21),
            Some(25)
        ])
    );
}

const RST_README: &str = r#"Frob
====

Frob tidies reStructuredText tables.

:Documentation: https://frob.readthedocs.io

Installation
------------

::

   pip install frob

Usage
-----

::

   frob tidy docs/

Community
---------

Join the ``#frob:matrix.org`` room, or report bugs on the tracker.

Funding
-------

Frob is funded by its users through Liberapay.

License
-------

MIT.
"#;

#[test]
fn the_default_checklist_finds_every_signal_of_an_rst_readme() {
    assert_eq!(
        default_signals("README.rst", RST_README),
        expected([
            Some(8),
            Some(15),
            Some(25),
            Some(6),
            Some(25),
            Some(27),
            Some(32)
        ])
    );
}

/// Every trap of the tables above, in one README.
const TRAPS_README: &str = r#"# Frob

Frob tidies Markdown tables. It installs no global hook; the installer module
only copies files it owns, and memory usage stays below 10 MiB.

## Memory usage

The scheduler leaves some slack between jobs, and we cut the parser some slack on
trailing commas. This is a forum-style layout engine, with an IRC-like protocol
implementation and the mastodon API client library.

## Known issues

- See the docs/ folder for the file format; the docs/ folder is built by CI
  (https://github.com/acme/frob/actions).
- Set the license field of package.json and the sponsor field of the config.
- The checkout page calls `donate()`; the `donate_url` prop sets the button.
- Version 2.1 fixes several issues and works around
  https://github.com/rust-lang/rust/issues/12345.
- The editor gives instant feedback on each keystroke.
"#;

#[test]
fn the_default_checklist_finds_no_signal_in_a_readme_of_traps() {
    assert_eq!(
        default_signals("README.md", TRAPS_README),
        expected([None; 7])
    );
}

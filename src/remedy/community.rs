//! The community files, drafted in English and in French from what the repository
//! tells: the contribution guide, the code of conduct, the security and support
//! policies, the governance, the maintainers, the changelog, the roadmap, the issue and
//! pull-request templates, `FUNDING.yml`, the copyright strategy's document, the licence
//! and the CI job.
//!
//! Each draft goes where its item looks and the forge prefers ([`Forge`]), is written so
//! that its item's probe holds on it (its names, places, size and lines: see
//! `checklists/default.yaml`), and marks what only a person can fill with
//! [`TODO`](super::TODO), the same way everywhere. A draft holding such a mark opens with
//! a note saying so, within the first lines the file probe reads. Markdown drafts put
//! each sentence on a line of its own: line-based probes and diffs read them whole.
//!
//! The texts that must stay as published (licences, the Developer Certificate of Origin,
//! the Contributor Covenant) come from [`super::verbatim`].

use super::context::{Build, Context, Forge, Governance, Strategy};
use super::{Draft, TODO, verbatim};
use crate::i18n::Lang;

/// A place a person must fill: the mark, then what to write.
fn todo(what: &str) -> String {
    format!("{TODO}: {what}")
}

/// Whether a text holds a mark.
fn marked(text: &str) -> bool {
    text.contains(TODO)
}

/// The note a Markdown draft opens with when it holds marks, after its title.
fn note(lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "> {}\n",
            todo(
                "this is a first draft written by ospo from what the repository tells. Fill in the places marked TODO(ospo), then delete this note."
            )
        ),
        Lang::Fr => format!(
            "> {}\n",
            todo(
                "ce document est une première version rédigée par ospo à partir de ce que dit le dépôt. Complétez les passages marqués TODO(ospo), puis supprimez cette note."
            )
        ),
    }
}

/// A Markdown document: its title, the note when the body holds a mark, then the body.
fn document(lang: Lang, title: &str, body: &str) -> String {
    let mut text = format!("# {title}\n\n");
    if marked(body) {
        text.push_str(&note(lang));
        text.push('\n');
    }
    text.push_str(body.trim_end());
    text.push('\n');
    text
}

fn draft(path: &str, content: String, items: &[&str]) -> Draft {
    Draft {
        path: path.to_owned(),
        content,
        items: items.iter().map(|item| (*item).to_owned()).collect(),
    }
}

/// A text of each language.
fn pick<'a>(lang: Lang, en: &'a str, fr: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// A string as YAML writes it between double quotes (JSON's escapes, which YAML reads).
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// What the forge calls a proposed change, with its article.
fn change_request(context: &Context) -> &'static str {
    match (context.lang, context.forge) {
        (Lang::En, Forge::GitHub) => "a pull request",
        (Lang::En, Forge::GitLab) => "a merge request",
        (Lang::En, Forge::Other) => "a pull request (or merge request)",
        (Lang::Fr, Forge::GitHub) => "une demande de fusion (pull request)",
        (Lang::Fr, Forge::GitLab) => "une demande de fusion (merge request)",
        (Lang::Fr, Forge::Other) => "une demande de fusion",
    }
}

/// The issue tracker, as a Markdown link when its address is known, else marked.
fn tracker(context: &Context) -> String {
    match context.forge_page("issues") {
        Some(url) => match context.lang {
            Lang::En => format!("[the issue tracker]({url})"),
            Lang::Fr => format!("[le gestionnaire de tickets]({url})"),
        },
        None => match context.lang {
            Lang::En => format!("the issue tracker ({})", todo("its address")),
            Lang::Fr => format!("le gestionnaire de tickets ({})", todo("son adresse")),
        },
    }
}

/// The project's licence, or a mark.
fn licence_name(context: &Context) -> String {
    context.licence.clone().unwrap_or_else(|| {
        todo(pick(
            context.lang,
            "the project's licence",
            "la licence du projet",
        ))
    })
}

// ── CONTRIBUTING ──

/// What one build system needs, and its commands: to get the dependencies, to build, to
/// test.
struct Steps {
    name: &'static str,
    needs: (&'static str, &'static str),
    commands: &'static [&'static str],
}

fn steps(build: Build) -> Steps {
    let (name, needs, commands): (_, _, &'static [&'static str]) = match build {
        Build::Cargo => (
            "Cargo",
            (
                "a Rust toolchain, installed with rustup (https://rustup.rs)",
                "une chaîne de compilation Rust, installée avec rustup (https://rustup.rs)",
            ),
            &[
                "cargo build",
                "cargo test",
                "cargo fmt --check",
                "cargo clippy --all-targets",
            ],
        ),
        Build::Npm => (
            "npm",
            (
                "Node.js with npm (https://nodejs.org)",
                "Node.js avec npm (https://nodejs.org)",
            ),
            &["npm ci", "npm test"],
        ),
        Build::Pnpm => (
            "pnpm",
            (
                "Node.js and pnpm (https://pnpm.io)",
                "Node.js et pnpm (https://pnpm.io)",
            ),
            &["pnpm install --frozen-lockfile", "pnpm test"],
        ),
        Build::Yarn => (
            "Yarn",
            (
                "Node.js and Yarn (https://yarnpkg.com)",
                "Node.js et Yarn (https://yarnpkg.com)",
            ),
            &["yarn install", "yarn test"],
        ),
        Build::Pip => (
            "pip",
            ("Python 3 with pip", "Python 3 avec pip"),
            &[
                "python3 -m venv .venv",
                ". .venv/bin/activate",
                "pip install -e .",
                "python3 -m pytest",
            ],
        ),
        Build::Poetry => (
            "Poetry",
            (
                "Python 3 and Poetry (https://python-poetry.org)",
                "Python 3 et Poetry (https://python-poetry.org)",
            ),
            &["poetry install", "poetry run pytest"],
        ),
        Build::Uv => (
            "uv",
            (
                "uv (https://docs.astral.sh/uv/), which installs Python itself",
                "uv (https://docs.astral.sh/uv/), qui installe lui-même Python",
            ),
            &["uv sync", "uv run pytest"],
        ),
        Build::Go => (
            "Go",
            ("Go (https://go.dev/dl/)", "Go (https://go.dev/dl/)"),
            &["go build ./...", "go test ./..."],
        ),
        Build::Maven => (
            "Maven",
            (
                "a JDK and Maven (https://maven.apache.org)",
                "un JDK et Maven (https://maven.apache.org)",
            ),
            &["mvn verify"],
        ),
        Build::Gradle => (
            "Gradle",
            (
                "a JDK; the Gradle wrapper (gradlew) fetches Gradle itself",
                "un JDK ; le wrapper Gradle (gradlew) récupère lui-même Gradle",
            ),
            &["./gradlew build", "./gradlew test"],
        ),
        Build::Make => (
            "Make",
            (
                "make and the tools the Makefile calls",
                "make et les outils qu'appelle le Makefile",
            ),
            &["make", "make test"],
        ),
        Build::CMake => (
            "CMake",
            (
                "CMake (https://cmake.org) and a C or C++ compiler",
                "CMake (https://cmake.org) et un compilateur C ou C++",
            ),
            &[
                "cmake -S . -B build",
                "cmake --build build",
                "ctest --test-dir build",
            ],
        ),
    };
    Steps {
        name,
        needs,
        commands,
    }
}

/// The command that runs the tests of a build system, for the pull-request checklist.
fn test_command(build: Build) -> &'static str {
    let commands = steps(build).commands;
    commands
        .iter()
        .copied()
        .find(|command| {
            command.contains("test") || command.contains("verify") || command.contains("pytest")
        })
        .unwrap_or(commands[commands.len() - 1])
}

/// The development setup: what to install, how to get the sources, and the commands of
/// each build system found.
fn development_setup(context: &Context) -> String {
    let lang = context.lang;
    let mut text = String::from(pick(
        lang,
        "## Development setup\n\n",
        "## Environnement de développement\n\n",
    ));
    let clone = match &context.remote {
        Some(remote) => format!("git clone {remote}.git"),
        None => format!(
            "git clone {}",
            todo(pick(lang, "the repository's address", "l'adresse du dépôt"))
        ),
    };
    if context.builds.is_empty() {
        text.push_str(pick(
            lang,
            "Get the sources:\n\n",
            "Récupérez les sources :\n\n",
        ));
        text.push_str(&format!("```sh\n{clone}\n```\n\n"));
        text.push_str(&todo(pick(
            lang,
            "what to install, then the exact commands that build the project and run its tests.",
            "ce qu'il faut installer, puis les commandes exactes qui construisent le projet et lancent ses tests.",
        )));
        text.push('\n');
        return text;
    }
    let needs: Vec<&str> = context
        .builds
        .iter()
        .map(|build| pick(lang, steps(*build).needs.0, steps(*build).needs.1))
        .collect();
    text.push_str(&match lang {
        Lang::En => format!("You need {}.\n", needs.join("; ")),
        Lang::Fr => format!("Il vous faut {}.\n", needs.join(" ; ")),
    });
    text.push_str(pick(
        lang,
        "Get the sources:\n\n",
        "Récupérez les sources :\n\n",
    ));
    text.push_str(&format!("```sh\n{clone}\n```\n\n"));
    text.push_str(pick(
        lang,
        "Then build the project and run its tests:\n\n",
        "Puis construisez le projet et lancez ses tests :\n\n",
    ));
    let several = context.builds.len() > 1;
    for build in &context.builds {
        let steps = steps(*build);
        if several {
            text.push_str(&format!("### {}\n\n", steps.name));
        }
        text.push_str(&format!("```sh\n{}\n```\n\n", steps.commands.join("\n")));
    }
    text.push_str(pick(
        lang,
        "The continuous integration runs the same commands on every proposed change: run them before you push.\n",
        "L'intégration continue lance les mêmes commandes sur chaque modification proposée : lancez-les avant de pousser vos commits.\n",
    ));
    text
}

/// The good-first-issue label's page, when the forge has one.
fn first_issues(context: &Context) -> Option<String> {
    match context.forge {
        Forge::GitHub => context.forge_page("labels/good%20first%20issue"),
        Forge::GitLab => context.forge_page("issues?label_name%5B%5D=good+first+issue"),
        Forge::Other => None,
    }
}

/// How contributions' copyright is handled, as the strategy chosen says.
fn copyright_section(context: &Context) -> String {
    let name = &context.name;
    let licence = licence_name(context);
    let request = change_request(context);
    match (context.lang, context.strategy) {
        (Lang::En, Strategy::Dco) => format!(
            "## Signing off your commits (DCO)\n\n\
             {name} uses the Developer Certificate of Origin (DCO): you keep the copyright of your contribution, and you certify, for each commit, that you have the right to submit it under the project's licence ({licence}).\n\
             The certificate's full text is in the [DCO](DCO) file.\n\n\
             You certify it by signing off every commit: `git commit -s` adds a line `Signed-off-by: Your Name <your@address>`, with the name and address of your git configuration.\n\
             To sign off the commits of a branch already written, run `git rebase --signoff BRANCH`, where BRANCH is the branch your work started from.\n\
             A change whose commits are not all signed off cannot be merged.\n"
        ),
        (Lang::Fr, Strategy::Dco) => format!(
            "## Signature de vos commits (DCO)\n\n\
             {name} applique le certificat d'origine du développeur (Developer Certificate of Origin, DCO) : vous conservez vos droits d'auteur sur votre contribution et vous certifiez, pour chaque commit, que vous avez le droit de la soumettre sous la licence du projet ({licence}).\n\
             Le texte intégral du certificat figure dans le fichier [DCO](DCO).\n\n\
             Vous le certifiez en signant chaque commit : `git commit -s` ajoute une ligne `Signed-off-by: Votre Nom <votre@adresse>`, avec le nom et l'adresse de votre configuration git.\n\
             Pour signer les commits d'une branche déjà écrite, lancez `git rebase --signoff BRANCHE`, où BRANCHE est la branche d'où part votre travail.\n\
             Une modification dont les commits ne sont pas tous signés ne peut pas être fusionnée.\n"
        ),
        (Lang::En, Strategy::Cla) => format!(
            "## Contributor licence agreement (CLA)\n\n\
             Before your first contribution is merged, you sign the contributor licence agreement in [CLA.md](CLA.md).\n\
             You keep the copyright of your work, and you give the project the rights it needs to distribute it under its licence ({licence}).\n\
             If you contribute as part of your job, your employer signs the agreement too.\n\
             {}\n",
            todo(
                "how contributors sign the agreement (a form, an e-mail, a bot that asks on each pull request)."
            )
        ),
        (Lang::Fr, Strategy::Cla) => format!(
            "## Accord de licence de contribution (CLA)\n\n\
             Avant la fusion de votre première contribution, vous signez l'accord de licence de contribution qui figure dans [CLA.md](CLA.md).\n\
             Vous conservez vos droits d'auteur et vous accordez au projet les droits dont il a besoin pour diffuser votre travail sous sa licence ({licence}).\n\
             Si vous contribuez dans le cadre de votre emploi, votre employeur signe aussi l'accord.\n\
             {}\n",
            todo(
                "comment signer l'accord (un formulaire, un courriel, un robot qui le demande sur chaque demande de fusion)."
            )
        ),
        (Lang::En, Strategy::InboundOutbound) => format!(
            "## Licence of contributions\n\n\
             Contributions are received under the licence the project is distributed under ({licence}): what comes in goes out under the same terms (inbound = outbound).\n\
             You keep the copyright of your work and have nothing to sign: by opening {request}, you agree to license your change this way, and you confirm that you have the right to.\n"
        ),
        (Lang::Fr, Strategy::InboundOutbound) => format!(
            "## Licence des contributions\n\n\
             Les contributions sont reçues sous la licence sous laquelle le projet est diffusé ({licence}) : ce qui entre sort aux mêmes conditions (inbound = outbound).\n\
             Vous conservez vos droits d'auteur et n'avez rien à signer : en ouvrant {request}, vous acceptez de placer votre modification sous cette licence, et vous confirmez en avoir le droit.\n"
        ),
    }
}

/// `CONTRIBUTING.md`: first contributions, the development setup from the build systems
/// found, how to propose a change and report a problem, and the copyright strategy.
pub fn contributing(context: &Context) -> Draft {
    let name = &context.name;
    let lang = context.lang;
    let tracker = tracker(context);
    let request = change_request(context);
    let label = match first_issues(context) {
        Some(url) => format!("[good first issue]({url})"),
        None => "good first issue".to_owned(),
    };
    let welcome = match lang {
        Lang::En => format!(
            "Thank you for your interest in {name}!\n\
             Every contribution counts: a bug report, an idea, a correction to the documentation, a review or code.\n\
             This guide explains how to get started, how to propose a change, and what we ask of every contribution.\n\n\
             ## First contributions\n\n\
             If this is your first contribution, look for the issues labelled **{label}**: they are small, well described, and a maintainer will help you through them.\n\
             Say in the issue that you are taking it, so that nobody else works on it at the same time.\n\
             Questions are welcome: nobody expects newcomers to know the project already.\n\n"
        ),
        Lang::Fr => format!(
            "Merci de l'intérêt que vous portez à {name} !\n\
             Toute contribution compte : un signalement de bogue, une idée, une correction de la documentation, une relecture ou du code.\n\
             Ce guide explique comment démarrer, comment proposer une modification et ce que nous attendons de chaque contribution.\n\n\
             ## Première contribution\n\n\
             Pour une première contribution, choisissez un ticket marqué **{label}** : ces tickets sont courts, bien décrits, et une personne de l'équipe de maintenance vous accompagnera.\n\
             Indiquez dans le ticket que vous vous en chargez, pour que personne d'autre n'y travaille en même temps.\n\
             Les questions sont bienvenues : personne n'attend des nouveaux venus qu'ils connaissent déjà le projet.\n\n"
        ),
    };
    let propose = match lang {
        Lang::En => format!(
            "## Proposing a change\n\n\
             1. For anything larger than a small fix, open an issue in {tracker} first to discuss it: this saves you work that might not be accepted.\n\
             2. Fork the repository and create a branch for your change.\n\
             3. Make your change, with tests, and keep each commit focused on one thing.\n\
             4. Run the tests before you push.\n\
             5. Open {request} that says what it changes and why, and names the issue it closes.\n\
             6. A maintainer reviews it; answer the remarks by adding commits to the same branch.\n\n\
             ## Reporting a bug or asking for a feature\n\n\
             Open an issue in {tracker}.\n\
             For a bug, say what you did, what you expected and what happened instead, with the version you use.\n\
             Report security vulnerabilities privately, as [SECURITY.md](SECURITY.md) explains, never in a public issue.\n\n"
        ),
        Lang::Fr => format!(
            "## Proposer une modification\n\n\
             1. Pour toute modification plus importante qu'une petite correction, ouvrez d'abord un ticket dans {tracker} pour en discuter : cela vous évite un travail qui pourrait ne pas être accepté.\n\
             2. Créez votre propre copie du dépôt (fork) et une branche pour votre modification.\n\
             3. Faites votre modification, avec des tests, et limitez chaque commit à un seul sujet.\n\
             4. Lancez les tests avant de pousser vos commits.\n\
             5. Ouvrez {request} qui explique ce qu'elle change et pourquoi, et qui cite le ticket qu'elle résout.\n\
             6. Une personne de l'équipe de maintenance la relit ; répondez aux remarques en ajoutant des commits à la même branche.\n\n\
             ## Signaler un bogue ou demander une fonctionnalité\n\n\
             Ouvrez un ticket dans {tracker}.\n\
             Pour un bogue, indiquez ce que vous avez fait, ce que vous attendiez et ce qui s'est produit, avec la version utilisée.\n\
             Signalez les failles de sécurité en privé, comme l'explique [SECURITY.md](SECURITY.md), jamais dans un ticket public.\n\n"
        ),
    };
    let body = format!(
        "{welcome}{}\n{propose}{}",
        development_setup(context),
        copyright_section(context)
    );
    let title = match lang {
        Lang::En => format!("Contributing to {name}"),
        Lang::Fr => format!("Contribuer à {name}"),
    };
    draft(
        "CONTRIBUTING.md",
        document(lang, &title, &body),
        &[
            "needs.contributing",
            "needs.contributing-dev-setup",
            "needs.onboarding-newcomers",
            "communication.feedback-channel",
        ],
    )
}

// ── CODE_OF_CONDUCT ──

/// `CODE_OF_CONDUCT.md`: the Contributor Covenant, with the contact the repository names
/// or a mark. The contact item is answered only when a contact is known.
pub fn code_of_conduct(context: &Context) -> Draft {
    let contact = context.conduct_contact.as_deref();
    let text = verbatim::code_of_conduct(context.lang, contact);
    let items: &[&str] = if contact.is_some() {
        &["community.code-of-conduct", "community.conduct-contact"]
    } else {
        &["community.code-of-conduct"]
    };
    draft("CODE_OF_CONDUCT.md", text, items)
}

// ── SECURITY ──

/// `SECURITY.md`: how to report a vulnerability in private (the forge's private
/// reporting, or an address), what happens then, and the versions that get fixes.
pub fn security(context: &Context) -> Draft {
    let lang = context.lang;
    let name = &context.name;
    let mut ways = Vec::new();
    if context.forge == Forge::GitHub
        && let Some(url) = context.forge_page("security/advisories/new")
    {
        ways.push(match lang {
            Lang::En => format!(
                "- Use the repository's private vulnerability reporting: {url}\n  {}",
                todo("enable it in the repository's settings (Security, Private vulnerability reporting), then delete this line.")
            ),
            Lang::Fr => format!(
                "- Utilisez le signalement privé de vulnérabilités du dépôt : {url}\n  {}",
                todo("activez-le dans les paramètres du dépôt (Security, Private vulnerability reporting), puis supprimez cette ligne.")
            ),
        });
    }
    if context.forge == Forge::GitLab
        && let Some(url) = context.forge_page("issues/new?issue%5Bconfidential%5D=true")
    {
        ways.push(match lang {
            Lang::En => format!(
                "- Open a confidential issue, which only the maintainers can read: {url}"
            ),
            Lang::Fr => format!(
                "- Ouvrez un ticket confidentiel, que seule l'équipe de maintenance peut lire : {url}"
            ),
        });
    }
    let address = context.security_contact.clone().unwrap_or_else(|| {
        todo(pick(
            lang,
            "the address that receives vulnerability reports, read by the maintainers only",
            "l'adresse qui reçoit les signalements de vulnérabilités, lue par la seule équipe de maintenance",
        ))
    });
    ways.push(match lang {
        Lang::En => format!("- Write to {address}"),
        Lang::Fr => format!("- Écrivez à {address}"),
    });
    let ways = ways.join("\n");
    let delay = todo(pick(
        lang,
        "a delay you can keep, such as five working days",
        "un délai que vous pouvez tenir, par exemple cinq jours ouvrés",
    ));
    let versions = match (context.releases.first(), lang) {
        (Some(release), Lang::En) => format!(
            "| Version | Security fixes |\n| --- | --- |\n| {} (the latest release, {}) | yes |\n| earlier versions | no: upgrade to the latest release |\n",
            release.version, release.date
        ),
        (Some(release), Lang::Fr) => format!(
            "| Version | Correctifs de sécurité |\n| --- | --- |\n| {} (la dernière version, du {}) | oui |\n| versions antérieures | non : passez à la dernière version |\n",
            release.version, release.date
        ),
        (None, Lang::En) => {
            "No version has been released yet: fixes go to the main branch.\n".to_owned()
        }
        (None, Lang::Fr) => {
            "Aucune version n'a encore été publiée : les correctifs vont dans la branche principale.\n"
                .to_owned()
        }
    };
    let body = match lang {
        Lang::En => format!(
            "## Reporting a vulnerability\n\n\
             Please report security vulnerabilities privately, never in a public issue, so that they can be fixed before they are known.\n\
             To report one:\n\n{ways}\n\n\
             Say what is affected (version, configuration), how to reproduce the problem, and what an attacker could do with it.\n\n\
             ## What happens next\n\n\
             We acknowledge your report within {delay}, keep you informed while we work on a fix, and tell you when it is released.\n\
             We then publish an advisory that describes the vulnerability, the versions affected and how to upgrade, and credits you if you wish.\n\n\
             ## Supported versions\n\n{versions}"
        ),
        Lang::Fr => format!(
            "## Signaler une vulnérabilité\n\n\
             Signalez les failles de sécurité en privé, jamais dans un ticket public, afin qu'elles soient corrigées avant d'être connues.\n\
             Pour en signaler une :\n\n{ways}\n\n\
             Précisez ce qui est touché (version, configuration), comment reproduire le problème et ce qu'un attaquant pourrait en faire.\n\n\
             ## Suite donnée au signalement\n\n\
             Nous accusons réception de votre signalement sous {delay}, nous vous tenons au courant de l'avancement du correctif et nous vous prévenons de sa publication.\n\
             Nous publions ensuite un avis de sécurité qui décrit la vulnérabilité, les versions touchées et la façon de mettre à jour, et qui vous cite si vous le souhaitez.\n\n\
             ## Versions maintenues\n\n{versions}"
        ),
    };
    let title = match lang {
        Lang::En => format!("Security policy of {name}"),
        Lang::Fr => format!("Politique de sécurité de {name}"),
    };
    draft(
        "SECURITY.md",
        document(lang, &title, &body),
        &["community.security-policy", "community.security-contact"],
    )
}

// ── SUPPORT ──

/// `SUPPORT.md`: where to ask a question, where to report a bug, and what to expect.
pub fn support(context: &Context) -> Draft {
    let lang = context.lang;
    let name = &context.name;
    let tracker = tracker(context);
    // Said without a platform's name: the discussion item must not take the mark's
    // examples for a place to talk.
    let place = todo(pick(
        lang,
        "where users ask their questions, such as a forum or a chat room, with its link",
        "où les utilisateurs posent leurs questions, par exemple un forum ou une messagerie instantanée, avec son lien",
    ));
    let paid = todo(pick(
        lang,
        "whether a company or the maintainers offer paid support, and how to reach them; otherwise delete this line.",
        "si une entreprise ou l'équipe de maintenance propose une assistance payante, et comment la joindre ; sinon, supprimez cette ligne.",
    ));
    let body = match lang {
        Lang::En => format!(
            "## Asking a question\n\n\
             Read the documentation first: the [README](README.md) explains how to install and use {name}.\n\
             To ask a question: {place}.\n\n\
             ## Reporting a bug or asking for a feature\n\n\
             Open an issue in {tracker}, after checking that nobody has reported the same thing.\n\
             Report security vulnerabilities privately, as [SECURITY.md](SECURITY.md) explains.\n\n\
             ## What to expect\n\n\
             {name} is maintained by people who answer when they can: please be patient, and help others in turn when you know the answer.\n\
             {paid}\n"
        ),
        Lang::Fr => format!(
            "## Poser une question\n\n\
             Lisez d'abord la documentation : le [README](README.md) explique comment installer et utiliser {name}.\n\
             Pour poser une question : {place}.\n\n\
             ## Signaler un bogue ou demander une fonctionnalité\n\n\
             Ouvrez un ticket dans {tracker}, après avoir vérifié que personne n'a déjà signalé la même chose.\n\
             Signalez les failles de sécurité en privé, comme l'explique [SECURITY.md](SECURITY.md).\n\n\
             ## Ce que vous pouvez attendre\n\n\
             {name} est maintenu par des personnes qui répondent quand elles le peuvent : merci de votre patience, et aidez à votre tour les autres quand vous connaissez la réponse.\n\
             {paid}\n"
        ),
    };
    let title = pick(lang, "Getting help", "Obtenir de l'aide");
    draft(
        "SUPPORT.md",
        document(lang, title, &body),
        &["community.support", "communication.feedback-channel"],
    )
}

// ── GOVERNANCE ──

/// `GOVERNANCE.md`: the model chosen — who decides and how, and how one becomes a
/// maintainer — as the source documents describe a benevolent dictator, a council
/// deciding by lazy consensus and a do-ocracy; marked to be reviewed and adopted.
pub fn governance(context: &Context) -> Draft {
    let lang = context.lang;
    let name = &context.name;
    let tracker = tracker(context);
    let review = todo(pick(
        lang,
        "review these rules, the delays and the thresholds with the people involved, adapt them to the project, then adopt them.",
        "relisez ces règles, les délais et les seuils avec les personnes concernées, adaptez-les au projet, puis adoptez-les.",
    ));
    let lead = match context.people.first() {
        Some(person) => format!(
            "{} ({})",
            person.name,
            todo(pick(
                lang,
                "confirm who leads the project",
                "confirmez qui dirige le projet"
            ))
        ),
        None => todo(pick(
            lang,
            "the name of the project lead",
            "le nom de la personne qui dirige le projet",
        )),
    };
    let roles = match lang {
        Lang::En => {
            "- **Maintainers**, listed in [MAINTAINERS.md](MAINTAINERS.md), review and merge contributions, publish releases and look after the community.\n\
                     - **Contributors** are everyone who proposes a change, reports a problem, improves the documentation or helps others.\n"
        }
        Lang::Fr => {
            "- **L'équipe de maintenance**, dont les membres figurent dans [MAINTAINERS.md](MAINTAINERS.md), relit et fusionne les contributions, publie les versions et veille sur la communauté.\n\
                     - **Les contributeurs et contributrices** sont toutes les personnes qui proposent une modification, signalent un problème, améliorent la documentation ou aident les autres.\n"
        }
    };
    let model = match (lang, context.governance) {
        (Lang::En, Governance::BenevolentDictator) => format!(
            "{name} is led by a benevolent dictator: one person, the project lead, takes the final decisions, after listening to the community.\n\
             This keeps decisions quick and the direction clear; in return, the lead owes the community to listen, to explain every decision and to hand over in time.\n\n\
             ## Roles\n\n\
             - **The project lead**, {lead}, sets the direction of the project, settles disagreements and appoints the maintainers.\n\
             {roles}\n\
             ## How decisions are made\n\n\
             Everyday decisions (accepting a change, fixing a bug) are taken by the maintainer who reviews the change.\n\
             Larger decisions (the direction of the project, breaking changes, new maintainers, this document) are discussed in public, in an issue ({tracker}), for at least a week.\n\
             The project lead then decides and explains the decision in writing in that issue.\n\n\
             ## Becoming a maintainer\n\n\
             A contributor who has made regular, good contributions over several months (code, reviews, documentation, help to users) may be proposed by a maintainer or ask to become one.\n\
             The project lead decides, after asking the maintainers.\n\
             A maintainer who has not taken part for a year becomes an emeritus maintainer, and may come back on request.\n\n\
             ## Succession\n\n\
             A project lead who steps down names a successor among the maintainers; failing that, the maintainers choose one by a majority vote.\n"
        ),
        (Lang::Fr, Governance::BenevolentDictator) => format!(
            "{name} est dirigé par un « dictateur bienveillant » : une personne, responsable du projet, prend les décisions finales après avoir écouté la communauté.\n\
             Les décisions sont ainsi rapides et le cap reste clair ; en contrepartie, la personne responsable doit écouter, expliquer chaque décision et préparer sa succession.\n\n\
             ## Rôles\n\n\
             - **La personne responsable du projet**, {lead}, fixe le cap, tranche les désaccords et nomme l'équipe de maintenance.\n\
             {roles}\n\
             ## Prise de décision\n\n\
             Les décisions courantes (accepter une modification, corriger un bogue) sont prises par la personne de l'équipe de maintenance qui relit la modification.\n\
             Les décisions importantes (orientation du projet, changements incompatibles, arrivée de mainteneurs, modification de ce document) sont discutées publiquement, dans un ticket ({tracker}), pendant au moins une semaine.\n\
             La personne responsable du projet tranche alors et explique sa décision par écrit dans ce ticket.\n\n\
             ## Rejoindre l'équipe de maintenance\n\n\
             Une personne qui contribue régulièrement et avec soin depuis plusieurs mois (code, relectures, documentation, aide aux utilisateurs) peut être proposée par un membre de l'équipe de maintenance, ou se proposer elle-même.\n\
             La personne responsable du projet décide, après avoir consulté l'équipe de maintenance.\n\
             Un membre de l'équipe qui n'a pas participé depuis un an devient membre honoraire et peut revenir à sa demande.\n\n\
             ## Succession\n\n\
             La personne responsable qui se retire désigne son successeur parmi l'équipe de maintenance ; à défaut, l'équipe le choisit à la majorité.\n"
        ),
        (Lang::En, Governance::MaintainerCouncil) => format!(
            "{name} is run by a council of its maintainers, who decide together by lazy consensus.\n\
             No single person owns the project: decisions are made in public, and a proposal nobody objects to is adopted.\n\n\
             ## Roles\n\n\
             {roles}\n\
             ## How decisions are made\n\n\
             Everyday decisions (accepting a change, fixing a bug) need the approval of one maintainer who did not write the change.\n\
             Larger decisions (the direction of the project, breaking changes, new maintainers, this document) are proposed in an issue ({tracker}) and announced to the maintainers.\n\
             If no maintainer objects within seven days, the proposal is adopted: silence is consent.\n\
             An objection gives its reasons and, where it can, an alternative.\n\
             When discussion does not lead to consensus, the maintainers vote: the proposal is adopted by a majority of the maintainers who vote within a week, and a tie leaves things as they are.\n\n\
             ## Becoming a maintainer\n\n\
             A contributor who has made regular, good contributions over at least three months (code, reviews, documentation, help to users) may be proposed by a maintainer, or propose themselves.\n\
             The proposal follows the rule for larger decisions, by lazy consensus of the maintainers.\n\
             A maintainer who has not taken part for a year becomes an emeritus maintainer, and may come back on request.\n"
        ),
        (Lang::Fr, Governance::MaintainerCouncil) => format!(
            "{name} est administré par le collège de son équipe de maintenance, qui décide collectivement par consensus tacite (lazy consensus).\n\
             Le projet n'appartient à personne en particulier : les décisions se prennent en public, et une proposition qui ne suscite aucune objection est adoptée.\n\n\
             ## Rôles\n\n\
             {roles}\n\
             ## Prise de décision\n\n\
             Les décisions courantes (accepter une modification, corriger un bogue) demandent l'accord d'un membre de l'équipe de maintenance autre que l'auteur de la modification.\n\
             Les décisions importantes (orientation du projet, changements incompatibles, arrivée de mainteneurs, modification de ce document) sont proposées dans un ticket ({tracker}) et annoncées à l'équipe de maintenance.\n\
             Si aucun membre de l'équipe ne s'y oppose dans un délai de sept jours, la proposition est adoptée : qui ne dit mot consent.\n\
             Une objection est motivée et propose, si possible, une autre solution.\n\
             Lorsque la discussion n'aboutit pas à un consensus, l'équipe de maintenance vote : la proposition est adoptée à la majorité des membres qui se prononcent dans un délai d'une semaine, et un partage des voix laisse les choses en l'état.\n\n\
             ## Rejoindre l'équipe de maintenance\n\n\
             Une personne qui contribue régulièrement et avec soin depuis au moins trois mois (code, relectures, documentation, aide aux utilisateurs) peut être proposée par un membre de l'équipe, ou se proposer elle-même.\n\
             La proposition suit la règle des décisions importantes, par consensus tacite de l'équipe de maintenance.\n\
             Un membre de l'équipe qui n'a pas participé depuis un an devient membre honoraire et peut revenir à sa demande.\n"
        ),
        (Lang::En, Governance::DoOcracy) => format!(
            "{name} is a do-ocracy: those who do the work decide how it is done.\n\
             Anyone may take on a task; whoever does it makes the decisions it needs, in public, and listens to the remarks of others.\n\n\
             ## Roles\n\n\
             {roles}\n\
             ## How decisions are made\n\n\
             Whoever takes on a task says so in an issue ({tracker}), then decides how to carry it out.\n\
             A decision made this way is changed by doing the work of a better solution, not by objecting alone.\n\
             When two people disagree and cannot settle it between themselves, the maintainers who took part in the project over the last six months decide by a majority, within a week.\n\n\
             ## Becoming a maintainer\n\n\
             Whoever has had several contributions accepted (three, for instance) may ask for the rights to review and merge changes; any maintainer may grant them, saying so in public.\n\
             A maintainer who has not taken part for a year gives these rights back, and may ask for them again.\n"
        ),
        (Lang::Fr, Governance::DoOcracy) => format!(
            "{name} fonctionne en do-ocratie : celles et ceux qui font le travail décident de la manière de le faire.\n\
             Chacun peut se saisir d'une tâche ; qui la mène prend les décisions qu'elle demande, en public, et tient compte des remarques des autres.\n\n\
             ## Rôles\n\n\
             {roles}\n\
             ## Prise de décision\n\n\
             La personne qui se saisit d'une tâche l'annonce dans un ticket ({tracker}), puis décide de la façon de la mener.\n\
             Une décision prise ainsi se remet en cause en réalisant une meilleure solution, pas seulement en s'y opposant.\n\
             Lorsque deux personnes sont en désaccord et ne parviennent pas à le régler entre elles, les membres de l'équipe de maintenance ayant participé au projet au cours des six derniers mois tranchent à la majorité, dans un délai d'une semaine.\n\n\
             ## Rejoindre l'équipe de maintenance\n\n\
             Une personne dont plusieurs contributions ont été acceptées (trois, par exemple) peut demander les droits de relire et de fusionner les modifications ; tout membre de l'équipe de maintenance peut les lui accorder, en l'annonçant publiquement.\n\
             Un membre de l'équipe qui n'a pas participé depuis un an rend ces droits, et peut les demander de nouveau.\n"
        ),
    };
    let amend = match lang {
        Lang::En => {
            "\n## Changing this document\n\nChanges to this document are proposed and decided like the larger decisions above.\n"
        }
        Lang::Fr => {
            "\n## Modifier ce document\n\nLes modifications de ce document sont proposées et décidées comme les décisions importantes ci-dessus.\n"
        }
    };
    let body = format!("{review}\n\n{model}{amend}");
    let title = match lang {
        Lang::En => format!("Governance of {name}"),
        Lang::Fr => format!("Gouvernance de {name}"),
    };
    draft(
        "GOVERNANCE.md",
        document(lang, &title, &body),
        &["community.governance"],
    )
}

// ── MAINTAINERS ──

/// The most people MAINTAINERS.md proposes.
const MAX_MAINTAINERS: usize = 5;

/// `MAINTAINERS.md`: the last year's most active people, as a draft to confirm.
pub fn maintainers(context: &Context) -> Draft {
    let lang = context.lang;
    let confirm = todo(pick(
        lang,
        "this list was drafted from the commits of the last year, the most active people first: confirm who maintains the project, add or remove people, then delete this line.",
        "cette liste a été établie d'après les commits de la dernière année, les personnes les plus actives en premier : confirmez qui maintient le projet, ajoutez ou retirez des personnes, puis supprimez cette ligne.",
    ));
    let mut body = format!("{confirm}\n\n");
    body.push_str(pick(
        lang,
        "The maintainers review and merge contributions, publish releases and look after the community, as [GOVERNANCE.md](GOVERNANCE.md) describes.\n\n",
        "L'équipe de maintenance relit et fusionne les contributions, publie les versions et veille sur la communauté, comme le décrit [GOVERNANCE.md](GOVERNANCE.md).\n\n",
    ));
    if context.people.is_empty() {
        body.push_str(&format!(
            "- {}\n",
            todo(pick(
                lang,
                "the name, address and role of each maintainer, one a line",
                "le nom, l'adresse et le rôle de chaque personne de l'équipe, une par ligne",
            ))
        ));
    } else {
        body.push_str(pick(
            lang,
            "| Name | Address | Commits over the last year |\n| --- | --- | ---: |\n",
            "| Nom | Adresse | Commits de la dernière année |\n| --- | --- | ---: |\n",
        ));
        for person in context.people.iter().take(MAX_MAINTAINERS) {
            let cell = |text: &str| text.replace('|', "\\|");
            body.push_str(&format!(
                "| {} | {} | {} |\n",
                cell(&person.name),
                cell(&person.email),
                person.commits
            ));
        }
    }
    let title = pick(lang, "Maintainers", "Équipe de maintenance");
    draft(
        "MAINTAINERS.md",
        document(lang, title, &body),
        &["community.maintainers"],
    )
}

// ── CHANGELOG ──

/// The most releases the changelog lists; older ones are left to the tags.
const MAX_RELEASES: usize = 100;

/// `CHANGELOG.md` in the Keep a Changelog format: an unreleased section, then an entry
/// for each release tag with its date, each with a mark for what changed.
pub fn changelog(context: &Context) -> Draft {
    let lang = context.lang;
    let name = &context.name;
    let (title, mut text) = match lang {
        Lang::En => (
            "Changelog",
            format!(
                "All notable changes to {name} are written down in this file, the newest first.\n\
                 Its format follows [Keep a Changelog](https://keepachangelog.com/en/1.1.0/): each release has an entry with its date, its changes grouped under Added, Changed, Deprecated, Removed, Fixed and Security.\n\n\
                 ## [Unreleased]\n\n- {}\n",
                todo("what changed since the last release, written down as each change is merged.")
            ),
        ),
        Lang::Fr => (
            "Journal des modifications",
            format!(
                "Ce fichier consigne les modifications notables de {name}, les plus récentes en premier.\n\
                 Il suit le format [Keep a Changelog](https://keepachangelog.com/fr/1.1.0/) : chaque version a une entrée datée, dont les changements sont regroupés en Ajouté, Modifié, Obsolète, Supprimé, Corrigé et Sécurité.\n\n\
                 ## [Non publié]\n\n- {}\n",
                todo("ce qui a changé depuis la dernière version, noté au fil des fusions.")
            ),
        ),
    };
    let releases: Vec<_> = context.releases.iter().take(MAX_RELEASES).collect();
    for (index, release) in releases.iter().enumerate() {
        let range = match releases.get(index + 1) {
            Some(previous) => format!("{}..{}", previous.tag, release.tag),
            None => release.tag.clone(),
        };
        let what = match lang {
            Lang::En => format!(
                "what changed in {} (`git log {range}` lists its commits).",
                release.version
            ),
            Lang::Fr => format!(
                "ce qui a changé dans la version {} (`git log {range}` en liste les commits).",
                release.version
            ),
        };
        text.push_str(&format!(
            "\n## [{}] - {}\n\n- {}\n",
            release.version,
            release.date,
            todo(&what)
        ));
    }
    if context.releases.len() > MAX_RELEASES {
        text.push_str(pick(
            lang,
            "\nEarlier releases are listed by the repository's tags.\n",
            "\nLes versions antérieures figurent dans les étiquettes (tags) du dépôt.\n",
        ));
    }
    // Links from each version to what it changed, on forges whose pages are known.
    let compare = |from: &str, to: &str| match context.forge {
        Forge::GitHub => context.forge_page(&format!("compare/{from}...{to}")),
        Forge::GitLab => context.forge_page(&format!("compare/{from}...{to}")),
        Forge::Other => None,
    };
    let tag_page = |tag: &str| match context.forge {
        Forge::GitHub => context.forge_page(&format!("releases/tag/{tag}")),
        Forge::GitLab => context.forge_page(&format!("tags/{tag}")),
        Forge::Other => None,
    };
    let mut links = Vec::new();
    if let Some(newest) = releases.first()
        && let Some(url) = compare(&newest.tag, "HEAD")
    {
        links.push(format!(
            "[{}]: {url}",
            pick(lang, "Unreleased", "Non publié")
        ));
    }
    for (index, release) in releases.iter().enumerate() {
        let url = match releases.get(index + 1) {
            Some(previous) => compare(&previous.tag, &release.tag),
            None => tag_page(&release.tag),
        };
        if let Some(url) = url {
            links.push(format!("[{}]: {url}", release.version));
        }
    }
    if !links.is_empty() {
        text.push('\n');
        text.push_str(&links.join("\n"));
        text.push('\n');
    }
    draft(
        "CHANGELOG.md",
        document(lang, title, &text),
        &["communication.changelog", "communication.changelog-current"],
    )
}

// ── ROADMAP ──

/// `ROADMAP.md`: where the project is heading, now, next and later, to be filled.
pub fn roadmap(context: &Context) -> Draft {
    let lang = context.lang;
    let name = &context.name;
    let tracker = tracker(context);
    let latest = match (context.releases.first(), lang) {
        (Some(release), Lang::En) => format!(
            "The latest release is {}, of {}.\n",
            release.version, release.date
        ),
        (Some(release), Lang::Fr) => format!(
            "La dernière version publiée est la {}, du {}.\n",
            release.version, release.date
        ),
        (None, _) => String::new(),
    };
    let body = match lang {
        Lang::En => format!(
            "This roadmap says where {name} is heading, so that users can plan ahead and contributors can see where to help.\n\
             It states intentions, not promises: dates move with the time people can give.\n\
             {latest}\n\
             ## Now\n\n\
             - {}\n\n\
             ## Next\n\n\
             - {}\n\n\
             ## Later\n\n\
             - {}\n\n\
             ## Proposing an idea\n\n\
             Open an issue in {tracker} to propose an idea or to offer help with one of the items above.\n\
             The roadmap is reviewed {}.\n",
            todo("what is being worked on now, one item a line, each with its issue."),
            todo("what comes next, in the coming months."),
            todo("the ideas for later, on which help is welcome."),
            todo("how often, for instance every three months, and by whom"),
        ),
        Lang::Fr => format!(
            "Cette feuille de route indique la direction que prend {name}, pour que les utilisateurs puissent s'organiser et que les contributeurs voient où aider.\n\
             Elle exprime des intentions, pas des engagements : les dates évoluent avec le temps que chacun peut y consacrer.\n\
             {latest}\n\
             ## En cours\n\n\
             - {}\n\n\
             ## Prochainement\n\n\
             - {}\n\n\
             ## Plus tard\n\n\
             - {}\n\n\
             ## Proposer une idée\n\n\
             Ouvrez un ticket dans {tracker} pour proposer une idée ou pour offrir votre aide sur l'un des points ci-dessus.\n\
             La feuille de route est revue {}.\n",
            todo("ce qui est en cours, un point par ligne, chacun avec son ticket."),
            todo("ce qui suivra dans les prochains mois."),
            todo("les idées pour plus tard, sur lesquelles toute aide est bienvenue."),
            todo("à quelle fréquence, par exemple tous les trois mois, et par qui"),
        ),
    };
    let title = match lang {
        Lang::En => format!("Roadmap of {name}"),
        Lang::Fr => format!("Feuille de route de {name}"),
    };
    draft(
        "ROADMAP.md",
        document(lang, &title, &body),
        &["communication.roadmap"],
    )
}

// ── Issue and pull-request templates ──

/// The issue templates, a bug report and a feature request: GitHub issue forms in
/// `.github/ISSUE_TEMPLATE/`, GitLab's Markdown templates in `.gitlab/issue_templates/`,
/// else Markdown in `ISSUE_TEMPLATE/` at the root.
pub fn issue_templates(context: &Context) -> Vec<Draft> {
    let items = &["needs.issue-templates"];
    match context.forge {
        Forge::GitHub => vec![
            draft(
                ".github/ISSUE_TEMPLATE/bug_report.yml",
                bug_form(context),
                items,
            ),
            draft(
                ".github/ISSUE_TEMPLATE/feature_request.yml",
                feature_form(context),
                items,
            ),
        ],
        Forge::GitLab => vec![
            draft(
                ".gitlab/issue_templates/Bug.md",
                bug_markdown(context, false),
                items,
            ),
            draft(
                ".gitlab/issue_templates/Feature.md",
                feature_markdown(context, false),
                items,
            ),
        ],
        Forge::Other => vec![
            draft(
                "ISSUE_TEMPLATE/bug_report.md",
                bug_markdown(context, true),
                items,
            ),
            draft(
                "ISSUE_TEMPLATE/feature_request.md",
                feature_markdown(context, true),
                items,
            ),
        ],
    }
}

/// One field of an issue form.
struct Field<'a> {
    kind: &'a str,
    id: &'a str,
    label: &'a str,
    description: &'a str,
    required: bool,
}

/// A GitHub issue form.
fn form(name: &str, about: &str, label: &str, intro: &str, fields: &[Field<'_>]) -> String {
    let mut text = format!(
        "name: {}\ndescription: {}\nlabels: [{}]\nbody:\n  - type: markdown\n    attributes:\n      value: {}\n",
        yaml_string(name),
        yaml_string(about),
        yaml_string(label),
        yaml_string(intro)
    );
    for field in fields {
        text.push_str(&format!(
            "  - type: {}\n    id: {}\n    attributes:\n      label: {}\n      description: {}\n",
            field.kind,
            field.id,
            yaml_string(field.label),
            yaml_string(field.description)
        ));
        if field.required {
            text.push_str("    validations:\n      required: true\n");
        }
    }
    text
}

fn bug_form(context: &Context) -> String {
    let name = &context.name;
    match context.lang {
        Lang::En => form(
            "Bug report",
            &format!("Something in {name} does not work as it should."),
            "bug",
            "Thank you for taking the time to report a problem. Please check first that nobody has reported it already. Do not report security vulnerabilities here: SECURITY.md says how to report them privately.",
            &[
                Field {
                    kind: "textarea",
                    id: "what-happened",
                    label: "What happened?",
                    description: "What you did, what you expected, and what happened instead.",
                    required: true,
                },
                Field {
                    kind: "textarea",
                    id: "steps",
                    label: "Steps to reproduce",
                    description: "The shortest way to see the problem, step by step.",
                    required: false,
                },
                Field {
                    kind: "input",
                    id: "version",
                    label: "Version",
                    description: &format!("The version of {name} and the system you use."),
                    required: true,
                },
                Field {
                    kind: "textarea",
                    id: "logs",
                    label: "Messages and logs",
                    description: "The error messages or logs, if any.",
                    required: false,
                },
            ],
        ),
        Lang::Fr => form(
            "Signaler un bogue",
            &format!("Quelque chose ne fonctionne pas comme prévu dans {name}."),
            "bug",
            "Merci de prendre le temps de signaler un problème. Vérifiez d'abord que personne ne l'a déjà signalé. Ne signalez pas ici une faille de sécurité : SECURITY.md explique comment la signaler en privé.",
            &[
                Field {
                    kind: "textarea",
                    id: "what-happened",
                    label: "Que s'est-il passé ?",
                    description: "Ce que vous avez fait, ce que vous attendiez et ce qui s'est produit.",
                    required: true,
                },
                Field {
                    kind: "textarea",
                    id: "steps",
                    label: "Étapes pour reproduire le problème",
                    description: "Le chemin le plus court pour constater le problème, étape par étape.",
                    required: false,
                },
                Field {
                    kind: "input",
                    id: "version",
                    label: "Version",
                    description: &format!("La version de {name} et le système utilisés."),
                    required: true,
                },
                Field {
                    kind: "textarea",
                    id: "logs",
                    label: "Messages et journaux",
                    description: "Les messages d'erreur ou les journaux, le cas échéant.",
                    required: false,
                },
            ],
        ),
    }
}

fn feature_form(context: &Context) -> String {
    let name = &context.name;
    match context.lang {
        Lang::En => form(
            "Feature request",
            &format!("An idea to make {name} more useful."),
            "enhancement",
            "Thank you for proposing an idea. Describe the need first: there may be more than one way to meet it.",
            &[
                Field {
                    kind: "textarea",
                    id: "need",
                    label: "What do you need?",
                    description: "The problem you want to solve, and who else has it.",
                    required: true,
                },
                Field {
                    kind: "textarea",
                    id: "solution",
                    label: "What would you suggest?",
                    description: "How the project could meet this need.",
                    required: false,
                },
                Field {
                    kind: "textarea",
                    id: "alternatives",
                    label: "What else have you tried?",
                    description: "Other solutions or workarounds you have considered.",
                    required: false,
                },
            ],
        ),
        Lang::Fr => form(
            "Proposer une fonctionnalité",
            &format!("Une idée pour rendre {name} plus utile."),
            "enhancement",
            "Merci de proposer une idée. Décrivez d'abord le besoin : il peut y avoir plusieurs façons d'y répondre.",
            &[
                Field {
                    kind: "textarea",
                    id: "need",
                    label: "De quoi avez-vous besoin ?",
                    description: "Le problème que vous cherchez à résoudre, et qui d'autre le rencontre.",
                    required: true,
                },
                Field {
                    kind: "textarea",
                    id: "solution",
                    label: "Que proposez-vous ?",
                    description: "Comment le projet pourrait répondre à ce besoin.",
                    required: false,
                },
                Field {
                    kind: "textarea",
                    id: "alternatives",
                    label: "Qu'avez-vous déjà essayé ?",
                    description: "Les autres solutions ou contournements que vous avez envisagés.",
                    required: false,
                },
            ],
        ),
    }
}

/// The front matter GitHub and Gitea read from a Markdown issue template.
fn front_matter(name: &str, about: &str, label: &str) -> String {
    format!(
        "---\nname: {}\nabout: {}\nlabels: {}\n---\n\n",
        yaml_string(name),
        yaml_string(about),
        yaml_string(label)
    )
}

fn bug_markdown(context: &Context, with_front_matter: bool) -> String {
    let name = &context.name;
    let (head, body) = match context.lang {
        Lang::En => (
            front_matter(
                "Bug report",
                &format!("Something in {name} does not work as it should."),
                "bug",
            ),
            format!(
                "<!-- Thank you for reporting a problem. Check first that nobody has reported it already. Do not report security vulnerabilities here: SECURITY.md says how to report them privately. -->\n\n\
                 ## What happened?\n\n<!-- What you did, what you expected, and what happened instead. -->\n\n\
                 ## Steps to reproduce\n\n1. \n2. \n\n\
                 ## Version\n\n<!-- The version of {name} and the system you use. -->\n\n\
                 ## Messages and logs\n\n<!-- The error messages or logs, if any. -->\n"
            ),
        ),
        Lang::Fr => (
            front_matter(
                "Signaler un bogue",
                &format!("Quelque chose ne fonctionne pas comme prévu dans {name}."),
                "bug",
            ),
            format!(
                "<!-- Merci de signaler ce problème. Vérifiez d'abord que personne ne l'a déjà signalé. Ne signalez pas ici une faille de sécurité : SECURITY.md explique comment la signaler en privé. -->\n\n\
                 ## Que s'est-il passé ?\n\n<!-- Ce que vous avez fait, ce que vous attendiez et ce qui s'est produit. -->\n\n\
                 ## Étapes pour reproduire le problème\n\n1. \n2. \n\n\
                 ## Version\n\n<!-- La version de {name} et le système utilisés. -->\n\n\
                 ## Messages et journaux\n\n<!-- Les messages d'erreur ou les journaux, le cas échéant. -->\n"
            ),
        ),
    };
    if with_front_matter {
        format!("{head}{body}")
    } else {
        body
    }
}

fn feature_markdown(context: &Context, with_front_matter: bool) -> String {
    let name = &context.name;
    let (head, body) = match context.lang {
        Lang::En => (
            front_matter(
                "Feature request",
                &format!("An idea to make {name} more useful."),
                "enhancement",
            ),
            "<!-- Thank you for proposing an idea. Describe the need first: there may be more than one way to meet it. -->\n\n\
             ## What do you need?\n\n<!-- The problem you want to solve, and who else has it. -->\n\n\
             ## What would you suggest?\n\n<!-- How the project could meet this need. -->\n\n\
             ## What else have you tried?\n\n<!-- Other solutions or workarounds you have considered. -->\n"
                .to_owned(),
        ),
        Lang::Fr => (
            front_matter(
                "Proposer une fonctionnalité",
                &format!("Une idée pour rendre {name} plus utile."),
                "enhancement",
            ),
            "<!-- Merci de proposer une idée. Décrivez d'abord le besoin : il peut y avoir plusieurs façons d'y répondre. -->\n\n\
             ## De quoi avez-vous besoin ?\n\n<!-- Le problème que vous cherchez à résoudre, et qui d'autre le rencontre. -->\n\n\
             ## Que proposez-vous ?\n\n<!-- Comment le projet pourrait répondre à ce besoin. -->\n\n\
             ## Qu'avez-vous déjà essayé ?\n\n<!-- Les autres solutions ou contournements que vous avez envisagés. -->\n"
                .to_owned(),
        ),
    };
    if with_front_matter {
        format!("{head}{body}")
    } else {
        body
    }
}

/// The pull-request template (GitHub), the merge-request template (GitLab), else
/// `PULL_REQUEST_TEMPLATE.md` at the root: what the change does, and a checklist with
/// the project's test command and its copyright strategy.
pub fn pull_request_template(context: &Context) -> Draft {
    let lang = context.lang;
    let path = match context.forge {
        Forge::GitHub => ".github/pull_request_template.md",
        Forge::GitLab => ".gitlab/merge_request_templates/Default.md",
        Forge::Other => "PULL_REQUEST_TEMPLATE.md",
    };
    let tests = match context.builds.first() {
        Some(build) => match lang {
            Lang::En => format!("The tests pass (`{}`)", test_command(*build)),
            Lang::Fr => format!("Les tests passent (`{}`)", test_command(*build)),
        },
        None => pick(lang, "The tests pass", "Les tests passent").to_owned(),
    };
    let strategy = match (context.strategy, lang) {
        (Strategy::Dco, Lang::En) => "\n- [ ] Every commit is signed off (`git commit -s`)",
        (Strategy::Dco, Lang::Fr) => "\n- [ ] Chaque commit est signé (`git commit -s`)",
        (Strategy::Cla, Lang::En) => "\n- [ ] I have signed the contributor licence agreement",
        (Strategy::Cla, Lang::Fr) => "\n- [ ] J'ai signé l'accord de licence de contribution",
        (Strategy::InboundOutbound, _) => "",
    };
    let text = match lang {
        Lang::En => format!(
            "## What this changes\n\n\
             <!-- What the change does and why. Name the issue it closes: Closes #123. -->\n\n\
             ## Checklist\n\n\
             - [ ] {tests}\n\
             - [ ] Tests cover the change\n\
             - [ ] The documentation and the changelog are updated{strategy}\n"
        ),
        Lang::Fr => format!(
            "## Ce que change cette demande\n\n\
             <!-- Ce que fait la modification et pourquoi. Citez le ticket qu'elle résout : Closes #123. -->\n\n\
             ## Vérifications\n\n\
             - [ ] {tests}\n\
             - [ ] Des tests couvrent la modification\n\
             - [ ] La documentation et le journal des modifications sont à jour{strategy}\n"
        ),
    };
    draft(path, text, &["needs.pull-request-template"])
}

// ── FUNDING.yml ──

/// `.github/FUNDING.yml` with every platform GitHub knows commented out.
pub fn funding(context: &Context) -> Draft {
    let lang = context.lang;
    let name = &context.name;
    let head = match lang {
        Lang::En => format!(
            "# How people can fund {name}: GitHub shows a Sponsor button from this file.\n\
             # {}\n",
            todo("uncomment the platforms the project uses and give its account on each.")
        ),
        Lang::Fr => format!(
            "# Comment financer {name} : GitHub affiche un bouton Sponsor d'après ce fichier.\n\
             # {}\n",
            todo(
                "décommentez les plateformes qu'utilise le projet et indiquez son compte sur chacune."
            )
        ),
    };
    let keys = "\
# github: [account]
# open_collective: account
# liberapay: account
# ko_fi: account
# patreon: account
# polar: account
# buy_me_a_coffee: account
# thanks_dev: u/gh/account
# tidelift: npm/package
# community_bridge: project
# issuehunt: account
# lfx_crowdfunding: project
# custom: [\"https://example.org/donate\"]
";
    draft(
        ".github/FUNDING.yml",
        format!("{head}{keys}"),
        &["funding.funding-file"],
    )
}

// ── DCO, CLA ──

/// The copyright strategy's document: the DCO's text, or a contributor licence
/// agreement to be reviewed; `None` for inbound = outbound, which needs none.
pub fn strategy_document(context: &Context) -> Option<Draft> {
    match context.strategy {
        Strategy::Dco => Some(draft(
            "DCO",
            verbatim::dco().to_owned(),
            &["legal.cla-or-dco-document"],
        )),
        Strategy::Cla => Some(draft(
            "CLA.md",
            cla(context),
            &[
                "legal.cla-or-dco-document",
                "legal.copyright-strategy-stated",
            ],
        )),
        Strategy::InboundOutbound => None,
    }
}

/// An individual contributor licence agreement, in plain words, to be reviewed by whoever
/// handles the project's legal matters.
fn cla(context: &Context) -> String {
    let lang = context.lang;
    let name = &context.name;
    let licence = licence_name(context);
    let holder = &context.holder;
    let review = todo(pick(
        lang,
        "have this agreement reviewed by whoever handles the project's legal matters (a lawyer, a legal department) before anyone signs it.",
        "faites relire cet accord par la personne ou le service chargé des questions juridiques du projet avant toute signature.",
    ));
    let relicence = todo(pick(
        lang,
        "keep this sentence only if the project may need to change its licence; otherwise delete it.",
        "ne gardez cette phrase que si le projet peut avoir à changer de licence ; sinon, supprimez-la.",
    ));
    let signing = todo(pick(
        lang,
        "how to sign: a form, a signed copy sent by e-mail, or a bot that asks on each pull request.",
        "comment signer : un formulaire, une copie signée envoyée par courriel, ou un robot qui le demande sur chaque demande de fusion.",
    ));
    let body = match lang {
        Lang::En => format!(
            "{review}\n\n\
             This agreement is between you, the contributor, and {holder} (\"the project\"), for every contribution you submit to {name}: code, documentation or any other work.\n\n\
             1. **You keep your rights.** You remain the owner of the copyright in your contributions, and may use them as you wish.\n\
             2. **The licence you grant.** You grant the project, and everyone who receives {name} from it, a perpetual, worldwide, non-exclusive, free of charge and irrevocable licence to use, reproduce, modify, distribute and sublicense your contributions, under the project's licence ({licence}).\n\
             The project may also distribute your contributions under another free licence. {relicence}\n\
             3. **Patents.** If you hold patents that your contribution uses, you grant the same persons a licence to those patents, for your contribution and for {name} as it includes it.\n\
             4. **What you certify.** Each contribution is your own work, or you have the right to submit it; if your employer has rights in your work, it has allowed you to contribute, or has signed this agreement too.\n\
             5. **No warranty.** You give your contributions as they are, without warranty of any kind, unless you state otherwise in writing.\n\n\
             ## Signing\n\n\
             {signing}\n"
        ),
        Lang::Fr => format!(
            "{review}\n\n\
             Le présent accord est conclu entre vous, la personne qui contribue, et {holder} (« le projet »), pour chaque contribution que vous soumettez à {name} : code, documentation ou toute autre œuvre.\n\n\
             1. **Vous conservez vos droits.** Vous restez titulaire des droits d'auteur sur vos contributions et pouvez les utiliser comme vous l'entendez.\n\
             2. **La licence que vous accordez.** Vous accordez au projet, et à toute personne qui reçoit {name} de sa part, une licence perpétuelle, mondiale, non exclusive, gratuite et irrévocable d'utiliser, de reproduire, de modifier, de distribuer et de sous-licencier vos contributions, sous la licence du projet ({licence}).\n\
             Le projet peut aussi distribuer vos contributions sous une autre licence libre. {relicence}\n\
             3. **Brevets.** Si vous détenez des brevets qu'utilise votre contribution, vous accordez aux mêmes personnes une licence sur ces brevets, pour votre contribution et pour {name} qui l'intègre.\n\
             4. **Ce que vous certifiez.** Chaque contribution est votre œuvre, ou vous avez le droit de la soumettre ; si votre employeur détient des droits sur votre travail, il vous a autorisé à contribuer ou a lui aussi signé le présent accord.\n\
             5. **Absence de garantie.** Vous fournissez vos contributions en l'état, sans garantie d'aucune sorte, sauf mention contraire écrite de votre part.\n\n\
             ## Signature\n\n\
             {signing}\n"
        ),
    };
    let title = pick(
        lang,
        "Contributor licence agreement (CLA)",
        "Accord de licence de contribution (CLA)",
    );
    document(lang, title, &body)
}

// ── LICENSE ──

/// `LICENSE`: the licence's official text, year and holder filled in; `None` when the
/// licence is not known or no text of it is kept.
pub fn licence(context: &Context) -> Option<Draft> {
    let id = context.licence.as_deref()?;
    let text = verbatim::licence(id, context.year, &context.holder)?;
    Some(draft(
        "LICENSE",
        text,
        &["legal.licence-file", "legal.recognised-licence"],
    ))
}

// ── CI ──

/// The CI job that runs `ospo check` (and `ospo dco` when contributors sign off): a
/// workflow using this project's GitHub Action, or a GitLab CI include of its template.
pub fn ci(context: &Context) -> Draft {
    let lang = context.lang;
    let dco = context.strategy == Strategy::Dco;
    let items = &["needs.continuous-integration"];
    match context.forge {
        Forge::GitLab => {
            let where_ = todo(pick(
                lang,
                "replace OSPO-HOST with where ospo is published (its repository), at a tag.",
                "remplacez OSPO-HOST par l'adresse où ospo est publié (son dépôt), à une étiquette donnée.",
            ));
            let head = match lang {
                Lang::En => format!(
                    "# Checks the project's open-source readiness with ospo on every pipeline{}.\n# {where_}\n",
                    if dco {
                        ", and that every commit of a merge request is signed off"
                    } else {
                        ""
                    }
                ),
                Lang::Fr => format!(
                    "# Vérifie la maturité du projet libre avec ospo à chaque pipeline{}.\n# {where_}\n",
                    if dco {
                        ", et que chaque commit d'une demande de fusion est signé"
                    } else {
                        ""
                    }
                ),
            };
            let lang_variable = match lang {
                Lang::En => String::new(),
                Lang::Fr => "    OSPO_LANG: fr\n".to_owned(),
            };
            let mut text = format!(
                "{head}include:\n  - remote: \"https://OSPO-HOST/-/raw/v0/ci/ospo.gitlab-ci.yml\"\n\n\
                 ospo:\n  extends: .ospo\n  variables:\n    OSPO_GIT: \"https://OSPO-HOST.git\"\n{lang_variable}"
            );
            if dco {
                text.push_str(&format!(
                    "\nospo-dco:\n  extends: .ospo-dco\n  variables:\n    OSPO_GIT: \"https://OSPO-HOST.git\"\n{lang_variable}"
                ));
            }
            draft(".gitlab-ci.yml", text, items)
        }
        Forge::GitHub | Forge::Other => {
            let where_ = todo(pick(
                lang,
                "replace OWNER/ospo@v0 with where ospo's action is published, at a tag.",
                "remplacez OWNER/ospo@v0 par l'adresse où l'action d'ospo est publiée, à une étiquette donnée.",
            ));
            let head = match lang {
                Lang::En => format!(
                    "# Checks the project's open-source readiness with ospo on every push and pull request{}.\n# {where_}\n",
                    if dco {
                        ", and that every commit of a pull request is signed off"
                    } else {
                        ""
                    }
                ),
                Lang::Fr => format!(
                    "# Vérifie la maturité du projet libre avec ospo à chaque push et demande de fusion{}.\n# {where_}\n",
                    if dco {
                        ", et que chaque commit d'une demande de fusion est signé"
                    } else {
                        ""
                    }
                ),
            };
            let (sarif, history) = match lang {
                Lang::En => (
                    "to upload the SARIF log to code scanning",
                    "the history items read the whole history",
                ),
                Lang::Fr => (
                    "pour envoyer le journal SARIF à l'analyse de code",
                    "les éléments d'historique lisent tout l'historique",
                ),
            };
            let mut with = Vec::new();
            if lang == Lang::Fr {
                with.push("          lang: fr".to_owned());
            }
            if dco {
                with.push(format!(
                    "          dco: true  # {}",
                    pick(
                        lang,
                        "on pull requests, every commit signed off",
                        "sur les demandes de fusion, chaque commit signé"
                    )
                ));
            }
            let with = if with.is_empty() {
                String::new()
            } else {
                format!("        with:\n{}\n", with.join("\n"))
            };
            let text = format!(
                "{head}name: ospo\non: [push, pull_request]\npermissions:\n  contents: read\n  security-events: write  # {sarif}\njobs:\n  ospo:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0  # {history}\n      - uses: OWNER/ospo@v0\n{with}"
            );
            draft(".github/workflows/ospo.yml", text, items)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::remedy::context::{Person, Release};

    fn known(lang: Lang) -> Context {
        let mut context = Context::bare("tidy", lang);
        context.remote = Some("https://github.com/example/tidy".into());
        context.forge = Forge::GitHub;
        context.licence = Some("MIT".into());
        context.holder = "Jeanne Dupont".into();
        context.year = 2026;
        context.today = "2026-02-01".into();
        context.builds = vec![Build::Cargo, Build::Npm];
        context.people = vec![Person {
            name: "Jeanne Dupont".into(),
            email: "jeanne@example.org".into(),
            commits: 12,
        }];
        context.releases = vec![
            Release {
                tag: "v1.1.0".into(),
                version: "1.1.0".into(),
                date: "2026-01-20".into(),
            },
            Release {
                tag: "v1.0.0".into(),
                version: "1.0.0".into(),
                date: "2025-06-01".into(),
            },
        ];
        context
    }

    /// Every draft of a context, as plan.rs would make them.
    fn all(context: &Context) -> Vec<Draft> {
        let mut drafts = vec![
            contributing(context),
            code_of_conduct(context),
            security(context),
            support(context),
            governance(context),
            maintainers(context),
            changelog(context),
            roadmap(context),
            pull_request_template(context),
            funding(context),
            ci(context),
        ];
        drafts.extend(issue_templates(context));
        drafts.extend(strategy_document(context));
        drafts.extend(licence(context));
        drafts
    }

    #[test]
    fn the_contribution_guide_gives_the_build_systems_commands() {
        let guide = contributing(&known(Lang::En)).content;
        assert!(guide.contains("## Development setup"), "{guide}");
        assert!(guide.contains("cargo test"));
        assert!(guide.contains("npm ci\nnpm test"));
        assert!(guide.contains("### Cargo") && guide.contains("### npm"));
        assert!(guide.contains("git clone https://github.com/example/tidy.git"));
        assert!(guide.contains("good first issue"));
        assert!(guide.contains("https://github.com/example/tidy/issues"));
        assert!(guide.contains("`git commit -s`"));
        // Everything known: nothing to fill, no note.
        assert!(!guide.contains(TODO), "{guide}");
        let french = contributing(&known(Lang::Fr)).content;
        assert!(
            french.contains("## Environnement de développement"),
            "{french}"
        );
        assert!(french.contains("Ouvrez un ticket"));
        assert!(french.contains("Merci de l'intérêt que vous portez à tidy !"));
    }

    #[test]
    fn what_is_unknown_is_marked_and_announced_in_the_first_lines() {
        let bare = Context::bare("tidy", Lang::En);
        for draft in all(&bare) {
            if !draft.content.contains(TODO) || draft.path == "CODE_OF_CONDUCT.md" {
                continue;
            }
            let head: String = draft.content.chars().take(1024).collect();
            assert!(
                head.contains(TODO),
                "{}: no mark in the first KiB",
                draft.path
            );
        }
        let guide = contributing(&bare).content;
        assert!(guide.contains("TODO(ospo): what to install"), "{guide}");
    }

    #[test]
    fn each_strategy_is_stated_and_only_it() {
        let mut context = known(Lang::En);
        context.strategy = Strategy::InboundOutbound;
        let guide = contributing(&context).content;
        assert!(guide.contains("inbound = outbound"));
        assert!(!guide.contains("DCO") && !guide.contains("CLA") && !guide.contains("-s`"));
        assert!(strategy_document(&context).is_none());
        context.strategy = Strategy::Cla;
        let guide = contributing(&context).content;
        assert!(guide.contains("CLA.md") && !guide.contains("DCO"));
        assert_eq!(
            strategy_document(&context).map(|d| d.path).as_deref(),
            Some("CLA.md")
        );
        context.strategy = Strategy::Dco;
        assert_eq!(
            strategy_document(&context).map(|d| d.path).as_deref(),
            Some("DCO")
        );
    }

    #[test]
    fn places_follow_the_forge() {
        let mut context = known(Lang::En);
        let paths = |context: &Context| -> Vec<String> {
            let mut paths: Vec<String> = issue_templates(context)
                .into_iter()
                .map(|d| d.path)
                .collect();
            paths.push(pull_request_template(context).path);
            paths.push(ci(context).path);
            paths
        };
        assert_eq!(
            paths(&context),
            [
                ".github/ISSUE_TEMPLATE/bug_report.yml",
                ".github/ISSUE_TEMPLATE/feature_request.yml",
                ".github/pull_request_template.md",
                ".github/workflows/ospo.yml"
            ]
        );
        context.forge = Forge::GitLab;
        context.remote = Some("https://gitlab.com/example/tidy".into());
        assert_eq!(
            paths(&context),
            [
                ".gitlab/issue_templates/Bug.md",
                ".gitlab/issue_templates/Feature.md",
                ".gitlab/merge_request_templates/Default.md",
                ".gitlab-ci.yml"
            ]
        );
        assert!(
            security(&context)
                .content
                .contains("/-/issues/new?issue%5Bconfidential%5D=true")
        );
        context.forge = Forge::Other;
        assert_eq!(
            paths(&context)[..3],
            [
                "ISSUE_TEMPLATE/bug_report.md",
                "ISSUE_TEMPLATE/feature_request.md",
                "PULL_REQUEST_TEMPLATE.md"
            ]
        );
    }

    #[test]
    fn yaml_drafts_parse() {
        for lang in [Lang::En, Lang::Fr] {
            for forge in [Forge::GitHub, Forge::GitLab, Forge::Other] {
                let mut context = known(lang);
                context.forge = forge;
                context.name = "a: \"tricky\" # name".into();
                for draft in all(&context) {
                    if draft.path.ends_with(".yml") {
                        let parsed: Result<serde_json::Value, _> =
                            serde_saphyr::from_str(&draft.content);
                        assert!(
                            parsed.is_ok(),
                            "{}: {:?}\n{}",
                            draft.path,
                            parsed,
                            draft.content
                        );
                    }
                }
            }
        }
        let bug = issue_templates(&known(Lang::Fr)).remove(0).content;
        let form: serde_json::Value = serde_saphyr::from_str(&bug).expect("parses");
        assert_eq!(form["name"], "Signaler un bogue");
        assert_eq!(form["body"][1]["validations"]["required"], true);
    }

    #[test]
    fn the_changelog_has_an_entry_per_release_with_links() {
        let text = changelog(&known(Lang::En)).content;
        assert!(text.contains("## [Unreleased]\n"), "{text}");
        assert!(text.contains("## [1.1.0] - 2026-01-20"));
        assert!(text.contains("## [1.0.0] - 2025-06-01"));
        assert!(text.contains("`git log v1.0.0..v1.1.0`"));
        assert!(text.contains("[1.1.0]: https://github.com/example/tidy/compare/v1.0.0...v1.1.0"));
        assert!(text.contains("[1.0.0]: https://github.com/example/tidy/releases/tag/v1.0.0"));
        let entries = crate::metadata::changelog::entries(&text);
        let versions: Vec<_> = entries.iter().map(|e| e.version.clone()).collect();
        assert_eq!(versions, [None, Some("1.1.0".into()), Some("1.0.0".into())]);
        let french = changelog(&known(Lang::Fr)).content;
        let entries = crate::metadata::changelog::entries(&french);
        assert!(entries[0].unreleased, "{french}");
        // No release: the unreleased changes to write down, announced in the first lines.
        let bare = changelog(&Context::bare("tidy", Lang::En)).content;
        assert!(
            bare.contains("## [Unreleased]\n\n- TODO(ospo): what changed"),
            "{bare}"
        );
        assert!(
            bare.lines()
                .nth(2)
                .is_some_and(|line| line.starts_with("> TODO(ospo)"))
        );
    }

    #[test]
    fn governance_models_say_who_decides_and_how_to_become_a_maintainer() {
        for governance in [
            Governance::BenevolentDictator,
            Governance::MaintainerCouncil,
            Governance::DoOcracy,
        ] {
            for lang in [Lang::En, Lang::Fr] {
                let mut context = known(lang);
                context.governance = governance;
                let text = governance_text(&context);
                let (decisions, becoming) = match lang {
                    Lang::En => ("## How decisions are made", "## Becoming a maintainer"),
                    Lang::Fr => (
                        "## Prise de décision",
                        "## Rejoindre l'équipe de maintenance",
                    ),
                };
                assert!(
                    text.contains(decisions) && text.contains(becoming),
                    "{text}"
                );
                assert!(text.contains(TODO));
            }
        }
        let mut context = known(Lang::En);
        context.governance = Governance::BenevolentDictator;
        assert!(governance_text(&context).contains("Jeanne Dupont (TODO(ospo): confirm"));
    }

    /// A YAML key commented out: `# github: [account]`.
    fn commented_key(line: &str) -> bool {
        line.strip_prefix("# ")
            .and_then(|rest| rest.split_once(": "))
            .is_some_and(|(key, _)| key.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    }

    fn governance_text(context: &Context) -> String {
        governance(context).content
    }

    #[test]
    fn french_drafts_use_french_typography() {
        let context = known(Lang::Fr);
        for draft in all(&context) {
            if draft.path == "LICENSE" || draft.path == "DCO" || draft.path == "CODE_OF_CONDUCT.md"
            {
                continue;
            }
            for line in draft.content.lines() {
                // Outside code, URLs and the mark, a French colon has a space before it.
                let prose = line
                    .replace(&format!("{TODO}:"), "")
                    .replace("https:", "")
                    .replace("http:", "");
                if prose.trim_start().starts_with("```")
                    || prose.starts_with("| ---")
                    || prose.starts_with('[') && prose.contains("]: ")
                    || commented_key(&prose)
                {
                    continue;
                }
                // In YAML, the values and the comments are prose; the keys are not.
                let prose = if draft.path.ends_with(".yml") && !prose.trim_start().starts_with('#')
                {
                    match prose.split_once(": ") {
                        Some((_, value)) => value.to_owned(),
                        None => continue,
                    }
                } else {
                    prose
                };
                for (index, _) in prose.match_indices([':', ';', '?', '!']) {
                    let before = prose[..index].chars().last();
                    let inside_code = prose[..index].matches('`').count() % 2 == 1;
                    let after = prose[index + 1..].chars().next();
                    let punctuation = after.is_none_or(char::is_whitespace);
                    if inside_code || !punctuation {
                        continue;
                    }
                    assert!(
                        before.is_some_and(|c| c == ' ' || c == '\u{a0}' || c == '\u{202f}'),
                        "{}: no space before punctuation in {line:?}",
                        draft.path
                    );
                }
            }
        }
    }

    #[test]
    fn maintainers_come_from_the_history_as_a_draft_to_confirm() {
        let text = maintainers(&known(Lang::En)).content;
        assert!(
            text.contains("| Jeanne Dupont | jeanne@example.org | 12 |"),
            "{text}"
        );
        assert!(text.contains("TODO(ospo): this list was drafted"));
    }

    #[test]
    fn the_workflow_uses_the_action_and_the_gitlab_job_the_template() {
        let workflow = ci(&known(Lang::En)).content;
        assert!(workflow.contains("uses: OWNER/ospo@v0") && workflow.contains("dco: true"));
        let mut context = known(Lang::Fr);
        context.forge = Forge::GitLab;
        context.strategy = Strategy::Cla;
        let job = ci(&context).content;
        assert!(
            job.contains("extends: .ospo\n") && !job.contains("ospo-dco"),
            "{job}"
        );
        assert!(job.contains("OSPO_LANG: fr"));
    }
}

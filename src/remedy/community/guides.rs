//! The guides of a community: how to contribute, the code of conduct, the security and
//! support policies, the governance and the maintainers.

use super::*;
use crate::remedy::context::{Build, Governance, Strategy};
use crate::remedy::verbatim;

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
pub(super) fn test_command(build: Build) -> &'static str {
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

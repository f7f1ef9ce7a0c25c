//! What the forge shows: the issue and pull-request templates, `FUNDING.yml`, the CI
//! job.

use super::guides::test_command;
use super::*;
use crate::remedy::context::Strategy;

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

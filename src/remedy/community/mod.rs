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
//! the Contributor Covenant) come from [`super::verbatim`]. One file a kind of draft:
//! `guides.rs` (contributing, conduct, security, support, governance, maintainers),
//! `releases.rs` (changelog, roadmap), `forge.rs` (issue and pull-request templates,
//! `FUNDING.yml`, the CI job), `legal.rs` (the licence, the DCO or CLA).

mod forge;
mod guides;
mod legal;
mod releases;

pub use forge::{ci, funding, issue_templates, pull_request_template};
pub use guides::{code_of_conduct, contributing, governance, maintainers, security, support};
pub use legal::{licence, strategy_document};
pub use releases::{changelog, roadmap};

#[cfg(test)]
use super::context::{Build, Governance, Strategy};
use super::context::{Context, Forge};
use super::{Draft, TODO};
use crate::i18n::Lang;

/// A place a person must fill: the mark, then what to write.
pub(super) fn todo(what: &str) -> String {
    format!("{TODO}: {what}")
}

/// Whether a text holds a mark.
pub(super) fn marked(text: &str) -> bool {
    text.contains(TODO)
}

/// The note a Markdown draft opens with when it holds marks, after its title.
pub(super) fn note(lang: Lang) -> String {
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
pub(super) fn document(lang: Lang, title: &str, body: &str) -> String {
    let mut text = format!("# {title}\n\n");
    if marked(body) {
        text.push_str(&note(lang));
        text.push('\n');
    }
    text.push_str(body.trim_end());
    text.push('\n');
    text
}

pub(super) fn draft(path: &str, content: String, items: &[&str]) -> Draft {
    Draft {
        path: path.to_owned(),
        content,
        items: items.iter().map(|item| (*item).to_owned()).collect(),
    }
}

/// A text of each language.
pub(super) fn pick<'a>(lang: Lang, en: &'a str, fr: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// A string as YAML writes it between double quotes (JSON's escapes, which YAML reads).
pub(super) fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// What the forge calls a proposed change, with its article.
pub(super) fn change_request(context: &Context) -> &'static str {
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
pub(super) fn tracker(context: &Context) -> String {
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
pub(super) fn licence_name(context: &Context) -> String {
    context.licence.clone().unwrap_or_else(|| {
        todo(pick(
            context.lang,
            "the project's licence",
            "la licence du projet",
        ))
    })
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

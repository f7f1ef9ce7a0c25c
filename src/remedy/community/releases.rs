//! What a project says of its releases: the changelog and the roadmap.

use super::*;

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

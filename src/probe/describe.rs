//! Probes in words: how ospo decides an item, in English and French, for `ospo explain`.
//!
//! This is the one place where a probe's specification is put into sentences: every kind,
//! with the thresholds and options the checklist sets, and never a regular expression. A
//! content probe says what its patterns look for through the checklist's `looks-for`.
//! The defaults stated here are those of the probes' own files; a change of default there
//! is a change of wording here.

use super::ProbeSpec;
use super::activity::{ActivitySpec, Metric};
use super::attest::{AttestSpec, EvidenceRule};
use super::changelog::ChangelogSpec;
use super::content::ContentSpec;
use super::dco::{DcoRule, DcoSpec, SignoffScope};
use super::dependencies::{DependencySpec, Unknown};
use super::file::FileSpec;
use super::funding::FundingSpec;
use super::headers::HeadersSpec;
use super::licence::{Copyleft, LicenceCheck, LicenceSpec, Modified};
use super::locate::DEFAULT_PLACES;
use super::metafile::Absent;
use super::publiccode::PubliccodeSpec;
use super::strategy::{Strategy, StrategySpec};
use crate::i18n::Text;
use crate::text;

/// [`text!`] whose named [`Text`] arguments are each filled in with the part of their own
/// language: `said!("in {places}", "dans {places}"; places)`.
macro_rules! said {
    ($en:literal, $fr:literal; $($part:ident),+ $(,)?) => {
        Text::new(
            {
                $(let $part = &$part.en;)+
                format!($en)
            },
            {
                $(let $part = &$part.fr;)+
                format!($fr)
            },
        )
    };
}

/// The commits a `dco` probe reads when it is given no window (dco.rs).
const DCO_LAST: usize = 500;
/// The commits `copyright-strategy` reads for its history check, and the share of them
/// that must be signed off (strategy.rs).
const STRATEGY_LAST: usize = 100;
const STRATEGY_MIN_SHARE: f64 = 90.0;
/// An `activity` probe's window in days (activity.rs).
const ACTIVITY_DAYS: u32 = 365;
/// The files `spdx-headers` reads at most (headers.rs).
const HEADERS_SAMPLE: usize = 20_000;
/// How many file names a description lists before it counts the others.
const NAMES_DESCRIBED: usize = 16;
/// How many a failure message lists.
const NAMES_IN_MESSAGE: usize = 4;

/// How ospo decides an item with this probe: a few sentences, and for a content probe a
/// line per thing it looks for, each starting with `- `. Lines are separated by `\n`.
/// Answers are said to count for the default months; [`describe_in`] says the
/// checklist's.
pub fn describe(spec: &ProbeSpec) -> Text {
    describe_in(spec, crate::checklist::ANSWERS_VALID_MONTHS)
}

/// [`describe`], for a checklist whose answers count for `answers_valid_months`.
pub fn describe_in(spec: &ProbeSpec, answers_valid_months: u32) -> Text {
    match spec {
        ProbeSpec::File(spec) => file(spec),
        ProbeSpec::Content(spec) => content(spec),
        ProbeSpec::Attest(spec) => attest(spec, answers_valid_months),
        ProbeSpec::Dco(spec) => dco(spec),
        ProbeSpec::Activity(spec) => activity(spec),
        ProbeSpec::Licence(spec) => licence(spec),
        ProbeSpec::CopyrightStrategy(spec) => strategy(spec),
        ProbeSpec::DependencyLicences(spec) => dependencies(spec),
        ProbeSpec::SpdxHeaders(spec) => headers(spec),
        ProbeSpec::Publiccode(spec) => publiccode(spec),
        ProbeSpec::FundingFile(spec) => funding(spec),
        ProbeSpec::Changelog(spec) => changelog(spec),
    }
}

/// What a probe that finds no file says it looked for: "no file named README or
/// README.* in docs/".
pub(crate) fn no_file_named(names: &[String], places: Option<&[String]>) -> Text {
    let names = file_names(names, NAMES_IN_MESSAGE);
    let places = where_to_look(places);
    said!(
        "no file named {names} {places}",
        "aucun fichier nommé {names} {places}";
        names, places
    )
}

fn file(spec: &FileSpec) -> Text {
    let names = file_names(&spec.names, NAMES_DESCRIBED);
    let places = where_to_look(spec.places.as_deref());
    let size = match spec.min_size {
        Some(bytes) => {
            let bytes = count(bytes as f64);
            said!(" of at least {bytes} bytes", " d'au moins {bytes} octets"; bytes)
        }
        None => Text::default(),
    };
    said!(
        "ospo looks for a file{size} named {names} {places}. Files under vendor/, \
         node_modules/ or third_party/ belong to dependencies and do not count, nor does an \
         empty file; a short file that is mostly a link passes as a pointer to a page kept \
         elsewhere. A file whose first lines still hold TODO(ospo), the mark `ospo init` \
         leaves where a person must fill something in, makes the item warn.",
        "ospo cherche un fichier{size} nommé {names} {places}. Les fichiers sous \
         vendor/, node_modules/ ou third_party/ appartiennent aux dépendances et ne comptent \
         pas, pas plus qu'un fichier vide ; un fichier court qui se résume à un lien est \
         accepté comme renvoi vers une page tenue ailleurs. Un fichier dont les premières \
         lignes contiennent encore TODO(ospo), la marque que laisse `ospo init` là où une \
         personne doit compléter, vaut un avertissement.";
        size, names, places
    )
}

fn content(spec: &ContentSpec) -> Text {
    let names = file_names(&spec.names, NAMES_DESCRIBED);
    let places = where_to_look(spec.places.as_deref());
    let reads = said!(
        "ospo reads the files named {names} {places}, the main one first,",
        "ospo lit les fichiers nommés {names} {places}, le principal d'abord,";
        names, places
    );
    let case = if spec.case_sensitive {
        Text::new(
            "Capitals and small letters are told apart.",
            "Majuscules et minuscules sont distinguées.",
        )
    } else {
        Text::new(
            "Capitals and small letters count alike.",
            "Majuscules et minuscules sont indifférentes.",
        )
    };
    let mut case = case;
    case.push(&Text::new(
        " A file that matches but still holds TODO(ospo), the mark `ospo init` leaves \
         where a person must fill something in, makes the item warn.",
        " Un fichier qui correspond mais contient encore TODO(ospo), la marque que laisse \
         `ospo init` là où une personne doit compléter, vaut un avertissement.",
    ));
    match spec.looks_for.as_deref() {
        Some(looks_for) if !looks_for.is_empty() => {
            let mut bullets = Text::default();
            for wanted in looks_for {
                let (en, fr) = (wanted.en.trim(), wanted.fr.trim());
                bullets.push(&text!("\n- {en}", "\n- {fr}"));
            }
            said!(
                "{reads} and looks for a line holding:{bullets}\n{case}",
                "{reads} et y cherche une ligne contenant :{bullets}\n{case}";
                reads, bullets, case
            )
        }
        _ => {
            let patterns = spec.patterns.len().max(1);
            let which = match patterns {
                1 => Text::new(
                    "the item's regular expression (shown with `--patterns`)",
                    "à l'expression régulière de l'élément (affichée avec `--patterns`)",
                ),
                _ => text!(
                    "one of the item's {patterns} regular expressions (shown with \
                     `--patterns`)",
                    "à l'une des {patterns} expressions régulières de l'élément (affichées avec \
                     `--patterns`)"
                ),
            };
            said!(
                "{reads} and looks for a line that matches {which}. {case}",
                "{reads} et y cherche une ligne qui corresponde {which}. {case}";
                reads, which, case
            )
        }
    }
}

fn attest(spec: &AttestSpec, months: u32) -> Text {
    let answered = Text::new(
        "ospo cannot see this in the files: the project answers it in .ospo.yml with `yes`, \
         `no` or `n/a`, the evidence and the date of the answer",
        "ospo ne peut pas le constater dans les fichiers : le projet y répond dans .ospo.yml \
         par `yes`, `no` ou `n/a`, avec la preuve et la date de la réponse",
    );
    let yes = match spec.evidence {
        Some(EvidenceRule::Optional) => Text::new(
            "`yes` passes, with or without evidence,",
            "`yes` valide l'élément, avec ou sans preuve,",
        ),
        Some(EvidenceRule::Required) | None => Text::new(
            "`yes` passes only with evidence ospo can check, a link (https://…) or the path \
             of a file of the repository,",
            "`yes` ne valide l'élément qu'avec une preuve qu'ospo peut vérifier, un lien \
             (https://…) ou le chemin d'un fichier du dépôt,",
        ),
    };
    let months = Text::new(months.to_string(), months.to_string());
    said!(
        "{answered}. {yes} and `n/a` leaves the item out of the score; both count for {months} \
         months from their date, then are to be renewed. `no` fails. Without an answer that \
         counts, the question stays open: it is listed apart and counts in no score.",
        "{answered}. {yes} et `n/a` l'écarte du score ; l'un et l'autre valent {months} mois à \
         compter de leur date, puis sont à renouveler. `no` le met en échec. Sans réponse \
         valable, la question reste en attente : elle est listée à part et n'entre dans aucun \
         score.";
        answered, yes, months
    )
}

fn dco(spec: &DcoSpec) -> Text {
    let window = match &spec.range {
        Some(range) => range_window(range),
        None => commit_window(
            spec.last.or(spec.days.is_none().then_some(DCO_LAST)),
            spec.days,
        ),
    };
    let signer = match spec.rule.unwrap_or_default() {
        DcoRule::AuthorOrCommitter => Text::new(
            "with the name and email of the commit's author or committer",
            "au nom et à l'adresse de l'auteur ou du validateur (committer) du commit",
        ),
        DcoRule::Author => Text::new(
            "with exactly the name and email of the commit's author",
            "au nom et à l'adresse exacts de l'auteur du commit",
        ),
        DcoRule::Presence => Text::new(
            "with any well-formed name and email",
            "à un nom et une adresse bien formés, quels qu'ils soient",
        ),
    };
    let place = match spec.scope.unwrap_or_default() {
        SignoffScope::Trailers => Text::new(
            "in the trailer block that ends the message, as git reads it",
            "dans le bloc de trailers qui termine le message, tel que git le lit",
        ),
        SignoffScope::Message => Text::new(
            "on any line of the message",
            "sur n'importe quelle ligne du message",
        ),
    };
    let bots = bots(spec.bots.is_some());
    let share = match spec.threshold {
        Some(threshold) if threshold < 100.0 => {
            let share = percent(threshold);
            said!(
                "At least {share} of them must be signed off.",
                "Au moins {share} d'entre eux doivent l'être.";
                share
            )
        }
        _ => Text::new(
            "Every one of them must be signed off.",
            "Tous doivent l'être.",
        ),
    };
    said!(
        "ospo reads {window} and checks that each carries a Signed-off-by line (the \
         Developer Certificate of Origin) {place}, {signer}; merges and {bots} are \
         left out. {share}",
        "ospo lit {window} et vérifie que chacun porte une ligne Signed-off-by (le \
         Developer Certificate of Origin) {place}, {signer} ; les fusions et {bots} \
         sont écartés. {share}";
        window, place, signer, bots, share
    )
}

fn activity(spec: &ActivitySpec) -> Text {
    let days = spec.days.unwrap_or(ACTIVITY_DAYS);
    let window = match &spec.range {
        Some(range) => text!("in the range {range}", "dans l'intervalle {range}"),
        None if days == 1 => Text::new("in the last day", "au cours du dernier jour"),
        None => text!(
            "in the last {days} days",
            "au cours des {days} derniers jours"
        ),
    };
    let people = Text::new(
        " Contributors are people as .mailmap names them; merges and bots are left out.",
        " Les contributeurs sont les personnes telles que .mailmap les nomme ; les fusions et \
         les robots sont écartés.",
    );
    // Counts read best with their noun: "at least 2 distinct contributors".
    let counted = |singular: Text, plural: Text, clause: Text| {
        let amount = bounded(spec.min, spec.max, &singular, &plural);
        said!(
            "ospo reads the history and asks for {amount} {window}{clause}.",
            "ospo lit l'historique et demande {amount} {window}{clause}.";
            amount, window, clause
        )
    };
    // Other measures are named, then bounded: "the bus factor …: it must be at least 2".
    let measured = |what: Text, unit: &str| {
        let bounds = bounds(spec.min, spec.max, unit);
        said!(
            "ospo reads the history and measures {what}: it must be {bounds}.",
            "ospo lit l'historique et mesure {what} : la valeur attendue est {bounds}.";
            what, bounds
        )
    };
    let mut described = match spec.metric {
        Metric::DaysSinceLastCommit => {
            let age = age(spec.min, spec.max);
            said!(
                "ospo reads the history and asks that the newest commit be {age}.",
                "ospo lit l'historique et demande que le dernier commit date {age}.";
                age
            )
        }
        Metric::DaysSinceLastRelease => {
            let age = age(spec.min, spec.max);
            said!(
                "ospo reads the tags and asks that the newest release (a tag named as a \
                 version, such as v1.2.0) be {age}; without one, the item fails.",
                "ospo lit les étiquettes et demande que la dernière version publiée (une \
                 étiquette nommée comme une version, par exemple v1.2.0) date {age} ; sans \
                 elle, l'élément échoue.";
                age
            )
        }
        Metric::Commits => counted(
            Text::new("commit", "commit"),
            Text::new("commits", "commits"),
            Text::default(),
        ),
        Metric::Contributors => counted(
            Text::new("distinct contributor", "contributeur distinct"),
            Text::new("distinct contributors", "contributeurs distincts"),
            Text::default(),
        ),
        Metric::NewContributors => counted(
            Text::new("new contributor", "nouveau contributeur"),
            Text::new("new contributors", "nouveaux contributeurs"),
            Text::new(
                ", people whose first commit falls in that window",
                ", c'est-à-dire des personnes dont le premier commit tombe dans cette période",
            ),
        ),
        Metric::Releases => counted(
            Text::new("release", "version publiée"),
            Text::new("releases", "versions publiées"),
            Text::new(
                ": tags named as versions (v1.2.0, 1.2, release-2.0.1) on commits of that \
                 window",
                " : des étiquettes nommées comme des versions (v1.2.0, 1.2, release-2.0.1) sur \
                 des commits de cette période",
            ),
        ),
        Metric::BusFactor => measured(
            said!(
                "the bus factor, the fewest contributors who made half the commits \
                 {window}",
                "le facteur d'autobus, c'est-à-dire le plus petit nombre de contributeurs \
                 auteurs de la moitié des commits {window}";
                window
            ),
            "",
        ),
        Metric::ElephantFactor => {
            let extra = match spec.public_domains.as_slice() {
                [] => Text::default(),
                domains => {
                    let domains = or_list(domains);
                    said!(", nor {domains}", ", ni {domains}"; domains)
                }
            };
            measured(
                said!(
                    "the elephant factor, the fewest organisations behind half the commits \
                     {window} (an organisation is an email domain, not a public mail \
                     provider or a noreply address{extra})",
                    "le facteur éléphant, c'est-à-dire le plus petit nombre d'organisations à \
                     l'origine de la moitié des commits {window} (une organisation est un \
                     domaine d'adresse électronique, hors messageries publiques et adresses \
                     noreply{extra})";
                    window, extra
                ),
                "",
            )
        }
        Metric::TopContributorShare => measured(
            said!(
                "the share of the commits {window} made by the most active contributor",
                "la part des commits {window} faite par le contributeur le plus actif";
                window
            ),
            "%",
        ),
    };
    if !matches!(
        spec.metric,
        Metric::DaysSinceLastCommit | Metric::DaysSinceLastRelease | Metric::Releases
    ) {
        described.push(&people);
    }
    described
}

fn licence(spec: &LicenceSpec) -> Text {
    let files = Text::new(
        "every licence file at the root (LICENSE, LICENCE, COPYING, COPYRIGHT or UNLICENSE, \
         with any extension or suffix) and in LICENSES/",
        "chaque fichier de licence à la racine (LICENSE, LICENCE, COPYING, COPYRIGHT ou \
         UNLICENSE, quels que soient l'extension ou le suffixe) et dans LICENSES/",
    );
    match spec.check {
        LicenceCheck::Identified => {
            let modified = match spec.modified.unwrap_or_default() {
                Modified::Fail => Text::new(
                    ", modified (a home-made licence)",
                    ", modifié (une licence maison)",
                ),
                Modified::Warn => Text::default(),
            };
            let warned = match spec.modified.unwrap_or_default() {
                Modified::Fail => Text::default(),
                Modified::Warn => Text::new(
                    " A modified licence text is a warning.",
                    " Un texte de licence modifié donne un avertissement.",
                ),
            };
            said!(
                "ospo compares {files} with its catalogue of licence texts. The item passes \
                 when each is a known licence, unchanged; a short notice that only names a \
                 licence, or a translation, passes with a warning. It fails when there is no \
                 licence file, or one that is unrecognised{modified}, empty or a template \
                 left unfilled.{warned}",
                "ospo compare {files} à son catalogue de textes de licence. L'élément est \
                 validé quand chacun est le texte intact d'une licence connue ; une simple \
                 mention qui nomme une licence, ou une traduction, est acceptée avec un \
                 avertissement. Il échoue sans fichier de licence, ou quand l'un d'eux est \
                 inconnu du catalogue{modified}, vide ou un modèle resté à remplir.\
                 {warned}";
                files, modified, warned
            )
        }
        LicenceCheck::Declared => Text::new(
            "ospo compares what the package manifests (Cargo.toml, package.json, \
             pyproject.toml, composer.json, publiccode.yml, pom.xml, *.gemspec) and the \
             README say of the licence with the licences the licence files hold: each \
             manifest must declare them as an SPDX expression, and the README must name the \
             same. The item is left out when nothing declares a licence.",
            "ospo compare ce que disent de la licence les manifestes de paquet (Cargo.toml, \
             package.json, pyproject.toml, composer.json, publiccode.yml, pom.xml, *.gemspec) \
             et le README avec les licences des fichiers de licence : chaque manifeste doit \
             les déclarer par une expression SPDX, et le README doit nommer les mêmes. \
             L'élément est écarté quand rien ne déclare de licence.",
        ),
        LicenceCheck::Policy => {
            let mut conditions = Vec::new();
            if spec.osi_approved {
                conditions.push(Text::new(
                    "approved by the Open Source Initiative",
                    "approuvée par l'Open Source Initiative",
                ));
            }
            if spec.fsf_libre {
                conditions.push(Text::new(
                    "free for the Free Software Foundation",
                    "libre au sens de la Free Software Foundation",
                ));
            }
            if !spec.allow.is_empty() {
                let allowed = or_list(&spec.allow);
                conditions.push(said!(
                    "one of {allowed}",
                    "l'une des licences suivantes : {allowed}";
                    allowed
                ));
            }
            match spec.copyleft {
                Some(Copyleft::Denied) => {
                    conditions.push(Text::new("not copyleft", "sans copyleft"));
                }
                Some(Copyleft::Allowed) if conditions.is_empty() => {
                    conditions.push(Text::new(
                        "any licence, copyleft ones included",
                        "n'importe laquelle, copyleft compris",
                    ));
                }
                _ => {}
            }
            let conditions = and_texts(&conditions);
            said!(
                "ospo identifies the project's licence from {files} (and the manifests that \
                 declare it), then checks it against the checklist's policy: the licence must \
                 be {conditions}. With OR, one side is enough; a GNU licence that does not \
                 say -only or -or-later must pass both ways.",
                "ospo identifie la licence du projet d'après {files} (et les manifestes qui \
                 la déclarent), puis la confronte à la politique de la liste de contrôle : la \
                 licence doit être {conditions}. Avec OR, un seul des deux côtés suffit ; \
                 une licence GNU qui ne précise pas -only ou -or-later doit passer dans les \
                 deux cas.";
                files, conditions
            )
        }
    }
}

fn strategy(spec: &StrategySpec) -> Text {
    let documented = Text::new(
        "ospo looks at the root, in .github/ and in docs/ for the copyright strategy the \
         project documents: the Developer Certificate of Origin (a DCO file, the DCO app's \
         settings, or a contribution guide that asks for Signed-off-by or `git commit -s`), \
         a contributor licence agreement (a CLA file, a CLA bot or workflow, or a guide that \
         names a CLA) or a copyright assignment (a guide that asks contributors to assign or \
         transfer their copyright). A mention closely preceded by a negation does not count.",
        "ospo cherche à la racine, dans .github/ et dans docs/ la stratégie de droit d'auteur \
         que le projet documente : le Developer Certificate of Origin (un fichier DCO, la \
         configuration de l'application DCO, ou un guide de contribution qui demande une \
         ligne Signed-off-by ou `git commit -s`), un accord de licence de contribution (un \
         fichier CLA, un robot ou un workflow CLA, ou un guide qui mentionne un CLA) ou une \
         cession de droits (un guide qui demande aux contributeurs de céder ou de transférer \
         leurs droits). Une mention précédée de près par une négation ne compte pas.",
    );
    let mut accepted = spec.accept.clone().unwrap_or_default();
    accepted.sort();
    accepted.dedup();
    let accepts_dco = accepted.is_empty() || accepted.contains(&Strategy::Dco);
    let accepted = if accepted.is_empty() || accepted.len() == 3 {
        Text::new("Any of the three passes.", "Chacune des trois convient.")
    } else {
        let names: Vec<Text> = accepted
            .iter()
            .map(|strategy| match strategy {
                Strategy::Dco => Text::new("the DCO", "le DCO"),
                Strategy::Cla => Text::new("a CLA", "un CLA"),
                Strategy::Assignment => Text::new("an assignment", "une cession de droits"),
            })
            .collect();
        let names = or_texts(&names);
        said!(
            "Only {names} passes.",
            "Seule convient cette stratégie : {names}.";
            names
        )
    };
    let history = if accepts_dco && spec.history != Some(false) {
        let window = commit_window(
            spec.last.or(spec.days.is_none().then_some(STRATEGY_LAST)),
            spec.days,
        );
        let share = percent(spec.min_share.unwrap_or(STRATEGY_MIN_SHARE));
        said!(
            " When the DCO is documented, the history must follow it: of {window}, merges \
             and bots left out, at least {share} carry a sign-off.",
            " Quand le DCO est documenté, l'historique doit le suivre : parmi {window}, \
             fusions et robots écartés, au moins {share} portent une ligne Signed-off-by.";
            window, share
        )
    } else {
        Text::default()
    };
    said!(
        "{documented} {accepted}{history}",
        "{documented} {accepted}{history}";
        documented, accepted, history
    )
}

fn dependencies(spec: &DependencySpec) -> Text {
    let allowed = match spec.allow.as_slice() {
        [] => Text::default(),
        allowed => {
            let allowed = or_list(allowed);
            said!(
                ", unless it is {allowed}, which this checklist accepts",
                ", sauf s'il s'agit de {allowed}, que cette liste de contrôle accepte";
                allowed
            )
        }
    };
    let unknown = match spec.unknown {
        Unknown::Fail => Text::new(
            "A dependency whose licence is not stated, or not as SPDX, fails the item.",
            "Une dépendance dont la licence n'est pas indiquée, ou pas en SPDX, met l'élément \
             en échec.",
        ),
        Unknown::Pass => Text::new(
            "A dependency whose licence is not stated, or not as SPDX, is accepted.",
            "Une dépendance dont la licence n'est pas indiquée, ou pas en SPDX, est acceptée.",
        ),
    };
    let development = if spec.include_dev {
        Text::new(
            "Development dependencies count too.",
            "Les dépendances de développement comptent aussi.",
        )
    } else {
        Text::new(
            "Development dependencies are left out.",
            "Les dépendances de développement sont écartées.",
        )
    };
    let ignored = match spec.ignore.as_slice() {
        [] => Text::default(),
        ignored => {
            let ignored = and_list(ignored);
            said!(
                " These packages are left out: {ignored}.",
                " Ces paquets sont écartés : {ignored}.";
                ignored
            )
        }
    };
    said!(
        "ospo reads, offline, the licences the dependencies state: npm-shrinkwrap.json or \
         package-lock.json and composer.lock at the root, vendored crates \
         (vendor/*/Cargo.toml) and installed Python packages. A dependency fails when its \
         licence is not free (OSI-approved or FSF-libre) or is a strong copyleft the \
         project's licence cannot take in{allowed}. {unknown} {development}\
         {ignored} The item is left out when none of these files is there.",
        "ospo lit, hors ligne, les licences que déclarent les dépendances : \
         npm-shrinkwrap.json ou package-lock.json et composer.lock à la racine, les crates \
         embarquées (vendor/*/Cargo.toml) et les paquets Python installés. Une dépendance \
         pose problème quand sa licence n'est pas libre (approuvée par l'OSI ou libre au sens \
         de la FSF) ou qu'elle est un copyleft fort que la licence du projet ne peut pas \
         accueillir{allowed}. {unknown} {development}{ignored} L'élément est \
         écarté quand aucun de ces fichiers n'est présent.";
        allowed, unknown, development, ignored
    )
}

fn headers(spec: &HeadersSpec) -> Text {
    let sample = count(spec.sample.unwrap_or(HEADERS_SAMPLE) as f64);
    let copyright = if spec.copyright {
        Text::new(
            ", and a copyright notice too",
            ", ainsi qu'une mention de droit d'auteur",
        )
    } else {
        Text::default()
    };
    let share = match spec.threshold {
        Some(threshold) if threshold < 100.0 => {
            let share = percent(threshold);
            said!(
                "At least {share} of the files must state it",
                "Au moins {share} des fichiers doivent l'indiquer";
                share
            )
        }
        _ => Text::new("Every file must state it", "Chaque fichier doit l'indiquer"),
    };
    let ignored = match spec.ignore.as_slice() {
        [] => Text::default(),
        ignored => {
            let ignored = and_list(ignored);
            said!(" Left out: {ignored}.", " Sont écartés : {ignored}."; ignored)
        }
    };
    said!(
        "ospo reads the project's own files (at most {sample}, spread evenly) the way \
         REUSE does, for the licence each states: an SPDX-License-Identifier line in its \
         header, a .license file beside it, or an annotation of REUSE.toml or .reuse/dep5. \
         {share}{copyright}, and every licence used needs its text in LICENSES/.\
         {ignored}",
        "ospo lit les fichiers propres au projet ({sample} au plus, répartis \
         régulièrement) comme le fait REUSE, pour la licence que chacun indique : une ligne \
         SPDX-License-Identifier dans son en-tête, un fichier .license à côté, ou une \
         annotation de REUSE.toml ou de .reuse/dep5. {share}{copyright}, et chaque \
         licence utilisée doit avoir son texte dans LICENSES/.{ignored}";
        sample, share, copyright, ignored
    )
}

fn publiccode(spec: &PubliccodeSpec) -> Text {
    let consistent = if spec.consistent != Some(false) {
        Text::new(
            " A valid file must also agree with the repository: legal.license names the \
             licences of the licence files, and url is the address of the remote the \
             repository is cloned from.",
            " Un fichier valide doit aussi concorder avec le dépôt : legal.license nomme les \
             licences des fichiers de licence, et url est l'adresse du dépôt distant dont il \
             est cloné.",
        )
    } else {
        Text::default()
    };
    let absent = absent(spec.absent, "publiccode.yml");
    said!(
        "ospo checks publiccode.yml (or publiccode.yaml) at the root against every rule of \
         the standard, as `ospo publiccode` does; a deprecated key or an old version of the \
         standard is a warning.{consistent} {absent}",
        "ospo vérifie publiccode.yml (ou publiccode.yaml) à la racine selon toutes les règles \
         du standard, comme `ospo publiccode` ; une clé dépréciée ou une ancienne version du \
         standard donne un avertissement.{consistent} {absent}";
        consistent, absent
    )
}

fn funding(spec: &FundingSpec) -> Text {
    let absent = absent(spec.absent, ".github/FUNDING.yml");
    said!(
        "ospo reads .github/FUNDING.yml as GitHub does: every key must be a platform GitHub \
         knows, with a value of the shape it takes (an account name; up to four for github; \
         platform/package for tidelift; up to four URLs for custom). The item passes when \
         the file names at least one platform, and warns when it names none. {absent}",
        "ospo lit .github/FUNDING.yml comme GitHub : chaque clé doit être une plateforme que \
         GitHub connaît, avec une valeur de la forme qu'elle attend (un nom de compte ; \
         jusqu'à quatre pour github ; plateforme/paquet pour tidelift ; jusqu'à quatre URL \
         pour custom). L'élément est validé quand le fichier nomme au moins une plateforme, \
         avec un avertissement s'il n'en nomme aucune. {absent}";
        absent
    )
}

fn changelog(spec: &ChangelogSpec) -> Text {
    let names = match &spec.names {
        Some(names) => file_names(names, NAMES_DESCRIBED),
        None => Text::new(
            "CHANGELOG, CHANGES, NEWS, HISTORY, RELEASE_NOTES or RELEASES, with or without an \
             extension,",
            "CHANGELOG, CHANGES, NEWS, HISTORY, RELEASE_NOTES ou RELEASES, avec ou sans \
             extension,",
        ),
    };
    let default_places = [".", "docs", ".github"].map(str::to_owned);
    let places = where_to_look(Some(spec.places.as_deref().unwrap_or(&default_places)));
    said!(
        "ospo looks for a changelog named {names} {places}, reads its release entries \
         from its headings, and compares them with the newest release tag (a tag named as a \
         version, such as v1.2.0): an entry must name that version, or be dated on or after \
         the tag's day. The item passes while there is no release tag.",
        "ospo cherche un journal des modifications nommé {names} {places}, en lit les \
         entrées de version d'après ses titres, et les compare à la dernière étiquette de \
         version (une étiquette nommée comme une version, par exemple v1.2.0) : une entrée \
         doit nommer cette version, ou être datée du jour de l'étiquette ou d'après. \
         L'élément est validé tant qu'il n'y a pas d'étiquette de version.";
        names, places
    )
}

// ── Pieces of sentences ──

/// What a metadata probe does without its file.
fn absent(absent: Option<Absent>, file: &str) -> Text {
    match absent.unwrap_or_default() {
        Absent::Fail => text!(
            "A repository without {file} fails.",
            "Un dépôt sans {file} échoue."
        ),
        Absent::Skip => text!(
            "A repository without {file} leaves the item out.",
            "Dans un dépôt sans {file}, l'élément est écarté."
        ),
    }
}

/// The bots a history probe leaves out.
fn bots(custom: bool) -> Text {
    if custom {
        Text::new(
            "the accounts the checklist marks as bots",
            "les comptes que la liste de contrôle désigne comme des robots",
        )
    } else {
        Text::new("bots ([bot] accounts)", "les robots (comptes [bot])")
    }
}

/// "the last 500 commits", "the commits of the last 30 days", or both.
fn commit_window(last: Option<usize>, days: Option<u32>) -> Text {
    let commits = last.map(|last| match last {
        1 => Text::new("the last commit", "le dernier commit"),
        _ => text!("the last {last} commits", "les {last} derniers commits"),
    });
    match (commits, days) {
        (Some(commits), None) => commits,
        (commits, Some(days)) => {
            let commits = commits.unwrap_or_else(|| Text::new("the commits", "les commits"));
            match days {
                1 => said!(
                    "{commits} of the last day",
                    "{commits} du dernier jour";
                    commits
                ),
                _ => said!(
                    "{commits} of the last {days} days",
                    "{commits} des {days} derniers jours";
                    commits
                ),
            }
        }
        (None, None) => Text::new("the commits", "les commits"),
    }
}

/// The commits of a revision range.
fn range_window(range: &str) -> Text {
    text!(
        "the commits of the range {range}",
        "les commits de l'intervalle {range}"
    )
}

/// "at least 2 distinct contributors", "between 1 and 3 releases".
fn bounded(min: Option<f64>, max: Option<f64>, singular: &Text, plural: &Text) -> Text {
    let noun = |value: f64| if value == 1.0 { singular } else { plural };
    let amount = |value: f64| {
        let (value, noun) = (count(value), noun(value));
        said!("{value} {noun}", "{value} {noun}"; value, noun)
    };
    match (min, max) {
        (Some(min), Some(max)) if min == max => {
            let exact = amount(min);
            said!("exactly {exact}", "exactement {exact}"; exact)
        }
        (Some(min), Some(max)) => {
            let (low, high) = (count(min), count(max));
            said!(
                "between {low} and {high} {plural}",
                "entre {low} et {high} {plural}";
                low, high, plural
            )
        }
        (Some(min), None) => {
            let least = amount(min);
            said!("at least {least}", "au moins {least}"; least)
        }
        (None, Some(max)) => {
            let most = amount(max);
            said!("at most {most}", "au plus {most}"; most)
        }
        // The checklist refuses an activity probe without bounds.
        (None, None) => said!(
            "any number of {plural}",
            "un nombre quelconque de {plural}";
            plural
        ),
    }
}

/// "at least 2", "at most 50%", "between 1 and 3"; in French after « la valeur attendue
/// est ».
fn bounds(min: Option<f64>, max: Option<f64>, unit: &str) -> Text {
    let with_unit = |value: f64| {
        let value = count(value);
        match unit {
            "%" => Text::new(format!("{}%", value.en), format!("{} %", value.fr)),
            _ => value,
        }
    };
    match (min.map(with_unit), max.map(with_unit)) {
        (Some(low), Some(high)) if low == high => {
            said!("exactly {low}", "exactement {low}"; low)
        }
        (Some(low), Some(high)) => {
            said!(
                "between {low} and {high}",
                "comprise entre {low} et {high}";
                low, high
            )
        }
        (Some(low), None) => {
            said!("at least {low}", "d'au moins {low}"; low)
        }
        (None, Some(high)) => {
            said!("at most {high}", "d'au plus {high}"; high)
        }
        (None, None) => Text::new("anything", "quelconque"),
    }
}

/// How old something may be, in days: "at most 90 days old" / « de 90 jours au plus ».
fn age(min: Option<f64>, max: Option<f64>) -> Text {
    let days = |value: f64| {
        let shown = count(value);
        match value == 1.0 {
            true => Text::new(format!("{} day", shown.en), format!("{} jour", shown.fr)),
            false => Text::new(format!("{} days", shown.en), format!("{} jours", shown.fr)),
        }
    };
    match (min.map(days), max.map(days)) {
        (Some(low), Some(high)) => {
            said!(
                "between {low} and {high} old",
                "d'entre {low} et {high}";
                low, high
            )
        }
        (Some(low), None) => {
            said!("at least {low} old", "d'au moins {low}"; low)
        }
        (None, Some(high)) => {
            said!("at most {high} old", "de {high} au plus"; high)
        }
        (None, None) => Text::new("of any age", "de n'importe quand"),
    }
}

/// A number as each language writes it: 20,000 and 2.5 in English, 20 000 and 2,5 in
/// French.
fn count(value: f64) -> Text {
    let shown = value.to_string();
    let (whole, fraction) = match shown.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (shown.as_str(), None),
    };
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", whole),
    };
    let grouped = |separator: char| {
        let mut out = String::new();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index) % 3 == 0 && digits.len() > 4 {
                out.push(separator);
            }
            out.push(digit);
        }
        out
    };
    let (en, fr) = (grouped(','), grouped(' '));
    match fraction {
        Some(fraction) => Text::new(
            format!("{sign}{en}.{fraction}"),
            format!("{sign}{fr},{fraction}"),
        ),
        None => Text::new(format!("{sign}{en}"), format!("{sign}{fr}")),
    }
}

/// A share in percent: "90%" / « 90 % ».
fn percent(value: f64) -> Text {
    let value = count(value);
    Text::new(format!("{}%", value.en), format!("{} %", value.fr))
}

/// File names, the first `shown` of them, then how many others: "README, README.* or 3
/// other names".
fn file_names(names: &[String], shown: usize) -> Text {
    let mut listed: Vec<Text> = names
        .iter()
        .take(shown)
        .map(|name| Text::new(name.as_str(), name.as_str()))
        .collect();
    let others = names.len().saturating_sub(shown);
    if others > 0 {
        listed.push(text!("{others} other names", "{others} autres noms"));
    }
    or_texts(&listed)
}

/// Where files are looked for: "in .github/, at the root or in docs/"; the places forges
/// look when the checklist names none.
fn where_to_look(places: Option<&[String]>) -> Text {
    let Some(places) = places else {
        let shown: Vec<Text> = DEFAULT_PLACES
            .iter()
            .map(|place| match directory(place) {
                Some(directory) => Text::new(directory.clone(), directory),
                None => Text::new("the root", "la racine"),
            })
            .collect();
        let shown = and_texts(&shown);
        return said!(
            "where forges look ({shown})",
            "là où regardent les forges ({shown})";
            shown
        );
    };
    let phrases: Vec<Text> = places
        .iter()
        .map(|place| match directory(place) {
            Some(directory) => text!("in {directory}", "dans {directory}"),
            None => Text::new("at the root", "à la racine"),
        })
        .collect();
    or_texts(&phrases)
}

/// A place as a directory with its slash (`docs/`), or `None` for the root.
fn directory(place: &str) -> Option<String> {
    let trimmed = place.trim_matches('/');
    let trimmed = trimmed.strip_prefix("./").unwrap_or(trimmed);
    match trimmed {
        "" | "." => None,
        directory => Some(format!("{directory}/")),
    }
}

/// "A, B or C" / « A, B ou C ».
fn or_texts(parts: &[Text]) -> Text {
    listed(parts, " or ", " ou ")
}

/// "A, B and C" / « A, B et C ».
fn and_texts(parts: &[Text]) -> Text {
    listed(parts, " and ", " et ")
}

fn or_list(words: &[String]) -> Text {
    or_texts(&same_in_both(words))
}

fn and_list(words: &[String]) -> Text {
    and_texts(&same_in_both(words))
}

fn same_in_both(words: &[String]) -> Vec<Text> {
    words
        .iter()
        .map(|word| Text::new(word.as_str(), word.as_str()))
        .collect()
}

/// The parts separated by commas, the last two by the conjunction of each language.
fn listed(parts: &[Text], last_en: &str, last_fr: &str) -> Text {
    match parts {
        [] => Text::default(),
        [one] => one.clone(),
        [first @ .., last] => {
            let mut joined = Text::join(first, ", ", ", ");
            joined.push(&Text::new(last_en, last_fr));
            joined.push(last);
            joined
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{builtin, load};

    fn spec(json: serde_json::Value) -> ProbeSpec {
        serde_json::from_value(json).expect("a valid probe")
    }

    /// Every item of the built-in checklists is described in both languages, in
    /// sentences, with no regular expression; a content item lists what it looks for.
    #[test]
    fn every_built_in_item_is_described_in_both_languages() {
        let mut described = 0;
        for name in builtin::NAMES {
            let checklist = load(name, std::path::Path::new(".")).expect("loads");
            for item in &checklist.items {
                let text = describe(&item.spec);
                assert_ne!(text.en, text.fr, "{}", item.id);
                for said in [&text.en, &text.fr] {
                    assert!(said.starts_with("ospo "), "{}: {said}", item.id);
                    assert!(said.ends_with('.'), "{}: {said}", item.id);
                    assert!(said.len() > 60, "{}: {said}", item.id);
                    for run in [r"\b", r"\s", r"\w", "(?", "[^", "  ", " ,", ",,", ". ."] {
                        assert!(!said.contains(run), "{}: {run} in {said}", item.id);
                    }
                }
                // French sets a space before a semicolon or a colon, outside code.
                let prose: String = text.fr.split('`').step_by(2).collect::<Vec<_>>().join(" ");
                for mark in [";", ": "] {
                    for (at, _) in prose.match_indices(mark) {
                        assert!(
                            prose[..at].ends_with(' '),
                            "{}: no space before {mark:?} in {}",
                            item.id,
                            text.fr
                        );
                    }
                }
                if let ProbeSpec::Content(content) = &item.spec {
                    for wanted in content.looks_for.as_deref().unwrap_or_default() {
                        assert!(
                            text.en.contains(&format!("\n- {}\n", wanted.en.trim())),
                            "{}: {}",
                            item.id,
                            text.en
                        );
                        assert!(
                            text.fr.contains(&format!("\n- {}\n", wanted.fr.trim())),
                            "{}: {}",
                            item.id,
                            text.fr
                        );
                    }
                }
                described += 1;
            }
        }
        assert!(described > 140, "{described}");
    }

    #[test]
    fn a_file_probe_says_its_names_places_and_size() {
        let text = describe(&spec(serde_json::json!({
            "kind": "file",
            "names": ["README", "README.*"],
            "places": [".github", ".", "docs"],
            "min-size": 200,
        })));
        assert!(
            text.en.starts_with(
                "ospo looks for a file of at least 200 bytes named README or README.* in \
                 .github/, at the root or in docs/. "
            ),
            "{}",
            text.en
        );
        assert!(
            text.fr.starts_with(
                "ospo cherche un fichier d'au moins 200 octets nommé README ou README.* dans \
                 .github/, à la racine ou dans docs/. "
            ),
            "{}",
            text.fr
        );
    }

    #[test]
    fn a_content_probe_without_words_points_at_its_patterns() {
        let text = describe(&spec(serde_json::json!({
            "kind": "content",
            "names": ["GUIDE*"],
            "patterns": ["install", "setup"],
            "case-sensitive": true,
        })));
        assert!(
            text.en.contains(
                "and looks for a line that matches one of the item's 2 regular expressions \
                 (shown with `--patterns`). Capitals and small letters are told apart."
            ),
            "{}",
            text.en
        );
        assert!(
            text.en
                .ends_with("still holds TODO(ospo), the mark `ospo init` leaves where a person must fill something in, makes the item warn."),
            "{}",
            text.en
        );
        assert!(text.en.contains("where forges look (.github/, the root,"));
        assert!(
            text.fr
                .contains("à l'une des 2 expressions régulières de l'élément"),
            "{}",
            text.fr
        );
    }

    #[test]
    fn an_activity_probe_says_its_measure_and_bounds() {
        let contributors = describe(&spec(serde_json::json!({
            "kind": "activity", "metric": "contributors", "min": 2,
        })));
        assert!(
            contributors.en.starts_with(
                "ospo reads the history and asks for at least 2 distinct contributors \
                              in the last 365 days."
            ),
            "{}",
            contributors.en
        );
        assert!(
            contributors.fr.starts_with(
                "ospo lit l'historique et demande au moins 2 contributeurs distincts au cours \
                 des 365 derniers jours."
            ),
            "{}",
            contributors.fr
        );
        let release = describe(&spec(serde_json::json!({
            "kind": "activity", "metric": "releases", "min": 1, "range": "v1.0.0..HEAD",
        })));
        assert!(
            release.en.starts_with(
                "ospo reads the history and asks for at least 1 release in the range v1.0.0..HEAD:"
            ),
            "{}",
            release.en
        );
        let share = describe(&spec(serde_json::json!({
            "kind": "activity", "metric": "top-contributor-share", "max": 62.5, "days": 90,
        })));
        assert!(
            share.en.contains(
                "in the last 90 days made by the most active contributor: it must be at most 62.5%."
            ),
            "{}",
            share.en
        );
        assert!(
            share
                .fr
                .contains("la valeur attendue est d'au plus 62,5 %."),
            "{}",
            share.fr
        );
        let age = describe(&spec(serde_json::json!({
            "kind": "activity", "metric": "days-since-last-commit", "max": 1,
        })));
        assert!(
            age.en.contains("the newest commit be at most 1 day old."),
            "{}",
            age.en
        );
        assert!(age.fr.contains("date de 1 jour au plus."), "{}", age.fr);
    }

    #[test]
    fn history_probes_say_their_window_and_threshold() {
        let dco = describe(&spec(serde_json::json!({
            "kind": "dco", "threshold": 95, "days": 30, "bots": "ci-robot", "rule": "presence",
        })));
        assert!(
            dco.en
                .starts_with("ospo reads the commits of the last 30 days and checks"),
            "{}",
            dco.en
        );
        assert!(dco.en.contains("with any well-formed name and email"));
        assert!(dco.en.contains("the accounts the checklist marks as bots"));
        assert!(!dco.en.contains("ci-robot"), "{}", dco.en);
        assert!(dco.en.ends_with("At least 95% of them must be signed off."));
        assert!(
            dco.fr
                .ends_with("Au moins 95 % d'entre eux doivent l'être.")
        );
        let strict = describe(&spec(serde_json::json!({"kind": "dco"})));
        assert!(strict.en.starts_with("ospo reads the last 500 commits "));
        assert!(strict.en.ends_with("Every one of them must be signed off."));
        let strategy = describe(&spec(serde_json::json!({
            "kind": "copyright-strategy", "accept": ["cla"],
        })));
        assert!(
            strategy.en.ends_with("Only a CLA passes."),
            "{}",
            strategy.en
        );
        assert!(!strategy.en.contains("history"), "{}", strategy.en);
    }

    #[test]
    fn attested_items_say_how_to_answer() {
        let required = describe(&spec(serde_json::json!({
            "kind": "attest", "evidence": "required",
        })));
        assert!(required.en.starts_with(
            "ospo cannot see this in the files: the project answers it in .ospo.yml with \
             `yes`, `no` or `n/a`, the evidence"
        ));
        assert!(
            required
                .en
                .contains("a link (https://…) or the path of a file")
                && required.en.contains("count for 12 months"),
            "{}",
            required.en
        );
        assert!(
            required
                .fr
                .contains("valent 12 mois à compter de leur date"),
            "{}",
            required.fr
        );
        let by_default = describe(&spec(serde_json::json!({"kind": "attest"})));
        assert_eq!(by_default, required, "evidence is required by default");
        let optional = describe_in(
            &spec(serde_json::json!({"kind": "attest", "evidence": "optional"})),
            6,
        );
        assert!(
            optional.en.contains("with or without evidence") && optional.en.contains("6 months"),
            "{}",
            optional.en
        );
    }

    #[test]
    fn numbers_and_lists_read_as_each_language_writes_them() {
        assert_eq!(count(20_000.0), Text::new("20,000", "20 000"));
        assert_eq!(count(1_000.0), Text::new("1000", "1000"));
        assert_eq!(count(2.5), Text::new("2.5", "2,5"));
        assert_eq!(percent(90.0), Text::new("90%", "90 %"));
        let names: Vec<String> = ["A", "B", "C", "D", "E", "F"].map(str::to_owned).to_vec();
        assert_eq!(
            file_names(&names, 4),
            Text::new("A, B, C, D or 2 other names", "A, B, C, D ou 2 autres noms")
        );
        assert_eq!(file_names(&names[..1], 4), Text::new("A", "A"));
        let places = ["./docs/".to_owned(), "/".to_owned()];
        assert_eq!(
            where_to_look(Some(&places)),
            Text::new("in docs/ or at the root", "dans docs/ ou à la racine")
        );
    }
}

//! The licence, and the document of the copyright strategy (the DCO, a CLA).

use super::*;
use crate::remedy::context::Strategy;
use crate::remedy::verbatim;

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

//! `attest`: the project answers a question no file can show, in `.ospo.yml`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Context, Evidence, Outcome, Status};
use crate::project::AnswerValue;
use crate::text;

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AttestSpec {
    /// Whether a `yes` needs `evidence` (a link or a short text) to count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceRule {
    Required,
    Optional,
}

#[derive(Debug, Clone)]
pub struct AttestProbe {
    evidence_required: bool,
}

impl AttestSpec {
    pub fn compile(&self) -> AttestProbe {
        AttestProbe {
            evidence_required: self.evidence == Some(EvidenceRule::Required),
        }
    }
}

impl AttestProbe {
    pub fn run(&self, context: &Context<'_>) -> Outcome {
        let id = context.item_id;
        let Some(answer) = context.project.answers.get(id) else {
            return Outcome::new(
                Status::Unknown,
                text!(
                    "not answered yet: answer `{id}` in .ospo.yml",
                    "pas encore de réponse : répondez à `{id}` dans .ospo.yml"
                ),
            );
        };
        let evidence = Evidence::Answer {
            answer: answer.answer,
            evidence: answer.evidence.clone(),
            date: answer.date.clone(),
        };
        let dated = answer
            .date
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        // French sets a space before a colon.
        let (shown_en, shown_fr) = match answer.evidence.as_deref() {
            Some(e) => (format!(": {e}"), format!(" : {e}")),
            None => Default::default(),
        };
        let outcome = match answer.answer {
            AnswerValue::Yes if self.evidence_required && answer.evidence.is_none() => {
                Outcome::new(
                    Status::Unknown,
                    text!(
                        "answered yes without the evidence this item needs: add `evidence` to `{id}` in .ospo.yml",
                        "réponse oui sans la preuve que cet élément demande : ajoutez `evidence` à `{id}` dans .ospo.yml"
                    ),
                )
            }
            AnswerValue::Yes => Outcome::new(
                Status::Pass,
                text!("yes{dated}{shown_en}", "oui{dated}{shown_fr}"),
            ),
            AnswerValue::No => Outcome::new(
                Status::Fail,
                text!("no{dated}{shown_en}", "non{dated}{shown_fr}"),
            ),
            AnswerValue::NotApplicable => Outcome::new(
                Status::Skip,
                text!(
                    "not applicable{dated}{shown_en}",
                    "sans objet{dated}{shown_fr}"
                ),
            ),
        };
        outcome.with(evidence)
    }
}

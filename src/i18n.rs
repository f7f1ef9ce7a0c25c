//! The two languages of reports: English and French.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The language the environment asks for: French when the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty starts with `fr`.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| {
                if value.to_ascii_lowercase().starts_with("fr") {
                    Lang::Fr
                } else {
                    Lang::En
                }
            })
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// A text given in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: String,
    /// French.
    pub fr: String,
}

impl Text {
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            fr: fr.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }

    /// Adds `more` at the end, in both languages.
    pub fn push(&mut self, more: &Text) {
        self.en.push_str(&more.en);
        self.fr.push_str(&more.fr);
    }

    /// The parts one after the other, with a separator of each language between them
    /// (French puts a space before `;`).
    pub fn join(parts: &[Text], en: &str, fr: &str) -> Text {
        let joined = |part: fn(&Text) -> &str, separator| {
            parts.iter().map(part).collect::<Vec<_>>().join(separator)
        };
        Text::new(joined(|t| &t.en, en), joined(|t| &t.fr, fr))
    }
}

/// Builds a [`Text`] from two `format!` templates sharing the same arguments in scope.
#[macro_export]
macro_rules! text {
    ($en:literal, $fr:literal $(,)?) => {
        $crate::i18n::Text::new(format!($en), format!($fr))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn picks_french_from_the_first_set_variable() {
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_CA")])),
            Lang::Fr
        );
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
    }
}

//! Findings are data, not errors: everything a check discovers is a `Finding` in a list.

use serde::Serialize;

use crate::position::TextRange;

/// The four classes of the RAM console's own policy checker, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Security,
    Warning,
    Suggestion,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Security => "security",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Security, Lang::En) => "security",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Suggestion, Lang::En) => "suggestion",
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Security, Lang::Zh) => "安全警告",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Suggestion, Lang::Zh) => "建议",
        }
    }
}

/// The language of messages and help texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            "zh" | "zh-cn" | "zh-hans" => Some(Lang::Zh),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Picks the text for this language.
    pub fn pick<T>(self, en: T, zh: T) -> T {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule code, never reused (`RP102`).
    pub code: &'static str,
    pub severity: Severity,
    /// One line, lowercase start, user values in backticks, no final period.
    pub message: String,
    /// RFC 6901 JSON pointer to the element concerned (`""` for the whole document).
    pub path: String,
    /// Where in the text, when there is text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<TextRange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

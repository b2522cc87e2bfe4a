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

/// One thing a check found: by the linter in a policy, by a scenario in its inputs, or by the
/// check of an existing setup in the documents it was given. Every surface shows this one type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code, never reused: `RP102` for a lint rule, `PL605` for a plan's check.
    pub code: &'static str,
    pub severity: Severity,
    /// One line, lowercase start, user values in backticks, no final period.
    pub message: String,
    /// What the finding is about; serialised as its fields (`path`, `document`, `field`).
    #[serde(flatten)]
    pub location: Location,
    /// Where in the text, when there is text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<TextRange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// What a finding points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Location {
    /// An element of a policy document, by its RFC 6901 JSON pointer (`""` for the whole
    /// document). `document` names the document when a check reads several; `None` is the
    /// only document, or the setup as a whole.
    Document {
        #[serde(skip_serializing_if = "Option::is_none")]
        document: Option<String>,
        path: String,
    },
    /// A form field, by its path as the inputs spell it (`grants[0].privileges`); `None`
    /// for the inputs as a whole.
    Field {
        #[serde(skip_serializing_if = "Option::is_none")]
        field: Option<String>,
    },
}

impl Location {
    /// A place in the one document being read.
    pub fn pointer(path: impl Into<String>) -> Location {
        Location::Document {
            document: None,
            path: path.into(),
        }
    }

    /// A form field; the empty path is the inputs as a whole.
    pub fn field(path: &str) -> Location {
        Location::Field {
            field: (!path.is_empty()).then(|| path.to_owned()),
        }
    }
}

impl Finding {
    pub fn new(
        code: &'static str,
        severity: Severity,
        message: impl Into<String>,
        location: Location,
    ) -> Finding {
        Finding {
            code,
            severity,
            message: message.into(),
            location,
            span: None,
            help: None,
        }
    }

    #[must_use]
    pub fn with_span(mut self, span: Option<TextRange>) -> Finding {
        self.span = span;
        self
    }

    #[must_use]
    pub fn with_help(mut self, help: Option<String>) -> Finding {
        self.help = help;
        self
    }

    /// The JSON pointer inside the document; `""` for a field or the whole document.
    pub fn path(&self) -> &str {
        match &self.location {
            Location::Document { path, .. } => path,
            Location::Field { .. } => "",
        }
    }

    /// The document's name, when the finding is about one of several documents.
    pub fn document(&self) -> Option<&str> {
        match &self.location {
            Location::Document { document, .. } => document.as_deref(),
            Location::Field { .. } => None,
        }
    }

    /// The form field's path, when the finding is about an input.
    pub fn field(&self) -> Option<&str> {
        match &self.location {
            Location::Field { field } => field.as_deref(),
            Location::Document { .. } => None,
        }
    }
}

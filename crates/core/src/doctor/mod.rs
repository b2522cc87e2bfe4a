//! "Why was I denied?": reads an access-denied error in any shape a person has it (an
//! OpenAPI error body, an OSS error, an SDK's or the aliyun CLI's printed error, the
//! console's dialog, the decoded diagnostic message) and says, in plain words, who was
//! denied, what they asked for, why, and what to do. For an implicit deny it proposes the
//! smallest statement that grants the request, linted and simulated (`fix`); for an explicit
//! deny it says where to look. Errors that ramplan's scenarios are known to produce link
//! their plan (`scenarios`).
//!
//! The facts behind every field name and value: docs/doctor.md. Nothing here calls Alibaba
//! Cloud: the `DecodeDiagnosticMessage` command is printed for the person to run.

mod explain;
mod fix;
mod model;
mod parse;
mod render;
mod scenarios;

use serde::Serialize;

use crate::finding::Lang;
use crate::secrets::{self, CredentialKind};
use crate::tr;

pub use explain::Step;
pub use fix::{Check, Fix, ResourceHint, Target};
pub use model::{
    Asked, Condition, Denial, ErrorInfo, Field, Identity, IdentityKind, MatchedPolicy, PolicyKind,
    PolicyType,
};
pub use parse::Shape;
pub use render::{text, to_json};
pub use scenarios::ScenarioMatch;

/// The largest text the doctor reads. An error body is a few kilobytes; a whole log pasted
/// by mistake is refused rather than read slowly.
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

/// The answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    pub shape: &'static str,
    pub error: ErrorInfo,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    pub request: Asked,
    pub denial: Denial,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_type: Option<PolicyType>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub matched_policies: Vec<MatchedPolicy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoded_diagnostic_message: Option<String>,
    /// The command that decodes it, for someone allowed `ram:DecodeDiagnosticMessage`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decode_command: Option<String>,
    /// Who was denied, in one sentence.
    pub who: String,
    /// What they asked for.
    pub what: String,
    /// Why it was denied.
    pub why: String,
    /// What to do, in order.
    pub steps: Vec<Step>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    pub scenarios: Vec<ScenarioMatch>,
    /// Fields ramplan does not read, shown as written.
    pub other_fields: Vec<Field>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    Empty,
    TooLarge,
    /// The text holds what looks like a credential; nothing of it is shown back.
    Credential,
    /// No field of an access-denied error was found.
    NotAnError,
}

/// Why there is no diagnosis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoctorError {
    pub kind: ErrorKind,
    /// Lowercase, no final period.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl std::fmt::Display for DoctorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DoctorError {}

/// Reads the error and answers. Linear in the text, never panics, and the same text gives
/// the same answer byte for byte.
pub fn diagnose(text: &str, lang: Lang) -> Result<Diagnosis, DoctorError> {
    if text.trim().is_empty() {
        return Err(DoctorError {
            kind: ErrorKind::Empty,
            message: tr!(lang, "there is nothing to read", "没有可读取的内容"),
            help: Some(paste_help(lang)),
        });
    }
    if text.len() > MAX_INPUT_BYTES {
        return Err(DoctorError {
            kind: ErrorKind::TooLarge,
            message: tr!(
                lang,
                format!(
                    "the text is {} bytes; the doctor reads at most {MAX_INPUT_BYTES}",
                    text.len()
                ),
                format!(
                    "文本有 {} 字节；诊断最多读取 {MAX_INPUT_BYTES} 字节",
                    text.len()
                )
            ),
            help: Some(tr!(
                lang,
                "paste only the error: its JSON or XML body, or the lines the console shows",
                "只粘贴错误本身：其 JSON 或 XML 响应体，或控制台显示的几行信息"
            )),
        });
    }
    let parsed = parse::parse(text);
    if let Some(kind) = credential(text, &parsed) {
        return Err(DoctorError {
            kind: ErrorKind::Credential,
            message: tr!(
                lang,
                format!("the text holds what looks like {}; it is not read and not shown", kind.describe_en()),
                format!("文本中含有疑似{}的内容；不会读取，也不会显示", kind.describe_zh())
            ),
            help: Some(tr!(lang, "an access-denied error never contains a credential: remove it, and disable that AccessKey in the RAM console if it was shared", "无权限错误中不会含有凭证：请删除它；如果该 AccessKey 已被分享，请在 RAM 控制台禁用它")),
        });
    }
    let not_an_error = || DoctorError {
        kind: ErrorKind::NotAnError,
        message: tr!(
            lang,
            "no field of an access-denied error was found",
            "未找到无权限错误的任何字段"
        ),
        help: Some(paste_help(lang)),
    };
    let Some(shape) = parse::shape(&parsed, text) else {
        return Err(not_an_error());
    };
    let facts = model::facts(&parsed, shape, text);
    if facts.asked.action.is_none()
        && facts.identity.is_none()
        && facts.encoded.is_none()
        && facts.error.code.is_none()
    {
        return Err(not_an_error());
    }
    let fix = match facts.denial {
        Denial::Explicit => None,
        Denial::Implicit | Denial::Unknown => fix::propose(&facts, lang),
    };
    let scenarios = scenarios::find(&facts, lang);
    Ok(explain::diagnosis(facts, fix, scenarios, lang))
}

fn paste_help(lang: Lang) -> String {
    tr!(lang, "paste the error as you have it: the JSON an API returned, the XML OSS returned, what the SDK or `aliyun` printed, the lines of the console's Permission Denied dialog, or the output of `aliyun ram DecodeDiagnosticMessage`", "按原样粘贴错误：API 返回的 JSON、OSS 返回的 XML、SDK 或 `aliyun` 打印的内容、控制台“无权限”对话框中的各行，或 `aliyun ram DecodeDiagnosticMessage` 的输出")
}

/// A credential anywhere in the text, except inside the encoded diagnostic message: that is
/// base64 too, and a 30-character piece of it can look like an AccessKey secret. It is
/// exempt only when it has the documented shape (`AQ...`) and holds no credential prefix.
fn credential(text: &str, parsed: &parse::Parsed) -> Option<CredentialKind> {
    let mut scanned = text.to_owned();
    let encoded_values = parsed
        .fields
        .iter()
        .filter(|f| {
            matches!(
                parse::normalise(f.name()).as_str(),
                "encodeddiagnosticmessage" | "encodeddiagnosticinfo"
            )
        })
        .map(|f| f.value.trim().to_owned())
        .chain(parse::looks_encoded(text.trim()).then(|| text.trim().to_owned()));
    for value in encoded_values {
        let exempt = parse::looks_encoded(&value)
            && !["LTAI", "STS.", "CAIS"].iter().any(|p| value.contains(p));
        if exempt && !value.is_empty() {
            scanned = scanned.replace(&value, &" ".repeat(value.len()));
        }
    }
    secrets::find_credential(&scanned).map(|m| m.kind)
}

#[cfg(test)]
mod tests;

//! ramplan-iac: finds the RAM and OSS policy documents in the files people keep them in
//! (Terraform, ROS templates, the JSON the aliyun CLI prints) and hands each one over as the
//! JSON text the core lints, with a map from that text back to the file's bytes.
//!
//! Nothing here judges a policy; the core does. This crate only reads file formats, and it
//! never panics on any input: a file it cannot read is a [`Problem`], a value it cannot know
//! (`var.policy`, `Fn::GetAtt`) is a [`Skipped`] entry or a [`Placeholder`] inside a document.
//! The core does not depend on this crate, so the browser build never carries the parsers.

mod aliyun_cli;
mod map;
mod ros;
mod strings;
mod terraform;
mod tree;
mod yaml;

use std::ops::Range;

pub use map::OffsetMap;
pub use ramplan_core::{Lang, PolicyKind};

/// A file format ramplan reads policies from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// A policy document on its own (`policy.json`): the core reads it as it is.
    Policy,
    /// Terraform configuration (`.tf`).
    Terraform,
    /// A ROS template written in YAML.
    RosYaml,
    /// A ROS template written in JSON.
    RosJson,
    /// What `aliyun ram GetPolicyVersion`, `GetPolicy` or `GetRole` print.
    AliyunCli,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Policy => "policy",
            Format::Terraform => "terraform",
            Format::RosYaml => "ros-yaml",
            Format::RosJson => "ros-json",
            Format::AliyunCli => "aliyun-cli",
        }
    }
}

/// One policy document found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// What holds the document, as the file's own language names it:
    /// `alicloud_ram_policy.oss_read`, `data.alicloud_ram_policy_document.trust`,
    /// `Resources.AppRole` (ROS), `PolicyVersion` (aliyun CLI output).
    pub resource: String,
    /// The argument or property the document is the value of: `policy_document`,
    /// `AssumeRolePolicyDocument`, `Policies[0].PolicyDocument`.
    pub attribute: String,
    /// What kind of policy the place it is in makes it; `None` when only the document can
    /// tell (a data source nothing in the file uses).
    pub kind: Option<PolicyKind>,
    /// The JSON text to lint.
    pub text: String,
    /// From `text` back to the file.
    pub map: OffsetMap,
    /// Values in the document that the file computes and ramplan cannot know, in the file's
    /// own spelling (`${var.bucket}`), with where they are in the file.
    pub placeholders: Vec<Placeholder>,
    /// Where the document's value is in the file.
    pub span: Range<usize>,
}

impl Document {
    /// The file range a range of `text` stands for.
    pub fn file_range(&self, text_range: Range<usize>) -> Range<usize> {
        self.map.file_range(text_range)
    }

    /// True when the document is the whole file of `file_len` bytes, unchanged: positions in
    /// it are positions in the file.
    pub fn is_whole_file(&self, file_len: usize) -> bool {
        self.text.len() == file_len && self.map.is_identity()
    }

    /// The placeholders that overlap a range of the file.
    pub fn placeholders_in(&self, file: &Range<usize>) -> impl Iterator<Item = &Placeholder> {
        let file = file.clone();
        self.placeholders.iter().filter(move |p| {
            p.span.start < file.end.max(file.start + 1)
                && file.start < p.span.end.max(p.span.start + 1)
        })
    }
}

/// A value the file computes: an HCL interpolation or expression, a ROS function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// As it appears in the document text: `${var.bucket}`, `${Ref BucketName}`.
    pub expression: String,
    /// Where it is in the file.
    pub span: Range<usize>,
}

/// A place that holds a policy whose value ramplan cannot read (`policy_document =
/// var.policy`, `file("policy.json")`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub resource: String,
    pub attribute: String,
    pub why: Why,
    pub span: Range<usize>,
}

/// Why a place was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// The value is an expression (`var.policy`) that `engine` fills in.
    Unknowable { expression: String, engine: Engine },
    /// A data source's `dynamic "statement"` blocks.
    DynamicStatements,
}

/// What fills in the values ramplan cannot know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Terraform,
    Ros,
}

impl Skipped {
    /// Lowercase, no final period, the value in backticks.
    pub fn reason(&self, lang: Lang) -> String {
        let attribute = &self.attribute;
        match (&self.why, lang) {
            (Why::Unknowable { expression, engine }, Lang::En) => {
                let when = match engine {
                    Engine::Terraform => "Terraform runs",
                    Engine::Ros => "ROS creates the stack",
                };
                format!("`{attribute}` is `{expression}`, a value ramplan cannot know before {when}")
            }
            (Why::Unknowable { expression, engine }, Lang::Zh) => {
                let when = match engine {
                    Engine::Terraform => "Terraform 运行",
                    Engine::Ros => "ROS 创建资源栈",
                };
                format!("`{attribute}` 的值是 `{expression}`，在 {when}之前 ramplan 无法得知")
            }
            (Why::DynamicStatements, Lang::En) => "a `dynamic \"statement\"` block makes statements ramplan cannot know before Terraform runs; the others are checked".to_owned(),
            (Why::DynamicStatements, Lang::Zh) => "`dynamic \"statement\"` 块生成的语句在 Terraform 运行之前 ramplan 无法得知；其余语句已检查".to_owned(),
        }
    }
}

/// A policy kept in a file of its own and read by Terraform: `policy_document =
/// file("${path.module}/policy.json")`, or `templatefile(...)`. ramplan-iac reads no files; the
/// caller reads `path` (relative to the folder of the `.tf` file) and lints it as `kind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReference {
    pub resource: String,
    pub attribute: String,
    pub kind: PolicyKind,
    /// Relative to the folder of the file that names it, `/`-separated.
    pub path: String,
    /// The `file(...)` call in the file that names it.
    pub span: Range<usize>,
}

/// The file could not be read as its format (an HCL syntax error, YAML that does not
/// parse). Lowercase, no final period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub span: Range<usize>,
}

/// Everything found in one file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    pub documents: Vec<Document>,
    pub skipped: Vec<Skipped>,
    pub problems: Vec<Problem>,
    /// Policies in files of their own, for the caller to read.
    pub files: Vec<FileReference>,
}

/// The text with a leading byte-order mark replaced by three spaces (the mark's three bytes),
/// so byte offsets into it are offsets into the original.
pub(crate) fn without_bom(text: &str) -> std::borrow::Cow<'_, str> {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => std::borrow::Cow::Owned(format!("   {rest}")),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// Which format a file is, from its name and its text; `None` for a file that holds no
/// policy ramplan reads (`package.json`, a Kubernetes manifest). `name` is the file's name or
/// path; only its extension is read.
pub fn detect(name: &str, text: &str) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".tf") {
        return Some(Format::Terraform);
    }
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if lower.ends_with(".yaml") || lower.ends_with(".yml") {
        return ros::is_ros_yaml(text).then_some(Format::RosYaml);
    }
    if lower.ends_with(".json") || body.starts_with('{') {
        let root = ramplan_core::json::parse(text).ok()?;
        if root.get("ROSTemplateFormatVersion").is_some() {
            return Some(Format::RosJson);
        }
        if aliyun_cli::is_cli_output(&root) {
            return Some(Format::AliyunCli);
        }
        if root.get("Statement").is_some() {
            return Some(Format::Policy);
        }
        return None;
    }
    None
}

/// [`detect`], with a policy where it recognises nothing: how a file named on the command line
/// is read. A JSON file is a ROS template or CLI output only with their keys at the top,
/// which must appear in the text as written unless it escapes characters; without either, it
/// is read as a policy whatever it holds, so it need not be parsed twice.
pub fn detect_or_policy(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    let yaml = lower.ends_with(".yaml") || lower.ends_with(".yml");
    if !lower.ends_with(".tf")
        && !yaml
        && !text.contains('\\')
        && !text.contains("ROSTemplateFormatVersion")
        && !text.contains("PolicyDocument")
    {
        return Format::Policy;
    }
    detect(name, text).unwrap_or(Format::Policy)
}

/// The documents in a file of a known format. A `Format::Policy` file is one document, the
/// whole text.
pub fn extract(format: Format, text: &str) -> Extracted {
    match format {
        Format::Policy => Extracted {
            documents: vec![Document {
                resource: String::new(),
                attribute: String::new(),
                kind: None,
                text: text.to_owned(),
                map: OffsetMap::verbatim(0, text.len()),
                placeholders: Vec::new(),
                span: 0..text.len(),
            }],
            ..Extracted::default()
        },
        Format::Terraform => terraform::extract(text),
        Format::RosYaml => ros::extract_yaml(text),
        Format::RosJson => ros::extract_json(text),
        Format::AliyunCli => aliyun_cli::extract(text),
    }
}

//! Read or read-write access to one OSS folder (`bucket/dir/`) that also works in the OSS
//! console and in clients that browse (ossbrowser), not only in SDKs that know the full path.
//!
//! OSS has no folders: a folder is a key prefix, and listing is `oss:ListObjects` on the
//! bucket with the request's `prefix` and `delimiter` visible to conditions as `oss:Prefix`
//! and `oss:Delimiter` (ram-facts 10). The policy therefore has up to five statements, each
//! explained and sourced:
//!
//! 1. (console) `oss:ListBuckets` on `acs:oss:*:*:*`, so the bucket list opens.
//! 2. (console) the bucket reads the console makes when it opens a bucket.
//! 3. (console) `oss:ListObjects` with `oss:Prefix` one of the parent prefixes (`""`, `a/`,
//!    ...) and `oss:Delimiter` `/`: clicking down to the folder, one level at a time, seeing
//!    the names at each level but nothing below them.
//! 4. `oss:ListObjects` with `oss:Prefix` like `dir/*`: listing inside the folder, with or
//!    without a delimiter (so `ossutil ls -r` works too).
//! 5. The object actions on `acs:oss:*:*:bucket/dir/*`.

use serde::{Deserialize, Serialize};

use super::arn_builder::{self, FieldKind, FieldSpec};
use super::{BuilderDoc, BuilderStatement, Effect, Explanation, Slot};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FolderAccess {
    Read,
    ReadWrite,
}

impl FolderAccess {
    pub fn parse(text: &str) -> Option<FolderAccess> {
        match text {
            "read" => Some(FolderAccess::Read),
            "read-write" => Some(FolderAccess::ReadWrite),
            _ => None,
        }
    }
}

/// OSS list-and-read example policies, SDK and console (ram-facts S58), and the note that
/// the console calls ListBuckets, GetBucketAcl and GetObjectAcl when it opens a bucket.
pub const SRC_LIST_AND_READ: &str =
    "https://www.alibabacloud.com/help/en/ram/list-and-read-resources-in-a-bucket";
/// OSS example: access a directory through the console, level by level (`oss:Prefix` `""`,
/// `hangzhou/`, `hangzhou/2015/*` with `oss:Delimiter` `/`).
pub const SRC_CONSOLE_DIR: &str = "https://www.alibabacloud.com/help/doc-detail/142249.htm";
/// RAM condition operators page (ram-facts S6): `StringLike` on `oss:Prefix` with `dir/*`.
pub const SRC_PREFIX: &str = "https://www.alibabacloud.com/help/en/ram/conditional-operator";
/// The official Terraform module that lets MaxCompute read and write one bucket: the object
/// actions of a read-write grant (tests/fixtures/corpus/27).
pub const SRC_READ_WRITE: &str = "alibabacloud-automation/terraform-alicloud-ram-policy modules/MaxComputeAccessOSSBucket/main.tf";
/// OSS authorization page: which level (service, bucket, object) each action belongs to.
pub const SRC_LEVELS: &str =
    "https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements";

/// Object actions for reading (S58).
const READ_OBJECT: &[&str] = &["oss:GetObject"];
/// Object actions added for writing (corpus 27; levels from the authorization page).
const WRITE_OBJECT: &[&str] = &[
    "oss:PutObject",
    "oss:DeleteObject",
    "oss:AbortMultipartUpload",
    "oss:ListParts",
];
/// The bucket reads of the documented console policy (S58), there on `acs:oss:*:*:*`.
const CONSOLE_BUCKET_READS: &[&str] = &[
    "oss:GetBucketAcl",
    "oss:GetBucketInfo",
    "oss:GetBucketStat",
    "oss:GetBucketTagging",
];

/// An input the helper refuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FolderError {
    /// `bucket` or `dir`.
    pub field: &'static str,
    pub message_en: String,
    pub message_zh: String,
}

/// The folder as a key prefix: no leading `/`, one trailing `/`. `None` when nothing is
/// left, or when it holds a wildcard (which would widen the grant past the folder).
pub fn normalize_dir(dir: &str) -> Result<String, FolderError> {
    let trimmed = dir.trim().trim_start_matches('/').trim_end_matches('/');
    let problem = |en: &str, zh: &str| FolderError {
        field: "dir",
        message_en: en.to_owned(),
        message_zh: zh.to_owned(),
    };
    if trimmed.is_empty() {
        return Err(problem(
            "the folder is empty; for the whole bucket use the oss-bucket-read-only template",
            "目录为空；如需整个存储空间，请使用 oss-bucket-read-only 模板",
        ));
    }
    if trimmed.contains(['*', '?']) {
        return Err(problem(
            "the folder holds `*` or `?`, which would match more than one folder",
            "目录中含有 `*` 或 `?`，会匹配多个目录",
        ));
    }
    if trimmed.starts_with('\\') || trimmed.len() + 1 > 1023 {
        return Err(problem(
            "the folder is not an object key prefix (1-1,023 bytes, not starting with `\\`)",
            "目录不是有效的对象名前缀（1-1023 字节，不能以 `\\` 开头）",
        ));
    }
    Ok(format!("{trimmed}/"))
}

/// A bucket name as OSS allows it, without wildcards.
pub fn check_bucket(bucket: &str) -> Result<(), FolderError> {
    let spec = FieldSpec {
        name: "bucket",
        label_en: "Bucket",
        label_zh: "存储空间",
        kind: FieldKind::Bucket,
        example: "examplebucket",
    };
    let wildcard = bucket.contains(['*', '?']);
    match arn_builder::check_field(&spec, bucket) {
        Ok(()) if !wildcard => Ok(()),
        Ok(()) => Err(FolderError {
            field: "bucket",
            message_en: "name one bucket, without `*` or `?`".to_owned(),
            message_zh: "请指定一个存储空间，不要使用 `*` 或 `?`".to_owned(),
        }),
        Err(e) => Err(FolderError {
            field: "bucket",
            message_en: e.message_en,
            message_zh: e.message_zh,
        }),
    }
}

/// The prefixes the console asks for on the way down to `dir` (`a/b/` gives `""`, `a/`).
pub fn parent_prefixes(dir: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut at = 0;
    while let Some(found) = dir.get(at..).and_then(|rest| rest.find('/')) {
        let end = at + found + 1;
        if end >= dir.len() {
            break;
        }
        out.push(dir.get(..end).unwrap_or_default().to_owned());
        at = end;
    }
    out
}

/// Builds the policy and one explanation per statement. The console statements (ListBuckets,
/// bucket reads, parent-prefix listing) are added when `console` is true.
pub fn oss_folder_access(
    bucket: &str,
    dir: &str,
    access: FolderAccess,
    console: bool,
) -> Result<(BuilderDoc, Vec<Explanation>), Vec<FolderError>> {
    let mut errors = Vec::new();
    if let Err(e) = check_bucket(bucket) {
        errors.push(e);
    }
    let dir = match normalize_dir(dir) {
        Ok(dir) => dir,
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let bucket_arn = format!("acs:oss:*:*:{bucket}");
    let objects_arn = format!("acs:oss:*:*:{bucket}/{dir}*");
    let mut statements: Vec<BuilderStatement> = Vec::new();
    let mut explanations = Vec::new();
    // Each explanation is about the statement pushed just before it.
    let mut explain =
        |statement: usize, en: String, zh: String, source: &'static str, confirmed: bool| {
            explanations.push(Explanation {
                statement,
                text_en: en,
                text_zh: zh,
                source,
                confirmed,
            });
        };
    if console {
        statements.extend(console_statements(bucket));
        explain(
            0,
            "Lets the console and browsing clients list buckets, so the bucket can be opened from the bucket list. `oss:ListBuckets` is a service-level action: its only resource is `acs:oss:*:*:*`, and it shows bucket names, not their contents.".to_owned(),
            "允许控制台和浏览类客户端列出存储空间，以便从列表中打开该存储空间。`oss:ListBuckets` 是服务级操作，资源只能是 `acs:oss:*:*:*`，它只显示存储空间名称，不显示其内容。".to_owned(),
            SRC_LIST_AND_READ,
            true,
        );
        explain(
            1,
            format!("Lets the console read `{bucket}`'s ACL, information, statistics and tags when it opens the bucket (it checks whether the bucket is public). The documented console policy grants these on `acs:oss:*:*:*`; here they are narrowed to this bucket (derived, not in the example)."),
            format!("允许控制台在打开 `{bucket}` 时读取其 ACL、基本信息、统计和标签（控制台借此判断存储空间是否公开）。文档中的控制台示例在 `acs:oss:*:*:*` 上授予这些操作；此处收窄到该存储空间（推导所得，示例中没有）。"),
            SRC_LIST_AND_READ,
            false,
        );
        let parents = parent_prefixes(&dir);
        let shown: Vec<String> = parents.iter().map(|p| format!("`\"{p}\"`")).collect();
        let parent_refs: Vec<&str> = parents.iter().map(String::as_str).collect();
        statements.push(
            BuilderStatement::new(Effect::Allow, &["oss:ListObjects"], &[&bucket_arn])
                .with_condition("StringLike", "oss:Prefix", &parent_refs)
                .with_condition("StringLike", "oss:Delimiter", &["/"]),
        );
        explain(
            statements.len() - 1,
            format!("Lets the console click down to `{dir}` one level at a time: listing with prefix {} and delimiter `/` shows the names at each level (other folders' names included) but nothing inside them. Without it the console cannot reach the folder.", shown.join(", ")),
            format!("允许控制台逐级进入 `{dir}`：以前缀 {} 和分隔符 `/` 列举，只显示每一级的名称（包括其他目录的名称），不显示其中的内容。没有这一条，控制台无法进入该目录。", shown.join("、")),
            SRC_CONSOLE_DIR,
            true,
        );
    }
    let inside = format!("{dir}*");
    statements.push(
        BuilderStatement::new(Effect::Allow, &["oss:ListObjects"], &[&bucket_arn]).with_condition(
            "StringLike",
            "oss:Prefix",
            &[&inside],
        ),
    );
    explain(
        statements.len() - 1,
        format!("Lets the identity list what is inside `{dir}`, with or without a delimiter (SDKs, `ossutil ls -r`). `oss:ListObjects` is a bucket-level action, so the resource is the bucket and the folder is the `oss:Prefix` condition; listing anything else in the bucket stays denied. Kept apart from the parent-prefix statement so recursive listing needs no delimiter (derived)."),
        format!("允许列举 `{dir}` 中的内容，带或不带分隔符均可（SDK、`ossutil ls -r`）。`oss:ListObjects` 是存储空间级操作，所以资源是存储空间，目录由 `oss:Prefix` 条件限定；列举存储空间中的其他内容仍被拒绝。与上级前缀语句分开，是为了递归列举时无需分隔符（推导所得）。"),
        SRC_PREFIX,
        true,
    );
    let mut object_actions: Vec<&str> = READ_OBJECT.to_vec();
    if console {
        object_actions.push("oss:GetObjectAcl");
    }
    if access == FolderAccess::ReadWrite {
        object_actions.extend_from_slice(WRITE_OBJECT);
    }
    statements.push(BuilderStatement::new(
        Effect::Allow,
        &object_actions,
        &[&objects_arn],
    ));
    let (en, zh, source) = match access {
        FolderAccess::Read => (
            format!("Lets the identity download the objects under `{dir}`{}. Object-level actions take `bucket/key` resources, so `{bucket}/{dir}*` covers this folder and everything below it, and nothing else.", if console { " and read their ACLs (the console checks them)" } else { "" }),
            format!("允许下载 `{dir}` 下的对象{}。对象级操作的资源是 `存储空间/对象名`，因此 `{bucket}/{dir}*` 只覆盖该目录及其子目录。", if console { "并读取其 ACL（控制台会检查）" } else { "" }),
            SRC_LIST_AND_READ,
        ),
        FolderAccess::ReadWrite => (
            format!("Lets the identity download, upload (including multipart uploads, which `oss:ListParts` and `oss:AbortMultipartUpload` complete or cancel) and delete objects under `{dir}`{}. `{bucket}/{dir}*` covers this folder and everything below it, and nothing else; the write set follows Alibaba Cloud's own Terraform module for one bucket.", if console { ", and read their ACLs (the console checks them)" } else { "" }),
            format!("允许下载、上传（包括分片上传，`oss:ListParts` 和 `oss:AbortMultipartUpload` 用于完成或取消分片上传）和删除 `{dir}` 下的对象{}。`{bucket}/{dir}*` 只覆盖该目录及其子目录；写入操作集合取自阿里云官方的单存储空间 Terraform 模块。", if console { "，并读取其 ACL（控制台会检查）" } else { "" }),
            SRC_READ_WRITE,
        ),
    };
    explain(statements.len() - 1, en, zh, source, true);
    let doc = BuilderDoc {
        statements: statements.into_iter().map(Slot::Card).collect(),
        ..BuilderDoc::default()
    };
    Ok((doc, explanations))
}

/// The statements the console needs before it can show any bucket's contents: ListBuckets
/// on the service, and the bucket reads narrowed to `bucket`.
pub(super) fn console_statements(bucket: &str) -> Vec<BuilderStatement> {
    vec![
        BuilderStatement::new(Effect::Allow, &["oss:ListBuckets"], &["acs:oss:*:*:*"]),
        BuilderStatement::new(
            Effect::Allow,
            CONSOLE_BUCKET_READS,
            &[&format!("acs:oss:*:*:{bucket}")],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_become_prefixes() {
        assert_eq!(normalize_dir("/a/b"), Ok("a/b/".to_owned()));
        assert_eq!(normalize_dir("a/b/"), Ok("a/b/".to_owned()));
        assert!(normalize_dir(" / ").is_err());
        assert!(normalize_dir("a/*").is_err());
        assert_eq!(parent_prefixes("a/b/c/"), ["", "a/", "a/b/"]);
        assert_eq!(parent_prefixes("a/"), [""]);
    }

    #[test]
    fn refuses_bad_input_with_every_reason() {
        let errors = oss_folder_access("Bad_Bucket", "", FolderAccess::Read, true)
            .err()
            .unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["bucket", "dir"]);
        assert!(oss_folder_access("logs-*", "a", FolderAccess::Read, false).is_err());
    }

    #[test]
    fn one_explanation_per_statement() {
        for console in [false, true] {
            for access in [FolderAccess::Read, FolderAccess::ReadWrite] {
                let Ok((doc, explanations)) = oss_folder_access("b-1", "a/b", access, console)
                else {
                    unreachable!()
                };
                let indexes: Vec<usize> = explanations.iter().map(|e| e.statement).collect();
                let expected: Vec<usize> = (0..doc.statements.len()).collect();
                assert_eq!(indexes, expected);
            }
        }
    }
}

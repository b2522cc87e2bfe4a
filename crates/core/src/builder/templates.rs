//! Templates: a small set of common least-privilege permission policies, each parameterised,
//! sourced, built through the builder model (so every one reads back into cards) and linted
//! clean with its example parameters (a test walks the table).
//!
//! One static table, [`TEMPLATES`], like the lint rules and the scenarios.

use serde::Serialize;

use super::oss_folder::{self, FolderAccess};
use super::{sync, BuilderDoc, BuilderStatement, Effect, Explanation, Slot};
use crate::condition;
use crate::finding::Lang;
use crate::secrets;

pub struct Template {
    /// Stable, kebab-case (`oss-bucket-read-only`).
    pub id: &'static str,
    pub title_en: &'static str,
    pub title_zh: &'static str,
    pub description_en: &'static str,
    pub description_zh: &'static str,
    pub params: &'static [Param],
    /// Where each fact the template relies on comes from.
    pub sources: &'static [&'static str],
    /// What the template does that its sources do not confirm (English; shown in the docs
    /// and by `ramplan build --list`).
    pub unconfirmed: &'static [&'static str],
    build: fn(&Values) -> Result<Built, Vec<ParamError>>,
}

type Built = (BuilderDoc, Vec<Explanation>);

pub struct Param {
    pub name: &'static str,
    pub kind: ParamKind,
    /// Used when the parameter is not given; `None` makes it required.
    pub default: Option<&'static str>,
    /// A value that renders a clean policy (for required parameters, the documentation's
    /// own example names).
    pub example: &'static str,
    pub help_en: &'static str,
    pub help_zh: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// One OSS bucket name, no wildcard.
    Bucket,
    /// A folder in a bucket (`logs/2026`); normalised to `logs/2026/`.
    OssFolder,
    /// One name (project, Logstore): no `/`, `:`, white space or wildcard.
    Name,
    /// A region ID or `*`.
    Region,
    /// A 16-digit account ID or `*`.
    Account,
    /// Comma-separated IP addresses or CIDR blocks.
    CidrList,
    /// Comma-separated actions (`*`, `ram:*`, `oss:Get*`).
    ActionList,
    Bool,
    Choice(&'static [&'static str]),
}

impl ParamKind {
    pub fn type_name(self) -> &'static str {
        match self {
            ParamKind::Bucket => "bucket",
            ParamKind::OssFolder => "folder",
            ParamKind::Name => "name",
            ParamKind::Region => "region",
            ParamKind::Account => "account-id",
            ParamKind::CidrList => "cidr-list",
            ParamKind::ActionList => "action-list",
            ParamKind::Bool => "bool",
            ParamKind::Choice(_) => "choice",
        }
    }
}

/// A parameter the template refuses, and why. A value that looks like a credential is
/// never quoted back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamError {
    pub param: String,
    pub message_en: String,
    pub message_zh: String,
}

impl ParamError {
    fn new(param: &str, en: String, zh: String) -> Self {
        ParamError {
            param: param.to_owned(),
            message_en: en,
            message_zh: zh,
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_en, &self.message_zh)
    }
}

/// The checked parameters, defaults filled in.
pub struct Values(Vec<(&'static str, String)>);

impl Values {
    fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    fn list(&self, name: &str) -> Vec<String> {
        split_list(self.get(name))
    }
}

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A rendered template: the JSON, the cards it reads as, and a sentence per statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub json: String,
    pub doc: BuilderDoc,
    pub explanations: Vec<Explanation>,
}

impl Template {
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.title_en, self.title_zh)
    }

    pub fn description(&self, lang: Lang) -> &'static str {
        lang.pick(self.description_en, self.description_zh)
    }

    /// The policy JSON for these parameters (`name`, `value` pairs).
    pub fn render(&self, params: &[(&str, &str)]) -> Result<String, Vec<ParamError>> {
        self.render_explained(params).map(|r| r.json)
    }

    /// The policy, its cards and one explanation per statement.
    pub fn render_explained(&self, params: &[(&str, &str)]) -> Result<Rendered, Vec<ParamError>> {
        let values = self.check(params)?;
        let (doc, explanations) = (self.build)(&values)?;
        Ok(Rendered {
            json: sync::to_json(&doc),
            doc,
            explanations,
        })
    }

    /// Parameters that render a clean policy: each example value.
    pub fn example_params(&self) -> Vec<(&'static str, &'static str)> {
        self.params.iter().map(|p| (p.name, p.example)).collect()
    }

    fn check(&self, params: &[(&str, &str)]) -> Result<Values, Vec<ParamError>> {
        let mut errors = Vec::new();
        for (i, (name, value)) in params.iter().enumerate() {
            if secrets::find_credential(name).is_some() {
                errors.push(ParamError::new(
                    &secrets::mask(name),
                    "a parameter name looks like a credential; ramplan never takes credentials, and it is not shown".to_owned(),
                    "某个参数名看起来像凭证；ramplan 从不接收凭证，此处不显示".to_owned(),
                ));
                continue;
            }
            if params
                .get(..i)
                .is_some_and(|before| before.iter().any(|(n, _)| n == name))
            {
                errors.push(ParamError::new(
                    name,
                    format!("`{name}` is given twice"),
                    format!("`{name}` 重复给出"),
                ));
                continue;
            }
            if !self.params.iter().any(|p| p.name == *name) {
                let names = self.params.iter().map(|p| p.name);
                let hint_en = crate::text::did_you_mean(name, names.clone())
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                let hint_zh = crate::text::did_you_mean(name, names)
                    .map(|s| format!("；是否想写 `{s}`？"))
                    .unwrap_or_default();
                errors.push(ParamError::new(
                    name,
                    format!("`{}` has no parameter `{name}`{hint_en}", self.id),
                    format!("`{}` 没有参数 `{name}`{hint_zh}", self.id),
                ));
                continue;
            }
            if let Some(found) = secrets::find_credential(value) {
                errors.push(ParamError::new(
                    name,
                    format!(
                        "`{name}` looks like {}; ramplan never takes credentials, and the value is not shown",
                        found.kind.describe_en()
                    ),
                    format!(
                        "`{name}` 看起来像{}；ramplan 从不接收凭证，此处不显示该值",
                        found.kind.describe_zh()
                    ),
                ));
            }
        }
        let mut values = Vec::new();
        for param in self.params {
            let given = params
                .iter()
                .find(|(n, _)| *n == param.name)
                .map(|(_, v)| v.trim());
            let value = match (given, param.default) {
                (Some(v), _) => v,
                (None, Some(default)) => default,
                (None, None) => {
                    errors.push(ParamError::new(
                        param.name,
                        format!(
                            "`{}` is required: {} (for example `{}`)",
                            param.name, param.help_en, param.example
                        ),
                        format!(
                            "缺少必填参数 `{}`：{}（例如 `{}`）",
                            param.name, param.help_zh, param.example
                        ),
                    ));
                    continue;
                }
            };
            if errors.iter().any(|e| e.param == param.name) {
                continue;
            }
            if let Err(e) = check_value(param, value) {
                errors.push(e);
                continue;
            }
            values.push((param.name, value.to_owned()));
        }
        if errors.is_empty() {
            Ok(Values(values))
        } else {
            Err(errors)
        }
    }
}

fn check_value(param: &Param, value: &str) -> Result<(), ParamError> {
    let name = param.name;
    let err = |en: String, zh: String| Err(ParamError::new(name, en, zh));
    match param.kind {
        ParamKind::Bucket => oss_folder::check_bucket(value)
            .map_err(|e| ParamError::new(name, e.message_en, e.message_zh)),
        ParamKind::OssFolder => oss_folder::normalize_dir(value)
            .map(|_| ())
            .map_err(|e| ParamError::new(name, e.message_en, e.message_zh)),
        ParamKind::Name => {
            if value.is_empty()
                || value
                    .chars()
                    .any(|c| matches!(c, '/' | ':' | '*' | '?') || c.is_whitespace())
            {
                return err(
                    format!("`{value}` must be one name, without `/`, `:`, spaces or wildcards"),
                    format!("`{value}` 应为单个名称，不能包含 `/`、`:`、空格或通配符"),
                );
            }
            Ok(())
        }
        ParamKind::Region => {
            let ok = value == "*"
                || (!value.is_empty()
                    && value
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            if !ok {
                return err(
                    format!("`{value}` is not a region ID such as `cn-hangzhou`, or `*` for any"),
                    format!("`{value}` 不是 `cn-hangzhou` 这样的地域 ID，也不是表示任意的 `*`"),
                );
            }
            Ok(())
        }
        ParamKind::Account => {
            if value != "*" && !crate::arn::is_account_id(value) {
                return err(
                    format!("`{value}` is not an account ID: 16 digits, or `*` for any"),
                    format!("`{value}` 不是账号 ID：应为 16 位数字，或用 `*` 表示任意"),
                );
            }
            Ok(())
        }
        ParamKind::CidrList => {
            let items = split_list(value);
            if items.is_empty() {
                return err(
                    "give at least one IP address or CIDR block, comma-separated".to_owned(),
                    "请至少给出一个 IP 地址或网段，以逗号分隔".to_owned(),
                );
            }
            for (i, item) in items.iter().enumerate() {
                if !condition::is_ip_or_cidr(item) {
                    return err(
                        format!(
                            "`{item}` is not an IP address or CIDR block such as `203.0.113.0/24`"
                        ),
                        format!("`{item}` 不是 `203.0.113.0/24` 这样的 IP 地址或网段"),
                    );
                }
                if items.get(..i).is_some_and(|before| before.contains(item)) {
                    return err(
                        format!("`{item}` is listed twice"),
                        format!("`{item}` 重复出现"),
                    );
                }
            }
            Ok(())
        }
        ParamKind::ActionList => {
            let items = split_list(value);
            if items.is_empty() {
                return err(
                    "give at least one action, comma-separated (`*` for all)".to_owned(),
                    "请至少给出一个操作，以逗号分隔（`*` 表示全部）".to_owned(),
                );
            }
            for item in &items {
                let well_formed = item == "*"
                    || item.split_once(':').is_some_and(|(code, action)| {
                        !code.is_empty()
                            && code
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                            && !action.is_empty()
                            && action
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '*' || c == '?')
                    });
                if !well_formed {
                    return err(
                        format!(
                            "`{item}` is not an action such as `oss:GetObject`, `ram:*` or `*`"
                        ),
                        format!("`{item}` 不是 `oss:GetObject`、`ram:*` 或 `*` 这样的操作"),
                    );
                }
            }
            Ok(())
        }
        ParamKind::Bool => {
            if value != "true" && value != "false" {
                return err(
                    format!("`{value}` is not `true` or `false`"),
                    format!("`{value}` 不是 `true` 或 `false`"),
                );
            }
            Ok(())
        }
        ParamKind::Choice(choices) => {
            if !choices.contains(&value) {
                return err(
                    format!("`{value}` is not one of {}", choices.join(", ")),
                    format!("`{value}` 不在可选值 {} 之中", choices.join("、")),
                );
            }
            Ok(())
        }
    }
}

/// Every template, in the order `--list` shows them.
pub static TEMPLATES: &[Template] = &[
    OSS_BUCKET_READ_ONLY,
    OSS_FOLDER,
    LOG_WRITE_LOGSTORE,
    MAXCOMPUTE_PROJECT_METADATA_READ,
    DENY_OUTSIDE_IP_RANGE,
    REQUIRE_MFA,
    REQUIRE_HTTPS,
];

pub fn template(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id == id)
}

/// The closest template id, for "did you mean".
pub fn suggest(id: &str) -> Option<&'static str> {
    crate::text::did_you_mean(id, TEMPLATES.iter().map(|t| t.id))
}

const BUCKET: Param = Param {
    name: "bucket",
    kind: ParamKind::Bucket,
    default: None,
    example: "examplebucket",
    help_en: "the bucket name",
    help_zh: "存储空间名称",
};

const CONSOLE_OFF: Param = Param {
    name: "console",
    kind: ParamKind::Bool,
    default: Some("false"),
    example: "false",
    help_en: "also allow what the OSS console needs to open the bucket (ListBuckets, bucket and object ACL reads)",
    help_zh: "同时授予 OSS 控制台打开存储空间所需的权限（ListBuckets、读取存储空间和对象的 ACL 等）",
};

const REGION: Param = Param {
    name: "region",
    kind: ParamKind::Region,
    default: Some("*"),
    example: "*",
    help_en: "the region ID, or `*` for any",
    help_zh: "地域 ID，或用 `*` 表示任意",
};

const ACCOUNT: Param = Param {
    name: "account",
    kind: ParamKind::Account,
    default: Some("*"),
    example: "*",
    help_en: "the owning account's 16-digit ID, or `*` for the caller's own account",
    help_zh: "所属账号的 16 位 ID，或用 `*` 表示调用者自己的账号",
};

fn doc_of(statements: Vec<BuilderStatement>) -> BuilderDoc {
    BuilderDoc {
        statements: statements.into_iter().map(Slot::Card).collect(),
        ..BuilderDoc::default()
    }
}

fn explanation(
    statement: usize,
    en: String,
    zh: String,
    source: &'static str,
    confirmed: bool,
) -> Explanation {
    Explanation {
        statement,
        text_en: en,
        text_zh: zh,
        source,
        confirmed,
    }
}

// --- oss-bucket-read-only -------------------------------------------------------------

const OSS_BUCKET_READ_ONLY: Template = Template {
    id: "oss-bucket-read-only",
    title_en: "Read-only access to one OSS bucket",
    title_zh: "只读访问一个 OSS 存储空间",
    description_en: "List and download the objects of one bucket, from SDKs and the CLI; with `console=true`, from the OSS console too.",
    description_zh: "通过 SDK 和命令行列举并下载一个存储空间中的对象；`console=true` 时也可在 OSS 控制台中操作。",
    params: &[BUCKET, CONSOLE_OFF],
    sources: &[oss_folder::SRC_LIST_AND_READ, oss_folder::SRC_LEVELS],
    unconfirmed: &["With console=true, the bucket reads (GetBucketAcl, GetBucketInfo, GetBucketStat, GetBucketTagging) are granted on the bucket only; the documented console policy grants them on acs:oss:*:*:*."],
    build: build_oss_bucket_read_only,
};

fn build_oss_bucket_read_only(values: &Values) -> Result<Built, Vec<ParamError>> {
    let bucket = values.get("bucket");
    let console = values.get("console") == "true";
    let mut statements = Vec::new();
    let mut explanations = Vec::new();
    if console {
        statements.extend(oss_folder::console_statements(bucket));
        explanations.push(explanation(
            0,
            "Lets the console list buckets, so the bucket can be opened from the bucket list (`oss:ListBuckets` is a service-level action on `acs:oss:*:*:*`).".to_owned(),
            "允许控制台列出存储空间，以便从列表中打开该存储空间（`oss:ListBuckets` 是服务级操作，资源为 `acs:oss:*:*:*`）。".to_owned(),
            oss_folder::SRC_LIST_AND_READ,
            true,
        ));
        explanations.push(explanation(
            1,
            format!("Lets the console read `{bucket}`'s ACL, information, statistics and tags when it opens the bucket. The documented console policy grants these on `acs:oss:*:*:*`; here they are narrowed to this bucket (derived)."),
            format!("允许控制台在打开 `{bucket}` 时读取其 ACL、基本信息、统计和标签。文档中的控制台示例在 `acs:oss:*:*:*` 上授予这些操作；此处收窄到该存储空间（推导所得）。"),
            oss_folder::SRC_LIST_AND_READ,
            false,
        ));
    }
    statements.push(BuilderStatement::new(
        Effect::Allow,
        &["oss:ListObjects"],
        &[&format!("acs:oss:*:*:{bucket}")],
    ));
    explanations.push(explanation(
        statements.len() - 1,
        format!("Lets the identity list the objects in `{bucket}`. `oss:ListObjects` is a bucket-level action, so its resource is the bucket itself."),
        format!("允许列举 `{bucket}` 中的对象。`oss:ListObjects` 是存储空间级操作，资源是存储空间本身。"),
        oss_folder::SRC_LIST_AND_READ,
        true,
    ));
    let mut object_actions = vec!["oss:GetObject"];
    if console {
        object_actions.push("oss:GetObjectAcl");
    }
    statements.push(BuilderStatement::new(
        Effect::Allow,
        &object_actions,
        &[&format!("acs:oss:*:*:{bucket}/*")],
    ));
    explanations.push(explanation(
        statements.len() - 1,
        format!("Lets the identity download every object in `{bucket}`{}. Object-level actions take `bucket/*`, not the bucket.", if console { " and read its ACL (the console checks it)" } else { "" }),
        format!("允许下载 `{bucket}` 中的所有对象{}。对象级操作的资源是 `存储空间/*`，而不是存储空间本身。", if console { "并读取其 ACL（控制台会检查）" } else { "" }),
        oss_folder::SRC_LIST_AND_READ,
        true,
    ));
    Ok((doc_of(statements), explanations))
}

// --- oss-folder -----------------------------------------------------------------------

const OSS_FOLDER: Template = Template {
    id: "oss-folder",
    title_en: "Read or read-write access to one OSS folder",
    title_zh: "读或读写一个 OSS 目录",
    description_en: "Grant a RAM identity read or read-write on `bucket/dir/`, working in SDKs and, with `console=true`, in the OSS console (parent-prefix listing with `oss:Prefix` and `oss:Delimiter`, ListBuckets).",
    description_zh: "授予 RAM 身份对 `存储空间/目录/` 的读或读写权限，SDK 可用；`console=true` 时 OSS 控制台也可用（以 `oss:Prefix` 和 `oss:Delimiter` 逐级列举上级目录，以及 ListBuckets）。",
    params: &[
        BUCKET,
        Param {
            name: "dir",
            kind: ParamKind::OssFolder,
            default: None,
            example: "hangzhou/2015",
            help_en: "the folder, such as `team/reports` (a trailing `/` is added)",
            help_zh: "目录，例如 `team/reports`（会自动补上末尾的 `/`）",
        },
        Param {
            name: "access",
            kind: ParamKind::Choice(&["read", "read-write"]),
            default: Some("read"),
            example: "read",
            help_en: "`read` (list and download) or `read-write` (also upload and delete)",
            help_zh: "`read`（列举和下载）或 `read-write`（还可上传和删除）",
        },
        Param {
            name: "console",
            kind: ParamKind::Bool,
            default: Some("true"),
            example: "true",
            help_en: "also allow what the OSS console needs to reach the folder",
            help_zh: "同时授予 OSS 控制台进入该目录所需的权限",
        },
    ],
    sources: &[
        oss_folder::SRC_CONSOLE_DIR,
        oss_folder::SRC_LIST_AND_READ,
        oss_folder::SRC_PREFIX,
        oss_folder::SRC_READ_WRITE,
        oss_folder::SRC_LEVELS,
    ],
    unconfirmed: &[
        "With console=true, the bucket reads are granted on the bucket only; the documented console policy grants them on acs:oss:*:*:*.",
        "Listing inside the folder is a statement of its own without an oss:Delimiter condition, so recursive listing works; the documented console example puts `dir/*` in the same statement as the parents, with the delimiter.",
    ],
    build: build_oss_folder,
};

fn build_oss_folder(values: &Values) -> Result<Built, Vec<ParamError>> {
    let access = FolderAccess::parse(values.get("access")).unwrap_or(FolderAccess::Read);
    oss_folder::oss_folder_access(
        values.get("bucket"),
        values.get("dir"),
        access,
        values.get("console") == "true",
    )
    .map_err(|errors| {
        errors
            .into_iter()
            .map(|e| ParamError::new(e.field, e.message_en, e.message_zh))
            .collect()
    })
}

// --- log-write-logstore ---------------------------------------------------------------

const SRC_SLS_ACTIONS: &str = "https://www.alibabacloud.com/help/doc-detail/29051.html (SLS action list: PutLogs is authorised by log:PostLogStoreLogs)";
const SRC_SLS_LOGSTORE: &str = "https://www.alibabacloud.com/help/doc-detail/29018.html (acs:log:{#regionId}:{#accountId}:project/{#ProjectName}/logstore/{#LogstoreName})";
const SRC_SLS_EXAMPLE: &str = "aliyun-sls/sls-doc src/dataprocessdemo/defined_role_data_flow_of_cross_account.md (tests/fixtures/corpus/22)";

const LOG_WRITE_LOGSTORE: Template = Template {
    id: "log-write-logstore",
    title_en: "Write logs to one Log Service Logstore",
    title_zh: "向一个日志服务 Logstore 写入日志",
    description_en: "Let an application or agent send logs (PutLogs) to one Logstore and nothing else.",
    description_zh: "允许应用或采集端向一个 Logstore 写入日志（PutLogs），不授予其他权限。",
    params: &[
        Param {
            name: "project",
            kind: ParamKind::Name,
            default: None,
            example: "log-project-prod",
            help_en: "the Log Service project",
            help_zh: "日志服务 Project",
        },
        Param {
            name: "logstore",
            kind: ParamKind::Name,
            default: None,
            example: "access_log_output",
            help_en: "the Logstore in that project",
            help_zh: "该 Project 中的 Logstore",
        },
        REGION,
        ACCOUNT,
    ],
    sources: &[SRC_SLS_ACTIONS, SRC_SLS_LOGSTORE, SRC_SLS_EXAMPLE],
    unconfirmed: &["The Logstore resource of log:PostLogStoreLogs is read from the GetLogStore authorization table and the sls-doc example (which grants log:Post* on the same resource); the PutLogs page's own table was not read."],
    build: build_log_write_logstore,
};

fn build_log_write_logstore(values: &Values) -> Result<Built, Vec<ParamError>> {
    let (project, logstore) = (values.get("project"), values.get("logstore"));
    let arn = format!(
        "acs:log:{}:{}:project/{project}/logstore/{logstore}",
        values.get("region"),
        values.get("account")
    );
    let statements = vec![BuilderStatement::new(
        Effect::Allow,
        &["log:PostLogStoreLogs"],
        &[&arn],
    )];
    let explanations = vec![explanation(
        0,
        format!("Lets the identity write logs to Logstore `{logstore}` of project `{project}`. Log Service authorises the PutLogs API with `log:PostLogStoreLogs`; reading, querying and managing the Logstore stay denied."),
        format!("允许向 Project `{project}` 的 Logstore `{logstore}` 写入日志。日志服务以 `log:PostLogStoreLogs` 授权 PutLogs 接口；读取、查询和管理 Logstore 仍被拒绝。"),
        SRC_SLS_ACTIONS,
        true,
    )];
    Ok((doc_of(statements), explanations))
}

// --- maxcompute-project-metadata-read -------------------------------------------------

const SRC_ODPS_API: &str = "https://help.aliyun.com/zh/maxcompute/api-maxcompute-2022-01-04-getproject ; https://help.aliyun.com/zh/maxcompute/user-guide/api-maxcompute-2022-01-04-listtables ; https://help.aliyun.com/zh/maxcompute/user-guide/api-maxcompute-2022-01-04-gettableinfo (resource type Project: acs:odps:{#regionId}:{#accountId}:projects/{#ProjectName})";
const SRC_ODPS_ACL: &str = "https://www.alibabacloud.com/help/doc-detail/27935.htm (MaxCompute ACL privileges; ram-facts 4.3)";

const MAXCOMPUTE_PROJECT_METADATA_READ: Template = Template {
    id: "maxcompute-project-metadata-read",
    title_en: "Read one MaxCompute project's metadata",
    title_zh: "读取一个 MaxCompute 项目的元数据",
    description_en: "Read a MaxCompute project's information, its table list and each table's schema through the MaxCompute OpenAPI. Reading table data is a MaxCompute permission (GRANT in the project), not a RAM one.",
    description_zh: "通过 MaxCompute OpenAPI 读取项目信息、表列表和表结构。读取表数据需要 MaxCompute 项目内的授权（GRANT），不是 RAM 权限。",
    params: &[
        Param {
            name: "project",
            kind: ParamKind::Name,
            default: None,
            example: "odps_project",
            help_en: "the MaxCompute project name",
            help_zh: "MaxCompute 项目名称",
        },
        REGION,
        ACCOUNT,
    ],
    sources: &[SRC_ODPS_API, SRC_ODPS_ACL],
    unconfirmed: &[],
    build: build_maxcompute_metadata,
};

fn build_maxcompute_metadata(values: &Values) -> Result<Built, Vec<ParamError>> {
    let project = values.get("project");
    let arn = format!(
        "acs:odps:{}:{}:projects/{project}",
        values.get("region"),
        values.get("account")
    );
    let statements = vec![BuilderStatement::new(
        Effect::Allow,
        &["odps:GetProject", "odps:ListTables", "odps:GetTableInfo"],
        &[&arn],
    )];
    let explanations = vec![explanation(
        0,
        format!("Lets the identity read project `{project}`'s information, list its tables and read each table's schema through the MaxCompute OpenAPI (the three operations' documented resource is the project). It grants no access to table data: that is governed inside the project by MaxCompute ACLs and policies."),
        format!("允许通过 MaxCompute OpenAPI 读取项目 `{project}` 的信息、列出其中的表并读取表结构（这三个操作文档所列的资源均为项目）。它不授予表数据的访问权限：表数据由项目内的 MaxCompute ACL 和策略控制。"),
        SRC_ODPS_API,
        true,
    )];
    Ok((doc_of(statements), explanations))
}

// --- deny-outside-ip-range ------------------------------------------------------------

const SRC_IP_DENY: &str = "https://www.alibabacloud.com/help/doc-detail/141577.htm (RAM: deny access from outside an IP range; tests/fixtures/corpus/11)";
const SRC_S4: &str =
    "AlibabaCloudDocs/ram:intl.en-US/Policy Management/Policy language/Policy elements.md";

const ACTIONS_ALL: Param = Param {
    name: "actions",
    kind: ParamKind::ActionList,
    default: Some("*"),
    example: "*",
    help_en: "the actions to deny, comma-separated (`*` for all)",
    help_zh: "要拒绝的操作，以逗号分隔（`*` 表示全部）",
};

const DENY_OUTSIDE_IP_RANGE: Template = Template {
    id: "deny-outside-ip-range",
    title_en: "Deny requests from outside an IP range",
    title_zh: "拒绝来自指定 IP 范围之外的请求",
    description_en: "A Deny to attach beside other policies: requests whose source address is outside the given ranges are refused, whatever else allows them.",
    description_zh: "与其他策略一同挂载的拒绝策略：来源地址不在指定范围内的请求一律被拒绝，无论其他策略如何允许。",
    params: &[
        Param {
            name: "cidrs",
            kind: ParamKind::CidrList,
            default: None,
            example: "192.0.2.0/24,203.0.113.2",
            help_en: "the allowed public addresses or CIDR blocks, comma-separated",
            help_zh: "允许的公网地址或网段，以逗号分隔",
        },
        ACTIONS_ALL,
    ],
    sources: &[SRC_IP_DENY, SRC_S4],
    unconfirmed: &["One older policy-elements page says a single acs:SourceIp value must be an address, not a CIDR block, while the KMS page shows a single CIDR block (ram-facts 1.7); the template always writes the values as an array."],
    build: build_deny_outside_ip,
};

fn build_deny_outside_ip(values: &Values) -> Result<Built, Vec<ParamError>> {
    let cidrs = values.list("cidrs");
    let actions = values.list("actions");
    let cidr_refs: Vec<&str> = cidrs.iter().map(String::as_str).collect();
    let action_refs: Vec<&str> = actions.iter().map(String::as_str).collect();
    let statements = vec![BuilderStatement::new(Effect::Deny, &action_refs, &["*"])
        .with_condition("NotIpAddress", "acs:SourceIp", &cidr_refs)];
    let shown: Vec<String> = cidrs.iter().map(|c| format!("`{c}`")).collect();
    let explanations = vec![explanation(
        0,
        format!("Denies {} on every resource when the request's source address (`acs:SourceIp`) is not in {}. An explicit Deny wins over any Allow, so this only ever takes access away.", describe_actions(&actions, Lang::En), shown.join(", ")),
        format!("当请求的来源地址（`acs:SourceIp`）不在 {} 之内时，拒绝对所有资源执行{}。显式拒绝优先于任何允许，因此这条策略只会收回权限。", shown.join("、"), describe_actions(&actions, Lang::Zh)),
        SRC_IP_DENY,
        true,
    )];
    Ok((doc_of(statements), explanations))
}

fn describe_actions(actions: &[String], lang: Lang) -> String {
    if actions.iter().any(|a| a == "*") {
        return lang.pick("every action", "所有操作").to_owned();
    }
    let shown: Vec<String> = actions.iter().map(|a| format!("`{a}`")).collect();
    shown.join(lang.pick(", ", "、"))
}

// --- require-mfa ----------------------------------------------------------------------

const SRC_MFA_EXAMPLE: &str = "alibabacloud-automation/terraform-alicloud-ram-policy modules/RamFullAccessOnlyMFAEnabled/main.tf (tests/fixtures/corpus/24)";
const SRC_MFA_AK: &str =
    "[3P] field notes (ram-facts S60): acs:MFAPresent is not evaluated for AccessKey calls";

const REQUIRE_MFA: Template = Template {
    id: "require-mfa",
    title_en: "Require MFA for sensitive actions",
    title_zh: "敏感操作须经 MFA",
    description_en: "A Deny to attach beside other policies: the given actions (RAM management by default) are refused unless the user signed in with MFA.",
    description_zh: "与其他策略一同挂载的拒绝策略：除非用户登录时使用了 MFA，否则拒绝指定操作（默认是 RAM 管理操作）。",
    params: &[Param {
        name: "actions",
        kind: ParamKind::ActionList,
        default: Some("ram:*"),
        example: "ram:*",
        help_en: "the actions that need MFA, comma-separated (`*` also blocks enrolling an MFA device without one)",
        help_zh: "需要 MFA 的操作，以逗号分隔（`*` 会连未绑定 MFA 的用户绑定 MFA 设备也一并拒绝）",
    }],
    sources: &[SRC_MFA_EXAMPLE, SRC_S4, SRC_MFA_AK],
    unconfirmed: &["A third-party field report says acs:MFAPresent is not evaluated for calls signed with an AccessKey, so this Deny would not stop them; not confirmed officially."],
    build: build_require_mfa,
};

fn build_require_mfa(values: &Values) -> Result<Built, Vec<ParamError>> {
    let actions = values.list("actions");
    let action_refs: Vec<&str> = actions.iter().map(String::as_str).collect();
    let statements = vec![BuilderStatement::new(Effect::Deny, &action_refs, &["*"])
        .with_condition("Bool", "acs:MFAPresent", &["false"])];
    let explanations = vec![explanation(
        0,
        format!("Denies {} when the user did not sign in with MFA (`acs:MFAPresent` is `false`). A third-party report says the key is not evaluated for AccessKey calls (unconfirmed); keep AccessKeys away from identities this protects.", describe_actions(&actions, Lang::En)),
        format!("当用户登录时未使用 MFA（`acs:MFAPresent` 为 `false`）时，拒绝{}。第三方资料称使用 AccessKey 的调用不会判断该条件键（未经证实）；受此策略保护的身份不应持有 AccessKey。", describe_actions(&actions, Lang::Zh)),
        SRC_MFA_EXAMPLE,
        true,
    )];
    Ok((doc_of(statements), explanations))
}

// --- require-https --------------------------------------------------------------------

const SRC_HTTPS: &str = "https://www.alibabacloud.com/help/en/ram/access-alibaba-cloud-by-using-a-specified-method (tests/fixtures/corpus/15)";

const REQUIRE_HTTPS: Template = Template {
    id: "require-https",
    title_en: "Require HTTPS",
    title_zh: "要求使用 HTTPS",
    description_en: "A Deny to attach beside other policies: requests sent over plain HTTP are refused.",
    description_zh: "与其他策略一同挂载的拒绝策略：通过明文 HTTP 发送的请求一律被拒绝。",
    params: &[ACTIONS_ALL],
    sources: &[SRC_HTTPS, SRC_S4],
    unconfirmed: &["The documented example allows actions only when acs:SecureTransport is `true`; writing it as a Deny when `false` is derived (the same key and values, the opposite effect)."],
    build: build_require_https,
};

fn build_require_https(values: &Values) -> Result<Built, Vec<ParamError>> {
    let actions = values.list("actions");
    let action_refs: Vec<&str> = actions.iter().map(String::as_str).collect();
    let statements = vec![BuilderStatement::new(Effect::Deny, &action_refs, &["*"])
        .with_condition("Bool", "acs:SecureTransport", &["false"])];
    let explanations = vec![explanation(
        0,
        format!("Denies {} when the request does not come over HTTPS (`acs:SecureTransport` is `false`). The documented example allows only when the key is `true`; the Deny form is derived, and works beside any policy that allows.", describe_actions(&actions, Lang::En)),
        format!("当请求不是通过 HTTPS 发送（`acs:SecureTransport` 为 `false`）时，拒绝{}。文档示例是在该键为 `true` 时才允许；此处的拒绝写法为推导所得，可与任何允许策略并用。", describe_actions(&actions, Lang::Zh)),
        SRC_HTTPS,
        false,
    )];
    Ok((doc_of(statements), explanations))
}

/// A template as the CLI and web list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateDescription {
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub params: Vec<ParamDescription>,
    pub sources: &'static [&'static str],
    pub unconfirmed: &'static [&'static str],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamDescription {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub required: bool,
    pub default: Option<&'static str>,
    pub example: &'static str,
    /// For `choice` parameters.
    pub values: Vec<&'static str>,
    pub help: &'static str,
}

pub fn describe(lang: Lang) -> Vec<TemplateDescription> {
    TEMPLATES
        .iter()
        .map(|t| TemplateDescription {
            id: t.id,
            title: t.title(lang),
            description: t.description(lang),
            params: t
                .params
                .iter()
                .map(|p| ParamDescription {
                    name: p.name,
                    kind: p.kind.type_name(),
                    required: p.default.is_none(),
                    default: p.default,
                    example: p.example,
                    values: match p.kind {
                        ParamKind::Choice(values) => values.to_vec(),
                        _ => Vec::new(),
                    },
                    help: lang.pick(p.help_en, p.help_zh),
                })
                .collect(),
            sources: t.sources,
            unconfirmed: t.unconfirmed,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_well_formed() {
        let mut ids: Vec<&str> = TEMPLATES.iter().map(|t| t.id).collect();
        assert!(ids.len() >= 6);
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TEMPLATES.len());
        for t in TEMPLATES {
            assert!(!t.sources.is_empty(), "{}", t.id);
            assert!(
                t.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                t.id
            );
            for p in t.params {
                assert!(check_value(p, p.example).is_ok(), "{} {}", t.id, p.name);
                if let Some(default) = p.default {
                    assert!(check_value(p, default).is_ok(), "{} {}", t.id, p.name);
                }
            }
        }
    }

    #[test]
    fn parameters_are_checked() {
        let Some(t) = template("oss-folder") else {
            unreachable!()
        };
        let errors = t
            .render(&[("bucket", "Bad"), ("dirr", "x"), ("access", "all")])
            .err()
            .unwrap_or_default();
        let messages: Vec<&str> = errors.iter().map(|e| e.message(Lang::En)).collect();
        assert!(
            messages.iter().any(|m| m.contains("did you mean `dir`?")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("`dir` is required")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("not one of read, read-write")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("not a bucket name")),
            "{messages:?}"
        );
        assert_eq!(suggest("oss-foldr"), Some("oss-folder"));
    }

    #[test]
    fn credentials_are_refused_and_not_echoed() {
        let Some(t) = template("log-write-logstore") else {
            unreachable!()
        };
        let key = "LTAI5tAbCdEfGhIjKlMnOpQr";
        let errors = t
            .render(&[("project", key), ("logstore", "l")])
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(!errors[0].message_en.contains(key));
        assert!(!errors[0].message_zh.contains(key));
    }
}

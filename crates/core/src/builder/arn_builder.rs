//! The ARN builder: the documented resource shapes of each service, as fields a form fills
//! in, with `*` ("any") allowed per field.
//!
//! `acs:<service>:<region>:<account>:<relative-id>` (ram-facts 1.5). Every shape records where
//! it was read; a shape seen only in third-party material says so. [`parse_arn`] and [`build`]
//! are inverses: `build(p.shape, &p.values())` gives back the ARN `p` was parsed from, for any
//! ARN [`crate::arn::parse`] accepts (ARNs no shape fits parse as the [`GENERIC`] shape).

use serde::Serialize;

use crate::arn;
use crate::finding::Lang;

/// One resource type of one service.
#[derive(Debug, Serialize)]
pub struct ArnShape {
    /// Stable id (`oss-object`).
    pub id: &'static str,
    /// The RAM code of the service whose actions take this resource (`oss`), or `*` for the
    /// generic shape.
    pub service: &'static str,
    /// The service name written in the ARN; `None` for the generic shape, where it is a
    /// field.
    pub arn_service: Option<&'static str>,
    pub title_en: &'static str,
    pub title_zh: &'static str,
    /// What the region field holds when the user leaves it: `*`, or empty for RAM, whose
    /// ARNs leave the region out (`acs:ram::<uid>:role/<name>`).
    pub default_region: &'static str,
    /// The relative id: literal text and fields.
    pub relative: &'static [Part],
    pub source: &'static str,
    /// False when the shape is seen only in third-party material.
    pub confirmed: bool,
}

#[derive(Debug, Serialize)]
pub enum Part {
    Lit(&'static str),
    Field(FieldSpec),
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct FieldSpec {
    pub name: &'static str,
    pub label_en: &'static str,
    pub label_zh: &'static str,
    pub kind: FieldKind,
    pub example: &'static str,
}

/// What a field may hold. Every kind takes `*` for "any".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FieldKind {
    /// The service name in a generic ARN: anything non-empty without `:` (the linter judges
    /// whether the service exists).
    Service,
    /// `cn-hangzhou`, `*`, or empty.
    Region,
    /// A 16-digit account ID or `*` (ram-facts S59).
    Account,
    /// An OSS bucket name: 3-63 lowercase letters, digits and `-`, starting and ending with
    /// a letter or digit (OSS bucket naming conventions); `*` and `?` allowed as wildcards.
    Bucket,
    /// An OSS object key or key pattern: 1-1,023 bytes, not starting with `/` or `\` (OSS
    /// object naming conventions); may contain `/` and wildcards.
    ObjectKey,
    /// One path segment (a project, Logstore, instance or cluster name): no `/`, `:` or
    /// white space; wildcards allowed. The services' own naming rules are not checked.
    Segment,
    /// A RAM role name: 1-64 letters, digits, `.`, `-` (ram-facts 3); older docs also allow
    /// `_`, so it is accepted.
    RoleName,
    /// Anything non-empty: the relative id of a generic ARN.
    Any,
}

const REGION: FieldSpec = FieldSpec {
    name: "region",
    label_en: "Region",
    label_zh: "地域",
    kind: FieldKind::Region,
    example: "cn-hangzhou",
};
const ACCOUNT: FieldSpec = FieldSpec {
    name: "account",
    label_en: "Account ID",
    label_zh: "账号 ID",
    kind: FieldKind::Account,
    example: "1234567890123456",
};

const fn field(
    name: &'static str,
    label_en: &'static str,
    label_zh: &'static str,
    kind: FieldKind,
    example: &'static str,
) -> Part {
    Part::Field(FieldSpec {
        name,
        label_en,
        label_zh,
        kind,
        example,
    })
}

/// RAM policy-elements doc (ram-facts S4): the ARN format and the OSS and ECS examples.
const SRC_S4: &str =
    "AlibabaCloudDocs/ram:intl.en-US/Policy Management/Policy language/Policy elements.md";
/// OSS: list-and-read example policies and the authorization page (ram-facts S58, S10).
const SRC_OSS: &str = "https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements ; https://www.alibabacloud.com/help/en/ram/list-and-read-resources-in-a-bucket";
/// SLS API reference, "Authentication resources" of GetLogStore and PutLogStoreConfig.
const SRC_LOG_LOGSTORE: &str = "https://www.alibabacloud.com/help/doc-detail/29018.html (GetLogStore: acs:log:{#regionId}:{#accountId}:project/{#ProjectName}/logstore/{#LogstoreName})";
/// SLS custom-policy examples: `project/<name>` and `project/*`.
const SRC_LOG_PROJECT: &str =
    "https://help.aliyun.com/en/sls/use-custom-policies-to-grant-permissions-to-a-ram-user";
/// MaxCompute API reference (GetProject, ListTables, GetTableInfo): resource type Project.
const SRC_ODPS: &str = "https://help.aliyun.com/zh/maxcompute/user-guide/api-maxcompute-2022-01-04-gettableinfo (acs:odps:{#regionId}:{#accountId}:projects/{#ProjectName})";
/// STS AssumeRole (ram-facts S18): `acs:ram::<uid>:role/<roleName>`.
const SRC_RAM_ROLE: &str =
    "AlibabaCloudDocs/ram:intl.en-US/API Reference (STS)/Operation interfaces/AssumeRole.md";
/// RAM example policies for users managing their own AccessKeys and MFA devices.
const SRC_RAM_USER: &str = "AlibabaCloudDocs/ram:intl.en-US/Policy Management/Example policies/Authorize a RAM user to manage AccessKey pairs.md";
/// Hologres RAM page (ram-facts S56).
const SRC_HOLOGRAM: &str =
    "https://help.aliyun.com/en/hologres/developer-reference/api-hologram-2022-06-01-ram";
/// ACK custom-policy guide (corpus 41).
const SRC_CS: &str = "https://www.alibabacloud.com/help/zh/container-service-for-kubernetes/latest/create-a-custom-ram-policy";
/// A third-party script of RAM policies (corpus 37); no official page was read.
const SRC_RDS: &str = "[3P] zhq1/linux aliyun/RAM_ACL.sh (tests/fixtures/corpus/37)";

/// Every shape, most specific first within a service (parsing tries them in this order).
pub static SHAPES: &[ArnShape] = &[
    ArnShape {
        id: "oss-all",
        service: "oss",
        arn_service: Some("oss"),
        title_en: "All of OSS (service-level actions such as ListBuckets)",
        title_zh: "整个 OSS（ListBuckets 等服务级操作）",
        default_region: "*",
        relative: &[Part::Lit("*")],
        source: SRC_OSS,
        confirmed: true,
    },
    ArnShape {
        id: "oss-object",
        service: "oss",
        arn_service: Some("oss"),
        title_en: "OSS objects (object-level actions such as GetObject)",
        title_zh: "OSS 对象（GetObject 等对象级操作）",
        default_region: "*",
        relative: &[
            field(
                "bucket",
                "Bucket",
                "存储空间",
                FieldKind::Bucket,
                "examplebucket",
            ),
            Part::Lit("/"),
            field(
                "key",
                "Object key or prefix*",
                "对象名或前缀*",
                FieldKind::ObjectKey,
                "dir/*",
            ),
        ],
        source: SRC_OSS,
        confirmed: true,
    },
    ArnShape {
        id: "oss-bucket",
        service: "oss",
        arn_service: Some("oss"),
        title_en: "OSS bucket (bucket-level actions such as ListObjects)",
        title_zh: "OSS 存储空间（ListObjects 等存储空间级操作）",
        default_region: "*",
        relative: &[field(
            "bucket",
            "Bucket",
            "存储空间",
            FieldKind::Bucket,
            "examplebucket",
        )],
        source: SRC_OSS,
        confirmed: true,
    },
    ArnShape {
        id: "log-logstore",
        service: "log",
        arn_service: Some("log"),
        title_en: "Log Service Logstore",
        title_zh: "日志服务 Logstore",
        default_region: "*",
        relative: &[
            Part::Lit("project/"),
            field(
                "project",
                "Project",
                "Project",
                FieldKind::Segment,
                "log-project-prod",
            ),
            Part::Lit("/logstore/"),
            field(
                "logstore",
                "Logstore",
                "Logstore",
                FieldKind::Segment,
                "access_log",
            ),
        ],
        source: SRC_LOG_LOGSTORE,
        confirmed: true,
    },
    ArnShape {
        id: "log-project",
        service: "log",
        arn_service: Some("log"),
        title_en: "Log Service project",
        title_zh: "日志服务 Project",
        default_region: "*",
        relative: &[
            Part::Lit("project/"),
            field(
                "project",
                "Project",
                "Project",
                FieldKind::Segment,
                "log-project-prod",
            ),
        ],
        source: SRC_LOG_PROJECT,
        confirmed: true,
    },
    ArnShape {
        id: "odps-project",
        service: "odps",
        arn_service: Some("odps"),
        title_en: "MaxCompute project",
        title_zh: "MaxCompute 项目",
        default_region: "*",
        relative: &[
            Part::Lit("projects/"),
            field(
                "project",
                "Project",
                "项目",
                FieldKind::Segment,
                "odps_project",
            ),
        ],
        source: SRC_ODPS,
        confirmed: true,
    },
    ArnShape {
        id: "ram-role",
        service: "ram",
        arn_service: Some("ram"),
        title_en: "RAM role",
        title_zh: "RAM 角色",
        default_region: "",
        relative: &[
            Part::Lit("role/"),
            field(
                "role",
                "Role name",
                "角色名称",
                FieldKind::RoleName,
                "examplerole",
            ),
        ],
        source: SRC_RAM_ROLE,
        confirmed: true,
    },
    ArnShape {
        id: "ram-user",
        service: "ram",
        arn_service: Some("ram"),
        title_en: "RAM user",
        title_zh: "RAM 用户",
        default_region: "*",
        relative: &[
            Part::Lit("user/"),
            field("user", "User name", "用户名", FieldKind::Segment, "alice"),
        ],
        source: SRC_RAM_USER,
        confirmed: true,
    },
    ArnShape {
        id: "ecs-instance",
        service: "ecs",
        arn_service: Some("ecs"),
        title_en: "ECS instance",
        title_zh: "ECS 实例",
        default_region: "*",
        relative: &[
            Part::Lit("instance/"),
            field(
                "instance",
                "Instance ID",
                "实例 ID",
                FieldKind::Segment,
                "i-bp1example",
            ),
        ],
        source: SRC_S4,
        confirmed: true,
    },
    ArnShape {
        id: "hologram-instance",
        service: "hologram",
        arn_service: Some("hologram"),
        title_en: "Hologres instance",
        title_zh: "Hologres 实例",
        default_region: "*",
        relative: &[
            Part::Lit("instance/"),
            field(
                "instance",
                "Instance ID",
                "实例 ID",
                FieldKind::Segment,
                "hgpostcn-cn-example",
            ),
        ],
        source: SRC_HOLOGRAM,
        confirmed: true,
    },
    ArnShape {
        id: "cs-cluster",
        service: "cs",
        arn_service: Some("cs"),
        title_en: "Container Service (ACK) cluster",
        title_zh: "容器服务 ACK 集群",
        default_region: "*",
        relative: &[
            Part::Lit("cluster/"),
            field(
                "cluster",
                "Cluster ID",
                "集群 ID",
                FieldKind::Segment,
                "c1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d",
            ),
        ],
        source: SRC_CS,
        confirmed: true,
    },
    ArnShape {
        id: "rds-instance",
        service: "rds",
        arn_service: Some("rds"),
        title_en: "RDS instance",
        title_zh: "RDS 实例",
        default_region: "*",
        relative: &[
            Part::Lit("dbinstance/"),
            field(
                "instance",
                "Instance ID",
                "实例 ID",
                FieldKind::Segment,
                "rm-example",
            ),
        ],
        source: SRC_RDS,
        confirmed: false,
    },
];

/// Any ARN: service, region, account and relative id as free fields (ram-facts 1.5).
pub static GENERIC: ArnShape = ArnShape {
    id: "generic",
    service: "*",
    arn_service: None,
    title_en: "Any resource (fields as written)",
    title_zh: "任意资源（按原样填写各字段）",
    default_region: "*",
    relative: &[field(
        "relative_id",
        "Resource (relative id)",
        "资源（相对 ID）",
        FieldKind::Any,
        "instance/*",
    )],
    source: SRC_S4,
    confirmed: true,
};

const SERVICE: FieldSpec = FieldSpec {
    name: "service",
    label_en: "Service",
    label_zh: "服务",
    kind: FieldKind::Service,
    example: "ecs",
};

/// In a generic ARN, region and account only need to stay one field (no `:`).
const SERVICE_SEGMENT_REGION: FieldSpec = FieldSpec {
    kind: FieldKind::Segment,
    ..REGION
};
const SERVICE_SEGMENT_ACCOUNT: FieldSpec = FieldSpec {
    kind: FieldKind::Segment,
    ..ACCOUNT
};

impl ArnShape {
    /// Every field in ARN order: (service for the generic shape), region, account, then
    /// the relative id's fields.
    pub fn fields(&self) -> Vec<FieldSpec> {
        let mut out = Vec::new();
        if self.arn_service.is_none() {
            out.push(SERVICE);
        }
        out.push(REGION);
        out.push(ACCOUNT);
        for part in self.relative {
            if let Part::Field(spec) = part {
                out.push(*spec);
            }
        }
        out
    }

    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.title_en, self.title_zh)
    }

    /// The shape written with placeholders: `acs:oss:{region}:{account}:{bucket}/{key}`.
    pub fn template(&self) -> String {
        let mut out = format!(
            "acs:{}:{{region}}:{{account}}:",
            self.arn_service.unwrap_or("{service}")
        );
        for part in self.relative {
            match part {
                Part::Lit(text) => out.push_str(text),
                Part::Field(spec) => {
                    out.push('{');
                    out.push_str(spec.name);
                    out.push('}');
                }
            }
        }
        out
    }
}

/// The shapes for one service's actions (by RAM code), then the generic shape.
pub fn shapes_for(service: &str) -> Vec<&'static ArnShape> {
    SHAPES
        .iter()
        .filter(|s| s.service.eq_ignore_ascii_case(service))
        .chain(std::iter::once(&GENERIC))
        .collect()
}

pub fn shape(id: &str) -> Option<&'static ArnShape> {
    SHAPES
        .iter()
        .chain(std::iter::once(&GENERIC))
        .find(|s| s.id == id)
}

/// A field value the builder refuses, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message_en: String,
    pub message_zh: String,
}

impl FieldError {
    fn new(field: &str, en: String, zh: String) -> Self {
        FieldError {
            field: field.to_owned(),
            message_en: en,
            message_zh: zh,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        lang.pick(&self.message_en, &self.message_zh).clone()
    }
}

/// Checks one field value. `*` (any) is always accepted.
pub fn check_field(spec: &FieldSpec, value: &str) -> Result<(), FieldError> {
    let name = spec.name;
    let err = |en: String, zh: String| Err(FieldError::new(name, en, zh));
    if value == "*" {
        return Ok(());
    }
    let wild = |c: char| c == '*' || c == '?';
    match spec.kind {
        FieldKind::Service => {
            if value.is_empty() || value.contains(':') {
                return err(
                    format!("`{value}` is not a service name such as `ecs`"),
                    format!("`{value}` 不是 `ecs` 这样的服务名称"),
                );
            }
        }
        FieldKind::Region => {
            if !value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || wild(c))
            {
                return err(
                    format!("`{value}` is not a region ID such as `cn-hangzhou`; `*` means any"),
                    format!("`{value}` 不是 `cn-hangzhou` 这样的地域 ID；`*` 表示任意"),
                );
            }
        }
        FieldKind::Account => {
            if !arn::is_account_id(value) {
                return err(
                    format!("`{value}` is not an account ID: 16 digits, or `*` for any"),
                    format!("`{value}` 不是账号 ID：应为 16 位数字，或用 `*` 表示任意"),
                );
            }
        }
        FieldKind::Bucket => {
            let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
            let has_wildcard = value.chars().any(wild);
            let chars_ok = value.chars().all(|c| allowed(c) || wild(c));
            let ends_ok =
                value.starts_with(|c: char| c != '-') && value.ends_with(|c: char| c != '-');
            let length_ok = has_wildcard || (3..=63).contains(&value.len());
            if value.is_empty() || !chars_ok || !ends_ok || !length_ok {
                return err(
                    format!("`{value}` is not a bucket name: 3-63 lowercase letters, digits and `-`, starting and ending with a letter or digit"),
                    format!("`{value}` 不是有效的存储空间名称：3-63 个小写字母、数字或 `-`，以字母或数字开头和结尾"),
                );
            }
        }
        FieldKind::ObjectKey => {
            if value.is_empty() || value.len() > 1023 || value.starts_with(['/', '\\']) {
                return err(
                    format!("`{value}` is not an object key: 1-1,023 bytes, not starting with `/` or `\\`"),
                    format!("`{value}` 不是有效的对象名：1-1023 字节，不能以 `/` 或 `\\` 开头"),
                );
            }
        }
        FieldKind::Segment => {
            if value.is_empty()
                || value
                    .chars()
                    .any(|c| c == '/' || c == ':' || c.is_whitespace())
            {
                return err(
                    format!("`{value}` must be one name, without `/`, `:` or spaces"),
                    format!("`{value}` 应为单个名称，不能包含 `/`、`:` 或空格"),
                );
            }
        }
        FieldKind::RoleName => {
            let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') || wild(c);
            if value.is_empty() || value.chars().count() > 64 || !value.chars().all(ok) {
                return err(
                    format!("`{value}` is not a role name: 1-64 letters, digits, `.` or `-`"),
                    format!("`{value}` 不是有效的角色名称：1-64 个字母、数字、`.` 或 `-`"),
                );
            }
        }
        FieldKind::Any => {
            if value.is_empty() {
                return err(
                    "the resource part is empty; `*` means any".to_owned(),
                    "资源部分为空；`*` 表示任意".to_owned(),
                );
            }
        }
    }
    Ok(())
}

/// Builds an ARN from field values. A field not given takes its default: `*` (any), or for
/// the region of a RAM shape, empty.
pub fn build(shape: &ArnShape, values: &[(&str, &str)]) -> Result<String, Vec<FieldError>> {
    let get = |name: &str| {
        values
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    };
    let mut errors = Vec::new();
    let mut check = |spec: &FieldSpec, value: &str| {
        if let Err(e) = check_field(spec, value) {
            errors.push(e);
        }
    };
    let service = match shape.arn_service {
        Some(s) => s.to_owned(),
        None => {
            let value = get("service").unwrap_or_default();
            check(&SERVICE, value);
            value.to_owned()
        }
    };
    // The generic shape writes region and account as given (the linter judges them), so that
    // any ARN reads back into it and builds to the same text.
    let strict = shape.arn_service.is_some();
    let region = get("region").unwrap_or(shape.default_region);
    if strict && !region.is_empty() {
        check(&REGION, region);
    } else if region.contains(':') {
        check(&SERVICE_SEGMENT_REGION, region);
    }
    let account = get("account").unwrap_or("*");
    if strict {
        check(&ACCOUNT, account);
    } else if account.contains(':') {
        check(&SERVICE_SEGMENT_ACCOUNT, account);
    }
    let mut relative = String::new();
    for part in shape.relative {
        match part {
            Part::Lit(text) => relative.push_str(text),
            Part::Field(spec) => {
                let value = get(spec.name).unwrap_or("*");
                check(spec, value);
                relative.push_str(value);
            }
        }
    }
    if errors.is_empty() {
        Ok(format!("acs:{service}:{region}:{account}:{relative}"))
    } else {
        Err(errors)
    }
}

/// An ARN read back into a shape's fields.
#[derive(Debug, Clone, Serialize)]
pub struct ParsedArn {
    #[serde(skip)]
    pub shape: &'static ArnShape,
    pub shape_id: &'static str,
    /// Field values in the shape's field order.
    pub fields: Vec<(&'static str, String)>,
}

impl PartialEq for ParsedArn {
    fn eq(&self, other: &Self) -> bool {
        self.shape_id == other.shape_id && self.fields == other.fields
    }
}

impl Eq for ParsedArn {}

impl ParsedArn {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The values as `build` takes them.
    pub fn values(&self) -> Vec<(&str, &str)> {
        self.fields.iter().map(|(n, v)| (*n, v.as_str())).collect()
    }
}

/// Reads an ARN as one of `service`'s shapes (by RAM code), or as the generic shape when
/// none fits. `None` when the text is not an ARN or names another service.
pub fn parse_arn(service: &str, text: &str) -> Option<ParsedArn> {
    let parsed = arn::parse(text).ok()?;
    let belongs = crate::catalogue::service(service)
        .map(|s| {
            s.arn_services()
                .any(|a| a.eq_ignore_ascii_case(parsed.service))
        })
        .unwrap_or(false)
        || parsed.service.eq_ignore_ascii_case(service);
    if !belongs {
        return None;
    }
    parse_any(text)
}

/// Reads any ARN: the first shape of its service that fits, else the generic shape.
pub fn parse_any(text: &str) -> Option<ParsedArn> {
    let parsed = arn::parse(text).ok()?;
    for shape in SHAPES
        .iter()
        .filter(|s| s.arn_service == Some(parsed.service))
    {
        if let Some(found) = fit(shape, &parsed) {
            return Some(found);
        }
    }
    let fields = vec![
        ("service", parsed.service.to_owned()),
        ("region", parsed.region.to_owned()),
        ("account", parsed.account.to_owned()),
        ("relative_id", parsed.relative_id.to_owned()),
    ];
    Some(ParsedArn {
        shape: &GENERIC,
        shape_id: GENERIC.id,
        fields,
    })
}

/// Matches the relative id against the shape's parts; every value must pass its check, so
/// that building from them gives the same text back.
fn fit(shape: &'static ArnShape, parsed: &arn::Arn<'_>) -> Option<ParsedArn> {
    if (!parsed.region.is_empty() && check_field(&REGION, parsed.region).is_err())
        || check_field(&ACCOUNT, parsed.account).is_err()
    {
        return None;
    }
    let mut fields = vec![
        ("region", parsed.region.to_owned()),
        ("account", parsed.account.to_owned()),
    ];
    let mut rest = parsed.relative_id;
    let mut parts = shape.relative.iter().peekable();
    while let Some(part) = parts.next() {
        match part {
            Part::Lit(text) => rest = rest.strip_prefix(text)?,
            Part::Field(spec) => {
                let value = match parts.peek() {
                    Some(Part::Lit(next)) => {
                        let at = rest.find(next)?;
                        let (value, after) = rest.split_at(at);
                        rest = after;
                        value
                    }
                    _ => std::mem::take(&mut rest),
                };
                check_field(spec, value).ok()?;
                fields.push((spec.name, value.to_owned()));
            }
        }
    }
    rest.is_empty().then_some(ParsedArn {
        shape,
        shape_id: shape.id,
        fields,
    })
}

/// Changes one field of an ARN and builds it again (the `SetResourceField` edit). A
/// resource that is not an ARN (`*`) is read as the generic shape's relative id.
pub fn set_field(current: &str, field: &str, value: &str) -> Result<String, Vec<FieldError>> {
    let parsed = parse_any(current);
    let (shape, mut values): (&ArnShape, Vec<(&str, String)>) = match &parsed {
        Some(p) => (
            p.shape,
            p.fields.iter().map(|(n, v)| (*n, v.clone())).collect(),
        ),
        None => (&GENERIC, Vec::new()),
    };
    if !shape.fields().iter().any(|f| f.name == field) {
        return Err(vec![FieldError::new(
            field,
            format!("`{}` has no field `{field}`", shape.template()),
            format!("`{}` 没有 `{field}` 字段", shape.template()),
        )]);
    }
    values.retain(|(n, _)| *n != field);
    values.push((field, value.trim().to_owned()));
    let values: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    build(shape, &values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_documented_examples() {
        let oss = shape("oss-object").unwrap_or(&GENERIC);
        assert_eq!(
            build(oss, &[("bucket", "mybucket"), ("key", "dir/*")]),
            Ok("acs:oss:*:*:mybucket/dir/*".to_owned())
        );
        let log = shape("log-logstore").unwrap_or(&GENERIC);
        assert_eq!(
            build(log, &[("project", "p"), ("logstore", "l")]),
            Ok("acs:log:*:*:project/p/logstore/l".to_owned())
        );
        let role = shape("ram-role").unwrap_or(&GENERIC);
        assert_eq!(
            build(role, &[("account", "1234567890123456"), ("role", "reader")]),
            Ok("acs:ram::1234567890123456:role/reader".to_owned())
        );
        assert_eq!(
            shape("log-logstore").map(ArnShape::template),
            Some("acs:log:{region}:{account}:project/{project}/logstore/{logstore}".to_owned())
        );
    }

    #[test]
    fn refuses_bad_fields() {
        let oss = shape("oss-bucket").unwrap_or(&GENERIC);
        let errors = build(oss, &[("bucket", "My_Bucket"), ("account", "12345")])
            .err()
            .unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["account", "bucket"]);
    }

    #[test]
    fn parses_into_the_most_specific_shape() {
        let id = |arn: &str| parse_any(arn).map(|p| p.shape_id);
        assert_eq!(id("acs:oss:*:*:*"), Some("oss-all"));
        assert_eq!(id("acs:oss:*:*:b-1/dir/*"), Some("oss-object"));
        assert_eq!(id("acs:oss:*:*:b-1"), Some("oss-bucket"));
        assert_eq!(id("acs:oss:*:*:Bad_Bucket"), Some("generic"));
        assert_eq!(id("acs:log:*:*:project/p/logstore/l"), Some("log-logstore"));
        assert_eq!(id("acs:log:*:*:project/p"), Some("log-project"));
        assert_eq!(id("acs:log:*:*:project/p/dashboard/d"), Some("generic"));
        assert_eq!(
            id("acs:ram:*:1234567890123456:role/examplerole"),
            Some("ram-role")
        );
        assert_eq!(id("*"), None);
        assert!(parse_arn("oss", "acs:log:*:*:project/p").is_none());
    }

    #[test]
    fn parse_then_build_gives_the_text_back() {
        for arn in [
            "acs:oss:*:*:*",
            "acs:oss:cn-hangzhou:1234567890123456:b-1/a/b/*",
            "acs:ram::1234567890123456:role/r",
            "acs:ram:*:*:user/alice",
            "acs:ecs:cn-qingdao:*:instance/*",
            "acs:odps:*:*:projects/p",
            "acs:foo:x:y:z:w",
            "acs:oss:*:*:UPPER/x",
            "acs:ram::12345678:role/EMRRole",
            "acs:OSS:a b:c:d",
        ] {
            let parsed = parse_any(arn).unwrap_or_else(|| unreachable!("{arn}"));
            assert_eq!(
                build(parsed.shape, &parsed.values()).as_deref(),
                Ok(arn),
                "{arn}"
            );
        }
    }

    #[test]
    fn sets_one_field() {
        assert_eq!(
            set_field("acs:oss:*:*:b-1/dir/*", "bucket", "b-2"),
            Ok("acs:oss:*:*:b-2/dir/*".to_owned())
        );
        assert!(set_field("acs:oss:*:*:b-1", "key", "x").is_err());
        assert_eq!(
            set_field("*", "relative_id", "x"),
            Err(vec![FieldError::new(
                "service",
                "`` is not a service name such as `ecs`".to_owned(),
                "`` 不是 `ecs` 这样的服务名称".to_owned(),
            )])
        );
    }
}

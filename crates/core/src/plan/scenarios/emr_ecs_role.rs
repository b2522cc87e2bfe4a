//! Seed 004: a custom ECS application role for an E-MapReduce cluster, with an OSS policy.

use crate::finding::Severity;
use crate::plan::console::{self, Prose, Trusted};
use crate::plan::emr_version::{generation, EmrVersion, Generation};
use crate::plan::input::{Default, FieldKind, FieldSpec, Inputs, Record, RecordSpec};
use crate::plan::{Account, ArtifactKind, Builder, Expectation, Json, PolicyType, Step};

use super::ScenarioSpec;
use crate::tr;

const SOURCE: &str = "https://www.alibabacloud.com/help/en/emr/emr-on-ecs/user-guide/use-a-custom-ecs-application-role-to-access-other-cloud-resources-in-your-alibaba-cloud-account-19";
const BUCKET_NAMING: &str =
    "https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions";

const BUCKET_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        name: "bucket",
        label_en: "Bucket",
        label_zh: "存储空间（Bucket）",
        help_en: "The OSS bucket name, as the OSS console lists it. It must be in the region where the cluster will be.",
        help_zh: "OSS 存储空间名称，即 OSS 控制台中显示的名称。应与集群位于同一地域。",
        kind: FieldKind::Text,
        required: true,
        default: None,
    },
    FieldSpec {
        name: "access",
        label_en: "Access",
        label_zh: "访问权限",
        help_en: "`read-only` (download and list) or `read-write` (also upload and delete).",
        help_zh: "`read-only`（下载和列举）或 `read-write`（还可上传和删除）。",
        kind: FieldKind::Choice(&["read-only", "read-write"]),
        required: true,
        default: Some(Default::Str("read-only")),
    },
    FieldSpec {
        name: "prefix",
        label_en: "Folder prefix",
        label_zh: "目录前缀",
        help_en: "Optional: limit object access to one folder, such as `warehouse/`. Leave empty for the whole bucket.",
        help_zh: "可选：只允许访问某个目录下的对象，例如 `warehouse/`。留空表示整个存储空间。",
        kind: FieldKind::Text,
        required: false,
        default: None,
    },
];

static FIELDS: &[FieldSpec] = &[
    FieldSpec {
        name: "emr_version",
        label_en: "EMR version",
        label_zh: "EMR 版本",
        help_en: "The version of the cluster you will create, such as `V5.16.0` or `EMR-3.38.3`. It decides the trusted service.",
        help_zh: "将要创建的集群的版本，例如 `V5.16.0` 或 `EMR-3.38.3`。版本决定受信服务。",
        kind: FieldKind::EmrVersion,
        required: true,
        default: None,
    },
    super::role_name("EmrEcsOssRole"),
    FieldSpec {
        name: "policy_name",
        label_en: "Policy name",
        label_zh: "权限策略名称",
        help_en: "The name of the custom policy: 1-128 letters, digits or `-`.",
        help_zh: "自定义权限策略的名称：1-128 个字母、数字或 `-`。",
        kind: FieldKind::PolicyName,
        required: true,
        default: Some(Default::Str("emr-oss-access")),
    },
    FieldSpec {
        name: "oss_buckets",
        label_en: "OSS buckets",
        label_zh: "OSS 存储空间",
        help_en: "The buckets the cluster's nodes may use, each read-only or read-write.",
        help_zh: "集群节点可访问的存储空间，每个可设为只读或读写。",
        kind: FieldKind::Records(&RecordSpec {
            fields: BUCKET_FIELDS,
            item_en: "OSS bucket",
            item_zh: "OSS 存储空间",
        }),
        required: true,
        default: None,
    },
];

pub static SCENARIO: ScenarioSpec = ScenarioSpec {
    id: "emr-ecs-role",
    title_en: "Custom ECS application role for an EMR cluster",
    title_zh: "为 EMR 集群配置自定义 ECS 应用角色",
    summary_en: "Let the nodes of an E-MapReduce cluster read (or write) your OSS buckets through a RAM role, without storing keys on the cluster.",
    summary_zh: "让 E-MapReduce 集群的节点通过 RAM 角色读取（或写入）您的 OSS 存储空间，而无需在集群上保存密钥。",
    source: SOURCE,
    fields: FIELDS,
    build,
};

const READ_ACTIONS: &[&str] = &["oss:GetObject", "oss:ListObjects"];
const WRITE_ACTIONS: &[&str] = &[
    "oss:GetObject",
    "oss:ListObjects",
    "oss:PutObject",
    "oss:DeleteObject",
    "oss:AbortMultipartUpload",
    "oss:ListMultipartUploads",
    "oss:ListParts",
];

/// One checked bucket entry.
struct Bucket {
    name: String,
    write: bool,
    /// Normalised to end in `/`, or empty.
    prefix: String,
}

fn build(inputs: &Inputs, b: &mut Builder) {
    let version_text = inputs.text("emr_version");
    let Some(version) = EmrVersion::parse(version_text) else {
        return;
    };
    let role = inputs.text("role_name");
    let policy_name = inputs.text("policy_name");
    let generation = generation(version);
    if generation == Generation::Unknown {
        let message = tr!(
            b.lang,
            format!("the documentation covers EMR V3.x, V4.x and V5.x or later, not `{version}`"),
            format!("文档只涵盖 EMR V3.x、V4.x 及 V5.x 及以上版本，不包括 `{version}`")
        );
        b.finding("PL601", Severity::Error, Some("emr_version"), message, None);
    }
    let listed = inputs.records("oss_buckets");
    if listed.is_empty() && inputs.get("oss_buckets").is_some() {
        let message = tr!(
            b.lang,
            "`oss_buckets` lists no bucket; the role would grant nothing",
            "`oss_buckets` 中没有任何存储空间；该角色将没有任何权限"
        );
        b.finding("PL602", Severity::Error, Some("oss_buckets"), message, None);
    }
    let buckets = read_buckets(listed, b);
    if buckets.is_empty() || b.findings.iter().any(|f| f.severity == Severity::Error) {
        return;
    }

    let old = generation == Generation::Old;
    let service = if old {
        "emr.aliyuncs.com"
    } else {
        "ecs.aliyuncs.com"
    };

    let mut statements = Vec::new();
    for write in [false, true] {
        let group: Vec<&Bucket> = buckets.iter().filter(|k| k.write == write).collect();
        if group.is_empty() {
            continue;
        }
        let mut resources = Vec::new();
        for bucket in &group {
            resources.push(format!("acs:oss:*:*:{}", bucket.name));
            resources.push(format!("acs:oss:*:*:{}/{}*", bucket.name, bucket.prefix));
        }
        let actions = if write { WRITE_ACTIONS } else { READ_ACTIONS };
        statements.push(Json::obj([
            ("Effect", Json::str("Allow")),
            ("Action", Json::strs(actions.iter().copied())),
            ("Resource", Json::strs(resources)),
        ]));
    }
    let policy = Json::obj([
        ("Version", Json::str("1")),
        ("Statement", Json::Arr(statements)),
    ]);
    b.artifact(
        "permission-policy",
        ArtifactKind::PermissionPolicy,
        tr!(
            b.lang,
            format!("Custom policy `{policy_name}`"),
            format!("自定义权限策略 `{policy_name}`")
        ),
        "permission-policy.json",
        policy.pretty(),
    );
    super::trust_policy_artifact(b, role, super::service_trust_policy(service));
    b.ram_policy(Account::Own, policy_name, "permission-policy");
    b.ram_role(
        Account::Own,
        role,
        "trust-policy",
        &[(PolicyType::Custom, policy_name)],
    );
    expect_trust(b, role, version, old);
    expect_buckets(b, role, &buckets);

    if buckets.iter().any(|k| !k.prefix.is_empty()) {
        let message = tr!(b.lang, "with a folder prefix, objects outside the folder cannot be read or written, but their names can still be listed (`oss:ListObjects` applies to the whole bucket)", "设置目录前缀后，目录之外的对象不能读写，但其名称仍可被列举（`oss:ListObjects` 作用于整个存储空间）");
        b.finding(
            "PL603",
            Severity::Suggestion,
            Some("oss_buckets"),
            message,
            None,
        );
    }
    let message = tr!(b.lang, "each bucket must be in the cluster's region, or its endpoint must be added to the connection strings", "每个存储空间都应与集群位于同一地域，否则需要在连接串中加入该存储空间的 Endpoint");
    b.finding(
        "PL604",
        Severity::Suggestion,
        Some("oss_buckets"),
        message,
        None,
    );

    let prerequisite = tr!(b.lang, "the account must already have E-MapReduce's default roles (a one-time setup: see the `emr-default-roles` plan), and each bucket must exist in the region where the cluster will run", "账号中须已授权 E-MapReduce 的默认角色（一次性操作：参见 `emr-default-roles` 计划），且每个存储空间须已在集群所在地域创建");
    b.finding("PL608", Severity::Suggestion, None, prerequisite, None);

    // Step: create the policy.
    let step = console::EMR_ECS_ROLE.create_custom_policy(
        b.lang,
        Account::Own,
        policy_name,
        tr!(b.lang, "Log on with your Alibaba Cloud account. On the JSON tab, replace the editor's content with the policy below, click OK, enter the name, and click OK again. Each bucket appears twice in the policy: once as the bucket (listing needs it) and once as its objects (reading and writing need those).", "使用阿里云账号登录。在“脚本编辑”页签中，用下方策略替换编辑器中的内容，单击“确定”，填写名称后再次单击“确定”。策略中每个存储空间出现两次：一次是存储空间本身（列举需要），一次是其中的对象（读写需要）。"),
    );
    b.push_ram_step(step);

    // Step: create the role.
    let step = console::EMR_ECS_ROLE.create_role(
        b.lang,
        Account::Own,
        role,
        Trusted::Service(("Elastic Compute Service", "云服务器 ECS")),
        Prose {
            title: tr!(b.lang, "Create the RAM role", "创建 RAM 角色"),
            instructions: tr!(b.lang, "Choose Alibaba Cloud Service as the trusted entity, click Next, fill in the form and click OK.", "选择“阿里云服务”作为可信实体类型，单击“下一步”，按下表填写后单击“确定”。"),
            verify: tr!(
                b.lang,
                format!("`{role}` appears in the role list"),
                format!("角色列表中出现 `{role}`")
            ),
        },
    );
    b.push_ram_step(step);

    if old {
        let mut step = console::EMR_ECS_ROLE.replace_trust_policy(
            b.lang,
            Account::Own,
            role,
            Prose {
                title: tr!(b.lang, "Change the trusted service to EMR", "将受信服务改为 EMR"),
                instructions: tr!(b.lang, format!("Version {version} belongs to the older generation (V3.32.0, V4.5.0 and earlier), whose clusters assume the role through E-MapReduce rather than ECS. Replace the trust policy with the one below, which trusts `emr.aliyuncs.com`, and save it."), format!("版本 {version} 属于较早的一代（V3.32.0、V4.5.0 及更早），这类集群通过 E-MapReduce 而不是 ECS 扮演角色。用下方信任 `emr.aliyuncs.com` 的信任策略替换原内容并保存。")),
                verify: tr!(b.lang, "the Trust Policy tab shows `emr.aliyuncs.com`", "“信任策略”页签中显示 `emr.aliyuncs.com`"),
            },
        );
        step.caution(tr!(b.lang, "if the role still trusts `ecs.aliyuncs.com`, creating a cluster of this version stops with NoPermission", "如果角色仍信任 `ecs.aliyuncs.com`，创建该版本的集群时会因 NoPermission 而失败"));
        b.push_ram_step(step);
    } else {
        let step = console::EMR_ECS_ROLE.check_trust_policy(
            b.lang,
            Account::Own,
            role,
            Prose {
                title: tr!(b.lang, "Check the trust policy", "检查信任策略"),
                instructions: tr!(b.lang, format!("Clusters of {version} assume the role through ECS, so the trust policy the console wrote in the previous step stays as it is. Compare it with the one below; there is nothing to edit."), format!("{version} 的集群通过 ECS 扮演角色，因此上一步中控制台写入的信任策略保持不变。请与下方内容对照，无需修改。")),
                verify: tr!(
                    b.lang,
                    "the Trust Policy tab shows `ecs.aliyuncs.com`",
                    "“信任策略”页签中显示 `ecs.aliyuncs.com`"
                ),
            },
        );
        b.push_ram_step(step);
    }
    let trust_step = b.steps.len();

    let step = console::EMR_ECS_ROLE.grant(
        b.lang,
        Account::Own,
        role,
        console::GRANT_CUSTOM,
        &[policy_name],
        Prose {
            title: tr!(b.lang, "Grant the policy to the role", "为角色授权"),
            instructions: tr!(b.lang, format!("Find `{role}`, click Grant Permission, choose Custom Policy, select `{policy_name}`, click Grant permissions, then Close."), format!("找到 `{role}`，单击“新增授权”，选择“自定义策略”，选中 `{policy_name}`，单击“确认新增授权”后关闭。")),
            verify: tr!(
                b.lang,
                format!("the role's Permissions tab lists `{policy_name}`"),
                format!("角色的“权限管理”页签中列出 `{policy_name}`")
            ),
        },
    );
    b.push_ram_step(step);

    let mut step = Step::new(
        Account::Own,
        tr!(b.lang, "Create the cluster with the role", "使用该角色创建集群"),
        tr!(b.lang, "EMR console > EMR on ECS > Create Cluster > Basic Configuration > Advanced Settings", "EMR 控制台 > EMR on ECS > 创建集群 > 基础配置 > 高级设置"),
        tr!(b.lang, format!("Log on as the account or RAM user that creates clusters. In the top bar choose the region of the buckets and a resource group, click Create Cluster, choose version {version}, and in Advanced Settings enter the name of the role."), format!("以负责创建集群的账号或 RAM 用户登录。在顶部导航栏选择存储空间所在地域和资源组，单击“创建集群”，选择版本 {version}，并在“高级设置”中填入该角色的名称。")),
    );
    step.param(
        tr!(
            b.lang,
            "RAM role (Advanced Settings)",
            "RAM 角色（高级设置）"
        ),
        role,
    );
    b.push_step(step);
    let create_step = b.steps.len();
    let hdfs_step = create_step + 3;

    let mut commands: Vec<String> = buckets
        .iter()
        .map(|k| format!("hdfs dfs -ls oss://{}/{}", k.name, k.prefix))
        .collect();
    for k in buckets.iter().filter(|k| k.write) {
        // Writing and removing a small file proves the write actions too.
        commands.push(format!(
            "echo ramplan-check | hdfs dfs -put - oss://{}/{}ramplan-check.txt",
            k.name, k.prefix
        ));
        commands.push(format!(
            "hdfs dfs -rm oss://{}/{}ramplan-check.txt",
            k.name, k.prefix
        ));
    }
    let listing = commands
        .iter()
        .map(|c| format!("    {c}"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut step = Step::new(
        Account::Own,
        tr!(b.lang, "Verify access from the cluster", "在集群上验证访问"),
        tr!(
            b.lang,
            "SSH to the cluster's master node",
            "通过 SSH 登录集群主节点"
        ),
        tr!(
            b.lang,
            format!("Run:\n\n{listing}"),
            format!("运行：\n\n{listing}")
        ),
    );
    step.verify(tr!(b.lang, format!("each listing shows the bucket's contents and each write succeeds; an access-denied error means the role lacks a permission (see step {hdfs_step})"), format!("每条列举命令都显示存储空间内容、每次写入都成功即表示配置正确；若提示拒绝访问，说明角色缺少权限（见步骤 {hdfs_step}）")));
    b.push_step(step);

    let trust_check = if old {
        tr!(
            b.lang,
            format!(
                "The role trusts `emr.aliyuncs.com` (step {trust_step}); this version needs it."
            ),
            format!("角色信任的是 `emr.aliyuncs.com`（步骤 {trust_step}）；该版本需要如此。")
        )
    } else {
        tr!(b.lang, "Only clusters of V3.32.0, V4.5.0 and earlier need the role to trust `emr.aliyuncs.com`; this version keeps `ecs.aliyuncs.com`.", "只有 V3.32.0、V4.5.0 及更早版本的集群需要角色信任 `emr.aliyuncs.com`；当前版本保持 `ecs.aliyuncs.com` 即可。")
    };
    let mut step = Step::new(
        Account::Own,
        tr!(b.lang, "If cluster creation fails with NoPermission", "如果创建集群时报 NoPermission"),
        tr!(b.lang, "RAM console", "RAM 控制台"),
        tr!(b.lang, format!("Go through these in order:\n1. A RAM user that creates the cluster holds `AliyunEMRFullAccess`; `AliyunEMRDevelopAccess` is not enough.\n2. The role name entered in Advanced Settings is exactly `{role}`.\n3. {trust_check}"), format!("按顺序检查：\n1. 创建集群的 RAM 用户拥有 `AliyunEMRFullAccess`；仅有 `AliyunEMRDevelopAccess` 不够。\n2. 在“高级设置”中填写的角色名称与 `{role}` 完全一致。\n3. {trust_check}")),
    );
    step.verify(tr!(b.lang, "cluster creation succeeds", "集群创建成功"));
    b.push_step(step);

    let granted: Vec<String> = buckets
        .iter()
        .map(|k| {
            format!(
                "`acs:oss:*:*:{0}` + `acs:oss:*:*:{0}/{1}*`",
                k.name, k.prefix
            )
        })
        .collect();
    let granted = granted.join(", ");
    let step = Step::new(
        Account::Own,
        tr!(b.lang, "If HDFS cannot access a bucket", "如果 HDFS 无法访问存储空间"),
        tr!(b.lang, "OSS console and RAM console", "OSS 控制台和 RAM 控制台"),
        tr!(b.lang, format!("Go through these in order:\n1. Is the bucket in the cluster's region? If not, the connection strings need the bucket's endpoint.\n2. Does the policy's Resource still hold, for each bucket, both entries this plan wrote: {granted}?\n3. Has the bucket its own permissions set in the OSS console (a bucket policy)? Those can clash with the role's policy; remove them and grant access through the RAM policy alone."), format!("按顺序检查：\n1. 存储空间是否与集群位于同一地域？若不是，连接串中需加入该存储空间的 Endpoint。\n2. 策略的 Resource 中是否仍保留本计划为每个存储空间写入的两项：{granted}？\n3. 是否在 OSS 控制台为存储空间单独设置了权限（Bucket Policy）？这些设置可能与角色策略冲突；请删除它们，只通过 RAM 策略授权。")),
    );
    b.push_step(step);

    if buckets.iter().any(|k| k.write) {
        b.unconfirmed(
            tr!(b.lang, "Write actions", "写入所需的操作"),
            tr!(b.lang, "the source's example policy is read-only; for read-write buckets ramplan adds PutObject, DeleteObject, AbortMultipartUpload, ListMultipartUploads and ListParts, actions the OSS authorization page lists, so that uploads (including multipart ones) and deletes work", "资料中的示例策略只读；对读写存储空间，ramplan 额外加入了 OSS 授权页面列出的 PutObject、DeleteObject、AbortMultipartUpload、ListMultipartUploads 和 ListParts，使上传（包括分片上传）和删除可以进行"),
            "https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements",
        );
    }
}

/// The trusted service follows the version; the other generation's service stays out.
fn expect_trust(b: &mut Builder, role: &str, version: EmrVersion, old: bool) {
    let (service, other, why, other_why) = if old {
        (
            "emr.aliyuncs.com",
            "ecs.aliyuncs.com",
            tr!(b.lang, format!("clusters of {version} belong to the older generation (V3.32.0, V4.5.0 and earlier), which assumes the role through E-MapReduce, not ECS"), format!("{version} 的集群属于较早的一代（V3.32.0、V4.5.0 及更早），通过 E-MapReduce 而不是 ECS 扮演该角色")),
            tr!(b.lang, format!("clusters of {version} do not assume the role through ECS; only later versions need `ecs.aliyuncs.com`"), format!("{version} 的集群不通过 ECS 扮演该角色；只有更新的版本需要 `ecs.aliyuncs.com`")),
        )
    } else {
        (
            "ecs.aliyuncs.com",
            "emr.aliyuncs.com",
            tr!(b.lang, format!("clusters of {version} assume the role through ECS"), format!("{version} 的集群通过 ECS 扮演该角色")),
            tr!(b.lang, "only clusters of V3.32.0, V4.5.0 and earlier assume the role through E-MapReduce (`emr.aliyuncs.com`)", "只有 V3.32.0、V4.5.0 及更早版本的集群通过 E-MapReduce（`emr.aliyuncs.com`）扮演该角色"),
        )
    };
    let needed_by = tr!(
        b.lang,
        format!("a cluster of {version}"),
        format!("{version} 的集群")
    );
    b.expect(Expectation::assume(
        service.to_owned(),
        role,
        why,
        needed_by,
    ));
    b.expect(Expectation::no_assume(
        other.to_owned(),
        role,
        other_why,
        Severity::Warning,
    ));
}

/// For each bucket: the cluster reads (and, read-write, writes) objects under the prefix and
/// lists the bucket; it does not write a read-only folder, reach outside its folder, or
/// delete the bucket. A refusal another bucket entry grants anyway is not expected.
fn expect_buckets(b: &mut Builder, role: &str, buckets: &[Bucket]) {
    // Whether some entry grants `key` in `bucket` (for writing, when `write`).
    let granted = |bucket: &str, key: &str, write: bool| {
        buckets
            .iter()
            .any(|k| k.name == bucket && key.starts_with(&k.prefix) && (k.write || !write))
    };
    let object = |bucket: &str, key: &str| format!("acs:oss:*:*:{bucket}/{key}");
    let outside = "example.txt";
    for k in buckets {
        let name = &k.name;
        let key = format!("{}example.txt", k.prefix);
        let objects = format!("acs:oss:*:*:{name}/{}*", k.prefix);
        let bucket = format!("acs:oss:*:*:{name}");
        let folder = if k.prefix.is_empty() {
            name.clone()
        } else {
            format!("{name}/{}", k.prefix)
        };
        let why = tr!(
            b.lang,
            format!("the cluster reads objects in `{folder}`"),
            format!("集群读取 `{folder}` 中的对象")
        );
        b.expect(Expectation::allow(
            role,
            "oss:GetObject",
            object(name, &key),
            objects.clone(),
            why,
        ));
        let why = tr!(
            b.lang,
            format!("listing `{name}` needs the bucket itself as a resource, besides its objects"),
            format!("列举 `{name}` 需要将存储空间本身作为资源，而不只是其中的对象")
        );
        b.expect(Expectation::allow(
            role,
            "oss:ListObjects",
            bucket.clone(),
            bucket.clone(),
            why,
        ));
        if k.write {
            for (action, en, zh) in [
                ("oss:PutObject", "writes", "写入"),
                ("oss:DeleteObject", "deletes", "删除"),
            ] {
                let why = tr!(
                    b.lang,
                    format!("`{name}` is read-write: the cluster {en} objects in `{folder}`"),
                    format!("`{name}` 为读写：集群{zh} `{folder}` 中的对象")
                );
                b.expect(Expectation::allow(
                    role,
                    action,
                    object(name, &key),
                    objects.clone(),
                    why,
                ));
            }
        } else if !granted(name, &key, true) {
            for action in ["oss:PutObject", "oss:DeleteObject"] {
                let why = tr!(
                    b.lang,
                    format!("`{folder}` is read-only in this plan"),
                    format!("本计划中 `{folder}` 为只读")
                );
                b.expect(Expectation::deny(
                    role,
                    action,
                    object(name, &key),
                    why,
                    Severity::Security,
                ));
            }
        }
        if !k.prefix.is_empty() {
            let (action, write) = if k.write {
                ("oss:PutObject", true)
            } else {
                ("oss:GetObject", false)
            };
            if !granted(name, outside, write) {
                let why = tr!(
                    b.lang,
                    format!("access to `{name}` is limited to the folder `{}`", k.prefix),
                    format!("对 `{name}` 的访问仅限于目录 `{}`", k.prefix)
                );
                b.expect(Expectation::deny(
                    role,
                    action,
                    object(name, outside),
                    why,
                    Severity::Security,
                ));
            }
        }
    }
    for k in buckets {
        let why = tr!(
            b.lang,
            "the cluster uses the bucket's objects; it must not delete the bucket",
            "集群使用存储空间中的对象，不应删除存储空间"
        );
        b.expect(Expectation::deny(
            role,
            "oss:DeleteBucket",
            format!("acs:oss:*:*:{}", k.name),
            why,
            Severity::Security,
        ));
    }
}

fn read_buckets(records: &[Record], b: &mut Builder) -> Vec<Bucket> {
    let mut buckets: Vec<Bucket> = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let Some(name) = record.str("bucket") else {
            continue;
        };
        let field = format!("oss_buckets[{i}].bucket");
        if let Some(problem) = bucket_name_problem(name) {
            let message = tr!(
                b.lang,
                format!("`{name}` is not a valid bucket name: {}", problem.0),
                format!("`{name}` 不是有效的存储空间名称：{}", problem.1)
            );
            let help = tr!(b.lang, format!("bucket names are 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit ({BUCKET_NAMING})"), format!("存储空间名称为 3-63 个小写字母、数字或短划线，且以字母或数字开头和结尾（{BUCKET_NAMING}）"));
            b.finding("PL605", Severity::Error, Some(&field), message, Some(help));
            continue;
        }
        let prefix = match record.str("prefix") {
            None => String::new(),
            Some(raw) => match normalise_prefix(raw) {
                Ok(p) => {
                    if p != raw.trim() {
                        b.read_as(format!("oss_buckets[{i}].prefix"), p.clone());
                    }
                    p
                }
                Err((en, zh)) => {
                    let message = tr!(
                        b.lang,
                        format!("prefix `{raw}` {en}"),
                        format!("前缀 `{raw}` {zh}")
                    );
                    b.finding(
                        "PL606",
                        Severity::Error,
                        Some(&format!("oss_buckets[{i}].prefix")),
                        message,
                        None,
                    );
                    continue;
                }
            },
        };
        let write = record.str("access") == Some("read-write");
        if let Some(existing) = buckets
            .iter_mut()
            .find(|k| k.name == name && k.prefix == prefix)
        {
            let message = tr!(
                b.lang,
                format!("bucket `{name}` is listed more than once; the broader access is kept"),
                format!("存储空间 `{name}` 重复出现；保留较宽的权限")
            );
            b.finding("PL607", Severity::Warning, Some(&field), message, None);
            existing.write |= write;
            continue;
        }
        buckets.push(Bucket {
            name: name.to_owned(),
            write,
            prefix,
        });
    }
    buckets
}

/// OSS bucket naming: 3-63 characters of lowercase letters, digits and `-`, starting and
/// ending with a letter or digit.
pub(crate) fn bucket_name_problem(name: &str) -> Option<(&'static str, &'static str)> {
    let length = name.len();
    if !(3..=63).contains(&length) {
        return Some((
            "it must be 3 to 63 characters long",
            "长度必须为 3 到 63 个字符",
        ));
    }
    if !name
        .bytes()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
    {
        return Some((
            "it may hold only lowercase letters, digits and hyphens",
            "只能包含小写字母、数字和短划线",
        ));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Some((
            "it must start and end with a letter or digit",
            "必须以字母或数字开头和结尾",
        ));
    }
    None
}

/// `warehouse` / `/warehouse/` -> `warehouse/`. Wildcards and odd characters are refused.
fn normalise_prefix(raw: &str) -> Result<String, (&'static str, &'static str)> {
    let trimmed = raw.trim().trim_start_matches('/');
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    if trimmed.contains(['*', '?']) {
        return Err((
            "must not contain `*` or `?`; ramplan adds the wildcard itself",
            "不能包含 `*` 或 `?`；ramplan 会自动添加通配符",
        ));
    }
    if trimmed.contains("//") || trimmed.split('/').any(|part| part == "." || part == "..") {
        return Err(("is not a plain folder path", "不是普通的目录路径"));
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() || c == '"' || c == '\\')
    {
        return Err((
            "contains a character that cannot be used here",
            "包含不能使用的字符",
        ));
    }
    Ok(if trimmed.ends_with('/') {
        trimmed.to_owned()
    } else {
        format!("{trimmed}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Lang;
    use crate::plan::{plan, Plan};

    fn plan_for(version: &str, buckets: &str) -> Plan {
        let input = format!(r#"{{"emr_version": "{version}", "oss_buckets": {buckets}}}"#);
        plan("emr-ecs-role", &input, Lang::En).unwrap()
    }

    fn trusted_service(plan: &Plan) -> String {
        let trust = plan.artifact("trust-policy").unwrap();
        let value: serde_json::Value = serde_json::from_str(&trust.content).unwrap();
        value["Statement"][0]["Principal"]["Service"][0]
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn the_trusted_service_follows_the_version_boundary() {
        let one = r#"[{"bucket": "examplebucket"}]"#;
        for (version, service, steps_mention_emr) in [
            ("V3.32.0", "emr.aliyuncs.com", true),
            ("EMR-3.31.2", "emr.aliyuncs.com", true),
            ("V3.32.1", "ecs.aliyuncs.com", false),
            ("V4.5.0", "emr.aliyuncs.com", true),
            ("4.5.1", "ecs.aliyuncs.com", false),
            ("V5.0.0", "ecs.aliyuncs.com", false),
            ("V5.16.0", "ecs.aliyuncs.com", false),
        ] {
            let plan = plan_for(version, one);
            assert!(!plan.has_errors(), "{version}: {:?}", plan.findings);
            assert_eq!(trusted_service(&plan), service, "{version}");
            let changes_trust = plan
                .steps
                .iter()
                .any(|s| s.title == "Change the trusted service to EMR");
            assert_eq!(changes_trust, steps_mention_emr, "{version}");
        }
        let unknown = plan_for("V2.4.0", one);
        assert!(unknown
            .findings
            .iter()
            .any(|f| f.code == "PL601" && f.field() == Some("emr_version")));
        assert!(unknown.artifacts.is_empty());
    }

    #[test]
    fn every_bucket_gets_both_the_bucket_and_its_objects() {
        let plan = plan_for(
            "V5.16.0",
            r#"[{"bucket": "logs-a"}, {"bucket": "data-b", "access": "read-write", "prefix": "warehouse"}]"#,
        );
        let policy: serde_json::Value =
            serde_json::from_str(&plan.artifact("permission-policy").unwrap().content).unwrap();
        let read = &policy["Statement"][0];
        assert_eq!(
            read["Action"],
            serde_json::json!(["oss:GetObject", "oss:ListObjects"])
        );
        assert_eq!(
            read["Resource"],
            serde_json::json!(["acs:oss:*:*:logs-a", "acs:oss:*:*:logs-a/*"])
        );
        let write = &policy["Statement"][1];
        assert!(write["Action"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("oss:PutObject")));
        assert_eq!(
            write["Resource"],
            serde_json::json!(["acs:oss:*:*:data-b", "acs:oss:*:*:data-b/warehouse/*"])
        );
        let verify = plan
            .steps
            .iter()
            .find(|s| s.verification.is_some() && s.instructions.contains("hdfs"))
            .unwrap();
        assert!(verify
            .instructions
            .contains("hdfs dfs -ls oss://data-b/warehouse/"));
    }

    #[test]
    fn cross_references_point_at_the_right_steps() {
        for version in ["V3.32.0", "V5.16.0"] {
            let plan = plan_for(
                version,
                r#"[{"bucket": "data-b", "access": "read-write", "prefix": "w"}]"#,
            );
            let verify = plan
                .steps
                .iter()
                .find(|s| s.title == "Verify access from the cluster")
                .unwrap();
            let hdfs = plan
                .steps
                .iter()
                .find(|s| s.title == "If HDFS cannot access a bucket")
                .unwrap();
            let text = verify.verification.as_deref().unwrap();
            assert!(
                text.contains(&format!("see step {}", hdfs.number)),
                "{text}"
            );
            assert!(verify
                .instructions
                .contains("hdfs dfs -put - oss://data-b/w/ramplan-check.txt"));
            assert!(
                hdfs.instructions.contains("`acs:oss:*:*:data-b/w/*`"),
                "{}",
                hdfs.instructions
            );
        }
        let old = plan_for("V3.32.0", r#"[{"bucket": "data-b"}]"#);
        let trust = old
            .steps
            .iter()
            .find(|s| s.title == "Change the trusted service to EMR")
            .unwrap();
        let no_permission = old
            .steps
            .iter()
            .find(|s| s.title.starts_with("If cluster creation fails"))
            .unwrap();
        assert!(no_permission
            .instructions
            .contains(&format!("(step {})", trust.number)));
        let new = plan_for("V5.16.0", r#"[{"bucket": "data-b"}]"#);
        let check = new
            .steps
            .iter()
            .find(|s| s.title == "Check the trust policy")
            .unwrap();
        assert!(check.artifacts.is_empty());
        assert_eq!(check.compare, ["trust-policy"]);
        assert!(new.unconfirmed.iter().all(|u| u.about != "Write actions"));
    }

    #[test]
    fn bad_buckets_name_their_fields() {
        let plan = plan_for(
            "V5.16.0",
            r#"[{"bucket": "Bad_Name"}, {"bucket": "ok-name", "prefix": "a/*"}]"#,
        );
        let fields: Vec<_> = plan.findings.iter().filter_map(|f| f.field()).collect();
        assert!(fields.contains(&"oss_buckets[0].bucket"), "{fields:?}");
        assert!(fields.contains(&"oss_buckets[1].prefix"), "{fields:?}");
        assert!(plan.artifacts.is_empty());
        let empty = plan_for("V5.16.0", "[]");
        assert!(empty.findings.iter().any(|f| f.code == "PL602"));
    }

    #[test]
    fn bucket_names() {
        assert_eq!(bucket_name_problem("examplebucket"), None);
        assert_eq!(bucket_name_problem("a-1"), None);
        assert!(bucket_name_problem("ab").is_some());
        assert!(bucket_name_problem("Example").is_some());
        assert!(bucket_name_problem("-abc").is_some());
        assert!(bucket_name_problem("my_bucket").is_some());
        assert!(bucket_name_problem(&"a".repeat(64)).is_some());
    }

    #[test]
    fn prefixes() {
        assert_eq!(normalise_prefix("warehouse").unwrap(), "warehouse/");
        assert_eq!(normalise_prefix("/a/b/").unwrap(), "a/b/");
        assert_eq!(normalise_prefix("").unwrap(), "");
        assert!(normalise_prefix("a/*").is_err());
        assert!(normalise_prefix("../x").is_err());
    }

    #[test]
    fn the_plan_proves_each_bucket_entry() {
        let plan = plan_for(
            "V5.16.0",
            r#"[{"bucket": "logs-a"}, {"bucket": "data-b", "access": "read-write", "prefix": "w"}]"#,
        );
        assert!(plan.checks.iter().all(|c| c.passed()), "{:#?}", plan.checks);
        let described: Vec<String> = plan
            .checks
            .iter()
            .map(|c| c.expectation.describe(Lang::En))
            .collect();
        for expected in [
            "`ecs.aliyuncs.com` can assume `EmrEcsOssRole`",
            "`emr.aliyuncs.com` cannot assume `EmrEcsOssRole`",
            "`oss:GetObject` on `acs:oss:*:*:logs-a/example.txt` is allowed",
            "`oss:ListObjects` on `acs:oss:*:*:logs-a` is allowed",
            "`oss:PutObject` on `acs:oss:*:*:logs-a/example.txt` is denied",
            "`oss:DeleteObject` on `acs:oss:*:*:logs-a/example.txt` is denied",
            "`oss:PutObject` on `acs:oss:*:*:data-b/w/example.txt` is allowed",
            "`oss:PutObject` on `acs:oss:*:*:data-b/example.txt` is denied",
            "`oss:DeleteBucket` on `acs:oss:*:*:data-b` is denied",
        ] {
            assert!(
                described.iter().any(|d| d == expected),
                "{expected}: {described:#?}"
            );
        }
        // A write grant of the same bucket is not contradicted by a read-only entry.
        let overlap = plan_for(
            "V5.16.0",
            r#"[{"bucket": "data-b", "prefix": "r"}, {"bucket": "data-b", "access": "read-write"}]"#,
        );
        assert!(!overlap.has_errors(), "{:#?}", overlap.findings);
    }

    #[test]
    fn a_broken_policy_fails_the_self_check() {
        let input = r#"{"emr_version": "V5.16.0", "oss_buckets": [{"bucket": "examplebucket"}]}"#;
        let missing = crate::plan::plan_tampered("emr-ecs-role", input, Lang::En, |b| {
            crate::plan::rewrite_artifact(b, "permission-policy", |t| {
                t.replace(",\n        \"acs:oss:*:*:examplebucket/*\"", "")
            });
        })
        .unwrap();
        let failures = crate::plan::self_check_failures(&missing);
        assert_eq!(failures.len(), 1, "{failures:#?}");
        assert!(failures[0]
            .contains("`oss:GetObject` on `acs:oss:*:*:examplebucket/example.txt` is allowed"));
        assert!(missing.artifacts.is_empty());
        let writable = crate::plan::plan_tampered("emr-ecs-role", input, Lang::En, |b| {
            crate::plan::rewrite_artifact(b, "permission-policy", |t| {
                t.replace(
                    "\"oss:ListObjects\"",
                    "\"oss:ListObjects\", \"oss:PutObject\"",
                )
            });
        })
        .unwrap();
        let failures = crate::plan::self_check_failures(&writable);
        assert_eq!(failures.len(), 1, "{failures:#?}");
        assert!(failures[0].contains("`oss:PutObject`") && failures[0].contains("is denied"));
        let old_service = crate::plan::plan_tampered("emr-ecs-role", input, Lang::En, |b| {
            crate::plan::rewrite_artifact(b, "trust-policy", |t| {
                t.replace("ecs.aliyuncs.com", "emr.aliyuncs.com")
            });
        })
        .unwrap();
        assert_eq!(crate::plan::self_check_failures(&old_service).len(), 2);
    }
}

use crate::condition;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP408",
        name: "private-source-ip-without-vpc",
        severity: Severity::Warning,
        summary: "`acs:SourceIp` is compared with a private address range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10), but the statement does not name the VPC with `acs:SourceVpc`; in an OSS bucket policy, any `acs:SourceIp` without `acs:SourceVpc` (an error: OSS refuses it).",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP408",
    why: "A request from the internet carries a public address, so a private range only ever matches requests that come through a VPC, and every customer's VPC may use the same private ranges. A private address therefore says little without the VPC it belongs to. OSS refuses bucket policies that limit `acs:SourceIp` without `acs:SourceVpc` for this reason; RAM's own examples still use private ranges alone, so in RAM policies this is a warning. In a bucket policy it is an error, for any address: PutBucketPolicy refuses a statement that limits `acs:SourceIp` without also limiting `acs:SourceVpc` (OSS error 0030-00000008); for public addresses the documented fix is `\"StringNotLike\": {\"acs:SourceVpc\": \"vpc-*\"}`.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "192.168.0.0/16"}}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "192.168.0.0/16"}, "StringEquals": {"acs:SourceVpc": "vpc-bp1example"}}}]}"#,
    references: &[
        "OSS error 0030-00000008, acs:SourceIp needs acs:SourceVpc in bucket policies: https://help.aliyun.com/zh/oss/user-guide/0030-00000008",
        "RAM policy elements, acs:SourceIp and acs:SourceVpc: https://www.alibabacloud.com/help/en/ram/policy-elements",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    let entries = condition::entries(ctx.policy);
    let bucket = ctx.kind == PolicyKind::BucketPolicy;
    let with_vpc: std::collections::HashSet<&str> = entries
        .iter()
        .filter(|e| e.key_name().eq_ignore_ascii_case("acs:SourceVpc"))
        .map(|e| e.statement_pointer.as_str())
        .collect();
    for entry in &entries {
        if !entry.key_name().eq_ignore_ascii_case("acs:SourceIp") {
            continue;
        }
        if with_vpc.contains(entry.statement_pointer.as_str()) {
            continue;
        }
        if bucket {
            let message = tr!(ctx.lang, "OSS refuses a bucket policy that limits `acs:SourceIp` without also limiting `acs:SourceVpc` (error 0030-00000008)", "OSS 拒绝只限制 `acs:SourceIp` 而不同时限制 `acs:SourceVpc` 的 Bucket Policy（错误 0030-00000008）");
            let help = tr!(ctx.lang, "for public addresses add `\"StringNotLike\": {\"acs:SourceVpc\": \"vpc-*\"}`; for a VPC, `\"StringEquals\": {\"acs:SourceVpc\": \"<vpc-id>\"}`", "公网地址请添加 `\"StringNotLike\": {\"acs:SourceVpc\": \"vpc-*\"}`；VPC 内请添加 `\"StringEquals\": {\"acs:SourceVpc\": \"<VPC ID>\"}`");
            ctx.report_as(
                &RULE.meta,
                Severity::Error,
                &entry.key_pointer,
                Some(entry.key_span()),
                message,
                Some(help),
            );
            continue;
        }
        let Some(operator) = condition::operator(entry.operator_name()) else {
            continue;
        };
        if operator.kind != crate::catalogue::KeyType::Ip {
            continue;
        }
        for value in &entry.values {
            if !is_private(value.value) {
                continue;
            }
            let message = tr!(
                ctx.lang,
                format!(
                    "private range `{}` without `acs:SourceVpc`: any VPC may use these addresses",
                    value.value
                ),
                format!(
                    "私网地址段 `{}` 未配合 `acs:SourceVpc`：任何 VPC 都可能使用这些地址",
                    value.value
                )
            );
            let help = tr!(
                ctx.lang,
                "add `\"StringEquals\": {\"acs:SourceVpc\": \"<vpc-id>\"}` to the same condition"
                    .to_owned(),
                "请在同一条件中添加 `\"StringEquals\": {\"acs:SourceVpc\": \"<VPC ID>\"}`"
                    .to_owned()
            );
            ctx.report_help(
                &RULE.meta,
                &value.pointer(),
                Some(value.node.span),
                message,
                help,
            );
        }
    }
}

/// Whether an address or CIDR block lies wholly inside a private or shared range.
fn is_private(text: &str) -> bool {
    crate::ip::Block::parse(text).is_some_and(crate::ip::Block::is_private)
}

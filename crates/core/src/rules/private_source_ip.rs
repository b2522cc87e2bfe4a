use crate::condition;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP408",
        name: "private-source-ip",
        severity: Severity::Warning,
        summary: "`acs:SourceIp` is compared with a private address range (203.0.113.0/24, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10).",
        why: "RAM documents `acs:SourceIp` as the client's public IP address. A private range never matches a request from the internet, so an `IpAddress` Allow never applies and a `NotIpAddress` Deny applies to every internet request. To restrict access to a VPC, `acs:SourceVpc` is the key the documentation offers.",
        example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "192.168.0.0/16"}}}]}"#,
        instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"StringEquals": {"acs:SourceVpc": "vpc-bp1example"}}}]}"#,
        references: &[
            "RAM policy elements, acs:SourceIp (client public IP): https://www.alibabacloud.com/help/en/ram/policy-elements",
            "Access Analyzer check PRIVATE_IP_ADDRESS (peer tool)",
        ],
    },
    check,
};

fn check(ctx: &mut Ctx<'_>) {
    for entry in condition::entries(ctx.policy) {
        if !entry.key_name().eq_ignore_ascii_case("acs:SourceIp") {
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
            let message = ctx.t(
                format!(
                    "`{}` is a private range, but `acs:SourceIp` is the client's public address",
                    value.value
                ),
                format!(
                    "`{}` 是私网地址段，而 `acs:SourceIp` 是客户端的公网地址",
                    value.value
                ),
            );
            let help = ctx.t(
                "to limit access to a VPC, use `acs:SourceVpc`".to_owned(),
                "如需限制为从某个 VPC 访问，请使用 `acs:SourceVpc`".to_owned(),
            );
            ctx.report_help(
                &RULE.meta,
                &value.pointer,
                Some(value.node.span),
                message,
                help,
            );
        }
    }
}

/// Whether an IPv4 address or CIDR block lies inside a private or shared range.
fn is_private(text: &str) -> bool {
    let address = text.split('/').next().unwrap_or_default();
    let Ok(ip) = address.parse::<std::net::Ipv4Addr>() else {
        return false;
    };
    let [a, b, ..] = ip.octets();
    ip.is_private() || (a == 100 && (64..128).contains(&b))
}

use crate::catalogue::{self, CATALOGUE_DATE};
use crate::condition;
use crate::finding::Severity;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};

use crate::text::did_you_mean;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP406",
        name: "unknown-condition-key",
        severity: Severity::Warning,
        summary: "A common condition key (`acs:...`) is not one ramplan knows, or a key's service code is unknown.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP406",
    why: "A misspelt key (`acs:SourceIP`, `acs:SecureTransfer`) is absent from every request. RAM does not treat a missing key as a match, so an Allow with it never applies, and a Deny with a negated operator may apply to everything. The catalogue can be out of date, so this is a warning.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"acs:SecureTransfer": "false"}}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"acs:SecureTransport": "false"}}}]}"#,
    references: &["RAM policy elements, common condition keys: https://www.alibabacloud.com/help/en/ram/policy-elements"],
};

fn check(ctx: &mut Ctx<'_>) {
    for entry in condition::entries(ctx.policy) {
        let key = entry.key_name();
        if key.trim() != key {
            // Reported as malformed by the condition-key rule.
            continue;
        }
        let Some((code, _)) = key.split_once(':') else {
            continue;
        };
        let known = if code.eq_ignore_ascii_case("acs") {
            catalogue::global_condition_key(key).is_some()
        } else {
            // Service keys: only an unknown service code is reported; per-service key lists
            // are too incomplete to judge a key name.
            catalogue::service(code).is_some() || matches!(code, "saml" | "oidc")
        };
        if known {
            continue;
        }
        let message = tr!(
            ctx.lang,
            format!("`{key}` is not a condition key in ramplan's catalogue ({CATALOGUE_DATE})"),
            format!("`{key}` 不在 ramplan 的条件键目录（{CATALOGUE_DATE}）中")
        );
        let candidates = catalogue::global_condition_keys()
            .iter()
            .map(|k| k.key)
            .filter(|k| !k.ends_with('/'));
        let help = match did_you_mean(key, candidates) {
            Some(s) => crate::i18n::did_you_mean(s, ctx.lang),
            None => tr!(
                ctx.lang,
                "a key the request does not carry never matches; check the spelling",
                "请求中不存在的键永远不会匹配；请检查拼写"
            ),
        };
        let span = Some(entry.key_span());
        ctx.report_help(&RULE.meta, &entry.key_pointer, span, message, help);
    }
}

use crate::finding::Severity;
use crate::limits::{BUCKET_POLICY_MAX_BYTES, POLICY_DOCUMENT_MAX};
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::policy::PolicyKind;
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP901",
        name: "policy-too-long",
        severity: Severity::Error,
        summary: "The document is longer than RAM's limit of 6,144 characters for a custom policy (16 KB for an OSS bucket policy).",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP901",
    why: "CreatePolicy and CreatePolicyVersion refuse documents over 6,144 characters (older pages say 2,048). Split the policy into two, or use wildcards where they do not widen access. For trust policies no limit is documented, so ramplan applies the same number as a warning. OSS documented 16 KB for a bucket's policies in 2021; that older figure is a warning too. RAM does not document whether white space outside strings counts, so a document that is over the limit as written but under it minified is a warning.",
    example: "(a policy of 6,145 characters or more)",
    instead: "(two policies, each under 6,144 characters)",
    references: &[
        "CreatePolicy API (PolicyDocument length): https://alibabacloud.com/help/en/resource-management/api-createpolicy",
        "CreatePolicyVersion API: https://alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createpolicyversion",
        "ossutil bucket-policy (16 KB for a bucket's policies): AlibabaCloudDocs/oss@f684091 intl.en-US/Tools/ossutil/Common commands/bucket-policy (manage bucket policies).md",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    if ctx.kind == PolicyKind::BucketPolicy {
        let bytes = ctx.text.len();
        if bytes > BUCKET_POLICY_MAX_BYTES {
            let message = tr!(ctx.lang, format!("the bucket policy is {bytes} bytes, over the 16 KB ({BUCKET_POLICY_MAX_BYTES} bytes) OSS documented for a bucket's policies"), format!("该 Bucket Policy 为 {bytes} 字节，超出 OSS 文档所述的 16 KB（{BUCKET_POLICY_MAX_BYTES} 字节）上限"));
            let span = Some(crate::position::Span::new(0, ctx.text.len().min(1)));
            ctx.report_as(&RULE.meta, Severity::Warning, "", span, message, None);
        }
        return;
    }
    let length = ctx.text.chars().count();
    if length <= POLICY_DOCUMENT_MAX {
        return;
    }
    let compact = compact_length(ctx.text);
    let message = tr!(
        ctx.lang,
        format!("the document is {length} characters, over RAM's limit of {POLICY_DOCUMENT_MAX}"),
        format!("文档长度为 {length} 个字符，超出 RAM 的 {POLICY_DOCUMENT_MAX} 字符上限")
    );
    let help = if compact <= POLICY_DOCUMENT_MAX {
        tr!(ctx.lang, format!("without white space outside strings it is {compact} characters; submit it minified"), format!("去掉字符串之外的空白后为 {compact} 个字符；请以压缩格式提交"))
    } else {
        tr!(
            ctx.lang,
            "split the statements into two policies",
            "请将语句拆分到两个策略中"
        )
    };
    // The trust policy limit is not documented; the permission limit is the best guess.
    // RAM's documentation does not say whether white space counts: over the limit only as
    // written is a warning; minified as well, an error.
    let severity = if ctx.kind == PolicyKind::Trust || compact <= POLICY_DOCUMENT_MAX {
        Severity::Warning
    } else {
        RULE.meta.severity
    };
    let span = Some(crate::position::Span::new(0, ctx.text.len().min(1)));
    ctx.report_as(&RULE.meta, severity, "", span, message, Some(help));
}

/// The length with white space outside strings removed.
fn compact_length(text: &str) -> usize {
    let mut in_string = false;
    let mut escaped = false;
    let mut count = 0;
    for c in text.chars() {
        if in_string {
            count += 1;
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_whitespace() {
            count += 1;
            if c == '"' {
                in_string = true;
            }
        }
    }
    count
}

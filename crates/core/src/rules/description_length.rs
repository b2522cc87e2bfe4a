use crate::finding::Severity;
use crate::limits::DESCRIPTION_MAX;
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP904",
        name: "description-too-long",
        severity: Severity::Error,
        summary: "The description given with the document (`--description`) is longer than 1,024 characters.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP904",
    why: "CreatePolicy and CreateRole limit descriptions to 1,024 characters. The check runs only when a description is supplied.",
    example: "a description of 1,025 characters",
    instead: "a description of at most 1,024 characters",
    references: &[
        "CreatePolicy API (Description): https://alibabacloud.com/help/en/resource-management/api-createpolicy",
        "CreateRole API (Description): https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createrole",
    ],
};

fn check(ctx: &mut Ctx<'_>) {
    let Some(description) = ctx.options.description.as_deref() else {
        return;
    };
    let length = description.chars().count();
    if length <= DESCRIPTION_MAX {
        return;
    }
    let message = tr!(
        ctx.lang,
        format!("the description is {length} characters, over the limit of {DESCRIPTION_MAX}"),
        format!("描述长 {length} 个字符，超出 {DESCRIPTION_MAX} 的上限")
    );
    ctx.report(&RULE.meta, "", None, message);
}

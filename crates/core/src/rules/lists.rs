//! What the rules about `Action` and `Resource` lists share: the same check, run over the
//! pair of elements (`Action` and `NotAction`, or `Resource` and `NotResource`).

use crate::json::Value;
use crate::lint::{Ctx, RuleMeta};
use crate::policy::{Field, Statement};
use crate::text::clip;
use crate::tr;

/// Which pair of list elements a rule reads.
#[derive(Clone, Copy)]
pub(crate) enum List {
    Action,
    Resource,
}

impl List {
    fn fields<'n>(self, statement: &Statement<'n>) -> impl Iterator<Item = Field<'n>> {
        let pair = match self {
            List::Action => [statement.action, statement.not_action],
            List::Resource => [statement.resource, statement.not_resource],
        };
        pair.into_iter().flatten()
    }

    /// "action" / "操作", for "holds an empty ...".
    fn noun(self) -> (&'static str, &'static str) {
        match self {
            List::Action => ("action", "操作"),
            List::Resource => ("resource", "资源"),
        }
    }
}

/// Reports an empty list and every empty string in one.
pub(crate) fn report_empty(ctx: &mut Ctx<'_>, rule: &RuleMeta, list: List) {
    let (noun_en, noun_zh) = list.noun();
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in list.fields(statement) {
            let name = field.key;
            if let Value::Array(items) = &field.node.value {
                if items.is_empty() {
                    let message = tr!(
                        ctx.lang,
                        format!("`{name}` is empty"),
                        format!("`{name}` 为空")
                    );
                    let pointer = field.pointer(&statement.pointer);
                    ctx.report(rule, &pointer, Some(field.node.span), message);
                    continue;
                }
            }
            for item in field.strings(&statement.pointer) {
                if item.value.trim().is_empty() {
                    let message = tr!(
                        ctx.lang,
                        format!("`{name}` holds an empty {noun_en}"),
                        format!("`{name}` 中有空的{noun_zh}")
                    );
                    ctx.report(rule, &item.pointer(), Some(item.node.span), message);
                }
            }
        }
    }
}

/// Reports every item listed again in the same element; `same` is the form two items are
/// compared in (RAM compares action names ignoring case, resources exactly).
pub(crate) fn report_repeats(
    ctx: &mut Ctx<'_>,
    rule: &RuleMeta,
    list: List,
    same: fn(&str) -> String,
) {
    let policy = ctx.policy;
    for statement in &policy.statements {
        for field in list.fields(statement) {
            let items = field.strings(&statement.pointer);
            let mut seen = std::collections::HashSet::with_capacity(items.len());
            for item in &items {
                let earlier = !seen.insert(same(item.value));
                if earlier && !item.value.trim().is_empty() {
                    let shown = clip(item.value);
                    let message = tr!(
                        ctx.lang,
                        format!("`{shown}` is listed more than once"),
                        format!("`{shown}` 重复出现")
                    );
                    let help = tr!(ctx.lang, "remove the repeat", "请删除重复项");
                    ctx.report_help(rule, &item.pointer(), Some(item.node.span), message, help);
                }
            }
        }
    }
}

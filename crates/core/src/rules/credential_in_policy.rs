use crate::finding::Severity;
use crate::json::{pointer_extend, pointer_extend_index, Node, Value};
use crate::lint::{Ctx, Rule, RuleDocs, RuleMeta};
use crate::position::Span;
use crate::secrets::{self, CredentialKind};
use crate::tr;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "RP605",
        name: "credential-in-policy",
        severity: Severity::Security,
        summary: "The document contains something that looks like a credential: an AccessKey ID (`LTAI...`), an AccessKey secret, an STS AccessKey ID (`STS....`) or a security token.",
    },
    check,
};

pub(crate) static DOCS: RuleDocs = RuleDocs {
    code: "RP605",
    why: "Policies are shared, pasted into tickets and committed to repositories. A credential in one is leaked; it also has no meaning in a policy. Remove it, and rotate the key if it is real. ramplan never shows the value back.",
    example: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"StringEquals": {"acs:AccessId": "LTAI5tAbCdEfGhIjKlMnOp"}}}]}"#,
    instead: r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}"#,
    references: &["AccessKey pairs: https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair"],
};

fn check(ctx: &mut Ctx<'_>) {
    let mut found = Vec::new();
    walk(ctx.root, &mut Vec::new(), &mut found);
    for (pointer, span, kind, masked) in found {
        let message = tr!(
            ctx.lang,
            format!("this looks like {} (`{masked}`)", kind.describe_en()),
            format!("此处疑似{}（`{masked}`）", kind.describe_zh())
        );
        let help = tr!(
            ctx.lang,
            "remove it; if it is a real key, disable and rotate it now",
            "请删除；如果是真实密钥，请立即禁用并轮换"
        );
        ctx.report_help(&RULE.meta, &pointer, Some(span), message, help);
    }
}

/// One step of the path to a value: a member's key or an array index.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The JSON pointer of a path, written only for what is found.
fn pointer(path: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in path {
        match *step {
            Step::Key(key) => pointer_extend(&mut out, key),
            Step::Index(i) => pointer_extend_index(&mut out, i),
        }
    }
    out
}

type Found = Vec<(String, Span, CredentialKind, String)>;

fn walk<'a>(node: &'a Node, path: &mut Vec<Step<'a>>, found: &mut Found) {
    match &node.value {
        Value::String(s) => {
            if let Some(m) = secrets::find_credential(s) {
                let token = s.get(m.start..m.end).unwrap_or_default();
                found.push((pointer(path), node.span, m.kind, secrets::mask(token)));
            }
        }
        Value::Object(members) => {
            for member in members {
                path.push(Step::Key(&member.key));
                if let Some(m) = secrets::find_credential(&member.key) {
                    let token = member.key.get(m.start..m.end).unwrap_or_default();
                    found.push((pointer(path), member.key_span, m.kind, secrets::mask(token)));
                }
                walk(&member.value, path, found);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk(item, path, found);
                path.pop();
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

//! The plain words: who, what, why, and the steps for that case. An explicit deny is never
//! answered with "add an Allow": RAM evaluates every Deny first, and no Allow overrides one.

use serde::Serialize;

use crate::finding::Lang;
use crate::tr;

use super::fix::{Fix, Target};
use super::model::{Denial, Facts, IdentityKind, PolicyKind};
use super::parse::Shape;
use super::scenarios::ScenarioMatch;
use super::Diagnosis;

/// One thing to do, with the command it takes when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
}

fn step(text: String) -> Step {
    Step {
        text,
        command: None,
    }
}

pub fn diagnosis(
    facts: Facts,
    fix: Option<Fix>,
    scenarios: Vec<ScenarioMatch>,
    lang: Lang,
) -> Diagnosis {
    let decode_command = facts
        .encoded
        .as_deref()
        .filter(|_| facts.shape != Shape::Decoded)
        .map(|e| {
            format!(
                "aliyun ram DecodeDiagnosticMessage --EncodedDiagnosticMessage '{}'",
                e.replace('\'', "'\\''")
            )
        });
    let who = who(&facts, lang);
    let what = what(&facts, lang);
    let why = why(&facts, lang);
    let steps = steps(
        &facts,
        fix.as_ref(),
        decode_command.as_deref(),
        &scenarios,
        lang,
    );
    let notes = notes(&facts, lang);
    Diagnosis {
        shape: facts.shape.as_str(),
        error: facts.error,
        identity: facts.identity,
        request: facts.asked,
        denial: facts.denial,
        policy_type: facts.policy_type,
        matched_policies: facts.matched_policies,
        encoded_diagnostic_message: facts.encoded,
        decode_command,
        who,
        what,
        why,
        steps,
        fix,
        scenarios,
        other_fields: facts.other_fields,
        notes,
    }
}

fn of_account(account: Option<&str>, lang: Lang) -> (String, String) {
    match account {
        Some(a) => (
            tr!(
                lang,
                format!(" of account `{a}`"),
                format!("账号 `{a}` 下的 ")
            ),
            a.to_owned(),
        ),
        None => (String::new(), String::new()),
    }
}

fn who(facts: &Facts, lang: Lang) -> String {
    let Some(identity) = &facts.identity else {
        return tr!(
            lang,
            "the error does not say who was denied",
            "报错未说明被拒绝的身份"
        );
    };
    let (of, _) = of_account(identity.account_id.as_deref(), lang);
    let name = identity.display_name.as_deref().unwrap_or("?");
    match (identity.kind, lang) {
        (IdentityKind::RamUser, Lang::En) => format!("the RAM user with ID `{name}`{of}"),
        (IdentityKind::RamUser, Lang::Zh) => format!("{of}ID 为 `{name}` 的 RAM 用户"),
        (IdentityKind::RamRole, _) => {
            let role = identity.role_name.as_deref().unwrap_or(name);
            match (identity.session_name.as_deref(), lang) {
                (Some(s), Lang::En) => format!("session `{s}` of the RAM role `{role}`{of}"),
                (Some(s), Lang::Zh) => format!("{of}RAM 角色 `{role}` 的会话 `{s}`"),
                (None, Lang::En) => format!("the RAM role `{role}`{of}"),
                (None, Lang::Zh) => format!("{of}RAM 角色 `{role}`"),
            }
        }
        (IdentityKind::Federated, Lang::En) => format!("the SSO identity `{name}`{of}"),
        (IdentityKind::Federated, Lang::Zh) => format!("{of}SSO 身份 `{name}`"),
        (IdentityKind::Root, Lang::En) => {
            format!("the Alibaba Cloud account itself (`{name}`){of}")
        }
        (IdentityKind::Root, Lang::Zh) => format!("{of}阿里云账号本身（`{name}`）"),
        (IdentityKind::Other, Lang::En) => {
            format!("`{name}`, an identity of type `{}`{of}", identity.kind_raw)
        }
        (IdentityKind::Other, Lang::Zh) => {
            format!("{of}类型为 `{}` 的身份 `{name}`", identity.kind_raw)
        }
    }
}

fn what(facts: &Facts, lang: Lang) -> String {
    let asked = &facts.asked;
    let mut out = match (asked.action.as_deref(), asked.resource.as_deref()) {
        (Some(a), Some(r)) => tr!(
            lang,
            format!("`{a}` on `{r}`"),
            format!("对 `{r}` 执行 `{a}`")
        ),
        (Some(a), None) => tr!(
            lang,
            format!("`{a}` (the error does not name the resource)"),
            format!("`{a}`（报错未指明资源）")
        ),
        (None, _) => tr!(lang, "the error does not name the action", "报错未指明操作"),
    };
    for c in &asked.conditions {
        let values = c.values.join("`, `");
        out.push_str(&tr!(
            lang,
            format!(", with `{}` = `{values}`", c.key),
            format!("，`{}` = `{values}`", c.key)
        ));
    }
    out
}

pub fn policy_words(facts: &Facts, lang: Lang) -> String {
    match facts.policy_type.as_ref() {
        None => tr!(lang, "a policy the error does not name", "报错未指明的策略"),
        Some(p) => match p.kind {
            PolicyKind::IdentityAccount => tr!(lang, "an identity-based policy (account level, granted to the user, its user groups or the role)", "基于身份的策略（账号级，授予用户、其所属用户组或角色）"),
            PolicyKind::IdentityResourceGroup => tr!(lang, "an identity-based policy granted in a resource group", "在资源组内授予的基于身份的策略"),
            PolicyKind::ControlPolicy => tr!(lang, "a control policy of the resource directory", "资源目录的管控策略"),
            PolicyKind::SessionPolicy => tr!(lang, "the session policy passed with AssumeRole", "AssumeRole 时传入的会话策略"),
            PolicyKind::TrustPolicy => tr!(lang, "the role's trust policy", "角色的信任策略"),
            PolicyKind::ResourcePolicy => tr!(lang, "a resource-based policy (for OSS, the bucket policy)", "基于资源的策略（OSS 中即 Bucket Policy）"),
            PolicyKind::Other => tr!(lang, format!("a policy of type `{}`", p.raw), format!("类型为 `{}` 的策略", p.raw)),
        },
    }
}

fn why(facts: &Facts, lang: Lang) -> String {
    let policy = policy_words(facts, lang);
    let named = facts.policy_type.is_some();
    match (facts.denial, named) {
        (Denial::Explicit, true) => tr!(lang, format!("explicit deny: a `Deny` statement in {policy} matches the request, and no Allow anywhere overrides a Deny"), format!("显式拒绝：{policy}中有一条 `Deny` 语句与请求匹配，任何 Allow 都不能覆盖 Deny")),
        (Denial::Explicit, false) => tr!(lang, "explicit deny: a `Deny` statement matches the request, and no Allow anywhere overrides a Deny; the error does not say in which policy", "显式拒绝：有一条 `Deny` 语句与请求匹配，任何 Allow 都不能覆盖 Deny；报错未说明是哪个策略"),
        (Denial::Implicit, true) => tr!(lang, format!("implicit deny: no statement allows the request; the policy type named is {policy}"), format!("隐式拒绝：没有任何语句允许该请求；报错指明的策略类型为{policy}")),
        (Denial::Implicit, false) => tr!(lang, "implicit deny: no statement allows the request", "隐式拒绝：没有任何语句允许该请求"),
        (Denial::Unknown, true) => tr!(lang, format!("the error does not say whether a `Deny` statement matched (explicit deny) or nothing allowed the request (implicit deny); the policy type named is {policy}"), format!("报错未说明是有 `Deny` 语句匹配（显式拒绝），还是没有语句允许该请求（隐式拒绝）；报错指明的策略类型为{policy}")),
        (Denial::Unknown, false) => tr!(lang, "the error does not say whether a `Deny` statement matched (explicit deny) or nothing allowed the request (implicit deny)", "报错未说明是有 `Deny` 语句匹配（显式拒绝），还是没有语句允许该请求（隐式拒绝）"),
    }
}

fn steps(
    facts: &Facts,
    fix: Option<&Fix>,
    decode: Option<&str>,
    scenarios: &[ScenarioMatch],
    lang: Lang,
) -> Vec<Step> {
    let mut out = Vec::new();
    let action = facts.asked.action.as_deref().unwrap_or("?");
    let decode_step = |out: &mut Vec<Step>| {
        if let Some(command) = decode {
            out.push(Step {
                text: tr!(lang, "Decode the diagnostic message for the full story (the resource, the conditions and, for a Deny, the policy that matched). It takes `ram:DecodeDiagnosticMessage`, which an administrator has; ramplan never calls it. Paste its answer here.", "解码诊断信息以了解完整情况（资源、条件，以及显式拒绝时匹配的策略）。这需要 `ram:DecodeDiagnosticMessage` 权限（管理员通常拥有）；ramplan 从不调用它。请将其输出粘贴到此处。"),
                command: Some(command.to_owned()),
            });
        }
    };
    match facts.denial {
        Denial::Explicit => {
            let kind = facts.policy_type.as_ref().map(|p| p.kind);
            out.push(step(match kind {
                Some(PolicyKind::IdentityAccount) => tr!(lang, format!("Find the `Deny` statement that matches `{action}` in the policies granted to the identity, to the user groups it belongs to, or to the role (RAM console › Identities › Users or Roles › Permissions). Change it only with whoever wrote it: adding an Allow does not help."), format!("在为该身份、其所属用户组或角色授予的策略中，找到与 `{action}` 匹配的 `Deny` 语句（RAM 控制台 › 身份管理 › 用户或角色 › 权限管理）。请与编写者协商后再修改：添加 Allow 无济于事。")),
                Some(PolicyKind::IdentityResourceGroup) => tr!(lang, format!("Find the `Deny` statement that matches `{action}` in the policies granted in the resource group (Resource Management console › Resource Groups › Permissions). Adding an Allow does not help."), format!("在资源组内授予的策略中找到与 `{action}` 匹配的 `Deny` 语句（资源管理控制台 › 资源组 › 权限管理）。添加 Allow 无济于事。")),
                Some(PolicyKind::ControlPolicy) => tr!(lang, format!("A control policy of the resource directory denies `{action}`, on this account or a folder above it. Only the resource directory's management account sees and changes control policies: send this error to its administrator."), format!("资源目录的管控策略在本账号或其上级文件夹上拒绝了 `{action}`。只有资源目录的管理账号能查看和修改管控策略：请将此报错发送给其管理员。")),
                Some(PolicyKind::SessionPolicy) => tr!(lang, format!("The session policy the program passes when it assumes the role (AssumeRole's `Policy` parameter) denies `{action}`: change what the program passes."), format!("程序扮演角色时传入的会话策略（AssumeRole 的 `Policy` 参数）拒绝了 `{action}`：请修改程序传入的内容。")),
                Some(PolicyKind::TrustPolicy) => tr!(lang, "A `Deny` statement in the role's trust policy matches the caller: read it in the RAM console › Roles › the role › Trust Policy.", "角色的信任策略中有一条 `Deny` 语句与调用者匹配：请在 RAM 控制台 › 角色 › 该角色 › 信任策略中查看。"),
                Some(PolicyKind::ResourcePolicy) => tr!(lang, format!("The resource's own policy denies `{action}`; for OSS, the bucket policy (OSS console › the bucket › Permission Control › Bucket Policy). Adding an Allow to the identity does not help."), format!("资源自身的策略拒绝了 `{action}`；对于 OSS，即 Bucket Policy（OSS 控制台 › 该 Bucket › 权限控制 › Bucket Policy）。为身份添加 Allow 无济于事。")),
                _ => tr!(lang, format!("A `Deny` statement matches `{action}`: look in the identity's policies, the session policy, the resource directory's control policies and, for OSS, the bucket policy. Adding an Allow does not help."), format!("有一条 `Deny` 语句与 `{action}` 匹配：请检查该身份的策略、会话策略、资源目录的管控策略，以及 OSS 的 Bucket Policy。添加 Allow 无济于事。")),
            }));
            for policy in &facts.matched_policies {
                let described = policy
                    .fields
                    .iter()
                    .map(|f| format!("{} `{}`", f.key, f.value))
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(step(tr!(
                    lang,
                    format!("The decoded message names the policy that matched: {described}."),
                    format!("解码后的信息指明了匹配的策略：{described}。")
                )));
            }
            decode_step(&mut out);
        }
        Denial::Implicit | Denial::Unknown => {
            if facts.denial == Denial::Unknown {
                decode_step(&mut out);
            }
            match fix {
                Some(fix) => {
                    let federated = facts
                        .identity
                        .as_ref()
                        .is_some_and(|i| i.kind == IdentityKind::Federated);
                    out.push(step(match fix.target {
                        Target::Identity if federated => tr!(lang, "An SSO identity has the permissions of the RAM role or user its identity provider maps it to: grant the statement below to that role or user as a custom policy.", "SSO 身份的权限来自身份提供商为其映射的 RAM 角色或用户：请将下面的语句作为自定义策略授予该角色或用户。"),
                        Target::Identity => tr!(lang, "Grant the statement below to the identity as a custom policy (the aliyun CLI and Terraform below create it and attach it), or add it to a custom policy the identity already has.", "将下面的语句作为自定义策略授予该身份（下方的 aliyun CLI 与 Terraform 会创建并授权），或将其加入该身份已有的自定义策略。"),
                        Target::SessionPolicy => tr!(lang, "Add the statement below to the session policy the program passes with AssumeRole; the role's own policies must allow the request too.", "将下面的语句加入程序在 AssumeRole 时传入的会话策略；角色自身的策略也必须允许该请求。"),
                        Target::ControlPolicy => tr!(lang, "The resource directory's control policies do not allow the request: its management account must allow the statement below in a control policy on this account or its folder.", "资源目录的管控策略未允许该请求：需由资源目录的管理账号在作用于本账号或其文件夹的管控策略中允许下面的语句。"),
                    }));
                    if fix.target == Target::Identity
                        && facts.policy_type.as_ref().map(|p| p.kind)
                            == Some(PolicyKind::IdentityResourceGroup)
                    {
                        out.push(step(tr!(lang, "The error names the resource-group level: the statement granted at account level (as below) covers it, or grant it in the resource group the resource belongs to (Resource Management console › Resource Groups › Permissions) to keep it to that group.", "报错指明的是资源组级：按下方在账号级授予该语句即可覆盖；如需仅限该资源组，也可在资源所属的资源组内授予（资源管理控制台 › 资源组 › 权限管理）。")));
                    }
                    if fix.resource_from_host {
                        out.push(step(tr!(lang, "OSS errors do not name the object: the statement names the bucket from the error's HostId, at the level the catalogue gives the action (the bucket, or all of its objects). Narrow it to a folder (`bucket/dir/*`) if that is all the identity needs.", "OSS 报错不指明对象：语句按报错中 HostId 给出的 Bucket，以及目录中该操作的级别（Bucket 本身或其全部对象）编写。如果该身份只需要某个目录，请收窄为 `bucket/dir/*`。")));
                    } else if !fix.resource_known {
                        out.push(step(tr!(lang, "The error does not name the resource, so the statement says `*` (every resource of that action): narrow it to the resource's ARN once you know it (the decoded message's AuthResource says).", "报错未指明资源，因此语句中写的是 `*`（该操作的所有资源）：得知资源后请收窄为资源的 ARN（解码后的 AuthResource 会给出）。")));
                    }
                    if facts.denial == Denial::Unknown {
                        out.push(step(tr!(lang, "If the decoded message says ExplicitDeny, the statement will not help: look for the Deny instead.", "如果解码结果为 ExplicitDeny，该语句无济于事：请改为查找 Deny 语句。")));
                    }
                }
                None => {
                    let kind = facts.policy_type.as_ref().map(|p| p.kind);
                    if kind == Some(PolicyKind::TrustPolicy) {
                        out.push(step(tr!(lang, "The role's trust policy does not let the caller assume it: add the caller as a `Principal` of a statement that allows `sts:AssumeRole` (RAM console › Roles › the role › Trust Policy).", "角色的信任策略不允许调用者扮演该角色：请在允许 `sts:AssumeRole` 的语句中将调用者加入 `Principal`（RAM 控制台 › 角色 › 该角色 › 信任策略）。")));
                    } else if facts.asked.action.is_none() {
                        out.push(step(tr!(lang, "The error does not name the action, so ramplan cannot write the statement: decode the diagnostic message, or look for `AuthAction` in the full error.", "报错未指明操作，ramplan 无法写出语句：请解码诊断信息，或在完整报错中查找 `AuthAction`。")));
                    }
                    if facts.denial == Denial::Implicit {
                        decode_step(&mut out);
                    }
                }
            }
            if facts.denial == Denial::Implicit && fix.is_some() {
                decode_step(&mut out);
            }
        }
    }
    for s in scenarios {
        out.push(step(tr!(
            lang,
            format!("This looks like the set-up “{}”: its plan is {}, and its “Check an existing setup” tab ({}) compares the role you have with what it needs.", s.title, s.plan_link, s.check_link),
            format!("这看起来与“{}”的配置有关：其计划见 {}，其“检查现有配置”页签（{}）可将现有角色与所需配置对比。", s.title, s.plan_link, s.check_link)
        )));
    }
    out
}

fn notes(facts: &Facts, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let message = facts
        .error
        .message
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if facts.error.oss_ec.as_deref() == Some(super::model::OSS_EC_RAM_DENY)
        && message.contains("bucket policy")
    {
        out.push(tr!(lang, "OSS's message says “bucket policy”, but its error code `0003-00000201` and the policy type mean a RAM policy denied the request; ramplan goes by the code.", "OSS 的报错信息写的是“bucket policy”（Bucket Policy），但其错误码 `0003-00000201` 与策略类型表明是 RAM 策略拒绝了请求；ramplan 以错误码为准。"));
    }
    let masked = |s: Option<&str>| s.is_some_and(|s| s.contains("***"));
    let identity = facts.identity.as_ref();
    if masked(facts.asked.resource.as_deref())
        || masked(identity.and_then(|i| i.display_name.as_deref()))
        || masked(identity.and_then(|i| i.account_id.as_deref()))
    {
        out.push(tr!(lang, "Some values are masked with `*`, as documentation examples are; a real error shows them whole.", "部分值以 `*` 遮盖（文档示例常这样做）；真实报错会显示完整的值。"));
    }
    if facts.identity.is_some() {
        out.push(tr!(lang, "The identity's IDs and names are shown back here only: ramplan keeps none of them and puts none in a link.", "身份的 ID 与名称仅在此显示：ramplan 不保存，也不会放入任何链接。"));
    }
    out
}

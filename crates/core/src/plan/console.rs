//! The RAM console steps the scenarios share: create a role, replace or check its trust
//! policy, create a custom policy, grant a policy to the role. Each source document words the
//! console its own way (one names the role form's first field "Select Trusted Entity", another
//! "Principal type"; one calls the trust policy tab "Trust Policy", another "Policy
//! Document"). Those words are data here, one [`RamConsole`] per source; the steps are built
//! in one place. What a scenario adds is its own prose: the title, the instructions, the check.

use crate::finding::Lang;
use crate::plan::{Account, Step};
use crate::tr;

/// English and Chinese, as the source's console shows them.
pub type Words = (&'static str, &'static str);

fn say(words: Words, lang: Lang) -> &'static str {
    lang.pick(words.0, words.1)
}

/// A field of the create-role form, with its label.
#[derive(Debug, Clone, Copy)]
pub enum FormField {
    /// What kind of entity may assume the role (its value: account or service).
    EntityType(Words),
    RoleName(Words),
    /// The choice of another account, before its ID.
    AccountChoice(Words),
    /// The trusted account's ID.
    AccountId(Words),
    /// One field naming the other account and its ID together.
    AccountWithId(Words),
    /// The trusted service.
    TrustedService(Words),
}

/// How a policy is granted to a role in one source's console.
#[derive(Debug, Clone, Copy)]
pub struct GrantForm {
    /// The field choosing the kind of policy, and the value for this grant.
    pub kind: Option<(Words, Words)>,
    /// The field naming the policy.
    pub policy: Words,
}

/// One source's words for the RAM console.
#[derive(Debug, Clone, Copy)]
pub struct RamConsole {
    /// The create-role form's fields, in the order the console shows them.
    pub create_role: &'static [FormField],
    /// Where the trust policy is edited; `{role}` stands for the role's name.
    pub edit_trust: Words,
    /// Where policies are granted to the role; `{role}` stands for the role's name.
    pub grant: Words,
}

const ENTITY_ACCOUNT: Words = ("Alibaba Cloud Account", "阿里云账号");
const ENTITY_SERVICE: Words = ("Alibaba Cloud Service", "阿里云服务");
const OTHER_ACCOUNT: Words = ("Other Alibaba Cloud Account", "其他阿里云账号");
const SELECT_TRUSTED_ENTITY: Words = ("Select Trusted Entity", "选择可信实体类型");
const RAM_ROLE_NAME: Words = ("RAM Role Name", "角色名称");
const EDIT_TRUST_POLICY: Words = (
    "RAM console > Identities > Roles > {role} > Trust Policy > Edit Trust Policy",
    "RAM 控制台 > 身份管理 > 角色 > {role} > 信任策略 > 编辑信任策略",
);
const GRANT_ON_ROLE: Words = (
    "RAM console > Identities > Roles > {role} > Permissions > Grant Permission",
    "RAM 控制台 > 身份管理 > 角色 > {role} > 权限管理 > 新增授权",
);

/// A custom policy, granted as every source's console grants one.
pub const GRANT_CUSTOM: GrantForm = GrantForm {
    kind: Some((
        ("Policy type", "权限策略类型"),
        ("Custom Policy", "自定义策略"),
    )),
    policy: ("Policy", "权限策略"),
};

/// Seed 000: DataWorks Data Integration reading an instance of another account.
pub const DATA_INTEGRATION: RamConsole = RamConsole {
    create_role: &[
        FormField::EntityType(SELECT_TRUSTED_ENTITY),
        FormField::RoleName(RAM_ROLE_NAME),
        FormField::AccountChoice(("Select Account", "选择账号")),
        FormField::AccountId(("Account UID", "账号 UID")),
    ],
    edit_trust: EDIT_TRUST_POLICY,
    grant: ("RAM console > Roles > {role}", "RAM 控制台 > 角色 > {role}"),
};

/// How [`DATA_INTEGRATION`] grants system policies.
pub const DATA_INTEGRATION_SYSTEM_GRANT: GrantForm = GrantForm {
    kind: Some((
        ("Authorization Policy", "授权策略"),
        ("System Policy", "系统策略"),
    )),
    policy: ("Policy", "权限策略"),
};

/// The DataWorks-EMR source: registering a cluster of another account.
pub const DATAWORKS_EMR: RamConsole = RamConsole {
    create_role: &[
        FormField::EntityType(SELECT_TRUSTED_ENTITY),
        FormField::RoleName(RAM_ROLE_NAME),
        FormField::AccountChoice((
            "Select Trusted Alibaba Cloud Account",
            "选择信任的阿里云账号",
        )),
        FormField::AccountId(("Account ID", "账号 ID")),
    ],
    edit_trust: EDIT_TRUST_POLICY,
    grant: (
        "RAM console > details page of the role {role}",
        "RAM 控制台 > 角色 {role} 的详情页",
    ),
};

/// How [`DATAWORKS_EMR`] grants its system policy.
pub const DATAWORKS_EMR_SYSTEM_GRANT: GrantForm = GrantForm {
    kind: None,
    policy: ("System policy", "系统策略"),
};

/// The MaxCompute and Hologres data-source source, which shows an older console.
pub const DATAWORKS_ENGINE: RamConsole = RamConsole {
    create_role: &[
        FormField::EntityType(("Principal type", "信任主体类型")),
        FormField::AccountWithId(("Principal name", "信任主体名称")),
        FormField::RoleName(("Role name", "角色名称")),
    ],
    edit_trust: (
        "RAM console > Identities > Roles > {role} > Policy Document > Edit Policy Document",
        "RAM 控制台 > 身份管理 > 角色 > {role} > 策略文档 > 编辑策略文档",
    ),
    grant: GRANT_ON_ROLE,
};

/// Seed 004: a custom ECS application role for an EMR cluster.
pub const EMR_ECS_ROLE: RamConsole = RamConsole {
    create_role: &[
        FormField::EntityType(SELECT_TRUSTED_ENTITY),
        FormField::RoleName(RAM_ROLE_NAME),
        FormField::TrustedService(("Select Trusted Service", "选择受信服务")),
    ],
    edit_trust: EDIT_TRUST_POLICY,
    grant: (
        "RAM console > Identities > Roles > Grant Permission",
        "RAM 控制台 > 身份管理 > 角色 > 新增授权",
    ),
};

/// Who may assume the role being created.
#[derive(Debug, Clone, Copy)]
pub enum Trusted<'a> {
    /// Another Alibaba Cloud account, by its ID.
    Account(&'a str),
    /// An Alibaba Cloud service, by the name the form lists it under.
    Service(Words),
}

/// What a step says in the scenario's own words.
pub struct Prose {
    pub title: String,
    pub instructions: String,
    pub verify: String,
}

impl RamConsole {
    fn at(words: Words, role: &str, lang: Lang) -> String {
        say(words, lang).replace("{role}", role)
    }

    /// Create the role, with the form filled in as this source's console labels it.
    pub fn create_role(
        &self,
        lang: Lang,
        account: Account,
        role: &str,
        trusted: Trusted<'_>,
        prose: Prose,
    ) -> Step {
        let mut step = Step::new(
            account,
            prose.title,
            tr!(
                lang,
                "RAM console > Identities > Roles > Create Role",
                "RAM 控制台 > 身份管理 > 角色 > 创建角色"
            ),
            prose.instructions,
        );
        for field in self.create_role {
            match (*field, trusted) {
                (FormField::EntityType(label), Trusted::Account(_)) => {
                    step.param(say(label, lang), say(ENTITY_ACCOUNT, lang));
                }
                (FormField::EntityType(label), Trusted::Service(_)) => {
                    step.param(say(label, lang), say(ENTITY_SERVICE, lang));
                }
                (FormField::RoleName(label), _) => {
                    step.param(say(label, lang), role);
                }
                (FormField::AccountChoice(label), Trusted::Account(_)) => {
                    step.param(say(label, lang), say(OTHER_ACCOUNT, lang));
                }
                (FormField::AccountId(label), Trusted::Account(uid)) => {
                    step.param(say(label, lang), uid);
                }
                (FormField::AccountWithId(label), Trusted::Account(uid)) => {
                    let (en, zh) = OTHER_ACCOUNT;
                    step.param(
                        say(label, lang),
                        tr!(lang, format!("{en}: {uid}"), format!("{zh}：{uid}")),
                    );
                }
                (FormField::TrustedService(label), Trusted::Service(service)) => {
                    step.param(say(label, lang), say(service, lang));
                }
                // A field for the other kind of entity is not on the form.
                (
                    FormField::AccountChoice(_)
                    | FormField::AccountId(_)
                    | FormField::AccountWithId(_),
                    Trusted::Service(_),
                )
                | (FormField::TrustedService(_), Trusted::Account(_)) => {}
            }
        }
        step.verify(prose.verify);
        step
    }

    /// Replace the role's trust policy with the plan's `trust-policy`.
    pub fn replace_trust_policy(
        &self,
        lang: Lang,
        account: Account,
        role: &str,
        prose: Prose,
    ) -> Step {
        let mut step = Step::new(
            account,
            prose.title,
            Self::at(self.edit_trust, role, lang),
            prose.instructions,
        );
        step.paste("trust-policy").verify(prose.verify);
        step
    }

    /// Compare the role's trust policy with the plan's `trust-policy`; nothing to edit. The
    /// place is the edit path without its last step (the edit button).
    pub fn check_trust_policy(
        &self,
        lang: Lang,
        account: Account,
        role: &str,
        prose: Prose,
    ) -> Step {
        let mut step = Step::new(
            account,
            prose.title,
            Self::at(self.edit_trust, role, lang)
                .rsplit_once(" > ")
                .map_or_else(String::new, |(shown, _)| shown.to_owned()),
            prose.instructions,
        );
        step.compare_with("trust-policy").verify(prose.verify);
        step
    }

    /// Create the custom policy from the plan's `permission-policy`.
    pub fn create_custom_policy(
        &self,
        lang: Lang,
        account: Account,
        policy_name: &str,
        instructions: String,
    ) -> Step {
        let mut step = Step::new(
            account,
            tr!(lang, "Create the custom policy", "创建自定义权限策略"),
            tr!(
                lang,
                "RAM console > Permissions > Policies > Create Policy > JSON",
                "RAM 控制台 > 权限管理 > 权限策略 > 创建权限策略 > 脚本编辑"
            ),
            instructions,
        );
        step.param(tr!(lang, "Name", "名称"), policy_name)
            .paste("permission-policy")
            .verify(tr!(
                lang,
                format!("`{policy_name}` appears in the list of custom policies"),
                format!("自定义策略列表中出现 `{policy_name}`")
            ));
        step
    }

    /// Grant policies to the role, as `form` (a custom or a system policy) fills the form.
    pub fn grant(
        &self,
        lang: Lang,
        account: Account,
        role: &str,
        form: GrantForm,
        policies: &[&str],
        prose: Prose,
    ) -> Step {
        let mut step = Step::new(
            account,
            prose.title,
            Self::at(self.grant, role, lang),
            prose.instructions,
        );
        if let Some((label, value)) = form.kind {
            step.param(say(label, lang), say(value, lang));
        }
        for policy in policies {
            step.param(say(form.policy, lang), *policy);
        }
        step.verify(prose.verify);
        step
    }
}

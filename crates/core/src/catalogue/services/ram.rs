//! Resource Access Management (RAM code `ram`).
//!
//! Actions are the operations of the RAM 2015-05-01 OpenAPI as listed by the official SDK, plus
//! `ram:PassRole`, which has no API operation of its own: it is checked when a caller hands a RAM
//! role to a cloud service (the ACK and SLS guides ask for it, restricted with `acs:Service`).
//!
//! Actions taken from an SDK operation list rely on the RAM rule that an action name is the
//! service's OpenAPI operation name (policy-elements doc, ram-facts S4); they are marked confirmed
//! because both the operation list and that rule are official.
//!
//! Level PermissionManagement is used for everything that creates or changes identities,
//! credentials, policies, policy attachments, group membership, MFA and password/security settings,
//! and for PassRole. The newer IMS API (2019-08-15), which also uses the `ram` code, is not included.

use super::super::{AccessLevel::*, Action, ConditionKey, Coverage, KeyType, Service};
use super::{act, key};

/// RAM RAM-authorization page (RAM codes ram, sts).
const SRC_RAM: &str = "https://www.alibabacloud.com/help/en/ram/api-ram";
/// Official guides that grant ram:PassRole (ACK custom policy guide; SLS built-in role guide).
const SRC_PASSROLE: &str =
    "help.aliyun.com ACK and SLS guides: ram:PassRole conditioned on acs:Service";
/// Official system policies restrict CreateServiceLinkedRole with ram:ServiceName.
const SRC_SLR: &str =
    "alibabacloud.com/help/en/ram/developer-reference (system policies, e.g. AliyunDTSRolePolicy)";
/// Official Python SDK alibabacloud-ram20150501 1.3.0: its client lists every OpenAPI operation.
const SRC_SDK: &str = "https://pypi.org/project/alibabacloud-ram20150501/1.3.0/";

pub(super) static SERVICE: Service = Service {
    code: "ram",
    name_en: "Resource Access Management (RAM)",
    name_zh: "访问控制 RAM",
    arn_services: &["ram"],
    source: SRC_RAM,
    coverage: Coverage::Partial,
    actions: ACTIONS,
    condition_keys: KEYS,
};

static ACTIONS: &[Action] = &[
    act("AddUserToGroup", PermissionManagement, SRC_SDK, true),
    act("AttachPolicyToGroup", PermissionManagement, SRC_SDK, true),
    act("AttachPolicyToRole", PermissionManagement, SRC_SDK, true),
    act("AttachPolicyToUser", PermissionManagement, SRC_SDK, true),
    act("BindMFADevice", PermissionManagement, SRC_SDK, true),
    act("ChangePassword", PermissionManagement, SRC_SDK, true),
    act("ClearAccountAlias", Write, SRC_SDK, true),
    act("CreateAccessKey", PermissionManagement, SRC_SDK, true),
    act("CreateGroup", PermissionManagement, SRC_SDK, true),
    act("CreateLoginProfile", PermissionManagement, SRC_SDK, true),
    act("CreatePolicy", PermissionManagement, SRC_SDK, true),
    act("CreatePolicyVersion", PermissionManagement, SRC_SDK, true),
    act("CreateRole", PermissionManagement, SRC_SDK, true),
    act(
        "CreateServiceLinkedRole",
        PermissionManagement,
        SRC_SDK,
        true,
    ),
    act("CreateUser", PermissionManagement, SRC_SDK, true),
    act(
        "CreateVirtualMFADevice",
        PermissionManagement,
        SRC_SDK,
        true,
    ),
    act("DecodeDiagnosticMessage", Read, SRC_SDK, true),
    act("DeleteAccessKey", PermissionManagement, SRC_SDK, true),
    act("DeleteGroup", PermissionManagement, SRC_SDK, true),
    act("DeleteLoginProfile", PermissionManagement, SRC_SDK, true),
    act("DeletePolicy", PermissionManagement, SRC_SDK, true),
    act("DeletePolicyVersion", PermissionManagement, SRC_SDK, true),
    act("DeleteRole", PermissionManagement, SRC_SDK, true),
    act(
        "DeleteServiceLinkedRole",
        PermissionManagement,
        SRC_SDK,
        true,
    ),
    act("DeleteUser", PermissionManagement, SRC_SDK, true),
    act(
        "DeleteVirtualMFADevice",
        PermissionManagement,
        SRC_SDK,
        true,
    ),
    act("DetachPolicyFromGroup", PermissionManagement, SRC_SDK, true),
    act("DetachPolicyFromRole", PermissionManagement, SRC_SDK, true),
    act("DetachPolicyFromUser", PermissionManagement, SRC_SDK, true),
    act("GetAccessKeyLastUsed", Read, SRC_SDK, true),
    act("GetAccountAlias", Read, SRC_SDK, true),
    act("GetGroup", Read, SRC_SDK, true),
    act("GetLoginProfile", Read, SRC_SDK, true),
    act("GetPasswordPolicy", Read, SRC_SDK, true),
    act("GetPolicy", Read, SRC_SDK, true),
    act("GetPolicyVersion", Read, SRC_SDK, true),
    act("GetRole", Read, SRC_SDK, true),
    act("GetSecurityPreference", Read, SRC_SDK, true),
    act("GetServiceLinkedRoleTemplate", Read, SRC_SDK, true),
    act("GetUser", Read, SRC_SDK, true),
    act("GetUserMFAInfo", Read, SRC_SDK, true),
    act("ListAccessKeys", List, SRC_SDK, true),
    act("ListEntitiesForPolicy", List, SRC_SDK, true),
    act("ListGroups", List, SRC_SDK, true),
    act("ListGroupsForUser", List, SRC_SDK, true),
    act("ListPolicies", List, SRC_SDK, true),
    act("ListPoliciesForGroup", List, SRC_SDK, true),
    act("ListPoliciesForRole", List, SRC_SDK, true),
    act("ListPoliciesForUser", List, SRC_SDK, true),
    act("ListPolicyVersions", List, SRC_SDK, true),
    act("ListRoles", List, SRC_SDK, true),
    act("ListTagResources", List, SRC_SDK, true),
    act("ListUsers", List, SRC_SDK, true),
    act("ListUsersForGroup", List, SRC_SDK, true),
    act("ListVirtualMFADevices", List, SRC_SDK, true),
    act("PassRole", PermissionManagement, SRC_PASSROLE, true),
    act("RemoveUserFromGroup", PermissionManagement, SRC_SDK, true),
    act("SetAccountAlias", Write, SRC_SDK, true),
    act(
        "SetDefaultPolicyVersion",
        PermissionManagement,
        SRC_SDK,
        true,
    ),
    act("SetPasswordPolicy", PermissionManagement, SRC_SDK, true),
    act("SetSecurityPreference", PermissionManagement, SRC_SDK, true),
    act("TagResources", Tagging, SRC_SDK, true),
    act("UnbindMFADevice", PermissionManagement, SRC_SDK, true),
    act("UntagResources", Tagging, SRC_SDK, true),
    act("UpdateAccessKey", PermissionManagement, SRC_SDK, true),
    act("UpdateGroup", PermissionManagement, SRC_SDK, true),
    act("UpdateLoginProfile", PermissionManagement, SRC_SDK, true),
    act("UpdatePolicyDescription", Write, SRC_SDK, true),
    act("UpdateRole", PermissionManagement, SRC_SDK, true),
    act("UpdateUser", PermissionManagement, SRC_SDK, true),
];

static KEYS: &[ConditionKey] = &[
    // Service name of the service-linked role being created or deleted.
    key("ram:ServiceName", KeyType::String, SRC_SLR, true),
];

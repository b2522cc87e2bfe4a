//! Security Token Service (RAM code `sts`).
//!
//! `arn_services` is `ram`: the resource of `sts:AssumeRole` is a RAM role,
//! `acs:ram::<account-id>:role/<role-name>` (ram-facts section 1.5), and no `acs:sts:` ARNs were
//! found.
//!
//! The four operations of the STS 2015-04-01 OpenAPI, from the official SDK. `sts:AssumeRole` is the
//! action trust policies allow. Whether OIDC trust policies must name `sts:AssumeRoleWithOIDC` or
//! `sts:AssumeRole` is an open question (ram-facts section 11, item 8); both are valid action names.
//! Trust-policy condition keys (`saml:`, `oidc:`) are kept with the global keys, because their
//! prefixes are not RAM codes and a lookup by prefix would never reach this file.
//! No official source names an `sts:ExternalId` condition key, so none is listed.

use super::super::{AccessLevel::*, Action, Coverage, Service};
use super::act;

/// STS RAM authorization page.
const SRC_RAM: &str = "https://help.aliyun.com/en/ram/developer-reference/api-sts-2015-04-01-ram";
/// Official Python SDK alibabacloud-sts20150401 1.2.0: its client lists every OpenAPI operation.
const SRC_SDK: &str = "https://pypi.org/project/alibabacloud-sts20150401/1.2.0/";

pub(super) static SERVICE: Service = Service {
    code: "sts",
    name_en: "Security Token Service (STS)",
    name_zh: "安全令牌服务 STS",
    arn_services: &["ram"],
    source: SRC_RAM,
    coverage: Coverage::Partial,
    actions: ACTIONS,
    condition_keys: &[],
};

static ACTIONS: &[Action] = &[
    act("AssumeRole", Write, SRC_SDK, true),
    act("AssumeRoleWithOIDC", Write, SRC_SDK, true),
    act("AssumeRoleWithSAML", Write, SRC_SDK, true),
    act("GetCallerIdentity", Read, SRC_SDK, true),
];

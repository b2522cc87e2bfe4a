//! Global condition keys: the `acs:` keys that any service accepts, plus the keys of trust
//! policies (`saml:`, `oidc:`).
//!
//! The trust-policy keys live here rather than in `sts.rs`: their prefixes are not RAM codes, so
//! a lookup that goes from a key's prefix to a service would never find them in a service file.
//! They are only meaningful in a role's trust policy (`AssumeRolePolicyDocument`).
//!
//! Left out on purpose:
//! - `acs:Referer`: not in any official key list; Referer control for OSS is the bucket's hotlink
//!   protection setting, not a policy condition.
//! - `sts:ExternalId`: the STS AssumeRole API has an ExternalId parameter, but no official text
//!   names a matching condition key (ram-facts section 2).

use super::super::{ConditionKey, KeyType};
use super::key;

/// RAM policy-elements doc (ram-facts S4): the four original common keys and their types.
const SRC_S4: &str =
    "AlibabaCloudDocs/ram:intl.en-US/Policy Management/Policy language/Policy elements.md";
/// RAM condition-operator page (ram-facts S6); its examples use `acs:ResourceTag/<key>`.
const SRC_S6: &str = "https://www.alibabacloud.com/help/en/ram/conditional-operator";
/// KMS condition-key page (ram-facts S8): documents `acs:SourceVpc` as a common key.
const SRC_KMS: &str =
    "https://www.alibabacloud.com/help/en/kms/key-management-service/security-and-compliance/condition-key";
/// OSS authorization page: lists `acs:AccessId` and `acs:UserAgent` with the other common keys.
const SRC_OSS: &str =
    "https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements";
/// Official guides that restrict `ram:PassRole` with `acs:Service` (the receiving service).
const SRC_PASSROLE: &str =
    "help.aliyun.com ACK and SLS guides: ram:PassRole conditioned on acs:Service";
/// RAM guide to editing a role's trust policy (ram-facts S20): SAML trust with `saml:recipient`.
const SRC_TRUST: &str =
    "https://help.aliyun.com/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role";
/// The fact sheet, for keys it records as unconfirmed or as third-party only.
const SRC_FACTS: &str = "shared/reference/ram-facts.md section 1.7";

pub(super) const KEYS: &[ConditionKey] = &[
    key("acs:CurrentTime", KeyType::Date, SRC_S4, true),
    key("acs:SecureTransport", KeyType::Boolean, SRC_S4, true),
    key("acs:SourceIp", KeyType::Ip, SRC_S4, true),
    key("acs:MFAPresent", KeyType::Boolean, SRC_S4, true),
    // Only present when the request comes from a VPC.
    key("acs:SourceVpc", KeyType::String, SRC_KMS, true),
    // The AccessKey ID that signed the request.
    key("acs:AccessId", KeyType::String, SRC_OSS, true),
    key("acs:UserAgent", KeyType::String, SRC_OSS, true),
    // Only meaningful with `ram:PassRole`: the service the role is passed to.
    key("acs:Service", KeyType::String, SRC_PASSROLE, true),
    // Tag families: the tag key follows the slash.
    key("acs:ResourceTag/", KeyType::String, SRC_S6, true),
    key("acs:RequestTag/", KeyType::String, SRC_FACTS, false),
    // Trust-policy keys.
    key("saml:recipient", KeyType::String, SRC_TRUST, true),
    // OIDC keys are seen only in third-party examples (ACK RRSA, GitHub Actions).
    key("oidc:iss", KeyType::String, SRC_FACTS, false),
    key("oidc:aud", KeyType::String, SRC_FACTS, false),
    key("oidc:sub", KeyType::String, SRC_FACTS, false),
];

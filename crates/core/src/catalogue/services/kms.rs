//! Key Management Service (RAM code `kms`).
//!
//! Actions are the operations of the KMS 2016-01-20 OpenAPI as listed by the official SDK; the KMS
//! access-control page states that actions take the form `kms:<api-name>`. It also says that
//! DescribeRegions is not subject to access control, so `kms:DescribeRegions` is left out.
//! Cryptographic operations (Encrypt, Decrypt, GenerateDataKey, Asymmetric*, ...) are filed as Write;
//! key and secret policy changes as PermissionManagement.

use super::super::{AccessLevel::*, Action, ConditionKey, Coverage, KeyType, Service};
use super::{act, key};

/// KMS RAM authorization page.
const SRC_RAM: &str = "https://help.aliyun.com/zh/kms/key-management-service/developer-reference/api-kms-2016-01-20-ram";
/// KMS condition-key page (ram-facts S8).
const SRC_KEYS: &str = "https://www.alibabacloud.com/help/en/kms/key-management-service/security-and-compliance/condition-key";
/// Official Python SDK alibabacloud-kms20160120 3.3.1: its client lists every OpenAPI operation.
const SRC_SDK: &str = "https://pypi.org/project/alibabacloud-kms20160120/3.3.1/";

pub(super) static SERVICE: Service = Service {
    code: "kms",
    name_en: "Key Management Service (KMS)",
    name_zh: "密钥管理服务 KMS",
    arn_services: &["kms"],
    source: SRC_RAM,
    coverage: Coverage::Partial,
    actions: ACTIONS,
    condition_keys: KEYS,
};

static ACTIONS: &[Action] = &[
    act("AsymmetricDecrypt", Write, SRC_SDK, true),
    act("AsymmetricEncrypt", Write, SRC_SDK, true),
    act("AsymmetricSign", Write, SRC_SDK, true),
    act("AsymmetricVerify", Read, SRC_SDK, true),
    act("BatchGetSecretValue", Read, SRC_SDK, true),
    act("CancelKeyDeletion", Write, SRC_SDK, true),
    act("ConnectKmsInstance", Write, SRC_SDK, true),
    act("CreateAlias", Write, SRC_SDK, true),
    act("CreateApplicationAccessPoint", Write, SRC_SDK, true),
    act("CreateClientKey", Write, SRC_SDK, true),
    act("CreateKey", Write, SRC_SDK, true),
    act("CreateKeyVersion", Write, SRC_SDK, true),
    act("CreateNetworkRule", Write, SRC_SDK, true),
    act("CreatePolicy", PermissionManagement, SRC_SDK, true),
    act("CreateSecret", Write, SRC_SDK, true),
    act("Decrypt", Write, SRC_SDK, true),
    act("DeleteAlias", Write, SRC_SDK, true),
    act("DeleteApplicationAccessPoint", Write, SRC_SDK, true),
    act("DeleteClientKey", Write, SRC_SDK, true),
    act("DeleteKeyMaterial", Write, SRC_SDK, true),
    act("DeleteNetworkRule", Write, SRC_SDK, true),
    act("DeletePolicy", PermissionManagement, SRC_SDK, true),
    act("DeleteSecret", Write, SRC_SDK, true),
    act("DescribeAccountKmsStatus", Read, SRC_SDK, true),
    act("DescribeApplicationAccessPoint", Read, SRC_SDK, true),
    act("DescribeKey", Read, SRC_SDK, true),
    act("DescribeKeyVersion", Read, SRC_SDK, true),
    act("DescribeNetworkRule", Read, SRC_SDK, true),
    act("DescribePolicy", Read, SRC_SDK, true),
    act("DescribeSecret", Read, SRC_SDK, true),
    act("DisableKey", Write, SRC_SDK, true),
    act("EnableKey", Write, SRC_SDK, true),
    act("Encrypt", Write, SRC_SDK, true),
    act("ExportDataKey", Write, SRC_SDK, true),
    act("GenerateAndExportDataKey", Write, SRC_SDK, true),
    act("GenerateDataKey", Write, SRC_SDK, true),
    act("GenerateDataKeyWithoutPlaintext", Write, SRC_SDK, true),
    act("GenerateMac", Write, SRC_SDK, true),
    act("GetChallenge", Read, SRC_SDK, true),
    act("GetClientKey", Read, SRC_SDK, true),
    act("GetDefaultKmsInstance", Read, SRC_SDK, true),
    act("GetKeyPolicy", Read, SRC_SDK, true),
    act("GetKmsInstance", Read, SRC_SDK, true),
    act("GetKmsInstanceQuotaInfos", Read, SRC_SDK, true),
    act("GetManagedDataKey", Read, SRC_SDK, true),
    act("GetParametersForImport", Read, SRC_SDK, true),
    act("GetPublicKey", Read, SRC_SDK, true),
    act("GetRandomPassword", Read, SRC_SDK, true),
    act("GetSecretPolicy", Read, SRC_SDK, true),
    act("GetSecretValue", Read, SRC_SDK, true),
    act("ImportKeyMaterial", Write, SRC_SDK, true),
    act("ListAliases", List, SRC_SDK, true),
    act("ListAliasesByKeyId", List, SRC_SDK, true),
    act("ListApplicationAccessPoints", List, SRC_SDK, true),
    act("ListClientKeys", List, SRC_SDK, true),
    act("ListKeyVersions", List, SRC_SDK, true),
    act("ListKeys", List, SRC_SDK, true),
    act("ListKmsInstances", List, SRC_SDK, true),
    act("ListManagedDataKeyVersions", List, SRC_SDK, true),
    act("ListNetworkRules", List, SRC_SDK, true),
    act("ListPolicies", List, SRC_SDK, true),
    act("ListResourceTags", List, SRC_SDK, true),
    act("ListSecretVersionIds", List, SRC_SDK, true),
    act("ListSecrets", List, SRC_SDK, true),
    act("ListTagResources", List, SRC_SDK, true),
    act("OpenKmsService", Write, SRC_SDK, true),
    act("PutSecretValue", Write, SRC_SDK, true),
    act("ReEncrypt", Write, SRC_SDK, true),
    act("ReleaseKmsInstance", Write, SRC_SDK, true),
    act("RestoreSecret", Write, SRC_SDK, true),
    act("RotateSecret", Write, SRC_SDK, true),
    act("ScheduleKeyDeletion", Write, SRC_SDK, true),
    act("SetDeletionProtection", Write, SRC_SDK, true),
    act("SetKeyPolicy", PermissionManagement, SRC_SDK, true),
    act("SetSecretPolicy", PermissionManagement, SRC_SDK, true),
    act("TagResource", Tagging, SRC_SDK, true),
    act("TagResources", Tagging, SRC_SDK, true),
    act("UntagResource", Tagging, SRC_SDK, true),
    act("UntagResources", Tagging, SRC_SDK, true),
    act("UpdateAlias", Write, SRC_SDK, true),
    act("UpdateApplicationAccessPoint", Write, SRC_SDK, true),
    act("UpdateKeyDescription", Write, SRC_SDK, true),
    act("UpdateKmsInstanceBindVpc", Write, SRC_SDK, true),
    act("UpdateNetworkRule", Write, SRC_SDK, true),
    act("UpdatePolicy", PermissionManagement, SRC_SDK, true),
    act("UpdateRotationPolicy", Write, SRC_SDK, true),
    act("UpdateSecret", Write, SRC_SDK, true),
    act("UpdateSecretRotationPolicy", Write, SRC_SDK, true),
    act("UpdateSecretVersionStage", Write, SRC_SDK, true),
    act("VerifyMac", Read, SRC_SDK, true),
];

static KEYS: &[ConditionKey] = &[
    // Key tag family, e.g. kms:tag/dataworks:datasource in AliyunServiceRolePolicyForDataworksEngine.
    key("kms:tag/", KeyType::String, SRC_KEYS, true),
    key("kms:EncryptionAlgorithm", KeyType::String, SRC_KEYS, true),
];

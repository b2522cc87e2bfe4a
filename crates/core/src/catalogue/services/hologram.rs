//! Hologres (RAM code `hologram`).
//!
//! Actions are the operations of the Hologram 2022-06-01 OpenAPI as listed by the official SDK; the
//! Hologres RAM authorization page shows actions named after those operations.
//!
//! Actions taken from an SDK operation list rely on the RAM rule that an action name is the
//! service's OpenAPI operation name (policy-elements doc, ram-facts S4); they are marked confirmed
//! because both the operation list and that rule are official.
//!
//! Older names from the legacy console-policy guide (AlibabaCloudDocs/hologram) are kept because
//! real policies still carry them. Two actions of the DataWorks cross-account guide (seed 001) are
//! marked unconfirmed as ram-facts section 5 asks, although this research found more:
//! - `hologram:DescribeInstance` is used in that legacy official guide ("view instance details"),
//!   but it is not an operation of the 2022-06-01 API.
//! - `hologram:ListDatabases` is an operation of the 2022-06-01 API (official SDK), which under the
//!   action-equals-operation rule would make it confirmed.
//!
//! Both are candidates for confirmation once the fact sheet is updated.

use super::super::{AccessLevel::*, Action, Coverage, Service};
use super::act;

/// Hologres RAM authorization page (RAM code hologram).
const SRC_RAM: &str =
    "https://help.aliyun.com/en/hologres/developer-reference/api-hologram-2022-06-01-ram";
/// Legacy official guide with per-action custom policy examples.
const SRC_LEGACY: &str = "AlibabaCloudDocs/hologram:intl.en-US/User Authorization/Grant permissions on Hologres to RAM users.md";
/// DataWorks cross-account MaxCompute/Hologres guide (seed 001, ram-facts S35).
const SRC_SEED: &str = "https://www.alibabacloud.com/help/en/dataworks/user-guide/add-a-maxcompute-data-source-across-accounts";
/// Official Python SDK alibabacloud-hologram20220601 1.11.1: its client lists every OpenAPI operation.
const SRC_SDK: &str = "https://pypi.org/project/alibabacloud-hologram20220601/1.11.1/";

pub(super) static SERVICE: Service = Service {
    code: "hologram",
    name_en: "Hologres",
    name_zh: "实时数仓 Hologres",
    arn_services: &["hologram"],
    source: SRC_RAM,
    coverage: Coverage::Partial,
    actions: ACTIONS,
    condition_keys: &[],
};

static ACTIONS: &[Action] = &[
    act("BindLeaderInstance", Write, SRC_SDK, true),
    act("ChangeResourceGroup", Write, SRC_SDK, true),
    act("CreateDatabase", Write, SRC_SDK, true),
    act("CreateExternalDatabase", Write, SRC_SDK, true),
    act("CreateHoloWarehouse", Write, SRC_SDK, true),
    act("CreateInstance", Write, SRC_SDK, true),
    act("CreateManualBackup", Write, SRC_SDK, true),
    act("CreateModelService", Write, SRC_SDK, true),
    act("CreateUser", Write, SRC_SDK, true),
    act("CreateWarehouse", Write, SRC_SDK, true),
    act("CreateWarehouseScheduleTask", Write, SRC_SDK, true),
    act("DeleteBackupData", Write, SRC_SDK, true),
    act("DeleteHoloWarehouse", Write, SRC_SDK, true),
    act("DeleteInstance", Write, SRC_SDK, true),
    act("DeleteModelResource", Write, SRC_SDK, true),
    act("DeleteModelService", Write, SRC_SDK, true),
    act("DeleteWarehouseScheduleTask", Write, SRC_SDK, true),
    // Unconfirmed per ram-facts section 5; see the module note.
    act("DescribeInstance", Read, SRC_LEGACY, false),
    act("DescribeTags", Read, SRC_SDK, true),
    act("DisableExecuteStatement", Write, SRC_SDK, true),
    act("DisableHiveAccess", Write, SRC_SDK, true),
    act("DisableOperationEvent", Write, SRC_SDK, true),
    act("DisableSSL", Write, SRC_SDK, true),
    act("DisableSupportAccount", Write, SRC_SDK, true),
    act("DisableWarehouseAutoScale", Write, SRC_SDK, true),
    act("DiscardUpgrade", Write, SRC_SDK, true),
    act("DropUser", Write, SRC_SDK, true),
    act("EnableExecuteStatement", Write, SRC_SDK, true),
    act("EnableHiveAccess", Write, SRC_SDK, true),
    act("EnableSSL", Write, SRC_SDK, true),
    act("EnableSupportAccount", Write, SRC_SDK, true),
    act("EnableWarehouseAutoScale", Write, SRC_SDK, true),
    act("ExecuteStatement", Write, SRC_SDK, true),
    act("GetCertificateAttribute", Read, SRC_SDK, true),
    act("GetExecuteStatementEnabled", Read, SRC_SDK, true),
    act("GetHoloWebLoginSetting", Read, SRC_SDK, true),
    act("GetInstance", Read, SRC_SDK, true),
    act("GetInstanceMetrics", Read, SRC_LEGACY, true),
    act("GetInstanceModel", Read, SRC_SDK, true),
    act("GetLastUpgradeRecord", Read, SRC_SDK, true),
    act("GetRootCertificate", Read, SRC_SDK, true),
    act("GetScheduledBackupConfig", Read, SRC_SDK, true),
    act("GetUpgradeStatus", Read, SRC_SDK, true),
    act("GetUpgradeable", Read, SRC_SDK, true),
    act("GetWarehouseDetail", Read, SRC_SDK, true),
    act(
        "GrantDatabasePermission",
        PermissionManagement,
        SRC_SDK,
        true,
    ),
    act("GrantSchemaPermission", PermissionManagement, SRC_SDK, true),
    act("GrantTablePermission", PermissionManagement, SRC_SDK, true),
    act("ListBackupData", List, SRC_SDK, true),
    // Unconfirmed per ram-facts section 5, though ListDatabases is a 2022-06-01 API operation.
    act("ListDatabases", List, SRC_SEED, false),
    act("ListFollowerInstances", List, SRC_SDK, true),
    act("ListInstanceModel", List, SRC_SDK, true),
    act("ListInstances", List, SRC_SDK, true),
    act("ListLeaderInstances", List, SRC_SDK, true),
    act("ListMigrationZones", List, SRC_SDK, true),
    act("ListModelCatalog", List, SRC_SDK, true),
    act("ListOperationEvents", List, SRC_SDK, true),
    act("ListRegions", List, SRC_SDK, true),
    act("ListUpgradeReleaseVersions", List, SRC_SDK, true),
    act("ListWarehouseScheduleEvent", List, SRC_SDK, true),
    act("ListWarehouseScheduleTask", List, SRC_SDK, true),
    act("ListWarehouses", List, SRC_SDK, true),
    act("MigrateInstanceZone", Write, SRC_SDK, true),
    act("ModifyInstanceNetworkType", Write, SRC_LEGACY, true),
    act("PrepareUpgrade", Write, SRC_SDK, true),
    act("RebalanceHoloWarehouse", Write, SRC_SDK, true),
    act("RenameHoloWarehouse", Write, SRC_SDK, true),
    act("RenewInstance", Write, SRC_SDK, true),
    act("RenewSSLCertificate", Write, SRC_SDK, true),
    act("RestartHoloWarehouse", Write, SRC_SDK, true),
    act("RestartInstance", Write, SRC_SDK, true),
    act("ResumeHoloWarehouse", Write, SRC_SDK, true),
    act("ResumeInstance", Write, SRC_SDK, true),
    act(
        "RevokeDatabasePermission",
        PermissionManagement,
        SRC_SDK,
        true,
    ),
    act(
        "RevokeSchemaPermission",
        PermissionManagement,
        SRC_SDK,
        true,
    ),
    act("RevokeTablePermission", PermissionManagement, SRC_SDK, true),
    act("ScaleHoloWarehouse", Write, SRC_SDK, true),
    act("ScaleInstance", Write, SRC_SDK, true),
    act("StopInstance", Write, SRC_SDK, true),
    act("SuspendHoloWarehouse", Write, SRC_SDK, true),
    act("TagResources", Tagging, SRC_SDK, true),
    act("UnBindLeaderInstance", Write, SRC_SDK, true),
    act("UntagResources", Tagging, SRC_SDK, true),
    act("UpdateAutoUpgrade", Write, SRC_SDK, true),
    act("UpdateBackupDataDesc", Write, SRC_SDK, true),
    act("UpdateHoloWebLoginSetting", Write, SRC_SDK, true),
    act("UpdateInstanceName", Write, SRC_SDK, true),
    act("UpdateInstanceNetworkType", Write, SRC_SDK, true),
    act("UpdateInstancePort", Write, SRC_SDK, true),
    act("UpdateMaintenanceWindow", Write, SRC_SDK, true),
    act("UpdateModelService", Write, SRC_SDK, true),
    act("UpdateOperationEventScheduleTime", Write, SRC_SDK, true),
    act("UpdateScheduledBackupConfig", Write, SRC_SDK, true),
    act("UpdateWarehouseScheduleTask", Write, SRC_SDK, true),
    act("UpgradeInstance", Write, SRC_SDK, true),
];

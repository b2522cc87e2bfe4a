//! Simple Log Service (RAM code `log`).
//!
//! SLS action names differ from its API operation names (GetLogs is authorised by
//! `log:GetLogStoreLogs`, PutLogs by `log:PostLogStoreLogs`, GetCursor and PullLogs by
//! `log:GetCursorOrData`), so the SDK operation list is not used. Sources:
//! - the official "Action list" page (legacy, project/Logstore/config/machine group/consumer group/
//!   index/saved search/dashboard actions);
//! - the "Authentication resources" tables of the 2020-12-30 API reference, as carried in the
//!   official Node.js SDK's documentation comments;
//! - the required-permission tables of the official Logstore guide (project-level reads).
//!
//! Many newer features (alerts, ETL, scheduled SQL, ...) are not covered.

use super::super::{AccessLevel::*, Action, Coverage, Service};
use super::act;

/// SLS RAM authorization page (2020-12-30).
const SRC_RAM: &str = "https://help.aliyun.com/en/sls/developer-reference/api-sls-2020-12-30-ram";
/// SLS "Action list" page (legacy list of RAM actions).
const SRC_ACTIONS: &str = "https://www.alibabacloud.com/help/doc-detail/29051.html";
/// Official SLS Node.js SDK 5.9.0: per-operation RAM action tables in its doc comments.
const SRC_APIDOC: &str = "https://www.npmjs.com/package/@alicloud/sls20201230/v/5.9.0";
/// Official Logstore guide listing the actions the console needs.
const SRC_GUIDE: &str = "help.aliyun.com/zh/sls Logstore guide (required-permission table)";

pub(super) static SERVICE: Service = Service {
    code: "log",
    name_en: "Simple Log Service (SLS)",
    name_zh: "日志服务 SLS",
    arn_services: &["log"],
    source: SRC_RAM,
    coverage: Coverage::Partial,
    actions: ACTIONS,
    condition_keys: &[],
};

static ACTIONS: &[Action] = &[
    act("ApplyConfigToGroup", Write, SRC_ACTIONS, true),
    act("ConsumerGroupHeartBeat", Write, SRC_ACTIONS, true),
    act("ConsumerGroupUpdateCheckPoint", Write, SRC_ACTIONS, true),
    act("CreateConfig", Write, SRC_ACTIONS, true),
    act("CreateConsumerGroup", Write, SRC_ACTIONS, true),
    act("CreateDashboard", Write, SRC_ACTIONS, true),
    act("CreateIndex", Write, SRC_ACTIONS, true),
    act("CreateLogStore", Write, SRC_ACTIONS, true),
    act("CreateMachineGroup", Write, SRC_ACTIONS, true),
    act("CreateProject", Write, SRC_ACTIONS, true),
    act("CreateSavedSearch", Write, SRC_ACTIONS, true),
    act("DeleteConfig", Write, SRC_ACTIONS, true),
    act("DeleteConsumerGroup", Write, SRC_ACTIONS, true),
    act("DeleteDashboard", Write, SRC_ACTIONS, true),
    act("DeleteIndex", Write, SRC_ACTIONS, true),
    act("DeleteLogStore", Write, SRC_ACTIONS, true),
    act("DeleteMachineGroup", Write, SRC_ACTIONS, true),
    act("DeleteProject", Write, SRC_APIDOC, true),
    act("DeleteSavedSearch", Write, SRC_ACTIONS, true),
    act("GetAcceleration", Read, SRC_GUIDE, true),
    act("GetAppliedConfigs", Read, SRC_ACTIONS, true),
    act("GetAppliedMachineGroups", Read, SRC_ACTIONS, true),
    act("GetConfig", Read, SRC_ACTIONS, true),
    act("GetConsumerGroupCheckPoint", Read, SRC_ACTIONS, true),
    act("GetCursorOrData", Read, SRC_ACTIONS, true),
    act("GetDashboard", Read, SRC_ACTIONS, true),
    act("GetIndex", Read, SRC_ACTIONS, true),
    act("GetLogStore", Read, SRC_ACTIONS, true),
    act("GetLogStoreContextLogs", Read, SRC_APIDOC, true),
    act("GetLogStoreHistogram", Read, SRC_ACTIONS, true),
    act("GetLogStoreLogs", Read, SRC_ACTIONS, true),
    act("GetLogging", Read, SRC_GUIDE, true),
    act("GetMachineGroup", Read, SRC_ACTIONS, true),
    act("GetProject", Read, SRC_GUIDE, true),
    act("GetProjectLogs", Read, SRC_APIDOC, true),
    act("GetSavedSearch", Read, SRC_ACTIONS, true),
    act("GetShipperStatus", Read, SRC_ACTIONS, true),
    act("ListConfig", List, SRC_ACTIONS, true),
    act("ListConsumerGroup", List, SRC_ACTIONS, true),
    act("ListDashboard", List, SRC_ACTIONS, true),
    act("ListDomains", List, SRC_GUIDE, true),
    act("ListLogStores", List, SRC_ACTIONS, true),
    act("ListMachineGroup", List, SRC_ACTIONS, true),
    act("ListMachines", List, SRC_ACTIONS, true),
    act("ListProject", List, SRC_GUIDE, true),
    act("ListSavedSearch", List, SRC_ACTIONS, true),
    act("ListShards", List, SRC_ACTIONS, true),
    act("ListTagResources", List, SRC_APIDOC, true),
    act("PostLogStoreLogs", Write, SRC_ACTIONS, true),
    act("RemoveConfigFromGroup", Write, SRC_ACTIONS, true),
    act("RetryShipperTask", Write, SRC_ACTIONS, true),
    act("TagResources", Tagging, SRC_APIDOC, true),
    act("UntagResources", Tagging, SRC_APIDOC, true),
    act("UpdateConfig", Write, SRC_ACTIONS, true),
    act("UpdateConsumerGroup", Write, SRC_ACTIONS, true),
    act("UpdateDashboard", Write, SRC_ACTIONS, true),
    act("UpdateIndex", Write, SRC_ACTIONS, true),
    act("UpdateLogStore", Write, SRC_ACTIONS, true),
    act("UpdateMachineGroup", Write, SRC_ACTIONS, true),
    act("UpdateProject", Write, SRC_APIDOC, true),
    act("UpdateSavedSearch", Write, SRC_ACTIONS, true),
];

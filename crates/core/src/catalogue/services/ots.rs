//! Tablestore (RAM code `ots`).
//!
//! The Tablestore custom-policy page states that an action is an API operation name with the `ots:`
//! prefix. Instance-management actions are the operations of the OTS 2016-06-20 OpenAPI (official
//! SDK). Data-plane actions are only those named in official material: the MaxCompute guide for
//! Tablestore external tables, the Tablestore custom-policy page (`ots:Search`) and the system policy
//! AliyunDTSRolePolicy (`ots:CreateTable`, `ots:BulkImport`). The full data-plane API (indexes,
//! streams, tunnels, SQL) is not covered.

use super::super::{AccessLevel::*, Action, Coverage, Service};
use super::act;

/// Tablestore custom RAM policy page.
const SRC_POLICY_DOC: &str =
    "https://www.alibabacloud.com/help/en/tablestore/tablestore-ram-policy/";
/// Official MaxCompute guide listing the Tablestore actions an external table needs.
const SRC_MC: &str =
    "AlibabaCloudDocs MaxCompute guide: Tablestore external tables (required ots actions)";
/// Official DTS service-role policy.
const SRC_DTS: &str =
    "alibabacloud.com/help/en/ram/developer-reference (system policy AliyunDTSRolePolicy)";
/// Official Python SDK alibabacloud-ots20160620 1.0.1: its client lists every OpenAPI operation.
const SRC_SDK: &str = "https://pypi.org/project/alibabacloud-ots20160620/1.0.1/";

pub(super) static SERVICE: Service = Service {
    code: "ots",
    name_en: "Tablestore",
    name_zh: "表格存储 Tablestore",
    arn_services: &["ots"],
    source: SRC_POLICY_DOC,
    coverage: Coverage::Partial,
    actions: ACTIONS,
    condition_keys: &[],
};

static ACTIONS: &[Action] = &[
    act("BatchGetRow", Read, SRC_MC, true),
    act("BatchWriteRow", Write, SRC_MC, true),
    act("BindInstance2Vpc", Write, SRC_SDK, true),
    act("BulkImport", Write, SRC_DTS, true),
    act("ComputeSplitPointsBySize", Read, SRC_MC, true),
    act("CreateTable", Write, SRC_DTS, true),
    act("DeleteInstance", Write, SRC_SDK, true),
    act("DeleteRow", Write, SRC_MC, true),
    act("DeleteTags", Tagging, SRC_SDK, true),
    act("DescribeTable", Read, SRC_MC, true),
    act("GetInstance", Read, SRC_SDK, true),
    act("GetOtsServiceStatus", Read, SRC_SDK, true),
    act("GetRange", Read, SRC_MC, true),
    act("GetRow", Read, SRC_MC, true),
    act("InsertInstance", Write, SRC_SDK, true),
    act("InsertTags", Tagging, SRC_SDK, true),
    act("ListClusterType", List, SRC_SDK, true),
    act("ListInstance", List, SRC_SDK, true),
    act("ListTable", List, SRC_MC, true),
    act("ListTags", List, SRC_SDK, true),
    act("ListVpcInfoByInstance", List, SRC_SDK, true),
    act("ListVpcInfoByVpc", List, SRC_SDK, true),
    act("OpenOtsService", Write, SRC_SDK, true),
    act("PutRow", Write, SRC_MC, true),
    act("Search", Read, SRC_POLICY_DOC, true),
    act("UnbindInstance2Vpc", Write, SRC_SDK, true),
    act("UpdateInstance", Write, SRC_SDK, true),
    act("UpdateRow", Write, SRC_MC, true),
];

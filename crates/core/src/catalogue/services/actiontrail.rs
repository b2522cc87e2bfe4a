//! ActionTrail (RAM code `actiontrail`).
//!
//! Actions are the operations of the ActionTrail 2020-07-06 OpenAPI as listed by the official SDK.
//!
//! Actions taken from an SDK operation list rely on the RAM rule that an action name is the
//! service's OpenAPI operation name (policy-elements doc, ram-facts S4); they are marked confirmed
//! because both the operation list and that rule are official.
//!
//! The older "RAM authentication" page lists eight of them explicitly (CreateTrail, DescribeTrails,
//! GetTrailStatus, StartLogging, StopLogging, UpdateTrail, DeleteTrail, LookupEvents).

use super::super::{AccessLevel::*, Action, Coverage, Service};
use super::act;

/// ActionTrail RAM authorization page.
const SRC_RAM: &str = "https://alibabacloud.com/help/en/actiontrail/developer-reference/api-actiontrail-2020-07-06-ram";
/// Older ActionTrail page listing the actions that can be granted.
const SRC_AUTHN: &str = "https://www.alibabacloud.com/help/doc-detail/103029.html";
/// Official Python SDK alibabacloud-actiontrail20200706 2.6.0: its client lists every OpenAPI operation.
const SRC_SDK: &str = "https://pypi.org/project/alibabacloud-actiontrail20200706/2.6.0/";

pub(super) static SERVICE: Service = Service {
    code: "actiontrail",
    name_en: "ActionTrail",
    name_zh: "操作审计 ActionTrail",
    arn_services: &["actiontrail"],
    source: SRC_RAM,
    coverage: Coverage::Partial,
    actions: ACTIONS,
    condition_keys: &[],
};

static ACTIONS: &[Action] = &[
    act("CreateAdvancedQueryHistory", Write, SRC_SDK, true),
    act("CreateAdvancedQueryTemplate", Write, SRC_SDK, true),
    act("CreateDeliveryHistoryJob", Write, SRC_SDK, true),
    act("CreateTrail", Write, SRC_AUTHN, true),
    act("DeleteAdvancedQueryHistory", Write, SRC_SDK, true),
    act("DeleteAdvancedQueryTemplate", Write, SRC_SDK, true),
    act("DeleteDataEventSelector", Write, SRC_SDK, true),
    act("DeleteDeliveryHistoryJob", Write, SRC_SDK, true),
    act("DeleteTrail", Write, SRC_AUTHN, true),
    act("DescribeAdvancedQueryHistory", Read, SRC_SDK, true),
    act("DescribeAdvancedQueryTemplate", Read, SRC_SDK, true),
    act("DescribeRegions", Read, SRC_SDK, true),
    act("DescribeResourceLifeCycleEvents", Read, SRC_SDK, true),
    act("DescribeScenes", Read, SRC_SDK, true),
    act("DescribeSearchTemplates", Read, SRC_SDK, true),
    act("DescribeTrails", Read, SRC_AUTHN, true),
    act("DescribeUserAlertCount", Read, SRC_SDK, true),
    act("DescribeUserLogCount", Read, SRC_SDK, true),
    act("DisableInsight", Write, SRC_SDK, true),
    act("EnableInsight", Write, SRC_SDK, true),
    act("GetAccessKeyLastUsedEvents", Read, SRC_SDK, true),
    act("GetAccessKeyLastUsedInfo", Read, SRC_SDK, true),
    act("GetAccessKeyLastUsedIps", Read, SRC_SDK, true),
    act("GetAccessKeyLastUsedProducts", Read, SRC_SDK, true),
    act("GetAccessKeyLastUsedResources", Read, SRC_SDK, true),
    act("GetAdvancedQueryTemplate", Read, SRC_SDK, true),
    act("GetDataEventSelector", Read, SRC_SDK, true),
    act("GetDeliveryHistoryJob", Read, SRC_SDK, true),
    act("GetGlobalEventsStorageRegion", Read, SRC_SDK, true),
    act("GetGovernanceMetrics", Read, SRC_SDK, true),
    act("GetInsightSelectors", Read, SRC_SDK, true),
    act("GetInsightTypes", Read, SRC_SDK, true),
    act("GetInsightsEventsCount", Read, SRC_SDK, true),
    act("GetTrailStatus", Read, SRC_AUTHN, true),
    act("ListDataEventSelectors", List, SRC_SDK, true),
    act("ListDataEventServices", List, SRC_SDK, true),
    act("ListDeliveryHistoryJobs", List, SRC_SDK, true),
    act("LookupEvents", Read, SRC_AUTHN, true),
    act("LookupInsightEvents", Read, SRC_SDK, true),
    act("PutDataEventSelector", Write, SRC_SDK, true),
    act("PutInsightSelectors", Write, SRC_SDK, true),
    act("StartLogging", Write, SRC_AUTHN, true),
    act("StopLogging", Write, SRC_AUTHN, true),
    act("UpdateAdvancedQueryTemplate", Write, SRC_SDK, true),
    act("UpdateGlobalEventsStorageRegion", Write, SRC_SDK, true),
    act("UpdateTrail", Write, SRC_AUTHN, true),
];

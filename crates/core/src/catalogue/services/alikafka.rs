//! ApsaraMQ for Kafka (RAM code `alikafka`).
//!
//! Kafka's RAM actions are not the API operation names (GetInstanceList is authorised by
//! `alikafka:ListInstance`, DeleteConsumerGroup by `alikafka:DeleteGroup`), so no SDK list is used.
//! The actions are the table of the official "RAM policies" page, plus CreatePrePayOrder from the
//! current RAM authorization page. `alikafka:ListInstance` and `alikafka:CreateTopic` make up the
//! system policy AliyunDataWorksAccessingAlikafkaPolicy (ram-facts section 9.3).

use super::super::{AccessLevel::*, Action, Coverage, Service};
use super::act;

/// Kafka RAM authorization page (2019-09-16).
const SRC_RAM: &str = "https://alibabacloud.com/help/en/apsaramq-for-kafka/cloud-message-queue-for-kafka/developer-reference/api-alikafka-2019-09-16-ram";
/// Kafka "RAM policies" page with the table of custom-policy actions.
const SRC_POLICIES: &str = "https://www.alibabacloud.com/help/en/doc-detail/185815.htm";

pub(super) static SERVICE: Service = Service {
    code: "alikafka",
    name_en: "ApsaraMQ for Kafka",
    name_zh: "云消息队列 Kafka 版",
    arn_services: &["alikafka"],
    source: SRC_RAM,
    coverage: Coverage::Partial,
    actions: ACTIONS,
    condition_keys: &[],
};

static ACTIONS: &[Action] = &[
    act("CreateAcl", PermissionManagement, SRC_POLICIES, true),
    act("CreateDeployment", Write, SRC_POLICIES, true),
    act("CreateGroup", Write, SRC_POLICIES, true),
    act("CreatePrePayOrder", Write, SRC_RAM, true),
    act("CreateSaslUser", PermissionManagement, SRC_POLICIES, true),
    act("CreateTopic", Write, SRC_POLICIES, true),
    act("DeleteAcl", PermissionManagement, SRC_POLICIES, true),
    act("DeleteDeployment", Write, SRC_POLICIES, true),
    act("DeleteGroup", Write, SRC_POLICIES, true),
    act("DeleteSaslUser", PermissionManagement, SRC_POLICIES, true),
    act("DeleteTopic", Write, SRC_POLICIES, true),
    act("DownloadMessage", Read, SRC_POLICIES, true),
    act("EnableAcl", PermissionManagement, SRC_POLICIES, true),
    act("GetDeploymentLog", Read, SRC_POLICIES, true),
    act("ListAcl", List, SRC_POLICIES, true),
    act("ListDeployments", List, SRC_POLICIES, true),
    act("ListGroup", List, SRC_POLICIES, true),
    act("ListInstance", List, SRC_POLICIES, true),
    act("ListSaslUser", List, SRC_POLICIES, true),
    act("ListTopic", List, SRC_POLICIES, true),
    act("QueryMessage", Read, SRC_POLICIES, true),
    // Grants read access to all Kafka resources.
    act("ReadOnly", Read, SRC_POLICIES, true),
    act("ReleaseInstance", Write, SRC_POLICIES, true),
    act("SendMessage", Write, SRC_POLICIES, true),
    act("StartInstance", Write, SRC_POLICIES, true),
    act("UpdateDeploymentRemark", Write, SRC_POLICIES, true),
    act("UpdateGroup", Write, SRC_POLICIES, true),
    act("UpdateInstance", Write, SRC_POLICIES, true),
    act("UpdateTopic", Write, SRC_POLICIES, true),
];

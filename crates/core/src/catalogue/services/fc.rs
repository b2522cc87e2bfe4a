//! Function Compute (RAM code `fc`).
//!
//! Both API generations are covered: FC 2.0 (fc-open 2021-04-06, services/functions) and FC 3.0
//! (2023-03-30), each from its official SDK.
//!
//! Actions taken from an SDK operation list rely on the RAM rule that an action name is the
//! service's OpenAPI operation name (policy-elements doc, ram-facts S4); they are marked confirmed
//! because both the operation list and that rule are official.
//!
//! The FC 3.0 RAM page shows that this rule has exceptions there: the PutAsyncInvokeConfig operation
//! is authorised by `fc:PutFunctionAsyncInvokeConfig`. The FC 3.0 async-invoke-config operations are
//! therefore left out (their FC 2.0 `...FunctionAsyncInvokeConfig` names are present), and actions
//! seen only in FC 3.0 are marked unconfirmed.

use super::super::{AccessLevel::*, Action, Coverage, Service};
use super::act;

/// FC 3.0 RAM authorization page.
const SRC_RAM3: &str = "https://alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-ram";
/// FC 2.0 RAM authorization page (RAM codes function-compute, fc).
const SRC_RAM2: &str = "https://help.aliyun.com/zh/functioncompute/fc-2-0/developer-reference/api-fc-open-2021-04-06-ram";
/// Official Python SDK for FC 2.0: its client lists every OpenAPI operation.
const SRC_SDK2: &str = "https://pypi.org/project/alibabacloud-fc-open20210406/2.0.12/";
/// Official Python SDK for FC 3.0: its client lists every OpenAPI operation.
const SRC_SDK3: &str = "https://pypi.org/project/alibabacloud-fc20230330/4.8.3/";

pub(super) static SERVICE: Service = Service {
    code: "fc",
    name_en: "Function Compute (FC)",
    name_zh: "函数计算 FC",
    arn_services: &["fc"],
    source: SRC_RAM3,
    coverage: Coverage::Partial,
    actions: ACTIONS,
    condition_keys: &[],
};

static ACTIONS: &[Action] = &[
    act("ChangeResourceGroup", Write, SRC_SDK3, false),
    act("ClaimGPUInstance", Write, SRC_SDK2, true),
    act("CreateAlias", Write, SRC_SDK2, true),
    act("CreateCustomDomain", Write, SRC_SDK2, true),
    act("CreateFunction", Write, SRC_SDK2, true),
    act("CreateLayerVersion", Write, SRC_SDK2, true),
    act("CreateService", Write, SRC_SDK2, true),
    act("CreateSession", Write, SRC_SDK3, false),
    act("CreateSnapshot", Write, SRC_SDK3, false),
    act("CreateTrigger", Write, SRC_SDK2, true),
    act("CreateVpcBinding", Write, SRC_SDK2, true),
    act("DeleteAlias", Write, SRC_SDK2, true),
    act("DeleteConcurrencyConfig", Write, SRC_SDK3, false),
    act("DeleteCustomDomain", Write, SRC_SDK2, true),
    act("DeleteFunction", Write, SRC_SDK2, true),
    act("DeleteFunctionAsyncInvokeConfig", Write, SRC_SDK2, true),
    act("DeleteFunctionOnDemandConfig", Write, SRC_SDK2, true),
    act("DeleteFunctionVersion", Write, SRC_SDK3, false),
    act("DeleteLayerVersion", Write, SRC_SDK2, true),
    act("DeleteProvisionConfig", Write, SRC_SDK3, false),
    act("DeleteScalingConfig", Write, SRC_SDK3, false),
    act("DeleteService", Write, SRC_SDK2, true),
    act("DeleteServiceVersion", Write, SRC_SDK2, true),
    act("DeleteSession", Write, SRC_SDK3, false),
    act("DeleteSnapshot", Write, SRC_SDK3, false),
    act("DeleteTrigger", Write, SRC_SDK2, true),
    act("DeleteVpcBinding", Write, SRC_SDK2, true),
    act("DeregisterEventSource", Write, SRC_SDK2, true),
    act("DescribeRegions", Read, SRC_SDK3, false),
    act("DisableFunctionInvocation", Write, SRC_SDK3, false),
    act("EnableFunctionInvocation", Write, SRC_SDK3, false),
    act("GetAccountSettings", Read, SRC_SDK2, true),
    act("GetAlias", Read, SRC_SDK2, true),
    act("GetAsyncTask", Read, SRC_SDK3, false),
    act("GetConcurrencyConfig", Read, SRC_SDK3, false),
    act("GetCustomDomain", Read, SRC_SDK2, true),
    act("GetFunction", Read, SRC_SDK2, true),
    act("GetFunctionAsyncInvokeConfig", Read, SRC_SDK2, true),
    act("GetFunctionCode", Read, SRC_SDK2, true),
    act("GetFunctionOnDemandConfig", Read, SRC_SDK2, true),
    act("GetLayerVersion", Read, SRC_SDK2, true),
    act("GetLayerVersionByArn", Read, SRC_SDK3, false),
    act("GetProvisionConfig", Read, SRC_SDK2, true),
    act("GetResourceTags", Read, SRC_SDK2, true),
    act("GetScalingConfig", Read, SRC_SDK3, false),
    act("GetService", Read, SRC_SDK2, true),
    act("GetSession", Read, SRC_SDK3, false),
    act("GetSnapshot", Read, SRC_SDK3, false),
    act("GetStatefulAsyncInvocation", Read, SRC_RAM2, true),
    act("GetTrigger", Read, SRC_SDK2, true),
    act("InvokeFunction", Write, SRC_SDK2, true),
    act("ListAliases", List, SRC_SDK2, true),
    act("ListAsyncTasks", List, SRC_SDK3, false),
    act("ListConcurrencyConfigs", List, SRC_SDK3, false),
    act("ListCustomDomains", List, SRC_SDK2, true),
    act("ListEventSources", List, SRC_RAM2, true),
    act("ListFunctionAsyncInvokeConfigs", List, SRC_SDK2, true),
    act("ListFunctionVersions", List, SRC_SDK3, false),
    act("ListFunctions", List, SRC_SDK2, true),
    act("ListInstances", List, SRC_SDK2, true),
    act("ListLayerVersions", List, SRC_SDK2, true),
    act("ListLayers", List, SRC_SDK2, true),
    act("ListOnDemandConfigs", List, SRC_RAM2, true),
    act("ListProvisionConfigs", List, SRC_SDK2, true),
    act("ListReservedCapacities", List, SRC_SDK2, true),
    act("ListScalingConfigs", List, SRC_SDK3, false),
    act("ListServiceVersions", List, SRC_SDK2, true),
    act("ListServices", List, SRC_SDK2, true),
    act("ListSessions", List, SRC_SDK3, false),
    act("ListSnapshots", List, SRC_SDK3, false),
    act("ListStatefulAsyncInvocationFunctions", List, SRC_SDK2, true),
    act("ListStatefulAsyncInvocations", List, SRC_SDK2, true),
    act("ListTagResources", List, SRC_SDK3, false),
    act("ListTaggedResources", List, SRC_SDK2, true),
    act("ListTriggers", List, SRC_SDK2, true),
    act("ListVpcBindings", List, SRC_SDK2, true),
    act("PauseSession", Write, SRC_SDK3, false),
    act("PublishFunctionVersion", Write, SRC_SDK3, false),
    act("PublishServiceVersion", Write, SRC_SDK2, true),
    act("PutConcurrencyConfig", Write, SRC_SDK3, false),
    act("PutFunctionAsyncInvokeConfig", Write, SRC_SDK2, true),
    act("PutFunctionOnDemandConfig", Write, SRC_SDK2, true),
    act("PutLayerACL", Write, SRC_SDK2, true),
    act("PutProvisionConfig", Write, SRC_SDK2, true),
    act("PutScalingConfig", Write, SRC_SDK3, false),
    act("RegisterEventSource", Write, SRC_SDK2, true),
    act("ReleaseGPUInstance", Write, SRC_SDK2, true),
    act("ResumeSession", Write, SRC_SDK3, false),
    act("StopAsyncTask", Write, SRC_SDK3, false),
    act("StopStatefulAsyncInvocation", Write, SRC_SDK2, true),
    act("TagResource", Tagging, SRC_SDK2, true),
    act("TagResources", Tagging, SRC_SDK3, false),
    act("UntagResource", Tagging, SRC_SDK2, true),
    act("UntagResources", Tagging, SRC_SDK3, false),
    act("UpdateAlias", Write, SRC_SDK2, true),
    act("UpdateCustomDomain", Write, SRC_SDK2, true),
    act("UpdateFunction", Write, SRC_SDK2, true),
    act("UpdateService", Write, SRC_SDK2, true),
    act("UpdateSession", Write, SRC_SDK3, false),
    act("UpdateTrigger", Write, SRC_SDK2, true),
];

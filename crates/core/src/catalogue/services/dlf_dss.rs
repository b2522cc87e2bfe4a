//! DLF-DSS (RAM code `dlf-dss`): DLF's coarse-grained data permissions for RAM identities, managed
//! with the system policies AliyunDLFDSSFullAccess and AliyunDLFDSSReadOnlyAccess.
//!
//! There is no action table for this code in the material read. The actions here are those named in
//! official material: the DLF permission guide, the system policy AliyunEMRSparkJobRunDefaultRolePolicy
//! and the system policy AliyunDataWorksAccessingDLFReadOnlyPolicy (ram-facts section 9.3, which also
//! grants `dlf-dss:Describe*`, `List*` and `Get*`). The Chinese name is descriptive: no official
//! Chinese product name for this RAM code was found. ARNs for this code were not found either;
//! `arn_services` assumes the code itself.

use super::super::{AccessLevel::*, Action, Coverage, Service};
use super::act;

/// DLF permission guide (RAM API layer vs DLF-DSS data permissions).
const SRC_PERM: &str =
    "https://www.alibabacloud.com/help/en/dlf/dlf-1-0/user-guide/permission-description";
/// System policy AliyunEMRSparkJobRunDefaultRolePolicy.
const SRC_EMR_POLICY: &str = "https://www.alibabacloud.com/help/en/ram/developer-reference/aliyunemrsparkjobrundefaultrolepolicy";
/// System policy AliyunDataWorksAccessingDLFReadOnlyPolicy (ram-facts S39).
const SRC_DW_POLICY: &str = "https://www.alibabacloud.com/help/en/ram/developer-reference/aliyundataworksaccessingdlfreadonlypolicy";

pub(super) static SERVICE: Service = Service {
    code: "dlf-dss",
    name_en: "Data Lake Formation data permissions (DLF-DSS)",
    name_zh: "数据湖构建 DLF 数据权限（DLF-DSS）",
    arn_services: &["dlf-dss"],
    source: SRC_PERM,
    coverage: Coverage::Partial,
    actions: ACTIONS,
    condition_keys: &[],
};

static ACTIONS: &[Action] = &[
    act("AlterDatabase", Write, SRC_EMR_POLICY, true),
    act("AlterFunction", Write, SRC_EMR_POLICY, true),
    act("AlterTable", Write, SRC_EMR_POLICY, true),
    act(
        "BatchGrantPermissions",
        PermissionManagement,
        SRC_PERM,
        true,
    ),
    act("CheckPermissions", Read, SRC_EMR_POLICY, true),
    act("CreateDatabase", Write, SRC_EMR_POLICY, true),
    act("CreateFunction", Write, SRC_EMR_POLICY, true),
    act("CreateTable", Write, SRC_EMR_POLICY, true),
    act("DescribeCatalog", Read, SRC_EMR_POLICY, true),
    act("DescribeDatabase", Read, SRC_EMR_POLICY, true),
    act("DescribeFunction", Read, SRC_EMR_POLICY, true),
    act("DescribeTable", Read, SRC_EMR_POLICY, true),
    act("DropDatabase", Write, SRC_EMR_POLICY, true),
    act("DropFunction", Write, SRC_EMR_POLICY, true),
    act("DropTable", Write, SRC_EMR_POLICY, true),
    act("ExecuteFunction", Unknown, SRC_DW_POLICY, true),
    act("ListCatalogs", List, SRC_EMR_POLICY, true),
    act("ListDatabases", List, SRC_EMR_POLICY, true),
    act("ListFunctions", List, SRC_EMR_POLICY, true),
    act("ListPermissions", List, SRC_PERM, true),
    act("ListRoles", List, SRC_PERM, true),
    act("ListTables", List, SRC_EMR_POLICY, true),
    act("Search", Read, SRC_DW_POLICY, true),
    act("SelectTable", Read, SRC_PERM, true),
];

//! Every code a plan can report, in one table: the inputs reader's (PL0xx), each scenario's
//! (PL1xx-PL6xx), the check of an existing setup's (PL7xx) and the plan's own self-checks
//! (PL9xx). Like the lint rules' registry: a code is stable, never reused, and a retired one
//! stays listed. `docs/plan-codes.md` is generated from this table, and a test holds each
//! entry to the findings the fixtures produce.

use crate::finding::Severity;

/// Who reports a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reporter {
    /// Reading the inputs of any scenario.
    Inputs,
    /// One scenario, by its id.
    Scenario(&'static str),
    /// The check of an existing setup against a scenario.
    Existing,
    /// The plan's check of what it generated: a finding here is a bug in ramplan.
    Plan,
}

/// One plan finding code.
#[derive(Debug)]
pub struct PlanCode {
    pub code: &'static str,
    /// The severity it is reported with (the most severe, when it has several).
    pub severity: Severity,
    /// The other severities it is reported with, in some cases.
    pub also: &'static [Severity],
    pub reporter: Reporter,
    /// One sentence: what the finding means.
    pub summary: &'static str,
    /// No longer reported; the code stays taken.
    pub retired: bool,
}

/// Every plan code, sorted by code.
pub static PLAN_CODES: &[PlanCode] = &[
    PlanCode {
        code: "PL001",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "The input document is not valid JSON; the message gives the JSON syntax error.",
        retired: false,
    },
    PlanCode {
        code: "PL002",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "The input names a field the scenario does not declare, which is ignored (with a did-you-mean hint when a declared name is close).",
        retired: false,
    },
    PlanCode {
        code: "PL003",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "A value has the wrong JSON type (the input or a list item is not an object, or a field is not the string, boolean or list it should be), or a string holds a control character.",
        retired: false,
    },
    PlanCode {
        code: "PL004",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "A required field is missing or `null`, or a string value is empty.",
        retired: false,
    },
    PlanCode {
        code: "PL005",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "An input value looks like a credential; ramplan never takes credentials, so the value is discarded and appears in no output.",
        retired: false,
    },
    PlanCode {
        code: "PL006",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "An account ID field (`dataworks_account_uid`, `resource_account_uid`) is not a 16-digit account ID, or is a masked or placeholder value.",
        retired: false,
    },
    PlanCode {
        code: "PL007",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "A choice field holds a value that is not one of its listed choices.",
        retired: false,
    },
    PlanCode {
        code: "PL008",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "A field is given twice in the same object; the last value is used.",
        retired: false,
    },
    PlanCode {
        code: "PL010",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "`emr_version` cannot be read as an E-MapReduce version written as `V3.38.3`, `EMR-3.38.3` or `3.38.3`.",
        retired: false,
    },
    PlanCode {
        code: "PL011",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "`region` is not a region ID such as `cn-hangzhou` or `ap-southeast-1`.",
        retired: false,
    },
    PlanCode {
        code: "PL012",
        severity: Severity::Error,
        also: &[Severity::Warning],
        reporter: Reporter::Inputs,
        summary: "`role_name` is over 64 characters or holds a character RAM does not allow (error), or holds `_`, which the CreateRole API does not list (warning; the name is kept).",
        retired: false,
    },
    PlanCode {
        code: "PL013",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Inputs,
        summary: "`policy_name` is over 128 characters or holds a character other than letters, digits and `-`.",
        retired: false,
    },
    PlanCode {
        code: "PL101",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "The cluster is not an EMR Hadoop cluster (`emr_cluster_type`).",
        retired: false,
    },
    PlanCode {
        code: "PL102",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "The version is neither V3.38.2 nor V3.38.3 (`emr_version`).",
        retired: false,
    },
    PlanCode {
        code: "PL103",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "The cluster keeps its metadata in DLF unified metadata (`emr_metadata`).",
        retired: false,
    },
    PlanCode {
        code: "PL104",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "The cluster uses Kerberos authentication (`kerberos`).",
        retired: false,
    },
    PlanCode {
        code: "PL105",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "Spark SQL nodes get table lineage but no field (column) lineage.",
        retired: false,
    },
    PlanCode {
        code: "PL106",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "`dataworks_service_principal` is not `<16-digit ID>@emr.dataworks.aliyuncs.com`.",
        retired: false,
    },
    PlanCode {
        code: "PL107",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "`dataworks_service_principal` names the MaxCompute service (`engine.dataworks.aliyuncs.com`) instead of the EMR one.",
        retired: false,
    },
    PlanCode {
        code: "PL108",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "`dataworks_service_principal` is the documentation's masked or placeholder value (`san******@...`, `<ACCOUNT_A_SERVICE_ID>`).",
        retired: false,
    },
    PlanCode {
        code: "PL109",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "`dataworks_service_principal` names an account other than `dataworks_account_uid`.",
        retired: false,
    },
    PlanCode {
        code: "PL110",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "`emr_cluster_id` holds characters no cluster ID has, or is masked.",
        retired: false,
    },
    PlanCode {
        code: "PL111",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "`emr_cluster_id` does not start with `C-` as EMR cluster IDs do.",
        retired: false,
    },
    PlanCode {
        code: "PL112",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "The DataWorks account and the cluster's account are the same.",
        retired: false,
    },
    PlanCode {
        code: "PL113",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "States the cross-account limits, with the cluster type, metadata and Kerberos setting the plan rests on (defaults when the fields are left out).",
        retired: false,
    },
    PlanCode {
        code: "PL114",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("dataworks-emr"),
        summary: "No `emr_cluster_id` was given, so the plan cannot name the cluster to pick.",
        retired: false,
    },
    PlanCode {
        code: "PL201",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "`principal_form` is `account-name` but `resource_account_name` is missing.",
        retired: false,
    },
    PlanCode {
        code: "PL202",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "`resource_account_name` is given but the `account-id` form ignores it.",
        retired: false,
    },
    PlanCode {
        code: "PL203",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "`resource_account_name` cannot go into a MaxCompute identifier.",
        retired: false,
    },
    PlanCode {
        code: "PL204",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "`maxcompute_project` is not a safe MaxCompute name.",
        retired: false,
    },
    PlanCode {
        code: "PL205",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "A grant's `object_name` is not a safe MaxCompute name.",
        retired: false,
    },
    PlanCode {
        code: "PL206",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "A privilege is not documented for the grant's object type.",
        retired: false,
    },
    PlanCode {
        code: "PL207",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "`Run` or `Execute` is granted on a function, and the sources disagree on the privilege's name.",
        retired: false,
    },
    PlanCode {
        code: "PL208",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "`columns` is given on an object that is not a table.",
        retired: false,
    },
    PlanCode {
        code: "PL209",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "A column name is not a safe MaxCompute name.",
        retired: false,
    },
    PlanCode {
        code: "PL210",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "A grant lists no privilege.",
        retired: false,
    },
    PlanCode {
        code: "PL211",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "A privilege or column is listed twice; it is kept once.",
        retired: false,
    },
    PlanCode {
        code: "PL212",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "`All` is listed next to other privileges, which it already includes.",
        retired: false,
    },
    PlanCode {
        code: "PL213",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "`All` on the project grants every project privilege, far more than reading.",
        retired: false,
    },
    PlanCode {
        code: "PL214",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "A `project` grant names a project other than `maxcompute_project`.",
        retired: false,
    },
    PlanCode {
        code: "PL215",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "No grants are listed: the role can be added as a user but can read nothing.",
        retired: false,
    },
    PlanCode {
        code: "PL216",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "The DataWorks account and the resource account are the same account.",
        retired: false,
    },
    PlanCode {
        code: "PL217",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "Cross-account data sources cannot be used for data development or scheduling (the seed's documented limitation).",
        retired: false,
    },
    PlanCode {
        code: "PL218",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-maxcompute"),
        summary: "`data_source_name` holds more than letters, digits and `_`, or does not start with a letter; DataWorks' naming rules are not in the sources.",
        retired: false,
    },
    PlanCode {
        code: "PL301",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-hologres"),
        summary: "`hologres_instance_id` holds a character ramplan does not accept in an instance name or ID (quotes, `;`, spaces, `/`, ...), or is implausibly long.",
        retired: false,
    },
    PlanCode {
        code: "PL302",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-hologres"),
        summary: "Was a warning that `hologres_instance_id` did not look like an instance ID; the guide accepts the instance's name or ID and no source gives the ID's shape.",
        retired: true,
    },
    PlanCode {
        code: "PL303",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-hologres"),
        summary: "The DataWorks account and the resource account are the same account.",
        retired: false,
    },
    PlanCode {
        code: "PL304",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("dataworks-hologres"),
        summary: "Cross-account data sources cannot be used for data development or scheduling (the seed's documented limitation).",
        retired: false,
    },
    PlanCode {
        code: "PL305",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("dataworks-hologres"),
        summary: "The custom policy only lets the role find the instance; data access comes from the HoloWeb user and its database permissions.",
        retired: false,
    },
    PlanCode {
        code: "PL306",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-hologres"),
        summary: "`data_source_name` holds more than letters, digits and `_`, or does not start with a letter; DataWorks' naming rules are not in the sources.",
        retired: false,
    },
    PlanCode {
        code: "PL307",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-hologres"),
        summary: "`hologres_database` is not a plain name of letters, digits and `_`.",
        retired: false,
    },
    PlanCode {
        code: "PL401",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-di"),
        summary: "`instance_id` holds spaces, quotes or backslashes, which no instance ID has.",
        retired: false,
    },
    PlanCode {
        code: "PL402",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("dataworks-di"),
        summary: "`instance_id` is masked or a placeholder (`rm-bp1****`, `<instance-id>`).",
        retired: false,
    },
    PlanCode {
        code: "PL403",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-di"),
        summary: "`instance_id` has the prefix of another source type (an `rm-` RDS ID for a Kafka source, say).",
        retired: false,
    },
    PlanCode {
        code: "PL404",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("dataworks-di"),
        summary: "The DataWorks account and the source account are the same.",
        retired: false,
    },
    PlanCode {
        code: "PL405",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("dataworks-di"),
        summary: "The resource group must be able to reach the instance's network.",
        retired: false,
    },
    PlanCode {
        code: "PL501",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("emr-default-roles"),
        summary: "`emr_version` has a major version the documentation does not cover.",
        retired: false,
    },
    PlanCode {
        code: "PL502",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("emr-default-roles"),
        summary: "The assignment is a one-time setup per Alibaba Cloud account.",
        retired: false,
    },
    PlanCode {
        code: "PL503",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("emr-default-roles"),
        summary: "An old version's ECS application role does not serve newer clusters.",
        retired: false,
    },
    PlanCode {
        code: "PL601",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("emr-ecs-role"),
        summary: "`emr_version` has a major version the documentation does not cover (it covers V3.x, V4.x and V5.x or later).",
        retired: false,
    },
    PlanCode {
        code: "PL602",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("emr-ecs-role"),
        summary: "`oss_buckets` is given but lists no bucket, so the role would grant nothing.",
        retired: false,
    },
    PlanCode {
        code: "PL603",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("emr-ecs-role"),
        summary: "A bucket has a folder `prefix`, so objects outside the folder cannot be read or written but their names can still be listed, as `oss:ListObjects` applies to the whole bucket.",
        retired: false,
    },
    PlanCode {
        code: "PL604",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("emr-ecs-role"),
        summary: "Each bucket must be in the cluster's region, or its endpoint must be added to the connection strings.",
        retired: false,
    },
    PlanCode {
        code: "PL605",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("emr-ecs-role"),
        summary: "An `oss_buckets` entry's `bucket` is not a valid OSS bucket name (3-63 lowercase letters, digits and `-`, starting and ending with a letter or digit).",
        retired: false,
    },
    PlanCode {
        code: "PL606",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Scenario("emr-ecs-role"),
        summary: "An `oss_buckets` entry's `prefix` holds `*` or `?`, is not a plain folder path (`//`, `.` or `..`), or holds a control character, `\"` or `\\`.",
        retired: false,
    },
    PlanCode {
        code: "PL607",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Scenario("emr-ecs-role"),
        summary: "A bucket is listed more than once with the same `prefix`; the entries are merged and the broader access is kept.",
        retired: false,
    },
    PlanCode {
        code: "PL608",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Scenario("emr-ecs-role"),
        summary: "The account must already have E-MapReduce's default roles (see the `emr-default-roles` plan), and each bucket must exist in the region where the cluster will run.",
        retired: false,
    },
    PlanCode {
        code: "PL701",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Existing,
        summary: "A document is not JSON, or not a JSON object.",
        retired: false,
    },
    PlanCode {
        code: "PL702",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Existing,
        summary: "A document holds what looks like a credential; it is refused and never echoed.",
        retired: false,
    },
    PlanCode {
        code: "PL703",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Existing,
        summary: "The scenario needs a trust (or permission) policy and none was given (or none could be read), so its checks did not run and the setup cannot be said to work.",
        retired: false,
    },
    PlanCode {
        code: "PL704",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Existing,
        summary: "A document is of a kind the scenario has no counterpart for (a permission policy where the role has only system policies, or a trust policy where the console creates the roles), so it was not compared.",
        retired: false,
    },
    PlanCode {
        code: "PL705",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Existing,
        summary: "The scenario's principal cannot assume the role under the trust policy (the nearest miss explains why).",
        retired: false,
    },
    PlanCode {
        code: "PL706",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Existing,
        summary: "The trust policy names the right account with another service (`@engine.dataworks.aliyuncs.com` instead of `@emr.dataworks.aliyuncs.com`, or `ecs.aliyuncs.com` instead of `emr.aliyuncs.com`).",
        retired: false,
    },
    PlanCode {
        code: "PL707",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Existing,
        summary: "The trust policy names the right service acting for another account.",
        retired: false,
    },
    PlanCode {
        code: "PL708",
        severity: Severity::Security,
        also: &[Severity::Warning],
        reporter: Reporter::Existing,
        summary: "The trust policy also lets in a principal the scenario rules out (a warning when it is another service of the same account).",
        retired: false,
    },
    PlanCode {
        code: "PL709",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Existing,
        summary: "The permission policies do not allow an action the scenario needs, or explicitly deny it.",
        retired: false,
    },
    PlanCode {
        code: "PL710",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Existing,
        summary: "An action the scenario needs is allowed, but not on the resource it needs (the OSS policy lacks the `bucket/*` resource).",
        retired: false,
    },
    PlanCode {
        code: "PL711",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Existing,
        summary: "An action the scenario needs is allowed only under a condition, which ramplan cannot judge without a request context.",
        retired: false,
    },
    PlanCode {
        code: "PL712",
        severity: Severity::Security,
        also: &[],
        reporter: Reporter::Existing,
        summary: "The permission policies allow something the scenario rules out (writing a read-only bucket, reaching outside the folder, deleting the bucket or a Hologres instance).",
        retired: false,
    },
    PlanCode {
        code: "PL713",
        severity: Severity::Warning,
        also: &[],
        reporter: Reporter::Existing,
        summary: "An `Allow` statement is broader than the scenario needs (`oss:*`, `Resource: *`, `NotAction`).",
        retired: false,
    },
    PlanCode {
        code: "PL714",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Existing,
        summary: "A system policy the role needs cannot be evaluated; check that it is attached.",
        retired: false,
    },
    PlanCode {
        code: "PL715",
        severity: Severity::Suggestion,
        also: &[],
        reporter: Reporter::Existing,
        summary: "Something the scenario sets up outside RAM (MaxCompute grants) cannot be checked here.",
        retired: false,
    },
    PlanCode {
        code: "PL900",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Plan,
        summary: "A generated policy fails the linter (error or security finding), so it is withheld.",
        retired: false,
    },
    PlanCode {
        code: "PL901",
        severity: Severity::Error,
        also: &[],
        reporter: Reporter::Plan,
        summary: "A generated document fails one of the scenario's expectations; the message names the expectation and the simulator's explanation.",
        retired: false,
    },
];

/// Looks a plan code up.
pub fn plan_code(code: &str) -> Option<&'static PlanCode> {
    PLAN_CODES.iter().find(|c| c.code == code)
}

/// The reference of plan codes, `docs/plan-codes.md`, generated from the table.
pub fn markdown() -> String {
    use std::fmt::Write as _;
    let mut out = String::from(
        "# ramplan plan codes\n\n\
         Generated from `crates/core/src/plan/codes.rs`; do not edit by hand \
         (`UPDATE_SNAPSHOTS=1 cargo test -p ramplan-core --test registries` rewrites it).\n\n\
         A plan reports findings about its inputs and, in `--check-existing`, about the \
         documents it compares. Lint rules (`RP...`) are in [rules.md](rules.md).\n\n",
    );
    type Section = (&'static str, fn(&Reporter) -> bool);
    let sections: [Section; 4] = [
        ("Inputs of every scenario", |r| *r == Reporter::Inputs),
        ("Scenarios", |r| matches!(r, Reporter::Scenario(_))),
        ("Check of an existing setup", |r| *r == Reporter::Existing),
        ("The plan's own checks", |r| *r == Reporter::Plan),
    ];
    for (title, belongs) in sections {
        let _ = writeln!(out, "## {title}\n");
        let _ = writeln!(out, "| Code | Severity | Reported by | Meaning |");
        let _ = writeln!(out, "|---|---|---|---|");
        for code in PLAN_CODES.iter().filter(|c| belongs(&c.reporter)) {
            let mut severity = code.severity.as_str().to_owned();
            for other in code.also {
                let _ = write!(severity, " or {}", other.as_str());
            }
            let by = match code.reporter {
                Reporter::Inputs => "inputs".to_owned(),
                Reporter::Scenario(id) => format!("`{id}`"),
                Reporter::Existing => "`--check-existing`".to_owned(),
                Reporter::Plan => "the plan".to_owned(),
            };
            let summary = if code.retired {
                format!("*(retired)* {}", code.summary)
            } else {
                code.summary.to_owned()
            };
            let _ = writeln!(
                out,
                "| {} | {severity} | {by} | {} |",
                code.code,
                summary.replace('|', "\\|")
            );
        }
        out.push('\n');
    }
    out
}

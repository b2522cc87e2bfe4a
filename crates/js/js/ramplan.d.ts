// Types for ramplan.js, the JavaScript API for embeds. Every function answers a plain
// object, `{type: "success", ...}` or `{type: "failure", errors}`, and never throws.
// The shapes are the JSON the `ramplan` CLI prints (`--format json`); docs/js-api.md
// describes them with examples.

// ---- Calling ------------------------------------------------------------------------------

/**
 * Loads the WebAssembly module: `ramplan_js_bg.wasm` beside ramplan.js unless told where
 * (a URL, a `Response`, or a compiled `WebAssembly.Module`). Call it once and await it
 * before anything else; later calls return the same promise. It rejects only when the
 * module cannot be fetched or compiled, and may then be called again.
 */
export function init(
  moduleOrPath?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/** The scenarios and their input fields: the contract forms are built from. */
export function scenarios(options?: LangOptions): Answer<{ scenarios: ScenarioDescription[] }>;

/**
 * Builds a scenario's plan. `inputs` is an object with the scenario's fields, or the JSON
 * text of one. Inputs that are wrong are findings in the plan (with no artifacts), not a
 * failure; an unknown scenario or inputs that are not an object are a failure.
 */
export function plan(
  scenarioId: string,
  inputs: Inputs | string,
  options?: LangOptions,
): Answer<{ plan: Plan }>;

/** Lints one policy document. What it finds is data: `report.findings`. */
export function lint(text: string, options?: LintOptions): Answer<{ report: LintReport }>;

/**
 * Would RAM allow this request under these identity policies (evaluated together, as the
 * policies attached to one identity are)? Unnamed policies are called `policy 1`, `policy 2`.
 */
export function simulate(
  policies: PolicyInput | PolicyInput[],
  request: SimulateRequest,
  options?: LangOptions,
): Answer<{ decision: Decision }>;

/** May this principal assume a role with this trust policy? */
export function simulateTrust(
  policy: PolicyInput,
  request: SimulateTrustRequest,
  options?: LangOptions,
): Answer<{ decision: TrustDecision }>;

/** Judges the policies a role has today against what a scenario needs. */
export function checkExisting(
  scenarioId: string,
  inputs: Inputs | string,
  documents: DocumentInput | DocumentInput[],
  options?: LangOptions,
): Answer<{ report: ExistingReport }>;

/**
 * A plan's RAM resources as an aliyun CLI script (`sh`), Terraform (`tf`) or a ROS template
 * (`ros`). A plan with errors has no export: its error findings are the failure's errors.
 */
export function exportPlan(
  scenarioId: string,
  inputs: Inputs | string,
  format: ExportFormat,
  options?: LangOptions,
): Answer<ExportedFile>;

/**
 * One policy as a custom policy (permission) or as a role that trusts it (trust). A policy
 * with an error finding, or a credential anywhere, is refused: those findings are the
 * failure's errors.
 */
export function convert(
  text: string,
  format: ExportFormat,
  options?: ConvertOptions,
): Answer<ExportedFile>;

/**
 * What the new policies allow that the old ones did not (`added`), and the reverse
 * (`removed`), as actions on resources. An empty text is a policy that allows nothing.
 * Access added is data (`report.adds_access`), not a failure.
 */
export function diff(
  oldPolicies: PolicyInput | PolicyInput[],
  newPolicies: PolicyInput | PolicyInput[],
  options?: DiffOptions,
): Answer<{ report: DiffReport }>;

/**
 * Why was this request denied? `text`: an access-denied error as pasted (OpenAPI JSON, OSS
 * XML, SDK or aliyun CLI output, the console dialog's lines, DecodeDiagnosticMessage's
 * answer). A text holding a credential is refused and not echoed. See docs/doctor.md.
 */
export function doctor(text: string, options?: LangOptions): Answer<{ diagnosis: Diagnosis }>;

/** What `ramplan doctor --format json` prints; docs/doctor.md describes every field. */
export interface Diagnosis {
  shape: 'openapi-json' | 'oss-xml' | 'sdk-text' | 'console' | 'decoded' | 'encoded-only';
  error: {
    code?: string;
    message?: string;
    http_status?: string;
    request_id?: string;
    host_id?: string;
    recommend?: string;
    oss_ec?: string;
  };
  identity?: {
    kind: 'ram-user' | 'ram-role' | 'federated' | 'root' | 'other';
    kind_raw: string;
    display_name?: string;
    account_id?: string;
    role_name?: string;
    session_name?: string;
  };
  request: { action?: string; resource?: string; conditions: { key: string; values: string[] }[] };
  denial: 'implicit' | 'explicit' | 'unknown';
  policy_type?: {
    kind:
      | 'identity-account'
      | 'identity-resource-group'
      | 'control-policy'
      | 'session-policy'
      | 'trust-policy'
      | 'resource-policy'
      | 'other';
    raw: string;
  };
  matched_policies?: { fields: { key: string; value: string }[] }[];
  encoded_diagnostic_message?: string;
  decode_command?: string;
  who: string;
  what: string;
  why: string;
  steps: { text: string; command?: string }[];
  fix?: {
    target: 'identity' | 'session-policy' | 'control-policy';
    policy: string;
    policy_name: string;
    resource_known: boolean;
    resource_from_host: boolean;
    access_level?: string;
    resource_types?: { name: string; arn: string }[];
    findings: Finding[];
    checks: {
      about: string;
      with_statement: boolean;
      action: string;
      resource: string;
      expected: 'allow' | 'explicit-deny' | 'implicit-deny';
      decision: 'allow' | 'explicit-deny' | 'implicit-deny' | null;
      ok: boolean;
      note?: string;
    }[];
    proven: boolean;
    aliyun_cli?: string;
    terraform?: string;
  };
  scenarios: {
    id: string;
    title: string;
    why: string;
    plan_link: string;
    check_link: string;
    check_command: string;
  }[];
  other_fields: { key: string; value: string }[];
  notes: string[];
}

/**
 * Least-privilege policies from ActionTrail event files, one per identity: what
 * `ramplan generate --format json` prints. A file that cannot be read, or a wrong option,
 * is a failure; events left out are listed in the answer. AccessKey IDs in the events are
 * dropped on read and never returned.
 */
export function generate(
  files: { name: string; text: string }[],
  options?: GenerateOptions,
): Answer<{ generated: Generated }>;

export interface GenerateOptions {
  /** ISO 8601 times, inclusive. */
  since?: string;
  until?: string;
  /** `ram-user/alice`, `alice`, `assumed-role/reader` or a principal ID. */
  identity?: string;
  /** A service with more actions than this gets one wildcard. */
  collapse_above?: number;
  /** Keep only list and read actions. */
  read_only?: boolean;
  lang?: Lang;
}

/** See docs/generate.md for every field. */
export interface Generated {
  identities: {
    id: string;
    kind: string;
    account: string;
    calls: number;
    first_call: string;
    last_call: string;
    policies: {
      policy: string;
      statements: { actions: string[]; resources: string[]; why: string[] }[];
      findings: Finding[];
    }[];
    actions: {
      action: string;
      calls: number;
      level: string;
      level_inferred: boolean;
      mapping: string;
      service_from: string;
      resources: string[];
      resource_basis: string;
    }[];
    notes: string[];
  }[];
  left_out: { reason: string; count: number; examples: string[] }[];
  summary: {
    files: number;
    events_read: number;
    events_used: number;
    access_key_ids_dropped: number;
    credentials_masked: number;
  };
  notes: string[];
}

// ---- Answers ------------------------------------------------------------------------------

export type Answer<T> = Success<T> | Failure;

export type Success<T> = { type: 'success' } & T;

/** The call could not be answered. Messages about the call itself are in English. */
export interface Failure {
  type: 'failure';
  /** At least one. */
  errors: Problem[];
}

export interface Problem {
  /** One line, lowercase, no final period, values in backticks. */
  message: string;
  /** The argument concerned, by the parameter name above (`options`, `request`). */
  argument?: string;
  /** RFC 6901 pointer inside that argument (`/lang`, `/1`), or inside a refused policy. */
  path?: string;
  /** The finding code, when a finding is why (`RP102`, `PL003`). */
  code?: string;
  /** Where in a text argument. */
  span?: TextRange;
  /** Why, and what to do. */
  help?: string;
}

// ---- Options and arguments ----------------------------------------------------------------

/** The language of everything ramplan says about policies and plans. Default `en`. */
export type Lang = 'en' | 'zh';

export interface LangOptions {
  lang?: Lang;
}

export interface LintOptions {
  /** How to read the policy; `auto` (the default) guesses from the document. */
  kind?: 'auto' | 'permission' | 'trust' | 'bucket-policy';
  lang?: Lang;
  /** The name the policy will be created under, checked against RAM's naming limits. */
  policy_name?: string | null;
  /** The role a trust policy belongs to, checked against RAM's naming limits. */
  role_name?: string | null;
  /** The policy's or role's description, checked against RAM's length limit. */
  description?: string | null;
  /** The text comes from a Terraform or ROS template: `${...}` interpolations are placeholders. */
  template?: boolean;
  /** Actions (and resources) no statement may allow: each grant is an RP606 error. */
  must_not_grant?: Forbidden[];
}

/** An action (and resource) no policy may allow; `resource` is `*` when left out. */
export interface Forbidden {
  action: string;
  resource?: string;
}

export interface DiffOptions {
  lang?: Lang;
  /** Each grant of one by a new policy is an RP606 finding in `must_not_grant`. */
  must_not_grant?: Forbidden[];
}

export interface ConvertOptions {
  kind?: 'auto' | 'permission' | 'trust' | 'bucket-policy';
  /** The policy's or role's name; `ramplan-policy` or `ramplan-role` when not given. */
  name?: string | null;
  lang?: Lang;
}

export type ExportFormat = 'sh' | 'tf' | 'ros';

/** A scenario's inputs: field name to value, as `scenarios()` describes the fields. */
export type Inputs = Record<string, InputValue>;
export type InputValue = string | boolean | string[] | Record<string, InputValue>[];

/** A policy document: its text, or its text and the name to call it by in answers. */
export type PolicyInput = string | { name?: string; text: string };

/** An existing document: its text, or with a name and a kind (guessed when absent). */
export type DocumentInput = string | { name?: string; text: string; kind?: DocumentKind | null };

/** Request context: a list of entries, or key to value (or values). */
export type ContextInput = ContextEntry[] | Record<string, string | string[]>;

export interface SimulateRequest {
  /** `oss:GetObject`. */
  action: string;
  /** `acs:oss:*:*:examplebucket/a.txt`, taken literally. */
  resource: string;
  context?: ContextInput;
  /**
   * Who asks, for OSS bucket policies: an account or RAM user ID, or
   * `arn:sts::<uid>:assumed-role/<role>/<session>`. Absent: an anonymous request.
   */
  principal?: string;
}

export interface SimulateTrustRequest {
  /**
   * `1234567890123456`, `acs:ram::<uid>:root`, `acs:ram::<uid>:user/<name>`,
   * `ecs.aliyuncs.com`, `<uid>@engine.dataworks.aliyuncs.com`, or a provider ARN.
   */
  principal: string;
  context?: ContextInput;
}

// ---- Shared pieces ------------------------------------------------------------------------

export type Severity = 'error' | 'security' | 'warning' | 'suggestion';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (as JavaScript strings count). */
  column: number;
  /** 0-based UTF-8 byte offset (not a JavaScript string index). */
  offset: number;
}

export interface TextRange {
  start: Position;
  end: Position;
}

export interface Finding {
  /** Stable, never reused (`RP102`). */
  code: string;
  severity: Severity;
  message: string;
  /** RFC 6901 pointer to the element concerned (`""` for the whole document). */
  path: string;
  span?: TextRange;
  help?: string;
}

// ---- lint ---------------------------------------------------------------------------------

export type PolicyKind = 'permission' | 'trust' | 'bucket-policy';

export interface LintReport {
  kind: PolicyKind;
  /** True when the kind was guessed from the document rather than chosen. */
  kind_guessed: boolean;
  /** Most severe first. */
  findings: Finding[];
}

// ---- scenarios and plan -------------------------------------------------------------------

export interface ScenarioDescription {
  id: string;
  title: string;
  summary: string;
  source: string;
  fields: FieldDescription[];
}

export interface FieldDescription {
  name: string;
  label: string;
  type:
    | 'string'
    | 'account-uid'
    | 'boolean'
    | 'choice'
    | 'emr-version'
    | 'region'
    | 'role-name'
    | 'policy-name'
    | 'string-list'
    | 'list';
  required: boolean;
  default?: string | boolean;
  /** The choices, for `choice` fields. */
  values?: string[];
  help: string;
  /** The fields of each item, for `list` fields. */
  fields?: FieldDescription[];
}

export interface Plan {
  scenario: string;
  /** The inputs as read: normalised, defaults filled in, credentials dropped. */
  inputs: Inputs;
  /** Most severe first. With any error, `artifacts`, `steps` and `checks` are empty. */
  findings: PlanFinding[];
  artifacts: Artifact[];
  steps: Step[];
  /** What the plan proved about its own documents with the simulator. */
  checks: Check[];
  /** Facts the sources do not settle, and what the plan assumed. */
  unconfirmed: Unconfirmed[];
}

export interface PlanFinding {
  code: string;
  severity: Severity;
  message: string;
  /** The input field concerned (`grants[1].object_name`). */
  field?: string;
  /** Only for inputs that are not JSON: where in their text. */
  span?: TextRange;
  help?: string;
}

export interface Artifact {
  id: string;
  kind:
    | 'trust-policy'
    | 'permission-policy'
    | 'system-policies'
    | 'required-roles'
    | 'maxcompute-sql'
    | 'runbook';
  title: string;
  filename: string;
  content: string;
}

/** Whose console a step happens in. */
export type Account = 'resource' | 'dataworks' | 'own';

export interface Step {
  number: number;
  account: Account;
  title: string;
  /** Console and menu path. */
  where: string;
  instructions: string;
  parameters: { name: string; value: string }[];
  /** Ids of the artifacts to paste in this step. */
  artifacts: string[];
  /** Ids of artifacts to compare with what the console shows. */
  compare?: string[];
  verification?: string;
  cautions?: string[];
}

export interface Unconfirmed {
  about: string;
  assumption: string;
  source: string;
}

/** What a scenario needs of its documents. */
export type Expectation =
  | { kind: 'assume'; principal: string; role: string; why: string }
  | { kind: 'no-assume'; principal: string; role: string; why: string }
  | { kind: 'allow'; role: string; action: string; resource: string; grant: string; why: string }
  | { kind: 'deny'; role: string; action: string; resource: string; why: string }
  | { kind: 'system-policy'; role: string; policy: string }
  | { kind: 'outside'; what: string; how: string };

export type Check = Expectation & {
  /** The documents evaluated, by file name; empty when not evaluated. */
  documents: string[];
  result: 'passed' | 'failed' | 'not-evaluated';
  decision?: Outcome;
  explanation: string;
};

// ---- simulate -----------------------------------------------------------------------------

export type Outcome = 'allow' | 'explicit-deny' | 'implicit-deny';

export interface ContextEntry {
  key: string;
  value: string;
}

export interface Decision {
  decision: Outcome;
  request: { action: string; resource: string; context: ContextEntry[]; principal?: string };
  /** The matching `Deny` statements for an explicit deny, the matching `Allow`s for allow. */
  decided_by: { source: string; path: string }[];
  statements: StatementResult[];
  /** Remarks about the request as a whole. */
  notes: string[];
  /** Lint errors of policies that still parsed: RAM would reject them. */
  warnings: Warning[];
}

export interface StatementResult {
  /** The policy's name. */
  source: string;
  /** RFC 6901 pointer: `/Statement/1`. */
  path: string;
  sid?: string;
  /** `null` when the statement has no valid `Effect` (it is then ignored). */
  effect: 'Allow' | 'Deny' | null;
  action_matched: boolean;
  resource_matched: boolean;
  condition_matched: boolean;
  /** Bucket policies only: whether `Principal` covers the requester. */
  principal_matched?: boolean;
  matched: boolean;
  deciding: boolean;
  conditions: ConditionResult[];
  note: string | null;
}

export interface ConditionResult {
  path: string;
  operator: string;
  key: string;
  values: string[];
  request_values: string[];
  matched: boolean;
  note: string | null;
}

export type Warning = Finding & { source: string };

export type Principal =
  | { kind: 'account'; account: string }
  | { kind: 'user'; account: string; name: string }
  | { kind: 'role'; account: string; name: string }
  | { kind: 'service'; service: string }
  | { kind: 'account-service'; account: string; service: string }
  | { kind: 'saml-provider'; account: string; name: string }
  | { kind: 'oidc-provider'; account: string; name: string };

export interface TrustDecision {
  decision: Outcome;
  /** The principal asked about, as understood. */
  principal: Principal;
  request: { principal: string; context: ContextEntry[] };
  decided_by: { source: string; path: string; principal: string | null }[];
  statements: TrustStatementResult[];
  /** When denied, the `Allow` statement that came closest, and what differs. */
  nearest_miss: string | null;
  notes: string[];
  warnings: Warning[];
}

export interface TrustStatementResult {
  source: string;
  path: string;
  sid?: string;
  effect: 'Allow' | 'Deny' | null;
  action_matched: boolean;
  principal_matched: boolean;
  condition_matched: boolean;
  matched: boolean;
  deciding: boolean;
  principals: PrincipalCheck[];
  conditions: ConditionResult[];
  note: string | null;
}

export interface PrincipalCheck {
  path: string;
  /** `RAM`, `Service`, `Federated` as written, or `*`. */
  type: string;
  value: string;
  matched: boolean;
  reason: string | null;
}

// ---- checkExisting ------------------------------------------------------------------------

export type DocumentKind = 'trust' | 'permission';

export interface ExistingReport {
  scenario: string;
  /** No input error and no error finding: the documents do what the scenario needs. */
  satisfied: boolean;
  /** Error findings about the inputs; with any, nothing was compared. */
  input_findings: PlanFinding[];
  documents: {
    name: string;
    /** `null` when the document could not be read. */
    kind: DocumentKind | null;
    kind_guessed: boolean;
    lint: Finding[];
  }[];
  checks: Check[];
  findings: ExistingFinding[];
}

export interface ExistingFinding {
  code: string;
  severity: Severity;
  message: string;
  /** The document concerned; absent for the setup as a whole. */
  document?: string;
  path: string;
  span?: TextRange;
  help?: string;
}

// ---- exportPlan and convert ---------------------------------------------------------------

export interface ExportedFile {
  format: ExportFormat;
  /** `aliyun-cli.sh`, `main.tf` or `ros-template.yaml`. */
  filename: string;
  text: string;
}

// ---- diff ---------------------------------------------------------------------------------

export interface DiffReport {
  /** The new policies allow a request the old ones did not. */
  adds_access: boolean;
  removes_access: boolean;
  /** False when a limit cut the comparison short (then new access cannot be ruled out). */
  complete: boolean;
  added: Change[];
  removed: Change[];
  /** Grants of the new policies that `must_not_grant` forbids (RP606). */
  must_not_grant: Warning[];
  /** What the comparison approximates, in words. */
  notes: string[];
  /** Lint errors of either side: RAM would refuse such a policy. */
  warnings: Warning[];
  counts: {
    action_classes: number;
    catalogued_actions: number;
    resources: number;
    contexts: number;
    shapes: number;
    evaluated: number;
  };
}

export interface Change {
  actions: ServiceActions[];
  /** Patterns standing for actions the catalogue does not list (`oss:Get*`, `*:*`). */
  other_actions?: string[];
  /** The `Action`/`NotAction` values that match these actions (empty: only `NotAction` reaches them). */
  matches: string[];
  /** Each stands for the resources it matches that no narrower pattern of either side names. */
  resources: string[];
  /** The change holds in every request context tried. */
  always: boolean;
  /** Up to three contexts it holds in, when not `always`. */
  contexts?: { key: string; value: string; pattern?: boolean }[][];
  context_count: number;
  old: SideDecision;
  new: SideDecision;
}

export interface ServiceActions {
  service: string;
  /** Absent when `all`. */
  names?: string[];
  /** Every action the catalogue lists for the service. */
  all: boolean;
  count: number;
  action_list: 'complete' | 'partial' | 'api-metadata' | 'authorization-page' | 'none';
}

export interface SideDecision {
  decision: Outcome;
  decided_by: { source: string; path: string; span?: TextRange }[];
}

//! The JSON call -> answer API for embeds: `crates/js` binds each function to JavaScript in a
//! few lines, and everything that can go wrong is decided here, where it is tested natively.
//!
//! Every function takes its arguments as JSON texts, one per argument, `None` for an argument
//! not given (JavaScript's `undefined`; `null` counts the same), and returns an [`Answer`]:
//! `{"type": "success", ...}` with the result, or `{"type": "failure", "errors": [...]}`
//! when the call itself cannot be answered: an argument of the wrong type, an unknown
//! scenario, a request the simulator refuses, a policy that `convert` will not convert.
//! What a check finds (lint findings, plan findings, a denied request) is data in a success
//! answer, never a failure. Nothing panics, whatever the arguments.
//!
//! Messages about the call itself are in English (they are for the programmer embedding
//! ramplan); everything ramplan says about policies and plans follows `options.lang`.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::diff::{self, DiffErrorKind, DiffOptions, DiffReport};
use crate::export::{self, ConvertError, ConvertOptions, Format};
use crate::finding::{Lang, Severity};
use crate::generate;
use crate::lint::{self, KindChoice, LintOptions, LintReport};
use crate::plan::{self, ExistingDocument, ExistingReport, Plan, ScenarioDescription};
use crate::plan::{UnknownScenario, SCENARIOS};
use crate::position::TextRange;
use crate::secrets;
use crate::simulate::{self, Decision, PolicySource, SimulateError, TrustDecision};

/// The largest argument accepted, as JSON text. Real policies are a few kilobytes (RAM's limit
/// is 6,144 characters) and scenario inputs a few hundred bytes; the cap keeps a runaway
/// caller from exhausting the WebAssembly memory, which would abort the module.
pub const MAX_ARGUMENT_BYTES: usize = 1024 * 1024;

/// The answer to every call.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Answer {
    Success(Success),
    Failure { errors: Vec<Problem> },
}

/// What a successful call returns, one shape per function; the answer's `type` comes first.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Success {
    /// `scenarios`: what `ramplan scenarios --format json` prints.
    Scenarios { scenarios: Vec<ScenarioDescription> },
    /// `plan`: what `ramplan plan --format json` prints.
    Plan { plan: Box<Plan> },
    /// `lint`: the report of one policy.
    Lint { report: LintReport },
    /// `simulate`: what `ramplan simulate --format json` prints.
    Simulate { decision: Box<Decision> },
    /// `simulate_trust`: what `ramplan simulate --trust --format json` prints.
    SimulateTrust { decision: Box<TrustDecision> },
    /// `check_existing`: what `ramplan plan --check-existing --format json` prints.
    CheckExisting { report: Box<ExistingReport> },
    /// `diff`: what `ramplan diff --format json` prints (without the catalogue date).
    Diff { report: Box<DiffReport> },
    /// `doctor`: what `ramplan doctor --format json` prints.
    Doctor {
        diagnosis: Box<crate::doctor::Diagnosis>,
    },
    /// `generate`: what `ramplan generate --format json` prints.
    Generate { generated: Box<generate::Generated> },
    /// `export_plan` and `convert`: a file's text and the name to save it under.
    Export {
        format: &'static str,
        filename: &'static str,
        text: String,
    },
}

/// Why a call has no answer. Messages are lowercase, without a final period, with user
/// values in backticks; the why, when there is one, is in `help`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub message: String,
    /// The argument concerned, by its documented name (`options`, `request`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub argument: Option<&'static str>,
    /// RFC 6901 pointer inside that argument (`/lang`, `/1`, or a pointer into a policy
    /// document for a finding that refused it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The rule or plan finding code, when a finding is why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    /// Where in a text argument, when the problem is in its text (boxed to keep `Result`s
    /// small).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Box<TextRange>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Answer {
    /// The answer as compact JSON, for crossing into JavaScript.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|error| {
            // Serialising strings, numbers and booleans cannot fail; if it ever did, the
            // caller still gets an answer of the documented shape.
            let message = serde_json::to_string(&format!("cannot write the answer: {error}"))
                .unwrap_or_default();
            format!(r#"{{"type":"failure","errors":[{{"message":{message}}}]}}"#)
        })
    }

    pub fn is_success(&self) -> bool {
        matches!(self, Answer::Success(_))
    }
}

impl Problem {
    fn argument(argument: &'static str, message: String) -> Problem {
        Problem {
            message,
            argument: Some(argument),
            path: None,
            code: None,
            span: None,
            help: None,
        }
    }

    fn at(mut self, path: String) -> Problem {
        self.path = Some(path);
        self
    }

    fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }
}

/// Turns the `Result` every function computes into the answer.
/// Every message and help passes through `redact` and is kept short, as it may quote the
/// caller's values (serde quotes an unknown variant, a scenario id is echoed).
fn answer(result: Result<Success, Vec<Problem>>) -> Answer {
    match result {
        Ok(success) => Answer::Success(success),
        Err(mut errors) => {
            for problem in &mut errors {
                problem.message = shorten(&secrets::redact(&problem.message));
                problem.help = problem
                    .help
                    .as_deref()
                    .map(|h| shorten(&secrets::redact(h)));
            }
            Answer::Failure { errors }
        }
    }
}

/// Messages longer than this are cut: a quoted value can be a megabyte long.
pub const MAX_MESSAGE_CHARS: usize = 300;

fn shorten(text: &str) -> String {
    match text.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or_default()),
        None => text.to_owned(),
    }
}

/// The scenarios and their input fields, the contract forms are built from.
///
/// `options`: `{"lang": "en" | "zh"}`.
pub fn scenarios(options: Option<&str>) -> Answer {
    answer((|| {
        let options: LangOptions = options_of("options", options)?;
        Ok(Success::Scenarios {
            scenarios: plan::describe_scenarios(options.lang),
        })
    })())
}

/// Builds the plan for a scenario.
///
/// `scenario_id`: a string (`dataworks-emr`). `inputs`: an object with the scenario's
/// fields, or the text of one (its spans then point into that text). `options`:
/// `{"lang": "en" | "zh"}`. Invalid inputs are findings in the plan, not a failure.
pub fn plan(scenario_id: Option<&str>, inputs: Option<&str>, options: Option<&str>) -> Answer {
    answer((|| {
        let scenario_id = string_of("scenarioId", scenario_id)?;
        let inputs = inputs_of(inputs)?;
        let options: LangOptions = options_of("options", options)?;
        let plan = build_plan(&scenario_id, &inputs, options.lang)?;
        Ok(Success::Plan {
            plan: Box::new(plan),
        })
    })())
}

/// Lints one policy document.
///
/// `text`: the policy as a string. `options`: `{"kind": "auto" | "permission" | "trust",
/// "lang", "policy_name", "role_name", "description"}`, every member optional.
pub fn lint(text: Option<&str>, options: Option<&str>) -> Answer {
    answer((|| {
        let text = string_of("text", text)?;
        let options: LintOptions = options_of("options", options)?;
        Ok(Success::Lint {
            report: lint::lint(&text, &options),
        })
    })())
}

/// Would RAM allow this request under these identity policies?
///
/// `policies`: a list of policies, each a string or `{"name", "text"}` (a lone policy counts
/// as a list of one). `request`: `{"action", "resource", "context"}`, where `context` is a
/// list of `{"key", "value"}` or an object from key to a value or a list of values.
/// `options`: `{"lang"}`.
pub fn simulate(policies: Option<&str>, request: Option<&str>, options: Option<&str>) -> Answer {
    answer((|| {
        let sources = policies_of("policies", policies)?;
        let request: simulate::Request = request_of(request)?;
        let options: LangOptions = options_of("options", options)?;
        let decision = simulate::simulate(&sources, &request, options.lang)
            .map_err(|error| vec![simulate_problem(error, "policies", &sources)])?;
        Ok(Success::Simulate {
            decision: Box::new(decision),
        })
    })())
}

/// What the new policies allow that the old ones did not, and the reverse.
///
/// `old_policies` and `new_policies`: a policy or a list, as for `simulate` (an empty text is
/// a policy that allows nothing). `options`: `{"lang", "must_not_grant": [{"action",
/// "resource"?}]}`. Access added is data in the report (`adds_access`), not a failure; a
/// policy that is not JSON, a trust policy, or policies past the limits are.
pub fn diff(
    old_policies: Option<&str>,
    new_policies: Option<&str>,
    options: Option<&str>,
) -> Answer {
    answer((|| {
        let old = policies_of("old", old_policies)?;
        let new = policies_of("new", new_policies)?;
        let options: DiffOptions = options_of("options", options)?;
        let report = diff::diff(&old, &new, &options).map_err(|error| {
            let (argument, path) = match &error.source {
                Some(name) => match old.iter().position(|s| &s.name == name) {
                    Some(i) => ("old", Some(format!("/{i}"))),
                    None => (
                        "new",
                        new.iter()
                            .position(|s| &s.name == name)
                            .map(|i| format!("/{i}")),
                    ),
                },
                None => ("new", None),
            };
            vec![Problem {
                message: error.message,
                argument: Some(argument),
                path: path.filter(|_| error.kind != DiffErrorKind::TooLarge),
                code: None,
                span: error.span,
                help: error.help,
            }]
        })?;
        Ok(Success::Diff {
            report: Box::new(report),
        })
    })())
}

/// Why was this request denied? `text`: the error as pasted (any shape `docs/doctor.md`
/// lists). `options`: `{"lang"}`. A text holding a credential is refused, and not echoed.
pub fn doctor(text: Option<&str>, options: Option<&str>) -> Answer {
    answer((|| {
        let text = string_of("text", text)?;
        let options: LangOptions = options_of("options", options)?;
        let diagnosis = crate::doctor::diagnose(&text, options.lang).map_err(|e| {
            let problem = Problem::argument("text", e.message);
            vec![match e.help {
                Some(help) => problem.help(help),
                None => problem,
            }]
        })?;
        Ok(Success::Doctor {
            diagnosis: Box::new(diagnosis),
        })
    })())
}

/// May this principal assume a role with this trust policy?
///
/// `policy`: a string or `{"name", "text"}`. `request`: `{"principal", "context"}`, `context`
/// as for `simulate`. `options`: `{"lang"}`.
pub fn simulate_trust(
    policy: Option<&str>,
    request: Option<&str>,
    options: Option<&str>,
) -> Answer {
    answer((|| {
        let value = parse("policy", policy)?;
        let source = policy_source("policy", &value, 0).map_err(|p| vec![p])?;
        let request: simulate::TrustRequest = request_of(request)?;
        let options: LangOptions = options_of("options", options)?;
        let decision = simulate::simulate_trust(&source, &request, options.lang)
            .map_err(|error| vec![simulate_problem(error, "policy", &[source])])?;
        Ok(Success::SimulateTrust {
            decision: Box::new(decision),
        })
    })())
}

/// Judges the policies a role has today against what a scenario needs.
///
/// `scenario_id` and `inputs` as for `plan`. `documents`: a list, each a string or
/// `{"name", "text", "kind": "trust" | "permission"}` (`kind` guessed when absent).
/// `options`: `{"lang"}`.
pub fn check_existing(
    scenario_id: Option<&str>,
    inputs: Option<&str>,
    documents: Option<&str>,
    options: Option<&str>,
) -> Answer {
    answer((|| {
        let scenario_id = string_of("scenarioId", scenario_id)?;
        let inputs = inputs_of(inputs)?;
        let documents = documents_of(documents)?;
        let options: LangOptions = options_of("options", options)?;
        let report = plan::check_existing(&scenario_id, &inputs, &documents, options.lang)
            .map_err(|unknown| vec![unknown_scenario(unknown)])?;
        Ok(Success::CheckExisting {
            report: Box::new(report),
        })
    })())
}

/// A plan's RAM resources as an aliyun CLI script, Terraform or a ROS template.
///
/// `scenario_id` and `inputs` as for `plan`; `format`: `"sh"`, `"tf"` or `"ros"`;
/// `options`: `{"lang"}`. A plan with errors has no export: its error findings are the
/// failure's errors.
pub fn export_plan(
    scenario_id: Option<&str>,
    inputs: Option<&str>,
    format: Option<&str>,
    options: Option<&str>,
) -> Answer {
    answer((|| {
        let scenario_id = string_of("scenarioId", scenario_id)?;
        let inputs = inputs_of(inputs)?;
        let format = format_of(format)?;
        let options: LangOptions = options_of("options", options)?;
        let plan = build_plan(&scenario_id, &inputs, options.lang)?;
        match export::plan_export(&plan, format) {
            Some(text) => Ok(exported(format, text)),
            None => Err(plan
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| Problem {
                    message: f.message.clone(),
                    argument: Some("inputs"),
                    path: f.field().map(field_pointer),
                    code: Some(f.code),
                    span: f.span.map(Box::new),
                    help: f.help.clone(),
                })
                .collect()),
        }
    })())
}

/// One policy as a custom policy (permission) or a role trusting it (trust), in `format`.
///
/// `text`: the policy. `format`: `"sh"`, `"tf"` or `"ros"`. `options`: `{"kind", "name",
/// "lang"}`. A policy with an error finding, or with a credential anywhere, is refused:
/// those findings are the failure's errors.
pub fn convert(text: Option<&str>, format: Option<&str>, options: Option<&str>) -> Answer {
    answer((|| {
        let text = string_of("text", text)?;
        let format = format_of(format)?;
        let options: ConvertArgs = options_of("options", options)?;
        let convert_options = ConvertOptions {
            kind: options.kind,
            name: options.name,
            lang: options.lang,
        };
        match export::convert(&text, &convert_options, format) {
            Ok(text) => Ok(exported(format, text)),
            Err(ConvertError::CredentialInName) => Err(vec![Problem::argument(
                "options",
                "`name` looks like a credential; it is refused and not shown back".to_owned(),
            )
            .at("/name".to_owned())]),
            Err(ConvertError::Refused(report)) => Err(refusing_findings(&report)),
            Err(ConvertError::BucketPolicy) => Err(vec![Problem::argument(
                "text",
                export::BUCKET_POLICY_NOT_CONVERTED.to_owned(),
            )]),
        }
    })())
}

/// Least-privilege policies from ActionTrail events, one per identity.
///
/// `files`: `[{"name", "text"}]`, each an ActionTrail file's text (an event, a list, a
/// `LookupEvents` response, JSON Lines or SLS records). `options`: `{"since", "until",
/// "identity", "collapse_above", "read_only", "lang"}`. A file that cannot be read, or an
/// option that is wrong, is a failure; events left out are data in the answer. Arguments
/// are capped at [`MAX_ARGUMENT_BYTES`] like every other; the page and the CLI call
/// `generate::generate_files` directly for larger files.
pub fn generate(files: Option<&str>, options: Option<&str>) -> Answer {
    answer((|| {
        let files: Vec<GenerateFile> = match parse("files", files)? {
            value @ Value::Array(_) => deserialize("files", value)?,
            other => return Err(vec![wrong_type("files", "a list", &other)]),
        };
        let options: GenerateArgs = options_of("options", options)?;
        let options = generate::Options {
            since: options.since,
            until: options.until,
            identity: options.identity,
            collapse_above: options.collapse_above,
            read_only: options.read_only,
            lang: options.lang,
        };
        generate::check_options(&options).map_err(|e| {
            vec![Problem::argument("options", e.message)
                .at(format!("/{}", e.option.replace('-', "_")))]
        })?;
        let files: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .map(|f| (f.name, f.text.into_bytes()))
            .collect();
        generate::generate_files(&files, &options)
            .map(|generated| Success::Generate {
                generated: Box::new(generated),
            })
            .map_err(|errors| {
                errors
                    .into_iter()
                    .map(|e| {
                        let problem =
                            Problem::argument("files", format!("{}: {}", e.source, e.message));
                        match e.help {
                            Some(help) => problem.help(help),
                            None => problem,
                        }
                    })
                    .collect()
            })
    })())
}

/// For bindings: the answer when an argument cannot be written as JSON at all (a `BigInt`,
/// a cycle, a function), with the reason the host gave.
pub fn unreadable_argument(argument: &'static str, reason: &str) -> Answer {
    let message = if reason.is_empty() {
        format!("`{argument}` cannot be written as JSON")
    } else {
        format!("`{argument}` cannot be written as JSON: {reason}")
    };
    answer(Err(vec![Problem::argument(argument, message).help(
        "pass plain objects, lists, strings, numbers and booleans",
    )]))
}

/// For bindings that measure an argument before handing it over: the answer for one longer
/// than [`MAX_ARGUMENT_BYTES`] as JSON.
pub fn argument_too_large(argument: &'static str) -> Answer {
    answer(Err(vec![too_large(argument)]))
}

fn too_large(argument: &'static str) -> Problem {
    Problem::argument(
        argument,
        format!("`{argument}` is longer than the {MAX_ARGUMENT_BYTES} bytes accepted as JSON"),
    )
    .help("RAM policies are at most 6,144 characters and scenario inputs a few hundred bytes")
}

// ---- Arguments ----------------------------------------------------------------------------

/// Options that only choose the language.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct LangOptions {
    lang: Lang,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ConvertArgs {
    kind: KindChoice,
    name: Option<String>,
    lang: Lang,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GenerateFile {
    name: String,
    text: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct GenerateArgs {
    since: Option<String>,
    until: Option<String>,
    identity: Option<String>,
    collapse_above: Option<usize>,
    read_only: bool,
    lang: Lang,
}

/// A policy as `simulate` and `convert` take it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyArg {
    #[serde(default)]
    name: Option<String>,
    text: String,
}

/// An existing document as `check_existing` takes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentArg {
    #[serde(default)]
    name: Option<String>,
    text: String,
    #[serde(default)]
    kind: Option<plan::DocumentKind>,
}

/// How deeply an argument's arrays and objects may nest. Policies themselves, passed as
/// strings, are read by ramplan's own parser with its own limit (`json::MAX_DEPTH`).
pub const MAX_ARGUMENT_DEPTH: usize = 32;

/// The deepest nesting of `[` and `{` outside strings, in one pass.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut quoted, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        match (quoted, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => quoted = false,
            (true, false, _) => {}
            (false, _, b'"') => quoted = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Parses one argument; `None` and `null` are both "not given".
fn parse(argument: &'static str, text: Option<&str>) -> Result<Value, Vec<Problem>> {
    let Some(text) = text else {
        return Ok(Value::Null);
    };
    if text.len() > MAX_ARGUMENT_BYTES {
        return Err(vec![too_large(argument)]);
    }
    // serde_json recurses once per level; refuse deep nesting before it does, so that even a
    // thread with a small stack (a worker, an embedder's) never runs out.
    if nesting_depth(text) > MAX_ARGUMENT_DEPTH {
        return Err(vec![Problem::argument(
            argument,
            format!("`{argument}` nests deeper than {MAX_ARGUMENT_DEPTH} levels"),
        )]);
    }
    serde_json::from_str(text).map_err(|error| {
        vec![Problem::argument(
            argument,
            format!("`{argument}` is not JSON: {error}"),
        )]
    })
}

/// What a JSON value is, for messages: "a number", "null".
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn wrong_type(argument: &'static str, expected: &str, found: &Value) -> Problem {
    Problem::argument(
        argument,
        format!("`{argument}` must be {expected}, not {}", type_name(found)),
    )
}

fn string_of(argument: &'static str, text: Option<&str>) -> Result<String, Vec<Problem>> {
    match parse(argument, text)? {
        Value::String(s) => Ok(s),
        other => Err(vec![wrong_type(argument, "a string", &other)]),
    }
}

/// An options object: absent or `null` gives the defaults.
fn options_of<T: DeserializeOwned + Default>(
    argument: &'static str,
    text: Option<&str>,
) -> Result<T, Vec<Problem>> {
    match parse(argument, text)? {
        Value::Null => Ok(T::default()),
        value @ Value::Object(_) => deserialize(argument, value),
        other => Err(vec![wrong_type(argument, "an object", &other)]),
    }
}

fn deserialize<T: DeserializeOwned>(
    argument: &'static str,
    value: Value,
) -> Result<T, Vec<Problem>> {
    serde_json::from_value(value).map_err(|error| {
        vec![Problem::argument(
            argument,
            format!("`{argument}`: {error}"),
        )]
    })
}

/// A scenario's inputs as the input reader takes them: the text of a JSON document. An
/// object argument is passed on as the caller wrote it, so its members keep their order.
fn inputs_of(text: Option<&str>) -> Result<String, Vec<Problem>> {
    match parse("inputs", text)? {
        Value::Object(_) => Ok(text.unwrap_or_default().to_owned()),
        Value::String(s) => Ok(s),
        other => Err(vec![wrong_type(
            "inputs",
            "an object or the text of one",
            &other,
        )]),
    }
}

fn format_of(text: Option<&str>) -> Result<Format, Vec<Problem>> {
    let code = string_of("format", text)?;
    Format::parse(&code).ok_or_else(|| {
        vec![
            Problem::argument("format", format!("unknown export format `{code}`"))
                .help("use `sh` (aliyun CLI), `tf` (Terraform) or `ros` (ROS template)"),
        ]
    })
}

/// A policy: a string, or `{"name", "text"}`. Unnamed policies are `policy 1`, `policy 2`
/// (for `diff`, `old 1` and `new 1`).
fn policy_source(
    argument: &'static str,
    value: &Value,
    index: usize,
) -> Result<PolicySource, Problem> {
    let prefix = match argument {
        "old" | "new" => argument,
        _ => "policy",
    };
    let default_name = || format!("{prefix} {}", index + 1);
    match value {
        Value::String(text) => Ok(PolicySource::new(default_name(), text.as_str())),
        Value::Object(_) => {
            let policy: PolicyArg = serde_json::from_value(value.clone())
                .map_err(|error| Problem::argument(argument, format!("`{argument}`: {error}")))?;
            let name = policy
                .name
                .filter(|n| !n.is_empty())
                .unwrap_or_else(default_name);
            Ok(PolicySource::new(name, policy.text))
        }
        other => Err(wrong_type(
            argument,
            "a policy text or an object `{\"name\", \"text\"}`",
            other,
        )),
    }
}

/// A list argument; a lone item counts as a list of one. Problems with an item point at
/// its index when the argument was a list.
fn list_of(
    argument: &'static str,
    text: Option<&str>,
) -> Result<Vec<(Value, Option<String>)>, Vec<Problem>> {
    match parse(argument, text)? {
        Value::Array(items) => Ok(items
            .into_iter()
            .enumerate()
            .map(|(index, item)| (item, Some(format!("/{index}"))))
            .collect()),
        Value::Null => Err(vec![Problem::argument(
            argument,
            format!("`{argument}` is missing"),
        )]),
        item => Ok(vec![(item, None)]),
    }
}

/// Collects every item's problem, so that the caller sees them all at once.
fn all_items<T>(
    items: Vec<(Value, Option<String>)>,
    read: impl Fn(usize, Value) -> Result<T, Problem>,
) -> Result<Vec<T>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut read_items = Vec::new();
    for (index, (item, path)) in items.into_iter().enumerate() {
        match read(index, item) {
            Ok(item) => read_items.push(item),
            Err(mut problem) => {
                problem.path = path;
                problems.push(problem);
            }
        }
    }
    if problems.is_empty() {
        Ok(read_items)
    } else {
        Err(problems)
    }
}

fn policies_of(
    argument: &'static str,
    text: Option<&str>,
) -> Result<Vec<PolicySource>, Vec<Problem>> {
    all_items(list_of(argument, text)?, |index, item| {
        policy_source(argument, &item, index)
    })
}

fn documents_of(text: Option<&str>) -> Result<Vec<ExistingDocument>, Vec<Problem>> {
    all_items(list_of("documents", text)?, |index, item| {
        let default_name = format!("document {}", index + 1);
        match item {
            Value::String(text) => Ok(ExistingDocument::new(default_name, text)),
            value @ Value::Object(_) => {
                let document: DocumentArg = serde_json::from_value(value).map_err(|error| {
                    Problem::argument("documents", format!("`documents`: {error}"))
                })?;
                Ok(ExistingDocument {
                    name: document
                        .name
                        .filter(|n| !n.is_empty())
                        .unwrap_or(default_name),
                    text: document.text,
                    kind: document.kind,
                })
            }
            other => Err(wrong_type(
                "documents",
                "a list of policy texts or objects `{\"name\", \"text\", \"kind\"}`",
                &other,
            )),
        }
    })
}

/// A simulator request. `context` may also be an object from key to a value or a list of
/// values, which is how JavaScript callers tend to write it.
fn request_of<T: DeserializeOwned>(text: Option<&str>) -> Result<T, Vec<Problem>> {
    let mut request = match parse("request", text)? {
        Value::Object(members) => members,
        other => return Err(vec![wrong_type("request", "an object", &other)]),
    };
    if let Some(Value::Object(context)) = request.get("context") {
        let mut entries = Vec::new();
        for (key, value) in context {
            let values = match value {
                Value::Array(values) => values.clone(),
                value => vec![value.clone()],
            };
            for value in values {
                let mut entry = Map::new();
                entry.insert("key".to_owned(), Value::String(key.clone()));
                entry.insert("value".to_owned(), value);
                entries.push(Value::Object(entry));
            }
        }
        request.insert("context".to_owned(), Value::Array(entries));
    }
    deserialize("request", Value::Object(request))
}

// ---- Answers ------------------------------------------------------------------------------

fn build_plan(scenario_id: &str, inputs: &str, lang: Lang) -> Result<Plan, Vec<Problem>> {
    plan::plan(scenario_id, inputs, lang).map_err(|unknown| vec![unknown_scenario(unknown)])
}

fn unknown_scenario(unknown: UnknownScenario) -> Problem {
    let help = match unknown.suggestion {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => {
            let ids: Vec<String> = SCENARIOS.iter().map(|s| format!("`{}`", s.id)).collect();
            format!("the scenarios are {}", ids.join(", "))
        }
    };
    Problem::argument("scenarioId", format!("unknown scenario `{}`", unknown.id)).help(help)
}

fn simulate_problem(
    error: SimulateError,
    argument: &'static str,
    sources: &[PolicySource],
) -> Problem {
    // A syntax error names the policy it is in; every other error is about the request.
    let (argument, path) = match &error.source {
        Some(name) => (
            argument,
            sources
                .iter()
                .position(|s| &s.name == name)
                .filter(|_| argument == "policies")
                .map(|index| format!("/{index}")),
        ),
        None => ("request", None),
    };
    Problem {
        message: error.message,
        argument: Some(argument),
        path,
        code: None,
        span: error.span,
        help: error.help,
    }
}

fn exported(format: Format, text: String) -> Success {
    Success::Export {
        format: format.code(),
        filename: format.filename(),
        text,
    }
}

/// The findings that made `convert` refuse a policy: its errors and any credential.
fn refusing_findings(report: &LintReport) -> Vec<Problem> {
    let mut problems: Vec<Problem> = report
        .findings
        .iter()
        .filter(|f| export::refuses_finding(f))
        .map(|f| Problem {
            message: f.message.clone(),
            argument: Some("text"),
            path: Some(f.path().to_owned()),
            code: Some(f.code),
            span: f.span.map(Box::new),
            help: f.help.clone(),
        })
        .collect();
    if problems.is_empty() {
        problems.push(Problem::argument(
            "text",
            "the policy cannot be converted".to_owned(),
        ));
    }
    problems
}

/// `grants[1].object_name` as a JSON pointer: `/grants/1/object_name`.
fn field_pointer(field: &str) -> String {
    let mut pointer = String::new();
    for part in field.split(['.', '[']) {
        pointer.push('/');
        pointer.push_str(
            &part
                .trim_end_matches(']')
                .replace('~', "~0")
                .replace('/', "~1"),
        );
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_arguments_are_refused_before_parsing() {
        let deep = format!(
            "{}{}",
            "[".repeat(MAX_ARGUMENT_DEPTH + 1),
            "]".repeat(MAX_ARGUMENT_DEPTH + 1)
        );
        let answer = lint(Some(r#""{}""#), Some(&deep));
        assert!(!answer.is_success());
        assert!(answer.to_json().contains("nests deeper than 32 levels"));
        let ok = format!(
            "{}{}",
            "[".repeat(MAX_ARGUMENT_DEPTH),
            "]".repeat(MAX_ARGUMENT_DEPTH)
        );
        assert_eq!(nesting_depth(&ok), MAX_ARGUMENT_DEPTH);
        assert_eq!(nesting_depth(r#"["[[[[", {"a": "}}}"}]"#), 2);
    }

    #[test]
    fn field_names_become_pointers() {
        assert_eq!(
            field_pointer("grants[1].object_name"),
            "/grants/1/object_name"
        );
        assert_eq!(field_pointer("resource_uid"), "/resource_uid");
        assert_eq!(field_pointer("a/b~c"), "/a~1b~0c");
    }
}

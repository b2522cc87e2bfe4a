//! The `ramplan` command. Argument parsing and printing only; everything else is in core.

mod build;
mod config;
mod convert;
mod diff;
mod doctor;
mod existing;
mod export;
mod generate;
mod lint;
mod output;
mod simulate;

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use ramplan_core::catalogue::{self, ActionList, CATALOGUE_DATE};
use ramplan_core::plan::{self, ArtifactKind};
use ramplan_core::render;
use ramplan_core::rules::RULES;
use ramplan_core::{KindChoice, Lang, Severity};

/// mimalloc, not the system allocator: lint allocates small strings per finding on every
/// core, and glibc's malloc took a quarter of a 10,000-file run (issue 17, README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "ramplan",
    version,
    about = "Build and check Alibaba Cloud RAM policies, offline",
    long_about = "Build and check Alibaba Cloud RAM policies, offline. ramplan never asks for, stores or sends credentials."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check RAM permission, trust and OSS bucket policies, on their own or where they are:
    /// Terraform (`.tf`), ROS templates (YAML, JSON), aliyun CLI output. Folders are read
    /// recursively (skipping `.terraform/`, `.git/`, `node_modules/` and the like).
    ///
    /// Exit status: 0 when no finding is at or above `--fail-on` (default `error`), 1 when
    /// any is, 2 on a usage, I/O or configuration error.
    Lint(LintArgs),
    /// List the lint rules.
    Rules {
        /// Print the full rule reference as Markdown (docs/rules.md).
        #[arg(long)]
        markdown: bool,
    },
    /// List the scenarios and the input fields each takes.
    Scenarios {
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
    },
    /// Build a checked cross-account plan: policies, MaxCompute SQL, steps and runbook.
    ///
    /// Exit status: 0 when no finding is an error, 1 when any is (no artifact is then
    /// produced), 2 on a usage or I/O error. With `--check-existing FILE ...`, compares the
    /// policies a role has today with what the scenario needs instead: 0 when they do what
    /// it needs, 1 when they do not (or the inputs have errors), 2 on a usage or I/O error.
    Plan(PlanArgs),
    /// Turn one policy into an aliyun CLI script, Terraform or a ROS template.
    ///
    /// A permission policy becomes a custom policy, a trust policy a role that trusts it.
    /// Exit status: 0 when converted, 1 when the policy has errors (nothing is written),
    /// 2 on a usage or I/O error.
    Convert(convert::ConvertArgs),
    /// Evaluate a request against permission policies, or a principal against a trust policy.
    ///
    /// `--policy FILE ... --action ACTION --resource ARN`, or `--trust FILE --principal P`,
    /// each with `--context KEY=VALUE ...`. Exit status: 0 when allowed, 1 when denied
    /// (explicitly or implicitly), 2 on a usage or I/O error.
    Simulate(simulate::SimulateArgs),
    /// Render a least-privilege policy template: `--template NAME --set KEY=VALUE ...`.
    ///
    /// Prints the policy (`--format json`) or a custom policy as Terraform, ROS or an aliyun
    /// CLI script. `--list` shows the templates and their parameters. Exit status: 0 when
    /// rendered, 1 when the policy has errors, 2 on a usage error (unknown template, missing
    /// or invalid parameter).
    Build(build::BuildArgs),
    /// Does the new version of a permission policy allow anything the old one did not?
    ///
    /// OLD and NEW are files, `-`, or `git:REV:PATH`. Prints the access added and removed.
    /// Exit status: 0 when no access is added, 1 when some is (or a must-not-grant entry is
    /// granted, or a limit cut the comparison short), 2 on a usage or I/O error.
    Diff(diff::DiffArgs),
    /// Why was I denied? Reads an access-denied error and says who, what, why, and what to do.
    ///
    /// For an implicit deny, proposes the smallest statement that allows the request, linted
    /// and simulated. Exit status: 0 when the error was read, 2 when it could not be.
    Doctor(doctor::DoctorArgs),
    /// Least privilege from ActionTrail events: one policy per identity, covering its calls.
    ///
    /// `--from-actiontrail FILE ...` with `--since T`, `--until T`, `--identity X`,
    /// `--collapse-above N`, `--read-only`. Exit status: 0 when policies were generated
    /// without lint errors, 1 when none could be or one has an error, 2 on a usage or I/O
    /// error.
    Generate(generate::GenerateArgs),
    /// List the services in the catalogue, or the actions of one service.
    Catalogue {
        /// A RAM service code such as `oss`.
        service: Option<String>,
    },
}

#[derive(clap::Args)]
struct LintArgs {
    /// Files and folders: policy JSON, `.tf`, ROS templates, aliyun CLI output; `-` or
    /// nothing reads standard input.
    files: Vec<PathBuf>,
    /// Lint as a permission policy, trust policy or OSS bucket policy instead of guessing.
    #[arg(long, value_enum, default_value_t = KindArg::Auto)]
    kind: KindArg,
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    format: LintFormat,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// The least severe finding that fails the run (exit 1); overrides `fail-on` in
    /// `ramplan.toml`. Default `error`.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// The configuration file; by default the nearest `ramplan.toml` in the working
    /// folder or above it.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Read no `ramplan.toml`.
    #[arg(long)]
    no_config: bool,
    /// Skip named files that hold no policy ramplan reads, as a folder walk does, instead of
    /// reading them as policies: for hooks that pass every changed `.json` or `.yaml` file.
    #[arg(long)]
    skip_unrecognized: bool,
    /// Leave out the findings this baseline file accepts (written by `--write-baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write every finding to this baseline file and exit 0, so a repository can adopt
    /// ramplan and fail only on new findings.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// The text is a policy as a Terraform or ROS template holds it: `${...}`
    /// interpolations are placeholders, and findings on them are left out.
    #[arg(long)]
    template: bool,
    /// The name the policy will be created under; checked against RAM's naming rules.
    #[arg(long)]
    policy_name: Option<String>,
    /// The role a trust policy belongs to; checked against RAM's naming rules.
    #[arg(long)]
    role_name: Option<String>,
    /// The policy's or role's description; checked against RAM's length limit.
    #[arg(long)]
    description: Option<String>,
    /// Actions (optionally with a resource) no policy may allow, one `ACTION [RESOURCE]` per
    /// line: each statement granting one is an RP606 error.
    #[arg(long, value_name = "FILE")]
    must_not_grant: Option<PathBuf>,
}

#[derive(clap::Args)]
struct PlanArgs {
    /// The scenario id (`ramplan scenarios` lists them).
    scenario: String,
    /// The inputs as a JSON object; `-` reads standard input.
    #[arg(long)]
    input: PathBuf,
    /// `json` (default), `md`, `sql`, `sh`, `tf` or `ros`; with `--check-existing`, `text`
    /// (default) or `json`.
    #[arg(long, value_enum)]
    format: Option<PlanFormat>,
    /// Also write each artifact to its own file in this folder.
    #[arg(long, conflicts_with = "check_existing")]
    out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// A policy that exists today (the role's trust policy, its custom policy) to compare
    /// with what the scenario needs; repeat for several. The kind is guessed; prefix
    /// `trust:` or `permission:` to set it. `-` reads standard input.
    #[arg(long = "check-existing", value_name = "[KIND:]FILE")]
    check_existing: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PlanFormat {
    /// The existing-setup report as text (only with `--check-existing`).
    Text,
    /// The whole plan: inputs, findings, artifacts, steps.
    Json,
    /// The runbook.
    Md,
    /// The MaxCompute script, for scenarios that have one.
    Sql,
    /// The RAM resources as an aliyun CLI script (bash).
    Sh,
    /// The RAM resources as Terraform for the alicloud provider.
    Tf,
    /// The RAM resources as a ROS template (YAML).
    Ros,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Auto,
    Permission,
    Trust,
    /// An OSS bucket policy.
    BucketPolicy,
}

impl From<KindArg> for KindChoice {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Auto => KindChoice::Auto,
            KindArg::Permission => KindChoice::Permission,
            KindArg::Trust => KindChoice::Trust,
            KindArg::BucketPolicy => KindChoice::BucketPolicy,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LintFormat {
    Text,
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps).
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...`), shown as annotations.
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Security,
    Warning,
    Suggestion,
}

impl From<FailOn> for Severity {
    fn from(f: FailOn) -> Severity {
        match f {
            FailOn::Error => Severity::Error,
            FailOn::Security => Severity::Security,
            FailOn::Warning => Severity::Warning,
            FailOn::Suggestion => Severity::Suggestion,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Zh,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Lint(args) => run_lint(&args),
        Command::Rules { markdown } => print_rules(markdown),
        Command::Scenarios { format, lang } => print_scenarios(format, lang.into()),
        Command::Plan(args) => run_plan(&args),
        Command::Convert(args) => convert::run(&args),
        Command::Simulate(args) => simulate::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Doctor(args) => doctor::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Catalogue { service } => print_catalogue(service.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("ramplan: {message}");
            ExitCode::from(2)
        }
    }
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
        }
    }
}

struct Input {
    source: String,
    text: String,
}

fn read_inputs(files: &[PathBuf]) -> Result<Vec<Input>, String> {
    let stdin_only = [PathBuf::from("-")];
    let files = if files.is_empty() {
        &stdin_only[..]
    } else {
        files
    };
    files
        .iter()
        .map(|path| {
            if path.as_os_str() == "-" {
                let mut text = String::new();
                io::stdin()
                    .read_to_string(&mut text)
                    .map_err(|e| format!("cannot read standard input: {e}"))?;
                Ok(Input {
                    source: "<stdin>".to_owned(),
                    text,
                })
            } else {
                let bytes = std::fs::read(path)
                    .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
                let text = String::from_utf8(bytes)
                    .map_err(|_| format!("`{}` is not UTF-8 text", path.display()))?;
                Ok(Input {
                    source: path.display().to_string(),
                    text,
                })
            }
        })
        .collect()
}

fn run_lint(args: &LintArgs) -> Result<ExitCode, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the working folder: {e}"))?;
    let config = if args.no_config {
        config::Config::default()
    } else {
        match args.config.clone().or_else(|| config::find(&cwd)) {
            Some(path) => config::load(&path)?,
            None => config::Config::default(),
        }
    };
    let inputs = lint::collect(&args.files, args.skip_unrecognized)?;
    let lang: Lang = args.lang.into();
    let options = lint::Options {
        kind: args.kind.into(),
        template: args.template,
        lang,
        policy_name: args.policy_name.clone(),
        role_name: args.role_name.clone(),
        description: args.description.clone(),
        must_not_grant: match &args.must_not_grant {
            Some(path) => diff::read_must_not_grant(path)?,
            None => Vec::new(),
        },
    };
    let mut prepared = lint::prepare(inputs, &options);
    let fail_on: Severity = args
        .fail_on
        .map(Severity::from)
        .or(config.fail_on)
        .unwrap_or(Severity::Error);
    let mut failed = false;
    let mut found = 0usize;
    let mut fails = |results: &[lint::DocumentReport], notes: &[lint::Note]| {
        found += results.len() + notes.len();
        failed |= results
            .iter()
            .flat_map(|r| &r.findings)
            .any(|l| l.finding.severity <= fail_on)
            || notes
                .iter()
                .filter_map(lint::note_severity)
                .any(|s| s <= fail_on);
    };
    let configured = |results: &mut Vec<lint::DocumentReport>| {
        results
            .iter_mut()
            .for_each(|result| config.apply(result, &cwd));
    };
    if let Some(path) = &args.write_baseline {
        let mut accepted: Vec<config::Accepted> = Vec::new();
        let work = |_: &lint::Input, _: Vec<lint::Note>, mut results| {
            configured(&mut results);
            results
        };
        lint::lint_each(&prepared, &options, work, |_, results| {
            accepted.extend(
                results
                    .iter()
                    .flat_map(|r| r.findings.iter().map(move |l| config::accepted(r, l))),
            );
            true
        });
        let count = accepted.len();
        config::write_baseline(path, accepted)?;
        eprintln!("ramplan: wrote {count} findings to `{}`", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let mut baseline = match &args.baseline {
        Some(path) => Some(config::Baseline::new(config::read_baseline(path)?)),
        None => None,
    };
    let style = match args.format {
        LintFormat::Text => output::Style::Text,
        LintFormat::Json => output::Style::Json,
        LintFormat::Sarif => output::Style::Sarif,
        LintFormat::Github => output::Style::Github,
    };
    let stdout = io::stdout().lock();
    let mut writer = output::Writer::new(io::BufWriter::new(stdout), style, lang);
    let notes = std::mem::take(&mut prepared.notes);
    fails(&[], &notes);
    let mut written = writer.notes(notes);
    // Each file is rendered on the core that linted it, unless a baseline is still to be
    // applied: that takes input order, so it happens here, and rendering after it.
    let render_early = baseline.is_none();
    let work = |input: &lint::Input, notes, mut results| {
        configured(&mut results);
        let rendered = render_early.then(|| style.render(lang, &input.text, &results));
        (notes, results, rendered)
    };
    lint::lint_each(
        &prepared,
        &options,
        work,
        |input, (notes, mut results, rendered)| {
            if let Some(baseline) = &mut baseline {
                results.iter_mut().for_each(|r| baseline.apply(r));
            }
            fails(&results, &notes);
            written = writer.file(&input.text, notes, results, rendered);
            written.is_ok()
        },
    );
    let baselined = baseline.map_or(0, |b| b.dropped);
    match written.and_then(|()| writer.finish(baselined)) {
        // A reader that went away (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            return Err(format!("cannot write output: {e}"))
        }
        _ => {}
    }
    if found == 0 {
        // Say so on stderr, which no output format owns: a pipeline pointed at the wrong
        // folder should not pass silently.
        eprintln!(
            "ramplan: no policy found in {} file(s) read",
            prepared.inputs.len()
        );
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_scenarios(format: FormatArg, lang: Lang) -> Result<ExitCode, String> {
    let scenarios = plan::describe_scenarios(lang);
    let output = match format {
        FormatArg::Json => {
            let mut text = serde_json::to_string_pretty(&scenarios)
                .map_err(|e| format!("cannot write JSON: {e}"))?;
            text.push('\n');
            text
        }
        FormatArg::Text => {
            let mut out = String::new();
            for s in &scenarios {
                out.push_str(&format!("{}  {}\n  {}\n", s.id, s.title, s.summary));
                for f in &s.fields {
                    describe_field(&mut out, f, 4);
                }
                out.push('\n');
            }
            out
        }
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}

fn describe_field(out: &mut String, f: &plan::FieldDescription, indent: usize) {
    let pad = " ".repeat(indent);
    let required = if f.required { "required" } else { "optional" };
    let mut line = format!("{pad}{} ({}, {required}", f.name, f.kind);
    if let Some(default) = &f.default {
        line.push_str(&format!(", default {default}"));
    }
    if !f.values.is_empty() {
        line.push_str(&format!(", one of {}", f.values.join("|")));
    }
    line.push_str(&format!("): {}\n", f.help));
    out.push_str(&line);
    for inner in &f.fields {
        describe_field(out, inner, indent + 4);
    }
}

fn unknown_scenario(unknown: plan::UnknownScenario) -> String {
    let hint = unknown
        .suggestion
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_else(|| "; `ramplan scenarios` lists them".to_owned());
    format!("unknown scenario `{}`{hint}", unknown.id)
}

fn run_plan(args: &PlanArgs) -> Result<ExitCode, String> {
    if !args.check_existing.is_empty() {
        return existing::run(args);
    }
    let lang: Lang = args.lang.into();
    let format = match args.format {
        None => PlanFormat::Json,
        Some(PlanFormat::Text) => {
            return Err(
                "`--format text` is for `--check-existing`; a plan prints as json, md, sql, sh, tf or ros"
                    .to_owned(),
            )
        }
        Some(format) => format,
    };
    let input = read_inputs(std::slice::from_ref(&args.input))?
        .into_iter()
        .next()
        .ok_or("no input")?;
    let plan = plan::plan(&args.scenario, &input.text, lang).map_err(unknown_scenario)?;
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
        for artifact in &plan.artifacts {
            let path = dir.join(&artifact.filename);
            std::fs::write(&path, &artifact.content)
                .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        export::write_files(&plan, dir)?;
    }
    let failed = plan.has_errors();
    match format {
        PlanFormat::Json => write_stdout(&plan::to_json(&plan))?,
        PlanFormat::Sh | PlanFormat::Tf | PlanFormat::Ros => {
            export::print(&plan, format, &input.source, &input.text, lang)?
        }
        PlanFormat::Md | PlanFormat::Sql | PlanFormat::Text => {
            let kind = match format {
                PlanFormat::Sql => ArtifactKind::MaxcomputeSql,
                _ => ArtifactKind::Runbook,
            };
            if failed {
                // No artifact exists; say why on stderr, in the finding format.
                eprint!(
                    "{}",
                    export::findings_text(&plan, &input.source, &input.text, lang)
                );
            } else {
                let artifact = plan
                    .artifacts
                    .iter()
                    .find(|a| a.kind == kind)
                    .ok_or_else(|| {
                        format!("scenario `{}` produces no MaxCompute SQL", plan.scenario)
                    })?;
                write_stdout(&artifact.content)?;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_rules(markdown: bool) -> Result<ExitCode, String> {
    let output = if markdown {
        render::rules_markdown()
    } else {
        let mut out = String::new();
        for rule in RULES {
            let m = &rule.meta;
            out.push_str(&format!(
                "{}  {:<10}  {:<34}  {}\n",
                m.code,
                m.severity.as_str(),
                m.name,
                m.summary
            ));
        }
        out
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}

fn print_catalogue(service: Option<&str>) -> Result<ExitCode, String> {
    let mut out = String::new();
    match service {
        None => {
            out.push_str(&format!("catalogue {CATALOGUE_DATE} (curated)"));
            if let Some((date, commit, meta_date)) = catalogue::generated_info() {
                let short = commit.get(..9).unwrap_or(commit);
                out.push_str(&format!(
                    ", generated {date} from aliyun/aliyun-openapi-meta {short} ({meta_date})"
                ));
            }
            out.push_str(&format!(
                "\n{} services; columns: code, actions, action list, resource types, condition keys, basis of the code, name\n",
                catalogue::services().len()
            ));
            for s in catalogue::services() {
                out.push_str(&format!(
                    "{:<22} {:>5} {:<18} {:>3} {:>3}  {:<18}  {}\n",
                    s.code(),
                    s.actions().len(),
                    action_list_label(s.action_list()),
                    s.resource_types().count(),
                    s.condition_keys().count(),
                    s.basis().as_str(),
                    s.name_en(),
                ));
            }
        }
        Some(code) => {
            let s = catalogue::service(code).ok_or_else(|| {
                format!("`{code}` is not in the catalogue ({CATALOGUE_DATE}); run `ramplan catalogue` for the list")
            })?;
            out.push_str(&format!(
                "{} ({}), code basis: {}, source: {}\n",
                s.code(),
                s.name_en(),
                s.basis().as_str(),
                s.source()
            ));
            out.push_str(&format!("actions: {}", action_list_label(s.action_list())));
            if !s.api_products().is_empty() {
                out.push_str(&format!(
                    " (API metadata products: {})",
                    s.api_products().join(", ")
                ));
            }
            out.push('\n');
            for r in s.resource_types() {
                out.push_str(&format!(
                    "resource type {:<20} {}  [{}]\n",
                    r.name, r.arn, r.source
                ));
            }
            for k in s.condition_keys() {
                out.push_str(&format!(
                    "condition key {:<30} {:?}  [{}]\n",
                    k.key, k.value_type, k.source
                ));
            }
            for a in s.actions() {
                out.push_str(&format!(
                    "{}:{:<40} {:?}  {}  [{}]\n",
                    s.code(),
                    a.name,
                    a.level,
                    a.basis.as_str(),
                    a.source
                ));
            }
        }
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn action_list_label(list: ActionList) -> &'static str {
    match list {
        ActionList::Complete => "curated, complete",
        ActionList::Partial => "curated, partial",
        ActionList::ApiMetadata => "API metadata",
        ActionList::AuthorizationPage => "RAM page excerpt",
        ActionList::None => "none",
    }
}

/// Writes to stdout; a closed pipe (`ramplan ... | head`) is not an error worth a panic.
fn write_stdout(text: &str) -> Result<(), String> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

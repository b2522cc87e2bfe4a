//! The `ramplan` command. Argument parsing and printing only; everything else is in core.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use ramplan_core::catalogue::{self, Coverage, CATALOGUE_DATE};
use ramplan_core::render::{self, Linted};
use ramplan_core::rules::RULES;
use ramplan_core::{lint, KindChoice, Lang, LintOptions, LintReport};

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
    /// Check RAM permission and trust policies.
    ///
    /// Exit status: 0 when no finding is an error, 1 when any is, 2 on a usage or I/O error.
    Lint(LintArgs),
    /// List the lint rules.
    Rules {
        /// Print the full rule reference as Markdown (docs/rules.md).
        #[arg(long)]
        markdown: bool,
    },
    /// List the services in the catalogue, or the actions of one service.
    Catalogue {
        /// A RAM service code such as `oss`.
        service: Option<String>,
    },
}

#[derive(clap::Args)]
struct LintArgs {
    /// Policy files; `-` or nothing reads standard input.
    files: Vec<PathBuf>,
    /// Lint as a permission or trust policy instead of guessing.
    #[arg(long, value_enum, default_value_t = KindArg::Auto)]
    kind: KindArg,
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// The name the policy will be created under; checked against RAM's naming rules.
    #[arg(long)]
    policy_name: Option<String>,
    /// The role a trust policy belongs to; checked against RAM's naming rules.
    #[arg(long)]
    role_name: Option<String>,
    /// The policy's or role's description; checked against RAM's length limit.
    #[arg(long)]
    description: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Auto,
    Permission,
    Trust,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
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
    let inputs = read_inputs(&args.files)?;
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::Zh => Lang::Zh,
    };
    let options = LintOptions {
        kind: match args.kind {
            KindArg::Auto => KindChoice::Auto,
            KindArg::Permission => KindChoice::Permission,
            KindArg::Trust => KindChoice::Trust,
        },
        lang,
        policy_name: args.policy_name.clone(),
        role_name: args.role_name.clone(),
        description: args.description.clone(),
    };
    let reports: Vec<LintReport> = inputs.iter().map(|i| lint(&i.text, &options)).collect();
    let linted: Vec<Linted<'_>> = inputs
        .iter()
        .zip(&reports)
        .map(|(input, report)| Linted {
            source: &input.source,
            text: &input.text,
            report,
        })
        .collect();
    let output = match args.format {
        FormatArg::Json => {
            let mut out = render::json(&linted);
            out.push('\n');
            out
        }
        FormatArg::Text => {
            let mut out = String::new();
            for l in &linted {
                out.push_str(&render::text(l, lang));
                out.push_str(&render::summary(l, lang));
                out.push('\n');
            }
            out
        }
    };
    write_stdout(&output)?;
    let failed = reports.iter().any(LintReport::has_errors);
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
            out.push_str(&format!("catalogue {CATALOGUE_DATE}\n"));
            for s in catalogue::services() {
                let coverage = match s.coverage {
                    Coverage::Complete => "complete",
                    Coverage::Partial => "partial",
                };
                out.push_str(&format!(
                    "{:<10}  {:>4} actions ({coverage:<8})  {}  [{}]\n",
                    s.code,
                    s.actions.len(),
                    s.name_en,
                    s.source
                ));
            }
        }
        Some(code) => {
            let s = catalogue::service(code).ok_or_else(|| {
                format!("`{code}` is not in the catalogue ({CATALOGUE_DATE}); run `ramplan catalogue` for the list")
            })?;
            out.push_str(&format!(
                "{} ({}), source: {}\n",
                s.code, s.name_en, s.source
            ));
            for a in s.actions {
                let confirmed = if a.confirmed { "" } else { "  (unconfirmed)" };
                out.push_str(&format!(
                    "{}:{:<40} {:?}{confirmed}  [{}]\n",
                    s.code, a.name, a.level, a.source
                ));
            }
        }
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
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

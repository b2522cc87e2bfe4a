//! `ramplan generate`: argument parsing and printing; reading events and generating the
//! policies is in core (`ramplan_core::generate`).

use std::io::{self, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use ramplan_core::generate::{self, Options};
use ramplan_core::{Lang, Severity};

use super::{write_stdout, FormatArg, LangArg};

#[derive(clap::Args)]
pub(crate) struct GenerateArgs {
    /// ActionTrail event files: an event, a JSON list of events, a `LookupEvents` response,
    /// JSON Lines, or records exported from Simple Log Service. `-` reads standard input.
    #[arg(long = "from-actiontrail", value_name = "FILE", num_args = 1.., required = true)]
    from_actiontrail: Vec<PathBuf>,
    /// Only events at or after this ISO 8601 time (`2026-12-01T00:00:00Z`).
    #[arg(long, value_name = "T")]
    since: Option<String>,
    /// Only events at or before this ISO 8601 time.
    #[arg(long, value_name = "T")]
    until: Option<String>,
    /// Only this identity: `ram-user/alice`, `alice`, `assumed-role/reader`, or a principal ID.
    #[arg(long, value_name = "X")]
    identity: Option<String>,
    /// A service with more than N actions gets one wildcard (`ecs:*`; with `--read-only`,
    /// one per verb such as `ecs:Describe*`).
    #[arg(long, value_name = "N")]
    collapse_above: Option<usize>,
    /// Keep only actions whose access level is list or read.
    #[arg(long)]
    read_only: bool,
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Language of the explanations.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
}

/// Exit status: 0 when at least one policy was generated and none has a lint error, 1 when
/// none could be generated or one has an error, 2 on a usage or I/O error (including a file
/// that is not ActionTrail JSON).
pub(crate) fn run(args: &GenerateArgs) -> Result<ExitCode, String> {
    let lang: Lang = args.lang.into();
    let options = Options {
        since: args.since.clone(),
        until: args.until.clone(),
        identity: args.identity.clone(),
        collapse_above: args.collapse_above,
        read_only: args.read_only,
        lang,
    };
    generate::check_options(&options).map_err(|e| format!("--{}: {}", e.option, e.message))?;
    let mut files = Vec::new();
    for path in &args.from_actiontrail {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            files.push(("<stdin>".to_owned(), bytes));
        } else {
            let bytes = std::fs::read(path)
                .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
            files.push((path.display().to_string(), bytes));
        }
    }
    let generated = generate::generate_files(&files, &options).map_err(|errors| {
        errors
            .iter()
            .map(|e| match &e.help {
                Some(help) => format!("{}: {}\n  = help: {help}", e.source, e.message),
                None => format!("{}: {}", e.source, e.message),
            })
            .collect::<Vec<_>>()
            .join("\nramplan: ")
    })?;
    let output = match args.format {
        FormatArg::Json => generate::to_json(&generated),
        FormatArg::Text => generate::text(&generated, lang),
    };
    write_stdout(&output)?;
    let failed = generated.identities.is_empty()
        || generated
            .identities
            .iter()
            .flat_map(|i| &i.policies)
            .any(|p| p.findings.iter().any(|f| f.severity == Severity::Error));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

//! `ramplan doctor`: reads an access-denied error and prints the core's diagnosis.

use std::path::PathBuf;
use std::process::ExitCode;

use ramplan_core::doctor;
use ramplan_core::i18n::Phrase;
use ramplan_core::Lang;

use super::{read_inputs, write_stdout, FormatArg, LangArg};

#[derive(clap::Args)]
pub(crate) struct DoctorArgs {
    /// The error as you have it (OpenAPI JSON, OSS XML, SDK or aliyun CLI output, the
    /// console dialog's lines, DecodeDiagnosticMessage's answer); `-` or nothing reads
    /// standard input.
    file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Language of the explanation.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
}

/// Exit status: 0 when the error was read, 2 when it could not be (nothing to read, too
/// large, a credential in it, no access-denied field) or on an I/O error.
pub(crate) fn run(args: &DoctorArgs) -> Result<ExitCode, String> {
    let lang: Lang = args.lang.into();
    let files = args.file.iter().cloned().collect::<Vec<_>>();
    let input = read_inputs(&files)?.into_iter().next().ok_or("no input")?;
    let diagnosis = doctor::diagnose(&input.text, lang).map_err(|e| match &e.help {
        Some(help) => format!(
            "{}: {}\n  = {}: {help}",
            input.source,
            e.message,
            Phrase::Help.text(lang)
        ),
        None => format!("{}: {}", input.source, e.message),
    })?;
    let output = match args.format {
        FormatArg::Json => doctor::to_json(&diagnosis),
        FormatArg::Text => doctor::text(&diagnosis, lang),
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}

//! `ramplan plan SCENARIO --input FILE --check-existing FILE ...`: argument parsing and
//! printing; the comparison is in core (`plan::check_existing`).

use std::path::PathBuf;
use std::process::ExitCode;

use ramplan_core::plan;
use ramplan_core::plan::existing::{self, DocumentKind, ExistingDocument};
use ramplan_core::Lang;

use super::{read_inputs, unknown_scenario, write_stdout, PlanArgs, PlanFormat};

/// Exit status: 0 when the existing documents do what the scenario needs, 1 when they do
/// not or the inputs have errors, 2 on a usage or I/O error.
pub(crate) fn run(args: &PlanArgs) -> Result<ExitCode, String> {
    let lang: Lang = args.lang.into();
    let json = match args.format {
        None | Some(PlanFormat::Text) => false,
        Some(PlanFormat::Json) => true,
        Some(_) => {
            return Err(
                "`--check-existing` prints a report as `--format text` or `--format json`"
                    .to_owned(),
            )
        }
    };
    let specs: Vec<(Option<DocumentKind>, PathBuf)> =
        args.check_existing.iter().map(|s| parse_spec(s)).collect();
    let stdin_uses = std::iter::once(&args.input)
        .chain(specs.iter().map(|(_, path)| path))
        .filter(|path| path.as_os_str() == "-")
        .count();
    if stdin_uses > 1 {
        return Err("standard input (`-`) can be read only once".to_owned());
    }
    let input = read_inputs(std::slice::from_ref(&args.input))?
        .into_iter()
        .next()
        .ok_or("no input")?;
    let mut documents = Vec::new();
    for (kind, path) in &specs {
        let read = read_inputs(std::slice::from_ref(path))?
            .into_iter()
            .next()
            .ok_or("no input")?;
        let mut document = ExistingDocument::new(read.source, read.text);
        document.kind = *kind;
        documents.push(document);
    }
    let report = plan::check_existing(&args.scenario, &input.text, &documents, lang)
        .map_err(unknown_scenario)?;
    let output = if json {
        existing::to_json(&report)
    } else {
        existing::text(&report, &documents)
    };
    write_stdout(&output)?;
    Ok(if report.satisfied {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `trust:FILE`, `permission:FILE` or `FILE` (kind guessed). A file whose name really starts
/// with `trust:` is written `./trust:...`.
fn parse_spec(spec: &str) -> (Option<DocumentKind>, PathBuf) {
    if let Some(path) = spec.strip_prefix("trust:") {
        (Some(DocumentKind::Trust), PathBuf::from(path))
    } else if let Some(path) = spec.strip_prefix("permission:") {
        (Some(DocumentKind::Permission), PathBuf::from(path))
    } else {
        (None, PathBuf::from(spec))
    }
}

//! `ramplan plan ... --format sh|tf|ros`, the export files `--out` writes, and the findings
//! printed instead of an artifact when a plan has errors.

use std::path::Path;

use ramplan_core::export::{self, Format};
use ramplan_core::plan::Plan;
use ramplan_core::render;
use ramplan_core::Lang;

use super::PlanFormat;

/// The export a `--format` names, if it names one.
fn format_of(format: PlanFormat) -> Option<Format> {
    match format {
        PlanFormat::Sh => Some(Format::Shell),
        PlanFormat::Tf => Some(Format::Terraform),
        PlanFormat::Ros => Some(Format::Ros),
        PlanFormat::Json | PlanFormat::Md | PlanFormat::Sql | PlanFormat::Text => None,
    }
}

/// Prints the export `format` names; a plan with errors has none, so its findings go to
/// standard error instead.
pub fn print(
    plan: &Plan,
    format: PlanFormat,
    source: &str,
    text: &str,
    lang: Lang,
) -> Result<(), String> {
    let format = format_of(format).ok_or("not an export format")?;
    match export::plan_export(plan, format) {
        Some(text) => super::write_stdout(&text),
        None => {
            eprint!("{}", findings_text(plan, source, text, lang));
            Ok(())
        }
    }
}

/// Writes `aliyun-cli.sh`, `main.tf` and `ros-template.yaml` into `dir`; nothing when the
/// plan has errors.
pub fn write_files(plan: &Plan, dir: &Path) -> Result<(), String> {
    for format in Format::ALL {
        let Some(text) = export::plan_export(plan, format) else {
            continue;
        };
        let path = dir.join(format.filename());
        std::fs::write(&path, text)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// A plan's findings as every finding prints (`source:line:column: error[PL001] [field]: ...`),
/// for standard error. `text` is the input the spans index.
pub fn findings_text(plan: &Plan, source: &str, text: &str, lang: Lang) -> String {
    render::findings_text(source, Some(text), &plan.findings, lang)
}

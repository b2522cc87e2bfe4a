//! `ramplan diff OLD NEW`: argument parsing, reading the two versions (files, standard
//! input, or `git:REV:PATH`), and printing; the comparison is in core. Also reads the
//! `--must-not-grant` list for `lint` and `diff`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use ramplan_core::diff::{self, DiffErrorKind, DiffOptions, Forbidden};
use ramplan_core::i18n::Phrase;
use ramplan_core::simulate::PolicySource;
use ramplan_core::Lang;

use super::{read_inputs, write_stdout, FormatArg, LangArg};

#[derive(clap::Args)]
pub(crate) struct DiffArgs {
    /// The old version: a file, `-` for standard input, or `git:REV:PATH` (read with `git
    /// show REV:PATH`; a path that does not exist at REV is a policy that allows nothing).
    old: String,
    /// The new version, in the same forms.
    new: String,
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// A list of actions (optionally with a resource) that the new version must not allow:
    /// one `ACTION [RESOURCE]` per line, `#` for comments (docs/diff.md).
    #[arg(long, value_name = "FILE")]
    must_not_grant: Option<PathBuf>,
}

/// Exit status: 0 when the new version adds no access, 1 when it adds access, grants
/// something the must-not-grant list forbids, or the comparison was cut short by a limit
/// (new access cannot then be ruled out), 2 on a usage or I/O error or a policy that cannot
/// be compared (not JSON, a trust policy).
pub(crate) fn run(args: &DiffArgs) -> Result<ExitCode, String> {
    let lang: Lang = args.lang.into();
    if args.old == "-" && args.new == "-" {
        return Err("only one of OLD and NEW can be `-` (standard input)".to_owned());
    }
    let old = read_version(&args.old)?;
    let new = read_version(&args.new)?;
    let options = DiffOptions {
        lang,
        must_not_grant: match &args.must_not_grant {
            Some(path) => read_must_not_grant(path)?,
            None => Vec::new(),
        },
    };
    let sources = [old, new];
    let [old, new] = &sources;
    let report = diff::diff(
        std::slice::from_ref(old),
        std::slice::from_ref(new),
        &options,
    )
    .map_err(|e| {
        let mut message = e.to_string();
        if let Some(help) = &e.help {
            message.push_str(&format!("\n  = {}: {help}", Phrase::Help.text(lang)));
        }
        if e.kind == DiffErrorKind::TooLarge {
            message.insert_str(0, "cannot compare: ");
        }
        message
    })?;
    let output = match args.format {
        FormatArg::Json => diff::to_json(&report),
        FormatArg::Text => diff::text(&report, &sources, lang),
    };
    write_stdout(&output)?;
    let failed = report.adds_access || !report.complete || !report.must_not_grant.is_empty();
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One version: `git:REV:PATH`, `-`, or a file.
fn read_version(argument: &str) -> Result<PolicySource, String> {
    if let Some(spec) = argument.strip_prefix("git:") {
        let (rev, path) = spec
            .split_once(':')
            .filter(|(rev, path)| !rev.is_empty() && !path.is_empty())
            .ok_or_else(|| {
                format!("`{argument}` is not `git:REV:PATH`\n  = help: for example `git:HEAD~1:policies/app.json`")
            })?;
        if rev.starts_with('-') {
            return Err(format!("`{rev}` is not a revision"));
        }
        return git_show(argument, rev, path);
    }
    let input = read_inputs(&[PathBuf::from(argument)])?
        .into_iter()
        .next()
        .ok_or("no input")?;
    Ok(PolicySource::new(input.source, input.text))
}

fn git_show(argument: &str, rev: &str, path: &str) -> Result<PolicySource, String> {
    let output = Command::new("git")
        .arg("show")
        .arg(format!("{rev}:{path}"))
        .output()
        .map_err(|e| format!("cannot run `git show {rev}:{path}`: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        // A file added since REV: the old version allows nothing.
        if stderr.contains("does not exist in") || stderr.contains("exists on disk, but not in") {
            eprintln!("ramplan: `{path}` does not exist at `{rev}`: compared as a policy that allows nothing");
            return Ok(PolicySource::new(argument, ""));
        }
        return Err(format!("`git show {rev}:{path}` failed: {}", stderr.trim()));
    }
    let text =
        String::from_utf8(output.stdout).map_err(|_| format!("`{argument}` is not UTF-8 text"))?;
    Ok(PolicySource::new(argument, text))
}

/// Reads a must-not-grant list (for `lint` and `diff`).
pub(crate) fn read_must_not_grant(path: &Path) -> Result<Vec<Forbidden>, String> {
    let input = read_inputs(&[path.to_path_buf()])?
        .into_iter()
        .next()
        .ok_or("no input")?;
    diff::forbid::parse(&input.text).map_err(|e| {
        let mut message = format!("{}:{}: {}", input.source, e.line, e.message);
        if let Some(help) = &e.help {
            message.push_str(&format!("\n  = help: {help}"));
        }
        message
    })
}

//! `ramplan build --template NAME --set key=value ... [--format json|tf|ros|sh]`: one of the
//! builder's least-privilege templates, rendered, linted, and printed as policy JSON or
//! through the same exports as `ramplan convert`. `ramplan build --list` shows the
//! templates and their parameters.

use std::process::ExitCode;

use clap::ValueEnum;
use ramplan_core::builder::templates::{self, Rendered, Template};
use ramplan_core::export::{self, ConvertError, ConvertOptions, Format};
use ramplan_core::render::{self, Linted};
use ramplan_core::{lint, secrets, KindChoice, Lang, LintOptions, Severity};

use super::LangArg;

#[derive(clap::Args)]
pub struct BuildArgs {
    /// The template (`--list` shows them).
    #[arg(long, required_unless_present = "list")]
    template: Option<String>,
    /// A parameter as `KEY=VALUE`; repeat for each. Lists are comma-separated
    /// (`--set cidrs=192.0.2.0/24,203.0.113.2`).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    set: Vec<String>,
    /// `json` (the policy, the default), `tf`, `ros` or `sh` (a custom policy, as `ramplan
    /// convert` writes it); with `--list`, `text` (default) or `json`.
    #[arg(long, value_enum)]
    format: Option<BuildFormat>,
    /// The custom policy's name in tf, ros and sh output (default: the template's id).
    #[arg(long)]
    name: Option<String>,
    /// Also print, on standard error, what each statement is for and where that comes from.
    #[arg(long)]
    explain: bool,
    /// Language of messages, comments and explanations.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// List the templates, their parameters and sources.
    #[arg(long, conflicts_with_all = ["template", "set", "name", "explain"])]
    list: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BuildFormat {
    /// The policy document.
    Json,
    /// Terraform for the alicloud provider.
    Tf,
    /// A ROS template (YAML).
    Ros,
    /// A bash script of `aliyun ram ...` commands.
    Sh,
    /// The template list as text (only with `--list`).
    Text,
}

pub fn run(args: &BuildArgs) -> Result<ExitCode, String> {
    let lang: Lang = args.lang.into();
    if args.list {
        return list(args.format, lang);
    }
    let id = args.template.as_deref().unwrap_or_default();
    let template = templates::template(id).ok_or_else(|| unknown_template(id, lang))?;
    let params = parse_sets(&args.set, lang)?;
    if args
        .name
        .as_deref()
        .is_some_and(|n| secrets::find_credential(n).is_some())
    {
        return Err(lang
            .pick(
                "`--name` looks like a credential (an AccessKey or a token), which a name must never hold; it is not shown here",
                "`--name` 看起来像凭证（AccessKey 或令牌），名称中绝不能包含凭证；此处不予显示",
            )
            .to_owned());
    }
    let pairs: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let rendered = template.render_explained(&pairs).map_err(|errors| {
        let mut lines: Vec<String> = errors.iter().map(|e| e.message(lang).to_owned()).collect();
        lines.push(
            lang.pick(
                "`ramplan build --list` shows every template's parameters",
                "`ramplan build --list` 列出每个模板的参数",
            )
            .to_owned(),
        );
        lines.join("\nramplan: ")
    })?;
    if args.explain {
        eprint!("{}", explanations(template, &rendered, lang));
    }
    let format = match args.format {
        None | Some(BuildFormat::Json) => None,
        Some(BuildFormat::Tf) => Some(Format::Terraform),
        Some(BuildFormat::Ros) => Some(Format::Ros),
        Some(BuildFormat::Sh) => Some(Format::Shell),
        Some(BuildFormat::Text) => {
            return Err(lang
                .pick(
                    "`--format text` is for `--list`; a template prints as json, tf, ros or sh",
                    "`--format text` 仅用于 `--list`；模板输出格式为 json、tf、ros 或 sh",
                )
                .to_owned())
        }
    };
    let name = args.name.clone().unwrap_or_else(|| template.id.to_owned());
    let source = format!("<template {}>", template.id);
    let Some(format) = format else {
        let report = lint(
            &rendered.json,
            &LintOptions {
                kind: KindChoice::Permission,
                lang,
                policy_name: Some(name),
                ..LintOptions::default()
            },
        );
        let linted = Linted {
            source: &source,
            text: &rendered.json,
            report: &report,
        };
        if report.has_errors() {
            eprint!(
                "{}{}",
                render::text(&linted, lang),
                render::summary(&linted, lang)
            );
            return Ok(ExitCode::from(1));
        }
        // Parameters the user chose can still earn warnings (a private CIDR block, an
        // action the catalogue does not know); they go to standard error, the policy out.
        if report
            .findings
            .iter()
            .any(|f| f.severity != Severity::Suggestion)
        {
            eprint!("{}", render::text(&linted, lang));
        }
        super::write_stdout(&rendered.json)?;
        return Ok(ExitCode::SUCCESS);
    };
    let options = ConvertOptions {
        kind: KindChoice::Permission,
        name: Some(name),
        lang,
    };
    match export::convert(&rendered.json, &options, format) {
        Ok(text) => {
            super::write_stdout(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(ConvertError::Refused(report)) => {
            let linted = Linted {
                source: &source,
                text: &rendered.json,
                report: &report,
            };
            eprint!(
                "{}{}",
                render::text(&linted, lang),
                render::summary(&linted, lang)
            );
            Ok(ExitCode::from(1))
        }
        // Templates build identity policies only.
        Err(ConvertError::BucketPolicy) => Err(export::BUCKET_POLICY_NOT_CONVERTED.to_owned()),
        Err(ConvertError::CredentialInName) => Err(lang
            .pick(
                "`--name` looks like a credential; it is not shown here",
                "`--name` 看起来像凭证；此处不予显示",
            )
            .to_owned()),
    }
}

fn unknown_template(id: &str, lang: Lang) -> String {
    if secrets::find_credential(id).is_some() {
        return lang
            .pick(
                "the template name looks like a credential; it is not shown here",
                "模板名称看起来像凭证；此处不予显示",
            )
            .to_owned();
    }
    let hint = match templates::suggest(id) {
        Some(s) => format!(
            "{}`{s}`{}",
            lang.pick("; did you mean ", "；是否想写 "),
            lang.pick("?", "？")
        ),
        None => lang
            .pick(
                "; `ramplan build --list` lists them",
                "；`ramplan build --list` 可列出全部模板",
            )
            .to_owned(),
    };
    match lang {
        Lang::En => format!("unknown template `{id}`{hint}"),
        Lang::Zh => format!("未知模板 `{id}`{hint}"),
    }
}

/// `KEY=VALUE` pairs, split at the first `=`.
fn parse_sets(sets: &[String], lang: Lang) -> Result<Vec<(String, String)>, String> {
    sets.iter()
        .map(|set| match set.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => {
                Ok((key.trim().to_owned(), value.to_owned()))
            }
            _ => {
                let shown = if secrets::find_credential(set).is_some() {
                    secrets::redact(set)
                } else {
                    set.clone()
                };
                Err(match lang {
                    Lang::En => format!("`--set {shown}` is not KEY=VALUE"),
                    Lang::Zh => format!("`--set {shown}` 不是 KEY=VALUE 形式"),
                })
            }
        })
        .collect()
}

fn explanations(template: &Template, rendered: &Rendered, lang: Lang) -> String {
    let mut out = String::new();
    for e in &rendered.explanations {
        let derived = if e.confirmed {
            ""
        } else {
            lang.pick(" (goes beyond the source)", "（超出来源所述）")
        };
        out.push_str(&format!(
            "# {} {}{derived}: {}\n#   {}: {}\n",
            lang.pick("statement", "语句"),
            e.statement,
            e.text(lang),
            lang.pick("source", "来源"),
            e.source
        ));
    }
    for note in template.unconfirmed {
        out.push_str(&format!(
            "# {}: {note}\n",
            lang.pick("unconfirmed", "未经证实")
        ));
    }
    out
}

fn list(format: Option<BuildFormat>, lang: Lang) -> Result<ExitCode, String> {
    let described = templates::describe(lang);
    let output = match format {
        Some(BuildFormat::Json) => {
            let mut text = serde_json::to_string_pretty(&described)
                .map_err(|e| format!("cannot write JSON: {e}"))?;
            text.push('\n');
            text
        }
        None | Some(BuildFormat::Text) => {
            let mut out = String::new();
            for t in &described {
                out.push_str(&format!("{}  {}\n  {}\n", t.id, t.title, t.description));
                for p in &t.params {
                    let mut line = format!("    {} ({}", p.name, p.kind);
                    match p.default {
                        Some(default) => line.push_str(&format!(", default {default}")),
                        None => line.push_str(lang.pick(", required", "，必填")),
                    }
                    if !p.values.is_empty() {
                        line.push_str(&format!(
                            ", {} {}",
                            lang.pick("one of", "可选"),
                            p.values.join("|")
                        ));
                    }
                    line.push_str(&format!(
                        "): {} ({} `{}`)\n",
                        p.help,
                        lang.pick("e.g.", "例如"),
                        p.example
                    ));
                    out.push_str(&line);
                }
                for source in t.sources {
                    out.push_str(&format!("  {}: {source}\n", lang.pick("source", "来源")));
                }
                for note in t.unconfirmed {
                    out.push_str(&format!(
                        "  {}: {note}\n",
                        lang.pick("unconfirmed", "未经证实")
                    ));
                }
                out.push('\n');
            }
            out
        }
        Some(_) => {
            return Err(lang
                .pick(
                    "`--list` prints as text or json",
                    "`--list` 的输出格式为 text 或 json",
                )
                .to_owned())
        }
    };
    super::write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}

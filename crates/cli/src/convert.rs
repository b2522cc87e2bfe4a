//! `ramplan convert POLICY --to sh|tf|ros`: one policy document as an aliyun CLI script,
//! Terraform or a ROS template. A permission policy becomes a custom policy, a trust policy
//! a role that trusts it. The policy is linted first and refused if it has errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use ramplan_core::export::{self, ConvertError, ConvertOptions, Format};
use ramplan_core::render::{self, Linted};
use ramplan_core::{secrets, Lang};

use super::{KindArg, LangArg};

#[derive(clap::Args)]
pub struct ConvertArgs {
    /// The policy file; `-` reads standard input.
    policy: PathBuf,
    /// What to write: an aliyun CLI script, Terraform for the alicloud provider, or a ROS
    /// template.
    #[arg(long, value_enum)]
    to: ToArg,
    /// The name of the custom policy or role to create (default `ramplan-policy` for a
    /// permission policy, `ramplan-role` for a trust policy); checked against RAM's rules.
    #[arg(long)]
    name: Option<String>,
    /// Read it as a permission or trust policy instead of guessing.
    #[arg(long, value_enum, default_value_t = KindArg::Auto)]
    kind: KindArg,
    /// Language of comments and messages.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum ToArg {
    /// A bash script of `aliyun ram ...` commands.
    Sh,
    /// Terraform for the alicloud provider.
    Tf,
    /// A ROS template (YAML).
    Ros,
}

pub fn run(args: &ConvertArgs) -> Result<ExitCode, String> {
    let input = super::read_inputs(std::slice::from_ref(&args.policy))?
        .into_iter()
        .next()
        .ok_or("no input")?;
    let lang: Lang = args.lang.into();
    let format = match args.to {
        ToArg::Sh => Format::Shell,
        ToArg::Tf => Format::Terraform,
        ToArg::Ros => Format::Ros,
    };
    let options = ConvertOptions {
        kind: args.kind.into(),
        name: args.name.clone(),
        lang,
    };
    match export::convert(&input.text, &options, format) {
        Ok(text) => {
            super::write_stdout(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(ConvertError::Refused(report)) => {
            let linted = Linted {
                source: &input.source,
                text: &input.text,
                report: &report,
            };
            let text = format!(
                "{}{}",
                render::text(&linted, lang),
                render::summary(&linted, lang)
            );
            // The source lines are masked already; a message may quote a value too.
            eprintln!("{}", secrets::redact(&text));
            eprintln!(
                "ramplan: {}",
                lang.pick(
                    "not converted: fix the errors above first (a credential is never converted)",
                    "未转换：请先修正上面的错误（含有凭证的策略不会被转换）",
                )
            );
            Ok(ExitCode::from(1))
        }
        Err(ConvertError::BucketPolicy) => {
            eprintln!("ramplan: {}", export::BUCKET_POLICY_NOT_CONVERTED);
            Ok(ExitCode::from(1))
        }
        Err(ConvertError::CredentialInName) => {
            eprintln!(
                "ramplan: {}",
                lang.pick(
                    "`--name` looks like a credential (an AccessKey or a token), which a name must never hold; it is not shown here",
                    "`--name` 看起来像凭证（AccessKey 或令牌），名称中绝不能包含凭证；此处不予显示",
                )
            );
            Ok(ExitCode::from(1))
        }
    }
}

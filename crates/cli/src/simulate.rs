//! `ramplan simulate`: argument parsing and printing; the evaluator is in core.

use std::path::PathBuf;
use std::process::ExitCode;

use ramplan_core::i18n::Phrase;
use ramplan_core::secrets;
use ramplan_core::simulate::{
    self, ContextEntry, PolicySource, Request, SimulateError, TrustRequest,
};
use ramplan_core::Lang;

use super::{read_inputs, write_stdout, FormatArg, LangArg};

#[derive(clap::Args)]
pub(crate) struct SimulateArgs {
    /// A permission policy or an OSS bucket policy (told apart by their content); repeat for
    /// several, evaluated together. `-` reads standard input.
    #[arg(
        long = "policy",
        value_name = "FILE",
        required_unless_present = "trust",
        conflicts_with = "trust"
    )]
    policies: Vec<PathBuf>,
    /// The action asked for, such as `oss:GetObject`.
    #[arg(long, required_unless_present = "trust", conflicts_with = "trust")]
    action: Option<String>,
    /// The resource ARN, such as `acs:oss:*:*:examplebucket/a.txt`.
    #[arg(long, required_unless_present = "trust", conflicts_with = "trust")]
    resource: Option<String>,
    /// A role's trust policy; asks whether `--principal` may assume the role.
    #[arg(long, value_name = "FILE", requires = "principal")]
    trust: Option<PathBuf>,
    /// Who asks. With `--trust`: an account UID, `acs:ram::<uid>:root`,
    /// `acs:ram::<uid>:user/<name>`, `ecs.aliyuncs.com`, `<uid>@<service>.aliyuncs.com` or a
    /// SAML/OIDC provider ARN. With bucket policies: the requester's account or RAM user ID,
    /// or `arn:sts::<uid>:assumed-role/<role>/<session>` (none: an anonymous request).
    #[arg(long)]
    principal: Option<String>,
    /// A request-context value such as `acs:SourceIp=192.168.0.1`; repeat for several keys,
    /// or for several values of one key (which are then ORed).
    #[arg(long = "context", value_name = "KEY=VALUE")]
    context: Vec<String>,
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Language of the explanation.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
}

/// Exit status: 0 when allowed, 1 when denied (explicitly or implicitly), 2 on a usage or
/// I/O error.
pub(crate) fn run(args: &SimulateArgs) -> Result<ExitCode, String> {
    let lang: Lang = args.lang.into();
    let context = parse_context(&args.context)?;
    let (allowed, output) = match (&args.trust, &args.principal) {
        (Some(trust), Some(principal)) => {
            let input = read_inputs(std::slice::from_ref(trust))?
                .into_iter()
                .next()
                .ok_or("no input")?;
            let policy = PolicySource::new(input.source, input.text);
            let request = TrustRequest {
                principal: principal.clone(),
                context,
            };
            let decision = simulate::simulate_trust(&policy, &request, lang)
                .map_err(|e| describe(&e, lang))?;
            let output = match args.format {
                FormatArg::Json => simulate::trust_to_json(&decision),
                FormatArg::Text => simulate::trust_text(&decision, lang),
            };
            (decision.decision.is_allowed(), output)
        }
        (Some(_), None) => return Err("`--trust` needs `--principal`".to_owned()),
        (None, principal) => {
            let policies: Vec<PolicySource> = read_inputs(&args.policies)?
                .into_iter()
                .map(|i| PolicySource::new(i.source, i.text))
                .collect();
            let request = Request {
                action: args.action.clone().unwrap_or_default(),
                resource: args.resource.clone().unwrap_or_default(),
                context,
                principal: principal.clone().unwrap_or_default(),
            };
            let decision =
                simulate::simulate(&policies, &request, lang).map_err(|e| describe(&e, lang))?;
            let output = match args.format {
                FormatArg::Json => simulate::to_json(&decision),
                FormatArg::Text => simulate::text(&decision, lang),
            };
            (decision.decision.is_allowed(), output)
        }
    };
    write_stdout(&output)?;
    Ok(if allowed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `KEY=VALUE` pairs, split at the first `=`; the value may be empty or contain `=`.
fn parse_context(pairs: &[String]) -> Result<Vec<ContextEntry>, String> {
    pairs
        .iter()
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => Ok(ContextEntry {
                key: key.to_owned(),
                value: value.to_owned(),
            }),
            None => {
                // Never echo something that looks like a credential.
                let shown = match secrets::find_credential(pair) {
                    Some(found) => {
                        secrets::mask(pair.get(found.start..found.end).unwrap_or_default())
                    }
                    None => pair.clone(),
                };
                Err(format!(
                    "`--context` takes KEY=VALUE, found `{shown}` (no `=`)\n  = help: for example `--context acs:SourceIp=192.168.0.1`"
                ))
            }
        })
        .collect()
}

fn describe(error: &SimulateError, lang: Lang) -> String {
    match &error.help {
        Some(help) => format!("{error}\n  = {}: {help}", Phrase::Help.text(lang)),
        None => error.to_string(),
    }
}

//! The runbook: the plan as one Markdown document a person follows from top to bottom.

use std::fmt::Write as _;

use crate::catalogue::CATALOGUE_DATE;
use crate::finding::{Lang, Severity};
use crate::plan::{Account, ArtifactKind, Builder, Inputs, ScenarioSpec};

pub fn render(spec: &ScenarioSpec, inputs: &Inputs, plan: &Builder) -> String {
    let lang = plan.lang;
    let t = |en: &str, zh: &str| lang.pick(en, zh).to_owned();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", lang.pick(spec.title_en, spec.title_zh));
    let _ = writeln!(out, "{}\n", lang.pick(spec.summary_en, spec.summary_zh));
    let _ = writeln!(
        out,
        "{} `{}` · {} {CATALOGUE_DATE} · {}: {}\n",
        t("Scenario", "场景"),
        spec.id,
        t("catalogue", "目录日期"),
        t("source", "依据"),
        spec.source
    );

    // Accounts involved.
    let accounts: Vec<(Account, Option<&str>)> = {
        let mut seen = Vec::new();
        for step in &plan.steps {
            if !seen.iter().any(|(a, _)| *a == step.account) {
                let uid = match step.account {
                    Account::Resource => inputs.str("resource_account_uid"),
                    Account::Dataworks => inputs.str("dataworks_account_uid"),
                    Account::Own => None,
                };
                seen.push((step.account, uid));
            }
        }
        seen
    };
    let _ = writeln!(out, "## {}\n", t("Accounts", "涉及的账号"));
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|---|",
        t("account", "账号"),
        t("ID", "ID")
    );
    for (account, uid) in &accounts {
        let _ = writeln!(
            out,
            "| {} | {} |",
            account_name(*account, lang),
            uid.map_or_else(
                || t("the account you are logged on with", "当前登录的账号"),
                |u| format!("`{u}`")
            )
        );
    }
    out.push('\n');

    // Findings worth reading before starting (no errors here: a plan with errors has no runbook).
    let notes: Vec<_> = plan
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Error)
        .collect();
    if !notes.is_empty() {
        let _ = writeln!(out, "## {}\n", t("Before you start", "开始之前"));
        for f in notes {
            out.push_str(&crate::render::finding_markdown(f, lang));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", t("Steps", "操作步骤"));
    for step in &plan.steps {
        let _ = writeln!(
            out,
            "### {} {} · {} · {}\n",
            t("Step", "步骤"),
            step.number,
            account_name(step.account, lang),
            step.title
        );
        let _ = writeln!(out, "**{}** {}\n", t("Where:", "位置："), step.location);
        let _ = writeln!(out, "{}\n", step.instructions);
        if !step.parameters.is_empty() {
            let _ = writeln!(
                out,
                "| {} | {} |\n|---|---|",
                t("Parameter", "参数"),
                t("Value", "值")
            );
            for p in &step.parameters {
                let _ = writeln!(out, "| {} | {} |", cell(&p.name), cell(&p.value));
            }
            out.push('\n');
        }
        let shown = step
            .artifacts
            .iter()
            .map(|id| (id, t("Paste", "粘贴")))
            .chain(
                step.compare
                    .iter()
                    .map(|id| (id, t("Compare with", "对照"))),
            );
        for (id, verb) in shown {
            let Some(artifact) = plan.artifacts.iter().find(|a| &a.id == id) else {
                continue;
            };
            let fence = match artifact.kind {
                ArtifactKind::MaxcomputeSql => "sql",
                ArtifactKind::Runbook => "markdown",
                _ => "json",
            };
            let _ = writeln!(
                out,
                "{verb} `{}` ({}):\n",
                artifact.filename, artifact.title
            );
            let _ = writeln!(out, "```{fence}\n{}```\n", with_newline(&artifact.content));
        }
        for caution in &step.cautions {
            let _ = writeln!(out, "> **{}** {caution}\n", t("Caution:", "注意："));
        }
        if let Some(verification) = &step.verification {
            let _ = writeln!(out, "**{}** {verification}\n", t("Check:", "验证："));
        }
    }

    crate::plan::verify::runbook_section(&mut out, &plan.checks, lang);

    if !plan.unconfirmed.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n",
            t("Not confirmed by the sources", "尚未经资料确认的内容")
        );
        for u in &plan.unconfirmed {
            let _ = writeln!(
                out,
                "- **{}** {} ({}: {})",
                u.about,
                u.assumption,
                t("source", "依据"),
                u.source
            );
        }
        out.push('\n');
    }
    out
}

pub fn account_name(account: Account, lang: Lang) -> String {
    match account {
        Account::Resource => lang.pick("Resource account (B)", "资源账号（B）"),
        Account::Dataworks => lang.pick("DataWorks account (A)", "DataWorks 账号（A）"),
        Account::Own => lang.pick("Your account", "您的账号"),
    }
    .to_owned()
}

/// Table cells cannot hold `|` or line breaks.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

fn with_newline(text: &str) -> String {
    if text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    }
}

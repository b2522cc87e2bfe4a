//! Answers as people and programs read them: text with ✓/✗ per statement, and the JSON
//! contract of `ramplan simulate --format json`. Every value shown has already been passed
//! through `redact`, so no credential reaches the output.

use std::fmt::Write as _;

use crate::finding::Lang;
use crate::i18n::Phrase;
use crate::policy::Effect;

use super::trust::{TrustDecision, TrustStatementResult};
use super::{ConditionResult, Decision, Outcome, StatementResult, Warning};

/// The JSON contract, pretty-printed, ending in a newline. Field order is the struct order,
/// so the same answer always gives the same bytes.
pub fn to_json(decision: &Decision) -> String {
    // Serialising plain structs of strings and booleans cannot fail.
    let mut out = serde_json::to_string_pretty(decision).unwrap_or_default();
    out.push('\n');
    out
}

pub fn trust_to_json(decision: &TrustDecision) -> String {
    let mut out = serde_json::to_string_pretty(decision).unwrap_or_default();
    out.push('\n');
    out
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

fn effect_word(effect: Option<Effect>, lang: Lang) -> &'static str {
    match (effect, lang) {
        (Some(Effect::Allow), Lang::En) => "Allow",
        (Some(Effect::Deny), Lang::En) => "Deny ",
        (None, Lang::En) => "?    ",
        (Some(Effect::Allow), Lang::Zh) => "Allow",
        (Some(Effect::Deny), Lang::Zh) => "Deny ",
        (None, Lang::Zh) => "?    ",
    }
}

fn decision_line(out: &mut String, outcome: Outcome, lang: Lang) {
    let _ = writeln!(
        out,
        "{}{}{}",
        Phrase::Decision.text(lang),
        crate::i18n::colon(lang),
        outcome.label(lang)
    );
}

/// The permission answer in words: the decision first, then every statement.
pub fn text(decision: &Decision, lang: Lang) -> String {
    let mut out = String::new();
    decision_line(&mut out, decision.decision, lang);
    let request = &decision.request;
    let _ = writeln!(
        out,
        "{}`{}` {} `{}`",
        lang.pick("request: ", "请求："),
        request.action,
        lang.pick("on", "作用于"),
        request.resource
    );
    for entry in &request.context {
        let _ = writeln!(
            out,
            "  {} `{}` = `{}`",
            lang.pick("context", "上下文"),
            entry.key,
            entry.value
        );
    }
    decided_by(
        &mut out,
        decision
            .decided_by
            .iter()
            .map(|r| (r.source.as_str(), r.path.as_str())),
        lang,
    );
    out.push('\n');
    for s in &decision.statements {
        let mut parts = vec![
            (lang.pick("action", "操作"), s.action_matched),
            (lang.pick("resource", "资源"), s.resource_matched),
            (lang.pick("condition", "条件"), s.condition_matched),
        ];
        if let Some(matched) = s.principal_matched {
            parts.push((lang.pick("principal", "主体"), matched));
        }
        statement_line(&mut out, s, &parts, lang);
        conditions(&mut out, &s.conditions, lang);
        note(&mut out, "    ", s.note.as_deref(), lang);
    }
    if decision.statements.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("(no statements)", "（没有语句）"));
    }
    trailer(&mut out, &decision.notes, &decision.warnings, lang);
    out
}

/// The trust answer in words.
pub fn trust_text(decision: &TrustDecision, lang: Lang) -> String {
    let mut out = String::new();
    decision_line(&mut out, decision.decision, lang);
    let _ = writeln!(
        out,
        "{}`{}` {} `sts:AssumeRole`",
        lang.pick("principal: ", "主体："),
        decision.principal,
        lang.pick("asks for", "请求")
    );
    for entry in &decision.request.context {
        let _ = writeln!(
            out,
            "  {} `{}` = `{}`",
            lang.pick("context", "上下文"),
            entry.key,
            entry.value
        );
    }
    decided_by(
        &mut out,
        decision
            .decided_by
            .iter()
            .map(|r| (r.source.as_str(), r.path.as_str())),
        lang,
    );
    if let Some(miss) = &decision.nearest_miss {
        let _ = writeln!(
            out,
            "{}{miss}",
            lang.pick("nearest miss: ", "最接近的语句：")
        );
    }
    out.push('\n');
    for s in &decision.statements {
        trust_statement(&mut out, s, lang);
    }
    if decision.statements.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("(no statements)", "（没有语句）"));
    }
    trailer(&mut out, &decision.notes, &decision.warnings, lang);
    out
}

fn decided_by<'a>(out: &mut String, refs: impl Iterator<Item = (&'a str, &'a str)>, lang: Lang) {
    let refs: Vec<String> = refs
        .map(|(source, path)| format!("{source} {path}"))
        .collect();
    if refs.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "decided by: no statement matched",
                "决定语句：没有匹配的语句"
            )
        );
    } else {
        let _ = writeln!(
            out,
            "{}{}",
            lang.pick("decided by: ", "决定语句："),
            refs.join(", ")
        );
    }
}

fn statement_line<S: StatementHead>(out: &mut String, s: &S, parts: &[(&str, bool)], lang: Lang) {
    let mut line = format!(
        "{} {}  {}",
        s.source(),
        s.path(),
        effect_word(s.effect(), lang)
    );
    for (name, ok) in parts {
        let _ = write!(line, "  {} {name}", mark(*ok));
    }
    if s.deciding() {
        line.push_str(lang.pick("  <- decides", "  <- 决定"));
    }
    let _ = writeln!(out, "{}", line.trim_end());
}

trait StatementHead {
    fn source(&self) -> &str;
    fn path(&self) -> &str;
    fn effect(&self) -> Option<Effect>;
    fn deciding(&self) -> bool;
}

impl StatementHead for StatementResult {
    fn source(&self) -> &str {
        &self.source
    }
    fn path(&self) -> &str {
        &self.path
    }
    fn effect(&self) -> Option<Effect> {
        self.effect
    }
    fn deciding(&self) -> bool {
        self.deciding
    }
}

impl StatementHead for TrustStatementResult {
    fn source(&self) -> &str {
        &self.source
    }
    fn path(&self) -> &str {
        &self.path
    }
    fn effect(&self) -> Option<Effect> {
        self.effect
    }
    fn deciding(&self) -> bool {
        self.deciding
    }
}

fn trust_statement(out: &mut String, s: &TrustStatementResult, lang: Lang) {
    statement_line(
        out,
        s,
        &[
            (lang.pick("action", "操作"), s.action_matched),
            (lang.pick("principal", "主体"), s.principal_matched),
            (lang.pick("condition", "条件"), s.condition_matched),
        ],
        lang,
    );
    for p in &s.principals {
        let reason = p
            .reason
            .as_deref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {} {} `{}`{reason}",
            mark(p.matched),
            p.principal_type,
            p.value
        );
    }
    conditions(out, &s.conditions, lang);
    note(out, "    ", s.note.as_deref(), lang);
}

fn conditions(out: &mut String, entries: &[ConditionResult], lang: Lang) {
    for c in entries {
        let list = |values: &[String]| {
            if values.is_empty() {
                lang.pick("(none)", "（无）").to_owned()
            } else {
                values
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let _ = writeln!(
            out,
            "    {} {} `{}`: {} {}; {} {}",
            mark(c.matched),
            c.operator,
            c.key,
            lang.pick("policy", "策略"),
            list(&c.values),
            lang.pick("request", "请求"),
            list(&c.request_values)
        );
        note(out, "      ", c.note.as_deref(), lang);
    }
}

fn note(out: &mut String, indent: &str, note: Option<&str>, lang: Lang) {
    if let Some(note) = note {
        let _ = writeln!(out, "{indent}{}{note}", lang.pick("note: ", "说明："));
    }
}

fn trailer(out: &mut String, notes: &[String], warnings: &[Warning], lang: Lang) {
    if notes.is_empty() && warnings.is_empty() {
        return;
    }
    out.push('\n');
    for n in notes {
        let _ = writeln!(out, "{}{n}", lang.pick("note: ", "说明："));
    }
    for w in warnings {
        let at = w
            .finding
            .span
            .map(|s| format!("{}:{}:{}", w.source, s.start.line, s.start.column))
            .unwrap_or_else(|| w.source.clone());
        let _ = writeln!(
            out,
            "{}{at}: {}[{}]: {} {}",
            lang.pick("warning: ", "警告："),
            w.finding.severity.label(lang),
            w.finding.code,
            w.finding.message,
            lang.pick(
                "(RAM would reject this policy; evaluated as written)",
                "（RAM 会拒绝该策略；按原文评估）"
            )
        );
    }
}

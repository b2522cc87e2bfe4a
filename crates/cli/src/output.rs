//! How `ramplan lint` prints: text (rustc style), JSON (the documented contract), SARIF 2.1.0
//! for code-scanning tools, and GitHub Actions workflow commands.

use std::collections::BTreeMap;

use ramplan_core::catalogue::CATALOGUE_DATE;
use ramplan_core::render::{self, Linted};
use ramplan_core::rules::{DOCS, RULES};
use ramplan_core::{Finding, Lang, LintReport, Severity};
use ramplan_iac::Format;
use serde_json::{json, Map, Value};

use crate::lint::{self, DocumentReport, Note, UNREADABLE};

/// How `ramplan lint` prints.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Text,
    Json,
    Sarif,
    Github,
}

/// Everything linted, for the outputs that need it all at once (SARIF).
pub(crate) struct Run<'a> {
    pub(crate) results: &'a [DocumentReport],
    pub(crate) notes: &'a [Note],
    pub(crate) lang: Lang,
}

/// Writes a lint's output as it comes, file by file in input order: text and workflow
/// commands at once, JSON results at once and its notes after them, SARIF (one document
/// whose rules come first) at the end.
pub(crate) struct Writer<W: std::io::Write> {
    out: W,
    style: Style,
    lang: Lang,
    /// JSON results written so far.
    written: usize,
    /// Kept for the end: JSON's notes, SARIF's notes and results.
    held_notes: Vec<Note>,
    held_results: Vec<DocumentReport>,
}

impl<W: std::io::Write> Writer<W> {
    pub(crate) fn new(out: W, style: Style, lang: Lang) -> Writer<W> {
        Writer {
            out,
            style,
            lang,
            written: 0,
            held_notes: Vec::new(),
            held_results: Vec::new(),
        }
    }

    /// Notes that belong to no one file's turn (policy files a Terraform argument reads
    /// that could not be read).
    pub(crate) fn notes(&mut self, notes: Vec<Note>) -> std::io::Result<()> {
        let mut text = String::new();
        for note in notes {
            match self.style {
                Style::Text => text.push_str(&note_text(&note, self.lang)),
                Style::Github => text.push_str(&note_github(&note)),
                Style::Json | Style::Sarif => self.held_notes.push(note),
            }
        }
        self.out.write_all(text.as_bytes())
    }

    /// One file's notes and results; `text` is the file's content. `rendered` is what
    /// [`Style::render`] made of the results on the core that linted them, if it could (no
    /// baseline was left to apply); otherwise they are rendered here.
    pub(crate) fn file(
        &mut self,
        text: &str,
        notes: Vec<Note>,
        results: Vec<DocumentReport>,
        rendered: Option<Rendered>,
    ) -> std::io::Result<()> {
        self.notes(notes)?;
        let rendered = rendered.unwrap_or_else(|| self.style.render(self.lang, text, &results));
        match rendered {
            Rendered::Text(out) => self.out.write_all(out.as_bytes()),
            Rendered::Json(entries) => {
                for entry in entries {
                    self.out.write_all(if self.written == 0 {
                        b"{\n  \"results\": [\n    "
                    } else {
                        b",\n    "
                    })?;
                    self.out.write_all(entry.as_bytes())?;
                    self.written += 1;
                }
                Ok(())
            }
            Rendered::Held => {
                self.held_results.extend(results);
                Ok(())
            }
        }
    }

    /// What comes after every file: the count the baseline left out, JSON's notes and
    /// closing, the SARIF document.
    pub(crate) fn finish(mut self, baselined: usize) -> std::io::Result<()> {
        let lang = self.lang;
        let text = match self.style {
            Style::Github => String::new(),
            Style::Text if baselined == 0 => String::new(),
            Style::Text => match lang {
                Lang::En => {
                    format!("{baselined} findings accepted by the baseline are not shown\n")
                }
                Lang::Zh => format!("基线已接受的 {baselined} 个发现未显示\n"),
            },
            Style::Json => {
                let mut out = String::from(if self.written == 0 {
                    "{\n  \"results\": []"
                } else {
                    "\n  ]"
                });
                if !self.held_notes.is_empty() {
                    let notes: Vec<Value> = self.held_notes.iter().map(note_json).collect();
                    out.push_str(",\n  \"notes\": ");
                    out.push_str(&pretty_at(&Value::Array(notes), 1));
                }
                if baselined > 0 {
                    out.push_str(&format!(",\n  \"baselined\": {baselined}"));
                }
                out.push_str(",\n  \"catalogue\": ");
                out.push_str(&pretty_at(&json!({ "date": CATALOGUE_DATE }), 1));
                out.push_str("\n}\n");
                out
            }
            Style::Sarif => sarif(&Run {
                results: &self.held_results,
                notes: &self.held_notes,
                lang,
            }),
        };
        self.out.write_all(text.as_bytes())?;
        self.out.flush()
    }
}

/// One file's results as output shows them, made where they were linted so that the thread
/// that writes only writes.
pub(crate) enum Rendered {
    /// Text or workflow commands, ready to write.
    Text(String),
    /// JSON results, each pretty-printed at its depth in the document.
    Json(Vec<String>),
    /// SARIF: one document at the end, built from the results.
    Held,
}

impl Style {
    /// One file's results in this style; `text` is the file's content.
    pub(crate) fn render(self, lang: Lang, text: &str, results: &[DocumentReport]) -> Rendered {
        match self {
            Style::Text => Rendered::Text(
                results
                    .iter()
                    .map(|result| result_text(result, text, lang))
                    .collect(),
            ),
            Style::Github => Rendered::Text(
                results
                    .iter()
                    .map(|result| result_github(result, lang))
                    .collect(),
            ),
            Style::Json => Rendered::Json(
                results
                    .iter()
                    .map(|result| result_json_at(result, 2))
                    .collect(),
            ),
            Style::Sarif => Rendered::Held,
        }
    }
}

/// `value` pretty-printed as it reads `depth` levels down in a pretty-printed document:
/// serde_json's layout (two spaces a level), started at that depth.
fn pretty_at(value: &Value, depth: usize) -> String {
    use serde::Serialize;
    let mut out = Vec::with_capacity(256);
    let formatter = Indented {
        depth,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's `PrettyFormatter` with two spaces a level, starting `depth` levels in.
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    fn indent<W: ?Sized + std::io::Write>(&self, writer: &mut W) -> std::io::Result<()> {
        for _ in 0..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    /// `[` or `{`: one level in.
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// `]` or `}` on a line of its own unless the array or object is empty.
    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }

    /// An array item or object key: on a new line, after a comma unless it is the first.
    fn entry<W: ?Sized + std::io::Write>(
        &self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.entry(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.entry(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

fn note_text(note: &Note, lang: Lang) -> String {
    let at = match note.span {
        Some(r) => format!("{}:{}:{}", note.source, r.start.line, r.start.column),
        None => note.source.clone(),
    };
    let resource = if note.resource.is_empty() {
        String::new()
    } else {
        format!("{}: ", note.resource)
    };
    if note.unreadable {
        format!(
            "{at}: {}[{UNREADABLE}]: {resource}{}\n\n",
            Severity::Error.label(lang),
            note.message
        )
    } else {
        format!(
            "{at}: {}: {resource}{}\n\n",
            lang.pick("note", "说明"),
            note.message
        )
    }
}

/// One document's findings (rustc style, with the lines of `text` they point at) and its
/// summary line.
fn result_text(result: &DocumentReport, text: &str, lang: Lang) -> String {
    let findings: Vec<Finding> = result
        .findings
        .iter()
        .map(|l| lint::presented(result, l, lang))
        .collect();
    let mut out = render::findings_text(&result.source, Some(text), &findings, lang);
    let report = LintReport {
        kind: result.kind,
        kind_guessed: result.kind_guessed,
        findings,
        parsed: true,
        credential: None,
    };
    let source = match (result.resource.is_empty(), result.attribute.is_empty()) {
        (true, _) => result.source.clone(),
        (false, true) => format!("{}: {}", result.source, result.resource),
        (false, false) => format!(
            "{}: {} {}",
            result.source, result.resource, result.attribute
        ),
    };
    out.push_str(&render::summary(
        &Linted {
            source: &source,
            text: "",
            report: &report,
        },
        lang,
    ));
    out.push('\n');
    out
}

/// [`result_json`] pretty-printed at `depth`, written straight from the report rather than
/// through a `Value` tree (a map and a string per field of every finding): the same bytes,
/// which a test checks, in a fraction of the time.
fn result_json_at(result: &DocumentReport, depth: usize) -> String {
    let mut w = PrettyWriter::at(depth);
    // Keys in the order a `Value` map sorts them.
    w.open(b'{');
    if result.format != Format::Policy {
        w.key("attribute");
        w.leaf(&result.attribute);
    }
    w.key("findings");
    if result.findings.is_empty() {
        w.raw("[]");
    } else {
        w.open(b'[');
        for located in &result.findings {
            w.item();
            finding_json(&mut w, located);
        }
        w.close(b']');
    }
    if result.format != Format::Policy {
        w.key("format");
        w.leaf(result.format.as_str());
    }
    w.key("kind");
    w.leaf(&result.kind);
    w.key("kind_guessed");
    w.leaf(&result.kind_guessed);
    if result.format != Format::Policy {
        w.key("resource");
        w.leaf(&result.resource);
    }
    w.key("source");
    w.leaf(&result.source);
    w.close(b'}');
    w.finish()
}

/// One finding as `serde_json::to_value` would give it, keys sorted.
fn finding_json(w: &mut PrettyWriter, located: &lint::Located) {
    let f = &located.finding;
    w.open(b'{');
    w.key("code");
    w.leaf(f.code);
    if !located.depends_on.is_empty() {
        w.key("depends_on");
        w.open(b'[');
        for d in &located.depends_on {
            w.item();
            w.leaf(d);
        }
        w.close(b']');
    }
    let (document, field, path) = match &f.location {
        ramplan_core::Location::Document { document, path } => {
            (document.as_ref(), None, Some(path))
        }
        ramplan_core::Location::Field { field } => (None, field.as_ref(), None),
    };
    if let Some(document) = document {
        w.key("document");
        w.leaf(document);
    }
    if let Some(field) = field {
        w.key("field");
        w.leaf(field);
    }
    if let Some(help) = &f.help {
        w.key("help");
        w.leaf(help);
    }
    w.key("message");
    w.leaf(&f.message);
    if let Some(path) = path {
        w.key("path");
        w.leaf(path);
    }
    w.key("severity");
    w.leaf(&f.severity);
    if let Some(span) = &f.span {
        w.key("span");
        w.open(b'{');
        for (name, p) in [("end", &span.end), ("start", &span.start)] {
            w.key(name);
            w.open(b'{');
            w.key("column");
            w.number(p.column);
            w.key("line");
            w.number(p.line);
            w.key("offset");
            w.number(p.offset);
            w.close(b'}');
        }
        w.close(b'}');
    }
    w.close(b'}');
}

/// serde_json's pretty layout (two spaces a level), written by hand, from `depth` levels in.
struct PrettyWriter {
    out: Vec<u8>,
    depth: usize,
    /// Nothing written yet in the innermost array or object.
    first: bool,
}

impl PrettyWriter {
    fn at(depth: usize) -> Self {
        PrettyWriter {
            out: Vec::with_capacity(1024),
            depth,
            first: true,
        }
    }

    fn open(&mut self, bracket: u8) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: u8) {
        self.depth = self.depth.saturating_sub(1);
        if !self.first {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    /// The start of the next array element.
    fn item(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.newline();
        self.first = false;
    }

    fn key(&mut self, key: &str) {
        self.item();
        self.leaf(key);
        self.out.extend_from_slice(b": ");
    }

    fn newline(&mut self) {
        self.out.push(b'\n');
        for _ in 0..self.depth {
            self.out.extend_from_slice(b"  ");
        }
    }

    /// A string, number, bool or unit enum, escaped by serde_json itself.
    fn leaf<T: serde::Serialize + ?Sized>(&mut self, value: &T) {
        if serde_json::to_writer(&mut self.out, value).is_err() {
            self.out.extend_from_slice(b"null");
        }
    }

    fn number(&mut self, n: usize) {
        self.out.extend_from_slice(n.to_string().as_bytes());
    }

    fn raw(&mut self, text: &str) {
        self.out.extend_from_slice(text.as_bytes());
    }

    fn finish(self) -> String {
        String::from_utf8(self.out).unwrap_or_default()
    }
}

/// The JSON contract: `results` (one per document: `source`, `kind`, `kind_guessed`,
/// `findings`; for a document found in a template also `format`, `resource`, `attribute`,
/// and per finding `depends_on`), then `notes`, `baselined`, `catalogue`.
#[cfg(test)]
fn result_json(result: &DocumentReport) -> Value {
    let mut entry = Map::new();
    entry.insert("source".into(), json!(result.source));
    if result.format != Format::Policy {
        entry.insert("format".into(), json!(result.format.as_str()));
        entry.insert("resource".into(), json!(result.resource));
        entry.insert("attribute".into(), json!(result.attribute));
    }
    entry.insert("kind".into(), json!(result.kind));
    entry.insert("kind_guessed".into(), json!(result.kind_guessed));
    let findings: Vec<Value> = result
        .findings
        .iter()
        .map(|l| {
            let mut value = serde_json::to_value(&l.finding).unwrap_or(Value::Null);
            if let (Value::Object(map), false) = (&mut value, l.depends_on.is_empty()) {
                map.insert("depends_on".into(), json!(l.depends_on));
            }
            value
        })
        .collect();
    entry.insert("findings".into(), Value::Array(findings));
    Value::Object(entry)
}

fn note_json(n: &Note) -> Value {
    let mut entry = Map::new();
    entry.insert("source".into(), json!(n.source));
    if !n.resource.is_empty() {
        entry.insert("resource".into(), json!(n.resource));
    }
    if n.unreadable {
        entry.insert("code".into(), json!(UNREADABLE));
        entry.insert("severity".into(), json!("error"));
    }
    entry.insert("message".into(), json!(n.message));
    if let Some(span) = n.span {
        entry.insert(
            "span".into(),
            serde_json::to_value(span).unwrap_or(Value::Null),
        );
    }
    Value::Object(entry)
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error | Severity::Security => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "note",
    }
}

/// A file path as a SARIF URI reference, relative to the run's `%SRCROOT%`.
fn uri(source: &str) -> String {
    let mut out = String::new();
    for b in source.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// SARIF 2.1.0: one run, every lint rule with its help, every finding a result with its
/// physical location (UTF-16 columns, as the core counts) and the resource as a logical
/// location. Places ramplan could not read are tool notifications.
fn sarif(run: &Run<'_>) -> String {
    let mut rules: Vec<Value> = RULES
        .iter()
        .zip(DOCS)
        .map(|(rule, docs)| {
            let m = &rule.meta;
            let mut markdown = format!(
                "{}\n\n**Why it matters.** {}\n\n**Example.**\n\n```json\n{}\n```\n\n**Use instead.**\n\n```json\n{}\n```\n",
                m.summary, docs.why, docs.example, docs.instead
            );
            if !docs.references.is_empty() {
                markdown.push_str("\n**References.**\n\n");
                for r in docs.references {
                    markdown.push_str(&format!("- {r}\n"));
                }
            }
            let mut properties = json!({ "tags": ["ram-policy", m.severity.as_str()] });
            if m.severity == Severity::Security {
                // GitHub code scanning ranks security results by this score (0-10).
                set(&mut properties, "security-severity", json!("7.0"));
            }
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary },
                "fullDescription": { "text": docs.why },
                "help": { "text": format!("{} {}", m.summary, docs.why), "markdown": markdown },
                "defaultConfiguration": { "level": sarif_level(m.severity) },
                "properties": properties,
            })
        })
        .collect();
    rules.push(json!({
        "id": UNREADABLE,
        "name": "unreadable-file",
        "shortDescription": { "text": "A file could not be read as its format (HCL or YAML syntax)." },
        "help": { "text": "Fix the syntax so Terraform or ROS can read the file; ramplan checks the policies in it once it parses." },
        "defaultConfiguration": { "level": "error" },
    }));
    let index: BTreeMap<String, usize> = rules
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r["id"].as_str().map(|id| (id.to_owned(), i)))
        .collect();
    let mut results: Vec<Value> = Vec::new();
    for result in run.results {
        for located in &result.findings {
            let finding = &located.finding;
            let mut message = finding.message.clone();
            if let Some(help) = &finding.help {
                message.push_str(&format!(" ({help})"));
            }
            if let Some(note) = lint::depends_note(&located.depends_on, run.lang) {
                message.push_str(&format!("; {note}"));
            }
            let mut location = json!({
                "physicalLocation": physical(&result.source, finding.span),
            });
            if !result.resource.is_empty() {
                set(
                    &mut location,
                    "logicalLocations",
                    json!([{
                        "fullyQualifiedName": result.resource,
                        "kind": "resource",
                    }]),
                );
            }
            let mut entry = json!({
                "ruleId": finding.code,
                "level": sarif_level(finding.severity),
                "message": { "text": message },
                "locations": [location],
                "partialFingerprints": {
                    "ramplan/v1": fingerprint(&result.source, &result.resource, finding),
                },
                "properties": { "severity": finding.severity.as_str(), "pointer": finding.path() },
            });
            if let Some(i) = index.get(finding.code) {
                set(&mut entry, "ruleIndex", json!(i));
            }
            results.push(entry);
        }
    }
    let mut notifications = Vec::new();
    for note in run.notes {
        let mut location = json!({ "physicalLocation": physical(&note.source, note.span) });
        if !note.resource.is_empty() {
            set(
                &mut location,
                "logicalLocations",
                json!([{ "fullyQualifiedName": note.resource, "kind": "resource" }]),
            );
        }
        if note.unreadable {
            results.push(json!({
                "ruleId": UNREADABLE,
                "ruleIndex": index.get(UNREADABLE),
                "level": "error",
                "message": { "text": note.message },
                "locations": [location],
            }));
        } else {
            notifications.push(json!({
                "level": "note",
                "message": { "text": note.message },
                "locations": [location],
            }));
        }
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "ramplan",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": { "%SRCROOT%": { "description": { "text": "The folder ramplan ran in." } } },
            "columnKind": "utf16CodeUnits",
            "results": results,
            "properties": { "catalogue": CATALOGUE_DATE },
        }],
    });
    let mut text = serde_json::to_string_pretty(&sarif).unwrap_or_default();
    text.push('\n');
    text
}

fn physical(source: &str, span: Option<ramplan_core::position::TextRange>) -> Value {
    // Paths as given on the command line are relative to the folder ramplan ran in; an
    // absolute one becomes a `file:` URI of its own.
    let artifact = if source.starts_with('/') {
        json!({ "uri": format!("file://{}", uri(source)) })
    } else {
        json!({ "uri": uri(source), "uriBaseId": "%SRCROOT%" })
    };
    let mut physical = json!({ "artifactLocation": artifact });
    if let Some(r) = span {
        set(
            &mut physical,
            "region",
            json!({
                "startLine": r.start.line,
                "startColumn": r.start.column,
                "endLine": r.end.line.max(r.start.line),
                "endColumn": if r.end.line > r.start.line { r.end.column } else { r.end.column.max(r.start.column) },
            }),
        );
    }
    physical
}

/// Stable across line moves: file, resource, code, pointer and message.
fn fingerprint(source: &str, resource: &str, finding: &Finding) -> String {
    // FNV-1a: deterministic, no dependency, enough to tell results apart.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        source,
        resource,
        finding.code,
        finding.path(),
        &finding.message,
    ] {
        for b in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Escapes for a workflow command's message (`%`, CR, LF) and, in properties, also `:` and
/// `,`, as GitHub's toolkit does.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One GitHub Actions workflow command: `::error file=…,line=…,col=…::message`.
fn github_line(
    level: &str,
    source: &str,
    span: Option<ramplan_core::position::TextRange>,
    title: &str,
    message: &str,
) -> String {
    let mut props = vec![format!("file={}", escape_property(source))];
    if let Some(r) = span {
        props.push(format!("line={}", r.start.line));
        props.push(format!("col={}", r.start.column));
        props.push(format!("endLine={}", r.end.line.max(r.start.line)));
        if r.end.line == r.start.line {
            props.push(format!("endColumn={}", r.end.column.max(r.start.column)));
        }
    }
    props.push(format!("title={}", escape_property(title)));
    format!("::{level} {}::{}\n", props.join(","), escape_data(message))
}

fn note_github(note: &Note) -> String {
    let message = if note.resource.is_empty() {
        note.message.clone()
    } else {
        format!("{}: {}", note.resource, note.message)
    };
    if note.unreadable {
        github_line(
            "error",
            &note.source,
            note.span,
            &format!("ramplan {UNREADABLE}"),
            &message,
        )
    } else {
        github_line(
            "notice",
            &note.source,
            note.span,
            "ramplan: not checked",
            &message,
        )
    }
}

/// A document's findings as workflow commands, one a line.
fn result_github(result: &DocumentReport, lang: Lang) -> String {
    let mut out = String::new();
    for located in &result.findings {
        let finding = lint::presented(result, located, lang);
        let level = match finding.severity {
            Severity::Error | Severity::Security => "error",
            Severity::Warning => "warning",
            Severity::Suggestion => "notice",
        };
        let name = RULES
            .iter()
            .find(|r| r.meta.code == finding.code)
            .map_or("", |r| r.meta.name);
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&github_line(
            level,
            &result.source,
            finding.span,
            &format!(
                "ramplan {} {name} ({})",
                finding.code,
                finding.severity.as_str()
            ),
            &message,
        ));
    }
    out
}

/// Sets a key of a JSON object; does nothing to a value that is not an object.
fn set(value: &mut Value, key: &str, field: Value) {
    if let Some(map) = value.as_object_mut() {
        map.insert(key.to_owned(), field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Started at depth 0 the layout is serde_json's own; deeper, every line but the first
    /// is that many levels further in.
    #[test]
    fn pretty_at_is_serde_jsons_layout_at_a_depth() {
        let value = json!({
            "a": [1, {"b": [], "c": {}}, [2, [3]]],
            "d": "x\ny",
            "e": {"f": null, "g": [true]},
        });
        let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
        assert_eq!(pretty_at(&value, 0), pretty);
        assert_eq!(pretty_at(&value, 2), pretty.replace('\n', "\n    "));
        assert_eq!(pretty_at(&json!([]), 3), "[]");
    }

    /// The hand-written JSON of a document's results is byte for byte what the `Value` tree
    /// printed: every optional field present and absent, strings that need escaping, at
    /// several depths.
    #[test]
    fn direct_json_is_the_value_trees_bytes() {
        use ramplan_core::position::{Position, TextRange};
        use ramplan_core::{Location, PolicyKind};
        let strings = [
            "",
            "plain",
            "q\"uote",
            "back\\slash",
            "tab\tnew\nline\u{1}",
            "中文 é",
            "</script>",
        ];
        let mut seed: u64 = 7;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n.max(1)
        };
        for _ in 0..400 {
            let pick =
                |next: &mut dyn FnMut(usize) -> usize| strings[next(strings.len())].to_string();
            let findings = (0..next(4))
                .map(|_| {
                    let location = match next(4) {
                        0 => Location::Document {
                            document: None,
                            path: pick(&mut next),
                        },
                        1 => Location::Document {
                            document: Some(pick(&mut next)),
                            path: pick(&mut next),
                        },
                        2 => Location::Field { field: None },
                        _ => Location::Field {
                            field: Some(pick(&mut next)),
                        },
                    };
                    let at = |n: usize| Position {
                        line: n + 1,
                        column: n * 7 + 1,
                        offset: n * 31,
                    };
                    let finding = Finding {
                        code: ["RP101", "RP606"][next(2)],
                        severity: [
                            Severity::Error,
                            Severity::Security,
                            Severity::Warning,
                            Severity::Suggestion,
                        ][next(4)],
                        message: pick(&mut next),
                        location,
                        span: (next(2) == 0).then(|| TextRange {
                            start: at(next(50)),
                            end: at(next(5000)),
                        }),
                        help: (next(2) == 0).then(|| pick(&mut next)),
                    };
                    lint::Located {
                        finding,
                        depends_on: (0..next(3)).map(|_| pick(&mut next)).collect(),
                    }
                })
                .collect();
            let report = DocumentReport {
                source: pick(&mut next),
                resource: pick(&mut next),
                attribute: pick(&mut next),
                format: [Format::Policy, Format::Terraform, Format::RosYaml][next(3)],
                kind: [
                    PolicyKind::Permission,
                    PolicyKind::Trust,
                    PolicyKind::BucketPolicy,
                ][next(3)],
                kind_guessed: next(2) == 0,
                findings,
            };
            for depth in 0..3 {
                assert_eq!(
                    result_json_at(&report, depth),
                    pretty_at(&result_json(&report), depth)
                );
            }
        }
    }
}

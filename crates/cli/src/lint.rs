//! `ramplan lint`: reads files and folders, finds the policies in them (ramplan-iac), lints
//! each with the core, and points every finding at the file the user has.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use ramplan_core::position::{LineIndex, Span};
use ramplan_core::{lint, Finding, KindChoice, Lang, LintOptions, PolicyKind, Severity};
use ramplan_iac::{Document, Format};

/// Folders a walk never enters: tool caches, dependencies, version control.
const SKIPPED_DIRS: &[&str] = &[
    ".terraform",
    ".terragrunt-cache",
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    "target",
    ".venv",
    "venv",
    "__pycache__",
];

/// Files larger than this are left out of a folder walk (the core refuses documents over
/// 4 MiB; a file that large in a repository is data, not configuration).
const MAX_WALKED_FILE: u64 = 4 * 1024 * 1024;

/// A file to read.
pub(crate) struct Input {
    /// As the user named it, or as found under a folder they named (`infra/main.tf`).
    pub(crate) source: String,
    pub(crate) text: String,
    pub(crate) format: Format,
    /// Set for a policy file a Terraform argument reads.
    pub(crate) referenced_by: Option<Reference>,
}

/// The inputs named on the command line: files as given (any name is read, as a policy when
/// it is no other format, unless `skip_unrecognized`), folders walked for the formats ramplan
/// reads, `-` for standard input. Files are read on every core, kept in the order named.
pub(crate) fn collect(paths: &[PathBuf], skip_unrecognized: bool) -> Result<Vec<Input>, String> {
    /// A file to read: named on the command line (it must be readable), or found in a walk
    /// (anything unreadable or in no format ramplan reads is left out).
    enum Pending {
        Stdin(String),
        Named(PathBuf),
        Walked(PathBuf),
    }
    let stdin_only = [PathBuf::from("-")];
    let paths = if paths.is_empty() {
        &stdin_only[..]
    } else {
        paths
    };
    let mut pending = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            pending.push(Pending::Stdin(text));
        } else if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files)?;
            pending.extend(files.into_iter().map(Pending::Walked));
        } else {
            pending.push(Pending::Named(path.clone()));
        }
    }
    let read = parallel_map(&pending, |item| -> Result<Option<Input>, String> {
        let input = |source: String, text: String, format: Format| Input {
            source,
            text,
            format,
            referenced_by: None,
        };
        Ok(match item {
            Pending::Stdin(text) => {
                let format = ramplan_iac::detect_or_policy("<stdin>", text);
                Some(input("<stdin>".to_owned(), text.clone(), format))
            }
            Pending::Walked(file) => {
                // A folder may hold anything; only text in a format ramplan reads counts.
                let text = std::fs::read(file)
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok());
                text.and_then(|text| {
                    let source = display(file);
                    let format = ramplan_iac::detect(&source, &text)?;
                    Some(input(source, text, format))
                })
            }
            Pending::Named(path) => {
                let bytes = std::fs::read(path)
                    .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
                let text = String::from_utf8(bytes)
                    .map_err(|_| format!("`{}` is not UTF-8 text", path.display()))?;
                let source = display(path);
                if !skip_unrecognized {
                    let format = ramplan_iac::detect_or_policy(&source, &text);
                    return Ok(Some(input(source, text, format)));
                }
                ramplan_iac::detect(&source, &text).map(|format| input(source, text, format))
            }
        })
    });
    // The first failure in the order named, as reading one by one would have stopped at.
    read.into_iter().filter_map(Result::transpose).collect()
}

/// A path as output shows it: forward slashes, no leading `./`.
pub(crate) fn display(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").unwrap_or(&text).to_owned()
}

/// Every file under `dir`, in name order so output is the same on every machine.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?;
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    ramplan_core::sort::sort_by_key(&mut entries, |e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if kind.is_dir() {
            if !SKIPPED_DIRS.contains(&name.as_str()) {
                walk(&path, out)?;
            }
        } else if kind.is_file() && entry.metadata().is_ok_and(|m| m.len() <= MAX_WALKED_FILE) {
            out.push(path);
        }
    }
    Ok(())
}

/// One document's findings, their spans in the file's coordinates.
pub(crate) struct DocumentReport {
    pub(crate) source: String,
    /// `alicloud_ram_policy.oss_read`; empty for a policy file.
    pub(crate) resource: String,
    pub(crate) attribute: String,
    pub(crate) format: Format,
    pub(crate) kind: PolicyKind,
    pub(crate) kind_guessed: bool,
    pub(crate) findings: Vec<Located>,
}

/// A finding and what it depends on that ramplan cannot know.
#[derive(Clone)]
pub(crate) struct Located {
    pub(crate) finding: Finding,
    /// Placeholders (`${var.bucket}`) inside the finding's span.
    pub(crate) depends_on: Vec<String>,
}

/// A place holding a policy whose value ramplan cannot read, or a file it cannot parse.
pub(crate) struct Note {
    pub(crate) source: String,
    pub(crate) resource: String,
    pub(crate) message: String,
    pub(crate) span: Option<ramplan_core::position::TextRange>,
    /// True for a file that could not be read at all: it counts as an error.
    pub(crate) unreadable: bool,
}

/// The code of a file ramplan could not read as its format (HCL or YAML syntax).
pub(crate) const UNREADABLE: &str = "IAC001";

pub(crate) struct Options {
    pub(crate) kind: KindChoice,
    pub(crate) lang: Lang,
    pub(crate) template: bool,
    pub(crate) policy_name: Option<String>,
    pub(crate) role_name: Option<String>,
    pub(crate) description: Option<String>,
    /// Access no policy may grant (`--must-not-grant`): RP606 on each statement granting it.
    pub(crate) must_not_grant: Vec<ramplan_core::diff::Forbidden>,
}

/// The inputs with the policies found in each, ready to lint.
pub(crate) struct Prepared {
    /// As collected, then the policy files Terraform arguments read.
    pub(crate) inputs: Vec<Input>,
    /// What was found in the inputs that can read other files (Terraform), by input; the
    /// rest are extracted as they are linted, so that no more than a few files' documents
    /// are held at once.
    extracted: Vec<Option<ramplan_iac::Extracted>>,
    /// Policy files that Terraform arguments read and that could not be read.
    pub(crate) notes: Vec<Note>,
}

/// Finds the policies in every input. Policies that Terraform reads from files of their own
/// (`file("${path.module}/trust.json")`) are read too, beside the `.tf` file, and linted as
/// the kind the argument makes them; a file also named on the command line or found in the
/// walk is linted once, as that kind.
pub(crate) fn prepare(mut inputs: Vec<Input>, options: &Options) -> Prepared {
    let mut notes = Vec::new();
    let mut extracted: Vec<Option<ramplan_iac::Extracted>> = parallel_map(&inputs, |i| {
        (i.format == Format::Terraform).then(|| ramplan_iac::extract(i.format, &i.text))
    });
    let references: Vec<(usize, ramplan_iac::FileReference)> = extracted
        .iter()
        .enumerate()
        .filter_map(|(i, found)| found.as_ref().map(|found| (i, found)))
        .flat_map(|(i, found)| found.files.iter().map(move |r| (i, r.clone())))
        .collect();
    // The first input of each source, as a search from the front would find it.
    let mut by_source: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, input) in inputs.iter().enumerate() {
        by_source.entry(input.source.clone()).or_insert(i);
    }
    for (from, reference) in references {
        let Some(naming) = inputs.get(from) else {
            continue;
        };
        let folder = Path::new(&naming.source).parent().unwrap_or(Path::new(""));
        let path = display(&normalized(&folder.join(&reference.path)));
        let naming_source = naming.source.clone();
        let naming_span =
            LineIndex::new(&naming.text).range(Span::new(reference.span.start, reference.span.end));
        let referenced = Reference {
            resource: reference.resource.clone(),
            attribute: reference.attribute.clone(),
            kind: reference.kind,
        };
        if let Some(existing) = by_source.get(&path).and_then(|&i| inputs.get_mut(i)) {
            if existing.format == Format::Policy && existing.referenced_by.is_none() {
                existing.referenced_by = Some(referenced);
            }
            continue;
        }
        match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => {
                extracted.push(None);
                by_source.insert(path.clone(), inputs.len());
                inputs.push(Input {
                    source: path,
                    text,
                    format: Format::Policy,
                    referenced_by: Some(referenced),
                });
            }
            failure => {
                let why = match failure {
                    Err(e) => e.to_string(),
                    Ok(Err(_)) => "it is not UTF-8 text".to_owned(),
                    Ok(Ok(_)) => String::new(),
                };
                notes.push(Note {
                    source: naming_source,
                    resource: reference.resource.clone(),
                    message: match options.lang {
                        Lang::En => format!(
                            "`{}` reads `{path}`, which cannot be read ({why}); not checked",
                            reference.attribute
                        ),
                        Lang::Zh => format!(
                            "`{}` 读取的 `{path}` 无法读取（{why}）；未检查",
                            reference.attribute
                        ),
                    },
                    span: Some(naming_span),
                    unreadable: false,
                });
            }
        }
    }
    Prepared {
        inputs,
        extracted,
        notes,
    }
}

/// Lints each file on every core, `work` applied to each file's notes and document reports
/// on the same core (configuration, rendering), and hands `consume` what `work` made of each
/// file in input order as soon as every file before it is done, so output streams and is the
/// same bytes whatever the number of cores. Stops early when `consume` returns false.
pub(crate) fn lint_each<P: Send>(
    prepared: &Prepared,
    options: &Options,
    work: impl Fn(&Input, Vec<Note>, Vec<DocumentReport>) -> P + Sync,
    mut consume: impl FnMut(&Input, P) -> bool,
) {
    let pairs: Vec<(&Input, Option<&ramplan_iac::Extracted>)> = prepared
        .inputs
        .iter()
        .zip(prepared.extracted.iter().map(Option::as_ref))
        .collect();
    parallel_ordered(
        &pairs,
        |&(input, found)| {
            let (notes, results) = match found {
                Some(found) => lint_file(input, found, options),
                None => lint_file(
                    input,
                    &ramplan_iac::extract(input.format, &input.text),
                    options,
                ),
            };
            work(input, notes, results)
        },
        |i, made| match pairs.get(i) {
            Some((input, _)) => consume(input, made),
            None => false,
        },
    );
}

/// The notes and document reports of one file.
fn lint_file(
    input: &Input,
    found: &ramplan_iac::Extracted,
    options: &Options,
) -> (Vec<Note>, Vec<DocumentReport>) {
    let mut notes = Vec::new();
    let mut results = Vec::new();
    let index = LazyIndex::new(&input.text);
    for problem in &found.problems {
        notes.push(Note {
            source: input.source.clone(),
            resource: String::new(),
            message: problem.message.clone(),
            span: Some(
                index
                    .get()
                    .range(Span::new(problem.span.start, problem.span.end)),
            ),
            unreadable: true,
        });
    }
    for skipped in &found.skipped {
        notes.push(Note {
            source: input.source.clone(),
            resource: skipped.resource.clone(),
            message: match options.lang {
                Lang::En => format!("{}; not checked", skipped.reason(options.lang)),
                Lang::Zh => format!("{}；未检查", skipped.reason(options.lang)),
            },
            span: Some(
                index
                    .get()
                    .range(Span::new(skipped.span.start, skipped.span.end)),
            ),
            unreadable: false,
        });
    }
    for document in &found.documents {
        let document = match &input.referenced_by {
            Some(reference) => {
                let mut document = document.clone();
                document.resource = reference.resource.clone();
                document.attribute = reference.attribute.clone();
                document.kind = Some(reference.kind);
                std::borrow::Cow::Owned(document)
            }
            None => std::borrow::Cow::Borrowed(document),
        };
        results.push(lint_document(input, &document, &index, options));
    }
    (notes, results)
}

/// A file's line index, built the first time a position needs it: a plain policy's findings
/// already carry positions in the file, so most files never need their own.
struct LazyIndex<'a> {
    text: &'a str,
    index: std::cell::OnceCell<LineIndex<'a>>,
}

impl<'a> LazyIndex<'a> {
    fn new(text: &'a str) -> Self {
        LazyIndex {
            text,
            index: std::cell::OnceCell::new(),
        }
    }

    fn get(&self) -> &LineIndex<'a> {
        self.index.get_or_init(|| LineIndex::new(self.text))
    }
}

/// `f` over `items` on every core, the results in the items' order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mut out = Vec::with_capacity(items.len());
    parallel_ordered(items, f, |_, r| {
        out.push(r);
        true
    });
    out
}

/// `f` over `items` on every core, `consume` called on this thread with each result in the
/// items' order as soon as the results before it are in. Threads take the next few items as
/// they finish (a batch, so that a run of small files costs few hand-overs), so one large file
/// holds up only its own thread. Stops handing out items once `consume` returns false.
fn parallel_ordered<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(usize, R) -> bool,
) {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        for (i, item) in items.iter().enumerate() {
            if !consume(i, f(item)) {
                return;
            }
        }
        return;
    }
    // Small enough that every thread gets many batches (the last ones even out), large
    // enough that a batch of small files is worth a hand-over.
    let batch = (items.len() / (threads * 16)).clamp(1, 32);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::channel::<(usize, Vec<R>)>();
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, stop, f) = (&next, &stop, &f);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let first = next.fetch_add(batch, Ordering::Relaxed);
                    let Some(chunk) = items.get(first..(first + batch).min(items.len())) else {
                        break;
                    };
                    if chunk.is_empty() {
                        break;
                    }
                    let mut made = Vec::with_capacity(chunk.len());
                    for item in chunk {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        made.push(f(item));
                    }
                    if sender.send((first, made)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // Batches that came in before one ahead of them.
        let mut waiting = std::collections::BTreeMap::new();
        let mut due = 0;
        for (first, made) in receiver {
            if stop.load(Ordering::Relaxed) {
                continue;
            }
            waiting.insert(first, made);
            while let Some(made) = waiting.remove(&due) {
                for (k, result) in made.into_iter().enumerate() {
                    if !consume(due + k, result) {
                        stop.store(true, Ordering::Relaxed);
                        break;
                    }
                }
                due += batch;
                if stop.load(Ordering::Relaxed) {
                    break;
                }
            }
        }
    });
}

/// The Terraform argument that reads a policy file (`assume_role_policy_document =
/// file(...)`).
#[derive(Clone)]
pub(crate) struct Reference {
    pub(crate) resource: String,
    pub(crate) attribute: String,
    pub(crate) kind: PolicyKind,
}

/// `a/b/../c` as `a/c`, lexically.
pub(crate) fn normalized(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn lint_document(
    input: &Input,
    document: &Document,
    index: &LazyIndex<'_>,
    options: &Options,
) -> DocumentReport {
    let plain = input.format == Format::Policy;
    let kind = match (document.kind, options.kind) {
        // Where the document is says what it is (`assume_role_policy_document`); the
        // command line decides only for documents whose place does not tell.
        (Some(PolicyKind::Permission), _) => KindChoice::Permission,
        (Some(PolicyKind::Trust), _) => KindChoice::Trust,
        (Some(PolicyKind::BucketPolicy), _) => KindChoice::BucketPolicy,
        (None, choice) => choice,
    };
    let lint_options = LintOptions {
        kind,
        lang: options.lang,
        template: options.template || !plain,
        policy_name: options.policy_name.clone(),
        role_name: options.role_name.clone(),
        description: options.description.clone(),
        must_not_grant: options.must_not_grant.clone(),
    };
    let report = lint(&document.text, &lint_options);
    // The core's positions are in the document; where it is the file, they stand.
    let whole_file = document.is_whole_file(input.text.len());
    let findings = report
        .findings
        .into_iter()
        .map(|mut finding| {
            let mut depends_on = Vec::new();
            if input.format == Format::RosYaml {
                soften_yaml_scalar(&mut finding, &document.text, options.lang);
            }
            if let Some(range) = finding.span {
                let file = document.file_range(range.start.offset..range.end.offset);
                for placeholder in document.placeholders_in(&file) {
                    if !depends_on.contains(&placeholder.expression) {
                        depends_on.push(placeholder.expression.clone());
                    }
                }
                if !whole_file {
                    finding.span = Some(index.get().range(Span::new(file.start, file.end)));
                }
            } else if !plain {
                // A finding about the whole document points at the value that holds it.
                finding.span = Some(
                    index
                        .get()
                        .range(Span::new(document.span.start, document.span.end)),
                );
            }
            if let Some(resource) = Some(&document.resource).filter(|r| !r.is_empty()) {
                if let ramplan_core::Location::Document { document: name, .. } =
                    &mut finding.location
                {
                    *name = Some(resource.clone());
                }
            }
            Located {
                finding,
                depends_on,
            }
        })
        .collect();
    DocumentReport {
        source: input.source.clone(),
        resource: document.resource.clone(),
        attribute: document.attribute.clone(),
        format: input.format,
        kind: report.kind,
        kind_guessed: report.kind_guessed,
        findings,
    }
}

/// A bare YAML number or boolean in a ROS template (`Version: 1`, as Alibaba's own
/// templates write it) reaches the JSON ramplan lints as a number; whether ROS writes it to
/// RAM as the string RAM wants is not confirmed (docs/ci.md, open questions), so RP004 on one
/// is a warning that says so, not an error claiming RAM refuses it.
fn soften_yaml_scalar(finding: &mut Finding, text: &str, lang: Lang) {
    if finding.code != "RP004" || finding.severity != Severity::Error {
        return;
    }
    let Some(range) = finding.span else { return };
    let Some(raw) = text.get(range.start.offset..range.end.offset) else {
        return;
    };
    let scalar = raw == "true" || raw == "false" || raw.parse::<f64>().is_ok_and(f64::is_finite);
    if !scalar {
        return;
    }
    finding.severity = Severity::Warning;
    finding.help = Some(match lang {
        Lang::En => format!("quote it in the template (`'{raw}'`): whether ROS passes a YAML {raw} to RAM as the string RAM requires is not confirmed"),
        Lang::Zh => format!("请在模板中加引号（`'{raw}'`）：ROS 是否会把 YAML 的 {raw} 作为 RAM 要求的字符串传给 RAM 尚未确认"),
    });
}

/// The sentence that says a finding depends on values ramplan cannot know.
pub(crate) fn depends_note(depends_on: &[String], lang: Lang) -> Option<String> {
    if depends_on.is_empty() {
        return None;
    }
    let list = depends_on
        .iter()
        .map(|d| format!("`{d}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Some(match lang {
        Lang::En => format!("depends on {list}, which ramplan cannot know before it is filled in"),
        Lang::Zh => format!("取决于 {list}，其值在填入之前 ramplan 无法得知"),
    })
}

/// The finding as the text and annotation outputs show it: the resource named first, what
/// it depends on in its help.
pub(crate) fn presented(result: &DocumentReport, located: &Located, lang: Lang) -> Finding {
    let mut finding = located.finding.clone();
    if !result.resource.is_empty() {
        finding.message = format!("{}: {}", result.resource, finding.message);
    }
    if let Some(note) = depends_note(&located.depends_on, lang) {
        finding.help = Some(match finding.help {
            Some(help) => format!("{help}; {note}"),
            None => note,
        });
    }
    finding
}

/// The severity a note is shown with: an unreadable file is an error.
pub(crate) fn note_severity(note: &Note) -> Option<Severity> {
    note.unreadable.then_some(Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::parallel_map;

    /// Results come back in the items' order whatever thread finished first (the items take
    /// unequal time), so the output is the same bytes on any number of cores.
    #[test]
    fn parallel_map_keeps_the_input_order() {
        let items: Vec<u64> = (0..200).collect();
        let slow_then_fast = |n: &u64| {
            // Early items do more work, so later ones tend to finish first.
            let spin = (200 - n) * 2_000;
            let mut acc = *n;
            for i in 0..spin {
                acc = acc.wrapping_mul(31).wrapping_add(i);
            }
            (*n, std::hint::black_box(acc) | 1)
        };
        let got = parallel_map(&items, slow_then_fast);
        let order: Vec<u64> = got.iter().map(|(n, _)| *n).collect();
        assert_eq!(order, items);
        let sequential: Vec<(u64, u64)> = items.iter().map(slow_then_fast).collect();
        assert_eq!(got, sequential);
        assert!(parallel_map(&[] as &[u64], slow_then_fast).is_empty());
        assert_eq!(
            parallel_map(&[7u64], slow_then_fast),
            vec![slow_then_fast(&7)]
        );
    }
}

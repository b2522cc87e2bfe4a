//! The page's state: what the person typed and chose. Everything shown is derived from it.

use crate::catalogue::CatalogueState;
use std::rc::Rc;

use ramplan_core::plan::existing::{DocumentKind, ExistingDocument};
use ramplan_core::simulate::{ContextEntry, Request, TrustRequest};
use ramplan_core::{KindChoice, Lang};
use yew::prelude::*;

/// The policies the checker offers to load. Each is small and realistic, and each shows
/// something different: what "no findings" looks like, a trust policy, and every severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Example {
    /// Read one OSS bucket: clean, and what the page opens with.
    OssReadOnly,
    /// The trust policy of the role DataWorks assumes to reach an EMR cluster in another
    /// account, exactly as the `dataworks-emr` scenario writes it (a test keeps them equal).
    DataworksTrust,
    /// Deliberate mistakes: one finding of each severity, and more.
    WithProblems,
}

impl Example {
    pub const ALL: [Example; 3] = [
        Example::OssReadOnly,
        Example::DataworksTrust,
        Example::WithProblems,
    ];

    /// The value of the example's `<option>`.
    pub fn id(self) -> &'static str {
        match self {
            Example::OssReadOnly => "oss-read-only",
            Example::DataworksTrust => "dataworks-trust",
            Example::WithProblems => "with-problems",
        }
    }

    pub fn parse(id: &str) -> Option<Example> {
        Example::ALL.into_iter().find(|example| example.id() == id)
    }

    pub fn text(self) -> &'static str {
        match self {
            Example::OssReadOnly => EXAMPLE_POLICY,
            Example::DataworksTrust => DATAWORKS_TRUST_POLICY,
            Example::WithProblems => POLICY_WITH_PROBLEMS,
        }
    }
}

/// Whether replacing `text` could lose something the person wrote: it is neither blank nor
/// one of the examples as loaded.
pub fn is_own_text(text: &str) -> bool {
    !text.trim().is_empty() && Example::ALL.iter().all(|example| example.text() != text)
}

/// The policy the page opens with: small, realistic, and clean, so the first thing a
/// person sees is what "no findings" looks like before they paste their own.
pub const EXAMPLE_POLICY: &str = r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "oss:GetObject",
        "oss:ListObjects"
      ],
      "Resource": [
        "acs:oss:*:*:example-bucket",
        "acs:oss:*:*:example-bucket/*"
      ]
    }
  ]
}
"#;

const DATAWORKS_TRUST_POLICY: &str = r#"{
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {
        "Service": [
          "1234567890123456@emr.dataworks.aliyuncs.com"
        ]
      }
    }
  ],
  "Version": "1"
}
"#;

const POLICY_WITH_PROBLEMS: &str = r#"{
  "Version": "1",
  "Statement": [
    {
      "Effect": "allow",
      "Action": [
        "oss:GetObject",
        "oss:GetObject",
        "oss:ListObject"
      ],
      "Resource": "acs:oss:*:*:example-bucket"
    },
    {
      "Effect": "Allow",
      "Action": "ram:*",
      "Resource": "*",
      "Condition": {
        "IpAddress": {
          "acs:SourceIp": "192.168.0.0/16"
        }
      }
    }
  ]
}
"#;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The policy text exactly as the text area holds it.
    pub text: Rc<str>,
    pub kind: KindChoice,
    pub lang: Lang,
    /// What the simulator asks about the policy. Kept while the tab lives, never stored.
    pub request: SimRequest,
    /// Whether the generated service catalogue is in: findings that depend on it are
    /// recomputed when it arrives.
    pub catalogue: CatalogueState,
}

impl Page {
    pub fn new(lang: Lang) -> Self {
        Page {
            text: Rc::from(EXAMPLE_POLICY),
            kind: KindChoice::Auto,
            lang,
            request: SimRequest::default(),
            catalogue: CatalogueState::Loading,
        }
    }
}

// simulate and existing

/// One row of the simulator's request context: a key and one of its values. A key on
/// several rows has several values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContextRow {
    pub key: String,
    pub value: String,
}

/// The simulator's request form, exactly as typed: a permission request (action, resource)
/// or a trust request (principal), and the context both may carry. Which one is asked
/// follows the policy's kind; the other fields keep their values for when it changes back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SimRequest {
    pub action: String,
    pub resource: String,
    pub principal: String,
    pub context: Vec<ContextRow>,
}

impl SimRequest {
    /// Nothing asked yet about a permission policy: no answer, and no error either.
    pub fn is_blank_permission(&self) -> bool {
        self.action.trim().is_empty() && self.resource.trim().is_empty()
    }

    pub fn is_blank_trust(&self) -> bool {
        self.principal.trim().is_empty()
    }

    /// The request for `simulate`. Rows left wholly blank are not part of it (an added row
    /// is not yet an empty key); surrounding spaces, easily pasted, are dropped from names.
    pub fn permission(&self) -> Request {
        Request {
            action: self.action.trim().to_owned(),
            resource: self.resource.trim().to_owned(),
            context: self.context_entries(),
            principal: String::new(),
        }
    }

    pub fn trust(&self) -> TrustRequest {
        TrustRequest {
            principal: self.principal.trim().to_owned(),
            context: self.context_entries(),
        }
    }

    fn context_entries(&self) -> Vec<ContextEntry> {
        self.context
            .iter()
            .filter(|row| !(row.key.trim().is_empty() && row.value.is_empty()))
            .map(|row| ContextEntry {
                key: row.key.trim().to_owned(),
                value: row.value.clone(),
            })
            .collect()
    }
}

/// One edit to the simulator's request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimEdit {
    Action(String),
    Resource(String),
    Principal(String),
    ContextKey(usize, String),
    ContextValue(usize, String),
    AddContext,
    RemoveContext(usize),
}

impl SimRequest {
    fn edit(&mut self, edit: SimEdit) {
        match edit {
            SimEdit::Action(text) => self.action = text,
            SimEdit::Resource(text) => self.resource = text,
            SimEdit::Principal(text) => self.principal = text,
            SimEdit::ContextKey(row, text) => {
                if let Some(row) = self.context.get_mut(row) {
                    row.key = text;
                }
            }
            SimEdit::ContextValue(row, text) => {
                if let Some(row) = self.context.get_mut(row) {
                    row.value = text;
                }
            }
            SimEdit::AddContext => self.context.push(ContextRow::default()),
            SimEdit::RemoveContext(row) => {
                if row < self.context.len() {
                    self.context.remove(row);
                }
            }
        }
    }
}

/// Which of a scenario's documents a pasted text stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentSlot {
    Trust,
    Permission,
}

impl DocumentSlot {
    pub const ALL: [DocumentSlot; 2] = [DocumentSlot::Trust, DocumentSlot::Permission];

    /// The slot a document of this kind is pasted in.
    pub fn of(kind: ramplan_core::plan::DocumentKind) -> DocumentSlot {
        match kind {
            ramplan_core::plan::DocumentKind::Trust => DocumentSlot::Trust,
            ramplan_core::plan::DocumentKind::Permission => DocumentSlot::Permission,
        }
    }

    /// The name findings call the document by: the file the plan writes for it.
    pub fn file_name(self) -> &'static str {
        match self {
            DocumentSlot::Trust => "trust-policy.json",
            DocumentSlot::Permission => "permission-policy.json",
        }
    }

    /// The part of element ids that names the slot.
    pub fn id(self) -> &'static str {
        match self {
            DocumentSlot::Trust => "trust",
            DocumentSlot::Permission => "permission",
        }
    }
}

/// One pasted document: its text, and its kind when the person set it (else guessed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pasted {
    pub text: String,
    pub kind: Option<DocumentKind>,
}

/// The policies a role has today, pasted to compare with a scenario (`#/scenario/<id>`, in
/// the "check an existing setup" view). Lives in the page only: never stored, never linked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExistingSetup {
    pub trust: Pasted,
    pub permission: Pasted,
}

impl ExistingSetup {
    pub fn get(&self, slot: DocumentSlot) -> &Pasted {
        match slot {
            DocumentSlot::Trust => &self.trust,
            DocumentSlot::Permission => &self.permission,
        }
    }

    fn get_mut(&mut self, slot: DocumentSlot) -> &mut Pasted {
        match slot {
            DocumentSlot::Trust => &mut self.trust,
            DocumentSlot::Permission => &mut self.permission,
        }
    }

    /// The documents for `check_existing`, in slot order, with the slot each came from:
    /// those of `slots` that hold more than blanks.
    pub fn documents(&self, slots: &[DocumentSlot]) -> Vec<(DocumentSlot, ExistingDocument)> {
        slots
            .iter()
            .map(|&slot| (slot, self.get(slot)))
            .filter(|(_, pasted)| !pasted.text.trim().is_empty())
            .map(|(slot, pasted)| {
                (
                    slot,
                    ExistingDocument {
                        name: slot.file_name().to_owned(),
                        text: pasted.text.clone(),
                        kind: pasted.kind,
                    },
                )
            })
            .collect()
    }
}

/// One action per user intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExistingAction {
    Paste(DocumentSlot, String),
    ChooseKind(DocumentSlot, Option<DocumentKind>),
}

impl Reducible for ExistingSetup {
    type Action = ExistingAction;

    fn reduce(self: Rc<Self>, action: ExistingAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ExistingAction::Paste(slot, text) => next.get_mut(slot).text = text,
            ExistingAction::ChooseKind(slot, kind) => next.get_mut(slot).kind = kind,
        }
        if next == *self {
            return self;
        }
        Rc::new(next)
    }
}

pub type ExistingHandle = UseReducerHandle<ExistingSetup>;

// end simulate and existing

/// One action per user intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageAction {
    Edit(String),
    ChooseKind(KindChoice),
    ChooseLang(Lang),
    EditRequest(SimEdit),
    CatalogueLoaded(CatalogueState),
}

impl Reducible for Page {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PageAction::Edit(text) => {
                if *self.text == *text {
                    return self;
                }
                next.text = Rc::from(text);
            }
            PageAction::ChooseKind(kind) => {
                if self.kind == kind {
                    return self;
                }
                next.kind = kind;
            }
            PageAction::CatalogueLoaded(state) => {
                next.catalogue = state;
            }
            PageAction::ChooseLang(lang) => {
                if self.lang == lang {
                    return self;
                }
                next.lang = lang;
            }
            PageAction::EditRequest(edit) => {
                next.request.edit(edit);
                if next.request == self.request {
                    return self;
                }
            }
        }
        Rc::new(next)
    }
}

/// What components read from context: the state and the way to change it.
pub type PageHandle = UseReducerHandle<Page>;

/// The page's language alone, as a context of its own. Every change of the page (each
/// keystroke) re-renders everything that reads [`PageHandle`]; a component that needs only
/// the language reads this instead and is re-rendered only when its own props change.
#[derive(Clone, Copy, PartialEq)]
pub struct PageLang(pub Lang);

#[cfg(test)]
mod tests {
    use super::*;
    use ramplan_core::{lint, LintOptions, Severity};

    #[test]
    fn actions_change_only_their_own_field() {
        let page = Rc::new(Page::new(Lang::En));
        let edited = page.clone().reduce(PageAction::Edit("{}".to_owned()));
        assert_eq!(&*edited.text, "{}");
        assert_eq!(edited.kind, KindChoice::Auto);
        let trust = edited.reduce(PageAction::ChooseKind(KindChoice::Trust));
        assert_eq!(trust.kind, KindChoice::Trust);
        let zh = trust.reduce(PageAction::ChooseLang(Lang::Zh));
        assert_eq!(zh.lang, Lang::Zh);
        assert_eq!(&*zh.text, "{}");
    }

    #[test]
    fn the_request_is_edited_row_by_row_and_blank_rows_are_not_asked() {
        let page = Rc::new(Page::new(Lang::En));
        let page = [
            SimEdit::Action(" oss:GetObject ".to_owned()),
            SimEdit::Resource("acs:oss:*:*:b/k".to_owned()),
            SimEdit::AddContext,
            SimEdit::AddContext,
            SimEdit::AddContext,
            SimEdit::ContextKey(0, "acs:SourceIp".to_owned()),
            SimEdit::ContextValue(0, "10.0.0.1".to_owned()),
            SimEdit::ContextKey(2, "acs:SourceIp".to_owned()),
            SimEdit::ContextValue(2, "10.0.0.2".to_owned()),
            SimEdit::RemoveContext(9),
        ]
        .into_iter()
        .fold(page, |page, edit| {
            page.reduce(PageAction::EditRequest(edit))
        });
        let request = page.request.permission();
        assert_eq!(request.action, "oss:GetObject");
        assert_eq!(request.context.len(), 2, "the blank middle row is left out");
        assert_eq!(request.context[1].value, "10.0.0.2");
        let page = page.reduce(PageAction::EditRequest(SimEdit::RemoveContext(1)));
        assert_eq!(page.request.context.len(), 2);
        assert_eq!(page.request.context[1].value, "10.0.0.2");
        assert!(!page.request.is_blank_permission());
        assert!(page.request.is_blank_trust());
        let same = page
            .clone()
            .reduce(PageAction::EditRequest(SimEdit::RemoveContext(5)));
        assert!(Rc::ptr_eq(&page, &same));
    }

    #[test]
    fn pasted_documents_are_passed_on_only_when_not_blank() {
        let setup = Rc::new(ExistingSetup::default());
        let setup = setup
            .reduce(ExistingAction::Paste(DocumentSlot::Trust, "{}".to_owned()))
            .reduce(ExistingAction::Paste(
                DocumentSlot::Permission,
                "  \n".to_owned(),
            ))
            .reduce(ExistingAction::ChooseKind(
                DocumentSlot::Trust,
                Some(DocumentKind::Permission),
            ));
        let documents = setup.documents(&DocumentSlot::ALL);
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].0, DocumentSlot::Trust);
        assert_eq!(documents[0].1.name, "trust-policy.json");
        assert_eq!(documents[0].1.kind, Some(DocumentKind::Permission));
        assert!(setup.documents(&[DocumentSlot::Permission]).is_empty());
        let same = setup
            .clone()
            .reduce(ExistingAction::Paste(DocumentSlot::Trust, "{}".to_owned()));
        assert!(Rc::ptr_eq(&setup, &same));
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let page = Rc::new(Page::new(Lang::En));
        let same = page
            .clone()
            .reduce(PageAction::Edit(EXAMPLE_POLICY.to_owned()));
        assert!(Rc::ptr_eq(&page, &same));
    }

    #[test]
    fn the_example_policy_lints_clean() {
        let report = lint(EXAMPLE_POLICY, &LintOptions::default());
        assert!(report.findings.is_empty(), "{:#?}", report.findings);
    }

    #[test]
    fn the_dataworks_example_is_the_trust_policy_its_scenario_writes() {
        let input = r#"{"dataworks_account_uid": "1234567890123456", "resource_account_uid": "6543210987654321", "region": "cn-hangzhou", "emr_cluster_id": "C-A510C0FD3FCC1234", "emr_version": "V3.38.3"}"#;
        let plan = ramplan_core::plan::plan("dataworks-emr", input, Lang::En).unwrap();
        let trust = plan.artifact("trust-policy").unwrap();
        assert_eq!(trust.content, DATAWORKS_TRUST_POLICY);
        let report = lint(DATAWORKS_TRUST_POLICY, &LintOptions::default());
        assert_eq!(report.kind, ramplan_core::PolicyKind::Trust);
        assert!(report.findings.is_empty(), "{:#?}", report.findings);
    }

    #[test]
    fn the_example_with_problems_shows_every_severity() {
        let report = lint(POLICY_WITH_PROBLEMS, &LintOptions::default());
        for severity in [
            Severity::Error,
            Severity::Security,
            Severity::Warning,
            Severity::Suggestion,
        ] {
            assert!(
                report.count(severity) > 0,
                "{severity:?}: {:#?}",
                report.findings
            );
        }
    }

    #[test]
    fn examples_are_already_formatted_and_found_by_id() {
        for example in Example::ALL {
            assert_eq!(Example::parse(example.id()), Some(example));
            assert_eq!(
                ramplan_core::format::format(example.text(), Lang::En).as_deref(),
                Ok(example.text())
            );
        }
        assert_eq!(Example::parse("nope"), None);
    }

    #[test]
    fn only_text_the_person_wrote_needs_a_confirmation_to_replace() {
        assert!(!is_own_text(""));
        assert!(!is_own_text(" \n"));
        assert!(!is_own_text(EXAMPLE_POLICY));
        assert!(!is_own_text(Example::WithProblems.text()));
        assert!(is_own_text("{}"));
        assert!(is_own_text(
            &EXAMPLE_POLICY.replace("example-bucket", "logs")
        ));
    }
}

//! The page's state: what the person typed and chose. Everything shown is derived from it.

use std::rc::Rc;

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
}

impl Page {
    pub fn new(lang: Lang) -> Self {
        Page {
            text: Rc::from(EXAMPLE_POLICY),
            kind: KindChoice::Auto,
            lang,
        }
    }
}

/// One action per user intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageAction {
    Edit(String),
    ChooseKind(KindChoice),
    ChooseLang(Lang),
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
            PageAction::ChooseLang(lang) => {
                if self.lang == lang {
                    return self;
                }
                next.lang = lang;
            }
        }
        Rc::new(next)
    }
}

/// What components read from context: the state and the way to change it.
pub type PageHandle = UseReducerHandle<Page>;

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

//! The page's state: what the person typed and chose. Everything shown is derived from it.

use std::rc::Rc;

use ramplan_core::{KindChoice, Lang};
use yew::prelude::*;

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
    use ramplan_core::{lint, LintOptions};

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
}

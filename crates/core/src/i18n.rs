//! The one language layer: text in the language asked for, and the phrases that recur across
//! the linter, the plans, the simulator and the page, each with its one translation.
//!
//! Everything ramplan says is written in English and Chinese side by side, at the place that
//! says it: `tr!(lang, format!("..."), format!("..."))`. Only the language asked for is
//! formatted. What recurs (the word for "help", a kind of policy, "decision", a RAM console
//! path) is a [`Phrase`], so it reads the same everywhere; `tests::glossary` holds every
//! shared term to its one translation across the sources.

use crate::finding::Lang;

/// Text in the language asked for, as a `String`. Only that language's expression is
/// evaluated, so a message is formatted once, not once per language.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            $crate::Lang::En => ::std::string::String::from($en),
            $crate::Lang::Zh => ::std::string::String::from($zh),
        }
    };
}

/// A word or phrase that several places say, with its one translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// The label before a help text.
    Help,
    /// The label before a suggested spelling.
    DidYouMean,
    /// What the simulator concluded.
    Decision,
    PermissionPolicy,
    TrustPolicy,
    BucketPolicy,
    /// The RAM console's list of roles.
    RamRoles,
    /// The RAM console's list of custom policies.
    RamPolicies,
}

impl Phrase {
    pub const ALL: [Phrase; 8] = [
        Phrase::Help,
        Phrase::DidYouMean,
        Phrase::Decision,
        Phrase::PermissionPolicy,
        Phrase::TrustPolicy,
        Phrase::BucketPolicy,
        Phrase::RamRoles,
        Phrase::RamPolicies,
    ];

    /// The phrase in English and in Chinese.
    pub const fn texts(self) -> (&'static str, &'static str) {
        match self {
            Phrase::Help => ("help", "帮助"),
            Phrase::DidYouMean => ("did you mean", "是否想写"),
            Phrase::Decision => ("decision", "判定"),
            Phrase::PermissionPolicy => ("permission policy", "权限策略"),
            Phrase::TrustPolicy => ("trust policy", "信任策略"),
            Phrase::BucketPolicy => ("bucket policy", "Bucket Policy"),
            Phrase::RamRoles => (
                "RAM console > Identities > Roles",
                "RAM 控制台 > 身份管理 > 角色",
            ),
            Phrase::RamPolicies => (
                "RAM console > Permissions > Policies",
                "RAM 控制台 > 权限管理 > 权限策略",
            ),
        }
    }

    pub const fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = self.texts();
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// "did you mean `x`?" / "是否想写 `x`？".
pub fn did_you_mean(suggestion: &str, lang: Lang) -> String {
    tr!(
        lang,
        format!("{} `{suggestion}`?", Phrase::DidYouMean.text(lang)),
        format!("{} `{suggestion}`？", Phrase::DidYouMean.text(lang)),
    )
}

/// How the pages name a statement, or a place in one, by its pointer: `/Statement/0` is
/// "Statement 1" / "语句 1", a lone statement object (`/Statement`) is "Statement", and
/// `/Statement/0/Principal/Service/1` is "Statement 1 › Principal › Service 2". `None` for
/// a pointer outside the statements.
pub fn statement_label(pointer: &str, lang: Lang) -> Option<String> {
    let mut label = tr!(lang, "Statement", "语句");
    let rest = pointer.strip_prefix("/Statement")?;
    if rest.is_empty() {
        return Some(label);
    }
    let mut segments = rest.strip_prefix('/')?.split('/');
    if let Some(first) = segments.next() {
        match first.parse::<usize>() {
            Ok(index) => label = format!("{label} {}", index.saturating_add(1)),
            Err(_) => label = format!("{label} › {}", unescape(first)),
        }
    }
    for segment in segments {
        match segment.parse::<usize>() {
            Ok(index) => label = format!("{label} {}", index.saturating_add(1)),
            Err(_) => label = format!("{label} › {}", unescape(segment)),
        }
    }
    Some(label)
}

/// A JSON pointer segment as written in the document (`~1` is `/`, `~0` is `~`).
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// ": " / "：", after a label.
pub const fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_counted_from_one() {
        assert_eq!(
            statement_label("/Statement/0", Lang::En).as_deref(),
            Some("Statement 1")
        );
        assert_eq!(
            statement_label("/Statement/11", Lang::Zh).as_deref(),
            Some("语句 12")
        );
        assert_eq!(
            statement_label("/Statement", Lang::En).as_deref(),
            Some("Statement")
        );
        assert_eq!(
            statement_label("/Statement/0/Principal/Service/1", Lang::En).as_deref(),
            Some("Statement 1 › Principal › Service 2")
        );
        assert_eq!(statement_label("/Version", Lang::En), None);
    }

    #[test]
    fn only_the_language_asked_for_is_formatted() {
        let mut formatted = Vec::new();
        let mut say = |text: &'static str| {
            formatted.push(text);
            text.to_owned()
        };
        assert_eq!(tr!(Lang::Zh, say("en"), say("zh")), "zh");
        assert_eq!(formatted, ["zh"]);
    }

    #[test]
    fn phrases_read_the_same_in_every_sentence() {
        assert_eq!(did_you_mean("Effect", Lang::En), "did you mean `Effect`?");
        assert_eq!(did_you_mean("Effect", Lang::Zh), "是否想写 `Effect`？");
        for phrase in Phrase::ALL {
            let (en, zh) = phrase.texts();
            assert!(!en.is_empty() && !zh.is_empty(), "{phrase:?}");
        }
    }
}

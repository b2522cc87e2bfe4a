//! Recognises text that looks like an Alibaba Cloud credential. ramplan never asks for one;
//! when one turns up in a policy or a form field it is refused and never echoed back.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialKind {
    /// A long-term AccessKey ID (`LTAI...`).
    AccessKeyId,
    /// A temporary AccessKey ID issued by STS (`STS....`).
    StsAccessKeyId,
    /// An STS security token (base64 that starts `CAIS`).
    SecurityToken,
    /// A 30-character mixed-case alphanumeric string: the shape of an AccessKey secret.
    AccessKeySecret,
}

impl CredentialKind {
    pub fn describe_en(self) -> &'static str {
        match self {
            CredentialKind::AccessKeyId => "an AccessKey ID",
            CredentialKind::StsAccessKeyId => "an STS AccessKey ID",
            CredentialKind::SecurityToken => "an STS security token",
            CredentialKind::AccessKeySecret => "an AccessKey secret",
        }
    }

    pub fn describe_zh(self) -> &'static str {
        match self {
            CredentialKind::AccessKeyId => "AccessKey ID",
            CredentialKind::StsAccessKeyId => "STS AccessKey ID",
            CredentialKind::SecurityToken => "STS 安全令牌（SecurityToken）",
            CredentialKind::AccessKeySecret => "AccessKey Secret",
        }
    }
}

/// Where a credential-looking token was found, as a byte range of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CredentialMatch {
    pub kind: CredentialKind,
    pub start: usize,
    pub end: usize,
}

/// Finds the first credential-looking token in the text.
pub fn find_credential(text: &str) -> Option<CredentialMatch> {
    // Nothing shorter than an AccessKey ID (`LTAI` and 12 more) is a credential, nor anything
    // with fewer than three capitals (every kind [`classify`] knows has them), nor any piece
    // of such a token: most words are skipped as they are scanned.
    first_credential(candidates(text))
}

/// The first of these tokens (with their offsets) that is a credential, whole or in part.
fn first_credential<'t>(tokens: impl Iterator<Item = (usize, &'t str)>) -> Option<CredentialMatch> {
    tokens.into_iter().find_map(|(start, token)| {
        let found = |(offset, part): (usize, &str)| {
            classify(part).map(|kind| CredentialMatch {
                kind,
                start: start + offset,
                end: start + offset + part.len(),
            })
        };
        // A security token is base64, so `+`, `/` and `=` belong to it; an AccessKey ID
        // can still sit right before one of them, as in `acs:oss:*:*:LTAI.../*`.
        found((0, token)).or_else(|| pieces(token).find_map(found))
    })
}

/// The fewest capital letters of anything [`classify`] recognises: `STS.`, `LTAI` and `CAIS`
/// begin with three or four, and a secret needs three.
const FEWEST_CAPITALS: usize = 3;

/// The length of the shortest credential [`classify`] recognises (an AccessKey ID).
const SHORTEST: usize = 16;

/// How Alibaba Cloud credentials begin: an AccessKey ID, an STS AccessKey ID, a security
/// token. A 30-character AccessKey secret has no such beginning.
const CREDENTIAL_STARTS: [&str; 3] = ["LTAI", "STS.", "CAIS"];

/// Whether some word of the text begins the way a credential does, however short it is yet.
/// [`find_credential`] only recognises a whole credential, and a person typing one writes
/// each of its beginnings first: what is kept as they type (a draft) asks this instead.
pub fn starts_a_credential(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .any(|word| {
            CREDENTIAL_STARTS
                .iter()
                .any(|start| word.starts_with(start))
        })
}

/// The parts of a token between `+`, `/` and `=`, with their offsets in the token.
fn pieces(token: &str) -> impl Iterator<Item = (usize, &str)> {
    token
        .split(['+', '/', '='])
        .scan(0, |offset, piece| {
            let at = *offset;
            *offset += piece.len() + 1;
            Some((at, piece))
        })
        .filter(|(_, piece)| !piece.is_empty())
}

/// Whether each byte can be part of a token (ASCII letters and digits, `+`, `/`, `=`, `.`):
/// one load per byte in the scan (measured: fewer instructions than comparing ranges or testing
/// bits of a `u128`).
// The index is the loop's counter, below the table's length.
#[allow(clippy::indexing_slicing)]
static TOKEN_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'=' | b'.');
        b += 1;
    }
    table
};

fn is_token_byte(b: u8) -> bool {
    TOKEN_BYTE.get(usize::from(b)).copied().unwrap_or(false)
}

/// The runs of characters that can appear in keys, IDs and tokens that are long enough and
/// have enough capitals to hold a credential, with their offsets: what [`tokens`] gives,
/// less what [`classify`] refuses whole and piece by piece.
fn candidates(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        let rest = bytes.get(pos..)?;
        let start = pos + rest.iter().position(|&b| is_token_byte(b))?;
        let run = bytes.get(start..).unwrap_or_default();
        let len = run
            .iter()
            .position(|&b| !is_token_byte(b))
            .unwrap_or(run.len());
        pos = start + len;
        if len >= SHORTEST {
            let token = run.get(..len).unwrap_or_default();
            if token.iter().filter(|b| b.is_ascii_uppercase()).count() >= FEWEST_CAPITALS {
                // Token bytes are ASCII, so both ends are char boundaries.
                return text.get(start..pos).map(|token| (start, token));
            }
        }
    })
}

/// Splits the text into runs of characters that can appear in keys, IDs and tokens.
#[cfg(test)]
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() && !bytes.get(pos).is_some_and(|&b| is_token_byte(b)) {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        while bytes.get(pos).is_some_and(|&b| is_token_byte(b)) {
            pos += 1;
        }
        // Token bytes are ASCII, so both ends are char boundaries.
        text.get(start..pos).map(|token| (start, token))
    })
}

fn classify(token: &str) -> Option<CredentialKind> {
    // Trailing dots are sentence punctuation, not part of the token.
    let token = token.trim_end_matches('.');
    let alnum = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
    if let Some(rest) = token.strip_prefix("LTAI") {
        if (12..=30).contains(&rest.len()) && alnum(rest) {
            return Some(CredentialKind::AccessKeyId);
        }
    }
    if let Some(rest) = token.strip_prefix("STS.") {
        if rest.len() >= 16 && alnum(rest) {
            return Some(CredentialKind::StsAccessKeyId);
        }
    }
    if token.starts_with("CAIS") && token.len() >= 100 {
        return Some(CredentialKind::SecurityToken);
    }
    if token.len() == 30 && alnum(token) {
        let upper = token.bytes().filter(u8::is_ascii_uppercase).count();
        let lower = token.bytes().filter(u8::is_ascii_lowercase).count();
        let digits = token.bytes().filter(u8::is_ascii_digit).count();
        // Random 30-character secrets mix all three classes; identifiers and words rarely do.
        if upper >= 3 && lower >= 3 && digits >= 2 {
            return Some(CredentialKind::AccessKeySecret);
        }
    }
    None
}

/// Masks every credential-like token in the text, keeping its width in characters so that
/// carets under a masked source line still line up.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(found) = find_credential(rest) {
        out.push_str(rest.get(..found.start).unwrap_or_default());
        let token = rest.get(found.start..found.end).unwrap_or_default();
        let masked = mask(token);
        let hidden = token.chars().count().saturating_sub(masked.chars().count());
        out.push_str(&masked);
        out.push_str(&"*".repeat(hidden));
        rest = rest.get(found.end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Masks a credential for display: the first four characters, then asterisks.
pub fn mask(token: &str) -> String {
    let head: String = token.chars().take(4).collect();
    format!("{head}****")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`find_credential`] did before the scan skipped tokens: every token, then its
    /// pieces, through [`classify`].
    fn find_credential_by_every_token(text: &str) -> Option<CredentialMatch> {
        first_credential(tokens(text))
    }

    /// Skipping short tokens and tokens with few capitals changes no answer: the scan agrees
    /// with classifying every token on texts built from credentials, near misses and noise.
    #[test]
    fn skipping_tokens_changes_no_answer() {
        let pieces = [
            "LTAI5tAbCdEfGhIjKlMnOp",
            "LTAI5tabcdefghijklmnop",
            "LTAI5tAb",
            "STS.NUabcdefGHIJKLmnop12",
            "STS.nuabcdefghijklmnop12",
            "Ab3dEf6hIj9kLmNoPqRsTuVwXyZ012",
            "ab3def6hij9klmnopqrsTuVwxyz012",
            "AB3DEF6HIJ9KLMNOPQRSTUVWXYZ012",
            "CAIS",
            "CAISabcdefghijklmnopqrstuvwxyz0123456789",
            "+",
            "/",
            "=",
            ".",
            "..",
            ":",
            " ",
            "\"",
            "*",
            "é",
            "中",
            "oss:GetObject",
            "acs:oss:*:*:",
            "AbC",
            "0123456789",
        ];
        let mut rng = crate::test_rng::Lcg(0x5eed_7e57);
        let mut found = 0;
        for _ in 0..20_000 {
            let count = 1 + rng.below(8);
            let text: String = (0..count).map(|_| rng.pick(&pieces)).collect();
            let expected = find_credential_by_every_token(&text);
            assert_eq!(find_credential(&text), expected, "{text}");
            found += usize::from(expected.is_some());
        }
        let token = "CAIS".to_owned() + &"Ab1+/=".repeat(20);
        assert_eq!(
            find_credential(&token),
            find_credential_by_every_token(&token)
        );
        assert!(find_credential(&token).is_some());
        assert!(found > 2000, "{found}");
    }

    /// The length filter in `find_credential` rests on this: nothing shorter is classified.
    #[test]
    fn nothing_shorter_than_the_shortest_is_a_credential() {
        assert!(classify("LTAI5tQw3E7xYz9A").is_some());
        assert_eq!("LTAI5tQw3E7xYz9A".len(), SHORTEST);
        for len in 0..SHORTEST {
            for fill in ["a", "A1b2C3", "9"] {
                let body: String = fill.chars().cycle().take(len.saturating_sub(4)).collect();
                for start in ["LTAI", "STS.", "CAIS", ""] {
                    let token = format!("{start}{body}");
                    let token = token.get(..len.min(token.len())).unwrap_or_default();
                    assert_eq!(classify(token), None, "{token}");
                }
            }
        }
    }

    #[test]
    fn the_start_of_a_credential_is_recognised_as_it_is_typed() {
        for text in [
            r#"{"name":"LTAI"}"#,
            r#"{"name":"LTAI5tQw3E"}"#,
            r#"{"bucket":"acs:oss:*:*:LTAI5t/*"}"#,
            r#"{"token":"CAIS1234+abc"}"#,
            r#"{"id":"STS.NU"}"#,
        ] {
            assert!(starts_a_credential(text), "{text}");
        }
        for text in [
            r#"{"name":"LTA"}"#,
            r#"{"role_name":"dw-reader","region":"cn-shanghai"}"#,
            r#"{"name":"myLTAI"}"#,
            r#"{"version":"V3.32.0"}"#,
        ] {
            assert!(!starts_a_credential(text), "{text}");
        }
    }

    #[test]
    fn finds_access_key_ids() {
        let text = "key LTAI5tAbCdEfGhIjKlMnOp here";
        let found = find_credential(text).unwrap();
        assert_eq!(found.kind, CredentialKind::AccessKeyId);
        assert_eq!(&text[found.start..found.end], "LTAI5tAbCdEfGhIjKlMnOp");
    }

    #[test]
    fn finds_sts_ids_tokens_and_secrets() {
        assert_eq!(
            find_credential("STS.NUgYrLnoC37mZZCNnAbCdEfGh")
                .unwrap()
                .kind,
            CredentialKind::StsAccessKeyId
        );
        let token = format!("CAIS{}", "A1b2".repeat(40));
        assert_eq!(
            find_credential(&token).unwrap().kind,
            CredentialKind::SecurityToken
        );
        assert_eq!(
            find_credential("\"Q7xk2LmPz9RtY4vBn3HcWj8Ds5FgAe\"")
                .unwrap()
                .kind,
            CredentialKind::AccessKeySecret
        );
    }

    #[test]
    fn ignores_policy_vocabulary() {
        for text in [
            "acs:oss:*:*:examplebucket/*",
            "AliyunDataWorksAccessingEMRReadOnlyPolicy",
            "1234567890123456@emr.dataworks.aliyuncs.com",
            "oss:GetObject",
            "LTAI",
            "STS.short",
            "AliyunECSInstanceForEMRStudioRolePolicy",
        ] {
            assert_eq!(find_credential(text), None, "{text}");
        }
    }

    #[test]
    fn finds_an_id_glued_to_a_path() {
        let text = "acs:oss:*:*:LTAI5tAbCdEfGhIjKlMnOp/*";
        let found = find_credential(text).unwrap();
        assert_eq!(found.kind, CredentialKind::AccessKeyId);
        assert_eq!(&text[found.start..found.end], "LTAI5tAbCdEfGhIjKlMnOp");
        let text = "bucket/Q7xk2LmPz9RtY4vBn3HcWj8Ds5FgAe=";
        let found = find_credential(text).unwrap();
        assert_eq!(
            &text[found.start..found.end],
            "Q7xk2LmPz9RtY4vBn3HcWj8Ds5FgAe"
        );
    }

    #[test]
    fn redacts_every_credential_and_keeps_the_width() {
        let text = "a LTAI5tAbCdEfGhIjKlMnOp b acs:oss:*:*:LTAI5tAbCdEfGhIjKlMnOq/*";
        let redacted = redact(text);
        assert_eq!(redacted.chars().count(), text.chars().count());
        assert!(!redacted.contains("5tAb"), "{redacted}");
        assert_eq!(find_credential(&redacted), None);
    }

    #[test]
    fn masks_all_but_the_head() {
        assert_eq!(mask("LTAI5tAbCdEfGhIjKlMnOp"), "LTAI****");
    }
}

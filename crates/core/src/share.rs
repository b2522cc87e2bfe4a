//! Form state in a URL fragment, for "copy link". The fragment never reaches a server, and
//! what goes into it is the plan's normalised inputs, from which the input reader has already
//! dropped anything that looks like a credential; encoding checks again anyway.
//!
//! Format: `v1.` followed by the compact JSON of the inputs in unpadded base64url.

use crate::plan::Inputs;
use crate::secrets;

/// Links longer than this are refused when decoding: real inputs are a few hundred bytes.
pub const MAX_FRAGMENT: usize = 16 * 1024;

const PREFIX: &str = "v1.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// A value looks like a credential; nothing is encoded.
    Credential,
    TooLong,
    UnknownVersion,
    NotBase64,
    NotText,
}

/// Encodes normalised inputs for a link.
pub fn encode(inputs: &Inputs) -> Result<String, ShareError> {
    let json = serde_json::to_string(inputs).map_err(|_| ShareError::NotText)?;
    encode_text(&json)
}

/// Encodes an input document's text for a link.
pub fn encode_text(json: &str) -> Result<String, ShareError> {
    if secrets::find_credential(json).is_some() {
        return Err(ShareError::Credential);
    }
    let encoded = format!("{PREFIX}{}", base64url(json.as_bytes()));
    if encoded.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong);
    }
    Ok(encoded)
}

/// Decodes a link's payload back to the input document's text, for `plan::plan`, which
/// validates every field again.
pub fn decode(fragment: &str) -> Result<String, ShareError> {
    if fragment.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong);
    }
    let payload = fragment
        .strip_prefix(PREFIX)
        .ok_or(ShareError::UnknownVersion)?;
    let bytes = unbase64url(payload).ok_or(ShareError::NotBase64)?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotText)?;
    if secrets::find_credential(&text).is_some() {
        return Err(ShareError::Credential);
    }
    Ok(text)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let symbols = chunk.len() + 1;
        for i in 0..symbols {
            let index = (n >> (18 - 6 * i)) & 63;
            if let Some(&c) = ALPHABET.get(index as usize) {
                out.push(char::from(c));
            }
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        ALPHABET
            .iter()
            .position(|&a| a == c)
            .and_then(|p| u32::try_from(p).ok())
    };
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let produced = chunk.len() - 1;
        for i in 0..produced {
            out.push(((n >> (16 - 8 * i)) & 0xff) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text() {
        for text in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "{\"role_name\":\"EMRRole\"}",
            "中文 😀",
        ] {
            let encoded = encode_text(text).unwrap();
            assert!(encoded.starts_with("v1."));
            assert!(encoded
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_')));
            assert_eq!(decode(&encoded).unwrap(), text, "{text}");
        }
        assert_eq!(base64url(b"hello"), "aGVsbG8");
    }

    #[test]
    fn refuses_credentials_both_ways() {
        assert_eq!(
            encode_text("{\"x\":\"LTAI5tAbCdEfGhIjKlMnOp\"}"),
            Err(ShareError::Credential)
        );
        let smuggled = format!("v1.{}", base64url(b"{\"x\":\"LTAI5tAbCdEfGhIjKlMnOp\"}"));
        assert_eq!(decode(&smuggled), Err(ShareError::Credential));
    }

    #[test]
    fn rejects_damaged_links() {
        assert_eq!(decode("v2.abc"), Err(ShareError::UnknownVersion));
        assert_eq!(decode("v1.a"), Err(ShareError::NotBase64));
        assert_eq!(decode("v1.a*cd"), Err(ShareError::NotBase64));
        assert_eq!(decode("v1.__8"), Err(ShareError::NotText));
        assert_eq!(decode(&"v1.".repeat(10_000)), Err(ShareError::TooLong));
    }

    #[test]
    fn encodes_normalised_inputs() {
        let plan = crate::plan::plan(
            "emr-ecs-role",
            r#"{"emr_version": "3.38.3", "oss_buckets": [{"bucket": "examplebucket"}]}"#,
            crate::Lang::En,
        )
        .unwrap();
        let text = decode(&encode(&plan.inputs).unwrap()).unwrap();
        let again = crate::plan::plan("emr-ecs-role", &text, crate::Lang::En).unwrap();
        assert_eq!(again.inputs, plan.inputs);
        assert_eq!(again.artifacts, plan.artifacts);
    }
}

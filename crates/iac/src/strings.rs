//! Policies stored as string values: `"{\"Version\":\"1\",...}"` in a `.tf` file, the
//! `PolicyDocument` string of `aliyun ram GetPolicyVersion`. Decoding keeps, for every byte
//! of the decoded text, the bytes of the file it came from, so a finding inside the policy
//! points into the escaped string the user has.

use crate::map::OffsetMap;

/// Which escapes the string uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavour {
    /// RFC 8259: `\" \\ \/ \b \f \n \r \t \uXXXX` (with surrogate pairs).
    Json,
    /// HCL quoted strings: `\" \\ \n \r \t \uNNNN \UNNNNNNNN`, and `$${` / `%%{` for a
    /// literal `${` / `%{`.
    Hcl,
}

/// Decodes the body of a quoted string (`raw`, without its quotes) found at `file_start`.
/// Escapes that do not decode are kept as written, so a broken escape is the core's to report.
pub(crate) fn decode(raw: &str, file_start: usize, flavour: Flavour) -> (String, OffsetMap) {
    let mut text = String::with_capacity(raw.len());
    let mut map = OffsetMap::default();
    let mut rest = raw.char_indices().peekable();
    while let Some((at, c)) = rest.next() {
        let from = file_start + at;
        let (decoded, used) = match c {
            '\\' => escape_at(raw, at, flavour),
            '$' | '%'
                if flavour == Flavour::Hcl
                    && raw.get(at + 1..at + 3) == Some(&format!("{c}{{")[..]) =>
            {
                (Some(c), 2)
            }
            _ => (Some(c), c.len_utf8()),
        };
        let (decoded, used) = match decoded {
            Some(d) => (d, used),
            None => (c, c.len_utf8()),
        };
        let mut buf = [0u8; 4];
        let piece = decoded.encode_utf8(&mut buf);
        text.push_str(piece);
        if used == piece.len() && used == c.len_utf8() && decoded == c {
            map.push_verbatim(from, used);
        } else {
            for _ in 0..piece.len() {
                map.push_one(from, from + used);
            }
        }
        // Skip what the escape consumed beyond the first character.
        let end = at + used;
        while rest.peek().is_some_and(|&(next, _)| next < end) {
            rest.next();
        }
    }
    (text, map)
}

/// The character an escape at `at` stands for and how many bytes it takes; `None` when it
/// is not a valid escape.
fn escape_at(raw: &str, at: usize, flavour: Flavour) -> (Option<char>, usize) {
    let next = raw.get(at + 1..).and_then(|s| s.chars().next());
    let simple = match next {
        Some('"') => Some('"'),
        Some('\\') => Some('\\'),
        Some('n') => Some('\n'),
        Some('r') => Some('\r'),
        Some('t') => Some('\t'),
        Some('/') if flavour == Flavour::Json => Some('/'),
        Some('b') if flavour == Flavour::Json => Some('\u{8}'),
        Some('f') if flavour == Flavour::Json => Some('\u{c}'),
        _ => None,
    };
    if let Some(c) = simple {
        return (Some(c), 2);
    }
    match next {
        Some('u') => {
            let Some(unit) = hex(raw, at + 2, 4) else {
                return (None, 1);
            };
            if (0xD800..0xDC00).contains(&unit) && flavour == Flavour::Json {
                // A surrogate pair: `\uD83D\uDE00`.
                if raw.get(at + 6..at + 8) == Some("\\u") {
                    if let Some(low) = hex(raw, at + 8, 4) {
                        if (0xDC00..0xE000).contains(&low) {
                            let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                            return (char::from_u32(code), 12);
                        }
                    }
                }
                return (None, 1);
            }
            (char::from_u32(unit), 6)
        }
        Some('U') if flavour == Flavour::Hcl => match hex(raw, at + 2, 8) {
            Some(code) => (char::from_u32(code), 10),
            None => (None, 1),
        },
        _ => (None, 1),
    }
}

fn hex(raw: &str, at: usize, len: usize) -> Option<u32> {
    let digits = raw.get(at..at + len)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_json_escapes_and_maps_back() {
        let raw = r#"{\"Action\":\"oss:Get\u00e9\"}"#;
        let (text, map) = decode(raw, 100, Flavour::Json);
        assert_eq!(text, "{\"Action\":\"oss:Geté\"}");
        assert_eq!(map.len(), text.len());
        // The `A` of Action is after `{\"`: three bytes into the raw text.
        let a = text.find('A').unwrap_or_default();
        assert_eq!(map.file_range(a..a + 6), 103..109);
        // `é` (two bytes) stands for the six bytes of `\u00e9`.
        let e = text.find('é').unwrap_or_default();
        assert_eq!(map.file_range(e..e + 2), 121..127);
    }

    #[test]
    fn decodes_hcl_escapes() {
        let (text, _) = decode(r#"a$${b}\U0001F600%%{c}\q"#, 0, Flavour::Hcl);
        assert_eq!(text, "a${b}\u{1F600}%{c}\\q");
        let (text, _) = decode(r#"\ud83d\ude00 \ud83d"#, 0, Flavour::Json);
        assert_eq!(text, "\u{1F600} \\ud83d");
    }
}

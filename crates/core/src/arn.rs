//! RAM resource names: `acs:<service>:<region>:<account>:<relative-id>`.

/// An ARN split into its five fields. The relative id may itself contain `:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arn<'a> {
    pub prefix: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub relative_id: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArnError {
    /// Does not start with `acs:`.
    Prefix,
    /// Fewer than five `:`-separated fields.
    MissingFields {
        found: usize,
    },
    EmptyService,
    EmptyRelativeId,
}

pub fn parse(text: &str) -> Result<Arn<'_>, ArnError> {
    let mut fields = text.splitn(5, ':');
    let prefix = fields.next().unwrap_or_default();
    if prefix != "acs" {
        return Err(ArnError::Prefix);
    }
    let rest: Vec<&str> = fields.collect();
    let [service, region, account, relative_id] = rest.as_slice() else {
        return Err(ArnError::MissingFields {
            found: rest.len() + 1,
        });
    };
    if service.is_empty() {
        return Err(ArnError::EmptyService);
    }
    if relative_id.is_empty() {
        return Err(ArnError::EmptyRelativeId);
    }
    Ok(Arn {
        prefix,
        service,
        region,
        account,
        relative_id,
    })
}

/// Account IDs are 16-digit strings (S59).
pub fn is_account_id(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| b.is_ascii_digit())
}

/// Recognises the ways documentation hides or stands in for a value: masked digits
/// (`123456789012****`, `san******`), angle or curly placeholders (`<Account-A-UID>`,
/// `{accountId}`), and runs of x (`xxxx`, `XXXXXX`).
pub fn looks_like_placeholder(text: &str) -> bool {
    if text.contains('<') || text.contains('>') {
        return true;
    }
    if let Some(open) = text.find('{') {
        // `${acs:...}` style policy variables are not placeholders of the documentation kind.
        let before = text.get(..open).unwrap_or_default();
        let after = text.get(open..).unwrap_or_default();
        if !before.ends_with('$') && after.contains('}') {
            return true;
        }
    }
    if text.contains("***") && text.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    lower.contains("xxxx") || lower.contains("****")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_five_fields_keeping_colons_in_the_id() {
        let arn = parse("acs:ram::1234567890123456:role/a:b").unwrap();
        assert_eq!(arn.service, "ram");
        assert_eq!(arn.region, "");
        assert_eq!(arn.account, "1234567890123456");
        assert_eq!(arn.relative_id, "role/a:b");
    }

    #[test]
    fn reports_what_is_wrong() {
        assert_eq!(parse("arn:aws:s3:::b"), Err(ArnError::Prefix));
        assert_eq!(
            parse("acs:oss:*:bucket"),
            Err(ArnError::MissingFields { found: 4 })
        );
        assert_eq!(parse("acs::*:*:x"), Err(ArnError::EmptyService));
        assert_eq!(parse("acs:oss:*:*:"), Err(ArnError::EmptyRelativeId));
    }

    #[test]
    fn recognises_placeholders() {
        for text in [
            "123456789012****",
            "<Account-A-UID>",
            "{accountId}",
            "xxxxxxxxxxxxxxxx",
            "san******",
        ] {
            assert!(looks_like_placeholder(text), "{text}");
        }
        for text in [
            "1234567890123456",
            "*",
            "",
            "${acs:CurrentUser}",
            "my-bucket/*",
        ] {
            assert!(!looks_like_placeholder(text), "{text}");
        }
    }
}

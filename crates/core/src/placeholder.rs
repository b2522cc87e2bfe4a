//! Placeholders in policy text: template interpolations and documentation stand-ins.
//!
//! Terraform writes `${var.bucket}` (heredocs, `templatefile`), Go and Terraform's `format()`
//! write `%s`, ROS `Fn::Sub` writes `${AccountId}`, documentation writes `<yourBucketName>`
//! and masks account IDs (`123456789012****`, `san******`). Such values stand for something
//! to fill in: a finding about them says so, and in template mode (`LintOptions::template`)
//! findings on interpolations are left out.

/// A template interpolation: `${...}`, `%s`/`%d`/`%v`, or `{{...}}`.
pub fn holds_interpolation(text: &str) -> bool {
    text.contains("${")
        || text.contains("%s")
        || text.contains("%d")
        || text.contains("%v")
        || (text.contains("{{") && text.contains("}}"))
}

/// An interpolation or a documentation stand-in such as `<account-id>`.
pub fn holds_placeholder(text: &str) -> bool {
    holds_interpolation(text) || (text.contains('<') && text.contains('>'))
}

/// A masked value as documentation writes it: `116.62.XX.XX/24`, `123456789012****`.
pub fn looks_masked(text: &str) -> bool {
    text.contains("xx") || text.contains("XX") || text.contains("**")
}

/// Anything that stands for a value still to fill in: an interpolation, `<...>`, `[...]`, or
/// a masked value.
pub fn is_stand_in(text: &str) -> bool {
    let t = text.trim();
    holds_placeholder(t) || looks_masked(t) || (t.starts_with('[') && t.ends_with(']'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_what_templates_and_docs_write() {
        assert!(holds_interpolation("acs:ram::${var.account_uid}:root"));
        assert!(holds_interpolation("%s@actiontrail.aliyuncs.com"));
        assert!(holds_interpolation("{{ .Values.bucket }}"));
        assert!(!holds_interpolation("acs:oss:*:*:examplebucket/*"));
        assert!(holds_placeholder("acs:oss:*:*:<yourBucketName>/*"));
        assert!(!holds_placeholder("acs:ram::1234567890123456:root"));
        assert!(is_stand_in("[ECS RAM Action]"));
        assert!(is_stand_in("xxx.xx.xxx.x/xx"));
        assert!(is_stand_in("116.62.XX.XX/24"));
        assert!(!is_stand_in("192.168.0.0/16"));
    }
}

use super::*;
use crate::Lang;

fn only(found: &Extracted) -> &Document {
    match found.documents.as_slice() {
        [doc] => doc,
        other => panic!("expected one document, got {other:?}"),
    }
}

#[test]
fn reads_a_heredoc_in_place() {
    let text = "resource \"alicloud_ram_policy\" \"oss_read\" {\n  policy_name = \"x\"\n  policy_document = <<EOF\n  {\"Statement\": [{\"Action\": \"oss:GetObject\", \"Resource\": \"acs:oss:*:*:${var.bucket}/*\"}]}\n  EOF\n}\n";
    let found = extract(text);
    let doc = only(&found);
    assert_eq!(doc.resource, "alicloud_ram_policy.oss_read");
    assert_eq!(doc.kind, Some(PolicyKind::Permission));
    assert!(doc.text.starts_with("  {\"Statement\""), "{:?}", doc.text);
    let at = doc.text.find("oss:GetObject").unwrap_or_default();
    assert_eq!(text.get(doc.file_range(at..at + 13)), Some("oss:GetObject"));
    assert_eq!(doc.placeholders.len(), 1);
    assert_eq!(
        doc.placeholders
            .first()
            .and_then(|p| text.get(p.span.clone())),
        Some("${var.bucket}")
    );
}

#[test]
fn writes_jsonencode_as_json() {
    let text = "resource \"alicloud_ram_role\" \"r\" {\n  assume_role_policy_document = jsonencode({\n    Version = \"1\"\n    Statement = [{\n      Action = \"sts:AssumeRole\"\n      Effect = \"Allow\"\n      Principal = { Service = [\"ecs.aliyuncs.com\", \"${var.svc}.aliyuncs.com\"], RAM = var.ram }\n    }]\n  })\n}\n";
    let found = extract(text);
    let doc = only(&found);
    assert_eq!(doc.kind, Some(PolicyKind::Trust));
    let parsed: serde_json::Value = serde_json::from_str(&doc.text).unwrap_or_default();
    assert_eq!(parsed["Statement"][0]["Principal"]["RAM"], "${var.ram}");
    assert_eq!(
        parsed["Statement"][0]["Principal"]["Service"][1],
        "${var.svc}.aliyuncs.com"
    );
    let at = doc.text.find("ecs.aliyuncs.com").unwrap_or_default();
    assert_eq!(
        text.get(doc.file_range(at..at + 16)),
        Some("ecs.aliyuncs.com")
    );
    // The key `Effect`, written without quotes in HCL, maps to the identifier.
    let at = doc.text.find("\"Effect\"").unwrap_or_default();
    assert_eq!(text.get(doc.file_range(at..at + 8)), Some("Effect"));
    let placeholders: Vec<&str> = doc
        .placeholders
        .iter()
        .filter_map(|p| text.get(p.span.clone()))
        .collect();
    assert_eq!(placeholders, ["${var.svc}", "var.ram"]);
}

#[test]
fn reads_quoted_strings_locals_and_skips_the_unknowable() {
    let text = "locals {\n  doc = <<EOF\n{\"Statement\": []}\nEOF\n}\nresource \"alicloud_ram_policy\" \"a\" {\n  document = \"{\\\"Statement\\\": [{\\\"Action\\\": \\\"ecs:*\\\"}]}\"\n}\nresource \"alicloud_ram_policy\" \"b\" {\n  policy_document = local.doc\n}\nresource \"alicloud_oss_bucket_policy\" \"c\" {\n  policy = var.policy\n}\nresource \"alicloud_ram_role\" \"d\" {\n  document = file(\"${path.module}/trust.json\")\n}\n";
    let found = extract(text);
    assert_eq!(found.documents.len(), 2, "{found:?}");
    let a = found.documents.first();
    assert_eq!(
        a.map(|d| d.text.as_str()),
        Some("{\"Statement\": [{\"Action\": \"ecs:*\"}]}")
    );
    if let Some(a) = a {
        let at = a.text.find("ecs:*").unwrap_or_default();
        assert_eq!(text.get(a.file_range(at..at + 5)), Some("ecs:*"));
        let at = a.text.find("\"Action").unwrap_or_default();
        assert_eq!(text.get(a.file_range(at..at + 1)), Some("\\\""));
    }
    let b = found.documents.get(1);
    assert_eq!(
        b.map(|d| d.resource.as_str()),
        Some("alicloud_ram_policy.b")
    );
    assert_eq!(b.map(|d| d.text.as_str()), Some("{\"Statement\": []}\n"));
    let reasons: Vec<String> = found.skipped.iter().map(|s| s.reason(Lang::En)).collect();
    assert_eq!(
        reasons,
        ["`policy` is `var.policy`, a value ramplan cannot know before Terraform runs"]
    );
    assert_eq!(
        found.files.first().map(|f| f.path.as_str()),
        Some("trust.json")
    );
}

#[test]
fn turns_a_data_source_into_the_json_it_produces() {
    let text = "data \"alicloud_ram_policy_document\" \"trust\" {\n  statement {\n    action = [\"sts:AssumeRole\"]\n    principal {\n      entity      = \"Service\"\n      identifiers = [\"ecs.aliyuncs.com\"]\n    }\n    condition {\n      operator = \"StringEquals\"\n      variable = \"sts:ExternalId\"\n      values   = [\"abc\"]\n    }\n  }\n}\nresource \"alicloud_ram_role\" \"r\" {\n  assume_role_policy_document = data.alicloud_ram_policy_document.trust.document\n}\n";
    let found = extract(text);
    let doc = only(&found);
    assert_eq!(doc.resource, "data.alicloud_ram_policy_document.trust");
    assert_eq!(doc.kind, Some(PolicyKind::Trust));
    let parsed: serde_json::Value = serde_json::from_str(&doc.text).unwrap_or_default();
    assert_eq!(
        parsed,
        serde_json::json!({
            "Version": "1",
            "Statement": [{
                "Effect": "Allow",
                "Action": "sts:AssumeRole",
                "Principal": {"Service": ["ecs.aliyuncs.com"]},
                "Condition": {"StringEquals": {"sts:ExternalId": "abc"}}
            }]
        })
    );
    let at = doc.text.find("ecs.aliyuncs.com").unwrap_or_default();
    assert_eq!(
        text.get(doc.file_range(at..at + 16)),
        Some("ecs.aliyuncs.com")
    );
}

#[test]
fn reports_hcl_that_does_not_parse() {
    let found = extract("resource \"alicloud_ram_policy\" \"x\" {\n  policy_document = <<EOF\n");
    assert!(found.documents.is_empty());
    let problem = found.problems.first();
    assert!(
        problem.is_some_and(|p| p.message.starts_with("not valid HCL")),
        "{problem:?}"
    );
}

#[test]
fn follows_local_objects_and_data_source_instances() {
    let text = "locals {\n  role = {\n    name     = \"r\"\n    document = <<-JSON\n    {\"Statement\": []}\n    JSON\n  }\n}\nresource \"alicloud_ram_role\" \"r\" {\n  assume_role_policy_document = local.role.document\n}\ndata \"alicloud_ram_policy_document\" \"saml\" {\n  count = 1\n  statement {\n    action = [\"sts:AssumeRole\"]\n  }\n}\nresource \"alicloud_ram_role\" \"s\" {\n  document = data.alicloud_ram_policy_document.saml[0].document\n}\n";
    let found = extract(text);
    assert!(found.skipped.is_empty(), "{:?}", found.skipped);
    let kinds: Vec<_> = found
        .documents
        .iter()
        .map(|d| (d.resource.as_str(), d.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("alicloud_ram_role.r", Some(PolicyKind::Trust)),
            (
                "data.alicloud_ram_policy_document.saml",
                Some(PolicyKind::Trust)
            )
        ]
    );
}

#[test]
fn reads_every_branch_it_can() {
    let text = "locals {\n  a = <<EOF\n{\"Statement\": []}\nEOF\n  b = <<EOF\n{\"Version\": \"1\"}\nEOF\n}\nresource \"alicloud_ram_role\" \"this\" {\n  document = coalesce(\n    var.trust_policy,\n    (var.mfa ? local.a : local.b))\n}\nresource \"alicloud_ram_role\" \"other\" {\n  document = var.x ? var.y : var.z\n}\n";
    let found = extract(text);
    let attributes: Vec<&str> = found
        .documents
        .iter()
        .map(|d| d.attribute.as_str())
        .collect();
    assert_eq!(
        attributes,
        ["document (value 1 of 2)", "document (value 2 of 2)"]
    );
    let reasons: Vec<String> = found.skipped.iter().map(|s| s.reason(Lang::En)).collect();
    assert_eq!(
        reasons,
        ["`document` is `var.x ? var.y : var.z`, a value ramplan cannot know before Terraform runs"]
    );
}

#[test]
fn names_policies_kept_in_files_of_their_own() {
    let text = "resource \"alicloud_ram_role\" \"r\" {\n  assume_role_policy_document = file(\"${path.module}/trust.json\")\n}\nresource \"alicloud_ram_policy\" \"p\" {\n  policy_document = templatefile(\"policies/oss.json.tpl\", { bucket = var.bucket })\n}\nresource \"alicloud_ram_policy\" \"q\" {\n  policy_document = file(\"${path.root}/../x.json\")\n}\nresource \"alicloud_ram_policy\" \"s\" {\n  policy_document = file(\"../shared/x.json\")\n}\n";
    let found = extract(text);
    let files: Vec<(&str, &str, PolicyKind)> = found
        .files
        .iter()
        .map(|f| (f.resource.as_str(), f.path.as_str(), f.kind))
        .collect();
    assert_eq!(
        files,
        [
            ("alicloud_ram_role.r", "trust.json", PolicyKind::Trust),
            (
                "alicloud_ram_policy.p",
                "policies/oss.json.tpl",
                PolicyKind::Permission
            )
        ]
    );
    assert_eq!(found.skipped.len(), 2, "{:?}", found.skipped);
}

#[test]
fn reads_files_with_a_byte_order_mark() {
    let text = "\u{feff}resource \"alicloud_ram_policy\" \"p\" {\r\n  policy_document = <<EOF\r\n{\"Statement\": []}\r\nEOF\r\n}\r\n";
    let found = extract(text);
    let doc = only(&found);
    let at = doc.text.find("Statement").unwrap_or_default();
    assert_eq!(text.get(doc.file_range(at..at + 9)), Some("Statement"));
}

//! Every shared term has one translation, wherever it is said. The test reads the sources of
//! every crate, pairs each English text with its Chinese one (`tr!(lang, en, zh)`,
//! `lang.pick(en, zh)`, and the fields of the page's `*_EN` / `*_ZH` string tables), and
//! checks that an English text naming a glossary term has that term's translation beside it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use ramplan_core::i18n::Phrase;

/// English term (whole words, any case) -> the Chinese its translation must contain.
const GLOSSARY: &[(&str, &str)] = &[
    ("decision", "判定"),
    ("implicit deny", "隐式拒绝"),
    ("explicit deny", "显式拒绝"),
    ("trust policy", "信任策略"),
    ("trust policies", "信任策略"),
    ("permission policy", "权限策略"),
    ("permission policies", "权限策略"),
    ("custom policy", "自定义"),
    ("system policy", "系统策略"),
    ("system policies", "系统策略"),
    ("bucket policy", "Bucket Policy"),
    ("account", "账号"),
    ("accounts", "账号"),
    ("statement", "语句"),
    ("statements", "语句"),
    ("wildcard", "通配"),
    ("service-linked role", "服务关联角色"),
    ("AccessKey", "AccessKey"),
    ("workspace", "工作空间"),
    ("data source", "数据源"),
];

/// Spellings the glossary rules out, wherever they appear.
const NEVER: &[(&str, &str)] = &[("帐号", "账号"), ("结论", "判定")];

struct Pair {
    file: String,
    en: String,
    zh: String,
}

#[test]
fn each_shared_term_has_one_translation() {
    let pairs = pairs();
    assert!(pairs.len() > 1000, "only {} text pairs found", pairs.len());
    let mut problems = Vec::new();
    for pair in &pairs {
        let en = without_code(&pair.en).to_lowercase();
        let zh = without_code(&pair.zh);
        for (term, translation) in GLOSSARY {
            if has_words(&en, &term.to_lowercase()) && !zh.contains(translation) {
                problems.push(format!(
                    "{}: \"{term}\" is \"{translation}\", but\n    en: {}\n    zh: {}",
                    pair.file, pair.en, pair.zh
                ));
            }
        }
    }
    for file in sources() {
        let text = fs::read_to_string(&file).unwrap_or_default();
        for (wrong, right) in NEVER {
            if text.contains(wrong) && !file.ends_with("glossary.rs") {
                problems.push(format!(
                    "{}: writes \"{wrong}\" for \"{right}\"",
                    file.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_string_table_says_everything_in_both_languages() {
    let mut checked = 0;
    let mut problems = Vec::new();
    for file in sources() {
        let text = fs::read_to_string(&file).unwrap_or_default();
        let tables = tables(&text);
        for (name, en) in &tables {
            let Some(base) = name.strip_suffix("EN") else {
                continue;
            };
            let Some(zh) = tables.get(&format!("{base}ZH")) else {
                problems.push(format!("{}: {name} has no Chinese table", file.display()));
                continue;
            };
            for (field, text) in en {
                checked += 1;
                match zh.get(field) {
                    _ if text.trim().is_empty() => {
                        problems.push(format!("{}: {name}.{field} is empty", file.display()));
                    }
                    Some(zh_text) if zh_text.trim().is_empty() => {
                        problems.push(format!("{}: {base}ZH.{field} is empty", file.display()));
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} table strings found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn phrases_are_the_glossary_s_own_words() {
    for phrase in [
        Phrase::Decision,
        Phrase::TrustPolicy,
        Phrase::PermissionPolicy,
        Phrase::BucketPolicy,
    ] {
        let (en, zh) = phrase.texts();
        let (_, expected) = GLOSSARY
            .iter()
            .find(|(term, _)| term.eq_ignore_ascii_case(en))
            .unwrap_or_else(|| panic!("{en} is not in the glossary"));
        assert!(zh.contains(expected), "{en}: {zh}");
    }
}

#[test]
fn the_reader_finds_every_kind_of_pair() {
    let source = r####"
        let a = tr!(lang, format!("the decision is {x}"), format!("判定为 {x}"));
        let b = lang.pick("trust policy", "信任策略");
        const THING_EN: Things = Things { title: "Account", other: r#"raw "x""# };
        const THING_ZH: Things = Things { title: "账号", other: "原始" };
    "####;
    let found = pairs_in("x.rs", source);
    let texts: Vec<(&str, &str)> = found
        .iter()
        .map(|p| (p.en.as_str(), p.zh.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            ("the decision is {x}", "判定为 {x}"),
            ("trust policy", "信任策略"),
            ("raw \"x\"", "原始"),
            ("Account", "账号"),
        ]
    );
}

/// Whether `text` holds `words` as whole words.
fn has_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The text without what is quoted as code (`Principal`, `{role}`): element names and
/// values are not words to translate.
fn without_code(text: &str) -> String {
    text.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join(" ")
}

fn sources() -> Vec<PathBuf> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    let mut stack = vec![crates];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("target") && !path.ends_with("tests") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    ramplan_core::sort::sort(&mut files);
    files
}

fn pairs() -> Vec<Pair> {
    sources()
        .iter()
        .flat_map(|file| {
            let text = fs::read_to_string(file).unwrap_or_default();
            pairs_in(&file.display().to_string(), &text)
        })
        .collect()
}

fn is_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn pairs_in(file: &str, text: &str) -> Vec<Pair> {
    let mut found = Vec::new();
    // Calls: the literals of the English argument, then those of the Chinese one.
    for opener in ["tr!(", ".pick("] {
        for (at, _) in text.match_indices(opener) {
            let Some(args) = arguments(text, at + opener.len() - 1) else {
                continue;
            };
            let literals: Vec<Vec<String>> = args.iter().map(|a| literals(a)).collect();
            let en: Vec<String> = literals
                .iter()
                .flatten()
                .filter(|l| !is_chinese(l))
                .cloned()
                .collect();
            let zh: Vec<String> = literals
                .iter()
                .flatten()
                .filter(|l| is_chinese(l))
                .cloned()
                .collect();
            if !en.is_empty() && !zh.is_empty() {
                found.push(Pair {
                    file: file.to_owned(),
                    en: en.join(" "),
                    zh: zh.join(" "),
                });
            }
        }
    }
    // String tables: `const X_EN: T = T { field: "...", ... };` and its `X_ZH`.
    let tables = tables(text);
    for (name, en_fields) in &tables {
        let Some(base) = name.strip_suffix("EN") else {
            continue;
        };
        let Some(zh_fields) = tables.get(&format!("{base}ZH")) else {
            continue;
        };
        for (field, en) in en_fields {
            if let Some(zh) = zh_fields.get(field) {
                found.push(Pair {
                    file: format!("{file} ({name}.{field})"),
                    en: en.clone(),
                    zh: zh.clone(),
                });
            }
        }
    }
    found
}

/// `const NAME: Type = Type {` blocks, each as its `field: "literal"` members.
fn tables(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut tables = BTreeMap::new();
    for (at, _) in text.match_indices("const ") {
        let rest = &text[at + 6..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_uppercase() || *c == '_')
            .collect();
        if !(name == "EN" || name == "ZH" || name.ends_with("_EN") || name.ends_with("_ZH")) {
            continue;
        }
        let Some(open) = rest.find('{') else { continue };
        let Some(body) = block(rest, open) else {
            continue;
        };
        let mut fields = BTreeMap::new();
        let mut cursor = body;
        while let Some(colon) = cursor.find(": ") {
            let field: String = cursor[..colon]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let after = cursor[colon + 2..].trim_start();
            let skipped = cursor.len() - after.len();
            if let Some((literal, used)) = literal_at(after) {
                if !field.is_empty() {
                    fields.insert(field, literal);
                }
                cursor = &cursor[skipped + used..];
            } else {
                cursor = &cursor[colon + 2..];
            }
        }
        tables.insert(name, fields);
    }
    tables
}

/// The text between the brace at `open` and its match.
fn block(text: &str, open: usize) -> Option<&str> {
    let mut depth = 0usize;
    let mut i = open;
    while i < text.len() {
        let rest = &text[i..];
        if let Some((_, used)) = literal_at(rest) {
            i += used;
            continue;
        }
        let c = rest.chars().next()?;
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return text.get(open + 1..i);
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    None
}

/// The top-level arguments of the call whose `(` is at `open`.
fn arguments(text: &str, open: usize) -> Option<Vec<&str>> {
    let mut depth = 0usize;
    let mut args = Vec::new();
    let mut start = open + 1;
    let mut i = open;
    while i < text.len() {
        let rest = &text[i..];
        if let Some((_, used)) = literal_at(rest) {
            i += used;
            continue;
        }
        let c = rest.chars().next()?;
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    args.push(&text[start..i]);
                    return Some(args);
                }
            }
            ',' if depth == 1 => {
                args.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    None
}

/// Every string literal in `text`, unescaped as far as quotes and backslashes go.
fn literals(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some((literal, used)) = literal_at(rest) {
            out.push(literal);
            i += used;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// A string literal (`"..."` or `r#"..."#`) at the start of `text`: its content and length.
fn literal_at(text: &str) -> Option<(String, usize)> {
    if let Some(rest) = text.strip_prefix('r') {
        let hashes = rest.chars().take_while(|&c| c == '#').count();
        let body = rest[hashes..].strip_prefix('"')?;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = body.find(&close)?;
        return Some((body[..end].to_owned(), 1 + hashes + 1 + end + close.len()));
    }
    let body = text.strip_prefix('"')?;
    let mut content = String::new();
    let mut chars = body.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, escaped)) = chars.next() {
                    content.push(match escaped {
                        'n' => '\n',
                        other => other,
                    });
                }
            }
            '"' => return Some((content, at + 2)),
            _ => content.push(c),
        }
    }
    None
}

//! `ramplan.toml` (codes to ignore or to give another severity, everywhere or per path glob;
//! the severity that fails the run) and the baseline of accepted findings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ramplan_core::Severity;
use serde::Deserialize;

use crate::lint::{normalized, DocumentReport, Located};

pub(crate) const CONFIG_FILE: &str = "ramplan.toml";

/// `ramplan.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    fail_on: Option<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    #[serde(default, rename = "paths")]
    paths: Vec<RawPaths>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPaths {
    glob: Globs,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Globs {
    One(String),
    Many(Vec<String>),
}

/// The configuration in force.
#[derive(Debug, Default)]
pub(crate) struct Config {
    /// Where it was read from, `None` when there is no file.
    pub(crate) file: Option<PathBuf>,
    pub(crate) fail_on: Option<Severity>,
    rules: Rules,
    paths: Vec<PathRules>,
}

#[derive(Debug, Default, Clone)]
struct Rules {
    ignore: Vec<String>,
    severity: BTreeMap<String, Severity>,
}

#[derive(Debug)]
struct PathRules {
    globs: Vec<String>,
    rules: Rules,
}

pub(crate) fn parse_severity(text: &str) -> Option<Severity> {
    match text {
        "error" => Some(Severity::Error),
        "security" => Some(Severity::Security),
        "warning" => Some(Severity::Warning),
        "suggestion" => Some(Severity::Suggestion),
        _ => None,
    }
}

/// The nearest `ramplan.toml` in `dir` or a folder above it.
pub(crate) fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|candidate| candidate.is_file())
}

/// Reads a configuration file; every mistake is an error naming the file, line and column.
pub(crate) fn load(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    parse(&text, path)
}

fn parse(text: &str, path: &Path) -> Result<Config, String> {
    let at = |offset: usize| {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{}:{line}:{column}", path.display())
    };
    // Where a key is written, for errors found after parsing.
    let key_at = |key: &str| {
        text.find(key)
            .map(&at)
            .unwrap_or_else(|| path.display().to_string())
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let place = e
            .span()
            .map(|s| at(s.start))
            .unwrap_or_else(|| path.display().to_string());
        let message = e.message().trim().to_owned();
        format!("{place}: {message}")
    })?;
    let severity = |value: &str| {
        parse_severity(value).ok_or_else(|| {
            format!(
                "{}: unknown severity `{value}`; use error, security, warning or suggestion",
                key_at(value)
            )
        })
    };
    let code = |code: &str| {
        if is_code(code) {
            Ok(code.to_owned())
        } else {
            Err(format!(
                "{}: `{code}` is not a ramplan code (RPnnn); `ramplan rules` lists them",
                key_at(code)
            ))
        }
    };
    let rules =
        |ignore: &[String], severities: &BTreeMap<String, String>| -> Result<Rules, String> {
            Ok(Rules {
                ignore: ignore.iter().map(|c| code(c)).collect::<Result<_, _>>()?,
                severity: severities
                    .iter()
                    .map(|(c, s)| Ok((code(c)?, severity(s)?)))
                    .collect::<Result<_, String>>()?,
            })
        };
    let fail_on = raw.fail_on.as_deref().map(severity).transpose()?;
    let top = rules(&raw.ignore, &raw.severity)?;
    let mut paths = Vec::new();
    for entry in &raw.paths {
        let globs = match &entry.glob {
            Globs::One(g) => vec![g.clone()],
            Globs::Many(g) => g.clone(),
        };
        if globs.is_empty() {
            return Err(format!("{}: `glob` is empty", key_at("glob")));
        }
        paths.push(PathRules {
            globs,
            rules: rules(&entry.ignore, &entry.severity)?,
        });
    }
    Ok(Config {
        file: Some(path.to_owned()),
        fail_on,
        rules: top,
        paths,
    })
}

/// A lint code (`RP102`) or the code of an unreadable file.
fn is_code(code: &str) -> bool {
    code == crate::lint::UNREADABLE
        || ramplan_core::rules::RULES
            .iter()
            .any(|rule| rule.meta.code == code)
}

impl Config {
    /// Applies the configuration to one result: drops ignored codes, sets severities. The
    /// path globs match the file's path relative to the folder holding `ramplan.toml`.
    pub(crate) fn apply(&self, result: &mut DocumentReport, cwd: &Path) {
        // The path entries that match, in file order (a later one wins); none to look for,
        // and no path to work out, when the file has no `[[paths]]`.
        let matching: Vec<&Rules> = if self.paths.is_empty() {
            Vec::new()
        } else {
            let relative = self.relative(&result.source, cwd);
            self.paths
                .iter()
                .filter(|entry| entry.globs.iter().any(|g| glob_match(g, &relative)))
                .map(|entry| &entry.rules)
                .collect()
        };
        let ignored = |code: &str| {
            std::iter::once(&self.rules)
                .chain(matching.iter().copied())
                .any(|rules| rules.ignore.iter().any(|c| c == code))
        };
        result.findings.retain(|f| !ignored(f.finding.code));
        for located in &mut result.findings {
            let code = located.finding.code;
            let set = matching
                .iter()
                .rev()
                .copied()
                .chain(std::iter::once(&self.rules))
                .find_map(|rules| rules.severity.get(code));
            if let Some(severity) = set {
                located.finding.severity = *severity;
            }
        }
    }

    fn relative(&self, source: &str, cwd: &Path) -> String {
        let absolute = normalized(&cwd.join(source));
        let base = self.file.as_deref().and_then(Path::parent).map(|p| {
            normalized(&if p.is_absolute() {
                p.to_owned()
            } else {
                cwd.join(p)
            })
        });
        let relative = match base {
            Some(base) => absolute
                .strip_prefix(&base)
                .map(Path::to_path_buf)
                .unwrap_or(absolute.clone()),
            None => PathBuf::from(source),
        };
        crate::lint::display(&relative)
    }
}

/// Glob matching on `/`-separated paths: `*` and `?` within one segment, `**` for any
/// number of segments. A pattern without `/` matches a file name anywhere, as in
/// `.gitignore`.
pub(crate) fn glob_match(pattern: &str, path: &str) -> bool {
    let pattern = pattern.strip_prefix("./").unwrap_or(pattern);
    if !pattern.contains('/') {
        let name = path.rsplit('/').next().unwrap_or(path);
        return segment_match(pattern.as_bytes(), name.as_bytes());
    }
    let pattern: Vec<&str> = pattern.trim_start_matches('/').split('/').collect();
    let path: Vec<&str> = path.split('/').collect();
    segments_match(&pattern, &path)
}

fn segments_match(pattern: &[&str], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((&"**", rest)) => {
            (0..=path.len()).any(|skip| segments_match(rest, path.get(skip..).unwrap_or(&[])))
        }
        Some((first, rest)) => match path.split_first() {
            Some((name, path_rest)) => {
                segment_match(first.as_bytes(), name.as_bytes()) && segments_match(rest, path_rest)
            }
            None => false,
        },
    }
}

fn segment_match(pattern: &[u8], name: &[u8]) -> bool {
    match pattern.split_first() {
        None => name.is_empty(),
        Some((b'*', rest)) => {
            (0..=name.len()).any(|skip| segment_match(rest, name.get(skip..).unwrap_or(&[])))
        }
        Some((b'?', rest)) => name
            .split_first()
            .is_some_and(|(_, name_rest)| segment_match(rest, name_rest)),
        Some((c, rest)) => name
            .split_first()
            .is_some_and(|(n, name_rest)| n == c && segment_match(rest, name_rest)),
    }
}

/// A finding as a baseline records it: where (file, resource), what (code, pointer,
/// message). No line numbers, so a baseline survives edits elsewhere in the file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Accepted {
    pub(crate) file: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) resource: String,
    pub(crate) code: String,
    #[serde(default)]
    pub(crate) path: String,
    pub(crate) message: String,
}

#[derive(Debug, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    ramplan_baseline: u32,
    findings: Vec<Accepted>,
}

pub(crate) fn accepted(result: &DocumentReport, located: &Located) -> Accepted {
    Accepted {
        file: result.source.clone(),
        resource: result.resource.clone(),
        code: located.finding.code.to_owned(),
        path: located.finding.path().to_owned(),
        message: located.finding.message.clone(),
    }
}

pub(crate) fn read_baseline(path: &Path) -> Result<Vec<Accepted>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline `{}`: {e}", path.display()))?;
    let file: BaselineFile = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}:{}: not a ramplan baseline: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    if file.ramplan_baseline != 1 {
        return Err(format!(
            "{}: baseline version {} is not one this ramplan reads (1)",
            path.display(),
            file.ramplan_baseline
        ));
    }
    Ok(file.findings)
}

pub(crate) fn write_baseline(path: &Path, mut findings: Vec<Accepted>) -> Result<(), String> {
    ramplan_core::sort::sort(&mut findings);
    let file = BaselineFile {
        ramplan_baseline: 1,
        findings,
    };
    let mut text =
        serde_json::to_string_pretty(&file).map_err(|e| format!("cannot write baseline: {e}"))?;
    text.push('\n');
    std::fs::write(path, text).map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}

/// A baseline being applied: each accepted entry leaves out one finding.
pub(crate) struct Baseline {
    /// How many more times each accepted finding may still be left out.
    left: BTreeMap<Accepted, usize>,
    /// Findings left out so far.
    pub(crate) dropped: usize,
}

impl Baseline {
    pub(crate) fn new(accepted: Vec<Accepted>) -> Baseline {
        let mut left = BTreeMap::new();
        for entry in accepted {
            *left.entry(entry).or_default() += 1;
        }
        Baseline { left, dropped: 0 }
    }

    /// Leaves out of `result` the findings the baseline still accepts. Applied to results in
    /// input order, as a finding accepted once is left out once.
    pub(crate) fn apply(&mut self, result: &mut DocumentReport) {
        let findings = std::mem::take(&mut result.findings);
        for located in findings {
            match self.left.get_mut(&accepted(result, &located)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    self.dropped += 1;
                }
                _ => result.findings.push(located),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_like_gitignore() {
        assert!(glob_match("legacy/**", "legacy/a/b.tf"));
        assert!(glob_match("legacy/**/*.tf", "legacy/main.tf"));
        assert!(glob_match("*.tf", "infra/x/main.tf"));
        assert!(glob_match("infra/*/main.tf", "infra/x/main.tf"));
        assert!(!glob_match("infra/*/main.tf", "infra/x/y/main.tf"));
        assert!(glob_match("ma?n.tf", "main.tf"));
        assert!(!glob_match("legacy/**", "new/legacy.tf"));
    }

    #[test]
    fn bad_configs_say_where() {
        let path = Path::new("ramplan.toml");
        let err = parse("fail-on = \"error\"\nfail_on = 1\n", path).err();
        assert!(
            err.as_deref()
                .is_some_and(|e| e.starts_with("ramplan.toml:2:1: unknown field `fail_on`")),
            "{err:?}"
        );
        let err = parse("fail-on = \"loud\"\n", path).err();
        assert_eq!(
            err.as_deref(),
            Some("ramplan.toml:1:12: unknown severity `loud`; use error, security, warning or suggestion")
        );
        let err = parse("ignore = [\"RP9999\"]\n", path).err();
        assert!(
            err.is_some_and(|e| e.starts_with("ramplan.toml:1:12: `RP9999` is not a ramplan code"))
        );
        assert!(parse("[[paths]]\nglob = \"legacy/**\"\nignore = [\"RP102\"]\n[severity]\nRP404 = \"error\"\n", path).is_ok());
    }
}

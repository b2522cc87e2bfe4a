//! The generated part of the catalogue: every Alibaba Cloud service with a RAM code, read from
//! `crates/core/data/catalogue.tsv`, which `scripts/gen-catalogue.py` writes from the public API
//! metadata (`aliyun/aliyun-openapi-meta`) and the per-service research files in
//! `crates/core/data/sources/services/` (docs/catalogue.md says how).
//!
//! The file is plain text, one record per line, fields separated by tabs:
//!
//! ```text
//! V  1                                   format version
//! D  <date>                              when the file was generated
//! M  <repo>  <commit>  <commit date>     the API metadata snapshot
//! L  <repo>  <commit>  <commit date>     where API access levels come from (optional)
//! U  <url>                               a source; later records cite it by its 0-based index
//! S  <code> <basis> <name_en> <name_zh> <arn services> <source> <naming>
//! R  <type> <arn pattern> <source>       a resource type of the service above
//! K  <key> <type> <source>               a condition key of the service above
//! P  <action> <level> <types> <source>   an action from the service's RAM authorization page
//! A  <product> <api> <api> ...           API names of one product, sorted; `Name=g` carries
//!                                        the API's operation type (c, l, g, u, d)
//! ```
//!
//! Native builds embed the file; the web page fetches it from its own origin on first load
//! and calls [`install`], so its first download does not carry it.

use std::sync::OnceLock;

use super::{AccessLevel, ConditionKey, KeyType};

/// How sure the catalogue is of a service's RAM code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceBasis {
    /// Written by hand in `catalogue/services`, each fact with its source.
    Curated,
    /// The service's own "RAM authorization" page states the code.
    AuthorizationPage,
    /// Other official documentation uses the code (a system policy, a policy example).
    Documentation,
    /// Only policies Alibaba Cloud publishes use the code (its Terraform modules, landing
    /// zone); no documentation page names it.
    PublishedPolicy,
    /// No source settles the code; it is the most likely candidate.
    Unconfirmed,
}

impl ServiceBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceBasis::Curated => "curated",
            ServiceBasis::AuthorizationPage => "authorization-page",
            ServiceBasis::Documentation => "documentation",
            ServiceBasis::PublishedPolicy => "published-policy",
            ServiceBasis::Unconfirmed => "unconfirmed",
        }
    }

    fn parse(text: &str) -> Option<ServiceBasis> {
        match text {
            "authorization-page" => Some(ServiceBasis::AuthorizationPage),
            "documentation" => Some(ServiceBasis::Documentation),
            "published-policy" => Some(ServiceBasis::PublishedPolicy),
            "unconfirmed" => Some(ServiceBasis::Unconfirmed),
            _ => None,
        }
    }
}

/// Whether a service's RAM action names are its API names, as far as the sources show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// The RAM authorization page shows actions named after the API operations.
    ApiNames,
    /// The page shows action names that differ from the API names: API names are not used.
    Differs,
    /// No source shows it either way; API names are used, marked inferred.
    Unknown,
}

impl Naming {
    fn parse(text: &str) -> Option<Naming> {
        match text {
            "api-names" => Some(Naming::ApiNames),
            "differs" => Some(Naming::Differs),
            "unknown" => Some(Naming::Unknown),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub struct GenService {
    pub code: &'static str,
    pub basis: ServiceBasis,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub arn_services: Vec<&'static str>,
    pub source: &'static str,
    pub naming: Naming,
    pub resource_types: Vec<ResourceType>,
    pub condition_keys: Vec<ConditionKey>,
    /// Actions the RAM authorization page lists, sorted by name ignoring case.
    pub page_actions: Vec<PageAction>,
    /// API names of the products behind this code, sorted ignoring case, each once. Empty when
    /// the naming differs.
    pub api_actions: Vec<ApiAction>,
    /// The API metadata products whose names these are.
    pub api_products: Vec<&'static str>,
    /// [`super::ServiceRef::actions`] for this code, merged with the curated entry once: rules
    /// ask for it per policy, and merging costs a lookup per action.
    pub(crate) merged_actions: std::sync::OnceLock<super::MergedActions>,
}

/// A resource type and its ARN pattern (`acs:log:{#regionId}:{#accountId}:project/{#ProjectName}`).
#[derive(Debug)]
pub struct ResourceType {
    pub name: &'static str,
    pub arn: &'static str,
    pub source: &'static str,
}

/// An API name, with the access level its API metadata gives, if any.
#[derive(Debug, Clone, Copy)]
pub struct ApiAction {
    pub name: &'static str,
    pub level: Option<AccessLevel>,
}

#[derive(Debug)]
pub struct PageAction {
    pub name: &'static str,
    pub level: AccessLevel,
    pub resource_types: Vec<&'static str>,
    pub source: &'static str,
}

#[derive(Debug)]
pub struct Generated {
    pub date: &'static str,
    pub meta_repo: &'static str,
    pub meta_commit: &'static str,
    pub meta_date: &'static str,
    /// The source of API access levels (`dew-serverless/acs-metadata`), empty when none.
    pub levels_repo: &'static str,
    pub levels_commit: &'static str,
    /// Sorted by code.
    pub services: Vec<GenService>,
}

impl Generated {
    pub fn service(&self, code: &str) -> Option<&GenService> {
        self.services
            .binary_search_by(|s| cmp_ignore_case(s.code, code))
            .ok()
            .and_then(|i| self.services.get(i))
    }
}

impl GenService {
    pub fn page_action(&self, name: &str) -> Option<&PageAction> {
        self.page_actions
            .binary_search_by(|a| cmp_ignore_case(a.name, name))
            .ok()
            .and_then(|i| self.page_actions.get(i))
    }

    pub fn api_action(&self, name: &str) -> Option<ApiAction> {
        self.api_actions
            .binary_search_by(|a| cmp_ignore_case(a.name, name))
            .ok()
            .and_then(|i| self.api_actions.get(i).copied())
    }
}

/// Orders ASCII strings ignoring case, the order the lookups above binary-search.
pub fn cmp_ignore_case(a: &str, b: &str) -> std::cmp::Ordering {
    // The order of the lowercased bytes, then of the lengths: what comparing the two
    // lowercased byte sequences gives, without an iterator adapter per byte.
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        if x != y {
            return x.cmp(&y);
        }
    }
    a.len().cmp(&b.len())
}

/// Why a catalogue file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "catalogue line {}: {}", self.line, self.message)
    }
}

static GENERATED: OnceLock<Option<Generated>> = OnceLock::new();

/// The generated catalogue, if this build embeds it or the page has installed it.
pub fn get() -> Option<&'static Generated> {
    #[cfg(feature = "embedded-catalogue")]
    {
        GENERATED
            .get_or_init(|| parse(include_str!("../../data/catalogue.tsv")).ok())
            .as_ref()
    }
    #[cfg(not(feature = "embedded-catalogue"))]
    {
        GENERATED.get().and_then(Option::as_ref)
    }
}

/// Installs the catalogue text (builds that do not embed it: the web page). The first
/// successful call wins; later calls change nothing and return `Ok`.
pub fn install(text: String) -> Result<(), ParseError> {
    if get().is_some() {
        return Ok(());
    }
    // Leaked once, for the life of the page: every lookup hands out `&'static` names.
    let text: &'static str = Box::leak(text.into_boxed_str());
    let parsed = parse(text)?;
    let _ = GENERATED.set(Some(parsed));
    Ok(())
}

/// Reads the catalogue format described in the module docs.
pub fn parse(text: &'static str) -> Result<Generated, ParseError> {
    let mut generated = Generated {
        date: "",
        meta_repo: "",
        meta_commit: "",
        meta_date: "",
        levels_repo: "",
        levels_commit: "",
        services: Vec::new(),
    };
    let mut sources: Vec<&'static str> = Vec::new();
    let mut version_seen = false;
    for (number, line) in text.lines().enumerate() {
        let line_no = number + 1;
        let fail = |message: &str| ParseError {
            line: line_no,
            message: message.to_owned(),
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let tag = fields.next().unwrap_or_default();
        let fields: Vec<&'static str> = fields.collect();
        let field = |i: usize| fields.get(i).copied().ok_or_else(|| fail("missing field"));
        let source = |sources: &[&'static str], i: usize| -> Result<&'static str, ParseError> {
            let index: usize = field(i)?.parse().map_err(|_| fail("bad source index"))?;
            sources
                .get(index)
                .copied()
                .ok_or_else(|| fail("unknown source index"))
        };
        match tag {
            "V" => {
                if field(0)? != "1" {
                    return Err(fail("unsupported catalogue format version"));
                }
                version_seen = true;
            }
            "D" => generated.date = field(0)?,
            "M" => {
                generated.meta_repo = field(0)?;
                generated.meta_commit = field(1)?;
                generated.meta_date = field(2)?;
            }
            "L" => {
                generated.levels_repo = field(0)?;
                generated.levels_commit = field(1)?;
            }
            "U" => sources.push(field(0)?),
            "S" => {
                let service = GenService {
                    code: field(0)?,
                    basis: ServiceBasis::parse(field(1)?).ok_or_else(|| fail("bad basis"))?,
                    name_en: field(2)?,
                    name_zh: field(3)?,
                    arn_services: field(4)?.split(',').filter(|s| !s.is_empty()).collect(),
                    source: source(&sources, 5)?,
                    naming: Naming::parse(field(6)?).ok_or_else(|| fail("bad naming"))?,
                    resource_types: Vec::new(),
                    condition_keys: Vec::new(),
                    page_actions: Vec::new(),
                    api_actions: Vec::new(),
                    api_products: Vec::new(),
                    merged_actions: std::sync::OnceLock::new(),
                };
                if let Some(last) = generated.services.last() {
                    if cmp_ignore_case(last.code, service.code) != std::cmp::Ordering::Less {
                        return Err(fail("services are not sorted by code"));
                    }
                }
                generated.services.push(service);
            }
            "R" | "K" | "P" | "A" => {
                let Some(service) = generated.services.last_mut() else {
                    return Err(fail("record before any service"));
                };
                match tag {
                    "R" => service.resource_types.push(ResourceType {
                        name: field(0)?,
                        arn: field(1)?,
                        source: source(&sources, 2)?,
                    }),
                    "K" => service.condition_keys.push(ConditionKey {
                        key: field(0)?,
                        value_type: key_type(field(1)?).ok_or_else(|| fail("bad key type"))?,
                        source: source(&sources, 2)?,
                        confirmed: true,
                    }),
                    "P" => service.page_actions.push(PageAction {
                        name: field(0)?,
                        level: page_level(field(1)?),
                        resource_types: field(2)?.split(',').filter(|s| !s.is_empty()).collect(),
                        source: source(&sources, 3)?,
                    }),
                    _ => {
                        service.api_products.push(field(0)?);
                        for entry in fields.iter().skip(1).flat_map(|f| f.split(' ')) {
                            let (name, level) = match entry.split_once('=') {
                                Some((name, code)) => (name, Some(api_level(code))),
                                None => (entry, None),
                            };
                            if !name.is_empty() {
                                service.api_actions.push(ApiAction { name, level });
                            }
                        }
                    }
                }
            }
            _ => return Err(fail("unknown record")),
        }
    }
    if !version_seen {
        return Err(ParseError {
            line: 1,
            message: "not a ramplan catalogue (no version record)".to_owned(),
        });
    }
    for service in &mut generated.services {
        crate::sort::sort_by(&mut service.page_actions, |a, b| {
            cmp_ignore_case(a.name, b.name)
        });
        crate::sort::sort_by(&mut service.api_actions, |a, b| {
            cmp_ignore_case(a.name, b.name)
        });
        service
            .api_actions
            .dedup_by(|a, b| cmp_ignore_case(a.name, b.name).is_eq());
    }
    Ok(generated)
}

/// The one-letter operation types the generator writes (`=c`, `=l`, ...).
fn api_level(code: &str) -> AccessLevel {
    match code {
        "c" => page_level("create"),
        "l" => page_level("list"),
        "g" => page_level("get"),
        "u" => page_level("update"),
        "d" => page_level("delete"),
        _ => AccessLevel::Unknown,
    }
}

fn key_type(text: &str) -> Option<KeyType> {
    match text {
        "String" => Some(KeyType::String),
        "Number" => Some(KeyType::Number),
        "Date" => Some(KeyType::Date),
        "Boolean" => Some(KeyType::Boolean),
        "Ip" => Some(KeyType::Ip),
        _ => None,
    }
}

/// The access levels of RAM authorization pages (`create`, `list`, `get`, `update`,
/// `delete`; older pages `read`, `write`) in the catalogue's terms.
fn page_level(text: &str) -> AccessLevel {
    match text {
        "list" => AccessLevel::List,
        "get" | "read" => AccessLevel::Read,
        "create" | "update" | "delete" | "write" => AccessLevel::Write,
        _ => AccessLevel::Unknown,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    /// The byte loop orders every pair of short strings as comparing their lowercased bytes
    /// does.
    #[test]
    fn cmp_ignore_case_is_the_order_of_lowercased_bytes() {
        let alphabet = ["", "a", "A", "b", "_", "Z", "z", "é"];
        let mut words = vec![String::new()];
        for _ in 0..3 {
            let mut next = Vec::new();
            for w in &words {
                for c in alphabet {
                    next.push(format!("{w}{c}"));
                }
            }
            words = next;
        }
        for a in &words {
            for b in &words {
                let lower = |s: &str| {
                    s.bytes()
                        .map(|c| c.to_ascii_lowercase())
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    cmp_ignore_case(a, b),
                    lower(a).cmp(&lower(b)),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    const SAMPLE: &str = "V\t1\nD\t2026-12-03\nM\taliyun/aliyun-openapi-meta\tabc\t2026-04-21\nU\thttps://example.com/slb-ram\nS\tslb\tauthorization-page\tServer Load Balancer\t负载均衡\tslb\t0\tapi-names\nR\tloadbalancer\tacs:slb:{#regionId}:{#accountId}:loadbalancer/{#LoadBalancerId}\t0\nK\tslb:tag\tString\t0\nP\tCreateLoadBalancer\tcreate\tloadbalancer\t0\nA\tSlb\tDescribeZones=l CreateLoadBalancer=c AddTags\n";

    #[test]
    fn reads_every_record() {
        let g = parse(SAMPLE).unwrap();
        assert_eq!(g.date, "2026-12-03");
        let slb = g.service("SLB").unwrap();
        assert_eq!(slb.basis, ServiceBasis::AuthorizationPage);
        assert_eq!(slb.resource_types[0].name, "loadbalancer");
        assert_eq!(slb.condition_keys[0].key, "slb:tag");
        assert_eq!(
            slb.page_action("createloadbalancer").unwrap().level,
            AccessLevel::Write
        );
        let names: Vec<&str> = slb.api_actions.iter().map(|a| a.name).collect();
        assert_eq!(names, ["AddTags", "CreateLoadBalancer", "DescribeZones"]);
        let zones = slb.api_action("describezones").unwrap();
        assert_eq!(
            (zones.name, zones.level),
            ("DescribeZones", Some(AccessLevel::List))
        );
        assert_eq!(slb.api_action("AddTags").unwrap().level, None);
        assert!(g.service("ecs").is_none());
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(parse("S\tslb").is_err());
        assert!(parse("V\t2\n").is_err());
        assert!(parse("").is_err());
        assert!(parse("V\t1\nR\tx\ty\t0\n").is_err());
        assert!(parse("V\t1\nU\tu\nS\tb\tunconfirmed\tB\tB\tb\t0\tunknown\nS\ta\tunconfirmed\tA\tA\ta\t0\tunknown\n").is_err());
        assert!(parse("V\t1\nS\ta\tunconfirmed\tA\tA\ta\t7\tunknown\n").is_err());
    }

    #[test]
    fn the_committed_file_reads() {
        let text = include_str!("../../data/catalogue.tsv");
        let g = parse(text).expect("the committed catalogue parses");
        assert!(!g.services.is_empty());
    }
}

//! Reading ActionTrail event records, in every shape ActionTrail hands them out:
//!
//! - one event object (the console's event detail, the documentation's samples);
//! - a JSON array of events (a download, or the events of a file ActionTrail delivered to
//!   OSS once decompressed);
//! - a `LookupEvents` response: `{"RequestId", "NextToken", "StartTime", "EndTime",
//!   "Events": [...]}`;
//! - JSON Lines, one record per line;
//! - Simple Log Service (SLS) records, where the event is the `event` field, either as a JSON
//!   string or an object, or flattened into `event.eventName`, `event.userIdentity.type`, ...
//!   keys (the field names of the SLS "log fields" page).
//!
//! Only the fields the generator needs are kept. `userIdentity.accessKeyId` is never read:
//! an AccessKey ID is an identifier, not a secret, but ramplan refuses AccessKey-looking
//! values everywhere, so it is dropped and counted, and any other kept value that looks like
//! a credential is masked and counted. Nothing read here can echo one back.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::limits;
use crate::secrets;

/// One API call as an event records it, with only what the generator reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The file the event came from, and its record number there (1-based).
    pub source: String,
    pub record: usize,
    pub name: String,
    pub service_name: String,
    pub event_source: String,
    pub event_type: String,
    /// `eventTime` as written (ISO 8601, UTC).
    pub time: String,
    pub region: String,
    pub error_code: String,
    pub identity: Identity,
    /// The resource account (`recipientAccountId`), when the event names one.
    pub recipient_account: String,
    /// Resources the event carries: (`ACS::OSS::Bucket`, `examplebucket`).
    pub resources: Vec<(String, String)>,
}

/// `userIdentity`, without `accessKeyId`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    /// `ram-user`, `assumed-role`, `root-account`, ...
    pub kind: String,
    pub account: String,
    pub principal_id: String,
    pub user_name: String,
}

/// What reading the files gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Read {
    pub events: Vec<Event>,
    /// Records that are not ActionTrail events: (file, record, why).
    pub not_events: Vec<(String, usize, String)>,
    /// `userIdentity.accessKeyId` values dropped on read.
    pub access_key_ids_dropped: usize,
    /// Other kept values that looked like a credential and were masked.
    pub credentials_masked: usize,
}

/// Why a file cannot be read at all. Lowercase, no final period, as every ramplan error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub source: String,
    pub message: String,
    pub help: Option<String>,
}

/// Reads one file's bytes into `into`. Never panics; time and memory are proportional to the
/// input, which is capped by [`limits::ACTIONTRAIL_MAX_BYTES`] and
/// [`limits::ACTIONTRAIL_MAX_EVENTS`].
pub fn read_file(source: &str, bytes: &[u8], into: &mut Read) -> Result<(), ReadError> {
    let fail = |message: String, help: Option<&str>| ReadError {
        source: source.to_owned(),
        message,
        help: help.map(str::to_owned),
    };
    if bytes.len() > limits::ACTIONTRAIL_MAX_BYTES {
        return Err(fail(
            format!(
                "the file is {} bytes, more than the {} ramplan reads",
                bytes.len(),
                limits::ACTIONTRAIL_MAX_BYTES
            ),
            Some("split it, or narrow the export by time or by user"),
        ));
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(fail(
            "the file is gzip-compressed, as ActionTrail delivers files to OSS".to_owned(),
            Some("decompress it first: `gunzip FILE.gz`"),
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| fail("the file is not UTF-8 text".to_owned(), None))?;
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(fail("the file is empty".to_owned(), None));
    }
    // Records are turned into events one at a time as the reader meets them, so a large
    // list never exists as a whole parsed tree beside the events taken from it.
    let before = (
        into.events.len(),
        into.not_events.len(),
        into.access_key_ids_dropped,
        into.credentials_masked,
    );
    let mut sink = Sink {
        source,
        into: &mut *into,
        number: 0,
        over_limit: false,
    };
    let mut reader = serde_json::Deserializer::from_str(text);
    let whole = serde::de::Deserializer::deserialize_any(&mut reader, TopLevel(&mut sink))
        .and_then(|()| reader.end());
    let over_limit = sink.over_limit;
    let error = match whole {
        Ok(()) => return Ok(()),
        Err(error) => error,
    };
    if over_limit {
        return Err(too_many(source));
    }
    if error.classify() == serde_json::error::Category::Data {
        return Err(fail(
            format!("the file holds JSON but neither an event, a list of events nor a `LookupEvents` response ({error})"),
            None,
        ));
    }
    if !text.starts_with('{') {
        return Err(fail(
            format!("the file is not JSON: {error}"),
            Some("ramplan reads ActionTrail events as JSON (an event, a list, a `LookupEvents` response, JSON Lines or SLS records); a CSV download is not read"),
        ));
    }
    // Not one document: JSON Lines, read again from the start.
    into.events.truncate(before.0);
    into.not_events.truncate(before.1);
    into.access_key_ids_dropped = before.2;
    into.credentials_masked = before.3;
    let mut sink = Sink {
        source,
        into,
        number: 0,
        over_limit: false,
    };
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => {
                if sink.record(value).is_err() {
                    return Err(too_many(source));
                }
            }
            Err(error) => {
                return Err(fail(
                    format!(
                        "line {} is not JSON ({error}); the file is neither one JSON document nor JSON Lines",
                        number + 1
                    ),
                    None,
                ))
            }
        }
    }
    Ok(())
}

fn too_many(source: &str) -> ReadError {
    ReadError {
        source: source.to_owned(),
        message: format!(
            "more than {} events in all; ramplan reads no more",
            limits::ACTIONTRAIL_MAX_EVENTS
        ),
        help: Some("narrow the export by time or by user".to_owned()),
    }
}

/// Where records go as they are read: each becomes an event or a line of "left out".
struct Sink<'a> {
    source: &'a str,
    into: &'a mut Read,
    number: usize,
    over_limit: bool,
}

impl Sink<'_> {
    fn record(&mut self, record: Value) -> Result<(), String> {
        if self.into.events.len() >= limits::ACTIONTRAIL_MAX_EVENTS {
            self.over_limit = true;
            return Err("too many events".to_owned());
        }
        self.number += 1;
        let number = self.number;
        let source = self.source;
        match event_object(record) {
            Some(object) => match read_event(source, number, &object, self.into) {
                Ok(event) => self.into.events.push(event),
                Err(why) => self.into.not_events.push((source.to_owned(), number, why)),
            },
            None => self.into.not_events.push((
                source.to_owned(),
                number,
                "not an ActionTrail event (no `eventName`)".to_owned(),
            )),
        }
        Ok(())
    }
}

/// The document: a list of records, a `LookupEvents` response (its `Events` streamed), or
/// one record.
struct TopLevel<'s, 'a>(&'s mut Sink<'a>);

impl<'de> Visitor<'de> for TopLevel<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event, a list of events or a `LookupEvents` response")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            self.0.record(value).map_err(de::Error::custom)?;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut object = Map::new();
        let mut streamed = false;
        while let Some(key) = map.next_key::<String>()? {
            if !streamed && key.eq_ignore_ascii_case("events") && !object.contains_key("eventName")
            {
                map.next_value_seed(EventsSeed(&mut *self.0))?;
                streamed = true;
            } else {
                let value = map.next_value::<Value>()?;
                object.insert(key, value);
            }
        }
        if !streamed {
            self.0
                .record(Value::Object(object))
                .map_err(de::Error::custom)?;
        }
        Ok(())
    }
}

/// The `Events` list of a `LookupEvents` response, each event taken as it is read.
struct EventsSeed<'s, 'a>(&'s mut Sink<'a>);

impl<'de> DeserializeSeed<'de> for EventsSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(TopLevel(self.0))
    }
}

/// The event object of a record: the record itself, its SLS `event` field (a string or an
/// object), or its flattened `event.*` keys put back together.
fn event_object(record: Value) -> Option<Map<String, Value>> {
    let Value::Object(mut object) = record else {
        return None;
    };
    if object.contains_key("eventName") {
        return Some(object);
    }
    match object.remove("event") {
        Some(Value::String(text)) => match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(inner)) => return Some(inner),
            _ => return None,
        },
        Some(Value::Object(inner)) => return Some(inner),
        _ => {}
    }
    let flat: Vec<(String, Value)> = object
        .into_iter()
        .filter_map(|(k, v)| k.strip_prefix("event.").map(|rest| (rest.to_owned(), v)))
        .collect();
    if flat.is_empty() {
        return None;
    }
    let mut out = Map::new();
    for (path, value) in flat {
        insert_path(&mut out, &path, value);
    }
    Some(out)
}

/// Puts `value` at a dotted path (`userIdentity.type`), creating objects on the way. SLS
/// writes nested values either flattened or as JSON text; text that is an object is read.
fn insert_path(out: &mut Map<String, Value>, path: &str, value: Value) {
    let value = match value {
        Value::String(text) if text.starts_with('{') => {
            serde_json::from_str::<Value>(&text).unwrap_or(Value::String(text))
        }
        other => other,
    };
    let mut parts = path.splitn(2, '.');
    let head = parts.next().unwrap_or_default();
    match parts.next() {
        None => {
            out.insert(head.to_owned(), value);
        }
        Some(rest) => {
            let slot = out
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if !slot.is_object() {
                *slot = Value::Object(Map::new());
            }
            if let Value::Object(inner) = slot {
                insert_path(inner, rest, value);
            }
        }
    }
}

fn read_event(
    source: &str,
    record: usize,
    object: &Map<String, Value>,
    read: &mut Read,
) -> Result<Event, String> {
    let mut masked = 0;
    let name = field(object, &mut masked, "eventName");
    if name.is_empty() {
        return Err("not an ActionTrail event (no `eventName`)".to_owned());
    }
    let empty = Map::new();
    let user = match object.get("userIdentity") {
        Some(Value::Object(user)) => user,
        _ => &empty,
    };
    if user
        .get("accessKeyId")
        .is_some_and(|v| v.as_str().is_some_and(|s| !s.is_empty()))
    {
        read.access_key_ids_dropped += 1;
    }
    let identity = Identity {
        kind: field(user, &mut masked, "type"),
        account: field(user, &mut masked, "accountId"),
        principal_id: field(user, &mut masked, "principalId"),
        user_name: field(user, &mut masked, "userName"),
    };
    let mut resources = Vec::new();
    if let Some(Value::Object(referenced)) = object.get("referencedResources") {
        for (kind, names) in referenced {
            let names: Vec<&Value> = match names {
                Value::Array(items) => items.iter().collect(),
                other => vec![other],
            };
            for name in names {
                if let Some(name) = name.as_str() {
                    resources.push((kind.clone(), name.to_owned()));
                }
            }
        }
    }
    let resource_type = field(object, &mut masked, "resourceType");
    let resource_name = field(object, &mut masked, "resourceName");
    if !resource_type.is_empty() {
        for name in resource_name.split([';', ',']).map(str::trim) {
            if !name.is_empty() {
                resources.push((resource_type.clone(), name.to_owned()));
            }
        }
    }
    for (kind, name) in &mut resources {
        for value in [kind, name] {
            if secrets::find_credential(value).is_some() {
                masked += 1;
                *value = secrets::redact(value);
            }
        }
    }
    crate::sort::sort(&mut resources);
    resources.dedup();
    let event = Event {
        source: source.to_owned(),
        record,
        service_name: field(object, &mut masked, "serviceName"),
        event_source: field(object, &mut masked, "eventSource"),
        event_type: field(object, &mut masked, "eventType"),
        time: field(object, &mut masked, "eventTime"),
        region: field(object, &mut masked, "acsRegion"),
        error_code: field(object, &mut masked, "errorCode"),
        recipient_account: field(object, &mut masked, "recipientAccountId"),
        name,
        identity,
        resources,
    };
    read.credentials_masked += masked;
    Ok(event)
}

/// A kept value as text; one that looks like a credential is masked and counted.
fn field(object: &Map<String, Value>, masked: &mut usize, key: &str) -> String {
    let value = match object.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    };
    if secrets::find_credential(&value).is_some() {
        *masked += 1;
        secrets::redact(&value)
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &[u8]) -> Result<Read, ReadError> {
        let mut out = Read::default();
        read_file("f.json", text, &mut out).map(|()| out)
    }

    #[test]
    fn reads_every_shape() {
        let event = r#"{"eventName":"ListUsers","serviceName":"Ram","userIdentity":{"type":"ram-user","userName":"a"}}"#;
        let shapes = [
            event.to_owned(),
            format!("[{event},{event}]"),
            format!(r#"{{"RequestId":"x","NextToken":"","Events":[{event}]}}"#),
            format!("{event}\n\n{event}\n"),
            format!("\u{feff}{event}"),
            format!(r#"{{"__topic__":"actiontrail_event","event":{}}}"#, serde_json::Value::String(event.to_owned())),
            format!(r#"{{"event":{event}}}"#),
            r#"{"event.eventName":"ListUsers","event.serviceName":"Ram","event.userIdentity.type":"ram-user","event.userIdentity.userName":"a"}"#.to_owned(),
        ];
        for shape in shapes {
            let got = read(shape.as_bytes()).unwrap_or_else(|e| panic!("{shape}: {e:?}"));
            assert!(!got.events.is_empty(), "{shape}");
            for e in &got.events {
                assert_eq!(e.name, "ListUsers", "{shape}");
                assert_eq!(e.identity.user_name, "a", "{shape}");
                assert_eq!(e.identity.kind, "ram-user", "{shape}");
            }
        }
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for (bytes, want) in [
            (&[0x1f_u8, 0x8b, 8, 0][..], "gzip"),
            (&[0xff, 0xfe, 0x00][..], "UTF-8"),
            (b"", "empty"),
            (b"time,user,event\n1,2,3", "not JSON"),
            (b"{\"a\":1}\n{oops", "line 2"),
            (b"42", "neither"),
        ] {
            let error = read(bytes).unwrap_err();
            assert!(error.message.contains(want), "{want}: {error:?}");
        }
    }

    #[test]
    fn drops_access_key_ids_and_masks_credentials() {
        let text = r#"{"eventName":"GetUser","userIdentity":{"type":"ram-user","userName":"LTAI5tAbCdEfGhIjKlMnOp","accessKeyId":"LTAI5tAbCdEfGhIjKlMnOq"},"resourceType":"ACS::RAM::User","resourceName":"Q7xk2LmPz9RtY4vBn3HcWj8Ds5FgAe"}"#;
        let got = read(text.as_bytes()).unwrap();
        assert_eq!(got.access_key_ids_dropped, 1);
        assert_eq!(got.credentials_masked, 2);
        let debug = format!("{:?}", got.events);
        assert!(
            !debug.contains("5tAb") && !debug.contains("Q7xk2L"),
            "{debug}"
        );
    }

    #[test]
    fn records_that_are_not_events_are_listed() {
        let got = read(br#"[{"eventName":"ListUsers"}, {"hello":1}, 3]"#).unwrap();
        assert_eq!(got.events.len(), 1);
        assert_eq!(got.not_events.len(), 2);
    }
}

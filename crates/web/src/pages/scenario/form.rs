//! A scenario form's state: what the person typed, field by field, in the scenario's declared
//! order. The input JSON and the plan are derived from it. What is stored (a draft) or put in
//! a link is the plan's normalised inputs, never this raw state, so a credential typed by
//! mistake does not outlive the tab.

use std::collections::BTreeSet;
use std::rc::Rc;

use ramplan_core::plan::input::Default as FieldDefault;
use ramplan_core::plan::{labels, FieldKind, FieldSpec, RecordSpec, ScenarioSpec};
use ramplan_core::{Finding, Lang};
use serde_json::{Map, Value as Json};
use yew::prelude::*;

/// One field's raw form value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    /// Text, choices and comma-separated lists, exactly as typed.
    Text(String),
    Bool(bool),
    /// The groups of a list field, each holding its sub-fields in declared order.
    Records(Vec<Vec<FieldValue>>),
}

/// Where a value sits: a top-level field, or a sub-field of one group of a list field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub field: usize,
    pub record: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub scenario: &'static str,
    pub values: Vec<FieldValue>,
}

/// One action per user intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormAction {
    Type(Slot, String),
    Toggle(Slot, bool),
    AddRecord(usize),
    RemoveRecord(usize, usize),
    /// Replaces the whole form (Clear, or a restored state).
    Reset(Form),
}

impl Form {
    /// A fresh form: defaults filled in, one empty group for a required list.
    pub fn new(spec: &'static ScenarioSpec) -> Self {
        Form {
            scenario: spec.id,
            values: spec.fields.iter().map(initial).collect(),
        }
    }

    /// The input document for `plan::plan`, built only from what the form holds.
    pub fn input_json(&self, spec: &ScenarioSpec) -> String {
        let object = fields_json(spec.fields, &self.values);
        serde_json::to_string(&Json::Object(object)).unwrap_or_default()
    }

    /// A form filled from an input document (a link's or a draft's JSON object). Fields the
    /// document leaves out keep their fresh value; unknown names are ignored. `None` when the
    /// text is not a JSON object.
    pub fn from_json(spec: &'static ScenarioSpec, text: &str) -> Option<Self> {
        let json: Json = serde_json::from_str(text).ok()?;
        let object = json.as_object()?;
        Some(Form {
            scenario: spec.id,
            values: spec
                .fields
                .iter()
                .map(|field| from_value(field, object.get(field.name)))
                .collect(),
        })
    }

    fn slot_mut(&mut self, slot: Slot) -> Option<&mut FieldValue> {
        let value = self.values.get_mut(slot.field)?;
        match slot.record {
            None => Some(value),
            Some((record, sub)) => match value {
                FieldValue::Records(records) => records.get_mut(record)?.get_mut(sub),
                _ => None,
            },
        }
    }
}

fn initial(field: &FieldSpec) -> FieldValue {
    match (&field.kind, field.default) {
        (FieldKind::Bool, Some(FieldDefault::Bool(on))) => FieldValue::Bool(on),
        (FieldKind::Bool, _) => FieldValue::Bool(false),
        (FieldKind::Records(RecordSpec { fields, .. }), _) => {
            let groups = if field.required {
                vec![fields.iter().map(initial).collect()]
            } else {
                Vec::new()
            };
            FieldValue::Records(groups)
        }
        (_, Some(FieldDefault::Str(text))) => FieldValue::Text(text.to_owned()),
        _ => FieldValue::Text(String::new()),
    }
}

fn from_value(field: &FieldSpec, value: Option<&Json>) -> FieldValue {
    match (&field.kind, value) {
        (_, None) => initial(field),
        (FieldKind::Bool, Some(value)) => FieldValue::Bool(value.as_bool().unwrap_or(false)),
        (
            FieldKind::Records(RecordSpec {
                fields: sub_fields, ..
            }),
            Some(value),
        ) => FieldValue::Records(
            value
                .as_array()
                .map(|records| {
                    records
                        .iter()
                        .map(|record| {
                            sub_fields
                                .iter()
                                .map(|sub| from_value(sub, record.get(sub.name)))
                                .collect()
                        })
                        .collect()
                })
                .unwrap_or_default(),
        ),
        (_, Some(Json::Array(items))) => FieldValue::Text(
            items
                .iter()
                .map(|item| {
                    item.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| item.to_string())
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (_, Some(Json::String(text))) => FieldValue::Text(text.clone()),
        (_, Some(Json::Null)) => FieldValue::Text(String::new()),
        (_, Some(other)) => FieldValue::Text(other.to_string()),
    }
}

/// Blank fields are left out, so the core reports a missing required field as missing.
fn fields_json(fields: &[FieldSpec], values: &[FieldValue]) -> Map<String, Json> {
    let mut object = Map::new();
    for (field, value) in fields.iter().zip(values) {
        let json = match (&field.kind, value) {
            (_, FieldValue::Bool(on)) => Some(Json::Bool(*on)),
            (FieldKind::StringList, FieldValue::Text(text)) => {
                let items: Vec<Json> = split_list(text)
                    .map(|item| Json::String(item.to_owned()))
                    .collect();
                (!items.is_empty()).then_some(Json::Array(items))
            }
            (_, FieldValue::Text(text)) => {
                (!text.trim().is_empty()).then(|| Json::String(text.clone()))
            }
            (
                FieldKind::Records(RecordSpec {
                    fields: sub_fields, ..
                }),
                FieldValue::Records(records),
            ) => (!records.is_empty()).then(|| {
                Json::Array(
                    records
                        .iter()
                        .map(|record| Json::Object(fields_json(sub_fields, record)))
                        .collect(),
                )
            }),
            (_, FieldValue::Records(_)) => None,
        };
        if let Some(json) = json {
            object.insert(field.name.to_owned(), json);
        }
    }
    object
}

/// "select, describe" -> `select`, `describe`; empty items are dropped.
pub fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '，'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

impl Reducible for Form {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let Some(spec) = ramplan_core::plan::scenario(self.scenario) else {
            return self;
        };
        match action {
            FormAction::Reset(form) => {
                return if *self == form { self } else { Rc::new(form) };
            }
            FormAction::Type(slot, text) => match next.slot_mut(slot) {
                Some(FieldValue::Text(value)) if *value != text => *value = text,
                _ => return self,
            },
            FormAction::Toggle(slot, on) => match next.slot_mut(slot) {
                Some(FieldValue::Bool(value)) if *value != on => *value = on,
                _ => return self,
            },
            FormAction::AddRecord(field) => {
                let Some(FieldKind::Records(RecordSpec {
                    fields: sub_fields, ..
                })) = spec.fields.get(field).map(|f| &f.kind)
                else {
                    return self;
                };
                match next.values.get_mut(field) {
                    Some(FieldValue::Records(records)) => {
                        records.push(sub_fields.iter().map(initial).collect());
                    }
                    _ => return self,
                }
            }
            FormAction::RemoveRecord(field, record) => match next.values.get_mut(field) {
                Some(FieldValue::Records(records)) if record < records.len() => {
                    records.remove(record);
                }
                _ => return self,
            },
        }
        Rc::new(next)
    }
}

/// The path the core names a field by in `finding.field`: `role_name`, `grants[1].object_name`.
pub fn field_path(top: &FieldSpec, record: Option<(usize, &FieldSpec)>) -> String {
    match record {
        None => top.name.to_owned(),
        Some((index, sub)) => format!("{}[{index}].{}", top.name, sub.name),
    }
}

/// Whether a finding's field belongs to the input at `path`: the field itself, or one item
/// of it (`grants[0].privileges[1]` belongs to the `grants[0].privileges` text box).
pub fn concerns(finding_field: &str, path: &str) -> bool {
    finding_field == path
        || finding_field
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with('['))
}

/// The same path as a string usable in an element id.
pub fn dom_id(path: &str) -> String {
    let mut id = String::from("field-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

/// Whether a finding is shown by an input of this form (else the plan lists it on its own).
pub fn has_input(spec: &ScenarioSpec, form: &Form, finding_field: &str) -> bool {
    spec.fields
        .iter()
        .zip(&form.values)
        .any(|(field, value)| match (&field.kind, value) {
            (
                FieldKind::Records(RecordSpec {
                    fields: sub_fields, ..
                }),
                FieldValue::Records(records),
            ) => {
                finding_field == field.name
                    || (0..records.len()).any(|index| {
                        let group = format!("{}[{index}]", field.name);
                        finding_field == group
                            || sub_fields.iter().any(|sub| {
                                concerns(finding_field, &field_path(field, Some((index, sub))))
                            })
                    })
            }
            _ => concerns(finding_field, field.name),
        })
}

/// What the scenario page reads from context: the form and the way to change it.
pub type FormHandle = UseReducerHandle<Form>;

/// The plan's findings as the form shows them (labels for paths, no help the field already
/// shows), and where the person has been: a required input that was never visited is not
/// called an error until the person leaves it or asks what is missing.
#[derive(Debug, Clone, PartialEq)]
pub struct FormFindings {
    pub findings: Rc<Vec<Finding>>,
    /// The paths of the inputs the person has left (`grants[0].privileges`).
    pub visited: Rc<BTreeSet<String>>,
    /// Every finding is shown: the person asked what is missing, or opened a link or a draft.
    pub all: bool,
}

impl FormFindings {
    /// Whether the finding waits for the person: a missing value of an input not visited.
    pub fn waiting(&self, finding: &Finding) -> bool {
        !self.all
            && labels::is_missing_input(finding)
            && !finding
                .field()
                .is_some_and(|field| self.visited.iter().any(|seen| concerns(field, seen)))
    }

    /// The findings shown now, about the inputs `keep` selects.
    pub fn shown(&self, keep: impl Fn(&Finding) -> bool) -> Vec<Finding> {
        self.findings
            .iter()
            .filter(|f| !self.waiting(f) && keep(f))
            .cloned()
            .collect()
    }

    /// The inputs still to fill in, as the form labels them, while they wait.
    pub fn waiting_labels(&self, spec: &ScenarioSpec, lang: Lang) -> Vec<String> {
        let mut labels: Vec<String> = self
            .findings
            .iter()
            .filter(|f| self.waiting(f))
            .filter_map(|f| labels::field_label(spec, f.field()?, lang))
            .collect();
        labels.dedup();
        labels
    }
}

/// What the form's page records about the person's visits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Visits {
    pub visited: Rc<BTreeSet<String>>,
    pub all: bool,
}

pub enum VisitAction {
    /// The person left the input at this path.
    Left(String),
    /// Show every finding (asked what is missing, or the form came from a link or draft).
    All,
    /// Start over (Clear).
    Forget,
}

impl Reducible for Visits {
    type Action = VisitAction;

    fn reduce(self: Rc<Self>, action: VisitAction) -> Rc<Self> {
        match action {
            VisitAction::Left(path) if !self.visited.contains(&path) => {
                let mut visited = (*self.visited).clone();
                visited.insert(path);
                Rc::new(Visits {
                    visited: Rc::new(visited),
                    all: self.all,
                })
            }
            VisitAction::Left(_) => self,
            VisitAction::All if self.all => self,
            VisitAction::All => Rc::new(Visits {
                visited: self.visited.clone(),
                all: true,
            }),
            VisitAction::Forget => Rc::new(Visits::default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ramplan_core::plan::{plan, scenario};
    use ramplan_core::{Lang, Severity};

    fn spec(id: &str) -> &'static ScenarioSpec {
        scenario(id).expect("known scenario")
    }

    fn slot(spec: &ScenarioSpec, name: &str) -> Slot {
        let field = spec.fields.iter().position(|f| f.name == name).expect(name);
        Slot {
            field,
            record: None,
        }
    }

    #[test]
    fn a_fresh_form_holds_the_defaults_and_leaves_blanks_out() {
        let spec = spec("dataworks-emr");
        let form = Form::new(spec);
        let json: Json = serde_json::from_str(&form.input_json(spec)).expect("json");
        assert_eq!(json["role_name"], "EMRRole");
        assert_eq!(json["kerberos"], false);
        assert!(json.get("dataworks_account_uid").is_none());
    }

    #[test]
    fn lists_split_on_commas_and_groups_nest() {
        let spec = spec("dataworks-maxcompute");
        let grants = spec
            .fields
            .iter()
            .position(|f| f.name == "grants")
            .expect("grants");
        let form = Rc::new(Form::new(spec)).reduce(FormAction::AddRecord(grants));
        let form = form.reduce(FormAction::Type(
            Slot {
                field: grants,
                record: Some((0, 2)),
            },
            " select, DESCRIBE ,".to_owned(),
        ));
        let json: Json = serde_json::from_str(&form.input_json(spec)).expect("json");
        assert_eq!(
            json["grants"][0]["privileges"],
            serde_json::json!(["select", "DESCRIBE"])
        );
        let removed = form.reduce(FormAction::RemoveRecord(grants, 0));
        let json: Json = serde_json::from_str(&removed.input_json(spec)).expect("json");
        assert!(json.get("grants").is_none());
    }

    #[test]
    fn a_filled_form_makes_a_ready_plan() {
        let spec = spec("dataworks-di");
        let mut form = Rc::new(Form::new(spec));
        for (name, value) in [
            ("dataworks_account_uid", "1234567890123456"),
            ("resource_account_uid", "6543210987654321"),
            ("region", "cn-shanghai"),
            ("source_type", "hive"),
            ("instance_id", "C-A510C0FD3FCC1234"),
        ] {
            form = form.reduce(FormAction::Type(slot(spec, name), value.to_owned()));
        }
        let plan = plan(spec.id, &form.input_json(spec), Lang::En).expect("plan");
        assert!(!plan.has_errors(), "{:#?}", plan.findings);
        assert!(plan.artifact("trust-policy").is_some());
    }

    #[test]
    fn a_credential_is_reported_by_its_field() {
        let spec = spec("dataworks-di");
        let form = Rc::new(Form::new(spec)).reduce(FormAction::Type(
            slot(spec, "instance_id"),
            "LTAI5tAbCdEfGhIjKlMnOpQr".to_owned(),
        ));
        let plan = plan(spec.id, &form.input_json(spec), Lang::En).expect("plan");
        assert!(plan.has_credential());
        let finding = plan
            .findings
            .iter()
            .find(|f| f.field() == Some("instance_id"))
            .expect("a finding on the field");
        assert_eq!(finding.severity, Severity::Error);
        assert!(has_input(spec, &form, finding.field().unwrap_or("")));
    }

    #[test]
    fn a_form_round_trips_through_its_normalised_inputs() {
        let spec = spec("dataworks-maxcompute");
        let input = include_str!(
            "../../../../../tests/fixtures/scenarios/dataworks-maxcompute/valid-account-name-columns.input.json"
        );
        let first = plan(spec.id, input, Lang::En).expect("plan");
        let json = serde_json::to_string(&first.inputs).expect("inputs");
        let form = Form::from_json(spec, &json).expect("an object");
        let again = plan(spec.id, &form.input_json(spec), Lang::En).expect("plan");
        assert_eq!(again.inputs, first.inputs);
        assert_eq!(again.artifacts, first.artifacts);
        assert!(Form::from_json(spec, "[1]").is_none());
    }

    #[test]
    fn findings_match_their_field_and_its_items_only() {
        assert!(concerns("role_name", "role_name"));
        assert!(concerns("grants[0].privileges[1]", "grants[0].privileges"));
        assert!(!concerns("role_names", "role_name"));
        assert!(!concerns("grants[1].object_name", "grants[0].object_name"));
        assert_eq!(
            dom_id("grants[1].object_name"),
            "field-grants-1-object_name"
        );
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let spec = spec("emr-ecs-role");
        let form = Rc::new(Form::new(spec));
        let same = form.clone().reduce(FormAction::Type(
            slot(spec, "role_name"),
            "EmrEcsOssRole".to_owned(),
        ));
        assert!(Rc::ptr_eq(&form, &same));
    }
}

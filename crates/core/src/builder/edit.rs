//! Edits: one per user intent, each a pure function from a document to a new document.
//!
//! An edit never touches a raw statement except [`Edit::SetRawText`], which replaces its
//! JSON and reads it again (becoming a card if the form can now show it), exactly as if the
//! user had typed it into the JSON editor.

use serde::{Deserialize, Serialize};

use super::arn_builder;
use super::{BuilderDoc, BuilderStatement, ConditionEntry, Effect, Slot};
use crate::finding::Lang;
use crate::json::{self, SyntaxError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    /// Inserts a card at `at` (the end when `None` or past the end).
    AddStatement {
        at: Option<usize>,
        statement: BuilderStatement,
    },
    RemoveStatement {
        index: usize,
    },
    /// Moves a statement (card or raw) so that it ends up at `to`.
    MoveStatement {
        from: usize,
        to: usize,
    },
    SetEffect {
        index: usize,
        effect: Effect,
    },
    SetSid {
        index: usize,
        sid: Option<String>,
    },
    /// Switches between `Action` and `NotAction`.
    SetNotAction {
        index: usize,
        not_action: bool,
    },
    AddAction {
        index: usize,
        action: String,
    },
    RemoveAction {
        index: usize,
        position: usize,
    },
    /// Switches between `Resource` and `NotResource`.
    SetNotResource {
        index: usize,
        not_resource: bool,
    },
    AddResource {
        index: usize,
        resource: String,
    },
    SetResource {
        index: usize,
        position: usize,
        resource: String,
    },
    /// Changes one field of a resource through the ARN builder (`bucket`, `region`, ...);
    /// `*` means any.
    SetResourceField {
        index: usize,
        position: usize,
        field: String,
        value: String,
    },
    RemoveResource {
        index: usize,
        position: usize,
    },
    AddCondition {
        index: usize,
        entry: ConditionEntry,
    },
    SetCondition {
        index: usize,
        position: usize,
        entry: ConditionEntry,
    },
    RemoveCondition {
        index: usize,
        position: usize,
    },
    /// Replaces a statement's JSON (a raw statement's, or a card's shown as JSON).
    SetRawText {
        index: usize,
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// No statement at this index.
    NoStatement(usize),
    /// The statement is raw JSON; only `SetRawText`, `MoveStatement` and `RemoveStatement`
    /// apply to it.
    NotACard(usize),
    /// No value at this position of the element.
    NoValue { index: usize, position: usize },
    /// The value is already in the list (or the operator and key already in the condition).
    AlreadyPresent(String),
    /// An action, resource, operator or key cannot be empty.
    Empty,
    /// The statement text is not one JSON value.
    Json(SyntaxError),
    /// The ARN builder refused a field.
    Arn(Vec<arn_builder::FieldError>),
}

impl EditError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditError::NoStatement(i), Lang::En) => format!("there is no statement {i}"),
            (EditError::NoStatement(i), Lang::Zh) => format!("不存在第 {i} 条语句"),
            (EditError::NotACard(i), Lang::En) => {
                format!("statement {i} is JSON the form cannot show; edit its text")
            }
            (EditError::NotACard(i), Lang::Zh) => {
                format!("第 {i} 条语句是表单无法显示的 JSON，请直接编辑其文本")
            }
            (EditError::NoValue { index, position }, Lang::En) => {
                format!("statement {index} has no value at position {position}")
            }
            (EditError::NoValue { index, position }, Lang::Zh) => {
                format!("第 {index} 条语句的第 {position} 个位置没有值")
            }
            (EditError::AlreadyPresent(v), Lang::En) => format!("`{v}` is already there"),
            (EditError::AlreadyPresent(v), Lang::Zh) => format!("`{v}` 已存在"),
            (EditError::Empty, Lang::En) => "the value is empty".to_owned(),
            (EditError::Empty, Lang::Zh) => "值为空".to_owned(),
            (EditError::Json(_), Lang::En) => "the statement is not valid JSON".to_owned(),
            (EditError::Json(_), Lang::Zh) => "该语句不是有效的 JSON".to_owned(),
            (EditError::Arn(errors), lang) => errors
                .iter()
                .map(|e| e.message(lang))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// Applies one edit, returning the new document; the old one is untouched.
pub fn apply(doc: &BuilderDoc, edit: &Edit) -> Result<BuilderDoc, EditError> {
    let mut doc = doc.clone();
    match edit {
        Edit::AddStatement { at, statement } => {
            let at = at.unwrap_or(doc.statements.len()).min(doc.statements.len());
            doc.statements.insert(at, Slot::Card(statement.clone()));
            doc.layout.statement_as_object = false;
        }
        Edit::RemoveStatement { index } => {
            check_index(&doc, *index)?;
            doc.statements.remove(*index);
        }
        Edit::MoveStatement { from, to } => {
            check_index(&doc, *from)?;
            check_index(&doc, *to)?;
            let slot = doc.statements.remove(*from);
            doc.statements.insert(*to, slot);
        }
        Edit::SetEffect { index, effect } => card(&mut doc, *index)?.effect = *effect,
        Edit::SetSid { index, sid } => card(&mut doc, *index)?.sid = sid.clone(),
        Edit::SetNotAction { index, not_action } => {
            card(&mut doc, *index)?.actions.not_action = *not_action;
        }
        Edit::AddAction { index, action } => {
            let a = &mut card(&mut doc, *index)?.actions;
            push_value(&mut a.values, &mut a.as_string, action)?;
        }
        Edit::RemoveAction { index, position } => {
            let a = &mut card(&mut doc, *index)?.actions;
            remove_value(&mut a.values, *index, *position)?;
        }
        Edit::SetNotResource {
            index,
            not_resource,
        } => card(&mut doc, *index)?.resources.not_resource = *not_resource,
        Edit::AddResource { index, resource } => {
            let r = &mut card(&mut doc, *index)?.resources;
            push_value(&mut r.values, &mut r.as_string, resource)?;
        }
        Edit::SetResource {
            index,
            position,
            resource,
        } => {
            let r = &mut card(&mut doc, *index)?.resources;
            set_value(&mut r.values, *index, *position, resource)?;
        }
        Edit::SetResourceField {
            index,
            position,
            field,
            value,
        } => {
            let r = &mut card(&mut doc, *index)?.resources;
            let current = r.values.get(*position).ok_or(EditError::NoValue {
                index: *index,
                position: *position,
            })?;
            let rebuilt = arn_builder::set_field(current, field, value).map_err(EditError::Arn)?;
            set_value(&mut r.values, *index, *position, &rebuilt)?;
        }
        Edit::RemoveResource { index, position } => {
            let r = &mut card(&mut doc, *index)?.resources;
            remove_value(&mut r.values, *index, *position)?;
        }
        Edit::AddCondition { index, entry } => {
            let c = card(&mut doc, *index)?;
            check_entry(&c.conditions, entry, None)?;
            c.conditions.push(entry.clone());
        }
        Edit::SetCondition {
            index,
            position,
            entry,
        } => {
            let c = card(&mut doc, *index)?;
            check_entry(&c.conditions, entry, Some(*position))?;
            let slot = c.conditions.get_mut(*position).ok_or(EditError::NoValue {
                index: *index,
                position: *position,
            })?;
            *slot = entry.clone();
        }
        Edit::RemoveCondition { index, position } => {
            let c = card(&mut doc, *index)?;
            if *position >= c.conditions.len() {
                return Err(EditError::NoValue {
                    index: *index,
                    position: *position,
                });
            }
            c.conditions.remove(*position);
            // Removing the last condition removes the element, rather than leaving `{}`.
            c.layout.empty_condition = false;
        }
        Edit::SetRawText { index, text } => {
            check_index(&doc, *index)?;
            let node = json::parse(text).map_err(EditError::Json)?;
            let slot = super::sync::slot(&node, text);
            if let Some(place) = doc.statements.get_mut(*index) {
                *place = slot;
            }
        }
    }
    Ok(doc)
}

fn check_index(doc: &BuilderDoc, index: usize) -> Result<(), EditError> {
    if index < doc.statements.len() {
        Ok(())
    } else {
        Err(EditError::NoStatement(index))
    }
}

fn card(doc: &mut BuilderDoc, index: usize) -> Result<&mut BuilderStatement, EditError> {
    match doc.statements.get_mut(index) {
        None => Err(EditError::NoStatement(index)),
        Some(Slot::Raw(_)) => Err(EditError::NotACard(index)),
        Some(Slot::Card(card)) => Ok(card),
    }
}

fn push_value(
    values: &mut Vec<String>,
    as_string: &mut bool,
    value: &str,
) -> Result<(), EditError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(EditError::Empty);
    }
    if values.iter().any(|v| v == value) {
        return Err(EditError::AlreadyPresent(value.to_owned()));
    }
    values.push(value.to_owned());
    if values.len() > 1 {
        // Once a list, always a list: it does not jump back to a string when shortened.
        *as_string = false;
    }
    Ok(())
}

fn set_value(
    values: &mut [String],
    index: usize,
    position: usize,
    value: &str,
) -> Result<(), EditError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(EditError::Empty);
    }
    if values
        .iter()
        .enumerate()
        .any(|(i, v)| i != position && v == value)
    {
        return Err(EditError::AlreadyPresent(value.to_owned()));
    }
    let slot = values
        .get_mut(position)
        .ok_or(EditError::NoValue { index, position })?;
    value.clone_into(slot);
    Ok(())
}

fn remove_value(values: &mut Vec<String>, index: usize, position: usize) -> Result<(), EditError> {
    if position >= values.len() {
        return Err(EditError::NoValue { index, position });
    }
    values.remove(position);
    Ok(())
}

fn check_entry(
    entries: &[ConditionEntry],
    entry: &ConditionEntry,
    replacing: Option<usize>,
) -> Result<(), EditError> {
    if entry.operator.trim().is_empty() || entry.key.trim().is_empty() {
        return Err(EditError::Empty);
    }
    let clash = entries
        .iter()
        .enumerate()
        .any(|(i, e)| Some(i) != replacing && e.operator == entry.operator && e.key == entry.key);
    if clash {
        return Err(EditError::AlreadyPresent(format!(
            "{} / {}",
            entry.operator, entry.key
        )));
    }
    Ok(())
}

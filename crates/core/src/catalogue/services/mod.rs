//! The catalogue data, one file per service. Keep `ALL` sorted by code.

use super::{ConditionKey, Service};

pub(super) static ALL: &[&Service] = &[];

pub(super) static GLOBAL_CONDITION_KEYS: &[ConditionKey] = &[];

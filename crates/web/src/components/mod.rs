//! One component per file, each with its `Props` beside it.

pub mod app;
pub mod finding_item;
pub mod findings_list;
pub mod header;
pub mod kind_picker;
pub mod lang_toggle;
pub mod policy_editor;
pub mod summary;

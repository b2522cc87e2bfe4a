//! One component per file, each with its `Props` beside it.

pub mod app;
pub mod artifact_tabs;
pub mod checker;
pub mod credential_alert;
pub mod editor_toolbar;
pub mod field_findings;
pub mod finding_item;
pub mod findings_list;
pub mod form_field;
pub mod gutter;
pub mod header;
pub mod highlights;
pub mod home;
pub mod kind_picker;
pub mod lang_toggle;
pub mod plain_words;
pub mod plan_status;
pub mod policy_editor;
pub mod print_runbook;
pub mod record_list;
pub mod scenario_page;
pub mod step_list;
pub mod summary;
// exports
pub mod convert_panel;
// simulate and existing
pub mod context_rows;
pub mod existing_panel;
pub mod simulate_panel;
// builder
pub mod builder;
pub mod builder_actions;
pub mod builder_card;
pub mod builder_conditions;
pub mod builder_findings;
pub mod builder_insert;
pub mod builder_moves;
pub mod builder_oss_folder;
pub mod builder_raw;
pub mod builder_resources;
pub mod builder_templates;
// end builder

//! Components several pages share: the policy editor with its gutter, highlights and
//! toolbar, the finding item and lists, the credential alert, the header.

pub mod copy_download;
pub mod credential_alert;
pub mod editor_toolbar;
pub mod field_findings;
pub mod finding_item;
pub mod gutter;
pub mod header;
pub mod highlights;
pub mod jump;
pub mod lang_toggle;
pub mod policy_editor;

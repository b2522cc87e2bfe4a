//! What the page does to the text area besides rendering it: select a finding's span and
//! scroll it into view, and replace the whole text the way the person's own typing would.

use ramplan_core::position::{LineIndex, TextRange};
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlElement, HtmlTextAreaElement};
use yew::NodeRef;

/// Monospace fonts advance about 0.6 em per character. Only used to decide how far to
/// scroll sideways, where an estimate is enough.
const MONOSPACE_ADVANCE_EM: f64 = 0.6;

/// Selects `range` of `text` (the text area's current value) and focuses the text area.
pub fn select_range(editor: &NodeRef, text: &str, range: TextRange) {
    let Some(area) = editor.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let index = LineIndex::new(text);
    let utf16 = |offset| u32::try_from(index.utf16_offset(offset)).unwrap_or(u32::MAX);
    let start = utf16(range.start.offset);
    let end = utf16(range.end.offset).max(start);
    let _ = area.set_selection_range(start, end);
    let _ = area.focus();
    // Browsers do not reliably scroll a text area to a selection made from script.
    reveal(&area, range.start.line, range.start.column);
}

/// Scrolls the text area so a 1-based line and column are visible, a third of the way in.
fn reveal(area: &HtmlTextAreaElement, line: usize, column: usize) {
    let Some(style) = web_sys::window().and_then(|window| window.get_computed_style(area).ok()?)
    else {
        return;
    };
    // The browser's own parseFloat reads "22.4px" as 22.4; Rust's float parser would add
    // about 15 kB of gzipped wasm for this one use.
    let px = |property: &str| {
        let value = js_sys::parse_float(&style.get_property_value(property).ok()?);
        value.is_finite().then_some(value)
    };
    let (Some(line_height), Some(font_size)) = (px("line-height"), px("font-size")) else {
        return;
    };
    let padding_top = px("padding-top").unwrap_or(0.0);
    let padding_left = px("padding-left").unwrap_or(0.0);

    let top = padding_top + line.saturating_sub(1) as f64 * line_height;
    let visible_height = f64::from(area.client_height());
    let scroll_top = f64::from(area.scroll_top());
    if top < scroll_top || top + line_height > scroll_top + visible_height {
        area.set_scroll_top((top - visible_height / 3.0).max(0.0) as i32);
    }

    let left = padding_left + column.saturating_sub(1) as f64 * font_size * MONOSPACE_ADVANCE_EM;
    let visible_width = f64::from(area.client_width());
    let scroll_left = f64::from(area.scroll_left());
    if left < scroll_left || left + font_size > scroll_left + visible_width {
        area.set_scroll_left((left - visible_width / 3.0).max(0.0) as i32);
    }
}

/// Replaces the whole text through the browser's editing commands, so it joins the text
/// area's undo history (Ctrl+Z takes it back) and fires the same `input` event typing does.
/// Leaves the caret at the start, the view at the top and the focus where it was. `false`
/// when the browser did not replace the text; the caller then sets it as state.
pub fn replace_all(editor: &NodeRef, text: &str) -> bool {
    let Some(area) = editor.cast::<HtmlTextAreaElement>() else {
        return false;
    };
    let Some(document) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.dyn_into::<HtmlDocument>().ok())
    else {
        return false;
    };
    let focused = document.active_element();
    let _ = area.focus();
    area.select();
    // `insertText` is deprecated without a successor: it is still the only way a script
    // can edit a text area and keep its undo history, and every current engine has it.
    let inserted = document
        .exec_command_with_show_ui_and_value("insertText", false, text)
        .unwrap_or(false);
    let replaced = inserted && area.value() == text;
    let _ = area.set_selection_range(0, 0);
    area.set_scroll_top(0);
    area.set_scroll_left(0);
    if let Some(element) = focused.and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
    replaced
}

use super::*;

#[test]
fn empty_text_is_an_error() {
    assert_eq!(
        diagnose("  ", Lang::En).map_err(|e| e.kind),
        Err(ErrorKind::Empty)
    );
}

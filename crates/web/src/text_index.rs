//! The core reports byte offsets into the UTF-8 text; the browser's `setSelectionRange`
//! counts UTF-16 code units, as every JavaScript string does.

/// The UTF-16 index of a byte offset in `text`. An offset inside a character rounds down
/// to the character's start, as the core's own positions do; one past the end is the end.
pub fn utf16_index(text: &str, byte_offset: usize) -> u32 {
    let units: usize = text
        .char_indices()
        .take_while(|&(start, c)| start + c.len_utf8() <= byte_offset)
        .map(|(_, c)| c.len_utf16())
        .sum();
    u32::try_from(units).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_unchanged() {
        assert_eq!(utf16_index("abc", 0), 0);
        assert_eq!(utf16_index("abc", 2), 2);
        assert_eq!(utf16_index("abc", 3), 3);
    }

    #[test]
    fn multi_byte_characters_count_in_utf16_units() {
        // `策` is 3 bytes and 1 unit; `😀` is 4 bytes and 2 units.
        let text = "策😀x";
        assert_eq!(utf16_index(text, 3), 1);
        assert_eq!(utf16_index(text, 7), 3);
        assert_eq!(utf16_index(text, 8), 4);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_do_not_panic() {
        let text = "策x";
        assert_eq!(utf16_index(text, 1), 0);
        assert_eq!(utf16_index(text, 100), 2);
        assert_eq!(utf16_index("", 5), 0);
    }
}

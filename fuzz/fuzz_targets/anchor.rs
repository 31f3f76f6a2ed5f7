//! Any text and any two offsets: capture, check and conversion never panic,
//! and a captured quote is exactly the chars between the offsets.
#![no_main]

use factbench::anchor::{CharIndex, byte_to_char, char_to_byte, slice_chars};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (String, u16, u16)| {
    let (text, a, b) = input;
    let (a, b) = (usize::from(a), usize::from(b));
    let index = CharIndex::new(&text);
    assert_eq!(index.byte_of(a), char_to_byte(&text, a));
    assert_eq!(index.char_of(a), byte_to_char(&text, a));
    assert_eq!(index.slice(a, b), slice_chars(&text, a, b));
    if let Ok(anchor) = index.capture(a, b) {
        let expected: String = text.chars().skip(a).take(b - a).collect();
        assert_eq!(anchor.exact, expected);
        assert_eq!(index.check(&anchor), Ok(()));
    }
});

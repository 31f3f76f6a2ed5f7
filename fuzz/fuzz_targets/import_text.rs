//! Any bytes as a text or Markdown article, in any encoding: an article or
//! a refusal, never a panic; an imported text is always normalised.
#![no_main]

use factbench::import::{ImportOptions, import_bytes, normalise};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let (name, body) = match bytes.split_first() {
        Some((selector, rest)) if selector % 2 == 0 => ("article.md", rest),
        Some((_, rest)) => ("article.txt", rest),
        None => return,
    };
    if let Ok(imported) = import_bytes(Path::new(name), body, &ImportOptions::default()) {
        assert!(!imported.article.text.is_empty());
        assert_eq!(normalise(&imported.article.text), imported.article.text);
    }
});

//! Any bytes as a saved web page: an article or a refusal, never a panic;
//! an imported text is always normalised.
#![no_main]

use factbench::import::{ImportOptions, import_bytes, normalise};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(imported) = import_bytes(Path::new("page.html"), bytes, &ImportOptions::default()) {
        assert!(!imported.article.text.is_empty());
        assert_eq!(normalise(&imported.article.text), imported.article.text);
    }
});

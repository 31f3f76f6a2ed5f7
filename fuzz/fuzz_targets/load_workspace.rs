//! Any bytes given as a workspace file: an error or a workspace, never a
//! panic; what loads saves and loads back to the same workspace.
#![no_main]

use factbench::store;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(loaded) = store::parse(text, Path::new("fuzz.ron")) {
        let _ = loaded.workspace.problems();
        let saved = store::to_ron(&loaded.workspace).expect("a loaded workspace serialises");
        let again = store::parse(&saved, Path::new("again.ron")).expect("a saved workspace loads");
        assert_eq!(again.workspace, loaded.workspace);
    }
});

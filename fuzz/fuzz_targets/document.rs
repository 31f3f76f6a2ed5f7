//! Arbitrary commands against the editing core: no panic, refused commands
//! change nothing, and undoing everything gives back the opened workspace.
#![no_main]

use factbench::edit::Document;
use factbench::edit::script::run_script;
use factbench::sample::sample_workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let opened = sample_workspace();
    let mut doc = Document::new(opened.clone(), None);
    let mut clock = 0.0;
    run_script(&mut doc, bytes, |doc, command| {
        clock += 0.3;
        let before = doc.revision();
        if doc.execute(command, clock).is_err() {
            assert_eq!(doc.revision(), before, "a refused command changed the document");
        }
    });
    let reached = doc.workspace().clone();
    while doc.undo().is_some() {}
    assert_eq!(doc.workspace(), &opened);
    assert!(!doc.is_dirty());
    while doc.redo().is_some() {}
    assert_eq!(doc.workspace(), &reached);
});

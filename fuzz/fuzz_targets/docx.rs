//! Any bytes through the .docx reader: an error or text, never a panic;
//! text that comes out parses losslessly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use speechtree::input::{ReadOptions, docx_text};
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let opts = ReadOptions {
        max_file_size: 1 << 20,
        max_entry_size: 1 << 20,
        max_decompressed_size: 4 << 20,
        ..ReadOptions::default()
    };
    if let Ok(text) = docx_text(bytes, Path::new("fuzz.docx"), &opts) {
        let doc = speechtree::parse(&text);
        let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
        assert_eq!(rebuilt, text, "the leaves should rebuild the .docx text");
    }
});

//! Any bytes through the .docx reader: an error or text, never a panic;
//! text that comes out parses losslessly, and its heading hints lie on it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use speechtree::input::{InputKind, ReadOptions, read_bytes};

fuzz_target!(|bytes: &[u8]| {
    let opts = ReadOptions {
        max_file_size: 1 << 20,
        max_entry_size: 1 << 20,
        max_decompressed_size: 4 << 20,
        max_text_size: 4 << 20,
        max_paragraphs: 100_000,
        ..ReadOptions::default()
    };
    if let Ok(read) = read_bytes(bytes, InputKind::Docx, &opts) {
        for hint in &read.headings {
            assert!(
                read.text.get(hint.span().range()).is_some(),
                "hints lie on the text"
            );
        }
        let doc = speechtree::parse(&read.text);
        let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
        assert_eq!(rebuilt, read.text, "the leaves should rebuild the .docx text");
    }
});

//! Any bytes through the HTML reader: an error or text, never a panic; the
//! text that comes out parses losslessly, and the main content lies within
//! the page's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use speechtree::input::{ReadOptions, html_page, html_text};

fuzz_target!(|bytes: &[u8]| {
    let opts = ReadOptions::default();
    if let Ok(page) = html_page(bytes, &opts) {
        assert!(page.text.get(page.main.start..page.main.end).is_some(), "main is a slice of the text");
        for h in &page.headings {
            assert!(page.text.get(h.span.start..h.span.end).is_some(), "headings are slices of the text");
        }
    }
    if let Ok(read) = html_text(bytes, &opts) {
        let doc = read.parse(&speechtree::Options::default());
        let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
        assert_eq!(rebuilt, read.text, "the leaves should rebuild the page's text");
    }
});

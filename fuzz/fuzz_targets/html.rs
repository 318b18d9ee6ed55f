#![no_main]

use libfuzzer_sys::fuzz_target;
use speechtree::input::{ReadOptions, html_page};
use speechtree::{HeadingHint, Options, Span};

// One page read per input (html_text would read it again): the main span
// and headings are slices of the page's text, and the main text, parsed
// with its headings as `html_text` gives them, is lossless.
fuzz_target!(|bytes: &[u8]| {
    let Ok(page) = html_page(bytes, &ReadOptions::default()) else {
        return;
    };
    let main = page
        .text
        .get(page.main.start..page.main.end)
        .expect("main is a slice of the text");
    for h in &page.headings {
        assert!(
            page.text.get(h.span().range()).is_some(),
            "headings are slices of the text"
        );
    }
    let mut options = Options::default();
    options.heading_hints = page
        .headings
        .iter()
        .filter(|h| h.span().start >= page.main.start && h.span().end <= page.main.end)
        .map(|h| {
            let span = h.span();
            HeadingHint::new(
                Span::new(span.start - page.main.start, span.end - page.main.start),
                h.level(),
            )
        })
        .collect();
    let doc = speechtree::parse_with(main, &options);
    let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    assert_eq!(rebuilt, main, "the leaves should rebuild the page's main text");
});

//! Any UTF-8 through the Markdown reader: the tree's spans index the
//! Markdown source and its leaves rebuild it, never a panic; read in
//! pieces as small as they come, the source is read as it is whole, and
//! as it is with every block given to pulldown-cmark as written.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/tree.rs"]
mod tree;
use speechtree::Options;
use speechtree::input::{markdown_text, parse_markdown};

fuzz_target!(|bytes: &[u8]| {
    let Ok(src) = std::str::from_utf8(bytes) else {
        return;
    };
    let masked = markdown_text(src);
    assert_eq!(masked.text.len(), src.len(), "the masked copy keeps the length");
    // Built by cargo-fuzz (`--cfg fuzzing`); `cargo check` builds without.
    #[cfg(fuzzing)]
    assert_eq!(
        speechtree::input::masked_in_pieces(src, 1),
        (masked.text.clone(), masked.headings.clone()),
        "read in pieces, the source is read as it is whole"
    );
    // Plain blocks' stand-ins read as pulldown-cmark reads the blocks.
    #[cfg(fuzzing)]
    assert_eq!(
        speechtree::input::masked_as_written(src, 1),
        (masked.text.clone(), masked.headings.clone()),
        "plain blocks are read as pulldown-cmark reads them"
    );
    let doc = parse_markdown(src, &Options::default());
    tree::check_shape(&doc, false);
});

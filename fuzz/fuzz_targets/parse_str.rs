//! Any `&str` parses, the tree is lossless and well nested (see
//! `common/tree.rs`), and serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/tree.rs"]
mod tree;

fuzz_target!(|text: &str| {
    let doc = speechtree::parse(text);
    tree::check_shape(&doc, true);
    let _ = speechtree::outline(&doc);
    serde_json::to_string(&doc).expect("the tree serialises");
});

//! Any `&str` parses, the tree is lossless and serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = speechtree::parse(text);
    let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    assert_eq!(rebuilt, text, "the leaves should rebuild the input");
    let _ = speechtree::outline(&doc);
    serde_json::to_string(&doc).expect("the tree serialises");
});

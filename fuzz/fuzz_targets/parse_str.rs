//! Any `&str` parses, the tree is lossless and well nested, and serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = speechtree::parse(text);
    let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    assert_eq!(rebuilt, text, "the leaves should rebuild the input");
    // Every node lies within its parent, after its previous sibling, and
    // the walk meets every stored node once.
    assert_eq!(doc.walk().count(), doc.len());
    for (_, node) in doc.walk() {
        let span = node.span();
        let mut end = span.start;
        for child in node.children() {
            let c = child.span();
            assert!(end <= c.start && c.end <= span.end, "{c:?} in {span:?}");
            end = c.end;
        }
    }
    let _ = speechtree::outline(&doc);
    serde_json::to_string(&doc).expect("the tree serialises");
});

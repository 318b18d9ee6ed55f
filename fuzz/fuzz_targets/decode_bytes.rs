//! Any bytes go through the decoder (detection, and a forced GBK), and
//! whatever text comes out parses losslessly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    for encoding in [None, Some("gbk")] {
        if let Ok(text) = speechtree::input::decode(bytes, encoding, Path::new("fuzz.txt")) {
            let doc = speechtree::parse(&text);
            let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
            assert_eq!(rebuilt, text, "the leaves should rebuild the decoded text");
        }
    }
});

//! Any bytes go through the decoder (detection, and a forced GBK), and
//! whatever text comes out parses losslessly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use speechtree::input::{ReadOptions, decode};

fuzz_target!(|bytes: &[u8]| {
    for encoding in [None, Some("gbk".to_owned())] {
        let opts = ReadOptions {
            encoding,
            ..ReadOptions::default()
        };
        if let Ok(text) = decode(bytes, &opts) {
            let doc = speechtree::parse(&text);
            let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
            assert_eq!(rebuilt, text, "the leaves should rebuild the decoded text");
        }
    }
});

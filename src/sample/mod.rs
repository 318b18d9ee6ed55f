//! A sample speech written by this project, for trying the tool and for
//! tests: it uses every ordinal form speechtree recognises and several
//! look-alikes that must not become markers (第一要务, 1.5亿, 三、四月份,
//! 一、二线城市, “一把手”, 统一是, 一是一，二是二, 依照……第三条, 99.99%).
//!
//! ```
//! let doc = speechtree::parse(speechtree::sample::SPEECH);
//! assert_eq!(doc.salutation(), Some("同志们"));
//! ```

/// The text of the sample speech.
pub const SPEECH: &str = include_str!("speech.txt");

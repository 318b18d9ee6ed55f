//! Walk the tree of a speech: print every section and point with its depth
//! and byte span. Reads a file given as the first argument, or the built-in
//! sample speech.
//!
//!     cargo run --example walk [FILE]

use speechtree::Node;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args_os().nth(1) {
        Some(path) => speechtree::input::read_path(std::path::Path::new(&path), &Default::default())?,
        None => speechtree::sample::SPEECH.to_string(),
    };
    let doc = speechtree::parse(&text);
    if let Some(title) = doc.title() {
        println!("title: {title}");
    }
    for (depth, node) in doc.walk() {
        let indent = "  ".repeat(depth);
        match node {
            Node::Section(s) => {
                let marker = s.marker().map_or("-", |m| m.text);
                let at = doc.line_col(s.span().start);
                println!(
                    "{indent}{marker} {} (level {}, line {}, {} bytes)",
                    s.title(),
                    s.level(),
                    at.line,
                    s.span().len()
                );
            }
            Node::Point(p) => println!(
                "{indent}{} {} ({:?}={})",
                p.marker().text,
                p.title(),
                p.marker().style,
                p.marker().value
            ),
            _ => {}
        }
    }
    for d in doc.diagnostics() {
        let at = doc.line_col(d.span.start);
        println!("{}:{}: {}: {}", at.line, at.column, d.code, d.message);
    }
    Ok(())
}

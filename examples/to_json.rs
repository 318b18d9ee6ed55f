//! Serialise the tree of a speech as JSON (the shape documented in the README).
//!
//!     cargo run --example to_json [FILE]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args_os().nth(1) {
        Some(path) => speechtree::input::read_path(std::path::Path::new(&path), &Default::default())?,
        None => speechtree::sample::SPEECH.to_string(),
    };
    let doc = speechtree::parse(&text);
    println!("{}", serde_json::to_string_pretty(&doc)?);
    Ok(())
}

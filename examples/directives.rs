//! Downstream analysis: every directive of an 一要/二要 (or 一是要) enumeration
//! with the section it stands in, as CSV: `section,marker,directive,start,end`.
//!
//!     cargo run --example directives [FILE]

use speechtree::visit::{self, Visit};
use speechtree::{MarkerStyle, Point, Section};

/// Collects directives with the chain of section headings above them.
struct Directives<'a> {
    path: Vec<&'a str>,
    rows: Vec<[String; 5]>,
}

impl<'a> Visit<'a> for Directives<'a> {
    fn visit_section(&mut self, s: &Section<'_, 'a>) {
        self.path.push(s.heading().title);
        visit::visit_section(self, s);
        self.path.pop();
    }

    fn visit_point(&mut self, p: &Point<'_, 'a>) {
        let directive = p.marker().style == MarkerStyle::Yao
            || (p.marker().style == MarkerStyle::Shi && p.marker().text.ends_with('要'));
        if directive {
            self.rows.push([
                self.path.join(" / "),
                p.marker().text.to_string(),
                p.title().to_string(),
                p.span().start.to_string(),
                p.span().end.to_string(),
            ]);
        }
        visit::visit_point(self, p);
    }
}

/// Quote a CSV field when it needs it (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = match std::env::args_os().nth(1) {
        Some(path) => speechtree::input::read_path(std::path::Path::new(&path), &Default::default())?,
        None => speechtree::sample::SPEECH.to_string(),
    };
    let doc = speechtree::parse(&text);
    let mut v = Directives {
        path: Vec::new(),
        rows: Vec::new(),
    };
    v.visit_document(&doc);
    println!("section,marker,directive,start,end");
    for row in &v.rows {
        println!(
            "{}",
            row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",")
        );
    }
    Ok(())
}

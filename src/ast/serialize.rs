//! `Serialize` for the document and its nodes: each node a map tagged with
//! its `"type"`, sections and points with their `children` nested, as the
//! JSON format documents. A serialiser that writes as it goes (serde_json's
//! `to_writer`) never holds more than the node it is at.

use super::{Children, Document, Heading, Node, Point, Section};
use serde::ser::{Serialize, SerializeMap, Serializer};

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("type", "document")?;
        map.serialize_entry("span", &self.span())?;
        map.serialize_entry("children", &self.children())?;
        map.serialize_entry("diagnostics", &self.diagnostics())?;
        map.end()
    }
}

impl Serialize for Children<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.clone())
    }
}

impl Serialize for Node<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Section(s) => s.serialize(serializer),
            Node::Point(p) => p.serialize(serializer),
            Node::Paragraph(p) => {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry("type", "paragraph")?;
                map.serialize_entry("span", &p.span)?;
                map.serialize_entry("text", p.text)?;
                map.end()
            }
            Node::Furniture(f) => {
                let mut map = serializer.serialize_map(Some(5))?;
                map.serialize_entry("type", "furniture")?;
                map.serialize_entry("kind", &f.kind)?;
                map.serialize_entry("span", &f.span)?;
                map.serialize_entry("text", f.text)?;
                map.serialize_entry("value", f.value)?;
                map.end()
            }
            Node::Space(s) => {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry("type", "space")?;
                map.serialize_entry("span", &s.span)?;
                map.serialize_entry("text", s.text)?;
                map.end()
            }
        }
    }
}

impl Serialize for Section<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry("type", "section")?;
        map.serialize_entry("span", &self.span())?;
        map.serialize_entry("level", &self.level())?;
        map.serialize_entry("marker", &self.marker())?;
        map.serialize_entry("heading", &Titled(self.heading(), self.title()))?;
        map.serialize_entry("children", &self.children())?;
        map.end()
    }
}

impl Serialize for Point<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("type", "point")?;
        map.serialize_entry("span", &self.span())?;
        map.serialize_entry("marker", &self.marker())?;
        map.serialize_entry("lead", &Titled(self.lead(), self.title()))?;
        map.serialize_entry("children", &self.children())?;
        map.end()
    }
}

/// A heading as JSON with `title` as its title: its own (`Heading`'s
/// `Serialize`), or the title as text ([`Section::title`]) in a tree.
struct Titled<'a, 'd>(Heading<'a>, &'d str);

impl Serialize for Titled<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Titled(heading, title) = self;
        let plain = heading.evidence.is_plain();
        let mut map = serializer.serialize_map(Some(if plain { 3 } else { 4 }))?;
        map.serialize_entry("span", &heading.span)?;
        map.serialize_entry("text", heading.text)?;
        map.serialize_entry("title", title)?;
        if !plain {
            map.serialize_entry("evidence", &heading.evidence)?;
        }
        map.end()
    }
}

impl Serialize for Heading<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Titled(*self, self.title).serialize(serializer)
    }
}

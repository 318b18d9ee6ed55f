//! The vector of a document's nodes: most in 12 bytes, the rest in 12
//! bytes and a [`NodeData`] of 32 beside them.
//!
//! A paragraph, and a section or point whose heading and children's text
//! are short (a heading of one line with its title near its ends, up to 63
//! nodes under it in 255 bytes, a value below 1,024), packs into a slot of three `u32`s: its
//! start, and its lengths, style, level, value and subtree's size. Any
//! other node (a section holding a long part of the text, a long heading,
//! furniture with its value) is kept whole in a side vector, its slot
//! holding its start and its index there. A node is packed only where
//! unpacking gives it back exactly, so the store keeps what it is given,
//! whatever it is. Text of one-line headings of four bytes each (`1.x`)
//! takes 12 bytes a heading, not 32; a real document's sections that hold
//! long parts take 44.

use super::data::{NodeData, NodeKind};

/// The nodes of a document in document order, read and written by value.
#[derive(Clone, Debug, Default)]
pub(crate) struct Nodes {
    slots: Vec<Slot>,
    wide: Vec<NodeData>,
}

/// One node: `start`, then either its packed fields or (tag [`WIDE`]) its
/// index in [`Nodes::wide`].
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    start: u32,
    b: u32,
    c: u32,
}

// The tag in the top two bits of `Slot::c`.
const TAG_SHIFT: u32 = 30;
/// A paragraph or furniture without children: `b` is its end, `c` holds
/// its kind, style and flags.
const LEAF: u32 = 0;
/// A section or point: `b` holds its lengths and kind, `c` its flags,
/// style, level, value and how many nodes are under it (see [`MARKER`]
/// and the constants after it).
const BRANCH: u32 = 1;
/// Kept whole in `Nodes::wide`, at index `b`.
const WIDE: u32 = 2;

impl Nodes {
    /// No nodes.
    pub const EMPTY: Nodes = Nodes {
        slots: Vec::new(),
        wide: Vec::new(),
    };

    /// Room for `n` more nodes, `wide` of them kept whole.
    pub fn reserve(&mut self, n: usize, wide: usize) {
        self.slots.reserve(n);
        self.wide.reserve(wide);
    }

    /// How many nodes are stored.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether no node is stored.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The node at `id`.
    #[inline]
    pub fn get(&self, id: usize) -> Option<NodeData> {
        let slot = self.slots.get(id)?;
        Some(self.unpack(id, slot))
    }

    /// The node at `id`, or a default node past the end (an index read
    /// from a node's `next` may be the end).
    #[inline]
    pub fn at(&self, id: usize) -> NodeData {
        self.get(id).unwrap_or_default()
    }

    /// The start of the node at `id` (without unpacking it).
    #[inline]
    pub fn start(&self, id: usize) -> Option<u32> {
        self.slots.get(id).map(|s| s.start)
    }

    /// The index after the subtree of the node at `id` (its `next`),
    /// without unpacking it; `id + 1` past the end.
    #[inline]
    pub fn next(&self, id: usize) -> usize {
        let Some(s) = self.slots.get(id) else {
            return id + 1;
        };
        match s.c >> TAG_SHIFT {
            LEAF => id + 1,
            BRANCH => id + 1 + field(s.b, SUBTREE) as usize,
            _ => self.wide.get(s.b as usize).map_or(id + 1, |n| n.next as usize),
        }
    }

    /// The nodes in order.
    pub fn iter(&self) -> impl Iterator<Item = NodeData> + '_ {
        self.slots.iter().enumerate().map(|(id, s)| self.unpack(id, s))
    }

    /// The index of the first node that starts at or after `start`.
    pub fn first_from(&self, start: u32) -> usize {
        self.slots.partition_point(|s| s.start < start)
    }

    /// Stores `node` after the others.
    #[inline]
    pub fn push(&mut self, node: NodeData) {
        let id = self.slots.len();
        let slot = self.pack(id, node);
        self.slots.push(slot);
    }

    /// Stores a node to be [`set`](Nodes::set) later (read until then as
    /// an empty paragraph at offset 0).
    pub fn push_unset(&mut self) {
        self.slots.push(Slot::default());
    }

    /// Replaces the node at `id` (nothing past the end).
    #[inline]
    pub fn set(&mut self, id: usize, node: NodeData) {
        let Some(&old) = self.slots.get(id) else {
            return;
        };
        // A node kept whole that is kept whole again takes its entry back
        // (one that now fits leaves its entry unused: only relevelling
        // after the tree is built does that).
        let kept = (old.c >> TAG_SHIFT == WIDE && packed(id, &node).is_none())
            .then(|| self.wide.get_mut(old.b as usize))
            .flatten();
        if let Some(kept) = kept {
            *kept = node;
            self.slots[id].start = node.start;
        } else {
            self.slots[id] = self.pack(id, node);
        }
    }

    /// The slot for `node` at `id`: packed where that gives it back,
    /// else kept whole.
    fn pack(&mut self, id: usize, node: NodeData) -> Slot {
        if let Some(slot) = packed(id, &node) {
            debug_assert_eq!(unpack_packed(id, &slot), Some(node));
            return slot;
        }
        self.keep_whole(node)
    }

    /// A slot for `node` kept whole in the side vector.
    fn keep_whole(&mut self, node: NodeData) -> Slot {
        self.wide.push(node);
        Slot {
            start: node.start,
            b: u32::try_from(self.wide.len() - 1).unwrap_or(u32::MAX),
            c: WIDE << TAG_SHIFT,
        }
    }

    #[inline]
    fn unpack(&self, id: usize, slot: &Slot) -> NodeData {
        if slot.c >> TAG_SHIFT == WIDE {
            return self.wide.get(slot.b as usize).copied().unwrap_or_default();
        }
        unpack_packed(id, slot).unwrap_or_default()
    }
}

/// `node` packed, when [`unpack_packed`] gives it back exactly.
#[inline]
fn packed(id: usize, n: &NodeData) -> Option<Slot> {
    let kind = n.kind as u32;
    // How many nodes its subtree holds (itself included).
    let subtree = (n.next as usize).checked_sub(id)?;
    match n.kind {
        NodeKind::Paragraph | NodeKind::Furniture => (subtree == 1
            && n.heading_end == 0
            && n.title_start == 0
            && n.title_end == 0
            && n.value == 0
            && n.marker_len == 0
            && n.level == 0)
            .then_some(Slot {
                start: n.start,
                b: n.end,
                c: LEAF << TAG_SHIFT | kind << 16 | u32::from(n.style) << 8 | u32::from(n.flags),
            }),
        NodeKind::Section | NodeKind::Point => {
            let marker_end = n.start.checked_add(u32::from(n.marker_len))?;
            let heading = n.heading_end.checked_sub(marker_end)?;
            let lead = n.title_start.checked_sub(marker_end)?;
            let trail = n.heading_end.checked_sub(n.title_end)?;
            let extra = n.end.checked_sub(n.heading_end)?;
            let fits = |x: u32, (shift, bits): (u32, u32)| (x < 1 << bits).then_some(x << shift);
            let subtree = u32::try_from(subtree.checked_sub(1)?).ok()?;
            Some(Slot {
                start: n.start,
                b: fits(u32::from(n.marker_len), MARKER)?
                    | fits(heading, HEADING)?
                    | fits(trail, TRAIL)?
                    | fits(extra, EXTRA)?
                    | fits(subtree, SUBTREE)?
                    | (kind & 1) << 31,
                c: BRANCH << TAG_SHIFT
                    | fits(u32::from(n.value), VALUE)?
                    | fits(u32::from(n.level), LEVEL)?
                    | fits(u32::from(n.style), STYLE)?
                    | fits(u32::from(n.flags), FLAGS)?
                    | fits(lead, LEAD)?,
            })
        }
    }
}

// Where a packed section's or point's fields stand: (shift, bits). In
// `Slot::b`: the marker's length, the heading's, how far the title ends
// before the heading does, how far the node ends past its heading (its
// children's text), how many nodes are under it, and in its top bit
// whether it is a point.
const MARKER: (u32, u32) = (0, 5);
const HEADING: (u32, u32) = (5, 8);
const TRAIL: (u32, u32) = (13, 4);
const EXTRA: (u32, u32) = (17, 8);
const SUBTREE: (u32, u32) = (25, 6);
// In `Slot::c`, below the tag (2 bits): the marker's value (a decimal
// marker's is below 1,000), the level (up to the depth limit), the style,
// the flags (a section or point has no `RUN`) and how far the title
// starts after the marker.
const VALUE: (u32, u32) = (0, 10);
const LEVEL: (u32, u32) = (10, 8);
const STYLE: (u32, u32) = (18, 5);
const FLAGS: (u32, u32) = (23, 4);
const LEAD: (u32, u32) = (27, 3);

/// The field at `(shift, bits)` of `word`.
#[inline]
fn field(word: u32, (shift, bits): (u32, u32)) -> u32 {
    word >> shift & ((1 << bits) - 1)
}

/// The node a packed slot at `id` holds (`None` for a slot kept whole).
#[inline]
fn unpack_packed(id: usize, s: &Slot) -> Option<NodeData> {
    match s.c >> TAG_SHIFT {
        LEAF => Some(NodeData {
            start: s.start,
            end: s.b,
            next: super::data::index(id + 1),
            kind: if (s.c >> 16 & 3) as u8 == NodeKind::Furniture as u8 {
                NodeKind::Furniture
            } else {
                NodeKind::Paragraph
            },
            style: (s.c >> 8) as u8,
            flags: s.c as u8,
            ..NodeData::default()
        }),
        BRANCH => {
            let marker_len = field(s.b, MARKER) as u8;
            let marker_end = s.start.wrapping_add(u32::from(marker_len));
            let heading_end = marker_end.wrapping_add(field(s.b, HEADING));
            Some(NodeData {
                start: s.start,
                end: heading_end.wrapping_add(field(s.b, EXTRA)),
                next: super::data::index(id + 1 + field(s.b, SUBTREE) as usize),
                heading_end,
                title_start: marker_end.wrapping_add(field(s.c, LEAD)),
                title_end: heading_end.wrapping_sub(field(s.b, TRAIL)),
                value: field(s.c, VALUE) as u16,
                marker_len,
                kind: if s.b >> 31 == NodeKind::Point as u32 & 1 {
                    NodeKind::Point
                } else {
                    NodeKind::Section
                },
                style: field(s.c, STYLE) as u8,
                flags: field(s.c, FLAGS) as u8,
                level: field(s.c, LEVEL) as u8,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every node comes back as given, packed or not.
    #[test]
    fn gives_back_what_it_is_given() {
        let mut random = crate::parse::test_random(7);
        let mut nodes = Nodes::default();
        let mut given = Vec::new();
        for id in 0..5000 {
            let start = random(1 << 20) as u32;
            let marker_len = random(40) as u8;
            let heading_end = start + u32::from(marker_len) + random(300) as u32;
            let node = NodeData {
                start,
                end: heading_end + random(80) as u32,
                next: (id + 1 + [0, 0, 1, 5, 63, 64, 300][random(7)]) as u32,
                heading_end,
                title_start: start + u32::from(marker_len) + random(40) as u32,
                title_end: heading_end.saturating_sub(random(40) as u32),
                value: [random(1100), random(70_000).min(65_535)][random(2)] as u16,
                marker_len,
                kind: [
                    NodeKind::Section,
                    NodeKind::Point,
                    NodeKind::Paragraph,
                    NodeKind::Furniture,
                ][random(4)],
                style: random(40) as u8,
                flags: random(40) as u8,
                level: random(300).min(255) as u8,
            };
            nodes.push(node);
            given.push(node);
            if random(4) == 0 {
                let at = random(given.len());
                let changed = NodeData {
                    next: (at + 1 + random(2)) as u32,
                    end: given[at].end + random(100) as u32,
                    level: random(9) as u8,
                    ..given[at]
                };
                nodes.set(at, changed);
                given[at] = changed;
            }
        }
        // A node whose subtree ends at itself (as no node stored is) is
        // kept whole too.
        let odd = NodeData {
            next: given.len() as u32,
            ..given[0]
        };
        nodes.push(odd);
        given.push(odd);
        assert!(!nodes.wide.is_empty() && nodes.wide.len() < given.len());
        assert!(nodes.iter().eq(given.iter().copied()));
        assert!((0..given.len()).all(|id| nodes.get(id) == Some(given[id])));
    }
}

//! html5ever's tree builder, laid out as it builds: no DOM is kept.
//!
//! The tree builder tells its sink what to create and where to put it. This
//! sink keeps, for each node, only its name and what it makes of the text
//! under it (hidden, `pre`, link, furniture), and lays the text out the
//! moment it is inserted: the page's text grows in source order, and an
//! element's [`Info`] is opened when it is inserted and closed when the tree
//! builder pops it (or when text is inserted into one of its ancestors,
//! since some removals from the stack of open elements are not reported).
//!
//! Where the tree builder moves nodes after they were inserted (the
//! adoption agency's repair of mis-nested inline tags such as
//! `<b><p>…</b>…</p>`), the text stays where it was laid out: a move never
//! reorders text. Text "foster-parented" out of a table (found in a table
//! outside any cell, which a browser shows before the table) is laid out
//! where it stands, on a line of its own.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{Attribute, LocalName, Namespace, QualName};

use rustc_hash::FxHashMap;

use super::layout::{Info, Layout, class, classify, offset};

/// What the text under a node is, as bits: those of the elements around
/// it ([`class::CONTEXT`]), and whether it was foster-parented.
mod ctx {
    use super::class;

    /// Never seen by a reader.
    pub const HIDDEN: u8 = class::HIDDEN as u8;
    /// In a `pre`: white space kept.
    pub const PRE: u8 = class::PRE as u8;
    /// In a link.
    pub const LINK: u8 = class::LINK as u8;
    /// In a `nav`, `header`, `footer`, `aside` or `a`.
    pub const FURNITURE: u8 = class::FURNITURE as u8;
    /// Foster-parented out of a table.
    pub const FOSTERED: u8 = 1 << 4;
}

/// What a handle names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// The document (handle 0).
    Document,
    /// An element.
    Element,
    /// Nothing a reader sees (handle [`UNSEEN`]).
    Unseen,
}

/// The one handle of every template's contents, comment and processing
/// instruction: the tree builder only inserts into them, and nothing put
/// there is seen.
const UNSEEN: usize = 1;

/// A node: its name, what it makes of the text under it, and where it is
/// in the layout's stack.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// Its local name, as an index into [`State::names`].
    name: u32,
    /// Its index in the layout's stack plus one, or 0 when not there.
    open_at: u32,
    /// Its [`class`] bits.
    class: u16,
    /// [`ctx`] bits of the text under it, once inserted.
    ctx: u8,
    /// [`ctx`] bits of its parent's content, once inserted.
    outer: u8,
    kind: Kind,
    /// Its namespace, as an index into [`NAMESPACES`].
    ns: u8,
    /// Inserted once: later insertions are moves.
    attached: bool,
    /// A MathML `annotation-xml` integration point.
    annotation: bool,
}

impl Node {
    fn new(kind: Kind) -> Self {
        Node {
            name: 0,
            open_at: 0,
            class: 0,
            ctx: if matches!(kind, Kind::Document) {
                0
            } else {
                ctx::HIDDEN
            },
            outer: 0,
            kind,
            ns: 0,
            attached: false,
            annotation: false,
        }
    }
}

/// An element being laid out.
#[derive(Clone, Copy, Debug)]
struct Open {
    node: usize,
    info: usize,
    /// Plain characters laid out before it.
    plain: usize,
}

/// The namespaces the tree builder creates elements in.
static NAMESPACES: [Namespace; 3] = [html5ever::ns!(html), html5ever::ns!(svg), html5ever::ns!(mathml)];

/// The sink's state (the tree builder's calls take `&self`).
struct State {
    nodes: Vec<Node>,
    /// The local names of elements, each once (a page uses a few dozen).
    names: Vec<LocalName>,
    name_index: FxHashMap<LocalName, u32>,
    layout: Layout,
    infos: Vec<Info>,
    open: Vec<Open>,
    body: Option<usize>,
    /// Whether the text laid out last was foster-parented: such text is a
    /// line of its own.
    fostered: bool,
    /// Whether an element was opened deeper than [`MAX_DEPTH`] (it and
    /// what is under it were not laid out).
    too_deep: bool,
}

/// The deepest the layout nests elements: pages nest a few dozen deep, and
/// `<b>` repeated nests one more at every three bytes (ten times the page
/// in memory).
#[cfg(not(fuzzing))]
pub(super) const MAX_DEPTH: usize = 10_000;
/// (32 when built for fuzzing, so that the fuzzer's small pages reach it.)
#[cfg(fuzzing)]
pub(super) const MAX_DEPTH: usize = 32;

/// What the sink gives back: the page's text, the elements read, and the
/// index of `body` among them.
pub(super) struct Laid {
    pub text: String,
    pub infos: Vec<Info>,
    pub body: Option<usize>,
    /// Whether elements were refused past the limit, or nested too deep
    /// (as [`Sink::over`] and [`Sink::too_deep`] say while the page is
    /// read: the end of the page can make elements too).
    pub over: bool,
    pub too_deep: bool,
}

/// A [`TreeSink`] that lays the page's text out as it is built.
pub(super) struct Sink {
    state: RefCell<State>,
    /// The tree builder's questions so far (names and identities of nodes):
    /// its work, which grows with the square of the nesting depth.
    steps: Cell<u64>,
    /// The most elements kept (see [`Sink::new`]), a `template` counting
    /// as [`TEMPLATE_WEIGHT`].
    max_elements: usize,
    /// The elements kept so far, so counted.
    elements: Cell<usize>,
    /// Elements asked for past `max_elements`: each is kept with its name
    /// (the tree builder looks elements up by name), but hidden: nothing
    /// under it is laid out.
    refused: Cell<usize>,
}

/// What a `template` counts for among the elements: the tree builder keeps
/// a mark among its formatting elements for each (64 bytes, where an
/// element costs the sink 16 to 36), and nested ones are never laid out,
/// so the nesting limit does not stop them.
pub(super) const TEMPLATE_WEIGHT: usize = 4;

impl Sink {
    /// A sink for a page of about `len` bytes of source (its text is rarely
    /// longer: reserved at once, it is never copied as it grows) that keeps
    /// at most `max_elements` elements.
    pub fn new(len: usize, max_elements: usize) -> Self {
        Sink {
            steps: Cell::new(0),
            max_elements,
            elements: Cell::new(0),
            refused: Cell::new(0),
            state: RefCell::new(State {
                nodes: vec![Node::new(Kind::Document), Node::new(Kind::Unseen)],
                names: vec![LocalName::default()],
                name_index: FxHashMap::default(),
                layout: Layout::with_capacity(len),
                infos: Vec::new(),
                open: Vec::new(),
                body: None,
                fostered: false,
                too_deep: false,
            }),
        }
    }

    /// The tree builder's work so far, in questions asked of the sink.
    pub fn steps(&self) -> u64 {
        self.steps.get()
    }

    fn step(&self) {
        self.steps.set(self.steps.get() + 1);
    }

    /// Whether the tree builder asked for more than `max_elements`
    /// elements.
    pub fn over(&self) -> bool {
        self.refused.get() > 0
    }

    /// Whether elements were nested deeper than [`MAX_DEPTH`].
    pub fn too_deep(&self) -> bool {
        self.state.borrow().too_deep
    }
}

/// Where a node or text is inserted.
#[derive(Clone, Copy)]
enum Place {
    /// As the last child of this node.
    Under(usize),
    /// Before this sibling (foster parenting).
    Before(usize),
}

impl State {
    /// The index of `local` in [`State::names`].
    fn name(&mut self, local: LocalName) -> u32 {
        if let Some(&at) = self.name_index.get(&local) {
            return at;
        }
        let at = offset(self.names.len());
        self.names.push(local.clone());
        self.name_index.insert(local, at);
        at
    }

    fn push(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn insert(&mut self, place: Place, child: NodeOrText<usize>) {
        // The context of the new content, and the layout's stack depth its
        // parent is open at (content inserted where the stack cannot place
        // it is laid out where the layout stands).
        let (outer, depth) = match place {
            Place::Under(parent) => match self.nodes.get(parent) {
                Some(p) if p.kind == Kind::Document => (0, Some(0)),
                Some(p) if p.kind == Kind::Element => (p.ctx, (p.open_at > 0).then_some(p.open_at as usize)),
                _ => (ctx::HIDDEN, None),
            },
            // Laid out where the layout stands (in the table), marked: the
            // table's own content closes it when it goes on.
            Place::Before(sibling) => match self.nodes.get(sibling) {
                Some(s) => (s.outer | ctx::FOSTERED, None),
                None => (ctx::HIDDEN, None),
            },
        };
        match child {
            NodeOrText::AppendText(text) => {
                if outer & ctx::HIDDEN != 0 {
                    return;
                }
                if let Some(depth) = depth {
                    self.close_to(depth);
                }
                // Foster-parented text is a line of its own: a line ends
                // where such text starts and where it stops.
                let fostered = outer & ctx::FOSTERED != 0;
                if fostered != self.fostered {
                    self.layout.end_line();
                    self.fostered = fostered;
                }
                self.layout
                    .text(&text, outer & ctx::PRE != 0, outer & ctx::LINK != 0);
            }
            NodeOrText::AppendNode(node) => {
                let Some(n) = self.nodes.get_mut(node).filter(|n| n.kind == Kind::Element) else {
                    // A comment, or the document: no text.
                    return;
                };
                if n.attached {
                    // A move: its text stays where it was laid out, and the
                    // text still to come into it is in its new place's
                    // context.
                    if (n.ctx | outer) & ctx::HIDDEN == 0 {
                        n.ctx = outer | own_ctx(n.class);
                        n.outer = outer;
                    }
                    return;
                }
                if let Some(depth) = depth {
                    self.close_to(depth);
                }
                self.open(node, outer);
            }
        }
    }

    /// The element `at` inserted into content of context `outer`.
    fn open(&mut self, at: usize, outer: u8) {
        let Some(node) = self.nodes.get_mut(at) else {
            return;
        };
        let c = node.class;
        let inner = outer | own_ctx(c);
        node.attached = true;
        node.ctx = inner;
        node.outer = outer;
        if inner & ctx::HIDDEN != 0 {
            return;
        }
        let layout = &mut self.layout;
        if c & class::BR != 0 {
            layout.line_break();
        }
        if c & class::CELL != 0 {
            layout.cell();
        }
        if c & class::BLOCK != 0 {
            layout.end_line();
        }
        if c & class::VOID != 0 {
            // Its line laid out, a void element has no text to measure.
            if c & class::BLOCK != 0 {
                layout.end_line();
            }
            return;
        }
        if self.open.len() >= MAX_DEPTH {
            self.too_deep = true;
            node.ctx |= ctx::HIDDEN;
            return;
        }
        let info = self.infos.len();
        self.open.push(Open {
            node: at,
            info,
            plain: layout.plain,
        });
        node.open_at = offset(self.open.len());
        let start = offset(layout.out.len());
        self.infos.push(Info {
            start,
            end: start,
            last: offset(info),
            plain: 0,
            heading: 0,
            main: false,
            in_furniture: outer & ctx::FURNITURE != 0,
        });
        if c & class::BODY != 0 {
            self.body = Some(info);
        }
    }

    /// Closes the elements open above `depth` in the layout's stack.
    fn close_to(&mut self, depth: usize) {
        while self.open.len() > depth {
            let Some(open) = self.open.pop() else {
                return;
            };
            let c = match self.nodes.get_mut(open.node) {
                Some(node) => {
                    node.open_at = 0;
                    node.class
                }
                None => 0,
            };
            if c & class::BLOCK != 0 {
                self.layout.end_line();
            }
            let last = offset(self.infos.len().saturating_sub(1));
            let end = offset(self.layout.out.len());
            let plain = offset(self.layout.plain - open.plain);
            if let Some(info) = self.infos.get_mut(open.info) {
                info.end = end;
                info.last = last;
                info.plain = plain;
                // The level is 1…6 (three bits).
                info.heading = ((c & class::HEADING) >> class::HEADING_SHIFT) as u8;
                info.main = c & class::MAIN != 0;
            }
        }
    }
}

/// The [`ctx`] bits an element of [`class`] `c` gives the text under it.
fn own_ctx(c: u16) -> u8 {
    // The context bits are the class's lowest.
    (c & class::CONTEXT) as u8
}

/// Whether `attrs` hold `role=main`.
fn role_main(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| a.name.ns.is_empty() && &*a.name.local == "role" && &*a.value == "main")
}

/// An element's name, as the tree builder asks for it.
#[derive(Debug)]
pub(super) struct Name {
    ns: &'static Namespace,
    local: LocalName,
}

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        self.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Laid;
    type ElemName<'a> = Name;

    fn finish(self) -> Laid {
        let over = self.over();
        let mut state = self.state.into_inner();
        state.close_to(0);
        state.layout.end_line();
        let mut text = state.layout.out;
        // A page mostly of markup: give back what its text did not use.
        if text.capacity() / 2 > text.len() {
            text.shrink_to_fit();
        }
        Laid {
            text,
            infos: state.infos,
            body: state.body,
            over,
            too_deep: state.too_deep,
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Name {
        self.step();
        let state = self.state.borrow();
        let node = state.nodes.get(*target);
        Name {
            ns: &NAMESPACES[node.map_or(0, |n| usize::from(n.ns))],
            local: node
                .and_then(|n| state.names.get(n.name as usize))
                .cloned()
                .unwrap_or_default(),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let mut state = self.state.borrow_mut();
        let weight = if name.local == html5ever::local_name!("template") {
            TEMPLATE_WEIGHT
        } else {
            1
        };
        let elements = self.elements.get() + weight;
        // Past the limit, nothing is laid out under it; the caller stops
        // once the piece it gave the tree builder is read.
        let refused = elements > self.max_elements;
        if refused {
            self.refused.set(self.refused.get() + 1);
        } else {
            self.elements.set(elements);
        }
        // The tree builder creates no element in another namespace.
        let ns = NAMESPACES.iter().position(|n| *n == name.ns).unwrap_or(0) as u8;
        let mut c = classify(&name.local);
        if role_main(&attrs) {
            c |= class::MAIN;
        }
        if refused {
            c = class::HIDDEN;
        }
        let mut node = Node::new(Kind::Element);
        node.name = state.name(name.local);
        node.ns = ns;
        node.class = c;
        // Until it is inserted: what it gives to nodes moved into it.
        node.ctx = own_ctx(c);
        node.annotation = flags.mathml_annotation_xml_integration_point;
        state.push(node)
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        UNSEEN
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        UNSEEN
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.state.borrow_mut().insert(Place::Under(*parent), child);
    }

    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        let mut state = self.state.borrow_mut();
        let place = if state.nodes.get(*element).is_some_and(|n| n.attached) {
            Place::Before(*element)
        } else {
            Place::Under(*prev_element)
        };
        state.insert(place, child);
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn pop(&self, node: &usize) {
        // Only the innermost: an element removed from the middle of the
        // stack (a mis-nested `</a>`, `</form>`) leaves its descendants open.
        let mut state = self.state.borrow_mut();
        let at = state.nodes.get(*node).map_or(0, |n| n.open_at as usize);
        if at > 0 && at == state.open.len() {
            state.close_to(at - 1);
        }
    }

    fn get_template_contents(&self, _target: &usize) -> usize {
        UNSEEN
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        self.step();
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        self.state.borrow_mut().insert(Place::Before(*sibling), new_node);
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        if role_main(&attrs)
            && let Some(node) = self.state.borrow_mut().nodes.get_mut(*target)
        {
            node.class |= class::MAIN;
        }
    }

    fn remove_from_parent(&self, _target: &usize) {}

    fn reparent_children(&self, _node: &usize, _new_parent: &usize) {}

    fn is_mathml_annotation_xml_integration_point(&self, handle: &usize) -> bool {
        self.state
            .borrow()
            .nodes
            .get(*handle)
            .is_some_and(|n| n.annotation)
    }
}

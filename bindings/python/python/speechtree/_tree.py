"""The tree: a Document and its nodes, over the table the extension builds."""

from __future__ import annotations

import json
import os
from array import array
from dataclasses import dataclass
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterator,
    List,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from . import _speechtree

if TYPE_CHECKING:
    import pandas

    from ._chunks import Chunk

_STRIDE: int = _speechtree.STRIDE
_STYLES: List[str] = list(_speechtree.STYLES)
_FURNITURE: List[str] = list(_speechtree.FURNITURE)

# The columns of a row of the table (see bindings/python/src/lib.rs).
(
    _KIND,
    _DEPTH,
    _PARENT,
    _SUBTREE_END,
    _START,
    _END,
    _BYTE_START,
    _BYTE_END,
    _LEVEL,
    _M_START,
    _M_END,
    _M_VALUE,
    _M_STYLE,
    _M_BYTE_START,
    _M_BYTE_END,
    _H_START,
    _H_END,
    _H_BYTE_START,
    _H_BYTE_END,
    _T_START,
    _T_END,
    _EVIDENCE,
) = range(22)

Hint = Tuple[int, int, int]


class Marker(NamedTuple):
    """An ordinal as written: ``一、``, ``（二）``, ``3.``, ``一是``, ``首先，``.

    Attributes:
        text: The marker as written, delimiter included.
        value: Its numeric value (``（十二）`` is 12, ``其次`` is 2).
        style: Its form: ``dun`` (一、), ``paren_han`` (（一）), ``dot`` (1.),
            ``paren_digit`` (（1）), ``circled`` (①), ``paren_number`` (⑴),
            ``paren_ideograph`` (㈠), ``chapter`` (第一章), ``chapter_section``
            (第一节), ``article`` (第一条), ``part`` (第一部分), ``book``
            (第一编), ``sub_book`` (第一分编), ``ordinal`` (第一，), ``qi``
            (其一，), ``shi`` (一是), ``yao`` (一要), ``sequence`` (首先),
            ``decimal`` … ``decimal4`` (1, 1.1 …), ``digit_stop`` (⒈),
            ``letter`` (A.), ``small_letter`` (a)), ``section_sign`` (§ 1).
        start: Where it starts in the source, as a ``str`` index.
        end: Where it ends, as a ``str`` index.
        byte_start: Where it starts, as a byte offset into the UTF-8 source.
        byte_end: Where it ends, as a byte offset.
    """

    text: str
    value: int
    style: str
    start: int
    end: int
    byte_start: int
    byte_end: int

    @property
    def is_heading(self) -> bool:
        """Whether the style numbers sections rather than inline points."""
        return self.style not in ("ordinal", "qi", "shi", "yao", "sequence")


class Heading(NamedTuple):
    """A section's heading or a point's lead.

    Attributes:
        text: The heading exactly as in the source (white space, closing
            punctuation and line break included).
        title: The clean heading, without them (in Markdown, without the markup
            inside it too: ``加强**党的**领导`` is ``加强党的领导``).
        start: Where ``text`` starts in the source, as a ``str`` index.
        end: Where ``text`` ends, as a ``str`` index.
        byte_start: Where ``text`` starts, as a byte offset.
        byte_end: Where ``text`` ends, as a byte offset.
        inferred_end: The end was inferred (no punctuation or line break ended it).
        run_in: The marker stood after a sentence end, not at a line start.
        unnumbered: The heading has no ordinal; it was recognised from its shape.
    """

    text: str
    title: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    inferred_end: bool = False
    run_in: bool = False
    unnumbered: bool = False


@dataclass(frozen=True)
class Diagnostic:
    """A numbering oddity found while parsing (parsing itself never fails).

    Attributes:
        code: Its stable id: ``skipped-ordinal``, ``duplicate-ordinal``,
            ``not-starting-at-one``, ``empty-heading``, ``depth-limit``,
            ``boilerplate-share``, ``markup-as-text``.
        message: One line, lowercase.
        start: Where it is (usually the marker), as a ``str`` index.
        end: Its end, as a ``str`` index.
        byte_start: Where it is, as a byte offset.
        byte_end: Its end, as a byte offset.
        related: A related place as a byte range, such as the marker the
            sequence continued from.
    """

    code: str
    message: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    related: Optional[Tuple[int, int]] = None


@dataclass(frozen=True)
class Finding:
    """A numbering fault reported by :meth:`Document.lint`.

    Attributes:
        rule: The rule's id, such as ``skipped-ordinal`` or ``non-standard-delimiter``.
        severity: ``error`` or ``warning``.
        message: One line, lowercase.
        start: The offending marker's start, as a ``str`` index.
        end: Its end, as a ``str`` index.
        byte_start: Its start, as a byte offset.
        byte_end: Its end, as a byte offset.
    """

    rule: str
    severity: str
    message: str
    start: int
    end: int
    byte_start: int
    byte_end: int


class Node:
    """A node of the tree. Its class says its kind: :class:`Section`,
    :class:`Point`, :class:`Paragraph`, :class:`Furniture` or :class:`Space`.

    Nodes are light views into their :class:`Document`; two views of the same
    node compare equal. ``text[node.start:node.end]`` is the node's text.
    """

    __slots__ = ("_doc", "_row")

    kind: str = "node"

    def __init__(self, doc: Document, row: int) -> None:
        self._doc = doc
        self._row = row

    def _get(self, column: int) -> int:
        return self._doc._table[self._row * _STRIDE + column]

    @property
    def document(self) -> Document:
        """The document this node belongs to."""
        return self._doc

    @property
    def index(self) -> int:
        """The node's position in document order (as in :meth:`Document.walk`)."""
        return self._row

    @property
    def depth(self) -> int:
        """0 for a top-level node, 1 for its children, and so on."""
        return self._get(_DEPTH)

    @property
    def start(self) -> int:
        """Where the node starts in the source, as a ``str`` index."""
        return self._get(_START)

    @property
    def end(self) -> int:
        """Where the node ends (exclusive), as a ``str`` index."""
        return self._get(_END)

    @property
    def byte_start(self) -> int:
        """Where the node starts, as a byte offset into the UTF-8 source."""
        return self._get(_BYTE_START)

    @property
    def byte_end(self) -> int:
        """Where the node ends, as a byte offset."""
        return self._get(_BYTE_END)

    @property
    def text(self) -> str:
        """The node's text, children included: ``source[start:end]``."""
        return self._doc.source[self.start : self.end]

    @property
    def parent(self) -> Optional[Node]:
        """The enclosing section or point, or ``None`` at the top level."""
        parent = self._get(_PARENT)
        return None if parent < 0 else self._doc._node(parent)

    @property
    def children(self) -> List[Node]:
        """The nodes directly under this one (empty for leaves)."""
        return self._doc._children_of(self._row)

    def walk(self) -> Iterator[Tuple[int, Node]]:
        """The node's descendants in document order, with their depth
        relative to this node (1 for its children)."""
        base = self.depth
        end = self._get(_SUBTREE_END)
        for row in range(self._row + 1, end):
            node = self._doc._node(row)
            yield node.depth - base, node

    @property
    def marker(self) -> Optional[Marker]:
        """The ordinal of a section or point; ``None`` otherwise."""
        b = self._row * _STRIDE
        t = self._doc._table
        start = t[b + _M_START]
        if start < 0:
            return None
        end = t[b + _M_END]
        style = t[b + _M_STYLE]
        return Marker(
            self._doc.source[start:end],
            t[b + _M_VALUE],
            _STYLES[style] if 0 <= style < len(_STYLES) else "other",
            start,
            end,
            t[b + _M_BYTE_START],
            t[b + _M_BYTE_END],
        )

    @property
    def heading(self) -> Optional[Heading]:
        """A section's heading or a point's lead; ``None`` otherwise."""
        b = self._row * _STRIDE
        t = self._doc._table
        start = t[b + _H_START]
        if start < 0:
            return None
        end = t[b + _H_END]
        evidence = t[b + _EVIDENCE]
        return Heading(
            self._doc.source[start:end],
            self.title or "",
            start,
            end,
            t[b + _H_BYTE_START],
            t[b + _H_BYTE_END],
            bool(evidence & 1),
            bool(evidence & 2),
            bool(evidence & 4),
        )

    @property
    def title(self) -> Optional[str]:
        """The clean heading (or lead) of a section or point, the clean value
        of furniture; ``None`` for paragraphs and white space. In Markdown
        the markup inside a heading is left out (``加强**党的**领导`` is
        ``加强党的领导``); :attr:`Heading.text` keeps the source as written."""
        start = self._get(_T_START)
        if start < 0:
            return None
        return self._doc._plain.get(self._row, self._doc.source[start : self._get(_T_END)])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and other._doc is self._doc and other._row == self._row

    def __hash__(self) -> int:
        return hash((id(self._doc), self._row))

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_node_of, (self._doc, self._row))

    def __repr__(self) -> str:
        parts = [f"{type(self).__name__}@{self.start}..{self.end}"]
        marker = self.marker
        if marker is not None:
            parts.append(repr(marker.text))
        title = self.title
        if title is not None:
            parts.append(repr(_shorten(title)))
        elif self.kind in ("paragraph", "space"):
            parts.append(repr(_shorten(self.text)))
        if self._get(_SUBTREE_END) > self._row + 1:
            n = len(self.children)
            parts.append(f"({n} {'child' if n == 1 else 'children'})")
        return "<" + " ".join(parts) + ">"


class Section(Node):
    """A heading of the document's hierarchy (一、 （一） 1. 第一章 第一条 …)
    and everything under it, up to the next heading of the same or a higher level."""

    __slots__ = ()
    kind = "section"

    @property
    def level(self) -> int:
        """Depth in the document's own heading hierarchy, 1 for the outermost style met."""
        return self._get(_LEVEL)

    @property
    def lead(self) -> Optional[Heading]:
        """The heading (sections have a heading; points call theirs a lead)."""
        return self.heading


class Point(Node):
    """An inline enumeration item (一是, 二要, 第三，, 首先，…) with its lead
    (its first clause) and the rest of its text as children."""

    __slots__ = ()
    kind = "point"

    @property
    def lead(self) -> Optional[Heading]:
        """The point's lead: its first clause."""
        return self.heading


class Paragraph(Node):
    """Body text: one line, or the text between two markers when line breaks were lost."""

    __slots__ = ()
    kind = "paragraph"


class Furniture(Node):
    """Title, subtitle, byline, salutation, closing, notes or page boilerplate."""

    __slots__ = ()
    kind = "furniture"

    @property
    def furniture_kind(self) -> str:
        """``title``, ``subtitle``, ``byline``, ``salutation``, ``closing``, ``noise``, ``notes``, ``contents`` or ``attachments``."""
        code = self._get(_LEVEL)
        return _FURNITURE[code] if 0 <= code < len(_FURNITURE) else "other"

    @property
    def value(self) -> str:
        """The clean text: the title itself, the salutation without its colon."""
        return self.title or ""


class Space(Node):
    """White space between structure (blank lines, indentation before a marker)."""

    __slots__ = ()
    kind = "space"


_CLASSES: Tuple[type, ...] = (Section, Point, Paragraph, Furniture, Space)


def _node_of(doc: Document, row: int) -> Node:
    return doc._node(row)


def _shorten(s: str, n: int = 20) -> str:
    s = s.strip()
    return s if len(s) <= n else s[: n - 1] + "…"


class Document:
    """A parsed document: its source text and the tree over it.

    Build one with :func:`speechtree.parse` or :func:`speechtree.read`.
    Documents pickle (with their source) and are immutable.

    Attributes:
        source: The text the tree was built from (for a file, the decoded text).
        path: The file it was read from, or ``None``.
        max_depth: The nesting limit it was parsed with.
        input_kind: What the source was read as: ``"text"``, ``"markdown"`` (then
            ``source`` is the Markdown source, and the tree's spans index
            it), ``"html"`` (the page's text) or ``"docx"``.
    """

    __slots__ = ("source", "path", "max_depth", "input_kind", "_hints", "_table", "_diagnostics", "_plain", "_top")

    def __init__(
        self,
        source: str,
        table: Union[bytes, "array[int]"],
        diagnostics: Sequence[Any],
        *,
        path: Optional[str] = None,
        max_depth: int = 32,
        hints: Sequence[Hint] = (),
        input_kind: str = "text",
        plain_titles: Sequence[Tuple[int, str]] = (),
    ) -> None:
        self.source = source
        self.path = path
        self.max_depth = max_depth
        self.input_kind = input_kind
        self._hints: List[Hint] = [tuple(h) for h in hints]  # type: ignore[misc]
        if isinstance(table, array):
            self._table = table
        else:
            self._table = array("q")
            self._table.frombytes(table)
        self._diagnostics: List[Diagnostic] = [
            d
            if isinstance(d, Diagnostic)
            else Diagnostic(
                code=d[0],
                message=d[1],
                byte_start=d[2][0],
                byte_end=d[2][1],
                start=d[3][0],
                end=d[3][1],
                related=None if d[4] is None else (d[4][0], d[4][1]),
            )
            for d in diagnostics
        ]
        # Titles that hold markup inside them (Markdown's ``**``), without
        # it, by row: the table's title range is the source's.
        self._plain: Dict[int, str] = dict(plain_titles)
        self._top: Optional[List[int]] = None

    def __reduce__(self) -> Tuple[Any, ...]:
        return (
            _rebuild_document,
            (
                self.source,
                self._table.tobytes(),
                self._diagnostics,
                self.path,
                self.max_depth,
                self._hints,
                self.input_kind,
                list(self._plain.items()),
            ),
        )

    def __len__(self) -> int:
        """The number of nodes, at any depth."""
        return len(self._table) // _STRIDE

    def __repr__(self) -> str:
        title = self.title
        name = f" {self.path!r}" if self.path else ""
        what = f" {_shorten(title)!r}" if title else ""
        return (
            f"<Document{name}{what}: {len(self.source)} chars, "
            f"{sum(1 for _ in self.sections())} sections, {sum(1 for _ in self.points())} points>"
        )

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Document)
            and other.source == self.source
            and other._table == self._table
            and other._hints == self._hints
            and other.input_kind == self.input_kind
        )

    def __hash__(self) -> int:
        return hash(self.source)

    def _node(self, row: int) -> Node:
        cls = _CLASSES[self._table[row * _STRIDE + _KIND]]
        node: Node = cls(self, row)
        return node

    def _children_of(self, row: int) -> List[Node]:
        table = self._table
        out: List[Node] = []
        if row < 0:
            child, end = 0, len(table) // _STRIDE
        else:
            child, end = row + 1, table[row * _STRIDE + _SUBTREE_END]
        while child < end:
            out.append(self._node(child))
            child = table[child * _STRIDE + _SUBTREE_END]
        return out

    def _rows(self, kind: int) -> Iterator[int]:
        table = self._table
        for row in range(len(table) // _STRIDE):
            if table[row * _STRIDE + _KIND] == kind:
                yield row

    @property
    def span(self) -> Tuple[int, int]:
        """The whole source as ``(start, end)`` ``str`` indices."""
        return (0, len(self.source))

    @property
    def children(self) -> List[Node]:
        """The top-level nodes in document order."""
        return self._children_of(-1)

    @property
    def diagnostics(self) -> List[Diagnostic]:
        """Numbering oddities found while parsing, in document order."""
        return list(self._diagnostics)

    def _furniture(self, kind: str) -> Optional[str]:
        for node in self.children:
            if isinstance(node, Furniture) and node.furniture_kind == kind:
                return node.value
        return None

    @property
    def title(self) -> Optional[str]:
        """The title, when one was recognised."""
        return self._furniture("title")

    @property
    def salutation(self) -> Optional[str]:
        """The salutation without its colon (``同志们``), when one was recognised."""
        return self._furniture("salutation")

    def walk(self) -> Iterator[Tuple[int, Node]]:
        """Every node in document order with its depth (0 for top-level nodes)."""
        table = self._table
        classes = _CLASSES
        for b in range(0, len(table), _STRIDE):
            yield table[b + _DEPTH], classes[table[b + _KIND]](self, b // _STRIDE)

    def sections(self) -> Iterator[Section]:
        """All sections, at any depth, in document order."""
        for row in self._rows(0):
            yield Section(self, row)

    def points(self) -> Iterator[Point]:
        """All points, at any depth, in document order."""
        for row in self._rows(1):
            yield Point(self, row)

    def line_col(self, index: int) -> Tuple[int, int]:
        """1-based line and column (in characters) of a ``str`` index of the source."""
        line = self.source.count("\n", 0, index) + 1
        column = index - (self.source.rfind("\n", 0, index) + 1) + 1
        return line, column

    def outline(self) -> str:
        """The outline, as the command prints it: one line per section and point."""
        return _speechtree.outline(self.source, self.max_depth, self._hints, self.input_kind)

    def lint(self) -> List[Finding]:
        """The numbering faults the rules on by default find, in document order
        (what ``speechtree lint`` reports)."""
        return [
            Finding(
                rule=rule,
                severity=severity,
                message=message,
                byte_start=b[0],
                byte_end=b[1],
                start=c[0],
                end=c[1],
            )
            for rule, severity, message, b, c in _speechtree.lint(
                self.source, self.max_depth, self._hints, self.input_kind
            )
        ]

    def to_json(self, *, indent: Optional[int] = None) -> str:
        """The tree as JSON, exactly the schema of ``speechtree --format json FILE``.

        Positions in JSON are byte offsets, as in the command. With
        ``indent=2`` the text is the command's, byte for byte (without its
        final newline); without, it is one line (the ``document`` of a
        ``--format jsonl`` line).
        """
        if indent is None:
            return _speechtree.to_json(self.source, self.max_depth, self._hints, self.input_kind, False)
        if indent == 2:
            return _speechtree.to_json(self.source, self.max_depth, self._hints, self.input_kind, True)
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_dict(self) -> Dict[str, Any]:
        """The tree as plain dicts and lists: ``json.loads(self.to_json())``."""
        result: Dict[str, Any] = json.loads(self.to_json())
        return result

    def to_pandas(self) -> "pandas.DataFrame":
        """One row per node (white space excepted): the columns of the
        command's ``csv`` format, ``start``/``end`` as ``str`` indices and
        ``byte_start``/``byte_end`` as the command's byte offsets. Needs pandas."""
        from ._frame import to_frame

        return to_frame([self])

    def chunks(self, max_chars: int = 1000, overlap: int = 0, *, min_chars: Optional[int] = None) -> List["Chunk"]:
        """Splits the document for retrieval, following its tree.

        A chunk holds at most ``max_chars`` characters. It never spans two
        top-level sections unless both are tiny (shorter than ``min_chars``,
        by default a quarter of ``max_chars`` and at most 200): whole
        sections are packed together while they fit, a section too long for
        one chunk is split at its subsections, points and paragraphs, and
        only a single paragraph longer than the chunk is cut (at sentence
        ends when it can). The top-level text that is not in a section
        (title, salutation, opening paragraphs) counts as a section here.
        ``overlap`` characters of the text before a chunk are prepended to it
        (``overlap < max_chars``; the chunk still fits ``max_chars``).
        White space at a chunk's edges is left out.
        """
        from ._chunks import chunks

        return chunks(self, max_chars=max_chars, overlap=overlap, min_chars=min_chars)


def _rebuild_document(
    source: str,
    table: bytes,
    diagnostics: List[Diagnostic],
    path: Optional[str],
    max_depth: int,
    hints: List[Hint],
    input_kind: str = "text",
    plain_titles: Sequence[Tuple[int, str]] = (),
) -> Document:
    return Document(
        source,
        table,
        diagnostics,
        path=path,
        max_depth=max_depth,
        hints=hints,
        input_kind=input_kind,
        plain_titles=plain_titles,
    )


PathLike = Union[str, "os.PathLike[str]"]

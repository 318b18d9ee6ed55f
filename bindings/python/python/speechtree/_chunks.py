"""Splitting a document for retrieval, along its tree."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, List, Optional, Tuple

if TYPE_CHECKING:
    from ._tree import Document, Node

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*|\n")


@dataclass(frozen=True)
class Chunk:
    """A piece of a document for retrieval.

    Attributes:
        text: The chunk's text: ``document.source[start:end]``.
        heading_path: The sections it lies in, from the top, each as marker
            and title (``["三、扎实做好今年各项重点工作", "（二）深化数据共享应用"]``).
        start: Where it starts in the source, as a ``str`` index.
        end: Where it ends, as a ``str`` index.
    """

    text: str
    heading_path: List[str] = field(default_factory=list)
    start: int = 0
    end: int = 0


@dataclass
class _Unit:
    """A run of the source that stays in one chunk: a whole node, a
    section's own heading line, or a piece of an over-long paragraph."""

    start: int
    end: int
    group: int
    path: Tuple[str, ...]


def _label(node: "Node") -> str:
    marker = node.marker
    return (marker.text.strip() if marker else "") + (node.title or "").strip()


def _units(doc: "Document", budget: int) -> Tuple[List[_Unit], List[int]]:
    """The document cut into units of at most ``budget`` characters, each
    tagged with its top-level group; and each group's length."""
    from ._tree import Section, Space

    units: List[_Unit] = []

    def split_text(start: int, end: int, group: int, path: Tuple[str, ...]) -> None:
        # Pack whole sentences up to the budget; cut a sentence longer than
        # the budget where it must.
        bounds = [m.end() for m in _SENTENCE_END.finditer(doc.source, start, end)]
        if not bounds or bounds[-1] != end:
            bounds.append(end)
        piece = previous = start
        for bound in bounds:
            if bound - piece > budget:
                if previous > piece:
                    units.append(_Unit(piece, previous, group, path))
                    piece = previous
                while bound - piece > budget:
                    units.append(_Unit(piece, piece + budget, group, path))
                    piece += budget
            previous = bound
        if piece < end:
            units.append(_Unit(piece, end, group, path))

    def visit(node: "Node", group: int, path: Tuple[str, ...]) -> None:
        if isinstance(node, Space):
            return
        own = path + (_label(node),) if isinstance(node, Section) else path
        if node.end - node.start <= budget:
            units.append(_Unit(node.start, node.end, group, own))
            return
        children = node.children
        if not children:
            split_text(node.start, node.end, group, own)
            return
        # The node's own text before its first child (marker and heading).
        first = children[0].start
        if first > node.start:
            split_text(node.start, first, group, own)
        for child in children:
            visit(child, group, own)

    group_sizes: List[int] = []
    previous_was_section = True
    for node in doc.children:
        if isinstance(node, Space):
            continue
        # Consecutive top-level nodes that are not sections (title,
        # salutation, opening paragraphs) form one group.
        is_section = isinstance(node, Section)
        if is_section or previous_was_section:
            group_sizes.append(0)
        previous_was_section = is_section
        group = len(group_sizes) - 1
        group_sizes[group] += node.end - node.start
        visit(node, group, ())
    return units, group_sizes


def _common(a: Tuple[str, ...], b: Tuple[str, ...]) -> Tuple[str, ...]:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return a[:n]


def chunks(doc: "Document", *, max_chars: int, overlap: int = 0, min_chars: Optional[int] = None) -> List[Chunk]:
    """See :meth:`speechtree.Document.chunks`."""
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    if not 0 <= overlap < max_chars:
        raise ValueError("overlap must be at least 0 and less than max_chars")
    budget = max_chars - overlap
    units, sizes = _units(doc, budget)
    tiny = min(max_chars // 4, 200) if min_chars is None else min_chars

    spans: List[Tuple[int, int, Tuple[str, ...]]] = []
    current: List[_Unit] = []
    for unit in units:
        if current:
            start = current[0].start
            same_group = unit.group == current[-1].group
            groups_tiny = sizes[unit.group] < tiny and all(sizes[u.group] < tiny for u in current)
            if unit.end - start <= budget and (same_group or groups_tiny):
                current.append(unit)
                continue
            spans.append(_close(current))
        current = [unit]
    if current:
        spans.append(_close(current))

    out: List[Chunk] = []
    source = doc.source
    for start, end, path in spans:
        # Trim white space at the edges; then reach back for the overlap.
        while start < end and source[start].isspace():
            start += 1
        while end > start and source[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if overlap:
            start = max(0, start - overlap)
        out.append(Chunk(text=source[start:end], heading_path=list(path), start=start, end=end))
    return out


def _close(units: List[_Unit]) -> Tuple[int, int, Tuple[str, ...]]:
    path = units[0].path
    for u in units[1:]:
        path = _common(path, u.path)
    return units[0].start, units[-1].end, path

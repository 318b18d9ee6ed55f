"""Tables of nodes for pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Union

if TYPE_CHECKING:
    import pandas

    from ._errors import SpeechtreeError
    from ._tree import Document

#: The columns of :func:`to_frame`, in order.
COLUMNS = [
    "doc",
    "path",
    "depth",
    "kind",
    "marker",
    "value",
    "heading",
    "start",
    "end",
    "byte_start",
    "byte_end",
]


def rows(doc: "Document", index: int = 0) -> List[Dict[str, Any]]:
    """The rows of :func:`to_frame` for one document, as dicts."""
    from ._tree import Furniture, Space

    out: List[Dict[str, Any]] = []
    for depth, node in doc.walk():
        if isinstance(node, Space):
            continue
        marker = node.marker
        if isinstance(node, Furniture):
            kind = f"furniture:{node.furniture_kind}"
        else:
            kind = node.kind
        out.append(
            {
                "doc": index,
                "path": doc.path,
                "depth": depth,
                "kind": kind,
                "marker": marker.text.strip() if marker else "",
                "value": marker.value if marker else None,
                "heading": node.title or "",
                "start": node.start,
                "end": node.end,
                "byte_start": node.byte_start,
                "byte_end": node.byte_end,
            }
        )
    return out


def to_frame(docs: Iterable[Union["Document", "SpeechtreeError"]], *, kinds: Optional[Iterable[str]] = None) -> "pandas.DataFrame":
    """One row per node of every document (white space excepted), in document order.

    The columns are those of the command's ``csv`` format: ``path``,
    ``depth``, ``kind`` (``section``, ``point``, ``paragraph``,
    ``furniture:title`` …), ``marker`` (as written, trimmed), ``value``
    (the marker's number, ``<NA>`` without one), ``heading`` (a section's
    heading, a point's lead, furniture's clean text), with ``doc`` (the
    document's position in ``docs``) first. ``start`` and ``end`` are
    ``str`` indices; ``byte_start`` and ``byte_end`` are the byte offsets
    the ``csv`` format calls ``start`` and ``end``.

    ``kinds`` keeps only rows of those kinds (``{"section", "point"}``).
    Exceptions in ``docs`` (from :func:`speechtree.read_many`) are skipped.
    Needs pandas.
    """
    import pandas as pd

    from ._tree import Document

    wanted = set(kinds) if kinds is not None else None
    records: List[Dict[str, Any]] = []
    for i, doc in enumerate(docs):
        if not isinstance(doc, Document):
            continue
        for row in rows(doc, i):
            if wanted is None or row["kind"] in wanted:
                records.append(row)
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    types = {
        "doc": "int64",
        "path": "object",
        "depth": "int64",
        "kind": "object",
        "marker": "object",
        "value": "Int64",
        "heading": "object",
        "start": "int64",
        "end": "int64",
        "byte_start": "int64",
        "byte_end": "int64",
    }
    return frame.astype(types)

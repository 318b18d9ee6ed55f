"""speechtree: the structure of Chinese speeches, reports, laws and official documents.

Parses 讲话稿, 政府工作报告, 法规 and 公文 into a typed, lossless tree:
sections (一、 （一） 1. （1） 第一章 第一条 …), inline points (一是 / 一要 /
第一， / 首先…) with their leads, and the furniture (title, salutation,
closing). The parser is the Rust library ``speechtree``; this package wraps
it for Python.

>>> import speechtree
>>> doc = speechtree.parse("在全市工作会议上的讲话\\n同志们：\\n一、充分肯定成绩\\n一是机构健全。二是制度完善。\\n")
>>> doc.title
'在全市工作会议上的讲话'
>>> [s.title for s in doc.sections()]
['充分肯定成绩']
>>> [p.lead.title for p in doc.points()]
['机构健全', '制度完善']
>>> s = doc.sections().__next__()
>>> doc.source[s.start:s.end]
'一、充分肯定成绩\\n一是机构健全。二是制度完善。\\n'
"""

from __future__ import annotations

import os
from typing import Any, Iterable, List, Literal, Optional, Tuple, Union, cast

from . import _speechtree
from ._chunks import Chunk
from ._errors import DecodeError, ReadError, SpeechtreeError, _from_raw
from ._frame import to_frame
from ._tree import (
    Diagnostic,
    Document,
    Finding,
    Furniture,
    Heading,
    Marker,
    Node,
    Paragraph,
    Point,
    Section,
    Space,
)

__all__ = [
    "Chunk",
    "DecodeError",
    "Diagnostic",
    "Document",
    "Finding",
    "Furniture",
    "Heading",
    "Marker",
    "Node",
    "Paragraph",
    "Point",
    "ReadError",
    "Section",
    "Space",
    "SpeechtreeError",
    "parse",
    "parse_many",
    "read",
    "read_many",
    "to_frame",
]

__version__ = "0.1.0"

#: The values ``read``'s ``from_`` accepts.
FORMATS = ("auto", "text", "markdown", "html", "docx")

From = Literal["auto", "text", "markdown", "html", "docx"]
Errors = Literal["raise", "return"]
StrPath = Union[str, "os.PathLike[str]"]


def _check(max_depth: int, from_: str = "auto") -> None:
    if max_depth < 1:
        raise ValueError("max_depth must be at least 1")
    if from_ not in FORMATS:
        raise ValueError(f"from_ must be one of {', '.join(FORMATS)}, not {from_!r}")


def parse(text: str, *, max_depth: int = 32) -> Document:
    """Parses ``text`` into a :class:`Document`. Parsing never fails: odd
    numbering becomes :attr:`Document.diagnostics`.

    ``max_depth`` bounds the nesting of sections and points; deeper markers
    are kept as siblings and reported as ``depth-limit`` diagnostics.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    _check(max_depth)
    table, diagnostics, _ = _speechtree.parse(text, max_depth)
    return Document(text, table, diagnostics, max_depth=max_depth)


def read(
    path: StrPath,
    *,
    encoding: Optional[str] = None,
    from_: From = "auto",
    max_depth: int = 32,
) -> Document:
    """Reads and parses a file as the command does: text in UTF-8, UTF-16
    (with a byte-order mark) or GB18030, detected unless ``encoding`` names
    one (a WHATWG label: ``gbk``, ``big5``, ``utf-16le`` …), Markdown (its
    headings and emphasis are evidence, its markup is not text), an HTML
    page (the text a reader sees, its headings as evidence) or a ``.docx``
    (with Word's numbering and heading styles).

    ``from_`` says what the file is: ``auto`` (by extension: ``.md``,
    ``.html``, ``.docx``, and by content), ``text``, ``markdown``, ``html``
    or ``docx``. :attr:`Document.input_kind` says what it was read as. For
    Markdown, :attr:`Document.source` is the Markdown source and the tree's
    spans index it; for HTML it is the page's text.

    Raises:
        DecodeError: the bytes are not valid in the encoding (a ValueError),
            with ``path``, ``line``, ``column`` and ``offset``.
        ReadError: the file cannot be read, is too large, or is not a
            readable ``.docx`` (an OSError), with ``path``.
    """
    _check(max_depth, from_)
    name = os.fspath(path)
    result = _document_or_error(name, _speechtree.read(name, encoding, from_, max_depth), max_depth)
    if isinstance(result, SpeechtreeError):
        raise result
    return result


def _document_or_error(name: str, result: Tuple[bool, Any], max_depth: int) -> Union[Document, SpeechtreeError]:
    ok, payload = result
    if not ok:
        return _from_raw(cast(Tuple[str, str, str, Optional[int], Optional[int], Optional[int]], payload))
    text, hints, input_kind, table, diagnostics, plain = payload
    return Document(
        text,
        table,
        diagnostics,
        path=name,
        max_depth=max_depth,
        hints=hints,
        input_kind=input_kind,
        plain_titles=plain,
    )


def parse_many(texts: Iterable[str], *, threads: Optional[int] = None, max_depth: int = 32) -> List[Document]:
    """Parses every text, in parallel and without holding the GIL.

    ``threads`` is the number of threads (default: one per core). The result
    is in the order of ``texts``.
    """
    texts = list(texts)
    for t in texts:
        if not isinstance(t, str):
            raise TypeError(f"texts must be str, not {type(t).__name__}")
    _check(max_depth)
    raws = _speechtree.parse_many(texts, max_depth, threads)
    return [
        Document(text, table, diagnostics, max_depth=max_depth)
        for text, (table, diagnostics, _) in zip(texts, raws)
    ]


def read_many(
    paths: Iterable[StrPath],
    *,
    encoding: Optional[str] = None,
    from_: From = "auto",
    threads: Optional[int] = None,
    max_depth: int = 32,
    errors: Errors = "return",
) -> List[Union[Document, SpeechtreeError]]:
    """Reads and parses every file, in parallel and without holding the GIL.

    A file that cannot be read never costs the others their results: with
    ``errors="return"`` (the default) its slot holds the exception
    (:class:`DecodeError` or :class:`ReadError`) instead of a Document; with
    ``errors="raise"`` every file is still read, then the first failure is
    raised. See :func:`read` for the other arguments.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
    _check(max_depth, from_)
    names = [os.fspath(p) for p in paths]
    results = [
        _document_or_error(name, result, max_depth)
        for name, result in zip(names, _speechtree.read_many(names, encoding, from_, max_depth, threads))
    ]
    if errors == "raise":
        for r in results:
            if isinstance(r, SpeechtreeError):
                raise r
    return results

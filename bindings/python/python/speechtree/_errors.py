"""The exceptions of reading files."""

from __future__ import annotations

from typing import Any, Optional, Tuple


class SpeechtreeError(Exception):
    """Base class of the errors of reading a file.

    Attributes:
        path: The file that failed.
        line: 1-based line of the offending bytes, when known.
        column: 1-based column (in characters) of the offending bytes, when known.
        offset: Byte offset of the offending bytes in the file, when known.
    """

    path: Optional[str]
    line: Optional[int]
    column: Optional[int]
    offset: Optional[int]

    def __init__(
        self,
        message: str,
        *,
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        offset: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.offset = offset

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Tuple[Any, ...]:
        return (
            _rebuild,
            (type(self), self.message, self.path, self.line, self.column, self.offset),
        )


class DecodeError(SpeechtreeError, ValueError):
    """The bytes of a file are not valid in its encoding (given or detected),
    or the encoding given names no known encoding.

    ``line``, ``column`` and ``offset`` say where the first bad bytes are.
    """


class ReadError(SpeechtreeError, OSError):
    """A file could not be read: missing, unreadable, too large, not a
    readable ``.docx``, or in a format the library does not read (``.doc``)."""


def _rebuild(
    cls: type,
    message: str,
    path: Optional[str],
    line: Optional[int],
    column: Optional[int],
    offset: Optional[int],
) -> SpeechtreeError:
    error: SpeechtreeError = cls(message, path=path, line=line, column=column, offset=offset)
    return error


def _from_raw(raw: Tuple[str, str, str, Optional[int], Optional[int], Optional[int]]) -> SpeechtreeError:
    kind, message, path, line, column, offset = raw
    cls = DecodeError if kind == "decode" else ReadError
    return cls(message, path=path, line=line, column=column, offset=offset)

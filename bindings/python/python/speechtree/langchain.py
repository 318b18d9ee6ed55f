"""A LangChain text splitter that follows the document's structure.

Needs the ``langchain`` extra (``pip install "speechtree[langchain]"``, which
installs ``langchain-text-splitters``).

>>> from speechtree.langchain import SpeechTreeSplitter
>>> splitter = SpeechTreeSplitter(chunk_size=500, chunk_overlap=0)
>>> docs = splitter.create_documents(["一、总体要求\\n一是加强领导。\\n"])
>>> docs[0].metadata["heading_path"]
['一、总体要求']
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional

from langchain_core.documents import Document as LangChainDocument
from langchain_text_splitters import TextSplitter

from . import parse

__all__ = ["SpeechTreeSplitter"]


class SpeechTreeSplitter(TextSplitter):
    """Splits text with :meth:`speechtree.Document.chunks`: chunks follow the
    sections, points and paragraphs of the speech or report instead of
    character counts and separators.

    ``chunk_size`` is the chunk's most characters (``max_chars``) and
    ``chunk_overlap`` the characters of context before it (``overlap``);
    lengths are always counted in characters. Documents made by
    :meth:`create_documents` and :meth:`split_documents` carry
    ``heading_path`` (the sections the chunk lies in, from the top) and,
    with ``add_start_index=True``, ``start_index`` in their metadata.
    """

    def __init__(self, chunk_size: int = 1000, chunk_overlap: int = 0, **kwargs: Any) -> None:
        super().__init__(chunk_size=chunk_size, chunk_overlap=chunk_overlap, **kwargs)

    def split_text(self, text: str) -> List[str]:
        """The chunks' texts."""
        return [c.text for c in parse(text).chunks(self._chunk_size, self._chunk_overlap)]

    def create_documents(
        self, texts: List[str], metadatas: Optional[List[Dict[Any, Any]]] = None
    ) -> List[LangChainDocument]:
        """One LangChain document per chunk of each text, with the text's
        metadata, the chunk's ``heading_path`` and (``add_start_index``) its
        ``start_index``."""
        metadatas_ = metadatas or [{}] * len(texts)
        out: List[LangChainDocument] = []
        for text, metadata in zip(texts, metadatas_):
            for chunk in parse(text).chunks(self._chunk_size, self._chunk_overlap):
                meta = copy.deepcopy(metadata)
                meta["heading_path"] = chunk.heading_path
                if self._add_start_index:
                    meta["start_index"] = chunk.start
                out.append(LangChainDocument(page_content=chunk.text, metadata=meta))
        return out

"""Chunks for retrieval that follow the tree, and the LangChain splitter."""

from __future__ import annotations

import pickle

import pytest

import speechtree

REPORT = (
    "政府工作报告\n"
    "各位代表：\n"
    "一、过去一年工作回顾\n"
    "过去一年，我们坚持稳中求进，经济社会发展取得新成效。\n"
    "二、扎实做好今年各项重点工作\n"
    "（一）推进数字政府建设\n"
    + "　　加快建设一体化政务服务平台，推进政务服务事项全程网办。" * 6
    + "\n"
    "（二）深化数据共享应用\n"
    "　　一是完善共享目录。按照需求清单梳理数据资源，动态更新。二是打通部门壁垒。推动数据按需共享、有序开放。"
    "三是强化应用场景。围绕企业群众办事需求，开发应用。\n"
    "三、加强政府自身建设\n"
    "各级政府要坚持依法行政。\n"
)


def test_chunks_follow_the_tree() -> None:
    doc = speechtree.parse(REPORT)
    chunks = doc.chunks(max_chars=80)
    assert chunks, "a document with text has chunks"
    for c in chunks:
        assert len(c.text) <= 80, "no chunk is longer than max_chars"
        assert REPORT[c.start : c.end] == c.text, "start and end are str indices"
    paths = [tuple(c.heading_path) for c in chunks]
    assert ("二、扎实做好今年各项重点工作", "（二）深化数据共享应用") in paths
    top = {s.start: s for s in doc.children if isinstance(s, speechtree.Section)}
    bounds = sorted(top)
    for c in chunks:
        inside = [b for b in bounds if c.start < b < c.end]
        assert not inside, f"a chunk spans two top-level sections: {c}"


def test_big_chunks_hold_whole_sections() -> None:
    doc = speechtree.parse(REPORT)
    tops = [s for s in doc.children if isinstance(s, speechtree.Section)]
    chunks = doc.chunks(max_chars=10_000, min_chars=0)
    assert [c.heading_path for c in chunks[1:]] == [[f"{s.marker.text}{s.title}"] for s in tops if s.marker]
    assert [c.text for c in chunks[1:]] == [s.text.strip() for s in tops], "one chunk per top-level section"
    assert chunks[0].heading_path == [] and chunks[0].text == "政府工作报告\n各位代表："
    default = doc.chunks(max_chars=10_000)
    assert len(default) == 3, "the opening and the tiny first section share a chunk; the tiny third is alone"


def test_tiny_sections_share_a_chunk() -> None:
    text = "一、甲\n二、乙\n三、丙\n" + "四、丁\n" + "正文。" * 100 + "\n"
    chunks = speechtree.parse(text).chunks(max_chars=100)
    assert chunks[0].text == "一、甲\n二、乙\n三、丙", "tiny top-level sections are packed together"
    assert chunks[0].heading_path == []


def test_a_long_paragraph_is_cut_at_sentence_ends() -> None:
    text = "一、总体要求\n" + "这是一个句子。" * 40 + "\n"
    chunks = speechtree.parse(text).chunks(max_chars=50)
    assert all(len(c.text) <= 50 for c in chunks)
    assert all(c.text.endswith("。") or c.text == "一、总体要求" for c in chunks[:-1])
    assert "".join(c.text for c in chunks).replace("\n", "") == text.replace("\n", "")


def test_overlap_reaches_back() -> None:
    doc = speechtree.parse(REPORT)
    plain = doc.chunks(max_chars=80)
    overlapped = doc.chunks(max_chars=80, overlap=10)
    assert all(len(c.text) <= 80 for c in overlapped)
    assert all(REPORT[c.start : c.end] == c.text for c in overlapped)
    assert overlapped[1].start < plain[1].start or overlapped[1].start == 0
    with pytest.raises(ValueError):
        doc.chunks(max_chars=10, overlap=10)


def test_chunks_pickle() -> None:
    chunks = speechtree.parse(REPORT).chunks(max_chars=80)
    assert pickle.loads(pickle.dumps(chunks)) == chunks


def test_langchain_splitter() -> None:
    pytest.importorskip("langchain_text_splitters", reason="skipped: langchain-text-splitters is not installed")
    from speechtree.langchain import SpeechTreeSplitter

    splitter = SpeechTreeSplitter(chunk_size=80, chunk_overlap=0, add_start_index=True)
    texts = splitter.split_text(REPORT)
    assert texts == [c.text for c in speechtree.parse(REPORT).chunks(max_chars=80)]
    docs = splitter.create_documents([REPORT], metadatas=[{"source": "report"}])
    assert [d.page_content for d in docs] == texts
    assert all(d.metadata["source"] == "report" for d in docs)
    assert all(REPORT[d.metadata["start_index"] :].startswith(d.page_content) for d in docs)
    assert ["二、扎实做好今年各项重点工作", "（二）深化数据共享应用"] in [d.metadata["heading_path"] for d in docs]
    again = splitter.split_documents(docs[:1])
    assert again[0].metadata["source"] == "report"

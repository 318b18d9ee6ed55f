"""Reading files and batches, and agreement with the command line."""

from __future__ import annotations

import json
import pickle
import subprocess
from pathlib import Path
from typing import List, Union

import pytest

import speechtree
from speechtree import DecodeError, Document, ReadError, SpeechtreeError

from conftest import DOCUMENTS, GBK_NAME, GBK_TEXT


def test_read_detects_gbk(corpus: Path) -> None:
    doc = speechtree.read(corpus / GBK_NAME)
    assert doc.source == GBK_TEXT, "GBK bytes are detected and decoded"
    assert doc.path == str(corpus / GBK_NAME)
    assert [s.title for s in doc.sections()] == ["总体要求", "指导思想", "保障措施"]


def test_read_with_an_encoding(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes("一、總體要求\n".encode("big5"))
    assert speechtree.read(path, encoding="big5").source == "一、總體要求\n"


def test_read_accepts_every_from_value(corpus: Path) -> None:
    froms: List[speechtree.From] = ["auto", "text", "markdown", "html"]
    for from_, kind in zip(froms, ["markdown", "text", "markdown", "html"]):
        doc = speechtree.read(corpus / "notice.md", from_=from_)
        assert doc.input_kind == kind, from_
        if kind != "html":  # as HTML, the lines run together into one paragraph
            assert doc.title == "关于做好年度工作的通知"
    with pytest.raises(ValueError):
        speechtree.read(corpus / "notice.md", from_="pdf")  # type: ignore[arg-type]


def test_decode_error_carries_its_position(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("一、总体\n要求".encode() + b"\xff\xfe")
    with pytest.raises(DecodeError) as info:
        speechtree.read(path, encoding="utf-8")
    e = info.value
    assert isinstance(e, ValueError), "a DecodeError is a ValueError"
    assert (e.path, e.line, e.column, e.offset) == (str(path), 2, 3, 19)
    assert str(e).startswith(f"{path}:2:3: invalid UTF-8")
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is DecodeError and again.offset == 19 and str(again) == str(e)


def test_unknown_encoding_is_a_decode_error(corpus: Path) -> None:
    with pytest.raises(DecodeError, match="unknown encoding"):
        speechtree.read(corpus / "law.txt", encoding="no-such-encoding")


def test_read_error_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError) as info:
        speechtree.read(tmp_path / "missing.txt")
    assert isinstance(info.value, ReadError)
    assert info.value.path == str(tmp_path / "missing.txt")
    docx = tmp_path / "broken.docx"
    docx.write_bytes(b"not a zip")
    with pytest.raises(ReadError, match="docx"):
        speechtree.read(docx)


def test_read_many_keeps_the_good_files(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xe4\xb8\x80\xff")
    paths = [corpus / "speech.txt", bad, tmp_path / "missing.txt", corpus / "law.txt"]
    results = speechtree.read_many(paths, encoding="utf-8")
    assert [type(r) for r in results] == [Document, DecodeError, ReadError, Document]
    good = results[0]
    assert isinstance(good, Document) and good.title == "在全市数据工作会议上的讲话"
    with pytest.raises(DecodeError):
        speechtree.read_many(paths, encoding="utf-8", errors="raise")
    assert all(isinstance(r, Document) for r in speechtree.read_many([corpus / "law.txt"], errors="raise"))


def test_parse_many_equals_parse_in_order() -> None:
    texts = list(DOCUMENTS.values()) * 5
    for threads in (None, 1, 2):
        docs = speechtree.parse_many(texts, threads=threads)
        assert [d.source for d in docs] == texts
        assert [d.to_json() for d in docs] == [speechtree.parse(t).to_json() for t in texts]
    assert speechtree.parse_many([]) == []
    with pytest.raises(ValueError):
        speechtree.parse_many(texts, threads=0)


def test_json_equals_the_command(corpus: Path, speechtree_bin: Path) -> None:
    for name in [*DOCUMENTS, GBK_NAME]:
        path = corpus / name
        out = subprocess.run(
            [str(speechtree_bin), "--format", "json", str(path)], capture_output=True, check=True, text=True
        ).stdout
        doc = speechtree.read(path)
        assert doc.to_json(indent=2) + "\n" == out, f"{name}: the JSON is the command's, byte for byte"
        assert doc.to_dict() == json.loads(out)


def test_jsonl_equals_the_command(corpus: Path, speechtree_bin: Path) -> None:
    out = subprocess.run(
        [str(speechtree_bin), "--format", "jsonl", "--quiet", str(corpus)], capture_output=True, check=True, text=True
    ).stdout
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == len(DOCUMENTS) + 1
    docs: List[Union[Document, SpeechtreeError]] = speechtree.read_many([line["path"] for line in lines])
    for line, doc in zip(lines, docs):
        assert isinstance(doc, Document)
        assert json.loads(doc.to_json()) == line["document"], line["path"]


def test_outline_equals_the_command(corpus: Path, speechtree_bin: Path) -> None:
    path = corpus / "speech.txt"
    out = subprocess.run([str(speechtree_bin), str(path)], capture_output=True, check=True, text=True).stdout
    assert speechtree.read(path).outline() == out


def test_markdown_is_read_as_markdown(corpus: Path) -> None:
    path = corpus / "rules.md"
    doc = speechtree.read(path)
    assert doc.input_kind == "markdown"
    assert doc.source == path.read_text(encoding="utf-8"), "the source is the Markdown source"
    articles = [s for s in doc.sections() if s.marker is not None and s.marker.style == "article"]
    assert [s.marker.text for s in articles if s.marker] == ["第一条", "第二条", "第三条", "第四条"]
    assert [s.parent.title for s in articles if s.parent] == ["总则", "总则", "主管部门", "使用部门"]
    as_text = speechtree.parse(doc.source)
    assert not any(s.marker and s.marker.text == "第一条" for s in as_text.sections()), "`**` hides it from text"
    for _, node in doc.walk():
        assert doc.source[node.start : node.end] == node.text
        assert doc.source.encode()[node.byte_start : node.byte_end].decode() == node.text
        if node.marker is not None:
            assert doc.source[node.marker.start : node.marker.end] == node.marker.text
    m = articles[0].marker
    assert m is not None and doc.source[m.start - 2 : m.end + 2] == "**第一条**", "spans index the Markdown source"


def test_markdown_titles_are_text_without_the_markup_inside_them(tmp_path: Path) -> None:
    path = tmp_path / "law.md"
    path.write_text("## 第一章 总则\n\n**第一条** 任何单位**不得**泄露数据。\n\n第二条 本办法自公布之日起施行。\n", encoding="utf-8")
    doc = speechtree.read(path)
    articles = [s for s in doc.sections() if s.marker is not None and s.marker.style == "article"]
    assert [s.title for s in articles] == ["任何单位不得泄露数据", "本办法自公布之日起施行"]
    heading = articles[0].heading
    assert heading is not None and heading.title == "任何单位不得泄露数据"
    assert doc.source[heading.start : heading.end] == heading.text, "the heading's text is the source's"
    assert "任何单位**不得**泄露数据" in heading.text
    assert [s.title for s in pickle.loads(pickle.dumps(doc)).sections()] == [s.title for s in doc.sections()]
    assert "任何单位不得泄露数据" in doc.outline()
    assert "任何单位不得泄露数据" in doc.to_pandas()["heading"].tolist()


def test_html_is_read_as_html(corpus: Path) -> None:
    doc = speechtree.read(corpus / "page.html")
    assert doc.input_kind == "html"
    assert "<p>" not in doc.source, "the source is the page's text"
    chapters = [s for s in doc.sections() if s.level == 1]
    assert [s.title for s in chapters] == ["总体要求", "保障措施"]
    articles = [s for s in doc.sections() if s.marker is not None and s.marker.style == "article"]
    assert [s.parent.title for s in articles if s.parent] == ["总体要求", "总体要求", "保障措施"]
    for _, node in doc.walk():
        assert doc.source[node.start : node.end] == node.text


def test_from_markdown_reads_any_name_as_markdown(corpus: Path, tmp_path: Path, speechtree_bin: Path) -> None:
    path = tmp_path / "rules.txt"
    path.write_bytes((corpus / "rules.md").read_bytes())
    as_text = speechtree.read(path)
    as_markdown = speechtree.read(path, from_="markdown")
    assert (as_text.input_kind, as_markdown.input_kind) == ("text", "markdown")
    assert as_markdown.to_json() == speechtree.read(corpus / "rules.md").to_json()
    assert as_markdown.to_json() != as_text.to_json()
    out = subprocess.run(
        [str(speechtree_bin), "--format", "json", "--from", "markdown", str(path)],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert as_markdown.to_json(indent=2) + "\n" == out
    html = speechtree.read_many([corpus / "page.html"], from_="html")[0]
    assert isinstance(html, Document) and html.input_kind == "html"


def test_a_read_document_pickles_with_its_kind(corpus: Path) -> None:
    for name in ("rules.md", "page.html"):
        doc = speechtree.read(corpus / name)
        again = pickle.loads(pickle.dumps(doc))
        assert again == doc and again.input_kind == doc.input_kind
        assert again.to_json() == doc.to_json()
        assert again.outline() == doc.outline()
        assert [f.rule for f in again.lint()] == [f.rule for f in doc.lint()]

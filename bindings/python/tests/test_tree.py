"""The tree from Python: nodes, positions, furniture, diagnostics, JSON, pickling."""

from __future__ import annotations

import json
import pickle
from typing import Any, List, Set, Tuple

import pytest

import speechtree
from speechtree import Furniture, Paragraph, Point, Section, Space

SPEECH = (
    "在全市数据工作会议上的讲话\n"
    "同志们：\n"
    "　　今天召开会议，主要任务是总结工作。\n"
    "一、充分肯定去年成绩\n"
    "　　一是机构进一步健全。二是制度逐步完善。三是队伍不断壮大。\n"
    "二、扎实做好今年重点工作\n"
    "（一）深化数据共享应用\n"
    "　　要打通部门壁垒，推动数据按需共享。\n"
    "（二）加强安全保障\n"
    "　　首先，压实责任。其次，完善制度。\n"
    "谢谢大家！\n"
)


def test_furniture_sections_and_points() -> None:
    doc = speechtree.parse(SPEECH)
    assert doc.title == "在全市数据工作会议上的讲话", "the title line is furniture"
    assert doc.salutation == "同志们", "the salutation loses its colon"
    assert [s.title for s in doc.sections()] == [
        "充分肯定去年成绩",
        "扎实做好今年重点工作",
        "深化数据共享应用",
        "加强安全保障",
    ]
    leads = [p.lead.title for p in doc.points() if p.lead]
    assert leads == ["机构进一步健全", "制度逐步完善", "队伍不断壮大", "压实责任", "完善制度"]
    second = list(doc.sections())[1]
    assert [c.title for c in second.children if isinstance(c, Section)] == ["深化数据共享应用", "加强安全保障"]
    assert isinstance(second, Section) and second.level == 1
    assert second.marker is not None and second.marker.value == 2 and second.marker.style == "dun"


def test_positions_are_str_indices_next_to_byte_offsets() -> None:
    doc = speechtree.parse(SPEECH)
    encoded = SPEECH.encode("utf-8")
    for _, node in doc.walk():
        assert SPEECH[node.start : node.end] == node.text
        assert encoded[node.byte_start : node.byte_end].decode("utf-8") == node.text, "byte and str spans agree"
        marker = node.marker
        if marker is not None:
            assert SPEECH[marker.start : marker.end] == marker.text
            assert encoded[marker.byte_start : marker.byte_end].decode() == marker.text
        heading = node.heading
        if heading is not None:
            assert SPEECH[heading.start : heading.end] == heading.text
            assert heading.title in heading.text


def test_the_leaves_cover_the_source() -> None:
    doc = speechtree.parse(SPEECH)
    covered = 0
    for _, node in doc.walk():
        assert node.start >= covered or node.children, "nodes come in document order"
        if not node.children:
            covered = node.end
    assert covered == len(SPEECH)
    assert "".join(c.text for c in doc.children) == SPEECH, "the top-level nodes rebuild the source"


def test_node_classes_and_walk_depths() -> None:
    doc = speechtree.parse(SPEECH)
    kinds = {type(n) for _, n in doc.walk()}
    assert {Section, Point, Paragraph, Furniture, Space} >= kinds
    assert Section in kinds and Point in kinds and Furniture in kinds and Paragraph in kinds
    for depth, node in doc.walk():
        parent = node.parent
        assert depth == (0 if parent is None else parent.depth + 1)
        assert node.depth == depth
    first = next(doc.sections())
    assert [d for d, _ in first.walk()][:1] == [1], "a node's walk gives depths relative to it"


def test_walk_matches_the_json_tree() -> None:
    doc = speechtree.parse(SPEECH)
    flat: List[Tuple[int, str, int, int]] = []

    def visit(nodes: List[Any], depth: int) -> None:
        for n in nodes:
            flat.append((depth, n["type"], n["span"]["start"], n["span"]["end"]))
            visit(n.get("children", []), depth + 1)

    visit(doc.to_dict()["children"], 0)
    assert [(d, n.kind, n.byte_start, n.byte_end) for d, n in doc.walk()] == flat


def test_diagnostics_and_lint() -> None:
    doc = speechtree.parse("一、总体要求\n三、重点任务\n")
    assert [d.code for d in doc.diagnostics] == ["skipped-ordinal"]
    d = doc.diagnostics[0]
    assert doc.source[d.start : d.end] == "三、"
    findings = speechtree.parse("一、总体要求\n（一）、指导思想\n（二）主要目标\n").lint()
    assert findings[0].rule == "non-standard-delimiter"
    assert findings[0].severity in ("error", "warning")


def test_json_is_the_schema_of_the_library() -> None:
    doc = speechtree.parse(SPEECH)
    data = json.loads(doc.to_json())
    assert data["type"] == "document"
    assert data["span"] == {"start": 0, "end": len(SPEECH.encode())}
    assert doc.to_dict() == data
    assert json.loads(doc.to_json(indent=2)) == data
    assert doc.to_json(indent=2).startswith('{\n  "type": "document"')


def test_outline() -> None:
    out = speechtree.parse(SPEECH).outline()
    assert "一、\t充分肯定去年成绩" in out
    assert "  （一）\t深化数据共享应用" in out


def test_max_depth_limits_nesting() -> None:
    doc = speechtree.parse("一、甲\n（一）乙\n1.丙\n", max_depth=1)
    assert [d for d, n in doc.walk() if isinstance(n, Section)] == [0, 0], "the deeper heading is kept as a sibling"
    assert "depth-limit" in [d.code for d in doc.diagnostics]
    with pytest.raises(ValueError):
        speechtree.parse("x", max_depth=0)


def test_parsing_never_fails() -> None:
    for text in ["", "\n", "一、", "（", "一是" * 100, "\ufeff\u0000\r\n"]:
        doc = speechtree.parse(text)
        assert "".join(c.text for c in doc.children) == text
    with pytest.raises(TypeError):
        speechtree.parse(b"bytes")  # type: ignore[arg-type]


def test_pickle_round_trips_documents_and_nodes() -> None:
    doc = speechtree.parse(SPEECH)
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc
    assert again.to_json() == doc.to_json()
    section = list(doc.sections())[2]
    copy = pickle.loads(pickle.dumps(section))
    assert isinstance(copy, Section) and copy.title == section.title and copy.start == section.start
    d = pickle.loads(pickle.dumps(doc.diagnostics))
    assert d == doc.diagnostics


def test_repr_is_short() -> None:
    doc = speechtree.parse(SPEECH)
    assert repr(doc) == "<Document '在全市数据工作会议上的讲话': 161 chars, 4 sections, 5 points>"
    assert repr(next(doc.sections())) == "<Section@39..81 '一、' '充分肯定去年成绩' (4 children)>"
    for _, node in doc.walk():
        assert len(repr(node)) < 80


def test_every_marker_style_has_its_json_name() -> None:
    text = "第一编 总则\n第一分编 通则\n第一章 一般规定\n第一条 为了规范。\n1 范围\n1.1 总则\n2 术语\n2.1 定义\nA. 甲\nB. 乙\n"
    doc = speechtree.parse(text)
    styles = {s.marker.style for s in doc.sections() if s.marker is not None}
    assert {"book", "sub_book", "chapter", "article"} <= styles
    assert "other" not in styles
    as_json = json.loads(doc.to_json())

    def json_styles(node: Any) -> Set[str]:
        found = {node["marker"]["style"]} if node.get("marker") else set()
        for child in node.get("children", []):
            found |= json_styles(child)
        return found

    assert styles == json_styles(as_json)


def test_a_table_of_contents_is_furniture_named_contents() -> None:
    text = "某某条例\n目录\n第一章 总则\n第二章 附则\n第一章 总则\n第一条 为了规范，制定本条例。\n第二章 附则\n第二条 本条例自公布之日起施行。\n"
    doc = speechtree.parse(text)
    kinds = [n.furniture_kind for n in doc.children if isinstance(n, Furniture)]
    assert kinds == ["title", "contents"]
    assert [s.marker.text for s in doc.sections() if s.marker is not None][:2] == ["第一章", "第一条"]


def test_a_list_of_attachments_is_furniture_named_attachments() -> None:
    text = "一、工作要求\n请按时报送。\n附件：1.检查表\n　　　　　2.统计表\n\n某某办公室\n"
    doc = speechtree.parse(text)
    kinds = [n.furniture_kind for n in doc.children if isinstance(n, Furniture)]
    assert kinds == ["attachments"]
    assert [s.marker.text for s in doc.sections() if s.marker is not None] == ["一、"]

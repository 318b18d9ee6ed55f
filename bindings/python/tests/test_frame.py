"""pandas tables of nodes, and agreement with the command's csv format."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pandas as pd

import speechtree

from conftest import DOCUMENTS


def test_to_pandas_has_the_csv_columns() -> None:
    doc = speechtree.parse(DOCUMENTS["speech.txt"])
    frame = doc.to_pandas()
    assert list(frame.columns) == [
        "doc", "path", "depth", "kind", "marker", "value", "heading", "start", "end", "byte_start", "byte_end",
    ]
    sections = frame[frame.kind == "section"]
    assert list(sections.heading) == [s.title for s in doc.sections()]
    assert list(sections.marker) == ["一、", "二、", "（一）", "（二）"]
    assert list(sections.value) == [1, 2, 1, 2]
    assert frame.value.dtype == "Int64" and frame[frame.kind == "paragraph"].value.isna().all()
    title = frame.iloc[0]
    assert title.kind == "furniture:title" and title.heading == "在全市数据工作会议上的讲话"
    for start, end, byte_start, byte_end in zip(frame.start, frame.end, frame.byte_start, frame.byte_end):
        assert doc.source[int(start) : int(end)].encode() == doc.source.encode()[int(byte_start) : int(byte_end)]


def test_to_frame_of_many_documents(corpus: Path, tmp_path: Path) -> None:
    docs = speechtree.read_many(sorted(corpus.iterdir()) + [tmp_path / "missing.txt"])
    frame = speechtree.to_frame(docs, kinds={"section", "point"})
    assert set(frame.kind) == {"section", "point"}
    assert sorted(set(frame["doc"])) == list(range(len(DOCUMENTS) + 1)), "the failed file has no rows"
    assert frame.path.str.endswith(".txt").any()


def test_rows_equal_the_command_csv(corpus: Path, speechtree_bin: Path) -> None:
    path = corpus / "report.txt"
    out = subprocess.run(
        [str(speechtree_bin), "--format", "csv", str(path)], capture_output=True, check=True, text=True
    ).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    frame = speechtree.read(path).to_pandas()
    assert len(rows) == len(frame)
    for row, ours in zip(rows, frame.itertuples()):
        assert row["path"] == ours.path
        assert int(row["depth"]) == ours.depth
        assert row["kind"] == ours.kind
        assert row["marker"] == ours.marker
        value = ours.value
        assert row["value"] == ("" if value is pd.NA else str(value))
        assert row["heading"] == ours.heading
        assert (int(row["start"]), int(row["end"])) == (ours.byte_start, ours.byte_end)

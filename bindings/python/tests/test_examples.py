"""The Dask and Spark examples, run on a small folder: their table equals the
sections and points of the command's --format jsonl on the same files."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, List, Tuple

import pandas as pd
import pytest

from conftest import ROOT, write_corpus

EXAMPLES = ROOT / "examples" / "python"

Row = Tuple[str, int, str, str, Any, str, int, int]


def load(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Imports an example as a module; worker processes find it too."""
    monkeypatch.syspath_prepend(str(EXAMPLES))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(EXAMPLES), os.environ.get("PYTHONPATH")])))
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """The test documents in nested folders, and one file no encoding explains."""
    root = tmp_path / "docs"
    write_corpus(root / "a")
    write_corpus(root / "b" / "c")
    (root / "broken.txt").write_bytes(b"\xff\xff\xff\xff")
    return root


def command_rows(speechtree_bin: Path, folder: Path) -> Tuple[List[Row], List[str]]:
    """The sections and points of the command's jsonl, and the failed paths."""
    out = subprocess.run(
        [str(speechtree_bin), "--format", "jsonl", "--quiet", str(folder)], capture_output=True, text=True
    ).stdout
    rows: List[Row] = []
    failed: List[str] = []

    def visit(path: str, nodes: List[Dict[str, Any]], depth: int) -> None:
        for n in nodes:
            if n["type"] in ("section", "point"):
                marker = n.get("marker") or {}
                heading = n["heading"] if n["type"] == "section" else n["lead"]
                rows.append(
                    (
                        path,
                        depth,
                        n["type"],
                        marker.get("text", "").strip(),
                        marker.get("value"),
                        heading["title"],
                        n["span"]["start"],
                        n["span"]["end"],
                    )
                )
            visit(path, n.get("children", []), depth + 1)

    for line in out.splitlines():
        entry = json.loads(line)
        if "error" in entry:
            failed.append(str(Path(entry["path"]).resolve()))
        else:
            visit(str(Path(entry["path"]).resolve()), entry["document"]["children"], 0)
    return sorted(rows, key=lambda r: (r[0], r[6], r[1])), sorted(failed)


def table_rows(table: pd.DataFrame) -> Tuple[List[Row], List[str]]:
    nodes = table[table.kind != "error"]
    records: List[Dict[str, Any]] = nodes.to_dict("records")  # type: ignore[assignment]
    rows: List[Row] = [
        (
            str(Path(r["path"]).resolve()),
            int(r["depth"]),
            str(r["kind"]),
            str(r["marker"]),
            None if r["value"] is None or pd.isna(r["value"]) else int(r["value"]),
            str(r["heading"]),
            int(r["byte_start"]),
            int(r["byte_end"]),
        )
        for r in records
    ]
    failed = sorted(str(Path(p).resolve()) for p in table[table.kind == "error"].path)
    return sorted(rows, key=lambda r: (r[0], r[6], r[1])), failed


def test_dask_example_equals_the_command(
    folder: Path, tmp_path: Path, speechtree_bin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask.distributed", reason="skipped: dask[distributed] is not installed")
    dask_corpus = load("dask_corpus", monkeypatch)
    out = tmp_path / "dask.parquet"
    failed = dask_corpus.run(folder, out, workers=2, batch=3)
    assert failed == 1, "the broken file is reported"
    table = pd.read_parquet(out)
    expected, expected_failed = command_rows(speechtree_bin, folder)
    got, got_failed = table_rows(table)
    assert len(got) > 40
    assert got == expected
    assert got_failed == expected_failed


def test_spark_example_equals_the_command(
    folder: Path, tmp_path: Path, speechtree_bin: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyspark", reason="skipped: pyspark is not installed")
    if shutil.which("java") is None:
        pytest.skip("skipped: Spark needs Java, and java is not installed")
    spark_corpus = load("spark_corpus", monkeypatch)
    out = tmp_path / "spark.parquet"
    failed = spark_corpus.run(folder, out)
    assert failed == 1, "the broken file is reported"
    table = pd.read_parquet(out)
    expected, expected_failed = command_rows(speechtree_bin, folder)
    got, got_failed = table_rows(table)
    assert got == expected
    assert got_failed == expected_failed

"""Parse a folder of documents with PySpark into one Parquet table of
sections and points (the same table as dask_corpus.py).

    python examples/python/spark_corpus.py FOLDER OUT.parquet                  # local mode, 2 cores
    python examples/python/spark_corpus.py FOLDER OUT.parquet --master spark://host:7077

The paths are a Spark DataFrame; ``mapInPandas`` reads and parses each
partition on the executors with ``speechtree.read_many``. On a cluster, the
folder must be on storage every executor sees at the same path and every
executor's Python needs ``speechtree``. A file that cannot be read gets one
row of kind ``error`` with the message as its heading.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Iterator, List, Union

import pandas as pd

import speechtree

SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx"}
COLUMNS = ["path", "depth", "kind", "marker", "value", "heading", "start", "end", "byte_start", "byte_end"]
SCHEMA = (
    "path string, depth long, kind string, marker string, value long, heading string, "
    "start long, end long, byte_start long, byte_end long"
)


def table_of(docs: List[Union[speechtree.Document, speechtree.SpeechtreeError]], paths: List[str]) -> pd.DataFrame:
    """The sections and points of ``docs``, and one row of kind ``error``
    (the message as its heading) for each file that could not be read."""
    frame = speechtree.to_frame(docs, kinds={"section", "point"})[COLUMNS]
    errors = [
        {"path": path, "depth": 0, "kind": "error", "marker": "", "value": None, "heading": str(d),
         "start": 0, "end": 0, "byte_start": 0, "byte_end": 0}
        for path, d in zip(paths, docs)
        if isinstance(d, speechtree.SpeechtreeError)
    ]
    if errors:
        frame = pd.concat([frame, pd.DataFrame(errors, columns=COLUMNS).astype(frame.dtypes.to_dict())], ignore_index=True)
    return frame


def list_documents(folder: Path) -> List[str]:
    """The documents under ``folder``, recursively, sorted."""
    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def parse_partitions(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Runs on the executors: each batch of paths becomes its sections and points."""
    for batch in batches:
        paths = batch["path"].tolist()
        yield table_of(speechtree.read_many(paths, threads=1), paths)


def run(folder: Path, out: Path, master: str = "local[2]", partitions: int = 2) -> int:
    """Parses every document of ``folder`` with Spark and writes the table to
    ``out``. Returns how many files failed."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(master)
        .appName("speechtree-corpus")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    try:
        paths = list_documents(folder)
        frame = spark.createDataFrame([(p,) for p in paths], "path string").repartition(partitions)
        table = frame.mapInPandas(parse_partitions, schema=SCHEMA)
        table.write.mode("overwrite").parquet(str(out))
        failed: int = spark.read.parquet(str(out)).where("kind = 'error'").count()
    finally:
        spark.stop()
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    failed = run(args.folder, args.out, args.master)
    print(f"wrote {args.out}; {failed} files failed (rows of kind 'error')")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

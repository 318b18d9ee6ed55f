"""Parse a folder of documents on a Dask cluster into one Parquet table of
sections and points.

    python examples/python/dask_corpus.py FOLDER OUT.parquet                 # a LocalCluster of worker processes
    python examples/python/dask_corpus.py FOLDER OUT.parquet --address tcp://scheduler:8786   # a real cluster

The files are listed here and read on the workers (``speechtree.read_many``,
in batches), so on a real cluster the folder must be on storage every worker
sees at the same path, and every worker needs ``speechtree`` installed. The
table (a Parquet dataset: a folder of part files) has one row per section
and point: path, depth, kind, marker, value, heading, start, end (``str``
indices), byte_start, byte_end (the command's offsets). A file that cannot be
read gets one row of kind ``error`` with the message as its heading; it
never costs the other files their rows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional, Union

import dask
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import speechtree

#: What the command reads in a folder.
SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx"}
COLUMNS = ["path", "depth", "kind", "marker", "value", "heading", "start", "end", "byte_start", "byte_end"]


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


def parse_batch(paths: List[str]) -> pd.DataFrame:
    """Runs on a worker: reads and parses a batch of files."""
    return table_of(speechtree.read_many(paths, threads=1), paths)


def empty_frame() -> pd.DataFrame:
    """The table's columns and types, for Dask's metadata."""
    return table_of([], [])


def run(folder: Path, out: Path, address: Optional[str] = None, workers: int = 2, batch: int = 16) -> int:
    """Parses every document of ``folder`` on the cluster at ``address``
    (or a LocalCluster of ``workers`` processes) and writes the table to
    ``out``. Returns how many files failed."""
    paths = list_documents(folder)
    batches = [paths[i : i + batch] for i in range(0, len(paths), batch)]
    cluster = None if address else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
    try:
        with Client(address or cluster):
            parts = [dask.delayed(parse_batch)(b) for b in batches]
            table = dd.from_delayed(parts, meta=empty_frame()) if parts else dd.from_pandas(empty_frame(), npartitions=1)
            table.to_parquet(str(out), write_index=False)
            failed = int((dd.read_parquet(str(out)).kind == "error").sum().compute())
    finally:
        if cluster is not None:
            cluster.close()
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--address", help="a running scheduler (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    args = parser.parse_args()
    failed = run(args.folder, args.out, args.address, args.workers)
    print(f"wrote {args.out}; {failed} files failed (rows of kind 'error')")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Side-by-side ratios for the Python package (scripts/bench-python runs it).

On the corpus documents (../shared/corpus/public/*.txt), in one run,
alternating the variants round by round and keeping each one's best round
(the one least disturbed by other load on a shared machine):

1. in process: speechtree.parse + a full walk (every node's kind, marker and
   heading built as Python objects), against
   - the command line per document (``speechtree --format jsonl FILE``, its
     output read with json.loads), as a pipeline that shells out does it;
   - the regex extractor ../shared/eval/regex_baseline.py (in process);
2. parse_many on 2 threads against 1 thread;
3. what building Python objects costs: parse + full walk, and parse alone
   (the Document over its table), against the Rust parse alone.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List

import speechtree
from speechtree import _speechtree

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"


def full_walk(doc: speechtree.Document) -> int:
    n = 0
    for _, node in doc.walk():
        n += len(node.kind)
        marker = node.marker
        if marker is not None:
            n += marker.value
        heading = node.heading
        if heading is not None:
            n += len(heading.title)
    return n


def timed(f: Callable[[], object]) -> float:
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--bin", type=Path, default=ROOT / "target" / "release" / "speechtree")
    args = parser.parse_args()

    files = sorted((SHARED / "corpus" / "public").glob("*.txt"))
    if not files:
        print("skipped: ../shared/corpus is absent")
        return 0
    texts = [f.read_text(encoding="utf-8") for f in files]
    spec = importlib.util.spec_from_file_location("regex_baseline", SHARED / "eval" / "regex_baseline.py")
    assert spec is not None and spec.loader is not None
    regex_baseline = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(regex_baseline)

    def in_process() -> None:
        for t in texts:
            full_walk(speechtree.parse(t))

    def command_line() -> None:
        for f in files:
            out = subprocess.run([str(args.bin), "--format", "jsonl", "--quiet", str(f)], capture_output=True, check=True).stdout
            json.loads(out)

    def regex() -> None:
        for t in texts:
            regex_baseline.outline(t)

    batch = texts * 8

    def many_1() -> None:
        speechtree.parse_many(batch, threads=1)

    def many_2() -> None:
        speechtree.parse_many(batch, threads=2)

    def rust_only() -> None:
        for t in texts:
            _speechtree.parse_only(t, 32)

    def parse_only_py() -> None:
        for t in texts:
            speechtree.parse(t)

    variants: Dict[str, Callable[[], None]] = {
        "in_process": in_process,
        "command_line": command_line,
        "regex": regex,
        "many_1": many_1,
        "many_2": many_2,
        "rust_only": rust_only,
        "parse_py": parse_only_py,
    }
    times: Dict[str, List[float]] = {k: [] for k in variants}
    for k, f in variants.items():  # warm up
        f()
    for _ in range(args.rounds):
        for k, f in variants.items():
            times[k].append(timed(f))
    med = {k: min(v) for k, v in times.items()}
    size = sum(len(t.encode()) for t in texts)
    nodes = sum(len(speechtree.parse(t)) for t in texts)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}, {platform.system()}")
    print(f"corpus: {len(files)} documents, {size / 1e6:.2f} MB, {nodes} nodes; best of {args.rounds} rounds")
    print()
    print("| comparison | ratio |")
    print("| --- | --- |")
    print(f"| command line per document / in-process parse + full walk | {med['command_line'] / med['in_process']:.1f}× |")
    print(f"| regex baseline / in-process parse + full walk | {med['regex'] / med['in_process']:.2f}× |")
    print(f"| parse_many, 1 thread / 2 threads | {med['many_1'] / med['many_2']:.2f}× |")
    print(f"| parse + full walk / Rust parse alone | {med['in_process'] / med['rust_only']:.2f}× |")
    print(f"| parse (Document, lazy nodes) / Rust parse alone | {med['parse_py'] / med['rust_only']:.2f}× |")
    print()
    print("best times (s): " + ", ".join(f"{k} {v:.4f}" for k, v in med.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

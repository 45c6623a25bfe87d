"""Extraction over worker processes for benchmarks/run.py.

Each worker extracts a document and builds its graph rows (graph.rows.document_rows), so the process that
writes the store only merges rows and copies them in (graph.loader.load_rows): a worker's rows cross the
process boundary about six times faster than the Extraction record they come from, and building them
where the extraction happens keeps the writer free. Each step is timed inside its worker, so the per-core
extraction throughput is the extractor's own speed, not the wall clock divided by the number of cores.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from policykg.graph.rows import GraphRows, document_rows
from policykg.ingest.pipeline import extract_file


@dataclass(frozen=True)
class Extracted:
    source: str
    rows: GraphRows
    measures: int
    chars: int
    utf8_bytes: int
    seconds: float  # wall time of extract_file in its worker
    cpu_seconds: float  # CPU time of extract_file in its worker
    rows_seconds: float  # wall time of document_rows in its worker


def extract_one(path: Path) -> Extracted:
    wall, cpu = time.perf_counter(), time.process_time()
    extraction = extract_file(path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    started = time.perf_counter()
    rows = document_rows(extraction)
    rows_seconds = time.perf_counter() - started
    text = extraction.text
    return Extracted(
        extraction.source,
        rows,
        len(extraction.measures),
        len(text),
        len(text.encode("utf-8")),
        wall,
        cpu,
        rows_seconds,
    )


def warm() -> None:
    """Load the place table, gazetteers and regexes once per worker, before the clock starts."""
    from policykg.ingest.pipeline import extract_text

    text = "关于印发《示例》的通知\n一、总体要求\n1.依法行政(牵头单位:宁远县司法局)\n"
    document_rows(extract_text(text, "warmup.txt"))


def extract_all(paths: list[Path], jobs: int) -> Iterator[Extracted]:
    """Every document extracted and turned into rows, in the order of `paths`, over `jobs` worker
    processes (in this process when jobs is 1)."""
    if jobs <= 1:
        warm()
        yield from map(extract_one, paths)
        return
    with get_context("fork").Pool(jobs, initializer=warm) as pool:
        yield from pool.imap(extract_one, paths, chunksize=8)

"""`policykg ingest` as a library call: files -> store in two passes, with memory that does not grow with
the corpus.

1. Extract every file (over worker processes for a large run) and spool each document's graph rows to a
   temporary file on disk, keeping only a small summary per document in memory. A bad file stops the run
   here, before the store is opened for writing: nothing is written.
2. Read the spool back and load it a batch of documents per transaction (COPY per batch on LadybugDB,
   UNWIND batches on Bolt) with graph.loader.load_rows. Each batch is all-or-nothing and sees what the
   batches before it committed, so shared nodes are created once, titles cited in one batch link to a
   document of another (link_ingested matches over the whole store) and an unchanged document is still
   reported unchanged. A failed batch stops the run with a message saying what the store now holds.
"""

from __future__ import annotations

import os
import pickle
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import IO, Any

from policykg.core.errors import InputError, PolicyKGError, StoreError
from policykg.graph.ingest_stop import stop_message
from policykg.graph.loader import LoadReport, load_rows, sweep_texts
from policykg.graph.open import BUFFER_POOL_SETTING, buffer_pool_mb
from policykg.graph.rows import GraphRows, document_rows
from policykg.graph.store import GraphStore
from policykg.ingest.coverage import LOW_COVERAGE, measure_coverage
from policykg.ingest.discovery import DocumentFile
from policykg.ingest.pipeline import extract_file

# Documents per transaction: bounds the rows held in memory while loading (a document is never split).
BATCH_DOCS = {"ladybug": 1000, "neo4j": 500}
POOL_MIN_FILES = 64  # fewer files than this are extracted in this process: a pool costs more than it saves


@dataclass(frozen=True)
class DocumentSummary:
    """What an ingest says about one document: its measures and how much of its body they hold."""

    source: str
    measures: int
    coverage: float  # ingest.coverage.measure_coverage
    warnings: tuple[tuple[str, int], ...]  # (warning kind, count)

    @property
    def low_coverage(self) -> bool:
        return self.coverage < LOW_COVERAGE


@dataclass
class IngestResult:
    documents: list[DocumentSummary] = field(default_factory=list)
    report: LoadReport = field(default_factory=LoadReport)
    extract_seconds: float = 0.0
    load_seconds: float = 0.0

    @property
    def measures(self) -> int:
        return sum(d.measures for d in self.documents)


class IngestStopped(StoreError):
    """A batch failed to write: the message says how much of the run the store holds."""


def ingest_files(
    files: Sequence[DocumentFile],
    open_writer: Callable[[], GraphStore],
    *,
    jobs: int | None = None,
    batch_docs: int | None = None,
    on_extracted: Callable[[int], None] | None = None,
    on_loaded: Callable[[int], None] | None = None,
    reopen: Callable[[], GraphStore] | None = None,
) -> IngestResult:
    """Extract `files` and load them into the store `open_writer()` opens (and this call closes).
    `on_extracted(n)` / `on_loaded(n)` report progress in documents. When a batch fails, `reopen()` (a
    writer that never rebuilds) opens the store again to say truthfully what it holds."""
    result = IngestResult()
    with tempfile.TemporaryFile(prefix="policykg-ingest-") as spool:
        started = time.perf_counter()
        result.documents = extract_to_spool(files, spool, jobs=jobs, on_extracted=on_extracted)
        result.extract_seconds = time.perf_counter() - started
        spool.seek(0)
        started = time.perf_counter()
        store = open_writer()
        try:
            result.report = load_spool(store, spool, len(files), batch_docs=batch_docs, on_loaded=on_loaded)
        except _BatchFailed as failed:
            store.close()  # before the reopen that checks what the file holds
            cause = _first_line(failed.__cause__).removeprefix(f"{store.location}: ")
            next_step = "run the same ingest again to load the rest"
            if "buffer pool is full" in cause:  # the same pool would stop the next run at the same batch
                next_step = f"raise {BUFFER_POOL_SETTING} (now {buffer_pool_mb()} MB) and run the same ingest again"
            message = stop_message(store.location, reopen, failed.written, len(files), failed.batch, cause, next_step)
            raise IngestStopped(message) from failed.__cause__
        finally:
            store.close()
        result.load_seconds = time.perf_counter() - started
    return result


def extract_to_spool(
    files: Sequence[DocumentFile],
    spool: IO[bytes],
    *,
    jobs: int | None = None,
    on_extracted: Callable[[int], None] | None = None,
) -> list[DocumentSummary]:
    """Extract each file and append (source, rows) to `spool`; raise InputError on the first bad file."""
    summaries = []
    for outcome in _extracted(files, jobs):
        if isinstance(outcome, InputError):
            raise outcome
        summary, blob = outcome
        spool.write(blob)
        summaries.append(summary)
        if on_extracted:
            on_extracted(1)
    return summaries


def load_spool(
    store: GraphStore,
    spool: IO[bytes],
    total: int,
    *,
    batch_docs: int | None = None,
    on_loaded: Callable[[int], None] | None = None,
) -> LoadReport:
    """Load the spooled documents a batch per transaction; _BatchFailed (naming the batch) when one fails."""
    size = batch_docs or BATCH_DOCS[store.dialect]
    report = LoadReport()
    started = time.perf_counter()
    done = 0
    sweep_texts(store)
    for batch in _spooled_batches(spool, size):
        try:
            part = load_rows(store, batch)
        except Exception as exc:  # a store error, a lost server, a full disk: say what the store holds
            raise _BatchFailed(done, batch) from exc
        done += len(batch)
        store.release_memory()
        _merge(report, part)
        if on_loaded:
            on_loaded(len(batch))
    report.seconds = time.perf_counter() - started
    return report


def coverage_summary(documents: Sequence[DocumentSummary]) -> str:
    """One line: documents, measures, median and lowest coverage (with the document it is in)."""
    if not documents:
        return "no documents"
    lowest = min(documents, key=lambda d: d.coverage)
    median = statistics.median(d.coverage for d in documents)
    measures = sum(d.measures for d in documents)
    return (
        f"{len(documents)} documents, {measures} measures; measures hold {median:.0%} of the text under "
        f"the headings (median), lowest {lowest.coverage:.0%} in {lowest.source}"
    )


def _extracted(files: Sequence[DocumentFile], jobs: int | None) -> Iterator[tuple[DocumentSummary, bytes] | InputError]:
    workers = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    if workers <= 1 or len(files) < POOL_MIN_FILES:
        for item in files:
            yield _extract_one(item)
        return
    # fork: the workers only extract (pure Python); this process has not opened the store for writing yet.
    with get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_extract_one, files, chunksize=4)


def _extract_one(item: DocumentFile) -> tuple[DocumentSummary, bytes] | InputError:
    """In a worker: the document's summary and its pickled (source, rows), or the InputError naming it
    (returned, not raised: InputError does not survive pickling through the pool)."""
    try:
        extraction = extract_file(item.path, source=item.source)
        rows = document_rows(extraction)
    except InputError as exc:
        return _portable(exc.source, exc.reason)
    except PolicyKGError as exc:
        return _portable(item.source, str(exc))
    except Exception as exc:  # an extractor bug on this file: name the file, write nothing
        return _portable(item.source, f"extraction failed: {type(exc).__name__}: {exc}")
    summary = DocumentSummary(
        source=extraction.source,
        measures=len(extraction.measures),
        coverage=measure_coverage(extraction),
        warnings=tuple(Counter(w.kind for w in extraction.warnings).items()),
    )
    return summary, pickle.dumps((extraction.source, rows), protocol=pickle.HIGHEST_PROTOCOL)


class _PortableInputError(InputError):
    """InputError that pickles (its constructor takes two arguments, its args hold one message)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_PortableInputError, (self.source, self.reason))


def _portable(source: str, reason: str) -> InputError:
    return _PortableInputError(source, reason)


def _spooled_batches(spool: IO[bytes], size: int) -> Iterator[dict[str, GraphRows]]:
    batch: dict[str, GraphRows] = {}
    while True:
        try:
            source, rows = pickle.load(spool)
        except EOFError:
            break
        batch[source] = rows
        if len(batch) >= size:
            yield batch
            batch = {}
    if batch:
        yield batch


def _merge(report: LoadReport, part: LoadReport) -> None:
    report.added += part.added
    report.replaced += part.replaced
    report.unchanged += part.unchanged
    report.nodes.update(part.nodes)
    report.relationships.update(part.relationships)


class _BatchFailed(Exception):
    """A batch failed after `written` documents of the run were written (the store is closed, then asked
    what it holds, before the run says so)."""

    def __init__(self, written: int, batch: dict[str, GraphRows]) -> None:
        super().__init__(f"a batch failed after {written} documents")
        self.written = written
        self.batch = batch


def _first_line(exc: BaseException | None) -> str:
    text = str(exc or "").strip()
    return text.splitlines()[0] if text else type(exc).__name__

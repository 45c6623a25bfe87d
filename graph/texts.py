"""Document texts kept beside a LadybugDB store, in one SQLite file `<store>.texts`.

Why apart: at every checkpoint LadybugDB rewrites the string columns of a node group whole, needing about
five times their size in its buffer pool, and one node group holds 131,072 rows. Every Document of a corpus
of 100,000 sits in one group, so its texts (650 MB for the benchmark corpus) would need a pool of gigabytes
by the end of the ingest; apart, the pool an ingest needs no longer grows with the corpus. The graph keeps
the structure and every span (Document.text is "" there); this file keeps the texts the spans point into.

Each text is keyed by document id and fingerprint, and written before the graph transaction that creates
its document: a text whose transaction then failed is never read (no Document has its fingerprint) and is
swept by the next ingest, and a replaced document's old text stays readable until its new graph commits.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policykg.core.errors import StoreError

if TYPE_CHECKING:
    from policykg.graph.store import GraphStore, Row

SUFFIX = ".texts"
BUSY_MS = 10_000  # a reader waits this long for a writer's commit (one batch of texts) to finish
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS document_text ("
    " document_id TEXT NOT NULL, fingerprint TEXT NOT NULL, text BLOB NOT NULL,"
    " PRIMARY KEY (document_id, fingerprint))"
)
# The columns by which a row says its `text` is a document's: fill_texts reads them.
_TEXT_KEY_COLUMNS = frozenset({"text_document", "text_fingerprint", "text"})
_PARAMS_PER_QUERY = 400  # SQLite limits the parameters of one statement (999 in older builds)


def texts_path(store: str | Path) -> Path:
    return Path(str(store) + SUFFIX)


class DocumentTexts:
    """The texts of one store's documents. Every call opens its own SQLite connection, so any thread
    (an explorer session's) may call it, and a reader in another process sees each batch whole."""

    def __init__(self, store: str | Path, *, read_only: bool) -> None:
        self.path = texts_path(store)
        self.read_only = read_only
        if not read_only:
            with self._connection() as conn:
                self._run(conn, _SCHEMA, [])

    def put(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Keep (document id, fingerprint, text) rows, in one transaction."""
        packed = [(doc_id, fingerprint, zlib.compress(text.encode("utf-8"), 1)) for doc_id, fingerprint, text in rows]
        if packed:
            self._write("INSERT OR REPLACE INTO document_text VALUES (?, ?, ?)", packed)

    def get(self, keys: Iterable[tuple[str, str]]) -> dict[str, str]:
        """{document id: text} for the (document id, fingerprint) pairs held; others are left out."""
        wanted = dict(keys)
        rows = self._select("document_id, fingerprint, text", list(wanted)) if wanted else []
        return {doc_id: zlib.decompress(blob).decode("utf-8") for doc_id, fp, blob in rows if wanted[doc_id] == fp}

    def missing(self, keys: Iterable[tuple[str, str]]) -> list[str]:
        """The document ids of the (document id, fingerprint) pairs whose text is not held."""
        wanted = dict(keys)
        held = set(self._select("document_id, fingerprint", list(wanted))) if wanted else set()
        return [doc_id for doc_id, fp in wanted.items() if (doc_id, fp) not in held]

    def keep_only(self, current: Mapping[str, str], among: Sequence[str] | None = None) -> None:
        """Drop every text but the one of `current` {document id: fingerprint} (what the graph holds):
        of the documents `among`, or of every document when `among` is None."""
        held = self._select("document_id, fingerprint", among)
        stale = [(doc_id, fp) for doc_id, fp in held if current.get(doc_id) != fp]
        if stale:
            self._write("DELETE FROM document_text WHERE document_id = ? AND fingerprint = ?", stale)

    def clear(self) -> None:
        self._write("DELETE FROM document_text", [])

    def _select(self, columns: str, among: Sequence[str] | None) -> list[tuple[Any, ...]]:
        """`columns` of the texts held for the documents `among` (of all, when None)."""
        if not self.path.exists():
            return []
        query = f"SELECT {columns} FROM document_text"
        with self._connection() as conn:
            if among is None:
                return self._run(conn, query, [])
            rows = []
            for start in range(0, len(among), _PARAMS_PER_QUERY):
                part = list(among[start : start + _PARAMS_PER_QUERY])
                rows += self._run(conn, f"{query} WHERE document_id IN ({','.join('?' * len(part))})", part)
            return rows

    def _write(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        with self._connection() as conn, conn:  # one transaction: committed whole, or rolled back
            if rows:
                self._run_many(conn, statement, rows)
            else:
                self._run(conn, statement, [])

    def _connection(self) -> closing[sqlite3.Connection]:
        try:
            if self.read_only:
                # Not mode=ro: a writer killed mid-transaction leaves a hot journal, which only a connection
                # that may write can roll back; a read-only one fails every read until the next ingest.
                # mode=rw never creates the file, and opens it read-only where the file is write-protected.
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True, timeout=BUSY_MS / 1000)
            else:
                conn = sqlite3.connect(self.path, timeout=BUSY_MS / 1000)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the document texts: {exc}") from exc
        return closing(conn)

    def _run(self, conn: sqlite3.Connection, statement: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        try:
            return conn.execute(statement, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {_verb(statement)} the document texts failed: {exc}") from exc

    def _run_many(self, conn: sqlite3.Connection, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            conn.executemany(statement, rows)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {_verb(statement)} the document texts failed: {exc}") from exc


def _verb(statement: str) -> str:
    return "reading" if statement.lstrip().upper().startswith("SELECT") else "writing"


def fill_texts(store: GraphStore, rows: list[Row]) -> list[Row]:
    """Rows whose `text` is a document's (they name it in `text_document` and `text_fingerprint`) with the
    text read from where the store keeps it: as they are when Document.text holds it (or they name no
    document), else with the empty texts filled from the store's text file."""
    if store.texts is None or not rows or not rows[0].keys() >= _TEXT_KEY_COLUMNS:
        return rows
    # A store written before texts were kept apart still holds them on its nodes: those stay.
    wanted = [(r["text_document"], r["text_fingerprint"]) for r in rows if r["text_fingerprint"] and not r["text"]]
    found = store.texts.get(wanted)
    if not found:
        return rows
    return [{**r, "text": found.get(r["text_document"], r["text"])} if not r["text"] else r for r in rows]

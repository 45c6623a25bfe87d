"""Document texts kept beside a LadybugDB store (graph/texts.py): out of the engine, read back by every
reader, replaced with their document, swept when nothing refers to them, and never half-written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from policykg.core.errors import StoreError
from policykg.graph.export import graph_data
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load, remove, sweep_texts
from policykg.graph.repair import check
from policykg.graph.texts import DocumentTexts, texts_path
from policykg.ingest.pipeline import extract_text
from policykg.queries.catalog import run_named

PLAN = "一、工作任务\n（一）推进严格规范公正文明执法。落实行政执法三项制度。（牵头单位：县司法局）\n"
EDITED = "一、工作任务\n（一）推进严格规范公正文明执法。落实执法公示制度。（牵头单位：县司法局；配合单位：县公安局）\n"


def stored_text(store: LadybugStore, source: str) -> str:
    return str(run_named(store, "document_text", source=source)[0]["text"])


def test_the_engine_holds_no_document_text_and_every_reader_gets_it(tmp_path: Path) -> None:
    path = tmp_path / "t.lbug"
    with LadybugStore(path) as store:
        load(store, [extract_text(PLAN, "plan.txt")])
        assert store.read("MATCH (d:Document) RETURN d.text AS text") == [{"text": ""}]
        assert stored_text(store, "plan.txt") == PLAN
    assert texts_path(path).exists()
    with LadybugStore(path, read_only=True) as reader:
        assert stored_text(reader, "plan.txt") == PLAN
        document = next(n for n in graph_data(reader).nodes if n.label == "Document")
        assert document.properties["text"] == PLAN  # exports carry the text


def test_a_replaced_document_reads_its_new_text_and_the_old_one_is_dropped(tmp_path: Path) -> None:
    with LadybugStore(tmp_path / "t.lbug") as store:
        load(store, [extract_text(PLAN, "plan.txt")])
        load(store, [extract_text(EDITED, "plan.txt")])
        assert stored_text(store, "plan.txt") == EDITED
        assert len(store.texts._select("document_id", None)) == 1  # type: ignore[union-attr]
        assert remove(store, "plan.txt")
        assert store.texts._select("document_id", None) == []  # type: ignore[union-attr]


def test_a_text_written_for_a_transaction_that_failed_is_never_read_and_is_swept(tmp_path: Path) -> None:
    with LadybugStore(tmp_path / "t.lbug") as store:
        load(store, [extract_text(PLAN, "plan.txt")])
        [doc] = store.read("MATCH (d:Document) RETURN d.id AS id, d.fingerprint AS fingerprint")
        assert store.texts is not None
        # What a batch writes before its graph transaction: the edited version's text, under its own
        # fingerprint. Its transaction never committed, so the graph still has the first version.
        store.texts.put([(doc["id"], "fingerprint-of-an-uncommitted-version", EDITED)])
        store.texts.put([("doc:never-committed", "x", "孤立的文本")])
        assert stored_text(store, "plan.txt") == PLAN
        sweep_texts(store)
        assert store.texts._select("document_id, fingerprint", None) == [(doc["id"], doc["fingerprint"])]


def test_rebuild_empties_the_texts_with_the_graph(tmp_path: Path) -> None:
    path = tmp_path / "t.lbug"
    with LadybugStore(path) as store:
        load(store, [extract_text(PLAN, "plan.txt")])
    with LadybugStore(path, rebuild=True) as store:
        assert store.texts is not None and store.texts._select("document_id", None) == []


def test_repair_counts_a_document_whose_text_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "t.lbug"
    with LadybugStore(path) as store:
        load(store, [extract_text(PLAN, "plan.txt")])
        assert check(store).orphans == {}
        assert store.texts is not None
        store.texts.clear()
        assert check(store).orphans == {"documents whose text is lost": 1}


def test_a_store_whose_texts_cannot_be_written_fails_in_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "t.lbug"
    with LadybugStore(path) as store:
        load(store, [extract_text(PLAN, "plan.txt")])
    texts_path(path).unlink()
    texts_path(path).mkdir()  # where the file should be, a folder: SQLite cannot open it, even as root
    with pytest.raises(StoreError) as failed:
        LadybugStore(path)
    message = str(failed.value)
    assert "\n" not in message and str(texts_path(path)) in message and "cannot open" in message
    with LadybugStore(path, read_only=True) as reader:  # the graph opens; its text is a one-line error
        assert reader.read("MATCH (d:Document) RETURN d.source AS source") == [{"source": "plan.txt"}]
        with pytest.raises(StoreError, match="document texts"):
            stored_text(reader, "plan.txt")


def test_a_read_only_store_without_a_texts_file_reads_empty_texts(tmp_path: Path) -> None:
    texts = DocumentTexts(tmp_path / "none.lbug", read_only=True)
    assert texts.get([("doc:a", "f")]) == {} and texts.missing([("doc:a", "f")]) == ["doc:a"]


def test_a_reader_reads_the_texts_after_a_writer_was_killed_mid_transaction(tmp_path: Path) -> None:
    path = tmp_path / "t.lbug"
    with LadybugStore(path) as store:
        load(store, [extract_text(PLAN, "plan.txt")])
    # A writer killed with its pages already spilled into the file leaves a hot journal behind.
    killed_writer = (
        "import os, signal, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1]); conn.execute('PRAGMA cache_size=2'); conn.execute('BEGIN')\n"
        "conn.executemany('INSERT INTO document_text VALUES (?, ?, ?)',"
        " [(f'doc:{i}', 'f', os.urandom(6000)) for i in range(200)])\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", killed_writer, str(texts_path(path))], check=False)
    assert Path(f"{texts_path(path)}-journal").stat().st_size > 0
    with LadybugStore(path, read_only=True) as reader:
        assert stored_text(reader, "plan.txt") == PLAN and check(reader).orphans == {}

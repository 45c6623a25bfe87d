"""A store written by the version before spans were kept is refused on every open with one line saying how
to re-ingest, never a crash or highlights gone quiet; `policykg ingest --rebuild` makes it current."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import ladybug
import pytest

from policykg.core.errors import StaleStore
from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.graph.open import open_store
from policykg.graph.schema import MARKER_LABEL, SCHEMA_VERSION
from policykg.graph.store import GraphStore
from policykg.graph.store_version import stored_version
from policykg.ingest.pipeline import extract_file
from tests.cli_run import run

REPO = Path(__file__).resolve().parents[1]
V1_SCHEMA = REPO / "tests" / "fixtures" / "stores" / "schema_v1.ladybug.cypher"
SAMPLE = REPO / "samples" / "yuhu_2026_gongzuoyaodian.txt"


def earlier_store(path: Path, *, documents: bool = True) -> Path:
    """A LadybugDB file as the earlier version left it: its DDL (no span columns, no marker table) and,
    unless `documents=False`, a document in it."""
    text = V1_SCHEMA.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    for statement in (s.strip() for s in body.split(";")):
        if statement:
            conn.execute(statement)
    if documents:
        conn.execute("CREATE (:Document {id: 'doc:1', title: '旧文件', source: 'old.txt', text: '一、旧措施'})")
        conn.execute("CREATE (:Measure {id: 'mea:1', path: '一', heading: '旧措施', text: '一、旧措施'})")
    conn.close()
    db.close()
    return path


@pytest.fixture
def old(tmp_path: Path) -> Path:
    return earlier_store(tmp_path / "old.lbug")


def assert_says_reingest(message: str, location: str) -> None:
    assert "\n" not in message.strip()
    assert location in message and "re-ingest" in message and "policykg ingest --rebuild" in message


@pytest.mark.parametrize("read_only", [True, False])
def test_an_earlier_store_is_refused_on_open(old: Path, read_only: bool) -> None:
    with pytest.raises(StaleStore) as refused:
        open_store(str(old), read_only=read_only)
    assert_says_reingest(str(refused.value), str(old))
    assert f"delete {old}" in str(refused.value)
    with open_store(str(old), rebuild=True) as store:  # the refused open let go of the file
        assert stored_version(store) is None


def test_the_loader_refuses_an_earlier_store_and_writes_nothing(old: Path) -> None:
    store = LadybugStore(old)  # opened without the check open_store makes
    try:
        with pytest.raises(StaleStore):
            load(store, [extract_file(SAMPLE)])
        assert store.read("MATCH (d:Document) RETURN d.source AS s") == [{"s": "old.txt"}]
    finally:
        store.close()


def test_an_emptied_earlier_store_is_refused_too(tmp_path: Path) -> None:
    """No documents left, but tables without the span columns: the first load would trip over them."""
    path = earlier_store(tmp_path / "empty.lbug", documents=False)
    with pytest.raises(StaleStore):
        open_store(str(path))


def test_a_store_of_a_newer_version_says_so(tmp_path: Path) -> None:
    path = tmp_path / "new.lbug"
    with open_store(str(path)) as store:
        load(store, [extract_file(SAMPLE)])
        store.write([(f"MATCH (s:{MARKER_LABEL}) SET s.version = $v", {"v": SCHEMA_VERSION + 1})])
    with pytest.raises(StaleStore, match="newer policykg"):
        open_store(str(path), read_only=True)


def test_a_new_store_is_marked_by_its_first_load(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "fresh.lbug")) as store:
        assert stored_version(store) is None  # nothing in it yet: open, and not marked
        load(store, [extract_file(SAMPLE)])
        load(store, [extract_file(REPO / "samples" / "songyang_2026_shishifangan.txt")])
        assert stored_version(store) == SCHEMA_VERSION
        assert store.read(f"MATCH (s:{MARKER_LABEL}) RETURN count(s) AS n") == [{"n": 1}]


def test_the_cli_says_it_in_one_line_and_rebuild_reingests(
    old: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for args in (("stats",), ("ask", "区司法局负责哪些措施"), ("ingest", str(SAMPLE))):
        code, out, err = run(capsys, monkeypatch, *args, "--store", str(old))
        assert code == 2, (args, out, err)
        assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
        assert_says_reingest(err, str(old))
    code, out, err = run(capsys, monkeypatch, "ingest", "--rebuild", str(SAMPLE), "--store", str(old))
    assert code == 0, err
    assert "1 added" in out
    with open_store(str(old), read_only=True) as store:
        assert [r["s"] for r in store.read("MATCH (d:Document) RETURN d.source AS s")] == [_as_given(SAMPLE)]
        spans = store.read("MATCH ()-[r:RESPONSIBLE_FOR]->() RETURN r.span_start AS s, r.span_end AS e")
        assert spans and all(r["s"] < r["e"] for r in spans)


@pytest.fixture
def marked_bolt(bolt_store: GraphStore) -> Iterator[GraphStore]:
    load(bolt_store, [extract_file(SAMPLE)])
    yield bolt_store


@pytest.mark.bolt
@pytest.mark.slow
def test_an_earlier_bolt_store_is_refused_and_rebuilt(marked_bolt: GraphStore) -> None:
    # The earlier version wrote no marker: a graph with documents and none is one it wrote.
    marked_bolt.write([(f"MATCH (s:{MARKER_LABEL}) DELETE s", {}), ("CREATE (:Other {id: 'kept'})", {})])
    uri = marked_bolt.location
    for read_only in (True, False):
        with pytest.raises(StaleStore) as refused:
            open_store(uri, read_only=read_only)
        assert_says_reingest(str(refused.value), uri)
        assert "delete" not in str(refused.value)  # no file to delete on a server
    with open_store(uri, rebuild=True) as store:
        assert store.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 0}]
        load(store, [extract_file(SAMPLE)])
        assert stored_version(store) == SCHEMA_VERSION
        assert store.read("MATCH (o:Other) RETURN o.id AS id") == [{"id": "kept"}]  # not the schema's: left alone
    with open_store(uri, read_only=True) as store:
        assert store.read("MATCH (d:Document) RETURN d.source AS s") == [{"s": SAMPLE.name}]


def _as_given(path: Path) -> str:
    """A file given directly is named by its path, relative to the working directory when under it."""
    return Path(os.path.relpath(path)).as_posix() if path.is_relative_to(Path.cwd()) else path.as_posix()

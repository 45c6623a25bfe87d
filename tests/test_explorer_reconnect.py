"""A store the explorer cannot open is a one-line message with a Reconnect button, no traceback; once the
store can be opened, Reconnect opens it (AppTest over real LadybugDB files)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytest.importorskip("streamlit", reason="the explorer needs the app extra: pip install -e '.[app]'")

from streamlit.testing.v1 import AppTest

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.ingest.pipeline import extract_file
from tests.corpus import PROJECT_FILES
from tests.explorer_apptest import APP, TIMEOUT_S


def _start(monkeypatch: pytest.MonkeyPatch, path: Path | str) -> AppTest:
    monkeypatch.setenv("POLICYKG_STORE", str(path))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _error_text(at: AppTest) -> str:
    assert len(at.error) == 1, [e.value for e in at.error]
    return str(at.error[0].value)


def test_a_missing_store_is_a_message_then_reconnect_opens_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "later.lbug"
    at = _start(monkeypatch, path)
    message = _error_text(at)
    assert "Cannot open the graph store" in message and "no such store" in message
    assert "policykg ingest" in message  # the hint says what to run
    assert [b.label for b in at.button] == ["Reconnect"]
    assert not at.sidebar.markdown  # the page stopped: nothing drawn from a store it does not have

    with LadybugStore(path) as store:  # the ingest the message asked for
        load(store, [extract_file(PROJECT_FILES[0])])
    at.button[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("Document: **1**" in m.value for m in at.sidebar.markdown)


def test_a_file_that_is_no_store_is_one_line_and_no_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notes.lbug"
    path.write_bytes(b"not a database\n" * 500)
    at = _start(monkeypatch, path)
    message = _error_text(at)
    first, reason, hint = message.split("\n\n")
    assert str(path) in first and str(path) in reason and "\n" not in reason  # the store's error, one line
    assert "Traceback" not in message and "Reconnect" in hint
    at.button[0].click().run()  # Reconnect retries, and fails the same way again, still without an exception
    assert not at.exception and str(path) in _error_text(at)


def test_reconnect_closes_the_store_it_drops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policykg.core.errors import StoreError
    from policykg.explorer import connection

    path = tmp_path / "g.lbug"
    with LadybugStore(path) as store:
        load(store, [extract_file(PROJECT_FILES[0])])
    at = _start(monkeypatch, path)
    old = connection._open(str(path))  # the store the page is reading through (the same process)
    assert old.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 1}]
    [reconnect] = [b for b in at.sidebar.button if b.label == "Reconnect"]
    reconnect.click().run()
    assert not at.exception and not at.error
    new = connection._open(str(path))
    assert new is not old and new.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 1}]
    deadline = time.monotonic() + 30  # closed on a thread of its own
    while not _closed(old) and time.monotonic() < deadline:
        time.sleep(0.1)
    with pytest.raises(StoreError, match="closed"):
        old.read("MATCH (d:Document) RETURN count(d) AS n")


def _closed(store: object) -> bool:
    try:
        store.read("RETURN 1 AS x")  # type: ignore[attr-defined]
    except Exception:
        return True
    return False


def test_a_uri_secret_never_reaches_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    at = _start(monkeypatch, "http://neo4j:hunter2-secret@127.0.0.1:7474")
    message = _error_text(at)
    assert "hunter2-secret" not in message and "http://127.0.0.1:7474" in message

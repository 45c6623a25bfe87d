"""The name index kept on disk between `policykg ask` processes: it answers as a freshly built one does,
and never with the names of an older state of the store (after an ingest or a removal the answer is that
of the new state), nor when the file changed under the process that would write it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policykg.graph.open import open_store
from policykg.queries import name_cache
from policykg.queries.gazetteer import build_gazetteer, fold, gazetteer_for
from tests.cli_run import run

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
QUESTION = "县司法局牵头哪些措施"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SAMPLES / "songyang_2026_shishifangan.txt", folder)
    return folder


def _answer(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, store: Path, cache: str) -> dict:
    monkeypatch.setenv("POLICYKG_CACHE_DIR", cache)
    code, out, err = run(capsys, monkeypatch, "ask", QUESTION, "--store", str(store), "--format", "json")
    assert code == 0, err
    answer = json.loads(out)
    return {k: answer[k] for k in ("intent", "entities", "rows", "message", "understood_line")}


def _ingested_with_cache(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A store of `docs`, with the cache folder set to a folder of this test."""
    store_path = tmp_path / "s.lbug"
    monkeypatch.setenv("POLICYKG_CACHE_DIR", str(tmp_path / "cache"))
    assert run(capsys, monkeypatch, "ingest", str(docs), "--store", str(store_path))[0] == 0
    return store_path


def _units(answer: dict) -> set[str]:
    return {row["unit"] for row in answer["rows"]}


def test_answers_follow_the_store_through_ingest_and_remove(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, cache = tmp_path / "s.lbug", str(tmp_path / "cache")
    assert run(capsys, monkeypatch, "ingest", str(docs), "--store", str(store))[0] == 0
    first = _answer(capsys, monkeypatch, store, cache)
    assert _units(first) == {"松阳县司法局"}
    [written] = list(Path(cache).glob("gazetteer-*.pickle"))
    assert _answer(capsys, monkeypatch, store, cache) == first  # from the cache now

    shutil.copy(SAMPLES / "suichang_2026_gongzuojihua.txt", docs)
    assert run(capsys, monkeypatch, "ingest", str(docs), "--store", str(store))[0] == 0
    after_ingest = _answer(capsys, monkeypatch, store, cache)
    assert _units(after_ingest) == {"松阳县司法局", "遂昌县司法局"}
    assert after_ingest == _answer(capsys, monkeypatch, store, "")  # as with no cache at all
    assert list(Path(cache).glob("gazetteer-*.pickle")) == [written]  # one file per store, rewritten

    assert run(capsys, monkeypatch, "remove", "suichang_2026_gongzuojihua.txt", "--store", str(store))[0] == 0
    after_remove = _answer(capsys, monkeypatch, store, cache)
    assert after_remove == first == _answer(capsys, monkeypatch, store, "")


def test_the_cached_index_is_the_built_one(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store_path = _ingested_with_cache(tmp_path, docs, capsys, monkeypatch)
    with open_store(str(store_path), read_only=True) as store:
        key = name_cache.file_key(store)
        assert key is not None and name_cache.load(store, key) is None
        built = build_gazetteer(store)
        name_cache.save(store, key, built)
    with open_store(str(store_path), read_only=True) as store:
        loaded = name_cache.load(store, name_cache.file_key(store) or ())
    assert loaded is not None
    assert loaded.surfaces == built.surfaces and loaded.jurisdictions == built.jurisdictions
    assert loaded.link("松阳县司法局牵头哪些措施") == built.link("松阳县司法局牵头哪些措施")


def test_a_file_changed_since_the_open_is_neither_cached_nor_read(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store_path = _ingested_with_cache(tmp_path, docs, capsys, monkeypatch)
    with open_store(str(store_path), read_only=True) as store:
        key = name_cache.file_key(store)
        assert key is not None
        built = build_gazetteer(store)
        stat = store_path.stat()
        os.utime(store_path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # as a commit would change it
        name_cache.save(store, key, built)
        cache = tmp_path / "cache"
        assert not cache.exists() or not list(cache.glob("gazetteer-*"))
    with open_store(str(store_path), read_only=True) as store:
        key = name_cache.file_key(store)
        assert key is not None
        name_cache.save(store, key, built)
        assert name_cache.load(store, key) is not None
        stat = store_path.stat()
        os.utime(store_path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
        assert name_cache.load(store, key) is None


def test_a_damaged_cache_is_rebuilt_and_no_folder_is_required(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, cache = tmp_path / "s.lbug", tmp_path / "cache"
    assert run(capsys, monkeypatch, "ingest", str(docs), "--store", str(store))[0] == 0
    expected = _answer(capsys, monkeypatch, store, "")
    assert not cache.exists()
    _answer(capsys, monkeypatch, store, str(cache))
    [written] = list(cache.glob("gazetteer-*.pickle"))
    written.write_bytes(written.read_bytes()[: written.stat().st_size // 2])
    assert _answer(capsys, monkeypatch, store, str(cache)) == expected
    blocked = tmp_path / "a-file"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    assert _answer(capsys, monkeypatch, store, str(blocked / "policykg")) == expected


def test_a_store_open_through_an_ingest_keeps_its_own_names_and_a_reopen_sees_the_new_ones(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store_path = tmp_path / "s.lbug"
    monkeypatch.setenv("POLICYKG_CACHE_DIR", str(tmp_path / "cache"))
    assert run(capsys, monkeypatch, "ingest", str(docs), "--store", str(store_path))[0] == 0
    shutil.copy(SAMPLES / "suichang_2026_gongzuojihua.txt", docs)
    new_unit = fold("遂昌县司法局")
    with open_store(str(store_path), read_only=True) as store:
        before = gazetteer_for(store)
        ingest = [sys.executable, "-m", "policykg", "ingest", str(docs), "--store", str(store_path)]
        subprocess.run(ingest, check=True, capture_output=True)  # another process, as beside the explorer
        assert store.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 1}]  # it reads its own state
        assert gazetteer_for(store) is before and new_unit not in before.surfaces
    with open_store(str(store_path), read_only=True) as store:
        assert new_unit in gazetteer_for(store).surfaces

"""The writer's LadybugDB buffer pool follows POLICYKG_BUFFER_POOL_MB (issue 13: ingest memory that does not
grow with the store). The engine does not report its pool size, so the tests show it by what the pool can
hold: a query whose working set is larger than 256 MB fails in a 256 MB pool and runs in a 1 GB one."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from policykg.core.errors import QueryError, StoreError
from policykg.graph.open import BUFFER_POOL_SETTING, DEFAULT_BUFFER_POOL_MB, buffer_pool_mb, open_store
from tests.cli_run import run

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "yuhu_2026_gongzuoyaodian.txt"
# A hash aggregate over 16 million distinct integers: over 256 MB of working memory, under 1 GB.
WIDE_QUERY = "UNWIND range(1, 16000000) AS x RETURN count(DISTINCT x) AS n"


def test_the_default_applies_when_the_setting_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BUFFER_POOL_SETTING, raising=False)
    assert buffer_pool_mb() == DEFAULT_BUFFER_POOL_MB


def test_a_small_pool_refuses_what_a_larger_one_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BUFFER_POOL_SETTING, "256")
    with closing(open_store(str(tmp_path / "small.lbug"))) as store, pytest.raises(QueryError, match="pool is full"):
        store.read(WIDE_QUERY)

    monkeypatch.setenv(BUFFER_POOL_SETTING, "1024")
    with closing(open_store(str(tmp_path / "large.lbug"))) as store:
        assert store.read(WIDE_QUERY) == [{"n": 16_000_000}]


@pytest.mark.parametrize("value", ["lots", "1.5", "0", "-8", "255"])
def test_a_bad_setting_is_one_line_before_anything_is_read(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUFFER_POOL_SETTING, value)
    with pytest.raises(StoreError, match=BUFFER_POOL_SETTING):
        open_store(str(tmp_path / "bad.lbug"))

    store = tmp_path / "cli.lbug"
    code, out, err = run(capsys, monkeypatch, "ingest", str(SAMPLE), "--store", str(store))
    assert code == 2
    assert err.strip().count("\n") == 0 and f"{BUFFER_POOL_SETTING}={value!r}" in err
    assert "Traceback" not in err and not out
    assert not store.exists()  # refused before extraction: no store made


def test_a_write_past_the_pool_fails_naming_the_cause_and_the_store_stays_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUFFER_POOL_SETTING, "256")
    with closing(open_store(str(tmp_path / "g.lbug"))) as store:
        with pytest.raises(StoreError, match="buffer pool is full"):
            store.write([(WIDE_QUERY, {})])
        store.write([("CREATE (:Jurisdiction {id: 'jur:1', name: '余杭区'})", {})])
        assert store.read("MATCH (j:Jurisdiction) RETURN j.name AS name") == [{"name": "余杭区"}]

"""`policykg queries | query | ask` through the real entry point, on a LadybugDB file of the project corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.ingest.records import Extraction
from policykg.queries.catalog import load_catalog
from tests.cli_run import run
from tests.corpus import LONGDE, SUICHANG, YUHU


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory, corpus_extractions: list[Extraction]) -> str:
    """A closed store file (the CLI opens it itself, read-only)."""
    path = tmp_path_factory.mktemp("cli") / "corpus.lbug"
    with LadybugStore(path) as store:
        load(store, corpus_extractions)
    return str(path)


@pytest.mark.parametrize("command", ["queries", "query", "ask", "overlap"])
def test_every_command_has_help(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    code, out, _ = run(capsys, monkeypatch, command, "--help")
    assert code == 0 and "Usage:" in out and "--format" in out
    assert len(out.split("Options:")[0].splitlines()) > 2


def test_queries_lists_the_catalog(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "queries")
    assert code == 0
    for name, query in load_catalog().items():
        assert name in out and query.title in out
    code, out, _ = run(capsys, monkeypatch, "queries", "--format", "json")
    listing = {q["name"]: q for q in json.loads(out)}
    assert listing["unit_measures"]["params"][0] == {
        "name": "units",
        "type": "list",
        "required": True,
        "default": None,
        "description": listing["unit_measures"]["params"][0]["description"],
    }
    assert listing["shortest_path"]["dialects"] == ["ladybug", "neo4j"]


def test_query_runs_a_named_query_with_params(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, store_file: str
) -> None:
    args = ("query", "unit_measures", "--param", "units=遂昌县司法局", "--param", "roles=lead", "--store", store_file)
    code, out, _ = run(capsys, monkeypatch, *args, "--format", "json")
    assert code == 0 and len({row["measure_id"] for row in json.loads(out)}) == 15
    code, out, err = run(capsys, monkeypatch, *args, "--show-cypher")
    assert code == 0 and "遂昌县司法局" in out and "(15 rows)" in err and "$units" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("query", "unit_measure"), "did you mean unit_measures"),
        (("query", "unit_measures"), "parameter units is required"),
        (("query", "busiest_units", "--param", "limit=many"), "must be a int"),
        (("query", "busiest_units", "--param", "nope=1"), "unknown parameter nope"),
    ],
)
def test_query_errors_are_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    store_file: str,
    args: tuple[str, ...],
    message: str,
) -> None:
    code, _, err = run(capsys, monkeypatch, *args, "--store", store_file)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_ask_json_and_table(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, store_file: str
) -> None:
    code, out, _ = run(
        capsys,
        monkeypatch,
        "ask",
        "哪些措施引用了《重大行政决策程序暂行条例》",
        "--store",
        store_file,
        "--format",
        "json",
    )
    answer = json.loads(out)
    assert code == 0 and {"question", "intent", "entities", "cypher", "params", "rows"} <= set(answer)
    assert answer["params"] == {"instruments": ["重大行政决策程序暂行条例"], "limit": 10000}
    assert {row["source"] for row in answer["rows"]} == {YUHU, LONGDE, SUICHANG}
    code, out, _ = run(capsys, monkeypatch, "ask", "司法局负责哪些措施", "--store", store_file, "--show-cypher")
    assert code == 0
    # grouped by jurisdiction: one row per role a 司法局 has in a measure (samples/README.md)
    assert "== 松阳县 (15) ==" in out and "== 湘潭市雨湖区 (17) ==" in out and "== 遂昌县 (18) ==" in out
    assert "（责任单位：区司法局、区法院、全区各部门）" in out  # a source sentence, as written (雨湖区 item 15)
    assert "MATCH (u:Unit)" in out


def test_ask_an_unknown_unit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, store_file: str
) -> None:
    code, out, _ = run(capsys, monkeypatch, "ask", "县财政厅牵头哪些措施", "--store", store_file)
    assert code == 0 and "没有找到单位「县财政厅」" in out and "遂昌县财政局" in out


def test_ask_on_a_missing_store(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, _, err = run(capsys, monkeypatch, "ask", "县司法局牵头哪些措施", "--store", str(tmp_path / "none.lbug"))
    assert code == 2 and "no such store" in err

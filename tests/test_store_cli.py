"""The store commands through the real entry point (`policykg.cli.main`), on LadybugDB files."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from tests.cli_run import run
from tests.corpus import SAMPLES, SONGYANG, YUHU, copy_documents


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return copy_documents(tmp_path / "docs", SAMPLES, (SONGYANG, YUHU))


@pytest.mark.parametrize("command", ["ingest", "stats", "export", "cypher", "remove"])
def test_every_command_has_help(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    code, out, _ = run(capsys, monkeypatch, command, "--help")
    assert code == 0 and "Usage:" in out and "--store" in out
    assert len(out.split("Options:")[0].splitlines()) > 2  # a description, not just the usage line


def test_ingest_twice_stats_identical_then_remove(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, docs: Path, tmp_path: Path
) -> None:
    store = str(tmp_path / "g.lbug")
    code, out, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", store)
    assert code == 0, err
    assert "2 added, 0 replaced, 0 unchanged" in out and "extracting" in err
    _, first, _ = run(capsys, monkeypatch, "stats", "--format", "json", "--store", store)
    code, out, _ = run(capsys, monkeypatch, "ingest", str(docs), "--store", store)
    assert "0 added, 0 replaced, 2 unchanged" in out
    _, second, _ = run(capsys, monkeypatch, "stats", "--format", "json", "--store", store)
    assert json.loads(first) == json.loads(second)
    assert json.loads(first)["nodes"]["Document"] == 2

    edited = docs / YUHU
    edited.write_text(edited.read_text(encoding="utf-8").replace("法治", "法制", 3), encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, "ingest", str(edited), "--root", str(docs), "--store", store)
    assert "0 added, 1 replaced" in out

    code, out, _ = run(capsys, monkeypatch, "remove", YUHU, "--store", store)
    assert code == 0 and "removed" in out
    code, _, err = run(capsys, monkeypatch, "remove", YUHU, "--store", store)
    assert code == 2 and err.startswith(f"error: {YUHU}: no such document")
    _, table, _ = run(capsys, monkeypatch, "stats", "--store", store)
    assert "Document         1" in table


def test_a_bad_file_stops_ingest_before_anything_is_written(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, docs: Path, tmp_path: Path
) -> None:
    store = tmp_path / "g.lbug"
    (docs / "zz_broken.txt").write_bytes(b"")
    code, _, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", str(store))
    assert code == 2
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: ") and "zz_broken.txt" in last and "Traceback" not in err
    assert not store.exists()  # nothing was opened, let alone written


def test_cypher_and_export(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, docs: Path, tmp_path: Path
) -> None:
    store = str(tmp_path / "g.lbug")
    run(capsys, monkeypatch, "ingest", str(docs), "--store", store)
    query = "MATCH (u:Unit {name: $name})-[:LEADS]->(m:Measure) RETURN count(m) AS led"
    code, out, _ = run(
        capsys,
        monkeypatch,
        "cypher",
        query,
        "--param",
        "name=松阳县司法局",
        "--format",
        "json",
        "--store",
        store,
    )
    assert code == 0 and json.loads(out)[0]["led"] == 10  # samples/README.md: 县司法局 leads 10 in 松阳县
    code, out, _ = run(
        capsys,
        monkeypatch,
        "cypher",
        "MATCH (d:Document) RETURN d.source AS source ORDER BY source",
        "--store",
        store,
    )
    assert out.splitlines()[0].strip() == "source" and SONGYANG in out and YUHU in out

    code, _, err = run(capsys, monkeypatch, "cypher", "MATCH (n) DETACH DELETE n", "--store", store)
    assert code == 2 and "--write" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, monkeypatch, "cypher", "MATCH (n RETURN n", "--store", store)
    assert code == 2 and err.startswith("error: ") and len(err.strip().splitlines()) == 1
    code, out, _ = run(
        capsys,
        monkeypatch,
        "cypher",
        "MATCH (d:Document) SET d.period = $p",
        "--param",
        "p=2021",
        "--write",
        "--store",
        store,
    )
    assert code == 0
    _, out, _ = run(
        capsys,
        monkeypatch,
        "cypher",
        "MATCH (d:Document) RETURN DISTINCT d.period AS p",
        "--format",
        "json",
        "--store",
        store,
    )
    assert json.loads(out) == [{"p": "2021"}]

    for fmt, target in (("graphml", "g.graphml"), ("json", "g.json"), ("csv", "csv")):
        code, out, err = run(capsys, monkeypatch, "export", "--format", fmt, str(tmp_path / target), "--store", store)
        assert code == 0, err
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() > 0
    assert (tmp_path / "csv" / "nodes_Measure.csv").read_text(encoding="utf-8").startswith("id:ID,")


def test_reading_a_missing_store_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, _, err = run(capsys, monkeypatch, "stats", "--store", str(tmp_path / "none.lbug"))
    assert code == 2 and "no such store" in err and len(err.strip().splitlines()) == 1

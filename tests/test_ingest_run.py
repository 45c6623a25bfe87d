"""`policykg ingest` end to end on real LadybugDB stores: documents are named by their path relative to the
folder ingested, the load streams in batches with the same graph as one transaction, and every run says
how much of each body ended up in measures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policykg.ingest.pipeline import extract_file
from tests.cli_run import run
from tests.corpus import PROJECT_FILES, SAMPLES, SONGYANG, YUHU, copy_documents
from tests.fixture_corpus import DOCUMENTS


def _cypher(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, store: str, query: str) -> list:
    code, out, err = run(capsys, monkeypatch, "cypher", query, "--format", "json", "--store", store)
    assert code == 0, err
    return json.loads(out)


def _stats(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, store: str) -> dict:
    code, out, err = run(capsys, monkeypatch, "stats", "--format", "json", "--store", store)
    assert code == 0, err
    return json.loads(out)


def test_same_name_in_two_folders_is_two_documents(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    for folder, name in (("a", YUHU), ("b", SONGYANG)):
        (docs / folder).mkdir(parents=True)
        shutil.copy(SAMPLES / name, docs / folder / "plan.txt")
    extracted = sum(len(extract_file(p).measures) for p in (SAMPLES / YUHU, SAMPLES / SONGYANG))
    store = str(tmp_path / "g.lbug")

    code, out, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", store)
    assert code == 0, err
    assert "2 added" in out
    rows = _cypher(capsys, monkeypatch, store, "MATCH (d:Document) RETURN d.source AS source ORDER BY source")
    assert [r["source"] for r in rows] == ["a/plan.txt", "b/plan.txt"]
    stored = _cypher(capsys, monkeypatch, store, "MATCH (m:Measure) RETURN count(m) AS n")[0]["n"]
    assert stored == extracted

    # `remove` takes the relative source, or a longer path ending in it.
    code, out, err = run(capsys, monkeypatch, "remove", str(Path("docs/b/plan.txt")), "--store", store)
    assert code == 0, err
    assert "removed b/plan.txt" in out
    rows = _cypher(capsys, monkeypatch, store, "MATCH (d:Document) RETURN d.source AS source")
    assert [r["source"] for r in rows] == ["a/plan.txt"]


def test_two_files_named_alike_in_one_run_are_refused_naming_both(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SAMPLES / YUHU, tmp_path / folder / "plan.txt")
    store = tmp_path / "g.lbug"
    code, _, err = run(capsys, monkeypatch, "ingest", str(tmp_path / "a"), str(tmp_path / "b"), "--store", str(store))
    assert code == 2
    [line] = err.strip().splitlines()
    assert str(tmp_path / "a" / "plan.txt") in line and str(tmp_path / "b" / "plan.txt") in line
    assert not store.exists()


def test_flat_folder_keeps_file_names_and_a_file_given_directly_keeps_its_path(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    copy_documents(tmp_path / "docs", SAMPLES, (YUHU,))
    copy_documents(tmp_path / "more", SAMPLES, (SONGYANG,))
    monkeypatch.chdir(tmp_path)
    store = str(tmp_path / "g.lbug")
    code, _, err = run(capsys, monkeypatch, "ingest", "docs", f"more/{SONGYANG}", "--store", store)
    assert code == 0, err
    rows = _cypher(capsys, monkeypatch, store, "MATCH (d:Document) RETURN d.source AS source ORDER BY source")
    assert [r["source"] for r in rows] == sorted([YUHU, f"more/{SONGYANG}"])


def test_batches_give_the_same_graph_as_one_transaction(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    docs = copy_documents(tmp_path / "docs", SAMPLES, tuple(p.name for p in PROJECT_FILES))
    # A document citing the title of another, so INGESTED_AS links across batches (either order).
    cited = extract_file(SAMPLES / YUHU).document.title
    (docs / "zz_citing.txt").write_text(
        f"关于落实工作的通知\n一、工作任务\n1.认真贯彻落实《{cited}》。(责任单位:湘潭市雨湖区司法局)\n",
        encoding="utf-8",
    )
    (docs / "00_citing.txt").write_text(
        f"关于推进工作的通知\n一、工作任务\n1.对照《{cited}》逐项推进。(责任单位:湘潭市雨湖区司法局)\n",
        encoding="utf-8",
    )
    whole, batched = str(tmp_path / "whole.lbug"), str(tmp_path / "batched.lbug")
    code, _, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", whole)
    assert code == 0, err
    code, out, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", batched, "--batch", "1")
    assert code == 0, err
    assert _stats(capsys, monkeypatch, whole) == _stats(capsys, monkeypatch, batched)
    links = "MATCH (i:Instrument)-[:INGESTED_AS]->(d:Document) RETURN d.source AS source, count(i) AS n"
    assert _cypher(capsys, monkeypatch, batched, links) == [{"source": YUHU, "n": 1}]
    units = "MATCH (u:Unit) RETURN u.id AS id, count(*) AS n ORDER BY n DESC LIMIT 1"
    assert _cypher(capsys, monkeypatch, batched, units)[0]["n"] == 1  # shared nodes once

    # Re-ingest in batches: every document unchanged; an edited one replaced, the rest unchanged.
    code, out, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", batched, "--batch", "2")
    assert code == 0, err
    total = len(list(docs.iterdir()))
    assert f"0 added, 0 replaced, {total} unchanged" in out
    (docs / "zz_citing.txt").write_text(
        (docs / "zz_citing.txt").read_text(encoding="utf-8") + "2.完善配套制度。(责任单位:湘潭市雨湖区司法局)\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", batched, "--batch", "2")
    assert code == 0, err
    assert f"0 added, 1 replaced, {total - 1} unchanged" in out


def test_ingest_prints_a_coverage_line_and_flags_skipped_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    docs = copy_documents(tmp_path / "docs", SAMPLES, (YUHU,))
    # Long paragraphs under numbered headings that hold no measure: the headings promise more.
    filler = "各单位要结合实际认真研究部署相关工作并抓好落实，确保各项任务按期完成。" * 12
    (docs / "thin.txt").write_text(
        f"宁远县2026年法治政府建设工作要点\n一、主要任务\n{filler}\n{filler}\n{filler}\n"
        "1.推进依法行政。(责任单位:宁远县司法局)\n2.规范执法行为。(责任单位:宁远县司法局)\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", str(tmp_path / "g.lbug"))
    assert code == 0, err
    [summary] = [line for line in out.splitlines() if "of the text under the headings" in line]
    assert summary.startswith("2 documents, ")
    assert "lowest" in summary and "thin.txt" in summary
    [flagged] = [line for line in out.splitlines() if line.strip().startswith("thin.txt:")]
    assert "measures hold only" in flagged or "skipped_text" in flagged
    assert not [line for line in out.splitlines() if line.strip().startswith(f"{YUHU}:")]


def test_a_missing_path_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere"
    code, _, err = run(capsys, monkeypatch, "ingest", str(missing), "--store", str(tmp_path / "g.lbug"))
    assert code == 2
    assert err.strip().splitlines() == [f"error: {missing}: no such file or folder"]


def test_an_undecodable_file_name_is_read_and_shown_escaped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    docs = copy_documents(tmp_path / "docs", SAMPLES, (YUHU,))
    odd = Path(docs, b"plan\xff\xfe.txt".decode("utf-8", "surrogateescape"))
    shutil.copy(DOCUMENTS / "plan_fullwidth_brackets.txt", odd)
    store = str(tmp_path / "g.lbug")
    code, out, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", store)
    assert code == 0, err
    assert "2 added" in out
    rows = _cypher(capsys, monkeypatch, store, "MATCH (d:Document) RETURN d.source AS source ORDER BY source")
    assert [r["source"] for r in rows] == sorted(["plan\\xff\\xfe.txt", YUHU])

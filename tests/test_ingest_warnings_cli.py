"""`policykg ingest` shows every document's warnings in its summary, and no unit enters the store without a
place unless its document carries the no_jurisdiction warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.core.places import leading_place
from tests.cli_run import run
from tests.corpus import copy_documents
from tests.fixture_corpus import DOCUMENTS

NO_PLACE = "paged_fragment.txt"  # page 2 of a paged copy: no title, issuer or place anywhere
WITH_PLACE = "plan_fullwidth_brackets.txt"  # 石门县


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return copy_documents(tmp_path / "docs", DOCUMENTS, (NO_PLACE, WITH_PLACE))


def test_ingest_summary_names_each_document_with_its_warning_counts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, docs: Path, tmp_path: Path
) -> None:
    store = str(tmp_path / "g.lbug")
    code, out, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", store)
    assert code == 0, err
    assert "warnings in 1 of 2 documents:" in out
    [line] = [line for line in out.splitlines() if NO_PLACE in line]
    assert "1 no_jurisdiction" in line and "without a jurisdiction" in line
    assert not [line for line in out.splitlines() if line.strip().startswith(f"{WITH_PLACE}:")]  # no warnings

    # Re-ingesting unchanged documents still shows their warnings.
    code, out, _ = run(capsys, monkeypatch, "ingest", str(docs), "--store", store)
    assert "0 added, 0 replaced, 2 unchanged" in out and f"  {NO_PLACE}: 1 no_jurisdiction" in out


def test_no_unit_is_stored_without_a_place_unless_its_document_was_warned(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, docs: Path, tmp_path: Path
) -> None:
    store = str(tmp_path / "g.lbug")
    code, out, err = run(capsys, monkeypatch, "ingest", str(docs), "--store", store)
    assert code == 0, err
    warned = {line.split(":")[0].strip() for line in out.splitlines() if "no_jurisdiction" in line}
    query = (
        "MATCH (d:Document)-[:HAS*1..2]->(:Measure)<-[]-(u:Unit) "
        "RETURN DISTINCT d.source AS source, d.jurisdiction AS jurisdiction, u.name AS unit"
    )
    code, rows_json, err = run(capsys, monkeypatch, "cypher", query, "--format", "json", "--store", store)
    assert code == 0, err
    rows = json.loads(rows_json)
    assert {r["source"] for r in rows} == {NO_PLACE, WITH_PLACE}
    unqualified = {r["source"] for r in rows if not leading_place(r["unit"])}
    assert unqualified == {NO_PLACE} == warned
    assert all(r["jurisdiction"] == "石门县" for r in rows if r["source"] == WITH_PLACE)

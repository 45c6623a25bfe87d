"""The synthetic corpus generator (benchmarks/generate.py): deterministic, and its manifest tells the truth.

The checks re-read the generated text with simple regexes of their own, independent of the generator's
code, and compare with what the manifest claims: measures, clauses per form, unit names per role,
citations, deadlines and targets.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.synthdocs.truth import CLAUSE_FORMS
from tests.text_counts import DEADLINE, TARGET, count_measures, role_counts

ROOT = Path(__file__).resolve().parent.parent


def generate(tmp: Path, docs: int, seed: int, *extra: str) -> dict:
    out = tmp / f"corpus-{docs}-{seed}"
    args = [
        sys.executable,
        "-m",
        "benchmarks.generate",
        "--docs",
        str(docs),
        "--seed",
        str(seed),
        "--out",
        str(out),
        *extra,
    ]
    subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["dir"] = out
    return manifest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """50 documents, ~40 measures each: small, and every form still shows up."""
    return generate(tmp_path_factory.mktemp("gen"), 50, 7, "--measures-per-doc", "40", "--jobs", "2")


def documents(corpus: dict):
    for entry in corpus["documents"]:
        yield entry, (corpus["dir"] / entry["file"]).read_text(encoding="utf-8")


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 12, 3, "--measures-per-doc", "30", "--jobs", "1")
    b = generate(tmp_path / "b", 12, 3, "--measures-per-doc", "30", "--jobs", "2")
    files = sorted(p.name for p in a["dir"].iterdir())
    assert files == sorted(p.name for p in b["dir"].iterdir())
    assert len(files) == 13  # 12 documents and the manifest
    for name in files:
        assert (a["dir"] / name).read_bytes() == (b["dir"] / name).read_bytes(), name


def test_other_seed_other_corpus(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 3, 1, "--measures-per-doc", "10")
    b = generate(tmp_path / "b", 3, 2, "--measures-per-doc", "10")
    assert (a["dir"] / "doc_00000.txt").read_bytes() != (b["dir"] / "doc_00000.txt").read_bytes()


def test_measure_counts_match_the_outline(corpus: dict) -> None:
    for entry, text in documents(corpus):
        assert count_measures(text) == entry["measures"], entry["file"]
    assert corpus["totals"]["measures"] == sum(e["measures"] for e in corpus["documents"])


def test_clause_counts_match_the_markers(corpus: dict) -> None:
    for entry, text in documents(corpus):
        forms = Counter(entry["clause_forms"])
        markers = len(re.findall(r"责任单位[:：]|牵头单位[:：]|牵头[,，]|分别负责", text))
        assert markers == sum(forms.values()), entry["file"]
        assert len(re.findall(r"^牵头单位", text, re.M)) == forms["lead_own_line"], entry["file"]
        assert text.count("。牵头单位") == forms["lead_bare"], entry["file"]
        assert len(re.findall(r"[（(]牵头单位", text)) == forms["lead_participate"] + forms["lead_only"]
        assert len(re.findall(r"[（(]责任单位", text)) == forms["responsible"] + forms["responsible_participate"]


def test_unit_mentions_per_role_match_the_clauses(corpus: dict) -> None:
    for entry, text in documents(corpus):
        expected = {role: n for role, n in entry["unit_mentions"].items() if n}
        assert dict(role_counts(text)) == expected, entry["file"]
        for role_mentions in entry["units"].values():
            for mention, n in role_mentions.items():
                assert text.count(mention) >= n, (entry["file"], mention)


def test_citations_deadlines_targets_match_the_text(corpus: dict) -> None:
    for entry, text in documents(corpus):
        marked = sum(c["count"] for c in entry["citations"] if c["form"] != "unmarked")
        assert text.count("《") == marked, entry["file"]
        for c in entry["citations"]:
            assert text.count(c["mention"]) >= c["count"], (entry["file"], c["mention"])
        assert len(DEADLINE.findall(text)) == entry["deadlines"], entry["file"]
        assert len(TARGET.findall(text)) == entry["targets"], entry["file"]


def test_every_layout_and_form_appears(corpus: dict) -> None:
    totals = corpus["totals"]
    assert set(totals["clause_forms"]) == set(CLAUSE_FORMS)
    assert set(totals["kinds"]) == {"工作要点", "实施方案", "实施意见", "工作报告"}
    entries = corpus["documents"]
    assert any(len(e["layout"]["levels"]) == 4 for e in entries)
    assert {e["layout"]["punctuation"] for e in entries} == {"fullwidth", "ascii", "mixed"}
    forms = Counter(c["form"] for e in entries for c in e["citations"])
    assert {"marked", "nested", "unmarked", "alias"} <= set(forms)
    assert any(u.endswith(("（街道）", "(街道)")) for e in entries for u in e["units"]["participate"])
    assert all(e["document"]["jurisdiction"] for e in entries)


def test_units_recur_across_documents(corpus: dict) -> None:
    """The same kinds of units answer for measures in most documents, as 司法局 does in reality."""
    with_clauses = [e for e in corpus["documents"] if e["clause_forms"]]
    named = Counter()
    for entry in with_clauses:
        mentions = {m for role in entry["units"].values() for m in role}
        named.update({re.sub(r"^[县区旗市]", "", m) for m in mentions})
    assert named["司法局"] >= 0.8 * len(with_clauses)
    assert named["政府办"] + named["政府办公室"] + named["人民政府办公室"] >= 0.5 * len(with_clauses)


def test_measure_truth_file(tmp_path: Path) -> None:
    m = generate(tmp_path, 4, 5, "--measures-per-doc", "12", "--measure-truth")
    lines = (m["dir"] / "measures.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    for line, entry in zip(lines, m["documents"], strict=True):
        truth = json.loads(line)
        assert truth["file"] == entry["file"]
        assert len(truth["measures"]) == entry["measures"]
        text = (m["dir"] / entry["file"]).read_text(encoding="utf-8")
        for measure in truth["measures"]:
            assert measure["heading"] in text
            assert all(u["unit"] or u["collective"] for u in measure["units"])


def test_mixed_encodings_decode(tmp_path: Path) -> None:
    m = generate(tmp_path, 30, 9, "--measures-per-doc", "5", "--mixed-encodings")
    seen = set()
    for entry in m["documents"]:
        raw = (m["dir"] / entry["file"]).read_bytes()
        text = raw.decode(entry["encoding"])
        assert count_measures(text) == entry["measures"]
        seen.add(entry["encoding"])
    assert "utf-8" in seen and len(seen) >= 2


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--docs", "0", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 2
    assert "--docs" in run.stderr

"""Rankings scoped by a place the question names (遂昌县哪个单位牵头最多) rank that jurisdiction only; a
place the graph holds nothing of is reported with the jurisdictions it does hold. Expected rankings are
counted here from the extractions, independently of the queries."""

from __future__ import annotations

from collections import Counter

from policykg.graph.ladybug_store import LadybugStore
from policykg.ingest.records import Extraction
from policykg.queries.ask import ask
from tests.corpus import YUHU


def _counts(extractions: list[Extraction], jurisdiction: str, roles: tuple[str, ...] = ("lead",)) -> Counter[str]:
    """Per unit of the jurisdiction: its (measure, role) pairs in the roles — what a ranking counts."""
    counts: Counter[str] = Counter()
    for extraction in extractions:
        for measure in extraction.measures:
            held = {(u.unit, u.role) for u in measure.units if u.role in roles and not u.collective}
            counts.update(unit for unit, _ in held if unit.startswith(jurisdiction))
    return counts


def test_a_ranking_within_a_county_ranks_its_units_only(
    corpus_store: LadybugStore, corpus_extractions: list[Extraction]
) -> None:
    expected = _counts(corpus_extractions, "遂昌县")
    answer = ask(corpus_store, "遂昌县哪个单位牵头最多")
    assert answer["intent"] == "busiest_units"
    assert {row["jurisdiction"] for row in answer["rows"]} == {"遂昌县"}
    assert {row["unit"]: row["measures"] for row in answer["rows"]} == dict(expected.most_common(20))
    assert answer["message"].startswith("在遂昌县,")
    everywhere = ask(corpus_store, "哪个单位牵头最多")
    assert {row["jurisdiction"] for row in everywhere["rows"]} > {"遂昌县"}


def test_top_n_within_a_district(corpus_store: LadybugStore, corpus_extractions: list[Extraction]) -> None:
    answer = ask(corpus_store, "雨湖区工作量前三的单位")  # 雨湖区's 要点 names 责任单位 only
    expected = _counts(corpus_extractions, "湘潭市雨湖区", ("lead", "participate", "responsible"))
    assert len(expected) > 3
    assert [row["measures"] for row in answer["rows"]] == [n for _, n in expected.most_common(3)]
    assert {row["jurisdiction"] for row in answer["rows"]} == {"湘潭市雨湖区"}


def test_most_cited_within_a_district(corpus_store: LadybugStore, corpus_extractions: list[Extraction]) -> None:
    yuhu = next(e for e in corpus_extractions if e.source == YUHU)
    cited = {c.title for m in yuhu.measures for c in m.instruments} | {c.title for c in yuhu.instruments}
    answer = ask(corpus_store, "雨湖区被引用最多的法规")
    assert answer["intent"] == "top_instruments"
    assert {row["instrument"] for row in answer["rows"]} == cited
    assert {row["documents"] for row in answer["rows"]} == {1}


def test_a_place_the_graph_does_not_hold_is_reported(corpus_store: LadybugStore) -> None:
    for question in ("长治市哪个单位牵头最多", "长治市被引用最多的法规", "长治市哪些单位共同牵头最多"):
        answer = ask(corpus_store, question)
        assert answer["intent"] == "unknown_jurisdiction" and answer["rows"] == [], question
        assert answer["message"].startswith("图中没有「长治市」")
        assert {"遂昌县", "松阳县"} <= set(answer["candidates"])


def test_instruments_rank_by_documents_or_by_citations_and_say_which(corpus_store: LadybugStore) -> None:
    by_documents = ask(corpus_store, "哪些法规被引用最多")
    by_citations = ask(corpus_store, "哪些法规被引用次数最多")
    assert "按引用文件数排序" in by_documents["message"] and "按引用次数排序" in by_citations["message"]
    documents = [(row["documents"], row["citations"]) for row in by_documents["rows"]]
    citations = [(row["citations"], row["documents"]) for row in by_citations["rows"]]
    assert documents == sorted(documents, reverse=True) and citations == sorted(citations, reverse=True)
    assert by_citations["rows"][0]["citations"] == max(row["citations"] for row in by_documents["rows"])

"""Users name a document by place, year and kind (松阳县方案, 隆德县的报告, 2026年要点): each short name
answers exactly as the document's full title does, and a short name no document has is unknown with
candidates. The corpus (samples/) holds one document per county; 隆德县 has a report, not a plan."""

from __future__ import annotations

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.queries.ask import ask
from tests.corpus import LONGDE, SONGYANG, SUICHANG, YUHU

FULL_TITLES = {
    SONGYANG: "松阳县法治政府建设实施方案(2026-2030年)",
    LONGDE: "隆德县2025年度法治政府建设情况报告",
    SUICHANG: "2026年遂昌县法治政府建设工作计划",
    YUHU: "2026年湘潭市雨湖区法治政府建设工作要点",
}


@pytest.mark.parametrize(
    ("short", "source"),
    [
        ("松阳县方案", SONGYANG),
        ("松阳县的实施方案", SONGYANG),
        ("松阳方案", SONGYANG),
        ("隆德县的报告", LONGDE),
        ("2025年度报告", LONGDE),
        ("遂昌县计划", SUICHANG),
        ("2026年计划", SUICHANG),
        ("雨湖区的要点", YUHU),
        ("2026年要点", YUHU),
        ("2026年雨湖区工作要点", YUHU),
    ],
)
@pytest.mark.parametrize("ending", ["引用了哪些法规", "有哪些措施"])
def test_a_short_name_answers_as_the_full_title(
    corpus_store: LadybugStore, short: str, source: str, ending: str
) -> None:
    answer = ask(corpus_store, short + ending)
    full = ask(corpus_store, FULL_TITLES[source] + ending)
    assert answer["rows"] and {row["source"] for row in answer["rows"]} == {source}
    assert (answer["intent"], answer["rows"]) == (full["intent"], full["rows"])


def test_a_short_name_no_document_has_is_unknown_with_candidates(corpus_store: LadybugStore) -> None:
    answer = ask(corpus_store, "隆德县方案引用了哪些法规")  # 隆德县's document is a report
    assert answer["intent"] == "unknown_document" and answer["rows"] == []
    assert any(LONGDE in candidate for candidate in answer["candidates"])

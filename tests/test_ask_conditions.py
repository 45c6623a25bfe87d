"""Conditions a question states are kept: 法律法规 means 法律, 行政法规 and 地方性法规, not 法律 alone."""

from __future__ import annotations

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.queries import slots
from policykg.queries.ask import ask
from policykg.queries.gazetteer import fold


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("引用了哪些法律法规", ("法律", "行政法规", "地方性法规")),
        ("引用了哪些法律", ("法律",)),
        ("引用了哪些行政法规", ("行政法规",)),
        ("引用了哪些法律和规章", ("法律", "规章")),
        ("引用了哪些法规", ()),
        ("引用了哪些文件", ()),
    ],
)
def test_instrument_kinds_as_the_documents_mean_them(text: str, kinds: tuple[str, ...]) -> None:
    assert slots.instrument_kinds(fold(text)) == kinds


def test_laws_and_regulations_are_more_than_laws(corpus_store: LadybugStore) -> None:
    every = ask(corpus_store, "遂昌县计划引用了哪些法规")["rows"]
    both = ask(corpus_store, "遂昌县计划引用了哪些法律法规")["rows"]
    laws = ask(corpus_store, "遂昌县计划引用了哪些法律")["rows"]
    assert both == [row for row in every if row["kind"] in {"法律", "行政法规", "地方性法规"}]
    assert laws == [row for row in every if row["kind"] == "法律"]
    assert len(both) > len(laws) > 0

"""The explorer on a Bolt store (the ArcadeDB test server speaking Neo4j's dialect): every page runs, Ask
answers, the console refuses writes and its Graph tab draws (type(r) where LadybugDB says label(r))."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from policykg.graph.loader import load
from tests.explorer_apptest import APP, QUESTION, TIMEOUT_S, open_page, open_tab
from tests.explorer_store import corpus_extractions

pytest.importorskip("streamlit", reason="the explorer needs the app extra: pip install -e '.[app]'")
from streamlit.testing.v1 import AppTest

pytestmark = [pytest.mark.bolt, pytest.mark.slow]
PAGES = ("ask", "unit", "graph_browser", "cypher_console", "overlaps", "instruments", "documents")


@pytest.fixture
def bolt_app(bolt_database: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    from policykg.graph.bolt import BoltStore

    uri = bolt_database.uri  # type: ignore[attr-defined]
    with BoltStore(uri) as store:
        load(store, corpus_extractions())
    monkeypatch.setenv("POLICYKG_STORE", uri)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run()
    assert not at.exception, [e.value for e in at.exception]
    yield at


def test_every_page_on_bolt(bolt_app: AppTest) -> None:
    assert any("neo4j, read-only" in m.value for m in bolt_app.sidebar.markdown)
    for page in PAGES:
        at = open_page(bolt_app, page)
        assert not at.error, (page, [e.value for e in at.error])

    at = open_page(bolt_app, "ask")
    at.text_input(key="ask-question").set_value(QUESTION)
    at.button(key="FormSubmitter:ask-form-Ask").click().run()
    assert len(at.dataframe[0].value) == 25  # 县司法局 leads 10 measures in 松阳县, 15 in 遂昌县

    at = open_page(bolt_app, "cypher_console")
    at.text_area(key="cypher-text").set_value("MATCH (d:Document)-[r:HAS]->(s:Section) RETURN d, s LIMIT 20")
    at.text_input(key="cypher-params").set_value("{}")
    at.button[0].click().run()
    assert not at.error and len(at.dataframe[0].value) == 20
    assert open_tab(at, "cypher-tab", "Graph").get("iframe")
    at.text_area(key="cypher-text").set_value("CREATE (:Unit {id: 'unit:x'})")
    at.button[0].click().run()
    assert any("Refused" in e.value for e in at.error)

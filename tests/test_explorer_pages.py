"""Every explorer page under streamlit.testing's AppTest, on a real LadybugDB store of the project corpus:
no exception, the key widgets are there, and the pages answer what they are for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("streamlit", reason="the explorer needs the app extra: pip install -e '.[app]'")

from streamlit.testing.v1 import AppTest

from tests.explorer_apptest import APP, QUESTION, TIMEOUT_S, open_page, open_tab
from tests.explorer_store import ingest_corpus, ingest_long_plan


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_corpus(tmp_path_factory.mktemp("explorer") / "corpus.lbug")


@pytest.fixture
def app(corpus_store: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    monkeypatch.setenv("POLICYKG_STORE", str(corpus_store))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    at.run()
    assert not at.exception, at.exception
    yield at


def labels(elements: object) -> list[str]:
    return [e.label for e in elements]  # type: ignore[attr-defined]


def test_sidebar_shows_the_store_and_its_counts(app: AppTest, corpus_store: Path) -> None:
    assert any(str(corpus_store) in c.value for c in app.sidebar.code)
    counts = " ".join(m.value for m in app.sidebar.markdown)
    assert "Document: **4**" in counts
    assert "Measure: **77**" in counts
    assert "Reconnect" in labels(app.sidebar.button)


def test_a_missing_store_is_a_message_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKG_STORE", str(tmp_path / "nowhere.lbug"))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run()
    assert not at.exception
    assert any("Cannot open the graph store" in e.value and "no such store" in e.value for e in at.error)


def test_ask_answers_which_measures_the_county_justice_bureau_leads(app: AppTest) -> None:
    at = open_page(app, "ask")
    assert len([b for b in at.button if b.key and b.key.startswith("ask-example-")]) >= 4
    at.text_input(key="ask-question").set_value(QUESTION)
    at.button(key="FormSubmitter:ask-form-Ask").click().run()
    assert not at.exception
    # 松阳县 and 遂昌县 both write 县司法局: 10 and 15 measures (samples/README.md)
    assert any("10 项" in s.value and "15 项" in s.value for s in at.success), [s.value for s in at.success]
    answer = at.dataframe[0].value
    assert len(answer) == 25
    assert set(answer["unit"]) == {"松阳县司法局", "遂昌县司法局"} and set(answer["role"]) == {"lead"}
    assert "sentence" in answer.columns and answer["sentence"].str.contains("司法局").all()
    assert "理解为：县司法局→松阳县司法局、遂昌县司法局 · 牵头 · 全部文件" in [c.value for c in at.caption]
    assert [t.label for t in at.tabs] == ["Answer", "By jurisdiction", "Cypher", "Graph"]
    groups = open_tab(at, "ask-tab", "By jurisdiction").dataframe[0].value
    assert groups.to_dict("records") == [
        {"jurisdiction": "松阳县", "unit": "松阳县司法局", "rows": 10},
        {"jurisdiction": "遂昌县", "unit": "遂昌县司法局", "rows": 15},
    ]
    assert not [b for b in at.button if b.key == "ask-list-all"]  # the whole answer is listed
    open_tab(at, "ask-tab", "Cypher")
    assert any("MATCH" in c.value for c in at.code)  # the Cypher that ran, copyable
    open_tab(at, "ask-tab", "Graph")
    assert at.get("iframe"), "the answer's subgraph"


def test_ask_example_buttons_and_unknown_names(app: AppTest) -> None:
    at = open_page(app, "ask")
    at.button(key="ask-example-1").click().run()
    assert not at.exception and len(at.dataframe) == 1
    at.text_input(key="ask-question").set_value("火星局牵头哪些措施")
    at.button(key="FormSubmitter:ask-form-Ask").click().run()
    assert not at.exception and at.warning and not at.dataframe


def test_unit_page_profiles_a_unit(app: AppTest) -> None:
    at = open_page(app, "unit")
    picker = at.selectbox(key="unit-choice")
    assert picker.value == "遂昌县司法局"  # the busiest unit comes first: 15 led + 3 joined
    assert any("县政府办" in label for label in picker.options)  # the labels carry aliases, so search finds them
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Leads 牵头"] == "15"
    assert [t.label for t in at.tabs] == ["Measures", "Shares work with", "Workload by document", "Graph"]
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 18
    at.multiselect(key="unit-roles").set_value(["lead"]).run()
    assert len(at.dataframe[0].value) == 15
    partners = open_tab(at, "unit-tab", "Shares work with").dataframe[0].value
    assert "遂昌县人民政府办公室" in set(partners["unit"])
    assert len(open_tab(at, "unit-tab", "Workload by document").dataframe[0].value) == 1
    assert open_tab(at, "unit-tab", "Graph").get("iframe")


def test_unit_page_finds_a_unit_by_a_name_the_documents_wrote(app: AppTest) -> None:
    at = open_page(app, "unit")
    at.text_input(key="unit-find").set_value("县政府办").run()
    picker = at.selectbox(key="unit-choice")
    assert picker.value == "遂昌县人民政府办公室" and all("县政府办" in label for label in picker.options)
    assert len(at.dataframe[0].value) > 0
    at.text_input(key="unit-find").set_value("火星局").run()
    assert not at.exception and not at.selectbox and any("火星局" in i.value for i in at.info)


def test_overlaps_page_shows_heatmap_busiest_and_near_duplicates(app: AppTest) -> None:
    at = open_page(app, "overlaps")
    assert [t.label for t in at.tabs] == [
        "Co-assignment heatmap", "Busiest units", "Co-leading pairs", "Near-duplicate measures"
    ]  # fmt: skip
    assert at.get("vega_lite_chart"), "the heatmap"
    degrees = at.dataframe[0].value
    assert degrees.iloc[0]["unit"] == "遂昌县司法局"  # shares the most work
    assert "betweenness" not in degrees.columns  # the whole network waits for the button
    at.button(key="ovl-compute").click().run()
    assert not at.exception
    central = at.dataframe[1].value
    assert central.iloc[0]["unit"] in {"遂昌县司法局", "松阳县司法局", "湘潭市雨湖区司法局"}  # a county's hub
    assert {"betweenness", "community"} <= set(central.columns)
    lead, _participate, _responsible = (d.value for d in open_tab(at, "ovl-tab", "Busiest units").dataframe)
    assert lead.iloc[0]["unit"] == "遂昌县司法局"
    co_leading = open_tab(at, "ovl-tab", "Co-leading pairs").dataframe[0].value
    assert {"unit_a", "unit_b", "measures"} <= set(co_leading.columns)
    duplicates = open_tab(at, "ovl-tab", "Near-duplicate measures").dataframe[0].value
    assert len(duplicates) > 0 and any("pairs of measures" in c.value for c in at.caption)


def test_instruments_page_ranks_and_shows_citers(app: AppTest) -> None:
    at = open_page(app, "instruments")
    top = at.dataframe[0].value
    assert top.iloc[0]["instrument"] == "行政处罚法"  # cited by all four documents
    assert at.selectbox(key="inst-choice").value == "行政处罚法"
    assert [t.label for t in at.tabs] == ["Documents", "Measures"]
    assert len(at.dataframe[1].value) == 4  # citing documents
    assert len(open_tab(at, "inst-tab", "Measures").dataframe[1].value) == 4  # one citing measure in each
    open_tab(at, "inst-tab", "Documents")
    at.selectbox(key="inst-kind").set_value("法律").run()
    assert set(at.dataframe[0].value["kind"]) == {"法律"}


def test_cypher_console_runs_reads_and_refuses_writes(app: AppTest) -> None:
    at = open_page(app, "cypher_console")
    assert len(at.selectbox) == 1 and len(at.selectbox[0].options) > 10  # plain and named examples
    assert labels(at.text_area) == ["Cypher"]
    at.text_input(key="cypher-params").set_value("{}")

    at.text_area(key="cypher-text").set_value("MATCH (d:Document) RETURN d.title AS title, d ORDER BY title")
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 4
    assert [t.label for t in at.tabs] == ["Table", "Graph"]
    assert open_tab(at, "cypher-tab", "Graph").get("iframe"), "returned nodes are drawn"
    open_tab(at, "cypher-tab", "Table")

    at.text_area(key="cypher-text").set_value("MATCH (u:Unit) DETACH DELETE u")
    at.button[0].click().run()
    assert any("Refused" in e.value and "DETACH" in e.value for e in at.error)

    at.text_area(key="cypher-text").set_value("MATCH (u:Nope) RETURN u")
    at.button[0].click().run()
    assert any("The query failed" in e.value for e in at.error)
    assert not at.exception


def test_cypher_examples_fill_the_editor_with_their_parameters(app: AppTest) -> None:
    at = open_page(app, "cypher_console")
    choice = at.selectbox(key="cypher-example")
    choice.set_value("Units with a parameter").run()
    assert "$kind" in at.text_area(key="cypher-text").value
    assert at.text_input(key="cypher-params").value == '{"kind": "司法局"}'
    at.button[0].click().run()
    assert not at.error and len(at.dataframe[0].value) == 3  # 松阳县, 湘潭市雨湖区 and 遂昌县司法局
    choice.set_value("Named: Measures two units share").run()
    at.button[0].click().run()
    assert not at.error and len(at.dataframe[0].value) > 0

    at.text_input(key="cypher-params").set_value("{not json")
    at.button[0].click().run()
    assert any("not JSON" in e.value for e in at.error)


def test_graph_page_draws_filters_and_expands(app: AppTest) -> None:
    at = open_page(app, "graph_browser")
    assert labels(at.radio) == ["Start from"]
    assert {"Documents", "Roles", "Unit kinds"} <= set(labels(at.multiselect))
    assert "Expand a node" in labels(at.selectbox)
    drawn = next(c.value for c in at.caption if "nodes," in c.value)

    at.radio(key="graph-start-label").set_value("Unit").run()
    at.text_input(key="graph-find-Unit").set_value("司法局").run()
    units = at.selectbox(key="graph-start-Unit")
    assert units.options and all("司法局" in o for o in units.options)
    judicial = next(o for o in units.options if o == "遂昌县司法局")
    units.set_value(judicial).run()
    caption = next(c.value for c in at.caption if "nodes," in c.value)
    assert caption != drawn

    at.multiselect(key="graph-roles").set_value(["lead"]).run()
    lead_only = next(c.value for c in at.caption if "nodes," in c.value)
    assert int(lead_only.split()[0]) < int(caption.split()[0])

    before = int(lead_only.split()[0])
    at.button(key="graph-expand").click().run()
    assert not at.exception
    after = next(c.value for c in at.caption if "nodes," in c.value)
    assert "expanded:" in after and int(after.split()[0]) >= before


def test_documents_page_highlights_spans_in_the_stored_text(app: AppTest) -> None:
    at = open_page(app, "documents")
    assert labels(at.selectbox) == ["Document"]
    assert [t.label for t in at.tabs] == ["Text", "Outline", "Measures"]
    body = next(h.proto.body for h in at.get("html") if 'class="spans"' in h.proto.body)
    assert 'class="pkg-span"' in body
    assert ">responsible<" in body and ">instrument<" in body  # the first document (雨湖区) has 责任单位 clauses
    assert any("highlighted spans, where the store keeps them" in c.value for c in at.caption)
    assert any("**一" in m.value for m in open_tab(at, "doc-tab", "Outline").markdown)
    assert len(open_tab(at, "doc-tab", "Measures").dataframe[0].value) == 20
    at.text_input(key="doc-find").set_value("松阳县").run()
    found = at.selectbox(key="doc-choice").options
    assert found and all("松阳县" in o for o in found) and not at.exception


def test_document_text_is_drawn_from_the_spans_the_store_holds(corpus_store: Path) -> None:
    from policykg.explorer.doctext import document_text, outline, stored_measures
    from policykg.graph.open import open_store
    from policykg.queries.catalog import run_named

    store = open_store(str(corpus_store), read_only=True)
    try:
        source = "songyang_2026_shishifangan.txt"
        document = document_text(store, source)
        stored = run_named(store, "document_spans", source=source)
        drawn = {(s.start, s.end, s.label) for s in document.spans}
        assert {(r["span_start"], r["span_end"], r["label"]) for r in stored} <= drawn
        assert all(document.text[r["span_start"] : r["span_end"]] == r["mention"] for r in stored)
        assert [s for s in document.spans if s.label == "deadline"]  # the plan's four deadlines
        assert {"lead", "participate", "instrument"} <= {s.label for s in document.spans}
        measures = stored_measures(store, source)
        assert len(measures) == 21 and any(m.units for m in measures)  # samples/README.md: 21 measures
        entries = outline(store, source)
        assert sum(e.is_measure for e in entries) == 21 and entries[0].path == "二"  # in the order of the text
    finally:
        store.close()


def test_graph_page_caps_a_big_neighbourhood_with_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, title = ingest_long_plan(tmp_path)  # one generated plan, bigger than the samples together
    monkeypatch.setenv("POLICYKG_STORE", str(store))
    at = open_page(AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run(), "graph_browser")
    documents = at.selectbox(key="graph-start-Document")
    documents.set_value(next(o for o in documents.options if o.startswith(title))).run()
    at.slider(key="graph-hops").set_value(4).run()
    assert not at.exception
    count = int(next(c.value for c in at.caption if "nodes," in c.value).split()[0].replace(",", ""))
    assert count > 300
    assert any("drawing the first 300" in w.value for w in at.warning)


def test_reconnect_sees_documents_ingested_meanwhile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policykg.graph.ladybug_store import LadybugStore
    from policykg.graph.loader import load
    from policykg.ingest.pipeline import extract_file
    from tests.corpus import PROJECT_FILES

    files = PROJECT_FILES
    path = tmp_path / "growing.lbug"
    with LadybugStore(path) as store:
        load(store, [extract_file(files[0])])
    monkeypatch.setenv("POLICYKG_STORE", str(path))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run()
    assert any("Document: **1**" in m.value for m in at.sidebar.markdown)
    with LadybugStore(path) as store:  # an ingest while the app has the store open
        load(store, [extract_file(files[1])])
    next(b for b in at.sidebar.button if b.label == "Reconnect").click().run()
    assert not at.exception
    assert any("Document: **2**" in m.value for m in at.sidebar.markdown)

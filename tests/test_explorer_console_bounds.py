"""The explorer's console under the hostile statements: an error or a cut result on the page, and the page
goes on serving the next statement (AppTest over a real LadybugDB store of the samples)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("streamlit", reason="the explorer needs the app extra: pip install -e '.[app]'")

from streamlit.testing.v1 import AppTest

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.ingest.pipeline import extract_file
from tests.explorer_apptest import APP, TIMEOUT_S, open_page

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("console-page") / "samples.lbug"
    with LadybugStore(path) as store:
        load(store, [extract_file(p) for p in sorted(SAMPLES.glob("*.txt"))])
    return path


@pytest.fixture
def console(samples_store: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    monkeypatch.setenv("POLICYKG_STORE", str(samples_store))
    monkeypatch.setenv("POLICYKG_DOCS", str(SAMPLES))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run()
    yield open_page(at, "cypher_console")


def _run(at: AppTest, cypher: str, params: str = "{}") -> AppTest:
    at.text_area(key="cypher-text").set_value(cypher)
    at.text_input(key="cypher-params").set_value(params)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(
    "cypher,params,says",
    [
        ("CALL READ_CSV_SERIAL('/etc/passwd') RETURN *", "{}", "not allowed"),
        ("RETURN " + "(" * 5000 + "1" + ")" * 5000, "{}", "deeper than"),
        ("MATCH p = (a)-[*]-(b) RETURN count(p)", "{}", "upper bound"),
        ("RETURN $x", "[" * 5000 + "]" * 5000, "nest deeper"),
        ("RETURN $x", '{"x": 1e999}', "finite"),
    ],
    ids=["read-csv", "nested-brackets", "unbounded-path", "nested-params", "infinite-param"],
)
def test_a_hostile_statement_is_an_error_on_the_page(console: AppTest, cypher: str, params: str, says: str) -> None:
    at = _run(console, cypher, params)
    assert any(says in e.value for e in at.error), [e.value for e in at.error]
    at = _run(at, "MATCH (d:Document) RETURN d.title AS title ORDER BY title")
    assert not at.error and len(at.dataframe[0].value) == len(list(SAMPLES.glob("*.txt")))


def test_a_huge_result_is_cut_and_says_so(console: AppTest) -> None:
    at = _run(console, "UNWIND range(1, 10000000) AS x RETURN x")
    assert any("Cut" in w.value for w in at.warning), [w.value for w in at.warning]
    assert not at.error

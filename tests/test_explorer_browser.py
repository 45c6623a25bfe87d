"""End to end in headless Chromium: the real app (`streamlit run`) on a real store of the seed corpus,
driven by Playwright with Debian's chromium. Screenshots go to test-artifacts/ (gitignored)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from explorer_browser import ROOT, ensure_chromium, launch, running_app, wait_rendered
from explorer_store import CORPUS_DIR, ingest_corpus

pytest.importorskip("streamlit", reason="the explorer needs the app extra: pip install -e '.[app]'")
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs playwright (test extra)")

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = ROOT / "test-artifacts"
VIEWPORT = {"width": 1280, "height": 800}
# URL path of each page; the default page (Ask) is served at "/" only.
PAGES = {"ask": "", "unit": "unit", "graph": "graph", "cypher": "cypher", "overlaps": "overlaps"}
PAGES |= {"instruments": "instruments", "documents": "documents"}
QUESTION = "县司法局牵头哪些措施"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    ensure_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    store = ingest_corpus(tmp_path_factory.mktemp("explorer-browser") / "corpus.lbug")
    with running_app(store, CORPUS_DIR, ARTIFACTS / "explorer-app.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser(app_url: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()


def test_ask_in_the_browser(page: Any, app_url: str) -> None:
    page.goto(app_url)
    wait_rendered(page)
    page.get_by_label("Question").fill(QUESTION)
    page.get_by_role("button", name="Ask", exact=True).click()
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=60_000)
    wait_rendered(page)
    html = page.content()
    assert 'data-testid="stException"' not in html
    assert "52" in page.get_by_test_id("stAlertContentSuccess").inner_text()
    assert page.get_by_test_id("stDataFrame").count() == 1
    page.screenshot(path=str(ARTIFACTS / "explorer-ask-answer.png"))


def test_every_page_renders_without_an_error(page: Any, app_url: str) -> None:
    """Also the page timings (time to a finished render in the browser) and a screenshot of each page."""
    page.goto(app_url)
    wait_rendered(page)
    timings = {}
    for name, path in PAGES.items():
        started = time.perf_counter()
        page.goto(f"{app_url}/{path}")
        wait_rendered(page)
        timings[name] = round(time.perf_counter() - started, 2)
        html = page.content()
        assert 'data-testid="stException"' not in html, name
        assert 'data-testid="stSidebar"' in html, name
        assert "Page not found" not in html, name
        page.screenshot(path=str(ARTIFACTS / f"explorer-{name}.png"))
    (ARTIFACTS / "explorer-page-times.json").write_text(json.dumps(timings, indent=1) + "\n", encoding="utf-8")
    assert max(timings.values()) < 60

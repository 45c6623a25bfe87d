"""End to end in headless Chromium: the real app (`streamlit run`) on a real store of the project corpus,
driven by Playwright with Debian's chromium. Screenshots go to test-artifacts/ (gitignored)."""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.explorer_browser import ROOT, chromium_browser, ensure_chromium, rerun_by, running_app, wait_rendered
from tests.explorer_store import ingest_corpus

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
    with running_app(store, ARTIFACTS / "explorer-app.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser(app_url: str) -> Iterator[Any]:
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(90_000)  # the first script run after the server starts is slow on a loaded machine
    yield tab
    context.close()


def test_ask_in_the_browser(page: Any, app_url: str) -> None:
    page.goto(app_url)
    wait_rendered(page)
    page.get_by_label("Question").fill(QUESTION)
    rerun_by(page, page.get_by_role("button", name="Ask", exact=True).click)
    html = page.content()
    assert 'data-testid="stException"' not in html
    assert "15 项" in page.get_by_test_id("stAlertContentSuccess").inner_text()  # 遂昌县司法局 leads 15
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


def test_readme_screenshots(page: Any, app_url: str) -> None:
    """One screenshot per page, each showing what the page is for (an answer, a neighbourhood, a result).
    Written to test-artifacts/readme/, or to $POLICYKG_SCREENSHOTS (docs/ for the README)."""
    out = Path(os.environ.get("POLICYKG_SCREENSHOTS") or ARTIFACTS / "readme")
    out.mkdir(parents=True, exist_ok=True)
    shots = {}
    for name, path in PAGES.items():
        page.goto(f"{app_url}/{path}")
        wait_rendered(page)
        SCENES.get(name, _nothing)(page)
        wait_rendered(page)
        assert 'data-testid="stException"' not in page.content(), name
        page.wait_for_timeout(SETTLE_MS)  # vis-network lays the graph out after the page has rendered
        shots[name] = _small_png(page.screenshot(), out / f"explorer-{name}.png")
    assert all(size < 400_000 for size in shots.values()), shots


def _nothing(page: Any) -> None:
    pass


def _ask(page: Any) -> None:
    page.get_by_label("Question").fill(QUESTION)
    rerun_by(page, page.get_by_role("button", name="Ask", exact=True).click)
    page.get_by_test_id("stAlertContentSuccess").scroll_into_view_if_needed()
    page.mouse.wheel(0, 200)


def _graph(page: Any) -> None:
    rerun_by(page, page.get_by_test_id("stRadioGroup").get_by_text("Unit", exact=True).click)
    _choose(page, "Unit", "遂昌县司法局")
    page.get_by_test_id("stIFrame").scroll_into_view_if_needed()


def _cypher(page: Any) -> None:
    _choose(page, "Example queries", "Named: Measures two units share")
    rerun_by(page, page.get_by_role("button", name="Run", exact=True).click)


def _documents(page: Any) -> None:
    _choose(page, "Document", "松阳县法治政府建设实施方案")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.pkg-span')].some(s => s.textContent.includes('lead'))",
        timeout=60_000,
    )
    # Scroll the text box to the first responsibility clause: the densest highlighting.
    page.evaluate(
        """() => {
            const span = [...document.querySelectorAll('.pkg-span')].find(s => s.textContent.includes('lead'));
            let box = span.parentElement;
            while (box && box.scrollHeight <= box.clientHeight + 1) box = box.parentElement;
            if (box) box.scrollTop += span.getBoundingClientRect().top - box.getBoundingClientRect().top - 90;
        }"""
    )


def _choose(page: Any, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox by typing part of its text."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.keyboard.type(option)
    rerun_by(page, page.get_by_role("option").filter(has_text=option).first.click)


SCENES = {"ask": _ask, "graph": _graph, "cypher": _cypher, "documents": _documents}
SETTLE_MS = 2500


def _small_png(png: bytes, path: Path) -> int:
    """The screenshot as a 256-colour PNG: a third of the size, no visible loss on a UI."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    image.save(path, optimize=True)
    return path.stat().st_size

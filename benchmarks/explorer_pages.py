"""Time the explorer's pages in headless Chromium on a given store (a child process of benchmarks/run.py).

    python benchmarks/explorer_pages.py --store bench-data/store-1000-s1.lbug --docs bench-data/corpus-1000-s1

Serves explorer_app.py with `streamlit run` (tests/explorer_browser.py) and opens it in one tab: the time
until the first page has rendered is `open_s` (new tab, nothing cached). Then it goes through every page
by its sidebar link, as a user does, twice: `first_visit_s` (the page's cached queries still cold) and
`second_visit_s` (warm). A page counts as rendered when its script run has finished (stApp's script state
back to notRunning, seen by a MutationObserver so a fast run is not missed) and no skeleton is left. Then
the Ask page's first example (「县司法局牵头哪些措施」) is clicked and timed. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

OBSERVE_RUNS = """() => {
  window.__pkgChanges = 0;
  const app = document.querySelector('[data-testid="stApp"]');
  // Count every change of the script state: a run can start and end before the callback reads it.
  new MutationObserver(records => { window.__pkgChanges += records.length; })
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
RENDERED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
NO_SKELETON = "() => document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0"


def _after_run(page: Any, action: Any, timeout_s: float) -> float:
    """Seconds from `action()` until the script run it starts has finished and no skeleton is left."""
    before = page.evaluate("() => window.__pkgChanges")
    started = time.perf_counter()
    action()
    page.wait_for_function(f"() => window.__pkgChanges > {before}", timeout=timeout_s * 1000)
    page.wait_for_selector(RENDERED, timeout=timeout_s * 1000)
    page.wait_for_function(NO_SKELETON, timeout=timeout_s * 1000)
    page.wait_for_selector(RENDERED, timeout=timeout_s * 1000)  # a skeleton's replacement may rerun the script
    return time.perf_counter() - started


def _failed(page: Any) -> bool:
    return page.locator('[data-testid="stException"]').count() > 0


def measure(store: str, docs: str, timeout_s: float = 120.0) -> dict[str, Any]:
    from explorer_browser import ensure_chromium, launch, running_app, wait_rendered
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    ensure_chromium()
    result: dict[str, Any] = {"first_visit_s": {}, "second_visit_s": {}, "errors": [], "timeout_s": timeout_s}
    with tempfile.TemporaryDirectory(prefix="policykg-explorer-") as tmp:
        started = time.perf_counter()
        with running_app(store, docs, Path(tmp) / "streamlit.log") as url, sync_playwright() as playwright:
            result["server_start_s"] = round(time.perf_counter() - started, 2)
            browser = launch(playwright)

            def new_tab(path: str = "") -> tuple[Any, float]:
                page = browser.new_page()
                page.set_default_timeout(timeout_s * 1000)
                started = time.perf_counter()
                page.goto(f"{url}/{path}")
                wait_rendered(page, timeout_ms=timeout_s * 1000)
                seconds = time.perf_counter() - started
                page.evaluate(OBSERVE_RUNS)
                return page, seconds

            try:
                page, seconds = new_tab()
                result["open_s"] = round(seconds, 3)
                links = page.locator('[data-testid="stSidebarNavLink"]')
                hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
                order = hrefs[1:] + hrefs[:1]  # the first page is open already: visit it last
                for visit in ("first_visit_s", "second_visit_s"):
                    for href in order:
                        name = href.rstrip("/").rsplit("/", 1)[-1] if href.rstrip("/") != url else "ask"
                        link = page.locator(f'[data-testid="stSidebarNavLink"][href="{href}"]')
                        try:
                            result[visit][name] = round(_after_run(page, link.click, timeout_s), 3)
                        except PlaywrightTimeout:
                            result[visit][name] = None
                            result["errors"].append(f"{name}: not rendered within {timeout_s:.0f} s ({visit})")
                            page.close()  # a fresh session, so the next page is not queued behind this one
                            page, _ = new_tab(href.rstrip("/").rsplit("/", 1)[-1] if name != "ask" else "")
                            continue
                        if _failed(page):
                            result["errors"].append(f"{name}: the page shows an exception")
                        print(f"{visit} {name} {result[visit][name]}", file=sys.stderr, flush=True)
                try:
                    button = page.get_by_role("button").filter(has_text=re.compile("县司法局牵头哪些措施"))
                    result["ask_example_s"] = round(_after_run(page, button.first.click, timeout_s), 3)
                except Exception as exc:  # the page layout is the explorer's: report it, do not fail the run
                    result["errors"].append(f"ask example: {type(exc).__name__}: {str(exc)[:200]}")
            finally:
                browser.close()
    for visit in ("first_visit_s", "second_visit_s"):
        values = list(result[visit].values())
        result[f"max_{visit}"] = timeout_s if None in values else max(values, default=None)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--docs", required=True, help="folder of the source documents (the Documents page)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a page may take (120)")
    args = parser.parse_args()
    print(json.dumps(measure(args.store, args.docs, args.timeout), ensure_ascii=False))


if __name__ == "__main__":
    main()

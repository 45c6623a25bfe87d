"""Time the explorer's pages in headless Chromium on a given store (a child process of benchmarks/run.py).

    python -m benchmarks.explorer_pages --store bench-data/store-1000-s1.lbug

Serves explorer_app.py with `streamlit run` (tests/explorer_browser.py) and opens it in one tab: the time
until the first page has rendered is `open_s` (new tab, nothing cached). Then it goes through every page
by its sidebar link, as a user does, twice: `first_visit_s` (the page's cached queries still cold) and
`second_visit_s` (warm). A page counts as rendered when its script run has finished (the server's scriptFinished
message has reached the page, and stApp's script state is back to notRunning) and no skeleton is left. Then
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

RENDERED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
NO_SKELETON = "() => document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0"


class FinishedRuns:
    """Counts the script runs the server reports finished (its scriptFinished messages on the page's
    websocket). Watching stApp's script state alone misses a run so fast that the browser never draws it as
    running (both states arrive in one render): the page would then wait for a change that never comes."""

    def __init__(self, page: Any) -> None:
        self.count = 0
        page.on("websocket", lambda socket: socket.on("framereceived", self._frame))

    def _frame(self, payload: str | bytes) -> None:
        from google.protobuf.message import DecodeError
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if not isinstance(payload, bytes):
            return
        message = ForwardMsg()
        try:
            message.ParseFromString(payload)
        except DecodeError:
            return
        # A run cut short for a rerun is not the end: the rerun is.
        if (
            message.WhichOneof("type") == "script_finished"
            and message.script_finished != message.FINISHED_EARLY_FOR_RERUN
        ):
            self.count += 1


def _after_run(page: Any, runs: FinishedRuns, action: Any, timeout_s: float) -> float:
    """Seconds from `action()` until the script run it starts has finished and no skeleton is left."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    before = runs.count
    started = time.perf_counter()
    action()
    while runs.count <= before:  # Playwright delivers the websocket events while it waits
        if time.perf_counter() - started > timeout_s:
            raise PlaywrightTimeout(f"no script run finished within {timeout_s:.0f} s")
        page.wait_for_timeout(5)
    page.wait_for_selector(RENDERED, timeout=timeout_s * 1000)
    page.wait_for_function(NO_SKELETON, timeout=timeout_s * 1000)
    page.wait_for_selector(RENDERED, timeout=timeout_s * 1000)  # a skeleton's replacement may rerun the script
    return time.perf_counter() - started


def _failed(page: Any) -> bool:
    return page.locator('[data-testid="stException"]').count() > 0


def measure(store: str, timeout_s: float = 120.0) -> dict[str, Any]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    from tests.explorer_browser import ensure_chromium, launch, running_app, wait_rendered

    ensure_chromium()
    result: dict[str, Any] = {"first_visit_s": {}, "second_visit_s": {}, "errors": [], "timeout_s": timeout_s}
    with tempfile.TemporaryDirectory(prefix="policykg-explorer-") as tmp:
        started = time.perf_counter()
        with running_app(store, Path(tmp) / "streamlit.log") as url, sync_playwright() as playwright:
            result["server_start_s"] = round(time.perf_counter() - started, 2)
            browser = launch(playwright)

            def new_tab(path: str = "") -> tuple[Any, FinishedRuns, float]:
                page = browser.new_page()
                page.set_default_timeout(timeout_s * 1000)
                runs = FinishedRuns(page)
                started = time.perf_counter()
                page.goto(f"{url}/{path}")
                wait_rendered(page, timeout_ms=timeout_s * 1000)
                return page, runs, time.perf_counter() - started

            try:
                page, runs, seconds = new_tab()
                result["open_s"] = round(seconds, 3)
                links = page.locator('[data-testid="stSidebarNavLink"]')
                hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
                order = hrefs[1:] + hrefs[:1]  # the first page is open already: visit it last
                for visit in ("first_visit_s", "second_visit_s"):
                    for href in order:
                        name = href.rstrip("/").rsplit("/", 1)[-1] if href.rstrip("/") != url else "ask"
                        link = page.locator(f'[data-testid="stSidebarNavLink"][href="{href}"]')
                        try:
                            result[visit][name] = round(_after_run(page, runs, link.click, timeout_s), 3)
                        except PlaywrightTimeout:
                            result[visit][name] = None
                            result["errors"].append(f"{name}: not rendered within {timeout_s:.0f} s ({visit})")
                            page.close()  # a fresh session, so the next page is not queued behind this one
                            page, runs, _ = new_tab(href.rstrip("/").rsplit("/", 1)[-1] if name != "ask" else "")
                            continue
                        if _failed(page):
                            result["errors"].append(f"{name}: the page shows an exception")
                        print(f"{visit} {name} {result[visit][name]}", file=sys.stderr, flush=True)
                try:
                    button = page.get_by_role("button").filter(has_text=re.compile("县司法局牵头哪些措施"))
                    result["ask_example_s"] = round(_after_run(page, runs, button.first.click, timeout_s), 3)
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
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a page may take (120)")
    args = parser.parse_args()
    print(json.dumps(measure(args.store, args.timeout), ensure_ascii=False))


if __name__ == "__main__":
    main()

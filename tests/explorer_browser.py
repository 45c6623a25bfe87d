"""Driving the real explorer in headless Chromium: install Debian's chromium when missing, start
`streamlit run explorer_app.py` on a free loopback port, wait until a page has finished rendering.

Facts this relies on (design brief): `chromium --dump-dom` only sees Streamlit's loading shell, so
Playwright (from PyPI, with Debian's binary; never `playwright install`) drives the page; a page is done
when stApp's script state is notRunning and no stSkeleton is left.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "explorer_app.py"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_PACKAGES = ("chromium", "fonts-noto-cjk")  # the fonts: Chinese text in screenshots
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",  # this machine's network is closed: no background calls out
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RENDERED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# No skeleton placeholder, and no element left over from the previous run (Streamlit marks those stale).
NO_SKELETON = '() => !document.querySelector(\'[data-testid="stSkeleton"], [data-stale="true"]\')'
APP_START_TIMEOUT_S = 90.0


def ensure_chromium() -> None:
    """Debian's chromium (and CJK fonts) via apt-get when /usr/bin/chromium is absent (CI runs as root)."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") is None:
        raise RuntimeError("/usr/bin/chromium is missing and apt-get is not available to install it")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", *CHROMIUM_PACKAGES], check=True, env=env, stdout=subprocess.DEVNULL
    )
    if not CHROMIUM.exists():
        raise RuntimeError("apt-get installed chromium, but /usr/bin/chromium is still missing")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_app(store: Path | str, log: Path, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """The explorer served by `streamlit run` on 127.0.0.1 (with `env` added to this process's environment);
    yields its URL, stops it afterwards."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "minimal",
        "--server.fileWatcherType", "none",
        "--", "--store", str(store),
    ]  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
    try:
        wait_healthy(process, url, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def wait_healthy(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + APP_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with {process.returncode}:\n{log.read_text(errors='replace')[-2000:]}"
            )
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer on {url} in {APP_START_TIMEOUT_S:.0f}s; see {log}")


def launch(playwright: Any) -> Any:
    """Debian's chromium, headless, through Playwright."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


@contextmanager
def chromium_browser() -> Iterator[Any]:
    """A headless chromium for one test module, closed at the end (the module's `browser` fixture)."""
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def wait_rendered(page: Any, timeout_ms: float = 60_000) -> float:
    """Wait until the script has run and no skeleton placeholder is left; returns the seconds waited."""
    started = time.perf_counter()
    page.wait_for_selector(RENDERED, timeout=timeout_ms)
    page.wait_for_function(NO_SKELETON, timeout=timeout_ms)
    page.wait_for_selector(RENDERED, timeout=timeout_ms)  # a skeleton's replacement may rerun the script
    return time.perf_counter() - started


_COUNT_RUNS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    window.__policykgRuns = 0;
    // Count every change of the script state: a run can start and end before the callback reads it.
    new MutationObserver((records) => { window.__policykgRuns += records.length; })
        .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def rerun_by(page: Any, action: Callable[[], object], timeout_ms: float = 60_000) -> float:
    """Do `action` (a click that reruns the script) and wait until that rerun has rendered: waiting for
    notRunning alone can pass before the rerun has even started."""
    page.evaluate(_COUNT_RUNS)
    action()
    page.wait_for_function("() => window.__policykgRuns > 0", timeout=timeout_ms)
    return wait_rendered(page, timeout_ms)

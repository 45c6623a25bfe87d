"""Driving the explorer with streamlit.testing's AppTest: open a page, open a tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

APP = Path(__file__).resolve().parents[1] / "explorer_app.py"
QUESTION = "县司法局牵头哪些措施"
TIMEOUT_S = 120


def open_page(at: Any, page: str) -> Any:
    """Switch to explorer/pages/<page>.py and run it; fails on any exception the page raised."""
    at.switch_page(f"explorer/pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_tab(at: Any, key: str, label: str) -> Any:
    """Select a tab: the pages' tabs are keyed and render only when open."""
    at.session_state[key] = label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at

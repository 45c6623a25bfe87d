"""The explorer on a store whose writer was killed mid-checkpoint: the one-line repair message and its hint,
no traceback; after `policykg repair`, Reconnect opens the store (AppTest over a real LadybugDB file)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit", reason="the explorer needs the app extra: pip install -e '.[app]'")

from streamlit.testing.v1 import AppTest

from policykg.graph.ladybug_store import recovery_message
from tests.cli_run import run
from tests.explorer_apptest import APP, TIMEOUT_S
from tests.pending_recovery import make_pending_store


def test_pending_recovery_shows_the_repair_command_then_reconnect_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "killed.lbug"
    make_pending_store(path)
    monkeypatch.setenv("POLICYKG_STORE", str(path))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S).run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.error) == 1
    _, reason, hint = str(at.error[0].value).split("\n\n")
    assert reason == recovery_message(str(path))
    assert hint == "Run the command the message names, then press Reconnect."

    code, out, err = run(capsys, monkeypatch, "repair", str(path))
    assert code == 0 and "repaired (replayed an interrupted write)" in out, err
    at.button[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("Document: **0**" in m.value for m in at.sidebar.markdown)

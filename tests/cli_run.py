"""Running `policykg ARGS…` in the test process, through the real entry point (policykg.cli.main)."""

from __future__ import annotations

import pytest

from policykg.cli.main import main


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of one command."""
    monkeypatch.setattr("sys.argv", ["policykg", *args])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err

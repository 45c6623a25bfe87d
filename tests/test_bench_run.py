"""benchmarks/run.py end to end on a tiny corpus: it runs, prints its table and writes the JSON figures.
Speed itself is measured by the benchmark, never asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = ("extract_chars_per_s", "ingest_s", "headline_p95_ms", "overlap_s")


def test_run_writes_the_figures(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    command = [sys.executable, "-m", "benchmarks.run", "--docs", "20", "--measures-per-doc", "20", "--json", str(out)]
    command += ["--corpus-dir", str(tmp_path / "corpus"), "--store", str(tmp_path / "store.lbug")]
    command += ["--skip-bolt", "--skip-explorer", "--reps", "3", "--budget", "0.2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "targets:" in done.stdout

    result = json.loads(out.read_text(encoding="utf-8"))
    for key in REQUIRED:
        assert isinstance(result[key], (int, float)), key
    assert result["docs"] == 20
    assert result["ingest"]["load"]["added"] == 20
    assert result["ingest"]["extract"]["measures"] > 0
    assert result["store_mb"] > 0
    assert result["peak_rss_mb"] >= result["peak_rss_ingest_mb"] > 0
    named = result["queries"]["named"]
    assert "unit_measures" in named and named["unit_measures"]["rows"] > 0
    assert not [name for name, timing in named.items() if "error" in timing]
    assert result["queries"]["ask"]["county"]["rows"] > 0
    assert set(result["summary"]["targets"]) >= {"ingest_s", "headline_p95_ms", "overlap_s"}

"""The explorer's read-only connection stays usable while another process ingests into the same file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.graph.stats import stats
from policykg.ingest.pipeline import extract_file
from tests.corpus import SAMPLE_FACTS, SAMPLES, SONGYANG, YUHU


def test_reader_keeps_working_while_a_writer_ingests(tmp_path: Path) -> None:
    path = str(tmp_path / "store.lbug")
    with LadybugStore(path) as writer:
        load(writer, [extract_file(SAMPLES / YUHU)])
        first = stats(writer)

    reader = LadybugStore(path, read_only=True)
    try:
        assert stats(reader) == first
        ingest = subprocess.run(
            [
                sys.executable,
                "-c",
                "from policykg.cli.main import main; main()",
                "ingest",
                str(SAMPLES / SONGYANG),
                "--store",
                path,
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert ingest.returncode == 0, ingest.stderr
        counts = stats(reader)["nodes"]["Document"]  # the old connection still answers, old or new state
        assert counts in (1, 2)
    finally:
        reader.close()
    with LadybugStore(path, read_only=True) as reconnected:
        assert stats(reconnected)["nodes"]["Document"] == 2
        measures = SAMPLE_FACTS[YUHU]["measures"] + SAMPLE_FACTS[SONGYANG]["measures"]
        assert stats(reconnected)["nodes"]["Measure"] == measures == 41

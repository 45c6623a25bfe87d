"""The one-line message of a stopped ingest names the next step that will work: for a full buffer pool,
raising the setting first (the same pool would stop the next run at the same batch)."""

from __future__ import annotations

from pathlib import Path

from policykg.graph.ingest_stop import stop_message
from policykg.graph.open import open_store
from policykg.graph.rows import document_rows
from policykg.ingest.pipeline import extract_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_the_stop_message_says_what_the_reopened_store_holds_and_the_next_step(tmp_path: Path) -> None:
    store_path = str(tmp_path / "g.lbug")
    open_store(store_path).close()  # an empty store: the batch below never landed
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    batch = {sample.name: document_rows(extract_file(sample, source=sample.name))}
    step = "raise POLICYKG_BUFFER_POOL_MB (now 512 MB) and run the same ingest again"
    message = stop_message(store_path, lambda: open_store(store_path), 0, 1, batch, "the pool is full", step)
    assert message == (
        f"{store_path}: the ingest stopped at the batch of 1 documents from {sample.name}: nothing of that "
        f"batch was written; the store holds 0 documents, 0 of 1 of this run; {step}. Cause: the pool is full"
    )
    default = stop_message(store_path, lambda: open_store(store_path), 0, 1, batch, "x")
    assert "; run the same ingest again to load the rest. Cause: x" in default

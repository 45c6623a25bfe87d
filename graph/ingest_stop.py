"""What to say when an ingest batch fails to write: what the store holds, found by opening it again.

The engine's own word is not enough: a commit whose checkpoint hit a full disk is reported "committed
successfully … durable" although the reopened file may not hold it, and a lost server may have committed
a transaction whose answer never came back. So the store is opened afresh (a read-write open replays what
was durable) and asked which documents of the failed batch it holds, and how many documents in all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from policykg.graph import ids
from policykg.graph.rows import GraphRows
from policykg.graph.store import GraphStore


def stop_message(
    location: str,
    reopen: Callable[[], GraphStore] | None,
    written_before: int,
    total: int,
    batch: Mapping[str, GraphRows],
    cause: str,
    next_step: str = "run the same ingest again to load the rest",
) -> str:
    """One line: where the run stopped, what the reopened store holds, `next_step`, and the cause."""
    first = next(iter(batch), "?")
    head = f"{location}: the ingest stopped at the batch of {len(batch)} documents from {first}"
    try:
        held, landed = _inspect(reopen, batch) if reopen else (None, None)
    except Exception as exc:  # the store cannot even be reopened (still full, gone, server down)
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return (
            f"{head}; the store could not be reopened to check what it holds ({reason}); once that is fixed, "
            f"`policykg repair {location}` says what it holds and the same ingest loads the rest. Cause: {cause}"
        )
    if held is None or landed is None:
        kept = f"{written_before} of {total} documents of this run were written before it"
    elif landed == len(batch):
        kept = (
            f"that batch was written after all; the store holds {held} documents, "
            f"{written_before + landed} of {total} of this run"
        )
    elif landed == 0:
        kept = (
            f"nothing of that batch was written; the store holds {held} documents, "
            f"{written_before} of {total} of this run"
        )
    else:  # the ones unchanged since an earlier ingest were there before
        kept = (
            f"the store holds this run's version of {landed} of that batch's documents (unchanged ones), "
            f"{held} documents in all"
        )
    return f"{head}: {kept}; {next_step}. Cause: {cause}"


def _inspect(reopen: Callable[[], GraphStore], batch: Mapping[str, GraphRows]) -> tuple[int, int]:
    """(documents in the store, documents of `batch` stored with this run's fingerprint)."""
    wanted = {ids.document_id(source): rows.nodes["Document"][0]["fingerprint"] for source, rows in batch.items()}
    store = reopen()
    try:
        total = store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
        found = store.read(
            "UNWIND $ids AS id MATCH (d:Document) WHERE d.id = id RETURN d.id AS id, d.fingerprint AS fingerprint",
            {"ids": list(wanted)},
        )
    finally:
        store.close()
    landed = sum(1 for row in found if wanted.get(row["id"]) == row["fingerprint"])
    return int(total), landed

"""The bulk path for any backend: one `UNWIND $rows AS row ...` statement per batch of rows.

Hand the statements to `store.write(...)` to load them all in one transaction, or write them batch by
batch to keep each transaction small. Rows are values only; the Cypher stays a fixed string.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from policykg.graph.store import Statement

BATCH_ROWS = 5_000  # large enough to amortise a round trip, small enough for one Bolt message


def unwind_statements(
    cypher: str, rows: Iterable[Mapping[str, Any]], batch_size: int = BATCH_ROWS
) -> Iterator[Statement]:
    """Yield `(cypher, {"rows": [...]})` per batch; `cypher` must start with `UNWIND $rows AS row`."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    remaining = iter(rows)
    while batch := [dict(row) for row in islice(remaining, batch_size)]:
        yield cypher, {"rows": batch}

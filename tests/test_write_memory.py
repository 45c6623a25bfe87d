"""A LadybugDB write keeps nothing once committed (issue 13: ingest memory that does not grow with the
corpus). The engine holds every Arrow table a connection has copied from until that connection closes, so
the store writes each transaction on a connection of its own; here the Arrow memory a batch allocated is
free again after each write, however many batches went before."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pyarrow as pa

from policykg.graph import writes
from policykg.graph.open import open_store

ROWS = 20_000  # about 4 MB of Arrow per batch


def test_copied_batches_leave_no_arrow_memory_behind(tmp_path: Path) -> None:
    baseline = pa.total_allocated_bytes()
    with closing(open_store(str(tmp_path / "g.lbug"))) as store:
        for batch in range(5):
            rows = [{"id": f"jur:{batch}:{i}", "name": "某某县" * 30, "level": "county"} for i in range(ROWS)]
            statements = writes.create_nodes(store.dialect, "Jurisdiction", rows)
            del rows
            store.write(statements)
            del statements
            assert pa.total_allocated_bytes() - baseline < 1 << 20, f"after batch {batch}"
        assert store.read("MATCH (j:Jurisdiction) RETURN count(j) AS n") == [{"n": 5 * ROWS}]

"""Bolt UNWIND statements stay under a Bolt server's message limit: rows are cut by count and by size."""

from __future__ import annotations

from policykg.graph import writes


def _text_bytes(rows: list[dict[str, str]]) -> int:
    return sum(len(v.encode("utf-8")) for row in rows for v in row.values())


def test_long_texts_go_in_several_statements_under_the_byte_cap() -> None:
    # 1,000 documents of about 30,000 characters: ~90 MB of UTF-8 in Document rows.
    rows = [{"id": f"doc:{i}", "text": "依法行政" * 7500} for i in range(1000)]
    statements = writes.create_nodes("neo4j", "Document", rows)
    sent = [statement[1]["rows"] for statement in statements]
    assert len(sent) > 1
    assert all(_text_bytes(chunk) <= writes.UNWIND_BYTES for chunk in sent)
    assert [row["id"] for chunk in sent for row in chunk] == [row["id"] for row in rows]


def test_short_rows_are_cut_by_count() -> None:
    rows = [{"id": f"u:{i}", "name": "县司法局"} for i in range(writes.UNWIND_BATCH * 2 + 1)]
    sizes = [len(statement[1]["rows"]) for statement in writes.create_nodes("neo4j", "Unit", rows)]
    assert sizes == [writes.UNWIND_BATCH, writes.UNWIND_BATCH, 1]


def test_a_row_larger_than_the_cap_goes_alone() -> None:
    rows = [{"id": "doc:big", "text": "字" * (writes.UNWIND_BYTES // 2)}, {"id": "doc:small", "text": "字"}]
    sizes = [len(statement[1]["rows"]) for statement in writes.create_nodes("neo4j", "Document", rows)]
    assert sizes == [1, 1]

"""The one small interface every backend implements; callers pass a store in, never build one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from policykg.graph.texts import DocumentTexts

Dialect = Literal["ladybug", "neo4j"]
Row = dict[str, Any]
Statement = tuple[str, Mapping[str, Any]]


class GraphStore(Protocol):
    dialect: Dialect
    location: str  # file path or URI, without credentials
    # Where Document texts are kept when not on the Document nodes (graph/texts.py: LadybugDB); None
    # when Document.text holds them (Neo4j).
    texts: DocumentTexts | None

    def read(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one read-only statement and return its rows as dicts keyed by column name."""
        ...

    def read_limited(
        self, cypher: str, params: Mapping[str, Any], max_rows: int, seconds: float
    ) -> tuple[list[str], list[Row], bool]:
        """(columns, at most max_rows rows, whether there were more), stopped by the engine after
        `seconds`: the bounded read the console uses."""
        ...

    def write(self, statements: Iterable[Statement]) -> None:
        """Run the statements in one transaction: all of them take effect or none does."""
        ...

    def release_memory(self) -> None:
        """Between the batches of a long write: hand back memory the backend holds only while it stays
        open (LadybugDB reopens its database); nothing to do where a server holds it."""
        ...

    def close(self) -> None: ...

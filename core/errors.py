"""The project's error hierarchy. The CLI turns any of these into a one-line message and exit code 2."""


class PolicyKGError(Exception):
    """Base of every error the project raises on purpose."""


class InputError(PolicyKGError):
    """A document cannot be read or holds nothing to extract (empty, binary, undecodable, no measures)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class OutputError(PolicyKGError):
    """An export cannot be written where it was asked to go (a folder, a full disk, no permission)."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(f"{target}: {reason}")
        self.target = target
        self.reason = reason


class StoreError(PolicyKGError):
    """The graph store cannot be opened, written or queried."""


class QueryError(PolicyKGError):
    """A named query, a Cypher statement or its parameters are not acceptable."""


class WriteRefused(QueryError):
    """A read-only console or command was given a statement that writes."""


class StaleStore(StoreError):
    """The store was written by another version of policykg, with a graph layout this one does not read."""


class EmptyStore(StoreError):
    """The store holds no graph yet: a LadybugDB file nothing was written to (an empty file), read-only."""

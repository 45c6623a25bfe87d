"""Neo4j 5 / Aura (or any Bolt server) as a GraphStore, through the official `neo4j` driver.

Credentials come only from the environment (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), never from
the URI or argv, and the password never appears in a message, repr or exception raised here.
"""

from __future__ import annotations

import logging
import os
import socket
import ssl
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from policykg.core.errors import PolicyKGError, QueryError, StoreError, WriteRefused
from policykg.graph.bolt_values import plain_row
from policykg.graph.store import Dialect, Row, Statement

if TYPE_CHECKING:
    from policykg.graph.texts import DocumentTexts

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_USER = "neo4j"
# A host that does not answer should fail in seconds, not after the driver's default 30 s.
CONNECT_TIMEOUT_S = 10.0
HANDSHAKE_TIMEOUT_S = 5.0
DEFAULT_PORT = 7687
# The Bolt preamble and four protocol versions offered (5.x, 4.4, 4.3, 3): a Bolt server answers with the
# four bytes of the version it picked; anything else at the address does not.
BOLT_HANDSHAKE = bytes.fromhex("6060b01700000005000004040000030400000003")
# How long the driver retries a read whose server went away: a lost server fails in seconds, not after
# the driver's 30 s of "will be retried" attempts.
RETRY_TIME_S = 3.0
# The driver logs every retry as a warning ("Transaction failed and will be retried…") and a lost connection
# as an error ("[#CAB6]  _: <CONNECTION> error: Failed to write data…"); the store reports the outcome in
# one line instead, so only the driver's critical messages pass.
logging.getLogger("neo4j").setLevel(logging.CRITICAL)
# What the driver or the network raise; these become StoreError / QueryError, nothing else is caught.
DRIVER_ERRORS = (Neo4jError, DriverError, OSError)
LOST_CONNECTION = (ServiceUnavailable, SessionExpired, OSError)


class BoltStore:
    """A graph store on a Bolt server. Reads run in READ access mode; `write` is one transaction."""

    dialect: Dialect = "neo4j"
    texts: DocumentTexts | None = None  # Document.text holds each document's text

    def __init__(self, uri: str, *, read_only: bool = False) -> None:
        self.location = _checked_location(uri)
        self.read_only = read_only
        self.database = os.environ.get("NEO4J_DATABASE") or None
        self._user = os.environ.get("NEO4J_USER") or DEFAULT_USER
        # Kept only to scrub it from server messages; never formatted into anything.
        self._password = os.environ.get("NEO4J_PASSWORD", "")
        auth = (self._user, self._password) if self._password else None
        probe_bolt(self.location)
        try:
            self._driver = neo4j.GraphDatabase.driver(
                self.location,
                auth=auth,
                connection_timeout=CONNECT_TIMEOUT_S,
                max_transaction_retry_time=RETRY_TIME_S,
            )
            self._driver.verify_connectivity()
        except (*DRIVER_ERRORS, ValueError) as exc:
            driver = getattr(self, "_driver", None)
            if driver is not None:
                driver.close()
            raise self._error(exc, "connect") from exc

    def __repr__(self) -> str:
        mode = ", read_only=True" if self.read_only else ""
        return f"BoltStore({self.location!r}, database={self.database!r}{mode})"

    def __enter__(self) -> BoltStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def read(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one statement in a READ transaction. Neo4j refuses writes there; not every Bolt server
        does (ArcadeDB doesn't), so callers that must not write check the statement first."""
        try:
            with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(_rows, cypher, dict(params or {}))
        except DRIVER_ERRORS as exc:
            raise self._error(exc, "read") from exc

    def read_limited(
        self, cypher: str, params: Mapping[str, Any], max_rows: int, seconds: float
    ) -> tuple[list[str], list[Row], bool]:
        """A READ auto-commit statement under the server's transaction timeout; records are pulled only
        until one more than max_rows has arrived, and the rest is discarded with the session."""
        try:
            with self._driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                result = session.run(neo4j.Query(cypher, timeout=seconds), dict(params))
                columns = list(result.keys())
                rows: list[Row] = []
                for record in result:
                    rows.append(plain_row(record))
                    if len(rows) > max_rows:
                        break
        except DRIVER_ERRORS as exc:
            raise self._error(exc, "read") from exc
        return columns, rows[:max_rows], len(rows) > max_rows

    def write(self, statements: Iterable[Statement]) -> None:
        """Run every statement in one explicit transaction: all of them take effect or none does."""
        if self.read_only:
            raise WriteRefused(f"{self.location} is open read-only")
        number, committing = 0, False
        try:
            with (
                self._driver.session(database=self.database, default_access_mode=neo4j.WRITE_ACCESS) as session,
                session.begin_transaction() as tx,
            ):
                for cypher, params in statements:
                    number += 1  # named in the error, so a failure points at its statement
                    tx.run(cypher, dict(params)).consume()
                committing = True
                tx.commit()
        except DRIVER_ERRORS as exc:  # anything else (the caller's own error) propagates, rolled back
            if isinstance(exc, LOST_CONNECTION) and number:
                raise self._lost_during_write(exc, number, committing) from exc
            action = f"write (statement {number}, transaction rolled back)" if number else "write"
            raise self._error(exc, action) from exc

    def release_memory(self) -> None:
        """Nothing to hand back: the server holds the graph's memory, and a transaction's ends with it."""

    def close(self) -> None:
        self._driver.close()

    def _error(self, exc: BaseException, action: str) -> PolicyKGError:
        """A one-line PolicyKGError naming the URI without credentials; the password is scrubbed."""
        if isinstance(exc, AuthError):
            message = (
                f"cannot log in to {self.location} as {self._user!r}: authentication failed "
                "(check NEO4J_USER / NEO4J_PASSWORD)"
            )
            return StoreError(message)
        if isinstance(exc, ServiceUnavailable | OSError):
            return StoreError(self._scrub(f"cannot reach {self.location}: {_reason(exc)}"))
        if isinstance(exc, Neo4jError):
            text = self._scrub(f"{self.location}: {action} failed: {_flat(exc.message or exc.code or '')}")
            # A statement the server rejects (syntax, types, arithmetic) is the query's fault.
            if (exc.code or "").startswith("Neo.ClientError.Statement."):
                return QueryError(text)
            return StoreError(text)
        return StoreError(self._scrub(f"{self.location}: {action} failed: {_one_line(str(exc))}"))

    def _lost_during_write(self, exc: BaseException, number: int, committing: bool) -> StoreError:
        """The server went away inside the transaction: say what that means for the data. Before the commit
        was sent the server never committed; during the commit only the server knows."""
        reason = _reason(exc)
        if committing:
            return StoreError(
                self._scrub(
                    f"lost {self.location} while committing ({reason}): whether the transaction was written is "
                    "unknown; `policykg stats` on the store shows what it holds"
                )
            )
        return StoreError(
            self._scrub(
                f"lost {self.location} during the write, at statement {number} ({reason}): the transaction was "
                "not committed, so nothing of it was written"
            )
        )

    def _scrub(self, text: str) -> str:
        return text.replace(self._password, "***") if self._password else text


def _rows(tx: neo4j.ManagedTransaction, cypher: str, params: dict[str, Any]) -> list[Row]:
    return [plain_row(record) for record in tx.run(cypher, params)]


def _checked_location(uri: str) -> str:
    """The URI reduced to scheme://host[:port]. Credentials anywhere in it (user info, query, fragment)
    are refused without being echoed (they would leak through argv and logs), and so is a bad port."""
    generic = "not a Bolt URI (expected bolt://HOST:PORT or neo4j+s://HOST)"
    try:
        parts = urlsplit(uri)
        host = parts.hostname
    except ValueError:
        raise StoreError(generic) from None
    if parts.scheme not in SCHEMES or not host:
        raise StoreError(generic)
    shown = f"{parts.scheme}://[{host}]" if ":" in host else f"{parts.scheme}://{host}"
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment:
        raise StoreError(
            f"{shown}: the store URI may not carry credentials, a query or a fragment "
            "(set NEO4J_USER and NEO4J_PASSWORD instead)"
        )
    if parts.path not in ("", "/"):
        raise StoreError(f"{shown}: the store URI may not have a path (a database is chosen with NEO4J_DATABASE)")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0 or (port is None and parts.netloc.rstrip("]").rpartition(":")[1] and not parts.netloc.endswith("]")):
        raise StoreError(f"{shown}: the port must be a number from 1 to 65535")
    return f"{shown}:{port}" if port else shown


def probe_bolt(location: str, timeout_s: float = HANDSHAKE_TIMEOUT_S) -> None:
    """Fail fast, in one line, when nothing at the address speaks Bolt (an HTTP port, a closed port, a host
    that never answers): the driver itself would wait on such a handshake without end."""
    parts = urlsplit(location)
    host, port = parts.hostname or "", parts.port or DEFAULT_PORT
    try:
        with socket.create_connection((host, port), timeout=timeout_s) as raw:
            raw.settimeout(timeout_s)
            conn: socket.socket = raw
            if parts.scheme.endswith(("+s", "+ssc")):
                context = ssl.create_default_context()
                if parts.scheme.endswith("+ssc"):
                    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
                conn = context.wrap_socket(raw, server_hostname=host)
            conn.sendall(BOLT_HANDSHAKE)
            answer = conn.recv(4)
    except TimeoutError:
        raise StoreError(
            f"cannot reach {location}: no Bolt answer within {timeout_s:g} s (is it the Bolt port?)"
        ) from None
    except OSError as exc:
        raise StoreError(f"cannot reach {location}: {exc.strerror or type(exc).__name__}") from None
    if len(answer) != 4 or answer[:2] != b"\x00\x00" or answer == b"\x00\x00\x00\x00":
        raise StoreError(f"{location} does not speak Bolt (is it a web port? Neo4j's Bolt port is usually 7687)")


def _reason(exc: BaseException) -> str:
    """The innermost cause, e.g. 'Connection refused', rather than the driver's multi-line story."""
    inner: BaseException = exc
    # neo4j:// wraps the per-router failures in an ExceptionGroup below the ServiceUnavailable.
    while (nested := _first_cause(inner)) is not None:
        inner = nested
    if isinstance(inner, OSError) and inner.strerror:
        return inner.strerror
    return _one_line(str(inner) or type(inner).__name__)


def _first_cause(exc: BaseException) -> BaseException | None:
    if isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        return exc.exceptions[0]
    return exc.__cause__


def _flat(text: str) -> str:
    return " ".join(text.split())


def _one_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""

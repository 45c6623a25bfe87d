"""A store spec as it may appear in a message: a URI keeps only its scheme, host and port, so a password
in its user info, query or fragment (http://user:pw@host, ?password=…) is never echoed."""

from __future__ import annotations

from urllib.parse import urlsplit

from policykg.core.errors import StoreError


def looks_like_uri(spec: str) -> bool:
    """scheme://…: never a LadybugDB file the user meant (a path holding :// is read as a URI)."""
    scheme, sep, _ = spec.partition("://")
    return bool(sep) and scheme.replace("+", "").replace("-", "").replace(".", "").isalnum()


def shown_uri(spec: str) -> str:
    """scheme://host[:port] of a URI, with nothing that could be a secret."""
    scheme = spec.partition("://")[0]
    try:
        parts = urlsplit(spec)
        host, port = parts.hostname or "", parts.port
    except ValueError:  # a port that is no number
        return f"{scheme}://…"
    shown = f"{scheme}://[{host}]" if ":" in host else f"{scheme}://{host}"
    return f"{shown}:{port}" if port else shown


def not_a_store(spec: str) -> StoreError:
    """The error for a URI of a scheme no store has (http://, ftp://, file://)."""
    return StoreError(f"{shown_uri(spec)}: not a store (use a file path, or bolt:// / neo4j+s:// for Neo4j)")

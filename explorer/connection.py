"""The store, opened read-only once per process and shared by every session: each read takes a connection
of its own on LadybugDB (graph/ladybug_reads.py) and a session of its own on Bolt, so sessions never wait
on each other; console statements run in a worker process (graph/console.py)."""

from __future__ import annotations

import threading

import streamlit as st

from policykg.core.errors import PolicyKGError
from policykg.explorer.settings import settings
from policykg.graph.open import open_store
from policykg.graph.store import GraphStore
from policykg.graph.uri_text import looks_like_uri, shown_uri


def _close_in_background(store: GraphStore) -> None:
    """Close a store dropped by Reconnect. Another session may still be reading through it: LadybugDB's
    close lets those reads finish first (graph/ladybug_reads.py), so it runs on a thread of its own rather
    than holding up the page that pressed Reconnect."""
    threading.Thread(target=store.close, name="policykg-close-store", daemon=True).start()


@st.cache_resource(show_spinner="Opening the graph store…", on_release=_close_in_background)
def _open(spec: str) -> GraphStore:
    # Read-only: an ingest can write the same LadybugDB file while the explorer is open.
    return open_store(spec, read_only=True)


def store() -> GraphStore:
    """The connected store; on failure the page shows why and stops (a failed open is not cached,
    so the next rerun tries again)."""
    spec = settings().store
    try:
        return _open(spec)
    except PolicyKGError as exc:
        shown = shown_uri(spec) if looks_like_uri(spec) else spec  # a URI's secrets never reach the page
        st.error(f"Cannot open the graph store **{shown}**.\n\n{_first_line(exc)}\n\n{_hint(str(exc))}")
        if st.button("Reconnect", key="reconnect-after-failure", help="Try to open the store again"):
            reconnect()
            st.rerun()
        st.stop()
        raise  # st.stop() raises; this line only tells type checkers the function ends here


def reconnect() -> None:
    """Drop the cached connection, names and query results, so the next run sees what an ingest committed.
    The old store is closed as it leaves the cache (on_release), once the reads in flight on it are done."""
    st.cache_resource.clear()
    st.cache_data.clear()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _hint(message: str) -> str:
    lowered = message.lower()
    if "re-ingest" in lowered:
        return "Re-ingest as the message says (the documents' spans are new in this version), then press Reconnect."
    if "policykg " in lowered:  # the store's own message names the command that recovers it
        return "Run the command the message names, then press Reconnect."
    if "lock" in lowered or "still writing" in lowered:
        return "Another process is writing the store (an ingest?). Wait for it to finish, then press Reconnect."
    if "no such store" in lowered or "holds no graph" in lowered:
        return "Ingest documents first: `policykg ingest samples/ --store PATH`, then start the explorer on PATH."
    return (
        "Check `--store` / POLICYKG_STORE (a LadybugDB file, or bolt:// with NEO4J_USER / NEO4J_PASSWORD); "
        "once the store is there, press Reconnect."
    )

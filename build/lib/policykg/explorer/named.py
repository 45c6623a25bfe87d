"""Named queries (queries.catalog) run on the connected store, cached per store and parameters: pages
rerun on every click, the graph only changes when the store is reopened (Reconnect clears the cache)."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from policykg.explorer import connection
from policykg.explorer.settings import settings
from policykg.graph.store import Row
from policykg.queries.catalog import named_query, run_named


@st.cache_data(show_spinner=False)
def _run(spec: str, name: str, params_json: str) -> list[Row]:
    return run_named(connection.store(), name, **json.loads(params_json))


def run(name: str, **params: Any) -> list[Row]:
    return _run(settings().store, name, json.dumps(params, ensure_ascii=False, sort_keys=True))


def title(name: str) -> str:
    return named_query(name).title

"""Cypher page: a read-only console. Statements that write are refused before they reach the store."""

from __future__ import annotations

import json
import time

import streamlit as st

from policykg.core.errors import PolicyKGError, WriteRefused
from policykg.explorer import connection, network, tables
from policykg.explorer.examples import Example, examples
from policykg.explorer.settings import settings
from policykg.explorer.subgraph import induced, node_ids_in
from policykg.graph.readonly import ensure_read_only

TEXT_KEY = "cypher-text"
PARAMS_KEY = "cypher-params"
EXAMPLE_KEY = "cypher-example"
RESULT_KEY = "cypher-result"
MAX_TABLE_ROWS = 5000


@st.cache_data(show_spinner=False)
def _examples(spec: str) -> dict[str, Example]:
    return examples(connection.store())


def _fill(example: Example) -> None:
    st.session_state[TEXT_KEY] = example.cypher
    st.session_state[PARAMS_KEY] = json.dumps(example.params, ensure_ascii=False)


def render() -> None:
    st.title("Cypher")
    st.caption("Read-only: statements that create, merge, set, delete, load or copy are refused.")
    choices = _examples(settings().store)
    if TEXT_KEY not in st.session_state:
        _fill(next(iter(choices.values())))
    st.selectbox(
        "Example queries", list(choices), key=EXAMPLE_KEY,
        on_change=lambda: _fill(choices[st.session_state[EXAMPLE_KEY]]),
    )  # fmt: skip
    with st.form("cypher-form"):
        st.text_area("Cypher", key=TEXT_KEY, height=180)
        st.text_input("Parameters (JSON object: values for $names)", key=PARAMS_KEY)
        submitted = st.form_submit_button("Run", type="primary")
    if submitted:
        st.session_state[RESULT_KEY] = _run(st.session_state[TEXT_KEY], st.session_state[PARAMS_KEY])
    result = st.session_state.get(RESULT_KEY)
    if result:
        _show(result)


def _run(cypher: str, params_text: str) -> dict[str, object]:
    try:
        params = json.loads(params_text or "{}")
    except json.JSONDecodeError as exc:
        return {"error": f"the parameters are not JSON: {exc}"}
    if not isinstance(params, dict):
        return {"error": 'the parameters must be a JSON object, e.g. {"kind": "司法局"}'}
    try:
        ensure_read_only(cypher)
        started = time.perf_counter()
        rows = connection.store().read(cypher, params)
        return {"rows": rows, "seconds": time.perf_counter() - started}
    except WriteRefused as exc:
        return {"refused": str(exc)}
    except PolicyKGError as exc:
        return {"error": str(exc)}


def _show(result: dict[str, object]) -> None:
    if "refused" in result:
        st.error(f"**Refused.** {result['refused']}. The console only reads; use `policykg cypher --write`.")
        return
    if "error" in result:
        st.error(f"**The query failed.** {result['error']}")
        return
    rows = result["rows"]
    assert isinstance(rows, list)
    st.caption(f"{len(rows):,} rows in {float(result['seconds']) * 1000:.0f} ms")  # type: ignore[arg-type]
    table_tab, graph_tab = st.tabs(["Table", "Graph"], key="cypher-tab", on_change="rerun")
    if table_tab.open:  # tabs render lazily: only the open one runs
        with table_tab:
            if len(rows) > MAX_TABLE_ROWS:
                st.warning(f"Showing the first {MAX_TABLE_ROWS:,} rows; add a LIMIT or download from the CLI.")
            tables.show(tables.frame(rows[:MAX_TABLE_ROWS]), "cypher-result", key="cypher")
    if graph_tab.open:
        with graph_tab:
            ids = node_ids_in(rows)
            if ids:
                network.show(induced(connection.store(), ids[: network.MAX_NODES * 4]))
            else:
                st.info("The result holds no nodes: return nodes (or their `id`) to see them drawn.")


render()

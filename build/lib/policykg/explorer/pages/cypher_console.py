"""Cypher page: a read-only console. Statements that write are refused before they reach the store."""

from __future__ import annotations

import json
from dataclasses import replace

import streamlit as st

from policykg.core.errors import PolicyKGError, WriteRefused
from policykg.explorer import connection, network, tables
from policykg.explorer.examples import Example, examples
from policykg.explorer.settings import settings
from policykg.explorer.subgraph import induced, node_ids_in
from policykg.graph.console import run_console
from policykg.graph.guard import ConsoleLimits, parse_params

TEXT_KEY = "cypher-text"
PARAMS_KEY = "cypher-params"
EXAMPLE_KEY = "cypher-example"
RESULT_KEY = "cypher-result"
MAX_TABLE_ROWS = 5000
MAX_SECONDS = 120.0  # what a user may raise the limits to from the page
MAX_ROWS = 100_000


@st.cache_data(show_spinner=False)
def _examples(spec: str) -> dict[str, Example]:
    return examples(connection.store())


def _fill(example: Example) -> None:
    st.session_state[TEXT_KEY] = example.cypher
    st.session_state[PARAMS_KEY] = json.dumps(example.params, ensure_ascii=False)


def render() -> None:
    st.title("Cypher")
    defaults = ConsoleLimits.from_env()
    st.caption(
        "Read-only: statements that create, merge, set, delete, load or copy are refused, and so are calls "
        "that read files. Each statement runs on its own connection within the limits below."
    )
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
        seconds_col, rows_col = st.columns(2)
        seconds = seconds_col.number_input(
            "Time limit (s)", min_value=1.0, max_value=MAX_SECONDS, value=min(defaults.seconds, MAX_SECONDS)
        )
        max_rows = rows_col.number_input(
            "Row limit", min_value=1, max_value=MAX_ROWS, value=min(defaults.max_rows, MAX_ROWS), step=1000
        )
        submitted = st.form_submit_button("Run", type="primary")
    if submitted:
        limits = replace(defaults, seconds=float(seconds), max_rows=int(max_rows))
        st.session_state[RESULT_KEY] = _run(st.session_state[TEXT_KEY], st.session_state[PARAMS_KEY], limits)
    result = st.session_state.get(RESULT_KEY)
    if result:
        _show(result)


def _run(cypher: str, params_text: str, limits: ConsoleLimits) -> dict[str, object]:
    try:
        params = parse_params(params_text, limits)
        result = run_console(connection.store(), cypher, params, limits)
    except WriteRefused as exc:
        return {"refused": str(exc)}
    except PolicyKGError as exc:
        return {"error": str(exc)}
    return {"rows": result.rows, "seconds": result.seconds, "truncated": result.truncated, "limit": limits.max_rows}


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
    if result.get("truncated"):
        st.warning(f"**Cut.** The statement returned more than {result['limit']:,} rows; these are the first ones.")
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

"""Ask page: a question in Chinese → the answer table with each row's source sentence, the Cypher that ran
(copyable) and the answer's subgraph. The answering itself is queries.ask."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from policykg.explorer import connection, network, tables
from policykg.explorer.answer_graph import answer_node_ids
from policykg.explorer.settings import settings
from policykg.explorer.subgraph import induced
from policykg.queries.ask import ask
from policykg.queries.gazetteer import Gazetteer, gazetteer_for
from policykg.queries.intents import EXAMPLES
from policykg.queries.paging import PAGE_ROWS

QUESTION_KEY = "ask-question"
ANSWER_KEY = "ask-answer"
# Long columns the table hides by default: the sentence is what a reader needs, the full text is in Documents.
HIDDEN_COLUMNS = ("text", "measure_id")
LEADING_COLUMNS = ("unit", "unit_a", "unit_b", "role", "instrument", "heading", "sentence", "deadline_text")


@st.cache_resource(show_spinner="Reading the names in the graph…")
def _gazetteer(spec: str) -> Gazetteer:
    return gazetteer_for(connection.store())


def _use_example(question: str) -> None:
    st.session_state[QUESTION_KEY] = question
    _answer()


def _answer(list_all: bool = False) -> None:
    question = st.session_state.get(QUESTION_KEY, "").strip()
    if question:
        store = connection.store()
        names = _gazetteer(settings().store)
        st.session_state[ANSWER_KEY] = ask(store, question, gazetteer=names, max_rows=None if list_all else PAGE_ROWS)


def render() -> None:
    st.title("Ask")
    st.caption("Ask in Chinese about units, measures, deadlines and the laws they cite.")
    with st.form("ask-form", border=False):
        left, right = st.columns([6, 1], vertical_alignment="bottom")
        left.text_input("Question", key=QUESTION_KEY, placeholder="县司法局牵头哪些措施")
        right.form_submit_button("Ask", type="primary", on_click=_answer, width="stretch")
    st.caption("Examples")
    columns = st.columns(3)
    for i, example in enumerate(EXAMPLES):
        columns[i % 3].button(example, key=f"ask-example-{i}", on_click=_use_example, args=(example,), width="stretch")
    answer = st.session_state.get(ANSWER_KEY)
    if answer:
        _show(answer)


def _show(answer: dict[str, Any]) -> None:
    rows = answer.get("rows") or []
    message = answer.get("message") or ""
    st.subheader(answer["question"])
    if answer.get("understood_line"):
        st.caption(answer["understood_line"])  # how the question was read: a misreading shows at once
    if rows:
        st.success(message or f"{len(rows)} rows")
    else:
        st.warning(message or "No answer: try one of the examples.")
    if answer.get("candidates"):
        st.markdown("Did you mean: " + "、".join(f"**{c}**" for c in answer["candidates"]))
    if not rows and not answer.get("cypher"):
        return
    if not answer.get("complete", True) and answer.get("groups"):
        st.button(f"List all {answer['total_rows']} rows", key="ask-list-all", on_click=_answer, args=(True,))
    labels = ["Answer", "By jurisdiction", "Cypher", "Graph"]
    table_tab, groups_tab, cypher_tab, graph_tab = st.tabs(labels, key="ask-tab", on_change="rerun")
    if table_tab.open:  # tabs render lazily: only the open one runs
        with table_tab:
            tables.show(tables.frame(rows, first=LEADING_COLUMNS, drop=HIDDEN_COLUMNS), "answer", key="ask-answer")
    if groups_tab.open:
        with groups_tab:
            st.caption("Rows of the whole answer per jurisdiction and unit, listed or not.")
            tables.show(tables.frame(answer.get("groups") or []), "answer-groups", key="ask-groups")
    if cypher_tab.open:
        with cypher_tab:
            st.caption(f"Named query `{answer.get('query', '')}` · intent `{answer.get('intent', '')}`")
            st.code(answer.get("cypher", ""), language="cypher")
            st.code(json.dumps(answer.get("params", {}), ensure_ascii=False, indent=1), language="json")
    if graph_tab.open:
        with graph_tab:
            ids = answer_node_ids(rows)
            if ids:
                network.show(induced(connection.store(), ids[: network.MAX_NODES * 2]), height_px=560)
            else:
                st.info("The answer names no nodes to draw.")


render()

"""The policykg explorer: `streamlit run explorer_app.py -- --store PATH [--docs DIR]` (or `policykg explore`).

Thin on purpose: it only wires the pages; each page lives in explorer/pages/ and calls queries/ and graph/.
"""

import streamlit as st

from explorer import sidebar

st.set_page_config(page_title="policykg explorer", page_icon=":material/hub:", layout="wide")

PAGES = [
    st.Page("explorer/pages/ask.py", title="Ask", icon=":material/question_answer:", url_path="ask", default=True),
    st.Page("explorer/pages/unit.py", title="Unit", icon=":material/account_balance:", url_path="unit"),
    st.Page("explorer/pages/graph_browser.py", title="Graph", icon=":material/hub:", url_path="graph"),
    st.Page("explorer/pages/cypher_console.py", title="Cypher", icon=":material/terminal:", url_path="cypher"),
    st.Page("explorer/pages/overlaps.py", title="Overlaps", icon=":material/join_inner:", url_path="overlaps"),
    st.Page("explorer/pages/instruments.py", title="Instruments", icon=":material/gavel:", url_path="instruments"),
    st.Page("explorer/pages/documents.py", title="Documents", icon=":material/description:", url_path="documents"),
]

# Less empty space above each page's title than Streamlit's default.
st.html('<style>[data-testid="stMainBlockContainer"] {padding-top: 2.5rem;}</style>')
page = st.navigation(PAGES)
sidebar.render()  # every page's sidebar: the store and its counts (stops with a message if it cannot open)
page.run()

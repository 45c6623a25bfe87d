"""The explorer's Streamlit script: wires the pages (each in pages/, found as package data) and the sidebar.

`policykg explore` runs this file; `explorer_app.py` at the top of a checkout is a shim over `main()`.
"""

from __future__ import annotations

import streamlit as st

from policykg.core.resources import file_path
from policykg.explorer import sidebar

# (file in pages/, title, icon, url path)
PAGE_FILES = [
    ("ask.py", "Ask", ":material/question_answer:", "ask"),
    ("unit.py", "Unit", ":material/account_balance:", "unit"),
    ("graph_browser.py", "Graph", ":material/hub:", "graph"),
    ("cypher_console.py", "Cypher", ":material/terminal:", "cypher"),
    ("overlaps.py", "Overlaps", ":material/join_inner:", "overlaps"),
    ("instruments.py", "Instruments", ":material/gavel:", "instruments"),
    ("documents.py", "Documents", ":material/description:", "documents"),
]


def main() -> None:
    st.set_page_config(page_title="policykg explorer", page_icon=":material/hub:", layout="wide")
    pages = [
        st.Page(file_path("policykg.explorer.pages", name), title=title, icon=icon, url_path=url, default=i == 0)
        for i, (name, title, icon, url) in enumerate(PAGE_FILES)
    ]
    # Less empty space above each page's title than Streamlit's default.
    st.html('<style>[data-testid="stMainBlockContainer"] {padding-top: 2.5rem;}</style>')
    page = st.navigation(pages)
    sidebar.render()  # every page's sidebar: the store and its counts (stops with a message if it cannot open)
    page.run()


if __name__ == "__main__":  # Streamlit runs this file as its main script
    main()

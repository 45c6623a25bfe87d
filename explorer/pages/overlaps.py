"""Placeholder until queries/ lands."""

import streamlit as st

from explorer import sidebar

sidebar.render()
st.title("overlaps")
st.info("Coming soon.")

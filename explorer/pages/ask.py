"""Placeholder until queries/ lands."""

import streamlit as st

from explorer import sidebar

sidebar.render()
st.title("ask")
st.info("Coming soon.")

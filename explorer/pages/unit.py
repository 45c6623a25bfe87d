"""Placeholder until queries/ lands."""

import streamlit as st

from explorer import sidebar

sidebar.render()
st.title("unit")
st.info("Coming soon.")

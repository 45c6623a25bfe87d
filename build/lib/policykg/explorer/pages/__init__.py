"""Page scripts: each one is run by Streamlit as a script (st.Page), not imported."""

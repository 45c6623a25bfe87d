"""The Streamlit explorer: page scripts in explorer/pages/, shared pieces beside them.

Library first: pages call queries/ and graph/; the modules here only fetch, shape and draw.
"""

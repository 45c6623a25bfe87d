"""The policykg explorer from a checkout: `streamlit run explorer_app.py -- --store PATH`.

A shim: the app itself is packaged (policykg/explorer/app.py), which is what `policykg explore` runs.
"""

from policykg.explorer.app import main

main()

"""The Lockdown Map dashboard: a thin Streamlit edge over the pure functions in :mod:`geo`."""

"""One module per tab of the dashboard; each takes plain values and draws one view."""

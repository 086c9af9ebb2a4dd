"""The dashboard as it was before issue 12, kept runnable for the benchmarks.

``streamlit run bench/previous_app.py`` serves ``dashboard/app.py`` with the
previous map path (``st_folium`` with the day's layer as
``feature_group_to_add``, :func:`dashboard.mapping.show_map_st_folium`), no
on-disk dataset cache and no ``gc.freeze()``, so a benchmark can compare it
with the current app in one run.
"""

import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ["LOCKDOWN_MAP_CACHE_DIR"] = "off"

from dashboard import mapping, state  # noqa: E402
from dashboard.views import map_view  # noqa: E402

map_view.show_map = mapping.show_map_st_folium
state.settle_memory = mapping.settle_memory = lambda: None
runpy.run_path(str(ROOT / "dashboard" / "app.py"), run_name="__main__")

"""Start the dashboard's server with the libraries the app needs already imported.

``python -m dashboard.serve [streamlit run options] [-- --dataset PATH]`` is
``streamlit run dashboard/app.py …`` (what ``lockdown-map dashboard`` starts),
except that before the server listens it imports geopandas, folium, Altair and
the ``geo`` modules the app uses, reads the bundled context layers and parses
the startup dataset into the on-disk cache (:mod:`geo.cache`): seconds that the
first visitor's first run would otherwise spend. Nothing from Streamlit is
touched before its runtime exists (a component declared earlier is not served),
so the app's own modules and ``st.cache_resource`` caches are left to the run.
A dataset that fails here is left to the app, which explains it on the page.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"


def app_arguments(argv: Sequence[str]) -> list[str]:
    """What follows ``--`` on the command line: the app's own arguments."""
    argv = list(argv)
    return argv[argv.index("--") + 1:] if "--" in argv else []


def prepare(app_argv: Sequence[str]) -> None:
    """Import the app's libraries and warm the caches that live outside Streamlit."""
    # Imported for the time their imports take (Altair, folium's templates, geopandas).
    import geo.charts
    import geo.export
    import geo.overview  # noqa: F401
    from dashboard.startup import startup_path
    from geo.cache import cached_loads
    from geo.dataset import read_dataset_text
    from geo.errors import LockdownMapError
    from geo.geography import context_layers
    from geo.maps import base_map  # noqa: F401  (folium and its templates)

    context_layers()
    path = startup_path(app_argv, os.environ)
    try:
        cached_loads(read_dataset_text(path), str(path))
    except LockdownMapError:
        pass  # the app shows the problems on the page


def main(argv: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    prepare(app_arguments(argv))
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main()

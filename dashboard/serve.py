"""Start the dashboard's server with the libraries the app needs already imported.

``python -m dashboard.serve [streamlit run options] [-- --dataset PATH]`` is
``streamlit run dashboard/app.py …`` (what ``lockdown-map dashboard`` starts),
except that before the server listens it imports geopandas, folium, Altair and
the ``geo`` modules the app uses, reads the bundled context layers and parses
the startup dataset into the on-disk cache (:mod:`geo.cache`): seconds that the
first visitor's first run would otherwise spend. Nothing from Streamlit is
touched before its runtime exists.

Once the runtime exists, a thread builds what every session of the startup
dataset shares (its layers, the slider's span, the first day's tables and chart,
the map's base: :func:`dashboard.state.rendered`) into the app's
``st.cache_resource`` caches, while the server starts and the first browser
loads Streamlit's page; a session that asks for one of them meanwhile waits for
it rather than building it twice. A dataset that fails here is left to the app,
which explains it on the page.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from dashboard.startup import startup_path

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


RUNTIME_WAIT_SECONDS = 120.0


def warm_app_caches(app_argv: Sequence[str]) -> bool:
    """Once Streamlit's runtime exists, build the startup dataset's shared values into
    the app's caches (what a first session would build); whether it did. Never raises:
    whatever fails here is met again, and explained, by the app."""
    from streamlit.runtime import Runtime

    deadline = time.monotonic() + RUNTIME_WAIT_SECONDS
    while not Runtime.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    try:
        from dashboard import state

        state.rendered(state.load_path(startup_path(app_argv, os.environ)))
    except Exception:  # the app meets the same problem and shows it on the page
        logging.getLogger(__name__).debug("warming the app's caches failed", exc_info=True)
        return False
    return True


def main(argv: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    app_argv = app_arguments(argv)
    prepare(app_argv)
    threading.Thread(target=warm_app_caches, args=(app_argv,), daemon=True,
                     name="lockdown-map-warm-up").start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main()

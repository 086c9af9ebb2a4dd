"""Which dataset the dashboard opens on. No Streamlit here: :mod:`dashboard.serve` reads
it before Streamlit's runtime exists."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path

from geo.dataset import SEED_DATASET

ENV_VAR = "LOCKDOWN_MAP_DATASET"


def startup_path(argv: Sequence[str], environ: Mapping[str, str]) -> Path:
    """The dataset named by ``--dataset PATH`` after ``--``, else $LOCKDOWN_MAP_DATASET, else
    the seed data."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--dataset")
    known, _ = parser.parse_known_args(list(argv))
    chosen = known.dataset or environ.get(ENV_VAR)
    return Path(chosen) if chosen else SEED_DATASET

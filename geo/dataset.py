"""Read and write dataset files: the only module that touches them.

The format is YAML (human-readable, diffable). Loading parses the text, then
:func:`geo.validate.validate` turns the raw records into model objects or one
:class:`~geo.errors.DatasetError` listing every problem. Writing produces one
canonical text, so load → write → load is lossless and a re-written seed file
does not change; it goes to a temporary file first and is renamed into place.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import yaml

from geo.atomic import write_atomic
from geo.errors import DatasetError, DatasetFileError, Problem
from geo.model import Dataset
from geo.rawform import dataset_to_raw
from geo.validate import validate

# The bundled seed data is package data: found the same way in a checkout and in a wheel.
SEED_DATASET = Path(str(resources.files("geo") / "seeds" / "lockdowns.yaml"))


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so the validator parses and explains them."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Dumper(yaml.SafeDumper):
    """Block style for multi-line text; no line folding, so quotes stay on one line."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def loads_dataset(text: str, source: str = "<text>") -> Dataset:
    """Parse and validate dataset text; ``source`` names it in error messages."""
    try:
        raw = yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "the file"
        problem = getattr(exc, "problem", None) or str(exc)
        raise DatasetError([Problem(source, where, "", None, f"not valid YAML: {problem}",
                                    "correct the YAML syntax at that place")]) from None
    return validate(raw, source)


def load_dataset(path: str | os.PathLike[str] = SEED_DATASET) -> Dataset:
    """Load and validate the dataset file at ``path`` (the bundled seed data by default)."""
    return loads_dataset(read_dataset_text(path), str(path))


def read_dataset_text(path: str | os.PathLike[str]) -> str:
    """The text of a dataset file; a missing, unreadable or non-UTF-8 file is explained."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DatasetFileError(f"{path}: no such dataset file; give the path of a .yaml "
                               f"dataset (the seed data is {SEED_DATASET})") from None
    except OSError as exc:
        raise DatasetFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode_dataset(data, str(path))


def decode_dataset(data: bytes, source: str) -> str:
    """Dataset bytes (a file, an upload) as text; anything but UTF-8 is explained."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DatasetFileError(f"{source}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
                               "save the file as UTF-8") from None


def dumps_dataset(dataset: Dataset) -> str:
    """The canonical YAML text of ``dataset``."""
    return yaml.dump(dataset_to_raw(dataset), Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True, width=float("inf"), indent=2)


def write_dataset(dataset: Dataset, path: str | os.PathLike[str]) -> Path:
    """Write ``dataset`` to ``path`` atomically: the old file stays whole until the new one is."""
    return write_atomic(Path(path), dumps_dataset(dataset))

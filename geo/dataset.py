"""Read and write dataset files: the only module that touches them.

The format is YAML (human-readable, diffable). Loading parses the text, then
:func:`geo.validate.validate` turns the raw records into model objects or one
:class:`~geo.errors.DatasetError` listing every problem. Writing produces one
canonical text, so load → write → load is lossless and a re-written seed file
does not change; it goes to a temporary file first and is renamed into place.
"""

from __future__ import annotations

import os
import stat
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


# libyaml's parser when PyYAML was built with it (much faster on large files), else
# PyYAML's own; both construct with SafeConstructor, so behave the same.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ALIAS_BUDGET = 10_000  # values that aliases may add beyond those written out
MAX_DATASET_BYTES = 50_000_000  # the dashboard's upload cap (50 MB), for every input
DATASET_SUFFIXES = (".yaml", ".yml")


class _Refused(yaml.YAMLError):
    """YAML that parses but that a dataset never needs: duplicate keys, alias bombs."""

    def __init__(self, problem: str, mark: yaml.Mark | None, fix: str):
        super().__init__(problem)
        self.problem, self.problem_mark, self.fix = problem, mark, fix


class _Loader(_BaseLoader):
    """A safe loader that leaves dates as text (so the validator parses and explains
    them), rejects duplicate keys and refuses aliases that expand beyond a budget."""

    def construct_document(self, node: yaml.Node) -> object:
        _check_expansion(node)
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        if isinstance(node, yaml.MappingNode):
            seen: dict[object, yaml.Node] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # '<<' merges are YAML's own way to override keys
                key = self.construct_object(key_node)
                try:
                    first = seen.setdefault(key, key_node)
                except TypeError:
                    continue  # an unhashable key: the constructor explains it
                if first is not key_node:
                    raise _Refused(f"duplicate key {key!r} (first on line "
                                   f"{first.start_mark.line + 1}, again on line "
                                   f"{key_node.start_mark.line + 1}); a later key would "
                                   "silently replace the earlier one", key_node.start_mark,
                                   "keep one of the two, or merge them into one")
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return node.value
    return []


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a document whose aliases would expand it by more than ALIAS_BUDGET values,
    or that contains itself. Counts without expanding (each node is visited once)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise _Refused("an alias refers to a value that contains it (a loop)",
                           node.start_mark, "write the value out instead of the alias")
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    if sizes[id(root)] - len(sizes) > ALIAS_BUDGET:
        raise _Refused(f"aliases ('*name') expand the file by more than {ALIAS_BUDGET:,} "
                       "values; a dataset never needs that many", root.start_mark,
                       "write the values out, or check the file is a dataset")


class _Dumper(yaml.SafeDumper):
    """Block style for multi-line text; no line folding, so quotes stay on one line."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def loads_dataset(text: str, source: str = "<text>") -> Dataset:
    """Parse and validate dataset text; ``source`` names it in error messages."""
    return validate(parse_yaml(text, source), source)


def parse_yaml(text: str, source: str = "<text>") -> object:
    """The records of dataset text, parsed safely; any YAML problem is a DatasetError."""
    try:
        return yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except _Refused as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "the file"
        raise DatasetError([Problem(source, where, "", None, exc.problem, exc.fix)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "the file"
        problem = str(getattr(exc, "problem", None) or exc)
        fix = "correct the YAML syntax at that place"
        if "nesting depth" in problem:
            problem, fix = "nested too deeply", "a dataset needs only a few levels of nesting"
        raise DatasetError([Problem(source, where, "", None, f"not valid YAML: {problem}",
                                    fix)]) from None
    except RecursionError:
        raise DatasetError([Problem(source, "the file", "", None,
                                    "not valid YAML: nested too deeply to read",
                                    "a dataset needs only a few levels of nesting")]) from None


def load_dataset(path: str | os.PathLike[str] = SEED_DATASET) -> Dataset:
    """Load and validate the dataset file at ``path`` (the bundled seed data by default)."""
    return loads_dataset(read_dataset_text(path), str(path))


def read_dataset_text(path: str | os.PathLike[str], *, require_suffix: bool = False) -> str:
    """The text of a dataset file; a missing, unreadable, non-UTF-8, oversized or special
    file (a folder, a device, a FIFO) is explained, never read. ``require_suffix`` also
    refuses a name that does not end in .yaml or .yml (the dashboard's path box)."""
    path = Path(path)
    if require_suffix and path.suffix.lower() not in DATASET_SUFFIXES:
        raise DatasetFileError(f"{path}: not a Lockdown Map dataset (its name does not end "
                               "in .yaml or .yml); give the path of a .yaml dataset file")
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; the checks below refuse it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise DatasetFileError(f"{path}: no such dataset file; give the path of a .yaml "
                               f"dataset (the seed data is {SEED_DATASET})") from None
    except OSError as exc:
        raise DatasetFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise DatasetFileError(f"{path}: not a regular file (a folder, device or pipe); "
                               "give the path of a .yaml dataset file")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > MAX_DATASET_BYTES:
            raise DatasetFileError(f"{path}: {info.st_size / 1e6:.0f} MB is over the "
                                   f"{MAX_DATASET_BYTES / 1e6:.0f} MB limit for a dataset; "
                                   "split it or check it is the right file")
        try:
            data = handle.read(MAX_DATASET_BYTES + 1)
        except OSError as exc:
            raise DatasetFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode_dataset(data, str(path))


def decode_dataset(data: bytes, source: str) -> str:
    """Dataset bytes (a file, an upload) as text; anything but UTF-8, or over the size
    limit, is explained."""
    if len(data) > MAX_DATASET_BYTES:
        raise DatasetFileError(f"{source}: over the {MAX_DATASET_BYTES / 1e6:.0f} MB limit "
                               "for a dataset; split it or check it is the right file")
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

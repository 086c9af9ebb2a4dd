"""Where a dataset lives between edits: load it with a version, save it only over that version.

The app and the CLI talk to a :class:`DatasetStore`; today the one store is
:class:`YamlFileStore` (the dataset's YAML file). A database store would
implement the same two methods, and nothing in the merge or the app changes.
"""

from geo.store.base import DatasetStore, Loaded
from geo.store.yamlfile import YamlFileStore, empty_dataset, init_dataset

__all__ = ["DatasetStore", "Loaded", "YamlFileStore", "empty_dataset", "init_dataset"]

"""Data mixtures from text: ``PATH[:LAYOUT][:WEIGHT]`` source specs and mixture mappings / YAML files, with every
key checked (an unknown one names the closest field)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from ..errors import ConfigError, read_yaml, unknown_key_error
from ._builder import DatasetMixtureConfig, DataSource
from ._layouts import LAYOUTS


def check_mixture_keys(mixture: dict[str, Any], *, where: str) -> None:
    """Raise :class:`ConfigError` for an unknown key in a mixture mapping or one of its sources, or a source that
    is not a mapping with a ``path``."""
    mixture_fields = [f.name for f in fields(DatasetMixtureConfig)]
    source_fields = [f.name for f in fields(DataSource)]
    for key in mixture:
        if key not in mixture_fields:
            raise unknown_key_error(str(key), mixture_fields, where=where)
    sources = mixture.get("datasets") or []
    if not isinstance(sources, list):
        raise ConfigError(f"{where}.datasets must be a list of sources, got {type(sources).__name__}.")
    for index, source in enumerate(sources):
        if not isinstance(source, dict) or "path" not in source:
            raise ConfigError(f"{where}.datasets[{index}] must be a mapping with at least `path`.")
        for key in source:
            if key not in source_fields:
                raise unknown_key_error(str(key), source_fields, where=f"{where}.datasets[{index}]")


def parse_source(spec: str) -> DataSource:
    """Parse ``PATH[:LAYOUT][:WEIGHT]`` into a :class:`DataSource` (parts read from the right).

    Raises:
        ValueError: the part after the last ``:`` is neither a layout nor a weight (and the whole is no file).
    """
    path, layout, weight = spec, "auto", 1.0
    head, sep, tail = path.rpartition(":")
    if sep and head:
        try:
            weight = float(tail)
            path = head
        except ValueError:
            pass
    head, sep, tail = path.rpartition(":")
    if sep and head and tail in LAYOUTS:
        path, layout = head, tail
    elif sep and head and not Path(path).exists():
        raise ValueError(f"--source {spec!r}: {tail!r} is not a layout ({', '.join(LAYOUTS)}) nor a weight.")
    return DataSource(path=path, layout=layout, weight=weight)


def load_mixture_file(path: str | Path) -> DatasetMixtureConfig:
    """Read a mixture YAML (``datasets``, ``seed``, ``test_split_size``, optionally under ``dataset_mixture``).

    Raises:
        ConfigError: the file is missing or not a mapping, or a key is unknown (named with the file).
    """
    data = read_yaml(path, what="Mixture file", mapping=True)
    data = data.get("dataset_mixture", data)
    check_mixture_keys(data, where=f"{path}: mixture")
    return DatasetMixtureConfig(**data)

"""Locate files that ship with llmzoo_hf (card templates, bundled data, recipes)."""

from __future__ import annotations

from pathlib import Path

_KINDS = ("model_cards", "dataset_cards", "data", "recipes")


def resource_path(kind: str) -> Path:
    """Return the folder of a shipped resource, from the wheel or from a source checkout.

    Args:
        kind: one of ``model_cards``, ``dataset_cards``, ``data``, ``recipes``.

    Raises:
        ValueError: ``kind`` is not a known resource.
        FileNotFoundError: the folder is in neither place (a broken install).
    """
    if kind not in _KINDS:
        raise ValueError(f"Unknown resource {kind!r}; expected one of {_KINDS}.")
    here = Path(__file__).resolve().parent
    # Wheel install: hatch's force-include puts the folders under llmzoo_hf/_resources/.
    # Editable install / source checkout: they sit at the repository root, two levels above src/llmzoo_hf.
    for candidate in (here / "_resources" / kind, here.parents[1] / kind):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"The {kind!r} folder that ships with llmzoo_hf is missing; reinstall llmzoo-hf.")

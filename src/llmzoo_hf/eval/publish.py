"""Publish a results folder of ``llmzoo eval run`` as a Hub dataset, with a card built from its tables.

:func:`push_results` stages exactly what is uploaded (the result files, hard-linked, and a generated ``README.md``)
and uploads it, or with ``dry_run_dir`` writes the staged folder there and uploads nothing. Credentials:
``token=None`` lets huggingface_hub resolve ``HF_TOKEN`` or the cached login; the token is never written.
"""

from __future__ import annotations

import logging
from pathlib import Path

logger = logging.getLogger(__name__)

_RESULT_SUFFIXES = (".jsonl", ".json", ".txt", ".md", ".png", ".csv")


def _result_files(folder: Path) -> list[Path]:
    """Return the files of ``folder`` that are uploaded: results only (no logs, no hidden scratch files)."""
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not path.is_file() or path.suffix not in _RESULT_SUFFIXES or relative.parts[0] == "logs":
            continue
        if any(part.startswith(".") for part in relative.parts) or relative.as_posix() == "README.md":
            continue
        files.append(path)
    return files


def build_results_card(folder: str | Path, repo_id: str):
    """Return the ``DatasetCard`` of a results folder: contestants, judge, ratio / win-tie-lose / MCQ tables.

    Raises:
        FileNotFoundError: ``folder`` is not a results folder of ``llmzoo eval run`` (no run.json).
    """
    from ..cards import EvalResultsCardInfo, build_eval_results_card
    from .results import load_results, markdown_table, mcq_table, ratio_table, win_tie_lose_table

    results = load_results(folder)
    run = results.run
    recipe = run.get("recipe") or {}
    tables = {
        "ratio_table": ratio_table(results),
        "win_tie_lose_table": win_tie_lose_table(results),
        "mcq_table": mcq_table(results),
    }
    return build_eval_results_card(
        EvalResultsCardInfo(
            repo_id,
            languages=run.get("languages") or [],
            contestants=[c["name"] for c in recipe.get("contestants", [])],
            question_sets=run.get("question_sets", []),
            dimensions=recipe.get("dimensions", []),
            judge=run.get("judge") or None,
            note=recipe.get("report_note"),
            tables={name: markdown_table(table) if table[1] else "" for name, table in tables.items()},
            n_files=len(_result_files(results.folder)) + 1,
        )
    )


def stage_results(folder: str | Path, staging: str | Path, *, repo_id: str) -> list[str]:
    """Write into ``staging`` exactly what :func:`push_results` uploads; return the relative paths, sorted."""
    from ..hub import _link_or_copy

    folder, staging = Path(folder), Path(staging)
    card = build_results_card(folder, repo_id)
    for path in _result_files(folder):
        _link_or_copy(path, staging / path.relative_to(folder))
    card.save(staging / "README.md")
    return sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())


def push_results(
    folder: str | Path,
    repo_id: str,
    *,
    token: str | None = None,
    private: bool = False,
    revision: str | None = None,
    dry_run_dir: str | Path | None = None,
    commit_message: str = "Upload llmzoo-hf evaluation results",
):
    """Upload a results folder to the dataset repo ``repo_id`` with a generated card (or write the dry run).

    Args:
        folder: the results folder of ``llmzoo eval run``.
        repo_id: Hub dataset id, e.g. ``my-org/llmzoo-eval-results``.
        token: Hub token; ``None`` lets huggingface_hub use ``HF_TOKEN`` or the cached login.
        private: create the repo as private when it does not exist yet.
        revision: branch to upload to (created from main when missing).
        dry_run_dir: write the exact upload here instead (must not exist or be empty).

    Returns:
        A :class:`llmzoo_hf.hub.PushResult` (files, commit URL or dry-run folder).

    Raises:
        FileNotFoundError: ``folder`` is not a results folder.
        FileExistsError: ``dry_run_dir`` is not empty.
    """
    from ..hub import push_folder

    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"Results folder {folder} does not exist.")
    return push_folder(
        folder,
        kind="dataset",
        repo_id=repo_id,
        private=private,
        revision=revision,
        dry_run_dir=dry_run_dir,
        token=token,
        commit_message=commit_message,
        stage=lambda staging: stage_results(folder, staging, repo_id=repo_id),
    )

"""Push an evaluation folder (answers, reviews, metric tables, report, MCQ results) to a Hub dataset with a card."""

from __future__ import annotations

import logging
from pathlib import Path

logger = logging.getLogger(__name__)

_RESULT_PATTERNS = ("*.jsonl", "*.json", "*.txt", "*.md", "*.png", "*.csv")


def build_results_card(folder: str | Path, repo_id: str, *, languages: list[str] | None = None):
    """Return a ``DatasetCard`` describing the evaluation results in ``folder`` (its report is inlined)."""
    from huggingface_hub import DatasetCard, DatasetCardData

    folder = Path(folder)
    files = sorted(p.relative_to(folder).as_posix() for pattern in _RESULT_PATTERNS for p in folder.rglob(pattern))
    report = next((folder / name for name in ("report.md", "README_report.md") if (folder / name).is_file()), None)
    data = DatasetCardData(
        language=sorted(set(languages)) if languages else None,
        license="apache-2.0",
        tags=["llmzoo-hf", "evaluation", "llm-as-a-judge"],
        pretty_name=f"Evaluation results: {repo_id.split('/')[-1]}",
    )
    body = [
        f"# Evaluation results: {repo_id.split('/')[-1]}",
        "",
        "Answers, judge reviews and metric tables made with `llmzoo eval` (llmzoo-hf). File layouts follow LLM Zoo: "
        "answers `{answer_id, question_id, model_id, text, category, lang, metadata}`, reviews with an `order` "
        "(1-based ranks, ties share a rank, -1 = judge text not parsable) or `score` list, and `metric.json` "
        "tables where the first model is the reference.",
        "",
        "Judge-based rankings depend on the judge model, its prompt and the order in which answers are shown; "
        "each review record names the judge model, endpoint, temperature, seed and prompt version.",
        "",
    ]
    if report is not None:
        body += ["## Report", "", report.read_text(encoding="utf-8"), ""]
    body += ["## Files", "", *[f"- `{name}`" for name in files], ""]
    return DatasetCard(f"---\n{data.to_yaml()}\n---\n\n" + "\n".join(body))


def push_results(
    folder: str | Path,
    repo_id: str,
    *,
    token: str | None = None,
    private: bool = False,
    revision: str | None = None,
    languages: list[str] | None = None,
    commit_message: str = "Upload llmzoo-hf evaluation results",
) -> str:
    """Upload ``folder`` to the dataset repo ``repo_id`` with a generated card; return the commit URL.

    Args:
        folder: the evaluation folder (answers, reviews, metrics, report).
        repo_id: Hub dataset id, e.g. ``my-org/llmzoo-eval-results``.
        token: Hub token; ``None`` lets huggingface_hub use ``HF_TOKEN`` or the cached login.
        private: create the repo as private when it does not exist yet.
    """
    from huggingface_hub import HfApi

    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"Evaluation folder {folder} does not exist.")
    api = HfApi(token=token)
    api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
    card = build_results_card(folder, repo_id, languages=languages)
    api.upload_file(
        path_or_fileobj=str(card).encode("utf-8"),
        path_in_repo="README.md",
        repo_id=repo_id,
        repo_type="dataset",
        revision=revision,
        commit_message="Add dataset card",
    )
    info = api.upload_folder(
        folder_path=str(folder),
        repo_id=repo_id,
        repo_type="dataset",
        revision=revision,
        allow_patterns=list(_RESULT_PATTERNS) + [f"**/{p}" for p in _RESULT_PATTERNS],
        ignore_patterns=["README.md"],
        commit_message=commit_message,
    )
    logger.info("Pushed %s to %s", folder, repo_id)
    return str(getattr(info, "commit_url", info))

"""The Space's Leaderboard tab: the tables and charts of ``llmzoo eval run`` results, and the arena's votes.

Results come from local folders or Hub dataset ids (pushed with ``llmzoo eval push``), listed in
``LLMZOO_RESULTS`` (comma-separated) or passed in. The judge tables of every run are stacked with a ``Run`` column;
the human-evaluation table tallies the arena votes the Space itself records, and the Refresh button re-reads all
of it. gradio is imported only by :func:`leaderboard_tab`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .results import (
    RunResults,
    Table,
    human_table,
    load_results,
    mcq_table,
    ordering_table,
    ratio_table,
    win_tie_lose_table,
)

logger = logging.getLogger(__name__)

RESULTS_ENV = "LLMZOO_RESULTS"


@dataclass
class LeaderboardData:
    """Everything the tab shows: stacked tables, charts (PNG paths with captions) and the sources that failed."""

    ratio: Table
    win_tie_lose: Table
    ordering: Table
    mcq: Table
    human: Table
    charts: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def sources_from_env(environ: dict[str, str] | None = None) -> list[str]:
    """Return the result folders / dataset ids listed in ``LLMZOO_RESULTS`` (comma-separated)."""
    env = os.environ if environ is None else environ
    return [s.strip() for s in (env.get(RESULTS_ENV) or "").split(",") if s.strip()]


def resolve_source(source: str, *, token: str | None = None) -> Path:
    """Return a local results folder: ``source`` itself, or a snapshot of the Hub dataset ``source``."""
    if Path(source).expanduser().is_dir():
        return Path(source).expanduser()
    if source.startswith(("/", ".", "~")) or source.count("/") != 1:
        raise FileNotFoundError(f"{source} is neither a results folder nor a Hub dataset id (owner/name).")
    from huggingface_hub import snapshot_download

    return Path(snapshot_download(source, repo_type="dataset", token=token))


def _stack(tables: list[tuple[str, list[list[str]]]], headers: list[str]) -> Table:
    """Put the rows of several runs under one header, with the run's name in a first ``Run`` column."""
    return ["Run", *headers], [[name, *row] for name, rows in tables for row in rows]


def _ratio_headers(runs: list[RunResults]) -> list[str]:
    headers = ["Model"]
    for run in runs:
        headers += [h for h in ratio_table(run)[0][1:] if h not in headers]
    return headers


def load_leaderboard(sources: list[str], *, votes_path: str | Path | None = None) -> LeaderboardData:
    """Read every source (a source that cannot be read is reported, not fatal) and build the tab's tables."""
    runs: list[RunResults] = []
    errors = []
    for source in sources:
        try:
            runs.append(load_results(resolve_source(source)))
        except (OSError, ValueError) as exc:  # one unreadable source is shown in the tab, the others still load
            logger.warning("Leaderboard: cannot read %s: %s", source, exc)
            errors.append(f"{source}: {exc}")
    try:
        human = human_table([votes_path] if votes_path else [])
    except (OSError, ValueError) as exc:  # a bad vote row is named in the tab; the judge tables still show
        errors.append(f"{votes_path}: {exc}")
        human = human_table([])
    empty = RunResults(Path("."), {}, [])
    ratio_headers = _ratio_headers(runs)

    def stacked(make) -> Table:
        return _stack([(r.name, make(r)[1]) for r in runs], make(empty)[0])

    charts = [
        (path, f"{run.name}: {kind.replace('_', ' / ')}")
        for run in runs
        for kind in ("ratio", "win_tie_lose", "mcq")
        if (path := run.chart(kind)) is not None
    ]
    return LeaderboardData(
        ratio=_stack([(r.name, _align(ratio_table(r), ratio_headers)) for r in runs], ratio_headers),
        win_tie_lose=stacked(win_tie_lose_table),
        ordering=stacked(ordering_table),
        mcq=stacked(mcq_table),
        human=human,
        charts=charts,
        errors=errors,
    )


def _align(table: Table, headers: list[str]) -> list[list[str]]:
    index = {h: i for i, h in enumerate(table[0])}
    return [[row[index[h]] if h in index else "–" for h in headers] for row in table[1]]


def _frame(table: Table):
    import pandas as pd

    headers, rows = table
    return pd.DataFrame(rows, columns=headers)


def leaderboard_tab(*, sources: list[str] | None = None, votes_path: str | Path | None = None) -> None:
    """Add the Leaderboard tab to the ``gr.Blocks`` being built (call it inside ``with gr.Blocks():``).

    Args:
        sources: result folders or Hub dataset ids (default: ``LLMZOO_RESULTS``).
        votes_path: the arena's vote file, tallied as the human-evaluation table.
    """
    import gradio as gr
    from PIL import Image

    sources = sources_from_env() if sources is None else sources

    def gather() -> tuple[Any, ...]:
        data = load_leaderboard(sources, votes_path=votes_path)
        status = f"{len(sources)} result source(s): {', '.join(sources) or 'none (set LLMZOO_RESULTS)'}."
        if data.errors:
            status += "\n\nCould not read: " + "; ".join(data.errors)
        # PIL images rather than paths: gradio serves files only from allowed folders, and results may sit anywhere.
        gallery = [(Image.open(path).copy(), caption) for path, caption in data.charts]
        frames = [_frame(t) for t in (data.ratio, data.win_tie_lose, data.ordering, data.mcq, data.human)]
        return (status, *frames, gallery)

    initial = gather()
    with gr.Tab("Leaderboard", id="leaderboard"):
        status = gr.Markdown(initial[0], elem_id="leaderboard-status")
        gr.Markdown(
            "### Judge score as a percentage of the reference's\nLLM Zoo's ratio: a model's judge scores (rank r "
            "scores 10/r) summed over the reference's, per question set and dimension."
        )
        ratio = gr.Dataframe(initial[1], elem_id="leaderboard-ratio", interactive=False, wrap=True)
        gr.Markdown("### Win / tie / lose against the reference (judge)")
        win_tie_lose = gr.Dataframe(initial[2], elem_id="leaderboard-win-tie-lose", interactive=False)
        gr.Markdown("### Human evaluation (arena votes)")
        human = gr.Dataframe(initial[5], elem_id="leaderboard-human", interactive=False)
        with gr.Accordion("Ordering (mean rank) and medical MCQ accuracy", open=False):
            ordering = gr.Dataframe(initial[3], elem_id="leaderboard-ordering", interactive=False)
            mcq = gr.Dataframe(initial[4], elem_id="leaderboard-mcq", interactive=False)
        charts = gr.Gallery(initial[6], label="Charts", elem_id="leaderboard-charts", columns=3, height="auto")
        refresh = gr.Button("Refresh", elem_id="leaderboard-refresh")
        refresh.click(gather, None, [status, ratio, win_tie_lose, ordering, mcq, human, charts])

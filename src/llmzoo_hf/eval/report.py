"""One Markdown table and one PNG bar chart across dimensions and languages, plus human win/tie/lose tallies.

Each metric file gives one column. With a reference (LLM Zoo's main layout) a cell is the "model vs reference"
ratio ``score.%model`` as a percentage, as LLM Zoo published it (e.g. Phoenix-inst-chat-7b 85.2 % of ChatGPT in
Chinese); without one (``--no-reference`` metrics) it is the mean score (10 / rank). With judge repeats the cell
adds ``± std`` from the metric file's ``*.summary.json`` side-car.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError
from ._io import write_text_atomic
from .human import PairTally, format_human_table, tally_votes

logger = logging.getLogger(__name__)


@dataclass
class MetricColumn:
    """One metric file: its label (e.g. ``zh/general``), table, and side-car summary (if any)."""

    label: str
    path: Path
    table: dict[str, Any]
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def has_reference(self) -> bool:
        """Whether the table compares models with a reference (``winning`` entries)."""
        return any(isinstance(v, dict) and "winning" in v for v in self.table.values())

    def value(self, model: str) -> tuple[float | None, float | None]:
        """Return the cell value of ``model`` (ratio in %, or mean score) and its spread over repeats."""
        entry = self.table.get(model)
        std_table = self.summary.get("std") or {}
        std_entry = std_table.get(model) or {}
        if entry is None:
            return None, None
        if self.has_reference:
            ratio = entry["score"]["%model"]
            std = (std_entry.get("score") or {}).get("%model")
            return (None if ratio is None else 100 * ratio), (None if std is None else 100 * std)
        score = entry["score"]
        return score, std_entry.get("score") if isinstance(std_entry, dict) else None


def summary_path(metric_path: str | Path) -> Path:
    """Return the side-car summary path of a metric file (``metric.json`` → ``metric.summary.json``)."""
    metric_path = Path(metric_path)
    return metric_path.with_name(metric_path.stem + ".summary.json")


def collect_metric_columns(specs: list[str]) -> list[MetricColumn]:
    """Read metric files given as ``LABEL=PATH``, a file path, or a folder searched for ``metric.json`` files.

    A folder laid out like LLM Zoo's ``review_output/<lang>/<dimension>/metric.json`` gives labels ``lang/dimension``.
    """
    found: list[tuple[str, Path]] = []
    for spec in specs:
        label, _, raw = spec.rpartition("=") if "=" in spec else ("", "", spec)
        path = Path(raw)
        if path.is_dir():
            for metric in sorted(path.rglob("metric.json")):
                rel = metric.parent.relative_to(path).as_posix()
                found.append((f"{label}/{rel}".strip("/") if label else (rel if rel != "." else path.name), metric))
        elif path.is_file():
            found.append((label or path.parent.name or path.stem, path))
        else:
            raise FileNotFoundError(f"Metric file or folder {path} does not exist.")
    if not found:
        raise DataError(f"No metric.json found in {specs}.")
    columns = []
    for label, path in found:
        try:
            table = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}: not valid JSON ({exc.msg}).") from exc
        side = summary_path(path)
        summary = json.loads(side.read_text(encoding="utf-8")) if side.is_file() else {}
        columns.append(MetricColumn(label, path, table, summary))
    return columns


def _fmt(value: float | None, std: float | None, *, percent: bool) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}%" if percent else f"{value:.2f}"
    if std:
        text += f" ± {std:.1f}" if percent else f" ± {std:.2f}"
    return text


def format_metric_table(columns: list[MetricColumn]) -> str:
    """Return the Markdown table: one row per model, one column per metric file."""
    models: list[str] = []
    for column in columns:
        models += [m for m in column.table if m not in models]
    header = "| Model | " + " | ".join(c.label for c in columns) + " |"
    lines = [header, "|---|" + "---|" * len(columns)]
    for model in models:
        cells = [_fmt(*c.value(model), percent=c.has_reference) for c in columns]
        lines.append(f"| {model} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _judge_lines(columns: list[MetricColumn]) -> list[str]:
    lines = []
    for column in columns:
        judge = column.summary.get("judge") or {}
        if not judge and "repeats" not in column.summary:
            continue
        parts = [
            f"{k}={judge[k]}"
            for k in ("judge_model", "judge_endpoint", "temperature", "seed", "prompt_version")
            if k in judge
        ]
        if column.summary.get("repeats"):
            parts.append(f"repeats={column.summary['repeats']}")
        if "unparsable" in column.summary:
            parts.append(f"unparsable={column.summary['unparsable']}")
        if column.summary.get("reference"):
            parts.append(f"reference={column.summary['reference']}")
        bias = column.summary.get("position_bias") or {}
        if bias.get("reviews"):
            parts.append(
                f"position bias: answer shown first ranked best in {bias['first_shown_best_rate']:.0%} of "
                f"{bias['reviews']} reviews, mean rank by position {bias['mean_rank_by_position']}"
                + (
                    f", same ranks across repeats {bias['consistency']:.0%}"
                    if bias.get("consistency") is not None
                    else ""
                )
            )
        lines.append(f"- **{column.label}**: " + ", ".join(parts))
    return lines


def plot_metric_chart(columns: list[MetricColumn], path: str | Path) -> Path:
    """Save a grouped bar chart (one group per column, one bar per model) as PNG with matplotlib's Agg backend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    models: list[str] = []
    for column in columns:
        models += [m for m in column.table if m not in models]
    percent = all(c.has_reference for c in columns)
    width = 0.8 / max(1, len(models))
    fig, ax = plt.subplots(figsize=(max(6, 1.2 * len(columns) * max(1, len(models)) / 2 + 2), 4.5))
    for i, model in enumerate(models):
        values, errors = [], []
        for column in columns:
            value, std = column.value(model)
            values.append(value or 0.0)
            errors.append(std or 0.0)
        xs = [x + i * width - 0.4 + width / 2 for x in range(len(columns))]
        ax.bar(xs, values, width, yerr=errors if any(errors) else None, label=model, capsize=3)
    ax.set_xticks(range(len(columns)), [c.label for c in columns], rotation=30, ha="right")
    if percent:
        ax.axhline(100, color="grey", linewidth=0.8, linestyle="--")
        ax.set_ylabel("% of the reference's score")
        ax.set_title("Model vs reference (judge score ratio)")
    else:
        ax.set_ylabel("mean score (10 / rank)")
        ax.set_title("Mean judge score")
    ax.legend(fontsize="small")
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.tmp.png")
    fig.savefig(tmp, dpi=120)
    plt.close(fig)
    tmp.replace(path)
    return path


@dataclass
class Report:
    """A rendered report: Markdown text, the chart path (if drawn) and the human tallies."""

    markdown: str
    chart_path: Path | None
    columns: list[MetricColumn]
    human: list[PairTally]


def build_report(
    metric_specs: list[str],
    *,
    human_paths: list[str | Path] | None = None,
    human_by_lang: bool = False,
    output_path: str | Path | None = None,
    chart_path: str | Path | None = None,
    title: str = "LLM Zoo evaluation",
) -> Report:
    """Build the evaluation report (Markdown table + PNG chart + human tallies) and write it if asked.

    Args:
        metric_specs: metric files or folders (``LABEL=PATH`` sets a column label).
        human_paths: CSV/JSON/JSONL votes or tallies (e.g. the Space's arena votes).
        human_by_lang: split the human tallies by language.
        output_path: where to write the Markdown (atomically); ``None`` writes nothing.
        chart_path: where to save the PNG chart; ``None`` skips it.
    """
    columns = collect_metric_columns(metric_specs) if metric_specs else []
    human = tally_votes(list(human_paths or []), by_lang=human_by_lang) if human_paths else []
    if not columns and not human:
        raise DataError("Nothing to report: give metric files and/or human-evaluation files.")
    parts = [f"# {title}", ""]
    if columns:
        reference = next((c.summary.get("reference") for c in columns if c.summary.get("reference")), None)
        if all(c.has_reference for c in columns):
            ref = f" ({reference})" if reference else ""
            parts.append(f"Judge score of each model as a percentage of the reference's{ref} (LLM Zoo's ratio).")
        else:
            parts.append("Mean judge score per model (10 / rank).")
        parts += ["", format_metric_table(columns), ""]
        judge_lines = _judge_lines(columns)
        if judge_lines:
            parts += ["Judge settings:", "", *judge_lines, ""]
    chart = None
    if columns and chart_path is not None:
        chart = plot_metric_chart(columns, chart_path)
        parts += [f"![Model vs reference]({Path(chart).name})", ""]
    if human:
        parts += ["## Human evaluation", "", format_human_table(human), ""]
    markdown = "\n".join(parts)
    if output_path is not None:
        write_text_atomic(output_path, markdown)
    return Report(markdown, chart, columns, human)

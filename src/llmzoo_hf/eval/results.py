"""Read a results folder of ``llmzoo eval run`` back: tables, charts and ``report.md`` (the Space's Leaderboard too).

Tables are ``(headers, rows)`` of strings so that the same rows become Markdown in ``report.md`` and a dataframe in
the Space: the judge score ratio to the reference per set and dimension, win/tie/lose against the reference, the
ordering (mean rank), MCQ accuracy per language and source, and the human (arena) tallies.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError
from ._io import write_text_atomic
from .report import MetricColumn, _fmt, collect_metric_columns

logger = logging.getLogger(__name__)

Table = tuple[list[str], list[list[str]]]
CHARTS = {"ratio": "charts/ratio.png", "win_tie_lose": "charts/win_tie_lose.png", "mcq": "charts/mcq.png"}


@dataclass
class RunResults:
    """What one results folder holds: run.json, one metric column per ``<set>/<dimension>``, MCQ results."""

    folder: Path
    run: dict[str, Any]
    columns: list[MetricColumn]
    mcq: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The run's label: the recipe's report title and folder name."""
        return self.run.get("name") or self.folder.name

    @property
    def reference(self) -> str | None:
        """The reference contestant (the first one of the recipe)."""
        contestants = (self.run.get("recipe") or {}).get("contestants") or []
        return contestants[0]["name"] if contestants else None

    def chart(self, kind: str) -> Path | None:
        """Return the path of a chart (``ratio``, ``win_tie_lose``, ``mcq``) if the run drew it."""
        path = self.folder / CHARTS[kind]
        return path if path.is_file() else None


def load_results(folder: str | Path) -> RunResults:
    """Read a results folder written by :func:`llmzoo_hf.eval.run.run_eval`.

    Raises:
        FileNotFoundError: the folder or its run.json is missing.
        DataError: a JSON file in it cannot be read.
    """
    folder = Path(folder)
    run_file = folder / "run.json"
    if not run_file.is_file():
        raise FileNotFoundError(f"{folder} has no run.json: not a results folder of `llmzoo eval run`.")
    try:
        run = json.loads(run_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{run_file}: not valid JSON ({exc.msg}).") from exc
    reviews = folder / "reviews"
    columns = collect_metric_columns([str(reviews)]) if any(reviews.rglob("metric.json")) else []
    mcq = {}
    for path in sorted((folder / "mcq").glob("*.json")):
        try:
            mcq[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}: not valid JSON ({exc.msg}).") from exc
    order = [c["name"] for c in (run.get("recipe") or {}).get("contestants", [])]
    mcq = dict(sorted(mcq.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))
    return RunResults(folder, run, columns, mcq)


def _models(columns: list[MetricColumn]) -> list[str]:
    models: list[str] = []
    for column in columns:
        models += [m for m in column.table if m not in models]
    return models


def ratio_table(results: RunResults) -> Table:
    """Return score ratio to the reference (%) per model (rows) and ``<set>/<dimension>`` (columns)."""
    headers = ["Model", *(c.label for c in results.columns)]
    rows = [
        [model, *(_fmt(*c.value(model), percent=c.has_reference) for c in results.columns)]
        for model in _models(results.columns)
    ]
    return headers, rows


def win_tie_lose_table(results: RunResults) -> Table:
    """Return the judge's win/tie/lose counts of each model against the reference, per set and dimension."""
    headers = ["Model", "Set/dimension", "Win", "Tie", "Lose", "Win rate"]
    rows = []
    for column in results.columns:
        for model, entry in column.table.items():
            winning = entry.get("winning") if isinstance(entry, dict) else None
            if not winning:
                continue
            lose = next(v for k, v in winning.items() if k not in ("tie", "model", "%model"))
            rows.append(
                [model, column.label, _count(winning["model"]), _count(winning["tie"]), _count(lose)]
                + [f"{100 * winning['%model']:.1f}%"]
            )
    return headers, rows


def _count(value: float) -> str:
    # a mean over judge repeats can be fractional; a single repeat gives whole counts
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def ordering_table(results: RunResults) -> Table:
    """Return the ordering tables (LLM Zoo's ordering.txt): rank and mean rank per set/dimension and model."""
    headers = ["Set/dimension", "Rank", "Model", "Mean rank"]
    rows = []
    for column in results.columns:
        path = column.path.with_name("ordering.txt")
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            model, value, rank = line[:30].strip(), line[30:60].strip(), line[60:].strip()
            rows.append([column.label, rank, model, f"{float(value):.3f}"])
    return headers, rows


def mcq_table(results: RunResults) -> Table:
    """Return MCQ accuracy (%) per contestant, method, language and source."""
    headers = ["Model", "Method", "Lang", "Source", "N", "Accuracy"]
    rows = []
    for model, payload in results.mcq.items():
        counts: dict[tuple[str, str], int] = {}
        for item in payload.get("items", []):
            counts[(item["lang"], item["source"])] = counts.get((item["lang"], item["source"]), 0) + 1
        for method, accuracy in payload.get("accuracy", {}).items():
            for lang, sources in sorted(accuracy["by_source"].items()):
                for source, value in sorted(sources.items()):
                    rows.append(
                        [model, method, lang, source, str(counts.get((lang, source), 0)), f"{100 * value:.1f}"]
                    )
                n = sum(c for (item_lang, _), c in counts.items() if item_lang == lang)
                rows.append([model, method, lang, "all", str(n), f"{100 * accuracy['by_lang'][lang]:.1f}"])
    return headers, rows


def human_table(paths: list[str | Path]) -> Table:
    """Return the human (arena) win/tie/lose tallies of every model pair in ``paths`` (missing files are none)."""
    from .human import tally_votes

    existing = [p for p in paths if Path(p).is_file()]
    headers = ["Model A", "Model B", "Win", "Tie", "Lose", "Win rate"]
    rows = []
    for t in tally_votes(existing) if existing else []:
        rate = f"{t.win / t.total:.1%}" if t.total else "n/a"
        rows.append([t.model_a, t.model_b, str(t.win), str(t.tie), str(t.lose), rate])
    return headers, rows


def markdown_table(table: Table) -> str:
    """Render ``(headers, rows)`` as a Markdown table."""
    headers, rows = table
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------- charts


def _save(fig, path: Path) -> Path:
    import matplotlib.pyplot as plt

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.tmp.png")
    fig.tight_layout()
    fig.savefig(tmp, dpi=110)
    plt.close(fig)
    tmp.replace(path)
    return path


def plot_win_tie_lose(results: RunResults, path: str | Path) -> Path | None:
    """Draw stacked horizontal win/tie/lose bars (model vs the reference) per set and dimension; None if empty."""
    _, rows = win_tie_lose_table(results)
    if not rows:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [f"{model} · {label}" for model, label, *_ in rows]
    win, tie, lose = ([float(row[i]) for row in rows] for i in (2, 3, 4))
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(rows) + 1.5))
    ax.barh(labels, win, color="#2e7d32", label="win")
    ax.barh(labels, tie, left=win, color="#9e9e9e", label="tie")
    ax.barh(labels, lose, left=[w + t for w, t in zip(win, tie, strict=True)], color="#c62828", label="lose")
    ax.invert_yaxis()
    ax.set_xlabel(f"questions (judge verdicts against {results.reference or 'the reference'})")
    ax.set_title("Win / tie / lose against the reference")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _save(fig, Path(path))


def plot_mcq(results: RunResults, path: str | Path) -> Path | None:
    """Draw MCQ accuracy per language/source (groups) and contestant (bars), first method only; None if empty."""
    if not results.mcq:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups: list[str] = []
    values: dict[str, dict[str, float]] = {}
    for model, payload in results.mcq.items():
        accuracy = next(iter(payload.get("accuracy", {}).values()), None)
        if accuracy is None:
            continue
        for lang, sources in sorted(accuracy["by_source"].items()):
            for source, value in sorted(sources.items()):
                group = f"{lang}/{source}"
                groups += [group] if group not in groups else []
                values.setdefault(model, {})[group] = 100 * value
    width = 0.8 / max(1, len(values))
    fig, ax = plt.subplots(figsize=(max(6, 0.9 * len(groups) + 2), 4.5))
    for i, (model, by_group) in enumerate(values.items()):
        xs = [x + i * width - 0.4 + width / 2 for x in range(len(groups))]
        ax.bar(xs, [by_group.get(g, 0.0) for g in groups], width, label=model)
    ax.set_xticks(range(len(groups)), groups, rotation=30, ha="right")
    ax.set_ylabel("accuracy (%)")
    ax.set_ylim(0, 100)
    ax.set_title("Medical MCQ accuracy per language and source")
    ax.legend(fontsize="small")
    return _save(fig, Path(path))


def write_report(results: RunResults, *, title: str, note: str | None, human_paths: list[str | Path]) -> Path:
    """Draw the charts and write ``report.md`` of a results folder; return its path."""
    from .report import plot_metric_chart

    folder = results.folder
    run = results.run
    parts = [f"# {title}", ""]
    if note:
        parts += [f"> **Note.** {note.strip()}", ""]
    recipe = run.get("recipe") or {}
    contestants = ", ".join(f"`{c['name']}`" for c in recipe.get("contestants", []))
    parts += [
        f"Contestants: {contestants} (the first is the reference of every ratio).",
        f"Question sets: {', '.join(run.get('question_sets', [])) or 'none'}; dimensions: "
        f"{', '.join(recipe.get('dimensions', [])) if run.get('question_sets') else 'none'}.",
    ]
    judge = run.get("judge") or {}
    if judge:
        # run.json files written before the judge's `endpoint` became `base_url` keep the old key.
        shown = {**judge, "endpoint": judge.get("base_url", judge.get("endpoint"))}
        parts.append(
            "Judge: "
            + ", ".join(
                f"{k}={shown[k]}"
                for k in ("model", "endpoint", "serve_model", "temperature", "seed")
                if shown.get(k) not in (None, "")
            )
            + f", repeats={judge.get('repeats', 1)}, shuffle={judge.get('shuffle')}, swap={judge.get('swap')}."
        )
    parts.append("")
    if results.columns:
        parts += [
            "## Judge score as a percentage of the reference's",
            "",
            "LLM Zoo's ratio: the sum of a model's judge scores (rank r scores 10/r) over the reference's, per "
            "question set and dimension (coding and math left out).",
            "",
            markdown_table(ratio_table(results)),
            "",
        ]
        chart = plot_metric_chart(results.columns, folder / CHARTS["ratio"])
        parts += [f"![Ratio to the reference]({chart.relative_to(folder).as_posix()})", ""]
        wtl = win_tie_lose_table(results)
        if wtl[1]:
            parts += ["## Win / tie / lose against the reference", "", markdown_table(wtl), ""]
            chart = plot_win_tie_lose(results, folder / CHARTS["win_tie_lose"])
            parts += [f"![Win / tie / lose]({chart.relative_to(folder).as_posix()})", ""]
        ordering = ordering_table(results)
        if ordering[1]:
            parts += ["## Ordering (mean rank, ties share a rank)", "", markdown_table(ordering), ""]
        unparsable = {
            c.label: c.summary.get("unparsable") for c in results.columns if any(c.summary.get("unparsable") or [])
        }
        if unparsable:
            parts += [
                "Reviews whose ordering could not be parsed add nothing to the sums: "
                + "; ".join(f"{label}: {counts}" for label, counts in unparsable.items())
                + ".",
                "",
            ]
    if results.mcq:
        parts += ["## Medical MCQ accuracy (%)", "", markdown_table(mcq_table(results)), ""]
        chart = plot_mcq(results, folder / CHARTS["mcq"])
        if chart is not None:
            parts += [f"![MCQ accuracy]({chart.relative_to(folder).as_posix()})", ""]
    human = human_table(human_paths)
    if human[1]:
        parts += ["## Human evaluation (arena votes)", "", markdown_table(human), ""]
    timings = run.get("timings_s") or {}
    if timings:
        parts += ["Timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()) + ".", ""]
    return write_text_atomic(folder / "report.md", "\n".join(parts))

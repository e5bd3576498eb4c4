"""LLM Zoo's metric tables from judge reviews, with the same formulas so published review files give the same numbers.

For each question of the question file (coding and math left out; Q = how many are left) and its review:

- order mode: a rank ``r`` scores ``10 / r``; the first model of the reviews is the reference (e.g. ChatGPT) and each
  other model gets ``winning`` counts against it (lower rank wins), the mean rank (``order``) and the mean score
  (``score``) of both, ``%model = model wins / Q`` and ``score %model = model total / reference total``;
- score mode: the judge's scores are summed instead and the higher score wins;
- a review holding any ``-1`` (unparsable) adds nothing to any sum, but its question still counts in Q.

With ``reference=False`` every model is listed side by side: ``{model: {"order": mean rank, "score": mean 10/r}}``.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError
from .questions import EXCLUDED_CATEGORIES, Question

logger = logging.getLogger(__name__)

MAX_SCORE_ORDER = 10  # rank 1 scores 10, rank 2 5, rank 4 2.5 (10 / rank), as in LLM Zoo


@dataclass
class OrderingRow:
    """One row of the ordering table: mean rank (or mean score in score mode) and the rank it gives."""

    model: str
    value: float
    rank: int


@dataclass
class MetricsResult:
    """The metric table in LLM Zoo's layout plus what went into it."""

    table: dict[str, Any]
    ordering: list[OrderingRow]
    mode: str
    reference: str | None
    n_questions: int
    n_skipped: int
    n_unparsable: int
    n_missing: int
    model_ids: list[str] = field(default_factory=list)

    @property
    def n_counted(self) -> int:
        """Q: the questions left after dropping coding and math."""
        return self.n_questions - self.n_skipped


def detect_mode(reviews: list[dict[str, Any]]) -> str:
    """Return ``order`` or ``score`` depending on which key the reviews carry."""
    for review in reviews:
        if "order" in review:
            return "order"
        if "score" in review:
            return "score"
    raise DataError("The reviews carry neither an 'order' nor a 'score' list.")


def _index_reviews(reviews: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    by_question: dict[int, dict[str, Any]] = {}
    for review in reviews:  # the last review of a question wins, as when LLM Zoo keys its file by question_id
        by_question[review["question_id"]] = review
    return by_question


def _competition_ranks(values: list[float], *, higher_is_better: bool) -> list[int]:
    ranks = []
    for value in values:
        better = sum(1 for v in values if (v > value if higher_is_better else v < value))
        ranks.append(better + 1)
    return ranks


@dataclass
class _Tally:
    """The sums LLM Zoo's table is made of, gathered over the questions of one set of reviews."""

    beat: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: {"ref": 0, "tie": 0, "model": 0})
    )
    order_sum: dict[str, float] = field(default_factory=lambda: defaultdict(int))
    score_sum: dict[str, float] = field(default_factory=lambda: defaultdict(int))
    n_skipped: int = 0
    n_unparsable: int = 0
    n_missing: int = 0


def _compared_models(questions: list[Question], by_question: dict[int, dict[str, Any]]) -> list[str]:
    """Return the model ids of the first review that belongs to a question (every review must list the same)."""
    first = next((by_question[q.question_id] for q in questions if q.question_id in by_question), None)
    if first is None:
        raise DataError("None of the reviews belongs to a question of the question file.")
    all_ids = list(first["metadata"]["model_ids"])
    if len(set(all_ids)) != len(all_ids):
        raise DataError(f"The reviews compare the same model twice: model_ids={all_ids}.")
    return all_ids


def _review_values(question: Question, review: dict[str, Any], all_ids: list[str], mode: str) -> list:
    """Return the review's ``order`` or ``score`` list, refusing one that compares other models."""
    if list(review["metadata"]["model_ids"]) != all_ids:
        raise DataError(
            f"Review of question {question.question_id} compares {review['metadata']['model_ids']}, "
            f"not {all_ids} like the others."
        )
    values = review.get(mode)
    if values is None or len(values) != len(all_ids):
        raise DataError(f"Review of question {question.question_id} has no {mode!r} list of {len(all_ids)} values.")
    return values


def _tally(
    questions: list[Question],
    by_question: dict[int, dict[str, Any]],
    all_ids: list[str],
    *,
    mode: str,
    reference: bool,
) -> _Tally:
    """Sum wins, ranks and scores over the questions, in question_id order as LLM Zoo does."""
    tally = _Tally()
    ref_id, model_ids = (all_ids[0], all_ids[1:]) if reference else (None, all_ids)
    for question in questions:
        review = by_question.get(question.question_id)
        category = review.get("category", question.category) if review else question.category
        if category in EXCLUDED_CATEGORIES:
            tally.n_skipped += 1
            continue
        if review is None:
            tally.n_missing += 1
            continue
        values = _review_values(question, review, all_ids, mode)
        if -1 in values:
            tally.n_unparsable += 1
            continue
        if mode == "order":
            points = [MAX_SCORE_ORDER / rank for rank in values]
        else:
            points = list(values)
        if reference:
            ref_value, model_values, model_points = values[0], values[1:], points[1:]
        else:
            ref_value, model_values, model_points = None, values, points
        for model_id, value, point in zip(model_ids, model_values, model_points, strict=True):
            if reference:
                ref_wins = ref_value < value if mode == "order" else ref_value > value
                model_wins = ref_value > value if mode == "order" else ref_value < value
                tally.beat[model_id]["ref" if ref_wins else "model" if model_wins else "tie"] += 1
            if mode == "order":
                tally.order_sum[model_id] += value
            tally.score_sum[model_id] += point
        if reference:
            if mode == "order":
                tally.order_sum[ref_id] += ref_value
            tally.score_sum[ref_id] += points[0]
    return tally


def _reference_entry(tally: _Tally, model_id: str, ref_id: str, ref_key: str, *, mode: str, q_count: int) -> dict:
    """Return one model's row of the main table: its wins, mean rank and mean score against the reference."""
    beat = tally.beat[model_id]
    entry: dict[str, Any] = {
        "winning": {
            ref_key: beat["ref"],
            "tie": beat["tie"],
            "model": beat["model"],
            "%model": beat["model"] / q_count,
        }
    }
    if mode == "order":
        entry["order"] = {ref_key: tally.order_sum[ref_id] / q_count, "model": tally.order_sum[model_id] / q_count}
    ratio = tally.score_sum[model_id] / tally.score_sum[ref_id] if tally.score_sum[ref_id] else None
    if ratio is None:
        logger.warning("The reference %s scored 0 in total; %%model of %s is null.", ref_id, model_id)
    entry["score"] = {
        ref_key: tally.score_sum[ref_id] / q_count,
        "model": tally.score_sum[model_id] / q_count,
        "%model": ratio,
    }
    return entry


def _ordering(tally: _Tally, all_ids: list[str], *, mode: str, q_count: int) -> list[OrderingRow]:
    """Rank every model by mean rank (order mode) or mean score (score mode), ties sharing a rank."""
    if mode == "order":
        means = {m: tally.order_sum[m] / q_count for m in all_ids}
    else:
        means = {m: tally.score_sum[m] / q_count for m in all_ids}
    higher_is_better = mode == "score"
    ordered = sorted(all_ids, key=lambda m: -means[m] if higher_is_better else means[m])
    ranks = _competition_ranks([means[m] for m in ordered], higher_is_better=higher_is_better)
    return [OrderingRow(m, means[m], rank) for m, rank in zip(ordered, ranks, strict=True)]


def compute_metrics(
    questions: list[Question],
    reviews: list[dict[str, Any]],
    *,
    reference: bool = True,
    reference_label: str | None = None,
    mode: str | None = None,
) -> MetricsResult:
    """Compute LLM Zoo's metric table from one set of reviews (one repeat).

    Args:
        questions: the question file's questions; Q is their number less the coding and math ones.
        reviews: review records (``order`` or ``score`` lists, ``metadata.model_ids``); one per question.
        reference: compare every model with the first one (LLM Zoo's main table); ``False`` lists them side by side.
        reference_label: key used for the reference inside the table (default: its model id; LLM Zoo's published
            files use ``"gpt3.5"``).
        mode: ``order`` or ``score``; by default read from the reviews.

    Raises:
        DataError: no reviews, inconsistent model lists, or no question left after dropping coding and math.
    """
    if not reviews:
        raise DataError("No reviews to compute metrics from.")
    mode = mode or detect_mode(reviews)
    by_question = _index_reviews(reviews)
    questions = sorted(questions, key=lambda q: q.question_id)  # LLM Zoo sums in question_id order
    all_ids = _compared_models(questions, by_question)
    ref_id, model_ids = (all_ids[0], all_ids[1:]) if reference else (None, all_ids)
    ref_key = reference_label or ref_id
    tally = _tally(questions, by_question, all_ids, mode=mode, reference=reference)

    q_count = len(questions) - tally.n_skipped
    if q_count <= 0:
        raise DataError("No question is left after leaving out coding and math; Q would be 0.")
    table: dict[str, Any] = {}
    for model_id in model_ids:
        if reference:
            table[model_id] = _reference_entry(tally, model_id, ref_id, ref_key, mode=mode, q_count=q_count)
        elif mode == "order":
            table[model_id] = {
                "order": tally.order_sum[model_id] / q_count,
                "score": tally.score_sum[model_id] / q_count,
            }
        else:
            table[model_id] = {"score": tally.score_sum[model_id] / q_count}

    ordering = _ordering(tally, all_ids, mode=mode, q_count=q_count)
    if tally.n_unparsable or tally.n_missing:
        logger.warning(
            "%d reviews could not be parsed and %d questions have no review; they add nothing (Q=%d).",
            tally.n_unparsable,
            tally.n_missing,
            q_count,
        )
    return MetricsResult(
        table,
        ordering,
        mode,
        ref_id,
        len(questions),
        tally.n_skipped,
        tally.n_unparsable,
        tally.n_missing,
        model_ids=all_ids,
    )


def format_ordering(rows: list[OrderingRow]) -> str:
    """Return the ordering table as LLM Zoo's ``ordering.txt`` (three 30-character columns)."""
    lines = [f"{'Model':<30}{'Ranking Score':<30}{'Rank':<30}"]
    lines += [f"{row.model:<30}{str(row.value):<30}{str(row.rank):<30}" for row in rows]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------- repeats


def split_repeats(reviews: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group review records by ``metadata.repeat`` (records without it form repeat 0), in repeat order."""
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for review in reviews:
        groups[int((review.get("metadata") or {}).get("repeat", 0))].append(review)
    return [groups[k] for k in sorted(groups)]


def _leaves(tables: list[Any], reducer):
    first = tables[0]
    if isinstance(first, dict):
        return {key: _leaves([t[key] for t in tables], reducer) for key in first}
    if any(v is None for v in tables):
        return None
    return reducer([float(v) for v in tables])


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _std(values: list[float]) -> float:
    if len(values) < 2:
        return 0.0
    mean = _mean(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))


@dataclass
class RepeatedMetrics:
    """Metrics over judge repeats: ``mean`` (LLM Zoo layout), ``std`` (same layout, sample std) and each repeat."""

    mean: dict[str, Any]
    std: dict[str, Any]
    per_repeat: list[MetricsResult]
    ordering: list[OrderingRow]

    @property
    def repeats(self) -> int:
        """How many repeats went into the mean."""
        return len(self.per_repeat)

    def summary(self) -> dict[str, Any]:
        """Return the side-car summary: counts, spread and each repeat's table."""
        first = self.per_repeat[0]
        return {
            "mode": first.mode,
            "reference": first.reference,
            "model_ids": first.model_ids,
            "questions": first.n_questions,
            "skipped_coding_math": first.n_skipped,
            "Q": first.n_counted,
            "unparsable": [r.n_unparsable for r in self.per_repeat],
            "missing": [r.n_missing for r in self.per_repeat],
            "repeats": self.repeats,
            "std": self.std,
            "per_repeat": [r.table for r in self.per_repeat],
        }


def compute_metrics_over_repeats(
    questions: list[Question],
    reviews: list[dict[str, Any]],
    *,
    reference: bool = True,
    reference_label: str | None = None,
    mode: str | None = None,
) -> RepeatedMetrics:
    """Compute the metrics for each judge repeat and their mean and spread.

    With a single repeat, ``mean`` is exactly :func:`compute_metrics`'s table (counts stay integers).
    """
    results = [
        compute_metrics(questions, group, reference=reference, reference_label=reference_label, mode=mode)
        for group in split_repeats(reviews)
    ]
    if len(results) == 1:
        only = results[0]
        return RepeatedMetrics(only.table, _leaves([only.table], lambda v: 0.0), results, only.ordering)
    tables = [r.table for r in results]
    mean = _leaves(tables, _mean)
    std = _leaves(tables, _std)
    mode = results[0].mode
    all_ids = results[0].model_ids
    means = {m: _mean([next(row.value for row in r.ordering if row.model == m) for r in results]) for m in all_ids}
    higher = mode == "score"
    ordered = sorted(all_ids, key=lambda m: -means[m] if higher else means[m])
    ranks = _competition_ranks([means[m] for m in ordered], higher_is_better=higher)
    return RepeatedMetrics(
        mean, std, results, [OrderingRow(m, means[m], k) for m, k in zip(ordered, ranks, strict=True)]
    )


def judge_info(reviews: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the judge settings recorded in the first review (model, endpoint, temperature, seed, prompt...)."""
    meta = (reviews[0].get("metadata") or {}) if reviews else {}
    keys = ("judge_model", "judge_endpoint", "temperature", "seed", "prompt_version", "dimension", "mode")
    info = {k: meta[k] for k in keys if k in meta}
    if reviews and "reviewer_id" in reviews[0]:
        info.setdefault("judge_model", reviews[0]["reviewer_id"])
    return info


def write_metric_files(
    questions: list[Question],
    reviews: list[dict[str, Any]],
    metric_path: str | Path,
    *,
    ordering_path: str | Path | None = None,
    reference: bool = True,
    reference_label: str | None = None,
) -> tuple[RepeatedMetrics, dict[str, Any]]:
    """Write ``metric.json`` (LLM Zoo's layout), its ``metric.summary.json`` side-car and the ordering table.

    The summary holds the counts, the spread over repeats, the judge settings and, when the answers were shown in
    varying orders (shuffle / swap), how much the judge favoured a position.

    Returns:
        The metrics and the summary written beside them.
    """
    from ._io import write_json_atomic, write_text_atomic
    from .report import summary_path

    result = compute_metrics_over_repeats(questions, reviews, reference=reference, reference_label=reference_label)
    write_json_atomic(metric_path, result.mean)
    summary = {**result.summary(), "judge": judge_info(reviews)}
    presented = [(r.get("metadata") or {}).get("presented_order") for r in reviews]
    if any(order and order != sorted(order) for order in presented):
        from .judge import position_bias

        summary["position_bias"] = position_bias(reviews)
    write_json_atomic(summary_path(metric_path), summary)
    if ordering_path is not None:
        write_text_atomic(ordering_path, format_ordering(result.ordering))
    return result, summary

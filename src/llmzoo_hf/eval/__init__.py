"""GPT-judge evaluation in LLM Zoo's layouts: answers, judge reviews, metric tables, reports, human tallies, MCQ.

Importing this package is cheap; torch, transformers, matplotlib and the openai SDK load only in the functions that use them.
"""

from __future__ import annotations

from .answers import answer_with_endpoint, answer_with_session
from .judge import JudgeSettings, parse_order, parse_scores, review_answers
from .mcq import evaluate_mcq, load_mcq
from .metrics import compute_metrics, compute_metrics_over_repeats, format_ordering
from .questions import load_questions
from .recipe import EvalRecipe, load_eval_recipe
from .report import build_report
from .run import run_eval

__all__ = [
    "EvalRecipe",
    "JudgeSettings",
    "answer_with_endpoint",
    "answer_with_session",
    "build_report",
    "compute_metrics",
    "compute_metrics_over_repeats",
    "evaluate_mcq",
    "format_ordering",
    "load_eval_recipe",
    "load_mcq",
    "load_questions",
    "parse_order",
    "parse_scores",
    "review_answers",
    "run_eval",
]

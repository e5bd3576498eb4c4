"""Load evaluation questions in LLM Zoo's two layouts and find the bundled sets under ``data/eval/``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError
from ._io import iter_jsonl

# LLM Zoo (after Vicuna) leaves these categories out of the judge-based metrics: a judge ranks their prose,
# not whether the program runs or the number is right.
EXCLUDED_CATEGORIES = frozenset({"coding", "math"})


@dataclass
class Question:
    """One evaluation question (LLM Zoo layout: ``question_id``, ``text``, ``category``, ``lang``, ``meta_data``)."""

    question_id: int
    text: str
    category: str = "generic"
    lang: str = "en"
    meta_data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the record in LLM Zoo's question layout."""
        return {
            "question_id": self.question_id,
            "text": self.text,
            "category": self.category,
            "lang": self.lang,
            "meta_data": self.meta_data,
        }


def _lang_from_filename(path: Path) -> str | None:
    # LLM Zoo names its multilingual files en100.jsonl, zh100.jsonl ...; ours are en.jsonl, zh.jsonl.
    match = re.fullmatch(r"([a-z]{2,3}(?:[-_][A-Za-z]+)?)\d*", path.stem)
    return match.group(1) if match else None


def load_questions(path: str | Path, *, lang: str | None = None) -> list[Question]:
    """Read a question file in either LLM Zoo layout.

    Args:
        path: a JSONL file of ``{"question_id", "text", "category", "lang", "meta_data"}`` records, or of the
            multilingual ``{"id", "label", "query"}`` records (one file per language).
        lang: language of a multilingual file; by default taken from the file name (``ja.jsonl``, ``ja100.jsonl``).

    Returns:
        The questions in file order.

    Raises:
        FileNotFoundError: no such file.
        DataError: a record has neither layout, a duplicate id, or an id that is not an integer.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"Question file {path} does not exist.")
    questions: list[Question] = []
    seen: dict[int, int] = {}
    for line_no, record in iter_jsonl(path):
        if "text" in record and "question_id" in record:
            qid, text = record["question_id"], record["text"]
            category = record.get("category") or "generic"
            q_lang = record.get("lang") or lang or _lang_from_filename(path) or "en"
            meta = record.get("meta_data") or {}
        elif "query" in record and "id" in record:
            qid, text = record["id"], record["query"]
            category = record.get("label") or "generic"
            q_lang = lang or record.get("lang") or _lang_from_filename(path)
            if q_lang is None:
                raise DataError(
                    f"{path}: cannot tell the language of this multilingual file from its name; pass lang=..."
                    " (`--lang` on the command line)."
                )
            meta = {}
        else:
            raise DataError(
                f"{path}:{line_no}: expected the keys question_id+text (LLM Zoo) or id+query+label (multilingual); "
                f"got {sorted(record)}."
            )
        if isinstance(qid, bool) or not isinstance(qid, int):
            raise DataError(f"{path}:{line_no}: the question id must be an integer, got {qid!r}.")
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{path}:{line_no}: question {qid} has an empty text.")
        if qid in seen:
            raise DataError(f"{path}:{line_no}: question id {qid} already used on line {seen[qid]}.")
        seen[qid] = line_no
        questions.append(Question(qid, text, str(category), str(q_lang), dict(meta)))
    if not questions:
        raise DataError(f"{path}: no questions in the file.")
    return questions


def scored_questions(questions: list[Question]) -> list[Question]:
    """Return the questions that count in the judge metrics (all but coding and math)."""
    return [q for q in questions if q.category not in EXCLUDED_CATEGORIES]


def bundled_questions_path(name: str = "general_en") -> Path:
    """Return the path of a bundled question set.

    Args:
        name: ``general_en``, ``general_zh``, ``multilingual/<lang>`` or ``mcq/<lang>``.
    """
    from .._resources import resource_path

    root = resource_path("data") / "eval"
    if name.startswith(("multilingual/", "mcq/")):
        path = root / f"{name}.jsonl"
    else:
        path = root / f"questions_{name}.jsonl"
    if not path.is_file():
        available = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.jsonl"))
        raise FileNotFoundError(f"No bundled question set {name!r} ({path}); available files: {available}.")
    return path

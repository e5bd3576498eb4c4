"""Human-evaluation tallies: win/tie/lose counts per model pair, from CSV/JSONL votes or tallies.

Two layouts are read, in CSV, JSON or JSONL:

- votes, as the Space's arena writes them: ``{"question", "model_a", "model_b", "answer_a", "answer_b",
  "winner": "model_a"|"model_b"|"tie", "lang", ...}``;
- tallies: ``{"model_a", "model_b", "win", "tie", "lose"}`` (counts from ``model_a``'s side).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataError
from ._io import iter_jsonl

_WINNER = {"model_a": "win", "a": "win", "model_b": "lose", "b": "lose", "tie": "tie", "both": "tie", "none": "tie"}


@dataclass
class PairTally:
    """Win/tie/lose counts of ``model_a`` against ``model_b`` (optionally for one language)."""

    model_a: str
    model_b: str
    win: int = 0
    tie: int = 0
    lose: int = 0
    lang: str | None = None

    @property
    def total(self) -> int:
        """Number of judgements."""
        return self.win + self.tie + self.lose

    def to_dict(self) -> dict[str, Any]:
        """Return the tally as a JSON-ready dict."""
        return {
            "model_a": self.model_a,
            "model_b": self.model_b,
            "lang": self.lang,
            "win": self.win,
            "tie": self.tie,
            "lose": self.lose,
        }


def read_rows(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """Return ``(row_number, record)`` pairs from a CSV, JSON (list) or JSONL file."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"Human-evaluation file {path} does not exist.")
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8") as handle:
            return [(i, dict(row)) for i, row in enumerate(csv.DictReader(handle), start=2)]
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise DataError(f"{path}: expected a JSON list of votes or tallies.")
        return list(enumerate(data, start=1))
    return list(iter_jsonl(path))


def _count(value: Any, path: Path, row: int, key: str) -> int:
    try:
        count = int(value)
    except (TypeError, ValueError) as exc:
        raise DataError(f"{path}:{row}: {key}={value!r} is not a whole number.") from exc
    if count < 0:
        raise DataError(f"{path}:{row}: {key}={count} is negative.")
    return count


def tally_votes(paths: list[str | Path], *, by_lang: bool = False) -> list[PairTally]:
    """Add up votes and tallies from ``paths`` into one :class:`PairTally` per model pair (and language).

    A pair is kept in the orientation it first appears in; votes for the reversed pair are flipped onto it.

    Raises:
        DataError: a row has neither layout, an unknown ``winner``, or a bad count (the file and row are named).
    """
    tallies: dict[tuple, PairTally] = {}
    for path in paths:
        path = Path(path)
        for row_no, row in read_rows(path):
            a, b = row.get("model_a"), row.get("model_b")
            if not a or not b:
                raise DataError(f"{path}:{row_no}: a vote or tally needs model_a and model_b; got {sorted(row)}.")
            if "winner" in row:
                outcome = _WINNER.get(str(row["winner"]).strip().lower())
                if outcome is None:
                    raise DataError(
                        f"{path}:{row_no}: winner={row['winner']!r}; expected 'model_a', 'model_b' or 'tie'."
                    )
                counts = {"win": 0, "tie": 0, "lose": 0, outcome: 1}
            elif all(k in row for k in ("win", "tie", "lose")):
                counts = {k: _count(row[k], path, row_no, k) for k in ("win", "tie", "lose")}
            else:
                raise DataError(f"{path}:{row_no}: expected a 'winner' (votes) or win/tie/lose counts (tallies).")
            lang = (row.get("lang") or None) if by_lang else None
            if (b, a, lang) in tallies and (a, b, lang) not in tallies:
                a, b = b, a
                counts = {"win": counts["lose"], "tie": counts["tie"], "lose": counts["win"]}
            tally = tallies.setdefault((a, b, lang), PairTally(a, b, lang=lang))
            tally.win += counts["win"]
            tally.tie += counts["tie"]
            tally.lose += counts["lose"]
    return list(tallies.values())


def format_human_table(tallies: list[PairTally]) -> str:
    """Return the tallies as a Markdown table (win/tie/lose of model A against model B, and A's win rate)."""
    with_lang = any(t.lang for t in tallies)
    header = "| Model A | Model B |" + (" Lang |" if with_lang else "") + " Win | Tie | Lose | Win rate |"
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for t in tallies:
        rate = f"{t.win / t.total:.1%}" if t.total else "n/a"
        lang = f" {t.lang or ''} |" if with_lang else ""
        lines.append(f"| {t.model_a} | {t.model_b} |{lang} {t.win} | {t.tie} | {t.lose} | {rate} |")
    return "\n".join(lines)

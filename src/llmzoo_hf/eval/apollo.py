"""Apollo's XMedBench protocol: the prompts, shots, answer extraction and Table 3 of FreedomIntelligence/Apollo.

The facts (wording per language, 4096-character limit, extraction rules, published scores) are data files beside
this module: ``apollo_protocol.yaml`` and ``apollo_table3.csv``. What we add:

- shots are drawn with a fixed seed (Apollo's scripts call ``random.sample`` unseeded, so its own shots are not
  reproducible); each item gets its own generator, seeded from (seed, language, source, index), so a shot set does
  not depend on which other items run;
- an item whose prompt is over the limit even without shots is kept and scored (Apollo's scripts drop it) and
  flagged ``over_limit`` in the results;
- the instruction names the item's last option letter ("A to E" for a five-option Chinese item).
"""

from __future__ import annotations

import csv
import fnmatch
import random
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._mcq_items import MCQItem, protocol_data

if TYPE_CHECKING:
    from ..chat import ChatSession

TABLE_FILE = Path(__file__).with_name("apollo_table3.csv")
_STRICT = re.compile(r"[（(]([A-Fa-f])[）)]")
_LOOSE = re.compile(r"[A-F]")


# --------------------------------------------------------------------------------------------- answer extraction


def first_line(reply: str) -> str:
    """Return the first line of ``reply`` that has any character (Apollo counts a line of spaces); else ``reply``."""
    return next((line for line in reply.split("\n") if line), reply)


def _most_frequent(letters: list[str]) -> str | None:
    if not letters:
        return None
    counts = Counter(letters)  # keeps first-seen order, so a tie goes to the letter seen first
    return max(counts, key=counts.__getitem__)


def extract_answer(reply: str) -> str | None:
    """Return the answer letter Apollo's scorer reads from a reply, or ``None``.

    From the first non-empty line: the most frequent ``(X)``/``（X）`` letter (A–F, either case; first seen on a
    tie), else the most frequent capital A–F anywhere in the line, else ``A`` for a line that is exactly "Yes."
    and ``B`` for "No.".
    """
    line = first_line(reply)
    letter = _most_frequent([m.upper() for m in _STRICT.findall(line)]) or _most_frequent(_LOOSE.findall(line))
    if letter is None:
        letter = {"Yes.": "A", "No.": "B"}.get(line)
    return letter


# --------------------------------------------------------------------------------------------- prompts


@dataclass(frozen=True)
class PromptTemplate:
    """One language's prompt wording (see ``apollo_protocol.yaml``)."""

    instruction: str
    question: str
    options: str
    answer: str
    context: str | None = None
    letter_names: dict[str, str] | None = None

    def render(self, item: MCQItem, *, eos: str | None = None) -> str:
        """Return the block for ``item``: the question up to ``Assistant:``, or a worked example when ``eos`` is set."""
        last = item.letters[-1]
        lines = ["User:" + self.instruction.format(last=(self.letter_names or {}).get(last, last))]
        if self.context is not None and item.context is not None:
            lines.append(f"{self.context}{item.context} ")
        lines += [self.question + item.question, self.options, item.options_raw]
        block = "\n".join(lines) + "\nAssistant:"
        if eos is None:
            return block
        return block + self.answer.format(answer=f"({item.answer})") + eos + "\n"


@lru_cache(maxsize=1)
def _templates() -> dict[str, PromptTemplate]:
    return {name: PromptTemplate(**fields) for name, fields in protocol_data()["templates"].items()}


def templates_for(item: MCQItem) -> tuple[PromptTemplate, PromptTemplate]:
    """Return the (shot, question) templates of ``item``: PubMedQA's for a record with context, else its language's."""
    templates = _templates()
    if item.context is not None:
        return templates["pubmedqa"], templates["pubmedqa"]
    names = protocol_data()["languages"].get(item.lang, protocol_data()["languages"]["en"])
    return templates[names["shots"]], templates[names["question"]]


def pick_shots(item: MCQItem, pool: list[MCQItem], k: int, *, seed: int) -> list[MCQItem]:
    """Return ``k`` worked examples from ``item``'s source, never the item itself (nor a copy of it), seeded.

    ``pool`` should hold the items of ``item``'s source (others are skipped): the draw visits random positions
    until ``k`` fit, so it costs O(k) per item rather than a pass over the pool.
    """
    rng = random.Random(f"{seed}/{item.lang}/{item.source}/{item.index}")
    picked: list[MCQItem] = []
    for position in _random_positions(rng, len(pool)):
        other = pool[position]
        if (
            other.source == item.source
            and other.lang == item.lang
            and other.key != item.key
            and (other.question, other.options_raw) != (item.question, item.options_raw)
        ):
            picked.append(other)
            if len(picked) == k:
                break
    return picked


def _random_positions(rng: random.Random, n: int):
    """Yield 0..n-1 in random order, lazily (a Fisher-Yates shuffle that stops when the caller does)."""
    moved: dict[int, int] = {}
    for i in range(n):
        j = rng.randrange(i, n)
        yield moved.get(j, j)
        moved[j] = moved.get(i, i)


@dataclass
class ApolloPrompt:
    """A prompt and what went into it."""

    text: str
    shots: list[MCQItem]
    over_limit: bool


def build_prompt(item: MCQItem, shots: list[MCQItem], *, eos: str, max_chars: int) -> ApolloPrompt:
    """Return the raw prompt: the shots that fit under ``max_chars`` characters, then the question.

    As in Apollo's scripts, each shot is taken only if the prompt stays under ``max_chars`` with it.
    """
    shot_template, question_template = templates_for(item)
    question = question_template.render(item)
    prefix, used = "", []
    for shot in shots:
        block = shot_template.render(shot, eos=eos)
        if len(prefix) + len(question) + len(block) < max_chars:
            prefix += block
            used.append(shot)
    text = prefix + question
    return ApolloPrompt(text, used, len(text) > max_chars)


# --------------------------------------------------------------------------------------------- generation


def generate_raw(
    session: ChatSession,
    prompts: list[str],
    *,
    max_new_tokens: int,
    min_new_tokens: int,
    stop_after_first_line: bool,
) -> list[str]:
    """Return greedy replies to raw prompts (no chat template), one left-padded batch.

    With ``stop_after_first_line`` a row stops once a non-empty line is complete: the extraction reads only that
    line, so the score is the same as with the full reply, at a fraction of the cost.
    """
    import torch
    from transformers import StoppingCriteria, StoppingCriteriaList

    from ..chat import eos_token_ids

    model, tokenizer = session.model, session.tokenizer
    tokenizer.padding_side = "left"
    # Special tokens added as Apollo's eval scripts do (a plain tokenizer call: BOS where the tokenizer has one).
    inputs = tokenizer(prompts, return_tensors="pt", padding=True).to(model.device)
    prompt_len = inputs["input_ids"].shape[1]
    finished_line = re.compile(r"[^\n]\n")

    class _FirstLineDone(StoppingCriteria):
        def __call__(self, input_ids, scores, **kwargs):
            texts = tokenizer.batch_decode(input_ids[:, prompt_len:], skip_special_tokens=True)
            return torch.tensor([bool(finished_line.search(t)) for t in texts], device=input_ids.device)

    eos_ids = eos_token_ids(model, tokenizer)
    with torch.inference_mode():
        output = model.generate(
            **inputs,
            do_sample=False,
            temperature=None,
            top_p=None,
            top_k=None,
            max_new_tokens=max_new_tokens,
            min_new_tokens=min_new_tokens,
            eos_token_id=sorted(eos_ids),
            pad_token_id=tokenizer.pad_token_id,
            stopping_criteria=StoppingCriteriaList([_FirstLineDone()]) if stop_after_first_line else None,
        )
    return tokenizer.batch_decode(output[:, prompt_len:], skip_special_tokens=True)


# --------------------------------------------------------------------------------------------- Table 3


@dataclass(frozen=True)
class TableColumn:
    """A column of Apollo's Table 3: its title, the source it scores and its key in ``apollo_table3.csv``."""

    title: str
    source: str
    published: str


def table_columns() -> list[TableColumn]:
    """Return Table 3's columns in order (Avg excluded)."""
    return [
        TableColumn(info["column"], source, info["published"])
        for source, info in protocol_data()["sources"].items()
        if "column" in info
    ]


def published_scores() -> dict[str, dict[str, float]]:
    """Return Apollo's Table 3: ``{model: {csv key: accuracy in %}}``."""
    with TABLE_FILE.open(encoding="utf-8", newline="") as handle:
        return {row.pop("model"): {k: float(v) for k, v in row.items()} for row in csv.DictReader(handle)}


def default_published() -> list[str]:
    """Return the Table 3 rows printed by default (patterns from ``apollo_protocol.yaml``)."""
    return list(protocol_data()["default_published"])


def select_published(patterns: list[str]) -> list[str]:
    """Return the Table 3 models matching shell-style ``patterns`` (e.g. ``Apollo-*``), in the table's order.

    Raises:
        ValueError: a pattern that matches no model (the message lists them).
    """
    models = list(published_scores())
    for pattern in patterns:
        if not fnmatch.filter(models, pattern):
            raise ValueError(f"No published model matches {pattern!r}; Apollo's Table 3 has {models}.")
    return [m for m in models if any(fnmatch.fnmatchcase(m, p) for p in patterns)]


def format_apollo_table(by_source: dict[str, float], *, model_name: str, published: list[str]) -> str:
    """Return a Markdown table in Table 3's layout: the ``published`` rows, then the user's model.

    Args:
        by_source: accuracy (0–1) per source; a Table 3 source missing from it shows "–".
        model_name: label of the user's row.
        published: Table 3 models to print above it (see :func:`select_published`).
    """
    columns = table_columns()
    lines = [
        "| Model | " + " | ".join(c.title for c in columns) + " | Avg |",
        "|---|" + "---:|" * (len(columns) + 1),
    ]
    scores = published_scores()
    for model in published:
        cells = [f"{scores[model][c.published]:.2f}" for c in columns] + [f"{scores[model]['avg']:.2f}"]
        lines.append(f"| {model} | " + " | ".join(cells) + " |")
    ours = [100 * by_source[c.source] if c.source in by_source else None for c in columns]
    present = [value for value in ours if value is not None]
    cells = ["–" if value is None else f"{value:.2f}" for value in ours]
    if not present:
        avg = "–"
    elif len(present) == len(columns):
        avg = f"{sum(present) / len(present):.2f}"
    else:  # Table 3's Avg is over all nine columns; say when ours is over fewer
        avg = f"{sum(present) / len(present):.2f} ({len(present)}/{len(columns)})"
    lines.append(f"| **{model_name}** | " + " | ".join(cells) + f" | {avg} |")
    return "\n".join(lines)


def rescore(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Re-read each row's ``generate_text`` with Apollo's rules; return rows with fresh ``generate_pred``/``_correct``.

    Apollo scores against the first correct letter, so ``"BCDE"`` counts only ``B``.
    """
    rescored = []
    for row in rows:
        pred = extract_answer(row["generate_text"])
        rescored.append({**row, "generate_pred": pred, "generate_correct": pred == row["answer"][0]})
    return rescored

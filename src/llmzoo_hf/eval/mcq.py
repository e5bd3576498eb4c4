"""Multilingual medical multiple-choice questions (XMedBench layout), scored two ways.

Layout, one file per language: ``{"question", "options": "(A) …\\n(B) …", "answer": "(B)", "source"}``.

- ``loglik``: the model reads the (few-shot) prompt ending in ``Answer:`` and the option whose letter gets the
  highest next-token log-probability is its choice (one forward pass per question);
- ``generate``: the model answers in its chat template (greedy) and the first option letter in its reply is its
  choice (no letter = wrong).

Accuracy is reported per language and per source within each language.
"""

from __future__ import annotations

import inspect
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._logging import progress
from ..errors import DataError
from ._io import iter_jsonl

if TYPE_CHECKING:
    from ..chat import ChatSession

logger = logging.getLogger(__name__)

METHODS = ("loglik", "generate")
INSTRUCTION = "The following are multiple choice questions about medicine. Choose the single correct option."
_OPTION_LINE = re.compile(r"^\(([A-Z])\)\s*(.*)$")


@dataclass
class MCQItem:
    """One multiple-choice question; ``answer`` is the correct letter (``"B"``)."""

    question: str
    options: list[tuple[str, str]]
    answer: str
    source: str
    lang: str
    index: int

    @property
    def letters(self) -> list[str]:
        """The option letters, in order."""
        return [letter for letter, _ in self.options]

    def options_text(self) -> str:
        """Return the options as ``(A) …`` lines."""
        return "\n".join(f"({letter}) {text}" for letter, text in self.options)


def parse_item(record: dict[str, Any], *, lang: str, index: int, where: str) -> MCQItem:
    """Validate one XMedBench record and return it as an :class:`MCQItem` (``where`` names it in errors)."""
    missing = [k for k in ("question", "options", "answer") if k not in record]
    if missing:
        raise DataError(f"{where}: MCQ record lacks {missing} (XMedBench layout: question, options, answer, source).")
    options = []
    for line in str(record["options"]).splitlines():
        if not line.strip():
            continue
        match = _OPTION_LINE.match(line.strip())
        if not match:
            raise DataError(f"{where}: option line {line!r} does not start with '(A) '…'(Z) '.")
        options.append((match.group(1), match.group(2)))
    if len(options) < 2:
        raise DataError(f"{where}: needs at least two options, got {len(options)}.")
    answer = str(record["answer"]).strip().strip("()").strip()
    if answer not in [letter for letter, _ in options]:
        raise DataError(
            f"{where}: answer {record['answer']!r} is not one of the options {[letter for letter, _ in options]}."
        )
    return MCQItem(str(record["question"]), options, answer, str(record.get("source") or "unknown"), lang, index)


def load_mcq(
    path_or_repo: str | Path,
    *,
    langs: list[str] | None = None,
    split: str = "test",
    revision: str | None = None,
) -> list[MCQItem]:
    """Load MCQ items from a ``<lang>.jsonl`` file, a folder of them, or a Hub dataset (one config per language).

    Args:
        path_or_repo: file, folder, or Hub dataset id (loaded with ``datasets.load_dataset(repo, lang)``).
        langs: languages to keep (folder/Hub); default all files in the folder. Required for a Hub dataset.
        split / revision: Hub dataset split and revision.

    Raises:
        DataError: a bad record (file and line named) or no items.
        FileNotFoundError: a requested language has no file in the folder.
    """
    path = Path(path_or_repo)
    items: list[MCQItem] = []
    if path.is_file() or path.is_dir():
        files = [path] if path.is_file() else sorted(path.glob("*.jsonl"))
        if path.is_dir() and langs:
            files = [path / f"{lang}.jsonl" for lang in langs]
            for f in files:
                if not f.is_file():
                    raise FileNotFoundError(f"No MCQ file for language {f.stem!r} in {path} (expected {f.name}).")
        for file in files:
            lang = re.sub(r"\d+$", "", file.stem)
            for index, (line_no, record) in enumerate(iter_jsonl(file)):
                items.append(parse_item(record, lang=lang, index=index, where=f"{file}:{line_no}"))
    else:
        if not langs:
            raise ValueError(f"{path_or_repo} is not a local file or folder; name the languages to load from the Hub.")
        from datasets import load_dataset

        for lang in langs:
            dataset = load_dataset(str(path_or_repo), lang, split=split, revision=revision)
            for index, record in enumerate(dataset):
                items.append(parse_item(record, lang=lang, index=index, where=f"{path_or_repo}[{lang}][{index}]"))
    if not items:
        raise DataError(f"No MCQ items found in {path_or_repo}.")
    return items


def few_shot_examples(item: MCQItem, pool: list[MCQItem], k: int) -> list[MCQItem]:
    """Return ``k`` worked examples for ``item``: the first items of its language, never the item itself."""
    same = [other for other in pool if other.lang == item.lang and other.index != item.index]
    return same[:k]


def format_prompt(item: MCQItem, shots: list[MCQItem]) -> str:
    """Return the plain-text prompt, ending in ``Answer:`` (shots show ``Answer: X``)."""
    blocks = [INSTRUCTION]
    for shot in shots:
        blocks.append(f"Question: {shot.question}\n{shot.options_text()}\nAnswer: {shot.answer}")
    blocks.append(f"Question: {item.question}\n{item.options_text()}\nAnswer:")
    return "\n\n".join(blocks)


def extract_letter(text: str, letters: list[str]) -> str | None:
    """Return the first option letter in a generated reply: ``(B)`` first, then a standalone ``B``; else ``None``."""
    allowed = "".join(letters)
    for pattern in (rf"\(([{allowed}])\)", rf"(?<![A-Za-z])([{allowed}])(?![A-Za-z])"):
        match = re.search(pattern, text)
        if match:
            return match.group(1)
    return None


@dataclass
class MCQResult:
    """Per-item results and accuracies (``accuracy[method]`` → overall, by_lang, by_source)."""

    items: list[dict[str, Any]]
    accuracy: dict[str, Any] = field(default_factory=dict)
    k_shot: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the results as a JSON-ready dict."""
        return {"k_shot": self.k_shot, "accuracy": self.accuracy, "items": self.items}


def accuracy_table(items: list[dict[str, Any]], methods: list[str]) -> dict[str, Any]:
    """Recount accuracies from per-item results: overall, per language and per source within each language."""
    result: dict[str, Any] = {}
    for method in methods:
        key = f"{method}_correct"
        by_lang: dict[str, list[bool]] = defaultdict(list)
        by_source: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
        for item in items:
            by_lang[item["lang"]].append(item[key])
            by_source[item["lang"]][item["source"]].append(item[key])
        everything = [item[key] for item in items]
        result[method] = {
            "overall": sum(everything) / len(everything) if everything else 0.0,
            "n": len(everything),
            "by_lang": {lang: sum(v) / len(v) for lang, v in by_lang.items()},
            "by_source": {lang: {s: sum(v) / len(v) for s, v in srcs.items()} for lang, srcs in by_source.items()},
        }
    return result


def _loglik_choices(session: ChatSession, prompts: list[str], letter_ids: list[list[int]]) -> list[list[float]]:
    import torch

    model, tokenizer = session.model, session.tokenizer
    tokenizer.padding_side = "left"
    inputs = tokenizer(prompts, return_tensors="pt", padding=True).to(model.device)
    kwargs = dict(inputs)
    if "position_ids" in inspect.signature(model.forward).parameters:
        # Left padding shifts the real tokens; give them positions that start at 0 as in an unpadded run.
        kwargs["position_ids"] = (inputs["attention_mask"].cumsum(-1) - 1).clamp(min=0)
    with torch.inference_mode():
        logits = model(**kwargs).logits[:, -1, :].float()
    logprobs = torch.log_softmax(logits, dim=-1)
    return [[logprobs[row, token].item() for token in ids] for row, ids in enumerate(letter_ids)]


def _letter_token(tokenizer, letter: str) -> int:
    # The prompt ends in "Answer:", so the natural next token is " B"; take its first token.
    ids = tokenizer(f" {letter}", add_special_tokens=False)["input_ids"]
    return ids[0]


def evaluate_mcq(
    session: ChatSession,
    items: list[MCQItem],
    *,
    methods: tuple[str, ...] = METHODS,
    k_shot: int = 0,
    batch_size: int = 8,
    max_new_tokens: int = 16,
) -> MCQResult:
    """Score ``items`` with a local model by log-likelihood and/or generation + letter extraction.

    Args:
        session: a chat session (model, tokenizer and chat template) from :func:`llmzoo_hf.load_chat`.
        methods: ``loglik`` and/or ``generate``.
        k_shot: worked examples from the same language put before each question.
        batch_size: questions per forward pass / generation batch.
        max_new_tokens: generation budget of the ``generate`` method.
    """
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise ValueError(f"Unknown MCQ methods {unknown}; choose from {METHODS}.")
    if k_shot < 0 or batch_size < 1:
        raise ValueError(f"k_shot={k_shot} must be >= 0 and batch_size={batch_size} >= 1.")
    rows: list[dict[str, Any]] = []
    prompts = [format_prompt(item, few_shot_examples(item, items, k_shot)) for item in items]
    for item in items:
        rows.append({"lang": item.lang, "source": item.source, "index": item.index, "answer": item.answer})
    with progress(desc="mcq", total=len(items)) as bar:
        for start in range(0, len(items), batch_size):
            batch = items[start : start + batch_size]
            batch_prompts = prompts[start : start + batch_size]
            if "loglik" in methods:
                ids = [[_letter_token(session.tokenizer, letter) for letter in item.letters] for item in batch]
                scores = _loglik_choices(session, batch_prompts, ids)
                for offset, (item, option_scores) in enumerate(zip(batch, scores, strict=True)):
                    best = max(range(len(option_scores)), key=lambda i: option_scores[i])
                    row = rows[start + offset]
                    row["loglik_scores"] = [round(s, 4) for s in option_scores]
                    row["loglik_pred"] = item.letters[best]
                    row["loglik_correct"] = item.letters[best] == item.answer
            if "generate" in methods:
                conversations = [
                    [{"role": "user", "content": p + "\n\nReply with the letter of the correct option."}]
                    for p in batch_prompts
                ]
                replies = session.generate_batch(conversations, temperature=0, max_new_tokens=max_new_tokens)
                for offset, (item, reply) in enumerate(zip(batch, replies, strict=True)):
                    letter = extract_letter(reply, item.letters)
                    row = rows[start + offset]
                    row["generate_text"] = reply
                    row["generate_pred"] = letter
                    row["generate_correct"] = letter == item.answer
            bar.update(len(batch))
    return MCQResult(rows, accuracy_table(rows, list(methods)), k_shot)


def format_mcq_table(result: MCQResult) -> str:
    """Return a Markdown table of accuracy per language and source, one column per method."""
    methods = list(result.accuracy)
    lines = ["| Lang | Source | N | " + " | ".join(methods) + " |", "|---|---|---|" + "---|" * len(methods)]
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for item in result.items:
        counts[(item["lang"], item["source"])] += 1
    langs = sorted({item["lang"] for item in result.items})
    for lang in langs:
        sources = sorted({s for (item_lang, s) in counts if item_lang == lang})
        for source in sources:
            cells = [f"{100 * result.accuracy[m]['by_source'][lang][source]:.1f}" for m in methods]
            lines.append(f"| {lang} | {source} | {counts[(lang, source)]} | " + " | ".join(cells) + " |")
        n = sum(counts[(lang, s)] for s in sources)
        cells = [f"**{100 * result.accuracy[m]['by_lang'][lang]:.1f}**" for m in methods]
        lines.append(f"| {lang} | **all** | {n} | " + " | ".join(cells) + " |")
    cells = [f"**{100 * result.accuracy[m]['overall']:.1f}**" for m in methods]
    lines.append(f"| **all** | | {len(result.items)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)

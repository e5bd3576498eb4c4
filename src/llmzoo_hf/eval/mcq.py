"""Multilingual medical multiple-choice questions (XMedBench layout), scored under two protocols.

Layout, one file per language (see :mod:`._mcq_items`): ``{"question", "options": "(A) …\\n(B) …",
"answer": "(B)", "source"}``, ``"context"`` in PubMedQA rows.

Protocol ``llmzoo`` (ours), two methods:

- ``loglik``: the model reads the (few-shot) prompt ending in ``Answer:`` and the option whose letter gets the
  highest next-token log-probability is its choice (one forward pass per question);
- ``generate``: the model answers in its chat template (greedy) and the first option letter in its reply is its
  choice (no letter = wrong).

An item with several correct letters counts as right when the choice is any of them.

Protocol ``apollo``: Apollo's published evaluation (:mod:`.apollo`): raw ``User:``/``Assistant:`` prompt with
3 shots from the same source, greedy reply, Apollo's first-line letter extraction, scored against the first
correct letter; its Table 3 can be printed beside the result.

Accuracy is reported per language and per source within each language.
"""

from __future__ import annotations

import inspect
import logging
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .._logging import progress
from ..errors import ConfigError
from ._mcq_items import MCQData, MCQItem, load_mcq, parse_item, protocol_data, read_mcq

if TYPE_CHECKING:
    from ..chat import ChatSession

logger = logging.getLogger(__name__)

__all__ = ["MCQConfig", "MCQData", "MCQItem", "evaluate_mcq", "load_mcq", "parse_item", "read_mcq"]

PROTOCOLS = ("llmzoo", "apollo")
METHODS = ("loglik", "generate")
INSTRUCTION = "The following are multiple choice questions about medicine. Choose the single correct option."


@dataclass
class MCQConfig:
    """Settings of an MCQ run; ``None`` fields take the protocol's default (named in their help)."""

    protocol: str = field(
        default="llmzoo",
        metadata={
            "help": "llmzoo: our prompt, loglik and/or generate, right if any correct letter is chosen. apollo: "
            "Apollo's published protocol (raw User:/Assistant: prompt, shots from the same source, first-line "
            "letter extraction, scored against the first correct letter) for comparison with its Table 3.",
            "choices": PROTOCOLS,
        },
    )
    methods: list[str] | None = field(
        default=None,
        metadata={"help": "Scoring methods (llmzoo: loglik generate; apollo: generate only).", "choices": METHODS},
    )
    k_shot: int | None = field(
        default=None,
        metadata={
            "help": "Worked examples before each question (llmzoo: 0, first items of the language; apollo: 3, "
            "drawn from the same source)."
        },
    )
    seed: int = field(
        default=0,
        metadata={"help": "Seed of the apollo shot draw (Apollo's own scripts set none, so its shots vary per run)."},
    )
    batch_size: int = field(default=8, metadata={"help": "Questions per forward pass / generation batch."})
    max_new_tokens: int | None = field(
        default=None, metadata={"help": "Most tokens per generated reply (llmzoo: 16; apollo: 256, as Apollo)."}
    )
    max_prompt_chars: int | None = field(
        default=None, metadata={"help": "apollo: shots are left out to keep the prompt under this (4096, as Apollo)."}
    )
    stop_after_first_line: bool = field(
        default=True,
        metadata={"help": "apollo: stop a reply once its first non-empty line is complete (the only line scored)."},
    )

    def __post_init__(self) -> None:
        if self.protocol not in PROTOCOLS:
            raise ConfigError(f"protocol={self.protocol!r} is not one of {PROTOCOLS}.")
        apollo = protocol_data()
        if self.protocol == "apollo":
            if self.methods is not None and list(self.methods) != ["generate"]:
                raise ConfigError(f"methods={self.methods}: the apollo protocol scores generated replies only.")
            self.methods = ["generate"]
            self.k_shot = apollo["k_shot"] if self.k_shot is None else self.k_shot
            self.max_new_tokens = self.max_new_tokens or apollo["max_new_tokens"]
            self.max_prompt_chars = self.max_prompt_chars or apollo["max_prompt_chars"]
        else:
            self.methods = list(self.methods or METHODS)
            self.k_shot = self.k_shot or 0
            self.max_new_tokens = self.max_new_tokens or 16
        unknown = [m for m in self.methods if m not in METHODS]
        if unknown:
            raise ConfigError(f"Unknown MCQ methods {unknown}; choose from {METHODS}.")
        if self.k_shot < 0 or self.batch_size < 1 or self.max_new_tokens < 1:
            raise ConfigError(
                f"k_shot={self.k_shot} must be >= 0, batch_size={self.batch_size} and "
                f"max_new_tokens={self.max_new_tokens} >= 1."
            )


def few_shot_examples(item: MCQItem, pool: list[MCQItem], k: int) -> list[MCQItem]:
    """Return ``k`` worked examples for ``item``: the first items of its language, never the item itself."""
    same = [other for other in pool if other.lang == item.lang and other.key != item.key]
    return same[:k]


def _question_block(item: MCQItem) -> str:
    context = f"Context: {item.context}\n" if item.context is not None else ""
    return f"{context}Question: {item.question}\n{item.options_text()}\nAnswer:"


def format_prompt(item: MCQItem, shots: list[MCQItem]) -> str:
    """Return the plain-text prompt, ending in ``Answer:`` (shots show ``Answer: X``; a context comes first)."""
    blocks = [INSTRUCTION]
    blocks += [f"{_question_block(shot)} {shot.answer}" for shot in shots]
    blocks.append(_question_block(item))
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
    config: MCQConfig = field(default_factory=MCQConfig)

    def by_source(self, method: str = "generate") -> dict[str, float]:
        """Return ``{source: accuracy}`` of one method (sources are unique across XMedBench's languages)."""
        return {s: acc for sources in self.accuracy[method]["by_source"].values() for s, acc in sources.items()}

    def to_dict(self) -> dict[str, Any]:
        """Return the results as a JSON-ready dict."""
        return {"settings": asdict(self.config), "accuracy": self.accuracy, "items": self.items}


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


def _row(item: MCQItem) -> dict[str, Any]:
    return {"lang": item.lang, "source": item.source, "file": item.file, "index": item.index, "answer": item.answer}


def _run_llmzoo(session: ChatSession, items: list[MCQItem], pool: list[MCQItem], config: MCQConfig) -> list[dict]:
    rows = [_row(item) for item in items]
    prompts = [format_prompt(item, few_shot_examples(item, pool, config.k_shot)) for item in items]
    with progress(desc="mcq", total=len(items)) as bar:
        for start in range(0, len(items), config.batch_size):
            batch = items[start : start + config.batch_size]
            batch_prompts = prompts[start : start + config.batch_size]
            if "loglik" in config.methods:
                ids = [[_letter_token(session.tokenizer, letter) for letter in item.letters] for item in batch]
                scores = _loglik_choices(session, batch_prompts, ids)
                for offset, (item, option_scores) in enumerate(zip(batch, scores, strict=True)):
                    best = max(range(len(option_scores)), key=lambda i: option_scores[i])
                    row = rows[start + offset]
                    row["loglik_scores"] = [round(s, 4) for s in option_scores]
                    row["loglik_pred"] = item.letters[best]
                    row["loglik_correct"] = item.letters[best] in item.answer
            if "generate" in config.methods:
                conversations = [
                    [{"role": "user", "content": p + "\n\nReply with the letter of the correct option."}]
                    for p in batch_prompts
                ]
                replies = session.generate_batch(conversations, temperature=0, max_new_tokens=config.max_new_tokens)
                for offset, (item, reply) in enumerate(zip(batch, replies, strict=True)):
                    letter = extract_letter(reply, item.letters)
                    row = rows[start + offset]
                    row["generate_text"] = reply
                    row["generate_pred"] = letter
                    row["generate_correct"] = letter is not None and letter in item.answer
            bar.update(len(batch))
    return rows


def _run_apollo(session: ChatSession, items: list[MCQItem], pool: list[MCQItem], config: MCQConfig) -> list[dict]:
    from . import apollo

    eos = session.tokenizer.eos_token or ""
    by_source: dict[tuple[str, str], list[MCQItem]] = defaultdict(list)
    for other in pool:
        by_source[(other.lang, other.source)].append(other)
    prompts = [
        apollo.build_prompt(
            item,
            apollo.pick_shots(item, by_source[(item.lang, item.source)], config.k_shot, seed=config.seed),
            eos=eos,
            max_chars=config.max_prompt_chars,
        )
        for item in items
    ]
    over = sum(p.over_limit for p in prompts)
    if over:
        logger.warning(
            "%d prompt(s) exceed %d characters without shots; scored anyway (Apollo drops them).",
            over,
            config.max_prompt_chars,
        )
    # Batch prompts of similar length together (less padding); the rows come back in the items' order.
    order = sorted(range(len(items)), key=lambda i: len(prompts[i].text))
    rows: list[dict[str, Any]] = [{} for _ in items]
    with progress(desc="mcq apollo", total=len(items)) as bar:
        for start in range(0, len(items), config.batch_size):
            batch = order[start : start + config.batch_size]
            replies = apollo.generate_raw(
                session,
                [prompts[i].text for i in batch],
                max_new_tokens=config.max_new_tokens,
                min_new_tokens=protocol_data()["min_new_tokens"],
                stop_after_first_line=config.stop_after_first_line,
            )
            for i, reply in zip(batch, replies, strict=True):
                prompt = prompts[i]
                shots = [shot.index for shot in prompt.shots]
                extra = {"shots": shots, "prompt_chars": len(prompt.text), "over_limit": prompt.over_limit}
                rows[i] = {**_row(items[i]), **extra, "generate_text": reply}
            bar.update(len(batch))
    return apollo.rescore(rows)


def evaluate_mcq(
    session: ChatSession,
    items: list[MCQItem],
    config: MCQConfig | None = None,
    *,
    pool: list[MCQItem] | None = None,
    **overrides: Any,
) -> MCQResult:
    """Score ``items`` with a local model under the ``llmzoo`` or ``apollo`` protocol.

    Args:
        session: a chat session (model, tokenizer and chat template) from :func:`llmzoo_hf.load_chat`.
        items: the questions to score.
        config: protocol, methods, shots, batch size, generation budget (see :class:`MCQConfig`).
        pool: items the worked examples are drawn from (default ``items``; pass the whole set when scoring a part).
        overrides: :class:`MCQConfig` fields, e.g. ``k_shot=2`` (a shortcut for ``config``).

    Returns:
        Per-item rows (``lang``, ``source``, ``answer``, and per method ``<method>_pred``/``_correct``; generate
        keeps the raw reply in ``generate_text``) and accuracies overall, per language and per source.
    """
    if config is None:
        config = MCQConfig(**overrides)
    elif overrides:
        raise ValueError(f"Give either config or keyword settings, not both (got {sorted(overrides)}).")
    run = _run_apollo if config.protocol == "apollo" else _run_llmzoo
    rows = run(session, items, pool if pool is not None else items, config)
    return MCQResult(rows, accuracy_table(rows, config.methods), config)


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

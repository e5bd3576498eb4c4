"""Base vs fine-tuned on held-out data, side by side: eval loss, bad replies, medical MCQ.

Three measurements, each taken for both models under the same chat template (Chimera by default):

- **held-out eval loss**: mean next-token loss on the assistant tokens (the template's ``{% generation %}`` spans, as
  in training) of the rows an SFT recipe holds out (its ``dataset_mixture.test_split_size``), split exactly as
  :func:`llmzoo_hf.data.build_dataset` splits them for ``llmzoo_hf.sft``;
- **bad replies**: greedy replies to held-out prompts (bundled: ``data/eval/heldout_prompts.jsonl``, 30 prompts in 7
  languages, none of them in the training data) classified by :func:`classify_reply` as ``empty``, ``echo`` (the
  reply is mostly the prompt's text, see :func:`prompt_overlap`), ``no_stop`` (no end of reply within the token
  budget) or ``ok``;
- **MCQ accuracy**: :func:`llmzoo_hf.eval.mcq.evaluate_mcq` on the bundled medical sample, ``loglik`` and ``generate``.

The bars a fine-tune should clear: loss below the base's, bad replies no more than the base's and at most 10 %, and
MCQ accuracy at most 5 points below the base's.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._logging import progress
from ..errors import ConfigError, DataError
from ._io import iter_jsonl

if TYPE_CHECKING:
    from ..chat import ChatSession

logger = logging.getLogger(__name__)

VERDICTS = ("ok", "empty", "echo", "no_stop")
HELDOUT_PROMPTS_FILENAME = "heldout_prompts.jsonl"
DEFAULT_RECIPE = "chimera-tiny.yaml"


@dataclass
class CompareConfig:
    """Options of :func:`compare_models` (and of ``llmzoo eval compare``)."""

    template: str = field(
        default="chimera",
        metadata={"help": "Chat template both models are run in (forced over a model's own template)."},
    )
    recipe: str | None = field(
        default=None,
        metadata={
            "help": "SFT recipe whose dataset_mixture (sources, seed, test_split_size) defines the held-out rows of "
            "the eval loss, and whose max_length truncates them (default: the bundled recipes/chimera-tiny.yaml; "
            "'none' skips the loss)."
        },
    )
    prompts: str | None = field(
        default=None,
        metadata={
            "help": "JSONL of held-out prompts, one {id, lang, prompt} per line (default: the bundled "
            "data/eval/heldout_prompts.jsonl)."
        },
    )
    max_new_tokens: int = field(
        default=128, metadata={"help": "Token budget of each reply; a reply still going at this length is no_stop."}
    )
    echo_threshold: float = field(
        default=0.9,
        metadata={"help": "A reply is an echo when at least this share of its characters repeats the prompt."},
    )
    mcq: str | None = field(
        default=None,
        metadata={"help": "MCQ file or folder in the XMedBench layout (default: the bundled data/eval/mcq)."},
    )
    mcq_langs: list[str] = field(default_factory=lambda: ["en"], metadata={"help": "MCQ languages to score."})
    mcq_limit: int | None = field(default=None, metadata={"help": "Score only the first N MCQ items (all: unset)."})
    batch_size: int = field(default=8, metadata={"help": "Prompts / conversations per forward or generation batch."})
    dtype: str = field(default="auto", metadata={"help": "auto (bf16 on GPU, fp32 on CPU), float32, bfloat16."})
    max_bad_reply_rate: float = field(
        default=0.10, metadata={"help": "Bar: the fine-tuned model's share of bad replies must not exceed this."}
    )
    mcq_tolerance: float = field(
        default=0.05, metadata={"help": "Bar: the fine-tuned MCQ accuracy may trail the base's by at most this."}
    )

    def __post_init__(self) -> None:
        if self.max_new_tokens < 1 or self.batch_size < 1:
            raise ConfigError(f"max_new_tokens={self.max_new_tokens} and batch_size={self.batch_size} must be >= 1.")
        if not 0 < self.echo_threshold <= 1:
            raise ConfigError(f"echo_threshold={self.echo_threshold} must be in (0, 1].")


# ----------------------------------------------------------------------------------------------- reply verdicts


def normalise(text: str) -> str:
    """Return ``text`` NFKC-normalised and case-folded, without punctuation, spaces or control characters.

    Symbols (``+``, ``=``, ``$``) and every letter or digit of every script stay, so ``"What is 2+2?"`` becomes
    ``"whatis2+2"`` and ``"日本の首都は？"`` becomes ``"日本の首都は"``.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZC")


def prompt_overlap(prompt: str, reply: str, *, min_run: int = 3) -> float:
    """Return the share of the reply's normalised characters that repeat the prompt's text.

    Reading the normalised reply left to right, the longest run starting at each position that also occurs in
    the normalised prompt is taken; runs of at least ``min_run`` characters count as repeated (shorter ones are
    common words or letters, not copying). An empty reply has overlap 0.
    """
    source, target = normalise(prompt), normalise(reply)
    if not target:
        return 0.0
    covered = index = 0
    while index < len(target):
        end = index
        while end < len(target) and target[index : end + 1] in source:
            end += 1
        if end - index >= min_run:
            covered += end - index
            index = end
        else:
            index += 1
    return covered / len(target)


def classify_reply(prompt: str, reply: str, *, stopped: bool, echo_threshold: float = 0.9) -> str:
    """Return the verdict on one reply: ``empty``, ``echo``, ``no_stop`` or ``ok`` (the first that applies).

    Args:
        prompt: the user's message.
        reply: the model's reply, special tokens removed.
        stopped: whether the model ended its reply (EOS) within the token budget.
        echo_threshold: the reply is an echo when :func:`prompt_overlap` is at least this.
    """
    if not normalise(reply):
        return "empty"
    if prompt_overlap(prompt, reply) >= echo_threshold:
        return "echo"
    if not stopped:
        return "no_stop"
    return "ok"


# ----------------------------------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class HeldOutPrompt:
    """One held-out prompt: ``id``, ISO 639-1 ``lang`` and the user's ``prompt``."""

    id: str
    lang: str
    prompt: str


def load_heldout_prompts(path: str | Path | None = None) -> list[HeldOutPrompt]:
    """Load held-out prompts (default: the bundled ``data/eval/heldout_prompts.jsonl``).

    Raises:
        DataError: a line without a non-empty ``prompt`` (file and line named), or no prompt at all.
    """
    if path is None:
        from ..data import bundled_data_path

        path = bundled_data_path("eval") / HELDOUT_PROMPTS_FILENAME
    prompts = []
    for line_no, record in iter_jsonl(path):
        text = record.get("prompt")
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{path}:{line_no}: needs a non-empty string `prompt` (layout: {{id, lang, prompt}}).")
        prompts.append(HeldOutPrompt(str(record.get("id", line_no)), str(record.get("lang", "und")), text))
    if not prompts:
        raise DataError(f"{path} holds no prompts.")
    return prompts


def heldout_conversations(recipe: str | Path) -> tuple[list[list[dict[str, str]]], int | None]:
    """Return the rows an SFT recipe holds out (as message lists) and the recipe's ``max_length``.

    The split is :func:`llmzoo_hf.data.build_dataset`'s on the recipe's mixture, so it is the same rows that
    ``llmzoo_hf.sft`` keeps out of training.

    Raises:
        ConfigError: the recipe has no ``dataset_mixture``, holds out nothing, or names a missing data file.
    """
    import yaml

    from .._paths import looks_like_path as looks_local
    from .._sft_recipe import resolve_local_path
    from ..data import DatasetMixtureConfig, build_dataset

    recipe_path = Path(recipe)
    if not recipe_path.is_file():
        raise ConfigError(f"Recipe {recipe} does not exist.")
    config = yaml.safe_load(recipe_path.read_text(encoding="utf-8")) or {}
    mixture = config.get("dataset_mixture") if isinstance(config, dict) else None
    if not isinstance(mixture, dict):
        raise ConfigError(f"{recipe}: no `dataset_mixture` mapping to hold rows out of.")
    mixture = DatasetMixtureConfig(**mixture)
    if not mixture.test_split_size:
        raise ConfigError(f"{recipe}: dataset_mixture.test_split_size is 0, so it holds out no rows to score.")
    for index, source in enumerate(mixture.datasets):
        if looks_local(source.path):
            found = resolve_local_path(source.path, recipe_path)
            if found is None:
                raise ConfigError(f"{recipe}: dataset_mixture.datasets[{index}].path: {source.path} does not exist.")
            source.path = str(found)
    built = build_dataset(mixture)
    if "test" not in built.dataset:
        raise ConfigError(f"{recipe}: the mixture held out no rows (test_split_size={mixture.test_split_size}).")
    return list(built.dataset["test"]["messages"]), config.get("max_length")


# ----------------------------------------------------------------------------------------------------- scoring


@dataclass
class ModelScores:
    """One model's held-out scores (rates and accuracies are fractions in [0, 1])."""

    model: str
    eval_loss: float | None
    eval_tokens: int
    verdicts: dict[str, int]
    replies: list[dict[str, Any]]
    mcq_accuracy: dict[str, float]

    @property
    def bad_reply_rate(self) -> float:
        """Share of the held-out prompts whose reply is empty, an echo or does not stop."""
        total = sum(self.verdicts.values())
        return (total - self.verdicts["ok"]) / total if total else 0.0


@dataclass(frozen=True)
class Check:
    """One bar of the comparison: its name, whether the fine-tuned model cleared it, and the rule."""

    name: str
    passed: bool
    rule: str


@dataclass
class CompareResult:
    """Both models' scores and the bars (:attr:`passed` when every one is cleared)."""

    base: ModelScores
    tuned: ModelScores
    checks: list[Check]
    config: CompareConfig

    @property
    def passed(self) -> bool:
        """True when the fine-tuned model clears every bar."""
        return all(check.passed for check in self.checks)

    def to_dict(self) -> dict[str, Any]:
        """Return everything (per-prompt replies and verdicts included) as JSON-ready data."""
        scores = {}
        for key, item in (("base", self.base), ("tuned", self.tuned)):
            scores[key] = {**asdict(item), "bad_reply_rate": item.bad_reply_rate}
        return {
            **scores,
            "checks": [asdict(check) for check in self.checks],
            "passed": self.passed,
            "config": asdict(self.config),
        }

    def format_table(self) -> str:
        """Return the side-by-side Markdown table (one row per measurement, with its bar and verdict)."""
        base, tuned = self.base, self.tuned
        checks = {check.name: check for check in self.checks}

        def verdict_cell(scores: ModelScores) -> str:
            counts = ", ".join(f"{name} {scores.verdicts[name]}" for name in VERDICTS[1:])
            return f"{100 * scores.bad_reply_rate:.1f}% ({counts})"

        def row(label: str, name: str, base_cell: str, tuned_cell: str) -> str:
            check = checks.get(name)
            mark = "-" if check is None else ("pass" if check.passed else "FAIL")
            rule = "" if check is None else check.rule
            return f"| {label} | {base_cell} | {tuned_cell} | {rule} | {mark} |"

        lines = [
            f"| held-out measurement | base ({base.model}) | fine-tuned ({tuned.model}) | bar | result |",
            "|---|---|---|---|---|",
        ]
        if base.eval_loss is not None and tuned.eval_loss is not None:
            lines.append(
                row(
                    f"eval loss ({base.eval_tokens:,} reply tokens)",
                    "eval_loss",
                    f"{base.eval_loss:.4f}",
                    f"{tuned.eval_loss:.4f}",
                )
            )
        n_prompts = sum(base.verdicts.values())
        n_langs = len({reply["lang"] for reply in base.replies})
        lines.append(
            row(
                f"bad replies ({n_prompts} prompts, {n_langs} languages)",
                "bad_replies",
                verdict_cell(base),
                verdict_cell(tuned),
            )
        )
        for method, accuracy in base.mcq_accuracy.items():
            lines.append(
                row(
                    f"MCQ {method} accuracy",
                    f"mcq_{method}",
                    f"{100 * accuracy:.1f}%",
                    f"{100 * tuned.mcq_accuracy[method]:.1f}%",
                )
            )
        return "\n".join(lines)


def heldout_loss(session: ChatSession, conversations: list[list[dict[str, str]]], *, max_length: int | None):
    """Return ``(mean loss, tokens)`` over the assistant tokens of ``conversations``, as ``assistant_only_loss``.

    Each conversation is rendered by the session's chat template with its assistant mask (read from the template's
    training variant, as in SFT); the loss is the mean next-token cross-entropy over every masked token of every
    conversation (token-weighted, like the trainer's).
    """
    import torch

    from ..templates import get_training_chat_template

    model, tokenizer = session.model, session.tokenizer
    training_template = get_training_chat_template(tokenizer.chat_template)
    total_loss, total_tokens = 0.0, 0
    for messages in progress(conversations, desc="held-out loss"):
        encoded = tokenizer.apply_chat_template(
            messages,
            chat_template=training_template,
            tokenize=True,
            return_dict=True,
            return_assistant_tokens_mask=True,
        )
        ids = encoded["input_ids"][:max_length] if max_length else encoded["input_ids"]
        mask = encoded["assistant_masks"][: len(ids)]
        labels = torch.tensor([token if keep else -100 for token, keep in zip(ids, mask, strict=True)])
        if not (labels[1:] != -100).any():
            continue  # the reply starts after max_length: nothing to score
        with torch.inference_mode():
            logits = model(torch.tensor([ids], device=model.device)).logits[0, :-1].float()
        targets = labels[1:].to(logits.device)
        loss = torch.nn.functional.cross_entropy(logits, targets, ignore_index=-100, reduction="sum")
        total_loss += loss.item()
        total_tokens += int((targets != -100).sum())
    if not total_tokens:
        raise DataError("No held-out assistant token left to score (are the rows longer than max_length?).")
    return total_loss / total_tokens, total_tokens


def generate_replies(
    session: ChatSession, prompts: list[str], *, max_new_tokens: int, batch_size: int
) -> list[tuple[str, bool]]:
    """Return ``(reply, stopped)`` per prompt: the greedy reply and whether it ended within ``max_new_tokens``."""
    import torch

    eos_ids = session._eos_ids()
    results: list[tuple[str, bool]] = []
    with progress(desc="held-out replies", total=len(prompts)) as bar:
        for start in range(0, len(prompts), batch_size):
            batch = prompts[start : start + batch_size]
            inputs = session._encode([[{"role": "user", "content": prompt}] for prompt in batch])
            with torch.inference_mode():
                output = session.model.generate(
                    **inputs,
                    do_sample=False,
                    max_new_tokens=max_new_tokens,
                    eos_token_id=eos_ids,
                    pad_token_id=session.tokenizer.pad_token_id,
                )
            for row in output[:, inputs["input_ids"].shape[1] :].tolist():
                stop_at = next((i for i, token in enumerate(row) if token in eos_ids), None)
                ids = row if stop_at is None else row[:stop_at]
                results.append((session.tokenizer.decode(ids, skip_special_tokens=True), stop_at is not None))
            bar.update(len(batch))
    return results


def score_model(
    model: str | None,
    config: CompareConfig,
    *,
    prompts: list[HeldOutPrompt],
    conversations: list[list[dict[str, str]]] | None,
    max_length: int | None,
    mcq_items: list,
    special_tokens: dict[str, str] | None = None,
) -> ModelScores:
    """Load ``model`` in the config's template and take the three measurements.

    ``special_tokens`` (the fine-tune's BOS/EOS, e.g. ``{"bos_token": "<|endoftext|>", "eos_token": "<|im_end|>"}``
    after a recipe's ``bos_token``) replace the tokenizer's where its vocabulary has them, so that both models read
    the same bytes.
    """
    from ..chat import load_chat
    from ..configs import EMBEDDED_MODEL_SENTINEL
    from ..templates import is_single_token
    from .mcq import METHODS, evaluate_mcq

    path = None if model in (None, "", EMBEDDED_MODEL_SENTINEL) else model
    label = EMBEDDED_MODEL_SENTINEL if path is None else Path(str(path)).name or str(path)
    logger.info("Scoring %s in the %s template.", label, config.template)
    session = load_chat(path, template=config.template, force_template=True, dtype=config.dtype, temperature=0)
    for name, token in (special_tokens or {}).items():
        if getattr(session.tokenizer, name) != token:
            if not is_single_token(session.tokenizer, token):
                logger.warning(
                    "%s has no token %r: it keeps its own %s %r.", label, token, name, getattr(session.tokenizer, name)
                )
                continue
            logger.info(
                "%s: %s %r -> %r (the fine-tune's, so both read the same bytes).",
                label,
                name,
                getattr(session.tokenizer, name),
                token,
            )
            setattr(session.tokenizer, name, token)
    loss, tokens = (None, 0)
    if conversations is not None:
        loss, tokens = heldout_loss(session, conversations, max_length=max_length)
    replies, verdicts = [], dict.fromkeys(VERDICTS, 0)
    generated = generate_replies(
        session, [p.prompt for p in prompts], max_new_tokens=config.max_new_tokens, batch_size=config.batch_size
    )
    for item, (reply, stopped) in zip(prompts, generated, strict=True):
        verdict = classify_reply(item.prompt, reply, stopped=stopped, echo_threshold=config.echo_threshold)
        verdicts[verdict] += 1
        replies.append({"id": item.id, "lang": item.lang, "prompt": item.prompt, "reply": reply, "verdict": verdict})
    mcq = evaluate_mcq(session, mcq_items, methods=METHODS, batch_size=config.batch_size)
    return ModelScores(
        model=label,
        eval_loss=loss,
        eval_tokens=tokens,
        verdicts=verdicts,
        replies=replies,
        mcq_accuracy={method: mcq.accuracy[method]["overall"] for method in METHODS},
    )


def _special_tokens(model: str) -> dict[str, str]:
    """Return the BOS/EOS that ``model``'s tokenizer writes into the LLM Zoo templates (a recipe's ``bos_token``)."""
    from transformers import AutoTokenizer

    from ..chat import resolve_model

    resolved = resolve_model(model)
    tokenizer = AutoTokenizer.from_pretrained(resolved.path, revision=resolved.revision)
    return {name: getattr(tokenizer, name) for name in ("bos_token", "eos_token") if getattr(tokenizer, name)}


def compare_models(base: str | None, tuned: str, config: CompareConfig | None = None) -> CompareResult:
    """Score a base model and its fine-tune on held-out data in one chat template and check the bars.

    Args:
        base: the base model (folder, zoo name or Hub id; ``None`` or ``"embedded"``: the embedded SmolLM2).
        tuned: the fine-tuned model folder (or id).
        config: the options (template, recipe, prompts, MCQ set, token budget, bars); defaults if ``None``.

    Returns:
        A :class:`CompareResult`: both models' :class:`ModelScores`, the :class:`Check` list and ``passed``.

    Raises:
        ConfigError: the recipe is missing or holds out no rows.
        DataError: a bad prompt or MCQ record (file and line named).
    """
    from .._resources import resource_path
    from ..data import bundled_data_path
    from .mcq import load_mcq

    config = config or CompareConfig()
    prompts = load_heldout_prompts(config.prompts)
    conversations, max_length = None, None
    if str(config.recipe).lower() != "none":
        conversations, max_length = heldout_conversations(config.recipe or resource_path("recipes") / DEFAULT_RECIPE)
    mcq_items = load_mcq(config.mcq or bundled_data_path("eval") / "mcq", langs=config.mcq_langs)
    if config.mcq_limit is not None:
        mcq_items = mcq_items[: config.mcq_limit]
    kwargs = {"prompts": prompts, "conversations": conversations, "max_length": max_length, "mcq_items": mcq_items}
    base_scores = score_model(base, config, special_tokens=_special_tokens(tuned), **kwargs)
    tuned_scores = score_model(tuned, config, **kwargs)
    checks = []
    if conversations is not None:
        checks.append(Check("eval_loss", tuned_scores.eval_loss < base_scores.eval_loss, "fine-tuned < base"))
    limit = config.max_bad_reply_rate
    checks.append(
        Check(
            "bad_replies",
            tuned_scores.bad_reply_rate <= min(base_scores.bad_reply_rate, limit),
            f"fine-tuned <= base and <= {100 * limit:g}%",
        )
    )
    for method, accuracy in base_scores.mcq_accuracy.items():
        checks.append(
            Check(
                f"mcq_{method}",
                tuned_scores.mcq_accuracy[method] >= accuracy - config.mcq_tolerance - 1e-9,
                f"fine-tuned >= base - {100 * config.mcq_tolerance:g} points",
            )
        )
    return CompareResult(base_scores, tuned_scores, checks, config)

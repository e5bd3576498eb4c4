"""Tokenise chat conversations once, with the loss mask from the template's ``{% generation %}`` spans.

LLM Zoo re-tokenised the growing conversation prefix for every assistant turn, in ``__getitem__``, every epoch.
Here each batch is rendered by the tokenizer's Jinja template, tokenised in one fast (Rust) call with offsets,
and the mask is read off the character spans: one pass, linear in the text.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from ..errors import TemplateError

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

IGNORE_INDEX = -100


def tokenize_conversations(
    tokenizer: PreTrainedTokenizerBase,
    conversations: list[list[dict[str, str]]],
    *,
    max_length: int | None = None,
) -> dict[str, list[list[int]]]:
    """Tokenise conversations with ``tokenizer.chat_template`` and mark the trained tokens.

    Returns a dict with ``input_ids``, ``assistant_masks`` (1 on each assistant reply's trained span) and
    ``labels`` (the token id there, ``-100`` elsewhere); the same values as
    ``tokenizer.apply_chat_template(..., return_assistant_tokens_mask=True)``, computed in one batched call.

    Raises:
        TemplateError: the tokenizer has no chat template, or it has no ``{% generation %}`` span.
    """
    from transformers.utils.chat_template_utils import render_jinja_template

    template = tokenizer.chat_template
    if not template or "generation" not in template:
        raise TemplateError(
            f"{type(tokenizer).__name__} needs a chat template with {{% generation %}} spans to mark the trained "
            "tokens; set one with llmzoo_hf.apply_chat_template(tokenizer, 'chimera')."
        )
    rendered, generation_spans = render_jinja_template(
        conversations=conversations,
        chat_template=template,
        return_assistant_tokens_mask=True,
        **tokenizer.special_tokens_map,
    )
    if getattr(tokenizer, "is_fast", False) and getattr(tokenizer, "backend_tokenizer", None) is not None:
        # One Rust call for the whole batch (parallel across cores); reading ids/offsets straight off the
        # encodings skips the per-row Python conversion that ``tokenizer(...)`` does.
        encodings = tokenizer.backend_tokenizer.encode_batch(rendered, add_special_tokens=False)
        batch_ids = [enc.ids[:max_length] if max_length else enc.ids for enc in encodings]
        batch_offsets = [enc.offsets for enc in encodings]
    else:
        encoded = tokenizer(
            rendered,
            add_special_tokens=False,
            return_offsets_mapping=True,
            truncation=max_length is not None,
            max_length=max_length,
        )
        batch_ids, batch_offsets = encoded["input_ids"], encoded["offset_mapping"]
    all_masks: list[list[int]] = []
    all_labels: list[list[int]] = []
    for ids, offsets, spans in zip(batch_ids, batch_offsets, generation_spans, strict=True):
        starts = [start for start, _ in offsets]
        mask = [0] * len(ids)
        for span_start, span_end in spans:
            # Tokens whose first character lies inside the span, as ``char_to_token`` maps the span's ends.
            first = bisect_left(starts, span_start)
            last = bisect_left(starts, span_end)
            for index in range(first, min(last, len(ids))):
                mask[index] = 1
        all_masks.append(mask)
        all_labels.append([t if m else IGNORE_INDEX for t, m in zip(ids, mask, strict=True)])
    return {"input_ids": [list(ids) for ids in batch_ids], "assistant_masks": all_masks, "labels": all_labels}


def tokenize_dataset(
    dataset: Any,
    tokenizer: PreTrainedTokenizerBase,
    *,
    max_length: int | None = None,
    batch_size: int = 256,
    num_proc: int | None = None,
):
    """Return ``dataset`` (with a ``messages`` column) tokenised by :func:`tokenize_conversations` via ``Dataset.map``."""
    return dataset.map(
        lambda batch: tokenize_conversations(tokenizer, batch["messages"], max_length=max_length),
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        desc="Tokenising conversations",
    )

"""Tokenise chat conversations once, with the loss mask from the template's ``{% generation %}`` spans.

LLM Zoo re-tokenised the growing conversation prefix for every assistant turn, in ``__getitem__``, every epoch.
Here each batch is rendered by the tokenizer's Jinja template, tokenised in one fast (Rust) call with offsets,
and the mask is read off the character spans: one pass, linear in the text.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from ..errors import TemplateError
from ..templates import get_training_chat_template

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

    The mask is read from the training variant of ``tokenizer.chat_template`` (see
    :func:`llmzoo_hf.templates.get_training_chat_template`).

    Raises:
        TemplateError: the tokenizer's template is neither a registered one nor marked with ``{% generation %}``.
    """
    from transformers.utils.chat_template_utils import render_jinja_template

    # The loss mask comes from the training variant of the tokenizer's (inference) template, as in SFT.
    template = get_training_chat_template(tokenizer.chat_template)
    rendered, generation_spans = render_jinja_template(
        conversations=conversations,
        chat_template=template,
        return_assistant_tokens_mask=True,
        **tokenizer.special_tokens_map,
    )
    if not (getattr(tokenizer, "is_fast", False) and getattr(tokenizer, "backend_tokenizer", None) is not None):
        raise TemplateError(
            f"{type(tokenizer).__name__} is not a fast (Rust) tokenizer; token/character alignment needs one. "
            "Load it with AutoTokenizer.from_pretrained(..., use_fast=True)."
        )
    backend = tokenizer.backend_tokenizer
    # Padding and truncation are settings of the Rust tokenizer that an earlier `tokenizer(...)` call may have left
    # on; work on a copy set as asked, and leave the caller's tokenizer alone.
    if backend.padding is not None or backend.truncation is not None or max_length is not None:
        backend = copy.copy(backend)
        backend.no_padding()
        if max_length is None:
            backend.no_truncation()
        else:
            backend.enable_truncation(max_length)
    # One Rust call for the whole batch (parallel across cores); the mask comes from the span ends alone, mapped
    # to tokens the way ``apply_chat_template(..., return_assistant_tokens_mask=True)`` maps them.
    encodings = backend.encode_batch(rendered, add_special_tokens=False)
    all_ids: list[list[int]] = []
    all_masks: list[list[int]] = []
    all_labels: list[list[int]] = []
    for encoding, spans in zip(encodings, generation_spans, strict=True):
        ids = encoding.ids
        mask = [0] * len(ids)
        labels = [IGNORE_INDEX] * len(ids)
        for span_start, span_end in spans:
            first = encoding.char_to_token(span_start)
            if first is None:  # the span starts after the truncation point
                break
            last = encoding.char_to_token(span_end - 1)
            stop = last + 1 if last is not None else len(ids)
            mask[first:stop] = [1] * (stop - first)
            labels[first:stop] = ids[first:stop]
        all_ids.append(ids)
        all_masks.append(mask)
        all_labels.append(labels)
    return {"input_ids": all_ids, "assistant_masks": all_masks, "labels": all_labels}


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

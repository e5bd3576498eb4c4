"""Tokenise + mask the bundled conversations our way and the LLM Zoo way; check identical labels; compare speed.

Ours: one batched render of the chat template + one fast tokenizer call with offsets per batch
(``llmzoo_hf.data.tokenize_conversations``).
Baseline (LLM Zoo's ``preprocess``, re-implemented here): tokenise the whole conversation, then for every
assistant turn tokenise the prefix up to the reply's opening ``<s>`` and the prefix up to its ``</s>`` (one
tokenizer call per string, tensors out), after a deep copy of the sample, and mask between the two lengths.

Run: python benchmarks/bench_preprocess.py [--repeat N]
"""

from __future__ import annotations

import argparse
import copy
import time

IGNORE_INDEX = -100


def llmzoo_preprocess(conversation: list[dict[str, str]], tokenizer, system: str) -> tuple[list[int], list[int]]:
    """The LLM Zoo way: the growing prefix is re-tokenised for every assistant turn."""
    import torch

    conversation = copy.deepcopy(conversation)
    bos, eos = tokenizer.bos_token, tokenizer.eos_token
    text = system + "\n\n"
    spans: list[tuple[str, str]] = []
    for message in conversation:
        role = "Human" if message["role"] == "user" else "Assistant"
        turn = f"{role}: {bos}{message['content']}{eos}"
        if message["role"] == "assistant":
            spans.append((text + f"{role}: {bos}", text + turn))
        text += turn

    def encode(string: str):
        # The call LLM Zoo's ``_tokenize_fn`` makes for every string (one string per call, tensors out), plus
        # the non-pad length it computes for each.
        tokenized = tokenizer(
            string,
            return_tensors="pt",
            padding="longest",
            max_length=tokenizer.model_max_length,
            truncation=True,
            add_special_tokens=False,
        )
        tokenized.input_ids.ne(tokenizer.pad_token_id).sum().item()
        return tokenized.input_ids[0]

    input_ids = encode(text)
    labels = input_ids.clone()
    mask = torch.zeros_like(labels, dtype=torch.bool)
    for start_text, end_text in spans:
        start = encode(start_text).size(0) - 1  # the reply's opening <s>
        end = encode(end_text).size(0)  # through its closing </s>
        mask[start:end] = True
    labels[~mask] = IGNORE_INDEX
    return input_ids.tolist(), labels.tolist()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="Passes over the bundled conversations.")
    args = parser.parse_args()

    from transformers import AutoTokenizer

    from llmzoo_hf import apply_chat_template, default_model_path
    from llmzoo_hf.data import DataSource, build_dataset, bundled_data_path, tokenize_conversations
    from llmzoo_hf.templates import PHOENIX_SYSTEM_PROMPT

    # LLM Zoo trains with model_max_length=2048; no bundled conversation is that long, so nothing is cut.
    tokenizer = AutoTokenizer.from_pretrained(default_model_path(), model_max_length=2048)
    apply_chat_template(tokenizer, "chimera")
    source = DataSource(path=str(bundled_data_path("conversations.jsonl")), layout="conversation")
    conversations = build_dataset([source]).dataset["train"]["messages"]
    conversations = [list(c) for c in conversations] * args.repeat
    n = len(conversations)
    turns = sum(len(c) for c in conversations) / n
    print(f"{n} conversations ({turns:.1f} turns on average), tokenizer {type(tokenizer).__name__} (SmolLM2)")

    start = time.perf_counter()
    ours = {"input_ids": [], "labels": []}
    for i in range(0, n, 256):
        batch = tokenize_conversations(tokenizer, conversations[i : i + 256])
        ours["input_ids"] += batch["input_ids"]
        ours["labels"] += batch["labels"]
    ours_s = time.perf_counter() - start

    start = time.perf_counter()
    baseline = [llmzoo_preprocess(c, tokenizer, PHOENIX_SYSTEM_PROMPT) for c in conversations]
    baseline_s = time.perf_counter() - start

    same_ids = all(a == b[0] for a, b in zip(ours["input_ids"], baseline, strict=True))
    same_labels = all(a == b[1] for a, b in zip(ours["labels"], baseline, strict=True))
    if not (same_ids and same_labels):
        raise SystemExit(f"outputs differ: input_ids identical={same_ids}, labels identical={same_labels}")
    print("input_ids and labels identical for every conversation")
    print(f"ours:     {n / ours_s:10.1f} conversations/s ({ours_s:.3f} s)")
    print(f"LLM Zoo:  {n / baseline_s:10.1f} conversations/s ({baseline_s:.3f} s)")
    print(f"ratio={baseline_s / ours_s:.2f}")


if __name__ == "__main__":
    main()

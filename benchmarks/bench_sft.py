"""Padded batches vs padding-free batches for SFT: same model, same data, same steps; non-pad tokens per second.

    python benchmarks/bench_sft.py [--steps 4] [--batch-size 16] [--hidden-size 256] [--layers 4]

The model is a small LLaMA built from a config on the embedded SmolLM2 tokenizer (saved once, so both runs start
from the same weights); the data is the bundled sample mixture (the test fixtures when it is absent), rendered
with the Chimera template. Padded batches pad every conversation to the longest of its batch; padding-free
flattens the batch into one sequence (``position_ids`` restart per conversation, so attention stays within each).
Both runs see the same conversations in the same order, so their losses should agree. Ends with ``ratio=X``
(padding-free tokens/s over padded tokens/s).
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def build_model(output_dir: Path, tokenizer, *, hidden_size: int, layers: int) -> Path:
    """Save a randomly initialised LLaMA of the given size with ``tokenizer``."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=hidden_size,
        intermediate_size=hidden_size * 4,
        num_hidden_layers=layers,
        num_attention_heads=max(hidden_size // 64, 1),
        num_key_value_heads=max(hidden_size // 64, 1),
        max_position_embeddings=4096,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    LlamaForCausalLM(config).save_pretrained(output_dir)
    tokenizer.save_pretrained(output_dir)
    return output_dir


def data_mixture():
    """Return the bundled sample mixture (instructions + conversations), or the test fixtures."""
    from llmzoo_hf.data import DatasetMixtureConfig, DataSource

    data = REPO_ROOT / "data"
    if (data / "conversations.jsonl").is_file():
        names = ["conversations.jsonl", "instructions.jsonl", "user_centered.jsonl"]
        paths = [data / n for n in names if (data / n).is_file()]
    else:
        fixtures = REPO_ROOT / "tests" / "fixtures"
        paths = [fixtures / "conversations_small.jsonl", fixtures / "instructions_small.json"]
    return DatasetMixtureConfig(datasets=[DataSource(path=str(p)) for p in paths], seed=0)


def train_once(
    model_path: Path, tokenizer, dataset, *, padding_free: bool, steps: int, batch_size: int, workdir: Path
):
    """Train ``steps`` optimizer steps; return (non-pad tokens/s, mean loss, seconds)."""
    from trl import ModelConfig

    from llmzoo_hf._sft_steps import build_trainer
    from llmzoo_hf.configs import SFTConfig

    args = SFTConfig(
        output_dir=str(workdir / ("padding_free" if padding_free else "padded")),
        per_device_train_batch_size=batch_size,
        gradient_accumulation_steps=1,
        max_steps=steps,
        learning_rate=1e-4,
        max_length=None,  # padding-free without packing cannot truncate; same (untruncated) data for both
        padding_free=padding_free,
        bf16=False,
        use_cpu=True,
        gradient_checkpointing=False,
        logging_steps=1,
        save_strategy="no",
        report_to="none",
        seed=0,
        include_num_input_tokens_seen="non_padding",
        disable_tqdm=True,
    )
    trainer = build_trainer(str(model_path), tokenizer, dataset, args, ModelConfig(dtype="float32"))
    start = time.perf_counter()
    result = trainer.train()
    seconds = time.perf_counter() - start
    tokens = trainer.state.num_input_tokens_seen
    return tokens / seconds, result.training_loss, seconds, tokens


def main() -> int:
    """Run both modes and print tokens/s, losses and ``ratio=X``."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=4, help="optimizer steps per mode")
    parser.add_argument("--batch-size", type=int, default=16, help="conversations per step")
    parser.add_argument("--hidden-size", type=int, default=256, help="hidden size of the config-built LLaMA")
    parser.add_argument("--layers", type=int, default=4, help="decoder layers of the config-built LLaMA")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.getLogger("transformers").setLevel(logging.ERROR)

    from transformers import AutoTokenizer

    from llmzoo_hf import default_model_path
    from llmzoo_hf.data import build_dataset
    from llmzoo_hf.templates import apply_chat_template

    tokenizer = AutoTokenizer.from_pretrained(default_model_path())
    apply_chat_template(tokenizer, "chimera")
    dataset = build_dataset(data_mixture()).dataset
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        model_path = build_model(workdir / "model", tokenizer, hidden_size=args.hidden_size, layers=args.layers)
        results = {}
        for padding_free in (False, True):
            results[padding_free] = train_once(
                model_path, tokenizer, dataset, padding_free=padding_free, steps=args.steps,
                batch_size=args.batch_size, workdir=workdir,
            )  # fmt: skip
    print(f"model: LLaMA hidden {args.hidden_size} x {args.layers} layers, vocab {len(tokenizer)}; "
          f"{args.steps} steps x {args.batch_size} conversations, rows {len(dataset['train'])}")  # fmt: skip
    for padding_free, name in ((False, "padded"), (True, "padding_free")):
        speed, loss, seconds, tokens = results[padding_free]
        print(f"{name:<13} non-pad tokens/s={speed:8.1f}  loss={loss:.4f}  tokens={tokens}  seconds={seconds:.1f}")
    print(f"ratio={results[True][0] / results[False][0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Shared fixtures: the embedded model, tiny LLaMA / BLOOM models built from configs, and CLI runners."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO_ROOT = Path(__file__).resolve().parents[1]
# One sentence per script whose characters byte-level BPE splits across tokens (streaming must not cut them).
MULTI_SCRIPT_TEXTS = {
    "zh": "北京是中国的首都。",
    "ja": "東京は日本の首都です。",
    "ko": "서울은 한국의 수도입니다.",
    "ar": "القاهرة عاصمة مصر.",
    "hi": "नई दिल्ली भारत की राजधानी है।",
    "emoji": "🎉🚀 Party time 🥳",
}

# Nothing in the tests may reach a hub; fail fast instead of hanging on the network.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# chimera-tiny reports to trackio: keep the test runs' curves out of the user's ~/.cache/huggingface/trackio.
os.environ.setdefault("TRACKIO_DIR", tempfile.mkdtemp(prefix="llmzoo-test-trackio-"))


def has_cuda() -> bool:
    """Return True when a CUDA GPU is usable."""
    try:
        import torch

        return torch.cuda.is_available()
    except ImportError:
        return False


require_gpu = pytest.mark.skipif(not has_cuda(), reason="needs a CUDA GPU")


@pytest.fixture(scope="session")
def embedded_model_path() -> Path:
    """The embedded SmolLM2-135M-Instruct as a safetensors folder (converted once per machine)."""
    from llmzoo_hf import default_model_path

    return default_model_path()


@pytest.fixture(scope="session")
def embedded_chat(embedded_model_path):
    """A greedy chat session on the embedded model (shared: call ``reset()`` before use)."""
    from llmzoo_hf import load_chat

    return load_chat(embedded_model_path, temperature=0, max_new_tokens=48)


@pytest.fixture(scope="session")
def smol_tokenizer(embedded_model_path):
    """The embedded model's tokenizer (fast, BOS <|im_start|>, EOS <|im_end|>)."""
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(embedded_model_path)


def _fixture_texts() -> list[str]:
    texts = []
    for line in (FIXTURES / "conversations_small.jsonl").read_text(encoding="utf-8").splitlines():
        texts += [turn["value"] for turn in json.loads(line)["conversations"]]
    return texts


def build_bloom_tokenizer():
    """Train a small byte-level BPE tokenizer locally (BLOOM-style special tokens <s> </s> <pad> <unk>)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=600,
        special_tokens=["<unk>", "<s>", "</s>", "<pad>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(_fixture_texts() * 3, trainer=trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, bos_token="<s>", eos_token="</s>", pad_token="<pad>", unk_token="<unk>"
    )


@pytest.fixture(scope="session")
def bloom_tokenizer():
    """A BLOOM-style tokenizer trained on the test fixtures."""
    return build_bloom_tokenizer()


def build_tiny_bloom(output_dir: Path, tokenizer, *, template: str = "phoenix", seed: int = 0) -> Path:
    """Save a 2-layer, hidden-16 BLOOM model with ``tokenizer`` (Phoenix template) to ``output_dir``."""
    import torch
    from transformers import BloomConfig, BloomForCausalLM

    from llmzoo_hf import apply_chat_template

    torch.manual_seed(seed)
    config = BloomConfig(
        vocab_size=len(tokenizer),
        hidden_size=16,
        n_layer=2,
        n_head=2,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    model = BloomForCausalLM(config)
    apply_chat_template(tokenizer, template)
    model.save_pretrained(output_dir)
    tokenizer.save_pretrained(output_dir)
    return Path(output_dir)


def build_tiny_llama(output_dir: Path, tokenizer, *, template: str = "chimera", seed: int = 0) -> Path:
    """Save a 2-layer, hidden-16 LLaMA model with ``tokenizer`` (Chimera template) to ``output_dir``."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    from llmzoo_hf import apply_chat_template

    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=16,
        intermediate_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        max_position_embeddings=512,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    model = LlamaForCausalLM(config)
    apply_chat_template(tokenizer, template)
    model.save_pretrained(output_dir)
    tokenizer.save_pretrained(output_dir)
    return Path(output_dir)


@pytest.fixture(scope="session")
def tiny_bloom_path(tmp_path_factory, bloom_tokenizer) -> Path:
    """A tiny random BLOOM (Phoenix architecture) model folder."""
    return build_tiny_bloom(tmp_path_factory.mktemp("tiny-bloom"), bloom_tokenizer)


@pytest.fixture(scope="session")
def tiny_llama_path(tmp_path_factory, embedded_model_path) -> Path:
    """A tiny random LLaMA (Chimera architecture) model folder on the SmolLM2 tokenizer."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(embedded_model_path)
    return build_tiny_llama(tmp_path_factory.mktemp("tiny-llama"), tokenizer)


def run_cli(*args: str, input: str | None = None, timeout: float = 600, env: dict | None = None, cwd=None):
    """Run ``llmzoo ARGS`` in a subprocess (``python -m llmzoo_hf.cli``) and return the CompletedProcess."""
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "llmzoo_hf.cli", *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        cwd=cwd or REPO_ROOT,
    )


@pytest.fixture(scope="session")
def chimera_tiny_run(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """A 2-step chimera-tiny run (its recipe reports to trackio), offline: (output dir, TRACKIO_DIR, process)."""
    root = tmp_path_factory.mktemp("chimera-tiny-run")
    out, trackio_dir = root / "out", root / "trackio"
    argv = [
        sys.executable, "-m", "llmzoo_hf.sft", str(REPO_ROOT / "recipes" / "chimera-tiny.yaml"),
        f"--output_dir={out}", "--max_steps=2", "--per_device_train_batch_size=1", "--max_length=128",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TRACKIO_DIR": str(trackio_dir)}
    done = subprocess.run(argv, capture_output=True, text=True, timeout=1200, env=env, cwd=REPO_ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    return out, trackio_dir, done

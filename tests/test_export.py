"""GGUF export (``llmzoo export gguf``): transformers' own GGUF loader (``gguf_file=``) reads the files back, and the
reloaded model answers as the source does. A real llama.cpp is not run here (see the README's manual step)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from conftest import run_cli

PROMPTS = ["What is the capital of France?", "法国的首都是哪里？"]


def greedy_reply(tokenizer, model, prompt: str, max_new_tokens: int) -> list[int]:
    inputs = tokenizer.apply_chat_template(
        [{"role": "user", "content": prompt}], add_generation_prompt=True, return_tensors="pt", return_dict=True
    )
    with torch.inference_mode():
        output = model.generate(**inputs, max_new_tokens=max_new_tokens, do_sample=False)
    return output[0, inputs["input_ids"].shape[1] :].tolist()


def load_gguf(path):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path.parent, gguf_file=path.name)
    return tokenizer, AutoModelForCausalLM.from_pretrained(path.parent, gguf_file=path.name)


def field(reader, key):
    value = reader.fields[key]
    parts = [value.parts[i] for i in value.data]
    if value.types[0].name == "STRING":
        return bytes(parts[0]).decode("utf-8")
    return parts[0][0] if len(parts) == 1 else [p[0] for p in parts]


def test_permutation_is_what_the_loaders_undo():
    from transformers.modeling_gguf_pytorch_utils import LlamaTensorProcessor

    from llmzoo_hf.export import permute_qk

    rows = np.arange(6 * 64 * 5, dtype=np.float32).reshape(6 * 64, 5)  # 6 heads of 64 rows, 5 columns
    permuted = permute_qk(rows, 6)
    assert not np.array_equal(permuted, rows)
    # Within a head, rows 0..31 and 32..63 are interleaved: 0, 32, 1, 33, ...
    assert permuted[:4, 0].tolist() == [rows[0, 0], rows[32, 0], rows[1, 0], rows[33, 0]]
    undone = LlamaTensorProcessor()._reverse_permute_weights(permuted, 6, 6)
    assert np.array_equal(undone, rows)


def test_f32_export_of_a_tiny_llama_gives_identical_logits(tiny_llama_path, tmp_path):
    from gguf import GGUFReader
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from llmzoo_hf.export import export_gguf

    result = export_gguf(tiny_llama_path, out=tmp_path / "tiny" / "tiny-f32.gguf", type="f32")
    reader = GGUFReader(result.path)
    assert field(reader, "general.architecture") == "llama"
    assert field(reader, "llama.attention.head_count") == 2 and field(reader, "llama.attention.head_count_kv") == 1
    assert field(reader, "tokenizer.ggml.model") == "gpt2" and field(reader, "tokenizer.ggml.pre") == "gpt-2"
    source_tokenizer = AutoTokenizer.from_pretrained(tiny_llama_path)
    assert field(reader, "tokenizer.ggml.bos_token_id") == source_tokenizer.bos_token_id
    assert field(reader, "tokenizer.ggml.eos_token_id") == source_tokenizer.eos_token_id
    template = field(reader, "tokenizer.chat_template")
    assert "{%- generation" not in template  # the inference variant: llama.cpp's Jinja engines reject the tag
    assert template == source_tokenizer.chat_template.replace("{%- generation -%}", "").replace(
        "{%- endgeneration -%}", ""
    )

    tokenizer, model = load_gguf(result.path)
    source = AutoModelForCausalLM.from_pretrained(tiny_llama_path)
    ids = source_tokenizer("Hello world, 你好 мир!", return_tensors="pt")["input_ids"]
    assert tokenizer("Hello world, 你好 мир!", return_tensors="pt")["input_ids"].tolist() == ids.tolist()
    with torch.inference_mode():
        assert torch.equal(model(ids).logits, source(ids).logits)


def sentencepiece_style_tokenizer():
    """A LLaMA-style vocabulary (<unk> <s> </s>, 256 byte pieces, then BPE pieces with "▁"), trained here on the
    bundled European-language texts: Chinese text falls back to bytes."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import LlamaTokenizer

    from llmzoo_hf.data.fertility import collect_texts

    texts, _ = collect_texts(langs=["en", "fr", "de", "ru"])
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="first")
    bpe.train_from_iterator([t for lang in texts.values() for t in lang.texts], trainers.BpeTrainer(vocab_size=700))
    learned = json.loads(bpe.to_str())["model"]
    vocab = {piece: i for i, piece in enumerate(["<unk>", "<s>", "</s>"] + [f"<0x{b:02X}>" for b in range(256)])}
    for piece, _ in sorted(learned["vocab"].items(), key=lambda kv: kv[1]):
        vocab.setdefault(piece, len(vocab))
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in learned["merges"]]
    return LlamaTokenizer(vocab=vocab, merges=merges, unk_token="<unk>", bos_token="<s>", eos_token="</s>")


def test_sentencepiece_style_vocabulary_is_written_as_llama_and_reloads(tmp_path):
    from gguf import GGUFReader
    from transformers import AutoModelForCausalLM

    from conftest import build_tiny_llama
    from llmzoo_hf.export import export_gguf

    source_tokenizer = sentencepiece_style_tokenizer()
    folder = build_tiny_llama(tmp_path / "spm-llama", source_tokenizer)
    result = export_gguf(folder, out=tmp_path / "g" / "spm-f32.gguf", type="f32")
    reader = GGUFReader(result.path)
    assert field(reader, "tokenizer.ggml.model") == "llama"
    assert field(reader, "tokenizer.ggml.add_space_prefix") == 1
    types = field(reader, "tokenizer.ggml.token_type")
    assert types[:4] == [2, 3, 3, 6] and types[3 + 255] == 6 and types[3 + 256] == 1  # unk, bos, eos, <0x00>...
    scores = field(reader, "tokenizer.ggml.scores")
    assert scores[300] > scores[600]  # earlier pieces are merged first

    tokenizer, model = load_gguf(result.path)
    sample = ["Hello world", "Bonjour à tous, ça va ?", "Привет, мир", "今天天气很好", "  two  spaces"]
    assert tokenizer(sample)["input_ids"] == source_tokenizer(sample)["input_ids"]
    assert "<0xE4>" in source_tokenizer.tokenize("今天")  # the byte fallback really ran
    ids = source_tokenizer("Bonjour à tous, 今天", return_tensors="pt")["input_ids"]
    with torch.inference_mode():
        assert torch.equal(model(ids).logits, AutoModelForCausalLM.from_pretrained(folder)(ids).logits)


def test_rows_that_are_not_whole_blocks_fall_back_to_f16(tiny_llama_path, tmp_path):
    from llmzoo_hf.export import export_gguf

    # Hidden size 16: rows of 16 values are half a 32-value q8_0 block; the MLP's down projection has rows of 32.
    result = export_gguf(tiny_llama_path, out=tmp_path / "q" / "tiny-q8_0.gguf", type="q8_0")
    assert result.tensor_types["blk.0.attn_q.weight"] == "F16"
    assert result.tensor_types["blk.0.ffn_down.weight"] == "Q8_0"
    assert result.tensor_types["blk.0.attn_norm.weight"] == "F32"


def test_bad_inputs_are_named(tiny_bloom_path, tiny_llama_path, tmp_path):
    from llmzoo_hf.errors import ConfigError
    from llmzoo_hf.export import export_gguf

    with pytest.raises(ConfigError, match="is a 'bloom' model; `llmzoo export gguf` handles LLaMA-architecture"):
        export_gguf(tiny_bloom_path, out=tmp_path / "b.gguf")
    with pytest.raises(ConfigError, match="type='q3'; expected one of f32, f16, bf16, q8_0, q4_0"):
        export_gguf(tiny_llama_path, out=tmp_path / "x.gguf", type="q3")
    with pytest.raises(ConfigError, match="must end in .gguf"):
        export_gguf(tiny_llama_path, out=tmp_path / "x.bin")
    (tmp_path / "there.gguf").write_bytes(b"keep")
    with pytest.raises(FileExistsError, match="overwrite"):
        export_gguf(tiny_llama_path, out=tmp_path / "there.gguf")
    assert (tmp_path / "there.gguf").read_bytes() == b"keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["there.gguf"]  # no temporary file left behind


def test_push_gguf_dry_run_uploads_files_and_a_quantized_card(tiny_llama_path, tmp_path):
    from huggingface_hub import ModelCard

    from llmzoo_hf.export import export_gguf
    from llmzoo_hf.hub import push_folder

    folder = tmp_path / "gguf"
    export_gguf(tiny_llama_path, out=folder / "tiny-f16.gguf", base_model_id="me/tiny-llama")
    export_gguf(tiny_llama_path, out=folder / "tiny-f32.gguf", type="f32", base_model_id="me/tiny-llama")
    result = push_folder(folder, kind="gguf", repo_id="me/tiny-GGUF", dry_run_dir=tmp_path / "up")
    assert result.files == ["README.md", "tiny-f16.gguf", "tiny-f32.gguf"]
    card = ModelCard.load(tmp_path / "up" / "README.md")
    assert card.data.base_model == "me/tiny-llama"  # read back from the GGUF's general.base_model.0.name
    assert card.data.base_model_relation == "quantized" and card.data.library_name == "gguf"
    assert {"gguf", "llama.cpp", "f16", "f32"} <= set(card.data.tags)
    assert "| `tiny-f16.gguf` | f16 |" in card.text and "| `tiny-f32.gguf` | f32 |" in card.text
    assert 'from_pretrained("me/tiny-GGUF", gguf_file="tiny-f16.gguf")' in card.text
    with pytest.raises(FileNotFoundError, match="has no \\*.gguf file"):
        push_folder(tiny_llama_path, kind="gguf", repo_id="me/x", dry_run_dir=tmp_path / "none")


@pytest.mark.slow
def test_one_step_chimera_tiny_f16_gguf_replies_identically(chimera_tiny_run, tmp_path):
    """The issue's bar: a chimera-tiny output exported to GGUF f16 reloads in transformers and replies the same."""
    from gguf import GGUFReader
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from llmzoo_hf.data.fertility import collect_texts
    from llmzoo_hf.export import export_gguf

    out, _, _ = chimera_tiny_run
    result = export_gguf(out, out=tmp_path / "chimera-tiny-f16.gguf", type="f16")
    reader = GGUFReader(result.path)
    assert result.tensors == len(reader.tensors) == 30 * 9 + 2  # 9 per block, embedding, final norm (tied head)
    assert field(reader, "general.file_type") == 1  # MOSTLY_F16
    assert {t.tensor_type.name for t in reader.tensors if t.name.endswith("norm.weight")} == {"F32"}
    assert {t.tensor_type.name for t in reader.tensors if not t.name.endswith("norm.weight")} == {"F16"}

    source_tokenizer = AutoTokenizer.from_pretrained(out)
    source = AutoModelForCausalLM.from_pretrained(out)
    tokenizer, model = load_gguf(result.path)
    texts, _ = collect_texts(langs=["en", "zh", "hi", "ar", "ru"])
    sample = [t for lang in texts.values() for t in lang.texts[:20]]
    assert tokenizer(sample)["input_ids"] == source_tokenizer(sample)["input_ids"]
    for prompt in PROMPTS:
        expected = greedy_reply(source_tokenizer, source, prompt, 32)
        assert greedy_reply(tokenizer, model, prompt, 32) == expected, prompt
        assert tokenizer.decode(expected, skip_special_tokens=True).strip()


@pytest.mark.slow
def test_cli_q8_0_export_of_the_embedded_model_starts_its_reply_the_same(embedded_model_path, tmp_path):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = tmp_path / "smol" / "smollm2-q8_0.gguf"
    done = run_cli("export", "gguf", "embedded", "--out", str(path), "--type", "q8_0", timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"{path}: 272 tensors, q8_0," in done.stdout and f"card: {path.parent / 'README.md'}" in done.stdout
    assert "| `smollm2-q8_0.gguf` | q8_0 |" in (path.parent / "README.md").read_text()

    source_tokenizer = AutoTokenizer.from_pretrained(embedded_model_path)
    source = AutoModelForCausalLM.from_pretrained(embedded_model_path)
    tokenizer, model = load_gguf(path)
    expected = greedy_reply(source_tokenizer, source, PROMPTS[0], 8)
    assert greedy_reply(tokenizer, model, PROMPTS[0], 8) == expected


@pytest.mark.slow
def test_q4_0_keeps_embedding_q8_0_and_stays_close(embedded_model_path, tmp_path):
    from gguf import GGUFReader, dequantize
    from safetensors import safe_open

    from llmzoo_hf.export import export_gguf

    result = export_gguf(None, out=tmp_path / "q4" / "smollm2-q4_0.gguf", type="q4_0")
    assert result.tensor_types["token_embd.weight"] == "Q8_0"
    assert result.tensor_types["blk.0.ffn_down.weight"] == "Q4_0"
    assert result.tensor_types["output_norm.weight"] == "F32"
    tensor = next(t for t in GGUFReader(result.path).tensors if t.name == "blk.0.ffn_down.weight")
    restored = dequantize(tensor.data, tensor.tensor_type).reshape(576, 1536)
    with safe_open(embedded_model_path / "model.safetensors", framework="np") as handle:
        original = handle.get_tensor("model.layers.0.mlp.down_proj.weight")
    # q4_0: 16 levels per block of 32 around the block's largest value, so the error stays under one step.
    blocks = np.abs(original.reshape(-1, 32)).max(axis=1, keepdims=True)
    assert np.all(np.abs(restored - original).reshape(-1, 32) <= blocks / 8 + 1e-6)

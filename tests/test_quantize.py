"""Quantised variants: bitsandbytes int8 / NF4 save -> reload -> load_chat answers; GPTQ's clear refusals."""

from __future__ import annotations

import importlib.util
import json

import pytest
from huggingface_hub import ModelCard

from conftest import require_gpu, run_cli
from llmzoo_hf.errors import ConfigError, MissingExtraError
from llmzoo_hf.quantize import check_group_size, quantize_model

HAS_GPTQ = importlib.util.find_spec("gptqmodel") is not None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("method", "layer_class", "max_mb"), [("int8", "Linear8bitLt", 300), ("nf4", "Linear4bit", 200)]
)
def test_bitsandbytes_save_reload_answers(method, layer_class, max_mb, embedded_model_path, tmp_path):
    from llmzoo_hf import load_chat

    out = tmp_path / method
    try:
        quantize_model(
            embedded_model_path,
            output_dir=out,
            method=method,
            model_id=f"me/smol-{method}",
            base_model_id="HuggingFaceTB/SmolLM2-135M-Instruct",
        )
    except (RuntimeError, NotImplementedError) as exc:  # bitsandbytes without a backend for this CPU
        pytest.skip(f"bitsandbytes cannot quantise on this machine: {exc}")
    config = json.loads((out / "config.json").read_text())
    assert config["quantization_config"]["quant_method"] == "bitsandbytes"
    if method == "nf4":
        assert config["quantization_config"]["bnb_4bit_quant_type"] == "nf4"
        assert config["quantization_config"]["bnb_4bit_use_double_quant"] is True
    # fp32 weights are 538 MB; the embedding stays in full precision, the linear layers shrink.
    assert (out / "model.safetensors").stat().st_size < max_mb * 1e6
    card = ModelCard.load(out / "README.md")
    assert card.data.base_model_relation == "quantized"
    assert card.data.base_model == "HuggingFaceTB/SmolLM2-135M-Instruct"
    assert (out / "chat_template.jinja").is_file() and (out / "tokenizer.json").is_file()
    # Reload from the saved folder (not from the quantising process): the saved weights must be the real ones.
    session = load_chat(out, temperature=0, max_new_tokens=8)
    assert type(session.model.model.layers[0].mlp.up_proj).__name__ == layer_class
    reply = session.chat("What is the capital of France?")
    assert "Paris" in reply, reply


def test_gptq_without_the_extra_or_a_gpu_says_so(tmp_path):
    import torch

    if not HAS_GPTQ:
        with pytest.raises(MissingExtraError, match=r"pip install 'llmzoo-hf\[gptq\]'"):
            quantize_model(None, output_dir=tmp_path / "q", method="gptq", group_size=64)
    elif not torch.cuda.is_available():
        with pytest.raises(ConfigError, match="needs a CUDA GPU"):
            quantize_model(None, output_dir=tmp_path / "q", method="gptq", group_size=64)
    else:
        pytest.skip("gptqmodel and a GPU are present: test_gptq_on_gpu covers this")
    assert list(tmp_path.iterdir()) == []  # nothing left behind


def test_group_size_must_divide_in_features():
    from transformers import LlamaConfig

    config = LlamaConfig(hidden_size=576, intermediate_size=1536)
    with pytest.raises(ConfigError, match=r"group_size=128 does not divide .*hidden_size=576; use group_size=64"):
        check_group_size(config, 128)
    check_group_size(config, 64)
    with pytest.raises(ConfigError, match="method='awq'"):
        quantize_model(None, output_dir="unused", method="awq")


@pytest.mark.slow
def test_cli_gptq_message(tmp_path):
    result = run_cli("quantize", "--method", "gptq", "--group-size", "64", "--out", str(tmp_path / "q"))
    if HAS_GPTQ and "needs a CUDA GPU" not in result.stderr:
        pytest.skip("gptqmodel and a GPU are present")
    assert result.returncode == 1
    assert "llmzoo quantize: error:" in result.stderr
    assert ("llmzoo-hf[gptq]" in result.stderr) or ("needs a CUDA GPU" in result.stderr)


@pytest.mark.gpu
@require_gpu
@pytest.mark.skipif(not HAS_GPTQ, reason="needs the gptq extra (gptqmodel)")
def test_gptq_on_gpu(embedded_model_path, tmp_path):
    from llmzoo_hf import load_chat

    out = quantize_model(embedded_model_path, output_dir=tmp_path / "gptq", method="gptq", group_size=64).output_dir
    config = json.loads((out / "config.json").read_text())
    assert config["quantization_config"]["quant_method"] == "gptq"
    assert config["quantization_config"]["group_size"] == 64
    reply = load_chat(out, temperature=0, max_new_tokens=16).chat("What is the capital of France?")
    assert reply.strip()

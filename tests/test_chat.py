"""load_chat and `llmzoo chat` on the embedded model: answers, streaming, history, templates, refusals."""

from __future__ import annotations

import json
import random
import re

import pytest

from conftest import MULTI_SCRIPT_TEXTS, run_cli
from llmzoo_hf import load_chat
from llmzoo_hf.chat import GenerationSettings, IncrementalDetokenizer, ensure_chat_template
from llmzoo_hf.errors import ConfigError, DeltaFolderError, TemplateError, TemplateNotFoundError


def test_embedded_model_knows_the_capital_of_france(embedded_chat):
    embedded_chat.reset()
    reply = embedded_chat.chat("What is the capital of France?")
    assert "Paris" in reply
    assert embedded_chat.history == [
        {"role": "user", "content": "What is the capital of France?"},
        {"role": "assistant", "content": reply},
    ]
    embedded_chat.reset()
    assert embedded_chat.history == []


def test_stream_equals_chat_and_keeps_history(embedded_chat):
    embedded_chat.reset()
    full = embedded_chat.generate([{"role": "user", "content": "Name three colours."}])
    pieces = list(embedded_chat.stream("Name three colours."))
    assert len(pieces) > 1
    assert "".join(pieces) == full
    assert embedded_chat.history[-1] == {"role": "assistant", "content": full}
    embedded_chat.reset()


@pytest.mark.parametrize("text", list(MULTI_SCRIPT_TEXTS.values()), ids=list(MULTI_SCRIPT_TEXTS))
def test_streaming_never_splits_a_character(embedded_chat, text):
    embedded_chat.reset()
    messages = [{"role": "user", "content": f"Repeat exactly: {text}"}]
    full = embedded_chat.generate(messages, max_new_tokens=32)
    pieces = list(embedded_chat.stream_messages(messages, max_new_tokens=32))
    assert "".join(pieces) == full
    assert all("\ufffd" not in piece for piece in pieces)


@pytest.mark.parametrize(
    "text", ["你好，世界！", "こんにちは", "안녕하세요", "مرحبا بالعالم", "नमस्ते दुनिया", "👍🏽🇫🇷✨"]
)
def test_incremental_detokenizer_pieces_add_up_to_the_full_decode(smol_tokenizer, text):
    ids = smol_tokenizer(text, add_special_tokens=False)["input_ids"]
    rng = random.Random(0)
    detok = IncrementalDetokenizer(smol_tokenizer)
    pieces, i = [], 0
    while i < len(ids):
        step = rng.randint(1, 3)
        pieces.append(detok.push(ids[i : i + step]))
        i += step
    pieces.append(detok.flush())
    assert "".join(pieces) == smol_tokenizer.decode(ids) == text
    assert all("\ufffd" not in p for p in pieces)


def test_generation_settings_validation():
    with pytest.raises(ConfigError, match=r"top_p=0 must be in \(0, 1\]"):
        GenerationSettings(top_p=0)
    with pytest.raises(ConfigError, match=r"temperature=-1 must be >= 0"):
        GenerationSettings(temperature=-1)
    assert GenerationSettings(temperature=0).to_generate_kwargs()["do_sample"] is False


def test_template_choice_is_explained(tiny_bloom_path, tmp_path, bloom_tokenizer):
    import copy

    tokenizer = copy.deepcopy(bloom_tokenizer)
    tokenizer.chat_template = None
    with pytest.raises(TemplateError, match=r"has no chat template; name one"):
        ensure_chat_template(tokenizer, None)
    with pytest.raises(TemplateNotFoundError, match=r"Unknown chat template 'nope'"):
        ensure_chat_template(tokenizer, "nope")
    assert ensure_chat_template(tokenizer, "phoenix") == ("phoenix", "named")
    assert ensure_chat_template(tokenizer, "vicuna", force_template=False) == (None, "model")
    assert ensure_chat_template(tokenizer, "vicuna", force_template=True) == ("vicuna_v1.1", "forced")

    session = load_chat(tiny_bloom_path, temperature=0, max_new_tokens=4)
    assert session.template_source == "model"
    assert session.template_explanation == "Using the model's own chat template (from its tokenizer config)."


def test_load_chat_refuses_a_delta_folder(tiny_llama_path, tmp_path):
    import shutil

    delta = tmp_path / "chimera-delta"
    shutil.copytree(tiny_llama_path, delta)
    config = json.loads((delta / "config.json").read_text())
    config["llmzoo_delta"] = {"base_model": "huggyllama/llama-7b", "base_checksum": "abc123"}
    (delta / "config.json").write_text(json.dumps(config))
    with pytest.raises(DeltaFolderError) as info:
        load_chat(delta)
    message = str(info.value)
    assert "holds delta weights" in message and "huggyllama/llama-7b" in message
    assert f"llmzoo delta apply --base huggyllama/llama-7b --delta {delta} --out chimera-delta-merged" in message


@pytest.mark.slow
def test_cli_chat_answers_stdin_lines(embedded_model_path):
    result = run_cli(
        "chat",
        "--model",
        str(embedded_model_path),
        "--temperature",
        "0",
        "--max-new-tokens",
        "24",
        input="What is the capital of France?\n!reset\nSay hello.\n!exit\nThis line is never read.\n",
    )
    assert result.returncode == 0, result.stderr
    answers = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(answers) == 2
    assert "Paris" in answers[0]
    assert "(conversation reset)" in result.stderr
    assert "Using the model's own chat template" in result.stderr


@pytest.mark.slow
def test_cli_chat_default_model_and_multiline():
    # No --model: the embedded default. --multiline: a blank line ends each message.
    result = run_cli(
        "chat",
        "--multiline",
        "--temperature",
        "0",
        "--max-new-tokens",
        "24",
        input="What is the capital\nof France?\n\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Paris" in result.stdout
    assert "SmolLM2-135M-Instruct (embedded)" in result.stderr


def test_cli_chat_help_lists_options_and_examples():
    result = run_cli("chat", "--help")
    assert result.returncode == 0
    for option in ("--model", "--load-8bit", "--load-4bit", "--style", "--multiline", "--temperature", "Examples:"):
        assert option in result.stdout


def test_cli_chat_reports_a_delta_folder_without_traceback(tiny_llama_path, tmp_path):
    import shutil

    delta = tmp_path / "d"
    shutil.copytree(tiny_llama_path, delta)
    config = json.loads((delta / "config.json").read_text())
    config["llmzoo_delta"] = {"base_model": "base-x"}
    (delta / "config.json").write_text(json.dumps(config))
    result = run_cli("chat", "--model", str(delta), input="hi\n")
    assert result.returncode == 1
    assert "llmzoo chat: error:" in result.stderr and "llmzoo delta apply --base base-x" in result.stderr
    assert "Traceback" not in result.stderr


def test_model_resolution_errors_say_what_is_wrong(tmp_path, embedded_model_path, monkeypatch):
    from huggingface_hub import constants

    from llmzoo_hf.chat import load_model_and_tokenizer, resolve_model
    from llmzoo_hf.errors import ModelNotFoundError

    assert resolve_model("embedded") == resolve_model(None)
    assert resolve_model("embedded").kind == "embedded"
    for missing in (tmp_path / "nope", "./nope", "~/no/such/model", "a/b/c"):
        with pytest.raises(ModelNotFoundError, match=f"No model folder at {re.escape(str(missing))}"):
            resolve_model(missing)
    (tmp_path / "outputs").mkdir()  # "outputs/x" reads as a path when outputs/ is here, not as a Hub id
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ModelNotFoundError, match="No model folder at outputs/chimera-tiny"):
        resolve_model("outputs/chimera-tiny")
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(ModelNotFoundError, match="'someone/model' is not a local folder and not in the Hub cache"):
        resolve_model("someone/model")
    no_tokenizer = tmp_path / "no-tokenizer"
    no_tokenizer.mkdir()
    for name in ("config.json", "model.safetensors"):
        (no_tokenizer / name).write_bytes((embedded_model_path / name).read_bytes())
    with pytest.raises(ModelNotFoundError, match="no-tokenizer has no tokenizer .*save_pretrained"):
        load_model_and_tokenizer(no_tokenizer)

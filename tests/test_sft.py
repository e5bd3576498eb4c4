"""llmzoo_hf.sft: recipe errors before any load, the loss mask, and real accelerate runs (single, resume, ZeRO-3)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from llmzoo_hf.errors import ConfigError, DeltaFolderError, TemplateNotFoundError

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
TINY_RECIPE = REPO_ROOT / "recipes" / "chimera-tiny.yaml"
FIXTURE_MIXTURE = {
    "datasets": [
        {"path": str(FIXTURES / "conversations_small.jsonl"), "layout": "conversation"},
        {"path": str(FIXTURES / "instructions_small.json"), "layout": "alpaca"},
        {"path": str(FIXTURES / "user_centered_small.jsonl"), "layout": "user_centered"},
    ],
    "seed": 42,
}


def write_recipe(path: Path, **overrides) -> Path:
    """Write a small CPU recipe on the fixture data, with ``overrides`` on top."""
    import yaml

    recipe = {
        "model_name_or_path": "embedded",
        "chat_template": "chimera",
        "dataset_mixture": FIXTURE_MIXTURE,
        "bf16": False,
        "use_cpu": True,
        "report_to": "none",
        "output_dir": str(path.parent / "out"),
        **overrides,
    }
    path.write_text(yaml.safe_dump(recipe, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def no_loading(monkeypatch):
    """Make any model, tokenizer or data load fail the test: errors must come before them."""
    import llmzoo_hf._sft_steps as steps
    import llmzoo_hf.data as data

    def forbidden(*args, **kwargs):
        raise AssertionError("a model, tokenizer or data set was loaded before the recipe error")

    for module, name in [
        (steps, "resolve_model_path"),
        (steps, "get_tokenizer"),
        (steps, "build_trainer"),
        (data, "build_dataset"),
    ]:
        monkeypatch.setattr(module, name, forbidden)


# ---------------------------------------------------------------- recipe errors, raised before anything loads


def test_unknown_recipe_key_names_file_key_and_suggestion(tmp_path, no_loading):
    from llmzoo_hf.sft import main

    recipe = write_recipe(tmp_path / "bad.yaml", learning_rat=1e-4)
    with pytest.raises(ConfigError, match=r"bad\.yaml: unknown key `learning_rat`\. Did you mean `learning_rate`\?"):
        main([str(recipe)])
    assert not (tmp_path / "out").exists()


def test_unknown_key_on_command_line(tmp_path, no_loading):
    from llmzoo_hf.sft import main

    recipe = write_recipe(tmp_path / "ok.yaml")
    with pytest.raises(ConfigError, match=r"command line: unknown key `max_step`\. Did you mean `max_steps`\?"):
        main([str(recipe), "--max_step=3"])


def test_unknown_key_inside_dataset_mixture(tmp_path, no_loading):
    from llmzoo_hf.sft import main

    mixture = {"datasets": [{"path": str(FIXTURES / "conversations_small.jsonl"), "weigth": 2}]}
    recipe = write_recipe(tmp_path / "mix.yaml", dataset_mixture=mixture)
    with pytest.raises(
        ConfigError, match=r"mix\.yaml: dataset_mixture\.datasets\[0\]: unknown key `weigth`\. Did you mean `weight`\?"
    ):
        main([str(recipe)])


def test_missing_data_file(tmp_path, no_loading):
    from llmzoo_hf.sft import main

    mixture = {"datasets": [{"path": "data/no_such_file.jsonl"}]}
    recipe = write_recipe(tmp_path / "missing.yaml", dataset_mixture=mixture)
    with pytest.raises(
        ConfigError, match=r"missing\.yaml: dataset_mixture\.datasets\[0\]\.path: data file data/no_such_file\.jsonl"
    ):
        main([str(recipe)])


def test_unknown_template(tmp_path, no_loading):
    from llmzoo_hf.sft import main

    recipe = write_recipe(tmp_path / "tpl.yaml", chat_template="chimera2")
    with pytest.raises(TemplateNotFoundError, match=r"tpl\.yaml: chat_template: Unknown chat template 'chimera2'"):
        main([str(recipe)])


def test_padding_free_without_packing_needs_no_max_length(tmp_path, no_loading):
    from llmzoo_hf.sft import main

    recipe = write_recipe(tmp_path / "pf.yaml", padding_free=True, max_length=256)
    with pytest.raises(ConfigError, match=r"pf\.yaml: padding_free: true without packing .* needs `max_length: null`"):
        main([str(recipe)])


def test_missing_recipe_and_positional_or_config_flag(tmp_path):
    from llmzoo_hf._sft_recipe import split_argv
    from llmzoo_hf.sft import main

    with pytest.raises(ConfigError, match=r"No recipe given\. Usage: accelerate launch -m llmzoo_hf\.sft"):
        main(["--max_steps=2"])
    assert split_argv(["r.yaml", "--max_steps=2"]) == ("r.yaml", ["--max_steps=2"])
    assert split_argv(["--max_steps=2", "--config", "r.yaml"]) == ("r.yaml", ["--max_steps=2"])
    assert split_argv(["--config=r.yaml"]) == ("r.yaml", [])


def test_cli_prints_one_error_line(tmp_path):
    recipe = write_recipe(tmp_path / "bad.yaml", lerning_rate=1e-4)
    done = subprocess.run(
        [sys.executable, "-m", "llmzoo_hf.sft", str(recipe)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        f"llmzoo_hf.sft: error: {recipe}: unknown key `lerning_rate`. Did you mean `learning_rate`? "
        "(every key: `python -m llmzoo_hf.sft --help`)"
    )


def test_delta_folder_is_refused(tmp_path):
    from llmzoo_hf.sft import main

    delta = tmp_path / "my-delta"
    delta.mkdir()
    config = {"model_type": "llama", "llmzoo_delta": {"base_model": "huggyllama/llama-7b", "base_checksum": "abc"}}
    (delta / "config.json").write_text(json.dumps(config), encoding="utf-8")
    recipe = write_recipe(tmp_path / "delta.yaml", model_name_or_path=str(delta))
    with pytest.raises(DeltaFolderError, match=r"llmzoo delta apply --base huggyllama/llama-7b --delta .*my-delta"):
        main([str(recipe)])


def test_padding_free_refused_for_bloom_alibi(tiny_bloom_path, tiny_llama_path):
    from trl import ModelConfig

    from llmzoo_hf._sft_steps import check_padding_free
    from llmzoo_hf.configs import SFTConfig

    args = SFTConfig(output_dir="unused", packing=True, bf16=False, use_cpu=True, report_to="none")
    with pytest.raises(
        ConfigError, match=r"BloomForCausalLM \(model_type 'bloom', attention 'sdpa'\) takes no position_ids"
    ):
        check_padding_free(str(tiny_bloom_path), args, ModelConfig())
    check_padding_free(str(tiny_llama_path), args, ModelConfig())  # LLaMA: position_ids -> block-diagonal mask


# ---------------------------------------------------------------- the loss mask


@pytest.mark.slow
def test_collated_labels_cover_only_reply_bos_text_eos(tmp_path, tiny_llama_path):
    """Labels are -100 everywhere except each assistant reply's opening BOS, its text and its closing EOS."""
    import torch
    from datasets import Dataset, DatasetDict
    from transformers import AutoTokenizer
    from trl import ModelConfig

    from llmzoo_hf._sft_steps import build_trainer, get_tokenizer
    from llmzoo_hf.configs import SFTConfig
    from llmzoo_hf.templates import PHOENIX_SYSTEM_PROMPT

    messages = [
        {"role": "user", "content": "Hello! What is the capital of France?"},
        {"role": "assistant", "content": "The capital of France is Paris."},
        {"role": "user", "content": "And of Italy?"},
        {"role": "assistant", "content": "Rome."},
    ]
    args = SFTConfig(
        output_dir=str(tmp_path),
        bf16=False,
        use_cpu=True,
        report_to="none",
        max_length=512,
        gradient_checkpointing=False,
    )
    tokenizer = get_tokenizer(str(tiny_llama_path), "chimera", args, ModelConfig())
    dataset = DatasetDict({"train": Dataset.from_list([{"id": "0", "messages": messages}])})
    trainer = build_trainer(str(tiny_llama_path), tokenizer, dataset, args, ModelConfig(dtype="float32"))
    batch = trainer.data_collator([trainer.train_dataset[0]])

    # Each text piece sits between special tokens, so tokenizing the pieces apart gives the same ids.
    reference = AutoTokenizer.from_pretrained(tiny_llama_path)
    bos, eos = reference.bos_token_id, reference.eos_token_id

    def ids(text):
        return reference(text, add_special_tokens=False)["input_ids"]

    input_ids, labels = [], []

    def prompt(piece_ids):
        input_ids.extend(piece_ids)
        labels.extend([-100] * len(piece_ids))

    def reply(text):
        piece = [bos, *ids(text), eos]
        input_ids.extend(piece)
        labels.extend(piece)

    prompt(
        ids(PHOENIX_SYSTEM_PROMPT + "\n\nHuman: ") + [bos] + ids(messages[0]["content"]) + [eos] + ids("Assistant: ")
    )
    reply(messages[1]["content"])
    prompt(ids("Human: ") + [bos] + ids(messages[2]["content"]) + [eos] + ids("Assistant: "))
    reply(messages[3]["content"])

    assert torch.equal(batch["input_ids"], torch.tensor([input_ids]))
    assert torch.equal(batch["labels"], torch.tensor([labels]))


# ---------------------------------------------------------------- real runs through `accelerate launch`


def launch(output_dir: Path, *extra: str, config: str = "cpu.yaml", timeout: float = 900, recipe=TINY_RECIPE):
    """Run ``accelerate launch -m llmzoo_hf.sft`` on chimera-tiny (bundled data, or the fixtures if absent)."""
    argv = [
        sys.executable, "-m", "accelerate.commands.launch",
        "--config_file", str(REPO_ROOT / "recipes" / "accelerate" / config),
        "--num_processes", "1", "--cpu",
        "-m", "llmzoo_hf.sft", str(recipe), f"--output_dir={output_dir}", *extra,
    ]  # fmt: skip
    if not (REPO_ROOT / "data" / "conversations.jsonl").is_file():
        argv.append(f"--dataset_mixture={json.dumps(FIXTURE_MIXTURE)}")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return argv, env


def run_launch(output_dir: Path, *extra: str, **kwargs) -> subprocess.CompletedProcess:
    argv, env = launch(output_dir, *extra, **kwargs)
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=kwargs.get("timeout", 900), env=env, cwd=REPO_ROOT
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    return done


@pytest.mark.slow
def test_tiny_run_end_to_end_then_chat(tmp_path):
    from transformers import AutoTokenizer

    from llmzoo_hf import get_chat_template, load_chat

    out = tmp_path / "chimera-tiny"
    done = run_launch(out, "--max_steps=2", "--per_device_train_batch_size=2", "--gradient_accumulation_steps=2")
    log = done.stdout + done.stderr
    # The start-up summary, before training (issue 8 item 4).
    assert "llmzoo_hf.sft start-up summary" in log
    assert "global batch:       4 = 2 per device x 1 processes x 2 accumulation steps" in log
    assert "chat template:      chimera (loss on assistant replies only: True)" in log
    assert "optimizer steps:    ~2 (max_steps=2)" in log
    assert "compute:            CPU, " in log and "Training on the CPU with" not in log  # every core, not one
    assert "data mix (train rows per source):" in log and "data mix (train rows per language):" in log
    assert log.index("start-up summary") < log.index("'loss'")

    for name in ("model.safetensors", "config.json", "tokenizer.json", "README.md", "loss.png", "data_report.json"):
        assert (out / name).is_file(), name
    assert not list(out.glob("*.bin")) or [p.name for p in out.glob("*.bin")] == ["training_args.bin"]
    state = json.loads((out / "trainer_state.json").read_text())
    assert state["global_step"] == 2
    tokenizer = AutoTokenizer.from_pretrained(out)
    assert tokenizer.chat_template == get_chat_template("chimera")  # the inference variant: no {% generation %}
    generation = json.loads((out / "generation_config.json").read_text())
    assert generation["eos_token_id"] == tokenizer.eos_token_id
    # LLM Zoo's <s>/</s> are the base's own BOS/EOS (SmolLM2's ChatML tokens), in the tokenizer and both configs.
    assert (tokenizer.bos_token, tokenizer.bos_token_id, tokenizer.eos_token) == ("<|im_start|>", 1, "<|im_end|>")
    assert generation["bos_token_id"] == 1 == json.loads((out / "config.json").read_text())["bos_token_id"]
    prompt = tokenizer.apply_chat_template(
        [{"role": "user", "content": "Hi"}], tokenize=False, add_generation_prompt=True
    )
    assert prompt.endswith("Human: <|im_start|>Hi<|im_end|>Assistant: <|im_start|>")
    card = (out / "README.md").read_text()
    assert "chimera" in card and "llmzoo-hf" in card

    reply = load_chat(out, temperature=0, max_new_tokens=16).chat("What is the capital of France?")
    assert reply.strip()


@pytest.mark.slow
def test_killed_run_resumes_from_its_last_checkpoint(tmp_path):
    out = tmp_path / "resume"
    extra = ("--max_steps=3", "--save_steps=1", "--per_device_train_batch_size=2", "--gradient_accumulation_steps=1")
    argv, env = launch(out, *extra)
    log_path = tmp_path / "first.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            argv, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO_ROOT, start_new_session=True
        )
        deadline = time.monotonic() + 600
        try:
            while not (out / "checkpoint-1" / "trainer_state.json").is_file():
                assert process.poll() is None, log_path.read_text()[-3000:]
                assert time.monotonic() < deadline, "no checkpoint within 10 minutes"
                time.sleep(0.5)
        finally:
            os.killpg(process.pid, signal.SIGKILL)  # our own process group only
            process.wait()
    assert not (out / "model.safetensors").exists()  # the first run did not finish
    first = json.loads((out / "checkpoint-1" / "trainer_state.json").read_text())
    assert first["global_step"] == 1

    from llmzoo_hf._sft_steps import last_complete_checkpoint

    checkpoint = last_complete_checkpoint(out)  # checkpoint-1, or checkpoint-2 if the kill came that late
    resumed_step = int(Path(checkpoint).name.split("-")[1])
    done = run_launch(out, *extra)
    log = done.stdout + done.stderr
    assert f"Resuming from {checkpoint}" in log
    final = json.loads((out / "trainer_state.json").read_text())
    assert final["global_step"] == 3
    assert log.count("'loss'") == 3 - resumed_step  # only the steps after the checkpoint ran again
    losses = [entry for entry in final["log_history"] if "loss" in entry]
    assert [entry["step"] for entry in losses] == [1, 2, 3]
    assert losses[0]["loss"] == pytest.approx(first["log_history"][0]["loss"])


@pytest.mark.slow
def test_deepspeed_zero3_on_cpu_saves_a_loadable_model(tmp_path):
    pytest.importorskip("deepspeed")
    from transformers import AutoModelForCausalLM

    out = tmp_path / "zero3"
    run_launch(out, "--max_steps=2", "--per_device_train_batch_size=2", config="zero3.yaml", timeout=1200)
    model = AutoModelForCausalLM.from_pretrained(out)
    assert model.num_parameters() > 100_000_000  # the full 135M model, gathered from the ZeRO-3 shards
    assert json.loads((out / "trainer_state.json").read_text())["global_step"] == 2


@pytest.mark.slow
def test_merge_lora_saves_a_full_model_folder(tmp_path, tiny_llama_path):
    from safetensors.torch import load_file

    out = tmp_path / "merged"
    recipe = write_recipe(
        tmp_path / "lora.yaml",
        model_name_or_path=str(tiny_llama_path),
        use_peft=True,
        lora_r=4,
        lora_alpha=8,
        lora_target_modules=["all-linear"],
        merge_lora=True,
        learning_rate=1.0e-2,
        max_steps=1,
        max_length=64,
        per_device_train_batch_size=2,
    )
    run_launch(out, recipe=recipe)
    assert not (out / "adapter_model.safetensors").exists() and not (out / "adapter_config.json").exists()
    assert not (out / ".merged.tmp").exists()
    base, merged = load_file(tiny_llama_path / "model.safetensors"), load_file(out / "model.safetensors")
    assert sorted(merged) == sorted(base)  # plain LLaMA names: no base_model.model. / lora_A prefixes
    # LoRA wraps every linear layer of the blocks, not the embedding: the step changed the first only.
    assert not torch_equal(
        base["model.layers.0.self_attn.q_proj.weight"], merged["model.layers.0.self_attn.q_proj.weight"]
    )
    assert torch_equal(base["model.embed_tokens.weight"], merged["model.embed_tokens.weight"])
    assert (
        json.loads((out / "generation_config.json").read_text())["eos_token_id"]
        == json.loads((tiny_llama_path / "config.json").read_text())["eos_token_id"]
    )
    card = (out / "README.md").read_text()
    assert "(LoRA, adapters merged into the base, loss on the assistant replies only)" in card


def test_bos_token_replaces_the_tokenizers_bos_and_must_be_in_the_vocabulary():
    from types import SimpleNamespace

    import llmzoo_hf._sft_steps as steps
    from llmzoo_hf import default_model_path

    path = str(default_model_path())
    args = SimpleNamespace(trust_remote_code=False), SimpleNamespace(model_revision=None)
    own = steps.get_tokenizer(path, "chimera", *args)
    assert own.bos_token == "<|im_start|>"
    tokenizer = steps.get_tokenizer(path, "chimera", *args, bos_token="<|endoftext|>")
    assert (tokenizer.bos_token, tokenizer.bos_token_id, tokenizer.eos_token) == ("<|endoftext|>", 0, "<|im_end|>")
    rendered = tokenizer.apply_chat_template(
        [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}], tokenize=False
    )
    assert rendered.endswith("Human: <|endoftext|>Hi<|im_end|>Assistant: <|endoftext|>Hello!<|im_end|>")
    with pytest.raises(ConfigError, match=r"bos_token: '<s>' is not a token of the tokenizer in "):
        steps.get_tokenizer(path, "chimera", *args, bos_token="<s>")


def torch_equal(a, b) -> bool:
    import torch

    return torch.equal(a, b)


def test_cpu_runs_warn_when_torch_uses_fewer_threads_than_cores():
    import logging

    import torch

    from llmzoo_hf._sft_steps import cpu_threads_line

    assert cpu_threads_line("cuda") is None
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # the package's loggers may not propagate (configure_logging), so listen here
    steps_logger = logging.getLogger("llmzoo_hf._sft_steps")
    threads = torch.get_num_threads()
    steps_logger.addHandler(handler)
    try:
        torch.set_num_threads(1)
        line = cpu_threads_line("cpu")
    finally:
        torch.set_num_threads(threads)
        steps_logger.removeHandler(handler)
    assert line.startswith("compute:            CPU, 1 torch threads on ")
    cores = int(line.split(" on ")[1].split()[0])
    warned = [r.getMessage() for r in records if "Training on the CPU with 1 of" in r.getMessage()]
    assert bool(warned) is (cores > 1)
    if warned:
        assert "recipes/accelerate/cpu.yaml" in warned[0]


def test_merge_lora_needs_use_peft(tmp_path, no_loading):
    from llmzoo_hf.sft import main

    recipe = write_recipe(tmp_path / "m.yaml", merge_lora=True)
    with pytest.raises(ConfigError, match=r"m\.yaml: merge_lora: true merges LoRA adapters .* needs `use_peft: true`"):
        main([str(recipe)])

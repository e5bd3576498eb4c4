"""Every recipe in recipes/ parses, uses only known keys, and points at data and templates that exist (no loading)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
RECIPES = sorted((REPO_ROOT / "recipes").glob("*.yaml"))
ACCELERATE_CONFIGS = sorted((REPO_ROOT / "recipes" / "accelerate").glob("*.yaml"))
EXPECTED_RECIPES = {
    f"{base}{variant}.yaml" for base in ("phoenix7b", "chimera7b", "chimera13b") for variant in ("", "-lora", "-qlora")
} | {"chimera-tiny.yaml"}


def test_every_expected_recipe_exists():
    assert {p.name for p in RECIPES} == EXPECTED_RECIPES
    assert {p.name for p in ACCELERATE_CONFIGS} == {
        "zero3.yaml",
        "zero2.yaml",
        "fsdp.yaml",
        "ddp.yaml",
        "single.yaml",
        "cpu.yaml",
    }


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda p: p.name)
def test_recipe_parses_and_references_exist(recipe, monkeypatch):
    from llmzoo_hf._sft_recipe import check_recipe, parse_recipe
    from llmzoo_hf.templates import get_template

    monkeypatch.chdir(REPO_ROOT)
    # bf16 recipes are written for GPUs; on a CPU-only machine TrainingArguments wants use_cpu to accept bf16.
    script_args, training_args, model_args, _ = parse_recipe([str(recipe), "--use_cpu=true"])
    check_recipe(script_args, training_args, model_args, recipe)  # raises on a missing local file or template
    get_template(script_args.chat_template)
    for source in script_args.dataset_mixture.datasets:
        if source.path.startswith("/"):
            assert Path(source.path).is_file(), source.path


@pytest.mark.parametrize("recipe", [p for p in RECIPES if p.name != "chimera-tiny.yaml"], ids=lambda p: p.name)
def test_big_recipes_use_llm_zoo_hyperparameters(recipe):
    raw = yaml.safe_load(recipe.read_text(encoding="utf-8"))
    qlora = recipe.stem.endswith("-qlora")
    gpus = 1 if qlora else 8
    # Global batch 256 = per-device x GPUs x accumulation, e.g. 4 x 8 x 8 for 7B full fine-tuning.
    assert raw["per_device_train_batch_size"] * gpus * raw["gradient_accumulation_steps"] == 256
    assert raw["num_train_epochs"] == 3
    assert raw["lr_scheduler_type"] == "cosine"
    assert raw["warmup_steps"] == 0.03
    assert raw["max_length"] == 2048
    assert raw["bf16"] is True
    assert raw["activation_checkpointing"] is True
    assert raw["learning_rate"] == (2.0e-5 if not recipe.stem.endswith(("-lora", "-qlora")) else 2.0e-4)
    assert raw["chat_template"] == ("phoenix" if recipe.stem.startswith("phoenix") else "chimera")
    assert raw.get("load_in_4bit", False) is qlora
    expected_base = {
        "phoenix7b": "bigscience/bloomz-7b1-mt",
        "chimera7b": "huggyllama/llama-7b",
        "chimera13b": "huggyllama/llama-13b",
    }[recipe.stem.split("-")[0]]
    assert raw["model_name_or_path"] == expected_base


def test_tiny_recipe_is_a_cpu_fp32_run():
    raw = yaml.safe_load((REPO_ROOT / "recipes" / "chimera-tiny.yaml").read_text(encoding="utf-8"))
    assert raw["model_name_or_path"] == "embedded"
    assert (raw["bf16"], raw["use_cpu"], raw["dtype"], raw["chat_template"]) == (False, True, "float32", "chimera")
    assert [d["path"] for d in raw["dataset_mixture"]["datasets"]] == [
        "data/conversations.jsonl",
        "data/instructions.jsonl",
        "data/user_centered.jsonl",
    ]


@pytest.mark.parametrize("config", ACCELERATE_CONFIGS, ids=lambda p: p.name)
def test_accelerate_configs_load(config):
    from accelerate.commands.config.config_args import load_config_from_file

    loaded = load_config_from_file(str(config))
    expected = {
        "single.yaml": "NO",
        "cpu.yaml": "NO",
        "ddp.yaml": "MULTI_GPU",
        "zero2.yaml": "DEEPSPEED",
        "zero3.yaml": "DEEPSPEED",
        "fsdp.yaml": "FSDP",
    }[config.name]
    assert str(loaded.distributed_type).split(".")[-1] == expected
    if config.name.startswith("zero"):
        assert loaded.deepspeed_config["zero_stage"] == int(config.name[4])
    # Only cpu.yaml says use_cpu: then `accelerate launch` gives the process every core, not OMP_NUM_THREADS=1.
    assert loaded.use_cpu is (config.name == "cpu.yaml")
    # Every multi-process config documents the multi-node launch.
    if config.name not in ("single.yaml", "cpu.yaml"):
        assert "--num_machines 2" in config.read_text(encoding="utf-8")

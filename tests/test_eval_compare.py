"""Tests of llmzoo_hf.eval.compare: reply verdicts, the held-out prompt file, the held-out split, compare CLI."""

from __future__ import annotations

import json
import math

import pytest

from conftest import REPO_ROOT, run_cli
from llmzoo_hf.errors import ConfigError, DataError
from llmzoo_hf.eval.compare import (
    classify_reply,
    heldout_conversations,
    load_heldout_prompts,
    normalise,
    prompt_overlap,
)


def _training_texts() -> list[str]:
    """Every string value of every row of the bundled training files (data/*.jsonl), conversations included."""
    texts = []
    for path in sorted((REPO_ROOT / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for key, value in record.items():
                if key == "conversations":
                    texts += [turn["value"] for turn in value]
                elif isinstance(value, str) and key not in ("id", "lang"):
                    texts.append(value)
    return texts


def test_heldout_prompts_file_has_30_prompts_in_7_languages():
    prompts = load_heldout_prompts()
    assert len(prompts) == 30
    assert len({p.id for p in prompts}) == 30
    counts = {}
    for p in prompts:
        counts[p.lang] = counts.get(p.lang, 0) + 1
    assert counts == {"en": 5, "zh": 5, "es": 4, "fr": 4, "de": 4, "ja": 4, "ru": 4}


def test_heldout_prompts_share_no_text_with_training_files():
    texts = _training_texts()
    assert len(texts) > 2000  # 340 conversations of 2-6 turns + 225 + 115 instruction rows (several fields each)
    corpus = "\x00".join(normalise(text) for text in texts)
    normalised_texts = {normalise(text) for text in texts}
    for prompt in load_heldout_prompts():
        text = normalise(prompt.prompt)
        assert text not in normalised_texts, prompt.id
        # No run of half the prompt (normalised characters) appears anywhere in the training text.
        run = math.ceil(len(text) / 2)
        shared = [text[i : i + run] for i in range(len(text) - run + 1) if text[i : i + run] in corpus]
        assert shared == [], (prompt.id, shared)


def test_normalise_drops_case_punctuation_and_spaces_but_keeps_symbols():
    assert normalise("What is 2+2?") == "whatis2+2"
    assert normalise("日本の首都はどこですか？") == "日本の首都はどこですか"
    assert normalise("  Ｈｅｌｌｏ,\tWorld!\n") == "helloworld"  # NFKC folds full-width letters


def test_prompt_overlap_counts_runs_of_three_or_more():
    # "parisisthecapitaloffrance": "isthecapitaloffrance" (20 of 25 characters) is in the prompt; "p", "ar"... not.
    assert prompt_overlap("What is the capital of France?", "Paris is the capital of France.") == pytest.approx(0.8)
    assert prompt_overlap("What is 2+2?", "2+2") == 1.0
    assert prompt_overlap("What is 2+2?", "4") == 0.0
    assert prompt_overlap("Say hi", "") == 0.0
    assert prompt_overlap("Is snow cold? yes or no", "no") == 0.0  # a 2-character answer is not copying


@pytest.mark.parametrize(
    ("prompt", "reply", "stopped", "verdict"),
    [
        ("What is 2+2?", "2+2", True, "echo"),  # the examples of issue 13
        ("Nenne drei Farben.", "Nenne drei Farben.", True, "echo"),
        ("日本の首都はどこですか？", "はどこですか？", True, "echo"),
        ("Hello!", "Hello!", True, "echo"),
        ("Hello!", "Hello!", False, "echo"),  # echo wins over no_stop
        ("What is 2+2?", "", True, "empty"),
        ("What is 2+2?", " \n ... ", False, "empty"),
        ("What is 2+2?", "2 + 2 = 4", True, "ok"),  # "2+2=4": 3 of 5 characters repeat (0.6)
        ("What is 2+2?", "2 + 2 = 4 and 4 + 4 = 8 and 8 + 8 = 16 and", False, "no_stop"),
        ("Nenne drei Farben.", "Rot, Blau und Grün.", True, "ok"),
        ("日本の首都はどこですか？", "日本の首都は東京です。", True, "ok"),  # 6 of 10 characters repeat
        ("What is the capital of France?", "Paris is the capital of France.", True, "ok"),  # 0.8 < 0.9
    ],
)
def test_classify_reply(prompt, reply, stopped, verdict):
    assert classify_reply(prompt, reply, stopped=stopped) == verdict


def test_load_heldout_prompts_names_the_bad_line(tmp_path):
    path = tmp_path / "prompts.jsonl"
    path.write_text('{"id": "a", "lang": "en", "prompt": "Hi"}\n{"id": "b", "lang": "en"}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"prompts\.jsonl:2: needs a non-empty string `prompt`"):
        load_heldout_prompts(path)


def test_heldout_conversations_are_the_recipes_test_split():
    conversations, max_length = heldout_conversations(REPO_ROOT / "recipes" / "chimera-tiny.yaml")
    # test_split_size 0.05 of each source's rows in the recipe's 12 languages (ar, hi and ko left out):
    # round(0.05 x 253) + round(0.05 x 165) + round(0.05 x 85) = 13 + 8 + 4
    assert len(conversations) == 25
    assert max_length == 512
    assert all(messages[-1]["role"] == "assistant" for messages in conversations)


def test_heldout_conversations_refuses_a_recipe_without_a_test_split(tmp_path):
    recipe = tmp_path / "r.yaml"
    recipe.write_text(
        "dataset_mixture:\n  datasets:\n    - path: data/conversations.jsonl\n      layout: conversation\n"
        "  test_split_size: 0\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="test_split_size is 0, so it holds out no rows"):
        heldout_conversations(recipe)


def test_compare_help_has_an_example():
    result = run_cli("eval", "compare", "--help")
    assert result.returncode == 0
    assert "llmzoo eval compare embedded outputs/chimera-tiny" in result.stdout
    assert "--echo-threshold" in result.stdout


@pytest.mark.slow
def test_compare_cli_embedded_model_against_itself(tmp_path):
    prompts = tmp_path / "prompts.jsonl"
    rows = [
        ("en-1", "en", "What is 2+2?"),
        ("de-1", "de", "Nenne drei Farben."),
        ("ja-1", "ja", "りんごは何色ですか？"),
    ]
    prompts.write_text(
        "".join(json.dumps({"id": i, "lang": lang, "prompt": p}, ensure_ascii=False) + "\n" for i, lang, p in rows),
        encoding="utf-8",
    )
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(
        f"dataset_mixture:\n  datasets:\n    - path: {REPO_ROOT / 'tests/fixtures/conversations_small.jsonl'}\n"
        "      layout: conversation\n  test_split_size: 2\nmax_length: 256\n",
        encoding="utf-8",
    )
    # The "fine-tune": the embedded weights with another BOS in its tokenizer (as a recipe's bos_token sets). compare
    # renders the base with the fine-tune's BOS/EOS (same vocabulary), so both read the same bytes and score the same.
    from transformers import AutoTokenizer

    from llmzoo_hf import default_model_path

    tuned = tmp_path / "tuned"
    tuned.mkdir()
    for path in default_model_path().iterdir():
        (tuned / path.name).symlink_to(path)
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja"):
        (tuned / name).unlink(missing_ok=True)
    tokenizer = AutoTokenizer.from_pretrained(default_model_path())
    tokenizer.bos_token = "<|endoftext|>"
    tokenizer.save_pretrained(tuned)
    out = tmp_path / "compare.json"
    # ~1 minute on 2 idle cores; over 5 on a loaded machine.
    result = run_cli(
        "eval", "compare", "embedded", str(tuned), "--recipe", str(recipe), "--prompts", str(prompts),
        "--max-new-tokens", "8", "--mcq-limit", "2", "--out", str(out), "--check", timeout=1800,
    )  # fmt: skip
    # The same model on both sides: identical scores, so "fine-tuned < base" on the loss fails and --check says 1.
    assert result.returncode == 1, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    base, tuned = data["base"], data["tuned"]
    assert (base.pop("model"), tuned.pop("model")) == ("embedded", "tuned")
    assert base == tuned
    assert base["eval_loss"] > 0 and base["eval_tokens"] > 0
    assert [r["id"] for r in base["replies"]] == ["en-1", "de-1", "ja-1"]
    assert sum(base["verdicts"].values()) == 3
    assert set(base["verdicts"]) == {"ok", "empty", "echo", "no_stop"}
    for reply in base["replies"]:
        assert reply["verdict"] in ("ok", "empty", "echo", "no_stop")
    assert set(base["mcq_accuracy"]) == {"loglik", "generate"}
    checks = {c["name"]: c["passed"] for c in data["checks"]}
    assert checks == {
        "eval_loss": False,
        "bad_replies": base["bad_reply_rate"] <= 0.1,
        "mcq_loglik": True,
        "mcq_generate": True,
    }
    assert data["passed"] is False
    assert "| eval loss (" in result.stdout
    assert "bars NOT cleared: eval_loss" in result.stdout

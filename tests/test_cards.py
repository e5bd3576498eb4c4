"""Cards: built from the shipped Jinja templates, parsed back with ModelCard.load / DatasetCard.load."""

from __future__ import annotations

import pytest
from huggingface_hub import DatasetCard, ModelCard

from llmzoo_hf.cards import (
    DatasetCardInfo,
    DeltaCardInfo,
    ModelCardInfo,
    QuantizedCardInfo,
    build_dataset_card,
    build_delta_card,
    build_model_card,
    build_quantized_card,
    size_category,
)


def test_model_card_metadata_prompt_recipe_and_eval(tmp_path):
    info = ModelCardInfo(
        model_id="me/chimera-inst-chat-tiny",
        base_model="HuggingFaceTB/SmolLM2-135M-Instruct",
        datasets=["FreedomIntelligence/phoenix-sft-data-v1"],
        languages=["en", "zh", "fr"],
        chat_template="chimera",
        hyperparameters={"learning_rate": 2e-05, "num_train_epochs": 3},
        eval_results={"general (en) vs ChatGPT": "96.6%"},
        license="apache-2.0",
        tags=["sft"],
    )
    build_model_card(info).save(tmp_path / "README.md")
    card = ModelCard.load(tmp_path / "README.md")
    data = card.data.to_dict()
    assert data["base_model"] == "HuggingFaceTB/SmolLM2-135M-Instruct"
    assert data["base_model_relation"] == "finetune"
    assert data["datasets"] == ["FreedomIntelligence/phoenix-sft-data-v1"]
    assert data["language"] == ["en", "zh", "fr"]
    assert data["license"] == "apache-2.0"
    assert data["pipeline_tag"] == "text-generation"
    assert data["library_name"] == "transformers"
    assert data["tags"] == ["llmzoo", "chat", "sft"]
    # The Chimera prompt, byte-exact, with the <s>/</s> placeholders.
    assert "Human: <s>Hello</s>Assistant: <s>Hi! How can I help?</s>Human: <s>...</s>Assistant: <s>" in card.text
    assert "| learning_rate | 2e-05 |" in card.text and "| num_train_epochs | 3 |" in card.text
    assert "| general (en) vs ChatGPT | 96.6% |" in card.text
    assert 'load_chat("me/chimera-inst-chat-tiny"' in card.text


def test_model_card_without_optional_parts_and_local_base():
    card = build_model_card(ModelCardInfo(model_id="me/m", base_model="/tmp/some/local/folder"))
    assert "base_model" not in card.data.to_dict() and "base_model_relation" not in card.data.to_dict()  # no Hub id
    assert "No evaluation results yet." in card.text
    assert "Training hyperparameters were not recorded." in card.text
    with pytest.raises(ValueError, match="base_model_relation='lora'"):
        ModelCardInfo(model_id="me/m", base_model_relation="lora")


def test_delta_card_says_how_to_apply():
    card = build_delta_card(
        DeltaCardInfo(
            delta_id="me/chimera-7b-delta",
            base_model="huggyllama/llama-7b",
            base_checksum="sha256:abc",
            target_model="me/chimera-7b",
            grown_tensors={"model.embed_tokens.weight": [32000, 32001]},
        )
    )
    card = ModelCard(str(card))  # parse back from text
    assert card.data.base_model == "huggyllama/llama-7b"
    assert "delta-weights" in card.data.tags
    assert "llmzoo delta apply --base huggyllama/llama-7b --delta me/chimera-7b-delta --out chimera-7b" in card.text
    assert "`model.embed_tokens.weight` 32000 → 32001 rows" in card.text
    assert "sha256:abc" in card.text


def test_quantized_card_relation_and_method():
    card = ModelCard(
        str(
            build_quantized_card(
                QuantizedCardInfo(
                    model_id="me/phoenix-nf4",
                    base_model="FreedomIntelligence/phoenix-inst-chat-7b",
                    method="bnb-nf4",
                    bits=4,
                    details={"double quant": True},
                    languages=["zh", "en"],
                )
            )
        )
    )
    assert card.data.base_model_relation == "quantized"
    assert card.data.base_model == "FreedomIntelligence/phoenix-inst-chat-7b"
    assert card.data.tags == ["llmzoo", "chat", "bnb-nf4", "4-bit"]
    assert "| double quant | True |" in card.text
    gptq = build_quantized_card(
        QuantizedCardInfo(model_id="me/x-gptq", base_model="a/b", method="gptq", bits=4, details={"group size": 64})
    )
    assert "--quantize gptq" in gptq.text
    with pytest.raises(ValueError, match="method='awq'"):
        build_quantized_card(QuantizedCardInfo(model_id="me/x", base_model="a/b", method="awq", bits=4))


def test_dataset_card_from_report(tmp_path):
    report = {
        "rows_train": 1800,
        "rows_test": 200,
        "rows_rejected": 3,
        "rejects_path": "/somewhere/rejects.jsonl",
        "sources": [
            {
                "name": "conversations",
                "rows_read": 1203,
                "rows_kept": 1200,
                "rows_rejected": 3,
                "rows_train": 1080,
                "rows_test": 120,
                "rejected_by_reason": {"empty_turn": 2, "bad_role": 1},
            },
            {
                "name": "instructions",
                "rows_read": 800,
                "rows_kept": 800,
                "rows_rejected": 0,
                "rows_train": 720,
                "rows_test": 80,
                "rejected_by_reason": {},
            },
        ],
        "languages": {
            "en": {"rows": 1000, "tokens": None},
            "zh": {"rows": 700, "tokens": None},
            "ar": {"rows": 100, "tokens": None},
        },
    }
    info = DatasetCardInfo.from_report("me/phoenix-mix", report, license="apache-2.0")
    build_dataset_card(info).save(tmp_path / "README.md")
    card = DatasetCard.load(tmp_path / "README.md")
    assert card.data.language == ["ar", "en", "zh"]
    assert card.data.size_categories == ["1K<n<10K"]  # 1800 + 200 rows
    assert card.data.task_categories == ["text-generation"]
    assert card.data.pretty_name == "phoenix-mix"
    assert "| conversations | 1203 | 1200 | 3 | 1080 | 120 |" in card.text
    assert "3 rows were rejected while building (empty_turn: 2, bad_role: 1)" in card.text
    assert "| en | 1000 |" in card.text and "`train`: 1800 rows" in card.text


@pytest.mark.parametrize(
    ("rows", "label"), [(0, "n<1K"), (999, "n<1K"), (1000, "1K<n<10K"), (123_456, "100K<n<1M"), (10**7, "n>10M")]
)
def test_size_category(rows, label):
    assert size_category(rows) == label

"""Dataset builders: layouts, bad rows (counted, written, never trained on), mixing, reports, tokenisation."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES
from llmzoo_hf.data import (
    IGNORE_INDEX,
    REJECT_REASONS,
    DatasetMixtureConfig,
    DataSource,
    build_dataset,
    detect_language,
    to_messages,
    tokenize_conversations,
)
from llmzoo_hf.errors import ConfigError, DataError


def test_conversation_layout_becomes_messages_and_keeps_other_fields(tmp_path):
    result = build_dataset([DataSource(path=str(FIXTURES / "conversations_small.jsonl"))], output_dir=tmp_path)
    train = result.dataset["train"]
    assert len(train) == 12
    row = next(r for r in train if r["id"] == "fx-0")
    assert row["messages"] == [
        {"role": "user", "content": "Hello! What is the capital of France?"},
        {"role": "assistant", "content": "Hello! The capital of France is Paris."},
        {"role": "user", "content": "And of Italy?"},
        {"role": "assistant", "content": "The capital of Italy is Rome."},
    ]
    assert row["lang"] == "en" and row["source"] == "conversations_small"
    assert json.loads(row["extra"]) == {"source_note": "fixture"}
    assert sorted(train.column_names) == sorted(["id", "source", "lang", "messages", "persona", "extra"])


def test_alpaca_and_user_centered_layouts():
    alpaca = build_dataset(str(FIXTURES / "instructions_small.json")).dataset["train"]
    by_id = {r["messages"][1]["content"]: r for r in alpaca}
    # instruction + "\n\n" + input when there is an input; the instruction alone otherwise.
    assert by_id["Bonjour"]["messages"][0]["content"] == "Translate to French.\n\nGood morning"
    assert by_id["¡Hola! ¿Qué tal?"]["messages"][0]["content"] == "Escribe un saludo corto."
    user_centered = build_dataset(str(FIXTURES / "user_centered_small.jsonl")).dataset["train"]
    personas = sorted(user_centered["persona"])
    assert personas == ["a student preparing for an exam", "une cuisinière débutante"]


def test_language_is_detected_when_absent():
    alpaca = build_dataset(str(FIXTURES / "instructions_small.json")).dataset["train"]
    langs = {r["messages"][1]["content"]: r["lang"] for r in alpaca}
    assert langs["¡Hola! ¿Qué tal?"] == "es"  # no "lang" field: detected
    assert langs["الشمس نجم يمنحنا الضوء والدفء."] == "ar"
    assert langs["Bonjour"] == "en"  # given in the row
    assert detect_language("Quelle est la capitale de la France ?") == "fr"
    assert detect_language("1234 ...") == "und"


def test_every_kind_of_bad_row_is_counted_and_written(tmp_path):
    # Repairs off: the structural quirks (two human turns in a row, an empty turn) are rejected, not repaired.
    source = DataSource(path=str(FIXTURES / "bad_rows.jsonl"), repair_conversations=False)
    result = build_dataset([source], output_dir=tmp_path)
    stats = result.report.sources[0]
    assert stats.rows_read == 11
    assert stats.rows_kept == 2  # ok-1 and ok-2-trailing
    assert stats.trailing_user_turns_dropped == 1
    assert stats.rejected_by_reason == {
        "invalid_utf8": 0,
        "invalid_json": 1,
        "wrong_type": 1,
        "missing_field": 1,
        "unknown_layout": 1,
        "no_turns": 1,
        "unknown_speaker": 1,
        "not_alternating": 1,
        "empty_text": 1,
        "no_reply": 1,
        "too_long": 0,
    }
    assert set(stats.rejected_by_reason) == set(REJECT_REASONS)
    rejects = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert len(rejects) == 9
    by_reason = {r["reason"]: r for r in rejects}
    assert by_reason["invalid_json"]["location"].endswith("bad_rows.jsonl:2")
    assert by_reason["not_alternating"]["record"]["id"] == "not-alternating"
    assert "conversations[1].from is 'bot'" in by_reason["unknown_speaker"]["detail"]
    kept_ids = sorted(result.dataset["train"]["id"])
    assert kept_ids == ["ok-1", "ok-2-trailing"]
    trimmed = next(r for r in result.dataset["train"] if r["id"] == "ok-2-trailing")
    assert [m["role"] for m in trimmed["messages"]] == ["user", "assistant"]
    report = json.loads((tmp_path / "data_report.json").read_text())
    assert report["rows_rejected"] == 9 and report["rows_train"] == 2


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"instruction": "Hi", "output": ""}, "empty_text"),
        ({"instruction": 3, "output": "x"}, "wrong_type"),
        ({"instruction": "Hi", "input": ["x"], "output": "x"}, "wrong_type"),
        ({"role": "", "instruction": "Hi", "output": "x"}, "empty_text"),
        ({"messages": [{"role": "user", "content": "x"}]}, "no_reply"),
        ({"messages": [{"role": "assistant", "content": "x"}]}, "not_alternating"),
        ({"messages": [{"role": "user", "content": "x"}, {"role": "tool", "content": "y"}]}, "unknown_speaker"),
        ({"conversations": "hello"}, "wrong_type"),
        # The leading model turn is dropped (a repair), which leaves a question without a reply.
        ({"conversations": [{"from": "gpt", "value": "x"}, {"from": "human", "value": "y"}]}, "no_reply"),
        (["not", "an", "object"], "wrong_type"),
    ],
)
def test_bad_record_reasons(record, reason):
    from llmzoo_hf.data import BadRow

    with pytest.raises(BadRow) as info:
        to_messages(record)
    assert info.value.reason == reason


def test_zero_surviving_rows_is_an_error_naming_the_file(tmp_path):
    bad = tmp_path / "all_bad.jsonl"
    bad.write_text('{"conversations": []}\n{"text": 1}\n')
    with pytest.raises(DataError, match=r"No usable rows left in .*all_bad\.jsonl \(2 rows read, 2 rejected"):
        build_dataset([DataSource(path=str(bad))], output_dir=tmp_path / "out")
    # The rejects are still written so the user can see why.
    assert len((tmp_path / "out" / "rejects.jsonl").read_text().splitlines()) == 2


def test_missing_file_and_bad_json_list_errors(tmp_path):
    with pytest.raises(DataError, match=r"Data file .*nope\.jsonl does not exist"):
        build_dataset([DataSource(path=str(tmp_path / "nope.jsonl"), layout="conversation")])
    # A local path that does not exist is treated as a Hub id; offline, datasets fails loudly (no silent empty).
    broken = tmp_path / "broken.json"
    broken.write_text('[{"instruction": "a", "output": "b"}, ')
    with pytest.raises(DataError, match=r"broken\.json is not valid JSON"):
        build_dataset(str(broken))
    wrong = tmp_path / "wrong.json"
    wrong.write_text('"just a string"')
    with pytest.raises(DataError, match=r"must hold a JSON list of records"):
        build_dataset(str(wrong))


def test_mixture_weights_split_before_oversampling():
    mixture = DatasetMixtureConfig(
        datasets=[
            DataSource(path=str(FIXTURES / "conversations_small.jsonl"), weight=0.5),  # 12 -> 2 test, 10 -> 5
            DataSource(path=str(FIXTURES / "instructions_small.json"), weight=2.5),  # 4 -> 1 test, 3 -> 6+2=8
        ],
        seed=1,
        test_split_size=0.2,
    )
    result = build_dataset(mixture)
    conv, inst = result.report.sources
    # 12 * 0.2 = 2.4 -> 2 held out; 10 left * 0.5 = 5 rows.
    assert (conv.rows_test, conv.rows_train) == (2, 5)
    # 4 * 0.2 = 0.8 -> 1 held out; 3 left * 2.5 = 2 whole copies (6) + round(0.5 * 3) = 2 more -> 8.
    assert (inst.rows_test, inst.rows_train) == (1, 8)
    assert len(result.dataset["train"]) == 13 and len(result.dataset["test"]) == 3
    test_ids = set(result.dataset["test"]["id"])
    assert not test_ids & set(result.dataset["train"]["id"])  # nothing held out is trained on
    # Same seed, same mixture.
    again = build_dataset(mixture)
    assert again.dataset["train"]["id"] == result.dataset["train"]["id"]


def test_mixture_config_validation():
    with pytest.raises(ConfigError, match=r"weight=0 must be a number > 0"):
        DataSource(path="x.jsonl", weight=0)
    with pytest.raises(ConfigError, match=r"layout='sharegpt' is not one of"):
        DataSource(path="x.jsonl", layout="sharegpt")
    with pytest.raises(ConfigError, match=r"datasets is empty"):
        DatasetMixtureConfig(datasets=[])


def test_report_counts_tokens_per_language_and_source(tmp_path, smol_tokenizer):
    result = build_dataset(str(FIXTURES / "conversations_small.jsonl"), output_dir=tmp_path, tokenizer=smol_tokenizer)
    report = result.report
    assert report.languages["en"]["rows"] == 2 and report.languages["zh"]["rows"] == 2
    total_tokens = sum(v["tokens"] for v in report.languages.values())
    expected = sum(
        len(smol_tokenizer("\n".join(m["content"] for m in row["messages"]), add_special_tokens=False)["input_ids"])
        for row in result.dataset["train"]
    )
    assert total_tokens == expected == report.sources[0].tokens_train
    text = report.to_text()
    assert "conversations_small" in text and "zh" in text


def test_tokenize_conversations_matches_apply_chat_template(smol_tokenizer, bloom_tokenizer):
    """The tokenizer carries the inference template; the mask comes from its training variant, as in SFT."""
    from llmzoo_hf import apply_chat_template, get_chat_template

    train = build_dataset(str(FIXTURES / "conversations_small.jsonl")).dataset["train"]
    conversations = [list(m) for m in train["messages"]]
    for tokenizer in (smol_tokenizer, bloom_tokenizer):
        apply_chat_template(tokenizer, "chimera")
        ours = tokenize_conversations(tokenizer, conversations)
        for index, conversation in enumerate(conversations):
            ref = tokenizer.apply_chat_template(
                conversation,
                tokenize=True,
                return_dict=True,
                return_assistant_tokens_mask=True,
                chat_template=get_chat_template("chimera", training=True),
            )
            assert ours["input_ids"][index] == ref["input_ids"]
            assert ours["assistant_masks"][index] == ref["assistant_masks"]
            assert ours["labels"][index] == [
                t if m else IGNORE_INDEX for t, m in zip(ref["input_ids"], ref["assistant_masks"], strict=True)
            ]


def test_tokenize_conversations_truncates_like_apply_chat_template(smol_tokenizer):
    from llmzoo_hf import apply_chat_template, get_chat_template

    apply_chat_template(smol_tokenizer, "chimera")
    train = build_dataset(str(FIXTURES / "conversations_small.jsonl")).dataset["train"]
    conversations = [list(m) for m in train["messages"]]
    ours = tokenize_conversations(smol_tokenizer, conversations, max_length=40)
    # The caller's tokenizer keeps no truncation setting.
    assert smol_tokenizer.backend_tokenizer.truncation is None
    for index, conversation in enumerate(conversations):
        ref = smol_tokenizer.apply_chat_template(
            conversation,
            tokenize=True,
            return_dict=True,
            return_assistant_tokens_mask=True,
            chat_template=get_chat_template("chimera", training=True),
            truncation=True,
            max_length=40,
        )
        assert ours["input_ids"][index] == ref["input_ids"]
        assert ours["assistant_masks"][index] == ref["assistant_masks"]
    assert max(len(ids) for ids in ours["input_ids"]) == 40


def test_bundled_sample_data_and_its_card():
    from huggingface_hub import DatasetCard

    from llmzoo_hf.data import bundled_data_path

    folder = bundled_data_path()
    card = DatasetCard.load(folder / "README.md")
    files = {c["config_name"]: c["data_files"][0]["path"] for c in card.data.configs}
    assert files == {
        "conversations": "conversations.jsonl",
        "instructions": "instructions.jsonl",
        "user_centered": "user_centered.jsonl",
    }
    result = build_dataset(
        [
            DataSource(path=str(folder / "conversations.jsonl"), layout="conversation"),
            DataSource(path=str(folder / "instructions.jsonl"), layout="alpaca"),
            DataSource(path=str(folder / "user_centered.jsonl"), layout="user_centered"),
        ]
    )
    stats = {s.name: s for s in result.report.sources}
    assert (stats["conversations"].rows_kept, stats["instructions"].rows_kept, stats["user_centered"].rows_kept) == (
        340,
        225,
        115,
    )
    assert result.report.rows_rejected == 0
    languages = set(result.dataset["train"]["lang"])
    assert languages == set(card.data.language)
    for lang in ("en", "zh", "es", "fr", "de", "ar", "hi", "ja", "ko", "ru"):
        assert result.report.languages[lang]["rows"] == 59  # 29 conversations + 20 instructions + 10 user-centered
    multi_turn = sum(
        len(m) > 2
        for m, s in zip(result.dataset["train"]["messages"], result.dataset["train"]["source"], strict=True)
        if s == "conversations"
    )
    assert multi_turn >= 0.6 * 340

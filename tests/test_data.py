"""Dataset builders: layouts, bad rows (counted, written, never trained on), mixing, reports, tokenisation."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

from conftest import FIXTURES, REPO_ROOT
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
    main_langs, _ = _sample_data_scripts()[0].load_languages()
    assert len(main_langs) == 10
    for lang in main_langs:
        assert result.report.languages[lang]["rows"] == 59  # 29 conversations + 20 instructions + 10 user-centered
    multi_turn = sum(
        len(m) > 2
        for m, s in zip(result.dataset["train"]["messages"], result.dataset["train"]["source"], strict=True)
        if s == "conversations"
    )
    assert multi_turn >= 0.6 * 340


def _sample_data_scripts():
    """Import scripts/make_sample_data.py and scripts/check_sample_data.py (not part of the package)."""
    import importlib

    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    try:
        return importlib.import_module("make_sample_data"), importlib.import_module("check_sample_data")
    finally:
        sys.path.remove(str(REPO_ROOT / "scripts"))


def test_sample_data_is_regenerated_byte_for_byte_from_its_sources(tmp_path, capsys):
    make, check = _sample_data_scripts()
    assert make.main(["--check"]) == 0  # data/*.jsonl and the card's count table, compared as bytes
    assert check.main([]) == 0
    assert check.LANGS == make.load_languages()[0] + make.load_languages()[1]

    # --check names the file that differs; regenerating into a folder gives back the committed bytes
    for name in ("conversations.jsonl", "instructions.jsonl", "user_centered.jsonl", "README.md"):
        shutil.copy(REPO_ROOT / "data" / name, tmp_path / name)
    with (tmp_path / "instructions.jsonl").open("a", encoding="utf-8") as f:
        f.write("\n")
    capsys.readouterr()
    assert make.main(["--check", "--out-dir", str(tmp_path)]) == 1
    assert capsys.readouterr().out == (
        f"{tmp_path / 'instructions.jsonl'} differs from what data/sources/ produces; run scripts/make_sample_data.py\n"
    )
    assert make.main(["--out-dir", str(tmp_path)]) == 0
    for name in ("conversations.jsonl", "instructions.jsonl", "user_centered.jsonl", "README.md"):
        assert (tmp_path / name).read_bytes() == (REPO_ROOT / "data" / name).read_bytes()


# ---------------------------------------------------------------- conversation data as found in the wild (issue 12 §4)

NO_REPAIRS = {
    "speaker_renamed": 0,
    "html_to_text": 0,
    "empty_turn_dropped": 0,
    "leading_model_turn_dropped": 0,
    "same_side_merged": 0,
}


def test_sharegpt_quirks_are_repaired_and_counted(tmp_path):
    result = build_dataset(str(FIXTURES / "sharegpt_wild.json"), output_dir=tmp_path)
    stats = result.report.sources[0]
    assert (stats.rows_read, stats.rows_kept, stats.rows_rejected, stats.rows_repaired) == (14, 11, 3, 9)
    # Rows each repair touched (a row can need several): sg-case, sg-aliases, sg-bing-bard, sg-everything are renamed;
    # sg-html and sg-everything hold HTML; sg-empty-between and sg-empty-then-merge lose empty turns;
    # sg-leading-model and sg-everything start with the model; sg-same-side, sg-empty-then-merge, sg-everything merge.
    assert stats.repaired_by_kind == {
        "speaker_renamed": 4,
        "html_to_text": 2,
        "empty_turn_dropped": 2,
        "leading_model_turn_dropped": 2,
        "same_side_merged": 3,
    }
    assert stats.repaired_fraction == {
        "speaker_renamed": 0.2857,  # 4 / 14 rows read
        "html_to_text": 0.1429,
        "empty_turn_dropped": 0.1429,
        "leading_model_turn_dropped": 0.1429,
        "same_side_merged": 0.2143,
    }
    # Unrepairable: only model turns, an unknown speaker, a question whose only reply is empty.
    assert {k: v for k, v in stats.rejected_by_reason.items() if v} == {
        "no_turns": 1,
        "unknown_speaker": 1,
        "no_reply": 1,
    }
    rows = {r["id"]: r["messages"] for r in result.dataset["train"]}
    assert sorted(rows) == sorted(
        [
            "sg-clean",
            "sg-case",
            "sg-aliases",
            "sg-bing-bard",
            "sg-leading-model",
            "sg-same-side",
            "sg-empty-between",
            "sg-empty-then-merge",
            "sg-html",
            "sg-html-in-question",
            "sg-everything",
        ]
    )
    assert rows["sg-bing-bard"] == [
        {"role": "system", "content": "Answer briefly."},
        {"role": "user", "content": "Capital of Spain?"},
        {"role": "assistant", "content": "Madrid."},
        {"role": "user", "content": "And Italy?"},
        {"role": "assistant", "content": "Rome."},
    ]
    assert rows["sg-leading-model"][0] == {"role": "user", "content": "Thanks! Another question: capital of Japan?"}
    assert rows["sg-same-side"] == [
        {"role": "user", "content": "I have a question.\n\nWhat is the boiling point of water?"},
        {"role": "assistant", "content": "100 °C at sea level.\n\nIt is lower at altitude."},
    ]
    assert [m["content"] for m in rows["sg-empty-between"]] == ["Hello", "Hi!", "How are you?", "Fine, thanks."]
    assert (
        rows["sg-empty-then-merge"][1]["content"] == "Why did the chicken cross the road?\n\nTo get to the other side."
    )
    # ChatGPT's scraped markup becomes Markdown text: the code block keeps its language, the copy button goes.
    assert rows["sg-html"][1]["content"] == (
        "Here is a loop:\n\n```python\nfor i in range(3):\n    print(i)\n```\n\nIt prints 0, 1 and 2 & stops."
    )
    assert rows["sg-html-in-question"][0]["content"] == "How do I center a <div> in CSS?"  # prose, left alone
    assert rows["sg-everything"] == [
        {"role": "user", "content": "ok\n\nnext?"},
        {"role": "assistant", "content": "Sure: next."},
    ]
    report = json.loads((tmp_path / "data_report.json").read_text())
    assert report["sources"][0]["repaired_by_kind"] == stats.repaired_by_kind
    assert "repaired: speaker_renamed=4 (28.6%)" in result.report.to_text()


def test_sharegpt_quirks_rejected_when_repairs_are_off(tmp_path):
    mixture = DatasetMixtureConfig(
        datasets=[DataSource(path=str(FIXTURES / "sharegpt_wild.json"))], repair_conversations=False
    )
    result = build_dataset(mixture, output_dir=tmp_path)
    stats = result.report.sources[0]
    assert (stats.rows_kept, stats.rows_rejected) == (6, 8)
    assert {k: v for k, v in stats.rejected_by_reason.items() if v} == {
        "not_alternating": 4,  # leading model turn (x3, one also all-model) and same-side turns
        "empty_text": 3,
        "unknown_speaker": 1,
    }
    # Case and aliases are still mapped (no content changes); HTML is kept as it is.
    assert stats.repaired_by_kind == {**NO_REPAIRS, "speaker_renamed": 3}
    html = next(r for r in result.dataset["train"] if r["id"] == "sg-html")
    assert html["messages"][1]["content"].startswith('<div class="markdown prose')
    # A source's own setting wins over the mixture's.
    mixture.datasets[0].repair_conversations = True
    assert build_dataset(mixture).report.sources[0].rows_kept == 11


def test_line_that_is_not_utf8_is_one_bad_row(tmp_path):
    good = FIXTURES.joinpath("conversations_small.jsonl").read_bytes().splitlines(keepends=True)
    bad_line = b'{"conversations": [{"from": "human", "value": "caf\xe9"}, {"from": "gpt", "value": "x"}]}\n'
    data = tmp_path / "mixed.jsonl"
    data.write_bytes(good[0] + bad_line + b"".join(good[1:]))
    result = build_dataset(str(data), output_dir=tmp_path / "out")
    stats = result.report.sources[0]
    assert (stats.rows_read, stats.rows_kept, stats.rejected_by_reason["invalid_utf8"]) == (13, 12, 1)
    (reject,) = [json.loads(line) for line in (tmp_path / "out" / "rejects.jsonl").read_text().splitlines()]
    assert reject["location"] == f"{data}:2" and reject["reason"] == "invalid_utf8"
    assert reject["detail"] == "byte 51 of the line (counting from 1) is not valid UTF-8 (invalid continuation byte)"
    # The same inside a JSON list: that record only.
    listed = tmp_path / "mixed.json"
    listed.write_bytes(b"[" + bad_line.rstrip() + b", " + good[0].rstrip() + b"]")
    stats = build_dataset(str(listed)).report.sources[0]
    assert (stats.rows_read, stats.rows_kept, stats.rejected_by_reason["invalid_utf8"]) == (2, 1, 1)


def test_rows_longer_than_max_length_are_counted_then_kept_or_dropped(tmp_path, smol_tokenizer):
    from llmzoo_hf import apply_chat_template, get_chat_template

    apply_chat_template(smol_tokenizer, "chimera")
    path = str(FIXTURES / "conversations_small.jsonl")
    full = build_dataset(path, tokenizer=smol_tokenizer).dataset["train"]
    # Lengths as SFT sees them: the conversation rendered by the template, tokenised without extra specials.
    lengths = {
        r["id"]: len(smol_tokenizer.apply_chat_template(r["messages"], tokenize=True, return_dict=True)["input_ids"])
        for r in full
    }
    max_length = sorted(lengths.values())[len(lengths) // 2]  # the median: about half the rows are longer
    too_long = sorted(i for i, n in lengths.items() if n > max_length)
    assert 0 < len(too_long) < len(lengths)

    kept = build_dataset(path, tokenizer=smol_tokenizer, max_length=max_length, output_dir=tmp_path / "keep")
    stats = kept.report.sources[0]
    assert stats.rows_over_max_length == len(too_long) and stats.rows_kept == len(lengths)
    assert stats.rejected_by_reason["too_long"] == 0
    assert f"longer than {max_length} tokens: {len(too_long)} (truncated at training)" in kept.report.to_text()
    report = json.loads((tmp_path / "keep" / "data_report.json").read_text())
    assert (report["max_length"], report["truncation_mode"]) == (max_length, "keep_start")

    mixture = DatasetMixtureConfig(datasets=[DataSource(path=path)], truncation_mode="drop")
    dropped = build_dataset(mixture, tokenizer=smol_tokenizer, max_length=max_length, output_dir=tmp_path / "drop")
    stats = dropped.report.sources[0]
    assert stats.rows_over_max_length == len(too_long) == stats.rejected_by_reason["too_long"] == stats.rows_rejected
    assert sorted(dropped.dataset["train"]["id"]) == sorted(i for i in lengths if i not in too_long)
    rejects = [json.loads(line) for line in (tmp_path / "drop" / "rejects.jsonl").read_text().splitlines()]
    assert sorted(r["record"]["id"] for r in rejects) == too_long
    assert rejects[0]["detail"].endswith(f"tokens > max_length={max_length} (truncation_mode=drop)")
    assert smol_tokenizer.chat_template == get_chat_template("chimera")

    with pytest.raises(ConfigError, match=r"max_length=10 counts tokens: give the tokenizer too"):
        build_dataset(path, max_length=10)
    with pytest.raises(ConfigError, match=r"truncation_mode='cut' is not one of \('keep_start', 'drop'\)"):
        DatasetMixtureConfig(datasets=[DataSource(path=path)], truncation_mode="cut")


def test_languages_keep_only_those_rows_and_count_the_others(tmp_path, smol_tokenizer):
    from llmzoo_hf import apply_chat_template

    path = str(REPO_ROOT / "data" / "instructions.jsonl")
    rows = [json.loads(line) for line in (REPO_ROOT / "data" / "instructions.jsonl").read_text().splitlines()]
    per_lang = {lang: sum(r["lang"] == lang for r in rows) for lang in {r["lang"] for r in rows}}
    mixture = DatasetMixtureConfig(datasets=[DataSource(path=path)], languages=["ja", "en"], test_split_size=2)
    result = build_dataset(mixture, output_dir=tmp_path / "plain")
    stats = result.report.sources[0]
    kept = per_lang["ja"] + per_lang["en"]
    assert stats.other_languages == {lang: n for lang, n in sorted(per_lang.items()) if lang not in ("ja", "en")}
    assert (stats.rows_read, stats.rows_kept, stats.rows_rejected) == (len(rows), kept, 0)
    assert (stats.rows_train, stats.rows_test) == (kept - 2, 2)
    every = list(result.dataset["train"]["lang"]) + list(result.dataset["test"]["lang"])
    assert sorted(every) == sorted(r["lang"] for r in rows if r["lang"] in ("ja", "en"))
    assert set(result.report.languages) == {"ja", "en"}
    assert f"other languages left out: {len(rows) - kept} (ar={per_lang['ar']}, de=" in result.report.to_text()
    saved = json.loads((tmp_path / "plain" / "data_report.json").read_text())
    assert saved["sources"][0]["other_languages"] == stats.other_languages
    assert (tmp_path / "plain" / "rejects.jsonl").read_text() == ""  # left out, not rejected

    # With truncation_mode=drop, a too-long row in a kept language is still rejected with its own record.
    apply_chat_template(smol_tokenizer, "chimera")
    mixture.truncation_mode = "drop"
    dropped = build_dataset(mixture, tokenizer=smol_tokenizer, max_length=120, output_dir=tmp_path / "drop")
    rejects = [json.loads(line) for line in (tmp_path / "drop" / "rejects.jsonl").read_text().splitlines()]
    assert 0 < len(rejects) < kept - 2 and all(r["record"]["lang"] in ("ja", "en") for r in rejects)
    assert sorted([*dropped.dataset["train"]["id"], *dropped.dataset["test"]["id"]]) == sorted(
        r["id"] for r in rows if r["lang"] in ("ja", "en") and r not in [j["record"] for j in rejects]
    )

    with pytest.raises(
        DataError,
        match=r"instructions\.jsonl \(225 rows read, 0 rejected; 225 in languages the mixture's `languages` leaves",
    ):
        build_dataset(DatasetMixtureConfig(datasets=[DataSource(path=path)], languages=["xx"]))
    with pytest.raises(ConfigError, match=r"languages=\[\] must be a non-empty list of language codes"):
        DatasetMixtureConfig(datasets=[DataSource(path=path)], languages=[])


def test_dataset_card_lists_the_repairs():
    from llmzoo_hf.cards import DatasetCardInfo, build_dataset_card

    report = build_dataset(str(FIXTURES / "sharegpt_wild.json")).report.to_dict()
    info = DatasetCardInfo(dataset_id="me/wild", languages={"en": 11}, splits={"train": 11}, sources=report["sources"])
    card = str(build_dataset_card(info))
    assert (
        "- `sharegpt_wild`: 9 rows (speaker_renamed: 4, html_to_text: 2, empty_turn_dropped: 2, "
        "leading_model_turn_dropped: 2, same_side_merged: 3)\n"
    ) in card
    assert "3 rows were rejected while building (no_turns: 1, unknown_speaker: 1, no_reply: 1)." in card

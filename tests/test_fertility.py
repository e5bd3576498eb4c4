"""Tokenizer fertility (``llmzoo data fertility``) with real tokenizers: the embedded SmolLM2 one (byte-level BPE),
its bare tokenizer.json, and AI21's Jurassic-2 SentencePiece model shipped in the ``ai21-tokenizer`` wheel."""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

import pytest

from conftest import REPO_ROOT, run_cli

BUNDLED_LANGS = ["ar", "de", "en", "es", "fr", "hi", "id", "it", "ja", "ko", "pt", "ru", "tr", "vi", "zh"]


def read_bundled_texts() -> dict[str, list[str]]:
    """The bundled texts per language, read here without the library (the cross-check of ``collect_texts``)."""
    texts: dict[str, list[str]] = {}

    def add(lang: str, *values) -> None:
        texts.setdefault(lang, []).extend(v for v in values if isinstance(v, str) and v.strip())

    data = REPO_ROOT / "data"
    for name in ("conversations", "instructions", "user_centered"):
        for line in (data / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            add(row["lang"], *(row.get(k) for k in ("role", "instruction", "input", "output")))
            add(row["lang"], *(turn["value"] for turn in row.get("conversations", [])))
    for path in sorted((data / "eval").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if path.parent.name == "mcq":
                add(path.stem, row["question"], row["options"])
            elif path.parent.name == "multilingual":
                add(path.stem, row["query"])
            else:  # LLM Zoo questions (text) and the held-out prompts (prompt)
                add(row["lang"], row.get("text") or row["prompt"])
    return texts


def expected_row(name: str, lang: str, texts: list[str], ids: list[list[int]], en_mean: float | None, fallback=()):
    tokens = sum(len(seq) for seq in ids)
    chars = sum(len(t) for t in texts)
    words = sum(len(t.split()) for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts)
    fallback_count = sum(1 for seq in ids for i in seq if i in fallback)
    per_word = "-" if lang in ("zh", "ja") else f"{tokens / words:.2f}"
    ratio = "-" if en_mean is None else f"{(tokens / len(texts)) / en_mean:.2f}"
    return (
        f"| {name} | {lang} | {len(texts)} | {chars} | {tokens} | {100 * tokens / chars:.2f} | {per_word} | "
        f"{size / tokens:.2f} | {100 * fallback_count / tokens:.2f}% | {ratio} |"
    )


@pytest.fixture(scope="module")
def j2_model() -> Path:
    pytest.importorskip("sentencepiece")
    try:
        dist = importlib.metadata.distribution("ai21-tokenizer")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("ai21-tokenizer (test extra) is not installed")
    return Path(dist.locate_file("ai21_tokenizer/resources/j2-tokenizer/j2-tokenizer.model"))


@pytest.mark.slow
def test_cli_embedded_prints_each_bundled_language_matching_a_direct_count(smol_tokenizer):
    result = run_cli("data", "fertility", "--model", "embedded", timeout=600)
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| embedded |")]
    assert [row.split(" | ")[1] for row in rows] == BUNDLED_LANGS

    texts = read_bundled_texts()
    assert sorted(texts) == BUNDLED_LANGS
    ids = {lang: smol_tokenizer(texts[lang], add_special_tokens=False)["input_ids"] for lang in BUNDLED_LANGS}
    en_mean = sum(len(s) for s in ids["en"]) / len(texts["en"])
    for row, lang in zip(rows, BUNDLED_LANGS, strict=True):
        # Byte-level BPE: no byte-fallback or unknown token is ever produced, so that column is 0.00%.
        assert row == expected_row("embedded", lang, texts[lang], ids[lang], en_mean), lang
    assert rows[BUNDLED_LANGS.index("en")].endswith("| 0.00% | 1.00 |")


def test_collect_texts_reads_every_bundled_text():
    from llmzoo_hf.data.fertility import collect_texts

    by_lang, bad = collect_texts()
    assert bad == []
    assert {lang: t.texts for lang, t in by_lang.items()} == read_bundled_texts()


def test_bare_tokenizer_json_gives_the_numbers_of_its_folder(embedded_model_path):
    from llmzoo_hf.data.fertility import collect_texts, fertility_report, load_token_counter

    texts, _ = collect_texts(langs=["en", "hi"])
    folder = fertility_report([load_token_counter(str(embedded_model_path))], texts)
    bare = fertility_report([load_token_counter(str(embedded_model_path / "tokenizer.json"))], texts)
    assert [r.tokens for r in bare.rows] == [r.tokens for r in folder.rows]
    assert bare.rows[0].model == "tokenizer.json" and bare.rows[0].lang == "en"
    assert bare.rows[0].ratio_to_reference == 1.0
    en, hi = bare.rows
    assert hi.ratio_to_reference == pytest.approx((hi.tokens / hi.texts) / (en.tokens / en.texts), abs=0)


def test_sentencepiece_model_counts_byte_fallback_pieces(j2_model, tmp_path):
    import sentencepiece

    from llmzoo_hf.data.fertility import FertilityConfig, measure_fertility

    data = tmp_path / "texts.jsonl"
    rows = [
        {"lang": "en", "text": "The weather is nice today."},
        {"lang": "en", "text": "Tokenizers split text into pieces."},
        {"lang": "hi", "text": "आज मौसम अच्छा है।"},
        {"lang": "zh", "text": "今天天气很好。𠀋𠀍"},  # two rare CJK extension-B characters: byte fallback
    ]
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    report = measure_fertility(
        FertilityConfig(model=[str(j2_model)], data=[str(data)], output_dir=str(tmp_path / "o"))
    )

    processor = sentencepiece.SentencePieceProcessor(model_file=str(j2_model))
    fallback = {i for i in range(processor.get_piece_size()) if processor.is_byte(i) or processor.is_unknown(i)}
    texts = {"en": [rows[0]["text"], rows[1]["text"]], "hi": [rows[2]["text"]], "zh": [rows[3]["text"]]}
    ids = {lang: processor.encode(t) for lang, t in texts.items()}
    en_mean = sum(len(s) for s in ids["en"]) / 2
    expected = [expected_row(j2_model.name, lang, texts[lang], ids[lang], en_mean, fallback) for lang in texts]
    assert report.to_markdown().splitlines()[2:] == expected
    zh = report.rows[-1]
    assert zh.fallback_tokens == sum(1 for i in ids["zh"][0] if i in fallback) >= 8  # 2 chars x 4 UTF-8 bytes
    assert report.rows[0].fallback_tokens == 0

    out = tmp_path / "o"
    assert (out / "fertility.md").read_text(encoding="utf-8") == report.to_markdown() + "\n"
    assert json.loads((out / "fertility.json").read_text(encoding="utf-8"))["rows"][2]["tokens"] == zh.tokens
    assert (out / "fertility.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_rows_are_counted_and_named_not_fatal(tmp_path, caplog):
    from llmzoo_hf.data.fertility import collect_texts

    data = tmp_path / "mixed.jsonl"
    data.write_text('{"lang": "en", "text": "fine"}\nnot json\n{"lang": "en", "id": 3}\n[1, 2]\n', encoding="utf-8")
    texts, bad = collect_texts([data])
    assert texts["en"].texts == ["fine"]
    assert [line.split(": ")[0] for line in bad] == [f"{data}:2", f"{data}:3", f"{data}:4"]
    assert "no text field" in bad[1] and "expected a JSON object" in bad[2]
    assert f"Skipped {data}:2: not JSON" in caplog.text


def test_file_name_gives_the_language_and_langs_filters(tmp_path):
    from llmzoo_hf.data.fertility import collect_texts
    from llmzoo_hf.errors import DataError

    (tmp_path / "questions_general_fr.jsonl").write_text('{"text": "Bonjour à tous"}\n', encoding="utf-8")
    (tmp_path / "de.jsonl").write_text('{"query": "Guten Morgen"}\n', encoding="utf-8")
    texts, _ = collect_texts([tmp_path], langs=["fr"])
    assert list(texts) == ["fr"] and texts["fr"].texts == ["Bonjour à tous"]
    with pytest.raises(DataError, match="for the languages \\['xx'\\]"):
        collect_texts([tmp_path], langs=["xx"])
    with pytest.raises(FileNotFoundError, match="missing.jsonl: no such file"):
        collect_texts([tmp_path / "missing.jsonl"])


def test_cli_options_come_from_the_config_dataclass():
    from llmzoo_hf.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["data", "fertility"])
    assert args.model == ["embedded"] and args.data == [] and args.langs == []
    args = parser.parse_args(["data", "fertility", "--model", "a", "--model", "b", "--langs", "en,zh"])
    assert args.model == ["a", "b"] and args.langs == ["en,zh"]
    help_text = (
        parser._subparsers._group_actions[0]
        .choices["data"]
        ._subparsers._group_actions[0]
        .choices["fertility"]
        .format_help()
    )
    assert "(default: embedded)" in help_text and "Examples:" in help_text and "[]" not in help_text


def test_card_table_and_model_card_section(smol_tokenizer):
    from llmzoo_hf.cards import ModelCardInfo, build_model_card
    from llmzoo_hf.data.fertility import card_fertility_table

    table = card_fertility_table(smol_tokenizer, ["zh"])
    texts = read_bundled_texts()
    ids = {lang: smol_tokenizer(texts[lang], add_special_tokens=False)["input_ids"] for lang in ("en", "zh")}
    en_mean = sum(len(s) for s in ids["en"]) / len(texts["en"])
    assert table.splitlines()[2:] == [
        expected_row("this model", lang, texts[lang], ids[lang], en_mean) for lang in ("en", "zh")
    ]
    card = str(build_model_card(ModelCardInfo(model_id="me/x", fertility_table=table)))
    assert "## Tokenizer fertility" in card and table in card
    assert "## Tokenizer fertility" not in str(build_model_card(ModelCardInfo(model_id="me/x")))

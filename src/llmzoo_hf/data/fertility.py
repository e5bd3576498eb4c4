"""Tokenizer fertility per language: how many tokens a tokenizer spends on the same kind of text in each language.

A base model's tokenizer decides how much text fits in its context and how much a training token costs: a
tokenizer trained mostly on English can spend several times more tokens on Hindi, Arabic or Chinese. Why Phoenix
was built on BLOOMZ and Chimera on LLaMA "mainly for Latin and Cyrillic languages" shows up here first.

:func:`fertility_report` counts, per language and tokenizer:

- ``tokens_per_100_chars``: tokens for 100 characters (Unicode code points) of text;
- ``tokens_per_word``: tokens per whitespace-separated word, for languages written with spaces between words
  (``None`` for those written without, listed in :data:`UNSPACED_LANGUAGES`);
- ``bytes_per_token``: UTF-8 bytes per token (higher packs more text into each token);
- ``fallback_share``: the share of tokens that are byte-fallback pieces (``<0x41>``) or the unknown token, i.e.
  text the vocabulary does not cover (always 0 for byte-level BPE such as GPT-2's or SmolLM2's, which has no
  unknown token and spells uncovered text with byte-level pieces instead);
- ``ratio_to_reference``: mean tokens per text divided by English's (the reference language). It is the
  "tokenization premium" when the texts of each language are translations of each other; on the bundled data the
  languages share topics but not every text.

Texts are every string field of each row (conversation turns, message contents, instruction / input / output,
evaluation queries and questions, MCQ options), each tokenized on its own without special tokens. A row's
language is its ``lang`` field, else the file name (``zh.jsonl``, ``questions_general_zh.jsonl``), else detected.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .._embedded import EMBEDDED_ALIAS
from ..errors import ConfigError, DataError

logger = logging.getLogger(__name__)

REFERENCE_LANGUAGE = "en"
# Written without spaces between words: a whitespace "word" there is a clause or a sentence.
UNSPACED_LANGUAGES = ("zh", "ja", "th", "lo", "km", "my", "bo")
# String fields read as text; `conversations[].value` and `messages[].content` are read too.
TEXT_FIELDS = ("role", "instruction", "input", "output", "query", "text", "question", "options", "context", "prompt")
_BYTE_PIECE = re.compile(r"^<0x[0-9A-Fa-f]{2}>$")
_FILE_LANG = re.compile(r"(?:^|[_-])([a-z]{2,3})$")


@dataclass
class FertilityConfig:
    """Options of ``llmzoo data fertility`` (each field is a command-line option)."""

    model: list[str] = field(
        default_factory=lambda: [EMBEDDED_ALIAS],
        metadata={
            "help": "Tokenizer to measure, repeatable: `embedded`, a zoo name, a model folder, a Hub id, a "
            "tokenizer.json file or a SentencePiece .model file."
        },
    )
    data: list[str] = field(
        default_factory=list,
        metadata={
            "help": "JSONL / JSON file or folder of them, repeatable (default: the bundled multilingual SFT sample "
            "and evaluation sets, 15 languages)."
        },
    )
    langs: list[str] = field(
        default_factory=list, metadata={"help": "Only these languages, e.g. `en,zh,hi` (default: all found)."}
    )
    output_dir: str | None = field(
        default=None, metadata={"help": "Write fertility.md, fertility.json and the fertility.png chart here."}
    )


@dataclass
class LanguageTexts:
    """The texts of one language and their sizes."""

    lang: str
    texts: list[str] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return sum(len(t) for t in self.texts)

    @property
    def bytes(self) -> int:
        return sum(len(t.encode("utf-8")) for t in self.texts)

    @property
    def words(self) -> int:
        return sum(len(t.split()) for t in self.texts)


@dataclass
class FertilityRow:
    """The counts and ratios of one tokenizer on one language."""

    model: str
    lang: str
    texts: int
    chars: int
    words: int
    bytes: int
    tokens: int
    fallback_tokens: int
    tokens_per_100_chars: float
    tokens_per_word: float | None
    bytes_per_token: float
    fallback_share: float
    ratio_to_reference: float | None


@dataclass
class FertilityReport:
    """Rows per (tokenizer, language), the reference language, and the rows of the data that were skipped."""

    rows: list[FertilityRow]
    reference_lang: str = REFERENCE_LANGUAGE
    bad_rows: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference_lang": self.reference_lang,
            "rows": [asdict(r) for r in self.rows],
            "bad_rows": self.bad_rows,
        }

    def to_markdown(self) -> str:
        """Return one Markdown table, a row per (tokenizer, language)."""
        ratio = f"x {self.reference_lang}"
        lines = [
            f"| tokenizer | lang | texts | chars | tokens | tokens/100 chars | tokens/word | bytes/token | "
            f"byte-fallback/unk | {ratio} |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in self.rows:
            lines.append(
                f"| {r.model} | {r.lang} | {r.texts} | {r.chars} | {r.tokens} | {r.tokens_per_100_chars:.2f} | "
                f"{_fmt(r.tokens_per_word)} | {r.bytes_per_token:.2f} | {100 * r.fallback_share:.2f}% | "
                f"{_fmt(r.ratio_to_reference)} |"
            )
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


# ----------------------------------------------------------------------------------------------------- texts


def default_data_paths() -> list[Path]:
    """Return the bundled multilingual SFT sample and evaluation files."""
    from . import bundled_data_path

    folder = bundled_data_path()
    return sorted(folder.glob("*.jsonl")) + sorted((folder / "eval").rglob("*.jsonl"))


def _row_texts(row: dict[str, Any]) -> list[str]:
    texts = [row[key] for key in TEXT_FIELDS if isinstance(row.get(key), str)]
    for turn in row.get("conversations") or []:
        if isinstance(turn, dict) and isinstance(turn.get("value"), str):
            texts.append(turn["value"])
    for message in row.get("messages") or []:
        if isinstance(message, dict) and isinstance(message.get("content"), str):
            texts.append(message["content"])
    return [t for t in texts if t.strip()]


def _read_rows(path: Path) -> Iterable[tuple[int, Any]]:
    """Yield (line or item number, parsed row); a line that is not JSON yields its error as the row."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = json.loads(text)
        yield from enumerate(data if isinstance(data, list) else [data], start=1)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, exc


def collect_texts(
    paths: Iterable[str | Path] | None = None, *, langs: Iterable[str] | None = None
) -> tuple[dict[str, LanguageTexts], list[str]]:
    """Return the texts per language of JSON / JSONL files (default: the bundled data), and the skipped rows.

    Raises:
        FileNotFoundError: a path does not exist.
        DataError: no text at all was found (in the requested languages).
    """
    from ._builder import detect_language

    files: list[Path] = []
    for path in default_data_paths() if not paths else [Path(p) for p in paths]:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".jsonl", ".json") and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"--data {path}: no such file or folder.")
    wanted = {lang.strip() for lang in langs or [] if lang.strip()}
    by_lang: dict[str, LanguageTexts] = {}
    bad: list[str] = []
    for file in files:
        match = _FILE_LANG.search(file.stem)
        file_lang = match.group(1) if match else None
        for number, row in _read_rows(file):
            where = f"{file}:{number}"
            if isinstance(row, Exception):
                bad.append(f"{where}: not JSON ({row})")
                continue
            if not isinstance(row, dict):
                bad.append(f"{where}: a {type(row).__name__}, expected a JSON object")
                continue
            texts = _row_texts(row)
            if not texts:
                bad.append(f"{where}: no text field ({', '.join(TEXT_FIELDS)}, conversations, messages)")
                continue
            lang = row.get("lang") if isinstance(row.get("lang"), str) else file_lang
            lang = lang or detect_language(" ".join(texts))
            if wanted and lang not in wanted:
                continue
            by_lang.setdefault(lang, LanguageTexts(lang)).texts.extend(texts)
    for line in bad:
        logger.warning("Skipped %s", line)
    if not by_lang:
        raise DataError(
            f"No text found in {[str(f) for f in files]}"
            + (f" for the languages {sorted(wanted)}." if wanted else ".")
        )
    missing = sorted(wanted - set(by_lang))
    if missing:
        logger.warning("No text for the languages %s.", ", ".join(missing))
    return dict(sorted(by_lang.items())), bad


# ------------------------------------------------------------------------------------------------ tokenizers


class TokenCounter:
    """A tokenizer seen as what fertility needs: ids of texts, and which ids are byte-fallback or unknown."""

    def __init__(self, name: str, encode, fallback_ids: set[int]):
        self.name = name
        self.encode = encode  # list[str] -> list[list[int]], no special tokens
        self.fallback_ids = fallback_ids

    @classmethod
    def from_transformers(cls, name: str, tokenizer) -> TokenCounter:
        """Wrap a transformers tokenizer: byte pieces ``<0xNN>`` of its vocabulary and its unknown token."""
        fallback = {i for piece, i in tokenizer.get_vocab().items() if _BYTE_PIECE.match(piece)}
        if tokenizer.unk_token_id is not None:
            fallback.add(tokenizer.unk_token_id)

        def encode(texts: list[str]) -> list[list[int]]:
            return tokenizer(texts, add_special_tokens=False)["input_ids"]

        return cls(name, encode, fallback)

    @classmethod
    def from_sentencepiece(cls, name: str, model_file: str | Path) -> TokenCounter:
        """Wrap a SentencePiece ``.model`` file, read by the ``sentencepiece`` library as the model's owners do."""
        from ..errors import require

        sentencepiece = require("sentencepiece", extra="sentencepiece", feature="SentencePiece .model tokenizers")
        processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))
        size = processor.get_piece_size()
        fallback = {i for i in range(size) if processor.is_byte(i) or processor.is_unknown(i)}

        def encode(texts: list[str]) -> list[list[int]]:
            return processor.encode(texts)

        return cls(name, encode, fallback)


def load_token_counter(spec: str, *, revision: str | None = None) -> TokenCounter:
    """Load the tokenizer named by ``spec``: ``embedded``, a zoo name, a folder, a Hub id, a tokenizer.json file or a
    SentencePiece ``.model`` file.

    Raises:
        ConfigError: a zoo model with no downloadable tokenizer (API-only).
    """
    from transformers import AutoTokenizer, PreTrainedTokenizerFast

    path = Path(spec).expanduser()
    if spec in ("", EMBEDDED_ALIAS):
        from .._embedded import default_model_path

        return TokenCounter.from_transformers(
            spec or EMBEDDED_ALIAS, AutoTokenizer.from_pretrained(default_model_path())
        )
    if path.is_file() and path.suffix == ".model":
        return TokenCounter.from_sentencepiece(path.name, path)
    if path.is_file() and path.suffix == ".json":
        return TokenCounter.from_transformers(path.name, PreTrainedTokenizerFast(tokenizer_file=str(path)))
    if path.is_dir():  # a delta folder's tokenizer is the target's, so delta folders are fine here
        return TokenCounter.from_transformers(path.name, AutoTokenizer.from_pretrained(path))
    from ..zoo import load_catalog

    entry = load_catalog().find(spec)
    if entry is not None:
        if not entry.hub_id or entry.open_weights == "no":
            raise ConfigError(
                f"{entry.display_name} (zoo name {entry.name!r}) has no tokenizer on the Hub to measure."
            )
        spec, revision = entry.hub_id, revision or entry.revision
    return TokenCounter.from_transformers(spec, AutoTokenizer.from_pretrained(spec, revision=revision))


# ------------------------------------------------------------------------------------------------- counting


def measure(counter: TokenCounter, texts: LanguageTexts) -> FertilityRow:
    """Return the fertility row of one tokenizer on one language (``ratio_to_reference`` left unset)."""
    ids = counter.encode(texts.texts)
    tokens = sum(len(seq) for seq in ids)
    fallback = sum(1 for seq in ids for i in seq if i in counter.fallback_ids)
    return FertilityRow(
        model=counter.name,
        lang=texts.lang,
        texts=len(texts.texts),
        chars=texts.chars,
        words=texts.words,
        bytes=texts.bytes,
        tokens=tokens,
        fallback_tokens=fallback,
        tokens_per_100_chars=100 * tokens / max(texts.chars, 1),
        tokens_per_word=None if texts.lang in UNSPACED_LANGUAGES else tokens / max(texts.words, 1),
        bytes_per_token=texts.bytes / max(tokens, 1),
        fallback_share=fallback / max(tokens, 1),
        ratio_to_reference=None,
    )


def fertility_report(
    counters: list[TokenCounter],
    texts: dict[str, LanguageTexts],
    *,
    reference_lang: str = REFERENCE_LANGUAGE,
    bad_rows: list[str] | None = None,
) -> FertilityReport:
    """Measure every tokenizer on every language; ratios are to ``reference_lang`` when it has text."""
    rows: list[FertilityRow] = []
    for counter in counters:
        measured = [measure(counter, texts[lang]) for lang in texts]
        reference = next((r for r in measured if r.lang == reference_lang), None)
        for row in measured:
            if reference is not None and reference.tokens:
                row.ratio_to_reference = (row.tokens / row.texts) / (reference.tokens / reference.texts)
        rows.extend(measured)
    return FertilityReport(rows, reference_lang, list(bad_rows or []))


def measure_fertility(config: FertilityConfig) -> FertilityReport:
    """Load the tokenizers and texts of ``config``, measure, and write the outputs when ``output_dir`` is set."""
    langs = [lang for item in config.langs for lang in item.split(",")]
    texts, bad = collect_texts(config.data or None, langs=langs)
    counters = [load_token_counter(spec) for spec in config.model or [EMBEDDED_ALIAS]]
    report = fertility_report(counters, texts, bad_rows=bad)
    if config.output_dir:
        write_outputs(report, config.output_dir)
    return report


def write_outputs(report: FertilityReport, output_dir: str | Path) -> list[Path]:
    """Write ``fertility.md``, ``fertility.json`` and the ``fertility.png`` chart into ``output_dir``."""
    from .._atomic import write_text_atomic

    output_dir = Path(output_dir)
    written = [
        write_text_atomic(output_dir / "fertility.md", report.to_markdown() + "\n"),
        write_text_atomic(
            output_dir / "fertility.json", json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
        ),
        plot_fertility(report, output_dir / "fertility.png"),
    ]
    return written


def plot_fertility(report: FertilityReport, path: str | Path) -> Path:
    """Draw tokens per 100 characters and the ratio to the reference language, one bar per tokenizer."""
    import os

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    models = list(dict.fromkeys(r.model for r in report.rows))
    langs = list(dict.fromkeys(r.lang for r in report.rows))
    values = {(r.model, r.lang): r for r in report.rows}
    width = 0.8 / len(models)
    figure, axes = plt.subplots(2, 1, figsize=(max(7, 0.6 * len(langs) * max(1, len(models) / 2)), 7), sharex=True)
    for index, model in enumerate(models):
        xs = [i + (index - (len(models) - 1) / 2) * width for i in range(len(langs))]
        axes[0].bar(xs, [values[(model, lang)].tokens_per_100_chars for lang in langs], width, label=model)
        ratios = [values[(model, lang)].ratio_to_reference or 0.0 for lang in langs]
        axes[1].bar(xs, ratios, width, label=model)
    axes[0].set_ylabel("tokens per 100 characters")
    axes[1].set_ylabel(f"tokens per text / {report.reference_lang}'s")
    axes[1].axhline(1.0, color="grey", linewidth=0.8)
    axes[1].set_xticks(range(len(langs)), langs)
    axes[0].legend(fontsize=8)
    for axis in axes:
        axis.grid(axis="y", alpha=0.3)
    figure.suptitle("Tokenizer fertility per language")
    figure.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp.png")
    figure.savefig(tmp, dpi=100)
    plt.close(figure)
    os.replace(tmp, path)
    return path


def card_fertility_table(tokenizer, langs: Iterable[str]) -> str | None:
    """Return the Markdown fertility table of ``tokenizer`` on the bundled texts of ``langs`` (plus the reference
    language), for a model card; None when the bundled data has none of these languages."""
    wanted = set(langs) | {REFERENCE_LANGUAGE}
    try:
        texts, _ = collect_texts(langs=wanted)
    except DataError:
        return None
    report = fertility_report([TokenCounter.from_transformers("this model", tokenizer)], texts)
    return report.to_markdown()

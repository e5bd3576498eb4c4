"""Build a chat ``datasets.DatasetDict`` (``messages`` + ``lang`` columns) from weighted sources, with a rejects
file and a per-source / per-language report."""

from __future__ import annotations

import json
import logging
import random
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._atomic import write_text_atomic
from .._logging import progress
from .._paths import looks_like_path
from ..errors import ConfigError, DataError
from ._io import RawRow, iter_hub, iter_local
from ._layouts import LAYOUTS, REJECT_REASONS, REPAIRS, BadRow, to_messages

if TYPE_CHECKING:
    from datasets import DatasetDict

logger = logging.getLogger(__name__)

REJECTS_FILENAME = "rejects.jsonl"
REPORT_FILENAME = "data_report.json"
# What happens to a row longer than max_length tokens: TRL's own mode (the trainer keeps its first max_length
# tokens) or dropped here, as a `too_long` reject.
TRUNCATION_MODES = ("keep_start", "drop")
_CORE_KEYS = {"id", "lang", "conversations", "messages", "instruction", "input", "output", "role"}


@dataclass
class DataSource:
    """One data source of a mixture."""

    path: str = field(metadata={"help": "Local .json/.jsonl/.parquet file or folder, or a Hub dataset id."})
    layout: str = field(default="auto", metadata={"help": f"Record layout, one of {LAYOUTS}."})
    weight: float = field(
        default=1.0, metadata={"help": "Rows taken = weight x rows; < 1 under-samples, > 1 repeats rows."}
    )
    split: str = field(default="train", metadata={"help": "Split to read from a Hub dataset."})
    revision: str | None = field(default=None, metadata={"help": "Hub dataset revision (branch, tag or commit)."})
    config_name: str | None = field(default=None, metadata={"help": "Hub dataset configuration name."})
    name: str | None = field(default=None, metadata={"help": "Name used in reports; defaults to the file stem."})
    lang: str | None = field(default=None, metadata={"help": "Language of every row; detected per row if unset."})
    repair_conversations: bool | None = field(
        default=None,
        metadata={
            "help": "Repair ShareGPT quirks in the conversation layout (drop a leading model turn and empty turns, "
            "merge same-side turns, HTML to text) or, when false, reject such rows. Unset: the mixture's setting."
        },
    )

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise ConfigError(f"DataSource {self.path!r}: layout={self.layout!r} is not one of {LAYOUTS}.")
        if not isinstance(self.weight, (int, float)) or self.weight <= 0:
            raise ConfigError(f"DataSource {self.path!r}: weight={self.weight!r} must be a number > 0.")
        if self.name is None:
            self.name = Path(self.path).stem if looks_like_path(self.path) else self.path


@dataclass
class DatasetMixtureConfig:
    """A weighted mixture of sources, split into train/test before any row is repeated (so no test leak)."""

    datasets: list[DataSource] = field(default_factory=list, metadata={"help": "The sources to mix."})
    seed: int = field(default=42, metadata={"help": "Seed of the sampling, shuffling and test split."})
    test_split_size: float = field(
        default=0.0, metadata={"help": "Held-out rows per source: a fraction (< 1) or a row count (>= 1)."}
    )
    repair_conversations: bool = field(
        default=True,
        metadata={
            "help": "Repair ShareGPT quirks in conversation-layout rows (FastChat's cleaning: drop a leading model "
            "turn and empty turns, merge same-side turns, HTML to text), each counted in the report; false rejects "
            "rows that need a structural repair and keeps HTML as it is. A source's own setting wins."
        },
    )
    languages: list[str] | None = field(
        default=None,
        metadata={
            "help": "Keep only rows in these languages (ISO 639-1 codes: the row's `lang`, else the source's, else "
            "the detected one). Rows in other languages go to neither split and are counted per source and language "
            "in the report (not rejected: nothing is wrong with them). None: every language."
        },
    )
    truncation_mode: str = field(
        default="keep_start",
        metadata={
            "help": f"Rows longer than max_length tokens (the recipe's), one of {TRUNCATION_MODES}: keep_start keeps "
            "them and SFT trains on their first max_length tokens (TRL's truncation_mode); drop rejects them "
            "(reason too_long). Counted in the report either way."
        },
    )

    def __post_init__(self) -> None:
        self.datasets = [d if isinstance(d, DataSource) else DataSource(**d) for d in self.datasets]
        if not self.datasets:
            raise ConfigError("dataset_mixture.datasets is empty: name at least one data source.")
        if self.test_split_size < 0:
            raise ConfigError(f"dataset_mixture.test_split_size={self.test_split_size} must be >= 0.")
        if self.languages is not None:
            if isinstance(self.languages, str):
                self.languages = [self.languages]
            bad = [x for x in self.languages if not isinstance(x, str) or not x.strip()]
            if not self.languages or bad:
                raise ConfigError(
                    f"dataset_mixture.languages={self.languages!r} must be a non-empty list of language codes."
                )
        if self.truncation_mode not in TRUNCATION_MODES:
            raise ConfigError(
                f"dataset_mixture.truncation_mode={self.truncation_mode!r} is not one of {TRUNCATION_MODES}."
            )


@dataclass
class SourceStats:
    """What happened to one source."""

    name: str
    path: str
    rows_read: int = 0
    rows_kept: int = 0
    rows_rejected: int = 0
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    trailing_user_turns_dropped: int = 0
    rows_repaired: int = 0
    repaired_by_kind: dict[str, int] = field(default_factory=dict)  # rows that needed each repair
    repaired_fraction: dict[str, float] = field(default_factory=dict)  # of the rows read
    rows_over_max_length: int = 0  # kept and truncated at training (keep_start), or rejected as too_long (drop)
    other_languages: dict[str, int] = field(default_factory=dict)  # valid rows left out by the mixture's languages
    rows_train: int = 0
    rows_test: int = 0
    tokens_train: int | None = None


@dataclass
class DataReport:
    """Counts per source and per language of a built mixture (train split, after weighting)."""

    sources: list[SourceStats]
    languages: dict[str, dict[str, int | None]]
    rows_train: int
    rows_test: int
    rejects_path: str | None = None
    max_length: int | None = None
    truncation_mode: str = "keep_start"

    @property
    def rows_rejected(self) -> int:
        """Total rows rejected across sources."""
        return sum(s.rows_rejected for s in self.sources)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-serialisable data."""
        return {
            "rows_train": self.rows_train,
            "rows_test": self.rows_test,
            "rows_rejected": self.rows_rejected,
            "rejects_path": self.rejects_path,
            "max_length": self.max_length,
            "truncation_mode": self.truncation_mode,
            "sources": [asdict(s) for s in self.sources],
            "languages": self.languages,
        }

    def to_text(self) -> str:
        """Render the report as an aligned plain-text table."""
        lines = [f"{'source':<28}{'read':>8}{'kept':>8}{'rejected':>10}{'train':>8}{'test':>7}{'tokens':>10}"]
        for s in self.sources:
            tokens = "-" if s.tokens_train is None else str(s.tokens_train)
            lines.append(
                f"{s.name[:27]:<28}{s.rows_read:>8}{s.rows_kept:>8}{s.rows_rejected:>10}"
                f"{s.rows_train:>8}{s.rows_test:>7}{tokens:>10}"
            )
            reasons = ", ".join(f"{k}={v}" for k, v in s.rejected_by_reason.items() if v)
            if reasons:
                lines.append(f"  rejected: {reasons}")
            repairs = ", ".join(f"{k}={v} ({s.repaired_fraction[k]:.1%})" for k, v in s.repaired_by_kind.items() if v)
            if repairs:
                lines.append(f"  repaired: {repairs}")
            if s.other_languages:
                counts = ", ".join(f"{lang}={n}" for lang, n in sorted(s.other_languages.items()))
                lines.append(f"  other languages left out: {sum(s.other_languages.values())} ({counts})")
            if s.rows_over_max_length:
                action = "truncated at training" if self.truncation_mode == "keep_start" else "dropped"
                lines.append(f"  longer than {self.max_length} tokens: {s.rows_over_max_length} ({action})")
        lines.append(f"{'lang':<8}{'rows':>8}{'tokens':>10}")
        for lang, counts in sorted(self.languages.items(), key=lambda kv: -int(kv[1]["rows"] or 0)):
            tokens = "-" if counts["tokens"] is None else str(counts["tokens"])
            lines.append(f"{lang:<8}{counts['rows']:>8}{tokens:>10}")
        if self.rejects_path:
            lines.append(f"{self.rows_rejected} rejected rows written to {self.rejects_path}")
        return "\n".join(lines)


@dataclass
class BuildResult:
    """A built mixture: ``dataset`` has ``train`` (and ``test`` when asked) splits."""

    dataset: DatasetDict
    report: DataReport


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of ``text`` (py3langid, offline); ``"und"`` for text with no letters."""
    import py3langid

    sample = text[:1000]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    return py3langid.classify(sample)[0]


def _row_language(record: dict[str, Any], messages: list[dict[str, str]], forced: str | None) -> str:
    if forced:
        return forced
    lang = record.get("lang") or record.get("language")
    if isinstance(lang, str) and lang.strip():
        return lang.strip()
    return detect_language(" ".join(m["content"] for m in messages if m["role"] == "user"))


def _reject(stats: SourceStats, raw: RawRow, bad: BadRow) -> dict[str, Any]:
    """Return the ``rejects.jsonl`` entry of a bad row."""
    return {
        "source": stats.name,
        "location": raw.location,
        "reason": bad.reason,
        "detail": bad.detail,
        "record": raw.record,
    }


def _read_source(
    source: DataSource, *, repair: bool, keep_raw: bool
) -> tuple[list[dict[str, Any]], list[RawRow], list[dict[str, Any]], SourceStats]:
    """Convert one source; return (kept rows, their raw rows when ``keep_raw``, rejects, stats)."""
    stats = SourceStats(name=str(source.name), path=source.path)
    reasons: Counter[str] = Counter()
    repaired: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    kept_raw: list[RawRow] = []
    rejects: list[dict[str, Any]] = []
    raw_rows = (
        iter_local(source.path)
        if looks_like_path(source.path)
        else iter_hub(source.path, split=source.split, revision=source.revision, config_name=source.config_name)
    )
    raw: RawRow
    for raw in progress(raw_rows, desc=f"Reading {source.name}", leave=False):
        stats.rows_read += 1
        try:
            if raw.error:
                raise BadRow(raw.error_reason, raw.error)
            messages, trimmed, repairs = to_messages(raw.record, source.layout, repair=repair)
        except BadRow as bad:
            reasons[bad.reason] += 1
            rejects.append(_reject(stats, raw, bad))
            continue
        stats.trailing_user_turns_dropped += int(trimmed)
        repaired.update(repairs)
        stats.rows_repaired += int(bool(repairs))
        record = raw.record
        persona = record.get("role") if isinstance(record.get("role"), str) and "instruction" in record else ""
        extra = {k: v for k, v in record.items() if k not in _CORE_KEYS}
        row_id = record.get("id")
        rows.append(
            {
                "id": str(row_id) if isinstance(row_id, (str, int)) else f"{stats.name}-{stats.rows_read - 1}",
                "source": stats.name,
                "lang": _row_language(record, messages, source.lang),
                "messages": messages,
                "persona": persona,
                "extra": json.dumps(extra, ensure_ascii=False, default=str) if extra else "",
            }
        )
        if keep_raw:  # only to reject a too-long row later with its record as read
            kept_raw.append(raw)
    stats.rows_kept = len(rows)
    stats.rows_rejected = len(rejects)
    stats.rejected_by_reason = {reason: reasons.get(reason, 0) for reason in REJECT_REASONS}
    stats.repaired_by_kind = {kind: repaired.get(kind, 0) for kind in REPAIRS}
    stats.repaired_fraction = {
        kind: round(count / stats.rows_read, 4) if stats.rows_read else 0.0
        for kind, count in stats.repaired_by_kind.items()
    }
    return rows, kept_raw, rejects, stats


def _sequence_lengths(rows: list[dict[str, Any]], tokenizer, *, desc: str) -> list[int]:
    """Return each row's length in tokens as SFT sees it: rendered by the tokenizer's chat template if it has one."""
    if not getattr(tokenizer, "chat_template", None):
        return _count_tokens(rows, tokenizer)
    from transformers.utils.chat_template_utils import render_jinja_template

    lengths: list[int] = []
    for start in progress(range(0, len(rows), 256), desc=desc, leave=False):
        batch = [row["messages"] for row in rows[start : start + 256]]
        texts, _ = render_jinja_template(
            conversations=batch, chat_template=tokenizer.chat_template, **tokenizer.special_tokens_map
        )
        lengths.extend(len(ids) for ids in tokenizer(texts, add_special_tokens=False)["input_ids"])
    return lengths


def _apply_max_length(
    rows: list[dict[str, Any]],
    kept_raw: list[RawRow],
    stats: SourceStats,
    rejects: list[dict[str, Any]],
    *,
    tokenizer,
    max_length: int,
    truncation_mode: str,
) -> list[dict[str, Any]]:
    """Count the rows longer than ``max_length`` tokens; drop them as ``too_long`` rejects in ``drop`` mode.

    ``kept_raw`` holds the raw row of each of ``rows`` in ``drop`` mode (empty otherwise).
    """
    lengths = _sequence_lengths(rows, tokenizer, desc=f"Measuring {stats.name} in tokens")
    kept: list[dict[str, Any]] = []
    for index, (row, length) in enumerate(zip(rows, lengths, strict=True)):
        if length <= max_length:
            kept.append(row)
            continue
        stats.rows_over_max_length += 1
        if truncation_mode == "keep_start":
            kept.append(row)
            continue
        raw = kept_raw[index]
        bad = BadRow("too_long", f"{length} tokens > max_length={max_length} (truncation_mode=drop)")
        rejects.append(_reject(stats, raw, bad))
        stats.rejected_by_reason["too_long"] += 1
        stats.rows_rejected += 1
        stats.rows_kept -= 1
    return kept


def _keep_languages(
    rows: list[dict[str, Any]], kept_raw: list[RawRow], stats: SourceStats, languages: list[str]
) -> tuple[list[dict[str, Any]], list[RawRow]]:
    """Return the rows (and their raw rows, when kept) in ``languages``; count the others in ``stats``."""
    wanted = set(languages)
    keep = [row["lang"] in wanted for row in rows]
    other: Counter[str] = Counter(row["lang"] for row, ok in zip(rows, keep, strict=True) if not ok)
    stats.other_languages = dict(sorted(other.items()))
    stats.rows_kept -= sum(other.values())
    return (
        [row for row, ok in zip(rows, keep, strict=True) if ok],
        [raw for raw, ok in zip(kept_raw, keep, strict=True) if ok] if kept_raw else kept_raw,
    )


def _split_and_weight(
    rows: list[dict[str, Any]], weight: float, test_size: float, rng: random.Random
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Hold out the test rows first, then under-/over-sample the rest to ``weight`` x its size."""
    shuffled = rows[:]
    rng.shuffle(shuffled)
    n_test = int(round(test_size * len(rows))) if test_size < 1 else int(test_size)
    n_test = min(n_test, len(rows) - 1)  # always leave at least one training row
    test, train = shuffled[:n_test], shuffled[n_test:]
    whole, fraction = divmod(weight, 1.0)
    weighted = train * int(whole) + train[: int(round(fraction * len(train)))]
    return weighted, test


def _count_tokens(rows: list[dict[str, Any]], tokenizer) -> list[int]:
    texts = ["\n".join(m["content"] for m in row["messages"]) for row in rows]
    counts: list[int] = []
    for start in range(0, len(texts), 1024):
        encoded = tokenizer(texts[start : start + 1024], add_special_tokens=False)["input_ids"]
        counts.extend(len(ids) for ids in encoded)
    return counts


def _as_mixture(
    mixture: DatasetMixtureConfig | list[DataSource | dict[str, Any]] | str | Path,
) -> DatasetMixtureConfig:
    """Return ``mixture`` as a :class:`DatasetMixtureConfig` (a path or Hub id is a mixture of one source)."""
    if isinstance(mixture, (str, Path)):
        mixture = [DataSource(path=str(mixture))]
    if not isinstance(mixture, DatasetMixtureConfig):
        mixture = DatasetMixtureConfig(datasets=list(mixture))
    return mixture


def _no_usable_rows(empty: list[SourceStats], rejects_path: Path | None) -> DataError:
    """Return the error naming each source left without a row, with its read and rejected counts."""
    where = f"; see {rejects_path}" if rejects_path else ""

    def counts(s: SourceStats) -> str:
        reasons = ", ".join(f"{k}={v}" for k, v in s.rejected_by_reason.items() if v)
        text = f"{s.rows_read} rows read, {s.rows_rejected} rejected" + (f": {reasons}" if reasons else "")
        if s.other_languages:
            text += f"; {sum(s.other_languages.values())} in languages the mixture's `languages` leaves out"
        return text

    details = "; ".join(f"{s.path} ({counts(s)})" for s in empty)
    return DataError(f"No usable rows left in {details}{where}.")


def _language_counts(
    train_rows: list[dict[str, Any]], stats_list: list[SourceStats], tokenizer
) -> dict[str, dict[str, int | None]]:
    """Count training rows (and tokens, with a tokenizer) per language; set each source's ``tokens_train``."""
    languages: dict[str, dict[str, int | None]] = defaultdict(lambda: {"rows": 0, "tokens": None})
    token_counts = _count_tokens(train_rows, tokenizer) if tokenizer is not None else [None] * len(train_rows)
    per_source_tokens: Counter[str] = Counter()
    for row, count in zip(train_rows, token_counts, strict=True):
        entry = languages[row["lang"]]
        entry["rows"] = int(entry["rows"] or 0) + 1
        if count is not None:
            entry["tokens"] = int(entry["tokens"] or 0) + count
            per_source_tokens[row["source"]] += count
    if tokenizer is not None:
        for stats in stats_list:
            stats.tokens_train = per_source_tokens.get(stats.name, 0)
    return dict(languages)


def _log_report(report: DataReport) -> None:
    """Log the rejected, repaired and over-long row counts of a build."""
    if report.rows_rejected:
        logger.warning(
            "%d rows rejected (by reason in %s).", report.rows_rejected, report.rejects_path or "the report"
        )
    repaired = sum(s.rows_repaired for s in report.sources)
    if repaired:
        logger.info("%d conversation rows repaired (by kind in the report).", repaired)
    over = sum(s.rows_over_max_length for s in report.sources)
    if over and report.truncation_mode == "keep_start":
        logger.warning(
            "%d rows are longer than max_length=%d tokens; SFT trains on their start only.", over, report.max_length
        )


def build_dataset(
    mixture: DatasetMixtureConfig | list[DataSource | dict[str, Any]] | str | Path,
    *,
    output_dir: str | Path | None = None,
    tokenizer=None,
    max_length: int | None = None,
) -> BuildResult:
    """Build the chat dataset of a mixture of sources.

    Args:
        mixture: a :class:`DatasetMixtureConfig`, a list of sources, or a single path / Hub id.
        output_dir: where ``rejects.jsonl`` and ``data_report.json`` are written (nothing written if None).
        tokenizer: counts tokens per source and language in the report when given.
        max_length: the training sequence length in tokens (SFT passes the recipe's); rows longer than that are
            counted, and kept or dropped as the mixture's ``truncation_mode`` says. Needs ``tokenizer``.

    Returns:
        A :class:`BuildResult` with ``train`` (and ``test``) splits; columns ``id, source, lang, messages,
        persona, extra``.

    Raises:
        DataError: a file is unreadable, or a source has no usable row (the message names it and the rejects).
        ConfigError: ``max_length`` without a ``tokenizer``.
    """
    from datasets import Dataset, DatasetDict

    mixture = _as_mixture(mixture)
    if max_length is not None and tokenizer is None:
        raise ConfigError(f"max_length={max_length} counts tokens: give the tokenizer too (--tokenizer).")
    rng = random.Random(mixture.seed)
    rejects_path = Path(output_dir) / REJECTS_FILENAME if output_dir is not None else None

    all_rejects: list[dict[str, Any]] = []
    train_rows: list[dict[str, Any]] = []
    test_rows: list[dict[str, Any]] = []
    stats_list: list[SourceStats] = []
    empty: list[SourceStats] = []
    for source in mixture.datasets:
        repair = mixture.repair_conversations if source.repair_conversations is None else source.repair_conversations
        dropping = max_length is not None and mixture.truncation_mode == "drop"
        rows, kept_raw, rejects, stats = _read_source(source, repair=repair, keep_raw=dropping)
        if mixture.languages is not None:
            rows, kept_raw = _keep_languages(rows, kept_raw, stats, mixture.languages)
        if max_length is not None and rows:
            rows = _apply_max_length(
                rows,
                kept_raw,
                stats,
                rejects,
                tokenizer=tokenizer,
                max_length=max_length,
                truncation_mode=mixture.truncation_mode,
            )
        all_rejects.extend(rejects)
        stats_list.append(stats)
        if not rows:
            empty.append(stats)
            continue
        train, test = _split_and_weight(rows, source.weight, mixture.test_split_size, rng)
        stats.rows_train, stats.rows_test = len(train), len(test)
        train_rows.extend(train)
        test_rows.extend(test)

    if rejects_path is not None:
        write_text_atomic(
            rejects_path, "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in all_rejects)
        )
    if empty:
        raise _no_usable_rows(empty, rejects_path)

    rng.shuffle(train_rows)
    report = DataReport(
        sources=stats_list,
        languages=_language_counts(train_rows, stats_list, tokenizer),
        rows_train=len(train_rows),
        rows_test=len(test_rows),
        rejects_path=str(rejects_path) if rejects_path else None,
        max_length=max_length,
        truncation_mode=mixture.truncation_mode,
    )
    if output_dir is not None:
        write_text_atomic(
            Path(output_dir) / REPORT_FILENAME, json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
        )
    _log_report(report)

    splits = {"train": Dataset.from_list(train_rows)}
    if test_rows:
        splits["test"] = Dataset.from_list(test_rows)
    return BuildResult(dataset=DatasetDict(splits), report=report)

"""Read XMedBench multiple-choice items: ``<lang>.json`` lists (as published), JSONL, folders and Hub datasets.

A record is ``{"question", "options": "(A) …\\n(B) …", "answer": "(B)", "source"}``, plus ``"context"`` in
PubMedQA rows. Real files have five options (French, part of Chinese), option texts ending in "." or "..", and
answers naming several letters (``"(BCDE)"``). A record that cannot be used is counted and reported with its file
and index; only a file without a single usable item is an error.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataError

logger = logging.getLogger(__name__)

PROTOCOL_FILE = Path(__file__).with_name("apollo_protocol.yaml")
SUFFIXES = (".json", ".jsonl")
_OPTION_LINE = re.compile(r"^\(([A-Z])\)\s*(.*)$")
_ANSWER = re.compile(r"^[(（]?\s*([A-Z]+)\s*[)）]?$")


@lru_cache(maxsize=1)
def protocol_data() -> dict[str, Any]:
    """Return the contents of ``apollo_protocol.yaml`` (Apollo's prompts, sources and table columns)."""
    import yaml

    return yaml.safe_load(PROTOCOL_FILE.read_text(encoding="utf-8"))


def known_languages() -> list[str]:
    """Return the XMedBench language codes (en, zh, fr, es, ar, hi)."""
    return list(protocol_data()["languages"])


@dataclass
class MCQItem:
    """One multiple-choice question; ``answer`` holds the correct letters (``"B"``, or ``"BCDE"`` for several)."""

    question: str
    options: list[tuple[str, str]]
    answer: str
    source: str
    lang: str
    index: int
    file: str = ""
    options_raw: str = ""
    context: str | None = None

    @property
    def letters(self) -> list[str]:
        """The option letters, in order."""
        return [letter for letter, _ in self.options]

    @property
    def key(self) -> tuple[str, int]:
        """Where the item comes from: (file, index in that file)."""
        return (self.file, self.index)

    def options_text(self) -> str:
        """Return the options as ``(A) …`` lines."""
        return "\n".join(f"({letter}) {text}" for letter, text in self.options)


@dataclass
class BadRecord:
    """A record left out: its file, its index in the file (0-based) and why."""

    file: str
    index: int
    reason: str


@dataclass
class MCQData:
    """Items read from one source, with the records that could not be used."""

    items: list[MCQItem]
    files: dict[str, int] = field(default_factory=dict)
    bad_records: list[BadRecord] = field(default_factory=list)

    def first_per_source(self, n: int) -> list[MCQItem]:
        """Return the first ``n`` items of each (language, source), in file order."""
        seen: Counter[tuple[str, str]] = Counter()
        kept = []
        for item in self.items:
            seen[(item.lang, item.source)] += 1
            if seen[(item.lang, item.source)] <= n:
                kept.append(item)
        return kept

    def multi_answer_counts(self) -> dict[str, int]:
        """Return how many items name several correct letters, per ``lang/source``."""
        counts = Counter(f"{item.lang}/{item.source}" for item in self.items if len(item.answer) > 1)
        return dict(sorted(counts.items()))

    def report(self) -> dict[str, Any]:
        """Return a JSON-ready summary: usable items per file, bad records, multi-answer items per source."""
        return {
            "files": self.files,
            "items": len(self.items),
            "bad_records": [vars(bad) for bad in self.bad_records],
            "multi_answer": self.multi_answer_counts(),
        }

    def describe(self) -> str:
        """Return the summary as a few lines for the terminal."""
        lines = [f"{len(self.items)} items from {len(self.files)} file(s); {len(self.bad_records)} bad record(s)."]
        lines += [f"  left out {bad.file}[{bad.index}]: {bad.reason}" for bad in self.bad_records]
        multi = self.multi_answer_counts()
        if multi:
            counts = ", ".join(f"{key}: {n}" for key, n in multi.items())
            lines.append(f"  items with several correct letters: {counts}")
        return "\n".join(lines)


def _parse_options(options: Any, where: str) -> list[tuple[str, str]]:
    if not isinstance(options, str):
        raise DataError(f"{where}: 'options' must be a string of '(A) …' lines, got {type(options).__name__}.")
    parsed = []
    for line in options.splitlines():
        if not line.strip():
            continue
        match = _OPTION_LINE.match(line.strip())
        if not match:
            raise DataError(f"{where}: option line {line!r} does not start with '(A) '…'(Z) '.")
        parsed.append((match.group(1), match.group(2)))
    letters = [letter for letter, _ in parsed]
    if len(parsed) < 2:
        raise DataError(f"{where}: needs at least two options, got {len(parsed)}.")
    if letters != [chr(ord("A") + i) for i in range(len(letters))]:
        raise DataError(f"{where}: option letters {letters} must run A, B, C, … in order.")
    return parsed


def _parse_context(context: Any, where: str) -> str | None:
    if context is None:
        return None
    if isinstance(context, list) and all(isinstance(part, str) for part in context):
        return " ".join(context)  # PubMedQA's abstract as a list of paragraphs
    if not isinstance(context, str):
        raise DataError(f"{where}: 'context' must be a string, got {type(context).__name__}.")
    return context


def parse_item(record: Any, *, lang: str, index: int, where: str, file: str = "") -> MCQItem:
    """Validate one XMedBench record and return it as an :class:`MCQItem` (``where`` names it in errors).

    Raises:
        DataError: a missing field, an option line not in ``(X) text`` form, or an answer letter not among the
            options.
    """
    if not isinstance(record, dict):
        raise DataError(f"{where}: expected a JSON object, got {type(record).__name__}.")
    missing = [k for k in ("question", "options", "answer") if record.get(k) is None]
    if missing:
        raise DataError(f"{where}: MCQ record lacks {missing} (XMedBench layout: question, options, answer, source).")
    options = _parse_options(record["options"], where)
    letters = [letter for letter, _ in options]
    match = _ANSWER.match(str(record["answer"]).strip())
    answer = match.group(1) if match else ""
    if not answer or any(letter not in letters for letter in answer) or len(set(answer)) < len(answer):
        raise DataError(f"{where}: answer {record['answer']!r} is not one (or several) of the options {letters}.")
    return MCQItem(
        question=str(record["question"]),
        options=options,
        answer=answer,
        source=str(record.get("source") or "unknown"),
        lang=lang,
        index=index,
        file=file,
        options_raw=record["options"],
        context=_parse_context(record.get("context"), where),
    )


def _language_of(file_stem: str, source: str) -> str:
    """Return the item's language: from its file name (``en.json``), else from its source, else the file name."""
    stem = re.sub(r"\d+$", "", file_stem)
    if stem in known_languages():
        return stem
    return protocol_data()["sources"].get(source, {}).get("lang", stem)


def _read_records(path: Path, data: MCQData) -> list[tuple[int, Any]]:
    """Return ``(index, record)`` pairs of a JSON list file or a JSONL file; unreadable JSONL lines are bad records."""
    text = path.read_text(encoding="utf-8-sig")
    if text.lstrip().startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}: not a valid JSON list ({exc.msg} at line {exc.lineno}).") from exc
        return list(enumerate(records))
    pairs = []
    lines = [(line_no, line) for line_no, line in enumerate(text.splitlines(), start=1) if line.strip()]
    for index, (line_no, line) in enumerate(lines):
        try:
            pairs.append((index, json.loads(line)))
        except json.JSONDecodeError as exc:
            data.bad_records.append(BadRecord(str(path), index, f"line {line_no}: not valid JSON ({exc.msg})."))
    return pairs


def _add_records(data: MCQData, records: list[tuple[int, Any]], *, file: str, file_stem: str) -> None:
    usable = 0
    for index, record in records:
        source = str(record.get("source") or "") if isinstance(record, dict) else ""
        try:
            item = parse_item(
                record, lang=_language_of(file_stem, source), index=index, where=f"{file}[{index}]", file=file
            )
        except DataError as exc:
            data.bad_records.append(BadRecord(file, index, str(exc).split(": ", 1)[-1]))
            continue
        data.items.append(item)
        usable += 1
    if not usable:
        bad = [b for b in data.bad_records if b.file == file]
        detail = f" (first problem, at index {bad[0].index}: {bad[0].reason})" if bad else " (the file is empty)"
        raise DataError(f"{file}: no usable MCQ item{detail}.")
    data.files[file] = usable
    for bad in data.bad_records:
        if bad.file == file:
            logger.warning("%s[%d]: record left out: %s", bad.file, bad.index, bad.reason)


def _local_files(folder: Path, langs: list[str] | None) -> list[Path]:
    by_stem: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in SUFFIXES:
            by_stem.setdefault(path.stem, []).append(path)
    if langs:
        for lang in langs:
            if lang not in by_stem:
                raise FileNotFoundError(
                    f"No MCQ file for language {lang!r} in {folder} (expected {lang}.json or .jsonl)."
                )
        by_stem = {lang: by_stem[lang] for lang in langs}
    if not by_stem:
        raise DataError(f"No MCQ files (*.json, *.jsonl) in {folder}.")
    for stem, paths in by_stem.items():
        if len(paths) > 1:
            raise DataError(f"{folder}: both {paths[0].name} and {paths[1].name} hold {stem!r}; keep one.")
    return [paths[0] for paths in by_stem.values()]


def _hub_language_files(repo_id: str, langs: list[str] | None, split: str, revision: str | None) -> dict[str, str]:
    """Return ``{lang: path in repo}`` for the per-language files of a dataset repo (a local folder works too)."""
    if Path(repo_id).is_dir():
        root = Path(repo_id)
        paths = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()]
    else:
        from huggingface_hub import list_repo_files

        paths = list_repo_files(repo_id, repo_type="dataset", revision=revision)
    wanted = langs or known_languages()
    found: dict[str, str] = {}
    for lang in wanted:
        candidates = [p for p in paths if p.rsplit("/", 1)[-1] in (f"{lang}.json", f"{lang}.jsonl")]
        if len(candidates) > 1:  # e.g. test/en.json and dev/en.json: take the one in the asked split's folder
            in_split = [p for p in candidates if split in p.split("/")[:-1]]
            if len(in_split) != 1:
                raise DataError(
                    f"{repo_id}: several files hold language {lang!r}: {candidates}; none is in a {split!r} folder "
                    "(pick one with --split)."
                )
            candidates = in_split
        if candidates:
            found[lang] = candidates[0]
    return found


def _read_hub(repo_id: str, data: MCQData, *, langs: list[str] | None, split: str, revision: str | None) -> None:
    from datasets import load_dataset

    files = _hub_language_files(repo_id, langs, split, revision)
    if files:
        missing = [lang for lang in langs or [] if lang not in files]
        if missing:
            raise FileNotFoundError(f"No MCQ file for language(s) {missing} in {repo_id}.")
        for lang, path in files.items():
            dataset = load_dataset(repo_id, data_files={split: path}, split=split, revision=revision)
            _add_records(data, list(enumerate(dataset)), file=f"{repo_id}/{path}", file_stem=lang)
        return
    # No <lang>.json files: a dataset with one config per language.
    if not langs:
        raise ValueError(f"{repo_id} has no <lang>.json files; name the languages (configs) to load with --langs.")
    for lang in langs:
        dataset = load_dataset(repo_id, lang, split=split, revision=revision)
        _add_records(data, list(enumerate(dataset)), file=f"{repo_id}[{lang}]", file_stem=lang)


def read_mcq(
    path_or_repo: str | Path,
    *,
    langs: list[str] | None = None,
    split: str = "test",
    revision: str | None = None,
) -> MCQData:
    """Read MCQ items from a ``.json``/``.jsonl`` file, a folder of ``<lang>.json(l)`` files, or a Hub dataset.

    Args:
        path_or_repo: file, folder, or Hub dataset id. A Hub dataset's ``<lang>.json`` files are loaded with
            ``datasets.load_dataset(repo, data_files=...)``; one without them is read per config (``langs``).
        langs: languages to keep (folder/Hub); default every language file.
        split / revision: Hub dataset split (also picks ``<split>/<lang>.json`` among several) and revision.

    Returns:
        The items, usable items per file, and the bad records (file, index, reason), which are left out.

    Raises:
        DataError: a file with no usable item, or not valid JSON as a whole.
        FileNotFoundError: a requested language has no file.
    """
    path = Path(path_or_repo)
    data = MCQData(items=[])
    if path.is_file():
        _add_records(data, _read_records(path, data), file=str(path), file_stem=path.stem)
    elif path.is_dir():
        for file in _local_files(path, langs):
            _add_records(data, _read_records(file, data), file=str(file), file_stem=file.stem)
    elif str(path_or_repo).startswith((".", "/", "~")) or str(path_or_repo).count("/") > 1:
        raise FileNotFoundError(f"{path_or_repo}: no such MCQ file or folder (nor a Hub dataset id, owner/name).")
    else:
        _read_hub(str(path_or_repo), data, langs=langs, split=split, revision=revision)
    return data


def load_mcq(
    path_or_repo: str | Path,
    *,
    langs: list[str] | None = None,
    split: str = "test",
    revision: str | None = None,
) -> list[MCQItem]:
    """Return the usable MCQ items of :func:`read_mcq` (bad records are logged and left out)."""
    return read_mcq(path_or_repo, langs=langs, split=split, revision=revision).items

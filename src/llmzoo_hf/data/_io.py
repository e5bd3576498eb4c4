"""Read raw records from local JSON / JSONL / Parquet files or from a Hub dataset, keeping each row's origin."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataError

logger = logging.getLogger(__name__)

LOCAL_SUFFIXES = (".json", ".jsonl", ".parquet")


@dataclass
class RawRow:
    """One record as read, with where it came from (``location`` is ``file:line`` or ``file[index]``)."""

    location: str
    record: Any
    error: str | None = None  # set when the row could not even be parsed
    error_reason: str = "invalid_json"  # the reject reason of ``error`` (invalid_json or invalid_utf8)


def _iter_jsonl(path: Path) -> Iterator[RawRow]:
    # Bytes, decoded line by line: one line that is not UTF-8 costs that row, not the file.
    with path.open("rb") as fh:
        for line_number, raw_line in enumerate(fh, start=1):
            location = f"{path}:{line_number}"
            try:
                line = raw_line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield RawRow(
                    location,
                    raw_line.rstrip(b"\r\n")[:500].decode("utf-8", errors="replace"),
                    error=f"byte {exc.start + 1} of the line (counting from 1) is not valid UTF-8 ({exc.reason})",
                    error_reason="invalid_utf8",
                )
                continue
            if line_number == 1:
                line = line.removeprefix("\ufeff")  # a byte-order mark some editors write
            if not line.strip():
                continue
            try:
                yield RawRow(location, json.loads(line))
            except json.JSONDecodeError as exc:
                yield RawRow(location, line.rstrip("\n")[:500], error=f"invalid JSON: {exc.msg}")


def _has_undecodable(value: Any) -> bool:
    """Return True when a parsed value holds a string with bytes that were not UTF-8 (kept as lone surrogates)."""
    if isinstance(value, str):
        return any("\udc80" <= ch <= "\udcff" for ch in value)
    if isinstance(value, dict):
        return any(_has_undecodable(k) or _has_undecodable(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_undecodable(v) for v in value)
    return False


def _iter_json(path: Path) -> Iterator[RawRow]:
    # Bytes that are not UTF-8 become lone surrogates, so the list still parses and only the records holding them
    # are rejected (invalid_utf8).
    text = path.read_bytes().decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # Many "JSON" dumps are really JSON Lines; read them line by line so one bad line costs one row.
        first = text.lstrip()[:1]
        if first == "{":
            yield from _iter_jsonl(path)
            return
        raise DataError(f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from exc
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        data = data["data"]
    if not isinstance(data, list):
        raise DataError(f"{path} must hold a JSON list of records (or JSON Lines), found a {type(data).__name__}.")
    for index, record in enumerate(data):
        if _has_undecodable(record):
            shown = json.dumps(record, ensure_ascii=False).encode("utf-8", errors="surrogateescape")
            yield RawRow(
                f"{path}[{index}]",
                shown[:500].decode("utf-8", errors="replace"),
                error="the record holds bytes that are not valid UTF-8",
                error_reason="invalid_utf8",
            )
        else:
            yield RawRow(f"{path}[{index}]", record)


def _iter_parquet(path: Path) -> Iterator[RawRow]:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    for index, record in enumerate(table.to_pylist()):
        yield RawRow(f"{path}[{index}]", record)


def iter_local(path: str | Path) -> Iterator[RawRow]:
    """Yield the rows of a local ``.json``/``.jsonl``/``.parquet`` file, or of every such file in a folder.

    Raises:
        DataError: the file is missing, has an unknown suffix, or is not a list of records.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in LOCAL_SUFFIXES)
        if not files:
            raise DataError(f"{path} is a folder without {'/'.join(LOCAL_SUFFIXES)} files.")
        for file in files:
            yield from iter_local(file)
        return
    if not path.is_file():
        raise DataError(f"Data file {path} does not exist.")
    readers = {".jsonl": _iter_jsonl, ".json": _iter_json, ".parquet": _iter_parquet}
    if path.suffix not in readers:
        raise DataError(f"{path}: unsupported file type {path.suffix!r}; use one of {', '.join(LOCAL_SUFFIXES)}.")
    yield from readers[path.suffix](path)


def iter_hub(repo_id: str, *, split: str, revision: str | None, config_name: str | None) -> Iterator[RawRow]:
    """Yield the rows of a Hub dataset through ``datasets.load_dataset`` (needs network access)."""
    from datasets import load_dataset

    dataset = load_dataset(repo_id, config_name, split=split, revision=revision)
    for index, record in enumerate(dataset):
        yield RawRow(f"{repo_id}@{revision or 'main'}:{split}[{index}]", record)

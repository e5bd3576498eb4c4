"""JSONL / JSON helpers for the evaluation files: line-numbered errors, append + flush, atomic writes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .._atomic import repair_jsonl_tail, write_text_atomic
from ..errors import DataError


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, record)`` for each non-empty line of a JSONL file.

    A half-written last line (a run killed while appending) is skipped with its line number logged, so that a
    resumed run can carry on; any other bad line raises :class:`DataError` naming the file and line.
    """
    import logging

    path = Path(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            if index == last and not path.read_bytes().endswith(b"\n"):
                logging.getLogger(__name__).warning("%s:%d: ignoring a truncated last line", path, index + 1)
                continue
            raise DataError(f"{path}:{index + 1}: not valid JSON ({exc.msg}).") from exc
        if not isinstance(record, dict):
            raise DataError(f"{path}:{index + 1}: expected a JSON object, got {type(record).__name__}.")
        yield index + 1, record


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Return the records of a JSONL file."""
    return [record for _, record in iter_jsonl(path)]


class JsonlAppender:
    """Append records to a JSONL file, flushing and syncing each one so a killed run loses at most one line."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        repair_jsonl_tail(self.path)
        self._handle = self.path.open("a", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        """Append one record and make it durable."""
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        """Close the file."""
        self._handle.close()

    def __enter__(self) -> JsonlAppender:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def write_json_atomic(path: str | Path, data: Any, *, indent: int = 4) -> Path:
    """Write ``data`` as JSON (LLM Zoo's 4-space indent, trailing newline) atomically."""
    return write_text_atomic(path, json.dumps(data, indent=indent, ensure_ascii=False) + "\n")


def write_jsonl_atomic(path: str | Path, records: Iterable[dict[str, Any]]) -> Path:
    """Write records as JSONL atomically."""
    return write_text_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))

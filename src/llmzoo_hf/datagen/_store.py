"""A resumable JSONL result file: one record per key, appended and flushed as each request finishes.

Records go to ``OUTPUT.jsonl``; the inputs that failed in the latest run go to ``OUTPUT.failures.jsonl`` (never
counted as done, so a re-run retries them). A process killed mid-write can leave a partial last line: it is cut
off when the file is opened again (:func:`llmzoo_hf._atomic.repair_jsonl_tail`), so a crash loses at most the requests that were in flight.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from .._atomic import repair_jsonl_tail
from ..errors import DataError

logger = logging.getLogger(__name__)

KEY_FIELD = "key"


def stable_key(*parts: Any) -> str:
    """Return a short stable key (sha256 of the canonical JSON of ``parts``) identifying one input."""
    canonical = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


def failures_path_for(output_path: str | Path) -> Path:
    """Return the failures file that goes with ``output_path`` (``x.jsonl`` -> ``x.failures.jsonl``)."""
    output_path = Path(output_path)
    return output_path.with_name(output_path.stem + ".failures.jsonl")


class ResultStore:
    """Append-only JSONL records keyed by ``record["key"]``, plus a failures file for the current run."""

    def __init__(self, output_path: str | Path, *, keep_records: bool = False):
        self.path = Path(output_path)
        self.keep_records = keep_records
        self.failures_path = failures_path_for(self.path)
        self.done: set[str] = set()
        self.records: list[dict[str, Any]] = []  # every record (old and new) when keep_records
        self._fh = None
        self._failures_fh = None

    def open(self) -> ResultStore:
        """Read the keys already done, cut a partial last line, and open the files for appending."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            repair_jsonl_tail(self.path)
            with self.path.open(encoding="utf-8") as fh:
                for line_number, line in enumerate(fh, start=1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                        key = record[KEY_FIELD]
                    except (json.JSONDecodeError, KeyError, TypeError) as exc:
                        raise DataError(
                            f"{self.path}:{line_number} is not a record written by llmzoo data ({exc}); "
                            "use another --output file or remove that line."
                        ) from exc
                    if key not in self.done:
                        self.done.add(key)
                        if self.keep_records:
                            self.records.append(record)
        self._fh = self.path.open("a", encoding="utf-8")
        # Failures are those of this run only: the earlier ones are being retried now.
        self._failures_fh = self.failures_path.open("w", encoding="utf-8")
        return self

    def close(self) -> None:
        """Close the files; remove the failures file when nothing failed."""
        for fh in (self._fh, self._failures_fh):
            if fh is not None:
                fh.close()
        self._fh = self._failures_fh = None
        if self.failures_path.exists() and self.failures_path.stat().st_size == 0:
            self.failures_path.unlink()

    def __enter__(self) -> ResultStore:
        return self.open()

    def __exit__(self, *exc_info) -> None:
        self.close()

    def write(self, record: dict[str, Any]) -> bool:
        """Append ``record`` (which has a ``key``) unless its key is done; return True when written."""
        key = record[KEY_FIELD]
        if key in self.done:
            return False
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._fh.flush()
        self.done.add(key)
        if self.keep_records:
            self.records.append(record)
        return True

    def write_failure(self, key: str, reason: str, detail: str, **extra: Any) -> None:
        """Record that input ``key`` failed for ``reason`` in this run."""
        entry = {KEY_FIELD: key, "reason": reason, "detail": detail[:500], **extra}
        self._failures_fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._failures_fh.flush()

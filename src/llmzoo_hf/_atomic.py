"""Atomic writes of files and folders: a failed or killed write never leaves a half file or folder behind."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary sibling file and a rename; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


@contextlib.contextmanager
def atomic_folder(output_dir: str | Path, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary sibling folder that replaces ``output_dir`` only when the block succeeds.

    Raises:
        FileExistsError: ``output_dir`` exists and ``overwrite`` is false (checked before any work).
    """
    output_dir = Path(output_dir)
    if output_dir.exists() and not overwrite:
        raise FileExistsError(f"{output_dir} already exists; remove it or pass overwrite=True (--overwrite).")
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.tmp-", dir=output_dir.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if output_dir.exists():
        shutil.rmtree(output_dir)
    os.replace(tmp, output_dir)


def repair_jsonl_tail(path: str | Path) -> None:
    """Make a JSONL file safe to append to after a killed write: a last line without its newline is completed when
    it holds a whole JSON value, else cut off (logged). Only the tail is read."""
    import json
    import logging

    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return
    with path.open("rb+") as handle:
        handle.seek(-1, os.SEEK_END)
        if handle.read(1) == b"\n":
            return
        # Walk back in blocks to the previous newline; records are short, so this reads little.
        position, tail = handle.tell(), b""
        while position > 0:
            step = min(65536, position)
            position -= step
            handle.seek(position)
            tail = handle.read(step) + tail
            newline = tail.rfind(b"\n")
            if newline != -1:
                position, tail = position + newline + 1, tail[newline + 1 :]
                break
        try:
            json.loads(tail)
        except ValueError:  # JSONDecodeError and UnicodeDecodeError both are
            logging.getLogger(__name__).warning(
                "%s ended with a partial record (interrupted write); removing it.", path
            )
            handle.truncate(position)
        else:
            handle.seek(0, os.SEEK_END)
            handle.write(b"\n")  # a complete record that only lacks its newline

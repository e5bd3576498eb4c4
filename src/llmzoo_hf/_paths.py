"""The one rule that tells a local path from a Hub id (``owner/name``), for models and data sources alike."""

from __future__ import annotations

from pathlib import Path

# A name ending in one of these is a file, even before it exists (so that a typo says "does not exist" instead of
# starting a Hub lookup); only some of them can be read as data (see llmzoo_hf.data._io.LOCAL_SUFFIXES).
FILE_SUFFIXES = (".json", ".jsonl", ".parquet", ".csv", ".arrow")


def looks_like_path(text: str | Path) -> bool:
    """Return True when ``text`` reads as a file-system path rather than a Hub id (``owner/name``).

    A path is: something that exists, a name starting with ``.``, ``/`` or ``~``, with a backslash or more than one
    ``/``, ending in a data-file suffix, whose first part is a folder here (``outputs/chimera-tiny``), or that is no
    valid Hub id at all.
    """
    from huggingface_hub.utils import HFValidationError, validate_repo_id

    text = str(text)
    if text.startswith((".", "/", "~")) or "\\" in text or text.count("/") > 1 or text.endswith(FILE_SUFFIXES):
        return True
    if Path(text).expanduser().exists() or ("/" in text and Path(text.split("/")[0]).is_dir()):
        return True
    try:
        validate_repo_id(text)
    except HFValidationError:
        return True
    return False

"""Inputs of data generation: task files and the language distribution of post-translation."""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import ConfigError, DataError, read_yaml

DEFAULT_LANGUAGES_PATH = Path(__file__).with_name("languages.yaml")
LANGUAGE_NAMES_PATH = Path(__file__).with_name("language_names.yaml")

# --------------------------------------------------------------------------------------------------- inputs


def read_task_file(path: str | Path, *, allow_role_only: bool = False) -> list[dict[str, str]]:
    """Read ``{role?, instruction, input?, lang?}`` rows from a JSONL file (or a JSON list).

    With ``allow_role_only`` a row may have a ``role`` and no ``instruction`` (the instruction is then generated),
    and a ``.txt`` file is read as one role per line.

    Raises:
        DataError: the file is missing or empty, or a row is not usable; the message names the file and line.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(f"Task file {path} does not exist.")
    text = path.read_text(encoding="utf-8")
    if allow_role_only and path.suffix == ".txt":
        rows = [(f"{path}:{n}", {"role": line.strip()}) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    elif path.suffix == ".json" and text.lstrip().startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}:{exc.lineno}: invalid JSON ({exc.msg}).") from exc
        rows = [(f"{path}[{index}]", record) for index, record in enumerate(data)]
    else:
        rows = []
        for line_number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rows.append((f"{path}:{line_number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                raise DataError(
                    f"{path}:{line_number}: invalid JSON ({exc.msg}); expected one object per line."
                ) from exc
    tasks = [_check_task(record, where, allow_role_only=allow_role_only) for where, record in rows]
    if not tasks:
        raise DataError(f"{path} holds no rows.")
    return tasks


def _check_task(record: Any, where: str, *, allow_role_only: bool) -> dict[str, str]:
    if not isinstance(record, dict):
        raise DataError(f"{where}: expected a JSON object, got {type(record).__name__}.")
    task: dict[str, str] = {}
    for name in ("role", "instruction", "input", "lang"):
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise DataError(f"{where}: '{name}' must be a string, got {type(value).__name__}.")
        task[name] = value.strip()
    if not task.get("instruction") and not (allow_role_only and task.get("role")):
        wanted = "'instruction' (or a 'role' to write one for)" if allow_role_only else "'instruction'"
        raise DataError(f"{where}: missing or empty {wanted}; keys are {sorted(record)}.")
    task.setdefault("input", "")
    return task


# --------------------------------------------------------------------------------------------------- languages


def load_language_distribution(source: str | Path | Mapping[str, float] | None = None) -> dict[str, float]:
    """Return a language -> probability mapping from a YAML/JSON file, a mapping, or the shipped default.

    Raises:
        ConfigError: the file is not a mapping of language codes to positive numbers.
    """
    where = "the mapping"
    if source is None:
        source = DEFAULT_LANGUAGES_PATH
    if isinstance(source, (str, Path)):
        where = str(source)
        source = read_yaml(source, what="Language distribution file")
    if not isinstance(source, Mapping) or not source:
        raise ConfigError(f"{where} must map language codes to weights, e.g. `en: 1500`.")
    weights: dict[str, float] = {}
    for lang, weight in source.items():
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
            raise ConfigError(f"{where}: weight of {lang!r} is {weight!r}; expected a number >= 0.")
        if weight > 0:
            weights[str(lang)] = float(weight)
    total = sum(weights.values())
    if total <= 0:
        raise ConfigError(f"{where}: every weight is 0; give at least one language a positive weight.")
    return {lang: weight / total for lang, weight in weights.items()}


def sample_languages(
    distribution: Mapping[str, float], *, k: int = 1, rng: random.Random, exclude: Iterable[str] = ()
) -> list[str]:
    """Draw ``k`` distinct languages from ``distribution`` (without replacement), leaving out ``exclude``."""
    pool = {lang: weight for lang, weight in distribution.items() if lang not in set(exclude)}
    chosen: list[str] = []
    for _ in range(min(k, len(pool))):
        languages = sorted(pool)
        lang = rng.choices(languages, weights=[pool[x] for x in languages])[0]
        chosen.append(lang)
        del pool[lang]
    return chosen


@functools.cache
def _language_names() -> dict[str, str]:
    import yaml

    return yaml.safe_load(LANGUAGE_NAMES_PATH.read_text(encoding="utf-8"))


def language_name(code: str) -> str:
    """Return the English name of a language code (the code itself when unknown)."""
    return _language_names().get(code, code)


def detect_lang(text: str) -> str:
    from ..data import detect_language

    return detect_language(text)

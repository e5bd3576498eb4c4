"""Instruction data generation against any OpenAI-compatible chat endpoint, fast and resumable.

Three pipelines, as LLM Zoo built its data (each writes JSONL in the Alpaca / user-centered layouts with ``lang``,
so the result loads straight into :func:`llmzoo_hf.data.build_dataset`):

- :func:`self_instruct`: seed tasks -> new ``(role, instruction, input)`` samples -> de-duplicated and filtered ->
  outputs generated.
- :func:`user_centered`: ``(role, instruction?, input?)`` rows -> (an instruction that user would ask, when
  missing) -> outputs generated.
- :func:`post_translate`: ``(instruction, input)`` in language A -> translated into B (drawn from a language
  distribution with a seeded RNG) -> output generated in B; records keep ``source_lang`` and ``lang``.

Every request goes through :class:`~llmzoo_hf._datagen_client.AsyncChatClient` (concurrency, RPM/TPM limits,
retries) and every result through :class:`~llmzoo_hf._datagen_store.ResultStore` (one record per stable key,
appended and flushed; a re-run skips done keys and retries failed ones).
"""

from __future__ import annotations

import asyncio
import difflib
import json
import logging
import math
import random
import re
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ._datagen_client import AsyncChatClient, ClientStats, EndpointConfig, RequestFailed
from ._datagen_store import KEY_FIELD, ResultStore, failures_path_for, stable_key
from .errors import ConfigError, DataError

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_LANGUAGES_PATH",
    "DatagenSummary",
    "Deduplicator",
    "EndpointConfig",
    "load_language_distribution",
    "parse_samples",
    "post_translate",
    "read_task_file",
    "sample_languages",
    "self_instruct",
    "user_centered",
]

DEFAULT_LANGUAGES_PATH = Path(__file__).with_name("languages.yaml")

LANGUAGE_NAMES = {
    "am": "Amharic",
    "ar": "Arabic",
    "az": "Azerbaijani",
    "bn": "Bengali",
    "ca": "Catalan",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "gu": "Gujarati",
    "ha": "Hausa",
    "he": "Hebrew",
    "hi": "Hindi",
    "hu": "Hungarian",
    "id": "Indonesian",
    "ig": "Igbo",
    "it": "Italian",
    "ja": "Japanese",
    "jv": "Javanese",
    "kk": "Kazakh",
    "km": "Khmer",
    "kn": "Kannada",
    "ko": "Korean",
    "ml": "Malayalam",
    "mr": "Marathi",
    "my": "Burmese",
    "ne": "Nepali",
    "nl": "Dutch",
    "or": "Odia",
    "pa": "Punjabi",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "si": "Sinhala",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "th": "Thai",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "uz": "Uzbek",
    "vi": "Vietnamese",
    "yo": "Yoruba",
    "zh": "Chinese",
    "zu": "Zulu",
}

# Replies that decline instead of doing the task; such samples teach refusals, not instruction following.
_REFUSAL = re.compile(
    r"\b(as an ai\b|as a language model|i'?m sorry|i am sorry|i cannot\b|i can'?t\b|i can not\b|"
    r"i am unable|i'?m unable|i apologi[sz]e)",
    re.IGNORECASE,
)
_NO_INPUT = {"", "none", "n/a", "na", "<noinput>", "no input", "null", "-", "empty"}
_FIELD_LINE = re.compile(
    r"^\s*(?:\d+\s*[.)]\s*|[-*]\s*)?\**\s*(role|user role|persona|instruction|task|input|context)\s*\**\s*[:：]\s*(.*)$",
    re.IGNORECASE,
)
_FIELD_ALIASES = {"user role": "role", "persona": "role", "task": "instruction", "context": "input"}


# --------------------------------------------------------------------------------------------------- summary


@dataclass
class DatagenSummary:
    """What one run did: records written per language, failures by reason, tokens used."""

    output_path: str
    inputs: int = 0
    skipped_done: int = 0
    written: int = 0
    failed: int = 0
    failures_by_reason: dict[str, int] = field(default_factory=dict)
    records_by_language: dict[str, int] = field(default_factory=dict)
    total_records: int = 0
    candidates_by_outcome: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    retries: int = 0
    retries_by_reason: dict[str, int] = field(default_factory=dict)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    elapsed_s: float = 0.0

    def add_client_stats(self, stats: ClientStats) -> None:
        """Add a client's request, retry and token counts."""
        self.requests += stats.requests
        self.retries += stats.retries
        for reason, count in stats.retries_by_reason.items():
            self.retries_by_reason[reason] = self.retries_by_reason.get(reason, 0) + count
        self.prompt_tokens += stats.prompt_tokens
        self.completion_tokens += stats.completion_tokens

    def to_dict(self) -> dict[str, Any]:
        """Return the summary as plain JSON-serialisable data."""
        return asdict(self)

    def to_text(self) -> str:
        """Render the summary for people."""
        rate = self.requests / self.elapsed_s if self.elapsed_s > 0 else 0.0
        lines = [
            f"output: {self.output_path} ({self.total_records} records)",
            f"inputs: {self.inputs}  already done: {self.skipped_done}  written: {self.written}  failed: {self.failed}",
            f"requests: {self.requests} ({self.retries} retries) in {self.elapsed_s:.1f} s = {rate:.2f} req/s",
            f"tokens: prompt {self.prompt_tokens}  completion {self.completion_tokens}  "
            f"total {self.prompt_tokens + self.completion_tokens}",
        ]
        if self.records_by_language:
            by_lang = sorted(self.records_by_language.items(), key=lambda kv: (-kv[1], kv[0]))
            lines.append("written per language: " + ", ".join(f"{k}={v}" for k, v in by_lang))
        if self.candidates_by_outcome:
            lines.append("candidates: " + ", ".join(f"{k}={v}" for k, v in sorted(self.candidates_by_outcome.items())))
        if self.retries_by_reason:
            lines.append(
                "retries by reason: " + ", ".join(f"{k}={v}" for k, v in sorted(self.retries_by_reason.items()))
            )
        if self.failures_by_reason:
            lines.append(
                "failures by reason: " + ", ".join(f"{k}={v}" for k, v in sorted(self.failures_by_reason.items()))
            )
            lines.append(f"failed inputs are listed in {failures_path_for(self.output_path)}; re-run to retry them")
        return "\n".join(lines)


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
        import yaml

        where = str(source)
        path = Path(source)
        if not path.is_file():
            raise ConfigError(f"Language distribution file {path} does not exist.")
        try:
            source = yaml.safe_load(path.read_text(encoding="utf-8"))  # YAML also reads JSON
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path} is not valid YAML/JSON: {exc}") from exc
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


def language_name(code: str) -> str:
    """Return the English name of a language code (the code itself when unknown)."""
    return LANGUAGE_NAMES.get(code, code)


def _detect(text: str) -> str:
    from .data import detect_language

    return detect_language(text)


# --------------------------------------------------------------------------------------------------- parsing


def _strip_fences(text: str) -> str:
    return re.sub(r"```[a-zA-Z]*", "", text).strip()


def _sample_from(item: Any) -> dict[str, str] | None:
    if isinstance(item, str):
        return {"role": "", "instruction": item.strip(), "input": ""}
    if not isinstance(item, dict):
        return None
    lowered = {str(k).strip().lower(): v for k, v in item.items()}
    for alias, name in _FIELD_ALIASES.items():
        if alias in lowered and name not in lowered:
            lowered[name] = lowered[alias]
    if "instruction" not in lowered:
        return None
    sample = {}
    for name in ("role", "instruction", "input"):
        value = lowered.get(name)
        sample[name] = value.strip() if isinstance(value, str) else ("" if value is None else str(value))
    if sample["input"].lower() in _NO_INPUT:
        sample["input"] = ""
    return sample


def _json_candidates(text: str) -> list[Any]:
    for candidate in (text, text[text.find("[") : text.rfind("]") + 1], text[text.find("{") : text.rfind("}") + 1]):
        if not candidate:
            continue
        try:
            data = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and isinstance(data.get("tasks"), list):
            data = data["tasks"]
        return data if isinstance(data, list) else [data]
    # Several objects one after another (JSON Lines, or a list with a broken comma): take each flat object.
    items = []
    for match in re.finditer(r"\{[^{}]*\}", text):
        try:
            items.append(json.loads(match.group(0)))
        except json.JSONDecodeError:
            continue
    return items


def parse_samples(text: str) -> list[dict[str, str]]:
    """Parse a model's reply into ``{role, instruction, input}`` samples, tolerantly.

    Reads a JSON list/object (inside code fences or not), JSON lines, or ``Role: / Instruction: / Input:``
    labelled lines (numbered or bulleted, multi-line values continued on following lines).
    """
    text = _strip_fences(text)
    samples = [s for s in (_sample_from(item) for item in _json_candidates(text)) if s is not None]
    if samples:
        return samples
    blocks: list[dict[str, str]] = []
    current: dict[str, str] = {}
    last_field = None
    for line in text.splitlines():
        match = _FIELD_LINE.match(line)
        if match:
            name = _FIELD_ALIASES.get(match.group(1).lower(), match.group(1).lower())
            # A repeated field, or a role after an instruction, starts the next sample.
            if name in current or (name == "role" and "instruction" in current):
                blocks.append(current)
                current = {}
            current[name] = match.group(2).strip()
            last_field = name
        elif last_field is not None and line.strip():
            current[last_field] = (current[last_field] + "\n" + line.strip()).strip()
    blocks.append(current)
    return [s for s in (_sample_from(b) for b in blocks if b) if s is not None]


# --------------------------------------------------------------------------------------------------- filtering


def normalize_text(text: str) -> str:
    """Lower-case, drop punctuation and collapse whitespace (what de-duplication compares)."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


class Deduplicator:
    """Accept texts that are neither equal (after :func:`normalize_text`) nor similar to one accepted before.

    Similarity is difflib's ``SequenceMatcher.ratio`` (2 x matching characters / total characters), the cheap
    upper bounds ``real_quick_ratio``/``quick_ratio`` skipping most pairs. The check is linear per text, so
    quadratic overall: fine for the tens of thousands of instructions a self-instruct run keeps.
    """

    def __init__(self, threshold: float = 0.7):
        if not 0 < threshold <= 1:
            raise ConfigError(f"similarity threshold={threshold} must be in (0, 1].")
        self.threshold = threshold
        self._seen: set[str] = set()
        self._kept: list[str] = []

    def add(self, text: str) -> bool:
        """Return True and remember ``text`` when it is new; False when it duplicates an earlier one."""
        normal = normalize_text(text)
        if normal in self._seen:
            return False
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(normal)
        for other in self._kept:
            matcher.set_seq1(other)
            if (
                matcher.real_quick_ratio() >= self.threshold
                and matcher.quick_ratio() >= self.threshold
                and matcher.ratio() >= self.threshold
            ):
                return False
        self._seen.add(normal)
        self._kept.append(normal)
        return True


def reject_reason(sample: Mapping[str, str], *, max_chars: int) -> str | None:
    """Return why a generated sample is unusable (``empty``, ``too_long``, ``refusal``), or None to keep it."""
    instruction = sample.get("instruction", "")
    if not instruction.strip():
        return "empty"
    if len(instruction) + len(sample.get("input", "")) > max_chars:
        return "too_long"
    if _REFUSAL.search(instruction):
        return "refusal"
    return None


# --------------------------------------------------------------------------------------------------- prompts


def _user_prompt(instruction: str, extra_input: str) -> str:
    # The same joining as the dataset builder's, so the model answers exactly what training will show.
    return f"{instruction}\n\n{extra_input}" if extra_input.strip() else instruction


def answer_messages(task: Mapping[str, str], *, lang: str | None = None) -> list[dict[str, str]]:
    """Return the messages asking the model to answer one task (as its persona's assistant, in ``lang``)."""
    system = "You are a helpful, detailed and polite assistant."
    if task.get("role"):
        system += f" The user is {task['role']}; answer with their needs in mind."
    if lang:
        system += f" Answer in {language_name(lang)}."
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": _user_prompt(task["instruction"], task.get("input", ""))},
    ]


def self_instruct_messages(examples: list[Mapping[str, str]], n: int) -> list[dict[str, str]]:
    """Return the messages asking for ``n`` new tasks in the style of ``examples``."""
    shown = "\n".join(
        json.dumps(
            {"role": e.get("role", ""), "instruction": e["instruction"], "input": e.get("input", "")},
            ensure_ascii=False,
        )
        for e in examples
    )
    prompt = (
        f"Come up with {n} new, diverse tasks that a user could ask an AI assistant. Each task has a role (who the "
        "user is), an instruction, and an input (text the instruction works on; empty when not needed). Vary the "
        "topics, the kinds of task and the wording; make them different from the examples and from each other, "
        "and answerable in text alone.\n\n"
        f"Examples:\n{shown}\n\n"
        f'Reply with a JSON list of {n} objects with the keys "role", "instruction" and "input", and nothing else.'
    )
    return [{"role": "user", "content": prompt}]


def role_instruction_messages(role: str) -> list[dict[str, str]]:
    """Return the messages asking for one request that a user with ``role`` would make."""
    prompt = (
        f"Write one realistic request that {role} might ask an AI assistant, with an input (text the request works "
        'on) if it needs one. Reply with a JSON object with the keys "instruction" and "input", and nothing else.'
    )
    return [{"role": "user", "content": prompt}]


def translate_messages(task: Mapping[str, str], *, source_lang: str, target_lang: str) -> list[dict[str, str]]:
    """Return the messages asking to translate a task's instruction and input from one language to another."""
    prompt = (
        f"Translate the instruction and the input below from {language_name(source_lang)} into "
        f"{language_name(target_lang)}. Translate faithfully; keep code, numbers, names and formatting as they "
        "are, and do not carry out the instruction. Leave an empty input empty. Reply with a JSON object with the "
        'keys "instruction" and "input", and nothing else.\n\n'
        + json.dumps({"instruction": task["instruction"], "input": task.get("input", "")}, ensure_ascii=False)
    )
    return [{"role": "system", "content": "You are a professional translator."}, {"role": "user", "content": prompt}]


# --------------------------------------------------------------------------------------------------- engine


@dataclass
class _Job:
    key: str
    run: Callable[[AsyncChatClient], Awaitable[dict[str, Any]]]


async def _run_jobs(
    jobs: list[_Job], endpoint: EndpointConfig, store: ResultStore, summary: DatagenSummary, *, desc: str
) -> None:
    """Run ``jobs`` with ``endpoint.concurrency`` workers; write each record or failure as soon as it is known."""
    from ._logging import progress

    pending = iter(jobs)
    bar = progress(total=len(jobs), desc=desc)
    async with AsyncChatClient(endpoint) as client:

        async def worker() -> None:
            for job in pending:  # one shared iterator: each job is taken by exactly one worker
                try:
                    record = await job.run(client)
                except RequestFailed as exc:
                    store.write_failure(job.key, exc.reason, exc.detail, attempts=exc.attempts)
                    summary.failed += 1
                    summary.failures_by_reason[exc.reason] = summary.failures_by_reason.get(exc.reason, 0) + 1
                else:
                    if store.write({KEY_FIELD: job.key, **record}):
                        summary.written += 1
                        lang = str(record.get("lang") or "und")
                        summary.records_by_language[lang] = summary.records_by_language.get(lang, 0) + 1
                bar.update(1)

        try:
            await asyncio.gather(*(worker() for _ in range(endpoint.concurrency)))
        finally:
            bar.close()
            summary.add_client_stats(client.stats)


def _execute(
    jobs: list[_Job], *, endpoint: EndpointConfig, store: ResultStore, summary: DatagenSummary, desc: str
) -> None:
    """Run the jobs whose keys are not done yet (each key once), updating ``summary``."""
    unique: dict[str, _Job] = {}
    for job in jobs:
        unique.setdefault(job.key, job)
    todo = [job for key, job in unique.items() if key not in store.done]
    summary.inputs += len(unique)
    summary.skipped_done += len(unique) - len(todo)
    if todo:
        asyncio.run(_run_jobs(todo, endpoint, store, summary, desc=desc))


def _answer_job(key: str, task: dict[str, str], *, lang: str, filter_refusals: bool, extra: dict[str, Any]) -> _Job:
    async def run(client: AsyncChatClient) -> dict[str, Any]:
        # No "answer in X" here: the instruction's own language is the one to answer in.
        completion = await client.complete(answer_messages(task))
        return _answer_record(task, completion.text, lang=lang, filter_refusals=filter_refusals, extra=extra)

    return _Job(key, run)


def _answer_record(
    task: Mapping[str, str], output: str, *, lang: str, filter_refusals: bool, extra: Mapping[str, Any]
) -> dict[str, Any]:
    output = output.strip()
    if not output:
        raise RequestFailed("empty_output", "the model returned an empty answer")
    if filter_refusals and _REFUSAL.search(output[:200]):
        raise RequestFailed("refusal", output[:200])
    record: dict[str, Any] = {}
    if task.get("role"):
        record["role"] = task["role"]  # the user-centered layout: role + instruction + input + output
    record.update(instruction=task["instruction"], input=task.get("input", ""), output=output, lang=lang)
    record.update(extra)
    return record


def _finish(summary: DatagenSummary, store: ResultStore, started: float) -> DatagenSummary:
    summary.total_records = len(store.done)
    summary.elapsed_s = time.perf_counter() - started
    logger.info("Data generation finished:\n%s", summary.to_text())
    return summary


# --------------------------------------------------------------------------------------------------- pipelines


def user_centered(
    tasks: str | Path | list[Mapping[str, str]],
    *,
    output_path: str | Path,
    endpoint: EndpointConfig,
    instructions_per_role: int = 1,
    lang: str | None = None,
    max_chars: int = 2000,
    filter_refusals: bool = True,
) -> DatagenSummary:
    """Generate the outputs of ``(role, instruction, input)`` tasks; write instructions for role-only rows first.

    Args:
        tasks: a JSONL/JSON file (or ``.txt``, one role per line) or a list of task dicts.
        output_path: the JSONL file records are appended to (resumed when it exists).
        endpoint: where and how fast to send requests.
        instructions_per_role: requests generated per role-only row.
        lang: language of every record; detected from the instruction when None (and the row has no ``lang``).
        max_chars: generated instructions longer than this (with their input) are rejected.
        filter_refusals: treat answers that decline the task as failures.

    Returns:
        A :class:`DatagenSummary`; records have ``key, [role,] instruction, input, output, lang``.

    Raises:
        DataError: the task file is malformed (the message names the file and line).
    """
    started = time.perf_counter()
    rows = read_task_file(tasks, allow_role_only=True) if isinstance(tasks, (str, Path)) else [dict(t) for t in tasks]
    summary = DatagenSummary(output_path=str(output_path))
    jobs = []
    for row in rows:
        row.setdefault("input", "")
        row.setdefault("role", "")
        if row.get("instruction"):
            key = stable_key("answer", row["role"], row["instruction"], row["input"])
            row_lang = lang or row.get("lang") or _detect(_user_prompt(row["instruction"], row["input"]))
            jobs.append(_answer_job(key, row, lang=row_lang, filter_refusals=filter_refusals, extra={}))
            continue
        for index in range(instructions_per_role):
            key = stable_key("user-centered", row["role"], index)
            jobs.append(
                _Job(
                    key,
                    _role_job(row, lang=lang or row.get("lang"), max_chars=max_chars, filter_refusals=filter_refusals),
                )
            )
    with ResultStore(output_path) as store:
        _execute(jobs, endpoint=endpoint, store=store, summary=summary, desc="Answering")
        return _finish(summary, store, started)


def _role_job(row: Mapping[str, str], *, lang: str | None, max_chars: int, filter_refusals: bool):
    async def run(client: AsyncChatClient) -> dict[str, Any]:
        completion = await client.complete(role_instruction_messages(row["role"]))
        samples = parse_samples(completion.text)
        if not samples and completion.text.strip():
            samples = [{"role": "", "instruction": completion.text.strip(), "input": ""}]
        if not samples:
            raise RequestFailed("unparsable", completion.text[:200])
        task = {"role": row["role"], "instruction": samples[0]["instruction"], "input": samples[0]["input"]}
        reason = reject_reason(task, max_chars=max_chars)
        if reason:
            raise RequestFailed(reason, task["instruction"][:200])
        task_lang = lang or _detect(_user_prompt(task["instruction"], task["input"]))
        answer = await client.complete(answer_messages(task))
        return _answer_record(task, answer.text, lang=task_lang, filter_refusals=filter_refusals, extra={})

    return run


def self_instruct(
    seeds: str | Path,
    *,
    output_path: str | Path,
    endpoint: EndpointConfig,
    num_instructions: int = 100,
    seeds_per_prompt: int = 3,
    samples_per_prompt: int = 5,
    similarity_threshold: float = 0.7,
    max_chars: int = 2000,
    max_rounds: int = 10,
    seed: int = 42,
    lang: str | None = None,
    filter_refusals: bool = True,
) -> DatagenSummary:
    """Grow ``num_instructions`` new tasks from a seed file, then generate their outputs.

    Phase 1 asks for ``samples_per_prompt`` tasks per request, each request showing ``seeds_per_prompt`` seeds
    drawn with a seeded RNG; replies are kept in ``OUTPUT.candidates.jsonl`` (resumable like the output). Candidates
    are filtered (empty, too long, refusal) and de-duplicated against the seeds and each other (normalised text,
    then a difflib similarity >= ``similarity_threshold``); more requests are made, up to ``max_rounds``, until
    enough are kept. Phase 2 answers the first ``num_instructions`` kept tasks into ``output_path``.

    Raises:
        DataError: the seed file is malformed (the message names the file and line).
    """
    started = time.perf_counter()
    seed_rows = read_task_file(seeds)
    if num_instructions < 1 or seeds_per_prompt < 1 or samples_per_prompt < 1:
        raise ConfigError("num_instructions, seeds_per_prompt and samples_per_prompt must all be >= 1.")
    output_path = Path(output_path)
    candidates_path = output_path.with_name(output_path.stem + ".candidates.jsonl")
    summary = DatagenSummary(output_path=str(output_path))
    phase1 = DatagenSummary(output_path=str(candidates_path))
    planned = math.ceil(num_instructions / samples_per_prompt)
    with ResultStore(candidates_path, keep_records=True) as store:
        kept, outcomes = _keep_candidates(store, seed_rows, similarity_threshold, max_chars)
        for round_index in range(max_rounds):
            if len(kept) >= num_instructions:
                break
            jobs = [
                _Job(
                    stable_key("self-instruct", seed, j),
                    _candidates_job(seed_rows, j, seed=seed, seeds_per_prompt=seeds_per_prompt, n=samples_per_prompt),
                )
                for j in range(planned)
            ]
            _execute(
                jobs, endpoint=endpoint, store=store, summary=phase1, desc=f"Self-instruct round {round_index + 1}"
            )
            kept, outcomes = _keep_candidates(store, seed_rows, similarity_threshold, max_chars)
            # Ask for what is still missing, with the yield seen so far (at least one request more).
            per_request = max(len(kept) / max(1, planned), 0.5)
            planned += max(1, math.ceil((num_instructions - len(kept)) / per_request))
    if len(kept) < num_instructions:
        logger.warning(
            "Kept %d of the %d instructions asked for after %d rounds.", len(kept), num_instructions, max_rounds
        )
    summary.candidates_by_outcome = dict(outcomes)
    summary.add_client_stats(_stats_of(phase1))
    for reason, count in phase1.failures_by_reason.items():
        summary.failures_by_reason[f"generate_{reason}"] = count
    summary.failed += phase1.failed
    jobs = []
    for task in kept[:num_instructions]:
        key = stable_key("answer", task["role"], task["instruction"], task["input"])
        task_lang = lang or _detect(_user_prompt(task["instruction"], task["input"]))
        jobs.append(
            _answer_job(key, task, lang=task_lang, filter_refusals=filter_refusals, extra={"source": "self-instruct"})
        )
    with ResultStore(output_path) as store:
        _execute(jobs, endpoint=endpoint, store=store, summary=summary, desc="Answering")
        return _finish(summary, store, started)


def _stats_of(summary: DatagenSummary) -> ClientStats:
    return ClientStats(
        summary.requests,
        summary.retries,
        dict(summary.retries_by_reason),
        summary.prompt_tokens,
        summary.completion_tokens,
    )


def _candidates_job(seed_rows: list[dict[str, str]], index: int, *, seed: int, seeds_per_prompt: int, n: int):
    # The examples of request ``index`` depend only on (seed, index), so a resumed run asks the same questions.
    rng = random.Random(f"{seed}:{index}")
    examples = rng.sample(seed_rows, min(seeds_per_prompt, len(seed_rows)))

    async def run(client: AsyncChatClient) -> dict[str, Any]:
        completion = await client.complete(self_instruct_messages(examples, n))
        samples = parse_samples(completion.text)
        if not samples:
            raise RequestFailed("unparsable", completion.text[:200])
        return {"request": index, "samples": samples}

    return run


def _keep_candidates(
    store: ResultStore, seed_rows: list[dict[str, str]], threshold: float, max_chars: int
) -> tuple[list[dict[str, str]], Counter]:
    """Filter and de-duplicate every candidate in the store, in request order; return (kept, outcome counts)."""
    dedup = Deduplicator(threshold)
    for row in seed_rows:
        dedup.add(_user_prompt(row["instruction"], row.get("input", "")))
    records = sorted(store.records, key=lambda r: r["request"])
    kept: list[dict[str, str]] = []
    outcomes: Counter = Counter()
    for record in records:
        for sample in record["samples"]:
            reason = reject_reason(sample, max_chars=max_chars)
            if reason is None and not dedup.add(_user_prompt(sample["instruction"], sample["input"])):
                reason = "duplicate"
            outcomes[reason or "kept"] += 1
            if reason is None:
                kept.append(
                    {
                        "role": sample.get("role", ""),
                        "instruction": sample["instruction"],
                        "input": sample.get("input", ""),
                    }
                )
    return kept, outcomes


def post_translate(
    tasks: str | Path | list[Mapping[str, str]],
    *,
    output_path: str | Path,
    endpoint: EndpointConfig,
    languages: str | Path | Mapping[str, float] | None = None,
    languages_per_task: int = 1,
    source_lang: str | None = None,
    seed: int = 42,
    filter_refusals: bool = True,
) -> DatagenSummary:
    """Translate each task's (instruction, input) into sampled languages, then generate the output there.

    Args:
        tasks: a JSONL/JSON file of ``{role?, instruction, input?, lang?}`` rows (Alpaca / user-centered), or a list.
        output_path: the JSONL file records are appended to (resumed when it exists).
        endpoint: where and how fast to send requests.
        languages: language -> weight (file or mapping); the shipped ``languages.yaml`` when None.
        languages_per_task: distinct target languages per task (never the task's own language).
        source_lang: language of every task; else the row's ``lang``, else detected.
        seed: seeds the language draw; each task's draw depends only on (seed, task), so re-runs agree.
        filter_refusals: treat answers that decline the task as failures.

    Returns:
        A :class:`DatagenSummary`; records have ``key, [role,] instruction, input, output, lang, source_lang,
        source_instruction, source_input``.
    """
    started = time.perf_counter()
    rows = read_task_file(tasks) if isinstance(tasks, (str, Path)) else [dict(t) for t in tasks]
    distribution = load_language_distribution(languages)
    summary = DatagenSummary(output_path=str(output_path))
    jobs = []
    for row in rows:
        row.setdefault("input", "")
        row.setdefault("role", "")
        from_lang = source_lang or row.get("lang") or _detect(_user_prompt(row["instruction"], row["input"]))
        content_key = stable_key(row["role"], row["instruction"], row["input"])
        rng = random.Random(f"{seed}:{content_key}")
        for to_lang in sample_languages(distribution, k=languages_per_task, rng=rng, exclude=[from_lang]):
            key = stable_key("translate", row["role"], row["instruction"], row["input"], to_lang)
            jobs.append(_Job(key, _translate_job(row, from_lang, to_lang, filter_refusals=filter_refusals)))
    with ResultStore(output_path) as store:
        _execute(jobs, endpoint=endpoint, store=store, summary=summary, desc="Translating")
        return _finish(summary, store, started)


def _translate_job(row: Mapping[str, str], from_lang: str, to_lang: str, *, filter_refusals: bool):
    async def run(client: AsyncChatClient) -> dict[str, Any]:
        completion = await client.complete(translate_messages(row, source_lang=from_lang, target_lang=to_lang))
        samples = parse_samples(completion.text)
        if samples:
            translated = {"role": row["role"], "instruction": samples[0]["instruction"], "input": samples[0]["input"]}
        elif not row["input"] and completion.text.strip():
            # A bare translated sentence is an acceptable reply when there is no input to keep apart.
            translated = {"role": row["role"], "instruction": completion.text.strip(), "input": ""}
        else:
            raise RequestFailed("unparsable_translation", completion.text[:200])
        if not translated["instruction"].strip():
            raise RequestFailed("empty_translation", completion.text[:200])
        if row["input"] and not translated["input"]:
            raise RequestFailed("lost_input", completion.text[:200])
        answer = await client.complete(answer_messages(translated, lang=to_lang))
        extra = {"source_lang": from_lang, "source_instruction": row["instruction"], "source_input": row["input"]}
        return _answer_record(translated, answer.text, lang=to_lang, filter_refusals=filter_refusals, extra=extra)

    return run

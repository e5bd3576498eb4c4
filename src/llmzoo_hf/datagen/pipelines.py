"""The three pipelines (self-instruct, user-centered, post-translation) and the engine that runs their requests."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import math
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..client import AsyncChatClient, ClientStats, EndpointConfig
from ..errors import ConfigError, EndpointError
from ._store import KEY_FIELD, ResultStore, failures_path_for, stable_key
from .filters import REFUSAL, Deduplicator, parse_samples, reject_reason
from .prompts import (
    answer_messages,
    role_instruction_messages,
    self_instruct_messages,
    translate_messages,
    user_prompt,
)
from .tasks import detect_lang, load_language_distribution, read_task_file, sample_languages

logger = logging.getLogger(__name__)

# What each request asks for unless the EndpointConfig sets it: sampled (diverse) replies of bounded length.
DATAGEN_REQUEST_DEFAULTS = {"temperature": 0.7, "top_p": 1.0, "max_tokens": 512}


class RejectedReply(Exception):
    """A reply arrived but cannot be used (empty, a refusal, unparsable); recorded as a failure with ``reason``."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.attempts = 1


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


# --------------------------------------------------------------------------------------------------- engine


@dataclass
class _Job:
    key: str
    run: Callable[[AsyncChatClient], Awaitable[dict[str, Any]]]


async def _run_jobs(
    jobs: list[_Job], endpoint: EndpointConfig, store: ResultStore, summary: DatagenSummary, *, desc: str
) -> None:
    """Run ``jobs`` with ``endpoint.concurrency`` workers; write each record or failure as soon as it is known."""
    from .._logging import progress

    pending = iter(jobs)
    bar = progress(total=len(jobs), desc=desc)
    defaults = {k: v for k, v in DATAGEN_REQUEST_DEFAULTS.items() if getattr(endpoint, k) is None}
    async with AsyncChatClient(dataclasses.replace(endpoint, **defaults)) as client:

        async def worker() -> None:
            for job in pending:  # one shared iterator: each job is taken by exactly one worker
                try:
                    record = await job.run(client)
                except (EndpointError, RejectedReply) as exc:
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
        raise RejectedReply("empty_output", "the model returned an empty answer")
    if filter_refusals and REFUSAL.search(output[:200]):
        raise RejectedReply("refusal", output[:200])
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
            row_lang = lang or row.get("lang") or detect_lang(user_prompt(row["instruction"], row["input"]))
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
            raise RejectedReply("unparsable", completion.text[:200])
        task = {"role": row["role"], "instruction": samples[0]["instruction"], "input": samples[0]["input"]}
        reason = reject_reason(task, max_chars=max_chars)
        if reason:
            raise RejectedReply(reason, task["instruction"][:200])
        task_lang = lang or detect_lang(user_prompt(task["instruction"], task["input"]))
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
        task_lang = lang or detect_lang(user_prompt(task["instruction"], task["input"]))
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
            raise RejectedReply("unparsable", completion.text[:200])
        return {"request": index, "samples": samples}

    return run


def _keep_candidates(
    store: ResultStore, seed_rows: list[dict[str, str]], threshold: float, max_chars: int
) -> tuple[list[dict[str, str]], Counter]:
    """Filter and de-duplicate every candidate in the store, in request order; return (kept, outcome counts)."""
    dedup = Deduplicator(threshold)
    for row in seed_rows:
        dedup.add(user_prompt(row["instruction"], row.get("input", "")))
    records = sorted(store.records, key=lambda r: r["request"])
    kept: list[dict[str, str]] = []
    outcomes: Counter = Counter()
    for record in records:
        for sample in record["samples"]:
            reason = reject_reason(sample, max_chars=max_chars)
            if reason is None and not dedup.add(user_prompt(sample["instruction"], sample["input"])):
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
        from_lang = source_lang or row.get("lang") or detect_lang(user_prompt(row["instruction"], row["input"]))
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
            raise RejectedReply("unparsable_translation", completion.text[:200])
        if not translated["instruction"].strip():
            raise RejectedReply("empty_translation", completion.text[:200])
        if row["input"] and not translated["input"]:
            raise RejectedReply("lost_input", completion.text[:200])
        answer = await client.complete(answer_messages(translated, lang=to_lang))
        extra = {"source_lang": from_lang, "source_instruction": row["instruction"], "source_input": row["input"]}
        return _answer_record(translated, answer.text, lang=to_lang, filter_refusals=filter_refusals, extra=extra)

    return run

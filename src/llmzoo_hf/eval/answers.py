"""Generate answers to evaluation questions with a local model (batched) or an OpenAI-compatible endpoint.

Runs are resumable: answers already in the output file are skipped, and each new answer is appended and flushed
as soon as it exists, so a killed run loses at most the batch in flight and never duplicates a record.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._logging import progress
from ..errors import DataError
from ._io import JsonlAppender, iter_jsonl
from .questions import Question

if TYPE_CHECKING:
    from ..chat import ChatSession
    from ..client import EndpointConfig

logger = logging.getLogger(__name__)


@dataclass
class AnswerRunResult:
    """What an answer run did: ``written`` new answers, ``skipped`` ones already in ``path``, ``failed`` requests
    (not written; a rerun retries them) by reason."""

    path: Path
    model_id: str
    written: int
    skipped: int
    failed: int = 0
    failures_by_reason: dict[str, int] = field(default_factory=dict)


def make_answer_id(model_id: str, question_id: int) -> str:
    """Return a stable 22-character answer id (the length of LLM Zoo's shortuuids) for a model and question."""
    return hashlib.sha256(f"{model_id}\x00{question_id}".encode()).hexdigest()[:22]


def answer_record(question: Question, text: str, *, model_id: str, metadata: dict[str, Any]) -> dict[str, Any]:
    """Return an answer in LLM Zoo's layout."""
    return {
        "answer_id": make_answer_id(model_id, question.question_id),
        "question_id": question.question_id,
        "model_id": model_id,
        "text": text,
        "category": question.category,
        "lang": question.lang,
        "metadata": metadata,
    }


def existing_question_ids(path: str | Path, *, model_id: str) -> set[int]:
    """Return the question ids already answered in ``path`` (empty if it does not exist).

    Raises:
        DataError: the file holds answers of another model (resuming into it would mix two models).
    """
    path = Path(path)
    if not path.exists():
        return set()
    done: set[int] = set()
    for line_no, record in iter_jsonl(path):
        if record.get("model_id") != model_id:
            raise DataError(
                f"{path}:{line_no}: holds answers of model_id={record.get('model_id')!r}, not {model_id!r}; "
                "write to another file or pass the same --model-id to resume."
            )
        done.add(record["question_id"])
    return done


def _messages(question: Question, system_prompt: str | None) -> list[dict[str, str]]:
    messages = [{"role": "system", "content": system_prompt}] if system_prompt else []
    return messages + [{"role": "user", "content": question.text}]


def answer_with_session(
    session: ChatSession,
    questions: list[Question],
    output_path: str | Path,
    *,
    model_id: str,
    batch_size: int = 8,
    system_prompt: str | None = None,
    extra_metadata: dict[str, Any] | None = None,
) -> AnswerRunResult:
    """Answer ``questions`` with a local model, one left-padded batch at a time, appending to ``output_path``.

    Questions are batched by prompt length (longest first) so that little compute goes to padding.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size={batch_size} must be >= 1.")
    done = existing_question_ids(output_path, model_id=model_id)
    pending = [q for q in questions if q.question_id not in done]
    tokenizer = session.tokenizer
    lengths = {q.question_id: len(tokenizer(q.text, add_special_tokens=False)["input_ids"]) for q in pending}
    pending.sort(key=lambda q: -lengths[q.question_id])
    metadata = {"backend": "local", **asdict(session.generation), "batch_size": batch_size}
    if system_prompt:
        metadata["system_prompt"] = system_prompt
    metadata.update(extra_metadata or {})
    with JsonlAppender(output_path) as out, progress(desc="answers", total=len(pending)) as bar:
        for start in range(0, len(pending), batch_size):
            batch = pending[start : start + batch_size]
            replies = session.generate_batch([_messages(q, system_prompt) for q in batch])
            for question, reply in zip(batch, replies, strict=True):
                out.write(answer_record(question, reply, model_id=model_id, metadata=metadata))
            bar.update(len(batch))
    return AnswerRunResult(Path(output_path), model_id, len(pending), len(done))


def answer_with_endpoint(
    config: EndpointConfig,
    questions: list[Question],
    output_path: str | Path,
    *,
    model_id: str,
    system_prompt: str | None = None,
    extra_metadata: dict[str, Any] | None = None,
) -> AnswerRunResult:
    """Answer ``questions`` with concurrent requests to an OpenAI-compatible endpoint, appending to ``output_path``.

    A question whose request fails for good is logged with the reason and left out (counted in ``failed``), so a
    rerun asks it again.
    """
    done = existing_question_ids(output_path, model_id=model_id)
    pending = [q for q in questions if q.question_id not in done]
    result = AnswerRunResult(Path(output_path), model_id, written=0, skipped=len(done))
    asyncio.run(_answer_async(config, pending, result, system_prompt, extra_metadata or {}))
    return result


async def _answer_async(config, pending, result: AnswerRunResult, system_prompt, extra_metadata) -> None:
    from ..client import AsyncChatClient
    from ..errors import EndpointError

    async with AsyncChatClient(config) as client:
        metadata = {
            "backend": "endpoint",
            "endpoint": config.base_url,
            "endpoint_model": client.model,
            "temperature": config.temperature,
            "top_p": config.top_p,
            "max_new_tokens": config.max_tokens,
            "seed": config.seed,
        }
        if system_prompt:
            metadata["system_prompt"] = system_prompt
        metadata.update(extra_metadata)
        with JsonlAppender(result.path) as out, progress(desc="answers", total=len(pending)) as bar:

            async def one(question: Question) -> None:
                try:
                    completion = await client.complete(_messages(question, system_prompt))
                except EndpointError as exc:
                    logger.error("question %s: %s", question.question_id, exc)
                    result.failed += 1
                    result.failures_by_reason[exc.reason] = result.failures_by_reason.get(exc.reason, 0) + 1
                    return
                finally:
                    bar.update(1)
                out.write(answer_record(question, completion.text, model_id=result.model_id, metadata=metadata))
                result.written += 1

            await asyncio.gather(*(one(q) for q in pending))


def load_answers(path: str | Path) -> dict[int, dict[str, Any]]:
    """Return the answers of one file by question id (the last one wins if a question appears twice).

    Raises:
        DataError: a record lacks ``question_id``, ``text`` or ``model_id``.
    """
    answers: dict[int, dict[str, Any]] = {}
    for line_no, record in iter_jsonl(path):
        missing = [k for k in ("question_id", "text", "model_id") if k not in record]
        if missing:
            raise DataError(f"{path}:{line_no}: answer record lacks {missing}.")
        answers[record["question_id"]] = record
    return answers

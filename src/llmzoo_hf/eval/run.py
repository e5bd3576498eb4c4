"""``llmzoo eval run RECIPE``: answers → judge reviews → metrics → MCQ → report (→ push), all in one results folder.

Every step is resumable. Answers and reviews already in the folder are kept (the step functions append only what
is missing), MCQ results of a contestant are kept once written, and metrics, charts and the report are cheap and
rebuilt each time; so a rerun of a finished run makes no answer and no judge call, and a killed run loses at most
the requests in flight. A judge served by the run itself (``judge.serve_model``) is started only when reviews are
missing, on a free 127.0.0.1 port, and stopped at the end.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import platform
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .._paths import looks_like_path as looks_local
from .._sft_recipe import resolve_local_path
from ..errors import ConfigError, DataError
from ._io import iter_jsonl, write_json_atomic, write_jsonl_atomic
from .questions import Question, bundled_questions_path, load_questions, scored_questions
from .recipe import EMBEDDED, ContestantConfig, EvalRecipe

if TYPE_CHECKING:
    from ..chat import ChatSession

logger = logging.getLogger(__name__)

# A rough token count for the plan: about 4 characters per token in Latin scripts, about one per CJK character.
_CHARS_PER_TOKEN = 4


@dataclass
class QuestionSet:
    """A resolved question set: its folder name, source file and questions (after ``limit``)."""

    name: str
    path: Path
    questions: list[Question]

    @property
    def judged(self) -> list[Question]:
        """The questions sent to the judge: coding and math count in no judge metric, so they are not judged."""
        return scored_questions(self.questions)


@dataclass
class RunPlan:
    """What a run will do; printed before the first judge call (``--dry-run`` stops after it)."""

    output_dir: Path
    contestants: list[str]
    sets: list[QuestionSet]
    dimensions: list[str]
    judge: str
    repeats: int
    judge_calls: int
    judge_calls_done: int
    prompt_tokens: int
    answers_missing: dict[str, int]
    mcq_contestants: list[str]

    def describe(self) -> str:
        """Return the plan as a few lines for the command line."""
        lines = [
            f"Results folder: {self.output_dir}",
            f"Contestants: {', '.join(self.contestants)} (reference: {self.contestants[0]})",
        ]
        if self.sets:
            sets = ", ".join(f"{s.name} ({len(s.questions)} questions, {len(s.judged)} judged)" for s in self.sets)
            lines += [
                f"Question sets: {sets}",
                f"Dimensions: {', '.join(self.dimensions)}; judge: {self.judge}; repeats: {self.repeats}",
                "Answers to generate: "
                + (", ".join(f"{k}: {v}" for k, v in self.answers_missing.items() if v) or "none (all there)"),
                f"Judge calls: {self.judge_calls - self.judge_calls_done} to make "
                f"({self.judge_calls_done} of {self.judge_calls} already done), about {self.prompt_tokens:,} prompt "
                "tokens (rough: answers not written yet are counted at max_new_tokens)",
            ]
        if self.mcq_contestants:
            lines.append(f"Medical MCQ for: {', '.join(self.mcq_contestants)}")
        return "\n".join(lines)


@dataclass
class RunResult:
    """What a run did: new answers, judge calls (made / failed), timings, and where the report is."""

    output_dir: Path
    answers_written: int = 0
    judge_calls: int = 0
    judge_failed: int = 0
    judge_server_started: bool = False
    mcq_scored: list[str] = field(default_factory=list)
    timings_s: dict[str, float] = field(default_factory=dict)
    report_path: Path | None = None
    pushed_url: str | None = None

    def describe(self) -> str:
        """Return a one-paragraph summary for the command line."""
        text = (
            f"{self.answers_written} new answers, {self.judge_calls} judge calls ({self.judge_failed} failed; rerun "
            f"to retry them), MCQ scored for {self.mcq_scored or 'nobody new'}. Report: {self.report_path}"
        )
        return text + (f"\nPushed: {self.pushed_url}" if self.pushed_url else "")


# --------------------------------------------------------------------------------------------------- resolving


def _local(path: str, recipe_path: Path | None, what: str) -> Path:
    found = resolve_local_path(path, recipe_path or Path.cwd() / "recipe.yaml")
    if found is None:
        raise ConfigError(f"{recipe_path or 'recipe'}: {what}: {path} does not exist.")
    return found


def resolve_question_sets(recipe: EvalRecipe, recipe_path: Path | None = None) -> list[QuestionSet]:
    """Load the recipe's question sets (bundled names or files), each cut to its ``limit`` / the recipe's.

    Raises:
        ConfigError: a file is missing, or two sets get the same folder name.
    """
    sets: list[QuestionSet] = []
    for index, spec in enumerate(recipe.question_sets):
        if looks_local(spec.path) or Path(spec.path).suffix:
            path = _local(spec.path, recipe_path, f"question_sets[{index}].path")
        else:
            path = bundled_questions_path(spec.path)
        questions = load_questions(path, lang=spec.lang)
        limit = spec.limit if spec.limit is not None else recipe.limit
        questions = questions[:limit] if limit is not None else questions
        name = spec.name or questions[0].lang
        if name in [s.name for s in sets]:
            raise ConfigError(f"question_sets[{index}]: a second set named {name!r}; give each set its own `name`.")
        sets.append(QuestionSet(name, path, questions))
    return sets


def _model_location(model: str, recipe_path: Path | None, what: str, override: str) -> str:
    """Return a model found on disk as its absolute path; leave a zoo name or Hub id (``owner/name``) as it is."""
    if model == EMBEDDED:
        return model
    found = resolve_local_path(model, recipe_path or Path.cwd() / "recipe.yaml")
    if found is not None:
        return str(found)
    if looks_local(model):
        raise ConfigError(
            f"{recipe_path or 'recipe'}: {what}: model folder {model} does not exist; train it first or override "
            f"it with --{override}=PATH."
        )
    return model


def resolve_paths(recipe: EvalRecipe, recipe_path: Path | None = None) -> None:
    """Point every local file and folder of the recipe (models, answers, votes, MCQ data) at its absolute path.

    Paths are looked up relative to the working directory, the recipe's folder and its parent, before anything
    loads, so that a typo fails at once and not after the first model has answered.

    Raises:
        ConfigError: a path that can only be local (``./x``, ``/x``, ``a/b/c``, ``x.jsonl``) does not exist.
    """
    for contestant in recipe.contestants:
        if contestant.kind == "model":
            contestant.model = _model_location(
                contestant.model,
                recipe_path,
                f"contestant {contestant.name!r}",
                f"contestants.{contestant.name}.model",
            )
        elif contestant.kind == "answers":
            files = contestant.answers if isinstance(contestant.answers, dict) else {"": contestant.answers}
            resolved = {
                k: str(_local(v, recipe_path, f"contestant {contestant.name!r} answers")) for k, v in files.items()
            }
            contestant.answers = resolved if isinstance(contestant.answers, dict) else resolved[""]
    if recipe.judge is not None and recipe.judge.serve_model:
        recipe.judge.serve_model = _model_location(
            recipe.judge.serve_model, recipe_path, "judge.serve_model", "judge.serve_model"
        )
    if recipe.mcq is not None and recipe.mcq.data is not None:
        if looks_local(recipe.mcq.data) or Path(recipe.mcq.data).suffix:
            recipe.mcq.data = str(_local(recipe.mcq.data, recipe_path, "mcq.data"))
    recipe.human_votes = [str(_local(p, recipe_path, "human_votes")) for p in recipe.human_votes]


def answers_path(output_dir: Path, set_name: str, contestant: str) -> Path:
    """Return ``answers/<set>/<contestant>.jsonl``."""
    return output_dir / "answers" / set_name / f"{contestant}.jsonl"


def review_dir(output_dir: Path, set_name: str, dimension: str) -> Path:
    """Return ``reviews/<set>/<dimension>/`` (review.jsonl, metric.json, ordering.txt: LLM Zoo's layout)."""
    return output_dir / "reviews" / set_name / dimension


def _answered(path: Path) -> dict[int, str]:
    if not path.is_file():
        return {}
    return {record["question_id"]: record.get("text", "") for _, record in iter_jsonl(path)}


def _reviewed(path: Path) -> set[tuple[int, int]]:
    from .judge import review_key

    return {review_key(record) for _, record in iter_jsonl(path)} if path.is_file() else set()


def _estimate_tokens(text: str) -> int:
    wide = sum(1 for ch in text if ord(ch) > 0x2E80)
    return wide + (len(text) - wide) // _CHARS_PER_TOKEN


def plan_run(recipe: EvalRecipe, sets: list[QuestionSet]) -> RunPlan:
    """Count what is still to do in the results folder: answers, judge calls and their rough prompt tokens."""
    from .judge import build_judge_messages

    output_dir = Path(recipe.output_dir)
    missing: dict[str, int] = {}
    calls = done = tokens = 0
    placeholder = "x" * (recipe.answering.max_new_tokens * _CHARS_PER_TOKEN)
    for contestant in recipe.contestants:
        missing[contestant.name] = sum(
            len(
                {q.question_id for q in s.questions}
                - set(_answered(answers_path(output_dir, s.name, contestant.name)))
            )
            for s in sets
        )
    for qset in sets:
        answers = [_answered(answers_path(output_dir, qset.name, c.name)) for c in recipe.contestants]
        for dimension in recipe.dimensions:
            reviewed = _reviewed(review_dir(output_dir, qset.name, dimension) / "review.jsonl")
            for question in qset.judged:
                texts = [a.get(question.question_id, placeholder) for a in answers]
                messages = build_judge_messages(question.text, texts, dimension=dimension, mode=recipe.judge.mode)
                per_call = sum(_estimate_tokens(m["content"]) for m in messages)
                for repeat in range(recipe.judge.repeats):
                    calls += 1
                    if (question.question_id, repeat) in reviewed:
                        done += 1
                    else:
                        tokens += per_call
    judge = recipe.judge
    judge_text = ""
    if judge is not None:
        where = f"llmzoo serve of {judge.serve_model} (started for the run)" if judge.serve_model else judge.base_url
        judge_text = f"{judge.model} at {where}"
    return RunPlan(
        output_dir,
        [c.name for c in recipe.contestants],
        sets,
        list(recipe.dimensions),
        judge_text,
        judge.repeats if judge else 0,
        calls,
        done,
        tokens,
        missing,
        [c.name for c in recipe.contestants if c.kind == "model"] if recipe.mcq else [],
    )


# --------------------------------------------------------------------------------------------------- answers


def _copy_answers(contestant: ContestantConfig, qset: QuestionSet, out: Path) -> int:
    """Copy a contestant's existing answers for ``qset`` into the run (model_id set to its name); return the count."""
    from .answers import load_answers

    spec = contestant.answers
    if isinstance(spec, dict):
        if qset.name not in spec:
            raise ConfigError(
                f"contestant {contestant.name!r}: answers has no file for question set {qset.name!r} "
                f"(it names {sorted(spec)})."
            )
        source = spec[qset.name]
    else:
        source = spec
    path = Path(source)
    answers = load_answers(path)
    missing = [q.question_id for q in qset.questions if q.question_id not in answers]
    if missing:
        raise DataError(f"{path} has no answer for question_id {missing[:10]} of set {qset.name!r}.")
    records = []
    for question in qset.questions:
        record = dict(answers[question.question_id])
        if record["model_id"] != contestant.name:
            record["metadata"] = {**(record.get("metadata") or {}), "source_model_id": record["model_id"]}
            record["model_id"] = contestant.name
        record["metadata"] = {**(record.get("metadata") or {}), "source_file": str(path)}
        records.append(record)
    write_jsonl_atomic(out, records)
    return len(records)


def _answer_with_model(
    recipe: EvalRecipe, contestant: ContestantConfig, todo: list[tuple[QuestionSet, Path]]
) -> tuple[ChatSession, int]:
    """Load a local contestant once and answer its missing questions; return the session and the answers written."""
    from ..chat import load_chat
    from .answers import answer_with_session

    gen = recipe.answering
    model = None if contestant.model == EMBEDDED else contestant.model
    session = load_chat(
        model,
        template=contestant.template,
        revision=contestant.revision,
        dtype=contestant.dtype,
        temperature=gen.temperature,
        top_p=gen.top_p,
        max_new_tokens=gen.max_new_tokens,
        repetition_penalty=gen.repetition_penalty,
        seed=gen.seed,
    )
    written = 0
    for qset, out in todo:
        result = answer_with_session(
            session,
            qset.questions,
            out,
            model_id=contestant.name,
            batch_size=gen.batch_size,
            system_prompt=contestant.system_prompt,
            extra_metadata={"model": contestant.model, "template": session.template_name},
        )
        written += result.written
    return session, written


def _answer_with_endpoint(recipe: EvalRecipe, contestant: ContestantConfig, todo) -> int:
    from ..client import EndpointConfig
    from .answers import answer_with_endpoint

    gen = recipe.answering
    config = EndpointConfig(
        base_url=contestant.endpoint,
        model=contestant.endpoint_model,
        temperature=gen.temperature,
        top_p=gen.top_p,
        max_tokens=gen.max_new_tokens,
        seed=gen.seed,
        concurrency=gen.concurrency,
    )
    written = 0
    for qset, out in todo:
        written += answer_with_endpoint(
            config, qset.questions, out, model_id=contestant.name, system_prompt=contestant.system_prompt
        ).written
    return written


def _score_mcq(recipe: EvalRecipe, session, contestant: ContestantConfig, out: Path) -> None:
    from .mcq import evaluate_mcq, read_mcq

    mcq = recipe.mcq
    if mcq.data is None:
        from .._resources import resource_path

        data: str | Path = resource_path("data") / "eval" / "mcq"
    else:
        data = mcq.data  # a local path was made absolute by resolve_paths; else a Hub dataset id
    mcq_data = read_mcq(data, langs=mcq.langs, split=mcq.split, revision=mcq.revision)
    items = mcq_data.items if mcq.limit is None else mcq_data.first_per_source(mcq.limit)
    result = evaluate_mcq(session, items, mcq.scoring(), pool=mcq_data.items)
    write_json_atomic(out, {"model": contestant.model, "data": str(data), **result.to_dict()})


def run_answers(recipe: EvalRecipe, sets: list[QuestionSet], result: RunResult) -> None:
    """Make every contestant's missing answers (and MCQ scores), loading each local model at most once."""
    import gc

    output_dir = Path(recipe.output_dir)
    for contestant in recipe.contestants:
        todo = []
        for qset in sets:
            out = answers_path(output_dir, qset.name, contestant.name)
            if {q.question_id for q in qset.questions} - set(_answered(out)):
                todo.append((qset, out))
        mcq_out = output_dir / "mcq" / f"{contestant.name}.json"
        needs_mcq = recipe.mcq is not None and contestant.kind == "model" and not mcq_out.is_file()
        if contestant.kind == "answers":
            for qset, out in todo:
                result.answers_written += _copy_answers(contestant, qset, out)
        elif contestant.kind == "endpoint" and todo:
            result.answers_written += _answer_with_endpoint(recipe, contestant, todo)
        elif contestant.kind == "model" and (todo or needs_mcq):
            session, written = _answer_with_model(recipe, contestant, todo)
            result.answers_written += written
            if needs_mcq:
                _score_mcq(recipe, session, contestant, mcq_out)
                result.mcq_scored.append(contestant.name)
            del session
            gc.collect()  # free one model's memory before the next one loads


# --------------------------------------------------------------------------------------------------- judge


@contextlib.contextmanager
def served_judge(
    model: str, *, served_name: str, log_path: Path, max_model_len: int | None = None, timeout_s: float = 600
) -> Iterator[str]:
    """Run ``llmzoo serve`` of ``model`` on a free 127.0.0.1 port until the block ends; yield its base URL.

    Raises:
        RuntimeError: the server exited or did not answer ``/health`` within ``timeout_s`` (its log is quoted).
    """
    from .._local_server import free_port, local_server

    port = free_port()
    argv = [sys.executable, "-m", "llmzoo_hf.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--served-model-name", served_name]
    if model != EMBEDDED:
        argv += ["--model", model]
    if max_model_len is not None:
        argv += ["--max-model-len", str(max_model_len)]
    with local_server(argv, port=port, log_path=log_path, timeout_s=timeout_s) as judge_server:
        logger.info("judge server %s serving %s (log: %s)", judge_server.url, model, log_path)
        yield judge_server.url


def run_reviews(recipe: EvalRecipe, sets: list[QuestionSet], result: RunResult) -> None:
    """Judge every set on every dimension; only missing (question, repeat) pairs are sent to the judge."""
    from .judge import review_answers

    output_dir = Path(recipe.output_dir)
    judge = recipe.judge
    jobs = []
    for qset in sets:
        for dimension in recipe.dimensions:
            review = review_dir(output_dir, qset.name, dimension) / "review.jsonl"
            reviewed = _reviewed(review)
            pending = sum((q.question_id, r) not in reviewed for q in qset.judged for r in range(judge.repeats))
            if pending:
                jobs.append((qset, dimension, review))
    if not jobs:
        return
    with contextlib.ExitStack() as stack:
        endpoint = judge.base_url
        if judge.serve_model:
            endpoint = stack.enter_context(
                served_judge(
                    judge.serve_model,
                    served_name=judge.model,
                    log_path=output_dir / "logs" / "judge-serve.log",
                    max_model_len=judge.serve_max_model_len,
                )
            )
            result.judge_server_started = True
        settings = judge.settings(endpoint)
        for qset, dimension, review in jobs:
            answer_files = [answers_path(output_dir, qset.name, c.name) for c in recipe.contestants]
            summary = review_answers(
                qset.judged,
                answer_files,
                review,
                judge=settings,
                dimension=dimension,
                mode=judge.mode,
                repeats=judge.repeats,
                shuffle=judge.shuffle,
                swap=judge.swap,
            )
            result.judge_calls += summary.written + summary.failed
            result.judge_failed += summary.failed
            logger.info(summary.describe())


def run_metrics(recipe: EvalRecipe, sets: list[QuestionSet]) -> None:
    """Write metric.json, metric.summary.json and ordering.txt for every set and dimension that has reviews."""
    from ._io import read_jsonl
    from .metrics import write_metric_files

    output_dir = Path(recipe.output_dir)
    for qset in sets:
        for dimension in recipe.dimensions:
            folder = review_dir(output_dir, qset.name, dimension)
            reviews = read_jsonl(folder / "review.jsonl") if (folder / "review.jsonl").is_file() else []
            if not reviews:
                logger.warning("no reviews in %s: no metric for %s/%s", folder, qset.name, dimension)
                continue
            write_metric_files(
                qset.questions,
                reviews,
                folder / "metric.json",
                ordering_path=folder / "ordering.txt",
                reference_label=recipe.reference_label,
            )


# --------------------------------------------------------------------------------------------------- run


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    from .. import __version__

    found = {"llmzoo-hf": __version__, "python": platform.python_version()}
    for package in ("torch", "transformers", "huggingface_hub", "matplotlib"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            continue
    return found


def _mcq_langs(recipe: EvalRecipe) -> list[str]:
    folder = Path(recipe.output_dir) / "mcq"
    langs: set[str] = set()
    for path in folder.glob("*.json"):
        langs |= {item["lang"] for item in json.loads(path.read_text(encoding="utf-8")).get("items", [])}
    return sorted(langs)


def _write_run_json(
    recipe: EvalRecipe, sets: list[QuestionSet], result: RunResult, recipe_path, started, *, update: bool = False
) -> None:
    """Write run.json: recipe, versions, judge settings, this invocation's counts and timings, and the history of
    earlier invocations (``update`` rewrites this invocation's entry instead of adding one)."""
    path = Path(recipe.output_dir) / "run.json"
    history = []
    if path.is_file():
        previous = json.loads(path.read_text(encoding="utf-8"))
        history = previous.get("history", [])[: -1 if update else None]
    this_run = {
        "started_at": started,
        "answers_written": result.answers_written,
        "judge_calls": result.judge_calls,
        "judge_failed": result.judge_failed,
        "judge_server_started": result.judge_server_started,
        "mcq_scored": result.mcq_scored,
        "timings_s": {k: round(v, 2) for k, v in result.timings_s.items()},
    }
    judge = dataclasses.asdict(recipe.judge) if recipe.judge else {}
    if "prompt_version" not in judge and recipe.judge is not None:
        from .judge import PROMPT_VERSION

        judge["prompt_version"] = PROMPT_VERSION
    payload = {
        "name": recipe.report_title,
        "recipe_path": str(recipe_path) if recipe_path else None,
        "recipe": dataclasses.asdict(recipe),
        "question_sets": [s.name for s in sets],
        "question_files": {s.name: str(s.path) for s in sets},
        "languages": sorted({q.lang for s in sets for q in s.questions} | set(_mcq_langs(recipe))),
        "judge": judge,
        "versions": _versions(),
        **this_run,
        "history": [*history, this_run],
    }
    write_json_atomic(path, payload)


def run_eval(
    recipe: EvalRecipe, *, recipe_path: str | Path | None = None, push: bool = False, token: str | None = None
) -> RunResult:
    """Run (or resume) an evaluation recipe: answers, reviews, metrics, MCQ, report, and the push if asked.

    Args:
        recipe: the parsed recipe (:func:`llmzoo_hf.eval.recipe.load_eval_recipe`).
        recipe_path: where it came from; relative paths in it are also looked up beside it.
        push: upload the results folder to ``recipe.hub_dataset_id`` afterwards.
        token: Hub token for the push; ``None`` lets huggingface_hub find ``HF_TOKEN`` or the cached login.

    Returns:
        A :class:`RunResult` (new answers, judge calls, timings, report path).

    Raises:
        ConfigError: a file the recipe names is missing, or ``push`` without ``hub_dataset_id``.
    """
    from datetime import datetime, timezone

    recipe_path = Path(recipe_path) if recipe_path else None
    if push and not recipe.hub_dataset_id:
        raise ConfigError("push needs `hub_dataset_id` in the recipe (or --hub_dataset_id=owner/name).")
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    output_dir = Path(recipe.output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    resolve_paths(recipe, recipe_path)
    sets = resolve_question_sets(recipe, recipe_path)
    result = RunResult(output_dir)

    def timed(step: str, fn, *args) -> None:
        start = time.perf_counter()
        fn(*args)
        result.timings_s[step] = time.perf_counter() - start

    timed("answers", run_answers, recipe, sets, result)
    if sets:
        timed("reviews", run_reviews, recipe, sets, result)
        timed("metrics", run_metrics, recipe, sets)
    _write_run_json(recipe, sets, result, recipe_path, started)

    from .results import load_results, write_report

    start = time.perf_counter()
    result.report_path = write_report(
        load_results(output_dir), title=recipe.report_title, note=recipe.report_note, human_paths=recipe.human_votes
    )
    result.timings_s["report"] = time.perf_counter() - start
    _write_run_json(recipe, sets, result, recipe_path, started, update=True)
    if push:
        from .publish import push_results

        result.pushed_url = push_results(output_dir, recipe.hub_dataset_id, token=token).url
    return result

"""Evaluation recipes (``recipes/eval/*.yaml``): typed dataclasses, unknown keys rejected, ``--key=value`` overrides.

A recipe names the contestants (the first is the reference), the question sets, the judge dimensions, the judge,
an optional medical MCQ benchmark and the output folder; ``llmzoo eval run RECIPE`` does the rest. Nested keys
follow the nested dataclasses (``judge``, ``answering``, ``mcq``, ``contestants[i]``, ``question_sets[i]``); a
command-line override names the path with dots, and a list item by its index or its ``name``::

    llmzoo eval run recipes/eval/tiny.yaml --limit=2 --judge.repeats=2 --contestants.chimera-tiny.model=outputs/x
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar

from .._embedded import EMBEDDED_ALIAS as EMBEDDED
from .._embedded import EMBEDDED_MODEL_NAME
from ..chat import GenerationSettings
from ..errors import ConfigError, read_yaml, unknown_key_error
from .judge import DIMENSIONS, MODES, JudgeSettings, ReviewOptions
from .mcq import MCQConfig


@dataclass
class ContestantConfig:
    """One model in the comparison: exactly one of ``model``, ``endpoint`` or ``answers`` says where answers come from."""

    name: str = field(metadata={"help": "model_id written into the answers and shown in every table."})
    model: str | None = field(
        default=None,
        metadata={
            "help": f"Local folder, zoo name, Hub id, or `{EMBEDDED}` ({EMBEDDED_MODEL_NAME}); answers locally."
        },
    )
    endpoint: str | None = field(default=None, metadata={"help": "OpenAI-compatible base URL that answers."})
    endpoint_model: str = field(default="default", metadata={"help": "Model name sent to `endpoint`."})
    answers: dict[str, str] | str | None = field(
        default=None,
        metadata={
            "help": "Existing answers (LLM Zoo layout), e.g. LLM Zoo's published files: one file, or a mapping "
            "question-set name -> file."
        },
    )
    template: str | None = field(default=None, metadata={"help": "Chat template when the model has none."})
    revision: str | None = field(default=None, metadata={"help": "Hub revision of `model`."})
    dtype: str = field(default="auto", metadata={"help": "auto, float32, bfloat16 or float16 (local model)."})
    system_prompt: str | None = field(default=None, metadata={"help": "System message sent before each question."})

    def __post_init__(self) -> None:
        given = [k for k in ("model", "endpoint", "answers") if getattr(self, k) not in (None, "", {})]
        if len(given) != 1:
            raise ConfigError(
                f"contestant {self.name!r}: give exactly one of model, endpoint or answers (got {given or 'none'})."
            )

    @property
    def kind(self) -> str:
        """``model``, ``endpoint`` or ``answers``."""
        return next(k for k in ("model", "endpoint", "answers") if getattr(self, k) not in (None, "", {}))


@dataclass
class QuestionSetConfig:
    """A question file in either LLM Zoo layout, or a bundled set (``general_en``, ``multilingual/ja``)."""

    path: str = field(metadata={"help": "Bundled set name or question file (JSONL)."})
    name: str | None = field(
        default=None, metadata={"help": "Folder name of the set in the results (default: its language)."}
    )
    lang: str | None = field(default=None, metadata={"help": "Language of a multilingual file (default: its name)."})
    limit: int | None = field(default=None, metadata={"help": "Use only the first N questions of this set."})


@dataclass
class JudgeConfig(ReviewOptions, JudgeSettings):
    """The judge: an OpenAI-compatible endpoint, or an ``llmzoo serve`` of ``serve_model`` that the run starts."""

    # Recipes wrote `endpoint` before the judge shared EndpointConfig's field name; read as `base_url`.
    RENAMED_KEYS: ClassVar[dict[str, str]] = {"endpoint": "base_url"}

    base_url: str = field(default="", metadata={"help": "OpenAI-compatible base URL of the judge."})
    serve_model: str | None = field(
        default=None,
        metadata={
            "help": "Start `llmzoo serve` of this model (embedded, folder, zoo name) on a free 127.0.0.1 port for "
            "the run's reviews, instead of `base_url`."
        },
    )
    serve_max_model_len: int | None = field(default=None, metadata={"help": "--max-model-len of the served judge."})

    def __post_init__(self) -> None:
        # No EndpointConfig URL check here: base_url stays empty when the run serves the judge itself.
        if bool(self.base_url) == bool(self.serve_model):
            raise ConfigError("judge: give exactly one of `base_url` and `serve_model`.")
        if self.mode not in MODES:
            raise ConfigError(f"judge.mode={self.mode!r}; choose one of {MODES}.")
        if self.repeats < 1:
            raise ConfigError(f"judge.repeats={self.repeats} must be >= 1.")

    def settings(self, endpoint: str) -> JudgeSettings:
        """Return the :class:`JudgeSettings` that ``review_answers`` takes, calling ``endpoint``."""
        values = {f.name: getattr(self, f.name) for f in fields(JudgeSettings)}
        return JudgeSettings(**{**values, "base_url": endpoint})


@dataclass
class AnswerConfig(GenerationSettings):
    """How the contestants answer: decoding settings plus batching (local) and concurrency (endpoints)."""

    batch_size: int = field(default=8, metadata={"help": "Questions per generation batch (local models)."})
    concurrency: int = field(default=8, metadata={"help": "Requests in flight at once (endpoint contestants)."})


@dataclass
class McqConfig(MCQConfig):
    """The multilingual medical MCQ benchmark (XMedBench layout), run for every local-model contestant: where the
    items come from, plus every setting of :class:`~llmzoo_hf.eval.mcq.MCQConfig` (protocol, methods, shots, …)."""

    data: str | None = field(default=None, metadata={"help": "File, folder or Hub dataset id (default: bundled)."})
    langs: list[str] | None = field(default=None, metadata={"help": "Languages (default: every file)."})
    split: str = field(default="test", metadata={"help": "Split of a Hub dataset."})
    revision: str | None = field(default=None, metadata={"help": "Revision of a Hub dataset."})
    limit: int | None = field(default=None, metadata={"help": "Use only the first N items of each source."})

    def scoring(self) -> MCQConfig:
        """Return the scoring settings alone, as ``evaluate_mcq`` takes them."""
        return MCQConfig(**{f.name: getattr(self, f.name) for f in fields(MCQConfig)})


@dataclass
class EvalRecipe:
    """One evaluation run: contestants x question sets x dimensions, judged, tabulated, reported (and pushed).

    Results go to ``output_dir``: ``answers/<set>/<contestant>.jsonl``, ``reviews/<set>/<dimension>/`` (review.jsonl,
    metric.json, metric.summary.json, ordering.txt: LLM Zoo's layout), ``mcq/<contestant>.json``, ``charts/*.png``,
    ``report.md`` and ``run.json``.
    """

    contestants: list[ContestantConfig] = field(
        metadata={"help": "Models compared; the first is the reference of every ratio (LLM Zoo: ChatGPT)."}
    )
    output_dir: str = field(metadata={"help": "Results folder of the run (rerunning resumes it)."})
    question_sets: list[QuestionSetConfig] = field(
        default_factory=list, metadata={"help": "Question sets, each judged on every dimension."}
    )
    dimensions: list[str] = field(
        default_factory=lambda: ["general"], metadata={"help": f"Judge dimensions, from {sorted(DIMENSIONS)}."}
    )
    judge: JudgeConfig | None = field(default=None, metadata={"help": "The judge (needed with question sets)."})
    answering: AnswerConfig = field(default_factory=AnswerConfig, metadata={"help": "Decoding of the answers."})
    mcq: McqConfig | None = field(default=None, metadata={"help": "Medical MCQ benchmark (local models only)."})
    limit: int | None = field(default=None, metadata={"help": "Use only the first N questions of every set."})
    reference_label: str | None = field(
        default=None, metadata={"help": "Key of the reference in metric.json (default: its name; LLM Zoo: gpt3.5)."}
    )
    human_votes: list[str] = field(
        default_factory=list, metadata={"help": "Arena vote / tally files (CSV, JSON, JSONL) for the human table."}
    )
    report_title: str = field(default="LLM Zoo evaluation", metadata={"help": "Title of report.md."})
    report_note: str | None = field(default=None, metadata={"help": "Paragraph put at the top of report.md."})
    hub_dataset_id: str | None = field(default=None, metadata={"help": "Dataset id that `--push` uploads to."})

    def __post_init__(self) -> None:
        names = [c.name for c in self.contestants]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ConfigError(f"contestants: the names {duplicates} are used twice; each needs its own name.")
        unknown = [d for d in self.dimensions if d not in DIMENSIONS]
        if unknown:
            raise ConfigError(f"dimensions: unknown {unknown}; choose from {sorted(DIMENSIONS)}.")
        if self.question_sets:
            if len(self.contestants) < 2:
                raise ConfigError("contestants: the judge compares at least two contestants.")
            if not self.dimensions:
                raise ConfigError("dimensions: name at least one dimension to judge the question sets on.")
            if self.judge is None:
                raise ConfigError("judge: the question sets need a judge (endpoint or serve_model).")
        elif self.mcq is None:
            raise ConfigError("Nothing to do: give question_sets (judge evaluation) and/or mcq.")
        if self.mcq is not None and not any(c.kind == "model" for c in self.contestants):
            raise ConfigError("mcq: scoring needs a local model; no contestant has `model`.")

    @property
    def reference(self) -> ContestantConfig:
        """The first contestant: every ratio is taken against it."""
        return self.contestants[0]


# --------------------------------------------------------------------------------------------------- parsing


def _field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls) if f.init]


def _renamed(cls: type, key: Any, *, where: str) -> Any:
    """Return the current name of a key that ``cls.RENAMED_KEYS`` lists (with a FutureWarning), else ``key``."""
    new = getattr(cls, "RENAMED_KEYS", {}).get(key)
    if new is None:
        return key
    import warnings

    warnings.warn(f"{where}: `{key}` is now called `{new}`; please rename it.", FutureWarning, stacklevel=3)
    return new


def _dataclass_in(annotation: Any) -> type | None:
    """Return the dataclass inside ``X``, ``X | None`` or ``list[X]``, if any."""
    if dataclasses.is_dataclass(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _dataclass_in(arg)
        if found is not None:
            return found
    return None


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    return any(typing.get_origin(a) is list for a in typing.get_args(annotation))


def _matches(annotation: Any, value: Any) -> bool:
    if annotation is Any:
        return True
    if annotation is type(None):
        return value is None
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_matches(a, value) for a in typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation)
        return isinstance(value, list) and all(_matches(item, v) for v in value)
    if origin is dict:
        key, item = typing.get_args(annotation)
        return isinstance(value, dict) and all(_matches(key, k) and _matches(item, v) for k, v in value.items())
    if annotation is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is Path:
        return isinstance(value, str)
    return isinstance(value, annotation)


def _describe(annotation: Any) -> str:
    return str(annotation).replace("typing.", "").replace("<class '", "").replace("'>", "")


def build_config(cls: type, data: Any, *, where: str):
    """Build the dataclass ``cls`` from a YAML mapping, nested dataclasses included.

    Raises:
        ConfigError: an unknown key (with the closest field name), a missing required key, a value of the wrong
            type, or a value ``__post_init__`` rejects; the message starts with ``where`` (file and key path).
    """
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of {cls.__name__} keys, got {type(data).__name__} {data!r}.")
    data = {_renamed(cls, key, where=where): value for key, value in data.items()}
    known = _field_names(cls)
    for key in data:
        if key not in known:
            raise unknown_key_error(str(key), known, where=where, note=f"(keys: {', '.join(known)})")
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if not f.init or f.name not in data:
            continue
        value, annotation = data[f.name], hints[f.name]
        nested = _dataclass_in(annotation)
        if nested is not None and value is not None:
            if _is_list(annotation):
                if not isinstance(value, list):
                    raise ConfigError(f"{where}.{f.name}: expected a list, got {type(value).__name__}.")
                value = [build_config(nested, v, where=f"{where}.{f.name}[{i}]") for i, v in enumerate(value)]
            else:
                value = build_config(nested, value, where=f"{where}.{f.name}")
        elif not _matches(annotation, value):
            raise ConfigError(f"{where}.{f.name}: expected {_describe(annotation)}, got {value!r}.")
        kwargs[f.name] = value
    missing = [
        f.name
        for f in fields(cls)
        if f.init
        and f.name not in kwargs
        and f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise ConfigError(f"{where}: missing required key(s) {missing}.")
    try:
        return cls(**kwargs)
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def apply_override(data: dict[str, Any], key: str, value: Any, *, schema: type = EvalRecipe) -> None:
    """Set ``data[key] = value`` for a dotted ``key`` (``judge.repeats``, ``contestants.1.model``,
    ``contestants.chimera-tiny.model``), checking each part against ``schema``.

    Raises:
        ConfigError: a part names no field (closest name given), or a list item that does not exist.
    """
    parts = key.split(".")
    node: Any = data
    cls: type | None = schema
    for depth, part in enumerate(parts):
        last = depth == len(parts) - 1
        where = f"command line: --{key}"
        if isinstance(node, list):
            index = int(part) if part.isdigit() else None
            if index is None:
                names = [item.get("name") if isinstance(item, dict) else None for item in node]
                if part not in names:
                    raise ConfigError(f"{where}: no list item named {part!r} (names: {names}; or use an index).")
                index = names.index(part)
            if index >= len(node):
                raise ConfigError(f"{where}: index {index} is past the end of the list ({len(node)} items).")
            if last:
                node[index] = value
                return
            node = node[index]
            continue
        if cls is None:
            raise ConfigError(f"{where}: `{part}` is inside a plain value, not a config.")
        part = _renamed(cls, part, where=where)
        known = _field_names(cls)
        if part not in known:
            raise unknown_key_error(part, known, where=where)
        if last:
            node[part] = value
            return
        annotation = typing.get_type_hints(cls)[part]
        cls = _dataclass_in(annotation)
        child = node.get(part)
        if child is None:
            child = node[part] = [] if _is_list(annotation) else {}
        node = child


def load_eval_recipe(path: str | Path, overrides: list[str] | None = None) -> EvalRecipe:
    """Read an eval recipe (a YAML file, or the name of a bundled one such as ``tiny``) and apply ``--key=value``
    overrides (values read as YAML).

    Raises:
        ConfigError: the file is missing or not YAML, or a key or value is wrong (named with the recipe path).
    """
    import yaml

    path = Path(path)
    if not path.is_file() and not path.suffix:  # a bundled recipe by name: `llmzoo eval run tiny`
        from .._resources import resource_path

        bundled = resource_path("recipes") / "eval" / f"{path}.yaml"
        path = bundled if bundled.is_file() else path
    if not path.is_file():
        from .._resources import resource_path

        names = sorted(p.stem for p in (resource_path("recipes") / "eval").glob("*.yaml"))
        raise ConfigError(f"Eval recipe {path} does not exist (bundled recipes: {', '.join(names)}).")
    data = read_yaml(path, what="Eval recipe", mapping=True)
    for token in overrides or []:
        if not token.startswith("--") or "=" not in token:
            raise ConfigError(f"command line: {token!r}; overrides are written --key=value (e.g. --limit=2).")
        key, raw = token[2:].split("=", 1)
        apply_override(data, key, yaml.safe_load(raw) if raw else None)
    return build_config(EvalRecipe, data, where=str(path))


def recipe_keys_help() -> str:
    """Return every recipe key with its help text (for ``llmzoo eval run --help``), nested keys indented."""
    lines = ["Recipe keys (YAML; on the command line a nested key is its dotted path, a list item its index or name):"]

    def walk(cls: type, indent: str) -> None:
        hints = typing.get_type_hints(cls)
        for f in fields(cls):
            suffix = "[]" if _is_list(hints[f.name]) else ""
            text = f"{indent}{f.name}{suffix}: {f.metadata.get('help', '')}".rstrip(": ")
            if f.default is not dataclasses.MISSING:
                text += f" (default: {f.default})"
            lines.append(text)
            nested = _dataclass_in(hints[f.name])
            if nested is not None:
                walk(nested, indent + "    ")

    walk(EvalRecipe, "  ")
    return "\n".join(lines)

"""Model, delta, quantized-model and dataset cards with Hub metadata, from the Jinja templates in ``model_cards/``
and ``dataset_cards/``, built with huggingface_hub's :class:`~huggingface_hub.ModelCard` / ``DatasetCard``.

Fill a dataclass, call the matching builder, then ``card.save(folder / "README.md")`` or ``card.push_to_hub``:

=========================  ==========================  ===========================================
builder                    info                        ``base_model_relation``
=========================  ==========================  ===========================================
:func:`build_model_card`   :class:`ModelCardInfo`      ``finetune`` (or ``adapter`` / ``merge``)
:func:`build_delta_card`   :class:`DeltaCardInfo`      ``finetune`` (delta weights of a fine-tune)
:func:`build_quantized_card` :class:`QuantizedCardInfo` ``quantized``
:func:`build_gguf_card`    :class:`GGUFCardInfo`       ``quantized`` (GGUF files for llama.cpp)
:func:`build_dataset_card` :class:`DatasetCardInfo`    (datasets have none)
:func:`build_eval_results_card` :class:`EvalResultsCardInfo` (datasets have none)
=========================  ==========================  ===========================================

The SFT entry point calls, for example::

    from llmzoo_hf.cards import ModelCardInfo, build_model_card

    card = build_model_card(
        ModelCardInfo(
            model_id="me/chimera-inst-chat-tiny",
            base_model="HuggingFaceTB/SmolLM2-135M-Instruct",
            datasets=["FreedomIntelligence/phoenix-sft-data-v1"],
            languages=["en", "zh"],
            chat_template="chimera",
            hyperparameters={"learning_rate": 2e-5, "num_train_epochs": 3},
            eval_results={"general (zh) vs ChatGPT": "85.2%"},  # optional
        )
    )
    card.save(Path(output_dir) / "README.md")

Every card carries ``pipeline_tag: text-generation`` and ``library_name: transformers``. A ``base_model`` that is a
local folder rather than a Hub id is mentioned in the text but left out of the metadata (the Hub rejects it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._resources import resource_path

if TYPE_CHECKING:
    from huggingface_hub import DatasetCard, ModelCard

DEFAULT_TAGS = ["llmzoo", "chat"]
_LICENSE_NOTES = {
    "bigscience-bloom-rail-1.0": "BLOOM RAIL 1.0 (use restrictions apply, inherited from the BLOOMZ base).",
    "llama2": "LLaMA 2 community licence, inherited from the base.",
    "other": "See the base model's licence; training data generated with ChatGPT may carry OpenAI's terms of use.",
}


@dataclass
class ModelCardInfo:
    """What a fine-tuned chat model's card says.

    Attributes:
        model_id: Hub id of the model (``user/name``); its last part is the card's title.
        base_model: Hub id of the model it was fine-tuned from.
        base_model_relation: ``finetune``, ``adapter`` (PEFT weights) or ``merge``.
        datasets: Hub ids of the training datasets.
        languages: ISO 639-1 codes of the languages it was trained on.
        chat_template: name of the llmzoo chat template in its tokenizer (``phoenix``, ``chimera``...).
        hyperparameters: training hyperparameters, shown as a table (e.g. ``learning_rate``, ``num_train_epochs``).
        eval_results: metric name -> value (e.g. ``{"general (en) vs ChatGPT": "96.6%"}``), shown as a table.
        license: Hub licence id (``apache-2.0``, ``bigscience-bloom-rail-1.0``, ``llama2``, ``other``).
        tags: extra Hub tags (``llmzoo`` and ``chat`` are always added).
        description: a paragraph under the title.
        fertility_table: Markdown table of the tokenizer's tokens per language
            (:func:`llmzoo_hf.data.fertility.card_fertility_table`), shown under "Tokenizer fertility".
    """

    model_id: str
    base_model: str | None = None
    base_model_relation: str = "finetune"
    datasets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    chat_template: str | None = None
    hyperparameters: dict[str, Any] = field(default_factory=dict)
    eval_results: dict[str, Any] | None = None
    license: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    fertility_table: str | None = None

    def __post_init__(self) -> None:
        if self.base_model_relation not in ("finetune", "adapter", "merge", "quantized"):
            raise ValueError(
                f"base_model_relation={self.base_model_relation!r}; expected finetune, adapter, merge or quantized."
            )


@dataclass
class DeltaCardInfo:
    """What a delta-weights card says (see :mod:`llmzoo_hf.delta`)."""

    delta_id: str
    base_model: str
    base_checksum: str
    target_model: str
    grown_tensors: dict[str, list[int]] = field(default_factory=dict)
    delta_dtype: str = "float32"
    languages: list[str] = field(default_factory=list)
    license: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class QuantizedCardInfo:
    """What a quantised model's card says (see :mod:`llmzoo_hf.quantize`).

    Attributes:
        method: ``bnb-int8``, ``bnb-nf4`` or ``gptq``.
        details: extra rows for the method table (group size, double quant, compute dtype...).
    """

    model_id: str
    base_model: str
    method: str
    bits: int
    details: dict[str, Any] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    license: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class GGUFCardInfo:
    """What the card of a GGUF repo says (see :mod:`llmzoo_hf.export`).

    Attributes:
        files: GGUF file name -> tensor type (``f16``, ``q8_0``...), one row each.
        has_chat_template: whether the files carry a chat template (llama.cpp's ``-cnv`` then uses it).
    """

    model_id: str
    base_model: str | None
    files: dict[str, str]
    has_chat_template: bool = True
    languages: list[str] = field(default_factory=list)
    license: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class DatasetCardInfo:
    """What a dataset card says.

    Attributes:
        dataset_id: Hub id of the dataset.
        languages: language code -> number of rows.
        splits: split name -> number of rows.
        sources: one dict per source with ``name``, ``rows_read``, ``rows_kept``, ``rows_rejected``,
            ``rows_train``, ``rows_test`` (``DataReport.to_dict()["sources"]`` has this shape).
        rejects_path: where the rejected rows were written (a file in the dataset repo, if uploaded).
    """

    dataset_id: str
    languages: dict[str, int] = field(default_factory=dict)
    splits: dict[str, int] = field(default_factory=dict)
    sources: list[dict[str, Any]] = field(default_factory=list)
    rejects_path: str | None = None
    license: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None

    @classmethod
    def from_report(cls, dataset_id: str, report: Any, **kwargs: Any) -> DatasetCardInfo:
        """Build the info from a :class:`llmzoo_hf.data.DataReport` (or its ``to_dict()``)."""
        data = report.to_dict() if hasattr(report, "to_dict") else dict(report)
        languages = {lang: int(counts.get("rows") or 0) for lang, counts in data.get("languages", {}).items()}
        splits = {"train": data.get("rows_train", 0), "test": data.get("rows_test", 0)}
        return cls(
            dataset_id,
            languages=languages,
            splits={k: v for k, v in splits.items() if v},
            sources=list(data.get("sources", [])),
            rejects_path=data.get("rejects_path"),
            **kwargs,
        )


@dataclass
class EvalResultsCardInfo:
    """What the card of an ``llmzoo eval run`` results dataset says (see :mod:`llmzoo_hf.eval.publish`).

    Attributes:
        tables: ``ratio_table``, ``win_tie_lose_table``, ``mcq_table`` -> Markdown ("" when the run has none).
        n_files: files in the upload, the card included.
    """

    dataset_id: str
    languages: list[str] = field(default_factory=list)
    contestants: list[str] = field(default_factory=list)
    question_sets: list[str] = field(default_factory=list)
    dimensions: list[str] = field(default_factory=list)
    judge: dict[str, Any] | None = None
    note: str | None = None
    tables: dict[str, str] = field(default_factory=dict)
    n_files: int = 0
    license: str = "apache-2.0"


def _is_hub_id(value: str | None) -> bool:
    if not value or Path(value).expanduser().exists():
        return False
    from huggingface_hub.utils import HFValidationError, validate_repo_id

    try:
        validate_repo_id(value)
    except HFValidationError:
        return False
    return True


def _license_note(license: str | None) -> str:
    if not license:
        return "Not specified: check the base model's licence before using or redistributing."
    return _LICENSE_NOTES.get(license, f"`{license}`.")


def _title(repo_id: str) -> str:
    return str(repo_id).rstrip("/").split("/")[-1]


def _model_card_data(*, base_model: str | None, relation: str | None, datasets, languages, license, tags) -> Any:
    from huggingface_hub import ModelCardData

    hub_base = base_model if _is_hub_id(base_model) else None
    return ModelCardData(
        base_model=hub_base,
        base_model_relation=relation if hub_base else None,
        datasets=list(datasets) or None,
        language=list(languages) or None,
        license=license,
        pipeline_tag="text-generation",
        library_name="transformers",
        tags=list(dict.fromkeys(DEFAULT_TAGS + list(tags))),
    )


def _template(kind: str, name: str) -> str:
    return str(resource_path(kind) / name)


def build_model_card(info: ModelCardInfo) -> ModelCard:
    """Return the card of a fine-tuned chat model (metadata, prompt format, training recipe, eval results)."""
    from huggingface_hub import ModelCard

    prompt_example = None
    if info.chat_template:
        from .templates import render

        prompt_example = render(
            info.chat_template,
            [
                {"role": "user", "content": "Hello"},
                {"role": "assistant", "content": "Hi! How can I help?"},
                {"role": "user", "content": "..."},
            ],
            add_generation_prompt=True,
        )
    card_data = _model_card_data(
        base_model=info.base_model,
        relation=info.base_model_relation,
        datasets=info.datasets,
        languages=info.languages,
        license=info.license,
        tags=info.tags,
    )
    return ModelCard.from_template(
        card_data,
        template_path=_template("model_cards", "model_card.md.j2"),
        model_id=info.model_id,
        model_name=_title(info.model_id),
        description=info.description or "A multilingual chat model.",
        base_model=info.base_model,
        languages=info.languages,
        chat_template=info.chat_template,
        prompt_example=prompt_example,
        datasets=info.datasets,
        hyperparameters=info.hyperparameters,
        eval_results=info.eval_results,
        fertility_table=info.fertility_table,
        license_note=_license_note(info.license),
    )


def build_delta_card(info: DeltaCardInfo) -> ModelCard:
    """Return the card of a delta-weights folder: what it is, its base, and the command that applies it."""
    from huggingface_hub import ModelCard

    card_data = _model_card_data(
        base_model=info.base_model,
        relation="finetune",
        datasets=[],
        languages=info.languages,
        license=info.license,
        tags=["delta-weights", *info.tags],
    )
    return ModelCard.from_template(
        card_data,
        template_path=_template("model_cards", "delta_card.md.j2"),
        model_id=info.delta_id,
        model_name=_title(info.delta_id),
        base_model=info.base_model,
        base_checksum=info.base_checksum,
        target_model=info.target_model,
        merged_name=_title(info.target_model),
        grown_tensors=info.grown_tensors,
        delta_dtype=info.delta_dtype,
        license_note=_license_note(info.license),
    )


_METHODS = {
    "bnb-int8": "An 8-bit (LLM.int8(), bitsandbytes)",
    "bnb-nf4": "A 4-bit (NF4 with double quantisation, bitsandbytes)",
    "gptq": "A 4-bit GPTQ",
}


def build_quantized_card(info: QuantizedCardInfo) -> ModelCard:
    """Return the card of an int8/int4 variant (``base_model_relation: quantized``)."""
    from huggingface_hub import ModelCard

    if info.method not in _METHODS:
        raise ValueError(f"method={info.method!r}; expected one of {sorted(_METHODS)}.")
    if info.method == "gptq":
        usage = (
            "Serve it with TGI (`--quantize gptq`) or vLLM (`--quantization gptq`), or load it with transformers "
            "(needs `pip install 'llmzoo-hf[gptq]'` and a CUDA GPU)."
        )
    else:
        flag = "load_in_8bit" if info.method == "bnb-int8" else "load_in_4bit"
        usage = (
            "```python\nfrom llmzoo_hf import load_chat\n\n"
            f'chat = load_chat("{info.model_id}")  # the quantization config is in config.json\n'
            'print(chat.chat("What is the capital of France?"))\n```\n\n'
            f"Needs `pip install 'llmzoo-hf[quant]'` (bitsandbytes). To quantise the full-precision base on load "
            f'instead: `load_chat("{info.base_model}", {flag}=True)`.'
        )
    card_data = _model_card_data(
        base_model=info.base_model,
        relation="quantized",
        datasets=[],
        languages=info.languages,
        license=info.license,
        tags=[info.method, f"{info.bits}-bit", *info.tags],
    )
    return ModelCard.from_template(
        card_data,
        template_path=_template("model_cards", "quantized_card.md.j2"),
        model_id=info.model_id,
        model_name=_title(info.model_id),
        base_model=info.base_model,
        method=info.method,
        method_description=_METHODS[info.method],
        bits=info.bits,
        details=info.details,
        usage=usage,
        languages=info.languages,
        license_note=_license_note(info.license),
    )


def build_gguf_card(info: GGUFCardInfo) -> ModelCard:
    """Return the card of a GGUF repo: its files and how to run them with llama.cpp, Ollama and transformers."""
    from huggingface_hub import ModelCard

    card_data = _model_card_data(
        base_model=info.base_model,
        relation="quantized",
        datasets=[],
        languages=info.languages,
        license=info.license,
        tags=["gguf", "llama.cpp", *sorted(set(info.files.values())), *info.tags],
    )
    card_data.library_name = "gguf"
    return ModelCard.from_template(
        card_data,
        template_path=_template("model_cards", "gguf_card.md.j2"),
        model_id=info.model_id,
        model_name=_title(info.model_id),
        base_model=info.base_model,
        files=info.files,
        first_file=next(iter(info.files), "model.gguf"),
        has_chat_template=info.has_chat_template,
        languages=info.languages,
        license_note=_license_note(info.license),
    )


def size_category(rows: int) -> str:
    """Return the Hub ``size_categories`` bucket of a row count (``n<1K``, ``1K<n<10K``...)."""
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")]
    for bound, label in bounds:
        if rows < bound:
            return label
    return "1M<n<10M" if rows < 10_000_000 else "n>10M"


def build_dataset_card(info: DatasetCardInfo) -> DatasetCard:
    """Return a dataset card with language list, size category, sources and the rejects report."""
    from huggingface_hub import DatasetCard, DatasetCardData

    rows = sum(info.splits.values())
    reasons: dict[str, int] = {}
    for source in info.sources:
        for reason, count in (source.get("rejected_by_reason") or {}).items():
            reasons[reason] = reasons.get(reason, 0) + int(count or 0)
    card_data = DatasetCardData(
        language=sorted(info.languages) or None,
        license=info.license,
        size_categories=[size_category(rows)],
        task_categories=["text-generation"],
        tags=list(dict.fromkeys(DEFAULT_TAGS + ["sft", *info.tags])),
        pretty_name=_title(info.dataset_id),
    )
    return DatasetCard.from_template(
        card_data,
        template_path=_template("dataset_cards", "dataset_card.md.j2"),
        pretty_name=_title(info.dataset_id),
        description=info.description or "Multilingual instruction and conversation data for chat fine-tuning.",
        languages=dict(sorted(info.languages.items(), key=lambda kv: -kv[1])),
        splits=info.splits,
        sources=info.sources,
        rows_rejected=sum(int(s.get("rows_rejected") or 0) for s in info.sources),
        rejects_reasons=", ".join(f"{k}: {v}" for k, v in reasons.items() if v),
        rejects_path=info.rejects_path,
        license_note=_license_note(info.license),
    )


def build_eval_results_card(info: EvalResultsCardInfo) -> DatasetCard:
    """Return the card of an evaluation results dataset: contestants, judge, ratio / win-tie-lose / MCQ tables."""
    from huggingface_hub import DatasetCard, DatasetCardData

    card_data = DatasetCardData(
        language=info.languages or None,
        license=info.license,
        tags=list(dict.fromkeys([*DEFAULT_TAGS, "evaluation", "llm-as-a-judge"])),
        pretty_name=_title(info.dataset_id),
    )
    return DatasetCard.from_template(
        card_data,
        template_path=_template("dataset_cards", "eval_results_card.md.j2"),
        pretty_name=_title(info.dataset_id),
        note=info.note,
        contestants=info.contestants,
        sets=info.question_sets,
        dimensions=info.dimensions,
        judge=info.judge,
        n_files=info.n_files,
        **info.tables,
    )

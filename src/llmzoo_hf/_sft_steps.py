"""The steps of ``llmzoo_hf.sft.main``: model and tokenizer, trainer, start-up summary, and what is written after."""

from __future__ import annotations

import inspect
import logging
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._atomic import write_text_atomic
from ._embedded import EMBEDDED_HUB_ID
from .configs import EMBEDDED_MODEL_SENTINEL
from .errors import ConfigError

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

    from .data import DataReport

logger = logging.getLogger(__name__)

LOSS_PLOT_FILENAME = "loss.png"
_VARLEN_KERNELS = ("flash_attention_2", "flash_attention_3", "kernels-community/flash-attn", "kernels-community/vllm")


def resolve_model_path(model_name_or_path: str | None) -> str:
    """Return a loadable model location: the embedded SmolLM2 for ``None``/``embedded``; refuse delta folders.

    Raises:
        DeltaFolderError: the folder holds delta weights; the message gives the ``llmzoo delta apply`` command.
    """
    from ._delta_stamp import refuse_delta_folder

    if model_name_or_path in (None, "", EMBEDDED_MODEL_SENTINEL):
        from ._embedded import default_model_path

        return str(default_model_path())
    if Path(model_name_or_path).is_dir():
        refuse_delta_folder(model_name_or_path)
    return model_name_or_path


def base_model_id(model_name_or_path: str | None) -> str:
    """Return the name of the base for the card: the Hub id of the embedded model, else the recipe's value."""
    if model_name_or_path in (None, "", EMBEDDED_MODEL_SENTINEL):
        return EMBEDDED_HUB_ID
    return model_name_or_path


def configure_tracking(training_args, recipe_path: Path) -> None:
    """Name the tracking project after the recipe (``chimera-tiny``) unless it sets ``project``; check trackio.

    Raises:
        MissingExtraError: ``report_to`` names trackio and it is not installed.
    """
    import dataclasses

    from .errors import require

    default = next(f.default for f in dataclasses.fields(training_args) if f.name == "project")
    if training_args.project == default:
        training_args.project = recipe_path.stem
    if "trackio" in (training_args.report_to or []):
        require("trackio", extra="track", feature="report_to: trackio")


def uses_padding_free(training_args) -> bool:
    """Return True when TRL will flatten each batch into one sequence (``padding_free`` or BFD packing)."""
    return bool(training_args.padding_free or (training_args.packing and training_args.packing_strategy != "wrapped"))


def check_padding_free(model_path: str, training_args, model_args) -> None:
    """Refuse padding-free / packed batches for a model whose attention cannot keep the sequences apart.

    Flattened sequences are told apart by ``position_ids`` restarting at 0: the flash-attention kernels read them as
    sequence boundaries, and transformers' mask builder (``create_causal_mask``) turns them into a block-diagonal
    mask for sdpa / eager. A model that takes no ``position_ids`` (BLOOM builds its ALiBi bias from a 2D padding
    mask) would let every sequence of the batch attend to the others, so it fails here with the fix.

    Raises:
        ConfigError: the model's attention cannot separate packed sequences.
    """
    if not uses_padding_free(training_args):
        return
    import transformers
    from transformers import AutoConfig
    from transformers.models.auto.modeling_auto import MODEL_FOR_CAUSAL_LM_MAPPING_NAMES

    config = AutoConfig.from_pretrained(
        model_path, revision=model_args.model_revision, trust_remote_code=training_args.trust_remote_code
    )
    class_name = MODEL_FOR_CAUSAL_LM_MAPPING_NAMES.get(config.model_type)
    model_class = getattr(transformers, class_name, None) if class_name else None
    if model_class is None:
        return  # custom code: trust the user's kernel choice
    takes_positions = "position_ids" in inspect.signature(model_class.forward).parameters
    kernel = model_args.attn_implementation or "sdpa"
    module_source = inspect.getsource(inspect.getmodule(model_class))
    if takes_positions and (kernel.startswith(_VARLEN_KERNELS) or "create_causal_mask" in module_source):
        return
    raise ConfigError(
        f"packing/padding_free flattens each batch into one sequence, but {class_name} (model_type "
        f"{config.model_type!r}, attention {kernel!r}) "
        + ("takes no position_ids" if not takes_positions else "builds no per-sequence mask")
        + ", so the packed sequences would attend to each other. Set `padding_free: false` and `packing: false` "
        "(padded batches), or `packing_strategy: wrapped` if cross-sequence attention is acceptable."
    )


def get_tokenizer(
    model_path: str, template: str, training_args, model_args, *, bos_token: str | None = None
) -> PreTrainedTokenizerBase:
    """Load the base tokenizer and write the recipe's chat template into it (padding on the right for training).

    ``bos_token`` replaces the tokenizer's BOS (what the LLM Zoo templates write for ``<s>``); it must be one
    token of the vocabulary, so no embedding is added.
    """
    from transformers import AutoTokenizer

    from .templates import apply_chat_template, is_single_token

    tokenizer = AutoTokenizer.from_pretrained(
        model_path, revision=model_args.model_revision, trust_remote_code=training_args.trust_remote_code
    )
    if bos_token is not None:
        if not is_single_token(tokenizer, bos_token):
            raise ConfigError(f"bos_token: {bos_token!r} is not a token of the tokenizer in {model_path}.")
        tokenizer.bos_token = bos_token
    apply_chat_template(tokenizer, template)
    if tokenizer.pad_token is None:
        # LLaMA ships no pad token; padded positions get label -100, so reusing EOS costs nothing.
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "right"
    return tokenizer


def build_trainer(model_path: str, tokenizer, dataset, training_args, model_args):
    """Return a ``trl.SFTTrainer`` for full fine-tuning, LoRA (``use_peft``) or QLoRA (``load_in_4bit``)."""
    from trl import SFTTrainer, get_peft_config, get_quantization_config

    from .templates import training_chat_template

    model_init_kwargs: dict[str, Any] = {
        "revision": model_args.model_revision,
        "trust_remote_code": training_args.trust_remote_code,
        "attn_implementation": model_args.attn_implementation,
        "dtype": model_args.dtype,
    }
    quantization_config = get_quantization_config(model_args)
    if quantization_config is not None:
        import torch
        from accelerate import PartialState

        # A quantised base cannot be moved after loading: put each process's copy on its own GPU up front.
        model_init_kwargs["device_map"] = (
            {"": PartialState().local_process_index} if torch.cuda.is_available() else None
        )
    training_args.model_init_kwargs = {**model_init_kwargs, **(training_args.model_init_kwargs or {})}
    # Only the conversation goes to the trainer; id/source/lang/persona/extra stay in the data report.
    train_dataset = dataset["train"].select_columns(["messages"])
    eval_dataset = None
    if training_args.eval_strategy != "no" and "test" in dataset:
        eval_dataset = dataset["test"].select_columns(["messages"])
    # TRL tokenises the data while the trainer is built, reading the loss mask from the {% generation %} spans of the
    # tokenizer's template. Afterwards the tokenizer gets its inference template back (what checkpoints and the saved
    # model carry: other engines reject {% generation %}), and the trainer keeps the training one where TRL keeps its
    # own `*_training` templates, for datasets it prepares later.
    with training_chat_template(tokenizer) as template_for_training:
        trainer = SFTTrainer(
            model=model_path,
            args=training_args,
            train_dataset=train_dataset,
            eval_dataset=eval_dataset,
            processing_class=tokenizer,
            peft_config=get_peft_config(model_args),
            quantization_config=quantization_config,
        )
    trainer.chat_template = template_for_training
    return trainer


def last_complete_checkpoint(output_dir: str | Path | None) -> str | None:
    """Return the newest ``checkpoint-N`` in ``output_dir`` that was fully written, or None.

    The Trainer writes ``trainer_state.json`` last, so a run killed while saving leaves a checkpoint without it;
    resuming from that one would fail, so it is skipped with a warning (``get_last_checkpoint`` would pick it).
    """
    import re

    if not output_dir or not Path(output_dir).is_dir():
        return None
    numbered = [
        (int(match.group(1)), path)
        for path in Path(output_dir).iterdir()
        if path.is_dir() and (match := re.fullmatch(r"checkpoint-(\d+)", path.name))
    ]
    for _, path in sorted(numbered, reverse=True):
        if (path / "trainer_state.json").is_file():
            return str(path)
        logger.warning("Skipping %s: it has no trainer_state.json (the run stopped while saving it).", path)
    return None


def estimate_optimizer_steps(rows: int, training_args) -> int:
    """Return the optimizer steps the Trainer will take (``max_steps`` when set, else from epochs)."""
    if training_args.max_steps and training_args.max_steps > 0:
        return int(training_args.max_steps)
    batches_per_epoch = math.ceil(rows / (training_args.per_device_train_batch_size * training_args.world_size))
    steps_per_epoch = max(math.ceil(batches_per_epoch / training_args.gradient_accumulation_steps), 1)
    return math.ceil(training_args.num_train_epochs * steps_per_epoch)


def cpu_threads_line(device_type: str) -> str | None:
    """Return the summary's ``compute:`` line for a CPU run (``None`` on an accelerator), warning on idle cores.

    ``accelerate launch`` exports ``OMP_NUM_THREADS=1`` unless its config says ``use_cpu``; torch then trains on
    one core of many (chimera-tiny: 21.7 s per step on one core of the 2-core machine, 13.5 s on both).
    """
    if device_type != "cpu":
        return None
    import psutil  # an accelerate dependency; torch's default thread count is the physical cores
    import torch

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    cores = min(psutil.cpu_count(logical=False) or usable, usable)
    threads = torch.get_num_threads()
    processes = max(1, int(os.environ.get("LOCAL_WORLD_SIZE", "1")))  # CPU data parallel: the cores are shared
    share = cores // processes
    if threads < share:
        logger.warning(
            "Training on the CPU with %d of %d cores (OMP_NUM_THREADS=%s). Launch with "
            "`accelerate launch --config_file recipes/accelerate/cpu.yaml` (use_cpu: true gives the process every "
            "core) or `--num_cpu_threads_per_process %d`.",
            threads,
            cores,
            os.environ.get("OMP_NUM_THREADS", "unset"),
            share,
        )
    return f"compute:            CPU, {threads} torch threads on {cores} cores"


def startup_summary(trainer, report: DataReport, *, template: str, model_path: str, recipe_path: Path) -> str:
    """Return the start-up summary: global batch, tokens per step, template, data mix, optimizer steps."""
    args = trainer.args
    lengths = [len(ids) for ids in trainer.train_dataset["input_ids"]]
    sequences = len(lengths)
    mean_tokens = sum(lengths) / max(sequences, 1)
    global_batch = args.per_device_train_batch_size * args.world_size * args.gradient_accumulation_steps
    # ZeRO-3 leaves each process a shard; ds_numel is the full size of a partitioned parameter.
    sizes = [(getattr(p, "ds_numel", p.numel()), p.requires_grad) for p in trainer.model.parameters()]
    trainable = sum(n for n, requires_grad in sizes if requires_grad)
    total = sum(n for n, _ in sizes)
    mode = "padding-free" if uses_padding_free(args) else "padded batches"
    if args.packing:
        mode = f"packed ({args.packing_strategy}) into sequences of <= {args.max_length} tokens, {mode}"
    compute = cpu_threads_line(args.device.type)  # None on an accelerator
    lines = [
        "=" * 20 + " llmzoo_hf.sft start-up summary " + "=" * 20,
        f"recipe:             {recipe_path}",
        *([compute] if compute else []),
        f"model:              {model_path} ({trainable:,} trainable of {total:,} parameters)",
        f"chat template:      {template} (loss on assistant replies only: {args.assistant_only_loss})",
        f"global batch:       {global_batch} = {args.per_device_train_batch_size} per device x {args.world_size} "
        f"processes x {args.gradient_accumulation_steps} accumulation steps",
        f"tokens per step:    ~{round(mean_tokens * global_batch):,} (mean {mean_tokens:.1f} tokens x {global_batch} "
        f"sequences; max_length {args.max_length}; {mode})",
        f"training sequences: {sequences:,} from {report.rows_train:,} conversations "
        f"({report.rows_test:,} held out, {report.rows_rejected:,} rejected)",
        f"optimizer steps:    ~{estimate_optimizer_steps(sequences, args):,} "
        + (f"(max_steps={args.max_steps})" if args.max_steps > 0 else f"({args.num_train_epochs:g} epochs)"),
        "data mix (train rows per source):",
    ]
    for source in report.sources:
        lines.append(
            f"  {source.name:<32}{source.rows_train:>8}  (read {source.rows_read}, rejected {source.rows_rejected})"
        )
    lines.append("data mix (train rows per language):")
    for lang, counts in sorted(report.languages.items(), key=lambda kv: (-int(kv[1]["rows"] or 0), kv[0])):
        tokens = counts.get("tokens")
        # Tokens show what a language costs with this tokenizer (see `llmzoo data fertility`).
        spent = f"{tokens:>10,} tokens ({tokens / counts['rows']:.1f} per row)" if tokens and counts["rows"] else ""
        lines.append(f"  {lang:<32}{counts['rows']:>8}{spent}")
    lines.append("=" * 72)
    return "\n".join(lines)


def set_generation_eos(model, tokenizer) -> None:
    """Make generation stop at the template's end of reply (the tokenizer's EOS), not run to max_new_tokens."""
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    base.generation_config.eos_token_id = tokenizer.eos_token_id
    base.generation_config.pad_token_id = tokenizer.pad_token_id
    # the BOS the template writes (the recipe's `bos_token`, when set): config and tokenizer agree for exporters
    base.generation_config.bos_token_id = base.config.bos_token_id = tokenizer.bos_token_id
    base.config.use_cache = True  # gradient checkpointing switched it off for training


def merge_lora_folder(output_dir: str | Path, model_path: str, tokenizer, model_args) -> None:
    """Replace the saved LoRA adapters in ``output_dir`` by the base with the adapters merged in (a full model).

    Done from the saved folder, after ``save_model`` gathered the adapters, so it works the same under ZeRO-3.
    The merged weights are written to a temporary folder first, then moved in; the adapter files go last.
    """
    import shutil

    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    output_dir = Path(output_dir)
    base = AutoModelForCausalLM.from_pretrained(
        model_path, revision=model_args.model_revision, dtype=model_args.dtype or "auto"
    )
    merged = PeftModel.from_pretrained(base, output_dir).merge_and_unload()
    set_generation_eos(merged, tokenizer)
    staging = output_dir / ".merged.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    merged.save_pretrained(staging)
    for path in staging.iterdir():
        os.replace(path, output_dir / path.name)
    staging.rmdir()
    for name in ("adapter_model.safetensors", "adapter_config.json"):
        (output_dir / name).unlink(missing_ok=True)
    logger.info("LoRA adapters merged into %s: %s is a full model folder.", model_path, output_dir)


_BASE_LICENSES = {"bloom": "bigscience-bloom-rail-1.0", "llama": "other"}


def write_model_card(
    output_dir: str | Path,
    *,
    base_model: str,
    model_type: str | None,
    template: str,
    report: DataReport,
    training_args,
    model_args,
    merged: bool = False,
) -> Path:
    """Write the README.md model card (``llmzoo_hf.cards``: metadata, prompt format, recipe) into ``output_dir``.

    ``merged``: the LoRA adapters were merged into the base, so the folder is a full fine-tune, not an adapter.
    """
    from ._paths import looks_like_path as looks_local
    from .cards import ModelCardInfo, build_model_card

    output_dir = Path(output_dir)
    hyperparameters = {
        "learning_rate": training_args.learning_rate,
        "lr_scheduler_type": str(getattr(training_args.lr_scheduler_type, "value", training_args.lr_scheduler_type)),
        "warmup_steps": training_args.warmup_steps,
        "num_train_epochs": training_args.num_train_epochs,
        "max_steps": training_args.max_steps,
        "global_batch_size": training_args.per_device_train_batch_size
        * training_args.world_size
        * training_args.gradient_accumulation_steps,
        "max_length": training_args.max_length,
        "bf16": training_args.bf16,
        "assistant_only_loss": training_args.assistant_only_loss,
    }
    if model_args.use_peft:
        hyperparameters.update(
            lora_r=model_args.lora_r, lora_alpha=model_args.lora_alpha, load_in_4bit=model_args.load_in_4bit
        )
    info = ModelCardInfo(
        model_id=training_args.hub_model_id or str(output_dir),
        base_model=base_model,
        base_model_relation="adapter" if model_args.use_peft and not merged else "finetune",
        datasets=sorted({s.path for s in report.sources if not looks_local(s.path)}),  # Hub ids only
        languages=sorted(lang for lang in report.languages if lang != "und"),
        chat_template=template,
        hyperparameters=hyperparameters,
        license="apache-2.0" if base_model == EMBEDDED_HUB_ID else _BASE_LICENSES.get(model_type or ""),
        tags=["sft", "trl"] + (["lora"] if model_args.use_peft else []),
        description=(
            f"`{base_model}` fine-tuned with `accelerate launch -m llmzoo_hf.sft` "
            f"({_method(model_args.use_peft, merged)}, loss on the assistant replies only) "
            f"on {report.rows_train} conversations in {len(report.languages)} languages."
        ),
    )
    if (output_dir / "tokenizer_config.json").is_file():  # saved just before the card
        from transformers import AutoTokenizer

        from .data.fertility import card_fertility_table

        info.fertility_table = card_fertility_table(AutoTokenizer.from_pretrained(output_dir), info.languages)
    path = output_dir / "README.md"
    write_text_atomic(path, str(build_model_card(info)))
    return path


def _method(use_peft: bool, merged: bool) -> str:
    if not use_peft:
        return "full fine-tuning"
    return "LoRA, adapters merged into the base" if merged else "LoRA adapters"


def plot_loss(log_history: list[dict[str, Any]], output_dir: str | Path) -> Path | None:
    """Plot training (and eval) loss against the step into ``output_dir/loss.png``; None when nothing was logged."""
    import matplotlib

    matplotlib.use("Agg")  # no display on training nodes
    import matplotlib.pyplot as plt

    train = [(e["step"], e["loss"]) for e in log_history if "loss" in e and "step" in e]
    evals = [(e["step"], e["eval_loss"]) for e in log_history if "eval_loss" in e and "step" in e]
    if not train and not evals:
        return None
    figure, axis = plt.subplots(figsize=(7, 4))
    if train:
        axis.plot(*zip(*train, strict=True), marker="o", markersize=3, label="train loss")
    if evals:
        axis.plot(*zip(*evals, strict=True), marker="s", markersize=3, label="eval loss")
    axis.set_xlabel("optimizer step")
    axis.set_ylabel("loss")
    axis.grid(alpha=0.3)
    axis.legend()
    figure.tight_layout()
    path = Path(output_dir) / LOSS_PLOT_FILENAME
    tmp = path.with_name(f".{path.name}.tmp.png")
    figure.savefig(tmp, dpi=100)
    plt.close(figure)
    os.replace(tmp, path)
    return path


def push_to_hub(training_args, *, commit_message: str) -> str:
    """Upload the output folder (model, tokenizer, our card, plot) to ``hub_model_id`` through the one upload path,
    :func:`llmzoo_hf.hub.push_folder`: no checkpoints, trainer state or rejected data rows.

    Our own upload rather than ``Trainer.push_to_hub``, which would replace our model card with its own.
    """
    from .hub import push_folder

    result = push_folder(
        training_args.output_dir,
        kind="model",
        repo_id=training_args.hub_model_id or Path(training_args.output_dir).name,
        private=bool(training_args.hub_private_repo),
        revision=training_args.hub_revision,
        token=training_args.hub_token,  # None: the client finds HF_TOKEN or the cached login
        commit_message=commit_message,
    )
    return str(result.url)

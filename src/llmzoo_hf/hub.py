"""Push a model, delta, quantised model or dataset folder to the Hub, card included (or write a dry run).

:func:`push_folder` stages exactly what will be uploaded (the folder's files, hard-linked where possible, plus a
generated ``README.md`` card when the folder has none, or always for deltas so that the card's ``apply`` command
names the repo), then calls ``create_repo`` and ``upload_folder``. With ``dry_run_dir`` it writes the staged
folder there and uploads nothing. Credentials: ``token=None`` lets huggingface_hub resolve ``HF_TOKEN`` or the
cached login; the token is never printed, logged or written.
"""

from __future__ import annotations

import fnmatch
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ._delta_stamp import DeltaStamp, read_delta_stamp, refuse_delta_folder
from .errors import ConfigError

logger = logging.getLogger(__name__)

KINDS = ("model", "delta", "quantized", "gguf", "dataset")
# Never uploaded: hidden files (.git, scratch folders of interrupted writes), trainer checkpoints and pickles.
_SKIPPED_SUFFIXES = (".bin", ".pt", ".pth", ".ckpt", ".pkl")
# What a training run leaves in its output folder that a model repo does not need: the data build's report and
# rejected rows (users' data), trainer state, evaluation scratch files, checkpoints and TensorBoard logs. Left out
# of model, delta and quantised uploads (and of delta folders) unless asked for.
TRAINING_ARTEFACTS = (
    "rejects.jsonl",
    "data_report.json",
    "trainer_state.json",
    "training_args.bin",
    "mcq.json",
    "all_results.json",
    "train_results.json",
    "eval_results.json",
    "checkpoint-*",
    "runs",
)


@dataclass(frozen=True)
class PushResult:
    """What was (or would be) uploaded: ``files`` are paths relative to the repo root."""

    repo_id: str
    repo_type: str
    files: list[str]
    url: str | None = None
    dry_run_dir: Path | None = None


def is_training_artefact(relative: str | Path) -> bool:
    """Return True when the path (relative to a model folder) is one of :data:`TRAINING_ARTEFACTS` or inside one."""
    return any(fnmatch.fnmatch(part, pattern) for part in Path(relative).parts for pattern in TRAINING_ARTEFACTS)


def _skipped(relative: Path) -> bool:
    return any(part.startswith(".") or part.startswith("checkpoint-") for part in relative.parts) or (
        relative.suffix in _SKIPPED_SUFFIXES
    )


def _link_or_copy(source: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, dest)
    except OSError:  # another filesystem, or links not allowed
        shutil.copy2(source, dest)


def _check_model_folder(folder: Path, kind: str) -> dict:
    config_file = folder / "config.json"
    if not config_file.is_file():
        raise FileNotFoundError(f"{folder} has no config.json: `llmzoo push {kind}` needs a saved model folder.")
    if not any(folder.glob("*.safetensors")):
        raise FileNotFoundError(f"{folder} has no *.safetensors weights (llmzoo pushes safetensors only).")
    config = json.loads(config_file.read_text(encoding="utf-8"))
    if kind == "model":
        refuse_delta_folder(folder)
        if "quantization_config" in config:
            raise ConfigError(
                f"{folder} is quantised (quantization_config in config.json); use `llmzoo push quantized`."
            )
    if kind == "delta" and read_delta_stamp(folder) is None:
        raise ConfigError(f"{folder} has no llmzoo_delta stamp in config.json; make it with `llmzoo delta make`.")
    if kind == "quantized" and "quantization_config" not in config:
        raise ConfigError(f"{folder} has no quantization_config in config.json; make it with `llmzoo quantize`.")
    return config


def _model_card(folder: Path, kind: str, repo_id: str, config: dict):
    from . import cards

    if kind == "delta":
        return cards.build_delta_card((read_delta_stamp(folder) or DeltaStamp()).card_info(repo_id))
    base = config.get("_name_or_path") or None
    if kind == "quantized":
        quant = config["quantization_config"]
        method = quant.get("quant_method", "")
        if method == "gptq":
            name, bits, details = "gptq", int(quant.get("bits", 4)), {"group size": quant.get("group_size")}
        elif quant.get("load_in_4bit"):
            name, bits = "bnb-nf4", 4
            details = {
                "quant type": quant.get("bnb_4bit_quant_type"),
                "double quant": quant.get("bnb_4bit_use_double_quant"),
            }
        else:
            name, bits, details = "bnb-int8", 8, {}
        return cards.build_quantized_card(
            cards.QuantizedCardInfo(
                model_id=repo_id, base_model=str(base or repo_id), method=name, bits=bits, details=details
            )
        )
    return cards.build_model_card(cards.ModelCardInfo(model_id=repo_id, base_model=base))


def _stage_dataset(folder: Path, staging: Path, repo_id: str):
    """Stage a dataset folder (``save_to_disk`` output becomes one Parquet file per split); return its card."""
    from .cards import DatasetCardInfo, build_dataset_card

    report_file = folder / "data_report.json"
    report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.is_file() else None
    if (folder / "dataset_dict.json").is_file() or (folder / "dataset_info.json").is_file():
        from datasets import DatasetDict, load_from_disk

        loaded = load_from_disk(str(folder))
        splits = loaded if isinstance(loaded, DatasetDict) else {"train": loaded}
        languages: dict[str, int] = {}
        for name, split in splits.items():
            (staging / "data").mkdir(parents=True, exist_ok=True)
            split.to_parquet(str(staging / "data" / f"{name}-00000-of-00001.parquet"))
            if "lang" in split.column_names:
                for lang in split["lang"]:
                    languages[lang] = languages.get(lang, 0) + 1
        for extra in ("data_report.json", "rejects.jsonl"):
            if (folder / extra).is_file():
                _link_or_copy(folder / extra, staging / extra)
        info = DatasetCardInfo(repo_id, languages=languages, splits={n: len(s) for n, s in splits.items()})
        if report:
            info.sources, info.rejects_path = report.get("sources", []), "rejects.jsonl"
        return build_dataset_card(info)
    files = [p for p in folder.rglob("*") if p.is_file() and not _skipped(p.relative_to(folder))]
    if not files:
        raise FileNotFoundError(f"{folder} holds no data files to push.")
    for path in files:
        _link_or_copy(path, staging / path.relative_to(folder))
    if report is None:
        return build_dataset_card(DatasetCardInfo(repo_id))
    info = DatasetCardInfo.from_report(repo_id, report)
    if info.rejects_path:
        info.rejects_path = Path(info.rejects_path).name
    return build_dataset_card(info)


def _stage_gguf(folder: Path, staging: Path, repo_id: str) -> None:
    """Stage the GGUF files of ``folder`` and a GGUF card naming ``repo_id`` (a card of the user's own is kept)."""
    from huggingface_hub import ModelCard

    from .export import read_gguf_string, write_gguf_card

    files = sorted(folder.glob("*.gguf"))
    if not files:
        raise FileNotFoundError(f"{folder} has no *.gguf file; make one with `llmzoo export gguf MODEL --out FILE`.")
    for path in files:
        _link_or_copy(path, staging / path.name)
    card = folder / "README.md"
    if card.is_file() and "gguf" not in (ModelCard.load(card).data.tags or []):
        _link_or_copy(card, staging / "README.md")
        return
    write_gguf_card(
        staging,
        model_id=repo_id,
        base_model=read_gguf_string(files[0], "general.base_model.0.name"),
        has_chat_template=read_gguf_string(files[0], "tokenizer.chat_template") is not None,
    )


def stage_folder(
    kind: str, folder: str | Path, staging: str | Path, *, repo_id: str, include_training_files: bool = False
) -> list[str]:
    """Write into ``staging`` exactly what ``push_folder`` uploads; return the relative file paths, sorted.

    Model, delta and quantised folders leave out :data:`TRAINING_ARTEFACTS` unless ``include_training_files``.
    """
    if kind not in KINDS:
        raise ConfigError(f"kind={kind!r}; expected one of {KINDS}.")
    folder, staging = Path(folder), Path(staging)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder.")
    staging.mkdir(parents=True, exist_ok=True)
    if kind == "dataset":
        card = _stage_dataset(folder, staging, repo_id)
        if (staging / "README.md").is_file():  # the folder's own card wins
            card = None
    elif kind == "gguf":
        _stage_gguf(folder, staging, repo_id)
        card = None
    else:
        config = _check_model_folder(folder, kind)
        left_out = []
        for path in folder.rglob("*"):
            relative = path.relative_to(folder)
            if not path.is_file() or _skipped(relative):
                continue
            if is_training_artefact(relative) and not include_training_files:
                left_out.append(str(relative))
                continue
            _link_or_copy(path, staging / relative)
        if left_out:
            logger.info("Left out training files (pass include_training_files to upload them): %s", left_out)
        keep_card = (folder / "README.md").is_file() and kind != "delta"
        card = None if keep_card else _model_card(folder, kind, repo_id, config)
    if card is not None:
        if (staging / "README.md").exists():
            (staging / "README.md").unlink()  # a hard link to the source card: never write through it
        card.save(staging / "README.md")
    return sorted(str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file())


def push_folder(
    folder: str | Path,
    *,
    kind: str,
    repo_id: str,
    private: bool = False,
    revision: str | None = None,
    dry_run_dir: str | Path | None = None,
    token: str | None = None,
    commit_message: str | None = None,
    include_training_files: bool = False,
    stage: Callable[[Path], list[str]] | None = None,
) -> PushResult:
    """Create the repo and upload ``folder`` with its card, or write the dry-run folder.

    Every upload of llmzoo-hf goes through here: the files are staged first (so a dry run shows exactly what
    would be uploaded), then sent in one commit.

    Args:
        folder: the model, delta, quantised-model or dataset folder.
        kind: ``model``, ``delta``, ``quantized``, ``gguf`` (the ``*.gguf`` files and card of an
            ``llmzoo export gguf`` folder) or ``dataset``.
        repo_id: target repo (``user/name``).
        private: create the repo private.
        revision: branch to upload to (created from main when missing).
        dry_run_dir: write the exact upload here instead of uploading (must not exist or be empty).
        token: Hub token; ``None`` lets huggingface_hub find ``HF_TOKEN`` or the cached login.
        commit_message: message of the upload commit.
        include_training_files: also upload :data:`TRAINING_ARTEFACTS` (rejected rows, trainer state...).
        stage: writes the upload into the folder it is given and returns the relative paths, in place of
            :func:`stage_folder` (e.g. :func:`llmzoo_hf.eval.publish.stage_results`).

    Raises:
        ConfigError: the folder is not of ``kind`` (e.g. a delta pushed as a model).
    """
    from huggingface_hub.utils import validate_repo_id

    validate_repo_id(repo_id)
    repo_type = "dataset" if kind == "dataset" else "model"
    if stage is None:

        def stage(staging: Path) -> list[str]:
            return stage_folder(kind, folder, staging, repo_id=repo_id, include_training_files=include_training_files)

    if dry_run_dir is not None:
        dry_run_dir = Path(dry_run_dir)
        if dry_run_dir.exists() and any(dry_run_dir.iterdir()):
            raise FileExistsError(f"{dry_run_dir} is not empty; give an empty or new folder for the dry run.")
        files = stage(dry_run_dir)
        return PushResult(repo_id, repo_type, files, None, dry_run_dir)
    from huggingface_hub import HfApi

    api = HfApi(token=token)
    with tempfile.TemporaryDirectory(prefix="llmzoo-push-") as tmp:
        files = stage(Path(tmp))
        url = api.create_repo(repo_id, repo_type=repo_type, private=private, exist_ok=True)
        if revision:
            api.create_branch(repo_id, branch=revision, repo_type=repo_type, exist_ok=True)
        commit = api.upload_folder(
            folder_path=tmp,
            repo_id=repo_id,
            repo_type=repo_type,
            revision=revision,
            commit_message=commit_message or f"Upload {kind} with llmzoo-hf",
        )
    logger.info("Uploaded %d files to %s", len(files), url)
    return PushResult(repo_id, repo_type, files, str(getattr(commit, "commit_url", None) or url), None)

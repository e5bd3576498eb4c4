"""Delta weights: publish ``target - base`` instead of a model whose base may not be redistributed.

LLM Zoo published Chimera (LLaMA base) as delta weights. :func:`make_delta` writes ``D = T - B`` as an ordinary
Hugging Face model folder (safetensors, the target's config and tokenizer with its chat template, a card), so
FastChat-style tools can add it to the base too; :func:`apply_delta` adds it back. Both stream: tensors are read
and written in blocks of rows (:mod:`llmzoo_hf._safetensors_io`), so memory stays near one block whatever the
model size, never two whole models.

Format of a delta folder:

- every floating tensor holds ``target - base`` (computed in float32, or float64 for float64 inputs, then stored
  in the target's dtype or ``dtype``); where rounding the difference would not give the target back, the stored
  value is moved by one unit in the last place when that makes ``base + delta`` round to the target exactly;
- rows the target has and the base lacks (a grown vocabulary, e.g. an added ``<pad>``) hold the target's rows
  whole: apply pads the base with zero rows first, so plain "resize, then add" tools get them right too;
- non-floating tensors (rare buffers) are copied whole from the target;
- ``config.json`` is the target's with an ``llmzoo_delta`` stamp (:data:`DELTA_CONFIG_KEY`): ``format_version``,
  ``base_model``, ``base_checksum``, ``target_model``, vocabulary sizes, dtypes, grown and aliased tensors;
- ``llmzoo_delta_base.json`` lists every base tensor with its dtype, shape and SHA-256. ``base_checksum`` is the
  SHA-256 of the lines ``name dtype shape sha256`` of all base tensors, sorted by name: the full bytes of every
  tensor are hashed, block by block, while they are read anyway.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._atomic import atomic_folder
from ._delta_stamp import (
    BASE_CHECKSUM_FILE,
    DELTA_CONFIG_KEY,
    DELTA_FORMAT_VERSION,
    EXACT_FILE,
    DeltaStamp,
    read_delta_stamp,
    refuse_delta_folder,
)
from ._safetensors_io import (
    INDEX_FILE,
    CheckpointReader,
    ShardWriter,
    TensorInfo,
    dtype_size,
    parse_size,
    plan_shards,
    row_blocks,
    shard_file_names,
    torch_dtype,
)
from .errors import DeltaError, ModelNotFoundError

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)

# Rows are read and written in blocks of about this many bytes: the memory bound of make and apply.
BLOCK_BYTES = 16 << 20
# Files of a model folder that are weights (rewritten) or belong to the source repo (its card), never copied.
_NOT_COPIED_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".ckpt", ".gguf", ".h5", ".msgpack")
_NOT_COPIED_NAMES = {INDEX_FILE, "pytorch_model.bin.index.json", "README.md", "config.json", BASE_CHECKSUM_FILE}
_HUB_PATTERNS = ["*.safetensors", "*.json", "*.jinja", "*.model", "*.txt", "*.tiktoken"]


@dataclass(frozen=True)
class DeltaResult:
    """What :func:`make_delta` or :func:`apply_delta` wrote."""

    output_dir: Path
    base_checksum: str
    num_tensors: int
    shard_files: list[str]
    grown_tensors: dict[str, tuple[int, int]] = field(default_factory=dict)
    inexact_elements: int = 0
    exact_fixes: int = 0


def _local_folder(path_or_id: str | Path, *, revision: str | None = None) -> Path:
    """Return a local folder for a path, ``embedded`` or a Hub id (Hub ids are downloaded: weights, tokenizer).

    Raises:
        ModelNotFoundError: no such folder, or a Hub id that cannot be downloaded (offline, unknown).
    """
    from .chat import EMBEDDED, check_hub_model, looks_like_path

    text = str(path_or_id)
    if text == EMBEDDED:
        from ._embedded import default_model_path

        return Path(default_model_path())
    path = Path(text).expanduser()
    if path.is_dir():
        return path
    if looks_like_path(text):
        raise ModelNotFoundError(f"No model folder at {text} (it does not exist).")
    check_hub_model(text, revision=revision)
    from huggingface_hub import snapshot_download

    return Path(snapshot_download(text, revision=revision, allow_patterns=_HUB_PATTERNS))


# Write errors that mean "this disk cannot take the output" (rather than a bug): reported in one line.
_DISK_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EIO}


def _human_size(n: int) -> str:
    return f"{n / 1e9:.2f} GB" if n >= 1e8 else f"{n / 1e6:.1f} MB"


@contextlib.contextmanager
def _output_folder(output_dir: str | Path, *, overwrite: bool, needed_bytes: int) -> Iterator[Path]:
    """Yield the scratch folder of :func:`atomic_folder`; check the free space first and name a failed write.

    Raises:
        DeltaError: the disk has less than ``needed_bytes`` free, or a write failed (full disk, read-only...);
            the message names the file and the fix. Nothing is left behind either way.
    """
    output_dir = Path(output_dir)
    parent = next(p for p in (output_dir.absolute(), *output_dir.absolute().parents) if p.exists())
    free = shutil.disk_usage(parent).free
    if free < needed_bytes:
        raise DeltaError(
            f"Not enough disk space for {output_dir}: it needs about {_human_size(needed_bytes)} and {parent} has "
            f"{_human_size(free)} free. Free some space or choose another output folder (--out)."
        )
    try:
        with atomic_folder(output_dir, overwrite=overwrite) as tmp:
            yield tmp
    except OSError as exc:
        if exc.errno not in _DISK_ERRORS:
            raise
        name = output_dir / Path(exc.filename).name if exc.filename else output_dir
        raise DeltaError(
            f"Could not write {name}: {exc.strerror}. Nothing was left behind. Free some space on the disk of "
            f"{parent} (the output needs about {_human_size(needed_bytes)}) or choose another output folder (--out)."
        ) from exc


def _read_config(folder: Path) -> dict[str, Any]:
    config_file = folder / "config.json"
    if not config_file.is_file():
        raise FileNotFoundError(f"{folder} has no config.json; is it a Hugging Face model folder?")
    return json.loads(config_file.read_text(encoding="utf-8"))


def _vocab_size(config: dict[str, Any]) -> int | None:
    value = config.get("vocab_size")
    if value is None and isinstance(config.get("text_config"), dict):
        value = config["text_config"].get("vocab_size")
    return value


def _architecture(config: dict[str, Any]) -> str:
    return f"{config.get('model_type')} ({', '.join(config.get('architectures') or []) or 'no architectures'})"


def _tied_alias(name: str, base: dict[str, TensorInfo], shape: tuple[int, ...], config: dict) -> str | None:
    """Return the base tensor a tied ``lm_head`` reads from when the base checkpoint does not store it."""
    if not name.endswith("lm_head.weight") or not config.get("tie_word_embeddings", True):
        return None
    for candidate, info in base.items():
        if any(k in candidate for k in ("embed_tokens", "word_embeddings", "wte")) and info.shape[1:] == shape[1:]:
            return candidate
    return None


def _first(items) -> str:
    items = sorted(items)
    return ", ".join(items[:5]) + (f" (and {len(items) - 5} more)" if len(items) > 5 else "")


def _match_tensors(
    base: CheckpointReader, target: dict[str, TensorInfo], base_config: dict, *, what: str
) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    """Map each target tensor to its base tensor; check names and shapes; return (sources, grown rows).

    Raises:
        DeltaError: a name is missing on one side or a shape differs other than by added vocabulary rows.
    """
    sources: dict[str, str] = {}
    grown: dict[str, tuple[int, int]] = {}
    missing = []
    for name, info in target.items():
        source = name if name in base else _tied_alias(name, base.tensors, info.shape, base_config)
        if source is None:
            missing.append(name)
        else:
            sources[name] = source
    if missing:
        raise DeltaError(
            f"Parameter names differ: the {what} has {_first(missing)}, which the base {base.folder} lacks. "
            "The base is not the model this was made from (or a different architecture)."
        )
    unused = set(base.tensors) - set(sources.values())
    unused = {n for n in unused if not n.endswith("lm_head.weight")}  # an untied base head of a tied target
    if unused:
        raise DeltaError(
            f"Parameter names differ: the base {base.folder} has {_first(unused)}, which the {what} lacks."
        )
    for name, info in target.items():
        base_info = base.tensors[sources[name]]
        if base_info.shape == info.shape:
            continue
        if (
            len(info.shape) >= 1
            and base_info.shape[1:] == info.shape[1:]
            and base_info.shape[0] < info.shape[0]
            and base_info.shape[0] == _vocab_size(base_config)
        ):
            grown[name] = (base_info.shape[0], info.shape[0])  # a grown vocabulary: new rows stored whole
            continue
        raise DeltaError(
            f"Shapes differ for {name}: the base has {list(base_info.shape)}, the {what} {list(info.shape)}."
        )
    return sources, grown


def _side_files(source: Path) -> list[Path]:
    """Return the tokenizer, chat template and generation config files of a folder (not weights, card, training)."""
    from .hub import is_training_artefact

    return [
        item
        for item in sorted(source.iterdir())
        if item.is_file()
        and item.name not in _NOT_COPIED_NAMES
        and not item.name.endswith(_NOT_COPIED_SUFFIXES)
        and not is_training_artefact(item.name)
    ]


def _copy_side_files(source: Path, dest: Path) -> None:
    """Copy :func:`_side_files` of ``source`` into ``dest``."""
    for item in _side_files(source):
        shutil.copy2(item, dest / item.name)


def _compute_dtype(*dtypes: torch.dtype) -> torch.dtype:
    import torch

    return torch.float64 if torch.float64 in dtypes else torch.float32


def _sha_update(digest, block: torch.Tensor) -> None:
    digest.update(memoryview(block.contiguous().reshape(-1).view(torch_dtype("uint8")).numpy()))


def _fit_delta(
    delta: torch.Tensor, base: torch.Tensor, target: torch.Tensor, compute
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Move delta values by one ulp where that makes ``base + delta`` round to the target.

    Returns:
        ``(delta, misses)``: ``misses`` masks the values that still do not give the target back (None if none).
    """
    import torch

    def rebuilt(d):
        return (base.to(compute) + d.to(compute)).to(target.dtype)

    bad = rebuilt(delta) != target
    bad &= ~torch.isnan(target)
    if not bad.any():
        return delta, None
    for toward in (float("inf"), float("-inf")):
        idx = bad.nonzero(as_tuple=True)
        candidate = torch.nextafter(delta[idx], torch.full_like(delta[idx], toward))
        fixed = (base[idx].to(compute) + candidate.to(compute)).to(target.dtype) == target[idx]
        delta[tuple(i[fixed] for i in idx)] = candidate[fixed]
        bad[tuple(i[fixed] for i in idx)] = False
        if not bad.any():
            return delta, None
    return delta, bad


def _row_numel(block: torch.Tensor) -> int:
    return block[0].numel() if block.dim() else 1


def _write_exact(path: Path, fixes: dict[str, list[tuple[torch.Tensor, torch.Tensor]]]) -> int:
    """Write the target values that ``base + delta`` cannot give back (flat index and value per tensor)."""
    import torch
    from safetensors.torch import save_file

    tensors = {}
    for name, parts in fixes.items():
        tensors[f"{name}.index"] = torch.cat([index for index, _ in parts])
        tensors[f"{name}.value"] = torch.cat([value for _, value in parts])
    save_file(tensors, str(path), metadata={"format": "llmzoo-delta-exact"})
    return sum(int(t.numel()) for n, t in tensors.items() if n.endswith(".index"))


def _read_exact(path: Path) -> dict[str, tuple[torch.Tensor, torch.Tensor]]:
    """Read :data:`EXACT_FILE` into ``name -> (flat indices, target values)`` (empty when the delta has none)."""
    if not path.is_file():
        return {}
    from safetensors.torch import load_file

    try:
        tensors = load_file(str(path))
    except Exception as exc:  # safetensors' own SafetensorError for a damaged file
        raise DeltaError(f"{path} is not a complete safetensors file ({exc}); download or copy it again.") from exc
    names = {key.rsplit(".", 1)[0] for key in tensors}
    return {name: (tensors[f"{name}.index"], tensors[f"{name}.value"]) for name in names}


def _checksum_lines(entries: dict[str, dict[str, Any]]) -> str:
    lines = "".join(f"{n} {e['dtype']} {e['shape']} {e['sha256']}\n" for n, e in sorted(entries.items()))
    return "sha256:" + hashlib.sha256(lines.encode("utf-8")).hexdigest()


def _hash_rest(base: CheckpointReader, digests: dict[str, Any], done: set[str]) -> None:
    """Hash the base tensors that were not read in full while merging (e.g. an untied head)."""
    for name in base.names():
        if name in done:
            continue
        digest = hashlib.sha256()
        for start, stop in base.blocks(name, block_bytes=BLOCK_BYTES):
            _sha_update(digest, base.read(name, start, stop))
        digests[name] = digest
        done.add(name)


def base_checksum(base: str | Path, *, revision: str | None = None) -> str:
    """Return the checksum a delta records for its base (SHA-256 over every tensor's name, dtype, shape, bytes)."""
    reader = CheckpointReader(_local_folder(base, revision=revision))
    digests: dict[str, Any] = {}
    _hash_rest(reader, digests, set())
    return _checksum_lines(_entries(reader, digests))


def _entries(base: CheckpointReader, digests: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: {"dtype": info.dtype, "shape": list(info.shape), "sha256": digests[name].hexdigest()}
        for name, info in base.tensors.items()
    }


def _write_index(folder: Path, weight_map: dict[str, str], total_size: int) -> None:
    index = {"metadata": {"total_size": total_size}, "weight_map": weight_map}
    (folder / INDEX_FILE).write_text(json.dumps(index, indent=2) + "\n", encoding="utf-8")


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _stream_shards(
    tmp: Path,
    files: list[str],
    shards: list[list[tuple[str, tuple[int, ...], str]]],
    reader: CheckpointReader,
    base: CheckpointReader,
    sources: dict[str, str],
    copied: set[str],
    combine: Callable[[str, int, torch.Tensor, torch.Tensor, torch.dtype, torch.dtype], torch.Tensor],
    digests: dict[str, Any],
    on_base_tensor: Callable[[str], None] | None = None,
) -> set[str]:
    """Write ``reader``'s tensors, shard by shard and row block by row block, each combined with its base rows.

    The one streaming loop behind :func:`make_delta` (``combine`` subtracts) and :func:`apply_delta` (it adds):
    ``combine(name, start_row, rows, base_rows, compute_dtype, stored_dtype)`` gives the block to store; rows past the end of the
    base tensor (a grown vocabulary) and ``copied`` tensors are stored as they are. Each base tensor read is
    hashed into ``digests`` on the way, and ``on_base_tensor(name)`` is called once its hash is complete. An index
    file is written when there is more than one shard. Returns the names of the base tensors hashed.
    """
    hashed: set[str] = set()
    weight_map: dict[str, str] = {}
    total = 0
    for file, shard in zip(files, shards, strict=True):
        writer = ShardWriter(tmp / file, shard)
        try:
            for name, _, dtype_str in shard:
                weight_map[name] = file
                info, source = reader.tensors[name], sources[name]
                own = source == name
                digest = digests.setdefault(source, hashlib.sha256()) if own else None
                base_rows = base.tensors[source].shape[0] if info.shape else 1
                stored = torch_dtype(dtype_str)
                for start, stop in row_blocks(info, block_bytes=BLOCK_BYTES):
                    block = reader.read(name, start, stop) if info.shape else reader.read(name)
                    if name in copied:
                        writer.write(name, block)
                        continue
                    split = max(start, min(stop, base_rows))
                    if split > start:
                        base_block = base.read(source, start, split) if info.shape else base.read(source)
                        if digest is not None:
                            _sha_update(digest, base_block)
                        compute = _compute_dtype(base_block.dtype, block.dtype)
                        writer.write(name, combine(name, start, block[: split - start], base_block, compute, stored))
                    if stop > split:  # rows the base does not have (a grown vocabulary): stored whole
                        writer.write(name, block[split - start :].to(stored))
                if own:
                    hashed.add(source)
                    if on_base_tensor is not None:
                        on_base_tensor(source)
            writer.close()
        except BaseException:
            writer.abort()
            raise
        total += writer.total_bytes
    if len(files) > 1:
        _write_index(tmp, weight_map, total)
    return hashed


def _check_same_architecture(base_config: dict[str, Any], target_config: dict[str, Any]) -> None:
    """Refuse a base and a target of different model types."""
    if base_config.get("model_type") != target_config.get("model_type"):
        raise DeltaError(
            f"Architectures differ: the base is {_architecture(base_config)}, the target "
            f"{_architecture(target_config)}."
        )


def _delta_plan(
    b: CheckpointReader, t: CheckpointReader, sources: dict[str, str], dtype: str | None
) -> tuple[list[str], list[tuple[str, tuple[int, ...], str]]]:
    """Return the target tensors copied as they are (not float on both sides) and the (name, shape, dtype) plan."""
    out_dtype = {
        name: (dtype or info.dtype) if info.is_float and b.tensors[sources[name]].is_float else info.dtype
        for name, info in t.tensors.items()
    }
    copied = [name for name, info in t.tensors.items() if not (info.is_float and b.tensors[sources[name]].is_float)]
    return copied, [(name, info.shape, out_dtype[name]) for name, info in t.tensors.items()]


class _Subtraction:
    """``target - base`` block by block, keeping the target values a delta cannot give back (``fixes``)."""

    def __init__(self) -> None:
        self.inexact = 0  # values off by one rounding because the delta was asked narrower than the target
        self.fixes: dict[str, list[tuple[torch.Tensor, torch.Tensor]]] = {}

    def __call__(self, name, start, head, base_block, compute: torch.dtype, stored: torch.dtype) -> torch.Tensor:
        """Return the delta of one block (rows from ``start`` of tensor ``name``)."""
        delta = (head.to(compute) - base_block.to(compute)).to(stored)
        delta, misses = _fit_delta(delta, base_block, head, compute)
        if misses is None:
            return delta
        if stored != head.dtype:  # a narrower delta than the target: rounding is the price asked for
            self.inexact += int(misses.sum())
            return delta
        flat = misses.reshape(-1).nonzero().reshape(-1)
        self.fixes.setdefault(name, []).append((flat + start * _row_numel(head), head.reshape(-1)[flat].clone()))
        return delta


def make_delta(
    base: str | Path,
    target: str | Path,
    *,
    output_dir: str | Path,
    dtype: str | None = None,
    base_model_id: str | None = None,
    target_model_id: str | None = None,
    max_shard_size: str | int = "5GB",
    revision: str | None = None,
    overwrite: bool = False,
) -> DeltaResult:
    """Write ``target - base`` as a model folder with the target's config, tokenizer and a delta card.

    Args:
        base: folder or Hub id of the base model (e.g. ``huggyllama/llama-7b``).
        target: folder or Hub id of the fine-tuned model.
        output_dir: where the delta folder appears (atomically, when complete).
        dtype: dtype of the stored delta (``float32``, ``bfloat16``, ``float16``); default: the target's.
        base_model_id / target_model_id: the ids written into the stamp and card (default: ``base`` / ``target``
            as given).
        max_shard_size: largest shard written (``"5GB"``, ``"100MB"``); bigger output gets an index file.
        revision: Hub revision of ``base`` when it is a Hub id.
        overwrite: replace an existing ``output_dir``.

    Returns:
        A :class:`DeltaResult`, with the base checksum and the tensors whose vocabulary grew.

    Raises:
        DeltaError: the models differ in architecture, parameter names or shapes (the message names which).
    """

    base_dir, target_dir = _local_folder(base, revision=revision), _local_folder(target)
    for folder in (base_dir, target_dir):
        refuse_delta_folder(folder)
    base_config, target_config = _read_config(base_dir), _read_config(target_dir)
    _check_same_architecture(base_config, target_config)
    b, t = CheckpointReader(base_dir), CheckpointReader(target_dir)
    sources, grown = _match_tensors(b, t.tensors, base_config, what="target")
    copied, plan = _delta_plan(b, t, sources, dtype)
    shards = plan_shards(plan, max_shard_bytes=parse_size(max_shard_size))
    files = shard_file_names(len(shards))
    digests: dict[str, Any] = {}
    subtract = _Subtraction()
    fixes = subtract.fixes

    logger.info("Making a delta of %d tensors in %d shard(s) from %s - %s", len(plan), len(shards), target, base)
    needed = sum(_planned_bytes(shard) for shard in shards) + sum(f.stat().st_size for f in _side_files(target_dir))
    with _output_folder(output_dir, overwrite=overwrite, needed_bytes=needed) as tmp:
        hashed = _stream_shards(tmp, files, shards, t, b, sources, set(copied), subtract, digests)
        _hash_rest(b, digests, hashed)
        entries = _entries(b, digests)
        checksum = _checksum_lines(entries)
        stamp = DeltaStamp(
            format_version=DELTA_FORMAT_VERSION,
            base_model=base_model_id or str(base),
            base_checksum=checksum,
            target_model=target_model_id or str(target),
            base_vocab_size=_vocab_size(base_config),
            target_vocab_size=_vocab_size(target_config),
            base_dtype=_majority_dtype(b),
            target_dtype=_majority_dtype(t),
            delta_dtype=dtype or _majority_dtype(t),
            grown_tensors={name: list(rows) for name, rows in grown.items()},
            aliased_tensors={name: src for name, src in sources.items() if src != name},
            copied_tensors=copied,
            checksum_file=BASE_CHECKSUM_FILE,
            exact_file=EXACT_FILE if fixes else None,
        )
        config = dict(target_config)
        config[DELTA_CONFIG_KEY] = stamp.to_dict()
        _write_json(tmp / "config.json", config)
        _write_json(tmp / BASE_CHECKSUM_FILE, {"base_checksum": checksum, "tensors": entries})
        exact_fixes = _write_exact(tmp / EXACT_FILE, fixes) if fixes else 0
        _copy_side_files(target_dir, tmp)
        from .cards import build_delta_card

        card = build_delta_card(stamp.card_info(target_model_id or Path(str(output_dir)).name))
        card.save(tmp / "README.md")
    inexact = subtract.inexact
    if inexact:
        logger.warning(
            "%d delta values cannot give the target back exactly in %s; apply is within one rounding there.",
            inexact,
            dtype or "the target's dtype",
        )
    logger.info("%d values stored whole in %s so that apply gives the target back bit-exact", exact_fixes, EXACT_FILE)
    return DeltaResult(Path(output_dir), checksum, len(plan), files, grown, inexact, exact_fixes)


def _planned_bytes(shard: list[tuple[str, tuple[int, ...], str]]) -> int:
    total = 0
    for _, shape, dtype in shard:
        n = 1
        for dim in shape:
            n *= dim
        total += n * dtype_size(dtype)
    return total


def _majority_dtype(reader: CheckpointReader) -> str:
    """Return the dtype holding most bytes among the floating tensors of a checkpoint."""
    sizes: dict[str, int] = {}
    for info in reader.tensors.values():
        if info.is_float:
            sizes[info.dtype] = sizes.get(info.dtype, 0) + info.nbytes
    return max(sizes, key=sizes.get) if sizes else "float32"


def check_delta_compatibility(base: str | Path, delta: str | Path) -> list[str]:
    """Check, before merging, that ``base`` is the kind of model ``delta`` was made from; return warnings.

    Compares the architecture (``model_type`` / ``architectures``), the vocabulary size, the parameter names and
    the shapes against what the delta recorded of its base.

    Raises:
        DeltaError: naming the first thing that differs.
    """
    base_dir, delta_dir = Path(base), Path(delta)
    base_config, delta_config = _read_config(base_dir), _read_config(delta_dir)
    warnings = []
    if base_config.get("model_type") != delta_config.get("model_type") or (
        base_config.get("architectures")
        and delta_config.get("architectures")
        and base_config.get("architectures") != delta_config.get("architectures")
    ):
        raise DeltaError(
            f"Architecture differs: the base {base_dir} is {_architecture(base_config)}, the delta {delta_dir} "
            f"was made for {_architecture(delta_config)}."
        )
    stamp = read_delta_stamp(delta_dir) or DeltaStamp()
    expected_vocab = stamp.base_vocab_size
    if expected_vocab is not None and _vocab_size(base_config) != expected_vocab:
        raise DeltaError(
            f"Vocabulary size differs: the base {base_dir} has vocab_size={_vocab_size(base_config)}, the delta "
            f"was made from a base with {expected_vocab} (target: {stamp.target_vocab_size}). Use the exact "
            f"base {stamp.base_model}."
        )
    b = CheckpointReader(base_dir)
    record_file = delta_dir / stamp.checksum_file
    if record_file.is_file():
        recorded = json.loads(record_file.read_text(encoding="utf-8"))["tensors"]
        missing, extra = set(recorded) - set(b.tensors), set(b.tensors) - set(recorded)
        if missing:
            raise DeltaError(f"Parameter names differ: the base {base_dir} lacks {_first(missing)}.")
        if extra:
            raise DeltaError(f"Parameter names differ: the base {base_dir} has {_first(extra)}, unknown to the delta.")
        for name, entry in recorded.items():
            if list(b.tensors[name].shape) != entry["shape"]:
                raise DeltaError(
                    f"Shapes differ for {name}: the base {base_dir} has {list(b.tensors[name].shape)}, the delta "
                    f"was made from {entry['shape']}."
                )
            if b.tensors[name].dtype != entry["dtype"]:
                warnings.append(
                    f"{name} is {b.tensors[name].dtype} in the base but was {entry['dtype']} when the delta was made."
                )
    else:
        warnings.append(f"{delta_dir} has no {BASE_CHECKSUM_FILE} (not made by llmzoo): the base is not verified.")
    d = CheckpointReader(delta_dir)
    _match_tensors(b, d.tensors, base_config, what="delta")
    return warnings


def apply_delta(
    base: str | Path,
    delta: str | Path,
    *,
    output_dir: str | Path,
    dtype: str | None = None,
    force: bool = False,
    max_shard_size: str | int = "5GB",
    revision: str | None = None,
    overwrite: bool = False,
) -> DeltaResult:
    """Add a delta folder to its base and write the target model (atomically).

    Args:
        base: folder or Hub id of the base model the delta was made from.
        delta: folder or Hub id of the delta weights.
        output_dir: where the merged model appears, when complete.
        dtype: dtype of the merged weights; default: the target's dtype recorded in the delta.
        force: merge even when the base's checksum differs from the recorded one (shapes must still match).
        max_shard_size: largest shard written.
        revision: Hub revision of ``base``.
        overwrite: replace an existing ``output_dir``.

    Raises:
        DeltaError: the base differs from the one the delta was made from (architecture, vocabulary size, names,
            shapes, or the bytes of a tensor: the message names the first differing tensor).
    """

    base_dir, delta_dir = _local_folder(base, revision=revision), _local_folder(delta)
    refuse_delta_folder(base_dir)
    for warning in check_delta_compatibility(base_dir, delta_dir):
        logger.warning(warning)
    stamp = read_delta_stamp(delta_dir) or DeltaStamp()
    b, d = CheckpointReader(base_dir), CheckpointReader(delta_dir)
    base_config = _read_config(base_dir)
    sources, _ = _match_tensors(b, d.tensors, base_config, what="delta")
    record_file = delta_dir / stamp.checksum_file
    recorded = json.loads(record_file.read_text(encoding="utf-8"))["tensors"] if record_file.is_file() else {}
    copied = set(stamp.copied_tensors)
    default_dtype = dtype or stamp.target_dtype
    out_dtype = {
        name: (default_dtype or info.dtype) if info.is_float and name not in copied else info.dtype
        for name, info in d.tensors.items()
    }
    plan = [(name, info.shape, out_dtype[name]) for name, info in d.tensors.items()]
    shards = plan_shards(plan, max_shard_bytes=parse_size(max_shard_size))
    files = shard_file_names(len(shards))
    digests: dict[str, Any] = {}

    def verify(name: str) -> None:
        entry = recorded.get(name)
        if entry is None or digests[name].hexdigest() == entry["sha256"]:
            return
        message = (
            f"The base differs from the one the delta was made from: tensor {name} has other values "
            f"(sha256 {digests[name].hexdigest()[:12]}, expected {entry['sha256'][:12]}"
            + (
                f"; dtype {b.tensors[name].dtype}, expected {entry['dtype']}"
                if b.tensors[name].dtype != entry["dtype"]
                else ""
            )
            + f"). The delta needs {stamp.base_model or 'its original base'}."
        )
        if not force:
            raise DeltaError(message + " Pass force=True (--force) to merge anyway.")
        logger.warning("%s Merging anyway (force).", message)

    logger.info("Applying %s to %s: %d tensors, %d shard(s)", delta, base, len(plan), len(shards))

    exact = _read_exact(delta_dir / (stamp.exact_file or EXACT_FILE))

    def add(name, start, head, base_block, compute: torch.dtype, out: torch.dtype) -> torch.Tensor:
        merged = (base_block.to(compute) + head.to(compute)).to(out).contiguous()
        if name in exact:  # the few target values the sum cannot give back, stored whole by make
            index, value = exact[name]
            low = start * _row_numel(merged)
            here = (index >= low) & (index < low + merged.numel())
            merged.view(-1)[index[here] - low] = value[here].to(out)
        return merged

    needed = sum(_planned_bytes(shard) for shard in shards) + sum(f.stat().st_size for f in _side_files(delta_dir))
    with _output_folder(output_dir, overwrite=overwrite, needed_bytes=needed) as tmp:
        hashed = _stream_shards(tmp, files, shards, d, b, sources, copied, add, digests, on_base_tensor=verify)
        if recorded:
            rest = set(b.tensors) - hashed
            _hash_rest(b, digests, hashed)
            for name in sorted(rest):
                verify(name)
        config = _read_config(delta_dir)
        config.pop(DELTA_CONFIG_KEY, None)
        if default_dtype:
            config["dtype"] = default_dtype
        _write_json(tmp / "config.json", config)
        _copy_side_files(delta_dir, tmp)
    checksum = _checksum_lines(_entries(b, digests)) if set(digests) >= set(b.tensors) else ""
    return DeltaResult(Path(output_dir), checksum, len(plan), files, {})

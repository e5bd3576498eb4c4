"""Read and write safetensors checkpoints one tensor (or one block of rows) at a time.

:class:`CheckpointReader` opens a single- or multi-shard checkpoint (``model.safetensors`` or
``model.safetensors.index.json``) with ``safetensors.safe_open`` and reads rows ``[start, stop)`` of a tensor,
closing the file after each read: ``safe_open`` memory-maps the file and every page it touched counts in the
process's resident memory until the map is closed, so keeping files open would grow the footprint to a whole
shard. :class:`ShardWriter` writes a safetensors file whose header is known in advance and whose tensor bytes
arrive in order, block by block, so a shard is never held in memory either.
"""

from __future__ import annotations

import contextlib
import json
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import torch

SINGLE_FILE = "model.safetensors"
INDEX_FILE = "model.safetensors.index.json"

# safetensors dtype code -> (torch dtype name, bytes per element)
_DTYPES = {
    "F64": ("float64", 8),
    "F32": ("float32", 4),
    "F16": ("float16", 2),
    "BF16": ("bfloat16", 2),
    "I64": ("int64", 8),
    "I32": ("int32", 4),
    "I16": ("int16", 2),
    "I8": ("int8", 1),
    "U8": ("uint8", 1),
    "BOOL": ("bool", 1),
}
_CODES = {name: code for code, (name, _) in _DTYPES.items()}


@dataclass(frozen=True)
class TensorInfo:
    """Name, shape and dtype of one stored tensor, and the shard file that holds it."""

    name: str
    shape: tuple[int, ...]
    dtype: str  # torch dtype name, e.g. "float32"
    file: str

    @property
    def numel(self) -> int:
        n = 1
        for dim in self.shape:
            n *= dim
        return n

    @property
    def nbytes(self) -> int:
        return self.numel * dtype_size(self.dtype)

    @property
    def is_float(self) -> bool:
        return self.dtype in ("float64", "float32", "float16", "bfloat16")


def dtype_size(dtype: str) -> int:
    """Return the bytes per element of a torch dtype name."""
    for name, size in _DTYPES.values():
        if name == dtype:
            return size
    raise ValueError(f"Unsupported tensor dtype {dtype!r}; expected one of {sorted(_CODES)}.")


def torch_dtype(name: str) -> torch.dtype:
    """Return the torch dtype called ``name`` (``float32``, ``bfloat16``...)."""
    import torch

    dtype = getattr(torch, name, None)
    if not isinstance(dtype, torch.dtype):
        raise ValueError(f"{name!r} is not a torch dtype; use float32, bfloat16 or float16.")
    return dtype


class CheckpointReader:
    """The tensors of a safetensors checkpoint folder, single file or sharded with an index."""

    def __init__(self, folder: str | Path):
        from safetensors import safe_open

        self.folder = Path(folder)
        index = self.folder / INDEX_FILE
        if index.is_file():
            weight_map: dict[str, str] = json.loads(index.read_text(encoding="utf-8"))["weight_map"]
            files = list(dict.fromkeys(weight_map.values()))
        elif (self.folder / SINGLE_FILE).is_file():
            files = [SINGLE_FILE]
        else:
            others = sorted(p.name for p in self.folder.glob("*.bin")) if self.folder.is_dir() else []
            hint = (
                f" It holds {others}: convert it with `AutoModelForCausalLM.from_pretrained(...).save_pretrained(...)`,"
                " which writes safetensors."
                if others
                else ""
            )
            raise FileNotFoundError(f"No {SINGLE_FILE} or {INDEX_FILE} in {self.folder}.{hint}")
        self.tensors: dict[str, TensorInfo] = {}
        for file in files:
            path = self.folder / file
            if not path.is_file():
                raise FileNotFoundError(f"{index} names the shard {file}, which is missing from {self.folder}.")
            try:
                handle_cm = safe_open(path, framework="pt")
            except Exception as exc:  # safetensors raises its own SafetensorError for a damaged file
                raise ValueError(
                    f"{path} is not a complete safetensors file ({exc}); it is probably truncated (an interrupted "
                    "download or copy). Download or copy it again."
                ) from exc
            with handle_cm as handle:
                for name in handle.keys():
                    piece = handle.get_slice(name)
                    code = piece.get_dtype()
                    if code not in _DTYPES:
                        raise ValueError(f"{path}: tensor {name} has dtype {code}, which llmzoo_hf cannot process.")
                    self.tensors[name] = TensorInfo(name, tuple(piece.get_shape()), _DTYPES[code][0], file)
        self.files = files

    def __contains__(self, name: str) -> bool:
        return name in self.tensors

    def names(self) -> list[str]:
        """Return the tensor names in storage order (shard by shard)."""
        return list(self.tensors)

    def read(self, name: str, start: int | None = None, stop: int | None = None) -> torch.Tensor:
        """Return rows ``[start, stop)`` of tensor ``name`` (the whole tensor by default) as a new tensor."""
        from safetensors import safe_open

        info = self.tensors[name]
        with safe_open(self.folder / info.file, framework="pt") as handle:
            if start is None and stop is None:
                return handle.get_tensor(name)
            return handle.get_slice(name)[start:stop]

    def blocks(self, name: str, *, block_bytes: int) -> Iterator[tuple[int, int]]:
        """Yield ``(start, stop)`` row ranges of about ``block_bytes`` covering tensor ``name``."""
        yield from row_blocks(self.tensors[name], block_bytes=block_bytes)


def row_blocks(info: TensorInfo, *, block_bytes: int, rows: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, stop)`` row ranges of about ``block_bytes`` over the first ``rows`` rows of a tensor."""
    total_rows = info.shape[0] if info.shape else 1
    rows = total_rows if rows is None else rows
    row_bytes = max(1, info.nbytes // max(1, total_rows))
    step = max(1, block_bytes // row_bytes)
    for start in range(0, rows, step):
        yield start, min(rows, start + step)


class ShardWriter:
    """Write one safetensors file whose tensors (names, shapes, dtypes) are declared up front.

    The bytes of each tensor are then appended in declaration order with :meth:`write`, one block of rows at a
    time; :meth:`close` checks that every declared byte was written.
    """

    def __init__(self, path: str | Path, tensors: list[tuple[str, tuple[int, ...], str]], *, metadata=None):
        self.path = Path(path)
        header: dict[str, dict] = {"__metadata__": dict(metadata or {"format": "pt"})}
        offset = 0
        self._sizes: list[tuple[str, int]] = []
        for name, shape, dtype in tensors:
            n = 1
            for dim in shape:
                n *= dim
            size = n * dtype_size(dtype)
            header[name] = {"dtype": _CODES[dtype], "shape": list(shape), "data_offsets": [offset, offset + size]}
            self._sizes.append((name, size))
            offset += size
        raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
        raw += b" " * (-len(raw) % 8)  # the format pads the header to an 8-byte boundary
        self._file: BinaryIO = self.path.open("wb")
        try:
            self._file.write(struct.pack("<Q", len(raw)))
            self._file.write(raw)
        except OSError as exc:
            self._file.close()
            raise OSError(exc.errno, exc.strerror or str(exc), str(self.path)) from exc
        self._index = 0
        self._written = 0
        self.total_bytes = offset

    def write(self, name: str, block: torch.Tensor) -> None:
        """Append the bytes of ``block`` (rows of tensor ``name``, already in its declared dtype)."""
        expected, size = self._sizes[self._index]
        if name != expected:
            raise RuntimeError(f"{self.path}: got bytes of {name} while {expected} is not complete.")
        data = block.contiguous().reshape(-1).view(torch_dtype("uint8")).numpy()
        try:
            self._file.write(memoryview(data))
        except OSError as exc:  # e.g. a full disk: say which file could not be written
            raise OSError(exc.errno, exc.strerror or str(exc), str(self.path)) from exc
        self._written += data.nbytes
        if self._written > size:
            raise RuntimeError(f"{self.path}: {name} got {self._written} bytes, more than its {size}.")
        if self._written == size:
            self._index += 1
            self._written = 0

    def close(self) -> None:
        """Close the file; raise if a declared tensor is incomplete."""
        try:
            self._file.close()  # flushes the last buffered bytes, which may not fit on the disk either
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror or str(exc), str(self.path)) from exc
        if self._index != len(self._sizes):
            name = self._sizes[self._index][0]
            raise RuntimeError(f"{self.path}: tensor {name} was declared but not fully written.")

    def abort(self) -> None:
        """Close the file without checks (the caller deletes the folder)."""
        with contextlib.suppress(OSError):  # the write already failed and is reported; the folder goes next
            self._file.close()


def plan_shards(tensors: list[tuple[str, tuple[int, ...], str]], *, max_shard_bytes: int) -> list[list]:
    """Group tensors, in order, into shards of at most ``max_shard_bytes`` (a bigger tensor gets its own)."""
    shards: list[list] = []
    current: list = []
    current_bytes = 0
    for name, shape, dtype in tensors:
        n = 1
        for dim in shape:
            n *= dim
        size = n * dtype_size(dtype)
        if current and current_bytes + size > max_shard_bytes:
            shards.append(current)
            current, current_bytes = [], 0
        current.append((name, shape, dtype))
        current_bytes += size
    if current:
        shards.append(current)
    return shards


def shard_file_names(count: int) -> list[str]:
    """Return the Hugging Face shard names for ``count`` shards (``model.safetensors`` when there is one)."""
    if count == 1:
        return [SINGLE_FILE]
    return [f"model-{i:05d}-of-{count:05d}.safetensors" for i in range(1, count + 1)]


def parse_size(size: str | int) -> int:
    """Return a byte count from ``"100MB"``, ``"5GB"``, ``"512KiB"`` or an int."""
    if isinstance(size, int):
        return size
    text = size.strip().upper().replace(" ", "")
    units = {"KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30, "KB": 10**3, "MB": 10**6, "GB": 10**9, "B": 1}
    unit = next((u for u in units if text.endswith(u)), "")
    number, factor = (text[: -len(unit)], units[unit]) if unit else (text, 1)
    try:
        value = int(float(number) * factor)
    except ValueError:
        raise ValueError(f"Cannot read the size {size!r}; write it like 100MB, 5GB or 512MiB.") from None
    if value <= 0:
        raise ValueError(f"Size {size!r} must be positive.")
    return value

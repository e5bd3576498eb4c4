"""Quantised variants of a chat model: bitsandbytes int8 / NF4 int4 folders, and GPTQ int4 for TGI and vLLM.

bitsandbytes variants are made by loading the model quantised (``load_model_and_tokenizer(..., load_in_8bit /
load_in_4bit)``) and saving it **before any forward pass**: on CPU, bitsandbytes repacks 4-bit weights during the
first forward, and a model saved after that reloads as garbage. The saved folder carries its
``quantization_config``, so ``load_chat(folder)`` loads it quantised again.

GPTQ needs the optional ``gptqmodel`` package (``pip install 'llmzoo-hf[gptq]'``, which pulls a CUDA build of
torch) and a CUDA GPU. Its group size must divide every linear layer's ``in_features``: 64 for SmolLM2-135M
(hidden 576, MLP 1536), 128 for LLaMA-7B (4096, 11008).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ._atomic import atomic_folder
from ._embedded import EMBEDDED_HUB_ID
from .errors import ConfigError, require

logger = logging.getLogger(__name__)

METHODS = ("int8", "nf4", "gptq")
_CARD_METHODS = {"int8": ("bnb-int8", 8), "nf4": ("bnb-nf4", 4), "gptq": ("gptq", 4)}
# A few sentences in several languages: enough to calibrate GPTQ's error correction on a small model; pass
# ``calibration_texts`` drawn from your training data for a real release.
DEFAULT_CALIBRATION = [
    "The capital of France is Paris, a city known for its museums and cafés.",
    "Write a short poem about the sea and the wind.",
    "人工智能正在改变我们的生活方式和工作方式。",
    "El aprendizaje automático permite a las computadoras aprender de los datos.",
    "La photosynthèse transforme la lumière du soleil en énergie chimique.",
    "Искусственный интеллект помогает врачам ставить диагнозы.",
    "الذكاء الاصطناعي يساعد الأطباء في تشخيص الأمراض.",
    "कृत्रिम बुद्धिमत्ता डॉक्टरों को बीमारियों का निदान करने में मदद करती है।",
    "def fibonacci(n):\n    return n if n < 2 else fibonacci(n - 1) + fibonacci(n - 2)",
    "Human: What is the boiling point of water?\nAssistant: 100 degrees Celsius at sea level.",
]


@dataclass(frozen=True)
class QuantizeResult:
    """What :func:`quantize_model` wrote."""

    output_dir: Path
    method: str
    bits: int


def check_group_size(config, group_size: int) -> None:
    """Raise :class:`ConfigError` unless ``group_size`` divides the model's linear-layer input sizes."""
    sizes = {
        key: getattr(config, key)
        for key in ("hidden_size", "intermediate_size")
        if isinstance(getattr(config, key, None), int)
    }
    bad = {key: size for key, size in sizes.items() if size % group_size}
    if bad:
        fits = [g for g in (128, 64, 32, 16) if all(size % g == 0 for size in sizes.values())]
        raise ConfigError(
            f"group_size={group_size} does not divide the layers' in_features "
            + ", ".join(f"{k}={v}" for k, v in bad.items())
            + (f"; use group_size={fits[0]}." if fits else ".")
        )


def quantize_model(
    model: str | Path | None,
    *,
    output_dir: str | Path,
    method: str = "nf4",
    model_id: str | None = None,
    base_model_id: str | None = None,
    group_size: int = 128,
    calibration_texts: list[str] | None = None,
    revision: str | None = None,
    overwrite: bool = False,
) -> QuantizeResult:
    """Write a quantised copy of ``model`` (weights, tokenizer, quantised-model card) to ``output_dir``.

    Args:
        model: folder or Hub id of the full-precision model; ``None`` is the embedded SmolLM2-135M-Instruct.
        output_dir: where the quantised folder appears, when complete.
        method: ``int8`` (bitsandbytes LLM.int8()), ``nf4`` (bitsandbytes 4-bit NF4, double quant) or ``gptq``.
        model_id: Hub id of the quantised repo, for the card (default: the folder name).
        base_model_id: Hub id of ``model`` for the card's ``base_model`` (default: ``model`` as given; a local
            folder is left out of the card's metadata).
        group_size: GPTQ group size; must divide every layer's in_features.
        calibration_texts: GPTQ calibration texts (default: a few multilingual sentences).
        revision: Hub revision of ``model``.
        overwrite: replace an existing ``output_dir``.

    Raises:
        ConfigError: unknown method, GPTQ without a CUDA GPU, or a group size that does not divide in_features.
        MissingExtraError: bitsandbytes (``quant`` extra) or gptqmodel (``gptq`` extra) is not installed.
    """
    if method not in METHODS:
        raise ConfigError(f"method={method!r}; expected one of {METHODS}.")
    output_dir = Path(output_dir)
    with atomic_folder(output_dir, overwrite=overwrite) as tmp:
        if method == "gptq":
            _quantize_gptq(model, tmp, group_size, calibration_texts or DEFAULT_CALIBRATION, revision)
        else:
            _quantize_bnb(model, tmp, method, revision)
        from .cards import QuantizedCardInfo, build_quantized_card

        card_method, bits = _CARD_METHODS[method]
        details = {"group size": group_size} if method == "gptq" else {}
        if method == "nf4":
            details = {"quant type": "nf4", "double quant": True}
        build_quantized_card(
            QuantizedCardInfo(
                model_id=model_id or output_dir.name,
                base_model=base_model_id or (str(model) if model is not None else EMBEDDED_HUB_ID),
                method=card_method,
                bits=bits,
                details=details,
            )
        ).save(tmp / "README.md")
    return QuantizeResult(output_dir, method, _CARD_METHODS[method][1])


def _quantize_bnb(model: str | Path, out: Path, method: str, revision: str | None) -> None:
    from transformers import AutoTokenizer

    from .chat import load_model_and_tokenizer

    quantized, _, resolved = load_model_and_tokenizer(
        model, revision=revision, load_in_8bit=method == "int8", load_in_4bit=method == "nf4"
    )
    # Save before anything runs a forward pass: bitsandbytes repacks 4-bit weights on the first CPU forward.
    quantized.save_pretrained(out)
    # A fresh tokenizer: the inference one was switched to left padding with pad = eos.
    AutoTokenizer.from_pretrained(resolved.path, revision=resolved.revision).save_pretrained(out)
    logger.info("Saved %s %s weights to %s", model, method, out)


def _quantize_gptq(model, out: Path, group_size: int, texts: list[str], revision: str | None) -> None:
    import torch
    from transformers import AutoConfig, AutoTokenizer

    from .chat import resolve_model

    gptqmodel = require("gptqmodel", extra="gptq", feature="GPTQ quantisation")
    if not torch.cuda.is_available():
        raise ConfigError(
            "GPTQ quantisation needs a CUDA GPU, and none is visible. Run `llmzoo quantize --method gptq` on a GPU "
            "machine, or use --method nf4 / int8 (bitsandbytes), which also run on CPU."
        )
    resolved = resolve_model(model, revision=revision)
    check_group_size(AutoConfig.from_pretrained(resolved.path, revision=resolved.revision), group_size)
    config = gptqmodel.QuantizeConfig(bits=4, group_size=group_size)
    quantizer = gptqmodel.GPTQModel.load(resolved.path, config)
    tokenizer = AutoTokenizer.from_pretrained(resolved.path, revision=resolved.revision)
    quantizer.quantize(texts, batch_size=1)
    quantizer.save(str(out))
    tokenizer.save_pretrained(out)

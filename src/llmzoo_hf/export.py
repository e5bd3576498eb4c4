"""Export a LLaMA-architecture chat model (Chimera, the embedded SmolLM2) to one GGUF file for llama.cpp and its
descendants (Ollama, LM Studio, llama-cpp-python), with the tokenizer, special tokens and chat template inside.

:func:`export_gguf` streams the safetensors checkpoint tensor by tensor: every tensor's header entry is declared
first (names, shapes and types are known from the safetensors headers), then each tensor is read, converted and
appended, so memory stays at about one tensor above the interpreter, as in ``delta apply``. The GGUF writing,
tensor names (``gguf.get_tensor_name_map``) and quantisation (``gguf.quants``) are the ``gguf`` package's, the one
llama.cpp publishes.

Types: ``f32``, ``f16``, ``bf16``, ``q8_0`` and ``q4_0`` (the numpy block quantisers of ``gguf.quants``, which
match llama.cpp's reference ones). 1-D tensors (norms) always stay f32, as llama.cpp keeps them. With ``q4_0`` the
token embedding and the output head are ``q8_0``: they are the most sensitive to rounding. A 2-D tensor whose rows
are not a whole number of 32-value blocks falls back to f16.

Two facts of the format that a converter must get right:

- llama.cpp applies rotary embeddings to adjacent pairs of a head's dimensions, Hugging Face LLaMA checkpoints to
  its two halves; the q and k projection rows are therefore reordered per head (:func:`permute_qk`), and a loader
  (llama.cpp, transformers' ``gguf_file=``) undoes it.
- Byte-level BPE vocabularies (GPT-2 style, as SmolLM2's) are written as ``tokenizer.ggml.model = gpt2`` with their
  merges; SentencePiece-style ones (LLaMA / Mistral, byte-fallback BPE) as ``llama`` with scores and byte tokens.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .templates import get_inference_chat_template

logger = logging.getLogger(__name__)

GGUF_TYPES = ("f32", "f16", "bf16", "q8_0", "q4_0")
SUPPORTED_MODEL_TYPES = ("llama", "mistral")
_BYTE_PIECE = re.compile(r"^<0x([0-9A-Fa-f]{2})>$")


@dataclass
class GGUFExportConfig:
    """Options of ``llmzoo export gguf`` (the model is the positional argument)."""

    out: str = field(default="", metadata={"help": "The .gguf file to write; its folder gets the README.md card."})
    type: str = field(
        default="f16",
        metadata={"help": "Tensor type (q4_0 keeps the embedding and output head q8_0).", "choices": GGUF_TYPES},
    )
    model_id: str | None = field(default=None, metadata={"help": "Hub id of the GGUF repo, for the card."})
    base_model_id: str | None = field(
        default=None, metadata={"help": "Hub id of the exported model, for the card's base_model."}
    )
    overwrite: bool = field(default=False, metadata={"help": "Replace --out if it exists."})

    def __post_init__(self) -> None:
        if self.type not in GGUF_TYPES:
            raise ConfigError(f"type={self.type!r}; expected one of {', '.join(GGUF_TYPES)}.")


@dataclass(frozen=True)
class GGUFExportResult:
    """What :func:`export_gguf` wrote."""

    path: Path
    type: str
    tensors: int
    file_bytes: int
    card_path: Path | None
    tensor_types: dict[str, str] = field(default_factory=dict)


def permute_qk(weight, n_head: int):
    """Reorder the rows of a q/k projection (or bias) from Hugging Face's rotary layout to llama.cpp's.

    Each head's rows hold two halves ``[x_0..x_{d/2-1}, y_0..y_{d/2-1}]`` rotated as pairs ``(x_i, y_i)``;
    llama.cpp wants them interleaved ``[x_0, y_0, x_1, y_1, ...]``. ``n_head`` is the number of heads the
    projection has (the kv heads for k).
    """
    shape = weight.shape
    # (n_head, 2 halves, d/2, ...) -> (n_head, d/2, 2, ...): interleave the two halves of each head.
    return weight.reshape(n_head, 2, shape[0] // n_head // 2, *shape[1:]).swapaxes(1, 2).reshape(shape)


# ------------------------------------------------------------------------------------------------ tokenizer


@dataclass
class GGUFVocab:
    """The vocabulary as GGUF stores it."""

    model: str  # "gpt2" or "llama"
    pre: str | None
    tokens: list[str]
    token_types: list[int]
    merges: list[str]
    scores: list[float] | None = None
    add_space_prefix: bool | None = None


def _pre_tokenizer_name(pre: dict | None) -> str:
    """Name llama.cpp's pre-tokenizer (``tokenizer.ggml.pre``) from a tokenizer.json ``pre_tokenizer``."""
    steps = (pre.get("pretokenizers") or []) if pre and pre.get("type") == "Sequence" else [pre] if pre else []
    kinds = [step.get("type") for step in steps]
    if kinds == ["ByteLevel"] and steps[0].get("use_regex", True):
        return "gpt-2"
    if kinds[:1] == ["Digits"] and kinds[1:] == ["ByteLevel"] and steps[0].get("individual_digits"):
        return "smollm"  # GPT-2's split after each digit stands alone
    if kinds[:1] == ["Split"] and "\\p{N}{1,3}" in json.dumps(steps[0].get("pattern")):
        return "llama-bpe"  # LLaMA 3's split (numbers in groups of up to three digits)
    logger.warning("Unknown pre-tokenizer %s; writing tokenizer.ggml.pre=default.", kinds)
    return "default"


def _sentencepiece_scores(folder: Path, tokens: list[str]) -> list[float] | None:
    model_file = folder / "tokenizer.model"
    if not model_file.is_file():
        return None
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))
    return [processor.get_score(i) if i < processor.get_piece_size() else 0.0 for i in range(len(tokens))]


def build_vocab(tokenizer, *, vocab_size: int, folder: Path | None = None) -> GGUFVocab:
    """Return the GGUF vocabulary of a fast transformers tokenizer, padded to the model's ``vocab_size``.

    Raises:
        ConfigError: the tokenizer is neither byte-level BPE nor byte-fallback (SentencePiece-style) BPE, or it
            has more tokens than the model's embedding rows.
    """
    if not getattr(tokenizer, "is_fast", False):
        raise ConfigError(f"{type(tokenizer).__name__} is not a fast tokenizer; GGUF export reads tokenizer.json.")
    data = json.loads(tokenizer.backend_tokenizer.to_str())
    model = data["model"]
    if model.get("type") != "BPE":
        raise ConfigError(f"The tokenizer's model is {model.get('type')}; GGUF export handles BPE vocabularies.")
    id_to_token: dict[int, str] = {index: token for token, index in model["vocab"].items()}
    special_ids = set()
    user_ids = set()
    for added in data.get("added_tokens") or []:
        id_to_token[added["id"]] = added["content"]
        (special_ids if added.get("special") else user_ids).add(added["id"])
    size = max(id_to_token) + 1
    if size > vocab_size:
        raise ConfigError(f"The tokenizer has {size} tokens but the model only {vocab_size} embedding rows.")
    byte_fallback = bool(model.get("byte_fallback"))
    unk_id = tokenizer.unk_token_id
    tokens: list[str] = []
    types: list[int] = []
    for index in range(vocab_size):
        token = id_to_token.get(index)
        if token is None:  # embedding rows past the vocabulary (padded to a multiple of 64 or so)
            tokens.append(f"[PAD{index}]")
            types.append(5)  # UNUSED
            continue
        tokens.append(token)
        if index in special_ids:
            types.append(2 if index == unk_id and byte_fallback else 3)  # UNKNOWN / CONTROL
        elif index in user_ids:
            types.append(4)  # USER_DEFINED
        elif byte_fallback and _BYTE_PIECE.match(token):
            types.append(6)  # BYTE
        else:
            types.append(1)  # NORMAL
    merges = [m if isinstance(m, str) else " ".join(m) for m in model.get("merges") or []]
    if not byte_fallback:
        return GGUFVocab("gpt2", _pre_tokenizer_name(data.get("pre_tokenizer")), tokens, types, merges)
    # SentencePiece-style: scores order the merges (exact from tokenizer.model when present, else by id, which is
    # the order SentencePiece's BPE trainer gives its pieces).
    scores = (folder and _sentencepiece_scores(folder, tokens)) or [-float(i) for i in range(len(tokens))]
    # SentencePiece's dummy prefix: a normalizer that prepends "▁", or a Metaspace that prepends to the first word.
    pre = data.get("pre_tokenizer") or {}
    prefix = "Prepend" in json.dumps(data.get("normalizer")) or any(
        p.get("type") == "Metaspace" and p.get("prepend_scheme", "always") in ("first", "always")
        for p in [pre, *pre.get("pretokenizers", [])]
    )
    return GGUFVocab("llama", None, tokens, types, merges, scores, prefix)


# -------------------------------------------------------------------------------------------------- weights


def _tensor_plan(reader, config: dict, gguf_type: str):
    """Return ``[(hf_name, gguf_name, quant type, transform)]`` for every tensor, in storage order."""
    import gguf

    n_layers = int(config["num_hidden_layers"])
    names = gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, n_layers)
    n_head = int(config["num_attention_heads"])
    n_kv = int(config.get("num_key_value_heads") or n_head)
    Q = gguf.GGMLQuantizationType
    wanted = {"f32": Q.F32, "f16": Q.F16, "bf16": Q.BF16, "q8_0": Q.Q8_0, "q4_0": Q.Q4_0}[gguf_type]
    plan = []
    for name in reader.names():
        if name.endswith("rotary_emb.inv_freq"):
            continue  # recomputed from rope_theta by every loader
        gguf_name = names.get_name(name, try_suffixes=(".weight", ".bias"))
        if gguf_name is None:
            raise ConfigError(f"Tensor {name} has no GGUF name for the LLaMA architecture; cannot export it.")
        info = reader.tensors[name]
        qtype = wanted
        if len(info.shape) < 2:
            qtype = Q.F32
        elif gguf_type == "q4_0" and gguf_name in ("token_embd.weight", "output.weight"):
            qtype = Q.Q8_0
        if qtype in (Q.Q8_0, Q.Q4_0) and info.shape[-1] % gguf.GGML_QUANT_SIZES[qtype][0]:
            logger.info("%s: rows of %d values are not whole blocks; writing it as f16.", name, info.shape[-1])
            qtype = Q.F16
        heads = n_head if ".attn_q." in gguf_name else n_kv if ".attn_k." in gguf_name else None
        plan.append((name, gguf_name, qtype, heads))
    return plan


def _convert(tensor, qtype, heads: int | None):
    """Return the numpy array written for one tensor (permuted for q/k, then cast or block-quantised)."""
    import gguf
    import numpy as np

    data = tensor.float().numpy()
    if heads is not None:
        data = permute_qk(data, heads)
    if qtype == gguf.GGMLQuantizationType.F32:
        return np.ascontiguousarray(data, dtype=np.float32)
    if qtype == gguf.GGMLQuantizationType.F16:
        return np.ascontiguousarray(data, dtype=np.float16)
    return gguf.quants.quantize(np.ascontiguousarray(data), qtype)


def _declare(writer, gguf_name: str, shape: tuple[int, ...], qtype) -> None:
    import gguf
    import numpy as np

    Q = gguf.GGMLQuantizationType
    if qtype in (Q.F32, Q.F16):
        dtype = np.float32 if qtype == Q.F32 else np.float16
        count = 1
        for dim in shape:
            count *= dim
        writer.add_tensor_info(gguf_name, shape, np.dtype(dtype), count * np.dtype(dtype).itemsize)
        return
    byte_shape = gguf.quants.quant_shape_to_byte_shape(shape, qtype)
    nbytes = 1
    for dim in byte_shape:
        nbytes *= dim
    writer.add_tensor_info(gguf_name, byte_shape, np.dtype(np.uint8), nbytes, raw_dtype=qtype)


def _rope_theta(config: dict) -> float:
    parameters = config.get("rope_parameters") or {}
    scaling = config.get("rope_scaling") or parameters
    rope_type = scaling.get("rope_type") or scaling.get("type") or "default"
    if rope_type not in ("default", "linear"):
        raise ConfigError(
            f"rope type {rope_type!r} is not supported by this exporter (default and linear are); "
            "use llama.cpp's convert_hf_to_gguf.py for this model."
        )
    return float(config.get("rope_theta") or parameters.get("rope_theta") or 10000.0)


def _add_metadata(
    writer,
    config: dict,
    vocab: GGUFVocab,
    tokenizer,
    *,
    name: str,
    file_type: int,
    template: str | None,
    base_model: str | None,
) -> None:
    import gguf

    hidden = int(config["hidden_size"])
    n_head = int(config["num_attention_heads"])
    writer.add_type(gguf.GGUFType.MODEL)
    writer.add_name(name)
    if base_model:  # llama.cpp's convention; `llmzoo push gguf` reads it back for the card
        writer.add_base_model_count(1)
        writer.add_base_model_name(0, base_model)
        writer.add_base_model_repo_url(0, f"https://huggingface.co/{base_model}")
    writer.add_file_type(file_type)
    writer.add_quantization_version(gguf.GGML_QUANT_VERSION)
    writer.add_vocab_size(len(vocab.tokens))
    writer.add_context_length(int(config.get("max_position_embeddings") or 2048))
    writer.add_embedding_length(hidden)
    writer.add_block_count(int(config["num_hidden_layers"]))
    writer.add_feed_forward_length(int(config["intermediate_size"]))
    writer.add_head_count(n_head)
    writer.add_head_count_kv(int(config.get("num_key_value_heads") or n_head))
    writer.add_layer_norm_rms_eps(float(config.get("rms_norm_eps") or 1e-6))
    writer.add_rope_freq_base(_rope_theta(config))
    writer.add_rope_dimension_count(int(config.get("head_dim") or hidden // n_head))
    scaling = config.get("rope_scaling") or {}
    if (scaling.get("rope_type") or scaling.get("type")) == "linear":
        writer.add_rope_scaling_type(gguf.RopeScalingType.LINEAR)
        writer.add_rope_scaling_factor(float(scaling["factor"]))

    writer.add_tokenizer_model(vocab.model)
    if vocab.pre:
        writer.add_tokenizer_pre(vocab.pre)
    writer.add_token_list(vocab.tokens)
    writer.add_token_types(vocab.token_types)
    if vocab.scores is not None:
        writer.add_token_scores(vocab.scores)
    if vocab.merges:
        writer.add_token_merges(vocab.merges)
    if vocab.add_space_prefix is not None:
        writer.add_add_space_prefix(vocab.add_space_prefix)
    for token_id, add in (
        (tokenizer.bos_token_id, writer.add_bos_token_id),
        (tokenizer.eos_token_id, writer.add_eos_token_id),
        (tokenizer.unk_token_id, writer.add_unk_token_id),
        (tokenizer.pad_token_id, writer.add_pad_token_id),
    ):
        if token_id is not None:
            add(int(token_id))
    # Whether the tokenizer puts BOS in front of plain text: the chat templates write their own special tokens.
    probe = tokenizer("a")["input_ids"]
    writer.add_add_bos_token(bool(probe) and tokenizer.bos_token_id is not None and probe[0] == tokenizer.bos_token_id)
    writer.add_add_eos_token(
        bool(probe) and tokenizer.eos_token_id is not None and probe[-1] == tokenizer.eos_token_id
    )
    if template:
        writer.add_chat_template(template)


# --------------------------------------------------------------------------------------------------- export


def _exportable_config(folder: Path) -> dict:
    """Return the config of the model in ``folder``, refusing what GGUF export does not handle."""
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    if config.get("model_type") not in SUPPORTED_MODEL_TYPES:
        raise ConfigError(
            f"{folder} is a {config.get('model_type')!r} model; `llmzoo export gguf` handles LLaMA-architecture "
            f"models ({', '.join(SUPPORTED_MODEL_TYPES)}), e.g. Chimera and the embedded SmolLM2."
        )
    if "quantization_config" in config:
        raise ConfigError(f"{folder} is already quantised; export the full-precision model instead.")
    return config


def _write_gguf_file(
    out: Path,
    reader,
    plan: list,
    config: dict,
    vocab,
    tokenizer,
    *,
    type: str,
    name: str,
    template: str | None,
    base_model: str | None,
) -> None:
    """Write the GGUF file (metadata, tensor index, converted tensors) to ``out`` atomically."""
    import gguf
    from tqdm.auto import tqdm

    file_type = {
        "f32": gguf.LlamaFileType.ALL_F32,
        "f16": gguf.LlamaFileType.MOSTLY_F16,
        "bf16": gguf.LlamaFileType.MOSTLY_BF16,
        "q8_0": gguf.LlamaFileType.MOSTLY_Q8_0,
        "q4_0": gguf.LlamaFileType.MOSTLY_Q4_0,
    }[type]
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    writer = gguf.GGUFWriter(tmp, gguf.MODEL_ARCH_NAMES[gguf.MODEL_ARCH.LLAMA])
    try:
        _add_metadata(
            writer,
            config,
            vocab,
            tokenizer,
            name=name,
            file_type=int(file_type),
            template=template,
            base_model=base_model,
        )
        for hf_name, gguf_name, qtype, _ in plan:
            _declare(writer, gguf_name, reader.tensors[hf_name].shape, qtype)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_ti_data_to_file()
        for hf_name, _, qtype, heads in tqdm(plan, desc=f"GGUF {type}", unit="tensor"):
            writer.write_tensor_data(_convert(reader.read(hf_name), qtype, heads))
        writer.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp made it private; the result is an ordinary file
        os.replace(tmp, out)
    except BaseException:
        writer.close()
        tmp.unlink(missing_ok=True)
        raise


def export_gguf(
    model: str | Path | None,
    *,
    out: str | Path,
    type: str = "f16",
    model_id: str | None = None,
    base_model_id: str | None = None,
    overwrite: bool = False,
    revision: str | None = None,
) -> GGUFExportResult:
    """Write ``model`` as one GGUF file (weights, tokenizer, chat template) and a README.md card beside it.

    Args:
        model: folder, zoo name or Hub id of a LLaMA-architecture model; ``None`` is the embedded SmolLM2.
        out: the ``.gguf`` file to write (its folder is created; the card goes to ``README.md`` there).
        type: ``f32``, ``f16``, ``bf16``, ``q8_0`` or ``q4_0``.
        model_id: Hub id of the GGUF repo, for the card (default: the file's stem).
        base_model_id: Hub id of ``model`` for the card's ``base_model`` (default: ``model`` when it is a Hub id).
        overwrite: replace an existing ``out`` and card.
        revision: Hub revision of ``model``.

    Raises:
        ConfigError: not a LLaMA-architecture model, an unknown type, or an unsupported rope / tokenizer.
        FileExistsError: ``out`` exists and ``overwrite`` is false.
    """
    from huggingface_hub import snapshot_download
    from transformers import AutoTokenizer

    from ._embedded import EMBEDDED_HUB_ID
    from ._safetensors_io import CheckpointReader
    from .chat import resolve_model

    GGUFExportConfig(out=str(out), type=type)  # validates the type
    out = Path(out)
    if out.suffix != ".gguf":
        raise ConfigError(f"--out {out}: the file name must end in .gguf.")
    if out.exists() and not overwrite:
        raise FileExistsError(f"{out} already exists; remove it or pass overwrite=True (--overwrite).")
    resolved = resolve_model(model, revision=revision)
    folder = Path(resolved.path)
    if not folder.is_dir():
        folder = Path(
            snapshot_download(
                resolved.path,
                revision=resolved.revision,
                allow_patterns=["*.json", "*.safetensors", "tokenizer.model", "*.jinja"],
            )
        )
    config = _exportable_config(folder)
    reader = CheckpointReader(folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    vocab = build_vocab(tokenizer, vocab_size=int(config["vocab_size"]), folder=folder)
    plan = _tensor_plan(reader, config, type)
    template = get_inference_chat_template(getattr(tokenizer, "chat_template", None))
    base = base_model_id or (EMBEDDED_HUB_ID if resolved.kind == "embedded" else None)
    if base is None and resolved.kind in ("hub", "zoo"):
        base = resolved.path

    metadata = {"name": model_id or out.stem, "template": template, "base_model": base}
    _write_gguf_file(out, reader, plan, config, vocab, tokenizer, type=type, **metadata)
    written_card = write_gguf_card(
        out.parent, model_id=model_id or out.stem, base_model=base, has_chat_template=bool(template)
    )
    tensor_types = {gguf_name: qtype.name for _, gguf_name, qtype, _ in plan}
    return GGUFExportResult(out, type, len(plan), out.stat().st_size, written_card, tensor_types)


def read_gguf_string(path: str | Path, key: str) -> str | None:
    """Return the string metadata ``key`` of a GGUF file (e.g. ``general.base_model.0.name``), or None."""
    import gguf

    field = gguf.GGUFReader(path).fields.get(key)
    return None if field is None else bytes(field.parts[field.data[0]]).decode("utf-8")


def gguf_file_types(folder: str | Path) -> dict[str, str]:
    """Return ``{file name: type}`` for the GGUF files in ``folder`` (the type read from ``general.file_type``)."""
    import gguf

    names = {
        int(v): k.removeprefix("MOSTLY_").removeprefix("ALL_").lower()
        for k, v in gguf.LlamaFileType.__members__.items()
    }
    types = {}
    for path in sorted(Path(folder).glob("*.gguf")):
        field = gguf.GGUFReader(path).fields.get("general.file_type")
        types[path.name] = names.get(int(field.parts[field.data[0]][0]), "?") if field else "?"
    return types


def write_gguf_card(
    folder: str | Path, *, model_id: str, base_model: str | None, has_chat_template: bool = True
) -> Path | None:
    """Write (or rewrite) the README.md card listing every GGUF file of ``folder``; leave another card alone."""
    from huggingface_hub import ModelCard

    from ._atomic import write_text_atomic
    from .cards import GGUFCardInfo, build_gguf_card

    path = Path(folder) / "README.md"
    if path.is_file() and "gguf" not in (ModelCard.load(path).data.tags or []):
        logger.warning("%s is another model's card; the GGUF card was not written. Export into its own folder.", path)
        return None
    info = GGUFCardInfo(model_id, base_model, gguf_file_types(folder), has_chat_template=has_chat_template)
    write_text_atomic(path, str(build_gguf_card(info)))
    return path

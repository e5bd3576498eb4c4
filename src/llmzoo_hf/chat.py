"""``load_chat``: a multi-turn chat session over a local or Hub model, streaming complete UTF-8 text.

The default model is the embedded SmolLM2-135M-Instruct (see :func:`llmzoo_hf.default_model_path`).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._delta_stamp import refuse_delta_folder
from ._embedded import EMBEDDED_ALIAS as EMBEDDED
from ._embedded import EMBEDDED_MODEL_NAME
from ._paths import looks_like_path
from .errors import ConfigError, ModelNotFoundError, TemplateError
from .templates import apply_chat_template, get_template
from .zoo import ResolvedModel, resolve_zoo_name

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

logger = logging.getLogger(__name__)


@dataclass
class GenerationSettings:
    """Decoding settings of a chat session; ``temperature=0`` means greedy decoding."""

    temperature: float = field(default=0.7, metadata={"help": "Sampling temperature; 0 = greedy."})
    top_p: float = field(default=0.9, metadata={"help": "Nucleus sampling probability mass."})
    max_new_tokens: int = field(default=512, metadata={"help": "Most tokens generated per reply."})
    repetition_penalty: float = field(default=1.0, metadata={"help": "Penalty on repeated tokens (1 = off)."})
    seed: int | None = field(default=None, metadata={"help": "Random seed for sampling."})

    def __post_init__(self) -> None:
        if self.temperature < 0:
            raise ConfigError(f"temperature={self.temperature} must be >= 0 (0 = greedy).")
        if not 0 < self.top_p <= 1:
            raise ConfigError(f"top_p={self.top_p} must be in (0, 1].")
        if self.max_new_tokens < 1:
            raise ConfigError(f"max_new_tokens={self.max_new_tokens} must be >= 1.")
        if self.repetition_penalty <= 0:
            raise ConfigError(f"repetition_penalty={self.repetition_penalty} must be > 0.")

    def to_generate_kwargs(self) -> dict[str, Any]:
        """Return the matching ``model.generate`` keyword arguments."""
        kwargs: dict[str, Any] = {
            "max_new_tokens": self.max_new_tokens,
            "repetition_penalty": self.repetition_penalty,
        }
        if self.temperature == 0:
            kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)
        else:
            kwargs.update(do_sample=True, temperature=self.temperature, top_p=self.top_p, top_k=None)
        return kwargs


# The one place the generation defaults are written: load_chat, the CLI options and ServeConfig read them here.
_DEFAULTS = GenerationSettings()


@dataclass
class ModelLoadConfig:
    """Which model to load and how (the ``model`` options of ``llmzoo chat|serve|eval``); see :func:`load_chat`."""

    model_name_or_path: str | None = field(
        default=None,
        metadata={
            "help": f"Local folder, zoo name or Hub id (default: the embedded {EMBEDDED_MODEL_NAME}).",
            "flag": "--model",
        },
    )
    revision: str | None = field(default=None, metadata={"help": "Hub revision (branch, tag or commit) of --model."})
    template: str | None = field(
        default=None, metadata={"help": "Chat template used when the model has none (e.g. phoenix, chimera)."}
    )
    force_template: bool = field(default=False, metadata={"help": "Use --template even if the model has its own."})
    dtype: str = field(
        default="auto", metadata={"help": "auto (bf16 on GPU, fp32 on CPU), float32, bfloat16 or float16."}
    )
    load_in_8bit: bool = field(
        default=False, metadata={"help": "Load the weights in int8 (bitsandbytes).", "flag": "--load-8bit"}
    )
    load_in_4bit: bool = field(
        default=False, metadata={"help": "Load the weights in nf4 int4 (bitsandbytes).", "flag": "--load-4bit"}
    )
    trust_remote_code: bool = field(
        default=False, metadata={"help": "Run the model repository's own code (off by default)."}
    )

    def __post_init__(self) -> None:
        if self.load_in_8bit and self.load_in_4bit:
            raise ConfigError("Choose one of load_in_8bit and load_in_4bit, not both.")


# Files of which a model folder needs at least one to have a tokenizer.
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "tokenizer.model", "vocab.json", "spiece.model")


def check_hub_model(repo_id: str, *, revision: str | None = None) -> None:
    """Check, quickly and once, that the Hub model ``repo_id`` can be loaded (cached, or reachable online).

    Raises:
        ModelNotFoundError: offline (``HF_HUB_OFFLINE=1``) and not cached, the Hub cannot be reached, or it has no
            such model (the message says which, in one line).
    """
    from huggingface_hub import constants, try_to_load_from_cache

    if isinstance(try_to_load_from_cache(repo_id, "config.json", revision=revision), str):
        return  # in the local cache: loads without the network
    if constants.HF_HUB_OFFLINE:
        raise ModelNotFoundError(
            f"{repo_id!r} is not a local folder and not in the Hub cache, and HF_HUB_OFFLINE=1 forbids downloading "
            "it. Give the path of a model folder, or unset HF_HUB_OFFLINE."
        )
    from huggingface_hub import HfApi
    from huggingface_hub.errors import GatedRepoError, RepositoryNotFoundError, RevisionNotFoundError

    try:
        HfApi().model_info(repo_id, revision=revision, timeout=10)
    except GatedRepoError:
        return  # from_pretrained says how to get access, with the repo's own terms
    except RevisionNotFoundError as exc:
        raise ModelNotFoundError(f"The Hub model {repo_id!r} has no revision {revision!r}.") from exc
    except RepositoryNotFoundError as exc:
        raise ModelNotFoundError(
            f"{repo_id!r} is neither a local folder nor a Hub model you can access. Check the name (a private "
            "model needs `hf auth login` or HF_TOKEN)."
        ) from exc
    except Exception as exc:  # connection refused, DNS failure, timeout: one line instead of minutes of retries
        if "HTTPError" in type(exc).__name__ and getattr(getattr(exc, "response", None), "status_code", 0):
            raise
        raise ModelNotFoundError(
            f"{repo_id!r} is not a local folder, and the Hub cannot be reached to download it "
            f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no answer'}). Check the network "
            "or give the path of a model folder."
        ) from exc


def check_model_folder(folder: Path) -> None:
    """Raise :class:`ModelNotFoundError` naming what a local model folder lacks (config or tokenizer)."""
    if not (folder / "config.json").is_file():
        raise ModelNotFoundError(f"{folder} has no config.json: it is not a Hugging Face model folder.")
    if not any((folder / name).is_file() for name in _TOKENIZER_FILES):
        raise ModelNotFoundError(
            f"{folder} has no tokenizer (none of {', '.join(_TOKENIZER_FILES)}). Save the tokenizer it was trained "
            f"with into it: AutoTokenizer.from_pretrained(BASE).save_pretrained({str(folder)!r})."
        )


def resolve_model(path_or_id: str | Path | None, *, revision: str | None = None) -> ResolvedModel:
    """Resolve ``None`` or ``"embedded"`` (the embedded default), a local folder, a zoo name or a Hub id.

    Raises:
        DeltaFolderError: the folder holds delta weights; the message gives the ``llmzoo delta apply`` command.
        ModelNotFoundError: a path that does not exist, or a Hub id that cannot be had (offline, unknown).
    """
    if path_or_id is None or str(path_or_id) == EMBEDDED:
        from ._embedded import default_model_path

        return ResolvedModel(str(default_model_path()), "embedded")
    text = str(path_or_id)
    if Path(text).expanduser().is_dir():
        refuse_delta_folder(Path(text).expanduser())
        return ResolvedModel(str(Path(text).expanduser()), "local", revision=revision)
    entry = resolve_zoo_name(text, revision=revision)
    if entry is not None:
        return entry
    if looks_like_path(text):
        raise ModelNotFoundError(f"No model folder at {text} (it does not exist).")
    check_hub_model(text, revision=revision)
    return ResolvedModel(text, "hub", revision=revision)


def _default_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def load_model_and_tokenizer(
    path_or_id: str | Path | None = None,
    *,
    revision: str | None = None,
    dtype: str = "auto",
    device_map: str | dict | None = None,
    load_in_8bit: bool = False,
    load_in_4bit: bool = False,
    trust_remote_code: bool = False,
) -> tuple[PreTrainedModel, PreTrainedTokenizerBase, ResolvedModel]:
    """Load a causal LM and its tokenizer for inference (eval mode, padding on the left).

    Args:
        path_or_id: local folder, zoo name or Hub id; ``None`` is the embedded default model.
        dtype: ``auto`` (bf16 on GPU, fp32 on CPU), ``float32``, ``bfloat16`` or ``float16``.
        device_map: passed to ``from_pretrained``; ``None`` puts the model on the GPU when there is one.
        load_in_8bit / load_in_4bit: quantise on load with bitsandbytes (int8, or nf4 with double quant).
        trust_remote_code: run the repository's own modelling code (off unless you set it).
    """
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if load_in_8bit and load_in_4bit:
        raise ConfigError("Choose one of load_in_8bit and load_in_4bit, not both.")
    resolved = resolve_model(path_or_id, revision=revision)
    if resolved.kind in ("local", "embedded") or Path(resolved.path).is_dir():
        check_model_folder(Path(resolved.path))
    elif resolved.kind == "zoo":
        check_hub_model(resolved.path, revision=resolved.revision)
    device = _default_device()
    if dtype == "auto":
        torch_dtype = torch.bfloat16 if device == "cuda" else torch.float32
    else:
        if not hasattr(torch, dtype):
            raise ConfigError(f"dtype={dtype!r} is not a torch dtype; use auto, float32, bfloat16 or float16.")
        torch_dtype = getattr(torch, dtype)
    kwargs: dict[str, Any] = {"dtype": torch_dtype, "trust_remote_code": trust_remote_code}
    if resolved.revision:
        kwargs["revision"] = resolved.revision
    if load_in_8bit or load_in_4bit:
        from .errors import require

        require("bitsandbytes", extra="quant", feature="8-bit / 4-bit loading")
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = (
            BitsAndBytesConfig(load_in_8bit=True)
            if load_in_8bit
            else BitsAndBytesConfig(
                load_in_4bit=True,
                bnb_4bit_quant_type="nf4",
                bnb_4bit_use_double_quant=True,
                bnb_4bit_compute_dtype=torch.bfloat16 if device == "cuda" else torch.float32,
            )
        )
    if device_map is not None:
        kwargs["device_map"] = device_map
    elif device == "cuda" or load_in_8bit or load_in_4bit:
        kwargs["device_map"] = device
    tokenizer = AutoTokenizer.from_pretrained(
        resolved.path, revision=resolved.revision, trust_remote_code=trust_remote_code
    )
    model = AutoModelForCausalLM.from_pretrained(resolved.path, **kwargs)
    if "device_map" not in kwargs and device != "cpu":
        model.to(device)
    model.eval()
    tokenizer.padding_side = "left"  # decoder-only batched generation pads on the left
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer, resolved


def eos_token_ids(model, tokenizer) -> set[int]:
    """Return every token id that ends a reply: the generation config's EOS ids and the tokenizer's EOS."""
    ids: set[int] = set()
    config_eos = getattr(model.generation_config, "eos_token_id", None)
    if isinstance(config_eos, int):
        ids.add(config_eos)
    elif config_eos:
        ids.update(config_eos)
    if tokenizer.eos_token_id is not None:
        ids.add(tokenizer.eos_token_id)
    return ids


class IncrementalDetokenizer:
    """Turn a growing list of token ids into text pieces that never split a UTF-8 character.

    A piece is only released when the decoded text no longer ends in U+FFFD (an incomplete byte sequence), and
    the text is decoded from a short window before the new tokens so that tokenizers that merge spaces across
    tokens (SentencePiece) stay exact. ``"".join(pieces) == tokenizer.decode(ids)``.
    """

    def __init__(self, tokenizer: PreTrainedTokenizerBase, *, skip_special_tokens: bool = True):
        self.tokenizer = tokenizer
        self.skip_special_tokens = skip_special_tokens
        self.ids: list[int] = []
        self.prefix_offset = 0
        self.read_offset = 0
        self.emitted = ""

    def _decode(self, ids: list[int]) -> str:
        return self.tokenizer.decode(ids, skip_special_tokens=self.skip_special_tokens)

    def push(self, token_ids: list[int]) -> str:
        """Add generated token ids; return the newly complete text (maybe empty)."""
        self.ids.extend(token_ids)
        prefix_text = self._decode(self.ids[self.prefix_offset : self.read_offset])
        new_text = self._decode(self.ids[self.prefix_offset :])
        if len(new_text) > len(prefix_text) and not new_text.endswith("\ufffd"):
            piece = new_text[len(prefix_text) :]
            self.prefix_offset = self.read_offset
            self.read_offset = len(self.ids)
            self.emitted += piece
            return piece
        return ""

    def flush(self) -> str:
        """Return whatever text is still held back, so the pieces add up to the full decode."""
        full = self._decode(self.ids)
        if not full.startswith(self.emitted):  # the windowed decode drifted from the full one
            logger.debug("incremental decode drifted; emitting the remainder of the full decode")
        rest = full[len(self.emitted) :]
        rest = rest.rstrip("\ufffd")  # a generation cut inside a character leaves a dangling partial byte
        self.emitted += rest
        return rest


class _TokenQueueStreamer:
    """A ``generate`` streamer that hands each new token id list to a queue (the prompt is skipped)."""

    def __init__(self) -> None:
        self.queue: queue.Queue = queue.Queue()
        self._prompt_seen = False

    def put(self, value) -> None:
        if not self._prompt_seen:
            self._prompt_seen = True
            return
        self.queue.put(value.reshape(-1).tolist())

    def end(self) -> None:
        self.queue.put(None)


class ChatSession:
    """A multi-turn chat with a model: ``chat(message)``, ``stream(message)``, ``history``, ``reset()``."""

    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        *,
        generation: GenerationSettings | None = None,
        system_prompt: str | None = None,
        template_name: str | None = None,
        template_source: str = "model",
        model_id: str | None = None,
    ):
        self.model = model
        self.tokenizer = tokenizer
        self.generation = generation or GenerationSettings()
        self.system_prompt = system_prompt
        self.template_name = template_name
        self.template_source = template_source
        self.model_id = model_id or getattr(model, "name_or_path", "model")
        self.history: list[dict[str, str]] = []

    def reset(self) -> None:
        """Forget the conversation so far."""
        self.history = []

    @property
    def template_explanation(self) -> str:
        """One line saying which chat template is used and why."""
        if self.template_source == "model":
            return "Using the model's own chat template (from its tokenizer config)."
        if self.template_source == "forced":
            return f"Using the {self.template_name!r} template, as asked (force_template=True)."
        return f"Using the {self.template_name!r} template: the model has no chat template of its own."

    def _messages(self, message: str | None) -> list[dict[str, str]]:
        messages = [{"role": "system", "content": self.system_prompt}] if self.system_prompt else []
        messages += self.history
        if message is not None:
            messages.append({"role": "user", "content": message})
        return messages

    def _settings(self, overrides: dict[str, Any]) -> GenerationSettings:
        return replace(self.generation, **overrides) if overrides else self.generation

    def _eos_ids(self) -> list[int]:
        return sorted(eos_token_ids(self.model, self.tokenizer))

    def _encode(self, conversations: list[list[dict[str, str]]]):
        """Render and tokenize message lists for generation (one left-padded batch, on the model's device)."""
        texts = [
            self.tokenizer.apply_chat_template(m, add_generation_prompt=True, tokenize=False) for m in conversations
        ]
        return self.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False).to(self.model.device)

    def stream_messages(self, messages: list[dict[str, str]], **overrides: Any) -> Iterator[str]:
        """Stream the reply to a full message list (the session's history is not touched)."""
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList

        settings = self._settings(overrides)
        inputs = self._encode([messages])
        streamer = _TokenQueueStreamer()
        stop = threading.Event()

        class _StopWhenAsked(StoppingCriteria):
            def __call__(self, input_ids, scores, **kwargs):
                return torch.full((input_ids.shape[0],), stop.is_set(), dtype=torch.bool, device=input_ids.device)

        eos_ids = self._eos_ids()
        errors: list[BaseException] = []

        def run() -> None:
            try:
                if settings.seed is not None:
                    torch.manual_seed(settings.seed)
                with torch.inference_mode():
                    self.model.generate(
                        **inputs,
                        **settings.to_generate_kwargs(),
                        eos_token_id=eos_ids,
                        pad_token_id=self.tokenizer.pad_token_id,
                        streamer=streamer,
                        stopping_criteria=StoppingCriteriaList([_StopWhenAsked()]),
                    )
            except BaseException as exc:  # re-raised in the consumer thread below
                errors.append(exc)
                streamer.end()

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        detok = IncrementalDetokenizer(self.tokenizer)
        try:
            while True:
                ids = streamer.queue.get()
                if ids is None:
                    break
                ids = [i for i in ids if i not in eos_ids]
                piece = detok.push(ids) if ids else ""
                if piece:
                    yield piece
            if errors:
                raise errors[0]
            tail = detok.flush()
            if tail:
                yield tail
        finally:
            stop.set()  # the consumer went away (or finished): let generate return at its next step
            worker.join()

    def generate(self, messages: list[dict[str, str]], **overrides: Any) -> str:
        """Return the full reply to a message list (the session's history is not touched)."""
        return self.generate_batch([messages], **overrides)[0]

    def generate_batch(self, conversations: list[list[dict[str, str]]], **overrides: Any) -> list[str]:
        """Return one reply per message list, generated together in one left-padded batch."""
        import torch

        settings = self._settings(overrides)
        inputs = self._encode(conversations)
        eos_ids = self._eos_ids()
        if settings.seed is not None:
            torch.manual_seed(settings.seed)
        with torch.inference_mode():
            output = self.model.generate(
                **inputs,
                **settings.to_generate_kwargs(),
                eos_token_id=eos_ids,
                pad_token_id=self.tokenizer.pad_token_id,
            )
        replies = []
        for row in output[:, inputs["input_ids"].shape[1] :].tolist():
            ids = []
            for token in row:
                if token in eos_ids:
                    break
                ids.append(token)
            replies.append(self.tokenizer.decode(ids, skip_special_tokens=True).rstrip("\ufffd"))
        return replies

    def chat(self, message: str, **overrides: Any) -> str:
        """Send ``message``, return the whole reply and add both turns to ``history``."""
        reply = self.generate(self._messages(message), **overrides)
        self.history += [{"role": "user", "content": message}, {"role": "assistant", "content": reply}]
        return reply

    def stream(self, message: str, **overrides: Any) -> Iterator[str]:
        """Send ``message`` and yield the reply in complete-character pieces; the turn joins ``history`` at the end."""
        pieces: list[str] = []
        for piece in self.stream_messages(self._messages(message), **overrides):
            pieces.append(piece)
            yield piece
        self.history += [{"role": "user", "content": message}, {"role": "assistant", "content": "".join(pieces)}]


def ensure_chat_template(
    tokenizer: PreTrainedTokenizerBase, template: str | None, *, force_template: bool = False
) -> tuple[str | None, str]:
    """Make sure ``tokenizer`` has a chat template; return ``(template_name, source)``.

    The model's own template is kept when it has one (``source="model"``) unless ``force_template``; otherwise
    the named one is applied (``source="named"``/``"forced"``).

    Raises:
        TemplateError: the model has no template and none was named.
    """
    if template is not None:
        get_template(template)  # fail early on an unknown name, whatever happens next
    if tokenizer.chat_template and not (force_template and template):
        return None, "model"
    if template is None:
        raise TemplateError(
            f"{getattr(tokenizer, 'name_or_path', 'This tokenizer')} has no chat template; name one, e.g. "
            "load_chat(..., template='chimera') or `llmzoo chat --template chimera`."
        )
    apply_chat_template(tokenizer, template)
    return get_template(template).name, "forced" if force_template else "named"


def load_chat(
    path_or_id: str | Path | None = None,
    load_in_8bit: bool = False,
    load_in_4bit: bool = False,
    device_map: str | dict | None = None,
    template: str | None = None,
    *,
    force_template: bool = False,
    system_prompt: str | None = None,
    revision: str | None = None,
    dtype: str = "auto",
    trust_remote_code: bool = False,
    temperature: float = _DEFAULTS.temperature,
    top_p: float = _DEFAULTS.top_p,
    max_new_tokens: int = _DEFAULTS.max_new_tokens,
    repetition_penalty: float = _DEFAULTS.repetition_penalty,
    seed: int | None = None,
) -> ChatSession:
    """Load a model for chatting and return a :class:`ChatSession`.

    Args:
        path_or_id: local folder, zoo name or Hub id; ``None`` loads the embedded model.
        load_in_8bit / load_in_4bit: quantise on load with bitsandbytes.
        device_map: ``from_pretrained`` device map; ``None`` picks the GPU when there is one.
        template: chat template used when the model has none of its own (e.g. ``"phoenix"``).
        force_template: use ``template`` even when the model has its own.
        system_prompt: system message prepended to every request.
        temperature, top_p, max_new_tokens, repetition_penalty, seed: decoding settings (temperature 0 = greedy).

    Returns:
        A session: ``chat(message) -> str``, ``stream(message)`` yields text, ``history``, ``reset()``.

    Raises:
        DeltaFolderError: the folder holds delta weights (apply them first).
        TemplateError: no chat template to use.
    """
    generation = GenerationSettings(
        temperature=temperature,
        top_p=top_p,
        max_new_tokens=max_new_tokens,
        repetition_penalty=repetition_penalty,
        seed=seed,
    )
    model, tokenizer, resolved = load_model_and_tokenizer(
        path_or_id,
        revision=revision,
        dtype=dtype,
        device_map=device_map,
        load_in_8bit=load_in_8bit,
        load_in_4bit=load_in_4bit,
        trust_remote_code=trust_remote_code,
    )
    template_name, source = ensure_chat_template(
        tokenizer, template or resolved.template, force_template=force_template
    )
    session = ChatSession(
        model,
        tokenizer,
        generation=generation,
        system_prompt=system_prompt,
        template_name=template_name,
        template_source=source,
        model_id=str(path_or_id) if path_or_id is not None else f"{EMBEDDED_MODEL_NAME} (embedded)",
    )
    logger.info(session.template_explanation)
    return session

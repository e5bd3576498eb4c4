"""``ServeConfig``: every option of ``llmzoo serve``; the command's flags are built from these fields."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from .._argparse import field_default
from ..chat import GenerationSettings, ModelLoadConfig
from ..errors import ConfigError


def _option(default, help: str, *, group: str, flag: str | None = None):
    """Return a dataclass field whose metadata carries the ``--help`` text, the flag name and the help group."""
    metadata = {"help": help, "group": group}
    if flag:
        metadata["flag"] = flag
    return field(default=default, metadata=metadata)


def _shared(config_class: type, name: str, *, group: str, **metadata):
    """Return a copy of ``config_class``'s field ``name`` (default, help, flag) for the help group ``group``."""
    (spec,) = [f for f in dataclasses.fields(config_class) if f.name == name]
    return field(default=field_default(spec), metadata={**spec.metadata, "group": group, **metadata})


@dataclass
class ServeConfig:
    """Options of ``llmzoo serve``: model loading, generation defaults, server and batching.

    A request's own settings (``temperature``, ``top_p``, ``max_tokens``, ``seed``, ``stop``) win over the
    generation defaults here. Batching runs on transformers' continuous batching (paged KV cache).
    """

    # model: ModelLoadConfig's fields, generation defaults: GenerationSettings' (one source for chat, serve, eval)
    model_name_or_path: str | None = _shared(ModelLoadConfig, "model_name_or_path", group="model")
    revision: str | None = _shared(ModelLoadConfig, "revision", group="model")
    template: str | None = _shared(ModelLoadConfig, "template", group="model")
    force_template: bool = _shared(ModelLoadConfig, "force_template", group="model")
    dtype: str = _shared(ModelLoadConfig, "dtype", group="model")
    load_in_8bit: bool = _shared(ModelLoadConfig, "load_in_8bit", group="model")
    load_in_4bit: bool = _shared(ModelLoadConfig, "load_in_4bit", group="model")
    trust_remote_code: bool = _shared(ModelLoadConfig, "trust_remote_code", group="model")
    temperature: float = _shared(GenerationSettings, "temperature", group="generation")
    top_p: float = _shared(GenerationSettings, "top_p", group="generation")
    max_new_tokens: int = _shared(GenerationSettings, "max_new_tokens", group="generation")
    repetition_penalty: float = _shared(GenerationSettings, "repetition_penalty", group="generation")
    seed: int | None = _shared(
        GenerationSettings, "seed", group="generation", help="Sampling seed when a request sets none (0..2**63-1)."
    )
    # server
    host: str = _option("127.0.0.1", "Address to listen on (0.0.0.0 for every interface).", group="server")
    port: int = _option(8000, "TCP port to listen on.", group="server")
    served_model_name: str | None = _option(
        None, "Model name in /v1/models and replies (default: from --model).", group="server"
    )
    max_batch_size: int = _option(8, "Most requests generated together.", group="server")
    max_queue: int = _option(
        64, "Most requests waiting for a slot beyond --max-batch-size (HTTP 429 beyond).", group="server"
    )
    max_model_len: int | None = _option(None, "Context length in tokens (default: the model's own).", group="server")
    max_batch_tokens: int = _option(
        256, "Most tokens per forward pass: long prompts are prefilled in chunks of this size.", group="server"
    )
    max_body_bytes: int = _option(1_000_000, "Largest request body in bytes (HTTP 413 beyond).", group="server")

    def __post_init__(self) -> None:
        checks = [
            (self.max_batch_size >= 1, "max_batch_size", ">= 1"),
            (self.max_queue >= 0, "max_queue", ">= 0"),
            (self.max_model_len is None or self.max_model_len >= 2, "max_model_len", ">= 2"),
            (self.max_batch_tokens >= 16, "max_batch_tokens", ">= 16"),
            (self.max_body_bytes >= 1024, "max_body_bytes", ">= 1024"),
            (0 < self.port < 65536, "port", "in 1..65535"),
            (self.seed is None or 0 <= self.seed < 2**63, "seed", "in 0..2**63-1"),
        ]
        for ok, name, expected in checks:
            if not ok:
                raise ConfigError(f"{name}={getattr(self, name)} must be {expected}.")
        if self.load_in_8bit and self.load_in_4bit:
            raise ConfigError("Choose one of load_in_8bit and load_in_4bit, not both.")
        # the same range checks as chat (temperature >= 0, top_p in (0, 1], ...), naming the field
        GenerationSettings(self.temperature, self.top_p, self.max_new_tokens, self.repetition_penalty, self.seed)

"""llmzoo-hf: build, publish, serve and fairly compare multilingual chat models on the Hugging Face stack.

Importing this package is cheap: the names below load their modules (and torch / transformers) on first use,
and gradio, deepspeed, bitsandbytes, fastapi and vllm are only imported by the functions that need them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_chat": "chat",
    "ChatSession": "chat",
    "default_model_path": "_embedded",
    "get_chat_template": "templates",
    "apply_chat_template": "templates",
    "list_templates": "templates",
    "build_dataset": "data",
    "DataSource": "data",
    "DatasetMixtureConfig": "data",
}

__all__ = [
    "ChatSession",
    "DataSource",
    "DatasetMixtureConfig",
    "__version__",
    "apply_chat_template",
    "build_dataset",
    "default_model_path",
    "get_chat_template",
    "list_templates",
    "load_chat",
]

if TYPE_CHECKING:
    from ._embedded import default_model_path
    from .chat import ChatSession, load_chat
    from .data import DatasetMixtureConfig, DataSource, build_dataset
    from .templates import apply_chat_template, get_chat_template, list_templates


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'llmzoo_hf' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

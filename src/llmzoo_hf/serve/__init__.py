"""``llmzoo serve``: an OpenAI-compatible server over transformers' continuous batching.

Endpoints: ``POST /v1/chat/completions`` (stream or not), ``GET /v1/models``, ``GET /health``, and TGI's
``POST /generate`` / ``POST /generate_stream``. More than ``max_batch_size + max_queue`` requests in flight get 429;
bad bodies get 4xx in OpenAI's error shape naming the field; a prompt longer than the context gets 400 naming both
lengths; a client that goes away frees its row at the next step.

Layout: :mod:`.config` (``ServeConfig``, the source of the CLI options), :mod:`.engine` (the adapter over
transformers' ``ContinuousBatchingManager``), :mod:`.app` (the FastAPI routes), :mod:`.server` (loading and running).
fastapi and uvicorn are imported only when a server is built (``pip install llmzoo-hf[serve]``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .config import ServeConfig
from .server import build_server, serve

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["ServeConfig", "build_server", "serve", "create_app"]


def create_app(engine, tokenizer, config: ServeConfig | None = None, *, served_model_name: str) -> FastAPI:
    """Build the FastAPI app over an (unstarted) :class:`~llmzoo_hf.serve.engine.Engine`.

    Raises:
        ImportError: fastapi is not installed (``pip install llmzoo-hf[serve]``).
    """
    from ..errors import require

    require("fastapi", extra="serve", feature="llmzoo serve")
    from .app import create_app as _create_app

    return _create_app(engine, tokenizer, config or ServeConfig(), served_model_name=served_model_name)

"""Load the model named in a :class:`ServeConfig` and serve it (uvicorn)."""

from __future__ import annotations

import errno
import logging
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError
from .config import ServeConfig

if TYPE_CHECKING:
    from fastapi import FastAPI

    from .engine import Engine

logger = logging.getLogger(__name__)


class PortInUseError(ConfigError):
    """The port asked for is taken (checked before the model loads)."""


def check_port_free(host: str, port: int) -> None:
    """Raise :class:`PortInUseError` naming ``--port`` when ``host:port`` cannot be bound right now."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: TIME_WAIT is no conflict
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUseError(f"Port {port} on {host} is already in use; pick another with --port.") from exc
            raise ConfigError(f"Cannot listen on {host}:{port} ({exc.strerror}); check --host and --port.") from exc


def build_server(config: ServeConfig) -> tuple[FastAPI, Engine]:
    """Load the model named in ``config`` and return the app and its (not yet started) engine.

    Raises:
        DeltaFolderError: the model folder holds delta weights (apply them first).
        TemplateError: the model has no chat template and ``config.template`` names none.
    """
    from ..chat import ensure_chat_template, load_model_and_tokenizer
    from ..errors import require

    require("fastapi", extra="serve", feature="llmzoo serve")
    from .app import create_app
    from .engine import Engine

    model, tokenizer, resolved = load_model_and_tokenizer(
        config.model_name_or_path,
        revision=config.revision,
        dtype=config.dtype,
        load_in_8bit=config.load_in_8bit,
        load_in_4bit=config.load_in_4bit,
        trust_remote_code=config.trust_remote_code,
    )
    template_name, source = ensure_chat_template(
        tokenizer, config.template or resolved.template, force_template=config.force_template
    )
    logger.info("chat template: %s", "the model's own" if source == "model" else f"{template_name!r} ({source})")
    model_limit = getattr(model.config, "max_position_embeddings", None) or getattr(model.config, "seq_length", None)
    max_model_len = config.max_model_len or model_limit or 2048
    if model_limit and max_model_len > model_limit:
        raise ConfigError(f"max_model_len={max_model_len} is above the model's max_position_embeddings={model_limit}.")
    engine = Engine(
        model,
        tokenizer,
        max_batch_size=config.max_batch_size,
        max_queue=config.max_queue,
        max_model_len=max_model_len,
        max_batch_tokens=config.max_batch_tokens,
    )
    name = config.served_model_name or _default_served_name(config.model_name_or_path, resolved.kind)
    return create_app(engine, tokenizer, config, served_model_name=name), engine


def _default_served_name(model_name_or_path: str | None, kind: str) -> str:
    if model_name_or_path is None:
        from .._embedded import EMBEDDED_MODEL_NAME

        return EMBEDDED_MODEL_NAME
    if kind == "local":
        return Path(model_name_or_path).name
    return model_name_or_path


def serve(config: ServeConfig) -> None:
    """Check the port, load the model and serve it on ``config.host:config.port`` until interrupted."""
    from ..errors import require

    require("uvicorn", extra="serve", feature="llmzoo serve")
    import uvicorn

    check_port_free(config.host, config.port)  # before the model loads: a taken port fails in a second
    app, engine = build_server(config)
    logger.info(
        "serving on http://%s:%d (max_batch_size=%d, max_queue=%d, context=%d tokens)",
        config.host,
        config.port,
        engine.max_batch_size,
        engine.max_queue,
        engine.max_model_len,
    )
    uvicorn.run(app, host=config.host, port=config.port, log_level="info", timeout_graceful_shutdown=5)

"""``llmzoo serve``: an OpenAI-compatible server (plus TGI's /generate) over a local, zoo or Hub model.

The options are built from :class:`~llmzoo_hf.serve.ServeConfig`'s fields (name, type, default, help, group)
by :func:`llmzoo_hf._argparse.add_dataclass_args`.
"""

from __future__ import annotations

import argparse

from .._argparse import add_dataclass_args, dataclass_from_args
from ._common import add_command

EXAMPLES = [
    "llmzoo serve                                   # the embedded SmolLM2-135M-Instruct on 127.0.0.1:8000",
    "llmzoo serve --model outputs/chimera-tiny --port 8001 --max-batch-size 16",
    "llmzoo serve --model FreedomIntelligence/phoenix-inst-chat-7b --load-4bit --served-model-name phoenix",
    "curl http://127.0.0.1:8000/v1/chat/completions -H 'Content-Type: application/json' "
    '-d \'{"messages": [{"role": "user", "content": "Hello"}], "stream": true}\'',
]


def register(subparsers) -> None:
    """Add the ``serve`` subcommand."""
    from ..serve.config import ServeConfig

    parser = add_command(
        subparsers,
        "serve",
        help="Serve a model with an OpenAI-compatible API (/v1/chat/completions, streaming, batching).",
        description="Serve a model over HTTP: /v1/chat/completions (OpenAI schema, SSE streaming), /v1/models, "
        "/health and TGI's /generate and /generate_stream, on transformers' continuous batching (paged KV cache). "
        "Requests beyond --max-batch-size generating plus --max-queue waiting get HTTP 429. A request's own "
        "settings override the generation options below, which are the defaults.",
        examples=EXAMPLES,
    )
    add_dataclass_args(parser, ServeConfig)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the model and serve until interrupted."""
    from ..serve import ServeConfig, serve

    serve(dataclass_from_args(args, ServeConfig))
    return 0

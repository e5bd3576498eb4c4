"""``llmzoo serve``: an OpenAI-compatible server (plus TGI's /generate) over a local, zoo or Hub model.

The options are built from :class:`~llmzoo_hf.serve.ServeConfig`'s fields (name, type, default, help, group).
"""

from __future__ import annotations

import argparse
import dataclasses
import typing

from ._common import add_command

EXAMPLES = [
    "llmzoo serve                                   # the embedded SmolLM2-135M-Instruct on 127.0.0.1:8000",
    "llmzoo serve --model outputs/chimera-tiny --port 8001 --max-batch-size 16",
    "llmzoo serve --model FreedomIntelligence/phoenix-inst-chat-7b --load-4bit --served-model-name phoenix",
    "curl http://127.0.0.1:8000/v1/chat/completions -H 'Content-Type: application/json' "
    '-d \'{"messages": [{"role": "user", "content": "Hello"}], "stream": true}\'',
]


def add_dataclass_arguments(parser: argparse.ArgumentParser, config_class) -> None:
    """Add one option per field of ``config_class``: ``--field-name`` (or ``metadata["flag"]``), typed from the
    annotation, with the field's default and ``metadata["help"]``, in the argument group ``metadata["group"]``."""
    hints = typing.get_type_hints(config_class)
    groups: dict[str, argparse._ArgumentGroup] = {}
    for spec in dataclasses.fields(config_class):
        metadata = spec.metadata
        group_name = metadata.get("group", "options")
        group = groups.get(group_name) or groups.setdefault(group_name, parser.add_argument_group(group_name))
        flag = metadata.get("flag", "--" + spec.name.replace("_", "-"))
        kind = hints[spec.name]
        # A flag left out keeps the field's default; None/False defaults are not printed as "(default: None)".
        shown = argparse.SUPPRESS if spec.default in (None, False) else spec.default
        if kind is bool:
            group.add_argument(flag, dest=spec.name, action="store_true", default=shown, help=metadata["help"])
            continue
        value_type = next(t for t in typing.get_args(kind) if t is not type(None)) if typing.get_args(kind) else kind
        group.add_argument(flag, dest=spec.name, type=value_type, default=shown, help=metadata["help"])


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
    add_dataclass_arguments(parser, ServeConfig)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the model and serve until interrupted."""
    from ..serve import ServeConfig, serve

    fields = dataclasses.fields(ServeConfig)
    serve(ServeConfig(**{spec.name: getattr(args, spec.name, spec.default) for spec in fields}))
    return 0

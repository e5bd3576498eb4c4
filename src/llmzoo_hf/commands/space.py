"""``llmzoo space``: run the chat Space (Chat + Arena tabs) locally."""

from __future__ import annotations

import argparse
import sys

from ._common import add_command, port_in_use

EXAMPLES = [
    "llmzoo space                                   # the embedded model, in-process",
    "llmzoo space --model outputs/chimera-tiny --port 7861",
    "llmzoo space --endpoints local=http://127.0.0.1:8000",
    "llmzoo space --endpoints phoenix=http://10.0.0.5:8080,chimera=http://10.0.0.6:8000 --votes votes.jsonl",
]
# SpaceConfig fields offered as options, with the type argparse converts them with
_LIMITS = {"max_input_chars": int, "max_seconds": float, "concurrency": int}


def register(subparsers) -> None:
    """Add the ``space`` subcommand."""
    from dataclasses import fields

    from ..space import SpaceConfig

    parser = add_command(
        subparsers,
        "space",
        help="Run the Gradio chat Space locally (chat, model picker, arena with votes).",
        description="Run the Space of spaces/chat locally. Options default to the environment variables the Space "
        "reads: LLMZOO_ENDPOINTS, HF_TOKEN, LLMZOO_MODEL, LLMZOO_VOTES, LLMZOO_MAX_INPUT_CHARS, LLMZOO_MAX_SECONDS.",
        examples=EXAMPLES,
    )
    parser.add_argument(
        "--endpoints", default=None, help="name=url,... OpenAI-compatible endpoints (default: $LLMZOO_ENDPOINTS)."
    )
    parser.add_argument(
        "--model",
        default=None,
        help="In-process model when there is no endpoint (default: $LLMZOO_MODEL or embedded).",
    )
    parser.add_argument(
        "--votes", default=None, help="Arena vote JSONL file (default: $LLMZOO_VOTES or ./arena_votes.jsonl)."
    )
    limits = parser.add_argument_group("limits")
    for item in fields(SpaceConfig):
        if item.name in _LIMITS:
            limits.add_argument(
                "--" + item.name.replace("_", "-"),
                type=_LIMITS[item.name],
                default=None,
                help=f"{item.metadata['help']} (default: {item.default:g})",
            )
    parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
    parser.add_argument("--port", type=int, default=7860, help="TCP port to listen on.")
    parser.add_argument("--share", action="store_true", help="Also open a public gradio.live link.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Launch the Space until interrupted."""
    from dataclasses import replace
    from pathlib import Path

    from ..client import parse_endpoints
    from ..space import SpaceConfig, launch

    if port_in_use(args.host, args.port):
        print(
            f"llmzoo space: error: port {args.port} on {args.host} is already in use; choose another with --port.",
            file=sys.stderr,
        )
        return 1
    config = SpaceConfig.from_env()
    if args.endpoints is not None:
        config.endpoints = parse_endpoints(args.endpoints)
    if args.model is not None:
        config.model = args.model
    if args.votes is not None:
        config.votes_path = Path(args.votes)
    chosen = {name: getattr(args, name) for name in _LIMITS if getattr(args, name) is not None}
    config = replace(config, **chosen)  # replace() validates the limits again
    launch(config, host=args.host, port=args.port, share=args.share)
    return 0

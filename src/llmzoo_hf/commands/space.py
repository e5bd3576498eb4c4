"""``llmzoo space``: run the chat Space (Chat + Arena tabs) locally."""

from __future__ import annotations

import argparse

from ._common import add_command

EXAMPLES = [
    "llmzoo space                                   # the embedded model, in-process",
    "llmzoo space --endpoints local=http://127.0.0.1:8000",
    "llmzoo space --endpoints phoenix=http://10.0.0.5:8080,chimera=http://10.0.0.6:8000 --votes votes.jsonl",
]


def register(subparsers) -> None:
    """Add the ``space`` subcommand."""
    parser = add_command(
        subparsers,
        "space",
        help="Run the Gradio chat Space locally (chat, model picker, arena with votes).",
        description="Run the Space of spaces/chat locally. Options default to the environment variables the Space "
        "reads: LLMZOO_ENDPOINTS, HF_TOKEN, LLMZOO_MODEL, LLMZOO_VOTES.",
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
    parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
    parser.add_argument("--port", type=int, default=7860, help="TCP port to listen on.")
    parser.add_argument("--share", action="store_true", help="Also open a public gradio.live link.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Launch the Space until interrupted."""
    from pathlib import Path

    from ..serve import parse_endpoints
    from ..space import SpaceConfig, launch

    config = SpaceConfig.from_env()
    if args.endpoints is not None:
        config.endpoints = parse_endpoints(args.endpoints)
    if args.model is not None:
        config.model = args.model
    if args.votes is not None:
        config.votes_path = Path(args.votes)
    launch(config, host=args.host, port=args.port, share=args.share)
    return 0

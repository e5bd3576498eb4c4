"""``llmzoo serve``: an OpenAI-compatible server (plus TGI's /generate) over a local, zoo or Hub model."""

from __future__ import annotations

import argparse

from ._common import add_command, add_generation_args, add_model_args

EXAMPLES = [
    "llmzoo serve                                   # the embedded SmolLM2-135M-Instruct on 127.0.0.1:8000",
    "llmzoo serve --model outputs/chimera-tiny --port 8001 --max-batch-size 16",
    "llmzoo serve --model FreedomIntelligence/phoenix-inst-chat-7b --load-4bit --served-model-name phoenix",
    "curl http://127.0.0.1:8000/v1/chat/completions -H 'Content-Type: application/json' "
    '-d \'{"messages": [{"role": "user", "content": "Hello"}], "stream": true}\'',
]


def register(subparsers) -> None:
    """Add the ``serve`` subcommand."""
    parser = add_command(
        subparsers,
        "serve",
        help="Serve a model with an OpenAI-compatible API (/v1/chat/completions, streaming, batching).",
        description="Serve a model over HTTP: /v1/chat/completions (OpenAI schema, SSE streaming), /v1/models, "
        "/health and TGI's /generate and /generate_stream. Concurrent requests are batched continuously; "
        "requests beyond --max-queue waiting ones get HTTP 429. The request's settings override the generation "
        "options below, which are the defaults.",
        examples=EXAMPLES,
    )
    add_model_args(parser)
    add_generation_args(parser)
    group = parser.add_argument_group("server")
    group.add_argument("--host", default="127.0.0.1", help="Address to listen on (0.0.0.0 for every interface).")
    group.add_argument("--port", type=int, default=8000, help="TCP port to listen on.")
    group.add_argument("--max-batch-size", type=int, default=8, help="Most requests decoded together.")
    group.add_argument("--max-queue", type=int, default=64, help="Most requests waiting for a slot (HTTP 429 beyond).")
    group.add_argument(
        "--max-model-len", type=int, default=None, help="Context length in tokens (default: the model's own)."
    )
    group.add_argument(
        "--served-model-name", default=None, help="Model name in /v1/models and replies (default: from --model)."
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the model and serve until interrupted."""
    from ..serve import ServeConfig, serve

    config = ServeConfig(
        model_name_or_path=args.model,
        revision=args.revision,
        template=args.template,
        force_template=args.force_template,
        dtype=args.dtype,
        load_in_8bit=args.load_8bit,
        load_in_4bit=args.load_4bit,
        trust_remote_code=args.trust_remote_code,
        served_model_name=args.served_model_name,
        host=args.host,
        port=args.port,
        max_batch_size=args.max_batch_size,
        max_queue=args.max_queue,
        max_model_len=args.max_model_len,
        temperature=args.temperature,
        top_p=args.top_p,
        max_new_tokens=args.max_new_tokens,
        repetition_penalty=args.repetition_penalty,
        seed=args.seed,
    )
    serve(config)
    return 0

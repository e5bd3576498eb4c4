"""``llmzoo chat``: talk to a model in the terminal, or answer stdin lines when piped."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TextIO

from ._common import add_command, add_generation_args, add_model_args, load_chat_from_args

EXAMPLES = [
    "llmzoo chat                                   # the embedded SmolLM2-135M-Instruct",
    "llmzoo chat outputs/chimera-tiny --temperature 0",
    "llmzoo chat --model FreedomIntelligence/phoenix-inst-chat-7b --load-4bit",
    "echo 'What is the capital of France?' | llmzoo chat --temperature 0",
    "llmzoo chat --multiline --style rich",
]
HELP_TEXT = "Commands: !reset forgets the conversation, !exit quits."


def register(subparsers) -> None:
    """Add the ``chat`` subcommand."""
    parser = add_command(
        subparsers,
        "chat",
        help="Chat with a model in the terminal (streams answers).",
        description="Chat with a model in the terminal. When stdin is not a terminal, each input line (or block, "
        "with --multiline) is one message and each answer is printed on stdout.\n" + HELP_TEXT,
        examples=EXAMPLES,
    )
    parser.add_argument(
        "model_path", nargs="?", default=None, metavar="MODEL", help="The model, as with --model (either form)."
    )
    add_model_args(parser)
    add_generation_args(parser)
    parser.add_argument("--system-prompt", default=None, help="System message sent before the conversation.")
    parser.add_argument(
        "--style", choices=("simple", "rich"), default="simple", help="Plain text, or rich Markdown rendering."
    )
    parser.add_argument(
        "--multiline",
        action="store_true",
        help="Read several lines per message; an empty line sends it (piped input: blocks separated by blank lines).",
    )
    parser.set_defaults(func=run)


def read_messages(stream: TextIO, *, multiline: bool, prompt: str | None, out: TextIO) -> Iterator[str]:
    """Yield the user's messages from ``stream``: one per line, or one per blank-line-ended block."""
    block: list[str] = []
    while True:
        if prompt is not None and not block:
            out.write(prompt)
            out.flush()
        line = stream.readline()
        if not line:  # end of input
            if block:
                yield "\n".join(block)
            return
        text = line.rstrip("\n")
        if not multiline:
            if text.strip():
                yield text
            continue
        if text.strip():
            block.append(text)
            if prompt is not None:
                out.write("... ")
                out.flush()
        elif block:
            yield "\n".join(block)
            block = []


def run(args: argparse.Namespace) -> int:
    """Run the chat loop."""
    if args.model_path is not None:
        given = args.model_name_or_path
        if given is not None and given != args.model_path:
            raise ValueError(f"Two models given: {args.model_path} and --model {given}; give one.")
        args.model_name_or_path = args.model_path
    session = load_chat_from_args(args)
    interactive = sys.stdin.isatty()
    info = sys.stderr
    print(f"Model: {session.model_id}. {session.template_explanation}", file=info)
    if interactive:
        hint = " (empty line sends)" if args.multiline else ""
        print(f"{HELP_TEXT}{hint}", file=info)
    console = None
    if args.style == "rich":
        from rich.console import Console

        console = Console()
    prompt = "Human: " if interactive else None
    for message in read_messages(sys.stdin, multiline=args.multiline, prompt=prompt, out=sys.stdout):
        command = message.strip().lower()
        if command == "!exit":
            break
        if command == "!reset":
            session.reset()
            print("(conversation reset)", file=info)
            continue
        if console is not None:
            _print_rich(console, session.stream(message), interactive)
        else:
            if interactive:
                sys.stdout.write("Assistant: ")
            for piece in session.stream(message):
                sys.stdout.write(piece)
                sys.stdout.flush()
            sys.stdout.write("\n")
            sys.stdout.flush()
    return 0


def _print_rich(console, pieces: Iterator[str], interactive: bool) -> None:
    """Render a streamed answer as live-updating Markdown."""
    from rich.live import Live
    from rich.markdown import Markdown

    text = ""
    if interactive:
        console.print("[bold]Assistant:[/bold]")
    with Live(Markdown(text), console=console, refresh_per_second=12) as live:
        for piece in pieces:
            text += piece
            live.update(Markdown(text))

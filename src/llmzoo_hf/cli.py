"""The ``llmzoo`` command line: a thin layer of subcommands over the library.

Each module in ``llmzoo_hf.commands`` registers one subcommand group with ``register(subparsers)`` and keeps its
heavy imports inside the function that runs it, so ``llmzoo --help`` answers at once.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from . import __version__, commands
from .commands._common import HelpFormatter


def build_parser() -> argparse.ArgumentParser:
    """Return the ``llmzoo`` parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="llmzoo",
        description="Build, publish, serve and compare multilingual chat models (Phoenix, Chimera).",
        formatter_class=HelpFormatter,
        epilog="Training: accelerate launch -m llmzoo_hf.sft recipes/chimera-tiny.yaml\n"
        "Run `llmzoo <command> --help` for the options and examples of a command.",
    )
    parser.add_argument("--version", action="version", version=f"llmzoo-hf {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        importlib.import_module(f"{commands.__name__}.{info.name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``llmzoo`` command line; return the exit code."""
    from ._logging import configure_logging

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    configure_logging()
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except (ValueError, FileNotFoundError, ImportError) as exc:
        # Our errors carry the culprit and the fix; show them without a traceback.
        print(f"llmzoo {args.command}: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

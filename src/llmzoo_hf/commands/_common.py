"""Helpers shared by the subcommand modules (argparse only: no heavy imports here)."""

from __future__ import annotations

import argparse
import dataclasses

from .._argparse import add_dataclass_args, dataclass_from_args


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Show each default once and keep the hand-wrapped examples in epilogs.

    A default is added only where it says something: not when the help already names it, not for required
    options, flags (off unless given) or ``None``.
    """

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if (
            "default" in text.lower()
            or action.required
            or action.default in (None, False, argparse.SUPPRESS)
            or isinstance(action, argparse._StoreConstAction)
        ):
            return text
        return super()._get_help_string(action)


def add_command(subparsers, name: str, *, help: str, description: str, examples: list[str]) -> argparse.ArgumentParser:
    """Add a subcommand parser with defaults shown in ``--help`` and an ``Examples:`` epilog."""
    return subparsers.add_parser(
        name,
        help=help,
        description=description,
        formatter_class=HelpFormatter,
        epilog="Examples:\n" + "\n".join(f"  {e}" for e in examples),
    )


def add_generation_args(parser: argparse.ArgumentParser) -> None:
    """Add the decoding options shared by chat and eval (:class:`~llmzoo_hf.chat.GenerationSettings`' fields)."""
    from ..chat import GenerationSettings

    add_dataclass_args(parser, GenerationSettings, title="generation")


def add_model_args(parser: argparse.ArgumentParser) -> None:
    """Add the model-loading options shared by chat and eval (:class:`~llmzoo_hf.chat.ModelLoadConfig`' fields)."""
    from ..chat import ModelLoadConfig

    add_dataclass_args(parser, ModelLoadConfig, title="model")


def load_chat_from_args(args: argparse.Namespace, **overrides):
    """Call :func:`llmzoo_hf.load_chat` with the options of :func:`add_model_args` (and of
    :func:`add_generation_args` where the command has them); ``overrides`` win."""
    from ..chat import ModelLoadConfig, load_chat

    model = dataclass_from_args(args, ModelLoadConfig)
    kwargs = dataclasses.asdict(model)
    del kwargs["model_name_or_path"]
    for name in ("temperature", "top_p", "max_new_tokens", "repetition_penalty", "seed", "system_prompt"):
        if hasattr(args, name):
            kwargs[name] = getattr(args, name)
    kwargs.update(overrides)
    return load_chat(model.model_name_or_path, **kwargs)


def port_in_use(host: str, port: int) -> bool:
    """Return True when something already listens on ``host:port`` (checked before loading anything)."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False

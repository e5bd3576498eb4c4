"""Helpers shared by the subcommand modules (argparse only: no heavy imports here)."""

from __future__ import annotations

import argparse


def add_command(subparsers, name: str, *, help: str, description: str, examples: list[str]) -> argparse.ArgumentParser:
    """Add a subcommand parser with defaults shown in ``--help`` and an ``Examples:`` epilog."""
    from ..cli import HelpFormatter

    return subparsers.add_parser(
        name,
        help=help,
        description=description,
        formatter_class=HelpFormatter,
        epilog="Examples:\n" + "\n".join(f"  {e}" for e in examples),
    )


def add_generation_args(parser: argparse.ArgumentParser) -> None:
    """Add the decoding options shared by chat, serve and eval."""
    group = parser.add_argument_group("generation")
    group.add_argument("--temperature", type=float, default=0.7, help="Sampling temperature; 0 = greedy.")
    group.add_argument("--top-p", type=float, default=0.9, help="Nucleus sampling probability mass.")
    group.add_argument("--max-new-tokens", type=int, default=512, help="Most tokens generated per reply.")
    group.add_argument("--repetition-penalty", type=float, default=1.0, help="Penalty on repeated tokens (1 = off).")
    group.add_argument("--seed", type=int, default=None, help="Random seed for sampling.")


def add_model_args(parser: argparse.ArgumentParser) -> None:
    """Add the model-loading options shared by chat, serve and eval."""
    group = parser.add_argument_group("model")
    group.add_argument(
        "--model", default=None, help="Local folder, zoo name or Hub id (default: the embedded SmolLM2-135M-Instruct)."
    )
    group.add_argument("--revision", default=None, help="Hub revision (branch, tag or commit) of --model.")
    group.add_argument(
        "--template", default=None, help="Chat template used when the model has none (e.g. phoenix, chimera)."
    )
    group.add_argument("--force-template", action="store_true", help="Use --template even if the model has its own.")
    quant = group.add_mutually_exclusive_group()
    quant.add_argument("--load-8bit", action="store_true", help="Load the weights in int8 (bitsandbytes).")
    quant.add_argument("--load-4bit", action="store_true", help="Load the weights in nf4 int4 (bitsandbytes).")
    group.add_argument("--dtype", default="auto", help="auto (bf16 on GPU, fp32 on CPU), float32, bfloat16, float16.")
    group.add_argument(
        "--trust-remote-code", action="store_true", help="Run the model repository's own code (off by default)."
    )


def load_chat_from_args(args: argparse.Namespace, **overrides):
    """Call :func:`llmzoo_hf.load_chat` with the options of :func:`add_model_args` (and of
    :func:`add_generation_args` where the command has them); ``overrides`` win."""
    from ..chat import load_chat

    kwargs = {
        "load_in_8bit": args.load_8bit,
        "load_in_4bit": args.load_4bit,
        "template": args.template,
        "force_template": args.force_template,
        "revision": args.revision,
        "dtype": args.dtype,
        "trust_remote_code": args.trust_remote_code,
    }
    for name in ("temperature", "top_p", "max_new_tokens", "repetition_penalty", "seed", "system_prompt"):
        if hasattr(args, name):
            kwargs[name] = getattr(args, name)
    kwargs.update(overrides)
    return load_chat(args.model, **kwargs)


class _RepeatableOption(argparse.Action):
    """Collect a repeated option into a list that replaces (not extends) the default."""

    def __call__(self, parser, namespace, values, option_string=None):
        current = getattr(namespace, self.dest)
        items = [] if current is self.default else list(current)
        setattr(namespace, self.dest, [*items, values])


def add_config_args(parser: argparse.ArgumentParser, config_class: type, *, required: tuple[str, ...] = ()) -> None:
    """Add one ``--field-name`` option per field of a config dataclass, help from its metadata (list fields repeat);
    the fields named in ``required`` become required options."""
    import dataclasses

    for spec in dataclasses.fields(config_class):
        if spec.name in required:
            parser.add_argument(
                "--" + spec.name.replace("_", "-"), dest=spec.name, required=True, help=spec.metadata["help"]
            )
            continue
        flag = "--" + spec.name.replace("_", "-")
        help_text = spec.metadata.get("help", "")
        kind = str(spec.type)
        default = spec.default_factory() if spec.default_factory is not dataclasses.MISSING else spec.default
        if kind.startswith("list["):
            # `%(default).0s` prints nothing and stops argparse from adding its "(default: [...])" list repr.
            help_text += (f" (default: {', '.join(default)})" if default else "") + "%(default).0s"
            parser.add_argument(flag, dest=spec.name, action=_RepeatableOption, default=default, help=help_text)
        elif kind == "bool":
            parser.add_argument(flag, dest=spec.name, action="store_true", help=help_text)
        else:
            value_type = {"int": int, "float": float}.get(kind.split(" |")[0], str)
            parser.add_argument(
                flag,
                dest=spec.name,
                type=value_type,
                default=default,
                choices=spec.metadata.get("choices"),
                help=help_text,
            )


def config_from_args(args: argparse.Namespace, config_class: type):
    """Build a config dataclass from the options that :func:`add_config_args` added."""
    import dataclasses

    return config_class(**{spec.name: getattr(args, spec.name) for spec in dataclasses.fields(config_class)})


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

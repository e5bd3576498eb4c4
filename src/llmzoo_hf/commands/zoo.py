"""``llmzoo zoo list|show``: browse the catalog of chat models (names that ``load_chat`` and ``--model`` accept)."""

from __future__ import annotations

import argparse
import json

from ._common import add_command

EXAMPLES = [
    "llmzoo zoo list",
    "llmzoo zoo list --lang zh --open-data",
    "llmzoo zoo list --format md > models.md",
    "llmzoo zoo show phoenix-inst-chat-7b",
    "LLMZOO_ZOO=my_zoo.yaml llmzoo zoo list    # add your own entries",
]


def register(subparsers) -> None:
    """Add the ``zoo`` subcommand group (``list``, ``show``)."""
    parser = add_command(
        subparsers,
        "zoo",
        help="List and describe the chat models of the zoo.",
        description="The zoo is a validated catalog of chat models: Hub id, backbone, size, open weights/data, "
        "languages, training data, release date, licence and chat template. Its names work wherever a model is "
        "asked for (load_chat, --model). Set LLMZOO_ZOO to a YAML/JSON file to add entries.",
        examples=EXAMPLES,
    )
    actions = parser.add_subparsers(dest="zoo_command", metavar="ACTION")
    from ._common import HelpFormatter

    list_parser = actions.add_parser(
        "list",
        help="List the models (filter by language or open data).",
        formatter_class=HelpFormatter,
        epilog="Examples:\n  llmzoo zoo list --lang fr\n  llmzoo zoo list --open-data --format json",
    )
    list_parser.add_argument(
        "--lang", default=None, help="Only models claiming this language code (multilingual models always match)."
    )
    list_parser.add_argument("--open-data", action="store_true", help="Only models whose training data is open.")
    list_parser.add_argument(
        "--format", choices=("table", "json", "md"), default="table", help="Plain table, JSON list or Markdown table."
    )
    list_parser.set_defaults(func=run_list)

    show_parser = actions.add_parser(
        "show",
        help="Show every fact recorded about one model.",
        formatter_class=HelpFormatter,
        epilog="Examples:\n  llmzoo zoo show chimera-inst-chat-13b\n  llmzoo zoo show dolly --format json",
    )
    show_parser.add_argument("name", help="Zoo name (see `llmzoo zoo list`) or Hub id of a zoo model.")
    show_parser.add_argument("--format", choices=("text", "json"), default="text", help="Key: value lines or JSON.")
    show_parser.set_defaults(func=run_show)
    parser.set_defaults(func=lambda args: _print_help(parser))


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_list(args: argparse.Namespace) -> int:
    """Print the (filtered) catalog."""
    from ..zoo import load_catalog, render_markdown_table, render_text_table

    entries = load_catalog().filter(lang=args.lang, open_data=args.open_data)
    if args.format == "json":
        print(json.dumps([entry.to_dict() for entry in entries], ensure_ascii=False, indent=2))
    elif args.format == "md":
        print(render_markdown_table(entries), end="")
    else:
        print(render_text_table(entries), end="")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Print one entry."""
    from ..zoo import load_catalog

    record = load_catalog().get(args.name).to_dict()
    if args.format == "json":
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return 0
    for key, value in record.items():
        if isinstance(value, dict):
            value = f"{value['size'] or '?'}, {value['languages'] or '?'}"
        elif value is False:
            value = "none"
        elif value is None:
            value = "?"
        elif isinstance(value, list):
            value = ", ".join(value) if value else "-"
        print(f"{key}: {value}")
    return 0

"""Command-line options built from a config dataclass's fields, as TRL's ``HfArgumentParser`` does.

Every option's name, type, default, choices and help come from one field: ``metadata["help"]`` is the help text,
``metadata["choices"]`` the allowed values, ``metadata["flag"]`` / ``metadata["aliases"]`` a different option name,
``metadata["group"]`` the help section. Booleans become ``--x/--no-x``; lists take one or more values and may be
repeated. :func:`dataclass_from_args` builds the dataclass back from the parsed namespace. Used by the
subcommands and by :func:`llmzoo_hf.client.add_endpoint_args`; argparse only, no heavy imports.
"""

from __future__ import annotations

import argparse
import dataclasses
import types
import typing
from typing import Any


class _ListOption(argparse.Action):
    """Take one or more values; a repeated option adds to the list, which replaces (not extends) the default."""

    def __call__(self, parser, namespace, values, option_string=None):
        current = getattr(namespace, self.dest)
        items = [] if current is self.default else list(current)
        setattr(namespace, self.dest, [*items, *values])


def field_default(spec: dataclasses.Field) -> Any:
    """Return a dataclass field's default value (calling its ``default_factory``); MISSING when it has none."""
    if spec.default_factory is not dataclasses.MISSING:
        return spec.default_factory()
    return spec.default


def _value_type(hint: Any) -> tuple[Any, bool]:
    """Return ``(element type, is_list)`` for an annotation such as ``int | None`` or ``list[str] | None``."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    if typing.get_origin(hint) is list:
        return (typing.get_args(hint) or (str,))[0], True
    return hint, False


def add_dataclass_args(
    parser: argparse.ArgumentParser,
    config_class: type,
    *,
    title: str | None = None,
    description: str | None = None,
    prefix: str = "--",
    dest_prefix: str = "",
    flags: dict[str, str] | None = None,
    defaults: dict[str, Any] | None = None,
    exclude: tuple[str, ...] = (),
    required: tuple[str, ...] = (),
) -> None:
    """Add one option per field of the dataclass ``config_class`` to ``parser``.

    Args:
        parser: the (sub)command's parser.
        config_class: the config dataclass; each field needs ``metadata["help"]``.
        title: the option group's title (default: the parser's own options, or ``metadata["group"]`` per field).
        description: the option group's description line.
        prefix: prepended to the dashed field name, e.g. ``"--judge-"`` gives ``--judge-model``.
        dest_prefix: prepended to each field name in the namespace (keeps two configs' fields apart).
        flags: field -> option name where a command names it otherwise (wins over ``metadata["flag"]``).
        defaults: field -> default where the command's default differs from the field's.
        exclude: fields the command sets from options of its own.
        required: fields that must be given.
    """
    flags, defaults = flags or {}, defaults or {}
    hints = typing.get_type_hints(config_class)
    groups: dict[str | None, Any] = {}

    def group_for(name: str | None):
        if name not in groups:
            groups[name] = parser.add_argument_group(name, description) if name else parser
        return groups[name]

    for spec in dataclasses.fields(config_class):
        if spec.name in exclude:
            continue
        metadata = spec.metadata
        names = [
            flags.get(spec.name) or metadata.get("flag") or prefix + spec.name.replace("_", "-"),
            *metadata.get("aliases", ()),
        ]
        kwargs: dict[str, Any] = {"dest": dest_prefix + spec.name, "help": metadata["help"]}
        metavar = names[0].lstrip("-").replace("-", "_").replace(".", "_").upper()
        group = group_for(title or metadata.get("group"))
        if spec.name in required:
            group.add_argument(*names, required=True, metavar=metavar, **kwargs)
            continue
        default = defaults.get(spec.name, field_default(spec))
        kind, is_list = _value_type(hints[spec.name])
        if kind is bool:
            action = group.add_argument(*names, action=argparse.BooleanOptionalAction, default=default, **kwargs)
            # Undo BooleanOptionalAction's own "(default: ...)": the help formatter adds it where it says something.
            action.help = metadata["help"]
            continue
        kwargs.update(type=kind, default=default)
        if "choices" in metadata:
            kwargs["choices"] = metadata["choices"]  # shown as {a,b,c} in place of a metavar
        else:
            kwargs["metavar"] = metavar
        if is_list:
            if default:
                # `%(default).0s` prints nothing: argparse's "(default: [...])" list repr gives way to a plain list.
                kwargs["help"] += f" (default: {', '.join(map(str, default))})%(default).0s"
            group.add_argument(*names, action=_ListOption, nargs="+", **kwargs)
        else:
            group.add_argument(*names, **kwargs)


def dataclass_from_args(args: argparse.Namespace, config_class: type, *, dest_prefix: str = "", **values: Any):
    """Build ``config_class`` from the options of :func:`add_dataclass_args`; ``values`` set the other fields."""
    for spec in dataclasses.fields(config_class):
        if hasattr(args, dest_prefix + spec.name):
            values.setdefault(spec.name, getattr(args, dest_prefix + spec.name))
    return config_class(**values)

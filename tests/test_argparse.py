"""``llmzoo_hf._argparse``: options built from a dataclass's fields, and the dataclass built back."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

import pytest

from llmzoo_hf._argparse import add_dataclass_args, dataclass_from_args
from llmzoo_hf.commands._common import HelpFormatter


@dataclass
class _Config:
    name: str = field(default="", metadata={"help": "Name."})
    size: int | None = field(default=None, metadata={"help": "Size."})
    rate: float = field(default=0.5, metadata={"help": "Rate."})
    kind: str = field(default="a", metadata={"help": "Kind.", "choices": ("a", "b")})
    fast: bool = field(default=False, metadata={"help": "Go fast."})
    careful: bool = field(default=True, metadata={"help": "Be careful."})
    langs: list[str] = field(default_factory=lambda: ["en"], metadata={"help": "Languages."})
    level: int = field(default=3, metadata={"help": "Level.", "flag": "--lvl", "aliases": ["-L"]})


def _parser(**options) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(formatter_class=HelpFormatter)
    add_dataclass_args(parser, _Config, **options)
    return parser


def test_defaults_types_flags_and_the_dataclass_back():
    assert dataclass_from_args(_parser().parse_args([]), _Config) == _Config()
    args = _parser().parse_args(
        ["--size", "4", "--rate", "2", "--kind", "b", "--fast", "--no-careful", "--langs", "zh", "fr", "-L", "7"]
    )
    assert dataclass_from_args(args, _Config) == _Config(
        size=4, rate=2.0, kind="b", fast=True, careful=False, langs=["zh", "fr"], level=7
    )


def test_a_repeated_list_option_replaces_the_default_then_adds():
    args = _parser().parse_args(["--langs", "zh", "--langs", "fr", "hi"])
    assert args.langs == ["zh", "fr", "hi"]
    assert _Config().langs == ["en"]  # the default list is not changed in place


def test_bad_choice_and_bad_type_are_argparse_errors(capsys):
    with pytest.raises(SystemExit):
        _parser().parse_args(["--kind", "c"])
    assert "invalid choice: 'c'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _parser().parse_args(["--size", "x"])
    assert "invalid int value: 'x'" in capsys.readouterr().err


def test_prefix_dest_prefix_flags_exclude_required_and_defaults():
    parser = _parser(
        prefix="--cfg-",
        dest_prefix="cfg_",
        flags={"name": "--title"},
        exclude=("level",),
        required=("name",),
        defaults={"rate": 0.25},
    )
    options = {a.dest: a for a in parser._actions if a.dest != "help"}
    assert options["cfg_name"].option_strings == ["--title"] and options["cfg_name"].required
    assert options["cfg_size"].option_strings == ["--cfg-size"]
    assert "cfg_level" not in options
    args = parser.parse_args(["--title", "x"])
    assert dataclass_from_args(args, _Config, dest_prefix="cfg_", level=9) == _Config(name="x", rate=0.25, level=9)


def test_help_shows_each_default_once():
    text = _parser().format_help()
    assert "Rate. (default: 0.5)" in text
    assert "Languages. (default: en)" in text
    assert "Be careful. (default: True)" in text
    assert "Go fast.\n" in text and "(default: False)" not in text and "(default: None)" not in text

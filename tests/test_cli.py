"""Every `llmzoo` command and subcommand has a clean --help with examples; --help is fast and light."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import pytest

from conftest import run_cli
from llmzoo_hf.cli import build_parser, main


def _walk(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    """Yield (command path, parser) for every leaf and inner command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name), sub
                yield from _walk(sub, (*prefix, name))


ALL_COMMANDS = [path for path, _ in _walk(build_parser())]


def test_expected_commands_are_registered():
    top = {path[0] for path in ALL_COMMANDS}
    assert {"chat"} <= top
    for expected in (("delta", "make"), ("delta", "apply"), ("eval", "answer"), ("eval", "review"), ("zoo", "list")):
        if expected[0] in top:
            assert expected in ALL_COMMANDS


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=[" ".join(p) for p in ALL_COMMANDS])
def test_help_of_every_command(path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([*path, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: llmzoo " + " ".join(path))
    parser = dict(_walk(build_parser()))[path]
    has_subcommands = any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
    if not has_subcommands:
        assert "Examples:" in out, f"`llmzoo {' '.join(path)} --help` shows no example"
    for action in parser._actions:
        if action.option_strings and action.dest != "help":
            assert action.help, f"option {action.option_strings} of `llmzoo {' '.join(path)}` has no help text"


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_top_level_help_in_a_subprocess_is_fast():
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "llmzoo_hf.cli", "--help"], capture_output=True, text=True)
    elapsed = time.monotonic() - start
    assert result.returncode == 0 and "chat" in result.stdout
    assert elapsed < 15  # no torch / transformers import just to print help (generous for a loaded CI box)


def test_version_flag():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("llmzoo-hf ")

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


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=[" ".join(p) for p in ALL_COMMANDS])
def test_help_shows_each_default_once(path):
    parser = dict(_walk(build_parser()))[path]
    for action in parser._actions:
        if not action.option_strings or action.dest == "help":
            continue
        text = parser._get_formatter()._expand_help(action)
        assert "(default: None)" not in text, (path, action.option_strings, text)
        assert text.count("(default") <= 1, (path, action.option_strings, text)
        if action.required:
            assert "(default:" not in text, (path, action.option_strings, text)


def test_help_examples_use_the_quickstart_output_folder():
    for path, parser in _walk(build_parser()):
        assert "runs/" not in (parser.epilog or ""), path


def test_wrong_model_gives_one_line(tmp_path):
    missing = tmp_path / "nope"
    local = run_cli("chat", str(missing), input="hi\n")
    assert (local.returncode, local.stderr.strip().splitlines()) == (
        1,
        [f"llmzoo chat: error: No model folder at {missing} (it does not exist)."],
    )
    start = time.monotonic()
    offline = run_cli("chat", "--model", "someone/no-such-model", input="hi\n", env={"HF_HUB_OFFLINE": "1"})
    assert time.monotonic() - start < 60  # no retries: the offline setting is read before any request
    assert (offline.returncode, offline.stderr.strip().splitlines()) == (
        1,
        [
            "llmzoo chat: error: 'someone/no-such-model' is not a local folder and not in the Hub cache, and "
            "HF_HUB_OFFLINE=1 forbids downloading it. Give the path of a model folder, or unset HF_HUB_OFFLINE."
        ],
    )
    both = run_cli("chat", "embedded", "--model", "other")
    assert both.returncode == 1 and "Two models given: embedded and --model other; give one." in both.stderr


def test_space_with_its_port_taken_says_so_in_one_line():
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("space", "--port", str(port))
    assert (result.returncode, result.stderr.strip().splitlines()) == (
        1,
        [f"llmzoo space: error: port {port} on 127.0.0.1 is already in use; choose another with --port."],
    )

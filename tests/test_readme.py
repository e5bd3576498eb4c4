"""The README's code blocks and the generated cards' snippets are true: run them offline, or at least parse them.

- python blocks run in a subprocess (in a scratch folder), except the few in :data:`SKIPPED`, each with its reason;
  blocks that call ``http://127.0.0.1:8000`` get a real ``llmzoo serve`` there (on a free port);
- every ``llmzoo ...`` line of a bash block is parsed by the real CLI parser, and the cheap ones in
  :data:`RUN_COMMANDS` are run as subprocesses; ``accelerate launch`` lines must name files that exist;
- the generated model and delta cards' snippets run against a local model.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from tests._servers import llmzoo_serve

from conftest import REPO_ROOT
from llmzoo_hf.cli import build_parser

README = REPO_ROOT / "README.md"
SERVER_URL = "http://127.0.0.1:8000"

# Python blocks that cannot run offline on a CPU, by a phrase in them, and why. Every other block runs.
SKIPPED = {
    'DataSource(path="FreedomIntelligence/phoenix-sft-data-v1"': "downloads a Hub dataset",
    "post_translate(": "generates for minutes through a chat endpoint (test_datagen runs the same calls)",
    'make_delta("huggyllama/llama-7b"': "downloads LLaMA-7B (test_delta runs make/apply on local models)",
    'load_chat("phoenix-inst-chat-7b", load_in_4bit=True)': "downloads a 7B model and needs a CUDA GPU",
}
# What a block expects to exist before it runs, as the README's own flow would have made it.
PRELUDES = {
    "apply_chat_template(tokenizer": "from transformers import AutoTokenizer\nfrom llmzoo_hf import "
    "default_model_path\ntokenizer = AutoTokenizer.from_pretrained(default_model_path())\n",
    'card.save("outputs/chimera-tiny/README.md")': "import os\nos.makedirs('outputs/chimera-tiny')  # trained there\n",
}
# Bash lines that are cheap enough to run for real (the rest are parsed), with what their output must contain.
RUN_COMMANDS = {
    "printf 'What is the capital of France?\\nAnd of Spain?\\n' | llmzoo chat --temperature 0": "Paris",
    "llmzoo zoo list": "phoenix-inst-chat-7b",
    "llmzoo zoo list --lang zh --open-data": "phoenix-inst-chat-7b",
    "llmzoo zoo list --format json": '"name": "chimera-tiny"',
    "llmzoo zoo show chimera-inst-chat-13b": "LLaMA-13b",
}


def code_blocks(text: str) -> list[tuple[int, str, str]]:
    """Return ``(line, language, body)`` for every fenced code block of a Markdown text."""
    blocks = []
    for match in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.S | re.M):
        blocks.append((text[: match.start()].count("\n") + 1, match.group(1), match.group(2)))
    return blocks


def shell_commands(body: str) -> list[str]:
    """Return the commands of a bash block: continuations joined, comments and blank lines dropped."""
    commands = []
    for line in body.replace("\\\n", " ").splitlines():
        line = re.sub(r"\s+#.*$", "", line).strip()
        if line and not line.startswith("#"):
            commands.append(re.sub(r"\s+", " ", line))
    return commands


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src"), "PYTHONUNBUFFERED": "1", **extra}


def _run_python(code: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=_env(**env), capture_output=True, text=True, timeout=900
    )


BLOCKS = code_blocks(README.read_text(encoding="utf-8"))
PYTHON_BLOCKS = [(line, body) for line, lang, body in BLOCKS if lang == "python"]
BASH_COMMANDS = [(line, cmd) for line, lang, body in BLOCKS if lang == "bash" for cmd in shell_commands(body)]


def test_the_skip_lists_match_the_readme():
    """A skip or prelude whose block is gone (or was reworded) must go too: the lists stay small and true."""
    for phrase in [*SKIPPED, *PRELUDES]:
        assert any(phrase in body for _, body in PYTHON_BLOCKS), phrase
    commands = {cmd for _, cmd in BASH_COMMANDS}
    for command in RUN_COMMANDS:
        assert command in commands, command
    assert len(SKIPPED) <= len(PYTHON_BLOCKS) // 2


@pytest.fixture(scope="module")
def readme_server(embedded_model_path, tmp_path_factory):
    args = ("--temperature", "0", "--max-new-tokens", "16", "--max-model-len", "512")
    with llmzoo_serve(embedded_model_path, tmp_path_factory.mktemp("readme-serve"), *args) as server:
        yield server


@pytest.mark.slow
@pytest.mark.parametrize("line,body", PYTHON_BLOCKS, ids=[f"README.md:{line}" for line, _ in PYTHON_BLOCKS])
def test_python_block_runs(line, body, tmp_path, request):
    reason = next((why for phrase, why in SKIPPED.items() if phrase in body), None)
    if reason:
        pytest.skip(reason)
    code = "".join(prelude for phrase, prelude in PRELUDES.items() if phrase in body) + body
    env = {}
    if SERVER_URL in code:
        code = code.replace(SERVER_URL, request.getfixturevalue("readme_server").url)
        if "InferenceClient(" in code:  # it refuses even 127.0.0.1 offline; nothing leaves this machine anyway
            env["HF_HUB_OFFLINE"] = "0"
    result = _run_python(code, tmp_path, **env)
    assert result.returncode == 0, f"README.md:{line} failed:\n{result.stderr[-3000:]}"
    if 'chat.chat("What is the capital of France?")' in body:  # the quickstart promises this exact answer
        assert result.stdout.startswith("The capital of France is Paris.\n"), result.stdout


@pytest.mark.parametrize(
    "line,command", BASH_COMMANDS, ids=[f"README.md:{line}:{c[:40]}" for line, c in BASH_COMMANDS]
)
def test_bash_command_is_valid(line, command):
    """Every llmzoo command parses with the real parser; accelerate launch names a recipe and config that exist."""
    for part in command.split("|"):
        argv = shlex.split(part)
        if argv[:1] == ["llmzoo"]:
            args = build_parser().parse_args(argv[1:])  # argparse exits (fails the test) on a wrong option
            assert getattr(args, "func", None) is not None, command
        elif argv[:2] == ["accelerate", "launch"]:
            files = [a for a in argv if a.endswith(".yaml")]
            files += [a.split("=", 1)[1] for a in argv if a.startswith("--config_file=")]
            assert files and all((REPO_ROOT / f).is_file() for f in files), command


@pytest.mark.slow
@pytest.mark.parametrize("command", list(RUN_COMMANDS))
def test_cheap_bash_command_runs(command, tmp_path):
    result = subprocess.run(
        ["bash", "-c", command.replace("llmzoo ", f"{sys.executable} -m llmzoo_hf.cli ")],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert RUN_COMMANDS[command] in result.stdout
    if "llmzoo chat" in command:
        assert len(result.stdout.strip().splitlines()) == 2  # one answer per input line


def _card_blocks(card_text: str, lang: str) -> list[str]:
    return [body for _, block_lang, body in code_blocks(card_text) if block_lang == lang]


@pytest.mark.slow
def test_generated_model_card_snippets_run(tiny_llama_path, tmp_path):
    """The card written next to a trained model loads that model with the card's own snippets."""
    from llmzoo_hf.cards import ModelCardInfo, build_model_card

    card = build_model_card(ModelCardInfo(model_id=str(tiny_llama_path), chat_template="chimera"))
    blocks = _card_blocks(card.text, "python")
    assert len(blocks) == 2 and f'load_chat("{tiny_llama_path}", temperature=0)' in blocks[0]
    for body in blocks:
        result = _run_python(body.replace("max_new_tokens=64", "max_new_tokens=8"), tmp_path)
        assert result.returncode == 0, result.stderr[-3000:]
        assert result.stdout.strip(), body


@pytest.mark.slow
def test_generated_delta_card_commands_run(tiny_llama_path, tmp_path):
    from llmzoo_hf.cards import DeltaCardInfo, build_delta_card
    from llmzoo_hf.delta import make_delta
    from test_delta import _perturbed_copy

    (tmp_path / "models").mkdir()
    target = _perturbed_copy(tiny_llama_path, tmp_path / "models" / "chimera-target", seed=2)
    result = make_delta(tiny_llama_path, target, output_dir=tmp_path / "models" / "delta")
    work = tmp_path / "work"
    work.mkdir()
    card = build_delta_card(
        DeltaCardInfo(
            delta_id=str(result.output_dir),
            base_model=str(tiny_llama_path),
            base_checksum=result.base_checksum,
            target_model=str(target),
        )
    )
    (block,) = _card_blocks(card.text, "bash")
    commands = shell_commands(block)
    assert commands[0] == "pip install llmzoo-hf"  # installing is what the rest of this suite already did
    for command in commands[1:]:
        argv = [sys.executable, "-m", "llmzoo_hf.cli", *shlex.split(command)[1:]]
        if argv[3] == "chat":
            argv += ["--max-new-tokens", "8"]
        run = subprocess.run(argv, cwd=work, env=_env(), input="hi\n", capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, f"{command}:\n{run.stderr[-3000:]}"
    assert (work / "chimera-target" / "model.safetensors").is_file()

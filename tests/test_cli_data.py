"""``llmzoo data``: the CLI in real subprocesses, against the fault-injecting test server and ``llmzoo serve``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _servers import llmzoo_serve
from conftest import FIXTURES, REPO_ROOT, run_cli
from test_datagen import fake_chat_server, read_jsonl, write_tasks


def test_data_help_lists_actions_and_examples():
    result = run_cli("data", "--help", timeout=120)
    assert result.returncode == 0
    for action in ("generate", "user-centered", "translate", "build"):
        assert action in result.stdout
    result = run_cli("data", "translate", "--help", timeout=120)
    assert result.returncode == 0
    for option in ("--languages", "--concurrency", "--rpm", "--tpm", "--max-retries", "--timeout", "Examples:"):
        assert option in result.stdout


def test_malformed_seed_file_is_an_error_naming_file_and_line(tmp_path):
    seeds = tmp_path / "seeds.jsonl"
    seeds.write_text('{"instruction": "Name a river."}\n{"role": "a cook"}\n')
    result = run_cli("data", "generate", "--seeds", str(seeds), "--output", str(tmp_path / "o.jsonl"), timeout=120)
    assert result.returncode == 1
    assert f"llmzoo data: error: {seeds}:2: missing or empty 'instruction'" in result.stderr
    assert "Traceback" not in result.stderr


def test_user_centered_cli_prints_summary(tmp_path):
    tasks = write_tasks(tmp_path / "tasks.jsonl", 3)
    out = tmp_path / "out.jsonl"
    with fake_chat_server() as server:
        result = run_cli(
            "data", "user-centered", "--input", str(tasks), "--output", str(out), "--base-url", server.url,
            "--summary-json", str(tmp_path / "summary.json"), "--lang", "en", timeout=120,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "inputs: 3  already done: 0  written: 3  failed: 0" in result.stdout
    assert "written per language: en=3" in result.stdout
    assert json.loads((tmp_path / "summary.json").read_text())["completion_tokens"] == 15
    assert len(read_jsonl(out)) == 3


def _kill_mid_run_and_resume(tmp_path: Path, base_url: str, n: int, extra: list[str], *, timeout: float) -> None:
    """Start ``llmzoo data user-centered``, SIGKILL it once some records are written, re-run; check one per key."""
    tasks = write_tasks(tmp_path / "tasks.jsonl", n)
    out = tmp_path / "out.jsonl"
    argv = [sys.executable, "-m", "llmzoo_hf.cli", "data", "user-centered", "--input", str(tasks)]
    argv += ["--output", str(out), "--base-url", base_url, "--lang", "en", "--keep-refusals", *extra]
    env = {**os.environ, "HF_HUB_DISABLE_PROGRESS_BARS": "1"}
    process = subprocess.Popen(argv, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if out.exists() and out.read_text().count("\n") >= 3:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the run finished before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    written_before = out.read_bytes().count(b"\n")  # complete records; a cut-off last line does not count
    assert 3 <= written_before < n
    result = run_cli("data", "user-centered", "--input", str(tasks), "--output", str(out), "--base-url", base_url,
                     "--lang", "en", "--keep-refusals", *extra, timeout=timeout)  # fmt: skip
    assert result.returncode == 0, result.stderr
    records = read_jsonl(out)
    keys = [r["key"] for r in records]
    assert len(keys) == n == len(set(keys))
    assert f"already done: {written_before}  written: {n - written_before}  failed: 0" in result.stdout
    assert sorted(r["instruction"] for r in records) == sorted(f"Explain topic number {i} briefly." for i in range(n))


@pytest.mark.slow
def test_killed_run_resumes_with_one_record_per_key(tmp_path):
    with fake_chat_server(latency=0.1) as server:
        _kill_mid_run_and_resume(tmp_path, server.url, 30, ["--concurrency", "2"], timeout=120)


@pytest.mark.slow
def test_build_from_sources_and_mixture(tmp_path):
    gen = tmp_path / "gen.jsonl"
    rows = [
        {"key": "a", "role": "a cook", "instruction": "Name a spice.", "input": "", "output": "Pepper.", "lang": "en"},
        {"key": "b", "instruction": "Dis bonjour.", "input": "", "output": "Bonjour !", "lang": "fr", "source_lang": "en"},
    ]  # fmt: skip
    gen.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = run_cli("data", "build", "--source", f"{gen}:auto:2", "--output-dir", str(tmp_path / "built"), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout[: result.stdout.rindex("}") + 1])
    assert report["rows_train"] == 4  # 2 rows x weight 2
    assert report["languages"] == {"en": {"rows": 2, "tokens": None}, "fr": {"rows": 2, "tokens": None}}
    from datasets import load_from_disk

    dataset = load_from_disk(str(tmp_path / "built" / "dataset"))
    assert dataset["train"].column_names == ["id", "source", "lang", "messages", "persona", "extra"]
    mixture = tmp_path / "mix.yaml"
    mixture.write_text(f"datasets:\n  - path: {gen}\n    layout: user_centered\n    wieght: 2\n")
    result = run_cli("data", "build", "--mixture", str(mixture))
    assert result.returncode == 1
    assert "mix.yaml: mixture.datasets[0]: unknown key `wieght`. Did you mean `weight`?" in result.stderr
    result = run_cli("data", "build", "--source", f"{gen}:chat")
    assert result.returncode == 1 and "'chat' is not a layout" in result.stderr
    result = run_cli("data", "build", "--source", str(gen), "--languages", "fr")
    assert result.returncode == 0, result.stderr
    assert "other languages left out: 1 (en=1)" in result.stdout


@pytest.mark.slow
def test_build_repairs_sharegpt_and_keeps_the_rest_of_a_file_with_a_non_utf8_line(tmp_path):
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(
        b'{"conversations": [{"from": "Human", "value": "Hi"}, {"from": "GPT", "value": "Hello!"}]}\n'
        b'{"conversations": [{"from": "human", "value": "\xff\xfe"}, {"from": "gpt", "value": "?"}]}\n'
    )
    out = tmp_path / "built"
    args = ("data", "build", "--source", str(FIXTURES / "sharegpt_wild.json"), "--source", f"{mixed}:conversation")
    result = run_cli(*args, "--output-dir", str(out), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "data_report.json").read_text())
    wild, mixed_stats = report["sources"]
    assert (wild["rows_kept"], wild["rows_repaired"], wild["repaired_by_kind"]["same_side_merged"]) == (11, 9, 3)
    assert (mixed_stats["rows_kept"], mixed_stats["rejected_by_reason"]["invalid_utf8"]) == (1, 1)
    assert mixed_stats["repaired_by_kind"]["speaker_renamed"] == 1
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text().splitlines()]
    assert [(r["location"], r["reason"]) for r in rejects if r["source"] == "mixed"] == [
        (f"{mixed}:2", "invalid_utf8")
    ]
    assert report["rows_train"] == 12

    # Repairs off, and rows longer than 60 tokens (SmolLM2's own ChatML template) dropped.
    from transformers import AutoTokenizer

    from llmzoo_hf import default_model_path

    tokenizer = AutoTokenizer.from_pretrained(default_model_path())
    result = run_cli(
        *args[:4], "--no-repair-conversations", "--tokenizer", str(default_model_path()),
        "--max-length", "60", "--truncation-mode", "drop", "--output-dir", str(out), "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "data_report.json").read_text())
    (wild,) = report["sources"]
    assert (report["max_length"], report["truncation_mode"]) == (60, "drop")
    assert wild["rejected_by_reason"]["not_alternating"] == 4 and wild["rejected_by_reason"]["empty_text"] == 3
    records = json.loads((FIXTURES / "sharegpt_wild.json").read_text(encoding="utf-8"))
    kept_ids = {"sg-clean", "sg-case", "sg-aliases", "sg-bing-bard", "sg-html", "sg-html-in-question"}
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text().splitlines()]
    too_long = sorted(r["record"]["id"] for r in rejects if r["reason"] == "too_long")
    assert too_long and wild["rows_over_max_length"] == len(too_long) == wild["rejected_by_reason"]["too_long"]
    # Measured here the way build measures: each kept conversation rendered by the tokenizer's template.
    roles = {"human": "user", "user": "user", "system": "system"}
    for record in records:
        if record["id"] not in kept_ids:
            continue
        messages = [
            {"role": roles.get(t["from"].lower(), "assistant"), "content": t["value"]} for t in record["conversations"]
        ]
        length = len(tokenizer.apply_chat_template(messages, tokenize=True, return_dict=True)["input_ids"])
        assert (record["id"] in too_long) == (length > 60), (record["id"], length)


# --------------------------------------------------------------------------------------------------- llmzoo serve


@pytest.mark.slow
def test_fifty_generations_against_llmzoo_serve(tmp_path, embedded_model_path):
    tasks = write_tasks(tmp_path / "tasks.jsonl", 50)
    out = tmp_path / "out.jsonl"
    with llmzoo_serve(embedded_model_path, tmp_path) as server:
        result = run_cli(
            "data", "user-centered", "--input", str(tasks), "--output", str(out), "--base-url", server.url,
            "--concurrency", "8", "--max-tokens", "16", "--temperature", "0", "--lang", "en", "--keep-refusals",
            "--summary-json", str(tmp_path / "summary.json"), timeout=600,
        )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert (summary["written"], summary["failed"]) == (50, 0)
    assert 0 < summary["completion_tokens"] <= 50 * 16
    records = read_jsonl(out)
    assert len({r["key"] for r in records}) == 50 and all(r["output"].strip() for r in records)


@pytest.mark.slow
def test_killed_run_against_llmzoo_serve_resumes(tmp_path, embedded_model_path):
    with llmzoo_serve(embedded_model_path, tmp_path) as server:
        _kill_mid_run_and_resume(
            tmp_path, server.url, 24, ["--concurrency", "4", "--max-tokens", "16", "--temperature", "0"], timeout=600
        )

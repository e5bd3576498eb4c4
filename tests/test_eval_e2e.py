"""End to end: embedded model answers → `llmzoo serve` judges → metrics → report; resume after a killed run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from _servers import llmzoo_serve
from conftest import REPO_ROOT, run_cli
from llmzoo_hf.eval._io import read_jsonl

QUESTIONS = REPO_ROOT / "data" / "eval" / "questions_general_en.jsonl"
pytestmark = pytest.mark.slow


def test_answer_review_metrics_report_with_llmzoo_serve(tmp_path, embedded_model_path):
    questions = tmp_path / "questions.jsonl"
    # two scored questions plus a coding one (left out of the metrics): Q = 2
    rows = [json.loads(line) for line in QUESTIONS.read_text().splitlines()]
    picked = [rows[0], rows[20], rows[60]]
    assert [r["category"] for r in picked] == ["generic", "roleplay", "coding"]
    questions.write_text("".join(json.dumps(r) + "\n" for r in picked))
    answers = []
    for model_id, extra in (
        ("smol-greedy", ["--temperature", "0"]),
        ("smol-sampled", ["--temperature", "0.8", "--seed", "1"]),
    ):
        out = tmp_path / f"answers_{model_id}.jsonl"
        proc = run_cli(
            "eval",
            "answer",
            "--model",
            str(embedded_model_path),
            "--model-id",
            model_id,
            "--questions",
            str(questions),
            "--out",
            str(out),
            "--max-new-tokens",
            "8",
            "--batch-size",
            "4",
            *extra,
        )
        assert proc.returncode == 0, proc.stderr
        assert "3 answers written" in proc.stdout
        answers.append(out)
    records = read_jsonl(answers[1])
    assert {r["model_id"] for r in records} == {"smol-sampled"}
    assert records[0]["metadata"]["temperature"] == 0.8 and records[0]["metadata"]["max_new_tokens"] == 8

    reviews = tmp_path / "en" / "general" / "review.jsonl"
    with llmzoo_serve(embedded_model_path, tmp_path) as server:
        proc = run_cli(
            "eval",
            "review",
            "--questions",
            str(questions),
            "--answers",
            *map(str, answers),
            "--judge-endpoint",
            server.url,
            "--judge-model",
            "smollm-judge",
            "--max-tokens",
            "16",
            "--concurrency",
            "2",
            "--timeout",
            "600",
            "--seed",
            "3",
            "--repeats",
            "2",
            "--shuffle",
            "--out",
            str(reviews),
        )
    assert proc.returncode == 0, proc.stderr + server.log()[-2000:]
    records = read_jsonl(reviews)
    assert len(records) == 6  # 3 questions x 2 repeats, each with its raw judge text
    assert sorted((r["question_id"], r["metadata"]["repeat"]) for r in records) == sorted(
        (r["question_id"], rep) for r in picked for rep in range(2)
    )
    unparsable = sum(-1 in r["order"] for r in records)
    assert f"{unparsable} reviews could not be parsed (-1)" in proc.stdout  # the tiny judge's rankings are noise
    assert all(r["metadata"]["judge_model"] == "smollm-judge" and r["metadata"]["seed"] == 3 for r in records)

    metric = tmp_path / "en" / "general" / "metric.json"
    proc = run_cli("eval", "metrics", "--questions", str(questions), "--reviews", str(reviews), "--out", str(metric))
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(metric.with_name("metric.summary.json").read_text())
    assert (summary["Q"], summary["repeats"]) == (2, 2)
    scored = [r for r in records if r["category"] != "coding"]
    assert sum(summary["unparsable"]) == sum(-1 in r["order"] for r in scored)
    table = json.loads(metric.read_text())
    assert set(table) == {"smol-sampled"}
    assert set(table["smol-sampled"]) == {"winning", "order", "score"}

    proc = run_cli(
        "eval",
        "report",
        "--metrics",
        str(tmp_path / "en"),
        "--out",
        str(tmp_path / "report.md"),
        "--chart",
        str(tmp_path / "report.png"),
    )
    assert proc.returncode == 0, proc.stderr
    report = (tmp_path / "report.md").read_text()
    assert "| smol-sampled |" in report and "repeats=2" in report and "judge_model=smollm-judge" in report
    assert (tmp_path / "report.png").stat().st_size > 1000


def test_killed_answer_run_resumes_without_loss_or_duplicates(tmp_path, embedded_model_path):
    out = tmp_path / "answers.jsonl"
    argv = [
        sys.executable,
        "-m",
        "llmzoo_hf.cli",
        "eval",
        "answer",
        "--model",
        str(embedded_model_path),
        "--questions",
        str(QUESTIONS),
        "--limit",
        "6",
        "--batch-size",
        "1",
        "--max-new-tokens",
        "6",
        "--temperature",
        "0",
        "--out",
        str(out),
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=REPO_ROOT)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if out.exists() and len(out.read_text().splitlines()) >= 2:
                break
            assert process.poll() is None, "the answer run ended before it could be killed"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    done_before = len(read_jsonl(out))
    assert 2 <= done_before < 6
    proc = run_cli(*argv[3:])
    assert proc.returncode == 0, proc.stderr
    assert f"{6 - done_before} answers written, {done_before} already there" in proc.stdout
    ids = [r["question_id"] for r in read_jsonl(out)]
    assert sorted(ids) == [1, 2, 3, 4, 5, 6]  # exactly one record per question

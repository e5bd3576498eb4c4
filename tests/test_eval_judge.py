"""Judge runs against a real HTTP judge on 127.0.0.1 with canned replies: retries, shuffling, resume, summaries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from _servers import FakeOpenAI
from llmzoo_hf.client import EndpointConfig
from llmzoo_hf.errors import DataError
from llmzoo_hf.eval._io import read_jsonl
from llmzoo_hf.eval.answers import answer_with_endpoint, make_answer_id
from llmzoo_hf.eval.judge import PROMPT_VERSION, JudgeSettings, review_answers
from llmzoo_hf.eval.questions import load_questions

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
QUESTIONS = FIXTURES / "questions_small.jsonl"


def _judge_reply(messages: list[dict], number: int) -> str:
    """Answer like a judge: rank the answer containing GOOD first, the rest tied; refuse to rank on 'haiku'."""
    content = messages[-1]["content"]
    blocks = re.findall(r"\[Assistant (\d+)\]\n(.*?)\n\n\[End of Assistant \1\]", content, re.S)
    if not blocks:  # an answer request, not a judge request
        return "echo: " + content
    if "haiku" in content:
        return "These are all lovely; I will not rank poems."
    good = next(i for i, answer in blocks if "GOOD" in answer)
    others = [i for i, _ in blocks if i != good]
    return "Assistant 1 is ...\n\nRanking:\n" + f"Assistant {good} > " + " = ".join(f"Assistant {i}" for i in others)


@pytest.fixture
def fake_judge():
    """A fake OpenAI judge whose first request gets a 429 (``url``: the bare host, ``log``: the requests)."""
    with FakeOpenAI(reply=_judge_reply, faults={0: ("status", 429, None)}) as server:
        yield server


def _write_answers(path: Path, model_id: str, texts: dict[int, str]) -> Path:
    with path.open("w") as handle:
        for qid, text in texts.items():
            record = {
                "answer_id": make_answer_id(model_id, qid),
                "question_id": qid,
                "model_id": model_id,
                "text": text,
                "category": "generic",
                "lang": "en",
                "metadata": {},
            }
            handle.write(json.dumps(record) + "\n")
    return path


def _answer_files(tmp_path: Path) -> list[Path]:
    ids = range(1, 7)
    return [
        _write_answers(tmp_path / "ref.jsonl", "ref", {q: f"ref answer {q}" for q in ids}),
        _write_answers(tmp_path / "good.jsonl", "good", {q: f"GOOD answer {q}" for q in ids}),
        _write_answers(tmp_path / "meh.jsonl", "meh", {q: f"meh answer {q}" for q in ids}),
    ]


def test_review_shuffled_repeats_map_back_and_resume(tmp_path, fake_judge):
    questions = load_questions(QUESTIONS)
    out = tmp_path / "review.jsonl"
    judge = JudgeSettings(base_url=fake_judge.url, model="fake-judge", seed=7, concurrency=4)
    summary = review_answers(questions, _answer_files(tmp_path), out, judge=judge, repeats=3, shuffle=True)
    # 6 questions x 3 repeats; the 429 on the first request was retried; the haiku question (5) is never ranked
    assert (summary.total, summary.written, summary.skipped, summary.failed) == (18, 18, 0, 0)
    assert summary.retries == 1
    assert summary.unparsable == 3
    records = read_jsonl(out)
    keys = sorted((r["question_id"], r["metadata"]["repeat"]) for r in records)
    assert keys == [(q, rep) for q in range(1, 7) for rep in range(3)]
    presented = set()
    for record in records:
        meta = record["metadata"]
        assert meta["model_ids"] == ["ref", "good", "meh"]
        assert (meta["judge_model"], meta["judge_endpoint"], meta["temperature"], meta["seed"]) == (
            "fake-judge",
            fake_judge.url + "/v1",  # the bare host as EndpointConfig completes it
            0.0,
            7,
        )
        assert meta["prompt_version"] == PROMPT_VERSION and meta["dimension"] == "general"
        assert record["text"]  # the raw judge text is kept beside the parsed ranks
        presented.add(tuple(meta["presented_order"]))
        if record["question_id"] == 5:
            assert record["order"] == [-1, -1, -1]
        else:
            # whatever position GOOD was shown in, mapped back it is the 'good' model with rank 1; the others tie at 2
            assert record["order"] == [2, 1, 2]
    assert len(presented) > 1  # the answers really were shown in different orders
    assert summary.position_bias["reviews"] == 15
    assert summary.position_bias["consistency"] == 1.0  # every parsed question got the same ranks in each repeat

    # resume: nothing new to do, nothing duplicated
    again = review_answers(questions, _answer_files(tmp_path), out, judge=judge, repeats=3, shuffle=True)
    assert (again.written, again.skipped) == (0, 18)
    assert len(read_jsonl(out)) == 18


def test_review_resume_repairs_a_truncated_line(tmp_path, fake_judge):
    questions = load_questions(QUESTIONS)[:2]
    out = tmp_path / "review.jsonl"
    judge = JudgeSettings(base_url=fake_judge.url, model="fake-judge")
    review_answers(questions[:1], _answer_files(tmp_path), out, judge=judge)
    with out.open("a") as handle:
        handle.write('{"review_id": "half-writ')  # a run killed in the middle of a write
    summary = review_answers(questions, _answer_files(tmp_path), out, judge=judge)
    assert (summary.written, summary.skipped) == (1, 1)
    assert [r["question_id"] for r in read_jsonl(out)] == [1, 2]


def test_review_needs_every_answer(tmp_path, fake_judge):
    files = _answer_files(tmp_path)
    _write_answers(files[2], "meh", {1: "only one"})
    judge = JudgeSettings(base_url=fake_judge.url, model="fake-judge")
    with pytest.raises(DataError, match=r"meh.jsonl has no answer for question_id \[2, 3, 4, 5, 6\]"):
        review_answers(load_questions(QUESTIONS), files, tmp_path / "r.jsonl", judge=judge)


def test_endpoint_failures_are_counted_not_written(tmp_path, fake_judge):
    fake_judge.fail_all = 429  # always 429
    judge = JudgeSettings(base_url=fake_judge.url, model="fake-judge", max_retries=1)
    out = tmp_path / "r.jsonl"
    summary = review_answers(load_questions(QUESTIONS)[:2], _answer_files(tmp_path), out, judge=judge)
    assert (summary.written, summary.failed) == (0, 2)
    assert not out.exists() or read_jsonl(out) == []


def test_answers_from_endpoint_resumable(tmp_path, fake_judge):
    fake_judge.faults = {}
    questions = load_questions(QUESTIONS)
    out = tmp_path / "answers.jsonl"
    config = EndpointConfig(
        base_url=fake_judge.url + "/v1", model="tgi", temperature=0.0, max_tokens=64, concurrency=3
    )
    first = answer_with_endpoint(config, questions[:4], out, model_id="remote")
    second = answer_with_endpoint(config, questions, out, model_id="remote")
    assert (first.written, second.written, second.skipped) == (4, 2, 4)
    records = read_jsonl(out)
    assert sorted(r["question_id"] for r in records) == [1, 2, 3, 4, 5, 6]
    by_id = {r["question_id"]: r for r in records}
    assert by_id[2]["text"] == "echo: Why is the sky blue?"
    assert by_id[2]["answer_id"] == make_answer_id("remote", 2)
    assert by_id[2]["metadata"]["temperature"] == 0.0 and by_id[2]["metadata"]["max_new_tokens"] == 64
    assert fake_judge.log[0]["body"]["max_tokens"] == 64
    with pytest.raises(DataError, match="holds answers of model_id='remote'"):
        answer_with_endpoint(config, questions, out, model_id="other")


def test_eval_answer_cli_endpoint_options_and_failures(tmp_path, fake_judge):
    from conftest import run_cli

    fake_judge.fail_all = 429  # every request gets 429: nothing written, each question reported failed
    out = tmp_path / "answers.jsonl"
    argv = ["eval", "answer", "--questions", str(QUESTIONS), "--out", str(out), "--endpoint", fake_judge.url]
    argv += ["--endpoint-model", "tgi", "--temperature", "0", "--max-new-tokens", "32", "--concurrency", "2"]
    failed = run_cli(*argv, "--max-retries", "0", "--limit", "2", timeout=300)
    assert failed.returncode == 1, failed.stderr
    assert "2 questions failed (http_429=2); rerun the same command to retry them." in failed.stdout
    assert not out.exists() or read_jsonl(out) == []
    fake_judge.fail_all, fake_judge.faults = None, {}
    fake_judge.log.clear()
    done = run_cli(*argv, "--model-id", "remote", timeout=300)
    assert done.returncode == 0, done.stderr
    assert "6 answers written, 0 already there (model_id=remote)" in done.stdout
    assert {
        (r["model"], r["temperature"], r["max_tokens"], r["top_p"]) for r in (e["body"] for e in fake_judge.log)
    } == {
        ("tgi", 0.0, 32, 0.9)  # decoding from the generation options (top-p default 0.9)
    }
    metadata = read_jsonl(out)[0]["metadata"]
    assert (metadata["endpoint"], metadata["endpoint_model"]) == (fake_judge.url + "/v1", "tgi")

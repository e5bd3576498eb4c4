"""Tests of llmzoo_hf.datagen: parsing, de-duplication, language sampling, and real HTTP runs against a small
fault-injecting OpenAI-compatible server on 127.0.0.1 (429 / 500 / hangs / rate limits / resume)."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path

import pytest

from _servers import FakeOpenAI
from llmzoo_hf.client import EndpointConfig
from llmzoo_hf.data import build_dataset
from llmzoo_hf.datagen import (
    Deduplicator,
    load_language_distribution,
    parse_samples,
    post_translate,
    read_task_file,
    reject_reason,
    sample_languages,
    self_instruct,
    user_centered,
)
from llmzoo_hf.errors import ConfigError, DataError
from llmzoo_hf.eval._io import read_jsonl

# --------------------------------------------------------------------------------------------------- test server


WORDS = (
    "apple river quantum violin desert marble thunder pixel orchard glacier lantern copper saffron nebula harbor "
    "falcon meadow cipher velvet canyon ember walnut tundra mosaic beacon quartz willow sonnet zephyr granite "
    "tapestry comet bamboo fjord ivory jasmine kettle lagoon mango nectar obsidian pepper quiver raven sapphire "
    "tulip umbrella volcano wombat xylophone yacht zinnia anchor bramble cactus dolphin eclipse fossil gondola"
).split()


def scripted_reply(messages: list[dict], number: int = 0) -> str:
    """Answer like a cooperative model, deterministically from the request (what the fake server says)."""
    prompt = messages[-1]["content"]
    system = messages[0]["content"] if messages[0]["role"] == "system" else ""
    if prompt.startswith("Come up with"):
        n = int(prompt.split()[3])
        # n - 2 unrelated tasks (words drawn from a hash of the arrival number), one near-copy of a seed, one refusal.
        tasks = []
        for i in range(n - 2):
            digest = hashlib.sha256(f"{number}:{i}".encode()).digest()
            words = " ".join(WORDS[b % len(WORDS)] for b in digest[:7])
            tasks.append({"role": "a gardener", "instruction": f"Describe {words}.", "input": ""})
        tasks.append({"role": "a cook", "instruction": "Give me a recipe for pancakes!", "input": ""})
        tasks.append({"role": "x", "instruction": "I'm sorry, I cannot help with that.", "input": ""})
        return "```json\n" + json.dumps(tasks) + "\n```"
    if prompt.startswith("Translate"):
        target = re.search(r"into (\w+)\.", prompt).group(1)
        task = json.loads(prompt[prompt.index("{") :])
        return json.dumps(
            {
                "instruction": f"[{target}] {task['instruction']}",
                "input": f"[{target}] {task['input']}" * bool(task["input"]),
            }
        )
    if prompt.startswith("Write one realistic request"):
        role = prompt[len("Write one realistic request that ") : prompt.index(" might ask")]
        return f"Instruction: What should {role} read first?\nInput: <noinput>"
    language = re.search(r"Answer in (\w+)\.", system)
    return f"Answer{' in ' + language.group(1) if language else ''}: {prompt[:40]}"


def fake_chat_server(**kwargs) -> FakeOpenAI:
    """The fake OpenAI server answering like a cooperative model (:func:`scripted_reply`), ``url`` at its /v1 root."""
    return FakeOpenAI(reply=scripted_reply, usage=(10, 5), url_path="/v1", **kwargs)


def endpoint(url: str, **overrides) -> EndpointConfig:
    """A fast-failing endpoint config for tests (short time-out)."""
    settings = {"base_url": url, "concurrency": 4, "max_retries": 3, "timeout": 5.0}
    settings.update(overrides)
    return EndpointConfig(**settings)


def write_tasks(path: Path, n: int, *, role: bool = True) -> Path:
    """Write ``n`` distinct English tasks to a JSONL file."""
    rows = [
        ({"role": f"a student number {i}"} if role else {}) | {"instruction": f"Explain topic number {i} briefly."}
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


# --------------------------------------------------------------------------------------------------- pure parts


def test_parse_samples_json_in_fences_and_labelled_lines():
    fenced = '```json\n[{"role": "a chef", "instruction": "Name a spice.", "input": "<noinput>"}]\n```'
    assert parse_samples(fenced) == [{"role": "a chef", "instruction": "Name a spice.", "input": ""}]
    lines = (
        "Sure! Here are two tasks:\n1. Role: a farmer\nInstruction: Explain crop rotation.\nInput: none\n"
        "2. **Role**: a teacher\n**Instruction**: Summarize the text.\nInput: The cat sat\non the mat."
    )
    assert parse_samples(lines) == [
        {"role": "a farmer", "instruction": "Explain crop rotation.", "input": ""},
        {"role": "a teacher", "instruction": "Summarize the text.", "input": "The cat sat\non the mat."},
    ]
    json_lines = '{"instruction": "A", "input": "x"}\n{"Instruction": "B"}'
    assert parse_samples(json_lines) == [
        {"role": "", "instruction": "A", "input": "x"},
        {"role": "", "instruction": "B", "input": ""},
    ]
    assert parse_samples("I have no idea what you mean.") == []


def test_deduplicator_normalises_and_uses_similarity():
    dedup = Deduplicator(0.7)
    assert dedup.add("Write a poem about the sea.") is True
    assert dedup.add("  write a POEM about the sea!! ") is False  # equal after normalisation
    assert dedup.add("Write a poem about the seas.") is False  # ratio 0.98 >= 0.7
    assert dedup.add("Compute the derivative of x squared.") is True
    with pytest.raises(ConfigError, match="similarity threshold=1.5"):
        Deduplicator(1.5)


def test_reject_reason():
    assert reject_reason({"instruction": "  "}, max_chars=100) == "empty"
    assert reject_reason({"instruction": "a" * 60, "input": "b" * 41}, max_chars=100) == "too_long"
    assert reject_reason({"instruction": "As an AI language model, I refuse."}, max_chars=100) == "refusal"
    assert reject_reason({"instruction": "Name three rivers.", "input": ""}, max_chars=100) is None


def test_malformed_seed_files_name_file_and_line(tmp_path):
    bad_json = tmp_path / "seeds.jsonl"
    bad_json.write_text('{"instruction": "ok"}\n{"instruction": "broken"\n')
    with pytest.raises(DataError, match=r"seeds\.jsonl:2: invalid JSON"):
        read_task_file(bad_json)
    no_instruction = tmp_path / "seeds2.jsonl"
    no_instruction.write_text('{"instruction": "ok"}\n\n{"role": "a cook", "input": "x"}\n')
    with pytest.raises(
        DataError, match=r"seeds2\.jsonl:3: missing or empty 'instruction'; keys are \['input', 'role'\]"
    ):
        read_task_file(no_instruction)
    wrong_type = tmp_path / "seeds3.jsonl"
    wrong_type.write_text('["a list"]\n')
    with pytest.raises(DataError, match=r"seeds3\.jsonl:1: expected a JSON object, got list"):
        read_task_file(wrong_type)
    not_string = tmp_path / "seeds4.json"
    not_string.write_text('[{"instruction": "ok"}, {"instruction": 7}]')
    with pytest.raises(DataError, match=r"seeds4\.json\[1\]: 'instruction' must be a string, got int"):
        read_task_file(not_string)
    with pytest.raises(DataError, match="missing.jsonl does not exist"):
        self_instruct(tmp_path / "missing.jsonl", output_path=tmp_path / "o.jsonl", endpoint=endpoint("http://x"))


def test_language_distribution_default_and_sampling(tmp_path):
    dist = load_language_distribution()
    assert len(dist) >= 40
    assert abs(sum(dist.values()) - 1.0) < 1e-9
    assert max(dist, key=dist.get) == "en"
    draws = sample_languages(dist, k=3, rng=__import__("random").Random(7), exclude=["en"])
    again = sample_languages(dist, k=3, rng=__import__("random").Random(7), exclude=["en"])
    assert draws == again and len(set(draws)) == 3 and "en" not in draws
    custom = tmp_path / "langs.json"
    custom.write_text('{"fr": 3, "de": 1, "xx": 0}')
    assert load_language_distribution(custom) == {"fr": 0.75, "de": 0.25}
    custom.write_text('{"fr": "many"}')
    with pytest.raises(ConfigError, match=r"langs\.json: weight of 'fr' is 'many'"):
        load_language_distribution(custom)


# --------------------------------------------------------------------------------------------------- HTTP runs


def test_user_centered_writes_records_that_build_into_messages(tmp_path):
    tasks = write_tasks(tmp_path / "tasks.jsonl", 6)
    out = tmp_path / "out.jsonl"
    with fake_chat_server() as server:
        summary = user_centered(tasks, output_path=out, endpoint=endpoint(server.url))
    assert (summary.inputs, summary.written, summary.failed, summary.requests) == (6, 6, 0, 6)
    assert summary.records_by_language == {"en": 6}
    # Usage comes from the server: 10 prompt + 5 completion tokens per request.
    assert (summary.prompt_tokens, summary.completion_tokens) == (60, 30)
    assert {entry["body"]["model"] for entry in server.log} == {"fake-model"}  # from GET /v1/models
    records = read_jsonl(out)
    assert records[0].keys() == {"key", "role", "instruction", "input", "output", "lang"}
    assert sorted(r["output"] for r in records) == sorted(
        f"Answer: Explain topic number {i} briefly." for i in range(6)
    )
    built = build_dataset(out)
    row = built.dataset["train"][0]
    assert row["persona"].startswith("a student number")
    assert row["messages"][0]["role"] == "user" and row["messages"][1]["content"].startswith("Answer: Explain")
    assert set(built.dataset["train"]["lang"]) == {"en"}


def test_role_only_rows_get_instructions_first(tmp_path):
    roles = tmp_path / "roles.txt"
    roles.write_text("a nurse\n\na pilot\n")
    out = tmp_path / "uc.jsonl"
    with fake_chat_server() as server:
        summary = user_centered(roles, output_path=out, endpoint=endpoint(server.url), instructions_per_role=2)
    assert (summary.inputs, summary.written, summary.requests) == (4, 4, 8)
    records = read_jsonl(out)
    assert sorted((r["role"], r["instruction"]) for r in records) == [
        ("a nurse", "What should a nurse read first?"),
        ("a nurse", "What should a nurse read first?"),
        ("a pilot", "What should a pilot read first?"),
        ("a pilot", "What should a pilot read first?"),
    ]
    assert len({r["key"] for r in records}) == 4


def test_faults_are_retried_with_backoff_and_retry_after(tmp_path):
    tasks = write_tasks(tmp_path / "tasks.jsonl", 5)
    out = tmp_path / "out.jsonl"
    faults = {0: ("status", 429, 0.4), 2: ("status", 500, None), 4: ("hang", 3.0), 5: ("status", 503, None)}
    with fake_chat_server(faults=faults) as server:
        summary = user_centered(tasks, output_path=out, endpoint=endpoint(server.url, concurrency=1, timeout=0.5))
    assert (summary.written, summary.failed) == (5, 0)
    assert summary.retries == 4
    assert summary.retries_by_reason == {"http_429": 1, "http_500": 1, "timeout": 1, "http_503": 1}
    assert len(server.log) == 9
    # With one request in flight, request 1 is the retry of request 0: the server asked for 0.4 s.
    assert server.log[1]["t"] - server.log[0]["t"] >= 0.39
    assert len({r["key"] for r in read_jsonl(out)}) == 5
    assert not (tmp_path / "out.failures.jsonl").exists()


def test_requests_per_minute_limit_holds(tmp_path):
    tasks = write_tasks(tmp_path / "tasks.jsonl", 12)
    with fake_chat_server() as server:
        summary = user_centered(
            tasks,
            output_path=tmp_path / "out.jsonl",
            endpoint=endpoint(server.url, concurrency=8, requests_per_minute=300),
        )
    assert summary.written == 12
    stamps = sorted(entry["t"] for entry in server.log)
    # 300/min = 5 per second with bursts of 5: any window of length T holds at most 5 + 5 T requests (+1: arrival
    # times seen by the server lag the client's sends, by up to one request's spacing on a loaded machine).
    for i in range(len(stamps)):
        for j in range(i, len(stamps)):
            assert j - i + 1 <= 5 + 5 * (stamps[j] - stamps[i]) + 1, (i, j, stamps[j] - stamps[i])
    assert stamps[-1] - stamps[0] >= (12 - 5) / 5 - 0.1


def test_tokens_per_minute_limit_holds(tmp_path):
    tasks = write_tasks(tmp_path / "tasks.jsonl", 6)
    # Each request is estimated at 34 chars // 4 + 2 messages * 4 + 100 max_tokens = ~117 tokens before it is sent;
    # 14400 tokens/min = 240/s with a burst of 240: two go at once, the third waits ~0.47 s for tokens.
    with fake_chat_server() as server:
        summary = user_centered(
            tasks,
            output_path=tmp_path / "out.jsonl",
            endpoint=endpoint(server.url, concurrency=6, tokens_per_minute=14400, max_tokens=100),
        )
    assert summary.written == 6
    stamps = sorted(entry["t"] for entry in server.log)
    assert stamps[2] - stamps[0] >= 0.4


def test_failures_recorded_then_retried_on_rerun_without_duplicates(tmp_path):
    tasks = write_tasks(tmp_path / "tasks.jsonl", 4)
    out = tmp_path / "out.jsonl"
    with fake_chat_server(fail_all=503) as server:
        summary = user_centered(tasks, output_path=out, endpoint=endpoint(server.url, max_retries=1, model="m"))
    assert (summary.written, summary.failed, summary.failures_by_reason) == (0, 4, {"http_503": 4})
    assert len(server.log) == 8  # 1 try + 1 retry each
    failures = read_jsonl(tmp_path / "out.failures.jsonl")
    assert sorted(f["reason"] for f in failures) == ["http_503"] * 4 and failures[0]["attempts"] == 2
    assert "failures by reason: http_503=4" in summary.to_text()
    assert out.read_text() == ""
    with fake_chat_server(faults={1: ("status", 400, None)}) as server:
        summary = user_centered(tasks, output_path=out, endpoint=endpoint(server.url))
    assert (summary.written, summary.failed, summary.failures_by_reason) == (3, 1, {"http_400": 1})
    with fake_chat_server() as server:
        summary = user_centered(tasks, output_path=out, endpoint=endpoint(server.url))
    assert (summary.skipped_done, summary.written, summary.failed, len(server.log)) == (3, 1, 0, 1)
    keys = [r["key"] for r in read_jsonl(out)]
    assert len(keys) == 4 == len(set(keys))
    assert not (tmp_path / "out.failures.jsonl").exists()


def test_resume_cuts_partial_line_and_never_duplicates(tmp_path, caplog):
    tasks = write_tasks(tmp_path / "tasks.jsonl", 5)
    out = tmp_path / "out.jsonl"
    with fake_chat_server() as server:
        user_centered(tasks, output_path=out, endpoint=endpoint(server.url))
    text = out.read_text()
    out.write_text(text[: len(text) - 20])  # a crash in the middle of writing the last record
    with fake_chat_server() as server, caplog.at_level(logging.WARNING, logger="llmzoo_hf"):
        summary = user_centered(tasks, output_path=out, endpoint=endpoint(server.url))
    assert (summary.skipped_done, summary.written, len(server.log)) == (4, 1, 1)
    assert "ended with a partial record" in caplog.text
    keys = [r["key"] for r in read_jsonl(out)]
    assert len(keys) == 5 == len(set(keys))


def test_api_key_from_environment_is_sent_and_never_written(tmp_path, monkeypatch, caplog):
    secret = "sk-test-not-a-real-key-123"
    monkeypatch.setenv("LLMZOO_API_KEY", secret)
    tasks = write_tasks(tmp_path / "tasks.jsonl", 2)
    with fake_chat_server(faults={0: ("status", 401, None)}) as server, caplog.at_level(logging.DEBUG):
        summary = user_centered(tasks, output_path=tmp_path / "out.jsonl", endpoint=endpoint(server.url))
    assert {entry["authorization"] for entry in server.log} == {f"Bearer {secret}"}
    assert summary.failures_by_reason == {"http_401": 1}
    written = "".join(p.read_text() for p in tmp_path.iterdir()) + summary.to_text() + caplog.text
    assert secret not in written


def test_self_instruct_dedups_filters_and_answers(tmp_path):
    seeds = tmp_path / "seeds.jsonl"
    seeds.write_text(
        "\n".join(
            json.dumps(s)
            for s in [
                {"role": "a cook", "instruction": "Give me a recipe for pancakes.", "input": ""},
                {"role": "a hiker", "instruction": "Plan a day hike.", "input": "Alps, July"},
                {"instruction": "Translate to French.", "input": "Good morning"},
            ]
        )
    )
    out = tmp_path / "gen.jsonl"
    with fake_chat_server() as server:
        summary = self_instruct(
            seeds,
            output_path=out,
            endpoint=endpoint(server.url),
            num_instructions=6,
            samples_per_prompt=4,
            seed=1,
            lang="en",
        )
    # Each reply: 2 new tasks + 1 near-copy of a seed + 1 refusal; 6 kept need 3 requests; 6 answers follow.
    assert summary.candidates_by_outcome == {"duplicate": 3, "kept": 6, "refusal": 3}
    assert (summary.written, summary.requests) == (6, 9)
    records = read_jsonl(out)
    assert len(records) == 6 and all(r["role"] == "a gardener" and r["source"] == "self-instruct" for r in records)
    assert all(r["lang"] == "en" and r["output"].startswith("Answer: Describe ") for r in records)
    built = build_dataset(out)
    assert built.dataset["train"].num_rows == 6
    # A second run has nothing left to ask.
    with fake_chat_server() as server:
        again = self_instruct(
            seeds, output_path=out, endpoint=endpoint(server.url), num_instructions=6, samples_per_prompt=4, seed=1
        )
    assert (again.requests, again.skipped_done, len(read_jsonl(out))) == (0, 6, 6)


def test_post_translate_keeps_source_lang_and_answers_in_target(tmp_path):
    tasks = tmp_path / "tasks.jsonl"
    rows = [
        {"instruction": "Translate to French.", "input": "Good morning", "output": "Bonjour", "lang": "en"},
        {"role": "a cook", "instruction": "Name a spice.", "input": "", "output": "Pepper", "lang": "en"},
        {"instruction": "Say hello.", "input": "", "output": "Hello"},
    ]
    tasks.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "tr.jsonl"
    langs = {"fr": 2, "de": 1, "en": 5, "es": 1}
    with fake_chat_server() as server:
        summary = post_translate(
            tasks, output_path=out, endpoint=endpoint(server.url), languages=langs, languages_per_task=2, seed=3
        )
    assert (summary.inputs, summary.written, summary.requests) == (6, 6, 12)
    records = read_jsonl(out)
    names = {"fr": "French", "de": "German", "es": "Spanish"}
    for record in records:
        assert record["source_lang"] == "en" and record["lang"] in names
        assert record["instruction"].startswith(f"[{names[record['lang']]}] ")
        assert record["output"].startswith(f"Answer in {names[record['lang']]}: [{names[record['lang']]}]")
    by_source = {}
    for record in records:
        by_source.setdefault(record["source_instruction"], set()).add(record["lang"])
    assert all(len(v) == 2 for v in by_source.values())
    assert next(r for r in records if r["source_instruction"] == "Translate to French.")["input"].endswith(
        "Good morning"
    )
    # The same seed draws the same languages: a re-run has nothing to do.
    with fake_chat_server() as server:
        again = post_translate(
            tasks, output_path=out, endpoint=endpoint(server.url), languages=langs, languages_per_task=2, seed=3
        )
    assert (again.requests, again.skipped_done) == (0, 6)
    built = build_dataset(out)
    assert sorted(built.dataset["train"]["lang"]) == sorted(r["lang"] for r in records)
    assert json.loads(built.dataset["train"][0]["extra"])["source_lang"] == "en"

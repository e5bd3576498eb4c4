"""The chat Space: vote records, config from the environment, and the real UI in Debian chromium (Playwright)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests._servers import free_port, llmzoo_serve, local_server

from conftest import MULTI_SCRIPT_TEXTS
from llmzoo_hf.space import EXAMPLE_PROMPTS, ArenaRounds, SpaceConfig, VoteError, read_votes, record_vote

CHROMIUM = Path("/usr/bin/chromium")
PARIS_START = "The capital of France is Paris"


def test_import_llmzoo_hf_does_not_load_gradio():
    code = "import sys, llmzoo_hf, llmzoo_hf.serve, llmzoo_hf.space; print('gradio' in sys.modules, 'fastapi' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["False", "False"], result.stderr


def test_space_config_from_env(tmp_path):
    config = SpaceConfig.from_env(
        {
            "LLMZOO_ENDPOINTS": "a=http://127.0.0.1:1,b=http://h:2/",
            "HF_TOKEN": "x",
            "LLMZOO_VOTES": str(tmp_path / "v"),
        }
    )
    assert config.endpoints == {"a": "http://127.0.0.1:1", "b": "http://h:2"}
    assert config.token == "x" and config.votes_path == tmp_path / "v" and config.model is None
    assert SpaceConfig.from_env({}).endpoints == {} and SpaceConfig.from_env({}).votes_path == Path(
        "arena_votes.jsonl"
    )
    limited = SpaceConfig.from_env({"LLMZOO_MAX_INPUT_CHARS": "500", "LLMZOO_MAX_SECONDS": "2.5"})
    assert (limited.max_input_chars, limited.max_seconds) == (500, 2.5)
    with pytest.raises(ValueError, match="LLMZOO_MAX_SECONDS='soon' is not a number"):
        SpaceConfig.from_env({"LLMZOO_MAX_SECONDS": "soon"})
    with pytest.raises(ValueError, match="max_input_chars=0 must be > 0"):
        SpaceConfig(max_input_chars=0)


def test_arena_votes_come_from_the_servers_own_rounds(tmp_path):
    from llmzoo_hf.eval.human import tally_votes

    rounds = ArenaRounds(tmp_path / "votes.jsonl")
    with pytest.raises(VoteError, match="Unknown arena round 'forged'"):
        rounds.vote("forged", "model_a")
    current = rounds.start("Quelle est la capitale de la France ?", "phoenix", "chimera")
    rounds.update(current, "Par", "")
    with pytest.raises(VoteError, match="still coming"):
        rounds.vote(current, "model_a")
    rounds.update(current, "Paris.", "C'est Paris.", complete=True)
    with pytest.raises(ValueError, match="winner='A' must be one of"):
        rounds.vote(current, "A")
    record = rounds.vote(current, "model_b")
    assert (record["model_a"], record["model_b"], record["answer_a"], record["answer_b"]) == (
        "phoenix",
        "chimera",
        "Paris.",
        "C'est Paris.",
    )
    assert (record["question"], record["lang"], record["winner"]) == (
        "Quelle est la capitale de la France ?",
        "fr",
        "model_b",
    )
    with pytest.raises(VoteError, match="already has a vote"):
        rounds.vote(current, "model_a")
    failed = rounds.start("q", "phoenix", "chimera")
    rounds.update(failed, "x", "", complete=True, failed="The endpoint chimera (http://h:1) failed: refused")
    with pytest.raises(VoteError, match="No vote for this round: The endpoint chimera"):
        rounds.vote(failed, "tie")
    assert read_votes(tmp_path / "votes.jsonl") == [record]
    (tally,) = tally_votes([tmp_path / "votes.jsonl"])
    assert (tally.model_a, tally.model_b, tally.win, tally.tie, tally.lose) == ("phoenix", "chimera", 0, 0, 1)
    small = ArenaRounds(tmp_path / "v2.jsonl", max_rounds=2)
    first = small.start("q1", "a", "b")
    small.start("q2", "a", "b")
    small.start("q3", "a", "b")
    with pytest.raises(VoteError, match="Unknown arena round"):
        small.vote(first, "tie")  # forgotten: the oldest round beyond max_rounds


def test_example_prompts_cover_eight_languages_with_arabic():
    from llmzoo_hf.data import detect_language

    langs = {detect_language(p) for p in EXAMPLE_PROMPTS}
    assert len(langs) >= 8 and "ar" in langs, langs


def test_record_vote_appends_the_evaluation_layout(tmp_path):
    path = tmp_path / "sub" / "votes.jsonl"
    record_vote(
        path, question="Quelle est la capitale ?", model_a="a", model_b="b", answer_a="x", answer_b="y", winner="tie"
    )
    record_vote(path, question="q", model_a="a", model_b="b", answer_a="x", answer_b="y", winner="model_b", lang="en")
    votes = read_votes(path)
    assert [v["winner"] for v in votes] == ["tie", "model_b"]
    assert votes[0]["lang"] == "fr" and votes[1]["lang"] == "en"
    assert set(votes[0]) == {"question", "model_a", "model_b", "answer_a", "answer_b", "winner", "lang", "timestamp"}
    with pytest.raises(ValueError, match="winner='A' must be one of model_a, model_b, tie"):
        record_vote(path, question="q", model_a="a", model_b="b", answer_a="x", answer_b="y", winner="A")
    assert len(read_votes(path)) == 2


def test_model_picker_shows_zoo_display_names():
    from llmzoo_hf.space import _zoo_labels

    labels = _zoo_labels(["phoenix-inst-chat-7b", "my-endpoint"])
    assert labels["my-endpoint"] == "my-endpoint"
    assert labels["phoenix-inst-chat-7b"].startswith("Phoenix-inst-chat-7b")


def _set_slider(page, elem_id: str, value: str, attempts: int = 10) -> None:
    """Type ``value`` into a Gradio slider's number box until the slider itself shows it.

    Input typed before the page's scripts have taken over the server-rendered form is lost without a trace, so
    the value is typed again until the range input reflects it.
    """
    from playwright.sync_api import expect

    number, slider = page.locator(f"{elem_id} input[type='number']"), page.locator(f"{elem_id} input[type='range']")
    if slider.input_value() == value:
        return
    for attempt in range(1, attempts + 1):
        number.fill(value)
        number.press("Enter")
        if attempt == attempts:
            expect(slider).to_have_value(value)  # the last try waits the full default time and reports
            return
        try:
            expect(slider).to_have_value(value, timeout=3_000)
            return
        except AssertionError:
            page.wait_for_timeout(1_000)


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium (apt-get install -y chromium)")
def test_space_in_a_real_browser(embedded_model_path, tmp_path):
    from gradio_client import Client
    from playwright.sync_api import expect, sync_playwright

    votes = tmp_path / "votes.jsonl"
    serve_args = ("--temperature", "0", "--max-new-tokens", "16", "--max-model-len", "512")
    down_port = free_port()  # an endpoint that is down: nothing listens there
    with llmzoo_serve(embedded_model_path, tmp_path, *serve_args) as server:
        port = free_port()
        argv = [sys.executable, "-m", "llmzoo_hf.cli", "space", "--port", str(port), "--votes", str(votes)]
        argv += ["--endpoints", f"smol={server.url},down=http://127.0.0.1:{down_port},smol-b={server.url}"]
        argv += ["--max-input-chars", "20000"]
        with local_server(argv, port=port, log_path=tmp_path / "space.log", health_path="/") as space:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=str(CHROMIUM),
                    headless=True,
                    args=[
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                    ],
                )
                page = browser.new_page()
                page.set_default_timeout(120_000)
                expect.set_options(timeout=120_000)  # the shared CI CPU can be slow
                box, status = page.locator("#chat-input textarea"), page.locator("#chat-status")
                try:
                    page.goto(space.url)
                    # greedy decoding, so that the answers are known exactly
                    page.get_by_role("button", name="Settings ▼").click()
                    _set_slider(page, "#temperature", "0")
                    # chat: a question sent with Enter streams an answer into the chatbot
                    box.fill("What is the capital of France?")
                    box.press("Enter")
                    bot = page.locator("#chatbot [data-testid='bot']")
                    expect(bot.first).to_contain_text("Paris")
                    expect(status).not_to_contain_text("Generating")  # the reply is complete
                    # switch model and ask again, with the Send button
                    _pick(page, "#model-picker", "smol-b")
                    box.fill("What is the capital of France?")
                    page.locator("#chat-send").click()
                    expect(bot).to_have_count(2)
                    expect(bot.nth(1)).to_contain_text("Paris")
                    expect(status).not_to_contain_text("Generating")
                    page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)
                    # a 100,000-character message is refused at once, with the reason in the chat; the text stays
                    box.fill("x" * 100_000)
                    page.locator("#chat-send").click()
                    refusal = "Your message is 100,000 characters long; this Space accepts at most 20,000."
                    expect(status).to_contain_text(refusal)
                    expect(bot).to_have_count(3)
                    expect(bot.nth(2)).to_contain_text("Not sent")
                    assert len(box.input_value()) == 100_000
                    # an endpoint that is down is named, and the message is kept in the box to send again
                    _pick(page, "#model-picker", "down")
                    box.fill("Hello?")
                    page.locator("#chat-send").click()
                    expect(status).to_contain_text(f"The endpoint down (http://127.0.0.1:{down_port}) failed")
                    expect(box).to_have_value("Hello?")
                    # Clear empties the chat; Stop ends a long reply (greedy: "123456789012..." for 400 tokens), the
                    # text stops growing, and the next question is answered
                    page.locator("#chat-clear").click()
                    expect(bot).to_have_count(0)
                    _pick(page, "#model-picker", "smol")
                    _set_slider(page, "#max-tokens", "400")
                    box.fill("Count from 1 to 300, separated by commas.")
                    page.locator("#chat-send").click()
                    expect(status).to_contain_text("Generating")
                    expect(bot.last).to_have_text(re.compile(r"\d{20,}"))
                    page.locator("#chat-stop").click()
                    expect(status).to_contain_text("Stopped.")
                    stopped = bot.last.inner_text()
                    page.wait_for_timeout(3_000)
                    assert bot.last.inner_text() == stopped and len(stopped) < 300, stopped
                    _set_slider(page, "#max-tokens", "256")
                    box.fill("What is the capital of France?")
                    page.locator("#chat-send").click()
                    expect(bot.last).to_contain_text("Paris")
                    # arena: both answers stream in, the vote lands in the JSONL file
                    page.get_by_role("tab", name="Arena").click()
                    page.locator("#arena-question textarea").fill("What is the capital of France?")
                    page.locator("#arena-ask").click()
                    expect(page.locator("#vote-status")).to_contain_text("Both answers are in")
                    # greedy, but the two streams share a batch, so the exact wording may differ by CPU
                    shown = [page.locator(f"#arena-answer-{s} textarea").input_value() for s in "ab"]
                    assert all(answer.startswith(PARIS_START) for answer in shown), shown
                    page.locator("#vote-b").click()
                    expect(page.locator("#vote-status")).to_contain_text("Vote recorded")
                    page.locator("#vote-a").click()  # one vote per round
                    expect(page.get_by_text("This round already has a vote").first).to_be_visible()
                    page.screenshot(path=str(tmp_path / "arena.png"), full_page=True)
                finally:
                    page.screenshot(path=str(tmp_path / "last.png"), full_page=True)
                    browser.close()
            # a client that makes up a round (and would like to make up answers) is refused by the vote API
            client = Client(space.url, verbose=False)
            with pytest.raises(Exception, match="Unknown arena round 'made-up'"):
                client.predict("made-up", "model_a", api_name="/vote")
    assert (tmp_path / "arena.png").stat().st_size > 0
    records = [json.loads(line) for line in votes.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    vote = records[0]
    assert (vote["question"], vote["winner"], vote["lang"]) == ("What is the capital of France?", "model_b", "en")
    assert [vote["answer_a"], vote["answer_b"]] == shown
    assert (vote["model_a"], vote["model_b"]) == ("smol", "smol-b")  # endpoint names, not picker labels


def _pick(page, elem_id: str, name: str) -> None:
    """Choose ``name`` in the Gradio dropdown ``elem_id``."""
    from playwright.sync_api import expect

    page.locator(f"{elem_id} input").click()
    page.locator("ul[role='listbox'] li", has_text=name).first.click()
    expect(page.locator(f"{elem_id} input")).to_have_value(name)


def test_votes_are_read_by_the_eval_module(tmp_path):
    from llmzoo_hf.eval.human import tally_votes

    path = tmp_path / "votes.jsonl"
    for winner in ("model_a", "model_a", "tie", "model_b"):
        record_vote(
            path,
            question="q",
            model_a="phoenix",
            model_b="chimera",
            answer_a="x",
            answer_b="y",
            winner=winner,
            lang="en",
        )
    (tally,) = tally_votes([path])
    assert (tally.model_a, tally.model_b) == ("phoenix", "chimera")
    assert (tally.win, tally.tie, tally.lose) == (2, 1, 1)


@pytest.mark.parametrize("text", list(MULTI_SCRIPT_TEXTS.values()), ids=list(MULTI_SCRIPT_TEXTS))
def test_space_streams_complete_characters_in_process(embedded_model_path, embedded_chat, text):
    """With no endpoint the Space streams from the in-process model: pieces add up to the full answer."""
    from llmzoo_hf.space import _Backends

    backends = _Backends(SpaceConfig(model=str(embedded_model_path)))
    backends._session = embedded_chat  # the shared greedy session; the Space would load the same model
    messages = [{"role": "user", "content": f"Repeat exactly: {text}"}]
    pieces = list(backends.stream(backends.names[0], messages, temperature=0, top_p=1.0, max_tokens=32))
    assert "".join(pieces) == embedded_chat.generate(messages, temperature=0, max_new_tokens=32)
    assert pieces and all("\ufffd" not in piece for piece in pieces)


def test_space_refuses_long_input_before_any_work(embedded_model_path, embedded_chat):
    from llmzoo_hf.space import _Backends

    backends = _Backends(SpaceConfig(model=str(embedded_model_path), max_input_chars=100_000))
    backends._session = embedded_chat
    huge = [{"role": "user", "content": "x" * 100_001}]
    assert backends.check_length(huge, max_tokens=16) == (
        "Your message is 100,001 characters long; this Space accepts at most 100,000. Shorten it and send it again."
    )
    # 60,000 characters are under the character limit, but far more tokens than the model's 8,192-token context
    long = [{"role": "user", "content": "word " * 12_000}]
    refusal = backends.check_length(long, max_tokens=16)
    assert refusal.startswith("The conversation is ") and "reads at most 8,192 tokens" in refusal, refusal
    assert backends.check_length([{"role": "user", "content": "Hi"}], max_tokens=16) is None


def test_space_bounds_reply_time_and_names_a_failed_endpoint(embedded_model_path, embedded_chat):
    from llmzoo_hf.space import _Backends

    backends = _Backends(SpaceConfig(model=str(embedded_model_path), max_seconds=1e-6))
    backends._session = embedded_chat
    messages = [{"role": "user", "content": "Count from 1 to 100."}]
    pieces = list(backends.stream(backends.names[0], messages, temperature=0, top_p=1.0, max_tokens=64))
    assert len(pieces) == 2 and pieces[1] == "\n\n[stopped: a reply may take 1e-06 s at most]"
    port = free_port()  # nothing listens there
    down = _Backends(SpaceConfig(endpoints={"down": f"http://127.0.0.1:{port}"}))
    with pytest.raises(RuntimeError, match=rf"The endpoint down \(http://127.0.0.1:{port}\) failed: .*refused"):
        list(down.stream("down", messages, temperature=0, top_p=1.0, max_tokens=8))
    with pytest.raises(ValueError, match="Unknown model 'other'; configured: down"):
        list(down.stream("other", messages, temperature=0, top_p=1.0, max_tokens=8))

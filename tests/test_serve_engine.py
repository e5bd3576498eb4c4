"""The serving engine's per-row logic: stop strings split across tokens, EOS and budget, with a real tokenizer."""

from __future__ import annotations

import pytest

from llmzoo_hf._serve_engine import EngineRequest, _overlap, _Row

ANSWER = "The capital of France is Paris, capital of the French Republic."


def _run(tokenizer, text: str, stop: list[str], *, max_new_tokens: int | None = None, eos: bool = False):
    """Feed ``text`` token by token through a row; return the streamed pieces and the final event.

    Without ``eos`` and ``max_new_tokens``, the token budget is the text's length, so the row ends on it.
    """
    events = []
    ids = tokenizer.encode(text, add_special_tokens=False) + ([tokenizer.eos_token_id] if eos else [])
    budget = max_new_tokens or (len(ids) + 1 if eos else len(ids))
    request = EngineRequest(prompt_ids=[1, 2, 3], emit=events.append, stop=stop, max_new_tokens=budget)
    row = _Row(request, tokenizer, {tokenizer.eos_token_id})
    for token_id in ids:
        row.accept(token_id, max_model_len=4096)
        if row.finish_reason is not None:
            break
    pieces = [event.text for event in events if event.kind == "token"]
    done = [event for event in events if event.kind == "done"]
    assert len(done) == 1 and events[-1] is done[0]
    return pieces, done[0]


@pytest.mark.parametrize(
    ("stop", "expected"),
    [
        (["Paris, capital"], "The capital of France is "),  # spans several tokens: none of it may leak
        (["French", "Paris"], "The capital of France is "),  # the earliest stop string wins
        (["s P"], "The capital of France i"),  # a stop string that starts inside a token
        (["Republic."], "The capital of France is Paris, capital of the French "),
    ],
)
def test_stop_strings_never_reach_the_client(smol_tokenizer, stop, expected):
    pieces, done = _run(smol_tokenizer, ANSWER, stop)
    assert "".join(pieces) == expected
    assert done.finish_reason == "stop"


@pytest.mark.parametrize("eos", [False, True])
def test_held_back_text_is_sent_when_no_stop_string_follows(smol_tokenizer, eos):
    # "Par" could begin the stop string "Paris!" until the text goes on otherwise; at the end nothing is lost
    text = "Visit Par and Paris."
    pieces, done = _run(smol_tokenizer, text, ["Paris!"], eos=eos)
    assert "".join(pieces) == text
    assert done.finish_reason == ("stop" if eos else "length")  # without EOS the row ends on its token budget


def test_budget_ends_the_row_and_flushes_the_held_text(smol_tokenizer):
    ids = smol_tokenizer.encode(ANSWER, add_special_tokens=False)
    pieces, done = _run(smol_tokenizer, ANSWER, ["Paris, the"], max_new_tokens=7)
    assert "".join(pieces) == smol_tokenizer.decode(ids[:7])
    assert done.finish_reason == "length" and done.completion_tokens == 7


def test_empty_stop_strings_are_ignored(smol_tokenizer):
    pieces, done = _run(smol_tokenizer, ANSWER, ["", "zzz"], eos=True)
    assert "".join(pieces) == ANSWER and done.finish_reason == "stop"


def test_overlap():
    assert _overlap("is Par", "Paris") == 3
    assert _overlap("is Paris", "Paris") == 0  # a whole match is found by the search, not held back
    assert _overlap("abc", "xyz") == 0 and _overlap("", "xyz") == 0

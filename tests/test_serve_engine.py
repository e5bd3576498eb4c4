"""The serving engine's per-row logic (stop strings split across tokens, EOS, budget) and its row sampler."""

from __future__ import annotations

import math

import pytest
import torch
from transformers.generation.continuous_batching.requests import GenerationOutput, RequestStatus

from llmzoo_hf.serve.engine import EngineRequest, RowSampler, _overlap, _Row

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
    for count in range(1, len(ids) + 1):  # the manager sends every token so far, as transformers' streaming does
        finished = count == len(ids)
        status = RequestStatus.FINISHED if finished else RequestStatus.DECODING
        row.on_output(GenerationOutput("r", prompt_ids=[1, 2, 3], generated_tokens=ids[:count], status=status))
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


@pytest.mark.parametrize("eos", [False, True])
def test_a_reply_handed_over_once_equals_the_token_by_token_one(smol_tokenizer, eos):
    # A non-streamed request without stop strings gets one output from the manager, when the reply ends.
    streamed, streamed_done = _run(smol_tokenizer, ANSWER, [], eos=eos)
    events = []
    ids = smol_tokenizer.encode(ANSWER, add_special_tokens=False) + ([smol_tokenizer.eos_token_id] if eos else [])
    request = EngineRequest(prompt_ids=[1, 2, 3], emit=events.append, max_new_tokens=len(ids) + 1, stream=False)
    row = _Row(request, smol_tokenizer, {smol_tokenizer.eos_token_id})
    whole = GenerationOutput("r", prompt_ids=[1, 2, 3], generated_tokens=ids, status=RequestStatus.FINISHED)
    row.on_output(whole)
    assert "".join(event.text for event in events if event.kind == "token") == "".join(streamed) == ANSWER
    done = events[-1]
    assert (done.kind, done.finish_reason) == ("done", streamed_done.finish_reason)
    assert done.finish_reason == ("stop" if eos else "length")
    assert done.completion_tokens == streamed_done.completion_tokens == len(ids) - eos


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


def test_failed_output_ends_the_row_with_an_error(smol_tokenizer):
    events = []
    row = _Row(EngineRequest(prompt_ids=[1], emit=events.append), smol_tokenizer, {smol_tokenizer.eos_token_id})
    row.on_output(GenerationOutput("r", generated_tokens=[], status=RequestStatus.FAILED, error="boom"))
    assert [(e.kind, e.text) for e in events] == [("error", "generation failed: boom")]


class _State:
    def __init__(self, request_id, kwargs, prompt, generated):
        self.request_id, self.logit_processor_kwargs = request_id, kwargs
        self.initial_tokens, self.generated_tokens = prompt, generated

    def generated_len(self):
        return len(self.generated_tokens)


class _Future:
    def __init__(self, state):
        self.state = state


def _choose(rows, scores):
    sampler = RowSampler()
    sampler.prepare_tensor_args([_Future(_State(*row)) for row in rows])
    out = sampler(scores.clone(), torch.zeros(len(rows), dtype=torch.int32))
    assert torch.isinf(out).sum(-1).tolist() == [scores.size(1) - 1] * len(rows)  # one finite score per row
    return out.argmax(-1).tolist(), sampler.failed


def _kwargs(temperature=0.0, top_p=1.0, repetition_penalty=1.0, seed=-1):
    return {"temperature": temperature, "top_p": top_p, "repetition_penalty": repetition_penalty, "seed": seed}


def test_row_sampler_greedy_penalty_and_seed_per_row():
    scores = torch.tensor([[1.0, 3.0, 2.0, 0.0]] * 4)
    rows = [
        ("greedy", _kwargs(), [0], []),
        ("penalised", _kwargs(repetition_penalty=2.0), [1], []),  # 3/2 = 1.5 < 2: token 2 wins
        ("seeded", _kwargs(temperature=1.0, seed=7), [0], [5, 6]),
        ("top_p", _kwargs(temperature=1.0, top_p=0.01), [0], []),  # only the most likely token is left
    ]
    chosen, failed = _choose(rows, scores)
    assert chosen[:2] == [1, 2] and chosen[3] == 1 and failed == {}
    # a seeded row draws the same token at the same step whatever else is in the batch
    alone, _ = _choose([rows[2]], scores[:1])
    again = [_choose([("seeded", _kwargs(temperature=1.0, seed=7), [0], [5, 6])], scores[:1])[0][0] for _ in range(3)]
    assert again == alone * 3 and chosen[2] == alone[0]


def test_row_sampler_isolates_a_failing_row():
    scores = torch.tensor([[1.0, 3.0, 2.0, 0.0], [0.0, 1.0, 5.0, 2.0]])
    scores[1, 0] = math.nan  # NaN probabilities make multinomial raise for this row only
    chosen, failed = _choose([("ok", _kwargs(), [0], []), ("bad", _kwargs(temperature=1.0), [0], [])], scores)
    assert chosen[0] == 1 and list(failed) == ["bad"] and "sampling failed" in failed["bad"]

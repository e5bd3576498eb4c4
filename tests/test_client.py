"""Tests of llmzoo_hf.client against real HTTP servers on 127.0.0.1: a small OpenAI-compatible server with injected
faults (429 + Retry-After, 500, hangs, mid-stream errors) and, once, the real ``llmzoo serve``."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses

import pytest

from _servers import FakeOpenAI, llmzoo_serve
from llmzoo_hf.client import (
    API_KEY_ENV_VARS,
    AsyncChatClient,
    ChatClient,
    EndpointConfig,
    add_endpoint_args,
    endpoint_from_args,
)
from llmzoo_hf.errors import ConfigError, EndpointError

USER = [{"role": "user", "content": "Say hi."}]


def run_async(config: EndpointConfig, calls: int, **kwargs):
    """Send ``calls`` concurrent requests through one AsyncChatClient; return (results or errors, stats, model)."""

    async def main():
        async with AsyncChatClient(config, **kwargs) as client:
            messages = [[{"role": "user", "content": f"q{i}"}] for i in range(calls)]
            results = await asyncio.gather(*(client.complete(m) for m in messages), return_exceptions=True)
            return results, client.stats, client.model

    return asyncio.run(main())


# --------------------------------------------------------------------------------------------------- config


def test_endpoint_config_base_url_and_validation():
    assert EndpointConfig(base_url="http://h:1").base_url == "http://h:1/v1"  # bare host: llmzoo serve, TGI
    assert EndpointConfig(base_url="http://h:1/v1/").base_url == "http://h:1/v1"
    assert EndpointConfig(base_url="http://h:1/v1/chat/completions").base_url == "http://h:1/v1"
    assert EndpointConfig(base_url="https://x.ai/api/openai").base_url == "https://x.ai/api/openai"  # kept as given
    with pytest.raises(ConfigError, match=r"EndpointConfig.base_url='h:1' must be an http:// or https:// URL"):
        EndpointConfig(base_url="h:1")
    with pytest.raises(ConfigError, match=r"EndpointConfig.concurrency=0 must be >= 1"):
        EndpointConfig(concurrency=0)
    with pytest.raises(ConfigError, match=r"EndpointConfig.requests_per_minute=-5 must be > 0"):
        EndpointConfig(requests_per_minute=-5)
    config = EndpointConfig(temperature=0.0, max_tokens=9)
    assert config.request_params() == {"temperature": 0.0, "max_tokens": 9}  # None fields are not sent
    assert config.request_params(max_tokens=3, top_p=0.5) == {"temperature": 0.0, "max_tokens": 3, "top_p": 0.5}


def test_cli_options_come_from_the_config_fields():
    parser = argparse.ArgumentParser()
    add_endpoint_args(parser, flags={"base_url": "--endpoint"}, defaults={"concurrency": 3}, exclude=("seed",))
    options = {a.dest: a for a in parser._actions if a.dest.startswith("endpoint_")}
    fields = [f for f in dataclasses.fields(EndpointConfig) if f.name != "seed"]
    assert sorted(options) == sorted(f"endpoint_{f.name}" for f in fields)
    for spec in fields:
        assert options[f"endpoint_{spec.name}"].help == spec.metadata["help"]
    assert options["endpoint_base_url"].option_strings == ["--endpoint"]
    assert options["endpoint_requests_per_minute"].option_strings == ["--requests-per-minute", "--rpm"]
    args = parser.parse_args(["--endpoint", "http://h:2", "--rpm", "30", "--max-tokens", "64"])
    config = endpoint_from_args(args, seed=5)
    assert (config.base_url, config.requests_per_minute, config.max_tokens, config.concurrency, config.seed) == (
        "http://h:2/v1",
        30.0,
        64,
        3,
        5,
    )


# --------------------------------------------------------------------------------------------------- async client


def test_retries_honour_retry_after_then_succeed_and_are_counted():
    # One request at a time: 429 (Retry-After 0.4 s), then ok; 500 then ok; a hang past the timeout then ok.
    faults = {0: ("status", 429, 0.4), 2: ("status", 500, None), 4: ("hang", 2.0)}
    with FakeOpenAI(faults=faults) as server:
        config = EndpointConfig(base_url=server.url, concurrency=1, timeout=0.5, max_retries=3)
        results, stats, model = run_async(config, 3)
    assert [r.text for r in results] == ["echo: q0", "echo: q1", "echo: q2"]
    assert [r.attempts for r in results] == [2, 2, 2]
    assert (results[0].prompt_tokens, results[0].completion_tokens, results[0].finish_reason) == (7, 3, "stop")
    assert model == "fake-model"  # from GET /v1/models
    assert (stats.requests, stats.retries, stats.prompt_tokens, stats.completion_tokens) == (6, 3, 21, 9)
    assert stats.retries_by_reason == {"http_429": 1, "http_500": 1, "timeout": 1}
    assert server.log[1]["t"] - server.log[0]["t"] >= 0.39  # waited as long as the server asked
    assert {e["body"]["model"] for e in server.log} == {"fake-model"}


def test_failures_raise_one_error_naming_endpoint_and_reason():
    faults = {i: ("status", 503, None) for i in range(3)} | {3: ("status", 400, None)}
    with FakeOpenAI(faults=faults) as server:
        config = EndpointConfig(base_url=server.url, model="m", concurrency=1, max_retries=2)
        results, stats, _ = run_async(config, 2)
    first, second = results
    assert isinstance(first, EndpointError) and isinstance(second, EndpointError)
    assert (first.reason, first.attempts, first.endpoint) == ("http_503", 3, server.url + "/v1")
    assert str(first) == f"{server.url}/v1: http_503 after 3 attempts: injected 503"
    assert (second.reason, second.attempts, str(second)) == ("http_400", 1, f"{server.url}/v1: http_400: injected 400")
    assert (stats.requests, stats.retries, stats.retries_by_reason) == (4, 2, {"http_503": 2})
    with pytest.raises(EndpointError, match=r"^http://127\.0\.0\.1:9/v1: connection: ConnectError"):
        ChatClient(EndpointConfig(base_url="http://127.0.0.1:9", model="m", max_retries=1)).complete(USER)


def test_model_lookup_failures_say_what_to_do():
    with FakeOpenAI(models=False) as server:
        with pytest.raises(ConfigError, match=r"No model name given and http://127\.0\.0\.1:\d+/v1/models did not"):
            ChatClient(EndpointConfig(base_url=server.url)).complete(USER)
        with pytest.raises(ConfigError, match=r"pass the model name \(`--model NAME` / EndpointConfig.model\)"):
            run_async(EndpointConfig(base_url=server.url), 1)
        assert ChatClient(EndpointConfig(base_url=server.url, model="given")).complete(USER) == "echo: Say hi."
    with pytest.raises(EndpointError, match=r"^http://127\.0\.0\.1:9/v1: connection: "):
        run_async(EndpointConfig(base_url="http://127.0.0.1:9", max_retries=0), 1)


def test_concurrency_cap_holds():
    with FakeOpenAI(latency=0.2) as server:
        results, stats, _ = run_async(EndpointConfig(base_url=server.url, concurrency=3), 9)
    assert [r.text for r in results] == [f"echo: q{i}" for i in range(9)]
    assert server.max_in_flight == 3
    assert stats.requests == 9


def test_requests_per_minute_limit_holds():
    with FakeOpenAI() as server:
        results, _, _ = run_async(EndpointConfig(base_url=server.url, concurrency=8, requests_per_minute=600), 14)
    assert all(r.text.startswith("echo:") for r in results)
    stamps = sorted(e["t"] for e in server.log)
    # 600/min = 10 a second with bursts of 10: any window of T seconds holds at most 10 + 10 T requests (+1 slack).
    for i in range(len(stamps)):
        for j in range(i, len(stamps)):
            assert j - i + 1 <= 10 + 10 * (stamps[j] - stamps[i]) + 1, (i, j)
    assert stamps[-1] - stamps[0] >= (14 - 10) / 10 - 0.1


def test_tokens_per_minute_charges_a_request_larger_than_the_burst_in_full():
    # Each request is estimated at 2 // 4 + 4 + 300 = 304 tokens; 6000/min = 100 a second, a burst of 100: the
    # first request drains 300 tokens over ~2 s (3 parts), the second waits for its own 304 (~3 s more).
    with FakeOpenAI() as server:
        run_async(EndpointConfig(base_url=server.url, tokens_per_minute=6000, max_tokens=300), 2)
    stamps = sorted(e["t"] for e in server.log)
    assert stamps[1] - stamps[0] >= 2.9


# --------------------------------------------------------------------------------------------------- keys, offline


def test_api_key_order_explicit_key_and_no_key(monkeypatch):
    assert API_KEY_ENV_VARS == ("LLMZOO_API_KEY", "OPENAI_API_KEY")
    for name in API_KEY_ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    with FakeOpenAI() as server:
        config = EndpointConfig(base_url=server.url)
        ChatClient(config).complete(USER)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
        ChatClient(config).complete(USER)
        monkeypatch.setenv("LLMZOO_API_KEY", "sk-llmzoo")
        run_async(config, 1)
        ChatClient(config, api_key="hf_explicit").complete(USER)
    assert [e["authorization"] for e in server.log] == [
        None,
        "Bearer sk-openai",
        "Bearer sk-llmzoo",
        "Bearer hf_explicit",
    ]


def test_works_in_hub_offline_mode(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with FakeOpenAI() as server:
        assert ChatClient(EndpointConfig(base_url=server.url)).complete(USER) == "echo: Say hi."


# --------------------------------------------------------------------------------------------------- streaming


def test_stream_text_yields_pieces_and_reports_a_mid_stream_error():
    with FakeOpenAI(faults={1: ("stream_error", "out of memory")}) as server:
        with ChatClient(EndpointConfig(base_url=server.url, max_tokens=5)) as client:
            assert list(client.stream_text(USER, temperature=0.0)) == ["echo", ": Say hi."]
            with pytest.raises(EndpointError, match=r"/v1: bad_response: out of memory") as caught:
                list(client.stream_text(USER))
    assert caught.value.reason == "bad_response"
    assert server.log[0]["body"]["stream"] is True
    assert (server.log[0]["body"]["max_tokens"], server.log[0]["body"]["temperature"]) == (5, 0.0)


# --------------------------------------------------------------------------------------------------- llmzoo serve


@pytest.mark.slow
def test_real_round_trip_with_llmzoo_serve_and_the_space_backend(embedded_model_path, tmp_path):
    import httpx

    from llmzoo_hf.space import SpaceConfig, _Backends

    messages = [{"role": "user", "content": "What is the capital of France?"}]
    with llmzoo_serve(embedded_model_path, tmp_path) as server:
        served = httpx.get(server.url + "/v1/models", timeout=30).json()["data"][0]["id"]
        # A generous time-out: on a loaded CI machine a retried generation would only repeat the same work.
        config = EndpointConfig(base_url=server.url, temperature=0.0, max_tokens=8, timeout=600)
        with ChatClient(config) as client:
            whole = client.complete(messages)
            pieces = list(client.stream_text(messages))
        results, stats, model = run_async(config, 2)
        backends = _Backends(SpaceConfig(endpoints={"smol": server.url}))
        streamed = "".join(backends.stream("smol", messages, temperature=0.0, top_p=1.0, max_tokens=8))
    assert whole.strip() and "".join(pieces) == whole == streamed  # greedy: the same reply every way
    assert len(pieces) > 1
    assert all(isinstance(r.text, str) and r.text for r in results)
    assert model == served
    assert 0 < stats.completion_tokens <= 16 and stats.retries == 0

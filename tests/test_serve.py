"""``llmzoo serve`` on 127.0.0.1 with the embedded model: OpenAI/TGI routes, batching, limits, clients."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import re
import subprocess
import sys
import textwrap
import time

import httpx
import pytest
from tests._servers import llmzoo_serve

from llmzoo_hf.serve import chat_client, parse_endpoints

pytestmark = pytest.mark.slow

QUESTION = [{"role": "user", "content": "What is the capital of France?"}]
# Greedy answer of the embedded SmolLM2-135M-Instruct (see the chat tests).
PARIS = "The capital of France is Paris."
MULTILINGUAL = {
    "zh": "Repeat exactly: 你好世界，今天天气很好",
    "ja": "Repeat exactly: こんにちは世界、お元気ですか",
    "ko": "Repeat exactly: 안녕하세요 세계, 반갑습니다",
    "ar": "Repeat exactly: مرحبا بالعالم، كيف حالك",
    "hi": "Repeat exactly: नमस्ते दुनिया, आप कैसे हैं",
    "emoji": "Repeat exactly: 🎉🚀🌍👍🏽 party rocket earth",
}


@pytest.fixture(scope="module")
def server(embedded_model_path, tmp_path_factory):
    """One greedy server shared by the tests of this module (context 512 tokens, batches of 8)."""
    args = ("--temperature", "0", "--max-model-len", "512", "--max-new-tokens", "32", "--served-model-name", "smol")
    with llmzoo_serve(embedded_model_path, tmp_path_factory.mktemp("serve"), *args) as handle:
        yield handle


@pytest.fixture
def online_hub(monkeypatch):
    """Lift huggingface_hub's offline flag in this process so that the bare InferenceClient may call 127.0.0.1."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)


def post(server, path, body, **kwargs):
    return httpx.post(server.url + path, json=body, timeout=120, **kwargs)


def test_health_and_models(server):
    health = httpx.get(server.url + "/health", timeout=30).json()
    assert health["status"] == "ok" and health["model"] == "smol" and health["max_batch_size"] == 8
    models = httpx.get(server.url + "/v1/models", timeout=30).json()
    assert [m["id"] for m in models["data"]] == ["smol"]
    assert models["data"][0]["max_model_len"] == 512


def test_chat_completion_schema_and_usage(server):
    reply = post(server, "/v1/chat/completions", {"messages": QUESTION, "max_tokens": 20}).json()
    assert reply["object"] == "chat.completion" and reply["model"] == "smol"
    assert reply["choices"][0]["message"] == {"role": "assistant", "content": PARIS}
    assert reply["choices"][0]["finish_reason"] == "stop"
    assert reply["usage"]["completion_tokens"] == 7  # "The capital of France is Paris." is 7 tokens
    assert reply["usage"]["total_tokens"] == reply["usage"]["prompt_tokens"] + 7


def test_raw_sse_stream_ends_with_finish_reason_and_done(server):
    lines = []
    with httpx.stream(
        "POST", server.url + "/v1/chat/completions", json={"messages": QUESTION, "stream": True}, timeout=120
    ) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in r.iter_lines() if line]
    assert lines[-1] == "data: [DONE]"
    chunks = [json.loads(line[len("data: ") :]) for line in lines[:-1]]
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop" and chunks[-1]["choices"][0]["delta"] == {}
    assert "".join(c["choices"][0]["delta"].get("content", "") for c in chunks) == PARIS


def test_stop_string_split_across_tokens_never_reaches_the_client(server):
    body = {"messages": QUESTION, "max_tokens": 20, "stop": ["Paris."]}  # "Paris" and "." are two tokens
    reply = post(server, "/v1/chat/completions", body).json()
    assert reply["choices"][0]["message"]["content"] == "The capital of France is "
    assert reply["choices"][0]["finish_reason"] == "stop"
    pieces = []
    with httpx.stream("POST", server.url + "/v1/chat/completions", json={**body, "stream": True}, timeout=120) as r:
        for line in r.iter_lines():
            if line.startswith("data: {"):
                pieces.append(json.loads(line[6:])["choices"][0]["delta"].get("content") or "")
    assert "".join(pieces) == "The capital of France is "


def test_inference_client_sync_stream_and_not(server, online_hub):
    from huggingface_hub import InferenceClient

    client = InferenceClient(base_url=server.url)
    output = client.chat_completion(QUESTION, max_tokens=20)
    assert output.choices[0].message.content == PARIS
    pieces = [c.choices[0].delta.content or "" for c in client.chat_completion(QUESTION, max_tokens=20, stream=True)]
    assert "".join(pieces) == PARIS


def test_async_inference_client_stream_and_not(server, online_hub):
    from huggingface_hub import AsyncInferenceClient

    async def main():
        client = AsyncInferenceClient(base_url=server.url)
        output = await client.chat_completion(QUESTION, max_tokens=20)
        stream = await client.chat_completion(QUESTION, max_tokens=20, stream=True)
        pieces = [c.choices[0].delta.content or "" async for c in stream]
        await client.close()
        return output.choices[0].message.content, "".join(pieces)

    assert asyncio.run(main()) == (PARIS, PARIS)


def test_bare_inference_client_is_refused_offline(server):
    """The trap our client works around: the Hub client refuses even 127.0.0.1 when HF_HUB_OFFLINE=1."""
    from huggingface_hub import InferenceClient
    from huggingface_hub.errors import OfflineModeIsEnabled

    with pytest.raises(OfflineModeIsEnabled, match="offline mode is enabled"):
        InferenceClient(base_url=server.url).chat_completion(QUESTION, max_tokens=4)


def test_chat_client_works_offline_sync_and_async(server):
    from huggingface_hub import constants

    assert constants.HF_HUB_OFFLINE  # tests/conftest.py sets HF_HUB_OFFLINE=1
    client = chat_client(server.url)
    assert client.complete(QUESTION, max_tokens=20) == PARIS
    assert "".join(client.stream_text(QUESTION, max_tokens=20)) == PARIS
    assert client.chat_completion(QUESTION, max_tokens=20).usage.completion_tokens == 7

    async def main():
        stream = await client.achat_completion(QUESTION, max_tokens=20, stream=True)
        pieces = [c.choices[0].delta.content or "" async for c in stream]
        return await client.acomplete(QUESTION, max_tokens=20), "".join(pieces)

    assert asyncio.run(main()) == (PARIS, PARIS)


def test_chat_client_through_inference_client_when_online(server, online_hub):
    client = chat_client(server.url + "/v1")
    assert client.complete(QUESTION, max_tokens=20) == PARIS


def test_chat_client_reports_server_reason(server):
    from huggingface_hub.errors import HfHubHTTPError

    with pytest.raises(HfHubHTTPError, match="context length is 512 tokens"):
        chat_client(server.url).complete([{"role": "user", "content": "hi " * 600}])


def test_tgi_generate_and_generate_stream(server):
    body = {"inputs": "The capital of France is", "parameters": {"max_new_tokens": 3}}
    reply = post(server, "/generate", body).json()
    assert reply == {"generated_text": " Paris.\n", "details": {"finish_reason": "length", "generated_tokens": 3}}
    with httpx.stream("POST", server.url + "/generate_stream", json=body, timeout=120) as r:
        events = [json.loads(line[5:]) for line in r.iter_lines() if line.startswith("data:")]
    assert [e["token"]["text"] for e in events] == [" Paris", ".", "\n", ""]
    assert events[-1]["generated_text"] == " Paris.\n" and events[-1]["details"]["finish_reason"] == "length"


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (b'{"messages": [', 400, "not valid JSON"),
        ({"messages": "hello"}, 422, "messages: Input should be a valid list"),
        ({"model": "smol"}, 422, "messages: Field required"),
        ({"messages": []}, 422, "at least 1 item"),
        ({"messages": [{"role": "wizard", "content": "hi"}]}, 422, "messages.0.role"),
        ({"messages": QUESTION, "temperature": "hot"}, 422, "temperature"),
        ({"messages": QUESTION, "max_tokens": 0}, 422, "max_tokens"),
        ({"messages": QUESTION, "n": 2}, 422, "n: Input should be less than or equal to 1"),
        ({"messages": [{"role": "user", "content": "word " * 600}]}, 400, r"prompt has \d+ tokens but the context"),
    ],
)
def test_bad_requests_get_4xx_with_reason_and_server_survives(server, body, status, reason):
    if isinstance(body, bytes):
        response = httpx.post(
            server.url + "/v1/chat/completions", content=body, headers={"Content-Type": "application/json"}, timeout=60
        )
    else:
        response = post(server, "/v1/chat/completions", body)
    assert response.status_code == status
    assert re.search(reason, response.json()["error"]["message"]), response.json()
    assert (
        post(server, "/v1/chat/completions", {"messages": QUESTION, "max_tokens": 20}).json()["choices"][0]["message"][
            "content"
        ]
        == PARIS
    )


def test_prompt_over_context_names_both_lengths(server):
    response = post(server, "/v1/chat/completions", {"messages": [{"role": "user", "content": "hi " * 600}]})
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    prompt_tokens = int(message.split("prompt has ")[1].split(" tokens")[0])
    assert prompt_tokens > 512 and "context length is 512 tokens" in message


def _stream_text(url: str, content: str, max_tokens: int) -> tuple[str, str]:
    body = {"messages": [{"role": "user", "content": content}], "stream": True, "max_tokens": max_tokens}
    pieces, finish = [], None
    with httpx.stream("POST", url + "/v1/chat/completions", json=body, timeout=300) as r:
        for line in r.iter_lines():
            if line.startswith("data: {"):
                choice = json.loads(line[6:])["choices"][0]
                pieces.append(choice["delta"].get("content") or "")
                finish = choice["finish_reason"] or finish
    return "".join(pieces), finish


def test_sixteen_concurrent_streams_all_finish_and_are_batched(server):
    prompts = [f"Count from {i} to {i + 20}." for i in range(16)]
    steps_before = httpx.get(server.url + "/health", timeout=30).json()["steps"]
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda p: _stream_text(server.url, p, 12), prompts))
    assert len(results) == 16
    assert all(finish in ("stop", "length") and text for text, finish in results), results
    steps = httpx.get(server.url + "/health", timeout=30).json()["steps"] - steps_before
    # 16 requests x up to 11 decode steps each would take 176 steps one at a time; batches of 8 share steps
    assert steps <= 16 * 11 // 2, steps


def test_client_killed_mid_stream_frees_its_slot_and_others_finish(server, tmp_path):
    script = tmp_path / "greedy_client.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import httpx, sys
            body = {{"messages": [{{"role": "user", "content": "Write a long story about a dragon."}}],
                     "stream": True, "max_tokens": 400}}
            with httpx.stream("POST", "{server.url}/v1/chat/completions", json=body, timeout=300) as r:
                for line in r.iter_lines():
                    if '"content"' in line:
                        print("STREAMING", flush=True)
            """
        )
    )
    killed = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert killed.stdout.readline().strip() == "STREAMING"
        with concurrent.futures.ThreadPoolExecutor(3) as pool:
            others = [pool.submit(_stream_text, server.url, f"Name {n} colours.", 16) for n in (2, 3, 4)]
            killed.kill()
            killed.wait()
            results = [f.result(timeout=240) for f in others]
    finally:
        if killed.poll() is None:
            killed.kill()
    assert all(text for text, _ in results)
    # the killed client's 400-token row is dropped at the next decode step, not run to the end
    deadline = time.monotonic() + 30
    while httpx.get(server.url + "/health", timeout=30).json()["active"] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert httpx.get(server.url + "/health", timeout=30).json()["active"] == 0


def test_closed_httpx_stream_cancels_the_row(server):
    body = {"messages": [{"role": "user", "content": "Write a long poem."}], "stream": True, "max_tokens": 400}
    with httpx.stream("POST", server.url + "/v1/chat/completions", json=body, timeout=60) as r:
        for line in r.iter_lines():
            if '"content": "' in line and '"content": ""' not in line:
                break
    deadline = time.monotonic() + 30
    while httpx.get(server.url + "/health", timeout=30).json()["active"] and time.monotonic() < deadline:
        time.sleep(0.2)
    health = httpx.get(server.url + "/health", timeout=30).json()
    assert health["active"] == 0 and health["steps"] > 0
    assert (
        post(server, "/v1/chat/completions", {"messages": QUESTION}).json()["choices"][0]["message"]["content"]
        == PARIS
    )


def test_streamed_equals_non_streamed_for_six_scripts(server):
    for lang, prompt in MULTILINGUAL.items():
        messages = [{"role": "user", "content": prompt}]
        full = post(server, "/v1/chat/completions", {"messages": messages, "max_tokens": 24}).json()
        full_text = full["choices"][0]["message"]["content"]
        pieces = []
        with httpx.stream(
            "POST",
            server.url + "/v1/chat/completions",
            json={"messages": messages, "max_tokens": 24, "stream": True},
            timeout=120,
        ) as r:
            for line in r.iter_lines():
                if line.startswith("data: {"):
                    pieces.append(json.loads(line[6:])["choices"][0]["delta"].get("content") or "")
        assert "".join(pieces) == full_text, lang
        assert not any("\ufffd" in piece for piece in pieces), (lang, pieces)
        assert "\ufffd" not in full_text, lang


def test_queue_full_gets_429_and_accepted_ones_finish(embedded_model_path, tmp_path):
    args = ("--max-queue", "1", "--max-batch-size", "1", "--temperature", "0")
    with llmzoo_serve(embedded_model_path, tmp_path, *args) as handle:

        def ask(i):
            body = {"messages": [{"role": "user", "content": f"Tell me a story number {i}."}], "max_tokens": 40}
            return httpx.post(handle.url + "/v1/chat/completions", json=body, timeout=300)

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            responses = list(pool.map(ask, range(6)))
        codes = sorted(r.status_code for r in responses)
        assert codes.count(429) >= 3 and codes.count(200) >= 1, codes  # 1 generating + 1 waiting at most
        refused = next(r for r in responses if r.status_code == 429)
        assert refused.json()["error"]["type"] == "rate_limit_error"
        assert "max_queue=1" in refused.json()["error"]["message"]
        assert all(r.json()["choices"][0]["message"]["content"] for r in responses if r.status_code == 200)
        assert httpx.get(handle.url + "/health", timeout=30).json()["status"] == "ok"


def test_serve_refuses_a_delta_folder(tmp_path, tiny_llama_path):
    import shutil

    from tests.conftest import run_cli

    delta = tmp_path / "delta"
    shutil.copytree(tiny_llama_path, delta)
    config = json.loads((delta / "config.json").read_text())
    config["llmzoo_delta"] = {"base_model": "tiny-llama-base", "base_sha256": "0" * 64}
    (delta / "config.json").write_text(json.dumps(config))
    result = run_cli("serve", "--model", str(delta), "--port", "1", timeout=120)
    assert result.returncode == 1
    assert "llmzoo delta apply" in result.stderr


def test_parse_endpoints():
    assert parse_endpoints("phoenix=http://a:8000, chimera=https://b/v1/") == {
        "phoenix": "http://a:8000",
        "chimera": "https://b/v1",
    }
    assert parse_endpoints("http://127.0.0.1:9000") == {"127.0.0.1:9000": "http://127.0.0.1:9000"}
    assert parse_endpoints("") == {}
    with pytest.raises(ValueError, match="'x': 'ftp://h' is not an http"):
        parse_endpoints("x=ftp://h")
    with pytest.raises(ValueError, match="'a' appears twice"):
        parse_endpoints("a=http://h,a=http://g")

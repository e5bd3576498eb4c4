"""``llmzoo serve`` on 127.0.0.1 with the embedded model: OpenAI/TGI routes, batching, limits, clients."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import subprocess
import sys
import textwrap
import time

import httpx
import pytest
from tests._servers import free_port, llmzoo_serve

from llmzoo_hf.client import parse_endpoints

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
    args += ("--max-batch-tokens", "64")  # prompts of more than 64 tokens are prefilled in chunks
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


def test_tgi_generate_and_generate_stream(server):
    body = {"inputs": "The capital of France is", "parameters": {"max_new_tokens": 3}}
    reply = post(server, "/generate", body).json()
    assert reply == {"generated_text": " Paris.\n", "details": {"finish_reason": "length", "generated_tokens": 3}}
    with httpx.stream("POST", server.url + "/generate_stream", json=body, timeout=120) as r:
        events = [json.loads(line[5:]) for line in r.iter_lines() if line.startswith("data:")]
    assert [e["token"]["text"] for e in events] == [" Paris", ".", "\n", ""]
    assert events[-1]["generated_text"] == " Paris.\n" and events[-1]["details"]["finish_reason"] == "length"


def test_prompt_over_context_names_both_lengths(server):
    response = post(server, "/v1/chat/completions", {"messages": [{"role": "user", "content": "hi " * 600}]})
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    prompt_tokens = int(message.split("prompt has ")[1].split(" tokens")[0])
    assert prompt_tokens > 512 and "context length is 512 tokens" in message


def _stream_text(url: str, content: str, max_tokens: int) -> tuple[str, str]:
    body = {"messages": [{"role": "user", "content": content}], "stream": True, "max_tokens": max_tokens}
    pieces, finish = [], None
    with httpx.stream("POST", url + "/v1/chat/completions", json=body, timeout=600) as r:
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
    args = ("--max-queue", "1", "--max-batch-size", "1", "--temperature", "0", "--max-model-len", "512")
    with llmzoo_serve(embedded_model_path, tmp_path, *args) as handle:

        def ask(i):
            body = {"messages": [{"role": "user", "content": f"Tell me a story number {i}."}], "max_tokens": 40}
            return httpx.post(handle.url + "/v1/chat/completions", json=body, timeout=300)

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            responses = list(pool.map(ask, range(6)))
        codes = sorted(r.status_code for r in responses)
        assert codes == [200, 200, 429, 429, 429, 429], codes  # admitted: max_batch_size 1 + max_queue 1
        refused = next(r for r in responses if r.status_code == 429)
        assert refused.json()["error"]["type"] == "rate_limit_error"
        assert "max_batch_size=1 + max_queue=1" in refused.json()["error"]["message"]
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
    result = run_cli("serve", "--model", str(delta), "--port", str(free_port()), timeout=120)
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


# -- abuse: every bad request gets its own 4xx in OpenAI's shape, and the streams in flight finish --------------------

CHAT, GEN, GEN_STREAM = "/v1/chat/completions", "/generate", "/generate_stream"
HI = [{"role": "user", "content": "hi"}]
NESTED = b"[" * 100_000 + b"]" * 100_000  # json's recursion limit
# (path, body: dict = JSON, bytes = raw, status, param named in the error or None)
ABUSE = [
    (CHAT, {"messages": HI, "seed": 2**64}, 400, "seed"),
    (CHAT, {"messages": HI, "seed": -1}, 400, "seed"),
    (CHAT, {"messages": HI, "temperature": 1e-40, "max_tokens": 2}, 200, None),  # below epsilon: greedy
    (CHAT, {"messages": HI, "temperature": 0.5, "seed": 2**63 - 1, "max_tokens": 2}, 200, None),
    (CHAT, {"messages": HI, "temperature": -1}, 400, "temperature"),
    (CHAT, {"messages": HI, "temperature": 3}, 400, "temperature"),
    (CHAT, {"messages": HI, "temperature": "hot"}, 400, "temperature"),
    (CHAT, {"messages": HI, "top_p": 0}, 400, "top_p"),
    (CHAT, {"messages": HI, "top_p": 1.5}, 400, "top_p"),
    (CHAT, {"messages": HI, "max_tokens": 0}, 400, "max_tokens"),
    (CHAT, {"messages": HI, "max_completion_tokens": -5}, 400, "max_completion_tokens"),
    (CHAT, {"messages": []}, 400, "messages"),
    (CHAT, {"messages": "hello"}, 400, "messages"),
    (CHAT, {"model": "smol"}, 400, "messages"),
    (CHAT, {"messages": [{"role": "wizard", "content": "hi"}]}, 400, "messages.0.role"),
    (CHAT, {"messages": [{"role": "user", "content": 5}]}, 400, "messages.0.content.str"),
    (CHAT, {"messages": HI, "n": 2}, 400, "n"),
    (CHAT, {"messages": HI, "n": 0}, 400, "n"),
    (CHAT, {"messages": HI, "stream": [1]}, 400, "stream"),
    (CHAT, {"messages": HI, "stop": 5}, 400, "stop.str"),
    (CHAT, {"messages": HI, "frequency_penalty": 1.0}, 400, "frequency_penalty"),
    (CHAT, {"messages": HI, "logprobs": True}, 400, "logprobs"),
    (CHAT, {"messages": HI, "response_format": {"type": "json_object"}}, 400, "response_format"),
    (CHAT, {"messages": [{"role": "user", "content": "word " * 600}]}, 400, "messages"),
    (CHAT, {"messages": [{"role": "user", "content": "hi"}] * 3000}, 400, "messages"),
    (CHAT, b'{"messages": [', 400, None),
    (CHAT, b"\xff\xfe\x00{", 400, None),
    (CHAT, b"[]", 400, None),
    (CHAT, b"null", 400, None),
    (CHAT, b"", 400, None),
    (CHAT, NESTED, 400, None),
    (CHAT, b'{"messages": "' + b"x" * 2_000_000 + b'"}', 413, None),
    (GEN, {"inputs": ""}, 400, "inputs"),
    (GEN, {"inputs": "hi", "parameters": {"seed": 2**64}}, 400, "parameters.seed"),
    (GEN, {"inputs": "hi", "parameters": {"temperature": 1e-40, "max_new_tokens": 1}}, 200, None),
    (GEN, {"inputs": "hi", "parameters": {"top_k": 5}}, 400, "parameters.top_k"),
    (GEN, {"inputs": "hi", "parameters": {"repetition_penalty": 0}}, 400, "parameters.repetition_penalty"),
    (GEN_STREAM, {"inputs": "hi", "parameters": {"seed": -3}}, 400, "parameters.seed"),
    ("/v1/nothing-here", {"messages": HI}, 404, None),
]


def _send(url: str, path: str, body) -> httpx.Response:
    if isinstance(body, bytes):
        return httpx.post(url + path, content=body, headers={"Content-Type": "application/json"}, timeout=300)
    return httpx.post(url + path, json=body, timeout=300)


def test_probe_of_abusive_requests_gets_4xx_in_openai_shape_while_streams_finish(server):
    assert len(ABUSE) >= 30
    prompts = [f"Name {n} fruits, one per line." for n in (3, 4, 5, 6)]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        streams = [pool.submit(_stream_text, server.url, prompt, 12) for prompt in prompts]
        for path, body, status, param in ABUSE:
            response = _send(server.url, path, body)
            assert response.status_code == status, (path, str(body)[:80], response.text[:300])
            if status >= 400:
                error = response.json()["error"]
                assert set(error) == {"message", "type", "param", "code"} and error["message"], error
                assert error["param"] == param, (str(body)[:80], error)
        results = [future.result(timeout=600) for future in streams]
    assert all(text and finish in ("stop", "length") for text, finish in results), results
    assert httpx.get(server.url + "/health", timeout=30).json()["status"] == "ok"


def test_chunked_body_over_the_limit_gets_413(server):
    def chunks():
        for _ in range(40):
            yield b"x" * 50_000  # 2 MB without a Content-Length header

    response = httpx.post(server.url + CHAT, content=chunks(), timeout=120)
    assert response.status_code == 413
    assert "larger than 1000000 bytes" in response.json()["error"]["message"]


def test_long_prompt_is_prefilled_in_chunks_while_a_stream_keeps_flowing(server):
    """A 450-token prompt takes 8 forward passes of 64 tokens; the running stream gets a token in each of them."""
    import threading

    stamps: list[float] = []
    started = threading.Event()

    def running_stream():
        body = {"messages": [{"role": "user", "content": "Count from 1 to 100."}], "stream": True}
        payload = {**body, "max_tokens": 200, "ignore_eos": True}
        with httpx.stream("POST", server.url + CHAT, json=payload, timeout=600) as r:
            for line in r.iter_lines():
                if '"content": "' in line and '"content": ""' not in line:
                    stamps.append(time.monotonic())
                    started.set()

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        stream = pool.submit(running_stream)
        assert started.wait(300)
        long_prompt = "apple " * 440
        sent = time.monotonic()
        reply = post(server, CHAT, {"messages": [{"role": "user", "content": long_prompt}], "max_tokens": 1})
        answered = time.monotonic()
        stream.result(timeout=600)
    assert reply.status_code == 200 and reply.json()["usage"]["prompt_tokens"] > 7 * 64
    during = [t for t in stamps if sent < t < answered]
    # one prefill in one pass would freeze the stream; in chunks, it keeps flowing (a token per pass)
    assert len(during) >= 6, (len(during), answered - sent)


def test_port_in_use_is_one_line_naming_port_before_loading(tmp_path):
    import socket

    from tests.conftest import run_cli

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        start = time.monotonic()
        result = run_cli("serve", "--model", str(tmp_path / "never-loaded"), "--port", str(port), timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"llmzoo serve: error: Port {port} on 127.0.0.1 is already in use; pick another with --port."
    )
    assert "Traceback" not in result.stderr and time.monotonic() - start < 60


# -- the peers' own clients ---------------------------------------------------------------------------------------


def test_openai_sdk_sync_stream_usage_stop_seed_and_n(server):
    import openai

    client = openai.OpenAI(base_url=server.url + "/v1", api_key="unused", max_retries=0)
    reply = client.chat.completions.create(model="smol", messages=QUESTION, max_completion_tokens=20, seed=3)
    assert reply.choices[0].message.content == PARIS and reply.usage.completion_tokens == 7
    assert reply.model == "smol" and reply.choices[0].finish_reason == "stop"
    stream = client.chat.completions.create(
        model="smol", messages=QUESTION, stream=True, stop=["Paris."], stream_options={"include_usage": True}
    )
    chunks = list(stream)
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "The capital of France is "
    assert chunks[-1].choices == [] and chunks[-1].usage.prompt_tokens == reply.usage.prompt_tokens
    with pytest.raises(openai.BadRequestError) as refused:
        client.chat.completions.create(model="smol", messages=QUESTION, n=2)
    assert refused.value.status_code == 400 and refused.value.body["param"] == "n"
    assert [m.id for m in client.models.list()] == ["smol"]


def test_openai_sdk_async_streams_concurrently(server):
    import openai

    async def main():
        client = openai.AsyncOpenAI(base_url=server.url + "/v1", api_key="unused", max_retries=0)

        async def one(seed):
            stream = await client.chat.completions.create(
                model="smol",
                messages=QUESTION,
                stream=True,
                seed=seed,
                max_tokens=20,
                stream_options={"include_usage": True},
            )
            pieces, usage = [], None
            async for chunk in stream:
                pieces += [c.delta.content or "" for c in chunk.choices]
                usage = chunk.usage or usage
            return "".join(pieces), usage.completion_tokens

        results = await asyncio.gather(*(one(seed) for seed in range(4)))
        await client.close()
        return results

    assert asyncio.run(main()) == [(PARIS, 7)] * 4


def test_inference_client_text_generation_on_tgi_routes(server, online_hub):
    from huggingface_hub import InferenceClient

    client = InferenceClient(base_url=server.url)
    assert client.text_generation("The capital of France is", max_new_tokens=3) == " Paris.\n"
    details = client.text_generation("The capital of France is", max_new_tokens=3, details=True)
    assert details.generated_text == " Paris.\n" and details.details.generated_tokens == 3
    pieces = list(client.text_generation("The capital of France is", max_new_tokens=3, stream=True))
    assert "".join(pieces) == " Paris.\n"


LM_EVAL_TASK = """\
task: llmzoo_capitals
dataset_path: json
dataset_kwargs:
  data_files:
    test: {data}
test_split: test
output_type: generate_until
doc_to_text: "{{{{question}}}}"
doc_to_target: "{{{{answer}}}}"
generation_kwargs:
  until: ["\\n"]
  max_gen_toks: 16
  do_sample: false
metric_list:
  - metric: exact_match
    aggregation: mean
    higher_is_better: true
"""


def test_lm_eval_harness_local_chat_completions(server, tmp_path):
    from tests.conftest import FIXTURES

    tasks = tmp_path / "tasks"
    tasks.mkdir()
    data = FIXTURES / "lm_eval_capitals.jsonl"
    (tasks / "llmzoo_capitals.yaml").write_text(LM_EVAL_TASK.format(data=data))
    model_args = f"model=smol,base_url={server.url}/v1/chat/completions,num_concurrent=2,max_retries=1"
    argv = [sys.executable, "-m", "lm_eval", "--model", "local-chat-completions", "--model_args", model_args]
    argv += ["--tasks", "llmzoo_capitals", "--include_path", str(tasks), "--apply_chat_template", "--limit", "3"]
    argv += ["--output_path", str(tmp_path / "out"), "--log_samples"]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    samples = [json.loads(line) for f in (tmp_path / "out").rglob("samples_*.jsonl") for line in f.open()]
    assert len(samples) == 3
    docs = [json.loads(line) for line in data.open()][:3]
    for sample in samples:
        question = docs[sample["doc_id"]]["question"]
        # lm-eval's reply is what the server answers for the same chat, cut at the task's stop string
        direct = post(server, CHAT, {"messages": [{"role": "user", "content": question}], "max_tokens": 16})
        assert sample["resps"][0][0] == direct.json()["choices"][0]["message"]["content"].split("\n")[0]
    scores = json.loads(next((tmp_path / "out").rglob("results_*.json")).read_text())["results"]["llmzoo_capitals"]
    expected = sum(s["exact_match"] for s in samples) / 3
    assert scores["exact_match,none"] == pytest.approx(expected) and expected >= 1 / 3  # France is right

"""Real servers on 127.0.0.1 for tests: ``llmzoo serve`` (or any command) in a subprocess, and a fake OpenAI API.

The subprocess handling is the library's own (``llmzoo_hf._local_server``, which runs the eval judge's server).
"""

from __future__ import annotations

import contextlib
import gc
import json
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from llmzoo_hf._local_server import LocalServer, free_port, local_server

__all__ = ["FakeOpenAI", "echo_reply", "free_port", "llmzoo_serve", "local_server"]


@contextlib.contextmanager
def llmzoo_serve(model: str | Path, tmp_path: Path, *extra_args: str, timeout: float = 300) -> Iterator[LocalServer]:
    """Run ``llmzoo serve --model MODEL --host 127.0.0.1 --port N [extra_args]`` until the block ends."""
    port = free_port()
    argv = [sys.executable, "-m", "llmzoo_hf.cli", "serve", "--model", str(model), "--host", "127.0.0.1"]
    argv += ["--port", str(port), *extra_args]
    with local_server(argv, port=port, log_path=Path(tmp_path) / f"serve-{port}.log", timeout_s=timeout) as server:
        yield server


def echo_reply(messages: list[dict], number: int) -> str:
    """Answer ``echo: <last message>`` (the default reply of :class:`FakeOpenAI`)."""
    return "echo: " + messages[-1]["content"]


class FakeOpenAI:
    """An OpenAI-compatible ``/v1/models`` and ``/v1/chat/completions`` (plain and SSE) on 127.0.0.1, in a thread.

    ``reply(messages, number)`` writes each answer (default :func:`echo_reply`), or returns None for a 400;
    ``usage`` is the (prompt,
    completion) token count reported with it. ``faults`` maps a request's 0-based arrival number to
    ``("status", code, retry_after)``, ``("hang", seconds)`` or ``("stream_error", message)``; ``fail_all`` answers
    every request with that status; ``latency`` delays every answer; ``models=False`` makes ``/v1/models`` a 404.
    ``url`` is the server's root plus ``url_path``. ``log`` keeps each request's arrival time, body and Authorization
    header; ``max_in_flight`` the most requests handled at once.
    """

    def __init__(
        self,
        *,
        reply=echo_reply,
        usage: tuple[int, int] = (7, 3),
        faults: dict | None = None,
        fail_all: int | None = None,
        latency: float = 0.0,
        models: bool = True,
        url_path: str = "",
    ):
        self.reply, self.usage, self.faults, self.fail_all = reply, usage, faults or {}, fail_all
        self.latency, self.models = latency, models
        self.log: list[dict] = []
        self.in_flight = self.max_in_flight = 0
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{url_path}"

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep pytest output clean
                pass

            def _send(self, code: int, body: dict, headers: dict | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if fake.models and self.path == "/v1/models":
                    self._send(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "no such route", "type": "not_found"}})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with fake._lock:
                    number = len(fake.log)
                    fake.log.append(
                        {"t": time.monotonic(), "body": body, "authorization": self.headers.get("Authorization")}
                    )
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                try:
                    self._answer(number, body)
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

            def _answer(self, number: int, body: dict) -> None:
                fault = ("status", fake.fail_all, None) if fake.fail_all else fake.faults.get(number, ("none",))
                if fault[0] == "hang":
                    time.sleep(fault[1])
                    self.close_connection = True  # the client gave up long ago; nothing to answer
                    return
                if fault[0] == "status":
                    headers = {"Retry-After": str(fault[2])} if fault[2] is not None else {}
                    self._send(fault[1], {"error": {"message": f"injected {fault[1]}", "type": "x"}}, headers)
                    return
                time.sleep(fake.latency)
                text = fake.reply(body["messages"], number) if self.path.endswith("/chat/completions") else None
                if text is None:
                    error = {"message": "no scripted reply", "type": "invalid_request_error", "param": "messages"}
                    self._send(400, {"error": {**error, "code": None}})
                    return
                head = {"id": f"cmpl-{number}", "model": body.get("model", "fake-model")}
                if not body.get("stream"):
                    prompt, completion = fake.usage
                    usage = {
                        "prompt_tokens": prompt,
                        "completion_tokens": completion,
                        "total_tokens": prompt + completion,
                    }
                    choice = {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
                    self._send(200, {**head, "object": "chat.completion", "choices": [choice], "usage": usage})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                self.close_connection = True
                for piece in (text[:4], text[4:]):
                    chunk = {**head, "object": "chat.completion.chunk", "created": 0}
                    chunk["choices"] = [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                if fault[0] == "stream_error":
                    self.wfile.write(f"data: {json.dumps({'error': {'message': fault[1]}})}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")

        return Handler

    def __enter__(self) -> FakeOpenAI:
        # Collect now: a full collection in the middle of a test stalls client and server threads alike, and the
        # requests held back meanwhile then reach the server at once, bunching the arrival times the rate tests read.
        gc.collect()
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

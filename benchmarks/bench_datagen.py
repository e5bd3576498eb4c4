"""Requests per second of ``llmzoo_hf.datagen`` at concurrency 1 (the baseline: one request after another, as a
plain loop over the API would do) vs concurrency 8, against the same local OpenAI-compatible endpoint.

The endpoint is ``llmzoo serve`` with the embedded model when ``--endpoint serve`` (the default when the command
exists), else a local stand-in server answering every request after a fixed latency (``--endpoint fixed``), so
the figure measures the client's concurrency, not the model. Run: ``python benchmarks/bench_datagen.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from llmzoo_hf.datagen import EndpointConfig, user_centered


@contextlib.contextmanager
def fixed_latency_server(latency_s: float):
    """Serve OpenAI-style chat completions on 127.0.0.1, each answered after ``latency_s`` seconds."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _send(self, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self._send({"object": "list", "data": [{"id": "fixed-latency", "object": "model"}]})

        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            time.sleep(latency_s)
            message = {"role": "assistant", "content": "A fixed answer."}
            usage = {"prompt_tokens": 20, "completion_tokens": 4, "total_tokens": 24}
            self._send({"choices": [{"index": 0, "message": message, "finish_reason": "stop"}], "usage": usage})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def llmzoo_serve_endpoint(max_batch_size: int):
    """Run ``llmzoo serve`` with the embedded model on a free port until the block ends."""
    import httpx

    from llmzoo_hf import default_model_path

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    argv = [sys.executable, "-m", "llmzoo_hf.cli", "serve", "--model", str(default_model_path())]
    argv += ["--host", "127.0.0.1", "--port", str(port), "--max-batch-size", str(max_batch_size)]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("llmzoo serve did not start")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=30)


def measure(url: str, *, concurrency: int, n: int, max_tokens: int, folder: Path) -> float:
    """Answer ``n`` fresh tasks at ``concurrency``; return requests per second."""
    folder.mkdir(parents=True, exist_ok=True)
    tasks = folder / f"tasks-{concurrency}.jsonl"
    tasks.write_text("".join(json.dumps({"instruction": f"Say the number {i} in words."}) + "\n" for i in range(n)))
    endpoint = EndpointConfig(base_url=url, concurrency=concurrency, max_tokens=max_tokens, temperature=0.0)
    summary = user_centered(tasks, output_path=folder / f"out-{concurrency}.jsonl", endpoint=endpoint, lang="en")
    if summary.written != n:
        raise RuntimeError(f"only {summary.written} of {n} requests succeeded: {summary.failures_by_reason}")
    return summary.requests / summary.elapsed_s


def main() -> int:
    """Run the benchmark and print ``ratio=X`` last."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoint", choices=("auto", "serve", "fixed"), default="auto")
    parser.add_argument("--requests", type=int, default=32, help="Requests per measurement.")
    parser.add_argument("--latency", type=float, default=0.1, help="Per-request latency of the fixed server (s).")
    parser.add_argument("--max-tokens", type=int, default=16, help="Tokens per reply (llmzoo serve).")
    args = parser.parse_args()
    kind = args.endpoint
    if kind == "auto":
        import importlib.util

        kind = "serve" if importlib.util.find_spec("llmzoo_hf.commands.serve") else "fixed"
    if kind == "serve":
        endpoint, label = llmzoo_serve_endpoint(max_batch_size=8), "llmzoo serve (embedded SmolLM2-135M, CPU)"
    else:
        endpoint, label = (
            fixed_latency_server(args.latency),
            f"local fixed-latency server ({args.latency * 1000:.0f} ms)",
        )
    with endpoint as url, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        measure(url, concurrency=1, n=2, max_tokens=args.max_tokens, folder=folder / "warmup")  # load, connect
        baseline = measure(url, concurrency=1, n=args.requests, max_tokens=args.max_tokens, folder=folder)
        ours = measure(url, concurrency=8, n=args.requests, max_tokens=args.max_tokens, folder=folder)
    print(f"endpoint: {label}; {args.requests} requests, max_tokens={args.max_tokens}")
    print(f"concurrency 1 (baseline): {baseline:.2f} req/s")
    print(f"concurrency 8 (llmzoo data): {ours:.2f} req/s")
    print(f"ratio={ours / baseline:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What concurrency buys ``llmzoo data`` against a latency-bound endpoint, like a hosted API.

A local OpenAI-compatible server (no model) answers every chat request after a fixed latency (300 ms by default);
it runs in its own process, as a remote endpoint would, so its threads do not share the client's interpreter.
The same 64 generations go through our data-generation path (``llmzoo_hf.datagen.user_centered`` on
``llmzoo_hf.client.AsyncChatClient``) at concurrency 1 (the baseline: one request after another, as a plain loop
over the API does) and at concurrency 16, each ``--repeats`` times on fresh outputs; the fastest run of each counts
(as ``timeit`` does: slower runs measure other processes on the machine). Run: ``python benchmarks/bench_datagen.py``; the last line is
``ratio=`` (concurrency 16 / concurrency 1 throughput; ideal 16, target >= 10).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import socket
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from llmzoo_hf.datagen import EndpointConfig, user_centered


def serve_fixed_latency(port: int, latency_s: float) -> None:
    """Serve OpenAI-style chat completions on 127.0.0.1:``port``, each answered after ``latency_s`` seconds."""

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
            choice = {"index": 0, "message": message, "finish_reason": "stop"}
            self._send({"id": "x", "object": "chat.completion", "choices": [choice], "usage": usage})

    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 64  # accept every concurrent connection at once
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


@contextlib.contextmanager
def fixed_latency_server(latency_s: float):
    """Run :func:`serve_fixed_latency` in a child process on a free port until the block ends; yield its URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    argv = [sys.executable, __file__, "--serve-port", str(port), "--latency", str(latency_s)]
    process = subprocess.Popen(argv)
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the fixed-latency server did not start")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=30)


def measure(url: str, *, concurrency: int, n: int, folder: Path) -> float:
    """Generate ``n`` fresh answers at ``concurrency``; return the seconds it took."""
    folder.mkdir(parents=True, exist_ok=True)
    tasks = folder / f"tasks-{concurrency}.jsonl"
    tasks.write_text("".join(json.dumps({"instruction": f"Say the number {i} in words."}) + "\n" for i in range(n)))
    endpoint = EndpointConfig(base_url=url, concurrency=concurrency, max_tokens=16, temperature=0.0)
    summary = user_centered(tasks, output_path=folder / f"out-{concurrency}.jsonl", endpoint=endpoint, lang="en")
    if summary.written != n:
        raise RuntimeError(f"only {summary.written} of {n} generations succeeded: {summary.failures_by_reason}")
    return summary.elapsed_s


def main() -> int:
    """Run the benchmark and print ``ratio=X`` last."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generations", type=int, default=64, help="Generations per measurement.")
    parser.add_argument("--latency", type=float, default=0.3, help="Seconds the server takes per request.")
    parser.add_argument("--concurrency", type=int, default=16, help="Concurrency of the measured run.")
    parser.add_argument("--repeats", type=int, default=3, help="Runs per setting; the fastest counts.")
    parser.add_argument("--serve-port", type=int, default=None, help=argparse.SUPPRESS)  # the server's own process
    args = parser.parse_args()
    if args.serve_port is not None:
        serve_fixed_latency(args.serve_port, args.latency)
        return 0
    with fixed_latency_server(args.latency) as url, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        measure(url, concurrency=2, n=4, folder=folder / "warmup")  # imports, first connections
        times = {1: [], args.concurrency: []}
        for repeat in range(args.repeats):
            for concurrency in times:
                run_folder = folder / f"c{concurrency}-r{repeat}"
                times[concurrency].append(measure(url, concurrency=concurrency, n=args.generations, folder=run_folder))
    print(f"endpoint: local OpenAI-compatible server answering after {args.latency * 1000:.0f} ms (no model)")
    rates = {}
    for concurrency, runs in times.items():
        rates[concurrency] = args.generations / min(runs)
        label = "baseline" if concurrency == 1 else "llmzoo data"
        print(
            f"concurrency {concurrency} ({label}): {args.generations} generations in "
            f"{', '.join(f'{t:.2f}' for t in runs)} s; best {rates[concurrency]:.2f} gen/s"
        )
    print(f"ratio={rates[args.concurrency] / rates[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

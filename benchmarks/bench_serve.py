"""Benchmark ``llmzoo serve`` against ``transformers serve --continuous-batching`` (the anchor) on one model folder.

Both servers get the same 16 OpenAI chat requests (64 new tokens at most, greedy) at 1 and at 8 concurrent
streams; throughput is generated tokens (each reply's ``usage.completion_tokens``) per wall-clock second. Prints
both, our 8-stream/1-stream scaling (target >= 4), and last ``ratio=X``: ours / transformers' at 8 streams
(target >= 1.0). Both run on the CPU here (``--device cpu``), one after the other, on the same machine.

Run: ``python benchmarks/bench_serve.py [--model PATH] [--max-tokens 64] [--requests 16]``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import shutil
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/_servers.py starts the servers

from tests._servers import free_port, llmzoo_serve, running_command  # noqa: E402


def ask(url: str, index: int, max_tokens: int) -> int:
    """Send one greedy chat request (no `model`: transformers serve refuses a name other than its own); return its
    completion tokens."""
    body = {
        "messages": [{"role": "user", "content": f"Count from {index} to {index + 500}, one number per line."}],
        "max_tokens": max_tokens,
        "temperature": 0.0,
    }
    response = httpx.post(url + "/v1/chat/completions", json=body, timeout=1800)
    response.raise_for_status()
    return response.json()["usage"]["completion_tokens"]


def throughput(url: str, streams: int, requests: int, max_tokens: int) -> tuple[float, int]:
    """Return (generated tokens per second, tokens) for ``requests`` requests sent ``streams`` at a time."""
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(streams) as pool:
        tokens = sum(pool.map(lambda i: ask(url, i, max_tokens), range(requests)))
    return tokens / (time.perf_counter() - start), tokens


def measure(name: str, url: str, requests: int, max_tokens: int) -> dict[int, tuple[float, int]]:
    """Return {streams: (tokens/s, tokens)} at 1 and 8 streams, printing each as it is measured."""
    ask(url, 999, 4)  # warm-up: the first request pays for lazy initialisation
    results = {}
    for streams in (1, 8):
        results[streams] = throughput(url, streams, requests, max_tokens)
        print(
            f"{name}, {streams} stream(s): {results[streams][0]:.1f} tok/s ({results[streams][1]} tokens)", flush=True
        )
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="Model folder (default: the embedded SmolLM2-135M-Instruct).")
    parser.add_argument("--max-tokens", type=int, default=64, help="Most tokens generated per request.")
    parser.add_argument("--requests", type=int, default=16, help="Requests per measurement.")
    args = parser.parse_args()
    from llmzoo_hf import default_model_path

    model = Path(args.model) if args.model else default_model_path()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        serve_args = ("--temperature", "0", "--max-batch-size", "8", "--max-model-len", "1024")
        with llmzoo_serve(model, Path(tmp), *serve_args, timeout=900) as server:
            results["llmzoo serve"] = measure("llmzoo serve", server.url, args.requests, args.max_tokens)
        port = free_port()
        transformers_cli = shutil.which("transformers") or "transformers"
        argv = [transformers_cli, "serve", str(model), "--continuous-batching", "--device", "cpu"]
        argv += ["--host", "127.0.0.1", "--port", str(port)]
        with running_command(argv, port=port, log_path=Path(tmp) / "transformers.log", timeout=900) as server:
            results["transformers serve"] = measure("transformers serve", server.url, args.requests, args.max_tokens)
    print(f"model: {model}; {args.requests} requests of at most {args.max_tokens} tokens, greedy")
    for name, by_streams in results.items():
        print(
            f"{name:>18}: "
            + ", ".join(f"{streams} stream(s): {tps:.1f} tok/s" for streams, (tps, _) in by_streams.items())
        )
    ours = results["llmzoo serve"]
    print(f"llmzoo serve scaling 8/1 streams: {ours[8][0] / ours[1][0]:.2f}")
    print(f"ratio={ours[8][0] / results['transformers serve'][8][0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark ``llmzoo serve``: aggregate generated tokens/s with 1 vs 8 concurrent streams (continuous batching),
and the decode speed of one stream against the memory-bound limit (weight bytes / measured memory bandwidth).

Run: ``python benchmarks/bench_serve.py [--model PATH] [--max-tokens 64]``. Ends with ``ratio=X`` where X is the
8-stream aggregate throughput divided by the 1-stream throughput (target >= 4).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/_servers.py starts the server

from tests._servers import llmzoo_serve  # noqa: E402


def measure_bandwidth_gbs(size_mb: int = 256, repeats: int = 5) -> float:
    """Return the best memory copy bandwidth in GB/s (bytes read + bytes written per second)."""
    import torch

    source = torch.ones(size_mb * 2**20 // 4, dtype=torch.float32)
    target = torch.empty_like(source)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        target.copy_(source)
        best = min(best, time.perf_counter() - start)
    return 2 * source.numel() * 4 / best / 1e9


def weight_bytes(model_path: Path) -> int:
    """Return the bytes of the model's safetensors weights (what each decode step must read)."""
    return sum(f.stat().st_size for f in Path(model_path).glob("*.safetensors"))


def stream_once(url: str, index: int, max_tokens: int) -> tuple[int, float, float]:
    """Stream one reply; return (completion tokens, seconds from first to last token, total seconds)."""
    body = {
        "messages": [{"role": "user", "content": f"Count from {index} to {index + 500}, one number per line."}],
        "stream": True,
        "max_tokens": max_tokens,
        "ignore_eos": True,  # every stream generates exactly max_tokens: equal work with 1 and 8 streams
        "stream_options": {"include_usage": True},
    }
    start = time.perf_counter()
    first = last = None
    tokens = 0
    with httpx.stream("POST", url + "/v1/chat/completions", json=body, timeout=600) as response:
        for line in response.iter_lines():
            if not line.startswith("data: {"):
                continue
            chunk = json.loads(line[6:])
            if chunk.get("usage"):
                tokens = chunk["usage"]["completion_tokens"]
            elif chunk["choices"] and chunk["choices"][0]["delta"].get("content"):
                last = time.perf_counter()
                first = first or last
    return tokens, (last - first) if first and last else 0.0, time.perf_counter() - start


def aggregate(url: str, streams: int, max_tokens: int, rounds: int) -> tuple[float, list]:
    """Return generated tokens/s over ``rounds`` rounds of ``streams`` concurrent streams."""
    results = []
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(streams) as pool:
        for r in range(rounds):
            results += list(pool.map(lambda i, r=r: stream_once(url, r * streams + i, max_tokens), range(streams)))
    elapsed = time.perf_counter() - start
    return sum(t for t, _, _ in results) / elapsed, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="Model folder (default: the embedded SmolLM2-135M-Instruct).")
    parser.add_argument("--max-tokens", type=int, default=64, help="Tokens generated per stream.")
    args = parser.parse_args()
    from llmzoo_hf import default_model_path

    model = Path(args.model) if args.model else default_model_path()
    bandwidth = measure_bandwidth_gbs()
    weights = weight_bytes(model)
    with tempfile.TemporaryDirectory() as tmp:
        serve_args = ("--temperature", "0", "--max-batch-size", "8", "--max-model-len", "1024")
        with llmzoo_serve(model, Path(tmp), *serve_args) as server:
            stream_once(server.url, 0, 4)  # warm-up
            single, single_results = aggregate(server.url, 1, args.max_tokens, rounds=3)
            batched, batched_results = aggregate(server.url, 8, args.max_tokens, rounds=1)
    decode = [(t - 1) / span for t, span, _ in single_results if t > 1 and span > 0]
    decode_tps = max(decode) if decode else 0.0
    limit_tps = bandwidth * 1e9 / weights
    print(f"model: {model} ({weights / 1e6:.0f} MB of weights)")
    print(f"memory bandwidth (copy): {bandwidth:.1f} GB/s -> memory-bound limit {limit_tps:.1f} tokens/s per stream")
    print(f"one stream decode: {decode_tps:.1f} tokens/s = {decode_tps / limit_tps:.0%} of the memory-bound limit")
    print(f"aggregate, 1 stream : {single:.1f} tokens/s ({sum(t for t, _, _ in single_results)} tokens)")
    print(f"aggregate, 8 streams: {batched:.1f} tokens/s ({sum(t for t, _, _ in batched_results)} tokens)")
    print(f"ratio={batched / single:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark ``llmzoo serve`` against ``transformers serve --continuous-batching`` (the anchor) on one model folder.

Both servers run the same model folder on the CPU (``--device cpu``) and get the same OpenAI chat requests (64 new
tokens at most, greedy) at 1 and at 8 concurrent streams; throughput is generated tokens (each reply's
``usage.completion_tokens``) per wall-clock second. The prompts ask for long stories, so every reply uses its whole
budget and the run measures decoding, not prompt prefill (short replies would make a 45-token prefill outweigh a
20-token reply). Both servers are up at once and the measurements are interleaved (ours, theirs, ours, theirs) for
``--rounds`` rounds, so a burst of load from other processes hits both; the best round of each cell is kept.

Prints every measurement, our 8-stream/1-stream scaling (target >= 4) and last ``ratio=X``: ours / transformers'
at 8 streams (target >= 1.0).

Run: ``python benchmarks/bench_serve.py [--model PATH] [--max-tokens 64] [--requests 16] [--rounds 2]``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/_servers.py starts the servers

from tests._servers import free_port, llmzoo_serve, local_server  # noqa: E402


def ask(url: str, index: int, max_tokens: int) -> int:
    """Send one greedy chat request (no `model`: transformers serve refuses a name other than its own); return its
    completion tokens."""
    body = {
        "messages": [
            {"role": "user", "content": f"Write a long story about a brave knight number {index} and a dragon."}
        ],
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


STREAMS = (1, 8)


def decode_step_costs(model_path: Path, *, context: int = 64, steps: int = 16) -> dict[int, float]:
    """Return {streams: seconds per decode step} (one new token per row, ``context`` cached tokens) for each of
    :data:`STREAMS`, on the bare model loaded once.

    This is the ceiling of any engine's 8/1 scaling on this machine: 8 x cost(1) / cost(8).
    """
    import torch
    from transformers import AutoModelForCausalLM, DynamicCache

    model = AutoModelForCausalLM.from_pretrained(model_path, dtype=torch.float32).eval()
    costs = {}
    with torch.inference_mode():
        for streams in STREAMS:
            ids = torch.randint(100, 1000, (streams, context))
            cache = DynamicCache(config=model.config)
            model(ids, cache=cache, use_cache=True)
            step = ids[:, -1:]
            start = time.perf_counter()
            for _ in range(steps):
                model(step, cache=cache, use_cache=True)
                cache.crop(-1)  # back to `context` cached tokens
            costs[streams] = (time.perf_counter() - start) / steps
    return costs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="Model folder (default: the embedded SmolLM2-135M-Instruct).")
    parser.add_argument("--max-tokens", type=int, default=64, help="Most tokens generated per request.")
    parser.add_argument("--requests", type=int, default=16, help="Requests per 8-stream measurement.")
    parser.add_argument(
        "--single-requests", type=int, default=4, help="Requests per 1-stream measurement (they run one by one)."
    )
    parser.add_argument("--rounds", type=int, default=2, help="Interleaved rounds; the best of each cell is kept.")
    args = parser.parse_args()
    from llmzoo_hf import default_model_path

    model = Path(args.model) if args.model else default_model_path()
    best: dict[str, dict[int, float]] = {}
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        serve_args = ("--temperature", "0", "--max-batch-size", "8", "--max-model-len", "1024")
        ours = stack.enter_context(llmzoo_serve(model, tmp, *serve_args, timeout=900))
        port = free_port()
        transformers_cli = shutil.which("transformers") or "transformers"
        argv = [transformers_cli, "serve", str(model), "--continuous-batching", "--device", "cpu"]
        argv += ["--host", "127.0.0.1", "--port", str(port)]
        theirs = stack.enter_context(local_server(argv, port=port, log_path=tmp / "transformers.log", timeout_s=900))
        servers = {"llmzoo serve": ours.url, "transformers serve": theirs.url}
        for url in servers.values():
            ask(url, 999, 4)  # warm-up: the first request pays for lazy initialisation
        for round_index in range(1, args.rounds + 1):
            for streams in STREAMS:
                requests = args.requests if streams > 1 else args.single_requests
                for name, url in servers.items():
                    tps, tokens = throughput(url, streams, requests, args.max_tokens)
                    cell = best.setdefault(name, {})
                    cell[streams] = max(cell.get(streams, 0.0), tps)
                    print(
                        f"round {round_index}: {name}, {streams} stream(s): {tps:.1f} tok/s ({tokens} tokens)",
                        flush=True,
                    )
    print(f"model: {model}; at most {args.max_tokens} tokens per request, greedy; best of {args.rounds} round(s)")
    for name, by_streams in best.items():
        print(
            f"{name:>18}: " + ", ".join(f"{streams} stream(s): {tps:.1f} tok/s" for streams, tps in by_streams.items())
        )
    ours_best = best["llmzoo serve"]
    print(f"llmzoo serve scaling 8/1 streams: {ours_best[8] / ours_best[1]:.2f}")
    print(
        f"transformers serve scaling 8/1 streams: {best['transformers serve'][8] / best['transformers serve'][1]:.2f}"
    )
    costs = decode_step_costs(model)
    one, eight = costs[1], costs[8]
    print(
        f"hardware ceiling: a decode step of 8 rows costs {eight / one:.2f}x one row here "
        f"({1000 * one:.0f} vs {1000 * eight:.0f} ms), so no engine scales past {8 * one / eight:.2f}x"
    )
    print(f"ratio={ours_best[8] / best['transformers serve'][8]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

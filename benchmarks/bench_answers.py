"""Answer generation throughput: batched (left-padded batches) vs one question at a time, embedded model.

Both runs go through the same `answer_with_session` pipeline (JSONL append + flush per answer) with greedy decoding
and the same token budget; only the batch size differs. Prints questions/s for each and ends with `ratio=X`.

    python benchmarks/bench_answers.py [--questions 64] [--batch-size 32] [--max-new-tokens 32]
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def _questions(n: int):
    from llmzoo_hf.eval.questions import Question, bundled_questions_path, load_questions

    pool = load_questions(bundled_questions_path("general_en"))
    # 64 questions: the 80-question set has enough; repeat with new ids if asked for more
    return [Question(i + 1, pool[i % len(pool)].text, pool[i % len(pool)].category) for i in range(n)]


def _run(session, questions, batch_size: int, folder: Path) -> float:
    from llmzoo_hf.eval.answers import answer_with_session

    out = folder / f"answers_bs{batch_size}.jsonl"
    start = time.perf_counter()
    result = answer_with_session(session, questions, out, model_id=f"bench-bs{batch_size}", batch_size=batch_size)
    elapsed = time.perf_counter() - start
    assert result.written == len(questions)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--max-new-tokens", type=int, default=32)
    args = parser.parse_args()
    logging.getLogger("transformers").setLevel(logging.ERROR)

    import torch

    from llmzoo_hf import load_chat

    session = load_chat(None, temperature=0, max_new_tokens=args.max_new_tokens)
    device = str(session.model.device)
    questions = _questions(args.questions)
    session.generate_batch([[{"role": "user", "content": "Hello"}]] * 2)  # warm-up (kernels, allocator)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        batched_s = _run(session, questions, args.batch_size, folder)
        single_s = _run(session, questions, 1, folder)
    batched_qps = len(questions) / batched_s
    single_qps = len(questions) / single_s
    print(
        f"device={device} torch_threads={torch.get_num_threads()} questions={len(questions)} "
        f"max_new_tokens={args.max_new_tokens}"
    )
    print(f"batched (batch_size={args.batch_size}): {batched_s:.2f} s, {batched_qps:.2f} questions/s")
    print(f"one at a time (batch_size=1): {single_s:.2f} s, {single_qps:.2f} questions/s")
    print(f"ratio={batched_qps / single_qps:.2f}")


if __name__ == "__main__":
    main()

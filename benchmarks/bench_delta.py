"""Peak memory of ``llmzoo delta apply`` (streaming) vs the LLM Zoo / FastChat way (two whole models).

Both merge the same delta into the same base: the embedded SmolLM2-135M-Instruct (fp32, 538 MB) saved in 100 MB
shards, and a perturbed copy of it as the target. Each contender runs in its own subprocess, which reports its
peak resident memory (``ru_maxrss``); a third subprocess only imports the same libraries, to give the interpreter
baseline. Run: ``python benchmarks/bench_delta.py``; the last line is ``ratio=X`` (baseline peak / our peak).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD_IMPORTS = """import re, resource, sys, torch, transformers, safetensors
import llmzoo_hf.delta

def status_mib(key):
    return int(re.search(key + r":\\s+(\\d+)", open("/proc/self/status").read()).group(1)) / 1024

start_mib = status_mib("VmRSS")
try:  # Linux >= 4.0: writing 5 resets the peak (VmHWM), so import-time spikes do not hide the work's peak
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    reset = True
except OSError:
    reset = False
"""
CHILD_REPORT = """peak_mib = status_mib("VmHWM") if reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(start_mib, peak_mib)
"""

INTERPRETER = CHILD_IMPORTS + CHILD_REPORT
OURS = (
    CHILD_IMPORTS
    + "from llmzoo_hf.delta import apply_delta\n"
    + "apply_delta(sys.argv[1], sys.argv[2], output_dir=sys.argv[3], max_shard_size='100MB')\n"
    + CHILD_REPORT
)
# What LLM Zoo's tools/apply_delta.py (from FastChat) does: load both models whole, add, save.
FASTCHAT = (
    CHILD_IMPORTS
    + """from transformers import AutoModelForCausalLM, AutoTokenizer
base = AutoModelForCausalLM.from_pretrained(sys.argv[1], dtype=torch.float32)
delta = AutoModelForCausalLM.from_pretrained(sys.argv[2], dtype=torch.float32)
delta_state = delta.state_dict()
with torch.no_grad():
    for name, param in base.state_dict().items():
        param += delta_state[name]
base.save_pretrained(sys.argv[3], max_shard_size='100MB')
AutoTokenizer.from_pretrained(sys.argv[2]).save_pretrained(sys.argv[3])
"""
    + CHILD_REPORT
)


def peak_mib(code: str, *args: str) -> tuple[float, float, float]:
    """Run ``code`` in a fresh interpreter; return (RSS after imports, peak RSS after imports in MiB, seconds)."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{result.stderr[-3000:]}")
    start_mib, peak = (float(x) for x in result.stdout.strip().splitlines()[-1].split())
    return start_mib, peak, time.perf_counter() - start


def prepare(work: Path) -> tuple[Path, Path, int]:
    """Save base and target in 100 MB shards and make the delta; return (base, delta, largest shard bytes)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from llmzoo_hf import default_model_path
    from llmzoo_hf.delta import make_delta

    source = default_model_path()
    tokenizer = AutoTokenizer.from_pretrained(source)
    model = AutoModelForCausalLM.from_pretrained(source, dtype=torch.float32)
    model.save_pretrained(work / "base", max_shard_size="100MB")
    tokenizer.save_pretrained(work / "base")
    generator = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for param in model.parameters():
            param.add_(torch.randn(param.shape, generator=generator) * 1e-3)
    model.save_pretrained(work / "target", max_shard_size="100MB")
    tokenizer.save_pretrained(work / "target")
    del model
    make_delta(work / "base", work / "target", output_dir=work / "delta", max_shard_size="100MB")
    largest = max(p.stat().st_size for p in (work / "base").glob("*.safetensors"))
    return work / "base", work / "delta", largest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work-dir", default=None, help="Scratch folder (default: a temporary one).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-delta-", dir=args.work_dir) as tmp:
        work = Path(tmp)
        base, delta, shard_bytes = prepare(work)
        shards = len(list(base.glob("*.safetensors")))
        interpreter, _, _ = peak_mib(INTERPRETER)
        ours_start, ours, ours_s = peak_mib(OURS, str(base), str(delta), str(work / "merged-ours"))
        theirs_start, theirs, theirs_s = peak_mib(FASTCHAT, str(base), str(delta), str(work / "merged-fastchat"))
    shard_mib = shard_bytes / 2**20
    print(f"model: SmolLM2-135M-Instruct fp32, {shards} shards, largest shard {shard_mib:.0f} MiB")
    print(f"interpreter baseline (RSS after imports): {interpreter:.0f} MiB")
    print(f"ours (llmzoo delta apply, streaming): peak RSS {ours:.0f} MiB in {ours_s:.1f} s")
    print(f"baseline (load base + delta whole, add, save): peak RSS {theirs:.0f} MiB in {theirs_s:.1f} s")
    above = ours - ours_start
    print(
        f"ours above interpreter baseline: {above:.0f} MiB vs one shard {shard_mib:.0f} MiB "
        f"({above / shard_mib:.2f} shards; target <= 1.10)"
    )
    theirs_above = theirs - theirs_start
    print(f"baseline above interpreter baseline: {theirs_above:.0f} MiB ({theirs_above / max(above, 1):.1f}x ours)")
    print(f"ratio={theirs / ours:.2f}")


if __name__ == "__main__":
    main()

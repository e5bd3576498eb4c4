#!/usr/bin/env bash
# The main job on a fresh CPU machine, end to end:
#   install -> fine-tune tiny Chimera (embedded SmolLM2-135M base, LoRA merged into a full model) on the bundled
#   multilingual data -> chat with the result on held-out questions (none of them in the training data)
#   -> the evaluation benchmark in one command (recipes/eval/tiny.yaml: answers, judge reviews by a served
#      135M judge, LLM Zoo metric tables, MCQ, report)
#   -> base vs fine-tuned on held-out data, side by side: eval loss, empty/echo/no-stop replies, medical MCQ.
# Everything runs offline after the install; outputs go to outputs/chimera-tiny.
set -euo pipefail
cd "$(dirname "$0")/.."
LLMZOO_SKIP_APT=1 bash scripts/install.sh
export HF_HUB_OFFLINE=1
out="${1:-outputs/chimera-tiny}"
SECONDS=0
accelerate launch --config_file recipes/accelerate/cpu.yaml -m llmzoo_hf.sft recipes/chimera-tiny.yaml \
  --output_dir "$out"
echo "fine-tuning took ${SECONDS} s"
for id in heldout-en-01 heldout-de-01 heldout-ja-03; do
  question=$(python -c 'import json, sys
rows = (json.loads(line) for line in open("data/eval/heldout_prompts.jsonl", encoding="utf-8"))
print(next(row["prompt"] for row in rows if row["id"] == sys.argv[1]))' "$id")
  echo "Q: $question"
  echo "$question" | llmzoo chat --model "$out" --temperature 0 --max-new-tokens 64
done
llmzoo eval run recipes/eval/tiny.yaml --contestants.chimera-tiny.model="$out" --output_dir="$out/eval"
llmzoo eval compare embedded "$out" --recipe recipes/chimera-tiny.yaml --out "$out/compare.json"  # --check: exit 1 when a bar is missed

#!/usr/bin/env bash
# The main job on a fresh CPU machine, end to end:
#   install -> fine-tune tiny Chimera (embedded SmolLM2-135M base) on the bundled multilingual data
#   -> chat one turn with the result -> answer + score the bundled medical MCQ sample with it.
# Everything runs offline after the install; outputs go to outputs/chimera-tiny.
set -euo pipefail
cd "$(dirname "$0")/.."
LLMZOO_SKIP_APT=1 bash scripts/install.sh
export HF_HUB_OFFLINE=1
out="${1:-outputs/chimera-tiny}"
accelerate launch --config_file recipes/accelerate/single.yaml -m llmzoo_hf.sft recipes/chimera-tiny.yaml \
  --output_dir "$out"
echo "What is the capital of France?" | llmzoo chat --model "$out" --temperature 0 --max-new-tokens 48
llmzoo eval mcq --model "$out" --data data/eval/mcq --langs en --limit 2 --out "$out/mcq.json"

"""``llmzoo quantize``: write an int8 / NF4 (bitsandbytes) or GPTQ int4 copy of a model, with its card."""

from __future__ import annotations

import argparse

from .._embedded import EMBEDDED_MODEL_NAME
from ._common import add_command

EXAMPLES = [
    "llmzoo quantize --model outputs/phoenix-7b --method nf4 --out phoenix-7b-nf4",
    "llmzoo quantize --model outputs/chimera-7b --method int8 --out chimera-7b-int8",
    "llmzoo quantize --model outputs/chimera-7b --method gptq --group-size 128 --out chimera-7b-gptq  # CUDA GPU",
]


def register(subparsers) -> None:
    """Add the ``quantize`` subcommand."""
    parser = add_command(
        subparsers,
        "quantize",
        help="Save an int8 / int4 variant of a model (bitsandbytes or GPTQ).",
        description="int8 and nf4 use bitsandbytes (CPU or GPU; reload with `llmzoo chat --model OUT`); gptq "
        "needs `pip install 'llmzoo-hf[gptq]'` and a CUDA GPU, and serves with TGI `--quantize gptq` or vLLM.",
        examples=EXAMPLES,
    )
    parser.add_argument(
        "--model", default=None, help=f"Folder or Hub id (default: the embedded {EMBEDDED_MODEL_NAME})."
    )
    parser.add_argument("--revision", default=None, help="Hub revision of --model.")
    parser.add_argument("--method", choices=("int8", "nf4", "gptq"), default="nf4", help="Quantisation method.")
    parser.add_argument("--out", required=True, help="Output folder.")
    parser.add_argument("--model-id", default=None, help="Hub id of the quantised repo, for the card.")
    parser.add_argument("--base-model-id", default=None, help="Hub id of --model, for the card's base_model.")
    parser.add_argument(
        "--group-size", type=int, default=128, help="GPTQ group size; must divide in_features (64 for 576)."
    )
    parser.add_argument("--overwrite", action="store_true", help="Replace --out if it exists.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Quantise and print where the result is."""
    from ..quantize import quantize_model

    result = quantize_model(
        args.model,
        output_dir=args.out,
        method=args.method,
        model_id=args.model_id,
        base_model_id=args.base_model_id,
        group_size=args.group_size,
        revision=args.revision,
        overwrite=args.overwrite,
    )
    print(f"{result.bits}-bit {result.method} model written to {result.output_dir}.")
    return 0

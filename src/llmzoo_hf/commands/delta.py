"""``llmzoo delta make|apply``: publish a fine-tune as delta weights, and turn delta weights back into a model."""

from __future__ import annotations

import argparse

from ._common import add_command

EXAMPLES = [
    "llmzoo delta make --base huggyllama/llama-7b --target outputs/chimera-7b --out chimera-7b-delta",
    "llmzoo delta apply --base huggyllama/llama-7b --delta FreedomIntelligence/chimera-inst-chat-7b-delta "
    "--out chimera-7b",
    "llmzoo delta apply --base llama-7b --delta chimera-7b-delta --out chimera-7b --dtype bfloat16",
]
DTYPES = ("float32", "bfloat16", "float16")


def register(subparsers) -> None:
    """Add the ``delta`` command group (``make`` and ``apply``)."""
    parser = add_command(
        subparsers,
        "delta",
        help="Make or apply delta weights (target - base).",
        description="Delta weights let you publish a fine-tune of a base you may not redistribute (LLaMA). Both "
        "commands stream tensors in blocks, so memory stays near one block, and write their output atomically.",
        examples=EXAMPLES,
    )
    actions = parser.add_subparsers(dest="delta_command", metavar="ACTION", required=True)
    from ._common import HelpFormatter

    make = actions.add_parser(
        "make",
        help="Write target - base as a model folder.",
        description="Write TARGET - BASE as a model folder (safetensors, the target's config and tokenizer, a "
        "delta card) stamped with the base's id and checksum.",
        formatter_class=HelpFormatter,
        epilog="Examples:\n  " + EXAMPLES[0],
    )
    make.add_argument("--base", required=True, help="Base model folder or Hub id.")
    make.add_argument("--target", required=True, help="Fine-tuned model folder or Hub id.")
    make.add_argument("--out", required=True, help="Output folder of the delta.")
    make.add_argument("--dtype", choices=DTYPES, default=None, help="Dtype of the delta (default: the target's).")
    make.add_argument("--base-model-id", default=None, help="Hub id of the base written into the stamp and card.")
    make.add_argument("--target-model-id", default=None, help="Hub id of the target written into the card.")
    make.add_argument("--max-shard-size", default="5GB", help="Largest shard written, e.g. 5GB or 100MB.")
    make.add_argument("--revision", default=None, help="Hub revision of --base.")
    make.add_argument("--overwrite", action="store_true", help="Replace --out if it exists.")
    make.set_defaults(func=run_make)

    apply = actions.add_parser(
        "apply",
        help="Add a delta to its base to get the model back.",
        description="Add DELTA to BASE and write the model. Checks the architecture, parameter names, shapes, "
        "vocabulary size and the base checksum first, and names what differs.",
        formatter_class=HelpFormatter,
        epilog="Examples:\n  " + "\n  ".join(EXAMPLES[1:]),
    )
    apply.add_argument("--base", required=True, help="Base model folder or Hub id the delta was made from.")
    apply.add_argument("--delta", required=True, help="Delta folder or Hub id.")
    apply.add_argument("--out", required=True, help="Output folder of the merged model.")
    apply.add_argument("--dtype", choices=DTYPES, default=None, help="Dtype of the model (default: the target's).")
    apply.add_argument("--force", action="store_true", help="Merge even if the base checksum differs.")
    apply.add_argument("--max-shard-size", default="5GB", help="Largest shard written, e.g. 5GB or 100MB.")
    apply.add_argument("--revision", default=None, help="Hub revision of --base.")
    apply.add_argument("--overwrite", action="store_true", help="Replace --out if it exists.")
    apply.set_defaults(func=run_apply)


def run_make(args: argparse.Namespace) -> int:
    """Make a delta and print where it is."""
    from ..delta import make_delta

    result = make_delta(
        args.base,
        args.target,
        output_dir=args.out,
        dtype=args.dtype,
        base_model_id=args.base_model_id,
        target_model_id=args.target_model_id,
        max_shard_size=args.max_shard_size,
        revision=args.revision,
        overwrite=args.overwrite,
    )
    print(f"Delta written to {result.output_dir}: {result.num_tensors} tensors in {len(result.shard_files)} shard(s).")
    print(f"Base checksum: {result.base_checksum}")
    for name, (old, new) in result.grown_tensors.items():
        print(f"Vocabulary grew in {name}: {old} -> {new} rows (new rows stored whole).")
    return 0


def run_apply(args: argparse.Namespace) -> int:
    """Apply a delta and print where the model is."""
    from ..delta import apply_delta

    result = apply_delta(
        args.base,
        args.delta,
        output_dir=args.out,
        dtype=args.dtype,
        force=args.force,
        max_shard_size=args.max_shard_size,
        revision=args.revision,
        overwrite=args.overwrite,
    )
    print(f"Model written to {result.output_dir}: {result.num_tensors} tensors in {len(result.shard_files)} shard(s).")
    return 0

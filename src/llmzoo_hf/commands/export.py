"""``llmzoo export gguf``: write a LLaMA-architecture model as one GGUF file for llama.cpp, Ollama and LM Studio."""

from __future__ import annotations

import argparse

from .._argparse import add_dataclass_args
from .._embedded import EMBEDDED_ALIAS, EMBEDDED_MODEL_NAME
from ._common import add_command

EXAMPLES = [
    "llmzoo export gguf outputs/chimera-tiny --out gguf/chimera-tiny-f16.gguf",
    "llmzoo export gguf embedded --out gguf/smollm2-q8_0.gguf --type q8_0",
    "llmzoo export gguf outputs/chimera-7b --out chimera-7b-gguf/chimera-7b-q4_0.gguf --type q4_0 "
    "--model-id me/chimera-7b-GGUF --base-model-id me/chimera-7b",
    "llama-cli -m gguf/chimera-tiny-f16.gguf -cnv   # then chat with it in llama.cpp",
]


def register(subparsers) -> None:
    """Add the ``export`` command group."""
    from ..export import GGUFExportConfig  # dataclass only: no heavy imports

    parser = add_command(
        subparsers,
        "export",
        help="Export a model to another runtime's format (GGUF for llama.cpp).",
        description="Export a model for runtimes outside the Hugging Face stack.",
        examples=EXAMPLES[:2],
    )
    actions = parser.add_subparsers(dest="export_command", metavar="FORMAT")
    gguf = add_command(
        actions,
        "gguf",
        help="One .gguf file (weights, tokenizer, chat template) for llama.cpp / Ollama / LM Studio.",
        description="Stream a LLaMA-architecture safetensors model (Chimera, the embedded SmolLM2) tensor by tensor "
        "into one GGUF file with the `gguf` package: f16 / bf16 / f32, or q8_0 / q4_0 block quantisation. The "
        "tokenizer, its special tokens and the chat template go into the metadata; a README.md card listing the "
        "folder's GGUF files is written beside it (`llmzoo push gguf FOLDER` uploads both).",
        examples=EXAMPLES,
    )
    gguf.add_argument("model", help=f"Model folder, zoo name, Hub id, or `{EMBEDDED_ALIAS}` ({EMBEDDED_MODEL_NAME}).")
    gguf.add_argument("--revision", default=None, help="Hub revision of MODEL.")
    add_dataclass_args(gguf, GGUFExportConfig, required=("out",))
    gguf.set_defaults(func=run_gguf)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def run_gguf(args: argparse.Namespace) -> int:
    """Export and print what was written."""
    from ..export import export_gguf

    result = export_gguf(
        None if args.model == EMBEDDED_ALIAS else args.model,
        out=args.out,
        type=args.type,
        model_id=args.model_id,
        base_model_id=args.base_model_id,
        overwrite=args.overwrite,
        revision=args.revision,
    )
    print(f"{result.path}: {result.tensors} tensors, {result.type}, {result.file_bytes / 2**20:.1f} MiB")
    if result.card_path:
        print(f"card: {result.card_path}")
    return 0

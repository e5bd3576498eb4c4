"""``llmzoo push model|delta|quantized|gguf|dataset``: upload a folder to the Hub with its card."""

from __future__ import annotations

import argparse

from ._common import add_command

EXAMPLES = [
    "llmzoo push model outputs/chimera-tiny --repo-id me/chimera-tiny --private",
    "llmzoo push delta chimera-7b-delta --repo-id me/chimera-inst-chat-7b-delta",
    "llmzoo push quantized phoenix-7b-nf4 --repo-id me/phoenix-inst-chat-7b-nf4",
    "llmzoo push gguf gguf/ --repo-id me/chimera-tiny-GGUF  # the *.gguf files and card of `llmzoo export gguf`",
    "llmzoo push dataset data/built --repo-id me/phoenix-sft-mix",
    "llmzoo push model outputs/chimera-tiny --repo-id me/chimera-tiny --dry-run /tmp/upload  # look, don't upload",
]


def register(subparsers) -> None:
    """Add the ``push`` subcommand."""
    from ..hub import KINDS

    parser = add_command(
        subparsers,
        "push",
        help="Upload a model, delta, quantised model or dataset folder to the Hub, card included.",
        description="Create the repo and upload the folder with upload_folder; a card (README.md) with Hub "
        "metadata is generated when the folder has none (deltas always get a fresh one naming the repo). The token "
        "comes from HF_TOKEN or `hf auth login`; it is never printed or written.",
        examples=EXAMPLES,
    )
    parser.add_argument("kind", choices=KINDS, help="What the folder holds.")
    parser.add_argument("path", help="The folder to upload.")
    parser.add_argument("--repo-id", required=True, help="Target repo, user/name.")
    parser.add_argument("--private", action="store_true", help="Create the repo private.")
    parser.add_argument("--revision", default=None, help="Branch to upload to (created when missing).")
    parser.add_argument("--commit-message", default=None, help="Message of the upload commit.")
    parser.add_argument(
        "--include-training-files",
        action="store_true",
        help="Also upload what training leaves in a model folder (rejects.jsonl, data_report.json, "
        "trainer_state.json, mcq.json, checkpoints...); left out otherwise.",
    )
    parser.add_argument(
        "--dry-run",
        metavar="DIR",
        default=None,
        help="Write the exact folder that would be uploaded to DIR, upload nothing.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Push (or dry-run) and print the file list."""
    from ..hub import push_folder

    result = push_folder(
        args.path,
        kind=args.kind,
        repo_id=args.repo_id,
        private=args.private,
        revision=args.revision,
        dry_run_dir=args.dry_run,
        commit_message=args.commit_message,
        include_training_files=args.include_training_files,
    )
    repo = f"{result.repo_type} repo {result.repo_id}"
    if result.dry_run_dir is not None:
        print(f"Dry run: {len(result.files)} files for the {repo} written to {result.dry_run_dir}:")
    else:
        print(f"Uploaded {len(result.files)} files to the {repo}: {result.url}")
    for name in result.files:
        print(f"  {name}")
    return 0

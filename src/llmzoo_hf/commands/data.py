"""``llmzoo data generate|user-centered|translate|build|fertility``: make instruction data with an OpenAI-compatible
endpoint, mix data files into a chat dataset, and compare tokenizers across languages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .._argparse import add_dataclass_args, dataclass_from_args
from ._common import add_command

GENERATE_EXAMPLES = [
    "llmzoo data generate --seeds seeds.jsonl --output gen.jsonl --num-instructions 1000 "
    "--base-url http://127.0.0.1:8000/v1",
    "OPENAI_API_KEY=... llmzoo data generate --seeds seeds.jsonl --output gen.jsonl "
    "--base-url https://api.openai.com/v1 --model gpt-4o-mini --rpm 500 --tpm 200000",
]
USER_CENTERED_EXAMPLES = [
    "llmzoo data user-centered --input tasks.jsonl --output answered.jsonl --concurrency 16",
    "llmzoo data user-centered --input roles.txt --instructions-per-role 5 --output user_centered.jsonl",
]
TRANSLATE_EXAMPLES = [
    "llmzoo data translate --input data/instructions.jsonl --output translated.jsonl",
    "llmzoo data translate --input alpaca.json --languages my_langs.yaml --languages-per-task 3 --output multi.jsonl",
]
BUILD_EXAMPLES = [
    "llmzoo data build --source gen.jsonl --source data/conversations.jsonl:conversation:2 --output-dir built/",
    "llmzoo data build --mixture mixture.yaml --output-dir built/ --tokenizer outputs/chimera-tiny",
    "llmzoo data build --source sharegpt.json:conversation --tokenizer outputs/chimera-tiny --max-length 2048 "
    "--truncation-mode drop --output-dir built/",
    "llmzoo data build --mixture recipes/chimera-tiny.yaml --languages en zh es fr de ja ru",
]
FERTILITY_EXAMPLES = [
    "llmzoo data fertility --model embedded",
    "llmzoo data fertility --model phoenix-inst-chat-7b --model chimera-inst-chat-7b --langs en,zh,hi,ar "
    "--output-dir fertility/",
    "llmzoo data fertility --model outputs/chimera-tiny --model tokenizer.model --data my_parallel.jsonl",
]


def register(subparsers) -> None:
    """Add the ``data`` command group."""
    parser = add_command(
        subparsers,
        "data",
        help="Generate instruction data with a chat endpoint, or build a chat dataset from files.",
        description="Generate instruction data (self-instruct, user-centered, post-translation) with any "
        "OpenAI-compatible endpoint (OpenAI, TGI, vLLM, llmzoo serve), concurrently and resumably, or build a chat "
        "dataset (messages + lang) from weighted files.",
        examples=GENERATE_EXAMPLES[:1] + TRANSLATE_EXAMPLES[:1] + BUILD_EXAMPLES[:1],
    )
    actions = parser.add_subparsers(dest="data_command", metavar="ACTION")

    generate = add_command(
        actions,
        "generate",
        help="Self-instruct: grow new (role, instruction, input) tasks from seeds, then answer them.",
        description="Self-instruct: ask the endpoint for new tasks in the style of seed tasks (a JSONL file of "
        "{role?, instruction, input?}), drop empty, too long, refusing and duplicate ones, then generate the "
        "outputs. Re-running the same command resumes.",
        examples=GENERATE_EXAMPLES,
    )
    generate.add_argument("--seeds", required=True, help="JSONL (or JSON list) of {role?, instruction, input?}.")
    generate.add_argument("--num-instructions", type=int, default=100, help="New tasks to keep and answer.")
    generate.add_argument("--seeds-per-prompt", type=int, default=3, help="Seed tasks shown in each request.")
    generate.add_argument("--samples-per-prompt", type=int, default=5, help="New tasks asked for per request.")
    generate.add_argument(
        "--similarity", type=float, default=0.7, help="Drop a task this similar (difflib ratio) to a kept one."
    )
    generate.add_argument("--max-rounds", type=int, default=10, help="Most rounds of requests for new tasks.")
    generate.add_argument("--seed", type=int, default=42, help="Seed of the seed-task sampling.")
    generate.add_argument("--lang", default=None, help="Language of every record (detected per record if unset).")
    _add_common(generate)
    generate.set_defaults(func=run_generate)

    user = add_command(
        actions,
        "user-centered",
        help="Answer (role, instruction, input) tasks; write instructions for role-only rows first.",
        description="Generate the outputs of user-centered tasks (JSONL of {role, instruction?, input?}, or a .txt "
        "file with one role per line). Rows with only a role first get --instructions-per-role requests that such "
        "a user would make. Rows without a role are answered too (Alpaca layout).",
        examples=USER_CENTERED_EXAMPLES,
    )
    user.add_argument("--input", required=True, help="JSONL/JSON of {role, instruction?, input?}, or a .txt of roles.")
    user.add_argument("--instructions-per-role", type=int, default=1, help="Instructions written per role-only row.")
    user.add_argument("--lang", default=None, help="Language of every record (detected per record if unset).")
    _add_common(user)
    user.set_defaults(func=run_user_centered)

    translate = add_command(
        actions,
        "translate",
        help="Post-translation: translate (instruction, input) into sampled languages, answer there.",
        description="Post-translation: for each {instruction, input?, role?, lang?} row draw target languages from "
        "a language distribution (seeded), translate the instruction and input, then generate the output in the "
        "target language. Records keep lang and source_lang.",
        examples=TRANSLATE_EXAMPLES,
    )
    translate.add_argument("--input", required=True, help="JSONL/JSON of {instruction, input?, role?, lang?}.")
    translate.add_argument(
        "--languages", default=None, help="YAML/JSON of language -> weight (default: the shipped 54 languages)."
    )
    translate.add_argument("--languages-per-task", type=int, default=1, help="Distinct target languages per row.")
    translate.add_argument(
        "--source-lang", default=None, help="Language of the rows (else their lang, else detected)."
    )
    translate.add_argument("--seed", type=int, default=42, help="Seed of the language draw.")
    _add_common(translate)
    translate.set_defaults(func=run_translate)

    from ..data import TRUNCATION_MODES

    build = add_command(
        actions,
        "build",
        help="Mix data files / Hub datasets into a chat dataset (messages + lang) and report on it.",
        description="Build a chat dataset with llmzoo_hf.data.build_dataset from --source PATH[:LAYOUT][:WEIGHT] "
        "arguments (a local file/folder or a Hub dataset id; LAYOUT one of auto, conversation, alpaca, "
        "user_centered, messages) or a --mixture YAML file (keys: datasets, seed, test_split_size).",
        examples=BUILD_EXAMPLES,
    )
    build.add_argument(
        "--source", action="append", default=[], help="PATH[:LAYOUT][:WEIGHT]; repeat for several sources."
    )
    build.add_argument("--mixture", default=None, help="YAML file with datasets: [{path, layout, weight, ...}].")
    build.add_argument(
        "--seed", type=int, default=None, help="Seed of sampling and split (None: the mixture file's, else 42)."
    )
    build.add_argument(
        "--test-split-size", type=float, default=None, help="Held-out rows per source (fraction/count)."
    )
    build.add_argument("--output-dir", default=None, help="Save the dataset (save_to_disk), report and rejects here.")
    build.add_argument(
        "--tokenizer",
        default=None,
        help="Tokenizer (folder or Hub id) to count tokens per language; its chat template renders the rows that "
        "--max-length measures.",
    )
    build.add_argument(
        "--no-repair-conversations",
        dest="repair_conversations",
        action="store_false",
        default=None,
        help="Reject conversation rows that need a structural repair and keep HTML as it is, instead of the "
        "default repairs (repair_conversations: " + _mixture_help("repair_conversations") + ")",
    )
    build.add_argument(
        "--max-length",
        type=int,
        default=None,
        help="Training sequence length in tokens (needs --tokenizer): longer rows are counted and handled as "
        "--truncation-mode says.",
    )
    build.add_argument(
        "--truncation-mode", default=None, choices=TRUNCATION_MODES, help=_mixture_help("truncation_mode")
    )
    build.add_argument("--languages", nargs="+", default=None, metavar="LANG", help=_mixture_help("languages"))
    build.add_argument("--json", action="store_true", help="Print the report as JSON instead of a table.")
    build.set_defaults(func=run_build)

    from ..data.fertility import FertilityConfig  # dataclasses only: no heavy imports

    fertility = add_command(
        actions,
        "fertility",
        help="Compare tokenizers per language: tokens per 100 chars / per word, bytes per token, x English.",
        description="Tokenize the same texts with each --model and report per language: tokens per 100 "
        "characters, tokens per word (space-separated languages), UTF-8 bytes per token, the share of byte-fallback "
        "/ unknown tokens and the ratio of tokens per text to English, as a Markdown table (and, with "
        "--output-dir, fertility.md, fertility.json and a fertility.png chart).",
        examples=FERTILITY_EXAMPLES,
    )
    add_dataclass_args(fertility, FertilityConfig)
    fertility.add_argument("--json", action="store_true", help="Print the report as JSON instead of a table.")
    fertility.set_defaults(func=run_fertility)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def _mixture_help(name: str) -> str:
    """Return the help text of a ``DatasetMixtureConfig`` field, with its default."""
    import dataclasses

    from ..data import DatasetMixtureConfig

    (spec,) = [f for f in dataclasses.fields(DatasetMixtureConfig) if f.name == name]
    return f"{spec.metadata['help']} Unset: the mixture file's value, else {spec.default}."


def _add_common(parser: argparse.ArgumentParser) -> None:
    """Add the output and endpoint options shared by the generation actions."""
    parser.add_argument("--output", required=True, help="JSONL file records are appended to; re-runs resume it.")
    parser.add_argument("--summary-json", default=None, help="Also write the run summary to this JSON file.")
    parser.add_argument(
        "--keep-refusals", action="store_true", help="Keep answers that decline the task (dropped by default)."
    )
    from ..client import add_endpoint_args
    from ..datagen.pipelines import DATAGEN_REQUEST_DEFAULTS

    # --seed is the seed of the task and language draws here, not a request field.
    add_endpoint_args(parser, defaults=DATAGEN_REQUEST_DEFAULTS, exclude=("seed",))


def _run_pipeline(pipeline, source, args: argparse.Namespace, **options) -> int:
    """Run a datagen pipeline on ``source`` with the shared output and endpoint options; print its summary."""
    from ..client import endpoint_from_args

    summary = pipeline(
        source,
        output_path=args.output,
        endpoint=endpoint_from_args(args),
        filter_refusals=not args.keep_refusals,
        **options,
    )
    print(summary.to_text())
    if args.summary_json:
        from .._atomic import write_text_atomic

        write_text_atomic(args.summary_json, json.dumps(summary.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return 1 if summary.failed else 0


def run_generate(args: argparse.Namespace) -> int:
    """Run self-instruct."""
    from ..datagen import self_instruct

    return _run_pipeline(
        self_instruct,
        args.seeds,
        args,
        num_instructions=args.num_instructions,
        seeds_per_prompt=args.seeds_per_prompt,
        samples_per_prompt=args.samples_per_prompt,
        similarity_threshold=args.similarity,
        max_rounds=args.max_rounds,
        seed=args.seed,
        lang=args.lang,
    )


def run_user_centered(args: argparse.Namespace) -> int:
    """Answer user-centered tasks."""
    from ..datagen import user_centered

    return _run_pipeline(
        user_centered, args.input, args, instructions_per_role=args.instructions_per_role, lang=args.lang
    )


def run_translate(args: argparse.Namespace) -> int:
    """Run post-translation."""
    from ..datagen import post_translate

    return _run_pipeline(
        post_translate,
        args.input,
        args,
        languages=args.languages,
        languages_per_task=args.languages_per_task,
        source_lang=args.source_lang,
        seed=args.seed,
    )


def run_build(args: argparse.Namespace) -> int:
    """Build a chat dataset from sources and print its report."""
    from ..data import DatasetMixtureConfig, build_dataset, load_mixture_file, parse_source

    if args.mixture and args.source:
        raise ValueError("Give either --mixture or --source, not both.")
    if args.mixture:
        mixture = load_mixture_file(args.mixture)
    elif args.source:
        mixture = DatasetMixtureConfig(datasets=[parse_source(spec) for spec in args.source])
    else:
        raise ValueError("Nothing to build: give --source PATH[:LAYOUT][:WEIGHT] (repeatable) or --mixture FILE.")
    if args.seed is not None:
        mixture.seed = args.seed
    if args.test_split_size is not None:
        mixture.test_split_size = args.test_split_size
    if args.repair_conversations is not None:
        mixture.repair_conversations = args.repair_conversations
    if args.truncation_mode is not None:
        mixture.truncation_mode = args.truncation_mode
    if args.languages is not None:
        mixture.languages = args.languages
    tokenizer = None
    if args.tokenizer:
        from transformers import AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(args.tokenizer)
    result = build_dataset(mixture, output_dir=args.output_dir, tokenizer=tokenizer, max_length=args.max_length)
    if args.output_dir:
        result.dataset.save_to_disk(str(Path(args.output_dir) / "dataset"))
    print(json.dumps(result.report.to_dict(), indent=2, ensure_ascii=False) if args.json else result.report.to_text())
    if args.output_dir:
        print(f"dataset saved to {Path(args.output_dir) / 'dataset'}")
    return 0


def run_fertility(args: argparse.Namespace) -> int:
    """Measure tokenizer fertility and print the table."""
    from ..data.fertility import FertilityConfig, measure_fertility

    config = dataclass_from_args(args, FertilityConfig)
    report = measure_fertility(config)
    print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if args.json else report.to_markdown())
    if report.bad_rows:
        print(f"{len(report.bad_rows)} rows skipped (no text or not JSON); the first: {report.bad_rows[0]}")
    if config.output_dir:
        print(f"fertility.md, fertility.json and fertility.png written to {config.output_dir}")
    return 0

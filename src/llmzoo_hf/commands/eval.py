"""``llmzoo eval run|answer|review|metrics|report|mcq|push``: LLM Zoo's judge evaluation and a medical MCQ benchmark."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from .._argparse import add_dataclass_args, dataclass_from_args
from .._embedded import EMBEDDED_ALIAS, EMBEDDED_MODEL_NAME
from ._common import add_command, add_generation_args, add_model_args, load_chat_from_args

# What `eval answer` and `eval mcq` record as the model when --model is not given.
EMBEDDED_LABEL = f"{EMBEDDED_ALIAS}:{EMBEDDED_MODEL_NAME}"


def register(subparsers) -> None:
    """Add the ``eval`` command group."""
    parser = add_command(
        subparsers,
        "eval",
        help="Evaluate chat models: answers, judge reviews, LLM Zoo metrics, reports, medical MCQ.",
        description="GPT-judge evaluation in LLM Zoo's file layouts (answers → reviews → metric.json → report), "
        "plus multilingual medical multiple-choice accuracy.",
        examples=[
            "llmzoo eval run recipes/eval/tiny.yaml                 # everything below, from one recipe",
            "llmzoo eval answer --questions data/eval/questions_general_en.jsonl --out answers/phoenix.jsonl",
            "llmzoo eval review --questions Q.jsonl --answers chatgpt.jsonl phoenix.jsonl --judge-endpoint "
            "http://127.0.0.1:8000 --judge-model gpt-4 --out reviews/en/general/review.jsonl",
            "llmzoo eval metrics --questions Q.jsonl --reviews review.jsonl --out metric.json --ordering ordering.txt",
            "llmzoo eval report --metrics reviews/ --out report.md --chart report.png",
            "llmzoo eval mcq --langs en zh --k-shot 2 --out mcq.json",
            "llmzoo eval compare embedded outputs/chimera-tiny --out compare.json",
        ],
    )
    sub = parser.add_subparsers(dest="eval_command", metavar="STEP")
    _register_run(sub)
    _register_answer(sub)
    _register_review(sub)
    _register_metrics(sub)
    _register_report(sub)
    _register_mcq(sub)
    _register_compare(sub)
    _register_push(sub)
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])


def _add_questions_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--questions",
        required=True,
        help="Question file (LLM Zoo or multilingual layout), or a bundled set: general_en, general_zh, "
        "multilingual/<lang>.",
    )
    parser.add_argument(
        "--lang", default=None, help="Language of a multilingual question file (default: from its name)."
    )


def _load_questions(args):
    from ..eval.questions import bundled_questions_path, load_questions

    path = Path(args.questions)
    if not path.exists() and not path.suffix:
        path = bundled_questions_path(args.questions)
    return load_questions(path, lang=args.lang)


# --------------------------------------------------------------------------------------------------- answer


def _register_answer(sub) -> None:
    parser = add_command(
        sub,
        "answer",
        help="Answer the questions with a local model (batched) or an OpenAI-compatible endpoint (resumable).",
        description="Write answers in LLM Zoo's layout. Answers already in --out are skipped; each new one is "
        "appended and flushed as it arrives, so a killed run can simply be rerun.",
        examples=[
            "llmzoo eval answer --questions general_en --out answers/smollm.jsonl --temperature 0",
            "llmzoo eval answer --model phoenix-inst-chat-7b --questions general_zh --out answers/phoenix.jsonl",
            "llmzoo eval answer --endpoint http://127.0.0.1:8080 --endpoint-model tgi --questions Q.jsonl --out A.jsonl",
        ],
    )
    _add_questions_arg(parser)
    parser.add_argument("--out", required=True, help="Answers JSONL (appended to; existing answers are kept).")
    parser.add_argument(
        "--model-id", default=None, help="model_id written into the answers (default: the model name)."
    )
    parser.add_argument("--batch-size", type=int, default=8, help="Questions per generation batch (local model).")
    parser.add_argument("--limit", type=int, default=None, help="Answer only the first N questions.")
    parser.add_argument("--system-prompt", default=None, help="System message sent before each question.")
    from ..client import REQUEST_FIELDS, add_endpoint_args

    add_model_args(parser)
    add_generation_args(parser)
    # Decoding comes from the generation options above, shared with the local model.
    add_endpoint_args(
        parser,
        title="endpoint (instead of a local --model)",
        flags={"base_url": "--endpoint", "model": "--endpoint-model"},
        defaults={"base_url": None},
        exclude=REQUEST_FIELDS,
    )
    parser.set_defaults(func=run_answer)


def run_answer(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval answer``."""
    questions = _load_questions(args)
    if args.limit is not None:
        questions = questions[: args.limit]
    if args.endpoint_base_url and args.model_name_or_path:
        raise ValueError("Give either --model (local) or --endpoint, not both.")
    if args.endpoint_base_url:
        from ..client import ChatClient, endpoint_from_args
        from ..eval.answers import answer_with_endpoint

        config = endpoint_from_args(
            args, temperature=args.temperature, top_p=args.top_p, max_tokens=args.max_new_tokens, seed=args.seed
        )
        model_id = args.model_id or ChatClient(config).resolve_model()
        result = answer_with_endpoint(config, questions, args.out, model_id=model_id, system_prompt=args.system_prompt)
    else:
        from ..eval.answers import answer_with_session

        session = load_chat_from_args(args)
        model = args.model_name_or_path
        model_id = args.model_id or (Path(model).name if model else EMBEDDED_MODEL_NAME)
        extra = {"model": model or EMBEDDED_LABEL, "template": session.template_name}
        result = answer_with_session(
            session,
            questions,
            args.out,
            model_id=model_id,
            batch_size=args.batch_size,
            system_prompt=args.system_prompt,
            extra_metadata=extra,
        )
    print(f"{result.path}: {result.written} answers written, {result.skipped} already there (model_id={model_id}).")
    if result.failed:
        reasons = ", ".join(f"{k}={v}" for k, v in sorted(result.failures_by_reason.items()))
        print(f"{result.failed} questions failed ({reasons}); rerun the same command to retry them.")
    return 1 if result.failed else 0


# --------------------------------------------------------------------------------------------------- review


def _register_review(sub) -> None:
    parser = add_command(
        sub,
        "review",
        help="Have a judge model rank (or score) the answers of several models to each question.",
        description="Call an OpenAI-compatible judge concurrently (retries with back-off on 429/5xx/timeouts, "
        "optional rate limit) and write LLM Zoo review records with the parsed 'order' (or 'score'), the raw judge "
        "text, and the judge model, endpoint, temperature, seed and prompt version. Resumable.",
        examples=[
            "llmzoo eval review --questions general_en --answers chatgpt.jsonl phoenix.jsonl --dimension general "
            "--judge-endpoint https://api.openai.com --judge-model gpt-4o --out review.jsonl",
            "llmzoo eval review ... --repeats 3 --shuffle --seed 0     # judge 3 times, answers shuffled",
        ],
    )
    from ..eval.judge import DIMENSIONS, JudgeSettings, ReviewOptions

    _add_questions_arg(parser)
    parser.add_argument("--answers", nargs="+", required=True, help="Answer files; the first is the reference model.")
    parser.add_argument("--dimension", choices=tuple(DIMENSIONS), default="general", help="What the judge looks at.")
    from ..client import add_endpoint_args

    add_endpoint_args(
        parser,
        config_class=JudgeSettings,
        title="judge endpoint",
        flags={"base_url": "--judge-endpoint", "model": "--judge-model"},
        required=("base_url",),
    )
    add_dataclass_args(parser, ReviewOptions)
    parser.add_argument("--out", required=True, help="Reviews JSONL (appended to; existing reviews are kept).")
    parser.set_defaults(func=run_review)


def run_review(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval review``."""
    from ..client import endpoint_from_args
    from ..eval.judge import JudgeSettings, ReviewOptions, review_answers

    judge = endpoint_from_args(args, JudgeSettings)
    options = dataclass_from_args(args, ReviewOptions)
    summary = review_answers(
        _load_questions(args),
        args.answers,
        args.out,
        judge=judge,
        dimension=args.dimension,
        **dataclasses.asdict(options),
    )
    print(summary.describe())
    return 1 if summary.failed else 0


# --------------------------------------------------------------------------------------------------- metrics


def _register_metrics(sub) -> None:
    parser = add_command(
        sub,
        "metrics",
        help="Compute LLM Zoo's metric table (winning / order / score vs the first model) from reviews.",
        description="Q is the number of questions in --questions less coding and math; a rank r scores 10/r; a "
        "review with any -1 adds nothing. Writes metric.json in LLM Zoo's layout, and beside it metric.summary.json "
        "(counts, judge settings, spread over repeats).",
        examples=[
            "llmzoo eval metrics --questions general_en --reviews review.jsonl --out metric.json --ordering ordering.txt",
            "llmzoo eval metrics --questions roleplay.jsonl --reviews immersion.jsonl --out metric.json --no-reference",
        ],
    )
    _add_questions_arg(parser)
    parser.add_argument("--reviews", required=True, help="Reviews JSONL (LLM Zoo layout).")
    parser.add_argument("--out", required=True, help="metric.json to write.")
    parser.add_argument("--ordering", default=None, help="Also write the ordering table (LLM Zoo's ordering.txt).")
    parser.add_argument("--no-reference", action="store_true", help="List all models side by side (order, score).")
    parser.add_argument(
        "--reference-label",
        default=None,
        help="Key of the reference in the table (default: its model_id; LLM Zoo used gpt3.5).",
    )
    parser.set_defaults(func=run_metrics)


def run_metrics(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval metrics``."""
    from ..eval._io import read_jsonl
    from ..eval.metrics import format_ordering, write_metric_files

    result, summary = write_metric_files(
        _load_questions(args),
        read_jsonl(args.reviews),
        args.out,
        ordering_path=args.ordering,
        reference=not args.no_reference,
        reference_label=args.reference_label,
    )
    ordering = format_ordering(result.ordering)
    print(ordering, end="")
    print(
        f"Q={summary['Q']} (of {summary['questions']}, {summary['skipped_coding_math']} coding/math left out); "
        f"unparsable reviews per repeat: {summary['unparsable']}; repeats: {summary['repeats']}. Wrote {args.out}."
    )
    return 0


# --------------------------------------------------------------------------------------------------- report


def _register_report(sub) -> None:
    parser = add_command(
        sub,
        "report",
        help="One Markdown table + PNG bar chart across dimensions/languages, plus human win/tie/lose tallies.",
        description="Columns come from metric files ('LABEL=PATH', a file, or a folder searched for metric.json, "
        "labelled <lang>/<dimension>). Cells are 'model vs reference' score ratios (%%), ± the spread over judge "
        "repeats when there were several.",
        examples=[
            "llmzoo eval report --metrics review_output/ --out report.md --chart report.png",
            "llmzoo eval report --metrics en/general=en.json zh/general=zh.json --human votes.jsonl --out report.md",
        ],
    )
    parser.add_argument("--metrics", nargs="*", default=[], help="Metric files or folders (LABEL=PATH to label).")
    parser.add_argument("--human", nargs="*", default=[], help="Human votes/tallies (CSV, JSON, JSONL).")
    parser.add_argument("--by-lang", action="store_true", help="Split human tallies by language.")
    parser.add_argument("--out", default=None, help="Markdown file to write (default: print only).")
    parser.add_argument("--chart", default=None, help="PNG bar chart to write.")
    parser.add_argument("--title", default="LLM Zoo evaluation", help="Report title.")
    parser.set_defaults(func=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval report``."""
    from ..eval.report import build_report

    report = build_report(
        args.metrics,
        human_paths=args.human,
        human_by_lang=args.by_lang,
        output_path=args.out,
        chart_path=args.chart,
        title=args.title,
    )
    print(report.markdown)
    return 0


# --------------------------------------------------------------------------------------------------- mcq


def _register_mcq(sub) -> None:
    from ..eval.mcq import MCQConfig

    parser = add_command(
        sub,
        "mcq",
        help="Multilingual medical multiple-choice accuracy (XMedBench), our protocol or Apollo's published one.",
        description="Accuracy per language and per source. --data is a <lang>.json list (as published: Apollo's "
        "metadata/test/<lang>.json, the Hub dataset FreedomIntelligence/XMedbench) or .jsonl file, a folder of "
        "them, or a Hub dataset id (per-language files, else one config per language); the default is the bundled "
        "sample (original, for tests). Bad records are left out and reported with file and index. --protocol "
        "apollo reproduces Apollo's evaluation (its shots were unseeded; ours use --seed) and prints its Table 3.",
        examples=[
            "llmzoo eval mcq --langs en zh fr --k-shot 2 --out mcq.json --table mcq.md",
            "llmzoo eval mcq --data Apollo/metadata/test --protocol apollo --model my-model --out mcq.json",
            "llmzoo eval mcq --data FreedomIntelligence/XMedbench --protocol apollo --published 'Apollo-7B' GPT-4 "
            "--out mcq.json --table mcq.md",
        ],
    )
    parser.add_argument("--data", default=None, help="MCQ file, folder, or Hub dataset id (default: bundled sample).")
    parser.add_argument("--langs", nargs="*", default=None, help="Languages to evaluate (default: all files).")
    parser.add_argument("--split", default="test", help="Split of a Hub dataset (and its <split>/<lang>.json).")
    parser.add_argument("--data-revision", default=None, help="Revision of a Hub dataset.")
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="Score only the first N items of each source (shots still drawn from all).",
    )
    parser.add_argument("--out", required=True, help="Results JSON (accuracies and per-item predictions).")
    parser.add_argument("--table", default=None, help="Also write the accuracy table as Markdown.")
    parser.add_argument(
        "--published",
        nargs="*",
        default=None,
        help="apollo: rows of Apollo's Table 3 to print beside yours (patterns; default GPT-4 GPT-3.5 'Apollo-*'; "
        "none when given without names).",
    )
    add_dataclass_args(parser, MCQConfig, title="scoring")
    add_model_args(parser)
    parser.set_defaults(func=run_mcq)


def run_mcq(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval mcq``."""
    from ..eval._io import write_json_atomic, write_text_atomic
    from ..eval.mcq import MCQConfig, evaluate_mcq, format_mcq_table, read_mcq

    config = dataclass_from_args(args, MCQConfig)
    from ..eval.apollo import default_published, format_apollo_table, select_published

    # Checked before the model loads, so that a mistyped row name fails at once.
    published = select_published(default_published() if args.published is None else args.published)
    if args.data is None:
        from .._resources import resource_path

        data_path = resource_path("data") / "eval" / "mcq"
    else:
        data_path = args.data
    data = read_mcq(data_path, langs=args.langs, split=args.split, revision=args.data_revision)
    print(data.describe(), file=sys.stderr)
    items = data.items if args.limit is None else data.first_per_source(args.limit)
    # --seed and --max-new-tokens are MCQConfig's (the shot draw, per-protocol budget), not sampling settings.
    session = load_chat_from_args(args, temperature=0, max_new_tokens=config.max_new_tokens, seed=None)
    result = evaluate_mcq(session, items, config, pool=data.items)
    model = args.model_name_or_path or EMBEDDED_LABEL
    payload = {"model": model, "data": str(data_path), "data_report": data.report(), **result.to_dict()}
    write_json_atomic(args.out, payload)
    table = format_mcq_table(result)
    if config.protocol == "apollo":
        name = Path(args.model_name_or_path).name if args.model_name_or_path else EMBEDDED_MODEL_NAME
        table = format_apollo_table(result.by_source(), model_name=name, published=published) + "\n\n" + table
    table += "\n\n" + data.describe()
    if args.table:
        write_text_atomic(args.table, table + "\n")
    print(table)
    return 0


# --------------------------------------------------------------------------------------------------- compare


def _register_compare(sub) -> None:
    from ..eval.compare import CompareConfig

    parser = add_command(
        sub,
        "compare",
        help="Base vs fine-tuned on held-out data: eval loss, empty/echo/no-stop replies, medical MCQ.",
        description="Scores both models in one chat template (Chimera by default) and prints them side by side "
        "with the bars a fine-tune should clear: lower held-out loss, bad replies <= the base's and <= 10%%, MCQ "
        "accuracy >= the base's - 5 points. The held-out loss rows are those the --recipe holds out of training.",
        examples=[
            "llmzoo eval compare embedded outputs/chimera-tiny --out outputs/chimera-tiny/compare.json --check",
            "llmzoo eval compare my-org/base my-org/tuned --recipe recipes/my.yaml --template phoenix --mcq-langs en zh",
        ],
    )
    parser.add_argument(
        "base", help=f"Base model: folder, zoo name, Hub id, or '{EMBEDDED_ALIAS}' ({EMBEDDED_MODEL_NAME})."
    )
    parser.add_argument("tuned", help="Fine-tuned model: folder, zoo name or Hub id.")
    add_dataclass_args(parser, CompareConfig)
    parser.add_argument("--out", default=None, help="Write every score, reply and verdict to this JSON file.")
    parser.add_argument("--check", action="store_true", help="Exit with status 1 when a bar is not cleared.")
    parser.set_defaults(func=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval compare``."""
    from ..eval._io import write_json_atomic
    from ..eval.compare import CompareConfig, compare_models

    config = dataclass_from_args(args, CompareConfig)
    result = compare_models(args.base, args.tuned, config)
    if args.out:
        write_json_atomic(args.out, result.to_dict())
    print(result.format_table())
    print(
        "all bars cleared"
        if result.passed
        else "bars NOT cleared: " + ", ".join(check.name for check in result.checks if not check.passed)
    )
    return 1 if args.check and not result.passed else 0


# --------------------------------------------------------------------------------------------------- push


def _register_push(sub) -> None:
    parser = add_command(
        sub,
        "push",
        help="Upload a results folder of `eval run` to a Hub dataset with a generated card.",
        description="Uploads answers, reviews, metric tables, ordering tables, MCQ results, charts, report.md and "
        "run.json, with a dataset card holding the ratio, win/tie/lose and MCQ tables. --dry-run writes the exact "
        "upload to a folder instead. The token comes from HF_TOKEN or `hf auth login`.",
        examples=[
            "llmzoo eval push outputs/eval/tiny --repo-id my-org/llmzoo-eval-tiny --private",
            "llmzoo eval push outputs/eval/tiny --repo-id my-org/llmzoo-eval-tiny --dry-run /tmp/upload",
        ],
    )
    parser.add_argument("folder", metavar="RUN_DIR", help="Results folder of `llmzoo eval run`.")
    parser.add_argument("--repo-id", required=True, help="Hub dataset id.")
    parser.add_argument("--private", action="store_true", help="Create the dataset as private.")
    parser.add_argument("--revision", default=None, help="Branch to push to.")
    parser.add_argument("--dry-run", default=None, metavar="DIR", help="Write the upload to DIR; upload nothing.")
    parser.set_defaults(func=run_push)


def run_push(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval push``."""
    from ..eval.publish import push_results

    result = push_results(
        args.folder, args.repo_id, private=args.private, revision=args.revision, dry_run_dir=args.dry_run
    )
    if result.dry_run_dir is not None:
        print(f"Dry run: {len(result.files)} files for dataset {result.repo_id} written to {result.dry_run_dir}")
        print("\n".join(f"  {name}" for name in result.files))
    else:
        print(result.url)
    return 0


# --------------------------------------------------------------------------------------------------- run


def _register_run(sub) -> None:
    from ..eval.recipe import recipe_keys_help
    from ._common import HelpFormatter

    examples = [
        "llmzoo eval run recipes/eval/tiny.yaml",
        "llmzoo eval run recipes/eval/tiny.yaml --dry-run --limit=2",
        "llmzoo eval run recipes/eval/tiny.yaml --contestants.chimera-tiny.model=outputs/my-tiny --judge.repeats=2",
        "llmzoo eval run recipes/eval/llmzoo-general.yaml --judge.base_url=https://api.openai.com --push",
    ]
    parser = sub.add_parser(
        "run",
        help="Run a whole evaluation from a recipe: answers, judge reviews, metrics, MCQ, report (resumable).",
        description="Run recipes/eval/NAME.yaml: every contestant answers every question set, the judge ranks "
        "the answers on every dimension, LLM Zoo's metric tables, MCQ scores, charts, report.md and run.json go to "
        "the recipe's output_dir. A rerun does only what is missing. The plan (judge calls, rough prompt tokens) "
        "is printed first; --dry-run stops there. Override any recipe key with --key=value (YAML value).",
        formatter_class=HelpFormatter,
        epilog="Examples:\n" + "\n".join(f"  {e}" for e in examples) + "\n\n" + recipe_keys_help(),
    )
    parser.add_argument("recipe", metavar="RECIPE", help="Eval recipe YAML (recipes/eval/*.yaml).")
    parser.add_argument("--dry-run", action="store_true", help="Print the plan and stop.")
    parser.add_argument("--push", action="store_true", help="Upload the results to the recipe's hub_dataset_id.")
    parser.add_argument("overrides", nargs=argparse.REMAINDER, help="--key=value overrides of recipe keys.")
    parser.set_defaults(func=run_run)


def run_run(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval run``."""
    from ..eval.recipe import load_eval_recipe
    from ..eval.run import plan_run, resolve_paths, resolve_question_sets, run_eval

    # Flags written after the recipe land in the overrides (argparse.REMAINDER); take them back out.
    overrides = [o for o in args.overrides if o not in ("--dry-run", "--push")]
    dry_run = args.dry_run or "--dry-run" in args.overrides
    push = args.push or "--push" in args.overrides
    recipe = load_eval_recipe(args.recipe, overrides)
    resolve_paths(recipe, Path(args.recipe))
    plan = plan_run(recipe, resolve_question_sets(recipe, Path(args.recipe)))
    print(plan.describe(), flush=True)
    if dry_run:
        print("Dry run: nothing was generated, judged or written.")
        return 0
    result = run_eval(recipe, recipe_path=args.recipe, push=push)
    print(result.describe())
    return 1 if result.judge_failed else 0

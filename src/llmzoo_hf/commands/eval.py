"""``llmzoo eval answer|review|metrics|report|mcq|push``: LLM Zoo's judge evaluation and a medical MCQ benchmark."""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import add_command, add_generation_args, add_model_args, load_chat_from_args

DIMENSIONS = ("general", "relevance", "diversity", "coherence", "immersion", "integrity")


def register(subparsers) -> None:
    """Add the ``eval`` command group."""
    parser = add_command(
        subparsers,
        "eval",
        help="Evaluate chat models: answers, judge reviews, LLM Zoo metrics, reports, medical MCQ.",
        description="GPT-judge evaluation in LLM Zoo's file layouts (answers → reviews → metric.json → report), "
        "plus multilingual medical multiple-choice accuracy.",
        examples=[
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
    parser.add_argument("--endpoint", default=None, help="OpenAI-compatible base URL instead of a local --model.")
    parser.add_argument("--endpoint-model", default="default", help="Model name sent to --endpoint.")
    parser.add_argument("--batch-size", type=int, default=8, help="Questions per generation batch (local model).")
    parser.add_argument("--concurrency", type=int, default=8, help="Requests in flight at once (--endpoint).")
    parser.add_argument("--limit", type=int, default=None, help="Answer only the first N questions.")
    parser.add_argument("--system-prompt", default=None, help="System message sent before each question.")
    add_model_args(parser)
    add_generation_args(parser)
    parser.set_defaults(func=run_answer)


def run_answer(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval answer``."""
    questions = _load_questions(args)
    if args.limit is not None:
        questions = questions[: args.limit]
    if args.endpoint and args.model:
        raise ValueError("Give either --model (local) or --endpoint, not both.")
    if args.endpoint:
        from ..eval._client import EndpointConfig
        from ..eval.answers import answer_with_endpoint

        config = EndpointConfig(
            endpoint=args.endpoint,
            model=args.endpoint_model,
            temperature=args.temperature,
            top_p=args.top_p,
            max_tokens=args.max_new_tokens,
            seed=args.seed,
            concurrency=args.concurrency,
        )
        model_id = args.model_id or args.endpoint_model
        result = answer_with_endpoint(config, questions, args.out, model_id=model_id, system_prompt=args.system_prompt)
    else:
        from ..eval.answers import answer_with_session

        session = load_chat_from_args(args)
        model_id = args.model_id or (Path(args.model).name if args.model else "SmolLM2-135M-Instruct")
        extra = {"model": args.model or "embedded:SmolLM2-135M-Instruct", "template": session.template_name}
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
    return 0


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
    _add_questions_arg(parser)
    parser.add_argument("--answers", nargs="+", required=True, help="Answer files; the first is the reference model.")
    parser.add_argument("--dimension", choices=DIMENSIONS, default="general", help="What the judge looks at.")
    parser.add_argument("--mode", choices=("order", "score"), default="order", help="Rank the answers, or score them.")
    parser.add_argument("--judge-endpoint", required=True, help="OpenAI-compatible base URL of the judge.")
    parser.add_argument("--judge-model", default="gpt-4", help="Judge model name sent to the endpoint.")
    parser.add_argument("--temperature", type=float, default=0.0, help="Judge sampling temperature.")
    parser.add_argument("--seed", type=int, default=None, help="Judge seed (also seeds --shuffle).")
    parser.add_argument("--max-tokens", type=int, default=1024, help="Most tokens per judge reply.")
    parser.add_argument("--concurrency", type=int, default=8, help="Judge requests in flight at once.")
    parser.add_argument("--rate-limit", type=float, default=None, help="Most judge requests started per second.")
    parser.add_argument("--max-retries", type=int, default=5, help="Retries per request on 429/5xx/timeouts.")
    parser.add_argument("--timeout", type=float, default=120.0, help="Seconds per judge request.")
    parser.add_argument("--repeats", type=int, default=1, help="Judge each question N times (one record each).")
    parser.add_argument("--shuffle", action="store_true", help="Shuffle the answer order in every repeat (seeded).")
    parser.add_argument("--swap", action="store_true", help="Show odd repeats in reverse order (position-bias test).")
    parser.add_argument("--out", required=True, help="Reviews JSONL (appended to; existing reviews are kept).")
    parser.set_defaults(func=run_review)


def run_review(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval review``."""
    from ..eval.judge import JudgeSettings, review_answers

    judge = JudgeSettings(
        endpoint=args.judge_endpoint,
        model=args.judge_model,
        temperature=args.temperature,
        seed=args.seed,
        max_tokens=args.max_tokens,
        concurrency=args.concurrency,
        requests_per_second=args.rate_limit,
        max_retries=args.max_retries,
        timeout_s=args.timeout,
    )
    summary = review_answers(
        _load_questions(args),
        args.answers,
        args.out,
        judge=judge,
        dimension=args.dimension,
        mode=args.mode,
        repeats=args.repeats,
        shuffle=args.shuffle,
        swap=args.swap,
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


def _judge_info(reviews: list[dict]) -> dict:
    meta = (reviews[0].get("metadata") or {}) if reviews else {}
    keys = ("judge_model", "judge_endpoint", "temperature", "seed", "prompt_version", "dimension", "mode")
    info = {k: meta[k] for k in keys if k in meta}
    if reviews and "reviewer_id" in reviews[0]:
        info.setdefault("judge_model", reviews[0]["reviewer_id"])
    return info


def run_metrics(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval metrics``."""
    from ..eval._io import read_jsonl, write_json_atomic, write_text_atomic
    from ..eval.metrics import compute_metrics_over_repeats, format_ordering
    from ..eval.report import summary_path

    reviews = read_jsonl(args.reviews)
    result = compute_metrics_over_repeats(
        _load_questions(args), reviews, reference=not args.no_reference, reference_label=args.reference_label
    )
    write_json_atomic(args.out, result.mean)
    summary = {**result.summary(), "judge": _judge_info(reviews)}
    presented = [(r.get("metadata") or {}).get("presented_order") for r in reviews]
    if any(order and order != sorted(order) for order in presented):
        from ..eval.judge import position_bias

        # Answers were shown in varying orders (--shuffle / --swap): keep how much the judge favoured a position.
        summary["position_bias"] = position_bias(reviews)
    write_json_atomic(summary_path(args.out), summary)
    ordering = format_ordering(result.ordering)
    if args.ordering:
        write_text_atomic(args.ordering, ordering)
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
    parser = add_command(
        sub,
        "mcq",
        help="Multilingual medical multiple-choice accuracy (XMedBench layout), by log-likelihood and generation.",
        description="Accuracy per language and per source. --data is a <lang>.jsonl file, a folder of them, or a "
        "Hub dataset id (one config per language); the default is the bundled sample (original, for tests).",
        examples=[
            "llmzoo eval mcq --langs en zh fr --k-shot 2 --out mcq.json --table mcq.md",
            "llmzoo eval mcq --data path/to/XMedBench --langs en --methods loglik --model my-model",
        ],
    )
    parser.add_argument("--data", default=None, help="MCQ file, folder, or Hub dataset id (default: bundled sample).")
    parser.add_argument("--langs", nargs="*", default=None, help="Languages to evaluate (default: all files).")
    parser.add_argument("--split", default="test", help="Split of a Hub dataset.")
    parser.add_argument("--data-revision", default=None, help="Revision of a Hub dataset.")
    parser.add_argument(
        "--methods", nargs="+", choices=("loglik", "generate"), default=["loglik", "generate"], help="Scoring methods."
    )
    parser.add_argument("--k-shot", type=int, default=0, help="Worked examples (same language) before each question.")
    parser.add_argument("--batch-size", type=int, default=8, help="Questions per batch.")
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N items of each language.")
    parser.add_argument("--out", required=True, help="Results JSON (accuracies and per-item predictions).")
    parser.add_argument("--table", default=None, help="Also write the accuracy table as Markdown.")
    add_model_args(parser)
    parser.add_argument("--max-new-tokens", type=int, default=16, help="Generation budget of the generate method.")
    parser.set_defaults(func=run_mcq)


def run_mcq(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval mcq``."""
    from ..eval._io import write_json_atomic, write_text_atomic
    from ..eval.mcq import evaluate_mcq, format_mcq_table, load_mcq

    if args.data is None:
        from .._resources import resource_path

        data = resource_path("data") / "eval" / "mcq"
    else:
        data = args.data
    items = load_mcq(data, langs=args.langs, split=args.split, revision=args.data_revision)
    if args.limit is not None:
        items = [item for item in items if item.index < args.limit]
    session = load_chat_from_args(args, temperature=0)
    result = evaluate_mcq(
        session,
        items,
        methods=tuple(args.methods),
        k_shot=args.k_shot,
        batch_size=args.batch_size,
        max_new_tokens=args.max_new_tokens,
    )
    payload = {"model": args.model or "embedded:SmolLM2-135M-Instruct", "data": str(data), **result.to_dict()}
    write_json_atomic(args.out, payload)
    table = format_mcq_table(result)
    if args.table:
        write_text_atomic(args.table, table + "\n")
    print(table)
    return 0


# --------------------------------------------------------------------------------------------------- compare

_OPTION_TYPES = {"int": int, "int | None": int, "float": float}


def _register_compare(sub) -> None:
    import dataclasses

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
    parser.add_argument("base", help="Base model: folder, zoo name, Hub id, or 'embedded' (SmolLM2-135M-Instruct).")
    parser.add_argument("tuned", help="Fine-tuned model: folder, zoo name or Hub id.")
    for item in dataclasses.fields(CompareConfig):
        option = "--" + item.name.replace("_", "-")
        default = item.default_factory() if item.default_factory is not dataclasses.MISSING else item.default
        if item.type == "list[str]":
            parser.add_argument(option, nargs="+", default=default, help=item.metadata["help"])
        else:
            kind = _OPTION_TYPES.get(item.type, str)
            parser.add_argument(option, type=kind, default=default, help=item.metadata["help"])
    parser.add_argument("--out", default=None, help="Write every score, reply and verdict to this JSON file.")
    parser.add_argument("--check", action="store_true", help="Exit with status 1 when a bar is not cleared.")
    parser.set_defaults(func=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval compare``."""
    import dataclasses

    from ..eval._io import write_json_atomic
    from ..eval.compare import CompareConfig, compare_models

    config = CompareConfig(**{item.name: getattr(args, item.name) for item in dataclasses.fields(CompareConfig)})
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
        help="Upload an evaluation folder to a Hub dataset with a generated card.",
        description="Uploads answers, reviews, metric tables, report and MCQ results (JSON/JSONL/TXT/MD/PNG/CSV). "
        "The token comes from HF_TOKEN or `hf auth login`.",
        examples=["llmzoo eval push eval_out/ --repo-id my-org/llmzoo-eval-results --private"],
    )
    parser.add_argument("folder", help="Evaluation folder.")
    parser.add_argument("--repo-id", required=True, help="Hub dataset id.")
    parser.add_argument("--private", action="store_true", help="Create the dataset as private.")
    parser.add_argument("--revision", default=None, help="Branch to push to.")
    parser.add_argument("--languages", nargs="*", default=None, help="Languages for the card metadata.")
    parser.set_defaults(func=run_push)


def run_push(args: argparse.Namespace) -> int:
    """Run ``llmzoo eval push``."""
    from ..eval.publish import push_results

    url = push_results(
        args.folder, args.repo_id, private=args.private, revision=args.revision, languages=args.languages
    )
    print(url)
    return 0

"""LLM Zoo metric formulas on hand-computed fixtures, a published LLM Zoo table, repeats, reports and human tallies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from llmzoo_hf.errors import DataError
from llmzoo_hf.eval._io import read_jsonl
from llmzoo_hf.eval.human import format_human_table, tally_votes
from llmzoo_hf.eval.metrics import compute_metrics, compute_metrics_over_repeats, format_ordering
from llmzoo_hf.eval.questions import Question, load_questions
from llmzoo_hf.eval.report import build_report

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
QUESTIONS = FIXTURES / "questions_small.jsonl"


def test_order_metrics_hand_computed():
    # questions 1 generic, 2 knowledge, 3 roleplay, 4 coding, 5 writing, 6 math -> coding and math left out, Q = 4.
    # review orders [ref-model, m1, m2]: q1 [1,2,3]; q2 [2,1,2]; q3 [-1,-1,-1] (adds nothing, still in Q); q5 [1,1,3]
    result = compute_metrics(load_questions(QUESTIONS), read_jsonl(FIXTURES / "reviews_order_small.jsonl"))
    assert (result.n_questions, result.n_skipped, result.n_counted, result.n_unparsable) == (6, 2, 4, 1)
    # ref ranks 1+2+1 = 4 -> 4/4 = 1.0; scores 10/1 + 10/2 + 10/1 = 25 -> 25/4 = 6.25
    # m1 ranks 2+1+1 = 4 -> 1.0; scores 5 + 10 + 10 = 25 -> 6.25, %model 25/25 = 1.0
    # m1 vs ref: q1 ref wins (1 < 2), q2 m1 wins (1 < 2), q5 tie -> 1 / 1 / 1, %model = 1 / Q = 0.25
    assert result.table["m1"] == {
        "winning": {"ref-model": 1, "tie": 1, "model": 1, "%model": 0.25},
        "order": {"ref-model": 1.0, "model": 1.0},
        "score": {"ref-model": 6.25, "model": 6.25, "%model": 1.0},
    }
    # m2 ranks 3+2+3 = 8 -> 2.0; scores 10/3 + 10/2 + 10/3 = 11.67 -> /4; vs ref: q1 ref, q2 tie (2 = 2), q5 ref
    m2_total = 10 / 3 + 10 / 2 + 10 / 3
    assert result.table["m2"] == {
        "winning": {"ref-model": 2, "tie": 1, "model": 0, "%model": 0.0},
        "order": {"ref-model": 1.0, "model": 2.0},
        "score": {"ref-model": 6.25, "model": m2_total / 4, "%model": m2_total / 25},
    }
    assert list(result.table) == ["m1", "m2"]  # the reference gets no entry of its own
    # ordering: ref 1.0 and m1 1.0 share rank 1, m2 is 3rd (rank 2 skipped)
    assert format_ordering(result.ordering) == (
        f"{'Model':<30}{'Ranking Score':<30}{'Rank':<30}\n"
        f"{'ref-model':<30}{'1.0':<30}{'1':<30}\n"
        f"{'m1':<30}{'1.0':<30}{'1':<30}\n"
        f"{'m2':<30}{'2.0':<30}{'3':<30}\n"
    )


def test_no_reference_hand_computed():
    result = compute_metrics(
        load_questions(QUESTIONS), read_jsonl(FIXTURES / "reviews_order_small.jsonl"), reference=False
    )
    assert result.table == {
        "ref-model": {"order": 1.0, "score": 6.25},
        "m1": {"order": 1.0, "score": 6.25},
        "m2": {"order": 2.0, "score": (10 / 3 + 10 / 2 + 10 / 3) / 4},
    }


def test_score_mode_hand_computed():
    # three scored questions (generic, knowledge, roleplay) -> Q = 3; q3 holds a -1 and adds nothing
    questions = load_questions(QUESTIONS)[:3]
    result = compute_metrics(questions, read_jsonl(FIXTURES / "reviews_score_small.jsonl"))
    assert result.mode == "score"
    # ref 8 + 7 = 15 -> 5.0; m1 6 + 7 = 13; m2 9 + 5 = 14
    assert result.table["m1"] == {
        "winning": {"ref-model": 1, "tie": 1, "model": 0, "%model": 0.0},
        "score": {"ref-model": 5.0, "model": 13 / 3, "%model": 13 / 15},
    }
    assert result.table["m2"] == {
        "winning": {"ref-model": 1, "tie": 0, "model": 1, "%model": 1 / 3},
        "score": {"ref-model": 5.0, "model": 14 / 3, "%model": 14 / 15},
    }
    assert [(row.model, row.rank) for row in result.ordering] == [("ref-model", 1), ("m2", 2), ("m1", 3)]


# LLM Zoo's published review_output/zh/immersion/metric.json (reference key "gpt3.5"), computed by their script from
# the 'order' lists of review_output/zh/immersion/review.jsonl (10 role-play questions, kept in the fixture).
PUBLISHED_ZH_IMMERSION = {
    "phoenix-7b": {
        "winning": {"gpt3.5": 6, "tie": 2, "model": 2, "%model": 0.2},
        "order": {"gpt3.5": 1.3, "model": 1.9},
        "score": {"gpt3.5": 8.833333333333334, "model": 6.583333333333334, "%model": 0.7452830188679246},
    },
    "chimera-13b": {
        "winning": {"gpt3.5": 8, "tie": 1, "model": 1, "%model": 0.1},
        "order": {"gpt3.5": 1.3, "model": 2.6},
        "score": {"gpt3.5": 8.833333333333334, "model": 4.416666666666667, "%model": 0.5},
    },
    "chimera-7b": {
        "winning": {"gpt3.5": 10, "tie": 0, "model": 0, "%model": 0.0},
        "order": {"gpt3.5": 1.3, "model": 3.2},
        "score": {"gpt3.5": 8.833333333333334, "model": 3.416666666666667, "%model": 0.3867924528301887},
    },
}


def test_published_llmzoo_review_file_gives_the_published_table(tmp_path):
    reviews = read_jsonl(FIXTURES / "llmzoo_zh_immersion_orders.jsonl")
    questions = [Question(r["question_id"], "-", "roleplay", "zh") for r in reviews]
    result = compute_metrics(questions, reviews, reference_label="gpt3.5")
    assert result.table == PUBLISHED_ZH_IMMERSION  # exact floats, same keys, same order
    assert json.dumps(result.table, indent=4) == json.dumps(PUBLISHED_ZH_IMMERSION, indent=4)
    # LLM Zoo's ordering.txt for this table: turbo 1.3 / phoenix-7b 1.9 / chimera-13b 2.6 / chimera-7b 3.2
    assert [(r.model, r.value, r.rank) for r in result.ordering] == [
        ("gpt-3.5-turbo", 1.3, 1),
        ("phoenix-7b", 1.9, 2),
        ("chimera-13b", 2.6, 3),
        ("chimera-7b", 3.2, 4),
    ]


def _with_repeat(records, repeat, orders):
    out = []
    for record, order in zip(records, orders, strict=True):
        out.append({**record, "metadata": {**record["metadata"], "repeat": repeat}, "order": order})
    return out


def test_repeats_mean_and_spread():
    questions = load_questions(QUESTIONS)[:2]  # generic + knowledge -> Q = 2
    base = read_jsonl(FIXTURES / "reviews_order_small.jsonl")[:2]
    # repeat 0: q1 [1,2,3], q2 [2,1,2] -> m1 score (5 + 10) / 2 = 7.5; repeat 1: q1 [2,1,3], q2 [1,2,3] -> (10 + 5) / 2
    # repeat 2: q1 [1,1,3], q2 [1,1,3] -> m1 (10 + 10) / 2 = 10.0; mean (7.5 + 7.5 + 10) / 3, sample std
    reviews = (
        _with_repeat(base, 0, [[1, 2, 3], [2, 1, 2]])
        + _with_repeat(base, 1, [[2, 1, 3], [1, 2, 3]])
        + _with_repeat(base, 2, [[1, 1, 3], [1, 1, 3]])
    )
    result = compute_metrics_over_repeats(questions, reviews)
    assert result.repeats == 3
    assert [r.table["m1"]["score"]["model"] for r in result.per_repeat] == [7.5, 7.5, 10.0]
    assert result.mean["m1"]["score"]["model"] == pytest.approx(25 / 3)
    mean = 25 / 3
    std = (((7.5 - mean) ** 2 * 2 + (10 - mean) ** 2) / 2) ** 0.5
    assert result.std["m1"]["score"]["model"] == pytest.approx(std)
    assert result.summary()["repeats"] == 3
    assert result.summary()["unparsable"] == [0, 0, 0]


def test_single_repeat_mean_is_the_exact_table():
    questions = load_questions(QUESTIONS)
    reviews = read_jsonl(FIXTURES / "reviews_order_small.jsonl")
    assert compute_metrics_over_repeats(questions, reviews).mean == compute_metrics(questions, reviews).table


def test_only_coding_and_math_is_an_error():
    questions = [Question(4, "code", "coding"), Question(6, "sum", "math")]
    reviews = read_jsonl(FIXTURES / "reviews_order_small.jsonl")
    with pytest.raises(DataError, match="Q would be 0"):
        compute_metrics(questions, reviews)


def test_inconsistent_models_named():
    reviews = read_jsonl(FIXTURES / "reviews_order_small.jsonl")
    reviews[1]["metadata"]["model_ids"] = ["ref-model", "m1", "other"]
    with pytest.raises(DataError, match="question 2 compares"):
        compute_metrics(load_questions(QUESTIONS), reviews)


def test_human_tallies_from_arena_votes_and_csv():
    tallies = tally_votes([FIXTURES / "arena_votes.jsonl", FIXTURES / "human_tallies.csv"])
    by_pair = {(t.model_a, t.model_b): (t.win, t.tie, t.lose) for t in tallies}
    # phoenix vs chatgpt: votes en win, es tie, zh lose (chatgpt won as model_a), fr win (phoenix was model_b and won)
    # -> 2 / 1 / 1, plus the CSV tally 10 / 5 / 15 -> 12 / 6 / 16
    assert by_pair[("phoenix", "chatgpt")] == (12, 6, 16)
    # phoenix vs chimera: vote lose (0/0/1); CSV 'chimera,phoenix,3,1,2' flipped -> 2/1/3; sum 2/1/4
    assert by_pair[("phoenix", "chimera")] == (2, 1, 4)
    table = format_human_table(tallies)
    assert "| phoenix | chatgpt | 12 | 6 | 16 | 35.3% |" in table  # 12 / 34


def test_human_bad_winner_names_row(tmp_path):
    path = tmp_path / "votes.jsonl"
    path.write_text('{"model_a": "x", "model_b": "y", "winner": "left"}\n')
    with pytest.raises(DataError, match=r"votes.jsonl:1: winner='left'"):
        tally_votes([path])


@pytest.mark.slow
def test_cli_metrics_and_report(tmp_path):
    out = tmp_path / "en" / "general"
    proc = run_cli(
        "eval",
        "metrics",
        "--questions",
        str(QUESTIONS),
        "--reviews",
        str(FIXTURES / "reviews_order_small.jsonl"),
        "--out",
        str(out / "metric.json"),
        "--ordering",
        str(out / "ordering.txt"),
    )
    assert proc.returncode == 0, proc.stderr
    table = json.loads((out / "metric.json").read_text())
    assert table["m1"]["winning"] == {"ref-model": 1, "tie": 1, "model": 1, "%model": 0.25}
    assert (out / "ordering.txt").read_text().splitlines()[3].split() == ["m2", "2.0", "3"]
    summary = json.loads((out / "metric.summary.json").read_text())
    assert (summary["Q"], summary["unparsable"], summary["judge"]["judge_model"]) == (4, [1], "judge")
    assert "Q=4 (of 6, 2 coding/math left out)" in proc.stdout
    proc = run_cli(
        "eval",
        "report",
        "--metrics",
        str(tmp_path),
        "--human",
        str(FIXTURES / "arena_votes.jsonl"),
        "--out",
        str(tmp_path / "report.md"),
        "--chart",
        str(tmp_path / "report.png"),
    )
    assert proc.returncode == 0, proc.stderr
    report = (tmp_path / "report.md").read_text()
    # m1: 100.0 % of the reference's score; m2: 11.67 / 25 = 46.7 %
    assert "| Model | en/general |" in report
    assert "| m1 | 100.0% |" in report and "| m2 | 46.7% |" in report
    assert "| phoenix | chatgpt | 2 | 1 | 1 | 50.0% |" in report
    assert (tmp_path / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_shows_spread_over_repeats(tmp_path):
    metric = tmp_path / "metric.json"
    metric.write_text(
        json.dumps(
            {
                "m1": {
                    "winning": {"r": 1, "tie": 0, "model": 1, "%model": 0.5},
                    "order": {"r": 1.5, "model": 1.5},
                    "score": {"r": 7.5, "model": 7.5, "%model": 0.9},
                }
            }
        )
    )
    (tmp_path / "metric.summary.json").write_text(
        json.dumps(
            {
                "repeats": 3,
                "reference": "r",
                "unparsable": [0, 1, 0],
                "std": {"m1": {"winning": {}, "order": {}, "score": {"%model": 0.05}}},
                "judge": {
                    "judge_model": "gpt-4",
                    "judge_endpoint": "http://x",
                    "temperature": 0.0,
                    "seed": 1,
                    "prompt_version": "llmzoo-hf-judge-v1",
                },
            }
        )
    )
    report = build_report([f"zh/general={metric}"])
    assert "| m1 | 90.0% ± 5.0 |" in report.markdown
    assert "judge_model=gpt-4" in report.markdown and "repeats=3" in report.markdown
    assert "prompt_version=llmzoo-hf-judge-v1" in report.markdown


@pytest.mark.slow
def test_evaluate_module_loads_offline():
    import evaluate

    from llmzoo_hf.eval.metric_module import metric_path

    metric = evaluate.load(metric_path())
    reviews = read_jsonl(FIXTURES / "llmzoo_zh_immersion_orders.jsonl")
    table = metric.compute(
        orders=[r["order"] for r in reviews],
        categories=[r["category"] for r in reviews],
        model_ids=reviews[0]["metadata"]["model_ids"],
        reference_label="gpt3.5",
    )
    assert table == PUBLISHED_ZH_IMMERSION


def test_metrics_and_report_show_position_bias_of_shuffled_reviews(tmp_path):
    # Two reviews of 3 answers shown in a shuffled order. As presented, the first answer shown ranked 1 in
    # review r1 and 2 in review r2: first_shown_best_rate = 1/2; mean rank by position = [(1+2)/2, (2+1)/2,
    # (3+3)/2] = [1.5, 1.5, 3.0].
    reviews = []
    for review_id, presented, as_presented in (("r1", [2, 0, 1], [1, 2, 3]), ("r2", [1, 2, 0], [2, 1, 3])):
        order = [0, 0, 0]
        for position, original in enumerate(presented):
            order[original] = as_presented[position]
        line = json.loads((FIXTURES / "reviews_order_small.jsonl").read_text().splitlines()[0])
        line.update(review_id=review_id, order=order, question_id=1 if review_id == "r1" else 2)
        line["metadata"] = {**line["metadata"], "presented_order": presented, "order_as_presented": as_presented}
        reviews.append(json.dumps(line))
    review_file = tmp_path / "reviews.jsonl"
    review_file.write_text("\n".join(reviews) + "\n")
    out = tmp_path / "en" / "general" / "metric.json"
    proc = run_cli("eval", "metrics", "--questions", str(QUESTIONS), "--reviews", str(review_file), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    bias = json.loads(out.with_name("metric.summary.json").read_text())["position_bias"]
    assert bias == {
        "first_shown_best_rate": 0.5,
        "mean_rank_by_position": [1.5, 1.5, 3.0],
        "consistency": None,
        "reviews": 2,
    }
    proc = run_cli("eval", "report", "--metrics", str(tmp_path), "--out", str(tmp_path / "report.md"))
    assert proc.returncode == 0, proc.stderr
    assert (
        "position bias: answer shown first ranked best in 50% of 2 reviews, mean rank by position [1.5, 1.5, 3.0]"
        in (tmp_path / "report.md").read_text()
    )

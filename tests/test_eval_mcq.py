"""Medical MCQ: loading (XMedBench layout), prompts, letter extraction, accuracy on the bundled sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO_ROOT, run_cli
from llmzoo_hf.errors import DataError
from llmzoo_hf.eval.mcq import accuracy_table, evaluate_mcq, extract_letter, format_prompt, load_mcq, parse_item

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
BUNDLED = REPO_ROOT / "data" / "eval" / "mcq"


def test_load_fixture_and_prompt():
    items = load_mcq(FIXTURES / "mcq_small.jsonl")
    assert [(i.lang, i.answer, i.source) for i in items] == [
        ("mcq_small", "B", "fixture-anatomy"),
        ("mcq_small", "A", "fixture-nutrition"),
        ("mcq_small", "C", "fixture-anatomy"),
    ]
    prompt = format_prompt(items[2], items[:1])
    assert prompt.endswith(
        "Question: How many lungs does a person normally have?\n(A) One\n(B) Three\n(C) Two\n(D) Four\nAnswer:"
    )
    assert "(D) The liver\nAnswer: B\n\n" in prompt  # the worked example shows its answer letter


def test_bundled_sample_layout():
    items = load_mcq(BUNDLED, langs=["en", "zh", "fr", "es", "ar", "hi"])
    counts = {lang: sum(i.lang == lang for i in items) for lang in ("en", "zh", "fr", "es", "ar", "hi")}
    assert all(n >= 20 for n in counts.values()), counts


def test_bad_records_are_named():
    with pytest.raises(DataError, match=r"x.jsonl:3: answer '\(E\)' is not one of the options"):
        parse_item(
            {"question": "q", "options": "(A) a\n(B) b", "answer": "(E)"}, lang="en", index=0, where="x.jsonl:3"
        )
    with pytest.raises(DataError, match="does not start with"):
        parse_item({"question": "q", "options": "A. a\nB. b", "answer": "(A)"}, lang="en", index=0, where="x")
    with pytest.raises(FileNotFoundError, match="No MCQ file for language 'xx'"):
        load_mcq(BUNDLED, langs=["xx"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The answer is (C).", "C"),
        ("B", "B"),
        ("B. The heart", "B"),
        ("I think A is right", "A"),
        ("Answer: (D) Four", "D"),
        ("None of these.", None),
        ("Eat well", None),
    ],
)
def test_extract_letter(text, expected):
    assert extract_letter(text, ["A", "B", "C", "D"]) == expected


def test_accuracy_recount():
    rows = [
        {"lang": "en", "source": "s1", "loglik_correct": True},
        {"lang": "en", "source": "s1", "loglik_correct": False},
        {"lang": "en", "source": "s2", "loglik_correct": True},
        {"lang": "zh", "source": "s1", "loglik_correct": False},
    ]
    acc = accuracy_table(rows, ["loglik"])["loglik"]
    assert acc["overall"] == 2 / 4
    assert acc["by_lang"] == {"en": 2 / 3, "zh": 0.0}
    assert acc["by_source"] == {"en": {"s1": 0.5, "s2": 1.0}, "zh": {"s1": 0.0}}


@pytest.mark.slow
def test_mcq_with_embedded_model(embedded_chat):
    items = [i for i in load_mcq(BUNDLED, langs=["en", "zh"]) if i.index < 8]
    result = evaluate_mcq(embedded_chat, items, k_shot=1, batch_size=8, max_new_tokens=4)
    assert len(result.items) == 16
    for method in ("loglik", "generate"):
        acc = result.accuracy[method]
        recount = sum(row[f"{method}_correct"] for row in result.items) / len(result.items)
        assert acc["overall"] == recount and 0.0 <= recount <= 1.0
        for lang in ("en", "zh"):
            rows = [r for r in result.items if r["lang"] == lang]
            assert acc["by_lang"][lang] == sum(r[f"{method}_correct"] for r in rows) / len(rows)
    for row in result.items:
        assert row["loglik_pred"] in "ABCD" and len(row["loglik_scores"]) == 4
        assert row["generate_correct"] == (row["generate_pred"] == row["answer"])
    # the one-token English question "Which organ produces insulin?" - the model's log-likelihood pick is recorded
    assert result.items[0]["loglik_pred"] == "ABCD"[max(range(4), key=lambda i: result.items[0]["loglik_scores"][i])]


@pytest.mark.slow
def test_cli_mcq(tmp_path):
    proc = run_cli(
        "eval",
        "mcq",
        "--langs",
        "fr",
        "--limit",
        "4",
        "--methods",
        "loglik",
        "--out",
        str(tmp_path / "mcq.json"),
        "--table",
        str(tmp_path / "mcq.md"),
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads((tmp_path / "mcq.json").read_text())
    assert data["accuracy"]["loglik"]["n"] == 4
    assert data["accuracy"]["loglik"]["overall"] == sum(r["loglik_correct"] for r in data["items"]) / 4
    assert "| fr | **all** | 4 |" in (tmp_path / "mcq.md").read_text()

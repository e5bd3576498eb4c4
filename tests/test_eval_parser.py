"""The judge ordering / score parser on judge-like texts (ties, >=, >>, prose, markdown, other languages, failures)."""

from __future__ import annotations

import pytest

from llmzoo_hf.eval.judge import (
    DIMENSIONS,
    build_judge_messages,
    judge_instruction,
    parse_order,
    parse_scores,
    ranks_from_chain,
)

ORDER_CASES = [
    # (judge text, number of answers, expected ranks)
    ("Assistant 2 > Assistant 1 = Assistant 3 > Assistant 4", 4, [2, 1, 2, 4]),  # MISSION.md's example
    ("Assistant 1 > Assistant 2 > Assistant 3", 3, [1, 2, 3]),
    ("Assistant 3 > Assistant 2 > Assistant 1", 3, [3, 2, 1]),
    ("Assistant 1 = Assistant 2 = Assistant 3", 3, [1, 1, 1]),
    ("Assistant 1 = Assistant 2 > Assistant 3 = Assistant 4", 4, [1, 1, 3, 3]),
    ("Assistant 1 > Assistant 4 = Assistant 2 > Assistant 3", 4, [1, 2, 4, 2]),  # tie of two, next rank skips
    ("Assistant 2 > Assistant 1 >= Assistant 3 > Assistant 4", 4, [2, 1, 3, 4]),  # '>=' reads as '>' (LLM Zoo)
    ("Assistant 1 >> Assistant 2", 2, [1, 2]),
    ("Assistant 2>Assistant 1", 2, [2, 1]),  # no spaces
    ("Assistant 1 ≥ Assistant 2 > Assistant 3", 3, [1, 2, 3]),
    ("Assistant 1 == Assistant 2", 2, [1, 1]),
    (
        "[Assistant 1]\nClear and correct.\n\n[Assistant 2]\nVague.\n\n"
        "Overall Assistant 1 is better.\nAssistant 1 > Assistant 2",
        2,
        [1, 2],
    ),
    ("Therefore, the order is: Assistant 2 > Assistant 3 > Assistant 1 > Assistant 4.", 4, [3, 1, 2, 4]),
    ("**Assistant 2** > **Assistant 1** = **Assistant 3**", 3, [2, 1, 2]),  # markdown bold
    ("`Assistant 3 > Assistant 1 > Assistant 2`", 3, [2, 3, 1]),  # code span
    ("Final ranking: assistant 1 > ASSISTANT 2", 2, [1, 2]),  # case
    ("综上所述，排序为：Assistant 2 > Assistant 1 = Assistant 3。", 3, [2, 1, 2]),  # Chinese around it
    ("En conclusión: Assistant 1 > Assistant 3 > Assistant 2", 3, [1, 3, 2]),  # Spanish around it
    ("Assistant 2 ＞ Assistant 1 ＝ Assistant 3", 3, [2, 1, 2]),  # full-width signs
    # the last complete ordering wins over earlier ones
    (
        "At first: Assistant 1 > Assistant 2 > Assistant 3.\nOn reflection:\nAssistant 3 > Assistant 2 > Assistant 1",
        3,
        [3, 2, 1],
    ),
    # a partial comparison after the full ordering does not replace it
    ("Assistant 2 > Assistant 1 > Assistant 3\nNote that Assistant 2 > Assistant 1 clearly.", 3, [2, 1, 3]),
    ("Assistant 2 > 1 = 3", 3, [2, 1, 2]),  # numbers without the word after the first
    ("Assistant 1, Assistant 2 and Assistant 3 are tied.", 3, [1, 1, 1]),
    ("All three assistants are equally good.", 3, [1, 1, 1]),
    ("Assistant 1 and Assistant 2 are equal in quality.", 2, [1, 1]),
    (
        "Assistant 10 > Assistant 2 > Assistant 1 > Assistant 3 > Assistant 4 > Assistant 5 > Assistant 6 > Assistant 7 "
        "> Assistant 8 > Assistant 9",
        10,
        [3, 2, 4, 5, 6, 7, 8, 9, 10, 1],
    ),  # two-digit assistants
    # failures: -1 for every answer
    ("Assistant 1 > Assistant 2", 3, [-1, -1, -1]),  # missing assistant 3
    ("Assistant 1 > Assistant 2 > Assistant 2", 3, [-1, -1, -1]),  # duplicate
    ("Assistant 1 > Assistant 2 > Assistant 4", 3, [-1, -1, -1]),  # out of range
    ("Both answers are fine, I cannot rank them.", 2, [-1, -1]),
    ("", 2, [-1, -1]),
    ("1 > 2 > 3", 3, [-1, -1, -1]),  # no 'Assistant' at all
    ("Assistant 1 is better than Assistant 2.", 2, [-1, -1]),  # prose, no ordering line
]


@pytest.mark.parametrize(("text", "n", "expected"), ORDER_CASES)
def test_parse_order(text, n, expected):
    assert parse_order(text, n) == expected


def test_enough_parser_cases():
    assert len(ORDER_CASES) >= 25


def test_published_llmzoo_last_lines_parse_to_their_orders():
    # Last sentences of LLM Zoo's published zh/immersion reviews (questions 92, 99, 100) with their stored 'order'.
    assert parse_order("Therefore, the order is: Assistant 1 = Assistant 2 = Assistant 3 > Assistant 4.", 4) == [
        1,
        1,
        1,
        4,
    ]
    assert parse_order("Therefore, the order is: Assistant 2 > Assistant 1 >= Assistant 3 > Assistant 4.", 4) == [
        2,
        1,
        3,
        4,
    ]
    assert parse_order(
        "the order of immersion from best to worst is: Assistant 1 > Assistant 4 = Assistant 2 > Assistant 3.", 4
    ) == [1, 2, 4, 2]


def test_ranks_from_chain_competition_ranking():
    # 2 > 1 = 3 > 4: assistant 2 first; 1 and 3 share rank 2; assistant 4 is 4th (rank 3 is skipped)
    assert ranks_from_chain([2, 1, 3, 4], [">", "=", ">"]) == [2, 1, 2, 4]
    assert ranks_from_chain([1, 2, 3, 4], ["=", "=", ">"]) == [1, 1, 1, 4]


SCORE_CASES = [
    ("Assistant 1 is good.\n8 7.5 9", 3, [8.0, 7.5, 9.0]),
    ("Scores:\n8, 6", 2, [8.0, 6.0]),
    ("Assistant 1: 7\nAssistant 2: 9\nThat is my view.", 2, [7.0, 9.0]),
    ("**Assistant 1**: 6\n**Assistant 2**: 8", 2, [6.0, 8.0]),
    ("8 7", 3, [-1.0, -1.0, -1.0]),  # wrong count
    ("No scores here.", 2, [-1.0, -1.0]),
    ("Assistant 1: 7\nno score for the second", 2, [-1.0, -1.0]),
]


@pytest.mark.parametrize(("text", "n", "expected"), SCORE_CASES)
def test_parse_scores(text, n, expected):
    assert parse_scores(text, n) == expected


def test_judge_prompt_layout():
    messages = build_judge_messages("Why?", ["Because.", "No idea."], dimension="immersion")
    content = messages[1]["content"]
    assert messages[0]["role"] == "system"
    assert content.startswith("[Question]\nWhy?\n\n[Assistant 1]\nBecause.\n\n[End of Assistant 1]\n\n[Assistant 2]\n")
    assert "[End of Assistant 2]\n\n[System]\n" in content
    assert "Assistant 2 > Assistant 1 = Assistant 3" in content  # the example ordering line
    assert "in-character" in content


@pytest.mark.parametrize("dimension", list(DIMENSIONS))
def test_every_dimension_has_its_own_instruction(dimension):
    text = judge_instruction(dimension, 3)
    assert "three AI assistants" in text and "Assistant 1 to Assistant 3" in text
    assert "scores from 1 to 10" in judge_instruction(dimension, 3, mode="score")


def test_unknown_dimension_is_named():
    with pytest.raises(ValueError, match="Unknown dimension 'style'"):
        judge_instruction("style", 2)

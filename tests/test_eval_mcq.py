"""Medical MCQ: loading (XMedBench as published and our JSONL), both protocols, Apollo's extraction and Table 3.

``fixtures/xmedbench/<lang>.json`` is written by us in the published layout (a JSON list per language, 4-space
indent) with every quirk of the real files: 12 sources in 6 languages, five options in French and in part of
Chinese, option texts ending in "." or "..", a cmexam answer naming several letters, PubMedQA rows with a context.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO_ROOT, run_cli
from llmzoo_hf.errors import ConfigError, DataError
from llmzoo_hf.eval import apollo
from llmzoo_hf.eval._mcq_items import _read_hub
from llmzoo_hf.eval.mcq import (
    MCQConfig,
    MCQData,
    accuracy_table,
    evaluate_mcq,
    extract_letter,
    format_prompt,
    load_mcq,
    parse_item,
    read_mcq,
)

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
XMEDBENCH = Path(__file__).parent / "fixtures" / "xmedbench"
BUNDLED = REPO_ROOT / "data" / "eval" / "mcq"
SOURCES = {
    "en": ["medqa-usmle", "medmcqa", "mmlu-medical", "pubmedqa"],
    "zh": ["medqa-mcmle", "cmmlu-medical", "cmexam", "cmb-single"],
    "fr": ["frenchmedmcqa"],
    "es": ["headqa"],
    "ar": ["mmlu-medical-ar"],
    "hi": ["mmlu-medical-hi"],
}


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


def test_published_layout_every_quirk():
    data = read_mcq(XMEDBENCH)
    assert {lang: sorted({i.source for i in data.items if i.lang == lang}) for lang in SOURCES} == {
        lang: sorted(sources) for lang, sources in SOURCES.items()
    }
    counts = {"ar": 2, "en": 8, "es": 2, "fr": 2, "hi": 2, "zh": 9}
    assert data.files == {str(XMEDBENCH / f"{lang}.json"): n for lang, n in counts.items()}
    assert data.bad_records == [] and len(data.items) == 25
    by_key = {(i.source, i.index): i for i in data.items}
    assert {len(i.options) for i in data.items if i.lang == "fr"} == {5}
    assert sorted(len(i.options) for i in data.items if i.source == "cmexam") == [4, 5, 5]
    assert by_key[("cmexam", 4)].answer == "ABCD"  # "(ABCD)" in the file
    assert by_key[("headqa", 0)].options[1] == ("B", "Fémur..")
    assert by_key[("headqa", 0)].options_raw == "(A) Húmero..\n(B) Fémur..\n(C) Tibia..\n(D) Radio.."
    assert by_key[("pubmedqa", 6)].context.startswith("In a randomized trial, 120 adults")
    assert by_key[("medqa-usmle", 0)].context is None
    assert data.multi_answer_counts() == {"zh/cmexam": 1}
    assert data.report()["multi_answer"] == {"zh/cmexam": 1}
    assert [(i.source, i.index) for i in data.first_per_source(1) if i.lang == "zh"] == [
        ("medqa-mcmle", 0),
        ("cmmlu-medical", 2),
        ("cmexam", 4),
        ("cmb-single", 7),
    ]
    # our prompt puts the PubMedQA context before the question
    assert format_prompt(by_key[("pubmedqa", 7)], []).endswith(
        "Context: A cohort of 300 medical students reported their coffee intake on exam mornings. Marks did not "
        "differ between coffee drinkers and abstainers after adjusting for study hours.\nQuestion: Does drinking "
        "coffee before an exam improve the marks of medical students?\n(A) yes\n(B) no\n(C) maybe\nAnswer:"
    )


def test_single_file_json_and_jsonl(tmp_path):
    # Apollo's merged metadata/test.json: one list of every language; the language comes from the source
    merged = [record for lang in SOURCES for record in json.loads((XMEDBENCH / f"{lang}.json").read_text())]
    (tmp_path / "test.json").write_text(json.dumps(merged, ensure_ascii=False), encoding="utf-8")
    items = load_mcq(tmp_path / "test.json")
    expected = [(i.lang, i.source, i.answer) for lang in SOURCES for i in load_mcq(XMEDBENCH / f"{lang}.json")]
    assert [(i.lang, i.source, i.answer) for i in items] == expected
    assert [i.index for i in items] == list(range(25))
    jsonl = tmp_path / "zh.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in merged if r["source"] == "cmexam"))
    assert [(i.lang, i.answer) for i in load_mcq(jsonl)] == [("zh", "ABCD"), ("zh", "C"), ("zh", "A")]


def test_bad_records_are_counted_and_named(tmp_path):
    good = json.loads((XMEDBENCH / "es.json").read_text())
    records = [
        good[0],
        {"question": "q", "options": "(A) a\n(B) b", "answer": "(E)", "source": "headqa"},
        "not an object",
        {"question": "q", "options": "A. a\nB. b", "answer": "(A)", "source": "headqa"},
        {"question": "q", "options": "(A) a\n(B) b", "source": "headqa"},
        good[1],
    ]
    (tmp_path / "es.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    data = read_mcq(tmp_path)
    es = str(tmp_path / "es.json")
    assert [i.index for i in data.items] == [0, 5] and data.files == {es: 2}
    assert [(b.file, b.index) for b in data.bad_records] == [(es, 1), (es, 2), (es, 3), (es, 4)]
    assert data.bad_records[0].reason == "answer '(E)' is not one (or several) of the options ['A', 'B']."
    assert data.bad_records[1].reason == "expected a JSON object, got str."
    assert "does not start with '(A) '" in data.bad_records[2].reason
    assert data.bad_records[3].reason.startswith("MCQ record lacks ['answer']")
    assert data.describe().splitlines()[:2] == [
        "2 items from 1 file(s); 4 bad record(s).",
        f"  left out {es}[1]: answer '(E)' is not one (or several) of the options ['A', 'B'].",
    ]
    # JSONL: a line that is not JSON is a bad record too
    (tmp_path / "ar.jsonl").write_text(json.dumps(good[0]) + "\n{broken\n" + json.dumps(good[1]) + "\n")
    data = read_mcq(tmp_path / "ar.jsonl")
    assert len(data.items) == 2 and [(b.index, b.reason[:7]) for b in data.bad_records] == [(1, "line 2:")]
    # only a file without a usable item is an error
    (tmp_path / "fr.json").write_text(json.dumps([records[1], records[2]]))
    with pytest.raises(DataError, match=r"fr.json: no usable MCQ item \(first problem, at index 0: answer '\(E\)'"):
        read_mcq(tmp_path)
    (tmp_path / "fr.json").write_text("[]")
    with pytest.raises(DataError, match=r"fr.json: no usable MCQ item \(the file is empty\)"):
        read_mcq(tmp_path / "fr.json")
    (tmp_path / "es.jsonl").write_text(json.dumps(good[0]) + "\n")
    with pytest.raises(DataError, match="both es.json and es.jsonl hold 'es'"):
        read_mcq(tmp_path, langs=["es"])


def test_parse_item_errors():
    with pytest.raises(DataError, match=r"x.jsonl:3: answer '\(E\)' is not one \(or several\) of the options"):
        parse_item(
            {"question": "q", "options": "(A) a\n(B) b", "answer": "(E)"}, lang="en", index=0, where="x.jsonl:3"
        )
    with pytest.raises(DataError, match="does not start with"):
        parse_item({"question": "q", "options": "A. a\nB. b", "answer": "(A)"}, lang="en", index=0, where="x")
    with pytest.raises(DataError, match=r"option letters \['A', 'C'\] must run A, B, C"):
        parse_item({"question": "q", "options": "(A) a\n(C) c", "answer": "(A)"}, lang="en", index=0, where="x")
    with pytest.raises(FileNotFoundError, match="No MCQ file for language 'xx'"):
        load_mcq(BUNDLED, langs=["xx"])


def test_hub_dataset_per_language_files(tmp_path):
    # A local folder stands in for the Hub repo: datasets.load_dataset(repo, data_files=...) reads both alike.
    repo = tmp_path / "XMedbench"
    shutil.copytree(XMEDBENCH, repo / "test")
    (repo / "dev").mkdir()
    shutil.copy(XMEDBENCH / "fr.json", repo / "dev" / "fr.json")
    data = MCQData(items=[])
    _read_hub(str(repo), data, langs=["fr", "zh"], split="test", revision=None)
    assert data.files == {f"{repo}/test/fr.json": 2, f"{repo}/test/zh.json": 9}
    assert [(i.lang, i.answer) for i in data.items if i.source == "cmexam"] == [
        ("zh", "ABCD"),
        ("zh", "C"),
        ("zh", "A"),
    ]
    data = MCQData(items=[])
    _read_hub(str(repo), data, langs=None, split="test", revision=None)
    assert sorted({i.source for i in data.items}) == sorted(s for sources in SOURCES.values() for s in sources)
    with pytest.raises(DataError, match=r"several files hold language 'fr'"):
        _read_hub(str(repo), MCQData(items=[]), langs=["fr"], split="validation", revision=None)


# Apollo's scorer (src/evaluate/generate_score.py), rule by rule: reply text -> letter it reads.
APOLLO_EXTRACTION = [
    ("(B)", "B"),
    ("The correct answer is (C).", "C"),
    ("正确答案是（D）。", "D"),  # full-width brackets
    ("(B）because", "B"),  # mixed brackets
    ("(b) is right", "B"),  # a bracketed letter in either case
    ("(f)", "F"),
    ("(A) or (B)? I pick (B).", "B"),  # the most frequent bracketed letter
    ("(A) and (B)", "A"),  # a tie goes to the letter seen first
    ("(a) vs (B) vs (b)", "B"),
    ("(G) (C)", "C"),  # G is not an answer letter
    ("B", "B"),  # no bracketed letter: any capital A-F in the line
    ("Answer C", "A"),  # ... every capital: the A of "Answer" ties with C and comes first
    ("the best answer: C", "C"),
    ("Choice: C", "C"),
    ("Based on the data, D", "B"),  # ... the capital B of "Based" ties with D and comes first
    ("The answer is E. Definitely E", "E"),
    ("\n\n(C) because\n(A)", "C"),  # the first non-empty line
    ("  \n(B)", None),  # a line of spaces is not empty
    ("\n\n", None),
    ("No. (C)", "C"),
    ("Yes.", "A"),
    ("No.", "B"),
    ("No.\nbecause the evidence", "B"),
    ("Yes", None),
    ("yes.", None),
    ("the answer is a", None),
    ("", None),
    ("La bonne réponse est (E).", "E"),
    ("सही उत्तर है(B).", "B"),
    ("(A)الإجابة الصحيحة هي.", "A"),
]


@pytest.mark.parametrize(("reply", "letter"), APOLLO_EXTRACTION)
def test_apollo_extraction(reply, letter):
    assert apollo.extract_answer(reply) == letter


def test_apollo_rescore_uses_the_first_letter():
    rows = [
        {"lang": "zh", "source": "cmexam", "answer": "ABCD", "generate_text": "(A)"},
        {"lang": "zh", "source": "cmexam", "answer": "ABCD", "generate_text": "正确答案是(C)."},
        {"lang": "en", "source": "pubmedqa", "answer": "B", "generate_text": "No."},
        {"lang": "en", "source": "pubmedqa", "answer": "A", "generate_text": "maybe"},
    ]
    rescored = apollo.rescore(rows)
    assert [(r["generate_pred"], r["generate_correct"]) for r in rescored] == [
        ("A", True),
        ("C", False),
        ("B", True),
        (None, False),
    ]
    assert accuracy_table(rescored, ["generate"])["generate"]["by_source"] == {
        "zh": {"cmexam": 0.5},
        "en": {"pubmedqa": 0.5},
    }


def _by_key():
    return {(i.source, i.index): i for i in load_mcq(XMEDBENCH)}


def test_apollo_prompts():
    items = _by_key()
    instruction_zh = "User:您是一名医生，正在回答现实世界的医学考试问题。请从A到E中选择一个正确答案。\n"
    # Chinese: Chinese shots, then the question itself in the English template (as Apollo's scripts do)
    prompt = apollo.build_prompt(items[("cmexam", 5)], [items[("cmexam", 4)]], eos="</s>", max_chars=4096)
    assert prompt.text == (
        instruction_zh + "问题: 下列哪些属于人体必需的营养素\n选项:\n(A) 水.\n(B) 蛋白质.\n(C) 维生素.\n(D) 矿物质.\n"
        "(E) 香料.\nAssistant:正确答案是(ABCD).</s>\n"
        "User:You are a medical doctor answering real-world medical exam questions. Select one correct answer from "
        "A to E.\nQuestion: 心脏有几个腔室\nOptions:\n(A) 二个.\n(B) 三个.\n(C) 四个.\n(D) 五个.\n(E) 六个.\nAssistant:"
    )
    assert prompt.over_limit is False and prompt.shots == [items[("cmexam", 4)]]
    # PubMedQA: the context line (with Apollo's trailing space) before the question; A to C
    prompt = apollo.build_prompt(items[("pubmedqa", 7)], [], eos="</s>", max_chars=4096)
    assert prompt.text == (
        "User:You are a medical doctor answering real-world medical exam questions. Select one correct answer from "
        "A to C. Choose ‘yes’ or ‘no’ if the evidence in the context supports a definitive answer. Choose ‘maybe’ if "
        "the evidence in the context does not support a definitive answer.\nContext: A cohort of 300 medical "
        "students reported their coffee intake on exam mornings. Marks did not differ between coffee drinkers and "
        "abstainers after adjusting for study hours. \nQuestion: Does drinking coffee before an exam improve the "
        "marks of medical students?\nOptions:\n(A) yes\n(B) no\n(C) maybe\nAssistant:"
    )
    # Arabic names the letters in Arabic; its answer sentence puts the letter first
    prompt = apollo.build_prompt(
        items[("mmlu-medical-ar", 1)], [items[("mmlu-medical-ar", 0)]], eos="</s>", max_chars=4096
    )
    assert prompt.text.startswith(
        "User:أنت طبيب يجيب على أسئلة الفحص الطبي في العالم الحقيقي. الرجاء اختيار الإجابة الصحيحة من أ إلى د.\n"
        "سؤال: ما هو العضو الذي يفرز الأنسولين؟\nخيارات:\n(A) الكبد\n(B) البنكرياس\n(C) الطحال\n(D) الكلية\n"
        "Assistant:(B)الإجابة الصحيحة هي.</s>\n"
    )
    # French: five options, A to E
    prompt = apollo.build_prompt(items[("frenchmedmcqa", 0)], [], eos="</s>", max_chars=4096)
    assert prompt.text == (
        "User:Vous êtes un médecin et répondez à des questions d'examen médical du monde réel. Veuillez choisir une "
        "bonne réponse de A à E.\nquestion: Quel organe produit l'insuline ?\nPossibilités:\n(A) Le foie.\n"
        "(B) Le pancréas.\n(C) La rate.\n(D) Le rein.\n(E) L'estomac.\nAssistant:"
    )
    es = apollo.build_prompt(items[("headqa", 0)], [], eos="</s>", max_chars=4096).text
    hi = apollo.build_prompt(items[("mmlu-medical-hi", 0)], [], eos="</s>", max_chars=4096).text
    assert es.startswith(
        "User:Usted es un médico que responde preguntas de exámenes médicos del mundo real. Elija una "
        "respuesta correcta de la A a la D.\npregunta: El hueso más largo"
    )
    assert hi.startswith(
        "User:आप एक डॉक्टर हैं जो वास्तविक दुनिया की मेडिकल परीक्षा के सवालों का जवाब दे रहे हैं। "
        "कृपया A से D तक सही उत्तर चुनें।\nसवाल: मानव शरीर"
    )


def test_apollo_shot_limit_and_seed():
    items = _by_key()
    item, shot = items[("cmexam", 5)], items[("cmexam", 4)]
    question = apollo.build_prompt(item, [], eos="</s>", max_chars=4096).text
    with_shot = apollo.build_prompt(item, [shot], eos="</s>", max_chars=4096).text
    # a shot is kept only while the prompt stays strictly under the limit
    assert apollo.build_prompt(item, [shot], eos="</s>", max_chars=len(with_shot) + 1).shots == [shot]
    assert apollo.build_prompt(item, [shot], eos="</s>", max_chars=len(with_shot)).shots == []
    over = apollo.build_prompt(item, [shot], eos="</s>", max_chars=len(question) - 1)
    assert over.text == question and over.over_limit is True  # kept and flagged (Apollo's scripts drop it)
    pool = list(items.values())
    first = apollo.pick_shots(item, pool, 3, seed=0)
    assert sorted((s.source, s.index) for s in first) == [("cmexam", 4), ("cmexam", 6)]  # same source, never itself
    assert apollo.pick_shots(item, pool, 3, seed=0) == first  # fixed seed: same draw every run
    assert apollo.pick_shots(items[("headqa", 0)], pool, 3, seed=0) == [items[("headqa", 1)]]


def test_apollo_table():
    by_source = {"medqa-usmle": 0.5, "medmcqa": 0.25, "pubmedqa": 1.0}
    table = apollo.format_apollo_table(by_source, model_name="my-model", published=["GPT-4", "Apollo-7B"])
    assert table.splitlines() == [
        "| Model | MedQA-USMLE | MedMCQA | MMLU-en | MedQA-MCMLE | CMMLU | FrMedMCQA | HEAD-QA | MMLU-ar | MMLU-hi | Avg |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        "| GPT-4 | 79.10 | 70.40 | 86.00 | 65.72 | 65.72 | 89.72 | 85.05 | 56.43 | 62.17 | 73.37 |",
        "| Apollo-7B | 56.00 | 58.21 | 71.86 | 72.36 | 59.04 | 60.44 | 63.73 | 41.82 | 45.55 | 58.78 |",
        "| **my-model** | 50.00 | 25.00 | – | – | – | – | – | – | – | 37.50 (2/9) |",
    ]
    full = {c.source: 0.5 for c in apollo.table_columns()}
    assert apollo.format_apollo_table(full, model_name="m", published=[]).splitlines()[-1].endswith("| 50.00 |")
    assert apollo.select_published(apollo.default_published()) == [
        "GPT-4",
        "GPT-3.5",
        "Apollo-0.5B",
        "Apollo-1.8B",
        "Apollo-2B",
        "Apollo-6B",
        "Apollo-7B",
        "Apollo-MedJamba",
        "Apollo-34B",
        "Apollo-72B",
    ]
    with pytest.raises(ValueError, match="No published model matches 'GPT-5'"):
        apollo.select_published(["GPT-5"])
    # Table 3's Avg is the mean of its nine columns
    scores = apollo.published_scores()["Apollo-72B"]
    assert round(sum(scores[c.published] for c in apollo.table_columns()) / 9, 2) == scores["avg"]


def test_config_defaults_per_protocol():
    assert (MCQConfig().methods, MCQConfig().k_shot, MCQConfig().max_new_tokens) == (["loglik", "generate"], 0, 16)
    config = MCQConfig(protocol="apollo")
    assert (config.methods, config.k_shot, config.max_new_tokens, config.max_prompt_chars) == (
        ["generate"],
        3,
        256,
        4096,
    )
    with pytest.raises(ConfigError, match="the apollo protocol scores generated replies only"):
        MCQConfig(protocol="apollo", methods=["loglik"])
    with pytest.raises(ConfigError, match="protocol='helm' is not one of"):
        MCQConfig(protocol="helm")


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
    items = [i for i in load_mcq(BUNDLED, langs=["en"]) if i.index < 6]
    items += [i for i in load_mcq(XMEDBENCH, langs=["zh", "en"]) if i.source in ("cmexam", "pubmedqa")]
    result = evaluate_mcq(embedded_chat, items, k_shot=1, batch_size=8, max_new_tokens=4)
    assert len(result.items) == 11
    for method in ("loglik", "generate"):
        acc = result.accuracy[method]
        recount = sum(row[f"{method}_correct"] for row in result.items) / len(result.items)
        assert acc["overall"] == recount and 0.0 <= recount <= 1.0
    for row in result.items:
        # several correct letters: right if the choice is any of them
        assert row["loglik_correct"] == (row["loglik_pred"] in row["answer"])
        assert row["generate_correct"] == (row["generate_pred"] is not None and row["generate_pred"] in row["answer"])
        assert row["generate_pred"] == extract_letter(row["generate_text"], list("ABCDE"[: len(row["loglik_scores"])]))
    assert [len(r["loglik_scores"]) for r in result.items[6:]] == [5, 5, 4, 3, 3]
    assert result.items[6]["answer"] == "ABCD"


@pytest.mark.slow
def test_cli_mcq(tmp_path):
    proc = run_cli(
        "eval",
        "mcq",
        "--langs",
        "fr",
        "--limit",
        "1",
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


@pytest.mark.slow
def test_cli_mcq_apollo_protocol(tmp_path):
    """``--protocol apollo`` on the published layout: every source scored (one item each, to keep it fast; shots
    come from the whole file), rows re-scorable with Apollo's rules."""
    proc = run_cli(
        "eval",
        "mcq",
        "--data",
        str(XMEDBENCH),
        "--protocol",
        "apollo",
        "--max-new-tokens",
        "8",
        "--limit",
        "1",
        "--published",
        "GPT-4",
        "Apollo-7B",
        "--out",
        str(tmp_path / "mcq.json"),
        "--table",
        str(tmp_path / "mcq.md"),
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads((tmp_path / "mcq.json").read_text())
    fixture = {(i.source, i.index): i for i in load_mcq(XMEDBENCH)}
    assert len(result["items"]) == 12 and len(fixture) == 25
    assert result["settings"] == {
        "protocol": "apollo",
        "methods": ["generate"],
        "k_shot": 3,
        "seed": 0,
        "batch_size": 8,
        "max_new_tokens": 8,
        "max_prompt_chars": 4096,
        "stop_after_first_line": True,
    }
    assert result["data_report"]["multi_answer"] == {"zh/cmexam": 1} and result["data_report"]["bad_records"] == []
    for row in result["items"]:
        item = fixture[(row["source"], row["index"])]
        assert (row["lang"], row["answer"]) == (item.lang, item.answer)
        assert row["generate_pred"] == apollo.extract_answer(row["generate_text"])  # Apollo's scorer agrees
        assert row["generate_correct"] == (row["generate_pred"] == row["answer"][0])
        assert row["index"] not in row["shots"] and len(row["shots"]) == (2 if row["source"] == "cmexam" else 1)
        assert not row["over_limit"]
    by_source = result["accuracy"]["generate"]["by_source"]
    assert {lang: sorted(sources) for lang, sources in by_source.items()} == {
        lang: sorted(sources) for lang, sources in SOURCES.items()
    }
    for sources in by_source.values():
        for source, acc in sources.items():
            rows = [r for r in result["items"] if r["source"] == source]
            assert len(rows) == 1 and acc == rows[0]["generate_correct"]
    table = (tmp_path / "mcq.md").read_text().splitlines()
    assert table[0].startswith("| Model | MedQA-USMLE | MedMCQA | MMLU-en |") and table[0].endswith("| Avg |")
    assert table[2] == "| GPT-4 | 79.10 | 70.40 | 86.00 | 65.72 | 65.72 | 89.72 | 85.05 | 56.43 | 62.17 | 73.37 |"
    assert table[3].startswith("| Apollo-7B | 56.00 |")
    lang_of = {source: lang for lang, sources in SOURCES.items() for source in sources}
    ours = [100 * by_source[lang_of[c.source]][c.source] for c in apollo.table_columns()]
    cells = " | ".join(f"{value:.2f}" for value in ours)
    assert table[4] == f"| **SmolLM2-135M-Instruct** | {cells} | {sum(ours) / 9:.2f} |", table
    assert f"| zh | cmexam | 1 | {100 * by_source['zh']['cmexam']:.1f} |" in table
    assert table[-1] == "  items with several correct letters: zh/cmexam: 1"

#!/usr/bin/env python
"""Validate the bundled evaluation data under data/eval/ and print counts.

Checks the three layouts used by llmzoo_hf:

* general question sets  ``questions_general_{en,zh}.jsonl``
  ``{"question_id", "text", "category", "lang", "meta_data"}``
* multilingual sets      ``multilingual/<lang>.jsonl``  ``{"id", "label", "query"}``
* medical MCQ sets       ``mcq/<lang>.jsonl``  ``{"question", "options", "answer", "source"}``

Usage::

    python scripts/check_eval_data.py [--root DATA_EVAL_DIR]

Exits with status 1 (and lists every problem) when anything is wrong, 0 otherwise.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

GENERAL_LANGS = ("en", "zh")
GENERAL_CATEGORY_COUNTS = {
    "generic": 10,
    "knowledge": 10,
    "roleplay": 10,
    "common-sense": 10,
    "fermi": 10,
    "counterfactual": 10,
    "coding": 7,
    "math": 3,
    "writing": 10,
}
GENERAL_CATEGORY_ORDER = list(GENERAL_CATEGORY_COUNTS)
GENERAL_KEYS = {"question_id", "text", "category", "lang", "meta_data"}

MULTI_LANGS = ("en", "zh", "es", "fr", "de", "ar", "hi", "ja", "ko", "ru", "pt", "it")
MULTI_SIZE = 30
MULTI_LABELS = ("generic", "knowledge", "roleplay", "common-sense", "writing", "fermi", "counterfactual")
MULTI_KEYS = {"id", "label", "query"}

MCQ_LANGS = ("en", "zh", "fr", "es", "ar", "hi")
MCQ_MIN_ITEMS = 24
MCQ_MIN_PER_SOURCE = 5
MCQ_SOURCES = (
    "llmzoo-sample-anatomy",
    "llmzoo-sample-pharmacology",
    "llmzoo-sample-first-aid",
    "llmzoo-sample-public-health",
)
MCQ_KEYS = {"question", "options", "answer", "source"}
MCQ_ANSWERS = ("(A)", "(B)", "(C)", "(D)")
OPTIONS_RE = re.compile(r"^\([A-D]\) .+(\n\([A-D]\) .+){3}$")
# Each letter should carry at least this share of the correct answers ("roughly even").
MCQ_MIN_LETTER_SHARE = 0.15

# Scripts that must appear in the text of a language's file (a cheap "is it really
# written in that language" check).
SCRIPT_RANGES = {
    "zh": [(0x4E00, 0x9FFF)],
    "ja": [(0x3040, 0x30FF)],
    "ko": [(0xAC00, 0xD7AF)],
    "ar": [(0x0600, 0x06FF)],
    "hi": [(0x0900, 0x097F)],
    "ru": [(0x0400, 0x04FF)],
}


class Report:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def error(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")


def _has_script(text: str, lang: str) -> bool:
    ranges = SCRIPT_RANGES.get(lang)
    if not ranges:
        return True
    return any(lo <= ord(ch) <= hi for ch in text for lo, hi in ranges)


def read_jsonl(path: Path, rep: Report) -> list[dict] | None:
    if not path.is_file():
        rep.error(str(path), "missing file")
        return None
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        rep.error(str(path), f"not valid UTF-8 ({exc})")
        return None
    if raw.startswith("\ufeff"):
        rep.error(str(path), "starts with a byte-order mark")
        raw = raw.lstrip("\ufeff")
    if raw and not raw.endswith("\n"):
        rep.error(str(path), "last line has no trailing newline")
    rows: list[dict] = []
    escaped_lines: list[int] = []
    for n, line in enumerate(raw.split("\n")[:-1] if raw.endswith("\n") else raw.split("\n"), start=1):
        where = f"{path}:{n}"
        if not line.strip():
            rep.error(where, "blank line")
            continue
        if "\\u" in line:
            escaped_lines.append(n)
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            rep.error(where, f"invalid JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            rep.error(where, "line is not a JSON object")
            continue
        rows.append(obj)
    if escaped_lines:
        rep.error(
            str(path),
            f"{len(escaped_lines)} line(s) contain \\u escapes, first at line "
            f"{escaped_lines[0]} (write with ensure_ascii=False)",
        )
    return rows


def _check_ids(rows: list[dict], key: str, expected_n: int | None, where: str, rep: Report) -> None:
    ids = [r.get(key) for r in rows]
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        rep.error(where, f"every {key!r} must be an int")
        return
    dup = [i for i, c in Counter(ids).items() if c > 1]
    if dup:
        rep.error(where, f"duplicate {key} values: {sorted(dup)}")
    if ids != list(range(1, len(ids) + 1)):
        rep.error(where, f"{key} values are not 1..{len(ids)} in order")
    if expected_n is not None and len(ids) != expected_n:
        rep.error(where, f"expected {expected_n} rows, found {len(ids)}")


def _nonempty_str(v) -> bool:
    return isinstance(v, str) and v.strip() != "" and v == v.strip()


def check_general(root: Path, rep: Report) -> dict:
    summary = {}
    per_lang: dict[str, list[dict]] = {}
    expected_total = sum(GENERAL_CATEGORY_COUNTS.values())
    for lang in GENERAL_LANGS:
        path = root / f"questions_general_{lang}.jsonl"
        rows = read_jsonl(path, rep)
        if rows is None:
            continue
        where = str(path)
        for r in rows:
            w = f"{where} question_id={r.get('question_id')}"
            if set(r) != GENERAL_KEYS:
                rep.error(w, f"keys {sorted(r)} != {sorted(GENERAL_KEYS)}")
            if not _nonempty_str(r.get("text")):
                rep.error(w, "text must be a non-empty string without surrounding whitespace")
            elif not _has_script(r["text"], lang) and r.get("category") not in ("coding",):
                rep.error(w, f"text does not look like {lang}")
            if r.get("category") not in GENERAL_CATEGORY_COUNTS:
                rep.error(w, f"unknown category {r.get('category')!r}")
            if r.get("lang") != lang:
                rep.error(w, f"lang {r.get('lang')!r} != {lang!r}")
            meta = r.get("meta_data")
            if not isinstance(meta, dict):
                rep.error(w, "meta_data must be an object")
            elif r.get("category") == "math":
                if set(meta) != {"answer"} or not _nonempty_str(meta.get("answer")):
                    rep.error(w, 'math question needs meta_data {"answer": "<non-empty string>"}')
            elif meta:
                rep.error(w, "meta_data must be {} outside the math category")
        _check_ids(rows, "question_id", expected_total, where, rep)
        counts = Counter(r.get("category") for r in rows)
        for cat, n in GENERAL_CATEGORY_COUNTS.items():
            if counts.get(cat, 0) != n:
                rep.error(where, f"category {cat!r}: expected {n}, found {counts.get(cat, 0)}")
        # categories come in blocks in the canonical order
        cats = [r.get("category") for r in rows]
        expected_cats = [c for c in GENERAL_CATEGORY_ORDER for _ in range(GENERAL_CATEGORY_COUNTS[c])]
        if cats != expected_cats and len(cats) == len(expected_cats):
            rep.error(where, "categories are not in the canonical order " + ", ".join(GENERAL_CATEGORY_ORDER))
        texts = [r.get("text") for r in rows]
        dup = [t for t, c in Counter(texts).items() if c > 1]
        if dup:
            rep.error(where, f"duplicate question texts: {dup[:3]}")
        per_lang[lang] = rows
        summary[lang] = (len(rows), dict(counts))
    if len(per_lang) == len(GENERAL_LANGS):
        a, b = (per_lang[lang] for lang in GENERAL_LANGS)
        ka = [(r.get("question_id"), r.get("category"), r.get("meta_data")) for r in a]
        kb = [(r.get("question_id"), r.get("category"), r.get("meta_data")) for r in b]
        if ka != kb:
            rep.error("questions_general", "en and zh files differ in question_id / category / meta_data")
    return summary


def _language_files(base: Path, langs, rep: Report):
    """Report files in ``base`` that are no known language; yield ``(lang, path, rows)`` for each readable file."""
    if base.is_dir():
        extra = sorted(p.name for p in base.glob("*.jsonl") if p.stem not in langs)
        if extra:
            rep.error(str(base), f"unexpected files: {extra}")
    for lang in langs:
        path = base / f"{lang}.jsonl"
        rows = read_jsonl(path, rep)
        if rows is not None:
            yield lang, path, rows


def check_multilingual(root: Path, rep: Report) -> dict:
    summary = {}
    for lang, path, rows in _language_files(root / "multilingual", MULTI_LANGS, rep):
        where = str(path)
        for r in rows:
            w = f"{where} id={r.get('id')}"
            if set(r) != MULTI_KEYS:
                rep.error(w, f"keys {sorted(r)} != {sorted(MULTI_KEYS)}")
            if r.get("label") not in MULTI_LABELS:
                rep.error(w, f"unknown label {r.get('label')!r}")
            if not _nonempty_str(r.get("query")):
                rep.error(w, "query must be a non-empty string without surrounding whitespace")
            elif not _has_script(r["query"], lang):
                rep.error(w, f"query does not look like {lang}")
        _check_ids(rows, "id", MULTI_SIZE, where, rep)
        counts = Counter(r.get("label") for r in rows)
        missing = [lab for lab in MULTI_LABELS if counts.get(lab, 0) == 0]
        if missing:
            rep.error(where, f"labels not used: {missing}")
        queries = [r.get("query") for r in rows]
        dup = [q for q, c in Counter(queries).items() if c > 1]
        if dup:
            rep.error(where, f"duplicate queries: {dup[:3]}")
        summary[lang] = (len(rows), dict(counts))
    return summary


def check_mcq(root: Path, rep: Report) -> dict:
    summary = {}
    for lang, path, rows in _language_files(root / "mcq", MCQ_LANGS, rep):
        where = str(path)
        for n, r in enumerate(rows, start=1):
            w = f"{where} item {n}"
            if set(r) != MCQ_KEYS:
                rep.error(w, f"keys {sorted(r)} != {sorted(MCQ_KEYS)}")
            if not _nonempty_str(r.get("question")):
                rep.error(w, "question must be a non-empty string without surrounding whitespace")
            elif not _has_script(r["question"], lang):
                rep.error(w, f"question does not look like {lang}")
            opts = r.get("options")
            if not isinstance(opts, str) or not OPTIONS_RE.match(opts):
                rep.error(w, "options do not match ^\\([A-D]\\) .+(\\n\\([A-D]\\) .+){3}$")
            else:
                lines = opts.split("\n")
                letters = [ln[:3] for ln in lines]
                if letters != list(MCQ_ANSWERS):
                    rep.error(w, f"option letters {letters} are not (A)..(D) in order")
                bodies = [ln[4:].strip() for ln in lines]
                if any(not b for b in bodies):
                    rep.error(w, "empty option text")
                if len(set(bodies)) != 4:
                    rep.error(w, "options are not distinct")
                ans = r.get("answer")
                if ans not in MCQ_ANSWERS:
                    rep.error(w, f"answer {ans!r} not one of {MCQ_ANSWERS}")
                elif ans not in letters:
                    rep.error(w, f"answer {ans} not among the options")
            if r.get("source") not in MCQ_SOURCES:
                rep.error(w, f"unknown source {r.get('source')!r}")
        if len(rows) < MCQ_MIN_ITEMS:
            rep.error(where, f"expected at least {MCQ_MIN_ITEMS} items, found {len(rows)}")
        src = Counter(r.get("source") for r in rows)
        for s in MCQ_SOURCES:
            if src.get(s, 0) < MCQ_MIN_PER_SOURCE:
                rep.error(where, f"source {s!r}: expected at least {MCQ_MIN_PER_SOURCE}, found {src.get(s, 0)}")
        ans = Counter(r.get("answer") for r in rows)
        for letter in MCQ_ANSWERS:
            if rows and ans.get(letter, 0) < MCQ_MIN_LETTER_SHARE * len(rows):
                rep.error(where, f"answer {letter} used {ans.get(letter, 0)} of {len(rows)} times (too uneven)")
        qs = [r.get("question") for r in rows]
        dup = [q for q, c in Counter(qs).items() if c > 1]
        if dup:
            rep.error(where, f"duplicate questions: {dup[:3]}")
        summary[lang] = (len(rows), dict(src), dict(ans))
    return summary


def check_readme(root: Path, rep: Report) -> None:
    path = root / "README.md"
    if not path.is_file():
        rep.error(str(path), "missing file")
        return
    text = path.read_text(encoding="utf-8")
    if "Apache-2.0" not in text:
        rep.error(str(path), "no Apache-2.0 licence line")


def main(argv: list[str] | None = None) -> int:
    default_root = Path(__file__).resolve().parent.parent / "data" / "eval"
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=default_root, help="the data/eval directory (default: %(default)s)")
    args = ap.parse_args(argv)
    root: Path = args.root
    rep = Report()

    general = check_general(root, rep)
    multi = check_multilingual(root, rep)
    mcq = check_mcq(root, rep)
    check_readme(root, rep)

    print(f"Evaluation data under {root}")
    print("General question sets:")
    for lang, (n, cats) in general.items():
        cat_txt = ", ".join(f"{c}={cats.get(c, 0)}" for c in GENERAL_CATEGORY_ORDER)
        print(f"  questions_general_{lang}.jsonl: {n} questions ({cat_txt})")
    print("Multilingual sets:")
    for lang, (n, labels) in multi.items():
        lab_txt = ", ".join(f"{lab}={labels.get(lab, 0)}" for lab in MULTI_LABELS)
        print(f"  multilingual/{lang}.jsonl: {n} queries ({lab_txt})")
    print(f"  total: {sum(n for n, _ in multi.values())} queries in {len(multi)} languages")
    print("Medical MCQ sets:")
    for lang, (n, src, ans) in mcq.items():
        src_txt = ", ".join(f"{s.replace('llmzoo-sample-', '')}={src.get(s, 0)}" for s in MCQ_SOURCES)
        ans_txt = " ".join(f"{a}={ans.get(a, 0)}" for a in MCQ_ANSWERS)
        print(f"  mcq/{lang}.jsonl: {n} items ({src_txt}; answers {ans_txt})")
    print(f"  total: {sum(v[0] for v in mcq.values())} items in {len(mcq)} languages")

    if rep.problems:
        print(f"\n{len(rep.problems)} problem(s):", file=sys.stderr)
        for p in rep.problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    print("\nOK: no problems found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

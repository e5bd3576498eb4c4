#!/usr/bin/env python
"""Validate the bundled sample data in ``data/`` and print its row counts per file and language.

Checks, for conversations.jsonl, instructions.jsonl and user_centered.jsonl:
- every line is one JSON object with exactly the keys of its layout, every value a non-empty string
  (``input`` may be empty) with no leading or trailing whitespace;
- ids are unique within a file and read ``<prefix>-<lang>-<nnn>`` with the row's own ``lang``;
- ``lang`` is one of the sample's languages, and rows in a non-Latin language contain that script;
- conversation turns alternate ``human``/``gpt``, start with ``human`` and end with ``gpt``;
- the sample's promises: per-language minimum counts and at least 60% multi-turn conversations
  (skip these with ``--no-minimums`` when checking other files of the same layout).

Usage:
    python scripts/check_sample_data.py            # checks data/
    python scripts/check_sample_data.py path/to/dir --no-minimums

Exits with status 1 and lists every problem found, or 0 when the files pass.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from make_sample_data import load_languages  # scripts/ is on sys.path when this file runs as a script

MAIN_LANGS, EXTRA_LANGS = load_languages()  # data/sources/languages.yaml
LANGS = MAIN_LANGS + EXTRA_LANGS

# file stem -> (id prefix, keys of a row in order, minimum rows per main language, minimum rows in total)
LAYOUTS = {
    "conversations": ("conv", ("id", "lang", "conversations"), 25, 330),
    "instructions": ("inst", ("id", "lang", "instruction", "input", "output"), 15, 220),
    "user_centered": ("uc", ("id", "lang", "role", "instruction", "input", "output"), 8, 110),
}
MIN_MULTI_TURN_SHARE = 0.6
MIN_LANG_ROWS_EXTRA = 1  # pt, it, vi, id and tr only need "a few" rows

# A row labelled with one of these languages must contain at least one character of its script; this catches a
# row filed under the wrong language. Latin-script languages cannot be told apart this cheaply and are not checked.
SCRIPTS = {
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),  # kana: Chinese text has none
    "ko": re.compile(r"[\uac00-\ud7af]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "hi": re.compile(r"[\u0900-\u097f]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
}


def _check_text(value, where: str, problems: list[str], *, may_be_empty: bool = False) -> None:
    """Record a problem unless ``value`` is a clean string (non-empty unless ``may_be_empty``)."""
    if not isinstance(value, str):
        problems.append(f"{where}: expected a string, got {type(value).__name__}")
    elif not value.strip() and not (may_be_empty and not value):
        problems.append(f"{where}: empty or whitespace-only string")
    elif value != value.strip():
        problems.append(f"{where}: leading or trailing whitespace")


def check_file(path: Path, stem: str, problems: list[str]) -> tuple[Counter, int]:
    """Check one JSONL file; return its rows per language and its number of multi-turn conversations."""
    prefix, keys, _, _ = LAYOUTS[stem]
    id_pattern = re.compile(rf"^{prefix}-([a-z]{{2}})-\d{{3}}$")
    per_lang: Counter = Counter()
    seen_ids: set[str] = set()
    multi_turn = 0
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{where}: not valid JSON ({err})")
            continue
        if not isinstance(row, dict) or tuple(row) != keys:
            got = list(row) if isinstance(row, dict) else type(row).__name__
            problems.append(f"{where}: expected an object with keys {list(keys)}, got {got}")
            continue
        row_id, lang = row["id"], row["lang"]
        where = f"{path.name}:{lineno} ({row_id})"
        if lang not in LANGS:
            problems.append(f"{where}: lang {lang!r} is not one of {', '.join(LANGS)}")
        match = id_pattern.match(row_id) if isinstance(row_id, str) else None
        if match is None or match.group(1) != lang:
            problems.append(f"{where}: id should read '{prefix}-{lang}-<nnn>'")
        if row_id in seen_ids:
            problems.append(f"{where}: duplicate id")
        seen_ids.add(row_id)
        per_lang[lang] += 1

        if stem == "conversations":
            turns = row["conversations"]
            if not isinstance(turns, list) or len(turns) < 2 or len(turns) % 2:
                problems.append(f"{where}: 'conversations' must be a list of human/gpt pairs")
                continue
            for i, turn in enumerate(turns):
                expected = "human" if i % 2 == 0 else "gpt"
                if not isinstance(turn, dict) or set(turn) != {"from", "value"}:
                    problems.append(f"{where}: turn {i} must be an object with keys 'from' and 'value'")
                    continue
                if turn["from"] != expected:
                    problems.append(f"{where}: turn {i} is from {turn['from']!r}, expected {expected!r}")
                _check_text(turn["value"], f"{where} turn {i}", problems)
            multi_turn += len(turns) > 2
            texts = [t.get("value", "") for t in turns if isinstance(t, dict)]
        else:
            for key in keys[2:]:
                _check_text(row[key], f"{where} {key}", problems, may_be_empty=key == "input")
            texts = [row[key] for key in keys[2:]]
        script = SCRIPTS.get(lang)
        if script and not any(isinstance(t, str) and script.search(t) for t in texts):
            problems.append(f"{where}: labelled {lang!r} but contains no {lang} script")
    return per_lang, multi_turn


def main(argv: list[str] | None = None) -> int:
    """Check the three sample files, print their counts, and return 1 if anything is wrong."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "data",
        help="folder holding conversations.jsonl, instructions.jsonl and user_centered.jsonl (default: %(default)s)",
    )
    parser.add_argument(
        "--no-minimums",
        action="store_true",
        help="skip the sample's minimum counts and multi-turn share; check layout only",
    )
    args = parser.parse_args(argv)

    problems: list[str] = []
    counts: dict[str, Counter] = {}
    for stem, (_, _, min_main, min_total) in LAYOUTS.items():
        path = args.data_dir / f"{stem}.jsonl"
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        per_lang, multi_turn = check_file(path, stem, problems)
        counts[stem] = per_lang
        total = sum(per_lang.values())
        if stem == "conversations":
            share = multi_turn / total if total else 0.0
            print(f"conversations: {multi_turn} of {total} are multi-turn ({share:.0%})")
            if not args.no_minimums and share < MIN_MULTI_TURN_SHARE:
                problems.append(f"{path.name}: {share:.0%} multi-turn, expected at least {MIN_MULTI_TURN_SHARE:.0%}")
        if args.no_minimums:
            continue
        if total < min_total:
            problems.append(f"{path.name}: {total} rows, expected at least {min_total}")
        for lang in LANGS:
            minimum = min_main if lang in MAIN_LANGS else MIN_LANG_ROWS_EXTRA
            if per_lang[lang] < minimum:
                problems.append(f"{path.name}: {per_lang[lang]} rows in {lang!r}, expected at least {minimum}")

    stems = list(counts)
    print(f"\n{'lang':<6}" + "".join(f"{stem:>16}" for stem in stems))
    seen = {lang for c in counts.values() for lang in c}
    for lang in [lang for lang in LANGS if lang in seen] + sorted(seen - set(LANGS)):
        print(f"{lang:<6}" + "".join(f"{counts[stem][lang]:>16}" for stem in stems))
    print(f"{'total':<6}" + "".join(f"{sum(counts[stem].values()):>16}" for stem in stems))

    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

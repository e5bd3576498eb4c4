#!/usr/bin/env python
"""Build the bundled sample training data in ``data/`` from the per-language source files in ``data/sources/``.

``data/sources/languages.yaml`` lists the languages; ``data/sources/<lang>.yaml`` holds that language's
hand-written rows, written natively in the language, plus the phrasings of a few arithmetic word problems and
unit conversions. This script fills those phrasings with numbers it computes (so the arithmetic in the data is
always right), numbers the rows and writes them round-robin over languages.

Word-problem placeholders (``{name}`` in a phrasing): shop {n} {p} {t} {b} {c} (money) and {pn} {tn} {bn} {cn}
(bare numbers); speed {d} {h} {v} {d2} {t}; discount {price} {pct} {save} {sale} {extra} {final} {total} {naive}
(+ _m for money, _dec for the factor); km {km} {mi} {mi2} {km2}; temp {c} {f} {f2} {c2}; kg {kg} {lb};
cm {cm} {inch}; pct {p} {base} {res} {p_dec}. Languages whose nouns agree with numbers (Arabic, Russian) add
{<key>_w}, the number followed by its inflected noun (their ``number_words``).

Usage:
    python scripts/make_sample_data.py              # writes data/*.jsonl and the count table of data/README.md
    python scripts/make_sample_data.py --out-dir /tmp/sample
    python scripts/make_sample_data.py --check      # exits 1 unless data/ is what the sources produce
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SOURCES_DIR = DATA_DIR / "sources"
FILE_STEMS = ("conversations", "instructions", "user_centered")
COUNTS_START = "<!-- counts:start -->"
COUNTS_END = "<!-- counts:end -->"


def load_languages(sources_dir: Path = SOURCES_DIR) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the main and the extra languages of the sample, in file order, from ``languages.yaml``."""
    listing = yaml.safe_load((sources_dir / "languages.yaml").read_text(encoding="utf-8"))
    return tuple(listing["main"]), tuple(listing["extra"])


def load_source(lang: str, sources_dir: Path = SOURCES_DIR) -> dict:
    """Return the parsed source file of ``lang``."""
    return yaml.safe_load((sources_dir / f"{lang}.yaml").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------------------------
# Number formatting. Decimal (not float) so that 3 x 2.45 prints 7.35, not 7.3500000000000005.
# ``fmt`` is the ``numbers`` block of a language's source file.
# ---------------------------------------------------------------------------------------------------------------
def D(x) -> Decimal:
    """Return ``x`` as a Decimal, going through ``str`` so that 2.45 stays exactly 2.45."""
    return x if isinstance(x, Decimal) else Decimal(str(x))


def rnd(x, places: int = 1) -> Decimal:
    """Round half up to ``places`` decimals (the rounding people are taught at school)."""
    return D(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def is_int(x) -> bool:
    """Return True when ``x`` has no fractional part."""
    return D(x) == D(x).to_integral_value()


def num(x, fmt: dict, places: int = 2) -> str:
    """Format a number the way the language writes it: decimal mark, digit grouping, no trailing zeros."""
    s = f"{rnd(x, places):f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    whole, _, frac = s.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    if len(whole) >= fmt.get("group_from_digits", 4):
        groups = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = fmt["thousands_separator"].join(groups)
    out = sign + whole
    if frac:
        out += fmt["decimal_mark"] + frac
    return out


def cents(x, fmt: dict) -> str:
    """Format ``x`` with exactly two decimals (1.5 -> 1.50)."""
    whole, _, frac = f"{rnd(x, 2):f}".partition(".")
    return num(Decimal(whole), fmt) + fmt["decimal_mark"] + frac


def amount(x, fmt: dict) -> str:
    """Format an amount of money as a bare number: with cents when the language uses them and ``x`` has some."""
    return cents(x, fmt) if fmt["cents"] and not is_int(x) else num(x, fmt)


def ru_form(x, one: str, few: str, many: str) -> str:
    """Pick the Russian noun form that agrees with ``x`` (1 рубль, 2 рубля, 5 рублей, 2,5 рубля)."""
    if not is_int(x):
        return few  # a fraction takes the genitive singular, which is the "few" form
    n = int(x)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def ar_form(x, plural: str, accusative: str, genitive: str) -> str:
    """Pick the Arabic counted-noun form for ``x``: 3-10 plural, 11-99 accusative singular, else genitive."""
    if not is_int(x):
        return genitive
    n = int(x)
    r = n % 100
    if n in (1, 2) or (n > 100 and r in (1, 2)):
        raise ValueError(f"pick another number than {n}: Arabic 1 and 2 need their own wording")
    if 3 <= r <= 10:
        return plural
    if 11 <= r <= 99:
        return accusative
    return genitive


AGREEMENT = {"russian": ru_form, "arabic": ar_form}


def noun(x, fmt: dict, unit: str) -> str:
    """Return the noun ``unit`` (e.g. ``"money"``, ``"hour"``) in the form that agrees with ``x``."""
    return AGREEMENT[fmt["agreement"]](x, *fmt["nouns"][unit])


def money(x, fmt: dict) -> str:
    """Write an amount of money with its currency, e.g. ``$2.50``, ``12元``, ``45 рублей``."""
    if "{noun}" in fmt["money"]:
        return fmt["money"].format(amount(x, fmt), noun=noun(x, fmt, "money"))
    return fmt["money"].format(amount(x, fmt))


# ---------------------------------------------------------------------------------------------------------------
# Word problems and unit conversions
# ---------------------------------------------------------------------------------------------------------------
KM_PER_MILE = Decimal("1.609344")
MILES_PER_KM = Decimal("0.621371")
LB_PER_KG = Decimal("2.20462")
CM_PER_INCH = Decimal("2.54")
CONVERSATION_KINDS = ("speed", "discount", "km", "temp")  # after the "shop" problems, in this order
INSTRUCTION_KINDS = ("kg", "cm", "pct")
MONEY_KEYS = {"p", "t", "b", "c", "price", "save", "sale", "final"}


def _whole(x: Decimal, what: str) -> Decimal:
    """Return ``x`` unchanged, refusing a fraction where the phrasing assumes a whole number."""
    if not is_int(x):
        raise ValueError(f"{what} = {x} is not a whole number; pick other numbers for this template")
    return x


def compute(kind: str, args: list) -> dict[str, Decimal]:
    """Compute the raw numbers of one word problem or conversion from its given ``numbers``."""
    if kind == "shop":
        n, p, b = (D(a) for a in args)
        t = n * p
        if t >= b:
            raise ValueError(f"shop: paying {b} for a total of {t} leaves no change")
        return {"n": n, "p": p, "t": t, "b": b, "c": b - t}
    if kind == "speed":
        d, h, d2 = (D(a) for a in args)
        v = _whole(d / h, "speed")
        return {"d": d, "h": h, "v": v, "d2": d2, "t": _whole(d2 / v, "travel time")}
    if kind == "discount":
        price, pct, extra = (D(a) for a in args)
        save = price * pct / 100
        sale = price - save
        return {
            "price": price,
            "pct": pct,
            "save": save,
            "sale": sale,
            "extra": extra,
            "final": sale * (100 - extra) / 100,
            "total": 100 - (100 - pct) * (100 - extra) / 100,  # the two discounts compound
            "naive": pct + extra,
            "pct_dec": pct / 100,
            "extra_dec": (100 - extra) / 100,
        }
    if kind == "km":
        km, mi2 = (D(a) for a in args)
        return {"km": km, "mi": rnd(km * MILES_PER_KM), "mi2": mi2, "km2": rnd(mi2 * KM_PER_MILE)}
    if kind == "temp":
        c, f2 = (D(a) for a in args)
        return {"c": c, "f": rnd(c * 9 / 5 + 32), "f2": f2, "c2": rnd((f2 - 32) * 5 / 9)}
    if kind == "kg":
        return {"kg": D(args[0]), "lb": rnd(D(args[0]) * LB_PER_KG)}
    if kind == "cm":
        return {"cm": D(args[0]), "inch": rnd(D(args[0]) / CM_PER_INCH)}
    if kind == "pct":
        p, base = (D(a) for a in args)
        return {"p": p, "base": base, "res": base * p / 100, "p_dec": p / 100}
    raise ValueError(f"unknown kind {kind!r}")


def placeholders(kind: str, args: list, fmt: dict) -> dict[str, str]:
    """Return the formatted value of every placeholder of one problem, written the way the language writes it."""
    raw = compute(kind, args)
    vals: dict[str, str] = {}
    for key, x in raw.items():
        if key.endswith("_dec"):
            vals[key] = cents(x, fmt)  # 0.25, 0.90: factors keep two decimals
        elif key in MONEY_KEYS and kind == "shop":
            vals[key + "n"] = amount(x, fmt)
            vals[key] = money(x, fmt)
        elif key in MONEY_KEYS and kind == "discount":
            vals[key] = amount(x, fmt)
            vals[key + "_m"] = money(x, fmt)
        else:
            vals[key] = num(x, fmt, 3)
    for key, unit in fmt.get("number_words", {}).get(kind, {}).items():
        vals[f"{key}_w"] = f"{num(raw[key], fmt, 3)} {noun(raw[key], fmt, unit)}"
    return vals


def _fill(texts: list[str], vals: dict[str, str]) -> list[str]:
    """Return ``texts`` with their placeholders filled in."""
    return [text.format(**vals) for text in texts]


def _texts(exchanges: list[dict]) -> list[str]:
    """Flatten user/assistant exchanges into alternating texts."""
    return [text for exchange in exchanges for text in (exchange["user"], exchange["assistant"])]


def word_problems(source: dict) -> tuple[list[list[str]], list[tuple[str, str, str]]]:
    """Return the computed conversations and instructions of one language."""
    fmt, problems = source["numbers"], source["word_problems"]
    convs = []
    for kind, problem in [("shop", p) for p in problems["shop"]] + [(k, problems[k]) for k in CONVERSATION_KINDS]:
        convs.append(_fill(_texts(problem["conversation"]), placeholders(kind, problem["numbers"], fmt)))
    insts = []
    for kind in INSTRUCTION_KINDS:
        problem = problems[kind]
        texts = [problem["instruction"], problem.get("input", ""), problem["output"]]
        insts.append(tuple(_fill(texts, placeholders(kind, problem["numbers"], fmt))))
    return convs, insts


# ---------------------------------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------------------------------
def _turns(texts: list[str]) -> list[dict[str, str]]:
    """Turn alternating human/assistant texts into phoenix-sft-data-v1 turns."""
    return [{"from": "human" if i % 2 == 0 else "gpt", "value": text} for i, text in enumerate(texts)]


def build_rows(sources_dir: Path = SOURCES_DIR) -> dict[str, dict[str, list[dict]]]:
    """Return ``{file_stem: {lang: [row, ...]}}`` for the three sample files, ids numbered per language."""
    files: dict[str, dict[str, list[dict]]] = {stem: {} for stem in FILE_STEMS}
    main_langs, extra_langs = load_languages(sources_dir)
    for lang in main_langs + extra_langs:
        source = load_source(lang, sources_dir)
        gen_convs, gen_insts = word_problems(source)
        convs = [_texts(c) for c in source["conversations"]] + gen_convs
        files["conversations"][lang] = [
            {"id": f"conv-{lang}-{i:03d}", "lang": lang, "conversations": _turns(texts)}
            for i, texts in enumerate(convs, start=1)
        ]
        insts = [(r["instruction"], r.get("input", ""), r["output"]) for r in source["instructions"]] + gen_insts
        files["instructions"][lang] = [
            {"id": f"inst-{lang}-{i:03d}", "lang": lang, "instruction": ins, "input": inp, "output": out}
            for i, (ins, inp, out) in enumerate(insts, start=1)
        ]
        files["user_centered"][lang] = [
            {
                "id": f"uc-{lang}-{i:03d}",
                "lang": lang,
                "role": r["role"],
                "instruction": r["instruction"],
                "input": r.get("input", ""),
                "output": r["output"],
            }
            for i, r in enumerate(source["user_centered"], start=1)
        ]
    return files


def interleave(rows_by_lang: dict[str, list[dict]]) -> list[dict]:
    """Order rows round-robin over languages, so that any prefix of a file (``train[:50]``) is multilingual."""
    out = []
    for i in range(max(len(rows) for rows in rows_by_lang.values())):
        out.extend(rows[i] for rows in rows_by_lang.values() if i < len(rows))
    return out


def counts_table(files: dict[str, dict[str, list[dict]]]) -> str:
    """Render the per-language row counts as the Markdown table of the dataset card."""
    lines = [
        "| lang | conversations | of which multi-turn | instructions | user_centered |",
        "|------|--------------:|--------------------:|-------------:|--------------:|",
    ]
    totals = [0, 0, 0, 0]
    for lang, convs in files["conversations"].items():
        row = [
            len(convs),
            sum(len(c["conversations"]) > 2 for c in convs),
            len(files["instructions"][lang]),
            len(files["user_centered"][lang]),
        ]
        totals = [t + r for t, r in zip(totals, row, strict=True)]
        lines.append(f"| {lang} | " + " | ".join(str(n) for n in row) + " |")
    lines.append("| **total** | " + " | ".join(f"**{n}**" for n in totals) + " |")
    return "\n".join(lines)


def render(files: dict[str, dict[str, list[dict]]], card_text: str | None) -> dict[str, str]:
    """Return ``{file name: text}`` of the JSONL files and, when ``card_text`` has a count block, the card."""
    texts = {
        f"{stem}.jsonl": "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in interleave(rows_by_lang))
        for stem, rows_by_lang in files.items()
    }
    if card_text is not None:
        head, sep1, rest = card_text.partition(COUNTS_START)
        _, sep2, tail = rest.partition(COUNTS_END)
        if sep1 and sep2:
            texts["README.md"] = f"{head}{COUNTS_START}\n{counts_table(files)}\n{COUNTS_END}{tail}"
    return texts


def main(argv: list[str] | None = None) -> int:
    """Write the three JSONL files and refresh the count table of the dataset card (or check them with --check)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=DATA_DIR,
        help="folder for conversations.jsonl, instructions.jsonl, user_centered.jsonl and README.md "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and name each file in --out-dir that differs from what the sources produce",
    )
    args = parser.parse_args(argv)
    files = build_rows()
    card = args.out_dir / "README.md"
    texts = render(files, card.read_text(encoding="utf-8") if card.exists() else None)

    if args.check:
        stale = [name for name, text in texts.items() if not _same(args.out_dir / name, text)]
        for name in stale:
            print(f"{args.out_dir / name} differs from what data/sources/ produces; run scripts/make_sample_data.py")
        return 1 if stale else 0

    args.out_dir.mkdir(parents=True, exist_ok=True)
    for stem in FILE_STEMS:
        path = args.out_dir / f"{stem}.jsonl"
        path.write_text(texts[path.name], encoding="utf-8", newline="\n")
        print(f"wrote {path} ({sum(len(r) for r in files[stem].values())} rows)")
    if "README.md" in texts:
        card.write_text(texts["README.md"], encoding="utf-8")
        print(f"updated the count table in {card}")
    elif card.exists():
        print(f"{card} has no {COUNTS_START} ... {COUNTS_END} block; count table not updated")
    return 0


def _same(path: Path, text: str) -> bool:
    """Return True when ``path`` exists and holds exactly ``text`` (compared as UTF-8 bytes)."""
    return path.is_file() and path.read_bytes() == text.encode("utf-8")


if __name__ == "__main__":
    sys.exit(main())

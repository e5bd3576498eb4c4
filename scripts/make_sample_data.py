#!/usr/bin/env python
# ruff: noqa: E501  (hand-written sentences; splitting them mid-phrase would make them harder to proofread)
"""Build the bundled sample training data in ``data/`` from the hand-written tables in this file.

Every sentence below was written for llmzoo_hf; nothing is taken from a published data set or web page.
The word problems and unit conversions are assembled from per-language phrasings and their numbers are
computed here, not typed, so the arithmetic in the data is always right. Everything else is written
out row by row, natively in each language.

Usage:
    python scripts/make_sample_data.py              # writes data/*.jsonl
    python scripts/make_sample_data.py --out-dir /tmp/sample
"""

from __future__ import annotations

import argparse
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

MAIN_LANGS = ("en", "zh", "es", "fr", "de", "ar", "hi", "ja", "ko", "ru")
EXTRA_LANGS = ("pt", "it", "vi", "id", "tr")
LANGS = MAIN_LANGS + EXTRA_LANGS

# Hand-written rows, filled in per language further down:
#   CONV[lang]: list of conversations, each a list of strings alternating human, gpt, human, gpt, ...
#   INST[lang]: list of (instruction, input, output)
#   UC[lang]:   list of (role, instruction, input, output)
CONV: dict[str, list[list[str]]] = {}
INST: dict[str, list[tuple[str, str, str]]] = {}
UC: dict[str, list[tuple[str, str, str, str]]] = {}

# ---------------------------------------------------------------------------------------------------------------
# Number formatting. Decimal (not float) so that 3 x 2.45 prints 7.35, not 7.3500000000000005.
# ---------------------------------------------------------------------------------------------------------------
DECIMAL_COMMA = {"es", "fr", "de", "ru", "pt", "it", "vi", "id", "tr"}
THOUSANDS_SEP = {
    "en": ",",
    "zh": ",",
    "ja": ",",
    "ko": ",",
    "hi": ",",
    "ar": ",",
    "es": ".",
    "de": ".",
    "it": ".",
    "pt": ".",
    "id": ".",
    "vi": ".",
    "tr": ".",
    "fr": "\u202f",
    "ru": "\u00a0",  # French and Russian group digits with a (narrow) no-break space
}


def D(x) -> Decimal:
    """Return ``x`` as a Decimal, going through ``str`` so that 2.45 stays exactly 2.45."""
    return x if isinstance(x, Decimal) else Decimal(str(x))


def rnd(x, places: int = 1) -> Decimal:
    """Round half up to ``places`` decimals (the rounding people are taught at school)."""
    return D(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def is_int(x) -> bool:
    """Return True when ``x`` has no fractional part."""
    return D(x) == D(x).to_integral_value()


def num(x, lang: str, places: int = 2) -> str:
    """Format a number the way ``lang`` writes it: decimal mark, digit grouping, no trailing zeros."""
    s = f"{rnd(x, places):f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    whole, _, frac = s.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    # Spanish leaves four-digit numbers ungrouped (RAE); the others group from 1,000 up.
    if len(whole) > (4 if lang == "es" else 3):
        groups = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = THOUSANDS_SEP[lang].join(groups)
    out = sign + whole
    if frac:
        out += ("," if lang in DECIMAL_COMMA else ".") + frac
    return out


def money2(x, lang: str) -> str:
    """Format an amount of money with two decimals when it has cents, none when it is whole."""
    return num(x, lang) if is_int(x) else _cents(x, lang)


def _cents(x, lang: str) -> str:
    """Format ``x`` with exactly two decimals (1.5 -> 1.50)."""
    s = f"{rnd(x, 2):f}"
    whole, _, frac = s.partition(".")
    return num(Decimal(whole), lang) + ("," if lang in DECIMAL_COMMA else ".") + frac


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


# ---------------------------------------------------------------------------------------------------------------
# Word problems and unit conversions: hand-written phrasings per language, numbers computed by _numbers().
# Placeholders: shop {n} {p} {t} {b} {c} (money) and {pn} {tn} {bn} {cn} (bare numbers);
# speed {d} {h} {v} {d2} {t}; discount {price} {pct} {save} {sale} {extra} {final} {total} {naive}
# (+ _m for money, _dec for the factor); km {km} {mi} {mi2} {km2}; temp {c} {f} {f2} {c2};
# kg {kg} {lb}; cm {cm} {inch}; pct {p} {base} {res} {p_dec}. Russian and Arabic nouns agree with
# their numbers, so their specs add a "words" hook that returns the inflected "<number> <noun>" strings.
# ---------------------------------------------------------------------------------------------------------------
KM_PER_MILE = Decimal("1.609344")
MILES_PER_KM = Decimal("0.621371")
LB_PER_KG = Decimal("2.20462")
CM_PER_INCH = Decimal("2.54")

SPEC: dict[str, dict] = {}


def money_fmt(pattern: str, *, cents: bool):
    """Return a formatter that writes an amount into ``pattern`` (e.g. ``"${}"``), with cents when ``cents``."""
    return lambda x, lang: pattern.format(money2(x, lang) if cents else num(x, lang))


def _whole(x: Decimal, what: str) -> Decimal:
    """Return ``x`` unchanged, refusing a fraction where the phrasing assumes a whole number."""
    if not is_int(x):
        raise ValueError(f"{what} = {x} is not a whole number; pick other numbers for this template")
    return x


def _numbers(kind: str, args: tuple) -> dict[str, Decimal]:
    """Compute the raw numbers of one word problem or conversion."""
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


MONEY_KEYS = {"p", "t", "b", "c", "price", "save", "sale", "final"}


def _render(lang: str, kind: str, args: tuple, texts: tuple[str, ...]) -> list[str]:
    """Fill one template's texts with the computed numbers, formatted for ``lang``."""
    spec = SPEC[lang]
    raw = _numbers(kind, args)
    vals: dict[str, str] = {}
    for key, x in raw.items():
        if key.endswith("_dec"):
            vals[key] = _cents(x, lang)  # 0.25, 0.90: factors keep two decimals
        elif key in MONEY_KEYS and kind in ("shop", "discount"):
            vals[key + "n"] = money2(x, lang) if spec["cents"] else num(x, lang)
            vals[key + "_m" if kind == "discount" else key] = spec["money"](x, lang)
            if kind == "discount":
                vals[key] = vals[key + "n"]
        else:
            vals[key] = num(x, lang, 3)
    if "words" in spec:
        vals.update(spec["words"](kind, raw, lang))
    return [t.format(**vals) for t in texts]


def generated_rows(lang: str) -> tuple[list[list[str]], list[tuple[str, str, str]]]:
    """Return the computed conversations and instructions of ``lang``."""
    spec = SPEC[lang]
    convs = [_render(lang, "shop", args, texts) for args, texts in spec["shop"]]
    for kind in ("speed", "discount", "km", "temp"):
        args, texts = spec[kind]
        convs.append(_render(lang, kind, args, texts))
    insts = []
    for kind in ("kg", "cm", "pct"):
        args, texts = spec[kind]
        insts.append(tuple(_render(lang, kind, args if isinstance(args, tuple) else (args,), texts)))
    return convs, insts


SPEC["en"] = {
    "money": money_fmt("${}", cents=True),
    "cents": True,
    "shop": [
        (
            (3, "2.50", 10),
            (
                "I'm buying {n} notebooks at {p} each. How much is that in total?",
                "{n} × {p} = {t}, so you pay {t} in total.",
                "If I pay with a {b} bill, how much change should I get?",
                "{b} − {t} = {c}, so you should get {c} back.",
            ),
        ),
        (
            (4, "1.75", 20),
            (
                "One bus ticket costs {p}. What do {n} tickets cost?",
                "{n} tickets cost {n} × {p} = {t}.",
                "And how much is left from {b}?",
                "{b} − {t} = {c}. You would have {c} left.",
            ),
        ),
    ],
    "speed": (
        (180, 2, 450),
        (
            "A train travels {d} km in {h} hours. What is its average speed?",
            "Average speed = distance ÷ time = {d} km ÷ {h} h = {v} km/h.",
            "At the same speed, how long would it take to cover {d2} km?",
            "Time = distance ÷ speed = {d2} km ÷ {v} km/h = {t} hours.",
        ),
    ),
    "discount": (
        (80, 25, 10),
        (
            "A jacket costs {price_m} and is {pct}% off. What is the sale price?",
            "{pct}% of {price_m} is {save_m} ({price} × {pct_dec}), so the sale price is {price_m} − {save_m} = {sale_m}.",
            "What if the shop takes another {extra}% off the sale price at the till?",
            "{sale_m} × {extra_dec} = {final_m}. Altogether that is a {total}% discount, not {naive}%, because the "
            "second discount is taken from the already reduced price.",
        ),
    ),
    "km": (
        (10, "26.2"),
        (
            "How many miles is {km} km?",
            "{km} km is about {mi} miles (1 km ≈ 0.621 miles).",
            "And how many kilometres is a marathon of {mi2} miles?",
            "{mi2} × 1.609 ≈ {km2} km.",
        ),
    ),
    "temp": (
        (25, "98.6"),
        (
            "What is {c} °C in Fahrenheit?",
            "°F = °C × 9/5 + 32, so {c} × 9/5 + 32 = {f} °F.",
            "And what is {f2} °F in Celsius?",
            "°C = (°F − 32) × 5/9, so ({f2} − 32) × 5/9 = {c2} °C. That is normal body temperature.",
        ),
    ),
    "kg": (70, ("Convert {kg} kilograms to pounds.", "", "{kg} kg × 2.20462 ≈ {lb} lb.")),
    "cm": (180, ("How many inches is {cm} cm?", "", "One inch is 2.54 cm, so {cm} ÷ 2.54 ≈ {inch} inches.")),
    "pct": (
        (15, 240),
        ("Calculate the percentage.", "What is {p}% of {base}?", "{p}% of {base} = {base} × {p_dec} = {res}."),
    ),
}

SPEC["zh"] = {
    "money": money_fmt("{}元", cents=False),
    "cents": False,
    "shop": [
        (
            (3, 12, 50),
            (
                "我买了{n}个笔记本，每个{p}，一共要付多少钱？",
                "{n} × {pn} = {tn}，一共需要付{t}。",
                "如果我给收银员{b}，应该找回多少？",
                "{bn} − {tn} = {cn}，应该找回{c}。",
            ),
        ),
        (
            (5, "4.5", 50),
            (
                "一瓶矿泉水{p}，买{n}瓶要多少钱？",
                "{n} × {pn} = {tn}，买{n}瓶一共{t}。",
                "我付了{b}，能找回多少零钱？",
                "{bn} − {tn} = {cn}，能找回{c}。",
            ),
        ),
    ],
    "speed": (
        (240, 3, 560),
        (
            "一列火车{h}小时行驶了{d}公里，它的平均速度是多少？",
            "平均速度 = 路程 ÷ 时间 = {d} ÷ {h} = {v}公里/小时。",
            "按这个速度，走{d2}公里需要多长时间？",
            "时间 = 路程 ÷ 速度 = {d2} ÷ {v} = {t}小时。",
        ),
    ),
    "discount": (
        (360, 20, 10),
        (
            "一件外套原价{price_m}，现在打八折，折后多少钱？",
            "打八折就是便宜{pct}%：{price} × {pct_dec} = {save}，所以折后价是{price} − {save} = {sale_m}。",
            "如果结账时再打九折呢？",
            "{sale} × {extra_dec} = {final_m}。两次折扣合起来一共便宜了{total}%，而不是{naive}%，因为第二次折扣是在已经打折的价格上计算的。",
        ),
    ),
    "km": (
        (5, 10),
        (
            "{km}公里等于多少英里？",
            "1公里约等于0.621英里，所以{km}公里约等于{mi}英里。",
            "那{mi2}英里是多少公里？",
            "1英里约等于1.609公里，{mi2}英里约等于{km2}公里。",
        ),
    ),
    "temp": (
        (30, 50),
        (
            "{c}摄氏度是多少华氏度？",
            "华氏度 = 摄氏度 × 9/5 + 32，所以{c} °C = {c} × 9/5 + 32 = {f} °F。",
            "那{f2}华氏度呢？",
            "摄氏度 = (华氏度 − 32) × 5/9，({f2} − 32) × 5/9 = {c2} °C。",
        ),
    ),
    "kg": (65, ("把{kg}公斤换算成磅。", "", "1公斤约等于2.205磅，{kg}公斤约等于{lb}磅。")),
    "cm": (175, ("{cm}厘米是多少英寸？", "", "1英寸 = 2.54厘米，{cm} ÷ 2.54 ≈ {inch}英寸。")),
    "pct": ((15, 480), ("计算下面的百分数。", "{base}的{p}%是多少？", "{base} × {p}% = {base} × {p_dec} = {res}。")),
}

SPEC["es"] = {
    "money": money_fmt("{} €", cents=True),
    "cents": True,
    "shop": [
        (
            (3, "2.40", 10),
            (
                "Compro {n} cuadernos a {p} cada uno. ¿Cuánto pago en total?",
                "{n} × {p} = {t}, así que pagas {t} en total.",
                "Si pago con un billete de {b}, ¿cuánto me devuelven?",
                "{b} − {t} = {c}. Te devuelven {c}.",
            ),
        ),
        (
            (6, "1.25", 20),
            (
                "Una barra de pan cuesta {p}. ¿Cuánto cuestan {n} barras?",
                "{n} × {p} = {t}.",
                "¿Y cuánto me sobra si llevo {b}?",
                "{b} − {t} = {c}; te sobran {c}.",
            ),
        ),
    ],
    "speed": (
        (150, 2, 375),
        (
            "Un coche recorre {d} km en {h} horas. ¿Cuál es su velocidad media?",
            "Velocidad media = distancia ÷ tiempo = {d} km ÷ {h} h = {v} km/h.",
            "A esa velocidad, ¿cuánto tardaría en recorrer {d2} km?",
            "Tiempo = distancia ÷ velocidad = {d2} ÷ {v} = {t} horas.",
        ),
    ),
    "discount": (
        (60, 15, 10),
        (
            "Unas zapatillas cuestan {price_m} y tienen un {pct} % de descuento. ¿Cuál es el precio final?",
            "El {pct} % de {price_m} es {save_m} ({price} × {pct_dec}). El precio final es {price_m} − {save_m} = {sale_m}.",
            "¿Y si en caja me hacen otro {extra} % sobre ese precio?",
            "{sale_m} × {extra_dec} = {final_m}. En total ahorras un {total} %, no un {naive} %, porque el segundo "
            "descuento se aplica sobre el precio ya rebajado.",
        ),
    ),
    "km": (
        (21, 3),
        (
            "¿Cuántas millas son {km} km?",
            "{km} km son unas {mi} millas (1 km ≈ 0,621 millas).",
            "¿Y {mi2} millas en kilómetros?",
            "{mi2} × 1,609 ≈ {km2} km.",
        ),
    ),
    "temp": (
        (20, 100),
        (
            "¿Cuántos grados Fahrenheit son {c} °C?",
            "°F = °C × 9/5 + 32, así que {c} × 9/5 + 32 = {f} °F.",
            "¿Y {f2} °F en Celsius?",
            "°C = (°F − 32) × 5/9, es decir, ({f2} − 32) × 5/9 ≈ {c2} °C.",
        ),
    ),
    "kg": (80, ("Convierte {kg} kilogramos a libras.", "", "{kg} kg × 2,20462 ≈ {lb} libras.")),
    "cm": (
        30,
        ("¿Cuántas pulgadas son {cm} cm?", "", "Una pulgada mide 2,54 cm, así que {cm} ÷ 2,54 ≈ {inch} pulgadas."),
    ),
    "pct": (
        (12, 350),
        (
            "Calcula el porcentaje indicado.",
            "¿Cuánto es el {p} % de {base}?",
            "El {p} % de {base} es {base} × {p_dec} = {res}.",
        ),
    ),
}

SPEC["fr"] = {
    "money": money_fmt("{} €", cents=True),
    "cents": True,
    "shop": [
        (
            (4, "1.80", 10),
            (
                "J'achète {n} croissants à {p} pièce. Combien je paie au total ?",
                "{n} × {p} = {t}, vous payez donc {t} au total.",
                "Et si je paie avec un billet de {b}, combien me rend-on ?",
                "{b} − {t} = {c}. On vous rend {c}.",
            ),
        ),
        (
            (3, "3.50", 20),
            (
                "Une boîte de thé coûte {p}. Combien coûtent {n} boîtes ?",
                "{n} × {p} = {t}.",
                "Je donne un billet de {b}. Combien doit-on me rendre ?",
                "{b} − {t} = {c}. On doit vous rendre {c}.",
            ),
        ),
    ],
    "speed": (
        (300, 4, 525),
        (
            "Un train parcourt {d} km en {h} heures. Quelle est sa vitesse moyenne ?",
            "Vitesse moyenne = distance ÷ temps = {d} km ÷ {h} h = {v} km/h.",
            "À cette vitesse, combien de temps faut-il pour parcourir {d2} km ?",
            "Temps = distance ÷ vitesse = {d2} ÷ {v} = {t} heures.",
        ),
    ),
    "discount": (
        (120, 30, 10),
        (
            "Un manteau coûte {price_m} et il est soldé à -{pct} %. Quel est son prix soldé ?",
            "{pct} % de {price_m} font {save_m} ({price} × {pct_dec}). Le prix soldé est donc {price_m} − {save_m} = {sale_m}.",
            "Et avec une remise supplémentaire de {extra} % en caisse ?",
            "{sale_m} × {extra_dec} = {final_m}. Au total, la réduction est de {total} % et non de {naive} %, car la "
            "seconde remise s'applique au prix déjà soldé.",
        ),
    ),
    "km": (
        (15, 60),
        (
            "Combien de miles font {km} km ?",
            "{km} km font environ {mi} miles (1 km ≈ 0,621 mile).",
            "Et {mi2} miles, ça fait combien de kilomètres ?",
            "{mi2} × 1,609 ≈ {km2} km.",
        ),
    ),
    "temp": (
        (-10, 212),
        (
            "Combien font {c} °C en degrés Fahrenheit ?",
            "°F = °C × 9/5 + 32, donc {c} × 9/5 + 32 = {f} °F.",
            "Et {f2} °F en Celsius ?",
            "({f2} − 32) × 5/9 = {c2} °C : c'est la température d'ébullition de l'eau au niveau de la mer.",
        ),
    ),
    "kg": (55, ("Convertis {kg} kilogrammes en livres anglaises.", "", "{kg} kg × 2,20462 ≈ {lb} livres (lb).")),
    "cm": (160, ("Combien de pouces font {cm} cm ?", "", "Un pouce vaut 2,54 cm, donc {cm} ÷ 2,54 ≈ {inch} pouces.")),
    "pct": (
        (8, 250),
        (
            "Calcule le pourcentage demandé.",
            "Combien font {p} % de {base} ?",
            "{p} % de {base} = {base} × {p_dec} = {res}.",
        ),
    ),
}

SPEC["de"] = {
    "money": money_fmt("{} €", cents=True),
    "cents": True,
    "shop": [
        (
            (5, "1.20", 10),
            (
                "Ich kaufe {n} Brötchen zu je {p}. Wie viel muss ich insgesamt bezahlen?",
                "{n} × {p} = {t}. Sie bezahlen also insgesamt {t}.",
                "Und wenn ich mit einem {bn}-Euro-Schein bezahle, wie viel Wechselgeld bekomme ich?",
                "{b} − {t} = {c}. Sie bekommen {c} zurück.",
            ),
        ),
        (
            (3, "4.90", 20),
            (
                "Ein gebrauchtes Taschenbuch kostet {p}. Was kosten {n} Stück?",
                "{n} × {p} = {t}.",
                "Ich zahle mit {b}. Wie viel bekomme ich zurück?",
                "{b} − {t} = {c}. Sie bekommen {c} zurück.",
            ),
        ),
    ],
    "speed": (
        (360, 3, 600),
        (
            "Ein Zug fährt in {h} Stunden {d} km. Wie hoch ist seine Durchschnittsgeschwindigkeit?",
            "Durchschnittsgeschwindigkeit = Strecke ÷ Zeit = {d} km ÷ {h} h = {v} km/h.",
            "Wie lange bräuchte er bei diesem Tempo für {d2} km?",
            "Zeit = Strecke ÷ Geschwindigkeit = {d2} ÷ {v} = {t} Stunden.",
        ),
    ),
    "discount": (
        (75, 20, 10),
        (
            "Eine Jacke kostet {price_m} und ist um {pct} % reduziert. Was kostet sie jetzt?",
            "{pct} % von {price_m} sind {save_m} ({price} × {pct_dec}). Sie kostet also {price_m} − {save_m} = {sale_m}.",
            "Und wenn es an der Kasse noch einmal {extra} % auf den reduzierten Preis gibt?",
            "{sale_m} × {extra_dec} = {final_m}. Insgesamt sparen Sie damit {total} % und nicht {naive} %, weil sich der "
            "zweite Rabatt auf den schon reduzierten Preis bezieht.",
        ),
    ),
    "km": (
        (100, 5),
        (
            "Wie viele Meilen sind {km} km?",
            "{km} km sind etwa {mi} Meilen (1 km ≈ 0,621 Meilen).",
            "Und wie viele Kilometer sind {mi2} Meilen?",
            "{mi2} × 1,609 ≈ {km2} km.",
        ),
    ),
    "temp": (
        (37, 32),
        (
            "Wie viel Grad Fahrenheit sind {c} °C?",
            "°F = °C × 9/5 + 32, also {c} × 9/5 + 32 = {f} °F.",
            "Und {f2} °F in Celsius?",
            "({f2} − 32) × 5/9 = {c2} °C – der Gefrierpunkt von Wasser.",
        ),
    ),
    "kg": (90, ("Rechne {kg} Kilogramm in englische Pfund (lb) um.", "", "{kg} kg × 2,20462 ≈ {lb} lb.")),
    "cm": (50, ("Wie viele Zoll sind {cm} cm?", "", "Ein Zoll sind 2,54 cm, also {cm} ÷ 2,54 ≈ {inch} Zoll.")),
    "pct": (
        (35, 180),
        (
            "Berechne den Prozentwert.",
            "Wie viel sind {p} % von {base}?",
            "{p} % von {base} = {base} × {p_dec} = {res}.",
        ),
    ),
}


def _ar_words(kind: str, raw: dict[str, Decimal], lang: str) -> dict[str, str]:
    """Return "<number> <noun>" strings whose Arabic noun agrees with the number."""
    forms = {
        "km": ("كيلومترات", "كيلومترًا", "كيلومتر"),
        "hour": ("ساعات", "ساعةً", "ساعة"),
        "mile": ("أميال", "ميلًا", "ميل"),
        "kg": ("كيلوغرامات", "كيلوغرامًا", "كيلوغرام"),
        "lb": ("أرطال", "رطلًا", "رطل"),
        "cm": ("سنتيمترات", "سنتيمترًا", "سنتيمتر"),
        "inch": ("بوصات", "بوصةً", "بوصة"),
    }
    units = {
        "speed": {"d": "km", "h": "hour", "d2": "km", "t": "hour"},
        "km": {"km": "km", "mi": "mile", "mi2": "mile", "km2": "km"},
        "kg": {"kg": "kg", "lb": "lb"},
        "cm": {"cm": "cm", "inch": "inch"},
    }.get(kind, {})
    return {f"{k}_w": f"{num(raw[k], lang, 3)} {ar_form(raw[k], *forms[u])}" for k, u in units.items()}


def _ru_words(kind: str, raw: dict[str, Decimal], lang: str) -> dict[str, str]:
    """Return "<number> <noun>" strings whose Russian noun agrees with the number."""
    forms = {
        "hour": ("час", "часа", "часов"),
        "mile": ("миля", "мили", "миль"),
        "kg": ("килограмм", "килограмма", "килограммов"),
        "lb": ("фунт", "фунта", "фунтов"),
        "inch": ("дюйм", "дюйма", "дюймов"),
    }
    units = {
        "speed": {"h": "hour", "t": "hour"},
        "km": {"mi": "mile"},
        "kg": {"kg": "kg", "lb": "lb"},
        "cm": {"inch": "inch"},
    }.get(kind, {})
    return {f"{k}_w": f"{num(raw[k], lang, 3)} {ru_form(raw[k], *forms[u])}" for k, u in units.items()}


SPEC["ar"] = {
    "money": lambda x, lang: f"{num(x, lang)} {ar_form(x, 'ريالات', 'ريالًا', 'ريال')}",
    "cents": False,
    "words": _ar_words,
    "shop": [
        (
            (4, 12, 100),
            (
                "أريد شراء {n} دفاتر، وسعر الدفتر الواحد {p}. كم أدفع في المجموع؟",
                "{n} × {pn} = {tn}، إذن ستدفع {t} في المجموع.",
                "وإذا دفعت بورقة من فئة {b}، فكم يكون الباقي؟",
                "{bn} − {tn} = {cn}، إذن الباقي {c}.",
            ),
        ),
        (
            (6, 15, 100),
            (
                "اشتريت {n} علب من العصير، وسعر العلبة {p}. كم المبلغ الإجمالي؟",
                "{n} × {pn} = {tn}، فالمبلغ الإجمالي {t}.",
                "أعطيت البائع {b}. كم يجب أن يعيد لي؟",
                "{bn} − {tn} = {cn}، أي يجب أن يعيد لك {c}.",
            ),
        ),
    ],
    "speed": (
        (240, 3, 400),
        (
            "قطع قطار مسافة {d_w} في {h_w}. ما متوسط سرعته؟",
            "متوسط السرعة = المسافة ÷ الزمن = {d} ÷ {h} = {v} كم/ساعة.",
            "بهذه السرعة، كم من الوقت يستغرق قطع {d2_w}؟",
            "الزمن = المسافة ÷ السرعة = {d2} ÷ {v} = {t_w}.",
        ),
    ),
    "discount": (
        (250, 40, 10),
        (
            "سعر معطف {price_m} وعليه خصم {pct}%. كم سعره بعد الخصم؟",
            "{pct}% من {price} تساوي {save} ({price} × {pct_dec})، إذن السعر بعد الخصم {price} − {save} = {sale_m}.",
            "وإذا حصلت عند الدفع على خصم إضافي {extra}% من السعر المخفَّض؟",
            "{sale} × {extra_dec} = {final_m}. أي أن مجموع الخصم {total}% وليس {naive}%، لأن الخصم الثاني يُحسب على "
            "السعر بعد تخفيضه.",
        ),
    ),
    "km": (
        (10, 50),
        (
            "كم ميلًا في {km_w}؟",
            "{km_w} تساوي تقريبًا {mi_w}، لأن الكيلومتر الواحد ≈ 0.621 ميل.",
            "وكم كيلومترًا في {mi2_w}؟",
            "{mi2} × 1.609 ≈ {km2} كم.",
        ),
    ),
    "temp": (
        (40, 77),
        (
            "كم تساوي درجة الحرارة {c} °C بالفهرنهايت؟",
            "القاعدة: F = C × 9/5 + 32، إذن {c} × 9/5 + 32 = {f} °F.",
            "وماذا عن {f2} °F بالدرجات المئوية؟",
            "C = (F − 32) × 5/9، إذن ({f2} − 32) × 5/9 = {c2} °C.",
        ),
    ),
    "kg": (60, ("حوّل {kg_w} إلى أرطال.", "", "{kg} كغ × 2.20462 ≈ {lb_w}.")),
    "cm": (25, ("كم بوصة في {cm_w}؟", "", "البوصة تساوي 2.54 سم، إذن {cm} ÷ 2.54 ≈ {inch_w}.")),
    "pct": (
        (20, 450),
        ("احسب النسبة المئوية التالية.", "كم تساوي {p}% من {base}؟", "{p}% من {base} = {base} × {p_dec} = {res}."),
    ),
}

SPEC["hi"] = {
    "money": money_fmt("{} रुपये", cents=False),
    "cents": False,
    "shop": [
        (
            (3, 40, 200),
            (
                "मैं {n} कॉपियाँ खरीद रहा हूँ, हर कॉपी {p} की है। कुल कितना देना होगा?",
                "{n} × {pn} = {tn}, यानी आपको कुल {t} देने होंगे।",
                "अगर मैं {b} का नोट दूँ, तो कितने पैसे वापस मिलेंगे?",
                "{bn} − {tn} = {cn}, इसलिए आपको {c} वापस मिलेंगे।",
            ),
        ),
        (
            (6, 15, 100),
            (
                "एक कप चाय {p} की है। {n} कप चाय के कितने पैसे होंगे?",
                "{n} × {pn} = {tn}, यानी {t}।",
                "मैंने {b} दिए, तो कितने बचेंगे?",
                "{bn} − {tn} = {cn}, आपको {c} वापस मिलेंगे।",
            ),
        ),
    ],
    "speed": (
        (210, 3, 490),
        (
            "एक रेलगाड़ी {h} घंटे में {d} किलोमीटर चलती है। उसकी औसत गति क्या है?",
            "औसत गति = दूरी ÷ समय = {d} ÷ {h} = {v} किलोमीटर प्रति घंटा।",
            "इसी गति से {d2} किलोमीटर तय करने में कितना समय लगेगा?",
            "समय = दूरी ÷ गति = {d2} ÷ {v} = {t} घंटे।",
        ),
    ),
    "discount": (
        (1200, 25, 10),
        (
            "एक कुर्ते की कीमत {price_m} है और उस पर {pct}% की छूट है। छूट के बाद कीमत क्या होगी?",
            "{price} का {pct}% = {save_m} ({price} × {pct_dec})। छूट के बाद कीमत {price} − {save} = {sale_m} होगी।",
            "अगर बिल बनाते समय इस कीमत पर {extra}% की अतिरिक्त छूट मिले तो?",
            "{sale} × {extra_dec} = {final_m}। कुल छूट {total}% होगी, {naive}% नहीं, क्योंकि दूसरी छूट पहले से घटी हुई कीमत पर लगती है।",
        ),
    ),
    "km": (
        (8, 20),
        (
            "{km} किलोमीटर कितने मील होते हैं?",
            "1 किलोमीटर ≈ 0.621 मील, इसलिए {km} किलोमीटर ≈ {mi} मील।",
            "और {mi2} मील कितने किलोमीटर होंगे?",
            "{mi2} × 1.609 ≈ {km2} किलोमीटर।",
        ),
    ),
    "temp": (
        (35, 104),
        (
            "{c} डिग्री सेल्सियस कितने डिग्री फ़ारेनहाइट होता है?",
            "°F = °C × 9/5 + 32, इसलिए {c} × 9/5 + 32 = {f} °F।",
            "और {f2} °F कितने डिग्री सेल्सियस होगा?",
            "°C = (°F − 32) × 5/9, इसलिए ({f2} − 32) × 5/9 = {c2} °C।",
        ),
    ),
    "kg": (50, ("{kg} किलोग्राम को पाउंड में बदलिए।", "", "{kg} × 2.20462 ≈ {lb} पाउंड।")),
    "cm": (150, ("{cm} सेंटीमीटर कितने इंच होते हैं?", "", "1 इंच = 2.54 सेंटीमीटर, इसलिए {cm} ÷ 2.54 ≈ {inch} इंच।")),
    "pct": (
        (18, 500),
        (
            "नीचे दिया गया प्रतिशत निकालिए।",
            "{base} का {p}% कितना है?",
            "{base} × {p_dec} = {res}, इसलिए {base} का {p}% = {res} है।",
        ),
    ),
}

SPEC["ja"] = {
    "money": money_fmt("{}円", cents=False),
    "cents": False,
    "shop": [
        (
            (3, 150, 1000),
            (
                "1本{p}のボールペンを{n}本買います。合計でいくらですか？",
                "{pn} × {n} = {tn}なので、合計は{t}です。",
                "{b}札で払うと、おつりはいくらですか？",
                "{bn} − {tn} = {cn}なので、おつりは{c}です。",
            ),
        ),
        (
            (4, 280, 2000),
            (
                "パンが1個{p}です。{n}個買うといくらになりますか？",
                "{pn} × {n} = {tn}なので、{t}です。",
                "{b}出したら、おつりはいくらですか？",
                "{bn} − {tn} = {cn}なので、{c}のおつりです。",
            ),
        ),
    ],
    "speed": (
        (270, 3, 450),
        (
            "車で{h}時間に{d}km走りました。平均の速さは時速何キロですか？",
            "速さ = 道のり ÷ 時間 = {d} ÷ {h} = {v}なので、時速{v}kmです。",
            "同じ速さで{d2}km走ると、何時間かかりますか？",
            "時間 = 道のり ÷ 速さ = {d2} ÷ {v} = {t}時間です。",
        ),
    ),
    "discount": (
        (8000, 15, 10),
        (
            "{price_m}のセーターが{pct}%引きになっています。いくらで買えますか？",
            "{price_m}の{pct}%は{save_m}（{price} × {pct_dec}）なので、{price} − {save} = {sale_m}で買えます。",
            "レジでさらに{extra}%引きになったら、いくらですか？",
            "{sale} × {extra_dec} = {final_m}です。2回目の割引はすでに安くなった価格にかかるので、割引の合計は{naive}%ではなく{total}%になります。",
        ),
    ),
    "km": (
        ("42.195", 10),
        (
            "{km}kmは何マイルですか？",
            "1km ≈ 0.621マイルなので、{km}kmは約{mi}マイルです。フルマラソンの距離ですね。",
            "では、{mi2}マイルは何kmですか？",
            "{mi2} × 1.609 ≈ {km2}kmです。",
        ),
    ),
    "temp": (
        (15, 0),
        (
            "気温{c}℃は華氏何度ですか？",
            "°F = °C × 9/5 + 32 なので、{c} × 9/5 + 32 = {f}°Fです。",
            "では、{f2}°Fは摂氏何度ですか？",
            "°C = (°F − 32) × 5/9 なので、({f2} − 32) × 5/9 ≈ {c2}℃です。",
        ),
    ),
    "kg": (45, ("{kg}キログラムをポンドに換算してください。", "", "{kg} × 2.20462 ≈ {lb}ポンドです。")),
    "cm": (100, ("{cm}センチは何インチですか？", "", "1インチは2.54センチなので、{cm} ÷ 2.54 ≈ {inch}インチです。")),
    "pct": (
        (30, 2500),
        ("次の計算をしてください。", "{base}の{p}%はいくつですか？", "{base} × {p_dec} = {res}です。"),
    ),
}

SPEC["ko"] = {
    "money": money_fmt("{}원", cents=False),
    "cents": False,
    "shop": [
        (
            (3, 1500, 10000),
            (
                "{p}짜리 볼펜을 {n}개 사려고 해요. 모두 얼마예요?",
                "{pn} × {n} = {tn}이므로 모두 {t}입니다.",
                "{b}을 내면 거스름돈은 얼마예요?",
                "{bn} − {tn} = {cn}이므로 거스름돈은 {c}입니다.",
            ),
        ),
        (
            (4, 3500, 20000),
            (
                "김밥 한 줄에 {p}이에요. {n}줄이면 얼마인가요?",
                "{pn} × {n} = {tn}이므로 {t}입니다.",
                "{b}을 내면 얼마를 돌려받나요?",
                "{bn} − {tn} = {cn}이므로 {c}을 돌려받습니다.",
            ),
        ),
    ],
    "speed": (
        (320, 4, 480),
        (
            "자동차가 {h}시간 동안 {d}km를 달렸어요. 평균 속력은 얼마인가요?",
            "평균 속력 = 거리 ÷ 시간 = {d} ÷ {h} = {v}이므로 시속 {v}km입니다.",
            "같은 속력으로 {d2}km를 가려면 몇 시간이 걸려요?",
            "시간 = 거리 ÷ 속력 = {d2} ÷ {v} = {t}이므로 {t}시간이 걸립니다.",
        ),
    ),
    "discount": (
        (45000, 20, 10),
        (
            "{price_m}짜리 운동화가 {pct}% 할인 중이에요. 할인된 가격은 얼마예요?",
            "{price_m}의 {pct}%는 {save_m}({price} × {pct_dec})이므로, 할인된 가격은 {price} − {save} = {sale_m}입니다.",
            "계산할 때 {extra}%를 추가로 할인받으면요?",
            "{sale} × {extra_dec} = {final_m}입니다. 두 번째 할인은 이미 할인된 가격에 적용되기 때문에 전체 할인율은 {naive}%가 아니라 {total}%예요.",
        ),
    ),
    "km": (
        (5, "13.1"),
        (
            "{km}km는 몇 마일이에요?",
            "1km는 약 0.621마일이므로 {km}km는 약 {mi}마일입니다.",
            "그럼 {mi2}마일은 몇 km예요?",
            "{mi2} × 1.609 ≈ {km2}km입니다. 하프 마라톤 거리와 거의 같아요.",
        ),
    ),
    "temp": (
        (-5, 86),
        (
            "{c}°C는 화씨로 몇 도예요?",
            "°F = °C × 9/5 + 32이므로 {c} × 9/5 + 32 = {f}°F입니다.",
            "{f2}°F는 섭씨로 몇 도예요?",
            "°C = (°F − 32) × 5/9이므로 ({f2} − 32) × 5/9 = {c2}°C입니다.",
        ),
    ),
    "kg": (75, ("{kg}kg을 파운드로 바꿔 주세요.", "", "{kg} × 2.20462 ≈ {lb}파운드입니다.")),
    "cm": (120, ("{cm}cm는 몇 인치인가요?", "", "1인치는 2.54cm이므로 {cm} ÷ 2.54 ≈ {inch}인치입니다.")),
    "pct": (
        (40, 3500),
        ("다음 백분율을 계산하세요.", "{base}의 {p}%는 얼마인가요?", "{base} × {p_dec} = {res}입니다."),
    ),
}

SPEC["ru"] = {
    "money": lambda x, lang: f"{num(x, lang)} {ru_form(x, 'рубль', 'рубля', 'рублей')}",
    "cents": False,
    "words": _ru_words,
    "shop": [
        (
            (3, 45, 200),
            (
                "Я покупаю {n} тетради по {p}. Сколько нужно заплатить?",
                "{n} × {pn} = {tn}, значит, всего нужно заплатить {t}.",
                "А если я дам {b}, сколько мне дадут сдачи?",
                "{bn} − {tn} = {cn}, сдача — {c}.",
            ),
        ),
        (
            (5, 32, 500),
            (
                "Булочка стоит {p}. Сколько стоят {n} булочек?",
                "{n} × {pn} = {tn}, то есть {t}.",
                "Я плачу купюрой в {b}. Какая будет сдача?",
                "{bn} − {tn} = {cn}. Сдача — {c}.",
            ),
        ),
    ],
    "speed": (
        (270, 3, 630),
        (
            "Поезд проехал {d} км за {h_w}. Какова его средняя скорость?",
            "Средняя скорость = расстояние ÷ время = {d} ÷ {h} = {v} км/ч.",
            "Сколько времени при такой скорости займёт путь в {d2} км?",
            "Время = расстояние ÷ скорость = {d2} ÷ {v} = {t_w}.",
        ),
    ),
    "discount": (
        (2400, 35, 10),
        (
            "Куртка стоит {price_m}, скидка {pct} %. Сколько она стоит со скидкой?",
            "{pct} % от {price} — это {save_m} ({price} × {pct_dec}). Цена со скидкой: {price} − {save} = {sale_m}.",
            "А если на кассе дадут ещё {extra} % скидки на эту цену?",
            "{sale} × {extra_dec} = {final_m}. Общая скидка составит {total} %, а не {naive} %, потому что вторая скидка "
            "считается от уже сниженной цены.",
        ),
    ),
    "km": (
        (10, 3),
        (
            "Сколько миль в {km} километрах?",
            "1 км ≈ 0,621 мили, поэтому {km} км — это примерно {mi_w}.",
            "А сколько километров в {mi2} милях?",
            "{mi2} × 1,609 ≈ {km2} км.",
        ),
    ),
    "temp": (
        (-20, 50),
        (
            "Сколько будет {c} °C по Фаренгейту?",
            "°F = °C × 9/5 + 32, то есть {c} × 9/5 + 32 = {f} °F.",
            "А {f2} °F — это сколько по Цельсию?",
            "°C = (°F − 32) × 5/9, то есть ({f2} − 32) × 5/9 = {c2} °C.",
        ),
    ),
    "kg": (85, ("Переведи {kg_w} в фунты.", "", "{kg} × 2,20462 ≈ {lb_w}.")),
    "cm": (40, ("Сколько дюймов в {cm} сантиметрах?", "", "1 дюйм = 2,54 см, поэтому {cm} ÷ 2,54 ≈ {inch_w}.")),
    "pct": ((25, 1840), ("Вычисли процент.", "Сколько составляет {p} % от {base}?", "{base} × {p_dec} = {res}.")),
}

SPEC["pt"] = {
    "money": money_fmt("R$ {}", cents=True),
    "cents": True,
    "shop": [
        (
            (3, "4.50", 20),
            (
                "Vou comprar {n} cadernos a {p} cada. Quanto vou pagar no total?",
                "{n} × {p} = {t}. Você vai pagar {t} no total.",
                "Se eu pagar com uma nota de {b}, quanto recebo de troco?",
                "{b} − {t} = {c}. Seu troco é de {c}.",
            ),
        ),
        (
            (6, "2.75", 20),
            (
                "Um pão de queijo custa {p}. Quanto custam {n}?",
                "{n} × {p} = {t}.",
                "E quanto sobra de uma nota de {b}?",
                "{b} − {t} = {c}. Sobram {c}.",
            ),
        ),
    ],
    "speed": (
        (160, 2, 400),
        (
            "Um ônibus percorre {d} km em {h} horas. Qual é a velocidade média?",
            "Velocidade média = distância ÷ tempo = {d} ÷ {h} = {v} km/h.",
            "Nessa velocidade, quanto tempo leva para percorrer {d2} km?",
            "Tempo = distância ÷ velocidade = {d2} ÷ {v} = {t} horas.",
        ),
    ),
    "discount": (
        (150, 20, 10),
        (
            "Um tênis custa {price_m} e está com {pct}% de desconto. Qual é o preço final?",
            "{pct}% de {price_m} são {save_m} ({price} × {pct_dec}), então o preço fica {price_m} − {save_m} = {sale_m}.",
            "E se o caixa der mais {extra}% de desconto sobre esse preço?",
            "{sale_m} × {extra_dec} = {final_m}. O desconto total é de {total}%, e não {naive}%, porque o segundo desconto "
            "incide sobre o preço já reduzido.",
        ),
    ),
    "km": (
        (10, 6),
        (
            "Quantas milhas são {km} km?",
            "Cerca de {mi} milhas (1 km ≈ 0,621 milha).",
            "E {mi2} milhas em quilômetros?",
            "{mi2} × 1,609 ≈ {km2} km.",
        ),
    ),
    "temp": (
        ("36.5", 100),
        (
            "Quanto é {c} °C em Fahrenheit?",
            "°F = °C × 9/5 + 32, então {c} × 9/5 + 32 = {f} °F.",
            "E {f2} °F em Celsius?",
            "°C = (°F − 32) × 5/9, então ({f2} − 32) × 5/9 ≈ {c2} °C.",
        ),
    ),
    "kg": (68, ("Converta {kg} quilos para libras.", "", "{kg} × 2,20462 ≈ {lb} libras.")),
    "cm": (
        165,
        ("Quantas polegadas têm {cm} cm?", "", "Uma polegada tem 2,54 cm, então {cm} ÷ 2,54 ≈ {inch} polegadas."),
    ),
    "pct": ((15, 300), ("Calcule a porcentagem.", "Quanto é {p}% de {base}?", "{base} × {p_dec} = {res}.")),
}

SPEC["it"] = {
    "money": money_fmt("{} €", cents=True),
    "cents": True,
    "shop": [
        (
            (4, "1.30", 10),
            (
                "Prendo {n} caffè a {p} l'uno. Quanto spendo in tutto?",
                "{n} × {p} = {t}. In tutto spendi {t}.",
                "Se pago con una banconota da {b}, quanto resto ricevo?",
                "{b} − {t} = {c}: ricevi {c} di resto.",
            ),
        ),
        (
            (3, "2.60", 20),
            (
                "Un gelato costa {p}. Quanto costano {n} gelati?",
                "{n} × {p} = {t}.",
                "E se pago con {b}?",
                "{b} − {t} = {c}: ti danno {c} di resto.",
            ),
        ),
    ],
    "speed": (
        (220, 2, 330),
        (
            "Un treno percorre {d} km in {h} ore. Qual è la sua velocità media?",
            "Velocità media = distanza ÷ tempo = {d} ÷ {h} = {v} km/h.",
            "A questa velocità, quanto tempo serve per percorrere {d2} km?",
            "Tempo = distanza ÷ velocità = {d2} ÷ {v} = {t} ore.",
        ),
    ),
    "discount": (
        (90, 20, 10),
        (
            "Una borsa costa {price_m} ed è scontata del {pct}%. Quanto costa adesso?",
            "Il {pct}% di {price_m} è {save_m} ({price} × {pct_dec}), quindi costa {price_m} − {save_m} = {sale_m}.",
            "E con un ulteriore {extra}% di sconto alla cassa?",
            "{sale_m} × {extra_dec} = {final_m}. Lo sconto totale è del {total}%, non del {naive}%, perché il secondo sconto "
            "si applica al prezzo già ridotto.",
        ),
    ),
    "km": (
        (50, 15),
        (
            "Quante miglia sono {km} km?",
            "Circa {mi} miglia (1 km ≈ 0,621 miglia).",
            "E {mi2} miglia quanti chilometri sono?",
            "{mi2} × 1,609 ≈ {km2} km.",
        ),
    ),
    "temp": (
        (22, 45),
        (
            "Quanti gradi Fahrenheit sono {c} °C?",
            "°F = °C × 9/5 + 32, quindi {c} × 9/5 + 32 = {f} °F.",
            "E {f2} °F in Celsius?",
            "°C = (°F − 32) × 5/9, quindi ({f2} − 32) × 5/9 ≈ {c2} °C.",
        ),
    ),
    "kg": (72, ("Converti {kg} chilogrammi in libbre.", "", "{kg} × 2,20462 ≈ {lb} libbre.")),
    "cm": (
        80,
        ("Quanti pollici sono {cm} cm?", "", "Un pollice misura 2,54 cm, quindi {cm} ÷ 2,54 ≈ {inch} pollici."),
    ),
    "pct": ((25, 84), ("Calcola la percentuale.", "Quanto fa il {p}% di {base}?", "{base} × {p_dec} = {res}.")),
}

SPEC["vi"] = {
    "money": money_fmt("{} đồng", cents=False),
    "cents": False,
    "shop": [
        (
            (3, 12000, 50000),
            (
                "Tôi mua {n} cuốn vở, mỗi cuốn {p}. Tổng cộng tôi phải trả bao nhiêu?",
                "{n} × {pn} = {tn}, vậy bạn phải trả {t}.",
                "Nếu tôi đưa tờ {b} thì được trả lại bao nhiêu?",
                "{bn} − {tn} = {cn}, bạn được trả lại {c}.",
            ),
        ),
        (
            (4, 25000, 200000),
            (
                "Một ly cà phê sữa đá giá {p}. {n} ly thì bao nhiêu tiền?",
                "{n} × {pn} = {tn}, tức là {t}.",
                "Tôi đưa {b} thì được trả lại bao nhiêu?",
                "{bn} − {tn} = {cn}, bạn được trả lại {c}.",
            ),
        ),
    ],
    "speed": (
        (120, 3, 200),
        (
            "Một chiếc xe máy đi được {d} km trong {h} giờ. Vận tốc trung bình là bao nhiêu?",
            "Vận tốc trung bình = quãng đường ÷ thời gian = {d} ÷ {h} = {v} km/h.",
            "Với vận tốc đó, đi {d2} km mất bao lâu?",
            "Thời gian = quãng đường ÷ vận tốc = {d2} ÷ {v} = {t} giờ.",
        ),
    ),
    "discount": (
        (400000, 25, 10),
        (
            "Một chiếc áo giá {price_m}, đang giảm giá {pct}%. Giá sau khi giảm là bao nhiêu?",
            "{pct}% của {price_m} là {save_m} ({price} × {pct_dec}), nên giá còn {price} − {save} = {sale_m}.",
            "Nếu được giảm thêm {extra}% trên giá đã giảm thì sao?",
            "{sale} × {extra_dec} = {final_m}. Tổng mức giảm là {total}% chứ không phải {naive}%, vì lần giảm thứ hai "
            "tính trên giá đã giảm.",
        ),
    ),
    "km": (
        (20, 5),
        (
            "{km} km bằng bao nhiêu dặm?",
            "1 km ≈ 0,621 dặm, nên {km} km ≈ {mi} dặm.",
            "Còn {mi2} dặm bằng bao nhiêu km?",
            "{mi2} × 1,609 ≈ {km2} km.",
        ),
    ),
    "temp": (
        (33, 68),
        (
            "{c} °C bằng bao nhiêu độ F?",
            "°F = °C × 9/5 + 32, nên {c} × 9/5 + 32 = {f} °F.",
            "Còn {f2} °F là bao nhiêu độ C?",
            "°C = (°F − 32) × 5/9, nên ({f2} − 32) × 5/9 = {c2} °C.",
        ),
    ),
    "kg": (52, ("Đổi {kg} kg sang pound.", "", "{kg} × 2,20462 ≈ {lb} pound.")),
    "cm": (158, ("{cm} cm bằng bao nhiêu inch?", "", "1 inch = 2,54 cm, nên {cm} ÷ 2,54 ≈ {inch} inch.")),
    "pct": ((10, 350000), ("Tính phần trăm sau.", "{p}% của {base} là bao nhiêu?", "{base} × {p_dec} = {res}.")),
}

SPEC["id"] = {
    "money": money_fmt("Rp{}", cents=False),
    "cents": False,
    "shop": [
        (
            (4, 4500, 20000),
            (
                "Saya membeli {n} buku tulis seharga {p} per buku. Berapa total yang harus saya bayar?",
                "{n} × {p} = {t}, jadi totalnya {t}.",
                "Kalau saya bayar dengan uang {b}, berapa kembaliannya?",
                "{b} − {t} = {c}. Kembaliannya {c}.",
            ),
        ),
        (
            (3, 15000, 50000),
            (
                "Satu porsi nasi goreng harganya {p}. Berapa harga {n} porsi?",
                "{n} × {p} = {t}.",
                "Kalau saya bayar {b}, berapa kembaliannya?",
                "{b} − {t} = {c}.",
            ),
        ),
    ],
    "speed": (
        (150, 3, 250),
        (
            "Sebuah bus menempuh jarak {d} km dalam {h} jam. Berapa kecepatan rata-ratanya?",
            "Kecepatan rata-rata = jarak ÷ waktu = {d} ÷ {h} = {v} km/jam.",
            "Dengan kecepatan itu, berapa lama waktu untuk menempuh {d2} km?",
            "Waktu = jarak ÷ kecepatan = {d2} ÷ {v} = {t} jam.",
        ),
    ),
    "discount": (
        (250000, 30, 10),
        (
            "Harga sepatu {price_m} dan sedang diskon {pct}%. Berapa harganya setelah diskon?",
            "{pct}% dari {price_m} adalah {save_m} ({price} × {pct_dec}), jadi harganya {price_m} − {save_m} = {sale_m}.",
            "Kalau di kasir ada diskon tambahan {extra}% dari harga itu?",
            "{sale_m} × {extra_dec} = {final_m}. Total diskonnya {total}%, bukan {naive}%, karena diskon kedua dihitung dari "
            "harga yang sudah turun.",
        ),
    ),
    "km": (
        (15, 8),
        (
            "{km} km itu berapa mil?",
            "1 km ≈ 0,621 mil, jadi {km} km ≈ {mi} mil.",
            "Kalau {mi2} mil berapa km?",
            "{mi2} × 1,609 ≈ {km2} km.",
        ),
    ),
    "temp": (
        (31, 95),
        (
            "{c} °C itu berapa derajat Fahrenheit?",
            "°F = °C × 9/5 + 32, jadi {c} × 9/5 + 32 = {f} °F.",
            "Kalau {f2} °F berapa derajat Celsius?",
            "°C = (°F − 32) × 5/9, jadi ({f2} − 32) × 5/9 = {c2} °C.",
        ),
    ),
    "kg": (58, ("Ubah {kg} kg ke pound (lb).", "", "{kg} × 2,20462 ≈ {lb} lb.")),
    "cm": (170, ("{cm} cm itu berapa inci?", "", "1 inci = 2,54 cm, jadi {cm} ÷ 2,54 ≈ {inch} inci.")),
    "pct": ((20, 75000), ("Hitung persentase berikut.", "Berapa {p}% dari {base}?", "{base} × {p_dec} = {res}.")),
}

# Turkish case suffixes follow the spoken number (kırk → 'ın, on beş → 'i), so these numbers are fixed.
SPEC["tr"] = {
    "money": money_fmt("{} TL", cents=True),
    "cents": True,
    "shop": [
        (
            (3, 45, 200),
            (
                "Tanesi {p} olan defterlerden {n} tane alıyorum. Toplam ne kadar öderim?",
                "{n} × {pn} = {tn}, yani toplam {t} ödersiniz.",
                "{b} verirsem ne kadar para üstü alırım?",
                "{bn} − {tn} = {cn}, yani {c} para üstü alırsınız.",
            ),
        ),
        (
            (4, "12.50", 100),
            (
                "Bir simit {p}. {n} simit kaç lira eder?",
                "{n} × {pn} = {t}.",
                "{b} verirsem ne kadar para üstü alırım?",
                "{bn} − {tn} = {cn}, yani {c} para üstü alırsınız.",
            ),
        ),
    ],
    "speed": (
        (300, 3, 500),
        (
            "Bir otobüs {d} km'lik yolu {h} saatte gidiyor. Ortalama hızı nedir?",
            "Ortalama hız = yol ÷ zaman = {d} ÷ {h} = {v} km/sa.",
            "Aynı hızla {d2} km ne kadar sürer?",
            "Zaman = yol ÷ hız = {d2} ÷ {v} = {t} saat.",
        ),
    ),
    "discount": (
        (600, 15, 10),
        (
            "{price_m}'lik bir ceket %{pct} indirimde. İndirimli fiyatı ne kadar?",
            "{price_m}'nin %{pct}'i {save_m}'dir ({price} × {pct_dec}). İndirimli fiyat {price} − {save} = {sale_m}.",
            "Kasada indirimli fiyat üzerinden %{extra} daha indirim yapılırsa?",
            "{sale} × {extra_dec} = {final_m}. Toplam indirim %{naive} değil, %{total} olur; çünkü ikinci indirim zaten "
            "düşmüş fiyata uygulanır.",
        ),
    ),
    "km": (
        (10, "26.2"),
        (
            "{km} km kaç mil eder?",
            "1 km ≈ 0,621 mil, yani {km} km yaklaşık {mi} mildir.",
            "Peki {mi2} mil kaç kilometre?",
            "{mi2} × 1,609 ≈ {km2} km; bu da maraton mesafesidir.",
        ),
    ),
    "temp": (
        (25, 50),
        (
            "{c} °C kaç derece Fahrenheit eder?",
            "°F = °C × 9/5 + 32, yani {c} × 9/5 + 32 = {f} °F.",
            "Peki {f2} °F kaç derece santigrat?",
            "°C = (°F − 32) × 5/9, yani ({f2} − 32) × 5/9 = {c2} °C.",
        ),
    ),
    "kg": (64, ("{kg} kilogramı libreye çevir.", "", "{kg} × 2,20462 ≈ {lb} libre.")),
    "cm": (190, ("{cm} cm kaç inç eder?", "", "1 inç = 2,54 cm, yani {cm} ÷ 2,54 ≈ {inch} inç.")),
    "pct": ((15, 840), ("Yüzdeyi hesapla.", "{base}'ın %{p}'i kaçtır?", "{base} × {p_dec} = {res}.")),
}


# ---------------------------------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------------------------------
CONV["en"] = [
    ["What is the capital of France?", "The capital of France is Paris."],
    [
        "What is the capital of France?",
        "Paris is the capital of France. It is also the country's largest city.",
        "Which river runs through it?",
        "The Seine flows through Paris. Locals speak of the Right Bank (Rive Droite) to the north of the river and the "
        "Left Bank (Rive Gauche) to the south.",
    ],
    [
        "Is Sydney the capital of Australia?",
        "No. Sydney is Australia's largest city, but the capital is Canberra.",
        "Why Canberra and not Sydney?",
        "When the Australian colonies federated in 1901, Sydney and Melbourne both wanted to be the capital. As a "
        "compromise, a new planned city, Canberra, was built between them, and Parliament moved there in 1927.",
    ],
    [
        "Which city is the capital of Japan?",
        "Tokyo is the capital of Japan.",
        "Has it always been the capital?",
        "No. Kyoto was the imperial capital for more than a thousand years, from 794. In 1868 the emperor moved to "
        'Edo, which was renamed Tokyo, meaning "eastern capital".',
    ],
    [
        "Hi! How are you today?",
        "Hello! I'm doing well, thank you for asking. How can I help you today?",
        "Nothing special, I'm just bored. Any ideas for a rainy afternoon?",
        "Here are a few ideas:\n- Try a new recipe with what you already have in the kitchen.\n- Start a short novel or "
        "a podcast series.\n- Learn ten useful phrases in a new language.\n- Do a jigsaw or crossword puzzle.\n- Sort "
        "the photos on your phone into albums.",
        "I like the cooking idea. Something easy?",
        "A vegetable omelette is hard to get wrong: beat two or three eggs with a pinch of salt, soften some chopped "
        "onion, pepper or spinach in a little oil, pour the eggs over, and cook on low heat until just set.",
    ],
    [
        "I keep waking up tired. Do you have any tips for better sleep?",
        "A few habits help most people:\n1. Go to bed and get up at the same time every day, even at weekends.\n2. "
        "Avoid caffeine after early afternoon.\n3. Keep the bedroom dark, quiet and cool.\n4. Put screens away about "
        "an hour before bed.",
        "How much sleep do adults actually need?",
        "Most adults need 7 to 9 hours a night. If you regularly sleep that long and still wake up exhausted, it is "
        "worth talking to a doctor, since conditions such as sleep apnoea can be the cause.",
    ],
    [
        "How do I cook white rice on the stove?",
        "Rinse 1 cup of rice until the water runs almost clear. Put it in a pot with about 1.5 cups of water and a "
        "pinch of salt, bring it to the boil, then cover and simmer on the lowest heat for 15 minutes. Take it off the "
        "heat and let it rest, still covered, for 10 minutes before fluffing it with a fork.",
        "Mine always comes out sticky. What am I doing wrong?",
        "Sticky rice usually means too much starch or too much water. Rinse the rice more thoroughly, use slightly "
        "less water, and resist stirring or lifting the lid while it cooks.",
    ],
    [
        "Why is the sky blue?",
        "Sunlight contains all colours. When it passes through the air, the gas molecules scatter short wavelengths, "
        "like blue, much more strongly than long ones, like red. This is called Rayleigh scattering, and the scattered "
        "blue light reaches our eyes from every part of the sky.",
        "Then why are sunsets red or orange?",
        "At sunset the light travels through much more air to reach you. Most of the blue is scattered away along the "
        "way, so the light that gets through directly is dominated by red and orange.",
    ],
    [
        "At what temperature does water boil?",
        "At sea level, pure water boils at 100 °C (212 °F).",
        "Is it different on a mountain?",
        "Yes. Air pressure drops with altitude, and so does the boiling point. At about 3,000 metres water boils at "
        "roughly 90 °C.",
        "So does cooking take longer up there?",
        "Yes. Because the water is cooler, pasta or eggs take longer to cook. That is one reason pressure cookers are "
        "popular in high-altitude places: they raise the pressure and therefore the boiling point.",
    ],
    [
        "When did the Second World War end?",
        "It ended in 1945. In Europe, Germany surrendered on 8 May 1945. In Asia, Japan announced its surrender on "
        "15 August and formally signed it on 2 September 1945.",
        "Which international organisation was created right after the war?",
        "The United Nations. Its Charter was signed in San Francisco in June 1945 and came into force on 24 October "
        "1945, which is why 24 October is celebrated as United Nations Day.",
    ],
    [
        "I'm flying for the first time next week. What should I know?",
        "Congratulations on your first flight! A few basics:\n- Arrive about 2 hours early for a domestic flight and "
        "3 hours for an international one.\n- Check your airline's baggage allowance before packing.\n- Liquids in "
        "hand luggage usually have to be in small containers, typically up to 100 ml each.\n- Keep your ID or passport "
        "and boarding pass easy to reach.",
        "Can I bring my water bottle?",
        "Yes, as long as it is empty when you go through security. Most airports have water fountains or cafés where "
        "you can fill it up afterwards.",
    ],
    [
        'Can you make this sentence more polite? "Send me the report now."',
        'Sure. A polite version would be: "Could you please send me the report when you have a moment?" If it is '
        "urgent, you can say so kindly: \"Could you please send me the report today? I need it for this afternoon's "
        'meeting."',
        "Thanks! How should I end the email?",
        'A short, friendly closing works well, for example "Thank you in advance," or "Best regards," followed by '
        "your name on the next line.",
    ],
    [
        'How do you say "Where is the train station?" in Spanish?',
        '"¿Dónde está la estación de tren?"',
        "And in French?",
        '"Où est la gare ?" In French, "la gare" already means the railway station, so you don\'t need to add a '
        'word for "train".',
    ],
    [
        "What is inflation?",
        "Inflation is a general rise in prices over time. When inflation is 5% a year, something that cost 100 at the "
        "start of the year costs about 105 at the end, so the same amount of money buys less.",
        "Is some inflation normal?",
        "Yes. Many central banks, including the US Federal Reserve and the European Central Bank, aim for inflation of "
        "about 2% a year. Very high inflation is harmful, but falling prices (deflation) can also hurt the economy.",
    ],
    [
        "Write a Python function that reverses a string.",
        "Here is a short version that uses slicing:\n\n```python\ndef reverse(text: str) -> str:\n    return "
        'text[::-1]\n```\n\n`reverse("hello")` returns `"olleh"`.',
        "How could I use it to check whether a word is a palindrome?",
        "Compare the word with its reverse, ignoring case:\n\n```python\ndef is_palindrome(word: str) -> bool:\n    "
        'word = word.lower()\n    return word == reverse(word)\n```\n\n`is_palindrome("Level")` returns `True`, and '
        '`is_palindrome("python")` returns `False`.',
    ],
    [
        "I just burned my finger on a hot pan. What should I do?",
        "Hold the burn under cool (not icy) running water for about 20 minutes. Take off any rings before the finger "
        "swells, then cover the burn loosely with cling film or a clean, non-fluffy dressing. Don't use ice, butter or "
        "toothpaste. Get medical help if the burn is larger than your palm, looks deep, or is on the face or a joint.",
        "A small blister has appeared. Should I pop it?",
        "No, leave it alone. The blister protects the skin underneath from infection. If it breaks on its own, keep "
        "the area clean and covered.",
    ],
    [
        "What should I do if a pan of oil catches fire?",
        "Never throw water on it, because burning oil can explode into a fireball. If it is safe, turn off the heat and "
        "cover the pan with a lid or a damp tea towel to cut off the air, then leave it covered until it cools. If the "
        "fire is spreading, get everyone out, close the door and call the emergency services.",
    ],
    [
        "What should I do during an earthquake?",
        "Drop, cover and hold on: drop to your hands and knees, take cover under a sturdy table or desk, and hold on "
        "until the shaking stops. Stay away from windows and heavy objects that could fall. If you are outside, move "
        "to an open area away from buildings and power lines.",
        "And after the shaking stops?",
        "Check yourself and others for injuries, and expect aftershocks. If you smell gas, leave the building. Use the "
        "stairs rather than lifts, and follow instructions from local authorities.",
    ],
    [
        "How many planets are there in the Solar System?",
        "There are eight: Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus and Neptune.",
        "What happened to Pluto?",
        "In 2006 the International Astronomical Union reclassified Pluto as a dwarf planet, because it has not cleared "
        "its orbit of other objects.",
        "Which planet is the largest?",
        "Jupiter. It is so big that more than 1,300 Earths could fit inside it.",
    ],
    [
        "Is a whale a fish?",
        "No, whales are mammals. They breathe air through lungs, are warm-blooded, and feed their young with milk.",
        "What is the largest animal that has ever lived?",
        "The blue whale. It can grow to about 30 metres long and weigh well over 100 tonnes, larger than any known "
        "dinosaur.",
    ],
    [
        "I have to learn 500 German words for an exam in 30 days. How should I go about it?",
        "Use spaced repetition: flashcards that you review just before you would forget them, in a paper box or an "
        "app. Say each word out loud, learn nouns together with their article (der, die, das), and write a short "
        "sentence with every new word.",
        "How many new words a day is that?",
        "500 ÷ 30 ≈ 16.7, so about 17 new words a day. If you plan for 20 a day, you will finish in 25 days and keep "
        "the last 5 days for review.",
    ],
    [
        "What is the 50/30/20 budgeting rule?",
        "It splits your take-home pay into three parts: 50% for needs (rent, food, bills), 30% for wants (eating out, "
        "hobbies) and 20% for savings or paying off debt.",
        "What would that look like if I take home $2,400 a month?",
        "$1,200 for needs (50%), $720 for wants (30%) and $480 for savings or debt (20%). Together that makes $2,400.",
    ],
    [
        "How much exercise should an adult get each week?",
        "The World Health Organization recommends 150 to 300 minutes of moderate activity, such as brisk walking, or "
        "75 to 150 minutes of vigorous activity a week, plus muscle-strengthening exercise on at least two days.",
        "I only have 20 minutes a day. Is that enough?",
        "20 minutes × 7 days = 140 minutes, just under the 150-minute minimum. Adding 5 extra minutes on two days "
        "would get you there, and any activity is better than none.",
    ],
]

INST["en"] = [
    ("Name the capital of the given country.", "Germany", "Berlin."),
    (
        "What is the capital of Canada?",
        "",
        "The capital of Canada is Ottawa, in the province of Ontario. Toronto is larger, but it is not the capital.",
    ),
    (
        "Translate the sentence into French.",
        "I would like a cup of coffee, please.",
        "Je voudrais une tasse de café, s'il vous plaît.",
    ),
    (
        "Summarize the text in one sentence.",
        "Bees visit flowers to collect nectar and pollen. As they move from flower to flower, pollen sticks to their "
        "bodies and is carried to other plants, which allows those plants to produce fruit and seeds. Many crops, such "
        "as apples, almonds and blueberries, depend heavily on this process.",
        "By carrying pollen between flowers while they feed, bees pollinate many plants, including important crops.",
    ),
    (
        "Classify the sentiment of the review as positive, negative or neutral.",
        "The food was cold and the waiter ignored us for twenty minutes.",
        "Negative.",
    ),
    (
        "Give three tips for saving energy at home.",
        "",
        "1. Switch to LED bulbs and turn off lights in empty rooms.\n2. Lower the heating by 1 °C and wear a jumper.\n"
        "3. Run the washing machine and dishwasher only when they are full.",
    ),
    (
        "Write a four-line poem about autumn.",
        "",
        "The maple trees turn red and gold,\nThe mornings smell of rain and cold,\nThe geese fly south in ragged "
        "lines,\nAnd lamps are lit by half past nine.",
    ),
    (
        "Correct the grammar of the sentence.",
        "She don't like apples and she have never eat a pear.",
        "She doesn't like apples, and she has never eaten a pear.",
    ),
    (
        "Explain photosynthesis in one or two simple sentences.",
        "",
        "Photosynthesis is how plants make their own food: they use energy from sunlight to turn water and carbon "
        "dioxide into sugar. Oxygen is released as a by-product, which is the oxygen we breathe.",
    ),
    (
        "Give an antonym for each word.",
        "ancient, generous, fragile",
        "ancient → modern\ngenerous → stingy\nfragile → sturdy",
    ),
    (
        "Write a SQL query for the request.",
        "Return the names and emails of all customers in the table `customers` whose city is Lisbon, sorted by name.",
        "```sql\nSELECT name, email\nFROM customers\nWHERE city = 'Lisbon'\nORDER BY name;\n```",
    ),
    ("Sort the numbers from smallest to largest.", "42, 7, 19, 3, 88, 25", "3, 7, 19, 25, 42, 88"),
    (
        "What is the highest mountain in the world and how high is it?",
        "",
        "Mount Everest, on the border between Nepal and China, is the highest mountain above sea level. Its height is "
        "8,849 metres according to the 2020 survey by the two countries.",
    ),
    (
        "List the countries mentioned in the text.",
        "Last summer we drove from Portugal through Spain to France, then took a ferry to Ireland.",
        "Portugal, Spain, France, Ireland",
    ),
    (
        "Write a short product description.",
        "Reusable water bottle; stainless steel; 750 ml; keeps drinks cold for 24 hours",
        "Stay refreshed all day with this 750 ml stainless-steel bottle. Its double wall keeps drinks cold for up to "
        "24 hours, and because it is reusable, it saves you money and cuts down on plastic waste.",
    ),
    (
        "Explain what a leap year is.",
        "",
        "A leap year has 366 days instead of 365, with an extra day on 29 February. It keeps the calendar in step with "
        "Earth's orbit. A year is a leap year if it is divisible by 4, except century years, which must be divisible "
        "by 400: 2000 was a leap year, but 1900 was not.",
    ),
    (
        "Rewrite the message in a formal tone.",
        "Hey, can't make it to the meeting tomorrow, sorry!",
        "Unfortunately, I will not be able to attend tomorrow's meeting. Please accept my apologies.",
    ),
]

UC["en"] = [
    (
        "a nurse preparing for a night shift",
        "Give me practical tips to stay alert and healthy during a 12-hour night shift.",
        "",
        "- Take a nap of 60–90 minutes in the late afternoon before your shift.\n- Eat light, regular meals instead of "
        "one heavy one, and keep healthy snacks nearby.\n- Drink water through the night.\n- Have caffeine early in the "
        "shift and avoid it in the last few hours, so you can sleep afterwards.\n- After work, sleep in a dark, quiet "
        "room; blackout curtains and earplugs help.",
    ),
    (
        "a primary school teacher planning a science lesson",
        "Explain the water cycle so that 9-year-olds can understand it.",
        "",
        "The Sun warms water in seas, lakes and puddles, and some of it turns into an invisible gas called water vapour. "
        "That is evaporation. High in the sky the vapour cools down and turns into tiny droplets that make clouds: "
        "condensation. When the droplets join and get heavy, they fall as rain or snow: precipitation. The water flows "
        "back into rivers and seas, and the cycle starts again.",
    ),
    (
        "the owner of a small bakery",
        "Write a short, friendly social media post announcing our new opening hours.",
        "New hours: Tuesday to Sunday, 7:00–15:00; closed on Mondays",
        "Good news, bread lovers! 🥐 From next week we're open Tuesday to Sunday, 7:00 to 15:00, so you can grab your "
        "morning loaf a little earlier. We'll be closed on Mondays to rest and bake up new ideas. See you soon!",
    ),
    (
        "a university student with an exam in two weeks",
        "Make me a simple study plan.",
        "Subject: introductory statistics, 5 chapters",
        "Days 1–10: one chapter every two days. On the first day read the chapter and take notes; on the second, do the "
        "exercises and write down anything unclear.\nDays 11–12: do a full past paper under timed conditions and mark "
        "it.\nDay 13: go over your mistakes and the questions you noted.\nDay 14: light review of formulas only, and "
        "get a good night's sleep.",
    ),
    (
        "a parent of two young children",
        "Suggest five healthy lunchbox ideas.",
        "",
        "1. Wholemeal wrap with hummus, grated carrot and cucumber.\n2. Pasta salad with peas, sweetcorn and tuna.\n3. "
        "Cheese cubes, crackers, cherry tomatoes and apple slices.\n4. Leftover chicken with rice and steamed "
        "broccoli.\n5. Boiled egg, a small bread roll and a handful of grapes (cut in half for small children).",
    ),
    (
        "a software developer who is new to Git",
        "How do I create a new branch and switch to it?",
        "",
        "Run `git switch -c my-feature`, which creates the branch `my-feature` from your current commit and switches "
        "to it. On older Git versions, `git checkout -b my-feature` does the same. Use `git branch` to see which branch "
        "you are on.",
    ),
    (
        "a retiree starting a vegetable garden",
        "How often should I water my tomato plants?",
        "",
        "Water deeply rather than often: in warm weather, about two or three times a week, soaking the soil around the "
        "roots. In very hot spells or in pots, they may need water daily. Water the soil, not the leaves, ideally in the "
        "morning, and a layer of mulch will help keep the moisture in.",
    ),
    (
        "a job seeker applying for a receptionist position",
        "Write an opening sentence for my cover letter.",
        "I have three years of experience at a hotel front desk.",
        "With three years of experience welcoming guests at a busy hotel front desk, I would be delighted to bring my "
        "organisation and customer-service skills to the receptionist position at your company.",
    ),
    (
        "a cyclist who commutes to work",
        "What should I check on my bike every week?",
        "",
        "- Tyre pressure: pump them to the value printed on the tyre wall.\n- Brakes: squeeze each lever; the bike "
        "should stop firmly before the lever reaches the handlebar.\n- Chain: clean and lubricate it if it looks dry or "
        "squeaks.\n- Lights: check that the front and rear lights work and are charged.",
    ),
    (
        "a traveller visiting Japan for the first time",
        "Give me a few etiquette tips.",
        "",
        "- Take off your shoes when entering homes, some restaurants and temples; look for a step or shoe rack.\n- "
        "Tipping is not customary and can cause confusion.\n- Keep your voice down and avoid phone calls on trains.\n- "
        "Public bins are rare, so carry a small bag for your rubbish.",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Chinese (Simplified)
# ---------------------------------------------------------------------------------------------------------------
CONV["zh"] = [
    ["法国的首都是哪里？", "法国的首都是巴黎。"],
    [
        "法国的首都是什么城市？",
        "法国的首都是巴黎，它也是法国最大的城市。",
        "有什么河流经巴黎？",
        "塞纳河穿城而过。人们习惯把河的北边叫作“右岸”，南边叫作“左岸”。",
    ],
    [
        "澳大利亚的首都是悉尼吗？",
        "不是。悉尼是澳大利亚最大的城市，但首都是堪培拉。",
        "为什么选堪培拉当首都？",
        "1901年澳大利亚联邦成立时，悉尼和墨尔本都想当首都。作为折中，政府在两座城市之间新建了堪培拉，1927年议会正式迁到那里。",
    ],
    [
        "巴西的首都是哪座城市？",
        "巴西的首都是巴西利亚。",
        "我一直以为是里约热内卢。",
        "很多人都这么以为。里约热内卢确实曾经是巴西的首都，但1960年首都迁到了新建的巴西利亚，目的是带动内陆地区的发展。",
    ],
    [
        "你好！今天工作压力好大。",
        "你好，辛苦了！压力大的时候先别急着逼自己，愿意的话可以跟我说说发生了什么。",
        "就是事情太多，做不完。有没有简单的放松办法？",
        "可以试试这几个方法：\n1. 慢慢深呼吸：吸气4秒，呼气6秒，重复几分钟。\n2. 离开座位，出去走十分钟。\n3. 把要做的事写下来，按轻重缓急排个序，先做最重要的一件。\n4. 晚上早点休息，别熬夜。",
    ],
    [
        "晚上总是睡不着，怎么办？",
        "可以从这几个习惯入手：每天固定时间睡觉和起床；下午以后少喝咖啡和浓茶；睡前一小时放下手机；卧室保持安静、黑暗、凉爽。",
        "成年人每天要睡多久才够？",
        "大多数成年人每晚需要7到9个小时。如果长期失眠，或者睡够了还是很累，最好去医院看看。",
    ],
    [
        "西红柿炒鸡蛋怎么做？",
        "1. 两个西红柿切块，三个鸡蛋加少许盐打散。\n2. 热锅放油，倒入蛋液，炒到刚凝固就盛出来。\n3. 锅里再加一点油，放西红柿翻炒出汁。\n4. 倒回鸡蛋，加盐调味，翻炒均匀就可以出锅了。",
        "一定要放糖吗？",
        "不一定。放一点糖可以中和西红柿的酸味，各地口味不同，不喜欢甜的话完全可以不放。",
    ],
    [
        "天空为什么是蓝色的？",
        "太阳光里包含各种颜色的光。光穿过大气时，空气分子对波长短的蓝光散射得比红光强得多，这叫瑞利散射。被散射的蓝光从四面八方进入我们的眼睛，所以天空看起来是蓝色的。",
        "那为什么傍晚的晚霞是红色的？",
        "傍晚太阳光要斜着穿过更厚的大气层，蓝光在路上几乎都被散射掉了，剩下直接照过来的主要是红光和橙光，所以晚霞是红色的。",
    ],
    [
        "水在多少度会沸腾？",
        "在海平面附近，纯水的沸点是100 °C。",
        "在西藏也是这样吗？",
        "不是。海拔越高，气压越低，水的沸点也越低。拉萨海拔约3650米，水大约在88 °C就开了。",
        "所以在高原煮饭要用高压锅？",
        "对。高压锅能提高锅内的气压，让水的沸点升到100 °C以上，这样米饭和肉才容易煮熟。",
    ],
    [
        "秦始皇是哪一年统一中国的？",
        "公元前221年，秦王嬴政灭掉六国，建立了中国历史上第一个统一的中央集权王朝——秦朝，并自称“始皇帝”。",
        "他统一之后还做了哪些事？",
        "主要有：统一文字（以小篆为标准）、统一货币和度量衡、修建驰道，还把原来各国的长城连接起来，用来防御北方的匈奴。",
    ],
    [
        "中国古代的四大发明是什么？",
        "造纸术、印刷术、火药和指南针。",
        "造纸术是谁发明的？",
        "考古发现西汉时期就已经有纸了。东汉的蔡伦在公元105年前后改进了造纸技术，用树皮、麻头、破布等原料造纸，让纸变得便宜又好用，所以人们常把造纸术和他联系在一起。",
    ],
    [
        "第一次去北京旅游，有什么建议？",
        "可以把行程分成几块：第一天去天安门广场和故宫，第二天去八达岭或慕田峪长城，再安排一天去颐和园和天坛。地铁很方便，尽量避开早晚高峰。",
        "故宫需要提前预约吗？",
        "需要。故宫博物院实行实名制网上预约购票，旺季门票经常提前售完。另外要注意，除法定节假日外，故宫周一闭馆。",
    ],
    [
        "帮我把这句话改得礼貌一点：“把报告马上发给我。”",
        "可以这样说：“麻烦您方便的时候把报告发给我，谢谢！”如果比较着急，也可以说：“不好意思，下午开会要用，能否请您今天把报告发给我？”",
        "谢谢！邮件最后怎么结尾比较好？",
        "正式一点可以写“此致 敬礼”，日常工作邮件写“祝工作顺利！”或“谢谢！”再署上自己的名字就可以了。",
    ],
    [
        "“谢谢你的帮助”用英语怎么说？",
        "“Thank you for your help.”",
        "那用日语怎么说？",
        "比较随意的说法是“手伝ってくれてありがとう。”；对长辈或在工作场合，可以说“ご協力いただき、ありがとうございます。”",
    ],
    [
        "什么是通货膨胀？",
        "通货膨胀是指物价在一段时间内普遍持续上涨。比如通胀率是5%，年初100元能买到的东西，到年底大约要105元，钱的购买力下降了。",
        "有一点通胀是正常的吗？",
        "是的。很多国家的央行都把通胀目标定在每年2%左右。通胀太高有害，但物价持续下跌的通货紧缩同样会伤害经济。",
    ],
    [
        "用 Python 写一个函数，计算一个列表的平均值。",
        "```python\ndef average(numbers):\n    return sum(numbers) / len(numbers)\n```\n\n例如 `average([2, 4, 9])` 返回 `5.0`。",
        "如果列表是空的会怎么样？",
        '空列表的长度是0，会触发 `ZeroDivisionError`。可以先检查一下：\n\n```python\ndef average(numbers):\n    if not numbers:\n        raise ValueError("列表不能为空")\n    return sum(numbers) / len(numbers)\n```',
    ],
    [
        "做饭时手指被锅烫了一下，怎么处理？",
        "马上用流动的凉水（不要用冰水）冲烫伤处大约20分钟，趁手指还没肿起来把戒指摘下，然后用干净的纱布或保鲜膜轻轻盖住。不要涂牙膏、酱油或黄油。如果烫伤面积比手掌大、伤得很深，或者在脸上、关节处，要尽快就医。",
        "起了个小水泡，要挑破吗？",
        "不要挑破。水泡能保护下面的皮肤不被感染。如果它自己破了，要保持清洁并盖好。",
    ],
    [
        "炒菜时油锅着火了怎么办？",
        "千万不要泼水，水遇到燃烧的热油会让火焰猛烈喷溅。如果安全的话，先关火，再用锅盖或湿毛巾盖住锅，隔绝空气，等它冷却后再打开；也可以倒入切好的青菜降温。如果火势已经蔓延，立刻离开并拨打119。",
    ],
    [
        "发生地震时应该怎么做？",
        "记住“趴下、掩护、抓牢”：立即趴下，躲到结实的桌子下面，抓住桌腿直到晃动停止。远离窗户和可能倒下的柜子。如果在室外，要跑到空旷的地方，远离楼房和电线。",
        "地震停了以后呢？",
        "先检查自己和身边人有没有受伤，注意可能发生的余震。闻到煤气味要马上离开。下楼走楼梯，不要坐电梯，并听从当地政府的指示。",
    ],
    [
        "太阳系有几颗行星？",
        "八颗：水星、金星、地球、火星、木星、土星、天王星和海王星。",
        "冥王星呢？",
        "2006年国际天文学联合会把冥王星重新归为矮行星，因为它没能清除轨道附近的其他天体。",
        "哪颗行星最大？",
        "木星最大，它的体积大约是地球的1300多倍。",
    ],
    [
        "鲸鱼是鱼吗？",
        "不是。鲸鱼是哺乳动物：用肺呼吸空气，体温恒定，还用乳汁喂养幼崽。",
        "世界上最大的动物是什么？",
        "蓝鲸。它的体长可达30米左右，体重能超过100吨，比已知的任何恐龙都大。",
    ],
    [
        "我一个月内要背600个英语单词，怎么安排比较好？",
        "建议用“间隔重复”的方法：用单词卡或背单词软件，在快要忘记的时候复习。每个词读出声来，再用它造一个句子，记得更牢。",
        "那每天要背多少个？",
        "600 ÷ 30 = 20，每天20个新词就够了。如果想留出最后几天总复习，可以每天背24个，25天就能背完（24 × 25 = 600）。",
    ],
    [
        "成年人每周应该运动多长时间？",
        "世界卫生组织建议：每周进行150到300分钟中等强度运动（比如快走），或者75到150分钟高强度运动，另外每周至少两天做力量训练。",
        "我每天只有20分钟，够吗？",
        "20分钟 × 7天 = 140分钟，离150分钟只差一点。有两天各多运动5分钟就达标了。再说，动一动总比不动好。",
    ],
]

INST["zh"] = [
    ("说出下面这个国家的首都。", "德国", "柏林。"),
    ("加拿大的首都是哪个城市？", "", "加拿大的首都是渥太华。多伦多虽然是加拿大最大的城市，但并不是首都。"),
    (
        "把下面的句子翻译成英文。",
        "我明天早上八点要去机场。",
        "I have to go to the airport at eight o'clock tomorrow morning.",
    ),
    (
        "用一句话概括下面这段话。",
        "大熊猫主要生活在中国四川、陕西和甘肃的山区竹林里。它们每天要花十几个小时吃竹子，因为竹子营养很低。经过多年的保护，野生大熊猫的数量已经有所增加。",
        "大熊猫生活在中国西部山区、以竹子为主食，在保护下野生数量有所回升。",
    ),
    ("判断下面这条评论的情感是正面、负面还是中性。", "快递很快，包装也很仔细，衣服质量超出预期！", "正面。"),
    (
        "给出三条节约用水的小建议。",
        "",
        "1. 刷牙、打肥皂时关掉水龙头。\n2. 洗菜的水可以用来浇花或冲厕所。\n3. 洗衣机和洗碗机攒满了再用。",
    ),
    ("写一首四句的短诗，主题是春天。", "", "柳枝新绿映小河，\n燕子归来唱清歌。\n细雨一夜润田野，\n满山桃花笑颜多。"),
    ("改正下面句子中的错别字。", "今天天气很好，我门一起去公圆玩吧。", "今天天气很好，我们一起去公园玩吧。"),
    (
        "用简单的话解释什么是光合作用。",
        "",
        "光合作用就是植物“做饭”的过程：叶子利用阳光的能量，把水和二氧化碳变成糖分，同时放出氧气。我们呼吸的氧气很多就是这样来的。",
    ),
    ("写出下列词语的反义词。", "高兴、勤劳、复杂", "高兴—难过\n勤劳—懒惰\n复杂—简单"),
    (
        "写一个 Python 函数，判断一个整数是不是偶数。",
        "",
        "```python\ndef is_even(n: int) -> bool:\n    return n % 2 == 0\n```\n\n`is_even(10)` 返回 `True`，`is_even(7)` 返回 `False`。",
    ),
    ("把下面的数字从大到小排列。", "15, 3, 42, 8, 27", "42, 27, 15, 8, 3"),
    ("中国最长的河流是哪一条？", "", "长江，全长约6300公里，是亚洲最长、世界第三长的河流。"),
    ("找出下面句子里提到的所有城市。", "我从上海出发，先到杭州，然后去了苏州和南京。", "上海、杭州、苏州、南京"),
    (
        "为下面的产品写一段简短的介绍。",
        "保温杯；500毫升；不锈钢；保温12小时",
        "这款500毫升不锈钢保温杯，双层真空设计，热水放12小时依然温热。容量适中，放进包里不占地方，上班、上学、出游都合适。",
    ),
    (
        "解释什么是闰年。",
        "",
        "闰年有366天，比平年多出2月29日这一天，用来弥补历法和地球公转周期之间的差距。规则是：能被4整除的年份是闰年，但整百年份必须能被400整除。所以2000年是闰年，1900年不是。",
    ),
    (
        "把下面这句话改写得更正式。",
        "老板，我明天有事来不了了。",
        "经理您好，我明天因个人事务无法到岗，特此请假一天，望批准。",
    ),
]

UC["zh"] = [
    (
        "准备上夜班的护士",
        "给我一些上12小时夜班时保持精神和健康的建议。",
        "",
        "- 上班前下午小睡60到90分钟。\n- 少吃多餐，别一次吃得太饱，备一些坚果、水果当零食。\n- 整晚记得喝水。\n- 咖啡在上班前半段喝，下班前几个小时别再喝，以免影响白天睡觉。\n- 下班后在安静、遮光的房间睡觉，遮光窗帘和耳塞很有用。",
    ),
    (
        "准备科学课的小学老师",
        "用三年级学生能听懂的话解释水循环。",
        "",
        "太阳晒热了大海、湖泊和小水坑里的水，一部分水变成看不见的水蒸气飞到天上，这叫“蒸发”。水蒸气到了高空遇冷，变成许多小水滴，聚在一起就是云，这叫“凝结”。小水滴越聚越大、越来越重，就变成雨或雪落下来，这叫“降水”。雨水流进小河、大海，又开始新一轮的旅行。",
    ),
    (
        "一家小面包店的店主",
        "写一条朋友圈文案，通知顾客新的营业时间。",
        "周二至周日 7:00–15:00，周一休息",
        "好消息！🥐 从下周起，本店营业时间调整为周二至周日早上7点到下午3点，早餐面包可以更早买到啦！每周一休息，我们会趁这一天研究新口味。欢迎大家常来！",
    ),
    (
        "两周后要考高等数学的大学生",
        "帮我做一个简单的复习计划。",
        "考试范围：5章",
        "第1–10天：每两天复习一章，第一天看书、整理公式和例题，第二天做习题，把不会的题记下来。\n第11–12天：按考试时间做一套往年真题，并自己批改。\n第13天：集中攻克错题和笔记里的难点。\n第14天：只过一遍公式，早点睡觉，保持好状态。",
    ),
    (
        "有两个孩子的家长",
        "推荐五种简单又健康的早餐。",
        "",
        "1. 燕麦粥配香蕉片和一小把坚果。\n2. 全麦面包夹鸡蛋和生菜，配一杯牛奶。\n3. 小米南瓜粥配一个煮鸡蛋。\n4. 蔬菜鸡蛋饼配豆浆。\n5. 酸奶加水果丁和少量燕麦片。",
    ),
    (
        "刚开始用 Git 的程序员",
        "怎么新建一个分支并切换过去？",
        "",
        "运行 `git switch -c my-feature`，就会从当前提交创建名为 `my-feature` 的分支并切换过去。旧版本 Git 可以用 `git checkout -b my-feature`，效果一样。用 `git branch` 可以查看当前在哪个分支上。",
    ),
    (
        "刚开始在阳台种菜的退休老人",
        "阳台上种的小番茄多久浇一次水？",
        "",
        "原则是“见干见湿、浇就浇透”。天气暖和时一般两三天浇一次，用手指插进土里两三厘米，感觉干了再浇；夏天高温、花盆又小的话，可能需要每天浇。尽量早上浇，浇在土上，不要浇在叶子上。",
    ),
    (
        "应聘酒店前台的求职者",
        "帮我写求职信的开头一句。",
        "我有三年酒店前台工作经验。",
        "我拥有三年酒店前台接待经验，熟悉入住退房流程，擅长与不同客人沟通，非常希望能将这些经验带到贵公司的前台岗位。",
    ),
    (
        "每天骑车上班的人",
        "每周应该检查自行车的哪些地方？",
        "",
        "- 轮胎气压：按胎壁上标注的气压打气。\n- 刹车：捏紧刹车把，车应该能稳稳停住，刹车把不能碰到车把。\n- 链条：看起来发干或有异响时，清洁后上油。\n- 车灯：确认前后灯都亮，电量充足。",
    ),
    (
        "第一次去日本旅游的游客",
        "给我几条在日本需要注意的礼仪。",
        "",
        "- 进入住宅、部分餐厅和寺庙时要脱鞋，看到台阶或鞋柜就要注意。\n- 日本一般没有给小费的习惯。\n- 在电车上说话小声，不要打电话。\n- 街上垃圾桶很少，最好随身带个小袋子装垃圾。",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Spanish
# ---------------------------------------------------------------------------------------------------------------
CONV["es"] = [
    ["¿Cuál es la capital de Francia?", "La capital de Francia es París."],
    [
        "¿Cuál es la capital de Francia?",
        "París es la capital de Francia y también su ciudad más grande.",
        "¿Qué río la atraviesa?",
        "El Sena. La parte al norte del río se conoce como la Orilla Derecha (Rive Droite) y la del sur, como la "
        "Orilla Izquierda (Rive Gauche).",
    ],
    [
        "¿Cuál es la capital de Argentina?",
        "La capital de Argentina es Buenos Aires.",
        "¿A orillas de qué río está?",
        "Del Río de la Plata, un enorme estuario que forman los ríos Paraná y Uruguay al desembocar en el océano "
        "Atlántico. En la otra orilla se encuentra Montevideo, la capital de Uruguay.",
    ],
    [
        "¿Cuál es la capital de Bolivia?",
        "Bolivia es un caso especial: la capital constitucional es Sucre, donde tiene su sede el poder judicial, "
        "mientras que La Paz es la sede del Gobierno y de la Asamblea Legislativa.",
        "¿Y la de Chile?",
        "La capital de Chile es Santiago, situada en un valle entre la cordillera de los Andes y la cordillera de la "
        "Costa.",
    ],
    [
        "¡Hola! ¿Qué tal?",
        "¡Hola! Muy bien, gracias. ¿En qué te puedo ayudar hoy?",
        "Estoy aprendiendo a tocar la guitarra. ¿Algún consejo para principiantes?",
        "¡Qué buena idea! Algunos consejos:\n- Practica un poco cada día, aunque sean 15 minutos; es mejor que una "
        "sesión larga a la semana.\n- Empieza por acordes básicos como Do, Sol, Re, La menor y Mi menor.\n- Usa un "
        "metrónomo para los cambios de acorde, empezando despacio.\n- Si te duelen las yemas de los dedos al principio, "
        "es normal: en unas semanas se endurecen.",
    ],
    [
        "¿Es malo dormir la siesta?",
        "No, en general una siesta corta es beneficiosa: de 20 a 30 minutos ayuda a recuperar energía y concentración "
        "sin dejarte aturdido. Las siestas muy largas o muy tardías, en cambio, pueden dificultar el sueño por la "
        "noche.",
        "¿A qué hora es mejor echarla?",
        "Lo ideal es justo después de comer, a primera hora de la tarde. Si la duermes después de las cuatro o las "
        "cinco, es más probable que te cueste dormirte por la noche.",
    ],
    [
        "¿Cómo se hace una tortilla de patatas?",
        "Para 4 personas:\n1. Pela y corta en láminas finas unos 600 g de patatas (y una cebolla, si te gusta).\n2. "
        "Fríelas a fuego medio en abundante aceite de oliva, con sal, hasta que estén tiernas pero sin dorarse "
        "demasiado.\n3. Escúrrelas y mézclalas con 5 o 6 huevos batidos.\n4. Cuaja la mezcla en una sartén con un "
        "poco de aceite, dale la vuelta con un plato y termínala por el otro lado.",
        "¿Con cebolla o sin cebolla?",
        "¡Es el gran debate! Las dos versiones son tradicionales. La cebolla aporta dulzor y jugosidad; sin ella, el "
        "sabor de la patata y el huevo es más puro. Lo mejor es probar ambas y quedarte con tu favorita.",
    ],
    [
        "¿Por qué existen las estaciones del año?",
        "Porque el eje de la Tierra está inclinado unos 23,4 grados. Durante el año, cada hemisferio recibe los rayos "
        "del Sol de forma más directa (verano) o más oblicua (invierno). No se debe a que la Tierra esté más cerca o "
        "más lejos del Sol.",
        "Entonces, ¿cuando es verano en España es invierno en Argentina?",
        "Exacto. España está en el hemisferio norte y Argentina en el sur, así que sus estaciones están invertidas: "
        "en Buenos Aires la Navidad cae en pleno verano.",
    ],
    [
        "¿Por qué flota un barco de acero si el acero pesa tanto?",
        "Por el principio de Arquímedes: un objeto sumergido recibe un empuje hacia arriba igual al peso del agua que "
        "desaloja. El casco de un barco es hueco y desplaza muchísima agua, de modo que el empuje iguala su peso "
        "antes de hundirse del todo.",
        "¿Y por qué una piedra pequeña se hunde?",
        "Porque es maciza y más densa que el agua: el agua que desaloja pesa menos que la propia piedra, así que el "
        "empuje no basta para sostenerla.",
    ],
    [
        "¿En qué año llegó Colón a América?",
        "En 1492. El 12 de octubre de ese año su expedición llegó a una isla de las Bahamas que los habitantes "
        "llamaban Guanahaní.",
        "¿Quién financió el viaje?",
        "Los Reyes Católicos, Isabel de Castilla y Fernando de Aragón, tras firmar con Colón las Capitulaciones de "
        "Santa Fe en abril de 1492.",
    ],
    [
        "¿Quién escribió el Quijote?",
        "Miguel de Cervantes. La primera parte se publicó en 1605 y la segunda en 1615.",
        "¿De qué trata, en pocas palabras?",
        "Un hidalgo manchego lee tantos libros de caballerías que decide hacerse caballero andante. Con su escudero "
        "Sancho Panza recorre los caminos viviendo aventuras en las que confunde la realidad con la fantasía, como "
        "cuando ataca unos molinos creyendo que son gigantes.",
    ],
    [
        "Voy a pasar tres días en Madrid. ¿Qué me recomiendas ver?",
        "Una propuesta:\n- Día 1: Puerta del Sol, Plaza Mayor y Palacio Real.\n- Día 2: Museo del Prado por la mañana "
        "y paseo por el parque del Retiro por la tarde.\n- Día 3: Museo Reina Sofía (donde está el Guernica de "
        "Picasso) y el barrio de La Latina para tapear.",
        "¿Cuál es la mejor época para ir?",
        "La primavera y el otoño, cuando las temperaturas son agradables. En julio y agosto hace mucho calor, a "
        "menudo por encima de 35 °C.",
    ],
    [
        "Ayúdame a escribir un mensaje para felicitar a un compañero por su jubilación.",
        "Querido Antonio: después de tantos años compartiendo trabajo, risas y algún que otro café, te toca disfrutar "
        "de una merecida jubilación. Gracias por tu paciencia, tus consejos y tu buen humor. ¡Te vamos a echar mucho "
        "de menos! Te deseamos salud y tiempo para todo lo que te hace feliz.",
        "¿Puedes hacerlo más corto, para una tarjeta?",
        "¡Feliz jubilación, Antonio! Gracias por todos estos años de trabajo y buen humor. Te echaremos de menos. "
        "¡A disfrutar!",
    ],
    [
        "¿Cómo se dice «Tengo una reserva a nombre de García» en inglés?",
        "«I have a reservation under the name García.»",
        "¿Y en portugués?",
        "«Tenho uma reserva em nome de García.»",
    ],
    [
        "¿Qué es el PIB?",
        "El producto interior bruto (PIB) es el valor de todos los bienes y servicios finales que produce un país "
        "durante un periodo, normalmente un año. Se usa para medir el tamaño de una economía y su crecimiento.",
        "¿Y qué es el PIB per cápita?",
        "Es el PIB dividido entre el número de habitantes. Sirve para comparar el nivel de producción por persona "
        "entre países de distinto tamaño, aunque no indica cómo se reparte la riqueza.",
    ],
    [
        "Escribe una función en Python que cuente las vocales de un texto.",
        "```python\ndef contar_vocales(texto: str) -> int:\n    return sum(1 for letra in texto.lower() if letra in "
        '"aeiou")\n```\n\n`contar_vocales("Hola mundo")` devuelve `4`.',
        "¿Y si el texto tiene tildes, como «canción»?",
        "Basta con añadir las vocales acentuadas (y la ü) al conjunto:\n\n```python\ndef contar_vocales(texto: str) -> "
        'int:\n    return sum(1 for letra in texto.lower() if letra in "aeiouáéíóúü")\n```\n\nAsí '
        '`contar_vocales("canción")` devuelve `3`.',
    ],
    [
        "Me ha picado una abeja en el brazo. ¿Qué hago?",
        "Si ves el aguijón, retíralo cuanto antes raspando con el borde de una tarjeta, sin apretarlo con los dedos. "
        "Lava la zona con agua y jabón y aplica frío, envuelto en un paño, para reducir la hinchazón y el dolor.",
        "¿Cómo sé si es una reacción alérgica grave?",
        "Llama enseguida al 112 si aparece dificultad para respirar, hinchazón de la cara, los labios o la garganta, "
        "mareo o ronchas por todo el cuerpo. Son signos de anafilaxia y requieren atención urgente.",
    ],
    [
        "¿Cuáles son los síntomas de un golpe de calor?",
        "Temperatura corporal muy alta, piel caliente y seca o muy sudorosa, dolor de cabeza, confusión, náuseas y, en "
        "casos graves, pérdida de conciencia. Es una emergencia: llama al 112, lleva a la persona a la sombra, "
        "refréscala con agua y paños húmedos y, si está consciente, dale agua a sorbos.",
        "¿Cómo puedo prevenirlo en verano?",
        "Bebe agua con frecuencia aunque no tengas sed, evita el sol y el ejercicio intenso en las horas centrales del "
        "día, usa ropa ligera y clara, y presta atención especial a las personas mayores y a los niños.",
    ],
    [
        "Se ha ido la luz en casa. ¿Qué compruebo primero?",
        "Mira si los vecinos o las farolas también se han quedado sin luz: si es así, es un corte general y conviene "
        "esperar. Si solo es tu casa, revisa el cuadro eléctrico; si ha saltado el diferencial o un magnetotérmico, "
        "desenchufa el último aparato que conectaste y vuelve a subir el interruptor. Mientras tanto, no abras el "
        "congelador para que conserve el frío.",
    ],
    [
        "¿Qué es un eclipse solar?",
        "Ocurre cuando la Luna se sitúa entre el Sol y la Tierra y tapa la luz del Sol total o parcialmente, "
        "proyectando su sombra sobre una zona de la Tierra.",
        "¿Se puede mirar directamente?",
        "No. Mirar el Sol sin protección, incluso durante un eclipse parcial, puede causar lesiones permanentes en la "
        "retina. Hay que usar gafas homologadas para eclipses (norma ISO 12312-2) o métodos indirectos, como un "
        "proyector de agujero.",
    ],
    [
        "¿Los murciélagos son aves?",
        "No, son mamíferos: tienen pelo, paren crías vivas y las alimentan con leche. Además, son los únicos mamíferos "
        "capaces de volar de verdad.",
        "¿Es cierto que son ciegos?",
        "No. Todos los murciélagos pueden ver. Muchos usan además la ecolocalización: emiten sonidos agudos y escuchan "
        "el eco para orientarse y cazar en la oscuridad.",
    ],
    [
        "Tengo que hacer una presentación oral de 10 minutos en clase. ¿Algún consejo?",
        "- Empieza con una pregunta o un dato curioso para captar la atención.\n- Organiza el contenido en tres ideas "
        "principales.\n- Usa diapositivas con poco texto e imágenes claras.\n- Ensaya en voz alta con cronómetro al "
        "menos dos veces.\n- Termina con un resumen breve y da las gracias.",
        "¿Cuántas diapositivas debería preparar?",
        "Como referencia, calcula alrededor de un minuto por diapositiva: para 10 minutos, entre 8 y 10 diapositivas, "
        "contando la portada y la conclusión.",
    ],
    [
        "Quiero ahorrar 1.200 € en 8 meses para un viaje. ¿Cuánto tengo que apartar al mes?",
        "1.200 € ÷ 8 meses = 150 € al mes.",
        "¿Y si prefiero ahorrar cada semana?",
        "8 meses son unas 35 semanas. 1.200 € ÷ 35 ≈ 34,30 €, así que apartando 35 € a la semana llegarías a la meta "
        "con un pequeño margen.",
    ],
]

INST["es"] = [
    ("Indica la capital del país.", "Italia", "Roma."),
    (
        "¿Cuál es la capital de México?",
        "",
        "La capital de México es la Ciudad de México (CDMX), una de las áreas metropolitanas más pobladas del mundo.",
    ),
    (
        "Traduce la frase al inglés.",
        "Mañana vamos a la playa si no llueve.",
        "Tomorrow we are going to the beach if it doesn't rain.",
    ),
    (
        "Resume el texto en una sola frase.",
        "El Camino de Santiago es una red de rutas de peregrinación que llevan hasta la catedral de Santiago de "
        "Compostela, en Galicia. Cada año lo recorren cientos de miles de personas, a pie o en bicicleta, por motivos "
        "religiosos, culturales o deportivos. Para obtener la Compostela hay que recorrer al menos los últimos 100 km a "
        "pie o 200 km en bicicleta.",
        "El Camino de Santiago es un conjunto de rutas hacia Santiago de Compostela que recorren cada año cientos de "
        "miles de peregrinos por motivos muy diversos.",
    ),
    (
        "Clasifica el sentimiento de la opinión como positivo, negativo o neutro.",
        "El hotel estaba limpio, pero el desayuno era escaso y caro.",
        "Neutro (mixto): valora positivamente la limpieza, pero critica el desayuno.",
    ),
    (
        "Da tres consejos para reducir el uso de plástico.",
        "",
        "1. Lleva tu propia bolsa de tela a la compra.\n2. Usa una botella reutilizable en lugar de comprar agua "
        "embotellada.\n3. Compra a granel y elige productos con menos envoltorio.",
    ),
    ("Escribe un haiku sobre el mar.", "", "Olas de plata\ndibujan en la arena\nsus versos de sal."),
    ("Corrige la ortografía de la frase.", "Haber si mañana bamos al sine.", "A ver si mañana vamos al cine."),
    (
        "Explica qué es el efecto invernadero en dos frases.",
        "",
        "Algunos gases de la atmósfera, como el dióxido de carbono y el vapor de agua, retienen parte del calor que la "
        "Tierra emite tras calentarse con el Sol. Es un efecto natural que hace habitable el planeta, pero el aumento de "
        "esos gases por la actividad humana lo intensifica y provoca el calentamiento global.",
    ),
    (
        "Da un sinónimo de cada palabra.",
        "rápido, bonito, empezar",
        "rápido → veloz\nbonito → hermoso\nempezar → comenzar",
    ),
    (
        "Escribe una función en JavaScript que sume los números de un array.",
        "",
        "```javascript\nfunction sumar(numeros) {\n  return numeros.reduce((total, n) => total + n, 0);\n}\n```\n\n"
        "`sumar([1, 2, 3, 4])` devuelve `10`, y con un array vacío devuelve `0`.",
    ),
    (
        "Ordena las palabras alfabéticamente.",
        "naranja, manzana, pera, fresa, kiwi",
        "fresa, kiwi, manzana, naranja, pera",
    ),
    (
        "¿Cuál es el río más largo de España?",
        "",
        "El Tajo es el río más largo de la península ibérica, con unos 1.000 km, aunque su tramo final pasa por Portugal "
        "y desemboca en Lisboa. El río más largo que discurre íntegramente por España es el Ebro, con unos 910 km.",
    ),
    (
        "Extrae los nombres de personas del texto.",
        "Ayer Lucía y Andrés fueron al museo con su profesora, la señora Ortega.",
        "Lucía, Andrés, señora Ortega",
    ),
    (
        "Escribe un anuncio breve para vender el producto.",
        "Bicicleta de paseo; dos años de uso; buen estado; 120 €",
        "Vendo bicicleta de paseo en buen estado, con solo dos años de uso. Ideal para moverse por la ciudad o dar "
        "paseos el fin de semana. Precio: 120 €. ¡Escríbeme si te interesa!",
    ),
    (
        "Explica la diferencia entre «porque», «por qué» y «porqué».",
        "",
        "«Por qué» se usa en preguntas: ¿Por qué llegas tarde? «Porque» introduce una causa: Llego tarde porque perdí el "
        "autobús. «Porqué» es un sustantivo que significa «motivo» y va con artículo: No entiendo el porqué de su "
        "decisión.",
    ),
    (
        "Reescribe la frase en un registro formal.",
        "Oye, mándame el archivo cuando puedas.",
        "¿Sería tan amable de enviarme el archivo cuando le resulte posible?",
    ),
]

UC["es"] = [
    (
        "una enfermera que se prepara para el turno de noche",
        "Dame consejos prácticos para mantenerme despierta y sana durante un turno de noche de 12 horas.",
        "",
        "- Duerme una siesta de 60 a 90 minutos por la tarde, antes de empezar.\n- Haz comidas ligeras y frecuentes en "
        "lugar de una muy copiosa.\n- Bebe agua durante toda la noche.\n- Toma el café al principio del turno y evítalo "
        "en las últimas horas para poder dormir después.\n- Al llegar a casa, duerme en una habitación oscura y "
        "silenciosa; las cortinas opacas y los tapones ayudan.",
    ),
    (
        "un maestro de primaria que prepara una clase de ciencias",
        "Explica el ciclo del agua para niños de 9 años.",
        "",
        "El Sol calienta el agua de los mares, los ríos y los charcos, y una parte se convierte en vapor invisible que "
        "sube al cielo: es la evaporación. Allí arriba hace frío, y el vapor se transforma en gotitas que forman las "
        "nubes: es la condensación. Cuando las gotitas se juntan y pesan demasiado, caen como lluvia o nieve: es la "
        "precipitación. El agua vuelve a los ríos y al mar, ¡y el viaje empieza de nuevo!",
    ),
    (
        "la dueña de una pequeña panadería",
        "Escribe una publicación breve y cercana para redes sociales anunciando nuestro nuevo horario.",
        "Nuevo horario: de martes a domingo, de 7:00 a 15:00; los lunes cerrado",
        "¡Buenas noticias! 🥖 Desde la próxima semana abrimos de martes a domingo, de 7:00 a 15:00, para que tengas tu "
        "pan recién hecho aún más temprano. Los lunes descansamos para volver con más ganas (y alguna receta nueva). "
        "¡Te esperamos!",
    ),
    (
        "un estudiante que tiene un examen dentro de dos semanas",
        "Hazme un plan de estudio sencillo.",
        "Asignatura: Historia de España, 6 temas",
        "Días 1–12: un tema cada dos días. El primer día, lee y haz un esquema; el segundo, repasa con preguntas y una "
        "línea del tiempo.\nDía 13: haz un examen de prueba de otros años y corrígelo.\nDía 14: repaso ligero de "
        "esquemas y fechas clave, y acuéstate temprano.",
    ),
    (
        "una madre de dos niños pequeños",
        "Sugiéreme cinco meriendas saludables.",
        "",
        "1. Yogur natural con fruta troceada.\n2. Tostada integral con tomate y aceite de oliva.\n3. Palitos de "
        "zanahoria y pepino con hummus.\n4. Un puñado de frutos secos sin sal (troceados para los más pequeños) y una "
        "mandarina.\n5. Bocadillo pequeño de queso fresco con pan integral.",
    ),
    (
        "un programador que empieza a usar Git",
        "¿Cómo deshago el último commit sin perder los cambios?",
        "",
        "Usa `git reset --soft HEAD~1`. Elimina el último commit, pero deja sus cambios preparados (en el área de "
        "staging), listos para corregirlos y volver a hacer commit. Si ya habías subido ese commit a un repositorio "
        "compartido, es más seguro usar `git revert`.",
    ),
    (
        "un jubilado que empieza un huerto",
        "¿Cada cuánto debo regar las tomateras?",
        "",
        "Mejor regar a fondo y no todos los días: con calor moderado, dos o tres veces por semana, empapando bien la "
        "tierra alrededor de las raíces. En pleno verano o en macetas pueden necesitar riego diario. Riega la tierra, no "
        "las hojas, a primera hora de la mañana, y un acolchado de paja ayudará a mantener la humedad.",
    ),
    (
        "una persona que busca trabajo como recepcionista",
        "Escribe la primera frase de mi carta de presentación.",
        "Tengo tres años de experiencia en la recepción de un hotel.",
        "Tras tres años atendiendo a huéspedes en la recepción de un hotel con mucho movimiento, me encantaría aportar "
        "mi capacidad de organización y mi trato amable al puesto de recepcionista en su empresa.",
    ),
    (
        "un ciclista que va al trabajo en bicicleta",
        "¿Qué debo revisar en la bici cada semana?",
        "",
        "- La presión de las ruedas, según el valor indicado en el flanco del neumático.\n- Los frenos: al apretar la "
        "maneta, la bici debe frenar con firmeza antes de que la maneta toque el manillar.\n- La cadena: límpiala y "
        "engrásala si está seca o chirría.\n- Las luces delantera y trasera, y que tengan batería.",
    ),
    (
        "una peregrina que va a hacer el Camino de Santiago a pie",
        "¿Qué debo llevar en la mochila?",
        "Son 8 días de marcha en mayo",
        "Intenta que la mochila no pese más del 10 % de tu peso. Lo básico:\n- Calzado ya usado y cómodo, y unas "
        "sandalias para descansar.\n- Dos o tres mudas de ropa técnica que se seque rápido.\n- Chubasquero y un forro "
        "polar ligero.\n- Saco de dormir ligero, toalla de microfibra y neceser pequeño.\n- Botiquín con apósitos para "
        "ampollas, crema solar y gorra.\n- La credencial del peregrino y el DNI.",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# French
# ---------------------------------------------------------------------------------------------------------------
CONV["fr"] = [
    ["Quelle est la capitale de la France ?", "La capitale de la France est Paris."],
    [
        "Quelle est la capitale de la France ?",
        "C'est Paris, qui est aussi la plus grande ville du pays.",
        "Quel fleuve traverse Paris ?",
        "La Seine. On parle de la rive droite au nord du fleuve et de la rive gauche au sud.",
        "Et où se jette la Seine ?",
        "Dans la Manche, par un large estuaire situé entre Le Havre et Honfleur, en Normandie.",
    ],
    [
        "Quelle est la capitale de la Suisse ?",
        "C'est Berne, où siègent le gouvernement fédéral et le Parlement. D'ailleurs, la Constitution suisse ne "
        "désigne pas officiellement de capitale : on parle de « ville fédérale ».",
        "Pourquoi pas Zurich ou Genève, qui sont plus grandes ?",
        "En 1848, lors de la création de l'État fédéral, Berne a été choisie comme solution de compromis : sa position "
        "centrale, entre la Suisse alémanique et la Suisse romande, évitait de favoriser l'une des grandes villes.",
    ],
    [
        "Quelle est la capitale du Maroc ?",
        "La capitale du Maroc est Rabat.",
        "Ah bon ? Je croyais que c'était Casablanca.",
        "C'est une confusion fréquente. Casablanca est la plus grande ville du pays et son principal centre économique, "
        "mais le roi, le gouvernement et le Parlement siègent à Rabat.",
    ],
    [
        "Bonjour ! Je viens d'emménager dans une nouvelle ville et je ne connais personne.",
        "Bonjour, et bienvenue dans votre nouvelle ville ! C'est normal de se sentir un peu seul au début. Voici quelques "
        "pistes :\n- s'inscrire à un club de sport ou à une chorale ;\n- devenir bénévole dans une association ;\n- "
        "suivre un cours du soir (langue, cuisine, théâtre) ;\n- aller aux événements de quartier ou à la bibliothèque.",
        "Et si je suis plutôt timide ?",
        "Commencez par des activités où l'on fait quelque chose ensemble, comme un atelier ou une randonnée en groupe : "
        "la conversation vient plus naturellement. Revenir plusieurs fois au même endroit aide aussi, car on finit par "
        "reconnaître des visages.",
    ],
    [
        "Combien d'eau faut-il boire par jour ?",
        "Pour un adulte en bonne santé, on recommande souvent environ 1,5 litre de boissons par jour, le reste de l'eau "
        "venant de l'alimentation. Il faut boire davantage quand il fait chaud, en cas de fièvre ou pendant le sport.",
        "Est-ce que le café et le thé comptent ?",
        "Oui, ils participent à l'hydratation, mais l'eau reste la meilleure boisson. Limitez le café, surtout en fin de "
        "journée, pour ne pas perturber le sommeil.",
    ],
    [
        "Tu as une recette simple de crêpes ?",
        "Pour une quinzaine de crêpes :\n1. Mettez 250 g de farine dans un saladier et creusez un puits.\n2. Ajoutez 4 "
        "œufs et une pincée de sel, puis incorporez peu à peu 50 cl de lait en fouettant.\n3. Ajoutez 50 g de beurre "
        "fondu et laissez reposer la pâte 1 heure.\n4. Faites cuire dans une poêle chaude légèrement beurrée, environ "
        "1 minute de chaque côté.",
        "Pourquoi faut-il laisser reposer la pâte ?",
        "Le repos permet à la farine de bien s'hydrater et au gluten de se détendre. La pâte devient plus lisse, les "
        "grumeaux disparaissent et les crêpes sont plus souples.",
    ],
    [
        "Pourquoi la Lune change-t-elle de forme ?",
        "La Lune ne change pas vraiment de forme : elle est toujours éclairée à moitié par le Soleil. Selon sa position "
        "autour de la Terre, nous voyons une part plus ou moins grande de cette moitié éclairée. Ce sont les phases, "
        "qui se répètent environ tous les 29,5 jours.",
        "Et une éclipse de Lune, c'est quoi ?",
        "C'est quand la Terre passe entre le Soleil et la Lune : la Lune entre dans l'ombre de la Terre. Cela ne peut se "
        "produire qu'à la pleine lune, et la Lune prend souvent une teinte rougeâtre.",
    ],
    [
        "Qu'est-ce que l'ADN ?",
        "L'ADN (acide désoxyribonucléique) est la molécule qui porte l'information génétique des êtres vivants. Il a la "
        "forme d'une double hélice, et l'information est écrite avec quatre « lettres », les bases A, T, C et G.",
        "Qui a découvert sa structure ?",
        "James Watson et Francis Crick ont proposé le modèle de la double hélice en 1953, en s'appuyant notamment sur "
        "les images de diffraction des rayons X obtenues par Rosalind Franklin.",
    ],
    [
        "Quand a eu lieu la Révolution française ?",
        "Elle commence en 1789. La prise de la Bastille, le 14 juillet 1789, en est l'un des événements les plus "
        "célèbres, et la Déclaration des droits de l'homme et du citoyen est adoptée en août de la même année.",
        "C'est pour ça que le 14 juillet est la fête nationale ?",
        "Oui, en partie. Lorsque le 14 juillet est devenu fête nationale en 1880, on célébrait à la fois la prise de la "
        "Bastille de 1789 et la fête de la Fédération du 14 juillet 1790, symbole d'unité nationale.",
    ],
    [
        "Qui était Marie Curie ?",
        "Marie Curie (1867-1934) était une physicienne et chimiste née à Varsovie et naturalisée française. Avec son "
        "mari Pierre Curie, elle a découvert le polonium et le radium.",
        "Elle a reçu des prix Nobel, non ?",
        "Deux ! Le prix Nobel de physique en 1903, partagé avec Pierre Curie et Henri Becquerel, puis le prix Nobel de "
        "chimie en 1911. Elle a été la première femme à recevoir un prix Nobel.",
    ],
    [
        "Je vais de Paris à Marseille en train. Combien de temps dure le trajet ?",
        "En TGV direct, comptez entre 3 heures et 3 h 30 environ, selon les arrêts.",
        "Qu'est-ce que je peux visiter sur place ?",
        "Quelques incontournables : le Vieux-Port, la basilique Notre-Dame-de-la-Garde pour la vue, le quartier du "
        "Panier, le Mucem, et, si vous aimez marcher, le parc national des Calanques.",
    ],
    [
        "Aide-moi à écrire un mail pour reporter un rendez-vous avec un client.",
        "Bonjour Madame Lefèvre,\n\nEn raison d'un imprévu, je ne pourrai malheureusement pas assurer notre rendez-vous "
        "de jeudi 10 h. Seriez-vous disponible mardi ou mercredi prochain à la même heure ?\n\nJe vous prie de bien "
        "vouloir m'excuser pour ce contretemps.\n\nBien cordialement,\n[Votre nom]",
        "Tu peux proposer aussi un rendez-vous en visio ?",
        "Bien sûr, ajoutez simplement cette phrase avant la formule de politesse : « Si cela vous convient mieux, nous "
        "pouvons aussi maintenir l'échange jeudi sous forme de visioconférence. »",
    ],
    [
        "Comment dit-on « Je suis allergique aux arachides » en anglais ?",
        "« I'm allergic to peanuts. »",
        "Et en allemand ?",
        "« Ich bin allergisch gegen Erdnüsse. » On entend aussi « Ich habe eine Erdnussallergie. »",
    ],
    [
        "C'est quoi, un algorithme ?",
        "Un algorithme est une suite finie d'instructions précises qui permet de résoudre un problème ou d'accomplir une "
        "tâche. Les ordinateurs exécutent des algorithmes, mais le principe existe depuis bien avant l'informatique.",
        "Tu as un exemple de la vie courante ?",
        "Une recette de cuisine : elle indique les ingrédients de départ, les étapes dans un ordre précis et le résultat "
        "attendu. L'itinéraire qu'un GPS calcule pour vous est aussi le résultat d'un algorithme.",
    ],
    [
        "Écris une fonction Python qui trouve le plus grand nombre d'une liste sans utiliser max().",
        "```python\ndef plus_grand(nombres):\n    resultat = nombres[0]\n    for n in nombres[1:]:\n        if n > "
        "resultat:\n            resultat = n\n    return resultat\n```\n\n`plus_grand([3, 17, 8])` renvoie `17`.",
        "Et avec max(), ça donne quoi ?",
        "C'est beaucoup plus court : `max([3, 17, 8])` renvoie aussi `17`. Les deux versions lèvent une erreur si la "
        "liste est vide.",
    ],
    [
        "Je me suis tordu la cheville en courant. Que faire ?",
        "Arrêtez l'effort et mettez la cheville au repos. Appliquez du froid 15 à 20 minutes toutes les 2 à 3 heures, "
        "jamais directement sur la peau, surélevez le pied et, si besoin, utilisez une bande de contention pas trop "
        "serrée. Consultez un médecin si vous ne pouvez pas poser le pied, si la douleur est très forte ou si la "
        "cheville est déformée.",
        "Combien de temps pour guérir ?",
        "Une entorse bénigne guérit souvent en une à trois semaines. Une entorse plus grave peut demander plusieurs "
        "semaines, parfois avec de la rééducation.",
    ],
    [
        "Le détecteur de fumée sonne en pleine nuit. Que dois-je faire ?",
        "Vérifiez rapidement s'il y a de la fumée ou une odeur de brûlé. S'il y a un incendie, sortez immédiatement en "
        "refermant les portes derrière vous, baissez-vous sous la fumée, n'utilisez pas l'ascenseur et appelez le 18 "
        "ou le 112 une fois dehors. S'il n'y a aucun signe de feu, la pile est peut-être faible : remplacez-la.",
    ],
    [
        "Comment reconnaître un AVC ?",
        "Retenez le mot VITE : Visage paralysé (bouche de travers), Inertie d'un bras ou d'une jambe, Trouble de la "
        "parole, et En urgence, appeler le 15 ou le 112.",
        "Pourquoi faut-il agir si vite ?",
        "Parce que chaque minute compte : les traitements qui débouchent l'artère sont efficaces seulement dans les "
        "premières heures. Notez l'heure d'apparition des symptômes, elle aidera les médecins.",
    ],
    [
        "Quelle est l'étoile la plus proche de la Terre ?",
        "C'est le Soleil ! Après lui, l'étoile la plus proche est Proxima du Centaure, à environ 4,2 années-lumière.",
        "Combien de temps met la lumière du Soleil pour nous parvenir ?",
        "Environ 8 minutes et 20 secondes, car le Soleil est à près de 150 millions de kilomètres.",
    ],
    [
        "Les pingouins et les manchots, c'est la même chose ?",
        "Non. Les manchots vivent dans l'hémisphère Sud et ne volent pas. Les pingouins, comme le petit pingouin, vivent "
        "dans l'Atlantique Nord et savent voler. En anglais, le mot « penguin » désigne les manchots, d'où la "
        "confusion.",
        "Où vit le manchot empereur ?",
        "En Antarctique. C'est le plus grand des manchots, et il se reproduit en plein hiver austral, sur la banquise.",
    ],
    [
        "Comment mieux retenir mes cours ?",
        "- Testez-vous au lieu de relire : fermez le cahier et essayez de retrouver les idées clés.\n- Espacez les "
        "révisions sur plusieurs jours.\n- Expliquez la leçon à quelqu'un d'autre, ou à voix haute.\n- Faites des "
        "fiches courtes avec vos propres mots.",
        "Combien de temps doit durer une séance ?",
        "Beaucoup d'élèves aiment la méthode Pomodoro : 25 minutes de travail concentré, puis 5 minutes de pause, et "
        "une pause plus longue après quatre cycles.",
    ],
    [
        "Je gagne 2 000 € nets par mois et mon loyer est de 700 €. Quelle part de mon salaire cela représente ?",
        "700 ÷ 2 000 = 0,35, soit 35 % de votre salaire.",
        "Et si mon loyer augmente de 3 % ?",
        "700 € × 1,03 = 721 €. Le loyer représenterait alors 721 ÷ 2 000 = 36,05 % de votre salaire.",
    ],
]

INST["fr"] = [
    ("Donne la capitale du pays indiqué.", "Belgique", "Bruxelles."),
    (
        "Quelle est la capitale du Canada ?",
        "",
        "La capitale du Canada est Ottawa, en Ontario. Toronto et Montréal sont plus peuplées, mais ce ne sont pas "
        "des capitales fédérales.",
    ),
    (
        "Traduis la phrase en anglais.",
        "Pourriez-vous m'indiquer le chemin de la gare ?",
        "Could you tell me the way to the station?",
    ),
    (
        "Résume le texte en une phrase.",
        "Le Mont-Saint-Michel est un îlot rocheux situé en Normandie, au fond d'une baie où les marées sont parmi les "
        "plus fortes d'Europe. Il est surmonté d'une abbaye construite à partir du Moyen Âge. Inscrit au patrimoine "
        "mondial de l'UNESCO, il accueille plusieurs millions de visiteurs par an.",
        "Le Mont-Saint-Michel, îlot normand couronné d'une abbaye médiévale et entouré de très fortes marées, est un "
        "site classé par l'UNESCO qui attire des millions de visiteurs.",
    ),
    (
        "Indique si l'avis est positif, négatif ou neutre.",
        "Livraison rapide, produit conforme, je recommande !",
        "Positif.",
    ),
    (
        "Donne trois conseils pour bien préparer un entretien d'embauche.",
        "",
        "1. Renseignez-vous sur l'entreprise : ses activités, ses valeurs, ses actualités.\n2. Préparez des exemples "
        "concrets qui illustrent vos compétences.\n3. Préparez deux ou trois questions à poser au recruteur.",
    ),
    (
        "Écris un petit poème de quatre vers sur la pluie.",
        "",
        "La pluie tapote sur les toits,\nElle chante à mi-voix,\nLes trottoirs deviennent miroirs,\nEt la ville se fait "
        "plus douce le soir.",
    ),
    (
        "Corrige les fautes de la phrase.",
        "Les enfant sont aller a l'école hier matin.",
        "Les enfants sont allés à l'école hier matin.",
    ),
    (
        "Explique simplement ce qu'est la photosynthèse.",
        "",
        "La photosynthèse, c'est la façon dont les plantes fabriquent leur nourriture : grâce à la lumière du soleil, "
        "elles transforment l'eau et le dioxyde de carbone en sucres, et rejettent de l'oxygène.",
    ),
    ("Donne le contraire de chaque mot.", "chaud, lourd, ouvrir", "chaud → froid\nlourd → léger\nouvrir → fermer"),
    (
        "Écris une commande Bash qui compte le nombre de lignes du fichier.",
        "notes.txt",
        "```bash\nwc -l notes.txt\n```\n\nLa commande affiche le nombre de lignes suivi du nom du fichier.",
    ),
    (
        "Classe ces villes de la plus au nord à la plus au sud.",
        "Marseille, Lille, Lyon, Paris",
        "Lille, Paris, Lyon, Marseille.",
    ),
    (
        "Quel est le plus long fleuve de France ?",
        "",
        "La Loire, avec un peu plus de 1 000 km. Elle prend sa source au mont Gerbier-de-Jonc, en Ardèche, et se jette "
        "dans l'océan Atlantique près de Saint-Nazaire.",
    ),
    (
        "Extrais les dates du texte.",
        "La réunion du 3 mars est reportée au 10 mars, et le bilan sera présenté le 2 avril.",
        "3 mars, 10 mars, 2 avril",
    ),
    (
        "Rédige une courte annonce de location.",
        "Studio de 25 m², centre-ville, meublé, 550 € charges comprises",
        "À louer : studio meublé de 25 m² en plein centre-ville, proche des commerces et des transports. Loyer : 550 € "
        "par mois, charges comprises. Idéal pour étudiant ou jeune actif.",
    ),
    (
        "Explique la différence entre « a » et « à ».",
        "",
        "« a » est le verbe avoir conjugué (il a faim) : on peut le remplacer par « avait ». « à » est une préposition "
        "(je vais à Lyon) : on ne peut pas le remplacer par « avait ».",
    ),
    (
        "Reformule la phrase de manière plus polie.",
        "Donne-moi ton numéro.",
        "Pourriez-vous me donner votre numéro, s'il vous plaît ?",
    ),
]

UC["fr"] = [
    (
        "une infirmière qui prépare une garde de nuit",
        "Donne-moi des conseils pratiques pour rester alerte et en forme pendant une garde de nuit de 12 heures.",
        "",
        "- Faites une sieste de 60 à 90 minutes en fin d'après-midi avant la garde.\n- Privilégiez des repas légers et "
        "fractionnés plutôt qu'un gros repas.\n- Buvez de l'eau régulièrement.\n- Prenez votre café en début de garde "
        "et évitez-le dans les dernières heures.\n- Après la garde, dormez dans une pièce sombre et calme ; rideaux "
        "occultants et bouchons d'oreilles aident beaucoup.",
    ),
    (
        "un professeur des écoles qui prépare une leçon de sciences",
        "Explique le cycle de l'eau à des élèves de CE2.",
        "",
        "Le soleil chauffe l'eau des mers, des rivières et des flaques. Une partie se transforme en vapeur invisible qui "
        "monte dans le ciel : c'est l'évaporation. En altitude, il fait froid, et la vapeur redevient de minuscules "
        "gouttes qui forment les nuages : c'est la condensation. Quand les gouttes deviennent trop lourdes, elles tombent "
        "en pluie ou en neige : ce sont les précipitations. L'eau rejoint les rivières et la mer, et le voyage "
        "recommence !",
    ),
    (
        "le gérant d'une petite boulangerie",
        "Rédige une courte publication pour les réseaux sociaux annonçant nos nouveaux horaires.",
        "Nouveaux horaires : du mardi au dimanche, de 7 h à 15 h ; fermé le lundi",
        "Bonne nouvelle pour les gourmands ! 🥐 À partir de la semaine prochaine, nous vous accueillons du mardi au "
        "dimanche, de 7 h à 15 h. Le lundi, la boutique sera fermée : on en profite pour préparer de nouvelles "
        "recettes. À très vite !",
    ),
    (
        "un étudiant qui a un partiel dans deux semaines",
        "Fais-moi un planning de révision simple.",
        "Matière : économie, 4 chapitres",
        "Jours 1 à 8 : un chapitre tous les deux jours (jour 1 : relecture et fiche de synthèse ; jour 2 : exercices et "
        "questions de cours).\nJours 9 à 11 : sujets d'annales en conditions réelles, puis correction.\nJours 12 et 13 : "
        "retour sur les points faibles.\nJour 14 : relecture rapide des fiches et coucher tôt.",
    ),
    (
        "un père de deux jeunes enfants",
        "Propose-moi cinq idées de goûters sains.",
        "",
        "1. Un yaourt nature avec des morceaux de fruits.\n2. Une tartine de pain complet avec un carré de chocolat "
        "noir.\n3. Des bâtonnets de concombre et de carotte avec du fromage frais.\n4. Une compote sans sucres ajoutés et "
        "quelques amandes (concassées pour les plus petits).\n5. Une banane et un verre de lait.",
    ),
    (
        "une développeuse qui découvre Git",
        "Comment afficher l'historique des commits de façon compacte ?",
        "",
        "Utilisez `git log --oneline` : chaque commit tient sur une ligne, avec son identifiant abrégé et son message. "
        "Ajoutez `--graph` pour voir les branches et les fusions, et `-n 10` pour n'afficher que les 10 derniers.",
    ),
    (
        "un retraité qui commence un potager",
        "Quand dois-je planter mes tomates ?",
        "",
        "Les tomates craignent le gel : on les plante en pleine terre quand tout risque de gelée est écarté, souvent "
        "après les « saints de glace » (11 au 13 mai) dans une grande partie de la France. Dans le Sud, on peut parfois "
        "commencer un peu plus tôt. Choisissez un endroit bien ensoleillé et prévoyez un tuteur.",
    ),
    (
        "une candidate à un poste d'hôtesse d'accueil",
        "Écris la première phrase de ma lettre de motivation.",
        "J'ai trois ans d'expérience à l'accueil d'un hôtel.",
        "Forte de trois années d'expérience à l'accueil d'un hôtel très fréquenté, je souhaite aujourd'hui mettre mon "
        "sens du service et mon organisation au profit de votre entreprise en tant qu'hôtesse d'accueil.",
    ),
    (
        "un cycliste qui va au travail à vélo",
        "Que dois-je vérifier sur mon vélo chaque semaine ?",
        "",
        "- La pression des pneus, selon la valeur inscrite sur le flanc.\n- Les freins : le vélo doit s'arrêter net "
        "avant que le levier touche le guidon.\n- La chaîne : nettoyez-la et graissez-la si elle est sèche ou grince.\n"
        "- L'éclairage avant et arrière, et la charge des batteries.",
    ),
    (
        "un voyageur qui part au Québec en hiver",
        "Comment dois-je m'habiller ?",
        "",
        "Misez sur la technique des trois couches : un sous-vêtement thermique, une couche isolante (polaire ou laine) et "
        "un manteau coupe-vent et imperméable. Les températures peuvent descendre sous -20 °C : prévoyez des bottes "
        "chaudes et antidérapantes, une tuque (un bonnet), des mitaines, plus chaudes que des gants, et un cache-cou.",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# German
# ---------------------------------------------------------------------------------------------------------------
CONV["de"] = [
    ["Was ist die Hauptstadt von Frankreich?", "Die Hauptstadt von Frankreich ist Paris."],
    [
        "Welche Stadt ist die Hauptstadt Frankreichs?",
        "Paris. Es ist zugleich die größte Stadt Frankreichs.",
        "Welcher Fluss fließt durch Paris?",
        "Die Seine. Nördlich des Flusses spricht man vom rechten Ufer (Rive Droite), südlich vom linken Ufer (Rive "
        "Gauche).",
    ],
    [
        "Was ist die Hauptstadt von Österreich?",
        "Die Hauptstadt von Österreich ist Wien.",
        "An welchem Fluss liegt Wien?",
        "An der Donau. Sie fließt weiter nach Bratislava und Budapest und mündet schließlich in Rumänien ins Schwarze "
        "Meer.",
    ],
    [
        "Ist Istanbul die Hauptstadt der Türkei?",
        "Nein. Istanbul ist die größte Stadt der Türkei, aber die Hauptstadt ist Ankara.",
        "Warum gerade Ankara?",
        "Während des Unabhängigkeitskrieges war Ankara das Zentrum der Nationalbewegung unter Mustafa Kemal Atatürk. "
        "1923 wurde es zur Hauptstadt der neu gegründeten Republik, auch wegen seiner geschützten Lage in "
        "Zentralanatolien.",
    ],
    [
        "Guten Morgen! Ich habe heute Geburtstag.",
        "Guten Morgen und herzlichen Glückwunsch zum Geburtstag! 🎉 Ich wünsche dir einen wunderschönen Tag.",
        "Danke! Ich weiß aber noch nicht, was ich machen soll. Hast du Ideen?",
        "Ein paar Vorschläge:\n- ein Frühstück oder Picknick mit Freunden\n- ein Ausflug an einen See oder in eine "
        "Stadt, in der du noch nie warst\n- etwas Neues ausprobieren, zum Beispiel Klettern oder einen Kochkurs\n- "
        "abends gemütlich essen gehen oder deine Lieblingsfilme schauen",
    ],
    [
        "Ich habe eine Erkältung. Was hilft?",
        "Gegen die Viren selbst gibt es kein Wundermittel, aber du kannst die Beschwerden lindern: viel trinken (Wasser, "
        "Tee), dich ausruhen und genug schlafen, bei verstopfter Nase mit Kochsalzlösung spülen oder Dampf inhalieren. "
        "Meist ist eine Erkältung nach etwa einer Woche vorbei.",
        "Wann sollte ich zum Arzt gehen?",
        "Wenn das Fieber über 39 °C steigt oder länger als drei Tage anhält, bei Atemnot, starken Ohren- oder "
        "Brustschmerzen, oder wenn es dir nach einer Woche nicht besser geht. Kleinkinder, ältere Menschen und "
        "chronisch Kranke sollten früher ärztlichen Rat holen.",
    ],
    [
        "Wie mache ich einen schwäbischen Kartoffelsalat?",
        "1. 1 kg festkochende Kartoffeln mit Schale kochen, pellen und noch warm in dünne Scheiben schneiden.\n2. Eine "
        "fein gewürfelte Zwiebel in 250 ml heißer Brühe kurz aufkochen.\n3. Die Brühe mit 3–4 EL Essig, 1 TL Senf, Salz "
        "und Pfeffer über die Kartoffeln gießen.\n4. 4 EL Öl unterheben und den Salat mindestens eine halbe Stunde "
        "ziehen lassen.",
        "Kommt da keine Mayonnaise rein?",
        "Nicht beim schwäbischen. Kartoffelsalat mit Mayonnaise ist eher in Norddeutschland verbreitet, oft mit "
        "Gewürzgurken und Ei. Beide Varianten sind klassisch.",
    ],
    [
        "Warum ist Meerwasser salzig?",
        "Regen löst über Jahrmillionen Mineralien aus Gestein, und Flüsse tragen diese gelösten Salze ins Meer. Wenn "
        "Wasser an der Meeresoberfläche verdunstet, bleibt das Salz zurück. Im Durchschnitt enthält Meerwasser etwa "
        "3,5 % Salz.",
        "Und warum sind Flüsse dann nicht salzig?",
        "Flüsse werden ständig mit frischem Regenwasser gespeist und fließen ab, bevor sich das Salz anreichern kann. "
        "Sie enthalten zwar auch gelöste Mineralien, aber in viel geringerer Konzentration.",
    ],
    [
        "Was ist der Unterschied zwischen Wetter und Klima?",
        "Wetter beschreibt den Zustand der Atmosphäre an einem Ort zu einem bestimmten Zeitpunkt, also etwa Regen und "
        "12 °C am heutigen Nachmittag. Klima ist der Durchschnitt des Wetters über lange Zeiträume, üblicherweise "
        "30 Jahre.",
        "Ist ein sehr kalter Winter dann ein Beweis gegen den Klimawandel?",
        "Nein. Ein einzelner kalter Winter ist Wetter. Der Klimawandel zeigt sich im langfristigen Trend, und der geht "
        "weltweit deutlich zu höheren Durchschnittstemperaturen.",
    ],
    [
        "Wann ist die Berliner Mauer gefallen?",
        "Am 9. November 1989. An diesem Abend wurden die Grenzübergänge geöffnet, und Tausende Menschen aus Ost-Berlin "
        "strömten in den Westen.",
        "Und wann war die Wiedervereinigung?",
        "Am 3. Oktober 1990. Deshalb ist der 3. Oktober als Tag der Deutschen Einheit ein Feiertag.",
    ],
    [
        "Wer hat den Buchdruck erfunden?",
        "Johannes Gutenberg entwickelte um 1450 in Mainz den Buchdruck mit beweglichen Metalllettern. Bewegliche Lettern "
        "gab es zuvor schon in China und Korea, aber Gutenbergs Verfahren verbreitete sich rasch in ganz Europa.",
        "Was war sein berühmtestes Werk?",
        "Die Gutenberg-Bibel, die um 1454/55 fertiggestellt wurde. Von den rund 180 gedruckten Exemplaren sind heute "
        "noch 49 erhalten, ganz oder teilweise.",
    ],
    [
        "Ich fahre übers Wochenende nach München. Was sollte ich mir ansehen?",
        "Ein guter Mix: der Marienplatz mit dem Glockenspiel am Rathaus, der Viktualienmarkt, der Englische Garten mit "
        "den Eisbachsurfern und das Deutsche Museum. Wenn das Wetter gut ist, lohnt sich ein Blick vom Turm der "
        "Peterskirche.",
        "Findet das Oktoberfest eigentlich im Oktober statt?",
        "Größtenteils nicht: Es beginnt Mitte bis Ende September und endet am ersten Sonntag im Oktober, oder am "
        "3. Oktober, falls dieser später liegt.",
    ],
    [
        "Hilf mir, eine Einladung zu einem Abendessen höflich abzusagen.",
        "Liebe Frau Schneider,\n\nvielen Dank für die freundliche Einladung zum Abendessen am Samstag. Leider bin ich "
        "an diesem Abend bereits verplant und kann deshalb nicht kommen. Ich wünsche Ihnen einen schönen Abend und "
        "würde mich freuen, wenn es ein anderes Mal klappt.\n\nHerzliche Grüße\n[Ihr Name]",
        "Und etwas lockerer, für einen guten Freund?",
        "Hey Jonas, danke für die Einladung! Samstag klappt's bei mir leider nicht, ich hab schon was vor. Lass uns "
        "bald was anderes ausmachen – ich bring dann den Nachtisch mit!",
    ],
    [
        "Wie sagt man „Ich hätte gern die Rechnung“ auf Englisch?",
        "„Could I have the bill, please?“ In den USA sagt man eher „Could I have the check, please?“",
        "Und auf Italienisch?",
        "„Il conto, per favore.“ Das ist kurz und in jedem Restaurant verständlich.",
    ],
    [
        "Was ist künstliche Intelligenz?",
        "Künstliche Intelligenz (KI) ist ein Teilgebiet der Informatik, das Computersysteme entwickelt, die Aufgaben "
        "lösen, für die man sonst menschliche Intelligenz braucht, etwa Sprache verstehen, Bilder erkennen oder "
        "Entscheidungen treffen. Viele heutige KI-Systeme lernen aus großen Datenmengen.",
        "Und was ist ein Sprachmodell?",
        "Ein Sprachmodell ist ein KI-System, das auf sehr vielen Texten trainiert wurde und vorhersagt, welches Wort "
        "wahrscheinlich als Nächstes kommt. So kann es Texte schreiben, Fragen beantworten oder übersetzen. Es kann "
        "sich aber irren, daher sollte man wichtige Angaben überprüfen.",
    ],
    [
        "Schreibe eine Python-Funktion, die prüft, ob eine Zahl eine Primzahl ist.",
        "```python\ndef ist_primzahl(n: int) -> bool:\n    if n < 2:\n        return False\n    teiler = 2\n    while "
        "teiler * teiler <= n:\n        if n % teiler == 0:\n            return False\n        teiler += 1\n    return "
        "True\n```\n\n`ist_primzahl(13)` ergibt `True`, `ist_primzahl(15)` ergibt `False`.",
        "Warum prüfst du nur bis zur Wurzel von n?",
        "Wenn n = a × b ist, kann nicht sowohl a als auch b größer als √n sein, sonst wäre das Produkt größer als n. "
        "Gibt es also einen Teiler, dann findet man einen, der höchstens √n ist. Das spart viele Rechenschritte.",
    ],
    [
        "Mich hat eine Zecke gebissen. Was soll ich tun?",
        "Entferne die Zecke möglichst schnell mit einer Pinzette oder Zeckenkarte: nah an der Haut greifen und langsam "
        "gerade herausziehen, ohne sie zu quetschen. Danach die Stelle desinfizieren und dir das Datum notieren. "
        "Beobachte die Stelle einige Wochen lang: Eine sich ausbreitende Rötung (Wanderröte) oder grippeähnliche "
        "Beschwerden sind ein Grund, zum Arzt zu gehen.",
        "Sollte ich mich gegen FSME impfen lassen?",
        "In FSME-Risikogebieten, in Deutschland vor allem in Bayern und Baden-Württemberg, wird die Impfung für "
        "Menschen empfohlen, die sich viel in der Natur aufhalten. Am besten besprichst du das mit deiner Hausärztin "
        "oder deinem Hausarzt.",
    ],
    [
        "Was mache ich, wenn ich beim Wandern von einem Gewitter überrascht werde?",
        "Meide Gipfel, Grate, einzeln stehende Bäume, Metallzäune und Gewässer. Such wenn möglich Schutz in einem "
        "Gebäude oder Auto. Wenn das nicht geht, hock dich in einer Mulde mit geschlossenen Füßen hin, halte Abstand zu "
        "anderen Personen und leg dich nicht flach auf den Boden.",
    ],
    [
        "Jemand ist bewusstlos, atmet aber normal. Was muss ich tun?",
        "Ruf den Notruf 112 und bring die Person in die stabile Seitenlage, damit die Atemwege frei bleiben. Bleib bei "
        "ihr und prüfe die Atmung regelmäßig.",
        "Und wenn sie nicht mehr atmet?",
        "Dann sofort mit der Herzdruckmassage beginnen: in der Mitte des Brustkorbs 5 bis 6 cm tief drücken, 100- bis "
        "120-mal pro Minute, bis der Rettungsdienst übernimmt. Wenn ein Defibrillator (AED) da ist, schalte ihn ein und "
        "folge seinen Anweisungen.",
    ],
    [
        "Warum sehen wir immer dieselbe Seite des Mondes?",
        "Weil sich der Mond in genau der Zeit einmal um sich selbst dreht, in der er die Erde umrundet, etwa 27,3 Tage. "
        "Man nennt das gebundene Rotation. Sie entstand, weil die Gezeitenkräfte der Erde die Drehung des Mondes über "
        "lange Zeit abgebremst haben.",
        "Ist die Rückseite dann immer dunkel?",
        "Nein, das ist ein Missverständnis. Die Rückseite bekommt genauso viel Sonnenlicht wie die Vorderseite, wir "
        "sehen sie nur nie von der Erde aus. Bei Neumond ist sie sogar vollständig beleuchtet.",
    ],
    [
        "Warum halten Igel Winterschlaf?",
        "Im Winter finden Igel kaum Insekten, Würmer und Schnecken. Deshalb senken sie ihre Körpertemperatur auf wenige "
        "Grad und ihren Herzschlag stark ab und leben von ihren Fettreserven, meist etwa von November bis März oder "
        "April.",
        "Darf man Igel im Herbst füttern?",
        "Nur wenn nötig, etwa bei sehr kleinen oder geschwächten Tieren. Geeignet sind Katzenfutter und ungewürztes "
        "Rührei sowie eine Schale Wasser. Milch dagegen niemals, denn Igel vertragen sie nicht.",
    ],
    [
        "Wie kann ich mein Englisch verbessern?",
        "- Schau Serien oder Videos auf Englisch, zuerst mit englischen Untertiteln.\n- Lies Dinge, die dich "
        "interessieren, etwa Nachrichten oder Blogs zu deinem Hobby.\n- Sprich so oft wie möglich, zum Beispiel in einem "
        "Tandem oder Konversationskurs.\n- Schreib ein kurzes Tagebuch auf Englisch.",
        "Wie viel Zeit sollte ich dafür einplanen?",
        "Regelmäßigkeit ist wichtiger als Dauer: Täglich 20 bis 30 Minuten bringen mehr als drei Stunden einmal pro "
        "Woche.",
    ],
    [
        "Ich fahre 15.000 km im Jahr, und mein Auto verbraucht 6 Liter auf 100 km. Wie viel Benzin brauche ich?",
        "15.000 km ÷ 100 = 150, und 150 × 6 Liter = 900 Liter im Jahr.",
        "Was kostet das bei 1,80 € pro Liter?",
        "900 × 1,80 € = 1.620 € im Jahr, also 135 € im Monat.",
    ],
]

INST["de"] = [
    ("Nenne die Hauptstadt des angegebenen Landes.", "Spanien", "Madrid."),
    (
        "Was ist die Hauptstadt von Australien?",
        "",
        "Die Hauptstadt von Australien ist Canberra. Sydney und Melbourne sind größer, aber nicht die Hauptstadt.",
    ),
    (
        "Übersetze den Satz ins Englische.",
        "Der Zug hat zwanzig Minuten Verspätung.",
        "The train is twenty minutes late.",
    ),
    (
        "Fasse den Text in einem Satz zusammen.",
        "Der Rhein entspringt in den Schweizer Alpen und fließt durch den Bodensee, dann entlang der deutsch-französischen "
        "Grenze und durch Deutschland bis in die Niederlande, wo er in die Nordsee mündet. Seit Jahrhunderten ist er eine "
        "der wichtigsten Wasserstraßen Europas.",
        "Der Rhein fließt von den Schweizer Alpen bis zur Nordsee und ist seit Jahrhunderten eine zentrale Wasserstraße "
        "Europas.",
    ),
    (
        "Bestimme die Stimmung der Bewertung: positiv, negativ oder neutral.",
        "Das Paket kam pünktlich, aber die Anleitung war nur auf Englisch.",
        "Neutral (gemischt): Die Lieferung wird gelobt, die Anleitung kritisiert.",
    ),
    (
        "Nenne drei Tipps zum Energiesparen im Winter.",
        "",
        "1. Stoßlüften statt die Fenster dauerhaft zu kippen.\n2. Die Raumtemperatur um 1 °C senken; das spart rund 6 % "
        "Heizenergie.\n3. Heizkörper nicht mit Möbeln oder Vorhängen verdecken.",
    ),
    (
        "Schreibe ein kurzes Gedicht mit vier Zeilen über den Winter.",
        "",
        "Der Schnee liegt leise auf dem Feld,\nganz weiß und still ist nun die Welt,\nam Fenster glänzt ein Eisgesicht,\n"
        "und drinnen brennt ein warmes Licht.",
    ),
    (
        "Korrigiere die Fehler im Satz.",
        "Gestern bin ich mit mein Freund in die Kino gegangen.",
        "Gestern bin ich mit meinem Freund ins Kino gegangen.",
    ),
    (
        "Erkläre kurz, was Photosynthese ist.",
        "",
        "Bei der Photosynthese nutzen Pflanzen die Energie des Sonnenlichts, um aus Wasser und Kohlendioxid Zucker "
        "herzustellen. Dabei geben sie Sauerstoff ab.",
    ),
    (
        "Gib zu jedem Nomen den bestimmten Artikel an.",
        "Tisch, Lampe, Fenster, Löffel, Zeitung",
        "der Tisch, die Lampe, das Fenster, der Löffel, die Zeitung",
    ),
    (
        "Schreibe eine Python-Zeile, die eine Liste aller geraden Zahlen von 1 bis 20 erzeugt.",
        "",
        "```python\ngerade = [n for n in range(1, 21) if n % 2 == 0]\n```\n\nErgebnis: `[2, 4, 6, 8, 10, 12, 14, 16, 18, 20]`.",
    ),
    (
        "Sortiere die Planeten nach ihrer Entfernung von der Sonne, beginnend mit dem nächsten.",
        "Mars, Merkur, Erde, Venus",
        "Merkur, Venus, Erde, Mars",
    ),
    (
        "Wie hoch ist die Zugspitze?",
        "",
        "Die Zugspitze ist 2.962 m hoch und damit der höchste Berg Deutschlands. Sie liegt in Bayern an der Grenze zu "
        "Österreich.",
    ),
    (
        "Extrahiere alle Städtenamen aus dem Text.",
        "Wir sind von Hamburg über Hannover nach Köln gefahren und haben in Bonn übernachtet.",
        "Hamburg, Hannover, Köln, Bonn",
    ),
    (
        "Schreibe eine kurze Produktbeschreibung.",
        "Rucksack; 20 Liter; wasserabweisend; Laptopfach für 15 Zoll",
        "Dieser leichte 20-Liter-Rucksack begleitet dich zuverlässig durch Alltag und Uni. Das wasserabweisende Material "
        "schützt bei Regen, und im gepolsterten Fach findet ein 15-Zoll-Laptop sicher Platz.",
    ),
    (
        "Erkläre den Unterschied zwischen „seit“ und „seid“.",
        "",
        "„Seit“ ist eine Präposition für einen Zeitpunkt oder Zeitraum: Ich wohne seit 2019 hier. „Seid“ ist eine Form "
        "von „sein“: Ihr seid pünktlich. Seid leise!",
    ),
    (
        "Formuliere die Nachricht förmlicher.",
        "Hi, schick mir bitte bis morgen die Zahlen.",
        "Sehr geehrte Frau Meier,\n\nkönnten Sie mir bitte bis morgen die aktuellen Zahlen zusenden? Vielen Dank im "
        "Voraus.\n\nMit freundlichen Grüßen",
    ),
]

UC["de"] = [
    (
        "eine Krankenpflegerin, die sich auf eine Nachtschicht vorbereitet",
        "Gib mir praktische Tipps, wie ich in einer 12-Stunden-Nachtschicht wach und gesund bleibe.",
        "",
        "- Schlaf am späten Nachmittag vor der Schicht 60 bis 90 Minuten.\n- Iss mehrere leichte Mahlzeiten statt einer "
        "schweren.\n- Trink über die Nacht verteilt Wasser.\n- Koffein lieber in der ersten Schichthälfte, in den letzten "
        "Stunden nicht mehr.\n- Schlaf nach der Schicht in einem dunklen, ruhigen Raum; Verdunkelungsvorhänge und "
        "Ohrstöpsel helfen.",
    ),
    (
        "ein Grundschullehrer, der eine Sachunterrichtsstunde plant",
        "Erkläre den Wasserkreislauf so, dass ihn Kinder in der 3. Klasse verstehen.",
        "",
        "Die Sonne wärmt das Wasser in Meeren, Seen und Pfützen. Ein Teil davon wird zu unsichtbarem Wasserdampf und "
        "steigt nach oben: Das nennt man Verdunstung. Hoch oben ist es kalt, und aus dem Dampf werden winzige Tröpfchen, "
        "die Wolken bilden. Werden die Tropfen zu schwer, fallen sie als Regen oder Schnee herunter: Niederschlag. Das "
        "Wasser fließt in Bäche, Flüsse und ins Meer, und alles beginnt von vorn.",
    ),
    (
        "die Inhaberin einer kleinen Bäckerei",
        "Schreib einen kurzen, freundlichen Social-Media-Beitrag zu unseren neuen Öffnungszeiten.",
        "Neu: Dienstag bis Sonntag 7–15 Uhr, montags Ruhetag",
        "Gute Nachrichten für alle Frühaufsteher! 🥨 Ab nächster Woche sind wir von Dienstag bis Sonntag von 7 bis 15 Uhr "
        "für euch da. Montags ist Ruhetag, da tüfteln wir an neuen Rezepten. Wir freuen uns auf euch!",
    ),
    (
        "ein Student mit einer Prüfung in zwei Wochen",
        "Erstelle mir einen einfachen Lernplan.",
        "Fach: Makroökonomie, 5 Kapitel",
        "Tag 1–10: alle zwei Tage ein Kapitel – am ersten Tag lesen und zusammenfassen, am zweiten Übungsaufgaben lösen "
        "und offene Fragen notieren.\nTag 11–12: eine Altklausur unter Prüfungsbedingungen schreiben und korrigieren.\n"
        "Tag 13: Schwachstellen und offene Fragen klären.\nTag 14: nur noch die Zusammenfassungen überfliegen und früh "
        "schlafen gehen.",
    ),
    (
        "ein Vater von zwei kleinen Kindern",
        "Gib mir fünf Ideen für ein gesundes Pausenbrot.",
        "",
        "1. Vollkornbrot mit Frischkäse und Gurkenscheiben.\n2. Ein Brötchen mit Käse und ein paar Kirschtomaten.\n3. "
        "Vollkorn-Wrap mit Hummus und geraspelten Möhren.\n4. Apfelschnitze, ein paar Nüsse (für Kleinkinder gemahlen) "
        "und ein Stück Käse.\n5. Reste vom Vortag wie Nudelsalat mit Gemüse.",
    ),
    (
        "ein Entwickler, der gerade Git lernt",
        "Wie sehe ich, was ich seit dem letzten Commit geändert habe?",
        "",
        "`git status` zeigt dir, welche Dateien geändert wurden. `git diff` zeigt die genauen Änderungen, die noch nicht "
        "vorgemerkt sind, und `git diff --staged` die Änderungen, die du schon mit `git add` vorgemerkt hast.",
    ),
    (
        "eine Rentnerin, die ihren ersten Gemüsegarten anlegt",
        "Welche Gemüse sind für Anfänger besonders leicht?",
        "",
        "- Radieschen: schnell und unkompliziert, nach etwa vier Wochen erntereif.\n- Pflücksalat: lässt sich immer "
        "wieder beernten.\n- Zucchini: wächst fast von allein, eine Pflanze reicht meist für eine Familie.\n- "
        "Buschbohnen: brauchen keine Rankhilfe.\n- Kräuter wie Schnittlauch und Petersilie.",
    ),
    (
        "ein Bewerber für eine Stelle am Empfang",
        "Schreib den ersten Satz meines Anschreibens.",
        "Ich habe drei Jahre Erfahrung an der Rezeption eines Hotels.",
        "Nach drei Jahren an der Rezeption eines lebhaften Hotels, in denen ich täglich Gäste empfangen und betreut habe, "
        "möchte ich meine Serviceorientierung und mein Organisationstalent gern am Empfang Ihres Unternehmens einbringen.",
    ),
    (
        "eine Pendlerin, die mit dem Fahrrad zur Arbeit fährt",
        "Was sollte ich jede Woche an meinem Fahrrad prüfen?",
        "",
        "- Reifendruck: auf den Wert pumpen, der auf der Reifenflanke steht.\n- Bremsen: Das Rad muss sicher stehen, "
        "bevor der Hebel den Lenker berührt.\n- Kette: reinigen und ölen, wenn sie trocken aussieht oder quietscht.\n- "
        "Licht vorne und hinten, inklusive Akku.",
    ),
    (
        "ein Wanderer, der eine Hüttentour in den Alpen plant",
        "Was muss ich beachten?",
        "Drei Tage im Juli",
        "- Reserviere die Hütten rechtzeitig; im Juli sind sie oft ausgebucht.\n- Prüf jeden Morgen den Wetterbericht: "
        "Im Sommer gibt es nachmittags häufig Gewitter, also früh starten.\n- Pack Regen- und Wärmeschutz ein, auch im "
        "Hochsommer kann es oben schneien.\n- Nimm einen Hüttenschlafsack, Bargeld und eine Stirnlampe mit.\n- Sag "
        "jemandem Bescheid, welche Route du gehst. Der alpine Notruf in Österreich ist 140, europaweit gilt 112.",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Arabic (Modern Standard)
# ---------------------------------------------------------------------------------------------------------------
CONV["ar"] = [
    ["ما عاصمة فرنسا؟", "عاصمة فرنسا هي باريس."],
    [
        "ما هي عاصمة فرنسا؟",
        "عاصمة فرنسا هي باريس، وهي أيضًا أكبر مدن البلاد.",
        "ما النهر الذي يمر بها؟",
        "نهر السين. ويُطلق على الجزء الواقع شمال النهر اسم الضفة اليمنى، وعلى الجزء الجنوبي اسم الضفة اليسرى.",
    ],
    [
        "هل الدار البيضاء هي عاصمة المغرب؟",
        "لا، عاصمة المغرب هي الرباط. أما الدار البيضاء فهي أكبر مدن المغرب ومركزه الاقتصادي الأول.",
        "وأي مدينة مغربية تضم جامعة القرويين؟",
        "مدينة فاس. أسست فاطمة الفهرية جامع القرويين سنة 859م، وتُعد جامعة القرويين من أقدم المؤسسات التعليمية في "
        "العالم التي ما زالت تعمل حتى اليوم.",
    ],
    [
        "ما عاصمة مصر؟",
        "عاصمة مصر هي القاهرة، وهي من أكبر المدن في أفريقيا والعالم العربي.",
        "وأي نهر يمر بالقاهرة؟",
        "نهر النيل، وهو أطول أنهار أفريقيا. يجري من الجنوب إلى الشمال حتى يصب في البحر الأبيض المتوسط.",
    ],
    [
        "السلام عليكم! كيف حالك؟",
        "وعليكم السلام ورحمة الله! أنا بخير، شكرًا لسؤالك. كيف يمكنني مساعدتك اليوم؟",
        "أريد أن أعتاد القراءة، لكنني أملّ بسرعة.",
        "هذه بعض الأفكار التي قد تساعدك:\n- ابدأ بكتب قصيرة في موضوعات تحبها فعلًا.\n- حدّد هدفًا صغيرًا، مثل عشر "
        "صفحات يوميًا.\n- اقرأ في وقت ثابت، قبل النوم مثلًا.\n- جرّب الكتب الصوتية أثناء المشي أو في المواصلات.\n- "
        "لا تتردد في ترك كتاب لم يعجبك والانتقال إلى غيره.",
    ],
    [
        "كيف أحافظ على نشاطي أثناء الصيام في رمضان؟",
        "احرص على تناول السحور ولا تتركه، واشرب الماء على دفعات بين الإفطار والسحور. خفّف من الأطعمة المقلية "
        "والحلويات الكثيرة، ونَم عددًا كافيًا من الساعات، ويمكنك ممارسة رياضة خفيفة كالمشي بعد الإفطار بساعتين.",
        "ماذا آكل في السحور؟",
        "اختر أطعمة بطيئة الهضم تمنحك طاقة مستمرة: الشوفان أو الخبز الأسمر، والبيض أو الفول، والزبادي، مع بعض "
        "الخضار والفواكه والتمر. وقلّل من الأطعمة المالحة لأنها تزيد الشعور بالعطش.",
    ],
    [
        "كيف أحضّر الحمص بالطحينة؟",
        "1. انقع كوبًا من الحمص الجاف ليلة كاملة، ثم اسلقه حتى يصبح طريًا جدًا.\n2. اطحنه في الخلاط مع ثلث كوب من "
        "الطحينة وعصير ليمونة وفص ثوم وملح.\n3. أضف قليلًا من الماء البارد تدريجيًا حتى يصبح القوام ناعمًا.\n4. قدّمه "
        "في طبق مع رشة كمون وزيت زيتون.",
        "هل يمكنني استخدام الحمص المعلّب؟",
        "نعم، وهذا يوفر الوقت. اشطفه جيدًا بالماء، ويمكنك تسخينه دقائق قليلة قبل طحنه ليصبح أنعم.",
    ],
    [
        "لماذا نرى البرق قبل أن نسمع الرعد؟",
        "لأن الضوء ينتقل بسرعة هائلة تقارب 300 ألف كيلومتر في الثانية، بينما ينتقل الصوت في الهواء بنحو 340 مترًا "
        "فقط في الثانية. لذلك يصلنا وميض البرق فورًا تقريبًا، ويتأخر صوت الرعد.",
        "هل يمكنني أن أعرف بُعد العاصفة؟",
        "نعم تقريبًا: عُدَّ الثواني بين رؤية البرق وسماع الرعد ثم اقسمها على 3، فتحصل على المسافة بالكيلومترات. "
        "فإذا كانت 9 ثوانٍ، فالعاصفة على بعد 3 كيلومترات تقريبًا.",
    ],
    [
        "ما الفرق بين الفيروسات والبكتيريا؟",
        "البكتيريا كائنات حية وحيدة الخلية تستطيع التكاثر بنفسها، وبعضها مفيد كبكتيريا الأمعاء. أما الفيروسات فهي "
        "أصغر بكثير، ولا تستطيع التكاثر إلا داخل خلايا كائن حي آخر.",
        "هل تفيد المضادات الحيوية في علاج الزكام؟",
        "لا. الزكام سببه فيروسات، والمضادات الحيوية تعمل ضد البكتيريا فقط. واستعمالها دون حاجة يساهم في ظهور "
        "بكتيريا مقاومة لها، فلا تُؤخذ إلا بوصفة طبية.",
    ],
    [
        "من هو ابن الهيثم؟",
        "الحسن بن الهيثم عالم عربي وُلد في البصرة نحو عام 965م، وعمل في القاهرة. يُعد من رواد علم البصريات ومن أوائل "
        "من اعتمدوا التجربة المنهجية لإثبات النظريات العلمية.",
        "ما أشهر إنجازاته؟",
        "كتابه «كتاب المناظر»، الذي شرح فيه أن الرؤية تحدث عندما ينعكس الضوء عن الأجسام ويدخل العين، لا عندما تخرج "
        "أشعة من العين كما كان يُعتقد. كما درس انكسار الضوء وانعكاسه ووصف مبدأ الغرفة المظلمة.",
    ],
    [
        "متى بُني الهرم الأكبر في الجيزة؟",
        "بُني في عهد الملك خوفو من الأسرة الرابعة، نحو عام 2560 قبل الميلاد، أي قبل أكثر من 4500 عام.",
        "هل صحيح أن العبيد هم من بنوه؟",
        "تشير الاكتشافات الأثرية إلى غير ذلك؛ فقد عُثر قرب الأهرامات على قرى للعمال ومقابر لهم، مما يدل على أن "
        "البنّائين كانوا عمالًا منظمين يتلقون الطعام والرعاية، وكثير منهم عمل بنظام المواسم.",
    ],
    [
        "سأزور إسطنبول لأول مرة. ما الأماكن التي تنصحني بزيارتها؟",
        "من أبرز المعالم: آيا صوفيا، وجامع السلطان أحمد (الجامع الأزرق)، وقصر طوب قابي، والبازار الكبير، ورحلة "
        "بحرية في مضيق البوسفور بين أوروبا وآسيا.",
        "ما أفضل وسيلة للتنقل هناك؟",
        "الترام والمترو والعبّارات وسائل سريعة ورخيصة. اشترِ بطاقة «إسطنبول كارت» القابلة للشحن، فهي تصلح لمعظم "
        "وسائل النقل العام.",
    ],
    [
        "ساعدني في كتابة رسالة اعتذار لمديري لأنني سأتأخر غدًا.",
        "الأستاذ خالد المحترم،\nتحية طيبة، وبعد،\nأود إعلامكم بأنني سأتأخر غدًا قرابة ساعة بسبب موعد طبي لا يمكن "
        "تأجيله، وسأحرص على إنجاز مهامي كاملة وتعويض الوقت. أعتذر عن أي إزعاج قد يسببه ذلك.\nمع خالص الشكر والتقدير،\n"
        "[اسمك]",
        "هل يمكن أن تجعلها أقصر؟",
        "أستاذ خالد، تحية طيبة. سأتأخر غدًا نحو ساعة بسبب موعد طبي، وسأعوّض الوقت. أعتذر عن ذلك، وشكرًا لتفهمك.",
    ],
    [
        "كيف أقول «أين أقرب صيدلية؟» بالإنجليزية؟",
        "«Where is the nearest pharmacy?»",
        "وبالفرنسية؟",
        "«Où est la pharmacie la plus proche ?»",
    ],
    [
        "ما المقصود بالطاقة المتجددة؟",
        "هي الطاقة المستمدة من مصادر طبيعية تتجدد باستمرار ولا تنفد، مثل أشعة الشمس والرياح والمياه الجارية وحرارة "
        "باطن الأرض، على عكس النفط والفحم والغاز.",
        "وما عيوب الطاقة الشمسية؟",
        "أهمها أن إنتاجها يتوقف ليلًا ويقل في الأيام الغائمة، لذلك تحتاج إلى بطاريات تخزين أو مصادر مساندة. كما أن "
        "محطاتها الكبيرة تحتاج إلى مساحات واسعة، ويقل أداء الألواح إذا تراكم عليها الغبار.",
    ],
    [
        "اكتب دالة بلغة بايثون تحوّل درجة الحرارة من مئوية إلى فهرنهايت.",
        "```python\ndef celsius_to_fahrenheit(c: float) -> float:\n    return c * 9 / 5 + 32\n```\n\nمثلًا "
        "`celsius_to_fahrenheit(100)` تُعيد `212.0`.",
        "والدالة العكسية؟",
        "```python\ndef fahrenheit_to_celsius(f: float) -> float:\n    return (f - 32) * 5 / 9\n```\n\nو"
        "`fahrenheit_to_celsius(212)` تُعيد `100.0`.",
    ],
    [
        "الجو حار جدًا هذه الأيام. ما علامات الجفاف؟",
        "من أبرزها: العطش الشديد، وجفاف الفم، وقلة التبول مع لون بول داكن، والصداع، والدوخة، والتعب.",
        "وماذا أفعل إذا شعرت بها؟",
        "اجلس في مكان ظليل أو بارد، واشرب الماء على دفعات صغيرة، ويمكن استخدام محلول الإرواء الفموي لتعويض الأملاح. "
        "إذا ظهر ارتباك أو إغماء أو توقف التعرق مع ارتفاع شديد في الحرارة، فاطلب الإسعاف فورًا.",
    ],
    [
        "شممت رائحة غاز في المطبخ. ماذا أفعل؟",
        "لا تُشعل أي نار، ولا تضغط مفاتيح الكهرباء تشغيلًا أو إطفاءً، ولا تستخدم الهاتف داخل المكان. أغلق محبس الغاز "
        "إن أمكن، وافتح النوافذ والأبواب، ثم اخرج من المنزل واتصل بالطوارئ أو بشركة الغاز من الخارج.",
    ],
    [
        "كيف أتصرف إذا فاجأتني عاصفة رملية وأنا أقود السيارة؟",
        "خفّف السرعة فورًا، وأشعل الأضواء المنخفضة، وزِد مسافة الأمان بينك وبين السيارة التي أمامك. إذا انعدمت "
        "الرؤية تقريبًا، فابتعد تمامًا عن الطريق إلى مكان آمن، وانتظر حتى تهدأ العاصفة مع إغلاق النوافذ وتشغيل "
        "التكييف على وضع تدوير الهواء الداخلي.",
    ],
    [
        "لماذا يطول النهار في الصيف ويقصر في الشتاء؟",
        "لأن محور الأرض مائل بنحو 23.4 درجة. في الصيف يميل نصف الكرة الذي نعيش فيه نحو الشمس، فتمر الشمس في السماء "
        "مسارًا أطول ويطول النهار، وفي الشتاء يحدث العكس.",
        "وما هو الانقلاب الصيفي؟",
        "هو اليوم الذي يكون فيه النهار أطول ما يمكن، ويقع في نصف الكرة الشمالي يوم 20 أو 21 يونيو تقريبًا.",
    ],
    [
        "كيف يستطيع الجمل أن يعيش أيامًا دون ماء؟",
        "للجمل تكيفات مدهشة: كليتاه تقللان فقدان الماء فيكون بوله مركّزًا، وتتغير حرارة جسمه خلال اليوم فيقل "
        "تعرّقه، ويتحمل فقدان كمية كبيرة من ماء جسمه. وعندما يجد الماء يستطيع أن يشرب أكثر من 100 لتر في وقت قصير.",
        "أليس السنام مليئًا بالماء؟",
        "لا، هذا اعتقاد شائع لكنه خاطئ. السنام يخزن الدهون، ويستخدمها الجمل مصدرًا للطاقة عندما يقل الطعام.",
    ],
    [
        "كيف أتعلم لغة جديدة بمفردي؟",
        "- خصص وقتًا يوميًا ثابتًا ولو كان 20 دقيقة.\n- تعلّم الكلمات الأكثر استخدامًا أولًا، وراجعها بالبطاقات.\n- "
        "استمع إلى محتوى بسيط باللغة الجديدة كالبودكاست والأغاني.\n- تحدّث مبكرًا مع متحدثين أصليين ولا تخف من الخطأ.",
        "كم أحتاج من الوقت لأتمكن من محادثة بسيطة؟",
        "يختلف ذلك حسب اللغة وحسب وقتك، لكن مع ممارسة يومية منتظمة يستطيع كثير من المتعلمين إجراء محادثات يومية بسيطة "
        "بعد بضعة أشهر.",
    ],
    [
        "كم تبلغ زكاة مبلغ 20,000 ريال إذا بلغ النصاب وحال عليه الحول؟",
        "زكاة المال 2.5%، إذن 20,000 × 0.025 = 500 ريال.",
        "وماذا لو كان المبلغ 48,000 ريال؟",
        "48,000 × 0.025 = 1,200 ريال.",
    ],
]

INST["ar"] = [
    ("اذكر عاصمة الدولة التالية.", "اليابان", "طوكيو."),
    (
        "ما عاصمة المملكة العربية السعودية؟",
        "",
        "عاصمة المملكة العربية السعودية هي الرياض، وتقع في وسط شبه الجزيرة العربية.",
    ),
    (
        "ترجم الجملة إلى الإنجليزية.",
        "سأسافر إلى دبي الأسبوع القادم مع عائلتي.",
        "I will travel to Dubai with my family next week.",
    ),
    (
        "لخّص النص في جملة واحدة.",
        "النخلة من أهم الأشجار في الجزيرة العربية وشمال أفريقيا، فهي تتحمل الحرارة والجفاف. ويُستفاد من ثمارها غذاءً، "
        "ومن سعفها وجذوعها في صناعة الحصر والسلال والأسقف. ولذلك ارتبطت بحياة الناس وثقافتهم منذ آلاف السنين.",
        "النخلة شجرة تتحمل الحر والجفاف ويُستفاد من ثمرها وسعفها وجذعها، فارتبطت بحياة سكان المنطقة منذ القدم.",
    ),
    (
        "صنّف المراجعة إلى إيجابية أو سلبية أو محايدة.",
        "المكان جميل، لكن الخدمة كانت بطيئة جدًا والطعام وصل باردًا.",
        "سلبية في مجملها: أعجب الكاتب بالمكان، لكنه انتقد الخدمة والطعام.",
    ),
    (
        "اقترح ثلاث طرق لتقليل هدر الطعام في المنزل.",
        "",
        "1. خطط لوجبات الأسبوع واكتب قائمة قبل التسوق.\n2. احفظ بقايا الطعام في علب مغلقة في الثلاجة واستخدمها في اليوم "
        "التالي.\n3. ضع الأطعمة الأقدم في مقدمة الثلاجة لتستهلكها أولًا.",
    ),
    (
        "اكتب أربعة أسطر شعرية قصيرة عن القمر.",
        "",
        "يا قمرًا يسهر فوق المدينة،\nتنثر ضوءك على السطوح الحزينة،\nتحكي للنخيل حكاية الليل،\nوتمضي مع الفجر بخطى رزينة.",
    ),
    (
        "صحّح الأخطاء الإملائية والنحوية في الجملة.",
        "ذهبت الى المدرسه مبكرا لاكن الباب كان مغلق.",
        "ذهبتُ إلى المدرسة مبكرًا، لكنّ الباب كان مغلقًا.",
    ),
    (
        "اشرح عملية البناء الضوئي بأسلوب بسيط.",
        "",
        "البناء الضوئي هو الطريقة التي يصنع بها النبات غذاءه: تستخدم الأوراق طاقة ضوء الشمس لتحويل الماء وثاني أكسيد "
        "الكربون إلى سكر، وتطلق الأكسجين في الهواء.",
    ),
    ("اكتب جمع كل كلمة.", "كتاب، مدرسة، قلم، مدينة", "كتاب ← كُتُب\nمدرسة ← مدارس\nقلم ← أقلام\nمدينة ← مُدُن"),
    (
        "اكتب برنامجًا قصيرًا بلغة بايثون يطبع الأعداد من 1 إلى 10.",
        "",
        "```python\nfor i in range(1, 11):\n    print(i)\n```\n\nالدالة `range(1, 11)` تبدأ من 1 وتتوقف قبل 11.",
    ),
    (
        "رتّب الدول التالية حسب المساحة من الأكبر إلى الأصغر.",
        "مصر، الجزائر، السعودية، الأردن",
        "الجزائر، السعودية، مصر، الأردن.",
    ),
    ("ما أكبر صحراء حارة في العالم؟", "", "الصحراء الكبرى في شمال أفريقيا، وتبلغ مساحتها نحو 9 ملايين كيلومتر مربع."),
    (
        "استخرج أسماء الأماكن من النص.",
        "انطلقنا من عمّان إلى البتراء، ثم أكملنا الطريق إلى العقبة.",
        "عمّان، البتراء، العقبة",
    ),
    (
        "اكتب وصفًا قصيرًا للمنتج.",
        "مصباح مكتبي LED؛ ثلاث درجات إضاءة؛ منفذ USB للشحن",
        "مصباح مكتبي بتقنية LED موفّر للطاقة، يمنحك ثلاث درجات إضاءة تناسب القراءة والعمل والاسترخاء، ويضم منفذ USB "
        "لشحن هاتفك أثناء العمل.",
    ),
    (
        "اشرح الفرق بين التاء المربوطة والهاء في آخر الكلمة.",
        "",
        "التاء المربوطة (ة) تُكتب بنقطتين وتُنطق تاءً عند الوصل، مثل «مدرسةٌ جميلة»، وتُنطق هاءً عند الوقف. أما الهاء "
        "(ه) فلا نقاط عليها وتُنطق هاءً دائمًا، مثل «وجهه» و«كتابه». ومن الطرق المفيدة: إذا أمكن نطق الحرف تاءً عند "
        "الوصل فهو تاء مربوطة.",
    ),
    ("أعد صياغة الجملة بأسلوب رسمي.", "ابعت لي الملف بسرعة.", "أرجو التكرّم بإرسال الملف في أقرب وقت ممكن، مع الشكر."),
]

UC["ar"] = [
    (
        "ممرضة تستعد لمناوبة ليلية",
        "أعطني نصائح عملية لأبقى يقظة وبصحة جيدة خلال مناوبة ليلية مدتها 12 ساعة.",
        "",
        "- خذي قيلولة من 60 إلى 90 دقيقة عصرًا قبل المناوبة.\n- تناولي وجبات خفيفة متفرقة بدل وجبة واحدة ثقيلة.\n- "
        "اشربي الماء طوال الليل.\n- تناولي القهوة في بداية المناوبة وتجنبيها في الساعات الأخيرة.\n- بعد المناوبة نامي في "
        "غرفة مظلمة وهادئة، فالستائر المعتمة وسدادات الأذن مفيدة جدًا.",
    ),
    (
        "معلم في المرحلة الابتدائية يحضّر درسًا في العلوم",
        "اشرح دورة الماء بطريقة يفهمها تلاميذ في التاسعة.",
        "",
        "تُسخّن الشمس الماء في البحار والأنهار والبرك، فيتحول جزء منه إلى بخار لا نراه ويصعد إلى السماء، وهذا هو "
        "التبخر. وفي الأعلى يكون الجو باردًا، فيتحول البخار إلى قطرات صغيرة جدًا تتجمع وتكوّن السحب، وهذا هو التكاثف. "
        "وعندما تكبر القطرات وتثقل، تسقط مطرًا أو ثلجًا، وهذا هو الهطول. ثم يعود الماء إلى الأنهار والبحار لتبدأ "
        "الرحلة من جديد!",
    ),
    (
        "صاحبة مخبز صغير",
        "اكتب منشورًا قصيرًا ولطيفًا على وسائل التواصل لإعلان مواعيد العمل الجديدة.",
        "من الثلاثاء إلى الأحد، من 7 صباحًا حتى 3 عصرًا؛ الاثنين عطلة",
        "خبر سار لمحبي الخبز الطازج! 🥖 ابتداءً من الأسبوع القادم نستقبلكم من الثلاثاء إلى الأحد، من السابعة صباحًا "
        "حتى الثالثة عصرًا. ويوم الاثنين عطلتنا الأسبوعية، نستعد فيه بوصفات جديدة. ننتظركم!",
    ),
    (
        "طالب جامعي لديه امتحان بعد أسبوعين",
        "ضع لي خطة مراجعة بسيطة.",
        "المادة: الكيمياء العامة، 5 فصول",
        "الأيام 1–10: فصل كل يومين؛ في اليوم الأول اقرأ الفصل ولخّصه، وفي الثاني حُلّ التمارين ودوّن ما لم تفهمه.\n"
        "اليومان 11–12: حُلّ امتحانًا سابقًا كاملًا في وقت محدد وصحّحه.\nاليوم 13: راجع أخطاءك والنقاط الصعبة.\nاليوم "
        "14: مراجعة سريعة للقوانين فقط، ثم نَم مبكرًا.",
    ),
    (
        "أم لطفلين صغيرين",
        "اقترحي خمس وجبات خفيفة صحية للأطفال.",
        "",
        "1. زبادي مع قطع الفاكهة.\n2. أصابع الجزر والخيار مع الحمص.\n3. خبز أسمر مع جبنة بيضاء وشرائح الطماطم.\n4. "
        "تمرات مع كوب من الحليب.\n5. موزة مع قليل من زبدة الفول السوداني (إن لم يكن لدى الطفل حساسية).",
    ),
    (
        "مبرمج مبتدئ يتعلم Git",
        "كيف أنسخ مستودعًا من GitHub إلى جهازي؟",
        "",
        "استخدم الأمر `git clone` متبوعًا برابط المستودع، مثل:\n`git clone https://github.com/USER/REPO.git`\nسيُنشئ "
        "ذلك مجلدًا باسم المستودع يحتوي على الملفات والسجل الكامل. ثم ادخل إليه بالأمر `cd REPO`.",
    ),
    (
        "متقاعد يعتني بحديقة منزلية",
        "كيف أعتني بشجرة ليمون في أصيص؟",
        "",
        "- ضعها في مكان مشمس يحصل على 6 ساعات من الشمس على الأقل.\n- استخدم أصيصًا فيه فتحات تصريف جيدة.\n- اسقها "
        "عندما تجف الطبقة العليا من التربة، ولا تتركها غارقة في الماء.\n- سمّدها بسماد خاص بالحمضيات في الربيع والصيف.\n"
        "- احمها من الصقيع في الشتاء.",
    ),
    (
        "شاب يبحث عن عمل ويتقدم لوظيفة موظف استقبال",
        "اكتب الجملة الأولى من رسالة التقديم.",
        "لدي ثلاث سنوات من الخبرة في استقبال فندق.",
        "بعد ثلاث سنوات من العمل في استقبال فندق مزدحم، اكتسبت خلالها مهارات التواصل مع النزلاء وتنظيم الحجوزات، يسعدني "
        "أن أتقدم لشغل وظيفة موظف استقبال في شركتكم الموقرة.",
    ),
    (
        "سائق توصيل يعمل في فصل الصيف",
        "أعطني نصائح للوقاية من ضربة الشمس.",
        "",
        "- اشرب الماء بانتظام حتى لو لم تشعر بالعطش.\n- ارتدِ ملابس خفيفة فاتحة اللون وقبعة.\n- خذ استراحات قصيرة في "
        "الظل أو في مكان مكيّف.\n- لا تترك نفسك في سيارة مغلقة متوقفة تحت الشمس.\n- إذا شعرت بدوخة أو صداع شديد أو "
        "غثيان فتوقف عن العمل فورًا وبرّد جسمك واطلب المساعدة.",
    ),
    (
        "سائح يخطط لزيارة البتراء في الأردن",
        "ما نصائحك لزيارة ناجحة؟",
        "",
        "- ابدأ مبكرًا صباحًا لتتجنب الحر والزحام.\n- خصص يومين إن أمكن؛ فالمدينة واسعة، والصعود إلى الدير وحده يتطلب "
        "نحو 800 درجة.\n- البس حذاءً مريحًا واحمل ماءً كافيًا وواقيًا من الشمس.\n- فكّر في شراء «أردن باس» إذا كنت ستبقى "
        "عدة أيام، فهو يشمل تأشيرة الدخول وتذكرة البتراء.",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Hindi
# ---------------------------------------------------------------------------------------------------------------
CONV["hi"] = [
    ["फ़्रांस की राजधानी क्या है?", "फ़्रांस की राजधानी पेरिस है।"],
    [
        "फ़्रांस की राजधानी कौन-सा शहर है?",
        "फ़्रांस की राजधानी पेरिस है। यह फ़्रांस का सबसे बड़ा शहर भी है।",
        "पेरिस से होकर कौन-सी नदी बहती है?",
        "सीन नदी। नदी के उत्तर वाले हिस्से को राइट बैंक और दक्षिण वाले हिस्से को लेफ़्ट बैंक कहा जाता है।",
    ],
    [
        "भारत की राजधानी क्या है?",
        "भारत की राजधानी नई दिल्ली है।",
        "क्या हमेशा से दिल्ली ही राजधानी थी?",
        "नहीं। ब्रिटिश शासन के दौरान 1911 तक कलकत्ता (अब कोलकाता) राजधानी था। 1911 में राजधानी को दिल्ली ले जाने की "
        "घोषणा हुई, और नई दिल्ली का औपचारिक उद्घाटन 1931 में हुआ।",
    ],
    [
        "क्या सिडनी ऑस्ट्रेलिया की राजधानी है?",
        "नहीं। सिडनी ऑस्ट्रेलिया का सबसे बड़ा शहर है, लेकिन राजधानी कैनबरा है।",
        "कैनबरा को राजधानी क्यों चुना गया?",
        "1901 में जब ऑस्ट्रेलिया एक संघ बना, तो सिडनी और मेलबर्न दोनों राजधानी बनना चाहते थे। समझौते के तौर पर दोनों के "
        "बीच एक नया शहर, कैनबरा, बसाया गया और 1927 में संसद वहाँ पहुँची।",
    ],
    [
        "नमस्ते! आप कैसे हैं?",
        "नमस्ते! मैं ठीक हूँ, पूछने के लिए धन्यवाद। बताइए, मैं आपकी क्या मदद कर सकता हूँ?",
        "आज छुट्टी है और मैं कुछ नया करना चाहता हूँ।",
        "कुछ सुझाव:\n- पास के किसी संग्रहालय या ऐतिहासिक जगह पर जाइए।\n- कोई नई रेसिपी बनाकर देखिए।\n- किसी पुराने दोस्त "
        "को फ़ोन कीजिए।\n- कोई छोटी किताब पढ़ना शुरू कीजिए।\n- शाम को पार्क में टहलने जाइए।",
    ],
    [
        "बारिश के मौसम में बीमारियों से कैसे बचें?",
        "- पानी उबालकर या फ़िल्टर करके पिएँ।\n- खुले में रखा या बासी खाना न खाएँ।\n- घर के आसपास पानी जमा न होने दें, "
        "क्योंकि उसमें मच्छर पनपते हैं।\n- मच्छरदानी और मच्छर भगाने वाली क्रीम का इस्तेमाल करें।\n- खाने से पहले हाथ "
        "साबुन से धोएँ।",
        "डेंगू के लक्षण क्या होते हैं?",
        "तेज़ बुख़ार, तेज़ सिरदर्द, आँखों के पीछे दर्द, मांसपेशियों और जोड़ों में दर्द, और कभी-कभी शरीर पर दाने। ऐसे लक्षण "
        "हों तो डॉक्टर को दिखाएँ। अपने मन से एस्पिरिन या आइबुप्रोफ़ेन जैसी दर्द की दवाएँ न लें, क्योंकि डेंगू में ये "
        "ख़ून बहने का ख़तरा बढ़ा सकती हैं।",
    ],
    [
        "अरहर की दाल कैसे बनाऊँ?",
        "1. एक कप अरहर (तूर) दाल धोकर 20 मिनट भिगो दें।\n2. प्रेशर कुकर में तीन कप पानी, हल्दी और नमक के साथ 3–4 सीटी "
        "आने तक पकाएँ।\n3. तड़के के लिए घी गरम करें, उसमें जीरा, हींग, कटा लहसुन और सूखी लाल मिर्च डालें।\n4. तड़का "
        "दाल में मिलाएँ और ऊपर से हरा धनिया डालें।",
        "अगर प्रेशर कुकर न हो तो?",
        "किसी भारी तले वाले पतीले में पका सकते हैं। भिगोई हुई दाल को ढककर धीमी आँच पर 40–45 मिनट पकाएँ, बीच-बीच में "
        "चलाते रहें और ज़रूरत हो तो गरम पानी डालें।",
    ],
    [
        "इंद्रधनुष कैसे बनता है?",
        "जब सूरज की रोशनी हवा में मौजूद पानी की बूँदों में प्रवेश करती है, तो वह मुड़ती (अपवर्तन) है, बूँद के अंदर "
        "परावर्तित होती है और अलग-अलग रंगों में बँट जाती है। इसीलिए इंद्रधनुष तब दिखता है जब सूरज आपकी पीठ की तरफ़ हो "
        "और सामने बारिश या फुहार हो।",
        "इंद्रधनुष में कितने रंग होते हैं?",
        "परंपरागत रूप से सात: बैंगनी, जामुनी, नीला, हरा, पीला, नारंगी और लाल, जिन्हें याद रखने के लिए “बैजनीहपीनाला” "
        "कहा जाता है। असल में रंग एक-दूसरे में धीरे-धीरे घुलते जाते हैं।",
    ],
    [
        "चंद्रयान-3 चाँद पर कहाँ उतरा था?",
        "चंद्रयान-3 का लैंडर 23 अगस्त 2023 को चाँद के दक्षिणी ध्रुव के पास उतरा। भारत चाँद के दक्षिणी ध्रुव के पास "
        "उतरने वाला पहला देश बना।",
        "उसके लैंडर और रोवर के नाम क्या थे?",
        "लैंडर का नाम विक्रम और रोवर का नाम प्रज्ञान था। जिस जगह विक्रम उतरा, उसे “शिव शक्ति पॉइंट” नाम दिया गया।",
    ],
    [
        "भारत को आज़ादी कब मिली?",
        "15 अगस्त 1947 को भारत ब्रिटिश शासन से आज़ाद हुआ। इसी दिन पंडित जवाहरलाल नेहरू देश के पहले प्रधानमंत्री बने।",
        "तो गणतंत्र दिवस 26 जनवरी को क्यों मनाते हैं?",
        "क्योंकि 26 जनवरी 1950 को भारत का संविधान लागू हुआ। यह तारीख़ इसलिए चुनी गई कि 26 जनवरी 1930 को कांग्रेस ने "
        "“पूर्ण स्वराज” का संकल्प घोषित किया था।",
    ],
    [
        "ताजमहल किसने बनवाया था?",
        "मुग़ल बादशाह शाहजहाँ ने अपनी पत्नी मुमताज़ महल की याद में आगरा में यमुना नदी के किनारे ताजमहल बनवाया। इसका "
        "निर्माण 1632 के आसपास शुरू हुआ और पूरा परिसर लगभग 1653 तक बनकर तैयार हुआ।",
        "क्या यह यूनेस्को की विश्व धरोहर है?",
        "हाँ, ताजमहल को 1983 में यूनेस्को की विश्व धरोहर सूची में शामिल किया गया।",
    ],
    [
        "मैं पहली बार गोवा जा रहा हूँ। कब जाना अच्छा रहेगा?",
        "नवंबर से फ़रवरी तक का मौसम सबसे अच्छा माना जाता है: धूप खिली रहती है और बहुत ज़्यादा गर्मी नहीं होती। उत्तरी "
        "गोवा के समुद्र तट ज़्यादा चहल-पहल वाले हैं, जबकि दक्षिणी गोवा शांत है। पुराने गोवा में बॉम जीसस बेसिलिका "
        "ज़रूर देखें।",
        "मानसून में जाना कैसा रहेगा?",
        "जून से सितंबर तक भारी बारिश होती है और समुद्र में तैरना ख़तरनाक हो सकता है। लेकिन हरियाली, झरने (जैसे "
        "दूधसागर) और कम भीड़ पसंद हो, तो यह भी अच्छा समय है।",
    ],
    [
        "छुट्टी के लिए प्रार्थना पत्र लिखने में मेरी मदद करें।",
        "सेवा में,\nप्रधानाचार्य महोदय,\nविषय: दो दिन के अवकाश हेतु प्रार्थना पत्र\n\nमहोदय,\nसविनय निवेदन है कि "
        "मेरी बहन का विवाह होने के कारण मैं 12 और 13 मार्च को विद्यालय नहीं आ सकूँगा। कृपया मुझे दो दिन का अवकाश "
        "प्रदान करें।\n\nआपका आज्ञाकारी शिष्य,\n[नाम], कक्षा [ ]",
        "इसे ईमेल के लिए छोटा कर दीजिए।",
        "विषय: 12–13 मार्च का अवकाश\n\nआदरणीय महोदय,\nबहन के विवाह के कारण मैं 12 और 13 मार्च को विद्यालय नहीं आ "
        "पाऊँगा। कृपया दो दिन का अवकाश स्वीकृत करें।\n\nधन्यवाद,\n[नाम]",
    ],
    [
        "“मुझे थोड़ा पानी चाहिए” को अंग्रेज़ी में कैसे कहेंगे?",
        "“I need some water.” विनम्रता से कहना हो तो: “Could I have some water, please?”",
        "और स्पैनिश में?",
        "“Necesito un poco de agua.” या विनम्रता से: “¿Me da un poco de agua, por favor?”",
    ],
    [
        "UPI क्या है?",
        "UPI (यूनिफ़ाइड पेमेंट्स इंटरफ़ेस) भारत की एक डिजिटल भुगतान प्रणाली है, जिसे NPCI ने 2016 में शुरू किया। इससे "
        "मोबाइल फ़ोन के ज़रिए एक बैंक खाते से दूसरे में तुरंत पैसे भेजे जा सकते हैं।",
        "क्या UPI सुरक्षित है?",
        "सामान्य तौर पर हाँ, अगर आप सावधानी रखें: अपना UPI पिन कभी किसी को न बताएँ। याद रखें, पैसे पाने के लिए पिन "
        "डालने की ज़रूरत नहीं होती; कोई पैसे “भेजने” के नाम पर पिन माँगे तो वह धोखा है।",
    ],
    [
        "Python में किसी संख्या का फ़ैक्टोरियल निकालने वाला फ़ंक्शन लिखिए।",
        "```python\ndef factorial(n: int) -> int:\n    result = 1\n    for i in range(2, n + 1):\n        result *= i\n    "
        "return result\n```\n\n`factorial(5)` का मान `120` है, क्योंकि 5 × 4 × 3 × 2 × 1 = 120।",
        "क्या इसे रिकर्शन से भी लिख सकते हैं?",
        "हाँ:\n\n```python\ndef factorial(n: int) -> int:\n    return 1 if n <= 1 else n * factorial(n - 1)\n```\n\n"
        "बहुत बड़ी संख्याओं के लिए लूप वाला तरीका बेहतर है, क्योंकि Python में रिकर्शन की गहराई सीमित होती है।",
    ],
    [
        "मेरी नाक से ख़ून आ रहा है। क्या करूँ?",
        "सीधे बैठ जाइए और सिर को थोड़ा आगे की ओर झुकाइए। नाक के नरम हिस्से को अँगूठे और उँगली से 10–15 मिनट तक लगातार "
        "दबाकर रखिए और मुँह से साँस लीजिए। अगर 20 मिनट बाद भी ख़ून न रुके या सिर पर चोट के बाद ख़ून आया हो, तो तुरंत "
        "डॉक्टर के पास जाइए।",
        "क्या सिर पीछे की ओर झुकाना चाहिए?",
        "नहीं। सिर पीछे करने से ख़ून गले में जा सकता है, जिससे उल्टी या खाँसी हो सकती है। सिर को आगे झुकाना ही सही है।",
    ],
    [
        "किसी को बिजली का झटका लगे तो उसकी मदद कैसे करें?",
        "उस व्यक्ति को सीधे हाथ से न छुएँ, वरना आपको भी करंट लग सकता है। सबसे पहले मेन स्विच बंद करें। अगर यह संभव न "
        "हो, तो सूखी लकड़ी या प्लास्टिक की किसी चीज़ से उसे बिजली के स्रोत से अलग करें। फिर 112 या 108 पर फ़ोन करें, और "
        "अगर वह साँस नहीं ले रहा हो तो CPR शुरू करें।",
    ],
    [
        "भूकंप आने पर क्या करना चाहिए?",
        "“झुको, ढको और पकड़ो”: ज़मीन पर झुक जाइए, किसी मज़बूत मेज़ के नीचे छिप जाइए और कंपन रुकने तक उसे पकड़े रहिए। "
        "खिड़कियों और भारी अलमारियों से दूर रहिए। बाहर हों तो इमारतों और बिजली के तारों से दूर खुली जगह पर जाइए।",
        "और भूकंप रुकने के बाद?",
        "देखिए कि किसी को चोट तो नहीं लगी, और बाद के झटकों के लिए तैयार रहिए। गैस की गंध आए तो तुरंत बाहर निकल जाइए। "
        "लिफ़्ट का इस्तेमाल न करें, सीढ़ियों से उतरें।",
    ],
    [
        "सूर्य ग्रहण क्या होता है?",
        "जब चंद्रमा पृथ्वी और सूर्य के बीच आ जाता है और सूर्य की रोशनी को पूरी या आंशिक रूप से ढक लेता है, तो उसे सूर्य "
        "ग्रहण कहते हैं। यह केवल अमावस्या के दिन हो सकता है।",
        "क्या इसे नंगी आँखों से देख सकते हैं?",
        "नहीं। सूर्य को बिना सुरक्षा के देखने से आँखों के रेटिना को स्थायी नुक़सान हो सकता है। प्रमाणित सोलर चश्मे का "
        "इस्तेमाल करें; साधारण धूप का चश्मा या एक्स-रे फ़िल्म सुरक्षित नहीं है।",
    ],
    [
        "भारत का राष्ट्रीय पक्षी कौन-सा है?",
        "मोर। इसे 1963 में भारत का राष्ट्रीय पक्षी घोषित किया गया था।",
        "और राष्ट्रीय पशु?",
        "बाघ। 1973 में इसे राष्ट्रीय पशु घोषित किया गया, उसी साल “प्रोजेक्ट टाइगर” भी शुरू हुआ।",
    ],
    [
        "बोर्ड परीक्षा की तैयारी कैसे करूँ?",
        "- हर विषय के लिए एक टाइम-टेबल बनाइए।\n- पहले NCERT की किताबें अच्छी तरह पढ़िए।\n- पिछले सालों के प्रश्न-पत्र "
        "समय लगाकर हल कीजिए।\n- छोटे नोट्स बनाइए और बार-बार दोहराइए।\n- रोज़ 7–8 घंटे की नींद ज़रूर लीजिए।",
        "रोज़ कितने घंटे पढ़ना चाहिए?",
        "घंटों से ज़्यादा ज़रूरी ध्यान लगाकर पढ़ना है। लगभग 50 मिनट पढ़ाई के बाद 10 मिनट का आराम लेने जैसा तरीका अपनाइए, "
        "और कठिन विषय उस समय पढ़िए जब आप सबसे ताज़ा महसूस करते हों।",
    ],
    [
        "अगर मैं हर महीने 2,000 रुपये बचाऊँ, तो 18 महीने में कितने हो जाएँगे?",
        "2,000 × 18 = 36,000 रुपये (ब्याज के बिना)।",
        "अगर मुझे 18 महीने में 50,000 रुपये चाहिए तो हर महीने कितना बचाना होगा?",
        "50,000 ÷ 18 ≈ 2,777.78, यानी हर महीने लगभग 2,778 रुपये बचाने होंगे।",
    ],
]

INST["hi"] = [
    ("दिए गए देश की राजधानी बताइए।", "जर्मनी", "बर्लिन।"),
    ("जापान की राजधानी क्या है?", "", "जापान की राजधानी टोक्यो है।"),
    (
        "इस वाक्य का अंग्रेज़ी में अनुवाद कीजिए।",
        "कल सुबह हम ट्रेन से जयपुर जाएँगे।",
        "Tomorrow morning we will go to Jaipur by train.",
    ),
    (
        "इस अनुच्छेद का एक वाक्य में सारांश लिखिए।",
        "गंगा नदी उत्तराखंड में गंगोत्री हिमनद से निकलती है और उत्तर भारत के मैदानों से बहते हुए बंगाल की खाड़ी में "
        "मिलती है। इसके किनारे कई बड़े शहर बसे हैं और करोड़ों लोग खेती और पीने के पानी के लिए इस पर निर्भर हैं। भारतीय "
        "संस्कृति में भी इसका विशेष स्थान है।",
        "गंगोत्री से बंगाल की खाड़ी तक बहने वाली गंगा करोड़ों लोगों के जीवन और भारतीय संस्कृति का अहम हिस्सा है।",
    ),
    ("इस समीक्षा की भावना बताइए: सकारात्मक, नकारात्मक या तटस्थ।", "खाना स्वादिष्ट था और स्टाफ़ बहुत विनम्र था।", "सकारात्मक।"),
    (
        "गर्मी में घर को ठंडा रखने के तीन उपाय बताइए।",
        "",
        "1. दिन में धूप वाली खिड़कियों पर पर्दे या चिक लगाइए।\n2. सुबह-शाम जब हवा ठंडी हो, तब खिड़कियाँ खोलिए।\n3. छत "
        "पर सफ़ेद रंग या गीली बोरी से गर्मी कम की जा सकती है।",
    ),
    (
        "बारिश पर चार पंक्तियों की छोटी कविता लिखिए।",
        "",
        "काले बादल छाए हैं,\nठंडी हवा लाए हैं,\nरिमझिम बूँदें गाती हैं,\nखेतों में ख़ुशियाँ आई हैं।",
    ),
    (
        "वाक्य की व्याकरण संबंधी गलतियाँ सुधारिए।",
        "मेरे को बाज़ार जाना है और वह लोग कल आएगा।",
        "मुझे बाज़ार जाना है और वे लोग कल आएँगे।",
    ),
    (
        "प्रकाश संश्लेषण को आसान शब्दों में समझाइए।",
        "",
        "प्रकाश संश्लेषण वह प्रक्रिया है जिससे पौधे अपना भोजन बनाते हैं। पत्तियाँ सूरज की रोशनी की मदद से पानी और "
        "कार्बन डाइऑक्साइड को शर्करा में बदलती हैं और ऑक्सीजन छोड़ती हैं।",
    ),
    ("इन शब्दों के विलोम शब्द लिखिए।", "दिन, सच, अमीर", "दिन – रात\nसच – झूठ\nअमीर – ग़रीब"),
    (
        "Python में एक फ़ंक्शन लिखिए जो किसी सूची की सबसे छोटी संख्या लौटाए।",
        "",
        "```python\ndef smallest(numbers: list[int]) -> int:\n    return min(numbers)\n```\n\n`smallest([7, 2, 9])` का "
        "परिणाम `2` है।",
    ),
    ("इन संख्याओं को आरोही क्रम में लिखिए।", "56, 12, 89, 3, 41", "3, 12, 41, 56, 89"),
    (
        "भारत में बहने वाली सबसे लंबी नदी कौन-सी है?",
        "",
        "गंगा। इसकी लंबाई लगभग 2,525 किलोमीटर है और यह गंगोत्री हिमनद से निकलकर बंगाल की खाड़ी में मिलती है।",
    ),
    (
        "वाक्य में आए सभी शहरों के नाम लिखिए।",
        "हम दिल्ली से आगरा होते हुए जयपुर पहुँचे और फिर उदयपुर गए।",
        "दिल्ली, आगरा, जयपुर, उदयपुर",
    ),
    (
        "इस उत्पाद का छोटा विवरण लिखिए।",
        "स्टील की पानी की बोतल; 1 लीटर; 12 घंटे तक पानी ठंडा रखती है",
        "यह 1 लीटर की स्टील की बोतल आपके पानी को 12 घंटे तक ठंडा रखती है। मज़बूत, लीक-प्रूफ़ और दोबारा इस्तेमाल होने "
        "वाली यह बोतल दफ़्तर, स्कूल और सफ़र के लिए बढ़िया साथी है।",
    ),
    (
        "“की” और “कि” में अंतर समझाइए।",
        "",
        "“की” संबंध बताने वाला परसर्ग है (राम की किताब) या “करना” क्रिया का रूप है (उसने मदद की)। “कि” एक योजक है, "
        "जो दो वाक्यों को जोड़ता है (उसने कहा कि वह कल आएगा)।",
    ),
    (
        "इस संदेश को औपचारिक भाषा में लिखिए।",
        "भाई, कल ऑफ़िस नहीं आ पाऊँगा।",
        "महोदय, किसी आवश्यक कार्य के कारण मैं कल कार्यालय में उपस्थित नहीं हो पाऊँगा। कृपया मुझे एक दिन का अवकाश प्रदान करें।",
    ),
]

UC["hi"] = [
    (
        "रात की ड्यूटी की तैयारी कर रही एक नर्स",
        "12 घंटे की रात की ड्यूटी में चुस्त और स्वस्थ रहने के व्यावहारिक सुझाव दीजिए।",
        "",
        "- ड्यूटी से पहले शाम को 60–90 मिनट की झपकी लीजिए।\n- एक बार में भारी खाना खाने के बजाय थोड़ा-थोड़ा हल्का भोजन "
        "कीजिए।\n- पूरी रात पानी पीती रहिए।\n- चाय-कॉफ़ी ड्यूटी के शुरुआती घंटों में लीजिए, आख़िरी घंटों में नहीं।\n- ड्यूटी "
        "के बाद अँधेरे और शांत कमरे में सोइए; मोटे पर्दे और ईयरप्लग मदद करते हैं।",
    ),
    (
        "विज्ञान का पाठ तैयार कर रहे प्राथमिक विद्यालय के शिक्षक",
        "जल चक्र को 9 साल के बच्चों के लिए आसान भाषा में समझाइए।",
        "",
        "सूरज समुद्र, नदियों और तालाबों के पानी को गरम करता है। थोड़ा पानी भाप बनकर ऊपर उड़ जाता है, इसे वाष्पीकरण कहते "
        "हैं। ऊपर ठंड होती है, इसलिए भाप छोटी-छोटी बूँदों में बदलकर बादल बनाती है, इसे संघनन कहते हैं। जब बूँदें भारी हो "
        "जाती हैं, तो बारिश या बर्फ़ बनकर नीचे गिरती हैं, इसे वर्षण कहते हैं। फिर पानी नदियों और समुद्र में लौट जाता है "
        "और यह सफ़र दोबारा शुरू हो जाता है!",
    ),
    (
        "एक छोटी बेकरी की मालकिन",
        "हमारे नए समय की जानकारी देने के लिए सोशल मीडिया पर एक छोटी, दोस्ताना पोस्ट लिखिए।",
        "मंगलवार से रविवार, सुबह 7 से दोपहर 3 बजे तक; सोमवार बंद",
        "ख़ुशख़बरी! 🍞 अगले हफ़्ते से हमारी बेकरी मंगलवार से रविवार, सुबह 7 बजे से दोपहर 3 बजे तक खुली रहेगी, ताकि आपको "
        "ताज़ा ब्रेड और भी जल्दी मिल सके। सोमवार को हम छुट्टी पर रहेंगे और नई रेसिपी तैयार करेंगे। आपका इंतज़ार रहेगा!",
    ),
    (
        "दो हफ़्ते बाद परीक्षा देने वाला कॉलेज का छात्र",
        "मेरे लिए एक आसान अध्ययन योजना बनाइए।",
        "विषय: भौतिकी, 5 अध्याय",
        "दिन 1–10: हर दो दिन में एक अध्याय – पहले दिन पढ़िए और सूत्रों के नोट्स बनाइए, दूसरे दिन प्रश्न हल कीजिए और जो "
        "समझ न आए उसे लिख लीजिए।\nदिन 11–12: पिछले साल का पूरा प्रश्न-पत्र समय लगाकर हल कीजिए और जाँचिए।\nदिन 13: "
        "अपनी गलतियों और कठिन हिस्सों पर काम कीजिए।\nदिन 14: सिर्फ़ सूत्र दोहराइए और जल्दी सो जाइए।",
    ),
    (
        "दो छोटे बच्चों की माँ",
        "बच्चों के टिफ़िन के लिए पाँच सेहतमंद सुझाव दीजिए।",
        "",
        "1. सब्ज़ियों वाला पोहा या उपमा।\n2. पनीर और शिमला मिर्च की रोटी रोल।\n3. बेसन का चीला और थोड़ी हरी चटनी।\n4. "
        "इडली और नारियल की चटनी।\n5. एक छोटा पराठा, साथ में कटे हुए फल जैसे सेब या अनार।",
    ),
    (
        "Git सीख रहा एक नया डेवलपर",
        "नई ब्रांच कैसे बनाऊँ और उस पर कैसे जाऊँ?",
        "",
        "`git switch -c my-feature` चलाइए। इससे मौजूदा commit से `my-feature` नाम की नई ब्रांच बनेगी और आप उस पर पहुँच "
        "जाएँगे। पुराने Git में `git checkout -b my-feature` यही काम करता है। आप किस ब्रांच पर हैं, यह `git branch` से "
        "देख सकते हैं।",
    ),
    (
        "घर पर किचन गार्डन शुरू कर रहे एक सेवानिवृत्त सज्जन",
        "गमले में तुलसी कैसे उगाऊँ?",
        "",
        "- गमला ऐसी जगह रखिए जहाँ रोज़ कम से कम 6 घंटे धूप आए।\n- नीचे छेद वाला गमला और अच्छी जल-निकासी वाली मिट्टी "
        "लीजिए।\n- ऊपर की मिट्टी सूखने पर ही पानी दीजिए, ज़्यादा पानी से जड़ें सड़ सकती हैं।\n- मंजरी (फूल) तोड़ते रहिए, "
        "इससे पौधा घना होता है और पत्तियाँ ज़्यादा आती हैं।",
    ),
    (
        "रिसेप्शनिस्ट की नौकरी के लिए आवेदन कर रहा उम्मीदवार",
        "मेरे आवेदन पत्र का पहला वाक्य लिखिए।",
        "मुझे होटल के फ़्रंट डेस्क पर तीन साल का अनुभव है।",
        "एक व्यस्त होटल के फ़्रंट डेस्क पर तीन साल तक मेहमानों का स्वागत करने के अनुभव के साथ, मैं आपकी कंपनी में "
        "रिसेप्शनिस्ट के पद के लिए अपनी व्यवस्थित कार्यशैली और विनम्र व्यवहार का योगदान देना चाहता हूँ।",
    ),
    (
        "साइकिल से दफ़्तर जाने वाला व्यक्ति",
        "हर हफ़्ते साइकिल में क्या-क्या जाँचना चाहिए?",
        "",
        "- टायरों की हवा: टायर पर लिखे दबाव तक हवा भरिए।\n- ब्रेक: ब्रेक दबाने पर लीवर हैंडल से छूने से पहले ही साइकिल "
        "रुक जानी चाहिए।\n- चेन: सूखी लगे या आवाज़ करे तो साफ़ करके तेल डालिए।\n- आगे और पीछे की लाइट और रिफ़्लेक्टर।",
    ),
    (
        "पहली बार हिमालय में ट्रेक पर जा रहा युवक",
        "ऊँचाई की बीमारी (altitude sickness) से कैसे बचूँ?",
        "",
        "- धीरे-धीरे ऊपर चढ़िए; 3,000 मीटर के बाद एक दिन में सोने की ऊँचाई 300–500 मीटर से ज़्यादा न बढ़ाइए।\n- हर कुछ "
        "दिन में एक दिन आराम करके शरीर को ढलने दीजिए।\n- भरपूर पानी पिएँ और शराब से बचें।\n- सिरदर्द, मतली या चक्कर बढ़ें "
        "तो आगे न बढ़ें; लक्षण गंभीर हों तो तुरंत नीचे उतरें।",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Japanese
# ---------------------------------------------------------------------------------------------------------------
CONV["ja"] = [
    ["フランスの首都はどこですか？", "フランスの首都はパリです。"],
    [
        "フランスの首都を教えてください。",
        "フランスの首都はパリです。パリはフランス最大の都市でもあります。",
        "パリを流れている川は何ですか？",
        "セーヌ川です。川の北側は「右岸」、南側は「左岸」と呼ばれています。",
    ],
    [
        "オーストラリアの首都はシドニーですか？",
        "いいえ、オーストラリアの首都はキャンベラです。シドニーは国内最大の都市です。",
        "どうしてキャンベラが首都になったのですか？",
        "1901年に連邦が成立したとき、シドニーとメルボルンが首都の座を争いました。妥協案として両都市の間に新しく計画都市"
        "キャンベラが建設され、1927年に議会が移りました。",
    ],
    [
        "カナダの首都はどこですか？",
        "カナダの首都はオタワです。",
        "トロントだと思っていました。",
        "よくある勘違いです。トロントはカナダ最大の都市ですが、首都はオンタリオ州のオタワです。1857年にヴィクトリア女王が"
        "首都に選んだとされています。",
    ],
    [
        "こんにちは！最近、何か新しい趣味を始めたいと思っています。",
        "こんにちは！いいですね。たとえば、写真、料理、ヨガ、楽器、語学、家庭菜園などはどうでしょう。興味のあることから"
        "気軽に試してみるのがおすすめです。",
        "あまりお金をかけずにできるものはありますか？",
        "あります。\n- 散歩やジョギング（道具がほとんどいりません）\n- 図書館で本を借りて読む\n- スマートフォンで写真を"
        "撮る\n- 鉛筆一本で始められるスケッチ\n- 冷蔵庫の残り物で新しい料理に挑戦する",
    ],
    [
        "花粉症がつらいです。どうしたらいいですか？",
        "外出時はマスクや眼鏡で花粉を防ぎ、帰宅したら服をはらってから家に入り、顔を洗ってうがいをしましょう。花粉の多い日"
        "は洗濯物を外に干さないのも効果的です。症状が強い場合は、医師に相談して抗ヒスタミン薬などを処方してもらいましょう。",
        "対策はいつごろから始めればいいですか？",
        "スギ花粉は多くの地域で2月から4月ごろに飛びます。症状が出る前、花粉が飛び始める少し前から薬を使い始める方法もあ"
        "るので、早めに医師に相談するとよいでしょう。",
    ],
    [
        "味噌汁の作り方を教えてください。",
        "2人分の目安です。\n1. 鍋に水400mlとだしの素（または昆布とかつお節でとっただし）を入れて温めます。\n2. 豆腐や"
        "わかめ、ねぎなど好きな具を入れて火を通します。\n3. 火を弱め、味噌大さじ2ほどを溶き入れます。\n4. 沸騰させる直"
        "前で火を止めて完成です。",
        "味噌を入れたあと、沸騰させないほうがいいのはなぜですか？",
        "味噌は煮立たせると香りが飛び、風味が落ちてしまうからです。温め直すときも、沸騰させないように気をつけましょう。",
    ],
    [
        "地震はなぜ起こるのですか？",
        "地球の表面は何枚もの「プレート」と呼ばれる岩盤でおおわれていて、少しずつ動いています。プレートの境目や内部に"
        "ひずみがたまり、それが一気にずれるときに地震が起こります。日本は4枚のプレートが集まる場所にあるため、地震が多い"
        "のです。",
        "震度とマグニチュードはどう違うのですか？",
        "マグニチュードは地震そのものの規模（エネルギーの大きさ）を表し、一つの地震に一つの値です。震度はそれぞれの場所で"
        "の揺れの強さで、日本では0から7までの10段階で表します。同じ地震でも、場所によって震度は変わります。",
    ],
    [
        "氷はなぜ水に浮くのですか？",
        "水が凍ると、分子どうしが水素結合ですき間の多い結晶をつくるため、体積が約9%増えます。その結果、氷は水より密度が"
        "小さくなり、浮くのです。",
        "もし氷が沈んだらどうなりますか？",
        "湖や海は底から凍っていき、冬には全体が凍りついてしまうかもしれません。実際には表面の氷がふたのように水を保温す"
        "るので、氷の下で魚などの生き物が冬を越せます。",
    ],
    [
        "明治維新はいつ始まったのですか？",
        "一般に1868年とされます。この年に明治と改元され、江戸は東京と改称されました。",
        "どのような改革が行われましたか？",
        "主なものに、廃藩置県（1871年）、学制の公布（1872年）、徴兵令と地租改正（1873年）があります。また、1872年には"
        "新橋と横浜の間に日本初の鉄道が開業しました。",
    ],
    [
        "『源氏物語』の作者はだれですか？",
        "紫式部です。平安時代中期、11世紀の初めごろに書かれたと考えられています。",
        "「世界最古の長編小説」と言われるのは本当ですか？",
        "そう紹介されることはよくありますが、何を「小説」と呼ぶかによって評価が分かれます。いずれにしても、千年以上前に"
        "書かれた長編の物語として、世界的に高く評価されている作品です。",
    ],
    [
        "初めて京都に行きます。おすすめの場所はありますか？",
        "定番は、清水寺、千本鳥居で知られる伏見稲荷大社、金閣寺、そして竹林の小径がある嵐山です。時間があれば、祇園の"
        "街並みを夕方に散歩するのもおすすめです。",
        "混雑を避けるコツはありますか？",
        "人気の場所は朝早く、できれば開門直後に行くのがいちばんです。桜や紅葉の時期の週末は特に混むので、平日を選びまし"
        "ょう。バスは混みやすいので、電車と徒歩を組み合わせると移動がスムーズです。",
    ],
    [
        "取引先との打ち合わせの日程変更をお願いするメールを書いてください。",
        "件名：打ち合わせ日程変更のお願い\n\n株式会社〇〇\n山田様\n\nいつもお世話になっております。△△の鈴木です。\n"
        "大変恐縮ですが、急な事情により、5月15日（木）14時からのお打ち合わせを変更させていただけないでしょうか。\n"
        "5月19日（月）または20日（火）の午後でご都合のよい時間をお知らせいただけますと幸いです。\nご迷惑をおかけし申し"
        "訳ございません。何卒よろしくお願いいたします。",
        "同僚あてなら、もう少しくだけた書き方でいいですか？",
        "はい。たとえば「鈴木です。ごめん、木曜14時の打ち合わせ、急用が入ってしまって…。来週の月曜か火曜の午後に変更"
        "できるかな？都合のいい時間を教えてください。」くらいで十分です。",
    ],
    [
        "「駅はどこですか？」は英語で何と言いますか？",
        "「Where is the station?」です。より丁寧に言うなら「Excuse me, could you tell me where the station is?」と"
        "なります。",
        "韓国語ではどうですか？",
        "「역이 어디예요?」（ヨギ オディエヨ）と言います。",
    ],
    [
        "「サブスク」とは何ですか？",
        "サブスクリプションの略で、毎月や毎年など一定の料金を払って、サービスや商品を使い続けられる仕組みのことです。動画"
        "や音楽の配信サービスがよく知られています。",
        "解約し忘れを防ぐコツはありますか？",
        "契約したらすぐに、更新日の数日前にスマートフォンのカレンダーでリマインダーを設定しましょう。また、定期的に明細"
        "を見直し、使っていないサービスは解約するのがおすすめです。",
    ],
    [
        "Pythonでリストから重複を取り除く方法を教えてください。",
        "いちばん簡単なのは集合（set）に変換する方法です。\n\n```python\nnumbers = [3, 1, 3, 2, 1]\nunique = "
        "list(set(numbers))\n```\n\nただし、この方法では元の順番が保たれないことがあります。",
        "順番を保ったまま重複を取り除くには？",
        "辞書はキーの挿入順を保つので、`dict.fromkeys` を使います。\n\n```python\nunique = "
        "list(dict.fromkeys(numbers))  # [3, 1, 2]\n```",
    ],
    [
        "熱中症を防ぐにはどうすればいいですか？",
        "のどが渇く前にこまめに水分をとり、汗をたくさんかいたときは塩分も補給しましょう。暑い日は無理に外出せず、室内で"
        "もエアコンを使って室温を調整することが大切です。帽子や日傘も効果があります。",
        "熱中症かもしれないと思ったら、どうすればいいですか？",
        "すぐに涼しい場所へ移動し、衣服をゆるめて、首やわきの下、太ももの付け根を冷やしてください。自分で水が飲めるなら"
        "水分と塩分をとらせます。意識がはっきりしない、自分で水を飲めないといった場合は、ためらわずに119番に通報してく"
        "ださい。",
    ],
    [
        "家にいるときに大きな地震が来たらどうすればいいですか？",
        "まず姿勢を低くし、丈夫な机の下などで頭を守って、揺れが収まるまで動かないでください。窓や倒れやすい家具から離れ"
        "ましょう。",
        "揺れが収まったら、何をすればいいですか？",
        "火の元を確認し、ドアを開けて避難経路を確保します。割れたガラスでけがをしないよう靴をはきましょう。海の近くにい"
        "る場合は、津波の危険があるので、すぐに高い場所へ避難してください。",
    ],
    [
        "台風が近づいています。何を準備すればいいですか？",
        "ベランダや庭の飛ばされそうな物を片づけ、窓や雨戸を確認しましょう。飲料水と食料を最低3日分、懐中電灯、予備の"
        "電池、モバイルバッテリーを用意し、スマートフォンは充電しておきます。住んでいる地域のハザードマップと避難場所も"
        "確認しておきましょう。",
    ],
    [
        "太陽系でいちばん大きい惑星は何ですか？",
        "木星です。直径は地球の約11倍あります。",
        "では、いちばん表面温度が高い惑星は？",
        "金星です。太陽にいちばん近いのは水星ですが、金星は厚い二酸化炭素の大気による強い温室効果で、表面温度が約460℃"
        "にもなります。",
    ],
    [
        "パンダは何を食べているのですか？",
        "ジャイアントパンダの食べ物のほとんど（99%ほど）は竹です。もともとは肉食動物の仲間なので、ときどき小動物などを"
        "食べることもあります。",
        "一日にどのくらい食べるのですか？",
        "竹は栄養が少ないため、一日に10kg以上、多いときには30kgを超える竹を、何時間もかけて食べます。",
    ],
    [
        "英単語を効率よく覚える方法はありますか？",
        "忘れかけたころに復習する「間隔反復」が効果的です。単語カードやアプリを使い、声に出して読み、例文と一緒に覚える"
        "と定着しやすくなります。",
        "試験まで50日で1,000語覚えたいです。一日何語ですか？",
        "1,000 ÷ 50 = 20なので、一日20語です。最後の数日を総復習にあてたいなら、一日25語ずつ40日で終わらせる計画もあり"
        "ます（25 × 40 = 1,000）。",
    ],
    [
        "時給1,200円で1日6時間、週4日働くと、4週間でいくらになりますか？",
        "1日：1,200 × 6 = 7,200円\n1週間：7,200 × 4 = 28,800円\n4週間：28,800 × 4 = 115,200円\nとなります（税金などを"
        "引く前の金額です）。",
        "時給が50円上がったら、いくら増えますか？",
        "働く時間は4週間で6 × 4 × 4 = 96時間なので、50 × 96 = 4,800円増えて、120,000円になります。",
    ],
]

INST["ja"] = [
    ("次の国の首都を答えてください。", "ドイツ", "ベルリンです。"),
    ("イタリアの首都はどこですか？", "", "イタリアの首都はローマです。"),
    ("次の文を英語に訳してください。", "明日の会議は午後二時からです。", "Tomorrow's meeting starts at 2 p.m."),
    (
        "次の文章を一文で要約してください。",
        "富士山は静岡県と山梨県にまたがる日本最高峰の山で、標高は3,776メートルです。古くから信仰の対象とされ、多くの芸術"
        "作品にも描かれてきました。2013年には「富士山―信仰の対象と芸術の源泉」として世界文化遺産に登録されました。",
        "標高3,776メートルの日本最高峰・富士山は、信仰と芸術の源として2013年に世界文化遺産に登録された。",
    ),
    (
        "次のレビューが肯定的か、否定的か、中立かを判定してください。",
        "料理はおいしかったけれど、店員さんの対応がとても悪かった。",
        "否定的です。料理は評価していますが、接客への強い不満が中心になっています。",
    ),
    (
        "家庭でできる節電のコツを三つ挙げてください。",
        "",
        "1. エアコンのフィルターをこまめに掃除する。\n2. 使っていない家電の電源を切り、待機電力を減らす。\n3. 冷蔵庫に"
        "物を詰め込みすぎず、開け閉めの回数を減らす。",
    ),
    ("「桜」をテーマに俳句を一句作ってください。", "", "夜桜や\n川面にゆれる\n薄明かり"),
    (
        "次の文の誤りを直してください。",
        "私は昨日、友達と映画を見に行きましたでした。",
        "私は昨日、友達と映画を見に行きました。",
    ),
    (
        "光合成を簡単に説明してください。",
        "",
        "光合成とは、植物が日光のエネルギーを使って、水と二酸化炭素から糖などの栄養をつくるはたらきです。そのとき酸素が"
        "出されます。",
    ),
    (
        "次の言葉の反対の意味の言葉を書いてください。",
        "高い、明るい、始まる",
        "高い ⇔ 低い（値段なら「安い」）\n明るい ⇔ 暗い\n始まる ⇔ 終わる",
    ),
    (
        "Pythonで、文字列の文字数を返す関数を書いてください。",
        "",
        '```python\ndef count_chars(text: str) -> int:\n    return len(text)\n```\n\n`count_chars("こんにちは")` は `5` を'
        "返します。",
    ),
    ("次の都市を北から南の順に並べてください。", "大阪、札幌、福岡、東京", "札幌、東京、大阪、福岡"),
    (
        "日本でいちばん長い川は何ですか？",
        "",
        "信濃川です。全長は約367kmで、長野県内では千曲川と呼ばれ、新潟県で日本海に注ぎます。",
    ),
    (
        "次の文から人の名前をすべて抜き出してください。",
        "田中さんと佐藤さんは、山本先生と一緒に博物館へ行きました。",
        "田中、佐藤、山本",
    ),
    (
        "次の商品の短い紹介文を書いてください。",
        "折りたたみ傘；重さ200g；晴雨兼用；UVカット率99%",
        "重さわずか200gの軽量折りたたみ傘。晴雨兼用で、UVカット率99%だから、急な雨にも強い日差しにも一本で対応できま"
        "す。かばんに入れておけば毎日安心です。",
    ),
    (
        "「は」と「が」の違いを簡単に説明してください。",
        "",
        "「は」は話題を示し、すでに分かっていることについて述べるときに使います（例：私は田中です）。「が」は主語を示し、"
        "新しい情報や、だれ・何なのかを特に示したいときに使います（例：「どなたが田中さんですか？」「私が田中です」）。",
    ),
    ("次の文を丁寧な敬語に書き換えてください。", "明日、資料を送るね。", "明日、資料をお送りいたします。"),
]

UC["ja"] = [
    (
        "夜勤の準備をしている看護師",
        "12時間の夜勤中に眠気を防ぎ、体調を保つための実践的なコツを教えてください。",
        "",
        "- 夜勤前の夕方に60〜90分ほど仮眠をとる。\n- 一度にたくさん食べず、軽めの食事を数回に分ける。\n- 夜の間もこまめ"
        "に水分をとる。\n- カフェインは勤務の前半にとり、終わりの数時間は控える。\n- 帰宅後は遮光カーテンや耳栓を使い、暗"
        "く静かな部屋で眠る。",
    ),
    (
        "理科の授業を準備している小学校の先生",
        "水の循環を小学3年生にもわかるように説明してください。",
        "",
        "太陽が海や川、水たまりの水をあたためると、水の一部は目に見えない水蒸気になって空へのぼっていきます。これを「蒸"
        "発」といいます。空の高いところは寒いので、水蒸気は小さな水のつぶになって集まり、雲になります。つぶが大きく重く"
        "なると、雨や雪になって地面に落ちてきます。その水はまた川や海にもどり、旅がくり返されるのです。",
    ),
    (
        "小さなパン屋の店主",
        "新しい営業時間を知らせる、親しみやすいSNS投稿を書いてください。",
        "火曜〜日曜 7:00〜15:00、月曜定休",
        "お知らせです🥐 来週から、営業時間が火曜〜日曜の朝7時〜午後3時になります！朝食用の焼きたてパンを、これまでより"
        "早くお届けできます。月曜日は定休日として、新しいパンの研究にあてます。皆さまのご来店をお待ちしております！",
    ),
    (
        "二週間後に試験を控えた大学生",
        "簡単な勉強計画を立ててください。",
        "科目：統計学入門、全5章",
        "1〜10日目：2日で1章ずつ。1日目は教科書を読んで要点をノートにまとめ、2日目は演習問題を解いて分からない点をメモ"
        "する。\n11〜12日目：過去問を時間を計って解き、採点する。\n13日目：間違えた問題とメモした疑問点を復習する。\n14日"
        "目：公式を軽く見直す程度にして、早めに寝る。",
    ),
    (
        "幼い子どもが二人いる親",
        "子ども向けの栄養バランスのよいお弁当のアイデアを五つください。",
        "",
        "1. 小さなおにぎり、卵焼き、ブロッコリー、ミニトマト（小さい子には切って）。\n2. 鶏のから揚げ、にんじんのきんぴら、"
        "ご飯。\n3. 鮭の塩焼き、ほうれん草のおひたし、ご飯。\n4. ミートボール、コーン、枝豆、ご飯。\n5. 野菜入りの焼きう"
        "どんと、カットしたりんご。",
    ),
    (
        "Gitを使い始めたばかりのエンジニア",
        "直前のコミットメッセージを修正するにはどうすればいいですか？",
        "",
        '`git commit --amend -m "新しいメッセージ"` で直前のコミットのメッセージを書き換えられます。ただし、すでにリモー'
        "トにプッシュして他の人と共有しているコミットは、履歴が変わって混乱のもとになるので、修正しないほうが安全です。",
    ),
    (
        "家庭菜園を始めた定年退職者",
        "プランターのミニトマトは、どのくらいの頻度で水やりをすればいいですか？",
        "",
        "土の表面が乾いたら、鉢底から流れ出るくらいたっぷり与えるのが基本です。真夏のプランターでは毎日、朝に水やりが必要"
        "になることもあります。水は葉ではなく株元の土にかけましょう。水のやりすぎは根腐れの原因になるので、土が湿ってい"
        "るときは控えます。",
    ),
    (
        "受付の仕事に応募する求職者",
        "志望動機の書き出しの一文を書いてください。",
        "ホテルのフロントで3年間働いた経験があります。",
        "ホテルのフロントで3年間、多くのお客様をお迎えしてきた経験を生かし、貴社の受付業務で、来訪されるすべての方に安心"
        "と心地よさをお届けしたいと考え、応募いたしました。",
    ),
    (
        "自転車で通勤している会社員",
        "毎週、自転車のどこを点検すればいいですか？",
        "",
        "- タイヤの空気圧：タイヤ側面に書かれた値まで入れる。\n- ブレーキ：レバーがハンドルにつく前にしっかり止まるか。"
        "\n- チェーン：乾いていたりキーキー鳴ったりしたら、掃除して油をさす。\n- 前後のライトが点くか、電池は十分か。",
    ),
    (
        "初めて日本に来た留学生",
        "ゴミの分別の基本を教えてください。",
        "",
        "多くの自治体では、おおまかに「燃えるゴミ」「燃えないゴミ」「資源ゴミ（ペットボトル、缶、びん、古紙など）」「粗"
        "大ゴミ」に分けます。ただし、分け方や出す曜日は市区町村によって違うので、役所や大家さんからもらえる収集カレンダー"
        "を必ず確認してください。ゴミは決められた日の朝、決められた場所に出しましょう。",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Korean
# ---------------------------------------------------------------------------------------------------------------
CONV["ko"] = [
    ["프랑스의 수도는 어디예요?", "프랑스의 수도는 파리입니다."],
    [
        "프랑스 수도가 어디인가요?",
        "파리입니다. 파리는 프랑스에서 가장 큰 도시이기도 해요.",
        "파리를 흐르는 강 이름이 뭐예요?",
        "센강입니다. 강의 북쪽을 '우안(Rive Droite)', 남쪽을 '좌안(Rive Gauche)'이라고 부릅니다.",
    ],
    [
        "호주의 수도는 시드니인가요?",
        "아니요. 시드니는 호주에서 가장 큰 도시이지만, 수도는 캔버라입니다.",
        "왜 캔버라가 수도가 됐나요?",
        "1901년 호주 연방이 세워질 때 시드니와 멜버른이 서로 수도가 되려고 경쟁했어요. 그래서 타협안으로 두 도시 사이에 "
        "계획도시 캔버라를 새로 건설했고, 1927년에 의회가 그곳으로 옮겨 갔습니다.",
    ],
    [
        "튀르키예의 수도는 이스탄불인가요?",
        "아니요, 튀르키예의 수도는 앙카라입니다. 이스탄불은 가장 큰 도시예요.",
        "왜 이스탄불이 아니라 앙카라인가요?",
        "독립 전쟁 당시 앙카라는 무스타파 케말 아타튀르크가 이끈 민족 운동의 중심지였어요. 1923년 공화국이 세워지면서 "
        "아나톨리아 내륙에 있어 방어에 유리한 앙카라가 수도가 되었습니다.",
    ],
    [
        "안녕하세요! 오늘 날씨가 정말 좋네요.",
        "안녕하세요! 날씨가 좋으면 기분도 좋아지죠. 오늘 특별한 계획이 있으세요?",
        "산책이나 할까 하는데, 서울에서 걷기 좋은 곳이 있을까요?",
        "몇 군데 추천해 드릴게요.\n- 청계천: 도심 한가운데를 따라 물길을 걸을 수 있어요.\n- 한강공원: 여의도나 반포에서 "
        "강바람을 맞으며 걷기 좋아요.\n- 서울숲: 나무가 많아서 여유롭게 산책하기 좋아요.\n- 북촌 한옥마을: 전통 한옥 골목을 "
        "구경할 수 있어요. 다만 주민들이 사는 곳이니 조용히 다녀 주세요.",
    ],
    [
        "하루 종일 컴퓨터 앞에 앉아 있어서 목이랑 어깨가 너무 아파요.",
        "자세를 먼저 점검해 보세요. 모니터 윗부분이 눈높이에 오도록 맞추고, 등을 의자에 붙여 앉으세요. 그리고 50분마다 "
        "일어나서 몇 분씩 움직이는 것이 좋습니다. 통증이 오래가거나 팔이 저리면 병원 진료를 받아 보세요.",
        "간단한 스트레칭도 알려 주세요.",
        "1. 턱 당기기: 턱을 뒤로 살짝 당겨 5초간 유지하기를 10번 반복해요.\n2. 어깨 돌리기: 어깨를 크게 뒤로 10번 돌려요.\n"
        "3. 옆목 늘리기: 한 손으로 머리를 옆으로 살짝 당겨 15초간 유지하고, 반대쪽도 해요.\n아플 정도로 무리하지는 마세요.",
    ],
    [
        "김치찌개 끓이는 법 알려 주세요.",
        "1. 냄비에 돼지고기 150g과 잘 익은 김치 2컵을 넣고 기름을 조금 둘러 볶아요.\n2. 물이나 멸치 육수 500ml를 붓고 "
        "끓여요.\n3. 고춧가루 1큰술, 다진 마늘 1작은술을 넣고 15분 정도 끓여요.\n4. 두부와 대파를 넣고 5분 더 끓이면 "
        "완성입니다.",
        "김치가 너무 시면 어떻게 해요?",
        "신 김치는 오히려 찌개에 잘 어울려요. 그래도 신맛이 강하면 설탕을 반 작은술 정도 넣으면 맛이 부드러워집니다.",
    ],
    [
        "블랙홀이 뭐예요?",
        "블랙홀은 중력이 너무 강해서 빛조차 빠져나올 수 없는 천체예요. 무거운 별이 수명을 다하고 자체 중력으로 붕괴하면서 "
        "만들어지기도 합니다.",
        "블랙홀을 실제로 찍은 사진이 있나요?",
        "네. 전 세계 전파 망원경을 연결한 '사건의 지평선 망원경(EHT)' 연구진이 2019년에 M87 은하 중심의 블랙홀 그림자를, "
        "2022년에는 우리 은하 중심의 블랙홀 궁수자리 A*를 찍은 영상을 공개했어요.",
    ],
    [
        "백신은 어떻게 작용하나요?",
        "백신은 병원체의 일부나 약하게 만든 형태 등을 몸에 미리 보여 주어, 면역 체계가 그것을 기억하게 합니다. 나중에 "
        "진짜 병원체가 들어오면 면역 체계가 빠르게 알아보고 대응할 수 있어요.",
        "왜 어떤 백신은 여러 번 맞아야 하나요?",
        "한 번으로는 면역이 충분히 생기지 않거나 시간이 지나면서 약해지는 경우가 있기 때문이에요. 추가 접종은 면역 기억을 "
        "강화해 효과가 더 오래가도록 도와줍니다.",
    ],
    [
        "한글은 누가 만들었나요?",
        "조선의 세종대왕이 만들었어요. 1443년에 창제하고 1446년에 '훈민정음'이라는 이름으로 반포했습니다.",
        "한글날은 언제예요?",
        "한국에서는 10월 9일이 한글날이에요. 훈민정음 반포를 기념하는 날이고, 공휴일입니다.",
    ],
    [
        "6·25 전쟁은 언제 일어났나요?",
        "1950년 6월 25일에 시작되었어요. 그리고 1953년 7월 27일에 정전 협정이 체결되었습니다.",
        "그럼 전쟁이 완전히 끝난 건가요?",
        "정전 협정은 전투를 멈추기로 한 합의일 뿐, 평화 협정은 아직 체결되지 않았어요. 그래서 법적으로는 지금도 정전 "
        "상태라고 합니다.",
    ],
    [
        "제주도 2박 3일 여행 코스 추천해 주세요.",
        "- 1일차: 동쪽 코스 – 성산일출봉, 섭지코지, 그리고 시간이 되면 배를 타고 우도에 다녀오세요.\n- 2일차: 한라산 "
        "등반이나 올레길 걷기. 한라산 정상은 탐방로와 시간에 제한이 있으니 미리 확인하세요.\n- 3일차: 서쪽 코스 – 협재 "
        "해변과 오설록 티 뮤지엄을 들러 보세요.",
        "렌터카가 꼭 필요할까요?",
        "꼭 필요한 건 아니지만 있으면 훨씬 편해요. 버스로도 주요 관광지에 갈 수 있지만 배차 간격이 길 수 있으니, 버스를 "
        "이용한다면 일정을 여유 있게 잡으세요.",
    ],
    [
        "교수님께 과제 제출 기한 연장을 부탁드리는 이메일을 써 주세요.",
        "제목: [경영학원론] 과제 제출 기한 연장 요청드립니다\n\n김민수 교수님께,\n\n안녕하세요, 교수님. 경영학원론 수업을 "
        "듣고 있는 경영학과 2학년 이지은입니다.\n갑작스러운 가족 사정으로 이번 과제를 기한 내에 제출하기 어려울 것 같아 "
        "연락드렸습니다. 혹시 가능하시다면 제출 기한을 3일 연장해 주실 수 있을지 여쭙고 싶습니다.\n번거롭게 해 드려 "
        "죄송합니다. 감사합니다.\n\n이지은 드림",
        "조금 더 짧게 써 주세요.",
        "교수님, 안녕하세요. 경영학원론 수강생 이지은입니다. 가족 사정으로 과제 제출이 어려워, 혹시 기한을 3일 연장해 주실 "
        "수 있을지 여쭙습니다. 번거롭게 해 드려 죄송합니다. 감사합니다.",
    ],
    [
        "'화장실이 어디예요?'를 영어로 어떻게 말해요?",
        '"Where is the restroom?"이라고 하면 돼요. 영국에서는 "Where is the toilet?"도 자연스럽습니다.',
        "일본어로는요?",
        '"トイレはどこですか？"(토이레와 도코데스카?)라고 하면 됩니다.',
    ],
    [
        "복리가 뭐예요?",
        "복리는 원금뿐 아니라 이미 붙은 이자에도 다시 이자가 붙는 방식이에요. 예를 들어 100만 원을 연 5% 복리로 맡기면 "
        "1년 뒤 105만 원, 2년 뒤에는 105만 원의 5%가 붙어 110만 2,500원이 됩니다.",
        "단리와는 어떻게 달라요?",
        "단리는 원금에만 이자가 붙어요. 같은 조건이면 매년 5만 원씩, 2년 뒤 110만 원이 됩니다. 기간이 길어질수록 복리와 "
        "단리의 차이는 점점 커져요.",
    ],
    [
        "파이썬으로 1부터 100까지 더하는 코드를 짜 주세요.",
        "```python\ntotal = sum(range(1, 101))\nprint(total)  # 5050\n```\n\n`range(1, 101)`은 1부터 100까지의 수를 만들어요.",
        "반복문 없이 공식으로도 구할 수 있나요?",
        "네. 1부터 n까지의 합은 n × (n + 1) ÷ 2예요. n = 100이면 100 × 101 ÷ 2 = 5050입니다. 가우스가 어릴 때 이 방법을 "
        "떠올렸다는 일화로 유명하죠.",
    ],
    [
        "감기와 독감은 뭐가 달라요?",
        "둘 다 바이러스 때문에 생기지만, 독감은 인플루엔자 바이러스가 원인이고 증상이 더 심해요. 갑자기 고열이 나고 "
        "온몸이 쑤시며, 폐렴 같은 합병증이 생길 수도 있습니다. 감기는 보통 콧물, 목 아픔 정도로 비교적 가볍게 지나가요.",
        "독감 예방접종은 언제 맞는 게 좋아요?",
        "한국에서는 보통 유행이 시작되기 전인 10월에서 11월 사이에 맞는 것을 권장해요. 바이러스가 해마다 조금씩 바뀌기 "
        "때문에 매년 맞아야 합니다.",
    ],
    [
        "아파트에서 불이 나면 어떻게 해야 하나요?",
        '"불이야!"라고 크게 외쳐 주변에 알리고 119에 신고하세요. 젖은 수건으로 코와 입을 막고 자세를 낮춰 계단으로 '
        "대피하세요. 엘리베이터는 절대 타면 안 됩니다. 현관 밖으로 나갈 수 없다면 대피 공간이나 경량 칸막이로 이동하거나, "
        "문을 닫고 틈을 막은 뒤 창문으로 구조를 요청하세요.",
    ],
    [
        "미세먼지가 심한 날에는 어떻게 해야 하나요?",
        "바깥 활동을 줄이고, 외출할 때는 KF80이나 KF94 마스크를 코와 입에 밀착해 쓰세요. 창문은 닫아 두고 공기청정기를 "
        "사용하며, 외출 후에는 손과 얼굴을 씻고 물을 충분히 마시는 것이 좋습니다.",
        "KF94는 무슨 뜻이에요?",
        "평균 0.4㎛ 크기의 미세 입자를 94% 이상 걸러 낸다는 뜻이에요. KF80은 0.6㎛ 크기 입자를 80% 이상 걸러 냅니다. "
        "숫자가 클수록 차단 효과가 높지만 숨쉬기는 조금 더 답답할 수 있어요.",
    ],
    [
        "지구에서 달까지 거리가 얼마나 돼요?",
        "평균 약 38만 4천 km입니다. 달의 궤도가 타원이라서 가까울 때와 멀 때 차이가 있어요.",
        "빛으로 가면 얼마나 걸려요?",
        "빛의 속도는 초속 약 30만 km이니, 약 1.3초면 도착합니다.",
    ],
    [
        "펭귄은 북극에도 사나요?",
        "아니요. 펭귄은 거의 모두 남반구에 살아요. 적도 근처 갈라파고스 제도에 사는 갈라파고스펭귄이 가장 북쪽에 사는 "
        "펭귄이고, 북극에는 야생 펭귄이 없습니다.",
        "가장 큰 펭귄은 뭐예요?",
        "황제펭귄이에요. 키가 1미터 넘게 자라고, 몸무게는 20~40kg 정도 나갑니다.",
    ],
    [
        "공부할 때 집중력이 자꾸 떨어져요.",
        "몇 가지 방법을 써 보세요.\n- 휴대폰은 다른 방에 두거나 방해 금지 모드로 해 두세요.\n- 공부를 시작하기 전에 오늘 "
        "끝낼 목표를 구체적으로 적어 보세요.\n- 짧게 집중하고 쉬는 것을 반복하세요.\n- 잠을 충분히 자는 것도 중요해요.",
        "짧게 집중하고 쉬는 방법이 따로 있나요?",
        "'뽀모도로 기법'이 유명해요. 25분 동안 집중하고 5분 쉬는 것을 한 세트로 하고, 네 세트를 마치면 15~30분 정도 길게 "
        "쉽니다.",
    ],
    [
        "세 명이서 식사비 87,000원을 똑같이 나누면 한 사람당 얼마예요?",
        "87,000 ÷ 3 = 29,000이므로 한 사람당 29,000원입니다.",
        "배달비 3,000원이 추가되면요?",
        "총액이 90,000원이 되니까 90,000 ÷ 3 = 30,000, 한 사람당 30,000원입니다.",
    ],
]

INST["ko"] = [
    ("다음 나라의 수도를 말하세요.", "일본", "도쿄입니다."),
    ("캐나다의 수도는 어디인가요?", "", "캐나다의 수도는 오타와입니다. 토론토가 가장 큰 도시이지만 수도는 아닙니다."),
    (
        "다음 문장을 영어로 번역하세요.",
        "저는 매일 아침 지하철을 타고 출근해요.",
        "I take the subway to work every morning.",
    ),
    (
        "다음 글을 한 문장으로 요약하세요.",
        "김장은 겨울 동안 먹을 김치를 늦가을에 한꺼번에 담그는 한국의 전통이다. 가족과 이웃이 모여 함께 배추를 절이고 "
        "양념을 버무리며 음식을 나눈다. 이러한 김장 문화는 2013년 유네스코 인류무형문화유산으로 등재되었다.",
        "겨울을 대비해 가족과 이웃이 함께 김치를 담그고 나누는 김장 문화는 2013년 유네스코 인류무형문화유산이 되었다.",
    ),
    (
        "다음 리뷰가 긍정, 부정, 중립 중 무엇인지 판단하세요.",
        "배송은 빨랐는데 제품이 설명과 달라서 실망했어요.",
        "부정입니다. 배송 속도는 만족했지만, 제품에 대한 실망이 핵심입니다.",
    ),
    (
        "집에서 물을 절약하는 방법을 세 가지 알려 주세요.",
        "",
        "1. 양치할 때 컵을 사용하고 물을 잠가 두세요.\n2. 샤워 시간을 몇 분 줄이세요.\n3. 세탁기와 식기세척기는 가득 찼을 "
        "때만 돌리세요.",
    ),
    (
        "가을을 주제로 네 줄짜리 짧은 시를 써 주세요.",
        "",
        "붉은 잎 하나 바람에 실려\n돌담길 위에 살며시 앉네\n높아진 하늘 아래 걸으며\n지난여름에게 인사를 건네",
    ),
    (
        "다음 문장의 맞춤법을 고치세요.",
        "어의가 없어서 웃음이 낫다. 오랫만에 친구를 만났는데 금새 헤어졌다.",
        "어이가 없어서 웃음이 났다. 오랜만에 친구를 만났는데 금세 헤어졌다.",
    ),
    (
        "광합성을 쉽게 설명해 주세요.",
        "",
        "광합성은 식물이 햇빛의 에너지를 이용해 물과 이산화탄소로 양분(포도당)을 만드는 과정이에요. 이때 산소가 나와서 "
        "우리가 숨 쉬는 공기로 돌아갑니다.",
    ),
    ("다음 단어의 반대말을 쓰세요.", "크다, 빠르다, 들어가다", "크다 ↔ 작다\n빠르다 ↔ 느리다\n들어가다 ↔ 나오다"),
    (
        "파이썬으로 리스트의 숫자를 모두 두 배로 만드는 코드를 작성하세요.",
        "nums = [1, 2, 3]",
        "```python\nnums = [1, 2, 3]\ndoubled = [x * 2 for x in nums]\nprint(doubled)  # [2, 4, 6]\n```",
    ),
    ("다음 도시를 북쪽에서 남쪽 순서로 나열하세요.", "부산, 서울, 대전, 제주", "서울, 대전, 부산, 제주"),
    (
        "한국에서 가장 높은 산은 무엇인가요?",
        "",
        "남한에서 가장 높은 산은 제주도의 한라산(1,947m)입니다. 한반도 전체로 보면 백두산(2,744m)이 가장 높습니다.",
    ),
    (
        "다음 문장에서 날짜를 모두 찾으세요.",
        "회의는 3월 4일에서 3월 11일로 미뤄졌고, 보고서는 4월 1일까지 제출해야 합니다.",
        "3월 4일, 3월 11일, 4월 1일",
    ),
    (
        "다음 제품의 짧은 소개 문구를 써 주세요.",
        "무선 이어폰; 최대 8시간 재생; 생활 방수; 한쪽 무게 5g",
        "한쪽 무게 5g의 가벼운 무선 이어폰으로 하루 종일 편안하게 음악을 즐기세요. 한 번 충전으로 최대 8시간 재생되고, "
        "생활 방수 기능이 있어 운동할 때나 비 오는 날에도 걱정 없습니다.",
    ),
    (
        "'-던'과 '-든'의 차이를 설명하세요.",
        "",
        "'-던'은 과거의 일을 떠올릴 때 씁니다(예: 어제 먹던 빵, 자주 가던 카페). '-든'은 여러 가지 중에서 무엇을 골라도 "
        "상관없다는 뜻일 때 씁니다(예: 사과든 배든 아무거나 주세요, 가든지 말든지 마음대로 해).",
    ),
    ("다음 문장을 공손한 존댓말로 바꾸세요.", "이거 내일까지 해 줘.", "이 일을 내일까지 해 주실 수 있을까요?"),
]

UC["ko"] = [
    (
        "야간 근무를 준비하는 간호사",
        "12시간 야간 근무 동안 졸음을 이기고 건강을 지키는 실용적인 팁을 알려 주세요.",
        "",
        "- 근무 전 늦은 오후에 60~90분 정도 낮잠을 자 두세요.\n- 한 번에 많이 먹기보다 가벼운 식사를 여러 번 나눠 드세요.\n"
        "- 밤새 물을 자주 마시세요.\n- 카페인은 근무 초반에만 드시고, 마지막 몇 시간은 피하세요.\n- 퇴근 후에는 암막 커튼과 "
        "귀마개를 이용해 어둡고 조용한 방에서 주무세요.",
    ),
    (
        "과학 수업을 준비하는 초등학교 교사",
        "물의 순환을 초등학교 3학년이 이해할 수 있게 설명해 주세요.",
        "",
        "해님이 바다와 강, 웅덩이의 물을 따뜻하게 데우면 물의 일부가 눈에 보이지 않는 수증기가 되어 하늘로 올라가요. 이걸 "
        "'증발'이라고 해요. 하늘 높은 곳은 추워서 수증기가 아주 작은 물방울로 바뀌고, 이 물방울들이 모여 구름이 돼요. "
        "물방울이 커지고 무거워지면 비나 눈이 되어 땅으로 떨어져요. 그 물은 다시 강과 바다로 흘러가고, 여행이 또 "
        "시작된답니다!",
    ),
    (
        "작은 빵집 사장님",
        "새 영업시간을 알리는 짧고 친근한 SNS 게시글을 써 주세요.",
        "화요일~일요일 오전 7시~오후 3시, 월요일 휴무",
        "반가운 소식이에요! 🥐 다음 주부터 화요일부터 일요일까지 오전 7시~오후 3시로 영업시간이 바뀝니다. 아침 빵을 더 "
        "일찍 만나 보세요! 월요일은 쉬면서 새로운 메뉴를 연구할게요. 늘 찾아 주셔서 감사합니다!",
    ),
    (
        "2주 뒤 시험을 앞둔 대학생",
        "간단한 공부 계획을 세워 주세요.",
        "과목: 미시경제학, 총 5개 장",
        "1~10일차: 이틀에 한 장씩 공부하세요. 첫날은 교재를 읽고 핵심을 정리하고, 둘째 날은 연습 문제를 풀며 모르는 부분을 "
        "적어 두세요.\n11~12일차: 기출문제를 시간을 재고 풀어 본 뒤 채점하세요.\n13일차: 틀린 문제와 적어 둔 질문을 "
        "복습하세요.\n14일차: 요약 노트만 가볍게 훑어보고 일찍 주무세요.",
    ),
    (
        "어린 자녀 둘을 키우는 부모",
        "아이들을 위한 건강한 간식 아이디어 다섯 가지를 알려 주세요.",
        "",
        "1. 플레인 요거트에 과일 조각 올리기\n2. 찐 고구마나 찐 감자\n3. 오이·당근 스틱과 치즈\n4. 바나나 한 개와 우유 한 잔\n"
        "5. 무가당 견과류 조금(어린아이에게는 잘게 부숴서)",
    ),
    (
        "Git을 막 배우기 시작한 개발자",
        "특정 파일이 커밋되지 않게 하려면 어떻게 해야 하나요?",
        "",
        "저장소 최상위 폴더에 `.gitignore` 파일을 만들고, 무시할 파일이나 패턴을 한 줄에 하나씩 적으세요. 예를 들어 "
        "`*.log`, `.env`, `node_modules/`처럼요. 이미 커밋된 파일이라면 `git rm --cached 파일명`으로 추적을 먼저 해제해야 "
        "합니다.",
    ),
    (
        "주말농장을 시작한 은퇴자",
        "상추를 잘 키우는 방법을 알려 주세요.",
        "",
        "- 상추는 서늘한 날씨를 좋아해서 봄과 가을에 키우기 좋아요.\n- 햇빛이 잘 들되 한여름 땡볕은 피하는 곳이 좋습니다.\n"
        "- 겉흙이 마르면 물을 충분히 주세요.\n- 바깥쪽 잎부터 따 주면 안쪽에서 새잎이 계속 나와서 오래 수확할 수 있어요.",
    ),
    (
        "호텔 프런트 경력으로 안내 데스크 직무에 지원하는 구직자",
        "자기소개서의 첫 문장을 써 주세요.",
        "호텔 프런트에서 3년 동안 일했습니다.",
        "호텔 프런트에서 3년 동안 매일 다양한 고객을 맞이하며 쌓은 응대 경험과 꼼꼼함을 바탕으로, 귀사를 찾는 모든 분께 "
        "편안한 첫인상을 드리는 안내 데스크 직원이 되고자 지원하게 되었습니다.",
    ),
    (
        "자전거로 출퇴근하는 직장인",
        "매주 자전거에서 무엇을 점검해야 하나요?",
        "",
        "- 타이어 공기압: 타이어 옆면에 적힌 수치에 맞춰 넣어 주세요.\n- 브레이크: 레버가 핸들에 닿기 전에 확실히 멈추는지 "
        "확인하세요.\n- 체인: 말라 있거나 소리가 나면 닦고 기름을 칠하세요.\n- 앞뒤 라이트가 잘 켜지는지, 배터리가 충분한지 "
        "확인하세요.",
    ),
    (
        "한국에 처음 온 외국인 유학생",
        "교통카드는 어떻게 사용하나요?",
        "",
        "편의점이나 지하철역에서 티머니 같은 교통카드를 사서 현금으로 충전하면 됩니다. 버스나 지하철을 탈 때 단말기에 카드를 "
        "대고, 내릴 때도 꼭 다시 대세요. 내릴 때 찍어야 정해진 시간 안에 다른 버스나 지하철로 갈아탈 때 환승 할인을 받을 수 "
        "있어요.",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Russian
# ---------------------------------------------------------------------------------------------------------------
CONV["ru"] = [
    ["Какая столица у Франции?", "Столица Франции — Париж."],
    [
        "Назови столицу Франции.",
        "Столица Франции — Париж. Это ещё и крупнейший город страны.",
        "Какая река протекает через Париж?",
        "Сена. Часть города к северу от реки называют Правым берегом, а к югу — Левым берегом.",
    ],
    [
        "Какой город является столицей Казахстана?",
        "Столица Казахстана — Астана.",
        "А разве не Алматы?",
        "Алматы была столицей до 1997 года, после чего столицу перенесли в Астану. При этом Алматы по-прежнему остаётся "
        "крупнейшим городом страны.",
    ],
    [
        "Сидней — это столица Австралии?",
        "Нет. Сидней — крупнейший город Австралии, а столица — Канберра.",
        "Почему выбрали именно Канберру?",
        "Когда в 1901 году образовалась Австралийская федерация, столицей хотели стать и Сидней, и Мельбурн. В качестве "
        "компромисса между ними построили новый город — Канберру, и в 1927 году туда переехал парламент.",
    ],
    [
        "Привет! Как дела?",
        "Привет! Всё хорошо, спасибо. Чем могу помочь?",
        "Хочу начать бегать, но никогда этим не занимался. С чего начать?",
        "Отличная идея! Несколько советов для старта:\n- Начните с чередования: минута лёгкого бега, две минуты ходьбы, "
        "всего 20–30 минут.\n- Тренируйтесь три раза в неделю, чтобы между пробежками был день отдыха.\n- Увеличивайте "
        "нагрузку постепенно, примерно на 10 % в неделю.\n- Подберите удобные беговые кроссовки.\nЕсли есть проблемы с "
        "сердцем или суставами, сначала посоветуйтесь с врачом.",
    ],
    [
        "Как правильно мыть руки?",
        "Смочите руки водой, нанесите мыло и намыливайте не меньше 20 секунд: ладони, тыльную сторону, между пальцами и "
        "под ногтями. Затем смойте мыло и вытрите руки чистым полотенцем или одноразовой салфеткой.",
        "А если воды нет, подойдёт антисептик?",
        "Да, антисептик для рук с содержанием спирта не менее 60 % — хорошая замена. Но если руки заметно загрязнены, "
        "лучше всё-таки вымыть их с мылом.",
    ],
    [
        "Как испечь тонкие блины?",
        "На 12–15 блинов:\n1. Взбейте 2 яйца с щепоткой соли и столовой ложкой сахара.\n2. Влейте 500 мл молока и "
        "постепенно вмешайте 200 г муки, чтобы не было комков.\n3. Добавьте 2 столовые ложки растительного масла и "
        "оставьте тесто на 20 минут.\n4. Жарьте на хорошо разогретой, слегка смазанной сковороде примерно по минуте с "
        "каждой стороны.",
        "Почему говорят «первый блин комом»?",
        "Часто первый блин действительно не удаётся: сковорода ещё недостаточно прогрета или смазана. Поэтому фразой "
        "«первый блин комом» говорят о первой попытке в любом деле, которая получилась неудачной.",
    ],
    [
        "Почему зимой холодно, если в январе Земля ближе всего к Солнцу?",
        "Потому что времена года зависят не от расстояния до Солнца, а от наклона земной оси — примерно 23,4°. Зимой "
        "Северное полушарие отклонено от Солнца: лучи падают под малым углом, а день короткий, поэтому тепла приходит "
        "меньше.",
        "Значит, в Австралии в январе лето?",
        "Да. Австралия в Южном полушарии, и в январе оно повёрнуто к Солнцу. Там Новый год встречают летом.",
    ],
    [
        "Почему листья осенью желтеют?",
        "Летом в листьях много зелёного пигмента хлорофилла. Осенью, когда дни становятся короче и холоднее, дерево "
        "перестаёт его вырабатывать, хлорофилл разрушается, и становятся видны жёлтые и оранжевые пигменты — "
        "каротиноиды, которые были в листе всё время. Красный цвет дают антоцианы, которые образуются осенью.",
        "А зачем деревья вообще сбрасывают листья?",
        "Зимой вода в почве замерзает, и через широкие листья дерево теряло бы слишком много влаги. Кроме того, на "
        "листьях скапливался бы снег, который может ломать ветки. Сбросив листья, дерево экономит воду и силы до весны.",
    ],
    [
        "Когда Юрий Гагарин полетел в космос?",
        "12 апреля 1961 года на корабле «Восток-1». Полёт вокруг Земли длился 108 минут. С тех пор 12 апреля отмечают "
        "День космонавтики.",
        "А кто первая женщина-космонавт?",
        "Валентина Терешкова. Она полетела 16 июня 1963 года на корабле «Восток-6» и провела в космосе почти трое суток.",
    ],
    [
        "Кто основал Санкт-Петербург?",
        "Пётр I в 1703 году. Город был заложен на берегах Невы, а вскоре стал столицей Российской империи.",
        "Сколько раз город переименовывали?",
        "Трижды: в 1914 году он стал Петроградом, в 1924 году — Ленинградом, а в 1991 году ему вернули название "
        "Санкт-Петербург.",
    ],
    [
        "Летом еду на Байкал. Что посмотреть?",
        "Несколько идей:\n- посёлок Листвянка и Байкальский музей;\n- остров Ольхон и мыс Бурхан (скала Шаманка);\n- "
        "Кругобайкальская железная дорога с тоннелями и видами на озеро;\n- пешие маршруты по Большой Байкальской тропе.",
        "А купаться там можно?",
        "Можно, но вода очень холодная: даже в августе в открытом Байкале она обычно прогревается лишь до +10…+15 °C. "
        "Теплее в мелких заливах, например в Малом Море у Ольхона.",
    ],
    [
        "Помоги написать поздравление коллеге с днём рождения.",
        "Дорогая Марина! Поздравляем тебя с днём рождения! Спасибо за твою отзывчивость, профессионализм и умение "
        "поднять всем настроение даже в самый сложный день. Желаем крепкого здоровья, интересных проектов, тёплых "
        "встреч и исполнения всех задуманных планов!",
        "А покороче, для открытки?",
        "Марина, с днём рождения! Спасибо за твою доброту и поддержку. Счастья, здоровья и вдохновения!",
    ],
    [
        "Как сказать по-английски «Сколько это стоит?»",
        "«How much is this?» или «How much does this cost?»",
        "А по-китайски?",
        "«这个多少钱？» (Zhège duōshao qián?)",
    ],
    [
        "Что такое ипотека?",
        "Ипотека — это кредит на покупку жилья, при котором сама квартира или дом остаётся в залоге у банка, пока долг не "
        "будет погашен. Обычно её берут на много лет и выплачивают ежемесячными платежами.",
        "А что такое первоначальный взнос?",
        "Это часть стоимости жилья, которую покупатель платит сразу из своих денег. Например, при цене квартиры "
        "5 000 000 рублей и взносе 20 % нужно внести 1 000 000 рублей, а остальные 4 000 000 берутся в кредит.",
    ],
    [
        "Напиши на Python функцию, которая считает количество слов в строке.",
        '```python\ndef count_words(text: str) -> int:\n    return len(text.split())\n```\n\n`count_words("Мама мыла '
        'раму")` вернёт `3`.',
        "А как посчитать, сколько раз встречается каждое слово?",
        "Удобно использовать `Counter` из стандартной библиотеки:\n\n```python\nfrom collections import Counter\n\n"
        "counts = Counter(\"да нет да да\".split())\nprint(counts)  # Counter({'да': 3, 'нет': 1})\n```",
    ],
    [
        "Как помочь человеку, который подавился?",
        "Если он может кашлять, попросите его кашлять сильнее. Если он не может ни дышать, ни говорить: наклоните его "
        "вперёд и нанесите до 5 резких ударов основанием ладони между лопатками. Если не помогло, сделайте до 5 толчков "
        "в верхнюю часть живота (приём Геймлиха) и чередуйте эти действия. Попросите кого-нибудь вызвать скорую: 103 или "
        "112.",
        "А если он потерял сознание?",
        "Аккуратно уложите его на пол, сразу вызовите скорую по номеру 103 или 112 и начинайте сердечно-лёгочную "
        "реанимацию: надавливания на центр грудной клетки с частотой 100–120 в минуту до приезда бригады.",
    ],
    [
        "Что делать, если провалился под лёд?",
        "Не паникуйте и не барахтайтесь. Широко раскиньте руки по краю льда, чтобы не уйти под воду. Работая ногами, "
        "примите горизонтальное положение и выползайте на лёд в ту сторону, откуда пришли: там лёд уже выдержал вас. "
        "Затем откатитесь от полыньи и ползите к берегу, не вставая. Как можно скорее переоденьтесь в сухое и согрейтесь, "
        "а при необходимости вызовите помощь по номеру 112.",
    ],
    [
        "Как не заблудиться в лесу, когда идёшь за грибами?",
        "Скажите близким, куда и на сколько идёте. Возьмите заряженный телефон с запасным аккумулятором, компас или "
        "навигатор, свисток и воду. Перед входом в лес отметьте ориентиры: дорогу, реку, линию электропередачи, и "
        "помните, с какой стороны они остались.",
        "А если всё-таки заблудился?",
        "Остановитесь и успокойтесь. Позвоните по номеру 112: звонок возможен даже при слабом сигнале. Прислушайтесь к "
        "звукам дороги или поезда. Если связи нет и вы не знаете, куда идти, лучше оставаться на месте: так спасателям "
        "проще вас найти.",
    ],
    [
        "Что такое комета?",
        "Комета — это небольшое тело из льда, пыли и камня, которое обращается вокруг Солнца. Когда она приближается к "
        "Солнцу, лёд испаряется, и появляются светящаяся оболочка и хвост, направленный в сторону от Солнца.",
        "Когда снова можно будет увидеть комету Галлея?",
        "Комета Галлея возвращается примерно раз в 76 лет. В последний раз она была у Солнца в 1986 году, а следующее "
        "сближение ожидается в 2061 году.",
    ],
    [
        "Правда ли, что медведи спят всю зиму?",
        "Почти. Бурые медведи залегают в берлогу на несколько месяцев и впадают в зимний сон: они не едят и не пьют, "
        "пульс и дыхание сильно замедляются, а температура тела немного снижается. Но такой сон неглубокий, и медведь "
        "может проснуться, если его потревожить.",
        "А кто такой шатун?",
        "Так называют медведя, который не залёг в спячку, чаще всего потому, что не накопил достаточно жира. Зимой ему "
        "трудно найти еду, поэтому шатуны очень опасны.",
    ],
    [
        "Как подготовиться к ЕГЭ по математике?",
        "- Разберите демоверсию и кодификатор на сайте ФИПИ, чтобы знать формат экзамена.\n- Регулярно решайте варианты "
        "целиком, засекая время.\n- Записывайте ошибки и возвращайтесь к этим темам.\n- Выучите основные формулы и "
        "повторяйте их по карточкам.",
        "За сколько месяцев лучше начинать?",
        "Лучше начинать с начала 11 класса, то есть примерно за 8–9 месяцев. Регулярные занятия по часу несколько раз в "
        "неделю дают больше, чем интенсивная подготовка в последний месяц.",
    ],
    [
        "Коммунальные платежи выросли с 5 000 до 5 600 рублей. На сколько процентов?",
        "Рост составил 600 рублей. 600 ÷ 5 000 = 0,12, то есть на 12 %.",
        "А если в следующем месяце они снова вырастут на 12 %?",
        "5 600 × 1,12 = 6 272 рубля. По сравнению с исходными 5 000 рублями это уже рост на 25,44 %, а не на 24 %.",
    ],
]

INST["ru"] = [
    ("Назови столицу указанной страны.", "Германия", "Берлин."),
    ("Какая столица у Японии?", "", "Столица Японии — Токио."),
    (
        "Переведи предложение на английский язык.",
        "Завтра мы поедем на дачу, если не будет дождя.",
        "Tomorrow we will go to the dacha if it doesn't rain.",
    ),
    (
        "Перескажи текст одним предложением.",
        "Байкал — самое глубокое озеро на планете: его наибольшая глубина составляет 1 642 метра. В нём содержится около "
        "пятой части всей пресной воды озёр и рек мира. В 1996 году Байкал был включён в список Всемирного наследия "
        "ЮНЕСКО.",
        "Байкал — самое глубокое озеро в мире, хранящее около пятой части мировой озёрной и речной пресной воды и "
        "входящее в список Всемирного наследия ЮНЕСКО.",
    ),
    (
        "Определи тональность отзыва: положительная, отрицательная или нейтральная.",
        "Обычный отель: номер чистый, завтрак так себе, персонал вежливый.",
        "Нейтральная.",
    ),
    (
        "Дай три совета, как быстрее засыпать.",
        "",
        "1. Ложитесь и вставайте в одно и то же время.\n2. За час до сна отложите телефон и приглушите свет.\n3. Не пейте "
        "кофе и крепкий чай после обеда.",
    ),
    (
        "Напиши короткое четверостишие о зиме.",
        "",
        "Снег ложится на поля,\nЗасыпает вся земля,\nПод окном мороз рисует,\nНочь над городом колдует.",
    ),
    (
        "Исправь ошибки в предложении.",
        "Вчера я одел куртку и пошёл в магазин, по тому что было холодно.",
        "Вчера я надел куртку и пошёл в магазин, потому что было холодно.",
    ),
    (
        "Объясни простыми словами, что такое фотосинтез.",
        "",
        "Фотосинтез — это процесс, при котором растения с помощью энергии солнечного света превращают воду и углекислый "
        "газ в сахара, которыми питаются. При этом они выделяют кислород.",
    ),
    ("Подбери антонимы к словам.", "горячий, тихий, начало", "горячий — холодный\nтихий — громкий\nначало — конец"),
    (
        "Напиши SQL-запрос.",
        "Выбери из таблицы orders все заказы с суммой (amount) больше 1000 и отсортируй их по убыванию суммы.",
        "```sql\nSELECT *\nFROM orders\nWHERE amount > 1000\nORDER BY amount DESC;\n```",
    ),
    (
        "Расположи города с запада на восток.",
        "Новосибирск, Москва, Владивосток, Екатеринбург",
        "Москва, Екатеринбург, Новосибирск, Владивосток.",
    ),
    (
        "Какая гора самая высокая в России?",
        "",
        "Эльбрус на Кавказе — его высота 5 642 метра. Это спящий вулкан с двумя вершинами, и западная из них выше.",
    ),
    (
        "Выпиши из текста все имена.",
        "Анна и Дмитрий встретились с Ольгой Петровной у входа в театр.",
        "Анна, Дмитрий, Ольга Петровна",
    ),
    (
        "Напиши короткое описание товара.",
        "Электрический чайник; 1,7 л; автоотключение; стеклянный корпус",
        "Стеклянный электрический чайник объёмом 1,7 литра быстро вскипятит воду для всей семьи. Функция автоотключения "
        "сработает сразу после закипания, а через прозрачный корпус удобно следить за уровнем воды.",
    ),
    (
        "Объясни, когда пишется «-тся», а когда «-ться».",
        "",
        "Задайте к глаголу вопрос. Если вопрос «что делает?» — пишется «-тся» без мягкого знака: он учится. Если вопрос "
        "«что делать?» — пишется «-ться»: надо учиться.",
    ),
    (
        "Перепиши сообщение в официально-деловом стиле.",
        "Привет, скинь отчёт до вечера.",
        "Добрый день! Прошу направить мне отчёт до конца рабочего дня. Заранее благодарю.",
    ),
]

UC["ru"] = [
    (
        "медсестра, которая готовится к ночному дежурству",
        "Дай практические советы, как сохранить бодрость и здоровье во время 12-часового ночного дежурства.",
        "",
        "- Поспите 60–90 минут ближе к вечеру перед сменой.\n- Ешьте лёгкую пищу понемногу несколько раз за ночь, а не "
        "один раз плотно.\n- Пейте воду в течение всей смены.\n- Кофе пейте в начале дежурства, а в последние часы "
        "откажитесь от него.\n- После смены спите в тёмной тихой комнате: помогают плотные шторы и беруши.",
    ),
    (
        "учитель начальных классов, который готовит урок окружающего мира",
        "Объясни круговорот воды в природе так, чтобы поняли девятилетние дети.",
        "",
        "Солнце нагревает воду в морях, реках и лужах, и часть её превращается в невидимый пар, который поднимается в "
        "небо. Это испарение. Высоко в небе холодно, поэтому пар превращается в крошечные капельки, и из них "
        "получаются облака. Когда капель становится много и они тяжелеют, они падают на землю дождём или снегом. Вода "
        "стекает в ручьи, реки и моря — и путешествие начинается снова!",
    ),
    (
        "владелица небольшой пекарни",
        "Напиши короткий дружелюбный пост для соцсетей о нашем новом графике работы.",
        "Вторник–воскресенье с 7:00 до 15:00, понедельник — выходной",
        "Хорошие новости! 🥐 Со следующей недели мы работаем со вторника по воскресенье с 7:00 до 15:00 — свежий хлеб к "
        "завтраку теперь можно купить ещё раньше. В понедельник у нас выходной: будем придумывать новые рецепты. Ждём "
        "вас!",
    ),
    (
        "студент, у которого через две недели экзамен",
        "Составь простой план подготовки.",
        "Предмет: линейная алгебра, 5 глав",
        "Дни 1–10: по одной главе на два дня. В первый день читайте теорию и выписывайте определения и теоремы, во "
        "второй — решайте задачи и отмечайте непонятное.\nДни 11–12: решите билеты или контрольные прошлых лет на "
        "время.\nДень 13: разберите ошибки и вопросы, которые вы отметили.\nДень 14: лёгкое повторение конспекта и "
        "ранний сон.",
    ),
    (
        "мама двух маленьких детей",
        "Предложи пять идей полезных перекусов для детей.",
        "",
        "1. Натуральный йогурт с кусочками фруктов.\n2. Творог с бананом.\n3. Палочки огурца и моркови с хумусом.\n4. "
        "Цельнозерновой хлебец с сыром.\n5. Печёное яблоко с корицей.",
    ),
    (
        "начинающий разработчик, который осваивает Git",
        "Как узнать, кто и когда изменил строку в файле?",
        "",
        "Используйте `git blame имя_файла`: для каждой строки будет показан коммит, автор и дата последнего изменения. "
        "Чтобы посмотреть только нужный фрагмент, добавьте диапазон строк: `git blame -L 10,20 имя_файла`.",
    ),
    (
        "пенсионер, который сажает огород на даче",
        "Когда лучше сажать картошку?",
        "",
        "Картофель сажают, когда почва на глубине около 10 см прогреется до +8…+10 °C. В средней полосе России это "
        "обычно первая половина или середина мая. Есть и народная примета: сажать, когда листья на берёзе размером с "
        "монетку.",
    ),
    (
        "соискатель на должность администратора на ресепшене",
        "Напиши первое предложение моего сопроводительного письма.",
        "У меня три года опыта работы на ресепшене гостиницы.",
        "За три года работы на ресепшене загруженной гостиницы я научился встречать гостей с улыбкой, быстро решать их "
        "вопросы и держать в порядке десятки бронирований, и этот опыт я хотел бы применить на должности администратора "
        "в вашей компании.",
    ),
    (
        "велосипедист, который ездит на работу на велосипеде",
        "Что нужно проверять в велосипеде каждую неделю?",
        "",
        "- Давление в шинах: подкачайте до значения, указанного на боковине.\n- Тормоза: велосипед должен уверенно "
        "останавливаться до того, как рычаг коснётся руля.\n- Цепь: почистите и смажьте, если она сухая или скрипит.\n- "
        "Передний и задний фонари и заряд аккумуляторов.",
    ),
    (
        "турист, который впервые едет в Санкт-Петербург в белые ночи",
        "Что важно знать заранее?",
        "",
        "- Самые светлые ночи бывают примерно с конца мая до середины июля.\n- Ночью разводят мосты через Неву, примерно с "
        "часу до пяти утра, поэтому заранее продумайте, как вернуться в гостиницу, если она на другом берегу.\n- "
        "Эрмитаж по понедельникам закрыт.\n- Возьмите маску для сна: светло почти всю ночь.",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Portuguese (Brazil), Italian, Vietnamese, Indonesian, Turkish: a few rows each
# ---------------------------------------------------------------------------------------------------------------
CONV["pt"] = [
    ["Qual é a capital da França?", "A capital da França é Paris."],
    [
        "Qual é a capital do Brasil?",
        "A capital do Brasil é Brasília.",
        "Não era o Rio de Janeiro?",
        "O Rio de Janeiro foi a capital até 1960. Naquele ano foi inaugurada Brasília, planejada por Lúcio Costa e com "
        "edifícios de Oscar Niemeyer, para levar o desenvolvimento ao interior do país.",
    ],
    [
        "Oi! Tudo bem?",
        "Oi! Tudo ótimo, obrigado. Como posso ajudar?",
        "Quero gastar menos no supermercado. Alguma dica?",
        "Claro! Algumas ideias:\n- Faça uma lista antes de sair e siga a lista.\n- Não vá às compras com fome.\n- Compare "
        "o preço por quilo ou por litro, não só o preço da embalagem.\n- Prefira frutas e verduras da estação, que "
        "costumam ser mais baratas.\n- Planeje as refeições da semana para aproveitar as sobras.",
    ],
    [
        "Como posso me proteger da dengue?",
        "O mais importante é não deixar água parada, onde o mosquito Aedes aegypti se reproduz: vire garrafas, tampe "
        "caixas-d'água e limpe calhas e pratinhos de vasos. Use repelente e, se possível, telas nas janelas.",
        "E quais são os sintomas?",
        "Febre alta de início repentino, dor de cabeça, dor atrás dos olhos, dores no corpo e nas articulações e, às "
        "vezes, manchas vermelhas na pele. Procure atendimento médico e não tome aspirina nem anti-inflamatórios por "
        "conta própria, porque podem aumentar o risco de sangramento.",
    ],
]
INST["pt"] = [
    ("Qual é a capital de Portugal?", "", "A capital de Portugal é Lisboa."),
    (
        "Traduza a frase para o inglês.",
        "Eu gostaria de reservar uma mesa para duas pessoas.",
        "I would like to book a table for two.",
    ),
]
UC["pt"] = [
    (
        "uma professora do ensino fundamental preparando uma aula de ciências",
        "Explique o ciclo da água para crianças de 9 anos.",
        "",
        "O Sol esquenta a água dos mares, rios e poças, e uma parte vira vapor, que sobe para o céu sem a gente ver: é a "
        "evaporação. Lá em cima faz frio, e o vapor vira gotinhas que formam as nuvens: é a condensação. Quando as "
        "gotinhas ficam pesadas, caem como chuva: é a precipitação. A água volta para os rios e mares, e a viagem começa "
        "de novo!",
    ),
    (
        "um entregador de bicicleta que trabalha no verão",
        "Como posso me proteger do calor durante as entregas?",
        "",
        "- Beba água com frequência, mesmo sem sede, e leve uma garrafa sempre cheia.\n- Use protetor solar, boné sob o "
        "capacete ou manga de proteção e roupas claras.\n- Faça pausas curtas na sombra.\n- Se sentir tontura, dor de "
        "cabeça forte ou enjoo, pare, procure um lugar fresco e peça ajuda.",
    ),
    (
        "uma estudante que vai fazer o ENEM este ano",
        "Como devo organizar meus estudos?",
        "Faltam seis meses para a prova",
        "- Faça um cronograma semanal que passe por todas as áreas, dando mais tempo às suas matérias mais fracas.\n- "
        "Escreva pelo menos uma redação por semana e peça para alguém corrigir.\n- Resolva provas de anos anteriores "
        "cronometrando o tempo.\n- Revise os erros, não só os acertos.\n- Reserve tempo para descanso e sono.",
    ),
]

CONV["it"] = [
    ["Qual è la capitale della Francia?", "La capitale della Francia è Parigi."],
    [
        "Qual è la capitale della Spagna?",
        "La capitale della Spagna è Madrid.",
        "È vero che si trova proprio al centro del paese?",
        "Sì, più o meno al centro della penisola iberica. Anche per questa posizione Filippo II vi stabilì la corte nel "
        "1561.",
    ],
    [
        "Ciao! Sto imparando a cucinare. Come si fa un buon sugo al pomodoro?",
        "Ciao! Ecco una versione semplice per 4 persone:\n1. Scalda 3 cucchiai di olio extravergine in una padella con "
        "uno spicchio d'aglio.\n2. Aggiungi 400 g di passata o di pomodori pelati schiacciati e un pizzico di sale.\n3. "
        "Cuoci a fuoco basso, mescolando ogni tanto.\n4. Alla fine togli l'aglio e aggiungi qualche foglia di basilico.",
        "Quanto tempo deve cuocere?",
        "Bastano 15–20 minuti perché il sugo si addensi un po'. Se lo vuoi più concentrato, lascialo qualche minuto in "
        "più, ma sempre a fuoco basso.",
    ],
    [
        "Quando è nata la Repubblica Italiana?",
        "Con il referendum del 2 giugno 1946 gli italiani scelsero la repubblica al posto della monarchia. Fu anche la "
        "prima volta che le donne votarono a livello nazionale.",
        "Per questo il 2 giugno è festa?",
        "Esatto: il 2 giugno si celebra la Festa della Repubblica, con la parata ai Fori Imperiali a Roma.",
    ],
]
INST["it"] = [
    ("Qual è la capitale della Germania?", "", "La capitale della Germania è Berlino."),
    ("Traduci la frase in inglese.", "Dov'è la fermata dell'autobus più vicina?", "Where is the nearest bus stop?"),
]
UC["it"] = [
    (
        "un'infermiera che si prepara al turno di notte",
        "Dammi qualche consiglio pratico per restare sveglia e in forma durante un turno di notte.",
        "",
        "- Fai un riposino di 60–90 minuti nel tardo pomeriggio prima del turno.\n- Fai pasti leggeri e frequenti invece "
        "di uno abbondante.\n- Bevi acqua durante tutta la notte.\n- Prendi il caffè all'inizio del turno ed evitalo nelle "
        "ultime ore.\n- Dopo il turno dormi in una stanza buia e silenziosa.",
    ),
    (
        "il gestore di un piccolo bar",
        "Scrivi un breve post per i social sul nostro nuovo orario.",
        "Dal martedì alla domenica, 7:00–15:00; lunedì chiuso",
        "Novità! ☕ Dalla prossima settimana vi aspettiamo dal martedì alla domenica, dalle 7:00 alle 15:00, per colazioni "
        "e pranzi veloci. Il lunedì restiamo chiusi per riposarci e preparare nuove sorprese. A presto!",
    ),
    (
        "un nonno che vuole fare videochiamate con i nipoti",
        "Come faccio una videochiamata su WhatsApp?",
        "",
        "1. Apri WhatsApp e tocca la chat della persona che vuoi chiamare.\n2. In alto a destra tocca l'icona della "
        "videocamera.\n3. Aspetta che l'altra persona risponda: vedrai il suo volto e lei vedrà il tuo.\n4. Per "
        "chiudere, tocca il pulsante rosso. Conviene essere collegati al Wi-Fi di casa.",
    ),
]

CONV["vi"] = [
    ["Thủ đô của Pháp là gì?", "Thủ đô của Pháp là Paris."],
    [
        "Thủ đô của Việt Nam là thành phố nào?",
        "Thủ đô của Việt Nam là Hà Nội.",
        "Hà Nội trở thành kinh đô từ khi nào?",
        "Năm 1010, vua Lý Thái Tổ dời đô từ Hoa Lư ra thành Đại La và đổi tên thành Thăng Long. Vì vậy năm 2010, Hà "
        "Nội đã kỷ niệm 1000 năm Thăng Long.",
    ],
    [
        "Chào bạn! Dạo này mình hay bị mất ngủ.",
        "Chào bạn! Mất ngủ thật mệt mỏi. Bạn có thể thử: đi ngủ và thức dậy đúng giờ mỗi ngày, tránh dùng điện thoại "
        "khoảng một tiếng trước khi ngủ, giữ phòng ngủ tối và mát. Nếu mất ngủ kéo dài, bạn nên đi khám bác sĩ.",
        "Uống cà phê buổi chiều có sao không?",
        "Có thể ảnh hưởng đấy. Caffeine tồn tại trong cơ thể nhiều giờ, nên nếu khó ngủ, bạn nên uống cà phê vào buổi "
        "sáng và tránh uống sau khoảng 2 giờ chiều.",
    ],
    [
        "Vì sao miền Nam Việt Nam có mùa mưa và mùa khô?",
        "Do ảnh hưởng của gió mùa. Khoảng từ tháng 5 đến tháng 10, gió mùa Tây Nam thổi từ biển vào mang theo nhiều hơi "
        "ẩm nên mưa nhiều. Từ khoảng tháng 11 đến tháng 4, gió mùa Đông Bắc khô hơn chiếm ưu thế, nên trời ít mưa.",
        "Vậy nên đi du lịch Thành phố Hồ Chí Minh vào mùa nào?",
        "Mùa khô, khoảng từ tháng 12 đến tháng 4, thường dễ chịu hơn vì ít mưa. Tháng 3 và tháng 4 khá nóng, nên nhớ "
        "uống đủ nước.",
    ],
]
INST["vi"] = [
    ("Thủ đô của Nhật Bản là gì?", "", "Thủ đô của Nhật Bản là Tokyo."),
    (
        "Dịch câu sau sang tiếng Anh.",
        "Tôi muốn đặt một phòng cho hai người vào cuối tuần này.",
        "I would like to book a room for two people this weekend.",
    ),
]
UC["vi"] = [
    (
        "một giáo viên tiểu học đang chuẩn bị bài học khoa học",
        "Hãy giải thích vòng tuần hoàn của nước cho học sinh lớp 3.",
        "",
        "Mặt Trời làm nóng nước ở biển, sông và vũng nước. Một phần nước biến thành hơi nước mà ta không nhìn thấy, bay "
        "lên cao: đó là sự bay hơi. Trên cao trời lạnh, hơi nước biến thành những giọt nước nhỏ li ti, tụ lại thành mây. "
        "Khi các giọt nước to và nặng dần, chúng rơi xuống thành mưa. Nước lại chảy về sông, ra biển, và hành trình bắt "
        "đầu lại từ đầu!",
    ),
    (
        "một người mới bắt đầu tập chạy bộ",
        "Tôi nên bắt đầu như thế nào?",
        "",
        "- Bắt đầu bằng cách xen kẽ: chạy chậm 1 phút, đi bộ 2 phút, tổng cộng 20–30 phút.\n- Tập 3 buổi mỗi tuần, có "
        "ngày nghỉ xen giữa.\n- Tăng dần quãng đường, mỗi tuần không quá khoảng 10%.\n- Chọn giày chạy vừa chân và chạy "
        "vào sáng sớm hoặc chiều mát.",
    ),
    (
        "chủ một quán cà phê nhỏ",
        "Viết một bài đăng ngắn trên mạng xã hội để thông báo giờ mở cửa mới.",
        "Thứ Ba đến Chủ Nhật, 7:00–15:00; nghỉ thứ Hai",
        "Thông báo nhỏ nè! ☕ Từ tuần sau, quán mở cửa từ thứ Ba đến Chủ Nhật, 7 giờ sáng đến 3 giờ chiều. Thứ Hai quán "
        "nghỉ để tụi mình thử món mới. Hẹn gặp mọi người nhé!",
    ),
]

CONV["id"] = [
    ["Apa ibu kota Prancis?", "Ibu kota Prancis adalah Paris."],
    [
        "Apa ibu kota Malaysia?",
        "Ibu kota Malaysia adalah Kuala Lumpur. Namun, banyak kantor pemerintahan pusat sudah pindah ke Putrajaya, yang "
        "menjadi pusat administrasi federal.",
        "Apakah Putrajaya jauh dari Kuala Lumpur?",
        "Tidak terlalu jauh, sekitar 25 km di sebelah selatan Kuala Lumpur.",
    ],
    [
        "Halo! Apa kabar?",
        "Halo! Kabar saya baik, terima kasih. Ada yang bisa saya bantu?",
        "Saya ingin mulai menabung, tapi selalu gagal.",
        "Beberapa tips yang bisa dicoba:\n- Sisihkan tabungan di awal bulan, begitu gajian, bukan dari sisa uang.\n- "
        "Atur transfer otomatis ke rekening terpisah.\n- Catat pengeluaran harian selama sebulan untuk melihat ke mana "
        "uang pergi.\n- Mulai dari jumlah kecil, misalnya 10% dari penghasilan, lalu naikkan pelan-pelan.",
    ],
    [
        "Bagaimana cara membuat larutan gula garam (oralit) sendiri untuk diare?",
        "Campurkan 1 liter air matang dengan 6 sendok teh gula dan setengah sendok teh garam (sendok diratakan), lalu "
        "aduk sampai larut. Minum sedikit-sedikit tetapi sering. Jika ada, oralit dari apotek lebih baik.",
        "Kapan harus ke dokter?",
        "Segera ke dokter jika ada darah pada tinja, demam tinggi, muntah terus sehingga tidak bisa minum, diare lebih "
        "dari dua hari, atau tanda dehidrasi seperti sangat lemas dan jarang buang air kecil. Pada bayi dan anak kecil, "
        "jangan menunggu terlalu lama.",
    ],
]
INST["id"] = [
    ("Apa ibu kota Jepang?", "", "Ibu kota Jepang adalah Tokyo."),
    (
        "Terjemahkan kalimat berikut ke dalam bahasa Inggris.",
        "Saya sedang belajar memasak rendang.",
        "I am learning to cook rendang.",
    ),
]
UC["id"] = [
    (
        "seorang perawat yang bersiap untuk jaga malam",
        "Berikan tips agar tetap segar selama jaga malam 12 jam.",
        "",
        "- Tidur siang 60–90 menit pada sore hari sebelum berangkat.\n- Makan makanan ringan beberapa kali daripada sekali "
        "makan berat.\n- Minum air putih sepanjang malam.\n- Minum kopi di awal sif dan hindari di jam-jam terakhir.\n- "
        "Setelah pulang, tidur di kamar yang gelap dan tenang.",
    ),
    (
        "pemilik warung kopi kecil",
        "Tuliskan unggahan media sosial yang singkat untuk mengumumkan jam buka baru.",
        "Selasa–Minggu, 07.00–15.00; Senin tutup",
        "Kabar gembira! ☕ Mulai minggu depan, kami buka Selasa sampai Minggu pukul 07.00–15.00. Setiap Senin kami libur "
        "untuk meracik menu baru. Sampai jumpa di warung!",
    ),
    (
        "mahasiswa yang baru pertama kali merantau",
        "Bagaimana cara mengatur uang bulanan?",
        "Uang bulanan Rp2.000.000",
        "Coba bagi seperti ini (bisa disesuaikan):\n- Kos dan listrik: sesuai tagihan, bayar di awal bulan.\n- Makan: "
        "hitung per hari, misalnya Rp35.000 × 30 hari = Rp1.050.000.\n- Transportasi dan pulsa: sekitar Rp200.000.\n- "
        "Tabungan atau dana darurat: sisihkan minimal Rp100.000 di awal.\nCatat pengeluaran setiap hari agar tidak "
        "kebablasan.",
    ),
]

CONV["tr"] = [
    ["Fransa'nın başkenti neresidir?", "Fransa'nın başkenti Paris'tir."],
    [
        "Türkiye'nin başkenti İstanbul mu?",
        "Hayır, Türkiye'nin başkenti Ankara'dır. İstanbul ise ülkenin en kalabalık şehridir.",
        "Ankara ne zamandan beri başkent?",
        "13 Ekim 1923'ten beri. Cumhuriyet de birkaç gün sonra, 29 Ekim 1923'te ilan edildi.",
    ],
    [
        "Merhaba! Akşam için kolay bir yemek önerir misin?",
        "Merhaba! Menemen hem kolay hem lezzetli:\n1. Bir yemek kaşığı tereyağında doğranmış iki sivri biberi "
        "kavurun.\n2. İki rendelenmiş domatesi ekleyip suyunu biraz çekene kadar pişirin.\n3. Üç yumurtayı kırın, tuz "
        "ve pul biber ekleyip hafifçe karıştırın.\n4. Yumurtalar pişince sıcak servis edin.",
        "Soğan koymalı mıyım?",
        "Bu tam bir tartışma konusu! İki türlüsü de yapılır; soğan biraz tatlılık katar. Hangisini seviyorsanız öyle "
        "yapın.",
    ],
    [
        "Deprem anında ne yapmalıyım?",
        '"Çök, kapan, tutun" hareketini yapın: yere çökün, sağlam bir masanın altına girip başınızı koruyun ve sarsıntı '
        "bitene kadar tutunun. Pencerelerden ve devrilebilecek eşyalardan uzak durun.",
        "Deprem çantasında neler olmalı?",
        "Su, uzun süre bozulmayan yiyecekler, el feneri ve yedek pil, düdük, ilk yardım malzemeleri, gerekli ilaçlar, "
        "önemli belgelerin fotokopileri, biraz nakit para, powerbank ve mevsime uygun kıyafet.",
    ],
]
INST["tr"] = [
    ("İtalya'nın başkenti neresidir?", "", "İtalya'nın başkenti Roma'dır."),
    (
        "Aşağıdaki cümleyi İngilizceye çevir.",
        "Yarın sabah erkenden yola çıkacağız.",
        "We will set off early tomorrow morning.",
    ),
]
UC["tr"] = [
    (
        "gece nöbetine hazırlanan bir hemşire",
        "12 saatlik gece nöbetinde dinç kalmak için pratik öneriler ver.",
        "",
        "- Nöbetten önce öğleden sonra 60–90 dakika uyuyun.\n- Tek seferde ağır yemek yerine birkaç kez hafif yiyin.\n- "
        "Gece boyunca su için.\n- Kahveyi nöbetin başında için, son saatlerde kaçının.\n- Nöbetten sonra karanlık ve sessiz "
        "bir odada uyuyun.",
    ),
    (
        "küçük bir fırının sahibi",
        "Yeni çalışma saatlerimizi duyuran kısa bir sosyal medya paylaşımı yaz.",
        "Salı–Pazar 07.00–15.00, Pazartesi kapalı",
        "Müjde! 🥖 Önümüzdeki haftadan itibaren Salı'dan Pazar'a kadar 07.00–15.00 saatleri arasında açığız. Sıcacık "
        "ekmeğinizi artık daha erken alabilirsiniz. Pazartesi günleri yeni tarifler için dinleniyoruz. Görüşmek üzere!",
    ),
    (
        "üniversiteye yeni başlayan bir öğrenci",
        "Derslerle sosyal hayatı nasıl dengeleyebilirim?",
        "",
        "- Haftalık bir program yapın: ders saatlerini, çalışma bloklarını ve boş zamanı işaretleyin.\n- Her dersin "
        "notlarını aynı hafta içinde tekrar edin; sınav haftasına yığmayın.\n- Bir ya da iki kulübe katılın, yeni "
        "arkadaşlar edinmenin kolay yolu.\n- Uykunuzu feda etmeyin; düzenli uyku hem not hem moral için önemli.",
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------------------------------
COUNTS_START = "<!-- counts:start -->"
COUNTS_END = "<!-- counts:end -->"


def _turns(texts: list[str]) -> list[dict[str, str]]:
    """Turn alternating human/assistant texts into phoenix-sft-data-v1 turns."""
    return [{"from": "human" if i % 2 == 0 else "gpt", "value": text} for i, text in enumerate(texts)]


def build_rows() -> dict[str, dict[str, list[dict]]]:
    """Return ``{file_stem: {lang: [row, ...]}}`` for the three sample files, ids numbered per language."""
    files: dict[str, dict[str, list[dict]]] = {"conversations": {}, "instructions": {}, "user_centered": {}}
    for lang in LANGS:
        gen_convs, gen_insts = generated_rows(lang)
        files["conversations"][lang] = [
            {"id": f"conv-{lang}-{i:03d}", "lang": lang, "conversations": _turns(texts)}
            for i, texts in enumerate(CONV[lang] + gen_convs, start=1)
        ]
        files["instructions"][lang] = [
            {"id": f"inst-{lang}-{i:03d}", "lang": lang, "instruction": ins, "input": inp, "output": out}
            for i, (ins, inp, out) in enumerate(INST[lang] + gen_insts, start=1)
        ]
        files["user_centered"][lang] = [
            {"id": f"uc-{lang}-{i:03d}", "lang": lang, "role": role, "instruction": ins, "input": inp, "output": out}
            for i, (role, ins, inp, out) in enumerate(UC[lang], start=1)
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
    for lang in LANGS:
        convs = files["conversations"][lang]
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


def main(argv: list[str] | None = None) -> int:
    """Write the three JSONL files and refresh the count table of the dataset card."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "data",
        help="folder for conversations.jsonl, instructions.jsonl, user_centered.jsonl and README.md (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)

    files = build_rows()
    for stem, rows_by_lang in files.items():
        path = args.out_dir / f"{stem}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as f:
            for row in interleave(rows_by_lang):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {path} ({sum(len(r) for r in rows_by_lang.values())} rows)")

    card = args.out_dir / "README.md"
    if card.exists():
        text = card.read_text(encoding="utf-8")
        head, sep1, rest = text.partition(COUNTS_START)
        _, sep2, tail = rest.partition(COUNTS_END)
        if sep1 and sep2:
            card.write_text(f"{head}{COUNTS_START}\n{counts_table(files)}\n{COUNTS_END}{tail}", encoding="utf-8")
            print(f"updated the count table in {card}")
        else:
            print(f"{card} has no {COUNTS_START} ... {COUNTS_END} block; count table not updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

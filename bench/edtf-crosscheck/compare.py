#!/usr/bin/env python3
"""Compares Griot's strict bounds with Python edtf's lower_strict()/upper_strict().

Usage: compare.py STRINGS.tsv GRIOT.txt
STRINGS.tsv: "string<TAB>feature" lines (generate.py). GRIOT.txt: "string lower upper" lines
written by the EDTFCrossCheck Swift test, each bound an ISO day (-0500-01-01, +170000002-12-31)
or "open", "unknown", "error".

Python edtf returns float infinities for open ends and, for an unknown end, the other end's
day moved by ten years (its DELTA_IF_UNKNOWN setting); Griot gives no bound for either. Open
ends therefore compare as "open"; unknown ends are reported as a known divergence of convention.
"""
import math
import sys
from collections import Counter, defaultdict

from edtf import parse_edtf


def python_side(value):
    if isinstance(value, float):
        return "open" if math.isinf(value) else repr(value)
    return (value.tm_year, value.tm_mon, value.tm_mday)


def griot_side(text):
    if text in ("open", "unknown", "error"):
        return text
    sign = -1 if text.startswith("-") else 1
    year, month, day = text.lstrip("+-").split("-")
    return (sign * int(year), int(month), int(day))


def show(side):
    if isinstance(side, tuple):
        return f"{side[0]:05d}-{side[1]:02d}-{side[2]:02d}" if side[0] < 0 else f"{side[0]:04d}-{side[1]:02d}-{side[2]:02d}"
    return side


def main():
    strings_path, griot_path = sys.argv[1:3]
    features = {}
    order = []
    for line in open(strings_path, encoding="utf-8"):
        text, name = line.rstrip("\n").split("\t")
        features[text] = name
        order.append(text)
    griot = {}
    for line in open(griot_path, encoding="utf-8"):
        text, lower, upper = line.rstrip("\n").rsplit(" ", 2)
        griot[text] = (griot_side(lower), griot_side(upper))

    totals, agreed = Counter(), Counter()
    outcomes = defaultdict(list)  # (feature, outcome) -> examples
    for text in order:
        name = features[text]
        totals[name] += 1
        mine = griot.get(text, ("missing", "missing"))
        try:
            parsed = parse_edtf(text)
            theirs = (python_side(parsed.lower_strict()), python_side(parsed.upper_strict()))
        except Exception as error:  # noqa: BLE001 - any refusal is an outcome to report
            outcomes[(name, "Python edtf refuses the string")].append(f"{text}: {type(error).__name__}")
            continue
        if "error" in mine or "missing" in mine:
            outcomes[(name, "Griot refuses the string")].append(text)
            continue
        differing = [
            side for side, (a, b) in zip(("lower", "upper"), zip(mine, theirs)) if a != b
        ]
        if not differing:
            agreed[name] += 1
            continue
        if all(mine[("lower", "upper").index(side)] == "unknown" for side in differing):
            outcome = "unknown end: Griot gives no bound, Python edtf the other end +/- 10 years"
        else:
            outcome = "bounds differ (" + " and ".join(differing) + ")"
        detail = f"{text}: Griot {show(mine[0])} .. {show(mine[1])}, Python {show(theirs[0])} .. {show(theirs[1])}"
        outcomes[(name, outcome)].append(detail)

    total = sum(totals.values())
    agree = sum(agreed.values())
    unknown = sum(len(v) for (f, o), v in outcomes.items() if o.startswith("unknown end"))
    print(f"strings compared: {total}")
    print(f"agreement: {agree}/{total} = {100 * agree / total:.2f}%")
    print(
        f"agreement leaving out unknown interval ends ({unknown}, a difference of convention): "
        f"{agree}/{total - unknown} = {100 * agree / max(1, total - unknown):.2f}%"
    )
    print()
    print(f"{'feature':34} {'agree':>7} {'total':>7}")
    for name in sorted(totals):
        print(f"{name:34} {agreed[name]:7} {totals[name]:7}")
    if outcomes:
        print()
        print("disagreements by feature:")
        for (name, outcome), examples in sorted(outcomes.items()):
            print(f"- {name}: {outcome}: {len(examples)}")
            for example in examples[:4]:
                print(f"    {example}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Random valid EDTF strings across every feature Griot reads, one "string<TAB>feature" per line.

Usage: generate.py [--count N] [--seed S]. Every string is valid for Griot (real days, intervals
that do not end before they start); the feature names group the comparison in compare.py.
"""
import argparse
import calendar
import random


def year4(rng, low=1, high=2100):
    return rng.randint(low, high)


def fmt_year(y):
    return ("-" if y < 0 else "") + f"{abs(y):04d}"


def days_in_month(y, m):
    """Proleptic Gregorian, astronomical years (calendar.isleap holds for 0 and negatives)."""
    return 29 if m == 2 and calendar.isleap(y) else [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def real_day(rng, y, m):
    return rng.randint(1, days_in_month(y, m))


def level0(rng, precision, low=1, high=2100):
    y = rng.randint(low, high)
    text = fmt_year(y)
    if precision >= 1:
        m = rng.randint(1, 12)
        text += f"-{m:02d}"
        if precision >= 2:
            text += f"-{real_day(rng, y, m):02d}"
    return text, y


def lower_key(text):
    """(year, month, day) of a generated date's first day, to order interval ends."""
    body = text.rstrip("?~%")
    negative = body.startswith("-")
    parts = (body[1:] if negative else body).split("-")
    year = int(parts[0].replace("X", "0"))
    if negative:
        year = -year
        if "X" in parts[0]:
            year -= 10 ** parts[0].count("X") - 1
    month, day = 1, 1
    if len(parts) > 1 and parts[1] != "XX":
        code = int(parts[1])
        month = code if code <= 12 else {21: 3, 22: 6, 23: 9, 24: 12}[code]
    if len(parts) > 2 and parts[2] != "XX":
        day = int(parts[2])
    return (year, month, day)


def qualify(rng, text):
    return text + rng.choice("?~%")


FEATURES = {}


def feature(name):
    def register(function):
        FEATURES[name] = function
        return function
    return register


@feature("L0 year")
def _(rng):
    return level0(rng, 0)[0]


@feature("L0 month")
def _(rng):
    return level0(rng, 1)[0]


@feature("L0 day")
def _(rng):
    return level0(rng, 2)[0]


@feature("L0 leap day")
def _(rng):
    y = rng.choice([1600, 2000, 2400, 1996, 2004, 1904, 4, 400, 0, -4, -400, -1996])
    return f"{fmt_year(y)}-02-29"


@feature("L0 interval")
def _(rng):
    a, _ = level0(rng, rng.randint(0, 2))
    b, _ = level0(rng, rng.randint(0, 2))
    a, b = sorted([a, b], key=lower_key)
    return f"{a}/{b}"


@feature("L1 qualified")
def _(rng):
    return qualify(rng, level0(rng, rng.randint(0, 2))[0])


@feature("L1 unspecified year")
def _(rng):
    y = rng.randint(100, 2099)
    n = rng.randint(1, 2)
    return f"{y:04d}"[: 4 - n] + "X" * n


@feature("L1 unspecified month/day")
def _(rng):
    y = rng.randint(1, 2100)
    m = rng.randint(1, 12)
    return rng.choice([f"{y:04d}-XX", f"{y:04d}-{m:02d}-XX", f"{y:04d}-XX-XX"])


@feature("L1 unspecified, qualified")
def _(rng):
    y = rng.randint(100, 2099)
    return qualify(rng, rng.choice([f"{y:04d}"[:3] + "X", f"{y:04d}"[:2] + "XX", f"{y:04d}-XX"]))


@feature("L1 season")
def _(rng):
    return f"{year4(rng):04d}-{rng.randint(21, 24)}"


@feature("L1 negative year")
def _(rng):
    text, _ = level0(rng, rng.randint(0, 2), low=-3000, high=0)
    return text


@feature("L1 negative year, unspecified")
def _(rng):
    y = rng.randint(100, 2999)
    m = rng.randint(1, 12)
    return rng.choice([f"-{y:04d}"[:4] + "X", f"-{y:04d}"[:3] + "XX", f"-{y:04d}-XX", f"-{y:04d}-{m:02d}-XX"])


@feature("L1 Y year")
def _(rng):
    return "Y" + rng.choice(["", "-"]) + str(rng.randint(10_000, 999_999_999))


@feature("L1 open interval")
def _(rng):
    text, _ = level0(rng, rng.randint(0, 2))
    return rng.choice([f"{text}/..", f"../{text}"])


@feature("L1 unknown interval end")
def _(rng):
    text, _ = level0(rng, rng.randint(0, 2))
    return rng.choice([f"{text}/", f"/{text}"])


@feature("L1 qualified interval")
def _(rng):
    a, _ = level0(rng, rng.randint(0, 2))
    b, _ = level0(rng, rng.randint(0, 2))
    a, b = sorted([a, b], key=lower_key)
    if rng.random() < 0.7:
        a = qualify(rng, a)
    if rng.random() < 0.7:
        b = qualify(rng, b)
    return f"{a}/{b}"


@feature("L1 interval of seasons")
def _(rng):
    y = year4(rng, 1, 2090)
    return f"{y:04d}-{rng.randint(21, 24)}/{y + rng.randint(1, 9):04d}-{rng.randint(21, 24)}"


@feature("L2 unspecified millennium")
def _(rng):
    return f"{rng.randint(0, 2)}XXX"


@feature("L2 sub-year grouping")
def _(rng):
    return f"{year4(rng):04d}-{rng.randint(25, 41)}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=1963)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = sorted(FEATURES)
    seen = set()
    attempt = 0
    while len(seen) < args.count and attempt < args.count * 20:
        name = names[attempt % len(names)]
        attempt += 1
        text = FEATURES[name](rng)
        if text in seen:
            continue
        seen.add(text)
        print(f"{text}\t{name}")


if __name__ == "__main__":
    main()

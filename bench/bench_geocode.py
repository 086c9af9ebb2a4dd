"""Geocoding benchmark: normalised (dictionary) path vs fuzzy path, in one run.

10,000 queries are drawn from the gazetteer's real aliases (only aliases that name
one entry, so "right" is well defined) with realistic noise: dropped breves and
apostrophes, case changes, added or dropped administrative suffixes, and (fuzzy
set only) one-letter slips in names of 6+ letters.

    .venv/bin/python bench/bench_geocode.py [--n 10000] [--seed 3]
"""

# ruff: noqa: RUF001 - place names need their real apostrophes and dashes

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.gazetteer import base_key, key, load_gazetteer

SUFFIXES = {"county": [" County", "-kun", "-gun"], "city": [" City", "-si"],
            "town": ["-ŭp", "-up", "-eup"], "province": [" Province", "-do"]}


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                 if not unicodedata.combining(c)))


def noisy(alias: str, kind: str, rng: random.Random, slip: bool) -> str:
    text = alias
    if rng.random() < 0.5:
        text = strip_marks(text)
    if rng.random() < 0.5:
        text = text.replace("'", "").replace("’", rng.choice(["'", "ʼ", ""]))
    if rng.random() < 0.3:
        text = rng.choice([text.lower(), text.upper(), text.title()])
    if rng.random() < 0.3 and kind in SUFFIXES and text.isascii():
        text += rng.choice(SUFFIXES[kind])
    if slip and len(text) >= 6 and text.isascii():
        i = rng.randrange(1, len(text) - 1)
        op = rng.choice(["drop", "swap", "replace"])
        if op == "drop":
            text = text[:i] + text[i + 1:]
        elif op == "swap":
            text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
        else:
            text = text[:i] + rng.choice("aeiouy") + text[i + 1:]
    return text


def unique_aliases(gaz) -> list[tuple[str, str, str]]:
    """(alias, entry id, kind) for aliases whose base key names exactly one entry."""
    owners: dict[str, set[str]] = {}
    for e in gaz.entries:
        for a in e.aliases:
            owners.setdefault(base_key(a), set()).add(e.id)
            owners.setdefault(key(a), set()).add(e.id)
    return [(a, e.id, e.kind) for e in gaz.entries for a in e.aliases
            if len(owners[base_key(a)]) == 1 and len(owners[key(a)]) == 1 and len(key(a)) >= 4]


def run(label: str, lookup, queries: list[tuple[str, str]]) -> tuple[float, float]:
    right = 0
    start = time.perf_counter()
    for query, expected in queries:
        try:
            matches = lookup(query)
        except LookupError:  # PlaceNotFound: counted as wrong
            matches = []
        right += bool(matches) and matches[0].entry.id == expected
    elapsed = time.perf_counter() - start
    return len(queries) / elapsed, 100.0 * right / len(queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    gaz = load_gazetteer()
    pool = unique_aliases(gaz)
    rng = random.Random(args.seed)
    picks = [rng.choice(pool) for _ in range(args.n)]
    clean = [(noisy(a, kind, rng, slip=False), i) for a, i, kind in picks]
    slipped = [(noisy(a, kind, rng, slip=True), i) for a, i, kind in picks]
    rows = [
        ("normalised (dict)", *run("n", gaz.lookup_normalised, clean)),
        ("fuzzy (rapidfuzz)", *run("f", gaz.lookup_fuzzy, slipped)),
        ("lookup() end to end", *run("l", gaz.lookup, slipped)),
    ]
    print(f"{args.n:,} queries from {len(pool):,} unique aliases of {len(gaz)} entries "
          f"(seed {args.seed})")
    print(f"{'path':<22}{'lookups/s':>12}{'accuracy':>10}")
    for label, rate, accuracy in rows:
        print(f"{label:<22}{rate:>12,.0f}{accuracy:>9.2f}%")


if __name__ == "__main__":
    main()

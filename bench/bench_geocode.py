"""Geocoding benchmark: normalised (dictionary) path vs fuzzy path, in one run.

10,000 queries are drawn from the gazetteer's real aliases (only aliases that name
one entry, so "right" is well defined) with realistic noise: dropped breves and
apostrophes, case changes, added or dropped administrative suffixes, and (fuzzy
set only) one-letter slips in names of 6+ letters.

A slip can turn one place's alias into another's exactly ("Kusong" -> "Kosong", which
is Onsong): no geocoder can know which was meant, so such queries are *ambiguous by
construction*. They are not scored as the fuzzy path's misses; their own line counts
an answer right when it is any place the typed name really names (or the source).

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


def alias_owners(gaz) -> dict[str, set[str]]:
    """Entry ids named by each full and base key of every alias."""
    owners: dict[str, set[str]] = {}
    for e in gaz.entries:
        for a in e.aliases:
            owners.setdefault(base_key(a), set()).add(e.id)
            owners.setdefault(key(a), set()).add(e.id)
    return owners


def named_by(query: str, owners: dict[str, set[str]]) -> set[str]:
    """Entries whose alias the query spells exactly, once normalised."""
    return owners.get(key(query), set()) | owners.get(base_key(query), set())


def unique_aliases(gaz) -> list[tuple[str, str, str]]:
    """(alias, entry id, kind) for aliases whose base key names exactly one entry."""
    owners = alias_owners(gaz)
    return [(a, e.id, e.kind) for e in gaz.entries for a in e.aliases
            if len(owners[base_key(a)]) == 1 and len(owners[key(a)]) == 1 and len(key(a)) >= 4]


def run(lookup, queries: list[tuple[str, set[str]]]) -> tuple[int, float, float]:
    """(queries, lookups/s, % whose best match is one of the accepted ids)."""
    right = 0
    start = time.perf_counter()
    for query, accepted in queries:
        try:
            matches = lookup(query)
        except LookupError:  # PlaceNotFound: counted as wrong
            matches = []
        right += bool(matches) and matches[0].entry.id in accepted
    elapsed = time.perf_counter() - start
    return len(queries), len(queries) / elapsed, 100.0 * right / max(len(queries), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    gaz = load_gazetteer()
    pool = unique_aliases(gaz)
    owners = alias_owners(gaz)
    rng = random.Random(args.seed)
    picks = [rng.choice(pool) for _ in range(args.n)]
    clean = [(noisy(a, kind, rng, slip=False), {i}) for a, i, kind in picks]
    slipped = [(noisy(a, kind, rng, slip=True), i) for a, i, kind in picks]
    fair = [(q, {i}) for q, i in slipped if not named_by(q, owners) - {i}]
    ambiguous = [(q, named_by(q, owners) | {i}) for q, i in slipped
                 if named_by(q, owners) - {i}]
    rows = [
        ("normalised (dict)", *run(gaz.lookup_normalised, clean)),
        ("fuzzy (rapidfuzz)", *run(gaz.lookup_fuzzy, fair)),
        ("lookup() end to end", *run(gaz.lookup, fair)),
        ("ambiguous by construction", *run(gaz.lookup, ambiguous)),
    ]
    print(f"{args.n:,} queries from {len(pool):,} unique aliases of {len(gaz)} entries "
          f"(seed {args.seed})")
    print(f"{'path':<27}{'queries':>8}{'lookups/s':>12}{'accuracy':>10}")
    for label, count, rate, accuracy in rows:
        print(f"{label:<27}{count:>8,}{rate:>12,.0f}{accuracy:>9.2f}%")
    print("(ambiguous: a slip spells another place's alias exactly; right = any place "
          "it names)")

if __name__ == "__main__":
    main()

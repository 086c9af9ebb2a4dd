"""Place-name normalisation and alias generation.

Reports spell one place many ways; matching compares *keys*, not spellings. A key
is the name case-folded, without diacritics (breves), apostrophes, hyphens or spaces.
The *base* key also drops an administrative suffix (-si, -kun, County, 군, …), so
"Hyesan City", "Hyesan-si" and "혜산시" all meet at "hyesan"/"혜산".
"""

# ruff: noqa: RUF001, RUF002, RUF003 - place names need their real apostrophes and dashes

from __future__ import annotations

import re
import unicodedata

# Separate words that name the kind of place, not the place.
LATIN_SUFFIXES = frozenset({
    "si", "shi", "kun", "gun", "up", "eup", "dong", "ri", "ni", "do", "to",
    "county", "city", "province", "town", "river", "village", "district",
    "zhen", "xiang", "xian", "sheng", "jiang", "gu", "guyok",
})
# One trailing Hangul / Chinese character that means the same (군 county, 읍 town, …).
CJK_SUFFIXES = frozenset("군시읍동리도강구镇乡县市省江郡邑")
_LONG_SUFFIXES = tuple(sorted(s for s in LATIN_SUFFIXES if len(s) >= 3))
_FUSED_SUFFIXES = tuple(sorted(s for s in LATIN_SUFFIXES if len(s) >= 2))
_APOSTROPHES = dict.fromkeys(map(ord, "'’ʼ`‘´′"), None)
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,;:/()\[\]\"]+")
_HAS_WORD = re.compile(r"\w")


def _fold(text: str) -> str:
    """Case-fold and drop combining marks, keeping Hangul syllables whole."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # NFC recomposes the Hangul jamo that NFD split apart.
    return unicodedata.normalize("NFC", stripped).translate(_APOSTROPHES)


def tokens(text: str) -> list[str]:
    """The words of a name after folding: ``"Huch'ang-gun"`` -> ``["huchang", "gun"]``."""
    return [t for t in _SEPARATORS.split(_fold(text)) if t]


def key(text: str) -> str:
    """Full key: folded words joined (``"Kimhyŏngjik-kun"`` -> ``"kimhyongjikkun"``)."""
    return "".join(tokens(text))


def base_key(text: str) -> str:
    """Key without one administrative suffix (``"Kimhyŏngjik-kun"`` -> ``"kimhyongjik"``)."""
    return keys(text)[1]


def keys(text: str) -> tuple[str, str]:
    """(full key, base key), folding the text once."""
    words = tokens(text)
    full = "".join(words)
    while len(words) > 1 and words[-1] in LATIN_SUFFIXES:
        words.pop()
    joined = "".join(words)
    if len(joined) >= 3 and joined[-1] in CJK_SUFFIXES and not joined[-2].isascii():
        joined = joined[:-1]
    return full, joined


def loose_base_key(text: str) -> str:
    """Base key that also drops a misspelt suffix word ("Hyesan Ciyt" -> "hyesan").

    A last word of three or more letters one slip (OSA edit: drop, insert, replace or
    swap of neighbours) from a suffix counts as that suffix: "eyp", "epu" -> "eup".
    """
    from rapidfuzz.distance import OSA

    words = tokens(text)
    if len(words) > 1 and len(words[-1]) >= 3 and any(
            OSA.distance(words[-1], s, score_cutoff=1) <= 1 for s in _LONG_SUFFIXES):
        words.pop()
    return keys(" ".join(words))[1]


def suffix_guesses(text: str) -> set[str]:
    """Keys left once a suffix that is *guessed* at is dropped: a misspelt last word
    (``loose_base_key``) or a suffix run into the name ("Hyesansi", "Gishuaup" ->
    "hyesan", "gishua"). Guesses, so the fuzzy search ranks them below plain keys."""
    full, base = keys(text)
    guesses = {loose_base_key(text)}
    for k in (full, base):
        guesses.update(k[:-len(s)] for s in _FUSED_SUFFIXES
                       if k.endswith(s) and len(k) - len(s) >= 3)
    return guesses - {full, base}


# Spellings that romanisations swap for one another (McCune–Reischauer vs Revised,
# Wade–Giles vs pinyin, and ŏ/ŭ written out): folded together, a slip between them is
# a likelier reading of a query than another slip of the same size.
_SOUND_PAIRS = (("eo", "o"), ("eu", "u"), ("sh", "s"), ("ch", "j"), ("g", "k"), ("b", "p"),
                ("d", "t"), ("l", "r"))


def sound_key(k: str) -> str:
    """A key with romanisation variants folded: ``"gyeongseong"`` -> ``"kyonksonk"``."""
    for variant, common in _SOUND_PAIRS:
        k = k.replace(variant, common)
    return k


def is_meaningful(text: str) -> bool:
    """True when a query has at least one letter or digit to match on."""
    return bool(_HAS_WORD.search(text or "")) and bool(key(text))


# McCune–Reischauer -> Revised Romanization. Aspirated consonants become placeholders
# first so that the plain ones can then be voiced (ch -> j, initial k/t/p -> g/d/b).
_ASPIRATED = {"ch": "\x01", "k": "\x02", "t": "\x03", "p": "\x04"}
_RR_INITIAL = {"k": "g", "t": "d", "p": "b"}


def mr_to_rr(name: str) -> str:
    """Approximate Revised Romanization of a McCune–Reischauer name.

    ``Kimhyŏngjik-kun`` -> ``gimhyeongjik-gun``, ``Poch'ŏn`` -> ``bocheon``. Only the
    regular rules; enough to meet the RR spellings found in the news.
    """
    text = unicodedata.normalize("NFC", name.lower()).translate(
        {ord(c): "'" for c in "’ʼ`‘"})
    for plain, mark in _ASPIRATED.items():
        text = text.replace(plain + "'", mark)
    text = text.replace("ŏ", "eo").replace("ŭ", "eu").replace("ch", "j").replace("shi", "si")
    words = re.split(r"([\s\-]+)", text)
    text = "".join(_RR_INITIAL.get(w[:1], w[:1]) + w[1:] for w in words)
    for plain, mark in _ASPIRATED.items():
        text = text.replace(mark, plain)
    text = re.sub(r"-kun\b", "-gun", text)
    return re.sub(r"-up\b", "-eup", text)


def generate_aliases(name: str, aliases: list[str], country: str) -> list[str]:
    """Name, given aliases and generated spellings (Revised Romanization for Korea)."""
    result = [name, *aliases]
    if country == "KP":
        result += [mr_to_rr(a) for a in result if _fold(a).isascii()]
    return list(dict.fromkeys(result))

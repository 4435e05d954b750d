"""Wards, units and roles said by their initials ("four hours in paeds ED", "up to ITU", "the CO's wife"), kept.

Health, care and forces speech names places and people's jobs by their initials, and none of these names anyone:
every hospital has an ED and every battalion a CO. The model reads many of them as organisations, cities or
people ("ED" is also "Ed", "MD" a state), and a transcript of an emergency department says them on every page.
The shipped list (``data/care_initials.txt``, whose header names its sources) is matched **exactly as written,
in capitals**, and only in a turn that is not written in capitals throughout: "Ed said" and a caption's "i saw
ed" are left to the person layers and the review, since a lower-cased "ed" may be a person. The spans are
public phrases: the allow-list drops any other layer's proposal over them, and a registered name still wins.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_LOWER = re.compile(r"[a-z]")


@cache
def care_initials() -> frozenset[str]:
    """The listed initials, as written (case kept: "SpR" is listed as said)."""
    text = resources.files("cmo_coder.data").joinpath("care_initials.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def _pattern() -> re.Pattern[str]:
    """One scan for every listed form and its plural, bounded so that a longer word or code holding the letters
    ("EDGE", "ED2", "CO-OP", "A&E") is not read."""
    forms = sorted(care_initials(), key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w&/.-])(?:{alternatives})s?(?![\w&/-]|\.\w)")


def care_initials_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of listed initials written in capitals in ``text``, unless the whole text is in capitals
    (a transcript typed in capitals says nothing by its case)."""
    if not _LOWER.search(text):
        return []
    return [m.span() for m in _pattern().finditer(text)]

"""A registered name joined by a hyphen into a listed public name: "Al" of a participant inside "Al-Anon".

The register stretches a registered name over the hyphen-joined word it sits in, since a second given name or a
double surname is still the person ("Anne-Marie" of a registered Anne). But the shipped allow-list holds words of
the same shape that name public things: the fellowships Al-Anon, Nar-Anon and Gam-Anon, a singer (Jay-Z), a shop
(Co-op). A study with a participant called Al lost "Al-Anon" as "[name removed]" in every transcript that named the
fellowship.

A registered name is never judged "just a word" silently, so such an occurrence is not kept here: it becomes an
item of its own for the reviewer, with the reading that the whole word is the listed public name, which
``review --keep-word-readings`` keeps and ``--accept-all`` removes as before. Only a candidate the register
stretched over the hyphen counts (the registered form itself is never put back to review), and only where the
whole joined word, as said, is a one-word entry of the shipped list ("Al-Hassan" is no entry: it stays the
person's).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..candidates import Candidate
from .allowlist import default_allowlist

_DASHES = re.compile(r"[‐‑–]")
REASON = "registered name inside a listed public name joined by a hyphen, perhaps that name here"


def _folded(word: str) -> str:
    return _DASHES.sub("-", word).lower()


@cache
def joined_public_words() -> frozenset[str]:
    """The shipped list's entries that are one hyphen-joined word ("al-anon", "jay-z"), lower-cased."""
    return frozenset(_folded(p) for p in default_allowlist() if " " not in p.strip() and "-" in p.strip("-"))


def put_to_review(text: str, before: list[Candidate], after: list[Candidate]) -> list[Candidate]:
    """``after`` (the register's candidates widened over their joined words, in the order of ``before``) with each
    person's candidate that the widening made into a listed joined public word turned into an open item whose
    word reading names that word; the rest unchanged."""
    out = []
    for was, c in zip(before, after, strict=True):
        word = text[c.start:c.end]
        if ((was.start, was.end) != (c.start, c.end) and c.category == "person" and not c.per_occurrence
                and _folded(word) in joined_public_words()):
            c = replace(c, score=0.5, reason=REASON, per_occurrence=True,
                        word_reading=f"part of the listed public name '{word}'")
        out.append(c)
    return out

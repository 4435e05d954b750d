"""A registered person's name inside a listed public name that holds a person's name: "Martha" of a participant in
"Martha's Rule", "Sue" in "the Sue Ryder hospice", "Francis" in "the Francis report", "Nuffield" in "the Nuffield
Trust".

Many public names of health services are eponyms: bodies, laws, schemes, reviews and conditions named after a
person. The register used to yield silently to such a name wherever it stood whole ("a registered form inside a
listed body's name is the body's word there", :mod:`.public_named_bodies`), so a participant called Martha was kept
in "Martha's Rule" with no one asked, and in "Martha's rule at home was no phones", where the listed words are said
of the participant herself, too. A registered name is never judged "not the person" silently: such an occurrence is
now an item of its own for the reviewer, with the reading that it is part of the listed name, which
``review --keep-word-readings`` keeps and ``--accept-all`` removes, as :mod:`.register_joined` does for "Al-Anon".

Only the several-word names of listed bodies, laws, reports and the shipped allow-list count here (an eponym holds a
person's name and something more); a public figure's own full name ("Carol Black" of a registered Mark Black) stays
the figure's, as before. In cased text a listed name written against its own capitals ("Martha's rule at home" for
the listed "Martha's Rule") is not that name: the registered person there is removed as anywhere else, with no
reading offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .public_figures import figure_spans, names_this_figure
from .public_named_bodies import listed_body_names, listed_body_spans

REASON = "registered name inside a listed public name that holds a person's name, perhaps that name here"
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _words(said: str) -> tuple[str, ...]:
    return tuple(w.replace("’", "'") for w in _WORDS.findall(said))


def _key(said: str) -> tuple[str, ...]:
    """The words of a name as any casing and apostrophe write them: "Martha's Rule", "marthas rule"."""
    return tuple(w.lower().replace("'", "") for w in _words(said))


@cache
def _entries() -> dict[tuple[str, ...], str]:
    """Each listed several-word name by its lower-cased words → the name as its list writes it (the first in the
    lists' order where two differ only in case)."""
    out: dict[tuple[str, ...], str] = {}
    for name in listed_body_names():
        out.setdefault(_key(name), name)
    return out


def against_its_capitals(said: str) -> bool:
    """Whether ``said`` (cased text) writes in lower case a word its listed entry capitalises after a possessive
    name: "Martha's rule" for the listed "Martha's Rule". Only a name and "'s" begins such an entry (a law, a
    rule, a fund): a body's descriptive words are written either way ("Marie Curie nurses" for the listed "Marie
    Curie Nurses"), and the first word is a sentence's start as often as a name. A name the lists do not hold in
    that form is not judged."""
    words = _words(said)
    entry = _entries().get(_key(said))
    if entry is None or not re.search(r"^[^\W\d_]+['’]s\b", entry):
        return False
    return any(e[:1].isupper() and w[:1].islower() for e, w in zip(_words(entry)[1:], words[1:], strict=True))


def eponym_around(text: str, start: int, end: int, variants: Iterable[str]) -> str | None:
    """The listed body's, law's or report's name said around the registered form ``text[start:end]`` (as said), or
    None: where the form is the whole name, where the registered person bears that whole name, or where the form is
    only inside a listed public figure's full name."""
    forms = list(variants)
    figures = figure_spans(text)
    for a, b in listed_body_spans(text):
        if not (a <= start and end <= b) or (a, b) == (start, end) or names_this_figure(forms, text, a, b):
            continue
        if any(x <= start and end <= y for x, y in figures):
            continue  # "Dame Carol Black": inside the figure's own name, which the figures decide
        return text[a:b]
    return None


def reading_of(listed: str) -> str:
    """The reading the reviewer sees, and that ``review --keep-word-readings`` keeps: the listed name as its list
    writes it ("Martha's Rule" for a caption's "marthas rule")."""
    entry = _entries().get(_key(listed), listed)
    return f"part of the listed public name '{entry}'"

"""A registered name misheard, then said again right: "me and my brother key ran sorry ciaran".

Speech recognition writes a name it does not know as everyday words ("key ran" for Ciaran, "strewn" for
Struan, "pure tech" for Piotr); speakers often say it again, and the second time it comes out right after a
word of self-correction ("sorry", "I mean", "something", "no"). The register then removes the right spelling
and the mishearing is left beside it, a name said plainly enough that a reader who knows the family hears
it. So between a word that opens a slot for a person (a relation or a role: "my brother", "his boss", "her
worker") and the correction, one to three words whose consonants are the registered name's, but for one
(:func:`skeleton`), are that person's name, with its placeholder; "my brother came round, sorry, Ciaran" keeps
"came round".
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.words import KINSHIP

SLOT_WORDS = KINSHIP | frozenset({
    "boss", "manager", "worker", "keyworker", "pal", "mate", "friend", "doctor", "gp", "nurse", "consultant",
    "psychiatrist", "counsellor", "officer", "leader", "partner", "man", "wife", "husband", "bf", "gf", "boyfriend",
    "girlfriend", "lad", "lassie", "wean", "bairn", "wee", "called", "named", "cousin", "neighbour", "landlord",
    "teacher", "social", "support", "pastor", "priest"})
"""Words after which a person's name is said (a relation or a role), kin terms from the shared list and the rest
written for the project."""

_SLOT_ALT = "|".join(sorted((re.escape(w) for w in SLOT_WORDS), key=lambda w: (-len(w), w)))
_MISHEARD = re.compile(
    r"(?i)\b(?:" + _SLOT_ALT + r")\s+((?:[^\W\d_][\w'’]*\s+){0,2}[^\W\d_][\w'’]*)"
    r"[\s,.]*(?:sorry|i mean|no|naw|something|or|eh|like)[\s,.]*(?:i mean[\s,.]*)?$")
"""A slot for a person, one to three words, then a word of self-correction right before a name (written for
the project)."""
_SAME = str.maketrans({"c": "k", "q": "k", "z": "s", "x": "s", "v": "w", "j": "g"})


def skeleton(words: str) -> str:
    """The consonants a name is heard by, roughly: "key ran" and "Ciaran" are both krn, "strewn" and "Struan"
    strn; vowels, h, w and y and doubled letters dropped, letters that sound alike made one."""
    low = re.sub(r"[^a-z]", "", words.lower()).replace("ch", "k").replace("ph", "f").translate(_SAME)
    kept = re.sub(r"[aeiouhwy]", "", low)
    return re.sub(r"(.)\1+", r"\1", kept)


def _near(a: str, b: str) -> bool:
    """At most one letter added, dropped or changed between two skeletons, and their first letters the same."""
    if not a or not b or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_CORRECTING = ("sorry", "i mean", "no", "naw", "something", "or", "eh", "like")
"""The words of :data:`_MISHEARD`'s self-correction, one of which ends every stretch it matches (but for spaces,
commas and full stops; its optional "i mean" after them ends with the "i mean" here)."""


def _may_correct(before: str) -> bool:
    """Whether ``before`` (the words before a registered name) may end as :data:`_MISHEARD` needs: with a word of
    self-correction. The pattern is searched from every position of its window, for every registered person
    found; most are said with no correction before them. Text that is not ASCII is always searched: case-blind
    matching outside ASCII has forms ("ſ" for "s") a lower-cased copy would not show."""
    if not before.isascii():
        return True
    while True:  # spaces (``str.isspace``, as the pattern's ``\s``), commas and full stops off its end
        end = before.rstrip().rstrip(",.")
        if end == before:
            return end.lower().endswith(_CORRECTING)
        before = end


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with the misheard words before each registered person's name said again given that person
    (module doc). A reading of the same words as someone else (a sound-alike of another registered person, or a
    name nobody registered) gives way: the speaker's own correction says who it was."""
    out: list[Candidate] = []
    drop: set[int] = set()
    for c in found:
        if c.layer != "register" or c.category != "person":
            continue
        name = text[c.start:c.end].split()[0]
        lo = max(0, c.start - 80)
        if not _may_correct(text[lo:c.start]):
            continue
        m = _MISHEARD.search(text, lo, c.start)
        if m is None:
            continue
        heard = m.group(1)
        words = heard.split()
        s, e = m.start(1), m.end(1)
        if not _near(skeleton(heard), skeleton(name)) or any(w.lower() in SLOT_WORDS for w in words):
            continue
        if any(x.start == s and x.end == e and x.item_key == c.item_key for x in found + out):
            continue
        drop.update(id(x) for x in found
                    if x.category == "person" and s <= x.start and x.end <= e and x.item_key != c.item_key)
        out.append(Candidate(s, e, "person", "rules", 0.8, "a registered name misheard, then said again",
                             c.item_key, c.placeholder))
    return [x for x in found if id(x) not in drop] + out

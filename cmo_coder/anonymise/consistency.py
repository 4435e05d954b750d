"""Transcript-wide consistency: a word found once as a person's name is that name everywhere.

Speakers name each other dozens of times; the layers catch most mentions, the rest leak
("thank you camilo" is caught, "as camilo mentioned" is not). Layers see one turn at a
time, so this step runs over the whole transcript after them: every name word that some
layer proposed as a person, and that is no everyday word, is proposed again wherever else
it occurs. It adds candidates and never removes one; the allow-list is honoured.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .candidates import Candidate
from .components import NOT_VOCATIVE, is_everyday, name_lexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MIN_LEN = 3


_FILLERS = {"kinda", "gonna", "wanna", "gotta", "sorta", "dunno", "lemme", "gimme", "yep", "yeah", "nope", "okay",
            "hmm", "mmm", "uh", "um", "erm", "mhm", "mm", "ah", "oh", "huh", "yup"}


def name_words(text: str, found: Iterable[Candidate]) -> set[str]:
    """Lower-cased words of person candidates that can only be names (not "season", not "numbers").

    Only words with independent evidence seed: a known given name or surname, or a word a
    rule saw used as a name ("thank you, camilo"). The model alone also calls products and
    companies people ("AFM", "Enagas"), and repeating its mistakes would multiply them.
    """
    known = name_lexicon("all")
    out: set[str] = set()
    for c in found:
        if c.category != "person" or c.layer == "register":
            continue  # the register already matches every variant of its names everywhere
        for m in _WORD.finditer(text[c.start : c.end]):
            word = m.group(0)
            low = word.lower()
            if (len(low) < _MIN_LEN or low in NOT_VOCATIVE or low in _FILLERS or low in STOP_WORDS
                    or not low.isalpha() or word.isupper() or is_everyday(low)):
                continue
            # "uh, Halloween, I'm curious": a word merely set off by commas is too weak to repeat
            if low in known or (c.layer == "rules" and c.reason != "addressed by name"):
                out.add(low)
    return out


def propagate(text: str, segments: list[tuple[int, int]], found: list[Candidate], caseless: bool,
              protected: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates for every other occurrence of a name word inside ``segments`` (the turns the layers read).

    In cased text only capitalised occurrences: "Mark" the name, not "mark" the verb.
    """
    words = name_words(text, found)
    if not words:
        return []
    taken = sorted((c.start, c.end) for c in found)
    out = []
    matches = (m for seg_start, seg_end in segments for m in _WORD.finditer(text, seg_start, seg_end))
    for m in matches:
        word = m.group(0)
        if word.lower() not in words or (not caseless and not word[:1].isupper()):
            continue
        s, e = m.span()
        if any(a <= s and e <= b for a, b in taken) or any(a <= s and e <= b for a, b in protected):
            continue
        assert text[s:e] == word
        out.append(Candidate(s, e, "person", "consistency", 0.65, "named as a person elsewhere in this transcript"))
    return out

"""A registered word-name said in a frame that makes it a public body is the reviewer's to decide, with the frame.

A team registers a mother called Bliss; the same mother, or the midwife, then says "Bliss the charity sent a
leaflet", "the charity Bliss", "Bliss, the premature baby charity". The register wins over every list, so the
occurrence was removed without a word, and the reader lost which charity helped. The register's rule is that a
registered name is never silently judged a word (or a charity); so the words around it cannot keep it either.
What they can do is make the occurrence a decision: the frame names a body ("the charity", "an organisation
called"), so each such occurrence is an undecided review item whose reason says the frame, and the reviewer
keeps the charity or removes the name. ``review --accept-all`` removes it, as it does every open item (a charity
removed costs a reader one word; a person left costs the person), and ``--keep-word-readings`` does not keep it:
no grammar proves a body there, only the reviewer can.

Only a registered name of one word is read so (a full name said as a charity is the person), and only where no
other layer reads a person there but the model: a title, a kin word or a speech verb keep it the person's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidates import Candidate

REASON = "registered name said as a public body"
"""The reason an occurrence in a body's frame carries; the review shows it, with the frame, as its hint."""

_BODY = r"(?:charity|charities|organisation|organization|helpline|support\s+line)"
_AFTER = re.compile(r"(?i)[ \t]*(?:,[ \t]*|[ \t]*[(–—-][ \t]*)?(?:the|a|an)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?" + _BODY
                    + r"(?:['’]s)?(?![\w'’-])(?![ \t]+(?:" + "|".join(
                        ("worker", "workers", "shop", "lady", "man", "woman", "volunteer", "manager", "rep", "nurse",
                         "person", "people", "fundraiser", "staff", "boss", "girl", "lad")) + r")\b)")
_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?:the|a|an)[ \t]+(?:(?!(?:the|a|an)[ \t])[\w'’-]+[ \t]+){0,3}?" + _BODY
                     + r"[ \t]+(?:(?:called|named)[ \t]+)?$")
_PERSON_LAYERS = frozenset({"ner", "caseless"})
"""Layers whose person reading of the framed word is only a guess, overruled by the frame for the decision."""


def frame_of(text: str, start: int, end: int) -> str | None:
    """The words that make ``text[start:end]`` a public body ("Bliss the charity", "the charity Bliss"), or None."""
    m = _AFTER.match(text, end)
    if m:
        return text[start:m.end()]
    b = _BEFORE.search(text[max(0, start - 60):start])
    if b:
        return text[start - (len(text[max(0, start - 60):start]) - b.start()):end]
    return None


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with each one-word registered person in a body's frame made an open item (module doc)."""
    framed: list[Candidate] = []
    for c in found:
        if (c.layer == "register" and c.category == "person" and not c.per_occurrence
                and " " not in text[c.start:c.end].strip() and frame_of(text, c.start, c.end)):
            framed.append(c)
    if not framed:
        return found
    spans = {(c.start, c.end) for c in framed}
    others = [c for c in found if c not in framed and any(c.start < e and s < c.end for s, e in spans)]
    if any(c.layer not in _PERSON_LAYERS and c.category == "person" for c in others):
        keep = {(c.start, c.end) for c in others if c.layer not in _PERSON_LAYERS and c.category == "person"}
        framed = [c for c in framed if not any(c.start < e and s < c.end for s, e in keep)]
        spans = {(c.start, c.end) for c in framed}
    out: list[Candidate] = []
    for c in found:
        if (c.start, c.end) in spans and c.layer == "register" and c.category == "person":
            frame = frame_of(text, c.start, c.end)
            out.append(replace(c, per_occurrence=True, word_reading=None, reason=f"{REASON} ('{frame}')"))
        elif c.layer in _PERSON_LAYERS and c.category == "person" and any(
                s <= c.start and c.end <= e for s, e in spans):
            continue  # the model's person there: a guess the frame overrules; the register's item stays
        else:
            out.append(c)
    return out

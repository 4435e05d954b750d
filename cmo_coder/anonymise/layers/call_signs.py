"""A crew or a unit said by its radio call-sign: a word of the phonetic alphabet and a number.

Ambulance, police and military crews are called by a call-sign ("Delta 2-1 went out to him", "the crew was Echo
42", in captions "echo four two", "delta two one"): with a station and a night it names the two paramedics on
that crew as surely as their names, so it goes like a direct identifier. A phonetic word with one number after it
("golf two times", "india one day") is ordinary speech, so the number must have two digits or more, said as
digits ("2-1", "42", "1 4") or as two or three number words ("four two", "two one", "twenty one"). "November"
is left out (a date: "November 12"), and so is a year ("India 1947"). The phonetic words that are given names
("Charlie", "Mike", "Victor", "Oscar", "Romeo", "Juliet", "India", "Sierra") take a number only when it is said as
single digits ("Charlie 2-1", "mike one four"): "Charlie 12" and "charlie twenty one" are a child and an age.
"""

from __future__ import annotations

import re

from .cue_scan import cued_finditer, first_runs, register_cues

PHONETIC = ("alpha", "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
            "juliett", "kilo", "lima", "mike", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform",
            "victor", "whiskey", "whisky", "x-ray", "xray", "yankee", "zulu")
"""The ICAO phonetic alphabet less "November" (a month before a number is a date)."""

_DIGIT_WORDS = ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_NUMBER = r"(?:" + "|".join(_DIGIT_WORDS) + r")"
_CALL_SIGN = re.compile(
    r"(?i)(?<![\w'’-])(?:" + "|".join(PHONETIC) + r")[ \t]+"
    r"(?:(?!(?:19|20)\d\d(?!\d))\d{1,2}(?:[ \t]?[-/.][ \t]?\d{1,2}|[ \t]\d{1,2}){0,2}"
    r"|" + _WORD_NUMBER + r"(?:[ \t]+" + _WORD_NUMBER + r"){1,2})(?![\w'’-])")
_CALL_SIGN_CUES = register_cues("call_signs", first_runs(PHONETIC))
"""Every match of :data:`_CALL_SIGN` begins with a phonetic word ("x-ray" with "x"; :mod:`.cue_scan`)."""
_DIGITS = re.compile(r"\d")
_GIVEN = frozenset({"charlie", "mike", "victor", "oscar", "romeo", "juliet", "juliett", "india", "sierra"})
_SINGLE = frozenset({"zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_PART = re.compile(r"[A-Za-z]+|\d+")


def _single_digits(number: str) -> bool:
    """Whether ``number`` is said as two or more single digits ("2-1", "1 4", "four two")."""
    parts = _PART.findall(number)
    return len(parts) >= 2 and all(p.lower() in _SINGLE or (p.isdigit() and len(p) == 1) for p in parts)


def call_sign_spans(text: str) -> list[tuple[int, int]]:
    """Spans of call-signs in ``text``: a phonetic word and a number of two digits or more (module doc)."""
    out: list[tuple[int, int]] = []
    for m in cued_finditer(_CALL_SIGN, text, _CALL_SIGN_CUES):
        said = m.group(0)
        word, number = said.split(None, 1)
        if len(_DIGITS.findall(said)) == 1:
            continue  # "golf 2", "hotel 5": one digit is a count or a model, not a call-sign
        if word.lower() in _GIVEN and not _single_digits(number):
            continue
        out.append(m.span())
    return out

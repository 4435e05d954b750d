"""Strings of digits as people say them: "oh seven seven nine double four", "zero one one three, four nine six",
"nine hundred", "seventy-two", "0 7 7 0 0".

Phone, NHS, national insurance and hospital numbers are read out a digit or a pair at a time, with
"oh" for zero, "double"/"triple" for repeats, groups split by pauses (commas in cased text, nothing
in captions) and hyphens or line breaks where a caption wraps. :func:`digit_runs` reads such stretches
back into their digits, keeping where each starts and ends in the text so a rule can test the digits
(length, leading zero, check digit) and remove exactly the words that said them.

A run never crosses a full stop, a question mark or a word that is not a number, so "two tablets four
times" is two runs ("2", "4"), and counts stay short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

UNITS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
         "nine": "9"}
ZEROS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0"}
TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
         "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19"}
TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8",
        "ninety": "9"}
NUMBER_WORDS = frozenset({*UNITS, *ZEROS, *TEENS, *TENS} - {"o"})
_REPEAT = {"double": 2, "triple": 3, "treble": 3}
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
"""A word or a number as written, with an apostrophe's ending ("number's") kept on it."""
_JOIN = re.compile(r"[ \t\r\n,-]*")
"""What may stand between two spoken digits: spaces, a pause written as a comma, a hyphen, a line break."""


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str  # lower case

    @property
    def letter(self) -> bool:
        """A single spelt letter: "j", "k", "d"."""
        return len(self.text) == 1 and self.text.isalpha()


@dataclass(frozen=True)
class Run:
    """Digits said in a row: ``digits`` as read, ``first``/``last`` the indexes of its tokens."""

    start: int
    end: int
    digits: str
    first: int
    last: int
    plus: bool = False  # "plus four four …": an international prefix


def tokens(text: str) -> list[Token]:
    """The words and numbers of ``text``, lower-cased, with their offsets; remembered for the last text asked (the
    identifiers and the dates said digit by digit both read a turn's), each caller given a list of its own."""
    last, toks = _LAST_TOKENS
    if last != text or toks is None:
        toks = [Token(m.start(), m.end(), m.group(0).lower()) for m in TOKEN.finditer(text)]
        _LAST_TOKENS[:] = [text, toks]
    return list(toks)


_LAST_TOKENS: list[Any] = [None, None]
"""The last text :func:`tokens` read and its tokens."""


def joined(text: str, a: Token, b: Token) -> bool:
    """Nothing but spaces, commas, hyphens and line breaks between ``a`` and ``b``."""
    return _JOIN.fullmatch(text, a.end, b.start) is not None


def _value(toks: list[Token], i: int, text: str) -> tuple[str, int] | None:
    """The digits said from token ``i`` on, and how many tokens said them; None where no number starts."""
    word = toks[i].text
    nxt = toks[i + 1] if i + 1 < len(toks) and joined(text, toks[i], toks[i + 1]) else None
    if word.isdecimal():  # not isdigit(): "➎" and "²" are digits that int() refuses
        return word, 1
    if word in _REPEAT and nxt is not None:
        said = _value(toks, i + 1, text)
        if said is not None and len(said[0]) == 1:  # "double four", "triple seven", "double oh"
            return said[0] * _REPEAT[word], 1 + said[1]
        return None
    if word in ZEROS:
        return "0", 1
    if word in UNITS:
        if nxt is not None and nxt.text == "hundred":  # "nine hundred"
            return UNITS[word] + "00", 2
        return UNITS[word], 1
    if word in TEENS:
        return TEENS[word], 1
    if word in TENS:
        if nxt is not None and nxt.text in UNITS:  # "seventy two", "forty-four"
            return TENS[word] + UNITS[nxt.text], 2
        return TENS[word] + "0", 1
    return None


def digit_runs(text: str, toks: list[Token] | None = None) -> list[Run]:
    """Every stretch of ``text`` that says digits, longest first from each start (module doc); ``toks``: its
    :func:`tokens`, where the caller has them.

    Remembered for the last text asked: the identifiers and the dates said digit by digit both read a turn's runs,
    and one caption file is one turn of thousands of words. The runs depend on the text and its tokens alone, so a
    caller's own tokens are compared with those the runs were read from before the runs are given again."""
    toks = tokens(text) if toks is None else toks
    last, kept_toks, runs = _LAST_DIGIT_RUNS
    if last == text and runs is not None and toks == kept_toks:
        return list(runs)
    runs = _digit_runs(text, toks)
    _LAST_DIGIT_RUNS[:] = [text, list(toks), runs]
    return list(runs)


_LAST_DIGIT_RUNS: list[Any] = [None, None, None]
"""The last text :func:`digit_runs` read, its tokens and its runs."""


def _digit_runs(text: str, toks: list[Token]) -> list[Run]:
    """:func:`digit_runs` worked out."""
    runs: list[Run] = []
    i = 0
    while i < len(toks):
        plus = toks[i].text == "plus" and i + 1 < len(toks) and joined(text, toks[i], toks[i + 1])
        j = i + 1 if plus else i
        said = _value(toks, j, text) if j < len(toks) else None
        if said is None or (toks[j].text in {"o", "oh"} and not _continues(toks, j, text)):
            i += 1
            continue
        digits, last = "", j
        while said is not None:
            digits += said[0]
            last = j + said[1] - 1
            j += said[1]
            if j >= len(toks) or not joined(text, toks[last], toks[j]):
                break
            said = _value(toks, j, text)
        runs.append(Run(toks[i].start, toks[last].end, digits, i, last, plus))
        i = last + 1
    return runs


def _continues(toks: list[Token], i: int, text: str) -> bool:
    """ "oh" is zero only when a digit follows it ("oh seven…"), not the exclamation ("oh, right")."""
    return i + 1 < len(toks) and joined(text, toks[i], toks[i + 1]) and _value(toks, i + 1, text) is not None


def nhs_number_valid(digits: str) -> bool:
    """NHS numbers carry a modulus-11 check digit; random 10-digit numbers mostly fail it."""
    if len(digits) != 10 or not digits.isdecimal():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])

"""Letters and digits as people say or type them, read back into one string so identifiers are found by shape.

A postcode, a national insurance number or a number plate is a fixed pattern of letters and digits ("LS9 7TF",
"AB 12 34 56 C", "YK68 XRT"). Speech and captions write its symbols in many ways: as typed ("ls9 7tf"), letter by
letter ("l s nine seven t f"), by letter names ("el ess nine, seven tee eff"), by a spelling alphabet ("Lima
Sierra nine", "L for Lima"), with digits as words ("oh" for zero, "double seven", "fourteen"), split by commas
and caption line breaks. :func:`symbol_runs` reads every stretch of such words into one string of symbols with
the offsets of each word, so a rule tests one shape whatever the words were.

"oh" is both the letter O and zero: it is read as ``°``, which the shapes accept in either place.
Each word also says whether it is *plain*: a word that is English anyway ("see", "why", "are", "you", "me", "a"),
which a sentence says by chance; a shape made only of plain letters needs more proof.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

OH = "°"
"""The symbol for "oh" / "o": the letter O or the digit zero."""

_UNITS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
          "nine": "9", "zero": "0", "nought": "0", "nil": "0"}
_TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
          "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19"}
_TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8",
         "ninety": "9"}
LETTER_NAMES = {
    "ay": "a", "aye": "a", "bee": "b", "cee": "c", "see": "c", "sea": "c", "dee": "d", "ee": "e", "ef": "f", "eff": "f",
    "gee": "g", "jee": "g", "aitch": "h", "haitch": "h", "eye": "i", "jay": "j", "kay": "k", "el": "l", "ell": "l",
    "em": "m", "emm": "m", "en": "n", "enn": "n", "pee": "p", "cue": "q", "queue": "q", "kew": "q", "ar": "r",
    "are": "r", "arr": "r", "es": "s", "ess": "s", "tee": "t", "tea": "t", "you": "u", "yu": "u", "vee": "v", "ex": "x",
    "why": "y", "wye": "y", "zed": "z", "zee": "z",
}
SPELLING_ALPHABET = {
    "alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e", "foxtrot": "f",
    "golf": "g", "hotel": "h", "india": "i", "juliet": "j", "juliett": "j", "kilo": "k", "lima": "l", "mike": "m",
    "november": "n", "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t",
    "uniform": "u", "victor": "v", "whiskey": "w", "whisky": "w", "xray": "x", "x-ray": "x", "yankee": "y",
    "zulu": "z",
}
_PLAIN_LETTER_WORDS = {"see", "sea", "are", "you", "why", "ex", "queue", "cue", "tea", "eye", "aye", "bee", "a",
                       "i", "o", "oh"}
"""Letter names and letters that are words anyway: a sentence says them by chance."""
_PLAIN_PAIRS = {"me", "be", "we", "he", "so", "do", "go", "no", "to", "ha", "la", "yo", "ex", "in", "on", "at",
                "it", "is", "as", "an", "am", "us", "up", "my", "by", "of", "or", "if", "ok", "oh", "ah", "eh",
                "hi", "pa", "ma", "st", "ll", "tv", "uk"}
"""Two letters that are a word or an everyday abbreviation when written joined ("my ex", "tell me")."""
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_HESITATION = r"(?:um+|erm+|er+|uh+|ah+|hmm+|mm+)"
_JOIN = re.compile(r"[ \t\r\n,-]*(?:(?:\.\.\.|…)[ \t\r\n,]*)?(?:(?<=[\s,])" + _HESITATION
                   + r"(?:[ \t\r\n,-]+|(?:\.\.\.|…)[ \t\r\n,]*))*", re.IGNORECASE)
"""What may stand between two symbols of one identifier: spaces, a pause (comma, an ellipsis, a hesitation:
"L S, um, nine"), a hyphen, a line break."""
_HESITATION_WORD = re.compile(_HESITATION)
_DOTTED = re.compile(r"\.[ \t]?")
"""A full stop after a single letter or digit, as a typed identifier may be dotted ("B.D.5 9.Q.R.")."""
_ALNUM = re.compile(r"[a-z0-9]{1,8}")


_COMMON_PAIRS = frozenset({"in", "on", "at", "to", "of", "no", "do", "go", "is", "it", "we", "he", "my", "by",
                           "or", "if", "as", "an", "up", "us", "am", "be", "oh", "ok", "hi", "ah", "eh", "er", "um",
                           "uh", "mm", "hm", "ya", "ye", "a", "i"})
_NUMBERISH = frozenset({"oh", "o", "zero", "nought", "double", *_UNITS, *_TEENS, *_TENS})
_LETTERISH = frozenset({*LETTER_NAMES, *SPELLING_ALPHABET, "ray"})
_MIXED = re.compile(r"[a-zA-Z]\d")


def might_hold(text: str) -> bool:
    """A cheap first look: could ``text`` hold a postcode, a national insurance number or a plate? Every such
    shape holds a letter right before a digit, said or typed ("ls9", "el ess nine", "Bravo Delta three"); most
    turns hold none."""
    if _MIXED.search(text):
        return True
    words = [w for w in _WORD.findall(text.lower()) if not _HESITATION_WORD.fullmatch(w)]
    for i, (a, b) in enumerate(zip(words, words[1:], strict=False)):
        if (b in _NUMBERISH or b.isdigit()) and (a in _LETTERISH or (len(a) <= 2 and a.isalpha()
                                                                        and a not in _COMMON_PAIRS)
                                                 or _spelt_by_word(words, i)):
            return True
    return False


def _spelt_by_word(words: list[str], i: int) -> bool:
    """Word ``i`` ends a letter spelt by a word of its own ("M as in mother", "P for Peter"): any word will do
    when it begins with the letter said before it, so the look must not ask for a spelling alphabet's word."""
    a = words[i]
    for back in (("as", "in"), ("for",)):
        at = i - len(back) - 1
        if at >= 0 and tuple(words[at + 1 : i]) == back and len(words[at]) == 1 and words[at] == a[:1]:
            return True
    return False


@dataclass(frozen=True)
class Piece:
    """One word (or "X for x-ray") read as symbols."""

    start: int
    end: int
    symbols: str
    plain: bool
    digit_word: bool = False  # a number said in words


def _read(words: list[tuple[int, int, str]], i: int) -> tuple[Piece | None, int]:
    """The symbols said by words ``i``…; returns the piece and the number of words it took."""
    s, e, w = words[i]
    nxt = words[i + 1][2] if i + 1 < len(words) else ""
    if len(w) == 1 and w.isalpha() and nxt == "for" and i + 2 < len(words) and words[i + 2][2][:1] == w:
        took = 3 + (words[i + 2][2] == "x" and i + 3 < len(words) and words[i + 3][2] == "ray")
        return Piece(s, words[i + took - 1][1], w, False), took  # "B for bravo", "X for x-ray"
    if (len(w) == 1 and w.isalpha() and nxt == "as" and i + 3 < len(words) and words[i + 2][2] == "in"
            and words[i + 3][2][:1] == w):
        return Piece(s, words[i + 3][1], w, False), 4  # "B as in bravo", "S as in sugar"
    if w == "x" and nxt == "ray":
        return Piece(s, words[i + 1][1], "x", False), 2
    if w in {"double", "triple", "treble"} and nxt:
        inner, took = _read(words, i + 1)
        if inner is not None and len(inner.symbols) == 1:
            times = 2 if w == "double" else 3
            return Piece(s, inner.end, inner.symbols * times, inner.plain and inner.symbols.isalpha(),
                         inner.digit_word), 1 + took
        if nxt in {"you", "u"}:
            return Piece(s, words[i + 1][1], "w", False), 2  # "double-u"
        return None, 1
    if w in _TENS:
        if nxt in _UNITS and nxt not in {"zero", "nought", "nil"}:
            return Piece(s, words[i + 1][1], _TENS[w] + _UNITS[nxt], True, True), 2
        return Piece(s, e, _TENS[w] + "0", True, True), 1
    if w in _UNITS:
        return Piece(s, e, _UNITS[w], True, True), 1
    if w in _TEENS:
        return Piece(s, e, _TEENS[w], True, True), 1
    if w in {"oh", "o"}:
        return Piece(s, e, OH, True, True), 1
    if w == "ex" and nxt and (nxt in _UNITS or nxt in _TEENS or nxt in _TENS or nxt.isdigit()):
        return Piece(s, e, "ex", True), 1  # "ex four": the Exeter area, not the letter X
    if w in SPELLING_ALPHABET:
        return Piece(s, e, SPELLING_ALPHABET[w], False), 1
    if w in LETTER_NAMES:
        return Piece(s, e, LETTER_NAMES[w], w in _PLAIN_LETTER_WORDS), 1
    if _ALNUM.fullmatch(w) and (any(c.isdigit() for c in w) or len(w) <= 2):
        plain = (len(w) <= 2 and w.isalpha() and (w in _PLAIN_LETTER_WORDS or w in _PLAIN_PAIRS))
        return Piece(s, e, w, plain), 1
    return None, 1


def symbol_runs(text: str) -> list[list[Piece]]:
    """Every stretch of ``text`` said or typed as letters and digits, word by word (module doc).

    Remembered for the last text asked: the postcodes' and the identifiers' shapes both read a turn's runs in turn,
    and one caption file is one turn of thousands of words. Each caller gets lists of its own."""
    last, runs = _LAST_SYMBOL_RUNS
    if last != text or runs is None:
        runs = _symbol_runs(text)
        _LAST_SYMBOL_RUNS[:] = [text, runs]
    return [list(run) for run in runs]


_LAST_SYMBOL_RUNS: list[Any] = [None, None]
"""The last text :func:`symbol_runs` read and its runs."""


def _symbol_runs(text: str) -> list[list[Piece]]:
    """:func:`symbol_runs` worked out."""
    words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
    runs: list[list[Piece]] = []
    run: list[Piece] = []
    i = 0
    while i < len(words):
        if run and _HESITATION_WORD.fullmatch(words[i][2]):
            i += 1  # "L S, um, nine": the pause is part of the join (:data:`_JOIN`)
            continue
        piece, took = _read(words, i)
        if piece is None:
            if len(run) > 1:
                runs.append(run)
            run = []
            i += 1
            continue
        if run and _JOIN.fullmatch(text, run[-1].end, piece.start) is None and not (
                run[-1].end - run[-1].start == 1 and _DOTTED.fullmatch(text, run[-1].end, piece.start)):
            if len(run) > 1:
                runs.append(run)
            run = []
        if piece.symbols == "ex" and run and len(run[-1].symbols) == 1 and run[-1].symbols.isalpha():
            piece = Piece(piece.start, piece.end, "x", True)  # "zed ex four…": spelt, the letter X
        run.append(piece)
        i += took
    if len(run) > 1:
        runs.append(run)
    return runs


@dataclass(frozen=True)
class Shaped:
    """A stretch whose symbols have an identifier's shape: ``first``/``last`` index its pieces."""

    start: int
    end: int
    symbols: str
    pieces: tuple[Piece, ...]


def find_shapes(run: list[Piece], shape: re.Pattern[str], most: int = 8) -> list[Shaped]:
    """Stretches of whole pieces in ``run`` whose symbols fully match ``shape``, leftmost and longest first,
    not overlapping."""
    out: list[Shaped] = []
    i = 0
    while i < len(run):
        best = None
        said = ""
        for j in range(i, min(len(run), i + most)):
            said += run[j].symbols
            if len(said) > 9:
                break
            if shape.fullmatch(said):
                best = j
        if best is not None:
            pieces = tuple(run[i : best + 1])
            out.append(Shaped(pieces[0].start, pieces[-1].end, "".join(p.symbols for p in pieces), pieces))
            i = best + 1
        else:
            i += 1
    return out


def letters(symbols: str) -> str:
    """``symbols`` with "oh" read as the letter O."""
    return symbols.replace(OH, "o")


def digits(symbols: str) -> str:
    """``symbols`` with "oh" read as zero."""
    return symbols.replace(OH, "0")

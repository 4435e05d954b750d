"""Numbered wards, bays, rooms, beds, cells and wings as people say them: "ward 32", "on ward seven", "ward
seventeen b", "Wd 4", "ward number six", "in bay 4 bed 2", "side room three", "room 12", "bed twelve", "B wing",
"c wing cell twenty", "cell 14", "pod 2", "houseblock 3", "on level 3".

A numbered ward or bay inside a named hospital, or a wing and cell inside a named prison, is a handful of beds:
it identifies as a whole, so the whole phrase goes, head word and all, with one placeholder that says what was
removed ("she was in [bay number] by the window", "he was on [wing and cell number]"). Removing the number
alone left "ward [ward number]", which still says a ward and reads as though it had been half done.

What counts as the number after a head word: digits with or without a letter ("32", "7B", "17 b"), number words
("seventeen", "twenty-two", "two oh four"), "number"/"no." before either, or a single letter ("bay C", "ward
f"). A wing or block may be named by a letter before it ("B wing", "c-wing", "h block"). Several in a row are
one phrase ("bay 4, bed 2", "C wing, cell twenty").

What does not: a head with no number ("ward round", "on the ward", "bay area", "the houseblock"); a number that
counts what follows ("the ward two nurses short", "in bed three days", "ward one day a week"); going to bed at a
time ("went to bed 11"); Orwell's "room 101"; "a wing" and "i wing" in captions (an article and a pronoun); a
level that is a course or a grade ("his level 3 in plumbing"): a level is a floor only after "on", "to" or
"from". Where a phrase crosses a caption line, the line break is a space like any other.
"""

from __future__ import annotations

import re

from .state import has_capital

_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ZERO = r"(?:oh|zero|nought)"
_SAID = (r"(?:" + _TENS + r"(?:[\s-]+" + _UNIT + r")?|" + _TEEN + r"|" + _UNIT + r")(?:[\s-]+hundred(?:\s+and)?"
         r"(?:[\s-]+(?:" + _TENS + r"(?:[\s-]+" + _UNIT + r")?|" + _TEEN + r"|" + _UNIT + r"))?)?")
"""A number said in words up to the hundreds: "seven", "twenty-two", "two hundred and four"."""
_DIGIT_WORD = r"(?:" + _UNIT + r"|" + _ZERO + r")"
_STOP = r"(?!\w|['’](?!s(?![\w'’-])))"
"""Where a unit's number or letter ends: no letter or digit after it, and an apostrophe only as a possessive's
"'s" ("ward 7's staff", "B wing's landing"): the unit is said all the same, and the "'s" stays outside the span."""
_STOP_HYPHEN = r"(?![\w-]|['’](?!s(?![\w'’-])))"
"""The same, with no hyphen after it either ("two oh four-" is cut, not a number)."""
_NUMBER = (r"(?:\d{1,3}(?:\s?[a-h])?" + _STOP + r"|[a-z]\d{1,3}" + _STOP +
           r"|" + _UNIT + r"(?:[\s-]+" + _DIGIT_WORD + r"){2}" + _STOP_HYPHEN +  # "two oh four"
           r"|" + _SAID + _STOP_HYPHEN + r"(?:\s+[a-h]" + _STOP_HYPHEN + r")?"
           r")")
"""The number of a unit (module doc); a letter after it is part of it ("7B", "seventeen b")."""
_LETTER = r"[a-hj-z]"
"""A unit named by one letter: never "i" (a pronoun in captions); "a" is decided by :func:`_letter_ok`."""
_HEAD = (r"(?:(?P<side>side\s+)?room|ward|wd\.?|bay|bed|cell|pod|landing|spur|house\s?block|wing|block|"
         r"(?P<level>level))")
_AFTER = re.compile(r"(?i)(?<![\w'’-])" + _HEAD + r"[\s-]+(?:(?:number|no\.?|num)\s+)?"
                    r"(?P<id>" + _NUMBER + r"|(?P<letter>[a-z])" + _STOP_HYPHEN + r")")
"""A head word then its number or letter: "ward 32", "bay four", "side room three", "bay C"."""
_BEFORE = re.compile(r"(?i)(?<![\w'’.-])(?P<letter>[a-z])[\s-]?(?P<head>wing|block)" + _STOP_HYPHEN)
"""A letter then its wing or block: "B wing", "c-wing", "h block", "B wing's landing"."""
_JOIN = re.compile(r"[\s,]*(?:and\s+)?")
_COUNTED = re.compile(
    r"(?i)[\s,-]*(?:days?|nights?|weeks?|months?|years?|hours?|minutes?|mins?|times?|shifts?|mornings?|afternoons?|"
    r"evenings?|patients?|beds?(?![\s,-]+(?:\d|no\b|number|" + _UNIT + r"|" + _TEEN + r"|" + _TENS + r"))|nurses?|"
    r"staff|people|persons?|men|women|lads|girls|blokes|of\s+(?:us|them|those|these|you|which|the\s+(?:nurses|"
    r"staff|patients|lads|girls|others))|or|more|less|other|another|and\s+a\s+half|o['’]?\s?clock|am|pm|a\.m\.|"
    r"p\.m\.|ish|sharp|past|till|quid|pounds?|pence|p|mil|ml|mg|percent|per|%|grand|k|stone|kilos?|miles?|degrees|"
    r"sessions?|visits?|appointments?|goals?|points?|sets?|pints?|cans?|bottles?|tablets?|pills?)(?![\w'’])")
"""Words a number counts or measures: "the ward two nurses short", "in bed three days", "bed by ten o'clock"."""
_TO_BED = re.compile(r"(?i)\b(?:go|goes|going|gone|went|get|gets|getting|got|sent|off|time\s+for)\s+to\s+$")
"""Going to bed: "went to bed 11" is a time, unless the sentence names a bed ("moved to bed 4")."""
_LEVEL_BEFORE = re.compile(r"(?i)\b(?:on|to|onto|from|up\s+to|down\s+to)\s+(?:the\s+)?$")
_QUALIFICATION = re.compile(
    r"(?i)[\s,]*(?:in|of\s+(?:the|my|his|her|their)\s+(?:course|training|qualification|nvq|diploma|certificate)|"
    r"course|training|qualification|nvq|diploma|certificate|award|apprenticeship|safeguarding|maths|english|"
    r"care|lockdown|restrictions?|alert|support|needs?|funding|package|rate)\b")
_ARTICLE_NEXT = re.compile(r"(?i)[\s,]+(?:[a-z]{3,})")
"""What an article is followed by: a word ("ward a nurse came" is no ward A)."""
_NOT_ROOMS = frozenset({"room 101", "room one oh one", "room one hundred and one"})
"""Orwell's room, said of anywhere unpleasant: no place anyone was."""
_CUE_WORDS = ("ward", "wd", "bay", "room", "bed", "cell", "pod", "landing", "spur", "block", "wing", "level")

Found = tuple[int, int, str]
"""(start, end, category): ``ward_number`` for a ward, ``unit_number`` for the rest."""


_SENTENCE_ENDS = (".", "!", "?", "\n")


def _opens_sentence(text: str, start: int) -> bool:
    """``start`` opens the text or a sentence: nothing but quotes and spaces since a stop or a line break."""
    before = text[:start].rstrip(" \t\"“'‘(")
    return not before or before.endswith(_SENTENCE_ENDS)


def _letter_ok(text: str, start: int, end: int, letter: str, after_head: bool) -> bool:
    """A single letter naming a unit, not an article, a pronoun or a dropped apostrophe's "s"."""
    low = letter.lower()
    if low == "i":
        return False
    caseless = not has_capital(text)
    if low == "a":
        if caseless or letter == "a":
            return False  # "on a wing and a prayer", "the ward a nurse"
        if not after_head and _opens_sentence(text, start):
            return False  # "A wing's feathers…": a capital that opens a sentence is the article's
        if after_head and _ARTICLE_NEXT.match(text, end) and text[end:end + 2].strip()[:1].islower():
            return False  # "Ward A nurse": cased, but an article all the same
    # "the ward s" (a split "ward's"), "bed u know", "bay o": a possessive, a pronoun, an exclamation
    return not (after_head and low in {"o", "s", "u", "y"})


def _one(text: str, pos: int) -> tuple[int, int, str] | None:
    """The unit starting exactly at ``pos`` (head then number), its end and head word; None if none."""
    m = _AFTER.match(text, pos)
    return _checked(text, m) if m else None


def _checked(text: str, m: re.Match[str]) -> tuple[int, int, str] | None:
    head = re.sub(r"\s+", " ", m.group(0)[: m.start("id") - m.start()].lower()).strip(" -")
    head = re.sub(r"\s+(?:number|no\.?|num)$", "", head)
    start, end = m.start(), m.end("id")
    number = m.group("id")
    if m.group("letter"):
        if not _letter_ok(text, m.start("id"), end, m.group("letter"), True):
            return None
    else:
        end = start + len(m.group(0).rstrip())
        trailing = re.search(r"\s+[a-h]$", m.group(0), re.I)
        if trailing and not _letter_ok(text, end - 1, end, m.group(0)[-1], True):
            end -= len(trailing.group(0))  # "ward seven a nurse": the "a" is an article
            number = number[: len(number) - len(trailing.group(0))]
    if _COUNTED.match(text, end):
        return None
    if head.endswith("bed") and _TO_BED.search(text[max(0, start - 30) : start]) and not re.search(
            r"(?i)\b(?:bay|ward|moved|put|transferred)\b", text[max(0, start - 40) : start]):
        return None  # "went to bed 11", "in bed ten": a time or a count
    if m.group("level") and (not _LEVEL_BEFORE.search(text[max(0, start - 20) : start])
                             or _QUALIFICATION.match(text, end)):
        return None  # "his level 3 in plumbing": a grade, not a floor
    if " ".join(text[start:end].lower().split()) in _NOT_ROOMS:
        return None
    if re.fullmatch(r"(?i)wing|block", head) and not re.search(r"\d|[a-z]{2}", number):
        return None  # "wing b"? said the other way round ("B wing"), and "block c" is as often a grid
    return start, end, head


def unit_spans(text: str) -> list[Found]:
    """Numbered wards, bays, rooms, beds, cells and wings in ``text``, each whole (module doc)."""
    low = text.lower()
    if not any(w in low for w in _CUE_WORDS):
        return []
    pieces: list[tuple[int, int, str]] = []
    for m in _AFTER.finditer(text):
        found = _checked(text, m)
        if found:
            pieces.append(found)
    for m in _BEFORE.finditer(text):
        letter = m.group("letter")
        if not _letter_ok(text, m.start(), m.end(), letter, False):
            continue
        pieces.append((m.start(), m.end(), m.group("head").lower()))
    pieces.sort()
    out: list[Found] = []
    chain: list[tuple[int, int, str]] = []
    for piece in pieces:
        if chain and (piece[0] < chain[-1][1] or _JOIN.fullmatch(text, chain[-1][1], piece[0])):
            if piece[1] > chain[-1][1]:
                chain.append(piece)
            continue
        if chain:
            out.append(_joined(chain))
        chain = [piece]
    if chain:
        out.append(_joined(chain))
    return out


def _joined(chain: list[tuple[int, int, str]]) -> Found:
    heads = {h for _, _, h in chain}
    category = "ward_number" if heads <= {"ward", "wd", "wd."} else "unit_number"
    return chain[0][0], max(e for _, e, _ in chain), category

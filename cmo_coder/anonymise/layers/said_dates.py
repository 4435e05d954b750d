"""Dates of birth as people say them: "born third of March eighty-one", "date of birth, erm, the twelfth of
August eighty-eight", "my birthday's the fourth", "born in April seventy-seven", "D O B nine two sixty-two".

A date is removed only where a birth cue stands right before it ("born", "born on/in", "date of birth",
"DOB", "d o b", "birthday's", "a ninety-one baby"), with at most fillers and commas between; a date of
birth is a direct identifier, while other dates ("we met on the third of March", "since March", "in 1962")
are what a study reads and stay. The words of the cue stay too: "born on the [date of birth]".

What counts as a date after a cue:

* a day and a month, in either order, with or without a year: "the fifth of June nineteen seventy-four",
  "twenty-fifth December", "May the second, nineteen ninety", "14th of July '83", "sixth of the twelfth";
* a month and a year: "April seventy-seven", "March 1981";
* a year alone after "born in", or after "born" when said in full ("born nineteen fifty-one, on the fourth of
  May": the day and month after it join it): "nineteen sixty-two", "eighty-eight", "two thousand and three", "oh three";
  and a birth year then a place: "born in Leeds in 1962";
* a month alone after "born in": "born in March" (narrows a birth to thirty days);
* a day alone after "birthday's": "my birthday's the fourth";
* a date said as digits: "zero four zero seven nineteen eighty", "twelve oh three eighty-one", and as three
  numbers: "my DOB's twelve oh four sixty", "born twenty-one three eighty".

"Date of birth" and "DOB" also reach a day and month a few words on ("the date of birth they had was wrong,
it's the 3rd of March"): the cue names what the next date is.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ORD_UNIT = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_ORD_TEEN = (r"(?:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
             r"nineteenth)")
_DAY = (r"(?:(?:twenty|thirty)[\s-]+" + _ORD_UNIT + r"|twentieth|thirtieth|" + _ORD_TEEN + r"|" + _ORD_UNIT
        + r"|[0-3]?\d(?:st|nd|rd|th))")
_MONTH_NUMBER = r"(?:" + _ORD_UNIT + r"|tenth|eleventh|twelfth|1[0-2](?:th)|[1-9](?:st|nd|rd|th))"
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")
_TWO = r"(?:" + _TENS + r"(?:[\s-]+" + _UNIT + r")?|" + _TEEN + r"|(?:oh|o|zero)[\s-]+" + _UNIT + r")"
"""A year's last two digits in words: "eighty-one", "sixty", "twelve", "oh three"."""
_LONG_YEAR = (r"(?:(?:nineteen|twenty)[\s-]+(?:hundred(?:\s+and\s+" + _TWO + r")?|" + _TWO + r")"
              r"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:" + _TENS + r"(?:[\s-]+" + _UNIT + r")?|" + _TEEN + r"|"
              + _UNIT + r"))?|(?:19|20)\d\d)")
_YEAR = r"(?:" + _LONG_YEAR + r"|" + _TWO + r"|['’]\d\d|\d\d)"
_DIGIT = r"(?:zero|oh|o|nought|" + _UNIT + r"|\d)"
_FILL = r"(?:erm|um|uh|er|ah|em|like|the|you\s+know)"
_GAP = r"(?:[\s,]+" + _FILL + r"(?=[\s,]))*[\s,]+"
"""Spaces and commas between words, with fillers: " ", ", erm, "."""
_END = r"(?![\w'’-])"

_FEAST = (r"(?:(?:christmas|new\s+year['’]?s?|valentine['’]?s?|boxing|st\.?\s+(?:patrick|george|david|andrew)['’]?s?|"
          r"bonfire|guy\s+fawkes)\s+(?:day|eve|night)|christmas|hallowe['’]?en)")
"""Days people are born on and name without a number: "christmas eve", "bonfire night", "new year's day"."""
_DAY_MONTH = (r"(?:the" + _GAP + r")?(?P<dm>" + _FEAST + r"|(?:" + _DAY + r"|[0-3]?\d)(?:" + _GAP + r"of)?" + _GAP
              + r"(?:the" + _GAP + r")?" + _MONTH + r"|" + _DAY + _GAP + r"of" + _GAP + r"the" + _GAP + _MONTH_NUMBER
              + _END + r")")
_MONTH_DAY = r"(?P<md>" + _MONTH + _GAP + r"(?:the" + _GAP + r")?" + _DAY + _END + r")"
_YEAR_AFTER = r"(?:" + _GAP + r"(?:in" + _GAP + r")?(?P<year>" + _YEAR + r")" + _END + r")?"
_NUMERIC = (r"(?P<num>" + _DIGIT + r"(?:[\s,-]+" + _DIGIT + r"){1,3}" + r"[\s,-]+(?:" + _LONG_YEAR + r"|" + _TWO
            + r"))" + _END)
_DAY_NUMBER = (r"(?:" + _DAY + r"|(?:zero|oh|o|nought)[\s-]+" + _UNIT + r"|thirty(?:[\s-]+one)?|twenty(?:[\s-]+"
               + _UNIT + r")?|" + _TEEN + r"|" + _UNIT + r"|[0-3]?\d)")
_MONTH_NUMBER_SAID = r"(?:(?:zero|oh|o|nought)[\s-]+" + _UNIT + r"|ten|eleven|twelve|" + _UNIT + r"|[01]?\d)"
_NUMBERS = (r"(?P<nums>" + _DAY_NUMBER + r"[\s,-]+" + _MONTH_NUMBER_SAID + r"[\s,-]+(?:" + _LONG_YEAR + r"|" + _TWO
            + r"|\d\d))" + _END)
"""A date said as three numbers, the day and month as people say them: "twelve oh four sixty", "twenty-one
three eighty", "thirty one ten ninety-nine"."""
_MONTH_YEAR = r"(?P<my>" + _MONTH + _GAP + r"(?:" + _LONG_YEAR + r"|" + _TWO + r"|['’]\d\d))" + _END
_WRITTEN = r"(?P<written>[0-3]?\d[/.\-\s][01]?\d[/.\-\s](?:(?:19|20)\d\d|\d\d))" + _END
_FULL = r"(?:(?:" + _DAY_MONTH + r"|" + _MONTH_DAY + r")" + _YEAR_AFTER + r"|" + _WRITTEN + r")"

_WEEKDAY = r"(?:(?:on" + _GAP + r")?(?:a" + _GAP + r")?(?:mon|tues|wednes|thurs|fri|satur|sun)day" + _GAP + r")?"
"""A weekday between the cue and the date: "born on a Tuesday, the third of March"."""
_BORN = r"\bborn(?:" + _GAP + r"(?:on|in))?" + _GAP + _WEEKDAY
_ASKED = r"(?:[\s,:?]+" + _FILL + r"(?=[\s,]))*[\s,:?]+"
"""A gap that may hold the question mark or colon of "DOB?" or "Date of birth: …"."""
_DOB = (r"(?:\bdate\s+of\s+birth|\bbirth\s*date|\bd\.?\s?o\.?\s?b\b\.?)(?:['’]s)?(?:" + _ASKED
        + r"(?:it['’]?s|is|was|were|being|on))?" + _ASKED)
_BIRTHDAY = r"\bbirthday(?:['’]?s|\s+is|\s+was|\s+being)(?:" + _GAP + r"on)?" + _GAP

_PATTERNS = (
    (r"(?i)(?:" + _BORN + r"|" + _DOB + r"|" + _BIRTHDAY + r")(?:" + _FULL + r"|" + _NUMERIC + r"|"
               + _MONTH_YEAR + r")"),
    (r"(?i)(?:" + _BORN + r"|" + _DOB + r")" + _NUMBERS),
    (r"(?i)\bborn" + _GAP + r"(?P<year>" + _LONG_YEAR + r")" + _END),
    (r"(?i)\bborn" + _GAP + r"in" + _GAP + r"(?:(?P<year>" + _LONG_YEAR + r"|" + _TWO + r"|['’]\d\d)" + _END
               + r"|(?P<month>" + _MONTH + r")(?!" + _GAP + r"(?:the" + _GAP + r")?(?:\d|" + _DAY + r")))"),
    (r"(?i)" + _BIRTHDAY + r"(?:the" + _GAP + r")?(?P<day>" + _DAY + r")" + _END),
    (r"(?i)\b(?:an?|the)\s+(?P<year>" + _LONG_YEAR + r"|" + _TWO + r"|['’]\d\d)(?=\s+baby\b)"),
    (r"(?i)(?:" + _BORN + r"|" + _DOB + r"|" + _BIRTHDAY + r")(?:the" + _GAP + r")?(?P<dm>" + _DAY + _GAP
               + _MONTH_NUMBER + r")" + _GAP + r"(?P<year>" + _YEAR + r")" + _END),
)
"""The last: two ordinals and a year, the "of the" left out: "born third ninth eighty two", "born on the 3rd 9th 82"."""
_DOB_AHEAD = (r"(?i)(?:\bdate\s+of\s+birth|\bd\.?\s?o\.?\s?b\b\.?|\bbirthday)(?:['’]s)?"
                        r"(?P<between>(?:[\s,?]+[\w'’]+){0,8}?)[\s,?]+" + _FULL)
"""A birth cue naming what the next date is, a few words on, across the question it was asked in: "can I take
your date of birth? Yes, it's the fourth of July", "when's your birthday? The thirteenth of December"."""
_ON_THE_DAY = (r"(?:" + _GAP + r"(?:on" + _GAP + r")?(?:the" + _GAP + r")?(?P<ext>(?:" + _DAY + r"|[0-3]?\d)(?:"
               + _GAP + r"of" + _GAP + r"(?:the" + _GAP + r")?" + _MONTH + r")?|" + _MONTH + _GAP + r"(?:the" + _GAP
               + r")?" + _DAY + r")" + _END + r")")
_EXTEND = (r"(?i)" + _ON_THE_DAY)
"""The rest of a date of birth said in two goes: "born in two thousand and six, on the ninth of January", "born in
May 1963, on the twelfth", "born in '62, on the 9th of July"."""
_BEFORE_CUE = (r"(?i)(?:(?P<pyear>" + _LONG_YEAR + r")" + _GAP + r")?" + _FULL
                         + r"(?P<tail>(?:[\s,]+[\w'’]+){0,6}?)[\s,]+born\b")
"""A date then its cue: "nineteen fifty-two, March the third, that's when I was born", "I had her on the 4th of
January 2010, she was born at home"; a day and a month, so a year alone before "born" stays."""
_AGE_ON = re.compile(r"(?i)\b(?:be|turn(?:s|ed|ing)?)" + _GAP + r"(?:" + _TWO + r"|\d{1,3}|a\s+hundred)"
                     + _GAP + r"on" + _GAP + r"(?:the" + _GAP + r")?(?P<age_on>" + _FULL + r")")
"""An age and the day it is reached: "she'll be ninety on the first of December" (a day, a month and an age
give the date of birth as surely as a year would)."""
_BORN_IN_PLACE = (r"(?i)\bborn" + _GAP + r"(?:in|at)\s+(?P<place>(?:[\w'’-]+\s+){1,3}?)in" + _GAP
                            + r"(?P<year>" + _LONG_YEAR + r")" + _END)
_BORN_AT_PLACE_ON = (r"(?i)\bborn" + _GAP + r"(?:in|at)\s+(?P<place>(?:[\w'’-]+\s+){1,3}?)on" + _GAP + _FULL)
"""A day and month after the place of birth: "born at the Balfour on the third of March", "born in Kirkcaldy on the
9th of July 1961", "born at home on March the fourth". The cue and the date stood apart, and the date was kept."""
_NOT_A_PLACE = STOP_WORDS - {"the"}
_SAID_AGAIN = (r"(?i)(?:" + _BORN + r"|" + _DOB + r"|" + _BIRTHDAY + r")(?:the" + _GAP + r")?(?P<again>(?:"
                         + _DAY + r"|[0-3]?\d)(?:" + _GAP + r"of)?)(?:[\s,.]+(?:no|sorry|erm|um|er|i\s+mean|"
                         r"actually|wait)(?=[\s,.]))*[\s,.]+(?:the" + _GAP + r")?$")
"""A day said, then said again or corrected before the whole date: "born on the twenty-first, the twenty-first of
March", "born on the 2nd, no, the 3rd of November". The first day goes with the date: it is the same day, or
one off it."""

class _BirthPatterns(NamedTuple):
    """The patterns read only in a turn that says a birth cue, compiled together on the first such turn."""

    dates: tuple[re.Pattern[str], ...]
    dob_ahead: re.Pattern[str]
    extend: re.Pattern[str]
    before_cue: re.Pattern[str]
    born_in_place: re.Pattern[str]
    born_at_place_on: re.Pattern[str]
    said_again: re.Pattern[str]


@cache
def _birth() -> _BirthPatterns:
    """The birth cue's patterns, compiled on first use.

    Why not at import: they are the largest patterns of the package (compiling them took about a tenth of a
    second, more than any other module's import), and a run whose turns never say "born", "birth", "DOB" or
    "baby" never reads them. The same source text is compiled, so every match is the same.
    """
    return _BirthPatterns(tuple(re.compile(p) for p in _PATTERNS), re.compile(_DOB_AHEAD), re.compile(_EXTEND),
                          re.compile(_BEFORE_CUE), re.compile(_BORN_IN_PLACE), re.compile(_BORN_AT_PLACE_ON),
                          re.compile(_SAID_AGAIN))


_ANY_CUE = re.compile(r"(?i)\bborn\b|\bbirth|\bd\.?\s?o\.?\s?b\b|\bbaby\b")
_AGE_CUE = re.compile(r"(?i)\b(?:be|turns?|turned|turning)\s[^.?!]*\bon\s")


def _date_span(m: re.Match[str]) -> tuple[int, int]:
    """From the first word of the date (no cue, no article) to the last of its year, if one was said."""
    starts = [m.start(g) for g in ("pyear", "dm", "md", "written", "num", "nums", "my", "year", "month", "day")
              if g in m.re.groupindex
              and m.start(g) >= 0]
    return min(starts), m.end()


def said_again_start(text: str, start: int) -> int:
    """Where a date of birth starting at ``start`` really starts: at a day said before it and said again or
    corrected (:data:`_SAID_AGAIN`), else ``start``."""
    again = _birth().said_again.search(text[max(0, start - 90) : start])
    return max(0, start - 90) + again.start("again") if again else start


_WEEKDAY_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:[\s,]+the)?[\s,]+$")
"""A weekday said right before a date's day ("born on a Tuesday, the third of March"): part of the date."""


def weekday_start(text: str, start: int) -> int:
    """Where a date starting at ``start`` starts with the weekday said before it ("Tuesday the ninth of June"):
    the weekday of a birth is the date's own, and one left beside the placeholder reads as half a date."""
    m = _WEEKDAY_BEFORE.search(text, max(0, start - 30), start)
    return m.start() if m else start


def dates_of_birth(text: str) -> list[tuple[int, int]]:
    """Spans of dates of birth said after a birth cue in ``text`` (module doc)."""
    if not _ANY_CUE.search(text):
        return [m.span("age_on") for m in _AGE_ON.finditer(text)] if _AGE_CUE.search(text) else []
    birth = _birth()
    out = [_date_span(m) for pattern in birth.dates for m in pattern.finditer(text)]
    for m in birth.dob_ahead.finditer(text):
        if m.group("between").count("?") <= 1:
            out.append(_date_span(m))
    for m in birth.before_cue.finditer(text):
        if not re.search(r"(?i)\b(?:and|again|to|into|with|early|late|abroad)\b", text[m.end(): m.end() + 12]):
            out.append((_date_span(m)[0], m.start("tail")))  # not "born and bred", "born again"
    out.extend(m.span("age_on") for m in _AGE_ON.finditer(text))
    for m in birth.born_in_place.finditer(text):
        if not any(w.lower() in _NOT_A_PLACE for w in m.group("place").split()):
            out.append((m.start("year"), m.end("year")))
    for m in birth.born_at_place_on.finditer(text):
        if not any(w.lower() in _NOT_A_PLACE for w in m.group("place").split()):
            out.append(_date_span(m))
    for i, (a, b) in enumerate(out):
        more = birth.extend.match(text, b)
        if more and b > a:
            out[i] = (a, more.end())
    out = [(weekday_start(text, said_again_start(text, a)), b) for a, b in out if b > a]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(set(out)):  # "born in April" and "April seventy-seven": one date
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged

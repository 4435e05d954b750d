"""Dates by their shape, whatever the sentence around them: a day, a month and a year said or typed in any form.

The rule follows the HIPAA Safe Harbor principle (every element of a date more specific than the year that
relates to an individual is an identifier) and the ICO's view that a full date tied to a person's life singles
them out: in a transcript of someone's care, the day they were admitted, sectioned, evicted or bereaved is as
identifying as the day they were born, and no cue tells the two apart ("the third of March, nineteen fifty-two"
may answer "when were you born?" asked a turn earlier). So:

* a **day, a month and a year** together, in any order and any form, is removed: "3rd of March 2020",
  "the third of the fifth fifty-two", "march third fifty two", "nineteen fifty-two, the third of March",
  "3/5/52", "03.05.1952", "1983-06-21", "14 Feb 77", split across a caption line;
* a **day and a month** with a year a few words off ("born in nineteen sixty, um, the tenth of June") or an age
  in the same sentence ("she'll be ninety on the 5th of December", "I'm twenty on the fifteenth of January")
  is removed too: the age or the year completes the date;
* eight digits read out as a day, a month and a year ("oh three oh five nineteen fifty-two"), or six in a turn
  about a birth;
* a day and a month alone ("on the fourth of June we went"), a month and a year ("March 2020"), years, months,
  weekdays, feasts ("Christmas", "Bonfire night") and counts stay: they do not narrow a life to a day.

Each date is ``[date of birth]`` where a birth cue ("born", "birth", "DOB", "birthday", an age) stands in the
same turn, ``[date]`` otherwise. A study that needs event dates kept says so at review (``review
--keep-dates``): the decision is recorded, the dates are never silently left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .said_dates import weekday_start
from .said_numbers import digit_runs

_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_H = r"[\s-]+"
_ORD_UNIT = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_ORD_TEEN = (r"(?:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
             r"nineteenth)")
_DAY_WORD = (r"(?:(?:twenty|thirty)" + _H + _ORD_UNIT + r"|twentieth|thirtieth|" + _ORD_TEEN + r"|" + _ORD_UNIT + r")")
_DAY_DIGITS = r"(?:[12]\d|3[01]|0?[1-9])"
_DAY_ORD_DIGITS = r"(?:(?:[23]?1)st|(?:2?2)nd|(?:2?3)rd|(?:[12]?[04-9]|1[1-3]|20|30)th)"
_DAY = r"(?:" + _DAY_WORD + r"|" + _DAY_ORD_DIGITS + r")"
"""A day said as an ordinal: "third", "twenty-first", "3rd", "31st"."""
_DAY_ANY = r"(?:" + _DAY + r"|" + _DAY_DIGITS + r")"
"""A day, ordinal or plain digits ("21 June 2022")."""
_MONTH_NAME = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
               r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\.(?=\s+\d))?)(?![\w-]|['’](?!s\b))")
_MONTH_ORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
              r"1st|2nd|3rd|[4-9]th|1[0-2]th|0?[1-9]|1[0-2])(?![\w'’-])")
"""A month said by its number after "of the": "the fourth of the fourth", "the 19th of the 7th"."""
_TWO = (r"(?:" + _TENS + r"(?:" + _H + _UNIT + r")?|" + _TEEN + r"|(?:oh|o|zero|nought)" + _H + _UNIT + r")")
"""A year's last two digits in words: "eighty-one", "sixty", "twelve", "oh three"."""
_LONG_YEAR = (r"(?:(?:nineteen|twenty)" + _H + r"(?:hundred(?:\s+and\s+" + _TWO + r")?|" + _TWO + r")"
              r"|two\s+thousand(?:\s+and)?(?:" + _H + r"(?:" + _TENS + r"(?:" + _H + _UNIT + r")?|" + _TEEN + r"|"
              + _UNIT + r"))?|(?:19|20)\d\d)")
_SHORT_YEAR = r"(?:" + _TWO + r"|['’]\d\d|\d\d)"
_YEAR = r"(?:" + _LONG_YEAR + r"|" + _SHORT_YEAR + r")"
_END = r"(?![\w'’-])"
_FILL = r"(?:erm|um|uh|er|ah|em|like|you\s+know|i\s+think)"
_GAP = r"(?:[\s,]+" + _FILL + r"(?=[\s,]))*[\s,]+"
"""Spaces, commas, line breaks and fillers between the parts of a date: " ", ", um, ", "\n"."""
_THE = r"(?:the" + _GAP + r")?"

_DAY_MONTH = (r"(?:" + _DAY_ANY + r"(?:" + _GAP + r"of)?" + _GAP + _THE + _MONTH_NAME
              + r"|" + _DAY + _GAP + r"of" + _GAP + r"the" + _GAP + _MONTH_ORD + r")")
""""3rd of March", "21 June", "the third of the fifth" ("of the" is needed when the month is a number)."""
_MONTH_DAY = r"(?:" + _MONTH_NAME + r"(?:" + _GAP + r"the)?" + _GAP + _DAY_ANY + _END + r")"
""""March third", "May the second", "June 21"."""
_DM = r"(?:" + _DAY_MONTH + r"|" + _MONTH_DAY + r")"
_SPOKEN = re.compile(
    r"(?i)(?<![\w'’-])(?:"
    r"(?P<dmy>" + _DM + r"(?:" + _GAP + r"in)?" + _GAP + r"(?P<y1>" + _YEAR + r")" + _END + r")"
    r"|(?P<ydm>(?P<y2>" + _LONG_YEAR + r")" + _GAP + r"(?:on" + _GAP + r")?" + _THE + _DM + _END + r")"
    r"|(?P<dm>" + _DM + r"(?=['’]s\b|[^\w'’-]|$)))")
"""A day and a month with the year after them, a year then a day and a month, or a day and a month alone."""
_TYPED = re.compile(r"(?<![\w./:-])(?:(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)"
                    r"|(?P<iy>(?:19|20)\d\d)(?P<isep>[/.-])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
                    r"|(?P<sd>\d{1,2})[ \n](?P<sm>\d{1,2})[ \n](?P<sy>(?:19|20)\d\d)"
                    r"|(?P<jy>(?:19|20)\d\d)[ \n](?P<jm>\d{1,2})[ \n](?P<jd>\d{1,2}))(?![\w/]|[.:-]\d)")
"""Dates typed as numbers: "3/5/52", "03.05.1952", "6-3-45", "1983-06-21", and as captions print a typed date
without its dashes ("10 10 2025"): a four-digit year is needed there."""

_NOT_A_YEAR_AFTER = re.compile(
    r"(?i)[\s,]*(?:people|of|percent|per|quid|pounds?|pence|p|miles?|minutes?|mins?|hours?|years?|months?|weeks?|"
    r"days?|times|odd|or|to|more|less|degrees|mg|ml|kilos?|stone|pounds|grand|k|%|members|patients|staff|beds|"
    r"of\s+us|of\s+them|\w+s)(?![\w'’])")
"""Words after a short "year" that show it was a count: "on the fifth of June twenty people came"."""
_PLURAL_OK = {"is", "was", "as", "has", "this", "its", "us", "yes", "cos", "plus", "does", "thus", "his", "hers",
              "bless", "unless", "less", "miss", "across", "always", "perhaps", "whereas", "afterwards"}
_MORE_MONTH = re.compile(r"(?i)(?:" + _GAP + r"(?:of|the))+" + _GAP + _MONTH_NAME)
"""A month named after a day said twice: "the tenth of, um, the tenth of June"."""
_YEAR_NEAR = re.compile(r"(?i)(?<![\w'’-])(?:" + _LONG_YEAR + r"|['’]\d\d)(?![\w'’-])")
_AGE = re.compile(
    r"(?i)\b(?:i['’]?m|i\s+am|he['’]s|she['’]s|they['’]re|you['’]re|(?:will|['’]ll|to|gonna|would|['’]d)\s+be|"
    r"turn(?:s|ed|ing)?|aged?|reach(?:es|ed|ing)?)\s+(?:just\s+|only\s+|nearly\s+|about\s+)?(?:a\s+hundred|" + _TENS
    + r"(?:[\s-]+" + _UNIT + r")?|" + _TEEN + r"|" + _UNIT + r"|1[01]\d|\d{1,2})(?![\w'’-])(?!\s+(?:o['’]?clock|"
    r"past|to|minutes?|pm|am|quid|pounds?|times|people)\b)")
"""An age said beside a day and a month ("I'm twenty on the fifteenth of January"): with it they give the date
of birth as surely as a year would."""
_BIRTH_CUE = re.compile(r"(?i)\bborn\b|\bbirth|\bd\.?\s?o\.?\s?b\b|\bbaby\b")
_SENTENCE_END = re.compile(r"[.?!;]\s|\n\n")


@dataclass(frozen=True)
class FullDate:
    start: int
    end: int
    birth: bool  # a birth cue or an age in the turn: "[date of birth]"


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _typed(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _TYPED.finditer(text):
        if m.group("d"):
            d, mo = int(m.group("d")), int(m.group("m"))
            ok = _valid(d, mo) or _valid(mo, d)  # "3/5/52" or the American "12/25/2020"
            if m.group("sep") == "." and len(m.group("y")) == 2 and len(m.group("d")) + len(m.group("m")) < 4 and (
                    re.search(r"(?i)\b(?:v|version|ver|rev|release|section|para|paragraph|step|rule)\.?\s*$",
                              text[max(0, m.start() - 12):m.start()])):
                ok = False  # "version 2.3.12"
        elif m.group("iy"):
            ok = _valid(int(m.group("id")), int(m.group("im")))
        elif m.group("sd"):
            ok = _valid(int(m.group("sd")), int(m.group("sm")))
        else:
            ok = _valid(int(m.group("jd")), int(m.group("jm")))
        if ok:
            out.append(m.span())
    return out


_TYPED_LOOK = re.compile(r"\d[/.\-\s]\d")
_DIGIT_WORDS = frozenset({"oh", "o", "zero", "nought", "one", "two", "three", "four", "five", "six", "seven",
                          "eight", "nine", "double", "nineteen", "twenty"})
_SPLIT = re.compile(r"[\s,-]+")
_ANCHOR_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "of the",
                "of\nthe", "of, the")
"""A cheap first look for :data:`_ANCHOR`: most turns hold none of these."""
_ANCHOR = re.compile(r"(?i)(?<![\w'’-])" + _MONTH_NAME + r"|\bof[\s,]+the[\s,]+" + _MONTH_ORD)
"""A month named or numbered ("of the fifth"): every date said in words holds one, and most turns none."""


def _spoken(text: str) -> list[re.Match[str]]:
    """Matches of the spoken forms, looked for only around a month: windows of 90 characters either side,
    joined where they meet (a date spans far less)."""
    windows: list[list[int]] = []
    for m in _ANCHOR.finditer(text):
        a, b = max(0, m.start() - 90), min(len(text), m.end() + 90)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    out: list[re.Match[str]] = []
    for a, b in windows:
        out.extend(_SPOKEN.finditer(text, a, b))
    return out


def _digit_by_digit(text: str, birth: bool) -> list[tuple[int, int]]:
    """A date read out as digits: eight of them making a day, a month and a year of 1900-2029 ("oh three, oh
    five, one nine five two"); six (day, month, two-digit year) only in a turn that speaks of a birth, since
    six digits are as often a sort code."""
    out = []
    for run in digit_runs(text):
        d, said = run.digits, text[run.start : run.end]
        eight = len(d) == 8 and re.fullmatch(r"(?:19|20)\d\d", d[4:]) is not None and not re.search(r"[/.:]", said)
        six = len(d) == 6 and birth and " " in said.strip()
        if (eight or six) and _valid(int(d[:2]), int(d[2:4])):
            out.append((run.start, run.end))
    return out


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``start``-``end``: from the last full stop (or the turn's start) to the next."""
    a = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        a = m.end()
    b = _SENTENCE_END.search(text, end)
    return a, b.start() + 1 if b else len(text)


def _counted(text: str, year_end: int, year: str) -> bool:
    """A short year followed by what it counts: "the fifth of June twenty people"."""
    if re.fullmatch(r"(?i)(?:19|20)\d\d|(?:nineteen|twenty)[\s-].*|two\s+thousand\W.*", year, re.S):
        return False
    m = _NOT_A_YEAR_AFTER.match(text, year_end)
    if m is None:
        return False
    word = m.group(0).strip(" ,").lower()
    return word not in _PLURAL_OK


def full_dates(text: str) -> list[FullDate]:
    """Every date in ``text`` as specific as a day with its month and year, or a day and month completed by a
    year nearby or an age (module doc)."""
    low = text.lower()
    spans: list[tuple[int, int]] = _typed(text) if _TYPED_LOOK.search(text) else []
    for m in _spoken(text) if any(k in low for k in _ANCHOR_KEYS) else ():
        if m.group("dmy"):
            if _counted(text, m.end("y1"), m.group("y1")):
                spans.append(_complete(text, m.start(), m.start("y1")) or (0, 0))
                continue
            spans.append(m.span())
        elif m.group("ydm"):
            spans.append(m.span())
        else:
            completed = _complete(text, m.start(), m.end())
            if completed:
                spans.append(completed)
    if sum(w in _DIGIT_WORDS or w.isdigit() for w in _SPLIT.split(low)) >= 6:
        spans.extend(_digit_by_digit(text, bool(_BIRTH_CUE.search(text))))
    spans = [(a, again.end()) if (again := _MORE_MONTH.match(text, b)) else (a, b) for a, b in spans if b > a]
    spans = [(weekday_start(text, a), b) for a, b in spans]
    spans = _merged(spans)
    if not spans:
        return []
    birth = bool(_BIRTH_CUE.search(text))
    return [FullDate(a, b, birth or _aged(text, a, b)) for a, b in spans]


def _tidy_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " ,\n\t-":
        end -= 1
    return end


def _complete(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A day and a month (``start``-``end``) is a full date where a year stands within six words of it, or an
    age in its sentence; the span is the day and the month."""
    end = _tidy_end(text, end)
    a, b = _sentence(text, start, end)
    around = text[max(a, start - 50):start].split()[-6:] + text[end:min(b, end + 50)].split()[:6]
    near = " ".join(around)
    if _YEAR_NEAR.search(near):
        return start, end
    if _AGE.search(text, a, b):
        return start, end
    return None


def _aged(text: str, start: int, end: int) -> bool:
    a, b = _sentence(text, start, end)
    return bool(_AGE.search(text, a, b))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(spans)):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out

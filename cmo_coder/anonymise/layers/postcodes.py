"""Postcode districts as people say and captions write them: "LS6", "ls6", "bt47", "ls 6", "l s six",
"b t forty seven", "s eleven".

A full postcode ("M14 5TP") is a direct identifier the rules layer removes; the outward code alone
("LS6", "BT47") still narrows a participant down to a few thousand households, and in a small town
to a street or two. Speech recognisers write it joined or spelt, with digits or number words.

The letters are checked against the 121 UK postcode areas (``data/uk_postcode_areas.txt``), so
"a4 paper", "ps5", "mp3" are no postcodes. Three kinds of form are told apart:

* two area letters joined to a district number ("ls6", "BT47", "ky12"): a postcode wherever it
  stands, but for the few that are also everyday codes ("co2", "so2", "mk2" the car, "wd40");
* one area letter and a number ("m14", "s11", "b12", "g20"), or joined area letters then a number
  said in words ("ls six", "ex two"): a vitamin, a summit or a word as often, so only where the
  sentence says a place ("in", "near", "round", "postcode", "lives in", "moved to", "the ... area");
* spelt letters then a number ("l s six", "b t forty seven"): spelt area letters say a postcode.

A motorway ("the m1", "m62 motorway", "junction 3 of the m6") is not removed: it crosses dozens of
towns and identifies nobody. A district beside one is (the cue decides: "lives in m14").

Why an outward code alone is removed: the HIPAA Safe Harbor rule keeps only the first three digits of a ZIP
code, and only where that area holds more than 20,000 people. A UK outward code holds on average about
10,000 households (some 2,900 districts for 28 million households), many far fewer, so by the same measure
a district is too small to keep. A post town alone ("Leeds") is kept or removed by the place layers; a post
town with its district number ("we live in Leeds 6") is a district (:func:`town_district_spans`). The
inward code alone ("it ends 9QR") is no district and is not removed by itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from .said_symbols import Piece, digits, find_shapes, letters, might_hold, symbol_runs
from .turn_view import says_any

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS = (r"(?:(?:" + "|".join(_TENS) + r")(?:[\s-](?:" + "|".join(_UNITS) + r"))?|" + "|".join(_TEENS)
                 + r"|" + "|".join(_UNITS) + r"|zero|nought)")
_LETTER_SUFFIX_AREAS = {"e", "ec", "n", "nw", "se", "sw", "w", "wc"}
"""Central London areas whose districts may end in a letter ("EC1A", "W1D", "SW1A")."""
EVERYDAY_CODES = frozenset({"co2", "so2", "so3", "no2", "mk1", "mk2", "mk3", "mk4", "mk5", "mk6", "mk7", "wd40",
                            "ch4", "st1", "ha1", "ha2", "ll1", "pe1", "pe2", "se1", "hs2"})
"""Area letters and a number that more often mean something else: gases, a car's mark, a lubricant, a TV
channel, PE lessons, a railway. "se1" stays here because captions write "se one" as a tense marker too; a cue makes
any of them a postcode ("lives in se1")."""
_WORD_PAIRS = {"ab", "al", "ba", "ca", "co", "de", "eh", "en", "ex", "ha", "hr", "la", "le", "me", "ne", "pa", "pe",
               "po", "pr", "sa", "se", "so", "st", "ta", "wc", "yo", "ox", "ll", "ml", "ss", "tv", "dd"}
"""Area letters that are also words or common abbreviations when said joined ("my ex two", "pe one")."""

_CUE_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|near|round|around|from|postcodes?(?:\s+(?:is|was|'s))?|post\s+code(?:\s+(?:is|was))?|"
    r"(?:lives?|lived|living|moved|moving|based|born|grew\s+up|stay(?:s|ed|ing)?)\s+(?:in|to|near|round)|"
    r"(?:over|up|down|out|back)\s+(?:in|near|to|round)|area\s+of)\s*,?\s*"
    r"|\b(?:road|street|lane|avenue|close|drive|crescent|grove|terrace|gardens|court|place|walk|rise|row|mews|"
    r"rd|ave)\.?\s*,\s*)$")
"""Words before a district that make it a place: a preposition of place, "postcode", "lives in", or a street
("14 Thornfield Road, BD5")."""
_CUE_AFTER = re.compile(r"(?i)^\s*(?:area|postcode|post\s+code|district|way|side|end|direction|patch)\b")
_ROAD_AFTER = re.compile(r"(?i)^\s*(?:motorway|junction|j\d|northbound|southbound|eastbound|westbound|toll|"
                         r"corridor|services|slip|link|relief|bridge|traffic|roadworks|exit|hard\s+shoulder)\b")
_ROAD_BEFORE = re.compile(r"(?i)\b(?:junction\s+\w+\s+(?:of|on)\s+the|on\s+the|off\s+the|along\s+the|up\s+the|"
                          r"down\s+the|the|via\s+the|onto\s+the|join(?:ed|ing)?\s+the)\s*$")
_INWARD = r"(?:\s?\d[abd-hjlnp-uw-z]{2})?"
_DIGITS_SAID = r"(?:(?:" + "|".join(_UNITS) + r")[\s-](?:" + "|".join(_UNITS) + r"|zero|nought|oh))"
"""A district number said a digit at a time: "b one one", "b-one-one", "s one oh"."""


@cache
def postcode_areas() -> frozenset[str]:
    """The 121 UK postcode areas, lower-cased (``data/uk_postcode_areas.txt``)."""
    text = resources.files("cmo_coder.data").joinpath("uk_postcode_areas.txt").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0].strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


_JOINED = re.compile(r"(?i)(?<![\w'’.-])([a-z]{1,2})(\s?)(\d{1,2})([a-z]?)(" + _INWARD + r")(?![\w'’-])")
_SPELT = re.compile(r"(?i)(?<![\w'’.-])(([a-z])\.?\s([a-z])\.?)\s+(\d{1,2}|" + _NUMBER_WORDS + r")(?![\w'’-])")
_SAID = re.compile(r"(?i)(?<![\w'’.-])([a-z]{1,2})(?:\s+|-)(" + _DIGITS_SAID + r"|" + _NUMBER_WORDS + r")(?![\w'’-])")
_INWARD_LETTER = r"[abd-hjlnp-uw-z]"
_WORD_UNITS = {"as", "at", "be", "by", "he", "we", "us", "up", "so", "no", "go", "do", "to", "an", "in", "is", "it",
               "of", "on", "or", "me", "my", "ah", "eh", "uh", "er", "ha", "hm", "yes", "ye", "ya", "ex"}
"""Two joined letters that are words ("my ex two, three at a time"): an inward code only when spelt apart."""
_FULL_SAID = re.compile(
    r"(?i)(?<![\w'’.-])(?P<area>[a-z]{1,2}|[a-z]\.?\s[a-z]\.?)(?:\s*|-)(?P<district>\d{1,2}|" + _DIGITS_SAID + r"|"
    + _NUMBER_WORDS + r")[\s,-]+(?P<sector>\d|zero|nought|oh|" + "|".join(_UNITS) + r")[\s-]*"
    r"(?P<unit>" + _INWARD_LETTER + r"\.?\s?" + _INWARD_LETTER + r")(?![\w'’-])")
"""A whole postcode said or spelt: "ls nine seven tf", "M fourteen five T P", "w f one, three d x"."""
_ANY_NUMBER = re.compile(r"(?i)\d|\b(?:" + "|".join((*_UNITS, *_TEENS, *_TENS)) + r"|zero|nought)\b")
"""Most turns hold no digit and no number word: one search turns them away."""
_NUMBER_WORDS_SAID = frozenset((*_UNITS, *_TEENS, *_TENS, "zero", "nought"))
"""The words :data:`_ANY_NUMBER` looks for, as the turn view's runs of letters hold them."""
_DIGIT = re.compile(r"\d")


def _says_a_number(text: str) -> bool:
    """:data:`_ANY_NUMBER`'s answer, from the turn's runs of letters where the text is plain ASCII.

    Why: every turn of every transcript asks this before the postcode patterns, and the turn's runs of letters
    (:func:`.turn_view.text_words`) are already made for the other place layers of the same turn. In ASCII text a
    number word the pattern finds between word boundaries is a whole run of letters, lower-cased the same; outside
    ASCII the pattern's case-blind match reaches letters no lower-casing gives ("ſix"), so the pattern is asked."""
    if not text.isascii():
        return _ANY_NUMBER.search(text) is not None
    return _DIGIT.search(text) is not None or says_any(text, _NUMBER_WORDS_SAID)


def _cued(text: str, start: int, end: int) -> bool:
    return bool(_CUE_BEFORE.search(text[max(0, start - 30) : start]) or _CUE_AFTER.match(text[end : end + 20])
                or _whole_turn(text, start, end))


_LABEL_BEFORE = re.compile(r"(?i)\b(?:participants?|respondents?|interviewees?|speakers?|groups?|sites?|id|label|"
                           r"ref|reference|study|focus\s+group|round|wave|arm|cohort|transcript|interview)\s*$")
_LABEL_AFTER = re.compile(r"(?i)\s*(?::|(?:said|says|saying|told|tells|felt|feels|thought|thinks|mentioned|reported|"
                          r"described|explained|added|agreed|disagreed|noted|replied|answered|laughed|interrupted|"
                          r"talked|spoke|commented|raised)\b)")


_THING_AFTER = re.compile(r"(?i)\s*(?:forms?|models?|printers?|games?|consoles?|series|engines?|versions?|class|"
                          r"grades?|sizes?|paper|files?|cables?|batter(?:y|ies)|tablets?|injections?|jabs?|shots?|"
                          r"vitamins?|levels?|chips?|sensors?|cameras?|phones?|lenses?|drives?|pills?|doses?|"
                          r"summit|visa|permit|licen[cs]e|test|exam|units?|plugs?|sockets?)\b")
"""A noun after the code that makes it a thing's name ("a CH2 form", "the PS5 game", "B12 injections"),
where no place cue stands before it."""
_ONLY_IN_TURN = re.compile(r"(?i)^\W*(?:(?:yeah|yes|oh|ok(?:ay)?|right|so|um+|erm+|er+|uh+|it['’]?s|it\s+is|"
                           r"that['’]?s|we['’]?re|i['’]?m|just|the)\W+)*$")
"""What may come before a district that is a whole turn ("S6.", "Er, it's M14."): the answer to "and your
postcode?", whose cue was in the question."""


def _whole_turn(text: str, start: int, end: int) -> bool:
    """The district is all the turn says (with a filler or "it's"): an answer to a question about where."""
    return (bool(_ONLY_IN_TURN.match(text[:start])) and not re.search(r"\w", text[end:])
            and re.sub(r"\W", "", text[start:end]).lower() not in EVERYDAY_CODES)


def _label(text: str, start: int, end: int) -> bool:
    """ "SP12 said the same", "participant BD5", "SP12:": a study's label for a person, which has a district's
    shape ("SP" is Salisbury) but is said as a speaker or a participant, never as a place."""
    return bool(_LABEL_BEFORE.search(text[max(0, start - 20) : start]) or _LABEL_AFTER.match(text, end))


def _motorway(text: str, area: str, start: int, end: int) -> bool:
    """ "the m62", "m1 motorway", "junction 3 of the m6": a motorway, not a district."""
    if area != "m":
        return False
    if _ROAD_AFTER.match(text[end : end + 20]):
        return True
    return bool(_ROAD_BEFORE.search(text[max(0, start - 30) : start])) and not _CUE_AFTER.match(text[end : end + 20])


_FEW_DISTRICTS = {"fy": 8, "ze": 3, "hs": 9, "ld": 8, "kw": 17, "td": 15, "dg": 16}
"""Areas with few districts (FY0–FY8 ...): "fy21" is a fiscal year, never Blackpool."""


def _district_ok(area: str, digits: str, letter: str) -> bool:
    if len(digits) == 2 and digits[0] == "0":
        return False
    if int(digits) > _FEW_DISTRICTS.get(area, 99):
        return False
    return not letter or (area in _LETTER_SUFFIX_AREAS and len(digits) == 1)


def postcode_spans(text: str) -> list[tuple[int, int]]:
    """Spans of postcode districts (and full postcodes written with them) in ``text`` (module doc)."""
    if not _says_a_number(text):
        return []
    areas = postcode_areas()
    out: list[tuple[int, int]] = []
    for m in _JOINED.finditer(text):
        area, gap, digits, letter, inward = (g.lower() for g in m.groups())
        if area not in areas or not _district_ok(area, digits, letter):
            continue
        start, end = m.span()
        if inward:
            out.append((start, end))  # a full postcode: the shape is proof
            continue
        code = f"{area}{digits}{letter}"
        if _motorway(text, area, start, end):
            continue
        if (len(area) == 1 or gap or code in EVERYDAY_CODES or _label(text, start, end)
                or _THING_AFTER.match(text, end)) and not _cued(text, start, end):
            continue  # "b12 injections", "the g20", "co2", "SP12 said": a place only where the sentence says one
        out.append((start, end))
    for m in _SPELT.finditer(text):
        if m.group(2).lower() in {"a", "i"} and not _cued(text, m.start(), m.end()):
            continue  # "had a b twelve jab": an article, then a vitamin
        if f"{m.group(2)}{m.group(3)}".lower() in areas:
            out.append(m.span())
    for m in _SAID.finditer(text):
        area = m.group(1).lower()
        if area not in areas:
            continue
        start, end = m.span()
        if _motorway(text, area, start, end):
            continue
        if len(area) == 1 and re.search(r"(?i)\b(?:it|that|he|she|what|there|let|who|where|here)\s*$",
                                        text[max(0, start - 8) : start]):
            continue  # "it s eleven": an apostrophe the recogniser dropped
        strong = len(area) == 2 and area not in _WORD_PAIRS and not _label(text, start, end)
        if strong or _cued(text, start, end):
            out.append((start, end))
    for m in _FULL_SAID.finditer(text):
        if re.sub(r"[\s.]", "", m.group("area")).lower() in areas and m.group("unit").lower() not in _WORD_UNITS:
            out.append(m.span())  # the inward code's shape is proof, as in a written full postcode
    out.extend(spelt_postcode_spans(text, out))
    out.extend(shaped_postcode_spans(text))
    out.extend(town_district_spans(text))
    return _corrected(text, _outermost([_grown(text, s, e) for s, e in _outermost(out)]))


_TAKEN_BACK = re.compile(r"(?i)[\s,.;:-]*(?:(?:oh|erm|um|er|uh)[\s,.;:-]+)*(?:no|sorry|wait|i\s+mean|actually|"
                         r"hang\s+on|hold\s+on|scratch\s+that)(?:[\s,.;:-]+(?:no|sorry|wait|i\s+mean|actually|"
                         r"that['’]s\s+wrong|it['’]s|its|erm|um|er|uh))*[\s,.;:-]*")
"""Words that take back what was just said ("N G five, no wait, N G six"): a correction, not a new sentence."""


def _corrected(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A postcode said, taken back and said again ("M thirty, no sorry, M thirty-one, four E L") is one
    postcode: both goes and the words between go as one, so the placeholder reads once and no half stays."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _TAKEN_BACK.fullmatch(text, out[-1][1], start) and "\n\n" not in text[out[-1][1] : start]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _outermost(out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = sorted(set(out))
    return [(s, e) for s, e in spans if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)]


# --- postcodes spelt with letter names and spelling alphabets -----------------------------------------------
# "el es six, two ay bee", "B for bravo, D for delta, five, three", "bravo delta nine, four alpha foxtrot",
# "oh ex four, one ay why": each letter said as its name, a spelling-alphabet word, or "X for x-ray". The
# words are read back into letters and digits and the postcode shape is matched on those.

_LETTER_NAMES = {
    "ay": "a", "bee": "b", "cee": "c", "see": "c", "dee": "d", "ee": "e", "ef": "f", "eff": "f", "gee": "g",
    "aitch": "h", "haitch": "h", "jay": "j", "kay": "k", "el": "l", "ell": "l", "em": "m", "emm": "m", "en": "n",
    "enn": "n", "oh": "o", "pee": "p", "cue": "q", "queue": "q", "ar": "r", "are": "r", "es": "s", "ess": "s",
    "tee": "t", "you": "u", "vee": "v", "ex": "x", "why": "y", "wye": "y", "zed": "z", "zee": "z",
}
_SPELLING_ALPHABET = {
    "alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e", "foxtrot": "f",
    "golf": "g", "hotel": "h", "india": "i", "juliet": "j", "juliett": "j", "kilo": "k", "lima": "l", "mike": "m",
    "november": "n", "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t",
    "uniform": "u", "victor": "v", "whiskey": "w", "whisky": "w", "xray": "x", "yankee": "y", "zulu": "z",
}
_EVERYDAY_LETTER_NAMES = {"see", "oh", "are", "you", "why", "ex", "queue", "cue", "ee", "es", "el", "en", "em",
                          "ar", "ay"}
"""Letter names that are words too ("are you…", "why", "oh"): a spelt postcode needs one letter said otherwise."""
_NAMED_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SPELLING_JOIN = re.compile(r"[ \t\r\n,-]*")
_WORD_DIGITS = {**{w: str(i) for i, w in enumerate(_UNITS, 1)}, **{w: str(i) for i, w in enumerate(_TEENS, 10)},
                "zero": "0", "nought": "0", "o": "0", "oh": "0"}
_TENS_DIGIT = {w: str(i) for i, w in enumerate(_TENS, 2)}
_SPELT_FULL = re.compile(r"([a-z]{1,2})(\d{1,2}[a-z]?)(\d)([abd-hjlnp-uw-z]{2})")
_SPELT_DISTRICT = re.compile(r"([a-z]{1,2})(\d{1,2})")
_POSTCODE_CUE = re.compile(r"(?i)\b(?:post\s?code|postcode['’]s|pc)\b[^.?!]{0,20}$")


def _spelt_symbols(text: str) -> list[tuple[int, int, str, bool]]:
    """Letter-and-digit readings of the words of ``text``: (start, end, symbols, plain); ``plain`` is False for a
    letter said in a way no sentence says by chance (a spelling-alphabet word, "B for bravo", a lone letter)."""
    words = [(m.start(), m.end(), m.group(0).lower()) for m in _NAMED_TOKEN.finditer(text)]
    out: list[tuple[int, int, str, bool]] = []
    i = 0
    while i < len(words):
        s, e, w = words[i]
        nxt = words[i + 1][2] if i + 1 < len(words) else ""
        if len(w) == 1 and w.isalpha() and nxt == "for" and i + 2 < len(words) and words[i + 2][2].startswith(w):
            end = words[i + 2][1]  # "B for bravo", "S for sugar", "X for x-ray" (x-ray is two words here)
            skip = 3 + (words[i + 2][2] == "x" and i + 3 < len(words) and words[i + 3][2] == "ray")
            out.append((s, end if skip == 3 else words[i + 3][1], w, False))
            i += skip
            continue
        if w == "x" and nxt == "ray":
            out.append((s, words[i + 1][1], "x", False))
            i += 2
            continue
        if w == "double" and nxt in {"you", "u"}:
            out.append((s, words[i + 1][1], "w", False))
            i += 2
            continue
        if w in _TENS_DIGIT:
            if nxt in _UNITS:
                out.append((s, words[i + 1][1], _TENS_DIGIT[w] + _WORD_DIGITS[nxt], True))
                i += 2
                continue
            out.append((s, e, _TENS_DIGIT[w] + "0", True))
        elif w == "oh" and nxt in _LETTER_NAMES and nxt != "oh":
            out.append((s, e, "o", True))  # "oh ex four": the letter O before another letter
        elif w in _WORD_DIGITS and w != "o":
            out.append((s, e, _WORD_DIGITS[w], True))
        elif w.isdigit() and len(w) <= 2:
            out.append((s, e, w, True))
        elif len(w) == 1 and w.isalpha():
            out.append((s, e, w, False))
        elif w in _SPELLING_ALPHABET:
            out.append((s, e, _SPELLING_ALPHABET[w], False))
        elif w in _LETTER_NAMES:
            out.append((s, e, _LETTER_NAMES[w], w in _EVERYDAY_LETTER_NAMES))
        elif len(w) == 2 and w.isalpha() and w in postcode_areas():
            out.append((s, e, w, True))  # "hd one three ex why": joined area letters
        else:
            out.append((s, e, "", True))
        i += 1
    return out


def _might_spell(low: str) -> bool:
    """A cheap first look: "for", "post", a spelling-alphabet word or a letter name no sentence says by chance."""
    padded = f" {low} "
    return (" for " in low or "post" in low or any(f" {w}" in low for w in _SPELLING_ALPHABET)
            or any(f" {w} " in padded for w in _LETTER_NAMES if w not in _EVERYDAY_LETTER_NAMES))


def spelt_postcode_spans(text: str, found_already: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Postcodes said letter by letter with letter names or a spelling alphabet (see the comment above). Letter
    names that are everyday words ("oh ex four, one ay why") count where they widen a postcode found already."""
    if not found_already and not _might_spell(text.lower()):
        return []
    sym = _spelt_symbols(text)
    areas = postcode_areas()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(sym):
        found = None
        if sym[i][2].isalpha():
            said = ""
            for j in range(i, min(len(sym), i + 9)):
                if not sym[j][2] or (j > i and _SPELLING_JOIN.fullmatch(text, sym[j - 1][1], sym[j][0]) is None):
                    break
                said += sym[j][2]
                m = _SPELT_FULL.fullmatch(said)
                strong = any(not plain for _, _, _, plain in sym[i : j + 1]) or any(
                    a < sym[j][1] and sym[i][0] < b for a, b in found_already)
                if m and m.group(1) in areas and _district_ok(m.group(1), re.sub(r"\D", "", m.group(2)),
                                                              re.sub(r"\d", "", m.group(2))) and (
                        strong or _POSTCODE_CUE.search(text[max(0, sym[i][0] - 30) : sym[i][0]])):
                    found = (sym[i][0], sym[j][1], j)
                d = _SPELT_DISTRICT.fullmatch(said)
                if (found is None and d and d.group(1) in areas and _district_ok(d.group(1), d.group(2), "")
                        and (j + 1 >= len(sym) or not sym[j + 1][2].isdigit())
                        and (_POSTCODE_CUE.search(text[max(0, sym[i][0] - 30) : sym[i][0]])
                             or (any(not plain for _, _, _, plain in sym[i:j]) and _cued(text, sym[i][0], sym[j][1]))
                             or (all(sym[k][2] in areas or sym[k][2].isalpha() for k in range(i, j))
                                 and j - i == 2 and _cued(text, sym[i][0], sym[j][1])))):
                    found = (sym[i][0], sym[j][1], j)
        if found:
            out.append(found[:2])
            i = found[2] + 1
        else:
            i += 1
    return out


# --- postcodes by their shape in the symbols said -------------------------------------------------------------
# Whatever the words ("ls nine seven tf", "pee oh four, one aitch tee", "Hotel Delta one, five X-ray Uniform",
# "em twenty three, nine el zed"), the symbols are read back (:mod:`.said_symbols`) and the UK grammar tested:
# an area of the 121 (one or two letters), a district (one or two digits, or a digit and a letter in central
# London), then the inward code: a digit and two letters of the 20 used there (never C, I, K, M, O or V). A
# whole postcode is proof by itself unless every letter of it is a word a sentence says anyway ("tell me one two
# are you"); a district alone ("bee dee three") needs a place cue, as a written one does.

_SHAPE_FULL = re.compile(r"([a-z°]{1,2})([0-9°]{1,2}|[0-9°][a-z])([0-9°])([abd-hjlnp-uw-z]{2})")
_SHAPE_DISTRICT = re.compile(r"([a-z°]{1,2})([0-9°]{1,2})")


def _proof(pieces: Sequence[Piece]) -> bool:
    """Some letter said in a way no sentence says by chance: "pee", "Hotel", "B for bravo", "ls9"."""
    return any(not p.plain and not p.digit_word for p in pieces)


def shaped_postcode_spans(text: str) -> list[tuple[int, int]]:
    """Postcodes said or typed in any form, found by their shape (see the comment above)."""
    if not might_hold(text):
        return []
    areas = postcode_areas()
    out: list[tuple[int, int]] = []
    for run in symbol_runs(text):
        for found in find_shapes(run, _SHAPE_FULL):
            m = _SHAPE_FULL.fullmatch(found.symbols)
            assert m is not None
            area, district = letters(m.group(1)), digits(m.group(2))
            if area not in areas or not _district_ok(area, re.sub(r"\D", "", district), re.sub(r"\d", "", district)):
                continue
            word_tail = any(p.plain and len(p.symbols) >= 2 and p.symbols.isalpha() for p in found.pieces[1:])
            # "the M10 at junction 4": "at" is a word, not the inward letters
            if not word_tail and (_proof(found.pieces) or _cued(text, found.start, found.end) or _POSTCODE_CUE.search(
                    text[max(0, found.start - 30) : found.start])):
                out.append((found.start, found.end))
        for found in find_shapes(run, _SHAPE_DISTRICT, most=4):
            m = _SHAPE_DISTRICT.fullmatch(found.symbols)
            assert m is not None
            area, district = letters(m.group(1)), digits(m.group(2))
            last = run.index(found.pieces[-1])
            if found.pieces[0].symbols[-1:].isdigit() and not found.pieces[0].digit_word:
                continue  # "BD5, three years": a district typed whole; the number after it is no part of it
            if (area not in areas or not _district_ok(area, district, "") or len(found.pieces) < 2
                    or (last + 1 < len(run) and run[last + 1].symbols[:1].isdigit())
                    or _motorway(text, area, found.start, found.end)):
                continue
            if _cued(text, found.start, found.end) or _POSTCODE_CUE.search(
                    text[max(0, found.start - 30) : found.start]):
                out.append((found.start, found.end))
    return out


# --- districts said by their post town ------------------------------------------------------------------------
# In much of the north and the Midlands a district is said by its post town and number: "we live in Leeds 6",
# "she moved to Bradford five", "Liverpool 8". That is the postcode district LS6, BD5, L8, and is removed
# with the town. Scores and counts ("Leeds 2 Chelsea 1", "we played Leeds 3 times") have no place cue before
# them, or a count after them, and stay.

_COUNT_AFTER = re.compile(r"(?i)\s*(?:times?|years?|months?|weeks?|days?|hours?|people|nil|-|–|,\s*\w+\s+\d|"
                          r"(?:goals?|points?|nil|to|v|vs)\b)")


@cache
def _town_districts() -> tuple[re.Pattern[str], dict[str, str]]:
    text = resources.files("cmo_coder.data").joinpath("uk_postcode_areas.txt").read_text(encoding="utf-8")
    towns: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            area, town = line.split("\t", 1)
            town = town.strip().lower()
            if not town.startswith("london") and not town.startswith("outer"):
                towns.setdefault(town, area.strip().lower())
    names = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(towns, key=len, reverse=True))
    pattern = re.compile(r"(?i)(?<![\w'’-])(?P<town>" + names + r")\s+(?P<n>\d{1,2}|" + _NUMBER_WORDS
                         + r")(?![\w'’-])")
    return pattern, towns


@cache
def _town_first_words() -> frozenset[str]:
    """The first run of letters of each post town of :func:`_town_districts` ("stoke" of "stoke-on-trent", "st"
    of "st albans"): a turn that says none of them as a run of letters names no post town."""
    return frozenset(m.group(0) for town in _town_districts()[1] if (m := _FIRST_RUN.match(town)))


_FIRST_RUN = re.compile(r"[^\W\d_]+")


def town_district_spans(text: str) -> list[tuple[int, int]]:
    """Districts said by their post town and number after a place cue: "we live in Leeds 6" (comment above).

    A turn of plain ASCII that says no town's first word is passed by before the towns' pattern (one alternation of
    some hundred names, asked at every word): the pattern begins each town where no word character is before it,
    and each town's first run of letters ends where the town ends or at a character that is no letter, so a match
    begins with a whole run of letters of the turn, lower-cased as the town is. Outside ASCII the pattern's
    case-blind match reaches letters no lower-casing gives, so it is asked."""
    if text.isascii() and not says_any(text, _town_first_words()):
        return []
    pattern, towns = _town_districts()
    out: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        number = m.group("n").lower()
        said = number if number.isdecimal() else _word_number(number)
        if said is None or not _district_ok(towns[" ".join(m.group("town").lower().split())], said, ""):
            continue
        if _COUNT_AFTER.match(text, m.end()) or not _cued(text, m.start(), m.end()):
            continue
        out.append(m.span())
    return out


def _word_number(words: str) -> str | None:
    """ "six" → "6", "twenty-two" → "22"; None for "zero", "nought" (no district 0 is said by its town)."""
    parts = re.split(r"[\s-]+", words)
    value = 0
    for part in parts:
        if part in _UNITS:
            value += _UNITS.index(part) + 1
        elif part in _TEENS:
            value += _TEENS.index(part) + 10
        elif part in _TENS:
            value += (_TENS.index(part) + 2) * 10
        else:
            return None
    return str(value)


# --- a postcode said in two goes, or begun wrongly ------------------------------------------------------------
# "The postcode's N G seven. Then it's two B Q": the inward code in the next sentence; "S E, no sorry, S K nine":
# a first go at the area corrected. Both halves are one postcode, and the corrected letters were a guess at it:
# the found district grows over them, so nothing of the postcode stays.

_BRIDGE = re.compile(r"(?i)(?:[\s.,;:!?-]+(?:then|and|it['’]?s|its|is|the|rest|second|other|half|bit|last|part|"
                     r"end|ends|in|with|that['’]?s|erm|um|er|uh|so|yeah))*[\s.,;:!?-]+")
"""What may stand between a district and its inward code said apart: a full stop, "then it's", "and the rest is"."""
_INWARD_SHAPE = re.compile(r"[0-9°][abd-hjlnp-uw-z]{2}")
_CORRECTION = re.compile(r"(?i)(?:^|(?<=[\s,.]))(?P<first>(?:(?:[a-z]|" + "|".join(
    sorted(set(_LETTER_NAMES) - _EVERYDAY_LETTER_NAMES)) + r")[\s,.-]+){1,2})(?:(?:no|sorry|i\s+mean|wait|"
    r"actually|hang\s+on|erm|um|er)[\s,.]+)+$")
"""Letters said, then taken back ("S E, no sorry,"), right before a postcode."""


_SECTOR = re.compile(
    r"(?i)[ \t,-]+(?:[ \t,]*(?:erm|um|er|uh)[ \t,]+)?(?P<digit>(?:\d|" + "|".join(_UNITS) + r"|oh|zero|nought)"
    r"(?![\w'’-])(?:[ \t-]+[abd-hjlnp-uw-z](?![\w'’-]))?)"
    r"(?=[ \t]*(?:$|[.?!;,…\n]|(?:i\s+think|i\s+can|i\s+don|i\s+forget|something|summat|or\s+something|"
    r"and\s+then|then|erm|um|er|uh|the\s+rest|is\s+it)\b))")
"""The inward code's first digit said after a district and nothing after it ("S K twenty-two, four, I can't
remember the rest"): the postcode's sector, a few hundred homes, goes with the district."""
_SECTOR_COUNTED = re.compile(r"(?i)[ \t,]*(?:of\s+(?:us|them)|people|years?|kids|times|or\s+(?:five|six|seven|eight|"
                             r"nine|three|four|two)|o['’]?clock|pm|am|days?|weeks?|months?|nights?|hours?|minutes?|"
                             r"mins?|miles?|streets?|doors?|houses?|stops?|buses|kids|children|bedrooms?|floors?|"
                             r"flights?|storeys?|and\s+a\s+half|" + "|".join((*_UNITS, *_TEENS, *_TENS)) + r")\b")
_SECTOR_SAID = re.compile(r"(?i)[ \t-]+(?P<digit>(?:" + "|".join(_UNITS) + r"|oh|zero|nought)(?![\w'’-]))")
"""In captions, where no comma marks the pause: the inward code's first digit after a district spelt letter by
letter ("s k twenty two four i can't remember"), unless a count or another number follows it."""


def _spelt_in_captions(text: str, start: int, end: int) -> bool:
    """A district said letter by letter ("l s twenty six") in a turn with no capital."""
    return not any(ch.isupper() for ch in text) and bool(re.match(r"[a-z][ .-]+[a-z][ .-]+\w", text[start:end]))


def _grown(text: str, start: int, end: int) -> tuple[int, int]:
    """A found postcode with its inward code said after a pause or a full stop, and a corrected first go at its
    letters before it (comment above)."""
    code = re.sub(r"[\W_]", "", text[start:end])
    if not re.search(r"\d[a-z]{2}$", code, re.I):
        bridge = _BRIDGE.match(text, end)
        at = bridge.end() if bridge else end
        if at > end and "\n\n" not in text[end:at]:
            tail = text[at : at + 40]
            runs = symbol_runs(tail)
            if runs and runs[0][0].start == 0:
                shapes = find_shapes(runs[0], _INWARD_SHAPE, most=4)
                said = [tail[p.start : p.end].lower() for p in shapes[0].pieces[1:]] if shapes else []
                if shapes and shapes[0].start == 0 and letters(shapes[0].symbols[1:]) not in _WORD_UNITS \
                        and not any(w in _WORD_UNITS or w in _EVERYDAY_LETTER_NAMES - {"ay", "ee", "es", "el"}
                                    for w in said):
                    end = at + shapes[0].end  # the district found is the cue; no word of a sentence said
        if not re.search(r"\d[a-z]{2}$", re.sub(r"[\W_]", "", text[start:end]), re.I):
            sector = _SECTOR.match(text, end) or (_SECTOR_SAID.match(text, end) if _spelt_in_captions(
                text, start, end) else None)
            if sector and not _SECTOR_COUNTED.match(text, sector.end("digit")):
                end = sector.end("digit")
    before = _CORRECTION.search(text[max(0, start - 40) : start])
    if before:
        start = max(0, start - 40) + before.start("first")
    return _restarted(text, start), end


_RESTART_GAP = re.compile(r"(?i)(?:[\s,.-]+(?:erm|um|er|uh|sorry|no|i\s+mean|so))*[\s,.-]+$")


def _restarted(text: str, start: int) -> int:
    """Where a postcode begun, broken off and said again from the start begins: "ell ess six, erm, ell ess six
    four a b" (two words or more of its beginning said right before it)."""
    said = [m.group(0).lower() for m in re.finditer(r"[\w'’]+", text[start : start + 40])]
    gap = _RESTART_GAP.search(text[max(0, start - 20) : start])
    if gap is None or len(said) < 3:
        return start
    before_end = max(0, start - 20) + gap.start()
    for n in range(min(4, len(said) - 1), 1, -1):
        words = list(re.finditer(r"[\w'’]+", text[max(0, before_end - 40) : before_end]))[-n:]
        if len(words) == n and [w.group(0).lower() for w in words] == said[:n]:
            return max(0, before_end - 40) + words[0].start()
    return start

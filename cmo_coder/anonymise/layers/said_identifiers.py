"""Direct identifiers said aloud: phone, NHS, hospital and national insurance numbers, car registrations and
e-mail addresses as speech and captions write them.

The written-form rules (``rules.py``) expect "07700 900123" and "jo@example.org"; a transcript has "oh seven
seven double oh, nine hundred, one two three" and "jo dot bloggs at gmail dot com". Digits are read back
from words by :mod:`.said_numbers`; what the digits are is told by their shape and the words before them:

* a phone number: a leading zero and 10-12 digits (a digit said twice), "plus four four" and 12, or 6-13
  digits right after a phone cue ("my number's", "ring me on", "mobile", "landline");
* an NHS number: 10 digits passing the modulus-11 check, or any 10 digits after "NHS number";
* a hospital number: after "hospital/patient/unit number" or "MRN", spelt letters and 4 or more digits;
* a national insurance number: two letters, six digits, a letter A-D ("ab 12 34 56 c", "J K one two…D"),
  the prefix letters checked against those HMRC never issues;
* a car registration (current style): two letters, two digits, three letters ("LV19 HBC", "y k six eight
  x r t"); lower-case and joined ("ab12 cde") only where the three letters are no word or a cue says a car;
* an e-mail address: words joined by "dot"/"underscore", "at", a domain and "dot com"/"co dot uk"….

Counts, times, doses and ages stay: they are short runs and no cue stands before them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from ..turn_text import turn_text
from .said_numbers import NUMBER_WORDS, Run, Token, digit_runs, joined, nhs_number_valid, tokens
from .said_symbols import Piece, find_shapes, letters, might_hold, symbol_runs
from .state import has_capital
from .words import is_everyday

Found = tuple[int, int, str, str]
"""(start, end, category, reason)"""

_PHONE_CUE = re.compile(r"(?i)\b(?:number|numbers|mobile|mobile's|landline|landline's|phone|ring|call|text|"
                        r"contact|reach|extension|ext|tel|telephone)\b[^.?!\n]{0,24}$")
_HELPLINE = re.compile(r"1(?:16\d{3}|1\d|0\d)$|999$")
"""Numbers everyone rings, not a person's: 116 123 (Samaritans), 116 117, 111, 101, 999."""
_NHS_CUE = re.compile(r"(?i)\bnhs\s+(?:number|no)\b[^.?!]{0,20}$")
_HOSPITAL_CUE = re.compile(r"(?i)\b(?:(?:hospital|patient|unit|case|medical\s+record|record|chi|k)\s+(?:number|no|id)"
                           r"(?:['’]s)?|m\s?r\s?n|mrn)\b[^.?!]{0,36}$")
_NI_CUE = re.compile(r"(?i)\b(?:national\s+insurance|n\s?i|nino)\b[^.?!]{0,30}$")
_POSTCODE_CUE = re.compile(r"(?i)\bpost\s?code(?:['’]s)?\b[^.?!]{0,20}$")
"""A postcode asked for or named: letters, two digits and three letters after it are the postcode ("the
postcode is ee ex twelve, oh en bee": EX12 0NB, which a plate's shape also fits), unless a car is named too."""
_CAR_CUE = re.compile(r"(?i)\b(?:reg|reg's|registration|registration's|number\s+plate|plate|car|van)\b[^.?!]{0,20}$")
_NI_FIRST_NEVER, _NI_SECOND_NEVER = set("dfiquv"), set("dfiqouv")
_NI_PREFIX_NEVER = {"bg", "gb", "kn", "nk", "nt", "tn", "zz"}
_NI_WRITTEN = re.compile(r"(?i)(?<![\w])([a-z]{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})\s?([a-d])(?![\w])")
_CAR_WRITTEN = re.compile(r"(?<![\w])([A-Za-z]{2})(\d{2})(\s?)([A-Za-z]{3})(?![\w])")
_TLD = r"(?:com|net|org|uk|ie|io|me|info|biz|edu|gov|ac|nhs|scot|wales|co)"
_EMAIL_DOMAIN = re.compile(r"(?i)\bat\s+([a-z0-9]+(?:\s+dot\s+[a-z0-9]+)*?\s+dot\s+" + _TLD
                           + r"(?:\s+dot\s+" + _TLD + r")?)(?![\w])")
_LOCAL_WORD = re.compile(r"(?i)[a-z0-9]+(?:['’][a-z]+)?$")
_CONNECTORS = {"dot", "underscore", "dash", "hyphen", "point"}
_LOCAL_STOP = STOP_WORDS | {"email", "e-mail", "mail", "address", "it's", "its", "that's", "is", "me", "send",
                            "write", "erm", "um", "er", "uh", "like", "just", "so", "yeah", "okay", "oh", "at"}


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


def _letters_before(text: str, toks: list[Token], i: int, most: int) -> int:
    """How many spelt letters (or one short joined group of them) end right before token ``i``: "r t", "jk"."""
    n = 0
    while n < most and i - n - 1 >= 0 and toks[i - n - 1].letter and joined(text, toks[i - n - 1], toks[i - n]):
        n += 1
    if n == 0 and i > 0 and joined(text, toks[i - 1], toks[i]):
        word = toks[i - 1].text
        if 2 <= len(word) <= most and word.isalpha() and word not in STOP_WORDS and not is_everyday(word):
            return 1
    return n


def _letters_after(text: str, toks: list[Token], i: int, want: int) -> int:
    """Tokens after token ``i`` spelling ``want`` letters (one by one, or joined as one group); 0 if not."""
    n = 0
    while n < want and i + n + 1 < len(toks) and toks[i + n + 1].letter and joined(text, toks[i + n], toks[i + n + 1]):
        n += 1
    if n == want:
        return n
    if (n == 0 and i + 1 < len(toks) and joined(text, toks[i], toks[i + 1]) and len(toks[i + 1].text) == want
            and toks[i + 1].text.isalpha() and toks[i + 1].text not in STOP_WORDS):  # "N W ten for years": a word
        return 1
    return 0


def _ni_letters_ok(prefix: str, suffix: str) -> bool:
    prefix = prefix.lower()
    return (len(prefix) == 2 and prefix[0] not in _NI_FIRST_NEVER and prefix[1] not in _NI_SECOND_NEVER
            and prefix not in _NI_PREFIX_NEVER and suffix.lower() in {"a", "b", "c", "d"})


def _spelt(toks: list[Token], a: int, b: int) -> str:
    return "".join(t.text for t in toks[a:b])


_ISO_DATE = re.compile(r"(?:19|20)\d\d[-/.](?:0[1-9]|1[0-2])[-/.](?:0[1-9]|[12]\d|3[01])(?!\d)")
"""A date written year first, as a recorder writes it in a file's title ("2026-05-13"): its digits and an hour's
after it make ten, the length of an NHS number."""


def _from_run(text: str, toks: list[Token], run: Run) -> Found | None:
    """What the digits of one run are, with the letters around them; None for a count, a time, a dose."""
    digits, before = run.digits, _before(text, toks[run.first].start)
    if len(digits) == 6:
        n = _letters_before(text, toks, run.first, 2)
        after = _letters_after(text, toks, run.last, 1)
        prefix = _spelt(toks, run.first - n, run.first)
        suffix = toks[run.last + 1].text if after else ""
        if n and after and (_ni_letters_ok(prefix, suffix) or (
                _NI_CUE.search(_before(text, toks[run.first - n].start)) and suffix in {"a", "b", "c", "d"})):
            return toks[run.first - n].start, toks[run.last + 1].end, "national_insurance", "national insurance said"
    if len(digits) == 2 and not run.plus:
        n = _letters_before(text, toks, run.first, 2)
        after = _letters_after(text, toks, run.last, 3)
        spelt_letters = n == 2 or (after == 3)
        if n and after and len(_spelt(toks, run.first - n, run.first)) == 2 and (
                spelt_letters or _CAR_CUE.search(before)) and not (
                _POSTCODE_CUE.search(before) and not _CAR_CUE.search(before)):
            end = toks[run.last + after].end
            return toks[run.first - n].start, end, "car_registration", "car registration said"
    if (_HOSPITAL_CUE.search(_before(text, toks[run.first - _letters_before(text, toks, run.first, 3)].start))
            or _HOSPITAL_CUE_AFTER.match(text, run.end)) and len(digits) >= 4:
        n = _letters_before(text, toks, run.first, 3)
        end = toks[run.last].end
        if _letters_after(text, toks, run.last, 1) and toks[run.last + 1].text not in STOP_WORDS:
            end = toks[run.last + 1].end
        return toks[run.first - n].start, end, "hospital_number", "hospital number said"
    if len(digits) == 10 and _ISO_DATE.match(text, run.start) and not _NHS_CUE.search(before):
        return None  # "(2026-05-13 13:02 GMT+1)": a date and the hour of a meeting's title, not ten digits said
    if len(digits) == 10 and (nhs_number_valid(digits) or _NHS_CUE.search(before) or _NHS_NEAR.search(
            text, max(0, run.start - 40), min(len(text), run.end + 30)) or (
            _read_out(text, toks, run) and not _PHONE_CUE.search(before))):
        return run.start, run.end, "nhs_number", "NHS number said"
    if run.plus and digits.startswith("44") and 11 <= len(digits) <= 13:
        return run.start, run.end, "phone", "phone number said"
    if digits.startswith("0") and 10 <= len(digits) <= 12:  # one digit too many or few: still someone's number
        return run.start, run.end, "phone", "phone number said"
    if 6 <= len(digits) <= 13 and _PHONE_CUE.search(before) and not _HELPLINE.match(digits):
        return run.start, run.end, "phone", "phone number said (after a phone cue)"
    return None


def _read_out(text: str, toks: list[Token], run: Run) -> bool:
    """Ten digits read out one by one or typed in groups ("six one two, four four nine…", "721-334-8876"), not
    starting with zero (a phone number does): the shape of an NHS number, whatever words stand around it. Counts
    said in tens or teens ("nineteen eighty-four…") and sums typed with thousands commas ("1,234,567,890") are
    no such run."""
    if run.digits.startswith("0") or re.search(r"\d,\d", text[run.start : run.end]):
        return False
    if _ISO_DATE.match(text, run.start):
        return False  # "(2026-03-04 10:02 GMT)": a meeting's date and hour, as Google Meet heads its transcript
    return all(t.text.isdigit() or t.text in _SINGLE_DIGIT_WORDS for t in toks[run.first : run.last + 1])


_ISO_DATE = re.compile(r"(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?![0-9])")
"""A date written year first, as software writes it: its digits are never read out as an NHS number."""
_NHS_NEAR = re.compile(r"(?i)\bnhs\b")
"""Ten digits with "NHS" a few words off ("his number, the NHS one, is…", "…, that's her NHS") are that number."""
_SINGLE_DIGIT_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "zero",
                                 "oh", "o", "nought", "double", "triple", "treble"})
_HOSPITAL_CUE_AFTER = re.compile(r"(?i)[\s,]*(?:(?:that['’]s|is|it['’]s|was)\s+)?(?:the|my|her|his|their|your)\s+"
                                 r"(?:hospital|patient|unit|case|record)\s+(?:number|no|id)\b")


def _written(text: str) -> Iterator[Found]:
    """National insurance numbers and car registrations written compactly: "AB123456C", "LV19 HBC"."""
    for m in _NI_WRITTEN.finditer(text):
        if _ni_letters_ok(m.group(1), m.group(5)):
            yield m.start(), m.end(), "national_insurance", "national insurance number"
    for m in _CAR_WRITTEN.finditer(text):
        letters = m.group(1) + m.group(4)
        if letters.isupper() or (not is_everyday(m.group(4)) and m.group(4).lower() not in STOP_WORDS) or (
                _CAR_CUE.search(_before(text, m.start()))):
            yield m.start(), m.end(), "car_registration", "car registration"


def _emails(text: str) -> Iterator[Found]:
    """ "dean dot smith at gmail dot com": from the domain back over the address words to the first that is
    no part of it (a stop word such as "is" or "me", "email", punctuation)."""
    for m in _EMAIL_DOMAIN.finditer(text):
        start = pos = m.start()
        said: list[str] = []
        while len(said) < 8:
            gap = re.search(r"[ \t\n-]+$", text[max(0, pos - 4) : pos])
            if gap is None:
                break
            word = _LOCAL_WORD.search(text[max(0, pos - len(gap.group(0)) - 30) : pos - len(gap.group(0))])
            if word is None:
                break
            low = word.group(0).lower().replace("’", "'")
            base = re.sub(r"'s$", "", low)  # "email's", "address's"
            if ((base in _LOCAL_STOP or low in _LOCAL_STOP) and len(low) > 1 and low not in NUMBER_WORDS) or (
                    low in {"a", "i"}):
                break
            pos = pos - len(gap.group(0)) - len(word.group(0))
            if low not in _CONNECTORS:
                start = pos
            said.append(low)
        if start < m.start() and _address_like(said):
            yield start, m.end(), "email", "e-mail address said"


def _address_like(words: list[str]) -> bool:
    """ "dean dot smith", "j bloggs", "kaur ninety", "okoro": not a lone everyday word ("have a look at nhs dot
    uk" names a website)."""
    return any(w in _CONNECTORS or w in NUMBER_WORDS or w.isdigit() or len(w) == 1 or not is_everyday(w)
               for w in words)


def _merged(found: list[Found]) -> list[Found]:
    """One span per stretch: the same identifier found twice, or a longer reading of it, is kept once.

    Sorted on the whole tuple: two rules finding the same span ("12a" after "at" and before a street) would
    otherwise be ordered by the set's hashes, and the reason kept would change from run to run."""
    out: list[Found] = []
    for f in sorted(set(found), key=lambda f: (f[0], -f[1], f[2], f[3])):
        if out and f[0] < out[-1][1]:
            last = out[-1]
            out[-1] = (last[0], max(last[1], f[1]), last[2], last[3])
        else:
            out.append(f)
    return out


_NUMBER = (r"(?:\d|\b(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|double|"
           r"triple|treble)\b)")
_LOOK = re.compile(r"(?i)" + _NUMBER + r"[\s,-]+" + _NUMBER + r"|\d\d|\b[b-hj-z][\s,-]+" + _NUMBER)
"""Every identifier here holds two digits in a row, or a spelt letter then a number ("s l seventy, m v p"),
said or written: most turns have neither."""
_DOT = re.compile(r"(?i)\bdot\s")
_NUMBER_WORDS = frozenset({"oh", "zero", "nought", "one", "two", "three", "four", "five", "six", "seven", "eight",
                           "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                           "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
                           "seventy", "eighty", "ninety", "double", "triple", "treble"})
"""The words of :data:`_NUMBER`, one by one."""
_RUN = re.compile(r"[a-z0-9]+")
_ASCII_DIGIT = re.compile(r"[0-9]")


def _may_look(text: str) -> bool:
    """Whether :data:`_LOOK` can match: each of its ways holds a digit or a number said in words (:data:`_NUMBER`,
    a whole word), and most turns hold neither. Told from the lower-cased turn's runs of letters where the turn is
    plain ASCII (a digit or a case-blind word is then what it looks like); any other turn goes to the pattern."""
    if not text.isascii() or _ASCII_DIGIT.search(text):
        return True  # (in plain ASCII a digit is 0-9: one search, not a test of every character)
    return not _NUMBER_WORDS.isdisjoint(_RUN.findall(text.lower()))


_SORT_CODE_CUE = re.compile(r"(?i)\bsort\s?codes?(?:['’]s)?\b[^.?!\n]{0,16}$")
_ACCOUNT_CUE = re.compile(r"(?i)\b(?:(?:bank\s+)?account(?:\s+(?:number|no))?(?:['’]s)?|acc(?:ount)?\s+no)\b"
                          r"[^.?!\n]{0,16}$")
_HOSPITAL_WRITTEN = re.compile(r"(?<![\w-])[A-Za-z]{1,3}-?\d{4,9}[A-Za-z]?(?![\w-])")


def _bank(text: str, toks: list[Token], runs: list[Run]) -> Iterator[Found]:
    """A sort code (six digits, said in pairs or written 20-45-67) after "sort code"; an account number (eight
    digits) after "account number" or "the account's". Other six- and eight-digit runs are left to the phone and
    hospital rules."""
    for run in runs:
        before = _before(text, run.start, 30)
        if len(run.digits) == 6 and _SORT_CODE_CUE.search(before):
            yield run.start, run.end, "bank", "sort code"
        elif len(run.digits) == 8 and _ACCOUNT_CUE.search(before):
            yield run.start, run.end, "bank", "bank account number"
    for m in re.finditer(r"(?<![\w-])\d\d([- ])\d\d\1\d\d(?![\w-])", text):
        if _SORT_CODE_CUE.search(_before(text, m.start(), 30)):
            yield m.start(), m.end(), "bank", "sort code"


def _hospital_written(text: str) -> Iterator[Found]:
    """ "My hospital number is K447281": letters and digits typed as one word after a hospital-number cue."""
    for m in _HOSPITAL_WRITTEN.finditer(text):
        if _HOSPITAL_CUE.search(_before(text, m.start())):
            yield m.start(), m.end(), "hospital_number", "hospital number"


_STREET_KINDS = (r"(?:road|rd|street|st|lane|ln|avenue|ave|grove|close|drive|dr|way|crescent|terrace|row|place|"
                 r"court|gardens|walk|mews|rise|hill|view|square|green|vale|parade|fold|croft|bank|side|gate|"
                 r"park|mount|meadows?|wynd|brae|chase)")
_STREET_KIND_WORDS = frozenset({
    "road", "rd", "street", "st", "lane", "ln", "avenue", "ave", "grove", "close", "drive", "dr", "way", "crescent",
    "terrace", "row", "place", "court", "gardens", "walk", "mews", "rise", "hill", "view", "square", "green", "vale",
    "parade", "fold", "croft", "bank", "side", "gate", "park", "mount", "meadow", "meadows", "wynd", "brae", "chase"})
"""Every word :data:`_STREET_KINDS` matches, in lower case. Why: the pattern of a number before a street
(:data:`_NUMBER_STREET`) was tried over every turn, and each of its matches holds one of these as a whole word
(after a space, before no letter, digit or underscore), which in plain ASCII is one of the lower-cased turn's runs of
a–z: a turn whose runs hold none is passed by."""
_HOUSE = (r"(?:[1-9]\d{0,3}[a-hA-H]?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+"
          r"(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
          r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[\s-]?[a-h])?)")
_FLAT = re.compile(r"(?i)\b(?:flat|apartment|apt)\s+(?P<n>" + _HOUSE + r")(?![\w'’-])")
_NUMBER_AT = re.compile(r"(?i)\b(?:at|live|lives|living|lived|house\s+is|house\s+was|house's|home\s+is|it['’]s|"
                        r"address\s+is|moved\s+(?:in)?to|round)\s+(?P<lead>(?:number|no\.?)\s+(?P<n>" + _HOUSE
                        + r"))(?![\w'’-])(?!\s+(?:on|in)\s+(?:the|a|my|our|their)\s+(?:waiting\s+)?"
                        r"(?:list|queue|charts?|table))")
_NUMBER_STREET = re.compile(r"(?P<n>(?<![\w'’£$.,/-])" + _HOUSE + r")\s+(?P<street>(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
                            + r"[\w'’-]+\s+" + _STREET_KINDS + r"(?:\s+" + _STREET_KINDS + r")?)\b(?!['’-])",
                            re.IGNORECASE)
_MEASURES = {"minute", "minutes", "min", "mins", "mile", "miles", "hour", "hours", "second", "seconds", "day", "days",
             "week", "weeks", "month", "months", "year", "years", "yard", "yards", "metre", "metres", "meter", "meters",
             "foot", "feet", "km", "quid", "pound", "pounds", "times", "storey", "story", "bed", "bedroom", "odd",
             "different", "people", "kids", "houses", "doors", "lane", "mph", "percent", "per", "cent", "way"}
"""Words after a number that say how many or how far ("a 10 minute walk", "two lane road"), not whose house."""
_LETTERED = re.compile(r"(?i)\b(?:at|it['’]s|is|number|no\.?|in)\s+(?!(?:[2-5]g|[2-4]d)\b)(?P<n>[1-9]\d{0,3}[a-h])"
                       r"(?![\w'’-])")
"""A house number and its letter after "at", "it's": not a network ("in 5G") nor a dimension ("at 2D")."""
_DIGIT = re.compile(r"\d")
_NOT_HOUSE_BEFORE = re.compile(r"(?i)\b(?:room|section|ward|bay|bed|page|form|level|year|grade|class|unit|gate|"
                               r"platform|band|size|tier|stage|step|chapter|question|item|box|table|seat|bus)\s*$")


def _addresses(text: str, low: str) -> Iterator[Found]:
    """House and flat numbers, with the street named after a number: "42 Elm Grove", "number 7", "flat 3b",
    "47a". A number alone is a count; it is an address after "flat", after "at/lives at/house is number", as a
    number-and-letter after "at" or "it's", or before words ending in a street kind (in cased text those words
    start with capitals: "20 minutes up the road" is no address)."""
    cased = has_capital(text)
    patterns = [p for p, look in ((_FLAT, "flat" in low or "ap" in low), (_NUMBER_AT, "number" in low or " no" in low),
                                  (_LETTERED, _DIGIT.search(text))) if look]  # each only where its word stands
    for pattern in patterns:
        for m in pattern.finditer(text):
            if pattern is _LETTERED and _NOT_HOUSE_BEFORE.search(_before(text, m.start("n"), 20)):
                continue
            lead = "lead" if pattern is _NUMBER_AT else "n" if pattern is _LETTERED else 0
            start = m.start(lead)
            yield start, m.end("n"), "house_number", "house or flat number"
    if text.isascii() and _STREET_KIND_WORDS.isdisjoint(turn_text(text).ascii_words):
        return  # no street kind said: nothing for the pattern to find (outside ASCII the pattern is asked)
    for m in _NUMBER_STREET.finditer(text):
        words = m.group("street").split()
        named = [w for w in words[:-1] if w.lower() != "the"]
        if not named or any(w.lower() in STOP_WORDS or w.lower() in NUMBER_WORDS or w.lower() in _MEASURES
                            for w in named):
            continue
        if cased and not all(w[:1].isupper() for w in named + [words[-1]]):
            continue
        said = not m.group("n")[:1].isdigit()
        if _NOT_HOUSE_BEFORE.search(_before(text, m.start("n"), 20)) or (
                said and re.search(r"(?i)\b(?:a|an|the)\s+$", _before(text, m.start("n"), 6))):
            continue  # "a one way street", "the two lane road": a count, said after an article
        yield m.start("n"), m.end("n"), "house_number", "house number before a street"
        yield m.start("street") + (4 if words[0].lower() == "the" else 0), m.end("street"), "street", \
            "street named after a house number"


_SHAPE_NI = re.compile(r"([a-z°]{2})([0-9°]{6})([a-d])")
_SHAPE_CAR = re.compile(r"([a-z°]{2})([0-9°]{2})([a-z°]{3})")


def _shaped(text: str) -> Iterator[Found]:
    """National insurance numbers and number plates said in any letters (names, a spelling alphabet, "J for
    Juliet") and digits, found by their shape in the symbols read back (:mod:`.said_symbols`). Letters that are
    all everyday words ("why", "are", "you", "a") need a cue before them."""
    for run in symbol_runs(text):
        for found in find_shapes(run, _SHAPE_NI, most=12):
            m = _SHAPE_NI.fullmatch(found.symbols)
            assert m is not None
            if _ni_letters_ok(letters(m.group(1)), m.group(3)) and (
                    _spelt_proof(found.pieces) or _NI_CUE.search(_before(text, found.start))):
                yield found.start, found.end, "national_insurance", "national insurance number by its shape"
        for found in find_shapes(run, _SHAPE_CAR, most=9):
            before = _before(text, found.start)
            if _POSTCODE_CUE.search(before) and not _CAR_CUE.search(before):
                continue
            if _CAR_CUE.search(before) or (_spelt_proof(found.pieces) and not _word_at_end(found.pieces)):
                yield found.start, found.end, "car_registration", "car registration by its shape"


def _word_at_end(pieces: tuple[Piece, ...]) -> bool:
    """The last letter is "I" or "a", a word anyway ("bd five nine qr i think" is a postcode, then "I think"):
    no plate without a cue."""
    return pieces[-1].plain and pieces[-1].symbols in {"i", "a"}


def _spelt_proof(pieces: tuple[Piece, ...]) -> bool:
    """Some letter said in a way no sentence says by chance, and no English word after the first piece ("CD16a
    as an engager": "as" is a word, not the plate's last letters)."""
    return any(not p.plain and not p.digit_word for p in pieces) and not any(
        p.plain and len(p.symbols) >= 2 and p.symbols.isalpha() for p in pieces[1:])


def said_identifiers(text: str) -> list[Found]:
    """Every identifier of the kinds above said or written in ``text`` (module doc)."""
    found: list[Found] = []
    if _may_look(text) and _LOOK.search(text):
        toks = tokens(text)
        runs = digit_runs(text, toks)
        banked = list(_bank(text, toks, runs))
        found.extend(banked)
        found.extend(f for run in runs if (f := _from_run(text, toks, run)) is not None
                     and not any(a <= f[0] < b for a, b, _, _ in banked))
        found.extend(_written(text))
        found.extend(_hospital_written(text))
        if might_hold(text):
            found.extend(_shaped(text))
    found.extend(_addresses(text, turn_text(text).low))
    if _DOT.search(text):
        found.extend(_emails(text))
    return _merged(found)

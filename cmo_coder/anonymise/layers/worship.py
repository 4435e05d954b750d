"""Places of worship, and places named after a saint: "st oswald's church", "holy trinity", "the bethel
pentecostal church", "madina masjid", "st aidan's primary", "she was at st mary's".

Where someone worships, was christened or went to school places them in a parish. Three forms, in
captions as in cased text:

* **A saint's name** ("st" / "st." / "saint" and a name, possessive or not): with a head after it
  ("st oswald's church", "st aidan's primary", "st james hospital", "st luke's ward") it is that kind of
  place; without one it is a place when said as one ("at st bride's", "went to st marys", "from st
  cuthbert's"), and in cased text when written possessive ("St Mary's was packed"). Days and things
  named after saints are not places ("St Patrick's Day", "St John's wort", "St Bernard").
* **A dedication** without a saint ("Holy Trinity", "Sacred Heart", "All Saints", "Christ Church", "Our
  Lady of Lourdes", "English Martyrs", from the dedications of parish churches the Church of England's
  and the Catholic Church's directories list most often): with a head, or said as a place ("christened
  at holy trinity", "mass at sacred heart"). "The holy spirit moved me" is not a place.
* **A name before a head of worship** ("the bethel pentecostal church", "kelsey road methodist chapel",
  "the brackenfield mosque", "guru nanak gurdwara", "masjid al noor"), denomination words allowed between;
  a kind is no name ("the local mosque", "the methodist chapel", "the catholic church", "the church of
  england").

Each is typed by its head so the placeholder reads right: "we went to [church name]", "she goes to
[mosque name]", "he went to [school name]", "at [place name]".
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .naming import KIND_WORDS, name_before, norm_word, proper_word, said_words
from .words import name_lexicon

_WORD = r"[^\W\d_][\w'’]*"
_SAINT = r"(?:st\.?|saint|ss\.?|sts\.?)"

_HEAD_KINDS: dict[str, str] = {
    "church": "church", "chapel": "church", "parish": "church", "tabernacle": "church", "citadel": "church",
    "kingdom hall": "church", "meeting house": "church", "gospel hall": "church", "mission": "church",
    "mosque": "mosque", "masjid": "mosque", "gurdwara": "gurdwara", "temple": "temple", "mandir": "temple",
    "synagogue": "synagogue", "shul": "synagogue",
    "school": "school", "primary": "school", "infants": "school", "infant": "school", "juniors": "school",
    "junior": "school", "academy": "school", "college": "school", "high": "school", "grammar": "school",
    "comprehensive": "school", "nursery": "school",
    "hospital": "hospital", "hospice": "hospital", "infirmary": "hospital",
    "ward": "ward", "unit": "ward",
    "centre": "place", "center": "place", "hall": "place", "court": "place", "house": "place",
}
"""Heads after a saint's name or a dedication, and the kind of place each says."""
_HEADS = "|".join(sorted((h.replace(" ", r"\s+") for h in _HEAD_KINDS), key=len, reverse=True))
_WORSHIP_HEADS = ("church", "chapel", "tabernacle", "citadel", "kingdom hall", "meeting house", "gospel hall",
                  "mosque", "masjid", "gurdwara", "temple", "mandir", "synagogue", "shul")
"""Heads that a name before them makes a particular place of worship."""

_NOT_PLACES = frozenset({
    "day", "days", "eve", "wort", "ambulance", "bernard", "bernards", "bernard's", "trinian's", "trinians", "leger",
    "elsewhere", "laurent", "tropez", "petersburg", "lucia", "kitts", "helena", "vincent", "louis", "paul's",
})
"""Words after a saint's name (or the name itself) that say a day, a herb, a breed, a race, a brand or a
place abroad: "St Patrick's Day", "St John's wort", "a St Bernard", "the St Leger", "St Lucia"."""
_DAY_AFTER = re.compile(r"(?i)^\s*(?:day|days|eve|wort|ambulance|night|parade)\b")

DEDICATIONS = (
    "holy trinity", "holy cross", "holy family", "holy spirit", "holy ghost", "holy name", "holy rood",
    "holy redeemer", "holy innocents", "holy angels", "holy saviour", "most holy redeemer", "sacred heart",
    "christ church", "christ the king", "all saints", "all souls", "all hallows", "our lady", "good shepherd",
    "corpus christi", "blessed sacrament", "precious blood", "immaculate conception", "english martyrs",
    "holy apostles", "emmanuel", "immanuel", "st peter and st paul", "saints peter and paul",
)
"""The commonest dedications of parish churches and church schools that name no saint (module doc)."""
_DEDICATION = re.compile(r"(?i)\b(" + "|".join(d.replace(" ", r"\s+") for d in DEDICATIONS)
                         + r")(?:\s+of\s+(" + _WORD + r"))?(?:['’]s)?\b")
_AS_PLACE_BEFORE = re.compile(
    r"(?i)\b(?:at|to|in|into|from|near|round|outside|behind|opposite|by|towards|down|up\s+at|over\s+at)\s+(?:the\s+)?$")
"""Words before a bare name that say it is a place ("at st bride's", "went to holy trinity")."""
_WORSHIP_CUE = re.compile(r"(?i)\b(?:christened|baptised|baptized|married|buried|confirmed|mass|service|services|"
                          r"worship|worshipped|parish|congregation|vicar|priest|minister|pastor|imam|rabbi|"
                          r"sunday\s+school|funeral|funerals|wedding|weddings|christening|christenings|communion|choir|hymns|"
                          r"nativity|harvest\s+festival)\b")
_DENOMINATIONS = frozenset({
    "baptist", "methodist", "pentecostal", "evangelical", "catholic", "roman", "anglican", "reformed", "united",
    "free", "elim", "congregational", "presbyterian", "orthodox", "greek", "coptic", "apostolic", "gospel",
    "community", "parish", "central", "jamia", "jame", "islamic", "sikh", "hindu", "jewish", "muslim", "quaker",
    "adventist", "christian", "fellowship", "life", "new", "wesleyan", "primitive", "unitarian", "lutheran",
    "episcopal", "independent", "full", "salvation", "army", "church", "of", "god", "christ", "rc", "c", "e",
})
"""Words between a name and a head of worship that say a denomination, not the name."""
CHAPEL_NAMES = frozenset({
    "providence", "zion", "salem", "bethel", "bethesda", "ebenezer", "hope", "grace", "rehoboth", "jireh", "carmel",
    "hebron", "moriah", "siloam", "siloh", "shiloh", "pisgah", "nebo", "horeb", "bethany", "gilead", "tabor",
    "bethlehem", "calvary", "nazareth", "jerusalem", "sardis", "philadelphia", "antioch", "bethania", "seion",
    "capel", "hermon", "smyrna", "galilee", "sion", "zoar", "emmaus", "beulah", "elim", "peniel", "jordan",
})
"""Biblical places and words nonconformist chapels are named by ("Providence Chapel", "Zion Baptist", "Salem",
"Ebenezer"), written for the project from the names English and Welsh chapels commonly bear. Ordinary
words in captions ("providence", "hope", "grace"), so they name a chapel only before its head."""
_HONORIFICS = frozenset({"guru", "sri", "shri", "shree", "baba", "bhagat", "swami", "hazrat", "sheikh", "shaykh"})
"""Honorifics that begin the name of a gurdwara, temple or mosque ("guru nanak gurdwara")."""
_NAMED_WORSHIP = re.compile(
    r"(?i)\b((?:" + _WORD + r"\s+){1,6})(" + "|".join(h.replace(" ", r"\s+") for h in _WORSHIP_HEADS) + r")\b")
_MASJID = re.compile(r"(?i)\bmasjid(?:[\s-]+(?:al|el|e|ul|un|an|as|ar|at))?[\s-]+(" + _WORD + r")")
_SAINT_NAME = re.compile(r"(?i)\b" + _SAINT + r"\s+(" + _WORD + r")(?:\s+(?:and|&)\s+(?:" + _SAINT + r"\s+)?("
                         + _WORD + r"))?")
_HEAD_AFTER = re.compile(r"(?i)^(?:\s+(?:rc|r\.c\.|c\s+of\s+e|cofe|catholic|church\s+of\s+england|parish|"
                         r"primary|junior|infant|community|high|methodist|baptist))*\s+(" + _HEADS + r")\b"
                         r"(?:\s+(?:school|church|chapel))?")
_STREET_AFTER = re.compile(r"(?i)^\s+(?:road|street|lane|avenue|drive|close|crescent|terrace|grove|gardens|"
                           r"place|row|walk|way|square|park|estate|rd|st)\b")
_CUES = frozenset({"st", "saint", "ss", "sts", "church", "chapel", "mosque", "masjid", "gurdwara", "temple", "mandir",
                   "synagogue", "shul", "tabernacle", "citadel", "kingdom", "meeting", "gospel", "mission"}
                  | {d.split()[0] for d in DEDICATIONS})


def worship_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """Spans of saint-named places, dedications and named places of worship (module doc), typed by head."""
    words = said_words(text)
    if words.isdisjoint(_CUES):
        return []
    out: list[tuple[int, int, str]] = []
    out.extend(_saint_places(text, caseless))
    out.extend(_dedications(text, caseless))
    out.extend(_named_worship(text, caseless))
    out.extend(_kind_then_name(text, caseless))
    return out


_KIND_THEN_NAME = re.compile(r"(?i)\b(" + "|".join(h.replace(" ", r"\s+") for h in _WORSHIP_HEADS)
                             + r")\s*,?\s+the\s+(" + _WORD + r")(?=\s*(?:$|[.,;:!?)]|\s+(?:they|we|on|in|at|and|"
                             r"or|but|so|where|every|for|near|by|with|i|he|she|it|you|yeah|um|er|erm|that|which|"
                             r"was|is|does|do|did|had|has|have|runs|run|ran)\b))")
"""The kind first, then the name: "it's at the chapel, the wesley, they do a brew" ("the" and one word)."""


def _kind_then_name(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """ "the chapel, the wesley", "the mosque the madina": a place of worship's kind said first and its
    name after it, a name of proper-name kind or a listed name (a chapel is often named after a person)."""
    out = []
    for m in _KIND_THEN_NAME.finditer(text):
        word = m.group(2)
        low = norm_word(word)
        if low in STOP_WORDS or low in KIND_WORDS or low in _DENOMINATIONS or low in _HEAD_KINDS:
            continue
        if not caseless and not word[:1].isupper():
            continue
        if proper_word(word, caseless) or low in name_lexicon("all"):
            out.append((m.start(2), m.end(2), _HEAD_KINDS[" ".join(m.group(1).lower().split())]))
    return out


def _second_saint(m: re.Match[str], caseless: bool) -> bool:
    """Whether "and Y" after a saint's name names a second saint of one dedication ("St Peter and
    St Paul", "SS Peter and Paul"), not the next words of the sentence ("St Teilo's and my sponsor"):
    "st" said again, or a name that is no function word, capitalised in cased text, after a first
    name that is not possessive."""
    second = m.group(2)
    if re.search(r"(?i)(?:and|&)\s+" + _SAINT + r"\s+$", m.string[m.end(1) : m.start(2)]):
        return True
    if norm_word(m.group(1)).endswith("'s") or norm_word(second) in STOP_WORDS:
        return False
    return caseless or second[:1].isupper()


def _saint_places(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    out = []
    for m in _SAINT_NAME.finditer(text):
        name = m.group(1)
        low = norm_word(name)
        stem = low[:-2] if low.endswith("'s") else low
        if stem in STOP_WORDS or stem in _NOT_PLACES or low in _NOT_PLACES or len(stem) < 3 or stem in KIND_WORDS:
            continue
        if not caseless and not (m.group(0)[:1].isupper() and name[:1].isupper()):
            continue  # cased text writes a saint's place with its capitals
        end = m.end()
        if m.group(2) is not None and not _second_saint(m, caseless):
            end = m.end(1)  # "St Teilo's and my sponsor": the place ends at the first name
        rest = text[end:]
        if _DAY_AFTER.match(rest) or _STREET_AFTER.match(rest):
            continue  # a day or a herb; a street is the street layer's
        head = _HEAD_AFTER.match(rest)
        if head:
            kind = _HEAD_KINDS[" ".join(head.group(1).lower().split())]
            out.append((m.start(), end + head.end(), kind))
        elif _AS_PLACE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]) or (
                not caseless and (low.endswith("'s") or m.group(2))) or (caseless and _said_possessive(low)):
            out.append((m.start(), end, "place"))
    return out


def _said_possessive(low: str) -> bool:
    """In captions a saint's place keeps its possessive ("st chad's is lovely") or loses only the apostrophe
    ("mum's funeral was st marys"): the possessive of a saint's name, said alone, is the church or school
    named after them, as cased text's "St Mary's was packed" is. A bare name ("st john") may be the saint."""
    if low.endswith("'s"):
        return True
    return low.endswith("s") and len(low) > 4 and low[:-1] in name_lexicon("first")


def _dedications(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    out = []
    for m in _DEDICATION.finditer(text):
        if not caseless and not m.group(0)[:1].isupper():
            continue
        end = m.end()
        head = _HEAD_AFTER.match(text[end:])
        before = text[max(0, m.start() - 60) : m.start()]
        if head:
            out.append((m.start(), end + head.end(), _HEAD_KINDS[" ".join(head.group(1).lower().split())]))
        elif _AS_PLACE_BEFORE.search(before[-20:]) and (_WORSHIP_CUE.search(before) or not caseless
                                                       or norm_word(m.group(0)).endswith("'s")):
            out.append((m.start(), end, "place"))
    return out


def _named_worship(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    out = []
    for m in _NAMED_WORSHIP.finditer(text):
        words = m.group(1).split()
        while words and norm_word(words[-1]) in _DENOMINATIONS:
            words.pop()  # "the bethel pentecostal church": the name stands before the denomination
        if not words or norm_word(words[-1]) in {"the", "a", "an", "our", "my", "his", "her", "their", "your"}:
            continue
        n = name_before(words[-2:], caseless)
        if n == 0 and norm_word(words[-1]) in CHAPEL_NAMES and (caseless or words[-1][:1].isupper()):
            n = 1  # "providence chapel", "salem methodist church": a chapel's biblical name
        elif 0 < n < len(words) and norm_word(words[-n - 1]) in CHAPEL_NAMES and (
                caseless or words[-n - 1][:1].isupper()):
            n += 1  # "hope valley church": the biblical word begins the name
        if n == 0 or any(norm_word(w) in KIND_WORDS or norm_word(w) in STOP_WORDS for w in words[-n:]):
            continue
        if len(words) > n and norm_word(words[-n - 1]) in _HONORIFICS:
            n += 1  # "guru nanak gurdwara", "sri guru singh sabha": the honorific is part of the name
        start = m.start(1) + _offset_of_word(m.group(1), len(words) - n)
        out.append((start, m.end(), _HEAD_KINDS[" ".join(m.group(2).lower().split())]))
    for m in _MASJID.finditer(text):
        name = m.group(1)
        low = norm_word(name)
        if low in STOP_WORDS or low in _DENOMINATIONS or (not caseless and not name[:1].isupper()):
            continue
        out.append((m.start(), m.end(), "mosque"))
    return out


def _offset_of_word(chunk: str, index: int) -> int:
    """Where the ``index``-th whitespace-separated word of ``chunk`` starts."""
    return [w.start() for w in re.finditer(r"\S+", chunk)][index]

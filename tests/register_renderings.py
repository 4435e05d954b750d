"""Registers of every shape and the ways speech and captions render them: the generator the register's
property tests and fuzz target share.

Every name here is invented from common given names, family names and particles; every place is a
public place name. A register line is written as teams write one ("Church, Helen", "Helen CHURCH",
"J. P. Morgan-Ellis"); a mention is a form a speaker says (whole name, given name, surname with its
particles, title and surname) rendered as a transcript or a caption file writes it: as written,
lower or upper case, without its accents, apostrophes and hyphens dropped or spaced, particles run
together ("vanderberg"), "St" as "Saint" or "St.", with a possessive, wrapped in punctuation or broken
over a line.

:func:`oracle` says what may not be left of a registered line, independently of the register's own
code: every word of the name (folded to plain letters), and the surname's particles run together.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import strategies as st

GIVEN = ["Zoë", "Siân", "Seán", "Łukasz", "Mary Kate", "Anne-Marie", "Abdul Rahman", "Will", "Grace", "Bill", "Sky",
         "Hope", "Jo", "J. P.", "Siobhán", "Pádraig", "Liam", "Awa", "Priya", "Jean-Luc", "Dafydd", "Aoife"]
FAMILY = ["O'Neill", "D'Souza", "N'Diaye", "Mac an tSaoir", "Ní Bhriain", "Ó Súilleabháin", "van der Berg",
          "de la Cruz", "bin Hassan", "ap Rhys", "al-Amin", "Morgan-Ellis", "McDonald", "MacLeod", "Nguyễn", "Şahin",
          "Church", "Bishop", "English", "Cook", "Smith-Jones", "Ó Briain", "Van Dyke", "Da Silva"]
PLACES = ["St Helens", "Saint Ives", "St. Austell", "Stratford-upon-Avon", "Newcastle upon Tyne", "Southend-on-Sea",
          "Ynys Môn", "Llanfair PG", "Bishop's Stortford", "Ashby-de-la-Zouch", "Bwlch-y-groes", "Baile Átha Cliath"]
PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "la", "le", "da", "dos", "di", "du", "ap", "ab", "bin",
                       "ibn", "al", "el", "mac", "an", "ni", "nic", "o", "ua", "d", "n"})
TITLES = ("Mr", "Mrs", "Ms", "Dr", "Nurse")
GENERIC_PLACE_WORDS = frozenset({"st", "saint", "upon", "on", "sea", "the", "y", "de", "la", "pg"})

FILLER = ["we", "went", "said", "and", "with", "ok", "so", "that", "really", "I", "to", "it", "was", "my", "our",
          "she", "told", "thanks", "um", "business", "the", "of", "a", "yeah", "then", "came", "round", "after",
          "dinner", "you", "know", "ward", "nurse", "doctor", "group", "meeting", "phoned", "twice", "about"]
WRAP = [("", ""), ("(", ")"), ('"', '"'), ("“", "”"), ("'", "'"), ("— ", " —"), ("…", "…"), ("...", "..."),
        ("[", "]"), ("-", "-")]
AFTER = ["", "", ",", ".", "?", "!", "'s", "’s", "s", ":", ";", "…"]


def ascii_fold(text: str) -> str:
    """The letters without their accents, case kept: "Zoë" → "Zoe", "Łukasz" → "Lukasz", "Şahin" → "Sahin"."""
    text = text.translate(str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "đ": "d", "Đ": "D", "ı": "i"}))
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(word: str) -> str:
    """Lower case, plain letters only: how the oracle compares a word with a registered one."""
    return "".join(c for c in ascii_fold(word).lower() if "a" <= c <= "z")


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def oracle(surface: str, category: str) -> frozenset[str]:
    """The folded words that may not survive of a register line (its distinctive words), and the surname
    run together ("vanderberg", "oneill", "macantsaoir", "morganellis"). One-letter initials and
    particles alone are not names, so they are not looked for."""
    if category != "person":
        return frozenset(fold(w) for w in words(surface) if fold(w) not in GENERIC_PLACE_WORDS and len(fold(w)) >= 3)
    if "," in surface:
        family, given = (p.strip() for p in surface.split(",", 1))
        surface = f"{given} {family}"
    found = {fold(w) for w in words(surface) if len(fold(w)) >= 2 and fold(w) not in PARTICLES}
    tokens = surface.split()
    for i in range(len(tokens)):
        run = tokens[i:]
        joined = fold("".join(run))
        if len(joined) >= 3 and all(fold(t) in PARTICLES for t in run[:-1]) and (
                len(run) > 1 or re.search(r"['’-]", run[0])):
            found.add(joined)
    return frozenset(found)


def surname_of(full: str) -> str:
    """The family name with its particles: "Pieter van der Berg" → "van der Berg"."""
    tokens = full.split()
    i = len(tokens) - 1
    while i > 1 and fold(tokens[i - 1]) in PARTICLES:
        i -= 1
    return " ".join(tokens[i:])


@st.composite
def person_line(draw: st.DrawFn) -> tuple[str, str, str]:
    """(line as the register writes it, given name, family name)."""
    given, family = draw(st.sampled_from(GIVEN)), draw(st.sampled_from(FAMILY))
    how = draw(st.sampled_from(["plain", "plain", "comma", "upper"]))
    line = {"plain": f"{given} {family}", "comma": f"{family}, {given}", "upper": f"{given} {family.upper()}"}[how]
    return line, given, family


def render(form: str, draw: st.DrawFn, caption: bool) -> str:
    """One way a transcript or a caption file writes ``form``."""
    out = form
    if draw(st.booleans()):
        out = ascii_fold(out)
    if caption or draw(st.integers(0, 3)) == 0:
        apostrophe = draw(st.sampled_from(["'", "’", " ", ""]))
        out = out.replace("'", apostrophe).replace("’", apostrophe)
        hyphen = draw(st.sampled_from(["-", " ", ""]))
        out = out.replace("-", hyphen)
        if draw(st.booleans()):  # particles run into the name they lead: "vanderberg", "macantsaoir", "dasilva"
            out = re.sub(r"(?i)\b(van der|van|von|de la|de|da|mac an|ap|bin|al|ó|o|ní|ni|mc|mac)\s+(?=\w)",
                         lambda m: m.group(1).replace(" ", ""), out)
        if caption:
            out = out.replace(".", "")
    st_form = draw(st.sampled_from(["St", "Saint", "St.", "st"]))
    out = re.sub(r"\b(?:St\.?|Saint)(?=\s)", st_form, out)
    casing = draw(st.sampled_from(["as", "lower", "upper", "title"] if not caption else ["lower"]))
    out = {"as": out, "lower": out.lower(), "upper": out.upper(), "title": out.title()}[casing]
    if " " in out and draw(st.integers(0, 4)) == 0:
        i = draw(st.sampled_from([m.start() for m in re.finditer(" ", out)]))
        out = out[:i] + draw(st.sampled_from(["\n", "  ", "\n  "])) + out[i + 1:]
    return out


@st.composite
def mention(draw: st.DrawFn, people: list[tuple[str, str, str]], places: list[str], caption: bool) -> str:
    """A registered person or place as someone says it, punctuated as a transcript writes it."""
    if places and (not people or draw(st.integers(0, 3)) == 0):
        form = draw(st.sampled_from(places))
    else:
        _, given, family = draw(st.sampled_from(people))
        full = f"{given} {family}"
        form = draw(st.sampled_from([full, given, surname_of(full), f"{draw(st.sampled_from(TITLES))} "
                                     f"{surname_of(full)}", family]))
    said = render(form, draw, caption)
    if draw(st.integers(0, 5)) == 0:
        said = f"{said}, {said}"  # said twice: "Liam, Liam, come here"
    before, after = draw(st.sampled_from(WRAP))
    tail = draw(st.sampled_from(AFTER))
    if tail == "s" and not caption:
        tail = "'s"  # a typed transcript writes a possessive's apostrophe; captions drop it ("oneills mum")
    if tail in {"'s", "’s"} and said.endswith("s"):
        tail = tail[0]  # "the Rhys' house"
    if caption:
        before, after, tail = "", "", tail if tail in {"", "s", "'s"} else ""
    return before + said + tail + after


def safe_filler(banned: frozenset[str]) -> list[str]:
    return [w for w in FILLER if fold(w) not in banned]


@st.composite
def speech(draw: st.DrawFn, people: list[tuple[str, str, str]], places: list[str], caption: bool,
           banned: frozenset[str]) -> str:
    """A turn of filler and mentions; a mention may open or close the turn."""
    filler = safe_filler(banned)
    parts = []
    for _ in range(draw(st.integers(2, 12))):
        if draw(st.integers(0, 2)) == 0:
            parts.append(draw(mention(people, places, caption)))
        else:
            parts.append(draw(st.sampled_from(filler)))
    if draw(st.booleans()):
        parts.insert(0, draw(mention(people, places, caption)))
    if draw(st.booleans()):
        parts.append(draw(mention(people, places, caption)))
    text = " ".join(parts).strip()
    return text.lower() if caption else text


@st.composite
def registers(draw: st.DrawFn) -> tuple[list[tuple[str, str, str]], list[str]]:
    """One to four people and up to two places, each registered once."""
    people = draw(st.lists(person_line(), min_size=1, max_size=4,
                           unique_by=lambda p: (fold(p[1]), fold(p[2]))))
    # one registered surname per person: two people sharing a family name are one register line's business
    seen: set[str] = set()
    people = [p for p in people if not (fold(p[2]) in seen or seen.add(fold(p[2])))]  # type: ignore[func-returns-value]
    places = draw(st.lists(st.sampled_from(PLACES), max_size=2, unique=True))
    return people, places


def banned_words(people: list[tuple[str, str, str]], places: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for line, _, _ in people:
        out |= oracle(line, "person")
    for p in places:
        out |= oracle(p, "place")
    return frozenset(out)


def left_over(text: str, banned: frozenset[str]) -> list[str]:
    """Every word of ``text`` (and each run of two or three words, for names run together) that folds to a
    banned word; a possessive or plural "s" run on is dropped first ("oneills")."""
    ws = words(text)
    hits = []
    for i, w in enumerate(ws):
        f = fold(w)
        if f in banned or (f.endswith("s") and f[:-1] in banned):
            hits.append(w)
        for n in (2, 3):
            if i + n <= len(ws):
                joined = fold("".join(ws[i:i + n]))
                if joined in banned and len(joined) > max(len(fold(x)) for x in ws[i:i + n]):
                    hits.append(" ".join(ws[i:i + n]))
    return hits

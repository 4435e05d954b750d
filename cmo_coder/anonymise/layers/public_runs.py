"""The name runs the public frames read, and what makes a run a person's or a place's whatever its frame.

The frames of :mod:`.public_medicines`, :mod:`.public_culture` and :mod:`.public_charities` look at what
other layers proposed: the statistical model reads "Tapentadol", "Slow Horses" or "Pink Therapy" as a person
or an organisation because it has never seen them. A proposal is widened to the whole capitalised run in
cased text ("Slow" proposed alone in "Slow Horses") and trimmed of an article. Whatever a frame says, a run
stays a name when it begins with a given name ("watching Kayleigh in the school play", "rang Dave"), when a
word of kinship, friendship or care or a title stands before it ("my mate", "Mrs"), or when it is one word
that names a UK place ("moved to Crawley"); registered names always win, as everywhere in the allow-list.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc

from .public_bodies import _lows
from .public_figures import PRIVATE_WORDS
from .public_names import COMMONEST_SURNAMES
from .turn_view import turn_view
from .words import SELDOM_LOWER, in_dictionary, lowercase_usage, name_lexicon, place_names

TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "doctor", "nurse", "sister", "auntie", "aunty", "uncle",
                    "nan", "nana", "grandma", "grandad", "mister", "missus", "councillor", "father", "rev"})
"""Words before a run that make it a person ("Mrs Sands", "Uncle Ray")."""
OWNERS = frozenset({"my", "our", "me", "your", "his", "her", "their"})
"""Words right before a run that make it someone known ("our Kayleigh"); "her new album" has a word between."""
ARTICLES = frozenset({"the", "a", "an", "that", "this"})
JOINERS = frozenset({"of", "the", "and", "&", "in", "on", "to", "a"})
"""Words inside a title that need no capital ("Lord of the Rings", "Call the Midwife")."""
_MAX = 6
_INNER_JOINERS = JOINERS - {"a", "to", "on", "in"}


def _texts(doc: Doc) -> list[str]:
    """The doc's token texts: the shared view's (:mod:`.turn_view`), which the other layers of the turn have
    mostly made already, instead of a second list of the same string ids."""
    return turn_view(doc).texts


def capitalised(doc: Doc, i: int) -> bool:
    return _capitalised(_texts(doc)[i])


def _alpha(doc: Doc, i: int) -> bool:
    return _alpha_text(_texts(doc)[i])


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _alpha_text(text: str) -> bool:
    """Letters, and nothing but letters, digits and the marks a name may hold; judged once per word (every run of
    every proposal asks it of each of its words and the words around)."""
    known = _ALPHA_TEXT.get(text)
    if known is None:
        if len(_ALPHA_TEXT) >= 100_000:
            _ALPHA_TEXT.clear()  # a long-running process with an open vocabulary must not grow this without end
        known = _ALPHA_TEXT[text] = any(ch.isalpha() for ch in text) and all(
            ch.isalnum() or ch in "-'’&+!." for ch in text)
    return known


_ALPHA_TEXT: dict[str, bool] = {}


def runs(doc: Doc, proposed: Iterable[tuple[int, int]], caseless: bool) -> list[tuple[int, int]]:
    """Token runs (start, end) of the proposals: widened to the capitalised run in cased text (joining words
    inside), trimmed of articles and of a possessive; at most six words."""
    out: set[tuple[int, int]] = set()
    lows, texts, n = _lows(doc), _texts(doc), len(doc)  # read once here, not at each word looked at
    view = turn_view(doc)  # the proposals' tokens found in the turn's table of offsets, no Span made
    for a, b in proposed:
        found = view.char_tokens(a, b, "expand")
        if found is None or found[0] == found[1]:
            continue
        s, e = found
        if not caseless:
            while s > 0 and _capitalised(texts[s - 1]) and _alpha_text(texts[s - 1]) and view.trail[s - 1] \
                    and lows[s - 1] not in TITLES:
                s -= 1
            while e < n and (_capitalised(texts[e]) and _alpha_text(texts[e]) or (
                    lows[e] in _INNER_JOINERS and e + 1 < n and _capitalised(texts[e + 1]))):
                e += 1
        while s < e and (lows[s] in ARTICLES or not _alpha_text(texts[s])):
            s += 1
        while e > s and (lows[e - 1] in {"'s", "'"} or not _alpha_text(texts[e - 1]) or lows[e - 1] in JOINERS):
            e -= 1
        if s < e and e - s <= _MAX:
            out.add((s, e))
    return sorted(out)


@cache
def _firsts() -> frozenset[str]:
    return name_lexicon("first")


def given_first(lows: list[str], s: int) -> bool:
    """The run begins with a given name: a person, whatever follows ("Ted Lasso" only by a strong frame)."""
    return lows[s] in _firsts()


def personal(lows: list[str], s: int, e: int, owners: bool = True) -> bool:
    """A word of kinship, friendship or care, a title or (with ``owners``) an owner right before the run, or
    a one-word run that is a UK place: never kept by a frame (clubs aside, see :mod:`.public_culture`). A
    medicine has an owner ("my Ventolin inhaler"), so its frames pass ``owners=False``."""
    before = lows[s - 1] if s > 0 else ""
    if before in PRIVATE_WORDS - (set() if owners else OWNERS) or (owners and before in OWNERS) \
            or before.rstrip(".") in TITLES:
        return True
    return e - s == 1 and lows[s] in place_names()


def unknown(low: str) -> bool:
    """No dictionary and no name list holds the word ("Wattpad", "Buccolam", "Elmbury"): it may be a product,
    or a place nobody listed."""
    return not in_dictionary(low) and low not in name_lexicon("all")


def plain(lows: list[str], s: int, e: int) -> bool:
    """Every word of the run is a dictionary word or a joiner, none a given name, a UK place or one of the
    commonest surnames: a name made of such words says no one and nowhere ("Hearing Dogs", "Pink Therapy")."""
    for k in range(s, e):
        low = lows[k]
        if low in JOINERS:
            continue
        if low in _firsts() or low in place_names() or low in COMMONEST_SURNAMES or not in_dictionary(low):
            return False
    return True


def span_of(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Character span of tokens ``s``..``e``."""
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1])


def local_risk(doc: Doc, lows: list[str], s: int, e: int) -> bool:
    """A word of the run may be a family's name (see :func:`family_name_risk`) or a place nobody listed: a word
    no list or dictionary holds with the ending of an English place ("Thornfield", "Kelderby")."""
    return family_name_risk(doc, lows, s, e) or any(
        len(lows[k]) >= 6 and lows[k].endswith(PLACE_ENDINGS) and unknown(lows[k]) for k in range(s, e))


def family_name_risk(doc: Doc, lows: list[str], s: int, e: int) -> bool:
    """A run with a word no dictionary holds that is written as a name, not as a product ("Okonkwo",
    "Nowak", not "StepChange" or "Co-op2"): a family's name from anywhere in the world may be said so
    ("the Okonkwo group chat", "the Nowak charity"), so the weaker frames do not keep it."""
    for k in range(s, e):
        text = doc[k].text
        product = any(ch.isdigit() for ch in text) or any(ch.isupper() for ch in text[1:])
        if not in_dictionary(lows[k]) and not product:
            return True
    return False


PLACE_ENDINGS = ("bury", "borough", "brough", "field", "ton", "ham", "ford", "ley", "by", "wick", "worth", "thorpe",
                 "mouth", "bridge", "caster", "cester", "chester", "minster", "wood", "combe", "stead", "stow", "well",
                 "dale", "holme", "hurst", "den", "don", "ing", "ington", "moor", "more", "port", "sey", "wich",
                 "mere", "cliffe", "ridge", "stone", "gate", "head")
"""Endings of English place names (Old English "burh", "feld", "tun", "ham", "ford", "leah", "mere", "hrycg",
Norse "by", "gata"):
a word no dictionary holds that ends so is read as a place, though made of two words ("Elmbury")."""


def place_shaped(low: str) -> bool:
    """No dictionary and no name list holds the word, English seldom writes it in lower case, and it is a
    place's shape or no compound of two words ("online", "website", "smartphone" are words the 1934
    dictionary lacks)."""
    if not unknown(low) or lowercase_usage().get(low, 0) >= SELDOM_LOWER:
        return False
    if low.endswith(PLACE_ENDINGS):
        return True  # "Elmbury", "Thornfield": a compound of words, as English places are
    return not any(in_dictionary(low[:i]) and in_dictionary(low[i:]) for i in range(3, len(low) - 2))

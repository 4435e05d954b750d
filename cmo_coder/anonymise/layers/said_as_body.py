"""National bodies whose name is also a given name or a surname, kept only where they are spoken of as the body.

Some national charities are called what people are called: "Brook" (young people's sexual health), "Bliss"
(premature babies), "Sands" (stillbirth), "Tommy's", "Maggie's", "Anthony Nolan". No list may keep them
wherever they are said, as "Brook said she'd ring" and "Tommy's mum" are people a study must remove. So they
live in their own file (``data/bodies_said_as_such.tsv``), each with the words of its field, and this module
keeps one only where the sentence speaks of the body:

* a word of its field in the same sentence and the name in a body's place: after "the", "to", "at", "from",
  "through", "with", "by", "for", "in" or a verb of getting in touch ("went to Brook for the pill", "we rang
  Bliss from the neonatal unit"), or before a word of its field ("a Bliss nurse on NICU", "the Sands memory
  box"); a possessive name ("Maggie's") must end its phrase there ("sat in Maggie's after chemo", never
  "in Maggie's car");
* a name that is a surname and no given name ("Bliss", "Sands", "Depaul") within eight words of a word of its
  field, wherever it stands ("Bliss had a support worker on the neonatal unit"); a given name never so
  ("Brook gave me the pill" may be a friend);
* or a charity's service or material right after a name that is no possessive ("the Brook clinic", "the
  Bliss helpline": :data:`.public_charities.SERVICE` and :data:`.public_charities.MATERIAL`).

And never where the words say a person: a title, a word of kinship or friendship, or a greeting before it ("my
friend Brook"), a person's possession after it ("Brook's mum"), speech or "and me" around it ("Brook said",
"me and Brook"), a capitalised word after it in cased text or a name after it in captions ("Brook Hadley"), a
given name before it ("Hadley Brook"), or a given name as the subject of a verb people do ("Brook gave me the
pill": a friend may). A name the register holds wins, as everywhere.
The everyday-word bodies ("Mind", "Crisis", "Shelter", "Beat", "Refuge", "Scope", "Sense") are not here: no
person or place bears them, so the allow-list keeps them wherever a layer proposes one, and their everyday use
("it was a crisis") is proposed by nothing.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .context import person_cue, word_after, word_before
from .public_charities import CONTACT, MATERIAL, SERVICE
from .public_figures import PRIVATE_WORDS
from .turn_view import turn_view
from .words import name_lexicon

BODY_PLACE = frozenset({"the", "to", "at", "from", "through", "with", "by", "for", "via", "a", "an", "our",
                        "their", "referred", "signposted", "joined", "contacted", "in", "into", "inside",
                        "outside", "on", "onto"}) | CONTACT
"""Words right before a name that put a body there rather than a person's subject ("went to Brook", "rang
Bliss", "through Tommy's"). "a" and "an" hold a body's name used as a modifier ("a Bliss nurse")."""
_ENDS_A_PHRASE = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "ADV", "AUX", "VERB"})
"""Parts of speech after a possessive name that end its phrase ("sat in Maggie's with a tea", "Tommy's is
good"): anything else is the owner's thing ("Maggie's car")."""
PERSON_AFTER = frozenset({"speaks", "owns", "with me"})
""":func:`.context.person_cue` answers that always say a person."""
_BESIDE = 8
"""Words either side of a surname-only body's name within which a word of its field says the body."""
_TOKEN = re.compile(r"['’]s\b|[\w-]+")


@cache
def bodies() -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
    """Each listed body as its lower-case words (a possessive's "'s" a word of its own, as spaCy splits it)
    and its field; a possessive name also as captions write it without the apostrophe ("maggies")."""
    text = resources.files("cmo_coder.data").joinpath("bodies_said_as_such.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, field = line.partition("\t")
        words = frozenset(field.lower().split())
        low = name.strip().lower().replace("’", "'")
        out.append((tuple(_TOKEN.findall(low)), words))
        if low.endswith("'s"):
            out.append((tuple(_TOKEN.findall(low.replace("'s", "s"))), words))
    return tuple(out)


def _sentence_words(doc: Doc, start: int, end: int) -> set[str]:
    """The lower-case words of the sentence around tokens ``start``..``end`` (a turn with no parse: the turn)."""
    first, last = doc[start], doc[end - 1]
    try:
        sent = first.sent
        lo, hi = sent.start, max(sent.end, last.sent.end)
    except ValueError:  # no sentence boundaries set
        lo, hi = 0, len(doc)
    return {t.lower_ for t in doc[lo:hi]}


def _a_person_around(doc: Doc, start: int, end: int, caseless: bool) -> bool:
    """The words around the name say a person (see the module doc)."""
    first, last = doc[start], doc[end - 1]
    prev = word_before(first)
    if prev is not None and (prev.lower_ in PRIVATE_WORDS or (
            prev.lower_ in name_lexicon("first") and prev.lower_ not in STOP_WORDS | BODY_PLACE
            and (caseless or prev.text[:1].isupper()))):
        return True  # "my mate Brook", "Hadley Brook"
    cue = person_cue(last if last.lower_ not in {"'s", "’s"} else first)
    if cue == "before" or cue in PERSON_AFTER:
        return True
    nxt = word_after(last)
    if nxt is None or not nxt.is_alpha:
        return False
    if caseless:
        return nxt.lower_ in name_lexicon("all") and nxt.lower_ not in _field_words() | STOP_WORDS
    return nxt.text[:1].isupper() and not nxt.text.isupper()  # "Brook Hadley"; "the Brook STI clinic" stays


@cache
def _first_words() -> frozenset[str]:
    """The first word of every listed body, as a turn's tokens are first asked for."""
    return frozenset(words[0] for words, _ in bodies())


@cache
def _field_words() -> frozenset[str]:
    """Every listed body's field: a word of one after the name is no surname ("brook sti clinic")."""
    return frozenset(w for _, field in bodies() for w in field)


def _matches(lows: list[str], words: tuple[str, ...]) -> list[int]:
    """Token indices where ``words`` begins in ``lows`` (a turn's lower-case words, apostrophes straight)."""
    n = len(words)
    return [i for i in range(len(lows) - n + 1) if lows[i] == words[0] and tuple(lows[i : i + n]) == words]


def _said_as_body(doc: Doc, start: int, end: int, field: frozenset[str], possessive: bool, given: bool) -> bool:
    """The sentence speaks of the body at tokens ``start``..``end`` (see the module doc)."""
    nxt = word_after(doc[end - 1])
    if not possessive and nxt is not None and nxt.lower_ in SERVICE | MATERIAL:
        return True
    if not field & _sentence_words(doc, start, end):
        return False
    if nxt is not None and nxt.lower_ in field:
        return True  # "a Bliss nurse", "the Sands memory box"
    if possessive and nxt is not None and nxt.is_alpha and nxt.pos_ not in _ENDS_A_PHRASE:
        return False  # "in Maggie's car": a person's thing, whatever the sentence is about
    prev = word_before(doc[start])
    if prev is not None and prev.lower_ in BODY_PLACE:
        return True
    near = {t.lower_ for t in doc[max(0, start - _BESIDE) : end + _BESIDE]}
    return not given and bool(field & near)  # "Bliss had a support worker on the neonatal unit"


_HAVE = frozenset({"has", "had", "have", "do", "does", "did", "got", "gets", "sent", "sends", "gave", "gives",
                   "put", "puts", "runs", "ran", "run"})
_DETERMINERS = frozenset({"a", "an", "the", "some", "their", "its", "this", "that", "these", "those"})
_COORDINATORS = frozenset({"and", "or", ",", "&"})


def _owns_material(doc: Doc, start: int, end: int, possessive: bool) -> bool:
    """The body has what a charity has: "Sands had a leaflet", "Tommy's have a thing on their website", "the
    Tommy's website" (a determiner never stands before a person's possessive name: "the Tommy's car" is no
    English)."""
    if possessive:
        prev, nxt = word_before(doc[start]), word_after(doc[end - 1])
        return (prev is not None and prev.lower_ == "the" and nxt is not None
                and nxt.lower_ in MATERIAL | SERVICE)
    words = [t.lower_ for t in doc[end : end + 4]]
    if not words or words[0] not in _HAVE:
        return False
    rest = [w for w in words[1:] if w not in _DETERMINERS]
    return bool(rest) and rest[0] in MATERIAL | SERVICE


def said_as_body_spans(doc: Doc, caseless: bool) -> list[tuple[int, int]]:
    """Character spans of the listed bodies ``doc`` speaks of as the body (see the module doc).

    A listed body said together with one said as a body is one too, and two said together are where the turn
    speaks of the field ("a proper perinatal team … Tommy's and Sands have been saying it for years"; "Brook and
    Bliss came round with the kids" stays two people); so is a body that has what a charity has ("Sands had a
    leaflet in the unit"), field or none."""
    out: list[tuple[int, int]] = []
    firsts = _first_words()
    if turn_view(doc).words.isdisjoint(firsts):
        return out  # most turns name none of them: nothing more is read (one set test, no Token made per word)
    lows = [t.lower_.replace("’", "'") for t in doc]
    unsure: list[tuple[int, int]] = []
    for words, field in bodies():
        for i in _matches(lows, words):
            end = i + len(words)
            span = doc[i:end]
            if not caseless and not span[0].text[:1].isupper():
                continue  # cased text writes a body's name with its capital: "a brook" is water
            if _a_person_around(doc, i, end, caseless):
                continue
            given = words[0].removesuffix("s") in name_lexicon("first") if _possessive(words) else (
                words[0] in name_lexicon("first"))
            if _said_as_body(doc, i, end, field, _possessive(words), given) or _owns_material(
                    doc, i, end, _possessive(words)):
                out.append((span.start_char, span.end_char))
            else:
                unsure.append((i, end))
    sure = [(sp.start, sp.end) for a, b in out if (sp := doc.char_span(a, b)) is not None]
    turn = {t.lower_ for t in doc}
    fields = dict(bodies())
    for i, end in unsure:
        field = fields.get(tuple(lows[i:end]), frozenset())
        others = sure + ([u for u in unsure if u != (i, end)] if field & turn else [])
        if any(_joined(doc, i, end, other) for other in others):
            out.append((doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return sorted(out)


def _joined(doc: Doc, start: int, end: int, other: tuple[int, int]) -> bool:
    """Tokens ``start``..``end`` and ``other`` are two names said together: one right after the other across
    "and", "or", "&" or a comma."""
    a, b = ((start, end), other) if start < other[0] else (other, (start, end))
    between = [t.lower_ for t in doc[a[1] : b[0]]]
    return 1 <= len(between) <= 2 and all(w in _COORDINATORS for w in between)


def _possessive(words: tuple[str, ...]) -> bool:
    """A name said as a possessive, with its apostrophe or as captions write it ("tommy's", "maggies")."""
    return words[-1] == "'s" or (len(words) == 1 and words[0].endswith("s") and words[0][:-1] in name_lexicon("first"))


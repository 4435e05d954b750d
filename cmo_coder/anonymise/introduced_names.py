"""Captions: a name the transcript introduces as someone's relative or friend is that person where it is said again.

People introduce the ones they talk about once, by relation ("me partner holly", "our youngest ruby", "my mate
chance"), and then say the bare name for the rest of the interview ("does holly come", "i had no one to have
autumn", "we took ruby to the dentist"). The layers read one turn at a time, and in captions a bare name that is
also a word ("holly", "autumn", "ruby") has nothing around it that says "name": the spreading steps before this one
take it only where a name's frame stands by it (:mod:`.consistency`), where the model reads a person once it is
given a capital, or where cues add up over the transcript (:mod:`.recurring_names`). The introduction is better
evidence than any of those: the speaker has said who the word is. So a word some layer read as a person right after
a relation said with a possessive ("me partner", "our eldest", "her son") is this transcript's name for that person,
and its other places in the caption turns are proposed too, unless the words right around make the everyday word of
it: a determiner, a preposition or a degree word before ("a holly bush", "in the autumn", "in autumn", "to be
frank"), a compound after ("ruby ring", "willow tree"), or a reading as a verb ("i hope so", "hope you don't mind").

It is evidence across the transcript, not one more frame: the words around the bare name are not asked to show a
name, only not to show the word. Everything here is a proposal accepted per occurrence in captions (see
:func:`.review.accept_all`); typed turns are left to their capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from .candidates import Candidate
from .layers.allowlist import framed_names
from .layers.context import word_after, word_before
from .layers.public_context import public_by_context
from .layers.state import text_of, tokens_among
from .layers.words import KINSHIP, name_lexicon
from .lookup import Intervals
from .namelists import uk_given
from .placeholders import RELATIONS
from .word_readings import said_as_the_word

REASON = "a name this transcript introduces as someone's relative or friend, said again"
INTRODUCED = "a given name said right after a relation (\"our youngest ruby\")"

_KIN_NOUNS = frozenset(RELATIONS) | KINSHIP | frozenset({
    "eldest", "youngest", "oldest", "lad", "lass", "lads", "girl", "boy", "kid", "bairn", "wean", "babby", "bab",
    "stepson", "stepdaughter", "grandkid", "grandchild", "twin"})
"""Words for whom a name belongs to, said after a possessive ("our youngest ruby", "me lad sonny")."""

_INTRODUCTION = re.compile(
    r"(?:^|[^\w'’])(?:my|me|our|his|her|their|your)\s+"
    r"(?:(?:little|older|younger|eldest|youngest|oldest|middle|big|best|baby|other|new|old)\s+)?"
    r"(?:(?:little|baby)\s+one|([a-z]+)(?:[- ]in[- ]law)?)\s+$")
"""A possessive and a relation right before a word, lower case (captions): the word is the relation's name."""

_LOOK_BACK = 48

_NOT_BEFORE = frozenset({
    # determiners and possessives: "a holly bush", "the river", "my hope"
    "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "our", "their", "its", "me",
    "some", "any", "no", "every", "each", "one", "another", "what", "which", "whose", "such",
    # prepositions and words of time that take the everyday word: "in autumn", "since christmas", "all summer"
    "in", "on", "into", "onto", "during", "since", "until", "till", "through", "throughout", "under", "per", "of",
    "by", "over", "across", "all", "last", "next", "first", "late", "early", "mid",
    # modals, subject pronouns and linking or degree words: "we hope", "to be frank", "so frank", "more chance"
    "will", "would", "can", "could", "should", "must", "may", "might", "shall", "not", "i", "we", "they", "you",
    "he", "she", "it", "be", "been", "being", "is", "was", "were", "are", "am", "so", "too", "very", "really",
    "quite", "pretty", "more", "most", "less", "least", "how", "as", "fair", "big", "little", "good", "bad",
    "'d", "’d", "'ll", "’ll", "n't", "n’t", "don't", "didn't", "doesn't"})
"""Words before the bare word that make the everyday word of it."""

_THING_AFTER = frozenset({
    "tree", "trees", "bush", "bushes", "ring", "rings", "holiday", "holidays", "term", "time", "times", "day", "days",
    "night", "nights", "bank", "banks", "side", "bed", "beds", "water", "field", "fields", "wood", "woods",
    "leaf", "leaves", "petal", "petals", "list", "lists", "shop", "shops", "house", "road", "street", "lane",
    "of", "off", "up", "down", "out", "away", "so", "not", "you", "that", "it", "them", "him", "us", "me"})
"""Words after the bare word that make a compound or a verb of it ("willow tree", "hope so", "hope you're well")."""

_NOT_A_NAME_POS = frozenset({"AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "INTJ", "ADV"})
"""Parts of speech the model gives the everyday word and seldom a name said bare. Not a verb: the tagger calls a
bare caption name after "and" one ("pet and norm like i say goes"), and a verb's reading shows in its subject
before it ("we hope") or its object after ("hope so", "hope you're well")."""

_MIN_LEN = 3

_RELATION_KEYS = _KIN_NOUNS | {"one"}
"""The words an introduction ends on ("our little one storm")."""

_ANSWERS = frozenset({"no", "yes", "yeah", "so"})
"""Words that open a reply ("no holly works nights"), not a determiner, when they are the turn's first."""


def introduced_words(text: str, found: Iterable[Candidate]) -> set[str]:
    """Words some layer read as a person right after a relation said with a possessive, in lower case."""
    out: set[str] = set()
    for c in found:
        if c.category != "person" or c.layer in ("register", "sound_alike"):
            continue
        m = re.match(r"[^\W\d_]+", text[c.start : c.end])
        if m is None:
            continue
        word = m.group(0)
        low = word.lower()
        if len(low) < _MIN_LEN or low in STOP_WORDS or low in _KIN_NOUNS or word != low:
            continue  # typed text: the capitals say it, and a relation alone is no name
        lead = _INTRODUCTION.search(text[max(0, c.start - _LOOK_BACK) : c.start])
        if lead is not None and (lead.group(1) is None or lead.group(1) in _KIN_NOUNS):
            out.add(low)
    return out


def _given(word: str) -> bool:
    return word in name_lexicon("first") or word in uk_given()


def listed_introductions(doc: Doc, off: int) -> list[tuple[int, int]]:
    """Where a caption turn introduces someone by relation with a word a given-name list holds ("our youngest
    ruby is nine"), as transcript offsets: the introduction is the evidence no layer had, and the word is read
    as the everyday word where the words around make it one ("my daughter rose to the occasion")."""
    text = text_of(doc)
    out = []
    for rel in tokens_among(doc, _RELATION_KEYS):  # a relation is said seldom: only the word after each is read
        tok = word_after(rel)
        if tok is None:
            continue
        low = tok.lower_
        if (len(low) < _MIN_LEN or not tok.is_alpha or low in STOP_WORDS or low in _KIN_NOUNS or not _given(low)
                or _everyday_reading(tok, introduced=True)):
            continue
        lead = _INTRODUCTION.search(text[max(0, tok.idx - _LOOK_BACK) : tok.idx])
        if lead is not None and (lead.group(1) is None or lead.group(1) in _KIN_NOUNS):
            out.append((tok.idx + off, tok.idx + off + len(tok)))
    return out


def _everyday_reading(tok: Token, introduced: bool = False) -> bool:
    """The words right around make the everyday word of it (module doc); ``introduced``: the word stands right
    after its introduction, where the relation before it is no determiner's noun."""
    if tok.pos_ in _NOT_A_NAME_POS and not (tok.pos_ == "ADV" and tok.is_alpha and not tok.is_stop):
        return True  # (the tagger calls a caption's unknown word an adverb: "does holly come")
    prev, nxt = word_before(tok), word_after(tok)
    if prev is not None and not introduced and prev.lower_ in _NOT_BEFORE:
        return not (prev.lower_ in _ANSWERS and word_before(prev) is None)  # "no holly works nights": an answer
    if prev is not None and not introduced and _compound_after_determiner(prev):
        return True  # "the gas bill", "my phone bill": the word heads a noun compound
    if nxt is None:
        return False
    if nxt.lower_ in {"'s", "’s"}:
        after = word_after(tok, 2)
        return after is not None and after.lower_ in _THING_AFTER - {"so", "not", "you", "that", "it"}
    return nxt.lower_ in _THING_AFTER


_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "my", "me", "your", "his", "her", "our", "their"})


def _compound_after_determiner(prev: Token) -> bool:
    """A noun or adjective right after a determiner stands before the word ("the gas bill", "our water bill"),
    or a number does ("a ten penny coin"): the word heads the compound, a thing; a name said bare is not put
    after a determiner and a noun, nor after a number."""
    if prev.pos_ == "NUM":
        return True  # "a ten penny coin", "two penny sweets": a number counts things
    if prev.pos_ not in ("NOUN", "ADJ", "PROPN") or not prev.is_alpha or prev.lower_ in _KIN_NOUNS:
        return False  # "the lad ruby" names the lad
    det = word_before(prev)
    return det is not None and det.lower_ in _DETERMINERS


def introduced_names(text: str, segments: list[tuple[int, int]], docs: list[Doc], found: list[Candidate],
                     protected: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates for the other places of the names this transcript introduces by relation (module doc)."""
    listed = [place for (off, _), doc in zip(segments, docs, strict=True) if doc._.cmo_caseless
              for place in listed_introductions(doc, off)]
    words = introduced_words(text, found) | {text[s:e].lower() for s, e in listed}
    if not words:
        return []
    keys = frozenset(sorted(words))
    before = Intervals([(c.start, c.end) for c in found] + protected)
    out: list[Candidate] = [Candidate(s, e, "person", "consistency", 0.6, INTRODUCED) for s, e in listed
                            if not before.overlaps(s, e)]
    taken = Intervals([(c.start, c.end) for c in found] + protected + listed)
    for (off, _), doc in zip(segments, docs, strict=True):
        if not doc._.cmo_caseless:
            continue
        here = [(tok.idx, tok.idx + len(tok)) for tok in tokens_among(doc, keys)
                if not taken.overlaps(tok.idx + off, tok.idx + off + len(tok)) and not _everyday_reading(tok)
                and not said_as_the_word(doc.text, tok.idx, tok.idx + len(tok))]  # "when it's sunny"
        if not here:
            continue
        public = public_by_context(doc, here, True) + framed_names(doc, here, True)
        out.extend(Candidate(a + off, b + off, "person", "consistency", 0.6, REASON)
                   for a, b in here if not any(x <= a and b <= y for x, y in public))
    return out

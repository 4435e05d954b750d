"""Captions: a name word a transcript says again and again where a person stands is that person everywhere.

Staff, prisoners and families call someone by a surname or a clipped name that is also a common word
("price", "cross", "hall", "rose"). One caption sentence rarely says enough to take such a word: the
word layer (:mod:`.layers.word_names`) asks two cues at one place of a word subtitles write in lower case
all the time, and a given name's word is repeated across a transcript (:mod:`.consistency`) only where it
was taken once. But a person talked about is talked about many times, and the cues add up across the
transcript where no single place holds two: "then price said" in one turn, "i told price about it" in
another, "price and her lot" in a third. Here the cues :func:`.layers.word_names.word_names` heard are
counted per word over the whole transcript, and a word heard where a person stands at two or more places
(one of them more than a weak cue), or at three, is that person: every other place it is said is
proposed too, unless the words right around it make the everyday word of it ("the price", "a cross",
"price list", "at cross's farm").

A word some layer already took as a person on a name word's cue ("then lamb said") is spread the same
way, which :mod:`.consistency` does not do for a word a dictionary holds. Everything here is a proposal
accepted per occurrence in captions (see :func:`.review.accept_all`), never a surface decision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .candidates import Candidate
from .layers.allowlist import framed_names
from .layers.context import word_after, word_before
from .layers.public_context import public_by_context
from .layers.state import text_of, tokens_among
from .layers.word_names import _PLACE_BEFORE, _WEAK, CUES_KEY, CueRecord, name_words
from .lookup import Intervals

REASON = "a name word said where a person stands at several places in this transcript"
SPREAD = "a name word this transcript uses for a person, said again"

_NOT_BEFORE = _PLACE_BEFORE | frozenset({
    "will", "would", "can", "could", "should", "must", "may", "might", "shall", "not", "no", "we", "they", "i", "he",
    "she", "it", "you", "don't", "didn't", "doesn't", "won't", "to", "of", "per", "too", "got", "get", "gets",
    "getting", "went", "go", "goes", "going", "feel", "felt", "looked", "look", "looks", "be", "been", "being",
    "is", "was", "were", "are", "am", "'m", "’m", "'re", "’re", "such", "how", "as", "what", "fairly", "really",
    "bit", "extra", "double", "criss", "red", "high", "low", "full", "half", "cut", "mid"})
"""Words before a name word that make the everyday word of it: a determiner, a preposition of place, a
modal, a pronoun subject ("we cross"), a linking verb or degree word ("got cross", "so cross", "full
price")."""
_THING_AFTER = frozenset({
    "list", "lists", "tag", "tags", "increase", "increases", "rise", "rises", "cap", "war", "wars", "range", "point",
    "country", "section", "examination", "roads", "bones", "words", "off", "up", "down", "out", "over", "away",
    "of", "shop", "shops", "dozen", "van", "yard", "field", "fields", "lane", "road", "street", "farm", "wood",
    "hill", "house", "garden", "bush", "bushes", "tree", "trees", "hip", "hips", "water", "petal", "petals",
    "bed", "beds", "day", "days", "time", "times", "party", "parties", "room", "rooms", "hall", "halls", "way",
    "ways", "bank", "banks",
    # an object after it makes a verb of it ("prices rob us", "please mark the date")
    "us", "me", "him", "them", "it", "the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "our",
    "their", "its", "into", "yourself", "myself", "himself", "herself", "themselves"})
"""Words after one that make a compound or a phrase of the everyday word ("price list", "cross country",
"rose bush"), or an object after it that makes a verb of it ("prices rob us")."""
_MODIFIERS = frozenset({"NOUN", "ADJ", "NUM"})
"""A word before of these kinds makes a compound of the everyday word ("utility bill", "full price")."""
_NAME_BEFORE = frozenset({"mate", "pal", "officer", "nurse", "sister", "doctor", "miss", "sir", "guv", "boss",
                          "mum", "dad", "nan", "gran", "auntie", "uncle", "cousin", "brother", "son", "daughter",
                          "wife", "husband", "partner", "friend", "neighbour", "keyworker", "worker"})
"""Nouns that stand before a name ("my mate price", "officer cross"): the model reads them as modifiers."""


def _good(rec: CueRecord) -> bool:
    """More than a weak cue: strong alone, or a cue a thing seldom takes ("me and", "owns", "speaks")."""
    return rec.strong or bool(rec.kinds - _WEAK - {"does"})


def heard_cues(segments: list[tuple[int, int]], docs: list[Doc]) -> dict[str, list[CueRecord]]:
    """Every cue the word layer heard in the caption turns, by word, with offsets into the transcript."""
    out: dict[str, list[CueRecord]] = defaultdict(list)
    for (off, _), doc in zip(segments, docs, strict=True):
        if not doc._.cmo_caseless:
            continue
        for rec in doc.user_data.get(CUES_KEY) or ():
            out[rec.word].append(CueRecord(rec.start + off, rec.end + off, rec.word, rec.kinds, rec.strong))
    return out


def persons_by_cues(heard: dict[str, list[CueRecord]]) -> set[str]:
    """Words heard where a person stands at two places (one more than weakly) or at three."""
    out = set()
    for word, recs in heard.items():
        places = {r.start for r in recs}
        good = sum(_good(r) for r in recs)
        if (len(places) >= 2 and good >= 1) or len(places) >= 3:
            out.add(word)
    return out


def taken_as_persons(text: str, found: Iterable[Candidate]) -> set[str]:
    """Name words a rule (not the model alone) already proposed as a person somewhere in the transcript, said
    alone ("then baker said": the cue layers, or the word layer's :data:`TWO_CUES` and :data:`ONE_CUE`)."""
    words = name_words()
    return {text[c.start : c.end].lower() for c in found
            if c.category == "person" and c.layer == "rules" and text[c.start : c.end].lower() in words}


def _word_reading(tok: Token) -> bool:
    """The words right around make the everyday word of it ("the price", "so cross", "utility bill", "rose
    bush", "baker's shop", "prices rob us")."""
    prev, nxt = word_before(tok), word_after(tok)
    before, first = _low(prev), _low(nxt)
    if before in _NOT_BEFORE or (prev is not None and prev.pos_ in _MODIFIERS and before not in _NAME_BEFORE):
        return True
    if first in {"'s", "’s"}:
        return _low(word_after(tok, 2)) in _THING_AFTER
    return first in _THING_AFTER


def _low(tok: Token | None) -> str:
    return tok.lower_ if tok is not None else ""


def recurring_word_names(text: str, segments: list[tuple[int, int]], docs: list[Doc], found: list[Candidate],
                         protected: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates for the name words this transcript's caption turns use for a person (module doc)."""
    heard = heard_cues(segments, docs)
    by_cues = persons_by_cues(heard)
    words = by_cues | taken_as_persons(text, found)
    if not words:
        return []
    taken = Intervals([(c.start, c.end) for c in found] + protected)  # asked of every name word of every turn
    cued = {r.start for recs in heard.values() for r in recs}
    out: list[Candidate] = []
    for (off, _), doc in zip(segments, docs, strict=True):
        if not doc._.cmo_caseless:
            continue
        here = []
        for tok in tokens_among(doc, frozenset(words)):
            s, e = tok.idx + off, tok.idx + off + len(tok)
            if taken.covers(s, e) or (s not in cued and _word_reading(tok)):
                continue
            here.append((tok.idx, tok.idx + len(tok)))
        public = _public_frames(doc, here)
        out.extend(Candidate(a + off, b + off, "person", "consistency", 0.6,
                             REASON if text_of(doc)[a:b].lower() in by_cues else SPREAD)
                   for a, b in here if not any(x <= a and b <= y for x, y in public))
    return out


def _public_frames(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the public frames keep a word proposed here ("watching X on telly", "X's new series"): they read
    only what the layers proposed before the allow-list ran, so what this pass adds is read by them too."""
    if not spans:
        return []
    return public_by_context(doc, spans, True) + framed_names(doc, spans, True)

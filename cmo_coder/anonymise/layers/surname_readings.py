"""Captions: a surname that is also a word, read as a person twice over ("i really miss shaw since she left").

The model reads caption turns from a re-cased copy (:func:`.ner.recase`), and its PERSON entities there are
kept only with name evidence of their own (:func:`.ner._named_person`): a given name on the lists, or a listed
name that is no everyday word. A surname that is also a word ("Shaw", "Hale", "Nash", "Moss") has neither, so
the model's reading was thrown away even where the speaker plainly meant someone: people in care and recovery
call staff, officers and each other by surname ("i told nash about it", "we met hale at the group").

A second, independent reading decides. The tagger reads the turn as captions wrote it, in lower case, and it
has no capital to go on: where it still tags the word a proper noun, the words around it ("miss", "met",
"told" before it, a verb after it) have made a name of it. Both readings must agree, on one word that the
surname lists hold. Where the tagger reads the word as the noun or verb it also is ("the moss on the roof",
"we cook together", "there was ash everywhere"), the word stays; so does a place on the place lists ("hale"
is also a Cheshire village, but a village is what the place layers are for), a word said after a
determiner or possessive ("our hart", "the nash": a thing, or a name the frame layers read), after a noun,
adjective or number that makes it the head of a compound ("turbine mix", "spring lamb"), after "of", where a
firm or a place stands more often than a person ("an analyst of stevens", "the duke of york"), and a word
subtitles write in lower case very often ("mix", "cook", "page"), where a tagger's proper noun is more often a
slip than a name.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from .sound_alike import OFTEN_LOWER
from .words import KINSHIP, TITLE_WORDS, lowercase_usage, name_lexicon, place_names

_BEFORE_A_THING = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "their", "his",
                             "her", "its", "every", "each", "some", "any", "no"})
"""Determiners and possessives: after these a word names a thing, or a person the frame layers read."""
_MODIFIERS = frozenset({"NOUN", "ADJ", "NUM"})
"""Tags of a word before that would make this one the head of a compound or a modified noun."""


@cache
def _surnames_only() -> frozenset[str]:
    """Words the surname lists hold and the given-name lists do not (those have their own evidence)."""
    return name_lexicon("all") - name_lexicon("first")


def surname_read_twice(ent: Span, doc: Doc) -> bool:
    """``ent`` (a PERSON of the re-cased copy of ``doc``'s turn) is one listed surname that the tagger, reading
    the lower-cased turn, also tags a proper noun."""
    if ent.label_ != "PERSON" or len(ent) != 1 or not ent[0].is_alpha:
        return False
    low = ent[0].lower_
    if low not in _surnames_only() or low in KINSHIP or low in TITLE_WORDS or low in place_names():
        return False
    span = doc.char_span(ent.start_char, ent.end_char)
    if span is None or len(span) != 1 or span[0].pos_ != "PROPN":
        return False
    if lowercase_usage().get(low, 0) >= OFTEN_LOWER:
        return False
    tok = span[0]
    if not tok.i:
        return True
    before = doc[tok.i - 1]
    return before.lower_ not in _BEFORE_A_THING and before.lower_ != "of" and before.pos_ not in _MODIFIERS

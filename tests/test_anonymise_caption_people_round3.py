"""People nobody registered, third round: lower-cased captions without punctuation, where a person is said
by one name or a familiar form ("kel", "stevo", "mags"), in every position a person stands, and where the
name is also a word ("dawn", "summer"). Every name here is invented for these tests; the negatives are the
everyday words said in the same positions ("me and mum", "cheers mate", "last summer's").
"""

from __future__ import annotations

import re

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.familiar import clipped_forms, nickname_stems, suffix_forms
from cmo_coder.anonymise.layers.caption_names import common_given, derived_familiar, plain_familiar
from cmo_coder.anonymise.pipeline import Anonymiser


def _spans(anon: Anonymiser, text: str) -> list[tuple[int, int, set[str]]]:
    groups, _, _ = anon.find(text, caseless=True)
    return [(min(c.start for c in g), max(c.end for c in g), {c.category for c in g}) for g in groups]


def _person_at(anon: Anonymiser, text: str, word: str) -> bool:
    """The first ``word`` of ``text`` lies wholly inside a redaction some layer read as a person."""
    m = re.search(rf"\b{re.escape(word)}\b", text)
    assert m is not None, word
    return any(s <= m.start() and m.end() <= e and "person" in cats for s, e, cats in _spans(anon, text))


def _touched(anon: Anonymiser, text: str, word: str) -> bool:
    return any(s < m.end() and m.start() < e for m in re.finditer(rf"\b{re.escape(word)}\b", text)
               for s, e, _ in _spans(anon, text))


# ------------------------------------------------------------------------- the familiar forms made by rule
def test_familiar_forms_of_common_names_are_known() -> None:
    forms = derived_familiar()
    assert {"kel", "stevo", "kaz", "bex", "mags", "kev", "tez"} <= forms
    plain = plain_familiar()
    assert {"kel", "stevo", "kev"} <= plain
    assert not {"mags", "shell", "lazy", "trace"} & plain  # words: they need a stronger cue
    assert "mags" in common_given() and "lazy" not in common_given()  # "lazy" of Lazarus is the word


# ------------------------------------------------------------------------- positives, one per position
@pytest.mark.parametrize(("text", "name"), [
    ("um so and then kelvo goes to me i'm not doing that", "kelvo"),  # subject of a speech verb
    ("then mags turned round and said it's your own fault", "mags"),
    ("tash was like you know what just leave it", "tash"),
    ("i rang brez about it the next morning", "brez"),  # object
    ("you'd have to ask shaz she does all the forms", "shaz"),
    ("me and kaz went down the um the drop in", "kaz"),  # after "me and"
    ("i went with stevo cos he knew the way", "stevo"),  # after "with"
    ("cheers gaz see you thursday", "gaz"),  # vocative
    ("kaz's lad got into bother again", "kaz"),  # possessive
    ("summer's mum was at the school gates every day", "summer"),
    ("our kel he was the one who um who found me", "kel"),  # kin and role words
    ("nana pat always had a biscuit tin on the side", "pat"),
    ("uncle raj drove us to the hospital that night", "raj"),
    ("me mate jonno had been through it all before", "jonno"),
    ("so dawn my support worker she rang them for me", "dawn"),  # also a word, with a strong cue
    ("and the receptionist pearl she's like you alright love", "pearl"),
    ("my probation officer rhodri he was old school", "rhodri"),
    ("me and mark were in the same ward", "mark"),
    ("i rang mo and he came straight over", "mo"),
    ("ahmed and\nsaira they both came with me", "saira"),  # beside a person found, cut across a line
    ("i was sat there\nand wojtek\ngoes to me are you alright", "wojtek"),
    ("yeah so um idil rang me on the monday", "idil"),  # names outside the census lists
    ("me and przemek we shared a flat", "przemek"),
    ("ahmed and\nsaira they both came with me", "ahmed"),  # a rare given name the tagger reads as a verb
])
def test_a_person_said_by_one_name_in_captions_is_removed(anon: Anonymiser, text: str, name: str) -> None:
    assert _person_at(anon, text, name)


def test_a_name_found_by_a_strong_cue_is_found_again(anon: Anonymiser) -> None:
    text = "so dawn my support worker sorted it\n\ni never liked dawn much to be honest"
    second = text.rindex("dawn")
    assert any(s <= second and second + 4 <= e and "person" in cats for s, e, cats in _spans(anon, text))


# ------------------------------------------------------------------------- negatives in the same positions
@pytest.mark.parametrize(("text", "word"), [
    ("me and mum went to see the gp in the end", "mum"),
    ("you'd have to ask the nurse about that one", "nurse"),
    ("cheers mate honestly", "mate"),
    ("thanks hun that's really kind", "hun"),
    ("and then bless her she made me a brew", "bless"),
    ("and then summer came and it got better", "summer"),
    ("last summer's holiday was a disaster", "summer"),
    ("i had to mark the forms and bill them", "mark"),
    ("at dawn we left the house", "dawn"),
    ("we call him lazy", "lazy"),
    ("me and work don't get on", "work"),
    ("the nurse today she was lovely", "today"),
    ("and then the doctor goes to me we'll see", "doctor"),
    ("me and the lads went out after", "lads"),
])
def test_everyday_words_in_person_positions_stay(anon: Anonymiser, text: str, word: str) -> None:
    assert not _touched(anon, text, word)


# ------------------------------------------------------------------------- property: any surrounding words
_SOURCES = ("kelly", "karen", "terence", "darren", "steven", "sharon", "gary", "jonathan", "kevin", "warren",
            "lorraine", "maureen", "gavin", "stuart", "declan", "callum", "wayne", "dominic")
_FORMS = sorted({f for n in _SOURCES for f in (*clipped_forms(n), *suffix_forms(n), *nickname_stems(n))
                 if f in plain_familiar()})
_SLOTS = ("me and {} went", "and {} goes to me", "{} was like no way", "cheers {}", "i rang {} and she",
          "{}'s mum came", "our {} he was", "i asked {} about it", "then {} turned round and said")
_AROUND = st.lists(st.sampled_from(["um", "so", "like", "you know", "yeah", "and", "i mean", "erm", "right",
                                    "honestly", "anyway"]), max_size=3).map(" ".join)


@pytest.mark.fuzz
@fuzz_settings(40)
@given(form=st.sampled_from(_FORMS), slot=st.sampled_from(_SLOTS), before=_AROUND, after=_AROUND,
       cut=st.booleans())
def test_a_derived_familiar_form_in_a_person_position_is_removed(anon: Anonymiser, form: str, slot: str,
                                                                  before: str, after: str, cut: bool) -> None:
    said = slot.format(form)
    if cut:  # a caption line ending right before the name
        said = said.replace(f" {form}", f"\n{form}", 1)
    text = " ".join(x for x in (before, said, after) if x)
    start = re.search(rf"\b{form}\b", text)
    assert start is not None
    assert any(s <= start.start() and start.end() <= e and "person" in cats for s, e, cats in _spans(anon, text)), text

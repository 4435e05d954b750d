"""Where care was given, read by the stay spent there and by a head of care (issue 13, classes 3–5, captions).
Invented cases, as captions and cased, that must go and that must stay."""

from __future__ import annotations

import re

import pytest
from anon_support import caption
from anon_support import redact_turns as redact
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.place_frames import frame_place_spans
from cmo_coder.anonymise.layers.stays import REHAB_REASON, STAY_REASON, move_spans, rehab_spans, stay_spans
from cmo_coder.anonymise.pipeline import Anonymiser


def gone(out: str, words: str) -> bool:
    return all(re.search(rf"(?i)(?<![\w'’-]){re.escape(w)}(?![\w-])", out) is None for w in words.split())


STAYS = [
    ("she was in oakwood for six weeks after the fall", "oakwood"),
    ("they kept him in kingfisher for a fortnight", "kingfisher"),
    ("she was on bluebell for a couple of weeks", "bluebell"),
    ("he spent a month on primrose and then came home", "primrose"),
    ("mum was at thornfield for the best part of a year", "thornfield"),
    ("he's in larkrise for another week they reckon", "larkrise"),
    ("she did six weeks at meadowcroft before the move", "meadowcroft"),
    ("he was back in cedar grove for ten days", "cedar grove"),
    ("dad stayed at brackenhurst for three nights", "brackenhurst"),
    ("she was in heron for months", "heron"),
]


@pytest.mark.parametrize(("text", "name"), STAYS)
def test_a_stay_with_its_length_names_the_place(text: str, name: str) -> None:
    assert [text[s:e] for s, e in stay_spans(text)] == [name]


STAY_WORDS = [
    "she was in bed for six weeks after the fall",
    "he was in hospital for a month",
    "she was in pain for days",
    "he was in prison for two years",
    "she was on sertraline for six months",
    "he was on methadone for years",
    "she was on antibiotics for a week",
    "we were in spain for a fortnight",
    "he was in business for thirty years",
    "she was in labour for twenty hours",
    "he was in plaster for six weeks",
    "she was on nights for a year",
    "he was on the ward for a week",
    "she was in intensive care for a week",
    "she was in there for a month",
    "he was in charge for two years",
    "she was at school for six years",
    "he was at home for a fortnight",
    "she was on her own for years",
    "he was on holiday for two weeks",
    "she was in denial for months",
    "she was in rehab for six weeks",
    "the product was in development for two years",
    "that was in place for years",
    "we've been on track for a year",
    "she was on leave for six weeks",
    "she was in oakwood and liked it",  # no length, no stay read (other layers may still read it)
    "he spent a week in bed",
    "she spent a month in hospital and then came home",
    "she was on lithium for years",
    "they were in lockdown for months",
    "we were in growth mode for two years",
]


@pytest.mark.parametrize("text", STAY_WORDS)
def test_what_fills_a_stay_as_a_word_stays(text: str) -> None:
    assert stay_spans(text) == []


REHABS = [
    ("they moved her to oakwood rehab after the hip", "oakwood rehab"),
    ("she did six weeks at elm tree rehab", "elm tree rehab"),
    ("he went into brackenhurst detox and came out clean", "brackenhurst detox"),
    ("we got him a place at fernleigh rehab in the end", "fernleigh rehab"),
]


@pytest.mark.parametrize(("text", "name"), REHABS)
def test_a_name_before_rehab_or_detox_names_the_service(text: str, name: str) -> None:
    assert [text[s:e] for s, e in rehab_spans(text)] == [name]


@pytest.mark.parametrize("text", [
    "she went to drug rehab for a month",
    "he's been in residential rehab",
    "they offered her a home detox",
    "he needs cardiac rehab after the op",
    "she did her rehab at home",
    "the stroke rehab was brilliant",
    "he went to the new rehab in town",
    "she asked about community detox",
    "after that rehab was the only option",
    "he went into alcohol detox in may",
])
def test_a_kind_of_rehab_stays(text: str) -> None:
    assert rehab_spans(text) == []


def test_every_span_slices_to_its_words_and_carries_its_reason() -> None:
    text = "so she was in oakwood for six weeks then they moved her to elm tree rehab and she got better"
    found = frame_place_spans(text)
    assert [(text[s:e], reason) for s, e, _, reason in found] == [
        ("oakwood", STAY_REASON), ("elm tree rehab", REHAB_REASON)]
    for s, e, _, _ in found:
        assert text[s:e] == text[s:e].strip() and text[s:e]


def test_cased_text_needs_the_capitals() -> None:
    assert [t for t in ("She was in Oakwood for six weeks",) for s, e, _, _ in frame_place_spans(t, False)] != []
    assert frame_place_spans("She was in oakwood for six weeks", False) == []


# ------------------------------------------------------------------------------------------------- end to end
@pytest.mark.parametrize(("text", "name"), STAYS[:6] + REHABS[:2])
def test_the_anonymiser_removes_the_place_in_captions(plain: Anonymiser, text: str, name: str) -> None:
    out = redact(plain, [text], lower=True)
    assert gone(out, name), out


@pytest.mark.parametrize("text", [
    "she was in bed for six weeks after the fall and nobody came",
    "he was on methadone for years before the move",
    "she was on sertraline for six months and it helped",
    "he went to drug rehab for a month",
    "she was in hospital for a fortnight and hated it",
])
def test_the_anonymiser_keeps_the_words_in_captions(plain: Anonymiser, text: str) -> None:
    out = redact(plain, [text], lower=True)
    assert out == caption(text), out


@pytest.mark.parametrize(("text", "name"), [
    ("she was in the countess for two nights", "countess"),
    ("he was in the juniper for six weeks", "juniper"),
    ("she was at the lantern for three weeks", "lantern"),
])
def test_an_uncommon_word_after_the_with_a_short_stay_names_the_place(text: str, name: str) -> None:
    assert [text[s:e] for s, e in stay_spans(text)] == [name]


@pytest.mark.parametrize("text", [
    "he was in the army for twenty years",
    "we were in the house for a week with no heating",
    "they left us in the dark for days",
    "he was in the queue for weeks",
    "she was in the garden for a week",
    "he was on the list for months",
    "they were on the green for a week",
    "she was in the same bed for a week",
    "he was in the waiting room for days",
    "she was in the bay for a week",
    "it was in the fridge for a week",
    "the money was in the account for two days",
    "she was in the play for two weeks",
    "it was in the model for a few months",
    "the stock was in the channel for a couple of weeks",
    "she was in the countess for twenty years",  # a career's length, not a stay's
])
def test_a_common_noun_after_the_stays(text: str) -> None:
    assert stay_spans(text) == []


_WORDS = ["admitted", "to", "foxglove", "moved", "her", "over",
          "she", "was", "in", "on", "at", "the", "oakwood", "kingfisher", "countess", "for", "six", "weeks", "a",
          "fortnight", "spent", "month", "rehab", "detox", "elm", "tree", "drug", "bed", "and", "Oakwood", "'s", ","]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.booleans())
def test_spans_slice_to_whole_words_and_do_not_overlap(words: list[str], caseless: bool) -> None:
    text = " ".join(words)
    spans = sorted(stay_spans(text) + rehab_spans(text) + move_spans(text))
    for s, e in spans:
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()
        assert (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum())
    framed = frame_place_spans(text, caseless)
    assert all(b[0] >= a[1] for a, b in zip(framed, framed[1:], strict=False))


MOVES = [
    ("she was admitted to foxglove on the tuesday", "foxglove"),
    ("he got discharged from juniper last week", "juniper"),
    ("they moved her over to primrose for the night", "primrose"),
    ("they admitted him to bluebell and then home", "bluebell"),
    ("she was transferred to kingfisher when a bed came up", "kingfisher"),
]


@pytest.mark.parametrize(("text", "name"), MOVES)
def test_a_ward_word_after_a_verb_of_care_names_the_ward(text: str, name: str) -> None:
    assert [text[s:e] for s, e in move_spans(text)] == [name]


@pytest.mark.parametrize("text", [
    "she was admitted to hospital on the monday",
    "she was referred to cardiology for the tests",
    "he got referred to camhs in the end",
    "she was moved to majors after an hour",
    "they transferred him to icu for the night",
    "they moved her to palliative care",
    "she got sent to prison for two years",
    "we moved to town when i was ten",
    "she was referred to talking therapies",
    "he was moved to tears by it",
    "she was admitted to university last year",
    "she moved to cherry street with her mum",
    "they moved her to swallow the tablets",
    "the assets were transferred to equity",
])
def test_what_follows_a_verb_of_care_as_a_word_stays(text: str) -> None:
    assert move_spans(text) == []

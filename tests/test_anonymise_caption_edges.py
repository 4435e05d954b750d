"""The edges of what captions and typed text lose with a name: a lettered wing or a numbered ward with a possessive
("B wing's landing"), the verb "do" read into a place or a body ("Turning Point do Lincolnshire"), a school year read
into the school ("kershaw academy year nine"), a town's own facility left half removed ("[town] leisure centre"),
and a surname that is a word, read once as someone's name from the words around it, said again alone.

Every sentence, name and place here is invented for these tests (towns are real towns, said as anyone would).
Each rule is tried as typed text and as captions write it (lower case, no punctuation), with cases that must stay.
"""

from __future__ import annotations

import re

import pytest
from anon_support import caption, redact_turns

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.layers.care_agencies import care_agency_spans
from cmo_coder.anonymise.layers.friends_groups import friends_place_spans
from cmo_coder.anonymise.layers.name_edges import name_core, never_in_a_name, without_school_year
from cmo_coder.anonymise.layers.said_units import unit_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.rest_of_place import rest_of_place
from cmo_coder.anonymise.surname_echo import surname_seeds


def _casings(text: str) -> list[str]:
    return [text, caption(text)]


def _left(out: str, words: str) -> list[str]:
    """The words of ``words`` still in ``out`` outside its placeholders."""
    bare = re.sub(r"\[[^\[\]]*\]", " ", out.lower())
    return [w for w in re.findall(r"[\w]+", words.lower()) if re.search(rf"(?<![\w'’]){w}(?![\w'’])", bare)]


# ------------------------------------------------------------------------ a unit's name with a possessive
OWNED_UNITS = [
    ("He was on B wing's landing for a year.", "B wing"),
    ("B wing's the worst for it, everyone says so.", "B wing"),
    ("The lads on C-wing's spur kicked off again.", "C-wing"),
    ("Ward 7's staff were lovely with her.", "Ward 7"),
    ("She was moved to Ward 32's side room.", "Ward 32"),
    ("Bay four's curtains never shut properly.", "Bay four"),
    ("H block's exercise yard is tiny.", "H block"),
]


@pytest.mark.parametrize(("text", "unit"), OWNED_UNITS)
def test_a_unit_with_a_possessive_is_found_without_its_s(text: str, unit: str) -> None:
    for form, said in zip(_casings(text), (unit, unit.lower()), strict=True):
        spans = [(s, e) for s, e, _ in unit_spans(form)]
        assert any(form[s:e] == said for s, e in spans), (form, [form[s:e] for s, e in spans])
        for s, e in spans:
            assert not form[s:e].endswith(("'s", "’s")), form[s:e]


@pytest.mark.parametrize(("text", "unit"), OWNED_UNITS)
def test_a_unit_with_a_possessive_goes_in_both_casings(anon: Anonymiser, text: str, unit: str) -> None:
    for form in _casings(text):
        out = redact_text(anon, form, open_items=True)
        assert "number]" in out or "name]" in out, out
        assert "'s" in out, out  # the possessive stays with the placeholder
        left = [w for w in _left(out, unit) if w not in {"ward", "bay", "wing", "block"}]
        assert left == [], out


@pytest.mark.parametrize("text", [
    "A wing's feathers were all over the garden.",  # an article, and a bird's wing
    "The ward's been busy all week.",  # a ward with no number
    "It's like Room 101's waiting room in there.",  # Orwell's room
    "The bird's wing's broken, poor thing.",
    "I've got a level 3's worth of paperwork to do.",  # a level that is no floor
])
def test_a_possessive_without_a_unit_is_no_unit(text: str) -> None:
    for form in _casings(text):
        assert unit_spans(form) == [], form


# ---------------------------------------------------------------------------------- "do" before a place
@pytest.mark.parametrize(("text", "verbs", "cased", "core"), [
    ("do lincolnshire", False, False, "lincolnshire"),
    ("Do Lincolnshire", False, True, "Lincolnshire"),  # a place's name never holds the verb
    ("skipton do", False, False, "skipton"),
    ("Turning Point do Lincolnshire", True, True, "Turning Point"),  # a person read across the verb, cased
])
def test_the_verb_do_is_no_part_of_a_place_or_a_cased_name(text: str, verbs: bool, cased: bool, core: str) -> None:
    got = name_core(text, 0, len(text), verbs=verbs, cased=cased)
    assert got is not None and text[got[0]:got[1]] == core


@pytest.mark.parametrize(("text", "cased"), [
    ("Do Thi Lan", True),  # a Vietnamese family name, said first
    ("Anh Do", True),
    ("do thi lan", False),  # captions write the family name in lower case too: it stays in the name
    ("anh do", False),
])
def test_do_as_a_family_name_stays_in_a_persons_name(text: str, cased: bool) -> None:
    assert name_core(text, 0, len(text), verbs=True, cased=cased) == (0, len(text))
    assert not never_in_a_name(text.split()[0 if text.lower().startswith("do") else 1], cased=cased)


@pytest.mark.parametrize("text", [
    "Turning Point do Lincolnshire, and Mind do the cafe on a Wednesday.",
    "We do Skipton on a Monday and Settle on a Friday.",
    "They want to do Cornwall next summer, the kids loved it.",
])
def test_do_before_a_place_stays_in_the_text(anon: Anonymiser, text: str) -> None:
    for form in _casings(text):
        out = redact_text(anon, form, open_items=True)
        assert re.search(r"(?i)\bdo\b", out), out


# ------------------------------------------------------------------------------ a school year after a school
@pytest.mark.parametrize(("text", "end"), [
    ("kershaw academy year nine", "kershaw academy"),
    ("Kershaw Academy, year 9", "Kershaw Academy"),
    ("hollins park school yr 11", "hollins park school"),
])
def test_a_school_year_is_no_part_of_the_school(text: str, end: str) -> None:
    assert text[:without_school_year(text, 0, len(text))] == end


@pytest.mark.parametrize("text", ["year nine", "the year two thousand", "kershaw academy years", "class of year 9s"])
def test_no_school_year_to_cut_leaves_the_span(text: str) -> None:
    assert without_school_year(text, 0, len(text)) == len(text)


def test_the_school_year_stays_after_the_school_in_captions(anon: Anonymiser) -> None:
    for form in _casings("He's at Kershaw Academy, year nine."):
        out = redact_text(anon, form, open_items=True)
        assert "year nine" in out and "kershaw" not in out.lower(), out


# ------------------------------------------------------------------------ a town's own facility after it
FACILITIES = [
    ("We used to go to Keighley Library on a Saturday.", "Keighley Library"),
    ("We met at Skipton Leisure Centre after work.", "Skipton Leisure Centre"),
    ("We got the bus to Selby Market on Monday.", "Selby Market"),
    ("My mum's at Bury Methodist, the one by the market.", "Bury Methodist"),
    ("The kids play at Batley Fields after school.", "Batley Fields"),
    ("He swims at Ripon Swimming Baths in the mornings.", "Ripon Swimming Baths"),
]


@pytest.mark.parametrize(("text", "place"), FACILITIES)
def test_a_towns_facility_goes_whole(anon: Anonymiser, text: str, place: str) -> None:
    for form in _casings(text):
        out = redact_text(anon, form, open_items=True)
        assert _left(out, place) == [], out


@pytest.mark.parametrize(("text", "town", "whole", "category"), [
    ("we used to go to keighley library on a saturday", "keighley", "keighley library", "place"),
    ("my mum's at bury methodist the one by the market", "bury", "bury methodist", "church"),
    ("we met at skipton leisure centre", "skipton", "skipton leisure centre", "place"),
])
def test_the_facility_span_slices_to_the_town_and_its_kind(text: str, town: str, whole: str, category: str) -> None:
    s = text.index(town)
    got = [(text[c.start:c.end], c.category) for c in rest_of_place(text, [Candidate(s, s + len(town), "city",
                                                                                       "places", 0.75, "list")])]
    assert got == [(whole, category)]


@pytest.mark.parametrize("text", [
    "the selby market research team rang",  # the phrase goes on: a town and words
    "i lost my keighley library card again",
    "the skipton leisure centre staff were lovely",
    "she lived in selby marketing was her job",  # no facility: another word
])
def test_a_facility_word_that_goes_on_as_a_phrase_is_not_taken(text: str) -> None:
    town = text.split()[text.split().index(next(w for w in text.split() if w in {"selby", "keighley", "skipton"}))]
    s = text.index(town)
    got = rest_of_place(text, [Candidate(s, s + len(town), "city", "places", 0.75, "list")])
    assert [c for c in got if c.end > s + len(town)] == []


def test_a_facility_after_a_person_is_not_a_towns(anon: Anonymiser) -> None:
    text = "hi it's dawn from the library"
    assert rest_of_place(text, [Candidate(8, 12, "person", "rules", 0.8, "name")]) == []
    for form in _casings("Cheers, the market was heaving on Saturday."):
        out = redact_text(anon, form, open_items=True)
        assert "market" in out, out


# ------------------------------------------------------- a cued surname that is a word, said again alone
def test_a_surname_the_rules_read_alone_seeds_its_other_mentions() -> None:
    text = "i told baker about the letters and then baker sorted it"
    s = text.index("baker")
    cued = Candidate(s, s + 5, "person", "rules", 0.75, "said where a name stands")
    assert surname_seeds(text, [cued], []) == {"baker"}


@pytest.mark.parametrize(("word", "layer", "score"), [
    ("baker", "ner", 0.85),  # the model alone: no seed
    ("baker", "rules", 0.6),  # a weak reading
    ("forward", "rules", 0.8),  # a surname talk uses as an adverb
    ("price", "rules", 0.8),
])
def test_a_weak_or_wordlike_reading_seeds_nothing(word: str, layer: str, score: float) -> None:
    text = f"i told {word} about the letters"
    s = text.index(word)
    assert surname_seeds(text, [Candidate(s, s + len(word), "person", layer, score, "reason")], []) == set()


def test_a_cued_surname_said_again_goes_and_the_word_stays(anon: Anonymiser) -> None:
    """"Fisher came round" at a turn's start was left in typed text where "Ask Fisher" had been removed."""
    turns = ["Ask Fisher, she knows the forms.", "Fisher came round on the Monday.",
             "The fisher on the canal caught nothing all day."]
    for lower in (False, True):
        out = redact_turns(anon, turns, lower)
        first, second, third = out.split("\n")
        assert "fisher" not in first.lower() and "fisher" not in second.lower(), out
        assert "fisher" in third.lower(), out


# ---------------------------------------------------------------------- a care agency by its trading name
AGENCIES = [
    ("They use Carewell Home Care for his calls.", "Carewell Home Care"),
    ("She works for Brightside Homecare, the agency.", "Brightside Homecare"),
    ("Mum's carers come from Oakfield Care Services now.", "Oakfield Care Services"),
    ("It was Hollybank Domiciliary Care before that.", "Hollybank Domiciliary Care"),
]


@pytest.mark.parametrize(("text", "agency"), AGENCIES)
def test_a_care_agency_by_its_trading_name_goes_whole(anon: Anonymiser, text: str, agency: str) -> None:
    for form in _casings(text):
        out = redact_text(anon, form, open_items=True)
        assert _left(out, agency) == [], out


@pytest.mark.parametrize(("text", "agency"), AGENCIES)
def test_the_agency_span_slices_to_its_name(text: str, agency: str) -> None:
    for form, said in zip(_casings(text), (agency, agency.lower()), strict=True):
        assert [form[s:e] for s, e in care_agency_spans(form, form == form.lower())] == [said]


@pytest.mark.parametrize("text", [
    "She gets private home care twice a day.",
    "We had lovely home care at the end.",
    "Social care services never rang back.",
    "They cut the care services in the spring.",
    "His home care starts Monday.",
    "It's a nursing agency, not the council.",
    "The adult care services team sent a letter.",
])
def test_a_kind_of_care_is_no_agency(text: str) -> None:
    for form in _casings(text):
        assert care_agency_spans(form, form == form.lower()) == [], form


# ------------------------------------------------------------- the place a "Friends of" group is named after
FRIENDS = [
    ("Friends of Wellbrook Park do the litter picks.", "Wellbrook Park"),
    ("She helps out with the Friends of Hollins Wood.", "Hollins Wood"),
    ("He joined the Friends of Moorside Library last year.", "Moorside Library"),
    ("The Friends of Thornfield Country Park meet on a Sunday.", "Thornfield Country Park"),
]


@pytest.mark.parametrize(("text", "place"), FRIENDS)
def test_the_place_of_a_friends_group_goes_and_the_group_stays(anon: Anonymiser, text: str, place: str) -> None:
    for form in _casings(text):
        out = redact_text(anon, form, open_items=True)
        assert _left(out, place) == [] and "friends of" in out.lower(), out


@pytest.mark.parametrize(("text", "place"), FRIENDS)
def test_the_friends_place_span_slices_to_the_place(text: str, place: str) -> None:
    for form, said in zip(_casings(text), (place, place.lower()), strict=True):
        assert [form[s:e] for s, e in friends_place_spans(form, form == form.lower())] == [said]


@pytest.mark.parametrize("text", [
    "She's a member of Friends of the Earth.",
    "He gives to Friends of the Elderly every month.",
    "They're friends of the family, that's all.",
    "We were friends of the park keeper.",
    "They're old friends of the Green Party lot.",
    "Friends of the rec meet on Mondays.",  # a head alone names no place
])
def test_a_friends_group_without_a_named_place_stays(anon: Anonymiser, text: str) -> None:
    for form in _casings(text):
        assert friends_place_spans(form, form == form.lower()) == [], form

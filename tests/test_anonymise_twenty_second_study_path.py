"""The twenty-second study's whole path through the CLI, as a new user runs it (``tests/data/twenty_second_study``):
import with the manifest and register as the team wrote them (revised once, as the import's advice asked),
anonymise with the default model, accept every proposal and sign off, then read the signed text against the study's
``expected.tsv``, search the project and its QDPX export with ``leakcheck``, and ask what carers say.

Files named after a person or a town are given neutral ids on import, so the test reads each file's id from the
secure folder's ``sources.json``. The counts asserted are the ones this code reached, so a regression fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import assert_study_lists_whole, registered_left, run_cli, run_study_folder, said_count, study_rows

STUDY = Path(__file__).parent / "data" / "twenty_second_study"
CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"
NOT_NAMES = r"(?i)(P\d|INTERVIEWER|FAC|Interpreter|SUKHWINDER)"
"""Labels and roles the manifest writes as aliases so a file's labels find their speakers."""


def _said(surface: str, text: str) -> int:
    return said_count(surface, text.replace("’", "'"))


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """The project, its secure folder and file stem → signed-off text, after the whole CLI path."""
    return run_study_folder(tmp_path_factory.mktemp("twenty_second"), STUDY, CODEBOOK)


def test_the_studys_lists_are_whole() -> None:
    assert_study_lists_whole(STUDY, sized=False)


def test_every_file_is_read_and_signed_off(path: tuple[Path, Path, dict[str, str]]) -> None:
    """Eight files in seven formats, the email among them (read as plain text before, its header's names and
    subject as speech)."""
    assert len(path[2]) == 8


def test_nothing_registered_is_left(path: tuple[Path, Path, dict[str, str]]) -> None:
    assert registered_left(STUDY, path[2], NOT_NAMES) == []


def test_the_golds_must_go_items_are_gone(path: tuple[Path, Path, dict[str, str]]) -> None:
    left = sorted((r["transcript"], r["surface"]) for r in study_rows(STUDY)
                  if r["must"] == "go" and _said(r["surface"], path[2][r["transcript"]]))
    assert left == LEFT


def test_no_half_of_a_place_or_a_split_word_is_left(path: tuple[Path, Path, dict[str, str]]) -> None:
    """"Whitmore Reans" lost only its first word, and the email's soft line breaks split "Brae" and a phone
    number's last digits ("B= rae", "ni= ne zero one") past every layer."""
    signed = path[2]
    assert not _said("Reans", signed["Diabetes educator huddle 03-11"])
    email = signed["Fwd SANGAM transcript Near Me Yell"]
    for piece in ("rae", "zero one", "=E2", "Laurenson", "Subject", "quoted-printable"):
        assert piece not in email, piece


def test_must_stay_words_removed_do_not_grow(path: tuple[Path, Path, dict[str, str]]) -> None:
    removed = [(r["transcript"], r["surface"]) for r in study_rows(STUDY)
               if r["must"] == "stay" and not _said(r["surface"], path[2][r["transcript"]])]
    assert len(removed) <= MOST_REMOVED, removed
    for kept in ("SANGAM", "Diabetes UK", "Kidney Care UK", "Carers Trust", "Young Carers", "Pharmacy First",
                 "Royal College of Midwives", "Healthcare Improvement Scotland", "NHS 24", "NHS app",
                 "Scottish Ambulance Service", "metformin", "Ozempic", "Mounjaro", "tacrolimus", "EPO", "Loganair",
                 "Northlink", "Near Me", "Up Helly Aa", "Wolves", "Baggies", "Sky Blues", "peerie", "bostin", "beti"):
        assert any(_said(kept, text) for text in path[2].values()), kept


def test_dr_is_no_registered_name(path: tuple[Path, Path, dict[str, str]]) -> None:
    """A consultant's display name ("Kowalczyk, Agnieszka Dr (RWT)") made "Dr" a form of her name."""
    assert _said("Dr", path[2]["Dialysis interview WOL-P07 interpreted"])


def test_leakcheck_finds_nothing_in_the_project_or_its_export(
        path: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    project, secure, _ = path
    out = tmp_path / "study.qdpx"
    result = run_cli("export", project, "--qdpx", out)
    assert result.exit_code == 0, result.output
    result = run_cli("leakcheck", project, "--secure", secure, out)
    assert result.exit_code == 0, result.output


def test_a_query_of_what_carers_say_finds_the_young_carer(path: tuple[Path, Path, dict[str, str]]) -> None:
    """"What do carers say": a quote of the young carer's, coded, is found by the carers' filter (the manifest's
    "young carer" was refused as a role before, and the whole import with it)."""
    import json

    project, secure, _ = path
    sources = json.loads((secure / "sources.json").read_text(encoding="utf-8"))
    tid = next(t for t, s in sources.items() if s["stem"] == "Young carers Walsall (otter)")
    result = run_cli("code", "add", project, tid, "--quote", "he won't take his tacrolimus when I'm at school",
                     "--pt", "PT1", "--coder", "ann")
    assert result.exit_code == 0, result.output
    result = run_cli("code", "list", project, "--role", "carer", "--json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [(c["label"], c["role"]) for c in listed] == [("WAL-Y02", "carer")], listed


LEFT = sorted([
    ("Diabetes educator huddle 03-11", "Manor"),
    ("Fwd SANGAM transcript Near Me Yell", "Yell"),
    ("Young carers Walsall (otter)", "Precious"),
    ("shetland_pharmacy_captions", "gb"), ("shetland_pharmacy_captions", "unst"),
    ("shetland_pharmacy_captions", "yell"),
])
"""Must-go items this code leaves (6 of 126): see ``docs/benchmarks.md``, the twenty-second study's section."""
MOST_REMOVED = 7
"""Must-stay items this code removes (of 79): the Black Country ICB (a site's name in a body's, by the privacy
notes' decision), the Hawthorns, "Tara-a-bit", "dunna", the jarl squad, "Sat Sri Akal" and Steve Bull."""

"""The twentieth study's whole path through the CLI, as a new user runs it (``tests/data/twentieth_study``):
import with the manifest and register as the team wrote them, anonymise with the default model, accept every
proposal and sign off, then read the signed text against the study's ``expected.tsv``, and search the project
and its QDPX export with ``leakcheck``.

Files named after a person or a town are given neutral ids on import, so the test reads each file's id from the
secure folder's ``sources.json``, as a team finds it. The counts asserted are the ones this code reached, so a
regression fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import assert_study_lists_whole, registered_left, run_cli, run_study_folder, said_count, study_rows

STUDY = Path(__file__).parent / "data" / "twentieth_study"
CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"
NOT_NAMES = r"(?i)(P\d|INTERVIEWER|CI|spk_\d|JOANNE)"
"""Labels and roles the manifest writes as aliases so a file's labels find their speakers."""


def _said(surface: str, text: str) -> int:
    return said_count(surface, text.replace("’", "'"))


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """The project, its secure folder and file stem → signed-off text, after the whole CLI path."""
    return run_study_folder(tmp_path_factory.mktemp("twentieth"), STUDY, CODEBOOK)


def test_the_studys_lists_are_whole() -> None:
    assert_study_lists_whole(STUDY, sized=False)


def test_every_file_is_read_and_signed_off(path: tuple[Path, Path, dict[str, str]]) -> None:
    assert len(path[2]) == 8


def test_nothing_registered_is_left(path: tuple[Path, Path, dict[str, str]]) -> None:
    assert registered_left(STUDY, path[2], NOT_NAMES) == []


def test_the_golds_must_go_items_are_gone(path: tuple[Path, Path, dict[str, str]]) -> None:
    left = sorted((r["transcript"], r["surface"]) for r in study_rows(STUDY)
                  if r["must"] == "go" and _said(r["surface"], path[2][r["transcript"]]))
    assert left == LEFT


def test_must_stay_words_removed_do_not_grow(path: tuple[Path, Path, dict[str, str]]) -> None:
    removed = [(r["transcript"], r["surface"]) for r in study_rows(STUDY)
               if r["must"] == "stay" and not _said(r["surface"], path[2][r["transcript"]])]
    assert len(removed) <= MOST_REMOVED, removed
    for kept in ("SEABRIG", "Public Health Scotland", "Scottish Government", "Scottish Drugs Forum",
                 "Turning Point Scotland", "British Liver Trust", "Alcoholics Anonymous", "Change Grow Live",
                 "Children's Hospices Across Scotland", "Who Cares? Scotland", "Together for Short Lives", "Beat",
                 "Prenoxad", "Nyxoid", "Espranor", "Buvidal", "Recovery Record", "Hibs", "Hearts", "didnae",
                 "iPad"):
        assert any(_said(kept, text) for text in path[2].values()), kept


def test_leakcheck_finds_nothing_in_the_project_or_its_export(
        path: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    """Before this study's round the check failed on the project's own audit row: a registered Robert's familiar
    "Dob" matched the category of a removed date of birth (``"by_category": {"dob": 1}``)."""
    project, secure, _ = path
    out = tmp_path / "study.qdpx"
    result = run_cli("export", project, "--qdpx", out)
    assert result.exit_code == 0, result.output
    result = run_cli("leakcheck", project, "--secure", secure, out)
    assert result.exit_code == 0, result.output


def test_leakcheck_warns_of_no_word_nobody_can_act_on(path: tuple[Path, Path, dict[str, str]]) -> None:
    """"didnae" (a Scots negative, sounding like a registered Catriona's "Tina") was the check's one warning."""
    project, secure, _ = path
    result = run_cli("leakcheck", project, "--secure", secure)
    assert result.exit_code == 0, result.output
    assert "sound like a registered name" not in result.stderr, result.stderr


LEFT = sorted([
    ("Care experienced YP group Leith v2", "Jock"), ("Care experienced YP group Leith v2", "Sick Kids"),
    ("Hospice at home team - Transcript", "Queen Margaret"),
    ("Hospice at home team - Transcript", "Sick Kids"), ("Hospice at home team - Transcript", "twentieth of May"),
    ("arld_interview_LSC-P05_transcribe", "eighth of February"),
    ("care_leavers_morecambe_captions", "platform"), ("care_leavers_morecambe_captions", "west end"),
    ("care_leavers_morecambe_captions", "west end road"),
])
"""Must-go items this code leaves (9 of 136): see ``docs/benchmarks.md``, the twentieth study's section ("Lord
Street" after a pub's name went once a public word could open a street's name, "Big Eck" once the listed familiar
forms were given names)."""
MOST_REMOVED = 11
"""Must-stay items this code removes (of 85): the territorial boards (NHS Lothian, and NHS Fife twice with Fife a
site; removed by the privacy notes' decision), the ICB named after two counties (twice), two landmarks said as places
(the Tower, Pleasure Beach, each twice), a ground in captions, and "wee" taken into a name ("wee Senga")."""

"""The shipped codebook cites its source ("Hughes E, Harris J, Ainscough T, et al. …"), and a QDPX writes that
citation into its project's description. A study that registered a participant called Joanne Harris could not
export: the leak check reported the public author's surname in the project database and in every QDPX. The codebook
is checked for full names only, and its citation written out whole is the codebook's; the surname said anywhere
else, and the registered full name even inside the citation, are still leaks."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.anonymise.leakcheck import build_matcher, scan_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.cli.main import cli
from cmo_coder.model.key import ParticipantKey

ROOT = Path(__file__).resolve().parents[1]
CITATION = ("Hughes E, Harris J, Ainscough T, et al. Realist evaluation of co-occurring severe mental health and "
            "alcohol/drug conditions (RECO). Health Technology Assessment, NIHR Journals Library, 2024.")


def _matcher(register_rows: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    register = tmp_path / "register.csv"
    register.write_text("surface,category\n" + register_rows, encoding="utf-8")
    items = list(build_register(ParticipantKey(entries=[]), load_register_csv(register), set()).items)
    return build_matcher(items, reference=[CITATION])


def _hits(text: str, register_rows: str, tmp_path: Path, mode: str = "derived") -> list[str]:
    return [h.surface for h in scan_text(text, _matcher(register_rows, tmp_path), Path("project.qde"), None, mode)]


def test_the_citation_written_whole_is_no_leak_of_a_registered_surname(tmp_path: Path) -> None:
    description = f"<Description>RECO programme theories. Codebook source: {CITATION}</Description>"
    assert _hits(description, "Joanne Harris,person\n", tmp_path) == []
    assert _hits(CITATION, "Joanne Harris,person\n", tmp_path, "reference") == []


def test_the_surname_elsewhere_or_the_citation_cut_short_is_still_a_leak(tmp_path: Path) -> None:
    assert _hits("<Note>Harris said the team was stretched.</Note>", "Joanne Harris,person\n", tmp_path) == ["Harris"]
    cut = "<Description>Codebook source: Hughes E, Harris J, Ainscough T</Description>"
    assert _hits(cut, "Joanne Harris,person\n", tmp_path) == ["Harris"]


def test_a_full_name_is_a_leak_even_inside_the_codebooks_text(tmp_path: Path) -> None:
    """A one-word person registered by that word alone is a full name: the codebook's own text does not excuse it."""
    assert _hits(f"<Description>{CITATION}</Description>", "Ainscough,person\n", tmp_path) == ["Ainscough"]
    assert _hits(CITATION, "Ainscough,person\n", tmp_path, "reference") == ["Ainscough"]


@pytest.mark.skipif(not (ROOT / "codebooks" / "reco.yaml").exists(), reason="the shipped codebook")
def test_a_study_with_a_participant_called_harris_exports_and_passes(tmp_path: Path) -> None:
    (tmp_path / "int1.txt").write_text("Interviewer: Did Joanne Harris come along?\n"
                                       "Respondent: Yes, Joanne came with Harris the dog walker.\n", encoding="utf-8")
    (tmp_path / "reg.csv").write_text("surface,category\nJoanne Harris,person\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text("name,aliases,role,site,label\nInterviewer,,facilitator,,F1\n"
                                    "Respondent,,service_user,,P1\n", encoding="utf-8")
    p, s = str(tmp_path / "p"), str(tmp_path / "s")
    run = CliRunner().invoke
    steps = [["init", p, "--codebook", str(ROOT / "codebooks" / "reco.yaml")],
             ["import", p, str(tmp_path / "int1.txt"), "--secure", s, "--register", str(tmp_path / "reg.csv"),
              "--manifest", str(tmp_path / "m.csv")],
             ["anonymise", p, "--secure", s, "--register", str(tmp_path / "reg.csv")],
             ["review", p, "--secure", s, "--accept-all", "--sign-off"],
             ["export", p, "--qdpx", str(tmp_path / "out.qdpx")]]
    for args in steps:
        result = run(cli, args)
        assert result.exit_code == 0, (args[0], result.output)
    result = run(cli, ["leakcheck", p, "--secure", s, str(tmp_path / "out.qdpx")])
    assert result.exit_code == 0, result.output
    qdpx = tmp_path / "out.qdpx"
    import zipfile
    with zipfile.ZipFile(qdpx) as z:
        assert "Harris J" in z.read("project.qde").decode("utf-8")  # the citation is there, and passed
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "notes.txt").write_text("Met Harris at the hub.", encoding="utf-8")
    planted = run(cli, ["leakcheck", p, "--secure", s, str(tmp_path / "report")])
    assert planted.exit_code != 0 and "Harris" in planted.output


def test_a_one_word_registered_place_is_no_leak_as_an_author_in_the_citation(tmp_path: Path) -> None:
    """The eleventh study registered the Isle of Harris as "Harris", a place: the codebook's "Harris J," is an
    author, not the island. Said as a place, or with no initials after it, it is still a leak."""
    assert _hits(CITATION, "Harris,place\n", tmp_path, "reference") == []
    assert _hits("Ferries to Harris were cancelled.", "Harris,place\n", tmp_path, "reference") == ["Harris"]
    assert _hits("<Note>We went over to Harris J and back.</Note>", "Harris,place\n", tmp_path) == ["Harris"]

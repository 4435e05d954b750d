"""A label said once with one name is a speaker when the manifest names it: "Sharon: The lady gave me the leaflet"
was read into the interviewer's turn, the name in the text and the words given to the interviewer
(:mod:`cmo_coder.ingest.manifest_labels`)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.ingest import detect
from cmo_coder.ingest.manifest_labels import named_speakers, speakers_named

ROOT = Path(__file__).resolve().parents[1]
GROUP = ("Facilitator: What helped?\nRespondent: The group, honestly.\nFacilitator: Anyone else?\n"
         "Respondent: The lady at the centre.\nDave: Yeah, same for me.\nFacilitator: Thanks, all.\n")


def _said(text: str) -> list[tuple[str | None, str]]:
    return [(u.speaker, u.text) for u in detect.parse(text.encode(), "g.txt").utterances]


def test_without_the_manifest_a_one_word_label_said_once_is_speech() -> None:
    assert ("Dave", "Yeah, same for me.") not in _said(GROUP)


def test_with_the_manifest_it_is_a_speaker() -> None:
    with speakers_named(["Dave", "Anna Kowalski", "Sharon@other_file"]):
        assert named_speakers() == frozenset({"Dave", "Anna Kowalski"})  # a scoped alias is the speaker map's
        assert ("Dave", "Yeah, same for me.") in _said(GROUP)
    assert named_speakers() == frozenset()


def test_import_reads_the_manifests_speaker(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text("Interviewer: Who told you about it?\n"
                                    "Sharon: The lady at the centre, she gave me the leaflet.\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text("name,aliases,role,site,label\nInterviewer,,facilitator,,F1\n"
                                    "Sharon,,carer,,P1\n", encoding="utf-8")
    p, s = str(tmp_path / "p"), str(tmp_path / "s")
    run = CliRunner().invoke
    assert run(cli, ["init", p, "--codebook", str(ROOT / "codebooks" / "reco.yaml")]).exit_code == 0
    result = run(cli, ["import", p, str(tmp_path / "c.txt"), "--secure", s, "--manifest", str(tmp_path / "m.csv")])
    assert result.exit_code == 0, result.output
    assert "2 turns" in result.output and "speakers: F1, P1" in result.output


def test_a_manifests_interviewer_leaves_a_header_of_fields_a_heading() -> None:
    """The sixteenth study's "Interviewer: ST   Date: 14/10" above the first turn is a heading; a manifest that names
    an "Interviewer" must not make it the interviewer's turn."""
    text = "Interviewer: ST   Date: 14/10\n\nI: Thanks for coming in.\n\nR: It started.\n\nI: And then?\n\nR: Then.\n"
    with speakers_named(["Interviewer", "I", "R"]):
        said = _said(text)
    assert said[0][0] is None and "14/10" in said[0][1]

"""A transcript that mixes typed and captioned speech: the interviewer's questions typed with capitals,
the answers left lower-cased as speech recognition wrote them. The answers are read as captions (no
capital says anything there), per speaker; the typed questions are still read as cased text."""

from __future__ import annotations

from pathlib import Path

from anon_support import add_pending, secure_folder
from click.testing import CliRunner

from cmo_coder.anonymise.layers.state import lower_cased_speakers
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

KEY = [
    KeyEntry(label="F1", name="Megan Lloyd", role="facilitator", site="A"),
    KeyEntry(label="P2", name="Kyle Denton", role="service_user", site="A"),
]
TURNS = [
    ("F1", "Megan Lloyd", "Okay, we're recording. Where did you get your kit? Will you say a bit more?"),
    ("P2", "Kyle Denton", "so i got my kit off the van at the bus station, a lass called shaz gave it me"),
    ("F1", "Megan Lloyd", "And did you use it?"),
    ("P2", "Kyle Denton", "yeah i used mine on a mate, shaz showed me how, he come round swinging"),
]


def run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_speakers_lower_cased_throughout_are_captions() -> None:
    text = "Where did you get it? Tell me more.\n\nso i got it off the van at the bus station\n\nok"
    turns = [("F1", 0, 35), ("P2", 37, 79), ("P3", 81, 83)]
    assert lower_cased_speakers(text, turns) == [False, True, False]  # "ok" alone says nothing


def test_lower_cased_answers_in_a_typed_transcript_are_read_as_captions(tmp_path: Path, project: Project) -> None:
    sf = secure_folder(tmp_path, KEY)
    add_pending(project, sf, "mixed", TURNS)
    p, s = project.path, sf.path
    assert run("anonymise", p, "--secure", s).exit_code == 0
    r = run("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    proj = Project.open(p)
    try:
        text = proj.transcript("mixed").text
    finally:
        proj.close()
    assert "shaz" not in text.lower(), text
    assert "Will you say a bit more?" in text  # a modal in the typed question is still a word

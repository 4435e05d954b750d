"""An attendee a Google Meet header names who never speaks: a person of the meeting, registered, never dropped.

The header is the file's, not a turn, and was dropped with every name in it: an attendee who said nothing labelled
no turn, so nobody was told of them and their name, said by the others ("we'll ask hope about the rota"), was
left in the signed-off text. Each such attendee is now a provisional person of the key (so the anonymiser removes
the name wherever it is said), listed by the import for the manifest and counted in a warning that names nobody.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.ingest.importer import silent_attendees
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent

HUDDLE = ("Ward huddle (2026-05-13 13:02 GMT+1) - Transcript\nAttendees\nHamish Ure, Ishbel Cowan, Hope Barley\n"
          "Transcript\n00:00:00\nHamish Ure: Right, shall we start? We'll ask hope about the rota when she's back, "
          "barley knows the list.\nIshbel Cowan: Aye, I saw it. Hope Barley sent it round.\n")
MANIFEST = "name,aliases,role,site,label\nHamish Ure,,staff,A,SP1\nIshbel Cowan,,staff,A,SP2\n"


def run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _imported(tmp_path: Path, text: str = HUDDLE, manifest: str | None = MANIFEST) -> tuple[Path, Path, dict]:
    (tmp_path / "huddle.txt").write_text(text, encoding="utf-8")
    assert run("init", tmp_path / "p", "--codebook", REPO / "codebooks" / "tiny.yaml").exit_code == 0
    args: list[object] = ["import", tmp_path / "p", tmp_path / "huddle.txt", "--secure", tmp_path / "s", "--json"]
    if manifest is not None:
        (tmp_path / "m.csv").write_text(manifest, encoding="utf-8")
        args += ["--manifest", tmp_path / "m.csv"]
    r = run(*args)
    assert r.exit_code == 0, r.output
    return tmp_path / "p", tmp_path / "s", json.loads(r.stdout)


def test_a_silent_attendee_is_listed_for_the_manifest_and_counted(tmp_path: Path) -> None:
    _, secure, report = _imported(tmp_path)
    listed = [(s["name"], s["never_speaks"]) for s in report["provisional_speakers"]]
    assert listed == [("Hope Barley", True)]
    warnings = report["files"][0]["warnings"]
    assert any(w.startswith("1 attendee(s) the Google Meet header names never speak") for w in warnings)
    assert not any("Hope" in w or "Barley" in w for w in warnings)  # a warning names nobody
    key = json.loads((secure / "participants-key.json").read_text(encoding="utf-8"))
    assert [e["name"] for e in key["entries"] if e["provisional"]] == ["Hope Barley"]


def test_a_silent_attendees_name_said_by_others_is_removed_at_sign_off(tmp_path: Path) -> None:
    project, secure, _ = _imported(tmp_path)
    assert run("anonymise", project, "--secure", secure).exit_code == 0
    r = run("review", project, "--secure", secure, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output  # the attendee speaks no turn: nothing of theirs holds sign-off back
    p = Project.open(project)
    try:
        text = p.transcript("huddle").text
    finally:
        p.close()
    assert "hope" not in text.lower() and "barley" not in text.lower(), text


def test_speakers_of_the_header_are_no_silent_attendees(tmp_path: Path) -> None:
    text = HUDDLE.replace(", Hope Barley", "")
    _, _, report = _imported(tmp_path, text, manifest=None)
    assert [s["never_speaks"] for s in report["provisional_speakers"]] == [False, False]
    assert not any("attendee" in w for w in report["files"][0]["warnings"])


def test_silent_attendees_are_compared_as_names() -> None:
    assert silent_attendees(["Amy  Lo", "BEN CRAIG", "Ben Craig", "Cat Ng"], ["amy lo", "Dev Rao"]) == \
        ["BEN CRAIG", "Cat Ng"]
    assert silent_attendees([], ["Amy"]) == []


def test_a_bidi_or_zero_width_mark_in_the_attendees_keeps_the_header_meets() -> None:
    """Found by the Meet target: a mark before one attendee's name made the whole header a turn of no speaker
    whose speech was the attendees' names, and the silent attendee was known to nobody."""
    from cmo_coder.ingest import plain

    text = "Ward - Transcript\nAttendees\n\u202eBen Craig, Amy\u200b Lo\nTranscript\n\u202eBen Craig: So.\n"
    utts, attendees = plain.read_with_attendees(text, "m.txt")
    assert attendees == ["Ben Craig", "Amy Lo"]
    assert [(u.speaker, u.text) for u in utts] == [("Ben Craig", "So.")]

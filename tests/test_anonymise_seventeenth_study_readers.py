"""Readers' cases from the seventeenth study (``tests/data/seventeenth_study``): a Zoom member shown by a one-word
name said once, in a file whose every other cue names its speaker."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmo_coder.errors import ValidationFailed
from cmo_coder.ingest import zoom_vtt
from cmo_coder.ingest.speakers import load_manifest

STUDY_ZOOM = "tests/data/seventeenth_study/transcripts/GMT20260304-100212_Recording.transcript.vtt"


def _vtt(lines: list[str]) -> str:
    cues = [f"{i}\n00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n{line}\n" for i, line in enumerate(lines, start=1)]
    return "WEBVTT\n\n" + "\n".join(cues)


def test_the_studys_zoom_member_shown_by_a_nickname_is_a_speaker() -> None:
    with open(STUDY_ZOOM, encoding="utf-8") as f:
        said = zoom_vtt.read(f.read(), "z.vtt")
    bunny = [u for u in said if u.speaker == "Bunny"]
    assert len(bunny) == 1 and bunny[0].text.startswith("Can I say something?")
    assert not any(u.speaker is None for u in said)


LABELLED = ["Kieran Doyle: Morning all.", "Tony Marsh: Morning.", "Kieran Doyle: How was the week?",
            "Tony Marsh: Not bad.", "Kieran Doyle: Good."]


@pytest.mark.parametrize(("line", "speaker"), [
    ("Bunny: Can I say something?", "Bunny"),
    # held back, written before the rule
    ("Wojtek: I came late, sorry.", "Wojtek"),
    ("Nan: She's asleep now.", "Nan"),
    ("Chalky White: Morning.", "Chalky White"),
])
def test_a_one_word_name_said_once_is_a_speaker_where_every_other_cue_names_one(line: str, speaker: str) -> None:
    said = zoom_vtt.read(_vtt([*LABELLED[:3], line, *LABELLED[3:]]), "z.vtt")
    assert [u.speaker for u in said][3] == speaker and ":" not in said[3].text[:1]


@pytest.mark.parametrize("line", [
    "Note: the clinic moved.", "Anyway: we went home.", "anyway: we went home",
    # held back
    "Update: nothing new.", "So: what now?",
])
def test_a_word_before_a_colon_stays_speech_where_the_file_names_few_speakers(line: str) -> None:
    unlabelled = ["Morning all.", "Morning.", "How was the week?", "Not bad.", "Good."]
    said = zoom_vtt.read(_vtt([*unlabelled[:3], line, *unlabelled[3:]]), "z.vtt")
    assert said[3].speaker is None and said[3].text == line


@pytest.mark.parametrize("line", ["anyway: we went home", "Note that: the clinic moved.", "So, anyway: it shut."])
def test_a_lower_case_word_or_a_phrase_before_a_colon_stays_speech_in_a_labelled_file(line: str) -> None:
    said = zoom_vtt.read(_vtt([*LABELLED[:3], line, *LABELLED[3:]]), "z.vtt")
    assert said[3].speaker is None and said[3].text == line


# -- a manifest label holding a site as the manifest writes it ---------------------------------------------------------
def _manifest(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "participants.csv"
    path.write_text("name,aliases,role,site,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("rows", "label", "site"), [
    (["Reg Cook,,service user,IoW,IOW-P03"], "IOW-P03", "IoW"),
    (["Tony Marsh,,service user,Isle of Wight,IOW-P01", "Priya Raman,,staff,Portsmouth & IoW,IOW-S01"],
     "IOW-P01", "IoW"),
    # held back, written before the rule
    (["Ann Lowe,,service user,Ryde,RYDE-P01"], "RYDE-P01", "Ryde"),
    (["Stan Cliff,,service user,Hanley,P01_hanley"], "P01_hanley", "Hanley"),
])
def test_a_label_holding_a_named_site_is_refused_at_import(tmp_path: Path, rows: list[str], label: str,
                                                          site: str) -> None:
    with pytest.raises(ValidationFailed) as err:
        load_manifest(_manifest(tmp_path, rows))
    said = " ".join(err.value.problems)
    assert label in said and repr(site) in said and "line " in said


@pytest.mark.parametrize("rows", [
    ["Tony Marsh,,service user,Isle of Wight,IOW-P01"],  # initials are no site as written
    ["Rhys Pritchard,,staff,South Wales,SWV-S01"],
    ["Derek Salt,,service user,Stoke-on-Trent,SOT-P02", "Sharon Beech,,carer,Stoke,SOT-C01"],
    # held back
    ["Ann Lowe,,service user,Site A,A-P01"], ["Ann Lowe,,service user,,RYDE-P01"],
])
def test_a_label_without_a_named_site_imports(tmp_path: Path, rows: list[str]) -> None:
    assert len(load_manifest(_manifest(tmp_path, rows))) == len(rows)

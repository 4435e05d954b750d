"""Casing decided per turn: a speaker who mixes typed turns and lower-cased ones (an interview typed in part, an
Otter transcript corrected in part, captions pasted into a typed Teams transcript) has their lower-cased turns
read as captions, so a name there without a capital is found, while their typed turns keep the meaning of
capitals ("Will you", "May I"). Short turns ("yeah", "ok", "mm", "thanks bev", numbers) say too little and take
their speaker's nearest casing. All names and places are invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.state import casing_stretches, lower_cased_speakers
from cmo_coder.cli.main import cli
from cmo_coder.store import Project
from tests.fuzzing import fuzz_settings

TYPED_1 = "Well, I went along to the drop-in on a Tuesday. It was alright, and the staff were kind to me."
TYPED_2 = "Yes, my key worker did. May I say she was brilliant, always rang back when she said she would."
LOWER_1 = "so i got my kit off the van at the bus station a lass called shaz gave it me"
LOWER_2 = "and me mate dezza come with me the week after cos he was bad on it"


def _turns(*said: tuple[str, str]) -> tuple[str, list[tuple[str | None, int, int]]]:
    parts, turns, offset = [], [], 0
    for speaker, text in said:
        turns.append((speaker, offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + 2
    return "\n\n".join(parts), turns


@pytest.mark.parametrize(("said", "want"), [
    # a speaker who mixes: each long turn by its own casing
    ([("P", TYPED_1), ("P", LOWER_1), ("P", TYPED_2), ("P", LOWER_2)], [False, True, False, True]),
    # short turns without a capital take the nearest long turn of their speaker, either side
    ([("P", LOWER_1), ("I", "Okay."), ("P", "yeah"), ("P", "mm"), ("P", TYPED_1)], [True, False, True, True, False]),
    ([("P", TYPED_1), ("P", "ok"), ("I", LOWER_1)], [False, False, True]),
    ([("I", "And when was that?"), ("P", "2019"), ("P", LOWER_2)], [False, True, True]),
    # a short turn with a capital is typed, whatever its speaker's other turns
    ([("P", LOWER_1), ("P", "Yeah."), ("P", LOWER_2)], [True, False, True]),
    # a speaker with only short turns: all their speech together, as before
    ([("I", TYPED_1), ("Q", "ok"), ("Q", "yeah")], [False, False, False]),
    ([("I", TYPED_1), ("Q", "ok so i went back"), ("Q", "yeah that was it for me")], [False, True, True]),
])
def test_casing_per_turn(said: list[tuple[str, str]], want: list[bool]) -> None:
    text, turns = _turns(*said)
    assert lower_cased_speakers(text, turns) == want


def _import_and_sign_off(tmp_path: Path, source: Path) -> str:
    runner = CliRunner()
    study, secure = tmp_path / "study", tmp_path / "secure"
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("name,aliases,role,site,label\nRhian Pryce,,facilitator,A,F1\n"
                        "Connor Hale,,service_user,A,P1\n", encoding="utf-8")
    for args in (["init", study, "--codebook", "tiny"],
                 ["import", study, "--secure", secure, "--manifest", manifest, source],
                 ["anonymise", study, "--secure", secure],
                 ["review", study, "--secure", secure, "--accept-all", "--sign-off"]):
        r = runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)
        assert r.exit_code == 0, (args[0], r.output)
    project = Project.open(study)
    try:
        (tid,) = project.transcript_ids()
        return project.transcript(tid).text
    finally:
        project.close()


TURNS = [
    ("Rhian Pryce", "Thanks for coming in. Can you tell me how you first got in touch with the service?"),
    ("Connor Hale", TYPED_1),
    ("Rhian Pryce", "And who did you see there? Will you say a bit more?"),
    ("Connor Hale", LOWER_1),
    ("Connor Hale", "yeah"),
    ("Connor Hale", LOWER_2),
    ("Rhian Pryce", "That's helpful. Did anyone else help?"),
    ("Connor Hale", TYPED_2),
    ("Connor Hale", "and then tomasz from the pharmacy he sorted the rest out for me honestly"),
]


def _check(text: str) -> None:
    low = text.lower()
    for gone in ("shaz", "dezza", "tomasz"):
        assert gone not in low, (gone, text)
    for kept in ("Will you say a bit more?", "May I say she was brilliant", "off the van at the bus station"):
        assert kept in text, (kept, text)


def test_teams_docx_with_a_speaker_who_mixes(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Drop-in interview 4")
    doc.add_paragraph("Rhian Pryce started transcription")
    for i, (name, said) in enumerate(TURNS):
        p = doc.add_paragraph()
        run = p.add_run(f"{name}   {i // 60}:{i % 60:02d}")
        run.add_break()
        p.add_run(said)
    doc.add_paragraph("Rhian Pryce stopped transcription")
    doc.save(tmp_path / "dropin.docx")
    _check(_import_and_sign_off(tmp_path, tmp_path / "dropin.docx"))


def test_otter_txt_corrected_in_part(tmp_path: Path) -> None:
    body = "".join(f"{name}  {i // 60}:{i % 60:02d}\n{said}\n\n" for i, (name, said) in enumerate(TURNS))
    source = tmp_path / "dropin_otter.txt"
    source.write_text("SPEAKERS\nRhian Pryce, Connor Hale\n\n" + body + "\nTranscribed by https://otter.ai\n",
                      encoding="utf-8")
    _check(_import_and_sign_off(tmp_path, source))


def test_vtt_with_captions_cut_across_cues(tmp_path: Path) -> None:
    cues = []
    n = 0
    for name, said in TURNS:
        words = said.split()
        halves = [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])] if len(words) > 6 else [said]
        for half in halves:
            cues.append(f"cue-{n}\n00:00:{n:02d}.000 --> 00:00:{n:02d}.900\n<v {name}>{half}</v>\n")
            n += 1
    source = tmp_path / "dropin.vtt"
    source.write_text("WEBVTT\n\n" + "\n".join(cues), encoding="utf-8")
    _check(_import_and_sign_off(tmp_path, source))


def test_a_turn_whose_lines_differ_is_cut_into_stretches() -> None:
    text = "Well, I went. I said she would. and then tomasz from the pharmacy he sorted it\nyeah\nOk then. Fine."
    got = [(text[a:b], lower) for a, b, lower in casing_stretches(text, [("P", 0, len(text))])]
    assert got == [("Well, I went. I said she would.", False),
                   ("and then tomasz from the pharmacy he sorted it\nyeah", True), ("Ok then. Fine.", False)]


def test_a_turn_of_one_casing_stays_whole() -> None:
    text, turns = _turns(("P", TYPED_1 + "\n" + TYPED_2), ("P", LOWER_1 + "\nyeah\n" + LOWER_2))
    assert casing_stretches(text, turns) == [(s, e, lower) for (_, s, e), lower in
                                             zip(turns, [False, True], strict=True)]


_PIECES = st.sampled_from([TYPED_1, TYPED_2, LOWER_1, LOWER_2, "yeah", "Ok.", "mm", "2019", "\n", " ", ". ",
                           "thanks bev"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(st.tuples(st.sampled_from(["P", "I"]), st.lists(_PIECES, min_size=1, max_size=6)), min_size=1,
                max_size=5))
def test_stretches_lie_in_their_turns_in_order(said: list[tuple[str, list[str]]]) -> None:
    text, turns = _turns(*((speaker, "".join(parts)) for speaker, parts in said))
    stretches = casing_stretches(text, turns)
    for a, b, _ in stretches:
        assert any(s <= a < b <= e for _, s, e in turns) or (a == b and any(s == a == e for _, s, e in turns))
    assert all(x[1] <= y[0] for x, y in zip(stretches, stretches[1:], strict=False))
    covered = "".join(text[a:b] for a, b, _ in stretches)
    assert "".join(covered.split()) == "".join("".join(text[s:e] for _, s, e in turns).split())

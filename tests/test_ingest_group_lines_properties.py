"""Generated focus groups in plain text, Zoom VTT and SRT: every turn slices the canonical text to exactly its
speech, and a group's, a joint or an unplaced voice's line is a turn of its own under its label, never joined to
the turn before (:mod:`cmo_coder.ingest.group_speakers`)."""

from __future__ import annotations

from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.ingest.source import read_source

MEMBERS = ["Facilitator", "P1", "P2", "P3", "P4", "Mary Dunne", "Jo Kirwan"]
COLLECTIVE = ["ALL", "All", "Group", "Everyone", "Several", "Many voices", "Multiple speakers", "P2 & P4", "P2/P4",
              "P1 and P3", "Mary and Jo", "SP3, SP5", "Unknown", "Unidentified speaker", "?", "Female voice",
              "Speaker ?"]
WORD = st.sampled_from(["yes", "no", "the", "bus", "was", "late", "again", "honestly", "[laughter]", "mm",
                        "we", "never", "knew", "—", "it's", "fine"])
LINES = st.lists(st.tuples(st.one_of(st.sampled_from(MEMBERS), st.sampled_from(COLLECTIVE)),
                           st.lists(WORD, min_size=1, max_size=8)), min_size=2, max_size=14)


def _turns(lines: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    """The lines after two rounds where each member says hello (so each member's label recurs, as in a focus group),
    with a speaker repeated at once left out: the reader rightly joins a speaker's two lines."""
    out: list[tuple[str, str]] = []
    for who, words in [(m, ["hello"]) for m in MEMBERS * 2] + lines:
        if out and out[-1][0] == who:
            continue
        out.append((who, " ".join(words)))
    return out


def _plain(turns: list[tuple[str, str]]) -> bytes:
    return "".join(f"{who}: {said}\n\n" for who, said in turns).encode()


def _srt(turns: list[tuple[str, str]]) -> bytes:
    return "".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{who}: {said}\n\n"
                   for i, (who, said) in enumerate(turns, 1)).encode()


def _vtt(turns: list[tuple[str, str]]) -> bytes:
    return ("WEBVTT\n\n" + "".join(f"{i}\n00:00:{i:02d}.000 --> 00:00:{i:02d}.900\n{who}: {said}\n\n"
                                   for i, (who, said) in enumerate(turns, 1))).encode()


@fuzz_settings(150)
@given(LINES, st.sampled_from([("g.txt", _plain), ("g.srt", _srt), ("g.vtt", _vtt)]))
def test_every_line_of_a_generated_focus_group_is_its_own_turn(lines: list[tuple[str, list[str]]],
                                                               fmt: tuple[str, object]) -> None:
    name, write = fmt
    turns = _turns(lines)
    assert callable(write)
    canon = read_source(write(turns), name).canon
    got = [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]
    assert got == turns
    for t in canon.turns:  # offsets are sacred: each turn's span is its text, turns in order, none overlapping
        assert 0 <= t.start <= t.end <= len(canon.text)
    assert all(a.end <= b.start for a, b in zip(canon.turns, canon.turns[1:], strict=False))

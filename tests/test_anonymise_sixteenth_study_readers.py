"""The formats the sixteenth new study brought (``tests/data/sixteenth_study``): the JSON a cloud speech service
returns (AssemblyAI's utterances with speaker letters, an Amazon Transcribe job's items with ``spk_0``), a focus
group typed with voice codes (``F1``, ``M2``) where most codes speak once, notes saved by Apple Pages, and a Teams
VTT whose voices carry a job title after a bar. Each reader is held to keeping every word of speech and inventing
none, with offsets that slice exactly (property tests), and to refusing hostile input with a one-line error."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.source import read_source
from cmo_coder.ingest.speakers import SpeakerMap, is_generic, stem_mentions_name
from cmo_coder.ingest.speech_json import service_of
from cmo_coder.ingest.utterance import ParseError, is_voice_code
from cmo_coder.model import SourceFormat
from cmo_coder.model.key import KeyEntry, ParticipantKey

STUDY = Path(__file__).parent / "data" / "sixteenth_study" / "transcripts"


def _turns(data: bytes, name: str) -> tuple[list[tuple[str | None, str]], SourceFormat]:
    got = read_source(data, name)
    return [(t.speaker_name, got.canon.text[t.start:t.end]) for t in got.canon.turns], got.format


# -- AssemblyAI ------------------------------------------------------------------------------------------------------
def test_the_studys_assemblyai_json_is_read_utterance_by_utterance_with_speaker_letters_and_times() -> None:
    data = (STUDY / "butetown_foodbank_assemblyai.json").read_bytes()
    turns, fmt = _turns(data, "x.json")
    assert fmt is SourceFormat.speech_json
    assert [who for who, _ in turns][:4] == ["Speaker A", "Speaker B", "Speaker A", "Speaker B"]
    assert turns[0][1] == "so this is the food bank in the bay yeah just tell me what you do here"
    # two utterances of one speaker in a row are one turn of two paragraphs: no word lost between them
    assert turns[4] == ("Speaker C", "and me i'm dafs i do the outreach van with the wallich and shelter cymru\n"
                                     "we had a fella sleeping in the doorway by the old coal exchange his name is "
                                     "duke duke evans he's from ely originally")
    source = json.loads(data)
    said = " ".join(u["text"] for u in source["utterances"]).split()
    got = read_source(data, "x.json")
    assert got.canon.text.split() == said
    assert got.canon.turns[0].start_time == 1.2


def _assembly(utterances: list[dict[str, Any]] | None, **extra: Any) -> bytes:
    return json.dumps({"id": "x", "status": "completed", "audio_url": "https://example.invalid/a",
                       "text": " ".join(u["text"] for u in utterances or []) or extra.pop("text", ""),
                       "words": [], "utterances": utterances, **extra}).encode()


def test_assemblyai_without_diarisation_reads_the_whole_text_without_a_speaker() -> None:
    turns, fmt = _turns(_assembly(None, text="we went down the Heath on the Tuesday"), "x.json")
    assert fmt is SourceFormat.speech_json and turns == [(None, "we went down the Heath on the Tuesday")]


def test_a_service_letter_matches_a_manifest_alias_written_as_the_json_shows_it() -> None:
    key = ParticipantKey(entries=[KeyEntry(label="SWV-S04", name="Nia Evans", aliases=["B@butetown"],
                                           role="staff", site="South Wales")])
    smap = SpeakerMap(key)
    assert smap.lookup("Speaker B", "butetown") is not None
    assert smap.lookup("Speaker B", "another_file") is None  # a letter is one file's: never global
    assert is_generic("Speaker B") and is_generic("spk_0") and is_generic("spk_12")


# -- Amazon Transcribe -----------------------------------------------------------------------------------------------
def test_the_studys_transcribe_json_is_read_as_runs_of_one_speakers_words_with_punctuation_against_them() -> None:
    data = (STUDY / "stanns_crisis_cafe_transcribe.json").read_bytes()
    turns, fmt = _turns(data, "x.json")
    assert fmt is SourceFormat.speech_json
    assert [who for who, _ in turns] == ["spk_0", "spk_1"] * 4
    assert turns[0][1] == "Thanks for seeing me, Rebin. Can you tell me about the crisis cafe in St Ann's?"
    whole = json.loads(data)["results"]["transcripts"][0]["transcript"]
    assert " ".join(said for _, said in turns) == whole  # the service's own transcript, word for word


def _item(word: str, at: float, speaker: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"start_time": f"{at:.2f}", "end_time": f"{at + 0.3:.2f}", "type": "pronunciation",
                            "alternatives": [{"confidence": "0.9", "content": word}]}
    if speaker is not None:
        item["speaker_label"] = speaker
    return item


def _punct(mark: str) -> dict[str, Any]:
    return {"type": "punctuation", "alternatives": [{"confidence": "0.0", "content": mark}]}


def _transcribe(items: list[dict[str, Any]], segments: list[dict[str, Any]] | None = None) -> bytes:
    results: dict[str, Any] = {"transcripts": [{"transcript": ""}], "items": items}
    if segments is not None:
        results["speaker_labels"] = {"speakers": 2, "segments": segments}
    return json.dumps({"jobName": "j", "status": "COMPLETED", "results": results}).encode()


def test_transcribe_items_without_labels_take_the_speaker_of_their_segment() -> None:
    items = [_item("Ay", 0.0), _item("up", 0.4), _punct(","), _item("duck", 0.8), _punct("."), _item("Hiya", 2.0)]
    segments = [{"start_time": "0.0", "end_time": "1.5", "speaker_label": "spk_0", "items": []},
                {"start_time": "1.9", "end_time": "3.0", "speaker_label": "spk_1", "items": []}]
    turns, _ = _turns(_transcribe(items, segments), "x.json")
    assert turns == [("spk_0", "Ay up, duck."), ("spk_1", "Hiya")]
    turns, _ = _turns(_transcribe([_punct("..."), *items]), "x.json")
    assert turns == [(None, "... Ay up, duck. Hiya")]  # no labels anywhere: no speaker, and no word lost


_WORD = st.text(alphabet=st.characters(categories=("L", "N"), max_codepoint=0x2FF), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.lists(_WORD, min_size=1, max_size=6)),
                min_size=1, max_size=8))
def test_assemblyai_utterances_keep_every_word_and_offsets_slice(utts: list[tuple[str, list[str]]]) -> None:
    data = _assembly([{"speaker": who, "text": " ".join(words), "start": 10 * i, "end": 10 * i + 5}
                      for i, (who, words) in enumerate(utts)])
    parsed = detect.parse(data, "t.json")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    got: list[str] = []
    for t in canon.turns:
        piece = canon.text[t.start:t.end]
        assert piece == piece.strip() and t.speaker_name in {"Speaker A", "Speaker B", "Speaker C"}
        got += piece.split()
    assert got == [w for _, words in utts for w in words]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["spk_0", "spk_1"]), _WORD, st.sampled_from(["", ",", ".", "?"])),
                min_size=1, max_size=25))
def test_transcribe_items_keep_every_word_and_mark_and_offsets_slice(said: list[tuple[str, str, str]]) -> None:
    items: list[dict[str, Any]] = []
    for i, (who, word, mark) in enumerate(said):
        items.append(_item(word, float(i), who))
        if mark:
            items.append(_punct(mark))
    parsed = detect.parse(_transcribe(items), "t.json")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    assert "".join(canon.text[t.start:t.end] for t in canon.turns).replace(" ", "") == "".join(
        w + m for _, w, m in said)
    for a, b in zip(canon.turns, canon.turns[1:], strict=False):
        assert a.speaker_name != b.speaker_name


@pytest.mark.parametrize(("data", "message"), [
    (b'{"utterances": [{"speaker": "A", "text": "hi", "start": NaN}], "audio_url": "x"}', "not a number"),
    (b'{"utterances": [{"speaker": "A", "text": "hi", "start": 1e30}], "audio_url": "x"}', "out of range"),
    (b'{"utterances": [{"speaker": "A", "text": 7}], "audio_url": "x"}', "not text"),
    (b'{"utterances": [{"speaker": "A", "text": "\\ud800"}], "audio_url": "x"}', "half a character"),
    (b'{"utterances": ["hi"], "audio_url": "x"}', "not an utterance"),
    (b'{"utterances": {"a": 1}, "audio_url": "x"}', "not a list"),
    (b'{"jobName": "j", "results": {"transcripts": [], "items": [{"type": "pronunciation"}]}}', "alternatives"),
    (b'{"jobName": "j", "results": {"transcripts": [], "items": [{"type": "odd", "alternatives": '
     b'[{"content": "x"}]}]}}', "unknown type"),
    (b'{"jobName": "j", "results": {"transcripts": [], "items": [{"type": "pronunciation", "start_time": "soon", '
     b'"alternatives": [{"content": "x"}]}]}}', "not a number"),
    (b'{"jobName": "j", "results": {"transcripts": [], "items": [7]}}', "not an item"),
])
def test_hostile_service_json_is_refused_with_where_it_is(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        detect.parse(data, "hostile.json")


def test_deep_nesting_and_other_json_are_not_taken_for_a_service() -> None:
    deep = '{"utterances": ' + "[" * 100_000 + "]" * 100_000 + ', "audio_url": "x"}'
    assert service_of(deep) is None
    assert service_of('{"segments": [{"text": "hi"}], "text": "hi"}') is None  # Whisper's, read as Whisper's
    assert detect.parse(b'{"text": " hi", "segments": [{"text": " hi", "start": 0, "end": 1}]}',
                        "w.json").format is SourceFormat.whisper_json
    with pytest.raises(ParseError):
        detect.parse(b'{"results": [1, 2]}', "other.json")


# -- a focus group typed with voice codes -----------------------------------------------------------------------------
def test_the_studys_focus_group_gives_every_voice_code_its_own_turn() -> None:
    turns, fmt = _turns((STUDY / "mansfield_focus_group.txt").read_bytes(), "x.txt")
    assert fmt is SourceFormat.plain_txt
    assert [who for who, _ in turns] == [None, "Facilitator", "M1", "F1", "M2", "F2", "Facilitator", "M3", "F3",
                                         "M1", "F1", "Facilitator"]
    assert turns[4][1].startswith("Ollerton, then Welbeck.") and turns[7][1].startswith("Everyone knows me as Taff")


@pytest.mark.parametrize(("text", "speakers"), [
    ("P1: I came in May.\nP2: Me too.\nP1: And you?\nP3: No.\n", ["P1", "P2", "P1", "P3"]),
    ("Interviewer: Hello.\nFG1: Hi.\nFG2: Hello there.\nFG1: Shall we?\n", ["Interviewer", "FG1", "FG2", "FG1"]),
])
def test_a_voice_code_said_once_is_a_speaker_where_the_files_codes_recur(text: str, speakers: list[str]) -> None:
    turns, _ = _turns(text.encode(), "x.txt")
    assert [who for who, _ in turns] == speakers


@pytest.mark.parametrize("text", [
    "Interviewer: What happened?\nRespondent: We went on the A1: it was shut.\nInterviewer: Right.\n",
    "Interviewer: What happened?\nRespondent: It was fine.\nC4: see the form.\nInterviewer: Right.\n",
])
def test_a_code_alone_in_a_file_stays_speech(text: str) -> None:
    turns, _ = _turns(text.encode(), "x.txt")
    assert [who for who, _ in turns] == ["Interviewer", "Respondent", "Interviewer"]


@pytest.mark.parametrize(("name", "code"), [("F1", True), ("M2", True), ("FG12", True), ("P3", True),
                                            ("Flo", False), ("F", False), ("f1", False), ("ABC1", False),
                                            ("Dr F1", False)])
def test_what_a_voice_code_is(name: str, code: bool) -> None:
    assert is_voice_code(name) is code


# -- Apple Pages ------------------------------------------------------------------------------------------------------
def test_the_studys_pages_file_is_refused_with_the_export_pages_offers() -> None:
    with pytest.raises(ParseError, match=r"Apple Pages.*Export To > Word"):
        detect.parse((STUDY / "bulwell_outreach_notes.pages").read_bytes(), "notes.pages")


def _zip(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in names.items():
            z.writestr(name, body)
    return buf.getvalue()


def test_a_pages_09_file_is_refused_too_and_a_damaged_zip_is_not_called_pages() -> None:
    with pytest.raises(ParseError, match="Apple Pages"):
        detect.parse(_zip({"index.xml": b"<sl:document/>", "QuickLook/Preview.pdf": b"%PDF"}), "old.pages")
    whole = (STUDY / "bulwell_outreach_notes.pages").read_bytes()
    with pytest.raises(ParseError) as cut:
        detect.parse(whole[: len(whole) // 2], "cut.pages")
    assert "Apple" not in str(cut.value)


# -- a Teams name with a job title after a bar ------------------------------------------------------------------------
def test_the_studys_teams_vtt_keeps_titled_voices_and_its_file_name_is_no_persons() -> None:
    turns, fmt = _turns((STUDY / "Crisis team debrief 04-11.vtt").read_bytes(), "x.vtt")
    assert fmt is SourceFormat.teams_vtt
    assert {who for who, _ in turns} == {"meinir.prosser@cardiff-valleys.ac.uk", "Rhys Pritchard | Crisis Team Lead",
                                         "Bethan Powell (She/Her) | Crisis Practitioner"}
    key = ParticipantKey(entries=[
        KeyEntry(label="SWV-S01", name="Rhys Pritchard", aliases=["Rhys Pritchard | Crisis Team Lead"],
                 role="staff", site="South Wales"),
        KeyEntry(label="SWV-S02", name="Bethan Powell", aliases=["Bethan Powell (She/Her) | Crisis Practitioner"],
                 role="staff", site="South Wales")])
    tokens = SpeakerMap(key).name_tokens()
    assert not {"crisis", "team", "lead", "practitioner"} & tokens
    assert not stem_mentions_name("Crisis team debrief 04-11", tokens)
    assert stem_mentions_name("Rhys debrief 04-11", tokens)

"""Speechmatics' JSON (``json-v2``), as a batch job returns it: refused before as "a JSON document, but not in a
shape the import reads" (the twenty-first study's interview), read now as turns of one speaker's run of words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cmo_coder.ingest import detect
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat

STUDY_FILE = (Path(__file__).parent / "data" / "twenty_first_study" / "transcripts"
              / "hcv_tayside_TAY-P03_speechmatics.json")


def _word(content: str, start: float, speaker: str | None = "S1", **extra: Any) -> dict[str, Any]:
    alt: dict[str, Any] = {"confidence": 0.98, "content": content, "language": "en"}
    if speaker is not None:
        alt["speaker"] = speaker
    return {"alternatives": [alt], "start_time": start, "end_time": start + 0.3, "type": "word", **extra}


def _mark(content: str, at: float, attach: str = "previous", speaker: str = "S1") -> dict[str, Any]:
    return {"alternatives": [{"confidence": 1.0, "content": content, "language": "en", "speaker": speaker}],
            "attaches_to": attach, "end_time": at, "start_time": at, "is_eos": content in ".?!",
            "type": "punctuation"}


def _job(results: list[dict[str, Any]]) -> bytes:
    return json.dumps({"format": "2.9", "job": {"id": "x1", "data_name": "Interview with Jo.m4a", "duration": 60},
                       "metadata": {"type": "transcription"}, "results": results}).encode()


def _turns(data: bytes) -> list[tuple[str | None, str]]:
    parsed = detect.parse(data, "job.json")
    assert parsed.format is SourceFormat.speech_json
    return [(u.speaker, u.text) for u in parsed.utterances]


def test_the_studys_file_is_read_turn_by_turn() -> None:
    turns = _turns(STUDY_FILE.read_bytes())
    assert [s for s, _ in turns] == ["S1", "S2"] * 6
    assert turns[0][1].startswith("Right, that's us recording. Thanks for, um, for coming in, Gail.")
    assert turns[-1][1].endswith("we went tae the V and A cafe.")


def test_marks_attach_where_the_service_says() -> None:
    results = [_word("She", 0.0), _word("said", 0.4), _mark(",", 0.7), _mark("“", 0.8, "next"),
               _word("ken", 0.9), _mark("”", 1.2), _word("well", 1.4), _mark("-", 1.7, "both"), _word("known", 1.8),
               _mark("&", 2.1, "none"), _word("Co", 2.3), _mark(".", 2.6)]
    assert _turns(_job(results)) == [("S1", "She said, “ken” well-known & Co.")]


def test_a_turn_is_a_run_of_one_speaker_and_uu_is_nobody() -> None:
    results = [_word("Hi", 0.0, "S1"), _mark(".", 0.3), _word("Hiya", 1.0, "S2"), _word("aye", 1.4, "S2"),
               _word("mm", 2.0, "UU"), {"type": "speaker_change", "start_time": 2.4, "end_time": 2.4},
               _word("Right", 2.5, "S1")]
    parsed = detect.parse(_job(results), "job.json")
    assert [(u.speaker, u.text) for u in parsed.utterances] == [
        ("S1", "Hi."), ("S2", "Hiya aye"), (None, "mm"), ("S1", "Right")]
    assert parsed.utterances[1].start_time == 1.0 and parsed.utterances[1].end_time == pytest.approx(1.7)


def test_channel_diarisation_names_the_channel_and_an_entity_is_its_written_form() -> None:
    results = [_word("Ring", 0.0, None, channel="channel_1"),
               {"alternatives": [{"content": "0117 496 0000", "confidence": 1.0}], "type": "entity",
                "entity_class": "phone", "start_time": 0.4, "end_time": 2.0, "channel": "channel_1",
                "spoken_form": [], "written_form": []},
               _word("Thanks", 2.5, None, channel="channel_2")]
    assert _turns(_job(results)) == [("channel_1", "Ring 0117 496 0000"), ("channel_2", "Thanks")]


@pytest.mark.parametrize(("item", "said"), [
    ({"type": "sound", "alternatives": [{"content": "x"}]}, "result 2: an item of unknown type"),
    ({"type": "word", "alternatives": []}, "result 2: no 'alternatives'"),
    ({"type": "word", "alternatives": [{"content": 7, "speaker": "S1"}], "start_time": 0, "end_time": 1},
     "result 2: the content is not text"),
    ({"type": "word", "alternatives": [{"content": "a", "speaker": "S1"}], "start_time": "soon", "end_time": 1},
     "result 2: a time is not a number"),
    ({"type": "punctuation", "alternatives": [{"content": ","}], "attaches_to": "sideways"},
     "result 2: punctuation attaching to .sideways., not previous"),
    ("a word", "result 2: not an item"),
])
def test_an_item_of_another_shape_is_refused_with_its_place(item: Any, said: str) -> None:
    """A first word the shape is known by, then the item: refused naming it (the second result)."""
    with pytest.raises(ParseError, match=said):
        detect.parse(_job([_word("so", 0.0), item]), "job.json")


def test_a_results_list_without_the_services_format_is_still_refused() -> None:
    data = json.dumps({"results": [{"type": "word", "alternatives": [{"content": "x"}]}]}).encode()
    with pytest.raises(ParseError, match="unknown format"):
        detect.parse(data, "job.json")

"""Speechmatics' JSON: the ``json-v2`` transcript a Speechmatics batch job returns for a recording.

Speechmatics is a speech service many UK universities and NHS teams send recordings to (directly or through a tool
built on it), and teams keep its JSON since it is the only output with every word's time and the diarised speaker.
It was refused as "a JSON document, but not in a shape the import reads". Its shape, read here, never by the file's
name: an object with a ``format`` string (the schema's version, "2.9"), the ``job`` and ``metadata`` it ran with,
and ``results``, a list of items in time order, each with its ``type`` and ``alternatives``:

- a ``word`` item is a spoken word: ``alternatives[0]`` holds its ``content`` and, when the job was diarised by
  speaker, its ``speaker`` ("S1", "S2"; "UU" where the service could not tell); ``start_time`` and ``end_time``
  are seconds, as numbers; a job diarised by channel puts ``channel`` ("channel_1") on the item instead;
- a ``punctuation`` item is a mark with ``attaches_to``: "previous" (a comma, a full stop: against the word before),
  "next" (an opening quote: against the word after), "both" (against both) or "none" (a word of its own);
- an ``entity`` item (a job asked for entities) is a number, date or sum written out, its ``content`` the written
  form; a ``speaker_change`` item marks a change the words' own speakers already say, and holds no speech.

A turn is a run of words of one speaker, written as Speechmatics' own transcript writes them (a space between
words, each mark where it attaches). "S1" names a different person in every recording, so, like Amazon
Transcribe's "spk_0", it is matched to a manifest alias scoped to its file (``S1@file``). A reader that drops or
invents words is a leak or a loss, so an item of any other shape is refused with where it is, never skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .limits import check_turns
from .utterance import ParseError, Utterance, excerpt

_SPOKEN = frozenset({"word", "entity"})
"""Item types that are speech of their own."""
_ATTACH = frozenset({"previous", "next", "both", "none"})
_UNKNOWN_SPEAKER = "UU"
"""The label Speechmatics gives a word whose speaker it could not tell: no speaker, not a person called "UU"."""


def looks_like(data: Any) -> bool:
    """Whether parsed JSON is a Speechmatics transcript: its ``format`` version, a ``results`` list, and a first
    result (if any) that is an item with ``type`` and ``alternatives`` or a ``speaker_change``."""
    if not isinstance(data, dict) or not isinstance(data.get("format"), str):
        return False
    results = data.get("results")
    if not isinstance(results, list) or not ("job" in data or "metadata" in data):
        return False
    if not results:
        return True
    first = results[0]
    return isinstance(first, dict) and isinstance(first.get("type"), str) and (
        "alternatives" in first or first["type"] == "speaker_change")


TextOf = Callable[[Any, str, str, str], str]
TimeOf = Callable[[Any, float, str, str], float | None]
SpeakerOf = Callable[[Any, str, str], str | None]


def read(results: list[Any], source: str, text_of: TextOf, time_of: TimeOf,
         speaker_of: SpeakerOf) -> list[Utterance]:
    """The speech of a Speechmatics ``results`` list, one utterance a speaker's run of words.

    ``text_of``, ``time_of`` and ``speaker_of`` are the JSON readers' shared checks (text that is text, a time that
    is a number in range, a speaker label cleaned), passed in so every service's JSON is checked the same way."""
    out: list[Utterance] = []
    pieces: list[tuple[str, str]] = []  # (text, how it attaches)
    current: Utterance | None = None

    def close() -> None:
        if current is not None and pieces:
            current.text = _joined(pieces)
            if current.text:
                out.append(current)

    for i, item in enumerate(results, 1):
        where = f"result {i}"
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            raise ParseError(f"{source}: {where}: not an item with a 'type'")
        kind = item["type"]
        if kind == "speaker_change":
            continue
        if kind != "punctuation" and kind not in _SPOKEN:
            raise ParseError(f"{source}: {where}: an item of unknown type ({excerpt(kind)})")
        alternatives = item.get("alternatives")
        if not isinstance(alternatives, list) or not alternatives or not isinstance(alternatives[0], dict):
            raise ParseError(f"{source}: {where}: no 'alternatives' with the word")
        best = alternatives[0]
        content = text_of(best.get("content"), "content", where, source)
        if kind == "punctuation":
            attach = item.get("attaches_to", "previous")
            if not isinstance(attach, str) or attach not in _ATTACH:  # a list or an object: unhashable, refused
                raise ParseError(f"{source}: {where}: punctuation attaching to {excerpt(str(attach))}, not "
                                 "previous, next, both or none")
            if current is None:  # a mark before any word: speech of its own, kept as it is
                current = Utterance(speaker=None, text="", flags=["no_speaker"], where=where)
            pieces.append((content, attach))
            continue
        start = time_of(item.get("start_time"), 1, where, source)
        end = time_of(item.get("end_time"), 1, where, source)
        label = best.get("speaker", item.get("channel"))
        name = None if label == _UNKNOWN_SPEAKER else speaker_of(label, where, source)
        if current is None or name != current.speaker:
            close()
            check_turns(len(out) + 1, source, where)
            current = Utterance(speaker=name, text="", start_time=start, end_time=end,
                                flags=[] if name else ["no_speaker"], where=where)
            pieces = []
        elif end is not None:
            current.end_time = end
        pieces.append((content, "none"))
    close()
    return out


def _joined(pieces: list[tuple[str, str]]) -> str:
    """Words and marks written as the service writes its transcript: a space between two pieces unless the mark
    after attaches to what is before it ("previous", "both") or the mark before attaches to what is after it
    ("next", "both")."""
    text = ""
    glue_next = True
    for content, attach in pieces:
        if text and not glue_next and attach not in ("previous", "both"):
            text += " "
        text += content
        glue_next = attach in ("next", "both")
    return text.strip()

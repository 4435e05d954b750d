"""The JSON that cloud speech services return for a recording: AssemblyAI's transcript, an Amazon Transcribe job's
output, Rev.ai's transcript and Speechmatics' (read by :mod:`.speechmatics`, with the checks here).

Teams that send recordings to a service's API (or a tool built on it) keep the JSON the service returns, since it is
the only output with every word's time and the diarised speakers. Both were refused as "no speaker labels": neither
opens the way Whisper's JSON does. They are read here by their shape, never by the file's name:

- **AssemblyAI** returns an object with ``utterances``: one per speaker turn, each with ``speaker`` (a letter, "A",
  "B"), ``text`` and ``start``/``end`` in milliseconds. An utterance's text is taken whole. Without diarisation
  ``utterances`` is null, and the transcript's ``text`` is read as one piece of speech with no speaker.
- **Amazon Transcribe** returns ``results.items``: each spoken word a ``pronunciation`` item with times in seconds
  written as strings and, when diarised, a ``speaker_label`` (``spk_0``); punctuation items follow the word they
  end. A turn is a run of words of one speaker, written as the service's own transcript writes them (a space between
  words, punctuation against the word before). Items without a label take their speaker from
  ``speaker_labels.segments`` by time, as older outputs give it; without either the speech has no speaker.
- **Rev.ai** returns ``monologues``: one per speaker turn, each with ``speaker`` (a number) and perhaps the
  ``speaker_name`` a customer gave it, and ``elements``: ``text`` (a word, with ``ts``/``end_ts`` in seconds),
  ``punct`` (punctuation and the spaces between words, written out) and ``unknown`` (a tag such as
  ``<inaudible>``), whose values joined are the turn as Rev's own transcript prints it. A number alone is read as
  "Speaker 0", as Rev prints it.

A letter alone is no name a manifest can hold in every file, so AssemblyAI's "A" is read as "Speaker A", as the
service's own examples print it; like "spk_0" it names a different person in every recording, so it is matched
to a manifest alias scoped to its file (``Speaker A@file``). A reader that drops or invents words is a leak or a
loss, so an item or utterance of any other shape is refused with where it is, never skipped.
"""

from __future__ import annotations

import html
import json
import math
from typing import Any

from . import speechmatics
from .limits import check_turns
from .normalise import clean_name, squash
from .utterance import ParseError, Utterance, excerpt
from .whisper import MAX_SECONDS, parsed_json

#: Keys only these services write at the top of their JSON (AssemblyAI's ``utterances`` and ``audio_url``, Amazon
#: Transcribe's ``jobName`` and ``results``, Rev.ai's ``monologues``, Speechmatics' ``results``): a cheap look before
#: the JSON is parsed.
_MARKS = ('"utterances"', '"audio_url"', '"jobName"', '"results"', '"monologues"')


def service_of(text: str) -> str | None:
    """Which service wrote this JSON ("assemblyai", "transcribe", "rev", "speechmatics") or None: parsed, then known
    by its shape."""
    if not text.lstrip().startswith("{") or not any(m in text for m in _MARKS):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # ValueError: JSONDecodeError, and a number of more than 4,300 digits
        return None
    return _shape(data)


def _shape(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    results = data.get("results")
    if isinstance(results, dict) and isinstance(results.get("items"), list) and "transcripts" in results:
        return "transcribe"
    if "utterances" in data and isinstance(data.get("text"), str | type(None)) and (
            "audio_url" in data or "words" in data or isinstance(data.get("utterances"), list)):
        return "assemblyai"
    if isinstance(data.get("monologues"), list) and all(
            isinstance(m, dict) and "elements" in m for m in data["monologues"]):
        return "rev"
    if speechmatics.looks_like(data):
        return "speechmatics"
    return None


def read(text: str, source: str) -> list[Utterance]:
    """The speech of an AssemblyAI, Amazon Transcribe, Rev.ai or Speechmatics JSON, one utterance a speaker turn."""
    data = parsed_json(text, source)
    kind = _shape(data)
    if kind == "assemblyai":
        return _assemblyai(data, source)
    if kind == "transcribe":
        return _transcribe(data["results"], source)
    if kind == "rev":
        return _rev(data["monologues"], source)
    if kind == "speechmatics":
        return speechmatics.read(data["results"], source, _plain_string, _time, _speaker)
    raise ParseError(f"{source}: unknown format (JSON, but neither AssemblyAI's 'utterances', Amazon Transcribe's "
                     "'results.items', Rev.ai's 'monologues' nor Speechmatics' 'results' list)")


def _string(value: Any, what: str, where: str, source: str) -> str:
    """Text of the JSON, refused where it is not text or holds half a character (an unpaired ``\\ud800`` escape),
    which no file can store."""
    if not isinstance(value, str):
        raise ParseError(f"{source}: {where}: the {what} is not text ({type(value).__name__})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ParseError(f"{source}: {where}: the {what} holds half a character (an unpaired surrogate escape "
                         "such as \\ud800)") from None
    return value


def _time(value: Any, scale: float, where: str, source: str) -> float | None:
    """A time in seconds from milliseconds (AssemblyAI's numbers) or seconds (Transcribe's strings); NaN, infinity
    and times past any recording refused, since a NaN compares false with every time."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise ParseError(f"{source}: {where}: a time is not a number ({excerpt(value)})") from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ParseError(f"{source}: {where}: a time is not a number ({excerpt(str(value))})")
    seconds = value / scale
    if not 0 <= seconds <= MAX_SECONDS:
        raise ParseError(f"{source}: {where}: a time is out of range ({excerpt(str(value))})")
    return round(seconds, 3)


def _plain(text: str) -> str:
    """Speech as the service wrote it, spaces folded: JSON's strings are text, not markup, so a "<" said or typed
    ("email me <jo@example.org>", "<p") is kept and an "&amp;" stays as written (the cleaning that strips tags
    and decodes entities for captions sees them escaped)."""
    return squash(html.escape(text, quote=False))


def _plain_string(value: Any, what: str, where: str, source: str) -> str:
    """Text of the JSON, checked as :func:`_string` checks it, as speech (:func:`_plain`)."""
    return _plain(_string(value, what, where, source))


def _speaker(value: Any, where: str, source: str) -> str | None:
    if value is None:
        return None
    name = clean_name(html.escape(_string(value, "speaker", where, source), quote=False))
    if not name:
        return None
    return f"Speaker {name}" if len(name) == 1 and name.isalpha() else name


def _assemblyai(data: dict[str, Any], source: str) -> list[Utterance]:
    utterances = data.get("utterances")
    if utterances is None:  # no diarisation: the whole text, one piece of speech without a speaker
        said = _plain(_string(data.get("text") or "", "text", "the transcript", source))
        return [Utterance(speaker=None, text=said, flags=["no_speaker"], where="the transcript")] if said else []
    if not isinstance(utterances, list):
        raise ParseError(f"{source}: the 'utterances' is not a list ({type(utterances).__name__})")
    out: list[Utterance] = []
    for i, u in enumerate(utterances, 1):
        where = f"utterance {i}"
        check_turns(i, source, where)
        if not isinstance(u, dict) or "text" not in u:
            raise ParseError(f"{source}: {where}: not an utterance with a 'text'")
        name = _speaker(u.get("speaker"), where, source)
        out.append(Utterance(speaker=name, text=_plain(_string(u["text"], "text", where, source)),
                             start_time=_time(u.get("start"), 1000, where, source),
                             end_time=_time(u.get("end"), 1000, where, source),
                             flags=[] if name else ["no_speaker"], where=where))
    return out


def _segment_speakers(results: dict[str, Any], source: str) -> list[tuple[float, float, str]]:
    """``speaker_labels.segments`` as (start, end, label), for items that carry no label of their own."""
    labels = results.get("speaker_labels")
    if not isinstance(labels, dict):
        return []
    segments = labels.get("segments")
    if not isinstance(segments, list):
        return []
    out: list[tuple[float, float, str]] = []
    for i, seg in enumerate(segments, 1):
        where = f"speaker segment {i}"
        if not isinstance(seg, dict):
            raise ParseError(f"{source}: {where}: not a segment")
        start, end = _time(seg.get("start_time"), 1, where, source), _time(seg.get("end_time"), 1, where, source)
        name = _speaker(seg.get("speaker_label"), where, source)
        if start is not None and end is not None and name:
            out.append((start, end, name))
    return out


def _transcribe(results: dict[str, Any], source: str) -> list[Utterance]:
    segments = _segment_speakers(results, source)
    out: list[Utterance] = []
    words: list[str] = []
    current: Utterance | None = None

    def close() -> None:
        if current is not None and words:
            current.text = "".join(words).strip()
            out.append(current)

    for i, item in enumerate(results["items"], 1):
        where = f"item {i}"
        if not isinstance(item, dict):
            raise ParseError(f"{source}: {where}: not an item")
        alternatives = item.get("alternatives")
        if not isinstance(alternatives, list) or not alternatives or not isinstance(alternatives[0], dict):
            raise ParseError(f"{source}: {where}: no 'alternatives' with the word")
        content = _plain(_string(alternatives[0].get("content"), "content", where, source))
        kind = item.get("type")
        if kind == "punctuation":
            if current is None:  # punctuation before any word: speech of its own, kept as it is
                current = Utterance(speaker=None, text="", flags=["no_speaker"], where=where)
                words = [content]
            elif words:
                words[-1] += content
            continue
        if kind != "pronunciation":
            raise ParseError(f"{source}: {where}: an item of unknown type ({excerpt(str(kind))})")
        start = _time(item.get("start_time"), 1, where, source)
        end = _time(item.get("end_time"), 1, where, source)
        name = _speaker(item.get("speaker_label"), where, source) if "speaker_label" in item else next(
            (n for s, e, n in segments if start is not None and s <= start < e), None)
        if current is None or name != current.speaker:
            close()
            check_turns(len(out) + 1, source, where)
            current = Utterance(speaker=name, text="", start_time=start, end_time=end,
                                flags=[] if name else ["no_speaker"], where=where)
            words = []
        elif end is not None:
            current.end_time = end
        words.append(f" {content}" if words else content)
    close()
    return out


_REV_ELEMENTS = frozenset({"text", "punct", "unknown"})
"""Rev.ai's element types: a word, punctuation or a space, and a tag the service could not transcribe."""


def _rev(monologues: list[Any], source: str) -> list[Utterance]:
    out: list[Utterance] = []
    for i, m in enumerate(monologues, 1):
        where = f"monologue {i}"
        check_turns(i, source, where)
        elements = m.get("elements")
        if not isinstance(elements, list):
            raise ParseError(f"{source}: {where}: the 'elements' is not a list")
        named = m.get("speaker_name")
        number = m.get("speaker")
        if named not in (None, ""):
            name = _speaker(named, where, source)
        elif number is None:
            name = None
        elif isinstance(number, int) and not isinstance(number, bool) and number >= 0:
            name = f"Speaker {number}"
        else:
            raise ParseError(f"{source}: {where}: the speaker is no number ({excerpt(str(number))})")
        parts: list[str] = []
        start = end = None
        for k, e in enumerate(elements, 1):
            at = f"{where}, element {k}"
            if not isinstance(e, dict) or not isinstance(e.get("type"), str) or e["type"] not in _REV_ELEMENTS:
                raise ParseError(f"{source}: {at}: not a text, punct or unknown element")
            parts.append(_string(e.get("value"), "value", at, source))
            if e["type"] == "text":
                start = start if start is not None else _time(e.get("ts"), 1, at, source)
                end = _time(e.get("end_ts"), 1, at, source) or end
        said = _plain("".join(parts)).strip()
        if said:
            out.append(Utterance(speaker=name, text=said, start_time=start, end_time=end,
                                 flags=[] if name else ["no_speaker"], where=where))
    return out
